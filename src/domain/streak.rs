//! Streaks: runs of kept days, per habit (see `walk` for what keeps a day on
//! each schedule) and for perfect days.
//!
//! The rules, which the README repeats:
//! - a kept day extends a streak; a missed day ends it;
//! - a skipped day, or a day off, neither breaks nor extends it, as if it
//!   did not exist;
//! - today, while still open, does not break it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A run of kept days, with the dates it spans (days set aside inside it
/// count toward neither `days` nor a break).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Streak {
    pub days: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Streak {
    /// `run` with one more kept day, `date`; or a run of that day alone.
    pub fn extended(run: Option<Self>, date: NaiveDate) -> Self {
        match run {
            Some(run) => Self {
                days: run.days + 1,
                end: date,
                ..run
            },
            None => Self {
                days: 1,
                start: date,
                end: date,
            },
        }
    }
}

/// How one day bears on the streak of perfect days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PerfectDay {
    Counts,
    Passes,
    Breaks,
}
