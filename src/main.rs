use std::error::Error;
use std::io::IsTerminal;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser as _;

use gutbone::app::App;
use gutbone::cli::{Cli, Command};
use gutbone::clock::Clock;
use gutbone::commands::mark::{AmountArg, Verb};
use gutbone::commands::{self, Failure, status::Format};
use gutbone::domain::date;
use gutbone::domain::past::Past;
use gutbone::look;
use gutbone::store::{Store, load_keymap, load_settings, load_stated, load_tips, paths};
use gutbone::symbols;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // A closed stderr is no reason to panic: the exit code still tells.
            if !failure.message.is_empty() {
                let _ = writeln!(std::io::stderr(), "gutbone: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

/// A data or file problem: exit code 1.
fn data(err: impl std::fmt::Display) -> Failure {
    Failure {
        code: 1,
        message: err.to_string(),
    }
}

fn run(cli: &Cli) -> Result<(), Failure> {
    let clock = Clock::from_env().map_err(data)?;
    let env_dir = std::env::var_os(paths::DATA_DIR_ENV);
    let dir = paths::resolve_data_dir(cli.globals.data_dir.as_deref(), env_dir)?;
    if std::env::var_os(SAVE_LOOP_ENV).is_some() {
        return save_loop(&dir).map_err(data);
    }
    let env_config = std::env::var_os(paths::CONFIG_DIR_ENV);
    let config_dir = paths::resolve_config_dir(cli.globals.config_dir.as_deref(), env_config)?;
    let flags = look::Flags {
        theme: cli.globals.theme,
        ascii: cli.globals.ascii,
    };
    let Some(command) = &cli.command else {
        return run_app(flags, &dir, &config_dir, &clock).map_err(data);
    };
    run_command(command, &dir, &config_dir, &clock, flags)
}

/// One subcommand, its output written in one go at the end: in ASCII, as
/// the screen would be, when the look asks for it and the output is text
/// for a person (not JSON, CSV, a script or a path).
fn run_command(
    command: &Command,
    dir: &Path,
    config_dir: &Path,
    clock: &Clock,
    flags: look::Flags,
) -> Result<(), Failure> {
    let mut out = Vec::new();
    let result = dispatch(command, dir, config_dir, clock, flags, &mut out);
    let ascii = is_text_for_a_person(command) && {
        let stated = load_stated(&paths::settings_file(config_dir)).unwrap_or_default();
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

fn is_text_for_a_person(command: &Command) -> bool {
    match command {
        Command::Status { json, .. } | Command::Week { json, .. } => !json,
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
    let settings_file = paths::settings_file(config_dir);
    let settings = || load_settings(&settings_file);
    let today =
        || -> Result<_, Failure> { Ok(date::today(clock.now(), settings()?.day_starts_at)) };
    match command {
        Command::Paths => Ok(commands::paths::run(dir, config_dir, out)?),
        Command::Config => {
            let env = look::Env::read(|name| std::env::var_os(name));
            commands::config::run(config_dir, flags, &env, out)
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
        Command::Doctor { repair } => {
            let healthy = commands::doctor::run(dir, &settings_file, *repair, clock.now(), out)
                .map_err(data)?;
            if healthy {
                Ok(())
            } else {
                Err(data("some files cannot be read (see above)"))
            }
        }
        Command::Export {
            format,
            from,
            to,
            output,
        } => commands::export::run(
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
        } => {
            let request = commands::import::Request {
                file,
                format: *format,
                dry_run: *dry_run,
                map,
            };
            commands::import::run(dir, &request, today()?, out)
        }
        Command::GenerateHistory { years, seed } => {
            commands::generate::run(dir, *years, *seed, today()?)
        }
        Command::Week { date, json } => {
            let settings = settings()?;
            let today = date::today(clock.now(), settings.day_starts_at);
            commands::week::run(dir, date.as_deref(), *json, settings.week_start, today, out)
        }
        Command::Tip { habit } => commands::tip::run(
            dir,
            &paths::user_tips_file(config_dir),
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
            commands::mark::run(dir, mark, habits, date.as_deref(), today()?, out)
        }
        Command::Uncheck { habits, date } => {
            commands::mark::run(dir, Verb::Uncheck, habits, date.as_deref(), today()?, out)
        }
        Command::Skip { habits, date } => {
            commands::mark::run(dir, Verb::Skip, habits, date.as_deref(), today()?, out)
        }
        Command::Status { date, json, short } => {
            let format = match (json, short) {
                (true, _) => Format::Json,
                (_, true) => Format::Short,
                _ => Format::Text,
            };
            commands::status::run(dir, date.as_deref(), format, today()?, out)
        }
    }
}

/// The checklist in the terminal: what `gutbone` with no command opens.
fn run_app(
    flags: look::Flags,
    dir: &Path,
    config_dir: &Path,
    clock: &Clock,
) -> Result<(), Box<dyn Error>> {
    let stated = load_stated(&paths::settings_file(config_dir))?;
    let settings = stated.settings();
    let look = look::Look::resolve(
        &stated,
        flags,
        &look::Env::read(|name| std::env::var_os(name)),
    );
    let today = date::today(clock.now(), settings.day_starts_at);
    // A data directory that cannot be written to is still shown, changed
    // by no key (the run loop cannot take the write lock either).
    let (mut store, read_only) = match Store::open(dir) {
        Ok(store) => (store, false),
        Err(err) if err.is_read_only() => (Store::open_for_command(dir, today), true),
        Err(err) => return Err(err.into()),
    };
    store.set_today(today);
    // The months before the earliest week on screen are summed up, not read
    // (see `Past::checkpoint`).
    let from = Past::checkpoint(today, settings.week_start);
    let (habits, log) = store.load_recent(from)?;
    let ids: Vec<_> = habits.iter().map(|h| h.id.clone()).collect();
    let (tips, tips_problem) = load_tips(&paths::user_tips_file(config_dir), &ids);
    let (keymap, keys_problem) = load_keymap(&paths::keys_file(config_dir));
    if !std::io::stdout().is_terminal() {
        return Err(
            "the checklist needs an interactive terminal, and standard output is not one \
             (`gutbone status` prints the day instead)"
                .into(),
        );
    }
    if let Some(refusal) = look::refuse_terminal(std::env::var_os("TERM").as_deref()) {
        return Err(refusal.into());
    }
    let data_dir = dir.display().to_string();
    let mut app = App::new(habits, log, tips, settings, clock.now(), data_dir);
    app.warning = match (tips_problem, keys_problem) {
        (Some(tips), Some(keys)) => Some(format!("{tips} {keys}")),
        (tips, keys) => tips.or(keys),
    };
    app.keymap = keymap;
    if read_only {
        app.blocked = Some(gutbone::store::StoreError::read_only_note(dir));
    }
    app.theme = look.theme();
    gutbone::tui::run(&mut app, &mut store, clock, look.mouse.value)
        .map_err(|err| format!("terminal error: {err}"))?;
    // A save that failed while the app ran gets one last try.
    store
        .flush(&app.log)
        .map_err(|err| format!("{err}\nYour last changes could not be saved.").into())
}

/// A hidden testing aid: save change after change, forever, printing the
/// number of each change once it is on disk, so a test can kill the process
/// at any moment and check what it left behind.
const SAVE_LOOP_ENV: &str = "GUTBONE_TEST_SAVE_LOOP";

fn save_loop(dir: &Path) -> Result<(), Box<dyn Error>> {
    use std::io::Write;
    let mut store = Store::open(dir)?;
    let (habits, mut log) = store.load()?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("a fixed day")?;
    let mut out = std::io::stdout().lock();
    for k in 1..=10_000 {
        log.set_entry(
            day,
            &habits[0],
            Some(gutbone::domain::Entry::Amount(f64::from(k))),
        );
        store.save_day(&log, day)?;
        writeln!(out, "{k}")?;
        out.flush()?;
    }
    Ok(())
}
