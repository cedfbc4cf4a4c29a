//! Properties of the streak and strength rules, over generated histories.

use chrono::{Days, NaiveDate};
use gutbone::domain::stats::{HabitStats, strength};
use gutbone::domain::{Entry, Habit, History, Log, Status};
use proptest::prelude::*;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// Measured, so histories hold partial days as well as done ones.
fn sun() -> Habit {
    Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0)
}

/// One status per consecutive day from `start()`; the last day is today.
fn history() -> impl Strategy<Value = Vec<Option<Entry>>> {
    prop::collection::vec(
        prop_oneof![
            3 => Just(Some(Entry::Done)),
            1 => Just(Some(Entry::Amount(15.0))),
            1 => Just(Some(Entry::Amount(5.0))),
            2 => Just(None),
            1 => Just(Some(Entry::Skipped)),
        ],
        1..80,
    )
}

fn day(offset: usize) -> NaiveDate {
    start().checked_add_days(Days::new(offset as u64)).unwrap()
}

fn log_of(days: &[Option<Entry>]) -> History {
    let mut log = Log::new();
    for (offset, status) in days.iter().enumerate() {
        log.set_entry(day(offset), sun(), *status);
    }
    History::from(log)
}

fn today(days: &[Option<Entry>]) -> NaiveDate {
    day(days.len() - 1)
}

proptest! {
    #[test]
    fn current_is_at_most_best_which_is_at_most_the_done_days(days in history()) {
        let log = log_of(&days);
        let current = HabitStats::new(&log, &sun(), today(&days)).current_streak;
        let best = HabitStats::new(&log, &sun(), today(&days)).best_streak.map_or(0, |s| s.days);
        let done = days.iter().filter(|d| sun().status(**d) == Some(Status::Done)).count() as u32;
        prop_assert!(current <= best, "current {current} > best {best}");
        prop_assert!(best <= done, "best {best} > done days {done}");
    }

    #[test]
    fn adding_a_done_day_never_lowers_the_best(days in history(), at in any::<prop::sample::Index>()) {
        let today = today(&days);
        let log = log_of(&days);
        let before = HabitStats::new(&log, &sun(), today).best_streak.map_or(0, |s| s.days);
        let mut more = log.clone();
        more.log.set_done(day(at.index(days.len())), sun(), true);
        let after = HabitStats::new(&more, &sun(), today).best_streak.map_or(0, |s| s.days);
        prop_assert!(after >= before, "{before} became {after}");
    }

    /// A skipped day is as if the day did not exist: slipping one into the
    /// history (before today) changes neither streak nor strength.
    #[test]
    fn a_skipped_day_changes_neither_streak_nor_strength(days in history(), at in any::<prop::sample::Index>()) {
        let position = at.index(days.len()); // before today, which stays last
        let mut with_skip = days.clone();
        with_skip.insert(position, Some(Entry::Skipped));
        let (a, b) = (log_of(&days), log_of(&with_skip));
        let (today_a, today_b) = (today(&days), today(&with_skip));
        prop_assert_eq!(HabitStats::new(&a, &sun(), today_a).current_streak, HabitStats::new(&b, &sun(), today_b).current_streak);
        prop_assert_eq!(
            HabitStats::new(&a, &sun(), today_a).best_streak.map(|s| s.days),
            HabitStats::new(&b, &sun(), today_b).best_streak.map(|s| s.days)
        );
        let (sa, sb) = (strength(&a, &sun(), today_a), strength(&b, &sun(), today_b));
        prop_assert!((sa - sb).abs() < 1e-12, "{sa} vs {sb}");
    }

    #[test]
    fn results_do_not_depend_on_the_order_entries_were_recorded(
        days in history(),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let mut entries: Vec<(usize, Option<Entry>)> = days.iter().copied().enumerate().collect();
        // A deterministic shuffle from the generated seed.
        let mut seed = order | 1;
        for i in (1..entries.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            entries.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut shuffled = Log::new();
        for (offset, status) in entries {
            shuffled.set_entry(day(offset), sun(), status);
        }
        let shuffled = History::from(shuffled);
        let ordered = log_of(&days);
        let today = today(&days);
        prop_assert_eq!(&shuffled, &ordered);
        prop_assert_eq!(HabitStats::new(&shuffled, &sun(), today).current_streak, HabitStats::new(&ordered, &sun(), today).current_streak);
        prop_assert_eq!(HabitStats::new(&shuffled, &sun(), today).best_streak, HabitStats::new(&ordered, &sun(), today).best_streak);
        prop_assert_eq!(strength(&shuffled, &sun(), today).to_bits(), strength(&ordered, &sun(), today).to_bits());
    }

    #[test]
    fn a_one_day_gap_resets_the_current_streak(mut days in history()) {
        // Yesterday missed: done today gives 1; today still open gives 0.
        days.push(None);
        days.push(Some(Entry::Done));
        let log = log_of(&days);
        prop_assert_eq!(HabitStats::new(&log, &sun(), today(&days)).current_streak, 1);
        days.pop();
        days.push(None);
        let log = log_of(&days);
        prop_assert_eq!(HabitStats::new(&log, &sun(), today(&days)).current_streak, 0);
    }

    /// More of a measured habit on one day never lowers its strength.
    #[test]
    fn a_larger_amount_never_lowers_strength(days in history(), at in any::<prop::sample::Index>()) {
        let position = at.index(days.len());
        let mut more = days.clone();
        more[position] = match days[position] {
            Some(Entry::Amount(amount)) => Some(Entry::Amount(amount + 5.0)),
            Some(Entry::Skipped) | None => Some(Entry::Amount(5.0)),
            done => done,
        };
        let (a, b) = (strength(&log_of(&days), &sun(), today(&days)), strength(&log_of(&more), &sun(), today(&days)));
        prop_assert!(b >= a - 1e-12 || days[position] == Some(Entry::Skipped), "{a} became {b}");
    }

    #[test]
    fn strength_stays_between_zero_and_one(days in history()) {
        let score = strength(&log_of(&days), &sun(), today(&days));
        prop_assert!((0.0..1.0).contains(&score), "{score}");
    }
}
