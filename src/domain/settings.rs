//! The person's choices: how days and weeks are counted, and how the screen
//! looks.

use chrono::NaiveTime;
use serde::Deserialize;

/// When the app syncs with the git remote (`gutbone sync init`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum SyncMode {
    /// Only when asked: `gutbone sync`, or a command's `--sync`.
    #[default]
    Manual,
    /// In the background after the first frame, and once more on quit.
    Auto,
}

/// The palettes a person can choose (`settings.ron`, `--theme`).
/// In `settings.ron` they are written `Dark`, `Light`, `HighContrast`; on
/// the command line `dark`, `light`, `high-contrast`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    /// Each as the command line writes it.
    pub const ALL: [(&'static str, ThemeName); 3] = [
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("high-contrast", ThemeName::HighContrast),
    ];
}

/// Written `Monday` or `Sunday` in `settings.ron`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub week_start: WeekStart,
    /// When a new habit day begins. With 04:00, 01:30 on Tuesday still
    /// belongs to Monday: a late night counts toward the day it started in.
    pub day_starts_at: NaiveTime,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            week_start: WeekStart::Monday,
            day_starts_at: NaiveTime::MIN,
        }
    }
}
