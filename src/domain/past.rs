//! The days before a point in the log, summed up: what the week panel's
//! streaks, strength and coaching need of them, so that a start reads only
//! the weeks on screen and not the whole history.
//!
//! A [`Past`] is made by `History::sum_up`: each habit's [`HabitWalk`]
//! stopped at `before`, which later walks carry on from. It is only as good
//! as the habits it was reckoned with: [`Past::fits`] tells when a habit's
//! start, measure or schedule has changed since.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::walk::HabitWalk;
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
    /// What the sums were reckoned with: a change to any changes them.
    pub since: Option<NaiveDate>,
    pub target: Option<f64>,
    /// Measured now (else done or not, perhaps measured once), and whether
    /// the measure it has or had is a limit: either changes what a day holds.
    pub measured: bool,
    pub at_most: bool,
    /// The schedule as written (`3/7`, `mon,fri`, `daily`).
    pub schedule: String,
    /// The first day with an entry for the habit.
    pub first_entry: Option<NaiveDate>,
    /// The walk through its days up to the day before `before`; `None`
    /// when the habit's history starts later.
    pub walk: Option<HabitWalk>,
}

impl Past {
    pub fn habit(&self, id: &HabitId) -> Option<&HabitPast> {
        self.habits.iter().find(|habit| habit.id == *id)
    }

    /// Whether the sums still hold for `habits`: the same ids, each with the
    /// start, measure and schedule it was reckoned with.
    pub fn fits<'a>(&self, habits: impl IntoIterator<Item = &'a Habit>) -> bool {
        let mut count = 0;
        habits.into_iter().all(|habit| {
            count += 1;
            self.habit(&habit.id).is_some_and(|past| {
                *past == HabitPast::reckoned(habit, past.first_entry, past.walk.clone())
            })
        }) && count == self.habits.len()
    }
}

impl HabitPast {
    /// What `habit`'s days before the boundary sum up to, with what it was
    /// reckoned with.
    pub fn reckoned(
        habit: &Habit,
        first_entry: Option<NaiveDate>,
        walk: Option<HabitWalk>,
    ) -> Self {
        let measure = habit.measure.as_ref().or(habit.was_measured.as_ref());
        Self {
            id: habit.id.clone(),
            since: habit.since,
            target: measure.map(|measure| measure.target),
            measured: habit.measure.is_some(),
            at_most: measure.is_some_and(|measure| measure.at_most),
            schedule: habit.schedule.to_string(),
            first_entry,
            walk,
        }
    }
}
