//! The bottom line: the main keys, or a problem that needs attention.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme;
use crate::app::App;

pub struct Footer<'a> {
    pub app: &'a App,
}

const KEYS: [(&str, &str); 7] = [
    ("↑↓", "select"),
    ("space", "tick"),
    ("s", "skip"),
    ("←→", "day"),
    ("n", "tip"),
    ("?", "help"),
    ("q", "quit"),
];

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if let Some(error) = self.app.problem() {
            Paragraph::new(format!(" {error} "))
                .style(theme::error())
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        }
        let mut spans = vec![Span::raw(" ")];
        if !self.app.is_viewing_today() {
            spans.push(Span::styled("t", theme::key()));
            spans.push(Span::raw(" today  "));
        }
        for (key, what) in KEYS {
            spans.push(Span::styled(key, theme::key()));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        Line::from(spans).render(area, buf);
    }
}
