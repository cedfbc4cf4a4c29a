//! A year file read line by line, in exactly the layout `render_year`
//! writes: the quick way in, many times faster than RON through serde.
//!
//! It accepts only what it is sure of: the current version, one day per
//! line with its fields in their written order, plain strings (no escapes),
//! plain decimal amounts, dates in order. Anything else, a hand edit's
//! mistake included, is `None`, and the full parser reads the file instead
//! and reports what it finds where it stands. Whatever it accepts, the
//! full parser reads the same (a proptest holds this).

use chrono::{Datelike, NaiveDate};

use super::format::VERSION;
use crate::domain::HabitId;
use crate::domain::habit::MAX_AMOUNT;
use crate::domain::log::{DayLog, Entry};

/// The days of a whole year file, or `None`: read it the full way.
pub fn parse(text: &str, year: i32, known: &[HabitId]) -> Option<Vec<(NaiveDate, DayLog)>> {
    let mut lines = text.lines().skip_while(|line| line.starts_with("//"));
    for expected in [
        "(",
        &format!("    version: {VERSION},"),
        &format!("    year: {year},"),
        "    days: {",
    ] {
        if lines.next()? != expected {
            return None;
        }
    }
    let mut days: Vec<(NaiveDate, DayLog)> = Vec::with_capacity(366);
    loop {
        let line = lines.next()?;
        if line == "    }," {
            break;
        }
        let (date, day) = parse_day(line.strip_prefix("        ")?, known)?;
        let in_order = days.last().is_none_or(|(last, _)| *last < date);
        if date.year() != year || !in_order {
            return None;
        }
        days.push((date, day));
    }
    if lines.next()? != ")" || lines.any(|line| !line.is_empty()) {
        return None;
    }
    Some(days)
}

/// One day's line (without its indent): `"2026-11-22": (done: [...], ...),`.
pub fn parse_day(line: &str, known: &[HabitId]) -> Option<(NaiveDate, DayLog)> {
    let mut at = Cursor(line);
    at.eat("\"")?;
    let date = at.date()?;
    at.eat("\": (")?;
    let mut entries = Vec::with_capacity(known.len());
    let mut first = true;
    // Each field is optional, in the written order, after a ", " unless first.
    let mut field = |at: &mut Cursor, name: &str| -> bool {
        let rest = if first {
            Some(at.0)
        } else {
            at.0.strip_prefix(", ")
        };
        match rest.and_then(|rest| rest.strip_prefix(name)) {
            Some(rest) => {
                at.0 = rest;
                first = false;
                true
            }
            None => false,
        }
    };
    // A habit named twice (which gutbone never writes) is left to the full
    // parser, which says where.
    if field(&mut at, "done: [") {
        at.list(known, |id| entries.push((id.clone(), Entry::Done)))?;
    }
    if field(&mut at, "amounts: {") {
        loop {
            let id = at.id(known)?;
            at.eat(": ")?;
            entries.push((id.clone(), Entry::Amount(at.amount()?)));
            if at.eat("}").is_some() {
                break;
            }
            at.eat(", ")?;
        }
    }
    if field(&mut at, "skipped: [") {
        at.list(known, |id| entries.push((id.clone(), Entry::Skipped)))?;
    }
    let note = if field(&mut at, "note: ") {
        Some(at.text()?)
    } else {
        None
    };
    at.eat("),")?;
    let day = DayLog::from_entries(entries, note.as_deref())?;
    at.0.is_empty().then_some((date, day))
}

struct Cursor<'a>(&'a str);

impl<'a> Cursor<'a> {
    fn eat(&mut self, literal: &str) -> Option<()> {
        self.0 = self.0.strip_prefix(literal)?;
        Some(())
    }

    /// `YYYY-MM-DD`, digits only.
    fn date(&mut self) -> Option<NaiveDate> {
        let text = self.0.get(..10)?;
        let bytes = text.as_bytes();
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
        if !digits || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(
            text[..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..].parse().ok()?,
        )?;
        self.0 = &self.0[10..];
        Some(date)
    }

    /// A quoted string whose only escapes are `\"` and `\\`.
    fn text(&mut self) -> Option<String> {
        self.eat("\"")?;
        let mut text = String::new();
        loop {
            let end = self.0.find(['"', '\\'])?;
            text.push_str(&self.0[..end]);
            let rest = &self.0[end..];
            if let Some(rest) = rest.strip_prefix('"') {
                self.0 = rest;
                return Some(text);
            }
            let escaped = rest[1..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\\'))?;
            text.push(escaped);
            self.0 = &rest[2..];
        }
    }

    /// A quoted string with no escapes in it.
    fn string(&mut self) -> Option<&'a str> {
        self.eat("\"")?;
        let end = self.0.bytes().position(|b| b == b'"' || b == b'\\')?;
        let (text, rest) = self.0.split_at(end);
        self.0 = rest.strip_prefix('"')?;
        Some(text)
    }

    /// A quoted habit id, which must be one of `known`.
    fn id<'k>(&mut self, known: &'k [HabitId]) -> Option<&'k HabitId> {
        let text = self.string()?;
        known.iter().find(|id| id.as_str() == text)
    }

    /// Ids up to the closing `]`, each given to `each`: at least one (an
    /// empty list is not written).
    fn list(&mut self, known: &[HabitId], mut each: impl FnMut(&HabitId)) -> Option<()> {
        each(self.id(known)?);
        while self.eat("]").is_none() {
            self.eat(", ")?;
            each(self.id(known)?);
        }
        Some(())
    }

    /// `digits.digits`, within what an amount may be.
    fn amount(&mut self) -> Option<f64> {
        let end = self
            .0
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(self.0.len());
        let amount = number(&self.0[..end])?;
        self.0 = &self.0[end..];
        (amount > 0.0 && amount <= MAX_AMOUNT).then_some(amount)
    }
}

/// A number written as plain `digits.digits`, as gutbone writes amounts,
/// steps and targets; anything else (an exponent, a sign) is `None`.
pub fn number(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.')?;
    let plain = |digits: &str| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !plain(whole) || !plain(fraction) {
        return None;
    }
    decimal(whole, fraction).or_else(|| text.parse().ok())
}

/// All of `text` as one quoted string whose only escapes are `\"` and `\\`.
pub fn unquote(text: &str) -> Option<String> {
    let mut at = Cursor(text);
    let string = at.text()?;
    at.0.is_empty().then_some(string)
}

/// `whole.fraction` (ASCII digits) as the nearest `f64`, when that is one
/// exact division: both the digits as an integer and the power of ten are
/// exact in an `f64` (up to 15 digits), so the one rounding of the division
/// is the rounding `str::parse` does. Else `None`.
fn decimal(whole: &str, fraction: &str) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    if whole.len() + fraction.len() > 15 {
        return None;
    }
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0u64, |n, digit| n * 10 + u64::from(digit - b'0'));
    Some(digits as f64 / POWERS[fraction.len()])
}

/// The body of a year file (after its comment header): what RON's pretty
/// printer writes for it with each day on one line, byte for byte, without
/// going through serde.
pub fn write<'a>(days: impl Iterator<Item = (NaiveDate, &'a DayLog)>, year: i32) -> String {
    use std::fmt::Write;
    let mut text = String::with_capacity(64 * 1024);
    let _ = write!(
        text,
        "(\n    version: {VERSION},\n    year: {year},\n    days: {{"
    );
    let mut any = false;
    for (date, day) in days {
        if !any {
            text.push('\n');
            any = true;
        }
        // Integers are written faster than chrono formats a date; the two
        // agree for four-digit years.
        let (y, m, d) = (date.year(), date.month(), date.day());
        if (0..=9999).contains(&y) {
            let _ = write!(text, "        \"{y:04}-{m:02}-{d:02}\": (");
        } else {
            let _ = write!(text, "        \"{}\": (", date.format("%Y-%m-%d"));
        }
        let mut fields = Fields {
            text: &mut text,
            count: 0,
        };
        let with = |wanted: Entry| {
            day.entries()
                .filter(move |(_, entry)| *entry == wanted)
                .map(|(id, _)| (id, None))
        };
        let amounts = day.entries().filter_map(|(id, entry)| match entry {
            Entry::Amount(amount) => Some((id, Some(amount))),
            _ => None,
        });
        fields.list("done: [", "]", with(Entry::Done));
        fields.list("amounts: {", "}", amounts);
        fields.list("skipped: [", "]", with(Entry::Skipped));
        if let Some(note) = day.note() {
            fields.start("note: ");
            quoted(fields.text, note);
        }
        text.push_str("),\n");
    }
    text.push_str(if any { "    },\n)" } else { "},\n)" });
    text
}

/// A day's fields, written one after another; empty ones are left out.
struct Fields<'t> {
    text: &'t mut String,
    count: usize,
}

impl Fields<'_> {
    fn start(&mut self, name: &str) {
        if self.count > 0 {
            self.text.push_str(", ");
        }
        self.count += 1;
        self.text.push_str(name);
    }

    /// Ids, each with its amount when a map is written.
    fn list<'a>(
        &mut self,
        open: &str,
        close: &str,
        items: impl Iterator<Item = (&'a HabitId, Option<f64>)>,
    ) {
        let mut items = items.peekable();
        if items.peek().is_none() {
            return;
        }
        self.start(open);
        for (n, (id, amount)) in items.enumerate() {
            if n > 0 {
                self.text.push_str(", ");
            }
            quoted(self.text, id.as_str());
            if let Some(amount) = amount {
                use std::fmt::Write;
                // `{:?}` writes a whole amount the same way ("30.0").
                if let Some(whole) = crate::domain::habit::whole_number(amount) {
                    let _ = write!(self.text, ": {whole}.0");
                } else {
                    let _ = write!(self.text, ": {amount:?}");
                }
            }
        }
        self.text.push_str(close);
    }
}

/// A string as RON writes it: quoted, each character escaped as Rust's
/// `char::escape_debug` does.
fn quoted(text: &mut String, value: &str) {
    text.push('"');
    // Ids and most notes have nothing to escape: copied as they are.
    let plain = |b: u8| matches!(b, b' '..=b'~') && !matches!(b, b'"' | b'\\' | b'\'');
    if value.bytes().all(plain) {
        text.push_str(value);
    } else {
        text.extend(value.chars().flat_map(char::escape_debug));
    }
    text.push('"');
}

#[cfg(test)]
mod tests {
    use super::decimal;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut gives exactly what `str::parse` gives, or nothing.
        #[test]
        fn decimal_agrees_with_parse(whole in "[0-9]{1,10}", fraction in "[0-9]{1,9}") {
            let parsed: f64 = format!("{whole}.{fraction}").parse().unwrap();
            match decimal(&whole, &fraction) {
                Some(quick) => prop_assert_eq!(quick.to_bits(), parsed.to_bits()),
                None => prop_assert!(whole.len() + fraction.len() > 15),
            }
        }
    }

    #[test]
    fn decimal_reads_amounts_as_written() {
        assert_eq!(decimal("1", "5"), Some(1.5));
        assert_eq!(decimal("0", "1"), Some(0.1));
        assert_eq!(decimal("30", "0"), Some(30.0));
        assert_eq!(decimal("1234567890", "123456"), None);
    }
}
