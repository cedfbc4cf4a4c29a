//! The choices that change how days and weeks are counted.

use chrono::NaiveTime;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub week_start: WeekStart,
    /// When a new habit day begins. With 04:00, 01:30 on Tuesday still
    /// belongs to Monday: a late night counts toward the day it started in.
    pub day_starts_at: NaiveTime,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            week_start: WeekStart::Monday,
            day_starts_at: NaiveTime::MIN,
        }
    }
}
