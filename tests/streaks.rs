//! The streak rules: runs of done days, per habit and for perfect days.

use chrono::NaiveDate;
use gutbone::domain::default_habits;
use gutbone::domain::stats::{HabitStats, perfect_days, perfect_streaks};
use gutbone::domain::streak::{PerfectDay, Streak};
use gutbone::domain::{Entry, Habit, History, Log};

/// The perfect-day streak reaching `today`, and the best.
fn perfect(history: &History, habits: &[Habit], today: NaiveDate) -> (u32, Option<Streak>) {
    let first = history.first_day().unwrap_or(today);
    perfect_streaks(&perfect_days(history, habits, first, today))
}

/// Whether `day` was a perfect day, judged as of the day after.
fn is_perfect(history: &History, habits: &[Habit], day: NaiveDate) -> bool {
    let today = day.succ_opt().unwrap();
    perfect_days(history, habits, day, today)[0] == (day, PerfectDay::Counts)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn sun() -> Habit {
    Habit::check("sunlight", "Sunlight")
}

fn log_of(habit: &Habit, done: &[&str], skipped: &[&str]) -> History {
    let mut log = Log::new();
    for day in done {
        log.set_done(d(day), habit, true);
    }
    for day in skipped {
        log.set_entry(d(day), habit, Some(Entry::Skipped));
    }
    History::from(log)
}

#[test]
fn an_empty_log_has_no_streak() {
    assert_eq!(
        HabitStats::new(&History::default(), &sun(), d("2026-11-22")).current_streak,
        0
    );
    assert_eq!(
        HabitStats::new(&History::default(), &sun(), d("2026-11-22")).best_streak,
        None
    );
}

#[test]
fn counts_back_from_today_when_today_is_done() {
    let log = log_of(&sun(), &["2026-11-20", "2026-11-21", "2026-11-22"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22")).current_streak,
        3
    );
}

#[test]
fn today_still_open_does_not_break_the_streak() {
    let log = log_of(&sun(), &["2026-11-20", "2026-11-21"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22")).current_streak,
        2
    );
}

#[test]
fn a_missed_yesterday_ends_the_streak() {
    let log = log_of(&sun(), &["2026-11-19", "2026-11-20"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22")).current_streak,
        0
    );
    let log = log_of(&sun(), &["2026-11-19", "2026-11-20", "2026-11-22"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22")).current_streak,
        1
    );
}

#[test]
fn skipped_days_neither_break_nor_extend() {
    let log = log_of(
        &sun(),
        &["2026-11-18", "2026-11-19", "2026-11-21"],
        &["2026-11-20", "2026-11-22"],
    );
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22")).current_streak,
        3
    );
    let best = HabitStats::new(&log, &sun(), d("2026-11-22"))
        .best_streak
        .unwrap();
    assert_eq!(
        (best.days, best.start, best.end),
        (3, d("2026-11-18"), d("2026-11-21"))
    );
}

#[test]
fn streaks_run_across_month_ends_and_new_year() {
    let log = log_of(
        &sun(),
        &["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"],
        &[],
    );
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2027-01-02")).current_streak,
        4
    );
    let log = log_of(&sun(), &["2026-10-31", "2026-11-01"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-02")).current_streak,
        2
    );
}

#[test]
fn best_is_the_longest_run_with_its_dates_and_the_earliest_of_equals() {
    let log = log_of(
        &sun(),
        &[
            "2026-01-01",
            "2026-01-02",
            "2026-02-01",
            "2026-02-02",
            "2026-02-03",
            "2026-03-01",
            "2026-03-02",
            "2026-03-03",
        ],
        &[],
    );
    let best = HabitStats::new(&log, &sun(), d("2026-11-22"))
        .best_streak
        .unwrap();
    assert_eq!(
        (best.days, best.start, best.end),
        (3, d("2026-02-01"), d("2026-02-03"))
    );
}

#[test]
fn best_ignores_days_after_today() {
    let log = log_of(&sun(), &["2026-11-21", "2026-11-23", "2026-11-24"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22"))
            .best_streak
            .unwrap()
            .days,
        1
    );
}

#[test]
fn other_habits_do_not_count() {
    let kefir = Habit::check("fermented-food", "Fermented food");
    let log = log_of(&kefir, &["2026-11-21", "2026-11-22"], &[]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-22")).current_streak,
        0
    );
}

#[test]
fn a_missed_run_counts_back_from_yesterday_to_the_last_kept_day() {
    let log = log_of(&sun(), &["2026-11-18"], &["2026-11-20"]);
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-20")).missed_run,
        1,
        "only the 19th"
    );
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-24")).missed_run,
        3,
        "21st to 23rd"
    );
    assert_eq!(
        HabitStats::new(&log, &sun(), d("2026-11-18")).missed_run,
        0,
        "before the log began"
    );
    assert_eq!(
        HabitStats::new(&History::default(), &sun(), d("2026-11-18")).missed_run,
        0
    );
}

#[test]
fn perfect_days_need_every_habit_done_or_skipped() {
    let habits = default_habits();
    let mut log = Log::new();
    for day in ["2026-11-20", "2026-11-21", "2026-11-22"] {
        for habit in &habits {
            log.set_done(d(day), &habit.id, true);
        }
    }
    // The 21st: sunlight skipped, so still perfect.
    log.set_entry(d("2026-11-21"), sun(), Some(Entry::Skipped));
    assert!(is_perfect(
        &History::from(log.clone()),
        &habits,
        d("2026-11-21")
    ));
    assert_eq!(
        perfect(&History::from(log.clone()), &habits, d("2026-11-22")).0,
        3
    );
    // The 20th: sunlight forgotten, so not perfect, and the streak starts after it.
    log.set_done(d("2026-11-20"), sun(), false);
    assert!(!is_perfect(
        &History::from(log.clone()),
        &habits,
        d("2026-11-20")
    ));
    assert_eq!(
        perfect(&History::from(log.clone()), &habits, d("2026-11-22")).0,
        2
    );
    let best = perfect(&History::from(log.clone()), &habits, d("2026-11-22"))
        .1
        .unwrap();
    assert_eq!((best.start, best.end), (d("2026-11-21"), d("2026-11-22")));
}

#[test]
fn a_day_of_nothing_but_skips_is_a_rest_day_not_a_perfect_one() {
    let habits = default_habits();
    let mut log = Log::new();
    for habit in &habits {
        log.set_done(d("2026-11-20"), &habit.id, true);
        log.set_entry(d("2026-11-21"), &habit.id, Some(Entry::Skipped));
        log.set_done(d("2026-11-22"), &habit.id, true);
    }
    assert!(!is_perfect(
        &History::from(log.clone()),
        &habits,
        d("2026-11-21")
    ));
    assert_eq!(
        perfect(&History::from(log.clone()), &habits, d("2026-11-22")).0,
        2
    );
}
