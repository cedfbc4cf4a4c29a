//! `gutbone status`: a day's checklist as text, as JSON, or as one short line
//! for a shell prompt or a status bar.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::Failure;
use super::pick::parse_day;
use crate::columns;
use crate::domain::stats::{HabitStats, counted_today};
use crate::domain::{Habit, History, Log, Status};
use crate::store::{Month, Store, StoreError};
use crate::symbols;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// One line: `gutbone 3/5 · sunlight, stress break left`.
    Short,
}

/// The JSON shape, documented in the README and kept stable.
#[derive(Serialize)]
struct DayJson<'a> {
    date: String,
    done: usize,
    /// Every habit on the checklist, skipped ones included.
    total: usize,
    skipped: usize,
    habits: Vec<HabitJson<'a>>,
}

#[derive(Serialize)]
struct HabitJson<'a> {
    id: &'a str,
    name: &'a str,
    done: bool,
    skipped: bool,
    amount: f64,
    target: f64,
    unit: Option<&'a str>,
    current_streak: u32,
    best_streak: u32,
    strength: f64,
    /// "daily", "3/7", "mon,wed,fri".
    schedule: String,
    /// Leaving it undone that day could cost its streak.
    due: bool,
    /// The most a day may hold, for a limit (then `done` means kept).
    limit: Option<f64>,
}

pub fn run(
    dir: &Path,
    date: Option<&str>,
    format: Format,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let day = parse_day(date.unwrap_or("today"), today).map_err(Failure::usage)?;
    let mut store = Store::open_for_command(dir, today);
    // The short line answers only "how is the day going": the day's month
    // is enough, or the days back to the longest window a habit counts in.
    let (habits, log) = if format == Format::Short {
        // On a prompt, a problem takes one line.
        let one_line = |err: StoreError| Failure {
            code: 1,
            message: one_line(&err),
        };
        let (habits, log) = store.load_day(day).map_err(one_line)?;
        // Twice the window: its days are counted with skipped days left out.
        let window = habits
            .iter()
            .map(|h| h.schedule.window().1)
            .max()
            .unwrap_or(1);
        match day.checked_sub_days(chrono::Days::new(u64::from(2 * window - 2))) {
            Some(from) if Month::of(from) != Month::of(day) => {
                store.load_from(from).map_err(one_line)?
            }
            _ => (habits, log),
        }
    } else {
        store.load()?
    };
    // A habit added after the day asked about has nothing to say of it.
    let habits: Vec<Habit> = (habits.into_iter())
        .filter(|h| {
            !h.archived && (h.since.is_none_or(|since| since <= day) || log.entry(day, h).is_some())
        })
        .collect();
    let history = History::from(log);
    let log = &history.log;
    let stats = HabitStats::all(&history, &habits, day);
    let count = log.count(day, counted_today(&habits, &stats, log, day));
    let done = count.done;
    match format {
        Format::Short => {
            let left: Vec<String> = (habits.iter().zip(&stats))
                .filter(|(_, stats)| stats.due)
                .map(|(h, _)| h.name.to_lowercase())
                .collect();
            if count.is_rest_day() {
                writeln!(out, "gutbone rest day")?;
            } else {
                let rest = if left.is_empty() {
                    "all done".to_owned()
                } else {
                    format!("{} left", left.join(", "))
                };
                writeln!(out, "gutbone {done}/{} · {rest}", count.counted())?;
            }
        }
        Format::Json => {
            let json = DayJson {
                date: day.format("%Y-%m-%d").to_string(),
                done,
                total: habits.len(),
                skipped: count.skipped,
                habits: habits
                    .iter()
                    .zip(&stats)
                    .map(|(habit, stats)| habit_json(habit, stats, log, day))
                    .collect(),
            };
            let text = serde_json::to_string_pretty(&json)
                .map_err(|err| Failure::from(std::io::Error::other(err)))?;
            writeln!(out, "{text}")?;
        }
        Format::Text => {
            let summary = if count.is_rest_day() {
                "rest day: every habit skipped".to_owned()
            } else if count.skipped > 0 {
                format!("{done}/{} done, {} skipped", count.counted(), count.skipped)
            } else {
                format!("{done}/{} done", count.counted())
            };
            writeln!(out, "{} · {summary}", day.format("%a %-d %b %Y"))?;
            let width = habits
                .iter()
                .map(|h| columns::width(&h.name))
                .max()
                .unwrap_or(0);
            let amounts: Vec<String> = habits
                .iter()
                .map(|habit| {
                    habit
                        .measure
                        .as_ref()
                        .map_or(String::new(), |m| m.progress(log.amount(day, habit)))
                })
                .collect();
            let amount_width = amounts.iter().map(|a| columns::width(a)).max().unwrap_or(0);
            for ((habit, stats), amount) in habits.iter().zip(&stats).zip(&amounts) {
                let mark = match log.status(day, habit) {
                    Some(Status::Done) => symbols::CHECKED,
                    Some(Status::Partial) => symbols::PARTIAL,
                    Some(Status::Skipped) => symbols::SKIPPED,
                    Some(Status::Over) => symbols::OVER,
                    None => symbols::UNCHECKED,
                };
                let best = stats.best_streak.map_or(0, |s| s.days);
                writeln!(
                    out,
                    "{mark} {}  {}  streak {} (best {best}), strength {:.0}%",
                    columns::left(&habit.name, width),
                    columns::left(amount, amount_width.max(14)),
                    stats.current_streak,
                    stats.strength * 100.0
                )?;
            }
        }
    }
    Ok(())
}

/// `err` in a line: where the mistake is and what it is.
pub fn one_line(err: &StoreError) -> String {
    match err {
        StoreError::Parse {
            path,
            line,
            column,
            message,
        } => format!(
            "cannot read {}, line {line}, column {column}: {message} (see `gutbone doctor`)",
            path.display()
        ),
        other => other
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
}

fn habit_json<'a>(
    habit: &'a Habit,
    stats: &HabitStats,
    log: &Log,
    day: NaiveDate,
) -> HabitJson<'a> {
    let status = log.status(day, habit);
    HabitJson {
        id: habit.id.as_str(),
        name: &habit.name,
        done: status == Some(Status::Done),
        skipped: status == Some(Status::Skipped),
        amount: log.amount(day, habit),
        target: habit.target(),
        unit: habit.measure.as_ref().map(|m| m.unit.as_str()),
        current_streak: stats.current_streak,
        best_streak: stats.best_streak.map_or(0, |s| s.days),
        // Rounded so the output is stable text, not float noise.
        strength: (stats.strength * 1000.0).round() / 1000.0,
        schedule: habit.schedule.to_string(),
        due: stats.due,
        limit: habit
            .measure
            .as_ref()
            .filter(|m| m.at_most)
            .map(|m| m.target),
    }
}
