//! The weekly review.

use chrono::NaiveDate;
use gutbone::domain::default_habits;
use gutbone::domain::review::{Share, WEEKS, WeeklyReview};
use gutbone::domain::settings::WeekStart;
use gutbone::domain::stats::perfect_days;
use gutbone::domain::{History, Log};

/// The review, with the perfect days walked as the app walks them.
fn review_of(
    history: &History,
    habits: &[gutbone::domain::Habit],
    date: NaiveDate,
    today: NaiveDate,
    start: WeekStart,
) -> WeeklyReview {
    let perfect = perfect_days(history, habits, history.first_day().unwrap_or(today), today);
    WeeklyReview::new(history, habits, date, today, start, &perfect)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Two weeks: 9–15 Nov and 16–22 Nov 2026, reviewed on Sunday the 22nd.
fn two_weeks() -> Log {
    let habits = default_habits();
    let mut log = Log::new();
    for offset in 0..14u64 {
        let day = d("2026-11-09")
            .checked_add_days(chrono::Days::new(offset))
            .unwrap();
        // Kefir every day; fibre 4/7 then 5/7; sunlight skipped on the 20th.
        log.set_done(day, &habits[0].id, true);
        let fibre = if offset < 7 {
            offset % 2 == 0
        } else {
            offset % 7 < 5
        };
        log.set_done(day, &habits[1].id, fibre);
    }
    log.set_entry(
        d("2026-11-20"),
        &habits[3].id,
        Some(gutbone::domain::Entry::Skipped),
    );
    log
}

#[test]
fn shares_leave_skipped_and_untracked_days_out() {
    let habits = default_habits();
    let review = review_of(
        &History::from(two_weeks()),
        &habits,
        d("2026-11-22"),
        d("2026-11-22"),
        WeekStart::Monday,
    );
    assert_eq!(review.weeks.len(), WEEKS);
    let this = review.this_week().unwrap();
    assert_eq!(this.start, d("2026-11-16"));
    assert_eq!(this.shares[0], Share { done: 7, days: 7 });
    assert_eq!(this.shares[1], Share { done: 5, days: 7 });
    assert_eq!(
        this.shares[3],
        Share { done: 0, days: 6 },
        "the skipped day is left out"
    );
    let last = review.last_week().unwrap();
    assert_eq!(last.shares[1], Share { done: 4, days: 7 });
    // Weeks before the first logged day count nothing.
    assert_eq!(review.weeks[0].shares[0], Share::default());
    assert_eq!(review.weeks[0].shares[0].ratio(), None);
}

#[test]
fn most_kept_and_most_missed() {
    let habits = default_habits();
    let review = review_of(
        &History::from(two_weeks()),
        &habits,
        d("2026-11-22"),
        d("2026-11-22"),
        WeekStart::Monday,
    );
    assert_eq!(review.most_kept, Some(0));
    assert_eq!(
        review.most_missed,
        Some(2),
        "the first of the never-done habits"
    );
}

#[test]
fn nothing_is_most_missed_in_a_perfect_week() {
    let habits = default_habits();
    let mut log = Log::new();
    for offset in 0..7u64 {
        let day = d("2026-11-16")
            .checked_add_days(chrono::Days::new(offset))
            .unwrap();
        for habit in &habits {
            log.set_done(day, &habit.id, true);
        }
    }
    let review = review_of(
        &History::from(log.clone()),
        &habits,
        d("2026-11-22"),
        d("2026-11-22"),
        WeekStart::Monday,
    );
    assert_eq!(review.most_missed, None);
    assert_eq!(review.this_week().unwrap().perfect_days, 7);
    assert!(review.streaks.iter().all(|s| s.days == 7 && s.new_best));
}

#[test]
fn streaks_running_at_the_end_of_the_week() {
    let habits = default_habits();
    let review = review_of(
        &History::from(two_weeks()),
        &habits,
        d("2026-11-22"),
        d("2026-11-22"),
        WeekStart::Monday,
    );
    let kefir = review
        .streaks
        .iter()
        .find(|s| s.habit == habits[0].id)
        .unwrap();
    assert_eq!((kefir.days, kefir.new_best), (14, true));
    assert!(review.streaks.iter().all(|s| s.habit != habits[3].id));
    // Reviewing the week before: kefir's streak then was 7, also a best then.
    let earlier = review_of(
        &History::from(two_weeks()),
        &habits,
        d("2026-11-15"),
        d("2026-11-22"),
        WeekStart::Monday,
    );
    let kefir = earlier
        .streaks
        .iter()
        .find(|s| s.habit == habits[0].id)
        .unwrap();
    assert_eq!(kefir.days, 7);
}

#[test]
fn days_still_to_come_do_not_count() {
    let habits = default_habits();
    let review = review_of(
        &History::from(two_weeks()),
        &habits,
        d("2026-11-18"),
        d("2026-11-18"),
        WeekStart::Monday,
    );
    assert_eq!(
        review.this_week().unwrap().shares[0],
        Share { done: 3, days: 3 }
    );
}

#[test]
fn a_streak_broken_on_the_last_day_of_a_past_week_is_not_running() {
    // Kefir every day but Sunday the 15th; the week of 9–15 Nov reviewed
    // on the 18th: its streak did not run to the end of that week.
    let habits = default_habits();
    let mut log = two_weeks();
    log.set_done(d("2026-11-15"), &habits[0].id, false);
    let review = review_of(
        &History::from(log),
        &habits,
        d("2026-11-15"),
        d("2026-11-18"),
        WeekStart::Monday,
    );
    assert!(
        review.streaks.iter().all(|s| s.habit != habits[0].id),
        "{:?}",
        review.streaks
    );
    // Done on the Monday after does not lengthen the week's streak either.
    let review = review_of(
        &History::from(two_weeks()),
        &habits,
        d("2026-11-15"),
        d("2026-11-18"),
        WeekStart::Monday,
    );
    let kefir = review
        .streaks
        .iter()
        .find(|s| s.habit == habits[0].id)
        .unwrap();
    assert_eq!(kefir.days, 7);
}
