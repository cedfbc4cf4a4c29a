//! The add/edit habit form: fields, typing and what it keeps.

use gutbone::domain::Habit;
use gutbone::form::*;

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
    assert_eq!(form.focus, Field::Schedule, "no unit, target or step");
    form.next_field(true);
    assert_eq!(form.focus, Field::Name, "wraps after the schedule");
    form.next_field(false);
    assert_eq!(form.focus, Field::Schedule);
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
    let fibre = Habit::measured("fibre", "Fibre", "serving", 1.0, 3.0);
    let mut form = HabitForm::edit(&fibre);
    form.measured = false;
    let message = form.kind_change(&fibre).unwrap();
    assert!(message.contains("3 servings or more"), "{message}");
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

#[test]
fn the_form_takes_a_schedule_and_a_limit() {
    let mut form = HabitForm::new();
    typed(&mut form, "Gym");
    form.schedule = "3/week".into();
    let gym = form.to_habit(None, &[]).unwrap();
    assert_eq!(gym.schedule.to_string(), "3/7");
    form.schedule = "8/7".into();
    let err = form.to_habit(None, &[]).unwrap_err();
    assert!(err.contains("at most 7 times"), "{err}");

    let mut form = HabitForm::new();
    typed(&mut form, "Sugary drinks");
    form.focus = Field::Kind;
    form.type_char(' ');
    form.type_char(' ');
    assert_eq!(form.kind_words(), "a limit (at most)");
    assert_eq!(form.label(Field::Target), "At most");
    (form.unit, form.target) = ("glass".into(), "1".into());
    let soda = form.to_habit(None, &[]).unwrap();
    let measure = soda.measure.as_ref().unwrap();
    assert!(measure.at_most && measure.target == 1.0);
    form.type_char(' ');
    assert_eq!(form.kind_words(), "done or not", "round again");

    let edited = HabitForm::edit(&soda);
    assert!(edited.limit && edited.measured, "editing keeps the kind");
}

#[test]
fn a_change_to_or_from_a_limit_says_what_it_does_to_past_days() {
    let walk = Habit::measured("walk", "Walk", "km", 0.5, 3.0);
    let mut form = HabitForm::edit(&walk);
    form.limit = true;
    assert!(
        form.kind_change(&walk)
            .unwrap()
            .starts_with("A limit from now on")
    );
    let mut soda = Habit::measured("soda", "Soda", "glass", 1.0, 1.0);
    soda.measure.as_mut().unwrap().at_most = true;
    let mut form = HabitForm::edit(&soda);
    form.limit = false;
    assert!(
        form.kind_change(&soda)
            .unwrap()
            .starts_with("A target from now on")
    );
    form.measured = false;
    let said = form.kind_change(&soda).unwrap();
    assert!(said.contains("up to 1 glass counts as kept"), "{said}");
    assert_eq!(
        HabitForm::edit(&soda).kind_change(&soda),
        None,
        "nothing changed"
    );
}
