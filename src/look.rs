//! How the screen should look, and why: each choice with where it came from
//! (a flag, `settings.ron`, the environment, or the default), so `gutbone
//! config` can say so.

use std::ffi::OsStr;
use std::fmt;

use crate::domain::settings::ThemeName;
use crate::store::Stated;
use crate::ui::theme::Theme;

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Default,
    File,
    Flag(&'static str),
    Env(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Default => f.write_str("default"),
            Self::File => f.write_str("settings.ron"),
            Self::Flag(flag) => write!(f, "{flag}"),
            Self::Env(what) => f.write_str(what),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen<T> {
    pub value: T,
    pub source: Origin,
}

impl<T> Chosen<T> {
    fn new(value: T, source: Origin) -> Self {
        Self { value, source }
    }
}

/// The command-line flags that change the look.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flags {
    pub theme: Option<ThemeName>,
    pub ascii: bool,
}

/// The parts of the environment that change the look.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `NO_COLOR`, when set and not empty (no-color.org).
    pub no_color: bool,
    /// The first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set, as
    /// `NAME=value`.
    pub locale: Option<String>,
}

impl Env {
    /// Reads the variables through `var`, so tests can hand in their own.
    pub fn read(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Self {
        let set = |name: &str| var(name).filter(|value| !value.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .into_iter()
            .find_map(|name| set(name).map(|value| format!("{name}={}", value.to_string_lossy())));
        Self {
            no_color: set("NO_COLOR").is_some(),
            locale,
        }
    }

    /// Whether the locale rules out UTF-8. No locale at all says nothing:
    /// most terminals show Unicode, and a wrong guess the other way would
    /// cost everyone the symbols.
    fn locale_is_not_utf8(&self) -> bool {
        self.locale.as_deref().is_some_and(|locale| {
            let lower = locale.to_ascii_lowercase();
            !(lower.contains("utf-8") || lower.contains("utf8"))
        })
    }
}

/// Every choice about the look, resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Look {
    pub theme: Chosen<ThemeName>,
    pub colour: Chosen<bool>,
    pub ascii: Chosen<bool>,
    pub mouse: Chosen<bool>,
}

impl Look {
    /// Flags win over `settings.ron`, which wins over the environment's
    /// hints, which win over the defaults. `NO_COLOR` is the exception: it
    /// is the person's standing wish, so nothing turns colour back on.
    pub fn resolve(stated: &Stated, flags: Flags, env: &Env) -> Self {
        let theme = match (flags.theme, stated.theme) {
            (Some(theme), _) => Chosen::new(theme, Origin::Flag("--theme")),
            (None, Some(theme)) => Chosen::new(theme, Origin::File),
            (None, None) => Chosen::new(ThemeName::default(), Origin::Default),
        };
        let colour = if env.no_color {
            Chosen::new(false, Origin::Env("NO_COLOR".into()))
        } else {
            Chosen::new(true, Origin::Default)
        };
        let ascii = if flags.ascii {
            Chosen::new(true, Origin::Flag("--ascii"))
        } else if let Some(ascii) = stated.ascii {
            Chosen::new(ascii, Origin::File)
        } else if env.locale_is_not_utf8() {
            Chosen::new(true, Origin::Env(env.locale.clone().unwrap_or_default()))
        } else {
            Chosen::new(false, Origin::Default)
        };
        let mouse = match stated.mouse {
            Some(mouse) => Chosen::new(mouse, Origin::File),
            None => Chosen::new(true, Origin::Default),
        };
        Self {
            theme,
            colour,
            ascii,
            mouse,
        }
    }

    pub fn theme(&self) -> Theme {
        Theme::new(self.theme.value, self.colour.value, self.ascii.value)
    }
}

/// Why the checklist cannot be drawn on this terminal, if it cannot.
pub fn refuse_terminal(term: Option<&OsStr>) -> Option<String> {
    (term == Some(OsStr::new("dumb"))).then(|| {
        "this terminal (TERM=dumb) cannot draw the checklist; `gutbone status` prints \
         the day as text, and `gutbone check HABIT` ticks a habit"
            .to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env(vars: &[(&str, &str)]) -> Env {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Env::read(|name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    #[test]
    fn with_nothing_said_the_look_is_dark_coloured_unicode_with_the_mouse() {
        let look = Look::resolve(&Stated::default(), Flags::default(), &env(&[]));
        assert_eq!(look.theme, Chosen::new(ThemeName::Dark, Origin::Default));
        assert_eq!(look.colour, Chosen::new(true, Origin::Default));
        assert_eq!(look.ascii, Chosen::new(false, Origin::Default));
        assert_eq!(look.mouse, Chosen::new(true, Origin::Default));
    }

    #[test]
    fn the_flag_beats_the_file_which_beats_the_default() {
        let stated = Stated {
            theme: Some(ThemeName::Light),
            mouse: Some(false),
            ..Stated::default()
        };
        let look = Look::resolve(&stated, Flags::default(), &env(&[]));
        assert_eq!(look.theme, Chosen::new(ThemeName::Light, Origin::File));
        assert_eq!(look.mouse, Chosen::new(false, Origin::File));
        let flags = Flags {
            theme: Some(ThemeName::HighContrast),
            ascii: true,
        };
        let look = Look::resolve(&stated, flags, &env(&[]));
        assert_eq!(
            look.theme,
            Chosen::new(ThemeName::HighContrast, Origin::Flag("--theme"))
        );
        assert_eq!(look.ascii, Chosen::new(true, Origin::Flag("--ascii")));
    }

    #[test]
    fn no_color_turns_colour_off_unless_empty() {
        let look = Look::resolve(
            &Stated::default(),
            Flags::default(),
            &env(&[("NO_COLOR", "1")]),
        );
        assert_eq!(
            look.colour,
            Chosen::new(false, Origin::Env("NO_COLOR".into()))
        );
        assert!(!look.theme().colour);
        let look = Look::resolve(
            &Stated::default(),
            Flags::default(),
            &env(&[("NO_COLOR", "")]),
        );
        assert!(look.colour.value);
    }

    #[test]
    fn a_locale_without_utf8_means_ascii_and_the_first_locale_variable_decides() {
        let ascii = |vars: &[(&str, &str)]| {
            Look::resolve(&Stated::default(), Flags::default(), &env(vars)).ascii
        };
        assert_eq!(
            ascii(&[("LANG", "C")]),
            Chosen::new(true, Origin::Env("LANG=C".into()))
        );
        assert!(!ascii(&[("LANG", "en_GB.UTF-8")]).value);
        assert!(!ascii(&[("LC_ALL", "C.utf8"), ("LANG", "C")]).value);
        assert!(ascii(&[("LC_CTYPE", "en_US.ISO-8859-1"), ("LANG", "en_US.UTF-8")]).value);
        // The file knows the terminal better than the locale does.
        let stated = Stated {
            ascii: Some(false),
            ..Stated::default()
        };
        let look = Look::resolve(&stated, Flags::default(), &env(&[("LANG", "C")]));
        assert_eq!(look.ascii, Chosen::new(false, Origin::File));
    }

    #[test]
    fn a_dumb_terminal_is_refused_and_pointed_to_status() {
        let refusal = refuse_terminal(Some(OsStr::new("dumb"))).unwrap();
        assert!(refusal.contains("gutbone status"), "{refusal}");
        assert_eq!(refuse_terminal(Some(OsStr::new("xterm-256color"))), None);
        assert_eq!(refuse_terminal(None), None);
    }
}
