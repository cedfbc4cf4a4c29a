//! The note editor: a few words about the viewed day.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::domain::log::MAX_NOTE_CHARS;

pub struct NoteEditor<'a> {
    pub app: &'a App,
}

impl Widget for NoteEditor<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let title = format!(" Note for {} ", app.viewing.format("%a %-d %b"));
        let block = app.theme.editor_block(title);
        let used = app.note_draft.chars().count();
        let lines = vec![
            Line::from(vec![
                Span::raw(app.note_draft.as_str()),
                // The cursor, drawn: the terminal's own stays hidden.
                Span::styled("▏", app.theme.key),
            ]),
            Line::raw(""),
            Line::styled(
                format!("{used}/{MAX_NOTE_CHARS} · e.g. travel, knee sore · empty removes it"),
                app.theme.dim,
            ),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}
