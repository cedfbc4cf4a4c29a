//! The form that adds or edits a habit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::form::Field;

pub struct HabitFormView<'a> {
    pub app: &'a App,
}

/// Rows the form needs, borders included, so the popup can fit it.
pub const HEIGHT: u16 = 14;

impl Widget for HabitFormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let form = &self.app.form;
        let title = if form.editing.is_some() {
            " Edit habit "
        } else {
            " New habit "
        };
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(title, app.theme.title))
            .title_bottom(
                Line::from(vec![
                    Span::styled(" Tab", app.theme.key),
                    Span::raw(" next field  "),
                    Span::styled("Enter", app.theme.key),
                    Span::raw(" keeps  "),
                    Span::styled("Esc", app.theme.key),
                    Span::raw(" cancels "),
                ])
                .right_aligned(),
            );
        let mut lines = Vec::new();
        for field in Field::ALL {
            let applies = form.fields().contains(&field);
            let focused = form.focus == field;
            let value = match field {
                Field::Name => form.name.clone(),
                Field::Short if form.short.is_empty() && !focused => "(from the name)".into(),
                Field::Short => form.short.clone(),
                Field::Kind => form.kind_words().into(),
                Field::Schedule => form.schedule.clone(),
                Field::Unit => form.unit.clone(),
                Field::Target => form.target.clone(),
                Field::Step => form.step.clone(),
            };
            let label_style = if focused {
                app.theme.key
            } else if applies {
                Style::new()
            } else {
                app.theme.dim
            };
            let mut spans = vec![
                Span::styled(if focused { "▶ " } else { "  " }, app.theme.key),
                Span::styled(format!("{:<13}", form.label(field)), label_style),
            ];
            if applies {
                spans.push(Span::raw(value));
                if focused && field != Field::Kind {
                    spans.push(Span::styled("▏", app.theme.key));
                }
                if focused && field == Field::Kind {
                    spans.push(Span::styled("  Space: the next kind", app.theme.dim));
                }
                if focused && field == Field::Schedule {
                    spans.push(Span::styled("  daily, 3/7, mon,wed,fri", app.theme.dim));
                }
            } else {
                spans.push(Span::styled("—", app.theme.dim));
            }
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
        let editing = form
            .editing
            .as_ref()
            .and_then(|id| app.habits.iter().find(|habit| habit.id == *id));
        let kind_change = editing.and_then(|habit| form.kind_change(habit));
        lines.push(match (&form.error, kind_change) {
            (Some(error), _) => Line::styled(error.as_str(), app.theme.error),
            (None, Some(change)) => Line::styled(change, app.theme.key),
            (None, None) if form.editing.is_some() => Line::styled(
                "The history stays with the habit whatever its name.",
                app.theme.dim,
            ),
            (None, None) => Line::styled(
                "e.g. Cold shower · measured in min, target 2, step 1",
                app.theme.dim,
            ),
        });
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(area, buf);
    }
}
