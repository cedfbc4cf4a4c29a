//! The daily log: what became of each habit on each day.

use std::collections::BTreeMap;
use std::ops::RangeBounds;
use std::sync::Arc;

use chrono::NaiveDate;

use super::past::Past;
use super::{Habit, HabitId};

/// The longest note the editor takes: a few words, not a diary.
pub const MAX_NOTE_CHARS: usize = 80;

/// What is written down for a habit on a day. A habit with no entry on a
/// past day was missed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    Done,
    /// Deliberately set aside (rest, illness, travel): neither breaks nor
    /// extends a streak, and leaves strength unchanged.
    Skipped,
    /// How much of a measured habit was done: always above zero.
    Amount(f64),
}

/// What an entry means for a particular habit (see [`Habit::status`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done,
    /// Some of a measured habit's target, not all of it: not yet done.
    Partial,
    Skipped,
}

/// One day of the log. Each habit has at most one entry, so a habit can
/// never be both done and skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayLog {
    /// In id order.
    entries: Vec<(HabitId, Entry)>,
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

    pub fn entry(&self, habit: &HabitId) -> Option<Entry> {
        self.position(habit).ok().map(|at| self.entries[at].1)
    }

    fn position(&self, habit: &HabitId) -> Result<usize, usize> {
        self.entries.binary_search_by(|(id, _)| id.cmp(habit))
    }

    pub fn status(&self, habit: &Habit) -> Option<Status> {
        habit.status(self.entry(&habit.id))
    }

    /// How many of `habits` were done this day.
    pub fn done_count<'a>(&self, habits: impl IntoIterator<Item = &'a Habit>) -> usize {
        self.count(habits).done
    }

    /// How the day went for `habits`, the skipped ones set aside.
    pub fn count<'a>(&self, habits: impl IntoIterator<Item = &'a Habit>) -> DayCount {
        let mut count = DayCount::default();
        for habit in habits {
            count.habits += 1;
            match self.status(habit) {
                Some(Status::Done) => count.done += 1,
                Some(Status::Skipped) => count.skipped += 1,
                Some(Status::Partial) | None => {}
            }
        }
        count
    }

    pub fn set(&mut self, habit: &HabitId, entry: Option<Entry>) {
        match (self.position(habit), entry) {
            (Ok(at), Some(entry)) => self.entries[at].1 = entry,
            (Ok(at), None) => {
                self.entries.remove(at);
            }
            (Err(at), Some(entry)) => self.entries.insert(at, (habit.clone(), entry)),
            (Err(_), None) => {}
        }
    }

    /// Every entry, in id order.
    pub fn entries(&self) -> impl Iterator<Item = (&HabitId, Entry)> {
        self.entries.iter().map(|(habit, entry)| (habit, *entry))
    }
}

/// How a day went for a list of habits. A skipped habit is set aside for
/// the day, so "done" is counted among the others: one done and four
/// skipped is one of one, and a day of nothing but skips is a rest day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayCount {
    pub done: usize,
    pub skipped: usize,
    /// Every habit asked about, skipped or not.
    pub habits: usize,
}

impl DayCount {
    /// The habits the day is judged on: those not skipped.
    pub fn counted(self) -> usize {
        self.habits - self.skipped
    }

    /// Every habit skipped: the day is set aside, like a skipped day.
    pub fn is_rest_day(self) -> bool {
        self.habits > 0 && self.skipped == self.habits
    }

    /// Every habit not skipped is done, and there is at least one.
    pub fn all_done(self) -> bool {
        self.counted() > 0 && self.done == self.counted()
    }
}

/// Every logged day. Days on which nothing was logged are absent, so the log
/// grows with use, not with the calendar.
///
/// A log may hold only its recent days, the older ones summed up in a
/// [`Past`]: the stats carry on from the sums, and answer for days from
/// [`Log::loaded_from`] on. Whoever shows or changes an older day must
/// [`Log::fill_in`] the rest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Log {
    days: BTreeMap<NaiveDate, DayLog>,
    past: Option<Arc<Past>>,
}

impl Log {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn entry(&self, date: NaiveDate, habit: impl AsRef<HabitId>) -> Option<Entry> {
        self.days
            .get(&date)
            .and_then(|day| day.entry(habit.as_ref()))
    }

    pub fn status(&self, date: NaiveDate, habit: &Habit) -> Option<Status> {
        habit.status(self.entry(date, habit))
    }

    pub fn is_done(&self, date: NaiveDate, habit: &Habit) -> bool {
        self.status(date, habit) == Some(Status::Done)
    }

    /// How much of `habit` was done on `date` (see [`Habit::amount`]).
    pub fn amount(&self, date: NaiveDate, habit: &Habit) -> f64 {
        habit.amount(self.entry(date, habit))
    }

    pub fn set_entry(&mut self, date: NaiveDate, habit: impl AsRef<HabitId>, entry: Option<Entry>) {
        let day = self.days.entry(date).or_default();
        day.set(habit.as_ref(), entry);
        if day.is_empty() {
            self.days.remove(&date);
        }
    }

    /// Marks a habit done (the target met) or clears it.
    pub fn set_done(&mut self, date: NaiveDate, habit: impl AsRef<HabitId>, done: bool) {
        self.set_entry(date, habit, done.then_some(Entry::Done));
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
        self.past
            .as_ref()
            .and_then(|past| past.first_day)
            .or_else(|| self.days.keys().next().copied())
    }

    /// Sums up the days before `past.before` instead of holding them: those
    /// already here are dropped.
    pub fn set_past(&mut self, past: Past) {
        self.days = self.days.split_off(&past.before);
        self.past = Some(Arc::new(past));
    }

    pub fn past(&self) -> Option<&Past> {
        self.past.as_deref()
    }

    /// The first day this log holds, when older ones are only summed up.
    pub fn loaded_from(&self) -> Option<NaiveDate> {
        self.past.as_ref().map(|past| past.before)
    }

    /// Takes the days this log only sums up from `older`, a read of them
    /// (or of the whole history: only the days before the sums are taken);
    /// the days it holds stay as they are (they may have changes not yet
    /// saved).
    pub fn fill_in(&mut self, mut older: Log) {
        let Some(past) = self.past.take() else {
            return;
        };
        let mut days = std::mem::take(&mut older.days);
        days.split_off(&past.before);
        days.append(&mut self.days);
        self.days = days;
    }

    /// The first day with an entry for `habit`, if it is before `date`.
    pub fn first_entry_before(&self, habit: &HabitId, date: NaiveDate) -> Option<NaiveDate> {
        let summed = self
            .past()
            .and_then(|past| past.habit(habit))
            .and_then(|past| past.first_entry);
        summed
            .or_else(|| {
                self.days_in(..date)
                    .find(|(_, day)| day.entry(habit).is_some())
                    .map(|(date, _)| date)
            })
            .filter(|first| *first < date)
    }

    /// The last day before `date` with an entry for `habit`.
    pub fn last_entry_before(&self, habit: &HabitId, date: NaiveDate) -> Option<NaiveDate> {
        let held = self
            .days_in(..date)
            .rev()
            .find(|(_, day)| day.entry(habit).is_some())
            .map(|(date, _)| date);
        held.or_else(|| {
            self.past()
                .and_then(|past| past.habit(habit))
                .and_then(|past| past.last_entry)
                .filter(|last| *last < date)
        })
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
        habits: impl IntoIterator<Item = &'a Habit>,
    ) -> usize {
        self.count(date, habits).done
    }

    /// How `date` went for `habits` (see [`DayCount`]).
    pub fn count<'a>(
        &self,
        date: NaiveDate,
        habits: impl IntoIterator<Item = &'a Habit>,
    ) -> DayCount {
        match self.days.get(&date) {
            Some(day) => day.count(habits),
            None => DayCount {
                habits: habits.into_iter().count(),
                ..DayCount::default()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn clearing_an_entry_drops_the_empty_day() {
        let kefir = HabitId::new("fermented-food");
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), &kefir, true);
        assert_eq!(log.entry(d("2026-11-22"), &kefir), Some(Entry::Done));
        assert_eq!(log.entry(d("2026-11-21"), &kefir), None);
        log.set_done(d("2026-11-22"), &kefir, false);
        assert_eq!(log, Log::new(), "an emptied day leaves no trace");
    }

    #[test]
    fn status_depends_on_the_habit_target() {
        let walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
        let mut log = Log::new();
        log.set_entry(d("2026-11-22"), &walk, Some(Entry::Amount(20.0)));
        assert_eq!(log.status(d("2026-11-22"), &walk), Some(Status::Partial));
        assert!(!log.is_done(d("2026-11-22"), &walk));
        assert_eq!(log.amount(d("2026-11-22"), &walk), 20.0);
        let easier = Habit::measured("walk", "Walk", "min", 5.0, 20.0);
        assert!(log.is_done(d("2026-11-22"), &easier));
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
        log.set_entry(d("2025-03-01"), &sun, Some(Entry::Skipped));
        assert_eq!(log.first_day(), Some(d("2025-03-01")));
    }

    #[test]
    fn a_day_counts_done_among_the_habits_not_skipped() {
        let habits: Vec<Habit> = ["a", "b", "c"].map(|id| Habit::check(id, id)).into();
        let day = d("2026-11-22");
        let mut log = Log::new();
        let count = log.count(day, &habits);
        assert_eq!((count.done, count.counted()), (0, 3));
        assert!(!count.all_done() && !count.is_rest_day());
        log.set_done(day, &habits[0], true);
        log.set_entry(day, &habits[1], Some(Entry::Skipped));
        log.set_entry(day, &habits[2], Some(Entry::Skipped));
        let count = log.count(day, &habits);
        assert_eq!((count.done, count.skipped, count.counted()), (1, 2, 1));
        assert!(
            count.all_done(),
            "one done, two skipped: all that counts is done"
        );
        assert!(!count.is_rest_day());
        log.set_entry(day, &habits[0], Some(Entry::Skipped));
        let count = log.count(day, &habits);
        assert!(count.is_rest_day() && !count.all_done(), "{count:?}");
        assert!(
            !DayCount::default().is_rest_day(),
            "no habits is no rest day"
        );
    }

    #[test]
    fn done_count_counts_only_done_among_the_given_habits() {
        let (a, b, c) = (
            Habit::check("a", "A"),
            Habit::check("b", "B"),
            Habit::measured("c", "C", "min", 5.0, 10.0),
        );
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), &a, true);
        log.set_entry(d("2026-11-22"), &c, Some(Entry::Amount(10.0)));
        log.set_entry(d("2026-11-22"), &b, Some(Entry::Skipped));
        assert_eq!(log.done_count(d("2026-11-22"), [&a, &b]), 1);
        assert_eq!(log.done_count(d("2026-11-22"), [&a, &b, &c]), 2);
        assert_eq!(log.done_count(d("2026-11-21"), [&a, &b, &c]), 0);
        log.set_entry(d("2026-11-22"), &c, Some(Entry::Amount(5.0)));
        assert_eq!(
            log.done_count(d("2026-11-22"), [&a, &b, &c]),
            1,
            "partial is not done"
        );
    }
}
