//! `update` driven by random actions over random histories, every screen and
//! overlay drawn at a random size after each step: nothing panics, and the
//! state keeps its promises. The histories hold the odd states a person
//! meets: rest days (every habit skipped), 20 habits, archived ones, wide,
//! emoji and combining names, measured habits made done-or-not, a new year.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use gutbone::action::Action;
use gutbone::app::{App, Overlay};
use gutbone::coach::Tips;
use gutbone::domain::date::first_kept_day;
use gutbone::domain::settings::ThemeName;
use gutbone::domain::settings::{Settings, WeekStart};
use gutbone::domain::{Entry, Habit, Log};
use gutbone::ui::theme::Theme;
use gutbone::update::{Msg, update};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const NAMES: [&str; 8] = [
    "Walk",
    "日本茶を飲む",
    "🏃‍♀️ run",
    "Cafe\u{301} au lait",
    "A habit with a name long enough to be cut on any screen",
    "Ölbad",
    "x",
    "Stretch 🧘",
];

#[derive(Clone, Debug)]
enum Kind {
    Check,
    Measured(f64),
    /// Measured once, done-or-not now: its old amounts judged by `target`.
    WasMeasured(f64),
}

fn habit(i: usize, name: usize, kind: &Kind, archived: bool) -> Habit {
    let id = format!("h{i}");
    let name = format!("{} {i}", NAMES[name]);
    let mut habit = match kind {
        Kind::Check => Habit::check(&id, &name),
        Kind::Measured(target) | Kind::WasMeasured(target) => {
            Habit::measured(&id, &name, "min", 5.0, *target)
        }
    };
    if let Kind::WasMeasured(_) = kind {
        habit.was_measured = habit.measure.take();
    }
    // A short label of its own, as the form keeps them.
    habit.short = format!("{}{i}", habit.short.chars().take(6).collect::<String>());
    habit.archived = archived;
    habit
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Check),
        (1u32..60).prop_map(|t| Kind::Measured(f64::from(t))),
        (1u32..60).prop_map(|t| Kind::WasMeasured(f64::from(t))),
    ]
}

/// What one day holds: nothing, a rest day, or an entry (or none) per habit.
#[derive(Clone, Debug)]
enum Day {
    Empty,
    Rest,
    Mixed(Vec<u8>, bool),
}

fn day() -> impl Strategy<Value = Day> {
    prop_oneof![
        2 => Just(Day::Empty),
        1 => Just(Day::Rest),
        4 => (proptest::collection::vec(0u8..6, 20), any::<bool>()).prop_map(|(e, n)| Day::Mixed(e, n)),
    ]
}

fn entry(code: u8, habit: &Habit) -> Option<Entry> {
    let target = habit.measure.as_ref().or(habit.was_measured.as_ref());
    match code {
        0 => None,
        1 => Some(Entry::Done),
        2 => Some(Entry::Skipped),
        3 => target
            .map(|m| Entry::Amount(m.target))
            .or(Some(Entry::Done)),
        4 => target.map(|m| Entry::Amount((m.target / 2.0).max(0.5))),
        _ => Some(Entry::Amount(2.5)),
    }
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    prop_oneof![
        prop::sample::select(vec![
            SelectUp,
            SelectDown,
            ToggleSelected,
            SkipSelected,
            AddStep,
            RemoveStep,
            TypeAmount,
            AddHabit,
            EditHabit,
            ArchiveHabit,
            MoveHabitUp,
            MoveHabitDown,
            PrevDay,
            NextDay,
            PrevWeek,
            NextWeek,
            GoToday,
            NextTip,
            PrevTip,
            EditNote,
            DeleteBack,
            NextField,
            PrevField,
            Confirm,
            Undo,
            Redo,
            ToggleHelp,
            OpenReview,
            OpenDetail,
            NextRange,
            FocusNext,
            FocusPrev,
            Back,
        ]),
        (0usize..22).prop_map(ToggleHabit),
        prop::sample::select(vec![
            'a', 'y', 'n', ' ', '5', '.', '-', 'é', '日', '🏃', '\u{301}'
        ])
        .prop_map(Type),
    ]
}

/// Something that can happen to the app, beside a key.
#[derive(Clone, Debug)]
enum Event {
    Key(Action),
    Resize(u16, u16),
    Click(u16, u16),
    Wheel(bool),
    /// The clock moves on this many hours.
    Later(u8),
    Blocked(bool),
    /// A background sync ends, well or not.
    Synced(bool),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        12 => action().prop_map(Event::Key),
        2 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
        2 => (0u16..300, 0u16..100).prop_map(|(x, y)| Event::Click(x, y)),
        1 => any::<bool>().prop_map(Event::Wheel),
        1 => (0u8..30).prop_map(Event::Later),
        1 => any::<bool>().prop_map(Event::Blocked),
        1 => any::<bool>().prop_map(Event::Synced),
    ]
}

fn msg(event: &Event, now: &mut NaiveDateTime) -> Msg {
    let mouse = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    match event {
        Event::Key(action) => Msg::Action(*action),
        Event::Resize(w, h) => Msg::Resize(*w, *h),
        Event::Click(x, y) => Msg::Mouse(mouse(MouseEventKind::Down(MouseButton::Left), *x, *y)),
        Event::Wheel(up) => Msg::Mouse(mouse(
            if *up {
                MouseEventKind::ScrollUp
            } else {
                MouseEventKind::ScrollDown
            },
            0,
            0,
        )),
        Event::Later(hours) => {
            *now += chrono::Duration::hours(i64::from(*hours));
            Msg::Tick(*now)
        }
        Event::Blocked(blocked) => Msg::Blocked(blocked.then(|| "a mistake, line 3".into())),
        Event::Synced(true) => Msg::Synced(Ok(
            "synced with git@example.org:日本/a-long-name.git: 3 commits taken, 1 sent; \
             resolved 2 conflicts"
                .into(),
        )),
        Event::Synced(false) => Msg::Synced(Err("sync failed: fetching from origin failed".into())),
    }
}

fn draw(app: &App) {
    let area = app.area;
    let mut terminal =
        Terminal::new(TestBackend::new(area.width.max(1), area.height.max(1))).unwrap();
    terminal
        .draw(|frame| gutbone::ui::render(app, frame))
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_history_any_keys_any_size_never_panic_and_keep_the_state_whole(
        kinds in proptest::collection::vec((kind(), 0usize..NAMES.len()), 1..=20),
        archived in proptest::collection::vec((kind(), 0usize..NAMES.len()), 0..3),
        days in proptest::collection::vec(day(), 0..45),
        today in 0u64..14,
        sunday in any::<bool>(),
        late_start in any::<bool>(),
        theme in 0usize..4,
        events in proptest::collection::vec(event(), 1..40),
        size in (1u16..=300, 1u16..=100),
    ) {
        let mut habits: Vec<Habit> = kinds
            .iter()
            .enumerate()
            .map(|(i, (kind, name))| habit(i, *name, kind, false))
            .collect();
        habits.extend(
            archived
                .iter()
                .enumerate()
                .map(|(i, (kind, name))| habit(100 + i, *name, kind, true)),
        );
        // Around a new year: 2026-12-25 to 2027-01-07.
        let today = NaiveDate::from_ymd_opt(2026, 12, 25).unwrap() + Days::new(today);
        let mut log = Log::new();
        for (back, day) in days.iter().enumerate() {
            let date = today - Days::new(back as u64);
            match day {
                Day::Empty => {}
                Day::Rest => {
                    for habit in &habits {
                        log.set_entry(date, habit, Some(Entry::Skipped));
                    }
                }
                Day::Mixed(codes, note) => {
                    for (habit, code) in habits.iter().zip(codes) {
                        log.set_entry(date, habit, entry(*code, habit));
                    }
                    if *note {
                        log.set_note(date, Some("knee sore 日本 é"));
                    }
                }
            }
        }
        let settings = Settings {
            week_start: if sunday { WeekStart::Sunday } else { WeekStart::Monday },
            day_starts_at: if late_start {
                NaiveTime::from_hms_opt(4, 0, 0).unwrap()
            } else {
                NaiveTime::MIN
            },
        };
        let mut now = today.and_hms_opt(9, 0, 0).unwrap();
        let mut app = App::new(habits, log.into(), Tips::builtin(), settings, now, "/data".into());
        app.theme = match theme {
            0 => Theme::new(ThemeName::Dark, true, false),
            1 => Theme::new(ThemeName::Light, true, false),
            2 => Theme::new(ThemeName::HighContrast, true, true),
            _ => Theme::new(ThemeName::Dark, false, false),
        };
        update(&mut app, Msg::Resize(size.0, size.1));
        draw(&app);
        for event in &events {
            update(&mut app, msg(event, &mut now));
            draw(&app);
            prop_assert!(!app.habits.is_empty());
            prop_assert!(app.selected < app.habits.len(), "{event:?}");
            prop_assert_eq!(app.stats.len(), app.habits.len());
            prop_assert!(app.viewing <= app.today && app.viewing >= first_kept_day());
            if app.overlay == Some(Overlay::Detail) {
                // The story told is today's, and its calendar within it.
                let story = app.detail.story.as_ref().expect("derived while open");
                prop_assert_eq!(story.days.last().map(|day| day.date), Some(app.today));
                let first = story.days.first().map(|day| day.date.year());
                prop_assert!(first.is_some_and(|first| app.detail.year >= first));
                prop_assert!(app.detail.year <= app.today.year());
            }
        }
        // The weekly review too, whatever the keys left open.
        update(&mut app, Msg::Action(Action::Back));
        update(&mut app, Msg::Action(Action::OpenReview));
        draw(&app);
        // And the selected habit's story.
        update(&mut app, Msg::Action(Action::Back));
        update(&mut app, Msg::Action(Action::OpenDetail));
        prop_assert_eq!(app.overlay, Some(Overlay::Detail));
        draw(&app);
    }
}
