//! The run loop: the one place that reads terminal events, asks the clock and
//! carries out effects. Everything it decides, it asks `update` to decide.

use std::error::Error;
use std::io::{self, BufWriter, IsTerminal, Stdout};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use crossterm::event;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::App;
use crate::clock::Clock;
use crate::domain::date;
use crate::domain::settings::SyncMode;
use crate::domain::week;
use crate::keymap;
use crate::look;
use crate::own_files::{load_keymap, load_tips};
use crate::store::{Store, StoreError, copies, load_stated, paths};
use crate::sync::background::AutoSync;
use crate::ui;
use crate::update::{Effect, Msg, update};

/// Held while a save is under way, so that a signal never ends the process
/// in the middle of one.
static SAVING: Mutex<()> = Mutex::new(());

/// The checklist in the terminal: what `gutbone` with no command opens.
pub fn open(
    flags: look::Flags,
    dir: &Path,
    config_dir: &Path,
    clock: &Clock,
) -> Result<(), Box<dyn Error>> {
    let stated = load_stated(&paths::settings_file(config_dir))?;
    let settings = stated.settings();
    let look = look::Look::resolve(
        &stated,
        flags,
        &look::Env::read(|name| std::env::var_os(name)),
    );
    let today = date::today(clock.now(), settings.day_starts_at);
    // A data directory that cannot be written to is still shown, changed
    // by no key (the run loop cannot take the write lock either).
    let (mut store, read_only) = match Store::open(dir) {
        Ok(store) => (store, false),
        Err(err) if err.is_read_only() => (Store::open_for_command(dir, today), true),
        Err(err) => return Err(err.into()),
    };
    store.set_today(today);
    let split = store.split_year_files()?;
    // The months before the earliest week on screen are summed up, not read
    // (see `week::earliest_shown`); the summary is checked after the first frame.
    let from = week::earliest_shown(today, settings.week_start);
    let (habits, history) = store.load_recent_unchecked(from)?;
    let ids: Vec<_> = habits.iter().map(|h| h.id.clone()).collect();
    let (tips, tips_problem) = load_tips(&paths::user_tips_file(config_dir), &ids);
    let (keymap, keys_problem) = load_keymap(&paths::keys_file(config_dir));
    if !std::io::stdout().is_terminal() {
        return Err(
            "the checklist needs an interactive terminal, and standard output is not one \
             (`gutbone status` prints the day instead)"
                .into(),
        );
    }
    if let Some(refusal) = look::refuse_terminal(std::env::var_os("TERM").as_deref()) {
        return Err(refusal.into());
    }
    let data_dir = dir.display().to_string();
    let mut app = App::new(habits, history, tips, settings, clock.now(), data_dir);
    app.warning = match (tips_problem, keys_problem) {
        (Some(tips), Some(keys)) => Some(format!("{tips} {keys}")),
        (tips, keys) => tips.or(keys),
    };
    // Said once, until the first key.
    app.notice = split;
    let mut auto_sync =
        (stated.sync == Some(SyncMode::Auto) && !read_only).then(|| AutoSync::new(dir, config_dir));
    app.keymap = keymap;
    if read_only {
        app.blocked = Some(read_only_note(dir));
    }
    app.theme = look.theme();
    let mouse = look.mouse.value;
    run(&mut app, &mut store, clock, mouse, auto_sync.as_mut()).map_err(
        |err| -> Box<dyn Error> {
            // A file that does not read ends the app as it would at start.
            match err.downcast::<StoreError>() {
                Ok(unreadable) => unreadable.into(),
                Err(err) => format!("terminal error: {err}").into(),
            }
        },
    )?;
    // A save that failed while the app ran gets one last try.
    store
        .flush(&app.history.log)
        .map_err(|err| format!("{err}\nYour last changes could not be saved."))?;
    if let Some(auto_sync) = auto_sync {
        auto_sync.at_quit(QUIT_SYNC, |said| {
            let _ =
                io::Write::write_all(&mut io::stderr(), format!("gutbone: {said}\n").as_bytes());
        });
    }
    Ok(())
}

/// The longest the app waits on quit for its sync (`sync: Auto`).
const QUIT_SYNC: Duration = Duration::from_secs(5);

/// Runs the TUI until the person quits. The terminal is restored on every
/// way out: a normal return, an error, a panic (ratatui's hook), and
/// SIGTERM, SIGHUP, SIGQUIT or SIGINT.
pub fn run(
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    mouse: bool,
    auto_sync: Option<&mut AutoSync>,
) -> io::Result<()> {
    restore_on(catch_signals()?);
    let mut terminal = match init(mouse) {
        Ok(terminal) => terminal,
        Err(err) => {
            // Raw mode may already be on when a later step fails.
            restore();
            return Err(err);
        }
    };
    let result = event_loop(&mut terminal, app, store, clock, mouse, auto_sync);
    restore();
    result
}

/// Hands the terminal back: mouse reports off (whether or not they were on),
/// then what `ratatui::restore` undoes.
fn restore() {
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableMouseCapture);
    ratatui::restore();
}

/// Stdout behind a buffer that holds a whole frame, so each frame leaves in
/// one write (stdout alone writes every line).
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// `ratatui::try_init`, with the buffered backend: the panic hook that
/// restores the terminal, raw mode, the alternate screen.
fn init(mouse: bool) -> io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        crossterm::execute!(io::stdout(), ClicksOnly)?;
    }
    Terminal::new(CrosstermBackend::new(BufWriter::new(io::stdout())))
}

/// Mouse reports for presses, releases and the wheel, in SGR encoding.
/// crossterm's `EnableMouseCapture` also asks for every move of the mouse
/// (mode 1003), which would wake the app for each one only to drop it.
struct ClicksOnly;

impl crossterm::Command for ClicksOnly {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }

    #[cfg(windows)]
    fn execute_winapi(&self) -> io::Result<()> {
        crossterm::Command::execute_winapi(&crossterm::event::EnableMouseCapture)
    }
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    store: &mut Store,
    clock: &Clock,
    mouse: bool,
    mut auto_sync: Option<&mut AutoSync>,
) -> io::Result<()> {
    // A hidden testing aid: panic on the first key, to prove the terminal is
    // handed back even then.
    let test_panic = crate::test_hooks::panic_on_first_key();
    let size = terminal.size()?;
    update(app, Msg::Resize(size.width, size.height));
    let mut first_frame = true;
    // Found after the first frame, and said again with a sync's outcome.
    let mut found_copies = None;
    loop {
        // The terminal's own autoresize fits each frame to the screen; a
        // size the app has not heard of yet (a resize before the first
        // event could be read) reaches it from the frame.
        let area = terminal.draw(|frame| ui::render(app, frame))?.area;
        if std::mem::take(&mut first_frame) {
            if let Some(auto_sync) = auto_sync.as_deref_mut() {
                auto_sync.start();
            }
            // Looked for after the first frame: one folder listing a year.
            found_copies = copies::mention(store.dir());
            if let Some(copies) = &found_copies {
                let notice = match &app.notice {
                    Some(notice) => format!("{notice}. {copies}"),
                    None => copies.clone(),
                };
                update(app, Msg::Notice(notice));
            }
            if check_summary(store, app)? || found_copies.is_some() {
                continue;
            }
        }
        if area != app.area {
            resized(app, store, area.width, area.height);
            continue;
        }
        let look_every = auto_sync.as_deref().and_then(AutoSync::look_every);
        let input = next_input(clock, app, mouse, look_every)?;
        if let Some(said) = auto_sync.as_deref_mut().and_then(AutoSync::outcome) {
            // What the sync merged in is shown at once, not at the next key.
            let blocked = match store.lock_for_writing() {
                Ok(()) => reload_if_changed(store, app),
                Err(err) => Some(format!("{err}. No change is made until it can be.")),
            };
            store.release_write_lock();
            update(app, Msg::Blocked(blocked));
            let with_copies = |said: String| match &found_copies {
                Some(copies) => format!("{said}. {copies}"),
                None => said,
            };
            update(app, Msg::Synced(said.map(with_copies).map_err(with_copies)));
        }
        if test_panic && matches!(input, Some(Msg::Action(_))) {
            panic!(
                "{} is set: panicking as asked",
                crate::test_hooks::PANIC_ENV
            );
        }
        // Read the clock before acting, so a key pressed just after midnight
        // ticks the new day, not the old one.
        update(app, Msg::Tick(clock.now()));
        let msg = match input {
            None => continue,
            Some(Msg::Resize(width, height)) => {
                resized(app, store, width, height);
                continue;
            }
            Some(msg) => msg,
        };
        if msg == Msg::Action(Action::Quit) {
            // Nothing to read or lock on the way out: `main` saves whatever
            // is still unsaved.
            return Ok(());
        }
        // Someone else's change to the files is read in before this key can
        // change anything, so it is never written over; the write lock keeps
        // a command from writing between that look and this key's save.
        let blocked = match store.lock_for_writing() {
            Err(err) if err.is_read_only() => Some(read_only_note(store.dir())),
            Err(err) => Some(format!("{err}. No change is made until it can be.")),
            Ok(()) => reload_if_changed(store, app),
        };
        update(app, Msg::Blocked(blocked));
        store.set_today(app.today);
        for effect in update(app, msg) {
            let saving = SAVING
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let saved = match effect {
                Effect::Save(day) => store.save_day(&app.history.log, day),
                Effect::SaveHabits => store.save_habits(app.all_habits(), &app.history.log),
                Effect::Quit => return Ok(()),
            };
            drop(saving);
            let outcome = match saved {
                Ok(()) => {
                    if let Some(auto_sync) = auto_sync.as_deref_mut() {
                        auto_sync.saved();
                    }
                    Msg::Saved
                }
                // Read again at the next key, the file takes the place of
                // what the app holds: say so, rather than promise a save.
                Err(err @ StoreError::ChangedOnDisk { .. }) => Msg::SaveFailed(format!(
                    "{err}. This change was not saved: make it again after that."
                )),
                Err(err) => Msg::SaveFailed(format!(
                    "{err}. Your change is kept in memory and tried again with the next \
                     save and when gutbone closes."
                )),
            };
            update(app, outcome);
        }
        read_in_older_days(app, store);
        store.release_write_lock();
    }
}

/// Holds the summary the first frame was drawn from to the older months,
/// before any key can act; `true` when it no longer held and the log was
/// read again (the frame must be drawn again). A file that does not read is
/// the error it would have been at start.
fn check_summary(store: &mut Store, app: &mut App) -> io::Result<bool> {
    if store.check_summary().map_err(io::Error::other)? {
        return Ok(false);
    }
    let from = week::earliest_shown(app.today, app.settings.week_start);
    let (habits, history) = store.load_recent(from).map_err(io::Error::other)?;
    update(app, Msg::Reloaded(habits, history));
    Ok(true)
}

/// The screen is now `width` × `height`.
fn resized(app: &mut App, store: &mut Store, width: u16, height: u16) {
    update(app, Msg::Resize(width, height));
    // A wider screen may show weeks not read in yet.
    read_in_older_days(app, store);
}

/// Reads in the years only summed up, once the screen reaches back to them.
fn read_in_older_days(app: &mut App, store: &mut Store) {
    if app.needs_older_days() {
        let msg = match store.load_older() {
            Ok(older) => Msg::OlderDaysRead(older),
            Err(err) => Msg::ReadFailed(err.to_string()),
        };
        update(app, msg);
    }
}

/// Reads the files again when they changed on disk, so that the key about
/// to act lands on top of what someone else wrote; `Some` says why they
/// could not be read, where the mistake is first.
fn reload_if_changed(store: &mut Store, app: &mut App) -> Option<String> {
    let loaded = match store.changed_on_disk() {
        Ok(false) => return None,
        Ok(true) => store.load(),
        Err(err) => Err(err),
    };
    match loaded {
        Ok((habits, log)) => {
            update(app, Msg::Reloaded(habits, log.into()));
            None
        }
        Err(StoreError::Parse {
            path,
            line,
            column,
            message,
        }) => Some(format!(
            "{} line {line}, column {column}: {message}. It was changed outside gutbone and \
             does not read; no change is made until it is fixed.",
            path.display()
        )),
        Err(err) => Some(format!("{err}. No change is made until it reads again.")),
    }
}

#[cfg(unix)]
type Signals = signal_hook::iterator::Signals;
#[cfg(not(unix))]
type Signals = ();

/// Catches SIGTERM, SIGHUP, SIGQUIT and SIGINT from now on; `restore_on`
/// acts on them. (In raw mode Ctrl-C is a key, so a SIGINT comes from
/// outside: `kill -INT`.)
#[cfg(unix)]
fn catch_signals() -> io::Result<Signals> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    Signals::new([SIGTERM, SIGHUP, SIGQUIT, SIGINT])
}

#[cfg(not(unix))]
fn catch_signals() -> io::Result<Signals> {
    Ok(())
}

/// On a terminating signal, waits for any save to finish, hands the terminal
/// back and exits with the shell's usual 128 + signal number. (Ctrl-C is not
/// a signal here: raw mode delivers it as a key.)
#[cfg(unix)]
fn restore_on(mut signals: Signals) {
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _saving = SAVING
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            restore();
            // On a normal quit the Terminal's drop shows the cursor; exiting
            // from here skips that, so show it by hand.
            let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn restore_on(_: Signals) {}

/// Blocks until a key press (its action, if bound), a click, a resize, or the
/// start of the next day (`None`). No polling: idle, it sleeps until then,
/// or for `at_most` while a sync runs beside it.
/// (A key after a suspend reads the clock before it acts.)
fn next_input(
    clock: &Clock,
    app: &App,
    mouse: bool,
    at_most: Option<Duration>,
) -> io::Result<Option<Msg>> {
    let now = clock.now();
    let until_tomorrow = (date::next_day_start(now, app.settings.day_starts_at) - now)
        .to_std()
        .unwrap_or(Duration::ZERO);
    let wait = at_most.map_or(until_tomorrow, |at_most| at_most.min(until_tomorrow));
    if !event::poll(wait)? {
        return Ok(None);
    }
    Ok(match event::read()? {
        event::Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        // Moves and drags say nothing; only clicks and the wheel do, and
        // only when the person wants the mouse.
        event::Event::Mouse(event) => match event.kind {
            event::MouseEventKind::Down(_)
            | event::MouseEventKind::ScrollUp
            | event::MouseEventKind::ScrollDown
                if mouse =>
            {
                Some(Msg::Mouse(event))
            }
            _ => None,
        },
        // Only presses: terminals that report releases must not toggle twice.
        other => other.as_key_press_event().and_then(|key| {
            if app.is_typing() {
                keymap::typing_action_for(key)
            } else {
                app.keymap.action_for(key)
            }
            .map(Msg::Action)
        }),
    })
}

/// What the app says while it can only show a read-only data directory.
fn read_only_note(dir: &Path) -> String {
    format!(
        "{} is read-only: gutbone shows it and changes nothing",
        dir.display()
    )
}
