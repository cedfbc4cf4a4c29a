//! Strength, the score after Loop Habit Tracker's.

use chrono::Days;
use chrono::NaiveDate;
use gutbone::domain::stats::strength;
use gutbone::domain::{Entry, Habit, History, Log};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn sun() -> Habit {
    Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// A day-by-day reference: the definition, with no shortcuts.
fn by_hand(days: &[Option<Entry>]) -> f64 {
    let m = 0.5_f64.powf(1.0 / 13.0);
    days.iter().fold(0.0, |score, day| match day {
        Some(Entry::Done) => score * m + (1.0 - m),
        Some(Entry::Amount(minutes)) => score * m + (minutes / 15.0).min(1.0) * (1.0 - m),
        Some(Entry::Skipped) => score,
        None => score * m,
    })
}

fn log_from(start: &str, days: &[Option<Entry>]) -> History {
    let mut log = Log::new();
    for (offset, status) in (0..).zip(days) {
        let day = d(start).checked_add_days(Days::new(offset)).unwrap();
        log.set_entry(day, sun(), *status);
    }
    History::from(log)
}

#[test]
fn twenty_done_days_from_a_fresh_start() {
    let days = [Some(Entry::Done); 20];
    let log = log_from("2026-11-01", &days);
    let score = strength(&log, &sun(), d("2026-11-20"));
    // 1 − m^20 = 1 − 0.5^(20/13)
    assert!(close(score, 1.0 - 0.5_f64.powf(20.0 / 13.0)), "{score}");
    assert!((score - 0.655_747_637).abs() < 1e-8, "{score}"); // computed separately in Python
}

#[test]
fn the_same_twenty_days_with_three_skipped() {
    let mut days = [Some(Entry::Done); 20];
    for skipped in [4, 9, 15] {
        days[skipped] = Some(Entry::Skipped);
    }
    let log = log_from("2026-11-01", &days);
    let score = strength(&log, &sun(), d("2026-11-20"));
    // Skipped days carry the score: as if 17 days were done in a row.
    assert!(close(score, 1.0 - 0.5_f64.powf(17.0 / 13.0)), "{score}");
    assert!(close(score, by_hand(&days)));
}

#[test]
fn one_done_day_followed_by_misses() {
    let m = 0.5_f64.powf(1.0 / 13.0);
    let log = log_from("2026-11-01", &[Some(Entry::Done)]);
    assert!(close(strength(&log, &sun(), d("2026-11-01")), 1.0 - m));
    // Thirteen misses later, exactly half is left.
    let score = strength(&log, &sun(), d("2026-11-14"));
    assert!(close(score, (1.0 - m) / 2.0), "{score}");
}

#[test]
fn nothing_before_the_first_logged_day() {
    let log = log_from("2026-11-10", &[Some(Entry::Done)]);
    assert_eq!(strength(&log, &sun(), d("2026-11-09")), 0.0);
    assert_eq!(strength(&History::default(), &sun(), d("2026-11-09")), 0.0);
}

#[test]
fn today_counts_as_missed_until_done() {
    let mut history = log_from("2026-11-01", &[Some(Entry::Done); 10]);
    let open = strength(&history, &sun(), d("2026-11-11"));
    let yesterday = strength(&history, &sun(), d("2026-11-10"));
    assert!(open < yesterday, "an open today already weighs as a miss");
    history.log.set_done(d("2026-11-11"), sun(), true);
    assert!(strength(&history, &sun(), d("2026-11-11")) > yesterday);
}

#[test]
fn the_shortcut_over_gaps_matches_the_day_by_day_definition() {
    use Entry::*;
    let days = [
        Some(Done),
        None,
        None,
        Some(Skipped),
        Some(Done),
        Some(Done),
        None,
        None,
        None,
        None,
        Some(Done),
        Some(Skipped),
        Some(Skipped),
        None,
        Some(Done),
        Some(Amount(5.0)),
        Some(Amount(30.0)),
        Some(Amount(7.5)),
    ];
    let log = log_from("2026-02-20", &days);
    let last = d("2026-02-20").checked_add_days(Days::new(17)).unwrap();
    assert!(close(strength(&log, &sun(), last), by_hand(&days)));
}

#[test]
fn a_partial_day_counts_as_its_share_of_the_target() {
    let m = 0.5_f64.powf(1.0 / 13.0);
    // 5 of 15 minutes: a third of a done day.
    let log = log_from("2026-11-01", &[Some(Entry::Amount(5.0))]);
    assert!(close(
        strength(&log, &sun(), d("2026-11-01")),
        (1.0 - m) / 3.0
    ));
    // Beyond the target counts no more than the target.
    let more = log_from("2026-11-01", &[Some(Entry::Amount(60.0))]);
    let done = log_from("2026-11-01", &[Some(Entry::Done)]);
    assert!(close(
        strength(&more, &sun(), d("2026-11-01")),
        strength(&done, &sun(), d("2026-11-01"))
    ));
}
