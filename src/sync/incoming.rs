//! What the remote holds, taken in: git's merge (with gutbone's driver for
//! its files), finished when a file removed on one side was changed on the
//! other, and undone when it cannot stand.

use std::path::Path;

use super::{DataFile, Git, LOCAL, Machine, REMOTE, SyncError, check_data, git, recover};

/// Whether a merge is under way (`MERGE_HEAD`).
pub(super) fn merging(git: &Git) -> Result<bool, SyncError> {
    git.ok(&["rev-parse", "-q", "--verify", "MERGE_HEAD"])
}

/// Merges the remote's branch; on any failure, aborted, with git's and the
/// merge driver's messages.
pub(super) fn merge(
    git: &Git,
    dir: &Path,
    machine: &Machine,
    tracking: &str,
    before: Option<&str>,
) -> Result<Vec<String>, SyncError> {
    if !git.ok(&["merge-base", "HEAD", tracking])? {
        // Histories that share nothing: the first sync of a machine. The
        // remote must hold gutbone's files and nothing else, so that a
        // mistyped remote is not merged into the data, nor the data into it.
        let files = git.run(
            "listing the remote's files",
            &["ls-tree", "-r", "-z", "--name-only", tracking],
        )?;
        let repository = [".gitignore", ".gitattributes"];
        let other = files
            .split('\0')
            .filter(|name| !name.is_empty())
            .find(|name| DataFile::of(name).is_none() && !repository.contains(name));
        if let Some(other) = other {
            return Err(SyncError::Refused(format!(
                "{REMOTE} holds {other}, which is not one of gutbone's files: is it the \
                 repository you meant? Nothing was merged; give `gutbone sync init` an empty \
                 repository, or one another machine synced"
            )));
        }
    }
    let message = format!("{}: merged from {REMOTE}", machine.host);
    let from = before.unwrap_or("HEAD");
    let merged = recover::rewriting(git, from, tracking, || {
        git.output_local(&[
            "merge",
            "--quiet",
            "--no-edit",
            "--allow-unrelated-histories",
            "-m",
            &message,
            tracking,
        ])
    })?;
    let mut told = Vec::new();
    if !merged.status.success() {
        match recover::rewriting(git, from, tracking, || keep_changes_over_removals(git)) {
            Ok(Some(kept)) => told = kept,
            Ok(None) => {}
            Err(err) => {
                undo(git, before)?;
                return Err(err);
            }
        }
    }
    if !merged.status.success() && told.is_empty() {
        undo(git, before)?;
        let message = git::message(&merged);
        // gutbone's merge found a side that does not read: that is the news,
        // not git's word that the merge stopped.
        let unreadable = message
            .lines()
            .find_map(|line| line.strip_prefix("gutbone: "));
        if let Some(unreadable) = unreadable {
            return Err(SyncError::Refused(format!(
                "{unreadable}. Nothing was merged or written: the file must be fixed where it \
                 was broken (with gutbone there, or git), then synced again"
            )));
        }
        return Err(SyncError::Git {
            what: format!("merging what {REMOTE} holds"),
            message,
        });
    }
    if let Err(err) = check_data(git, dir, machine) {
        undo(git, before)?;
        return Err(err);
    }
    Ok(told)
}

/// A file of gutbone's removed on one side (by hand, or by git outside
/// gutbone) and changed on the other keeps the changes, and the merge is
/// finished; `None` when anything else stopped it.
fn keep_changes_over_removals(git: &Git) -> Result<Option<Vec<String>>, SyncError> {
    let unmerged = git.run("listing what did not merge", &["ls-files", "--unmerged"])?;
    // "<mode> <object> <stage>\t<path>": stage 2 is this side, 3 the other.
    let mut stages: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for line in unmerged.lines() {
        let Some((info, path)) = line.split_once('\t') else {
            return Ok(None);
        };
        let stage = info.split_whitespace().nth(2).unwrap_or_default();
        stages.entry(path).or_default().push(stage);
    }
    if stages.is_empty() {
        return Ok(None);
    }
    let mut told = Vec::new();
    for (path, stages) in &stages {
        let (here, there) = (stages.contains(&"2"), stages.contains(&"3"));
        if DataFile::of(path).is_none() || here == there {
            return Ok(None);
        }
        if there {
            git.run_local(
                "keeping the changed file",
                &["checkout", "--theirs", "--", path],
            )?;
        }
        git.run_local("keeping the changed file", &["add", "--", path])?;
        told.push(format!(
            "{path}: removed on one machine, changed on the other; kept, with the changes"
        ));
    }
    git.run_local(
        "finishing the merge",
        &["commit", "--quiet", "--no-edit", "--no-verify"],
    )?;
    Ok(Some(told))
}

/// Puts the files the merge changed back as they were at `before`, keeping
/// what the app saved since in others; `false` when the app saved into one
/// the merge changed: then the merge stands (committed, it is sent by the
/// next sync), as a reset would lose that save.
pub(super) fn undo(git: &Git, before: Option<&str>) -> Result<bool, SyncError> {
    let merged = super::head(git)?.unwrap_or_else(|| "HEAD".into());
    recover::rewriting(git, before.unwrap_or("HEAD"), &merged, || {
        if merging(git)? {
            git.run_local("abandoning the merge", &["merge", "--abort"])?;
        }
        match before {
            Some(before) => git.ok(&[&LOCAL[..], &["reset", "--quiet", "--keep", before]].concat()),
            None => Ok(false),
        }
    })
}
