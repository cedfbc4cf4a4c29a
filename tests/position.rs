//! Where a mistake stands, and how it is worded.

use gutbone::position::*;

#[test]
fn ron_mistakes_name_fields_and_values_never_our_types() {
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct InsideName {
        amounts: u32,
        when: WeekStartName,
    }
    #[derive(serde::Deserialize, Debug)]
    enum WeekStartName {
        Monday,
    }
    let message = |text: &str| {
        let err = ron::from_str::<InsideName>(text).unwrap_err();
        ron_message(&err.code)
    };
    let typo = message("(amonts: 1, when: Monday)");
    assert_eq!(
        typo,
        "there is no field `amonts` here (did you mean `amounts`?); the fields are `amounts`, `when`"
    );
    let value = message("(amounts: 1, when: Tuesday)");
    assert_eq!(
        value,
        "`Tuesday` is not one of the values that can stand here: `Monday`"
    );
    assert_eq!(message("(amounts: 1)"), "the field `when` is missing");
    assert!(
        message("(amounts: 1, wehn: Monday)").contains("did you mean `when`?"),
        "a swap of two letters"
    );
    assert_eq!(
        message("Other(amounts: 1, when: Monday)"),
        "`Other(` is not expected here; write the `(` alone"
    );
    for text in [typo, value] {
        assert!(!text.contains("InsideName") && !text.contains("WeekStartName"));
    }
    assert_eq!(without_bom("\u{feff}(a)"), "(a)");
    assert_eq!(without_bom("(a)"), "(a)");
}

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
