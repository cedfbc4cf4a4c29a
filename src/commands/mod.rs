//! The subcommands: data on stdout, messages on stderr, and an exit code:
//! 0 success, 1 a data or file problem, 2 a usage problem.

pub mod config;
pub mod doctor;
pub mod export;
pub mod generate;
pub mod habit;
pub mod import;
pub mod mark;
pub mod paths;
pub mod pick;
pub mod stats;
pub mod status;
pub mod sync;
pub mod tip;
pub mod week;

use std::io::Write as _;
use std::path::Path;

use crate::cli::{Cli, Command, HabitCommand};
use crate::clock::Clock;
use crate::domain::date;
use crate::look;
use crate::store::paths as files;
use crate::store::{StoreError, load_settings, load_stated};
use crate::symbols;
use mark::{AmountArg, Verb};
use status::Format;

/// Why a command failed, and the exit code that says which kind of failure.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// A data or file problem: exit code 1.
    pub fn data(err: impl std::fmt::Display) -> Self {
        Self {
            code: 1,
            message: err.to_string(),
        }
    }

    /// The person asked for something that cannot be: exit code 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(err: StoreError) -> Self {
        Self {
            code: 1,
            message: err.to_string(),
        }
    }
}

impl From<std::io::Error> for Failure {
    /// Output that could not be written. A closed pipe (`gutbone man | head`)
    /// is the reader having had enough: quietly fine, not a failure.
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Self {
                code: 0,
                message: String::new(),
            };
        }
        Self {
            code: 1,
            message: format!("could not write the output: {err}"),
        }
    }
}

/// One subcommand, its output written in one go at the end: in ASCII, as
/// the screen would be, when the look asks for it and the output is text
/// for a person (not JSON, CSV, a script or a path).
pub fn run(
    command: &Command,
    dir: &Path,
    config_dir: &Path,
    clock: &Clock,
    flags: look::Flags,
) -> Result<(), Failure> {
    if reads_the_log(command) {
        split_year_files(dir, config_dir, clock).map_err(|err| match command {
            // On a shell prompt a problem takes one line.
            Command::Status { short: true, .. } => Failure::data(status::one_line(&err)),
            _ => err.into(),
        })?;
    }
    let mut out = Vec::new();
    let result = dispatch(command, dir, config_dir, clock, flags, &mut out);
    let ascii = is_text_for_a_person(command) && {
        let stated = load_stated(&files::settings_file(config_dir)).unwrap_or_default();
        let env = look::Env::read(|name| std::env::var_os(name));
        look::Look::resolve(&stated, flags, &env).ascii.value
    };
    let text = match ascii {
        true => symbols::ascii_text(&String::from_utf8_lossy(&out)).into_bytes(),
        false => out,
    };
    let written = std::io::Write::write_all(&mut std::io::stdout().lock(), &text);
    result.and(written.map_err(Failure::from))
}

/// The commands that read the log, before which a log in the layout before
/// months is split (`doctor` looks at the files as they are).
fn reads_the_log(command: &Command) -> bool {
    !matches!(
        command,
        Command::Doctor { .. }
            | Command::Paths
            | Command::Config
            | Command::Completions { .. }
            | Command::Man
            | Command::MergeFile { .. }
    )
}

/// Splits the year files of the layout before months, and says so once.
fn split_year_files(dir: &Path, config_dir: &Path, clock: &Clock) -> Result<(), StoreError> {
    let settings = load_settings(&files::settings_file(config_dir))?;
    let today = date::today(clock.now(), settings.day_starts_at);
    let note = crate::store::Store::open_for_command(dir, today).split_year_files()?;
    if let Some(note) = note {
        let _ = writeln!(std::io::stderr(), "gutbone: {note}");
    }
    Ok(())
}

fn is_text_for_a_person(command: &Command) -> bool {
    match command {
        Command::Status { json, .. }
        | Command::Week { json, .. }
        | Command::Stats { json, .. }
        | Command::Habit(HabitCommand::List { json, .. }) => !json,
        Command::Habit(_) => true,
        Command::Tip { .. }
        | Command::Check { .. }
        | Command::Uncheck { .. }
        | Command::Skip { .. } => true,
        _ => false,
    }
}

/// Settings are read only by the commands that need "today" or the week's
/// first day, so `paths`, `man` and the like work whatever state the config
/// is in.
fn dispatch(
    command: &Command,
    dir: &Path,
    config_dir: &Path,
    clock: &Clock,
    flags: look::Flags,
    out: &mut Vec<u8>,
) -> Result<(), Failure> {
    let settings_file = files::settings_file(config_dir);
    let settings = || load_settings(&settings_file);
    let today =
        || -> Result<_, Failure> { Ok(date::today(clock.now(), settings()?.day_starts_at)) };
    match command {
        Command::Paths => Ok(paths::run(dir, config_dir, out)?),
        Command::Config => {
            let env = look::Env::read(|name| std::env::var_os(name));
            config::run(config_dir, flags, &env, out)
        }
        Command::Completions { shell } => {
            // clap_complete offers hidden commands too: the script is made
            // from the root's options and its visible commands alone.
            let full = <Cli as clap::CommandFactory>::command();
            let mut cli = clap::Command::new("gutbone")
                .args(full.get_arguments().cloned())
                .subcommands(full.get_subcommands().filter(|c| !c.is_hide_set()).cloned());
            // Into a buffer first: clap_complete panics on a write error.
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cli, "gutbone", &mut script);
            Ok(std::io::Write::write_all(out, &script)?)
        }
        Command::Man => {
            let cli = <Cli as clap::CommandFactory>::command();
            Ok(clap_mangen::Man::new(cli).render(out)?)
        }
        Command::Sync {
            command,
            background,
        } => sync::run(dir, command.as_ref(), clock.now(), *background, out),
        Command::MergeFile {
            base,
            ours,
            theirs,
            path,
        } => sync::merge_file(base, ours, theirs, path),
        Command::Doctor { repair } => {
            let healthy = doctor::run(dir, &settings_file, *repair, clock.now(), out)
                .map_err(Failure::data)?;
            if healthy {
                Ok(())
            } else {
                Err(Failure::data("some files are not read (see above)"))
            }
        }
        Command::Export {
            format,
            from,
            to,
            output,
        } => export::run(
            dir,
            *format,
            from.as_deref(),
            to.as_deref(),
            output.as_deref(),
            today()?,
            out,
        ),
        Command::Import {
            file,
            format,
            dry_run,
            map,
            create,
        } => {
            let request = import::Request {
                file,
                format: *format,
                dry_run: *dry_run,
                map,
                create: *create,
            };
            import::run(dir, &request, today()?, out)
        }
        Command::GenerateHistory { years, seed } => generate::run(dir, *years, *seed, today()?),
        Command::Week { date, json } => {
            let settings = settings()?;
            let today = date::today(clock.now(), settings.day_starts_at);
            week::run(dir, date.as_deref(), *json, settings.week_start, today, out)
        }
        Command::Habit(command) => habit::run(dir, command, today()?, out),
        Command::Stats {
            habit,
            from,
            to,
            json,
        } => {
            let range = stats::Range {
                from: from.as_deref(),
                to: to.as_deref(),
            };
            stats::run(dir, habit.as_deref(), &range, *json, today()?, out)
        }
        Command::Tip { habit } => tip::run(
            dir,
            &files::user_tips_file(config_dir),
            habit.as_deref(),
            clock.now(),
            today()?,
            out,
        ),
        Command::Check {
            habits,
            date,
            amount,
            add,
        } => {
            let amount = match (amount, add) {
                (Some(text), _) => Some(AmountArg::Set(text)),
                (None, Some(text)) => Some(AmountArg::Add(text)),
                (None, None) => None,
            };
            let mark = Verb::Check(amount);
            mark::run(dir, mark, habits, date.as_deref(), today()?, out)
        }
        Command::Uncheck { habits, date } => {
            mark::run(dir, Verb::Uncheck, habits, date.as_deref(), today()?, out)
        }
        Command::Skip { habits, date } => {
            mark::run(dir, Verb::Skip, habits, date.as_deref(), today()?, out)
        }
        Command::Status { date, json, short } => {
            let format = match (json, short) {
                (true, _) => Format::Json,
                (_, true) => Format::Short,
                _ => Format::Text,
            };
            status::run(dir, date.as_deref(), format, today()?, out)
        }
    }
}
