//! Loop Habit Tracker's CSV export: a zip (or its unpacked folder) holding
//! `Habits.csv`, one row per habit, and a folder per habit, `NNN Name/`,
//! whose `Checkmarks.csv` has a row per day: `Date,Value[,Notes]`.
//!
//! Values are `YES_MANUAL`, `YES_AUTO`, `NO`, `SKIP` or `UNKNOWN` (older
//! versions write the codes 2, 1, 0, 3 and -1, with no header row); a
//! numerical habit's value is the amount in thousandths. `YES_AUTO` means
//! Loop counted a day as covered by a weekly goal, not that it was done, so
//! it is not imported.

use super::{ImportError, Source, SourceHabit, SourceMark, Value, parse_date};
use crate::domain::schedule::Schedule;

/// The export's files, as text.
#[derive(Clone, Debug, Default)]
pub struct LoopFiles {
    pub habits: String,
    /// Each habit folder's name (`001 Kefir`) and its `Checkmarks.csv`.
    pub checkmarks: Vec<(String, String)>,
}

pub const HABITS_FILE: &str = "Habits.csv";
pub const CHECKMARKS_FILE: &str = "Checkmarks.csv";

pub fn read(files: &LoopFiles) -> Result<Source, ImportError> {
    let (mut source, positions) = read_habits(&files.habits)?;
    for (folder, text) in &files.checkmarks {
        let file = format!("{folder}/{CHECKMARKS_FILE}");
        let position = folder
            .split_once(' ')
            .and_then(|(number, _)| number.parse::<u32>().ok())
            .ok_or_else(|| {
                ImportError::at(
                    &file,
                    None,
                    "a habit folder is named `NNN Name`, e.g. `001 Kefir`",
                )
            })?;
        let habit = positions
            .iter()
            .position(|p| *p == position)
            .ok_or_else(|| {
                ImportError::at(
                    &file,
                    None,
                    format!("{HABITS_FILE} has no habit at position {position:03}"),
                )
            })?;
        read_checkmarks(text, &file, habit, &mut source)?;
    }
    Ok(source)
}

/// The line on which a quote opens that is never closed. The csv reader
/// takes the rest of the file into that field without a word, so the rows
/// after it would land inside a note.
pub fn unclosed_quote(text: &str) -> Option<u64> {
    let mut open_since = None;
    for (number, line) in (1..).zip(text.lines()) {
        for _ in line.matches('"') {
            open_since = match open_since {
                None => Some(number),
                Some(_) => None,
            };
        }
    }
    open_since
}

pub fn refuse_unclosed_quote(text: &str, file: &str) -> Result<(), ImportError> {
    match unclosed_quote(text) {
        Some(line) => Err(ImportError::at(
            file,
            Some(line),
            "a quote opens here and is never closed",
        )),
        None => Ok(()),
    }
}

/// The habits, and each one's position (which names its folder).
fn read_habits(text: &str) -> Result<(Source, Vec<u32>), ImportError> {
    refuse_unclosed_quote(text, HABITS_FILE)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let error = |line: Option<u64>, message: String| ImportError::at(HABITS_FILE, line, message);
    let header = reader
        .headers()
        .map_err(|err| error(Some(1), err.to_string()))?
        .clone();
    let column = |name: &str| header.iter().position(|field| field.trim() == name);
    let name_column = column("Name").ok_or_else(|| {
        error(
            Some(1),
            "the first row has no `Name` column; is this Loop's Habits.csv?".into(),
        )
    })?;
    let (position_column, type_column, target_column) =
        (column("Position"), column("Type"), column("Target Value"));
    let (times_column, days_column) =
        (column("FrequencyNumerator"), column("FrequencyDenominator"));
    let (unit_column, target_type_column) = (column("Unit"), column("Target Type"));
    let archived_column = column("Archived?");

    let mut source = Source::default();
    let mut positions = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record
            .map_err(|err| error(err.position().map(csv::Position::line), err.to_string()))?;
        let line = record.position().map(csv::Position::line);
        let field = |column: Option<usize>| column.and_then(|c| record.get(c)).map(str::trim);
        let name = field(Some(name_column)).unwrap_or_default();
        if name.is_empty() {
            return Err(error(line, "a habit with no name".into()));
        }
        let position = match field(position_column) {
            None => row as u32 + 1,
            Some(text) => text
                .parse()
                .map_err(|_| error(line, format!("position \"{text}\" is not a number")))?,
        };
        let target = match (field(type_column), field(target_column)) {
            (Some("NUMERICAL"), Some(text)) => Some(
                text.parse::<f64>()
                    .map_err(|_| error(line, format!("target value \"{text}\" is not a number")))?,
            ),
            _ => None,
        };
        // Loop's "N times per D days"; a limit is kept day by day.
        let at_most = field(target_type_column) == Some("AT_MOST");
        let count = |column| field(column).and_then(|text| text.parse::<u32>().ok());
        let (schedule, note) = match (count(times_column), count(days_column)) {
            (Some(1), Some(1)) | (None, _) | (_, None) => (Schedule::Daily, None),
            (Some(times), Some(days)) if at_most => (
                Schedule::Daily,
                Some(format!(
                    "its {times}/{days} is read as daily: a limit is kept day by day"
                )),
            ),
            (Some(times), Some(days)) => match Schedule::times(times, days) {
                Ok(schedule) => (schedule, None),
                Err(why) => (Schedule::Daily, Some(format!("read as daily, since {why}"))),
            },
        };
        let unit = field(unit_column)
            .filter(|unit| !unit.is_empty())
            .unwrap_or("unit");
        let mut habit = SourceHabit::of(
            name.to_owned(),
            target.map(|target| (unit.to_owned(), target, at_most)),
            schedule,
            field(archived_column) == Some("true"),
        );
        habit.note = note;
        source.habits.push(habit);
        positions.push(position);
    }
    Ok((source, positions))
}

fn read_checkmarks(
    text: &str,
    file: &str,
    habit: usize,
    source: &mut Source,
) -> Result<(), ImportError> {
    refuse_unclosed_quote(text, file)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|err| {
            ImportError::at(
                file,
                err.position().map(csv::Position::line),
                err.to_string(),
            )
        })?;
        let line = record.position().map(csv::Position::line);
        let error = |message: String| ImportError::at(file, line, message);
        let (Some(date), Some(value)) = (record.get(0), record.get(1)) else {
            return Err(error("a row needs a date and a value".into()));
        };
        if date.trim() == "Date" {
            continue;
        }
        let date = parse_date(date).map_err(error)?;
        if let Some(value) = loop_value(value).map_err(error)? {
            source.marks.push(SourceMark { date, habit, value });
        }
        if let Some(note) = record.get(2).map(str::trim).filter(|n| !n.is_empty()) {
            let name = &source.habits[habit].name;
            source.notes.push((date, format!("{name}: {note}")));
        }
    }
    Ok(())
}

fn loop_value(text: &str) -> Result<Option<Value>, String> {
    let code = match text.trim() {
        "YES_MANUAL" => 2,
        "SKIP" => 3,
        "YES_AUTO" | "NO" | "UNKNOWN" | "" => return Ok(None),
        number => number.parse::<i64>().map_err(|_| {
            format!("\"{number}\" is not a value Loop writes (YES_MANUAL, NO, SKIP, a number…)")
        })?,
    };
    Ok(match code {
        2 => Some(Value::Done),
        3 => Some(Value::Skipped),
        ..=1 => None,
        thousandths => Some(Value::Amount(thousandths as f64 / 1000.0)),
    })
}
