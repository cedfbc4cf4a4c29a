//! The days before the weeks on screen summed up (a [`Past`]) and kept
//! between runs in `cache/summary.ron`, so that a start reads only those
//! weeks.
//!
//! The summary is trusted only while it matches: the same older year files,
//! each unchanged since it was summed up (size and modification time, the
//! fingerprint the store keeps of every file), the same bytes at the head of
//! the year it stops in (their length and XXH3 hash: that file changes with every
//! save, its head does not), and habits it fits. Anything else, a file it
//! cannot read included, means every year is read and the summary made
//! again. Deleting it is always safe.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::cursor::Cursor;
use super::{Fingerprint, StoreError, atomic, paths};
use crate::domain::past::{HabitPast, Past};
use crate::domain::streak::{Streak, Walk};
use crate::domain::strength::Score;
use crate::domain::{Habit, HabitId};

/// Bumped whenever the shape of `Summary` or of what it holds changes; an
/// older summary is then simply made again.
const VERSION: u32 = 2;

/// The older year files, by year: absent ones have no fingerprint.
pub type Files = BTreeMap<i32, Option<Fingerprint>>;

/// The bytes of a file up to some point, told apart from any others of that
/// length by their 64-bit XXH3 hash (a fixed, specified function).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    len: u64,
    xxh3: u64,
}

impl Head {
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            xxh3: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Summary {
    version: u32,
    files: Files,
    /// The head of `past.before`'s year file: the bytes before its first
    /// day from `before` on. `None`: there was no such file.
    head: Option<Head>,
    past: Past,
}

/// The cached summary of the days before `past.before`, if it still holds
/// for these `files` and `habits`, with the head of `past.before`'s year
/// file it was made from: the caller checks that against the file.
pub fn read(dir: &Path, files: &Files, habits: &[Habit]) -> Option<(Past, Option<Head>)> {
    let text = std::fs::read_to_string(paths::summary_file(dir)).ok()?;
    let summary = parse(&text)?;
    (summary.version == VERSION && summary.files == *files && summary.past.fits(habits))
        .then_some((summary.past, summary.head))
}

fn parse(text: &str) -> Option<Summary> {
    quick(text).or_else(|| ron::from_str(text).ok())
}

/// The summary in exactly the layout `write` gives it (RON's compact one, on
/// one line), read without serde: RON's parser took a tenth of a start.
/// Anything else is `None`, and RON reads it. Whatever this accepts, RON
/// reads the same (a proptest holds this).
fn quick(text: &str) -> Option<Summary> {
    let mut lines = text.lines().skip_while(|line| line.starts_with("//"));
    let mut at = Cursor(lines.next()?);
    if lines.any(|line| !line.is_empty()) {
        return None;
    }
    at.eat("(version:")?;
    let version = at.integer()?;
    at.eat(",files:{")?;
    let mut files = Files::new();
    let mut first = true;
    while at.eat("}").is_none() {
        if !first {
            at.eat(",")?;
        }
        first = false;
        let year = at.integer()?;
        at.eat(":")?;
        let fingerprint = at.option(|at| {
            at.eat("(len:")?;
            let len = at.integer()?;
            at.eat(",modified:")?;
            let modified = at.option(|at| {
                at.eat("(secs_since_epoch:")?;
                let secs = at.integer()?;
                at.eat(",nanos_since_epoch:")?;
                let nanos = at.integer()?;
                at.eat(")")?;
                let since = std::time::Duration::new(secs, nanos);
                std::time::UNIX_EPOCH.checked_add(since)
            })?;
            at.eat(")")?;
            Some(Fingerprint { len, modified })
        })?;
        files.insert(year, fingerprint);
    }
    at.eat(",head:")?;
    let head = at.option(|at| {
        at.eat("(len:")?;
        let len = at.integer()?;
        at.eat(",xxh3:")?;
        let xxh3 = at.integer()?;
        at.eat(")")?;
        Some(Head { len, xxh3 })
    })?;
    at.eat(",past:(before:")?;
    let before = at.quoted_date()?;
    at.eat(",first_day:")?;
    let first_day = at.option(Cursor::quoted_date)?;
    at.eat(",habits:[")?;
    let mut habits = vec![];
    while at.eat("]").is_none() {
        if !habits.is_empty() {
            at.eat(",")?;
        }
        habits.push(habit_past(&mut at)?);
    }
    at.eat("))")?;
    at.0.is_empty().then_some(Summary {
        version,
        files,
        head,
        past: Past {
            before,
            first_day,
            habits,
        },
    })
}

/// `(id:…,since:…,target:…,first_entry:…,last_entry:…,walk:(…),score:…)`.
fn habit_past(at: &mut Cursor) -> Option<HabitPast> {
    let streak = |at: &mut Cursor| {
        at.eat("(days:")?;
        let days = at.integer()?;
        at.eat(",start:")?;
        let start = at.quoted_date()?;
        at.eat(",end:")?;
        let end = at.quoted_date()?;
        at.eat(")")?;
        Some(Streak { days, start, end })
    };
    at.eat("(id:")?;
    let id = HabitId::new(at.text()?);
    at.eat(",since:")?;
    let since = at.option(Cursor::quoted_date)?;
    at.eat(",target:")?;
    let target = at.option(Cursor::float)?;
    at.eat(",first_entry:")?;
    let first_entry = at.option(Cursor::quoted_date)?;
    at.eat(",last_entry:")?;
    let last_entry = at.option(Cursor::quoted_date)?;
    at.eat(",walk:(best:")?;
    let best = at.option(streak)?;
    at.eat(",run:")?;
    let run = at.option(streak)?;
    at.eat(",last:")?;
    let last = at.option(Cursor::quoted_date)?;
    at.eat("),score:")?;
    let score = at.option(|at| {
        at.eat("(value:")?;
        let value = at.float()?;
        at.eat(",after:")?;
        let after = at.quoted_date()?;
        at.eat(")")?;
        Some(Score::resumed(value, after))
    })?;
    at.eat(")")?;
    Some(HabitPast {
        id,
        since,
        target,
        first_entry,
        last_entry,
        walk: Walk::resumed(best, run, last),
        score,
    })
}

pub fn write(dir: &Path, files: &Files, head: Option<Head>, past: &Past) -> Result<(), StoreError> {
    let path = paths::summary_file(dir);
    let summary = Summary {
        version: VERSION,
        files: files.clone(),
        head,
        past: past.clone(),
    };
    let text = render(&summary).map_err(|err| StoreError::Verify {
        path: path.clone(),
        detail: err.to_string(),
    })?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|err| StoreError::io("create the folder", parent, err))?;
    }
    atomic::write_atomic(&path, text.as_bytes()).map_err(|err| StoreError::io("save", &path, err))
}

fn render(summary: &Summary) -> Result<String, ron::Error> {
    let header = "// gutbone: a summary of your older days, so that gutbone starts without\n\
                  // reading them. Made again whenever they change; safe to delete.\n";
    Ok(format!("{header}{}\n", ron::to_string(summary)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn date() -> impl Strategy<Value = NaiveDate> + Clone {
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        (0..110_000u64).prop_map(move |days| first + Days::new(days))
    }

    fn streak() -> impl Strategy<Value = Streak> {
        (any::<u32>(), date(), date()).prop_map(|(days, start, end)| Streak { days, start, end })
    }

    /// Finite numbers of every size: RON writes the largest and smallest
    /// with an exponent.
    fn number() -> impl Strategy<Value = f64> {
        prop_oneof![
            0.0..1.0f64,
            (1u32..400).prop_map(|n| f64::from(n) / 8.0),
            any::<f64>().prop_filter("finite", |n| n.is_finite()),
        ]
    }

    fn habit_past() -> impl Strategy<Value = HabitPast> {
        let dates = prop::option::of(date());
        let walk = (
            prop::option::of(streak()),
            prop::option::of(streak()),
            dates.clone(),
        )
            .prop_map(|(best, run, last)| Walk::resumed(best, run, last));
        let score = prop::option::of((number(), date()).prop_map(|(v, d)| Score::resumed(v, d)));
        (
            // Quotes and backslashes are escaped; the rest is written as is.
            "[a-z\"\\\\é -]{1,10}",
            dates.clone(),
            prop::option::of(number()),
            dates.clone(),
            dates,
            walk,
            score,
        )
            .prop_map(
                |(id, since, target, first_entry, last_entry, walk, score)| HabitPast {
                    id: HabitId::new(id),
                    since,
                    target,
                    first_entry,
                    last_entry,
                    walk,
                    score,
                },
            )
    }

    fn summary() -> impl Strategy<Value = Summary> {
        let modified = (0..1u64 << 40, 0..1_000_000_000u32)
            .prop_map(|(secs, nanos)| UNIX_EPOCH + Duration::new(secs, nanos));
        let fingerprint = (any::<u64>(), prop::option::of(modified))
            .prop_map(|(len, modified)| Fingerprint { len, modified });
        let files = prop::collection::btree_map(-10..3000i32, prop::option::of(fingerprint), 0..12);
        let habits = prop::collection::vec(habit_past(), 0..6);
        let head = prop::option::of(
            (any::<u64>(), any::<u64>()).prop_map(|(len, xxh3)| Head { len, xxh3 }),
        );
        (
            any::<u32>(),
            files,
            head,
            date(),
            prop::option::of(date()),
            habits,
        )
            .prop_map(
                |(version, files, head, before, first_day, habits)| Summary {
                    version,
                    files,
                    head,
                    past: Past {
                        before,
                        first_day,
                        habits,
                    },
                },
            )
    }

    proptest! {
        /// Every summary gutbone writes is read the quick way, to what was
        /// written and to what RON's parser reads.
        #[test]
        fn the_quick_reader_takes_every_summary_written(summary in summary()) {
            let text = render(&summary).unwrap();
            let quick = quick(&text);
            prop_assert_eq!(quick.as_ref(), Some(&summary), "{}", text);
            let full: Summary = ron::from_str(&text).unwrap();
            prop_assert_eq!(quick, Some(full));
        }

        /// Whatever an edit leaves that the quick reader takes, RON reads
        /// the same; the rest is left to RON.
        #[test]
        fn the_quick_reader_never_disagrees_with_ron(
            summary in summary(),
            at in any::<prop::sample::Index>(),
            // Often near the end, where the closing brackets are.
            near_end in prop::option::of(0..12usize),
            cut in 0..3usize,
            insert in "[0-9a-z(),:\"{}\\[\\] .-]{0,2}",
        ) {
            let text = render(&summary).unwrap();
            let at = match near_end {
                Some(back) => text.len().saturating_sub(back),
                None => at.index(text.len()),
            };
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            let end = ((at + cut).min(text.len())..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap();
            let edited = format!("{}{insert}{}", &text[..at], &text[end..]);
            if let Some(quick) = quick(&edited) {
                let full: Result<Summary, _> = ron::from_str(&edited);
                prop_assert_eq!(Some(quick), full.ok(), "{}", edited);
            }
        }
    }

    #[test]
    fn a_summary_in_another_layout_is_read_by_ron() {
        let summary = Summary {
            version: VERSION,
            files: Files::from([(2025, None)]),
            head: Some(Head::of(b"(")),
            past: Past {
                before: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                first_day: None,
                habits: vec![],
            },
        };
        let pretty = ron::ser::to_string_pretty(&summary, Default::default()).unwrap();
        assert_eq!(quick(&pretty), None);
        assert_eq!(parse(&pretty), Some(summary));
        assert_eq!(parse("(version: 2, files: {"), None);
    }
}
