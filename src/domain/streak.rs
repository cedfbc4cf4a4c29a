//! Streaks: runs of consecutive done days, per habit and for perfect days.
//!
//! The rules, which the README repeats:
//! - a done day extends a streak; a missed day ends it;
//! - a skipped day neither breaks nor extends it, as if it did not exist;
//! - today, while still open, does not break it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::entry::Status;
use super::log::DayLog;
use super::{Habit, Log};

/// A run of done days, with the dates it spans (skipped days inside it count
/// toward neither `days` nor a break).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// How one day bears on a streak.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kept {
    Counts,
    Passes,
    Breaks,
}

/// A measured habit counts only once its target is met: a partial day breaks.
pub(super) fn habit_kept(day: Option<&DayLog>, habit: &Habit) -> Kept {
    Kept::of(day.and_then(|day| day.status(habit)))
}

impl Kept {
    pub(super) fn of(status: Option<Status>) -> Self {
        match status {
            Some(Status::Done) => Kept::Counts,
            Some(Status::Skipped) => Kept::Passes,
            Some(Status::Partial) | None => Kept::Breaks,
        }
    }
}

/// A perfect day: every habit done or skipped, at least one done. A day with
/// every habit skipped is a rest day: it passes, like a skipped day. A habit
/// added later has no say on the days before it.
pub(super) fn perfect_kept(date: NaiveDate, day: Option<&DayLog>, habits: &[Habit]) -> Kept {
    let mut any_done = false;
    for habit in habits {
        let status = day.and_then(|day| day.status(habit));
        if status.is_none() && habit.since.is_some_and(|since| date < since) {
            continue;
        }
        match status {
            Some(Status::Done) => any_done = true,
            Some(Status::Skipped) => {}
            Some(Status::Partial) | None => return Kept::Breaks,
        }
    }
    if any_done { Kept::Counts } else { Kept::Passes }
}

/// Every habit done or skipped on `date`, and at least one of them done.
pub fn is_perfect_day(log: &Log, habits: &[Habit], date: NaiveDate) -> bool {
    perfect_kept(date, log.day(date), habits) == Kept::Counts
}

/// A walk through the logged days, oldest first: the best run so far and
/// the one under way. Only logged days can count or pass; a day missing
/// from the log breaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Walk {
    pub best: Option<Streak>,
    run: Option<Streak>,
    /// The last day of the unbroken chain (done or skipped) the run belongs to.
    last: Option<NaiveDate>,
}

impl Walk {
    /// A walk as a summary recorded it (`Past`, kept between runs).
    pub fn resumed(best: Option<Streak>, run: Option<Streak>, last: Option<NaiveDate>) -> Self {
        Self { best, run, last }
    }

    pub(super) fn step(&mut self, date: NaiveDate, kept: Kept) {
        if self.last.and_then(|last| last.succ_opt()) != Some(date) {
            self.run = None;
        }
        match kept {
            Kept::Breaks => {
                self.run = None;
                self.last = None;
                return;
            }
            Kept::Passes => {}
            Kept::Counts => {
                let extended = match self.run {
                    Some(run) => Streak {
                        days: run.days + 1,
                        end: date,
                        ..run
                    },
                    None => Streak {
                        days: 1,
                        start: date,
                        end: date,
                    },
                };
                if self.best.is_none_or(|best| extended.days > best.days) {
                    self.best = Some(extended);
                }
                self.run = Some(extended);
            }
        }
        self.last = Some(date);
    }

    /// The done days of the run whose chain reaches `date`.
    pub(super) fn running_to(&self, date: Option<NaiveDate>) -> u32 {
        match self.run {
            Some(run) if self.last.is_some() && self.last == date => run.days,
            _ => 0,
        }
    }
}
