//! The whole screen rendered into a TestBackend at fixed sizes, on a pinned
//! date and the sample log, compared with committed snapshots.

mod common;

use common::{d, sample_app};
use gutbone::action::Action;
use gutbone::app::App;
use gutbone::update::{Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| gutbone::ui::render(app, frame))
        .unwrap();
    terminal
}

fn act(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, Msg::Action(*action));
    }
}

/// The (x, y) of `text` on the first row that contains `row_marker`.
fn find(buffer: &Buffer, row_marker: &str, text: &str) -> (u16, u16) {
    let width = buffer.area.width as usize;
    let cells: Vec<&str> = buffer.content.iter().map(|cell| cell.symbol()).collect();
    for (row, line) in cells.chunks(width).enumerate() {
        let joined = line.concat();
        if !joined.contains(row_marker) {
            continue;
        }
        let byte = joined.find(text).expect("text on the marked row");
        let column = joined[..byte].chars().count();
        return (column as u16, row as u16);
    }
    panic!("{row_marker:?} is not on screen");
}

#[test]
fn main_screen_80x24() {
    let app = sample_app("2026-11-22T09:00:00");
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

/// Every layout, from one panel at a time to the wide one with earlier weeks.
#[test]
fn each_layout_tier() {
    for (width, height) in [(40, 12), (60, 18), (80, 24), (120, 40), (200, 60)] {
        let app = sample_app("2026-11-22T09:00:00");
        insta::assert_snapshot!(
            format!("tier_{width}x{height}"),
            render(&app, width, height).backend()
        );
    }
}

/// One panel at a time on a small screen: Tab brings the next one in.
#[test]
fn tab_brings_each_panel_in_on_a_small_screen() {
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::Resize(40, 12));
    let screen = |app: &App| render(app, 40, 12).backend().to_string();
    assert!(screen(&app).contains("Today"));
    act(&mut app, &[Action::FocusNext]);
    let week = screen(&app);
    assert!(
        week.contains("Week of") && !week.contains("Today"),
        "{week}"
    );
    act(&mut app, &[Action::FocusNext]);
    insta::assert_snapshot!("tier_40x12_tips", screen(&app));
    act(&mut app, &[Action::FocusNext]);
    assert!(screen(&app).contains("Today"));
}

#[test]
fn main_screen_120x40() {
    let app = sample_app("2026-11-22T09:00:00");
    insta::assert_snapshot!(render(&app, 120, 40).backend());
}

#[test]
fn back_filling_a_day_in_last_week_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::PrevDay; 8]);
    assert_eq!(app.viewing, d("2026-11-14"));
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn help_overlay_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::ToggleHelp]);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn a_save_error_replaces_the_key_hints() {
    let mut app = sample_app("2026-11-22T09:00:00");
    update(
        &mut app,
        Msg::SaveFailed(
            "could not save /home/someone/.local/share/gutbone/log/2026.ron: No space left \
             on device (os error 28). Your change is kept and will be saved with the next one."
                .into(),
        ),
    );
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn a_fresh_start_on_new_years_day() {
    let app = gutbone::app::App::new(
        gutbone::domain::default_habits(),
        gutbone::domain::Log::new().into(),
        gutbone::coach::Tips::builtin(),
        Default::default(),
        common::at("2027-01-01T08:00:00"),
        "/data".into(),
    );
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn too_small_a_terminal_says_so_instead_of_drawing_garbage() {
    let app = sample_app("2026-11-22T09:00:00");
    insta::assert_snapshot!(render(&app, 29, 8).backend());
    // Any size at all draws without panicking.
    for (width, height) in [(0, 0), (1, 1), (59, 19), (60, 20), (300, 100)] {
        render(&app, width, height);
    }
}

#[test]
fn todays_column_is_highlighted_and_the_selected_habit_reversed() {
    let app = sample_app("2026-11-22T09:00:00");
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let (sunday, header) = find(buffer, "Mo Tu", "Su");
    assert_eq!(
        buffer[(sunday, header)].bg,
        Color::DarkGray,
        "today (Sunday) is shaded"
    );
    let (_, stress) = find(buffer, "Stress    ", "Stress");
    // Cells are centred: the mark sits under the day name's second letter.
    assert_eq!(buffer[(sunday + 1, stress)].symbol(), "●");
    assert_eq!(
        buffer[(sunday + 1, stress)].bg,
        Color::DarkGray,
        "down the whole column"
    );
    let (saturday, _) = find(buffer, "Mo Tu", "Sa");
    assert_eq!(buffer[(saturday + 1, stress)].symbol(), "●");
    assert_ne!(
        buffer[(saturday + 1, stress)].bg,
        Color::DarkGray,
        "other days are not"
    );
    let (x, y) = find(buffer, "▶ 3", "Weight");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(buffer, "  4 [ ]", "Sunlight");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn weekly_review_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::OpenReview]);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn weekly_review_120x40() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::OpenReview]);
    insta::assert_snapshot!(render(&app, 120, 40).backend());
}

#[test]
fn a_narrow_weekly_review_keeps_the_week_it_reviews() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::OpenReview]);
    for width in [30, 40, 60] {
        update(&mut app, Msg::Resize(width, 16));
        let terminal = render(&app, width, 16);
        let rows: Vec<String> = (0..16)
            .map(|y| {
                (0..width)
                    .map(|x| terminal.backend().buffer()[(x, y)].symbol())
                    .collect()
            })
            .collect();
        // The days row: weeks labelled by the day they start, this week's 16 last.
        let days = rows
            .iter()
            .find(|row| row.contains(" 9 "))
            .expect("the days row");
        assert!(
            days.trim_end_matches([' ', '│']).ends_with("16"),
            "{width}: {days}"
        );
    }
}

#[test]
fn note_editor_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::PrevDay, Action::EditNote]);
    for c in "knee sore".chars() {
        update(&mut app, Msg::Action(Action::Type(c)));
    }
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn a_days_note_shows_under_its_checklist() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::PrevDay; 3]);
    let screen = render(&app, 80, 24).backend().to_string();
    assert!(screen.contains("note: travel"), "{screen}");
}

#[test]
fn a_skipped_habit_shows_as_skipped_on_the_checklist() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::PrevDay; 3]); // the 19th: exercise and sunlight skipped
    let screen = render(&app, 80, 24).backend().to_string();
    assert!(screen.contains("[–] Weight-bearing exercise"), "{screen}");
    assert!(screen.contains("[–] Sunlight"), "{screen}");
    assert!(screen.contains("[x] Fermented food"), "{screen}");
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Msg::Action(Action::Type(c)));
    }
}

#[test]
fn amount_prompt_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::TypeAmount]);
    type_text(&mut app, "25");
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn amount_prompt_with_a_mistake_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::TypeAmount]);
    type_text(&mut app, "99999");
    act(&mut app, &[Action::Confirm]);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn new_habit_form_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::AddHabit]);
    type_text(&mut app, "Cold shower");
    act(
        &mut app,
        &[Action::NextField, Action::Type(' '), Action::NextField],
    );
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn habit_form_refusing_a_duplicate_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::AddHabit]);
    type_text(&mut app, "Sunlight");
    act(&mut app, &[Action::Confirm]);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn edit_habit_form_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::SelectDown, Action::EditHabit]);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn archive_confirmation_80x24() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::ArchiveHabit]);
    insta::assert_snapshot!(render(&app, 80, 24).backend());
}

#[test]
fn a_sixth_habit_and_an_archived_one_120x40() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::AddHabit]);
    type_text(&mut app, "Floss");
    act(
        &mut app,
        &[Action::Confirm, Action::SelectDown, Action::SelectDown],
    );
    act(&mut app, &[Action::ArchiveHabit, Action::Type('y')]);
    insta::assert_snapshot!(render(&app, 120, 40).backend());
}

#[test]
fn a_long_checklist_scrolls_to_keep_the_selection_in_view() {
    let mut app = sample_app("2026-11-22T09:00:00");
    for n in 1..=11 {
        act(&mut app, &[Action::AddHabit]);
        type_text(&mut app, &format!("Habit {n}"));
        act(&mut app, &[Action::Confirm]);
    }
    assert_eq!(app.habits.len(), 16);
    assert_eq!(app.selected, 15);
    let screen = render(&app, 80, 24).backend().to_string();
    assert!(screen.contains("▶ 16 [ ] Habit 11"), "{screen}");
    assert!(
        screen.contains(" Today · 7–16 of 16 "),
        "which part shows: {screen}"
    );
    assert!(
        !screen.contains("Fermented food "),
        "scrolled past the first: {screen}"
    );
    assert!(
        screen.contains("Week of"),
        "the week panel keeps its place: {screen}"
    );
}

/// Each theme's whole frame, styles included (the buffer's debug form lists
/// every change of colour and modifier).
#[test]
fn each_theme_and_no_color_and_ascii_80x24() {
    use gutbone::domain::settings::ThemeName;
    use gutbone::ui::theme::Theme;
    for (name, theme) in [
        ("dark", Theme::new(ThemeName::Dark, true, false)),
        ("light", Theme::new(ThemeName::Light, true, false)),
        (
            "high_contrast",
            Theme::new(ThemeName::HighContrast, true, false),
        ),
        ("no_color", Theme::new(ThemeName::Light, false, false)),
        ("ascii", Theme::new(ThemeName::Dark, true, true)),
    ] {
        let mut app = sample_app("2026-11-22T09:00:00");
        app.theme = theme;
        let terminal = render(&app, 80, 24);
        insta::assert_snapshot!(
            format!("theme_{name}_80x24"),
            format!("{:?}", terminal.backend().buffer())
        );
    }
}

#[test]
fn without_colour_marks_and_modifiers_carry_the_meaning() {
    use gutbone::domain::settings::ThemeName;
    use gutbone::ui::theme::Theme;
    let mut app = sample_app("2026-11-22T09:00:00");
    app.theme = Theme::new(ThemeName::Dark, false, false);
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset)
    );
    let (sunday, header) = find(buffer, "Mo Tu", "Su");
    assert!(
        buffer[(sunday, header)]
            .modifier
            .contains(Modifier::REVERSED),
        "today's column is reversed instead of shaded"
    );
    let (saturday, _) = find(buffer, "Mo Tu", "Sa");
    let (_, stress) = find(buffer, "Stress    ", "Stress");
    let done = &buffer[(saturday + 1, stress)];
    assert_eq!(done.symbol(), "●");
    assert!(done.modifier.contains(Modifier::BOLD), "done is bold");
    let (_, row) = find(buffer, "│ Sunlight", "Sunlight");
    let line: Vec<_> = (saturday + 1 - 18..saturday + 2)
        .map(|x| &buffer[(x, row)])
        .filter(|cell| cell.symbol() == "·")
        .collect();
    assert!(!line.is_empty(), "a missed day in the sample week");
    assert!(
        line.iter()
            .all(|cell| cell.modifier.contains(Modifier::DIM)),
        "missed is dim"
    );
}

#[test]
fn ascii_draws_nothing_outside_ascii_in_any_screen() {
    use gutbone::domain::settings::ThemeName;
    use gutbone::ui::theme::Theme;
    for overlay in [None, Some(Action::ToggleHelp), Some(Action::OpenReview)] {
        let mut app = sample_app("2026-11-22T09:00:00");
        app.theme = Theme::new(ThemeName::Dark, true, true);
        if let Some(action) = overlay {
            act(&mut app, &[action]);
        }
        let terminal = render(&app, 120, 40);
        for cell in &terminal.backend().buffer().content {
            assert!(
                cell.symbol().is_ascii(),
                "{:?} in {overlay:?}",
                cell.symbol()
            );
        }
    }
}

#[test]
fn the_help_lists_the_keys_actually_bound() {
    let mut app = sample_app("2026-11-22T09:00:00");
    app.keymap = gutbone::keymap::Keymap::parse("{\"toggle_selected\": [\"x\", \"f5\"]}").unwrap();
    act(&mut app, &[Action::ToggleHelp]);
    let help = render(&app, 80, 24).backend().to_string();
    assert!(help.contains("x F5  "), "{help}");
    assert!(!help.contains("Space Enter"), "{help}");

    let mut app = sample_app("2026-11-22T09:00:00");
    app.keymap =
        gutbone::keymap::Keymap::parse("{\"next_tip\": [\"f2\"], \"toggle_selected\": [\"x\"]}")
            .unwrap();
    let screen = render(&app, 80, 24).backend().to_string();
    assert!(
        screen.contains("F2 next"),
        "the tips' own hint follows: {screen}"
    );
    assert!(screen.contains("x tick"), "and the footer's: {screen}");
}

#[test]
fn the_help_scrolls_on_a_small_screen() {
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::Resize(40, 12));
    act(&mut app, &[Action::ToggleHelp]);
    let top = render(&app, 40, 12).backend().to_string();
    assert!(top.contains("scroll"), "{top}");
    assert!(!top.contains("clinician"), "{top}");
    act(&mut app, &[Action::SelectDown; 40]);
    let bottom = render(&app, 40, 12).backend().to_string();
    assert!(
        bottom.contains("clinician"),
        "the end is reachable: {bottom}"
    );
    // Down stops at the end, so up starts back at once.
    act(&mut app, &[Action::SelectUp]);
    assert_ne!(render(&app, 40, 12).backend().to_string(), bottom);
    act(&mut app, &[Action::SelectUp; 40]);
    assert_eq!(render(&app, 40, 12).backend().to_string(), top);
    // Closing and opening again starts at the top.
    act(
        &mut app,
        &[Action::SelectDown, Action::Back, Action::ToggleHelp],
    );
    assert_eq!(render(&app, 40, 12).backend().to_string(), top);
    assert!(
        !render(&app, 80, 24)
            .backend()
            .to_string()
            .contains("scroll")
    );
}

#[test]
fn the_earlier_weeks_show_at_120_columns_once_there_are_rows_for_them() {
    let app = sample_app("2026-11-22T09:00:00");
    let shows = |height| {
        render(&app, 120, height)
            .backend()
            .to_string()
            .contains("Weeks of")
    };
    assert!(shows(31), "31 rows hold them with five habits");
    assert!(!shows(30));
    assert!(
        !render(&app, 119, 40)
            .backend()
            .to_string()
            .contains("Weeks of")
    );
}

/// Every mark in today's column and in the viewed one, with each habit
/// selected in turn, in every theme: no cell's text is the colour of its
/// background (a skipped mark in the dark theme's today column once was).
#[test]
fn no_mark_is_drawn_in_the_colour_of_its_background() {
    use gutbone::domain::Entry;
    use gutbone::domain::settings::ThemeName;
    use gutbone::ui::theme::Theme;
    let mut app = sample_app("2026-11-22T09:00:00");
    // Today: fibre skipped, exercise partial (20/30), kefir and stress done,
    // sunlight open; the days before hold done, partial, skipped and missed.
    app.history.log.set_entry(
        d("2026-11-22"),
        common::id("prebiotic-fiber"),
        Some(Entry::Skipped),
    );
    app.refresh_stats();
    for name in [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast] {
        app.theme = Theme::new(name, true, false);
        for viewing in ["2026-11-22", "2026-11-19", "2026-11-18"] {
            app.viewing = d(viewing);
            for selected in 0..app.habits.len() {
                app.selected = selected;
                for (width, height) in [(80, 24), (120, 40)] {
                    let terminal = render(&app, width, height);
                    let buffer = terminal.backend().buffer();
                    for (i, cell) in buffer.content.iter().enumerate() {
                        let (x, y) = (i as u16 % width, i as u16 / width);
                        let unseen = cell.fg == cell.bg
                            && cell.fg != Color::Reset
                            && !cell.symbol().trim().is_empty();
                        assert!(
                            !unseen,
                            "{name:?}, viewing {viewing}, habit {selected} selected, {width}x{height}: \
                             {:?} at ({x}, {y}) is {:?} on {:?}",
                            cell.symbol(),
                            cell.fg,
                            cell.bg
                        );
                    }
                }
            }
        }
    }
}

/// Wide names (CJK, emoji), habits 10 to 12 and a fractional amount: the
/// boxes, names and amounts each stay in one column.
#[test]
fn wide_names_two_digit_numbers_and_fractions_keep_their_columns() {
    use gutbone::domain::{Entry, Habit};
    let mut habits: Vec<Habit> = (1..=12)
        .map(|i| Habit::measured(&format!("h{i}"), &format!("Habit {i}"), "serving", 1.0, 3.0))
        .collect();
    habits[1].name = "日本茶".into();
    habits[2].name = "🏃 run".into();
    habits[3].name = "Cafe\u{301}".into();
    let mut app = gutbone::app::App::new(
        habits.clone(),
        gutbone::domain::Log::new().into(),
        gutbone::coach::Tips::builtin(),
        Default::default(),
        common::at("2026-11-22T09:00:00"),
        String::new(),
    );
    app.history
        .log
        .set_entry(d("2026-11-22"), &habits[4], Some(Entry::Amount(2.5)));
    let terminal = render(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let rows: Vec<u16> = (0..40)
        .filter(|&y| {
            let line: String = (0..120).map(|x| buffer[(x, y)].symbol()).collect();
            line.contains("/3 servings")
        })
        .collect();
    assert_eq!(rows.len(), 12, "every habit on screen");
    let column_of = |y: u16, what: &str| {
        (0..120u16).find(|&x| buffer[(x, y)].symbol() == what && buffer[(x + 1, y)].symbol() != "")
    };
    let boxes: Vec<_> = rows.iter().map(|&y| column_of(y, "[")).collect();
    assert!(boxes.windows(2).all(|w| w[0] == w[1]), "boxes: {boxes:?}");
    // The amounts end in one column: the "s" of "servings".
    let ends: Vec<_> = rows
        .iter()
        .map(|&y| {
            (0..120u16)
                .rev()
                .find(|&x| buffer[(x, y)].symbol() == "s" && buffer[(x - 1, y)].symbol() == "g")
        })
        .collect();
    assert!(
        ends.windows(2).all(|w| w[0] == w[1]),
        "amounts end at {ends:?}"
    );
}

/// One very long name is cut (or gives way to its short label) on its own:
/// the other habits keep their full names.
#[test]
fn one_long_name_does_not_shorten_the_others() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let mut habits = app.all_habits();
    habits[4].name =
        "Stress break, taken slowly, somewhere quiet, away from the screen, twice a day".into();
    app.set_habits(habits);
    let screen = render(&app, 100, 30).backend().to_string();
    for name in [
        "Fermented food",
        "Prebiotic fibre",
        "Weight-bearing exercise",
    ] {
        assert!(screen.contains(name), "{name} in\n{screen}");
    }
    assert!(
        screen.contains("5 [x] Stress    "),
        "its short label:\n{screen}"
    );
    assert!(
        screen.contains("kefir, live-culture yogurt"),
        "and room for what counts:\n{screen}"
    );
}

#[test]
fn on_a_narrow_checklist_amounts_drop_their_units_rather_than_be_cut() {
    let mut app = sample_app("2026-11-22T09:00:00");
    let mut wide = app.habits[1].clone();
    wide.id = gutbone::domain::HabitId::new("bone-density");
    (wide.name, wide.short) = ("骨密度トレーニング".into(), "骨密度トレーニング".into());
    app.set_habits([app.all_habits(), vec![wide]].concat());
    for (width, height) in [(30, 8), (40, 12), (48, 12)] {
        let terminal = render(&app, width, height);
        let text: String = (0..height)
            .map(|y| {
                let row: String = (0..width)
                    .map(|x| terminal.backend().buffer()[(x, y)].symbol())
                    .collect();
                row + "\n"
            })
            .collect();
        for line in text.lines().filter(|line| line.contains('/')) {
            let amount = line
                .split_whitespace()
                .find(|word| word.contains('/'))
                .unwrap();
            let after = &line[line.find(amount).unwrap() + amount.len()..];
            let unit = after.split_whitespace().next().unwrap_or("");
            let unit = unit.trim_end_matches(['│', '┃']);
            assert!(
                ["", "min", "servings", "serving", "breaks", "break"].contains(&unit),
                "{width}×{height}: a unit cut short in {line:?}\n{text}"
            );
        }
    }
}

/// The sample app with three habits on their own rhythm: a gym three times a
/// week, lifting on Mondays, Wednesdays and Fridays, and a limit.
fn rhythm_app() -> App {
    use gutbone::domain::Entry;
    let mut app = sample_app("2026-11-22T09:00:00");
    let [gym, lift, soda] = common::rhythm_habits();
    let mut habits = app.all_habits();
    habits.extend([gym.clone(), lift.clone(), soda.clone()]);
    app.set_habits(habits);
    let log = &mut app.history.log;
    for day in ["2026-11-17", "2026-11-19", "2026-11-21"] {
        log.set_done(d(day), &gym, true);
    }
    // Friday the 20th missed.
    for day in ["2026-11-16", "2026-11-18"] {
        log.set_done(d(day), &lift, true);
    }
    log.set_entry(d("2026-11-19"), &soda, Some(Entry::Amount(2.0)));
    log.set_entry(d("2026-11-22"), &soda, Some(Entry::Amount(1.0)));
    app.refresh_stats();
    app
}

#[test]
fn habits_on_their_own_rhythm_80x24_and_120x40() {
    let app = rhythm_app();
    insta::assert_snapshot!("rhythm_80x24", render(&app, 80, 24).backend());
    insta::assert_snapshot!("rhythm_120x40", render(&app, 120, 40).backend());
}

#[test]
fn habits_on_their_own_rhythm_in_ascii() {
    use gutbone::domain::settings::ThemeName;
    use gutbone::ui::theme::Theme;
    let mut app = rhythm_app();
    app.theme = Theme::new(ThemeName::Dark, true, true);
    for (width, height) in [(80, 24), (120, 40)] {
        let terminal = render(&app, width, height);
        let buffer = terminal.backend().buffer();
        assert!(buffer.content.iter().all(|cell| cell.symbol().is_ascii()));
        insta::assert_snapshot!(format!("rhythm_ascii_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn the_review_in_ascii_keeps_its_shades_apart() {
    use gutbone::domain::settings::ThemeName;
    use gutbone::ui::theme::Theme;
    let mut app = sample_app("2026-11-22T09:00:00");
    app.theme = Theme::new(ThemeName::Dark, true, true);
    act(&mut app, &[Action::OpenReview]);
    let terminal = render(&app, 120, 40);
    let text: String = terminal
        .backend()
        .buffer()
        .content
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        text.contains("# every day  % most  + about half  : some  . none"),
        "{text}"
    );
}
