//! A month file as a person reads and edits it: one day a line, every
//! field round trips, and each kind of mistake is named where it stands.
//! The year files of the layout before months read as they always did.

use std::path::Path;

use chrono::NaiveDate;
use gutbone::domain::Entry;
use gutbone::domain::log::DayLog;
use gutbone::domain::{HabitId, Log, default_habits};
use gutbone::store::month::render_month;
use gutbone::store::{Month, StoreError, parse_month, parse_year};

type DaysRead = Vec<(NaiveDate, DayLog)>;

fn known() -> Vec<HabitId> {
    default_habits().into_iter().map(|h| h.id).collect()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const NOVEMBER: Month = Month {
    year: 2026,
    month: 11,
};

fn path() -> &'static Path {
    Path::new("2026/11.ron")
}

fn parse(text: &str) -> Result<DaysRead, StoreError> {
    parse_month(text, path(), NOVEMBER, &known())
}

fn render(log: &Log) -> String {
    render_month(log, NOVEMBER, &known(), path()).unwrap()
}

fn parse_err(text: &str) -> (usize, usize, String) {
    match parse(text) {
        Err(StoreError::Parse {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

/// A month file around `days`, a day a line.
fn file(days: &str) -> String {
    format!(
        "(\n    version: 3,\n    year: 2026,\n    month: 11,\n    days: {{\n{days}\n    }},\n)\n"
    )
}

#[test]
fn a_month_round_trips_one_day_per_line() {
    let mut log = Log::new();
    log.set_done(d("2026-11-21"), HabitId::new("sunlight"), true);
    log.set_done(d("2026-11-21"), HabitId::new("fermented-food"), true);
    log.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
    log.set_done(d("2026-10-31"), HabitId::new("stress-break"), true);
    log.set_done(d("2026-12-01"), HabitId::new("stress-break"), true);
    let text = render(&log);
    assert!(
        text.contains("        \"2026-11-21\": (done: [\"fermented-food\", \"sunlight\"]),\n"),
        "{text}"
    );
    assert!(
        text.contains("    version: 3,\n    year: 2026,\n    month: 11,\n"),
        "{text}"
    );
    assert!(text.starts_with("// gutbone: the habits you did each day of November 2026"));
    assert!(
        !text.contains("2026-10-31") && !text.contains("2026-12-01"),
        "{text}"
    );
    let days = parse(&text).unwrap();
    assert_eq!(days.len(), 2);
    assert_eq!(
        days[0],
        (d("2026-11-21"), log.day(d("2026-11-21")).unwrap().clone())
    );
}

#[test]
fn amounts_skips_and_notes_round_trip_and_are_written_only_when_present() {
    let mut log = Log::new();
    let walk = HabitId::new("weight-bearing-exercise");
    log.set_entry(d("2026-11-20"), &walk, Some(Entry::Amount(20.0)));
    log.set_entry(
        d("2026-11-20"),
        HabitId::new("prebiotic-fiber"),
        Some(Entry::Amount(2.5)),
    );
    log.set_entry(
        d("2026-11-21"),
        HabitId::new("sunlight"),
        Some(Entry::Skipped),
    );
    log.set_note(d("2026-11-22"), Some("said \"hi\" to the sun\nthen rain"));
    let text = render(&log);
    for line in [
        r#""2026-11-20": (amounts: {"prebiotic-fiber": 2.5, "weight-bearing-exercise": 20.0}),"#,
        r#""2026-11-21": (skipped: ["sunlight"]),"#,
        r#""2026-11-22": (note: "said \"hi\" to the sun\nthen rain"),"#,
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    let days = parse(&text).unwrap();
    assert_eq!(days.len(), 3);
    assert_eq!(days[2].1.note(), Some("said \"hi\" to the sun\nthen rain"));
    assert_eq!(days[0].1, *log.day(d("2026-11-20")).unwrap());
}

#[test]
fn a_year_file_from_before_months_reads_as_it_always_did() {
    let v1 = "(version: 1, year: 2026, days: {\"2026-11-22\": (done: [\"sunlight\"], skipped: [\"stress-break\"])})";
    let days = parse_year(v1, Path::new("2026.ron"), 2026, &known()).unwrap();
    assert_eq!(
        days[0].1.entry(&HabitId::new("sunlight")),
        Some(Entry::Done)
    );
    assert_eq!(
        days[0].1.entry(&HabitId::new("stress-break")),
        Some(Entry::Skipped)
    );
    let v2 = "(version: 2, year: 2026, days: {\"2026-01-02\": (amounts: {\"sunlight\": 5.0})})";
    assert_eq!(
        parse_year(v2, Path::new("2026.ron"), 2026, &known())
            .unwrap()
            .len(),
        1
    );
    let wrong = "(version: 2, year: 2026, days: {\"2025-12-31\": (done: [])})";
    let err = parse_year(wrong, Path::new("2026.ron"), 2026, &known()).unwrap_err();
    assert!(err.to_string().contains("it belongs in 2025.ron"), "{err}");
}

#[test]
fn impossible_amounts_and_entries_are_refused_where_they_stand() {
    let day = |record: &str| {
        file(&format!(
            "        \"2026-11-01\": (done: []),\n        \"2026-11-02\": {record},"
        ))
    };
    for (record, expected) in [
        (r#"(amounts: {"sunlight": -5})"#, "is -5"),
        (r#"(amounts: {"sunlight": 0})"#, "is 0"),
        (r#"(amounts: {"sunlight": NaN})"#, "is NaN"),
        (r#"(amounts: {"sunlight": 10001})"#, "at most 10000"),
        (
            r#"(done: ["sunlight"], amounts: {"sunlight": 5})"#,
            "both done and given an amount",
        ),
        (
            r#"(skipped: ["sunlight"], amounts: {"sunlight": 5})"#,
            "both skipped and given an amount",
        ),
        (
            r#"(done: ["sunlight"], skipped: ["sunlight"])"#,
            "both done and skipped",
        ),
        (r#"(amounts: {"moonlight": 5})"#, "is not a habit"),
        (r#"(amounts: {"sunlight": "lots"})"#, "Expected"),
        (
            r#"(amounts: {"sunlight": 5, "sunlight": 10})"#,
            "\"sunlight\" appears twice",
        ),
    ] {
        let (line, _, message) = parse_err(&day(record));
        assert!(message.contains(expected), "{record}: {message}");
        assert_eq!(line, 7, "{record}: {message}");
    }
}

#[test]
fn mistakes_are_located_and_named() {
    let (line, _, message) = parse_err(&file("        \"2026-11-21\": (done: [\"sunlight\"],"));
    assert_eq!(line, 7, "a syntax error: {message}");
    let (line, _, message) = parse_err(&file("        \"2026-11-31\": (done: []),"));
    assert_eq!(line, 6);
    assert!(
        message.contains("\"2026-11-31\" is not a date"),
        "{message}"
    );
    let (_, _, message) = parse_err(&file(
        "        \"2026-11-21\": (),\n        \"2026-11-21\": (),",
    ));
    assert!(message.contains("appears twice"), "{message}");
    let (line, _, message) = parse_err(&file("        \"2026-11-21\": (don: []),"));
    assert_eq!(line, 6);
    assert!(
        message.contains("`don`") && message.contains("did you mean `done`"),
        "{message}"
    );
    let (line, column, message) =
        parse_err(&file("        \"2026-11-21\": (done: [\"sunlite\"]),"));
    assert_eq!((line, column), (6, 31), "the opening quote of the id");
    assert!(
        message.contains("the habits are: fermented-food"),
        "{message}"
    );
    let (_, _, message) = parse_err(&file("        \"2026-12-01\": (),"));
    assert!(message.contains("it belongs in 2026/12.ron"), "{message}");
    let (_, _, message) = parse_err(&file("").replace("month: 11", "month: 10"));
    assert!(message.contains("named for 2026-11"), "{message}");
}

#[test]
fn a_file_from_a_newer_gutbone_is_refused_as_newer() {
    for text in [
        "(version: 999, year: 2026, month: 11, future_field: 3, days: {})",
        "(version: 4, year: 2026, month: 11, days: {})",
    ] {
        assert!(
            matches!(parse(text), Err(StoreError::NewerVersion { .. })),
            "{text}"
        );
    }
}

#[test]
fn empty_and_truncated_files_are_parse_errors() {
    parse_err("");
    parse_err("(version: 3, year: 2026, month: 11, days: {\"2026-11-21\": (done: [\"sunl");
}

#[test]
fn months_are_named_and_ordered_as_the_calendar_has_them() {
    let m = Month::of(d("2026-02-14"));
    assert_eq!(m.to_string(), "2026-02");
    assert_eq!(m.days(), Some(d("2026-02-01")..=d("2026-02-28")));
    assert!(Month::of(d("2025-12-31")) < Month::of(d("2026-01-01")));
}
