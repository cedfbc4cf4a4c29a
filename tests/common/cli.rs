//! Running the real binary as a command, with "today" pinned to Sun 22 Nov
//! 2026 and every file in a temporary directory.

use std::path::Path;
use std::process::{Command, Output};

pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .arg("--config-dir")
        .arg(dir.join("config"))
        .env("GUTBONE_NOW", "2026-11-22T09:00:00")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Standard output of a command that must succeed.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let output = run(dir, args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// The exit code and standard error of a command that must fail.
pub fn fails(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = run(dir, args);
    assert_ne!(output.status.code(), Some(0), "{args:?} should fail");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
