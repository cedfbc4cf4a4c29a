//! The amount prompt: an exact amount for the selected habit on the viewed day.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::App;
use crate::domain::amount::format_amount;

pub struct AmountPrompt<'a> {
    pub app: &'a App,
}

impl Widget for AmountPrompt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(habit) = app.selected_habit() else {
            return;
        };
        let Some(measure) = &habit.measure else {
            return;
        };
        let title = format!(" {} on {} ", habit.name, app.viewing.format("%a %-d %b"));
        let block = app.theme.editor_block(title);
        let hint = match &app.amount_error {
            Some(error) => Line::styled(error.as_str(), app.theme.error),
            None => Line::styled(
                format!(
                    "now {} of {} {} · 0 clears the day",
                    format_amount(app.history.log.amount(app.viewing, habit)),
                    format_amount(measure.target),
                    measure.unit_for(measure.target)
                ),
                app.theme.dim,
            ),
        };
        let lines = vec![
            Line::from(vec![
                Span::raw(app.amount_draft.as_str()),
                Span::styled("▏", app.theme.key),
                Span::raw(format!(" {}", measure.unit)),
            ]),
            Line::raw(""),
            hint,
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(area, buf);
    }
}
