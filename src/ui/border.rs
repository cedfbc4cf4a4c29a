//! A panel's frame: its border, a title on top and one at the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding};

use super::theme::Theme;

/// Draws what `Block::bordered()` with these titles draws, and nothing
/// else: `Block` also restyles every cell inside, which for the three
/// panels was a fifth of a key press's frame.
pub struct Border<'a> {
    pub top: Line<'a>,
    /// Left- or right-aligned, as the line says.
    pub bottom: Line<'a>,
    pub focused: bool,
    /// Blank columns inside the border, on each side.
    pub padding: u16,
}

impl Border<'_> {
    /// What is left inside the border and the padding.
    pub fn inner(&self, area: Rect) -> Rect {
        Block::bordered()
            .padding(Padding::horizontal(self.padding))
            .inner(area)
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (set, style) = theme.border(self.focused);
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let mut draw = |x, y, symbol| {
            buf[(x, y)].set_symbol(symbol).set_style(style);
        };
        // Block's order, so that a panel one cell wide or high comes out the same.
        for y in top..=bottom {
            draw(left, y, set.vertical_left);
        }
        for x in left..=right {
            draw(x, top, set.horizontal_top);
        }
        for y in top..=bottom {
            draw(right, y, set.vertical_right);
        }
        for x in left..=right {
            draw(x, bottom, set.horizontal_bottom);
        }
        draw(right, bottom, set.bottom_right);
        draw(right, top, set.top_right);
        draw(left, bottom, set.bottom_left);
        draw(left, top, set.top_left);
        // Titles go between the corners.
        let between = Rect {
            x: left.saturating_add(1),
            width: area.width.saturating_sub(2),
            height: 1,
            y: top,
        };
        for (title, y) in [(&self.top, top), (&self.bottom, bottom)] {
            let space = Rect { y, ..between };
            if space.is_empty() {
                continue;
            }
            let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
            let x = match title.alignment {
                Some(Alignment::Right) => space.right().saturating_sub(width).max(space.x),
                _ => space.x,
            };
            let width = width.min(space.width);
            super::cells::put_line(buf, Rect { x, width, ..space }, title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::ThemeName;
    use proptest::prelude::*;
    use ratatui::style::{Color, Style};
    use ratatui::text::Span;
    use ratatui::widgets::Widget;

    proptest! {
        /// The same cells, symbols and styles as `Block`, in any area (one
        /// cell wide or high included), focused or not, with titles too wide
        /// for it, over a buffer already drawn on.
        #[test]
        fn border_draws_what_block_draws(
            (x, y, width, height) in (0u16..4, 0u16..4, 0u16..14, 0u16..6),
            top in "[a-z ▶·]{0,16}",
            bottom in "[a-z ]{0,16}",
            right in any::<bool>(),
            focused in any::<bool>(),
            padding in 0u16..3,
        ) {
            let theme = Theme::new(ThemeName::Dark, true, false);
            let line = |text: &str| {
                Line::from(vec![
                    Span::styled(text.to_owned(), theme.title),
                    Span::raw(" x"),
                ])
            };
            let bottom = if right { line(&bottom).right_aligned() } else { line(&bottom) };
            let border = Border { top: line(&top), bottom: bottom.clone(), focused, padding };
            let area = Rect::new(x, y, width, height);
            let screen = Rect::new(0, 0, 12, 8);
            let mut expected = Buffer::filled(screen, ratatui::buffer::Cell::new("o"));
            expected.set_style(Rect::new(1, 1, 6, 4), Style::new().bg(Color::Blue));
            let mut ours = expected.clone();
            let (set, style) = theme.border(focused);
            Block::bordered()
                .border_set(set)
                .border_style(style)
                .padding(Padding::horizontal(padding))
                .title(line(&top))
                .title_bottom(bottom)
                .render(area, &mut expected);
            border.render(area, &mut ours, &theme);
            prop_assert_eq!(ours, expected);
        }
    }
}
