//! The checklist for the viewed day.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::theme;
use crate::app::App;
use crate::domain::Status;

pub struct TodayPanel<'a> {
    pub app: &'a App,
}

impl Widget for TodayPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let title = if app.is_viewing_today() {
            " Today ".to_owned()
        } else {
            format!(" {} · back-filling ", app.viewing.format("%a %-d %b"))
        };
        let note = match app.log.note(app.viewing) {
            // One line on the border: a note's line breaks become spaces.
            Some(note) => Line::from(vec![
                Span::styled(" note: ", app.theme.dim),
                Span::raw(truncate(
                    &note.replace('\n', " "),
                    usize::from(area.width).saturating_sub(12),
                )),
                Span::raw(" "),
            ]),
            None => Line::from(vec![
                Span::styled(" o", app.theme.key),
                Span::styled(" add a note ", app.theme.dim),
            ]),
        };
        let block = Block::bordered()
            .title(Line::styled(title, app.theme.title))
            .title_bottom(note);
        let inner = block.inner(area);
        block.render(area, buf);

        let name_width = app
            .habits
            .iter()
            .map(|h| h.name.chars().count())
            .max()
            .unwrap_or(0);
        let progress_width = app
            .habits
            .iter()
            .filter_map(|h| {
                h.measure
                    .as_ref()
                    .map(|m| m.progress(m.target).chars().count())
            })
            .max()
            .unwrap_or(0);
        // Scrolled just enough to keep the selection in view.
        let visible = usize::from(inner.height).max(1);
        let offset = (app.selected + 1).saturating_sub(visible);
        let shown = app.habits.iter().enumerate().skip(offset);
        for ((index, habit), row) in shown.zip(inner.rows()) {
            let entry = app.log.entry(app.viewing, habit);
            let is_selected = index == app.selected;
            let marker = if is_selected { "▶ " } else { "  " };
            let (check, name_style) = match habit.status(entry) {
                Some(Status::Done) => (theme::CHECKED, app.theme.done),
                Some(Status::Partial) => (theme::PARTIAL, app.theme.partial),
                Some(Status::Skipped) => (theme::SKIPPED, app.theme.dim),
                None => (theme::UNCHECKED, Style::new()),
            };
            let lead = format!(
                "{marker}{} {check} {:<name_width$}  ",
                index + 1,
                habit.name
            );
            let progress = match &habit.measure {
                Some(measure) => format!(
                    "{:>progress_width$}  ",
                    measure.progress(habit.amount(entry))
                ),
                None => " ".repeat(progress_width + 2),
            };
            let room = usize::from(row.width)
                .saturating_sub(lead.chars().count() + progress.chars().count());
            let line = Line::from(vec![
                Span::styled(lead, name_style),
                Span::styled(progress, name_style),
                Span::styled(truncate(&habit.hint, room), app.theme.dim),
            ]);
            let line = if is_selected {
                line.style(app.theme.selected)
            } else {
                line
            };
            line.render(row, buf);
        }
    }
}

/// `text` cut to `width` characters, ending in "…" when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncate_marks_a_cut_with_an_ellipsis() {
        assert_eq!(truncate("kefir, yogurt", 20), "kefir, yogurt");
        assert_eq!(truncate("kefir, yogurt", 6), "kefir…");
        assert_eq!(truncate("kefir", 0), "");
    }
}
