//! Habits: the defaults, what an entry means for each kind, and the rules
//! every list of habits keeps (ids, names, short labels, targets, how many).

use chrono::NaiveDate;
use gutbone::domain::amount::{MAX_AMOUNT, format_amount};
use gutbone::domain::habit::{
    Measure, check_habits, check_names, default_habits, short_label, unique_short_label,
};
use gutbone::domain::{Entry, Habit, HabitId, History, Log, Status};

#[test]
fn default_ids_are_the_stable_ones_in_checklist_order() {
    let ids: Vec<_> = default_habits()
        .into_iter()
        .map(|h| h.id.as_str().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            "fermented-food",
            "prebiotic-fiber",
            "weight-bearing-exercise",
            "sunlight",
            "stress-break"
        ]
    );
}

#[test]
fn the_default_targets_are_the_ones_the_articles_suggest() {
    let targets: Vec<_> = default_habits()
        .into_iter()
        .map(|h| {
            let m = h.measure.unwrap();
            (m.unit, m.step, m.target)
        })
        .collect();
    assert_eq!(
        targets,
        [
            ("serving".to_owned(), 1.0, 1.0),
            ("serving".to_owned(), 1.0, 3.0),
            ("min".to_owned(), 5.0, 30.0),
            ("min".to_owned(), 5.0, 15.0),
            ("break".to_owned(), 1.0, 1.0)
        ]
    );
}

#[test]
fn an_amount_is_done_at_the_target_and_partial_below_it() {
    let walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    assert_eq!(walk.status(None), None);
    assert_eq!(
        walk.status(Some(Entry::Amount(20.0))),
        Some(Status::Partial)
    );
    assert_eq!(walk.status(Some(Entry::Amount(30.0))), Some(Status::Done));
    assert_eq!(walk.status(Some(Entry::Amount(45.0))), Some(Status::Done));
    assert_eq!(walk.status(Some(Entry::Skipped)), Some(Status::Skipped));
    assert_eq!(walk.status(Some(Entry::Done)), Some(Status::Done));
    assert_eq!(
        walk.amount(Some(Entry::Done)),
        30.0,
        "done means the target met"
    );
}

#[test]
fn progress_is_the_share_of_the_target_capped_at_one() {
    let walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    assert_eq!(walk.progress(Some(Entry::Amount(15.0))), 0.5);
    assert_eq!(walk.progress(Some(Entry::Amount(90.0))), 1.0);
    assert_eq!(walk.progress(Some(Entry::Skipped)), 0.0);
    let check = Habit::check("floss", "Floss");
    assert_eq!(check.progress(Some(Entry::Done)), 1.0);
    assert_eq!(check.progress(None), 0.0);
    assert_eq!(
        check.status(Some(Entry::Amount(2.0))),
        Some(Status::Done),
        "an amount left from when it was measured still counts"
    );
}

#[test]
fn entries_for_amounts() {
    let walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    assert_eq!(walk.entry_for(0.0), None);
    assert_eq!(walk.entry_for(-5.0), None);
    assert_eq!(walk.entry_for(10.0), Some(Entry::Amount(10.0)));
    assert_eq!(walk.entry_for(1e9), Some(Entry::Amount(MAX_AMOUNT)));
    assert_eq!(Habit::check("f", "F").entry_for(3.0), Some(Entry::Done));
    // Sums are kept to two decimals: ten steps of 0.1 reach a target of 1,
    // and eleven back down leave nothing, not float noise.
    let water = Habit::measured("water", "Water", "l", 0.1, 1.0);
    let mut entry = None;
    for _ in 0..10 {
        entry = water.entry_for(water.amount(entry) + 0.1);
    }
    assert_eq!(entry, Some(Entry::Amount(1.0)));
    assert_eq!(water.status(entry), Some(Status::Done));
    for _ in 0..11 {
        entry = water.entry_for(water.amount(entry) - 0.1);
    }
    assert_eq!(entry, None);
    assert_eq!(walk.entry_for(0.1 + 0.2), Some(Entry::Amount(0.3)));
    assert_eq!(
        walk.entry_for(0.004),
        None,
        "less than a hundredth is nothing"
    );
}

#[test]
fn names_and_short_labels_name_one_habit_each_whatever_the_case() {
    assert_eq!(check_names(&default_habits()), Ok(()));
    let clash = |change: fn(&mut Vec<Habit>)| {
        let mut habits = default_habits();
        change(&mut habits);
        assert_eq!(check_habits(&habits), Ok(()), "a file may hold it");
        let problem = check_names(&habits).unwrap_err();
        (problem.index, problem.message)
    };
    let (at, message) = clash(|h| h[3].name = "prebiotic FIBRE".into());
    assert_eq!(at, 3);
    assert!(
        message.starts_with(
            "\"prebiotic fibre\" would name both \"Prebiotic fibre\" and \"prebiotic FIBRE\""
        ),
        "{message}"
    );
    assert_eq!(clash(|h| h[4].short = "Fibre".into()).0, 4);
    assert_eq!(clash(|h| h[4].short = "sunlight".into()).0, 4);
    let (at, message) = clash(|h| {
        h.push(Habit::check("morning-walk", "Morning walk"));
        h.push(Habit::check("morning-stretch", "Morning stretch"));
    });
    assert_eq!(at, 6);
    assert!(message.contains("\"morning\" would name both"), "{message}");
}

#[test]
fn the_rules_a_list_of_habits_keeps() {
    assert_eq!(check_habits(&default_habits()), Ok(()));
    let broken = |change: fn(&mut Vec<Habit>), expected: &str, at: usize| {
        let mut habits = default_habits();
        change(&mut habits);
        let problem = check_habits(&habits).unwrap_err();
        assert!(problem.message.contains(expected), "{}", problem.message);
        assert_eq!(problem.index, at, "{}", problem.message);
    };
    broken(|h| h[2].name = " ".into(), "needs a name", 2);
    broken(
        |h| h[3].id = HabitId::new("fermented-food"),
        "already a habit",
        3,
    );
    broken(
        |h| h[1].id = HabitId::new("two words"),
        "letters, digits",
        1,
    );
    broken(|h| h[1].measure.as_mut().unwrap().target = 0.0, "target", 1);
    broken(
        |h| h[1].measure.as_mut().unwrap().target = -2.0,
        "target",
        1,
    );
    broken(
        |h| h[1].measure.as_mut().unwrap().step = f64::NAN,
        "step",
        1,
    );
    broken(
        |h| h[4].measure.as_mut().unwrap().target = 20_000.0,
        "10,000",
        4,
    );
    broken(|h| h[0].measure.as_mut().unwrap().unit.clear(), "unit", 0);
    broken(
        |h| h[2].name = "A\u{1b}]0;PWNED\u{7}".into(),
        "the name of \"weight-bearing-exercise\" holds a control character (\\u{1b})",
        2,
    );
    broken(|h| h[1].short = "F\u{8}".into(), "short label", 1);
    broken(|h| h[1].hint = "tab\there".into(), "hint", 1);
    broken(
        |h| h.iter_mut().for_each(|h| h.archived = true),
        "at least one",
        0,
    );
    broken(
        |h| {
            for i in 0..16 {
                h.push(Habit::check(&format!("h{i}"), &format!("Another{i}")));
            }
        },
        "at most 20",
        20,
    );
    let mut many_archived = default_habits();
    for i in 0..30 {
        let mut habit = Habit::check(&format!("old{i}"), &format!("Old{i}"));
        habit.archived = true;
        many_archived.push(habit);
    }
    assert_eq!(
        check_habits(&many_archived),
        Ok(()),
        "archived habits do not count"
    );
}

#[test]
fn a_habit_added_later_is_judged_from_when_it_was_added_or_back_filled() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let mut log = Log::new();
    let mut floss = Habit::check("floss", "Floss");
    assert_eq!(History::from(log.clone()).start(&floss), None);
    log.set_done(d("2026-01-01"), HabitId::new("sunlight"), true);
    assert_eq!(
        History::from(log.clone()).start(&floss),
        Some(d("2026-01-01")),
        "from the start"
    );
    floss.since = Some(d("2026-11-22"));
    assert_eq!(
        History::from(log.clone()).start(&floss),
        Some(d("2026-11-22"))
    );
    log.set_done(d("2026-11-20"), &floss, true);
    assert_eq!(
        History::from(log.clone()).start(&floss),
        Some(d("2026-11-20")),
        "a back-filled day counts"
    );
    floss.since = Some(d("2025-01-01"));
    assert_eq!(
        History::from(log.clone()).start(&floss),
        Some(d("2026-01-01")),
        "never before the log"
    );
}

#[test]
fn units_read_as_counts() {
    let unit = |unit: &str, n| {
        Measure {
            unit: unit.into(),
            step: 1.0,
            target: n,
            at_most: false,
        }
        .progress(0.0)
    };
    assert_eq!(unit("serving", 3.0), "0/3 servings");
    assert_eq!(unit("serving", 1.0), "0/1 serving");
    assert_eq!(unit("min", 30.0), "0/30 min");
    assert_eq!(unit("glass", 2.0), "0/2 glass");
    assert_eq!(unit("km", 2.5), "0/2.5 km");
}

#[test]
fn ids_from_names_and_amounts_as_written() {
    assert_eq!(
        HabitId::from_name("  Cold shower! ").as_str(),
        "cold-shower"
    );
    assert_eq!(HabitId::from_name("Läufe 5km").as_str(), "läufe-5km");
    assert_eq!(format_amount(3.0), "3");
    assert_eq!(format_amount(2.5), "2.5");
    assert_eq!(format_amount(0.25), "0.25");
    assert_eq!(short_label("Weight-bearing exercise"), "Weight-bea");
}

#[test]
fn whole_amounts_read_as_float_formatting_writes_them() {
    let by_format = |amount: f64| {
        let text = format!("{amount:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    for amount in [
        0.0,
        1.0,
        10.0,
        100.0,
        2500.0,
        10_000.0,
        123_456_789.0,
        2.999,
        0.004,
    ] {
        assert_eq!(format_amount(amount), by_format(amount), "{amount}");
    }
}

#[test]
fn a_third_name_alike_still_gets_a_label_of_its_own() {
    let mut habits: Vec<Habit> = Vec::new();
    for n in 1..=4 {
        let name = format!("Very long habit name number {n}");
        let mut habit = Habit::check(&format!("very-{n}"), &name);
        habit.short = unique_short_label(&name, &habits);
        habits.push(habit);
    }
    let labels: Vec<&str> = habits.iter().map(|h| h.short.as_str()).collect();
    assert_eq!(labels, ["Very", "Very long", "Very 3", "Very 4"]);
    assert_eq!(check_names(&habits), Ok(()));
}
