//! Reading the log: the whole of it, one month, or the months on screen with
//! the older ones summed up (see `summary`), each file fingerprinted as it
//! is read.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::files::{LogFiles, log_files, log_files_from, read_text};
use super::{
    Month, Store, StoreError, fingerprint, parse_month, paths, read_habits, split, summary,
};
use crate::domain::log::DayLog;
use crate::domain::{Habit, HabitId, History, Log, default_habits};

impl Store {
    /// Reads the habits and the whole log. Missing files are a fresh start;
    /// a file that cannot be read is an error, and nothing will overwrite it.
    pub fn load(&mut self) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::All)
    }

    /// Like `load`, with only `date`'s month in the log: for a question asked
    /// on every shell prompt.
    pub fn load_day(&mut self, date: NaiveDate) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::Month(Month::of(date)))
    }

    /// Like `load`, with only the months from `from`'s on in the log.
    pub fn load_from(&mut self, from: NaiveDate) -> Result<(Vec<Habit>, Log), StoreError> {
        self.read(Wanted::From(Month::of(from)))
    }

    /// Like `load`, except that the months before the one `from` falls in
    /// are summed up in the log's `Past` instead of read, when the summary
    /// kept by an earlier run still holds (see `summary`). When it does not,
    /// every month is read, as by `load`, and the summary is made for next
    /// time.
    pub fn load_recent(&mut self, from: NaiveDate) -> Result<(Vec<Habit>, History), StoreError> {
        let read = self.load_recent_unchecked(from)?;
        if self.check_summary()? {
            Ok(read)
        } else {
            self.read_recent(Month::of(from))
        }
    }

    /// `load_recent` for the first frame: `habits.ron`, the summary and the
    /// months from `from`'s on are read, and the summary is trusted before
    /// the older months are looked at, so the first frame waits on nothing
    /// that grows with the history. [`Store::check_summary`] must follow
    /// before the log is changed, saved or read further.
    pub fn load_recent_unchecked(
        &mut self,
        from: NaiveDate,
    ) -> Result<(Vec<Habit>, History), StoreError> {
        let first = Month::of(from);
        let (habits, log) = self.read(Wanted::From(first))?;
        // A year not split into months yet is not in the summary's digest.
        let cached = summary::read(&self.dir, &habits).filter(|cached| {
            Some(cached.past.before) == first.first_day() && self.unsplit.is_empty()
        });
        let Some(cached) = cached else {
            return self.read_recent(first);
        };
        let history = History::recent(log, cached.past.clone());
        self.unchecked = Some(cached);
        self.summed_before = Some(first);
        Ok((habits, history))
    }

    /// Holds the summary `load_recent_unchecked` trusted to the files: the
    /// same older months, each unchanged, and no month on screen it did
    /// not read. `false` means it no longer holds: read again with
    /// `load_recent`. Nothing to check is `true`.
    pub fn check_summary(&mut self) -> Result<bool, StoreError> {
        let (Some(cached), Some(first)) = (self.unchecked.take(), self.summed_before) else {
            return Ok(true);
        };
        let LogFiles { months, years, .. } = log_files(&self.dir)?;
        let unread = months
            .iter()
            .any(|(month, path)| *month >= first && !self.seen.contains_key(path));
        let mut older = summary::Files::new();
        let mut paths = Vec::new();
        for (month, path) in months.into_iter().filter(|(month, _)| *month < first) {
            if let Some(print) = fingerprint(&path)? {
                older.insert(month, print);
                paths.push((path, print));
            }
        }
        if unread || !years.is_empty() || !cached.holds_for(&older) {
            self.summed_before = None;
            return Ok(false);
        }
        self.seen
            .extend(paths.into_iter().map(|(path, print)| (path, Some(print))));
        Ok(true)
    }

    /// The months `load_recent` summed up, read now: for `History::fill_in`.
    /// Refused when one of them changed since that look (then the whole
    /// store must be read again, as for any change from outside).
    pub fn load_older(&mut self) -> Result<Log, StoreError> {
        let Some(before) = self.summed_before else {
            return Ok(Log::new());
        };
        let ids = self.ids();
        let mut log = Log::new();
        for (month, path) in log_files(&self.dir)?.months {
            if month >= before {
                break;
            }
            if self.seen.get(&path).copied().flatten() != fingerprint(&path)? {
                return Err(StoreError::ChangedOnDisk { path });
            }
            for (date, day) in load_month(&path, month, &ids)? {
                log.insert_day(date, day);
            }
        }
        self.summed_before = None;
        Ok(log)
    }

    /// Every month, as `load` reads them, with a summary of those before
    /// `first` made for the next start.
    fn read_recent(&mut self, first: Month) -> Result<(Vec<Habit>, History), StoreError> {
        let (habits, log) = self.read(Wanted::Recent(first))?;
        Ok((habits, History::from(log)))
    }

    fn read(&mut self, wanted: Wanted) -> Result<(Vec<Habit>, Log), StoreError> {
        // No habits.ron: the defaults, written with the first save.
        let habits_file = paths::habits_file(&self.dir);
        let mut seen = HashMap::from([(habits_file.clone(), fingerprint(&habits_file)?)]);
        let read_habits = read_habits(&habits_file)?;
        let habits_missing = read_habits.is_none();
        let all_habits = read_habits.unwrap_or_else(default_habits);
        let ids: Vec<HabitId> = all_habits.iter().map(|habit| habit.id.clone()).collect();
        let LogFiles { months, years, .. } = match wanted {
            Wanted::From(first) | Wanted::Month(first) => log_files_from(&self.dir, first.year)?,
            _ => log_files(&self.dir)?,
        };
        let mut log = Log::new();
        // Year files not split yet (see `split`) are read as they are, with
        // the months of their years, and those months are not written.
        self.unsplit.clear();
        for (year, path) in years {
            let their_months: Vec<_> = months.iter().filter(|(m, _)| m.year == year).collect();
            let mut read = Vec::new();
            for (month, path) in their_months {
                read.push((path.clone(), load_month(path, *month, &ids)?));
            }
            for (date, day) in split::merged(year, &path, &read, &ids)? {
                log.insert_day(date, day);
            }
            seen.insert(path.clone(), fingerprint(&path)?);
            self.unsplit.insert(year);
        }
        // The months before the first one wanted, as they are now: what the
        // summary made for the next start is held to.
        let mut older = summary::Files::new();
        for (month, path) in months {
            match wanted {
                Wanted::Month(only) if month != only => continue,
                Wanted::From(first) if month < first => continue,
                _ => {}
            }
            let print = fingerprint(&path)?;
            if let (Wanted::Recent(first), Some(print)) = (wanted, print)
                && month < first
            {
                older.insert(month, print);
            }
            seen.insert(path.clone(), print);
            for (date, day) in load_month(&path, month, &ids)? {
                log.insert_day(date, day);
            }
        }
        self.summed_before = None;
        self.unchecked = None;
        if let Wanted::Recent(first) = wanted
            && let Some(before) = first.first_day()
            && log.days_in(..before).next().is_some()
        {
            // A summary that cannot be written costs only speed: the next
            // start reads everything again.
            let whole = History::from(log);
            let _ = summary::write(&self.dir, &older, &whole.sum_up(&all_habits, before));
            log = whole.log;
        }
        self.habits_missing = habits_missing;
        self.habits = all_habits;
        self.seen = seen;
        Ok((self.habits.clone(), log))
    }

    /// Whether a file was changed, added or removed by someone else since the
    /// store last read or wrote it: then `load` again before the next change.
    pub fn changed_on_disk(&self) -> Result<bool, StoreError> {
        for (path, was) in &self.seen {
            if fingerprint(path)? != *was {
                return Ok(true);
            }
        }
        let files = log_files(&self.dir)?;
        let months = files.months.into_iter().map(|(_, path)| path);
        let mut paths = months.chain(files.years.into_iter().map(|(_, path)| path));
        Ok(paths.any(|path| !self.seen.contains_key(&path)))
    }

    pub(super) fn ids(&self) -> Vec<HabitId> {
        self.habits.iter().map(|habit| habit.id.clone()).collect()
    }
}

/// Which part of the log a read wants.
#[derive(Clone, Copy)]
enum Wanted {
    All,
    Month(Month),
    /// Every month, and a summary made of those before this one.
    Recent(Month),
    /// The months from this one on, none before.
    From(Month),
}

fn load_month(
    path: &Path,
    month: Month,
    habits: &[HabitId],
) -> Result<Vec<(NaiveDate, DayLog)>, StoreError> {
    parse_month(&read_text(path)?, path, month, habits)
}
