//! Amounts of a measured habit: how they are typed, and how they are shown.

/// The largest amount a day can hold for one habit: past this it is a typo.
pub const MAX_AMOUNT: f64 = 10_000.0;

/// A number above zero and at most [`MAX_AMOUNT`].
pub fn parse_positive(text: &str, what: &str) -> Result<f64, String> {
    let value = parse_amount(text, what)?;
    if value <= 0.0 {
        return Err(format!("{what} must be more than 0"));
    }
    Ok(value)
}

/// A number from 0 to [`MAX_AMOUNT`], as typed: `20`, `2.5`, `0,5`: digits,
/// with at most two after the decimal point, as many as the screen shows.
/// Anything else (`1e3`, `0x10`, `+5`, `inf`) is refused rather than read
/// as something the person did not mean.
pub fn parse_amount(text: &str, what: &str) -> Result<f64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("type a number for {what}"));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let plain = all_digits(whole)
        && fraction.is_none_or(|fraction| !fraction.is_empty() && all_digits(fraction))
        && !(whole.is_empty() && fraction.is_none());
    let value: f64 = match plain {
        true => digits.replace(',', ".").parse().ok(),
        false => None,
    }
    .ok_or_else(|| format!("\"{text}\" is not a number; type {what} in digits, e.g. 20 or 2.5"))?;
    if digits.len() != text.len() && value != 0.0 {
        return Err(format!("{what} cannot be negative"));
    }
    if fraction.is_some_and(|fraction| fraction.len() > 2) {
        return Err(format!(
            "\"{text}\" has more decimals than gutbone keeps; type {what} with at most two, e.g. 2.25"
        ));
    }
    if value > MAX_AMOUNT {
        return Err(format!("{what} can be at most 10,000"));
    }
    Ok(value)
}

/// An amount as a person writes it: `3`, `2.5`, `0.25`.
pub fn format_amount(amount: f64) -> String {
    let text = format!("{amount:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_plain_decimals_and_anything_else_is_refused_whole() {
        for (text, value) in [
            ("20", 20.0),
            (" 2.5 ", 2.5),
            ("0,5", 0.5),
            (".5", 0.5),
            ("0", 0.0),
            ("007", 7.0),
            ("10000", 10_000.0),
            ("0.25", 0.25),
        ] {
            assert_eq!(parse_amount(text, "the amount"), Ok(value), "{text}");
        }
        for (text, why) in [
            ("-5", "cannot be negative"),
            ("-0.5", "cannot be negative"),
            ("1e3", "not a number"),
            ("0x10", "not a number"),
            ("+5", "not a number"),
            ("inf", "not a number"),
            ("NaN", "not a number"),
            ("1.2.3", "not a number"),
            ("5.", "not a number"),
            (".", "not a number"),
            ("- 5", "not a number"),
            ("0.0000001", "more decimals"),
            ("10000.01", "at most 10,000"),
            ("", "type a number"),
        ] {
            let error = parse_amount(text, "the amount").unwrap_err();
            assert!(error.contains(why), "{text}: {error}");
        }
    }

    #[test]
    fn amounts_as_a_person_writes_them() {
        for (amount, text) in [
            (3.0, "3"),
            (2.5, "2.5"),
            (0.25, "0.25"),
            (100.0, "100"),
            (0.0, "0"),
            (10_000.0, "10000"),
        ] {
            assert_eq!(format_amount(amount), text);
        }
    }

    #[test]
    fn amounts_as_typed() {
        assert_eq!(parse_amount("0", "x"), Ok(0.0));
        assert_eq!(parse_amount(" 12.5 ", "x"), Ok(12.5));
        assert_eq!(parse_amount("10000", "x"), Ok(10_000.0));
        assert!(parse_amount("10000.5", "x").is_err());
        assert!(parse_amount("inf", "x").is_err());
    }
}
