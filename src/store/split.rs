//! The log's layout before months: one file a year (`log/2026.ron`,
//! versions 1 and 2). It is split into month files once, before anything
//! else reads the log: every month written atomically (with the year file's
//! permissions, merged with any month file already there), then the year
//! file moved, as it was, into `backups/before-months/`, which no pruning
//! touches. Until it can be split (gutbone open elsewhere, a read-only
//! folder), its days are read as they are and its months are not written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::files::{log_files, log_files_from, read_optional_text, read_text};
use super::month::{self, DaysRead, Month};
use super::{DataLock, Store, StoreError, atomic, backup, habit_ids, paths};
use crate::domain::log::DayLog;
use crate::domain::{HabitId, Log};

/// The folder the split year files are kept in, for good.
pub fn kept_dir(data_dir: &Path) -> PathBuf {
    backup::backups_dir(data_dir).join("before-months")
}

impl Store {
    /// Splits the year files of the layout before months, if any, and says
    /// what became of them, for the person: split, or why not yet.
    pub fn split_year_files(&mut self) -> Result<Option<String>, StoreError> {
        // A look at `log/` itself, not into each year's folder.
        let years = log_files_from(&self.dir, i32::MAX)?.years;
        if years.is_empty() {
            return Ok(None);
        }
        let names: Vec<String> = years
            .iter()
            .map(|(year, _)| format!("log/{year}.ron"))
            .collect();
        let names = names.join(", ");
        let later = |why: &str| {
            Some(format!(
                "{names}: one file a year, as an older gutbone kept the log; {why}, so it is \
                 read as it is and not split into months yet"
            ))
        };
        // Not while a gutbone holds the app's lock: an older one would write
        // its year file again beside the months.
        let _app = match self._session {
            Some(_) => None,
            None => match DataLock::acquire(&self.dir) {
                Ok(lock) => Some(lock),
                Err(StoreError::Locked { .. }) => return Ok(later("gutbone is open elsewhere")),
                Err(err) if err.is_read_only() => return Ok(later("the folder is read-only")),
                Err(err) => return Err(err),
            },
        };
        let _moment = match self.moment() {
            Err(err) if err.is_read_only() => return Ok(later("the folder is read-only")),
            moment => moment?,
        };
        let ids = habit_ids(&paths::habits_file(&self.dir))?;
        // Every year is checked against the months already there before
        // anything is written.
        let mut splits = Vec::new();
        for (year, path) in &years {
            let months = month_days(&self.dir, *year, &ids)?;
            splits.push((path, merged(*year, path, &months, &ids)?));
        }
        let mut links = Vec::new();
        for (path, days) in splits {
            let mode = fs::metadata(path)
                .map_err(|err| StoreError::io("read", path, err))?
                .permissions();
            let mut log = Log::new();
            for (date, day) in days {
                log.insert_day(date, day);
            }
            let months: std::collections::BTreeSet<Month> =
                log.days_in(..).map(|(date, _)| Month::of(date)).collect();
            for month in months {
                let target = paths::month_file(&self.dir, month);
                let text = month::render_month(&log, month, &ids, &target)?;
                if read_optional_text(&target)?.as_deref() == Some(text.as_str()) {
                    continue;
                }
                super::create_parent(&target)?;
                atomic::write_atomic(&target, text.as_bytes())
                    .and_then(|()| fs::set_permissions(&target, mode.clone()))
                    .map_err(|err| StoreError::io("save", &target, err))?;
            }
            if let Ok(link) = fs::read_link(path) {
                links.push(format!(
                    "{} was a link to {}",
                    path.display(),
                    link.display()
                ));
            }
            keep(&self.dir, path)?;
        }
        let (it, was, is) = match years.len() {
            1 => ("it", "was", "is"),
            _ => ("they", "were", "are"),
        };
        let kept = kept_dir(&self.dir);
        let mut note = format!(
            "the log is now one file a month (log/2026/11.ron); {names}, as {it} {was}, {is} \
             kept in {}",
            kept.display()
        );
        for link in links {
            note += &format!("; {link}, which now holds no more of the log");
        }
        Ok(Some(note))
    }
}

/// Moves a split year file (a link stays a link) into `before-months`,
/// beside any of the same name kept before.
fn keep(data_dir: &Path, path: &Path) -> Result<(), StoreError> {
    let dir = kept_dir(data_dir);
    fs::create_dir_all(&dir).map_err(|err| StoreError::io("create the folder", &dir, err))?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut target = dir.join(&*name);
    for n in 2.. {
        if fs::symlink_metadata(&target).is_err() {
            break;
        }
        target = dir.join(format!("{name}.{n}"));
    }
    fs::rename(path, &target).map_err(|err| StoreError::io("move into the backups", path, err))
}

/// The month files of `year`, read.
fn month_days(
    data_dir: &Path,
    year: i32,
    ids: &[HabitId],
) -> Result<Vec<(PathBuf, DaysRead)>, StoreError> {
    let mut months = Vec::new();
    for (month, path) in log_files(data_dir)?.months {
        if month.year == year {
            let days = month::parse_month(&read_text(&path)?, &path, month, ids)?;
            months.push((path, days));
        }
    }
    Ok(months)
}

/// A year file's days with those of the month files already there: one day
/// in both must be written the same in both, or which is right is the
/// person's to say (told at the day in the year file).
pub fn merged(
    year: i32,
    path: &Path,
    months: &[(PathBuf, DaysRead)],
    ids: &[HabitId],
) -> Result<DaysRead, StoreError> {
    let text = read_text(path)?;
    let mut days: BTreeMap<NaiveDate, DayLog> = month::parse_year(&text, path, year, ids)?
        .into_iter()
        .collect();
    for (month_path, month_days) in months {
        for (date, day) in month_days {
            match days.get(date) {
                Some(theirs) if theirs != day => {
                    return Err(StoreError::at(
                        path,
                        &text,
                        &format!("\"{}\"", date.format("%Y-%m-%d")),
                        format!(
                            "{date} is in {} too, written otherwise; keep the one that is \
                             right (edit the other, or move it aside)",
                            month_path.display()
                        ),
                    ));
                }
                _ => {
                    days.insert(*date, day.clone());
                }
            }
        }
    }
    Ok(days.into_iter().collect())
}
