use std::error::Error;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use gutbone::app::App;
use gutbone::cli::{Cli, Command};
use gutbone::clock::Clock;
use gutbone::coach::Tips;
use gutbone::domain::HabitId;
use gutbone::store::{Store, load_settings, paths, read_optional};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gutbone: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<(), Box<dyn Error>> {
    let clock = Clock::from_env()?;
    let env_dir = std::env::var_os(paths::DATA_DIR_ENV);
    let dir = paths::resolve_data_dir(cli.data_dir.as_deref(), env_dir)?;
    if std::env::var_os(SAVE_LOOP_ENV).is_some() {
        return save_loop(&dir);
    }
    if let Some(Command::Doctor { repair }) = &cli.command {
        let env_config = std::env::var_os(paths::CONFIG_DIR_ENV);
        let config_dir = paths::resolve_config_dir(cli.config_dir.as_deref(), env_config)?;
        let settings = paths::settings_file(&config_dir);
        let healthy = gutbone::commands::doctor::run(
            &dir,
            &settings,
            *repair,
            clock.now(),
            &mut std::io::stdout().lock(),
        )?;
        return if healthy {
            Ok(())
        } else {
            Err("some files cannot be read (see above)".into())
        };
    }
    let env_config = std::env::var_os(paths::CONFIG_DIR_ENV);
    let config_dir = paths::resolve_config_dir(cli.config_dir.as_deref(), env_config)?;
    let settings = load_settings(&paths::settings_file(&config_dir))?;
    let mut store = Store::open(&dir)?;
    let (habits, log) = store.load()?;
    let ids: Vec<_> = habits.iter().map(|h| h.id.clone()).collect();
    let (tips, tips_problem) = load_tips(&paths::user_tips_file(&config_dir), &ids);
    if !std::io::stdout().is_terminal() {
        return Err(
            "the checklist needs an interactive terminal, and standard output is not one".into(),
        );
    }
    let data_dir = dir.display().to_string();
    let mut app = App::new(habits, log, tips, settings, clock.now(), data_dir);
    app.warning = tips_problem;
    gutbone::tui::run(&mut app, &mut store, &clock)
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

/// The built-in tips plus the person's own. A problem with theirs is told in
/// the app, not fatal: the built-in tips still load.
fn load_tips(path: &Path, habits: &[HabitId]) -> (Tips, Option<String>) {
    let mut tips = Tips::builtin();
    let problem = match read_optional(path) {
        Ok(None) => None,
        Ok(Some(text)) => tips.add_user(&text, habits).err().map(|err| {
            format!(
                "{} line {}, column {}: {}. Your own tips were not loaded; the built-in ones were.",
                path.display(),
                err.line,
                err.column,
                err.message
            )
        }),
        Err(err) => Some(format!("{err}. Your own tips were not loaded.")),
    };
    (tips, problem)
}
