//! The help overlay: every key, where the data lives, and the caution the
//! source articles give.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::app::App;

pub struct HelpOverlay<'a> {
    pub app: &'a App,
}

const KEYS: [(&str, &str); 16] = [
    ("↑ ↓  k j", "select a habit"),
    (
        "Space Enter",
        "tick or untick the selected habit (its whole target)",
    ),
    ("1 – 9", "tick or untick habit 1 to 9"),
    (
        "+ -  =",
        "one step more / less (20/30 min); = types the amount",
    ),
    ("s", "skip it that day: rest, illness, travel"),
    ("← →  h l", "previous / next day, to review and back-fill"),
    ("[ ]", "previous / next week"),
    ("t", "back to today"),
    ("o", "a note on the day: travel, knee sore…"),
    ("u  Ctrl-R", "undo / redo this run's changes"),
    ("w", "weekly review (Esc returns)"),
    ("n  N", "next / previous tip"),
    (
        "a  e  D",
        "add a habit / edit the selected one / archive it",
    ),
    ("K  J", "move the selected habit up / down the list"),
    (
        "?  Esc",
        "open or close this help (Esc on the main screen quits)",
    ),
    ("q  Ctrl-C", "quit"),
];

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(" Help ", app.theme.title))
            .title_bottom(
                Line::from(vec![
                    Span::styled(" Esc", app.theme.key),
                    Span::raw(" or "),
                    Span::styled("?", app.theme.key),
                    Span::raw(" closes "),
                ])
                .right_aligned(),
            );
        let mut lines: Vec<Line> = KEYS
            .iter()
            .map(|(key, what)| {
                Line::from(vec![
                    Span::styled(format!("{key:<13}"), app.theme.key),
                    Span::raw(*what),
                ])
            })
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled("Every change is saved at once to ", app.theme.dim),
            Span::raw(self.app.data_dir.as_str()),
        ]));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "These habits support bone health; they are not a treatment. If you \
             have osteoporosis, osteopenia or another bone concern, keep following \
             your clinician's advice.",
            app.theme.dim,
        ));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}
