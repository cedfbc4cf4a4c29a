//! A sync cut short (killed, the machine off) picked up where it stopped:
//! the locks the stopped git left cleared, its merge abandoned, and the
//! files it was rewriting made whole again from the last commit, whatever
//! was written since kept beside it. Only after a gutbone sync that did not
//! finish: a merge or a lock of the person's own git is never touched.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Git, SyncError, state};
use crate::store::merge::{DataFile, Sides, merge_file};
use crate::store::{StoreError, read_optional_text, write_atomic};

/// The mark a rewrite of the data files leaves in `.git` until it is over:
/// the two commits between which the files it rewrites differ.
const MARK: &str = "gutbone-rewriting";

/// A git lock older than this, after a sync cut short, is the stopped
/// git's: syncs take turns, and a git command holds its lock for
/// milliseconds.
const STALE: Duration = Duration::from_secs(2);

/// The locks a git command takes while it writes the index, HEAD and the
/// branches.
fn git_locks(git_dir: &Path) -> Vec<PathBuf> {
    let refs = git_dir.join("refs");
    let mut locks: Vec<PathBuf> = ["index.lock", "HEAD.lock"]
        .iter()
        .map(|name| git_dir.join(name))
        .collect();
    let mut dirs = vec![refs];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "lock") {
                locks.push(path);
            }
        }
    }
    locks.retain(|lock| lock.exists());
    locks
}

/// Runs `rewrite`, git rewriting the data files that differ between the
/// commits `from` and `to` (a merge, its undoing), marked in `.git` until
/// it returns: a kill meanwhile leaves the mark.
pub fn rewriting<T>(
    git: &Git,
    from: &str,
    to: &str,
    rewrite: impl FnOnce() -> Result<T, SyncError>,
) -> Result<T, SyncError> {
    let mark = state::git_dir(git)?.join(MARK);
    let between = format!("{from} {to}\n");
    std::fs::write(&mark, between).map_err(|err| StoreError::io("write", &mark, err))?;
    let result = rewrite();
    let _ = std::fs::remove_file(&mark);
    result
}

/// What a sync finds of the one before it, put right; said in a line each.
/// `cut_short`: the last gutbone sync did not finish. Called under the
/// write lock, before anything else.
pub fn pick_up(git: &Git, dir: &Path, cut_short: bool) -> Result<Vec<String>, SyncError> {
    let git_dir = state::git_dir(git)?;
    let merging = git.ok(&["rev-parse", "-q", "--verify", "MERGE_HEAD"])?;
    let cut_short = cut_short || git_dir.join(MARK).exists();
    if !cut_short {
        if merging {
            return Err(SyncError::Refused(format!(
                "git is in the middle of a merge in {}: finish it or abort it with git \
                 first, then sync",
                dir.display()
            )));
        }
        return Ok(Vec::new());
    }
    let mut told = Vec::new();
    let stale: Vec<PathBuf> = git_locks(&git_dir)
        .into_iter()
        .filter(|lock| {
            std::fs::metadata(lock)
                .and_then(|meta| meta.modified())
                .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > STALE))
        })
        .collect();
    for lock in &stale {
        std::fs::remove_file(lock).map_err(|err| StoreError::io("remove", lock, err))?;
    }
    if !stale.is_empty() {
        told.push(format!(
            "cleared {} a stopped git command left",
            if stale.len() == 1 {
                "the lock"
            } else {
                "the locks"
            }
        ));
    }
    // Read before anything rewrites it: which files the stopped git was at.
    let mark = git_dir.join(MARK);
    let between = std::fs::read_to_string(&mark).ok();
    let mut torn = between.is_some();
    if merging {
        let aborted = git.run_local("abandoning an unfinished merge", &["merge", "--abort"]);
        if aborted.is_err() {
            // A file the merge touched was saved since: the merge is
            // forgotten and the files mended, never reset.
            git.run_local("forgetting an unfinished merge", &["merge", "--quit"])?;
            git.run_local("reading the files again", &["reset", "--quiet"])?;
            torn = true;
        }
        told.push("abandoned the merge of a sync cut short".to_owned());
    }
    if torn {
        let mended = mend(git, dir, between.as_deref())?;
        let _ = std::fs::remove_file(&mark);
        told.push(format!(
            "a sync was cut short while git rewrote the files: {mended} made whole again \
             from the last sync, every day kept"
        ));
    }
    Ok(told)
}

/// The data files the stopped git was rewriting (those differing between
/// the mark's two commits, else every one that differs from the last
/// commit), each made one with the last commit's version (no ancestor:
/// every day either holds is kept). One that does not read is the commit's
/// version; one new from the other side and torn is removed, for the next
/// merge to bring whole. Returns how many.
fn mend(git: &Git, dir: &Path, between: Option<&str>) -> Result<usize, SyncError> {
    if !git.ok(&["rev-parse", "-q", "--verify", "HEAD"])? {
        return Ok(0);
    }
    let commits: Vec<&str> = between.unwrap_or_default().split_whitespace().collect();
    let files = match commits[..] {
        [from, to] => git.run(
            "listing the files",
            &["diff", "-z", "--name-only", from, to],
        ),
        _ => git.run(
            "listing the changed files",
            &["diff", "-z", "--name-only", "HEAD"],
        ),
    }?;
    let mut mended = 0;
    for file in files.split('\0').filter(|name| !name.is_empty()) {
        let Some(kind) = DataFile::of(file) else {
            continue;
        };
        let object = format!("HEAD:{file}");
        let committed = git.run("reading the last sync's file", &["show", &object]);
        let committed = committed.unwrap_or_default();
        let path = dir.join(file);
        let here = read_optional_text(&path).ok().flatten().unwrap_or_default();
        let sides = Sides::of_merge(file, "", &here, &committed);
        let whole = match merge_file(kind, Path::new(file), &sides, &[]) {
            Ok((whole, _)) => whole,
            Err(_) => committed,
        };
        if whole.trim().is_empty() {
            if path.exists() {
                std::fs::remove_file(&path).map_err(|err| StoreError::io("remove", &path, err))?;
                mended += 1;
            }
            continue;
        }
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
