//! What each editing key changes: an entry on the viewed day, its note, or
//! the list of habits. Every change is recorded for undo, refused while the
//! files cannot be changed (`Msg::Blocked`), and asks for its save.

use super::Effect;
use crate::app::App;
use crate::domain::amount::parse_amount;
use crate::domain::habit::{check_habits, check_names};
use crate::domain::{Entry, Habit, HabitId, Status};
use crate::undo::Change;

/// Done becomes nothing; anything else (nothing, partial, skipped) becomes
/// done: the target met, for a measured habit; a limit filled to it (with
/// nothing logged it is kept, but there is nothing to take away).
pub(super) fn toggle(app: &mut App, index: usize) -> Vec<Effect> {
    change_entry(app, index, |habit, entry| {
        match (entry, habit.status(entry)) {
            (Some(_), Some(Status::Done)) => None,
            _ => habit.entry_for(habit.target()),
        }
    })
}

pub(super) fn skip(app: &mut App, index: usize) -> Vec<Effect> {
    change_entry(app, index, |_, entry| match entry {
        Some(Entry::Skipped) => None,
        _ => Some(Entry::Skipped),
    })
}

/// `+` and `-`: one step more or less, never below nothing; on a
/// done-or-not habit, done and not done.
pub(super) fn step_amount(app: &mut App, direction: f64) -> Vec<Effect> {
    change_entry(app, app.selected, |habit, entry| match &habit.measure {
        Some(measure) => habit.entry_for(habit.amount(entry) + direction * measure.step),
        None => (direction > 0.0).then_some(Entry::Done),
    })
}

pub(super) fn confirm_amount(app: &mut App) -> Vec<Effect> {
    match parse_amount(&app.amount_draft, "the amount") {
        Ok(amount) => {
            app.overlay = None;
            app.amount_draft.clear();
            change_entry(app, app.selected, |habit, _| habit.entry_for(amount))
        }
        Err(message) => {
            app.amount_error = Some(message);
            vec![]
        }
    }
}

/// Changes a habit's entry on the viewed day, recording it for undo;
/// nothing happens when it would stay the same.
fn change_entry(
    app: &mut App,
    index: usize,
    next: impl Fn(&Habit, Option<Entry>) -> Option<Entry>,
) -> Vec<Effect> {
    let Some(habit) = app.habits.get(index) else {
        return vec![];
    };
    let before = app.history.log.entry(app.viewing, habit);
    let after = next(habit, before);
    if after == before {
        return vec![];
    }
    let habit = habit.id.clone();
    apply(
        app,
        Change::Entry {
            date: app.viewing,
            habit,
            before,
            after,
        },
    )
}

/// Keeps the habit the form describes, or says in the form what to fix.
pub(super) fn submit_form(app: &mut App) -> Vec<Effect> {
    let editing = app.form.editing.clone();
    let base = editing
        .as_ref()
        .and_then(|id| app.habits.iter().find(|habit| habit.id == *id));
    let others: Vec<Habit> = app
        .all_habits()
        .into_iter()
        .filter(|habit| Some(&habit.id) != editing.as_ref())
        .collect();
    let mut habit = match app.form.to_habit(base, &others) {
        Ok(habit) => habit,
        Err(message) => {
            app.form.error = Some(message);
            return vec![];
        }
    };
    let before = app.all_habits();
    let mut after = before.clone();
    match editing {
        Some(id) => {
            if let Some(slot) = after.iter_mut().find(|h| h.id == id) {
                *slot = habit.clone();
            }
        }
        None => {
            if let Some(old) = app.archived.iter().find(|h| h.id == habit.id) {
                app.form.error = Some(format!(
                    "the archived habit \"{}\" has this id; choose another name, \
                     or bring it back with `archived: false` in habits.ron",
                    old.name
                ));
                return vec![];
            }
            // The days before today are not misses for a habit new today.
            habit.since = Some(app.today);
            after.insert(app.habits.len(), habit.clone());
        }
    }
    if let Err(problem) = check_habits(&after).and_then(|()| check_names(&after)) {
        app.form.error = Some(problem.message);
        return vec![];
    }
    app.overlay = None;
    change_habits(app, after, habit.id)
}

pub(super) fn archive(app: &mut App) -> Vec<Effect> {
    let Some(habit) = app.selected_habit().map(|habit| habit.id.clone()) else {
        return vec![];
    };
    let mut after = app.all_habits();
    for h in after.iter_mut().filter(|h| h.id == habit) {
        h.archived = true;
    }
    if let Err(problem) = check_habits(&after) {
        app.notice = Some(problem.message);
        return vec![];
    }
    change_habits(app, after, habit)
}

/// Moves the selected habit one place up or down the checklist.
pub(super) fn move_habit(app: &mut App, down: bool) -> Vec<Effect> {
    let from = app.selected;
    let to = if down { from + 1 } else { from.wrapping_sub(1) };
    if to >= app.habits.len() {
        return vec![];
    }
    let mut after = app.all_habits();
    after.swap(from, to);
    let about = after[to].id.clone();
    change_habits(app, after, about)
}

/// Replaces the list of habits (already checked), recording it for undo;
/// nothing happens when it is the same.
fn change_habits(app: &mut App, after: Vec<Habit>, about: HabitId) -> Vec<Effect> {
    let before = app.all_habits();
    if after == before {
        return vec![];
    }
    apply(
        app,
        Change::Habits {
            before,
            after,
            about,
        },
    )
}

/// Keeps the draft as the viewed day's note; nothing changes if it is the same.
pub(super) fn change_note(app: &mut App, draft: &str) -> Vec<Effect> {
    let before = app.history.log.note(app.viewing).map(str::to_owned);
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

/// Makes a change and records it for undo; nothing, while changes are
/// blocked.
fn apply(app: &mut App, change: Change) -> Vec<Effect> {
    if refused_while_blocked(app) {
        return vec![];
    }
    let effects = make(app, &change, false);
    app.undo.record(change);
    effects
}

/// Undo or redo: puts a change back (or makes it again), and shows where.
/// Only the app's own change is taken back, and only while what it made
/// still stands: a change made since from elsewhere (the command line,
/// a hand edit) is never written over.
pub(super) fn restore(app: &mut App, undoing: bool) -> Vec<Effect> {
    let Some(change) = app.undo.next(undoing).cloned() else {
        app.notice = Some(if undoing {
            "nothing to undo: every change since gutbone started is undone".into()
        } else {
            "nothing to redo".into()
        });
        return vec![];
    };
    if refused_while_blocked(app) {
        return vec![];
    }
    if !stands(app, &change, undoing) {
        app.undo.forget(undoing);
        let what = match &change {
            Change::Entry { date, habit, .. } => format!(
                "{} on {} was",
                app.habits
                    .iter()
                    .chain(&app.archived)
                    .find(|h| h.id == *habit)
                    .map_or(habit.as_str(), |h| h.name.as_str()),
                date.format("%a %-d %b")
            ),
            Change::Note { date, .. } => format!("The note on {} was", date.format("%a %-d %b")),
            Change::Habits { .. } => "The habits were".into(),
        };
        app.notice = Some(format!(
            "{what} changed elsewhere since; {} leaves it as it is",
            if undoing { "undo" } else { "redo" }
        ));
        return vec![];
    }
    app.undo.step(undoing);
    let effects = make(app, &change, undoing);
    match &change {
        Change::Entry { date, habit, .. } => {
            app.select_id(habit);
            app.viewing = (*date).min(app.today);
        }
        Change::Note { date, .. } => app.viewing = (*date).min(app.today),
        Change::Habits { about, .. } => app.select_id(about),
    }
    effects
}

/// Whether changes are blocked now (see `Msg::Blocked`); the footer says why.
fn refused_while_blocked(app: &mut App) -> bool {
    if app.blocked.is_some() {
        app.notice = None;
        return true;
    }
    false
}

/// Whether what `change` left (or, for a redo, what it found) is still
/// what the app holds.
fn stands(app: &App, change: &Change, undoing: bool) -> bool {
    match change {
        Change::Entry {
            date,
            habit,
            before,
            after,
        } => app.history.log.entry(*date, habit) == if undoing { *after } else { *before },
        Change::Note {
            date,
            before,
            after,
        } => app.history.log.note(*date) == if undoing { after } else { before }.as_deref(),
        Change::Habits { before, after, .. } => {
            // As the app holds them: the checklist, then the archived ones.
            let (archived, active): (Vec<&Habit>, Vec<&Habit>) =
                if undoing { after } else { before }
                    .iter()
                    .partition(|habit| habit.archived);
            app.habits.iter().eq(active) && app.archived.iter().eq(archived)
        }
    }
}

/// Writes one side of a change into the log: `before` when undoing.
fn make(app: &mut App, change: &Change, undoing: bool) -> Vec<Effect> {
    let date = match change {
        Change::Entry {
            date,
            habit,
            before,
            after,
        } => {
            app.history
                .log
                .set_entry(*date, habit, if undoing { *before } else { *after });
            app.refresh_stats_of(habit);
            *date
        }
        Change::Habits {
            before,
            after,
            about,
        } => {
            app.set_habits(if undoing { before } else { after }.clone());
            app.select_id(about);
            return vec![Effect::SaveHabits];
        }
        Change::Note {
            date,
            before,
            after,
        } => {
            let note = if undoing { before } else { after };
            app.history.log.set_note(*date, note.as_deref());
            *date
        }
    };
    vec![Effect::Save(date)]
}
