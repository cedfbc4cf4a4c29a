//! Reading text exactly as gutbone writes it: the quick readers of the year
//! files, `habits.ron` and the cached summary step through their lines with
//! a `Cursor`, which gives up (`None`) at the first thing it is not sure of,
//! so that RON's parser reads the file instead.

use std::str::FromStr;

use chrono::NaiveDate;

use crate::domain::HabitId;
use crate::domain::habit::MAX_AMOUNT;

/// The text not read yet.
pub(super) struct Cursor<'a>(pub(super) &'a str);

impl<'a> Cursor<'a> {
    pub(super) fn eat(&mut self, literal: &str) -> Option<()> {
        self.0 = self.0.strip_prefix(literal)?;
        Some(())
    }

    /// `YYYY-MM-DD`, digits only.
    pub(super) fn date(&mut self) -> Option<NaiveDate> {
        let text = self.0.get(..10)?;
        let bytes = text.as_bytes();
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
        if !digits || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        // Digits checked above: read them as they stand.
        let value = |range: std::ops::Range<usize>| {
            bytes[range]
                .iter()
                .fold(0, |n, digit| n * 10 + u32::from(digit - b'0'))
        };
        let year = i32::try_from(value(0..4)).ok()?;
        let date = NaiveDate::from_ymd_opt(year, value(5..7), value(8..10))?;
        self.0 = &self.0[10..];
        Some(date)
    }

    /// A quoted string whose only escapes are `\"` and `\\`.
    pub(super) fn text(&mut self) -> Option<String> {
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
    pub(super) fn string(&mut self) -> Option<&'a str> {
        self.eat("\"")?;
        let end = self.0.bytes().position(|b| b == b'"' || b == b'\\')?;
        let (text, rest) = self.0.split_at(end);
        self.0 = rest.strip_prefix('"')?;
        Some(text)
    }

    /// A quoted habit id, which must be one of `known`.
    pub(super) fn id<'k>(&mut self, known: &'k [HabitId]) -> Option<&'k HabitId> {
        let text = self.string()?;
        known.iter().find(|id| id.as_str() == text)
    }

    /// Ids up to the closing `]`, each given to `each`: at least one (an
    /// empty list is not written).
    pub(super) fn list(&mut self, known: &[HabitId], mut each: impl FnMut(&HabitId)) -> Option<()> {
        each(self.id(known)?);
        while self.eat("]").is_none() {
            self.eat(", ")?;
            each(self.id(known)?);
        }
        Some(())
    }

    /// An integer: an optional `-`, then digits.
    pub(super) fn integer<T: FromStr>(&mut self) -> Option<T> {
        let digits = self.0.strip_prefix('-').unwrap_or(self.0);
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        let end = end + (self.0.len() - digits.len());
        let value = self.0[..end].parse().ok()?;
        self.0 = &self.0[end..];
        Some(value)
    }

    /// A floating-point number as Rust writes one (`0.25`, `1e-7`); no
    /// `inf` or `NaN`.
    pub(super) fn float(&mut self) -> Option<f64> {
        let end = self
            .0
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
            .unwrap_or(self.0.len());
        let value = self.0[..end].parse().ok()?;
        self.0 = &self.0[end..];
        Some(value)
    }

    /// A date in quotes.
    pub(super) fn quoted_date(&mut self) -> Option<NaiveDate> {
        self.eat("\"")?;
        let date = self.date()?;
        self.eat("\"")?;
        Some(date)
    }

    /// `None`, or `Some(` what `value` reads `)`.
    pub(super) fn option<T>(
        &mut self,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        if self.eat("None").is_some() {
            return Some(None);
        }
        self.eat("Some(")?;
        let value = value(self)?;
        self.eat(")")?;
        Some(Some(value))
    }

    /// `digits.digits`, within what an amount may be.
    pub(super) fn amount(&mut self) -> Option<f64> {
        let end = self
            .0
            .bytes()
            .position(|b| !(b.is_ascii_digit() || b == b'.'))
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
