//! `settings.ron`: the person's choices, read from the config directory.
//!
//! ```ron
//! (
//!     version: 1,
//!     week_start: Sunday,      // Monday (default) or Sunday
//!     day_starts_at: "04:00",  // when a new day begins (default "00:00")
//!     theme: Light,            // Dark (default), Light or HighContrast
//!     mouse: false,            // clicks and the wheel (default true)
//!     ascii: true,             // ASCII marks and lines (default: by locale)
//!     sync: Auto,              // Manual (default) or Auto: see `gutbone sync`
//! )
//! ```
//!
//! Every field may be left out. The file is only read, never written;
//! `gutbone config` prints one with every setting, its value and its source.

use std::path::Path;

use chrono::NaiveTime;
use serde::Deserialize;

use super::{StoreError, parse_ron};
use crate::domain::settings::{Settings, SyncMode, ThemeName, WeekStart};

const VERSION: u32 = 1;

fn version() -> u32 {
    VERSION
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    // Optional like every other line: a file without it is this version.
    #[serde(default = "version")]
    version: u32,
    // Written plainly (`theme: Light`), read as "said or not" (see
    // `ron_options`).
    #[serde(default)]
    week_start: Option<WeekStart>,
    #[serde(default)]
    day_starts_at: Option<String>,
    #[serde(default)]
    theme: Option<ThemeName>,
    #[serde(default)]
    mouse: Option<bool>,
    #[serde(default)]
    ascii: Option<bool>,
    #[serde(default)]
    sync: Option<SyncMode>,
}

/// What `settings.ron` says, field by field: `None` where it is silent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stated {
    pub week_start: Option<WeekStart>,
    pub day_starts_at: Option<NaiveTime>,
    pub theme: Option<ThemeName>,
    pub mouse: Option<bool>,
    pub ascii: Option<bool>,
    pub sync: Option<SyncMode>,
}

impl Stated {
    /// The counting settings, defaults where the file is silent.
    pub fn settings(&self) -> Settings {
        let default = Settings::default();
        Settings {
            week_start: self.week_start.unwrap_or(default.week_start),
            day_starts_at: self.day_starts_at.unwrap_or(default.day_starts_at),
        }
    }
}

/// Reads `path`; a missing file means every default.
pub fn load_settings(path: &Path) -> Result<Settings, StoreError> {
    load_stated(path).map(|stated| stated.settings())
}

/// Reads `path` field by field; a missing file says nothing.
pub fn load_stated(path: &Path) -> Result<Stated, StoreError> {
    match super::read_optional_text(path)? {
        Some(text) => parse_stated(&text, path),
        None => Ok(Stated::default()),
    }
}

pub fn parse_stated(text: &str, path: &Path) -> Result<Stated, StoreError> {
    // A file of nothing but comments and blank lines says nothing.
    let silent = text
        .lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with("//"));
    if silent {
        return Ok(Stated::default());
    }
    let file: SettingsFile = parse_ron(text, path, VERSION, |file: &SettingsFile| file.version)?;
    let day_starts_at = file
        .day_starts_at
        .map(|time| {
            NaiveTime::parse_from_str(&time, "%H:%M").map_err(|_| {
                let quoted = format!("\"{time}\"");
                StoreError::at(
                    path,
                    text,
                    &quoted,
                    format!("day_starts_at {quoted} is not a time of day like \"04:00\""),
                )
            })
        })
        .transpose()?;
    Ok(Stated {
        week_start: file.week_start,
        day_starts_at,
        theme: file.theme,
        mouse: file.mouse,
        ascii: file.ascii,
        sync: file.sync,
    })
}
