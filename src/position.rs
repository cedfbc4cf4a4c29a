//! Where something stands in a text file, as a person counts: line and column
//! from 1. Every message about a hand-editing mistake uses it.

/// A mistake in a file a person wrote, where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mistake {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Mistake {
    /// At the first `needle` in `text`.
    pub fn at(text: &str, needle: &str, message: impl Into<String>) -> Self {
        let (line, column) = locate(text, needle);
        Self {
            line,
            column,
            message: message.into(),
        }
    }
}

impl From<ron::error::SpannedError> for Mistake {
    fn from(err: ron::error::SpannedError) -> Self {
        Self {
            line: err.span.start.line,
            column: err.span.start.col,
            message: ron_message(&err.code),
        }
    }
}

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

/// A byte-order mark some editors put at the start of a UTF-8 file: not
/// part of the text.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// RON's account of a mistake, worded for the person who edits the file:
/// the field or value they wrote and what could stand there, never the name
/// of a type inside gutbone (`YearFile`, `SettingsFile`).
pub fn ron_message(err: &ron::Error) -> String {
    use ron::Error;
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let closest = |found: &str, names: &[&str]| {
        names
            .iter()
            .map(|name| (strsim::damerau_levenshtein(found, name), *name))
            .filter(|(distance, _)| *distance <= 2)
            .min()
            .map_or(String::new(), |(_, name)| {
                format!(" (did you mean `{name}`?)")
            })
    };
    match err {
        Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "there is no field `{found}` here{}; the fields are {}",
            closest(found, expected),
            list(expected)
        ),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the values that can stand here{}: {}",
            closest(found, expected),
            list(expected)
        ),
        Error::MissingStructField { field, .. } => format!("the field `{field}` is missing"),
        Error::DuplicateStructField { field, .. } => {
            format!("the field `{field}` is written twice")
        }
        Error::ExpectedDifferentStructName { found, .. } => {
            format!("`{found}(` is not expected here; write the `(` alone")
        }
        Error::ExpectedNamedStructLike(_) | Error::ExpectedStructName(_) => {
            "Expected opening `(`".into()
        }
        other => other.to_string(),
    }
}
