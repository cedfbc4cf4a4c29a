//! The habits a person tracks: what each one is and how it is measured.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::entry::{Entry, Status};

use super::amount::{MAX_AMOUNT, format_amount};
use super::schedule::Schedule;

/// At most this many habits on today's checklist: a coach, not a to-do list.
pub const MAX_ACTIVE_HABITS: usize = 20;

/// A habit's stable identifier: written in data files and typed on the
/// command line, so it never changes once chosen (e.g. `fermented-food`).
/// Cheap to clone: every day of the log names its habits, and the undo
/// stack and the stats carry them about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HabitId(Arc<str>);

impl Serialize for HabitId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for HabitId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

impl HabitId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(Arc::from(id.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id made from a name: lower case, words joined by hyphens
    /// ("Cold shower" → `cold-shower`).
    pub fn from_name(name: &str) -> Self {
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        Self::new(words.join("-"))
    }
}

impl fmt::Display for HabitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<HabitId> for HabitId {
    fn as_ref(&self) -> &HabitId {
        self
    }
}

impl AsRef<HabitId> for Habit {
    fn as_ref(&self) -> &HabitId {
        &self.id
    }
}

/// How much of a measured habit makes a day, and in what.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// Singular, as in "1 serving" or "30 min".
    pub unit: String,
    /// What `+` and `-` add and take away.
    pub step: f64,
    /// The day's goal: the habit is done when the amount reaches it; for a
    /// limit, the most a day may hold and still be kept.
    pub target: f64,
    /// A limit ("at most 1 glass"): kept at or under the target.
    pub at_most: bool,
}

impl Measure {
    /// "20/30 min", "1/3 servings": an amount against the target.
    pub fn progress(&self, amount: f64) -> String {
        format!("{} {}", self.fraction(amount), self.unit_for(self.target))
    }

    /// "20/30": the amount against the target, without the unit.
    pub fn fraction(&self, amount: f64) -> String {
        format!("{}/{}", format_amount(amount), format_amount(self.target))
    }

    /// The unit as a count of `n` reads: "servings", "breaks", but "min":
    /// short units are abbreviations and stay as they are.
    pub fn unit_for(&self, n: f64) -> String {
        let unit = &self.unit;
        let plural = n != 1.0
            && unit.chars().count() > 3
            && unit.chars().all(char::is_alphabetic)
            && !unit.ends_with('s');
        if plural {
            format!("{unit}s")
        } else {
            unit.clone()
        }
    }
}

/// One habit, as the checklist shows it, with how often it is due.
#[derive(Clone, Debug, PartialEq)]
pub struct Habit {
    pub id: HabitId,
    /// Full name for the checklist.
    pub name: String,
    /// A short label for narrow places such as the week grid.
    pub short: String,
    /// What counts, in a line.
    pub hint: String,
    /// `None` for a habit that is simply done or not.
    pub measure: Option<Measure>,
    /// What a done-or-not habit was measured by before it became one: the
    /// amounts logged then are judged by this target (short of it is still
    /// partial), and the form brings it back if the habit is measured again.
    pub was_measured: Option<Measure>,
    /// Hidden from the checklist; its history is kept.
    pub archived: bool,
    /// The day it was added, when that was after the log began: the days
    /// before are not misses. `None` for a habit tracked from the start.
    pub since: Option<NaiveDate>,
    /// How often it is due.
    pub schedule: Schedule,
}

impl Habit {
    /// A done-or-not habit.
    pub fn check(id: &str, name: &str) -> Self {
        Self {
            id: HabitId::new(id),
            name: name.into(),
            short: short_label(name),
            hint: String::new(),
            measure: None,
            was_measured: None,
            archived: false,
            since: None,
            schedule: Schedule::Daily,
        }
    }

    /// A habit with an amount to reach each day.
    pub fn measured(id: &str, name: &str, unit: &str, step: f64, target: f64) -> Self {
        Self {
            measure: Some(Measure {
                unit: unit.into(),
                step,
                target,
                at_most: false,
            }),
            ..Self::check(id, name)
        }
    }

    fn with(mut self, short: &str, hint: &str) -> Self {
        self.short = short.into();
        self.hint = hint.into();
        self
    }

    /// What a day's entry amounts to for this habit. An amount reaching the
    /// target is done, any less is partial; a done entry on a measured habit
    /// (written before it was measured) counts as the target met. An amount
    /// on a done-or-not habit is judged by the target it had when it was
    /// measured, and is done when it never had one. A limit is done (kept)
    /// at or under it, nothing logged included, and over past it.
    /// How it is measured and how often it is due, in a few words:
    /// "30 min, daily", "at most 1 glass, mon,wed,fri", "done or not, 3/7".
    pub fn describe(&self) -> String {
        let measure = match &self.measure {
            Some(m) if m.at_most => format!(
                "at most {} {}",
                format_amount(m.target),
                m.unit_for(m.target)
            ),
            Some(m) => format!("{} {}", format_amount(m.target), m.unit_for(m.target)),
            None => "done or not".into(),
        };
        format!("{measure}, {}", self.schedule)
    }

    pub fn status(&self, entry: Option<Entry>) -> Option<Status> {
        let limit = self
            .judged_by()
            .filter(|m| m.at_most && self.measure.is_some());
        match (entry, self.judged_by()) {
            (None, _) if limit.is_some() => Some(Status::Done),
            (None, _) => None,
            (Some(Entry::Done), _) => Some(Status::Done),
            (Some(Entry::Skipped), _) => Some(Status::Skipped),
            (Some(Entry::Amount(amount)), Some(measure)) if measure.at_most => {
                Some(if amount > measure.target {
                    Status::Over
                } else {
                    Status::Done
                })
            }
            (Some(Entry::Amount(amount)), Some(measure)) if amount < measure.target => {
                Some(Status::Partial)
            }
            (Some(Entry::Amount(_)), _) => Some(Status::Done),
        }
    }

    /// Whether `date`, holding `entry`, is set aside for this habit: skipped,
    /// or a day off on which nothing that counts was logged (part of a
    /// target on a day off is an extra try, not a miss).
    pub fn sets_aside(&self, date: NaiveDate, entry: Option<Entry>) -> bool {
        match self.status(entry) {
            Some(Status::Skipped) => true,
            Some(Status::Done | Status::Over) if entry.is_some() => false,
            _ => !self.schedule.is_day_on(date),
        }
    }

    /// The measure an amount is held to: the habit's own, or the one it had.
    fn judged_by(&self) -> Option<&Measure> {
        self.measure.as_ref().or(self.was_measured.as_ref())
    }

    /// How much was done: the amount for a measured habit, and for a
    /// done-or-not one 1 when done, else 0 (whatever amount it once had).
    pub fn amount(&self, entry: Option<Entry>) -> f64 {
        match (entry, &self.measure) {
            (Some(Entry::Amount(amount)), Some(_)) => amount,
            (Some(Entry::Done), Some(measure)) => measure.target,
            (entry, None) => f64::from(u8::from(self.status(entry) == Some(Status::Done))),
            (Some(Entry::Skipped) | None, Some(_)) => 0.0,
        }
    }

    /// The share of the day's target reached, from 0 to 1.
    pub fn progress(&self, entry: Option<Entry>) -> f64 {
        match (entry, self.judged_by()) {
            (Some(Entry::Amount(amount)), Some(measure)) => {
                (amount / measure.target).clamp(0.0, 1.0)
            }
            (entry, _) => f64::from(u8::from(self.status(entry) == Some(Status::Done))),
        }
    }

    /// What a person may call this habit, in lower case: its id, its name
    /// and its short label. No two habits share one (see [`check_habits`]).
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        [self.id.as_str(), self.name.trim(), self.short.trim()]
            .into_iter()
            .filter(|name| !name.is_empty())
            .map(str::to_lowercase)
    }

    /// The target, or 1 for a done-or-not habit.
    pub fn target(&self) -> f64 {
        self.measure.as_ref().map_or(1.0, |measure| measure.target)
    }

    /// The entry that records `amount`, kept to the two decimals gutbone
    /// shows (ten steps of 0.1 make 1, not 0.9999999999999999): nothing for
    /// zero, and for a done-or-not habit, done for anything more.
    pub fn entry_for(&self, amount: f64) -> Option<Entry> {
        let amount = (amount * 100.0).round() / 100.0;
        if amount <= 0.0 || amount.is_nan() {
            None
        } else if self.measure.is_some() {
            Some(Entry::Amount(amount.min(MAX_AMOUNT)))
        } else {
            Some(Entry::Done)
        }
    }
}

/// What is wrong with a list of habits, and which habit it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HabitProblem {
    pub index: usize,
    pub message: String,
}

/// The rules every list of habits keeps, whether it comes from `habits.ron`
/// or from the form: ids unique and plain, names given, targets and steps
/// positive and sane, between 1 and [`MAX_ACTIVE_HABITS`] on the checklist.
pub fn check_habits(habits: &[Habit]) -> Result<(), HabitProblem> {
    let problem = |index: usize, message: String| Err(HabitProblem { index, message });
    for (index, habit) in habits.iter().enumerate() {
        let id = habit.id.as_str();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return problem(
                index,
                format!(
                    "the id \"{id}\" must be letters, digits and hyphens, e.g. \"cold-shower\""
                ),
            );
        }
        if habits[..index].iter().any(|other| other.id == habit.id) {
            return problem(
                index,
                format!("there is already a habit with the id \"{id}\"; ids must differ"),
            );
        }
        if habit.name.trim().is_empty() {
            return problem(index, format!("the habit \"{id}\" needs a name"));
        }
        // Written to terminals by the command line: a control character
        // there could move the cursor or retitle the window.
        let unit = habit
            .measure
            .iter()
            .chain(&habit.was_measured)
            .map(|m| m.unit.as_str());
        let texts = [
            ("name", habit.name.as_str()),
            ("short label", &habit.short),
            ("hint", &habit.hint),
        ];
        for (what, text) in texts.into_iter().chain(unit.map(|unit| ("unit", unit))) {
            if let Some(c) = text.chars().find(|c| c.is_control()) {
                return problem(
                    index,
                    format!(
                        "the {what} of \"{id}\" holds a control character ({}); remove it",
                        c.escape_unicode()
                    ),
                );
            }
        }
        for measure in habit.measure.iter().chain(&habit.was_measured) {
            if measure.unit.trim().is_empty() {
                return problem(
                    index,
                    format!("\"{id}\" is measured, so it needs a unit, such as \"min\""),
                );
            }
            let target = if measure.at_most { "limit" } else { "target" };
            for (what, value) in [(target, measure.target), ("step", measure.step)] {
                if !(value > 0.0 && value <= MAX_AMOUNT) {
                    return problem(
                        index,
                        format!(
                            "the {what} of \"{id}\" is {value}; it must be above 0 and at most 10,000"
                        ),
                    );
                }
            }
        }
        let limit = habit.measure.as_ref().is_some_and(|m| m.at_most);
        if limit && matches!(habit.schedule, Schedule::Times { .. }) {
            return problem(
                index,
                format!(
                    "\"{id}\" is a limit, kept day by day: its schedule is daily or weekdays \
                     (mon,wed,fri), not {}",
                    habit.schedule
                ),
            );
        }
    }
    let active = habits.iter().filter(|habit| !habit.archived).count();
    if active == 0 {
        return problem(
            0,
            "at least one habit must stay on the checklist (not archived)".into(),
        );
    }
    if active > MAX_ACTIVE_HABITS {
        let index = habits
            .iter()
            .rposition(|habit| !habit.archived)
            .unwrap_or(0);
        return problem(
            index,
            format!(
                "{active} habits are active; at most {MAX_ACTIVE_HABITS} fit the checklist, so archive some"
            ),
        );
    }
    Ok(())
}

/// The rule the form adds to [`check_habits`]: no two habits answer to one
/// name, whether id, name or short label, in any case. A file from before
/// the rule (or a hand edit) may break it and still opens; the command line
/// then asks which habit is meant rather than guess.
pub fn check_names(habits: &[Habit]) -> Result<(), HabitProblem> {
    for (index, habit) in habits.iter().enumerate() {
        for other in &habits[..index] {
            if let Some(word) = habit.names().find(|word| other.names().any(|w| w == *word)) {
                return Err(HabitProblem {
                    index,
                    message: format!(
                        "\"{word}\" would name both \"{}\" and \"{}\"; each habit needs a name \
                         and a short label of its own",
                        other.name, habit.name
                    ),
                });
            }
        }
    }
    Ok(())
}

/// A short label for `name` that none of `others` answers to: its first
/// word, or as much of the name as fits, or its first and last words
/// ("Walk 2"), or its first word numbered.
pub fn unique_short_label(name: &str, others: &[Habit]) -> String {
    let cut = |text: &str| -> String {
        let fits: String = text.chars().take(MAX_SHORT_CHARS).collect();
        fits.trim_end().to_owned()
    };
    let first = short_label(name);
    let last = name.split_whitespace().last().unwrap_or_default();
    let both = format!(
        "{} {last}",
        first.chars().take(MAX_SHORT_CHARS / 2).collect::<String>()
    );
    let numbered =
        (2..100).map(|n| format!("{} {n}", cut(&first).chars().take(7).collect::<String>()));
    let free = |label: &String| {
        let label = label.to_lowercase();
        !label.is_empty() && !others.iter().any(|other| other.names().any(|n| n == label))
    };
    [first.clone(), cut(name), cut(&both)]
        .into_iter()
        .chain(numbered)
        .find(free)
        .unwrap_or(first)
}

/// The longest short label: the week grid's label column.
pub const MAX_SHORT_CHARS: usize = 10;

/// The first word of a name, cut to ten characters.
pub fn short_label(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .take(MAX_SHORT_CHARS)
        .collect()
}

/// The five gut–bone habits, in the order the checklist shows them, with
/// the targets the articles suggest.
pub fn default_habits() -> Vec<Habit> {
    vec![
        // About a cup (8–12 oz / 250–350 ml) of kefir is one serving.
        Habit::measured("fermented-food", "Fermented food", "serving", 1.0, 1.0).with(
            "Fermented",
            "kefir, live-culture yogurt, sauerkraut, kimchi, miso, tempeh, kombucha",
        ),
        Habit::measured("prebiotic-fiber", "Prebiotic fibre", "serving", 1.0, 3.0).with(
            "Fibre",
            "garlic, onions, leeks, asparagus, bananas, apples, oats, barley",
        ),
        Habit::measured(
            "weight-bearing-exercise",
            "Weight-bearing exercise",
            "min",
            5.0,
            30.0,
        )
        .with(
            "Exercise",
            "walking, stairs, resistance work: anything on your own feet",
        ),
        Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0)
            .with("Sunlight", "time outdoors in daylight, for vitamin D"),
        Habit::measured("stress-break", "Stress break", "break", 1.0, 1.0).with(
            "Stress",
            "a deliberate pause: slow breathing, a short walk, quiet",
        ),
    ]
}
