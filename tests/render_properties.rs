//! Drawing never panics: every screen and overlay, on every terminal size
//! from 1×1 to 300×100, with a short, a long and an empty history.

mod common;

use common::sample_app;
use gutbone::action::Action;
use gutbone::app::App;
use gutbone::update::{Msg, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The key presses that reach each screen and overlay from the main screen.
fn screens() -> Vec<Vec<Action>> {
    use Action::*;
    vec![
        vec![],
        vec![ToggleHelp],
        vec![OpenReview],
        vec![OpenReview, PrevWeek, PrevWeek],
        vec![OpenDetail],
        vec![
            OpenDetail, NextRange, NextRange, PrevWeek, SelectDown, SelectDown,
        ],
        vec![EditNote, Type('k'), Type('n')],
        vec![TypeAmount, Type('9')],
        vec![
            TypeAmount,
            Type('9'),
            Type('9'),
            Type('9'),
            Type('9'),
            Type('9'),
            Confirm,
        ],
        vec![AddHabit, Type('W'), NextField, Type(' '), NextField],
        vec![AddHabit, Confirm],
        vec![EditHabit],
        vec![ArchiveHabit],
        vec![PrevDay, PrevDay, PrevWeek],
        vec![ArchiveHabit, Type('x')],
    ]
}

fn app_with(history: u8) -> App {
    let mut app = sample_app("2026-11-22T09:00:00");
    match history {
        0 => app.history.log = gutbone::domain::Log::new(),
        1 => {}
        _ => {
            // Many habits, with long names: the list scrolls and labels are cut.
            for n in 0..14 {
                update(&mut app, Msg::Action(Action::AddHabit));
                for c in format!("A rather long habit name number {n}").chars() {
                    update(&mut app, Msg::Action(Action::Type(c)));
                }
                update(&mut app, Msg::Action(Action::Confirm));
            }
        }
    }
    app.refresh_stats();
    app
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_screen_at_any_size_draws_without_panicking(
        width in 1u16..=300,
        height in 1u16..=100,
        screen in 0usize..13,
        history in 0u8..3,
    ) {
        let mut app = app_with(history);
        for action in &screens()[screen] {
            update(&mut app, Msg::Action(*action));
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| gutbone::ui::render(&app, frame)).unwrap();
        let text = terminal.backend().to_string();
        let tier = gutbone::screen::Tier::of(ratatui::layout::Rect::new(0, 0, width, height));
        if tier == gutbone::screen::Tier::TooSmall {
            prop_assert!(
                text.contains("bigger") || width < 30 || height < 3,
                "a small window says so:\n{text}"
            );
        }
    }
}

#[test]
fn the_smallest_and_largest_sizes_for_every_screen() {
    for screen in screens() {
        for (width, height) in [(1, 1), (59, 19), (60, 20), (300, 100)] {
            let mut app = app_with(2);
            for action in &screen {
                update(&mut app, Msg::Action(*action));
            }
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| gutbone::ui::render(&app, frame))
                .unwrap();
        }
    }
}
