//! Reading dijo's habit record.

use chrono::NaiveDate;

use gutbone::exchange::dijo::*;
use gutbone::exchange::{SourceMark, Value};

#[test]
fn reads_each_kind_of_habit() {
    let text = r#"[
  {"type": "Bit", "name": "kefir", "stats": {"2026-11-01": true, "2026-11-02": false}, "goal": true, "auto": false},
  {"type": "Count", "name": "walk", "stats": {"2026-11-01": 3}, "goal": 5, "auto": false},
  {"type": "Float", "name": "sun", "stats": {"2026-11-02": {"value": 125, "precision": 1}},
   "goal": {"value": 150, "precision": 1}, "precision": 1, "auto": false}
]"#;
    let source = read(text, "habit_record.json").unwrap();
    let names: Vec<_> = source
        .habits
        .iter()
        .map(|h| (h.name.as_str(), h.target))
        .collect();
    assert_eq!(
        names,
        [("kefir", None), ("walk", Some(5.0)), ("sun", Some(15.0))]
    );
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    assert_eq!(
        source.marks,
        [
            SourceMark {
                date: day(1),
                habit: 0,
                value: Value::Done
            },
            SourceMark {
                date: day(1),
                habit: 1,
                value: Value::Amount(3.0)
            },
            SourceMark {
                date: day(2),
                habit: 2,
                value: Value::Amount(12.5)
            },
        ]
    );
}

#[test]
fn mistakes_are_located() {
    let err = read(
        "[\n  {\"type\": \"Bit\" \"name\": \"kefir\"}\n]",
        "habit_record.json",
    )
    .unwrap_err();
    assert_eq!((err.line, err.column), (Some(2), Some(18)), "{err}");
    assert_eq!(err.message, "expected `,` or `}`");
    let err = read("[{\"type\": \"Bit\", \"name\": \"kefir\"}]", "h.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "h.json: habit 1 (\"kefir\"): missing field `stats`"
    );

    let err = read("[{\"type\": \"Mood\", \"name\": \"x\"}]", "h.json").unwrap_err();
    assert!(err.message.contains("unknown variant `Mood`"), "{err}");

    let err = read(
        r#"[{"type": "Bit", "name": "kefir", "stats": {"2026-02-30": true}}]"#,
        "h.json",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "h.json: habit \"kefir\": \"2026-02-30\" is not a date (YYYY-MM-DD)"
    );
}
