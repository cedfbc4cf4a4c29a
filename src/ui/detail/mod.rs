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

mod calendar;
mod cards;

use calendar::Grid;

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
