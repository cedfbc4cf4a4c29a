//! Keys: the defaults, a person's own `keys.ron` with each kind of mistake
//! located, and what keys mean while text is typed.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gutbone::action::Action;
use gutbone::keymap::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn a_rebound_key_is_named_before_the_fixed_ones() {
    let keymap = Keymap::parse(r#"{"quit": ["Q"]}"#).unwrap();
    assert_eq!(keymap.keys_for(Action::Quit), ["Q", "Ctrl-C"]);
    assert_eq!(Keymap::default().keys_for(Action::Quit)[0], "q");
}

#[test]
fn while_typing_letters_are_text_and_enter_escape_decide() {
    assert_eq!(
        typing_action_for(key(KeyCode::Char('q'))),
        Some(Action::Type('q'))
    );
    assert_eq!(
        typing_action_for(key(KeyCode::Char(' '))),
        Some(Action::Type(' '))
    );
    let shifted = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
    assert_eq!(typing_action_for(shifted), Some(Action::Type('K')));
    assert_eq!(
        typing_action_for(key(KeyCode::Backspace)),
        Some(Action::DeleteBack)
    );
    assert_eq!(
        typing_action_for(key(KeyCode::Enter)),
        Some(Action::Confirm)
    );
    assert_eq!(typing_action_for(key(KeyCode::Esc)), Some(Action::Back));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(typing_action_for(ctrl_c), Some(Action::Quit));
}

#[test]
fn arrows_and_vim_keys_agree() {
    assert_eq!(
        action_for(key(KeyCode::Up)),
        action_for(key(KeyCode::Char('k')))
    );
    assert_eq!(
        action_for(key(KeyCode::Down)),
        action_for(key(KeyCode::Char('j')))
    );
    assert_eq!(action_for(key(KeyCode::Left)), Some(Action::PrevDay));
    assert_eq!(action_for(key(KeyCode::Char('l'))), Some(Action::NextDay));
}

#[test]
fn digits_toggle_by_position() {
    assert_eq!(
        action_for(key(KeyCode::Char('1'))),
        Some(Action::ToggleHabit(0))
    );
    assert_eq!(
        action_for(key(KeyCode::Char('5'))),
        Some(Action::ToggleHabit(4))
    );
    assert_eq!(action_for(key(KeyCode::Char('0'))), None);
}

#[test]
fn ctrl_c_quits_but_other_chords_do_nothing() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(ctrl_c), Some(Action::Quit));
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(action_for(ctrl_q), None);
    let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
    assert_eq!(action_for(alt_j), None);
}

#[test]
fn a_question_mark_typed_with_shift_opens_help() {
    let shifted = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(action_for(shifted), Some(Action::ToggleHelp));
}

fn press(map: &Keymap, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    map.action_for(KeyEvent::new(code, modifiers))
}

#[test]
fn keys_ron_gives_an_action_exactly_its_keys_and_leaves_the_rest() {
    let map = Keymap::parse(
        "// mine\n{\n  \"toggle_selected\": [\"x\", \"f5\"],\n  \"redo\": [\"ctrl-y\", \"U\"],\n}",
    )
    .unwrap();
    let none = KeyModifiers::NONE;
    assert_eq!(
        press(&map, KeyCode::Char('x'), none),
        Some(Action::ToggleSelected)
    );
    assert_eq!(
        press(&map, KeyCode::F(5), none),
        Some(Action::ToggleSelected)
    );
    assert_eq!(
        press(&map, KeyCode::Char(' '), none),
        None,
        "space is no longer bound"
    );
    assert_eq!(
        press(&map, KeyCode::Char('y'), KeyModifiers::CONTROL),
        Some(Action::Redo)
    );
    assert_eq!(
        press(&map, KeyCode::Char('U'), KeyModifiers::SHIFT),
        Some(Action::Redo)
    );
    assert_eq!(
        press(&map, KeyCode::Char('j'), none),
        Some(Action::SelectDown),
        "untouched"
    );
    assert_eq!(
        press(&map, KeyCode::Char('3'), none),
        Some(Action::ToggleHabit(2))
    );
    assert_eq!(map.keys_for(Action::ToggleSelected), ["x", "F5"]);
    assert_eq!(map.keys_for(Action::Redo), ["Ctrl-Y", "U"]);
    assert_eq!(Keymap::default().keys_for(Action::SelectUp), ["↑", "k"]);
}

#[test]
fn quit_keeps_ctrl_c_whatever_keys_it_is_given() {
    let map = Keymap::parse("{\"quit\": [\"Q\"]}").unwrap();
    assert_eq!(press(&map, KeyCode::Char('q'), KeyModifiers::NONE), None);
    assert_eq!(
        press(&map, KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
}

#[test]
fn every_mistake_in_keys_ron_is_located_and_named() {
    for (text, line, column, needle) in [
        (
            "{\n \"toggle\": [\"x\"]}",
            2,
            2,
            "no action called \"toggle\"",
        ),
        ("{\n \"undo\": [\"spc\"]}", 2, 11, "no key called \"spc\""),
        (
            "{\"undo\": [\"x\"],\n \"redo\": [\"x\"]}",
            2,
            11,
            "given to redo and to undo (line 1, column 11)",
        ),
        ("{\"undo\": [\"j\"]}", 1, 11, "also select_down's key"),
        ("{\"undo\": [\"1\"]}", 1, 11, "ticks a habit"),
        ("{\"undo\": [\"ctrl-c\"]}", 1, 11, "always quits"),
        (
            "{\"undo\": [\"x\"],\n \"undo\": [\"y\"]}",
            2,
            2,
            "given keys twice",
        ),
        ("{\"undo\": [\"x\"]\n \"redo\": []}", 2, 2, "Expected"),
    ] {
        let err = Keymap::parse(text).unwrap_err();
        assert_eq!(
            (err.line, err.column),
            (line, column),
            "{text}: {}",
            err.message
        );
        assert!(err.message.contains(needle), "{text}: {}", err.message);
    }
}

#[test]
fn taking_a_default_key_is_fine_when_its_action_moves_too() {
    let map = Keymap::parse("{\"undo\": [\"j\"], \"select_down\": [\"down\"]}").unwrap();
    assert_eq!(
        press(&map, KeyCode::Char('j'), KeyModifiers::NONE),
        Some(Action::Undo)
    );
}

#[test]
fn space_and_enter_toggle_and_escape_goes_back() {
    assert_eq!(
        action_for(key(KeyCode::Char(' '))),
        Some(Action::ToggleSelected)
    );
    assert_eq!(
        action_for(key(KeyCode::Enter)),
        Some(Action::ToggleSelected)
    );
    assert_eq!(action_for(key(KeyCode::Esc)), Some(Action::Back));
}
