//! Drawing the screen: a pure function of `App`. Nothing here changes state,
//! reads the clock or touches the disk.

mod amount;
mod coach;
mod confirm;
mod footer;
mod habit_form;
mod header;
mod help;
mod note;
mod review;
pub mod theme;
mod tips;
mod today;
mod week;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::{App, Overlay};

/// The smallest screen the layout is drawn for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    app.theme.finish(frame.buffer_mut());
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, area);
        return;
    }
    // Full screen: drawn instead of the main screen, not over it.
    if app.overlay == Some(Overlay::Review) {
        frame.render_widget(review::ReviewScreen { app }, area);
        return;
    }
    // A long list scrolls rather than push the week off the screen.
    let checklist_height = (app.habits.len() as u16 + 2).min((area.height / 2).max(7));
    // An error must be read whole, so the footer grows to fit it.
    let footer_height = match app.problem() {
        Some(error) => (error.chars().count() as u16 + 2)
            .div_ceil(area.width)
            .clamp(1, 3),
        None => 1,
    };
    let [header_area, coach_area, today_area, middle, footer_area] =
        area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(checklist_height),
            Constraint::Min(0),
            Constraint::Length(footer_height),
        ]));
    let week_width = week::WeekPanel::preferred_width(middle.width);
    let [week_area, tips_area] = middle.layout(&Layout::horizontal([
        Constraint::Length(week_width),
        Constraint::Min(0),
    ]));

    frame.render_widget(header::Header { app }, header_area);
    frame.render_widget(coach::CoachLine { app }, coach_area);
    frame.render_widget(today::TodayPanel { app }, today_area);
    frame.render_widget(week::WeekPanel { app }, week_area);
    frame.render_widget(tips::TipsPanel { app }, tips_area);
    frame.render_widget(footer::Footer { app }, footer_area);

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
            let area = popup(50, 6);
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
            let area = popup(72, 24);
            frame.render_widget(Clear, area);
            frame.render_widget(help::HelpOverlay { app }, area);
        }
        Some(Overlay::Review) | None => {}
    }
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("gutbone needs a bigger window"),
        Line::from(format!(
            "at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}",
            area.width, area.height
        )),
        Line::from("q quits"),
    ];
    let middle = area.centered_vertically(Constraint::Length(3));
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        middle,
    );
}
