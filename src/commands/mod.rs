//! The subcommands: data on stdout, messages on stderr, and an exit code:
//! 0 success, 1 a data or file problem, 2 a usage problem.

pub mod doctor;
pub mod mark;
pub mod pick;
pub mod status;

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
    fn from(err: std::io::Error) -> Self {
        Self {
            code: 1,
            message: format!("could not write the output: {err}"),
        }
    }
}
