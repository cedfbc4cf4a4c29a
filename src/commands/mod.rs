//! The subcommands: each prints for people on stdout, problems on stderr,
//! and says whether all was well (exit code 0) or not (1).

pub mod doctor;
pub mod pick;
