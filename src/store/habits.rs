//! `habits.ron`: the habits a person tracks, in checklist order, kept in the
//! data directory beside the log they give meaning to.
//!
//! ```ron
//! (
//!     version: 1,
//!     habits: [
//!         (
//!             id: "sunlight",
//!             name: "Sunlight",
//!             short: "Sunlight",
//!             hint: "time outdoors in daylight, for vitamin D",
//!             kind: Measured,
//!             unit: "min",
//!             step: 5.0,
//!             target: 15.0,
//!         ),
//!         (id: "gym", name: "Gym", kind: Check, schedule: "3/7"),
//!         (id: "soda", name: "Sugary drinks", kind: Limit, unit: "glass", at_most: 1.0),
//!         (id: "floss", name: "Floss", kind: Check, archived: true),
//!     ],
//! )
//! ```
//!
//! The log refers to habits by `id`, so a name can change freely; an id
//! cannot without losing the days logged under it.

use std::path::Path;

use chrono::NaiveDate;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::{StoreError, parse_ron};
use crate::domain::habit::{Measure, check_habits, unique_short_label};
use crate::domain::schedule::Schedule;
use crate::domain::{Habit, HabitId};
use crate::position::line_and_column;

/// 2: a habit may be a limit (`kind: Limit`, `at_most`) and have a
/// `schedule`; an older gutbone then says the file is newer, rather than
/// stumbling on fields it does not know.
pub const VERSION: u32 = 2;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HabitsFile {
    version: u32,
    habits: Vec<HabitRecord>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Kind {
    /// Done or not.
    Check,
    /// An amount toward a daily target.
    Measured,
    /// An amount a day is kept at or under (`at_most`).
    Limit,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HabitRecord {
    id: HabitId,
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    short: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    hint: String,
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    step: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_most: Option<f64>,
    /// `"3/7"`, `"mon,wed,fri"`; left out for a daily habit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    schedule: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    archived: bool,
    /// The day the habit was added (`"YYYY-MM-DD"`), when after the log began.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    since: String,
}

impl From<&Habit> for HabitRecord {
    fn from(habit: &Habit) -> Self {
        let kind = match &habit.measure {
            Some(measure) if measure.at_most => Kind::Limit,
            Some(_) => Kind::Measured,
            None => Kind::Check,
        };
        // A done-or-not habit keeps what it was measured by.
        let measure = habit.measure.as_ref().or(habit.was_measured.as_ref());
        let amount = |at_most: bool| measure.filter(|m| m.at_most == at_most).map(|m| m.target);
        Self {
            id: habit.id.clone(),
            name: habit.name.clone(),
            short: habit.short.clone(),
            hint: habit.hint.clone(),
            kind,
            unit: measure.map(|m| m.unit.clone()),
            step: measure.map(|m| m.step),
            target: amount(false),
            at_most: amount(true),
            schedule: match habit.schedule {
                Schedule::Daily => String::new(),
                schedule => schedule.to_string(),
            },
            archived: habit.archived,
            since: habit
                .since
                .map(|since| since.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        }
    }
}

/// Reads `habits.ron`'s text: every habit, archived ones included, or the
/// first mistake with its line and column.
pub fn parse_habits(text: &str, path: &Path) -> Result<Vec<Habit>, StoreError> {
    let file = parse_ron(text, path, VERSION, |file: &HabitsFile| file.version)?;
    let at = |needle: &str, message: String| StoreError::at(path, text, needle, message);
    let mut habits = Vec::with_capacity(file.habits.len());
    for record in file.habits {
        let id = format!("\"{}\"", record.id);
        let amount = match (record.target, record.at_most) {
            (Some(_), Some(_)) => {
                return Err(at(
                    &id,
                    format!(
                        "\"{}\" has both a `target` (at least) and an `at_most` (a limit); keep one",
                        record.id
                    ),
                ));
            }
            (target, at_most) => target.map(|t| (t, false)).or(at_most.map(|t| (t, true))),
        };
        let measure = |unit, (target, at_most)| Measure {
            unit,
            step: record.step.unwrap_or(1.0),
            target,
            at_most,
        };
        // A `Check` habit may keep the unit and target it was measured by.
        let measure = match (record.kind, record.unit, amount) {
            (Kind::Check, None, None) if record.step.is_none() => None,
            (Kind::Check, Some(unit), Some(amount)) => Some(measure(unit, amount)),
            (Kind::Measured, Some(unit), Some(amount @ (_, false)))
            | (Kind::Limit, Some(unit), Some(amount @ (_, true))) => Some(measure(unit, amount)),
            (Kind::Check, ..) => {
                return Err(at(
                    &id,
                    format!(
                        "\"{}\" is `kind: Check` (done or not) with part of a measure; a done-or-not \
                         habit keeps the `unit` and `target` (or `at_most`) it was measured by only together \
                         (remove both, or write both)",
                        record.id
                    ),
                ));
            }
            (Kind::Measured, ..) => {
                return Err(at(
                    &id,
                    format!(
                        "\"{}\" is `kind: Measured`, so it needs a `unit` and a `target`, \
                         e.g. unit: \"min\", target: 30 (a limit is `kind: Limit` with `at_most`)",
                        record.id
                    ),
                ));
            }
            (Kind::Limit, ..) => {
                return Err(at(
                    &id,
                    format!(
                        "\"{}\" is `kind: Limit`, so it needs a `unit` and an `at_most`, \
                         e.g. unit: \"glass\", at_most: 1",
                        record.id
                    ),
                ));
            }
        };
        let (measure, was_measured) = match record.kind {
            Kind::Measured | Kind::Limit => (measure, None),
            Kind::Check => (None, measure),
        };
        let schedule = match record.schedule.as_str() {
            "" => Schedule::Daily,
            text => Schedule::parse(text).map_err(|why| at(&format!("\"{text}\""), why))?,
        };
        let since = match record.since.as_str() {
            "" => None,
            text => Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                at(
                    &format!("\"{text}\""),
                    format!("`since: \"{text}\"` is not a date; write \"YYYY-MM-DD\", e.g. \"2026-11-22\""),
                )
            })?),
        };
        // Made from the name, one no habit before it answers to: "No sugar"
        // and "No alcohol" are not both "No" on the week grid.
        let short = if record.short.trim().is_empty() {
            unique_short_label(&record.name, &habits)
        } else {
            record.short
        };
        habits.push(Habit {
            id: record.id,
            name: record.name,
            short,
            hint: record.hint,
            measure,
            was_measured,
            archived: record.archived,
            since,
            schedule,
        });
    }
    if let Err(problem) = check_habits(&habits) {
        let message = problem.message;
        let Some(habit) = habits.get(problem.index) else {
            return Err(at("habits", message));
        };
        // The n-th habit with this id is the one at fault (a duplicate is the second).
        let nth = habits[..problem.index]
            .iter()
            .filter(|other| other.id == habit.id)
            .count();
        let needle = format!("\"{}\"", habit.id);
        let offset = text.match_indices(&needle).nth(nth).map_or(0, |(at, _)| at);
        let (line, column) = line_and_column(text, offset);
        return Err(StoreError::parse(path, line, column, message));
    }
    Ok(habits)
}

/// The text of `habits.ron`, checked by reading it back.
pub fn render_habits(habits: &[Habit], path: &Path) -> Result<String, StoreError> {
    let verify = |detail: String| StoreError::Verify {
        path: path.to_owned(),
        detail,
    };
    check_habits(habits).map_err(|problem| verify(problem.message))?;
    let file = HabitsFile {
        version: VERSION,
        habits: habits.iter().map(HabitRecord::from).collect(),
    };
    let body = super::files::ron_options()
        .to_string_pretty(&file, PrettyConfig::new())
        .map_err(|err| verify(err.to_string()))?;
    let text = format!("{HEADER}{body}\n");
    if parse_habits(&text, path)? != habits {
        return Err(verify(
            "the habits read back differ from the habits in memory".into(),
        ));
    }
    Ok(text)
}

const HEADER: &str = "\
// gutbone: your habits, in the order the checklist shows them.
// `kind` is Check (done or not), Measured (an amount toward a daily
// `target`, in `unit`s; `+` and `-` add or take away one `step`) or Limit
// (a day is kept at or under `at_most` `unit`s). `schedule` is how often it
// is due: \"3/7\" (three times in any seven days), \"mon,wed,fri\"; daily when
// left out.
// Rename, reorder, change targets or set `archived: true` to hide a habit
// and keep its history. Keep each `id` as it is: the log is keyed by it.
// Edit while gutbone is closed; a mistake is reported with its line and column.
";
