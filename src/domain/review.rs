//! The weekly review: twelve weeks of history and how the latest one went.

use chrono::NaiveDate;

use super::date::{add_weeks, week_days, week_start};
use super::entry::Status;
use super::settings::WeekStart;
use super::stats::{HabitStats, perfect_streaks, verdicts};
use super::streak::PerfectDay;
use super::walk::Verdict;
use super::{Habit, HabitId, History};

/// How many weeks the review looks back over, the reviewed one included.
pub const WEEKS: usize = 12;

/// Done days out of the days that were due: past or today, within this
/// person's history, not skipped, not a day off, and, for a habit due N times
/// in D days, a day done or missed (one its window did without is not due).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub done: u32,
    pub days: u32,
}

impl Share {
    /// The share done, or `None` when no day counted.
    pub fn ratio(self) -> Option<f64> {
        (self.days > 0).then(|| f64::from(self.done) / f64::from(self.days))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewWeek {
    pub start: NaiveDate,
    /// One per habit, in checklist order.
    pub shares: Vec<Share>,
    pub perfect_days: u32,
}

/// A streak still running at the end of the reviewed week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningStreak {
    pub habit: HabitId,
    pub days: u32,
    /// The longest this habit has ever been kept up, reached this week.
    pub new_best: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeeklyReview {
    /// Oldest first; the last is the reviewed week.
    pub weeks: Vec<ReviewWeek>,
    /// Index of the habit kept best this week.
    pub most_kept: Option<usize>,
    /// Index of the habit missed most this week, if any was missed.
    pub most_missed: Option<usize>,
    /// Streaks of two days or more alive at the end of the week.
    pub streaks: Vec<RunningStreak>,
    /// Perfect days running at the end of the week, and the most ever.
    pub perfect_run: u32,
    pub perfect_best: u32,
}

impl WeeklyReview {
    /// The review of the week containing `date`, judged as of `today`;
    /// `perfect` is every day as `stats::perfect_days` judges it, as of today.
    pub fn new(
        history: &History,
        habits: &[Habit],
        date: NaiveDate,
        today: NaiveDate,
        start: WeekStart,
        perfect: &[(NaiveDate, PerfectDay)],
    ) -> Self {
        let this_start = week_start(date, start);
        let first = add_weeks(this_start, 1 - WEEKS as i64);
        let judged: Vec<_> = (habits.iter())
            .map(|habit| verdicts(history, habit, first, today))
            .collect();
        let week_end = week_days(this_start)[6].min(today);
        let weeks: Vec<ReviewWeek> = (0..WEEKS as i64)
            .rev()
            .map(|back| {
                review_week(
                    history,
                    habits,
                    &judged,
                    perfect,
                    add_weeks(this_start, -back),
                    today,
                )
            })
            .collect();
        let until_end: Vec<_> = perfect
            .iter()
            .copied()
            .filter(|(day, _)| *day <= week_end)
            .collect();
        let (perfect_run, perfect_best) = perfect_streaks(&until_end);
        let ratios: Vec<Option<f64>> = weeks
            .last()
            .map(|week| week.shares.iter().map(|share| share.ratio()).collect())
            .unwrap_or_default();
        let most_kept = pick(&ratios, |a, b| a > b);
        let most_missed = pick(&ratios, |a, b| a < b).filter(|i| ratios[*i] < Some(1.0));

        let streaks = habits
            .iter()
            .zip(if week_end < today {
                // A week gone by ended with its last day decided.
                HabitStats::at_end_of(history, habits, week_end)
            } else {
                HabitStats::all(history, habits, today)
            })
            .filter_map(|(habit, stats)| {
                let (days, best) = (stats.current_streak, stats.best_streak?);
                (days >= 2).then(|| RunningStreak {
                    habit: habit.id.clone(),
                    days,
                    new_best: best.days == days && best.end >= this_start,
                })
            })
            .collect();
        Self {
            weeks,
            most_kept,
            most_missed,
            streaks,
            perfect_run,
            perfect_best: perfect_best.map_or(0, |best| best.days),
        }
    }

    pub fn this_week(&self) -> Option<&ReviewWeek> {
        self.weeks.last()
    }

    pub fn last_week(&self) -> Option<&ReviewWeek> {
        self.weeks
            .len()
            .checked_sub(2)
            .and_then(|i| self.weeks.get(i))
    }
}

/// The index whose ratio `better` prefers; the first of equals.
fn pick(ratios: &[Option<f64>], better: impl Fn(f64, f64) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, ratio) in ratios.iter().enumerate() {
        if let Some(ratio) = ratio
            && best.is_none_or(|(_, b)| better(*ratio, b))
        {
            best = Some((i, *ratio));
        }
    }
    best.map(|(i, _)| i)
}

fn review_week(
    history: &History,
    habits: &[Habit],
    judged: &[Vec<(NaiveDate, Verdict)>],
    perfect: &[(NaiveDate, PerfectDay)],
    start: NaiveDate,
    today: NaiveDate,
) -> ReviewWeek {
    let days = week_days(start);
    let in_week = |day: &NaiveDate| days.contains(day);
    let shares = habits
        .iter()
        .zip(judged)
        .map(|(habit, verdicts)| {
            let mut share = Share::default();
            for (day, verdict) in verdicts.iter().filter(|(day, _)| in_week(day)) {
                let done = history.log.status(*day, habit) == Some(Status::Done);
                let due = done
                    || *verdict == Verdict::Missed
                    || (*verdict == Verdict::Open && *day == today);
                share.done += u32::from(done && *verdict != Verdict::Aside);
                share.days += u32::from(due && *verdict != Verdict::Aside);
            }
            share
        })
        .collect();
    let perfect_days = (perfect.iter())
        .filter(|(day, kept)| in_week(day) && *kept == PerfectDay::Counts)
        .count() as u32;
    ReviewWeek {
        start,
        shares,
        perfect_days,
    }
}
