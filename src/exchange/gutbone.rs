//! gutbone's own export (JSON or RON): what `gutbone export` writes and
//! `gutbone import --format gutbone` reads back.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ImportError, Source, SourceHabit, SourceMark, Value, parse_date};
use crate::domain::{Entry, Habit, Log};

/// The JSON and RON export: what `gutbone import --format gutbone` reads.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub version: u32,
    pub habits: Vec<HabitRow>,
    pub days: Vec<DayRow>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct HabitRow {
    pub id: String,
    pub name: String,
    /// Left out for a done-or-not habit.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::store::bare"
    )]
    pub unit: Option<String>,
    pub target: f64,
    pub archived: bool,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct DayRow {
    pub date: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub amounts: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::store::bare"
    )]
    pub note: Option<String>,
}

pub const EXPORT_VERSION: u32 = 1;

/// The export of `log` between `from` and `to`, both included.
pub fn export(habits: &[Habit], log: &Log, from: NaiveDate, to: NaiveDate) -> Export {
    Export {
        version: EXPORT_VERSION,
        habits: habits
            .iter()
            .map(|h| HabitRow {
                id: h.id.to_string(),
                name: h.name.clone(),
                unit: h.measure.as_ref().map(|m| m.unit.clone()),
                target: h.target(),
                archived: h.archived,
            })
            .collect(),
        days: log
            .days_in(from..=to)
            .map(|(date, day)| {
                let mut row = DayRow {
                    date: date.format("%Y-%m-%d").to_string(),
                    done: Vec::new(),
                    amounts: BTreeMap::new(),
                    skipped: Vec::new(),
                    note: day.note().map(str::to_owned),
                };
                for (habit, entry) in day.entries() {
                    match entry {
                        Entry::Done => row.done.push(habit.to_string()),
                        Entry::Skipped => row.skipped.push(habit.to_string()),
                        Entry::Amount(amount) => {
                            row.amounts.insert(habit.to_string(), amount);
                        }
                    }
                }
                row
            })
            .collect(),
    }
}

/// Reads an export, JSON or RON (told apart by its first character), into
/// a [`Source`]. `file` names it in error messages.
pub fn read(text: &str, file: &str) -> Result<Source, ImportError> {
    let data: Export = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|err| ImportError::json(file, &err))?
    } else {
        ron::from_str(text).map_err(|err| ImportError {
            file: file.to_owned(),
            line: Some(err.span.start.line as u64),
            column: Some(err.span.start.col as u64),
            message: crate::position::ron_message(&err.code),
        })?
    };
    to_source(&data).map_err(|message| ImportError::at(file, None, message))
}

fn to_source(data: &Export) -> Result<Source, String> {
    if data.version > EXPORT_VERSION {
        return Err(format!(
            "it was written by a newer gutbone (export version {}; this build reads up to {EXPORT_VERSION})",
            data.version
        ));
    }
    let habits: Vec<SourceHabit> = data
        .habits
        .iter()
        .map(|h| SourceHabit {
            name: h.name.clone(),
            id: Some(h.id.clone()),
            target: h.unit.as_ref().map(|_| h.target),
        })
        .collect();
    let index = |date: &str, id: &str| {
        data.habits.iter().position(|h| h.id == id).ok_or_else(|| {
            format!("day {date} names habit \"{id}\", which is not in the file's habits")
        })
    };
    let mut source = Source {
        habits,
        ..Source::default()
    };
    for day in &data.days {
        let date = parse_date(&day.date).map_err(|err| format!("a day: {err}"))?;
        let marks = day
            .done
            .iter()
            .map(|id| (id, Value::Done))
            .chain(day.skipped.iter().map(|id| (id, Value::Skipped)))
            .chain(day.amounts.iter().map(|(id, a)| (id, Value::Amount(*a))));
        for (id, value) in marks {
            if let Value::Amount(amount) = value
                && !(amount.is_finite() && amount > 0.0)
            {
                return Err(format!(
                    "day {date}: {id}'s amount must be a number above zero"
                ));
            }
            source.marks.push(SourceMark {
                date,
                habit: index(&day.date, id)?,
                value,
            });
        }
        if let Some(note) = &day.note {
            source.notes.push((date, note.clone()));
        }
    }
    Ok(source)
}
