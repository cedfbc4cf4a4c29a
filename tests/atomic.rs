//! Saves a crash cannot tear: each file is written beside itself and renamed
//! over the old one, so the old version or the new one is there, never half
//! of either. Driven through the store's saves on a temporary data dir.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::d;
use gutbone::domain::{Habit, HabitId, Log, default_habits};
use gutbone::store::{Month, Store, paths};

const TODAY: &str = "2026-11-22";

fn store(dir: &Path) -> Store {
    Store::open_for_command(dir, d(TODAY))
}

fn november(dir: &Path) -> PathBuf {
    paths::month_file(
        dir,
        Month {
            year: 2026,
            month: 11,
        },
    )
}

/// The defaults with one more habit: a change to `habits.ron`, so a save
/// writes it.
fn with_floss(mut habits: Vec<Habit>) -> Vec<Habit> {
    habits.push(Habit::check("floss", "Floss"));
    habits
}

#[test]
fn writes_a_new_file_and_replaces_an_old_one_leaving_no_temporaries() {
    let tmp = tempfile::tempdir().unwrap();
    let mut saving = store(tmp.path());
    let mut log = Log::new();
    log.set_done(d("2026-11-21"), HabitId::new("sunlight"), true);
    saving.save_day(&log, d("2026-11-21")).unwrap();
    let one = fs::read_to_string(november(tmp.path())).unwrap();
    log.set_done(d("2026-11-22"), HabitId::new("sunlight"), true);
    saving.save_day(&log, d("2026-11-22")).unwrap();
    let two = fs::read_to_string(november(tmp.path())).unwrap();
    assert_ne!(one, two);
    assert!(two.contains("2026-11-22"), "the new version: {two}");
    assert_eq!(store(tmp.path()).load().unwrap().1, log);
    let month_dir = november(tmp.path()).parent().unwrap().to_owned();
    let names: Vec<_> = fs::read_dir(month_dir).unwrap().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[cfg(unix)]
#[test]
fn a_symlink_stays_a_link_and_its_target_is_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let link = paths::habits_file(tmp.path());
    let real = tmp.path().join("real.ron");
    store(tmp.path())
        .save_habits(default_habits(), &Log::new())
        .unwrap();
    // Kept elsewhere (a synced folder, say) and linked to.
    fs::rename(&link, &real).unwrap();
    std::os::unix::fs::symlink("real.ron", &link).unwrap();
    let mut store = store(tmp.path());
    let (habits, log) = store.load().unwrap();
    store.save_habits(with_floss(habits), &log).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("floss"));
}

#[cfg(unix)]
#[test]
fn leftovers_of_a_killed_save_are_removed_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let left = tmp.path().join(".gutbone-abc123.tmp");
    fs::write(&left, "half a file").unwrap();
    let keep = [".gutbone-notes", "2026.ron", "other.tmp"];
    for name in keep {
        fs::write(tmp.path().join(name), "mine").unwrap();
    }
    // No log/ folder yet: a folder that is not there has nothing to clear,
    // and is no error.
    assert!(!paths::log_dir(tmp.path()).exists());
    let mut store = Store::open(tmp.path()).unwrap();
    let (habits, log) = store.load().unwrap();
    store.save_habits(habits, &log).unwrap();
    assert!(!left.exists());
    for name in keep {
        assert_eq!(
            fs::read_to_string(tmp.path().join(name)).unwrap(),
            "mine",
            "{name}"
        );
    }
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let path = paths::habits_file(tmp.path());
    store(tmp.path())
        .save_habits(default_habits(), &Log::new())
        .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let mut store = store(tmp.path());
    let (habits, log) = store.load().unwrap();
    store.save_habits(with_floss(habits), &log).unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("floss"));
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[cfg(unix)]
#[test]
fn a_new_file_is_readable_like_any_other() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    store(tmp.path())
        .save_habits(default_habits(), &Log::new())
        .unwrap();
    let path = paths::habits_file(tmp.path());
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_ne!(mode & 0o044, 0, "not private to the owner: {mode:o}");
}

/// `habits.ron` a link into a folder that is gone (a drive not mounted, say):
/// the save has nowhere to put its new version, and says so.
#[cfg(unix)]
#[test]
fn a_missing_directory_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("missing/habits.ron", paths::habits_file(tmp.path())).unwrap();
    let mut store = store(tmp.path());
    let (habits, log) = store.load().unwrap();
    assert!(store.save_habits(habits, &log).is_err());
    assert!(!tmp.path().join("missing").exists());
}
