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
pub mod bare;
pub mod doctor;
mod error;
mod files;
mod habits;
mod lock;
pub mod month;
pub mod paths;
mod settings;
mod split;
mod summary;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::NaiveDate;

pub use error::StoreError;
// Public for the fuzz targets in fuzz/: the parsers of files people edit.
pub use habits::parse_habits;
pub use lock::{DataLock, WriteLock};
pub use month::{Month, parse_month, parse_year};
pub use settings::{Stated, load_settings, load_stated, parse_settings, parse_stated};

use crate::domain::log::DayLog;
use crate::domain::past::Past;
use crate::domain::{Habit, HabitId, Log, default_habits};
use files::{LogFiles, log_files, log_files_from, parse_ron, read_optional_text, read_text};
pub use files::{load_keymap, load_tips};
pub use split::kept_dir;

/// What a file looked like when the store last read or wrote it: enough to
/// tell that someone else has changed it since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
}

/// The file's fingerprint now; `None` when there is no file.
fn fingerprint(path: &Path) -> Result<Option<Fingerprint>, StoreError> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
        })),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io("read", path, err)),
    }
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

    /// Reads the habits and the whole log. Missing files are a fresh start;
    /// a file that cannot be read is an error, and nothing will overwrite it.
    pub fn load(&mut self) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::All)
    }

    /// Like `load`, with only `date`'s month in the log: for a question asked
    /// on every shell prompt.
    pub fn load_day(&mut self, date: NaiveDate) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::Month(Month::of(date)))
    }

    /// Like `load`, except that the months before the one `from` falls in
    /// are summed up in the log's `Past` instead of read, when the summary
    /// kept by an earlier run still holds (see `summary`). When it does not,
    /// every month is read, as by `load`, and the summary is made for next
    /// time.
    pub fn load_recent(&mut self, from: NaiveDate) -> Result<(Vec<Habit>, Log), StoreError> {
        let read = self.load_recent_unchecked(from)?;
        if self.check_summary()? {
            Ok(read)
        } else {
            self.read(Wanted::Recent(Month::of(from)))
        }
    }

    /// `load_recent` for the first frame: `habits.ron`, the summary and the
    /// months from `from`'s on are read, and the summary is trusted before
    /// the older months are looked at, so the first frame waits on nothing
    /// that grows with the history. [`Store::check_summary`] must follow
    /// before the log is changed, saved or read further.
    pub fn load_recent_unchecked(
        &mut self,
        from: NaiveDate,
    ) -> Result<(Vec<Habit>, Log), StoreError> {
        let first = Month::of(from);
        let mut seen = HashMap::new();
        let (habits, habits_missing) = self.read_habits(&mut seen)?;
        let cached = summary::read(&self.dir, &habits)
            .filter(|cached| Some(cached.past.before) == first.first_day());
        let files = log_files_from(&self.dir, first.year)?;
        let Some(cached) = cached.filter(|_| files.years.is_empty()) else {
            return self.read(Wanted::Recent(first));
        };
        let ids: Vec<HabitId> = habits.iter().map(|habit| habit.id.clone()).collect();
        let mut log = Log::new();
        for (month, path) in files
            .months
            .into_iter()
            .filter(|(month, _)| *month >= first)
        {
            seen.insert(path.clone(), fingerprint(&path)?);
            for (date, day) in load_month(&path, month, &ids)? {
                log.insert_day(date, day);
            }
        }
        log.set_past(cached.past.clone());
        self.unchecked = Some(cached);
        self.summed_before = Some(first);
        self.unsplit.clear();
        self.habits_missing = habits_missing;
        self.habits = habits;
        self.seen = seen;
        Ok((self.habits.clone(), log))
    }

    /// Holds the summary `load_recent_unchecked` trusted to the files: the
    /// same older months, each unchanged, and no month on screen it did
    /// not read. `false` means it no longer holds: read again with
    /// `load_recent`. Nothing to check is `true`.
    pub fn check_summary(&mut self) -> Result<bool, StoreError> {
        let (Some(cached), Some(first)) = (self.unchecked.take(), self.summed_before) else {
            return Ok(true);
        };
        let LogFiles { months, years, .. } = log_files(&self.dir)?;
        let unread = months
            .iter()
            .any(|(month, path)| *month >= first && !self.seen.contains_key(path));
        let mut older = summary::Files::new();
        let mut paths = Vec::new();
        for (month, path) in months.into_iter().filter(|(month, _)| *month < first) {
            if let Some(print) = fingerprint(&path)? {
                older.insert(month, print);
                paths.push((path, print));
            }
        }
        if unread || !years.is_empty() || !cached.holds_for(&older) {
            self.summed_before = None;
            return Ok(false);
        }
        self.seen
            .extend(paths.into_iter().map(|(path, print)| (path, Some(print))));
        Ok(true)
    }

    /// The months `load_recent` summed up, read now: for `Log::fill_in`.
    /// Refused when one of them changed since that look (then the whole
    /// store must be read again, as for any change from outside).
    pub fn load_older(&mut self) -> Result<Log, StoreError> {
        let Some(before) = self.summed_before else {
            return Ok(Log::new());
        };
        let ids = self.ids();
        let mut log = Log::new();
        for (month, path) in log_files(&self.dir)?.months {
            if month >= before {
                break;
            }
            if self.seen.get(&path).copied().flatten() != fingerprint(&path)? {
                return Err(StoreError::ChangedOnDisk { path });
            }
            for (date, day) in load_month(&path, month, &ids)? {
                log.insert_day(date, day);
            }
        }
        self.summed_before = None;
        Ok(log)
    }

    fn read(&mut self, wanted: Wanted) -> Result<(Vec<Habit>, Log), StoreError> {
        let mut seen = HashMap::new();
        let (all_habits, habits_missing) = self.read_habits(&mut seen)?;
        let ids: Vec<HabitId> = all_habits.iter().map(|habit| habit.id.clone()).collect();
        let LogFiles { months, years, .. } = log_files(&self.dir)?;
        let mut log = Log::new();
        // Year files not split yet (see `split`) are read as they are, with
        // the months of their years, and those months are not written.
        self.unsplit.clear();
        for (year, path) in years {
            let their_months: Vec<_> = months.iter().filter(|(m, _)| m.year == year).collect();
            let mut read = Vec::new();
            for (month, path) in their_months {
                read.push((path.clone(), load_month(path, *month, &ids)?));
            }
            for (date, day) in split::merged(year, &path, &read, &ids)? {
                log.insert_day(date, day);
            }
            seen.insert(path.clone(), fingerprint(&path)?);
            self.unsplit.insert(year);
        }
        // The months before the first one wanted, as they are now: what the
        // summary made for the next start is held to.
        let mut older = summary::Files::new();
        for (month, path) in months {
            if let Wanted::Month(only) = wanted
                && month != only
            {
                continue;
            }
            let print = fingerprint(&path)?;
            if let (Wanted::Recent(first), Some(print)) = (wanted, print)
                && month < first
            {
                older.insert(month, print);
            }
            seen.insert(path.clone(), print);
            for (date, day) in load_month(&path, month, &ids)? {
                log.insert_day(date, day);
            }
        }
        self.summed_before = None;
        self.unchecked = None;
        if let Wanted::Recent(first) = wanted
            && let Some(before) = first.first_day()
            && log.days_in(..before).next().is_some()
        {
            // A summary that cannot be written costs only speed: the next
            // start reads everything again.
            let past = Past::of(&log, &all_habits, before);
            let _ = summary::write(&self.dir, &older, &past);
        }
        self.habits_missing = habits_missing;
        self.habits = all_habits;
        self.seen = seen;
        Ok((self.habits.clone(), log))
    }

    /// `habits.ron`, or the default habits when there is none (`true`),
    /// its fingerprint put in `seen`.
    fn read_habits(
        &self,
        seen: &mut HashMap<PathBuf, Option<Fingerprint>>,
    ) -> Result<(Vec<Habit>, bool), StoreError> {
        let path = paths::habits_file(&self.dir);
        seen.insert(path.clone(), fingerprint(&path)?);
        let habits = load_habits(&self.dir)?;
        let missing = habits.is_none();
        Ok((habits.unwrap_or_else(default_habits), missing))
    }

    /// Whether a file was changed, added or removed by someone else since the
    /// store last read or wrote it: then `load` again before the next change.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        for (path, was) in &self.seen {
            if fingerprint(path)? != *was {
                return Ok(true);
            }
        }
        let files = log_files(&self.dir)?;
        let mut paths = files.months.iter().map(|(_, path)| path);
        Ok(paths.any(|path| !self.seen.contains_key(path))
            || files
                .years
                .iter()
                .any(|(_, path)| !self.seen.contains_key(path)))
    }

    fn ids(&self) -> Vec<HabitId> {
        self.habits.iter().map(|habit| habit.id.clone()).collect()
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
        while let Some(&month) = self.unsaved.first() {
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
            self.write(&path, &text)?;
            self.unsaved.remove(&month);
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
            let log_dir = paths::log_dir(&self.dir);
            let years = fs::read_dir(&log_dir).into_iter().flatten().flatten();
            let dirs = [self.dir.clone(), log_dir.clone()]
                .into_iter()
                .chain(years.map(|entry| entry.path()).filter(|path| path.is_dir()));
            for dir in dirs {
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

/// Which part of the log a read wants.
#[derive(Clone, Copy)]
enum Wanted {
    All,
    Month(Month),
    /// The months from this one on; the older ones summed up when a cached
    /// summary allows.
    Recent(Month),
}

fn load_month(
    path: &Path,
    month: Month,
    habits: &[HabitId],
) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
    parse_month(&read_text(path)?, path, month, habits)
}

/// Reads `habits.ron`: `None` when there is none yet.
pub fn load_habits(dir: &Path) -> Result<Option<Vec<Habit>>, StoreError> {
    read_habits(&paths::habits_file(dir))
}

/// A habits file at `path`: `None` when there is none.
fn read_habits(path: &Path) -> Result<Option<Vec<Habit>>, StoreError> {
    let Some(text) = read_optional_text(path)? else {
        return Ok(None);
    };
    habits::parse_habits(&text, path).map(Some)
}

/// The text of an optional file: `None` when it does not exist.
pub fn read_optional(path: &Path) -> Result<Option<String>, StoreError> {
    read_optional_text(path)
}
