//! Golden files: data directories exactly as each version of gutbone wrote
//! them (tests/fixtures/v1, v2, v3). They must stay loadable forever, and a save
//! brings them to the current version without losing a day.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use gutbone::domain::{Entry, HabitId, Log};
use gutbone::store::Store;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn id(s: &str) -> HabitId {
    HabitId::new(s)
}

/// A copy of the fixture directory, so the golden files are never touched.
fn copy_of(fixture: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    copy_dir(&from, tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn v1_days(log: &Log) {
    assert_eq!(
        log.entry(d("2026-11-19"), id("fermented-food")),
        Some(Entry::Done)
    );
    assert_eq!(
        log.entry(d("2026-11-19"), id("sunlight")),
        Some(Entry::Skipped)
    );
    assert_eq!(log.note(d("2026-11-19")), Some("travel"));
    assert_eq!(log.note(d("2026-11-20")), Some("a quiet day"));
    assert_eq!(log.entry(d("2026-11-20"), id("sunlight")), None);
    assert_eq!(
        log.entry(d("2026-11-21"), id("weight-bearing-exercise")),
        Some(Entry::Done)
    );
    assert_eq!(log.days_in(..d("2026-11-22")).count(), 3);
}

#[test]
fn a_version_1_data_directory_still_loads() {
    let tmp = copy_of("v1");
    let mut store = Store::open(tmp.path()).unwrap();
    let (habits, log) = store.load().unwrap();
    assert_eq!(habits.len(), 5, "no habits.ron then: the defaults");
    v1_days(&log);
}

#[test]
fn a_version_2_data_directory_still_loads() {
    let tmp = copy_of("v2");
    let mut store = Store::open(tmp.path()).unwrap();
    let (habits, log) = store.load().unwrap();
    let floss = habits.iter().find(|h| h.id == id("floss")).unwrap();
    assert!(floss.archived);
    assert_eq!(floss.since, Some(d("2026-11-22")));
    assert_eq!(log.entry(d("2026-11-22"), id("floss")), Some(Entry::Done));
    assert_eq!(
        log.entry(d("2026-11-22"), id("weight-bearing-exercise")),
        Some(Entry::Amount(5.0))
    );
    assert_eq!(log.note(d("2026-11-20")), Some("a quiet day"));
}

#[test]
fn a_save_migrates_a_version_1_file_and_keeps_every_day() {
    let tmp = copy_of("v1");
    let mut store = Store::open(tmp.path()).unwrap();
    store.set_today(d("2026-11-22"));
    store.split_year_files().unwrap();
    let (_, mut log) = store.load().unwrap();
    log.set_entry(d("2026-11-22"), id("sunlight"), Some(Entry::Amount(10.0)));
    store.save_day(&log, d("2026-11-22")).unwrap();
    let text = fs::read_to_string(tmp.path().join("log/2026/11.ron")).unwrap();
    assert!(text.contains("version: 3"), "{text}");
    assert!(
        !tmp.path().join("log/2026.ron").exists(),
        "split into months"
    );
    let (_, again) = store.load().unwrap();
    v1_days(&again);
    assert_eq!(
        again.entry(d("2026-11-22"), id("sunlight")),
        Some(Entry::Amount(10.0))
    );
    // The version 1 file, as it was, is kept.
    let backup = gutbone::store::kept_dir(tmp.path()).join("2026.ron");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/log/2026.ron");
    assert_eq!(fs::read(backup).unwrap(), fs::read(golden).unwrap());
}

#[test]
fn a_version_3_data_directory_one_file_a_month_still_loads() {
    let tmp = copy_of("v3");
    let mut store = Store::open(tmp.path()).unwrap();
    let (habits, log) = store.load().unwrap();
    assert!(habits.iter().any(|h| h.id == id("floss") && h.archived));
    assert_eq!(log.entry(d("2026-11-22"), id("floss")), Some(Entry::Done));
    assert_eq!(log.note(d("2026-11-19")), Some("travel"));
    assert_eq!(log.days_in(..).count(), 4);
    // The same days as the version 2 directory they were split from.
    let (_, v2) = Store::open(copy_of("v2").path()).unwrap().load().unwrap();
    assert_eq!(log, v2);
}
