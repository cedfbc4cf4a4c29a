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
    /// The whole habit, settings and all, when the file is gutbone's own
    /// export: an import creates it where the person has no such habit.
    pub habit: Option<Habit>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn habits() -> Vec<Habit> {
        vec![
            Habit::check("fermented-food", "Fermented food"),
            Habit::measured("exercise", "Exercise", "min", 5.0, 30.0),
        ]
    }

    fn source(names: &[&str], marks: &[(u32, usize, Value)]) -> Source {
        Source {
            habits: names
                .iter()
                .map(|name| SourceHabit {
                    name: (*name).into(),
                    id: None,
                    target: None,
                    habit: None,
                })
                .collect(),
            marks: marks
                .iter()
                .map(|&(d, habit, value)| SourceMark {
                    date: day(d),
                    habit,
                    value,
                })
                .collect(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn habits_match_by_name_or_id_in_any_case_and_mapping_wins() {
        let ours = habits();
        let theirs = source(&["EXERCISE", "fermented food", "Kefir", "Walk"], &[]);
        let mapped = [("kefir".to_owned(), HabitId::new("fermented-food"))];
        let found: Vec<_> = match_habits(&theirs, &ours, &mapped)
            .iter()
            .map(|h| h.map(|h| h.id.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                Some("exercise"),
                Some("fermented-food"),
                Some("fermented-food"),
                None
            ]
        );
    }

    #[test]
    fn new_days_are_added_same_ones_counted_and_different_ones_kept() {
        let ours = habits();
        let mut log = Log::new();
        log.set_entry(day(1), &ours[0], Some(Entry::Done));
        log.set_entry(day(2), &ours[0], Some(Entry::Skipped));
        let theirs = source(
            &["Fermented food"],
            &[
                (1, 0, Value::Done),
                (2, 0, Value::Done),
                (3, 0, Value::Done),
            ],
        );
        let targets = match_habits(&theirs, &ours, &[]);
        let plan = plan(&theirs, &targets, &log, day(22));
        assert_eq!(
            plan.entries,
            [(day(3), HabitId::new("fermented-food"), Entry::Done)]
        );
        assert_eq!(
            (
                plan.habits[0].added,
                plan.habits[0].present,
                plan.habits[0].conflicts
            ),
            (1, 1, 1)
        );
        assert_eq!(
            plan.conflicts,
            [Conflict {
                date: day(2),
                about: "Fermented food".into(),
                kept: "skipped".into(),
                theirs: "done".into(),
            }]
        );
        let mut after = log.clone();
        plan.apply(&mut after);
        assert_eq!(after.entry(day(2), &ours[0]), Some(Entry::Skipped));
        assert_eq!(after.entry(day(3), &ours[0]), Some(Entry::Done));
    }

    #[test]
    fn amounts_fit_the_habit_they_go_to() {
        let ours = habits();
        let mut theirs = source(
            &["Fermented food", "Exercise"],
            &[
                (1, 0, Value::Amount(2.0)),
                (2, 0, Value::Amount(0.5)),
                (1, 1, Value::Amount(20.0)),
                (2, 1, Value::Done),
                (3, 1, Value::Amount(0.0)),
            ],
        );
        theirs.habits[0].target = Some(1.0);
        let targets = match_habits(&theirs, &ours, &[]);
        let plan = plan(&theirs, &targets, &Log::new(), day(22));
        assert_eq!(
            plan.entries,
            [
                (day(1), HabitId::new("exercise"), Entry::Amount(20.0)),
                (day(1), HabitId::new("fermented-food"), Entry::Done),
                (day(2), HabitId::new("exercise"), Entry::Done),
            ]
        );
    }

    #[test]
    fn unmatched_habits_and_later_days_are_left_out() {
        let ours = habits();
        let theirs = source(
            &["Walk", "Exercise"],
            &[(1, 0, Value::Done), (23, 1, Value::Done)],
        );
        let targets = match_habits(&theirs, &ours, &[]);
        let plan = plan(&theirs, &targets, &Log::new(), day(22));
        assert!(plan.is_empty());
        assert_eq!(plan.later, 1);
        assert_eq!(plan.habits[0].habit, None);
    }

    #[test]
    fn two_habits_into_one_count_the_second_as_present_or_conflicting() {
        let ours = habits();
        let mapped = [
            ("Kefir".to_owned(), HabitId::new("fermented-food")),
            ("Yogurt".to_owned(), HabitId::new("fermented-food")),
        ];
        let theirs = source(
            &["Kefir", "Yogurt"],
            &[
                (1, 0, Value::Done),
                (1, 1, Value::Done),
                (2, 0, Value::Done),
                (2, 1, Value::Skipped),
            ],
        );
        let targets = match_habits(&theirs, &ours, &mapped);
        let plan = plan(&theirs, &targets, &Log::new(), day(22));
        assert_eq!(plan.entries.len(), 2);
        assert_eq!(plan.habits[1].present, 1);
        assert_eq!(plan.conflicts.len(), 1);
    }

    #[test]
    fn notes_join_by_day_and_never_replace_one_already_there() {
        let mut log = Log::new();
        log.set_note(day(1), Some("travel"));
        let mut theirs = source(&[], &[]);
        theirs.notes = vec![
            (day(1), "knee sore".into()),
            (day(2), "Kefir: tangy".into()),
            (day(2), "Walk: with\nfriends".into()),
        ];
        let plan = plan(&theirs, &[], &log, day(22));
        assert_eq!(
            plan.notes,
            [(day(2), "Kefir: tangy; Walk: with friends".into())]
        );
        assert_eq!(plan.conflicts[0].about, "note");
        assert_eq!(plan.conflicts[0].kept, "\"travel\"");
    }

    #[test]
    fn an_import_error_names_file_line_and_column() {
        let err = ImportError {
            file: "habit_record.json".into(),
            line: Some(3),
            column: Some(7),
            message: "expected a value".into(),
        };
        assert_eq!(
            err.to_string(),
            "habit_record.json, line 3, column 7: expected a value"
        );
        let err = ImportError::at("Habits.csv", Some(4), "no Name");
        assert_eq!(err.to_string(), "Habits.csv, line 4: no Name");
    }
}
