//! One app at a time, one write at a time: OS locks on separate lock files.
//!
//! `gutbone.lock` is held by the app for its whole run, so a second app is
//! refused. `gutbone.write.lock` is held only for a moment, around each save
//! (and around a command's read-change-write), so the command line can write
//! while the app is open without either losing the other's change.
//!
//! The OS drops a lock when its holder exits, however it exits, so a lock
//! left by a killed process never blocks the next start.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::Path;

use super::{StoreError, paths};

/// Held for as long as gutbone may write to a data directory.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

impl DataLock {
    /// Takes the lock, creating the data directory if needed.
    pub fn acquire(data_dir: &Path) -> Result<Self, StoreError> {
        let path = paths::lock_file(data_dir);
        let mut file = open_lock_file(data_dir, &path)?;
        // A lock let go a moment ago may still be held, for as long as a
        // process started meanwhile takes to exec (it holds a copy of every
        // open file until then): asked again a few times before refusing.
        let mut tries = 0;
        let taken = loop {
            match file.try_lock() {
                Err(TryLockError::WouldBlock) if tries < 10 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                taken => break taken,
            }
        };
        match taken {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = Some(holder.trim().to_owned()).filter(|pid| !pid.is_empty());
                return Err(StoreError::Locked {
                    dir: data_dir.to_owned(),
                    holder,
                });
            }
            Err(TryLockError::Error(err)) => {
                return Err(StoreError::io("lock", &path, err));
            }
        }
        // Only a courtesy for the "open elsewhere" message; the OS lock is
        // what counts. Written over in place, padded to one width: cutting
        // the file short first costs a journal commit on some filesystems.
        let pid = format!("{:<10}\n", std::process::id());
        let _ = file.rewind().and_then(|()| file.write_all(pid.as_bytes()));
        Ok(Self { _file: file })
    }
}

/// Opens (creating if needed, with the data directory) a lock file.
fn open_lock_file(data_dir: &Path, path: &Path) -> Result<File, StoreError> {
    fs::create_dir_all(data_dir)
        .map_err(|err| StoreError::io("create the data directory", data_dir, err))?;
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|err| StoreError::io("open the lock file", path, err))
}

/// Held while a save (or a command's read, change and write) is under way.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    /// Waits for any other write to finish, then takes the lock. Writes last
    /// milliseconds, so the wait is short.
    pub fn acquire(data_dir: &Path) -> Result<Self, StoreError> {
        let path = paths::write_lock_file(data_dir);
        let file = open_lock_file(data_dir, &path)?;
        file.lock()
            .map_err(|err| StoreError::io("lock", &path, err))?;
        Ok(Self { _file: file })
    }
}
