//! The main screen's panels, and the layouts its size allows: plain data,
//! for the state (which panel has the focus, which weeks show) and the
//! drawing alike.

use ratatui::layout::Rect;

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

#[cfg(test)]
mod tests {
    use super::*;

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
