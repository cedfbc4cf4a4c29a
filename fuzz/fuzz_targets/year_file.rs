#![no_main]

use gutbone::domain::default_habits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ids: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
    let _ = gutbone::store::parse_year(text, std::path::Path::new("2026.ron"), 2026, &ids);
});
