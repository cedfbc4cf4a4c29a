//! Colours and marks in one place. Every mark differs by shape as well as
//! colour, so the screen reads the same without colour.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding};

pub const ACCENT: Color = Color::Cyan;

pub fn title() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn done() -> Style {
    Style::new().fg(Color::Green)
}

/// Begun, not finished: a measured habit short of its target.
pub fn partial() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// The column of today in the week grid.
pub fn today_column() -> Style {
    Style::new().bg(Color::DarkGray).fg(Color::White)
}

pub fn key() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

/// The frame of a small editor: its title, and how to keep or cancel.
pub fn editor_block(title: String) -> Block<'static> {
    Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Line::styled(title, self::title()))
        .title_bottom(
            Line::from(vec![
                Span::styled(" Enter", key()),
                Span::raw(" keeps  "),
                Span::styled("Esc", key()),
                Span::raw(" cancels "),
            ])
            .right_aligned(),
        )
}

pub const CHECKED: &str = "[x]";
pub const UNCHECKED: &str = "[ ]";
pub const SKIPPED: &str = "[–]";
/// Some of a measured habit's target.
pub const PARTIAL: &str = "[~]";
pub const MARK_PARTIAL: &str = "◐";
pub const MARK_DONE: &str = "●";
pub const MARK_MISSED: &str = "·";
pub const MARK_SKIPPED: &str = "–";
pub const MARK_OPEN: &str = "○";
