//! What "today" is, and the calendar arithmetic around it.
//!
//! Every "today" in gutbone comes from [`today`], so the rule for when a day
//! begins lives in one place. Times are local wall-clock times: a day is the
//! span between two day starts on the clock, however long daylight saving
//! makes it.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::settings::WeekStart;

/// The years gutbone keeps: every year file's name is these four digits.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

/// `date`, if it falls in [`YEARS`]; else what to tell the person.
pub fn kept(date: NaiveDate) -> Result<NaiveDate, String> {
    if YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!(
            "{} is outside the years gutbone keeps ({} to {})",
            date.format("%Y-%m-%d"),
            YEARS.start(),
            YEARS.end()
        ))
    }
}

/// The first day gutbone keeps: the app goes back no further.
pub fn first_kept_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The habit day that `now` (local wall-clock time) belongs to, for days
/// that begin at `day_start`.
pub fn today(now: NaiveDateTime, day_start: NaiveTime) -> NaiveDate {
    if now.time() < day_start {
        now.date().pred_opt().unwrap_or(now.date())
    } else {
        now.date()
    }
}

/// The moment the habit day after `now` begins: when the app must wake to move
/// "today" forward even if nothing else happens.
pub fn next_day_start(now: NaiveDateTime, day_start: NaiveTime) -> NaiveDateTime {
    let tomorrow = today(now, day_start).succ_opt().unwrap_or(NaiveDate::MAX);
    tomorrow.and_time(day_start)
}

/// The first day of the week containing `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use gutbone::domain::date::week_start;
/// use gutbone::domain::settings::WeekStart;
///
/// let new_years_day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(); // a Friday
/// let monday = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
/// assert_eq!(week_start(new_years_day, WeekStart::Monday), monday);
/// ```
pub fn week_start(date: NaiveDate, start: WeekStart) -> NaiveDate {
    let back = match start {
        WeekStart::Monday => date.weekday().num_days_from_monday(),
        WeekStart::Sunday => date.weekday().num_days_from_sunday(),
    };
    date.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(date)
}

/// The seven dates of the week that starts on `start`.
pub fn week_days(start: NaiveDate) -> [NaiveDate; 7] {
    let mut days = [start; 7];
    for (offset, day) in (0..).zip(days.iter_mut()) {
        *day = start.checked_add_days(Days::new(offset)).unwrap_or(start);
    }
    days
}

/// `date` moved by whole weeks (negative: back).
pub fn add_weeks(date: NaiveDate, weeks: i64) -> NaiveDate {
    let days = Days::new(weeks.unsigned_abs() * 7);
    let moved = if weeks < 0 {
        date.checked_sub_days(days)
    } else {
        date.checked_add_days(days)
    };
    moved.unwrap_or(date)
}

/// A calendar month: the log's unit on disk, and the calendar's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `None` for a month chrono has no calendar for.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// Its first day to its last.
    pub fn days(self) -> Option<std::ops::RangeInclusive<NaiveDate>> {
        let first = self.first_day()?;
        let next = first.checked_add_months(chrono::Months::new(1))?;
        Some(first..=next.pred_opt()?)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}
