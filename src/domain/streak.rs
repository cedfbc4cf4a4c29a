//! Streaks: runs of consecutive done days.

use chrono::NaiveDate;

use super::{HabitId, Log};

/// Consecutive done days ending today, or ending yesterday while today is
/// still open: a habit not yet done today does not break the streak.
///
/// ```
/// use chrono::NaiveDate;
/// use gutbone::domain::{HabitId, Log, streak::current_streak};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let sun = HabitId::new("sunlight");
/// let mut log = Log::new();
/// log.set_done(day(20), &sun, true);
/// log.set_done(day(21), &sun, true);
/// assert_eq!(current_streak(&log, &sun, day(22)), 2); // today still open
/// log.set_done(day(22), &sun, true);
/// assert_eq!(current_streak(&log, &sun, day(22)), 3);
/// assert_eq!(current_streak(&log, &sun, day(24)), 0); // the 23rd was missed
/// ```
pub fn current_streak(log: &Log, habit: &HabitId, today: NaiveDate) -> u32 {
    let start = if log.is_done(today, habit) {
        Some(today)
    } else {
        today.pred_opt()
    };
    let mut streak = 0;
    let mut day = start;
    while let Some(date) = day.filter(|date| log.is_done(*date, habit)) {
        streak += 1;
        day = date.pred_opt();
    }
    streak
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn log_of(habit: &HabitId, days: &[&str]) -> Log {
        let mut log = Log::new();
        for day in days {
            log.set_done(d(day), habit, true);
        }
        log
    }

    #[test]
    fn an_empty_log_has_no_streak() {
        let sun = HabitId::new("sunlight");
        assert_eq!(current_streak(&Log::new(), &sun, d("2026-11-22")), 0);
    }

    #[test]
    fn counts_back_from_today_when_today_is_done() {
        let sun = HabitId::new("sunlight");
        let log = log_of(&sun, &["2026-11-20", "2026-11-21", "2026-11-22"]);
        assert_eq!(current_streak(&log, &sun, d("2026-11-22")), 3);
    }

    #[test]
    fn today_still_open_does_not_break_the_streak() {
        let sun = HabitId::new("sunlight");
        let log = log_of(&sun, &["2026-11-20", "2026-11-21"]);
        assert_eq!(current_streak(&log, &sun, d("2026-11-22")), 2);
    }

    #[test]
    fn a_missed_yesterday_ends_the_streak() {
        let sun = HabitId::new("sunlight");
        let log = log_of(&sun, &["2026-11-19", "2026-11-20"]);
        assert_eq!(current_streak(&log, &sun, d("2026-11-22")), 0);
        let log = log_of(&sun, &["2026-11-19", "2026-11-20", "2026-11-22"]);
        assert_eq!(current_streak(&log, &sun, d("2026-11-22")), 1);
    }

    #[test]
    fn streaks_run_across_month_ends_and_new_year() {
        let sun = HabitId::new("sunlight");
        let log = log_of(
            &sun,
            &["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"],
        );
        assert_eq!(current_streak(&log, &sun, d("2027-01-02")), 4);
        let log = log_of(&sun, &["2026-10-31", "2026-11-01"]);
        assert_eq!(current_streak(&log, &sun, d("2026-11-02")), 2);
    }

    #[test]
    fn other_habits_do_not_count() {
        let sun = HabitId::new("sunlight");
        let kefir = HabitId::new("fermented-food");
        let log = log_of(&kefir, &["2026-11-21", "2026-11-22"]);
        assert_eq!(current_streak(&log, &sun, d("2026-11-22")), 0);
    }
}
