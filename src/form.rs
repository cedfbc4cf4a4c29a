//! The small form that adds or edits a habit: the text typed into each
//! field, and turning it into a habit or a message saying what is wrong.

use crate::domain::amount::parse_positive;
use crate::domain::habit::{MAX_SHORT_CHARS, Measure, short_label, unique_short_label};
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
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Name,
        Field::Short,
        Field::Kind,
        Field::Unit,
        Field::Target,
        Field::Step,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Short => "Short label",
            Field::Kind => "Kind",
            Field::Unit => "Unit",
            Field::Target => "Daily target",
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
            ..Self::default()
        }
    }

    pub fn edit(habit: &Habit) -> Self {
        let amount = crate::domain::amount::format_amount;
        let mut form = Self {
            editing: Some(habit.id.clone()),
            name: habit.name.clone(),
            short: habit.short.clone(),
            ..Self::new()
        };
        // A done-or-not habit that was measured shows what it had, for the
        // day it is measured again.
        if let Some(measure) = habit.measure.as_ref().or(habit.was_measured.as_ref()) {
            form.measured = habit.measure.is_some();
            form.unit = measure.unit.clone();
            form.target = amount(measure.target);
            form.step = amount(measure.step);
        }
        form
    }

    /// The fields that apply: a done-or-not habit has no unit or target.
    pub fn fields(&self) -> &'static [Field] {
        if self.measured {
            &Field::ALL
        } else {
            &Field::ALL[..3]
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
            // The kind is chosen, not typed: Space flips it.
            Field::Kind => {
                if c == ' ' {
                    self.measured = !self.measured;
                }
                return;
            }
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
            Some(Measure {
                unit: unit.to_owned(),
                target: parse_positive(&self.target, "the daily target")?,
                step: parse_positive(&self.step, "the step")?,
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
        match (&base.measure, self.measured) {
            (Some(measure), false) => Some(format!(
                "Done or not from now on. Past days keep their amounts: {} {} or more \
                 counts as done, less stays partial.",
                crate::domain::amount::format_amount(measure.target),
                measure.unit
            )),
            (None, true) => Some(
                "Measured from now on. Past days ticked done count as the target met; \
                 amounts logged before are held to the new target."
                    .into(),
            ),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(form: &mut HabitForm, text: &str) {
        for c in text.chars() {
            form.type_char(c);
        }
    }

    #[test]
    fn a_new_measured_habit_from_the_form() {
        let mut form = HabitForm::new();
        typed(&mut form, "Cold shower");
        form.next_field(true);
        assert_eq!(form.focus, Field::Short);
        form.next_field(true);
        form.type_char('m');
        assert!(!form.measured, "letters do not flip the kind");
        form.type_char(' ');
        assert!(form.measured);
        form.next_field(true);
        assert_eq!(form.focus, Field::Unit);
        form.unit.clear();
        typed(&mut form, "min");
        form.next_field(true);
        form.target.clear();
        typed(&mut form, "2,5");
        let habit = form.to_habit(None, &[]).unwrap();
        assert_eq!(habit.id.as_str(), "cold-shower");
        assert_eq!(habit.short, "Cold");
        let measure = habit.measure.unwrap();
        assert_eq!(
            (measure.unit.as_str(), measure.target, measure.step),
            ("min", 2.5, 1.0)
        );
    }

    #[test]
    fn tab_skips_the_fields_a_check_habit_does_not_have() {
        let mut form = HabitForm::new();
        form.next_field(true);
        form.next_field(true);
        assert_eq!(form.focus, Field::Kind);
        form.next_field(true);
        assert_eq!(form.focus, Field::Name, "wraps after the kind");
        form.next_field(false);
        assert_eq!(form.focus, Field::Kind);
    }

    #[test]
    fn editing_keeps_the_id_so_history_follows_a_rename() {
        let sun = Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0);
        let mut form = HabitForm::edit(&sun);
        assert_eq!((form.target.as_str(), form.step.as_str()), ("15", "5"));
        form.name = "Daylight outside".into();
        form.target = "20".into();
        let habit = form.to_habit(Some(&sun), &[]).unwrap();
        assert_eq!(habit.id, sun.id);
        assert_eq!(habit.name, "Daylight outside");
        assert_eq!(habit.short, "Daylight");
        assert_eq!(habit.measure.unwrap().target, 20.0);
    }

    #[test]
    fn a_chosen_short_label_survives_a_rename_and_a_made_one_follows_it() {
        let mut sun = Habit::measured("sunlight", "Sunlight", "min", 5.0, 15.0);
        sun.short = "Sun".into();
        let mut form = HabitForm::edit(&sun);
        assert_eq!(form.short, "Sun");
        form.name = "Daylight outside".into();
        assert_eq!(form.to_habit(Some(&sun), &[]).unwrap().short, "Sun");
        form.short = "Day".into();
        assert_eq!(form.to_habit(Some(&sun), &[]).unwrap().short, "Day");
        form.short.clear();
        assert_eq!(form.to_habit(Some(&sun), &[]).unwrap().short, "Daylight");
    }

    #[test]
    fn a_made_short_label_is_one_no_other_habit_answers_to() {
        let walk = Habit::check("morning-walk", "Morning walk");
        let mut form = HabitForm::new();
        form.name = "Morning stretch".into();
        let habit = form.to_habit(None, std::slice::from_ref(&walk)).unwrap();
        assert_eq!(habit.short, "Morning st");
        assert_eq!(form.to_habit(None, &[]).unwrap().short, "Morning");
    }

    #[test]
    fn measured_to_done_or_not_and_back_keeps_the_unit_target_and_step() {
        let walk = Habit::measured("walk", "Walk", "km", 0.5, 3.0);
        let mut form = HabitForm::edit(&walk);
        form.measured = false;
        let message = form.kind_change(&walk).unwrap();
        assert!(message.contains("3 km or more counts as done"), "{message}");
        let check = form.to_habit(Some(&walk), &[]).unwrap();
        assert_eq!(check.measure, None);
        assert_eq!(check.was_measured, walk.measure);
        // Edited again later: the form remembers, and measuring it again
        // brings the same measure back.
        let mut form = HabitForm::edit(&check);
        assert!(!form.measured);
        assert_eq!(form.kind_change(&check), None, "nothing changes yet");
        form.measured = true;
        assert!(
            form.kind_change(&check)
                .unwrap()
                .starts_with("Measured from now on")
        );
        let again = form.to_habit(Some(&check), &[]).unwrap();
        assert_eq!(again.measure, walk.measure);
        assert_eq!(again.was_measured, None);
    }

    #[test]
    fn what_the_form_refuses() {
        let refused = |edit: fn(&mut HabitForm), expected: &str| {
            let mut form = HabitForm::new();
            form.name = "Walk".into();
            form.measured = true;
            edit(&mut form);
            let message = form.to_habit(None, &[]).unwrap_err();
            assert!(message.contains(expected), "{message}");
        };
        refused(|f| f.name = "   ".into(), "needs a name");
        refused(|f| f.name = "!!!".into(), "at least one letter");
        refused(|f| f.unit.clear(), "needs a unit");
        refused(|f| f.target = "0".into(), "more than 0");
        refused(|f| f.target = "-3".into(), "cannot be negative");
        refused(|f| f.target = "abc".into(), "not a number");
        refused(|f| f.target = "NaN".into(), "not a number");
        refused(|f| f.target = "20000".into(), "at most 10,000");
        refused(|f| f.step = "".into(), "type a number");
    }
}
