//! A data directory made a repository that syncs: who is syncing, git set
//! up for gutbone's merge and the person's network, the files that say what
//! is synced, and the remote's branch to follow.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::{Git, REMOTE, SyncError};
use crate::store::StoreError;

pub(super) const GITIGNORE: &str = "\
# gutbone syncs its own files only (see `gutbone sync`): habits.ron and the
# month files. All else here stays on this machine: the locks, the cache,
# backups, files a repair set aside, editors' and file-sync tools' copies.
/*
!/.gitignore
!/.gitattributes
!/habits.ron
!/log/
/log/*
!/log/[0-9][0-9][0-9][0-9]/
/log/*/*
!/log/*/0[1-9].ron
!/log/*/1[0-2].ron
";

pub(super) const GITATTRIBUTES: &str = "\
# gutbone merges its files per day and habit (see `gutbone sync`).
habits.ron merge=gutbone
log/*/*.ron merge=gutbone
.gitignore merge=union
.gitattributes merge=union
";

/// Who is syncing and when: the host names the commits.
pub struct Machine {
    pub host: String,
    pub user: String,
    pub now: NaiveDateTime,
    /// The gutbone binary git runs as the merge driver.
    pub exe: PathBuf,
    /// No questions on a terminal (the app's background sync).
    pub quiet: bool,
}

impl Machine {
    pub fn this(now: NaiveDateTime, quiet: bool) -> Self {
        Self {
            host: host_name(),
            user: std::env::var("USER")
                .or_else(|_| std::env::var("LOGNAME"))
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "gutbone".into()),
            now,
            exe: std::env::current_exe().unwrap_or_else(|_| "gutbone".into()),
            quiet,
        }
    }
}

fn host_name() -> String {
    let from_file = std::fs::read_to_string("/etc/hostname").ok();
    let from_uname = || {
        std::process::Command::new("uname")
            .arg("-n")
            .output()
            .ok()
            .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    from_file
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(from_uname)
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "this machine".into())
}

/// A remote's address as gutbone shows it: without a password or token
/// written into it (`https://me:token@host/…`).
pub fn shown_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if let Some((_, host)) = authority.rsplit_once('@') {
            return format!("{scheme}://{host}{path}");
        }
    }
    url.to_owned()
}

/// The remote's branch this repository syncs with: the one chosen before
/// (`gutbone.branch`), or, the first time the remote has one, the branch
/// there is (a machine that adopted its own repository may name its branch
/// otherwise), and until then the local branch's name.
pub(super) fn remote_branch(git: &Git) -> Result<String, SyncError> {
    if let Some(branch) = git.config("gutbone.branch")? {
        return Ok(branch);
    }
    let local = git.run("reading the branch", &["symbolic-ref", "--short", "HEAD"])?;
    let prefix = format!("refs/remotes/{REMOTE}/");
    let theirs = git.run(
        "listing the remote's branches",
        &["for-each-ref", "--format=%(refname)", &prefix],
    )?;
    let theirs: Vec<&str> = theirs
        .lines()
        .filter_map(|name| name.strip_prefix(&prefix))
        .filter(|name| *name != "HEAD")
        .collect();
    let chosen = match theirs[..] {
        [] => return Ok(local),
        [only] => only,
        _ if theirs.contains(&local.as_str()) => &local,
        _ if theirs.contains(&"main") => "main",
        _ => theirs[0],
    };
    let chosen = chosen.to_owned();
    git.run(
        "remembering the branch",
        &["config", "gutbone.branch", &chosen],
    )?;
    Ok(chosen)
}

/// Checks `dir` is a repository set up by `init`, and brings the merge
/// driver up to date with this binary.
pub(super) fn set_up(dir: &Path, machine: &Machine) -> Result<Git, SyncError> {
    let mut git = Git::new(dir);
    let not_set_up = || SyncError::NotSetUp {
        dir: dir.to_owned(),
    };
    if !dir.is_dir() || !is_top_level(&git, dir)? {
        return Err(not_set_up());
    }
    if git.config(&format!("remote.{REMOTE}.url"))?.is_none() {
        return Err(not_set_up());
    }
    // git reads `%` in the command as its own: a `%` in the path is doubled.
    let exe = machine.exe.to_string_lossy().replace('%', "%%");
    let driver = format!(
        "{} merge-file %O %A %B %P",
        crate::store::shell_quoted(&exe)
    );
    // Written only when it changed: a sync running beside this one holds
    // the turn, and `.git/config` is git's to lock.
    for (name, value) in [
        ("merge.gutbone.name", "gutbone: per day and habit"),
        ("merge.gutbone.driver", driver.as_str()),
    ] {
        if git.config(name)?.as_deref() != Some(value) {
            git.run("registering gutbone's merge", &["config", name, value])?;
        }
    }
    if git.config("user.name")?.is_none() || git.config("user.email")?.is_none() {
        git.with_config("user.name", "gutbone");
        git.with_config("user.email", &format!("{}@{}", machine.user, machine.host));
    }
    // A network that stops answering ends the sync, rather than holding
    // every later one (they take turns), unless the person chose otherwise.
    if git.config("http.lowSpeedLimit")?.is_none() && git.config("http.lowSpeedTime")?.is_none() {
        git.with_config("http.lowSpeedLimit", "1000");
        git.with_config("http.lowSpeedTime", "30");
    }
    let own_ssh = ["GIT_SSH_COMMAND", "GIT_SSH"]
        .iter()
        .any(|name| std::env::var_os(name).is_some())
        || git.config("core.sshCommand")?.is_some();
    if !own_ssh {
        let ask = if machine.quiet {
            " -o BatchMode=yes"
        } else {
            ""
        };
        // No ssh master of its own left behind holding git's output open.
        let ssh =
            format!("ssh -o ConnectTimeout=20 -o ServerAliveInterval=15 -o ControlMaster=no{ask}");
        git.with_env("GIT_SSH_COMMAND", &ssh);
    }
    if machine.quiet {
        // Credentials must come from a helper or an agent: nothing may ask.
        git.with_env("GIT_TERMINAL_PROMPT", "0");
    }
    Ok(git)
}

pub(super) fn is_top_level(git: &Git, dir: &Path) -> Result<bool, SyncError> {
    let output = git.output(&["rev-parse", "--show-toplevel"])?;
    if !output.status.success() {
        return Ok(false);
    }
    let top = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    Ok(same_dir(&top, dir))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub(super) fn write_repository_files(dir: &Path) -> Result<(), SyncError> {
    for (name, text) in [(".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)] {
        let path = dir.join(name);
        let now = std::fs::read_to_string(&path).unwrap_or_default();
        // A person's own lines stay; gutbone's are added once.
        let missing: Vec<&str> = text
            .lines()
            .filter(|line| !line.starts_with('#') && !now.lines().any(|have| have == *line))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let text = if now.is_empty() {
            text.to_owned()
        } else {
            format!("{}\n{}\n", now.trim_end(), missing.join("\n"))
        };
        crate::store::write_atomic(&path, text.as_bytes())
            .map_err(|err| StoreError::io("write", &path, err))?;
    }
    Ok(())
}
