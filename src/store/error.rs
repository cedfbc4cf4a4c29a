//! Errors from the store. They are shown to people, so each says which file,
//! where in it, and what to do next.

use std::io;
use std::path::PathBuf;

/// What to tell someone whose data file could not be read.
const UNTOUCHED: &str = "gutbone has not changed this file and will not write to it.\n\
Correct it in a text editor, or run `gutbone doctor --repair` to move it aside and\n\
restore its newest backup that reads; then start gutbone again.";

/// What to tell someone whose file is newer than this gutbone: nothing in it
/// is broken, so no repair is offered.
const NEWER: &str = "gutbone has not changed this file and will not write to it.\n\
Update gutbone to open it; nothing in it needs repair.";

/// `text` quoted for a shell: a path in a command to paste, or in the
/// command git runs as gutbone's merge driver.
pub fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {}\n  line {line}, column {column}: {message}\n{UNTOUCHED}", .path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error(
        "{} was written by a newer gutbone (file version {found}; this build reads up to {supported}).\n\
         {NEWER}",
        .path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("could not {action} {}: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },

    #[error(
        "gutbone is open elsewhere on {}{}.\nOnly one gutbone writes at a time: close the other first. Nothing has been written.",
        .dir.display(),
        .holder.as_ref().map(|pid| format!(" (process {pid})")).unwrap_or_default()
    )]
    Locked {
        dir: PathBuf,
        holder: Option<String>,
    },

    #[error(
        "{} was changed outside gutbone since it was read, so it was not written over; \
         gutbone reloads it before your next change",
        .path.display()
    )]
    ChangedOnDisk { path: PathBuf },

    #[error(
        "{} was synced and is gone from the data directory; gutbone will not write it afresh, \
         which would drop its days on every machine. Put it back with `git -C {} checkout -- {}`, \
         then make the change again",
        .path.display(), shell_quoted(&.dir.to_string_lossy()), .relative
    )]
    GoneSinceSync {
        path: PathBuf,
        dir: PathBuf,
        relative: String,
    },

    #[error(
        "the text prepared for {} did not read back as the data it should hold, so it was not written: {detail}",
        .path.display()
    )]
    Verify { path: PathBuf, detail: String },

    #[error(
        "cannot find a home directory to keep files in; pass --data-dir PATH and --config-dir PATH \
         (or set GUTBONE_DATA_DIR and GUTBONE_CONFIG_DIR)"
    )]
    NoDataDir,
}

impl StoreError {
    /// A mistake at `line` and `column` (both from 1) of `path`.
    pub(crate) fn parse(
        path: &std::path::Path,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::Parse {
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A mistake at the first `needle` in `text`, the text of `path`.
    pub(crate) fn at(
        path: &std::path::Path,
        text: &str,
        needle: &str,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = crate::position::locate(text, needle);
        Self::parse(path, line, column, message)
    }

    /// Whether this is the disk refusing writes (a read-only directory or
    /// file system): the data can still be shown.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Self::Io { source, .. } if matches!(
                source.kind(),
                io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
            )
        )
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
