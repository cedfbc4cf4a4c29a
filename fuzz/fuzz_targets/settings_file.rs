#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = gutbone::store::parse_stated(text, std::path::Path::new("settings.ron"));
});
