//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// gutbone: a daily habit coach for the gut–bone axis.
///
/// Tick off fermented food, prebiotic fibre, weight-bearing exercise, sunlight
/// and a stress break each day, watch the week fill in, and read a short tip,
/// with its source, on why each habit matters for your bones.
#[derive(Debug, Parser)]
#[command(version, after_help = AFTER_HELP)]
pub struct Cli {
    /// Keep data in PATH instead of the default data directory.
    /// Overrides the GUTBONE_DATA_DIR environment variable.
    #[arg(long, value_name = "PATH", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Read settings.ron from PATH instead of the default config directory.
    /// Overrides the GUTBONE_CONFIG_DIR environment variable.
    #[arg(long, value_name = "PATH", global = true)]
    pub config_dir: Option<PathBuf>,

    /// With no command, gutbone opens today's checklist.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every data file and report what is wrong with it.
    #[command(after_help = DOCTOR_HELP)]
    Doctor {
        /// Move each broken file aside as NAME.broken-<time> and restore its
        /// newest backup that reads. Nothing is deleted.
        #[arg(long)]
        repair: bool,
    },
}

const DOCTOR_HELP: &str = "\
Examples:
  gutbone doctor            list each file: ok, or where its mistake is
  gutbone doctor --repair   move broken files aside and restore backups

Exit code 0 when every file reads, 1 when one does not (or cannot be repaired).
Close gutbone first: the doctor holds the same lock.";

const AFTER_HELP: &str = "\
Examples:
  gutbone                          open today's checklist
  gutbone --data-dir ~/sync/bones  keep the log in a synced folder
  gutbone doctor                   check every data file

Data lives in ~/.local/share/gutbone on Linux (see `?` inside the app).";
