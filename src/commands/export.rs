//! `gutbone export`: the history as CSV, JSON or RON, to stdout or a file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Failure;
use super::pick::parse_day;
use crate::domain::{Entry, Habit, Log};
use crate::store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Ron,
}

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

pub fn run(
    dir: &Path,
    format: ExportFormat,
    from: Option<&str>,
    to: Option<&str>,
    output: Option<&Path>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let from = from
        .map(|d| parse_day(d, today))
        .transpose()
        .map_err(Failure::usage)?;
    let to = to
        .map(|d| parse_day(d, today))
        .transpose()
        .map_err(Failure::usage)?;
    let (from, to) = (from.unwrap_or(NaiveDate::MIN), to.unwrap_or(today));
    if from > to {
        return Err(Failure::usage(format!("--from {from} is after --to {to}")));
    }
    let mut store = Store::open_for_command(dir);
    let (habits, log) = store.load()?;
    let data = export(&habits, &log, from, to);
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&data)
            .map_err(|err| Failure::from(std::io::Error::other(err)))?,
        ExportFormat::Ron => {
            ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::new().depth_limit(3))
                .map_err(|err| Failure::from(std::io::Error::other(err)))?
        }
        ExportFormat::Csv => csv(&data),
    };
    match output {
        Some(path) => std::fs::write(path, format!("{text}\n")).map_err(|err| Failure {
            code: 1,
            message: format!("could not write {}: {err}", path.display()),
        }),
        None => Ok(writeln!(out, "{text}")?),
    }
}

/// One row per (date, habit): `date,habit,status,amount,note`; a day with
/// only a note has one row with no habit.
fn csv(data: &Export) -> String {
    let mut lines = vec!["date,habit,status,amount,note".to_owned()];
    for day in &data.days {
        let note = quote(day.note.as_deref().unwrap_or(""));
        let mut rows: Vec<(String, &str, String)> = Vec::new();
        rows.extend(day.done.iter().map(|h| (h.clone(), "done", String::new())));
        rows.extend(
            day.amounts
                .iter()
                .map(|(h, a)| (h.clone(), "amount", crate::domain::habit::format_amount(*a))),
        );
        rows.extend(
            day.skipped
                .iter()
                .map(|h| (h.clone(), "skipped", String::new())),
        );
        rows.sort();
        if rows.is_empty() {
            lines.push(format!("{},,,,{note}", day.date));
        }
        for (habit, status, amount) in rows {
            lines.push(format!("{},{habit},{status},{amount},{note}", day.date));
        }
    }
    lines.join("\n")
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
