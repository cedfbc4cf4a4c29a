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
