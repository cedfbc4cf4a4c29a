//! The command line.

use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand};

use crate::domain::settings::ThemeName;

/// gutbone: a daily habit coach for the gut–bone axis.
///
/// Tick off fermented food, prebiotic fibre, weight-bearing exercise, sunlight
/// and a stress break each day, watch the week fill in, and read a short tip,
/// with its source, on why each habit matters for your bones.
#[derive(Debug, Parser)]
#[command(version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,

    /// With no command, gutbone opens today's checklist.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options every command takes.
#[derive(Debug, Args)]
pub struct Globals {
    /// Keep data in PATH instead of the default data directory.
    /// Overrides the GUTBONE_DATA_DIR environment variable.
    #[arg(long, value_name = "PATH", global = true)]
    pub data_dir: Option<PathBuf>,

    /// Read settings.ron from PATH instead of the default config directory.
    /// Overrides the GUTBONE_CONFIG_DIR environment variable.
    #[arg(long, value_name = "PATH", global = true)]
    pub config_dir: Option<PathBuf>,

    /// Colours for the checklist: dark (the default), light or high-contrast.
    /// Overrides settings.ron. NO_COLOR in the environment turns colour off.
    #[arg(long, value_name = "THEME", global = true, value_parser = theme_name())]
    pub theme: Option<ThemeName>,

    /// Draw with ASCII only ([x], #, .), for terminals without Unicode.
    #[arg(long, global = true)]
    pub ascii: bool,

    /// After the command (or when the checklist closes), sync the history
    /// with its git remote (see `gutbone sync`).
    #[arg(long, global = true)]
    pub sync: bool,
}

/// `--theme`'s values, listed in the help as clap lists any others.
fn theme_name() -> impl clap::builder::TypedValueParser<Value = ThemeName> {
    let names = ThemeName::ALL.map(|(arg, _)| arg);
    clap::builder::PossibleValuesParser::new(names).map(|arg| {
        ThemeName::ALL
            .into_iter()
            .find(|(name, _)| *name == arg)
            .map_or(ThemeName::Dark, |(_, theme)| theme)
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Mark habits done on a day (a measured habit: its target, or --amount).
    #[command(after_help = CHECK_HELP)]
    Check {
        /// Habits by id, name or unique prefix: sunlight, "Stress break", ferm.
        #[arg(required = true, value_name = "HABIT")]
        habits: Vec<String>,
        /// The day: YYYY-MM-DD, today, yesterday, or -N for N days ago.
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
        /// Set the day's amount of a measured habit to N (e.g. 20 minutes),
        /// higher or lower than it was. Without it (or --add), a measured
        /// habit is brought up to its target, never down.
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        amount: Option<String>,
        /// Add N to the day's amount of a measured habit (a second walk).
        #[arg(
            long,
            value_name = "N",
            allow_hyphen_values = true,
            conflicts_with = "amount"
        )]
        add: Option<String>,
    },
    /// Clear habits on a day: not done, not skipped.
    #[command(
        after_help = "Examples:\n  gutbone uncheck sunlight\n  gutbone uncheck ferm --date yesterday"
    )]
    Uncheck {
        #[arg(required = true, value_name = "HABIT")]
        habits: Vec<String>,
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
    },
    /// Skip habits on a day (rest, illness, travel): streaks neither break nor grow.
    #[command(
        after_help = "Examples:\n  gutbone skip exercise\n  gutbone skip sun exercise --date -2"
    )]
    Skip {
        #[arg(required = true, value_name = "HABIT")]
        habits: Vec<String>,
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
    },
    /// Show a day's checklist, as text, JSON, or one short line.
    #[command(after_help = STATUS_HELP)]
    Status {
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
        /// One JSON object (its shape is in the README).
        #[arg(long, conflicts_with = "short")]
        json: bool,
        /// One line for a shell prompt or a status bar.
        #[arg(long)]
        short: bool,
    },
    /// The week grid as plain text (or JSON): each habit, each day.
    #[command(
        after_help = "Examples:\n  gutbone week\n  gutbone week --date -7     last week\n  gutbone week --json"
    )]
    Week {
        /// Any day of the week to show.
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
        /// One JSON object: days, each habit's marks, totals.
        #[arg(long)]
        json: bool,
    },
    /// Write the history out as CSV, JSON or RON.
    #[command(
        after_help = "Examples:\n  gutbone export > history.json\n  gutbone export --format csv --from 2026-01-01 -o 2026.csv\n  gutbone export --format ron --from -30"
    )]
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: crate::commands::export::ExportFormat,
        /// The first day to include (default: the first ever).
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        from: Option<String>,
        /// The last day to include (default: today).
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        to: Option<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Merge history from a gutbone export, Loop Habit Tracker or dijo.
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// A gutbone export (.json or .ron), Loop's CSV export (its zip, its
        /// unpacked folder, or the Habits.csv in it), or dijo's habit_record.json.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// What wrote FILE (default: worked out from the file).
        #[arg(long, value_enum)]
        format: Option<crate::commands::import::ImportFormat>,
        /// Show what would be added and what conflicts; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Send a habit in the file to one of yours: THEIRS=OURS. Repeat it
        /// for each habit whose name differs.
        #[arg(long, value_name = "THEIRS=OURS")]
        map: Vec<String>,
        /// Make the file's habits that match none of yours, with their kind,
        /// unit, target, schedule and limit (a gutbone export always does).
        #[arg(long)]
        create: bool,
    },
    /// A habit's whole story: days done of days due, streaks, weekdays,
    /// months and strength.
    #[command(
        after_help = "Examples:\n  gutbone stats sunlight\n  gutbone stats --json\n  gutbone stats exercise --from 2026-01-01 --to 2026-06-30 --json"
    )]
    Stats {
        /// A habit by id, name or unique prefix (default: every habit on the
        /// checklist).
        #[arg(value_name = "HABIT")]
        habit: Option<String>,
        /// The first day to count (default: the habit's first).
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        from: Option<String>,
        /// The last day to count (default: today).
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        to: Option<String>,
        /// One JSON object for a habit named, else a list (shape in the README).
        #[arg(long)]
        json: bool,
    },
    /// List, add, edit, archive or reorder habits.
    #[command(subcommand)]
    Habit(HabitCommand),
    /// One tip that fits the moment, with the article it comes from.
    #[command(
        after_help = "Examples:\n  gutbone tip            for the first habit not done today\n  gutbone tip sunlight"
    )]
    Tip {
        /// A habit by id, name or unique prefix.
        #[arg(value_name = "HABIT")]
        habit: Option<String>,
    },
    /// Print the settings in effect and where each comes from, as a
    /// settings.ron to copy and edit.
    #[command(
        after_help = "Examples:\n  gutbone config\n  NO_COLOR=1 gutbone --theme light config"
    )]
    Config,
    /// Where each of gutbone's files lives.
    #[command(after_help = "Examples:\n  gutbone paths\n  gutbone --data-dir ~/sync/bones paths")]
    Paths,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  gutbone completions bash > ~/.local/share/bash-completion/completions/gutbone\n  gutbone completions zsh > ~/.zfunc/_gutbone\n  gutbone completions fish > ~/.config/fish/completions/gutbone.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Examples:\n  gutbone man > gutbone.1 && man ./gutbone.1")]
    Man,
    /// Fill an empty data directory with YEARS of made-up history, for
    /// measuring speed (see benches/startup). Refuses a directory with a log.
    #[command(hide = true)]
    GenerateHistory {
        #[arg(long, default_value_t = 10)]
        years: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Keep one history on every machine, through a git repository: commit
    /// this machine's changes, take the others', and send them back.
    #[command(after_help = SYNC_HELP)]
    Sync {
        #[command(subcommand)]
        command: Option<SyncCommand>,
        /// The app's own sync: nothing may ask on a terminal.
        #[arg(long, hide = true)]
        background: bool,
    },
    /// git's merge driver for gutbone's files (set up by `sync init`):
    /// merges OURS and THEIRS against BASE into OURS.
    #[command(hide = true)]
    MergeFile {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The file's path in the repository.
        path: String,
    },
    /// Check every data file and report what is wrong with it.
    #[command(after_help = DOCTOR_HELP)]
    Doctor {
        /// Move each broken file aside as NAME.broken-<time> and restore its
        /// newest backup that reads. Nothing is deleted.
        #[arg(long)]
        repair: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Make the data directory a git repository that syncs with REMOTE (or
    /// adopt the one it is), merge in what REMOTE holds, and send it back.
    #[command(after_help = SYNC_INIT_HELP)]
    Init {
        /// Any git remote: git@host:you/habits.git, https://…, a path to a
        /// bare repository on a server or a USB stick.
        #[arg(value_name = "REMOTE")]
        remote: String,
    },
    /// The remote, the last sync, commits to send and to take, and the
    /// conflicts the last sync resolved. Asks nothing of the network.
    #[command(after_help = "Examples:\n  gutbone sync status")]
    Status,
}

#[derive(Debug, Subcommand)]
pub enum HabitCommand {
    /// The habits on the checklist, in order, with how each is measured and
    /// how often it is due.
    #[command(after_help = "Examples:\n  gutbone habit list\n  gutbone habit list --all --json")]
    List {
        /// Archived habits too.
        #[arg(long)]
        all: bool,
        /// One JSON list (its shape is in the README).
        #[arg(long)]
        json: bool,
    },
    /// Add a habit at the end of the checklist, due from today.
    #[command(after_help = HABIT_ADD_HELP)]
    Add {
        /// Its name, as the checklist shows it.
        #[arg(value_name = "NAME")]
        name: String,
        #[command(flatten)]
        settings: HabitSettings,
    },
    /// Change a habit: its history stays with it.
    #[command(after_help = HABIT_EDIT_HELP)]
    Edit {
        /// A habit by id, name or unique prefix.
        #[arg(value_name = "HABIT")]
        habit: String,
        /// A new name.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[command(flatten)]
        settings: HabitSettings,
        /// Due every day again.
        #[arg(long, conflicts_with_all = ["frequency", "on"])]
        daily: bool,
    },
    /// Take a habit off the checklist; its history is kept.
    #[command(after_help = "Examples:\n  gutbone habit archive floss\n  gutbone habit list --all")]
    Archive {
        #[arg(value_name = "HABIT")]
        habit: String,
    },
    /// Put an archived habit back on the checklist.
    #[command(after_help = "Examples:\n  gutbone habit unarchive floss")]
    Unarchive {
        #[arg(value_name = "HABIT")]
        habit: String,
    },
    /// Move a habit to another place on the checklist.
    #[command(after_help = "Examples:\n  gutbone habit move sunlight --to 1")]
    Move {
        #[arg(value_name = "HABIT")]
        habit: String,
        /// Its place, counting from 1.
        #[arg(long, value_name = "POSITION")]
        to: usize,
    },
}

/// How a habit is measured and how often it is due, as `habit add` and
/// `habit edit` take them.
#[derive(Debug, Args)]
pub struct HabitSettings {
    /// The label for narrow places such as the week grid.
    #[arg(long, value_name = "LABEL")]
    pub short: Option<String>,
    /// What a measured habit or a limit counts in: min, serving, glass.
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// How much makes a day of a measured habit.
    #[arg(long, value_name = "N", conflicts_with = "at_most")]
    pub target: Option<String>,
    /// What + and - add and take away.
    #[arg(long, value_name = "N")]
    pub step: Option<String>,
    /// A limit: the most a day may hold and still be kept.
    #[arg(long, value_name = "N")]
    pub at_most: Option<String>,
    /// How often: daily, N/D (3/7: three times in any seven days), N/week,
    /// weekly, N/month.
    #[arg(long, value_name = "F", conflicts_with = "on")]
    pub frequency: Option<String>,
    /// The weekdays it is due on: mon,wed,fri (full names too).
    #[arg(long, value_name = "DAYS")]
    pub on: Option<String>,
}

const HABIT_ADD_HELP: &str = "\
Examples:
  gutbone habit add Floss
  gutbone habit add Gym --frequency 3/week
  gutbone habit add Lift --on mon,wed,fri
  gutbone habit add Walk --unit min --target 30 --step 5
  gutbone habit add 'Sugary drinks' --unit glass --at-most 1";

const HABIT_EDIT_HELP: &str = "\
Examples:
  gutbone habit edit exercise --frequency 3/7
  gutbone habit edit sunlight --target 20
  gutbone habit edit gym --daily
  gutbone habit edit floss --name 'Floss at night'";

const CHECK_HELP: &str = "\
Examples:
  gutbone check sunlight                    sunlight done today (its 15 minutes)
  gutbone check exercise --amount 20        today's exercise is 20 minutes
  gutbone check exercise --add 15           15 minutes more (a second walk)
  gutbone check ferm fibre --date yesterday back-fill two habits

Exit code 0 on success, 1 for a data or file problem, 2 for a usage mistake
(an unknown or ambiguous habit, a bad date or amount); nothing changes then.";

const STATUS_HELP: &str = "\
Examples:
  gutbone status                 today's checklist
  gutbone status --date -1       yesterday's
  gutbone status --short         gutbone 3/5 · sunlight, stress break left
  gutbone status --json | jq .done";

const IMPORT_HELP: &str = "\
Examples:
  gutbone import history.json                       a gutbone export, back in
  gutbone import 'Loop Habits CSV 2026-11-20.zip' --map Kefir=fermented-food --dry-run
  gutbone import ~/.local/share/dijo/habit_record.json --map walk=exercise

Habits are matched by name (any case) or by --map. A day you already logged is
never overwritten: where the file says otherwise, it is listed as a conflict and
yours is kept. Exit code 0 on success, 1 when the file cannot be read (nothing
changes), 2 for a usage mistake.";

const SYNC_HELP: &str = "\
Examples:
  gutbone sync init git@github.com:you/habits.git
  gutbone sync
  gutbone sync status
  gutbone check sunlight --sync

A day and habit changed on two machines merges by itself: a change on one
side wins over no change on the other; two different changes keep the
larger amount (done beats not done, a skip yields). Every such conflict is
listed. On any failure the data directory is left exactly as it was.";

const SYNC_INIT_HELP: &str = "\
Examples:
  gutbone sync init git@github.com:you/habits.git
  gutbone sync init /media/usb/habits.git

Make REMOTE first: a new private repository on your git host, or
`git init --bare /media/usb/habits.git`. On a second machine, run the same
command: its days and the remote's are merged, none is lost.";

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
