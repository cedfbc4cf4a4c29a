//! Where things go on the main screen, for any size: drawing and the mouse
//! both ask here, so a click lands on what was drawn.

use chrono::NaiveDate;
use ratatui::layout::Constraint::{Length, Min};
use ratatui::layout::{Layout, Position, Rect};

use crate::app::App;
use crate::screen::{Panel, Tier};

/// The focused panel as a screen of this size shows it: a focus on a panel
/// the layout hides falls back to the checklist.
pub fn focus(app: &App, area: Rect) -> Panel {
    let panels = Tier::of(area).panels();
    if panels.contains(&app.focus) {
        app.focus
    } else {
        Panel::Checklist
    }
}

/// The main screen's parts; a panel this layout hides has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub coach: Option<Rect>,
    pub checklist: Option<Rect>,
    pub week: Option<Rect>,
    pub tips: Option<Rect>,
    pub footer: Rect,
}

pub fn areas(app: &App, area: Rect) -> Areas {
    let tier = Tier::of(area);
    // An error must be read whole, so the footer grows to fit it.
    let footer_height = match app.problem() {
        Some(error) => (error.chars().count() as u16 + 2)
            .div_ceil(area.width.max(1))
            .clamp(1, 3),
        None => 1,
    };
    if tier == Tier::Single {
        let [header, body, footer] = area.layout(&Layout::vertical([
            Length(1),
            Min(0),
            Length(footer_height),
        ]));
        let mut areas = Areas {
            header,
            footer,
            ..Areas::default()
        };
        match focus(app, area) {
            Panel::Checklist => areas.checklist = Some(body),
            Panel::Week => areas.week = Some(body),
            Panel::Tips => areas.tips = Some(body),
        }
        return areas;
    }
    // A long list scrolls rather than push the week off the screen.
    let checklist_height = (app.habits.len() as u16 + 2).min((area.height / 2).max(7));
    // The compact layout gives the coaching line's row to the week.
    let coach_height = u16::from(tier != Tier::Compact);
    let [header, coach, checklist, middle, footer] = area.layout(&Layout::vertical([
        Length(1),
        Length(coach_height),
        Length(checklist_height),
        Min(0),
        Length(footer_height),
    ]));
    let (week, tips) = if tier == Tier::Compact {
        (middle, None)
    } else {
        let week_width = super::week::WeekPanel::preferred_width(middle.width);
        let [week, tips] = middle.layout(&Layout::horizontal([Length(week_width), Min(0)]));
        (week, Some(tips))
    };
    Areas {
        header,
        coach: (coach_height > 0).then_some(coach),
        checklist: Some(checklist),
        week: Some(week),
        tips,
        footer,
    }
}

/// What a click at a point of the main screen lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A habit's checkbox (or its number) on the checklist.
    Checkbox(usize),
    /// The rest of a habit's row on the checklist.
    Habit(usize),
    /// A day's column in the week grid.
    Day(NaiveDate),
    /// Anywhere else in a panel.
    Panel(Panel),
}

pub fn hit(app: &App, area: Rect, column: u16, row: u16) -> Option<Hit> {
    if Tier::of(area) == Tier::TooSmall {
        return None;
    }
    let point = Position::new(column, row);
    let areas = areas(app, area);
    let inside = |panel: Option<Rect>| panel.filter(|rect| rect.contains(point));
    if let Some(rect) = inside(areas.checklist) {
        return Some(super::today::hit(app, rect, point).unwrap_or(Hit::Panel(Panel::Checklist)));
    }
    if let Some(rect) = inside(areas.week) {
        return Some(
            super::week::day_at(app, rect, point).map_or(Hit::Panel(Panel::Week), Hit::Day),
        );
    }
    inside(areas.tips).map(|_| Hit::Panel(Panel::Tips))
}
