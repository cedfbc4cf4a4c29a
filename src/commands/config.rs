//! `gutbone config`: every setting in effect, where each comes from, written
//! as a `settings.ron` a person can copy and edit.

use std::io::Write;
use std::path::Path;

use super::Failure;
use crate::domain::settings::WeekStart;
use crate::look::{Chosen, Env, Flags, Look, Origin};
use crate::own_files::load_keymap;
use crate::store::{Stated, load_stated, paths};

pub fn run(
    config_dir: &Path,
    flags: Flags,
    env: &Env,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let settings_file = paths::settings_file(config_dir);
    let stated = load_stated(&settings_file)?;
    let look = Look::resolve(&stated, flags, env);
    write!(out, "{}", render(&settings_file, &stated, &look))?;
    let keys_file = paths::keys_file(config_dir);
    let keys = match load_keymap(&keys_file) {
        (_, Some(problem)) => format!("// keys: {problem}\n"),
        _ if keys_file.exists() => format!("// keys: {}\n", keys_file.display()),
        _ => format!(
            "// keys: the defaults ({} would change them; see the README)\n",
            keys_file.display()
        ),
    };
    write!(out, "{keys}")?;
    Ok(())
}

fn from(source: &Origin) -> String {
    format!("// {source}")
}

/// Where a counting setting came from: the file, or the default.
fn said<T>(value: Option<T>) -> Origin {
    if value.is_some() {
        Origin::File
    } else {
        Origin::Default
    }
}

fn render(path: &Path, stated: &Stated, look: &Look) -> String {
    let settings = stated.settings();
    let file = if path.exists() {
        format!("// Read from {}.", path.display())
    } else {
        format!(
            "// {} does not exist: every setting is its default.",
            path.display()
        )
    };
    let week_start = match settings.week_start {
        WeekStart::Monday => "Monday",
        WeekStart::Sunday => "Sunday",
    };
    let theme = match look.theme.value {
        crate::domain::settings::ThemeName::Dark => "Dark",
        crate::domain::settings::ThemeName::Light => "Light",
        crate::domain::settings::ThemeName::HighContrast => "HighContrast",
    };
    let colour = |choice: &Chosen<bool>| match choice.value {
        true => "on (NO_COLOR set to anything turns it off)".to_owned(),
        false => format!("off, from {}", choice.source),
    };
    format!(
        "// gutbone's settings in effect, each with where it comes from.\n\
         {file}\n\
         // To change one, put it in that file; leave out what you do not change.\n\
         (\n    \
             version: 1,\n    \
             // The first day of the week: Monday or Sunday.\n    \
             week_start: {week_start}, {}\n    \
             // When a new habit day begins; with \"04:00\" a late night counts\n    \
             // toward the day it started in.\n    \
             day_starts_at: \"{}\", {}\n    \
             // Colours: Dark, Light or HighContrast (--theme picks one for a run).\n    \
             theme: {theme}, {}\n    \
             // Clicks and the wheel; false leaves the mouse to the terminal, for\n    \
             // selecting text.\n    \
             mouse: {}, {}\n    \
             // ASCII marks and lines only, for terminals without Unicode (--ascii\n    \
             // for a run; by default, when the locale is not UTF-8).\n    \
             ascii: {}, {}\n    \
             // Manual: sync only with `gutbone sync` or a command's --sync.\n    \
             // Auto: the app syncs after its first frame and once more on quit.\n    \
             sync: {:?}, {}\n\
         )\n\
         // colour: {}\n",
        from(&said(stated.week_start)),
        settings.day_starts_at.format("%H:%M"),
        from(&said(stated.day_starts_at)),
        from(&look.theme.source),
        look.mouse.value,
        from(&look.mouse.source),
        look.ascii.value,
        from(&look.ascii.source),
        stated.sync.unwrap_or_default(),
        from(&said(stated.sync)),
        colour(&look.colour),
    )
}
