//! Reading what a person types on the command line: a habit by id, name or
//! unique prefix, and a day by date or by how long ago.

use chrono::{Days, NaiveDate};

use crate::domain::Habit;

/// Why a habit name did not pick exactly one habit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickError {
    Unknown {
        given: String,
        closest: Option<String>,
    },
    Ambiguous {
        given: String,
        candidates: Vec<String>,
    },
}

impl std::fmt::Display for PickError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PickError::Unknown { given, closest } => {
                write!(f, "no habit is called \"{given}\"")?;
                match closest {
                    Some(closest) => write!(f, "; did you mean \"{closest}\"?"),
                    None => write!(f, "; `gutbone status` lists them"),
                }
            }
            PickError::Ambiguous { given, candidates } => write!(
                f,
                "\"{given}\" could be any of: {}; type more of it",
                candidates.join(", ")
            ),
        }
    }
}

/// The habit `given` names: its id or its name (any case), or a prefix of
/// either that only one habit has.
pub fn pick_habit<'a>(habits: &'a [Habit], given: &str) -> Result<&'a Habit, PickError> {
    let wanted = given.trim().to_lowercase();
    // An id is a habit's own: whatever else answers to the word.
    if let Some(habit) = habits.iter().find(|h| h.id.as_str() == wanted) {
        return Ok(habit);
    }
    let exact: Vec<&Habit> = habits
        .iter()
        .filter(|h| h.names().any(|name| name == wanted))
        .collect();
    // Names are kept unique, but a list from elsewhere may not be: two
    // habits answering to one name is a question, never a guess.
    let starting: Vec<&Habit> = habits
        .iter()
        .filter(|h| !wanted.is_empty() && h.names().any(|name| name.starts_with(&wanted)))
        .collect();
    // A short label is often the start of another habit's name ("Walk" for
    // "Walk the dog" beside "Walk to work"): then it too is a question.
    let by_label = |h: &Habit| h.id.as_str() != wanted && h.name.trim().to_lowercase() != wanted;
    let matches = match exact.as_slice() {
        [one] if !by_label(one) || starting.len() == 1 => return Ok(one),
        [] | [_] => starting,
        _ => exact,
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(PickError::Unknown {
            given: given.to_owned(),
            closest: habits
                .iter()
                .map(|h| (strsim::levenshtein(&wanted, h.id.as_str()), h))
                .filter(|(distance, _)| *distance <= 3.max(wanted.len() / 3))
                .min_by_key(|(distance, _)| *distance)
                .map(|(_, h)| h.id.to_string()),
        }),
        many => Err(PickError::Ambiguous {
            given: given.to_owned(),
            candidates: many.iter().map(|h| h.id.to_string()).collect(),
        }),
    }
}

/// A day as typed: `YYYY-MM-DD`, `today`, `yesterday` or `-N` (N days ago).
/// A day after `today` is refused: nothing is logged ahead.
pub fn parse_day(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    let day = match text {
        "today" => Some(today),
        "yesterday" => today.pred_opt(),
        _ if text.starts_with('-') => text[1..]
            .parse::<u64>()
            .ok()
            .and_then(|n| today.checked_sub_days(Days::new(n))),
        _ => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10),
    };
    let day = day.ok_or_else(|| {
        format!(
            "\"{text}\" is not a day; write YYYY-MM-DD (a real date, e.g. 2026-11-22), \
             today, yesterday, or -N for N days ago"
        )
    })?;
    let day = crate::domain::date::kept(day)?;
    if day > today {
        return Err(format!(
            "{day} is in the future (today is {today}); gutbone keeps days up to today"
        ));
    }
    Ok(day)
}
