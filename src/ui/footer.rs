//! The bottom line: the main keys, or a problem that needs attention.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::first_keys;
use crate::action::Action;
use crate::app::App;
use crate::screen::Tier;

pub struct Footer<'a> {
    pub app: &'a App,
    pub tier: Tier,
}

// The tips pane shows its own keys, so `n` is left to it.
const HINTS: [(&[Action], &str); 8] = [
    (&[Action::SelectUp, Action::SelectDown], "select"),
    (&[Action::ToggleSelected], "tick"),
    (&[Action::AddStep, Action::RemoveStep], "amount"),
    (&[Action::SkipSelected], "skip"),
    (&[Action::PrevDay, Action::NextDay], "day"),
    (&[Action::AddHabit], "add"),
    (&[Action::ToggleHelp], "help"),
    (&[Action::Quit], "quit"),
];

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if let Some(error) = self.app.problem() {
            Paragraph::new(format!(" {error} "))
                .style(app.theme.error)
                .wrap(Wrap { trim: false })
                .render(area, buf);
            return;
        }
        // Run together: "↑↓", "Space".
        let hint = |actions: &[Action], what| (first_keys(app, actions).concat(), what);
        let mut keys: Vec<(String, &str)> = HINTS
            .iter()
            .map(|(actions, what)| hint(actions, *what))
            .collect();
        if !self.app.is_viewing_today() {
            keys.insert(0, hint(&[Action::GoToday], "today"));
        }
        if self.tier == Tier::Single {
            // One panel at a time: how to reach the others comes first.
            keys.insert(0, hint(&[Action::FocusNext], "panel"));
        }
        // An action left without keys has no hint.
        keys.retain(|(key, _)| !key.is_empty());
        // On a narrow screen the least needed hints go first; help has them all.
        let width = |keys: &[(String, &str)]| -> usize {
            keys.iter()
                .map(|(key, what)| key.chars().count() + what.chars().count() + 3)
                .sum::<usize>()
                + 1
        };
        for spare in ["add", "day", "amount", "skip", "select"] {
            if width(&keys) <= usize::from(area.width) {
                break;
            }
            keys.retain(|(_, what)| *what != spare);
        }
        let mut spans = vec![Span::raw(" ")];
        for (key, what) in keys {
            spans.push(Span::styled(key, app.theme.key));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        Line::from(spans).render(area, buf);
    }
}
