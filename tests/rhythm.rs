//! Habits on their own rhythm: Loop Habit Tracker's published score values
//! for schedules, and the streak, due and limit rules at their edges.

use chrono::{Days, NaiveDate};
use gutbone::domain::schedule::Schedule;
use gutbone::domain::stats::{HabitStats, strength};
use gutbone::domain::strength::{multiplier, next};
use gutbone::domain::{Entry, Habit, History, Log};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

/// `today` minus `offset` days.
fn ago(offset: u64) -> NaiveDate {
    today() - Days::new(offset)
}

fn on(schedule: &str) -> Habit {
    let mut habit = Habit::check("gym", "Gym");
    habit.schedule = Schedule::parse(schedule).unwrap();
    habit
}

/// A history of `days` days ending today, done on the days `done` says,
/// counted back from today (0 is today).
fn history(habit: &Habit, days: u64, done: impl Fn(u64) -> bool) -> History {
    let mut log = Log::new();
    for offset in 0..days {
        if done(offset) {
            log.set_done(ago(offset), habit, true);
        }
    }
    // The history starts on its first day, done or not.
    log.set_note(ago(days - 1), Some("start"));
    History::from(log)
}

fn score(habit: &Habit, history: &History) -> f64 {
    strength(history, habit, today())
}

#[test]
fn loop_score_values_for_three_and_four_times_a_week() {
    // 100 blocks of [done, done, 5 missed], counted back from today.
    let pattern = |offset: u64| offset % 7 < 2;
    let three = on("3/7");
    let value = score(&three, &history(&three, 700, pattern));
    assert!((value - 0.666667).abs() < 1e-6, "{value}");
    let four = on("4/7");
    let value = score(&four, &history(&four, 700, pattern));
    assert!((value - 0.5).abs() < 1e-6, "{value}");
}

#[test]
fn loop_score_values_for_weekly_and_monthly() {
    // 100 blocks of [done, 12 missed, done].
    let weekly = on("1/7");
    let value = score(
        &weekly,
        &history(&weekly, 1400, |offset| matches!(offset % 14, 0 | 13)),
    );
    assert!((value - 1.0).abs() < 0.001, "{value}");
    // Done every 7th day for 39 weeks.
    let value = score(
        &weekly,
        &history(&weekly, 39 * 7 - 6, |offset| offset % 7 == 0),
    );
    assert!(value > 0.99, "{value}");
    // 1/30, done every 30th day 18 times.
    let monthly = on("1/30");
    let value = score(
        &monthly,
        &history(&monthly, 18 * 30 - 29, |offset| offset % 30 == 0),
    );
    assert!(value > 0.99, "{value}");
}

#[test]
fn loop_daily_values_are_unchanged() {
    let daily = on("daily");
    let value = score(&daily, &history(&daily, 20, |_| true));
    assert!((value - 0.655747).abs() < 1e-6, "{value}");
}

#[test]
fn loop_score_step_for_a_third() {
    let m = multiplier(1.0 / 3.0);
    for (previous, done, missed) in [
        (0.0, 0.030314, 0.0),
        (0.5, 0.515157, 0.484842),
        (0.75, 0.757578, 0.727263),
    ] {
        assert!((next(previous, 1.0, m) - done).abs() < 1e-6, "{previous}");
        assert!((next(previous, 0.0, m) - missed).abs() < 1e-6, "{previous}");
    }
}

fn stats(habit: &Habit, history: &History) -> HabitStats {
    HabitStats::new(history, habit, today())
}

#[test]
fn three_a_week_keeps_every_day_of_a_window_that_holds_three() {
    let gym = on("3/7");
    // Mon, Wed, Fri for three weeks, up to Friday 4 Dec; today is Monday 7 Dec.
    let done = |offset: u64| offset >= 3 && matches!(offset % 7, 0 | 3 | 5);
    let figures = stats(&gym, &history(&gym, 21, done));
    assert_eq!(
        figures.current_streak,
        21 - 1,
        "every day kept but today, still open"
    );
    assert!(
        figures.due,
        "Fri and Wed in the last seven days: one more keeps the rhythm"
    );
    assert_eq!(figures.done_in_window, 2);
    assert_eq!(figures.missed_run, 0);
    let done_today = |offset: u64| done(offset) || offset == 0;
    let figures = stats(&gym, &history(&gym, 21, done_today));
    assert!(!figures.due);
    assert_eq!(figures.current_streak, 21);
}

#[test]
fn the_first_days_of_a_habit_are_kept_once_the_window_holds_enough() {
    let gym = on("3/7");
    // Done the two days before today, the habit's first.
    let two = history(&gym, 3, |offset| offset >= 1);
    let figures = stats(&gym, &two);
    assert_eq!(
        figures.current_streak, 0,
        "two of three: nothing kept yet, nothing missed"
    );
    assert!(figures.due);
    assert_eq!(figures.missed_run, 0);
    let three = history(&gym, 3, |_| true);
    let figures = stats(&gym, &three);
    assert_eq!(figures.current_streak, 3);
    assert!(!figures.due);
}

#[test]
fn a_window_straddling_a_skip_reaches_past_it() {
    let gym = on("3/7");
    let mut log = Log::new();
    // Done 10 and 9 days ago, six days skipped, done 2 days ago.
    log.set_done(ago(10), &gym, true);
    log.set_done(ago(9), &gym, true);
    for offset in 3..=8 {
        log.set_entry(ago(offset), &gym, Some(Entry::Skipped));
    }
    log.set_done(ago(2), &gym, true);
    let figures = stats(&gym, &History::from(log));
    // The skipped days are set aside: 10, 9 and 2 days ago lie in one window,
    // with yesterday and today.
    assert!(!figures.due, "{figures:?}");
    assert_eq!(figures.current_streak, 5);
}

#[test]
fn days_off_neither_break_nor_extend_a_weekday_streak() {
    let lift = on("mon,wed,fri");
    // Today is Monday: done the Mondays, Wednesdays and Fridays before it.
    let done = |offset: u64| offset >= 1 && matches!(offset % 7, 0 | 3 | 5);
    let figures = stats(&lift, &history(&lift, 15, done));
    assert_eq!(figures.current_streak, 6, "six scheduled days kept");
    assert!(figures.due, "Monday is on and not done yet");
    let tuesday = HabitStats::new(&history(&lift, 15, done), &lift, today() + Days::new(1));
    assert!(!tuesday.due, "Tuesday is a day off");
    assert_eq!(tuesday.current_streak, 0, "Monday was missed");
    assert_eq!(
        tuesday.missed_run, 1,
        "one scheduled day, not the day off after it"
    );
}

#[test]
fn a_schedule_changed_midway_judges_the_whole_history_anew() {
    let mut gym = on("daily");
    let every_other_day = history(&gym, 20, |offset| offset % 2 == 1);
    assert_eq!(stats(&gym, &every_other_day).current_streak, 1);
    let daily_strength = stats(&gym, &every_other_day).strength;
    gym.schedule = Schedule::parse("1/2").unwrap();
    let figures = stats(&gym, &every_other_day);
    assert_eq!(
        figures.current_streak, 20,
        "every day lies in two days holding one done"
    );
    assert!(
        figures.strength > daily_strength + 0.15,
        "{figures:?} {daily_strength}"
    );
}

fn limit() -> Habit {
    let mut soda = Habit::measured("soda", "Sugary drinks", "glass", 1.0, 1.0);
    soda.measure.as_mut().unwrap().at_most = true;
    soda
}

#[test]
fn a_limit_is_kept_at_or_under_it_and_nothing_logged_keeps_it() {
    let soda = limit();
    let mut log = Log::new();
    log.set_note(ago(5), Some("start"));
    log.set_entry(ago(3), &soda, Some(Entry::Amount(1.0)));
    log.set_entry(ago(1), &soda, Some(Entry::Amount(0.5)));
    let history = History::from(log.clone());
    let figures = stats(&soda, &history);
    assert_eq!(figures.current_streak, 6, "five days and today, none over");
    assert!(!figures.due, "a limit is never due");
    assert!(figures.strength > 0.0);
    log.set_entry(ago(2), &soda, Some(Entry::Amount(3.0)));
    let figures = stats(&soda, &History::from(log.clone()));
    assert_eq!(figures.current_streak, 2, "over two days ago breaks it");
    assert_eq!(figures.best_streak.map(|s| s.days), Some(3));
    log.set_entry(today(), &soda, Some(Entry::Amount(2.0)));
    let figures = stats(&soda, &History::from(log));
    assert_eq!(figures.current_streak, 0, "over today: no more can mend it");
}

#[test]
fn a_limits_strength_follows_how_far_over_it_went() {
    let soda = limit();
    let at = |amount: f64| {
        let mut log = Log::new();
        log.set_entry(today(), &soda, Some(Entry::Amount(amount)));
        strength(&History::from(log), &soda, today())
    };
    let full = 1.0 - multiplier(1.0);
    assert!((at(1.0) - full).abs() < 1e-12, "at the limit: a whole day");
    assert!(
        (at(1.5) - full / 2.0).abs() < 1e-12,
        "half again over: half a day"
    );
    assert_eq!(at(2.0), 0.0, "twice the limit: nothing");
    assert_eq!(at(5.0), 0.0);
}

#[test]
fn a_day_no_window_can_keep_any_more_is_missed_at_once() {
    let gym = on("3/7");
    // Mon, Wed, Fri from Mon 16 Nov to Fri 4 Dec, then nothing.
    let mut log = Log::new();
    let first = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap();
    for offset in (0..19).filter(|offset| matches!(offset % 7, 0 | 2 | 4)) {
        log.set_done(first + Days::new(offset), &gym, true);
    }
    let history = History::from(log);
    let on = |day: u32| {
        HabitStats::new(
            &history,
            &gym,
            NaiveDate::from_ymd_opt(2026, 12, day).unwrap(),
        )
    };
    assert_eq!(
        on(10).current_streak,
        21,
        "16 Nov to 6 Dec kept; 7 Dec may yet be, by Thu 10 Dec"
    );
    assert_eq!(
        on(12).current_streak,
        0,
        "from Sat 12 Dec, Mon 7 Dec cannot be kept"
    );
    assert_eq!(on(12).missed_run, 1);
    let marks = gutbone::domain::stats::verdicts(
        &history,
        &gym,
        first,
        NaiveDate::from_ymd_opt(2026, 12, 12).unwrap(),
    );
    let seventh = marks
        .iter()
        .find(|(date, _)| date.format("%d").to_string() == "07")
        .unwrap();
    assert_eq!(seventh.1, gutbone::domain::walk::Verdict::Missed);
}

#[test]
fn a_first_day_after_today_asks_for_no_verdicts_and_panics_nowhere() {
    let gym = on("3/7");
    let mut log = Log::new();
    log.set_done(today() + Days::new(2), &gym, true);
    let history = History::from(log);
    let first = history.first_day().unwrap();
    assert!(gutbone::domain::stats::verdicts(&history, &gym, first, today()).is_empty());
    let perfect =
        gutbone::domain::stats::perfect_days(&history, std::slice::from_ref(&gym), first, today());
    assert!(perfect.is_empty());
    assert_eq!(HabitStats::new(&history, &gym, today()).current_streak, 0);
}

#[test]
fn part_of_a_target_on_a_day_off_is_an_extra_try_not_a_miss() {
    let mut walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    walk.schedule = Schedule::parse("mon,wed,fri").unwrap();
    // Today is Monday 7 Dec: done the Friday and the Wednesday before.
    let mut log = Log::new();
    log.set_entry(ago(3), &walk, Some(Entry::Amount(30.0)));
    log.set_entry(ago(5), &walk, Some(Entry::Amount(30.0)));
    // Ten minutes on Sunday, a day off.
    log.set_entry(ago(1), &walk, Some(Entry::Amount(10.0)));
    let figures = HabitStats::new(&History::from(log), &walk, today());
    assert_eq!(figures.current_streak, 2, "{figures:?}");
    assert_eq!(figures.missed_run, 0);
}
