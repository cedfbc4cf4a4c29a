//! A habit's whole story, full screen: how strong it is and how it got there,
//! its year as a calendar, its best streaks, its weekdays and its months.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Block, Chart, Dataset, GraphType, Padding, Paragraph, Widget, Wrap,
};

use crate::action::Action;
use crate::app::App;
use crate::domain::Habit;
use crate::domain::amount::format_amount;
use crate::domain::date;
use crate::domain::schedule::Schedule;
use crate::domain::story::{self, Story};
use crate::domain::week::{self, Mark};
use crate::screen::Tier;
use crate::symbols;

pub struct DetailScreen<'a> {
    pub app: &'a App,
}

const CARD_PADDING: Padding = Padding::horizontal(1);
/// Wide enough for two cards side by side, each line of the overview
/// whole.
const WIDE: u16 = 120;
/// Five lines each: the overview's figures, the five longest streaks.
const OVERVIEW: u16 = 7;
const STREAKS: u16 = 7;
const CHART_MIN: u16 = 10;
/// Month names, seven weekdays and the legend (two rows, when narrow), in a
/// frame.
const CALENDAR: u16 = 12;
const WEEKDAYS: u16 = 9;
const MONTHS: u16 = 9;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Card {
    Overview,
    Streaks,
    Strength,
    Calendar,
    Weekdays,
    Months,
}

/// The cards' rows, top to bottom; a wide screen pairs some.
fn rows(width: u16) -> Vec<(u16, Vec<Card>)> {
    use Card::*;
    if width >= WIDE {
        vec![
            (OVERVIEW.max(STREAKS), vec![Overview, Streaks]),
            (CHART_MIN, vec![Strength]),
            (CALENDAR, vec![Calendar]),
            (WEEKDAYS.max(MONTHS), vec![Weekdays, Months]),
        ]
    } else {
        vec![
            (OVERVIEW, vec![Overview]),
            (STREAKS, vec![Streaks]),
            (CHART_MIN, vec![Strength]),
            (CALENDAR, vec![Calendar]),
            (WEEKDAYS, vec![Weekdays]),
            (MONTHS, vec![Months]),
        ]
    }
}

/// The rows every card needs, the chart at its smallest.
fn content_height(width: u16) -> u16 {
    rows(width).iter().map(|(height, _)| height).sum()
}

/// The screen's body: all but the header and footer lines.
fn body(screen: Rect) -> Rect {
    Rect {
        y: screen.y + 1.min(screen.height),
        height: screen.height.saturating_sub(2),
        ..screen
    }
}

/// The page of cards for a body this size: its height (the body's, or
/// more to scroll through) and where each card goes on it.
fn page(body: Rect) -> (u16, Vec<(Card, Rect)>) {
    let height = content_height(body.width).max(body.height);
    let flexible = height - (content_height(body.width) - CHART_MIN);
    let mut y = 0;
    let mut cards = vec![];
    for (h, row_cards) in rows(body.width) {
        let h = if row_cards.contains(&Card::Strength) {
            flexible
        } else {
            h
        };
        let row = Rect::new(0, y, body.width, h);
        let areas = Layout::horizontal(vec![Constraint::Fill(1); row_cards.len()]).split(row);
        cards.extend(row_cards.into_iter().zip(areas.iter().copied()));
        y += h;
    }
    (height, cards)
}

/// The day of the calendar at `point` on the screen, if any.
pub fn day_at(app: &App, screen: Rect, point: Position) -> Option<NaiveDate> {
    let body = body(screen);
    if !body.contains(point) || Tier::of(screen) == Tier::TooSmall {
        return None;
    }
    let scroll = app.detail.scroll.min(scroll_limit(screen));
    let on_page = Position::new(point.x - body.x, point.y - body.y + scroll);
    let (_, cards) = page(body);
    let (_, area) = cards
        .into_iter()
        .find(|(card, _)| *card == Card::Calendar)?;
    let grid = Grid::new(app, Block::bordered().padding(CARD_PADDING).inner(area))?;
    grid.date_at(on_page).filter(|date| *date <= app.today)
}

/// As far as the cards scroll on a screen of this size.
pub fn scroll_limit(screen: Rect) -> u16 {
    let body = body(screen);
    content_height(body.width).saturating_sub(body.height)
}

impl Widget for DetailScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(habit) = app.selected_habit() else {
            return;
        };
        let body = body(area);
        let header = Rect {
            height: 1.min(area.height),
            ..area
        };
        let footer = Rect {
            y: body.bottom(),
            height: area.bottom() - body.bottom(),
            ..area
        };
        Line::from(vec![
            Span::styled(format!(" {} ", habit.name), app.theme.title),
            Span::styled(format!(" {}", habit.describe()), app.theme.dim),
        ])
        .render(header, buf);

        let limit = scroll_limit(area);
        // The hints that fit, the way back first: a narrow footer loses
        // whole hints, not the start of one.
        let mut wanted: Vec<(&[Action], &str)> = vec![
            (&[Action::PrevWeek, Action::NextWeek], "years"),
            (&[Action::NextRange], "chart range"),
        ];
        if limit > 0 {
            wanted.push((&[Action::SelectUp, Action::SelectDown], "scroll"));
        }
        let back = [Span::styled(" Esc", app.theme.key), Span::raw(" back ")];
        let room = usize::from(footer.width).saturating_sub(Line::from(back.to_vec()).width());
        let mut hints = super::key_hints(app, &wanted);
        while Line::from(hints.clone()).width() > room && !wanted.is_empty() {
            wanted.remove(0);
            hints = super::key_hints(app, &wanted);
        }
        hints.extend(back);
        Line::from(hints).right_aligned().render(footer, buf);

        // Derived by `update` while the screen is open, once every day is
        // read in; derived here for a state built by hand, which holds them.
        let derived;
        let story = match &app.detail.story {
            Some(story) => story,
            None if app.history.past().is_none() => {
                derived = Story::of(&app.history, habit, app.today);
                &derived
            }
            None => {
                let waiting = app.notice.as_deref().unwrap_or("Reading every day in…");
                Paragraph::new(format!(" {waiting}"))
                    .wrap(Wrap { trim: true })
                    .render(body, buf);
                return;
            }
        };

        // The cards are drawn whole, off screen, and the part scrolled to
        // is copied: a card cut by the edge keeps its frame and its sense.
        let (height, cards) = page(body);
        let mut page = Buffer::empty(Rect::new(0, 0, body.width, height));
        for (card, area) in cards {
            let view = View {
                app,
                habit,
                story,
                area,
            };
            view.card(card, &mut page);
        }
        let scroll = app.detail.scroll.min(limit);
        for row in 0..body.height.min(height - scroll) {
            for x in 0..body.width {
                buf[(body.x + x, body.y + row)] = page[(x, row + scroll)].clone();
            }
        }
    }
}

/// Where the calendar puts its days: weeks as columns, weekdays as rows
/// under a row of month names, after a column of weekday names.
struct Grid {
    inner: Rect,
    first: NaiveDate,
    last: NaiveDate,
    week_start: crate::domain::settings::WeekStart,
    /// Columns to a week: two when the year fits so, else one.
    cell: u16,
    /// The first week shown, counted from the year's first, and how many.
    first_week: u16,
    shown: u16,
}

impl Grid {
    /// "Mo ": the weekday names' column.
    const LABEL: u16 = 3;

    fn new(app: &App, inner: Rect) -> Option<Self> {
        let year = app.detail.year;
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
        let mut grid = Self {
            inner,
            first,
            last,
            week_start: app.settings.week_start,
            cell: 1,
            first_week: 0,
            shown: 0,
        };
        let weeks = grid.week_of(last) + 1;
        let room = inner.width.saturating_sub(Self::LABEL);
        grid.cell = if room >= weeks * 2 { 2 } else { 1 };
        // Too narrow for the year: the weeks up to today (or the year's end).
        grid.shown = (room / grid.cell).min(weeks);
        let end_week = grid.week_of(last.min(app.today).max(first));
        grid.first_week = (end_week + 1).saturating_sub(grid.shown);
        Some(grid)
    }

    fn week_of(&self, date: NaiveDate) -> u16 {
        let start = |d| date::week_start(d, self.week_start);
        ((start(date) - start(self.first)).num_days() / 7) as u16
    }

    /// The weekdays in row order.
    fn weekdays(&self) -> [NaiveDate; 7] {
        date::week_days(date::week_start(self.first, self.week_start))
    }

    /// Where `date` is drawn, if it is shown.
    fn cell_of(&self, date: NaiveDate) -> Option<Position> {
        let week = self.week_of(date);
        let row = (date - date::week_start(date, self.week_start)).num_days() as u16;
        let x = self.inner.x + Self::LABEL + week.checked_sub(self.first_week)? * self.cell;
        let y = self.inner.y + 1 + row;
        (week < self.first_week + self.shown && y < self.inner.bottom())
            .then_some(Position::new(x, y))
    }

    fn date_at(&self, point: Position) -> Option<NaiveDate> {
        let column = point.x.checked_sub(self.inner.x + Self::LABEL)? / self.cell;
        let row = point.y.checked_sub(self.inner.y + 1)?;
        if column >= self.shown || row >= 7 {
            return None;
        }
        let week = i64::from(self.first_week + column);
        let date = date::add_weeks(self.weekdays()[usize::from(row)], week);
        (self.first..=self.last).contains(&date).then_some(date)
    }
}

fn percent(done: u32, due: u32) -> Option<u32> {
    (due > 0).then(|| (f64::from(done) * 100.0 / f64::from(due)).round() as u32)
}

struct View<'a> {
    app: &'a App,
    habit: &'a Habit,
    story: &'a Story,
    area: Rect,
}

impl View<'_> {
    fn block(&self, title: String) -> Block<'static> {
        Block::bordered()
            .padding(CARD_PADDING)
            .title(Line::styled(title, self.app.theme.title))
    }

    fn card(&self, card: Card, buf: &mut Buffer) {
        match card {
            Card::Overview => self.overview(buf),
            Card::Streaks => self.streaks(buf),
            Card::Strength => self.strength(buf),
            Card::Calendar => self.calendar(buf),
            Card::Weekdays => self.weekdays(buf),
            Card::Months => self.months(buf),
        }
    }

    fn overview(&self, buf: &mut Buffer) {
        let days = &self.story.days;
        let theme = &self.app.theme;
        let label = |text: &'static str| Span::styled(format!("{text:<10}"), theme.dim);
        let now = days.last().map_or(0.0, |day| day.strength);
        let ago = |n: usize, when: &str| {
            let i = days.len().checked_sub(n + 1)?;
            let points = ((now - days[i].strength) * 100.0).round();
            Some(if points == 0.0 {
                format!("unchanged {when}")
            } else {
                format!("{points:+} {when}")
            })
        };
        let changes: Vec<String> = [ago(30, "in 30 days"), ago(365, "in a year")]
            .into_iter()
            .flatten()
            .collect();
        let mut strength = vec![
            label("Strength"),
            Span::styled(format!("{:.0}%", now * 100.0), theme.done),
        ];
        if !changes.is_empty() {
            strength.push(Span::raw(format!(", {}", changes.join(", "))));
        }
        let (done, due) = story::done_and_due(days);
        let since = days.first().map_or(String::new(), |day| {
            format!(" since {}", day.date.format("%-d %b %Y"))
        });
        let done_words = match percent(done, due) {
            Some(p) => format!("{done} of {due} due days ({p}%){since}"),
            None => format!("no due day yet{since}"),
        };
        let best = story::streaks(days).first().map_or(0, |s| s.days);
        let mut lines = vec![
            Line::from(strength),
            Line::from(vec![label("Done"), Span::raw(done_words)]),
            Line::from(vec![
                label("Streak"),
                Span::raw(format!(
                    "{} now, {} at best",
                    days_words(story::current_streak(days)),
                    days_words(best)
                )),
            ]),
        ];
        if let Some(m) = &self.habit.measure {
            let months = story::months(days);
            let month = |back: usize| {
                months
                    .len()
                    .checked_sub(back + 1)
                    .map_or(0.0, |i| months[i].amount)
            };
            let all: f64 = days.iter().map(|day| day.amount).sum();
            let amount = |n: f64| format!("{} {}", format_amount(n), m.unit_for(n));
            lines.push(Line::from(vec![
                label("Logged"),
                Span::raw(format!("{} in all", amount(all))),
            ]));
            lines.push(Line::from(vec![
                label(""),
                Span::raw(format!(
                    "{} this month, {} last month",
                    format_amount(month(0)),
                    format_amount(month(1)),
                )),
            ]));
        }
        Paragraph::new(lines)
            .block(self.block(" Overview ".into()))
            .render(self.area, buf);
    }

    fn streaks(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let days = &self.story.days;
        let runs = story::streaks(days);
        let current = story::current_streak(days);
        let latest = runs.iter().map(|run| run.end).max();
        let block = self.block(" Best streaks ".into());
        let inner = block.inner(self.area);
        block.render(self.area, buf);
        if runs.is_empty() {
            Paragraph::new("No streak yet: the first day kept begins one.")
                .style(theme.dim)
                .render(inner, buf);
            return;
        }
        let longest = runs[0].days.max(1);
        let texts: Vec<(String, String)> = (runs.iter().take(usize::from(inner.height)))
            .map(|run| {
                (
                    days_words(run.days),
                    super::week::span_text(run.start, run.end),
                )
            })
            .collect();
        let days_width = texts
            .iter()
            .map(|(length, _)| length.len())
            .max()
            .unwrap_or(0);
        let lines: Vec<Line> = (runs.iter().zip(&texts))
            .map(|(run, (length, span))| {
                let now = current > 0 && Some(run.end) == latest && run.days == current;
                let room = usize::from(inner.width).saturating_sub(days_width + 30);
                let bar = "█".repeat(
                    (room as f64 * f64::from(run.days) / f64::from(longest)).ceil() as usize,
                );
                let mut spans = vec![
                    Span::raw(format!("{length:>days_width$}  ")),
                    Span::styled(bar, theme.done),
                    Span::raw(format!(" {span}")),
                ];
                if now {
                    spans.push(Span::styled(" ← now", theme.title));
                }
                Line::from(spans)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    fn strength(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let range = self.app.detail.range;
        let today = self.app.today;
        // The axis spans the whole range, so a young habit's line starts
        // where its story does and not at the left edge.
        let (start, days) = match range.days() {
            Some(n) => {
                let from = today - Days::new(n - 1);
                (from, self.story.between(from, today))
            }
            None => {
                let first = self.story.days.first().map_or(today, |day| day.date);
                (first, &self.story.days[..])
            }
        };
        let points: Vec<(f64, f64)> = (days.iter())
            .map(|day| ((day.date - start).num_days() as f64, day.strength * 100.0))
            .collect();
        let span = (today - start).num_days();
        let format = if span < 180 { "%-d %b" } else { "%b %Y" };
        let mut labels: Vec<String> = [start, start + Days::new(span as u64 / 2), today]
            .iter()
            .map(|date| date.format(format).to_string())
            .collect();
        labels.dedup();
        if labels.len() == 1 {
            labels.insert(0, String::new());
        }
        let title = format!(" Strength, {} ", range.words());
        let chart = Chart::new(vec![
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.done)
                .data(&points),
        ])
        .block(self.block(title))
        .x_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, span.max(1) as f64])
                .labels(labels),
        )
        .y_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, 100.0])
                .labels(["0%", "50%", "100%"]),
        );
        chart.render(self.area, buf);
    }

    fn calendar(&self, buf: &mut Buffer) {
        let app = self.app;
        let block = self.block(format!(" {} ", app.detail.year));
        let inner = block.inner(self.area);
        block.render(self.area, buf);
        let Some(grid) = Grid::new(app, inner) else {
            return;
        };
        let (first, last) = (grid.first, grid.last);
        let days = self.story.between(first, last);
        let story_start = self.story.days.first().map_or(app.today, |day| day.date);
        let mut next_label_x = 0;
        for date in first.iter_days().take_while(|date| *date <= last) {
            let Some(at) = grid.cell_of(date) else {
                continue;
            };
            // A month is named over the week of its first day, or over the
            // first week drawn when the year's start is cut off.
            let starts = date.day() == 1 || (next_label_x == 0 && date.day() <= 7);
            if starts && at.x >= next_label_x && at.x + 3 <= inner.right() {
                let month = date.format("%b").to_string();
                buf.set_string(at.x, inner.y, month, app.theme.dim);
                next_label_x = at.x + 4;
            }
            let found = (days.first())
                .and_then(|d0| days.get(usize::try_from((date - d0.date).num_days()).ok()?));
            let (symbol, mut style) = match found {
                Some(day) => app.theme.mark(week::mark(
                    app.history.log.status(date, self.habit),
                    Some(day.verdict),
                    date,
                    app.today,
                    Some(story_start),
                )),
                None if date < app.today => (symbols::MARK_BEFORE, app.theme.dim),
                None => app.theme.mark(Mark::Upcoming),
            };
            if date == app.today {
                style = style.patch(app.theme.today_column);
            }
            buf.set_string(at.x, at.y, symbol, style);
        }
        for (row, day) in grid.weekdays().iter().enumerate() {
            let y = inner.y + 1 + row as u16;
            if row % 2 == 0 && y < inner.bottom() {
                let name: String = day.format("%a").to_string().chars().take(2).collect();
                buf.set_string(inner.x, y, name, app.theme.dim);
            }
        }
        if inner.height > 8 {
            let mut legend =
                super::week::legend(&app.theme, self.habit.schedule != Schedule::Daily);
            if self.story.days.first().is_some_and(|day| day.date > first) {
                let before = format!(" {}", symbols::MARK_BEFORE);
                legend.push_span(Span::styled(before, app.theme.dim));
                legend.push_span(" before it began");
            }
            let rows = Rect {
                y: inner.y + 8,
                height: inner.height - 8,
                ..inner
            };
            Paragraph::new(legend)
                .wrap(Wrap { trim: true })
                .render(rows, buf);
        }
    }

    fn weekdays(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let each = story::weekdays(&self.story.days);
        let order = date::week_days(date::week_start(
            self.app.today,
            self.app.settings.week_start,
        ));
        let bars: Vec<Bar> = order
            .iter()
            .map(|day| {
                let (done, due) = each[day.weekday().num_days_from_monday() as usize];
                let text = match percent(done, due) {
                    Some(p) => format!("{p}% ({done}/{due})"),
                    None => "none due".to_owned(),
                };
                Bar::new(u64::from(percent(done, due).unwrap_or(0)))
                    .label(day.format("%a").to_string())
                    .text_value(text)
                    .style(theme.done)
                    .value_style(theme.selected)
            })
            .collect();
        BarChart::horizontal(bars)
            .block(self.block(" Weekdays: share of due days done ".into()))
            .max(100)
            .bar_gap(0)
            .render(self.area, buf);
    }

    fn months(&self, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let year = self.app.detail.year;
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return;
        };
        let months = story::months(self.story.between(first, last));
        let block = self.block(match &self.habit.measure {
            Some(m) => format!(" {year}, each month in {} ", m.unit_for(2.0)),
            None => format!(" {year}, days done each month "),
        });
        // Twelve bars if each can be three columns wide, else the latest.
        let room = block.inner(self.area).width;
        let width = ((room + 1) / 12).saturating_sub(1).clamp(3, 5);
        let shown = usize::from((room + 1) / (width + 1)).min(12);
        let bars: Vec<Bar> = (months.iter().skip(months.len().saturating_sub(shown)))
            .map(|month| {
                let (value, text) = match &self.habit.measure {
                    Some(_) => (month.amount.round() as u64, short_amount(month.amount)),
                    None => (u64::from(month.done), month.done.to_string()),
                };
                let name = month
                    .month
                    .first_day()
                    .map_or(String::new(), |d| d.format("%b").to_string());
                Bar::new(value)
                    .label(name)
                    .text_value(text)
                    .style(theme.done)
                    .value_style(theme.selected)
            })
            .collect();
        BarChart::vertical(bars)
            .block(block)
            .bar_width(width)
            .bar_gap(1)
            .render(self.area, buf);
    }
}

/// An amount in three columns or so: "4.5", "368", "15k".
fn short_amount(amount: f64) -> String {
    match amount {
        a if a < 10.0 => format_amount((a * 10.0).round() / 10.0),
        a if a < 1000.0 => format!("{a:.0}"),
        a => format!("{:.0}k", a / 1000.0),
    }
}

fn days_words(days: u32) -> String {
    match days {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    }
}
