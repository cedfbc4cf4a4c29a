//! One habit's days walked in order, against its schedule: which days it
//! keeps, its streaks, its strength and its run of misses.
//!
//! The walk goes over the habit's *timeline*: every day from its start, but
//! its skipped days and, on a weekday schedule, its days off (unless
//! something was logged anyway). Those are set aside: neither kept nor
//! missed, and strength stays as it was.
//!
//! - A habit due N times in D days keeps a day when the day lies in some D
//!   timeline days running, none after today, that hold N done days. A daily
//!   habit, or one on weekdays, keeps a day by doing it; a limit, by staying
//!   at or under it (nothing logged is nothing over).
//! - A day not kept yet that still may be (today, and for N in D a day some
//!   window holding it could still bring to N, were every day from today on
//!   done) is open: it neither counts toward a streak nor breaks one. A day
//!   no window can keep any more is missed at once.
//! - Strength follows Loop Habit Tracker's frequency-aware score: with
//!   `f = N/D` each timeline day takes `score · m + v · (1 − m)`, where
//!   `m = 0.5^(√f / 13)`. For a done-or-not habit `v` is 1 on a done day (a
//!   share of it for part of an old target), or, when `f < 1`, the done days
//!   of the last 2D timeline days over 2N, at most 1. For a measured habit
//!   `v` is the amount of the last D days over N targets, at most 1; for a
//!   limit `1 − (amount − limit) / limit`, between 0 and 1.
//!
//! A walk is plain data: the summary of older days keeps one as it stood
//! at its boundary (`Past`), and a later walk carries on from it.

use std::collections::VecDeque;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Habit;
use super::entry::{Entry, Status};
use super::streak::Streak;
use super::strength::{self, multiplier};

/// How a day stands for a habit, as a walk judged it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Kept by doing it (for a limit, by logging no more than it allows).
    Done,
    /// Kept without doing it: for N in D days, inside a window that holds
    /// N; for a limit, with nothing logged.
    Kept,
    /// Decided, and not kept: a miss (or a limit passed).
    Missed,
    /// Not kept yet, and it still may be: today, or within the window that
    /// reaches today.
    Open,
    /// Set aside: skipped, or a day off.
    Aside,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HabitWalk {
    /// The last day walked.
    last: NaiveDate,
    /// The timeline's last 2·D days, newest last: done, and how much.
    recent: VecDeque<(bool, f64)>,
    /// Timeline days not yet decided, oldest first.
    pending: VecDeque<Pending>,
    /// The best run of decided kept days, and the run reaching the last one.
    best: Option<Streak>,
    run: Option<Streak>,
    /// Strength as of the end of `last`.
    score: f64,
    /// Decided days missed since the last kept or skipped day.
    misses: u32,
    /// Every day's verdict, and its strength at the end of it, while asked
    /// for (see [`HabitWalk::recording`]).
    #[serde(skip)]
    verdicts: Option<Vec<(NaiveDate, Verdict)>>,
    #[serde(skip)]
    scores: Vec<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Pending {
    date: NaiveDate,
    /// Done by doing it: something logged, and it counts.
    done: bool,
    kept: bool,
}

/// Where a walk stands at the end of a day, today still open.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub current_streak: u32,
    pub best_streak: Option<Streak>,
    /// 0 to 1, as of the end of the day.
    pub strength: f64,
    /// Decided days missed running, up to the day before.
    pub missed_run: u32,
    /// Leaving the habit undone today could cost its streak.
    pub due: bool,
    /// Done days in the window that ends today (for N in D days).
    pub done_in_window: u32,
}

impl HabitWalk {
    /// A walk whose first day is `start`.
    pub fn new(start: NaiveDate) -> Self {
        Self {
            last: start.pred_opt().unwrap_or(start),
            recent: VecDeque::new(),
            pending: VecDeque::new(),
            best: None,
            run: None,
            score: 0.0,
            misses: 0,
            verdicts: None,
            scores: Vec::new(),
        }
    }

    /// The same walk, noting from now on each day's verdict and strength.
    pub fn recording(mut self) -> Self {
        self.verdicts = Some(Vec::new());
        self.scores.clear();
        self
    }

    /// The last day walked.
    pub fn last(&self) -> NaiveDate {
        self.last
    }

    /// Strength as of the end of the last day walked.
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Walks every day after the last one up to `date`, which holds `entry`
    /// (the days between hold nothing). Each is a day that is over.
    pub fn step(&mut self, date: NaiveDate, entry: Option<Entry>, habit: &Habit) {
        self.step_to(date.pred_opt().unwrap_or(date), habit);
        if date > self.last {
            self.day(date, entry, habit, false, Self::multiplier(habit));
        }
    }

    /// Walks the days after the last one up to `date`, nothing logged on any.
    pub fn step_to(&mut self, date: NaiveDate, habit: &Habit) {
        let m = Self::multiplier(habit);
        while let Some(next) = self.last.succ_opt().filter(|next| *next <= date) {
            self.day(next, None, habit, false, m);
        }
    }

    fn multiplier(habit: &Habit) -> f64 {
        multiplier(habit.schedule.frequency())
    }

    /// Where the habit stands at the end of `today`, which holds `entry`
    /// and is not over; the walk itself is left where it was. Every day
    /// before today must have been walked.
    pub fn standing(&self, today: NaiveDate, entry: Option<Entry>, habit: &Habit) -> Standing {
        let mut walk = self.clone();
        let (times, days) = habit.schedule.window();
        let open = walk.finish(today, entry, habit, |walk| walk.done_in(days as usize));
        let (today_open, done_in_window) = open;
        let limit = habit.measure.as_ref().is_some_and(|m| m.at_most);
        let due = today_open && !limit && done_in_window < times;
        let current = walk.run.map_or(0, |run| run.days);
        let best = walk.best;
        Standing {
            current_streak: current,
            best_streak: best,
            strength: walk.score,
            missed_run: walk.misses,
            due,
            done_in_window,
        }
    }

    /// Ends a recording walk at `today` (not over, holding `entry`): the
    /// verdict of every day walked while recording, in order, with the
    /// strength at the end of each.
    pub fn story(
        mut self,
        today: NaiveDate,
        entry: Option<Entry>,
        habit: &Habit,
    ) -> Vec<(NaiveDate, Verdict, f64)> {
        self.finish(today, entry, habit, |_| ());
        let mut verdicts = self.verdicts.take().unwrap_or_default();
        verdicts.sort_by_key(|(date, _)| *date);
        (verdicts.into_iter().zip(self.scores))
            .map(|((date, verdict), score)| (date, verdict, score))
            .collect()
    }

    /// Walks the days up to `today`, which holds `entry` and is not over,
    /// and settles the days still pending; `before_settling` looks at the
    /// walk with today in it first. Whether today is on the timeline and
    /// not done yet.
    fn finish<T>(
        &mut self,
        today: NaiveDate,
        entry: Option<Entry>,
        habit: &Habit,
        before_settling: impl FnOnce(&Self) -> T,
    ) -> (bool, T) {
        self.step_to(today.pred_opt().unwrap_or(today), habit);
        let on_timeline = self.day(today, entry, habit, true, Self::multiplier(habit));
        let today_open = on_timeline && habit.status(entry) != Some(Status::Done);
        let seen = before_settling(self);
        self.settle(habit, today_open);
        (today_open, seen)
    }

    /// One day, `date`, the day after the last. `today` marks the day not
    /// yet over: its days pending stay so. Whether it is on the timeline.
    fn day(
        &mut self,
        date: NaiveDate,
        entry: Option<Entry>,
        habit: &Habit,
        today: bool,
        m: f64,
    ) -> bool {
        self.last = date;
        let status = habit.status(entry);
        if habit.sets_aside(date, entry) {
            // A skip ends a run of misses; today's, once today is over.
            if status == Some(Status::Skipped) && !today {
                self.misses = 0;
            }
            self.note(date, Verdict::Aside);
            self.note_score();
            return false;
        }
        let done = status == Some(Status::Done);
        let (times, days) = habit.schedule.window();
        self.recent.push_back((done, habit.amount(entry)));
        while self.recent.len() > 2 * days as usize {
            self.recent.pop_front();
        }
        self.score = strength::next(self.score, self.value(habit, entry), m);
        self.note_score();
        self.pending.push_back(Pending {
            date,
            done: done && entry.is_some(),
            kept: false,
        });
        if self.done_in(days as usize) >= times {
            // The window of the last D days holds N: all of it is kept, and
            // the days pending all lie in it.
            for pending in &mut self.pending {
                pending.kept = true;
            }
        }
        // A limit passed today is a miss already: nothing later undoes it.
        if today && status == Some(Status::Over) {
            let over = self.pending.pop_back().expect("just pushed");
            self.decide(over);
        }
        if !today {
            while self.pending.len() >= days as usize {
                let Some(oldest) = self.pending.pop_front() else {
                    break;
                };
                self.decide(oldest);
            }
        }
        true
    }

    /// Ends a walk at today: each day still pending is kept (a window holds
    /// N already), missed (no window holding it can reach N now, were every
    /// day from today on done), or open (it may yet be kept). `today_open`:
    /// today is on the timeline and not done yet.
    fn settle(&mut self, habit: &Habit, today_open: bool) {
        let (times, days) = habit.schedule.window();
        let (times, days) = (times as usize, days as usize);
        // Timeline positions: 0 is the oldest day in `recent`, `last` the
        // first one after the newest (the days to come).
        let last = self.recent.len();
        let pending: Vec<Pending> = self.pending.drain(..).collect();
        // (A walk read back from a summary someone edited may not add up:
        // nothing here may panic on it.)
        let first = last.saturating_sub(pending.len());
        for (p, day) in pending.into_iter().enumerate() {
            let at = first + p;
            let may_yet = (at..at + days).any(|end| {
                let from = (end + 1).saturating_sub(days);
                let known = (self.recent.range(from.min(last)..(end + 1).min(last)))
                    .filter(|(done, _)| *done)
                    .count();
                let to_come = (end + 1).saturating_sub(last);
                let today =
                    usize::from(today_open && last > 0 && (from..=end).contains(&(last - 1)));
                known + to_come + today >= times
            });
            match day.kept || !may_yet {
                true => self.decide(day),
                false => self.note(day.date, Verdict::Open),
            }
        }
    }

    /// A day whose every window has ended: it extends the run or ends it.
    fn decide(&mut self, day: Pending) {
        if day.kept {
            let run = Streak::extended(self.run, day.date);
            if self.best.is_none_or(|best| run.days > best.days) {
                self.best = Some(run);
            }
            self.run = Some(run);
            self.misses = 0;
        } else {
            self.run = None;
            self.misses += 1;
        }
        let verdict = match (day.kept, day.done) {
            (true, true) => Verdict::Done,
            (true, false) => Verdict::Kept,
            (false, _) => Verdict::Missed,
        };
        self.note(day.date, verdict);
    }

    fn note_score(&mut self) {
        if self.verdicts.is_some() {
            self.scores.push(self.score);
        }
    }

    fn note(&mut self, date: NaiveDate, verdict: Verdict) {
        if let Some(verdicts) = &mut self.verdicts {
            verdicts.push((date, verdict));
        }
    }

    /// Done days among the last `days` of the timeline.
    fn done_in(&self, days: usize) -> u32 {
        let done = self
            .recent
            .iter()
            .rev()
            .take(days)
            .filter(|(done, _)| *done);
        done.count() as u32
    }

    /// What the newest timeline day adds to strength (see the module's notes).
    fn value(&self, habit: &Habit, entry: Option<Entry>) -> f64 {
        let (times, days) = habit.schedule.window();
        let amount = || -> f64 {
            self.recent
                .iter()
                .rev()
                .take(days as usize)
                .map(|(_, a)| a)
                .sum()
        };
        match &habit.measure {
            Some(limit) if limit.at_most => {
                (1.0 - (amount() - limit.target) / limit.target).clamp(0.0, 1.0)
            }
            Some(measure) => (amount() / (f64::from(times) * measure.target)).min(1.0),
            None if times < days => {
                (f64::from(self.done_in(2 * days as usize)) / f64::from(2 * times)).min(1.0)
            }
            None => habit.progress(entry),
        }
    }
}
