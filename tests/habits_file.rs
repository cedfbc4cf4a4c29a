//! `habits.ron` as gutbone writes it and as a person edits it: every file
//! written reads back, defaults may be left out, and each mistake is named
//! where it stands. The text is the one a save puts on disk.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use gutbone::domain::habit::Measure;
use gutbone::domain::schedule::Schedule;
use gutbone::domain::{Habit, HabitId, Log, default_habits};
use gutbone::store::{Store, StoreError, parse_habits, paths};
use proptest::prelude::*;

/// "mon,wed" for the bits 0b101 (Monday first).
fn weekday_list(days: u8) -> String {
    let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let on: Vec<&str> = (0..7)
        .filter(|i| days & (1 << i) != 0)
        .map(|i| names[i])
        .collect();
    on.join(",")
}

fn path() -> &'static Path {
    Path::new("habits.ron")
}

/// The `habits.ron` a save of `habits` writes, in a data dir of its own.
fn written(habits: &[Habit]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_for_command(tmp.path(), "2026-11-22".parse().unwrap());
    store.save_habits(habits.to_vec(), &Log::new()).unwrap();
    fs::read_to_string(paths::habits_file(tmp.path())).unwrap()
}

/// Habits of every kind, with names that need escaping now and then.
fn habits() -> impl Strategy<Value = Vec<Habit>> {
    let habit = (
        "[a-z][a-z0-9-]{0,8}",
        "[A-Za-z][A-Za-z é\"\\\\,:]{0,11}",
        "[A-Za-z]{1,6}",
        "[a-z ,:]{0,10}",
        proptest::option::of(("[a-z]{1,4}", 1u32..400, 1u32..400, any::<bool>())),
        any::<bool>(),
        proptest::option::of(0u64..3000),
    );
    let schedule = prop_oneof![
        Just(Schedule::Daily),
        (1u32..=7, 1u32..=60)
            .prop_map(|(times, days)| Schedule::times(times.min(days), days).unwrap()),
        (1u8..127).prop_map(|days| Schedule::parse(&weekday_list(days)).unwrap()),
    ];
    let habit = (habit, schedule);
    proptest::collection::vec(habit, 1..5).prop_map(|habits| {
        let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let habits = habits.into_iter().enumerate();
        habits
            .map(
                |(i, ((id, name, short, hint, measure, archived, since), schedule))| {
                    let limit = measure.as_ref().is_some_and(|m| m.3);
                    Habit {
                        id: HabitId::new(format!("{id}-{i}")),
                        name,
                        short,
                        hint,
                        measure: measure.map(|(unit, step, target, at_most)| Measure {
                            unit,
                            step: f64::from(step) / 4.0,
                            target: f64::from(target) / 8.0,
                            at_most,
                        }),
                        was_measured: None,
                        // One stays on the checklist, as one must.
                        archived: archived && i > 0,
                        since: since.map(|days| start + chrono::Days::new(days)),
                        // A limit is kept day by day.
                        schedule: match (schedule, limit) {
                            (Schedule::Times { .. }, true) => Schedule::Daily,
                            (schedule, _) => schedule,
                        },
                    }
                },
            )
            .collect()
    })
}

proptest! {
    /// Every file gutbone writes reads back as the habits it was made
    /// from, names with quotes and backslashes included.
    #[test]
    fn every_habits_file_gutbone_writes_reads_back(habits in habits()) {
        let text = written(&habits);
        prop_assert_eq!(parse_habits(&text, path()).unwrap(), habits);
    }

    /// A hand edit anywhere, however wrong, is read or refused with a
    /// place, never a panic.
    #[test]
    fn an_edited_file_is_read_or_refused_never_a_panic(
        habits in habits(),
        (at, len, insert) in (0..2000usize, 0..12usize, "[a-z0-9 ,:.()\"\\[\\]\n]{0,6}"),
    ) {
        let text = written(&habits);
        let mut start = at.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let edited = format!("{}{insert}{}", &text[..start], &text[end..]);
        if let Err(err) = parse_habits(&edited, path()) {
            prop_assert!(matches!(err, StoreError::Parse { .. } | StoreError::NewerVersion { .. }), "{err:?}");
        }
    }
}

#[test]
fn the_defaults_round_trip_and_read_well() {
    let mut habits = default_habits();
    habits.push(Habit {
        archived: true,
        since: Some("2026-11-22".parse().unwrap()),
        ..Habit::check("floss", "Floss")
    });
    let text = written(&habits);
    assert_eq!(parse_habits(&text, path()).unwrap(), habits);
    assert!(text.contains("kind: Measured"), "{text}");
    assert!(text.contains("target: 15.0"), "{text}");
    assert!(text.contains("archived: true"), "{text}");
    assert!(text.contains(r#"since: "2026-11-22""#), "{text}");
    assert!(!text.contains("Some("), "{text}");
}

#[test]
fn a_done_or_not_habit_keeps_what_it_was_measured_by() {
    let mut walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    walk.was_measured = walk.measure.take();
    let habits = vec![walk];
    let text = written(&habits);
    assert!(text.contains("kind: Check"), "{text}");
    assert!(text.contains("target: 30.0"), "{text}");
    assert_eq!(parse_habits(&text, path()).unwrap(), habits);
    let half = r#"(version: 1, habits: [(id: "a", name: "A", kind: Check, unit: "min")])"#;
    let err = parse_habits(half, path()).unwrap_err().to_string();
    assert!(err.contains("only together"), "{err}");
}

#[test]
fn a_hand_written_file_with_defaults_left_out() {
    let text = r#"(version: 1, habits: [
        (id: "walk", name: "Evening walk", kind: Measured, unit: "min", target: 20),
        (id: "floss", name: "Floss", kind: Check),
    ])"#;
    let habits = parse_habits(text, path()).unwrap();
    assert_eq!(habits[0].short, "Evening");
    let two = r#"(version: 1, habits: [
        (id: "no-sugar", name: "No sugar", kind: Check),
        (id: "no-alcohol", name: "No alcohol", kind: Check),
    ])"#;
    let shorts: Vec<_> = parse_habits(two, path())
        .unwrap()
        .into_iter()
        .map(|h| h.short)
        .collect();
    assert_eq!(
        shorts,
        ["No", "No alcohol"],
        "a label of its own, made from the name"
    );
    let measure = habits[0].measure.as_ref().unwrap();
    assert_eq!((measure.step, measure.target), (1.0, 20.0));
    assert_eq!(habits[1].measure, None);
}

#[test]
fn mistakes_are_located() {
    let cases = [
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check, colour: 1),\n])",
            (2, 37),
            "colour",
        ),
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check),\n  (id: \"a\", name: \"B\", kind: Check),\n])",
            (3, 8),
            "already a habit",
        ),
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check),\n  (id: \"b\", name: \"B\", kind: Measured, unit: \"min\", target: 0),\n])",
            (3, 8),
            "target",
        ),
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Measured, target: 3),\n])",
            (2, 8),
            "needs a `unit`",
        ),
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check, target: 3),\n])",
            (2, 8),
            "only together",
        ),
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"\", kind: Check),\n])",
            (2, 8),
            "needs a name",
        ),
        ("(version: 1, habits: [])", (1, 14), "at least one"),
        (
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check, since: \"2026-02-30\"),\n])",
            (2, 44),
            "not a date",
        ),
    ];
    for (text, (line, column), expected) in cases {
        match parse_habits(text, path()) {
            Err(StoreError::Parse {
                line: l,
                column: c,
                message,
                ..
            }) => {
                assert!(message.contains(expected), "{message}");
                assert_eq!((l, c), (line, column), "{message}");
            }
            other => panic!("expected a parse error for {text}, got {other:?}"),
        }
    }
}

#[test]
fn a_newer_file_is_refused_as_newer() {
    let text = "(version: 7, habits: [])";
    assert!(matches!(
        parse_habits(text, path()),
        Err(StoreError::NewerVersion { found: 7, .. })
    ));
}

#[test]
fn schedules_and_limits_are_written_plainly_and_read_back() {
    let mut gym = Habit::check("gym", "Gym");
    gym.schedule = Schedule::parse("3/7").unwrap();
    let mut lift = Habit::check("lift", "Lift");
    lift.schedule = Schedule::parse("mon,wed,fri").unwrap();
    let mut soda = Habit::measured("soda", "Sugary drinks", "glass", 1.0, 1.0);
    soda.measure.as_mut().unwrap().at_most = true;
    let habits = vec![gym, lift, soda];
    let text = written(&habits);
    for line in [
        r#"schedule: "3/7""#,
        r#"schedule: "mon,wed,fri""#,
        "kind: Limit",
        "at_most: 1.0",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    assert!(
        !text.contains("schedule: \"daily\""),
        "daily is left out: {text}"
    );
    assert_eq!(parse_habits(&text, path()).unwrap(), habits);
}

#[test]
fn a_schedule_or_limit_that_cannot_be_is_named_where_it_stands() {
    let file = |habit: &str| {
        format!("(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check),\n  {habit},\n])")
    };
    for (habit, why) in [
        (
            r#"(id: "b", name: "B", kind: Check, schedule: "8/7")"#,
            "at most 7 times",
        ),
        (
            r#"(id: "b", name: "B", kind: Check, schedule: "funday")"#,
            "not a schedule or a weekday",
        ),
        (
            r#"(id: "b", name: "B", kind: Limit, unit: "glass")"#,
            "needs a `unit` and an `at_most`",
        ),
        (
            r#"(id: "b", name: "B", kind: Limit, unit: "glass", target: 1)"#,
            "needs a `unit` and an `at_most`",
        ),
        (
            r#"(id: "b", name: "B", kind: Measured, unit: "glass", at_most: 1)"#,
            "`kind: Limit` with `at_most`",
        ),
        (
            r#"(id: "b", name: "B", kind: Measured, unit: "g", target: 1, at_most: 1)"#,
            "keep one",
        ),
        (
            r#"(id: "b", name: "B", kind: Limit, unit: "glass", at_most: 1, schedule: "3/7")"#,
            "kept day by day",
        ),
    ] {
        let err = parse_habits(&file(habit), path()).unwrap_err();
        let StoreError::Parse { line, message, .. } = &err else {
            panic!("{habit}: {err}");
        };
        assert_eq!(*line, 3, "{habit}: {err}");
        assert!(message.contains(why), "{habit}: {message}");
    }
}
