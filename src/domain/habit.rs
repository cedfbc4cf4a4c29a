//! The habits a person tracks.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A habit's stable identifier: written in data files and, later, typed on the
/// command line, so it never changes once shipped (e.g. `fermented-food`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HabitId(String);

impl HabitId {
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HabitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One daily habit, as shown on the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Habit {
    pub id: HabitId,
    /// Full name for the checklist.
    pub name: String,
    /// A short label for narrow places such as the week grid.
    pub short: String,
    /// What counts, in a line.
    pub hint: String,
}

impl Habit {
    fn new(id: &str, name: &str, short: &str, hint: &str) -> Self {
        Self {
            id: HabitId::new(id),
            name: name.into(),
            short: short.into(),
            hint: hint.into(),
        }
    }
}

/// The five gut–bone habits, in the order the checklist shows them.
pub fn default_habits() -> Vec<Habit> {
    vec![
        Habit::new(
            "fermented-food",
            "Fermented food",
            "Fermented",
            "kefir, live-culture yogurt, sauerkraut, kimchi, miso, tempeh, kombucha",
        ),
        Habit::new(
            "prebiotic-fiber",
            "Prebiotic fibre",
            "Fibre",
            "garlic, onions, leeks, asparagus, bananas, apples, oats, barley",
        ),
        Habit::new(
            "weight-bearing-exercise",
            "Weight-bearing exercise",
            "Exercise",
            "walking, stairs, resistance work: anything on your own feet",
        ),
        Habit::new(
            "sunlight",
            "Sunlight",
            "Sunlight",
            "time outdoors in daylight, for vitamin D",
        ),
        Habit::new(
            "stress-break",
            "Stress break",
            "Stress",
            "a deliberate pause: slow breathing, a short walk, quiet",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_ids_are_the_stable_ones_in_checklist_order() {
        let ids: Vec<_> = default_habits().into_iter().map(|h| h.id.0).collect();
        assert_eq!(
            ids,
            [
                "fermented-food",
                "prebiotic-fiber",
                "weight-bearing-exercise",
                "sunlight",
                "stress-break"
            ]
        );
    }
}
