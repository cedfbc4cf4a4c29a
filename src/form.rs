//! The small form that adds or edits a habit: the text typed into each
//! field, and turning it into a habit or a message saying what is wrong.

use crate::domain::amount::parse_positive;
use crate::domain::habit::{MAX_SHORT_CHARS, Measure, short_label, unique_short_label};
use crate::domain::schedule::Schedule;
use crate::domain::{Habit, HabitId};

/// The fields, in the order Tab visits them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Field {
    #[default]
    Name,
    /// The label for narrow places (the week grid); blank: made from the name.
    Short,
    Kind,
    Unit,
    Target,
    Step,
    /// How often it is due: daily, 3/7, mon,wed,fri.
    Schedule,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Short,
        Field::Kind,
        Field::Unit,
        Field::Target,
        Field::Step,
        Field::Schedule,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Short => "Short label",
            Field::Kind => "Kind",
            Field::Schedule => "Schedule",
            Field::Unit => "Unit",
            Field::Target => "Target",
            Field::Step => "Step (+/-)",
        }
    }
}

/// The longest habit name the form takes: it must fit the checklist.
pub const MAX_NAME_CHARS: usize = 40;
const MAX_FIELD_CHARS: usize = 12;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct HabitForm {
    /// The habit being edited; `None` when adding one.
    pub editing: Option<HabitId>,
    pub name: String,
    /// Blank: made from the name.
    pub short: String,
    /// A measured habit (an amount toward a target) rather than done-or-not.
    pub measured: bool,
    /// A measured habit kept at or under its amount (`target` is the limit).
    pub limit: bool,
    /// As a person writes one (see `Schedule::parse`).
    pub schedule: String,
    pub unit: String,
    pub target: String,
    pub step: String,
    pub focus: Field,
    /// What was wrong with the last attempt to keep it.
    pub error: Option<String>,
}

impl HabitForm {
    /// A blank form for a new habit: done-or-not until told otherwise.
    pub fn new() -> Self {
        Self {
            unit: "min".into(),
            target: "1".into(),
            step: "1".into(),
            schedule: "daily".into(),
            ..Self::default()
        }
    }

    pub fn edit(habit: &Habit) -> Self {
        let amount = crate::domain::amount::format_amount;
        let mut form = Self {
            editing: Some(habit.id.clone()),
            name: habit.name.clone(),
            short: habit.short.clone(),
            schedule: habit.schedule.to_string(),
            ..Self::new()
        };
        // A done-or-not habit that was measured shows what it had, for the
        // day it is measured again.
        if let Some(measure) = habit.measure.as_ref().or(habit.was_measured.as_ref()) {
            form.measured = habit.measure.is_some();
            form.limit = measure.at_most;
            form.unit = measure.unit.clone();
            form.target = amount(measure.target);
            form.step = amount(measure.step);
        }
        form
    }

    /// The fields that apply: a done-or-not habit has no unit or target.
    pub fn fields(&self) -> &'static [Field] {
        const DONE_OR_NOT: [Field; 4] = [Field::Name, Field::Short, Field::Kind, Field::Schedule];
        if self.measured {
            &Field::ALL
        } else {
            &DONE_OR_NOT
        }
    }

    /// A field's label: the target of a limit is the most a day may hold.
    pub fn label(&self, field: Field) -> &'static str {
        match field {
            Field::Target if self.limit => "At most",
            field => field.label(),
        }
    }

    /// The kind in words, as the form shows it.
    pub fn kind_words(&self) -> &'static str {
        match (self.measured, self.limit) {
            (false, _) => "done or not",
            (true, false) => "measured",
            (true, true) => "a limit (at most)",
        }
    }

    pub fn next_field(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let len = fields.len();
        self.focus = fields[if forward {
            (at + 1) % len
        } else {
            (at + len - 1) % len
        }];
    }

    pub fn type_char(&mut self, c: char) {
        self.error = None;
        let (text, limit) = match self.focus {
            // The kind is chosen, not typed: Space turns it, done or not,
            // measured, a limit, and round again.
            Field::Kind => {
                if c == ' ' {
                    (self.measured, self.limit) = match (self.measured, self.limit) {
                        (false, _) => (true, false),
                        (true, false) => (true, true),
                        (true, true) => (false, false),
                    };
                }
                return;
            }
            Field::Schedule => (&mut self.schedule, MAX_FIELD_CHARS * 2),
            Field::Name => (&mut self.name, MAX_NAME_CHARS),
            Field::Short => (&mut self.short, MAX_SHORT_CHARS),
            Field::Unit => (&mut self.unit, MAX_FIELD_CHARS),
            Field::Target => (&mut self.target, MAX_FIELD_CHARS),
            Field::Step => (&mut self.step, MAX_FIELD_CHARS),
        };
        if !c.is_control() && text.chars().count() < limit {
            text.push(c);
        }
    }

    pub fn delete_back(&mut self) {
        self.error = None;
        match self.focus {
            Field::Kind => {}
            Field::Schedule => _ = self.schedule.pop(),
            Field::Name => _ = self.name.pop(),
            Field::Short => _ = self.short.pop(),
            Field::Unit => _ = self.unit.pop(),
            Field::Target => _ = self.target.pop(),
            Field::Step => _ = self.step.pop(),
        }
    }

    /// The habit this form describes, built on `base` when editing (which
    /// keeps its id and hint), or a message saying what to fix. `others` are
    /// the rest of the habits: a short label left blank is made from the
    /// name so that it names this habit alone.
    pub fn to_habit(&self, base: Option<&Habit>, others: &[Habit]) -> Result<Habit, String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("a habit needs a name".into());
        }
        let measure = if self.measured {
            let unit = self.unit.trim();
            if unit.is_empty() {
                return Err("a measured habit needs a unit, such as min or serving".into());
            }
            let what = if self.limit {
                "the limit"
            } else {
                "the target"
            };
            Some(Measure {
                unit: unit.to_owned(),
                target: parse_positive(&self.target, what)?,
                step: parse_positive(&self.step, "the step")?,
                at_most: self.limit,
            })
        } else {
            None
        };
        let mut habit = match base {
            Some(base) => base.clone(),
            None => {
                let id = HabitId::from_name(name);
                if id.as_str().is_empty() {
                    return Err("a name needs at least one letter or digit".into());
                }
                Habit::check(id.as_str(), name)
            }
        };
        // A label made from the old name follows a new one; one the person
        // chose stays.
        let made = base.is_some_and(|base| base.short == short_label(&base.name));
        let short = self.short.trim();
        habit.short = if short.is_empty() || made && short == habit.short && habit.name != name {
            unique_short_label(name, others)
        } else {
            short.to_owned()
        };
        habit.name = name.to_owned();
        habit.schedule = Schedule::parse(&self.schedule)?;
        habit.was_measured = match measure {
            Some(_) => None,
            None => habit.measure.take().or(habit.was_measured.take()),
        };
        habit.measure = measure;
        Ok(habit)
    }

    /// What keeping the form would do to the days already logged, when it
    /// changes the habit's kind: said before it is kept.
    pub fn kind_change(&self, base: &Habit) -> Option<String> {
        let amount = |m: &Measure| {
            let amount = crate::domain::amount::format_amount(m.target);
            format!("{amount} {}", m.unit_for(m.target))
        };
        match (&base.measure, self.measured, self.limit) {
            (Some(m), false, _) if m.at_most => Some(format!(
                "Done or not from now on. Past days keep their amounts: up to {} \
                 counts as kept, more as over.",
                amount(m)
            )),
            (Some(m), false, _) => Some(format!(
                "Done or not from now on. Past days keep their amounts: {} or more \
                 counts as done, less stays partial.",
                amount(m)
            )),
            (None, true, false) => Some(
                "Measured from now on. Past days ticked done count as the target met; \
                 amounts logged before are held to the new target."
                    .into(),
            ),
            (Some(m), true, true) if !m.at_most => Some(
                "A limit from now on: past days are kept at or under it, and a day \
                 with nothing logged is kept too."
                    .into(),
            ),
            (None, true, true) => Some(
                "A limit from now on: a day with nothing logged is kept, and past days \
                 ticked done count as at the limit."
                    .into(),
            ),
            (Some(m), true, false) if m.at_most => Some(
                "A target from now on: past days short of it are partial, and a day \
                 with nothing logged is a miss."
                    .into(),
            ),
            _ => None,
        }
    }
}
