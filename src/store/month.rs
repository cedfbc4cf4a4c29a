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
use crate::domain::Entry;
use crate::domain::amount::MAX_AMOUNT;
pub use crate::domain::date::Month;
use crate::domain::log::DayLog;
use crate::domain::{HabitId, Log};

/// The file version this build writes, and the newest it reads.
pub const VERSION: u32 = 3;

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

/// A version of a month file as a log of its days: none for no text (a
/// file not there yet, as git gives it), otherwise as `parse_month` reads it.
pub fn month_log(text: &str, path: &Path, month: Month) -> Result<Log, StoreError> {
    let mut log = Log::new();
    if !text.trim().is_empty() {
        for (date, day) in parse_month(text, path, month, &[])? {
            log.insert_day(date, day);
        }
    }
    Ok(log)
}

/// Reads a month file's text. `month` is the month its path promises and
/// `known` the habit ids a day may list (none: any, for a log whose habits
/// cannot be read); anything else is reported where it stands.
pub fn parse_month(
    text: &str,
    path: &Path,
    month: Month,
    known: &[HabitId],
) -> Result<DaysRead, StoreError> {
    let file: MonthFile = super::parse_ron(text, path, VERSION, |file: &MonthFile| file.version)?;
    let at = |needle: &str, message: String| StoreError::at(path, text, needle, message);
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
    // Version 3 is a month file's: one put here by mistake.
    if let Ok(probe) = ron::from_str::<MonthFile>(text) {
        return Err(StoreError::at(
            path,
            text,
            "version",
            format!(
                "this is a month file (version {}, month {}); it belongs in {}/{:02}.ron",
                probe.version, probe.month, probe.year, probe.month
            ),
        ));
    }
    let file: YearFile = super::parse_ron(text, path, 2, |file: &YearFile| file.version)?;
    if file.year != year {
        return Err(StoreError::at(
            path,
            text,
            "year",
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
    let at = |needle: &str, message: String| StoreError::at(path, text, needle, message);
    let mut days = Vec::with_capacity(records.0.len());
    for (DateKey(date), record) in records.0 {
        let quoted = format!("\"{date}\"");
        if !within(date) {
            return Err(at(&quoted, wrong(date)));
        }
        let entries = (record.done.iter().map(|habit| (habit, Entry::Done)))
            .chain(record.skipped.iter().map(|habit| (habit, Entry::Skipped)))
            .chain(
                record
                    .amounts
                    .0
                    .iter()
                    .map(|(habit, amount)| (habit, Entry::Amount(*amount))),
            );
        let mut day = DayLog::default();
        for (habit, entry) in entries {
            if !known.is_empty() && !known.contains(habit) {
                let names: Vec<_> = known.iter().map(HabitId::as_str).collect();
                return Err(at(
                    &format!("\"{habit}\""),
                    format!(
                        "\"{habit}\" (on {date}) is not a habit; the habits are: {}. \
                         If it was removed from habits.ron, put it back with `archived: true` \
                         to keep its history",
                        names.join(", ")
                    ),
                ));
            }
            if let Entry::Amount(amount) = entry
                && !(amount > 0.0 && amount <= MAX_AMOUNT)
            {
                return Err(at(
                    &quoted,
                    format!(
                        "the amount of \"{habit}\" on {date} is {amount}; an amount is a number above 0 \
                         and at most {MAX_AMOUNT} (leave a habit out for nothing done)"
                    ),
                ));
            }
            // Listed twice the same way is harmless; two ways, which is meant is not known.
            let word = |entry| match entry {
                Entry::Done => "done",
                Entry::Skipped => "skipped",
                Entry::Amount(_) => "given an amount",
            };
            if let Some(before) = day
                .entry(habit)
                .filter(|before| word(*before) != word(entry))
            {
                return Err(at(
                    &quoted,
                    format!(
                        "\"{habit}\" is both {} and {} on {date}; keep one",
                        word(before),
                        word(entry)
                    ),
                ));
            }
            day.set(habit, Some(entry));
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
         // with its line and column, and the file is never overwritten until fixed.\n\
         // gutbone writes these lines anew: a comment of your own is not kept.\n",
        names.join(", ")
    )
}
