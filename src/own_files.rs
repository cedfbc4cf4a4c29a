//! The files a person adds to change gutbone: their own tips (`tips.ron`)
//! and keys (`keys.ron`). The store reads their text, the coach and the
//! keymap read that; a mistake in them is told, never fatal.

use std::path::Path;

use crate::coach::Tips;
use crate::domain::HabitId;
use crate::keymap::Keymap;
use crate::position::Mistake;
use crate::store::read_optional_text;

/// The built-in tips plus the person's own. A problem with theirs is told in
/// the app, not fatal: the built-in tips still load.
pub fn load_tips(path: &Path, habits: &[HabitId]) -> (Tips, Option<String>) {
    let with_own = |text: &str| {
        let mut tips = Tips::builtin();
        tips.add_user(text, habits).map(|_| tips)
    };
    let instead = "Your own tips were not loaded; the built-in ones were";
    own_file(path, with_own, Tips::builtin, instead)
}

/// The keys in force and, when `keys.ron` could not be used, why: its
/// mistakes leave every default key in place.
pub fn load_keymap(path: &Path) -> (Keymap, Option<String>) {
    let instead = "The default keys are in force";
    own_file(path, Keymap::parse, Default::default, instead)
}

/// An optional file of the person's own (`tips.ron`, `keys.ron`) read by
/// `parse`; `fallback` when there is none or it cannot be used, and then
/// where and why, and what is `instead` in force.
fn own_file<T>(
    path: &Path,
    parse: impl FnOnce(&str) -> Result<T, Mistake>,
    fallback: impl FnOnce() -> T,
    instead: &str,
) -> (T, Option<String>) {
    let problem = match read_optional_text(path) {
        Ok(None) => None,
        Ok(Some(text)) => match parse(&text) {
            Ok(own) => return (own, None),
            Err(err) => Some(format!(
                "{} line {}, column {}: {}. {instead}.",
                path.display(),
                err.line,
                err.column,
                err.message
            )),
        },
        Err(err) => Some(format!("{err}. {instead}.")),
    };
    (fallback(), problem)
}
