//! What today is, and the calendar arithmetic around it.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use gutbone::domain::date::*;
use gutbone::domain::settings::WeekStart;

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
