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
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a new change; what was undone can no longer be redone.
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    /// The change to reverse, moved to the redo list.
    pub fn undo(&mut self) -> Option<&Change> {
        let change = self.undo.pop()?;
        self.redo.push(change);
        self.redo.last()
    }

    /// The change to make again, moved back to the undo list.
    pub fn redo(&mut self) -> Option<&Change> {
        let change = self.redo.pop()?;
        self.undo.push(change);
        self.undo.last()
    }
}
