//! The days before a point in the log, summed up: what the week panel's
//! streaks, strength and coaching need of them, so that a start reads only
//! the weeks on screen and not the whole history.
//!
//! A [`Past`] is made by `History::sum_up`, by the same walks the stats
//! themselves take ([`Walk`], [`Score`]), stopped at `before`.
//! It is only as good as the habits it was reckoned with: [`Past::fits`]
//! tells when a habit's start or target has changed since.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::streak::Walk;
use super::strength::Score;
use super::{Habit, HabitId};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Past {
    /// The first day not summed up: the log holds the days from here on.
    pub before: NaiveDate,
    /// The first day anything was logged, when that is before `before`.
    pub first_day: Option<NaiveDate>,
    /// Every habit, archived ones included.
    pub habits: Vec<HabitPast>,
}

/// One habit's days before [`Past::before`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HabitPast {
    pub id: HabitId,
    /// What the sums were reckoned with: a change to either changes them.
    pub since: Option<NaiveDate>,
    pub target: Option<f64>,
    /// The first and the last day with an entry for the habit.
    pub first_entry: Option<NaiveDate>,
    pub last_entry: Option<NaiveDate>,
    /// The streak walk as it stood at the end of the day before `before`.
    pub walk: Walk,
    /// The strength then; `None` when the habit's history starts later.
    pub score: Option<Score>,
}

impl Past {
    pub fn habit(&self, id: &HabitId) -> Option<&HabitPast> {
        self.habits.iter().find(|habit| habit.id == *id)
    }

    /// Whether the sums still hold for `habits`: the same ids, each with the
    /// start and target it was reckoned with.
    pub fn fits<'a>(&self, habits: impl IntoIterator<Item = &'a Habit>) -> bool {
        let mut count = 0;
        habits.into_iter().all(|habit| {
            count += 1;
            self.habit(&habit.id)
                .is_some_and(|past| past.since == habit.since && past.target == Self::target(habit))
        }) && count == self.habits.len()
    }

    /// The target the habit's amounts are judged by (see `Habit::status`).
    pub(super) fn target(habit: &Habit) -> Option<f64> {
        habit
            .measure
            .as_ref()
            .or(habit.was_measured.as_ref())
            .map(|measure| measure.target)
    }
}
