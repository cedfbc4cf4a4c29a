//! The odd states a demanding user meets in the first weeks, through the real
//! binary: rest days, edits from elsewhere while the app is open, undo after
//! another terminal's change, and the like. Each test is a defect once found.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::cli;
use common::pty::{Session, gutbone};

const NOW: &str = "2026-11-22T09:00:00";

fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("gutbone-data");
    (tmp, dir)
}

/// The month file of the pinned days.
fn year_file(dir: &Path) -> PathBuf {
    dir.join("log").join("2026").join("11.ron")
}

/// A command on the same data as `gutbone(dir, NOW)`.
fn command(dir: &Path, args: &[&str]) -> String {
    cli::ok(dir, args)
}

#[test]
fn a_rest_day_opens_and_says_so() {
    let (_tmp, dir) = data_dir();
    command(
        &dir,
        &["skip", "ferm", "fibre", "exercise", "sunlight", "stress"],
    );
    let mut app = Session::spawn_sized(gutbone(&dir, NOW), 80, 24);
    let screen = app.wait_for("rest day today");
    assert!(screen.contains("Rest day"), "the coach says so:\n{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn skipping_the_last_open_habit_in_the_app_makes_a_rest_day() {
    let (_tmp, dir) = data_dir();
    command(&dir, &["skip", "ferm", "fibre", "exercise", "sunlight"]);
    let mut app = Session::spawn_sized(gutbone(&dir, NOW), 100, 30);
    app.wait_for("0/1 today, 4 skipped");
    // The open habit is selected at start.
    app.send("s");
    app.wait_for("rest day today");
    app.send("s");
    app.wait_for("0/1 today, 4 skipped");
    app.send("5");
    let screen = app.wait_for("1/1 today, 4 skipped");
    assert!(screen.contains("All done today (1 of 1)"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let saved = fs::read_to_string(year_file(&dir)).unwrap();
    assert!(saved.contains(r#""stress-break": 1.0"#), "{saved}");
}

#[test]
fn the_amount_prompt_reads_what_was_typed_whole() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn_sized(gutbone(&dir, NOW), 100, 30);
    app.wait_for("0/5 today");
    app.send("j");
    for (typed, said) in [
        ("-5", "cannot be negative"),
        ("1e3", "\"1e3\" is not a number"),
        ("0x10", "\"0x10\" is not a number"),
        ("0.0000001", "more decimals"),
    ] {
        app.send("=");
        app.wait_for("0 clears the day");
        app.send(typed);
        app.send("\r");
        app.wait_for(said);
        app.send("\x1b");
        app.wait_until("the prompt closed", |screen| !screen.contains(said));
    }
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!year_file(&dir).exists(), "nothing was saved");
}

#[test]
fn undo_leaves_a_change_made_from_the_command_line_meanwhile() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn_sized(gutbone(&dir, NOW), 100, 30);
    app.wait_for("0/5 today");
    app.send("2");
    app.wait_for("3/3 servings");
    command(&dir, &["check", "fibre", "--amount", "2"]);
    app.send("u");
    let screen = app.wait_for("changed elsewhere since");
    assert!(screen.contains("2/3 servings"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let saved = fs::read_to_string(year_file(&dir)).unwrap();
    assert!(saved.contains(r#""prebiotic-fiber": 2.0"#), "{saved}");
}

#[test]
fn a_hand_edit_that_breaks_the_file_while_the_app_is_open_stops_every_change() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn_sized(gutbone(&dir, NOW), 100, 30);
    app.wait_for("0/5 today");
    app.send("1");
    app.wait_for("1/5 today");
    let good = fs::read_to_string(year_file(&dir)).unwrap();
    let broken = good.replace("amounts:", "amonts:");
    assert_ne!(good, broken);
    fs::write(year_file(&dir), &broken).unwrap();
    app.send(" ");
    let screen = app.wait_for("does not read; no change is made");
    assert!(screen.contains("2026/11.ron line "), "{screen}");
    assert!(
        screen.contains("1/5 today"),
        "nothing was applied:\n{screen}"
    );
    assert!(!screen.contains("saved with the next"), "{screen}");
    // Keys are taken in order: once the help is up, these were refused.
    app.send("2u?");
    app.wait_for("┌ Help");
    app.send("?");
    let screen = app.wait_for("no change is made");
    assert!(screen.contains("1/5 today"), "{screen}");
    assert_eq!(fs::read_to_string(year_file(&dir)).unwrap(), broken);
    // Fixed by hand again: the next key reads it in and acts.
    fs::write(year_file(&dir), &good).unwrap();
    app.send("2");
    app.wait_for("2/5 today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let saved = fs::read_to_string(year_file(&dir)).unwrap();
    assert!(saved.contains(r#""prebiotic-fiber": 3.0"#), "{saved}");
}

/// `n` done-or-not habits, "Habit 1" to "Habit n", in habits.ron.
fn many_habits(dir: &Path, n: usize) {
    fs::create_dir_all(dir).unwrap();
    let habits: Vec<String> = (1..=n)
        .map(|i| format!(r#"(id: "habit-{i}", name: "Habit {i}", short: "H{i}", kind: Check),"#))
        .collect();
    fs::write(
        dir.join("habits.ron"),
        format!("(version: 1, habits: [{}])", habits.join("\n")),
    )
    .unwrap();
}

#[test]
fn the_week_scrolls_with_the_selection_and_says_how_many_are_hidden() {
    for (habits, width, height) in [(7, 60, 18), (20, 120, 40)] {
        let (_tmp, dir) = data_dir();
        many_habits(&dir, habits);
        let mut app = Session::spawn_sized(gutbone(&dir, NOW), width, height);
        let screen = app.wait_for(&format!("0/{habits} today"));
        assert!(screen.contains(&format!(" of {habits} ")), "{screen}");
        assert!(screen.contains("more"), "{screen}");
        let last = format!("H{habits} ");
        assert!(!screen.contains(&last), "{screen}");
        // Up from the first habit wraps to the last: the week shows it.
        app.send("k");
        let screen = app.wait_until("the last habit's row", |s| {
            s.contains(&last) && s.contains("↑")
        });
        assert!(
            screen.contains(&format!("{habits} of {habits} ")),
            "{screen}"
        );
        app.send("q");
        assert_eq!(app.wait_exit(), 0);
    }
}

/// A data directory the disk will not write to (on Linux, under /sys even
/// root cannot create one) is shown, and no key changes anything.
#[test]
fn a_read_only_data_directory_opens_for_viewing_and_says_why() {
    let dir = Path::new("/sys/kernel/gutbone-read-only-test");
    if !Path::new("/sys/kernel").is_dir() || fs::create_dir(dir).is_ok() {
        let _ = fs::remove_dir(dir);
        eprintln!("no read-only directory to try here");
        return;
    }
    let mut cmd = gutbone(dir, NOW);
    cmd.arg("--config-dir");
    cmd.arg(std::env::temp_dir().join("gutbone-no-config"));
    let mut app = Session::spawn_sized(cmd, 100, 30);
    let screen = app.wait_for("0/5 today");
    assert!(
        screen.contains("is read-only: gutbone shows it"),
        "{screen}"
    );
    app.send(" 3j");
    let screen = app.wait_until("the selection moved", |s| s.contains("▶ 4"));
    assert!(screen.contains("0/5 today"), "nothing changed:\n{screen}");
    assert!(screen.contains("changes nothing"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_form_keeps_a_hand_set_short_label_and_a_measure_through_a_kind_change() {
    let (_tmp, dir) = data_dir();
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("habits.ron"),
        r#"(version: 1, habits: [
            (id: "walk", name: "Walk", short: "Legs", kind: Measured, unit: "km", step: 0.5, target: 3.0),
            (id: "tea", name: "Tea", kind: Check),
        ])"#,
    )
    .unwrap();
    let mut app = Session::spawn_sized(gutbone(&dir, NOW), 100, 30);
    app.wait_for("0/2 today");
    // Rename: the short label stays.
    app.send("e");
    app.wait_for("Edit habit");
    app.send("\x7f\x7f\x7f\x7fStroll\r");
    app.wait_for("Stroll");
    // Done or not (Space: a limit, then done or not), then measured again:
    // unit, target and step come back.
    app.send("e\t\t  ");
    app.wait_for("Done or not from now on");
    app.send("\r");
    app.wait_until("the form closed", |s| !s.contains("Edit habit"));
    let habits = fs::read_to_string(dir.join("habits.ron")).unwrap();
    assert!(
        habits.contains("kind: Check") && habits.contains("target: 3.0"),
        "{habits}"
    );
    app.send("e\t\t ");
    let screen = app.wait_for("Measured from now on");
    assert!(screen.contains("km") && screen.contains("0.5"), "{screen}");
    app.send("\r");
    app.wait_until("the form closed", |s| !s.contains("Edit habit"));
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let habits = fs::read_to_string(dir.join("habits.ron")).unwrap();
    for field in [
        r#"name: "Stroll""#,
        r#"short: "Legs""#,
        "kind: Measured",
        "step: 0.5",
        "target: 3.0",
    ] {
        assert!(habits.contains(field), "{field}: {habits}");
    }
}
