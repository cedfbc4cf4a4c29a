//! What "today" is, and the calendar arithmetic around it.
//!
//! Every "today" in gutbone comes from [`today`], so the rule for when a day
//! begins lives in one place.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

/// The habit day that `now` (local wall-clock time) belongs to.
pub fn today(now: NaiveDateTime) -> NaiveDate {
    now.date()
}

/// The moment the habit day after `now` begins: when the app must wake to move
/// "today" forward even if nothing else happens.
pub fn next_day_start(now: NaiveDateTime) -> NaiveDateTime {
    let tomorrow = today(now).succ_opt().unwrap_or(NaiveDate::MAX);
    tomorrow.and_time(NaiveTime::MIN)
}

/// The Monday that starts the week containing `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use gutbone::domain::date::week_start;
///
/// let new_years_day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(); // a Friday
/// assert_eq!(week_start(new_years_day), NaiveDate::from_ymd_opt(2026, 12, 28).unwrap());
/// ```
pub fn week_start(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

/// The seven dates of the week that starts on `start`.
pub fn week_days(start: NaiveDate) -> [NaiveDate; 7] {
    let mut days = [start; 7];
    for (offset, day) in (0..).zip(days.iter_mut()) {
        *day = start.checked_add_days(Days::new(offset)).unwrap_or(start);
    }
    days
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

    #[test]
    fn today_is_the_calendar_date_of_now() {
        assert_eq!(today(dt("2026-11-22T00:00:00")), d("2026-11-22"));
        assert_eq!(today(dt("2026-11-22T23:59:59")), d("2026-11-22"));
    }

    #[test]
    fn the_next_day_starts_at_midnight() {
        assert_eq!(
            next_day_start(dt("2026-12-31T23:59:30")),
            dt("2027-01-01T00:00:00")
        );
        assert_eq!(
            next_day_start(dt("2026-11-22T00:00:00")),
            dt("2026-11-23T00:00:00")
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d("2026-11-22")), d("2026-11-16")); // Sunday
        assert_eq!(week_start(d("2026-11-16")), d("2026-11-16")); // Monday itself
        assert_eq!(week_start(d("2026-12-02")), d("2026-11-30")); // across a month end
        assert_eq!(week_start(d("2027-01-01")), d("2026-12-28")); // across New Year
    }

    #[test]
    fn a_week_is_seven_consecutive_days() {
        let days = week_days(d("2026-12-28"));
        assert_eq!(days[0], d("2026-12-28"));
        assert_eq!(days[3], d("2026-12-31"));
        assert_eq!(days[4], d("2027-01-01"));
        assert_eq!(days[6], d("2027-01-03"));
    }
}
