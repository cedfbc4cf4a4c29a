//! Drawing the screen: a pure function of `App`. Nothing here changes state,
//! reads the clock or touches the disk.

mod amount;
mod coach;
mod confirm;
mod detail;
mod footer;
mod habit_form;
mod header;
mod help;
pub mod layout;
mod note;
mod review;
mod shown;
pub mod theme;
mod tips;
mod today;
mod week;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::action::Action;
use crate::app::{App, Overlay};
use crate::screen::{Panel, SINGLE_MIN, Tier};
use ratatui::text::Span;

pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    app.theme.finish(frame.buffer_mut());
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if Tier::of(area) == Tier::TooSmall {
        render_too_small(frame, area);
        return;
    }
    // Full screen: drawn instead of the main screen, not over it.
    if app.overlay == Some(Overlay::Review) {
        frame.render_widget(review::ReviewScreen { app }, area);
        return;
    }
    if app.overlay == Some(Overlay::Detail) {
        frame.render_widget(detail::DetailScreen { app }, area);
        return;
    }
    let areas = layout::areas(app, area);
    let focus = layout::focus(app, area);
    let tier = Tier::of(area);
    frame.render_widget(header::Header { app }, areas.header);
    if let Some(coach) = areas.coach {
        frame.render_widget(coach::CoachLine { app }, coach);
    }
    if let Some(checklist) = areas.checklist {
        let focused = focus == Panel::Checklist;
        frame.render_widget(today::TodayPanel { app, focused }, checklist);
    }
    if let Some(week) = areas.week {
        let focused = focus == Panel::Week;
        frame.render_widget(week::WeekPanel { app, focused, tier }, week);
    }
    if let Some(tips) = areas.tips {
        let focused = focus == Panel::Tips;
        frame.render_widget(tips::TipsPanel { app, focused }, tips);
    }
    frame.render_widget(footer::Footer { app, tier }, areas.footer);

    let popup = |width: u16, height: u16| {
        area.centered(
            Constraint::Length(width.min(area.width)),
            Constraint::Length(height.min(area.height)),
        )
    };
    match app.overlay {
        Some(Overlay::Note) => {
            let area = popup(60, 6);
            frame.render_widget(Clear, area);
            frame.render_widget(note::NoteEditor { app }, area);
        }
        Some(Overlay::Amount) => {
            // Room for a mistake's whole message, wrapped.
            let area = popup(56, 8);
            frame.render_widget(Clear, area);
            frame.render_widget(amount::AmountPrompt { app }, area);
        }
        Some(Overlay::HabitForm) => {
            let area = popup(64, habit_form::HEIGHT);
            frame.render_widget(Clear, area);
            frame.render_widget(habit_form::HabitFormView { app }, area);
        }
        Some(Overlay::ConfirmArchive) => {
            let area = popup(52, 8);
            frame.render_widget(Clear, area);
            frame.render_widget(confirm::ConfirmArchive { app }, area);
        }
        Some(Overlay::Help) => {
            let area = help_area(area);
            frame.render_widget(Clear, area);
            frame.render_widget(help::HelpOverlay { app }, area);
        }
        Some(Overlay::Review | Overlay::Detail) | None => {}
    }
}

/// The first key of each action that has one.
fn first_keys(app: &App, actions: &[Action]) -> Vec<String> {
    actions
        .iter()
        .filter_map(|action| app.keymap.keys_for(*action).into_iter().next())
        .collect()
}

/// A line of hints, " [ ] weeks  w review ": each action's first key (a
/// pair of actions shows both), in the keys in force.
fn key_hints(app: &App, hints: &[(&[Action], &'static str)]) -> Vec<Span<'static>> {
    let mut spans = vec![];
    for (actions, what) in hints {
        let keys = first_keys(app, actions);
        if keys.is_empty() {
            continue;
        }
        spans.push(Span::styled(format!(" {}", keys.join(" ")), app.theme.key));
        spans.push(Span::raw(format!(" {what} ")));
    }
    spans
}

/// Where the help goes on a screen this size.
fn help_area(screen: Rect) -> Rect {
    screen.centered(
        Constraint::Length(72.min(screen.width)),
        Constraint::Length(24.min(screen.height)),
    )
}

pub use detail::{day_at as detail_day_at, scroll_limit as detail_scroll_limit};
pub use help::scroll_limit as help_scroll_limit;

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("gutbone needs a bigger window"),
        Line::from(format!(
            "at least {}×{}; this one is {}×{}",
            SINGLE_MIN.0, SINGLE_MIN.1, area.width, area.height
        )),
        Line::from("q quits"),
    ];
    let middle = area.centered_vertically(Constraint::Length(3));
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        middle,
    );
}
