//! A tip for the selected habit, with the article it comes from.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::border::Border;
use super::cells;

use crate::action::Action;
use crate::app::App;

pub struct TipsPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

impl Widget for TipsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let habit = app.selected_habit();
        let title = match habit {
            // The short name when the full one would be cut off.
            Some(habit) if habit.name.chars().count() + 10 > usize::from(area.width) => {
                format!(" Tip · {} ", habit.short)
            }
            Some(habit) => format!(" Tip · {} ", habit.name),
            None => " Tip ".to_owned(),
        };
        let choice =
            habit.and_then(|habit| app.tips.choose(&habit.id, &app.moment(), app.tip_turn));
        let counter = choice
            .as_ref()
            .map(|choice| format!(" {}/{} ", choice.position, choice.count))
            .unwrap_or_default();
        let hints = &[
            (&[Action::NextTip][..], "next"),
            (&[Action::PrevTip], "back"),
        ];
        let bottom = [Span::styled(counter, app.theme.dim)]
            .into_iter()
            .chain(super::key_hints(app, hints));
        let border = Border {
            top: Line::styled(title, app.theme.title),
            bottom: Line::from(bottom.collect::<Vec<_>>()).right_aligned(),
            focused: self.focused,
            padding: 1,
        };
        let (text, source) = match choice {
            Some(choice) => (
                (&*choice.tip.text, Style::new()),
                (
                    format!("Source: {}", choice.source.title),
                    Style::new()
                        .add_modifier(Modifier::ITALIC)
                        .patch(app.theme.dim),
                ),
            ),
            // A person's own habit has no built-in tips: say how to add some.
            None => (
                ("No tip for this habit yet.", app.theme.dim),
                (
                    "Write your own in tips.ron in the config folder (see the README); \
                     they show here."
                        .to_owned(),
                    app.theme.dim,
                ),
            ),
        };
        let inner = border.inner(area);
        border.render(area, buf, &app.theme);
        // The tip, a blank line, its source: as many lines as fit.
        let mut lines = vec![];
        for (text, style) in [text, ("", Style::new()), (&source.0, source.1)] {
            match text {
                "" => lines.push(("", style)),
                text => {
                    let wrapped = cells::wrap(text, usize::from(inner.width));
                    lines.extend(wrapped.into_iter().map(|line| (line, style)));
                }
            }
        }
        for ((line, style), row) in lines.into_iter().zip(inner.rows()) {
            cells::put(buf, row.x, row.y, line, row.width, style);
        }
    }
}
