//! `gutbone habit`: habits added, edited, archived and moved from a shell,
//! through the same form and checks as the app's, on the real binary.

mod common;

use std::fs;
use std::path::Path;

use common::cli::{fails, ok};
use common::pty::{Session, gutbone};

fn habits_ron(dir: &Path) -> String {
    fs::read_to_string(dir.join("habits.ron")).unwrap_or_default()
}

#[test]
fn habits_are_added_edited_archived_and_moved() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let said = ok(dir, &["habit", "add", "Gym", "--frequency", "3/week"]);
    assert_eq!(said, "Gym is on the checklist: done or not, 3/7\n");
    ok(dir, &["habit", "add", "Lift", "--on", "Friday,mon,wed"]);
    ok(
        dir,
        &[
            "habit",
            "add",
            "Sugary drinks",
            "--unit",
            "glass",
            "--at-most",
            "1",
        ],
    );
    let text = habits_ron(dir);
    for line in [
        r#"schedule: "3/7""#,
        r#"schedule: "mon,wed,fri""#,
        "kind: Limit",
        "at_most: 1.0",
        r#"since: "2026-11-22""#,
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    let list = ok(dir, &["habit", "list"]);
    assert!(list.contains("  6  Gym"), "{list}");
    assert!(
        list.contains("  8  Sugary drinks            at most 1 glass, daily"),
        "{list}"
    );

    ok(
        dir,
        &["habit", "edit", "gym", "--daily", "--name", "Gym session"],
    );
    ok(dir, &["habit", "edit", "sunlight", "--target", "20"]);
    ok(dir, &["habit", "move", "sunlight", "--to", "1"]);
    ok(dir, &["habit", "archive", "lift"]);
    let list = ok(dir, &["habit", "list", "--all"]);
    let lines: Vec<&str> = list.lines().collect();
    assert!(
        lines[0].starts_with("  1  Sunlight") && lines[0].contains("20 min"),
        "{list}"
    );
    assert!(
        lines[5].contains("Gym session") && lines[5].ends_with("daily"),
        "{list}"
    );
    assert!(
        lines[6].starts_with("  -  Lift") && lines[6].ends_with("(archived)"),
        "{list}"
    );
    assert!(
        !ok(dir, &["habit", "list"]).contains("Lift"),
        "archived ones need --all"
    );
    ok(dir, &["habit", "unarchive", "lift"]);
    assert!(ok(dir, &["habit", "list"]).contains("Lift"));
}

#[test]
fn habit_list_json_has_the_documented_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(
        dir,
        &[
            "habit",
            "add",
            "Soda",
            "--unit",
            "glass",
            "--at-most",
            "2",
            "--on",
            "sat,sun",
        ],
    );
    let text = ok(dir, &["habit", "list", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let soda = &json[5];
    let fields = [
        "id", "name", "short", "kind", "unit", "target", "step", "limit", "schedule", "archived",
    ];
    assert_eq!(soda.as_object().unwrap().len(), fields.len());
    let last = &text[text.rfind("\"id\"").unwrap()..];
    let at: Vec<usize> = fields
        .iter()
        .map(|field| last.find(&format!("\"{field}\":")).expect(field))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "in the documented order"
    );
    assert_eq!(soda["kind"], "limit");
    assert_eq!(soda["limit"], 2.0);
    assert_eq!(soda["target"], serde_json::Value::Null);
    assert_eq!(soda["schedule"], "sat,sun");
    assert_eq!(json[0]["schedule"], "daily");
    assert_eq!(json[0]["kind"], "measured");
}

#[test]
fn a_habit_that_cannot_be_is_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["habit", "add", "Gym", "--frequency", "3/7"]);
    let before = habits_ron(dir);
    for (args, why) in [
        (
            &["habit", "add", "X", "--frequency", "8/7"][..],
            "at most 7 times in 7 days",
        ),
        (
            &["habit", "add", "X", "--frequency", "0/7"],
            "at least once",
        ),
        (
            &["habit", "add", "X", "--on", "funday"],
            "\"funday\" is not",
        ),
        (
            &["habit", "add", "X", "--frequency", "mon"],
            "weekdays go with --on",
        ),
        (&["habit", "add", "X", "--on", "3/7"], "name weekdays"),
        (
            &[
                "habit",
                "add",
                "X",
                "--unit",
                "g",
                "--target",
                "1",
                "--at-most",
                "1",
            ],
            "cannot be used with",
        ),
        (&["habit", "add", "X", "--target", "3"], "go with --unit"),
        (
            &["habit", "add", "X", "--unit", "min"],
            "give --target or --at-most",
        ),
        (
            &[
                "habit",
                "add",
                "X",
                "--unit",
                "glass",
                "--at-most",
                "1",
                "--frequency",
                "3/7",
            ],
            "kept day by day",
        ),
        (&["habit", "add", "Gym"], "already has the id gym"),
        (&["habit", "add", "Exercise"], "would name both"),
        (
            &["habit", "edit", "nothing", "--daily"],
            "no habit is called",
        ),
        (
            &["habit", "edit", "gym", "--frequency", "3/7", "--on", "mon"],
            "cannot be used with",
        ),
        (
            &["habit", "move", "gym", "--to", "9"],
            "the places on the checklist are 1 to 6",
        ),
        (&["habit", "move", "gym", "--to", "0"], "1 to 6"),
    ] {
        let (code, stderr) = fails(dir, args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {stderr}");
        assert_eq!(habits_ron(dir), before, "{args:?} changed nothing");
    }
    for habit in [
        "fermented-food",
        "prebiotic-fiber",
        "weight-bearing-exercise",
        "sunlight",
    ] {
        ok(dir, &["habit", "archive", habit]);
    }
    ok(dir, &["habit", "archive", "gym"]);
    let (code, stderr) = fails(dir, &["habit", "archive", "stress-break"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("at least one habit must stay"), "{stderr}");
}

#[test]
fn a_habit_added_from_the_command_line_shows_in_the_app() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut app = Session::spawn_sized(gutbone(&dir, "2026-11-23T09:00:00"), 100, 30);
    app.wait_for("0/5 today");
    // The app is open: the command line writes beside it.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .args(["habit", "add", "Gym", "--frequency", "3/week", "--data-dir"])
        .arg(&dir)
        .env("GUTBONE_NOW", "2026-11-23T09:00:00")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    // Any key reads the change in first.
    app.send("j");
    let screen = app.wait_for("0/3 in 7 days");
    assert!(
        screen.contains("Gym") && screen.contains("0/6 today"),
        "{screen}"
    );
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_day_counts_and_what_is_left_go_by_what_is_due() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Sunday 22 Nov: yoga is off, the gym has had its three this week.
    ok(dir, &["habit", "add", "Yoga", "--on", "mon,wed,fri"]);
    ok(dir, &["habit", "add", "Gym", "--frequency", "3/7"]);
    ok(
        dir,
        &[
            "habit",
            "add",
            "Coffee",
            "--unit",
            "cup",
            "--at-most",
            "2",
            "--on",
            "mon,tue",
        ],
    );
    for day in ["-1", "-2", "-3"] {
        ok(dir, &["check", "gym", "--date", day]);
    }
    for habit in ["ferm", "fibre", "exercise", "sunlight"] {
        ok(dir, &["check", habit]);
    }
    let short = ok(dir, &["status", "--short"]);
    assert_eq!(short, "gutbone 4/5 · stress break left\n");
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["status", "--json"])).unwrap();
    let habit = |id: &str| {
        json["habits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(habit("yoga")["due"], false);
    assert_eq!(habit("gym")["due"], false);
    assert_eq!(
        habit("coffee")["done"],
        false,
        "a limit is not kept on its day off"
    );
    assert_eq!(habit("coffee")["limit"], 2.0);
    assert_eq!(habit("stress-break")["due"], true);
}

#[test]
fn the_week_names_its_mark_for_days_not_due() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert!(
        !ok(dir, &["week"]).contains("not due"),
        "all daily: no such mark"
    );
    ok(dir, &["habit", "add", "Yoga", "--on", "mon,wed,fri"]);
    ok(dir, &["check", "yoga", "--date", "-1"]);
    let week = ok(dir, &["week"]);
    assert!(week.contains("◦ not due"), "{week}");
}

#[test]
fn archiving_twice_or_bringing_back_one_on_the_checklist_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let said = ok(dir, &["habit", "unarchive", "sunlight"]);
    assert_eq!(
        said,
        "Sunlight is on the checklist already; nothing changed\n"
    );
    ok(dir, &["habit", "archive", "sunlight"]);
    let said = ok(dir, &["habit", "archive", "sunlight"]);
    assert_eq!(said, "Sunlight is archived already; nothing changed\n");
}

#[test]
fn moved_to_the_last_place_a_habit_stays_before_the_archived_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["habit", "archive", "stress-break"]);
    ok(dir, &["habit", "move", "sunlight", "--to", "4"]);
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["habit", "list", "--all", "--json"])).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
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
    let text = fs::read_to_string(dir.join("habits.ron")).unwrap();
    assert!(
        text.find("\"sunlight\"") < text.find("\"stress-break\""),
        "{text}"
    );
}

#[test]
fn a_habit_the_file_has_no_days_for_is_made_from_today() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let export = tmp.path().join("loop");
    fs::create_dir_all(&export).unwrap();
    fs::write(
        export.join("Habits.csv"),
        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n001,Stretch,YES_NO,,,1,1,#00897B,,,,false\n",
    )
    .unwrap();
    ok(dir, &["check", "sunlight", "--date", "-3"]);
    ok(dir, &["import", export.to_str().unwrap(), "--create"]);
    let text = fs::read_to_string(dir.join("habits.ron")).unwrap();
    assert!(
        text.contains(r#"since: "2026-11-22""#),
        "not a miss before today: {text}"
    );
}
