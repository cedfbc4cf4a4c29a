//! The marks gutbone draws, on the screen and on the command line alike, and
//! their ASCII stand-ins for a terminal without Unicode.

use unicode_width::UnicodeWidthChar;

use crate::domain::week::Mark;

pub const CHECKED: &str = "[x]";
pub const UNCHECKED: &str = "[ ]";
pub const SKIPPED: &str = "[–]";
/// Some of a measured habit's target.
pub const PARTIAL: &str = "[~]";
/// More than a limit allows.
pub const OVER: &str = "[!]";
pub const MARK_PARTIAL: &str = "◐";
pub const MARK_DONE: &str = "●";
pub const MARK_MISSED: &str = "·";
pub const MARK_SKIPPED: &str = "–";
pub const MARK_OPEN: &str = "○";
/// Not due that day: a day off, or one a habit due N times in D days did without.
pub const MARK_OFF: &str = "◦";
/// In the calendar, a day before the habit began.
pub const MARK_BEFORE: &str = "░";

/// One cell's symbol in ASCII, keeping its meaning: marks stay distinct,
/// lines stay lines, shades grow from `.` to `#`.
pub fn to_ascii(symbol: &str) -> &'static str {
    match symbol {
        "●" | "█" | "▇" | "▆" => "#",
        // The review's shades, each its own: every day, most, half, some.
        "▓" => "%",
        "◐" | "▅" | "▄" | "▒" => "+",
        "░" => ":",
        "○" => "o",
        "◦" => "_",
        "·" | "▁" | "▂" | "▃" | "…" => ".",
        "–" | "—" | "─" | "═" => "-",
        "━" => "=",
        "│" | "┃" | "║" => "|",
        "┏" | "┓" | "┗" | "┛" => "#",
        "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => "+",
        "▶" | "▸" | "→" | "»" => ">",
        "←" => "<",
        "▲" | "↑" => "^",
        "▼" | "↓" => "v",
        "×" => "x",
        "‘" | "’" => "'",
        "“" | "”" => "\"",
        // A wide character's second cell is empty, and stays so.
        "" => "",
        // The strength chart's dots: any dot at all, a star.
        "\u{2800}" => " ",
        braille
            if braille
                .chars()
                .next()
                .is_some_and(|c| ('\u{2801}'..='\u{28FF}').contains(&c)) =>
        {
            "*"
        }
        _ => "?",
    }
}

/// A week grid cell's mark.
pub fn week_mark(mark: Mark) -> &'static str {
    match mark {
        Mark::Done => MARK_DONE,
        Mark::Partial => MARK_PARTIAL,
        Mark::Skipped => MARK_SKIPPED,
        Mark::Missed => MARK_MISSED,
        Mark::Open => MARK_OPEN,
        Mark::Off => MARK_OFF,
        Mark::Upcoming | Mark::Untracked => " ",
    }
}

/// `text` with every character outside ASCII put as the screen puts it in
/// ASCII mode; marks that only join the one before (accents written apart)
/// are left out.
pub fn ascii_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut buf = [0; 4];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if c.width().is_some_and(|width| width > 0) {
            out.push_str(to_ascii(c.encode_utf8(&mut buf)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_keeps_the_marks_apart() {
        let marks = [
            MARK_DONE,
            MARK_PARTIAL,
            MARK_OPEN,
            MARK_MISSED,
            MARK_SKIPPED,
            MARK_OFF,
        ];
        let ascii: Vec<_> = marks.iter().map(|m| to_ascii(m)).collect();
        assert_eq!(ascii, ["#", "+", "o", ".", "-", "_"]);
    }

    #[test]
    fn text_in_ascii_keeps_its_marks_and_lines() {
        assert_eq!(
            ascii_text("● done  ◐ part  – skipped · 3/5 → ok"),
            "# done  + part  - skipped . 3/5 > ok"
        );
        assert_eq!(ascii_text("Cafe\u{301} 日"), "Cafe ?");
        assert!(ascii_text("[–] Stress").is_ascii());
        assert_eq!(ascii_text("⠉⣀\u{2800}⡠"), "** *");
    }
}
