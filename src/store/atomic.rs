//! Writing a file so that a crash leaves either the old or the new version,
//! never a torn one.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const TEMP_PREFIX: &str = ".gutbone-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes temporary files left in `dir` by a save that was killed before
/// its rename: never data, only a copy that did not make it. Call it only
/// while holding the lock, so no save of another gutbone is under way.
pub fn remove_leftovers(dir: &Path) -> io::Result<()> {
    for entry in super::files::list(dir)? {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(TEMP_PREFIX)
            && name.ends_with(TEMP_SUFFIX)
            && entry.file_type()?.is_file()
        {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Replaces `path` with `contents` atomically: a temporary file in the same
/// directory is written and synced, renamed over the target, and the
/// directory is fsynced so the rename itself survives a power cut. A symlink
/// is followed and its target replaced, so the link stays a link.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = follow_symlink(path)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // A new file gets the usual permissions (0666 less the umask), not
        // tempfile's private 0600: it is an ordinary file of the person's.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Ok(meta) = fs::metadata(&target) {
        // Keep whatever permissions the person gave their file.
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.write_all(contents)?;
    // The data and the size that finds it; the rest of the inode (times)
    // need not reach the disk before the rename.
    tmp.as_file().sync_data()?;
    tmp.persist(&target).map_err(|err| err.error)?;
    sync_dir(dir)
}

fn follow_symlink(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let link = fs::read_link(path)?;
            let target = path.parent().map_or(link.clone(), |dir| dir.join(&link));
            follow_symlink(&target)
        }
        _ => Ok(path.to_owned()),
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Directories cannot be opened for fsync here; the rename is still atomic.
    Ok(())
}
