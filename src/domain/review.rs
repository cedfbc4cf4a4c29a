//! The weekly review: twelve weeks of history and how the latest one went.

use chrono::NaiveDate;

use super::date::{add_weeks, week_days, week_start};
use super::entry::Status;
use super::settings::WeekStart;
use super::stats::{best_streak, current_streak};
use super::streak::is_perfect_day;
use super::{Habit, HabitId, History};

/// How many weeks the review looks back over, the reviewed one included.
pub const WEEKS: usize = 12;

/// Done days out of the days that count: past or today, within this person's
/// history, and not skipped.
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
}

impl WeeklyReview {
    /// The review of the week containing `date`, judged as of `today`.
    pub fn new(
        history: &History,
        habits: &[Habit],
        date: NaiveDate,
        today: NaiveDate,
        start: WeekStart,
    ) -> Self {
        let this_start = week_start(date, start);
        let weeks: Vec<ReviewWeek> = (0..WEEKS as i64)
            .rev()
            .map(|back| review_week(history, habits, add_weeks(this_start, -back), today))
            .collect();
        let ratios: Vec<Option<f64>> = weeks
            .last()
            .map(|week| week.shares.iter().map(|share| share.ratio()).collect())
            .unwrap_or_default();
        let most_kept = pick(&ratios, |a, b| a > b);
        let most_missed = pick(&ratios, |a, b| a < b).filter(|i| ratios[*i] < Some(1.0));

        let week_end = week_days(this_start)[6].min(today);
        let streaks = habits
            .iter()
            .filter_map(|habit| {
                let days = current_streak(history, habit, week_end);
                let best = best_streak(history, habit, week_end)?;
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
    start: NaiveDate,
    today: NaiveDate,
) -> ReviewWeek {
    let days = week_days(start);
    let shares = habits
        .iter()
        .map(|habit| {
            let start = history.start(habit);
            let counts = |day: NaiveDate| day <= today && start.is_some_and(|start| day >= start);
            let mut share = Share::default();
            for day in days.iter().copied().filter(|day| counts(*day)) {
                match history.log.status(day, habit) {
                    Some(Status::Done) => {
                        share.done += 1;
                        share.days += 1;
                    }
                    Some(Status::Skipped) => {}
                    Some(Status::Partial) | None => share.days += 1,
                }
            }
            share
        })
        .collect();
    let perfect_days = days
        .iter()
        .filter(|day| **day <= today && is_perfect_day(&history.log, habits, **day))
        .count() as u32;
    ReviewWeek {
        start,
        shares,
        perfect_days,
    }
}
