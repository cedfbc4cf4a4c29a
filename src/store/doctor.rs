//! `gutbone doctor`: every data file checked and reported; with `--repair`,
//! each broken one moved aside (never deleted) and the newest backup that
//! reads put in its place.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::copies::{ConflictCopy, conflict_copies, fold, kept_copy};
use super::month::{self, Month};
use super::{
    DataLock, StoreError, WriteLock, atomic, backup, habit_ids, load_settings, paths, read_habits,
};
use crate::domain::HabitId;
use crate::domain::log::DayLog;
use crate::domain::merge::Conflict;

/// One file and what is wrong with it, if anything.
#[derive(Debug)]
pub struct Finding {
    pub path: PathBuf,
    pub problem: Option<StoreError>,
}

/// What `--repair` did with one broken file.
#[derive(Debug, Default)]
pub struct Repair {
    pub path: PathBuf,
    /// Where the broken file now is.
    pub moved_to: PathBuf,
    /// The backup put in its place; `None` when no backup reads.
    pub restored_from: Option<PathBuf>,
    /// Days the broken file still shows, read a line at a time, that the
    /// file now in its place lacks or holds otherwise: they are in
    /// `moved_to`, for the person to copy back.
    pub lacking: Vec<NaiveDate>,
    /// The lines of `moved_to` that look like a day but do not read (the
    /// mistake is among them): what they hold is in no file that reads.
    pub unreadable: Vec<usize>,
}

/// Whether `--repair` may touch a file with this problem. A file from a newer
/// gutbone is not broken: this build cannot read it, and must not replace it.
fn repairable(problem: &StoreError) -> bool {
    !matches!(problem, StoreError::NewerVersion { .. })
}

/// What `check` found: each file, and the files under `log/` it does not
/// read (named unlike a month file).
#[derive(Debug)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub unread: Vec<PathBuf>,
    /// File-sync tools' conflict copies, not read until folded in.
    pub copies: Vec<ConflictCopy>,
}

/// Checks `habits.ron`, every log file and `settings.ron`, in that order; a
/// year file of the layout before months is also checked against the month
/// files of its year (the two must not disagree on a day). Holds the lock
/// meanwhile, so no gutbone writes while it reads.
pub fn check(data_dir: &Path, settings: &Path) -> Result<Report, StoreError> {
    let _lock = DataLock::acquire(data_dir)?;
    let mut findings = Vec::new();
    let habits_file = paths::habits_file(data_dir);
    // While habits.ron does not read, the log is read for everything but
    // the habits its days name: no month is blamed for them.
    // Gone, when it was synced: put back, not begun afresh; meanwhile no
    // month is blamed for habits only it defined.
    let gone = (!habits_file.exists())
        .then(|| super::gone_since_sync(data_dir, &habits_file))
        .flatten();
    let (ids, problem) = match (gone, habit_ids(&habits_file)) {
        (Some(gone), _) => (Vec::new(), Some(gone)),
        (None, Ok(ids)) => (ids, None),
        (None, Err(err)) => (Vec::new(), Some(err)),
    };
    if habits_file.exists() || problem.is_some() {
        findings.push(Finding {
            path: habits_file,
            problem,
        });
    }
    let files = log_files(data_dir)?;
    for (file, path) in &files {
        let problem = match file {
            LogFile::Year(year) => clash(*year, path, &files, &ids).err(),
            LogFile::Month(_) => file.read(path, &ids).err(),
        };
        findings.push(Finding {
            path: path.clone(),
            problem,
        });
    }
    if settings.exists() {
        findings.push(Finding {
            path: settings.to_owned(),
            problem: load_settings(settings).err(),
        });
    }
    let copies = conflict_copies(data_dir)?;
    let mut unread = super::log_files(data_dir)?.others;
    unread.retain(|path| !copies.iter().any(|copy| copy.copy == *path));
    Ok(Report {
        findings,
        unread,
        copies,
    })
}

/// A year file read with the months of its year, as a start would.
fn clash(
    year: i32,
    path: &Path,
    files: &[(LogFile, PathBuf)],
    ids: &[HabitId],
) -> Result<(), StoreError> {
    let mut months = Vec::new();
    for (file, month_path) in files {
        if let LogFile::Month(m) = file
            && m.year == year
            && let Ok(days) = file.read(month_path, ids)
        {
            months.push((month_path.clone(), days));
        }
    }
    super::split::merged(year, path, &months, ids).map(|_| ())
}

/// A conflict copy, and what came of folding it into its original.
#[derive(Debug)]
pub struct Folded {
    pub copy: ConflictCopy,
    /// Where the copy now is.
    pub kept: PathBuf,
    /// What the two disagreed on; why it was not folded, when it was not
    /// (it or its original does not read): then it stays where it is.
    pub outcome: Result<Vec<Conflict>, StoreError>,
}

/// Folds every conflict copy into its original (see `copies`), each copy
/// then moved into `backups/conflict-copies/`.
pub fn fold_copies(data_dir: &Path, today: NaiveDate) -> Result<Vec<Folded>, StoreError> {
    let _lock = DataLock::acquire(data_dir)?;
    let _writing = WriteLock::acquire(data_dir)?;
    let mut folded = Vec::new();
    for copy in conflict_copies(data_dir)? {
        folded.push(Folded {
            kept: kept_copy(data_dir, &copy.copy),
            outcome: fold(data_dir, &copy, today),
            copy,
        });
    }
    Ok(folded)
}

/// Moves each broken data file aside as `NAME.broken-<timestamp>` and
/// restores the newest backup of it that reads; a broken `settings` file is
/// moved aside, so the defaults apply. Nothing is deleted, and a file from a
/// newer gutbone is left as it is.
pub fn repair(
    data_dir: &Path,
    settings: &Path,
    now: NaiveDateTime,
) -> Result<Vec<Repair>, StoreError> {
    let _lock = DataLock::acquire(data_dir)?;
    let _writing = WriteLock::acquire(data_dir)?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    let mut repairs = Vec::new();

    let habits_file = paths::habits_file(data_dir);
    if read_habits(&habits_file).is_err_and(|err| repairable(&err)) {
        let restored = restore(data_dir, &habits_file, &stamp, |path| {
            read_habits(path).is_ok()
        })?;
        repairs.push(restored);
    }
    // A month is never moved aside for the habits its days name: a backup
    // of habits.ron may lack one added since, and the days are whole. The
    // check after says which habit to put back.
    let ids = Vec::new();
    for (file, path) in log_files(data_dir)? {
        if file.read(&path, &ids).is_err_and(|err| repairable(&err)) {
            let broken = super::read_text(&path).unwrap_or_default();
            let mut repaired = restore(data_dir, &path, &stamp, |copy| {
                file.read(copy, &ids).is_ok()
            })?;
            let restored = match repaired.restored_from {
                Some(_) => file.read(&path, &ids)?,
                None => Vec::new(),
            };
            let (salvaged, unreadable) = salvage(&broken, file, &ids);
            repaired.lacking = salvaged
                .into_iter()
                .filter(|day| !restored.contains(day))
                .map(|(date, _)| date)
                .collect();
            repaired.unreadable = unreadable;
            repairs.push(repaired);
        }
    }
    if load_settings(settings).is_err_and(|err| repairable(&err)) {
        // Never written by gutbone, so there is no backup: the defaults
        // apply until the person puts a corrected file back.
        let moved_to = move_aside(settings, &stamp)?;
        repairs.push(Repair {
            path: settings.to_owned(),
            moved_to,
            ..Default::default()
        });
    }
    Ok(repairs)
}

/// The days of a broken log file that still read, each line on its own, as
/// gutbone writes them (one day a line), and the numbers of the lines that
/// look like a day but do not read.
fn salvage(text: &str, file: LogFile, ids: &[HabitId]) -> (Vec<(NaiveDate, DayLog)>, Vec<usize>) {
    let mut days = Vec::new();
    let mut unreadable = Vec::new();
    // A line with a date on it holds a day, or several when written by hand
    // on one line; one that does not read alone is named.
    let has_date = |line: &str| {
        line.match_indices('"').any(|(at, _)| {
            line.get(at + 1..at + 11)
                .is_some_and(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok())
        })
    };
    let day_lines = (1..).zip(text.lines()).filter(|(_, line)| has_date(line));
    for (number, line) in day_lines {
        if let Ok(read) = file.parse(line, Path::new(""), ids) {
            days.extend(read);
            continue;
        }
        let day = line.trim().trim_end_matches(',');
        let alone = match file {
            LogFile::Month(m) => format!(
                "(version: {}, year: {}, month: {}, days: {{{day}}})",
                month::VERSION,
                m.year,
                m.month
            ),
            LogFile::Year(year) => format!("(version: 2, year: {year}, days: {{{day}}})"),
        };
        match file.parse(&alone, Path::new(""), ids) {
            Ok(read) => days.extend(read),
            Err(_) => unreadable.push(number),
        }
    }
    (days, unreadable)
}

/// A file of the log: a month, or a year of the layout before months.
#[derive(Clone, Copy)]
enum LogFile {
    Month(Month),
    Year(i32),
}

impl LogFile {
    fn parse(
        self,
        text: &str,
        path: &Path,
        ids: &[HabitId],
    ) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
        match self {
            LogFile::Month(m) => month::parse_month(text, path, m, ids),
            LogFile::Year(year) => month::parse_year(text, path, year, ids),
        }
    }

    fn read(self, path: &Path, ids: &[HabitId]) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
        self.parse(&super::read_text(path)?, path, ids)
    }
}

/// Every log file, year files of the old layout first (a start splits
/// them into months).
fn log_files(data_dir: &Path) -> Result<Vec<(LogFile, PathBuf)>, StoreError> {
    let files = super::log_files(data_dir)?;
    let years = files.years.into_iter().map(|(y, p)| (LogFile::Year(y), p));
    let months = files
        .months
        .into_iter()
        .map(|(m, p)| (LogFile::Month(m), p));
    Ok(years.chain(months).collect())
}

fn restore(
    data_dir: &Path,
    path: &Path,
    stamp: &str,
    reads: impl Fn(&Path) -> bool,
) -> Result<Repair, StoreError> {
    let moved_to = move_aside(path, stamp)?;
    let relative = path.strip_prefix(data_dir).unwrap_or(path);
    let copies =
        backup::copies_of(data_dir, relative).map_err(|err| StoreError::io("read", path, err))?;
    let restored_from = copies.into_iter().find(|copy| reads(copy));
    if let Some(copy) = &restored_from {
        let bytes = fs::read(copy).map_err(|err| StoreError::io("read", copy, err))?;
        atomic::write_atomic(path, &bytes).map_err(|err| StoreError::io("restore", path, err))?;
    }
    Ok(Repair {
        path: path.to_owned(),
        moved_to,
        restored_from,
        ..Default::default()
    })
}

/// Renames `path` to `NAME.broken-<stamp>` beside it.
fn move_aside(path: &Path, stamp: &str) -> Result<PathBuf, StoreError> {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".broken-{stamp}"));
    let moved_to = path.with_file_name(name);
    fs::rename(path, &moved_to).map_err(|err| StoreError::io("move aside", path, err))?;
    Ok(moved_to)
}
