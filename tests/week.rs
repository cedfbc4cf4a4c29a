//! The week at a glance: marks and totals.

use Mark::*;
use chrono::NaiveDate;
use gutbone::domain::default_habits;
use gutbone::domain::settings::WeekStart;
use gutbone::domain::week::{Mark, WeekSummary};
use gutbone::domain::{HabitId, History, Log};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn id(s: &str) -> HabitId {
    HabitId::new(s)
}

#[test]
fn a_week_in_progress() {
    let habits = default_habits();
    let mut log = Log::new();
    // Started on Tuesday; kefir every day but Thursday, sunlight only today.
    for day in ["2026-11-17", "2026-11-18", "2026-11-20", "2026-11-21"] {
        log.set_done(d(day), id("fermented-food"), true);
    }
    log.set_done(d("2026-11-19"), id("prebiotic-fiber"), true);
    log.set_entry(
        d("2026-11-19"),
        id("fermented-food"),
        Some(gutbone::domain::Entry::Skipped),
    );
    log.set_entry(
        d("2026-11-18"),
        id("sunlight"),
        Some(gutbone::domain::Entry::Amount(5.0)),
    );
    // Today is Friday 20 Nov.
    let week = WeekSummary::new(
        &History::from(log.clone()),
        &habits,
        d("2026-11-20"),
        d("2026-11-20"),
        WeekStart::Monday,
    );
    assert_eq!(week.days[0], d("2026-11-16"));
    assert_eq!(week.days[6], d("2026-11-22"));
    assert_eq!(
        week.rows[0].marks,
        [Untracked, Done, Done, Skipped, Done, Done, Upcoming],
        "a day logged ahead (Saturday) still shows as done"
    );
    assert_eq!(
        week.rows[3].marks,
        [Untracked, Missed, Partial, Missed, Open, Upcoming, Upcoming],
        "5 of 15 minutes of sunlight is partial"
    );
    let stats = gutbone::domain::stats::HabitStats::all(
        &History::from(log.clone()),
        &habits,
        d("2026-11-20"),
    );
    assert_eq!(stats[0].current_streak, 3, "the skipped Thursday passes");
    assert_eq!(stats[0].best_streak.map(|s| s.days), Some(3));
    assert!(stats[0].strength > stats[1].strength);
    assert_eq!(
        week.totals,
        [None, Some(1), Some(1), Some(1), Some(1), None, None],
        "Saturday, logged ahead of today, is not totalled yet"
    );
}

#[test]
fn a_sunday_week_starts_a_day_earlier() {
    let habits = default_habits();
    let week = WeekSummary::new(
        &History::default(),
        &habits,
        d("2026-11-20"),
        d("2026-11-20"),
        WeekStart::Sunday,
    );
    assert_eq!(week.days[0], d("2026-11-15"));
    assert_eq!(week.days[6], d("2026-11-21"));
    assert_eq!(week.totals, [None, None, None, None, None, Some(0), None]);
}

#[test]
fn a_week_across_new_year() {
    let habits = default_habits();
    let mut log = Log::new();
    for day in ["2026-12-30", "2026-12-31", "2027-01-01"] {
        log.set_done(d(day), id("sunlight"), true);
    }
    let week = WeekSummary::new(
        &History::from(log.clone()),
        &habits,
        d("2027-01-01"),
        d("2027-01-02"),
        WeekStart::Monday,
    );
    assert_eq!(week.days[0], d("2026-12-28"));
    assert_eq!(week.days[6], d("2027-01-03"));
    assert_eq!(
        week.rows[3].marks,
        [Untracked, Untracked, Done, Done, Done, Open, Upcoming]
    );
    assert_eq!(
        week.totals,
        [None, None, Some(1), Some(1), Some(1), Some(0), None]
    );
}

#[test]
fn an_empty_log_totals_only_today() {
    let week = WeekSummary::new(
        &History::default(),
        &default_habits(),
        d("2026-11-18"),
        d("2026-11-18"),
        WeekStart::Monday,
    );
    assert_eq!(week.totals, [None, None, Some(0), None, None, None, None]);
    assert!(
        week.rows
            .iter()
            .all(|row| row.marks[..2] == [Untracked, Untracked])
    );
}

#[test]
fn a_past_week_across_a_month_end_is_judged_from_today() {
    let habits = default_habits();
    let mut log = Log::new();
    log.set_done(d("2026-10-26"), id("stress-break"), true);
    log.set_done(d("2026-11-01"), id("stress-break"), true);
    let week = WeekSummary::new(
        &History::from(log.clone()),
        &habits,
        d("2026-10-29"),
        d("2026-11-22"),
        WeekStart::Monday,
    );
    assert_eq!(week.days[0], d("2026-10-26"));
    assert_eq!(week.days[6], d("2026-11-01"));
    assert_eq!(
        week.rows[4].marks,
        [Done, Missed, Missed, Missed, Missed, Missed, Done]
    );
    assert!(week.totals.iter().all(Option::is_some));
}

#[test]
fn a_limit_on_its_day_off_is_not_due_not_kept() {
    let mut coffee = gutbone::domain::Habit::measured("coffee", "Coffee", "cup", 1.0, 2.0);
    coffee.measure.as_mut().unwrap().at_most = true;
    coffee.schedule = gutbone::domain::schedule::Schedule::parse("tue,thu").unwrap();
    let mut log = Log::new();
    log.set_note(d("2026-11-16"), Some("start"));
    let week = WeekSummary::new(
        &History::from(log),
        std::slice::from_ref(&coffee),
        d("2026-11-20"),
        d("2026-11-20"),
        WeekStart::Monday,
    );
    assert_eq!(
        week.rows[0].marks[..5],
        [Mark::Off, Mark::Done, Mark::Off, Mark::Done, Mark::Off],
        "Tuesday and Thursday kept, the other days off"
    );
}
