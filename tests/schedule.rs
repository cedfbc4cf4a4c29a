//! Schedules as a person writes them: read, refused with a reason, and
//! written back the same way.

use chrono::NaiveDate;
use gutbone::domain::schedule::Schedule;

fn read(text: &str) -> Schedule {
    Schedule::parse(text).unwrap_or_else(|err| panic!("{text}: {err}"))
}

#[test]
fn every_way_of_writing_a_schedule_reads() {
    for (text, shown) in [
        ("daily", "daily"),
        ("Daily", "daily"),
        ("3/7", "3/7"),
        (" 3 / 7 ", "3/7"),
        ("3/week", "3/7"),
        ("weekly", "1/7"),
        ("1/2", "1/2"),
        ("2/month", "2/30"),
        ("1/30", "1/30"),
        ("7/7", "daily"),
        ("1/1", "daily"),
        ("mon,wed,fri", "mon,wed,fri"),
        ("Friday, monday,WED", "mon,wed,fri"),
        ("mon,mon", "mon"),
        ("mon,tue,wed,thu,fri,sat,sun", "daily"),
    ] {
        assert_eq!(read(text).to_string(), shown, "{text}");
        assert_eq!(read(shown), read(text), "{shown} reads as it was written");
    }
}

#[test]
fn a_schedule_that_cannot_be_is_refused_with_why() {
    for (text, why) in [
        ("8/7", "at most 7 times in 7 days"),
        ("0/7", "at least once"),
        ("3/0", "the days are 1 to 365"),
        ("1/400", "the days are 1 to 365"),
        ("funday", "\"funday\" is not a schedule or a weekday"),
        ("mon,funday", "\"funday\""),
        ("three/7", "a whole number"),
        ("3/fortnight", "a number of days, `week` or `month`"),
        ("", "is not a schedule"),
    ] {
        let err = Schedule::parse(text).unwrap_err();
        assert!(err.contains(why), "{text}: {err}");
    }
}

#[test]
fn frequency_window_and_days_on() {
    assert_eq!(read("daily").frequency(), 1.0);
    assert_eq!(read("3/7").frequency(), 3.0 / 7.0);
    assert_eq!(read("3/7").window(), (3, 7));
    assert_eq!(read("mon,fri").window(), (1, 1), "days off are set aside");
    let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let tuesday = monday.succ_opt().unwrap();
    assert!(read("mon,fri").is_day_on(monday));
    assert!(!read("mon,fri").is_day_on(tuesday));
    assert!(read("3/7").is_day_on(tuesday));
}
