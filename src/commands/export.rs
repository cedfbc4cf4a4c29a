//! `gutbone export`: the history as CSV, JSON or RON, to stdout or a file.

use std::io::Write;
use std::path::Path;

use super::Failure;
use super::pick::parse_day;
use crate::domain::amount::format_amount;
use crate::exchange::gutbone::{Export, export};
use crate::store::Store;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Ron,
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
    let mut store = Store::open_for_command(dir, today);
    let (habits, log) = store.load()?;
    let data = export(&habits, &log, from, to);
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&data)
            .map_err(|err| Failure::from(std::io::Error::other(err)))?,
        ExportFormat::Ron => crate::store::ron_options()
            .to_string_pretty(&data, ron::ser::PrettyConfig::new().depth_limit(3))
            .map_err(|err| Failure::from(std::io::Error::other(err)))?,
        ExportFormat::Csv => csv(&data).map_err(|err| Failure::from(std::io::Error::other(err)))?,
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
fn csv(data: &Export) -> Result<String, csv::Error> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    out.write_record(["date", "habit", "status", "amount", "note"])?;
    for day in &data.days {
        let note = day.note.as_deref().unwrap_or("");
        let mut rows: Vec<(&str, &str, String)> = Vec::new();
        rows.extend(day.done.iter().map(|h| (h.as_str(), "done", String::new())));
        rows.extend(
            day.amounts
                .iter()
                .map(|(h, a)| (h.as_str(), "amount", format_amount(*a))),
        );
        rows.extend(
            day.skipped
                .iter()
                .map(|h| (h.as_str(), "skipped", String::new())),
        );
        rows.sort();
        if rows.is_empty() {
            out.write_record([day.date.as_str(), "", "", "", note])?;
        }
        for (habit, status, amount) in rows {
            out.write_record([day.date.as_str(), habit, status, &amount, note])?;
        }
    }
    let bytes = out.into_inner().map_err(|err| err.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).trim_end().to_owned())
}
