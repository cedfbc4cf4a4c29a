#![no_main]

use gutbone::coach::Tips;
use gutbone::domain::default_habits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let ids: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
    let _ = Tips::builtin().add_user(text, &ids);
});
