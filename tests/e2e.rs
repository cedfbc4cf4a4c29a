//! The built binary, end to end, in a pseudo-terminal on a temporary data
//! directory: what a person sees, types, and finds on disk afterwards.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::pty::{BIN, Session, gutbone, isolate};
use portable_pty::CommandBuilder;

const LEFT: &str = "\x1b[D";
const HABITS: [&str; 5] = [
    "Fermented food",
    "Prebiotic fibre",
    "Weight-bearing exercise",
    "Sunlight",
    "Stress break",
];

fn data_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("gutbone-data");
    (tmp, dir)
}

/// A year of the log in the layout before months, as a person may still
/// have one (a start splits it into months).
fn year_file(dir: &Path, year: i32) -> PathBuf {
    dir.join("log").join(format!("{year}.ron"))
}

/// The month file the pinned days (November 2026) are saved in.
fn month_file(dir: &Path) -> PathBuf {
    dir.join("log").join("2026").join("11.ron")
}

/// gutbone run with no terminal at all, as from a script or CI.
fn run_without_terminal(dir: &Path) -> Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .env("GUTBONE_NOW", "2026-11-22T09:00:00")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn send_signal(signal: &str, pid: &str) {
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), pid])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{signal} {pid}");
}

#[test]
fn log_today_back_fill_yesterday_quit_and_find_it_all_again() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    let screen = app.wait_for("0/5 today");
    for habit in HABITS {
        assert!(screen.contains(habit), "{habit} missing from:\n{screen}");
    }
    assert!(
        !dir.join("log").exists(),
        "nothing is written before a change"
    );

    app.send("1");
    app.wait_for("1/5 today");
    app.send(LEFT);
    app.wait_for("Sat 21 Nov 2026 · yesterday");
    app.send("3");
    app.wait_for("1/5 that day");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);

    let saved = fs::read_to_string(month_file(&dir)).unwrap();
    assert!(
        saved.contains(r#""2026-11-22": (amounts: {"fermented-food": 1.0}),"#),
        "{saved}"
    );
    assert!(
        saved.contains(r#""2026-11-21": (amounts: {"weight-bearing-exercise": 30.0}),"#),
        "{saved}"
    );

    let mut again = Session::spawn(gutbone(&dir, "2026-11-22T18:00:00"));
    let screen = again.wait_for("1/5 today");
    assert!(screen.contains("[x] Fermented food"), "{screen}");
    again.send("h");
    let screen = again.wait_for("1/5 that day");
    assert!(screen.contains("[x] Weight-bearing exercise"), "{screen}");
    again.send("\x03"); // Ctrl-C
    assert_eq!(again.wait_exit(), 0);
}

/// gutbone under `sh`, which prints gutbone's exit code and then `stty -a`
/// in the same terminal once gutbone has ended.
fn gutbone_then_stty(dir: &Path) -> Session {
    gutbone_then_stty_with(dir, &[])
}

fn gutbone_then_stty_with(dir: &Path, env: &[(&str, &str)]) -> Session {
    fs::create_dir_all(dir).unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg(format!(
        "'{BIN}' --data-dir '{}'; echo \"exit=$?\"; stty -a",
        dir.display()
    ));
    isolate(&mut cmd, dir);
    cmd.env("GUTBONE_NOW", "2026-11-22T09:00:00");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let app = Session::spawn(cmd);
    app.wait_for("0/5 today");
    assert!(app.in_alternate_screen());
    app
}

/// After gutbone ended with `code`: echo and canonical input are back on,
/// the alternate screen is left and the cursor shows.
fn assert_terminal_restored(app: &mut Session, code: u32) {
    let screen = app.wait_for("icanon");
    assert_eq!(app.wait_exit(), 0, "sh itself");
    assert!(screen.contains(&format!("exit={code}")), "{screen}");
    let words: Vec<&str> = screen.split_whitespace().collect();
    assert!(
        words.contains(&"echo") && !words.contains(&"-echo"),
        "{screen}"
    );
    assert!(
        words.contains(&"icanon") && !words.contains(&"-icanon"),
        "{screen}"
    );
    assert!(!app.in_alternate_screen(), "the alternate screen was left");
    assert!(!app.cursor_hidden(), "the cursor is visible again");
    assert!(!app.mouse_reported(), "the mouse is the terminal's again");
}

#[test]
fn quitting_hands_the_terminal_back_as_it_was() {
    for key in ["q", "\x1b", "\x03"] {
        let (_tmp, dir) = data_dir();
        let mut app = gutbone_then_stty(&dir);
        app.send(key);
        assert_terminal_restored(&mut app, 0);
    }
}

#[test]
fn a_panic_hands_the_terminal_back_and_says_what_happened() {
    let (_tmp, dir) = data_dir();
    let mut app = gutbone_then_stty_with(&dir, &[("GUTBONE_TEST_PANIC", "1")]);
    app.send("j");
    assert_terminal_restored(&mut app, 101);
    let screen = app.screen();
    assert!(screen.contains("panicking as asked"), "{screen}");
}

#[test]
fn a_terminating_signal_hands_the_terminal_back_too() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("QUIT", 3), ("INT", 2)] {
        let (_tmp, dir) = data_dir();
        let mut app = gutbone_then_stty(&dir);
        app.send("1");
        app.wait_for("1/5 today");
        // gutbone writes its pid into the lock file it holds.
        let pid = fs::read_to_string(dir.join("gutbone.lock")).unwrap();
        send_signal(signal, pid.trim());
        assert_terminal_restored(&mut app, 128 + number);
        let saved = fs::read_to_string(month_file(&dir)).unwrap();
        assert!(
            saved.contains(r#"{"fermented-food": 1.0}"#),
            "{signal}: {saved}"
        );
    }
}

/// The thread that acts on signals starts after the first key or 50 ms: a
/// signal with no key pressed yet is acted on all the same.
#[test]
fn a_signal_before_any_key_hands_the_terminal_back() {
    let (_tmp, dir) = data_dir();
    let mut app = gutbone_then_stty(&dir);
    app.wait_for("0/5 today");
    let pid = fs::read_to_string(dir.join("gutbone.lock")).unwrap();
    send_signal("TERM", pid.trim());
    assert_terminal_restored(&mut app, 128 + 15);
}

#[test]
fn a_second_gutbone_is_refused_and_writes_nothing() {
    let (_tmp, dir) = data_dir();
    let mut first = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    first.wait_for("0/5 today");
    first.send("2");
    first.wait_for("1/5 today");
    let before = fs::read(month_file(&dir)).unwrap();

    let second = run_without_terminal(&dir);
    assert_eq!(second.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("gutbone is open elsewhere"), "{stderr}");
    assert!(
        stderr.contains(&format!("process {}", first.pid())),
        "{stderr}"
    );
    assert_eq!(fs::read(month_file(&dir)).unwrap(), before);

    first.send("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn a_lock_left_by_a_killed_gutbone_does_not_block_the_next_start() {
    let (_tmp, dir) = data_dir();
    let mut first = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    first.wait_for("0/5 today");
    send_signal("KILL", &first.pid().to_string());
    first.wait_exit();
    assert!(
        dir.join("gutbone.lock").exists(),
        "the lock file is left behind"
    );

    let mut next = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    next.wait_for("0/5 today");
    next.send("q");
    assert_eq!(next.wait_exit(), 0);
}

#[test]
fn today_moves_forward_at_midnight_without_a_key_press() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T23:59:58"));
    app.wait_for("Sun 22 Nov 2026 · today");
    app.send("1");
    app.wait_for("1/5 today");
    // The app sleeps until the next day begins, then redraws on its own.
    let screen = app.wait_for("Mon 23 Nov 2026 · today");
    assert!(screen.contains("0/5 today"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_corrupt_file_is_reported_with_its_place_and_left_untouched() {
    let (_tmp, dir) = data_dir();
    fs::create_dir_all(dir.join("log")).unwrap();
    let broken = "(\n    version: 1,\n    year: 2026,\n    days: {\n        \"2026-11-21\": (done: [\"sunlight\"]\n    },\n)\n";
    fs::write(year_file(&dir, 2026), broken).unwrap();

    // Through a real terminal: refused before the screen is ever taken over.
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    assert_eq!(app.wait_exit(), 1);
    // The output may still be in flight after the process ends: wait for it.
    let screen = app.wait_for("line 6, column");
    assert!(screen.contains("2026.ron"), "{screen}");
    assert!(!app.in_alternate_screen());
    assert_eq!(fs::read_to_string(year_file(&dir, 2026)).unwrap(), broken);
}

#[test]
fn every_broken_file_is_refused_with_a_located_message_and_its_bytes_kept() {
    let fixtures: [(&str, &[u8], &str); 11] = [
        ("truncated", b"(version: 1, year: 2026, days: {\"2026-11-21\": (done: [\"sun", "line 1"),
        ("binary garbage", b"\x00\xff\xfe\x01RON?", "not valid UTF-8"),
        ("empty", b"", "line 1, column 1"),
        ("wrong types", b"(version: \"one\", year: 2026, days: {})", "line 1"),
        ("unknown field", b"(version: 1, year: 2026,\n days: {},\n colour: 3)", "line 3"),
        ("impossible date", b"(version: 1, year: 2026, days: {\n\"2026-02-30\": (done: [])})", "\"2026-02-30\" is not a date"),
        ("same date twice", b"(version: 1, year: 2026, days: {\"2026-01-02\": (done: []), \"2026-01-02\": (done: [])})", "appears twice"),
        ("unknown habit", b"(version: 1, year: 2026, days: {\"2026-01-02\": (done: [\"juggling\"])})", "not a habit"),
        ("newer version", b"(version: 999, year: 2026, days: {})", "newer gutbone"),
        ("negative amount", b"(version: 2, year: 2026, days: {\"2026-01-02\": (amounts: {\"sunlight\": -5})})", "is -5"),
        ("NaN amount", b"(version: 2, year: 2026, days: {\"2026-01-02\": (amounts: {\"sunlight\": NaN})})", "is NaN"),
    ];
    for (name, bytes, expected) in fixtures {
        let (_tmp, dir) = data_dir();
        fs::create_dir_all(dir.join("log")).unwrap();
        let path = year_file(&dir, 2026);
        fs::write(&path, bytes).unwrap();
        let output = run_without_terminal(&dir);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(&path.display().to_string()),
            "{name}: {stderr}"
        );
        assert!(
            stderr.contains(expected),
            "{name}: expected {expected:?} in {stderr}"
        );
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "{name}: the file was changed"
        );
    }
}

#[test]
fn without_a_terminal_the_app_says_what_it_needs() {
    let (_tmp, dir) = data_dir();
    let output = run_without_terminal(&dir);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("interactive terminal"), "{stderr}");
}

#[test]
fn the_environment_variable_chooses_the_data_dir_and_the_flag_beats_it() {
    let (_tmp, dir) = data_dir();
    let env_dir = dir.with_file_name("from-env");
    let mut cmd = CommandBuilder::new(BIN);
    isolate(&mut cmd, &dir);
    cmd.env("GUTBONE_DATA_DIR", &env_dir);
    cmd.env("GUTBONE_NOW", "2026-11-22T09:00:00");
    let mut app = Session::spawn(cmd);
    app.wait_for("0/5 today");
    app.send("5");
    app.wait_for("1/5 today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(month_file(&env_dir).exists());

    let mut cmd = gutbone(&dir, "2026-11-22T09:00:00");
    cmd.env("GUTBONE_DATA_DIR", &env_dir);
    let mut app = Session::spawn(cmd);
    app.wait_for("0/5 today");
    app.send("4");
    app.wait_for("1/5 today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(month_file(&dir).exists(), "the flag won");
    let env_file = fs::read_to_string(month_file(&env_dir)).unwrap();
    assert!(
        env_file.contains(r#"(amounts: {"stress-break": 1.0})"#),
        "{env_file}"
    );
    assert!(!env_file.contains(r#""sunlight""#), "{env_file}");
}

#[test]
fn settings_skips_and_the_weekly_review_in_the_real_app() {
    let (_tmp, dir) = data_dir();
    let config = dir.with_file_name("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("settings.ron"),
        "(version: 1, week_start: Sunday, day_starts_at: \"04:00\")",
    )
    .unwrap();
    let mut cmd = gutbone(&dir, "2026-11-23T01:30:00"); // Monday, small hours
    cmd.arg("--config-dir");
    cmd.arg(&config);
    let mut app = Session::spawn(cmd);
    // Still Sunday the 22nd, and the week starts that Sunday.
    app.wait_for("Sun 22 Nov 2026 · today");
    app.wait_for("Week of 22 Nov");
    app.send("s");
    app.wait_for("–"); // the skipped mark
    app.send("w");
    app.wait_for("Weekly review");
    app.send("\x1b");
    app.wait_for("Week of 22 Nov");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let saved = fs::read_to_string(month_file(&dir)).unwrap();
    assert!(
        saved.contains(r#""2026-11-22": (skipped: ["fermented-food"]),"#),
        "{saved}"
    );
}

#[test]
fn a_broken_settings_file_is_refused_with_its_place() {
    let (_tmp, dir) = data_dir();
    let config = dir.with_file_name("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("settings.ron"),
        "(version: 1,\n week_start: Munday)",
    )
    .unwrap();
    let output = Command::new(BIN)
        .args(["--data-dir", &dir.display().to_string()])
        .args(["--config-dir", &config.display().to_string()])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("settings.ron"), "{stderr}");
    assert!(stderr.contains("line 2, column"), "{stderr}");
}

#[test]
fn a_mistake_in_your_own_tips_is_shown_and_the_app_still_runs() {
    let (_tmp, dir) = data_dir();
    let config = dir.with_file_name("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("tips.ron"),
        "(version: 1, tips: [\n  (id: \"mine\", habits: [\"sunlite\"], source: \"kefir\", text: \"x\")])",
    )
    .unwrap();
    let mut cmd = gutbone(&dir, "2026-11-22T09:00:00");
    cmd.arg("--config-dir");
    cmd.arg(&config);
    let mut app = Session::spawn(cmd);
    let screen = app.wait_for("Your own tips were not loaded");
    assert!(screen.contains("line 2, column"), "{screen}");
    assert!(
        screen.contains("Source:"),
        "the built-in tips still show:\n{screen}"
    );
    app.send("1");
    let screen = app.wait_for("1/5 today");
    assert!(
        screen.contains("Your own tips were not loaded"),
        "a save does not hide the problem:\n{screen}"
    );
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_note_typed_in_the_real_app_is_saved() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("0/5 today");
    app.send("o");
    app.wait_for("Note for Sun 22 Nov");
    app.send("quiet day, q and s are text here");
    app.wait_for("q and s are text here");
    app.send("\r");
    app.wait_for("note: quiet day");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let saved = fs::read_to_string(month_file(&dir)).unwrap();
    assert!(
        saved.contains(r#""2026-11-22": (note: "quiet day, q and s are text here"),"#),
        "{saved}"
    );
}

#[test]
fn a_habit_added_in_the_real_app_is_kept_in_habits_ron_with_its_days() {
    let (_tmp, dir) = data_dir();
    let habits_file = dir.join("habits.ron");
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("0/5 today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!habits_file.exists(), "looking around writes nothing");

    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("0/5 today");
    app.send("a");
    app.wait_for("New habit");
    app.send("Cold shower\t\t ");
    app.wait_for("measured  Space");
    // Unit: replace "min" with "min" typed fresh; target 2.
    app.send("\t\x7f\x7f\x7fmin\t\x7f2\r");
    app.wait_for("0/6 today");
    app.send("++");
    app.wait_for("2/2 min");
    app.send("=");
    app.wait_for("Cold shower on Sun 22 Nov");
    app.send("9\r");
    app.wait_for("9/2 min");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);

    let habits = fs::read_to_string(&habits_file).unwrap();
    assert!(habits.contains(r#"id: "cold-shower""#), "{habits}");
    assert!(habits.contains("target: 2.0"), "{habits}");
    assert!(
        habits.contains(r#"id: "sunlight""#),
        "the defaults are written too: {habits}"
    );
    let saved = fs::read_to_string(month_file(&dir)).unwrap();
    assert!(
        saved.contains(r#"(amounts: {"cold-shower": 9.0})"#),
        "{saved}"
    );

    // Back again: the habit and its day are still there.
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    let screen = app.wait_for("1/6 today");
    assert!(screen.contains("Cold shower"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_broken_habits_file_is_refused_with_its_place_and_left_untouched() {
    let fixtures: [(&str, &str, &str); 5] = [
        (
            "unknown field",
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check, colour: 3),\n])",
            "line 2, column 37",
        ),
        (
            "duplicate id",
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Check),\n  (id: \"a\", name: \"B\", kind: Check),\n])",
            "line 3, column 8",
        ),
        (
            "zero target",
            "(version: 1, habits: [\n  (id: \"a\", name: \"A\", kind: Measured, unit: \"min\", target: 0),\n])",
            "must be above 0",
        ),
        (
            "empty name",
            "(version: 1, habits: [\n  (id: \"a\", name: \" \", kind: Check),\n])",
            "needs a name",
        ),
        ("newer version", "(version: 9, habits: [])", "newer gutbone"),
    ];
    for (name, text, expected) in fixtures {
        let (_tmp, dir) = data_dir();
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("habits.ron");
        fs::write(&path, text).unwrap();
        let output = run_without_terminal(&dir);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains("habits.ron"), "{name}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{name}: expected {expected:?} in {stderr}"
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            text,
            "{name}: the file was changed"
        );
    }
}

#[test]
fn a_day_naming_a_habit_missing_from_habits_ron_is_refused_not_dropped() {
    let (_tmp, dir) = data_dir();
    fs::create_dir_all(dir.join("log")).unwrap();
    fs::write(
        dir.join("habits.ron"),
        "(version: 1, habits: [(id: \"sunlight\", name: \"Sunlight\", kind: Check)])",
    )
    .unwrap();
    let year = "(version: 2, year: 2026, days: {\"2026-11-20\": (done: [\"stress-break\"])})";
    fs::write(year_file(&dir, 2026), year).unwrap();
    let output = run_without_terminal(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("\"stress-break\" (on 2026-11-20) is not a habit"),
        "{stderr}"
    );
    assert!(stderr.contains("habits.ron"), "{stderr}");
    assert_eq!(fs::read_to_string(year_file(&dir, 2026)).unwrap(), year);
}

#[test]
fn an_edit_made_outside_while_the_app_runs_is_read_in_not_written_over() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("0/5 today");
    app.send("1");
    app.wait_for("1/5 today");
    // Another writer (a sync tool, a hand edit) adds yesterday's stress break.
    let path = month_file(&dir);
    let theirs = fs::read_to_string(&path).unwrap().replace(
        "days: {",
        "days: {\n        \"2026-11-21\": (done: [\"stress-break\"]),",
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, &theirs).unwrap();
    app.send("4");
    app.wait_for("2/5 today");
    app.send(LEFT);
    app.wait_for("1/5 that day");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(r#""2026-11-21": (done: ["stress-break"]),"#),
        "{saved}"
    );
    assert!(
        saved.contains(r#""2026-11-22": (amounts: {"fermented-food": 1.0, "sunlight": 15.0}),"#),
        "{saved}"
    );
}

/// The second start reads only the weeks on screen (the days before summed
/// up in `cache/summary.ron`); going back a year reads the rest in, and a
/// change there is saved beside every other day of that year.
#[test]
fn back_filling_a_year_that_was_only_summed_up_loses_no_day() {
    back_filling_loses_no_day(52, "Sun 23 Nov 2025", "2025-11-23");
}

/// The same six weeks back, in this year's file: its days before the weeks
/// on screen were summed up too.
#[test]
fn back_filling_this_year_before_the_weeks_read_loses_no_day() {
    back_filling_loses_no_day(6, "Sun 11 Oct 2026", "2026-10-11");
}

/// The first frame is drawn from the summary before the older months are
/// looked at; one broken by hand since is caught before any key acts, and
/// ends the app as it would have at start.
#[test]
fn an_older_month_broken_since_the_summary_ends_the_app_with_its_place() {
    let (_tmp, dir) = data_dir();
    common::cli::ok(&dir, &["generate-history", "--years", "2"]);
    let now = "2026-11-22T09:00:00";
    let mut app = Session::spawn(gutbone(&dir, now));
    app.wait_for("today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(dir.join("cache").join("summary.ron").exists());

    let older = dir.join("log").join("2025").join("03.ron");
    let text = fs::read_to_string(&older).unwrap();
    let broken = text.replacen("days: {", "days: {{", 1);
    fs::write(&older, &broken).unwrap();

    let mut app = Session::spawn(gutbone(&dir, now));
    assert_eq!(app.wait_exit(), 1);
    let screen = app.wait_for("column");
    assert!(screen.contains("03.ron"), "{screen}");
    assert!(!app.in_alternate_screen());
    assert_eq!(fs::read_to_string(&older).unwrap(), broken);
}

fn back_filling_loses_no_day(weeks: usize, shown: &str, date: &str) {
    use gutbone::store::Store;
    let (_tmp, dir) = data_dir();
    common::cli::ok(&dir, &["generate-history", "--years", "3"]);
    let (habits, before) = Store::open_for_command(&dir, "2026-11-22".parse().unwrap())
        .load()
        .unwrap();
    let now = "2026-11-22T09:00:00";

    let mut app = Session::spawn(gutbone(&dir, now));
    app.wait_for("today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(dir.join("cache").join("summary.ron").exists());

    let mut app = Session::spawn(gutbone(&dir, now));
    app.wait_for("today");
    app.send(&"[".repeat(weeks));
    app.wait_for(shown);
    app.send("2");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);

    let (_, after) = Store::open_for_command(&dir, "2026-11-22".parse().unwrap())
        .load()
        .unwrap();
    let day = common::d(date);
    let fibre = &habits[1];
    assert_ne!(
        after.entry(day, fibre),
        before.entry(day, fibre),
        "the toggle"
    );
    let others = |log: &gutbone::domain::Log| -> Vec<_> {
        log.days_in(..)
            .filter(|(date, _)| *date != day)
            .map(|(date, day)| (date, day.clone()))
            .collect()
    };
    assert_eq!(others(&after), others(&before), "every other day as it was");
}

#[test]
fn a_dumb_terminal_is_refused_with_a_pointer_to_status() {
    let (_tmp, dir) = data_dir();
    let mut cmd = gutbone(&dir, "2026-11-22T09:00:00");
    cmd.env("TERM", "dumb");
    let mut app = Session::spawn(cmd);
    assert_eq!(app.wait_exit(), 1);
    let screen = app.screen();
    assert!(screen.contains("TERM=dumb"), "{screen}");
    assert!(screen.contains("gutbone status"), "{screen}");
    assert!(!dir.join("log").exists(), "nothing written");
}

#[test]
fn ascii_and_no_color_reach_the_real_screen() {
    let (_tmp, dir) = data_dir();
    let mut cmd = gutbone(&dir, "2026-11-22T09:00:00");
    cmd.arg("--ascii");
    cmd.env("NO_COLOR", "1");
    let mut app = Session::spawn_sized(cmd, 100, 30);
    let screen = app.wait_for("0/5 today");
    assert!(screen.is_ascii(), "{screen}");
    assert!(screen.contains("+----"), "{screen}");
    assert!(!app.any_colour(), "NO_COLOR leaves no colour on screen");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);

    let mut app = Session::spawn_sized(gutbone(&dir, "2026-11-22T09:00:00"), 100, 30);
    let screen = app.wait_for("0/5 today");
    assert!(screen.contains('┌'), "Unicode by default: {screen}");
    assert!(app.any_colour(), "colour by default");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn your_own_keys_work_in_the_real_app_and_a_mistake_keeps_the_defaults() {
    let (_tmp, dir) = data_dir();
    let config = dir.with_file_name("config");
    fs::create_dir_all(&config).unwrap();
    let keys = config.join("keys.ron");
    fs::write(
        &keys,
        "{\n  \"toggle_selected\": [\"x\"],\n  \"quit\": [\"Q\"],\n}",
    )
    .unwrap();
    let run = || {
        let mut cmd = gutbone(&dir, "2026-11-22T09:00:00");
        cmd.arg("--config-dir");
        cmd.arg(&config);
        Session::spawn_sized(cmd, 100, 30)
    };
    let mut app = run();
    app.wait_for("0/5 today");
    app.send(" q");
    app.send("x");
    let screen = app.wait_for("1/5 today");
    assert!(
        screen.contains("Q quit"),
        "the footer names the chosen key:\n{screen}"
    );
    app.send("?");
    let help = app.wait_for("Help");
    assert!(
        help.contains("Q Ctrl-C"),
        "the help shows the keys bound:\n{help}"
    );
    app.send("?Q");
    assert_eq!(app.wait_exit(), 0);

    fs::write(&keys, "{\n  \"toggle_selected\": [\"j\"],\n}").unwrap();
    let mut app = run();
    let screen = app.wait_for("default keys are in force");
    assert!(screen.contains("line 2, column 23"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_resize_redraws_at_once_and_a_click_ticks_a_habit_on_disk() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn_sized(gutbone(&dir, "2026-11-22T09:00:00"), 100, 30);
    app.wait_for("0/5 today");
    // Clicks and the wheel, not every move of the mouse: a move would wake
    // the app for nothing.
    assert_eq!(app.mouse_mode(), vt100::MouseProtocolMode::PressRelease);
    // Down to one panel at a time, then back: the selection survives. (The
    // key is seen before the resize is made: a key and a resize reach the
    // app by different ways, in no promised order.)
    app.send("j");
    app.wait_for("▶ 2");
    app.resize(40, 12);
    // Narrower than 50 columns, the header drops the year.
    let small = app.wait_until("the 40×12 screen", |screen| {
        screen.contains("Tab panel") && !screen.contains("Nov 2026")
    });
    assert!(small.contains("▶ 2"), "{small}");
    app.resize(80, 24);
    let screen = app.wait_for("Week of");
    assert!(screen.contains("▶ 2"), "{screen}");
    // At 80×24 habit 4's box is on row 6, columns 5 to 7.
    app.click(6, 6);
    app.wait_for("1/5 today");
    let saved = fs::read_to_string(month_file(&dir)).unwrap();
    assert!(saved.contains("\"sunlight\""), "{saved}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert!(!app.in_alternate_screen());
    assert!(
        !app.mouse_reported(),
        "mouse reports are turned off on the way out"
    );
}

#[test]
fn with_the_mouse_turned_off_clicks_do_nothing() {
    let (_tmp, dir) = data_dir();
    let config = dir.with_file_name("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("settings.ron"), "(version: 1, mouse: false)").unwrap();
    let mut cmd = gutbone(&dir, "2026-11-22T09:00:00");
    cmd.arg("--config-dir");
    cmd.arg(&config);
    let mut app = Session::spawn_sized(cmd, 80, 24);
    app.wait_for("0/5 today");
    assert!(!app.mouse_reported(), "the terminal keeps the mouse");
    // Even a report sent regardless is not taken.
    app.click(6, 6);
    app.send("5");
    let screen = app.wait_for("1/5 today");
    assert!(
        screen.contains("4 [ ]"),
        "the click was not taken:\n{screen}"
    );
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn i_opens_a_habits_story_and_esc_comes_back() {
    let (_tmp, dir) = data_dir();
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("0/5 today");
    app.send("1");
    app.wait_for("1/5 today");
    app.send("i");
    let screen = app.wait_for("Best streaks");
    assert!(screen.contains(" Fermented food "), "{screen}");
    assert!(screen.contains("1 of 1 due days (100%)"), "{screen}");
    app.send("r");
    app.wait_for("Strength, 1 year");
    app.send("\x1b");
    app.wait_for("1/5 today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_story_of_years_reads_the_older_months_in_first() {
    // Three years made up: the start reads only the months on screen and a
    // summary of the rest; the story needs every day.
    let (_tmp, dir) = data_dir();
    let made = Command::new(BIN)
        .args(["--data-dir"])
        .arg(&dir)
        .args(["generate-history", "--years", "3"])
        .env("GUTBONE_NOW", "2026-11-22T09:00:00")
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("today");
    app.send("i");
    let screen = app.wait_for("Best streaks");
    assert!(screen.contains("since 23 Nov 2023"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}
