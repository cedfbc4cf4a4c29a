//! The copies file-sync tools (Syncthing, Dropbox, Nextcloud) leave beside
//! a file both machines changed, and their folding back into it by the
//! sync's own merge, with no common ancestor: every day either holds is
//! kept, and where they differ the larger amount, or done, wins.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::merge::{DataFile, Side, Sides, merge_file};
use super::{StoreError, atomic, backup, files, habit_ids, paths, read_optional_text};
use crate::domain::merge::Conflict;

/// A conflict copy and the file it is a copy of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    pub copy: PathBuf,
    pub original: PathBuf,
}

/// The name of the file `name` is a conflict copy of:
/// `12.sync-conflict-20261201-120000-ABCDEFG.ron` (Syncthing),
/// `2026 (conflicted copy).ron`, `habits (Sam's conflicted copy 2026-12-01).ron`
/// (Dropbox, Nextcloud) are copies of `12.ron`, `2026.ron`, `habits.ron`.
pub fn original_name(name: &str) -> Option<String> {
    let stem = name.strip_suffix(".ron")?;
    let original = if let Some((stem, _)) = stem.split_once(".sync-conflict-") {
        stem
    } else {
        let (stem, rest) = stem.split_once(" (")?;
        if !rest.contains("conflicted copy") {
            return None;
        }
        stem
    };
    (!original.is_empty()).then(|| format!("{original}.ron"))
}

/// Every conflict copy of habits.ron and of the log's files.
pub fn conflict_copies(data_dir: &Path) -> Result<Vec<ConflictCopy>, StoreError> {
    let mut copies = Vec::new();
    for dir in files::data_folders(data_dir)? {
        let entries =
            files::list(&dir).map_err(|err| StoreError::io("read the folder", &dir, err))?;
        for entry in entries {
            let name = entry.file_name();
            if let Some(original) = name.to_str().and_then(original_name) {
                copies.push(ConflictCopy {
                    copy: entry.path(),
                    original: dir.join(original),
                });
            }
        }
    }
    copies.sort_by(|a, b| a.copy.cmp(&b.copy));
    Ok(copies)
}

/// What the app and `sync` say of the conflict copies in `data_dir`, if any.
pub fn mention(data_dir: &Path) -> Option<String> {
    let copies = conflict_copies(data_dir).map_or(0, |copies| copies.len());
    (copies > 0).then(|| {
        format!(
            "{copies} conflict cop{} from a file-sync tool beside your files: \
             `gutbone doctor --repair` folds {} in",
            if copies == 1 { "y" } else { "ies" },
            if copies == 1 { "it" } else { "them" }
        )
    })
}

/// Where a folded copy is kept: `backups/conflict-copies/`, at its path.
pub fn kept_copy(data_dir: &Path, copy: &Path) -> PathBuf {
    let relative = copy.strip_prefix(data_dir).unwrap_or(copy);
    backup::backups_dir(data_dir)
        .join("conflict-copies")
        .join(relative)
}

/// Folds `copy` into its original and moves it to [`kept_copy`]. The caller
/// holds the locks. Nothing is written when either file does not read.
pub fn fold(
    data_dir: &Path,
    copy: &ConflictCopy,
    today: NaiveDate,
) -> Result<Vec<Conflict>, StoreError> {
    let relative = copy
        .original
        .strip_prefix(data_dir)
        .unwrap_or(&copy.original);
    let name = relative.to_string_lossy().replace('\\', "/");
    let Some(file) = DataFile::of(&name) else {
        return Err(StoreError::Verify {
            path: copy.copy.clone(),
            detail: format!(
                "gutbone folds copies of habits.ron and of month files only; fold it into {name} by hand"
            ),
        });
    };
    let original = read_optional_text(&copy.original)?.unwrap_or_default();
    let theirs = files::read_text(&copy.copy)?;
    let known = habit_ids(&paths::habits_file(data_dir))?;
    let side = |text, name: &Path| Side {
        text,
        name: name.to_owned(),
    };
    let sides = Sides {
        base: side("", &copy.original),
        ours: side(&original, &copy.original),
        theirs: side(&theirs, &copy.copy),
    };
    let (merged, conflicts) = merge_file(file, &copy.original, &sides, &known)?;
    backup::backup_before_write(data_dir, &copy.original, today)
        .map_err(|err| StoreError::io("back up", &copy.original, err))?;
    atomic::write_atomic(&copy.original, merged.as_bytes())
        .map_err(|err| StoreError::io("save", &copy.original, err))?;
    let kept = kept_copy(data_dir, &copy.copy);
    if let Some(parent) = kept.parent() {
        fs::create_dir_all(parent)
            .map_err(|err| StoreError::io("create the folder", parent, err))?;
    }
    fs::rename(&copy.copy, &kept).map_err(|err| StoreError::io("move", &copy.copy, err))?;
    Ok(conflicts)
}
