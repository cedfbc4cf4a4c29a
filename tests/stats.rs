//! The week panel's figures, taken in one walk, against the rules one at a time.

use chrono::{Days, NaiveDate};
use gutbone::domain::stats::{HabitStats, strength};
use gutbone::domain::{Entry, Habit, History, Log};
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
        let whole = History::from(log);
        let all = HabitStats::all(&whole, &habits, today);
        for (habit, stats) in habits.iter().zip(&all) {
            let name = habit.id.as_str();
            prop_assert_eq!(stats, &HabitStats::new(&whole, habit, today), "{}", name);
            prop_assert_eq!(stats.current_streak, HabitStats::new(&whole, habit, today).current_streak, "{}", name);
            prop_assert_eq!(stats.best_streak, HabitStats::new(&whole, habit, today).best_streak, "{}", name);
            let (now, then) = (strength(&whole, habit, today), strength(&whole, habit, week_ago));
            prop_assert_eq!(stats.strength.to_bits(), now.to_bits(), "{}", name);
            prop_assert_eq!(stats.strength_change.to_bits(), (now - then).to_bits(), "{}", name);
        }
        // The days before any day up to a week ago summed up, as a start
        // reads them (it sums up less): the same figures.
        let before = d("2026-10-25") + Days::new(cut.min(offset.saturating_sub(7)));
        let recent = History::recent(whole.log.clone(), whole.sum_up(&habits, before));
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
    let history = History::from(log);
    let stats = HabitStats::new(&history, &sun, d("2026-11-14"));
    let week_ago = strength(&history, &sun, d("2026-11-07"));
    assert_eq!(stats.strength, strength(&history, &sun, d("2026-11-14")));
    assert!(stats.strength_change > 0.0);
    assert_eq!(stats.strength_change, stats.strength - week_ago);
    assert_eq!(stats.current_streak, 14);
    assert_eq!(stats.best_streak.map(|streak| streak.days), Some(14));
}
