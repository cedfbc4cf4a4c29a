//! The figures of a history: streaks, strength and runs of misses, walked
//! through the days held and carried on from the sums of older ones.
//!
//! These walk the whole history, so the app derives them once per change to
//! the log (or to "today"), not once per frame.

use chrono::{Days, NaiveDate};

use super::entry::Entry;
use super::log::DayLog;
use super::past::Past;
use super::streak::{Kept, Streak, Walk, habit_kept, perfect_kept};
use super::strength::Score;
use super::{Habit, History};

/// Consecutive done days ending today, or ending yesterday while today is
/// still open: a habit not yet done today does not break the streak.
///
/// ```
/// use chrono::NaiveDate;
/// use gutbone::domain::{Habit, History, Log, stats::current_streak};
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
/// let sun = Habit::check("sunlight", "Sunlight");
/// let mut log = Log::new();
/// log.set_done(day(20), &sun, true);
/// log.set_done(day(21), &sun, true);
/// let history = History::from(log.clone());
/// assert_eq!(current_streak(&history, &sun, day(22)), 2); // today still open
/// log.set_done(day(22), &sun, true);
/// let history = History::from(log);
/// assert_eq!(current_streak(&history, &sun, day(22)), 3);
/// assert_eq!(current_streak(&history, &sun, day(24)), 0); // the 23rd was missed
/// ```
pub fn current_streak(history: &History, habit: &Habit, today: NaiveDate) -> u32 {
    current(
        history,
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
pub fn best_streak(history: &History, habit: &Habit, today: NaiveDate) -> Option<Streak> {
    let walk = history.summed(&habit.id).map(|past| past.walk);
    best(history, today, walk, |_, day| habit_kept(day, habit))
}

/// Consecutive perfect days (see `streak::is_perfect_day`), by the same
/// rules. Perfect days are not summed up in a [`Past`]: these need every
/// day held.
pub fn current_perfect_streak(history: &History, habits: &[Habit], today: NaiveDate) -> u32 {
    current(
        history,
        today,
        |date, day| perfect_kept(date, day, habits),
        |_| 0,
    )
}

pub fn best_perfect_streak(
    history: &History,
    habits: &[Habit],
    today: NaiveDate,
) -> Option<Streak> {
    best(history, today, None, |date, day| {
        perfect_kept(date, day, habits)
    })
}

/// How many days running, up to yesterday, the habit was missed: not done
/// and not skipped. Days before the habit's history began do not count.
pub fn missed_run(history: &History, habit: &Habit, today: NaiveDate) -> u32 {
    let (Some(first), Some(yesterday)) = (history.start(habit), today.pred_opt()) else {
        return 0;
    };
    let from = match history.last_entry_before(&habit.id, today) {
        Some(last) => last.succ_opt().unwrap_or(last).max(first),
        None => first,
    };
    u32::try_from((yesterday - from).num_days() + 1).unwrap_or(0)
}

/// Counts back from `today`; a walk that reaches the days only summed up
/// goes on with `summed`, the run those days end with.
fn current(
    history: &History,
    today: NaiveDate,
    kept: impl Fn(NaiveDate, Option<&DayLog>) -> Kept,
    summed: impl Fn(&Past) -> u32,
) -> u32 {
    let Some(first) = history.first_day() else {
        return 0;
    };
    let held_from = history.loaded_from().unwrap_or(first).max(first);
    let mut streak = 0;
    let mut day = Some(today);
    while let Some(date) = day {
        if date < held_from {
            return streak + history.past().filter(|_| date >= first).map_or(0, &summed);
        }
        match kept(date, history.log.day(date)) {
            Kept::Counts => streak += 1,
            Kept::Passes => {}
            Kept::Breaks if date == today => {} // still open
            Kept::Breaks => break,
        }
        day = date.pred_opt();
    }
    streak
}

/// The longest run in the days held up to `today`, going on from `walk`,
/// the walk through the days before them.
fn best(
    history: &History,
    today: NaiveDate,
    walk: Option<Walk>,
    kept: impl Fn(NaiveDate, Option<&DayLog>) -> Kept,
) -> Option<Streak> {
    let mut walk = walk.unwrap_or_default();
    for (date, day) in history.log.days_in(..=today) {
        walk.step(date, kept(date, Some(day)));
    }
    walk.best
}

/// Strength, the score (0 to 1) as of the end of `date`, counting `date`
/// as missed unless it is done or skipped (see `strength`). The week
/// panel's figures take the same steps for every habit at once:
/// [`HabitStats`].
pub fn strength(history: &History, habit: &Habit, date: NaiveDate) -> f64 {
    let Some(first) = history.start(habit).filter(|first| *first <= date) else {
        return 0.0;
    };
    let (mut score, from) = score_start(history, habit, first);
    for (day, entry) in history.log.days_in(from..=date) {
        score.step(day, entry.entry(&habit.id), habit);
    }
    score.at(date)
}

/// Where a strength walk for `habit`, whose history starts on `first`,
/// starts, and the first day it steps through: the summed-up score when
/// there is one, else nothing yet.
fn score_start(history: &History, habit: &Habit, first: NaiveDate) -> (Score, NaiveDate) {
    let summed = history.past().and_then(|past| {
        let score = history.summed(&habit.id)?.score?;
        Some((score, past.before))
    });
    summed.unwrap_or((Score::starting(first), first))
}

#[derive(Clone, Debug, PartialEq)]
pub struct HabitStats {
    pub current_streak: u32,
    pub best_streak: Option<Streak>,
    /// 0 to 1, as of today.
    pub strength: f64,
    /// Change in strength over the last seven days.
    pub strength_change: f64,
}

impl HabitStats {
    pub fn new(history: &History, habit: &Habit, today: NaiveDate) -> Self {
        let mut tally = [Tally::new(history, habit, today)];
        walk(history, &mut tally, today);
        let [tally] = tally;
        tally.finish(history, today)
    }

    /// One per habit, in checklist order.
    pub fn all(history: &History, habits: &[Habit], today: NaiveDate) -> Vec<Self> {
        let mut tallies: Vec<_> = habits
            .iter()
            .map(|habit| Tally::new(history, habit, today))
            .collect();
        walk(history, &mut tallies, today);
        tallies
            .into_iter()
            .map(|tally| tally.finish(history, today))
            .collect()
    }
}

/// The habits walk through the days up to `today` side by side, each day
/// looked up once for all of them.
fn walk(history: &History, tallies: &mut [Tally], today: NaiveDate) {
    for (date, day) in history.log.days_in(..=today) {
        for tally in tallies.iter_mut() {
            tally.step(date, day.entry(&tally.habit.id));
        }
    }
}

/// One habit's walk through the days up to today: its streaks by
/// `streak::Walk`'s rules, its strength by `strength::Score`'s, as
/// `best_streak` and `strength` take them one at a time.
struct Tally<'a> {
    habit: &'a Habit,
    walk: Walk,
    strength: Option<Strength>,
}

/// The score under way, and what it was a week ago once the walk has
/// passed that day.
struct Strength {
    score: Score,
    /// The first day the score steps through.
    from: NaiveDate,
    week_ago: NaiveDate,
    then: Option<f64>,
}

impl<'a> Tally<'a> {
    fn new(history: &History, habit: &'a Habit, today: NaiveDate) -> Self {
        let summed = history.summed(&habit.id);
        let week_ago = today.checked_sub_days(Days::new(7)).unwrap_or(today);
        let strength = history
            .start(habit)
            .filter(|first| *first <= today)
            .map(|first| {
                let (score, from) = score_start(history, habit, first);
                Strength {
                    score,
                    from,
                    week_ago,
                    // Before the habit's first day, nothing.
                    then: (week_ago < first).then_some(0.0),
                }
            });
        Self {
            habit,
            walk: summed.map(|past| past.walk).unwrap_or_default(),
            strength,
        }
    }

    /// Takes in the next logged day, `date`, and the habit's entry that day.
    fn step(&mut self, date: NaiveDate, entry: Option<Entry>) {
        self.walk.step(date, Kept::of(self.habit.status(entry)));
        if let Some(strength) = &mut self.strength
            && date >= strength.from
        {
            if strength.then.is_none() && strength.week_ago < date {
                strength.then = Some(strength.score.at(strength.week_ago));
            }
            strength.score.step(date, entry, self.habit);
        }
    }

    fn finish(self, history: &History, today: NaiveDate) -> HabitStats {
        let (strength, strength_change) = self.strength.map_or((0.0, 0.0), |strength| {
            let now = strength.score.at(today);
            let then = strength
                .then
                .unwrap_or_else(|| strength.score.at(strength.week_ago));
            (now, now - then)
        });
        HabitStats {
            current_streak: current_streak(history, self.habit, today),
            best_streak: self.walk.best,
            strength,
            strength_change,
        }
    }
}
