//! `gutbone import`: merge history from our own export, Loop Habit Tracker's
//! CSV export or dijo's habit file. What is already logged is never
//! overwritten: a day where the file disagrees is reported and kept.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Failure;
use super::pick::pick_habit;
use crate::domain::Habit;
use crate::domain::amount::format_amount;
use crate::domain::habit::{check_habits, check_names, unique_short_label};
use crate::domain::schedule::Schedule;
use crate::exchange::loop_csv::{CHECKMARKS_FILE, HABITS_FILE, LoopFiles};
use crate::exchange::{self, ImportError, Plan, Source, dijo, gutbone, loop_csv};
use crate::store::{Store, paths};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// gutbone's own export, JSON or RON.
    Gutbone,
    /// Loop Habit Tracker's CSV export: its zip, its folder, or Habits.csv.
    Loop,
    /// dijo's habit_record.json.
    Dijo,
    /// gutbone's own CSV export (`gutbone export --format csv`).
    Csv,
}

impl ImportFormat {
    fn label(self) -> &'static str {
        match self {
            Self::Gutbone => "gutbone export",
            Self::Loop => "Loop Habit Tracker export",
            Self::Dijo => "dijo habits",
            Self::Csv => "gutbone CSV export",
        }
    }
}

/// What the command was asked to do.
pub struct Request<'a> {
    pub file: &'a Path,
    pub format: Option<ImportFormat>,
    pub dry_run: bool,
    pub map: &'a [String],
    /// Make the file's habits that match none of the person's.
    pub create: bool,
}

pub fn run(
    dir: &Path,
    request: &Request,
    today: NaiveDate,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mapping = parse_map(request.map)?;
    let format = match request.format {
        Some(format) => format,
        None => detect(request.file)?,
    };
    let source = read_source(request.file, format)?;

    let mut store = Store::open_for_command(dir, today);
    if !request.dry_run {
        // Held until the end: nothing else writes between this read and the save.
        store.lock_for_writing()?;
    }
    let (mut habits, mut log) = store.load()?;

    let mut mapped = Vec::new();
    for (theirs, ours) in &mapping {
        if !source
            .habits
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case(theirs))
        {
            return Err(Failure::usage(format!(
                "--map {theirs}=…: the file has no habit called \"{theirs}\"; it has {}",
                names(&source)
            )));
        }
        let habit = pick_habit(&habits, ours)
            .map_err(|err| Failure::usage(format!("--map {theirs}={ours}: {err}")))?;
        mapped.push((theirs.clone(), habit.id.clone()));
    }
    // Our own export carries its habits whole: one the person lacks is
    // made, settings and all, so an export brings a history back entire;
    // another tracker's are made when asked (--create). Into a fresh start
    // (no habits.ron, nothing logged) an export's come as they are, in its
    // order, in place of the defaults.
    let makes = request.create || format == ImportFormat::Gutbone;
    let whole = format == ImportFormat::Gutbone
        && !source.habits.is_empty()
        && source.habits.iter().all(|h| h.habit.is_some());
    let fresh = whole && log.first_day().is_none() && !paths::habits_file(dir).exists();
    let ours = if fresh { Vec::new() } else { habits.clone() };
    let matched = exchange::match_habits(&source, &ours, &mapped);
    let created: Vec<Habit> = (source.habits.iter().enumerate())
        .zip(&matched)
        .filter(|(_, ours)| makes && ours.is_none())
        .filter_map(|((at, theirs), _)| {
            let mut habit = theirs.habit.clone()?;
            // Another tracker's habit is judged from its first day in the
            // file: the days before are not misses. (Our export says its own.)
            if format != ImportFormat::Gutbone {
                let marks = source.marks.iter().filter(|m| m.habit == at);
                habit.since = marks.map(|m| m.date).min().or(Some(today));
            }
            Some(habit)
        })
        .collect();
    if !created.is_empty() {
        let mut all = ours;
        for mut habit in created.iter().cloned() {
            let taken = |label: &str| {
                all.iter()
                    .any(|h| h.names().any(|n| n == label.to_lowercase()))
            };
            if taken(&habit.short) {
                habit.short = unique_short_label(&habit.name, &all);
            }
            all.push(habit);
        }
        check_habits(&all)
            .and_then(|()| check_names(&all))
            .map_err(|problem| {
                Failure::usage(format!(
                    "the file's habit \"{}\" cannot be added: {}; send it to one of yours \
                     with --map instead",
                    all[problem.index].name, problem.message
                ))
            })?;
        habits = all;
    }
    let targets = exchange::match_habits(&source, &habits, &mapped);
    if !source.habits.is_empty() && targets.iter().all(Option::is_none) {
        let first = &source.habits[0].name;
        return Err(Failure::usage(format!(
            "none of the file's habits ({}) is one of yours by name; \
             say where each goes, e.g. --map \"{first}={}\"",
            names(&source),
            habits.first().map_or("HABIT", |h| h.id.as_str()),
        )));
    }
    let plan = exchange::plan(&source, &targets, &log, today);

    writeln!(
        out,
        "Importing {} {}",
        format.label(),
        request.file.display()
    )?;
    for habit in &created {
        let kind = match &habit.measure {
            Some(measure) => format!(
                "{}{} {}",
                if measure.at_most { "at most " } else { "" },
                format_amount(measure.target),
                measure.unit_for(measure.target)
            ),
            None => "done or not".into(),
        };
        let kind = match habit.schedule {
            Schedule::Daily if habit.measure.is_some() => format!("{kind} a day"),
            Schedule::Daily => kind,
            schedule => format!("{kind}, {schedule}"),
        };
        let note = source
            .habits
            .iter()
            .find(|theirs| theirs.name == habit.name)
            .and_then(|theirs| theirs.note.as_deref())
            .map_or(String::new(), |note| format!("; {note}"));
        let verb = if request.dry_run {
            "would be added"
        } else {
            "added"
        };
        writeln!(
            out,
            "  {}: a habit you did not have, {verb} ({kind}){note}",
            habit.name
        )?;
    }
    report(&plan, out)?;
    if request.dry_run {
        writeln!(out, "Dry run: {}; nothing was written.", would_add(&plan))?;
        return Ok(());
    }
    if !created.is_empty() {
        // The habits first: the days about to be written name them.
        store.save_habits(habits, &log)?;
    }
    if !plan.is_empty() {
        plan.apply(&mut log);
        store.save_days(&log, plan.dates())?;
    }
    writeln!(out, "{}.", added(&plan))?;
    Ok(())
}

/// `--map "Kefir=fermented-food"`, each one split at its `=`.
fn parse_map(map: &[String]) -> Result<Vec<(String, String)>, Failure> {
    map.iter()
        .map(|pair| {
            pair.split_once('=')
                .map(|(theirs, ours)| (theirs.trim().to_owned(), ours.trim().to_owned()))
                .filter(|(theirs, ours)| !theirs.is_empty() && !ours.is_empty())
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "--map \"{pair}\": write it THEIRS=OURS, e.g. --map \"Kefir=fermented-food\""
                    ))
                })
        })
        .collect()
}

fn names(source: &Source) -> String {
    let names: Vec<_> = source.habits.iter().map(|h| h.name.as_str()).collect();
    if names.is_empty() {
        "no habits".into()
    } else {
        names.join(", ")
    }
}

/// Which tool wrote `file`, from what it is: a folder, a zip or Habits.csv
/// is Loop's; a JSON list is dijo's; anything else should be our export.
fn detect(file: &Path) -> Result<ImportFormat, Failure> {
    let meta = fs::metadata(file).map_err(|err| cannot_read(file, &err))?;
    if meta.is_dir() || file.file_name().is_some_and(|name| name == HABITS_FILE) {
        return Ok(ImportFormat::Loop);
    }
    let mut start = [0u8; 64];
    let n = fs::File::open(file)
        .and_then(|mut f| f.read(&mut start))
        .map_err(|err| cannot_read(file, &err))?;
    let start = &start[..n];
    if start.starts_with(b"PK") {
        return Ok(ImportFormat::Loop);
    }
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('[') {
        Ok(ImportFormat::Dijo)
    } else if text.starts_with(gutbone::CSV_HEADER) {
        Ok(ImportFormat::Csv)
    } else {
        Ok(ImportFormat::Gutbone)
    }
}

fn cannot_read(file: &Path, err: &std::io::Error) -> Failure {
    Failure {
        code: 1,
        message: format!("cannot read {}: {err}", file.display()),
    }
}

fn bad_file(err: &ImportError) -> Failure {
    Failure {
        code: 1,
        message: format!("cannot import {err}\nNothing was changed."),
    }
}

fn read_source(file: &Path, format: ImportFormat) -> Result<Source, Failure> {
    let name = file.display().to_string();
    match format {
        ImportFormat::Gutbone => gutbone::read(&read_text(file)?, &name),
        ImportFormat::Dijo => dijo::read(&read_text(file)?, &name),
        ImportFormat::Csv => gutbone::read_csv(&read_text(file)?, &name),
        ImportFormat::Loop => {
            let files = if file.is_dir() {
                loop_folder(file)?
            } else if file.file_name().is_some_and(|n| n == HABITS_FILE) {
                loop_folder(file.parent().unwrap_or(Path::new(".")))?
            } else {
                loop_zip(file)?
            };
            return loop_csv::read(&files).map_err(|err| {
                let located = ImportError {
                    file: format!("{name}: {}", err.file),
                    ..err
                };
                bad_file(&located)
            });
        }
    }
    .map_err(|err| bad_file(&err))
}

/// Files larger than this are not a habit history; refused before reading.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn read_text(file: &Path) -> Result<String, Failure> {
    let size = fs::metadata(file)
        .map_err(|err| cannot_read(file, &err))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(too_big(file));
    }
    let bytes = fs::read(file).map_err(|err| cannot_read(file, &err))?;
    text(file, bytes)
}

fn too_big(file: &Path) -> Failure {
    Failure {
        code: 1,
        message: format!(
            "{} is larger than {} MB: too large to be a habit history",
            file.display(),
            MAX_FILE_BYTES / 1024 / 1024
        ),
    }
}

fn text(file: &Path, bytes: Vec<u8>) -> Result<String, Failure> {
    let text = String::from_utf8(bytes).map_err(|_| Failure {
        code: 1,
        message: format!("{} is not UTF-8 text", file.display()),
    })?;
    Ok(text.trim_start_matches('\u{feff}').to_owned())
}

/// An unpacked Loop export: `Habits.csv` and `NNN Name/Checkmarks.csv`.
fn loop_folder(dir: &Path) -> Result<LoopFiles, Failure> {
    let habits = read_text(&dir.join(HABITS_FILE))?;
    let mut checkmarks = Vec::new();
    let entries = fs::read_dir(dir).map_err(|err| cannot_read(dir, &err))?;
    for entry in entries {
        let entry = entry.map_err(|err| cannot_read(dir, &err))?;
        let path = entry.path().join(CHECKMARKS_FILE);
        if entry.path().is_dir() && path.is_file() {
            let folder = entry.file_name().to_string_lossy().into_owned();
            checkmarks.push((folder, read_text(&path)?));
        }
    }
    checkmarks.sort();
    Ok(LoopFiles { habits, checkmarks })
}

/// Loop's zip: the same files, at its top level or under one folder.
fn loop_zip(file: &Path) -> Result<LoopFiles, Failure> {
    let not_zip = |err: zip::result::ZipError| Failure {
        code: 1,
        message: format!("{} is not a zip file Loop wrote: {err}", file.display()),
    };
    let reader = fs::File::open(file).map_err(|err| cannot_read(file, &err))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(reader)).map_err(not_zip)?;
    let paths: Vec<String> = archive
        .file_names()
        .map(|name| name.map(|n| n.into_owned()))
        .collect::<Result<_, _>>()
        .map_err(not_zip)?;
    let root = paths
        .iter()
        .filter_map(|path| path.strip_suffix(HABITS_FILE))
        .filter(|root| root.is_empty() || root.ends_with('/'))
        .min_by_key(|root| root.len())
        .ok_or_else(|| Failure {
            code: 1,
            message: format!(
                "{} holds no {HABITS_FILE}: is it Loop's CSV export?",
                file.display()
            ),
        })?
        .to_owned();
    let mut read = |path: &str| -> Result<String, Failure> {
        let mut entry = archive.by_name(path).map_err(not_zip)?;
        if entry.size() > MAX_FILE_BYTES {
            return Err(too_big(&PathBuf::from(path)));
        }
        let mut bytes = Vec::new();
        entry
            .by_ref()
            .take(MAX_FILE_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|err| cannot_read(file, &err))?;
        text(&file.join(path), bytes)
    };
    let habits = read(&format!("{root}{HABITS_FILE}"))?;
    let mut checkmarks = Vec::new();
    for path in &paths {
        let Some(folder) = path
            .strip_prefix(&root)
            .and_then(|rest| rest.strip_suffix(&format!("/{CHECKMARKS_FILE}")))
            .filter(|folder| !folder.contains('/'))
        else {
            continue;
        };
        checkmarks.push((folder.to_owned(), read(path)?));
    }
    checkmarks.sort();
    Ok(LoopFiles { habits, checkmarks })
}

fn report(plan: &Plan, out: &mut impl Write) -> std::io::Result<()> {
    for habit in &plan.habits {
        match &habit.habit {
            Some(ours) => {
                let name = if ours.eq_ignore_ascii_case(&habit.source) {
                    habit.source.clone()
                } else {
                    format!("{} → {ours}", habit.source)
                };
                if habit.added + habit.present + habit.conflicts == 0 {
                    writeln!(out, "  {name}: nothing logged in the file")?;
                    continue;
                }
                let mut parts = vec![format!("{} added", habit.added)];
                if habit.present > 0 {
                    parts.push(format!("{} already there", habit.present));
                }
                if habit.conflicts > 0 {
                    parts.push(plural(habit.conflicts, "conflict"));
                }
                writeln!(out, "  {name}: {}", parts.join(", "))?;
            }
            None => writeln!(
                out,
                "  {}: left out (none of your habits is called that; \
                 add --map \"{}=HABIT\")",
                habit.source, habit.source
            )?,
        }
    }
    if !plan.conflicts.is_empty() {
        writeln!(out, "Conflicts, kept as you had them:")?;
        for conflict in &plan.conflicts {
            writeln!(
                out,
                "  {}  {}: yours {}, the file's {}",
                conflict.date, conflict.about, conflict.kept, conflict.theirs
            )?;
        }
    }
    if !plan.refused.is_empty() {
        writeln!(
            out,
            "Left out, above the most a day holds (10,000), so nothing changes for them:"
        )?;
        for refused in &plan.refused {
            writeln!(
                out,
                "  {}  {}: {}",
                refused.date, refused.about, refused.value
            )?;
        }
    }
    if plan.later > 0 {
        writeln!(
            out,
            "{} dated after today left out.",
            plural(plan.later, "entry")
        )?;
    }
    Ok(())
}

fn plural(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {what}s"),
    }
}

fn counts(plan: &Plan) -> String {
    let mut text = plural(plan.entries.len(), "entry");
    if !plan.notes.is_empty() {
        text += &format!(" and {}", plural(plan.notes.len(), "note"));
    }
    text
}

fn would_add(plan: &Plan) -> String {
    if plan.is_empty() {
        "nothing new to add".into()
    } else {
        format!("would add {}", counts(plan))
    }
}

fn added(plan: &Plan) -> String {
    if plan.is_empty() {
        "Nothing new to add".into()
    } else {
        format!("Added {}", counts(plan))
    }
}
