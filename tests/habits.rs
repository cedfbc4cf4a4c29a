//! Amounts, targets and a person's own habits, driven through `update` with
//! keys as the run loop sends them: no terminal, no disk.

mod common;

use common::{d, habit, id, sample_app};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gutbone::app::{App, Overlay};
use gutbone::domain::{Entry, HabitId, Status};
use gutbone::keymap::{action_for, typing_action_for};
use gutbone::update::{Effect, Msg, update};

use KeyCode::{BackTab, Backspace, Char, Enter, Esc, Left, Tab};

/// One key, through whichever keymap is in force, as the run loop does.
fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    let action = if app.is_typing() {
        typing_action_for(event)
    } else {
        action_for(event)
    };
    action.map_or_else(Vec::new, |action| update(app, Msg::Action(action)))
}

fn keys(app: &mut App, codes: &[KeyCode]) -> Vec<Effect> {
    codes.iter().flat_map(|code| key(app, *code)).collect()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, Char(c));
    }
}

const TODAY: &str = "2026-11-22";

fn amount(app: &App, habit_id: &str) -> Option<Entry> {
    app.history.log.entry(d(TODAY), id(habit_id))
}

/// The sample app with sunlight (0/15 min, step 5) selected.
fn on_sunlight() -> App {
    let mut app = sample_app("2026-11-22T09:00:00");
    keys(&mut app, &[Char('j')]);
    assert_eq!(app.selected_habit().unwrap().id, id("sunlight"));
    app
}

#[test]
fn plus_and_minus_step_the_amount_and_meeting_the_target_makes_it_done() {
    let mut app = on_sunlight();
    let sun = habit("sunlight");
    assert_eq!(keys(&mut app, &[Char('+')]), [Effect::Save(d(TODAY))]);
    assert_eq!(amount(&app, "sunlight"), Some(Entry::Amount(5.0)));
    assert_eq!(
        app.history.log.status(d(TODAY), &sun),
        Some(Status::Partial)
    );
    keys(&mut app, &[Char('+'), Char('+')]);
    assert_eq!(amount(&app, "sunlight"), Some(Entry::Amount(15.0)));
    assert!(app.history.log.is_done(d(TODAY), &sun));
    assert_eq!(
        app.stats[3].current_streak, 3,
        "today's 15 minutes extend the streak"
    );
    keys(&mut app, &[Char('+')]);
    assert_eq!(
        amount(&app, "sunlight"),
        Some(Entry::Amount(20.0)),
        "past the target is fine"
    );
    keys(&mut app, &[Char('-'), Char('-'), Char('-'), Char('-')]);
    assert_eq!(
        amount(&app, "sunlight"),
        None,
        "down to nothing clears the day"
    );
    assert_eq!(
        keys(&mut app, &[Char('-')]),
        [],
        "never below nothing, and no save"
    );
}

#[test]
fn minus_on_a_partial_exercise_and_plus_on_a_skipped_day() {
    let mut app = sample_app("2026-11-22T09:00:00");
    assert_eq!(
        app.selected_habit().unwrap().id,
        id("weight-bearing-exercise")
    );
    keys(&mut app, &[Char('-')]);
    assert_eq!(
        amount(&app, "weight-bearing-exercise"),
        Some(Entry::Amount(15.0))
    );
    keys(&mut app, &[Char('s'), Char('+')]);
    assert_eq!(
        amount(&app, "weight-bearing-exercise"),
        Some(Entry::Amount(5.0)),
        "a skipped day counts from nothing"
    );
}

#[test]
fn space_fills_a_measured_habit_to_its_target_and_empties_it() {
    let mut app = sample_app("2026-11-22T09:00:00");
    // Exercise stands at 20 of 30 minutes: Space completes it...
    keys(&mut app, &[Char(' ')]);
    assert_eq!(
        amount(&app, "weight-bearing-exercise"),
        Some(Entry::Amount(30.0))
    );
    // ...and again takes it back to nothing.
    keys(&mut app, &[Char(' ')]);
    assert_eq!(amount(&app, "weight-bearing-exercise"), None);
    // A habit left done by a file (no amount) counts as its target; Space clears it.
    keys(&mut app, &[Char('1')]);
    assert_eq!(amount(&app, "fermented-food"), None);
}

#[test]
fn equals_types_an_exact_amount() {
    let mut app = on_sunlight();
    keys(&mut app, &[Char('=')]);
    assert_eq!(app.overlay, Some(Overlay::Amount));
    assert_eq!(app.amount_draft, "", "nothing logged yet: an empty prompt");
    type_text(&mut app, "12,5");
    assert_eq!(keys(&mut app, &[Enter]), [Effect::Save(d(TODAY))]);
    assert_eq!(app.overlay, None);
    assert_eq!(amount(&app, "sunlight"), Some(Entry::Amount(12.5)));

    // What is typed replaces what is there, and is kept whole: letters are
    // not dropped to make a number of what is left.
    keys(&mut app, &[Char('=')]);
    assert_eq!(app.amount_draft, "");
    type_text(&mut app, "a1b");
    assert_eq!(app.amount_draft, "a1b");
    keys(&mut app, &[Enter]);
    assert!(
        app.amount_error
            .as_deref()
            .unwrap()
            .contains("\"a1b\" is not a number")
    );
    assert_eq!(amount(&app, "sunlight"), Some(Entry::Amount(12.5)));
    keys(&mut app, &[Backspace, Backspace, Backspace]);
    type_text(&mut app, "0");
    keys(&mut app, &[Enter]);
    assert_eq!(amount(&app, "sunlight"), None, "0 clears the day");
}

#[test]
fn a_bad_amount_is_explained_and_nothing_changes() {
    let mut app = on_sunlight();
    let before = app.history.log.clone();
    for (typed, expected) in [
        ("", "type a number"),
        ("20000", "at most 10,000"),
        ("1.2.3", "not a number"),
        // Each of these was once read as another number.
        ("-5", "cannot be negative"),
        ("1e3", "not a number"),
        ("0x10", "not a number"),
        ("0.0000001", "more decimals"),
    ] {
        keys(&mut app, &[Char('=')]);
        type_text(&mut app, typed);
        assert_eq!(keys(&mut app, &[Enter]), [], "{typed}");
        assert_eq!(app.overlay, Some(Overlay::Amount), "the prompt stays open");
        let error = app.amount_error.clone().unwrap();
        assert!(error.contains(expected), "{typed}: {error}");
        keys(&mut app, &[Esc]);
        assert_eq!(app.overlay, None);
    }
    assert_eq!(app.history.log, before);
    // More than an amount can be is refused as it is typed, with a word.
    keys(&mut app, &[Char('=')]);
    type_text(&mut app, "12345678901234567");
    assert_eq!(app.amount_draft, "1234567890123456");
    assert!(
        app.amount_error
            .as_deref()
            .unwrap()
            .contains("at most 16 characters")
    );
    keys(&mut app, &[Esc]);
    assert_eq!(app.history.log, before);
}

#[test]
fn equals_on_a_done_or_not_habit_says_why_it_does_nothing() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let mut habits = app.all_habits();
    habits[2].measure = None;
    app.set_habits(habits);
    keys(&mut app, &[Char('=')]);
    assert_eq!(app.overlay, None);
    assert!(app.notice.as_deref().unwrap().contains("done or not"));
    keys(&mut app, &[Char('j'), Char('k')]);
    assert_eq!(app.notice, None, "a notice lasts one key");
    // + and - tick and untick it.
    keys(&mut app, &[Char('-')]);
    assert_eq!(amount(&app, "weight-bearing-exercise"), None);
    keys(&mut app, &[Char('+')]);
    assert_eq!(amount(&app, "weight-bearing-exercise"), Some(Entry::Done));
}

#[test]
fn amounts_are_undone_and_redone() {
    let mut app = on_sunlight();
    keys(&mut app, &[Char('+'), Char('+'), Left, Char('=')]);
    type_text(&mut app, "7");
    keys(&mut app, &[Enter, Char('t')]);
    assert_eq!(
        app.history.log.entry(d("2026-11-21"), id("sunlight")),
        Some(Entry::Amount(7.0))
    );
    assert_eq!(
        keys(&mut app, &[Char('u')]),
        [Effect::Save(d("2026-11-21"))]
    );
    assert_eq!(
        app.history.log.entry(d("2026-11-21"), id("sunlight")),
        Some(Entry::Done)
    );
    keys(&mut app, &[Char('u')]);
    assert_eq!(amount(&app, "sunlight"), Some(Entry::Amount(5.0)));
    let redo = action_for(KeyEvent::new(Char('r'), KeyModifiers::CONTROL)).unwrap();
    update(&mut app, Msg::Action(redo));
    assert_eq!(amount(&app, "sunlight"), Some(Entry::Amount(10.0)));
}

fn add_habit(app: &mut App, name: &str, measured: Option<(&str, &str, &str)>) -> Vec<Effect> {
    keys(app, &[Char('a')]);
    assert_eq!(app.overlay, Some(Overlay::HabitForm));
    type_text(app, name);
    if let Some((unit, target, step)) = measured {
        keys(app, &[Tab, Tab, Char(' '), Tab]);
        app.form.unit.clear();
        type_text(app, unit);
        keys(app, &[Tab]);
        app.form.target.clear();
        type_text(app, target);
        keys(app, &[Tab]);
        app.form.step.clear();
        type_text(app, step);
    }
    keys(app, &[Enter])
}

#[test]
fn a_adds_a_habit_at_the_end_of_the_checklist_and_selects_it() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let effects = add_habit(&mut app, "Cold shower", Some(("min", "2", "1")));
    assert_eq!(effects, [Effect::SaveHabits]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.habits.len(), 6);
    let added = &app.habits[5];
    assert_eq!(added.id, id("cold-shower"));
    assert_eq!(added.measure.as_ref().unwrap().target, 2.0);
    assert_eq!(app.selected, 5);
    assert_eq!(app.stats.len(), 6, "stats follow the new list");
    keys(&mut app, &[Char('+'), Char('+')]);
    assert!(app.history.log.is_done(d(TODAY), &app.habits[5]));
    // A done-or-not habit: no unit or target.
    add_habit(&mut app, "Floss", None);
    assert_eq!(app.habits[6].measure, None);
}

#[test]
fn the_form_refuses_mistakes_and_says_what_to_fix() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let before = app.all_habits();
    let refused = |app: &mut App, name: &str, measured, expected: &str| {
        let effects = add_habit(app, name, measured);
        assert_eq!(effects, [], "{name}");
        assert_eq!(app.overlay, Some(Overlay::HabitForm), "the form stays open");
        let error = app.form.error.clone().unwrap_or_default();
        assert!(error.contains(expected), "{name}: {error}");
        keys(app, &[Esc]);
    };
    refused(&mut app, "", None, "needs a name");
    refused(&mut app, "Sunlight", None, "already a habit");
    refused(&mut app, "Walk", Some(("min", "0", "5")), "more than 0");
    refused(
        &mut app,
        "Walk",
        Some(("min", "-30", "5")),
        "cannot be negative",
    );
    refused(&mut app, "Walk", Some(("min", "30", "x")), "not a number");
    refused(
        &mut app,
        "Walk",
        Some(("min", "10001", "5")),
        "at most 10,000",
    );
    refused(&mut app, "Walk", Some(("", "30", "5")), "needs a unit");
    assert_eq!(app.all_habits(), before, "nothing was added");
}

#[test]
fn no_more_than_twenty_habits_on_the_checklist() {
    let mut app = sample_app("2026-11-22T09:00:00");
    for n in 0..15 {
        assert_eq!(
            add_habit(&mut app, &format!("Habit {n}"), None),
            [Effect::SaveHabits]
        );
    }
    assert_eq!(app.habits.len(), 20);
    // The form does not open for one that cannot be kept: `a` says why.
    assert_eq!(keys(&mut app, &[Char('a')]), []);
    assert_eq!(app.overlay, None);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("20 habits are on the checklist")
    );
}

#[test]
fn e_edits_the_selected_habit_and_its_history_follows() {
    let mut app = on_sunlight();
    keys(&mut app, &[Char('e')]);
    assert_eq!(app.form.name, "Sunlight");
    keys(&mut app, &[BackTab, BackTab, BackTab]);
    assert_eq!(
        app.form.focus,
        gutbone::form::Field::Target,
        "wraps from the name back, past the schedule and the step"
    );
    keys(&mut app, &[Backspace, Backspace]);
    type_text(&mut app, "5");
    keys(&mut app, &[Tab, Tab, Tab]); // step, schedule, then name
    for _ in 0..8 {
        keys(&mut app, &[Backspace]);
    }
    type_text(&mut app, "Daylight");
    assert_eq!(keys(&mut app, &[Enter]), [Effect::SaveHabits]);
    let sun = &app.habits[3];
    assert_eq!(
        (sun.id.as_str(), sun.name.as_str()),
        ("sunlight", "Daylight")
    );
    assert_eq!(sun.measure.as_ref().unwrap().target, 5.0);
    // The 18th had 5 of 15 minutes: with a 5-minute target it now counts.
    assert!(app.history.log.is_done(d("2026-11-18"), sun));
    assert_eq!(app.stats[3].best_streak.unwrap().days, 3);
}

#[test]
fn d_archives_after_asking_and_undo_brings_it_back() {
    let mut app = on_sunlight();
    let before = app.all_habits();
    keys(&mut app, &[Char('D')]);
    assert_eq!(app.overlay, Some(Overlay::ConfirmArchive));
    keys(&mut app, &[Char('n')]);
    assert_eq!((app.overlay, app.habits.len()), (None, 5), "n keeps it");
    keys(&mut app, &[Char('D'), Enter]);
    assert_eq!(
        (app.overlay, app.habits.len()),
        (None, 5),
        "Enter keeps it too"
    );
    keys(&mut app, &[Char('D'), Char('x')]);
    assert_eq!(
        app.overlay,
        Some(Overlay::ConfirmArchive),
        "other keys wait for an answer"
    );
    assert_eq!(keys(&mut app, &[Char('y')]), [Effect::SaveHabits]);
    assert_eq!(app.habits.len(), 4);
    assert_eq!(app.archived[0].id, id("sunlight"));
    assert!(
        app.history
            .log
            .entry(d("2026-11-21"), id("sunlight"))
            .is_some(),
        "history kept"
    );
    assert_eq!(app.selected, 3, "the selection stays in range");
    assert_eq!(keys(&mut app, &[Char('u')]), [Effect::SaveHabits]);
    assert_eq!(app.all_habits(), before);
    assert_eq!(app.selected_habit().unwrap().id, id("sunlight"));
}

#[test]
fn the_last_habit_cannot_be_archived() {
    let mut app = sample_app("2026-11-22T09:00:00");
    for _ in 0..4 {
        keys(&mut app, &[Char('D'), Char('y')]);
    }
    assert_eq!(app.habits.len(), 1);
    keys(&mut app, &[Char('D')]);
    assert_eq!(app.overlay, None);
    assert!(app.notice.as_deref().unwrap().contains("last habit"));
}

#[test]
fn shift_k_and_j_reorder_the_checklist() {
    let mut app = on_sunlight();
    assert_eq!(keys(&mut app, &[Char('K')]), [Effect::SaveHabits]);
    let order: Vec<HabitId> = app.habits.iter().map(|h| h.id.clone()).collect();
    assert_eq!(order[2], id("sunlight"));
    assert_eq!(app.selected, 2, "the selection moves with the habit");
    keys(&mut app, &[Char('K'), Char('K')]);
    assert_eq!(app.selected, 0);
    assert_eq!(keys(&mut app, &[Char('K')]), [], "already first");
    keys(&mut app, &[Char('J')]);
    assert_eq!(app.habits[1].id, id("sunlight"));
    keys(&mut app, &[Char('u'), Char('u'), Char('u'), Char('u')]);
    assert_eq!(app.habits[3].id, id("sunlight"));
}

#[test]
fn a_habit_added_today_has_no_missed_days_behind_it() {
    use gutbone::domain::stats::{HabitStats, perfect_days, perfect_streaks};
    let perfect = |history: &gutbone::domain::History, habits: &[gutbone::domain::Habit], today| {
        perfect_streaks(&perfect_days(
            history,
            habits,
            history.first_day().unwrap_or(today),
            today,
        ))
    };
    use gutbone::domain::week::{Mark, WeekSummary};
    let mut app = sample_app("2026-11-22T09:00:00");
    // Yesterday was a perfect day for the five; a sixth habit must not spoil it.
    keys(&mut app, &[Char('4'), Left, Char('2'), Char('t')]);
    let perfect_before = perfect(&app.history, &app.habits, d(TODAY)).0;
    add_habit(&mut app, "Floss", None);
    let floss = app.habits[5].clone();
    assert_eq!(floss.since, Some(d(TODAY)));
    let week = WeekSummary::new(
        &app.history,
        &app.habits,
        d(TODAY),
        d(TODAY),
        Default::default(),
    );
    assert_eq!(
        week.rows[5].marks[5],
        Mark::Untracked,
        "yesterday is not a miss"
    );
    assert_eq!(week.rows[5].marks[6], Mark::Open);
    assert_eq!(
        HabitStats::new(&app.history, &floss, d(TODAY)).missed_run,
        0
    );
    assert_eq!(
        perfect(&app.history, &app.habits, d(TODAY)).0,
        perfect_before,
        "the days before it stay perfect"
    );
    let line = app.coach.line(&app.moment()).unwrap();
    assert!(!line.contains("missed"), "{line}");
}

#[test]
fn the_form_keeps_names_and_short_labels_one_habit_each() {
    let mut app = on_sunlight();
    let before = app.all_habits();
    keys(&mut app, &[Char('e')]);
    app.form.name = "Prebiotic FIBRE".into();
    assert_eq!(keys(&mut app, &[Enter]), []);
    let error = app.form.error.clone().unwrap();
    assert!(
        error.contains("\"prebiotic fibre\" would name both"),
        "{error}"
    );
    // A short label another habit answers to is refused too.
    app.form.name = "Sunlight".into();
    app.form.short = "fibre".into();
    assert_eq!(keys(&mut app, &[Enter]), []);
    assert!(
        app.form
            .error
            .as_deref()
            .unwrap()
            .contains("would name both")
    );
    keys(&mut app, &[Esc]);
    assert_eq!(app.all_habits(), before, "nothing was kept");
    // A new habit whose first word is taken gets a longer label of its own.
    add_habit(&mut app, "Sunlight walk", None);
    assert_eq!(app.habits[5].short, "Sunlight w");
}

#[test]
fn a_hand_set_short_label_survives_a_rename_in_the_form() {
    let mut app = on_sunlight();
    let mut habits = app.all_habits();
    habits[3].short = "Sun".into();
    app.set_habits(habits);
    keys(&mut app, &[Char('e')]);
    assert_eq!(app.form.short, "Sun");
    app.form.name = "Daylight".into();
    assert_eq!(keys(&mut app, &[Enter]), [Effect::SaveHabits]);
    assert_eq!(
        (app.habits[3].name.as_str(), app.habits[3].short.as_str()),
        ("Daylight", "Sun")
    );
}

#[test]
fn a_measured_habit_made_done_or_not_keeps_its_past_days_as_they_were() {
    let mut app = on_sunlight();
    // The 18th had 5 of 15 minutes (partial); the 20th its 15.
    let sun = app.habits[3].clone();
    assert_eq!(
        app.history.log.status(d("2026-11-18"), &sun),
        Some(Status::Partial)
    );
    let strength = app.stats[3].strength;
    // Space turns the kind: measured, a limit, done or not.
    keys(&mut app, &[Char('e'), Tab, Tab, Char(' '), Char(' ')]);
    assert!(!app.form.measured);
    let said = app.form.kind_change(&sun).unwrap();
    assert!(said.contains("15 min or more counts as done"), "{said}");
    assert_eq!(keys(&mut app, &[Enter]), [Effect::SaveHabits]);
    let sun = app.habits[3].clone();
    assert_eq!(sun.measure, None);
    assert_eq!(
        app.history.log.status(d("2026-11-18"), &sun),
        Some(Status::Partial),
        "a partial day does not turn done"
    );
    assert_eq!(
        app.history.log.amount(d("2026-11-18"), &sun),
        0.0,
        "done or not: 0"
    );
    assert_eq!(app.stats[3].strength, strength, "strength is unchanged");
    // Measured again: the same unit, target and step come back.
    keys(&mut app, &[Char('e')]);
    assert_eq!(
        (
            app.form.unit.as_str(),
            app.form.target.as_str(),
            app.form.step.as_str()
        ),
        ("min", "15", "5")
    );
    keys(&mut app, &[Tab, Tab, Char(' '), Enter]);
    assert_eq!(app.habits[3].measure, habit("sunlight").measure);
}
