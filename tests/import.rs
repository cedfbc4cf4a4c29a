//! `gutbone import` on the real binary: Loop's CSV export (zip, folder,
//! Habits.csv), dijo's habit file, and our own export read back, with
//! "today" pinned to Sun 22 Nov 2026.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use common::cli::{fails, ok};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(path)
}

/// Zips the Loop fixture folder the way Loop does: every file deflated,
/// named by its path inside the export.
fn loop_zip(to: &Path) -> PathBuf {
    let zip_path = to.join("Loop Habits CSV 2026-11-22.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let root = fixture("loop");
    let mut files = vec!["Habits.csv".to_owned()];
    for folder in ["001 Kefir", "002 Walk", "003 Meditate"] {
        files.push(format!("{folder}/Scores.csv"));
        files.push(format!("{folder}/Checkmarks.csv"));
    }
    files.extend(["Scores.csv".to_owned(), "Checkmarks.csv".to_owned()]);
    for file in files {
        zip.start_file(file.as_str(), options).unwrap();
        zip.write_all(&fs::read(root.join(&file)).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    zip_path
}

/// Every file under `dir` (but the locks) with its contents: what "nothing
/// changed" is checked against.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_none_or(|ext| ext != "lock") {
                files.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn a_loop_zip_is_merged_by_name_and_map_and_keeps_what_you_logged() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let zip = loop_zip(dir);
    let zip = zip.to_str().unwrap();
    ok(dir, &["skip", "ferm", "--date", "2026-11-21"]);
    let map = ["--map", "Kefir=fermented-food", "--map", "walk=exercise"];

    let before = snapshot(dir);
    let mut args = vec!["import", zip, "--dry-run"];
    args.extend(map);
    let dry = ok(dir, &args);
    assert_eq!(snapshot(dir), before, "a dry run writes nothing");
    insta::assert_snapshot!(dry.replace(zip, "EXPORT.zip"), @r#"
    Importing Loop Habit Tracker export EXPORT.zip
      Kefir → Fermented food: 2 added, 1 conflict
      Walk → Weight-bearing exercise: 2 added
      Meditate: left out (none of your habits is called that; add --map "Meditate=HABIT")
    Conflicts, kept as you had them:
      2026-11-21  Fermented food: yours skipped, the file's done
    Dry run: would add 4 entries and 1 note; nothing was written.
    "#);

    let mut args = vec!["import", zip];
    args.extend(map);
    let done = ok(dir, &args);
    assert!(done.ends_with("Added 4 entries and 1 note.\n"), "{done}");
    insta::assert_snapshot!(ok(dir, &["status", "--date", "2026-11-20"]), @r"
    Fri 20 Nov 2026 · 1/5 done
    [x] Fermented food           1/1 serving     streak 1 (best 1), strength 5%
    [ ] Prebiotic fibre          0/3 servings    streak 0 (best 0), strength 0%
    [~] Weight-bearing exercise  20/30 min       streak 0 (best 0), strength 3%
    [ ] Sunlight                 0/15 min        streak 0 (best 0), strength 0%
    [ ] Stress break             0/1 break       streak 0 (best 0), strength 0%
    ");
    let status = ok(dir, &["status", "--date", "2026-11-21"]);
    assert!(status.contains("[–] Fermented food"), "kept: {status}");
    assert!(
        status.contains("[x] Weight-bearing exercise  45/30 min"),
        "{status}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["export"])).unwrap();
    let day = json["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|day| day["date"] == "2026-11-20")
        .unwrap();
    assert_eq!(day["note"], "Kefir: with oats, at breakfast; Walk: rain");
    assert_eq!(json["days"][0]["date"], "2026-11-19", "the skip came in");
    assert_eq!(json["days"][0]["skipped"][0], "fermented-food");

    let again = ok(dir, &args);
    assert!(
        again.contains("0 added, 2 already there, 1 conflict"),
        "{again}"
    );
    assert!(again.ends_with("Nothing new to add.\n"), "{again}");
}

#[test]
fn the_unpacked_folder_and_its_habits_csv_read_like_the_zip() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let zip = loop_zip(dir);
    let folder = fixture("loop");
    let habits_csv = folder.join("Habits.csv");
    let dry = |file: &Path| {
        let file = file.to_str().unwrap();
        let args = ["import", file, "--dry-run", "--map", "Kefir=ferm"];
        ok(dir, &args).replace(file, "FILE")
    };
    let from_zip = dry(&zip);
    assert!(
        from_zip.contains("would add 3 entries and 1 note"),
        "{from_zip}"
    );
    assert_eq!(dry(&folder), from_zip);
    assert_eq!(dry(&habits_csv), from_zip);
}

#[test]
fn a_dijo_file_is_merged_with_counts_and_floats_as_amounts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = fixture("dijo/habit_record.json");
    let out = ok(
        dir,
        &[
            "import",
            file.to_str().unwrap(),
            "--map",
            "kefir=ferm",
            "--map",
            "walk=exercise",
        ],
    );
    assert!(out.starts_with("Importing dijo habits "), "{out}");
    assert!(out.ends_with("Added 5 entries.\n"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(dir, &["export"])).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&json["days"]).unwrap(), @r#"
    [
      {
        "date": "2026-11-19",
        "done": [
          "fermented-food"
        ]
      },
      {
        "amounts": {
          "sunlight": 10.0
        },
        "date": "2026-11-20"
      },
      {
        "amounts": {
          "sunlight": 20.0,
          "weight-bearing-exercise": 32.5
        },
        "date": "2026-11-21",
        "done": [
          "fermented-food"
        ]
      }
    ]
    "#);
}

#[test]
fn an_export_imports_back_to_the_same_history_as_json_and_ron() {
    let tmp = tempfile::tempdir().unwrap();
    let (from, dir) = (tmp.path().join("from"), tmp.path());
    ok(&from, &["check", "ferm", "fibre", "--date", "2026-11-20"]);
    ok(&from, &["skip", "sun", "--date", "2026-11-20"]);
    ok(
        &from,
        &["check", "exercise", "--amount", "12.5", "--date", "-1"],
    );
    ok(&from, &["check", "stress", "--date", "2025-12-31"]);
    // A note, as a person would write one into an export by hand.
    let with_note = dir.join("note.ron");
    fs::write(
        &with_note,
        r#"(version: 1, habits: [], days: [(date: "2026-11-20", note: "travel, \"tired\"")])"#,
    )
    .unwrap();
    ok(&from, &["import", with_note.to_str().unwrap()]);
    let exported = ok(&from, &["export"]);

    for format in ["json", "ron"] {
        let file = dir.join(format!("history.{format}"));
        ok(
            &from,
            &["export", "--format", format, "-o", file.to_str().unwrap()],
        );
        let to = dir.join(format!("to-{format}"));
        let out = ok(&to, &["import", file.to_str().unwrap()]);
        assert!(out.ends_with("Added 5 entries and 1 note.\n"), "{out}");
        assert_eq!(ok(&to, &["export"]), exported, "{format}");
    }
}

#[test]
fn bad_input_is_explained_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["check", "ferm"]);
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    fs::write(path("latin1.json"), b"[{\"name\": \"caf\xe9\"}]").unwrap();
    fs::write(
        path("broken.json"),
        "{\n  \"version\": 1,\n  \"habits\": [\n}",
    )
    .unwrap();
    fs::write(
        path("yoga.json"),
        r#"[{"type": "Bit", "name": "yoga", "stats": {"2026-11-21": true}, "goal": true}]"#,
    )
    .unwrap();
    fs::write(path("not.zip"), b"PK\x03\x04 and then nothing").unwrap();
    let empty_zip = path("empty.zip");
    zip::ZipWriter::new(fs::File::create(&empty_zip).unwrap())
        .finish()
        .unwrap();
    let bad_row = dir.join("loop");
    fs::create_dir_all(bad_row.join("001 Kefir")).unwrap();
    fs::copy(fixture("loop/Habits.csv"), bad_row.join("Habits.csv")).unwrap();
    fs::write(
        bad_row.join("001 Kefir/Checkmarks.csv"),
        "Date,Value,Notes\n2026-11-21,YES_MANUAL,\n2026-02-30,NO,\n",
    )
    .unwrap();
    let dijo = fixture("dijo/habit_record.json");
    let dijo = dijo.to_str().unwrap();
    let bad_row = bad_row.to_str().unwrap();

    let cases: &[(&[&str], i32, &str)] = &[
        (&["import", &path("missing.json")], 1, "cannot read"),
        (&["import", &path("latin1.json")], 1, "is not UTF-8 text"),
        (
            &["import", &path("broken.json")],
            1,
            "broken.json, line 4, column 1: ",
        ),
        (
            &["import", &path("not.zip")],
            1,
            "is not a zip file Loop wrote",
        ),
        (&["import", &empty_zip], 1, "holds no Habits.csv"),
        (
            &["import", bad_row, "--map", "Kefir=ferm"],
            1,
            "001 Kefir/Checkmarks.csv, line 3: \"2026-02-30\" is not a date",
        ),
        (
            &["import", dijo, "--format", "gutbone"],
            1,
            "habit_record.json, line 1, column 1: Expected opening `(`",
        ),
        (
            &["import", &path("yoga.json")],
            2,
            "none of the file's habits (yoga) is one of yours by name",
        ),
        (
            &["import", dijo, "--map", "kefir"],
            2,
            "write it THEIRS=OURS",
        ),
        (
            &["import", dijo, "--map", "yoga=ferm"],
            2,
            "the file has no habit called \"yoga\"; it has kefir, sunlight, walk",
        ),
        (
            &["import", dijo, "--map", "kefir=kombucha"],
            2,
            "no habit is called \"kombucha\"",
        ),
        (&["import"], 2, "FILE"),
    ];
    let before = snapshot(dir);
    for (args, code, message) in cases {
        let (got, stderr) = fails(dir, args);
        assert_eq!(got, Some(*code), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(snapshot(dir), before, "{args:?} changed something");
    }
}

#[test]
fn a_value_no_day_can_hold_is_listed_and_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("habit_record.json");
    fs::write(
        &file,
        r#"[{"type": "Count", "name": "walk", "stats": {"2026-11-20": 99999999, "2026-11-21": 20}, "goal": 30, "auto": false}]"#,
    )
    .unwrap();
    let report = ok(
        dir,
        &["import", file.to_str().unwrap(), "--map", "walk=exercise"],
    );
    assert!(
        report.contains("Left out, above the most a day holds (10,000)"),
        "{report}"
    );
    assert!(
        report.contains("2026-11-20  Weight-bearing exercise: 99999999"),
        "{report}"
    );
    let json = ok(dir, &["export", "--format", "json"]);
    assert!(!json.contains("2026-11-20"), "nothing for that day: {json}");
    assert!(json.contains("2026-11-21"), "{json}");
}

#[test]
fn a_loop_csv_with_a_quote_never_closed_is_refused_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let export = dir.join("export");
    fs::create_dir_all(export.join("001 Kefir")).unwrap();
    fs::write(
        export.join("Habits.csv"),
        "Position,Name,Type\n001,Kefir,YES_NO\n",
    )
    .unwrap();
    fs::write(
        export.join("001 Kefir/Checkmarks.csv"),
        "Date,Value,Notes\n2026-11-21,YES_MANUAL,\"with oats\n2026-11-20,YES_MANUAL,\n",
    )
    .unwrap();
    let before = snapshot(dir);
    let (code, stderr) = fails(
        dir,
        &["import", export.to_str().unwrap(), "--map", "Kefir=ferm"],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("001 Kefir/Checkmarks.csv, line 2: a quote opens here and is never closed"),
        "{stderr}"
    );
    assert_eq!(snapshot(dir), before, "nothing written");
}

#[test]
fn an_export_brings_back_habits_you_lack_and_csv_reads_back_too() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let from = dir.join("from");
    fs::create_dir_all(&from).unwrap();
    fs::write(
        from.join("habits.ron"),
        r#"(version: 1, habits: [
            (id: "sunlight", name: "Sunlight", kind: Measured, unit: "min", target: 15.0, step: 5.0),
            (id: "cold-shower", name: "Cold shower", short: "Brr", hint: "two minutes", kind: Measured, unit: "min", step: 0.5, target: 2.0, since: "2026-11-20"),
            (id: "walk", name: "Walk", kind: Check, unit: "min", target: 30.0),
            (id: "floss", name: "Floss", kind: Check, archived: true),
        ])"#,
    )
    .unwrap();
    ok(&from, &["check", "cold", "--amount", "1.5", "--date", "-1"]);
    ok(&from, &["check", "sun", "walk"]);
    let habits_before = fs::read_to_string(from.join("habits.ron")).unwrap();
    let exported = ok(&from, &["export"]);
    let file = dir.join("history.json");
    ok(&from, &["export", "-o", file.to_str().unwrap()]);

    // A fresh directory: the habits it lacks are made, settings and all.
    let to = dir.join("to");
    let report = ok(&to, &["import", file.to_str().unwrap()]);
    assert!(
        report.contains("Cold shower: a habit you did not have, added (2 min a day)"),
        "{report}"
    );
    // Into a fresh start the export's habits come as they are, in place of
    // the defaults: the same history back, byte for byte.
    assert_eq!(ok(&to, &["export"]), exported);
    let made = fs::read_to_string(to.join("habits.ron")).unwrap();
    for field in [
        r#"short: "Brr""#,
        r#"hint: "two minutes""#,
        "step: 0.5",
        r#"since: "2026-11-20""#,
        "archived: true",
        "target: 30.0",
    ] {
        assert!(
            made.contains(field),
            "{field} in {made}\n(was {habits_before})"
        );
    }
    // A dry run says it would make them, and makes nothing.
    let dry = dir.join("dry");
    let report = ok(&dry, &["import", "--dry-run", file.to_str().unwrap()]);
    assert!(report.contains("would be added"), "{report}");
    assert!(!dry.join("habits.ron").exists());

    // gutbone's own CSV reads back into the same habits, told apart by itself.
    let csv = dir.join("history.csv");
    ok(
        &from,
        &["export", "--format", "csv", "-o", csv.to_str().unwrap()],
    );
    let again = dir.join("again");
    fs::create_dir_all(&again).unwrap();
    fs::copy(from.join("habits.ron"), again.join("habits.ron")).unwrap();
    let report = ok(&again, &["import", csv.to_str().unwrap()]);
    assert!(
        report.starts_with("Importing gutbone CSV export"),
        "{report}"
    );
    assert_eq!(ok(&again, &["export"]), exported);
    let report = ok(
        &again,
        &["import", "--format", "csv", csv.to_str().unwrap()],
    );
    assert!(report.ends_with("Nothing new to add.\n"), "{report}");
}

#[test]
fn a_fresh_start_takes_an_export_of_twenty_habits_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let from = dir.join("from");
    fs::create_dir_all(&from).unwrap();
    let habits: Vec<String> = (1..=20)
        .map(|i| format!(r#"(id: "h{i}", name: "Habit {i}", short: "H{i}", kind: Check),"#))
        .collect();
    fs::write(
        from.join("habits.ron"),
        format!("(version: 1, habits: [{}])", habits.join("\n")),
    )
    .unwrap();
    ok(&from, &["check", "h20"]);
    let file = dir.join("twenty.json");
    ok(&from, &["export", "-o", file.to_str().unwrap()]);
    let to = dir.join("to");
    ok(&to, &["import", file.to_str().unwrap()]);
    assert_eq!(ok(&to, &["export"]), ok(&from, &["export"]));
    // Into a directory already in use, the limit holds, and says so.
    let used = dir.join("used");
    ok(&used, &["check", "sunlight"]);
    let (code, stderr) = fails(&used, &["import", file.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("at most 20 fit the checklist"), "{stderr}");
}

#[test]
fn create_makes_the_habits_that_match_none_of_yours() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let folder = fixture("loop");
    let folder = folder.to_str().unwrap();
    let args = [
        "import",
        folder,
        "--map",
        "Kefir=ferm",
        "--map",
        "Walk=exercise",
    ];
    let without = ok(dir, &[&args[..], &["--dry-run"]].concat());
    assert!(without.contains("Meditate: left out"), "{without}");
    let with = ok(dir, &[&args[..], &["--create"]].concat());
    assert!(
        with.contains("Meditate: a habit you did not have, added (done or not)"),
        "{with}"
    );
    let list = ok(dir, &["habit", "list"]);
    assert!(list.contains("  6  Meditate"), "{list}");
    let status = ok(dir, &["status", "--date", "2026-11-21", "--json"]);
    let before = ok(dir, &["status", "--date", "2026-11-20", "--json"]);
    assert!(
        !before.contains("meditate"),
        "judged from its first day in the file: {before}"
    );
    let json: serde_json::Value = serde_json::from_str(&status).unwrap();
    let meditate = json["habits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "meditate");
    assert!(meditate.is_some(), "{status}");
}
