//! The days before a point in the log, summed up: what the week panel's
//! streaks, strength and coaching need of them, so that a start reads only
//! the weeks on screen and not the whole history.
//!
//! A [`Past`] is made by the same walks the stats themselves take
//! ([`Walk`], [`Score`]), stopped at `before`; carrying on from it gives
//! exactly what walking the whole log gives (a proptest holds this).
//! It is only as good as the habits it was reckoned with: [`Past::fits`]
//! tells when a habit's start or target has changed since.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::date::week_start;
use super::settings::WeekStart;
use super::streak::{Walk, habit_kept};
use super::strength::Score;
use super::week::EARLIER_WEEKS;
use super::{Habit, HabitId, Log};

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
    /// Sums up the days of `log` before `before`, for `habits`.
    pub fn of(log: &Log, habits: &[Habit], before: NaiveDate) -> Self {
        let days = || log.days_in(..before);
        let habits = habits
            .iter()
            .map(|habit| {
                let with_entry = || days().filter(|(_, day)| day.entry(&habit.id).is_some());
                let mut walk = Walk::default();
                for (date, day) in days() {
                    walk.step(date, habit_kept(Some(day), habit));
                }
                let score = habit
                    .start(log)
                    .filter(|start| *start < before)
                    .map(|start| {
                        let mut score = Score::starting(start);
                        for (date, day) in log.days_in(start..before) {
                            score.step(date, day.entry(&habit.id), habit);
                        }
                        score
                    });
                HabitPast {
                    id: habit.id.clone(),
                    since: habit.since,
                    target: target(habit),
                    first_entry: with_entry().next().map(|(date, _)| date),
                    last_entry: with_entry().next_back().map(|(date, _)| date),
                    walk,
                    score,
                }
            })
            .collect();
        Self {
            before,
            first_day: days().next().map(|(date, _)| date),
            habits,
        }
    }

    /// Where the recent part of the log begins for a start on `today`: the
    /// first day of the earliest week the week panel shows, so that every
    /// week on screen and a week-ago strength are recent. It moves once a
    /// week, and with it the summary a start relies on.
    pub fn checkpoint(today: NaiveDate, start: WeekStart) -> NaiveDate {
        week_start(today, start)
            .checked_sub_days(Days::new(7 * u64::from(EARLIER_WEEKS)))
            .unwrap_or(today)
    }

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
                .is_some_and(|past| past.since == habit.since && past.target == target(habit))
        }) && count == self.habits.len()
    }
}

/// The target the habit's amounts are judged by (see `Habit::status`).
fn target(habit: &Habit) -> Option<f64> {
    habit
        .measure
        .as_ref()
        .or(habit.was_measured.as_ref())
        .map(|measure| measure.target)
}
