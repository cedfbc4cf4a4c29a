//! A person's history: the days the log holds and, before them, the older
//! days summed up in a [`Past`], so that a start reads only the weeks on
//! screen. The stats walk the days held and carry on from the sums.

use std::sync::Arc;

use chrono::NaiveDate;

use super::past::{HabitPast, Past};
use super::walk::HabitWalk;
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

    /// What the days only summed up hold for `habit`.
    pub fn summed(&self, habit: &HabitId) -> Option<&HabitPast> {
        self.past().and_then(|past| past.habit(habit))
    }

    /// `habit`'s walk through every day before `date`, carried on from the
    /// sums when there are some; `None` when its history starts later.
    pub fn walk_before(&self, habit: &Habit, date: NaiveDate) -> Option<HabitWalk> {
        let start = self.start(habit).filter(|start| *start <= date)?;
        let summed = self.summed(&habit.id).and_then(|past| past.walk.clone());
        let mut walk = summed.unwrap_or_else(|| HabitWalk::new(start));
        let from = walk.last().succ_opt().unwrap_or(date);
        // A walk summed up past `date` cannot go back: the caller reads the
        // older days in first (`fill_in`).
        for (day, held) in self.log.days_in(from.min(date)..date) {
            walk.step(day, held.entry(&habit.id), habit);
        }
        walk.step_to(date.pred_opt().unwrap_or(date), habit);
        Some(walk)
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
                let first_entry = days()
                    .find(|(_, day)| day.entry(&habit.id).is_some())
                    .map(|(date, _)| date);
                let walk = self.walk_before(habit, before);
                HabitPast::reckoned(habit, first_entry, walk)
            })
            .collect();
        Past {
            before,
            first_day: days().next().map(|(date, _)| date),
            habits,
        }
    }
}
