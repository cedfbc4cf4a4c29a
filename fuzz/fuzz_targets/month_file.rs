#![no_main]

use gutbone::domain::default_habits;
use gutbone::store::Month;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ids: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
    let path = std::path::Path::new("2026/11.ron");
    let _ = gutbone::store::parse_month(text, path, Month { year: 2026, month: 11 }, &ids);
    // The layout before months, read to be split into them.
    let _ = gutbone::store::parse_year(text, std::path::Path::new("2026.ron"), 2026, &ids);
});
