//! gutbone's own export (JSON or RON): what `gutbone export` writes and
//! `gutbone import --format gutbone` reads back.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ImportError, Source, SourceHabit, SourceMark, Value, parse_date};
use crate::domain::amount::parse_positive;
use crate::domain::habit::Measure;
use crate::domain::schedule::Schedule;
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub target: f64,
    pub archived: bool,
    // The rest of the habit's settings, so that an import creates a habit
    // the person does not have as it was. Left out when empty; an export
    // from before them reads as it did.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    /// `"YYYY-MM-DD"`: the day it was added, when after the log began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// A done-or-not habit's unit, target and step from when it was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_before: Option<MeasureRow>,
    /// The target is a limit: a day is kept at or under it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_most: bool,
    /// `"3/7"`, `"mon,wed,fri"`; left out for a daily habit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureRow {
    pub unit: String,
    pub target: f64,
    pub step: f64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_most: bool,
}

impl MeasureRow {
    fn of(measure: &Measure) -> Self {
        Self {
            unit: measure.unit.clone(),
            target: measure.target,
            step: measure.step,
            at_most: measure.at_most,
        }
    }

    fn measure(&self) -> Measure {
        Measure {
            unit: self.unit.clone(),
            target: self.target,
            step: self.step,
            at_most: self.at_most,
        }
    }
}

impl HabitRow {
    fn of(habit: &Habit) -> Self {
        Self {
            id: habit.id.to_string(),
            name: habit.name.clone(),
            unit: habit.measure.as_ref().map(|m| m.unit.clone()),
            target: habit.target(),
            archived: habit.archived,
            short: habit.short.clone(),
            hint: habit.hint.clone(),
            step: habit.measure.as_ref().map(|m| m.step),
            since: habit
                .since
                .map(|since| since.format("%Y-%m-%d").to_string()),
            measured_before: habit.was_measured.as_ref().map(MeasureRow::of),
            at_most: habit.measure.as_ref().is_some_and(|m| m.at_most),
            schedule: (habit.schedule != Schedule::Daily).then(|| habit.schedule.to_string()),
        }
    }

    /// The habit this row describes, or what is wrong with it.
    fn habit(&self) -> Result<Habit, String> {
        let since = self
            .since
            .as_deref()
            .map(parse_date)
            .transpose()
            .map_err(|err| format!("habit \"{}\": since {err}", self.id))?;
        let mut habit = match &self.unit {
            Some(unit) => Habit::measured(
                &self.id,
                &self.name,
                unit,
                self.step.unwrap_or(1.0),
                self.target,
            ),
            None => Habit::check(&self.id, &self.name),
        };
        if !self.short.trim().is_empty() {
            habit.short = self.short.clone();
        }
        habit.hint = self.hint.clone();
        habit.archived = self.archived;
        habit.since = since;
        habit.was_measured = self.measured_before.as_ref().map(MeasureRow::measure);
        if let Some(measure) = &mut habit.measure {
            measure.at_most = self.at_most;
        }
        if let Some(schedule) = &self.schedule {
            habit.schedule = Schedule::parse(schedule)
                .map_err(|err| format!("habit \"{}\": schedule {err}", self.id))?;
        }
        Ok(habit)
    }
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 2: habits carry their schedule and whether their target is a limit.
pub const EXPORT_VERSION: u32 = 2;

/// The export of `log` between `from` and `to`, both included.
pub fn export(habits: &[Habit], log: &Log, from: NaiveDate, to: NaiveDate) -> Export {
    Export {
        version: EXPORT_VERSION,
        habits: habits.iter().map(HabitRow::of).collect(),
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
        crate::store::ron_options()
            .from_str(text)
            .map_err(|err| ImportError {
                file: file.to_owned(),
                line: Some(err.span.start.line as u64),
                column: Some(err.span.start.col as u64),
                message: crate::position::ron_message(&err.code),
            })?
    };
    to_source(&data).map_err(|message| ImportError::at(file, None, message))
}

/// The first row of `gutbone export --format csv`.
pub const CSV_HEADER: &str = "date,habit,status,amount,note";

/// Reads what `gutbone export --format csv` wrote: a row per day and habit
/// (`done`, `skipped`, or `amount` with the amount), the day's note on each
/// of its rows. Habits are known by id only: they go to the person's habits
/// with those ids (or where `--map` sends them).
pub fn read_csv(text: &str, file: &str) -> Result<Source, ImportError> {
    super::loop_csv::refuse_unclosed_quote(text, file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|err| ImportError::at(file, Some(1), err.to_string()))?;
    if header.iter().collect::<Vec<_>>().join(",") != CSV_HEADER {
        return Err(ImportError::at(
            file,
            Some(1),
            format!("the first row is not gutbone's CSV header, {CSV_HEADER}"),
        ));
    }
    let mut source = Source::default();
    let mut noted = std::collections::BTreeSet::new();
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
        let field = |i: usize| record.get(i).unwrap_or_default().trim();
        let date = parse_date(field(0)).map_err(error)?;
        let note = field(4);
        if !note.is_empty() && noted.insert(date) {
            source.notes.push((date, note.to_owned()));
        }
        let id = field(1);
        if id.is_empty() {
            continue;
        }
        let value = match (field(2), field(3)) {
            ("done", _) => Value::Done,
            ("skipped", _) => Value::Skipped,
            // Read as `--amount` reads it: plain digits, two decimals.
            ("amount", amount) => {
                Value::Amount(parse_positive(amount, "the amount").map_err(error)?)
            }
            (status, _) => {
                return Err(error(format!(
                    "\"{status}\" is not a status gutbone writes (done, skipped, amount)"
                )));
            }
        };
        let habit = match source
            .habits
            .iter()
            .position(|h| h.id.as_deref() == Some(id))
        {
            Some(at) => at,
            None => {
                source.habits.push(SourceHabit {
                    name: id.to_owned(),
                    id: Some(id.to_owned()),
                    target: None,
                    habit: None,
                    note: None,
                });
                source.habits.len() - 1
            }
        };
        source.marks.push(SourceMark { date, habit, value });
    }
    Ok(source)
}

fn to_source(data: &Export) -> Result<Source, String> {
    if data.version > EXPORT_VERSION {
        return Err(format!(
            "it was written by a newer gutbone (export version {}; this build reads up to {EXPORT_VERSION})",
            data.version
        ));
    }
    let habits = data
        .habits
        .iter()
        .map(|h| {
            Ok(SourceHabit {
                name: h.name.clone(),
                id: Some(h.id.clone()),
                target: h.unit.as_ref().map(|_| h.target),
                habit: Some(h.habit()?),
                note: None,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
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
