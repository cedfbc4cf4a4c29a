//! The week at a glance: one mark per habit per day, with totals.

use chrono::{Days, NaiveDate};

use super::date::{week_days, week_start};
use super::entry::Status;
use super::settings::WeekStart;
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
        // Each day looked up once, not once per habit: the week panel makes
        // five of these a frame.
        let logged = days.map(|day| history.log.day(day));
        let first_day = history.first_day();
        let rows = habits
            .iter()
            .map(|habit| {
                let start = history.start(habit);
                WeekRow {
                    habit: habit.id.clone(),
                    marks: std::array::from_fn(|i| {
                        let status = logged[i].and_then(|day| day.status(habit));
                        mark(status, days[i], today, start)
                    }),
                }
            })
            .collect();
        let tracked = |day: NaiveDate| {
            day <= today && (day == today || first_day.is_some_and(|first| day >= first))
        };
        let totals = std::array::from_fn(|i| {
            tracked(days[i]).then(|| logged[i].map_or(0, |day| day.done_count(habits)))
        });
        Self { days, rows, totals }
    }
}

fn mark(
    status: Option<Status>,
    day: NaiveDate,
    today: NaiveDate,
    start: Option<NaiveDate>,
) -> Mark {
    match status {
        Some(Status::Done) => Mark::Done,
        Some(Status::Skipped) => Mark::Skipped,
        Some(Status::Partial) => Mark::Partial,
        None if day > today => Mark::Upcoming,
        None if day == today => Mark::Open,
        None if start.is_some_and(|start| day >= start) => Mark::Missed,
        None => Mark::Untracked,
    }
}
