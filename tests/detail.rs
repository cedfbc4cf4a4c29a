//! The detail screen: a habit's whole story, opened with `i`. Every card at
//! 60×18, 80×24 and 120×40 (scrolled through where it does not fit), in
//! Unicode, ASCII and without colour; and the keys that move it.

mod common;

use common::{d, sample_app};
use gutbone::action::Action;
use gutbone::app::{App, ChartRange, Overlay};
use gutbone::domain::Entry;
use gutbone::domain::settings::ThemeName;
use gutbone::ui::theme::Theme;
use gutbone::update::{Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;

const SIZES: [(u16, u16); 3] = [(60, 18), (80, 24), (120, 40)];

fn act(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, Msg::Action(*action));
    }
}

fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal
        .draw(|frame| gutbone::ui::render(app, frame))
        .unwrap();
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let symbols: Vec<&str> = buffer.content.iter().map(|cell| cell.symbol()).collect();
    symbols
        .chunks(width)
        .map(|row| row.concat().trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Two years of made-up history for the default habits, up to Sunday 22
/// November 2026, with the sample's selection (weight-bearing exercise,
/// measured in minutes).
fn story_app(theme: Theme) -> App {
    let mut app = sample_app("2026-11-22T09:00:00");
    let habits = app.all_habits();
    app.history.log = gutbone::generate::made_up_log(&habits, 2, d("2026-11-22"), 7);
    app.refresh_stats();
    app.theme = theme;
    app
}

/// Every page of the screen at this size: scrolled by a screenful at a
/// time to the bottom, so each card is seen whole at least once.
fn pages(app: &mut App, width: u16, height: u16) -> String {
    update(app, Msg::Resize(width, height));
    let limit = gutbone::ui::detail_scroll_limit(Rect::new(0, 0, width, height));
    let mut pages = vec![];
    loop {
        pages.push(text(&screen(app)));
        if app.detail.scroll >= limit {
            break;
        }
        for _ in 0..height - 2 {
            act(app, &[Action::SelectDown]);
        }
    }
    pages.join("\n---- next page ----\n")
}

#[test]
fn every_card_at_every_size_in_unicode_ascii_and_without_colour() {
    for (width, height) in SIZES {
        let mut app = story_app(Theme::default());
        act(&mut app, &[Action::OpenDetail]);
        let unicode = pages(&mut app, width, height);
        insta::assert_snapshot!(format!("detail_{width}x{height}"), unicode);

        let mut app = story_app(Theme::new(ThemeName::Dark, true, true));
        act(&mut app, &[Action::OpenDetail]);
        let ascii = pages(&mut app, width, height);
        assert!(ascii.is_ascii(), "{ascii}");
        insta::assert_snapshot!(format!("detail_ascii_{width}x{height}"), ascii);

        // Without colour: the same screen, and not one colour on it.
        let mut app = story_app(Theme::new(ThemeName::Dark, false, false));
        act(&mut app, &[Action::OpenDetail]);
        assert_eq!(pages(&mut app, width, height), unicode);
        let terminal = screen(&app);
        for cell in &terminal.backend().buffer().content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
    }
}

#[test]
fn the_ascii_calendar_keeps_its_marks_apart() {
    let mut app = story_app(Theme::new(ThemeName::Dark, true, true));
    act(&mut app, &[Action::OpenDetail]);
    update(&mut app, Msg::Resize(120, 40));
    let text = text(&screen(&app));
    assert!(
        text.contains("# done + part - skipped . missed o open"),
        "{text}"
    );
    // The chart's line, as points.
    assert!(text.contains('*'), "{text}");
}

/// The lines of the calendar's grid, between its title and its legend.
fn calendar(text: &str, year: i32) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let top = (lines.iter())
        .position(|line| line.contains(&format!("┌ {year} ")))
        .expect("a calendar");
    let legend = (lines.iter().skip(top))
        .position(|line| line.contains("● done"))
        .expect("a legend");
    lines[top + 1..top + legend].join("\n")
}

#[test]
fn the_calendar_marks_each_kind_of_day_with_its_own_shape() {
    // Lifting on Mondays, Wednesdays and Fridays, from the sample log's
    // first day, 3 November: done on the 16th and 18th, skipped on
    // Friday the 13th, every other due day missed.
    let mut app = sample_app("2026-11-22T09:00:00");
    let [_, lift, _] = common::rhythm_habits();
    app.set_habits(vec![lift.clone()]);
    for day in ["2026-11-16", "2026-11-18"] {
        app.history.log.set_done(d(day), &lift, true);
    }
    app.history
        .log
        .set_entry(d("2026-11-13"), &lift, Some(Entry::Skipped));
    app.refresh_stats();
    act(&mut app, &[Action::OpenDetail]);
    update(&mut app, Msg::Resize(120, 40));
    let grid = calendar(&text(&screen(&app)), 2026);
    let count = |mark: char| grid.chars().filter(|c| *c == mark).count();
    // Mon 16 and Wed 18 done; Fri 13 skipped; Wed 4, Fri 6, Mon 9, Wed 11
    // and Fri 20 missed; the twelve other days, today too, not due.
    assert_eq!(count('●'), 2, "{grid}");
    assert_eq!(count('–'), 1, "{grid}");
    assert_eq!(count('·'), 5, "{grid}");
    assert_eq!(count('◦'), 12, "{grid}");
    assert_eq!(count('○'), 0, "{grid}");
    // 1 January to 2 November: before the habit began.
    assert_eq!(count('░'), 306, "{grid}");
}

#[test]
fn i_opens_the_selected_habit_and_esc_or_i_returns() {
    let mut app = story_app(Theme::default());
    update(&mut app, Msg::Resize(120, 40));
    app.select(1);
    act(&mut app, &[Action::OpenDetail]);
    assert_eq!(app.overlay, Some(Overlay::Detail));
    let text = text(&screen(&app));
    let name = &app.habits[1].name;
    assert!(text.starts_with(&format!(" {name} ")), "{text}");
    act(&mut app, &[Action::Back]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.selected, 1);
    act(&mut app, &[Action::OpenDetail, Action::OpenDetail]);
    assert_eq!(app.overlay, None);
}

#[test]
fn brackets_step_the_calendar_through_the_years_of_the_story_only() {
    let mut app = story_app(Theme::default());
    update(&mut app, Msg::Resize(120, 40));
    act(&mut app, &[Action::OpenDetail]);
    assert_eq!(app.detail.year, 2026);
    act(&mut app, &[Action::NextWeek]);
    assert_eq!(app.detail.year, 2026, "no year after today's");
    act(&mut app, &[Action::PrevWeek]);
    assert_eq!(app.detail.year, 2025);
    calendar(&text(&screen(&app)), 2025);
    // Two years back from 22 November 2026 begins in 2024, and stops there.
    act(
        &mut app,
        &[Action::PrevWeek, Action::PrevWeek, Action::PrevWeek],
    );
    assert_eq!(app.detail.year, 2024);
    // Opened again, it starts from this year.
    act(&mut app, &[Action::Back, Action::OpenDetail]);
    assert_eq!(app.detail.year, 2026);
}

#[test]
fn r_cycles_the_chart_through_three_months_a_year_and_all() {
    let mut app = story_app(Theme::default());
    update(&mut app, Msg::Resize(120, 40));
    act(&mut app, &[Action::OpenDetail]);
    let mut titles = vec![];
    for _ in 0..4 {
        let text = text(&screen(&app));
        let title = (text.lines())
            .find_map(|line| line.split("┌ ").nth(1)?.strip_prefix("Strength, "))
            .map(|rest| rest.split(" ─").next().unwrap_or("").to_owned());
        titles.push(title.expect("a strength chart"));
        act(&mut app, &[Action::NextRange]);
    }
    assert_eq!(titles, ["3 months", "1 year", "all", "3 months"]);
    assert_eq!(app.detail.range, ChartRange::Year);
}

#[test]
fn a_small_screen_scrolls_to_its_last_card_and_no_further() {
    let mut app = story_app(Theme::default());
    update(&mut app, Msg::Resize(60, 18));
    act(&mut app, &[Action::OpenDetail]);
    let limit = gutbone::ui::detail_scroll_limit(Rect::new(0, 0, 60, 18));
    assert!(limit > 0);
    for _ in 0..200 {
        act(&mut app, &[Action::SelectDown]);
    }
    assert_eq!(app.detail.scroll, limit);
    let text = text(&screen(&app));
    let last = text.lines().rev().nth(1).unwrap_or_default();
    assert!(last.starts_with('└'), "the last card's foot shows:\n{text}");
    // The wheel scrolls too.
    let wheel = |kind| {
        Msg::Mouse(crossterm::event::MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: crossterm::event::KeyModifiers::NONE,
        })
    };
    update(&mut app, wheel(crossterm::event::MouseEventKind::ScrollUp));
    assert_eq!(app.detail.scroll, limit - 1);
    update(
        &mut app,
        wheel(crossterm::event::MouseEventKind::ScrollDown),
    );
    assert_eq!(app.detail.scroll, limit);

    // A big screen holds it all: nothing to scroll, and the way back up
    // starts there after a resize.
    update(&mut app, Msg::Resize(120, 40));
    assert_eq!(
        gutbone::ui::detail_scroll_limit(Rect::new(0, 0, 120, 40)),
        0
    );
    assert_eq!(app.detail.scroll, 0);
    update(&mut app, Msg::Resize(60, 18));
    act(&mut app, &[Action::SelectDown]);
    assert_eq!(app.detail.scroll, 1);
}

#[test]
fn every_line_of_the_overview_shows_at_every_width() {
    let mut app = story_app(Theme::default());
    act(&mut app, &[Action::OpenDetail]);
    for width in [60, 80, 100, 119, 120, 160] {
        update(&mut app, Msg::Resize(width, 40));
        let text = text(&screen(&app));
        for label in ["Strength", "Done", "Streak", "Logged"] {
            assert!(
                text.contains(&format!("│ {label:<10}")),
                "{label} at {width}:\n{text}"
            );
        }
        assert!(
            text.contains(" due days ("),
            "the share of due days at {width}"
        );
        assert!(
            text.contains(" this month, ") && text.contains(" last month "),
            "the months' amounts whole at {width}:\n{text}"
        );
    }
}

#[test]
fn a_narrow_footer_drops_whole_hints_and_keeps_the_way_back() {
    let mut app = story_app(Theme::default());
    act(&mut app, &[Action::OpenDetail]);
    for width in 30..=120 {
        update(&mut app, Msg::Resize(width, 12));
        let text = text(&screen(&app));
        let footer = text.lines().last().unwrap_or_default().trim();
        assert!(footer.ends_with("Esc back"), "{width}: {footer}");
        let first = footer.split_whitespace().next().unwrap_or_default();
        assert!(
            ["[", "r", "↑", "Esc"].contains(&first),
            "{width}: a hint cut short: {footer}"
        );
    }
}

#[test]
fn a_habit_added_today_has_a_one_day_story() {
    let mut app = sample_app("2026-11-22T09:00:00");
    act(&mut app, &[Action::AddHabit]);
    for c in "Walk 🏃 日本".chars() {
        act(&mut app, &[Action::Type(c)]);
    }
    act(&mut app, &[Action::Confirm]);
    let walk = app
        .habits
        .iter()
        .position(|h| h.name == "Walk 🏃 日本")
        .unwrap();
    app.select(walk);
    act(&mut app, &[Action::OpenDetail]);
    assert_eq!(app.detail.story.as_ref().map(|s| s.days.len()), Some(1));
    for (width, height) in SIZES {
        update(&mut app, Msg::Resize(width, height));
        let text = text(&screen(&app));
        assert!(
            text.contains("no due day yet"),
            "today is still open: {text}"
        );
        assert!(text.contains("No streak yet"), "{text}");
    }
}

#[test]
fn a_change_on_another_screen_reaches_the_story() {
    let mut app = sample_app("2026-11-22T09:00:00");
    update(&mut app, Msg::Resize(120, 40));
    act(&mut app, &[Action::OpenDetail]);
    let before = app.detail.story.clone().unwrap();
    act(
        &mut app,
        &[Action::Back, Action::ToggleSelected, Action::OpenDetail],
    );
    let after = app.detail.story.clone().unwrap();
    assert_ne!(before.days.last(), after.days.last());
    assert!(after.days.last().is_some_and(|day| day.done));
}

#[test]
fn a_click_on_a_calendar_day_views_that_day_and_one_elsewhere_does_nothing() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let click = |column, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    for (width, height) in SIZES {
        let mut app = story_app(Theme::default());
        update(&mut app, Msg::Resize(width, height));
        act(&mut app, &[Action::OpenDetail, Action::PrevWeek]);
        // Scrolled until the calendar's Monday row is on screen.
        let (x, y) = loop {
            let text = text(&screen(&app));
            let found = text.lines().enumerate().find_map(|(y, line)| {
                let x = line.find("│ Mo ")?;
                Some((line[..x].chars().count() as u16 + 5, y as u16))
            });
            match found {
                Some(at) => break at,
                None => act(&mut app, &[Action::SelectDown]),
            }
        };
        // The weekday names are no day.
        update(&mut app, click(x - 2, y));
        assert_eq!(app.overlay, Some(Overlay::Detail));
        // The first Monday column of 2025's calendar: the week of 1 January
        // 2025 (a Wednesday) starts on Monday 30 December 2024, outside it;
        // the next column's Monday is 6 January.
        update(&mut app, click(x, y));
        assert_eq!(app.overlay, Some(Overlay::Detail), "{width}x{height}");
        let next = if width >= 120 { x + 2 } else { x + 1 };
        update(&mut app, click(next, y));
        assert_eq!(app.overlay, None, "{width}x{height}");
        assert_eq!(app.viewing, d("2025-01-06"), "{width}x{height}");
    }
}

/// The calendar's grid as one string, for a habit and a log on today.
fn calendar_of(app: &mut App) -> String {
    app.refresh_stats();
    act(app, &[Action::OpenDetail]);
    update(app, Msg::Resize(120, 40));
    calendar(&text(&screen(app)), 2026)
}

#[test]
fn the_calendar_marks_today_as_the_week_grid_does() {
    // Gym three times a week, done today: done, not "open".
    let mut app = sample_app("2026-11-22T09:00:00");
    let [gym, _, _] = common::rhythm_habits();
    app.set_habits(vec![gym.clone()]);
    app.history.log.set_done(d("2026-11-22"), &gym, true);
    let grid = calendar_of(&mut app);
    assert_eq!(grid.matches('●').count(), 1, "{grid}");
    assert_eq!(grid.matches('○').count(), 0, "{grid}");

    // Part of a measured habit today: part, as in the week grid.
    let mut app = sample_app("2026-11-22T09:00:00");
    let mut half = common::habit("fermented-food");
    half.measure.as_mut().unwrap().target = 2.0;
    app.set_habits(vec![half.clone()]);
    app.history.log = gutbone::domain::Log::new();
    app.history
        .log
        .set_entry(d("2026-11-22"), &half, Some(Entry::Amount(1.0)));
    let grid = calendar_of(&mut app);
    assert_eq!(grid.matches('◐').count(), 1, "{grid}");
}

#[test]
fn a_sunday_week_start_puts_sunday_on_the_first_row() {
    use gutbone::domain::settings::WeekStart;
    let mut app = sample_app("2026-11-22T09:00:00");
    app.settings.week_start = WeekStart::Sunday;
    // Today, Sunday 22 November, the only day done.
    let sun = common::habit("sunlight");
    app.set_habits(vec![sun.clone()]);
    app.history.log = gutbone::domain::Log::new();
    app.history.log.set_done(d("2026-11-22"), &sun, true);
    let grid = calendar_of(&mut app);
    let first_row = grid.lines().nth(1).unwrap_or_default();
    assert!(first_row.starts_with("│ Su"), "{grid}");
    assert!(first_row.contains('●'), "today on Sunday's row: {grid}");
}

#[test]
fn a_story_begun_on_new_years_day_takes_the_calendar_to_the_new_year() {
    // Nothing logged: the habit's story begins today. Open on New Year's
    // Eve, the screen stays open past midnight.
    let mut app = sample_app("2026-12-31T23:00:00");
    app.history.log = gutbone::domain::Log::new();
    app.refresh_stats();
    update(&mut app, Msg::Resize(120, 40));
    act(&mut app, &[Action::OpenDetail]);
    assert_eq!(app.detail.year, 2026);
    update(&mut app, Msg::Tick(common::at("2027-01-01T00:30:00")));
    assert_eq!(app.today, d("2027-01-01"));
    assert_eq!(app.detail.year, 2027);
    calendar(&text(&screen(&app)), 2027);
}
