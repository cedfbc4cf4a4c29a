//! Sync through git, end to end: two data directories (two machines) and a
//! bare repository on this machine, driven through the real binary. Git's
//! configuration is this test's own: no global or system file is read, and
//! neither machine has an identity (gutbone makes its commits as itself).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::pty::{BIN, Session};
use portable_pty::CommandBuilder;

use tempfile::TempDir;

struct World {
    root: TempDir,
}

/// One machine: its data directory and its config directory, apart.
struct Machine<'a> {
    world: &'a World,
    name: &'static str,
}

impl World {
    fn new() -> Self {
        let world = Self {
            root: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(world.path("home")).unwrap();
        world.git(&["init", "--quiet", "--bare", "remote.git"]);
        world
    }

    /// A clone of the remote by git alone, `third/`, with an identity of
    /// its own in its own repository.
    fn third_clone(&self) {
        let remote = self.remote();
        self.git(&["clone", "--quiet", "--branch", "main", &remote, "third"]);
        self.git(&["-C", "third", "config", "user.name", "Third"]);
        self.git(&["-C", "third", "config", "user.email", "third@example.com"]);
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    fn remote(&self) -> String {
        self.path("remote.git").to_string_lossy().into_owned()
    }

    fn machine(&self, name: &'static str) -> Machine<'_> {
        Machine { world: self, name }
    }

    /// git with nothing of this machine's configuration.
    fn git_command(&self) -> Command {
        let mut git = Command::new("git");
        git.current_dir(self.root.path())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_CONFIG_GLOBAL")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        git
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.git_command().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

impl Machine<'_> {
    fn dir(&self) -> PathBuf {
        self.world.path(self.name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gutbone"))
            .args(args)
            .arg("--data-dir")
            .arg(self.dir())
            .arg("--config-dir")
            .arg(self.world.path(&format!("{}-config", self.name)))
            .env("GUTBONE_NOW", "2026-12-07T09:00:00")
            .env("NO_COLOR", "1")
            .env("HOME", self.world.path("home"))
            .env("XDG_CONFIG_HOME", self.world.path("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("USER", self.name)
            .env_remove("GIT_CONFIG_GLOBAL")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .unwrap()
    }

    /// Standard output of a command that must succeed.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{} {args:?}: {}",
            self.name,
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    /// Standard error of a command that must fail with exit code 1.
    fn fails(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(1), "{} {args:?}", self.name);
        text(&output.stderr)
    }

    fn git(&self, args: &[&str]) -> String {
        let dir = self.dir().to_string_lossy().into_owned();
        let mut all = vec!["-C", &dir];
        all.extend(args);
        self.world.git(&all)
    }

    fn export(&self) -> String {
        self.ok(&["export", "--format", "ron", "--to", "2026-12-07"])
    }

    fn habits(&self) -> String {
        self.ok(&["habit", "list", "--all"])
    }

    /// Files in the data directory, as they are now.
    fn files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = Vec::new();
        let mut dirs = vec![self.dir()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.file_name().is_some_and(|name| name == ".git") {
                    continue;
                }
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }
}

/// Both machines hold one history: the same export and habits, `doctor`
/// finds nothing, and git has nothing uncommitted.
fn assert_one_history(a: &Machine, b: &Machine) {
    assert_eq!(a.export(), b.export());
    assert_eq!(a.habits(), b.habits());
    for machine in [a, b] {
        machine.ok(&["doctor"]);
        let status = machine.git(&["status", "--porcelain", "--untracked-files=all"]);
        assert_eq!(status, "", "{}: {status}", machine.name);
        assert!(!machine.dir().join(".git/MERGE_HEAD").exists());
    }
}

/// Two machines, each with days of its own, synced both ways.
fn two_machines(world: &World) -> (Machine<'_>, Machine<'_>) {
    let (a, b) = (world.machine("laptop"), world.machine("desktop"));
    a.ok(&["check", "sunlight", "--date", "2026-12-05"]);
    a.ok(&["check", "fermented-food", "--date", "2026-12-06"]);
    a.ok(&["sync", "init", &world.remote()]);
    b.ok(&["check", "exercise", "--date", "2026-12-06"]);
    b.ok(&["skip", "sunlight", "--date", "2026-12-04"]);
    b.ok(&["sync", "init", &world.remote()]);
    a.ok(&["sync"]);
    (a, b)
}

#[test]
fn a_first_sync_both_ways_keeps_both_machines_days() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    assert_one_history(&a, &b);
    let export = a.export();
    for day in ["2026-12-04", "2026-12-05", "2026-12-06"] {
        assert!(export.contains(day), "{day}: {export}");
    }
    let status = b.ok(&["status", "--date", "2026-12-06"]);
    assert!(status.contains("[x] Fermented food"), "{status}");
    assert!(status.contains("[x] Weight-bearing exercise"), "{status}");
    // No identity anywhere: gutbone commits as itself, naming the machine.
    let authors = a.git(&["log", "--format=%an <%ae>"]);
    assert!(
        authors.lines().all(|line| line.starts_with("gutbone <")),
        "{authors}"
    );
    // The first commit of each machine names its days and its list of habits.
    let subjects = a.git(&["log", "--format=%s"]);
    assert!(
        subjects
            .contains(": 2026-12-04, 2026-12-06 (sunlight, weight-bearing-exercise); the habits"),
        "{subjects}"
    );
    assert!(
        authors.contains("<laptop@") && authors.contains("<desktop@"),
        "{authors}"
    );
    // The files kept on one machine only stay out of git.
    let tracked = a.git(&["ls-files"]);
    assert!(
        !tracked.contains("lock") && !tracked.contains("cache/"),
        "{tracked}"
    );
    assert!(tracked.contains("log/2026/12.ron") && tracked.contains("habits.ron"));
}

#[test]
fn edits_to_different_days_and_an_untick_reach_the_other_machine() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    a.ok(&["uncheck", "exercise", "--date", "2026-12-06"]);
    a.ok(&["check", "stress", "--date", "2026-12-07"]);
    b.ok(&["check", "fibre", "--date", "2026-12-03"]);
    let said = b.ok(&["sync"]);
    assert!(said.contains("2026-12-03 (prebiotic-fiber)"), "{said}");
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    let day = b.ok(&["status", "--date", "2026-12-06"]);
    assert!(
        day.contains("[ ] Weight-bearing exercise"),
        "the untick travels: {day}"
    );
    assert!(
        b.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Stress break")
    );
    assert!(
        a.ok(&["status", "--date", "2026-12-03"])
            .contains("[x] Prebiotic fibre")
    );
}

#[test]
fn the_same_entry_changed_on_both_keeps_the_larger_and_says_so() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    a.ok(&[
        "check",
        "sunlight",
        "--amount",
        "30",
        "--date",
        "2026-12-07",
    ]);
    b.ok(&[
        "check",
        "sunlight",
        "--amount",
        "10",
        "--date",
        "2026-12-07",
    ]);
    a.ok(&["sync"]);
    let said = b.ok(&["sync"]);
    assert!(said.contains("resolved   1 conflict"), "{said}");
    assert!(
        said.contains("2026-12-07 sunlight: 10 here, 30 there; kept 30"),
        "{said}"
    );
    a.ok(&["sync"]);
    assert_one_history(&a, &b);
    assert!(a.export().contains("\"sunlight\": 30.0"));
    let status = b.ok(&["sync", "status"]);
    assert!(status.contains("conflicts resolved last time"), "{status}");
    assert!(status.contains("kept 30"), "{status}");
}

#[test]
fn a_habit_added_on_one_side_and_renamed_on_the_other_are_both_kept() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    a.ok(&["habit", "add", "Gym", "--frequency", "3/7"]);
    b.ok(&["habit", "edit", "sunlight", "--name", "Daylight"]);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    assert_one_history(&a, &b);
    let habits = a.habits();
    assert!(
        habits.contains("Gym") && habits.contains("Daylight"),
        "{habits}"
    );
}

#[test]
fn a_push_raced_by_a_third_clone_is_merged_again_and_sent() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    world.third_clone();
    let month = world.path("third/log/2026/11.ron");
    std::fs::create_dir_all(month.parent().unwrap()).unwrap();
    std::fs::write(
        &month,
        "(version: 3, year: 2026, month: 11, days: {\"2026-11-30\": (done: [\"stress-break\"])})\n",
    )
    .unwrap();
    world.git(&["-C", "third", "add", "--all"]);
    world.git(&["-C", "third", "commit", "--quiet", "-m", "third"]);
    // It pushes after the laptop has fetched, just before the laptop pushes.
    let third = world.path("third");
    let hook = a.dir().join(".git/hooks/pre-push");
    std::fs::write(
        &hook,
        format!(
            "#!/bin/sh\nunset $(git rev-parse --local-env-vars)\n\
             [ -e '{raced}' ] && exit 0\ntouch '{raced}'\n\
             git -C '{third}' push --quiet origin HEAD:main\n",
            raced = world.path("raced").display(),
            third = third.display()
        ),
    )
    .unwrap();
    make_executable(&hook);
    a.ok(&["check", "sunlight", "--date", "2026-12-07"]);
    let said = a.ok(&["sync"]);
    assert!(world.path("raced").exists(), "the race ran");
    assert!(
        said.contains("the remote moved meanwhile; tried 2 times"),
        "{said}"
    );
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    assert!(b.export().contains("2026-11-30"));
    assert!(b.export().contains("\"2026-12-07\""));
}

/// Starts a sync of `machine` against a server that never answers, kills
/// it while it waits (as a machine turned off would), and puts the remote
/// back; returns what `sync status` said while it ran.
fn cut_a_sync_short(world: &World, machine: &Machine) -> String {
    let remote = machine.git(&["remote", "get-url", "origin"]);
    // A server that takes the connection and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let _held: Vec<_> = listener.incoming().take(4).collect();
        std::thread::sleep(std::time::Duration::from_secs(60));
    });
    machine.git(&[
        "remote",
        "set-url",
        "origin",
        &format!("git://127.0.0.1:{port}/x.git"),
    ]);
    let mut syncing = Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .args(["sync", "--data-dir"])
        .arg(machine.dir())
        .arg("--config-dir")
        .arg(world.path(&format!("{}-config", machine.name)))
        .env("HOME", world.path("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GUTBONE_NOW", "2026-12-07T09:00:00")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        let status = machine.ok(&["sync", "status"]);
        if status.contains("under way") || started.elapsed().as_secs() > 20 {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    syncing.kill().unwrap();
    syncing.wait().unwrap();
    machine.git(&["remote", "set-url", "origin", remote.trim()]);
    status
}

/// The checklist of `machine` in a pseudo-terminal, through `sh`, which
/// says how it exited; `args` after the directories.
fn app_of(world: &World, machine: &Machine, args: &[&str]) -> CommandBuilder {
    let mut app = CommandBuilder::new("sh");
    app.arg("-c");
    app.arg(format!(
        "'{BIN}' --data-dir '{}' --config-dir '{}' {}; echo \"exit=$?\"",
        machine.dir().display(),
        world.path(&format!("{}-config", machine.name)).display(),
        args.join(" ")
    ));
    for (key, value) in [
        ("HOME", world.path("home")),
        ("XDG_CONFIG_HOME", world.path("home")),
    ] {
        app.env(key, value);
    }
    app.env("GIT_CONFIG_NOSYSTEM", "1");
    app.env("USER", machine.name);
    app.env("GUTBONE_NOW", "2026-12-07T09:00:00");
    app.env("TERM", "xterm-256color");
    app.env("LANG", "C.UTF-8");
    app.env_remove("GIT_CONFIG_GLOBAL");
    app
}

/// An empty file, as a git stopped a minute ago left it.
fn left_a_minute_ago(path: &Path) {
    std::fs::write(path, "").unwrap();
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(then).unwrap();
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_remote_that_disappears_leaves_the_data_untouched_until_it_comes_back() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    b.ok(&["check", "fibre", "--date", "2026-12-07"]);
    b.ok(&["sync"]);
    a.ok(&["check", "stress", "--date", "2026-12-07"]);
    std::fs::rename(world.path("remote.git"), world.path("away.git")).unwrap();
    let before = a.files();
    let said = a.fails(&["sync"]);
    // git's own message, its telling line first.
    assert!(
        said.contains("fetching from origin failed: fatal: '"),
        "{said}"
    );
    assert!(
        said.contains("remote.git' does not appear to be a git repository"),
        "{said}"
    );
    assert_eq!(a.files(), before, "the data directory is as it was");
    assert!(!a.dir().join(".git/MERGE_HEAD").exists());
    let status = a.ok(&["sync", "status"]);
    assert!(
        status.contains(
            "failed:
  fetching from origin failed: fatal:"
        ),
        "{status}"
    );
    assert!(
        status.contains("does not appear to be a git repository"),
        "{status}"
    );
    std::fs::rename(world.path("away.git"), world.path("remote.git")).unwrap();
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    assert!(
        a.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Prebiotic fibre")
    );
}

#[test]
fn a_side_that_does_not_parse_stops_the_merge_and_nothing_is_written() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    // A broken hand edit reaches the remote from outside gutbone.
    world.third_clone();
    let month = world.path("third/log/2026/12.ron");
    let text = std::fs::read_to_string(&month).unwrap();
    std::fs::write(
        &month,
        text.replace(
            "days: {",
            "days: {\n        \"2026-12-07\": (done: [\"sunlight\"]\n",
        ),
    )
    .unwrap();
    world.git(&["-C", "third", "commit", "--quiet", "-am", "broken"]);
    world.git(&["-C", "third", "push", "--quiet", "origin", "HEAD:main"]);
    a.ok(&["check", "sunlight", "--date", "2026-12-07"]);
    let before = a.files();
    let said = a.fails(&["sync"]);
    assert!(
        said.contains("log/2026/12.ron (the other side's)"),
        "{said}"
    );
    assert!(said.contains("line "), "{said}");
    assert_eq!(a.files(), before);
    assert!(!a.dir().join(".git/MERGE_HEAD").exists());
    // A broken file of this machine's own is not sent either.
    let mine = a.dir().join("habits.ron");
    std::fs::write(&mine, "(version: 2, habits: [").unwrap();
    let said = a.fails(&["sync"]);
    assert!(
        said.contains("cannot read habits.ron\n  line 1, column"),
        "{said}"
    );
    assert!(
        said.contains("checkout -- habits.ron`; then sync again"),
        "{said}"
    );
    assert!(!a.git(&["log", "-1", "--format=%s"]).contains("habits"));
}

#[test]
fn sync_before_init_says_how_to_begin() {
    let world = World::new();
    let a = world.machine("laptop");
    a.ok(&["check", "sunlight"]);
    let said = a.fails(&["sync"]);
    assert!(
        said.contains("run `gutbone sync init REMOTE` first"),
        "{said}"
    );
    let said = a.fails(&["sync", "status"]);
    assert!(said.contains("not set up for sync"), "{said}");
}

#[test]
fn the_sync_flag_sends_a_command_line_change_on() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    let output = a.run(&["check", "stress", "--date", "2026-12-07", "--sync"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("Stress break: done"));
    assert!(
        text(&output.stderr).contains("1 sent"),
        "{}",
        text(&output.stderr)
    );
    b.ok(&["sync"]);
    assert!(
        b.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Stress break")
    );
}

#[test]
fn a_file_sync_tools_conflict_copy_is_listed_and_folded_in_by_repair() {
    let world = World::new();
    let a = world.machine("laptop");
    a.ok(&["check", "sunlight", "--date", "2026-12-05"]);
    a.ok(&["check", "fibre", "--date", "2026-12-06"]);
    let month = a.dir().join("log/2026/12.ron");
    assert!(month.exists());
    // The other machine, through Syncthing: fibre not done on the 6th but
    // exercise, stress on the 7th, and more sunlight on the 5th.
    let theirs = "(version: 3, year: 2026, month: 12, days: {
        \"2026-12-05\": (amounts: {\"sunlight\": 40.0}),
        \"2026-12-06\": (amounts: {\"weight-bearing-exercise\": 30.0}),
        \"2026-12-07\": (done: [\"stress-break\"], note: \"train\"),
    })";
    let copy = a
        .dir()
        .join("log/2026/12.sync-conflict-20261207-080000-ABCDEFG.ron");
    std::fs::write(&copy, theirs).unwrap();
    let habits_copy = a
        .dir()
        .join("habits (desktop's conflicted copy 2026-12-07).ron");
    let habits = std::fs::read_to_string(a.dir().join("habits.ron")).unwrap();
    std::fs::write(
        &habits_copy,
        habits.replace("name: \"Sunlight\"", "name: \"Daylight\""),
    )
    .unwrap();

    let output = a.run(&["doctor"]);
    let said = text_of(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("copy     log/2026/12.sync-conflict-20261207-080000-ABCDEFG.ron: a file-sync tool's conflict copy of log/2026/12.ron"), "{said}");
    assert!(said.contains("conflict copy of habits.ron"), "{said}");
    assert!(said.contains("2 conflict copies are not read"), "{said}");

    let said = a.ok(&["doctor", "--repair"]);
    assert!(
        said.contains(
            "folded   log/2026/12.sync-conflict-20261207-080000-ABCDEFG.ron into log/2026/12.ron"
        ),
        "{said}"
    );
    assert!(
        said.contains("2026-12-05 sunlight: 15 here, 40 there; kept 40"),
        "{said}"
    );
    assert!(said.contains("All 2 files read."), "{said}");
    assert!(!copy.exists() && !habits_copy.exists());
    assert!(
        a.dir()
            .join("backups/conflict-copies/log/2026/12.sync-conflict-20261207-080000-ABCDEFG.ron")
            .exists()
    );
    a.ok(&["doctor"]);
    // With no ancestor, every day either held is kept: the un-ticked fibre too.
    let day = a.ok(&["status", "--date", "2026-12-06"]);
    assert!(
        day.contains("[x] Prebiotic fibre") && day.contains("[x] Weight-bearing exercise"),
        "{day}"
    );
    assert!(
        a.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Stress break")
    );
    assert!(a.habits().contains("Daylight"));
}

fn text_of(bytes: &[u8]) -> String {
    text(bytes)
}

#[test]
fn with_auto_the_app_syncs_after_its_first_frame_and_on_quit() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["check", "stress", "--date", "2026-12-07", "--sync"]);
    let config = world.path("laptop-config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("settings.ron"), "(sync: Auto)\n").unwrap();
    let mut app = Session::spawn(app_of(&world, &a, &[]));
    // The desktop's stress break arrives without a key pressed.
    let screen = app.wait_for("synced with");
    assert!(screen.contains("1 commit taken, 0 sent"), "{screen}");
    app.wait_for("1/5 today");
    app.send(" ");
    app.wait_for("2/5 today");
    app.send("q");
    let screen = app.wait_for("exit=");
    assert!(screen.contains("gutbone: syncing…"), "{screen}");
    assert!(screen.contains("gutbone: synced with"), "{screen}");
    assert!(screen.contains("1 sent"), "{screen}");
    assert!(screen.contains("exit=0"), "{screen}");
    app.wait_exit();
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    assert!(
        b.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Fermented food")
    );
}

#[test]
fn init_adopts_a_repository_and_commits_as_its_owner() {
    let world = World::new();
    let a = world.machine("laptop");
    a.ok(&["check", "sunlight", "--date", "2026-12-06"]);
    // The person already keeps the folder in git, as themselves.
    a.git(&["init", "--quiet"]);
    a.git(&["config", "user.name", "Sam"]);
    a.git(&["config", "user.email", "sam@example.com"]);
    a.git(&["add", "--all"]);
    a.git(&["commit", "--quiet", "-m", "my own commit"]);
    a.ok(&["check", "fibre", "--date", "2026-12-07"]);
    a.ok(&["sync", "init", &world.remote()]);
    let log = a.git(&["log", "--format=%an <%ae> %s"]);
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(lines[0].starts_with("Sam <sam@example.com> "), "{log}");
    assert!(lines[0].contains("2026-12-07 (prebiotic-fiber)"), "{log}");
    assert_eq!(lines[1], "Sam <sam@example.com> my own commit");
    // The lock files it had committed leave git, not the folder.
    let tracked = a.git(&["ls-files"]);
    assert!(!tracked.contains("lock"), "{tracked}");
    assert!(a.dir().join("gutbone.write.lock").exists());
    let b = world.machine("desktop");
    b.ok(&["sync", "init", &world.remote()]);
    assert_eq!(a.export(), b.export());
}

#[test]
fn the_app_mentions_conflict_copies_at_start() {
    let world = World::new();
    let a = world.machine("laptop");
    a.ok(&["check", "sunlight"]);
    let copy = a.dir().join("log/2026/12 (conflicted copy).ron");
    std::fs::copy(a.dir().join("log/2026/12.ron"), copy).unwrap();
    let mut app = CommandBuilder::new(BIN);
    app.arg("--data-dir");
    app.arg(a.dir());
    common::pty::isolate(&mut app, &a.dir());
    app.env("GUTBONE_NOW", "2026-12-07T09:00:00");
    let mut app = Session::spawn(app);
    let screen = app.wait_for("1 conflict copy");
    assert!(screen.contains("doctor --repair"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_password_in_the_remotes_address_is_never_shown() {
    use gutbone::sync::shown_url;
    assert_eq!(
        shown_url("https://me:token@example.org/me/habits.git"),
        "https://example.org/me/habits.git"
    );
    assert_eq!(
        shown_url("git@example.org:me/habits.git"),
        "git@example.org:me/habits.git"
    );
    assert_eq!(
        shown_url("ssh://git@example.org/me/habits.git"),
        "ssh://example.org/me/habits.git"
    );
    assert_eq!(shown_url("/media/usb/habits.git"), "/media/usb/habits.git");
}

#[test]
fn a_month_removed_or_set_aside_by_a_repair_is_never_synced_as_a_loss() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    let month = a.dir().join("log/2026/12.ron");
    let text = std::fs::read(&month).unwrap();
    std::fs::remove_file(&month).unwrap();
    let said = a.fails(&["sync"]);
    assert!(
        said.contains("log/2026/12.ron was synced before and is gone"),
        "{said}"
    );
    assert!(said.contains("checkout -- log/2026/12.ron"), "{said}");
    // A repair that set the month aside: its days may be in that file only.
    std::fs::write(&month, &text).unwrap();
    std::fs::write(a.dir().join("log/2026/12.ron.broken-20261207-090000"), "(").unwrap();
    let said = a.fails(&["sync"]);
    assert!(
        said.contains("set log/2026/12.ron.broken-20261207-090000 aside"),
        "{said}"
    );
    std::fs::remove_file(a.dir().join("log/2026/12.ron.broken-20261207-090000")).unwrap();
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
}

#[test]
fn only_gutbones_own_files_are_synced() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    for stray in [
        "private-notes.txt",
        "log/2026/12.ron.orig",
        "log/2026/.12.ron.swp",
        "log/2026/12.ron~",
    ] {
        std::fs::write(a.dir().join(stray), "mine").unwrap();
    }
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    let tracked = a.git(&["ls-files"]);
    let tracked: Vec<&str> = tracked.lines().collect();
    assert_eq!(
        tracked,
        [
            ".gitattributes",
            ".gitignore",
            "habits.ron",
            "log/2026/12.ron"
        ]
    );
    assert!(!b.dir().join("private-notes.txt").exists());
}

#[test]
fn an_init_with_a_remote_that_fails_keeps_the_one_that_worked() {
    let world = World::new();
    let (a, _b) = two_machines(&world);
    let nowhere = world.path("nowhere.git");
    a.fails(&["sync", "init", &nowhere.to_string_lossy()]);
    assert_eq!(
        a.git(&["remote", "get-url", "origin"]).trim(),
        world.remote()
    );
    a.ok(&["sync"]);
    // A remote that works replaces it, and says so.
    world.git(&["clone", "--quiet", "--bare", &world.remote(), "moved.git"]);
    let moved = world.path("moved.git").to_string_lossy().into_owned();
    let said = a.ok(&["sync", "init", &moved]);
    assert!(
        said.contains(&format!("remote     {moved} (was {})", world.remote())),
        "{said}"
    );
}

#[test]
fn a_note_alone_is_named_in_the_commit_and_copies_are_mentioned() {
    let world = World::new();
    let (a, _b) = two_machines(&world);
    let month = a.dir().join("log/2026/12.ron");
    let text = std::fs::read_to_string(&month).unwrap();
    let noted = text.replace("\"2026-12-06\": (", "\"2026-12-06\": (note: \"rain\", ");
    assert_ne!(noted, text);
    std::fs::write(&month, noted).unwrap();
    std::fs::write(a.dir().join("habits (conflicted copy).ron"), "(").unwrap();
    let said = a.ok(&["sync"]);
    assert!(said.contains(": 2026-12-06 (note)"), "{said}");
    assert!(
        said.contains("note       1 conflict copy from a file-sync tool"),
        "{said}"
    );
}

#[test]
fn a_month_removed_with_git_on_one_side_and_changed_on_the_other_keeps_the_changes() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    // Removed outside gutbone, with git itself, and sent.
    a.git(&["rm", "--quiet", "log/2026/12.ron"]);
    a.git(&[
        "-c",
        "user.name=Sam",
        "-c",
        "user.email=sam@example.com",
        "commit",
        "--quiet",
        "-m",
        "gone",
    ]);
    a.git(&["push", "--quiet", "origin", "HEAD:main"]);
    b.ok(&["check", "stress", "--date", "2026-12-07"]);
    let said = b.ok(&["sync"]);
    assert!(
        said.contains("log/2026/12.ron: removed on one machine, changed on the other; kept"),
        "{said}"
    );
    a.ok(&["sync"]);
    assert_one_history(&a, &b);
    let day = a.ok(&["status", "--date", "2026-12-07"]);
    assert!(day.contains("[x] Stress break"), "{day}");
    assert!(a.export().contains("2026-12-05"));
}

#[test]
fn years_of_history_go_in_one_first_commit_naming_their_months() {
    let world = World::new();
    let a = world.machine("laptop");
    a.ok(&["generate-history", "--years", "3"]);
    let said = a.ok(&["sync", "init", &world.remote()]);
    assert!(said.contains(" days, 20"), "{said}");
    let body = a.git(&["log", "-1", "--format=%b"]);
    assert!(body.starts_with("Months: 20"), "{body}");
    assert!(body.contains("2026-12"), "{body}");
    let b = world.machine("desktop");
    b.ok(&["sync", "init", &world.remote()]);
    assert_one_history(&a, &b);
}

#[test]
fn a_remote_holding_other_files_is_refused_and_left_alone() {
    let world = World::new();
    // Someone's dotfiles, pushed to the remote first.
    world.git(&["init", "--quiet", "dotfiles"]);
    std::fs::write(world.path("dotfiles/.bashrc"), "alias ll='ls -l'\n").unwrap();
    world.git(&["-C", "dotfiles", "add", "--all"]);
    let who = ["-c", "user.name=Sam", "-c", "user.email=sam@example.com"];
    world.git(
        &[
            &["-C", "dotfiles"][..],
            &who,
            &["commit", "--quiet", "-m", "rc"],
        ]
        .concat(),
    );
    let remote = world.remote();
    world.git(&["-C", "dotfiles", "push", "--quiet", &remote, "HEAD:main"]);
    let a = world.machine("laptop");
    a.ok(&["check", "sunlight"]);
    let said = a.fails(&["sync", "init", &remote]);
    assert!(
        said.contains("origin holds .bashrc, which is not one of gutbone's files"),
        "{said}"
    );
    assert!(!a.dir().join(".bashrc").exists());
    let pushed = world.git(&[
        "--git-dir",
        "remote.git",
        "ls-tree",
        "-r",
        "--name-only",
        "main",
    ]);
    assert_eq!(pushed.trim(), ".bashrc");
}

#[test]
fn hooks_signing_and_a_parent_gits_variables_stay_out_of_a_sync() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    // A hook that refuses every commit, and signing with no key: a sync's
    // commits and merges run neither.
    for hook in ["pre-commit", "commit-msg", "pre-merge-commit"] {
        let path = a.dir().join(".git/hooks").join(hook);
        std::fs::write(&path, "#!/bin/sh\nexit 1\n").unwrap();
        make_executable(&path);
    }
    a.git(&["config", "commit.gpgSign", "true"]);
    a.git(&["config", "merge.ff", "only"]);
    // Run from another repository's hook: its variables point elsewhere.
    world.git(&["init", "--quiet", "elsewhere"]);
    b.ok(&["check", "stress", "--date", "2026-12-07", "--sync"]);
    a.ok(&["check", "fibre", "--date", "2026-12-07"]);
    let output = Command::new(env!("CARGO_BIN_EXE_gutbone"))
        .args(["sync", "--data-dir"])
        .arg(a.dir())
        .args(["--config-dir"])
        .arg(world.path("laptop-config"))
        .env("HOME", world.path("home"))
        .env("XDG_CONFIG_HOME", world.path("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_DIR", world.path("elsewhere/.git"))
        .env("GIT_INDEX_FILE", world.path("elsewhere/.git/index"))
        .env("GUTBONE_NOW", "2026-12-07T09:00:00")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    assert!(
        b.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Prebiotic fibre")
    );
    assert_eq!(world.git(&["-C", "elsewhere", "status", "--porcelain"]), "");
}

#[test]
fn a_gitignore_line_that_leaves_out_a_month_is_refused() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    let ignore = a.dir().join(".gitignore");
    let mut text = std::fs::read_to_string(&ignore).unwrap();
    text.push_str("log/2026/12.ron\n");
    std::fs::write(&ignore, text).unwrap();
    let said = a.fails(&["sync"]);
    assert!(
        said.contains(
            "log/2026/12.ron is one of gutbone's files, and a line of a .gitignore leaves it out"
        ),
        "{said}"
    );
    assert!(a.git(&["ls-files"]).contains("log/2026/12.ron"));
}

#[test]
fn a_sync_killed_while_git_rewrote_the_files_is_picked_up_and_no_day_is_lost() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    let before = a.export();
    // As a killed merge leaves it: the mark, a month gone (git removes a
    // file before it writes it again), and a lock of git's own.
    let git_dir = a.dir().join(".git");
    std::fs::write(git_dir.join("gutbone-rewriting"), "").unwrap();
    std::fs::remove_file(a.dir().join("log/2026/12.ron")).unwrap();
    let lock = git_dir.join("index.lock");
    left_a_minute_ago(&lock);
    // A tick meanwhile is refused rather than making the month afresh.
    a.fails(&["check", "stress", "--date", "2026-12-07"]);
    let said = a.ok(&["sync"]);
    assert!(
        said.contains("recovered  cleared the lock a stopped git command left"),
        "{said}"
    );
    assert!(
        said.contains("recovered  a sync was cut short while git rewrote the files: 1 made whole"),
        "{said}"
    );
    assert!(!git_dir.join("gutbone-rewriting").exists() && !lock.exists());
    a.ok(&["check", "stress", "--date", "2026-12-07", "--sync"]);
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    let after = a.export();
    for day in ["2026-12-04", "2026-12-05", "2026-12-06"] {
        assert!(
            before.contains(day) && after.contains(day),
            "{day}: {after}"
        );
    }
    assert!(
        b.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Stress break")
    );
}

#[test]
fn a_sync_under_way_and_one_cut_short_are_told_by_status() {
    let world = World::new();
    let (a, _b) = two_machines(&world);
    let status = cut_a_sync_short(&world, &a);
    assert!(
        status.contains("last sync:  under way now (process"),
        "{status}"
    );

    let status = a.ok(&["sync", "status"]);
    assert!(!status.contains("under way"), "{status}");
    assert!(status.contains("failed:\n  it was cut short"), "{status}");
}

#[test]
fn a_synced_file_that_is_gone_is_never_written_afresh() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    let month = a.dir().join("log/2026/12.ron");
    std::fs::remove_file(&month).unwrap();
    // A tick would make the month afresh with only itself: refused.
    let said = a.fails(&["check", "stress", "--date", "2026-12-07"]);
    assert!(
        said.contains("log/2026/12.ron was synced and is gone"),
        "{said}"
    );
    assert!(said.contains("checkout -- log/2026/12.ron"), "{said}");
    assert!(!month.exists());
    let habits = a.dir().join("habits.ron");
    std::fs::remove_file(&habits).unwrap();
    let said = a.fails(&["habit", "add", "Zeta"]);
    assert!(said.contains("habits.ron was synced and is gone"), "{said}");
    assert!(!habits.exists());
    let doctor = text(&a.run(&["doctor"]).stdout);
    assert!(
        doctor.contains("GONE     habits.ron: synced before, and not here"),
        "{doctor}"
    );
    // The sync says which is gone first, not what it makes of the rest.
    let said = a.fails(&["sync"]);
    assert!(said.contains("was synced before and is gone"), "{said}");
    a.git(&["checkout", "--", "habits.ron", "log/2026/12.ron"]);
    a.ok(&["check", "stress", "--date", "2026-12-07", "--sync"]);
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
    assert!(b.export().contains("2026-12-05"));
}

#[test]
fn stale_git_locks_are_cleared_and_a_month_thirteen_is_not_synced() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    // Locks of the person's own git are theirs: only after a sync cut short
    // are old ones the stopped git's.
    left_a_minute_ago(&a.dir().join(".git/index.lock"));
    let said = a.fails(&["sync"]);
    assert!(said.contains("index.lock"), "{said}");
    std::fs::remove_file(a.dir().join(".git/index.lock")).unwrap();
    cut_a_sync_short(&world, &a);
    for lock in ["HEAD.lock", "refs/heads/main.lock", "index.lock"] {
        left_a_minute_ago(&a.dir().join(".git").join(lock));
    }
    std::fs::write(a.dir().join("log/2026/13.ron"), "z").unwrap();
    a.ok(&["check", "stress", "--date", "2026-12-07"]);
    let said = a.ok(&["sync"]);
    assert!(
        said.contains("recovered  cleared the locks a stopped git command left"),
        "{said}"
    );
    b.ok(&["sync"]);
    assert!(!b.dir().join("log/2026/13.ron").exists());
    assert!(!a.git(&["ls-files"]).contains("13.ron"));
}

#[test]
fn a_first_init_that_fails_leaves_no_remote_to_sync_with() {
    let world = World::new();
    let a = world.machine("laptop");
    a.ok(&["check", "sunlight"]);
    let nowhere = world.path("nowhere.git").to_string_lossy().into_owned();
    a.fails(&["sync", "init", &nowhere]);
    let said = a.fails(&["sync"]);
    assert!(
        said.contains("run `gutbone sync init REMOTE` first"),
        "{said}"
    );
    a.ok(&["sync", "init", &world.remote()]);
}

#[test]
fn a_merge_of_the_persons_own_under_way_is_refused_not_abandoned() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["check", "stress", "--date", "2026-12-07", "--sync"]);
    a.ok(&["check", "fibre", "--date", "2026-12-07", "--sync"]);
    b.ok(&["check", "sunlight", "--date", "2026-12-07", "--sync"]);
    a.git(&["fetch", "--quiet", "origin"]);
    let who = ["-c", "user.name=Sam", "-c", "user.email=sam@example.com"];
    a.git(
        &[
            &who[..],
            &["merge", "--quiet", "--no-commit", "--no-ff", "origin/main"],
        ]
        .concat(),
    );
    let said = a.fails(&["sync"]);
    assert!(said.contains("git is in the middle of a merge"), "{said}");
    assert!(a.dir().join(".git/MERGE_HEAD").exists());
    a.git(&["merge", "--abort"]);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    assert_one_history(&a, &b);
}

#[test]
fn the_sync_flag_on_the_checklist_syncs_when_it_closes() {
    let world = World::new();
    let (a, b) = two_machines(&world);
    b.ok(&["sync"]);
    let mut app = Session::spawn(app_of(&world, &a, &["--sync"]));
    app.wait_for("0/5 today");
    app.send(" ");
    app.wait_for("1/5 today");
    app.send("q");
    let screen = app.wait_for("exit=");
    assert!(screen.contains("1 sent"), "{screen}");
    assert!(screen.contains("exit=0"), "{screen}");
    app.wait_exit();
    b.ok(&["sync"]);
    assert!(
        b.ok(&["status", "--date", "2026-12-07"])
            .contains("[x] Fermented food")
    );
}
