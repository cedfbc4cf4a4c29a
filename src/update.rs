//! The pure heart of the TUI: `update(app, msg)` changes the state and returns
//! the effects (saves, quitting) for the run loop to carry out. No clock, no
//! disk, no terminal: every test drives it directly.

use chrono::{NaiveDate, NaiveDateTime};

use crate::action::Action;
use crate::app::{App, Overlay};
use crate::domain::amount::parse_amount;
use crate::domain::habit::{MAX_ACTIVE_HABITS, check_habits, check_names};
use crate::domain::log::MAX_NOTE_CHARS;
use crate::domain::{Entry, Habit, HabitId, Log, Status, date};
use crate::form::HabitForm;
use crate::screen::{Panel, Tier};
use crate::ui::layout::{self, Hit};
use crate::undo::Change;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

/// Longer than any amount: the prompt says so rather than take more.
const MAX_AMOUNT_CHARS: usize = 16;

/// Everything that can happen to the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The files changed on disk (a hand edit, a sync, the command line)
    /// and were read again: every habit, and the log.
    Reloaded(Vec<Habit>, Log),
    /// The older days the log only summed up, read in (see
    /// `App::needs_older_days`).
    OlderDaysRead(Log),
    Action(Action),
    /// The clock was read: a new day may have begun.
    Tick(NaiveDateTime),
    /// The last save reached the disk.
    Saved,
    /// The last save failed, with a message for the person.
    SaveFailed(String),
    /// The older days could not be read in (a file changed meanwhile: the
    /// next key reads everything again).
    ReadFailed(String),
    /// Whether the files can be changed at this key: `Some` says why not
    /// (one was edited by hand into a mistake, the write lock could not be
    /// had), and until it clears every change is refused, so nothing is
    /// applied that could not be saved.
    Blocked(Option<String>),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// A click or a turn of the wheel.
    Mouse(MouseEvent),
}

/// Work for the run loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write the part of the log that holds this day.
    Save(NaiveDate),
    /// Write the list of habits.
    SaveHabits,
    Quit,
}

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let viewing = app.viewing;
    let effects = handle(app, msg);
    if app.overlay != Some(Overlay::Review) {
        app.review = None;
    } else if app.review.is_none() || app.viewing != viewing {
        app.review = Some(app.derive_review());
    }
    effects
}

fn handle(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Action(action) => act(app, action),
        Msg::Tick(now) => {
            tick(app, now);
            vec![]
        }
        Msg::Reloaded(habits, log) => {
            app.log = log;
            app.set_habits(habits);
            vec![]
        }
        Msg::OlderDaysRead(older) => {
            app.log.fill_in(older);
            app.refresh_stats();
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
        Msg::ReadFailed(message) => {
            app.notice = Some(message);
            vec![]
        }
        Msg::Blocked(why) => {
            app.blocked = why;
            vec![]
        }
        Msg::Resize(width, height) => {
            app.area = Rect::new(0, 0, width, height);
            vec![]
        }
        Msg::Mouse(event) => mouse(app, event),
    }
}

/// A click toggles a checkbox, selects a habit, views a day or focuses a
/// panel; the wheel steps through days. Overlays are for the keyboard.
fn mouse(app: &mut App, event: MouseEvent) -> Vec<Effect> {
    if app.overlay.is_some() {
        return vec![];
    }
    match event.kind {
        MouseEventKind::ScrollUp => act(app, Action::PrevDay),
        MouseEventKind::ScrollDown => act(app, Action::NextDay),
        MouseEventKind::Down(MouseButton::Left) => {
            app.notice = None;
            match layout::hit(app, app.area, event.column, event.row) {
                Some(Hit::Checkbox(index)) => {
                    app.focus = Panel::Checklist;
                    act(app, Action::ToggleHabit(index))
                }
                Some(Hit::Habit(index)) => {
                    app.focus = Panel::Checklist;
                    select(app, index);
                    vec![]
                }
                Some(Hit::Day(day)) => {
                    app.focus = Panel::Week;
                    if day <= app.today && day >= date::first_kept_day() {
                        app.viewing = day;
                    }
                    vec![]
                }
                Some(Hit::Panel(panel)) => {
                    app.focus = panel;
                    vec![]
                }
                None => vec![],
            }
        }
        _ => vec![],
    }
}

/// Moves the focus `by` panels along the ones this layout shows.
fn cycle_focus(app: &mut App, forward: bool) {
    let panels = Tier::of(app.area).panels();
    let current = layout::focus(app, app.area);
    let at = panels.iter().position(|p| *p == current).unwrap_or(0);
    let next = if forward {
        (at + 1) % panels.len()
    } else {
        (at + panels.len() - 1) % panels.len()
    };
    app.focus = panels[next];
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.notice = None;
    // Overlays are modal: only closing them, quitting, what they take
    // (text, fields, an answer) and, in the review, paging through weeks
    // get through.
    match (app.overlay, action) {
        (None, _) => {}
        // The review pages through weeks; closed, the day viewed before.
        (Some(Overlay::Review), Action::Back) => {
            app.overlay = None;
            app.viewing = app.viewed_before_review.take().unwrap_or(app.viewing);
            return vec![];
        }
        (Some(_), Action::Back) | (Some(Overlay::Help), Action::ToggleHelp) => {
            app.overlay = None;
            return vec![];
        }
        (Some(_), Action::Quit) => return vec![Effect::Quit],
        // On a small screen the help scrolls.
        (Some(Overlay::Help), Action::SelectDown) => {
            let limit = crate::ui::help_scroll_limit(app, app.area);
            app.help_scroll = app.help_scroll.saturating_add(1).min(limit);
            return vec![];
        }
        (Some(Overlay::Help), Action::SelectUp) => {
            app.help_scroll = app.help_scroll.saturating_sub(1);
            return vec![];
        }
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
        // Whatever is typed is kept, to be read whole by the command line's
        // own parser on Enter: a character dropped here would change the
        // number without a word.
        (Some(Overlay::Amount), Action::Type(c)) => {
            app.amount_error = None;
            if app.amount_draft.chars().count() >= MAX_AMOUNT_CHARS {
                app.amount_error = Some(format!(
                    "an amount is at most {MAX_AMOUNT_CHARS} characters; Backspace to correct it"
                ));
            } else if !c.is_control() {
                app.amount_draft.push(c);
            }
            return vec![];
        }
        (Some(Overlay::Amount), Action::DeleteBack) => {
            app.amount_error = None;
            app.amount_draft.pop();
            return vec![];
        }
        (Some(Overlay::Amount), Action::Confirm) => return confirm_amount(app),
        (Some(Overlay::HabitForm), Action::Type(c)) => app.form.type_char(c),
        (Some(Overlay::HabitForm), Action::DeleteBack) => app.form.delete_back(),
        (Some(Overlay::HabitForm), Action::NextField) => app.form.next_field(true),
        (Some(Overlay::HabitForm), Action::PrevField) => app.form.next_field(false),
        (Some(Overlay::HabitForm), Action::Confirm) => return submit_form(app),
        (Some(Overlay::ConfirmArchive), Action::Type('y' | 'Y')) => {
            app.overlay = None;
            return archive(app);
        }
        (Some(Overlay::ConfirmArchive), Action::Type('n' | 'N') | Action::Confirm) => {
            app.overlay = None;
        }
        (Some(_), _) => {}
    }
    // Whatever an overlay did not take goes no further, except that the
    // review pages through weeks.
    match (app.overlay, action) {
        (None, _)
        | (
            Some(Overlay::Review),
            Action::PrevWeek | Action::NextWeek | Action::SelectUp | Action::SelectDown,
        ) => {}
        (Some(_), _) => return vec![],
    }
    // With the tips focused, up and down page through them.
    let action = match (layout::focus(app, app.area), action) {
        (Panel::Tips, Action::SelectUp) => Action::PrevTip,
        (Panel::Tips, Action::SelectDown) => Action::NextTip,
        _ => action,
    };
    match action {
        Action::SelectUp => step_selection(app, app.habits.len().saturating_sub(1)),
        Action::SelectDown => step_selection(app, 1),
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::ToggleSelected => return toggle(app, app.selected),
        Action::SkipSelected => return skip(app, app.selected),
        Action::ToggleHabit(index) => {
            if index < app.habits.len() {
                select(app, index);
                return toggle(app, index);
            }
        }
        Action::AddStep => return step_amount(app, 1.0),
        Action::RemoveStep => return step_amount(app, -1.0),
        Action::TypeAmount => {
            if let Some(habit) = app.selected_habit() {
                if habit.measure.is_some() {
                    // Empty, not the current amount: typing replaces it.
                    app.amount_draft.clear();
                    app.amount_error = None;
                    app.overlay = Some(Overlay::Amount);
                } else {
                    app.notice = Some(format!(
                        "{} is done or not: Space ticks it (e to give it an amount and a target)",
                        habit.name
                    ));
                }
            }
        }
        Action::AddHabit if app.habits.len() >= MAX_ACTIVE_HABITS => {
            app.notice = Some(format!(
                "{MAX_ACTIVE_HABITS} habits are on the checklist, as many as fit: archive one (D) to add another"
            ));
        }
        Action::AddHabit => {
            app.form = HabitForm::new();
            app.overlay = Some(Overlay::HabitForm);
        }
        Action::EditHabit => {
            if let Some(habit) = app.selected_habit() {
                app.form = HabitForm::edit(habit);
                app.overlay = Some(Overlay::HabitForm);
            }
        }
        Action::ArchiveHabit => {
            if app.habits.len() <= 1 {
                app.notice = Some("the last habit on the checklist cannot be archived".into());
            } else {
                app.overlay = Some(Overlay::ConfirmArchive);
            }
        }
        Action::MoveHabitUp => return move_habit(app, false),
        Action::MoveHabitDown => return move_habit(app, true),
        // Back no further than the first day gutbone keeps.
        Action::PrevDay => {
            if let Some(day) = app.viewing.pred_opt() {
                app.viewing = day.max(date::first_kept_day());
            }
        }
        Action::NextDay => {
            if let Some(day) = app.viewing.succ_opt().filter(|day| *day <= app.today) {
                app.viewing = day;
            }
        }
        Action::PrevWeek => {
            app.viewing = date::add_weeks(app.viewing, -1).max(date::first_kept_day());
        }
        // The same weekday of the next week, or today if that is still to come.
        Action::NextWeek => app.viewing = date::add_weeks(app.viewing, 1).min(app.today),
        Action::GoToday => app.viewing = app.today,
        Action::NextTip => app.tip_turn = app.tip_turn.wrapping_add(1),
        Action::PrevTip => app.tip_turn = app.tip_turn.wrapping_sub(1),
        Action::Undo => return restore(app, true),
        Action::Redo => return restore(app, false),
        Action::EditNote => {
            app.note_draft = app.log.note(app.viewing).unwrap_or_default().to_owned();
            app.overlay = Some(Overlay::Note);
        }
        // Text and field keys only mean something in an editor.
        Action::Type(_)
        | Action::DeleteBack
        | Action::Confirm
        | Action::NextField
        | Action::PrevField => {}
        Action::ToggleHelp => {
            app.help_scroll = 0;
            app.overlay = Some(Overlay::Help);
        }
        Action::OpenReview => {
            app.viewed_before_review = Some(app.viewing);
            app.overlay = Some(Overlay::Review);
        }
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

/// Selects a habit by id, if it is on the checklist.
fn select_id(app: &mut App, id: &HabitId) {
    if let Some(index) = app.habits.iter().position(|habit| habit.id == *id) {
        select(app, index);
    }
}

fn select(app: &mut App, index: usize) {
    if index != app.selected {
        app.selected = index;
        app.tip_turn = 0;
    }
}

/// Done becomes nothing; anything else (nothing, partial, skipped) becomes
/// done: the target met, for a measured habit.
fn toggle(app: &mut App, index: usize) -> Vec<Effect> {
    change_entry(app, index, |habit, entry| match habit.status(entry) {
        Some(Status::Done) => None,
        _ => habit.entry_for(habit.target()),
    })
}

fn skip(app: &mut App, index: usize) -> Vec<Effect> {
    change_entry(app, index, |_, entry| match entry {
        Some(Entry::Skipped) => None,
        _ => Some(Entry::Skipped),
    })
}

/// `+` and `-`: one step more or less, never below nothing; on a
/// done-or-not habit, done and not done.
fn step_amount(app: &mut App, direction: f64) -> Vec<Effect> {
    change_entry(app, app.selected, |habit, entry| match &habit.measure {
        Some(measure) => habit.entry_for(habit.amount(entry) + direction * measure.step),
        None => (direction > 0.0).then_some(Entry::Done),
    })
}

fn confirm_amount(app: &mut App) -> Vec<Effect> {
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
    let before = app.log.entry(app.viewing, habit);
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
fn submit_form(app: &mut App) -> Vec<Effect> {
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

fn archive(app: &mut App) -> Vec<Effect> {
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
fn move_habit(app: &mut App, down: bool) -> Vec<Effect> {
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
fn restore(app: &mut App, undoing: bool) -> Vec<Effect> {
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
            select_id(app, habit);
            app.viewing = (*date).min(app.today);
        }
        Change::Note { date, .. } => app.viewing = (*date).min(app.today),
        Change::Habits { about, .. } => select_id(app, about),
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
        } => app.log.entry(*date, habit) == if undoing { *after } else { *before },
        Change::Note {
            date,
            before,
            after,
        } => app.log.note(*date) == if undoing { after } else { before }.as_deref(),
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
            app.log
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
            select_id(app, about);
            return vec![Effect::SaveHabits];
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
