//! `gutbone week`: the week grid as plain text, or as JSON.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::Failure;
use super::pick::parse_day;
use crate::columns;
use crate::domain::settings::WeekStart;
use crate::domain::week::{Mark, WeekSummary};
use crate::domain::{Habit, History};
use crate::store::Store;
use crate::symbols;

#[derive(Serialize)]
struct WeekJson<'a> {
    days: Vec<String>,
    habits: Vec<RowJson<'a>>,
    /// Habits done per day; null for days still to come or before the log.
    totals: [Option<usize>; 7],
}

#[derive(Serialize)]
struct RowJson<'a> {
    id: &'a str,
    name: &'a str,
    marks: Vec<&'static str>,
}

fn mark_name(mark: Mark) -> &'static str {
    match mark {
        Mark::Done => "done",
        Mark::Partial => "partial",
        Mark::Skipped => "skipped",
        Mark::Missed => "missed",
        Mark::Open => "open",
        Mark::Off => "off",
        Mark::Upcoming => "upcoming",
        Mark::Untracked => "untracked",
    }
}

pub fn run(
    dir: &Path,
    date: Option<&str>,
    json: bool,
    week_start: WeekStart,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let day = parse_day(date.unwrap_or("today"), today).map_err(Failure::usage)?;
    let mut store = Store::open_for_command(dir, today);
    let (habits, log) = store.load()?;
    let habits: Vec<Habit> = habits.into_iter().filter(|h| !h.archived).collect();
    let week = WeekSummary::new(&History::from(log), &habits, day, today, week_start);
    if json {
        let shape = WeekJson {
            days: week
                .days
                .iter()
                .map(|d| d.format("%Y-%m-%d").to_string())
                .collect(),
            habits: habits
                .iter()
                .zip(&week.rows)
                .map(|(habit, row)| RowJson {
                    id: habit.id.as_str(),
                    name: &habit.name,
                    marks: row.marks.iter().map(|m| mark_name(*m)).collect(),
                })
                .collect(),
            totals: week.totals,
        };
        let text = serde_json::to_string_pretty(&shape)
            .map_err(|err| Failure::from(std::io::Error::other(err)))?;
        writeln!(out, "{text}")?;
        return Ok(());
    }
    let width = habits
        .iter()
        .map(|h| columns::width(&h.short))
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(out, "Week of {}", week.days[0].format("%a %-d %b %Y"))?;
    let names: String = week
        .days
        .iter()
        .map(|d| format!(" {:>2}", &d.format("%a").to_string()[..2]))
        .collect();
    let dates: String = week
        .days
        .iter()
        .map(|d| format!(" {:>2}", d.format("%-d")))
        .collect();
    writeln!(out, "{:width$}{names}", "")?;
    writeln!(out, "{:width$}{dates}", "")?;
    for (habit, row) in habits.iter().zip(&week.rows) {
        let marks: String = row
            .marks
            .iter()
            .map(|m| format!("  {}", symbols::week_mark(*m)))
            .collect();
        writeln!(
            out,
            "{}{}",
            columns::left(&habit.short, width),
            marks.trim_end()
        )?;
    }
    let totals: String = week
        .totals
        .iter()
        .map(|t| format!(" {:>2}", t.map(|n| n.to_string()).unwrap_or_default()))
        .collect();
    writeln!(out, "{:<width$}{}", "Done", totals.trim_end())?;
    let not_due = match week.rows.iter().any(|row| row.marks.contains(&Mark::Off)) {
        true => format!("  {} not due", symbols::MARK_OFF),
        false => String::new(),
    };
    writeln!(
        out,
        "{} done  {} part  {} skipped  {} missed  {} open{not_due}",
        symbols::MARK_DONE,
        symbols::MARK_PARTIAL,
        symbols::MARK_SKIPPED,
        symbols::MARK_MISSED,
        symbols::MARK_OPEN
    )?;
    Ok(())
}
