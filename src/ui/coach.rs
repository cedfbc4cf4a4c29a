//! The coach line under the header: one sentence about how today is going.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;

pub struct CoachLine<'a> {
    pub app: &'a App,
}

impl Widget for CoachLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        // Always about today, whichever day is being viewed.
        let Some(text) = app.coach.line(&app.moment()) else {
            return;
        };
        let line = Line::from(vec![
            Span::styled(" » ", app.theme.key),
            Span::styled(text, app.theme.title.remove_modifier(Modifier::BOLD)),
        ]);
        line.render(area, buf);
    }
}
