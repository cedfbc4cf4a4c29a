//! The only module that touches the disk: where files live, reading and
//! writing the log as RON, atomic writes, backups and the single-writer lock.
//!
//! The log is kept as one file per year (`log/2026.ron`), so a save rewrites
//! one year, never the whole history. Every file the store reads or writes
//! is fingerprinted, so a change made from outside (a hand edit, a sync tool,
//! the command line) is noticed and reloaded, never written over.

mod atomic;
pub mod backup;
pub mod bare;
mod cursor;
pub mod doctor;
mod error;
mod format;
mod habits;
#[cfg(test)]
mod loader_properties;
mod lock;
pub mod paths;
mod settings;
mod summary;
mod year_lines;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{Datelike, NaiveDate};

pub use error::StoreError;
// Public for the fuzz targets in fuzz/: the parsers of files people edit.
pub use format::parse_year;
pub use habits::parse_habits;
pub use lock::{DataLock, WriteLock};
pub use settings::{Stated, load_settings, load_stated, parse_settings, parse_stated};

use crate::domain::past::Past;
use crate::domain::{Habit, HabitId, Log, default_habits};

/// What a file looked like when the store last read or wrote it: enough to
/// tell that someone else has changed it since.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// Years whose last save failed: retried with every later save.
    unsaved: BTreeSet<i32>,
    /// Each file as last read or written (`None`: known to be absent).
    seen: BTreeMap<PathBuf, Option<Fingerprint>>,
    /// The first day read when the days before were only summed up
    /// (`load_recent`): those days must never be written from this log.
    summed_before: Option<NaiveDate>,
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

    /// Opens `dir` for a command: no app lock, so it works while the app is
    /// open; call `lock_for_writing` before reading what it will change.
    pub fn open_for_command(dir: &Path) -> Self {
        Self::new(dir, None)
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
            seen: BTreeMap::new(),
            summed_before: None,
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

    /// Reads the habits and the whole log. Missing files are a fresh start;
    /// a file that cannot be read is an error, and nothing will overwrite it.
    pub fn load(&mut self) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::All)
    }

    /// Like `load`, with only `date` in the log: the one line that holds it
    /// when its year file is laid out as gutbone writes it, else the year.
    /// For a question asked on every shell prompt.
    pub fn load_day(&mut self, date: NaiveDate) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::Day(date))
    }

    /// Like `load`, except that the days before `from` are summed up in the
    /// log's `Past` instead of read, when the summary cached by an earlier
    /// run still holds (see `summary`). When it does not, every year is
    /// read, as by `load`, and the summary is made for next time.
    pub fn load_recent(&mut self, from: NaiveDate) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::Recent(from))
    }

    /// The days `load_recent` summed up, read now: for `Log::fill_in`.
    /// Refused when one of their files changed since that look (then the
    /// whole store must be read again, as for any change from outside).
    pub fn load_older(&mut self) -> Result<Log, StoreError> {
        let Some(before) = self.summed_before else {
            return Ok(Log::new());
        };
        let mut log = Log::new();
        for (year, _) in year_files(&self.dir)? {
            if year > before.year() {
                break;
            }
            for (date, day) in self.days_before(year, before)? {
                log.insert_day(date, day);
            }
        }
        self.summed_before = None;
        Ok(log)
    }

    /// The days of `year` before `before`, from its file as this store last
    /// saw it: refused when the file has changed since.
    fn days_before(&self, year: i32, before: NaiveDate) -> Result<Days, StoreError> {
        let path = paths::year_file(&self.dir, year);
        let now = fingerprint(&path)?;
        if self.seen.get(&path).copied().flatten() != now {
            return Err(StoreError::ChangedOnDisk { path });
        }
        if now.is_none() {
            return Ok(Days::new());
        }
        let mut days = load_year(&path, year, &self.ids())?;
        days.retain(|(date, _)| *date < before);
        Ok(days)
    }

    fn read(&mut self, wanted: Wanted) -> Result<(Vec<Habit>, Log), StoreError> {
        let mut seen = BTreeMap::new();
        let habits_file = paths::habits_file(&self.dir);
        seen.insert(habits_file.clone(), fingerprint(&habits_file)?);
        let habits = load_habits(&self.dir)?;
        let habits_missing = habits.is_none();
        let all_habits = habits.unwrap_or_else(default_habits);
        let ids: Vec<HabitId> = all_habits.iter().map(|habit| habit.id.clone()).collect();
        let files = year_files(&self.dir)?;
        // The older files as they are now, and the head of the file `from`
        // falls in: what a cached summary must match.
        let mut older = summary::Files::new();
        let mut past = None;
        let mut split = Split::default();
        if let Wanted::Recent(from) = wanted {
            for (year, path) in files.iter().filter(|(year, _)| *year < from.year()) {
                older.insert(*year, fingerprint(path)?);
            }
            split = Split::read(&paths::year_file(&self.dir, from.year()), from)?;
            past = summary::read(&self.dir, &older, &all_habits)
                .filter(|(past, head)| past.before == from && split.head == Some(*head))
                .map(|(past, _)| past);
        }
        let mut log = Log::new();
        for (year, path) in files {
            let days = match wanted {
                Wanted::Recent(from) if year < from.year() && past.is_some() => {
                    seen.insert(path.clone(), older.get(&year).copied().flatten());
                    continue;
                }
                Wanted::Recent(from) if year == from.year() => {
                    split.days(&path, year, &ids, past.is_some())?
                }
                Wanted::All | Wanted::Recent(_) => load_year(&path, year, &ids)?,
                Wanted::Day(date) if year == date.year() => load_day(&path, date, &ids)?,
                Wanted::Day(_) => continue,
            };
            seen.insert(path.clone(), fingerprint(&path)?);
            for (date, day) in days {
                log.insert_day(date, day);
            }
        }
        self.summed_before = None;
        if let Wanted::Recent(from) = wanted {
            match past {
                Some(past) => {
                    log.set_past(past);
                    self.summed_before = Some(from);
                }
                // A summary that cannot be written costs only speed: the
                // next start reads everything again.
                None if !older.is_empty() || log.days_in(..from).next().is_some() => {
                    if let Some(head) = split.head {
                        let past = Past::of(&log, &all_habits, from);
                        let _ = summary::write(&self.dir, &older, head, &past);
                    }
                }
                None => {}
            }
        }
        self.habits_missing = habits_missing;
        self.habits = all_habits;
        self.seen = seen;
        Ok((self.habits.clone(), log))
    }

    /// Whether a file was changed, added or removed by someone else since the
    /// store last read or wrote it: then `load` again before the next change.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        for (path, was) in &self.seen {
            if fingerprint(path)? != *was {
                return Ok(true);
            }
        }
        Ok(year_files(&self.dir)?
            .iter()
            .any(|(_, path)| !self.seen.contains_key(path)))
    }

    fn ids(&self) -> Vec<HabitId> {
        self.habits.iter().map(|habit| habit.id.clone()).collect()
    }

    /// Saves the year holding `date`, plus anything whose earlier save failed.
    pub fn save_day(&mut self, log: &Log, date: NaiveDate) -> Result<(), StoreError> {
        self.save_days(log, [date])
    }

    /// Saves every year holding one of `dates`, plus anything unsaved.
    pub fn save_days(
        &mut self,
        log: &Log,
        dates: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<(), StoreError> {
        self.unsaved
            .extend(dates.into_iter().map(|date| date.year()));
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
        while let Some(&year) = self.unsaved.first() {
            let path = paths::year_file(&self.dir, year);
            let unread = |before: NaiveDate| {
                NaiveDate::from_ymd_opt(year, 1, 1)
                    .is_none_or(|start| log.days_in(start..before).next().is_some())
            };
            if self.summed_before.is_some_and(|before| {
                year < before.year() || year == before.year() && unread(before)
            }) {
                // The log holds only a summary of these days: writing the
                // file from the log would drop them.
                return Err(StoreError::Verify {
                    path,
                    detail: "this year has not been read in yet, so it cannot be saved".into(),
                });
            }
            let text = match self.summed_before {
                // The log holds this year from `before` on: the days before
                // come from the file as it stands.
                Some(before) if before.year() == year && before.ordinal() > 1 => {
                    let mut whole = Log::new();
                    for (date, day) in self.days_before(year, before)? {
                        whole.insert_day(date, day);
                    }
                    for (date, day) in log.days_in(before..) {
                        whole.insert_day(date, day.clone());
                    }
                    format::render_year(&whole, year, &ids, &path)?
                }
                _ => format::render_year(log, year, &ids, &path)?,
            };
            self.write(&path, &text)?;
            self.unsaved.remove(&year);
        }
        Ok(())
    }

    /// Writes `text` to `path`: nothing when the file already holds it, a
    /// refusal when someone else changed the file since it was read, and
    /// otherwise today's backup of the old version, then an atomic write.
    fn write(&mut self, path: &Path, text: &str) -> Result<(), StoreError> {
        // A command may be writing too: wait for it, then look again.
        let _moment = match self.write_lock {
            Some(_) => None,
            None => Some(WriteLock::acquire(&self.dir)?),
        };
        if !self.tidied {
            // Under the write lock, no save is half done: a temporary is a leftover.
            for dir in [self.dir.clone(), paths::log_dir(&self.dir)] {
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
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        backup::backup_before_write(&self.dir, path, today)
            .map_err(|err| StoreError::io("back up", path, err))?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .map_err(|err| StoreError::io("create the folder", parent, err))?;
        }
        atomic::write_atomic(path, text.as_bytes())
            .map_err(|err| StoreError::io("save", path, err))?;
        self.seen.insert(path.to_owned(), fingerprint(path)?);
        Ok(())
    }
}

/// The built-in tips plus the person's own. A problem with theirs is told in
/// the app, not fatal: the built-in tips still load.
pub fn load_tips(path: &Path, habits: &[HabitId]) -> (crate::coach::Tips, Option<String>) {
    let mut tips = crate::coach::Tips::builtin();
    let problem = match read_optional(path) {
        Ok(None) => None,
        Ok(Some(text)) => tips.add_user(&text, habits).err().map(|err| {
            format!(
                "{} line {}, column {}: {}. Your own tips were not loaded; the built-in ones were.",
                path.display(),
                err.line,
                err.column,
                err.message
            )
        }),
        Err(err) => Some(format!("{err}. Your own tips were not loaded.")),
    };
    (tips, problem)
}

/// The keys in force and, when `keys.ron` could not be used, why: its
/// mistakes leave every default key in place.
pub fn load_keymap(path: &Path) -> (crate::keymap::Keymap, Option<String>) {
    match read_optional(path) {
        Ok(None) => (Default::default(), None),
        Ok(Some(text)) => match crate::keymap::Keymap::parse(&text) {
            Ok(keymap) => (keymap, None),
            Err(err) => (
                Default::default(),
                Some(format!(
                    "{} line {}, column {}: {}. The default keys are in force.",
                    path.display(),
                    err.line,
                    err.column,
                    err.message
                )),
            ),
        },
        Err(err) => (
            Default::default(),
            Some(format!("{err}. The default keys are in force.")),
        ),
    }
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
/// Any data file read leniently when it fails to parse, to tell a newer
/// file from a broken one.
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Reads a data file with a `version`: a located mistake, a refusal of a
/// file newer than `supported`, and of version 0, which never existed.
fn parse_ron<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
    supported: u32,
    version: impl Fn(&T) -> u32,
) -> Result<T, StoreError> {
    let newer = |found: u32| StoreError::NewerVersion {
        path: path.to_owned(),
        found,
        supported,
    };
    let file: T = match ron::from_str(text) {
        Ok(file) => file,
        Err(err) => {
            // A newer file may have a shape this build cannot read: say it
            // is newer rather than list fields this build does not know.
            if let Ok(probe) = ron::from_str::<VersionProbe>(text)
                && probe.version > supported
            {
                return Err(newer(probe.version));
            }
            return Err(StoreError::parse(
                path,
                err.span.start.line,
                err.span.start.col,
                crate::position::ron_message(&err.code),
            ));
        }
    };
    match version(&file) {
        0 => {
            let (line, column) = crate::position::locate(text, "version");
            Err(StoreError::parse(
                path,
                line,
                column,
                "version 0 does not exist; the first version is 1",
            ))
        }
        found if found > supported => Err(newer(found)),
        _ => Ok(file),
    }
}

/// The text of an optional file: `None` when it does not exist.
pub fn read_optional(path: &Path) -> Result<Option<String>, StoreError> {
    read_optional_text(path)
}

/// The year files under `dir/log`, oldest first; none when it is missing.
fn year_files(dir: &Path) -> Result<Vec<(i32, PathBuf)>, StoreError> {
    let log_dir = paths::log_dir(dir);
    let entries = match fs::read_dir(&log_dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(StoreError::io("read the folder", log_dir, err)),
    };
    let mut years = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| StoreError::io("read the folder", &log_dir, err))?;
        let name = entry.file_name();
        if let Some(year) = name.to_str().and_then(paths::year_of_file_name) {
            if !crate::domain::date::YEARS.contains(&year) {
                return Err(StoreError::parse(
                    &entry.path(),
                    1,
                    1,
                    format!(
                        "the name says the year {year}, outside the years gutbone keeps \
                         ({} to {}); move the file out of the log folder",
                        crate::domain::date::YEARS.start(),
                        crate::domain::date::YEARS.end()
                    ),
                ));
            }
            years.push((year, entry.path()));
        }
    }
    years.sort();
    Ok(years)
}

/// Which part of the log a read wants.
#[derive(Clone, Copy)]
enum Wanted {
    All,
    Day(NaiveDate),
    /// The days from this one on; the older ones summed up when a cached
    /// summary allows.
    Recent(NaiveDate),
}

/// The year file a `Recent` read begins in, read before the summary is
/// looked at, as that must match its head.
struct Split {
    /// `None`: there is no such file.
    text: Option<String>,
    /// Where its days from the summary's end on begin (`offset_of`); `None`
    /// when it is not laid out as gutbone writes it.
    offset: Option<usize>,
    /// The head a summary ending there must have (`Some(None)` when there
    /// is no file); `None` when none can be made (not gutbone's layout).
    head: Option<Option<summary::Head>>,
}

impl Default for Split {
    /// No such file.
    fn default() -> Self {
        Self {
            text: None,
            offset: None,
            head: Some(None),
        }
    }
}

impl Split {
    fn read(path: &Path, from: NaiveDate) -> Result<Self, StoreError> {
        let Some(text) = read_optional_text(path)? else {
            return Ok(Self::default());
        };
        let offset = year_lines::offset_of(&text, from.year(), from);
        let head = offset.map(|offset| Some(summary::Head::of(&text.as_bytes()[..offset])));
        Ok(Self {
            text: Some(text),
            offset,
            head,
        })
    }

    /// Its days: from the split on when the days before are `summed` up.
    fn days(
        &mut self,
        path: &Path,
        year: i32,
        known: &[HabitId],
        summed: bool,
    ) -> Result<Days, StoreError> {
        let Some(text) = self.text.take() else {
            return load_year(path, year, known);
        };
        let tail = self
            .offset
            .filter(|_| summed)
            .and_then(|offset| year_lines::parse_from(&text, offset, year, known));
        match tail {
            Some(days) => Ok(days),
            None => format::parse_year(&text, path, year, known),
        }
    }
}

type Days = Vec<(NaiveDate, crate::domain::log::DayLog)>;

fn load_year(path: &Path, year: i32, habits: &[HabitId]) -> Result<Days, StoreError> {
    format::parse_year(&read_text(path)?, path, year, habits)
}

/// `date` alone, from its one line when the file allows, else from the
/// whole year (which also reports any mistake where it stands).
fn load_day(path: &Path, date: NaiveDate, habits: &[HabitId]) -> Result<Days, StoreError> {
    let text = read_text(path)?;
    match format::parse_one_day(&text, date, habits) {
        Some(day) => Ok(day.map(|day| (date, day)).into_iter().collect()),
        None => {
            let days = format::parse_year(&text, path, date.year(), habits)?;
            Ok(days.into_iter().filter(|(d, _)| *d == date).collect())
        }
    }
}

fn read_text(path: &Path) -> Result<String, StoreError> {
    let bytes = fs::read(path).map_err(|err| StoreError::io("read", path, err))?;
    into_text(bytes, path)
}

/// Like `read_text`; `None` when there is no file.
fn read_optional_text(path: &Path) -> Result<Option<String>, StoreError> {
    read_optional_bytes(path)?
        .map(|bytes| into_text(bytes, path))
        .transpose()
}

/// A mistake in the encoding is told at its line and column; a byte-order
/// mark some editors write first is left out.
fn into_text(bytes: Vec<u8>, path: &Path) -> Result<String, StoreError> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let valid_up_to = err.utf8_error().valid_up_to();
        format::not_utf8(err.as_bytes(), path, valid_up_to)
    })?;
    if crate::position::without_bom(&text).len() != text.len() {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
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
        let mut store = Store::open(&tmp.path().join("nothing-here")).unwrap();
        assert_eq!(store.load().unwrap(), (default_habits(), Log::new()));
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

    fn sun() -> HabitId {
        HabitId::new("sunlight")
    }

    #[test]
    fn a_save_that_changes_nothing_writes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        store.set_today(d("2026-11-22"));
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), sun(), true);
        store.save_day(&log, d("2026-11-22")).unwrap();
        let path = paths::year_file(tmp.path(), 2026);
        let before = fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        store.save_day(&log, d("2026-11-22")).unwrap();
        store.save_habits(default_habits(), &log).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
        assert!(
            !backup::backups_dir(tmp.path()).exists(),
            "nothing was replaced, so nothing was backed up"
        );
    }

    #[test]
    fn the_leftovers_of_a_save_cut_short_go_with_the_first_write() {
        let tmp = tempfile::tempdir().unwrap();
        let log_dir = paths::log_dir(tmp.path());
        fs::create_dir_all(&log_dir).unwrap();
        let leftovers = [
            tmp.path().join(".gutbone-abc123.tmp"),
            log_dir.join(".gutbone-def456.tmp"),
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
        assert!(paths::year_file(tmp.path(), 2026).exists());
    }

    #[test]
    fn the_first_write_of_a_day_backs_up_the_version_it_replaces() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        store.set_today(d("2026-11-21"));
        let mut log = Log::new();
        log.set_done(d("2026-11-21"), sun(), true);
        store.save_day(&log, d("2026-11-21")).unwrap();
        let monday = fs::read_to_string(paths::year_file(tmp.path(), 2026)).unwrap();
        store.set_today(d("2026-11-22"));
        log.set_done(d("2026-11-22"), sun(), true);
        store.save_day(&log, d("2026-11-22")).unwrap();
        log.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
        store.save_day(&log, d("2026-11-22")).unwrap();
        let copies = backup::copies_of(tmp.path(), Path::new("log/2026.ron")).unwrap();
        assert_eq!(copies.len(), 1);
        assert_eq!(fs::read_to_string(&copies[0]).unwrap(), monday);
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
        let path = paths::year_file(tmp.path(), 2026);
        let mut other = log.clone();
        other.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
        let text = format::render_year(&other, 2026, &ids(), &path).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, &text).unwrap();
        assert!(store.changed_on_disk().unwrap());

        // A save from the stale log is refused, and the file keeps their day.
        log.set_done(d("2026-11-20"), sun(), true);
        assert!(matches!(
            store.save_day(&log, d("2026-11-20")),
            Err(StoreError::ChangedOnDisk { .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), text);

        // Read again, the change lands on top of theirs.
        let (_, mut fresh) = store.load().unwrap();
        assert_eq!(fresh, other);
        fresh.set_done(d("2026-11-20"), sun(), true);
        store.save_day(&fresh, d("2026-11-20")).unwrap();
        assert_eq!(store.load().unwrap().1, fresh);
    }

    #[test]
    fn a_new_year_file_from_outside_is_noticed() {
        let tmp = tempfile::tempdir().unwrap();
        let mut store = Store::open(tmp.path()).unwrap();
        store.load().unwrap();
        fs::create_dir_all(paths::log_dir(tmp.path())).unwrap();
        fs::write(
            paths::year_file(tmp.path(), 2025),
            "(version: 2, year: 2025, days: {})",
        )
        .unwrap();
        assert!(store.changed_on_disk().unwrap());
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
