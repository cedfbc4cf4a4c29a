//! This week at a glance: a habit × day grid with totals and streaks.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget};

use super::theme;
use crate::app::App;
use crate::domain::week::{Mark, WeekSummary};

pub struct WeekPanel<'a> {
    pub app: &'a App,
}

const LABEL_WIDTH: usize = 10;
const STREAK_HEADING: &str = " streak";
const CELL_MIN: u16 = 3;
const CELL_MAX: u16 = 6;

impl WeekPanel<'_> {
    /// The panel's width in a row `available` wide: room for the grid with
    /// cells as wide as fit, leaving the rest to the tips.
    pub fn preferred_width(available: u16) -> u16 {
        // Borders and padding take two columns on each side.
        let fixed = LABEL_WIDTH as u16 + STREAK_HEADING.len() as u16 + 4;
        let cell = ((available * 3 / 5).saturating_sub(fixed) / 7).clamp(CELL_MIN, CELL_MAX);
        (fixed + cell * 7).min(available)
    }
}

impl Widget for WeekPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let week = WeekSummary::new(&app.log, &app.habits, app.viewing, app.today);
        let title = format!(
            " Week of {} ",
            week.days[0].format(if week.days[0].year() == app.today.year() {
                "%-d %b"
            } else {
                "%-d %b %Y"
            })
        );
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(title, theme::title()));
        let inner = block.inner(area);
        block.render(area, buf);

        let fixed = LABEL_WIDTH + STREAK_HEADING.len();
        let cell = (usize::from(inner.width).saturating_sub(fixed) / 7).clamp(3, 6);
        let column_style = |i: usize| {
            let mut style = Style::new();
            if week.days[i] == app.today {
                style = style.patch(theme::today_column());
            }
            style
        };
        let centred = |text: &str| format!("{text:^cell$}");

        let mut lines = Vec::with_capacity(app.habits.len() + 5);
        let mut names = vec![Span::raw(" ".repeat(LABEL_WIDTH))];
        let mut dates = names.clone();
        for (i, day) in week.days.iter().enumerate() {
            let mut style = column_style(i).add_modifier(Modifier::BOLD);
            if *day == app.viewing {
                style = style.add_modifier(Modifier::UNDERLINED);
            }
            let weekday = day.format("%a").to_string();
            names.push(Span::styled(centred(&weekday[..2]), style));
            dates.push(Span::styled(centred(&day.day().to_string()), style));
        }
        names.push(Span::styled(STREAK_HEADING, theme::dim()));
        lines.push(Line::from(names));
        lines.push(Line::from(dates));

        for (habit, row) in app.habits.iter().zip(&week.rows) {
            let mut spans = vec![Span::raw(format!("{:<LABEL_WIDTH$}", habit.short))];
            for (i, mark) in row.marks.iter().enumerate() {
                let (symbol, style) = match mark {
                    Mark::Done => (theme::MARK_DONE, theme::done()),
                    Mark::Missed => (theme::MARK_MISSED, theme::dim()),
                    Mark::Open => (theme::MARK_OPEN, Style::new()),
                    Mark::Upcoming | Mark::Untracked => ("", Style::new()),
                };
                spans.push(Span::styled(centred(symbol), column_style(i).patch(style)));
            }
            let streak = match row.current_streak {
                0 => String::new(),
                days => days.to_string(),
            };
            spans.push(Span::raw(format!(
                "{streak:>width$}",
                width = STREAK_HEADING.len()
            )));
            lines.push(Line::from(spans));
        }

        let mut totals = vec![Span::styled(
            format!("{:<LABEL_WIDTH$}", "Done"),
            theme::dim(),
        )];
        for (i, total) in week.totals.iter().enumerate() {
            let text = total.map(|n| n.to_string()).unwrap_or_default();
            totals.push(Span::styled(
                centred(&text),
                column_style(i).patch(theme::dim()),
            ));
        }
        lines.push(Line::from(totals));
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", theme::MARK_DONE), theme::done()),
            Span::raw("done  "),
            Span::styled(format!("{} ", theme::MARK_MISSED), theme::dim()),
            Span::raw("missed  "),
            Span::raw(format!("{} ", theme::MARK_OPEN)),
            Span::raw("today, still open"),
        ]));
        Paragraph::new(lines).render(inner, buf);
    }
}
