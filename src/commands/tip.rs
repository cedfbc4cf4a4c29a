//! `gutbone tip [HABIT]`: one tip that fits the moment, with its source.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDateTime;

use super::Failure;
use super::pick::pick_habit;
use crate::coach::Moment;
use crate::domain::stats::HabitStats;
use crate::domain::{Habit, History};
use crate::own_files::load_tips;
use crate::store::Store;

/// Prints a tip for `name`, or for the first habit not yet done today. The
/// same moment gives the same tip the app shows.
/// A mistake in the person's own tips file is told on stderr, and the
/// built-in tips still serve.
pub fn run(
    dir: &Path,
    tips_file: &Path,
    name: Option<&str>,
    now: NaiveDateTime,
    today: chrono::NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut store = Store::open_for_command(dir, today);
    let (habits, log) = store.load()?;
    let ids: Vec<_> = habits.iter().map(|h| h.id.clone()).collect();
    let (tips, problem) = load_tips(tips_file, &ids);
    if let Some(problem) = problem {
        let _ = writeln!(std::io::stderr(), "gutbone: {problem}");
    }
    let habits: Vec<Habit> = habits.into_iter().filter(|h| !h.archived).collect();
    let habit = match name {
        Some(name) => pick_habit(&habits, name).map_err(|err| Failure::usage(err.to_string()))?,
        None => habits
            .iter()
            .find(|h| !log.is_done(today, h))
            .or(habits.first())
            .ok_or_else(|| Failure::usage("there are no habits on the checklist"))?,
    };
    let history = History::from(log);
    let stats = HabitStats::all(&history, &habits, today);
    let moment = Moment {
        history: &history,
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
