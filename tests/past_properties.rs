//! A log that holds only its recent days, the older ones summed up in a
//! `Past`, answers every question the main screen asks exactly as the whole
//! log does: streaks, strength, its change over the week, missed runs and
//! where each habit's history starts.

use chrono::{Days, NaiveDate};
use gutbone::domain::settings::WeekStart;
use gutbone::domain::stats::HabitStats;
use gutbone::domain::week::earliest_shown;
use gutbone::domain::{Entry, Habit, History, Log};
use proptest::prelude::*;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 1).unwrap()
}

fn day(offset: usize) -> NaiveDate {
    start().checked_add_days(Days::new(offset as u64)).unwrap()
}

/// A measured habit, a done-or-not one, and one added partway (`since`).
fn habits(since: usize) -> Vec<Habit> {
    let mut walk = Habit::check("walk", "Walk");
    walk.since = Some(day(since));
    vec![
        Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0),
        Habit::check("kefir", "Kefir"),
        walk,
    ]
}

/// Mostly done, so that streaks often run across the checkpoint.
fn entry() -> impl Strategy<Value = Option<Entry>> {
    prop_oneof![
        12 => Just(Some(Entry::Done)),
        1 => Just(Some(Entry::Amount(15.0))),
        1 => Just(Some(Entry::Amount(5.0))),
        1 => Just(None),
        1 => Just(Some(Entry::Skipped)),
    ]
}

/// Per day, an entry for each of the three habits; now and then nothing at all.
fn history() -> impl Strategy<Value = Vec<[Option<Entry>; 3]>> {
    let logged_day = [entry(), entry(), entry()];
    let day = prop_oneof![1 => Just([None; 3]), 20 => logged_day];
    prop::collection::vec(day, 1..500)
}

/// Any day, but often the first weeks of 2026, just after the checkpoint.
fn today_at() -> impl Strategy<Value = usize> {
    prop_oneof![0..520usize, 92..140usize]
}

fn log_of(days: &[[Option<Entry>; 3]], habits: &[Habit]) -> Log {
    let mut log = Log::new();
    for (offset, entries) in days.iter().enumerate() {
        for (habit, entry) in habits.iter().zip(entries) {
            log.set_entry(day(offset), habit, *entry);
        }
    }
    log
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_recent_days_and_a_past_answer_as_the_whole_log_does(
        days in history(),
        since in 0..520usize,
        today_at in today_at(),
        week_start in prop_oneof![Just(WeekStart::Monday), Just(WeekStart::Sunday)],
    ) {
        let habits = habits(since);
        let whole = log_of(&days, &habits);
        let today = day(today_at);
        let before = earliest_shown(today, week_start);
        let whole = History::from(whole);
        let recent = History::recent(whole.log.clone(), whole.sum_up(&habits, before));
        prop_assert!(recent.log.days_in(..before).next().is_none(), "the older days are gone");

        prop_assert_eq!(recent.first_day(), whole.first_day());
        prop_assert_eq!(
            HabitStats::all(&recent, &habits, today),
            HabitStats::all(&whole, &habits, today)
        );
        for habit in &habits {
            prop_assert_eq!(recent.start(habit), whole.start(habit), "{}", habit.id.as_str());
            prop_assert_eq!(
                HabitStats::new(&recent, habit, today).missed_run,
                HabitStats::new(&whole, habit, today).missed_run,
                "{}", habit.id.as_str()
            );
        }

        let mut filled = recent.clone();
        filled.fill_in(whole.log.clone());
        prop_assert_eq!(filled, whole, "filling in gives back the whole history");
    }
}

#[test]
fn a_past_fits_only_the_habits_it_was_reckoned_with() {
    let habits = habits(30);
    let past = History::default().sum_up(&habits, day(100));
    assert!(past.fits(&habits));
    let mut later = habits.clone();
    later[2].since = Some(day(31));
    assert!(!past.fits(&later), "a habit's start moved");
    let mut retargeted = habits.clone();
    retargeted[0].measure.as_mut().unwrap().target = 20.0;
    assert!(!past.fits(&retargeted), "a target changed");
    assert!(!past.fits(&habits[..2]), "a habit is gone");
    let mut renamed = habits.clone();
    renamed[1].name = "Yogurt".into();
    assert!(past.fits(&renamed), "a new name changes no sum");
    let mut unmeasured = habits.clone();
    unmeasured[0].was_measured = unmeasured[0].measure.take();
    assert!(!past.fits(&unmeasured), "measured, then done or not");
    let mut limited = habits.clone();
    limited[0].measure.as_mut().unwrap().at_most = true;
    assert!(!past.fits(&limited), "a target made a limit");
    let mut scheduled = habits.clone();
    scheduled[1].schedule = gutbone::domain::schedule::Schedule::parse("3/7").unwrap();
    assert!(!past.fits(&scheduled), "a schedule changed");
}

#[test]
fn the_checkpoint_keeps_this_week_and_the_earlier_weeks_shown_recent() {
    use gutbone::domain::week::EARLIER_WEEKS;
    assert_eq!(EARLIER_WEEKS, 4, "the dates below count four weeks back");
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let checkpoint = |today| earliest_shown(d(today), WeekStart::Monday);
    // Sunday 2026-11-22: its week began on Monday 2026-11-16.
    assert_eq!(checkpoint("2026-11-22"), d("2026-10-19"));
    assert_eq!(checkpoint("2026-11-16"), d("2026-10-19"));
    assert_eq!(checkpoint("2026-11-23"), d("2026-10-26"));
    // Sunday 2027-01-31: four weeks before its week began, 2026-12-28.
    assert_eq!(checkpoint("2027-01-31"), d("2026-12-28"));
    assert_eq!(
        earliest_shown(d("2026-11-22"), WeekStart::Sunday),
        d("2026-10-25")
    );
}
