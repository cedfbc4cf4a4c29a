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
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    for entry in entries {
        let entry = entry?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_file_and_replaces_an_old_one_leaving_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("2026.ron");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink("real.ron", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn leftovers_of_a_killed_save_are_removed_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let left = tmp.path().join(".gutbone-abc123.tmp");
        fs::write(&left, "half a file").unwrap();
        for keep in ["2026.ron", ".gutbone-notes", "other.tmp"] {
            fs::write(tmp.path().join(keep), "mine").unwrap();
        }
        remove_leftovers(tmp.path()).unwrap();
        assert!(!left.exists());
        let mut names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [".gutbone-notes", "2026.ron", "other.tmp"]);
        remove_leftovers(&tmp.path().join("missing")).unwrap();
    }

    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026.ron");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_like_any_other() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026.ron");
        write_atomic(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_ne!(mode & 0o044, 0, "not private to the owner: {mode:o}");
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("2026.ron");
        assert!(write_atomic(&path, b"x").is_err());
    }
}
