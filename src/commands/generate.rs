//! `gutbone generate-history` (hidden): years of made-up history in an empty
//! data directory, for measuring speed (see `benches/startup`).

use std::path::Path;

use chrono::NaiveDate;

use super::Failure;
use crate::generate::made_up_log;
use crate::store::Store;

pub fn run(dir: &Path, years: u32, seed: u64, today: NaiveDate) -> Result<(), Failure> {
    let mut store = Store::open_for_command(dir, today);
    store.lock_for_writing()?;
    let (habits, log) = store.load()?;
    if log.first_day().is_some() {
        return Err(Failure::usage(format!(
            "{} already holds a log: generate into an empty directory",
            dir.display()
        )));
    }
    let log = made_up_log(&habits, years, today, seed);
    store.save_habits(habits, &log)?;
    let first = log.first_day().unwrap_or(today);
    store.save_days(&log, first.iter_days().take_while(|day| *day <= today))?;
    Ok(())
}
