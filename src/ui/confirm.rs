//! Asking before a habit leaves the checklist.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::app::App;

pub struct ConfirmArchive<'a> {
    pub app: &'a App,
}

impl Widget for ConfirmArchive<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(habit) = self.app.selected_habit() else {
            return;
        };
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(" Archive a habit ", app.theme.title));
        let lines = vec![
            Line::from(vec![
                Span::raw("Archive "),
                Span::styled(habit.name.as_str(), app.theme.title),
                Span::raw("?"),
            ]),
            Line::styled(
                "It leaves the checklist; its history is kept. Undo with u, or set \
                 `archived: false` in habits.ron.",
                app.theme.dim,
            ),
            Line::raw(""),
            Line::from(vec![
                Span::styled("y", app.theme.key),
                Span::raw(" archive   "),
                Span::styled("n", app.theme.key),
                Span::raw(" / "),
                Span::styled("Esc", app.theme.key),
                Span::raw(" keep it"),
            ]),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(area, buf);
    }
}
