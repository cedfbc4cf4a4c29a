//! The only module that touches the disk: where files live, reading and
//! writing the log as RON, atomic writes, backups and the single-writer lock.
//!
//! The log is kept as one file a month (`log/2026/11.ron`), so a save
//! rewrites one month and a start reads only the months on screen, whatever
//! the length of the history. Every file the store reads or writes is
//! fingerprinted, so a change made from outside (a hand edit, a sync tool,
//! the command line) is noticed and read again, never written over.

mod atomic;
pub mod backup;
pub mod copies;
pub mod doctor;
mod error;
mod files;
mod habits;
mod lock;
pub mod merge;
pub mod month;
pub mod paths;
mod read;
mod settings;
mod split;
mod summary;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

pub use atomic::write_atomic;
pub use error::{StoreError, shell_quoted};
// Public for the fuzz targets in fuzz/: the parsers of files people edit.
pub use habits::{parse_habits, render_habits};
pub use lock::{DataLock, WriteLock};
pub use month::{Month, parse_month, parse_year};
pub use settings::{Stated, load_settings, load_stated, parse_stated};

use crate::domain::{Habit, HabitId, Log, default_habits};
use files::{log_files, parse_ron, read_text};
pub use files::{read_optional_text, ron_options};

/// A file `doctor --repair` moved aside (`NAME.broken-<time>`), if any: it
/// may hold days the file now in its place lacks.
pub fn set_aside(data_dir: &Path) -> Result<Option<PathBuf>, StoreError> {
    for folder in files::data_folders(data_dir)? {
        let entries =
            files::list(&folder).map_err(|err| StoreError::io("read the folder", &folder, err))?;
        let found = entries
            .into_iter()
            .find(|entry| entry.file_name().to_string_lossy().contains(".broken-"));
        if let Some(found) = found {
            return Ok(Some(found.path()));
        }
    }
    Ok(None)
}

/// The year files of the layout before months still in `log/`.
pub fn unsplit_years(data_dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    Ok(files::log_files_from(data_dir, i32::MAX)?
        .years
        .into_iter()
        .map(|(_, path)| path)
        .collect())
}
pub use split::kept_dir;

/// Whether a file (by its path in the data directory) was synced before:
/// set by the shell that syncs (`sync::was_synced`), asked before a file is
/// written where there is none. A synced file that is gone was removed by
/// hand or by a sync cut short; made afresh, it would carry only the new
/// change, and a sync would remove its other days on every machine.
static SYNCED: std::sync::OnceLock<fn(&Path, &str) -> bool> = std::sync::OnceLock::new();

/// The error for `path`, a file of the data directory that is not there,
/// when it was synced: it must be put back, not written afresh.
fn gone_since_sync(dir: &Path, path: &Path) -> Option<StoreError> {
    let synced = SYNCED.get()?;
    let relative = path
        .strip_prefix(dir)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    synced(dir, &relative).then(|| StoreError::GoneSinceSync {
        path: path.to_owned(),
        dir: dir.to_owned(),
        relative,
    })
}

/// Tells the store how to ask whether a file was synced (see `SYNCED`).
pub fn ask_if_synced(synced: fn(&Path, &str) -> bool) {
    let _ = SYNCED.set(synced);
}

/// What a file looked like when the store last read or wrote it: enough to
/// tell that someone else has changed it since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    /// Where a Unix file lives, and when that last changed: a file replaced
    /// (a sync's merge, an editor's save) within the modification time's
    /// resolution, at the same length, is still told apart.
    inode: (u64, i64, i64),
}

/// The file's fingerprint now; `None` when there is no file.
fn fingerprint(path: &Path) -> Result<Option<Fingerprint>, StoreError> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode: inode(&meta),
        })),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io("read", path, err)),
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> (u64, i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (meta.ino(), meta.ctime(), meta.ctime_nsec())
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> (u64, i64, i64) {
    (0, 0, 0)
}

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
    /// Months whose last save failed: retried with every later save.
    unsaved: BTreeSet<Month>,
    /// Years still in one file (see `split`): their months are not written.
    unsplit: BTreeSet<i32>,
    /// Each file as last read or written (`None`: known to be absent).
    seen: HashMap<PathBuf, Option<Fingerprint>>,
    /// The first month read when the ones before were only summed up
    /// (`load_recent`): those must never be written from this log.
    summed_before: Option<Month>,
    /// The summary `load_recent_unchecked` trusted, until `check_summary`.
    unchecked: Option<summary::Cached>,
    /// The day backups are filed under; the local date when not set.
    today: Option<NaiveDate>,
    /// Held by the app for its whole run; a command does without.
    _session: Option<DataLock>,
    /// Held across a command's read, change and write (see `lock_for_writing`).
    write_lock: Option<WriteLock>,
    /// Whether the leftovers of a save cut short have been cleared away: by
    /// the first write, not the read at start, which they do not hinder.
    tidied: bool,
}

impl Store {
    /// Opens `dir`, taking the lock first so that a second gutbone is
    /// refused before it reads anything.
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        let lock = DataLock::acquire(dir)?;
        Ok(Self::new(dir, Some(lock)))
    }

    /// Opens `dir` for a command on `today` (the day its backups are filed
    /// under): no app lock, so it works while the app is open; call
    /// `lock_for_writing` before reading what it will change.
    pub fn open_for_command(dir: &Path, today: NaiveDate) -> Self {
        let mut store = Self::new(dir, None);
        store.set_today(today);
        store
    }

    /// Holds the write lock until this store is dropped: nothing else writes
    /// between this store's load and its saves.
    pub fn lock_for_writing(&mut self) -> Result<(), StoreError> {
        if self.write_lock.is_none() {
            self.write_lock = Some(WriteLock::acquire(&self.dir)?);
        }
        Ok(())
    }

    /// Lets go of the write lock taken by `lock_for_writing`.
    pub fn release_write_lock(&mut self) {
        self.write_lock = None;
    }

    fn new(dir: &Path, session: Option<DataLock>) -> Self {
        Self {
            dir: dir.to_owned(),
            habits: default_habits(),
            habits_missing: false,
            habits_unsaved: false,
            unsaved: BTreeSet::new(),
            unsplit: BTreeSet::new(),
            seen: HashMap::new(),
            summed_before: None,
            unchecked: None,
            today: None,
            _session: session,
            write_lock: None,
            tidied: false,
        }
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The day today's backups are filed under.
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = Some(today);
    }

    fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Saves the month holding `date`, plus anything whose earlier save failed.
    pub fn save_day(&mut self, log: &Log, date: NaiveDate) -> Result<(), StoreError> {
        self.save_days(log, [date])
    }

    /// Saves every month holding one of `dates`, plus anything unsaved.
    pub fn save_days(
        &mut self,
        log: &Log,
        dates: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<(), StoreError> {
        self.unsaved.extend(dates.into_iter().map(Month::of));
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
            let path = paths::habits_file(&self.dir);
            let text = habits::render_habits(&self.habits, &path)?;
            self.write(&path, &text)?;
            self.habits_unsaved = false;
        }
        let ids = self.ids();
        // A month gone since a sync waits to be put back; the others save.
        let mut gone = None;
        let months: Vec<Month> = self.unsaved.iter().copied().collect();
        for month in months {
            let path = paths::month_file(&self.dir, month);
            if self.unsplit.contains(&month.year) {
                return Err(StoreError::Verify {
                    path,
                    detail: format!(
                        "log/{}.ron still keeps this year in one file, as an older gutbone did; \
                         it is split into months at the next start without gutbone open elsewhere",
                        month.year
                    ),
                });
            }
            if self.summed_before.is_some_and(|before| month < before) {
                // The log holds only a summary of these days: writing the
                // file from the log would drop them.
                return Err(StoreError::Verify {
                    path,
                    detail: "this month has not been read in yet, so it cannot be saved".into(),
                });
            }
            let text = month::render_month(log, month, &ids, &path)?;
            match self.write(&path, &text) {
                Ok(()) => {
                    self.unsaved.remove(&month);
                }
                Err(err @ StoreError::GoneSinceSync { .. }) => {
                    gone.get_or_insert(err);
                }
                Err(err) => return Err(err),
            }
        }
        if let Some(gone) = gone {
            return Err(gone);
        }
        Ok(())
    }

    /// The write lock for a moment, unless it is held already: a command
    /// may be writing too.
    fn moment(&self) -> Result<Option<WriteLock>, StoreError> {
        match self.write_lock {
            Some(_) => Ok(None),
            None => WriteLock::acquire(&self.dir).map(Some),
        }
    }

    /// Writes `text` to `path`: nothing when the file already holds it, a
    /// refusal when someone else changed the file since it was read, and
    /// otherwise today's backup of the old version, then an atomic write.
    fn write(&mut self, path: &Path, text: &str) -> Result<(), StoreError> {
        let _moment = self.moment()?;
        if !self.tidied {
            // Under the write lock, no save is half done: a temporary is a leftover.
            for dir in files::data_folders(&self.dir)? {
                atomic::remove_leftovers(&dir)
                    .map_err(|err| StoreError::io("tidy the folder", &dir, err))?;
            }
            self.tidied = true;
        }
        let now = fingerprint(path)?;
        if now != self.seen.get(path).copied().flatten() {
            return Err(StoreError::ChangedOnDisk {
                path: path.to_owned(),
            });
        }
        if now.is_none()
            && let Some(gone) = gone_since_sync(&self.dir, path)
        {
            return Err(gone);
        }
        if now.is_some()
            && fs::read(path).map_err(|err| StoreError::io("read", path, err))? == text.as_bytes()
        {
            return Ok(());
        }
        backup::backup_before_write(&self.dir, path, self.today())
            .map_err(|err| StoreError::io("back up", path, err))?;
        create_parent(path)?;
        atomic::write_atomic(path, text.as_bytes())
            .map_err(|err| StoreError::io("save", path, err))?;
        self.seen.insert(path.to_owned(), fingerprint(path)?);
        Ok(())
    }
}

fn create_parent(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent)
            .map_err(|err| StoreError::io("create the folder", parent, err)),
        None => Ok(()),
    }
}

/// The ids of the habits in `habits.ron` at `path` (the defaults' when
/// there is none): the ids a log file may list.
fn habit_ids(path: &Path) -> Result<Vec<HabitId>, StoreError> {
    let habits = read_habits(path)?.unwrap_or_else(default_habits);
    Ok(habits.into_iter().map(|habit| habit.id).collect())
}

/// A habits file at `path`: `None` when there is none.
fn read_habits(path: &Path) -> Result<Option<Vec<Habit>>, StoreError> {
    let Some(text) = read_optional_text(path)? else {
        return Ok(None);
    };
    habits::parse_habits(&text, path).map(Some)
}
