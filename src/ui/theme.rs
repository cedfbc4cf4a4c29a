//! Colours and marks in one place. Every mark differs by shape as well as
//! colour, and done, partial and missed differ in brightness too, so the
//! screen reads the same without colour and without telling red from green.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding};

use crate::domain::settings::ThemeName;
use crate::domain::week::Mark;

/// How the screen looks: the styles every panel draws with, and whether
/// colour and Unicode may be used at all.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    /// Off for `NO_COLOR`: modifiers alone (bold, reversed, dim) carry the
    /// meaning, and no colour reaches the terminal.
    pub colour: bool,
    /// ASCII only: for terminals without a UTF-8 locale, or `--ascii`.
    pub ascii: bool,
    pub title: Style,
    pub dim: Style,
    pub done: Style,
    /// Begun, not finished: a measured habit short of its target.
    pub partial: Style,
    pub selected: Style,
    /// The column of today in the week grid.
    pub today_column: Style,
    pub key: Style,
    pub error: Style,
    /// The border of the panel that has the focus.
    pub focus: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Self::new(ThemeName::Dark, true, false)
    }
}

impl Theme {
    pub fn new(name: ThemeName, colour: bool, ascii: bool) -> Self {
        let bold = Modifier::BOLD;
        let theme = match name {
            ThemeName::Dark => Self {
                name,
                colour,
                ascii,
                title: Style::new().fg(Color::Cyan).add_modifier(bold),
                dim: Style::new().fg(Color::DarkGray),
                // Bright and bold against a mid yellow and a dim grey: the
                // marks tell them apart in brightness as well as in shape.
                done: Style::new().fg(Color::LightCyan).add_modifier(bold),
                partial: Style::new().fg(Color::Yellow),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                today_column: Style::new().bg(Color::DarkGray).fg(Color::White),
                key: Style::new().fg(Color::Cyan).add_modifier(bold),
                error: Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(bold),
                focus: Style::new().fg(Color::Cyan).add_modifier(bold),
            },
            ThemeName::Light => Self {
                name,
                colour,
                ascii,
                title: Style::new().fg(Color::Blue).add_modifier(bold),
                dim: Style::new().fg(Color::Indexed(244)),
                done: Style::new().fg(Color::Blue).add_modifier(bold),
                partial: Style::new().fg(Color::Indexed(130)),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                today_column: Style::new().bg(Color::Indexed(254)).fg(Color::Black),
                key: Style::new().fg(Color::Blue).add_modifier(bold),
                error: Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(bold),
                focus: Style::new().fg(Color::Blue).add_modifier(bold),
            },
            ThemeName::HighContrast => Self {
                name,
                colour,
                ascii,
                title: Style::new().fg(Color::White).add_modifier(bold),
                dim: Style::new().fg(Color::White),
                done: Style::new().fg(Color::White).add_modifier(bold),
                partial: Style::new().fg(Color::Yellow).add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED | bold),
                today_column: Style::new().add_modifier(Modifier::REVERSED),
                key: Style::new().fg(Color::Yellow).add_modifier(bold),
                error: Style::new().add_modifier(Modifier::REVERSED | bold),
                focus: Style::new().fg(Color::Yellow).add_modifier(bold),
            },
        };
        if colour { theme } else { theme.plain() }
    }

    /// A day's mark in a grid, and its style.
    pub fn mark(&self, mark: Mark) -> (&'static str, Style) {
        let style = match mark {
            Mark::Done => self.done,
            Mark::Partial => self.partial,
            Mark::Skipped | Mark::Missed | Mark::Off => self.dim,
            Mark::Open | Mark::Upcoming | Mark::Untracked => Style::new(),
        };
        (crate::symbols::week_mark(mark), style)
    }

    /// No colour at all: done is bold, missed and skipped dim, today's
    /// column and the selection reversed.
    fn plain(self) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            title: bold,
            dim: Style::new().add_modifier(Modifier::DIM),
            done: bold,
            partial: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            today_column: Style::new().add_modifier(Modifier::REVERSED),
            key: bold,
            error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            focus: bold,
            ..self
        }
    }

    /// A panel's frame: the focused one has a heavy border in `focus`
    /// (`=` and `#` in ASCII), so it stands out without colour too.
    pub fn panel(&self, focused: bool) -> Block<'static> {
        let block = Block::bordered();
        if focused {
            block.border_set(border::THICK).border_style(self.focus)
        } else {
            block
        }
    }

    /// `style` in today's shaded column. A colour that would vanish into the
    /// shade (the dark theme's dim grey is its grey) gives way to the
    /// column's own, dimmed, so a skipped mark stays a quiet one.
    pub fn in_today_column(&self, style: Style) -> Style {
        let style = self.today_column.patch(style);
        match (style.fg, style.bg) {
            (Some(fg), Some(bg)) if fg == bg => style
                .fg(self.today_column.fg.unwrap_or(Color::Reset))
                .add_modifier(Modifier::DIM),
            _ => style,
        }
    }

    /// The frame of a small editor: its title, and how to keep or cancel.
    pub fn editor_block(&self, title: String) -> Block<'static> {
        Block::bordered()
            .padding(Padding::horizontal(1))
            .title(Line::styled(title, self.title))
            .title_bottom(
                Line::from(vec![
                    Span::styled(" Enter", self.key),
                    Span::raw(" keeps  "),
                    Span::styled("Esc", self.key),
                    Span::raw(" cancels "),
                ])
                .right_aligned(),
            )
    }

    /// Makes a drawn frame keep the promises of `colour` and `ascii`, whatever
    /// a widget drew: no colour leaves for `NO_COLOR`, no character outside
    /// ASCII for a terminal that cannot show it.
    pub fn finish(&self, buf: &mut Buffer) {
        if self.colour && !self.ascii {
            return;
        }
        for cell in &mut buf.content {
            if !self.colour {
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
                cell.underline_color = Color::Reset;
            }
            if self.ascii && !cell.symbol().is_ascii() {
                let ascii = crate::symbols::to_ascii(cell.symbol());
                cell.set_symbol(ascii);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn finishing_without_colour_or_unicode_leaves_neither() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "●◐ é┌x", Style::new().fg(Color::Red).bg(Color::Blue));
        Theme::new(ThemeName::Dark, false, true).finish(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(text, "#+ ?+x");
        assert!(
            buf.content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
    }

    #[test]
    fn without_colour_every_theme_is_the_plain_one() {
        let plain = |name| Theme {
            name: ThemeName::Dark,
            ..Theme::new(name, false, false)
        };
        assert_eq!(plain(ThemeName::Light), plain(ThemeName::Dark));
        assert_eq!(plain(ThemeName::HighContrast), plain(ThemeName::Dark));
        let theme = Theme::new(ThemeName::Dark, false, false);
        for style in [
            theme.title,
            theme.dim,
            theme.done,
            theme.selected,
            theme.today_column,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert_ne!(
            theme.done, theme.dim,
            "done and missed differ without colour"
        );
    }
}
