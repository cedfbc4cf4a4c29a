//! Starting without reading the older years: `Store::load_recent` sums them
//! up from `cache/summary.ron` while it still holds, reads everything when
//! it does not, and never writes a year it has not read.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use common::d;
use gutbone::domain::stats::HabitStats;
use gutbone::domain::{Habit, Log, default_habits};
use gutbone::store::{Store, StoreError};

const TODAY: &str = "2026-11-22";

/// Four years of generated history, saved, in a fresh data dir.
fn data_dir() -> (tempfile::TempDir, PathBuf, Log) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let habits = default_habits();
    let log = gutbone::generate::history(&habits, 4, d(TODAY), 7);
    let mut store = Store::open_for_command(&dir);
    store.save_habits(habits, &log).unwrap();
    let dates: Vec<_> = log.days_in(..).map(|(date, _)| date).collect();
    store.save_days(&log, dates).unwrap();
    (tmp, dir, log)
}

fn cache(dir: &Path) -> PathBuf {
    dir.join("cache").join("summary.ron")
}

fn year_file(dir: &Path, year: i32) -> PathBuf {
    dir.join("log").join(format!("{year}.ron"))
}

fn stats(habits: &[Habit], log: &Log) -> Vec<HabitStats> {
    HabitStats::all(log, habits, d(TODAY))
}

/// Rewrites a file with the same length but new content and a new time, as
/// a hand edit of one character would.
fn edit_in_place(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_first_start_reads_everything_and_the_next_only_this_year() {
    let (_tmp, dir, whole) = data_dir();
    let (habits, first) = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert_eq!(first, whole, "no summary yet: every year is read");
    assert!(cache(&dir).exists(), "and the summary is made");

    let (habits_again, recent) = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert_eq!(habits_again, habits);
    assert_eq!(recent.loaded_from(), Some(d("2026-01-01")));
    assert!(recent.days_in(..d("2026-01-01")).next().is_none());
    assert_eq!(
        recent.days_in(d("2026-01-01")..).count(),
        whole.days_in(d("2026-01-01")..).count()
    );
    assert_eq!(stats(&habits, &recent), stats(&habits, &whole));
}

#[test]
fn the_older_years_read_in_later_complete_the_log() {
    let (_tmp, dir, whole) = data_dir();
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (_, mut log) = store.load_recent(d("2026-01-01")).unwrap();
    log.fill_in(store.load_older().unwrap());
    assert_eq!(log, whole);
    assert!(!store.changed_on_disk().unwrap());
}

#[test]
fn an_edited_older_year_is_read_again_not_summed_up() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    // One more thing done on a day of 2024, same file length.
    let file = year_file(&dir, 2024);
    edit_in_place(
        &file,
        "\"prebiotic-fiber\": 3.0",
        "\"prebiotic-fiber\": 4.0",
    );
    let (_, log) = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert_eq!(log.loaded_from(), None, "the summary no longer holds");
    let (_, whole) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(log, whole, "and the edit is read");
    // Made again: the next start sums up once more.
    let (_, log) = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert_eq!(log.loaded_from(), Some(d("2026-01-01")));
}

#[test]
fn a_mistake_in_an_older_year_is_reported_even_with_a_summary() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    let file = year_file(&dir, 2023);
    edit_in_place(&file, "year: 2023,", "year: 2023 ");
    let err = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .expect_err("a broken file is never skipped");
    assert!(
        matches!(&err, StoreError::Parse { path, .. } if *path == file),
        "{err}"
    );
}

#[test]
fn a_new_older_year_file_a_changed_target_or_another_start_year_mean_reading_everything() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    let summed = |dir: &Path, from| {
        let (_, log) = Store::open(dir).unwrap().load_recent(from).unwrap();
        log.loaded_from().is_some()
    };
    assert!(summed(&dir, d("2026-01-01")));
    assert!(!summed(&dir, d("2025-01-01")), "summed up to another year");
    assert!(summed(&dir, d("2025-01-01")), "which is now the one cached");

    let habits_file = dir.join("habits.ron");
    edit_in_place(&habits_file, "target: 3.0", "target: 2.0");
    assert!(!summed(&dir, d("2025-01-01")), "a target changed");
    assert!(summed(&dir, d("2025-01-01")));

    let mut store = Store::open_for_command(&dir);
    let (_, mut log) = store.load().unwrap();
    log.set_done(d("2019-06-01"), &default_habits()[0], true);
    store.save_day(&log, d("2019-06-01")).unwrap();
    assert!(!summed(&dir, d("2025-01-01")), "a year file appeared");
}

#[test]
fn a_summary_that_cannot_be_read_is_made_again() {
    let (_tmp, dir, whole) = data_dir();
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    fs::write(cache(&dir), "(version: 1, files: {").unwrap();
    let (_, log) = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert_eq!(log, whole);
    let (_, log) = Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert_eq!(log.loaded_from(), Some(d("2026-01-01")));
}

#[test]
fn a_year_only_summed_up_is_never_written() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut log) = store.load_recent(d("2026-01-01")).unwrap();
    let old = d("2024-03-01");
    let before = fs::read(year_file(&dir, old.year())).unwrap();
    // A mistake elsewhere (a change to a day not read in) must not empty
    // the file it would be written to.
    log.set_done(old, &habits[0], true);
    let err = store.save_day(&log, old).unwrap_err();
    assert!(err.to_string().contains("not been read in"), "{err}");
    assert_eq!(fs::read(year_file(&dir, old.year())).unwrap(), before);
}

#[test]
fn a_young_history_leaves_no_summary_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut log) = store.load_recent(d("2026-01-01")).unwrap();
    log.set_done(d(TODAY), &habits[0], true);
    store.save_day(&log, d(TODAY)).unwrap();
    drop(store);
    Store::open(&dir)
        .unwrap()
        .load_recent(d("2026-01-01"))
        .unwrap();
    assert!(
        !cache(&dir).exists(),
        "nothing older than this year to sum up"
    );
}

/// Where a start on TODAY begins reading: the first day of the earliest
/// week on screen (see `Past::checkpoint`).
const FROM: &str = "2026-10-19";

#[test]
fn a_start_reads_only_the_weeks_on_screen_of_this_year() {
    let (_tmp, dir, whole) = data_dir();
    let from = d(FROM);
    let (habits, first) = Store::open(&dir).unwrap().load_recent(from).unwrap();
    assert_eq!(first, whole, "no summary yet: every year is read");

    let (_, recent) = Store::open(&dir).unwrap().load_recent(from).unwrap();
    assert_eq!(recent.loaded_from(), Some(from));
    assert!(recent.days_in(..from).next().is_none());
    let days = |log: &Log| log.days_in(from..).count();
    assert!(days(&whole) > 0);
    assert_eq!(days(&recent), days(&whole));
    assert_eq!(stats(&habits, &recent), stats(&habits, &whole));
}

#[test]
fn a_save_keeps_the_days_of_this_year_before_the_weeks_read() {
    let (_tmp, dir, mut whole) = data_dir();
    let from = d(FROM);
    Store::open(&dir).unwrap().load_recent(from).unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut log) = store.load_recent(from).unwrap();
    assert_eq!(log.loaded_from(), Some(from));
    let today = d(TODAY);
    let done = log.entry(today, &habits[3]).is_some();
    log.set_done(today, &habits[3], !done);
    store.save_day(&log, today).unwrap();
    drop(store);

    whole.set_done(today, &habits[3], !done);
    let (_, saved) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(
        saved, whole,
        "the change, and every day before {FROM} as it was"
    );
    let (_, again) = Store::open(&dir).unwrap().load_recent(from).unwrap();
    assert_eq!(
        again.loaded_from(),
        Some(from),
        "a change from the split on leaves the summary good"
    );
}

#[test]
fn the_days_of_this_year_before_the_weeks_read_come_in_with_the_older_years() {
    let (_tmp, dir, whole) = data_dir();
    let from = d(FROM);
    Store::open(&dir).unwrap().load_recent(from).unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (_, mut log) = store.load_recent(from).unwrap();
    log.fill_in(store.load_older().unwrap());
    assert_eq!(log, whole);
}

#[test]
fn an_edit_to_this_year_before_the_weeks_read_is_read_not_summed_up() {
    let (_tmp, dir, _) = data_dir();
    let from = d(FROM);
    Store::open(&dir).unwrap().load_recent(from).unwrap();
    let file = year_file(&dir, 2026);
    let text = fs::read_to_string(&file).unwrap();
    // The first amount of 3.0 in the file, in a day of early 2026.
    let at = text.find(": 3.0").unwrap();
    assert!(text[..at].contains("\"2026-0"), "an early day");
    fs::write(&file, format!("{}: 4.0{}", &text[..at], &text[at + 5..])).unwrap();

    let (_, log) = Store::open(&dir).unwrap().load_recent(from).unwrap();
    assert_eq!(log.loaded_from(), None, "the summary no longer holds");
    let (_, whole) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(log, whole, "and the edit is read");
    let (_, log) = Store::open(&dir).unwrap().load_recent(from).unwrap();
    assert_eq!(log.loaded_from(), Some(from), "made again");
}

#[test]
fn this_year_in_a_layout_of_its_own_is_read_whole_at_every_start() {
    let (_tmp, dir, whole) = data_dir();
    let from = d(FROM);
    let file = year_file(&dir, 2026);
    // Valid RON, laid out by hand: no summary can say where its head ends.
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("    year: 2026,\n", "  year: 2026,\n");
    fs::write(&file, text).unwrap();
    for _ in 0..2 {
        let (_, log) = Store::open(&dir).unwrap().load_recent(from).unwrap();
        assert_eq!(log.loaded_from(), None);
        assert_eq!(log, whole);
    }
}

#[test]
fn a_day_of_this_year_only_summed_up_is_never_written() {
    let (_tmp, dir, _) = data_dir();
    let from = d(FROM);
    Store::open(&dir).unwrap().load_recent(from).unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut log) = store.load_recent(from).unwrap();
    let before = fs::read(year_file(&dir, 2026)).unwrap();
    let unread = d("2026-03-01");
    log.set_done(unread, &habits[0], true);
    let err = store.save_day(&log, d(TODAY)).unwrap_err();
    assert!(err.to_string().contains("not been read in"), "{err}");
    assert_eq!(fs::read(year_file(&dir, 2026)).unwrap(), before);
}
