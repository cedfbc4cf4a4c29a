//! The week at a glance: one mark per habit per day, with totals.

use chrono::NaiveDate;

/// How many weeks before the viewed one a wide week panel shows.
pub const EARLIER_WEEKS: u32 = 4;

use super::date::{week_days, week_start};
use super::log::Status;
use super::settings::WeekStart;
use super::{Habit, HabitId, Log};

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
        log: &Log,
        habits: &[Habit],
        date: NaiveDate,
        today: NaiveDate,
        start: WeekStart,
    ) -> Self {
        let days = week_days(week_start(date, start));
        // Each day looked up once, not once per habit: the week panel makes
        // five of these a frame.
        let logged = days.map(|day| log.day(day));
        let first_day = log.first_day();
        let rows = habits
            .iter()
            .map(|habit| {
                let start = habit.start(log);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;
    use Mark::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn id(s: &str) -> HabitId {
        HabitId::new(s)
    }

    #[test]
    fn a_week_in_progress() {
        let habits = default_habits();
        let mut log = Log::new();
        // Started on Tuesday; kefir every day but Thursday, sunlight only today.
        for day in ["2026-11-17", "2026-11-18", "2026-11-20", "2026-11-21"] {
            log.set_done(d(day), id("fermented-food"), true);
        }
        log.set_done(d("2026-11-19"), id("prebiotic-fiber"), true);
        log.set_entry(
            d("2026-11-19"),
            id("fermented-food"),
            Some(crate::domain::Entry::Skipped),
        );
        log.set_entry(
            d("2026-11-18"),
            id("sunlight"),
            Some(crate::domain::Entry::Amount(5.0)),
        );
        // Today is Friday 20 Nov.
        let week = WeekSummary::new(
            &log,
            &habits,
            d("2026-11-20"),
            d("2026-11-20"),
            WeekStart::Monday,
        );
        assert_eq!(week.days[0], d("2026-11-16"));
        assert_eq!(week.days[6], d("2026-11-22"));
        assert_eq!(
            week.rows[0].marks,
            [Untracked, Done, Done, Skipped, Done, Done, Upcoming],
            "a day logged ahead (Saturday) still shows as done"
        );
        assert_eq!(
            week.rows[3].marks,
            [Untracked, Missed, Partial, Missed, Open, Upcoming, Upcoming],
            "5 of 15 minutes of sunlight is partial"
        );
        let stats = crate::domain::stats::HabitStats::all(&log, &habits, d("2026-11-20"));
        assert_eq!(stats[0].current_streak, 3, "the skipped Thursday passes");
        assert_eq!(stats[0].best_streak.map(|s| s.days), Some(3));
        assert!(stats[0].strength > stats[1].strength);
        assert_eq!(
            week.totals,
            [None, Some(1), Some(1), Some(1), Some(1), None, None],
            "Saturday, logged ahead of today, is not totalled yet"
        );
    }

    #[test]
    fn a_sunday_week_starts_a_day_earlier() {
        let habits = default_habits();
        let week = WeekSummary::new(
            &Log::new(),
            &habits,
            d("2026-11-20"),
            d("2026-11-20"),
            WeekStart::Sunday,
        );
        assert_eq!(week.days[0], d("2026-11-15"));
        assert_eq!(week.days[6], d("2026-11-21"));
        assert_eq!(week.totals, [None, None, None, None, None, Some(0), None]);
    }

    #[test]
    fn a_week_across_new_year() {
        let habits = default_habits();
        let mut log = Log::new();
        for day in ["2026-12-30", "2026-12-31", "2027-01-01"] {
            log.set_done(d(day), id("sunlight"), true);
        }
        let week = WeekSummary::new(
            &log,
            &habits,
            d("2027-01-01"),
            d("2027-01-02"),
            WeekStart::Monday,
        );
        assert_eq!(week.days[0], d("2026-12-28"));
        assert_eq!(week.days[6], d("2027-01-03"));
        assert_eq!(
            week.rows[3].marks,
            [Untracked, Untracked, Done, Done, Done, Open, Upcoming]
        );
        assert_eq!(
            week.totals,
            [None, None, Some(1), Some(1), Some(1), Some(0), None]
        );
    }

    #[test]
    fn an_empty_log_totals_only_today() {
        let week = WeekSummary::new(
            &Log::new(),
            &default_habits(),
            d("2026-11-18"),
            d("2026-11-18"),
            WeekStart::Monday,
        );
        assert_eq!(week.totals, [None, None, Some(0), None, None, None, None]);
        assert!(
            week.rows
                .iter()
                .all(|row| row.marks[..2] == [Untracked, Untracked])
        );
    }

    #[test]
    fn a_past_week_across_a_month_end_is_judged_from_today() {
        let habits = default_habits();
        let mut log = Log::new();
        log.set_done(d("2026-10-26"), id("stress-break"), true);
        log.set_done(d("2026-11-01"), id("stress-break"), true);
        let week = WeekSummary::new(
            &log,
            &habits,
            d("2026-10-29"),
            d("2026-11-22"),
            WeekStart::Monday,
        );
        assert_eq!(week.days[0], d("2026-10-26"));
        assert_eq!(week.days[6], d("2026-11-01"));
        assert_eq!(
            week.rows[4].marks,
            [Done, Missed, Missed, Missed, Missed, Missed, Done]
        );
        assert!(week.totals.iter().all(Option::is_some));
    }
}
