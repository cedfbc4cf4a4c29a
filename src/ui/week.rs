//! This week at a glance: a habit × day grid with totals, streaks and strength.

use chrono::Datelike;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Widget};

use super::shown::Shown;
use super::theme::Theme;
use crate::action::Action;
use crate::app::App;
use crate::domain::date;
use crate::domain::schedule::Schedule;
use crate::domain::stats::HabitStats;
use crate::domain::week::{EARLIER_WEEKS, Mark, WeekSummary};
use crate::screen::Tier;
use crate::symbols;

pub struct WeekPanel<'a> {
    pub app: &'a App,
    pub focused: bool,
    /// In the wide layout the panel also shows the weeks before.
    pub tier: Tier,
}

const LABEL_WIDTH: usize = 10;
/// "now" and "best" streaks, then strength: ` now best   str`.
const STATS_WIDTH: usize = 4 + 5 + 6;
const CELL_MIN: u16 = 3;
const CELL_MAX: u16 = 6;

impl WeekPanel<'_> {
    /// The panel's width in a row `available` wide: room for the grid with
    /// cells as wide as fit, leaving the rest to the tips.
    pub fn preferred_width(available: u16) -> u16 {
        // Borders and padding take two columns on each side.
        let fixed = (LABEL_WIDTH + STATS_WIDTH) as u16 + 4;
        let cell = ((available * 3 / 5).saturating_sub(fixed) / 7).clamp(CELL_MIN, CELL_MAX);
        (fixed + cell * 7).min(available)
    }
}

/// A strength (0–1) as a percentage with an arrow for its weekly change.
fn strength_text(stats: &HabitStats) -> String {
    let arrow = if stats.strength_change > 0.005 {
        "▲"
    } else if stats.strength_change < -0.005 {
        "▼"
    } else {
        " "
    };
    format!("{:.0}%{arrow}", stats.strength * 100.0)
}

/// "best 5 days, 16–20 Nov", or that there is none yet.
fn best_text(stats: &HabitStats) -> String {
    let Some(best) = stats.best_streak else {
        return "no streak yet".into();
    };
    let span = span_text(best.start, best.end);
    let days = if best.days == 1 { "day" } else { "days" };
    let on = if best.start == best.end { "on " } else { "" };
    format!("best {} {days}, {on}{span}", best.days)
}

/// "16–20 Nov 2026", "28 Nov–3 Dec 2026", "30 Dec 2025–2 Jan 2026", or the
/// one day.
pub fn span_text(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        end.format("%-d %b %Y").to_string()
    } else if start.year() != end.year() {
        format!("{}–{}", start.format("%-d %b %Y"), end.format("%-d %b %Y"))
    } else if start.month() != end.month() {
        format!("{}–{}", start.format("%-d %b"), end.format("%-d %b %Y"))
    } else {
        format!("{}–{}", start.format("%-d"), end.format("%-d %b %Y"))
    }
}

/// "strength 35%, up 12 points in 7 days".
fn change_text(stats: &HabitStats) -> String {
    let points = (stats.strength_change * 100.0).round();
    let noun = if points.abs() == 1.0 {
        "point"
    } else {
        "points"
    };
    let change = if points > 0.0 {
        format!("up {points:.0} {noun}")
    } else if points < 0.0 {
        format!("down {:.0} {noun}", -points)
    } else {
        "unchanged".into()
    };
    format!(
        "strength {:.0}%, {change} in 7 days",
        stats.strength * 100.0
    )
}

impl Widget for WeekPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let week = WeekSummary::new(
            &app.history,
            &app.habits,
            app.viewing,
            app.today,
            app.settings.week_start,
        );
        let hints = &[
            (&[Action::PrevWeek, Action::NextWeek][..], "weeks"),
            (&[Action::OpenReview], "review"),
        ];
        let block = app
            .theme
            .panel(self.focused)
            .padding(Padding::horizontal(1))
            .title_bottom(Line::from(super::key_hints(app, hints)).right_aligned());
        let inner = block.inner(area);
        let shows_dates = shows_dates(app, inner);
        // The rows left for habits once the day names (and dates) and the
        // Done row have theirs.
        let habit_rows = usize::from(inner.height).saturating_sub(2 + usize::from(shows_dates));
        let shown = Shown::new(app.habits.len(), habit_rows, app.selected);
        let title = format!(
            " Week of {} ",
            week.days[0].format(if week.days[0].year() == app.today.year() {
                "%-d %b"
            } else {
                "%-d %b %Y"
            })
        );
        let title = title + &shown.of(app.habits.len());
        block
            .title(Line::styled(title, app.theme.title))
            .render(area, buf);

        let cell = cell_width(inner);
        // What is drawn in a column, over today's shading where it is today.
        let column_style = |i: usize, style: Style| {
            if week.days[i] == app.today {
                app.theme.in_today_column(style)
            } else {
                style
            }
        };
        // The grid is written cell by cell: it is most of the screen's
        // characters, and padded spans cost a grapheme walk per space.
        let mut rows = inner.rows();
        let header_style = |i: usize| {
            let style = column_style(i, Style::new()).add_modifier(Modifier::BOLD);
            if week.days[i] == app.viewing {
                style.add_modifier(Modifier::UNDERLINED)
            } else {
                style
            }
        };
        let names = week.days.map(|day| day.format("%a").to_string());
        let stats_header = format!("{:>4}{:>5}{:>6}", "now", "best", "str ");
        let grid = Grid { cell };
        grid.row(
            buf,
            rows.next(),
            ("", Style::new()),
            std::array::from_fn(|i| (&names[i][..2], header_style(i))),
            (&stats_header, app.theme.dim),
        );
        if shows_dates {
            let dates = week.days.map(|day| day.day().to_string());
            grid.row(
                buf,
                rows.next(),
                ("", Style::new()),
                std::array::from_fn(|i| (dates[i].as_str(), header_style(i))),
                ("", Style::new()),
            );
        }
        if let Some(more) = shown.more_above() {
            Line::styled(more, app.theme.dim).render(rows.next().unwrap_or_default(), buf);
        }
        let habits = app.habits.iter().zip(&week.rows).zip(&app.stats);
        for ((habit, row), stats) in habits.skip(shown.range.start).take(shown.range.len()) {
            let best = stats.best_streak.map_or(0, |streak| streak.days);
            let figures = format!(
                "{:>4}{:>5}{:>6}",
                stats.current_streak,
                best,
                strength_text(stats)
            );
            let marks = std::array::from_fn(|i| {
                let (symbol, style) = app.theme.mark(row.marks[i]);
                (symbol, column_style(i, style))
            });
            grid.row(
                buf,
                rows.next(),
                (&habit.short, Style::new()),
                marks,
                (&figures, Style::new()),
            );
        }
        if let Some(more) = shown.more_below() {
            Line::styled(more, app.theme.dim).render(rows.next().unwrap_or_default(), buf);
        }
        let totals = week
            .totals
            .map(|total| total.map(|n| n.to_string()).unwrap_or_default());
        grid.row(
            buf,
            rows.next(),
            ("Done", app.theme.dim),
            std::array::from_fn(|i| (totals[i].as_str(), column_style(i, app.theme.dim))),
            ("", Style::new()),
        );

        let mut lines = Vec::with_capacity(4);
        lines.push(legend(&app.theme, false));
        if app.habits.iter().any(|h| h.schedule != Schedule::Daily) {
            lines.push(Line::from(vec![
                Span::styled(symbols::MARK_OFF, app.theme.dim),
                Span::raw(" not due: a day off, or one the rhythm did without"),
            ]));
        }
        lines.push(Line::styled(
            "now/best: streaks · str: strength, ▲▼ 7 days",
            app.theme.dim,
        ));
        if let (Some(habit), Some(stats)) = (app.selected_habit(), app.stats.get(app.selected)) {
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", habit.short), app.theme.title),
                Span::raw(best_text(stats)),
            ]));
            lines.push(Line::raw(change_text(stats)));
        }
        // The grid took a row per habit and three more; the earlier weeks
        // want a gap, a header and a row per habit.
        let used = app.habits.len() + 3 + lines.len();
        let earlier =
            self.tier == Tier::Wide && usize::from(inner.height) >= used + 2 + app.habits.len();
        // Line by line: nothing here wraps, and a paragraph's line composer
        // costs more than the lines themselves.
        for (line, row) in lines.iter().zip(&mut rows) {
            line.render(row, buf);
        }
        if earlier {
            rows.next();
            earlier_weeks(app, buf, rows);
        }
    }
}

/// The weeks before the viewed one, oldest first: per habit the days done
/// of the days that counted ("6/7"; skipped days do not count).
fn earlier_weeks(app: &App, buf: &mut Buffer, mut rows: impl Iterator<Item = Rect>) {
    let theme = &app.theme;
    let weeks: Vec<WeekSummary> = (1..=i64::from(EARLIER_WEEKS))
        .rev()
        .map(|back| {
            WeekSummary::new(
                &app.history,
                &app.habits,
                date::add_weeks(app.viewing, -back),
                app.today,
                app.settings.week_start,
            )
        })
        .collect();
    let Some(row) = rows.next() else { return };
    let starts: Vec<_> = weeks
        .iter()
        .map(|week| (week.days[0].format("%-d %b").to_string(), theme.dim))
        .collect();
    week_columns(buf, row, ("Weeks of", theme.dim), &starts);
    for ((i, habit), row) in app.habits.iter().enumerate().zip(rows) {
        let cells: Vec<_> = weeks
            .iter()
            .map(|week| {
                let marks = &week.rows[i].marks;
                let done = marks.iter().filter(|m| **m == Mark::Done).count();
                let counted = marks
                    .iter()
                    .filter(|m| !matches!(m, Mark::Skipped | Mark::Upcoming | Mark::Untracked))
                    .count();
                match counted {
                    0 => ("–".to_owned(), theme.dim),
                    _ if done == counted => (format!("{done}/{counted}"), theme.done),
                    _ if done == 0 => (format!("{done}/{counted}"), theme.dim),
                    _ => (format!("{done}/{counted}"), Style::new()),
                }
            })
            .collect();
        week_columns(buf, row, (&habit.short, Style::new()), &cells);
    }
}

/// A row of the earlier weeks: its label, then each week's cell.
fn week_columns(buf: &mut Buffer, row: Rect, label: (&str, Style), cells: &[(String, Style)]) {
    put(buf, row, 0, LABEL_WIDTH as u16, label, Align::Left);
    for (i, (text, style)) in cells.iter().enumerate() {
        let x = (LABEL_WIDTH + i * WEEK_WIDTH) as u16;
        put(buf, row, x, WEEK_WIDTH as u16, (text, *style), Align::Right);
    }
}

/// One earlier week's column: "26 Oct" or "7/7", right-aligned.
const WEEK_WIDTH: usize = 8;

/// Whether the grid has room for a row of dates under the day names (a
/// short screen keeps the habits instead).
fn shows_dates(app: &App, inner: Rect) -> bool {
    usize::from(inner.height) >= app.habits.len() + 3
}

/// A day's column: as wide as fits, within bounds.
fn cell_width(inner: Rect) -> u16 {
    (inner
        .width
        .saturating_sub((LABEL_WIDTH + STATS_WIDTH) as u16)
        / 7)
    .clamp(CELL_MIN, CELL_MAX)
}

/// The day whose column holds `point`, on any row of the grid (the day
/// names and dates, the habits, the totals).
pub fn day_at(app: &App, area: Rect, point: Position) -> Option<NaiveDate> {
    let inner = Block::bordered()
        .padding(Padding::horizontal(1))
        .inner(area);
    let grid_rows = (app.habits.len() + 2 + usize::from(shows_dates(app, inner))) as u16;
    let first_cell = inner.x + LABEL_WIDTH as u16;
    if !inner.contains(point) || point.y >= inner.y + grid_rows || point.x < first_cell {
        return None;
    }
    let column = usize::from((point.x - first_cell) / cell_width(inner));
    let days = date::week_days(date::week_start(app.viewing, app.settings.week_start));
    days.get(column).copied()
}

/// The week grid, written cell by cell: it holds most of the screen's
/// characters, and padded spans would cost a grapheme walk per space.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Centre,
    Right,
}

struct Grid {
    cell: u16,
}

impl Grid {
    /// One row: a label, seven day cells with their text centred, and the
    /// figures after them. Nothing when the panel has no row left.
    fn row(
        &self,
        buf: &mut Buffer,
        row: Option<Rect>,
        label: (&str, Style),
        cells: [(&str, Style); 7],
        figures: (&str, Style),
    ) {
        let Some(row) = row else { return };
        put(buf, row, 0, LABEL_WIDTH as u16, label, Align::Left);
        let mut x = LABEL_WIDTH as u16;
        for cell in cells {
            put(buf, row, x, self.cell, cell, Align::Centre);
            x += self.cell;
        }
        // Figures wider than their column (a streak of 10,000 days) run on.
        let width = (STATS_WIDTH as u16).max(figures.0.chars().count() as u16);
        put(buf, row, x, width, figures, Align::Left);
    }
}

/// Writes `text` into the `width` columns from `x` on `row` (clipped to the
/// row), the whole stretch in `style`.
fn put(
    buf: &mut Buffer,
    row: Rect,
    x: u16,
    width: u16,
    (text, style): (&str, Style),
    align: Align,
) {
    let Some(room) = row.width.checked_sub(x).filter(|room| *room > 0) else {
        return;
    };
    let width = width.min(room);
    let x = row.x + x;
    buf.set_style(Rect::new(x, row.y, width, 1), style);
    let len = text.chars().count() as u16;
    let pad = match align {
        Align::Left => 0,
        Align::Centre => width.saturating_sub(len) / 2,
        Align::Right => width.saturating_sub(len),
    };
    if pad < width {
        buf.set_stringn(x + pad, row.y, text, usize::from(width - pad), style);
    }
}

/// What the marks mean: "● done ◐ part – skipped · missed ○ open", and
/// "◦ not due" with `off`.
pub fn legend(theme: &Theme, off: bool) -> Line<'static> {
    let mut marks = vec![
        (Mark::Done, "done"),
        (Mark::Partial, "part"),
        (Mark::Skipped, "skipped"),
        (Mark::Missed, "missed"),
        (Mark::Open, "open"),
    ];
    if off {
        marks.push((Mark::Off, "not due"));
    }
    let spans: Vec<Span> = (marks.into_iter().enumerate())
        .flat_map(|(i, (mark, words))| {
            let (symbol, style) = theme.mark(mark);
            let gap = if i == 0 { "" } else { " " };
            [
                Span::raw(gap),
                Span::styled(symbol, style),
                Span::raw(format!(" {words}")),
            ]
        })
        .collect();
    Line::from(spans)
}
