//! The built-in tips (short, sourced, covering every habit) and how one is
//! chosen for a moment; a person's own tips added, and their mistakes located.

use chrono::{NaiveDate, NaiveTime};
use gutbone::coach::*;
use gutbone::domain::stats::HabitStats;
use gutbone::domain::{Habit, HabitId, History, Log, default_habits};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn id(s: &str) -> HabitId {
    HabitId::new(s)
}

/// A moment to judge against, owning what it borrows.
struct At {
    history: History,
    habits: Vec<Habit>,
    stats: Vec<HabitStats>,
    today: NaiveDate,
    time: NaiveTime,
}

impl At {
    fn moment(&self) -> Moment<'_> {
        Moment {
            history: &self.history,
            habits: &self.habits,
            stats: &self.stats,
            today: self.today,
            time: self.time,
        }
    }
}

fn at(log: &Log, today: &str, time: &str) -> At {
    let habits = default_habits();
    let history = History::from(log.clone());
    let stats = HabitStats::all(&history, &habits, d(today));
    At {
        history,
        habits,
        stats,
        today: d(today),
        time: t(time),
    }
}

#[test]
fn the_built_in_tips_read_with_times_of_day() {
    assert!(
        Tips::builtin()
            .all()
            .iter()
            .any(|tip| tip.when.before.is_some()),
        "times of day are read too"
    );
}

#[test]
fn the_builtin_tips_are_short_sourced_and_cover_every_habit() {
    let tips = Tips::builtin();
    assert!(tips.all().len() >= 25);
    let known: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
    for tip in tips.all() {
        assert!(
            tip.text.chars().count() <= MAX_TIP_CHARS,
            "{} is too long",
            tip.id
        );
        assert!(tips.source(&tip.source).is_some(), "{}", tip.id);
        let named = tip
            .habits
            .iter()
            .chain(&tip.when.done)
            .chain(&tip.when.not_done);
        for habit in named {
            assert!(known.contains(habit), "{} names {habit}", tip.id);
        }
    }
    for habit in &known {
        let count = tips
            .all()
            .iter()
            .filter(|t| t.habits.contains(habit))
            .count();
        assert!(count >= 4, "{habit} has only {count} tips");
    }
}

#[test]
fn tip_ids_are_unique() {
    let tips = Tips::builtin();
    let mut ids: Vec<_> = tips.all().iter().map(|t| &t.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), tips.all().len());
}

#[test]
fn no_tip_promises_a_cure() {
    for tip in Tips::builtin().all() {
        let text = tip.text.to_lowercase();
        for word in ["cures", "will cure", "prevents osteoporosis", "guarantee"] {
            assert!(!text.contains(word), "{}: {word}", tip.id);
        }
    }
}

/// Conditions, each judged against a pinned date, time and log.
#[test]
fn conditions_hold_only_when_they_should() {
    let mut log = Log::new();
    log.set_done(d("2026-11-22"), id("fermented-food"), true);
    for day in ["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18"] {
        log.set_done(d(day), id("stress-break"), true);
    }
    let sun = id("sunlight");
    let morning = at(&log, "2026-11-22", "09:30");
    let morning = morning.moment();
    let evening = at(&log, "2026-11-22", "18:00");
    let evening = evening.moment();
    let when = |text: &str| -> When {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .unwrap()
    };
    let cases: [(&str, &Moment, &HabitId, bool); 14] = [
        ("()", &morning, &sun, true),
        ("(before: \"15:00\")", &morning, &sun, true),
        ("(before: \"15:00\")", &evening, &sun, false),
        ("(after: \"15:00\")", &evening, &sun, true),
        ("(after: \"18:00\")", &evening, &sun, true),
        ("(done: [\"fermented-food\"])", &morning, &sun, true),
        (
            "(done: [\"fermented-food\", \"sunlight\"])",
            &morning,
            &sun,
            false,
        ),
        ("(not_done: [\"sunlight\"])", &morning, &sun, true),
        ("(not_done: [\"fermented-food\"])", &morning, &sun, false),
        // the vitamin D pairing: kefir had, sunlight not yet
        (
            "(done: [\"fermented-food\"], not_done: [\"sunlight\"], before: \"15:00\")",
            &morning,
            &sun,
            true,
        ),
        // stress breaks stopped after the 18th: 19th, 20th, 21st missed
        ("(missed_days: 3)", &morning, &id("stress-break"), true),
        ("(missed_days: 4)", &morning, &id("stress-break"), false),
        (
            "(streak_at_least: 1)",
            &morning,
            &id("fermented-food"),
            true,
        ),
        (
            "(streak_at_least: 2)",
            &morning,
            &id("fermented-food"),
            false,
        ),
    ];
    for (text, moment, habit, expected) in cases {
        assert_eq!(
            when(text).holds(moment, habit),
            expected,
            "{text} for {habit}"
        );
    }
}

#[test]
fn a_fitting_specific_tip_comes_before_the_general_ones() {
    let log = Log::new();
    let tips = Tips::builtin();
    let sun = id("sunlight");
    let morning = at(&log, "2026-11-22", "10:00");
    let morning = morning.moment();
    let first = tips.choose(&sun, &morning, 0).unwrap();
    assert!(!first.tip.when.is_general(), "{}", first.tip.id);
    assert!(first.tip.when.holds(&morning, &sun));
    // In the evening the before-15:00 tips no longer fit.
    let evening = at(&log, "2026-11-22", "20:00");
    let evening = evening.moment();
    let all: Vec<_> = (0..40)
        .filter_map(|turn| tips.choose(&sun, &evening, turn))
        .collect();
    assert!(all.iter().all(|c| c.tip.when.before.is_none()));
}

#[test]
fn the_vitamin_d_pairing_shows_once_kefir_is_had_and_sunlight_is_not() {
    let mut log = Log::new();
    log.set_done(d("2026-11-22"), id("fermented-food"), true);
    let tips = Tips::builtin();
    let moment = at(&log, "2026-11-22", "11:00");
    let moment = moment.moment();
    let ids: Vec<_> = (0..3)
        .filter_map(|turn| tips.choose(&id("sunlight"), &moment, turn))
        .map(|c| c.tip.id.clone())
        .collect();
    assert!(ids.contains(&"kefir-with-daylight".into()), "{ids:?}");
}

#[test]
fn the_same_moment_gives_the_same_tip_and_turns_cycle_both_ways() {
    let log = Log::new();
    let tips = Tips::builtin();
    let sun = id("sunlight");
    let moment = at(&log, "2026-11-22", "20:00");
    let moment = moment.moment();
    assert_eq!(tips.choose(&sun, &moment, 0), tips.choose(&sun, &moment, 0));
    let count = tips.choose(&sun, &moment, 0).unwrap().count;
    let mut seen: Vec<_> = (0..count as i64)
        .map(|turn| tips.choose(&sun, &moment, turn).unwrap().tip.id.clone())
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), count, "each turn shows a different tip");
    assert_eq!(
        tips.choose(&sun, &moment, count as i64),
        tips.choose(&sun, &moment, 0)
    );
    assert_eq!(
        tips.choose(&sun, &moment, -1),
        tips.choose(&sun, &moment, count as i64 - 1)
    );
    assert_eq!(tips.choose(&sun, &moment, -1).unwrap().position, count);
}

fn known() -> Vec<HabitId> {
    default_habits().into_iter().map(|h| h.id).collect()
}

#[test]
fn a_persons_own_tips_are_added_and_can_be_chosen() {
    let mut tips = Tips::builtin();
    let before = tips.all().len();
    let text = r#"(
        version: 1,
        sources: { "me": (title: "My physio", file: "") },
        tips: [(id: "physio-squats", habits: ["weight-bearing-exercise"], source: "me",
                text: "Ten slow squats while the kettle boils.", when: (before: "12:00"))],
    )"#;
    assert_eq!(tips.add_user(text, &known()), Ok(1));
    assert_eq!(tips.all().len(), before + 1);
    let log = Log::new();
    let moment = at(&log, "2026-11-22", "08:00");
    let moment = moment.moment();
    let shown: Vec<_> = (0..3)
        .filter_map(|turn| tips.choose(&id("weight-bearing-exercise"), &moment, turn))
        .map(|c| (c.tip.id.clone(), c.source.title.clone()))
        .collect();
    assert!(
        shown.contains(&("physio-squats".into(), "My physio".into())),
        "{shown:?}"
    );
}

#[test]
fn a_mistake_in_a_persons_tips_is_located_and_nothing_is_added() {
    let cases = [
        (
            "(version: 1,\n tips: [(id: \"a\", habit: [], source: \"kefir\", text: \"x\")])",
            2,
            "habit",
        ),
        (
            "(version: 1, tips: [\n(id: \"a\", habits: [\"juggling\"], source: \"kefir\", text: \"x\")])",
            2,
            "juggling",
        ),
        (
            "(version: 1, tips: [\n(id: \"a\", habits: [], source: \"blog\", text: \"x\")])",
            2,
            "blog",
        ),
        (
            "(version: 1, tips: [\n(id: \"kefir-k2\", habits: [], source: \"kefir\", text: \"x\")])",
            2,
            "already",
        ),
    ];
    for (text, line, needle) in cases {
        let mut tips = Tips::builtin();
        let before = tips.clone();
        let err = tips.add_user(text, &known()).unwrap_err();
        assert_eq!(err.line, line, "{text}: {err:?}");
        assert!(err.message.contains(needle), "{text}: {err:?}");
        assert_eq!(tips, before, "nothing added");
    }
    let long = format!(
        "(version: 1, tips: [(id: \"long\", habits: [], source: \"kefir\", text: \"{}\")])",
        "x".repeat(201)
    );
    assert!(
        Tips::builtin()
            .add_user(&long, &known())
            .unwrap_err()
            .message
            .contains("201")
    );
}

#[test]
fn an_unknown_habit_has_no_tip() {
    let log = Log::new();
    let tips = Tips::builtin();
    assert_eq!(
        tips.choose(
            &id("juggling"),
            &at(&log, "2026-11-22", "10:00").moment(),
            0
        ),
        None
    );
}
