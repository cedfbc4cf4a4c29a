//! The help overlay: every key, where the data lives, and the caution the
//! source articles give.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::theme;
use crate::app::App;

pub struct HelpOverlay<'a> {
    pub app: &'a App,
}

const KEYS: [(&str, &str); 15] = [
    ("↑ ↓  k j", "select a habit"),
    ("Space Enter", "tick or untick the selected habit"),
    ("1 – 5", "tick or untick habit 1 to 5"),
    ("s", "skip it that day: rest, illness, travel"),
    ("← →  h l", "previous / next day, to review and back-fill"),
    ("[ ]", "previous / next week"),
    ("t", "back to today"),
    ("o", "a note on the day: travel, knee sore…"),
    ("u  Ctrl-R", "undo / redo this run's changes"),
    ("w", "weekly review (Esc returns)"),
    ("n  N", "next / previous tip"),
    ("?", "open or close this help"),
    ("Esc", "close this help; on the main screen, quit"),
    ("q  Ctrl-C", "quit"),
    ("", "every change is saved at once"),
];

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(" Help ", theme::title()))
            .title_bottom(
                Line::from(vec![
                    Span::styled(" Esc", theme::key()),
                    Span::raw(" or "),
                    Span::styled("?", theme::key()),
                    Span::raw(" closes "),
                ])
                .right_aligned(),
            );
        let mut lines: Vec<Line> = KEYS
            .iter()
            .map(|(key, what)| {
                Line::from(vec![
                    Span::styled(format!("{key:<13}"), theme::key()),
                    Span::raw(*what),
                ])
            })
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled("Your log: ", theme::dim()),
            Span::raw(self.app.data_dir.as_str()),
        ]));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "These habits support bone health; they are not a treatment. If you \
             have osteoporosis, osteopenia or another bone concern, keep following \
             your clinician's advice.",
            theme::dim(),
        ));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}
