//! The pure heart of the TUI: `update(app, msg)` changes the state and returns
//! the effects (saves, quitting) for the run loop to carry out. No clock, no
//! disk, no terminal: every test drives it directly.

use chrono::{NaiveDate, NaiveDateTime};

use crate::action::Action;
use crate::app::{App, Overlay};
use crate::domain::log::Status;
use crate::domain::{HabitId, date};
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
    let change = Change {
        date: app.viewing,
        after: next(before),
        habit,
        before,
    };
    let effects = set_status(app, &change.habit, change.date, change.after);
    app.history.record(change);
    effects
}

/// Undo or redo: puts one habit's status back, and shows where it changed.
fn restore(app: &mut App, change: Option<Change>, undoing: bool) -> Vec<Effect> {
    let Some(change) = change else {
        return vec![];
    };
    let status = if undoing { change.before } else { change.after };
    app.viewing = change.date.min(app.today);
    if let Some(index) = app.habits.iter().position(|habit| habit.id == change.habit) {
        select(app, index);
    }
    set_status(app, &change.habit, change.date, status)
}

fn set_status(
    app: &mut App,
    habit: &HabitId,
    date: NaiveDate,
    status: Option<Status>,
) -> Vec<Effect> {
    app.log.set_status(date, habit, status);
    app.refresh_stats();
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
