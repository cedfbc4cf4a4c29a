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

use super::Habit;
use super::entry::Entry;

/// Days for a run of misses to halve the score.
pub const HALF_LIFE_DAYS: f64 = 13.0;

/// What a score keeps of itself from one day to the next; worked out once,
/// not on every day of every walk.
fn multiplier() -> f64 {
    static M: std::sync::LazyLock<f64> =
        std::sync::LazyLock::new(|| 0.5_f64.powf(1.0 / HALF_LIFE_DAYS));
    *M
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
