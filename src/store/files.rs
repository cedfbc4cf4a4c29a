//! Reading the files a person may edit: text (with the encoding checked and
//! a byte-order mark left out), RON with its mistakes located, and the list
//! of the log's files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::month::Month;
use super::{StoreError, paths};
use crate::domain::date::YEARS;

pub fn read_text(path: &Path) -> Result<String, StoreError> {
    let bytes = fs::read(path).map_err(|err| StoreError::io("read", path, err))?;
    into_text(bytes, path)
}

/// Like `read_text`; `None` when there is no file.
pub fn read_optional_text(path: &Path) -> Result<Option<String>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => into_text(bytes, path).map(Some),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io("read", path, err)),
    }
}

/// A mistake in the encoding is told at its line and column; a byte-order
/// mark some editors write first is left out.
fn into_text(bytes: Vec<u8>, path: &Path) -> Result<String, StoreError> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let valid = String::from_utf8_lossy(&err.as_bytes()[..err.utf8_error().valid_up_to()]);
        let (line, column) = crate::position::line_and_column(&valid, valid.len());
        let message = "this is not text (not valid UTF-8); was a binary file saved here?";
        StoreError::parse(path, line, column, message)
    })?;
    if crate::position::without_bom(&text).len() != text.len() {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// RON as gutbone reads and writes the files people edit: an optional
/// value stands bare (`step: 5.0`), as a person would write it, not as
/// `Some(5.0)`; without `#![enable(implicit_some)]` on top of each file.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Any data file read leniently when it fails to parse, to tell a newer
/// file from a broken one.
#[derive(serde::Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Reads a data file with a `version`: a mistake in its syntax or shape at
/// its line and column, a refusal of a file newer than `supported`, and of
/// version 0, which never existed.
pub fn parse_ron<T: serde::de::DeserializeOwned>(
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
    let file: T = match ron_options().from_str(text) {
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
        0 => Err(StoreError::at(
            path,
            text,
            "version",
            "version 0 does not exist; the first version is 1",
        )),
        found if found > supported => Err(newer(found)),
        _ => Ok(file),
    }
}

/// The log's files: the month files under `log/YYYY/`, oldest first, and
/// the year files of the layout before months (`log/YYYY.ron`).
#[derive(Debug, Default)]
pub struct LogFiles {
    pub months: Vec<(Month, PathBuf)>,
    pub years: Vec<(i32, PathBuf)>,
    /// RON files under `log/` by other names (`1.ron`, `11 (copy).ron`):
    /// not read, which `doctor` says.
    pub others: Vec<PathBuf>,
}

/// What is in `dir/log`; nothing when it is missing. A year outside
/// [`YEARS`] is a file gutbone will not read past: refused, never skipped.
pub fn log_files(dir: &Path) -> Result<LogFiles, StoreError> {
    log_files_from(dir, i32::MIN)
}

/// `log_files`, without a look into the folders of years before `from`.
pub fn log_files_from(dir: &Path, from: i32) -> Result<LogFiles, StoreError> {
    let mut files = LogFiles::default();
    let log_dir = paths::log_dir(dir);
    let ron = |name: &str| name.ends_with(".ron") && !name.starts_with('.');
    for (name, path, is_dir) in entries(&log_dir)? {
        let Some(year) = paths::year_of_name(&name) else {
            if ron(&name) {
                files.others.push(path);
            }
            continue;
        };
        if !YEARS.contains(&year) {
            return Err(StoreError::parse(
                &path,
                1,
                1,
                format!(
                    "the name says the year {year}, outside the years gutbone keeps \
                     ({} to {}); move it out of the log folder",
                    YEARS.start(),
                    YEARS.end()
                ),
            ));
        }
        if name.ends_with(".ron") {
            files.years.push((year, path));
        } else if is_dir && year >= from {
            for (name, path, _) in entries(&path)? {
                match paths::month_of_file_name(&name) {
                    Some(month) => files.months.push((Month { year, month }, path)),
                    None if ron(&name) => files.others.push(path),
                    None => {}
                }
            }
        }
    }
    files.months.sort();
    files.years.sort();
    files.others.sort();
    Ok(files)
}

/// The folders gutbone's files live in: the data directory, `log/`, and
/// each year's folder under it.
pub fn data_folders(data_dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let log_dir = paths::log_dir(data_dir);
    let mut folders = vec![data_dir.to_owned(), log_dir.clone()];
    let years = list(&log_dir).map_err(|err| StoreError::io("read the folder", &log_dir, err))?;
    folders.extend(
        years
            .into_iter()
            .map(|entry| entry.path())
            .filter(|path| path.is_dir()),
    );
    Ok(folders)
}

/// What is in `dir`; nothing when it is missing.
pub fn list(dir: &Path) -> io::Result<Vec<fs::DirEntry>> {
    match fs::read_dir(dir) {
        Ok(read) => read.collect(),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(err),
    }
}

/// The names and paths in `dir`, and whether each is a folder (as the
/// listing says, without a look at each); none when it is missing.
fn entries(dir: &Path) -> Result<Vec<(String, PathBuf, bool)>, StoreError> {
    let read = list(dir).map_err(|err| StoreError::io("read the folder", dir, err))?;
    let mut entries = Vec::new();
    for entry in read {
        // A link to a folder is a folder too.
        let is_dir = match entry.file_type() {
            Ok(kind) if kind.is_symlink() => entry.path().is_dir(),
            Ok(kind) => kind.is_dir(),
            Err(_) => false,
        };
        if let Some(name) = entry.file_name().to_str() {
            entries.push((name.to_owned(), entry.path(), is_dir));
        }
    }
    Ok(entries)
}
