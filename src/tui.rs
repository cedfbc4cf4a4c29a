//! The run loop: the one place that reads terminal events, asks the clock and
//! carries out effects. Everything it decides, it asks `update` to decide.

use std::io;
use std::time::Duration;

use crossterm::event;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;
use crate::clock::Clock;
use crate::domain::date;
use crate::keymap;
use crate::store::Store;
use crate::ui;
use crate::update::{Effect, Msg, update};

/// Even with nothing to do, wake this often to re-read the clock (it may have
/// jumped: a suspended laptop, a time-zone change).
const MAX_SLEEP: Duration = Duration::from_secs(60);

/// Runs the TUI until the person quits. The terminal is restored on every
/// way out: a normal return, an error, or a panic (ratatui's hook).
pub fn run(app: &mut App, store: &mut Store, clock: &Clock) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app, store, clock);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
) -> io::Result<()> {
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        let action = next_action(clock)?;
        // Read the clock before acting, so a key pressed just after midnight
        // ticks the new day, not the old one.
        update(app, Msg::Tick(clock.now()));
        let Some(action) = action else { continue };
        for effect in update(app, Msg::Action(action)) {
            match effect {
                Effect::Save(day) => {
                    let outcome = match store.save_day(&app.log, day) {
                        Ok(()) => Msg::Saved,
                        Err(err) => Msg::SaveFailed(format!(
                            "{err}. Your change is kept and will be saved with the next one."
                        )),
                    };
                    update(app, outcome);
                }
                Effect::Quit => return Ok(()),
            }
        }
    }
}

/// Blocks until a key press (its action, if bound), a resize, or the time to
/// look at the clock again (`None`). No busy polling: idle, it sleeps until the
/// next day begins or a minute has passed.
fn next_action(clock: &Clock) -> io::Result<Option<Action>> {
    let now = clock.now();
    let until_tomorrow = (date::next_day_start(now) - now)
        .to_std()
        .unwrap_or(Duration::ZERO);
    if !event::poll(until_tomorrow.min(MAX_SLEEP))? {
        return Ok(None);
    }
    // Only presses: terminals that report releases must not toggle twice.
    Ok(event::read()?
        .as_key_press_event()
        .and_then(keymap::action_for))
}
