//! The pure heart of the TUI: `update(app, msg)` changes the state and returns
//! the effects (saves, quitting) for the run loop to carry out. No clock, no
//! disk, no terminal: every test drives it directly.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::action::Action;
use crate::app::{App, Detail, Overlay};
use crate::domain::habit::MAX_ACTIVE_HABITS;
use crate::domain::log::MAX_NOTE_CHARS;
use crate::domain::story::Story;
use crate::domain::{Habit, History, Log, date};
use crate::form::HabitForm;
use crate::screen::{Panel, Tier};
use crate::ui::layout::{self, Hit};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

mod edit;

/// Longer than any amount: the prompt says so rather than take more.
const MAX_AMOUNT_CHARS: usize = 16;

/// Everything that can happen to the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    /// The files changed on disk (a hand edit, a sync, the command line)
    /// and were read again: every habit, and the log.
    Reloaded(Vec<Habit>, History),
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
    /// What the shell learned beside the keys, for the footer until the
    /// next key: conflict copies found at start.
    Notice(String),
    /// A background sync's outcome: said until the next key, and a failure
    /// until a sync works.
    Synced(Result<String, String>),
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
        if app.perfect_days.is_none() {
            app.perfect_days = Some(app.walk_perfect_days());
        }
        app.review = Some(app.derive_review());
    }
    // The story walks every day: it waits until the older ones are read in.
    if app.overlay != Some(Overlay::Detail) {
        app.detail.story = None;
    } else if app.detail.story.is_none() && app.history.past().is_none() {
        let story = (app.selected_habit()).map(|habit| Story::of(&app.history, habit, app.today));
        // A new day may begin a story in a new year: the calendar follows.
        if let Some(first) = story.as_ref().and_then(|story| story.days.first()) {
            let years = first.date.year()..=app.today.year();
            app.detail.year = app.detail.year.clamp(*years.start(), *years.end());
        }
        app.detail.story = story;
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
        Msg::Reloaded(habits, history) => {
            app.history = history;
            app.set_habits(habits);
            vec![]
        }
        Msg::OlderDaysRead(older) => {
            app.history.fill_in(older);
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
        Msg::ReadFailed(message) | Msg::Notice(message) => {
            app.notice = Some(message);
            vec![]
        }
        Msg::Synced(outcome) => {
            app.sync_failed = outcome.as_ref().err().cloned();
            app.notice = Some(outcome.unwrap_or_else(|failed| failed));
            vec![]
        }
        Msg::Blocked(why) => {
            app.blocked = why;
            vec![]
        }
        Msg::Resize(width, height) => {
            app.area = Rect::new(0, 0, width, height);
            // A bigger screen scrolls less far: the way back starts there.
            app.detail.scroll = app
                .detail
                .scroll
                .min(crate::ui::detail_scroll_limit(app.area));
            let help_limit = crate::ui::help_scroll_limit(app, app.area);
            app.help_scroll = app.help_scroll.min(help_limit);
            vec![]
        }
        Msg::Mouse(event) => mouse(app, event),
    }
}

/// A click toggles a checkbox, selects a habit, views a day or focuses a
/// panel; the wheel steps through days. Of the overlays, the help and a
/// habit's story take the wheel, and the story a click on a day; the rest
/// are for the keyboard.
fn mouse(app: &mut App, event: MouseEvent) -> Vec<Effect> {
    // Screens that scroll take the wheel; a click on a day of a habit's
    // calendar views that day, as one on the week grid does. The popups
    // ignore the mouse.
    if matches!(app.overlay, Some(Overlay::Detail | Overlay::Help)) {
        return match event.kind {
            MouseEventKind::ScrollUp => act(app, Action::SelectUp),
            MouseEventKind::ScrollDown => act(app, Action::SelectDown),
            MouseEventKind::Down(MouseButton::Left) if app.overlay == Some(Overlay::Detail) => {
                let point = Position::new(event.column, event.row);
                if let Some(day) = crate::ui::detail_day_at(app, app.area, point)
                    .filter(|day| *day >= date::first_kept_day())
                {
                    app.overlay = None;
                    app.viewing = day;
                    app.focus = Panel::Week;
                }
                vec![]
            }
            _ => vec![],
        };
    }
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
                    app.select(index);
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
        (Some(_), Action::Back)
        | (Some(Overlay::Help), Action::ToggleHelp)
        | (Some(Overlay::Detail), Action::OpenDetail) => {
            app.overlay = None;
            return vec![];
        }
        (Some(_), Action::Quit) => return vec![Effect::Quit],
        // The detail screen steps its calendar through the years, its chart
        // through ranges, and scrolls on a small screen.
        (Some(Overlay::Detail), Action::PrevWeek | Action::NextWeek) => {
            let step = if action == Action::NextWeek { 1 } else { -1 };
            let first = (app.detail.story.as_ref())
                .and_then(|story| story.days.first())
                .map_or(app.today.year(), |day| day.date.year());
            app.detail.year = (app.detail.year + step).clamp(first, app.today.year());
            return vec![];
        }
        (Some(Overlay::Detail), Action::NextRange) => {
            app.detail.range = app.detail.range.next();
            return vec![];
        }
        (Some(Overlay::Detail), Action::SelectDown) => {
            let limit = crate::ui::detail_scroll_limit(app.area);
            app.detail.scroll = app.detail.scroll.saturating_add(1).min(limit);
            return vec![];
        }
        (Some(Overlay::Detail), Action::SelectUp) => {
            app.detail.scroll = app.detail.scroll.saturating_sub(1);
            return vec![];
        }
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
            return edit::change_note(app, &draft);
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
        (Some(Overlay::Amount), Action::Confirm) => return edit::confirm_amount(app),
        (Some(Overlay::HabitForm), Action::Type(c)) => app.form.type_char(c),
        (Some(Overlay::HabitForm), Action::DeleteBack) => app.form.delete_back(),
        (Some(Overlay::HabitForm), Action::NextField) => app.form.next_field(true),
        (Some(Overlay::HabitForm), Action::PrevField) => app.form.next_field(false),
        (Some(Overlay::HabitForm), Action::Confirm) => return edit::submit_form(app),
        (Some(Overlay::ConfirmArchive), Action::Type('y' | 'Y')) => {
            app.overlay = None;
            return edit::archive(app);
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
        Action::ToggleSelected => return edit::toggle(app, app.selected),
        Action::SkipSelected => return edit::skip(app, app.selected),
        Action::ToggleHabit(index) => {
            if index < app.habits.len() {
                app.select(index);
                return edit::toggle(app, index);
            }
        }
        Action::AddStep => return edit::step_amount(app, 1.0),
        Action::RemoveStep => return edit::step_amount(app, -1.0),
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
        Action::MoveHabitUp => return edit::move_habit(app, false),
        Action::MoveHabitDown => return edit::move_habit(app, true),
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
        Action::Undo => return edit::restore(app, true),
        Action::Redo => return edit::restore(app, false),
        Action::EditNote => {
            app.note_draft = app
                .history
                .log
                .note(app.viewing)
                .unwrap_or_default()
                .to_owned();
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
        Action::OpenDetail if !app.habits.is_empty() => {
            app.detail = Detail {
                year: app.today.year(),
                ..Detail::default()
            };
            app.overlay = Some(Overlay::Detail);
        }
        Action::OpenDetail | Action::NextRange => {}
        Action::Back | Action::Quit => return vec![Effect::Quit],
    }
    vec![]
}

/// Moves the selection `by` places forward, wrapping around the list.
fn step_selection(app: &mut App, by: usize) {
    if !app.habits.is_empty() {
        app.select((app.selected + by) % app.habits.len());
    }
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
