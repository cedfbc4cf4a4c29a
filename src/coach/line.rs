//! The coach line: one sentence reacting to how today is going. The rules are
//! data (`assets/coach.ron`); this module only finds the first that holds.

use serde::Deserialize;

use super::Moment;
use crate::domain::stats::counted_today;
use crate::domain::{Habit, HabitId};

/// When a rule speaks. All are judged on today.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub enum Trigger {
    /// Nothing logged before today.
    FirstDay,
    /// Every habit done or skipped, at least one done.
    AllDone,
    /// Every habit skipped today: a day set aside.
    RestDay,
    /// Exactly one habit still open today, and it is this one.
    OneLeft(HabitId),
    /// Exactly one habit still open today, whichever it is.
    OneLeftAny,
    /// A habit done today has reached a streak of exactly this many days.
    StreakReached(u32),
    /// A habit due N times in D days lacks just one in the days up to today.
    OneMoreInWindow,
    /// A habit not done today was missed at least this many days running.
    MissedDays(u32),
    /// Nothing done yet today.
    NothingYet,
    Always,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub when: Trigger,
    pub text: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CoachLines {
    pub version: u32,
    /// In order of priority: the first that holds speaks.
    pub rules: Vec<Rule>,
}

impl CoachLines {
    /// The rules shipped with gutbone: `assets/coach.ron`, embedded in the
    /// binary and read the first time they are wanted.
    pub fn builtin() -> Self {
        static BUILTIN: std::sync::OnceLock<CoachLines> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // A test reads the asset, so a build that ships never fails here.
                ron::from_str(include_str!("../../assets/coach.ron"))
                    .expect("assets/coach.ron reads")
            })
            .clone()
    }

    /// The line for today: the first rule that holds, its placeholders filled.
    pub fn line(&self, moment: &Moment) -> Option<String> {
        let (habits, history, today) = (moment.habits, moment.history, moment.today);
        let log = &history.log;
        // Only a habit due today is left to do: one done for now (twice this
        // week, of two a week) or off today is not.
        let open: Vec<&Habit> = (habits.iter())
            .filter(|habit| moment.is_due(&habit.id))
            .collect();
        let count = match moment.stats.len() == habits.len() {
            true => log.count(today, counted_today(habits, moment.stats, log, today)),
            false => log.count(today, habits),
        };
        let reached = |days: u32| {
            habits
                .iter()
                .find(|habit| log.is_done(today, habit) && moment.current_streak(&habit.id) == days)
        };
        let slipping = |days: u32| {
            open.iter()
                .copied()
                .find(|habit| moment.missed_run(&habit.id) >= days)
        };
        for rule in &self.rules {
            // Some(habit it is about) when the rule holds; Some(None) for none in particular.
            let holds: Option<Option<&Habit>> = match &rule.when {
                Trigger::FirstDay => history
                    .first_day()
                    .is_none_or(|first| first >= today)
                    .then_some(None),
                Trigger::AllDone => (open.is_empty() && count.done > 0).then_some(None),
                Trigger::RestDay => count.is_rest_day().then_some(None),
                Trigger::OneLeft(id) => match open.as_slice() {
                    [only] if only.id == *id => Some(Some(*only)),
                    _ => None,
                },
                Trigger::OneLeftAny => match open.as_slice() {
                    [only] => Some(Some(*only)),
                    _ => None,
                },
                Trigger::StreakReached(days) => reached(*days).map(Some),
                Trigger::OneMoreInWindow => open
                    .iter()
                    .find(|habit| {
                        let (times, _) = habit.schedule.window();
                        habit.schedule.window_words().is_some()
                            && moment.done_in_window(&habit.id) + 1 == times
                    })
                    .map(|habit| Some(*habit)),
                Trigger::MissedDays(days) => slipping(*days).map(Some),
                Trigger::NothingYet => (count.done == 0).then_some(None),
                Trigger::Always => Some(None),
            };
            let Some(habit) = holds else { continue };
            let streak = habit.map_or(0, |habit| moment.current_streak(&habit.id));
            let missed = habit.map_or(0, |habit| moment.missed_run(&habit.id));
            return Some(
                rule.text
                    .replace("{habit}", habit.map_or("", |habit| habit.name.as_str()))
                    .replace("{days}", &streak.to_string())
                    .replace("{missed}", &missed.to_string())
                    .replace(
                        "{window}",
                        &habit
                            .and_then(|habit| habit.schedule.window_words())
                            .unwrap_or_default(),
                    )
                    .replace("{done}", &count.done.to_string())
                    .replace("{total}", &count.counted().to_string())
                    .replace("{left}", &open.len().to_string()),
            );
        }
        None
    }
}
