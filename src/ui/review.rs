//! The weekly review: a full-screen look at twelve weeks and the latest one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Widget, Wrap};

use super::shown::Shown;
use crate::action::Action;
use crate::app::App;
use crate::columns;
use crate::domain::review::{Share, WEEKS, WeeklyReview};

pub struct ReviewScreen<'a> {
    pub app: &'a App,
}

const LABEL_WIDTH: usize = 10;
/// Rows of the perfect-days bars; each row holds eight eighths of a block.
const BAR_ROWS: usize = 2;
const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// A share as a shade: the shape alone tells all from none.
fn shade(share: Share) -> &'static str {
    match share.ratio() {
        None => "",
        Some(r) if r <= 0.0 => "·",
        Some(r) if r <= 1.0 / 3.0 => "░",
        Some(r) if r <= 2.0 / 3.0 => "▒",
        Some(r) if r < 1.0 => "▓",
        Some(_) => "█",
    }
}

/// "fibre 5/7, up from 3/7": this week against the last, in words.
pub fn comparison(name: &str, this: Share, last: Share) -> String {
    let now = format!("{name} {}/{}", this.done, this.days);
    match (this.ratio(), last.ratio()) {
        (None, _) => format!("{name}: nothing to count"),
        (Some(_), None) => format!("{now}, nothing the week before"),
        (Some(a), Some(b)) if (a - b).abs() < 1e-9 => {
            format!("{now}, same as {}/{}", last.done, last.days)
        }
        (Some(a), Some(b)) => format!(
            "{now}, {} from {}/{}",
            if a > b { "up" } else { "down" },
            last.done,
            last.days
        ),
    }
}

impl Widget for ReviewScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        // Derived by `update` while the review is open; derived here only
        // for a state built by hand.
        let derived;
        let review = match &app.review {
            Some(review) => review,
            None => {
                derived = app.derive_review();
                &derived
            }
        };
        // The heat map leaves the week's words at least their rows: with
        // many habits it shows a window of them around the selection.
        let fixed = BAR_ROWS + 6;
        let room = usize::from(area.height).saturating_sub(2 + 8);
        let rows = app.habits.len().min(room.saturating_sub(fixed)).max(3);
        let shown = Shown::new(app.habits.len(), rows, app.selected);
        let [header, history, bottom, footer] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length((rows + fixed) as u16),
            Constraint::Min(0),
            Constraint::Length(1),
        ]));
        let [summary, compared] = bottom.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Fill(1),
        ]));

        if let Some(week) = review.this_week() {
            Line::from(vec![
                Span::styled(" Weekly review ", app.theme.title),
                Span::styled(
                    format!(" week of {}", week.start.format("%-d %b %Y")),
                    app.theme.title,
                ),
            ])
            .render(header, buf);
        }
        let mut hints = super::key_hints(app, &[(&[Action::PrevWeek, Action::NextWeek], "weeks")]);
        if shown.range.len() < app.habits.len() {
            hints.extend(super::key_hints(
                app,
                &[(&[Action::SelectUp, Action::SelectDown], "habits")],
            ));
        }
        hints.push(Span::styled(" Esc", app.theme.key));
        hints.push(Span::raw(" back "));
        Line::from(hints).right_aligned().render(footer, buf);

        render_history(app, review, &shown, history, buf);
        render_summary(app, review, summary, buf);
        render_comparison(app, review, compared, buf);
    }
}

fn render_history(app: &App, review: &WeeklyReview, shown: &Shown, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Line::styled(
            format!(
                " Last {WEEKS} weeks: share of days done {}",
                shown.of(app.habits.len())
            ),
            app.theme.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let room = usize::from(inner.width).saturating_sub(LABEL_WIDTH);
    let cell = (room / WEEKS).clamp(3, 8);
    // On a narrow screen the oldest weeks give way: the week reviewed stays.
    let first = review.weeks.len().saturating_sub(room / cell);
    let weeks = || review.weeks.iter().enumerate().skip(first);
    let centred = |text: &str| format!("{text:^cell$}");
    let last = review.weeks.len().saturating_sub(1);
    let column = |i: usize| {
        if i == last {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            Style::new()
        }
    };

    // Weeks are labelled by the day they start on, with the month named
    // above the first week that starts in it.
    let mut lines = Vec::new();
    let mut months = vec![Span::raw(" ".repeat(LABEL_WIDTH))];
    let mut days = months.clone();
    let mut previous_month = None;
    for (i, week) in weeks() {
        let month = week.start.format("%b").to_string();
        let label = if previous_month.as_ref() == Some(&month) {
            String::new()
        } else {
            month.clone()
        };
        previous_month = Some(month);
        months.push(Span::styled(centred(&label), app.theme.dim));
        let day = week.start.format("%-d").to_string();
        days.push(Span::styled(centred(&day), column(i).patch(app.theme.dim)));
    }
    lines.push(Line::from(months));
    lines.push(Line::from(days));
    if let Some(more) = shown.more_above() {
        lines.push(Line::styled(more, app.theme.dim));
    }
    let habits = app.habits.iter().enumerate();
    for (h, habit) in habits.skip(shown.range.start).take(shown.range.len()) {
        let mut spans = vec![Span::raw(columns::fit(&habit.short, LABEL_WIDTH))];
        for (i, week) in weeks() {
            let share = week.shares.get(h).copied().unwrap_or_default();
            let mark = shade(share).repeat(cell.saturating_sub(2).max(1));
            let style = if share.ratio().is_some_and(|r| r > 0.0) {
                app.theme.done
            } else {
                app.theme.dim
            };
            spans.push(Span::styled(centred(&mark), column(i).patch(style)));
        }
        lines.push(Line::from(spans));
    }
    if let Some(more) = shown.more_below() {
        lines.push(Line::styled(more, app.theme.dim));
    }
    // Perfect days per week as bars under the same columns, 0 to 7 days.
    for row in 0..BAR_ROWS {
        let label = if row == 0 { "Perfect" } else { "" };
        let mut spans = vec![Span::styled(
            format!("{label:<LABEL_WIDTH$}"),
            app.theme.dim,
        )];
        for (i, week) in weeks() {
            let height = week.perfect_days as usize * BAR_ROWS * 8 / 7;
            let below = (BAR_ROWS - 1 - row) * 8;
            let fill = height.saturating_sub(below).min(8);
            let bar = EIGHTHS[fill].repeat(cell.saturating_sub(2).max(1));
            spans.push(Span::styled(centred(&bar), column(i).patch(app.theme.done)));
        }
        lines.push(Line::from(spans));
    }
    let mut counts = vec![Span::styled(
        format!("{:<LABEL_WIDTH$}", "days"),
        app.theme.dim,
    )];
    for (i, week) in weeks() {
        counts.push(Span::styled(
            centred(&week.perfect_days.to_string()),
            column(i).patch(app.theme.dim),
        ));
    }
    lines.push(Line::from(counts));
    lines.push(Line::styled(
        "█ every day  ▓ most  ▒ about half  ░ some  · none  (skipped days left out)",
        app.theme.dim,
    ));
    Paragraph::new(lines).render(inner, buf);
}

fn render_summary(app: &App, review: &WeeklyReview, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Line::styled(" This week ", app.theme.title));
    let name = |i: usize| app.habits.get(i).map_or("", |habit| habit.name.as_str());
    let share_of = |i: usize| {
        review
            .this_week()
            .and_then(|week| week.shares.get(i))
            .map(|share| format!("{}/{}", share.done, share.days))
            .unwrap_or_default()
    };
    let mut lines = Vec::new();
    let labelled = |label: &str, text: String| {
        Line::from(vec![
            Span::styled(format!("{label:<13}"), app.theme.dim),
            Span::raw(text),
        ])
    };
    lines.push(labelled(
        "Most kept",
        review.most_kept.map_or("nothing logged yet".into(), |i| {
            format!("{} {}", name(i), share_of(i))
        }),
    ));
    lines.push(labelled(
        "Most missed",
        review.most_missed.map_or("nothing missed".into(), |i| {
            format!("{} {}", name(i), share_of(i))
        }),
    ));
    let perfect = review.this_week().map_or(0, |week| week.perfect_days);
    let before = review.last_week().map_or(0, |week| week.perfect_days);
    lines.push(labelled(
        "Perfect days",
        format!("{perfect} (the week before: {before})"),
    ));
    let (run, best) = (review.perfect_run, review.perfect_best);
    lines.push(labelled("", format!("{run} in a row, {best} at best")));
    if let Some(week) = review.this_week() {
        let days = crate::domain::date::week_days(week.start);
        let notes: Vec<_> = days
            .iter()
            .filter_map(|day| app.history.log.note(*day).map(|note| (*day, note)))
            .collect();
        for (n, (day, note)) in notes.iter().enumerate() {
            let text = format!("{} {}", day.format("%a %-d"), note.replace('\n', " "));
            lines.push(labelled(if n == 0 { "Notes" } else { "" }, text));
        }
    }
    if review.streaks.is_empty() {
        lines.push(labelled("Streaks", "none running".into()));
    } else {
        lines.push(Line::styled("Streaks running", app.theme.dim));
    }
    let mut streaks: Vec<_> = review.streaks.iter().collect();
    streaks.sort_by_key(|streak| std::cmp::Reverse(streak.days));
    for streak in streaks {
        let habit = app.habits.iter().find(|habit| habit.id == streak.habit);
        lines.push(Line::raw(format!(
            "  {} {} days{}",
            habit.map_or(streak.habit.as_str(), |habit| habit.short.as_str()),
            streak.days,
            if streak.new_best { ", a new best" } else { "" }
        )));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

fn render_comparison(app: &App, review: &WeeklyReview, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .padding(Padding::horizontal(1))
        .title(Line::styled(
            " Compared with the week before ",
            app.theme.title,
        ));
    let (Some(this), Some(last)) = (review.this_week(), review.last_week()) else {
        block.render(area, buf);
        return;
    };
    let lines: Vec<Line> = app
        .habits
        .iter()
        .enumerate()
        .map(|(i, habit)| {
            let now = this.shares.get(i).copied().unwrap_or_default();
            let before = last.shares.get(i).copied().unwrap_or_default();
            Line::raw(comparison(&habit.short, now, before))
        })
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(done: u32, days: u32) -> Share {
        Share { done, days }
    }

    #[test]
    fn comparisons_read_as_plain_words() {
        assert_eq!(
            comparison("Fibre", share(5, 7), share(3, 7)),
            "Fibre 5/7, up from 3/7"
        );
        assert_eq!(
            comparison("Fibre", share(2, 7), share(3, 7)),
            "Fibre 2/7, down from 3/7"
        );
        assert_eq!(
            comparison("Fibre", share(3, 7), share(3, 7)),
            "Fibre 3/7, same as 3/7"
        );
        // 3 of 6 counted days (one skipped) is the same share as 3.5 of 7.
        assert_eq!(
            comparison("Sun", share(3, 6), share(3, 7)),
            "Sun 3/6, up from 3/7"
        );
        assert_eq!(
            comparison("Sun", share(1, 2), share(0, 0)),
            "Sun 1/2, nothing the week before"
        );
        assert_eq!(
            comparison("Sun", share(0, 0), share(1, 7)),
            "Sun: nothing to count"
        );
    }

    #[test]
    fn shades_go_from_none_to_every_day() {
        assert_eq!(shade(share(0, 0)), "");
        assert_eq!(shade(share(0, 7)), "·");
        assert_eq!(shade(share(2, 7)), "░");
        assert_eq!(shade(share(4, 7)), "▒");
        assert_eq!(shade(share(6, 7)), "▓");
        assert_eq!(shade(share(7, 7)), "█");
    }
}
