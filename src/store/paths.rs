//! Where gutbone's files live.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::StoreError;
use super::month::Month;

/// The environment variable that moves the data directory.
pub const DATA_DIR_ENV: &str = "GUTBONE_DATA_DIR";
/// The environment variable that moves the config directory.
pub const CONFIG_DIR_ENV: &str = "GUTBONE_CONFIG_DIR";

/// The data directory: the `--data-dir` flag wins over `GUTBONE_DATA_DIR`,
/// which wins over the platform's data directory
/// (Linux: `~/.local/share/gutbone`).
pub fn resolve_data_dir(flag: Option<&Path>, env: Option<OsString>) -> Result<PathBuf, StoreError> {
    resolve(flag, env, ProjectDirs::data_dir)
}

/// The config directory, chosen the same way: the `--config-dir` flag, then
/// `GUTBONE_CONFIG_DIR`, then the platform's (Linux: `~/.config/gutbone`).
pub fn resolve_config_dir(
    flag: Option<&Path>,
    env: Option<OsString>,
) -> Result<PathBuf, StoreError> {
    resolve(flag, env, ProjectDirs::config_dir)
}

fn resolve(
    flag: Option<&Path>,
    env: Option<OsString>,
    platform: fn(&ProjectDirs) -> &Path,
) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = env.filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    ProjectDirs::from("", "", "gutbone")
        .map(|dirs| platform(&dirs).to_owned())
        .ok_or(StoreError::NoDataDir)
}

pub fn settings_file(config_dir: &Path) -> PathBuf {
    config_dir.join("settings.ron")
}

/// A person's own tips, added to the built-in ones.
pub fn user_tips_file(config_dir: &Path) -> PathBuf {
    config_dir.join("tips.ron")
}

/// The person's own keys (see `keymap`).
pub fn keys_file(config_dir: &Path) -> PathBuf {
    config_dir.join("keys.ron")
}

/// The file holding one month of the log: `log/2026/11.ron`.
pub fn month_file(data_dir: &Path, month: Month) -> PathBuf {
    log_dir(data_dir)
        .join(format!("{:04}", month.year))
        .join(format!("{:02}.ron", month.month))
}

/// The habits and their targets; beside the log, which is keyed by their ids.
pub fn habits_file(data_dir: &Path) -> PathBuf {
    data_dir.join("habits.ron")
}

/// The days before the weeks on screen summed up, so that a start need not
/// read them: a cache, made again whenever it no longer holds.
pub fn summary_file(data_dir: &Path) -> PathBuf {
    data_dir.join("cache").join("summary.ron")
}

pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("log")
}

/// Held for a moment around each write (see `lock`).
pub fn write_lock_file(data_dir: &Path) -> PathBuf {
    data_dir.join("gutbone.write.lock")
}

pub fn lock_file(data_dir: &Path) -> PathBuf {
    data_dir.join("gutbone.lock")
}

/// The year a year file holds (`2026.ron`), or a year's folder of months
/// (`2026`): four digits.
pub fn year_of_name(name: &str) -> Option<i32> {
    let stem = name.strip_suffix(".ron").unwrap_or(name);
    digits(stem, 4)
}

/// The month a month file holds (`11.ron`): two digits, 01 to 12.
pub fn month_of_file_name(name: &str) -> Option<u32> {
    let month = digits(name.strip_suffix(".ron")?, 2)?;
    (1..=12).contains(&month).then_some(month)
}

fn digits<T: std::str::FromStr>(text: &str, len: usize) -> Option<T> {
    if text.len() == len && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}
