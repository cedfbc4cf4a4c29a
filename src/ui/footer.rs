//! The bottom line: the main keys, or a problem that needs attention.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::layout::Tier;
use crate::app::App;

pub struct Footer<'a> {
    pub app: &'a App,
    pub tier: Tier,
}

// The tips pane shows its own keys, so `n` is left to it.
const KEYS: [(&str, &str); 8] = [
    ("↑↓", "select"),
    ("space", "tick"),
    ("+-", "amount"),
    ("s", "skip"),
    ("←→", "day"),
    ("a", "add"),
    ("?", "help"),
    ("q", "quit"),
];

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if let Some(error) = self.app.problem() {
            Paragraph::new(format!(" {error} "))
                .style(app.theme.error)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        }
        let mut keys: Vec<(&str, &str)> = KEYS.to_vec();
        if !self.app.is_viewing_today() {
            keys.insert(0, ("t", "today"));
        }
        if self.tier == Tier::Single {
            // One panel at a time: how to reach the others comes first.
            keys.insert(0, ("Tab", "panel"));
        }
        // On a narrow screen the least needed hints go first; help has them all.
        let width = |keys: &[(&str, &str)]| -> usize {
            keys.iter()
                .map(|(key, what)| key.chars().count() + what.chars().count() + 3)
                .sum::<usize>()
                + 1
        };
        for spare in ["add", "day", "amount", "skip", "select"] {
            if width(&keys) <= usize::from(area.width) {
                break;
            }
            keys.retain(|(_, what)| *what != spare);
        }
        let mut spans = vec![Span::raw(" ")];
        for (key, what) in keys {
            spans.push(Span::styled(key, app.theme.key));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        Line::from(spans).render(area, buf);
    }
}
