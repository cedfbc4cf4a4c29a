//! Every loader, fed arbitrary text and mutated valid files: always a value
//! or a located error, never a panic. (The fuzz targets in `fuzz/` push the
//! same parsers much further; this keeps a quick guard in `cargo test`.)

use std::path::Path;

use proptest::prelude::*;

use super::{StoreError, format, habits, parse_settings, year_lines};
use crate::coach::Tips;
use crate::domain::{HabitId, default_habits};

const YEAR: &str = r#"(
    version: 2,
    year: 2026,
    days: {
        "2026-11-19": (done: ["fermented-food"], skipped: ["sunlight"], note: "travel"),
        "2026-11-22": (amounts: {"prebiotic-fiber": 2.0, "weight-bearing-exercise": 20.0}),
    },
)"#;

const HABITS: &str = r#"(version: 1, habits: [
    (id: "walk", name: "Walk", kind: Measured, unit: "min", step: 5.0, target: 30.0),
    (id: "floss", name: "Floss", kind: Check, archived: true, since: "2026-11-22"),
])"#;

const SETTINGS: &str = r#"(version: 1, week_start: Sunday, day_starts_at: "04:00")"#;

const TIPS: &str =
    r#"(version: 1, tips: [(id: "mine", habits: ["sunlight"], source: "kefir", text: "Go out.")])"#;

fn ids() -> Vec<HabitId> {
    default_habits().into_iter().map(|h| h.id).collect()
}

/// A valid file with one stretch replaced by arbitrary text.
fn mutated(valid: &'static str) -> impl Strategy<Value = String> {
    (0..valid.len(), 0..12usize, ".{0,6}").prop_map(move |(at, len, insert)| {
        let start = floor_char_boundary(valid, at);
        let end = floor_char_boundary(valid, (start + len).min(valid.len()));
        format!("{}{insert}{}", &valid[..start], &valid[end..])
    })
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A parse error must point inside the text (or just past its end).
fn located(result: Result<(), StoreError>, text: &str) -> Result<(), TestCaseError> {
    if let Err(StoreError::Parse { line, column, .. }) = result {
        prop_assert!(line >= 1 && column >= 1);
        prop_assert!(
            line <= text.lines().count().max(1) + 1,
            "line {line} of {text:?}"
        );
    }
    Ok(())
}

fn all_loaders(text: &str) -> Result<(), TestCaseError> {
    let path = Path::new("x.ron");
    located(
        format::parse_year(text, path, 2026, &ids()).map(|_| ()),
        text,
    )?;
    located(habits::parse_habits(text, path).map(|_| ()), text)?;
    located(parse_settings(text, path).map(|_| ()), text)?;
    let _ = Tips::builtin().add_user(text, &ids());
    Ok(())
}

/// A year of generated history as gutbone writes it, notes with quotes
/// and all: the layout the quick reader takes.
fn rendered(seed: u64) -> String {
    let habits = default_habits();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let mut log = crate::generate::history(&habits, 1, today, seed);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
    log.set_note(day, Some(r#"a "quoted" \ note"#));
    format::render_year(&log, 2026, &ids(), Path::new("2026.ron")).unwrap()
}

fn rendered_once() -> &'static str {
    static TEXT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| rendered(1));
    &TEXT
}

/// Whatever the quick reader accepts, the full parser reads the same.
fn readers_agree(text: &str) -> Result<(), TestCaseError> {
    if let Some(quick) = year_lines::parse(text, 2026, &ids()) {
        let full = format::parse_year_fully(text, Path::new("x.ron"), 2026, &ids());
        prop_assert_eq!(Some(quick), full.ok());
    }
    Ok(())
}

proptest! {
    // Each case renders and reads a whole year: fewer of them.
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_quick_reader_takes_every_file_gutbone_writes(seed in any::<u64>()) {
        let text = rendered(seed);
        prop_assert!(year_lines::parse(&text, 2026, &ids()).is_some());
        readers_agree(&text)?;
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_quick_reader_never_disagrees_with_the_full_one(
        text in (0..rendered_once().len(), 0..12usize, ".{0,6}").prop_map(|(at, len, insert)| {
            let valid = rendered_once();
            let start = floor_char_boundary(valid, at);
            let end = floor_char_boundary(valid, (start + len).min(valid.len()));
            format!("{}{insert}{}", &valid[..start], &valid[end..])
        })
    ) {
        readers_agree(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics_a_loader(text in ".{0,200}") {
        all_loaders(&text)?;
    }

    #[test]
    fn mutated_year_files_never_panic(text in mutated(YEAR)) {
        all_loaders(&text)?;
    }

    #[test]
    fn mutated_habit_files_never_panic(text in mutated(HABITS)) {
        all_loaders(&text)?;
    }

    #[test]
    fn mutated_settings_and_tips_never_panic(a in mutated(SETTINGS), b in mutated(TIPS)) {
        all_loaders(&a)?;
        all_loaders(&b)?;
    }
}

#[test]
fn the_unmutated_files_load() {
    let path = Path::new("x.ron");
    format::parse_year(YEAR, path, 2026, &ids()).unwrap();
    habits::parse_habits(HABITS, path).unwrap();
    parse_settings(SETTINGS, path).unwrap();
    Tips::builtin().add_user(TIPS, &ids()).unwrap();
}

/// Days of 2026 with any entries, amounts and notes (quotes, backslashes,
/// control characters and all).
fn any_year() -> impl Strategy<Value = crate::domain::Log> {
    use crate::domain::{Entry, Log};
    let entry = prop_oneof![
        Just(None),
        Just(Some(Entry::Done)),
        Just(Some(Entry::Skipped)),
        (1e-6..10_000.0f64).prop_map(|amount| Some(Entry::Amount(amount))),
        Just(Some(Entry::Amount(0.5))),
        // Whole amounts, as most are: the writer has a shortcut for them.
        (1..=10_000u32).prop_map(|amount| Some(Entry::Amount(f64::from(amount)))),
    ];
    // Plain ASCII (quotes and backslashes among it) takes the writer's
    // shortcut; anything else is escaped character by character.
    let note = prop_oneof![".{0,12}", "[ -~]{0,12}"];
    let day = (
        0..365u64,
        prop::collection::vec(entry, 5),
        prop::option::of(note),
    );
    prop::collection::vec(day, 0..40).prop_map(|days| {
        let ids = ids();
        let mut log = Log::new();
        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for (offset, entries, note) in days {
            let date = start + chrono::Days::new(offset);
            for (id, entry) in ids.iter().zip(entries) {
                log.set_entry(date, id, entry);
            }
            log.set_note(date, note.as_deref());
        }
        log
    })
}

proptest! {
    #[test]
    fn the_direct_writer_writes_what_serde_and_ron_write(log in any_year()) {
        prop_assert_eq!(
            year_lines::write(log.days_in(..), 2026),
            format::body_through_serde(log.days_in(..), 2026)
        );
    }
}

proptest! {
    /// Split at any day of the year, the lines from `offset_of` on read as
    /// the days from then, and the lines before hold the days before. (A
    /// year with no days is written on one line, `days: {},`, and read the
    /// full way: see below.)
    #[test]
    fn a_year_file_read_from_any_day_gives_the_days_from_then(
        log in any_year().prop_filter("a day logged", |log| log.days_in(..).next().is_some()),
        from in 0..365u64,
        crlf in any::<bool>(),
    ) {
        let text = format::render_year(&log, 2026, &ids(), Path::new("2026.ron")).unwrap();
        let text = if crlf { text.replace('\n', "\r\n") } else { text };
        let from = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(from);
        let offset = year_lines::offset_of(&text, 2026, from);
        prop_assert!(offset.is_some(), "{}", text);
        let offset = offset.unwrap();
        let expected: Vec<_> = log.days_in(from..).map(|(date, day)| (date, day.clone())).collect();
        // What the quick reader leaves to the full one (escapes in a note),
        // it leaves in part of a file too.
        let whole = year_lines::parse(&text, 2026, &ids());
        let tail = year_lines::parse_from(&text, offset, 2026, &ids());
        prop_assert!(whole.is_none() || tail.is_some());
        if let Some(tail) = tail {
            prop_assert_eq!(tail, expected);
        }
        let day_lines = text[..offset].lines().filter(|line| line.starts_with("        \"")).count();
        prop_assert_eq!(day_lines, log.days_in(..from).count());
    }
}

#[test]
fn a_year_file_in_another_layout_has_no_offset() {
    let from = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    assert_eq!(
        year_lines::offset_of(YEAR, 2026, from),
        YEAR.find("        \"2026-11-22\"")
    );
    let commented = format!("// mine\n{YEAR}");
    assert_eq!(
        year_lines::offset_of(&commented, 2026, from),
        commented.find("        \"2026-11-22\"")
    );
    let late = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(year_lines::offset_of(YEAR, 2026, late), YEAR.find("    },"));
    for other in [
        YEAR.replacen("(\n    version", "(version", 1),
        YEAR.replacen("        \"2026-11-19\"", "  \"2026-11-19\"", 1),
        YEAR.replacen("    year: 2026", "    year: 2025", 1),
    ] {
        assert_eq!(year_lines::offset_of(&other, 2026, late), None, "{other}");
    }
    assert_eq!(
        year_lines::offset_of(YEAR, 2025, from),
        None,
        "another year"
    );
    let empty =
        format::render_year(&crate::domain::Log::new(), 2026, &ids(), Path::new("x")).unwrap();
    assert_eq!(year_lines::offset_of(&empty, 2026, from), None, "{empty}");
}
