//! The README's pictures: real renders of the sample app, drawn as SVG with
//! their colours. A picture that no longer matches the render fails here;
//! `GUTBONE_UPDATE_PICTURES=1 cargo test --test pictures` draws them again.

mod common;

use std::fmt::Write;
use std::path::PathBuf;

use common::sample_app;
use gutbone::action::Action;
use gutbone::app::App;
use gutbone::update::{Msg, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CELL_WIDTH: f32 = 8.4;
const LINE_HEIGHT: f32 = 18.0;
/// The terminal's own colours: a dark one, and a light one for the light
/// theme.
const DARK: (&str, &str) = ("#1c1c1c", "#d0d0d0");
const LIGHT: (&str, &str) = ("#fafafa", "#1c1c1c");

/// The standard xterm colours for the sixteen named ones.
const ANSI: [&str; 16] = [
    "#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
    "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff",
];

fn hex(color: Color, default: &str) -> String {
    let index = match color {
        Color::Reset => return default.to_owned(),
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => n,
    };
    match index {
        0..=15 => ANSI[usize::from(index)].to_owned(),
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let n = index - 16;
            format!(
                "#{:02x}{:02x}{:02x}",
                level(n / 36),
                level(n / 6 % 6),
                level(n % 6)
            )
        }
        _ => {
            let grey = 8 + 10 * (index - 232);
            format!("#{grey:02x}{grey:02x}{grey:02x}")
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A buffer as SVG: a rectangle for each run of background, a text element
/// for each run of style, stretched to its cells so columns line up in any
/// monospace font.
fn svg(buffer: &Buffer, (background, foreground): (&str, &str)) -> String {
    let (width, height) = (buffer.area.width, buffer.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" \
         font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"14\">",
        f32::from(width) * CELL_WIDTH,
        f32::from(height) * LINE_HEIGHT
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"{background}\"/>"
    );
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let cell = &buffer[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (fg, bg) = (hex(cell.fg, foreground), hex(cell.bg, background));
            let (fg, bg) = if reversed { (bg, fg) } else { (fg, bg) };
            let start = x;
            let mut text = String::new();
            while x < width {
                let next = &buffer[(x, y)];
                if next.fg != cell.fg || next.bg != cell.bg || next.modifier != cell.modifier {
                    break;
                }
                text.push_str(next.symbol());
                x += 1;
            }
            let (left, cells) = (
                f32::from(start) * CELL_WIDTH,
                f32::from(x - start) * CELL_WIDTH,
            );
            let top = f32::from(y) * LINE_HEIGHT;
            if bg != background {
                let _ = writeln!(
                    out,
                    "<rect x=\"{left:.1}\" y=\"{top:.1}\" width=\"{cells:.1}\" height=\"{LINE_HEIGHT:.1}\" fill=\"{bg}\"/>"
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut style = String::new();
            if cell.modifier.contains(Modifier::BOLD) {
                style.push_str(" font-weight=\"bold\"");
            }
            if cell.modifier.contains(Modifier::DIM) {
                style.push_str(" opacity=\"0.6\"");
            }
            if cell.modifier.contains(Modifier::UNDERLINED) {
                style.push_str(" text-decoration=\"underline\"");
            }
            let _ = writeln!(
                out,
                "<text x=\"{left:.1}\" y=\"{:.1}\" textLength=\"{cells:.1}\" lengthAdjust=\"spacingAndGlyphs\" \
                 xml:space=\"preserve\" fill=\"{fg}\"{style}>{}</text>",
                top + LINE_HEIGHT * 0.75,
                escape(&text)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

fn picture(app: &App, width: u16, height: u16) -> String {
    let colours = if app.theme.name == gutbone::domain::settings::ThemeName::Light {
        LIGHT
    } else {
        DARK
    };
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| gutbone::ui::render(app, frame))
        .unwrap();
    svg(terminal.backend().buffer(), colours)
}

fn with(actions: &[Action]) -> App {
    let mut app = sample_app("2026-11-22T09:00:00");
    for action in actions {
        update(&mut app, Msg::Action(*action));
    }
    app
}

#[test]
fn the_readme_pictures_match_the_renders() {
    let mut light = with(&[]);
    light.theme =
        gutbone::ui::theme::Theme::new(gutbone::domain::settings::ThemeName::Light, true, false);
    // Two years in, for a story with some length to it.
    let mut story = with(&[]);
    story.history.log =
        gutbone::generate::made_up_log(&story.all_habits(), 2, "2026-11-22".parse().unwrap(), 7);
    story.refresh_stats();
    update(&mut story, Msg::Action(Action::OpenDetail));
    let pictures = [
        ("main-screen.svg", picture(&with(&[]), 120, 40)),
        (
            "weekly-review.svg",
            picture(&with(&[Action::OpenReview]), 100, 30),
        ),
        ("help.svg", picture(&with(&[Action::ToggleHelp]), 100, 30)),
        ("compact-light.svg", picture(&light, 70, 20)),
        ("habit-story.svg", picture(&story, 120, 40)),
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/pictures");
    let update = std::env::var_os("GUTBONE_UPDATE_PICTURES").is_some();
    let mut stale = vec![];
    for (name, drawn) in pictures {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &drawn).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(drawn.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "these pictures no longer match the screen: {stale:?}; draw them again with \
         GUTBONE_UPDATE_PICTURES=1 cargo test --test pictures"
    );
}

#[test]
fn the_svg_keeps_colours_styles_and_escapes_text() {
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
    buffer.set_string(0, 0, "<a", Style::new().fg(Color::Red).bg(Color::Blue));
    buffer.set_string(
        2,
        0,
        "&b",
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
    );
    let drawn = svg(&buffer, DARK);
    assert!(
        drawn.contains("fill=\"#0000ee\""),
        "blue background: {drawn}"
    );
    assert!(drawn.contains("fill=\"#cd0000\""), "red text: {drawn}");
    assert!(drawn.contains("&lt;a"), "{drawn}");
    assert!(drawn.contains("font-weight=\"bold\">&amp;b"), "{drawn}");
    assert!(
        drawn.contains(&format!("fill=\"{}\" font-weight", DARK.0)),
        "reversed: {drawn}"
    );
}
