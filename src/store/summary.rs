//! The months before the weeks on screen summed up (a [`Past`]) and kept
//! between runs in `cache/summary.ron`, so that a start reads only those
//! weeks' months.
//!
//! The summary is trusted only while it matches: the same month files, each
//! unchanged since it was summed up (size and modification time, the
//! fingerprint the store keeps of every file), and habits it fits. The app
//! draws its first frame before it looks at those files, and checks them
//! before the first key acts (`Store::check_summary`): the look grows with
//! the history, the first frame does not. It keeps
//! a digest of those fingerprints, not the fingerprints themselves: a start
//! reads a summary of a few lines however long the history. Anything else,
//! a summary that does not read or a digest made by another build included,
//! means every month is read and the summary made again. It is never the
//! authority: deleting it is always safe.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::month::Month;
use super::{Fingerprint, StoreError, atomic, paths};
use crate::domain::Habit;
use crate::domain::past::Past;

/// Bumped whenever the shape of `Summary` or of what it holds changes; an
/// older summary is then simply made again.
const VERSION: u32 = 5;

/// The month files summed up, each as it was then.
pub type Files = BTreeMap<Month, Fingerprint>;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Summary {
    version: u32,
    /// `digest(files)`.
    files: u64,
    past: Past,
}

/// The files' fingerprints in one number. std's hasher may change from one
/// Rust release to the next; a summary made by another build then simply
/// does not match, and is made again.
fn digest(files: &Files) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    files.hash(&mut hasher);
    hasher.finish()
}

/// The summary kept by an earlier run, if it reads and fits `habits`; what
/// it sums up still has to match the files ([`Cached::holds_for`]).
pub fn read(dir: &Path, habits: &[Habit]) -> Option<Cached> {
    let text = std::fs::read_to_string(paths::summary_file(dir)).ok()?;
    let summary: Summary = ron::from_str(&text).ok()?;
    (summary.version == VERSION && summary.past.fits(habits)).then_some(Cached {
        files: summary.files,
        past: summary.past,
    })
}

/// A summary as read, not yet held to the files it was made from.
#[derive(Debug)]
pub struct Cached {
    files: u64,
    pub past: Past,
}

impl Cached {
    /// Whether the month files before [`Past::before`] are the very ones
    /// summed up.
    pub fn holds_for(&self, files: &Files) -> bool {
        self.files == digest(files)
    }
}

/// Keeps `past`, the sum of the months in `files`, for the next start.
pub fn write(dir: &Path, files: &Files, past: &Past) -> Result<(), StoreError> {
    let path = paths::summary_file(dir);
    let summary = Summary {
        version: VERSION,
        files: digest(files),
        past: past.clone(),
    };
    let verify = |err: ron::Error| StoreError::Verify {
        path: path.clone(),
        detail: err.to_string(),
    };
    let header = "// gutbone: a summary of your older days, so that gutbone starts without\n\
                  // reading them. Made again whenever they change; safe to delete.\n";
    let text = format!("{header}{}\n", ron::to_string(&summary).map_err(verify)?);
    super::create_parent(&path)?;
    atomic::write_atomic(&path, text.as_bytes()).map_err(|err| StoreError::io("save", &path, err))
}
