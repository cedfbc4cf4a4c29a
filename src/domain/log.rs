//! The daily log: what became of each habit on each day.

use std::collections::BTreeMap;
use std::ops::RangeBounds;

use chrono::NaiveDate;

use super::entry::{Entry, Status};
use super::{Habit, HabitId};

/// The longest note the editor takes: a few words, not a diary.
pub const MAX_NOTE_CHARS: usize = 80;

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
                Some(Status::Partial | Status::Over) | None => {}
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
/// grows with use, not with the calendar. It may hold only the recent days:
/// a [`super::History`] says what came before them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Log {
    days: BTreeMap<NaiveDate, DayLog>,
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

    /// What `date` holds for `habit`; nothing on a day off with nothing
    /// logged (a limit is not kept on a day it is not due).
    pub fn status(&self, date: NaiveDate, habit: &Habit) -> Option<Status> {
        let entry = self.entry(date, habit);
        match entry.is_none() && !habit.schedule.is_day_on(date) {
            true => None,
            false => habit.status(entry),
        }
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

    /// The first day this log holds.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.days.keys().next().copied()
    }

    /// Drops the days before `date`.
    pub fn drop_before(&mut self, date: NaiveDate) {
        self.days = self.days.split_off(&date);
    }

    /// Takes the days before `date` from `older`, a read of them (or of the
    /// whole history: only the days before `date` are taken); the days this
    /// log holds stay as they are (they may have changes not yet saved).
    pub fn take_older(&mut self, mut older: Log, date: NaiveDate) {
        let mut days = std::mem::take(&mut older.days);
        days.split_off(&date);
        days.append(&mut self.days);
        self.days = days;
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

    /// Whether `date` counts for `habit`: not before the day it was added,
    /// nor on one of its days off, unless something was logged for it there.
    pub fn judges(&self, date: NaiveDate, habit: &Habit) -> bool {
        let on = habit.since.is_none_or(|since| since <= date) && habit.schedule.is_day_on(date);
        on || self.entry(date, habit).is_some()
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
        let judged = habits.into_iter().filter(|habit| self.judges(date, habit));
        // A day with nothing logged still keeps every limit.
        let empty = DayLog::default();
        self.days.get(&date).unwrap_or(&empty).count(judged)
    }
}
