//! What a person waits for: loading and saving years of history, the week
//! summary and the per-habit stats, and a key press (update + render) at
//! common terminal sizes.
//!
//! Run with `cargo bench --bench core`.

use std::hint::black_box;
use std::io;

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gutbone::action::Action;
use gutbone::app::App;
use gutbone::coach::Tips;
use gutbone::domain::settings::WeekStart;
use gutbone::domain::stats::HabitStats;
use gutbone::domain::week::{WeekSummary, earliest_shown};
use gutbone::domain::{HabitId, History, Log, default_habits};
use gutbone::store::Store;
use gutbone::update::{Msg, update};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const NOW: &str = "2026-11-22T09:00:00";

fn now() -> NaiveDateTime {
    NOW.parse().unwrap()
}

/// `years` of lifelike history ending today (see `gutbone::generate`).
fn made_up_log(years: u32) -> Log {
    gutbone::generate::made_up_log(&default_habits(), years, now().date(), 1)
}

fn store_with(years: u32) -> (tempfile::TempDir, Store, Log) {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let log = made_up_log(years);
    let first = log.first_day().unwrap();
    for year in chrono::Datelike::year(&first)..=2026 {
        store
            .save_day(&log, NaiveDate::from_ymd_opt(year, 6, 1).unwrap())
            .unwrap();
    }
    (tmp, store, log)
}

fn storage(c: &mut Criterion) {
    let mut group = c.benchmark_group("store");
    for years in [1, 10, 50] {
        let (_tmp, mut store, _) = store_with(years);
        group.bench_with_input(BenchmarkId::new("load", years), &years, |b, _| {
            b.iter(|| black_box(store.load().unwrap()));
        });
        // What the app reads at start: the weeks on screen, the days before
        // summed up (the first call makes the summary).
        let from = earliest_shown(now().date(), WeekStart::Monday);
        store.load_recent(from).unwrap();
        group.bench_with_input(BenchmarkId::new("load_recent", years), &years, |b, _| {
            b.iter(|| black_box(store.load_recent(from).unwrap()));
        });
        // A save as the app makes one: into a log read that way, so this
        // year's days before the weeks read come from the file.
        let (_, mut history) = store.load_recent(from).unwrap();
        let log = &mut history.log;
        let today = now().date();
        let sun = HabitId::new("sunlight");
        group.bench_with_input(
            BenchmarkId::new("toggle_and_save", years),
            &years,
            |b, _| {
                b.iter(|| {
                    let done = log.entry(today, &sun).is_some();
                    log.set_done(today, &sun, !done);
                    store.save_day(log, today).unwrap();
                });
            },
        );
        // What the app asks before each key acts: has anything changed outside?
        group.bench_with_input(
            BenchmarkId::new("changed_on_disk", years),
            &years,
            |b, _| b.iter(|| black_box(store.changed_on_disk().unwrap())),
        );
    }
    group.finish();
}

fn week(c: &mut Criterion) {
    let habits = default_habits();
    let history = History::from(made_up_log(10));
    let today = now().date();
    c.bench_function("habit_stats_10y", |b| {
        b.iter(|| HabitStats::all(black_box(&history), &habits, today));
    });
    c.bench_function("week_summary_10y", |b| {
        b.iter(|| {
            WeekSummary::new(
                black_box(&history),
                &habits,
                today,
                today,
                Default::default(),
            )
        });
    });
}

/// The app on today, with 10 years of history.
fn sample_app() -> App {
    App::new(
        default_habits(),
        made_up_log(10).into(),
        Tips::builtin(),
        Default::default(),
        now(),
        "/data".into(),
    )
}

/// A terminal of a fixed size whose output goes nowhere: the app's backend
/// doing its real work (escape sequences for each changed cell) without a
/// terminal to wait on.
fn screen(width: u16, height: u16) -> Terminal<CrosstermBackend<io::Sink>> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    Terminal::with_options(
        CrosstermBackend::new(io::sink()),
        TerminalOptions { viewport },
    )
    .unwrap()
}

fn key_press(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_press");
    for (width, height) in [(80, 24), (120, 40)] {
        // The floor: a bare ratatui frame, one bordered paragraph, redrawn
        // with a changing line so the diff has something to find.
        let mut terminal = screen(width, height);
        let mut n = 0u64;
        group.bench_function(format!("bare_frame_{width}x{height}"), |b| {
            b.iter(|| {
                n += 1;
                terminal
                    .draw(|frame| {
                        let text = format!("frame {n}\nq quits");
                        frame.render_widget(
                            ratatui::widgets::Paragraph::new(text)
                                .block(ratatui::widgets::Block::bordered().title(" minimal ")),
                            frame.area(),
                        );
                    })
                    .unwrap();
            });
        });
        // The app's own work for a key: `update`, then drawing the whole
        // screen into a cleared buffer. What ratatui does next (diffing the
        // buffer with the last one and writing the changes) is the whole
        // key press below.
        let mut app = sample_app();
        let mut terminal = screen(width, height);
        group.bench_function(format!("update_render_{width}x{height}"), |b| {
            b.iter(|| {
                update(&mut app, Msg::Action(Action::SelectDown));
                terminal.current_buffer_mut().reset();
                gutbone::ui::render(&app, &mut terminal.get_frame());
            });
        });
        let mut app = sample_app();
        let mut terminal = screen(width, height);
        group.bench_function(format!("whole_{width}x{height}"), |b| {
            b.iter(|| {
                update(&mut app, Msg::Action(Action::SelectDown));
                terminal
                    .draw(|frame| gutbone::ui::render(&app, frame))
                    .unwrap();
            });
        });
        let mut app = sample_app();
        update(&mut app, Msg::Action(Action::OpenReview));
        let mut terminal = screen(width, height);
        let mut back = true;
        group.bench_function(format!("review_{width}x{height}"), |b| {
            b.iter(|| {
                // A week back, then forward again: each frame differs.
                let step = if back {
                    Action::PrevWeek
                } else {
                    Action::NextWeek
                };
                back = !back;
                update(&mut app, Msg::Action(step));
                terminal
                    .draw(|frame| gutbone::ui::render(&app, frame))
                    .unwrap();
            });
        });
        // Opening a habit's story: one walk through ten years of its days,
        // then every card drawn; closed again each time, so each opening
        // walks anew.
        let mut app = sample_app();
        let mut terminal = screen(width, height);
        group.bench_function(format!("detail_open_10y_{width}x{height}"), |b| {
            b.iter(|| {
                update(&mut app, Msg::Action(Action::OpenDetail));
                terminal
                    .draw(|frame| gutbone::ui::render(&app, frame))
                    .unwrap();
                update(&mut app, Msg::Action(Action::Back));
            });
        });
    }
    group.finish();
}

criterion_group!(benches, storage, week, key_press);
criterion_main!(benches);
