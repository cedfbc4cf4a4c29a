//! `gutbone doctor` on the real binary: a report, a repair from backups, and
//! nothing ever deleted.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

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
