//! The daily log: which habits were done on which day.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeBounds;

use chrono::NaiveDate;

use super::HabitId;

/// What was done on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayLog {
    pub done: BTreeSet<HabitId>,
}

impl DayLog {
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }
}

/// Every logged day. Days on which nothing was logged are absent, so the log
/// grows with use, not with the calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Log {
    days: BTreeMap<NaiveDate, DayLog>,
}

impl Log {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_done(&self, date: NaiveDate, habit: &HabitId) -> bool {
        self.days
            .get(&date)
            .is_some_and(|day| day.done.contains(habit))
    }

    pub fn set_done(&mut self, date: NaiveDate, habit: &HabitId, done: bool) {
        if done {
            self.days
                .entry(date)
                .or_default()
                .done
                .insert(habit.clone());
        } else if let Some(day) = self.days.get_mut(&date) {
            day.done.remove(habit);
            if day.is_empty() {
                self.days.remove(&date);
            }
        }
    }

    /// Flips a habit on a day and returns whether it is now done.
    pub fn toggle(&mut self, date: NaiveDate, habit: &HabitId) -> bool {
        let done = !self.is_done(date, habit);
        self.set_done(date, habit, done);
        done
    }

    /// Replaces a whole day; an empty day is removed.
    pub fn insert_day(&mut self, date: NaiveDate, day: DayLog) {
        if day.is_empty() {
            self.days.remove(&date);
        } else {
            self.days.insert(date, day);
        }
    }

    /// The first day anything was logged: the start of this person's history.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.days.keys().next().copied()
    }

    pub fn day(&self, date: NaiveDate) -> Option<&DayLog> {
        self.days.get(&date)
    }

    /// Logged days within `range`, oldest first.
    pub fn days_in(
        &self,
        range: impl RangeBounds<NaiveDate>,
    ) -> impl Iterator<Item = (NaiveDate, &DayLog)> {
        self.days.range(range).map(|(date, day)| (*date, day))
    }

    /// How many of `habits` were done on `date`.
    pub fn done_count<'a>(
        &self,
        date: NaiveDate,
        habits: impl IntoIterator<Item = &'a HabitId>,
    ) -> usize {
        let Some(day) = self.days.get(&date) else {
            return 0;
        };
        habits
            .into_iter()
            .filter(|habit| day.done.contains(*habit))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn toggling_twice_restores_the_day_and_drops_empty_days() {
        let kefir = HabitId::new("fermented-food");
        let mut log = Log::new();
        assert!(log.toggle(d("2026-11-22"), &kefir));
        assert!(log.is_done(d("2026-11-22"), &kefir));
        assert!(!log.is_done(d("2026-11-21"), &kefir));
        assert!(!log.toggle(d("2026-11-22"), &kefir));
        assert_eq!(log, Log::new(), "an emptied day leaves no trace");
    }

    #[test]
    fn first_day_is_the_oldest_logged_day() {
        let sun = HabitId::new("sunlight");
        let mut log = Log::new();
        assert_eq!(log.first_day(), None);
        log.set_done(d("2026-11-20"), &sun, true);
        log.set_done(d("2025-03-01"), &sun, true);
        assert_eq!(log.first_day(), Some(d("2025-03-01")));
    }

    #[test]
    fn done_count_counts_only_the_given_habits() {
        let (a, b, c) = (HabitId::new("a"), HabitId::new("b"), HabitId::new("c"));
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), &a, true);
        log.set_done(d("2026-11-22"), &c, true);
        assert_eq!(log.done_count(d("2026-11-22"), [&a, &b]), 1);
        assert_eq!(log.done_count(d("2026-11-22"), [&a, &b, &c]), 2);
        assert_eq!(log.done_count(d("2026-11-21"), [&a, &b, &c]), 0);
    }
}
