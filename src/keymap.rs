//! Which key does what.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

/// The action for a key press while text is being typed (the note editor):
/// printable keys are text, not commands.
pub fn typing_action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        _ if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
        KeyCode::Char(c) => Some(Action::Type(c)),
        KeyCode::Backspace => Some(Action::DeleteBack),
        KeyCode::Tab | KeyCode::Down => Some(Action::NextField),
        KeyCode::BackTab | KeyCode::Up => Some(Action::PrevField),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// The action bound to a key press, if any. Callers pass only presses:
/// terminals that report releases would otherwise toggle twice.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl || key.modifiers.contains(KeyModifiers::ALT) {
        // Raw mode turns Ctrl-C into a key, so it is bound here, not to SIGINT.
        return match key.code {
            KeyCode::Char('c') if ctrl => Some(Action::Quit),
            KeyCode::Char('r') if ctrl => Some(Action::Redo),
            _ => None,
        };
    }
    let action = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::SelectUp,
        KeyCode::Down | KeyCode::Char('j') => Action::SelectDown,
        KeyCode::Char(' ') | KeyCode::Enter => Action::ToggleSelected,
        KeyCode::Char(digit @ '1'..='9') => Action::ToggleHabit(digit.to_digit(10)? as usize - 1),
        KeyCode::Left | KeyCode::Char('h') => Action::PrevDay,
        KeyCode::Right | KeyCode::Char('l') => Action::NextDay,
        KeyCode::Char('s') => Action::SkipSelected,
        KeyCode::Char('+') => Action::AddStep,
        KeyCode::Char('-') => Action::RemoveStep,
        KeyCode::Char('=') => Action::TypeAmount,
        KeyCode::Char('a') => Action::AddHabit,
        KeyCode::Char('e') => Action::EditHabit,
        KeyCode::Char('D') => Action::ArchiveHabit,
        KeyCode::Char('K') => Action::MoveHabitUp,
        KeyCode::Char('J') => Action::MoveHabitDown,
        KeyCode::Char('[') => Action::PrevWeek,
        KeyCode::Char(']') => Action::NextWeek,
        KeyCode::Char('w') => Action::OpenReview,
        KeyCode::Char('t') => Action::GoToday,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('o') => Action::EditNote,
        KeyCode::Char('n') => Action::NextTip,
        KeyCode::Char('N') => Action::PrevTip,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Tab => Action::FocusNext,
        KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    };
    Some(action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
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
}
