//! `gutbone tip [HABIT]`: one tip that fits the moment, with its source.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDateTime;

use super::Failure;
use super::pick::pick_habit;
use crate::coach::{Moment, Tips};
use crate::domain::Habit;
use crate::domain::stats::HabitStats;
use crate::store::Store;

/// Prints a tip for `name`, or for the first habit not yet done today. The
/// same moment gives the same tip the app shows.
pub fn run(
    dir: &Path,
    name: Option<&str>,
    tips: &Tips,
    now: NaiveDateTime,
    today: chrono::NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut store = Store::open_for_command(dir);
    let (habits, log) = store.load()?;
    let habits: Vec<Habit> = habits.into_iter().filter(|h| !h.archived).collect();
    let habit = match name {
        Some(name) => pick_habit(&habits, name).map_err(|err| Failure::usage(err.to_string()))?,
        None => habits
            .iter()
            .find(|h| !log.is_done(today, h))
            .or(habits.first())
            .ok_or_else(|| Failure::usage("there are no habits on the checklist"))?,
    };
    let stats = HabitStats::all(&log, &habits, today);
    let moment = Moment {
        log: &log,
        habits: &habits,
        stats: &stats,
        today,
        time: now.time(),
    };
    match tips.choose(&habit.id, &moment, 0) {
        Some(choice) => {
            writeln!(out, "{}: {}", habit.name, choice.tip.text)?;
            writeln!(out, "Source: {}", choice.source.title)?;
        }
        None => writeln!(
            out,
            "{}: no tip yet. Write your own in tips.ron (see `gutbone paths`).",
            habit.name
        )?,
    }
    Ok(())
}
