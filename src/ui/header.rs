//! The top line: the app, the day being viewed, and progress on it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;

pub struct Header<'a> {
    pub app: &'a App,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let date = app.viewing.format("%a %-d %b %Y").to_string();
        let when = match (app.today - app.viewing).num_days() {
            0 => "today".to_owned(),
            1 => "yesterday".to_owned(),
            days => format!("{days} days ago"),
        };
        let left = Line::from(vec![
            Span::styled(" gutbone ", app.theme.title),
            Span::raw(" "),
            Span::styled(date, app.theme.title),
            Span::styled(format!(" · {when}"), app.theme.dim),
        ]);
        let progress = format!(
            "{}/{} {} ",
            app.viewing_done_count(),
            app.habits.len(),
            if app.is_viewing_today() {
                "today"
            } else {
                "that day"
            }
        );
        left.render(area, buf);
        Line::from(Span::styled(progress, app.theme.title))
            .right_aligned()
            .render(area, buf);
    }
}
