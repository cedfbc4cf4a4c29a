//! A habit's whole story: its strength day by day, its streaks, the
//! weekdays it is kept on and its months, from one walk through every day
//! of its history. What the detail screen and `gutbone stats` show.

use chrono::{Datelike, NaiveDate};

use super::date::Month;
use super::streak::Streak;
use super::walk::{HabitWalk, Verdict};
use super::{Habit, History};

/// One day of a habit's story.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StoryDay {
    pub date: NaiveDate,
    pub verdict: Verdict,
    /// Strength (0 to 1) at the end of the day.
    pub strength: f64,
    /// How much was done (a done-or-not habit: 1 when done).
    pub amount: f64,
    /// Done: by doing it, or for a limit, by staying within it.
    pub done: bool,
}

/// Every day from the habit's start to today, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Story {
    pub days: Vec<StoryDay>,
}

/// One month of a story.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthFigures {
    pub month: Month,
    pub done: u32,
    pub amount: f64,
    /// Strength at the end of the month's last day told (today, for this one).
    pub strength: f64,
}

impl Story {
    /// `habit`'s days up to `today`, of a history that holds every day.
    pub fn of(history: &History, habit: &Habit, today: NaiveDate) -> Self {
        let start = history.start(habit).unwrap_or(today).min(today);
        let mut walk = HabitWalk::new(start).recording();
        for (date, day) in history.log.days_in(start..today) {
            walk.step(date, day.entry(&habit.id), habit);
        }
        let limit = habit.measure.as_ref().is_some_and(|m| m.at_most);
        let story = walk.story(today, history.log.entry(today, habit), habit);
        let days = (story.into_iter())
            .map(|(date, verdict, strength)| StoryDay {
                date,
                verdict,
                strength,
                amount: history.log.amount(date, habit),
                done: verdict == Verdict::Done || (limit && verdict == Verdict::Kept),
            })
            .collect();
        Self { days }
    }

    /// The days from `from` to `to`, both included.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[StoryDay] {
        let first = self.days.partition_point(|day| day.date < from);
        let end = self.days.partition_point(|day| day.date <= to);
        &self.days[first..end.max(first)]
    }
}

/// Days done, and days due: a due day is one done (a day off done anyway
/// too) or missed. A day still open (today, or a window reaching it), one a
/// rhythm did without and one set aside are not.
pub fn done_and_due(days: &[StoryDay]) -> (u32, u32) {
    days.iter().fold((0, 0), |(done, due), day| {
        let is_due = day.done || day.verdict == Verdict::Missed;
        (done + u32::from(day.done), due + u32::from(is_due))
    })
}

/// For each weekday, Monday first: days done, and days due.
pub fn weekdays(days: &[StoryDay]) -> [(u32, u32); 7] {
    let mut each = [(0, 0); 7];
    for day in days {
        let (done, due) = done_and_due(std::slice::from_ref(day));
        let slot = &mut each[day.date.weekday().num_days_from_monday() as usize];
        *slot = (slot.0 + done, slot.1 + due);
    }
    each
}

/// The runs of kept days, longest first, the earliest of equals first: a
/// day set aside, or open, neither counts nor breaks one.
pub fn streaks(days: &[StoryDay]) -> Vec<Streak> {
    let mut runs: Vec<Streak> = Vec::new();
    let mut run: Option<Streak> = None;
    for day in days {
        match day.verdict {
            Verdict::Done | Verdict::Kept => {
                run = Some(Streak::extended(run, day.date));
            }
            Verdict::Missed => runs.extend(run.take()),
            Verdict::Aside | Verdict::Open => {}
        }
    }
    runs.extend(run);
    runs.sort_by(|a, b| b.days.cmp(&a.days).then(a.start.cmp(&b.start)));
    runs
}

/// The run reaching the last day, if any (an open or set-aside day after
/// it does not end it).
pub fn current_streak(days: &[StoryDay]) -> u32 {
    let mut current = 0;
    for day in days.iter().rev() {
        match day.verdict {
            Verdict::Done | Verdict::Kept => current += 1,
            Verdict::Missed => break,
            Verdict::Aside | Verdict::Open => {}
        }
    }
    current
}

/// Each month the days touch, oldest first.
pub fn months(days: &[StoryDay]) -> Vec<MonthFigures> {
    let mut months: Vec<MonthFigures> = Vec::new();
    for day in days {
        let month = Month::of(day.date);
        if months.last().is_none_or(|last| last.month != month) {
            months.push(MonthFigures {
                month,
                done: 0,
                amount: 0.0,
                strength: 0.0,
            });
        }
        let figures = months.last_mut().expect("just pushed");
        figures.done += u32::from(day.done);
        figures.amount += day.amount;
        figures.strength = day.strength;
    }
    months
}
