//! `gutbone check`, `uncheck` and `skip`: log habits from a shell.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use super::pick::{parse_day, pick_habit};
use crate::domain::amount::parse_positive;
use crate::domain::amount::{MAX_AMOUNT, format_amount};
use crate::domain::{Entry, Habit, Status};
use crate::store::Store;

/// What to make of each named habit on the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb<'a> {
    /// Done: a measured habit is brought up to its target (never down), or
    /// given the amount.
    Check(Option<AmountArg<'a>>),
    Uncheck,
    Skip,
}

/// How much of a measured habit, as typed after `--amount` or `--add`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountArg<'a> {
    /// `--amount N`: the day's amount is N, higher or lower than it was.
    Set(&'a str),
    /// `--add N`: N more than the day had.
    Add(&'a str),
}

impl AmountArg<'_> {
    fn flag(self) -> &'static str {
        match self {
            AmountArg::Set(_) => "--amount",
            AmountArg::Add(_) => "--add",
        }
    }
}

/// Marks `names` on `date` (default today). Every name and value is checked
/// before anything changes, so a mistake changes nothing.
pub fn run(
    dir: &Path,
    mark: Verb,
    names: &[String],
    date: Option<&str>,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if names.is_empty() {
        return Err(Failure::usage(
            "name at least one habit, e.g. `gutbone check sunlight`",
        ));
    }
    let day = parse_day(date.unwrap_or("today"), today).map_err(Failure::usage)?;
    let amount = match mark {
        Verb::Check(Some(amount)) => {
            let (AmountArg::Set(text) | AmountArg::Add(text)) = amount;
            let value = parse_positive(text, amount.flag()).map_err(Failure::usage)?;
            Some((amount, value))
        }
        _ => None,
    };

    let mut store = Store::open_for_command(dir, today);
    // Held until the end: nothing else writes between this read and the save.
    store.lock_for_writing()?;
    let (habits, mut log) = store.load()?;
    let mut chosen: Vec<&Habit> = Vec::new();
    for name in names {
        let habit = pick_habit(&habits, name).map_err(|err| Failure::usage(err.to_string()))?;
        if habit.archived {
            return Err(Failure::usage(format!(
                "{} is archived, so it takes no entries; to log it again, bring it back with \
                 `archived: false` in habits.ron (`gutbone paths` shows where)",
                habit.name
            )));
        }
        if let Some((amount, _)) = amount
            && habit.measure.is_none()
        {
            return Err(Failure::usage(format!(
                "{} is done or not, so it takes no {}",
                habit.name,
                amount.flag()
            )));
        }
        if !chosen.iter().any(|c| c.id == habit.id) {
            chosen.push(habit);
        }
    }
    let mut entries = Vec::new();
    let mut replaced = Vec::new();
    for habit in &chosen {
        let had = log.entry(day, habit);
        replaced.push(had);
        let entry = match (mark, amount) {
            (Verb::Check(_), Some((AmountArg::Set(_), value))) => habit.entry_for(value),
            (Verb::Check(_), Some((AmountArg::Add(_), value))) => {
                let sum = habit.amount(had.filter(|e| *e != Entry::Skipped)) + value;
                if sum > MAX_AMOUNT {
                    return Err(Failure::usage(format!(
                        "{} would come to {} {}, above the most a day holds (10,000); nothing was changed",
                        habit.name,
                        format_amount(sum),
                        habit.measure.as_ref().map_or("", |m| m.unit.as_str())
                    )));
                }
                habit.entry_for(sum)
            }
            // A day already at or past its target stays as it is.
            (Verb::Check(_), None) if had.is_some() && habit.status(had) == Some(Status::Done) => {
                had
            }
            (Verb::Check(_), None) => habit.entry_for(habit.target()),
            (Verb::Uncheck, _) => None,
            (Verb::Skip, _) => Some(Entry::Skipped),
        };
        entries.push(entry);
    }
    for (habit, entry) in chosen.iter().zip(entries) {
        log.set_entry(day, habit, entry);
    }
    store.save_day(&log, day)?;
    for (habit, had) in chosen.iter().zip(replaced) {
        let what = match (mark, &habit.measure) {
            (Verb::Check(_), Some(measure)) => {
                let progress = measure.progress(log.amount(day, habit));
                let done = if log.is_done(day, habit) {
                    "done, "
                } else {
                    ""
                };
                match amount {
                    Some((AmountArg::Set(_), _)) => format!("{done}the day's amount is {progress}"),
                    Some((AmountArg::Add(_), value)) => format!(
                        "{done}{} {} added, now {progress}",
                        format_amount(value),
                        measure.unit_for(value)
                    ),
                    None => format!("{done}{progress}"),
                }
            }
            (Verb::Check(_), None) => "done".into(),
            (Verb::Uncheck, _) => "not done".into(),
            (Verb::Skip, _) => "skipped".into(),
        };
        // What a skip or an uncheck took away, and how to have it back.
        let aside = match (mark, had, &habit.measure) {
            (Verb::Skip | Verb::Uncheck, Some(Entry::Amount(amount)), Some(measure)) => format!(
                " (it had {}; `gutbone check {} --amount {}` puts it back)",
                measure.progress(amount),
                habit.id,
                format_amount(amount)
            ),
            (Verb::Skip, Some(Entry::Done), _) => {
                format!(" (it was done; `gutbone check {}` puts it back)", habit.id)
            }
            _ => String::new(),
        };
        writeln!(
            out,
            "{}: {what} on {}{aside}",
            habit.name,
            day.format("%a %-d %b %Y")
        )?;
    }
    Ok(())
}
