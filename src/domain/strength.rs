//! Strength: an exponentially weighted score of how well a habit is kept,
//! after Loop Habit Tracker. It forgives a single miss and shows momentum a
//! streak hides.
//!
//! Before the first logged day the score is 0. Each day after, it becomes
//! `previous · m + v · (1 − m)` with `m = 0.5^(1/13)` (a 13-day half-life),
//! `v = 1` on a done day and `0` on a missed one. A skipped day carries the
//! score unchanged. Today counts as missed until it is done, so the score
//! rises the moment a habit is checked.

use chrono::NaiveDate;

use super::log::Status;
use super::{HabitId, Log};

/// Days for a run of misses to halve the score.
pub const HALF_LIFE_DAYS: f64 = 13.0;

fn multiplier() -> f64 {
    0.5_f64.powf(1.0 / HALF_LIFE_DAYS)
}

/// The score (0 to 1) as of the end of `date`, counting `date` as missed
/// unless it is done or skipped.
pub fn strength(log: &Log, habit: &HabitId, date: NaiveDate) -> f64 {
    let Some(first) = log.first_day().filter(|first| *first <= date) else {
        return 0.0;
    };
    let m = multiplier();
    let decay = |days: i64| m.powi(i32::try_from(days).unwrap_or(i32::MAX));
    let mut score = 0.0;
    // Walk only the logged days; the days between them were all missed.
    let mut previous = first.pred_opt().unwrap_or(first);
    for (day, entry) in log.days_in(first..=date) {
        score *= decay((day - previous).num_days() - 1);
        match entry.status(habit) {
            Some(Status::Done) => score = score * m + (1.0 - m),
            Some(Status::Skipped) => {}
            None => score *= m,
        }
        previous = day;
    }
    score * decay((date - previous).num_days())
}

/// How much the score moved over the last seven days.
pub fn strength_change(log: &Log, habit: &HabitId, today: NaiveDate) -> f64 {
    let week_ago = today
        .checked_sub_days(chrono::Days::new(7))
        .unwrap_or(today);
    strength(log, habit, today) - strength(log, habit, week_ago)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn sun() -> HabitId {
        HabitId::new("sunlight")
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// A day-by-day reference: the definition, with no shortcuts.
    fn by_hand(days: &[Option<Status>]) -> f64 {
        let m = 0.5_f64.powf(1.0 / 13.0);
        days.iter().fold(0.0, |score, day| match day {
            Some(Status::Done) => score * m + (1.0 - m),
            Some(Status::Skipped) => score,
            None => score * m,
        })
    }

    fn log_from(start: &str, days: &[Option<Status>]) -> Log {
        let mut log = Log::new();
        for (offset, status) in (0..).zip(days) {
            let day = d(start).checked_add_days(Days::new(offset)).unwrap();
            log.set_status(day, &sun(), *status);
        }
        log
    }

    #[test]
    fn twenty_done_days_from_a_fresh_start() {
        let days = [Some(Status::Done); 20];
        let log = log_from("2026-11-01", &days);
        let score = strength(&log, &sun(), d("2026-11-20"));
        // 1 − m^20 = 1 − 0.5^(20/13)
        assert!(close(score, 1.0 - 0.5_f64.powf(20.0 / 13.0)), "{score}");
        assert!((score - 0.655_747_637).abs() < 1e-8, "{score}"); // computed separately in Python
    }

    #[test]
    fn the_same_twenty_days_with_three_skipped() {
        let mut days = [Some(Status::Done); 20];
        for skipped in [4, 9, 15] {
            days[skipped] = Some(Status::Skipped);
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
        let log = log_from("2026-11-01", &[Some(Status::Done)]);
        assert!(close(strength(&log, &sun(), d("2026-11-01")), 1.0 - m));
        // Thirteen misses later, exactly half is left.
        let score = strength(&log, &sun(), d("2026-11-14"));
        assert!(close(score, (1.0 - m) / 2.0), "{score}");
    }

    #[test]
    fn nothing_before_the_first_logged_day() {
        let log = log_from("2026-11-10", &[Some(Status::Done)]);
        assert_eq!(strength(&log, &sun(), d("2026-11-09")), 0.0);
        assert_eq!(strength(&Log::new(), &sun(), d("2026-11-09")), 0.0);
    }

    #[test]
    fn today_counts_as_missed_until_done() {
        let mut log = log_from("2026-11-01", &[Some(Status::Done); 10]);
        let open = strength(&log, &sun(), d("2026-11-11"));
        let yesterday = strength(&log, &sun(), d("2026-11-10"));
        assert!(open < yesterday, "an open today already weighs as a miss");
        log.set_done(d("2026-11-11"), &sun(), true);
        assert!(strength(&log, &sun(), d("2026-11-11")) > yesterday);
    }

    #[test]
    fn the_shortcut_over_gaps_matches_the_day_by_day_definition() {
        use Status::*;
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
        ];
        let log = log_from("2026-02-20", &days);
        let last = d("2026-02-20").checked_add_days(Days::new(14)).unwrap();
        assert!(close(strength(&log, &sun(), last), by_hand(&days)));
    }

    #[test]
    fn change_over_a_week() {
        let log = log_from("2026-11-01", &[Some(Status::Done); 14]);
        let change = strength_change(&log, &sun(), d("2026-11-14"));
        let expected =
            strength(&log, &sun(), d("2026-11-14")) - strength(&log, &sun(), d("2026-11-07"));
        assert!(close(change, expected) && change > 0.0);
    }
}
