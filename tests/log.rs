//! The daily log: entries, notes and how a day counts.

use chrono::NaiveDate;
use gutbone::domain::{DayCount, Entry, Habit, HabitId, Log, Status};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn clearing_an_entry_drops_the_empty_day() {
    let kefir = HabitId::new("fermented-food");
    let mut log = Log::new();
    log.set_done(d("2026-11-22"), &kefir, true);
    assert_eq!(log.entry(d("2026-11-22"), &kefir), Some(Entry::Done));
    assert_eq!(log.entry(d("2026-11-21"), &kefir), None);
    log.set_done(d("2026-11-22"), &kefir, false);
    assert_eq!(log, Log::new(), "an emptied day leaves no trace");
}

#[test]
fn status_depends_on_the_habit_target() {
    let walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    let mut log = Log::new();
    log.set_entry(d("2026-11-22"), &walk, Some(Entry::Amount(20.0)));
    assert_eq!(log.status(d("2026-11-22"), &walk), Some(Status::Partial));
    assert!(!log.is_done(d("2026-11-22"), &walk));
    assert_eq!(log.amount(d("2026-11-22"), &walk), 20.0);
    let easier = Habit::measured("walk", "Walk", "min", 5.0, 20.0);
    assert!(log.is_done(d("2026-11-22"), &easier));
}

#[test]
fn notes_are_trimmed_and_a_blank_note_leaves_no_trace() {
    let day = d("2026-11-22");
    let mut log = Log::new();
    log.set_note(day, Some("  knee sore "));
    assert_eq!(log.note(day), Some("knee sore"));
    assert_eq!(log.first_day(), Some(day), "a note alone keeps the day");
    log.set_note(day, Some("   "));
    assert_eq!(log, Log::new());
}

#[test]
fn first_day_is_the_oldest_logged_day() {
    let sun = HabitId::new("sunlight");
    let mut log = Log::new();
    assert_eq!(log.first_day(), None);
    log.set_done(d("2026-11-20"), &sun, true);
    log.set_entry(d("2025-03-01"), &sun, Some(Entry::Skipped));
    assert_eq!(log.first_day(), Some(d("2025-03-01")));
}

#[test]
fn a_day_counts_done_among_the_habits_not_skipped() {
    let habits: Vec<Habit> = ["a", "b", "c"].map(|id| Habit::check(id, id)).into();
    let day = d("2026-11-22");
    let mut log = Log::new();
    let count = log.count(day, &habits);
    assert_eq!((count.done, count.counted()), (0, 3));
    assert!(!count.all_done() && !count.is_rest_day());
    log.set_done(day, &habits[0], true);
    log.set_entry(day, &habits[1], Some(Entry::Skipped));
    log.set_entry(day, &habits[2], Some(Entry::Skipped));
    let count = log.count(day, &habits);
    assert_eq!((count.done, count.skipped, count.counted()), (1, 2, 1));
    assert!(
        count.all_done(),
        "one done, two skipped: all that counts is done"
    );
    assert!(!count.is_rest_day());
    log.set_entry(day, &habits[0], Some(Entry::Skipped));
    let count = log.count(day, &habits);
    assert!(count.is_rest_day() && !count.all_done(), "{count:?}");
    assert!(
        !DayCount::default().is_rest_day(),
        "no habits is no rest day"
    );
}

#[test]
fn done_count_counts_only_done_among_the_given_habits() {
    let (a, b, c) = (
        Habit::check("a", "A"),
        Habit::check("b", "B"),
        Habit::measured("c", "C", "min", 5.0, 10.0),
    );
    let mut log = Log::new();
    log.set_done(d("2026-11-22"), &a, true);
    log.set_entry(d("2026-11-22"), &c, Some(Entry::Amount(10.0)));
    log.set_entry(d("2026-11-22"), &b, Some(Entry::Skipped));
    assert_eq!(log.done_count(d("2026-11-22"), [&a, &b]), 1);
    assert_eq!(log.done_count(d("2026-11-22"), [&a, &b, &c]), 2);
    assert_eq!(log.done_count(d("2026-11-21"), [&a, &b, &c]), 0);
    log.set_entry(d("2026-11-22"), &c, Some(Entry::Amount(5.0)));
    assert_eq!(
        log.done_count(d("2026-11-22"), [&a, &b, &c]),
        1,
        "partial is not done"
    );
}

#[test]
fn a_habit_added_later_is_not_counted_on_the_days_before_it() {
    let mut habits: Vec<Habit> = ["a", "b"].map(|id| Habit::check(id, id)).into();
    habits[1].since = Some(d("2026-12-07"));
    let mut log = Log::new();
    log.set_done(d("2026-11-30"), &habits[0], true);
    let count = log.count(d("2026-11-30"), &habits);
    assert_eq!((count.done, count.counted()), (1, 1), "{count:?}");
    assert!(count.all_done());
    assert_eq!(
        log.count(d("2026-11-29"), &habits).counted(),
        1,
        "a day with nothing logged"
    );
    assert_eq!(
        log.count(d("2026-12-07"), &habits).counted(),
        2,
        "from the day it was added"
    );
    log.set_done(d("2026-11-30"), &habits[1], true);
    assert_eq!(
        log.count(d("2026-11-30"), &habits).done,
        2,
        "a day back-filled for it counts"
    );
}
