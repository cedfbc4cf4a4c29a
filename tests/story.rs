//! A habit's whole story: days done of days due, the weekday pattern, the
//! best streaks and the months, with skips, schedules and limits.

use chrono::{Days, NaiveDate};
use gutbone::domain::schedule::Schedule;
use gutbone::domain::story::{self, Story};
use gutbone::domain::{Entry, Habit, History, Log};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Monday 2 Nov 2026 plus `n` days.
fn day(n: u64) -> NaiveDate {
    d("2026-11-02") + Days::new(n)
}

#[test]
fn a_daily_habit_with_a_skip_and_misses() {
    let sun = Habit::check("sunlight", "Sunlight");
    let mut log = Log::new();
    // Mon–Wed done, Thu skipped, Fri missed, Sat–Sun done; Monday today, open.
    for n in [0, 1, 2, 5, 6] {
        log.set_done(day(n), &sun, true);
    }
    log.set_entry(day(3), &sun, Some(Entry::Skipped));
    let story = Story::of(&History::from(log), &sun, day(7));
    let days = &story.days[..];
    assert_eq!(
        story::done_and_due(days),
        (5, 6),
        "neither the skip nor today, still open, is due"
    );
    let weekdays = story::weekdays(days);
    assert_eq!(
        weekdays[0],
        (1, 1),
        "Monday: done last week; today still open"
    );
    assert_eq!(weekdays[3], (0, 0), "Thursday was skipped");
    assert_eq!(weekdays[4], (0, 1), "Friday missed");
    let streaks = story::streaks(days);
    let runs: Vec<_> = streaks.iter().map(|s| (s.days, s.start, s.end)).collect();
    assert_eq!(runs, [(3, day(0), day(2)), (2, day(5), day(6))]);
    assert_eq!(story::current_streak(days), 2, "today open does not end it");
}

#[test]
fn three_a_week_counts_due_days_as_done_or_missed() {
    let mut gym = Habit::check("gym", "Gym");
    gym.schedule = Schedule::parse("3/7").unwrap();
    let mut log = Log::new();
    // Two weeks of Mon, Wed, Fri, then a week of nothing; today Monday.
    for n in [0, 2, 4, 7, 9, 11] {
        log.set_done(day(n), &gym, true);
    }
    let story = Story::of(&History::from(log), &gym, day(21));
    let (done, due) = story::done_and_due(&story.days);
    assert_eq!(done, 6);
    assert!(due > 6, "the week of nothing brings misses: {due}");
    let first_two = story.between(day(0), day(13));
    assert_eq!(
        story::done_and_due(first_two),
        (6, 6),
        "days the rhythm did without are not due"
    );
    assert_eq!(story::streaks(first_two)[0].days, 14);
}

#[test]
fn a_limit_counts_days_within_it_as_done() {
    let mut soda = Habit::measured("soda", "Soda", "glass", 1.0, 1.0);
    soda.measure.as_mut().unwrap().at_most = true;
    let mut log = Log::new();
    log.set_entry(day(0), &soda, Some(Entry::Amount(1.0)));
    log.set_entry(day(2), &soda, Some(Entry::Amount(3.0)));
    let story = Story::of(&History::from(log), &soda, day(4));
    assert_eq!(story::done_and_due(&story.days), (4, 5), "one day over");
    assert_eq!(story::current_streak(&story.days), 2);
    let months = story::months(&story.days);
    assert_eq!(months.len(), 1);
    assert_eq!((months[0].done, months[0].amount), (4, 4.0));
}

#[test]
fn months_sum_amounts_and_keep_the_strength_of_their_last_day() {
    let walk = Habit::measured("walk", "Walk", "min", 5.0, 30.0);
    let mut log = Log::new();
    log.set_entry(d("2026-10-30"), &walk, Some(Entry::Amount(30.0)));
    log.set_entry(d("2026-10-31"), &walk, Some(Entry::Amount(12.5)));
    log.set_entry(d("2026-11-01"), &walk, Some(Entry::Amount(45.0)));
    let story = Story::of(&History::from(log), &walk, d("2026-11-02"));
    let months = story::months(&story.days);
    let shown: Vec<_> = months
        .iter()
        .map(|m| (m.month.to_string(), m.done, m.amount))
        .collect();
    assert_eq!(
        shown,
        [("2026-10".into(), 1, 42.5), ("2026-11".into(), 1, 45.0)]
    );
    let october_31 = story
        .days
        .iter()
        .find(|day| day.date == d("2026-10-31"))
        .unwrap();
    assert_eq!(months[0].strength, october_31.strength);
    assert!(months[1].strength < months[0].strength + 0.2);
}

#[test]
fn between_takes_the_days_in_range_and_nothing_outside() {
    let sun = Habit::check("sunlight", "Sunlight");
    let mut log = Log::new();
    log.set_done(day(0), &sun, true);
    let story = Story::of(&History::from(log), &sun, day(9));
    assert_eq!(story.days.len(), 10);
    assert_eq!(story.between(day(3), day(5)).len(), 3);
    assert!(story.between(day(20), day(30)).is_empty());
    assert!(story.between(day(5), day(3)).is_empty());
}

#[test]
fn a_day_off_done_anyway_is_done_and_due_in_every_figure() {
    let mut lift = Habit::check("lift", "Lift");
    lift.schedule = Schedule::parse("mon,wed,fri").unwrap();
    let mut log = Log::new();
    // Mon done, Tue (off) done, Wed missed, Thu (off) nothing, Fri done,
    // Sat (off) done; Sunday today, off.
    for n in [0, 1, 4, 5] {
        log.set_done(day(n), &lift, true);
    }
    let story = Story::of(&History::from(log), &lift, day(6));
    assert_eq!(story::done_and_due(&story.days), (4, 5));
    let weekdays = story::weekdays(&story.days);
    assert_eq!(weekdays[1], (1, 1), "Tuesday, done though off");
    assert_eq!(weekdays[3], (0, 0), "Thursday, off and not done");
    assert_eq!(weekdays[2], (0, 1), "Wednesday missed");
    // The weekdays, the months and the total tell one count.
    let by_weekday: u32 = weekdays.iter().map(|(done, _)| done).sum();
    let by_month: u32 = story::months(&story.days).iter().map(|m| m.done).sum();
    assert_eq!((by_weekday, by_month), (4, 4));
    assert_eq!(story::current_streak(&story.days), 2);
}
