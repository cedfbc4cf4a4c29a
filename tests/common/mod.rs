//! Fixtures shared by the integration tests: pinned dates, a sample log, and
//! a pseudo-terminal driver for the real binary.
#![allow(dead_code)] // each test binary uses a different part

pub mod cli;
pub mod pty;

use chrono::{NaiveDate, NaiveDateTime};
use gutbone::app::App;
use gutbone::coach::Tips;
use gutbone::domain::{Entry, Habit, HabitId, Log, default_habits};

pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

/// One of the default habits, by id.
#[allow(dead_code)]
pub fn habit(s: &str) -> Habit {
    default_habits()
        .into_iter()
        .find(|habit| habit.id.as_str() == s)
        .expect("a default habit")
}

pub fn id(s: &str) -> HabitId {
    HabitId::new(s)
}

/// Three weeks of a person finding their rhythm, up to Sunday 22 Nov 2026:
/// kefir nearly daily, fibre on and off, exercise most days, sunlight
/// mostly at weekends, a day away on the 19th (two habits skipped), the
/// 19th and 20th perfect, yesterday with fibre still to back-fill, and
/// today partly done.
pub fn sample_log() -> Log {
    let mut log = Log::new();
    let pattern: [(&str, &[&str]); 5] = [
        (
            "fermented-food",
            &[
                "11-03", "11-04", "11-05", "11-06", "11-08", "11-09", "11-10", "11-11", "11-12",
                "11-13", "11-14", "11-15", "11-16", "11-17", "11-18", "11-19", "11-20", "11-21",
                "11-22",
            ],
        ),
        (
            "prebiotic-fiber",
            &[
                "11-04", "11-09", "11-16", "11-17", "11-18", "11-19", "11-20", "11-22",
            ],
        ),
        (
            "weight-bearing-exercise",
            &[
                "11-03", "11-05", "11-07", "11-10", "11-12", "11-16", "11-17", "11-18", "11-20",
                "11-21",
            ],
        ),
        (
            "sunlight",
            &["11-07", "11-08", "11-14", "11-15", "11-20", "11-21"],
        ),
        (
            "stress-break",
            &["11-18", "11-19", "11-20", "11-21", "11-22"],
        ),
    ];
    for (habit, days) in pattern {
        for day in days {
            log.set_done(d(&format!("2026-{day}")), id(habit), true);
        }
    }
    // A day away: sunlight and exercise set aside on Thursday the 19th.
    for habit in ["sunlight", "weight-bearing-exercise"] {
        log.set_entry(d("2026-11-19"), id(habit), Some(Entry::Skipped));
    }
    log.set_note(d("2026-11-19"), Some("travel"));
    // Part of a target: 20 of 30 minutes walked today, 5 of 15 minutes of sun on the 18th.
    log.set_entry(
        d("2026-11-22"),
        id("weight-bearing-exercise"),
        Some(Entry::Amount(20.0)),
    );
    log.set_entry(d("2026-11-18"), id("sunlight"), Some(Entry::Amount(5.0)));
    log
}

/// The app as it opens at `now` on the sample log.
pub fn sample_app(now: &str) -> App {
    App::new(
        default_habits(),
        sample_log().into(),
        Tips::builtin(),
        Default::default(),
        at(now),
        "/home/you/.local/share/gutbone".into(),
    )
}

/// Three habits on their own rhythm: a gym three times a week, lifting on
/// Mondays, Wednesdays and Fridays, and at most one sugary drink a day.
#[allow(dead_code)]
pub fn rhythm_habits() -> [Habit; 3] {
    use gutbone::domain::schedule::Schedule;
    let mut gym = Habit::check("gym", "Gym");
    gym.schedule = Schedule::parse("3/7").unwrap();
    let mut lift = Habit::check("lift", "Lift");
    lift.schedule = Schedule::parse("mon,wed,fri").unwrap();
    let mut soda = Habit::measured("soda", "Sugary drinks", "glass", 1.0, 1.0);
    soda.short = "Soda".into();
    soda.measure.as_mut().unwrap().at_most = true;
    [gym, lift, soda]
}
