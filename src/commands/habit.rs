//! `gutbone habit`: list, add, edit, archive, unarchive and move habits
//! from a shell. What is typed goes through the same form the app's `a` and
//! `e` fill in, and the same checks, so a habit made here is one the app
//! could have made.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::Failure;
use super::pick::pick_habit;
use crate::cli::{HabitCommand, HabitSettings};
use crate::domain::Habit;
use crate::domain::habit::{check_habits, check_names};
use crate::domain::schedule::Schedule;
use crate::form::HabitForm;
use crate::store::Store;

/// A habit as `habit list --json` gives it (its shape is in the README).
#[derive(Serialize)]
struct HabitJson<'a> {
    id: &'a str,
    name: &'a str,
    short: &'a str,
    /// "check", "measured" or "limit".
    kind: &'static str,
    unit: Option<&'a str>,
    target: Option<f64>,
    step: Option<f64>,
    /// The most a day may hold, for a limit.
    limit: Option<f64>,
    schedule: String,
    archived: bool,
}

pub fn run(
    dir: &Path,
    command: &HabitCommand,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut store = Store::open_for_command(dir, today);
    if !matches!(command, HabitCommand::List { .. }) {
        // Held until the end: nothing else writes between this read and the save.
        store.lock_for_writing()?;
    }
    let (habits, log) = store.load_day(today)?;
    let find = |name: &str| {
        pick_habit(&habits, name)
            .map(|habit| habit.id.clone())
            .map_err(|err| Failure::usage(err.to_string()))
    };
    let mut after = habits.clone();
    let said = match command {
        HabitCommand::List { all, json } => return list(&habits, *all, *json, out),
        HabitCommand::Add { name, settings } => {
            let mut form = HabitForm::new();
            form.name = name.clone();
            apply(&mut form, None, settings)?;
            let mut habit = form.to_habit(None, &habits).map_err(Failure::usage)?;
            if let Some(old) = habits.iter().find(|h| h.id == habit.id) {
                return Err(Failure::usage(format!(
                    "\"{}\" already has the id {}; choose another name{}",
                    old.name,
                    habit.id,
                    if old.archived {
                        " (it is archived: `gutbone habit unarchive` brings it back)"
                    } else {
                        ""
                    }
                )));
            }
            // The days before today are not misses for a habit new today.
            habit.since = Some(today);
            let at = habits
                .iter()
                .rposition(|h| !h.archived)
                .map_or(0, |at| at + 1);
            after.insert(at, habit.clone());
            format!("{} is on the checklist: {}", habit.name, habit.describe())
        }
        HabitCommand::Edit {
            habit,
            name,
            settings,
            daily,
        } => {
            let id = find(habit)?;
            let base = habits.iter().find(|h| h.id == id).expect("just found");
            let mut form = HabitForm::edit(base);
            if let Some(name) = name {
                form.name = name.clone();
            }
            apply(&mut form, Some(base), settings)?;
            if *daily {
                form.schedule = "daily".into();
            }
            let others: Vec<Habit> = habits.iter().filter(|h| h.id != id).cloned().collect();
            let edited = form.to_habit(Some(base), &others).map_err(Failure::usage)?;
            let mut said = format!("{}: {}", edited.name, edited.describe());
            if let Some(change) = form.kind_change(base) {
                said = format!("{said}\n{change}");
            }
            for slot in after.iter_mut().filter(|h| h.id == id) {
                *slot = edited.clone();
            }
            said
        }
        HabitCommand::Archive { habit } | HabitCommand::Unarchive { habit } => {
            let archive = matches!(command, HabitCommand::Archive { .. });
            let id = find(habit)?;
            let slot = after.iter_mut().find(|h| h.id == id).expect("just found");
            let was = std::mem::replace(&mut slot.archived, archive);
            let name = &slot.name;
            match (was, archive) {
                (true, true) => format!("{name} is archived already; nothing changed"),
                (false, false) => format!("{name} is on the checklist already; nothing changed"),
                (_, true) => format!("{name} is archived: off the checklist, its history kept"),
                (_, false) => format!("{name} is back on the checklist"),
            }
        }
        HabitCommand::Move { habit, to } => {
            let id = find(habit)?;
            let active: Vec<usize> = (0..after.len()).filter(|&i| !after[i].archived).collect();
            if *to == 0 || *to > active.len() {
                return Err(Failure::usage(format!(
                    "--to {to}: the places on the checklist are 1 to {}",
                    active.len()
                )));
            }
            let from = after.iter().position(|h| h.id == id).expect("just found");
            if after[from].archived {
                return Err(Failure::usage(format!(
                    "{} is archived, so it has no place on the checklist",
                    after[from].name
                )));
            }
            let moved = after.remove(from);
            // Before the habit now at that place, or after the last one on
            // the checklist (archived ones stay last).
            let mut active = after.iter().enumerate().filter(|(_, h)| !h.archived);
            let at = match active.clone().nth(to - 1) {
                Some((at, _)) => at,
                None => active.next_back().map_or(0, |(at, _)| at + 1),
            };
            after.insert(at, moved);
            format!("{} is number {to} on the checklist", after[at].name)
        }
    };
    if let Err(problem) = check_habits(&after).and_then(|()| check_names(&after)) {
        return Err(Failure::usage(problem.message));
    }
    if after != habits {
        store.save_habits(after, &log)?;
    }
    writeln!(out, "{said}")?;
    Ok(())
}

/// Lays `settings` over the form, refusing what cannot go together before
/// the form is asked for a habit.
fn apply(
    form: &mut HabitForm,
    base: Option<&Habit>,
    settings: &HabitSettings,
) -> Result<(), Failure> {
    let amount = settings.target.as_ref().or(settings.at_most.as_ref());
    let measured = base.is_some_and(|base| base.measure.is_some() || base.was_measured.is_some());
    if amount.is_some() && settings.unit.is_none() && !measured {
        return Err(Failure::usage(
            "--target and --at-most go with --unit, e.g. --unit min --target 30",
        ));
    }
    if amount.is_none() && !form.measured {
        for (flag, given) in [("--unit", &settings.unit), ("--step", &settings.step)] {
            if given.is_some() {
                return Err(Failure::usage(format!(
                    "{flag} is for a measured habit or a limit: give --target or --at-most with it"
                )));
            }
        }
    }
    if let Some(short) = &settings.short {
        form.short = short.clone();
    }
    if let Some(unit) = &settings.unit {
        form.unit = unit.clone();
    }
    if let Some(step) = &settings.step {
        form.step = step.clone();
    }
    if let Some(amount) = amount {
        form.measured = true;
        form.limit = settings.at_most.is_some();
        form.target = amount.clone();
    }
    if let Some(frequency) = &settings.frequency {
        match Schedule::parse(frequency).map_err(Failure::usage)? {
            Schedule::Weekdays(_) => {
                return Err(Failure::usage(format!(
                    "--frequency {frequency}: weekdays go with --on, e.g. --on mon,wed,fri"
                )));
            }
            schedule => form.schedule = schedule.to_string(),
        }
    }
    if let Some(days) = &settings.on {
        match Schedule::parse(days).map_err(Failure::usage)? {
            Schedule::Times { .. } => {
                return Err(Failure::usage(format!(
                    "--on {days}: name weekdays, e.g. --on mon,wed,fri (a number of times goes \
                     with --frequency)"
                )));
            }
            schedule => form.schedule = schedule.to_string(),
        }
    }
    Ok(())
}

fn list(habits: &[Habit], all: bool, json: bool, out: &mut impl Write) -> Result<(), Failure> {
    let shown: Vec<&Habit> = habits.iter().filter(|h| all || !h.archived).collect();
    if json {
        let rows: Vec<HabitJson> = shown
            .iter()
            .map(|habit| {
                let measure = habit.measure.as_ref();
                let limit = measure.filter(|m| m.at_most);
                HabitJson {
                    id: habit.id.as_str(),
                    name: &habit.name,
                    short: &habit.short,
                    kind: match measure {
                        Some(m) if m.at_most => "limit",
                        Some(_) => "measured",
                        None => "check",
                    },
                    unit: measure.map(|m| m.unit.as_str()),
                    target: measure.filter(|m| !m.at_most).map(|m| m.target),
                    step: measure.map(|m| m.step),
                    limit: limit.map(|m| m.target),
                    schedule: habit.schedule.to_string(),
                    archived: habit.archived,
                }
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|err| Failure::from(std::io::Error::other(err)))?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    let width = shown
        .iter()
        .map(|h| crate::columns::width(&h.name))
        .max()
        .unwrap_or(0);
    let mut place = 0;
    for habit in shown {
        let number = match habit.archived {
            true => "  -".to_owned(),
            false => {
                place += 1;
                format!("{place:>3}")
            }
        };
        let archived = if habit.archived { "  (archived)" } else { "" };
        writeln!(
            out,
            "{number}  {}  {}{archived}",
            crate::columns::left(&habit.name, width),
            habit.describe()
        )?;
    }
    Ok(())
}
