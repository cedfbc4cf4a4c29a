//! The content rule: tips and coaching lines carry the articles' facts in
//! gutbone's own words. No run of six words may stand in a source article.
//!
//! The articles live beside the repository (`../shared/articles`), where the
//! developers and CI have them; elsewhere this test says it cannot check.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

const RUN: usize = 6;

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Every quoted `text: "..."` in an asset file.
fn texts(asset: &str) -> Vec<String> {
    asset
        .split("text: \"")
        .skip(1)
        .map(|rest| {
            let mut text = String::new();
            let mut chars = rest.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => text.extend(chars.next()),
                    '"' => break,
                    c => text.push(c),
                }
            }
            text
        })
        .collect()
}

#[test]
fn no_tip_or_coach_line_copies_six_words_from_an_article() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/articles");
    let Ok(entries) = fs::read_dir(&articles) else {
        eprintln!("cannot check: no articles at {}", articles.display());
        return;
    };
    let mut runs = HashSet::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let words = words(&fs::read_to_string(&path).unwrap());
            runs.extend(words.windows(RUN).map(<[String]>::to_vec));
        }
    }
    assert!(runs.len() > 1000, "the articles were read");

    let mut ours = texts(include_str!("../assets/tips.ron"));
    ours.extend(texts(include_str!("../assets/coach.ron")));
    assert!(ours.len() > 50, "the assets were read: {}", ours.len());
    for text in &ours {
        for run in words(text).windows(RUN) {
            assert!(
                !runs.contains(run),
                "copied from an article: {:?} in {text:?}",
                run.join(" ")
            );
        }
    }
}

#[test]
fn the_word_splitter_ignores_case_and_punctuation() {
    assert_eq!(
        words("Kefir’s K2—and, yes: LIVE cultures."),
        ["kefir's", "k2", "and", "yes", "live", "cultures"]
    );
    assert_eq!(
        texts("(when: Always, text: \"One \\\"to\\\" go.\"),\n  text: \"B\","),
        ["One \"to\" go.", "B"]
    );
}
