//! One history on every machine, through git: the data directory is a git
//! repository, each sync commits what changed, fetches, merges (gutbone's
//! own merge for its files, registered as a git merge driver) and pushes.
//!
//! A sync that fails leaves the data directory as it found it: a merge that
//! cannot finish is aborted, and a merge that cannot be pushed is undone, to
//! be made again by the next sync. Its own commits stay; they change no file.

pub mod background;
mod git;
mod incoming;
mod message;
mod recover;
mod setup;
mod state;

use std::path::{Path, PathBuf};

use crate::store::merge::DataFile;
use crate::store::{Store, StoreError, WriteLock};
pub use git::Git;
use git::LOCAL;
use incoming::{merge, undo};
pub use setup::{Machine, shown_url};
use setup::{is_top_level, remote_branch, set_up, write_repository_files};
pub use state::{LastSync, Status};

/// The remote gutbone syncs with.
pub const REMOTE: &str = "origin";
/// The environment variable through which the merge driver tells a sync
/// what it resolved.
pub const REPORT_ENV: &str = "GUTBONE_SYNC_REPORT";
/// How many times a sync fetches and merges again when another machine
/// pushed meanwhile.
const TRIES: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("git could not be started ({0}); sync needs git, installed and on the PATH")]
    NoGit(std::io::Error),
    #[error(
        "{} is not set up for sync; run `gutbone sync init REMOTE` first",
        .dir.display()
    )]
    NotSetUp { dir: PathBuf },
    #[error("{what} failed: {}", git::told(.message))]
    Git { what: String, message: String },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(String),
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct Report {
    pub remote: String,
    /// The message of the commit of this machine's changes, if any.
    pub committed: Option<String>,
    /// Commits taken from the remote.
    pub received: usize,
    /// Commits sent to it.
    pub sent: usize,
    /// What the merge resolved, file by file.
    pub conflicts: Vec<String>,
    /// Times the remote moved between fetch and push.
    pub retries: usize,
    /// The remote `init` replaced.
    pub replaced: Option<String>,
    /// What was put right of a sync cut short.
    pub picked_up: Vec<String>,
}

/// Turns `dir` into a repository syncing with `remote` (or adopts the one
/// it is), then syncs: the remote's history, if it has one, is merged in.
pub fn init(dir: &Path, remote: &str, machine: &Machine) -> Result<Report, SyncError> {
    std::fs::create_dir_all(dir)
        .map_err(|err| StoreError::io("create the data directory", dir, err))?;
    let git = Git::new(dir);
    if !is_top_level(&git, dir)? {
        git.run("git init", &["init", "--quiet"])?;
        git.run(
            "naming the branch",
            &["symbolic-ref", "HEAD", "refs/heads/main"],
        )?;
    }
    let old = git.config(&format!("remote.{REMOTE}.url"))?;
    let old_branch = git.config("gutbone.branch")?;
    if old.is_some() {
        git.run("setting the remote", &["remote", "set-url", REMOTE, remote])?;
    } else {
        git.run("adding the remote", &["remote", "add", REMOTE, remote])?;
    }
    let new_remote = old.as_deref() != Some(remote);
    if new_remote && old_branch.is_some() {
        // The branch to follow is the new remote's.
        git.run(
            "forgetting the branch",
            &["config", "--unset", "gutbone.branch"],
        )?;
    }
    match sync(dir, machine) {
        Ok(mut report) => {
            report.replaced = old.filter(|old| old != remote).map(|old| shown_url(&old));
            Ok(report)
        }
        Err(err) => {
            // A remote that does not work does not replace one that did,
            // nor stays as the one to sync with.
            match old {
                Some(old) => {
                    git.run(
                        "putting the remote back",
                        &["remote", "set-url", REMOTE, &old],
                    )?;
                    let _ = git.ok(&["config", "--unset", "gutbone.branch"]);
                    if let Some(branch) = old_branch {
                        git.run(
                            "putting the branch back",
                            &["config", "gutbone.branch", &branch],
                        )?;
                    }
                    let _ = fetch(&git);
                }
                None => {
                    git.run("forgetting the remote", &["remote", "remove", REMOTE])?;
                    let _ = git.ok(&["config", "--unset", "gutbone.branch"]);
                }
            }
            Err(err)
        }
    }
}

/// Commits what changed, fetches, merges and pushes; again when another
/// machine pushed meanwhile.
pub fn sync(dir: &Path, machine: &Machine) -> Result<Report, SyncError> {
    let mut git = set_up(dir, machine)?;
    // One sync at a time: the app's on quit waits for the one it began.
    let _one = state::SyncLock::acquire(&git, machine.quiet, machine.now)?;
    // A record that the last one did not finish is what lets this one
    // clear what it left; a merge or a lock of the person's own is theirs.
    let cut_short = state::load(&git)?.is_some_and(|last| !last.finished);
    let _ = state::save(&git, &LastSync::begun(machine.now));
    let result = commit_merge_push(&mut git, dir, machine, cut_short);
    let last = LastSync::of(&result, machine.now);
    let _ = state::save(&git, &last);
    result
}

/// The write lock is held only while the files are committed and merged
/// (and a merge checked), never across the network: the app's keys wait on
/// local work alone, and nothing writes between the commit and the merge.
fn commit_merge_push(
    git: &mut Git,
    dir: &Path,
    machine: &Machine,
    cut_short: bool,
) -> Result<Report, SyncError> {
    let picked_up;
    {
        let _lock = WriteLock::acquire(dir)?;
        let git_dir = state::git_dir(git)?;
        let busy = [
            "rebase-merge",
            "rebase-apply",
            "CHERRY_PICK_HEAD",
            "REVERT_HEAD",
            "BISECT_LOG",
        ];
        if let Some(busy) = busy.iter().find(|name| git_dir.join(name).exists()) {
            return Err(SyncError::Refused(format!(
                "git is in the middle of something in {} ({busy}): finish it or abort it \
                 with git first, then sync",
                dir.display()
            )));
        }
        picked_up = recover::pick_up(git, dir, cut_short)?;
        write_repository_files(dir)?;
    }
    // Read without the lock: the app writes whole files, each one it saves
    // reads, and the commit takes what is there when it is made.
    check_data(git, dir, machine)?;
    let mut branch = None;
    let mut report = Report {
        remote: shown_url(
            &git.config(&format!("remote.{REMOTE}.url"))?
                .unwrap_or_default(),
        ),
        picked_up,
        ..Report::default()
    };
    let report_file = tempfile::NamedTempFile::new()
        .map_err(|err| StoreError::io("create a temporary file in", std::env::temp_dir(), err))?;
    git.with_env(REPORT_ENV, &report_file.path().to_string_lossy());
    // What the merge that stands resolved.
    let mut merged_conflicts = Vec::new();
    loop {
        // A first commit, before the fetch: a remote that cannot be reached
        // leaves this machine's changes committed, ready for next time.
        if report.retries == 0 {
            let _lock = WriteLock::acquire(dir)?;
            report.committed = commit(git, machine)?.or(report.committed);
        }
        fetch(git)?;
        let branch = match &branch {
            Some(branch) => branch,
            None => branch.insert(remote_branch(git)?),
        };
        let tracking = format!("refs/remotes/{REMOTE}/{branch}");
        let theirs = git.ok(&["rev-parse", "-q", "--verify", &tracking])?;
        let before = {
            let _lock = WriteLock::acquire(dir)?;
            // What the app saved meanwhile goes in before the merge.
            report.committed = commit(git, machine)?.or(report.committed.take());
            let before = head(git)?;
            if theirs {
                report.received = count(git, &format!("HEAD..{tracking}"))?;
                let kept = merge(git, dir, machine, &tracking, before.as_deref())?;
                // What this merge resolved, told unless it is undone.
                let resolved = std::fs::read_to_string(report_file.path()).unwrap_or_default();
                std::fs::write(report_file.path(), "")
                    .map_err(|err| StoreError::io("write", report_file.path(), err))?;
                merged_conflicts = kept;
                merged_conflicts.extend(resolved.lines().map(str::to_owned));
            }
            before
        };
        let ahead = if theirs {
            count(git, &format!("{tracking}..HEAD"))?
        } else {
            count(git, "HEAD")?
        };
        if ahead == 0 {
            break;
        }
        let refspec = format!("HEAD:refs/heads/{branch}");
        let push = ["push", "--quiet", "--set-upstream", REMOTE, &refspec];
        let pushed = git.output_within(&push, NETWORK)?;
        if pushed.status.success() {
            report.sent += ahead;
            break;
        }
        // Unreachable, refused, or moved on: the merge is undone either way.
        let undone = {
            let _lock = WriteLock::acquire(dir)?;
            undo(git, before.as_deref())?
        };
        if undone {
            merged_conflicts.clear();
        }
        fetch(git)?;
        let moved = git.ok(&["rev-parse", "-q", "--verify", &tracking])?
            && !git.ok(&["merge-base", "--is-ancestor", &tracking, "HEAD"])?;
        if !moved || report.retries + 1 >= TRIES {
            return Err(SyncError::Git {
                what: format!("sending to {REMOTE}"),
                message: git::message(&pushed),
            });
        }
        report.retries += 1;
    }
    report.conflicts = merged_conflicts;
    report.conflicts.dedup();
    Ok(report)
}

/// Every file reads as the app reads it: a broken hand edit is not sent to
/// the other machines. Nor is a loss: a file synced before and now gone,
/// or one a repair replaced while the days it lacks are still set aside.
fn check_data(git: &Git, dir: &Path, machine: &Machine) -> Result<(), SyncError> {
    // First: a file gone makes others read wrongly (a month naming habits
    // only the missing habits.ron defines).
    let gone = git.run("looking for removed files", &["ls-files", "--deleted"])?;
    if let Some(gone) = gone.lines().find(|file| DataFile::of(file).is_some()) {
        return Err(SyncError::Refused(format!(
            "{gone} was synced before and is gone from {dir}; a sync now would remove its \
             days on every machine. Put it back with `git -C {quoted} checkout -- {gone}` \
             (days are cleared in gutbone, never by removing a file), then sync again",
            dir = dir.display(),
            quoted = crate::store::shell_quoted(&dir.to_string_lossy())
        )));
    }
    let loaded = Store::open_for_command(dir, machine.now.date()).load();
    if let Err(StoreError::Parse {
        path,
        line,
        column,
        message,
    }) = loaded
    {
        let file = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        return Err(SyncError::Refused(format!(
            "cannot read {file}\n  line {line}, column {column}: {message}\n\
             Nothing was synced. Correct it in a text editor, or bring back the version last \
             synced with `git -C {} checkout -- {file}`; then sync again.",
            crate::store::shell_quoted(&dir.to_string_lossy())
        )));
    }
    loaded?;
    if let Some(year_file) = crate::store::unsplit_years(dir)?.first() {
        return Err(SyncError::Refused(format!(
            "{} keeps a year in one file, as an older gutbone did; close gutbone everywhere \
             and run any command here (`gutbone status`) to split it into months, then sync",
            year_file.strip_prefix(dir).unwrap_or(year_file).display()
        )));
    }
    if let Some(aside) = crate::store::set_aside(dir)? {
        let shown = aside
            .strip_prefix(dir)
            .unwrap_or(&aside)
            .display()
            .to_string();
        return Err(SyncError::Refused(format!(
            "`gutbone doctor --repair` set {shown} aside, and it may hold days the file now in \
             its place lacks (the repair said which). Copy them back, then delete {shown} or \
             move it out of {}, and sync again: until then nothing is synced, so that no \
             machine loses those days",
            dir.display()
        )));
    }
    Ok(())
}

/// Commits every change, with a message naming the days and habits
/// touched and the host; `None` when nothing changed.
fn commit(git: &Git, machine: &Machine) -> Result<Option<String>, SyncError> {
    // Files an adopted repository tracked that are this machine's only
    // (a lock, a backup) leave git, not the folder. A file of gutbone's
    // never does: that would remove it on every other machine.
    let ignored = git.run(
        "looking for files kept here only",
        &[
            "ls-files",
            "-z",
            "--cached",
            "--ignored",
            "--exclude-standard",
        ],
    )?;
    let ignored: Vec<&str> = ignored
        .split('\0')
        .filter(|name| !name.is_empty())
        .collect();
    if let Some(data) = ignored.iter().find(|name| DataFile::of(name).is_some()) {
        let why = git.run(
            "asking why",
            &["check-ignore", "--verbose", "--no-index", "--", data],
        );
        return Err(SyncError::Refused(format!(
            "{data} is one of gutbone's files, and a line of a .gitignore leaves it out ({}); \
             remove that line, then sync again",
            why.unwrap_or_default().trim()
        )));
    }
    if !ignored.is_empty() {
        let literal: Vec<String> = ignored
            .iter()
            .map(|name| format!(":(literal){name}"))
            .collect();
        let mut args = vec!["rm", "--cached", "--quiet", "--"];
        args.extend(literal.iter().map(String::as_str));
        git.run_local("leaving this machine's own files out", &args)?;
    }
    git.run("adding the changes", &["add", "--all"])?;
    if git.ok(&["diff", "--cached", "--quiet"])? && head(git)?.is_some() {
        return Ok(None);
    }
    let message = message::describe(git, &machine.host)?;
    // From a file: a first commit of fifty years names 600 months.
    let mut file = tempfile::NamedTempFile::new()
        .map_err(|err| StoreError::io("create a temporary file in", std::env::temp_dir(), err))?;
    std::io::Write::write_all(&mut file, message.as_bytes())
        .map_err(|err| StoreError::io("write", file.path(), err))?;
    let file_arg = file.path().to_string_lossy().into_owned();
    git.run_local(
        "committing the changes",
        &["commit", "--quiet", "--no-verify", "--file", &file_arg],
    )?;
    Ok(Some(message))
}

fn head(git: &Git) -> Result<Option<String>, SyncError> {
    let output = git.output(&["rev-parse", "-q", "--verify", "HEAD"])?;
    Ok(output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned()))
}

fn count(git: &Git, range: &str) -> Result<usize, SyncError> {
    let text = git.run("counting commits", &["rev-list", "--count", range])?;
    Ok(text.parse().unwrap_or(0))
}

/// The longest a fetch or a push may take: slow links are slow, but a
/// server that never answers must not hold every later sync.
const NETWORK: std::time::Duration = std::time::Duration::from_secs(120);

fn fetch(git: &Git) -> Result<(), SyncError> {
    let what = format!("fetching from {REMOTE}");
    let output = git
        .output_within(&["fetch", "--quiet", "--prune", REMOTE], NETWORK)
        .map_err(|err| match err {
            SyncError::Git { message, .. } => SyncError::Git {
                what: what.clone(),
                message,
            },
            err => err,
        })?;
    if !output.status.success() {
        return Err(SyncError::Git {
            what,
            message: git::message(&output),
        });
    }
    Ok(())
}

/// Whether `relative` is in the last commit of the repository `dir` is:
/// for the store, before it writes a file where there is none (see
/// `store::ask_if_synced`). No repository: never synced.
pub fn was_synced(dir: &Path, relative: &str) -> bool {
    if !dir.join(".git").exists() {
        return false;
    }
    Git::new(dir)
        .ok(&["cat-file", "-e", &format!("HEAD:{relative}")])
        .unwrap_or(false)
}

/// Where the repository stands, as of the last fetch (no network).
pub fn status(dir: &Path) -> Result<Status, SyncError> {
    let git = Git::new(dir);
    if !dir.is_dir() || !is_top_level(&git, dir)? {
        return Err(SyncError::NotSetUp {
            dir: dir.to_owned(),
        });
    }
    state::status(&git)
}
