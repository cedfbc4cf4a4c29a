//! Undo and redo for the changes made in this run.

use chrono::NaiveDate;

use crate::domain::{Entry, Habit, HabitId};

/// One change to the log or the habits, before and after.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A habit's entry on a day: done, skipped, an amount, or nothing.
    Entry {
        date: NaiveDate,
        habit: HabitId,
        before: Option<Entry>,
        after: Option<Entry>,
    },
    /// The list of habits (added, edited, archived, moved), archived ones
    /// included.
    Habits {
        before: Vec<Habit>,
        after: Vec<Habit>,
        /// The habit the change was about, to select it again.
        about: HabitId,
    },
    /// A day's note.
    Note {
        date: NaiveDate,
        before: Option<String>,
        after: Option<String>,
    },
}

/// The changes that can be undone, and those undone that can be redone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undo {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl Undo {
    /// Records a new change; what was undone can no longer be redone.
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    /// The change an undo (or a redo) would take back (or make again).
    pub fn next(&self, undoing: bool) -> Option<&Change> {
        if undoing {
            self.undo.last()
        } else {
            self.redo.last()
        }
    }

    /// Moves the next change across: undone, it can be redone, and back.
    pub fn step(&mut self, undoing: bool) {
        let (from, to) = if undoing {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        if let Some(change) = from.pop() {
            to.push(change);
        }
    }

    /// Forgets the next change: what it would restore was changed since by
    /// someone else, so it can be neither undone nor redone.
    pub fn forget(&mut self, undoing: bool) {
        if undoing {
            self.undo.pop();
        } else {
            self.redo.pop();
        }
    }
}
