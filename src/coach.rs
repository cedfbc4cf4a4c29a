//! The coach: which tip fits the moment. The tips themselves are content, in
//! `assets/tips.ron`, embedded in the binary; this module only chooses.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::domain::HabitId;

/// A source article a tip rests on.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub file: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    pub id: String,
    pub habits: Vec<HabitId>,
    /// A key of [`Tips::sources`].
    pub source: String,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Tips {
    version: u32,
    sources: BTreeMap<String, Source>,
    tips: Vec<Tip>,
}

impl Tips {
    /// The tips shipped with gutbone. Tests prove the asset parses.
    pub fn builtin() -> Self {
        Self::parse(include_str!("../assets/tips.ron"))
            .expect("assets/tips.ron is checked by tests")
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let tips: Self = ron::from_str(text).map_err(|err| err.to_string())?;
        if tips.version != 1 {
            return Err(format!("tips file version {} is not 1", tips.version));
        }
        if let Some(tip) = tips
            .tips
            .iter()
            .find(|tip| !tips.sources.contains_key(&tip.source))
        {
            return Err(format!(
                "tip {} names unknown source {}",
                tip.id, tip.source
            ));
        }
        Ok(tips)
    }

    pub fn all(&self) -> &[Tip] {
        &self.tips
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.get(key)
    }

    /// A tip for `habit` on `date`. The same day gives the same tip, so the
    /// pane does not flicker; each `turn` moves on to the next one, and the
    /// starting tip changes from day to day.
    pub fn for_habit(
        &self,
        habit: &HabitId,
        date: NaiveDate,
        turn: usize,
    ) -> Option<(&Tip, &Source)> {
        let fitting: Vec<&Tip> = self
            .tips
            .iter()
            .filter(|tip| tip.habits.contains(habit))
            .collect();
        if fitting.is_empty() {
            return None;
        }
        let day = usize::try_from(date.num_days_from_ce().rem_euclid(i32::MAX)).unwrap_or(0);
        let tip = fitting[(day % fitting.len() + turn % fitting.len()) % fitting.len()];
        Some((tip, self.sources.get(&tip.source)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_builtin_tips_are_short_sourced_and_cover_every_habit() {
        let tips = Tips::builtin();
        assert!(tips.all().len() >= 25);
        for tip in tips.all() {
            assert!(tip.text.chars().count() <= 200, "{} is too long", tip.id);
            assert!(tips.source(&tip.source).is_some(), "{}", tip.id);
        }
        for habit in default_habits() {
            let count = tips
                .all()
                .iter()
                .filter(|t| t.habits.contains(&habit.id))
                .count();
            assert!(count >= 4, "{} has only {count} tips", habit.id);
        }
        let known: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
        for tip in tips.all() {
            assert!(tip.habits.iter().all(|h| known.contains(h)), "{}", tip.id);
        }
    }

    #[test]
    fn tip_ids_are_unique() {
        let tips = Tips::builtin();
        let mut ids: Vec<_> = tips.all().iter().map(|t| &t.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), tips.all().len());
    }

    #[test]
    fn no_tip_promises_a_cure() {
        for tip in Tips::builtin().all() {
            let text = tip.text.to_lowercase();
            for word in ["cures", "will cure", "prevents osteoporosis", "guarantee"] {
                assert!(!text.contains(word), "{}: {word}", tip.id);
            }
        }
    }

    #[test]
    fn the_same_day_gives_the_same_tip_and_turns_cycle_through_all() {
        let tips = Tips::builtin();
        let sun = HabitId::new("sunlight");
        let day = d("2026-11-22");
        assert_eq!(tips.for_habit(&sun, day, 0), tips.for_habit(&sun, day, 0));
        let count = tips
            .all()
            .iter()
            .filter(|t| t.habits.contains(&sun))
            .count();
        let mut seen: Vec<_> = (0..count)
            .map(|turn| tips.for_habit(&sun, day, turn).unwrap().0.id.clone())
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), count, "each turn shows a different tip");
        assert_eq!(
            tips.for_habit(&sun, day, count),
            tips.for_habit(&sun, day, 0)
        );
        for (tip, _) in (0..count).filter_map(|turn| tips.for_habit(&sun, day, turn)) {
            assert!(tip.habits.contains(&sun));
        }
    }

    #[test]
    fn a_tip_with_an_unknown_source_is_rejected() {
        let text = r#"(version: 1, sources: {}, tips: [(id: "a", habits: [], source: "nope", text: "x")])"#;
        assert!(Tips::parse(text).unwrap_err().contains("nope"));
    }

    #[test]
    fn an_unknown_habit_has_no_tip() {
        let tips = Tips::builtin();
        assert_eq!(
            tips.for_habit(&HabitId::new("juggling"), d("2026-11-22"), 0),
            None
        );
    }
}
