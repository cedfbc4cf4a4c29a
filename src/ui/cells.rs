//! Writing text straight into the buffer's cells. A key press redraws the
//! whole screen, and ratatui's text widgets walk every string grapheme by
//! grapheme and restyle whole areas: for our text, nearly all plain ASCII and
//! a few symbols, each one cell, that walk was a third of a frame.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` fills one cell on its own: printable ASCII, or a character
/// one column wide from the few blocks our own text draws on (Latin-1,
/// punctuation, arrows, box drawing and shapes), none of which joins the
/// characters beside it into one grapheme.
fn simple(c: char) -> bool {
    match c {
        ' '..='~' => true,
        '\u{a1}'..='\u{ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2190}'..='\u{21ff}'
        | '\u{2500}'..='\u{25ff}' => c.width() == Some(1),
        _ => false,
    }
}

/// Writes `text` from column `x` of row `y`, in at most `width` columns,
/// each cell written patched with `style`; returns the column after it.
/// What `Buffer::set_stringn` does, which it falls back to from the first
/// character that is not `simple` on (before it, one character is one
/// cell). Outside the buffer, it writes nothing.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) -> u16 {
    let area = buf.area;
    if !area.contains((x, y).into()) {
        return x;
    }
    // The last simple character before anything else goes the slow way with
    // it: a combining mark after it belongs in its cell.
    let fast = match text.char_indices().find(|(_, c)| !simple(*c)) {
        Some((at, _)) => text[..at]
            .char_indices()
            .next_back()
            .map_or(0, |(last, _)| last),
        None => text.len(),
    };
    let width = width.min(area.right() - x);
    let start = buf.index_of(x, y);
    let mut written = 0;
    for (cell, c) in buf.content[start..]
        .iter_mut()
        .zip(text[..fast].chars())
        .take(usize::from(width))
    {
        cell.set_char(c).set_style(style);
        written += 1;
    }
    match &text[fast..] {
        "" => x + written,
        rest => {
            let (x, width) = (x + written, usize::from(width - written));
            buf.set_stringn(x, y, rest, width, style).0
        }
    }
}

/// Writes `line` into the first row of `area`, as `Line::render` does: its
/// alignment, its style under each span's. A line of `simple` characters
/// that fits goes cell by cell (`put`); anything else goes through ratatui.
pub fn put_line(buf: &mut Buffer, area: Rect, line: &Line) {
    let area = area.intersection(buf.area);
    let mut width = 0;
    let all_simple = line.spans.iter().all(|span| {
        span.content.chars().all(|c| {
            width += 1;
            simple(c)
        })
    });
    if area.is_empty() || width > usize::from(area.width) || !all_simple {
        line.render(area, buf);
        return;
    }
    if width == 0 {
        return;
    }
    let area = Rect { height: 1, ..area };
    // Patching in no style changes nothing: the common case skips the row.
    if line.style != Style::default() {
        buf.set_style(area, line.style);
    }
    let spare = area.width - u16::try_from(width).unwrap_or(area.width);
    let mut x = area.x
        + match line.alignment {
            Some(Alignment::Center) => spare / 2,
            Some(Alignment::Right) => spare,
            Some(Alignment::Left) | None => 0,
        };
    for span in &line.spans {
        x = put(buf, x, area.y, &span.content, area.right() - x, span.style);
    }
}

/// `text` broken into lines of at most `width` columns at whitespace, the
/// whitespace at each break dropped; a word wider than a line is cut. Its
/// own line breaks are kept. For the tips: ratatui's `Paragraph` wraps the
/// same way, at several times the cost.
pub fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut lines = vec![];
    for paragraph in text.lines() {
        // The line being filled: its start and end in `paragraph`, its width.
        let mut line: Option<(usize, usize, usize)> = None;
        for (mut start, mut word) in words(paragraph) {
            if let Some((from, to, used)) = line {
                let wider = used + paragraph[to..start].width() + word.width();
                if wider <= width {
                    line = Some((from, start + word.len(), wider));
                    continue;
                }
                lines.push(&paragraph[from..to]);
            }
            while word.width() > width && width > 0 {
                let cut = cut_at(word, width);
                lines.push(&word[..cut]);
                (start, word) = (start + cut, &word[cut..]);
            }
            line = (!word.is_empty()).then(|| (start, start + word.len(), word.width()));
        }
        match line {
            Some((from, to, _)) => lines.push(&paragraph[from..to]),
            None if paragraph.trim().is_empty() => lines.push(""),
            None => {}
        }
    }
    lines
}

/// The words of `text` (runs without whitespace), each with where it starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let start = rest + text[rest..].find(|c: char| !c.is_whitespace())?;
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |len| start + len);
        rest = end;
        Some((start, &text[start..end]))
    })
}

/// Where to cut `word` so that its first part fills at most `width` columns:
/// after one character at least, so that cutting always moves on.
fn cut_at(word: &str, width: usize) -> usize {
    let mut used = 0;
    for (at, c) in word.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            return if at == 0 { c.len_utf8() } else { at };
        }
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    proptest! {
        /// `put` leaves the buffer exactly as `set_stringn` would, styles and
        /// clipping included, for simple characters (the shortcut), the ones
        /// beside them that are not (combining, wide, emoji, control) and
        /// anything else.
        #[test]
        fn put_writes_what_set_stringn_writes(
            text in "[ -~\\t\\n]{0,12}|[a-zé·▶漢\\u{301}\\u{ad}\\u{25fd}─━│–»↑◐●\\u{1f1e6} ]{0,12}",
            x in 0u16..14,
            y in 0u16..4,
            width in 0u16..14,
        ) {
            let area = Rect::new(1, 1, 10, 2);
            let style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
            let mut expected = Buffer::filled(area, ratatui::buffer::Cell::new("o"));
            expected.set_style(area, Style::new().bg(Color::Blue));
            let mut ours = expected.clone();
            let in_area = area.contains((x, y).into());
            let end = put(&mut ours, x, y, &text, width, style);
            if in_area {
                let (expected_end, _) = expected.set_stringn(x, y, &text, usize::from(width), style);
                prop_assert_eq!(end, expected_end);
            } else {
                prop_assert_eq!(end, x);
            }
            prop_assert_eq!(ours, expected);
        }

        /// `put_line` leaves the buffer exactly as `Line::render` would, for
        /// lines that fit and lines that do not, ASCII or not, in any
        /// alignment and style, over a buffer already drawn on.
        #[test]
        fn put_line_writes_what_line_render_writes(
            texts in prop::collection::vec(
                "[ -~]{0,6}|[a-z·▶─–»↑●]{0,6}|[a-z·▶漢\\u{301}\\u{ad}\\u{25fd}\t ]{0,6}",
                0..4,
            ),
            align in 0u8..4,
            (x, y, width) in (0u16..12, 0u16..4, 0u16..14),
            line_bold in any::<bool>(),
        ) {
            let styles = [
                Style::new().fg(Color::Red),
                Style::new().add_modifier(Modifier::ITALIC).bg(Color::Green),
                Style::new(),
                Style::new().remove_modifier(Modifier::BOLD),
            ];
            let spans: Vec<_> = texts
                .iter()
                .zip(styles.iter().cycle())
                .map(|(text, style)| ratatui::text::Span::styled(text.clone(), *style))
                .collect();
            let mut line = Line::from(spans);
            if line_bold {
                line = line.style(Style::new().add_modifier(Modifier::BOLD).fg(Color::Blue));
            }
            line.alignment = match align {
                0 => None,
                1 => Some(Alignment::Left),
                2 => Some(Alignment::Center),
                _ => Some(Alignment::Right),
            };
            let screen = Rect::new(1, 1, 10, 2);
            let mut expected = Buffer::filled(screen, ratatui::buffer::Cell::new("o"));
            expected.set_style(Rect::new(2, 1, 4, 2), Style::new().bg(Color::Blue));
            let mut ours = expected.clone();
            let area = Rect::new(x, y, width, 2);
            put_line(&mut ours, area, &line);
            line.render(area, &mut expected);
            prop_assert_eq!(ours, expected);
        }

        /// Wrapped lines fit, and between them hold every word in order:
        /// none lost, none added (a cut word's pieces join up again).
        #[test]
        fn wrapped_lines_fit_and_keep_every_word(
            text in "[a-z漢]{1,9}( {1,2}[a-z漢]{1,9}){0,12}",
            width in 1usize..30,
        ) {
            let lines = wrap(&text, width);
            for line in &lines {
                prop_assert!(line.width() <= width.max(2), "{line:?} wider than {width}");
                prop_assert_eq!(line.trim(), *line);
            }
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(squeeze(&lines.concat()), squeeze(&text));
        }
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_only_words_too_wide_for_a_line() {
        assert_eq!(wrap("kefir in a smoothie", 10), ["kefir in a", "smoothie"]);
        assert_eq!(wrap("kefir in  a", 11), ["kefir in  a"]);
        assert_eq!(wrap("a sauerkraut b", 5), ["a", "sauer", "kraut", "b"]);
        assert_eq!(wrap("  lead and trail  ", 8), ["lead and", "trail"]);
        assert_eq!(wrap("one\n\ntwo", 8), ["one", "", "two"]);
        assert_eq!(wrap("漢字漢字", 5), ["漢字", "漢字"]);
        assert_eq!(wrap("", 5), Vec::<&str>::new());
    }

    #[test]
    fn wrap_gives_a_wide_character_a_line_even_when_it_does_not_fit() {
        assert_eq!(wrap("漢字", 1), ["漢", "字"]);
    }
}
