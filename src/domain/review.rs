//! The weekly review: twelve weeks of history and how the latest one went.

use chrono::NaiveDate;

use super::date::{add_weeks, week_days, week_start};
use super::log::Status;
use super::settings::WeekStart;
use super::streak::{best_streak, current_streak, is_perfect_day};
use super::{Habit, HabitId, Log};

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
        log: &Log,
        habits: &[Habit],
        date: NaiveDate,
        today: NaiveDate,
        start: WeekStart,
    ) -> Self {
        let this_start = week_start(date, start);
        let weeks: Vec<ReviewWeek> = (0..WEEKS as i64)
            .rev()
            .map(|back| review_week(log, habits, add_weeks(this_start, -back), today))
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
                let days = current_streak(log, habit, week_end);
                let best = best_streak(log, habit, week_end)?;
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

fn review_week(log: &Log, habits: &[Habit], start: NaiveDate, today: NaiveDate) -> ReviewWeek {
    let days = week_days(start);
    let shares = habits
        .iter()
        .map(|habit| {
            let start = habit.start(log);
            let counts = |day: NaiveDate| day <= today && start.is_some_and(|start| day >= start);
            let mut share = Share::default();
            for day in days.iter().copied().filter(|day| counts(*day)) {
                match log.status(day, habit) {
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
        .filter(|day| **day <= today && is_perfect_day(log, habits, **day))
        .count() as u32;
    ReviewWeek {
        start,
        shares,
        perfect_days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Two weeks: 9–15 Nov and 16–22 Nov 2026, reviewed on Sunday the 22nd.
    fn two_weeks() -> Log {
        let habits = default_habits();
        let mut log = Log::new();
        for offset in 0..14u64 {
            let day = d("2026-11-09")
                .checked_add_days(chrono::Days::new(offset))
                .unwrap();
            // Kefir every day; fibre 4/7 then 5/7; sunlight skipped on the 20th.
            log.set_done(day, &habits[0].id, true);
            let fibre = if offset < 7 {
                offset % 2 == 0
            } else {
                offset % 7 < 5
            };
            log.set_done(day, &habits[1].id, fibre);
        }
        log.set_entry(
            d("2026-11-20"),
            &habits[3].id,
            Some(crate::domain::Entry::Skipped),
        );
        log
    }

    #[test]
    fn shares_leave_skipped_and_untracked_days_out() {
        let habits = default_habits();
        let review = WeeklyReview::new(
            &two_weeks(),
            &habits,
            d("2026-11-22"),
            d("2026-11-22"),
            WeekStart::Monday,
        );
        assert_eq!(review.weeks.len(), WEEKS);
        let this = review.this_week().unwrap();
        assert_eq!(this.start, d("2026-11-16"));
        assert_eq!(this.shares[0], Share { done: 7, days: 7 });
        assert_eq!(this.shares[1], Share { done: 5, days: 7 });
        assert_eq!(
            this.shares[3],
            Share { done: 0, days: 6 },
            "the skipped day is left out"
        );
        let last = review.last_week().unwrap();
        assert_eq!(last.shares[1], Share { done: 4, days: 7 });
        // Weeks before the first logged day count nothing.
        assert_eq!(review.weeks[0].shares[0], Share::default());
        assert_eq!(review.weeks[0].shares[0].ratio(), None);
    }

    #[test]
    fn most_kept_and_most_missed() {
        let habits = default_habits();
        let review = WeeklyReview::new(
            &two_weeks(),
            &habits,
            d("2026-11-22"),
            d("2026-11-22"),
            WeekStart::Monday,
        );
        assert_eq!(review.most_kept, Some(0));
        assert_eq!(
            review.most_missed,
            Some(2),
            "the first of the never-done habits"
        );
    }

    #[test]
    fn nothing_is_most_missed_in_a_perfect_week() {
        let habits = default_habits();
        let mut log = Log::new();
        for offset in 0..7u64 {
            let day = d("2026-11-16")
                .checked_add_days(chrono::Days::new(offset))
                .unwrap();
            for habit in &habits {
                log.set_done(day, &habit.id, true);
            }
        }
        let review = WeeklyReview::new(
            &log,
            &habits,
            d("2026-11-22"),
            d("2026-11-22"),
            WeekStart::Monday,
        );
        assert_eq!(review.most_missed, None);
        assert_eq!(review.this_week().unwrap().perfect_days, 7);
        assert!(review.streaks.iter().all(|s| s.days == 7 && s.new_best));
    }

    #[test]
    fn streaks_running_at_the_end_of_the_week() {
        let habits = default_habits();
        let review = WeeklyReview::new(
            &two_weeks(),
            &habits,
            d("2026-11-22"),
            d("2026-11-22"),
            WeekStart::Monday,
        );
        let kefir = review
            .streaks
            .iter()
            .find(|s| s.habit == habits[0].id)
            .unwrap();
        assert_eq!((kefir.days, kefir.new_best), (14, true));
        assert!(review.streaks.iter().all(|s| s.habit != habits[3].id));
        // Reviewing the week before: kefir's streak then was 7, also a best then.
        let earlier = WeeklyReview::new(
            &two_weeks(),
            &habits,
            d("2026-11-15"),
            d("2026-11-22"),
            WeekStart::Monday,
        );
        let kefir = earlier
            .streaks
            .iter()
            .find(|s| s.habit == habits[0].id)
            .unwrap();
        assert_eq!(kefir.days, 7);
    }

    #[test]
    fn days_still_to_come_do_not_count() {
        let habits = default_habits();
        let review = WeeklyReview::new(
            &two_weeks(),
            &habits,
            d("2026-11-18"),
            d("2026-11-18"),
            WeekStart::Monday,
        );
        assert_eq!(
            review.this_week().unwrap().shares[0],
            Share { done: 3, days: 3 }
        );
    }
}
