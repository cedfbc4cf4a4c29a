//! Where gutbone's files live: the flag wins over the environment, which
//! wins over the platform's directory; log files are named by their digits.

use std::path::Path;

use gutbone::store::Month;
use gutbone::store::paths::{month_file, month_of_file_name, resolve_data_dir, year_of_name};

#[test]
fn the_flag_wins_over_the_environment() {
    let dir = resolve_data_dir(Some(Path::new("/flag")), Some("/env".into())).unwrap();
    assert_eq!(dir, Path::new("/flag"));
}

#[test]
fn the_environment_wins_over_the_platform_default() {
    let dir = resolve_data_dir(None, Some("/env".into())).unwrap();
    assert_eq!(dir, Path::new("/env"));
}

#[test]
fn an_empty_environment_variable_is_ignored() {
    let dir = resolve_data_dir(None, Some("".into()));
    assert_ne!(dir.ok().as_deref(), Some(Path::new("")));
}

#[test]
fn log_files_are_named_by_their_digits() {
    assert_eq!(year_of_name("2026.ron"), Some(2026));
    assert_eq!(year_of_name("2026"), Some(2026));
    assert_eq!(year_of_name("2026.ron.tmp"), None);
    assert_eq!(year_of_name("notes.ron"), None);
    assert_eq!(year_of_name("+202.ron"), None);
    assert_eq!(month_of_file_name("11.ron"), Some(11));
    assert_eq!(month_of_file_name("01.ron"), Some(1));
    for name in [
        "13.ron",
        "00.ron",
        "1.ron",
        "11.ron.broken-1",
        ".gutbone-x.tmp",
    ] {
        assert_eq!(month_of_file_name(name), None, "{name}");
    }
    let november = Month {
        year: 2026,
        month: 11,
    };
    assert_eq!(
        month_file(Path::new("d"), november),
        Path::new("d/log/2026/11.ron")
    );
}
