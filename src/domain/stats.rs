//! Everything the week panel shows about one habit beyond its marks.
//!
//! These walk the whole history, so the app derives them once per change to
//! the log (or to "today"), not once per frame.

use chrono::NaiveDate;

use super::streak::{Streak, best_streak, current_streak};
use super::strength::strength_and_change;
use super::{Habit, Log};

#[derive(Clone, Debug, PartialEq)]
pub struct HabitStats {
    pub current_streak: u32,
    pub best_streak: Option<Streak>,
    /// 0 to 1, as of today.
    pub strength: f64,
    /// Change in strength over the last seven days.
    pub strength_change: f64,
}

impl HabitStats {
    pub fn new(log: &Log, habit: &Habit, today: NaiveDate) -> Self {
        let (strength, strength_change) = strength_and_change(log, habit, today);
        Self {
            current_streak: current_streak(log, habit, today),
            best_streak: best_streak(log, habit, today),
            strength,
            strength_change,
        }
    }

    /// One per habit, in checklist order.
    pub fn all(log: &Log, habits: &[Habit], today: NaiveDate) -> Vec<Self> {
        habits
            .iter()
            .map(|habit| Self::new(log, habit, today))
            .collect()
    }
}
