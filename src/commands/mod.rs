//! The subcommands: data on stdout, messages on stderr, and an exit code:
//! 0 success, 1 a data or file problem, 2 a usage problem.

pub mod config;
pub mod doctor;
pub mod export;
pub mod generate;
pub mod import;
pub mod mark;
pub mod paths;
pub mod pick;
pub mod status;
pub mod tip;
pub mod week;

use crate::store::StoreError;

/// Why a command failed, and the exit code that says which kind of failure.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    /// The person asked for something that cannot be: exit code 2.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(err: StoreError) -> Self {
        Self {
            code: 1,
            message: err.to_string(),
        }
    }
}

impl From<std::io::Error> for Failure {
    /// Output that could not be written. A closed pipe (`gutbone man | head`)
    /// is the reader having had enough: quietly fine, not a failure.
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Self {
                code: 0,
                message: String::new(),
            };
        }
        Self {
            code: 1,
            message: format!("could not write the output: {err}"),
        }
    }
}
