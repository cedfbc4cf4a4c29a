//! The coach line: the first rule that holds speaks.

use chrono::{Days, NaiveDate};
use gutbone::coach::{CoachLines, Moment, Trigger};
use gutbone::domain::schedule::Schedule;
use gutbone::domain::stats::HabitStats;
use gutbone::domain::{Habit, HabitId, History, Log, default_habits};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn line(log: &Log, today: &str) -> String {
    line_of(&default_habits(), log, today)
}

fn line_of(habits: &[Habit], log: &Log, today: &str) -> String {
    let history = History::from(log.clone());
    let stats = HabitStats::all(&history, habits, d(today));
    let moment = Moment {
        history: &history,
        habits,
        stats: &stats,
        today: d(today),
        time: chrono::NaiveTime::MIN,
    };
    CoachLines::builtin()
        .line(&moment)
        .expect("the last rule always holds")
}

fn with_done(days: &[&str], habits: &[&str]) -> Log {
    let mut log = Log::new();
    for day in days {
        for habit in habits {
            log.set_done(d(day), HabitId::new(*habit), true);
        }
    }
    log
}

#[test]
fn the_asset_parses_and_names_only_real_habits() {
    let lines = CoachLines::builtin();
    assert_eq!(lines.version, 1);
    let known: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
    for rule in &lines.rules {
        if let Trigger::OneLeft(id) = &rule.when {
            assert!(known.contains(id), "{id}");
        }
    }
    assert_eq!(lines.rules.last().map(|r| &r.when), Some(&Trigger::Always));
}

#[test]
fn every_line_fits_an_80_column_screen() {
    let longest = default_habits()
        .into_iter()
        .map(|habit| habit.name)
        .max_by_key(|name| name.chars().count())
        .unwrap();
    for rule in &CoachLines::builtin().rules {
        let filled = rule
            .text
            .replace("{habit}", &longest)
            .replace("{days}", "100")
            .replace("{missed}", "100")
            .replace("{window}", "in 365 days")
            .replace("{done}", "5")
            .replace("{total}", "5")
            .replace("{left}", "5");
        // The line is drawn after " » ".
        assert!(filled.chars().count() <= 77, "too long: {filled}");
    }
}

#[test]
fn a_first_day_is_welcomed() {
    assert!(line(&Log::new(), "2026-11-22").starts_with("Welcome"));
    let log = with_done(&["2026-11-22"], &["sunlight"]);
    assert!(line(&log, "2026-11-22").starts_with("Welcome"));
}

#[test]
fn one_left_names_what_counts() {
    let all_but_exercise = [
        "fermented-food",
        "prebiotic-fiber",
        "sunlight",
        "stress-break",
    ];
    let log = with_done(&["2026-11-21", "2026-11-22"], &all_but_exercise);
    assert_eq!(
        line(&log, "2026-11-22"),
        "One to go: a 10-minute walk outside counts for exercise and sunlight."
    );
}

#[test]
fn all_done_including_a_skip() {
    let mut log = with_done(
        &["2026-11-21", "2026-11-22"],
        &[
            "fermented-food",
            "prebiotic-fiber",
            "weight-bearing-exercise",
            "stress-break",
        ],
    );
    log.set_entry(
        d("2026-11-22"),
        HabitId::new("sunlight"),
        Some(gutbone::domain::Entry::Skipped),
    );
    assert_eq!(
        line(&log, "2026-11-22"),
        "All done today (4 of 4): the whole routine, kept."
    );
}

#[test]
fn skips_are_set_aside_in_the_counts() {
    let mut log = with_done(&["2026-11-21", "2026-11-22"], &["sunlight"]);
    for habit in [
        "fermented-food",
        "prebiotic-fiber",
        "weight-bearing-exercise",
    ] {
        log.set_entry(
            d("2026-11-22"),
            HabitId::new(habit),
            Some(gutbone::domain::Entry::Skipped),
        );
    }
    assert_eq!(
        line(&log, "2026-11-22"),
        "One to go: five slow breaths and today is complete."
    );
    log.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
    assert_eq!(
        line(&log, "2026-11-22"),
        "All done today (2 of 2): the whole routine, kept."
    );
}

#[test]
fn a_day_of_nothing_but_skips_is_a_rest_day() {
    let mut log = with_done(&["2026-11-21"], &["sunlight"]);
    for habit in default_habits() {
        log.set_entry(
            d("2026-11-22"),
            &habit,
            Some(gutbone::domain::Entry::Skipped),
        );
    }
    assert!(line(&log, "2026-11-22").starts_with("Rest day"));
    // Also on the very first day, before anything else was logged.
    let mut first = Log::new();
    for habit in default_habits() {
        first.set_entry(
            d("2026-11-22"),
            &habit,
            Some(gutbone::domain::Entry::Skipped),
        );
    }
    assert!(line(&first, "2026-11-22").starts_with("Rest day"));
}

#[test]
fn a_streak_milestone_is_marked_on_the_day_it_is_reached() {
    let week: Vec<String> = (0..7u64)
        .map(|i| {
            d("2026-11-16")
                .checked_add_days(Days::new(i))
                .unwrap()
                .to_string()
        })
        .collect();
    let week: Vec<&str> = week.iter().map(String::as_str).collect();
    let log = with_done(&week, &["sunlight"]);
    assert_eq!(
        line(&log, "2026-11-22"),
        "Sunlight: a full week in a row today. Keep the chain going."
    );
    // The next day, not yet done: no milestone.
    assert!(!line(&log, "2026-11-23").contains("week in a row"));
}

#[test]
fn a_habit_missed_three_days_running_is_named() {
    let mut log = with_done(&["2026-11-18"], &["fermented-food", "stress-break"]);
    log.set_done(d("2026-11-22"), HabitId::new("fermented-food"), true);
    for day in ["2026-11-19", "2026-11-20", "2026-11-21"] {
        log.set_done(d(day), HabitId::new("fermented-food"), true);
    }
    assert_eq!(
        line(&log, "2026-11-22"),
        "Prebiotic fibre: 4 days missed. One small step restarts it."
    );
}

#[test]
fn otherwise_progress_in_plain_numbers() {
    let log = with_done(&["2026-11-21"], &["sunlight"]);
    assert!(line(&log, "2026-11-22").starts_with("A new day"));
    let mut log = log;
    log.set_done(d("2026-11-22"), HabitId::new("sunlight"), true);
    log.set_done(d("2026-11-22"), HabitId::new("stress-break"), true);
    assert_eq!(line(&log, "2026-11-22"), "2 of 5 done today, 3 to go.");
}

#[test]
fn a_habit_on_its_own_rhythm_is_left_to_do_only_when_due() {
    let mut habits = default_habits();
    habits[2].schedule = Schedule::parse("3/7").unwrap();
    let others = [
        "fermented-food",
        "prebiotic-fiber",
        "sunlight",
        "stress-break",
    ];
    // Monday 7 Dec: the four others done; exercise done Thursday and Saturday.
    let mut log = with_done(&["2026-12-01", "2026-12-07"], &others);
    log.set_done(d("2026-12-03"), &habits[2], true);
    log.set_done(d("2026-12-05"), &habits[2], true);
    assert_eq!(
        line_of(&habits, &log, "2026-12-07"),
        "Weight-bearing exercise: one more this week keeps the rhythm."
    );
    // Three in the week: done for now, so the day is all done.
    log.set_done(d("2026-12-06"), &habits[2], true);
    assert!(line_of(&habits, &log, "2026-12-07").starts_with("All done today (4 of 4)"));
    // Off on Mondays: nothing left either.
    habits[2].schedule = Schedule::parse("tue,thu,sat").unwrap();
    let log = with_done(&["2026-12-07"], &others);
    assert!(line_of(&habits, &log, "2026-12-07").starts_with("All done today"));
}
