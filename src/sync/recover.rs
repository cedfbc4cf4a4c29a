//! A sync cut short (killed, the machine off) picked up where it stopped: a
//! lock a killed git left cleared, a merge under way abandoned, and the
//! files a git command was rewriting when it died made whole again from the
//! last commit, whatever was written since kept beside it.

use std::path::Path;
use std::time::Duration;

use super::{Git, SyncError, state};
use crate::store::merge::{DataFile, Sides, merge_file};
use crate::store::{StoreError, read_optional_text, write_atomic};

/// The mark a rewrite of the data files leaves in `.git` until it is over.
const MARK: &str = "gutbone-rewriting";

/// A git lock older than this was left by a git that was stopped: syncs
/// take turns, and a git command holds its lock for milliseconds.
const STALE: Duration = Duration::from_secs(2);

/// The lock files a git command makes while it writes: the index, HEAD and
/// the branches.
fn git_locks(git_dir: &Path) -> Vec<std::path::PathBuf> {
    let mut locks = Vec::new();
    let mut dirs = vec![git_dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let in_refs = path.starts_with(git_dir.join("refs"));
            if path.is_dir() && (in_refs || path == git_dir.join("refs")) {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "lock")
                && (in_refs || dir == git_dir)
                && !path.ends_with("gutbone-sync.lock")
            {
                locks.push(path);
            }
        }
    }
    locks
}

/// Runs `rewrite`, git rewriting the data files (a merge, its undoing),
/// marked in `.git` until it returns: a kill meanwhile leaves the mark.
pub fn rewriting<T>(
    git: &Git,
    rewrite: impl FnOnce() -> Result<T, SyncError>,
) -> Result<T, SyncError> {
    let mark = state::git_dir(git)?.join(MARK);
    std::fs::write(&mark, "").map_err(|err| StoreError::io("write", &mark, err))?;
    let result = rewrite();
    let _ = std::fs::remove_file(&mark);
    result
}

/// What a sync finds of the one before it, put right; said in a line each.
/// Called under the write lock, before anything else.
pub fn pick_up(git: &Git, dir: &Path) -> Result<Vec<String>, SyncError> {
    let git_dir = state::git_dir(git)?;
    let mut told = Vec::new();
    let mut cleared = 0;
    for lock in git_locks(&git_dir) {
        let stale = std::fs::metadata(&lock)
            .and_then(|meta| meta.modified())
            .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > STALE));
        if stale {
            std::fs::remove_file(&lock).map_err(|err| StoreError::io("remove", &lock, err))?;
            cleared += 1;
        }
    }
    if cleared > 0 {
        told.push(format!(
            "cleared {} a stopped git command left",
            if cleared == 1 {
                "the lock"
            } else {
                "the locks"
            }
        ));
    }
    if git.ok(&["rev-parse", "-q", "--verify", "MERGE_HEAD"])? {
        rewriting(git, || {
            git.run_local("abandoning an unfinished merge", &["merge", "--abort"])
        })?;
        told.push("abandoned the merge of a sync cut short".to_owned());
    }
    let mark = git_dir.join(MARK);
    if mark.exists() {
        let mended = mend(git, dir)?;
        let _ = std::fs::remove_file(&mark);
        told.push(format!(
            "a sync was cut short while git rewrote the files: {mended} made whole again \
             from the last sync, every day kept"
        ));
    }
    Ok(told)
}

/// Each data file that differs from the last commit, as that commit and
/// the folder hold it made one (no ancestor: every day either holds is
/// kept); one torn or gone is the commit's. Returns how many.
fn mend(git: &Git, dir: &Path) -> Result<usize, SyncError> {
    if !git.ok(&["rev-parse", "-q", "--verify", "HEAD"])? {
        return Ok(0);
    }
    let changed = git.run(
        "listing the changed files",
        &["diff", "-z", "--name-only", "HEAD"],
    )?;
    let mut mended = 0;
    for file in changed.split('\0').filter(|name| !name.is_empty()) {
        let Some(kind) = DataFile::of(file) else {
            continue;
        };
        let object = format!("HEAD:{file}");
        let committed = git
            .run("reading the last sync's file", &["show", &object])
            .unwrap_or_default();
        let path = dir.join(file);
        let here = read_optional_text(&path).ok().flatten().unwrap_or_default();
        let sides = Sides::of_merge(file, "", &here, &committed);
        let whole = match merge_file(kind, Path::new(file), &sides, &[]) {
            Ok((whole, _)) => whole,
            // Torn mid-write: the commit's version is the whole one.
            Err(_) => committed,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|err| StoreError::io("create the folder", parent, err))?;
        }
        write_atomic(&path, whole.as_bytes()).map_err(|err| StoreError::io("save", &path, err))?;
        mended += 1;
    }
    // The index may hold what the stopped command staged: the files decide.
    git.run_local("reading the files again", &["reset", "--quiet"])?;
    Ok(mended)
}
