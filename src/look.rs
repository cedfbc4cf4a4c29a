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
    pub fn new(value: T, source: Origin) -> Self {
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
