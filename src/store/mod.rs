//! The only module that touches the disk: where files live, reading and
//! writing the log as RON, atomic writes and the single-writer lock.
//!
//! The log is kept as one file per year (`log/2026.ron`), so a save rewrites
//! one year, never the whole history.

mod atomic;
mod error;
mod format;
mod habits;
mod lock;
pub mod paths;
mod settings;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

pub use error::StoreError;
pub use lock::DataLock;
pub use settings::{load_settings, parse_settings};

use crate::domain::{Habit, HabitId, Log, default_habits};

/// A data directory opened for reading and writing.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    /// Every habit, archived ones included: the ids the log may hold.
    habits: Vec<Habit>,
    /// `habits.ron` did not exist: the defaults are written with the first
    /// save, so a look around leaves no files behind.
    habits_missing: bool,
    /// The habits changed, or their last save failed.
    habits_unsaved: bool,
    /// Years whose last save failed: retried with every later save.
    unsaved: BTreeSet<i32>,
    _lock: DataLock,
}

impl Store {
    /// Opens `dir`, taking the lock first so that a second gutbone is
    /// refused before it reads anything.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let lock = DataLock::acquire(dir)?;
        Ok(Self {
            dir: dir.to_owned(),
            habits: default_habits(),
            habits_missing: false,
            habits_unsaved: false,
            unsaved: BTreeSet::new(),
            _lock: lock,
        })
    }

    /// Reads the habits and the whole log. Missing files are a fresh start;
    /// a file that cannot be read is an error, and nothing will overwrite it
    /// because the app does not start.
    pub fn load(&mut self) -> Result<(Vec<Habit>, Log), StoreError> {
        let habits = load_habits(&self.dir)?;
        self.habits_missing = habits.is_none();
        self.habits = habits.unwrap_or_else(default_habits);
        let log = load_log(&self.dir, &self.ids())?;
        Ok((self.habits.clone(), log))
    }

    fn ids(&self) -> Vec<HabitId> {
        self.habits.iter().map(|habit| habit.id.clone()).collect()
    }

    /// Saves the year holding `date`, plus anything whose earlier save failed.
    pub fn save_day(&mut self, log: &Log, date: NaiveDate) -> Result<(), StoreError> {
        self.unsaved.insert(date.year());
        if std::mem::take(&mut self.habits_missing) {
            self.habits_unsaved = true;
        }
        self.flush(log)
    }

    /// Saves a changed list of habits (archived ones included).
    pub fn save_habits(&mut self, habits: Vec<Habit>, log: &Log) -> Result<(), StoreError> {
        self.habits = habits;
        self.habits_missing = false;
        self.habits_unsaved = true;
        self.flush(log)
    }

    /// Retries everything not yet saved. The habits go first: the log may
    /// name a habit that only they define.
    pub fn flush(&mut self, log: &Log) -> Result<(), StoreError> {
        if self.habits_unsaved {
            save_habits(&self.dir, &self.habits)?;
            self.habits_unsaved = false;
        }
        let ids = self.ids();
        while let Some(&year) = self.unsaved.first() {
            save_year(&self.dir, log, year, &ids)?;
            self.unsaved.remove(&year);
        }
        Ok(())
    }
}

/// Reads `habits.ron`: `None` when there is none yet.
pub fn load_habits(dir: &Path) -> Result<Option<Vec<Habit>>, StoreError> {
    let path = paths::habits_file(dir);
    let Some(bytes) = read_optional_bytes(&path)? else {
        return Ok(None);
    };
    let text = std::str::from_utf8(&bytes)
        .map_err(|err| format::not_utf8(&bytes, &path, err.valid_up_to()))?;
    habits::parse_habits(text, &path).map(Some)
}

fn save_habits(dir: &Path, list: &[Habit]) -> Result<(), StoreError> {
    let path = paths::habits_file(dir);
    let text = habits::render_habits(list, &path)?;
    fs::create_dir_all(dir).map_err(|err| StoreError::io("create the folder", dir, err))?;
    atomic::write_atomic(&path, text.as_bytes()).map_err(|err| StoreError::io("save", &path, err))
}

fn read_optional_bytes(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io("read", path, err)),
    }
}

/// Parses a RON file a person may have edited: a mistake in its syntax or
/// shape is reported at its line and column, and a `version` above
/// `supported` as a file from a newer gutbone.
fn parse_ron<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
    supported: u32,
    version: impl Fn(&T) -> u32,
) -> Result<T, StoreError> {
    let file: T = ron::from_str(text).map_err(|err| StoreError::Parse {
        path: path.to_owned(),
        line: err.span.start.line,
        column: err.span.start.col,
        message: err.code.to_string(),
    })?;
    let found = version(&file);
    if found > supported {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found,
            supported,
        });
    }
    Ok(file)
}

/// The text of an optional file: `None` when it does not exist.
pub fn read_optional(path: &Path) -> Result<Option<String>, StoreError> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io("read", path, err)),
    }
}

/// Reads every year file under `dir`.
pub fn load_log(dir: &Path, habits: &[HabitId]) -> Result<Log, StoreError> {
    let mut log = Log::new();
    let log_dir = paths::log_dir(dir);
    let entries = match fs::read_dir(&log_dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(log),
        Err(err) => return Err(StoreError::io("read the folder", log_dir, err)),
    };
    for entry in entries {
        let entry = entry.map_err(|err| StoreError::io("read the folder", &log_dir, err))?;
        let name = entry.file_name();
        let Some(year) = name.to_str().and_then(paths::year_of_file_name) else {
            continue;
        };
        for (date, day) in load_year(&entry.path(), year, habits)? {
            log.insert_day(date, day);
        }
    }
    Ok(log)
}

fn load_year(
    path: &Path,
    year: i32,
    habits: &[HabitId],
) -> Result<Vec<(NaiveDate, crate::domain::log::DayLog)>, StoreError> {
    let bytes = fs::read(path).map_err(|err| StoreError::io("read", path, err))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|err| format::not_utf8(&bytes, path, err.valid_up_to()))?;
    format::parse_year(text, path, year, habits)
}

fn save_year(dir: &Path, log: &Log, year: i32, habits: &[HabitId]) -> Result<(), StoreError> {
    let path = paths::year_file(dir, year);
    let text = format::render_year(log, year, habits, &path)?;
    let log_dir = paths::log_dir(dir);
    fs::create_dir_all(&log_dir)
        .map_err(|err| StoreError::io("create the folder", &log_dir, err))?;
    atomic::write_atomic(&path, text.as_bytes()).map_err(|err| StoreError::io("save", &path, err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;

    fn ids() -> Vec<HabitId> {
        default_habits().into_iter().map(|h| h.id).collect()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_missing_directory_is_a_fresh_start() {
        let tmp = tempfile::tempdir().unwrap();
        let log = load_log(&tmp.path().join("nothing-here"), &ids()).unwrap();
        assert_eq!(log, Log::new());
    }

    #[test]
    fn saves_round_trip_across_years() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        let mut log = Log::new();
        let sun = HabitId::new("sunlight");
        for date in [d("2025-12-31"), d("2026-01-01")] {
            log.set_done(date, &sun, true);
            store.save_day(&log, date).unwrap();
        }
        assert!(paths::year_file(tmp.path(), 2025).exists());
        assert!(paths::year_file(tmp.path(), 2026).exists());
        assert_eq!(store.load().unwrap().1, log);
    }

    #[test]
    fn a_second_lock_holder_is_refused_until_the_first_lets_go() {
        let tmp = tempfile::tempdir().unwrap();
        let first = Store::open(tmp.path()).unwrap();
        let second = Store::open(tmp.path());
        match second {
            Err(StoreError::Locked { holder, .. }) => {
                assert_eq!(holder, Some(std::process::id().to_string()));
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        Store::open(tmp.path()).expect("free once the first store is gone");
    }

    #[test]
    fn opening_creates_a_missing_data_directory() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a").join("b");
        let mut store = Store::open(&dir).unwrap();
        assert!(dir.is_dir());
        assert_eq!(store.load().unwrap().1, Log::new());
    }

    #[test]
    fn the_default_habits_are_written_with_the_first_save_not_before() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        let (habits, log) = store.load().unwrap();
        assert_eq!(habits, default_habits());
        store.flush(&log).unwrap();
        assert!(
            !paths::habits_file(tmp.path()).exists(),
            "a flush with nothing new writes nothing"
        );
        let mut log = log;
        log.set_done(d("2026-11-22"), HabitId::new("sunlight"), true);
        store.save_day(&log, d("2026-11-22")).unwrap();
        assert_eq!(load_habits(tmp.path()).unwrap(), Some(default_habits()));
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
            Some(crate::domain::Entry::Amount(1.5)),
        );
        store.save_day(&log, d("2026-11-22")).unwrap();
        drop(store);
        let mut store = Store::open(tmp.path()).unwrap();
        assert_eq!(store.load().unwrap(), (habits, log));
    }

    #[test]
    fn a_failed_save_is_retried_with_the_next_one() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        let mut log = Log::new();
        let sun = HabitId::new("sunlight");
        // A directory where the year file should be makes the save fail.
        fs::create_dir_all(paths::year_file(tmp.path(), 2025).join("blocker")).unwrap();
        log.set_done(d("2025-06-01"), &sun, true);
        assert!(store.save_day(&log, d("2025-06-01")).is_err());
        fs::remove_dir_all(paths::year_file(tmp.path(), 2025)).unwrap();
        log.set_done(d("2026-06-01"), &sun, true);
        store.save_day(&log, d("2026-06-01")).unwrap();
        assert_eq!(store.load().unwrap().1, log, "2025 was saved on the retry");
    }
}
