//! Where things go on the main screen, for any size: drawing and the mouse
//! both ask here, so a click lands on what was drawn.

use chrono::NaiveDate;
use ratatui::layout::{Position, Rect};

use crate::app::App;

/// The panels of the main screen, in focus order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Checklist,
    Week,
    Tips,
}

/// How much fits: the layout chosen for a screen size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// 120 columns and more (and 24 rows): the week panel also shows the
    /// weeks before, when it is tall enough for them (31 rows with five
    /// habits).
    Wide,
    /// 80×24 and more: checklist, week and tips.
    Full,
    /// 60×18 up to 80×24: checklist and week; the tips wait for more room.
    Compact,
    /// Smaller still: one panel at a time, Tab to switch.
    Single,
    /// Too small for anything useful.
    TooSmall,
}

pub const SINGLE_MIN: (u16, u16) = (30, 8);

impl Tier {
    pub fn of(area: Rect) -> Self {
        let (width, height) = (area.width, area.height);
        if width < SINGLE_MIN.0 || height < SINGLE_MIN.1 {
            Self::TooSmall
        } else if width >= 120 && height >= 24 {
            Self::Wide
        } else if width >= 80 && height >= 24 {
            Self::Full
        } else if width >= 60 && height >= 18 {
            Self::Compact
        } else {
            Self::Single
        }
    }

    /// The panels focus moves between.
    pub fn panels(self) -> &'static [Panel] {
        match self {
            Self::Compact => &[Panel::Checklist, Panel::Week],
            _ => &[Panel::Checklist, Panel::Week, Panel::Tips],
        }
    }
}

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
        let [header, body, footer] = strips(area, Axis::Rows, [1, 0, footer_height], 1);
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
    let [header, coach, checklist, middle, footer] = strips(
        area,
        Axis::Rows,
        [1, coach_height, checklist_height, 0, footer_height],
        3,
    );
    let (week, tips) = if tier == Tier::Compact {
        (middle, None)
    } else {
        let week_width = super::week::WeekPanel::preferred_width(middle.width);
        let [week, tips] = strips(middle, Axis::Columns, [week_width, 0], 1);
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Axis {
    Rows,
    Columns,
}

/// Cuts `area` into strips of the given sizes, top to bottom or left to
/// right; the strip at `rest` takes what the others leave (its own size is
/// ignored), and a strip that no longer fits is cut short. For fixed sizes
/// and one strip taking the rest this is what ratatui's `Layout` gives
/// (a test holds them to it), without its constraint solver, which costs a
/// tenth of a millisecond on the first frame.
fn strips<const N: usize>(area: Rect, axis: Axis, sizes: [u16; N], rest: usize) -> [Rect; N] {
    let total = match axis {
        Axis::Rows => area.height,
        Axis::Columns => area.width,
    };
    let fixed: u16 = sizes
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != rest)
        .fold(0u16, |sum, (_, &size)| sum.saturating_add(size));
    let mut cut = [Rect::default(); N];
    let mut at = 0u16;
    for (i, strip) in cut.iter_mut().enumerate() {
        let wanted = if i == rest {
            total.saturating_sub(fixed)
        } else {
            sizes[i]
        };
        let size = wanted.min(total - at);
        *strip = match axis {
            Axis::Rows => Rect::new(area.x, area.y + at, area.width, size),
            Axis::Columns => Rect::new(area.x + at, area.y, size, area.height),
        };
        at += size;
    }
    cut
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::{Constraint, Layout};

    proptest! {
        /// Where the fixed strips fit, the cut is the one ratatui's solver makes.
        #[test]
        fn strips_match_ratatuis_layout(
            (x, y, width, height) in (0u16..50, 0u16..50, 1u16..300, 1u16..100),
            sizes in proptest::collection::vec(0u16..40, 1..6),
            rest_at in any::<proptest::sample::Index>(),
            rows in any::<bool>(),
        ) {
            let area = Rect::new(x, y, width, height);
            let total = if rows { height } else { width };
            let rest = rest_at.index(sizes.len());
            let fixed: u16 = sizes.iter().enumerate().filter(|&(i, _)| i != rest).map(|(_, s)| s).sum();
            prop_assume!(fixed <= total);
            let constraints = sizes.iter().enumerate().map(|(i, &s)| {
                if i == rest { Constraint::Min(0) } else { Constraint::Length(s) }
            });
            let layout = if rows { Layout::vertical(constraints) } else { Layout::horizontal(constraints) };
            let axis = if rows { Axis::Rows } else { Axis::Columns };
            let theirs = layout.split(area).to_vec();
            let ours: Vec<Rect> = match sizes.len() {
                1 => strips(area, axis, [sizes[0]], rest).to_vec(),
                2 => strips(area, axis, [sizes[0], sizes[1]], rest).to_vec(),
                3 => strips(area, axis, [sizes[0], sizes[1], sizes[2]], rest).to_vec(),
                4 => strips(area, axis, [sizes[0], sizes[1], sizes[2], sizes[3]], rest).to_vec(),
                _ => strips(area, axis, [sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]], rest).to_vec(),
            };
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn strips_that_do_not_fit_are_cut_short() {
        let area = Rect::new(2, 3, 20, 10);
        assert_eq!(
            strips(area, Axis::Rows, [4, 5, 8], 1),
            [
                Rect::new(2, 3, 20, 4),
                Rect::new(2, 7, 20, 0),
                Rect::new(2, 7, 20, 6),
            ]
        );
        assert_eq!(
            strips(area, Axis::Columns, [15, 0], 1),
            [Rect::new(2, 3, 15, 10), Rect::new(17, 3, 5, 10)]
        );
    }

    #[test]
    fn tiers_follow_the_size() {
        let tier = |w, h| Tier::of(Rect::new(0, 0, w, h));
        assert_eq!(tier(200, 60), Tier::Wide);
        assert_eq!(tier(120, 40), Tier::Wide);
        assert_eq!(tier(120, 23), Tier::Compact);
        assert_eq!(tier(80, 24), Tier::Full);
        assert_eq!(tier(119, 24), Tier::Full);
        assert_eq!(tier(79, 24), Tier::Compact);
        assert_eq!(tier(60, 18), Tier::Compact);
        assert_eq!(tier(59, 18), Tier::Single);
        assert_eq!(tier(60, 17), Tier::Single);
        assert_eq!(tier(40, 12), Tier::Single);
        assert_eq!(tier(30, 8), Tier::Single);
        assert_eq!(tier(29, 8), Tier::TooSmall);
        assert_eq!(tier(30, 7), Tier::TooSmall);
    }
}
