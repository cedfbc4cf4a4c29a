//! `gutbone check`, `uncheck` and `skip`: log habits from a shell.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use super::pick::{parse_day, pick_habit};
use crate::domain::{Entry, Habit};
use crate::form::parse_positive;
use crate::store::Store;

/// What to make of each named habit on the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Done: a measured habit gets `--amount`, or its target.
    Check,
    Uncheck,
    Skip,
}

/// Marks `names` on `date` (default today). Every name and value is checked
/// before anything changes, so a mistake changes nothing.
pub fn run(
    dir: &Path,
    mark: Mark,
    names: &[String],
    date: Option<&str>,
    amount: Option<&str>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if names.is_empty() {
        return Err(Failure::usage(
            "name at least one habit, e.g. `gutbone check sunlight`",
        ));
    }
    let day = parse_day(date.unwrap_or("today"), today).map_err(Failure::usage)?;
    let amount = amount
        .map(|text| parse_positive(text, "--amount"))
        .transpose()
        .map_err(Failure::usage)?;

    let mut store = Store::open_for_command(dir);
    // Held until the end: nothing else writes between this read and the save.
    store.lock_for_writing()?;
    store.set_today(today);
    let (habits, mut log) = store.load()?;
    let mut chosen: Vec<&Habit> = Vec::new();
    for name in names {
        let habit = pick_habit(&habits, name).map_err(|err| Failure::usage(err.to_string()))?;
        if amount.is_some() && habit.measure.is_none() {
            return Err(Failure::usage(format!(
                "{} is done or not, so it takes no --amount",
                habit.name
            )));
        }
        if !chosen.iter().any(|c| c.id == habit.id) {
            chosen.push(habit);
        }
    }
    for habit in &chosen {
        let entry = match mark {
            Mark::Check => habit.entry_for(amount.unwrap_or_else(|| habit.target())),
            Mark::Uncheck => None,
            Mark::Skip => Some(Entry::Skipped),
        };
        log.set_entry(day, habit, entry);
    }
    store.save_day(&log, day)?;
    for habit in &chosen {
        let what = match (mark, &habit.measure) {
            (Mark::Check, Some(measure)) if log.is_done(day, habit) => {
                format!("done, {}", measure.progress(log.amount(day, habit)))
            }
            (Mark::Check, Some(measure)) => {
                format!("{} so far", measure.progress(log.amount(day, habit)))
            }
            (Mark::Check, None) => "done".into(),
            (Mark::Uncheck, _) => "not done".into(),
            (Mark::Skip, _) => "skipped".into(),
        };
        writeln!(
            out,
            "{}: {what} on {}",
            habit.name,
            day.format("%a %-d %b %Y")
        )?;
    }
    Ok(())
}
