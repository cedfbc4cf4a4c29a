//! The message of a sync's commit: the host, and the days and habits its
//! changes touched, read from the files as the app reads them.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use super::{Git, SyncError};
use crate::domain::{Habit, HabitId};
use crate::store::merge::DataFile;
use crate::store::month::month_log;
use crate::store::parse_habits;

/// How many days the first line names before it gives a span instead.
const DAYS_NAMED: usize = 3;
/// How many days the body lists before it lists months.
const DAYS_LISTED: usize = 62;

/// The message for what is staged.
pub fn describe(git: &Git, host: &str) -> Result<String, SyncError> {
    let files = git.run(
        "listing the changes",
        &["diff", "--cached", "--name-only", "--no-renames"],
    )?;
    let mut days: BTreeSet<NaiveDate> = BTreeSet::new();
    // The habits whose entries changed on those days, and "note".
    let mut touched: BTreeSet<String> = BTreeSet::new();
    let mut habits: BTreeSet<HabitId> = BTreeSet::new();
    let mut others = Vec::new();
    // habits.ron new to git: the list itself, not each habit, is named.
    let mut new_habits = false;
    for file in files.lines() {
        let [before, after] = [format!("HEAD:{file}"), format!(":{file}")].map(|object| {
            git.run("reading a file", &["show", &object])
                .unwrap_or_default()
        });
        let path = Path::new(file);
        match DataFile::of(file) {
            Some(DataFile::Month(month)) => {
                let read = |text: &str| month_log(text, path, month).unwrap_or_default();
                let (before, after) = (read(&before), read(&after));
                let dates: BTreeSet<NaiveDate> = (before.days_in(..).map(|(date, _)| date))
                    .chain(after.days_in(..).map(|(date, _)| date))
                    .collect();
                for date in dates {
                    let (was, is) = (before.day(date), after.day(date));
                    if was == is {
                        continue;
                    }
                    days.insert(date);
                    let ids = was.into_iter().chain(is).flat_map(|day| day.entries());
                    for (habit, _) in ids {
                        if before.entry(date, habit) != after.entry(date, habit) {
                            touched.insert(habit.to_string());
                        }
                    }
                    if before.note(date) != after.note(date) {
                        touched.insert("note".into());
                    }
                }
            }
            Some(DataFile::Habits) => {
                let read = |text: &str| parse_habits(text, path).unwrap_or_default();
                let (before, after) = (read(&before), read(&after));
                if before.is_empty() {
                    new_habits = true;
                    continue;
                }
                let find =
                    |list: &[Habit], id: &HabitId| list.iter().find(|h| h.id == *id).cloned();
                for habit in before.iter().chain(&after) {
                    if find(&before, &habit.id) != find(&after, &habit.id) {
                        habits.insert(habit.id.clone());
                    }
                }
                if habits.is_empty() && before != after {
                    others.push("the habits' order".to_owned());
                }
            }
            None => others.push(file.to_owned()),
        }
    }
    let mut parts = Vec::new();
    if !days.is_empty() {
        let named = if days.len() <= DAYS_NAMED {
            let days: Vec<String> = days.iter().map(ToString::to_string).collect();
            days.join(", ")
        } else {
            let (first, last) = (days.first().unwrap(), days.last().unwrap());
            format!("{} days, {first} to {last}", days.len())
        };
        let touched: Vec<&str> = touched.iter().map(String::as_str).collect();
        parts.push(format!("{named} ({})", touched.join(", ")));
    }
    if new_habits {
        parts.push("the habits".to_owned());
    } else if !habits.is_empty() {
        let habits: Vec<&str> = habits.iter().map(HabitId::as_str).collect();
        parts.push(format!("habits {}", habits.join(", ")));
    }
    if parts.is_empty() {
        parts.push(match others.is_empty() {
            true => "comments and layout only".to_owned(),
            false => others.join(", "),
        });
    }
    let mut message = format!("{host}: {}", parts.join("; "));
    if days.len() > DAYS_NAMED {
        // Every day of a month or two; the months of a longer history.
        let body = if days.len() <= DAYS_LISTED {
            let days: Vec<String> = days.iter().map(ToString::to_string).collect();
            format!("Days: {}", days.join(", "))
        } else {
            let months: BTreeSet<String> = days
                .iter()
                .map(|day| day.format("%Y-%m").to_string())
                .collect();
            let months: Vec<String> = months.into_iter().collect();
            format!("Months: {}", months.join(", "))
        };
        message.push_str(&format!("\n\n{body}\n"));
    }
    Ok(message)
}
