//! Which key does what: the default keys, and `keys.ron`, where a person
//! gives any action keys of their own.
//!
//! ```ron
//! // Each action named gets exactly these keys; the rest keep theirs.
//! {
//!     "toggle_selected": ["space", "x"],
//!     "next_day": ["right", "l", "ctrl-n"],
//! }
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::de::{Deserializer, MapAccess, Visitor};

use crate::action::Action;
use crate::position::{Mistake, line_and_column};

/// The actions a key can be given, by their names in `keys.ron`. Typing in
/// editors, the digits (habit 1 to 9) and Ctrl-C (quit) are fixed.
pub const ACTIONS: [(&str, Action); 29] = [
    ("select_up", Action::SelectUp),
    ("select_down", Action::SelectDown),
    ("toggle_selected", Action::ToggleSelected),
    ("skip_selected", Action::SkipSelected),
    ("add_step", Action::AddStep),
    ("remove_step", Action::RemoveStep),
    ("type_amount", Action::TypeAmount),
    ("add_habit", Action::AddHabit),
    ("edit_habit", Action::EditHabit),
    ("archive_habit", Action::ArchiveHabit),
    ("move_habit_up", Action::MoveHabitUp),
    ("move_habit_down", Action::MoveHabitDown),
    ("prev_day", Action::PrevDay),
    ("next_day", Action::NextDay),
    ("prev_week", Action::PrevWeek),
    ("next_week", Action::NextWeek),
    ("go_today", Action::GoToday),
    ("next_tip", Action::NextTip),
    ("prev_tip", Action::PrevTip),
    ("edit_note", Action::EditNote),
    ("undo", Action::Undo),
    ("redo", Action::Redo),
    ("toggle_help", Action::ToggleHelp),
    ("open_review", Action::OpenReview),
    ("open_detail", Action::OpenDetail),
    ("next_range", Action::NextRange),
    ("focus_next", Action::FocusNext),
    ("focus_prev", Action::FocusPrev),
    ("quit", Action::Quit),
];

/// The name `keys.ron` uses for an action, if it can be rebound.
pub fn action_name(action: Action) -> Option<&'static str> {
    ACTIONS
        .iter()
        .find(|(_, a)| *a == action)
        .map(|(name, _)| *name)
}

const DEFAULTS: [(&str, Action); 36] = [
    ("up", Action::SelectUp),
    ("k", Action::SelectUp),
    ("down", Action::SelectDown),
    ("j", Action::SelectDown),
    ("space", Action::ToggleSelected),
    ("enter", Action::ToggleSelected),
    ("left", Action::PrevDay),
    ("h", Action::PrevDay),
    ("right", Action::NextDay),
    ("l", Action::NextDay),
    ("s", Action::SkipSelected),
    ("+", Action::AddStep),
    ("-", Action::RemoveStep),
    ("=", Action::TypeAmount),
    ("a", Action::AddHabit),
    ("e", Action::EditHabit),
    ("D", Action::ArchiveHabit),
    ("K", Action::MoveHabitUp),
    ("J", Action::MoveHabitDown),
    ("[", Action::PrevWeek),
    ("]", Action::NextWeek),
    ("w", Action::OpenReview),
    ("i", Action::OpenDetail),
    ("r", Action::NextRange),
    ("t", Action::GoToday),
    ("u", Action::Undo),
    ("ctrl-r", Action::Redo),
    ("o", Action::EditNote),
    ("n", Action::NextTip),
    ("N", Action::PrevTip),
    ("?", Action::ToggleHelp),
    ("tab", Action::FocusNext),
    ("shift-tab", Action::FocusPrev),
    ("esc", Action::Back),
    ("q", Action::Quit),
    // Esc also closes overlays, so it is fixed like Ctrl-C; listed here so
    // the help can show it.
    ("ctrl-c", Action::Quit),
];

/// One key with its modifiers, as `keys.ron` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
}

/// `KeyCode` with an order, for the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(u8),
}

const NAMED: [(&str, KeyCode, &str); 14] = [
    ("space", KeyCode::Char(' '), "Space"),
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("shift-tab", KeyCode::BackTab, "Shift-Tab"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("delete", KeyCode::Delete, "Delete"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PageUp"),
];

impl Key {
    fn from_event(key: KeyEvent) -> Option<Self> {
        let code = match key.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::PageDown => KeyCodeOrd::Named(NAMED.len() as u8),
            other => KeyCodeOrd::Named(NAMED.iter().position(|(_, code, _)| *code == other)? as u8),
        };
        // Space arrives as a character: it has one name whichever way.
        let code = match code {
            KeyCodeOrd::Char(' ') => KeyCodeOrd::Named(0),
            code => code,
        };
        Some(Self {
            code,
            ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
            alt: key.modifiers.contains(KeyModifiers::ALT),
        })
    }

    /// Reads "k", "K", "?", "space", "f5", "ctrl-r", "alt-left".
    pub fn parse(name: &str) -> Option<Self> {
        let (mut ctrl, mut alt, mut rest) = (false, false, name);
        loop {
            if let Some(after) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                (ctrl, rest) = (true, after);
            } else if let Some(after) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                (alt, rest) = (true, after);
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => KeyCodeOrd::Char(c),
            _ if rest == "pagedown" => KeyCodeOrd::Named(NAMED.len() as u8),
            _ => match NAMED.iter().position(|(n, _, _)| *n == rest) {
                Some(i) => KeyCodeOrd::Named(i as u8),
                None => {
                    let n: u8 = rest.strip_prefix('f')?.parse().ok()?;
                    if !(1..=12).contains(&n) {
                        return None;
                    }
                    KeyCodeOrd::F(n)
                }
            },
        };
        // Ctrl with a letter arrives lower-case.
        let code = match code {
            KeyCodeOrd::Char(c) if ctrl => KeyCodeOrd::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Some(Self { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    /// As the help shows it: "k", "Ctrl-R", "↑", "Space".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCodeOrd::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named(i) => match NAMED.get(usize::from(i)) {
                Some((_, _, shown)) => f.write_str(shown),
                None => f.write_str("PageDown"),
            },
        }
    }
}

/// The keys in force: the defaults, with `keys.ron`'s choices laid over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// In the order written, which is the order the help lists them.
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        DEFAULT_KEYMAP.clone()
    }
}

static DEFAULT_KEYMAP: LazyLock<Keymap> = LazyLock::new(|| Keymap {
    bindings: DEFAULTS
        .iter()
        .map(|(name, action)| (Key::parse(name).expect("a default key parses"), *action))
        .collect(),
});

/// Keys nobody can take: the digits tick habits 1 to 9, Ctrl-C always
/// quits, Esc always goes back.
fn fixed(key: Key) -> Option<&'static str> {
    match (key.code, key.ctrl, key.alt) {
        (KeyCodeOrd::Char('1'..='9'), false, false) => Some("ticks a habit by its number"),
        (KeyCodeOrd::Char('c'), true, false) => Some("always quits"),
        (KeyCodeOrd::Named(2), false, false) => Some("always goes back"),
        _ => None,
    }
}

impl Keymap {
    /// The action for a key press, if any. Callers pass only presses:
    /// terminals that report releases would otherwise toggle twice.
    pub fn action_for(&self, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        if let (KeyCodeOrd::Char(digit @ '1'..='9'), false, false) = (key.code, key.ctrl, key.alt) {
            return Some(Action::ToggleHabit(digit as usize - '1' as usize));
        }
        self.get(key)
    }

    fn get(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// The keys that do `action`, as the help shows them.
    /// The keys for `action`, the fixed ones (Ctrl-C, Esc) last: the first
    /// is the one hints show, so a key a person chose comes first.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<Key> = self
            .bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(key, _)| *key)
            .collect();
        keys.sort_by_key(|key| fixed(*key).is_some());
        keys.iter().map(Key::to_string).collect()
    }

    /// Reads `keys.ron`: a map from action names to lists of keys. Any
    /// mistake (an unknown action or key, a key given twice, a key another
    /// action still holds by default) is an error where it stands, and the
    /// caller keeps the defaults.
    pub fn parse(text: &str) -> Result<Self, Mistake> {
        let entries: Entries = ron::Options::default().from_str(text)?;
        let mut places = Places::new(text);
        let mut bindings = DEFAULT_KEYMAP.bindings.clone();
        let mut rebound: Vec<Action> = vec![];
        let mut given: BTreeMap<Key, (Action, usize, usize)> = BTreeMap::new();
        for (name, keys) in &entries.0 {
            let (line, column) = places.next(name);
            let Some(&(_, action)) = ACTIONS.iter().find(|(n, _)| n == name) else {
                return Err(Mistake {
                    line,
                    column,
                    message: format!(
                        "there is no action called \"{name}\" (they are: {})",
                        ACTIONS.map(|(n, _)| n).join(", ")
                    ),
                });
            };
            if rebound.contains(&action) {
                return Err(Mistake {
                    line,
                    column,
                    message: format!("\"{name}\" is given keys twice"),
                });
            }
            rebound.push(action);
            bindings.retain(|(key, a)| *a != action || fixed(*key).is_some());
            for key_name in keys {
                let (line, column) = places.next(key_name);
                let at = |message: String| Mistake {
                    line,
                    column,
                    message,
                };
                let key = Key::parse(key_name).ok_or_else(|| {
                    at(format!(
                        "there is no key called \"{key_name}\" (try a character, \"space\", \
                         \"enter\", \"tab\", \"up\", \"f5\", \"ctrl-n\" or \"alt-left\")"
                    ))
                })?;
                if let Some(why) = fixed(key) {
                    return Err(at(format!("{key} cannot be given to {name}: it {why}")));
                }
                if let Some((other, l, c)) = given.get(&key).filter(|(a, ..)| *a != action) {
                    let other = action_name(*other).unwrap_or("another action");
                    return Err(at(format!(
                        "{key} is given to {name} and to {other} (line {l}, column {c})"
                    )));
                }
                given.insert(key, (action, line, column));
                bindings.retain(|(k, _)| *k != key);
                bindings.push((key, action));
            }
        }
        // A key still held by default by an action the file leaves alone.
        for (key, (action, line, column)) in &given {
            let default = DEFAULT_KEYMAP.get(*key);
            if let Some(other) = default.filter(|a| *a != *action && !rebound.contains(a)) {
                let name = action_name(*action).unwrap_or("it");
                let other = action_name(other).unwrap_or("another action");
                return Err(Mistake {
                    line: *line,
                    column: *column,
                    message: format!(
                        "{key} is given to {name} but is also {other}'s key; give {other} \
                         other keys in this file too"
                    ),
                });
            }
        }
        Ok(Self { bindings })
    }
}

/// The file's entries, in the order written (a map would sort them).
struct Entries(Vec<(String, Vec<String>)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from action names to lists of keys")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = vec![];
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// Finds each quoted string in turn, so a message can point at the one it
/// means even when the same key is written twice.
struct Places<'t> {
    text: &'t str,
    from: usize,
}

impl<'t> Places<'t> {
    fn new(text: &'t str) -> Self {
        Self { text, from: 0 }
    }

    fn next(&mut self, value: &str) -> (usize, usize) {
        let quoted = format!("\"{value}\"");
        match self.text[self.from..].find(&quoted) {
            Some(offset) => {
                let at = self.from + offset;
                self.from = at + quoted.len();
                line_and_column(self.text, at)
            }
            None => line_and_column(self.text, self.from),
        }
    }
}

/// The action for a key press while text is being typed (the note editor):
/// printable keys are text, not commands.
pub fn typing_action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
        KeyCode::Char(c) => Some(Action::Type(c)),
        KeyCode::Backspace => Some(Action::DeleteBack),
        KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
        KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// The action bound to a key press by default.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    DEFAULT_KEYMAP.action_for(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_reads_back_as_itself() {
        for (name, action) in DEFAULTS {
            let key = Key::parse(name).unwrap();
            assert_eq!(DEFAULT_KEYMAP.get(key), Some(action), "{name}");
        }
        for (name, _) in ACTIONS {
            assert!(action_name(ACTIONS.iter().find(|(n, _)| *n == name).unwrap().1).is_some());
        }
    }
}
