use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

use gutbone::cli::{Cli, Command};
use gutbone::clock::Clock;
use gutbone::commands::{self, Failure};
use gutbone::store::paths;
use gutbone::{look, test_hooks, tui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    gutbone::store::ask_if_synced(gutbone::sync::was_synced);
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

fn run(cli: &Cli) -> Result<(), Failure> {
    let clock = Clock::from_env().map_err(Failure::data)?;
    let env_dir = std::env::var_os(paths::DATA_DIR_ENV);
    let dir = paths::resolve_data_dir(cli.globals.data_dir.as_deref(), env_dir)?;
    if test_hooks::save_loop_asked() {
        return test_hooks::save_loop(&dir).map_err(Failure::data);
    }
    let env_config = std::env::var_os(paths::CONFIG_DIR_ENV);
    let config_dir = paths::resolve_config_dir(cli.globals.config_dir.as_deref(), env_config)?;
    let flags = look::Flags {
        theme: cli.globals.theme,
        ascii: cli.globals.ascii,
    };
    let syncs = match &cli.command {
        None => {
            tui::open(flags, &dir, &config_dir, &clock).map_err(Failure::data)?;
            true
        }
        Some(command) => {
            commands::run(command, &dir, &config_dir, &clock, flags)?;
            !matches!(command, Command::Sync { .. } | Command::MergeFile { .. })
        }
    };
    if cli.globals.sync && syncs {
        commands::sync::after(&dir, clock.now())?;
    }
    Ok(())
}
