//! Merging two versions of one of gutbone's files against their ancestor,
//! read and written by the same loaders as the app: git's merge driver
//! (`gutbone merge-file`) and `doctor --repair`'s folding of conflict copies.

use std::path::{Path, PathBuf};

use super::{Month, StoreError, habits, month, paths};
use crate::domain::merge::{Conflict, merge_habits, merge_logs};
use crate::domain::{HabitId, default_habits};

/// Which of gutbone's merged files a path (relative to the data directory,
/// with `/` between folders, as git names it) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFile {
    Habits,
    Month(Month),
}

impl DataFile {
    pub fn of(relative: &str) -> Option<Self> {
        let parts: Vec<&str> = relative.split(['/', '\\']).collect();
        match parts[..] {
            ["habits.ron"] => Some(Self::Habits),
            ["log", year, month] => {
                let year = paths::year_of_name(year)?;
                let month = paths::month_of_file_name(month)?;
                Some(Self::Month(Month { year, month }))
            }
            _ => None,
        }
    }
}

/// One version of a file: its text, and the name a mistake in it is told by.
pub struct Side<'a> {
    pub text: &'a str,
    pub name: PathBuf,
}

/// The three versions of a file: the ancestor (empty when there is none),
/// this machine's and the other's.
pub struct Sides<'a> {
    pub base: Side<'a>,
    pub ours: Side<'a>,
    pub theirs: Side<'a>,
}

impl<'a> Sides<'a> {
    /// The versions git's merge driver is given of `relative`.
    pub fn of_merge(relative: &str, base: &'a str, ours: &'a str, theirs: &'a str) -> Self {
        let side = |text, whose: &str| Side {
            text,
            name: PathBuf::from(format!("{relative} ({whose})")),
        };
        Self {
            base: side(base, "as last merged"),
            ours: side(ours, "this machine's"),
            theirs: side(theirs, "the other side's"),
        }
    }
}

/// The merged text of `file` (written to `out`, named in messages), and
/// what the two sides changed differently. `known` are the habit ids the
/// month's header lists. A side that does not parse stops the merge with
/// its line and column.
pub fn merge_file(
    file: DataFile,
    out: &Path,
    sides: &Sides,
    known: &[HabitId],
) -> Result<(String, Vec<Conflict>), StoreError> {
    let [base, ours, theirs] = [&sides.base, &sides.ours, &sides.theirs];
    match file {
        DataFile::Habits => {
            // With no ancestor, each side grew from the habits every data
            // directory begins with.
            let base = match base.text.trim() {
                "" => default_habits(),
                text => habits::parse_habits(text, &base.name)?,
            };
            let ours = habits::parse_habits(ours.text, &ours.name)?;
            let theirs = habits::parse_habits(theirs.text, &theirs.name)?;
            let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
            Ok((habits::render_habits(&merged, out)?, conflicts))
        }
        DataFile::Month(month) => {
            let read = |side: &Side| month::month_log(side.text, &side.name, month);
            let (base, ours, theirs) = (read(base)?, read(ours)?, read(theirs)?);
            let (merged, conflicts) = merge_logs(&base, &ours, &theirs);
            // The header lists `known`, then the habits the days name: from
            // the sides alone, so the merge is the same on every machine.
            let mut ids = known.to_vec();
            let named: std::collections::BTreeSet<&HabitId> = (merged.days_in(..))
                .flat_map(|(_, day)| day.entries().map(|(habit, _)| habit))
                .collect();
            ids.extend(named.into_iter().filter(|id| !known.contains(id)).cloned());
            Ok((month::render_month(&merged, month, &ids, out)?, conflicts))
        }
    }
}
