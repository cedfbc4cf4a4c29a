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

use super::cursor::Cursor;
use super::format::VERSION;
use crate::domain::HabitId;
use crate::domain::log::{DayLog, Entry};

/// The days of a whole year file, or `None`: read it the full way.
pub fn parse(text: &str, year: i32, known: &[HabitId]) -> Option<Vec<(NaiveDate, DayLog)>> {
    let mut lines = text.lines().skip_while(|line| line.starts_with("//"));
    for expected in opening(year) {
        if lines.next()? != expected {
            return None;
        }
    }
    days(lines, year, known)
}

/// The lines before the first day's.
fn opening(year: i32) -> [String; 4] {
    [
        "(".into(),
        format!("    version: {VERSION},"),
        format!("    year: {year},"),
        "    days: {".into(),
    ]
}

/// Where the days from `from` on begin in a year file in gutbone's layout:
/// the byte offset of the first day's line on or after `from`, or of the
/// closing line. Only the opening and the dates are looked at, so this is
/// quick; what comes before the offset is someone else's to check. `None`
/// for any other layout.
pub fn offset_of(text: &str, year: i32, from: NaiveDate) -> Option<usize> {
    if from.year() != year || !(0..=9999).contains(&year) {
        return None;
    }
    let from = format!("{from}");
    let mut offset = 0;
    // Each line with its offset, cut as `str::lines` cuts it.
    let mut lines = text
        .split_inclusive('\n')
        .map(|line| {
            let at = offset;
            offset += line.len();
            let line = line.strip_suffix('\n').unwrap_or(line);
            (at, line.strip_suffix('\r').unwrap_or(line))
        })
        .skip_while(|(_, line)| line.starts_with("//"));
    for expected in opening(year) {
        if lines.next()?.1 != expected {
            return None;
        }
    }
    for (at, line) in lines {
        if line == "    }," {
            return Some(at);
        }
        let date = line.strip_prefix("        \"")?.get(..10)?;
        if date >= from.as_str() {
            return Some(at);
        }
    }
    None
}

/// The days of a year file from `offset` on (see `offset_of`), or `None`:
/// read it the full way.
pub fn parse_from(
    text: &str,
    offset: usize,
    year: i32,
    known: &[HabitId],
) -> Option<Vec<(NaiveDate, DayLog)>> {
    days(text.get(offset..)?.lines(), year, known)
}

/// The day lines up to the closing ones, and nothing after those.
fn days<'a>(
    mut lines: impl Iterator<Item = &'a str>,
    year: i32,
    known: &[HabitId],
) -> Option<Vec<(NaiveDate, DayLog)>> {
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
