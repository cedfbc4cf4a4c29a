//! The log on disk: one file a month, `log/2026/11.ron`, RON a person can
//! read and edit, one day per line:
//!
//! ```ron
//! (
//!     version: 3,
//!     year: 2026,
//!     month: 11,
//!     days: {
//!         "2026-11-21": (done: ["fermented-food", "sunlight"]),
//!         "2026-11-22": (amounts: {"prebiotic-fiber": 2.0}, skipped: ["stress-break"]),
//!     },
//! )
//! ```
//!
//! Up to version 2 the log was one file a year, `log/2026.ron`, with the
//! same days (version 1 had no `amounts`); those are read here too, to be
//! split into months. The persisted types are kept apart from the domain's
//! so the format changes only on purpose, with a new `version`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::StoreError;
use crate::domain::amount::MAX_AMOUNT;
use crate::domain::log::{DayLog, Entry};
use crate::domain::{HabitId, Log};
use crate::position::{line_and_column, locate};

/// The file version this build writes, and the newest it reads.
pub const VERSION: u32 = 3;

/// A calendar month: the log's unit on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `None` for a month chrono has no calendar for.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    fn days(self) -> Option<std::ops::RangeInclusive<NaiveDate>> {
        let first = self.first_day()?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        Some(first..=next.pred_opt()?)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

// A summary of the months before the weeks on screen names each one.
impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
            .map(Month::of)
            .map_err(|_| de::Error::custom(format!("\"{text}\" is not a month like \"2026-11\"")))
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthFile {
    version: u32,
    year: i32,
    month: u32,
    days: Days,
}

/// The layout before version 3: a whole year in one file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    version: u32,
    year: i32,
    days: Days,
}

#[derive(Serialize, Deserialize)]
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

impl DayRecord {
    fn of(day: &DayLog) -> Self {
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
        Self {
            done: with(Entry::Done),
            amounts: UniqueMap(amounts),
            skipped: with(Entry::Skipped),
            note: day.note().unwrap_or_default().to_owned(),
        }
    }
}

/// A date written as `"YYYY-MM-DD"`, with an error that says so.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct DateKey(NaiveDate);

impl Serialize for DateKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
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
#[derive(Serialize)]
#[serde(transparent)]
struct UniqueMap<K: Ord, V>(BTreeMap<K, V>);

impl<K: Ord, V> Default for UniqueMap<K, V> {
    fn default() -> Self {
        Self(BTreeMap::new())
    }
}

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

/// The days a file holds, in date order.
pub type DaysRead = Vec<(NaiveDate, DayLog)>;

/// Reads a month file's text. `month` is the month its path promises and
/// `known` the habit ids a day may list; anything else is reported where it
/// stands.
pub fn parse_month(
    text: &str,
    path: &Path,
    month: Month,
    known: &[HabitId],
) -> Result<DaysRead, StoreError> {
    let file: MonthFile = super::parse_ron(text, path, VERSION, |file: &MonthFile| file.version)?;
    let at = |needle: &str, message: String| {
        let (line, column) = locate(text, needle);
        StoreError::parse(path, line, column, message)
    };
    if (file.year, file.month) != (month.year, month.month) {
        return Err(at(
            "year",
            format!(
                "this file is named for {month} but says `year: {}, month: {}`",
                file.year, file.month
            ),
        ));
    }
    let wrong = |date: NaiveDate| {
        format!(
            "{date} is not in {month}; it belongs in {}/{:02}.ron",
            date.year(),
            date.month()
        )
    };
    days(
        file.days,
        text,
        path,
        |date| Month::of(date) == month,
        wrong,
        known,
    )
}

/// Reads a year file of the layout before version 3 (`log/2026.ron`).
pub fn parse_year(
    text: &str,
    path: &Path,
    year: i32,
    known: &[HabitId],
) -> Result<DaysRead, StoreError> {
    // A year file is at most version 2; its days read as they always did.
    let file: YearFile = super::parse_ron(text, path, 2, |file: &YearFile| file.version)?;
    if file.year != year {
        let (line, column) = locate(text, "year");
        return Err(StoreError::parse(
            path,
            line,
            column,
            format!(
                "this file is named for {year} but says `year: {}`",
                file.year
            ),
        ));
    }
    let wrong =
        |date: NaiveDate| format!("{date} is not in {year}; it belongs in {}.ron", date.year());
    days(
        file.days,
        text,
        path,
        |date| date.year() == year,
        wrong,
        known,
    )
}

/// The days of a file, each checked: in the file's span, naming only known
/// habits, one entry a habit, amounts in range.
fn days(
    records: Days,
    text: &str,
    path: &Path,
    within: impl Fn(NaiveDate) -> bool,
    wrong: impl Fn(NaiveDate) -> String,
    known: &[HabitId],
) -> Result<DaysRead, StoreError> {
    let at = |needle: &str, message: String| {
        let (line, column) = locate(text, needle);
        StoreError::parse(path, line, column, message)
    };
    let mut days = Vec::with_capacity(records.0.len());
    for (DateKey(date), record) in records.0 {
        if !within(date) {
            return Err(at(&format!("\"{date}\""), wrong(date)));
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

/// The text of one month of `log`, ready to write, checked by reading it
/// back; `None` when the month holds no day (there is nothing to write).
pub fn render_month(
    log: &Log,
    month: Month,
    known: &[HabitId],
    path: &Path,
) -> Result<String, StoreError> {
    let verify = |detail: String| StoreError::Verify {
        path: path.to_owned(),
        detail,
    };
    let span = month
        .days()
        .ok_or_else(|| verify(format!("{month} is outside the calendar gutbone can store")))?;
    let expected: Vec<_> = log.days_in(span).collect();
    let file = MonthFile {
        version: VERSION,
        year: month.year,
        month: month.month,
        days: UniqueMap(
            expected
                .iter()
                .map(|(date, day)| (DateKey(*date), DayRecord::of(day)))
                .collect(),
        ),
    };
    // Depth 2 keeps each day on one line: a month is ~30 short lines.
    let pretty = ron::ser::PrettyConfig::new().depth_limit(2);
    let body = ron::ser::to_string_pretty(&file, pretty).map_err(|err| verify(err.to_string()))?;
    let text = format!("{}{body}\n", header(month, known));
    let read_back = parse_month(&text, path, month, known)?;
    let same = read_back.len() == expected.len()
        && read_back
            .iter()
            .zip(&expected)
            .all(|((a_date, a_day), (b_date, b_day))| a_date == b_date && a_day == *b_day);
    if !same {
        return Err(verify(
            "the days read back differ from the days in memory".into(),
        ));
    }
    Ok(text)
}

fn header(month: Month, known: &[HabitId]) -> String {
    let names: Vec<_> = known.iter().map(HabitId::as_str).collect();
    let name = month
        .first_day()
        .map_or_else(|| month.to_string(), |day| day.format("%B %Y").to_string());
    format!(
        "// gutbone: the habits you did each day of {name}, one day per line.\n\
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
        let text = ron::to_string(&m).unwrap();
        assert_eq!(ron::from_str::<Month>(&text).unwrap(), m);
    }
}
