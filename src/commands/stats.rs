//! `gutbone stats`: a habit's whole story as text, or as JSON a script can
//! read (its shape is in the README and stays stable).

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::Failure;
use super::pick::{parse_day, pick_habit};
use crate::domain::amount::format_amount;
use crate::domain::story::{self, Story, StoryDay};
use crate::domain::{Habit, History};
use crate::store::Store;

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Serialize)]
struct StatsJson<'a> {
    habit: &'a str,
    days_done: u32,
    days_due: u32,
    /// Days done on each weekday.
    weekdays: Weekdays,
    best_streaks: Vec<StreakJson>,
    current_streak: u32,
    /// Strength on the last day of each month (today, for this one).
    strength: Vec<MonthValue>,
    months: Vec<MonthJson>,
}

/// Monday first, as the README shows them.
#[derive(Serialize)]
struct Weekdays {
    mon: u32,
    tue: u32,
    wed: u32,
    thu: u32,
    fri: u32,
    sat: u32,
    sun: u32,
}

#[derive(Serialize)]
struct StreakJson {
    start: String,
    end: String,
    length: u32,
}

#[derive(Serialize)]
struct MonthValue {
    month: String,
    value: f64,
}

#[derive(Serialize)]
struct MonthJson {
    month: String,
    done: u32,
    /// A measured habit's amount that month; `null` for done-or-not.
    amount: Option<f64>,
}

/// The range asked for, each end a day as `--date` takes one.
pub struct Range<'a> {
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
}

pub fn run(
    dir: &Path,
    name: Option<&str>,
    range: &Range,
    json: bool,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let day = |text: Option<&str>| {
        text.map(|t| parse_day(t, today))
            .transpose()
            .map_err(Failure::usage)
    };
    let (from, to) = (day(range.from)?, day(range.to)?.unwrap_or(today));
    if from.is_some_and(|from| from > to) {
        return Err(Failure::usage("--from is after --to: nothing lies between"));
    }
    let (habits, log) = Store::open_for_command(dir, today).load()?;
    let chosen: Vec<&Habit> = match name {
        Some(name) => {
            vec![pick_habit(&habits, name).map_err(|err| Failure::usage(err.to_string()))?]
        }
        None => habits.iter().filter(|h| !h.archived).collect(),
    };
    let history = History::from(log);
    let figures: Vec<StatsJson> = (chosen.iter())
        .map(|habit| {
            // Walked to today, so a `--to` in the past is a day decided.
            let story = Story::of(&history, habit, today);
            let days = story.between(from.unwrap_or(NaiveDate::MIN), to);
            of(habit, days)
        })
        .collect();
    if json {
        let text = match (name, figures.as_slice()) {
            (Some(_), [one]) => serde_json::to_string_pretty(one),
            _ => serde_json::to_string_pretty(&figures),
        };
        writeln!(
            out,
            "{}",
            text.map_err(|err| Failure::from(std::io::Error::other(err)))?
        )?;
        return Ok(());
    }
    for (habit, figures) in chosen.iter().zip(&figures) {
        text(habit, figures, out)?;
    }
    Ok(())
}

fn of<'a>(habit: &'a Habit, days: &[StoryDay]) -> StatsJson<'a> {
    let (done, due) = story::done_and_due(days);
    let weekdays = story::weekdays(days);
    let measured = habit.measure.is_some();
    let round = |value: f64, places: i32| {
        let scale = 10_f64.powi(places);
        (value * scale).round() / scale
    };
    let months = story::months(days);
    StatsJson {
        habit: habit.id.as_str(),
        days_done: done,
        days_due: due,
        weekdays: {
            let [mon, tue, wed, thu, fri, sat, sun] = weekdays.map(|(done, _)| done);
            Weekdays {
                mon,
                tue,
                wed,
                thu,
                fri,
                sat,
                sun,
            }
        },
        best_streaks: (story::streaks(days).into_iter().take(5))
            .map(|streak| StreakJson {
                start: streak.start.to_string(),
                end: streak.end.to_string(),
                length: streak.days,
            })
            .collect(),
        current_streak: story::current_streak(days),
        strength: (months.iter())
            .map(|m| MonthValue {
                month: m.month.to_string(),
                value: round(m.strength, 3),
            })
            .collect(),
        months: (months.iter())
            .map(|m| MonthJson {
                month: m.month.to_string(),
                done: m.done,
                amount: measured.then(|| round(m.amount, 2)),
            })
            .collect(),
    }
}

fn text(habit: &Habit, figures: &StatsJson, out: &mut impl Write) -> Result<(), Failure> {
    let share = |done: u32, due: u32| match due {
        0 => "-".to_owned(),
        due => format!("{:.0}%", f64::from(done) * 100.0 / f64::from(due)),
    };
    writeln!(out, "{} ({})", habit.name, habit.schedule)?;
    writeln!(
        out,
        "  done {} of {} due days ({}), current streak {}",
        figures.days_done,
        figures.days_due,
        share(figures.days_done, figures.days_due),
        figures.current_streak
    )?;
    let streaks: Vec<String> = (figures.best_streaks.iter())
        .map(|s| {
            let days = if s.length == 1 { "day" } else { "days" };
            format!("{} {days} ({} to {})", s.length, s.start, s.end)
        })
        .collect();
    if !streaks.is_empty() {
        writeln!(out, "  best streaks: {}", streaks.join(", "))?;
    }
    let w = &figures.weekdays;
    let counts = [w.mon, w.tue, w.wed, w.thu, w.fri, w.sat, w.sun];
    let weekdays: Vec<String> = (WEEKDAYS.iter().zip(counts))
        .map(|(day, done)| format!("{day} {done}"))
        .collect();
    writeln!(out, "  done by weekday: {}", weekdays.join("  "))?;
    for (month, strength) in figures.months.iter().zip(&figures.strength) {
        let amount = match (month.amount, &habit.measure) {
            (Some(amount), Some(m)) => {
                format!(", {} {}", format_amount(amount), m.unit_for(amount))
            }
            _ => String::new(),
        };
        writeln!(
            out,
            "  {}  {:>2} done{amount}, strength {:.0}%",
            month.month,
            month.done,
            strength.value * 100.0
        )?;
    }
    Ok(())
}
