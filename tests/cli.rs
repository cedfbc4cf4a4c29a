//! The command line on the real binary, against a temporary data directory,
//! with "today" pinned to Sun 22 Nov 2026.

mod common;

use std::fs;
use std::process::Command;

use common::cli::{ok, run};
use common::pty::{Session, gutbone};

#[test]
fn check_uncheck_and_skip_change_the_log_and_status_shows_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert_eq!(
        ok(dir, &["check", "sun"]),
        "Sunlight: done, 15/15 min on Sun 22 Nov 2026\n"
    );
    assert_eq!(
        ok(dir, &["check", "exercise", "--amount", "20"]),
        "Weight-bearing exercise: the day's amount is 20/30 min on Sun 22 Nov 2026\n"
    );
    ok(
        dir,
        &["check", "Fermented food", "fibre", "--date", "yesterday"],
    );
    ok(dir, &["skip", "stress", "--date", "-1"]);
    ok(dir, &["check", "stress"]);
    ok(dir, &["uncheck", "stress"]);

    insta::assert_snapshot!(ok(dir, &["status"]), @r"
    Sun 22 Nov 2026 · 1/5 done
    [ ] Fermented food           0/1 serving     streak 1 (best 1), strength 5%
    [ ] Prebiotic fibre          0/3 servings    streak 1 (best 1), strength 5%
    [~] Weight-bearing exercise  20/30 min       streak 0 (best 0), strength 3%
    [x] Sunlight                 15/15 min       streak 1 (best 1), strength 5%
    [ ] Stress break             0/1 break       streak 0 (best 0), strength 0%
    ");
    insta::assert_snapshot!(ok(dir, &["status", "--date", "yesterday"]), @r"
    Sat 21 Nov 2026 · 2/4 done, 1 skipped
    [x] Fermented food           1/1 serving     streak 1 (best 1), strength 5%
    [x] Prebiotic fibre          3/3 servings    streak 1 (best 1), strength 5%
    [ ] Weight-bearing exercise  0/30 min        streak 0 (best 0), strength 0%
    [ ] Sunlight                 0/15 min        streak 0 (best 0), strength 0%
    [–] Stress break             0/1 break       streak 0 (best 0), strength 0%
    ");
    assert_eq!(
        ok(dir, &["status", "--short"]),
        "gutbone 1/5 · fermented food, prebiotic fibre, weight-bearing exercise, stress break left\n"
    );
    let saved = fs::read_to_string(dir.join("log/2026/11.ron")).unwrap();
    assert!(
        saved.contains(r#""2026-11-21": (amounts: {"fermented-food": 1.0, "prebiotic-fiber": 3.0}, skipped: ["stress-break"]),"#),
        "{saved}"
    );
}

#[test]
fn status_json_has_the_documented_shape() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "sunlight", "--date", "-1"]);
    ok(dir, &["check", "sunlight", "--amount", "10"]);
    let text = ok(dir, &["status", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["date"], "2026-11-22");
    assert_eq!(
        (json["done"].as_u64(), json["total"].as_u64()),
        (Some(0), Some(5))
    );
    let sun = &json["habits"][3];
    // The fields, in the order the README documents.
    let fields = [
        "id",
        "name",
        "done",
        "skipped",
        "amount",
        "target",
        "unit",
        "current_streak",
        "best_streak",
        "strength",
        "schedule",
        "due",
        "limit",
    ];
    assert_eq!(sun.as_object().unwrap().len(), fields.len());
    let first = &text[text.find("\"habits\"").unwrap()..];
    let at: Vec<usize> = fields
        .iter()
        .map(|field| first.find(&format!("\"{field}\":")).expect(field))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(sun["id"], "sunlight");
    assert_eq!(sun["amount"], 10.0);
    assert_eq!(sun["target"], 15.0);
    assert_eq!(sun["unit"], "min");
    assert_eq!(sun["done"], false);
    assert_eq!(
        sun["current_streak"], 1,
        "today, still open, does not break it"
    );
    assert!(sun["strength"].as_f64().unwrap() > 0.0);
}

#[test]
fn bad_input_is_explained_with_exit_code_2_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "sunlight"]);
    let before = fs::read(dir.join("log/2026/11.ron")).unwrap();
    let cases: [(&[&str], &str); 9] = [
        (
            &["check", "sun", "--date", "2026-02-30"],
            "\"2026-02-30\" is not a day",
        ),
        (&["check", "sun", "--date", "2026-11-23"], "in the future"),
        (
            &["check", "exercise", "--amount", "-3"],
            "cannot be negative",
        ),
        (
            &["check", "exercise", "--amount", "abc"],
            "\"abc\" is not a number",
        ),
        (
            &["check", "exercise", "--amount", "20000"],
            "at most 10,000",
        ),
        (&["check", "s"], "could be any of: sunlight, stress-break"),
        (&["check", "sunlite"], "did you mean \"sunlight\""),
        (
            &["check", "sun", "juggling"],
            "no habit is called \"juggling\"",
        ),
        (&["check"], "required arguments were not provided"),
    ];
    for (args, expected) in cases {
        let output = run(dir, args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{args:?}: expected {expected:?} in {stderr}"
        );
        assert!(output.stdout.is_empty(), "{args:?}: messages go to stderr");
        assert_eq!(
            fs::read(dir.join("log/2026/11.ron")).unwrap(),
            before,
            "{args:?} changed the log"
        );
    }
}

#[test]
fn a_broken_file_is_a_data_problem_exit_code_1_and_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("log")).unwrap();
    let broken = "(version: 2, year: 2026, days: {";
    fs::write(dir.join("log/2026.ron"), broken).unwrap();
    for args in [&["check", "sun"][..], &["status"], &["skip", "sun"]] {
        let output = run(dir, args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("2026.ron"), "{stderr}");
        assert_eq!(
            fs::read_to_string(dir.join("log/2026.ron")).unwrap(),
            broken
        );
    }
    // On a shell prompt a problem takes one line, on stderr.
    let output = run(dir, &["status", "--short"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("2026.ron, line 1, column 32: Expected string"),
        "{stderr}"
    );
}

#[test]
fn every_command_has_help_with_examples() {
    use clap::CommandFactory;
    let cli = gutbone::cli::Cli::command();
    let mut commands: Vec<Vec<String>> = Vec::new();
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        let name = command.get_name().to_owned();
        let nested: Vec<_> = command
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        if nested.is_empty() {
            commands.push(vec![name.clone()]);
        }
        for sub in nested.into_iter().filter(|sub| sub != "help") {
            commands.push(vec![name.clone(), sub]);
        }
    }
    assert!(commands.len() > 15, "{commands:?}");
    for command in commands {
        let output = Command::new(env!("CARGO_BIN_EXE_gutbone"))
            .args(&command)
            .arg("--help")
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(help.contains("Examples:"), "{command:?}: {help}");
    }
}

#[test]
fn a_command_line_write_while_the_app_is_open_is_kept_by_both() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut app = Session::spawn(gutbone(&dir, "2026-11-22T09:00:00"));
    app.wait_for("0/5 today");
    app.send("1");
    app.wait_for("1/5 today");
    // From another terminal, while the app is open.
    let output = run(&dir, &["check", "stress"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The app reads it in at its next key, and its own change lands on top.
    app.send("4");
    app.wait_for("3/5 today");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(
        ok(&dir, &["status", "--short"]),
        "gutbone 3/5 · prebiotic fibre, weight-bearing exercise left\n"
    );
}

#[test]
fn paths_lists_every_file_and_says_which_are_not_there_yet() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "sun"]);
    let listed = ok(dir, &["paths"]);
    let line = |what: &str| {
        listed
            .lines()
            .find(|line| line.starts_with(what))
            .unwrap_or_else(|| panic!("{what} in {listed}"))
            .to_owned()
    };
    assert_eq!(
        line("habits"),
        format!("habits   {}", dir.join("habits.ron").display())
    );
    assert_eq!(
        line("log"),
        format!("log      {}", dir.join("log").display())
    );
    assert!(
        line("settings").ends_with("settings.ron  (not there yet)"),
        "{listed}"
    );
    assert_eq!(
        line("summary"),
        format!(
            "summary  {}  (not there yet)",
            dir.join("cache").join("summary.ron").display()
        )
    );
    assert!(
        line("tips").contains(&dir.join("config").display().to_string()),
        "{listed}"
    );
    // A broken settings.ron does not stop the commands that do not need it.
    fs::create_dir_all(dir.join("config")).unwrap();
    fs::write(
        dir.join("config/settings.ron"),
        "(version: 1, week_start: Friday)",
    )
    .unwrap();
    assert!(ok(dir, &["paths"]).contains("settings.ron\n"));
    assert_eq!(
        run(dir, &["status"]).status.code(),
        Some(1),
        "status needs today"
    );
}

#[test]
fn completions_and_the_manual_page_are_generated() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = ok(tmp.path(), &["completions", shell]);
        assert!(script.contains("gutbone"), "{shell}");
        assert!(
            script.contains("check") && script.contains("status"),
            "{shell}: {script}"
        );
        assert!(script.contains("data-dir"), "{shell}: the global options");
        assert!(
            !script.contains("generate-history"),
            "{shell}: hidden stays hidden"
        );
    }
    let output = run(tmp.path(), &["completions", "tcsh"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown shell is a usage mistake"
    );
    let man = ok(tmp.path(), &["man"]);
    assert!(
        man.starts_with(".ie") && man.contains(".TH gutbone 1"),
        "{man}"
    );
    assert!(man.contains("doctor"), "the commands are listed");
}

#[test]
fn tip_gives_a_sourced_tip_for_a_habit_or_the_first_one_left() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "ferm", "fibre"]);
    let tip = ok(dir, &["tip"]);
    assert!(
        tip.starts_with("Weight-bearing exercise: "),
        "the first left today: {tip}"
    );
    assert!(tip.lines().nth(1).unwrap().starts_with("Source: "), "{tip}");
    let tip = ok(dir, &["tip", "sun"]);
    assert!(tip.starts_with("Sunlight: "), "{tip}");
    assert_eq!(
        ok(dir, &["tip", "sun"]),
        tip,
        "the same moment, the same tip"
    );
    assert_eq!(run(dir, &["tip", "juggling"]).status.code(), Some(2));

    // A mistake in the person's own tips is told, and the built-in ones serve.
    fs::create_dir_all(dir.join("config")).unwrap();
    fs::write(
        dir.join("config/tips.ron"),
        "[(habit: \"sunlight\", text: )]",
    )
    .unwrap();
    let output = run(dir, &["tip", "sun"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), tip);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("tips.ron line 1, column") && stderr.contains("built-in ones were"),
        "{stderr}"
    );
}

#[test]
fn week_prints_the_grid_as_text_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "ferm", "--date", "2026-11-17"]);
    ok(dir, &["check", "ferm", "sun", "--date", "2026-11-18"]);
    ok(dir, &["skip", "sun", "--date", "2026-11-19"]);
    ok(dir, &["check", "exercise", "--amount", "10"]);
    insta::assert_snapshot!(ok(dir, &["week"]), @r"
    Week of Mon 16 Nov 2026
              Mo Tu We Th Fr Sa Su
              16 17 18 19 20 21 22
    Fermented     ●  ●  ·  ·  ·  ○
    Fibre         ·  ·  ·  ·  ·  ○
    Exercise      ·  ·  ·  ·  ·  ◐
    Sunlight      ·  ●  –  ·  ·  ○
    Stress        ·  ·  ·  ·  ·  ○
    Done          1  2  0  0  0  0
    ● done  ◐ part  – skipped  · missed  ○ open
    ");
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["week", "--json"])).unwrap();
    assert_eq!(json["days"][0], "2026-11-16");
    assert_eq!(json["habits"][3]["marks"][3], "skipped");
    assert_eq!(json["habits"][2]["marks"][6], "partial");
    assert_eq!(json["habits"][0]["marks"][0], "untracked");
    assert_eq!(json["totals"][0], serde_json::Value::Null);
    assert_eq!(json["totals"][2], 2);
    // Last week, by any day in it.
    assert!(ok(dir, &["week", "--date", "-7"]).starts_with("Week of Mon 9 Nov 2026"));
}

#[test]
fn export_writes_the_history_as_csv_json_or_ron() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "ferm", "--date", "2026-11-20"]);
    ok(dir, &["skip", "sun", "--date", "2026-11-20"]);
    ok(
        dir,
        &[
            "check",
            "exercise",
            "--amount",
            "12.5",
            "--date",
            "2026-11-21",
        ],
    );
    ok(dir, &["check", "stress"]);
    insta::assert_snapshot!(ok(dir, &["export", "--format", "csv"]), @r"
    date,habit,status,amount,note
    2026-11-20,fermented-food,amount,1,
    2026-11-20,sunlight,skipped,,
    2026-11-21,weight-bearing-exercise,amount,12.5,
    2026-11-22,stress-break,amount,1,
    ");
    let csv = ok(
        dir,
        &[
            "export",
            "--format",
            "csv",
            "--from",
            "2026-11-21",
            "--to",
            "2026-11-21",
        ],
    );
    assert_eq!(csv.lines().count(), 2, "{csv}");

    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["export"])).unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["habits"][2]["id"], "weight-bearing-exercise");
    assert_eq!(json["habits"][2]["unit"], "min");
    assert_eq!(json["days"][1]["amounts"]["weight-bearing-exercise"], 12.5);
    assert_eq!(json["days"][0]["skipped"][0], "sunlight");

    let file = dir.join("out.ron");
    assert_eq!(
        ok(
            dir,
            &["export", "--format", "ron", "-o", file.to_str().unwrap()]
        ),
        ""
    );
    let ron = fs::read_to_string(&file).unwrap();
    assert!(ron.contains(r#"date: "2026-11-21""#), "{ron}");
    assert!(
        !ron.contains("Some("),
        "plain values, as a person writes them: {ron}"
    );

    let output = run(
        dir,
        &["export", "--from", "2026-11-22", "--to", "2026-11-01"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is after --to"));
}

#[test]
fn generate_history_fills_an_empty_directory_and_refuses_one_with_a_log() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert_eq!(ok(dir, &["generate-history", "--years", "2"]), "");
    for year in ["2024", "2025", "2026"] {
        assert!(dir.join(format!("log/{year}/11.ron")).exists(), "{year}");
    }
    assert!(ok(dir, &["status"]).starts_with("Sun 22 Nov 2026 · "));
    let before = fs::read(dir.join("log/2026/11.ron")).unwrap();
    let output = run(dir, &["generate-history"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("already holds a log"));
    assert_eq!(fs::read(dir.join("log/2026/11.ron")).unwrap(), before);
    let help = ok(dir, &["--help"]);
    assert!(!help.contains("generate-history"), "hidden: {help}");
}

#[test]
fn config_prints_a_settings_file_with_every_value_and_its_source() {
    use gutbone::domain::settings::ThemeName;
    use gutbone::store::{Stated, parse_stated};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::create_dir_all(dir.join("config")).unwrap();
    let printed = ok(dir, &["config"]);
    assert!(
        printed.contains("does not exist: every setting is its default"),
        "{printed}"
    );
    assert!(printed.contains("theme: Dark, // default"), "{printed}");
    assert!(printed.contains("colour: off, from NO_COLOR"), "{printed}");
    // What it prints is a settings.ron that says the same.
    let body: String = printed
        .lines()
        .filter(|line| !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let read = parse_stated(&body, std::path::Path::new("printed")).unwrap();
    assert_eq!(read.theme, Some(ThemeName::Dark));
    assert_eq!(read.mouse, Some(true));

    fs::write(
        dir.join("config/settings.ron"),
        "(version: 1, week_start: Sunday, theme: Light)",
    )
    .unwrap();
    let printed = ok(dir, &["config"]);
    assert!(
        printed.contains("week_start: Sunday, // settings.ron"),
        "{printed}"
    );
    assert!(
        printed.contains("theme: Light, // settings.ron"),
        "{printed}"
    );
    let printed = ok(dir, &["--theme", "high-contrast", "--ascii", "config"]);
    assert!(
        printed.contains("theme: HighContrast, // --theme"),
        "{printed}"
    );
    assert!(printed.contains("ascii: true, // --ascii"), "{printed}");
    assert_ne!(read, Stated::default());

    fs::write(dir.join("config/keys.ron"), "{\"undo\": [\"nope\"]}").unwrap();
    let printed = ok(dir, &["config"]);
    assert!(printed.contains("no key called \"nope\""), "{printed}");

    fs::write(
        dir.join("config/settings.ron"),
        "(version: 1,\n theme: Pink)",
    )
    .unwrap();
    let output = run(dir, &["config"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2, column"), "{stderr}");
}

#[test]
fn skips_are_set_aside_in_status_and_a_day_of_skips_is_a_rest_day() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["skip", "ferm", "fibre", "exercise", "stress"]);
    ok(dir, &["check", "sunlight"]);
    assert_eq!(ok(dir, &["status", "--short"]), "gutbone 1/1 · all done\n");
    let text = ok(dir, &["status"]);
    assert!(
        text.starts_with("Sun 22 Nov 2026 · 1/1 done, 4 skipped\n"),
        "{text}"
    );
    ok(dir, &["skip", "sunlight"]);
    assert_eq!(ok(dir, &["status", "--short"]), "gutbone rest day\n");
    let text = ok(dir, &["status"]);
    assert!(
        text.starts_with("Sun 22 Nov 2026 · rest day: every habit skipped\n"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["status", "--json"])).unwrap();
    assert_eq!(
        (
            json["done"].as_u64(),
            json["total"].as_u64(),
            json["skipped"].as_u64()
        ),
        (Some(0), Some(5), Some(5))
    );
}

#[test]
fn check_never_lowers_a_day_and_add_adds_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "exercise", "--amount", "45"]);
    assert_eq!(
        ok(dir, &["check", "exercise"]),
        "Weight-bearing exercise: done, 45/30 min on Sun 22 Nov 2026\n",
        "a day past its target stays as it is"
    );
    assert_eq!(
        ok(dir, &["check", "exercise", "--amount", "10"]),
        "Weight-bearing exercise: the day's amount is 10/30 min on Sun 22 Nov 2026\n",
        "--amount sets the day, lower too"
    );
    assert_eq!(
        ok(dir, &["check", "exercise", "--add", "25"]),
        "Weight-bearing exercise: done, 25 min added, now 35/30 min on Sun 22 Nov 2026\n"
    );
    ok(dir, &["check", "exercise"]);
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["status", "--json"])).unwrap();
    assert_eq!(json["habits"][2]["amount"], 35.0);
    // A skipped day starts from nothing; a sum past 10,000 changes nothing.
    ok(dir, &["skip", "sunlight"]);
    assert_eq!(
        ok(dir, &["check", "sun", "--add", "5"]),
        "Sunlight: 5 min added, now 5/15 min on Sun 22 Nov 2026\n"
    );
    let before = fs::read(dir.join("log/2026/11.ron")).unwrap();
    let (code, stderr) = common::cli::fails(dir, &["check", "exercise", "--add", "9990"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("would come to 10025 min"), "{stderr}");
    let (code, stderr) =
        common::cli::fails(dir, &["check", "exercise", "--add", "1", "--amount", "2"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("cannot be used with"), "{stderr}");
    assert_eq!(fs::read(dir.join("log/2026/11.ron")).unwrap(), before);
}

#[test]
fn a_name_two_habits_answer_to_is_refused_with_the_candidates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("habits.ron"),
        r#"(version: 1, habits: [
            (id: "morning-walk", name: "Morning walk", short: "Morning", kind: Check),
            (id: "morning-stretch", name: "Morning stretch", short: "Morning", kind: Check),
        ])"#,
    )
    .unwrap();
    let (code, stderr) = common::cli::fails(dir, &["check", "Morning"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("\"Morning\" could be any of: morning-walk, morning-stretch"),
        "{stderr}"
    );
    assert!(!dir.join("log").exists(), "nothing was written");
    ok(dir, &["check", "Morning walk"]);
}

#[test]
fn a_habit_made_done_or_not_reports_its_past_amounts_by_its_old_target() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("habits.ron"),
        r#"(version: 1, habits: [
            (id: "walk", name: "Walk", kind: Check, unit: "min", target: 30.0),
        ])"#,
    )
    .unwrap();
    fs::create_dir(dir.join("log")).unwrap();
    fs::write(
        dir.join("log/2026.ron"),
        r#"(version: 2, year: 2026, days: {
            "2026-11-21": (amounts: {"walk": 45.0}),
            "2026-11-22": (amounts: {"walk": 20.0}),
        })"#,
    )
    .unwrap();
    let json = |date: &str| -> serde_json::Value {
        serde_json::from_str(&ok(dir, &["status", "--json", "--date", date])).unwrap()
    };
    let today = &json("today")["habits"][0];
    assert_eq!(
        (
            &today["done"],
            &today["amount"],
            &today["target"],
            &today["unit"]
        ),
        (
            &serde_json::json!(false),
            &serde_json::json!(0.0),
            &serde_json::json!(1.0),
            &serde_json::Value::Null
        ),
        "20 of 30 minutes is not done, and a done-or-not habit's amount is 0 or 1"
    );
    let yesterday = &json("yesterday")["habits"][0];
    assert_eq!(
        (&yesterday["done"], &yesterday["amount"]),
        (&serde_json::json!(true), &serde_json::json!(1.0))
    );
    // The amounts themselves are kept in the export.
    let export = ok(dir, &["export"]);
    assert!(export.contains("\"walk\": 20.0"), "{export}");
}

#[test]
fn every_line_of_settings_is_optional_and_a_byte_order_mark_is_no_mistake() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let config = dir.join("config");
    fs::create_dir_all(&config).unwrap();
    for settings in [
        "(theme: Light)",
        "",
        "// nothing yet\n",
        "\u{feff}(week_start: Sunday)",
    ] {
        fs::write(config.join("settings.ron"), settings).unwrap();
        ok(dir, &["status"]);
        let printed = ok(dir, &["config"]);
        assert!(printed.contains("version: 1"), "{settings:?}: {printed}");
    }
    // Every file gutbone reads may start with a BOM, as some editors write.
    ok(dir, &["check", "sunlight"]);
    let bom = |path: &std::path::Path| {
        let text = fs::read_to_string(path).unwrap();
        fs::write(path, format!("\u{feff}{text}")).unwrap();
    };
    ok(dir, &["check", "stress"]);
    bom(&dir.join("log/2026/11.ron"));
    bom(&dir.join("habits.ron"));
    let status = ok(dir, &["status", "--short"]);
    assert_eq!(
        status,
        "gutbone 2/5 · fermented food, prebiotic fibre, weight-bearing exercise left\n"
    );
    let doctor = ok(dir, &["doctor"]);
    assert!(!doctor.contains("BROKEN"), "{doctor}");
    ok(dir, &["check", "ferm"]);
    // A mistake speaks of the field and the file, not of gutbone's types.
    fs::write(config.join("settings.ron"), "(week_start: Tuesday)").unwrap();
    let (code, stderr) = common::cli::fails(dir, &["status"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("`Tuesday` is not one of the values"),
        "{stderr}"
    );
    assert!(!stderr.contains("WeekStartName"), "{stderr}");
}

#[test]
fn the_command_line_keeps_to_ascii_as_the_screen_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "sunlight", "--date", "-1"]);
    ok(dir, &["skip", "stress", "--date", "-1"]);
    ok(
        dir,
        &["check", "exercise", "--amount", "10", "--date", "-1"],
    );
    let unicode = ok(dir, &["week"]);
    assert!(unicode.contains('●') && unicode.contains('–'), "{unicode}");
    let flag = ok(dir, &["week", "--ascii"]);
    assert!(flag.is_ascii(), "{flag}");
    assert!(
        flag.contains("# done  + part  - skipped  . missed  o open"),
        "{flag}"
    );
    let c_locale = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_gutbone"))
            .args(args)
            .arg("--data-dir")
            .arg(dir)
            .arg("--config-dir")
            .arg(dir.join("config"))
            .env("GUTBONE_NOW", "2026-11-22T09:00:00")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env("LANG", "C")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(c_locale(&["week"]), flag);
    for args in [
        &["status"][..],
        &["status", "--short"],
        &["tip"],
        &["status", "--date", "-1"],
    ] {
        let text = c_locale(args);
        assert!(text.is_ascii(), "{args:?}: {text}");
    }
    assert!(c_locale(&["status", "--date", "-1"]).contains("[-] Stress break"));
    // JSON is for programs: left as it is.
    assert!(c_locale(&["week", "--json"]).contains("\"skipped\""));
}

#[test]
fn years_outside_1900_to_9999_are_refused_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for args in [
        &["check", "fibre", "--date", "0226-12-01"][..],
        &["skip", "fibre", "--date", "1899-12-31"],
        &["status", "--date", "-50000"],
        &["export", "--from", "0001-01-01"],
    ] {
        let (code, stderr) = common::cli::fails(dir, args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(
            stderr.contains("outside the years gutbone keeps (1900 to 9999)"),
            "{args:?}: {stderr}"
        );
    }
    assert!(!dir.join("log").exists(), "nothing was written");
    // An import holding such a day is a file problem: exit 1, nothing written.
    let export = dir.join("old.json");
    fs::write(
        &export,
        r#"{"version": 1, "habits": [{"id": "sunlight", "name": "Sunlight", "unit": "min", "target": 15.0, "archived": false}],
            "days": [{"date": "0226-11-21", "done": ["sunlight"]}]}"#,
    )
    .unwrap();
    let (code, stderr) = common::cli::fails(dir, &["import", export.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("0226-11-21 is outside the years"),
        "{stderr}"
    );
    assert!(!dir.join("log").exists(), "nothing was written");
    // A year file by hand, named for such a year, is reported, never read past.
    fs::create_dir(dir.join("log")).unwrap();
    fs::write(
        dir.join("log/1850.ron"),
        "(version: 2, year: 1850, days: {})",
    )
    .unwrap();
    let (code, stderr) = common::cli::fails(dir, &["status"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("1850.ron") && stderr.contains("the year 1850"),
        "{stderr}"
    );
    let (code, doctor) = common::cli::fails(dir, &["doctor"]);
    assert_eq!(code, Some(1), "{doctor}");
}

#[test]
fn an_archived_habit_is_refused_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("habits.ron"),
        r#"(version: 1, habits: [
            (id: "walk", name: "Walk", kind: Check),
            (id: "floss", name: "Floss", kind: Check, archived: true),
        ])"#,
    )
    .unwrap();
    for mark in ["check", "uncheck", "skip"] {
        let (code, stderr) = common::cli::fails(dir, &[mark, "floss"]);
        assert_eq!(code, Some(2), "{mark}");
        assert!(stderr.contains("Floss is archived"), "{mark}: {stderr}");
    }
    assert!(!dir.join("log").exists());
}

#[test]
fn wide_names_line_up_in_status_and_week() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("habits.ron"),
        r#"(version: 1, habits: [
            (id: "tea", name: "日本茶", short: "茶", kind: Check),
            (id: "run", name: "🏃 run", short: "🏃", kind: Check),
            (id: "walk", name: "Walk", kind: Measured, unit: "serving", target: 3.0),
        ])"#,
    )
    .unwrap();
    ok(dir, &["check", "walk", "--amount", "2.5"]);
    let status = ok(dir, &["status"]);
    let at = |line: &str, what: &str| {
        let byte = line.find(what).unwrap();
        gutbone::columns::width(&line[..byte])
    };
    let rows: Vec<&str> = status.lines().skip(1).collect();
    let streaks: Vec<usize> = rows.iter().map(|row| at(row, "streak")).collect();
    assert!(streaks.windows(2).all(|w| w[0] == w[1]), "{status}");
    let week = ok(dir, &["week"]);
    let rows: Vec<&str> = week.lines().skip(3).take(3).collect();
    // Today's mark (open, open, part) ends each row, in one column.
    let marks: Vec<usize> = rows
        .iter()
        .map(|row| gutbone::columns::width(row.trim_end()))
        .collect();
    assert!(marks.windows(2).all(|w| w[0] == w[1]), "{week}");
    assert!(
        ok(dir, &["check", "walk", "--add", "2"]).contains("2 servings added"),
        "plural"
    );
}

#[test]
fn a_closed_pipe_on_stdout_or_stderr_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["generate-history", "--years", "1"]);
    let closed = || {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        writer
    };
    let gutbone = |args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gutbone"));
        cmd.args(args)
            .arg("--data-dir")
            .arg(dir)
            .arg("--config-dir")
            .arg(dir.join("config"))
            .env("GUTBONE_NOW", "2026-11-22T09:00:00");
        cmd
    };
    // Like `gutbone export | head -1`, with the reader already gone.
    for args in [&["export"][..], &["status"], &["week"], &["man"]] {
        let output = gutbone(args).stdout(closed()).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}: {:?}", output.stderr);
    }
    // A message with nowhere to go: the exit code still says what happened.
    let output = gutbone(&["check", "nonsense"])
        .stderr(closed())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn sums_keep_two_decimals_and_control_characters_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "ferm", "--amount", "0.06"]);
    ok(dir, &["check", "ferm", "--add", "0.57"]);
    let done = ok(dir, &["check", "ferm", "--add", "0.37"]);
    assert!(
        done.contains("done, 0.37 servings added, now 1/1 serving"),
        "{done}"
    );
    let saved = fs::read_to_string(dir.join("log/2026/11.ron")).unwrap();
    assert!(saved.contains(r#""fermented-food": 1.0"#), "{saved}");
    assert!(ok(dir, &["status"]).contains("[x] Fermented food"));

    fs::write(
        dir.join("habits.ron"),
        "(version: 1, habits: [(id: \"a\", name: \"A\\u{1b}]0;PWNED\\u{7}\", kind: Check)])",
    )
    .unwrap();
    let (code, stderr) = common::cli::fails(dir, &["status"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("holds a control character"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn a_skip_says_what_it_took_away_and_how_to_have_it_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "exercise", "--amount", "25"]);
    assert_eq!(
        ok(dir, &["skip", "exercise"]),
        "Weight-bearing exercise: skipped on Sun 22 Nov 2026 (it had 25/30 min; \
         `gutbone check weight-bearing-exercise --amount 25` puts it back)\n"
    );
    ok(dir, &["check", "weight-bearing-exercise", "--amount", "25"]);
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["status", "--json"])).unwrap();
    assert_eq!(json["habits"][2]["amount"], 25.0);
    let (_, stderr) = common::cli::fails(dir, &["status", "--date", "2026-11-23"]);
    assert!(
        stderr.contains("gutbone keeps days up to today"),
        "{stderr}"
    );
}

#[test]
fn a_habit_added_later_is_left_out_of_the_days_before_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "sunlight", "--date", "-1"]);
    let habits = dir.join("habits.ron");
    let text = fs::read_to_string(&habits).unwrap();
    let at = text.rfind("    ],").unwrap();
    let floss = "        (id: \"floss\", name: \"Floss\", kind: Check, since: \"2026-11-22\"),\n";
    fs::write(&habits, format!("{}{floss}{}", &text[..at], &text[at..])).unwrap();
    let yesterday = ok(dir, &["status", "--date", "-1"]);
    assert!(yesterday.contains("1/5 done"), "{yesterday}");
    assert!(!yesterday.contains("Floss"), "{yesterday}");
    let short = ok(dir, &["status", "--date", "-1", "--short"]);
    assert!(
        short.starts_with("gutbone 1/5") && !short.contains("floss"),
        "{short}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir, &["status", "--date", "-1", "--json"])).unwrap();
    assert_eq!(json["total"], 5);
    let today = ok(dir, &["status"]);
    assert!(
        today.contains("0/6 done") && today.contains("Floss"),
        "{today}"
    );
}
