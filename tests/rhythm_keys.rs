//! Keys on habits with their own rhythm: a 3/7 habit, one on Mondays,
//! Wednesdays and Fridays, and a limit, through `update`.

mod common;

use common::{d, rhythm_habits, sample_app};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gutbone::app::App;
use gutbone::domain::schedule::Schedule;
use gutbone::domain::{Entry, Status};
use gutbone::keymap::{action_for, typing_action_for};
use gutbone::update::{Effect, Msg, update};

use KeyCode::{Char, Enter, Tab};

/// Keys through whichever keymap is in force, as the run loop sends them.
fn press(app: &mut App, keys: &[KeyCode]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for code in keys {
        let event = KeyEvent::new(*code, KeyModifiers::NONE);
        let action = match app.is_typing() {
            true => typing_action_for(event),
            false => action_for(event),
        };
        effects.extend(action.map_or_else(Vec::new, |action| update(app, Msg::Action(action))));
    }
    effects
}

/// The sample app on Sunday 22 Nov with three more habits: a gym three
/// times a week (done Mon, Wed), lifting on Mon/Wed/Fri (done each), and at
/// most one sugary drink a day.
fn app() -> App {
    let mut app = sample_app("2026-11-22T09:00:00");
    let [mut gym, mut lift, soda] = rhythm_habits();
    // Both added on Monday the 16th.
    gym.since = Some(d("2026-11-16"));
    lift.since = Some(d("2026-11-16"));
    let mut habits = app.all_habits();
    habits.extend([gym.clone(), lift.clone(), soda]);
    app.set_habits(habits);
    for day in ["2026-11-16", "2026-11-18"] {
        app.history.log.set_done(d(day), &gym, true);
    }
    for day in ["2026-11-16", "2026-11-18", "2026-11-20"] {
        app.history.log.set_done(d(day), &lift, true);
    }
    app.refresh_stats();
    app
}

fn select(app: &mut App, id: &str) {
    app.select(app.habits.iter().position(|h| h.id.as_str() == id).unwrap());
}

#[test]
fn ticking_the_third_gym_day_makes_it_done_for_now_and_lifts_its_streak() {
    let mut app = app();
    let gym = app
        .habits
        .iter()
        .position(|h| h.id.as_str() == "gym")
        .unwrap();
    assert!(app.stats[gym].due, "two of three in the week");
    assert_eq!(app.stats[gym].done_in_window, 2);
    let before = app.stats[gym].current_streak;
    select(&mut app, "gym");
    assert_eq!(
        press(&mut app, &[Char(' ')]),
        [Effect::Save(d("2026-11-22"))]
    );
    assert!(!app.stats[gym].due);
    assert_eq!(app.stats[gym].done_in_window, 3);
    assert!(
        app.stats[gym].current_streak > before,
        "the week around it is kept now"
    );
    press(&mut app, &[Char('u')]);
    assert!(app.stats[gym].due, "undo puts it back");
}

#[test]
fn a_weekday_habit_is_not_due_on_its_days_off() {
    let app = app();
    let lift = app
        .habits
        .iter()
        .position(|h| h.id.as_str() == "lift")
        .unwrap();
    assert!(!app.stats[lift].due, "Sunday is a day off");
    assert_eq!(app.stats[lift].current_streak, 3);
    assert_eq!(app.stats[lift].missed_run, 0);
}

#[test]
fn a_limit_is_kept_until_it_is_passed() {
    let mut app = app();
    let soda = app
        .habits
        .iter()
        .position(|h| h.id.as_str() == "soda")
        .unwrap();
    let today = d("2026-11-22");
    assert_eq!(
        app.history.log.status(today, &app.habits[soda]),
        Some(Status::Done)
    );
    assert!(!app.stats[soda].due);
    let kept = app.stats[soda].current_streak;
    assert!(kept > 0);
    select(&mut app, "soda");
    press(&mut app, &[Char('+')]);
    assert_eq!(
        app.history.log.entry(today, &app.habits[soda]),
        Some(Entry::Amount(1.0))
    );
    assert_eq!(app.stats[soda].current_streak, kept, "at the limit is kept");
    press(&mut app, &[Char('+')]);
    assert_eq!(
        app.history.log.status(today, &app.habits[soda]),
        Some(Status::Over)
    );
    assert_eq!(
        app.stats[soda].current_streak, 0,
        "over today: broken at once"
    );
}

#[test]
fn a_schedule_changed_in_the_form_judges_the_history_anew_at_once() {
    let mut app = app();
    let gym = app
        .habits
        .iter()
        .position(|h| h.id.as_str() == "gym")
        .unwrap();
    let strength = app.stats[gym].strength;
    assert_eq!(
        app.stats[gym].missed_run, 0,
        "no window has passed without its three"
    );
    select(&mut app, "gym");
    // The schedule is the last field of a done-or-not habit.
    press(&mut app, &[Char('e'), Tab, Tab, Tab]);
    for _ in 0..3 {
        press(&mut app, &[KeyCode::Backspace]);
    }
    for c in "daily".chars() {
        press(&mut app, &[Char(c)]);
    }
    assert_eq!(press(&mut app, &[Enter]), [Effect::SaveHabits]);
    assert_eq!(app.habits[gym].schedule, Schedule::Daily);
    assert_eq!(
        app.stats[gym].missed_run, 3,
        "daily: the 19th to the 21st are misses"
    );
    assert_ne!(app.stats[gym].strength, strength);
    assert!(app.stats[gym].due);
}

#[test]
fn space_fills_a_limit_with_nothing_logged_and_empties_it_again() {
    let mut app = app();
    let today = d("2026-11-22");
    select(&mut app, "soda");
    let soda = app.habits[app.selected].clone();
    press(&mut app, &[Char(' ')]);
    assert_eq!(
        app.history.log.entry(today, &soda),
        Some(Entry::Amount(1.0))
    );
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.history.log.entry(today, &soda), None);
}
