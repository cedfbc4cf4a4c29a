//! Two histories that grew apart from one, made one again: what a sync does
//! when two machines changed the same file, and what `doctor --repair` does
//! with a file-sync tool's conflict copy (which has no common ancestor).
//!
//! Each day and habit is merged on its own, against the ancestor:
//! - a change on one side wins over no change on the other (so an un-tick
//!   travels too);
//! - the same change on both sides is one change;
//! - different changes are a conflict, resolved the same way whichever side
//!   is which: the larger amount wins, done wins over not done, and a skip
//!   yields to done or an amount. Two different notes are both kept.
//!
//! Habits merge per habit and field: a field changed on one side is taken;
//! changed differently on both, this machine's value stays. Every conflict
//! is returned, to be told.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

use super::habit::{MAX_ACTIVE_HABITS, unique_short_label};
use super::log::DayLog;
use super::{Entry, Habit, HabitId, Log};

/// What the two sides changed differently, and what the merge kept.
#[derive(Clone, Debug, PartialEq)]
pub enum Conflict {
    /// A habit's entry on a day.
    Entry {
        date: NaiveDate,
        habit: HabitId,
        ours: Option<Entry>,
        theirs: Option<Entry>,
        kept: Option<Entry>,
    },
    /// Two notes for one day, both kept.
    Note { date: NaiveDate },
    /// A field of a habit, kept as this machine has it.
    Field { habit: HabitId, field: &'static str },
    /// A habit removed on one side (by hand): kept, archived.
    Removed { habit: HabitId },
    /// Two habits by one name: this one was renamed so both are kept.
    Renamed { habit: HabitId, name: String },
    /// More habits on the checklist than fit: this one, from the other
    /// side, was archived (its history is kept).
    Archived { habit: HabitId },
    /// The checklist's order changed on both sides: this machine's kept.
    Order,
    /// Each side archived the habits the other kept: this one stays on
    /// the checklist, so that one does.
    Kept { habit: HabitId },
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Entry {
                date,
                habit,
                ours,
                theirs,
                kept,
            } => write!(
                f,
                "{date} {habit}: {} here, {} there; kept {}",
                word(*ours),
                word(*theirs),
                word(*kept)
            ),
            Self::Note { date } => write!(f, "{date}: two different notes; both kept"),
            Self::Field { habit, field } => {
                write!(
                    f,
                    "{habit}: {field} differs on the two machines; kept this machine's"
                )
            }
            Self::Removed { habit } => {
                write!(
                    f,
                    "{habit}: changed on one side, removed on the other; kept"
                )
            }
            Self::Renamed { habit, name } => {
                write!(f, "{habit}: another habit has its name; renamed \"{name}\"")
            }
            Self::Archived { habit } => write!(
                f,
                "{habit}: more than {MAX_ACTIVE_HABITS} habits would be on the checklist; \
                 archived (its history is kept)"
            ),
            Self::Order => write!(
                f,
                "the checklist's order changed on both; kept this machine's"
            ),
            Self::Kept { habit } => write!(
                f,
                "{habit}: every habit would be archived; kept on the checklist"
            ),
        }
    }
}

fn word(entry: Option<Entry>) -> String {
    match entry {
        None => "not done".into(),
        Some(Entry::Done) => "done".into(),
        Some(Entry::Skipped) => "skipped".into(),
        Some(Entry::Amount(amount)) => format!("{amount}"),
    }
}

/// `ours` and `theirs`, each grown from `base`, made one.
pub fn merge_logs(base: &Log, ours: &Log, theirs: &Log) -> (Log, Vec<Conflict>) {
    let dates: BTreeSet<NaiveDate> = [base, ours, theirs]
        .iter()
        .flat_map(|log| log.days_in(..).map(|(date, _)| date))
        .collect();
    let empty = DayLog::default();
    let mut merged = Log::new();
    let mut conflicts = Vec::new();
    for date in dates {
        let [b, o, t] = [base, ours, theirs].map(|log| log.day(date).unwrap_or(&empty));
        merged.insert_day(date, merge_day(date, b, o, t, &mut conflicts));
    }
    (merged, conflicts)
}

fn merge_day(
    date: NaiveDate,
    base: &DayLog,
    ours: &DayLog,
    theirs: &DayLog,
    conflicts: &mut Vec<Conflict>,
) -> DayLog {
    let habits: BTreeSet<&HabitId> = [base, ours, theirs]
        .iter()
        .flat_map(|day| day.entries().map(|(habit, _)| habit))
        .collect();
    let mut day = DayLog::default();
    for habit in habits {
        let [b, o, t] = [base, ours, theirs].map(|day| day.entry(habit));
        let kept = match three_way(Some(&b), &o, &t) {
            Some(kept) => kept,
            None => {
                let kept = stronger(o, t);
                conflicts.push(Conflict::Entry {
                    date,
                    habit: habit.clone(),
                    ours: o,
                    theirs: t,
                    kept,
                });
                kept
            }
        };
        day.set(habit, kept);
    }
    let [b, o, t] = [base, ours, theirs].map(|day| day.note().map(str::to_owned));
    let note = three_way(Some(&b), &o, &t).unwrap_or_else(|| {
        conflicts.push(Conflict::Note { date });
        joined(b.as_deref(), o.as_deref(), t.as_deref())
    });
    day.set_note(note.as_deref());
    day
}

/// The merged value when the sides agree, or only one changed; `None` when
/// they changed it differently. With no ancestor, each side added its own.
fn three_way<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> Option<T> {
    if ours == theirs || base == Some(theirs) {
        Some(ours.clone())
    } else if base == Some(ours) {
        Some(theirs.clone())
    } else {
        None
    }
}

/// Of two different entries, the one that says more was done: whichever
/// side holds it, so the merge is the same from both machines.
fn stronger(a: Option<Entry>, b: Option<Entry>) -> Option<Entry> {
    let rank = |entry: Option<Entry>| match entry {
        None => (0, 0.0),
        Some(Entry::Skipped) => (1, 0.0),
        Some(Entry::Amount(amount)) => (2, amount),
        Some(Entry::Done) => (3, 0.0),
    };
    let (ra, rb) = (rank(a), rank(b));
    if ra.0.cmp(&rb.0).then(ra.1.total_cmp(&rb.1)).is_ge() {
        a
    } else {
        b
    }
}

/// Two notes as one: a note that holds the other is enough; two that each
/// added to the note they grew from keep it once, with both additions;
/// otherwise both, in an order that does not depend on which side is which.
fn joined(base: Option<&str>, a: Option<&str>, b: Option<&str>) -> Option<String> {
    let apart = |x: &str, y: &str| format!("{} · {}", x.min(y), x.max(y));
    match (a, b) {
        (None, note) | (note, None) => note.map(str::to_owned),
        (Some(a), Some(b)) if a.contains(b) => Some(a.to_owned()),
        (Some(a), Some(b)) if b.contains(a) => Some(b.to_owned()),
        (Some(a), Some(b)) => match base {
            Some(base) if a.starts_with(base) && b.starts_with(base) => {
                let added = |x: &str| {
                    x[base.len()..]
                        .trim_matches([' ', '·', ',', ';'])
                        .to_owned()
                };
                Some(format!("{base} · {}", apart(&added(a), &added(b))))
            }
            _ => Some(apart(a, b)),
        },
    }
}

/// `ours` and `theirs`, each grown from `base`, made one list: per habit
/// and field, with this machine's value kept where both changed a field.
pub fn merge_habits(
    base: &[Habit],
    ours: &[Habit],
    theirs: &[Habit],
) -> (Vec<Habit>, Vec<Conflict>) {
    let find = |list: &[Habit], id: &HabitId| list.iter().find(|habit| habit.id == *id).cloned();
    let mut conflicts = Vec::new();
    let mut merged = Vec::new();
    for id in order(base, ours, theirs, &mut conflicts) {
        let b = find(base, &id);
        let habit = match (find(ours, &id), find(theirs, &id)) {
            (Some(o), Some(t)) => merge_habit(b.as_ref(), o, &t, &mut conflicts),
            // Removed on one side (by hand: gutbone archives): kept,
            // archived, as the days logged for it may still name it.
            (Some(one), None) | (None, Some(one)) => match b {
                Some(_) => {
                    conflicts.push(Conflict::Removed { habit: id.clone() });
                    Habit {
                        archived: true,
                        ..one
                    }
                }
                None => one,
            },
            (None, None) => continue,
        };
        merged.push(habit);
    }
    keep_names_apart(&mut merged, ours, &mut conflicts);
    keep_within_the_checklist(&mut merged, ours, &mut conflicts);
    (merged, conflicts)
}

fn merge_habit(
    base: Option<&Habit>,
    ours: Habit,
    theirs: &Habit,
    conflicts: &mut Vec<Conflict>,
) -> Habit {
    // Whether the merge takes `theirs`'s value of a field, seen through
    // `text` (equal exactly when the values are).
    let mut take = |field: &'static str, text: fn(&Habit) -> String| {
        let [o, t] = [text(&ours), text(theirs)];
        match three_way(base.map(text).as_ref(), &o, &t) {
            Some(value) => value == t,
            None => {
                conflicts.push(Conflict::Field {
                    habit: ours.id.clone(),
                    field,
                });
                false
            }
        }
    };
    let name = take("name", |h| h.name.clone());
    let short = take("short label", |h| h.short.clone());
    let hint = take("hint", |h| h.hint.clone());
    // How it is measured and how often it is due are one field: a limit
    // may not take a schedule a measured habit may have.
    let rhythm = take("how it is measured and how often it is due", |h| {
        format!("{:?} {:?} {}", h.measure, h.was_measured, h.schedule)
    });
    let archived = take("archived", |h| h.archived.to_string());
    let since = take("since", |h| format!("{:?}", h.since));
    let mut merged = ours;
    if name {
        merged.name.clone_from(&theirs.name);
    }
    if short {
        merged.short.clone_from(&theirs.short);
    }
    if hint {
        merged.hint.clone_from(&theirs.hint);
    }
    if rhythm {
        merged.measure.clone_from(&theirs.measure);
        merged.was_measured.clone_from(&theirs.was_measured);
        merged.schedule = theirs.schedule;
    }
    if archived {
        merged.archived = theirs.archived;
    }
    if since {
        merged.since = theirs.since;
    }
    merged
}

/// The ids of the merged list, in order: the order of the side that changed
/// it (this machine's when both did), with the habits only the other side
/// has placed after the habit they follow there.
fn order(
    base: &[Habit],
    ours: &[Habit],
    theirs: &[Habit],
    conflicts: &mut Vec<Conflict>,
) -> Vec<HabitId> {
    let ids = |list: &[Habit]| {
        list.iter()
            .map(|habit| habit.id.clone())
            .collect::<Vec<_>>()
    };
    let (base, ours, theirs) = (ids(base), ids(ours), ids(theirs));
    // The order of the habits all three share, as each side has it.
    let shared = |list: &[HabitId]| {
        list.iter()
            .filter(|id| base.contains(id) && ours.contains(id) && theirs.contains(id))
            .cloned()
            .collect::<Vec<_>>()
    };
    let [b, o, t] = [&base, &ours, &theirs].map(|list| shared(list));
    if !base.is_empty() && o != b && t != b && o != t {
        conflicts.push(Conflict::Order);
    }
    let (first, second) = if o == b && t != b {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut merged = first;
    for (at, id) in second.iter().enumerate() {
        if merged.contains(id) {
            continue;
        }
        let after = second[..at]
            .iter()
            .rev()
            .find_map(|before| merged.iter().position(|m| m == before));
        // After the habit it follows, and after the first side's own new
        // habits there, which were in place first.
        let mut at = after.map_or(0, |after| after + 1);
        while merged.get(at).is_some_and(|next| !second.contains(next)) {
            at += 1;
        }
        merged.insert(at, id.clone());
    }
    merged
}

/// Two habits may come to share a name (one added here, one renamed or
/// added there): the one whose name came from the other side is renamed,
/// so both are kept and told apart.
fn keep_names_apart(merged: &mut [Habit], ours: &[Habit], conflicts: &mut Vec<Conflict>) {
    for at in 0..merged.len() {
        let habit = &merged[at];
        let names: BTreeSet<String> = habit.names().collect();
        let clash = merged.iter().enumerate().any(|(other_at, other)| {
            other_at != at && other.names().any(|name| names.contains(&name))
        });
        let own = ours
            .iter()
            .any(|own| own.id == habit.id && own.name == habit.name && own.short == habit.short);
        if !clash || own {
            continue;
        }
        let name = format!("{} ({})", habit.name.trim(), habit.id);
        let others: Vec<Habit> = (merged.iter().enumerate())
            .filter(|(other_at, _)| *other_at != at)
            .map(|(_, other)| other.clone())
            .collect();
        let habit = &mut merged[at];
        habit.short = unique_short_label(&name, &others);
        habit.name = name;
        conflicts.push(Conflict::Renamed {
            habit: habit.id.clone(),
            name: habit.name.clone(),
        });
    }
}

/// No more habits on the checklist than fit: those the other side put
/// there are archived, last first, with their history kept. And never
/// none: this machine's first habit on its checklist stays.
fn keep_within_the_checklist(merged: &mut [Habit], ours: &[Habit], conflicts: &mut Vec<Conflict>) {
    let active = |list: &[Habit]| list.iter().filter(|habit| !habit.archived).count();
    if active(merged) == 0 {
        let first = ours
            .iter()
            .find(|own| !own.archived)
            .map(|own| own.id.clone());
        let at = merged
            .iter()
            .position(|habit| Some(&habit.id) == first.as_ref())
            .unwrap_or(0);
        if let Some(habit) = merged.get_mut(at) {
            habit.archived = false;
            conflicts.push(Conflict::Kept {
                habit: habit.id.clone(),
            });
        }
    }
    while active(merged) > MAX_ACTIVE_HABITS {
        let theirs = merged.iter_mut().rev().find(|habit| {
            !habit.archived && !ours.iter().any(|own| own.id == habit.id && !own.archived)
        });
        let Some(habit) = theirs else { return };
        habit.archived = true;
        conflicts.push(Conflict::Archived {
            habit: habit.id.clone(),
        });
    }
}
