//! Everything the week panel shows about one habit beyond its marks.
//!
//! These walk the whole history, so the app derives them once per change to
//! the log (or to "today"), not once per frame.

use chrono::{Days, NaiveDate};

use super::log::Entry;
use super::streak::{Kept, Streak, Walk, current_streak};
use super::strength::Score;
use super::{Habit, Log};

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
    pub fn new(log: &Log, habit: &Habit, today: NaiveDate) -> Self {
        let mut tally = [Tally::new(log, habit, today)];
        walk(log, &mut tally, today);
        let [tally] = tally;
        tally.finish(log, today)
    }

    /// One per habit, in checklist order.
    pub fn all(log: &Log, habits: &[Habit], today: NaiveDate) -> Vec<Self> {
        let mut tallies: Vec<_> = habits
            .iter()
            .map(|habit| Tally::new(log, habit, today))
            .collect();
        walk(log, &mut tallies, today);
        tallies
            .into_iter()
            .map(|tally| tally.finish(log, today))
            .collect()
    }
}

/// The habits walk through the days up to `today` side by side, each day
/// looked up once for all of them.
fn walk(log: &Log, tallies: &mut [Tally], today: NaiveDate) {
    for (date, day) in log.days_in(..=today) {
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
    fn new(log: &Log, habit: &'a Habit, today: NaiveDate) -> Self {
        let summed = log.past().and_then(|past| past.habit(&habit.id));
        let week_ago = today.checked_sub_days(Days::new(7)).unwrap_or(today);
        let strength = habit
            .start(log)
            .filter(|first| *first <= today)
            .map(|first| {
                let (score, from) = Score::walk_start(log, habit, first);
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

    fn finish(self, log: &Log, today: NaiveDate) -> HabitStats {
        let (strength, strength_change) = self.strength.map_or((0.0, 0.0), |strength| {
            let now = strength.score.at(today);
            let then = strength
                .then
                .unwrap_or_else(|| strength.score.at(strength.week_ago));
            (now, now - then)
        });
        HabitStats {
            current_streak: current_streak(log, self.habit, today),
            best_streak: self.walk.best,
            strength,
            strength_change,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::streak::best_streak;
    use crate::domain::strength::strength;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A measured habit, a done-or-not one, and one added partway.
    fn habits() -> Vec<Habit> {
        let mut walk = Habit::check("walk", "Walk");
        walk.since = Some(d("2026-11-20"));
        vec![
            Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0),
            Habit::check("kefir", "Kefir"),
            walk,
        ]
    }

    fn entry() -> impl Strategy<Value = Option<Entry>> {
        prop_oneof![
            Just(None),
            Just(Some(Entry::Done)),
            Just(Some(Entry::Skipped)),
            Just(Some(Entry::Amount(5.0))),
            Just(Some(Entry::Amount(15.0))),
        ]
    }

    proptest! {
        /// The habits walked side by side give, to the bit, what each rule
        /// gives one habit at a time: gaps, skips, amounts, a habit added
        /// later, today and a week ago before any history or after it.
        #[test]
        fn the_walk_side_by_side_is_each_rule_on_its_own(
            days in prop::collection::vec((0u64..3, [entry(), entry(), entry()]), 0..40),
            offset in 0u64..60,
            cut in 0u64..60,
        ) {
            let habits = habits();
            let mut log = Log::new();
            let mut date = d("2026-11-01");
            for (gap, entries) in days {
                date = date + Days::new(gap + 1);
                for (habit, entry) in habits.iter().zip(entries) {
                    log.set_entry(date, habit, entry);
                }
            }
            let today = d("2026-10-25") + Days::new(offset);
            let week_ago = today - Days::new(7);
            let all = HabitStats::all(&log, &habits, today);
            for (habit, stats) in habits.iter().zip(&all) {
                let name = habit.id.as_str();
                prop_assert_eq!(stats, &HabitStats::new(&log, habit, today), "{}", name);
                prop_assert_eq!(stats.current_streak, current_streak(&log, habit, today), "{}", name);
                prop_assert_eq!(stats.best_streak, best_streak(&log, habit, today), "{}", name);
                let (now, then) = (strength(&log, habit, today), strength(&log, habit, week_ago));
                prop_assert_eq!(stats.strength.to_bits(), now.to_bits(), "{}", name);
                prop_assert_eq!(stats.strength_change.to_bits(), (now - then).to_bits(), "{}", name);
            }
            // The days before any day up to a week ago summed up, as a start
            // reads them (it sums up less): the same figures.
            let before = d("2026-10-25") + Days::new(cut.min(offset.saturating_sub(7)));
            let mut recent = log.clone();
            recent.set_past(crate::domain::past::Past::of(&log, &habits, before));
            prop_assert_eq!(HabitStats::all(&recent, &habits, today), all);
        }
    }

    #[test]
    fn strength_rises_over_a_week_of_done_days() {
        let sun = Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0);
        let mut log = Log::new();
        for offset in 0..14 {
            log.set_entry(d("2026-11-01") + Days::new(offset), &sun, Some(Entry::Done));
        }
        let stats = HabitStats::new(&log, &sun, d("2026-11-14"));
        let week_ago = strength(&log, &sun, d("2026-11-07"));
        assert_eq!(stats.strength, strength(&log, &sun, d("2026-11-14")));
        assert!(stats.strength_change > 0.0);
        assert_eq!(stats.strength_change, stats.strength - week_ago);
        assert_eq!(stats.current_streak, 14);
        assert_eq!(stats.best_streak.map(|streak| streak.days), Some(14));
    }
}
