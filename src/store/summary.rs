//! The older years summed up (a [`Past`]) and kept between runs in
//! `cache/summary.ron`, so that a start reads only the recent years.
//!
//! The summary is trusted only while it matches: the same older year files,
//! each unchanged since it was summed up (size and modification time, the
//! fingerprint the store keeps of every file), and habits it fits. Anything
//! else, a file it cannot read included, means every year is read and the
//! summary made again. Deleting it is always safe.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Fingerprint, StoreError, atomic, paths};
use crate::domain::Habit;
use crate::domain::past::Past;

/// Bumped whenever the shape of `Summary` or of what it holds changes; an
/// older summary is then simply made again.
const VERSION: u32 = 1;

/// The older year files, by year: absent ones have no fingerprint.
pub type Files = BTreeMap<i32, Option<Fingerprint>>;

#[derive(Serialize, Deserialize)]
struct Summary {
    version: u32,
    files: Files,
    past: Past,
}

/// The cached summary of the days before `past.before`, if it still holds
/// for these `files` and `habits`.
pub fn read(dir: &Path, files: &Files, habits: &[Habit]) -> Option<Past> {
    let text = std::fs::read_to_string(paths::summary_file(dir)).ok()?;
    let summary: Summary = ron::from_str(&text).ok()?;
    (summary.version == VERSION && summary.files == *files && summary.past.fits(habits))
        .then_some(summary.past)
}

pub fn write(dir: &Path, files: &Files, past: &Past) -> Result<(), StoreError> {
    let path = paths::summary_file(dir);
    let summary = Summary {
        version: VERSION,
        files: files.clone(),
        past: past.clone(),
    };
    let text = ron::to_string(&summary).map_err(|err| StoreError::Verify {
        path: path.clone(),
        detail: err.to_string(),
    })?;
    let header = "// gutbone: a summary of your older years, so that gutbone starts without\n\
                  // reading them. Made again whenever they change; safe to delete.\n";
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| StoreError::io("create the folder", parent, err))?;
    }
    atomic::write_atomic(&path, format!("{header}{text}\n").as_bytes())
        .map_err(|err| StoreError::io("save", &path, err))
}
