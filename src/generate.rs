//! Years of made-up but lifelike history, for the benchmarks and the
//! start-up measurements: habits kept on most days, holidays with nothing
//! logged, skipped days, amounts short of and beyond the target, and the odd
//! note. Seeded, so the same arguments always make the same history.

use chrono::{Days, NaiveDate};

use crate::domain::{Entry, Habit, Log};

const NOTES: [&str; 6] = [
    "travel",
    "knee sore",
    "long walk with friends",
    "rain all day",
    "slept badly",
    "kefir ran out",
];

/// `years` of history for `habits`, ending on `end`.
pub fn made_up_log(habits: &[Habit], years: u32, end: NaiveDate, seed: u64) -> Log {
    let mut random = SplitMix(seed);
    let mut log = Log::new();
    let start = end
        .checked_sub_days(Days::new(365 * u64::from(years)))
        .unwrap_or(NaiveDate::MIN);
    let mut holiday_left = 0;
    for day in start.iter_days().take_while(|day| *day <= end) {
        if holiday_left > 0 {
            holiday_left -= 1;
            continue;
        }
        if random.below(120) == 0 {
            holiday_left = 3 + random.below(12);
            continue;
        }
        for habit in habits {
            let entry = match random.below(20) {
                0..=3 => None,
                4 => Some(Entry::Skipped),
                5..=7 => habit.entry_for(habit.target() / 2.0),
                8..=9 => habit.entry_for(habit.target() * 1.5),
                _ => habit.entry_for(habit.target()),
            };
            log.set_entry(day, habit, entry);
        }
        if random.below(25) == 0 {
            log.set_note(day, Some(NOTES[random.below(NOTES.len() as u64) as usize]));
        }
    }
    log
}

/// A small, fast, well-mixed generator (SplitMix64): plenty for made-up data.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n` - 1.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Status, default_habits};

    #[test]
    fn the_history_is_lifelike_and_the_same_for_the_same_seed() {
        let habits = default_habits();
        let end = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let log = made_up_log(&habits, 2, end, 7);
        assert_eq!(log, made_up_log(&habits, 2, end, 7));
        assert_ne!(log, made_up_log(&habits, 2, end, 8));
        assert_eq!(
            log.first_day(),
            Some(NaiveDate::from_ymd_opt(2024, 11, 22).unwrap())
        );

        let days: Vec<_> = log.days_in(..).collect();
        let count = |status: Status| {
            days.iter()
                .flat_map(|(_, day)| habits.iter().filter_map(|h| day.status(h)))
                .filter(|s| *s == status)
                .count()
        };
        let possible = 731 * habits.len();
        let done = count(Status::Done) as f64 / possible as f64;
        assert!((0.45..0.7).contains(&done), "done on {done:.2} of days");
        assert!(count(Status::Partial) > 0 && count(Status::Skipped) > 0);
        assert!(days.iter().any(|(_, day)| day.note().is_some()));
        assert!(
            days.len() < 725,
            "some holidays with nothing logged: {}",
            days.len()
        );
    }
}
