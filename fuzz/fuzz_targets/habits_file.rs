#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = gutbone::store::parse_habits(text, std::path::Path::new("habits.ron"));
});
