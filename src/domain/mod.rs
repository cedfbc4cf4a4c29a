//! The habit-tracking domain: habits, the daily log, dates, weeks and streaks.
//!
//! Plain data and pure functions of `(log, today)`. Nothing here reads the clock,
//! touches the disk or knows about the terminal; the store and the UI build on it.

pub mod amount;
pub mod date;
pub mod entry;
pub mod habit;
pub mod history;
pub mod log;
pub mod merge;
pub mod past;
pub mod review;
pub mod schedule;
pub mod settings;
pub mod stats;
pub mod story;
pub mod streak;
pub mod strength;
pub mod walk;
pub mod week;

pub use entry::{Entry, Status};
pub use habit::{Habit, HabitId, default_habits};
pub use history::History;
pub use log::{DayCount, Log};
