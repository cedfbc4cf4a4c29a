//! The import plan: what another file's history adds to the log, what is
//! already there, what conflicts (and is kept as the person had it).

use chrono::NaiveDate;
use gutbone::domain::{Entry, Habit, HabitId, Log};
use gutbone::exchange::{
    Conflict, ImportError, Source, SourceHabit, SourceMark, Value, match_habits, plan,
};

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
                note: None,
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
