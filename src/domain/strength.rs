//! Strength: an exponentially weighted score of how well a habit is kept,
//! after Loop Habit Tracker. It forgives a single miss and shows momentum a
//! streak hides; `walk` takes it day by day.
//!
//! Before the habit's first day the score is 0. Each day on its timeline it
//! becomes `previous · m + v · (1 − m)`, with `m = 0.5^(√f / 13)`: a 13-day
//! half-life for a daily habit (`f = 1`), longer for one due less often. A
//! skipped day, or a day off, carries the score unchanged. Today counts as
//! missed until it is done, so the score rises the moment a habit is checked.

/// Days for a run of misses to halve a daily habit's score.
pub const HALF_LIFE_DAYS: f64 = 13.0;

/// What a score keeps of itself from one day to the next, for a habit due
/// `frequency` times a day (3/7 for three times a week).
pub fn multiplier(frequency: f64) -> f64 {
    0.5_f64.powf(frequency.sqrt() / HALF_LIFE_DAYS)
}

/// One day's score from the last one's, `value` (0 to 1) being how much of
/// what was due the day holds, `m` the habit's [`multiplier`].
pub fn next(previous: f64, value: f64, m: f64) -> f64 {
    previous * m + value * (1.0 - m)
}
