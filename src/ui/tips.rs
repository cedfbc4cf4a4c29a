//! A tip for the selected habit, with the article it comes from.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Padding, Paragraph, Widget, Wrap};

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
        let block = app
            .theme
            .panel(self.focused)
            .padding(Padding::horizontal(1))
            .title(Line::styled(title, app.theme.title))
            .title_bottom(Line::from(bottom.collect::<Vec<_>>()).right_aligned());
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
        // The tip, a blank line, its source: as many lines as fit.
        let lines = vec![
            Line::styled(text.0, text.1),
            Line::default(),
            Line::styled(source.0, source.1),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(area, buf);
    }
}
