//! Text set in columns by the cells it fills on a terminal, not by its
//! characters: a wide character (CJK, most emoji) takes two cells and a
//! combining accent none. For the command line's tables and the screen's.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The cells `text` fills.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` in exactly `width` cells, left-aligned: cut (never through a
/// wide character) when longer, padded with spaces when shorter.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + width);
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.extend(std::iter::repeat_n(' ', width - used));
    out
}

/// `text` in at most `width` cells, ending in "…" when it had to be cut.
pub fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut cut = fit(text, width - 1).trim_end().to_owned();
    cut.push('…');
    cut
}

/// `text` padded on the left to `width` cells (never cut).
pub fn right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width());
    format!("{}{text}", " ".repeat(pad))
}

/// `text` padded on the right to `width` cells (never cut).
pub fn left(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_cells_not_characters() {
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(left("日本", 6), "日本  ");
        assert_eq!(right("日本", 6), "  日本");
        assert_eq!(left("walking", 3), "walking", "never cut");
        assert_eq!(fit("日本語", 5), "日本 ", "a wide character is not halved");
        assert_eq!(fit("Sun", 5), "Sun  ");
        assert_eq!(fit("🏃 run", 4), "🏃 r");
        assert_eq!(cut("kefir, yogurt", 20), "kefir, yogurt");
        assert_eq!(cut("kefir, yogurt", 6), "kefir…");
        assert_eq!(cut("日本茶を飲む", 5), "日本…");
        assert_eq!(cut("kefir", 0), "");
        for text in ["日本語", "e\u{301}e", "🏃🏃", "plain"] {
            for w in 0..8 {
                assert_eq!(width(&fit(text, w)), w, "{text:?} in {w}");
            }
        }
    }
}
