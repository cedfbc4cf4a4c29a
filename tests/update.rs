//! `update` driven by key sequences, with no terminal: the state and the
//! effects it asks for.

mod common;

use common::{at, d, habit, sample_app};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gutbone::action::Action;
use gutbone::app::{App, Overlay};
use gutbone::domain::History;
use gutbone::keymap::action_for;
use gutbone::update::{Effect, Msg, update};

/// Presses keys as the run loop would: through the keymap into `update`.
fn press(app: &mut App, keys: &[KeyCode]) -> Vec<Effect> {
    keys.iter()
        .filter_map(|code| action_for(KeyEvent::new(*code, KeyModifiers::NONE)))
        .flat_map(|action| update(app, Msg::Action(action)))
        .collect()
}

use KeyCode::{Char, Down, Enter, Esc, Left, Right, Up};

#[test]
fn opens_on_today_with_the_first_open_habit_selected() {
    let app = sample_app("2026-11-22T09:00:00");
    assert_eq!(app.viewing, d("2026-11-22"));
    // Kefir and fibre are done today; exercise is the first still open.
    assert_eq!(app.selected, 2);
}

#[test]
fn space_toggles_the_selected_habit_and_asks_for_a_save() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let effects = press(&mut app, &[Char(' ')]);
    assert_eq!(effects, [Effect::Save(d("2026-11-22"))]);
    assert!(
        app.history
            .log
            .is_done(d("2026-11-22"), &habit("weight-bearing-exercise"))
    );
    let effects = press(&mut app, &[Enter]);
    assert_eq!(effects, [Effect::Save(d("2026-11-22"))]);
    assert!(
        !app.history
            .log
            .is_done(d("2026-11-22"), &habit("weight-bearing-exercise"))
    );
}

#[test]
fn digits_toggle_and_select_their_habit() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let effects = press(&mut app, &[Char('4')]);
    assert_eq!(effects, [Effect::Save(d("2026-11-22"))]);
    assert!(app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
    assert_eq!(app.selected, 3);
    // There is no sixth habit: nothing changes and nothing is saved.
    let before = app.history.log.clone();
    assert_eq!(press(&mut app, &[Char('6')]), []);
    assert_eq!(app.history.log, before);
}

#[test]
fn selection_moves_with_arrows_and_vim_keys_and_wraps() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('1')]); // select the first habit
    press(&mut app, &[Up]);
    assert_eq!(app.selected, 4, "up from the top wraps to the bottom");
    press(&mut app, &[Down, Char('j')]);
    assert_eq!(app.selected, 1);
    press(&mut app, &[Char('k')]);
    assert_eq!(app.selected, 0);
}

#[test]
fn yesterday_can_be_back_filled_but_tomorrow_cannot_be_reached() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Right, Char('l')]);
    assert_eq!(app.viewing, d("2026-11-22"), "never past today");
    press(&mut app, &[Left]);
    assert_eq!(app.viewing, d("2026-11-21"));
    assert!(
        !app.history
            .log
            .is_done(d("2026-11-21"), &habit("prebiotic-fiber"))
    );
    let effects = press(&mut app, &[Char('2')]);
    assert_eq!(effects, [Effect::Save(d("2026-11-21"))]);
    assert!(
        app.history
            .log
            .is_done(d("2026-11-21"), &habit("prebiotic-fiber"))
    );
    assert!(
        app.history
            .log
            .is_done(d("2026-11-22"), &habit("prebiotic-fiber")),
        "today untouched"
    );
    press(&mut app, &[Char('h'), Char('h'), Char('t')]);
    assert_eq!(app.viewing, d("2026-11-22"));
}

#[test]
fn days_step_back_across_month_and_year_ends() {
    let mut app = sample_app("2027-01-01T09:00:00");
    press(&mut app, &[Left]);
    assert_eq!(app.viewing, d("2026-12-31"));
    press(&mut app, &[Left; 31]);
    assert_eq!(app.viewing, d("2026-11-30"));
}

#[test]
fn help_is_modal_and_closes_with_escape_or_question_mark() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('?')]);
    assert_eq!(app.overlay, Some(Overlay::Help));
    let before = app.history.log.clone();
    assert_eq!(press(&mut app, &[Char(' '), Char('3'), Left]), []);
    assert_eq!(
        app.history.log, before,
        "keys behind the overlay do nothing"
    );
    assert_eq!(app.viewing, d("2026-11-22"));
    assert_eq!(
        press(&mut app, &[Esc]),
        [],
        "Esc closes help; it does not quit"
    );
    assert_eq!(app.overlay, None);
    press(&mut app, &[Char('?'), Char('?')]);
    assert_eq!(app.overlay, None);
}

#[test]
fn q_escape_and_ctrl_c_quit() {
    for keys in [&[Char('q')][..], &[Esc], &[Char('?'), Char('q')]] {
        let mut app = sample_app("2026-11-22T09:00:00");
        assert_eq!(
            press(&mut app, keys).last(),
            Some(&Effect::Quit),
            "{keys:?}"
        );
    }
    let mut app = sample_app("2026-11-22T09:00:00");
    let ctrl_c = action_for(KeyEvent::new(Char('c'), KeyModifiers::CONTROL)).unwrap();
    assert_eq!(update(&mut app, Msg::Action(ctrl_c)), [Effect::Quit]);
}

#[test]
fn n_and_shift_n_step_through_tips_and_a_new_selection_starts_over() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let habit = app.selected_habit().unwrap().id.clone();
    let shown = |app: &App| {
        app.tips
            .choose(&habit, &app.moment(), app.tip_turn)
            .unwrap()
            .tip
            .id
            .clone()
    };
    let first = shown(&app);
    press(&mut app, &[Char('n')]);
    let second = shown(&app);
    assert_ne!(first, second);
    press(&mut app, &[Char('N')]);
    assert_eq!(shown(&app), first);
    press(&mut app, &[Char('N')]);
    assert_eq!(
        app.tip_turn, -1,
        "back from the first goes round to the last"
    );
    press(&mut app, &[Down]);
    assert_eq!(app.tip_turn, 0);
}

#[test]
fn midnight_moves_today_and_a_viewer_of_today_along() {
    let mut app = sample_app("2026-11-22T23:59:00");
    update(&mut app, Msg::Tick(at("2026-11-23T00:00:01")));
    assert_eq!(app.today, d("2026-11-23"));
    assert_eq!(app.viewing, d("2026-11-23"));
    assert_eq!(app.viewing_count().done, 0, "a fresh day starts empty");
}

#[test]
fn midnight_leaves_someone_back_filling_where_they_are() {
    let mut app = sample_app("2026-11-22T23:59:00");
    press(&mut app, &[Left, Left]);
    update(&mut app, Msg::Tick(at("2026-11-23T00:00:01")));
    assert_eq!(app.today, d("2026-11-23"));
    assert_eq!(app.viewing, d("2026-11-20"));
    press(&mut app, &[Right, Right, Right, Right]);
    assert_eq!(app.viewing, d("2026-11-23"), "the new today is reachable");
}

#[test]
fn a_clock_set_back_never_leaves_the_view_in_the_future() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let before = app.history.log.clone();
    // A clock set back (or a flight west) writes nothing and drops nothing:
    // the days "after" the new today stay in the log, only out of reach.
    assert_eq!(update(&mut app, Msg::Tick(at("2026-11-20T09:00:00"))), []);
    assert_eq!(app.today, d("2026-11-20"));
    assert_eq!(app.viewing, d("2026-11-20"));
    assert_eq!(app.history.log, before);
    press(&mut app, &[Right, Char(']')]);
    assert_eq!(app.viewing, d("2026-11-20"), "still never past today");
    // Back to the right time, all of it is there as it was.
    assert_eq!(update(&mut app, Msg::Tick(at("2026-11-22T09:05:00"))), []);
    assert_eq!(app.history.log, before);
}

#[test]
fn a_failed_save_is_shown_until_a_save_succeeds() {
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::SaveFailed("disk full".into()));
    assert_eq!(app.error.as_deref(), Some("disk full"));
    press(&mut app, &[Char('j')]);
    assert_eq!(
        app.error.as_deref(),
        Some("disk full"),
        "moving around keeps it"
    );
    update(&mut app, Msg::Saved);
    assert_eq!(app.error, None);
}

#[test]
fn actions_have_unique_stable_snake_case_names_for_keys_ron() {
    use gutbone::keymap::{ACTIONS, action_name};
    let mut names: Vec<&str> = ACTIONS.iter().map(|(name, _)| *name).collect();
    assert!(
        names
            .iter()
            .all(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    );
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ACTIONS.len(), "no name twice");
    assert_eq!(action_name(Action::ToggleSelected), Some("toggle_selected"));
    assert_eq!(action_name(Action::FocusNext), Some("focus_next"));
    // Typing and the digits are not for rebinding.
    assert_eq!(action_name(Action::Type('x')), None);
    assert_eq!(action_name(Action::ToggleHabit(2)), None);
}

#[test]
fn s_skips_the_selected_habit_and_a_tick_turns_a_skip_into_done() {
    use gutbone::domain::Status;
    let mut app = sample_app("2026-11-22T09:00:00");
    let today = d("2026-11-22");
    let exercise = habit("weight-bearing-exercise");
    assert_eq!(press(&mut app, &[Char('s')]), [Effect::Save(today)]);
    assert_eq!(
        app.history.log.status(today, &exercise),
        Some(Status::Skipped)
    );
    press(&mut app, &[Char(' ')]);
    assert_eq!(app.history.log.status(today, &exercise), Some(Status::Done));
    press(&mut app, &[Char('s'), Char('s')]);
    assert_eq!(app.history.log.status(today, &exercise), None);
}

#[test]
fn brackets_move_by_whole_weeks_and_never_past_today() {
    let mut app = sample_app("2026-11-19T09:00:00"); // a Thursday
    press(&mut app, &[Char('[')]);
    assert_eq!(app.viewing, d("2026-11-12"), "the same weekday a week back");
    press(&mut app, &[Char('['), Char(']')]);
    assert_eq!(app.viewing, d("2026-11-12"));
    press(&mut app, &[Char(']')]);
    assert_eq!(app.viewing, d("2026-11-19"));
    press(&mut app, &[Left, Left, Left, Char(']')]);
    assert_eq!(
        app.viewing,
        d("2026-11-19"),
        "next week's Monday is still to come: today"
    );
}

#[test]
fn w_opens_the_weekly_review_and_escape_returns() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('w')]);
    assert_eq!(app.overlay, Some(Overlay::Review));
    assert_eq!(press(&mut app, &[Char(' '), Char('?')]), []);
    assert_eq!(
        app.overlay,
        Some(Overlay::Review),
        "help does not replace it"
    );
    assert_eq!(press(&mut app, &[Esc]), []);
    assert_eq!(app.overlay, None);
    press(&mut app, &[Char('w')]);
    assert_eq!(press(&mut app, &[Char('q')]), [Effect::Quit]);
}

#[test]
fn after_midnight_the_next_toggle_lands_on_the_new_day() {
    let mut app = sample_app("2026-11-22T23:59:59");
    update(&mut app, Msg::Tick(at("2026-11-23T00:00:02")));
    let effects = press(&mut app, &[Char('4')]);
    assert_eq!(effects, [Effect::Save(d("2026-11-23"))]);
    assert!(app.history.log.is_done(d("2026-11-23"), &habit("sunlight")));
    assert!(!app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
}

#[test]
fn with_a_four_oclock_day_start_a_late_night_still_counts_for_the_evening_before() {
    use gutbone::domain::settings::Settings;
    let settings = Settings {
        day_starts_at: "04:00:00".parse().unwrap(),
        ..Settings::default()
    };
    let mut app = App::new(
        gutbone::domain::default_habits(),
        gutbone::domain::Log::new().into(),
        gutbone::coach::Tips::builtin(),
        settings,
        at("2026-11-24T01:30:00"), // Tuesday, small hours
        "/data".into(),
    );
    assert_eq!(app.today, d("2026-11-23"), "still Monday");
    assert_eq!(
        press(&mut app, &[Char('1')]),
        [Effect::Save(d("2026-11-23"))]
    );
    update(&mut app, Msg::Tick(at("2026-11-24T04:00:00")));
    assert_eq!(app.today, d("2026-11-24"));
}

#[test]
fn brackets_page_through_weeks_inside_the_review() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('w'), Char('[')]);
    assert_eq!(app.overlay, Some(Overlay::Review));
    assert_eq!(app.viewing, d("2026-11-15"));
    press(&mut app, &[Char(']'), Char(']')]);
    assert_eq!(app.viewing, d("2026-11-22"));
    press(&mut app, &[Left]);
    assert_eq!(app.viewing, d("2026-11-22"), "day keys stay shut out");
    // Closed, the review leaves the day that was viewed before it.
    press(&mut app, &[Esc, Left, Char('w'), Char('['), Char('['), Esc]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.viewing, d("2026-11-21"));
}

#[test]
fn the_review_is_derived_once_per_change_and_never_stale() {
    let mut app = sample_app("2026-11-22T09:00:00");
    assert_eq!(app.review, None, "not derived while closed");
    press(&mut app, &[Char('w')]);
    assert_eq!(app.review, Some(app.derive_review()));
    press(&mut app, &[Char('[')]);
    assert_eq!(app.review, Some(app.derive_review()), "a week back");
    let last_week = app.review.clone();
    press(&mut app, &[Char('x')]);
    assert_eq!(app.review, last_week, "a key that changes nothing keeps it");

    // The files change underneath, and midnight passes, while it is open.
    let mut log = app.history.log.clone();
    for day in d("2026-11-09").iter_days().take(7) {
        log.set_done(day, habit("sunlight"), true);
    }
    let habits = app.all_habits();
    update(&mut app, Msg::Reloaded(habits, log.into()));
    assert_eq!(app.review, Some(app.derive_review()));
    assert_ne!(app.review, last_week);
    update(&mut app, Msg::Tick(at("2026-11-23T00:00:01")));
    assert_eq!(app.review, Some(app.derive_review()));

    press(&mut app, &[Esc]);
    assert_eq!(app.review, None, "dropped when closed");
}

#[test]
fn the_derived_stats_never_go_stale() {
    use gutbone::domain::stats::HabitStats;
    let mut app = sample_app("2026-11-22T22:00:00");
    let keys = [
        Char('1'),
        Char('s'),
        Left,
        Char('3'),
        Char('['),
        Char('5'),
        Char('s'),
        Char(']'),
        Char('u'),
        Char(' '),
        Down,
        Char('s'),
        Char('t'),
        Char('2'),
        Left,
        Left,
        Char(' '),
    ];
    let ticks = [
        "2026-11-22T23:00:00",
        "2026-11-23T00:00:01",
        "2026-11-23T12:00:00",
    ];
    for (step, key) in keys.iter().enumerate() {
        press(&mut app, &[*key]);
        if step % 5 == 4 {
            update(&mut app, Msg::Tick(at(ticks[step / 5])));
        }
        let fresh = HabitStats::all(&app.history, &app.habits, app.today);
        assert_eq!(app.stats, fresh, "after step {step} ({key:?})");
    }
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(Char(c), KeyModifiers::CONTROL)
}

#[test]
fn u_undoes_and_ctrl_r_redoes_each_saved_like_any_change() {
    use gutbone::domain::Status;
    let mut app = sample_app("2026-11-22T09:00:00");
    let before = app.history.log.clone();
    press(&mut app, &[Char('4')]); // sunlight done today
    press(&mut app, &[Left, Char('s')]); // yesterday: sunlight (selected) skipped
    assert_eq!(
        app.history.log.status(d("2026-11-21"), &habit("sunlight")),
        Some(Status::Skipped)
    );
    press(&mut app, &[Char('t')]);

    // Undo goes back through the changes, moving the view to each.
    assert_eq!(
        press(&mut app, &[Char('u')]),
        [Effect::Save(d("2026-11-21"))]
    );
    assert_eq!(
        app.viewing,
        d("2026-11-21"),
        "the view follows the undone change"
    );
    assert_eq!(
        app.history.log.status(d("2026-11-21"), &habit("sunlight")),
        Some(Status::Done)
    );
    assert_eq!(
        press(&mut app, &[Char('u')]),
        [Effect::Save(d("2026-11-22"))]
    );
    assert_eq!(app.history.log, before);
    assert_eq!(press(&mut app, &[Char('u')]), [], "nothing left to undo");

    // Redo walks forward again.
    let redo = action_for(ctrl('r')).unwrap();
    assert_eq!(
        update(&mut app, Msg::Action(redo)),
        [Effect::Save(d("2026-11-22"))]
    );
    assert!(app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
    assert_eq!(app.selected, 3);
    update(&mut app, Msg::Action(redo));
    assert_eq!(
        app.history.log.status(d("2026-11-21"), &habit("sunlight")),
        Some(Status::Skipped)
    );
    assert_eq!(
        update(&mut app, Msg::Action(redo)),
        [],
        "nothing left to redo"
    );
}

#[test]
fn a_new_change_after_an_undo_drops_what_could_be_redone() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('4'), Char('u'), Char('3')]);
    let redo = action_for(ctrl('r')).unwrap();
    assert_eq!(update(&mut app, Msg::Action(redo)), []);
    assert!(!app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
    assert!(
        app.history
            .log
            .is_done(d("2026-11-22"), &habit("weight-bearing-exercise"))
    );
}

/// Types `text` into the note editor as a person would.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let action = gutbone::keymap::typing_action_for(KeyEvent::new(Char(c), KeyModifiers::NONE));
        update(app, Msg::Action(action.unwrap()));
    }
}

fn typing(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let action = gutbone::keymap::typing_action_for(KeyEvent::new(code, KeyModifiers::NONE));
    update(app, Msg::Action(action.unwrap()))
}

#[test]
fn o_writes_a_note_on_the_viewed_day_and_enter_keeps_it() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Left, Char('o')]);
    assert_eq!(app.overlay, Some(Overlay::Note));
    assert!(app.is_typing());
    // Letters that are commands elsewhere are text here.
    type_text(&mut app, "knee sorq");
    assert_eq!(typing(&mut app, KeyCode::Backspace), []);
    type_text(&mut app, "e");
    assert_eq!(
        app.history.log.note(d("2026-11-21")),
        None,
        "nothing kept before Enter"
    );
    assert_eq!(typing(&mut app, Enter), [Effect::Save(d("2026-11-21"))]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.history.log.note(d("2026-11-21")), Some("knee sore"));
    assert_eq!(app.viewing, d("2026-11-21"));
}

#[test]
fn escape_cancels_a_note_and_a_blank_note_removes_one() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('o')]);
    type_text(&mut app, "walked to work");
    assert_eq!(typing(&mut app, Esc), []);
    assert_eq!(app.history.log.note(d("2026-11-22")), None);
    assert_eq!(app.overlay, None);

    // The editor opens on the existing note; clearing it removes it.
    press(&mut app, &[Left, Left, Left, Char('o')]);
    assert_eq!(app.note_draft, "travel");
    for _ in 0..6 {
        typing(&mut app, KeyCode::Backspace);
    }
    assert_eq!(typing(&mut app, Enter), [Effect::Save(d("2026-11-19"))]);
    assert_eq!(app.history.log.note(d("2026-11-19")), None);
    // Keeping the note unchanged saves nothing.
    press(&mut app, &[Char('o')]);
    assert_eq!(typing(&mut app, Enter), []);
}

#[test]
fn notes_are_undone_and_redone_like_any_change() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('o')]);
    type_text(&mut app, "rest day");
    typing(&mut app, Enter);
    press(&mut app, &[Left, Left]);
    assert_eq!(
        press(&mut app, &[Char('u')]),
        [Effect::Save(d("2026-11-22"))]
    );
    assert_eq!(app.history.log.note(d("2026-11-22")), None);
    assert_eq!(app.viewing, d("2026-11-22"));
    let redo = action_for(ctrl('r')).unwrap();
    update(&mut app, Msg::Action(redo));
    assert_eq!(app.history.log.note(d("2026-11-22")), Some("rest day"));
}

#[test]
fn a_note_stops_at_its_length_limit() {
    use gutbone::domain::log::MAX_NOTE_CHARS;
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('o')]);
    type_text(&mut app, &"x".repeat(MAX_NOTE_CHARS + 10));
    assert_eq!(app.note_draft.chars().count(), MAX_NOTE_CHARS);
}

#[test]
fn a_save_that_succeeds_clears_a_save_error_but_not_a_start_up_warning() {
    let mut app = sample_app("2026-11-22T09:00:00");
    app.warning = Some("tips.ron line 2, column 5: not a habit".into());
    update(&mut app, Msg::SaveFailed("disk full".into()));
    assert_eq!(
        app.problem(),
        Some("disk full"),
        "the save error comes first"
    );
    update(&mut app, Msg::Saved);
    assert_eq!(app.error, None);
    assert_eq!(
        app.problem(),
        Some("tips.ron line 2, column 5: not a habit")
    );
}

/// The sample app with the days before Monday 9 November only summed up,
/// as after a start that read the recent years alone.
fn app_with_a_past() -> App {
    let mut app = sample_app("2026-11-22T09:00:00");
    let past = app.history.sum_up(&app.all_habits(), d("2026-11-09"));
    app.history = History::recent(app.history.log.clone(), past);
    app.refresh_stats();
    app
}

#[test]
fn this_week_and_last_need_no_more_history_than_the_log_holds() {
    let mut app = app_with_a_past();
    assert!(!app.needs_older_days());
    press(&mut app, &[Left, Left, Left, Left, Left, Left]);
    assert_eq!(app.viewing, d("2026-11-16"), "still this week");
    assert!(!app.needs_older_days());
}

#[test]
fn the_wide_layout_shows_earlier_weeks_and_so_asks_for_them() {
    let mut app = app_with_a_past();
    update(&mut app, Msg::Resize(80, 24));
    assert!(!app.needs_older_days());
    update(&mut app, Msg::Resize(120, 40));
    assert!(
        app.needs_older_days(),
        "four weeks before this one reach 19 October"
    );
}

#[test]
fn going_back_a_week_before_the_days_held_asks_for_the_rest() {
    let whole = sample_app("2026-11-22T09:00:00");
    let mut app = app_with_a_past();
    press(&mut app, &[Char('[')]);
    assert_eq!(app.viewing, d("2026-11-15"));
    assert!(
        app.needs_older_days(),
        "the week before last begins on the 2nd"
    );

    update(&mut app, Msg::OlderDaysRead(whole.history.log.clone()));
    assert_eq!(app.history.log, whole.history.log);
    assert_eq!(app.stats, whole.stats);
    assert!(!app.needs_older_days());
}

#[test]
fn the_review_and_a_changed_target_ask_for_the_rest_too() {
    let mut app = app_with_a_past();
    press(&mut app, &[Char('w')]);
    assert_eq!(app.overlay, Some(Overlay::Review));
    assert!(app.needs_older_days(), "the review walks the whole history");

    let mut app = app_with_a_past();
    let mut habits = app.all_habits();
    habits[1].measure.as_mut().unwrap().target = 2.0;
    app.set_habits(habits);
    assert!(
        app.needs_older_days(),
        "the sums were made with the old target"
    );
}

#[test]
fn unsaved_changes_to_the_days_held_survive_reading_in_the_rest() {
    let whole = sample_app("2026-11-22T09:00:00");
    let mut app = app_with_a_past();
    press(&mut app, &[Char('4')]);
    update(&mut app, Msg::OlderDaysRead(whole.history.log.clone()));
    assert!(app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
    assert_eq!(
        app.history.log.days_in(..d("2026-11-09")).count(),
        whole.history.log.days_in(..d("2026-11-09")).count()
    );
}

#[test]
fn figures_after_toggles_and_undo_equal_a_fresh_derivation() {
    use gutbone::domain::stats::HabitStats;
    let mut app = sample_app("2026-11-22T09:00:00");
    let fresh = |app: &App| HabitStats::all(&app.history, &app.habits, app.today);
    // Streaks run through today and yesterday, so each toggle moves them.
    press(&mut app, &[Char('2'), Left, Char('2'), Char('4'), Right]);
    assert_eq!(app.stats, fresh(&app));
    let before_undo = app.stats.clone();
    press(&mut app, &[Char('u')]);
    assert_eq!(app.stats, fresh(&app));
    assert_ne!(app.stats, before_undo);
    press(&mut app, &[Char('u'), Char('u'), Char('u')]);
    assert_eq!(app.stats, fresh(&app));
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    update(
        app,
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }),
    )
}

fn wheel(app: &mut App, up: bool) {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let kind = if up {
        MouseEventKind::ScrollUp
    } else {
        MouseEventKind::ScrollDown
    };
    let event = MouseEvent {
        kind,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    };
    update(app, Msg::Mouse(event));
}

#[test]
fn tab_and_shift_tab_cycle_the_focus_through_the_panels_shown() {
    use gutbone::screen::Panel;
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::Resize(80, 24));
    assert_eq!(app.focus, Panel::Checklist);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Panel::Week);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Panel::Tips);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Panel::Checklist);
    press(&mut app, &[KeyCode::BackTab]);
    assert_eq!(app.focus, Panel::Tips);

    // With the tips focused, up and down page through them.
    let turn = app.tip_turn;
    press(&mut app, &[Down, Down, Up]);
    assert_eq!(app.tip_turn, turn + 1);
    assert_eq!(app.selected, 2, "the selection stays");

    // The compact layout hides the tips: focus falls back and cycles two.
    update(&mut app, Msg::Resize(70, 20));
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Panel::Week);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.focus, Panel::Checklist);
    press(&mut app, &[Down]);
    assert_eq!(app.selected, 3, "up and down select habits again");
}

#[test]
fn resizing_keeps_the_selection_and_the_day() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Down, Left, Left]);
    let (selected, viewing) = (app.selected, app.viewing);
    for (width, height) in [(40, 12), (200, 60), (60, 18), (80, 24), (10, 3)] {
        update(&mut app, Msg::Resize(width, height));
        assert_eq!((app.selected, app.viewing), (selected, viewing));
    }
}

#[test]
fn clicking_a_checkbox_toggles_it_and_clicking_the_name_selects() {
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::Resize(80, 24));
    // At 80×24 the checklist's rows start on line 3; habit 4 is on line 6,
    // its box "[ ]" in columns 5 to 7.
    assert!(!app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
    let effects = click(&mut app, 6, 6);
    assert_eq!(effects, vec![Effect::Save(d("2026-11-22"))]);
    assert!(app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
    assert_eq!(app.selected, 3);

    let effects = click(&mut app, 20, 4);
    assert!(effects.is_empty(), "a click on the name only selects");
    assert_eq!(app.selected, 1);
    assert!(app.history.log.is_done(d("2026-11-22"), &habit("sunlight")));
}

#[test]
fn clicking_a_day_in_the_week_views_it_and_the_wheel_steps_days() {
    use gutbone::screen::Panel;
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::Resize(80, 24));
    // The week grid's day columns start at column 12, three wide: Saturday
    // is the sixth. Any row of the grid will do.
    click(&mut app, 28, 12);
    assert_eq!(app.viewing, d("2026-11-21"));
    assert_eq!(app.focus, Panel::Week);
    click(&mut app, 13, 10);
    assert_eq!(app.viewing, d("2026-11-16"), "the day names row too");

    wheel(&mut app, true);
    assert_eq!(app.viewing, d("2026-11-15"));
    wheel(&mut app, false);
    wheel(&mut app, false);
    assert_eq!(app.viewing, d("2026-11-17"));

    // Clicks pass an open overlay by.
    press(&mut app, &[Char('?')]);
    click(&mut app, 28, 12);
    assert_eq!(app.viewing, d("2026-11-17"));
}

#[test]
fn undo_takes_back_only_the_apps_own_change_as_it_stands() {
    use gutbone::domain::Entry;
    let mut app = sample_app("2026-11-22T09:00:00");
    let today = d("2026-11-22");
    let sun = habit("sunlight");
    press(&mut app, &[Char('4')]); // sunlight 15/15
    press(&mut app, &[Char('3')]); // exercise 30/30, then changed elsewhere:
    let mut theirs = app.history.log.clone();
    theirs.set_entry(today, &sun, Some(Entry::Amount(25.0)));
    let habits = app.all_habits();
    update(&mut app, Msg::Reloaded(habits, theirs.clone().into()));
    // Exercise was not touched elsewhere: its undo goes through.
    assert_eq!(press(&mut app, &[Char('u')]), [Effect::Save(today)]);
    // Sunlight was: undo says so, and leaves the 25 minutes alone.
    assert_eq!(press(&mut app, &[Char('u')]), []);
    assert_eq!(
        app.history.log.entry(today, &sun),
        Some(Entry::Amount(25.0))
    );
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.contains("Sunlight on Sun 22 Nov was changed elsewhere since"),
        "{notice}"
    );
    // It is forgotten: neither undo nor redo brings it back.
    assert_eq!(press(&mut app, &[Char('u')]), []);
    let redo = action_for(ctrl('r')).unwrap();
    assert_eq!(update(&mut app, Msg::Action(redo)), [Effect::Save(today)]);
    assert_eq!(update(&mut app, Msg::Action(redo)), []);
    assert_eq!(
        app.history.log.entry(today, &sun),
        Some(Entry::Amount(25.0))
    );

    // A redo is held to the same rule: the entry must be as the undo left it.
    press(&mut app, &[Char('u')]);
    let mut theirs = app.history.log.clone();
    theirs.set_done(today, habit("weight-bearing-exercise"), true);
    let habits = app.all_habits();
    update(&mut app, Msg::Reloaded(habits, theirs.clone().into()));
    assert_eq!(update(&mut app, Msg::Action(redo)), []);
    assert_eq!(app.history.log, theirs);
    assert!(app.notice.as_deref().unwrap().contains("redo leaves it"));
}

#[test]
fn an_archive_and_a_note_are_undone_while_they_stand() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let before = app.all_habits();
    press(&mut app, &[Char('D')]);
    update(&mut app, Msg::Action(Action::Type('y')));
    assert_eq!(app.habits.len(), 4);
    assert_eq!(press(&mut app, &[Char('u')]), [Effect::SaveHabits]);
    assert_eq!(app.all_habits(), before, "the archived habit is back");
    press(&mut app, &[Char('o')]);
    for action in [Action::Type('x'), Action::Confirm] {
        update(&mut app, Msg::Action(action));
    }
    assert_eq!(app.history.log.note(d("2026-11-22")), Some("x"));
    let mut theirs = app.history.log.clone();
    theirs.set_note(d("2026-11-22"), Some("from the phone"));
    let habits = app.all_habits();
    update(&mut app, Msg::Reloaded(habits, theirs.into()));
    assert_eq!(press(&mut app, &[Char('u')]), []);
    assert_eq!(
        app.history.log.note(d("2026-11-22")),
        Some("from the phone")
    );
}

#[test]
fn the_app_goes_back_no_further_than_1900() {
    let mut app = sample_app("2026-11-22T09:00:00");
    app.viewing = d("1900-01-02");
    press(&mut app, &[Left, Left, Left]);
    assert_eq!(app.viewing, d("1900-01-01"));
    app.viewing = d("1900-01-03");
    press(&mut app, &[Char('[')]);
    assert_eq!(app.viewing, d("1900-01-01"));
}

#[test]
fn while_blocked_no_change_is_applied_or_promised() {
    let mut app = sample_app("2026-11-22T09:00:00");
    press(&mut app, &[Char('4')]);
    let before = app.history.log.clone();
    let why = "2026.ron line 3, column 9: a mistake".to_owned();
    update(&mut app, Msg::Blocked(Some(why.clone())));
    for key in [Char(' '), Char('s'), Char('+'), Char('u'), Char('K')] {
        assert_eq!(press(&mut app, &[key]), [], "{key:?}");
    }
    press(&mut app, &[Char('o')]);
    update(&mut app, Msg::Action(Action::Type('x')));
    assert_eq!(update(&mut app, Msg::Action(Action::Confirm)), []);
    assert_eq!(app.history.log, before);
    assert_eq!(app.problem(), Some(why.as_str()));
    // Looking around still works.
    press(&mut app, &[Left, Down]);
    assert_eq!(app.viewing, d("2026-11-21"));
    update(&mut app, Msg::Blocked(None));
    assert_eq!(
        press(&mut app, &[Char('u')]),
        [Effect::Save(d("2026-11-22"))]
    );
}

#[test]
fn keys_that_can_do_nothing_say_so() {
    let mut app = sample_app("2026-11-22T09:00:00");
    assert_eq!(press(&mut app, &[Char('u')]), []);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("nothing to undo")
    );
    let mut habits = app.all_habits();
    for i in 0..15 {
        habits.push(gutbone::domain::Habit::check(
            &format!("h{i}"),
            &format!("H{i}"),
        ));
    }
    app.set_habits(habits);
    assert_eq!(app.habits.len(), 20);
    press(&mut app, &[Char('a')]);
    assert_eq!(app.overlay, None, "no form for a habit that cannot be kept");
    assert!(
        app.notice.as_deref().unwrap().contains("as many as fit"),
        "{:?}",
        app.notice
    );
}

#[test]
fn up_and_down_move_through_the_habits_in_the_review() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let before = app.selected;
    press(&mut app, &[Char('w'), Char('j')]);
    assert_eq!(app.overlay, Some(Overlay::Review));
    assert_eq!(app.selected, before + 1, "the heat map's window follows it");
    press(&mut app, &[Char('k'), Char(' ')]);
    assert_eq!(app.selected, before);
    assert_eq!(
        app.history.log,
        sample_app("2026-11-22T09:00:00").history.log,
        "no tick from the review"
    );
}

#[test]
fn a_failed_background_sync_stays_in_the_footer_until_one_works() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let failed = "sync failed: fetching from origin failed".to_owned();
    update(&mut app, Msg::Synced(Err(failed.clone())));
    assert_eq!(app.problem(), Some(failed.as_str()));
    // A key clears what was said once, not the failure.
    update(&mut app, Msg::Action(Action::SelectDown));
    assert_eq!(app.problem(), Some(failed.as_str()));
    update(&mut app, Msg::Synced(Ok("synced with origin".into())));
    assert_eq!(app.problem(), Some("synced with origin"));
    update(&mut app, Msg::Action(Action::SelectDown));
    assert_eq!(app.problem(), None);
}
