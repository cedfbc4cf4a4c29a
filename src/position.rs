//! Where something stands in a text file, as a person counts: line and column
//! from 1. Every message about a hand-editing mistake uses it.

/// The line and column of the first `needle` in `text` (1:1 if absent).
pub fn locate(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle)
        .map_or((1, 1), |offset| line_and_column(text, offset))
}

/// The line and column of the byte `offset` into `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one() {
        assert_eq!(locate("ab\ncd", "d"), (2, 2));
        assert_eq!(locate("ab", "a"), (1, 1));
        assert_eq!(locate("ab", "zz"), (1, 1));
        assert_eq!(
            locate("é\n  ünknown", "ünknown"),
            (2, 3),
            "characters, not bytes"
        );
        assert_eq!(line_and_column("abc", 3), (1, 4));
    }
}
