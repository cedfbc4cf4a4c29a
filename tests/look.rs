//! How the screen looks, and where each choice came from.

use std::ffi::{OsStr, OsString};

use gutbone::domain::settings::ThemeName;
use gutbone::look::*;
use gutbone::store::Stated;

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
