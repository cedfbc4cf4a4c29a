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
        // A narrow screen drops the year, then the "today".
        let narrow = area.width < 50;
        let date = app
            .viewing
            .format(if narrow { "%a %-d %b" } else { "%a %-d %b %Y" })
            .to_string();
        let when = match (app.today - app.viewing).num_days() {
            0 => "today".to_owned(),
            1 => "yesterday".to_owned(),
            days => format!("{days} days ago"),
        };
        let mut left = vec![
            Span::styled(" gutbone ", app.theme.title),
            Span::raw(" "),
            Span::styled(date, app.theme.title),
        ];
        if !narrow {
            left.push(Span::styled(format!(" · {when}"), app.theme.dim));
        }
        let left = Line::from(left);
        let count = app.viewing_count();
        let day = match (narrow, app.is_viewing_today()) {
            (true, _) => "",
            (false, true) => " today",
            (false, false) => " that day",
        };
        let progress = if count.is_rest_day() {
            format!("rest day{day} ")
        } else if count.skipped > 0 && !narrow {
            format!(
                "{}/{}{day}, {} skipped ",
                count.done,
                count.counted(),
                count.skipped
            )
        } else {
            format!("{}/{}{day} ", count.done, count.counted())
        };
        left.render(area, buf);
        let right = Line::from(Span::styled(progress, app.theme.title)).right_aligned();
        right.render(area, buf);
    }
}
