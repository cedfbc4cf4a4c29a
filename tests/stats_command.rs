//! `gutbone stats` on the real binary: the JSON contract the README
//! documents, the text, and its refusals.

mod common;

use common::cli::{fails, ok};

#[test]
fn stats_json_has_the_documented_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for day in ["-3", "-2", "2026-10-31"] {
        ok(dir, &["check", "sunlight", "--date", day]);
    }
    let text = ok(dir, &["stats", "sunlight", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let fields = [
        "habit",
        "days_done",
        "days_due",
        "weekdays",
        "best_streaks",
        "current_streak",
        "strength",
        "months",
    ];
    assert_eq!(json.as_object().unwrap().len(), fields.len());
    let at: Vec<usize> = (fields.iter())
        .map(|field| text.find(&format!("\"{field}\":")).expect(field))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "in the documented order: {text}"
    );
    assert_eq!(json["habit"], "sunlight");
    assert_eq!(json["days_done"], 3);
    let weekdays: Vec<&str> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].to_vec();
    let order: Vec<usize> = (weekdays.iter())
        .map(|day| text.find(&format!("\"{day}\":")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "Monday first");
    assert_eq!(json["weekdays"]["sat"], 1, "31 Oct 2026 was a Saturday");
    assert_eq!(json["best_streaks"][0]["length"], 2);
    assert_eq!(json["best_streaks"][0]["start"], "2026-11-19");
    assert_eq!(json["current_streak"], 0, "the 21st was missed");
    assert_eq!(json["months"][0]["month"], "2026-10");
    assert_eq!(json["months"][0]["amount"], 15.0);
    assert_eq!(json["months"].as_array().unwrap().len(), 2);
    assert_eq!(json["strength"][1]["month"], "2026-11");
    assert!(json["strength"][1]["value"].as_f64().unwrap() > 0.0);

    let list: serde_json::Value = serde_json::from_str(&ok(dir, &["stats", "--json"])).unwrap();
    assert_eq!(
        list.as_array().unwrap().len(),
        5,
        "every habit on the checklist"
    );
    ok(dir, &["habit", "add", "Floss"]);
    let floss: serde_json::Value =
        serde_json::from_str(&ok(dir, &["stats", "floss", "--json"])).unwrap();
    assert_eq!(
        floss["months"][0]["amount"],
        serde_json::Value::Null,
        "done or not"
    );
}

#[test]
fn stats_counts_only_the_days_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for day in ["-10", "-3", "-2"] {
        ok(dir, &["check", "sunlight", "--date", day]);
    }
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir,
        &["stats", "sunlight", "--from", "-5", "--to", "-1", "--json"],
    ))
    .unwrap();
    assert_eq!(json["days_done"], 2);
    assert_eq!(
        json["days_due"], 5,
        "the day before today is decided, not open"
    );
    let text = ok(dir, &["stats", "sun"]);
    assert!(
        text.starts_with("Sunlight (daily)\n  done 3 of 10 due days (30%)"),
        "{text}"
    );
}

#[test]
fn stats_refuses_what_it_cannot_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for (args, why) in [
        (&["stats", "nothing"][..], "no habit is called"),
        (&["stats", "s"], "could be any of"),
        (
            &["stats", "--from", "-1", "--to", "-3"],
            "--from is after --to",
        ),
        (&["stats", "--from", "tomorrow"], "is not a day"),
    ] {
        let (code, stderr) = fails(dir, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {stderr}");
    }
}
