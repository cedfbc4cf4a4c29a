//! Hidden aids for the end-to-end tests, in one place. Each is switched on by
//! an environment variable no person sets; `GUTBONE_NOW`, the pinned clock,
//! lives with the clock (`clock.rs`).

use std::error::Error;
use std::path::Path;

use crate::store::Store;

/// Set (to anything) to make the app panic on its first key press, to prove
/// the terminal is handed back even then.
pub const PANIC_ENV: &str = "GUTBONE_TEST_PANIC";

pub fn panic_on_first_key() -> bool {
    std::env::var_os(PANIC_ENV).is_some()
}

/// Whether the binary should save in a loop (see `save_loop`) instead.
pub fn save_loop_asked() -> bool {
    std::env::var_os(SAVE_LOOP_ENV).is_some()
}

/// A hidden testing aid: save change after change, forever, printing the
/// number of each change once it is on disk, so a test can kill the process
/// at any moment and check what it left behind.
pub const SAVE_LOOP_ENV: &str = "GUTBONE_TEST_SAVE_LOOP";

pub fn save_loop(dir: &Path) -> Result<(), Box<dyn Error>> {
    use std::io::Write;
    let mut store = Store::open(dir)?;
    let (habits, mut log) = store.load()?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("a fixed day")?;
    let mut out = std::io::stdout().lock();
    for k in 1..=10_000 {
        log.set_entry(
            day,
            &habits[0],
            Some(crate::domain::Entry::Amount(f64::from(k))),
        );
        store.save_day(&log, day)?;
        writeln!(out, "{k}")?;
        out.flush()?;
    }
    Ok(())
}
