//! Streaks: runs of consecutive done days, per habit and for perfect days.
//!
//! The rules, which the README repeats:
//! - a done day extends a streak; a missed day ends it;
//! - a skipped day neither breaks nor extends it, as if it did not exist;
//! - today, while still open, does not break it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::log::Entry;
use super::log::{DayLog, Status};
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
fn perfect_kept(date: NaiveDate, day: Option<&DayLog>, habits: &[Habit]) -> Kept {
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

/// Consecutive done days ending today, or ending yesterday while today is
/// still open: a habit not yet done today does not break the streak.
///
/// ```
/// use chrono::NaiveDate;
/// use gutbone::domain::{Habit, Log, streak::current_streak};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let sun = Habit::check("sunlight", "Sunlight");
/// let mut log = Log::new();
/// log.set_done(day(20), &sun, true);
/// log.set_done(day(21), &sun, true);
/// assert_eq!(current_streak(&log, &sun, day(22)), 2); // today still open
/// log.set_done(day(22), &sun, true);
/// assert_eq!(current_streak(&log, &sun, day(22)), 3);
/// assert_eq!(current_streak(&log, &sun, day(24)), 0); // the 23rd was missed
/// ```
pub fn current_streak(log: &Log, habit: &Habit, today: NaiveDate) -> u32 {
    current(
        log,
        today,
        |_, day| habit_kept(day, habit),
        |past| {
            past.habit(&habit.id)
                .map_or(0, |summed| summed.walk.running_to(past.before.pred_opt()))
        },
    )
}

/// The longest run of done days up to and including `today`; the earliest
/// of equals.
pub fn best_streak(log: &Log, habit: &Habit, today: NaiveDate) -> Option<Streak> {
    let summed = log.past().and_then(|past| past.habit(&habit.id));
    best(log, today, summed.map(|past| past.walk), |_, day| {
        habit_kept(day, habit)
    })
}

/// Consecutive perfect days (see [`is_perfect_day`]), by the same rules.
/// Perfect days are not summed up in a [`super::past::Past`]: these need
/// the whole log.
pub fn current_perfect_streak(log: &Log, habits: &[Habit], today: NaiveDate) -> u32 {
    current(
        log,
        today,
        |date, day| perfect_kept(date, day, habits),
        |_| 0,
    )
}

pub fn best_perfect_streak(log: &Log, habits: &[Habit], today: NaiveDate) -> Option<Streak> {
    best(log, today, None, |date, day| {
        perfect_kept(date, day, habits)
    })
}

/// How many days running, up to yesterday, the habit was missed: not done
/// and not skipped. Days before the habit's history began do not count.
pub fn missed_run(log: &Log, habit: &Habit, today: NaiveDate) -> u32 {
    let (Some(first), Some(yesterday)) = (habit.start(log), today.pred_opt()) else {
        return 0;
    };
    let from = match log.last_entry_before(&habit.id, today) {
        Some(last) => last.succ_opt().unwrap_or(last).max(first),
        None => first,
    };
    u32::try_from((yesterday - from).num_days() + 1).unwrap_or(0)
}

/// Every habit done or skipped on `date`, and at least one of them done.
pub fn is_perfect_day(log: &Log, habits: &[Habit], date: NaiveDate) -> bool {
    perfect_kept(date, log.day(date), habits) == Kept::Counts
}

/// Counts back from `today`; a walk that reaches the days only summed up
/// goes on with `summed`, the run those days end with.
fn current(
    log: &Log,
    today: NaiveDate,
    kept: impl Fn(NaiveDate, Option<&DayLog>) -> Kept,
    summed: impl Fn(&super::past::Past) -> u32,
) -> u32 {
    let Some(first) = log.first_day() else {
        return 0;
    };
    let held_from = log.loaded_from().unwrap_or(first).max(first);
    let mut streak = 0;
    let mut day = Some(today);
    while let Some(date) = day {
        if date < held_from {
            return streak + log.past().filter(|_| date >= first).map_or(0, &summed);
        }
        match kept(date, log.day(date)) {
            Kept::Counts => streak += 1,
            Kept::Passes => {}
            Kept::Breaks if date == today => {} // still open
            Kept::Breaks => break,
        }
        day = date.pred_opt();
    }
    streak
}

/// The longest run in the days the log holds up to `today`, going on from
/// `walk`, the walk through the days before them.
fn best(
    log: &Log,
    today: NaiveDate,
    walk: Option<Walk>,
    kept: impl Fn(NaiveDate, Option<&DayLog>) -> Kept,
) -> Option<Streak> {
    let mut walk = walk.unwrap_or_default();
    for (date, day) in log.days_in(..=today) {
        walk.step(date, kept(date, Some(day)));
    }
    walk.best
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
    fn running_to(&self, date: Option<NaiveDate>) -> u32 {
        match self.run {
            Some(run) if self.last.is_some() && self.last == date => run.days,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn sun() -> Habit {
        Habit::check("sunlight", "Sunlight")
    }

    fn log_of(habit: &Habit, done: &[&str], skipped: &[&str]) -> Log {
        let mut log = Log::new();
        for day in done {
            log.set_done(d(day), habit, true);
        }
        for day in skipped {
            log.set_entry(d(day), habit, Some(Entry::Skipped));
        }
        log
    }

    #[test]
    fn an_empty_log_has_no_streak() {
        assert_eq!(current_streak(&Log::new(), &sun(), d("2026-11-22")), 0);
        assert_eq!(best_streak(&Log::new(), &sun(), d("2026-11-22")), None);
    }

    #[test]
    fn counts_back_from_today_when_today_is_done() {
        let log = log_of(&sun(), &["2026-11-20", "2026-11-21", "2026-11-22"], &[]);
        assert_eq!(current_streak(&log, &sun(), d("2026-11-22")), 3);
    }

    #[test]
    fn today_still_open_does_not_break_the_streak() {
        let log = log_of(&sun(), &["2026-11-20", "2026-11-21"], &[]);
        assert_eq!(current_streak(&log, &sun(), d("2026-11-22")), 2);
    }

    #[test]
    fn a_missed_yesterday_ends_the_streak() {
        let log = log_of(&sun(), &["2026-11-19", "2026-11-20"], &[]);
        assert_eq!(current_streak(&log, &sun(), d("2026-11-22")), 0);
        let log = log_of(&sun(), &["2026-11-19", "2026-11-20", "2026-11-22"], &[]);
        assert_eq!(current_streak(&log, &sun(), d("2026-11-22")), 1);
    }

    #[test]
    fn skipped_days_neither_break_nor_extend() {
        let log = log_of(
            &sun(),
            &["2026-11-18", "2026-11-19", "2026-11-21"],
            &["2026-11-20", "2026-11-22"],
        );
        assert_eq!(current_streak(&log, &sun(), d("2026-11-22")), 3);
        let best = best_streak(&log, &sun(), d("2026-11-22")).unwrap();
        assert_eq!(
            (best.days, best.start, best.end),
            (3, d("2026-11-18"), d("2026-11-21"))
        );
    }

    #[test]
    fn streaks_run_across_month_ends_and_new_year() {
        let log = log_of(
            &sun(),
            &["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"],
            &[],
        );
        assert_eq!(current_streak(&log, &sun(), d("2027-01-02")), 4);
        let log = log_of(&sun(), &["2026-10-31", "2026-11-01"], &[]);
        assert_eq!(current_streak(&log, &sun(), d("2026-11-02")), 2);
    }

    #[test]
    fn best_is_the_longest_run_with_its_dates_and_the_earliest_of_equals() {
        let log = log_of(
            &sun(),
            &[
                "2026-01-01",
                "2026-01-02",
                "2026-02-01",
                "2026-02-02",
                "2026-02-03",
                "2026-03-01",
                "2026-03-02",
                "2026-03-03",
            ],
            &[],
        );
        let best = best_streak(&log, &sun(), d("2026-11-22")).unwrap();
        assert_eq!(
            (best.days, best.start, best.end),
            (3, d("2026-02-01"), d("2026-02-03"))
        );
    }

    #[test]
    fn best_ignores_days_after_today() {
        let log = log_of(&sun(), &["2026-11-21", "2026-11-23", "2026-11-24"], &[]);
        assert_eq!(best_streak(&log, &sun(), d("2026-11-22")).unwrap().days, 1);
    }

    #[test]
    fn other_habits_do_not_count() {
        let kefir = Habit::check("fermented-food", "Fermented food");
        let log = log_of(&kefir, &["2026-11-21", "2026-11-22"], &[]);
        assert_eq!(current_streak(&log, &sun(), d("2026-11-22")), 0);
    }

    #[test]
    fn a_missed_run_counts_back_from_yesterday_to_the_last_kept_day() {
        let log = log_of(&sun(), &["2026-11-18"], &["2026-11-20"]);
        assert_eq!(
            missed_run(&log, &sun(), d("2026-11-20")),
            1,
            "only the 19th"
        );
        assert_eq!(missed_run(&log, &sun(), d("2026-11-24")), 3, "21st to 23rd");
        assert_eq!(
            missed_run(&log, &sun(), d("2026-11-18")),
            0,
            "before the log began"
        );
        assert_eq!(missed_run(&Log::new(), &sun(), d("2026-11-18")), 0);
    }

    #[test]
    fn perfect_days_need_every_habit_done_or_skipped() {
        let habits = default_habits();
        let mut log = Log::new();
        for day in ["2026-11-20", "2026-11-21", "2026-11-22"] {
            for habit in &habits {
                log.set_done(d(day), &habit.id, true);
            }
        }
        // The 21st: sunlight skipped, so still perfect.
        log.set_entry(d("2026-11-21"), sun(), Some(crate::domain::Entry::Skipped));
        assert!(is_perfect_day(&log, &habits, d("2026-11-21")));
        assert_eq!(current_perfect_streak(&log, &habits, d("2026-11-22")), 3);
        // The 20th: sunlight forgotten, so not perfect, and the streak starts after it.
        log.set_done(d("2026-11-20"), sun(), false);
        assert!(!is_perfect_day(&log, &habits, d("2026-11-20")));
        assert_eq!(current_perfect_streak(&log, &habits, d("2026-11-22")), 2);
        let best = best_perfect_streak(&log, &habits, d("2026-11-22")).unwrap();
        assert_eq!((best.start, best.end), (d("2026-11-21"), d("2026-11-22")));
    }

    #[test]
    fn a_day_of_nothing_but_skips_is_a_rest_day_not_a_perfect_one() {
        let habits = default_habits();
        let mut log = Log::new();
        for habit in &habits {
            log.set_done(d("2026-11-20"), &habit.id, true);
            log.set_entry(
                d("2026-11-21"),
                &habit.id,
                Some(crate::domain::Entry::Skipped),
            );
            log.set_done(d("2026-11-22"), &habit.id, true);
        }
        assert!(!is_perfect_day(&log, &habits, d("2026-11-21")));
        assert_eq!(current_perfect_streak(&log, &habits, d("2026-11-22")), 2);
    }
}
