//! Tips: which one fits the moment. The tips themselves are content, in
//! `assets/tips.ron`, embedded in the binary; this module only chooses.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer};

use crate::domain::stats::HabitStats;
use crate::domain::{Habit, HabitId, History};
use crate::position::Mistake;

/// Longest tip text, in characters: a tip is read at a glance.
pub const MAX_TIP_CHARS: usize = 200;

/// A source article a tip rests on.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: Text,
    pub file: Text,
}

pub type Text = String;

/// A time of day written `"15:00"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeOfDay(pub NaiveTime);

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        NaiveTime::parse_from_str(&text, "%H:%M")
            .map(TimeOfDay)
            .map_err(|_| {
                serde::de::Error::custom(format!("\"{text}\" is not a time like \"15:00\""))
            })
    }
}

/// When a tip fits. Every condition given must hold; none given, it always fits.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct When {
    /// Only before this time of day.
    pub before: Option<TimeOfDay>,
    /// Only from this time of day on.
    pub after: Option<TimeOfDay>,
    /// Only once all of these are done today.
    pub done: Vec<HabitId>,
    /// Only while each of these is still due today: not done, and on a
    /// schedule that wants it (a habit done for now or off today is not).
    pub not_done: Vec<HabitId>,
    /// Only when the habit has been missed at least this many days running.
    pub missed_days: Option<u32>,
    /// Only when the habit's current streak is at least this long.
    pub streak_at_least: Option<u32>,
}

/// What the coach judges against: today's log at the current time.
#[derive(Clone, Copy, Debug)]
pub struct Moment<'a> {
    pub history: &'a History,
    pub habits: &'a [Habit],
    /// Derived from `history` as of `today`, in the order of `habits`: streaks are
    /// read from here, not walked out of the log on every frame.
    pub stats: &'a [HabitStats],
    pub today: NaiveDate,
    pub time: NaiveTime,
}

impl Moment<'_> {
    pub fn habit(&self, id: &HabitId) -> Option<&Habit> {
        self.habits.iter().find(|habit| habit.id == *id)
    }

    /// One of `habit`'s figures: from `stats`, or derived now when those
    /// were not given; `None` for an unknown habit.
    fn figure<T>(&self, habit: &HabitId, read: impl Fn(&HabitStats) -> T) -> Option<T> {
        let index = self.habits.iter().position(|known| known.id == *habit)?;
        Some(match self.stats.get(index) {
            Some(stats) => read(stats),
            None => read(&HabitStats::new(
                self.history,
                &self.habits[index],
                self.today,
            )),
        })
    }

    pub fn current_streak(&self, habit: &HabitId) -> u32 {
        self.figure(habit, |stats| stats.current_streak)
            .unwrap_or(0)
    }

    /// Done days in the window that ends today.
    pub fn done_in_window(&self, habit: &HabitId) -> u32 {
        self.figure(habit, |stats| stats.done_in_window)
            .unwrap_or(0)
    }

    /// Whether leaving `habit` undone today could cost its streak.
    pub fn is_due(&self, habit: &HabitId) -> bool {
        self.figure(habit, |stats| stats.due).unwrap_or(false)
    }

    /// Whether `habit` is done today; an unknown habit is not.
    pub fn is_done(&self, habit: &HabitId) -> bool {
        self.habit(habit)
            .is_some_and(|habit| self.history.log.is_done(self.today, habit))
    }

    pub fn missed_run(&self, habit: &HabitId) -> u32 {
        self.figure(habit, |stats| stats.missed_run).unwrap_or(0)
    }
}

impl When {
    /// Whether it always fits: no condition given.
    pub fn is_general(&self) -> bool {
        *self == Self::default()
    }

    /// Whether this holds at `moment` for the tip shown for `habit`.
    pub fn holds(&self, moment: &Moment, habit: &HabitId) -> bool {
        let done = |id: &HabitId| moment.is_done(id);
        self.before.is_none_or(|before| moment.time < before.0)
            && self.after.is_none_or(|after| moment.time >= after.0)
            && self.done.iter().all(done)
            && self.not_done.iter().all(|id| moment.is_due(id))
            && self
                .missed_days
                .is_none_or(|days| moment.missed_run(habit) >= days)
            && self
                .streak_at_least
                .is_none_or(|days| moment.current_streak(habit) >= days)
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    pub id: Text,
    pub habits: Vec<HabitId>,
    /// A key of [`Tips::sources`].
    pub source: Text,
    pub text: Text,
    #[serde(default)]
    pub when: When,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Tips {
    version: u32,
    sources: BTreeMap<Text, Article>,
    tips: Vec<Tip>,
}

/// A person's own tips file: the same shape, but `sources` may be left out to
/// use the built-in ones.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserTips {
    version: u32,
    #[serde(default)]
    sources: BTreeMap<Text, Article>,
    tips: Vec<Tip>,
}

/// The tip on show, and where it stands among those that fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownTip<'a> {
    pub tip: &'a Tip,
    pub source: &'a Article,
    /// 1-based position among the fitting tips.
    pub position: usize,
    pub count: usize,
}

impl Tips {
    /// The tips shipped with gutbone: `assets/tips.ron`, embedded in the
    /// binary and read the first time they are wanted.
    pub fn builtin() -> Self {
        static BUILTIN: std::sync::OnceLock<Tips> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                ron::Options::default()
                    .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                    .from_str(include_str!("../../assets/tips.ron"))
                    // A test reads the asset, so a build that ships never fails here.
                    .expect("assets/tips.ron reads")
            })
            .clone()
    }

    /// Adds a person's own tips from `text` (the format of `assets/tips.ron`),
    /// for the habits `habits`. All or nothing: on a mistake none are added,
    /// and the error says where it is.
    pub fn add_user(&mut self, text: &str, habits: &[HabitId]) -> Result<usize, Mistake> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let user: UserTips = options.from_str(text)?;
        let at = |needle: &str, message: String| Mistake::at(text, needle, message);
        if user.version != 1 {
            return Err(at("version", format!("version {} is not 1", user.version)));
        }
        for (n, tip) in user.tips.iter().enumerate() {
            let quoted = format!("\"{}\"", tip.id);
            let clash = self
                .tips
                .iter()
                .chain(&user.tips[..n])
                .any(|other| other.id == tip.id);
            if clash {
                return Err(at(
                    &quoted,
                    format!("another tip is already called {quoted}"),
                ));
            }
            if !self.sources.contains_key(&tip.source) && !user.sources.contains_key(&tip.source) {
                let known: Vec<_> = self
                    .sources
                    .keys()
                    .chain(user.sources.keys())
                    .cloned()
                    .collect();
                return Err(at(
                    &format!("\"{}\"", tip.source),
                    format!(
                        "tip {quoted} names the source \"{}\"; the sources are: {}",
                        tip.source,
                        known.join(", ")
                    ),
                ));
            }
            let named = tip
                .habits
                .iter()
                .chain(&tip.when.done)
                .chain(&tip.when.not_done);
            for habit in named {
                if !habits.contains(habit) {
                    return Err(at(
                        &format!("\"{habit}\""),
                        format!("tip {quoted} names \"{habit}\", which is not a habit"),
                    ));
                }
            }
            let length = tip.text.chars().count();
            if length > MAX_TIP_CHARS {
                return Err(at(
                    &quoted,
                    format!("tip {quoted} is {length} characters; keep it to {MAX_TIP_CHARS}"),
                ));
            }
        }
        let added = user.tips.len();
        self.sources.extend(user.sources);
        self.tips.extend(user.tips);
        Ok(added)
    }

    pub fn all(&self) -> &[Tip] {
        &self.tips
    }

    pub fn source(&self, key: &str) -> Option<&Article> {
        self.sources.get(key)
    }

    /// A tip for `habit` at `moment`. Tips whose conditions hold come first,
    /// the ones written for this moment before the general ones; each group
    /// starts at a different tip each day. The same day and state give the
    /// same tip, so the pane does not flicker; `turn` steps through the rest
    /// (negative: backwards).
    pub fn choose(&self, habit: &HabitId, moment: &Moment, turn: i64) -> Option<ShownTip<'_>> {
        let fitting = |general: bool| {
            let mut group: Vec<&Tip> = self
                .tips
                .iter()
                .filter(|tip| tip.habits.contains(habit) && tip.when.is_general() == general)
                .filter(|tip| tip.when.holds(moment, habit))
                .collect();
            if !group.is_empty() {
                let day = moment
                    .today
                    .num_days_from_ce()
                    .rem_euclid(group.len() as i32);
                group.rotate_left(day as usize);
            }
            group
        };
        let mut order = fitting(false);
        order.extend(fitting(true));
        let count = order.len();
        if count == 0 {
            return None;
        }
        let index = usize::try_from(turn.rem_euclid(i64::try_from(count).ok()?)).ok()?;
        let tip = order[index];
        Some(ShownTip {
            tip,
            source: self.sources.get(&tip.source)?,
            position: index + 1,
            count,
        })
    }
}
