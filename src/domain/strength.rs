//! Strength: an exponentially weighted score of how well a habit is kept,
//! after Loop Habit Tracker. It forgives a single miss and shows momentum a
//! streak hides.
//!
//! Before the first logged day the score is 0. Each day after, it becomes
//! `previous · m + v · (1 − m)` with `m = 0.5^(1/13)` (a 13-day half-life),
//! `v = 1` on a done day and `0` on a missed one; for a measured habit `v` is
//! the amount over the target, capped at 1, so a half-done day half counts. A skipped day carries the
//! score unchanged. Today counts as missed until it is done, so the score
//! rises the moment a habit is checked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::log::Entry;
use super::{Habit, Log};

/// Days for a run of misses to halve the score.
pub const HALF_LIFE_DAYS: f64 = 13.0;

/// What a score keeps of itself from one day to the next; worked out once,
/// not on every day of every walk.
fn multiplier() -> f64 {
    static M: std::sync::LazyLock<f64> =
        std::sync::LazyLock::new(|| 0.5_f64.powf(1.0 / HALF_LIFE_DAYS));
    *M
}

/// The score (0 to 1) as of the end of `date`, counting `date` as missed
/// unless it is done or skipped. (The week panel's figures take the same
/// steps for every habit at once: `stats::HabitStats`.)
pub fn strength(log: &Log, habit: &Habit, date: NaiveDate) -> f64 {
    let Some(first) = habit.start(log).filter(|first| *first <= date) else {
        return 0.0;
    };
    let (mut score, from) = Score::walk_start(log, habit, first);
    for (day, entry) in log.days_in(from..=date) {
        score.step(day, entry.entry(&habit.id), habit);
    }
    score.at(date)
}

/// The score partway through the log, as of the end of `after`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    value: f64,
    after: NaiveDate,
}

impl Score {
    /// A score as a summary recorded it (`Past`, kept between runs).
    pub fn resumed(value: f64, after: NaiveDate) -> Self {
        Self { value, after }
    }

    /// Nothing yet, the day before the habit's history starts on `first`.
    pub(super) fn starting(first: NaiveDate) -> Self {
        Self {
            value: 0.0,
            after: first.pred_opt().unwrap_or(first),
        }
    }

    /// Where a walk for `habit`, whose history starts on `first`, starts,
    /// and the first day it steps through: the summed-up score when the log
    /// has one, else nothing yet.
    pub(super) fn walk_start(log: &Log, habit: &Habit, first: NaiveDate) -> (Self, NaiveDate) {
        let summed = log.past().and_then(|past| {
            let score = past.habit(&habit.id)?.score?;
            Some((score, past.before))
        });
        summed.unwrap_or((Score::starting(first), first))
    }

    /// Takes in the next logged day; the days since the last one were all
    /// missed.
    pub(super) fn step(&mut self, day: NaiveDate, entry: Option<Entry>, habit: &Habit) {
        let m = multiplier();
        // Most days follow the last: nothing missed in between.
        if self.after.succ_opt() != Some(day) {
            self.value *= decay((day - self.after).num_days() - 1);
        }
        if entry != Some(Entry::Skipped) {
            self.value = self.value * m + habit.progress(entry) * (1.0 - m);
        }
        self.after = day;
    }

    /// The score at the end of `date`, the days since the last step missed.
    pub(super) fn at(self, date: NaiveDate) -> f64 {
        self.value * decay((date - self.after).num_days())
    }
}

/// What `days` missed in a row leave of a score of 1.
fn decay(days: i64) -> f64 {
    multiplier().powi(i32::try_from(days).unwrap_or(i32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

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

    fn log_from(start: &str, days: &[Option<Entry>]) -> Log {
        let mut log = Log::new();
        for (offset, status) in (0..).zip(days) {
            let day = d(start).checked_add_days(Days::new(offset)).unwrap();
            log.set_entry(day, sun(), *status);
        }
        log
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
        assert_eq!(strength(&Log::new(), &sun(), d("2026-11-09")), 0.0);
    }

    #[test]
    fn today_counts_as_missed_until_done() {
        let mut log = log_from("2026-11-01", &[Some(Entry::Done); 10]);
        let open = strength(&log, &sun(), d("2026-11-11"));
        let yesterday = strength(&log, &sun(), d("2026-11-10"));
        assert!(open < yesterday, "an open today already weighs as a miss");
        log.set_done(d("2026-11-11"), sun(), true);
        assert!(strength(&log, &sun(), d("2026-11-11")) > yesterday);
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
}
