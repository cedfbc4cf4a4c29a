//! Reading Loop Habit Tracker's CSV export.

use chrono::NaiveDate;

use gutbone::exchange::loop_csv::*;
use gutbone::exchange::{SourceMark, Value};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

const HABITS: &str = "\
Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?
001,Kefir,YES_NO,\"Kefir, yogurt?\",,1,1,#00897B,,,,false
002,Walk,NUMERICAL,How far?,,1,1,#FF8F00,km,AT_LEAST,2.5,false
";

#[test]
fn reads_habits_values_and_notes() {
    let files = LoopFiles {
        habits: HABITS.into(),
        checkmarks: vec![
            (
                "001 Kefir".into(),
                "Date,Value,Notes\n2026-11-03,YES_MANUAL,\"tangy, cold\"\n2026-11-02,SKIP,\n2026-11-01,NO,\n".into(),
            ),
            ("002 Walk".into(), "Date,Value,Notes\n2026-11-02,3200,\n2026-11-01,UNKNOWN,\n".into()),
        ],
    };
    let source = read(&files).unwrap();
    assert_eq!(source.habits[1].target, Some(2.5));
    assert_eq!(
        source.marks,
        [
            SourceMark {
                date: day(3),
                habit: 0,
                value: Value::Done
            },
            SourceMark {
                date: day(2),
                habit: 0,
                value: Value::Skipped
            },
            SourceMark {
                date: day(2),
                habit: 1,
                value: Value::Amount(3.2)
            },
        ]
    );
    assert_eq!(source.notes, [(day(3), "Kefir: tangy, cold".into())]);
}

#[test]
fn reads_the_older_layout_with_codes_and_no_header() {
    let files = LoopFiles {
        habits: "Position,Name,Question,Description,NumRepetitions,Interval,Color\n001,Kefir,,,1,1,#00ACC1\n".into(),
        checkmarks: vec![("001 Kefir".into(), "2026-11-03,2\n2026-11-02,0\n2026-11-01,1\n".into())],
    };
    let source = read(&files).unwrap();
    assert_eq!(
        source.marks,
        [SourceMark {
            date: day(3),
            habit: 0,
            value: Value::Done
        }]
    );
}

#[test]
fn a_bad_row_is_named_by_file_and_line() {
    let files = |checkmarks: &str| LoopFiles {
        habits: HABITS.into(),
        checkmarks: vec![("001 Kefir".into(), checkmarks.into())],
    };
    let err = read(&files(
        "Date,Value,Notes\n2026-11-03,YES_MANUAL,\n2026-13-01,NO,\n",
    ))
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "001 Kefir/Checkmarks.csv, line 3: \"2026-13-01\" is not a date (YYYY-MM-DD)"
    );
    let err = read(&files("Date,Value\n2026-11-03,MAYBE\n")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("001 Kefir/Checkmarks.csv, line 2: \"MAYBE\"")
    );
    let err = read(&files("2026-11-03\n")).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("line 1: a row needs a date and a value")
    );
}

#[test]
fn a_bad_habits_file_or_folder_is_named() {
    let err = read(&LoopFiles {
        habits: "Habit,Color\nKefir,#fff\n".into(),
        checkmarks: vec![],
    })
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Habits.csv, line 1: the first row has no `Name`")
    );
    let err = read(&LoopFiles {
        habits: HABITS.into(),
        checkmarks: vec![("009 Gone".into(), String::new())],
    })
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "009 Gone/Checkmarks.csv: Habits.csv has no habit at position 009"
    );
}

#[test]
fn loops_frequency_and_limits_come_across() {
    let habits = "\
Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?
001,Gym,YES_NO,,,3,7,#00897B,,,,false
002,Soda,NUMERICAL,,,1,1,#FF8F00,glass,AT_MOST,1.0,false
003,Stretch,YES_NO,,,1,1,#8E24AA,,,,true
004,Odd,YES_NO,,,9,7,#8E24AA,,,,false
";
    let files = LoopFiles {
        habits: habits.into(),
        checkmarks: vec![],
    };
    let source = read(&files).unwrap();
    let made: Vec<_> = source
        .habits
        .iter()
        .map(|h| h.habit.clone().unwrap())
        .collect();
    assert_eq!(made[0].schedule.to_string(), "3/7");
    assert_eq!(made[0].measure, None);
    let soda = made[1].measure.as_ref().unwrap();
    assert!(soda.at_most && soda.target == 1.0 && soda.unit == "glass");
    assert_eq!(made[1].schedule.to_string(), "daily");
    assert!(made[2].archived);
    assert_eq!(
        made[3].schedule.to_string(),
        "daily",
        "a frequency Loop could not mean"
    );
    let note = source.habits[3].note.as_deref().unwrap();
    assert!(
        note.contains("read as daily") && note.contains("9/7"),
        "{note}"
    );
    assert_eq!(source.habits[0].note, None);
}
