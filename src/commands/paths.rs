//! `gutbone paths`: where each file lives.

use std::io::Write;
use std::path::Path;

use crate::store::{backup, paths};

pub fn run(data_dir: &Path, config_dir: &Path, out: &mut impl Write) -> std::io::Result<()> {
    let rows = [
        ("data", data_dir.to_owned()),
        ("habits", paths::habits_file(data_dir)),
        ("log", paths::log_dir(data_dir)),
        ("backups", backup::backups_dir(data_dir)),
        ("lock", paths::lock_file(data_dir)),
        ("summary", paths::summary_file(data_dir)),
        ("config", config_dir.to_owned()),
        ("settings", paths::settings_file(config_dir)),
        ("tips", paths::user_tips_file(config_dir)),
        ("keys", paths::keys_file(config_dir)),
    ];
    for (what, path) in rows {
        let state = if path.exists() {
            ""
        } else {
            "  (not there yet)"
        };
        writeln!(out, "{what:<9}{}{state}", path.display())?;
    }
    Ok(())
}
