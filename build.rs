//! The built-in tips and coach lines are written in RON (`assets/`), the
//! format a person's own `tips.ron` uses. Parsing 15 kB of RON at every start
//! cost a sixth of a millisecond, so it happens here, once: each file becomes
//! the Rust expression that builds it, and a mistake in one fails the build
//! with its line and column. A test holds the result to what parsing the
//! asset at run time gives (`src/coach/tips.rs`, `src/coach/line.rs`).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

// The shapes of the two files, as far as the build needs them; the app's own
// types (which these must match, or the generated code does not compile)
// live in `src/coach/`.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tips {
    version: u32,
    sources: BTreeMap<String, Source>,
    tips: Vec<Tip>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    title: String,
    file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tip {
    id: String,
    habits: Vec<String>,
    source: String,
    text: String,
    #[serde(default)]
    when: When,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct When {
    before: Option<String>,
    after: Option<String>,
    done: Vec<String>,
    not_done: Vec<String>,
    missed_days: Option<u32>,
    streak_at_least: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoachLines {
    version: u32,
    rules: Vec<Rule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    when: Trigger,
    text: String,
}

#[derive(Deserialize)]
enum Trigger {
    FirstDay,
    AllDone,
    RestDay,
    OneLeft(String),
    OneLeftAny,
    StreakReached(u32),
    MissedDays(u32),
    NothingYet,
    Always,
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let tips: Tips = read("assets/tips.ron");
    assert!(tips.version == 1, "assets/tips.ron: version must be 1");
    write(Path::new(&out).join("builtin_tips.rs"), tips_code(&tips));
    let coach: CoachLines = read("assets/coach.ron");
    assert!(coach.version == 1, "assets/coach.ron: version must be 1");
    write(Path::new(&out).join("builtin_coach.rs"), coach_code(&coach));
}

fn read<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{path}: {err}"));
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .unwrap_or_else(|err| panic!("{path}: {err}"))
}

fn write(path: std::path::PathBuf, code: String) {
    std::fs::write(&path, code).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
}

/// A Rust string literal (`Debug` escapes what needs it).
fn string(text: &str) -> String {
    format!("String::from({text:?})")
}

/// A string literal the tips borrow rather than copy.
fn borrowed(text: &str) -> String {
    format!("Cow::Borrowed({text:?})")
}

/// Each habit id the tips name, made once and shared (`ids[n].clone()`).
struct Ids(Vec<String>);

impl Ids {
    fn of(tips: &Tips) -> Self {
        let mut ids: Vec<String> = vec![];
        for tip in &tips.tips {
            for id in [&tip.habits, &tip.when.done, &tip.when.not_done]
                .into_iter()
                .flatten()
            {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        Self(ids)
    }

    /// The array the ids are made in.
    fn array(&self) -> String {
        let made: Vec<_> = self
            .0
            .iter()
            .map(|id| format!("HabitId::new({id:?})"))
            .collect();
        format!(
            "let ids: [HabitId; {}] = [{}];",
            made.len(),
            made.join(", ")
        )
    }

    fn vec(&self, ids: &[String]) -> String {
        let shared: Vec<_> = ids
            .iter()
            .map(|id| {
                let n = self
                    .0
                    .iter()
                    .position(|made| made == id)
                    .expect("every id is made");
                format!("ids[{n}].clone()")
            })
            .collect();
        format!("vec![{}]", shared.join(", "))
    }
}

/// `Some("15:00")` as code building the time; anything else fails the build.
fn time(text: Option<&str>) -> String {
    let Some(text) = text else {
        return "None".into();
    };
    let parsed = text
        .split_once(':')
        .filter(|(hour, minute)| hour.len() == 2 && minute.len() == 2)
        .and_then(|(hour, minute)| Some((hour.parse::<u32>().ok()?, minute.parse::<u32>().ok()?)))
        .filter(|&(hour, minute)| hour < 24 && minute < 60);
    let Some((hour, minute)) = parsed else {
        panic!("assets/tips.ron: \"{text}\" is not a time like \"15:00\"");
    };
    format!(
        "Some(TimeOfDay(NaiveTime::from_hms_opt({hour}, {minute}, 0).expect(\"checked by build.rs\")))"
    )
}

fn tips_code(tips: &Tips) -> String {
    let ids = Ids::of(tips);
    let mut code = format!(
        "{{\n{}\nTips {{\n    version: 1,\n    sources: BTreeMap::from([\n",
        ids.array()
    );
    for (key, source) in &tips.sources {
        let _ = writeln!(
            code,
            "        ({}, Source {{ title: {}, file: {} }}),",
            borrowed(key),
            borrowed(&source.title),
            borrowed(&source.file)
        );
    }
    code.push_str("    ]),\n    tips: vec![\n");
    for tip in &tips.tips {
        assert!(
            tips.sources.contains_key(&tip.source),
            "assets/tips.ron: tip {} names unknown source {}",
            tip.id,
            tip.source
        );
        let when = &tip.when;
        let _ = writeln!(
            code,
            "        Tip {{ id: {}, habits: {}, source: {}, text: {}, when: When {{ \
             before: {}, after: {}, done: {}, not_done: {}, missed_days: {:?}, \
             streak_at_least: {:?} }} }},",
            borrowed(&tip.id),
            ids.vec(&tip.habits),
            borrowed(&tip.source),
            borrowed(&tip.text),
            time(when.before.as_deref()),
            time(when.after.as_deref()),
            ids.vec(&when.done),
            ids.vec(&when.not_done),
            when.missed_days,
            when.streak_at_least,
        );
    }
    code.push_str("    ],\n}\n}\n");
    code
}

fn coach_code(coach: &CoachLines) -> String {
    let mut code = String::from("CoachLines {\n    version: 1,\n    rules: vec![\n");
    for rule in &coach.rules {
        let when = match &rule.when {
            Trigger::FirstDay => "FirstDay".into(),
            Trigger::AllDone => "AllDone".into(),
            Trigger::RestDay => "RestDay".into(),
            Trigger::OneLeft(habit) => format!("OneLeft(HabitId::new({habit:?}))"),
            Trigger::OneLeftAny => "OneLeftAny".into(),
            Trigger::StreakReached(days) => format!("StreakReached({days})"),
            Trigger::MissedDays(days) => format!("MissedDays({days})"),
            Trigger::NothingYet => "NothingYet".into(),
            Trigger::Always => "Always".into(),
        };
        let _ = writeln!(
            code,
            "        Rule {{ when: Trigger::{when}, text: {} }},",
            string(&rule.text)
        );
    }
    code.push_str("    ],\n}\n");
    code
}
