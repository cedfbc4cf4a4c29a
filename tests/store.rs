//! The store on a temporary data directory: months round trip, the lock,
//! backups (and the daily copies themselves), edits from outside, saves
//! retried, and the split of the year files of the layout before months.

mod common;

use std::fs;
use std::path::Path;

use common::d;
use gutbone::domain::{Entry, Habit, HabitId, Log, default_habits};
use gutbone::store::{Month, Store, StoreError, backup, paths};

fn sun() -> HabitId {
    HabitId::new("sunlight")
}

fn month_file(dir: &Path, year: i32, month: u32) -> std::path::PathBuf {
    paths::month_file(dir, Month { year, month })
}

#[test]
fn a_missing_directory_is_a_fresh_start_and_opening_makes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a").join("b");
    let mut store = Store::open(&dir).unwrap();
    assert!(dir.is_dir(), "its lock file lives there");
    assert_eq!(store.load().unwrap(), (default_habits(), Log::new()));
}

#[test]
fn saves_round_trip_across_months_and_years_one_file_a_month() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let mut log = Log::new();
    for date in [
        d("2025-12-31"),
        d("2026-01-01"),
        d("2026-01-31"),
        d("2026-02-01"),
    ] {
        log.set_done(date, sun(), true);
        store.save_day(&log, date).unwrap();
    }
    for (year, month) in [(2025, 12), (2026, 1), (2026, 2)] {
        assert!(
            month_file(tmp.path(), year, month).exists(),
            "{year}-{month}"
        );
    }
    let january = fs::read_to_string(month_file(tmp.path(), 2026, 1)).unwrap();
    assert!(
        january.contains("\"2026-01-31\": (done: [\"sunlight\"]),"),
        "{january}"
    );
    assert!(!january.contains("2026-02-01"), "{january}");
    assert_eq!(store.load().unwrap().1, log);
    assert_eq!(
        store
            .load_day(d("2026-01-01"))
            .unwrap()
            .1
            .days_in(..)
            .count(),
        2,
        "its month alone"
    );
}

#[test]
fn a_second_lock_holder_is_refused_until_the_first_lets_go() {
    let tmp = tempfile::tempdir().unwrap();
    let first = Store::open(tmp.path()).unwrap();
    match Store::open(tmp.path()) {
        Err(StoreError::Locked { holder, .. }) => {
            assert_eq!(holder, Some(std::process::id().to_string()));
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    drop(first);
    Store::open(tmp.path()).expect("free once the first store is gone");
}

#[test]
fn the_default_habits_are_written_with_the_first_save_not_before() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let (habits, mut log) = store.load().unwrap();
    assert_eq!(habits, default_habits());
    store.flush(&log).unwrap();
    assert!(
        !paths::habits_file(tmp.path()).exists(),
        "a flush with nothing new writes nothing"
    );
    log.set_done(d("2026-11-22"), sun(), true);
    store.save_day(&log, d("2026-11-22")).unwrap();
    let (habits, _) = store.load().unwrap();
    assert!(paths::habits_file(tmp.path()).exists());
    assert_eq!(habits, default_habits());
}

#[test]
fn a_new_habit_and_its_days_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let (mut habits, mut log) = store.load().unwrap();
    habits.push(Habit::measured(
        "cold-shower",
        "Cold shower",
        "min",
        1.0,
        2.0,
    ));
    habits[3].archived = true;
    store.save_habits(habits.clone(), &log).unwrap();
    log.set_entry(
        d("2026-11-22"),
        HabitId::new("cold-shower"),
        Some(Entry::Amount(1.5)),
    );
    store.save_day(&log, d("2026-11-22")).unwrap();
    drop(store);
    let mut store = Store::open(tmp.path()).unwrap();
    assert_eq!(store.load().unwrap(), (habits, log));
}

#[test]
fn a_save_that_changes_nothing_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.set_today(d("2026-11-22"));
    let mut log = Log::new();
    log.set_done(d("2026-11-22"), sun(), true);
    store.save_day(&log, d("2026-11-22")).unwrap();
    let path = month_file(tmp.path(), 2026, 11);
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store.save_day(&log, d("2026-11-22")).unwrap();
    store.save_habits(default_habits(), &log).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
    assert!(
        !backup::backups_dir(tmp.path()).exists(),
        "nothing replaced, nothing backed up"
    );
}

#[test]
fn the_leftovers_of_a_save_cut_short_go_with_the_first_write() {
    let tmp = tempfile::tempdir().unwrap();
    let month_dir = paths::log_dir(tmp.path()).join("2026");
    fs::create_dir_all(&month_dir).unwrap();
    let leftovers = [
        tmp.path().join(".gutbone-abc123.tmp"),
        paths::log_dir(tmp.path()).join(".gutbone-def456.tmp"),
        month_dir.join(".gutbone-ghi789.tmp"),
    ];
    for leftover in &leftovers {
        fs::write(leftover, "half a file").unwrap();
    }
    let mut store = Store::open(tmp.path()).unwrap();
    let (_, mut log) = store.load().unwrap();
    assert!(leftovers.iter().all(|l| l.exists()), "a read leaves them");
    log.set_done(d("2026-11-22"), sun(), true);
    store.save_day(&log, d("2026-11-22")).unwrap();
    for leftover in &leftovers {
        assert!(!leftover.exists(), "{}", leftover.display());
    }
}

#[test]
fn the_first_write_of_a_day_backs_up_the_version_it_replaces() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.set_today(d("2026-11-21"));
    let mut log = Log::new();
    log.set_done(d("2026-11-21"), sun(), true);
    store.save_day(&log, d("2026-11-21")).unwrap();
    let saturday = fs::read_to_string(month_file(tmp.path(), 2026, 11)).unwrap();
    store.set_today(d("2026-11-22"));
    log.set_done(d("2026-11-22"), sun(), true);
    store.save_day(&log, d("2026-11-22")).unwrap();
    log.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
    store.save_day(&log, d("2026-11-22")).unwrap();
    let copies = backup::copies_of(tmp.path(), Path::new("log/2026/11.ron")).unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(fs::read_to_string(&copies[0]).unwrap(), saturday);
    assert!(copies[0].starts_with(tmp.path().join("backups").join("2026-11-22")));
}

#[test]
fn a_file_changed_outside_is_never_written_over_and_is_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let (_, mut log) = store.load().unwrap();
    log.set_done(d("2026-11-21"), sun(), true);
    store.save_day(&log, d("2026-11-21")).unwrap();
    assert!(!store.changed_on_disk().unwrap());

    // Someone else (a hand edit, the command line) adds the 22nd.
    let path = month_file(tmp.path(), 2026, 11);
    let theirs = fs::read_to_string(&path).unwrap().replace(
        "    },\n)",
        "        \"2026-11-22\": (done: [\"stress-break\"]),\n    },\n)",
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&path, &theirs).unwrap();
    assert!(store.changed_on_disk().unwrap());

    // A save from the stale log is refused, and the file keeps their day.
    log.set_done(d("2026-11-20"), sun(), true);
    assert!(matches!(
        store.save_day(&log, d("2026-11-20")),
        Err(StoreError::ChangedOnDisk { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);

    // Read again, the change lands on top of theirs.
    let (_, mut fresh) = store.load().unwrap();
    assert_eq!(
        fresh.entry(d("2026-11-22"), HabitId::new("stress-break")),
        Some(Entry::Done)
    );
    fresh.set_done(d("2026-11-20"), sun(), true);
    store.save_day(&fresh, d("2026-11-20")).unwrap();
    assert_eq!(store.load().unwrap().1, fresh);
}

#[test]
fn a_file_replaced_at_the_same_length_and_time_is_still_noticed() {
    // A sync's merge a moment after a save, on a filesystem whose times
    // are coarse: same length, same modification time, another file.
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let (_, mut log) = store.load().unwrap();
    log.set_entry(d("2026-11-21"), sun(), Some(Entry::Amount(2.0)));
    store.save_day(&log, d("2026-11-21")).unwrap();
    let path = month_file(tmp.path(), 2026, 11);
    let ours = fs::read_to_string(&path).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let theirs = ours.replace("15.0", "25.0").replace("2.0", "3.0");
    assert_eq!(theirs.len(), ours.len());
    let replacement = tmp.path().join("replacement");
    fs::write(&replacement, &theirs).unwrap();
    fs::File::options()
        .write(true)
        .open(&replacement)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    fs::rename(&replacement, &path).unwrap();
    assert!(store.changed_on_disk().unwrap());
}

#[test]
fn a_new_month_file_from_outside_is_noticed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.load().unwrap();
    let path = month_file(tmp.path(), 2025, 3);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "(version: 3, year: 2025, month: 3, days: {})").unwrap();
    assert!(store.changed_on_disk().unwrap());
}

#[test]
fn a_failed_save_is_retried_with_the_next_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let mut log = Log::new();
    // A directory where the month file should be makes the save fail.
    let blocked = month_file(tmp.path(), 2025, 6);
    fs::create_dir_all(blocked.join("blocker")).unwrap();
    log.set_done(d("2025-06-01"), sun(), true);
    assert!(store.save_day(&log, d("2025-06-01")).is_err());
    fs::remove_dir_all(&blocked).unwrap();
    log.set_done(d("2026-06-01"), sun(), true);
    store.save_day(&log, d("2026-06-01")).unwrap();
    assert_eq!(
        store.load().unwrap().1,
        log,
        "June 2025 was saved on the retry"
    );
}

/// A year file of the layout before months, as gutbone 0.1 wrote it.
const YEAR_2025: &str = "// a comment of the person's\n(\n    version: 2,\n    year: 2025,\n    days: {\n        \"2025-01-31\": (done: [\"sunlight\"], note: \"cold\"),\n        \"2025-02-01\": (amounts: {\"weight-bearing-exercise\": 20.0}, skipped: [\"stress-break\"]),\n        \"2025-12-31\": (note: \"the last day\"),\n    },\n)\n";

/// A year of the log as gutbone kept it before months.
fn year_file(dir: &Path, year: i32) -> std::path::PathBuf {
    dir.join("log").join(format!("{year}.ron"))
}

fn with_a_year_file() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(paths::log_dir(tmp.path())).unwrap();
    fs::write(year_file(tmp.path(), 2025), YEAR_2025).unwrap();
    tmp
}

fn days_of_2025(log: &Log) {
    assert_eq!(log.entry(d("2025-01-31"), sun()), Some(Entry::Done));
    assert_eq!(log.note(d("2025-01-31")), Some("cold"));
    assert_eq!(
        log.entry(d("2025-02-01"), HabitId::new("weight-bearing-exercise")),
        Some(Entry::Amount(20.0))
    );
    assert_eq!(
        log.entry(d("2025-02-01"), HabitId::new("stress-break")),
        Some(Entry::Skipped)
    );
    assert_eq!(log.note(d("2025-12-31")), Some("the last day"));
    assert_eq!(log.days_in(..).count(), 3);
}

#[test]
fn a_year_file_is_split_into_months_and_kept_as_it_was() {
    let tmp = with_a_year_file();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = year_file(tmp.path(), 2025);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let mut store = Store::open(tmp.path()).unwrap();
    store.set_today(d("2026-11-22"));
    let note = store.split_year_files().unwrap().unwrap();
    assert!(note.contains("the log is now one file a month"), "{note}");
    assert!(note.contains("log/2025.ron"), "{note}");
    let (_, log) = store.load().unwrap();
    days_of_2025(&log);
    assert!(!year_file(tmp.path(), 2025).exists(), "split");
    for (month, day) in [(1, "2025-01-31"), (2, "2025-02-01"), (12, "2025-12-31")] {
        let path = month_file(tmp.path(), 2025, month);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("\"{day}\": (")), "{text}");
        assert!(text.contains("version: 3"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "the year file's permissions");
        }
    }
    assert!(
        !month_file(tmp.path(), 2025, 3).exists(),
        "no file for a month with no day"
    );
    // Kept as it was, where no pruning reaches, beside any kept before.
    let kept = gutbone::store::kept_dir(tmp.path()).join("2025.ron");
    assert_eq!(fs::read_to_string(&kept).unwrap(), YEAR_2025);
    assert_eq!(
        store.split_year_files().unwrap(),
        None,
        "nothing more to split"
    );
    fs::write(year_file(tmp.path(), 2025), YEAR_2025).unwrap();
    store.split_year_files().unwrap();
    assert!(
        kept.with_file_name("2025.ron.2").exists(),
        "the first one kept too"
    );
    assert!(kept.exists());
}

#[test]
fn a_year_file_merges_with_months_already_there_and_a_clash_is_refused() {
    let tmp = with_a_year_file();
    // A month written since (the same day alike, another day more).
    let january_file = month_file(tmp.path(), 2025, 1);
    fs::create_dir_all(january_file.parent().unwrap()).unwrap();
    fs::write(
        &january_file,
        "(version: 3, year: 2025, month: 1, days: {\"2025-01-31\": (done: [\"sunlight\"], note: \"cold\"), \"2025-01-02\": (done: [\"stress-break\"])})",
    )
    .unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    store.split_year_files().unwrap();
    let (_, log) = store.load().unwrap();
    assert_eq!(
        log.entry(d("2025-01-02"), HabitId::new("stress-break")),
        Some(Entry::Done)
    );
    assert_eq!(
        log.days_in(..).count(),
        4,
        "the year's three days and the month's other"
    );
    drop(store);

    // A year file whose day differs from its month file's: which is right is
    // the person's to say, and nothing is written.
    let other = YEAR_2025.replace("\"cold\"", "\"warm\"");
    fs::write(year_file(tmp.path(), 2025), &other).unwrap();
    let january = fs::read(&january_file).unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let err = store.split_year_files().unwrap_err();
    assert!(
        matches!(&err, StoreError::Parse { line: 6, .. })
            && err.to_string().contains("2025-01-31 is in"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(year_file(tmp.path(), 2025)).unwrap(),
        other
    );
    assert_eq!(fs::read(&january_file).unwrap(), january);
    assert!(
        store.load().is_err(),
        "read as it is, the clash is told too"
    );
}

#[test]
fn a_year_file_is_not_split_while_gutbone_is_open_elsewhere_and_its_months_not_written() {
    let tmp = with_a_year_file();
    let _open = Store::open(tmp.path()).unwrap();
    let mut command = Store::open_for_command(tmp.path(), d("2026-11-22"));
    let note = command.split_year_files().unwrap().unwrap();
    assert!(note.contains("gutbone is open elsewhere"), "{note}");
    assert_eq!(
        fs::read_to_string(year_file(tmp.path(), 2025)).unwrap(),
        YEAR_2025
    );
    let (_, mut log) = command.load().unwrap();
    days_of_2025(&log);
    log.set_done(d("2025-01-30"), sun(), true);
    let err = command.save_day(&log, d("2025-01-30")).unwrap_err();
    assert!(
        err.to_string()
            .contains("still keeps this year in one file"),
        "{err}"
    );
    assert!(!month_file(tmp.path(), 2025, 1).exists());
}

#[test]
fn a_broken_year_file_is_refused_where_the_mistake_is_and_left_alone() {
    let tmp = with_a_year_file();
    let broken = YEAR_2025.replace("amounts:", "amonts:");
    fs::write(year_file(tmp.path(), 2025), &broken).unwrap();
    let err = Store::open(tmp.path()).unwrap().load().unwrap_err();
    assert!(matches!(&err, StoreError::Parse { line: 7, .. }), "{err}");
    assert_eq!(
        fs::read_to_string(year_file(tmp.path(), 2025)).unwrap(),
        broken
    );
    assert!(
        !paths::log_dir(tmp.path()).join("2025").exists(),
        "no month written"
    );
}

#[test]
fn the_first_write_of_a_day_keeps_the_version_before_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("log").join("2026.ron");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, "monday").unwrap();
    backup::backup_before_write(dir, &file, d("2026-11-22")).unwrap();
    fs::write(&file, "monday, later").unwrap();
    backup::backup_before_write(dir, &file, d("2026-11-22")).unwrap();
    let copy = dir.join("backups/2026-11-22/log/2026.ron");
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        "monday",
        "the day's first version"
    );
    backup::backup_before_write(dir, &file, d("2026-11-23")).unwrap();
    assert_eq!(
        backup::copies_of(dir, Path::new("log/2026.ron")).unwrap(),
        [dir.join("backups/2026-11-23/log/2026.ron"), copy]
    );
}

#[test]
fn only_the_newest_fourteen_days_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("habits.ron");
    fs::write(&file, "habits").unwrap();
    let mut day = d("2026-11-01");
    for _ in 0..20 {
        backup::backup_before_write(dir, &file, day).unwrap();
        day = day.succ_opt().unwrap();
    }
    let days = backup::backup_days(dir).unwrap();
    assert_eq!(days.len(), backup::KEEP_DAYS);
    assert_eq!(days[0].0, d("2026-11-20"));
    assert_eq!(days[13].0, d("2026-11-07"));
}

#[test]
fn a_missing_file_has_nothing_to_back_up() {
    let tmp = tempfile::tempdir().unwrap();
    backup::backup_before_write(tmp.path(), &tmp.path().join("habits.ron"), d("2026-11-22"))
        .unwrap();
    assert!(!backup::backups_dir(tmp.path()).exists());
}
