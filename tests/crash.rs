//! Saves survive being killed at any moment: a child that keeps saving is
//! SIGKILLed again and again, and every time the year file still parses and
//! holds either the last change it reported saved or the one after it, and
//! the next save clears away any temporary it left.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use gutbone::domain::{Entry, HabitId};
use gutbone::store::Store;

const KILLS: u64 = 200;

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_state_or_the_new() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let kefir = HabitId::new("fermented-food");
    let mut kills_mid_run = 0;
    let mut previous = 0;
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gutbone"))
            .arg("--data-dir")
            .arg(dir)
            .env("GUTBONE_TEST_SAVE_LOOP", "1")
            .env("GUTBONE_NOW", "2026-11-22T09:00:00")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over start-up and the saves that follow.
        std::thread::sleep(Duration::from_micros((round * 7919) % 25_000));
        child.kill().unwrap();
        child.wait().unwrap();
        let reported: Vec<u32> = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map(|line| line.unwrap().parse().unwrap())
            .collect();
        if !reported.is_empty() {
            kills_mid_run += 1;
        }

        // Each round starts from what the last one left: k counts up again from 1.
        let mut store = Store::open(dir).unwrap_or_else(|err| panic!("round {round}: {err}"));
        let (_, log) = store
            .load()
            .unwrap_or_else(|err| panic!("round {round}: the files do not parse: {err}"));
        let amount = match log.entry(day, &kefir) {
            Some(Entry::Amount(amount)) => amount as u32,
            None => 0,
            other => panic!("round {round}: {other:?}"),
        };
        match reported.last() {
            // Killed before its first save was reported: the state the last
            // round left, or this round's first change.
            None => assert!(
                amount == previous || amount == 1,
                "round {round}: the file holds {amount}, the last round left {previous}"
            ),
            Some(&last) => assert!(
                amount == last || amount == last + 1,
                "round {round}: reported {last} saved, the file holds {amount}"
            ),
        }
        previous = amount;
        // A temporary left by a killed save is tidied away by the next save
        // (this one writes nothing new: the log is as the file has it).
        store
            .save_day(&log, day)
            .unwrap_or_else(|err| panic!("round {round}: {err}"));
        for entry in std::fs::read_dir(dir.join("log/2026"))
            .into_iter()
            .flatten()
        {
            let name = entry.unwrap().file_name();
            assert_eq!(name.to_string_lossy(), "11.ron", "round {round}");
        }
    }
    assert!(
        kills_mid_run > KILLS / 4,
        "only {kills_mid_run} kills landed among the saves"
    );
}
