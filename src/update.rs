//! The pure heart of the TUI: `update(app, msg)` changes the state and returns
//! the effects (saves, quitting) for the run loop to carry out. No clock, no
//! disk, no terminal: every test drives it directly.

use chrono::{NaiveDate, NaiveDateTime};

use crate::action::Action;
use crate::app::{App, Overlay};
use crate::domain::date;
use crate::domain::log::MAX_NOTE_CHARS;
use crate::domain::log::Status;
use crate::history::Change;

/// Everything that can happen to the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    /// The clock was read: a new day may have begun.
    Tick(NaiveDateTime),
    /// The last save reached the disk.
    Saved,
    /// The last save failed, with a message for the person.
    SaveFailed(String),
}

/// Work for the run loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write the part of the log that holds this day.
    Save(NaiveDate),
    Quit,
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Action(action) => act(app, action),
        Msg::Tick(now) => {
            tick(app, now);
            vec![]
        }
        Msg::Saved => {
            app.error = None;
            vec![]
        }
        Msg::SaveFailed(message) => {
            app.error = Some(message);
            vec![]
        }
    }
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    // Overlays are modal: only closing them, quitting, and (in the review)
    // paging through weeks get through.
    match (app.overlay, action) {
        (None, _) => {}
        (Some(_), Action::Back) | (Some(Overlay::Help), Action::ToggleHelp) => {
            app.overlay = None;
            return vec![];
        }
        (Some(_), Action::Quit) => return vec![Effect::Quit],
        (Some(Overlay::Review), Action::PrevWeek | Action::NextWeek) => {}
        (Some(Overlay::Note), Action::Type(c)) => {
            if !c.is_control() && app.note_draft.chars().count() < MAX_NOTE_CHARS {
                app.note_draft.push(c);
            }
            return vec![];
        }
        (Some(Overlay::Note), Action::DeleteBack) => {
            app.note_draft.pop();
            return vec![];
        }
        (Some(Overlay::Note), Action::Confirm) => {
            app.overlay = None;
            let draft = std::mem::take(&mut app.note_draft);
            return change_note(app, &draft);
        }
        (Some(_), _) => return vec![],
    }
    match action {
        Action::SelectUp => step_selection(app, app.habits.len().saturating_sub(1)),
        Action::SelectDown => step_selection(app, 1),
        Action::ToggleSelected => return toggle(app, app.selected),
        Action::SkipSelected => return skip(app, app.selected),
        Action::ToggleHabit(index) => {
            if index < app.habits.len() {
                select(app, index);
                return toggle(app, index);
            }
        }
        Action::PrevDay => {
            if let Some(day) = app.viewing.pred_opt() {
                app.viewing = day;
            }
        }
        Action::NextDay => {
            if let Some(day) = app.viewing.succ_opt().filter(|day| *day <= app.today) {
                app.viewing = day;
            }
        }
        Action::PrevWeek => app.viewing = date::add_weeks(app.viewing, -1),
        // The same weekday of the next week, or today if that is still to come.
        Action::NextWeek => app.viewing = date::add_weeks(app.viewing, 1).min(app.today),
        Action::GoToday => app.viewing = app.today,
        Action::NextTip => app.tip_turn = app.tip_turn.wrapping_add(1),
        Action::PrevTip => app.tip_turn = app.tip_turn.wrapping_sub(1),
        Action::Undo => {
            let change = app.history.undo().cloned();
            return restore(app, change, true);
        }
        Action::Redo => {
            let change = app.history.redo().cloned();
            return restore(app, change, false);
        }
        Action::EditNote => {
            app.note_draft = app.log.note(app.viewing).unwrap_or_default().to_owned();
            app.overlay = Some(Overlay::Note);
        }
        // Text keys only mean something in the note editor.
        Action::Type(_) | Action::DeleteBack | Action::Confirm => {}
        Action::ToggleHelp => app.overlay = Some(Overlay::Help),
        Action::OpenReview => app.overlay = Some(Overlay::Review),
        Action::Back | Action::Quit => return vec![Effect::Quit],
    }
    vec![]
}

/// Moves the selection `by` places forward, wrapping around the list.
fn step_selection(app: &mut App, by: usize) {
    if !app.habits.is_empty() {
        select(app, (app.selected + by) % app.habits.len());
    }
}

fn select(app: &mut App, index: usize) {
    if index != app.selected {
        app.selected = index;
        app.tip_turn = 0;
    }
}

fn toggle(app: &mut App, index: usize) -> Vec<Effect> {
    change_status(app, index, |status| match status {
        Some(Status::Done) => None,
        _ => Some(Status::Done),
    })
}

fn skip(app: &mut App, index: usize) -> Vec<Effect> {
    change_status(app, index, |status| match status {
        Some(Status::Skipped) => None,
        _ => Some(Status::Skipped),
    })
}

/// Changes a habit's status on the viewed day, recording it for undo.
fn change_status(
    app: &mut App,
    index: usize,
    next: impl Fn(Option<Status>) -> Option<Status>,
) -> Vec<Effect> {
    let Some(habit) = app.habits.get(index).map(|habit| habit.id.clone()) else {
        return vec![];
    };
    let before = app.log.status(app.viewing, &habit);
    apply(
        app,
        Change::Status {
            date: app.viewing,
            after: next(before),
            habit,
            before,
        },
    )
}

/// Keeps the draft as the viewed day's note; nothing changes if it is the same.
fn change_note(app: &mut App, draft: &str) -> Vec<Effect> {
    let before = app.log.note(app.viewing).map(str::to_owned);
    let after = Some(draft.trim())
        .filter(|note| !note.is_empty())
        .map(str::to_owned);
    if before == after {
        return vec![];
    }
    apply(
        app,
        Change::Note {
            date: app.viewing,
            before,
            after,
        },
    )
}

/// Makes a change and records it for undo.
fn apply(app: &mut App, change: Change) -> Vec<Effect> {
    let effects = make(app, &change, false);
    app.history.record(change);
    effects
}

/// Undo or redo: puts a change back (or makes it again), and shows where.
fn restore(app: &mut App, change: Option<Change>, undoing: bool) -> Vec<Effect> {
    let Some(change) = change else {
        return vec![];
    };
    let date = match &change {
        Change::Status { date, habit, .. } => {
            if let Some(index) = app.habits.iter().position(|h| h.id == *habit) {
                select(app, index);
            }
            *date
        }
        Change::Note { date, .. } => *date,
    };
    app.viewing = date.min(app.today);
    make(app, &change, undoing)
}

/// Writes one side of a change into the log: `before` when undoing.
fn make(app: &mut App, change: &Change, undoing: bool) -> Vec<Effect> {
    let date = match change {
        Change::Status {
            date,
            habit,
            before,
            after,
        } => {
            app.log
                .set_status(*date, habit, if undoing { *before } else { *after });
            app.refresh_stats();
            *date
        }
        Change::Note {
            date,
            before,
            after,
        } => {
            let note = if undoing { before } else { after };
            app.log.set_note(*date, note.as_deref());
            *date
        }
    };
    vec![Effect::Save(date)]
}

fn tick(app: &mut App, now: NaiveDateTime) {
    app.now = now;
    let today = date::today(now, app.settings.day_starts_at);
    if today == app.today {
        return;
    }
    // Someone looking at today keeps looking at today when midnight passes;
    // someone back-filling an older day stays on it.
    if app.viewing == app.today || app.viewing > today {
        app.viewing = today;
    }
    app.today = today;
    app.refresh_stats();
}
