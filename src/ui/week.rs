//! This week at a glance: a habit × day grid with totals, streaks and strength.

use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Widget};

use super::theme;
use crate::app::App;
use crate::domain::stats::HabitStats;
use crate::domain::week::{Mark, WeekSummary};

pub struct WeekPanel<'a> {
    pub app: &'a App,
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
    let (start, end) = (best.start, best.end);
    let span = if start == end {
        format!("on {}", end.format("%-d %b %Y"))
    } else if start.year() != end.year() {
        format!("{}–{}", start.format("%-d %b %Y"), end.format("%-d %b %Y"))
    } else if start.month() != end.month() {
        format!("{}–{}", start.format("%-d %b"), end.format("%-d %b %Y"))
    } else {
        format!("{}–{}", start.format("%-d"), end.format("%-d %b %Y"))
    };
    let days = if best.days == 1 { "day" } else { "days" };
    format!("best {} {days}, {span}", best.days)
}

/// "strength 35%, up 12 points in 7 days".
fn change_text(stats: &HabitStats) -> String {
    let points = (stats.strength_change * 100.0).round();
    let change = if points > 0.0 {
        format!("up {points:.0} points")
    } else if points < 0.0 {
        format!("down {:.0} points", -points)
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
            &app.log,
            &app.habits,
            app.viewing,
            app.today,
            app.settings.week_start,
        );
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
            .title(Line::styled(title, theme::title()))
            .title_bottom(
                Line::from(vec![
                    Span::styled(" [ ]", theme::key()),
                    Span::raw(" weeks  "),
                    Span::styled("w", theme::key()),
                    Span::raw(" review "),
                ])
                .right_aligned(),
            );
        let inner = block.inner(area);
        block.render(area, buf);

        let cell = (usize::from(inner.width).saturating_sub(LABEL_WIDTH + STATS_WIDTH) / 7)
            .clamp(usize::from(CELL_MIN), usize::from(CELL_MAX));
        let column_style = |i: usize| {
            if week.days[i] == app.today {
                theme::today_column()
            } else {
                Style::new()
            }
        };
        let centred = |text: &str| format!("{text:^cell$}");

        let mut lines = Vec::with_capacity(app.habits.len() + 6);
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
        names.push(Span::styled(
            format!("{:>4}{:>5}{:>6}", "now", "best", "str "),
            theme::dim(),
        ));
        lines.push(Line::from(names));
        lines.push(Line::from(dates));

        for ((habit, row), stats) in app.habits.iter().zip(&week.rows).zip(&app.stats) {
            let mut spans = vec![Span::raw(format!("{:<LABEL_WIDTH$}", habit.short))];
            for (i, mark) in row.marks.iter().enumerate() {
                let (symbol, style) = match mark {
                    Mark::Done => (theme::MARK_DONE, theme::done()),
                    Mark::Partial => (theme::MARK_PARTIAL, theme::partial()),
                    Mark::Skipped => (theme::MARK_SKIPPED, theme::dim()),
                    Mark::Missed => (theme::MARK_MISSED, theme::dim()),
                    Mark::Open => (theme::MARK_OPEN, Style::new()),
                    Mark::Upcoming | Mark::Untracked => ("", Style::new()),
                };
                spans.push(Span::styled(centred(symbol), column_style(i).patch(style)));
            }
            let best = stats.best_streak.map_or(0, |streak| streak.days);
            spans.push(Span::raw(format!(
                "{:>4}{:>5}{:>6}",
                stats.current_streak,
                best,
                strength_text(stats)
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
        lines.push(Line::from(vec![
            Span::styled(theme::MARK_DONE, theme::done()),
            Span::raw(" done "),
            Span::styled(theme::MARK_PARTIAL, theme::partial()),
            Span::raw(" part "),
            Span::styled(theme::MARK_SKIPPED, theme::dim()),
            Span::raw(" skipped "),
            Span::styled(theme::MARK_MISSED, theme::dim()),
            Span::raw(" missed "),
            Span::raw(theme::MARK_OPEN),
            Span::raw(" open"),
        ]));
        lines.push(Line::styled(
            "now/best: streaks · str: strength, ▲▼ 7 days",
            theme::dim(),
        ));
        if let (Some(habit), Some(stats)) = (app.selected_habit(), app.stats.get(app.selected)) {
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", habit.short), theme::title()),
                Span::raw(best_text(stats)),
            ]));
            lines.push(Line::raw(change_text(stats)));
        }
        // Line by line: nothing here wraps, and a paragraph's line composer
        // costs more than the lines themselves.
        for (line, row) in lines.iter().zip(inner.rows()) {
            line.render(row, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(strength: f64, change: f64) -> HabitStats {
        HabitStats {
            current_streak: 0,
            best_streak: None,
            strength,
            strength_change: change,
        }
    }

    #[test]
    fn best_streaks_read_with_their_dates() {
        use crate::domain::streak::Streak;
        let best = |days, start: &str, end: &str| HabitStats {
            best_streak: Some(Streak {
                days,
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
            }),
            ..row(0.0, 0.0)
        };
        assert_eq!(best_text(&row(0.0, 0.0)), "no streak yet");
        assert_eq!(
            best_text(&best(1, "2026-11-05", "2026-11-05")),
            "best 1 day, on 5 Nov 2026"
        );
        assert_eq!(
            best_text(&best(5, "2026-11-16", "2026-11-20")),
            "best 5 days, 16–20 Nov 2026"
        );
        assert_eq!(
            best_text(&best(7, "2026-10-29", "2026-11-04")),
            "best 7 days, 29 Oct–4 Nov 2026"
        );
        assert_eq!(
            best_text(&best(9, "2025-12-28", "2027-01-05")),
            "best 9 days, 28 Dec 2025–5 Jan 2027"
        );
    }

    #[test]
    fn the_weekly_change_reads_in_points() {
        assert_eq!(
            change_text(&row(0.354, 0.12)),
            "strength 35%, up 12 points in 7 days"
        );
        assert_eq!(
            change_text(&row(0.5, -0.031)),
            "strength 50%, down 3 points in 7 days"
        );
        assert_eq!(
            change_text(&row(0.5, 0.001)),
            "strength 50%, unchanged in 7 days"
        );
    }

    #[test]
    fn strength_reads_as_a_percentage_with_the_direction_of_change() {
        assert_eq!(strength_text(&row(0.824, 0.1)), "82%▲");
        assert_eq!(strength_text(&row(0.5, -0.2)), "50%▼");
        assert_eq!(strength_text(&row(1.0, 0.0)), "100% ");
    }
}
