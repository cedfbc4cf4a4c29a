//! The on-disk shape of a year of the log, and how it is read and written.
//!
//! A year file is RON a person can read and edit:
//!
//! ```ron
//! (
//!     version: 1,
//!     year: 2026,
//!     days: {
//!         "2026-11-21": (done: ["fermented-food", "sunlight"]),
//!         "2026-11-22": (done: ["sunlight"], amounts: {"prebiotic-fiber": 2.0}, skipped: ["stress-break"]),
//!     },
//! )
//! ```
//!
//! These persisted types are kept apart from the domain's so the file format
//! changes only on purpose, with a new `version`. Version 2 added `amounts`;
//! a version 1 file reads as a version 2 file without them.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::StoreError;
use crate::domain::habit::MAX_AMOUNT;
use crate::domain::log::{DayLog, Entry};
use crate::domain::{HabitId, Log};
use crate::position::{line_and_column, locate};

/// The newest file version this build writes and reads.
pub const VERSION: u32 = 2;

// Files are written by `year_lines::write`; serde writes them only in the
// tests, as the yardstick that writer must match.
#[derive(Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
struct YearFile {
    version: u32,
    year: i32,
    days: Days,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
struct DayRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    done: Vec<HabitId>,
    /// Measured habits: how much was done (a met target is written here
    /// too, so a later change of target does not rewrite history).
    /// Left out when empty, like the fields below, so most days stay one
    /// short line.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    amounts: UniqueMap<HabitId, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    skipped: Vec<HabitId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

/// A date written as `"YYYY-MM-DD"`, with an error that says so.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct DateKey(NaiveDate);

#[cfg(test)]
impl serde::Serialize for DateKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for DateKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(DateKey)
            .map_err(|_| {
                de::Error::custom(format!(
                    "\"{text}\" is not a date; dates are written \"YYYY-MM-DD\", e.g. \"2026-11-22\""
                ))
            })
    }
}

impl fmt::Display for DateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

type Days = UniqueMap<DateKey, DayRecord>;

/// A map that, unlike a plain one, refuses a key written twice: silently
/// keeping one of the two would lose the other.
#[cfg_attr(test, derive(serde::Serialize), serde(transparent))]
struct UniqueMap<K: Ord, V>(BTreeMap<K, V>);

impl<K: Ord, V> Default for UniqueMap<K, V> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

#[cfg(test)]
impl<K: Ord, V> UniqueMap<K, V> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Ord + fmt::Display + Deserialize<'de>,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct UniqueVisitor<K, V>(std::marker::PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for UniqueVisitor<K, V>
        where
            K: Ord + fmt::Display + Deserialize<'de>,
            V: Deserialize<'de>,
        {
            type Value = UniqueMap<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map, e.g. { \"2026-11-22\": (done: []) }")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = BTreeMap::new();
                while let Some(key) = map.next_key::<K>()? {
                    if entries.contains_key(&key) {
                        return Err(de::Error::custom(format!(
                            "\"{key}\" appears twice; merge the two entries into one"
                        )));
                    }
                    let value = map.next_value()?;
                    entries.insert(key, value);
                }
                Ok(UniqueMap(entries))
            }
        }

        deserializer.deserialize_map(UniqueVisitor(std::marker::PhantomData))
    }
}

/// Reads a year file's text. `year` is the year its name promises and `known`
/// the habit ids a day may list; anything else is reported where it stands.
pub fn parse_year(
    text: &str,
    path: &Path,
    year: i32,
    known: &[HabitId],
) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
    match super::year_lines::parse(text, year, known) {
        Some(days) => Ok(days),
        None => parse_year_fully(text, path, year, known),
    }
}

/// `parse_year` the slow way, through serde: any layout RON allows, and
/// every mistake reported where it stands.
pub(super) fn parse_year_fully(
    text: &str,
    path: &Path,
    year: i32,
    known: &[HabitId],
) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
    let file: YearFile = super::parse_ron(text, path, VERSION, |file: &YearFile| file.version)?;
    let at = |needle: &str, message: String| {
        let (line, column) = locate(text, needle);
        StoreError::parse(path, line, column, message)
    };
    let file = migrate(file);
    if file.year != year {
        return Err(at(
            "year",
            format!(
                "this file is named for {year} but says `year: {}`",
                file.year
            ),
        ));
    }
    let mut days = Vec::with_capacity(file.days.0.len());
    for (DateKey(date), record) in file.days.0 {
        if date.year() != year {
            return Err(at(
                &format!("\"{date}\""),
                format!("{date} is not in {year}; it belongs in {}.ron", date.year()),
            ));
        }
        let listed = record
            .done
            .iter()
            .chain(&record.skipped)
            .chain(record.amounts.0.keys());
        if let Some(unknown) = listed.clone().find(|id| !known.contains(id)) {
            let names: Vec<_> = known.iter().map(HabitId::as_str).collect();
            return Err(at(
                &format!("\"{unknown}\""),
                format!(
                    "\"{unknown}\" (on {date}) is not a habit; the habits are: {}. \
                     If it was removed from habits.ron, put it back with `archived: true` \
                     to keep its history",
                    names.join(", ")
                ),
            ));
        }
        let twice = |a: &[HabitId], b: &[&HabitId]| a.iter().find(|id| b.contains(id)).cloned();
        let amounts: Vec<&HabitId> = record.amounts.0.keys().collect();
        let done: Vec<&HabitId> = record.done.iter().collect();
        for (both, what) in [
            (twice(&record.skipped, &done), "done and skipped"),
            (
                twice(&record.skipped, &amounts),
                "skipped and given an amount",
            ),
            (twice(&record.done, &amounts), "done and given an amount"),
        ] {
            if let Some(both) = both {
                return Err(at(
                    &format!("\"{date}\""),
                    format!("\"{both}\" is both {what} on {date}; keep one"),
                ));
            }
        }
        if let Some((habit, amount)) = record
            .amounts
            .0
            .iter()
            .find(|(_, amount)| !(**amount > 0.0 && **amount <= MAX_AMOUNT))
        {
            return Err(at(
                &format!("\"{date}\""),
                format!(
                    "the amount of \"{habit}\" on {date} is {amount}; an amount is a number above 0 \
                     and at most {MAX_AMOUNT} (leave a habit out for nothing done)"
                ),
            ));
        }
        let mut day = DayLog::default();
        for habit in &record.done {
            day.set(habit, Some(Entry::Done));
        }
        for habit in &record.skipped {
            day.set(habit, Some(Entry::Skipped));
        }
        for (habit, amount) in &record.amounts.0 {
            day.set(habit, Some(Entry::Amount(*amount)));
        }
        day.set_note(Some(&record.note));
        days.push((date, day));
    }
    Ok(days)
}

/// One day's record read without parsing the rest of the year, when the
/// file is laid out as gutbone writes it: the current version, and the date
/// on exactly one line. `Some(None)`: nothing is logged that day (its date
/// appears nowhere). `None`: the whole file must be read instead, also when
/// the line has a mistake, so that the full read reports it where it stands.
pub fn parse_one_day(text: &str, date: NaiveDate, known: &[HabitId]) -> Option<Option<DayLog>> {
    let version = format!("version: {VERSION},");
    if !text.lines().any(|line| line.trim() == version) {
        return None;
    }
    let key = format!("\"{}\"", date.format("%Y-%m-%d"));
    let mut lines = text.lines().filter(|line| line.contains(&key));
    let line = match (lines.next(), lines.next()) {
        (None, _) => return Some(None),
        (Some(line), None) => line.trim_start(),
        _ => return None,
    };
    match super::year_lines::parse_day(line, known)? {
        (day, record) if day == date => Some(Some(record)),
        _ => None,
    }
}

/// Brings a file of any earlier version up to [`VERSION`], one step at a
/// time; each step is a function, so old files stay readable forever (the
/// golden files in `tests/fixtures/` hold every version ever written).
fn migrate(mut file: YearFile) -> YearFile {
    const STEPS: [fn(&mut YearFile); 1] = [v1_to_v2];
    for step in STEPS.iter().skip(file.version as usize - 1) {
        step(&mut file);
    }
    file
}

/// Version 2 added `amounts`, which a version 1 file has none of; `done`
/// became optional. A version 1 day already reads as a version 2 day.
fn v1_to_v2(file: &mut YearFile) {
    file.version = 2;
}

/// The text of one year of `log`, ready to write, checked by reading it back.
pub fn render_year(
    log: &Log,
    year: i32,
    known: &[HabitId],
    path: &Path,
) -> Result<String, StoreError> {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Err(StoreError::Verify {
            path: path.to_owned(),
            detail: format!("{year} is outside the calendar gutbone can store"),
        });
    };
    let body = super::year_lines::write(log.days_in(first..=last), year);
    let text = format!("{}{body}\n", header(year, known));

    let read_back = parse_year(&text, path, year, known)?;
    let expected: Vec<_> = log.days_in(first..=last).collect();
    let same = read_back.len() == expected.len()
        && read_back
            .iter()
            .zip(&expected)
            .all(|((a_date, a_day), (b_date, b_day))| a_date == b_date && a_day == *b_day);
    if !same {
        return Err(StoreError::Verify {
            path: path.to_owned(),
            detail: "the days read back differ from the days in memory".into(),
        });
    }
    Ok(text)
}

fn header(year: i32, known: &[HabitId]) -> String {
    let names: Vec<_> = known.iter().map(HabitId::as_str).collect();
    format!(
        "// gutbone: the habits you did each day of {year}, one day per line.\n\
         // `done` lists habits done that day; `amounts` says how much of a measured\n\
         // habit was done (minutes, servings); `skipped` lists habits set aside\n\
         // that day (rest, illness, travel);\n\
         // `note` is your own few words about the day.\n\
         // Habit ids: {}.\n\
         // You may edit this file while gutbone is closed; a mistake is reported\n\
         // with its line and column, and the file is never overwritten until fixed.\n",
        names.join(", ")
    )
}

/// The body of a year file as serde and RON's pretty printer write it:
/// what `year_lines::write` must give, byte for byte (a proptest checks).
#[cfg(test)]
pub(super) fn body_through_serde<'a>(
    days: impl Iterator<Item = (NaiveDate, &'a DayLog)>,
    year: i32,
) -> String {
    let days = days
        .map(|(date, day)| {
            let with = |wanted: Entry| {
                day.entries()
                    .filter(move |(_, entry)| *entry == wanted)
                    .map(|(habit, _)| habit.clone())
                    .collect()
            };
            let amounts = day
                .entries()
                .filter_map(|(habit, entry)| match entry {
                    Entry::Amount(amount) => Some((habit.clone(), amount)),
                    _ => None,
                })
                .collect();
            let record = DayRecord {
                done: with(Entry::Done),
                amounts: UniqueMap(amounts),
                skipped: with(Entry::Skipped),
                note: day.note().unwrap_or_default().to_owned(),
            };
            (DateKey(date), record)
        })
        .collect();
    let file = YearFile {
        version: VERSION,
        year,
        days: UniqueMap(days),
    };
    // Depth 2 keeps each day on one line: a year is ~365 short lines.
    let pretty = ron::ser::PrettyConfig::new().depth_limit(2);
    ron::ser::to_string_pretty(&file, pretty).expect("a year file serializes")
}

/// Where the first byte that is not UTF-8 stands, for binary garbage.
pub fn not_utf8(bytes: &[u8], path: &Path, valid_up_to: usize) -> StoreError {
    let valid = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let (line, column) = line_and_column(&valid, valid.len());
    StoreError::parse(
        path,
        line,
        column,
        "this is not text (not valid UTF-8); was a binary file saved here?",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;

    fn known() -> Vec<HabitId> {
        default_habits().into_iter().map(|h| h.id).collect()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn parse(text: &str) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
        parse_year(text, Path::new("2026.ron"), 2026, &known())
    }

    #[test]
    fn one_day_is_read_from_its_line_or_not_at_all() {
        let ids = known();
        let mut log = Log::new();
        log.set_entry(d("2026-11-21"), &ids[0], Some(Entry::Done));
        log.set_entry(d("2026-11-22"), &ids[2], Some(Entry::Amount(12.5)));
        log.set_entry(d("2026-11-22"), &ids[3], Some(Entry::Skipped));
        log.set_note(d("2026-11-22"), Some("knee \"sore\", 2026-11-21"));
        let path = Path::new("2026.ron");
        let text = render_year(&log, 2026, &ids, path).unwrap();
        let one = |text: &str, date: &str| parse_one_day(text, d(date), &ids);

        for date in ["2026-11-21", "2026-11-22"] {
            assert_eq!(one(&text, date), Some(log.day(d(date)).cloned()), "{date}");
        }
        assert_eq!(one(&text, "2026-11-20"), Some(None), "nothing logged");

        // Anything but the layout gutbone writes: the whole year is read.
        let split = text.replace("(amounts:", "(\n        amounts:");
        assert_eq!(one(&split, "2026-11-22"), None, "a record over two lines");
        assert_eq!(parse(&split).unwrap().len(), 2);
        let twice = format!("{text}// \"2026-11-21\" again\n");
        assert_eq!(one(&twice, "2026-11-21"), None, "the date twice");
        let old = text.replace("version: 2,", "version: 1,");
        assert_eq!(one(&old, "2026-11-21"), None, "another version");
        let wrong = text.replace("\"fermented-food\"]", "\"kombucha\"]");
        assert_eq!(one(&wrong, "2026-11-21"), None, "a mistake on the line");
        assert!(parse(&wrong).is_err());
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

    #[test]
    fn a_year_round_trips_one_day_per_line() {
        let mut log = Log::new();
        log.set_done(d("2026-11-21"), HabitId::new("sunlight"), true);
        log.set_done(d("2026-11-21"), HabitId::new("fermented-food"), true);
        log.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
        log.set_done(d("2025-12-31"), HabitId::new("stress-break"), true);
        let text = render_year(&log, 2026, &known(), Path::new("2026.ron")).unwrap();
        assert!(
            text.contains("\"2026-11-21\": (done: [\"fermented-food\", \"sunlight\"]),"),
            "{text}"
        );
        assert!(
            !text.contains("2025-12-31"),
            "other years stay in their own file"
        );
        let days = parse(&text).unwrap();
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].0, d("2026-11-21"));
        assert_eq!(days[0].1, *log.day(d("2026-11-21")).unwrap());
    }

    #[test]
    fn amounts_round_trip_and_are_written_only_when_present() {
        let mut log = Log::new();
        let walk = HabitId::new("weight-bearing-exercise");
        log.set_entry(d("2026-11-21"), &walk, Some(Entry::Amount(20.0)));
        log.set_entry(
            d("2026-11-21"),
            HabitId::new("prebiotic-fiber"),
            Some(Entry::Amount(2.5)),
        );
        log.set_done(d("2026-11-22"), HabitId::new("sunlight"), true);
        let text = render_year(&log, 2026, &known(), Path::new("2026.ron")).unwrap();
        assert!(
            text.contains(r#""2026-11-21": (amounts: {"prebiotic-fiber": 2.5, "weight-bearing-exercise": 20.0}),"#),
            "{text}"
        );
        assert!(
            text.contains(r#""2026-11-22": (done: ["sunlight"]),"#),
            "{text}"
        );
        assert!(text.contains("version: 2"), "{text}");
        let days = parse(&text).unwrap();
        assert_eq!(days[0].1, *log.day(d("2026-11-21")).unwrap());
    }

    #[test]
    fn a_version_1_file_reads_as_it_always_did() {
        let text = "(version: 1, year: 2026, days: {\"2026-11-22\": (done: [\"sunlight\"], skipped: [\"stress-break\"])})";
        let days = parse(text).unwrap();
        assert_eq!(
            days[0].1.entry(&HabitId::new("sunlight")),
            Some(Entry::Done)
        );
        assert_eq!(
            days[0].1.entry(&HabitId::new("stress-break")),
            Some(Entry::Skipped)
        );
    }

    #[test]
    fn impossible_amounts_are_refused_where_they_stand() {
        let day = |record: &str| {
            format!(
                "(version: 2, year: 2026, days: {{\n  \"2026-11-01\": (done: []),\n  \"2026-11-02\": {record},\n}})"
            )
        };
        for (record, expected) in [
            (r#"(done: [], amounts: {"sunlight": -5})"#, "is -5"),
            (r#"(done: [], amounts: {"sunlight": 0})"#, "is 0"),
            (r#"(done: [], amounts: {"sunlight": NaN})"#, "is NaN"),
            (
                r#"(done: [], amounts: {"sunlight": 10001})"#,
                "at most 10000",
            ),
            (
                r#"(done: ["sunlight"], amounts: {"sunlight": 5})"#,
                "both done and given an amount",
            ),
            (
                r#"(done: [], skipped: ["sunlight"], amounts: {"sunlight": 5})"#,
                "both skipped and given an amount",
            ),
            (r#"(done: [], amounts: {"moonlight": 5})"#, "is not a habit"),
            (r#"(done: [], amounts: {"sunlight": "lots"})"#, "Expected"),
        ] {
            let (line, _, message) = parse_err(&day(record));
            assert!(message.contains(expected), "{record}: {message}");
            assert_eq!(line, 3, "{record}: {message}");
        }
        let (line, _, message) = parse_err(&day(
            r#"(done: [], amounts: {"sunlight": 5, "sunlight": 10})"#,
        ));
        assert!(message.contains("\"sunlight\" appears twice"), "{message}");
        assert_eq!(line, 3);
    }

    #[test]
    fn skipped_habits_round_trip_and_are_written_only_when_present() {
        let mut log = Log::new();
        log.set_done(d("2026-11-21"), HabitId::new("sunlight"), true);
        log.set_entry(
            d("2026-11-22"),
            HabitId::new("sunlight"),
            Some(crate::domain::Entry::Skipped),
        );
        let text = render_year(&log, 2026, &known(), Path::new("2026.ron")).unwrap();
        assert!(
            text.contains(r#""2026-11-21": (done: ["sunlight"]),"#),
            "{text}"
        );
        assert!(
            text.contains(r#""2026-11-22": (skipped: ["sunlight"]),"#),
            "{text}"
        );
        let days = parse(&text).unwrap();
        assert_eq!(
            days[1].1.entry(&HabitId::new("sunlight")),
            Some(crate::domain::Entry::Skipped)
        );
    }

    #[test]
    fn notes_round_trip_even_with_quotes_and_line_breaks() {
        let mut log = Log::new();
        log.set_note(d("2026-11-20"), Some("travel"));
        log.set_done(d("2026-11-21"), HabitId::new("sunlight"), true);
        log.set_note(d("2026-11-21"), Some("said \"hi\" to the sun\nthen rain"));
        let text = render_year(&log, 2026, &known(), Path::new("2026.ron")).unwrap();
        assert!(
            text.contains(r#""2026-11-20": (note: "travel"),"#),
            "{text}"
        );
        let days = parse(&text).unwrap();
        assert_eq!(days[1].1.note(), Some("said \"hi\" to the sun\nthen rain"));
    }

    #[test]
    fn a_habit_both_done_and_skipped_is_refused() {
        let text = r#"(version: 1, year: 2026, days: {"2026-11-21": (done: ["sunlight"], skipped: ["sunlight"])})"#;
        let (_, _, message) = parse_err(text);
        assert!(message.contains("both done and skipped"), "{message}");
    }

    #[test]
    fn a_syntax_error_is_located() {
        let text = "(\n    version: 1,\n    year: 2026,\n    days: {\n        \"2026-11-21\": (done: [\"sunlight\"],\n    },\n)\n";
        let (line, _, message) = parse_err(text);
        assert_eq!(line, 6, "{message}");
    }

    #[test]
    fn an_impossible_date_is_named() {
        let text = "(version: 1, year: 2026, days: {\n\"2026-02-30\": (done: [])})";
        let (line, _, message) = parse_err(text);
        assert_eq!(line, 2);
        assert!(
            message.contains("\"2026-02-30\" is not a date"),
            "{message}"
        );
    }

    #[test]
    fn a_date_written_twice_is_refused() {
        let text = "(version: 1, year: 2026, days: {\n\"2026-11-21\": (done: []),\n\"2026-11-21\": (done: [\"sunlight\"])})";
        let (_, _, message) = parse_err(text);
        assert!(message.contains("appears twice"), "{message}");
    }

    #[test]
    fn a_misspelt_field_is_refused() {
        let text = "(version: 1, year: 2026, days: {\n\"2026-11-21\": (don: [])})";
        let (line, _, message) = parse_err(text);
        assert_eq!(line, 2);
        assert!(message.contains("don"), "{message}");
    }

    #[test]
    fn an_unknown_habit_is_located_and_the_real_ones_listed() {
        let text = "(version: 1, year: 2026, days: {\n  \"2026-11-21\": (done: [\"sunlite\"])})";
        let (line, column, message) = parse_err(text);
        assert_eq!((line, column), (2, 25), "the opening quote of the id");
        assert!(message.contains("sunlight"), "{message}");
    }

    #[test]
    fn a_day_in_the_wrong_year_file_is_refused() {
        let text = "(version: 1, year: 2026, days: {\"2025-11-21\": (done: [])})";
        let (_, _, message) = parse_err(text);
        assert!(message.contains("2025.ron"), "{message}");
    }

    #[test]
    fn a_file_from_a_newer_gutbone_is_refused_as_newer() {
        for text in [
            "(version: 999, year: 2026, future_field: 3, days: {})",
            "(version: 3, year: 2026, days: {})",
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
        parse_err("(version: 1, year: 2026, days: {\"2026-11-21\": (done: [\"sunl");
    }
}
