//! dijo's `habit_record.json` (and `habit_record[auto].json`): a JSON list
//! of habits, each tagged with its kind: `Bit` (done or not), `Count` (a
//! whole number a day) or `Float` (a number kept as an integer and a
//! count of decimal places).

use crate::domain::schedule::Schedule;
use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ImportError, Source, SourceHabit, SourceMark, Value, parse_date};

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Habit {
    Bit {
        name: String,
        stats: BTreeMap<String, bool>,
    },
    Count {
        name: String,
        stats: BTreeMap<String, u32>,
        goal: u32,
    },
    Float {
        name: String,
        stats: BTreeMap<String, FloatData>,
        goal: FloatData,
    },
}

#[derive(Clone, Copy, Deserialize)]
struct FloatData {
    value: u32,
    precision: u8,
}

impl FloatData {
    fn amount(self) -> f64 {
        f64::from(self.value) / 10f64.powi(i32::from(self.precision))
    }
}

/// Reads a dijo habit file. `file` names it in error messages.
pub fn read(text: &str, file: &str) -> Result<Source, ImportError> {
    // Two steps: a mistake in the JSON itself has a line and column, one in
    // a habit's shape is named by the habit.
    let values: Vec<serde_json::Value> =
        serde_json::from_str(text).map_err(|err| ImportError::json(file, &err))?;
    let mut source = Source::default();
    for (index, value) in values.into_iter().enumerate() {
        let label = match value.get("name").and_then(serde_json::Value::as_str) {
            Some(name) => format!("habit {} (\"{name}\")", index + 1),
            None => format!("habit {}", index + 1),
        };
        let habit: Habit = serde_json::from_value(value)
            .map_err(|err| ImportError::at(file, None, format!("{label}: {err}")))?;
        let (name, target, stats) = match habit {
            Habit::Bit { name, stats } => (
                name,
                None,
                stats
                    .into_iter()
                    .map(|(date, done)| (date, done.then_some(Value::Done)))
                    .collect::<Vec<_>>(),
            ),
            Habit::Count { name, stats, goal } => (
                name,
                Some(f64::from(goal)),
                stats
                    .into_iter()
                    .map(|(date, n)| (date, Some(Value::Amount(f64::from(n)))))
                    .collect::<Vec<_>>(),
            ),
            Habit::Float { name, stats, goal } => (
                name,
                Some(goal.amount()),
                stats
                    .into_iter()
                    .map(|(date, n)| (date, Some(Value::Amount(n.amount()))))
                    .collect::<Vec<_>>(),
            ),
        };
        for (date, value) in stats {
            let date = parse_date(&date)
                .map_err(|err| ImportError::at(file, None, format!("habit \"{name}\": {err}")))?;
            if let Some(value) = value {
                source.marks.push(SourceMark {
                    date,
                    habit: index,
                    value,
                });
            }
        }
        // dijo names no unit: a count is of times.
        let measure = target
            .filter(|t| *t > 0.0)
            .map(|target| ("time".to_owned(), target, false));
        source
            .habits
            .push(SourceHabit::of(name, measure, Schedule::Daily, false));
    }
    Ok(source)
}
