//! The help overlay: every key, where the data lives, and the caution the
//! source articles give.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use crate::action::Action;
use crate::app::App;

pub struct HelpOverlay<'a> {
    pub app: &'a App,
}

/// Each row: the actions whose keys it lists, and what
/// they do. The keys come from the keymap in force, so `keys.ron` shows here.
const ROWS: [(&[Action], &str); 17] = [
    (&[Action::SelectUp, Action::SelectDown], "select a habit"),
    (
        &[Action::ToggleSelected],
        "tick or untick the selected habit",
    ),
    (&[], "1 – 9: tick or untick habit 1 to 9"),
    (
        &[Action::AddStep, Action::RemoveStep, Action::TypeAmount],
        "one step more / less; or type the amount",
    ),
    (
        &[Action::SkipSelected],
        "skip it that day: rest, illness, travel",
    ),
    (
        &[Action::PrevDay, Action::NextDay],
        "previous / next day, to review and back-fill",
    ),
    (
        &[Action::PrevWeek, Action::NextWeek],
        "previous / next week",
    ),
    (&[Action::GoToday], "back to today"),
    (&[Action::EditNote], "a note on the day: travel, knee sore…"),
    (
        &[Action::Undo, Action::Redo],
        "undo / redo this run's changes",
    ),
    (&[Action::OpenReview], "weekly review (Esc returns)"),
    (
        &[Action::OpenDetail, Action::NextRange],
        "the selected habit's story; its chart's range",
    ),
    (&[Action::NextTip, Action::PrevTip], "next / previous tip"),
    (
        &[Action::AddHabit, Action::EditHabit, Action::ArchiveHabit],
        "add a habit / edit / archive the selected one",
    ),
    (
        &[Action::MoveHabitUp, Action::MoveHabitDown],
        "move the selected habit up / down the list",
    ),
    (
        &[Action::FocusNext, Action::FocusPrev, Action::ToggleHelp],
        "next / previous panel; this help",
    ),
    (&[Action::Quit], "quit (Esc too, on the main screen)"),
];

/// The keys for a row: each action's keys, the actions two spaces apart.
fn keys_text(app: &App, actions: &[Action]) -> String {
    actions
        .iter()
        .map(|action| {
            let keys = app.keymap.keys_for(*action);
            if keys.is_empty() {
                "(none)".to_owned()
            } else {
                keys.join(" ")
            }
        })
        .collect::<Vec<_>>()
        .join("  ")
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        // Smaller than the popup wants: the rest is a scroll away.
        let mut hints = vec![];
        if area.height < 24 || area.width < 72 {
            hints.extend(super::key_hints(
                app,
                &[(&[Action::SelectUp, Action::SelectDown], "scroll")],
            ));
        }
        hints.extend([
            Span::styled(" Esc", app.theme.key),
            Span::raw(" or "),
            Span::styled("?", app.theme.key),
            Span::raw(" closes "),
        ]);
        let block = Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(" Help ", app.theme.title))
            .title_bottom(Line::from(hints).right_aligned());
        let inner = block.inner(area);
        let scroll = app.help_scroll.min(max_scroll(app, inner));
        text(app).scroll((scroll, 0)).block(block).render(area, buf);
    }
}

/// How far the help scrolls before its last line is at the bottom of `inner`.
fn max_scroll(app: &App, inner: Rect) -> u16 {
    let lines = text(app).line_count(inner.width);
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height)
}

/// As far as the help scrolls on a screen of this size.
pub fn scroll_limit(app: &App, screen: Rect) -> u16 {
    let inner = Block::bordered()
        .padding(Padding::horizontal(1))
        .inner(super::help_area(screen));
    max_scroll(app, inner)
}

/// Every key in force, where the data lives, and the caution.
fn text(app: &App) -> Paragraph<'_> {
    let rows: Vec<(String, &str)> = ROWS
        .iter()
        .map(|(actions, what)| match what.split_once(": ") {
            Some((keys, what)) if actions.is_empty() => (keys.to_owned(), what),
            _ => (keys_text(app, actions), *what),
        })
        .collect();
    let width = rows
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:<width$}  "), app.theme.key),
                Span::raw(what),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Every change is saved at once to ", app.theme.dim),
        Span::raw(app.data_dir.as_str()),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "These habits support bone health; they are not a treatment. If you \
             have osteoporosis, osteopenia or another bone concern, keep following \
             your clinician's advice.",
        app.theme.dim,
    ));
    Paragraph::new(lines).wrap(Wrap { trim: false })
}
