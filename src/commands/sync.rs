//! `gutbone sync [init REMOTE | status]`, `--sync` after a command, and git's
//! merge driver, `gutbone merge-file`.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::Failure;
use crate::cli::SyncCommand;
use crate::store::merge::{self, DataFile, Sides};
use crate::store::{StoreError, read_optional_text};
use crate::sync::{self, Machine, Report};

pub fn run(
    dir: &Path,
    command: Option<&SyncCommand>,
    now: NaiveDateTime,
    background: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match command {
        Some(SyncCommand::Status) => {
            let status = sync::status(dir).map_err(Failure::data)?;
            write!(out, "{status}")?;
            Ok(())
        }
        Some(SyncCommand::Init { remote }) => {
            let report =
                sync::init(dir, remote, &Machine::this(now, false)).map_err(Failure::data)?;
            tell(dir, &report, out)
        }
        None => {
            let machine = Machine::this(now, background);
            let report = sync::sync(dir, &machine).map_err(Failure::data)?;
            tell(dir, &report, out)
        }
    }
}

/// `--sync`: the command's change sent on, told on stderr so that the
/// command's own output stays as it is.
pub fn after(dir: &Path, now: NaiveDateTime) -> Result<(), Failure> {
    let mut told = Vec::new();
    let report = sync::sync(dir, &Machine::this(now, false)).map_err(Failure::data)?;
    tell(dir, &report, &mut told)?;
    std::io::stderr().write_all(&told)?;
    Ok(())
}

fn tell(dir: &Path, report: &Report, out: &mut impl Write) -> Result<(), Failure> {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    for line in &report.picked_up {
        writeln!(out, "recovered  {line}")?;
    }
    if let Some(old) = &report.replaced {
        writeln!(out, "remote     {} (was {old})", report.remote)?;
    }
    if let Some(message) = &report.committed {
        let first = message.lines().next().unwrap_or_default();
        writeln!(out, "committed  {first}")?;
    }
    writeln!(
        out,
        "synced     with {}: {} commit{} taken, {} sent{}",
        report.remote,
        report.received,
        plural(report.received),
        report.sent,
        match report.retries {
            0 => String::new(),
            n => format!(" (the remote moved meanwhile; tried {} times)", n + 1),
        }
    )?;
    if !report.conflicts.is_empty() {
        writeln!(
            out,
            "resolved   {} conflict{}:",
            report.conflicts.len(),
            plural(report.conflicts.len())
        )?;
        for conflict in &report.conflicts {
            writeln!(out, "  {conflict}")?;
        }
    }
    if let Some(copies) = crate::store::copies::mention(dir) {
        writeln!(out, "note       {copies}")?;
    }
    Ok(())
}

/// git's merge driver: `%O %A %B %P`. The merge is written over OURS;
/// what was resolved goes to stderr and to the sync's report.
pub fn merge_file(base: &Path, ours: &Path, theirs: &Path, relative: &str) -> Result<(), Failure> {
    let Some(file) = DataFile::of(relative) else {
        return Err(Failure::usage(format!(
            "{relative} is not one of gutbone's files; merge it by hand"
        )));
    };
    let read = |path: &Path| -> Result<String, Failure> {
        Ok(read_optional_text(path)?.unwrap_or_default())
    };
    let (base, ours_text, theirs) = (read(base)?, read(ours)?, read(theirs)?);
    let sides = Sides::of_merge(relative, &base, &ours_text, &theirs);
    // Said through git to the sync: the place of the mistake, without the
    // advice for a file of this machine's (it may be the other's).
    let (merged, conflicts) =
        merge::merge_file(file, Path::new(relative), &sides, &[]).map_err(|err| match err {
            StoreError::Parse {
                path,
                line,
                column,
                message,
            } => Failure::data(format!(
                "{} does not read: line {line}, column {column}: {message}",
                path.display()
            )),
            err => err.into(),
        })?;
    crate::store::write_atomic(ours, merged.as_bytes())
        .map_err(|err| StoreError::io("write", ours, err))?;
    if !conflicts.is_empty() {
        let lines: String = conflicts
            .iter()
            .map(|conflict| format!("{relative}: {conflict}\n"))
            .collect();
        let _ = std::io::stderr().write_all(lines.as_bytes());
        if let Some(report) = std::env::var_os(sync::REPORT_ENV) {
            let report = PathBuf::from(report);
            let mut file = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&report)
                .map_err(|err| StoreError::io("write", &report, err))?;
            file.write_all(lines.as_bytes())
                .map_err(|err| StoreError::io("write", &report, err))?;
        }
    }
    Ok(())
}
