//! Picking a habit by id, name, short label or prefix.

use chrono::NaiveDate;
use gutbone::commands::pick::*;
use gutbone::domain::Habit;
use gutbone::domain::default_habits;

#[test]
fn habits_by_id_name_or_unique_prefix() {
    let habits = default_habits();
    let id = |given: &str| pick_habit(&habits, given).map(|h| h.id.to_string());
    assert_eq!(id("sunlight"), Ok("sunlight".into()));
    assert_eq!(id("Prebiotic fibre"), Ok("prebiotic-fiber".into()));
    assert_eq!(id("sun"), Ok("sunlight".into()));
    assert_eq!(id("ferm"), Ok("fermented-food".into()));
    assert_eq!(id("WEIGHT"), Ok("weight-bearing-exercise".into()));
    assert_eq!(
        id("exercise"),
        Ok("weight-bearing-exercise".into()),
        "its short label"
    );
    assert_eq!(id("fibre"), Ok("prebiotic-fiber".into()));
    assert_eq!(
        id("s"),
        Err(PickError::Ambiguous {
            given: "s".into(),
            candidates: vec!["sunlight".into(), "stress-break".into()]
        })
    );
    assert_eq!(
        id("sunlite"),
        Err(PickError::Unknown {
            given: "sunlite".into(),
            closest: Some("sunlight".into())
        })
    );
    assert_eq!(
        id("juggling"),
        Err(PickError::Unknown {
            given: "juggling".into(),
            closest: None
        })
    );
    assert!(id("").is_err());
}

#[test]
fn a_name_two_habits_answer_to_is_ambiguous_even_when_exact() {
    let mut walk = Habit::check("morning-walk", "Morning walk");
    let mut stretch = Habit::check("morning-stretch", "Morning stretch");
    walk.short = "Morning".into();
    stretch.short = "Morning".into();
    let habits = [walk, stretch];
    assert_eq!(
        pick_habit(&habits, "morning").map(|h| h.id.to_string()),
        Err(PickError::Ambiguous {
            given: "morning".into(),
            candidates: vec!["morning-walk".into(), "morning-stretch".into()]
        })
    );
    assert_eq!(
        pick_habit(&habits, "Morning walk").map(|h| h.id.to_string()),
        Ok("morning-walk".into())
    );
}

#[test]
fn days_by_date_or_by_how_long_ago() {
    let today: NaiveDate = "2026-11-22".parse().unwrap();
    let day = |text: &str| parse_day(text, today);
    assert_eq!(day("today"), Ok(today));
    assert_eq!(day("yesterday"), Ok("2026-11-21".parse().unwrap()));
    assert_eq!(day("-7"), Ok("2026-11-15".parse().unwrap()));
    assert_eq!(day("2026-01-31"), Ok("2026-01-31".parse().unwrap()));
    assert!(day("2026-02-30").unwrap_err().contains("not a day"));
    assert!(day("2026-2-3").unwrap_err().contains("not a day"));
    assert!(day("-x").unwrap_err().contains("not a day"));
    assert!(day("2026-11-23").unwrap_err().contains("future"));
    for far in ["0226-12-01", "1899-12-31", "-100000"] {
        let err = day(far).unwrap_err();
        assert!(
            err.contains("outside the years gutbone keeps (1900 to 9999)"),
            "{err}"
        );
    }
    assert_eq!(day("1900-01-01"), Ok("1900-01-01".parse().unwrap()));
}

#[test]
fn a_short_label_that_begins_another_habits_name_is_a_question() {
    let mut habits = vec![
        Habit::check("walk-the-dog", "Walk the dog"),
        Habit::check("walk-to-work", "Walk to work"),
    ];
    habits[0].short = "Walk".into();
    let err = pick_habit(&habits, "walk").unwrap_err();
    assert!(matches!(err, PickError::Ambiguous { .. }), "{err}");
    assert_eq!(
        pick_habit(&habits, "walk the").unwrap().id.as_str(),
        "walk-the-dog"
    );
    habits.remove(1);
    assert_eq!(
        pick_habit(&habits, "walk").unwrap().id.as_str(),
        "walk-the-dog"
    );
}

#[test]
fn an_id_is_its_habits_own_whatever_else_answers_to_it() {
    // A sync can leave a name equal to another habit's id.
    let mut renamed = Habit::check("b-habit-4", "Juice");
    renamed.short = "Juice".into();
    let habits = [renamed, Habit::check("juice", "Juice drink")];
    assert_eq!(
        pick_habit(&habits, "juice").map(|h| h.id.to_string()),
        Ok("juice".into())
    );
}
