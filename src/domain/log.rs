//! The daily log: what became of each habit on each day.

use std::collections::BTreeMap;
use std::ops::RangeBounds;

use chrono::NaiveDate;

use super::HabitId;

/// The longest note the editor takes: a few words, not a diary.
pub const MAX_NOTE_CHARS: usize = 80;

/// What a habit was on a day it was logged. A habit with no status on a past
/// day was missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done,
    /// Deliberately set aside (rest, illness, travel): neither breaks nor
    /// extends a streak, and leaves strength unchanged.
    Skipped,
}

/// One day of the log. Each habit has at most one status, so a habit can
/// never be both done and skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayLog {
    entries: BTreeMap<HabitId, Status>,
    /// A few words about the day ("travel", "knee sore"); never blank.
    note: Option<String>,
}

impl DayLog {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.note.is_none()
    }

    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Sets the note, trimmed; a blank note is no note.
    pub fn set_note(&mut self, note: Option<&str>) {
        self.note = note
            .map(str::trim)
            .filter(|note| !note.is_empty())
            .map(str::to_owned);
    }

    pub fn status(&self, habit: &HabitId) -> Option<Status> {
        self.entries.get(habit).copied()
    }

    pub fn set(&mut self, habit: &HabitId, status: Option<Status>) {
        match status {
            Some(status) => {
                self.entries.insert(habit.clone(), status);
            }
            None => {
                self.entries.remove(habit);
            }
        }
    }

    /// The habits with `status` this day, in id order.
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &HabitId> {
        self.entries
            .iter()
            .filter(move |(_, s)| **s == status)
            .map(|(habit, _)| habit)
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

    pub fn status(&self, date: NaiveDate, habit: &HabitId) -> Option<Status> {
        self.days.get(&date).and_then(|day| day.status(habit))
    }

    pub fn is_done(&self, date: NaiveDate, habit: &HabitId) -> bool {
        self.status(date, habit) == Some(Status::Done)
    }

    pub fn set_status(&mut self, date: NaiveDate, habit: &HabitId, status: Option<Status>) {
        let day = self.days.entry(date).or_default();
        day.set(habit, status);
        if day.is_empty() {
            self.days.remove(&date);
        }
    }

    pub fn note(&self, date: NaiveDate) -> Option<&str> {
        self.days.get(&date).and_then(DayLog::note)
    }

    pub fn set_note(&mut self, date: NaiveDate, note: Option<&str>) {
        let day = self.days.entry(date).or_default();
        day.set_note(note);
        if day.is_empty() {
            self.days.remove(&date);
        }
    }

    pub fn set_done(&mut self, date: NaiveDate, habit: &HabitId, done: bool) {
        self.set_status(date, habit, done.then_some(Status::Done));
    }

    /// Done becomes not done; anything else (nothing, skipped) becomes done.
    /// Returns whether it is now done.
    pub fn toggle(&mut self, date: NaiveDate, habit: &HabitId) -> bool {
        let done = !self.is_done(date, habit);
        self.set_done(date, habit, done);
        done
    }

    /// Skipped becomes nothing; anything else (nothing, done) becomes skipped.
    /// Returns whether it is now skipped.
    pub fn toggle_skip(&mut self, date: NaiveDate, habit: &HabitId) -> bool {
        let skipped = self.status(date, habit) != Some(Status::Skipped);
        self.set_status(date, habit, skipped.then_some(Status::Skipped));
        skipped
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
    ) -> impl DoubleEndedIterator<Item = (NaiveDate, &DayLog)> {
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
            .filter(|habit| day.status(habit) == Some(Status::Done))
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
    fn done_and_skipped_replace_each_other() {
        let sun = HabitId::new("sunlight");
        let day = d("2026-11-22");
        let mut log = Log::new();
        assert!(log.toggle_skip(day, &sun));
        assert_eq!(log.status(day, &sun), Some(Status::Skipped));
        assert!(
            log.toggle(day, &sun),
            "ticking a skipped habit makes it done"
        );
        assert_eq!(log.status(day, &sun), Some(Status::Done));
        assert!(
            log.toggle_skip(day, &sun),
            "skipping a done habit undoes it"
        );
        assert_eq!(log.status(day, &sun), Some(Status::Skipped));
        assert!(!log.toggle_skip(day, &sun));
        assert_eq!(log, Log::new());
    }

    #[test]
    fn notes_are_trimmed_and_a_blank_note_leaves_no_trace() {
        let day = d("2026-11-22");
        let mut log = Log::new();
        log.set_note(day, Some("  knee sore "));
        assert_eq!(log.note(day), Some("knee sore"));
        assert_eq!(log.first_day(), Some(day), "a note alone keeps the day");
        log.set_note(day, Some("   "));
        assert_eq!(log, Log::new());
    }

    #[test]
    fn first_day_is_the_oldest_logged_day() {
        let sun = HabitId::new("sunlight");
        let mut log = Log::new();
        assert_eq!(log.first_day(), None);
        log.set_done(d("2026-11-20"), &sun, true);
        log.set_status(d("2025-03-01"), &sun, Some(Status::Skipped));
        assert_eq!(log.first_day(), Some(d("2025-03-01")));
    }

    #[test]
    fn done_count_counts_only_done_among_the_given_habits() {
        let (a, b, c) = (HabitId::new("a"), HabitId::new("b"), HabitId::new("c"));
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), &a, true);
        log.set_done(d("2026-11-22"), &c, true);
        log.set_status(d("2026-11-22"), &b, Some(Status::Skipped));
        assert_eq!(log.done_count(d("2026-11-22"), [&a, &b]), 1);
        assert_eq!(log.done_count(d("2026-11-22"), [&a, &b, &c]), 2);
        assert_eq!(log.done_count(d("2026-11-21"), [&a, &b, &c]), 0);
    }
}
