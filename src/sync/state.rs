//! What this machine remembers of its syncs, kept inside `.git` so that it
//! is never synced itself: `gutbone-sync.ron`.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{Git, REMOTE, Report, SyncError};

/// The last sync: when, whether it worked, and what it resolved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LastSync {
    pub at: String,
    pub ok: bool,
    /// What went wrong, when it failed.
    #[serde(default)]
    pub error: String,
    #[serde(default)]
    pub conflicts: Vec<String>,
    /// `false` while it runs: found so with no sync running, it was cut short.
    #[serde(default = "finished")]
    pub finished: bool,
}

fn finished() -> bool {
    true
}

impl LastSync {
    /// What is on record while a sync runs: should it be cut short, that
    /// is what the next look says.
    pub fn begun(now: NaiveDateTime) -> Self {
        Self {
            at: now.format("%Y-%m-%d %H:%M").to_string(),
            ok: false,
            error: "it was cut short (stopped, or the machine went off); the next sync picks \
                    up where it stopped"
                .into(),
            conflicts: Vec::new(),
            finished: false,
        }
    }

    pub fn of(result: &Result<Report, SyncError>, now: NaiveDateTime) -> Self {
        let at = now.format("%Y-%m-%d %H:%M").to_string();
        match result {
            Ok(report) => Self {
                at,
                ok: true,
                error: String::new(),
                conflicts: report.conflicts.clone(),
                finished: true,
            },
            Err(err) => Self {
                at,
                ok: false,
                error: err.to_string(),
                conflicts: Vec::new(),
                finished: true,
            },
        }
    }
}

fn file(git: &Git) -> Result<PathBuf, SyncError> {
    Ok(git_dir(git)?.join("gutbone-sync.ron"))
}

pub(super) fn git_dir(git: &Git) -> Result<PathBuf, SyncError> {
    let dir = git.run(
        "finding the repository",
        &["rev-parse", "--absolute-git-dir"],
    )?;
    Ok(PathBuf::from(dir))
}

/// How long a sync waits for one already running.
const WAIT: std::time::Duration = std::time::Duration::from_secs(90);

/// Held for a whole sync (`.git/gutbone-sync.lock`): a second one waits,
/// for a while (a sync's network waits are bounded, see `set_up`).
pub struct SyncLock {
    _file: std::fs::File,
}

impl SyncLock {
    /// Takes the lock, waiting for a running sync (said on stderr unless
    /// `quiet`); `since` is written in it for `sync status`.
    pub fn acquire(git: &Git, quiet: bool, since: NaiveDateTime) -> Result<Self, SyncError> {
        let path = git_dir(git)?.join("gutbone-sync.lock");
        let io = |err| crate::store::StoreError::io("lock", &path, err);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        let waited = std::time::Instant::now();
        let mut file = file;
        let mut told = quiet;
        loop {
            match file.try_lock() {
                Ok(()) => {
                    // Only a courtesy for `sync status`; the OS lock is what counts.
                    let note = format!(
                        "process {}, since {}\n",
                        std::process::id(),
                        since.format("%H:%M:%S")
                    );
                    let _ = std::io::Write::write_all(&mut file, note.as_bytes())
                        .and_then(|()| file.set_len(note.len() as u64));
                    return Ok(Self { _file: file });
                }
                Err(std::fs::TryLockError::WouldBlock) if waited.elapsed() < WAIT => {
                    if !std::mem::replace(&mut told, true) {
                        eprintln!("gutbone: waiting for another sync of this data to end…");
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(SyncError::Refused(format!(
                        "another sync of this data has been running for over {} s; try again \
                         when it ends",
                        WAIT.as_secs()
                    )));
                }
                Err(std::fs::TryLockError::Error(err)) => return Err(io(err).into()),
            }
        }
    }
}

pub fn save(git: &Git, last: &LastSync) -> Result<(), SyncError> {
    let path = file(git)?;
    let text = ron::ser::to_string_pretty(last, ron::ser::PrettyConfig::new())
        .map_err(|err| SyncError::Refused(err.to_string()))?;
    crate::store::write_atomic(&path, text.as_bytes())
        .map_err(|err| crate::store::StoreError::io("write", &path, err))?;
    Ok(())
}

pub(super) fn load(git: &Git) -> Result<Option<LastSync>, SyncError> {
    let path = file(git)?;
    // Only a record: one that cannot be read is as good as none.
    Ok(std::fs::read_to_string(path)
        .ok()
        .and_then(|text| ron::from_str(&text).ok()))
}

/// Where the repository stands.
#[derive(Debug)]
pub struct Status {
    pub remote: Option<String>,
    pub branch: String,
    pub last: Option<LastSync>,
    /// Commits here and not on the remote, and there and not here, as of
    /// the last fetch; `None` before the remote has the branch.
    pub ahead_behind: Option<(usize, usize)>,
    /// Files changed since the last commit.
    pub changed: usize,
    /// A sync running now: its process and since when.
    pub running: Option<String>,
}

/// The running sync's note, if one holds the lock now.
fn running(git: &Git) -> Result<Option<String>, SyncError> {
    let path = git_dir(git)?.join("gutbone-sync.lock");
    let Ok(file) = std::fs::File::open(&path) else {
        return Ok(None);
    };
    Ok(match file.try_lock_shared() {
        Err(std::fs::TryLockError::WouldBlock) => Some(
            std::fs::read_to_string(&path)
                .unwrap_or_default()
                .trim()
                .to_owned(),
        ),
        _ => None,
    })
}

pub fn status(git: &Git) -> Result<Status, SyncError> {
    let branch = match git.config("gutbone.branch")? {
        Some(branch) => branch,
        None => git.run("reading the branch", &["symbolic-ref", "--short", "HEAD"])?,
    };
    let tracking = format!("refs/remotes/{REMOTE}/{branch}");
    let ahead_behind = if git.ok(&["rev-parse", "-q", "--verify", "HEAD"])?
        && git.ok(&["rev-parse", "-q", "--verify", &tracking])?
    {
        let counts = git.run(
            "counting commits",
            &[
                "rev-list",
                "--left-right",
                "--count",
                &format!("HEAD...{tracking}"),
            ],
        )?;
        let mut counts = counts.split_whitespace().map(|n| n.parse().unwrap_or(0));
        Some((counts.next().unwrap_or(0), counts.next().unwrap_or(0)))
    } else {
        None
    };
    let changed = git.run("listing the changes", &["status", "--porcelain"])?;
    Ok(Status {
        remote: git
            .config(&format!("remote.{REMOTE}.url"))?
            .map(|url| super::shown_url(&url)),
        branch,
        last: load(git)?,
        ahead_behind,
        changed: changed.lines().count(),
        running: running(git)?,
    })
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let remote = self
            .remote
            .as_deref()
            .unwrap_or("none (run `gutbone sync init REMOTE`)");
        writeln!(f, "remote:     {remote} (branch {})", self.branch)?;
        match &self.last {
            Some(last) if !last.finished && self.running.is_some() => writeln!(
                f,
                "last sync:  under way now ({})",
                self.running.as_deref().unwrap_or_default()
            )?,
            None => writeln!(f, "last sync:  never")?,
            Some(last) if last.ok => writeln!(f, "last sync:  {}, done", last.at)?,
            Some(last) => {
                writeln!(f, "last sync:  {}, failed:", last.at)?;
                for line in last.error.lines() {
                    writeln!(f, "  {line}")?;
                }
                // Cut short, it says itself that the next one picks up.
                if last.finished {
                    writeln!(
                        f,
                        "  The data is as it was before it; `gutbone sync` tries again."
                    )?;
                }
            }
        }
        match self.ahead_behind {
            Some((ahead, behind)) => writeln!(
                f,
                "commits:    {ahead} to send, {behind} to take (as of the last fetch)"
            )?,
            None => writeln!(f, "commits:    the remote has none of this history yet")?,
        }
        match self.changed {
            0 => writeln!(f, "changes:    none since the last sync")?,
            n => writeln!(
                f,
                "changes:    {n} file{} changed since the last sync",
                if n == 1 { "" } else { "s" }
            )?,
        }
        match self.last.as_ref().map(|last| &last.conflicts[..]) {
            Some([]) | None => writeln!(f, "conflicts:  none last time"),
            Some(conflicts) => {
                writeln!(f, "conflicts resolved last time:")?;
                for conflict in conflicts {
                    writeln!(f, "  {conflict}")?;
                }
                Ok(())
            }
        }
    }
}
