//! `gutbone doctor [--repair]`: the report a person reads.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDateTime;

use crate::store::StoreError;
use crate::store::doctor::{self, Finding};

/// Checks (and with `repair`, repairs) the data files, writing the report to
/// `out`. Returns whether everything reads now.
pub fn run(
    data_dir: &Path,
    settings: &Path,
    repair: bool,
    now: NaiveDateTime,
    out: &mut impl Write,
) -> Result<bool, Box<dyn std::error::Error>> {
    let shown = |path: &Path| {
        path.strip_prefix(data_dir)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    writeln!(out, "gutbone doctor: {}", data_dir.display())?;
    if repair {
        for done in doctor::repair(data_dir, now)? {
            writeln!(
                out,
                "  moved    {} → {}",
                shown(&done.path),
                shown(&done.moved_to)
            )?;
            match &done.restored_from {
                Some(copy) => {
                    writeln!(out, "  restored {} from {}", shown(&done.path), shown(copy))?
                }
                None => writeln!(
                    out,
                    "  no backup of {} reads; it starts afresh (the broken file is kept)",
                    shown(&done.path)
                )?,
            }
        }
    }
    let findings = doctor::check(data_dir, settings)?;
    if findings.is_empty() {
        writeln!(out, "  no data yet: gutbone starts afresh here")?;
    }
    for Finding { path, problem } in &findings {
        match problem {
            None => writeln!(out, "  ok       {}", shown(path))?,
            Some(problem) => writeln!(out, "  BROKEN   {}: {}", shown(path), brief(problem))?,
        }
    }
    let broken = findings.iter().filter(|f| f.problem.is_some()).count();
    match broken {
        0 => writeln!(out, "All {} files read.", findings.len())?,
        n => writeln!(
            out,
            "{n} {} cannot be read. Fix {} by hand, or run `gutbone doctor --repair` to move \
             {} aside and restore the newest backup that reads (nothing is deleted).",
            if n == 1 { "file" } else { "files" },
            if n == 1 { "it" } else { "them" },
            if n == 1 { "it" } else { "each" },
        )?,
    }
    Ok(broken == 0)
}

/// The mistake in one line: where it is and what it is.
fn brief(problem: &StoreError) -> String {
    match problem {
        StoreError::Parse {
            line,
            column,
            message,
            ..
        } => format!("line {line}, column {column}: {message}"),
        StoreError::NewerVersion {
            found, supported, ..
        } => {
            format!(
                "written by a newer gutbone (version {found}; this one reads up to {supported})"
            )
        }
        other => other.to_string(),
    }
}
