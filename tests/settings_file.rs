//! `settings.ron`: a missing file or any field left out means the default,
//! what the file says is told from silence, and each mistake is named on
//! its line.

use std::path::Path;

use chrono::NaiveTime;
use gutbone::domain::settings::{Settings, ThemeName, WeekStart};
use gutbone::store::{StoreError, load_settings, parse_stated};

fn parse(text: &str) -> Result<Settings, StoreError> {
    parse_stated(text, Path::new("settings.ron")).map(|stated| stated.settings())
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
fn the_look_is_read_and_silence_is_told_from_a_default() {
    let path = Path::new("settings.ron");
    let stated = parse_stated(
        "(version: 1, theme: HighContrast, mouse: false, ascii: true)",
        path,
    )
    .unwrap();
    assert_eq!(stated.theme, Some(ThemeName::HighContrast));
    assert_eq!(stated.mouse, Some(false));
    assert_eq!(stated.ascii, Some(true));
    assert_eq!(stated.week_start, None);
    let stated = parse_stated("(version: 1, week_start: Monday)", path).unwrap();
    assert_eq!(stated.week_start, Some(WeekStart::Monday));
    assert_eq!(stated.theme, None);
    match parse_stated("(version: 1,\n theme: Pink)", path) {
        Err(StoreError::Parse {
            line: 2, message, ..
        }) => {
            assert!(message.contains("Pink"), "{message}");
        }
        other => panic!("{other:?}"),
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
