//! The store never writes afresh a file that was synced and is gone (see
//! `store::ask_if_synced`): the shell that syncs says which were synced;
//! here, December 2026 was. (habits.ron gone: tests/sync.rs.)

mod common;

use common::d;
use gutbone::domain::HabitId;
use gutbone::store::{Store, StoreError, ask_if_synced};

fn synced(_: &std::path::Path, relative: &str) -> bool {
    relative == "log/2026/12.ron"
}

#[test]
fn a_month_gone_since_a_sync_waits_and_the_others_save() {
    ask_if_synced(synced);
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(tmp.path()).unwrap();
    let (_, mut log) = store.load().unwrap();
    let sun = HabitId::new("sunlight");
    log.set_done(d("2026-12-01"), &sun, true);
    log.set_done(d("2026-11-30"), &sun, true);
    let err = store
        .save_days(&log, [d("2026-12-01"), d("2026-11-30")])
        .unwrap_err();
    assert!(matches!(err, StoreError::GoneSinceSync { .. }), "{err}");
    assert!(
        err.to_string().contains("checkout -- log/2026/12.ron"),
        "{err}"
    );
    assert!(!tmp.path().join("log/2026/12.ron").exists());
    assert!(tmp.path().join("log/2026/11.ron").exists());
}
