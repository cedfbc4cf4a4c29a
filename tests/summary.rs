//! Starting without reading the older months: `Store::load_recent` sums them
//! up from `cache/summary.ron` while it still holds, reads everything when
//! it does not, and never writes a month it has not read.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::d;
use gutbone::domain::stats::HabitStats;
use gutbone::domain::{Habit, History, Log, default_habits};
use gutbone::store::{Month, Store, StoreError, paths};

const TODAY: &str = "2026-11-22";

/// Where a start on TODAY begins reading: the first day of the earliest
/// week on screen (see `Past::checkpoint`)...
const FROM: &str = "2026-10-19";
/// ...and so the first day of that month: the months before are summed up.
const MONTH_READ: &str = "2026-10-01";

/// Four years of generated history, saved, in a fresh data dir.
fn data_dir() -> (tempfile::TempDir, PathBuf, Log) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let habits = default_habits();
    let log = gutbone::generate::made_up_log(&habits, 4, d(TODAY), 7);
    let mut store = Store::open_for_command(&dir, d(TODAY));
    store.save_habits(habits, &log).unwrap();
    let dates: Vec<_> = log.days_in(..).map(|(date, _)| date).collect();
    store.save_days(&log, dates).unwrap();
    (tmp, dir, log)
}

fn cache(dir: &Path) -> PathBuf {
    dir.join("cache").join("summary.ron")
}

fn month_file(dir: &Path, year: i32, month: u32) -> PathBuf {
    paths::month_file(dir, Month { year, month })
}

fn stats(habits: &[Habit], history: &History) -> Vec<HabitStats> {
    HabitStats::all(history, habits, d(TODAY))
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

/// Whether a start from `from` found the summary good.
fn summed(dir: &Path, from: &str) -> bool {
    let (_, history) = Store::open(dir).unwrap().load_recent(d(from)).unwrap();
    history.loaded_from().is_some()
}

#[test]
fn the_first_start_reads_everything_and_the_next_only_the_months_on_screen() {
    let (_tmp, dir, whole) = data_dir();
    let whole = History::from(whole);
    let (habits, first) = Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    assert_eq!(first, whole, "no summary yet: every month is read");
    assert!(cache(&dir).exists(), "and the summary is made");

    let (habits_again, recent) = Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    assert_eq!(habits_again, habits);
    let read_from = d(MONTH_READ);
    assert_eq!(recent.loaded_from(), Some(read_from));
    assert!(recent.log.days_in(..read_from).next().is_none());
    let days = |history: &History| history.log.days_in(read_from..).count();
    assert!(days(&whole) > 0);
    assert_eq!(days(&recent), days(&whole));
    assert_eq!(stats(&habits, &recent), stats(&habits, &whole));
}

#[test]
fn the_older_months_read_in_later_complete_the_log() {
    let (_tmp, dir, whole) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (_, mut history) = store.load_recent(d(FROM)).unwrap();
    history.fill_in(store.load_older().unwrap());
    assert_eq!(history, History::from(whole));
    assert!(!store.changed_on_disk().unwrap());
}

#[test]
fn an_edited_older_month_is_read_again_not_summed_up() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    // One more serving on a day of June 2024, same file length.
    let file = month_file(&dir, 2024, 6);
    edit_in_place(
        &file,
        "\"prebiotic-fiber\": 3.0",
        "\"prebiotic-fiber\": 4.0",
    );
    let (_, history) = Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    assert_eq!(history.loaded_from(), None, "the summary no longer holds");
    let (_, whole) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(history, History::from(whole), "and the edit is read");
    assert!(
        summed(&dir, FROM),
        "made again: the next start sums up once more"
    );
}

#[test]
fn the_first_frame_trusts_the_summary_and_the_check_after_it_catches_an_edit() {
    let (_tmp, dir, whole) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();

    // Nothing changed: the check holds, and the older months are then
    // known, as after any read of them.
    let mut store = Store::open(&dir).unwrap();
    let (_, quick) = store.load_recent_unchecked(d(FROM)).unwrap();
    assert_eq!(quick.loaded_from(), Some(d(MONTH_READ)));
    assert!(store.check_summary().unwrap());
    assert!(!store.changed_on_disk().unwrap());
    let mut history = quick.clone();
    history.fill_in(store.load_older().unwrap());
    assert_eq!(history.log, whole);
    drop(store);

    edit_in_place(
        &month_file(&dir, 2024, 6),
        "\"prebiotic-fiber\": 3.0",
        "\"prebiotic-fiber\": 4.0",
    );
    let mut store = Store::open(&dir).unwrap();
    let (_, trusted) = store.load_recent_unchecked(d(FROM)).unwrap();
    assert_eq!(trusted, quick, "the older months are not looked at yet");
    assert!(!store.check_summary().unwrap(), "the edit is caught");
    let (_, read) = store.load_recent(d(FROM)).unwrap();
    drop(store);
    let (_, edited) = Store::open(&dir).unwrap().load().unwrap();
    assert_ne!(edited, whole);
    assert_eq!(read, History::from(edited));
}

#[test]
fn a_month_on_screen_the_quick_read_did_not_see_fails_the_check() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let mut store = Store::open(&dir).unwrap();
    store.load_recent_unchecked(d(FROM)).unwrap();
    // Written from outside between the read and the check.
    let december = month_file(&dir, 2026, 12);
    fs::write(&december, "(version: 3, year: 2026, month: 12, days: {})\n").unwrap();
    assert!(!store.check_summary().unwrap());
}

#[test]
fn a_mistake_in_an_older_month_is_reported_even_with_a_summary() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let file = month_file(&dir, 2023, 3);
    edit_in_place(&file, "year: 2023,", "year: 2023 ");
    let err = Store::open(&dir)
        .unwrap()
        .load_recent(d(FROM))
        .expect_err("a broken file is never skipped");
    assert!(
        matches!(&err, StoreError::Parse { path, .. } if *path == file),
        "{err}"
    );
}

#[test]
fn a_new_older_month_a_changed_target_or_another_start_month_mean_reading_everything() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    assert!(summed(&dir, FROM));
    assert!(!summed(&dir, "2026-08-10"), "summed up to another month");
    assert!(summed(&dir, "2026-08-31"), "which is now the one cached");
    assert!(summed(&dir, "2026-08-01"), "any day of that month");

    edit_in_place(&dir.join("habits.ron"), "target: 3.0", "target: 2.0");
    assert!(!summed(&dir, "2026-08-10"), "a target changed");
    assert!(summed(&dir, "2026-08-10"));

    let mut store = Store::open_for_command(&dir, d(TODAY));
    let (_, mut log) = store.load().unwrap();
    log.set_done(d("2019-06-01"), &default_habits()[0], true);
    store.save_day(&log, d("2019-06-01")).unwrap();
    assert!(!summed(&dir, "2026-08-10"), "a month file appeared");
}

#[test]
fn a_summary_that_cannot_be_read_is_made_again() {
    let (_tmp, dir, whole) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    fs::write(cache(&dir), "(version: 4, files: 1").unwrap();
    let (_, history) = Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    assert_eq!(history, History::from(whole));
    assert!(summed(&dir, FROM));
}

#[test]
fn a_month_only_summed_up_is_never_written() {
    let (_tmp, dir, _) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut history) = store.load_recent(d(FROM)).unwrap();
    let old = d("2024-03-01");
    let before = fs::read(month_file(&dir, 2024, 3)).unwrap();
    // A mistake elsewhere (a change to a day not read in) must not empty
    // the file it would be written to.
    history.log.set_done(old, &habits[0], true);
    let err = store.save_day(&history.log, old).unwrap_err();
    assert!(err.to_string().contains("not been read in"), "{err}");
    assert_eq!(fs::read(month_file(&dir, 2024, 3)).unwrap(), before);
}

#[test]
fn a_save_of_a_month_on_screen_leaves_the_summary_good() {
    let (_tmp, dir, mut whole) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut history) = store.load_recent(d(FROM)).unwrap();
    let today = d(TODAY);
    let done = history.log.entry(today, &habits[3]).is_some();
    history.log.set_done(today, &habits[3], !done);
    store.save_day(&history.log, today).unwrap();
    drop(store);
    whole.set_done(today, &habits[3], !done);
    let (_, saved) = Store::open(&dir).unwrap().load().unwrap();
    assert_eq!(saved, whole, "the change, and every older day as it was");
    assert!(summed(&dir, FROM));
}

#[test]
fn a_young_history_leaves_no_summary_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut store = Store::open(&dir).unwrap();
    let (habits, mut history) = store.load_recent(d(FROM)).unwrap();
    history.log.set_done(d(TODAY), &habits[0], true);
    store.save_day(&history.log, d(TODAY)).unwrap();
    drop(store);
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    assert!(
        !cache(&dir).exists(),
        "nothing older than the months on screen"
    );
}

/// The summary is what the older months sum up to, and it holds only while
/// they are the very files, and the habits the very ones, it was made from.
#[test]
fn a_summary_holds_only_for_the_files_and_habits_it_was_made_from() {
    let (_tmp, dir, whole) = data_dir();
    Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let (habits, history) = Store::open(&dir).unwrap().load_recent(d(FROM)).unwrap();
    let sums = History::from(whole).sum_up(&habits, d(MONTH_READ));
    assert_eq!(history.past(), Some(&sums));
    assert!(summed(&dir, FROM));

    // One more line at the end: the file's length changes.
    let file = month_file(&dir, 2024, 6);
    let mut text = fs::read_to_string(&file).unwrap();
    text.push('\n');
    fs::write(&file, text).unwrap();
    assert!(!summed(&dir, FROM), "a file changed");
    assert!(summed(&dir, FROM));

    fs::remove_file(month_file(&dir, 2024, 7)).unwrap();
    assert!(!summed(&dir, FROM), "a file gone");
    assert!(summed(&dir, FROM));

    edit_in_place(&dir.join("habits.ron"), "target: 3.0", "target: 2.0");
    assert!(!summed(&dir, FROM), "a target changed");
    assert!(summed(&dir, FROM));

    fs::write(cache(&dir), "(version: 4, files: 1").unwrap();
    assert!(!summed(&dir, FROM), "one that does not read");
}
