//! A person's history: the days the log holds and, before them, the older
//! days summed up in a [`Past`], so that a start reads only the weeks on
//! screen. The stats walk the days held and carry on from the sums.

use std::sync::Arc;

use chrono::NaiveDate;

use super::past::{HabitPast, Past};
use super::streak::{Walk, habit_kept};
use super::strength::Score;
use super::{Habit, HabitId, Log};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The days held: every one, or those from [`History::loaded_from`] on.
    /// Whoever shows or changes an older day must [`History::fill_in`] the
    /// rest first.
    pub log: Log,
    past: Option<Arc<Past>>,
}

impl From<Log> for History {
    /// A history of every day, all of them held.
    fn from(log: Log) -> Self {
        Self { log, past: None }
    }
}

impl History {
    /// The days of `log` from `past.before` on, going on from `past`; the
    /// older days of `log` are dropped.
    pub fn recent(mut log: Log, past: Past) -> Self {
        log.drop_before(past.before);
        Self {
            log,
            past: Some(Arc::new(past)),
        }
    }

    pub fn past(&self) -> Option<&Past> {
        self.past.as_deref()
    }

    /// The first day held, when older ones are only summed up.
    pub fn loaded_from(&self) -> Option<NaiveDate> {
        self.past.as_ref().map(|past| past.before)
    }

    /// Takes the days only summed up from `older`, a read of them (or of the
    /// whole history); the days held stay as they are (they may have
    /// changes not yet saved).
    pub fn fill_in(&mut self, older: Log) {
        if let Some(past) = self.past.take() {
            self.log.take_older(older, past.before);
        }
    }

    /// The first day anything was logged: the start of this person's history.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.past
            .as_ref()
            .and_then(|past| past.first_day)
            .or_else(|| self.log.first_day())
    }

    /// The first day `habit`'s history is judged from: the first day
    /// anything was logged, or the day the habit was added if later, or an
    /// earlier day that was back-filled for it. `None` while nothing is.
    pub fn start(&self, habit: &Habit) -> Option<NaiveDate> {
        let first = self.first_day()?;
        match habit.since {
            Some(since) if since > first => {
                Some(self.first_entry_before(&habit.id, since).unwrap_or(since))
            }
            _ => Some(first),
        }
    }

    /// The first day with an entry for `habit`, if it is before `date`.
    fn first_entry_before(&self, habit: &HabitId, date: NaiveDate) -> Option<NaiveDate> {
        let summed = self.summed(habit).and_then(|past| past.first_entry);
        summed
            .or_else(|| {
                self.log
                    .days_in(..date)
                    .find(|(_, day)| day.entry(habit).is_some())
                    .map(|(date, _)| date)
            })
            .filter(|first| *first < date)
    }

    /// The last day before `date` with an entry for `habit`.
    pub fn last_entry_before(&self, habit: &HabitId, date: NaiveDate) -> Option<NaiveDate> {
        let held = self
            .log
            .days_in(..date)
            .rev()
            .find(|(_, day)| day.entry(habit).is_some())
            .map(|(date, _)| date);
        held.or_else(|| {
            self.summed(habit)
                .and_then(|past| past.last_entry)
                .filter(|last| *last < date)
        })
    }

    /// What the days only summed up hold for `habit`.
    pub fn summed(&self, habit: &HabitId) -> Option<&HabitPast> {
        self.past().and_then(|past| past.habit(habit))
    }

    /// Sums up the days before `before`, for `habits`, by the same walks
    /// the stats take, stopped there: carrying on from the sums gives what
    /// walking every day gives (a proptest holds this). Of a history that
    /// holds every day.
    pub fn sum_up(&self, habits: &[Habit], before: NaiveDate) -> Past {
        debug_assert!(self.past.is_none(), "sums of sums");
        let days = || self.log.days_in(..before);
        let habits = habits
            .iter()
            .map(|habit| {
                let with_entry = || days().filter(|(_, day)| day.entry(&habit.id).is_some());
                let mut walk = Walk::default();
                for (date, day) in days() {
                    walk.step(date, habit_kept(Some(day), habit));
                }
                let score = self
                    .start(habit)
                    .filter(|start| *start < before)
                    .map(|start| {
                        let mut score = Score::starting(start);
                        for (date, day) in self.log.days_in(start..before) {
                            score.step(date, day.entry(&habit.id), habit);
                        }
                        score
                    });
                HabitPast {
                    id: habit.id.clone(),
                    since: habit.since,
                    target: Past::target(habit),
                    first_entry: with_entry().next().map(|(date, _)| date),
                    last_entry: with_entry().next_back().map(|(date, _)| date),
                    walk,
                    score,
                }
            })
            .collect();
        Past {
            before,
            first_day: days().next().map(|(date, _)| date),
            habits,
        }
    }
}
