//! `gutbone doctor` on the real binary, and `store::doctor`'s check and
//! repair beneath it: a report, a repair from backups, and nothing ever
//! deleted.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDateTime;
use gutbone::domain::{HabitId, Log};
use gutbone::store::doctor::{check, repair};
use gutbone::store::{Month, Store, StoreError, paths};

fn doctor(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .arg("doctor")
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .arg("--config-dir")
        .arg(dir.join("config"))
        .env("GUTBONE_NOW", "2026-11-22T09:30:00")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const GOOD: &str = "(version: 2, year: 2026, days: {\"2026-11-21\": (done: [\"sunlight\"])})\n";
const BROKEN: &str =
    "(version: 2, year: 2026, days: {\n  \"2026-11-21\": (done: [\"sunlight\"]\n})\n";

#[test]
fn doctor_reports_then_repairs_from_the_newest_backup_that_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(dir.join("log")).unwrap();
    fs::create_dir_all(dir.join("backups/2026-11-21/log")).unwrap();
    fs::create_dir_all(dir.join("backups/2026-11-22/log")).unwrap();
    fs::write(dir.join("log/2026.ron"), BROKEN).unwrap();
    fs::write(
        dir.join("log/2025.ron"),
        "(version: 2, year: 2025, days: {})",
    )
    .unwrap();
    // The newest backup is broken too; the one before it reads.
    fs::write(dir.join("backups/2026-11-22/log/2026.ron"), "garbage").unwrap();
    fs::write(dir.join("backups/2026-11-21/log/2026.ron"), GOOD).unwrap();

    let output = doctor(&dir, &[]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("ok       log/2025.ron"), "{report}");
    assert!(
        report.contains("BROKEN   log/2026.ron: line 3, column 1"),
        "{report}"
    );
    assert!(report.contains("gutbone doctor --repair"), "{report}");
    assert_eq!(
        fs::read_to_string(dir.join("log/2026.ron")).unwrap(),
        BROKEN,
        "only looked"
    );

    let output = doctor(&dir, &["--repair"]);
    let report = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{report}{}",
        text(&output.stderr)
    );
    assert!(
        report.contains("moved    log/2026.ron → log/2026.ron.broken-20261122-093000"),
        "{report}"
    );
    assert!(
        report.contains("restored log/2026.ron from backups/2026-11-21/log/2026.ron"),
        "{report}"
    );
    assert!(report.contains("All 2 files read."), "{report}");
    // The line with the mistake holds the day it meant: named, never
    // passed over as if the backup held everything.
    assert!(
        report.contains("log/2026.ron.broken-20261122-093000 line 2 could not be read"),
        "{report}"
    );
    assert_eq!(fs::read_to_string(dir.join("log/2026.ron")).unwrap(), GOOD);
    assert_eq!(
        fs::read_to_string(dir.join("log/2026.ron.broken-20261122-093000")).unwrap(),
        BROKEN,
        "the broken file is kept"
    );
    assert_eq!(
        fs::read_to_string(dir.join("backups/2026-11-22/log/2026.ron")).unwrap(),
        "garbage",
        "backups are left as they were"
    );
    assert_eq!(doctor(&dir, &[]).status.code(), Some(0));
}

#[test]
fn doctor_on_a_fresh_directory_and_on_a_broken_settings_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let output = doctor(&dir, &[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stdout).contains("no data yet"),
        "{}",
        text(&output.stdout)
    );

    fs::create_dir_all(dir.join("config")).unwrap();
    fs::write(
        dir.join("config/settings.ron"),
        "(version: 1, week_start: Friday)",
    )
    .unwrap();
    let output = doctor(&dir, &[]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("settings.ron: line 1"), "{report}");

    // The repair moves it aside, so the defaults apply, and says so.
    let output = doctor(&dir, &["--repair"]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(report.contains("the default settings apply"), "{report}");
    let kept = dir.join("config/settings.ron.broken-20261122-093000");
    assert_eq!(
        fs::read_to_string(kept).unwrap(),
        "(version: 1, week_start: Friday)"
    );
    assert!(!dir.join("config/settings.ron").exists());
}

#[test]
fn a_file_from_a_newer_gutbone_is_left_alone_and_the_advice_is_to_update() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(dir.join("log")).unwrap();
    fs::create_dir_all(dir.join("backups/2026-11-21/log")).unwrap();
    let newer = "(version: 9, year: 2026, days: {}, moods: {})\n";
    fs::write(dir.join("log/2026.ron"), newer).unwrap();
    fs::write(dir.join("backups/2026-11-21/log/2026.ron"), GOOD).unwrap();
    let output = doctor(&dir, &[]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("update gutbone"), "{report}");
    assert!(
        !report.contains("run `gutbone doctor --repair`"),
        "{report}"
    );
    let output = doctor(&dir, &["--repair"]);
    let report = text(&output.stdout);
    assert!(!report.contains("moved"), "{report}");
    assert_eq!(fs::read_to_string(dir.join("log/2026.ron")).unwrap(), newer);
    // Nor does the app's refusal point to the repair.
    let status = Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .args(["status", "--data-dir"])
        .arg(&dir)
        .arg("--config-dir")
        .arg(dir.join("config"))
        .env("GUTBONE_NOW", "2026-11-22T09:30:00")
        .output()
        .unwrap();
    let stderr = text(&status.stderr);
    assert!(stderr.contains("Update gutbone to open it"), "{stderr}");
    assert!(!stderr.contains("--repair"), "{stderr}");
}

#[test]
fn a_repair_says_which_days_the_backup_lacks_and_where_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(dir.join("log")).unwrap();
    fs::create_dir_all(dir.join("backups/2026-11-21/log")).unwrap();
    fs::write(dir.join("backups/2026-11-21/log/2026.ron"), GOOD).unwrap();
    // The 21st as the backup has it, the 22nd only here; a bad line between.
    let broken = "(\n    version: 2,\n    year: 2026,\n    days: {\n        \"2026-11-21\": (done: [\"sunlight\"]),\n        \"2026-11-22\": (done: [\"sunlight\"], skipped: [\"stress-break\"]),\n        \"2026-11-23\": (done: [\"sunlight\"\n    },\n)\n";
    fs::write(dir.join("log/2026.ron"), broken).unwrap();
    let output = doctor(&dir, &["--repair"]);
    let report = text(&output.stdout);
    assert!(
        report.contains(
            "log/2026.ron.broken-20261122-093000 still shows 1 day it lacks: 2026-11-22; copy it back by hand"
        ),
        "{report}"
    );
    // The line with the mistake is named too: its day is in neither list.
    assert!(
        report.contains(
            "log/2026.ron.broken-20261122-093000 line 7 could not be read: look at it there too"
        ),
        "{report}"
    );
    assert!(
        report.contains("The one file reads.") || report.contains("All"),
        "{report}"
    );
}

#[test]
fn doctor_help_has_examples() {
    let output = Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .args(["doctor", "--help"])
        .output()
        .unwrap();
    let help = text(&output.stdout);
    assert!(
        help.contains("Examples:") && help.contains("--repair"),
        "{help}"
    );
}

#[test]
fn a_repair_of_a_file_written_on_one_line_says_it_cannot_tell_which_days() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(dir.join("log/2026")).unwrap();
    fs::create_dir_all(dir.join("backups/2026-11-22/log/2026")).unwrap();
    fs::write(
        dir.join("backups/2026-11-22/log/2026/11.ron"),
        "(version: 3, year: 2026, month: 11, days: {\"2026-11-22\": (done: [\"sunlight\"])})",
    )
    .unwrap();
    fs::write(
        dir.join("log/2026/11.ron"),
        "(version: 3, year: 2026, month: 11, days: {\"2026-11-22\": (done: [\"sunlight\"]), \"2026-11-20\": (note: \"only here\"), \"2026-11-19\": (dne: [\"sunlight\"])})",
    )
    .unwrap();
    let report = text(&doctor(&dir, &["--repair"]).stdout);
    assert!(!report.contains("it holds every day"), "{report}");
    assert!(report.contains("line 1 could not be read"), "{report}");
}

#[test]
fn a_year_file_that_disagrees_with_a_month_file_and_a_misnamed_file_are_told() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir_all(dir.join("log/2026")).unwrap();
    fs::write(dir.join("log/2026.ron"), GOOD).unwrap();
    fs::write(
        dir.join("log/2026/11.ron"),
        "(version: 3, year: 2026, month: 11, days: {\"2026-11-21\": (done: [\"stress-break\"])})",
    )
    .unwrap();
    fs::write(
        dir.join("log/2026/1.ron"),
        "(version: 3, year: 2026, month: 1, days: {})",
    )
    .unwrap();
    let output = doctor(&dir, &[]);
    let report = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains("BROKEN   log/2026.ron: line 1, column 33: 2026-11-21 is in"),
        "{report}"
    );
    assert!(
        report.contains("unread   log/2026/1.ron: not named as a month file is"),
        "{report}"
    );
}

fn now() -> NaiveDateTime {
    "2026-11-22T09:30:00".parse().unwrap()
}

/// A data dir whose November was saved on the 21st and again on the 22nd,
/// so the 21st's version is in today's backup.
fn with_a_backup() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let (_, mut log): (_, Log) = store.load().unwrap();
    let day = |s: &str| s.parse().unwrap();
    store.set_today(day("2026-11-21"));
    log.set_done(day("2026-11-21"), HabitId::new("sunlight"), true);
    store.save_day(&log, day("2026-11-21")).unwrap();
    store.set_today(day("2026-11-22"));
    log.set_done(day("2026-11-22"), HabitId::new("sunlight"), true);
    store.save_day(&log, day("2026-11-22")).unwrap();
    tmp
}

#[test]
fn a_healthy_directory_has_no_problems() {
    let tmp = with_a_backup();
    let findings = check(tmp.path(), &tmp.path().join("settings.ron"))
        .unwrap()
        .findings;
    let names: Vec<_> = findings
        .iter()
        .map(|f| f.path.strip_prefix(tmp.path()).unwrap().to_path_buf())
        .collect();
    assert_eq!(
        names,
        [
            PathBuf::from("habits.ron"),
            PathBuf::from("log/2026/11.ron")
        ]
    );
    assert!(findings.iter().all(|f| f.problem.is_none()));
    assert!(
        repair(tmp.path(), Path::new("none"), now())
            .unwrap()
            .is_empty(),
        "nothing to repair"
    );
}

#[test]
fn a_broken_file_is_moved_aside_and_the_newest_backup_that_reads_restored() {
    let tmp = with_a_backup();
    let path = paths::month_file(
        tmp.path(),
        Month {
            year: 2026,
            month: 11,
        },
    );
    fs::write(&path, "(version: 3, year: 2026, month: 11, days: {").unwrap();
    let findings = check(tmp.path(), &tmp.path().join("settings.ron"))
        .unwrap()
        .findings;
    assert!(matches!(
        findings[1].problem,
        Some(StoreError::Parse { .. })
    ));

    let repairs = repair(tmp.path(), Path::new("none"), now()).unwrap();
    assert_eq!(repairs.len(), 1);
    let moved = &repairs[0].moved_to;
    assert_eq!(moved.file_name().unwrap(), "11.ron.broken-20261122-093000");
    assert_eq!(
        fs::read_to_string(moved).unwrap(),
        "(version: 3, year: 2026, month: 11, days: {"
    );
    let from = repairs[0].restored_from.as_ref().unwrap();
    assert!(from.starts_with(tmp.path().join("backups/2026-11-22")));
    let mut store = Store::open(tmp.path()).unwrap();
    let (_, log) = store.load().unwrap();
    assert!(
        log.entry("2026-11-21".parse().unwrap(), HabitId::new("sunlight"))
            .is_some()
    );
    drop(store);
    assert!(
        check(tmp.path(), Path::new("none"))
            .unwrap()
            .findings
            .iter()
            .all(|f| f.problem.is_none())
    );
}

#[test]
fn with_no_backup_that_reads_the_broken_file_is_still_only_moved() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(paths::habits_file(tmp.path()), "(version: 1, habits: [").unwrap();
    let repairs = repair(tmp.path(), Path::new("none"), now()).unwrap();
    assert_eq!(repairs.len(), 1);
    assert!(repairs[0].restored_from.is_none());
    assert!(repairs[0].moved_to.exists());
    assert!(
        !paths::habits_file(tmp.path()).exists(),
        "the defaults apply again"
    );
}

#[test]
fn the_doctor_waits_for_no_one_and_refuses_while_gutbone_is_open() {
    let tmp = tempfile::tempdir().unwrap();
    let _open = Store::open(tmp.path()).unwrap();
    assert!(matches!(
        check(tmp.path(), Path::new("none")),
        Err(StoreError::Locked { .. })
    ));
    assert!(matches!(
        repair(tmp.path(), Path::new("none"), now()),
        Err(StoreError::Locked { .. })
    ));
}

#[test]
fn a_broken_habits_file_never_costs_a_month_that_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_gutbone"))
            .args(args)
            .arg("--data-dir")
            .arg(&dir)
            .env("GUTBONE_NOW", "2026-11-22T09:30:00")
            .output()
            .unwrap()
    };
    assert!(
        cli(&["habit", "add", "Gym", "--frequency", "3/7"])
            .status
            .success()
    );
    assert!(cli(&["check", "gym", "ferm"]).status.success());
    let habits = dir.join("habits.ron");
    let text = fs::read_to_string(&habits).unwrap();
    fs::write(&habits, text.replace("\"3/7\"", "\"8/7\"")).unwrap();
    let month = dir.join("log/2026/11.ron");
    let days = fs::read(&month).unwrap();

    let report = text_of(doctor(&dir, &[]));
    assert!(report.contains("BROKEN   habits.ron"), "{report}");
    assert!(report.contains("ok       log/2026/11.ron"), "{report}");
    let repaired = text_of(doctor(&dir, &["--repair"]));
    assert!(!repaired.contains("moved    log/"), "{repaired}");
    assert_eq!(fs::read(&month).unwrap(), days, "the month is as it was");
}

fn text_of(output: Output) -> String {
    text(&output.stdout) + &text(&output.stderr)
}

#[test]
fn conflict_copies_are_known_by_each_tools_names() {
    use gutbone::store::copies::original_name;
    let original = |name: &str| original_name(name);
    assert_eq!(
        original("2026.sync-conflict-20261201-120000-ABCDEFG.ron").as_deref(),
        Some("2026.ron")
    );
    assert_eq!(
        original("12 (conflicted copy).ron").as_deref(),
        Some("12.ron")
    );
    let nextcloud = "habits (conflicted copy 2026-12-01 120000).ron";
    assert_eq!(original(nextcloud).as_deref(), Some("habits.ron"));
    let dropbox = "habits (Sam's conflicted copy 2026-12-01).ron";
    assert_eq!(original(dropbox).as_deref(), Some("habits.ron"));
    for not_a_copy in [
        "11 (copy).ron",
        "12.ron",
        ".sync-conflict-x.ron",
        "12.sync-conflict-1.txt",
    ] {
        assert_eq!(original(not_a_copy), None, "{not_a_copy}");
    }
}
