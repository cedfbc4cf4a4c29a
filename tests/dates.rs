//! Days and weeks across daylight-saving changes, in real time zones.
//!
//! The system clock gives an instant; `wall_clock` turns it into local time,
//! and `date::today` turns that into a habit day. These tests walk hour by
//! hour across each change and check every hour lands on the right day.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Europe::London;
use gutbone::clock::wall_clock;
use gutbone::domain::date::{next_day_start, today, week_days, week_start};
use gutbone::domain::settings::WeekStart;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// How many half-past-the-hour instants fall on each habit day, from `from`
/// for `hours` hours.
fn hours_per_day<Tz: TimeZone>(
    zone: &Tz,
    from: &str,
    hours: i64,
    day_start: NaiveTime,
) -> BTreeMap<NaiveDate, u32> {
    let mut days = BTreeMap::new();
    for hour in 0..hours {
        let instant = utc(from) + TimeDelta::hours(hour) + TimeDelta::minutes(30);
        *days
            .entry(today(wall_clock(instant, zone), day_start))
            .or_default() += 1;
    }
    days
}

#[test]
fn london_spring_forward_makes_a_23_hour_day() {
    // Clocks go from 01:00 GMT to 02:00 BST on Sunday 29 March 2026.
    let days = hours_per_day(&London, "2026-03-28T00:00:00Z", 72, NaiveTime::MIN);
    assert_eq!(days[&d("2026-03-28")], 24);
    assert_eq!(days[&d("2026-03-29")], 23);
    assert_eq!(days.get(&d("2026-03-30")), Some(&24));
}

#[test]
fn london_fall_back_makes_a_25_hour_day() {
    // Clocks go from 02:00 BST back to 01:00 GMT on Sunday 25 October 2026.
    let days = hours_per_day(&London, "2026-10-23T23:00:00Z", 72, NaiveTime::MIN);
    assert_eq!(days[&d("2026-10-24")], 24);
    assert_eq!(days[&d("2026-10-25")], 25);
}

#[test]
fn new_york_spring_forward_and_fall_back() {
    // 8 March 2026: 02:00 EST becomes 03:00 EDT; 1 November: back again.
    let days = hours_per_day(&New_York, "2026-03-07T05:00:00Z", 72, NaiveTime::MIN);
    assert_eq!(days[&d("2026-03-07")], 24);
    assert_eq!(days[&d("2026-03-08")], 23);
    let days = hours_per_day(&New_York, "2026-10-31T04:00:00Z", 72, NaiveTime::MIN);
    assert_eq!(days[&d("2026-10-31")], 24);
    assert_eq!(days[&d("2026-11-01")], 25);
}

#[test]
fn a_four_oclock_day_start_keeps_both_half_past_ones_on_the_saturday() {
    let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
    // 01:30 happens twice in London on 25 October 2026: 00:30Z (BST) and 01:30Z (GMT).
    for instant in ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"] {
        let local = wall_clock(utc(instant), &London);
        assert_eq!(local.time(), NaiveTime::from_hms_opt(1, 30, 0).unwrap());
        assert_eq!(today(local, four), d("2026-10-24"), "{instant}");
    }
    // So the long day is Saturday's habit day (04:00 BST to 04:00 GMT), and
    // Sunday's, from 04:00 to 04:00 on one clock, has the usual 24 hours.
    let days = hours_per_day(&London, "2026-10-24T03:00:00Z", 72, four);
    assert_eq!(days[&d("2026-10-24")], 25);
    assert_eq!(days[&d("2026-10-25")], 24);
}

#[test]
fn the_next_day_begins_at_wall_clock_midnight_on_a_change_day() {
    let before = wall_clock(utc("2026-03-29T22:30:00Z"), &London); // 23:30 BST
    assert_eq!(
        next_day_start(before, NaiveTime::MIN),
        "2026-03-30T00:00:00".parse().unwrap()
    );
    let new_york = wall_clock(utc("2026-11-02T04:30:00Z"), &New_York); // 23:30 EST, 1 Nov
    assert_eq!(today(new_york, NaiveTime::MIN), d("2026-11-01"));
}

#[test]
fn weeks_holding_a_change_still_have_seven_days() {
    for (change, monday, sunday) in [
        ("2026-03-29", "2026-03-23", "2026-03-29"),
        ("2026-10-25", "2026-10-19", "2026-10-25"),
        ("2026-03-08", "2026-03-02", "2026-03-08"),
        ("2026-11-01", "2026-10-26", "2026-11-01"),
    ] {
        assert_eq!(week_start(d(change), WeekStart::Monday), d(monday));
        assert_eq!(week_start(d(change), WeekStart::Sunday), d(sunday));
        let days = week_days(d(monday));
        assert!(
            days.windows(2)
                .all(|pair| pair[1] - pair[0] == TimeDelta::days(1))
        );
    }
}
