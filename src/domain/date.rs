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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn dt(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        s.parse().unwrap()
    }

    #[test]
    fn with_midnight_starts_today_is_the_calendar_date() {
        assert_eq!(
            today(dt("2026-11-22T00:00:00"), NaiveTime::MIN),
            d("2026-11-22")
        );
        assert_eq!(
            today(dt("2026-11-22T23:59:59"), NaiveTime::MIN),
            d("2026-11-22")
        );
    }

    #[test]
    fn with_a_four_oclock_start_a_late_night_counts_for_the_day_before() {
        let four = t("04:00:00");
        // 01:30 on Tuesday 24 Nov is still Monday.
        assert_eq!(today(dt("2026-11-24T01:30:00"), four), d("2026-11-23"));
        assert_eq!(today(dt("2026-11-24T03:59:59"), four), d("2026-11-23"));
        assert_eq!(today(dt("2026-11-24T04:00:00"), four), d("2026-11-24"));
        // and New Year's night belongs to the old year
        assert_eq!(today(dt("2027-01-01T02:00:00"), four), d("2026-12-31"));
    }

    #[test]
    fn the_next_day_starts_at_the_day_start() {
        assert_eq!(
            next_day_start(dt("2026-12-31T23:59:30"), NaiveTime::MIN),
            dt("2027-01-01T00:00:00")
        );
        assert_eq!(
            next_day_start(dt("2026-11-24T01:30:00"), t("04:00:00")),
            dt("2026-11-24T04:00:00")
        );
        assert_eq!(
            next_day_start(dt("2026-11-24T05:00:00"), t("04:00:00")),
            dt("2026-11-25T04:00:00")
        );
    }

    #[test]
    fn weeks_start_on_monday_or_sunday() {
        use WeekStart::*;
        assert_eq!(week_start(d("2026-11-22"), Monday), d("2026-11-16")); // a Sunday
        assert_eq!(week_start(d("2026-11-22"), Sunday), d("2026-11-22"));
        assert_eq!(week_start(d("2026-11-16"), Monday), d("2026-11-16"));
        assert_eq!(week_start(d("2026-11-16"), Sunday), d("2026-11-15"));
        assert_eq!(week_start(d("2026-12-02"), Monday), d("2026-11-30")); // across a month end
        assert_eq!(week_start(d("2027-01-01"), Monday), d("2026-12-28")); // across New Year
        assert_eq!(week_start(d("2027-01-01"), Sunday), d("2026-12-27"));
    }

    #[test]
    fn a_week_is_seven_consecutive_days() {
        let days = week_days(d("2026-12-28"));
        assert_eq!(days[0], d("2026-12-28"));
        assert_eq!(days[3], d("2026-12-31"));
        assert_eq!(days[4], d("2027-01-01"));
        assert_eq!(days[6], d("2027-01-03"));
    }

    #[test]
    fn weeks_move_by_seven_days() {
        assert_eq!(add_weeks(d("2026-11-22"), -1), d("2026-11-15"));
        assert_eq!(add_weeks(d("2026-12-29"), 1), d("2027-01-05"));
        assert_eq!(add_weeks(d("2026-11-22"), 0), d("2026-11-22"));
    }
}
