//! Tips: which one fits the moment. The tips themselves are content, in
//! `assets/tips.ron`, embedded in the binary; this module only chooses.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer};

use crate::domain::stats::HabitStats;
use crate::domain::streak::{current_streak, missed_run};
use crate::domain::{Habit, HabitId, Log};
use crate::position::locate;

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
    /// Only while none of these is done today.
    pub not_done: Vec<HabitId>,
    /// Only when the habit has been missed at least this many days running.
    pub missed_days: Option<u32>,
    /// Only when the habit's current streak is at least this long.
    pub streak_at_least: Option<u32>,
}

/// What the coach judges against: today's log at the current time.
#[derive(Clone, Copy, Debug)]
pub struct Moment<'a> {
    pub log: &'a Log,
    pub habits: &'a [Habit],
    /// Derived from `log` as of `today`, in the order of `habits`: streaks are
    /// read from here, not walked out of the log on every frame.
    pub stats: &'a [HabitStats],
    pub today: NaiveDate,
    pub time: NaiveTime,
}

impl Moment<'_> {
    pub fn habit(&self, id: &HabitId) -> Option<&Habit> {
        self.habits.iter().find(|habit| habit.id == *id)
    }

    pub fn current_streak(&self, habit: &HabitId) -> u32 {
        let Some(index) = self.habits.iter().position(|known| known.id == *habit) else {
            return 0;
        };
        self.stats.get(index).map_or_else(
            || current_streak(self.log, &self.habits[index], self.today),
            |stats| stats.current_streak,
        )
    }

    /// Whether `habit` is done today; an unknown habit is not.
    pub fn is_done(&self, habit: &HabitId) -> bool {
        self.habit(habit)
            .is_some_and(|habit| self.log.is_done(self.today, habit))
    }

    pub fn missed_run(&self, habit: &HabitId) -> u32 {
        self.habit(habit)
            .map_or(0, |habit| missed_run(self.log, habit, self.today))
    }
}

impl When {
    fn is_general(&self) -> bool {
        *self == Self::default()
    }

    /// Whether this holds at `moment` for the tip shown for `habit`.
    pub fn holds(&self, moment: &Moment, habit: &HabitId) -> bool {
        let done = |id: &HabitId| moment.is_done(id);
        self.before.is_none_or(|before| moment.time < before.0)
            && self.after.is_none_or(|after| moment.time >= after.0)
            && self.done.iter().all(done)
            && !self.not_done.iter().any(done)
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

/// A mistake in a tips file, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TipsError {
    pub line: usize,
    pub column: usize,
    pub message: String,
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
    pub fn add_user(&mut self, text: &str, habits: &[HabitId]) -> Result<usize, TipsError> {
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let user: UserTips = options.from_str(text).map_err(|err| TipsError {
            line: err.span.start.line,
            column: err.span.start.col,
            message: crate::position::ron_message(&err.code),
        })?;
        let at = |needle: &str, message: String| {
            let (line, column) = locate(text, needle);
            TipsError {
                line,
                column,
                message,
            }
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::default_habits;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn id(s: &str) -> HabitId {
        HabitId::new(s)
    }

    /// A moment to judge against, owning what it borrows.
    struct At {
        log: Log,
        habits: Vec<Habit>,
        stats: Vec<HabitStats>,
        today: NaiveDate,
        time: NaiveTime,
    }

    impl At {
        fn moment(&self) -> Moment<'_> {
            Moment {
                log: &self.log,
                habits: &self.habits,
                stats: &self.stats,
                today: self.today,
                time: self.time,
            }
        }
    }

    fn at(log: &Log, today: &str, time: &str) -> At {
        let habits = default_habits();
        let stats = HabitStats::all(log, &habits, d(today));
        At {
            log: log.clone(),
            habits,
            stats,
            today: d(today),
            time: t(time),
        }
    }

    #[test]
    fn the_built_in_tips_read_with_times_of_day() {
        assert!(
            Tips::builtin()
                .all()
                .iter()
                .any(|tip| tip.when.before.is_some()),
            "times of day are read too"
        );
    }

    #[test]
    fn the_builtin_tips_are_short_sourced_and_cover_every_habit() {
        let tips = Tips::builtin();
        assert!(tips.all().len() >= 25);
        let known: Vec<_> = default_habits().into_iter().map(|h| h.id).collect();
        for tip in tips.all() {
            assert!(
                tip.text.chars().count() <= MAX_TIP_CHARS,
                "{} is too long",
                tip.id
            );
            assert!(tips.source(&tip.source).is_some(), "{}", tip.id);
            let named = tip
                .habits
                .iter()
                .chain(&tip.when.done)
                .chain(&tip.when.not_done);
            for habit in named {
                assert!(known.contains(habit), "{} names {habit}", tip.id);
            }
        }
        for habit in &known {
            let count = tips
                .all()
                .iter()
                .filter(|t| t.habits.contains(habit))
                .count();
            assert!(count >= 4, "{habit} has only {count} tips");
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

    /// Conditions, each judged against a pinned date, time and log.
    #[test]
    fn conditions_hold_only_when_they_should() {
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), id("fermented-food"), true);
        for day in ["2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18"] {
            log.set_done(d(day), id("stress-break"), true);
        }
        let sun = id("sunlight");
        let morning = at(&log, "2026-11-22", "09:30");
        let morning = morning.moment();
        let evening = at(&log, "2026-11-22", "18:00");
        let evening = evening.moment();
        let when = |text: &str| -> When {
            ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                .from_str(text)
                .unwrap()
        };
        let cases: [(&str, &Moment, &HabitId, bool); 14] = [
            ("()", &morning, &sun, true),
            ("(before: \"15:00\")", &morning, &sun, true),
            ("(before: \"15:00\")", &evening, &sun, false),
            ("(after: \"15:00\")", &evening, &sun, true),
            ("(after: \"18:00\")", &evening, &sun, true),
            ("(done: [\"fermented-food\"])", &morning, &sun, true),
            (
                "(done: [\"fermented-food\", \"sunlight\"])",
                &morning,
                &sun,
                false,
            ),
            ("(not_done: [\"sunlight\"])", &morning, &sun, true),
            ("(not_done: [\"fermented-food\"])", &morning, &sun, false),
            // the vitamin D pairing: kefir had, sunlight not yet
            (
                "(done: [\"fermented-food\"], not_done: [\"sunlight\"], before: \"15:00\")",
                &morning,
                &sun,
                true,
            ),
            // stress breaks stopped after the 18th: 19th, 20th, 21st missed
            ("(missed_days: 3)", &morning, &id("stress-break"), true),
            ("(missed_days: 4)", &morning, &id("stress-break"), false),
            (
                "(streak_at_least: 1)",
                &morning,
                &id("fermented-food"),
                true,
            ),
            (
                "(streak_at_least: 2)",
                &morning,
                &id("fermented-food"),
                false,
            ),
        ];
        for (text, moment, habit, expected) in cases {
            assert_eq!(
                when(text).holds(moment, habit),
                expected,
                "{text} for {habit}"
            );
        }
    }

    #[test]
    fn a_fitting_specific_tip_comes_before_the_general_ones() {
        let log = Log::new();
        let tips = Tips::builtin();
        let sun = id("sunlight");
        let morning = at(&log, "2026-11-22", "10:00");
        let morning = morning.moment();
        let first = tips.choose(&sun, &morning, 0).unwrap();
        assert!(!first.tip.when.is_general(), "{}", first.tip.id);
        assert!(first.tip.when.holds(&morning, &sun));
        // In the evening the before-15:00 tips no longer fit.
        let evening = at(&log, "2026-11-22", "20:00");
        let evening = evening.moment();
        let all: Vec<_> = (0..40)
            .filter_map(|turn| tips.choose(&sun, &evening, turn))
            .collect();
        assert!(all.iter().all(|c| c.tip.when.before.is_none()));
    }

    #[test]
    fn the_vitamin_d_pairing_shows_once_kefir_is_had_and_sunlight_is_not() {
        let mut log = Log::new();
        log.set_done(d("2026-11-22"), id("fermented-food"), true);
        let tips = Tips::builtin();
        let moment = at(&log, "2026-11-22", "11:00");
        let moment = moment.moment();
        let ids: Vec<_> = (0..3)
            .filter_map(|turn| tips.choose(&id("sunlight"), &moment, turn))
            .map(|c| c.tip.id.clone())
            .collect();
        assert!(ids.contains(&"kefir-with-daylight".into()), "{ids:?}");
    }

    #[test]
    fn the_same_moment_gives_the_same_tip_and_turns_cycle_both_ways() {
        let log = Log::new();
        let tips = Tips::builtin();
        let sun = id("sunlight");
        let moment = at(&log, "2026-11-22", "20:00");
        let moment = moment.moment();
        assert_eq!(tips.choose(&sun, &moment, 0), tips.choose(&sun, &moment, 0));
        let count = tips.choose(&sun, &moment, 0).unwrap().count;
        let mut seen: Vec<_> = (0..count as i64)
            .map(|turn| tips.choose(&sun, &moment, turn).unwrap().tip.id.clone())
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), count, "each turn shows a different tip");
        assert_eq!(
            tips.choose(&sun, &moment, count as i64),
            tips.choose(&sun, &moment, 0)
        );
        assert_eq!(
            tips.choose(&sun, &moment, -1),
            tips.choose(&sun, &moment, count as i64 - 1)
        );
        assert_eq!(tips.choose(&sun, &moment, -1).unwrap().position, count);
    }

    fn known() -> Vec<HabitId> {
        default_habits().into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn a_persons_own_tips_are_added_and_can_be_chosen() {
        let mut tips = Tips::builtin();
        let before = tips.all().len();
        let text = r#"(
            version: 1,
            sources: { "me": (title: "My physio", file: "") },
            tips: [(id: "physio-squats", habits: ["weight-bearing-exercise"], source: "me",
                    text: "Ten slow squats while the kettle boils.", when: (before: "12:00"))],
        )"#;
        assert_eq!(tips.add_user(text, &known()), Ok(1));
        assert_eq!(tips.all().len(), before + 1);
        let log = Log::new();
        let moment = at(&log, "2026-11-22", "08:00");
        let moment = moment.moment();
        let shown: Vec<_> = (0..3)
            .filter_map(|turn| tips.choose(&id("weight-bearing-exercise"), &moment, turn))
            .map(|c| (c.tip.id.clone(), c.source.title.clone()))
            .collect();
        assert!(
            shown.contains(&("physio-squats".into(), "My physio".into())),
            "{shown:?}"
        );
    }

    #[test]
    fn a_mistake_in_a_persons_tips_is_located_and_nothing_is_added() {
        let cases = [
            (
                "(version: 1,\n tips: [(id: \"a\", habit: [], source: \"kefir\", text: \"x\")])",
                2,
                "habit",
            ),
            (
                "(version: 1, tips: [\n(id: \"a\", habits: [\"juggling\"], source: \"kefir\", text: \"x\")])",
                2,
                "juggling",
            ),
            (
                "(version: 1, tips: [\n(id: \"a\", habits: [], source: \"blog\", text: \"x\")])",
                2,
                "blog",
            ),
            (
                "(version: 1, tips: [\n(id: \"kefir-k2\", habits: [], source: \"kefir\", text: \"x\")])",
                2,
                "already",
            ),
        ];
        for (text, line, needle) in cases {
            let mut tips = Tips::builtin();
            let before = tips.clone();
            let err = tips.add_user(text, &known()).unwrap_err();
            assert_eq!(err.line, line, "{text}: {err:?}");
            assert!(err.message.contains(needle), "{text}: {err:?}");
            assert_eq!(tips, before, "nothing added");
        }
        let long = format!(
            "(version: 1, tips: [(id: \"long\", habits: [], source: \"kefir\", text: \"{}\")])",
            "x".repeat(201)
        );
        assert!(
            Tips::builtin()
                .add_user(&long, &known())
                .unwrap_err()
                .message
                .contains("201")
        );
    }

    #[test]
    fn an_unknown_habit_has_no_tip() {
        let log = Log::new();
        let tips = Tips::builtin();
        assert_eq!(
            tips.choose(
                &id("juggling"),
                &at(&log, "2026-11-22", "10:00").moment(),
                0
            ),
            None
        );
    }
}
