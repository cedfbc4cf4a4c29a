//! The merge of two histories grown from one (sync) or from none (a
//! file-sync tool's conflict copy): per day and habit, per habit and field.

mod common;

use chrono::{Days, NaiveDate};
use common::{d, id};
use gutbone::domain::merge::{Conflict, merge_habits, merge_logs};
use gutbone::domain::schedule::Schedule;
use gutbone::domain::{Entry, Habit, Log, default_habits};
use proptest::prelude::*;

const HABITS: [&str; 3] = ["kefir", "walk", "sun"];

fn entry() -> impl Strategy<Value = Option<Entry>> {
    prop_oneof![
        Just(None),
        Just(Some(Entry::Done)),
        Just(Some(Entry::Skipped)),
        (1u32..5).prop_map(|n| Some(Entry::Amount(f64::from(n) * 2.5))),
    ]
}

fn note() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        1 => Just(Some("knee sore".to_owned())),
        1 => Just(Some("travel".to_owned())),
    ]
}

/// A few days of three habits: each cell an entry or none, a note or none.
type Cells = Vec<(Vec<Option<Entry>>, Option<String>)>;

fn cells() -> impl Strategy<Value = Cells> {
    proptest::collection::vec((proptest::collection::vec(entry(), 3), note()), 4)
}

fn first() -> NaiveDate {
    d("2026-12-30")
}

fn log_of(cells: &Cells) -> Log {
    let mut log = Log::new();
    for (back, (entries, note)) in cells.iter().enumerate() {
        let date = first() + Days::new(back as u64);
        for (habit, entry) in HABITS.iter().zip(entries) {
            log.set_entry(date, id(habit), *entry);
        }
        log.set_note(date, note.as_deref());
    }
    log
}

/// A side grown from `base`: each cell changed or not, as `change` says.
fn grown(base: &Cells, change: &[(bool, Option<Entry>, Option<String>)]) -> Cells {
    let mut side = base.clone();
    for (at, (changed, entry, note)) in change.iter().enumerate() {
        let (day, habit) = (at / 4 % 4, at % 3);
        if *changed {
            side[day].0[habit] = *entry;
            if at % 4 == 0 {
                side[day].1.clone_from(note);
            }
        }
    }
    side
}

fn changes() -> impl Strategy<Value = Vec<(bool, Option<Entry>, Option<String>)>> {
    proptest::collection::vec((any::<bool>(), entry(), note()), 16)
}

fn each_cell() -> impl Iterator<Item = (NaiveDate, &'static str)> {
    (0..4u64).flat_map(|back| HABITS.map(|habit| (first() + Days::new(back), habit)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_change_on_one_side_wins_over_no_change_on_the_other(
        base in cells(), ours in changes(), theirs in changes(),
    ) {
        let [b, o, t] = [base.clone(), grown(&base, &ours), grown(&base, &theirs)].map(|c| log_of(&c));
        let (merged, conflicts) = merge_logs(&b, &o, &t);
        for (date, habit) in each_cell() {
            let [eb, eo, et, em] = [&b, &o, &t, &merged].map(|log| log.entry(date, id(habit)));
            if et == eb {
                prop_assert_eq!(em, eo, "{} {}", date, habit);
            } else if eo == eb {
                prop_assert_eq!(em, et, "{} {}", date, habit);
            } else if eo != et {
                // Both changed it: one of the two is kept, and told.
                prop_assert!(em == eo || em == et);
                prop_assert!(eo.is_none() || et.is_none() || em.is_some());
                let told = conflicts.iter().any(|c| matches!(c,
                    Conflict::Entry { date: at, habit: h, .. } if *at == date && h.as_str() == habit));
                prop_assert!(told, "{} {}", date, habit);
            }
        }
    }

    #[test]
    fn merging_is_the_same_from_either_machine(
        base in cells(), ours in changes(), theirs in changes(),
    ) {
        let [b, o, t] = [base.clone(), grown(&base, &ours), grown(&base, &theirs)].map(|c| log_of(&c));
        let (here, here_told) = merge_logs(&b, &o, &t);
        let (there, there_told) = merge_logs(&b, &t, &o);
        prop_assert_eq!(here, there);
        prop_assert_eq!(here_told.len(), there_told.len());
    }

    #[test]
    fn merging_a_side_with_itself_changes_nothing(base in cells(), ours in changes()) {
        let [b, o] = [base.clone(), grown(&base, &ours)].map(|c| log_of(&c));
        prop_assert_eq!(merge_logs(&b, &o, &o), (o.clone(), vec![]));
        prop_assert_eq!(merge_logs(&o, &o, &o), (o.clone(), vec![]));
        prop_assert_eq!(merge_logs(&b, &o, &b), (o, vec![]));
    }

    #[test]
    fn with_no_ancestor_every_day_either_side_logged_is_kept(a in cells(), b in cells()) {
        let [a, b] = [a, b].map(|c| log_of(&c));
        let (merged, _) = merge_logs(&Log::new(), &a, &b);
        for (date, habit) in each_cell() {
            let [ea, eb, em] = [&a, &b, &merged].map(|log| log.entry(date, id(habit)));
            if ea.is_some() || eb.is_some() {
                prop_assert!(em.is_some(), "{} {}", date, habit);
            }
            prop_assert!(em == ea || em == eb);
        }
    }
}

#[test]
fn an_untick_on_one_side_reaches_the_other() {
    let mut base = Log::new();
    base.set_done(d("2026-12-01"), id("walk"), true);
    let ours = Log::new();
    let (merged, conflicts) = merge_logs(&base, &ours, &base);
    assert_eq!(merged.entry(d("2026-12-01"), id("walk")), None);
    assert!(conflicts.is_empty());
}

#[test]
fn the_larger_amount_wins_and_done_beats_skipped() {
    let day = d("2026-12-01");
    let mut base = Log::new();
    base.set_entry(day, id("sun"), Some(Entry::Amount(5.0)));
    base.set_entry(day, id("walk"), Some(Entry::Done));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.set_entry(day, id("sun"), Some(Entry::Amount(20.0)));
    theirs.set_entry(day, id("sun"), Some(Entry::Amount(10.0)));
    ours.set_entry(day, id("walk"), Some(Entry::Skipped));
    theirs.set_entry(day, id("walk"), None);
    ours.set_entry(day, id("kefir"), Some(Entry::Skipped));
    theirs.set_entry(day, id("kefir"), Some(Entry::Done));
    let (merged, conflicts) = merge_logs(&base, &ours, &theirs);
    assert_eq!(merged.entry(day, id("sun")), Some(Entry::Amount(20.0)));
    assert_eq!(merged.entry(day, id("walk")), Some(Entry::Skipped));
    assert_eq!(merged.entry(day, id("kefir")), Some(Entry::Done));
    let told: Vec<String> = conflicts.iter().map(ToString::to_string).collect();
    assert_eq!(
        told,
        [
            "2026-12-01 kefir: skipped here, done there; kept done",
            "2026-12-01 sun: 20 here, 10 there; kept 20",
            "2026-12-01 walk: skipped here, not done there; kept skipped",
        ]
    );
}

#[test]
fn two_notes_are_both_kept_and_one_that_holds_the_other_is_enough() {
    let day = d("2026-12-01");
    let mut ours = Log::new();
    let mut theirs = Log::new();
    ours.set_note(day, Some("travel"));
    theirs.set_note(day, Some("knee sore"));
    let (merged, conflicts) = merge_logs(&Log::new(), &ours, &theirs);
    assert_eq!(merged.note(day), Some("knee sore · travel"));
    assert_eq!(conflicts, [Conflict::Note { date: day }]);
    theirs.set_note(day, Some("travel, then rain"));
    let (merged, _) = merge_logs(&Log::new(), &ours, &theirs);
    assert_eq!(merged.note(day), Some("travel, then rain"));
}

fn names(habits: &[Habit]) -> Vec<(&str, &str)> {
    habits
        .iter()
        .map(|h| (h.id.as_str(), h.name.as_str()))
        .collect()
}

#[test]
fn a_habit_added_on_one_side_and_one_renamed_on_the_other_are_both_taken() {
    let base = default_habits();
    let mut ours = base.clone();
    ours.push(Habit::check("gym", "Gym"));
    let mut theirs = base.clone();
    theirs[0].name = "Kefir or kimchi".into();
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert_eq!(merged.len(), base.len() + 1);
    assert_eq!(merged[0].name, "Kefir or kimchi");
    assert_eq!(names(&merged).last(), Some(&("gym", "Gym")));
    // The same from the other machine.
    let (there, _) = merge_habits(&base, &theirs, &ours);
    assert_eq!(there, merged);
}

#[test]
fn a_field_changed_on_both_sides_keeps_this_machines_value_and_says_so() {
    let base = default_habits();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours[1].name = "Fibre".into();
    theirs[1].name = "Fiber".into();
    theirs[1].schedule = Schedule::parse("3/7").unwrap();
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    assert_eq!(merged[1].name, "Fibre");
    assert_eq!(merged[1].schedule.to_string(), "3/7");
    assert_eq!(
        conflicts,
        [Conflict::Field {
            habit: base[1].id.clone(),
            field: "name"
        }]
    );
}

#[test]
fn an_order_changed_on_one_side_is_taken_with_the_others_new_habits_in_place() {
    let base = default_habits();
    let mut ours = base.clone();
    ours.insert(2, Habit::check("gym", "Gym"));
    let mut theirs = base.clone();
    theirs.swap(0, 1);
    let (merged, _) = merge_habits(&base, &ours, &theirs);
    let ids: Vec<&str> = merged.iter().map(|h| h.id.as_str()).collect();
    let mut expected: Vec<&str> = theirs.iter().map(|h| h.id.as_str()).collect();
    // Gym follows fibre, as it does where it was added.
    expected.insert(1, "gym");
    assert_eq!(ids, expected);
}

#[test]
fn two_habits_of_one_name_added_apart_are_both_kept() {
    let base = default_habits();
    let mut ours = base.clone();
    ours.push(Habit::check("gym", "Gym"));
    let mut theirs = base.clone();
    theirs.push(Habit::check("gym-class", "Gym"));
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    assert_eq!(
        &names(&merged)[base.len()..],
        [("gym", "Gym"), ("gym-class", "Gym (gym-class)")]
    );
    assert!(matches!(&conflicts[..], [Conflict::Renamed { .. }]));
    gutbone::domain::habit::check_habits(&merged).unwrap();
}

#[test]
fn a_habit_removed_by_hand_on_one_side_is_kept_archived() {
    // Days logged for it may still name it: removing it would leave a
    // month the app cannot read.
    let mut base = default_habits();
    base.push(Habit::check("gym", "Gym"));
    let ours = default_habits();
    let (merged, conflicts) = merge_habits(&base, &ours, &base);
    assert!(merged.iter().any(|h| h.id.as_str() == "gym" && h.archived));
    assert_eq!(conflicts, [Conflict::Removed { habit: id("gym") }]);
}

#[test]
fn how_a_habit_is_measured_and_how_often_it_is_due_merge_as_one() {
    // A limit here, three times a week there: never both, which no habit can be.
    let base = default_habits();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours[2].measure.as_mut().unwrap().at_most = true;
    theirs[2].schedule = Schedule::parse("3/7").unwrap();
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    gutbone::domain::habit::check_habits(&merged).unwrap();
    assert_eq!(merged[2], ours[2]);
    assert_eq!(conflicts.len(), 1);
}

#[test]
fn a_name_clash_merged_in_a_file_reads_back() {
    use gutbone::store::merge::{DataFile, Sides, merge_file};
    let base = default_habits();
    let mut ours = base.clone();
    ours.push(Habit::check("juice", "Juice"));
    let mut theirs = base.clone();
    theirs[4].name = "Juice".into();
    theirs[4].short = "Juice".into();
    let text = |habits: &[Habit]| {
        gutbone::store::render_habits(habits, std::path::Path::new("habits.ron")).unwrap()
    };
    let [b, o, t] = [text(&base), text(&ours), text(&theirs)];
    let sides = Sides::of_merge("habits.ron", &b, &o, &t);
    let (merged, conflicts) = merge_file(
        DataFile::Habits,
        std::path::Path::new("habits.ron"),
        &sides,
        &[],
    )
    .unwrap();
    assert_eq!(conflicts.len(), 1);
    let read = gutbone::store::parse_habits(&merged, std::path::Path::new("habits.ron")).unwrap();
    gutbone::domain::habit::check_names(&read).unwrap();
}

#[test]
fn merging_habits_with_themselves_changes_nothing() {
    let base = default_habits();
    let mut ours = base.clone();
    ours.push(Habit::check("gym", "Gym"));
    ours[0].archived = true;
    assert_eq!(merge_habits(&base, &ours, &ours), (ours.clone(), vec![]));
    assert_eq!(merge_habits(&[], &ours, &ours), (ours.clone(), vec![]));
}

fn habit_list() -> impl Strategy<Value = Vec<Habit>> {
    // Each default habit renamed, archived or left; a habit added or not.
    (
        proptest::collection::vec((0u8..4, any::<bool>()), 5),
        proptest::option::of(0u8..3),
    )
        .prop_map(|(changes, added)| {
            let mut habits = default_habits();
            for (habit, (change, archived)) in habits.iter_mut().zip(changes) {
                match change {
                    1 => habit.name = format!("{} (a)", habit.name),
                    2 => habit.name = format!("{} (b)", habit.name),
                    _ => {}
                }
                habit.archived = archived && change == 3;
            }
            if let Some(added) = added {
                habits.push(Habit::check(
                    &format!("new-{added}"),
                    &format!("New {added}"),
                ));
            }
            habits
        })
        .prop_filter("one habit on the checklist", |habits| {
            habits.iter().any(|habit| !habit.archived)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn habits_merged_keep_every_change_made_on_one_side(
        ours in habit_list(), theirs in habit_list(),
    ) {
        let base = default_habits();
        let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
        gutbone::domain::habit::check_habits(&merged).unwrap();
        for habit in ours.iter().chain(&theirs) {
            prop_assert!(merged.iter().any(|m| m.id == habit.id), "{} kept", habit.id);
        }
        for (at, b) in base.iter().enumerate() {
            let m = merged.iter().find(|m| m.id == b.id).unwrap();
            let (o, t) = (&ours[at], &theirs[at]);
            if t.name == b.name {
                prop_assert_eq!(&m.name, &o.name);
            } else if o.name == b.name {
                prop_assert_eq!(&m.name, &t.name);
            } else {
                // Both changed it: this machine's stays, and is told.
                prop_assert_eq!(&m.name, &o.name);
                let told = conflicts.iter().any(|c| matches!(c,
                    Conflict::Field { habit, field: "name" } if *habit == b.id));
                prop_assert!(o.name == t.name || told, "{}", b.id);
            }
        }
        // From the other machine, the same habits, differing only where told.
        let (there, _) = merge_habits(&base, &theirs, &ours);
        prop_assert_eq!(merged.len(), there.len());
        prop_assert_eq!(merge_habits(&base, &ours, &ours), (ours.clone(), vec![]));
    }
}

#[test]
fn a_rename_there_onto_a_name_added_here_renames_the_one_from_there() {
    let base = default_habits();
    let mut ours = base.clone();
    ours.push(Habit::check("juice", "Juice"));
    let mut theirs = base.clone();
    theirs[4].name = "Juice".into();
    theirs[4].short = "Juice".into();
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    gutbone::domain::habit::check_names(&merged).unwrap();
    let stress = &base[4].id;
    assert_eq!(
        conflicts,
        [Conflict::Renamed {
            habit: stress.clone(),
            name: format!("Juice ({stress})")
        }]
    );
    // The other machine, taking this merge, agrees.
    let (there, _) = merge_habits(&theirs, &theirs, &merged);
    assert_eq!(there, merged);
}

#[test]
fn more_habits_than_fit_leaves_the_other_sides_archived() {
    let base = default_habits();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for n in 0..8 {
        ours.push(Habit::check(&format!("a-{n}"), &format!("A{n}")));
        theirs.push(Habit::check(&format!("b-{n}"), &format!("B{n}")));
    }
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    gutbone::domain::habit::check_habits(&merged).unwrap();
    let archived: Vec<&str> = merged
        .iter()
        .filter(|h| h.archived)
        .map(|h| h.id.as_str())
        .collect();
    // 5 + 8 + 8 is one more than fit: the last the other side added.
    assert_eq!(archived, ["b-7"]);
    assert_eq!(conflicts.len(), 1);
    assert!(
        conflicts[0]
            .to_string()
            .contains("archived (its history is kept)")
    );
}

#[test]
fn the_order_changed_on_both_sides_keeps_this_machines_and_says_so() {
    let base = default_habits();
    let mut ours = base.clone();
    ours.swap(0, 3);
    let mut theirs = base.clone();
    theirs.swap(1, 3);
    let (merged, conflicts) = merge_habits(&base, &ours, &theirs);
    assert_eq!(merged, ours);
    assert_eq!(conflicts, [Conflict::Order]);
}

#[test]
fn two_notes_grown_from_one_keep_it_once_with_both_additions() {
    let day = d("2026-12-05");
    let mut base = Log::new();
    base.set_note(day, Some("walked with A"));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.set_note(day, Some("walked with A · happy"));
    theirs.set_note(day, Some("walked with A, tired"));
    let (merged, _) = merge_logs(&base, &ours, &theirs);
    assert_eq!(merged.note(day), Some("walked with A · happy · tired"));
    let (there, _) = merge_logs(&base, &theirs, &ours);
    assert_eq!(there.note(day), merged.note(day));
}
