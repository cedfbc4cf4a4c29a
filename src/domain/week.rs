//! The week at a glance: one mark per habit per day, with totals.

use chrono::{Days, NaiveDate};

use super::date::{week_days, week_start};
use super::entry::Status;
use super::settings::WeekStart;
use super::stats::verdicts;
use super::walk::Verdict;
use super::{Habit, HabitId, History};

/// How many weeks before the viewed one a wide week panel shows.
pub const EARLIER_WEEKS: u32 = 4;

/// The first day of the earliest week a wide week panel shows on `today`:
/// where the recent part of a history begins for a start, so that every
/// week on screen and a week-ago strength are recent. It moves once a week,
/// and with it the summary a start relies on.
pub fn earliest_shown(today: NaiveDate, start: WeekStart) -> NaiveDate {
    week_start(today, start)
        .checked_sub_days(Days::new(7 * u64::from(EARLIER_WEEKS)))
        .unwrap_or(today)
}

/// What one cell of the week grid shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Done,
    /// Some of a measured habit's target, not all of it.
    Partial,
    Skipped,
    /// A past day (within this person's history) on which the habit was not done.
    Missed,
    /// Today, not done yet: not a miss until the day is over.
    Open,
    /// Not due that day: a day off, or a day a habit due N times in D days
    /// did without (its window holds N, or may yet).
    Off,
    /// A day still to come.
    Upcoming,
    /// A day before the first logged day: nothing to judge.
    Untracked,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekRow {
    pub habit: HabitId,
    pub marks: [Mark; 7],
}

/// One week of every habit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekSummary {
    pub days: [NaiveDate; 7],
    pub rows: Vec<WeekRow>,
    /// Habits done per day; `None` for days still to come or before the log starts.
    pub totals: [Option<usize>; 7],
}

impl WeekSummary {
    /// The week containing `date`, judged as of `today`.
    pub fn new(
        history: &History,
        habits: &[Habit],
        date: NaiveDate,
        today: NaiveDate,
        start: WeekStart,
    ) -> Self {
        let days = week_days(week_start(date, start));
        let first_day = history.first_day();
        let rows = habits
            .iter()
            .map(|habit| {
                let start = history.start(habit);
                let verdicts = match days[0] <= today {
                    true => verdicts(history, habit, days[0], today),
                    false => Vec::new(),
                };
                WeekRow {
                    habit: habit.id.clone(),
                    marks: std::array::from_fn(|i| {
                        // Nothing logged ahead keeps a limit yet.
                        let entry = history.log.entry(days[i], habit);
                        let status = match days[i] > today && entry.is_none() {
                            true => None,
                            false => history.log.status(days[i], habit),
                        };
                        let verdict = verdicts.iter().find(|(day, _)| *day == days[i]);
                        mark(status, verdict.map(|(_, v)| *v), days[i], today, start)
                    }),
                }
            })
            .collect();
        let tracked = |day: NaiveDate| {
            day <= today && (day == today || first_day.is_some_and(|first| day >= first))
        };
        let totals = std::array::from_fn(|i| {
            tracked(days[i]).then(|| history.log.count(days[i], habits).done)
        });
        Self { days, rows, totals }
    }
}

/// A day's mark from how it was logged and how the walk judged it;
/// `start` is the habit's first day.
pub fn mark(
    status: Option<Status>,
    verdict: Option<Verdict>,
    day: NaiveDate,
    today: NaiveDate,
    start: Option<NaiveDate>,
) -> Mark {
    match (status, verdict) {
        (_, None) if day < today && start.is_none_or(|start| day < start) => Mark::Untracked,
        (Some(Status::Done), _) => Mark::Done,
        (Some(Status::Skipped), _) => Mark::Skipped,
        (Some(Status::Partial), _) => Mark::Partial,
        (Some(Status::Over), _) | (None, Some(Verdict::Missed)) => Mark::Missed,
        (None, _) if day > today => Mark::Upcoming,
        (None, Some(Verdict::Open)) if day == today => Mark::Open,
        (None, None) => Mark::Open,
        // Kept by the days around it, not yet missed, or a day off: not due.
        (None, Some(Verdict::Done | Verdict::Kept | Verdict::Open | Verdict::Aside)) => Mark::Off,
    }
}
