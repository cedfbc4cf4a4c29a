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
        for done in doctor::repair(data_dir, settings, now)? {
            let (path, moved) = (shown(&done.path), shown(&done.moved_to));
            writeln!(out, "  moved    {path} → {moved}")?;
            match &done.restored_from {
                Some(copy) => writeln!(out, "  restored {path} from {}", shown(copy))?,
                None if done.path == settings => writeln!(
                    out,
                    "           the default settings apply until a corrected {path} is put back"
                )?,
                None => writeln!(out, "  no backup of {path} reads; it starts afresh")?,
            }
            let days: Vec<String> = done.lacking.iter().map(|d| d.to_string()).collect();
            match days.len() {
                // Said only when every line of the moved file could be read.
                0 if done.restored_from.is_some() && done.unreadable.is_empty() => {
                    writeln!(out, "           it holds every day {moved} still shows")?
                }
                0 => {}
                n => writeln!(
                    out,
                    "           {moved} still shows {n} {} it lacks: {}; copy {} back by hand into {path}",
                    if n == 1 { "day" } else { "days" },
                    days.join(", "),
                    if n == 1 { "it" } else { "them" },
                )?,
            }
            if !done.unreadable.is_empty() {
                let lines: Vec<String> = done.unreadable.iter().map(|n| n.to_string()).collect();
                writeln!(
                    out,
                    "           {moved} line{} {} could not be read: look at {} there too",
                    if lines.len() == 1 { "" } else { "s" },
                    lines.join(", "),
                    if lines.len() == 1 { "it" } else { "them" },
                )?;
            }
        }
    }
    if repair {
        for folded in doctor::fold_copies(data_dir, now.date())? {
            let (copy, original) = (shown(&folded.copy.copy), shown(&folded.copy.original));
            match &folded.outcome {
                Ok(conflicts) => {
                    let kept = shown(&folded.kept);
                    writeln!(
                        out,
                        "  folded   {copy} into {original}; the copy is kept in {kept}"
                    )?;
                    for conflict in conflicts {
                        writeln!(out, "           {conflict}")?;
                    }
                }
                Err(err) => writeln!(out, "  not folded {copy}: {}", brief(err))?,
            }
        }
    }
    let report = doctor::check(data_dir, settings)?;
    let findings = report.findings;
    if findings.is_empty() {
        writeln!(out, "  no data yet: gutbone starts afresh here")?;
    }
    for Finding { path, problem } in &findings {
        match problem {
            None => writeln!(out, "  ok       {}", shown(path))?,
            Some(StoreError::GoneSinceSync { dir, relative, .. }) => writeln!(
                out,
                "  GONE     {relative}: synced before, and not here; put it back with \
                 `git -C {} checkout -- {relative}`",
                crate::store::shell_quoted(&dir.to_string_lossy())
            )?,
            Some(problem) => writeln!(out, "  BROKEN   {}: {}", shown(path), brief(problem))?,
        }
    }
    for path in &report.unread {
        writeln!(
            out,
            "  unread   {}: not named as a month file is (log/YYYY/01.ron to 12.ron), so \
             gutbone does not read it",
            shown(path)
        )?;
    }
    for copy in &report.copies {
        writeln!(
            out,
            "  copy     {}: a file-sync tool's conflict copy of {}, not read; \
             `gutbone doctor --repair` folds it in",
            shown(&copy.copy),
            shown(&copy.original)
        )?;
    }
    let newer = findings
        .iter()
        .filter(|f| matches!(f.problem, Some(StoreError::NewerVersion { .. })))
        .count();
    let gone = findings
        .iter()
        .filter(|f| matches!(f.problem, Some(StoreError::GoneSinceSync { .. })))
        .count();
    let broken = findings.iter().filter(|f| f.problem.is_some()).count() - newer - gone;
    match (broken + gone, newer, findings.len()) {
        (0, 0, 0) => {}
        (0, 0, 1) => writeln!(out, "The one file reads.")?,
        (0, 0, n) => writeln!(out, "All {n} files read.")?,
        _ => {}
    }
    if broken > 0 {
        writeln!(
            out,
            "{broken} {} cannot be read. Fix {} by hand, or run `gutbone doctor --repair` to move \
             {} aside and restore the newest backup that reads (nothing is deleted).",
            if broken == 1 { "file" } else { "files" },
            if broken == 1 { "it" } else { "them" },
            if broken == 1 { "it" } else { "each" },
        )?;
    }
    if newer > 0 {
        writeln!(
            out,
            "{newer} {} written by a newer gutbone: update gutbone to read {}. \
             `--repair` leaves {} as {} (nothing in {} is broken).",
            if newer == 1 { "file was" } else { "files were" },
            if newer == 1 { "it" } else { "them" },
            if newer == 1 { "it" } else { "them" },
            if newer == 1 { "it is" } else { "they are" },
            if newer == 1 { "it" } else { "them" },
        )?;
    }
    if !report.copies.is_empty() {
        writeln!(
            out,
            "{} conflict {} not read. `gutbone doctor --repair` folds each into its original \
             (every day and habit either holds is kept) and moves it into backups/.",
            report.copies.len(),
            if report.copies.len() == 1 {
                "copy is"
            } else {
                "copies are"
            },
        )?;
    }
    Ok(broken + newer + gone == 0 && report.copies.is_empty())
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
