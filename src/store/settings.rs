//! `settings.ron`: the person's choices, read from the config directory.
//!
//! ```ron
//! (
//!     version: 1,
//!     week_start: Sunday,      // Monday (default) or Sunday
//!     day_starts_at: "04:00",  // when a new day begins (default "00:00")
//! )
//! ```
//!
//! Every field may be left out. The file is only read, never written.

use std::fs;
use std::io;
use std::path::Path;

use chrono::NaiveTime;
use serde::Deserialize;

use super::{StoreError, parse_ron};
use crate::domain::settings::{Settings, WeekStart};
use crate::position::locate;

const VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    version: u32,
    // Plain fields with defaults, not Options: RON would want `Some(..)`.
    #[serde(default)]
    week_start: WeekStartName,
    #[serde(default = "midnight")]
    day_starts_at: String,
}

#[derive(Default, Deserialize)]
enum WeekStartName {
    #[default]
    Monday,
    Sunday,
}

fn midnight() -> String {
    "00:00".into()
}

/// Reads `path`; a missing file means every default.
pub fn load_settings(path: &Path) -> Result<Settings, StoreError> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Settings::default()),
        Err(err) => return Err(StoreError::io("read", path, err)),
    };
    parse_settings(&text, path)
}

pub fn parse_settings(text: &str, path: &Path) -> Result<Settings, StoreError> {
    let file: SettingsFile = parse_ron(text, path, VERSION, |file: &SettingsFile| file.version)?;
    let week_start = match file.week_start {
        WeekStartName::Monday => WeekStart::Monday,
        WeekStartName::Sunday => WeekStart::Sunday,
    };
    let time = file.day_starts_at;
    let day_starts_at = NaiveTime::parse_from_str(&time, "%H:%M").map_err(|_| {
        let quoted = format!("\"{time}\"");
        let (line, column) = locate(text, &quoted);
        StoreError::parse(
            path,
            line,
            column,
            format!("day_starts_at {quoted} is not a time of day like \"04:00\""),
        )
    })?;
    let settings = Settings {
        week_start,
        day_starts_at,
    };
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Settings, StoreError> {
        parse_settings(text, Path::new("settings.ron"))
    }

    #[test]
    fn a_missing_file_means_the_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let settings = load_settings(&tmp.path().join("settings.ron")).unwrap();
        assert_eq!(settings, Settings::default());
    }

    #[test]
    fn every_field_may_be_left_out() {
        assert_eq!(parse("(version: 1)").unwrap(), Settings::default());
    }

    #[test]
    fn both_settings_are_read() {
        let settings = parse("(version: 1, week_start: Sunday, day_starts_at: \"04:00\")").unwrap();
        assert_eq!(settings.week_start, WeekStart::Sunday);
        assert_eq!(
            settings.day_starts_at,
            NaiveTime::from_hms_opt(4, 0, 0).unwrap()
        );
    }

    #[test]
    fn mistakes_are_located() {
        for (text, line, needle) in [
            ("(version: 1,\n week_start: Munday)", 2, "Munday"),
            ("(version: 1,\n day_starts_at: \"25:00\")", 2, "25:00"),
            ("(version: 1,\n weekstart: Sunday)", 2, "weekstart"),
        ] {
            match parse(text) {
                Err(StoreError::Parse {
                    line: l, message, ..
                }) => {
                    assert_eq!(l, line, "{text}: {message}");
                    assert!(message.contains(needle), "{text}: {message}");
                }
                other => panic!("{text}: expected a parse error, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_newer_settings_file_is_refused() {
        assert!(matches!(
            parse("(version: 7)"),
            Err(StoreError::NewerVersion { .. })
        ));
        // Even with a setting this build does not know.
        assert!(matches!(
            parse("(version: 7, theme: Dark)"),
            Err(StoreError::NewerVersion { found: 7, .. })
        ));
    }

    #[test]
    fn version_0_is_refused_where_it_stands() {
        match parse("(\n  version: 0)") {
            Err(StoreError::Parse { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("version 0 does not exist"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
