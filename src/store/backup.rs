//! Daily backups: before the first write of a day, the version about to be
//! replaced is copied to `backups/YYYY-MM-DD/` under the data directory, at
//! the same relative path. The newest [`KEEP_DAYS`] days are kept.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::atomic::write_atomic;

/// How many daily copies are kept.
pub const KEEP_DAYS: usize = 14;

pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Copies `path` (inside `data_dir`) into today's backup unless today's copy
/// already exists, then drops the days beyond the newest [`KEEP_DAYS`].
/// A missing `path` has nothing to back up.
pub fn backup_before_write(data_dir: &Path, path: &Path, today: NaiveDate) -> io::Result<()> {
    let Ok(relative) = path.strip_prefix(data_dir) else {
        return Ok(());
    };
    let copy = backups_dir(data_dir)
        .join(today.format("%Y-%m-%d").to_string())
        .join(relative);
    if copy.exists() {
        return Ok(());
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    if let Some(parent) = copy.parent() {
        fs::create_dir_all(parent)?;
    }
    write_atomic(&copy, &bytes)?;
    prune(data_dir)
}

/// The days with backups, newest first.
pub fn backup_days(data_dir: &Path) -> io::Result<Vec<(NaiveDate, PathBuf)>> {
    let mut days = Vec::new();
    for entry in super::files::list(&backups_dir(data_dir))? {
        let name = entry.file_name();
        if let Some(day) = name
            .to_str()
            .and_then(|name| NaiveDate::parse_from_str(name, "%Y-%m-%d").ok())
        {
            days.push((day, entry.path()));
        }
    }
    days.sort_by_key(|(day, _)| std::cmp::Reverse(*day));
    Ok(days)
}

/// The backed-up copies of `relative` (a path inside the data directory),
/// newest first.
pub fn copies_of(data_dir: &Path, relative: &Path) -> io::Result<Vec<PathBuf>> {
    Ok(backup_days(data_dir)?
        .into_iter()
        .map(|(_, day)| day.join(relative))
        .filter(|copy| copy.is_file())
        .collect())
}

fn prune(data_dir: &Path) -> io::Result<()> {
    for (_, old) in backup_days(data_dir)?.into_iter().skip(KEEP_DAYS) {
        fs::remove_dir_all(old)?;
    }
    Ok(())
}
