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
        let used = app.note_draft.chars().count();
        let full = used >= MAX_NOTE_CHARS;
        // The count on the frame, where a long note cannot push it out.
        let count = Line::styled(
            format!(" {used}/{MAX_NOTE_CHARS} "),
            if full { app.theme.error } else { app.theme.dim },
        )
        .left_aligned();
        let block = app.theme.editor_block(title).title_bottom(count);
        let hint = if full {
            Line::styled(
                format!("at most {MAX_NOTE_CHARS} characters: Backspace makes room"),
                app.theme.error,
            )
        } else {
            Line::styled("e.g. travel, knee sore · empty removes it", app.theme.dim)
        };
        let lines = vec![
            hint,
            Line::raw(""),
            Line::from(vec![
                Span::raw(app.note_draft.as_str()),
                // The cursor, drawn: the terminal's own stays hidden.
                Span::styled("▏", app.theme.key),
            ]),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}
