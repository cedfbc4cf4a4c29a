//! History that travels between gutbone and other trackers.
//!
//! Each format is read into a [`Source`] (pure functions over the files'
//! text); [`plan`] then works out, without touching the log, what an import
//! would add, what is already there, and what conflicts. Nothing the person
//! already logged is ever overwritten: a conflict is reported and left alone.

pub mod dijo;
pub mod gutbone;
pub mod loop_csv;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::amount::{MAX_AMOUNT, format_amount};
use crate::domain::habit::check_habits;
use crate::domain::schedule::Schedule;
use crate::domain::{Entry, Habit, HabitId, Log};

/// History read from another file, before it meets the log.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    pub habits: Vec<SourceHabit>,
    pub marks: Vec<SourceMark>,
    /// Notes by day; several on one day are joined.
    pub notes: Vec<(NaiveDate, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceHabit {
    pub name: String,
    /// The habit's gutbone id, when the file is gutbone's own export.
    pub id: Option<String>,
    /// A measured habit's daily target; `None` for done-or-not.
    pub target: Option<f64>,
    /// The whole habit, settings and all, as gutbone would keep it: an
    /// import of gutbone's own export creates it where the person has no
    /// such habit, and `--create` does for any file.
    pub habit: Option<Habit>,
    /// What of its settings did not come across, and why.
    pub note: Option<String>,
}

impl SourceHabit {
    /// Another tracker's habit: done or not, or measured in `unit` toward
    /// `target` (a limit when `at_most`), due on `schedule`. One gutbone
    /// could not keep (no letter in its name, a limit not kept day by day)
    /// is still read, only not made.
    pub fn of(
        name: String,
        measure: Option<(String, f64, bool)>,
        schedule: Schedule,
        archived: bool,
    ) -> Self {
        let id = HabitId::from_name(&name);
        let mut habit = match &measure {
            Some((unit, target, _)) => Habit::measured(id.as_str(), &name, unit, 1.0, *target),
            None => Habit::check(id.as_str(), &name),
        };
        if let (Some(measure), Some((_, _, at_most))) = (&mut habit.measure, &measure) {
            measure.at_most = *at_most;
        }
        habit.schedule = schedule;
        habit.archived = archived;
        // Judged on its own, on the checklist or not.
        let alone = Habit {
            archived: false,
            ..habit.clone()
        };
        let keepable = !id.as_str().is_empty() && check_habits(&[alone]).is_ok();
        Self {
            target: measure.map(|(_, target, _)| target).filter(|t| *t > 0.0),
            name,
            id: None,
            habit: keepable.then_some(habit),
            note: None,
        }
    }
}

/// One habit on one day, as the file has it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceMark {
    pub date: NaiveDate,
    /// Index into [`Source::habits`].
    pub habit: usize,
    pub value: Value,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Done,
    Skipped,
    Amount(f64),
}

/// A mistake in a file being imported, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", location(*.line, *.column))]
pub struct ImportError {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub message: String,
}

fn location(line: Option<u64>, column: Option<u64>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(", line {line}, column {column}"),
        (Some(line), None) => format!(", line {line}"),
        _ => String::new(),
    }
}

impl ImportError {
    /// A JSON mistake, its position moved out of the message.
    pub fn json(file: &str, err: &serde_json::Error) -> Self {
        let text = err.to_string();
        let message = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(m, _)| m);
        Self {
            file: file.to_owned(),
            line: Some(err.line() as u64),
            column: Some(err.column() as u64),
            message: message.to_owned(),
        }
    }

    pub fn at(file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            column: None,
            message: message.into(),
        }
    }
}

/// Reads a day written `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date (YYYY-MM-DD)"))?;
    crate::domain::date::kept(date)
}

/// Which of the person's habits each source habit goes to: `mapped` first
/// (source name → habit), then the same id, then the same name or id in any
/// case. `None` for a source habit nothing matches.
pub fn match_habits<'a>(
    source: &Source,
    habits: &'a [Habit],
    mapped: &[(String, HabitId)],
) -> Vec<Option<&'a Habit>> {
    source
        .habits
        .iter()
        .map(|theirs| {
            let name = theirs.name.trim().to_lowercase();
            if let Some((_, id)) = mapped.iter().find(|(from, _)| from.to_lowercase() == name) {
                return habits.iter().find(|h| &h.id == id);
            }
            let by_id = theirs
                .id
                .as_deref()
                .and_then(|id| habits.iter().find(|h| h.id.as_str() == id));
            by_id.or_else(|| {
                habits.iter().find(|h| {
                    h.name.to_lowercase() == name
                        || h.id.as_str() == name
                        || h.id == HabitId::from_name(&theirs.name)
                })
            })
        })
        .collect()
}

/// What an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// One per source habit, in the file's order.
    pub habits: Vec<HabitOutcome>,
    pub entries: Vec<(NaiveDate, HabitId, Entry)>,
    pub notes: Vec<(NaiveDate, String)>,
    pub conflicts: Vec<Conflict>,
    /// Marks dated after today, left out.
    pub later: usize,
    /// Amounts no day can hold (above [`MAX_AMOUNT`]), left out rather than
    /// changed into one that could.
    pub refused: Vec<Refused>,
}

/// A value in the file that gutbone will not take as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub date: NaiveDate,
    /// The habit's name.
    pub about: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HabitOutcome {
    pub source: String,
    /// The habit it goes to: `None` when nothing matched.
    pub habit: Option<String>,
    pub added: usize,
    /// Already logged just so.
    pub present: usize,
    pub conflicts: usize,
}

/// A day where the file and the log disagree; the log is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub date: NaiveDate,
    /// The habit's name, or "note".
    pub about: String,
    pub kept: String,
    pub theirs: String,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.notes.is_empty()
    }

    /// Writes the plan's additions into `log`.
    pub fn apply(&self, log: &mut Log) {
        for (date, habit, entry) in &self.entries {
            log.set_entry(*date, habit, Some(*entry));
        }
        for (date, note) in &self.notes {
            log.set_note(*date, Some(note));
        }
    }

    /// The days the plan changes.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let entries = self.entries.iter().map(|(date, _, _)| *date);
        entries.chain(self.notes.iter().map(|(date, _)| *date))
    }
}

/// Works out the import of `source` into `log`, each source habit going to
/// `targets[i]` (see [`match_habits`]). Days after `today` are left out.
pub fn plan(source: &Source, targets: &[Option<&Habit>], log: &Log, today: NaiveDate) -> Plan {
    let mut plan = Plan {
        habits: source
            .habits
            .iter()
            .zip(targets)
            .map(|(theirs, ours)| HabitOutcome {
                source: theirs.name.clone(),
                habit: ours.map(|h| h.name.clone()),
                added: 0,
                present: 0,
                conflicts: 0,
            })
            .collect(),
        ..Plan::default()
    };
    // Two source habits may go to one of ours: the first one's entry counts
    // as already there when the second comes.
    let mut pending: BTreeMap<(NaiveDate, &HabitId), Entry> = BTreeMap::new();
    for mark in &source.marks {
        let Some(habit) = targets.get(mark.habit).copied().flatten() else {
            continue;
        };
        if mark.date > today {
            plan.later += 1;
            continue;
        }
        if let Value::Amount(amount) = mark.value
            && amount > MAX_AMOUNT
        {
            plan.refused.push(Refused {
                date: mark.date,
                about: habit.name.clone(),
                value: format_amount(amount),
            });
            continue;
        }
        let Some(theirs) = entry_for(mark.value, &source.habits[mark.habit], habit) else {
            continue;
        };
        let outcome = &mut plan.habits[mark.habit];
        let key = (mark.date, &habit.id);
        match log.entry(mark.date, habit).or(pending.get(&key).copied()) {
            None => {
                pending.insert(key, theirs);
                outcome.added += 1;
            }
            Some(kept) if same(kept, theirs, habit) => outcome.present += 1,
            Some(kept) => {
                outcome.conflicts += 1;
                plan.conflicts.push(Conflict {
                    date: mark.date,
                    about: habit.name.clone(),
                    kept: describe(kept, habit),
                    theirs: describe(theirs, habit),
                });
            }
        }
    }
    plan.entries = pending
        .into_iter()
        .map(|((date, id), entry)| (date, id.clone(), entry))
        .collect();

    let mut notes: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for (date, note) in &source.notes {
        // The note editor takes one line.
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        if !note.is_empty() && *date <= today {
            notes.entry(*date).or_default().push(note);
        }
    }
    for (date, parts) in notes {
        let theirs = parts.join("; ");
        match log.note(date) {
            None => plan.notes.push((date, theirs)),
            Some(kept) if kept == theirs => {}
            Some(kept) => plan.conflicts.push(Conflict {
                date,
                about: "note".into(),
                kept: format!("\"{kept}\""),
                theirs: format!("\"{theirs}\""),
            }),
        }
    }
    plan.conflicts
        .sort_by(|a, b| (a.date, &a.about).cmp(&(b.date, &b.about)));
    plan
}

/// The entry `value` makes for our `habit`. An amount for a done-or-not
/// habit counts as done when it reached the source's target (or, with no
/// target, when it is above zero).
fn entry_for(value: Value, theirs: &SourceHabit, habit: &Habit) -> Option<Entry> {
    match value {
        Value::Done => Some(Entry::Done),
        Value::Skipped => Some(Entry::Skipped),
        Value::Amount(amount) if !amount.is_finite() => None,
        Value::Amount(amount) if habit.measure.is_some() => habit.entry_for(amount),
        Value::Amount(amount) => {
            let needed = theirs
                .target
                .filter(|t| *t > 0.0)
                .unwrap_or(f64::MIN_POSITIVE);
            (amount >= needed).then_some(Entry::Done)
        }
    }
}

/// Whether two entries say the same of `habit`: done and an amount at the
/// target are one thing.
fn same(a: Entry, b: Entry, habit: &Habit) -> bool {
    let (a, b) = (Some(a), Some(b));
    habit.status(a) == habit.status(b) && habit.amount(a) == habit.amount(b)
}

fn describe(entry: Entry, habit: &Habit) -> String {
    match (entry, &habit.measure) {
        (Entry::Done, _) => "done".into(),
        (Entry::Skipped, _) => "skipped".into(),
        (Entry::Amount(amount), Some(measure)) => {
            format!("{} {}", format_amount(amount), measure.unit_for(amount))
        }
        (Entry::Amount(amount), None) => format_amount(amount),
    }
}
