//! The checklist for the viewed day.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::Hit;
use crate::app::App;
use crate::columns;
use crate::domain::Status;
use crate::domain::schedule::Schedule;
use crate::symbols;

pub struct TodayPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
}

impl Widget for TodayPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let mut title = if app.is_viewing_today() {
            " Today ".to_owned()
        } else {
            format!(" {} · back-filling ", app.viewing.format("%a %-d %b"))
        };
        // A list longer than the panel scrolls; the title says which part.
        let rows = usize::from(Block::bordered().inner(area).height);
        if app.habits.len() > rows && rows > 0 {
            let first = first_shown(app, Block::bordered().inner(area));
            title += &format!("· {}–{} of {} ", first + 1, first + rows, app.habits.len());
        }
        let note = match app.history.log.note(app.viewing) {
            // One line on the border: a note's line breaks become spaces.
            Some(note) => Line::from(vec![
                Span::styled(" note: ", app.theme.dim),
                Span::raw(columns::cut(
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
        let block = app
            .theme
            .panel(self.focused)
            .title(Line::styled(title, app.theme.title))
            .title_bottom(note);
        let inner = block.inner(area);
        block.render(area, buf);

        // Short names when the full ones would crowd out the amounts.
        let widest = |name: fn(&crate::domain::Habit) -> &str| {
            app.habits
                .iter()
                .map(|h| columns::width(name(h)))
                .max()
                .unwrap_or(0)
        };
        let full = widest(|h| &h.name);
        let digits = number_width(app);
        // "▶ 1 [x] " and two spaces after the name and after the amount.
        let fixed = 7 + digits + 2 + 2;
        // The amounts as they stand and at their targets, so that a day of
        // 2.5 servings lines up with the others; on a narrow screen without
        // their units, rather than cut.
        let progress = |units: bool, habit: &crate::domain::Habit| {
            let entry = app.history.log.entry(app.viewing, habit);
            let shown = |m: &crate::domain::habit::Measure, amount| match units {
                true => m.progress(amount),
                false => m.fraction(amount),
            };
            habit
                .measure
                .as_ref()
                .map(|m| (shown(m, habit.amount(entry)), shown(m, m.target)))
        };
        let progress_width = |units| {
            (app.habits.iter())
                .filter_map(|h| progress(units, h))
                .map(|(now, target)| columns::width(&now).max(columns::width(&target)))
                .max()
                .unwrap_or(0)
        };
        let units = usize::from(inner.width) >= fixed + SHORTEST_NAME + progress_width(true);
        let progress_width = progress_width(units);
        // The names have the rest, as much of it as the longest wants. A
        // name that does not fit gives way to its short label, or is cut.
        let room = usize::from(inner.width).saturating_sub(fixed + progress_width);
        let room = full.min(room.max(SHORTEST_NAME));
        let names: Vec<String> = app
            .habits
            .iter()
            .map(|habit| {
                [&habit.name, &habit.short]
                    .into_iter()
                    .find(|name| columns::width(name) <= room)
                    .map_or_else(|| columns::cut(&habit.name, room), String::clone)
            })
            .collect();
        let name_width = names
            .iter()
            .map(|name| columns::width(name))
            .max()
            .unwrap_or(0);
        let shown = app.habits.iter().enumerate().skip(first_shown(app, inner));
        for ((index, habit), row) in shown.zip(inner.rows()) {
            let entry = app.history.log.entry(app.viewing, habit);
            let is_selected = index == app.selected;
            let marker = if is_selected { "▶ " } else { "  " };
            let (check, name_style) = match habit.status(entry) {
                Some(Status::Done) => (symbols::CHECKED, app.theme.done),
                Some(Status::Partial) => (symbols::PARTIAL, app.theme.partial),
                Some(Status::Skipped) => (symbols::SKIPPED, app.theme.dim),
                Some(Status::Over) => (symbols::OVER, app.theme.partial),
                None => (symbols::UNCHECKED, Style::new()),
            };
            let number = format!("{:>digits$} ", index + 1);
            let name = format!(" {}  ", columns::left(&names[index], name_width));
            let progress = match progress(units, habit) {
                Some((now, _)) => format!("{now:>progress_width$}  "),
                None => " ".repeat(progress_width + 2),
            };
            if is_selected {
                buf.set_style(row, app.theme.selected);
            }
            let mut x = row.x;
            for text in [marker, &number, check, &name, &progress] {
                x = buf
                    .set_stringn(x, row.y, text, usize::from(row.right() - x), name_style)
                    .0;
            }
            // A hint cut to a word or two says nothing: it waits for room.
            let room = usize::from(row.right() - x);
            let rhythm = rhythm(app, index, entry);
            // Where a habit stands comes first, and shows in less room.
            if room >= if rhythm.is_some() { 5 } else { 6 } {
                let (hint, style) = match rhythm {
                    Some(rhythm) if habit.hint.is_empty() => (rhythm, app.theme.partial),
                    Some(rhythm) => (format!("{rhythm} · {}", habit.hint), app.theme.partial),
                    None => (habit.hint.clone(), app.theme.dim),
                };
                let hint = columns::cut(&hint, room);
                buf.set_stringn(x, row.y, &hint, room, style);
            }
        }
    }
}

/// Where a habit on its own rhythm stands today: "2/3 this week · done for
/// now", "off today", "at the limit". Nothing for a daily habit, or on a
/// day being back-filled.
fn rhythm(app: &App, index: usize, entry: Option<crate::domain::Entry>) -> Option<String> {
    let habit = &app.habits[index];
    let stats = app.stats.get(index)?;
    if !app.is_viewing_today() {
        return None;
    }
    if !habit.schedule.is_day_on(app.today) && entry.is_none() {
        return Some("off today".into());
    }
    if let Some(limit) = habit.measure.as_ref().filter(|m| m.at_most) {
        let amount = habit.amount(entry);
        return match amount.partial_cmp(&limit.target)? {
            std::cmp::Ordering::Less => None,
            std::cmp::Ordering::Equal => Some("at the limit".into()),
            std::cmp::Ordering::Greater => Some("over the limit".into()),
        };
    }
    // The window rolls: the last D days, not the calendar's week.
    let Schedule::Times { times, days } = habit.schedule else {
        return None;
    };
    let done_now = habit.status(entry) == Some(Status::Done);
    let for_now = match !stats.due && !done_now {
        true => " · done for now",
        false => "",
    };
    Some(format!(
        "{}/{times} in {days} days{for_now}",
        stats.done_in_window
    ))
}

/// The fewest columns a name is cut to before the amounts drop their units.
const SHORTEST_NAME: usize = 8;

/// The columns of the habits' numbers: 2 from the tenth habit on.
fn number_width(app: &App) -> usize {
    app.habits.len().to_string().len()
}

/// The first habit on screen: scrolled just enough to keep the selection in
/// view.
fn first_shown(app: &App, inner: Rect) -> usize {
    let visible = usize::from(inner.height).max(1);
    (app.selected + 1).saturating_sub(visible)
}

/// The habit row under `point`, and whether it is on the checkbox (the
/// marker, the number and `[ ]`) or the rest of the row.
pub fn hit(app: &App, area: Rect, point: Position) -> Option<Hit> {
    let inner = Block::bordered().inner(area);
    if !inner.contains(point) {
        return None;
    }
    let index = first_shown(app, inner) + usize::from(point.y - inner.y);
    if index >= app.habits.len() {
        return None;
    }
    // "▶ 12 [x] ": the marker, the number, a space and the box.
    let digits = number_width(app) as u16;
    let checkbox_end = inner.x + 2 + digits + 1 + 3;
    Some(if point.x < checkbox_end {
        Hit::Checkbox(index)
    } else {
        Hit::Habit(index)
    })
}
