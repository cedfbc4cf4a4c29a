//! The command line.

use std::path::PathBuf;

use clap::Parser;

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
    #[arg(long, value_name = "PATH")]
    pub data_dir: Option<PathBuf>,

    /// Read settings.ron from PATH instead of the default config directory.
    /// Overrides the GUTBONE_CONFIG_DIR environment variable.
    #[arg(long, value_name = "PATH")]
    pub config_dir: Option<PathBuf>,
}

const AFTER_HELP: &str = "\
Examples:
  gutbone                          open today's checklist
  gutbone --data-dir ~/sync/bones  keep the log in a synced folder

Data lives in ~/.local/share/gutbone on Linux (see `?` inside the app).";
