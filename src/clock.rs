//! The wall clock, read only by the run loop.

use chrono::{DateTime, Local, NaiveDateTime, TimeDelta, TimeZone, Utc};

/// A hidden testing aid: the clock starts at this local time (e.g.
/// `2026-11-22T23:59:58`) and runs on from there, so end-to-end tests can pin
/// the date and cross a midnight.
pub const START_ENV: &str = "GUTBONE_NOW";

#[derive(Clone, Copy, Debug)]
pub struct Clock {
    offset: TimeDelta,
}

impl Clock {
    pub fn system() -> Self {
        Self {
            offset: TimeDelta::zero(),
        }
    }

    /// The system clock, or one starting at `GUTBONE_NOW` when that is set.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var(START_ENV) {
            Ok(start) if !start.is_empty() => {
                let start: NaiveDateTime = start.parse().map_err(|err| {
                    format!("{START_ENV}={start:?} is not a time like 2026-11-22T09:30:00 ({err})")
                })?;
                Ok(Self {
                    offset: start - local_now(),
                })
            }
            _ => Ok(Self::system()),
        }
    }

    pub fn now(&self) -> NaiveDateTime {
        local_now() + self.offset
    }
}

fn local_now() -> NaiveDateTime {
    wall_clock(Utc::now(), &Local)
}

/// What the clock on the wall shows at `instant` in `zone`. This is where time
/// zones and daylight saving end: from here on gutbone counts wall-clock days,
/// so a 23- or 25-hour day is still one day.
pub fn wall_clock<Tz: TimeZone>(instant: DateTime<Utc>, zone: &Tz) -> NaiveDateTime {
    instant.with_timezone(zone).naive_local()
}
