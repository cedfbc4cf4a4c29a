//! The figures of a history: each habit's streaks, strength, misses and
//! whether it is due (its `walk`, carried on from the sums of older days),
//! and the perfect days, every habit kept.
//!
//! These walk the whole history, so the app derives them once per change to
//! the log (or to "today"), not once per frame.

use chrono::{Days, NaiveDate};

use super::log::DayLog;
use super::schedule::Schedule;
use super::streak::{PerfectDay, Streak};
use super::walk::{HabitWalk, Verdict};
use super::{Habit, History, Log};

#[derive(Clone, Debug, PartialEq)]
pub struct HabitStats {
    /// Kept days running, today included once it is kept; a day still open
    /// (today not yet done) neither counts nor breaks it.
    pub current_streak: u32,
    /// The longest run up to today; the earliest of equals.
    pub best_streak: Option<Streak>,
    /// 0 to 1, as of today (see `strength`).
    pub strength: f64,
    /// Change in strength over the last seven days.
    pub strength_change: f64,
    /// Days missed running, up to yesterday (a skip ends the run).
    pub missed_run: u32,
    /// Leaving it undone today could cost its streak.
    pub due: bool,
    /// Done days in the window ending today (`2` of "2/3 this week").
    pub done_in_window: u32,
}

impl HabitStats {
    /// ```
    /// use chrono::NaiveDate;
    /// use gutbone::domain::{Habit, History, Log, stats::HabitStats};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    /// let sun = Habit::check("sunlight", "Sunlight");
    /// let mut log = Log::new();
    /// log.set_done(day(20), &sun, true);
    /// log.set_done(day(21), &sun, true);
    /// let stats = |log: &Log, today| HabitStats::new(&History::from(log.clone()), &sun, day(today));
    /// assert_eq!(stats(&log, 22).current_streak, 2); // today still open
    /// assert!(stats(&log, 22).due);
    /// log.set_done(day(22), &sun, true);
    /// assert_eq!(stats(&log, 22).current_streak, 3);
    /// assert_eq!(stats(&log, 24).current_streak, 0); // the 23rd was missed
    /// ```
    pub fn new(history: &History, habit: &Habit, today: NaiveDate) -> Self {
        let [stats] = Self::all(history, std::slice::from_ref(habit), today)
            .try_into()
            .expect("one habit, one set of figures");
        stats
    }

    /// One per habit, in checklist order. The habits walk the days side by
    /// side, each day looked up once for all of them.
    pub fn all(history: &History, habits: &[Habit], today: NaiveDate) -> Vec<Self> {
        Self::walked(history, habits, today, true)
    }

    /// As they stood at the end of `day`, a day gone by: `day` decided
    /// (missed unless done, as every past day), nothing after it counted.
    pub fn at_end_of(history: &History, habits: &[Habit], day: NaiveDate) -> Vec<Self> {
        match day.succ_opt() {
            Some(next) => Self::walked(history, habits, next, false),
            None => Self::all(history, habits, day),
        }
    }

    /// `all`, counting what is logged on `today` or not.
    fn walked(
        history: &History,
        habits: &[Habit],
        today: NaiveDate,
        count_today: bool,
    ) -> Vec<Self> {
        let week_ago = today.checked_sub_days(Days::new(7)).unwrap_or(today);
        let mut walks: Vec<(HabitWalk, Option<f64>)> = habits
            .iter()
            .map(|habit| {
                let start = history.start(habit).unwrap_or(today).min(today);
                let summed = history.summed(&habit.id).and_then(|past| past.walk.clone());
                let walk = summed.unwrap_or_else(|| HabitWalk::new(start));
                // Before the habit's first day, its strength was nothing.
                let then = (walk.last() >= week_ago).then_some(0.0);
                (walk, then)
            })
            .collect();
        let from = walks
            .iter()
            .map(|(walk, _)| walk.last())
            .min()
            .unwrap_or(today);
        let catch_up = |walks: &mut [(HabitWalk, Option<f64>)],
                        date: Option<(NaiveDate, &DayLog)>| {
            for (habit, (walk, then)) in habits.iter().zip(walks.iter_mut()) {
                let until = date.map_or(today, |(date, _)| date);
                if then.is_none() && until > week_ago {
                    walk.step_to(week_ago, habit);
                    *then = Some(walk.score());
                }
                if let Some((date, day)) = date {
                    walk.step(date, day.entry(&habit.id), habit);
                }
            }
        };
        for (date, day) in history.log.days_in(from..today) {
            catch_up(&mut walks, Some((date, day)));
        }
        catch_up(&mut walks, None);
        habits
            .iter()
            .zip(walks)
            .map(|(habit, (walk, then))| {
                let entry = history.log.entry(today, habit).filter(|_| count_today);
                let standing = walk.standing(today, entry, habit);
                Self {
                    current_streak: standing.current_streak,
                    best_streak: standing.best_streak,
                    strength: standing.strength,
                    strength_change: standing.strength - then.unwrap_or(0.0),
                    missed_run: standing.missed_run,
                    due: standing.due,
                    done_in_window: standing.done_in_window,
                }
            })
            .collect()
    }
}

/// The habits today's count is of: all of them but one due N times in D
/// days that is done for now (its window holds N) and has nothing logged
/// today, which is neither to do nor done. `stats` are `habits`' as of
/// `today`.
pub fn counted_today<'a>(
    habits: &'a [Habit],
    stats: &[HabitStats],
    log: &Log,
    today: NaiveDate,
) -> Vec<&'a Habit> {
    let resting = |habit: &Habit, stats: &HabitStats| {
        matches!(habit.schedule, Schedule::Times { .. })
            && !stats.due
            && log.entry(today, habit).is_none()
    };
    (habits.iter().zip(stats))
        .filter(|(habit, stats)| !resting(habit, stats))
        .map(|(habit, _)| habit)
        .collect()
}

/// Strength, the score (0 to 1) as of the end of `date`, counting `date`
/// as missed unless it is done (see `strength`).
pub fn strength(history: &History, habit: &Habit, date: NaiveDate) -> f64 {
    match history.walk_before(habit, date) {
        Some(walk) => {
            walk.standing(date, history.log.entry(date, habit), habit)
                .strength
        }
        None => 0.0,
    }
}

/// How each day from `from` to `today` stands for `habit` (none before its
/// history starts).
pub fn verdicts(
    history: &History,
    habit: &Habit,
    from: NaiveDate,
    today: NaiveDate,
) -> Vec<(NaiveDate, Verdict)> {
    if from > today {
        return Vec::new();
    }
    let start = history.start(habit).unwrap_or(today).min(today);
    // A day's verdict looks back at most D − 1 days of the habit's timeline
    // (the days not set aside): the walk starts there, not at the start.
    let mut first = from.max(start);
    let mut back = habit.schedule.window().1 - 1;
    while back > 0 && first > start {
        first = first.pred_opt().unwrap_or(first);
        back -= u32::from(!habit.sets_aside(first, history.log.entry(first, habit)));
    }
    // Where the window reaches back past the days held, the summed walk
    // stands in for them: it holds the days pending at its boundary.
    let walk = match history.loaded_from().filter(|held| first < *held) {
        Some(held) => history.walk_before(habit, held),
        None => None,
    };
    let mut walk = walk.unwrap_or_else(|| HabitWalk::new(first)).recording();
    for (date, day) in history.log.days_in(walk.last().min(today)..today) {
        walk.step(date, day.entry(&habit.id), habit);
    }
    let story = walk.story(today, history.log.entry(today, habit), habit);
    (story.into_iter())
        .filter(|(date, ..)| *date >= from)
        .map(|(date, verdict, _)| (date, verdict))
        .collect()
}

/// Each day from `from` to `today` as a day of the whole routine: it
/// counts when every habit judged on it was kept or set aside and one was
/// done; it passes when all were set aside (a rest day) or one is still
/// open; a miss breaks it.
pub fn perfect_days(
    history: &History,
    habits: &[Habit],
    from: NaiveDate,
    today: NaiveDate,
) -> Vec<(NaiveDate, PerfectDay)> {
    let each: Vec<Vec<(NaiveDate, Verdict)>> = habits
        .iter()
        .map(|habit| verdicts(history, habit, from, today))
        .collect();
    let days = from.iter_days().take_while(|day| *day <= today);
    days.map(|day| {
        let mut kept = PerfectDay::Passes;
        let mut open = false;
        for verdicts in &each {
            // A habit's verdicts run day by day from its first one.
            let at = verdicts
                .first()
                .and_then(|(first, _)| usize::try_from((day - *first).num_days()).ok());
            match at
                .and_then(|at| verdicts.get(at))
                .map(|(_, verdict)| *verdict)
            {
                None | Some(Verdict::Aside | Verdict::Kept) => {}
                Some(Verdict::Missed) => return (day, PerfectDay::Breaks),
                Some(Verdict::Open) => open = true,
                Some(Verdict::Done) => kept = PerfectDay::Counts,
            }
        }
        (day, if open { PerfectDay::Passes } else { kept })
    })
    .collect()
}

/// The perfect-day streak reaching the last of `days` (an open or rest day
/// neither counts nor breaks it), and the longest among them.
pub fn perfect_streaks(days: &[(NaiveDate, PerfectDay)]) -> (u32, Option<Streak>) {
    let (mut run, mut best): (Option<Streak>, Option<Streak>) = (None, None);
    for (date, kept) in days {
        match kept {
            PerfectDay::Breaks => run = None,
            PerfectDay::Passes => {}
            PerfectDay::Counts => {
                let next = Streak::extended(run, *date);
                if best.is_none_or(|best| next.days > best.days) {
                    best = Some(next);
                }
                run = Some(next);
            }
        }
    }
    (run.map_or(0, |run| run.days), best)
}
