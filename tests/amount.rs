//! Amounts: how they are typed, read and shown.

use gutbone::domain::amount::*;

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
