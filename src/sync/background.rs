//! The app's own syncs (`sync: Auto`): a `gutbone sync` beside it, in a
//! process of its own, so that it holds its own locks, asks nothing on the
//! app's terminal, and finishes its merge even when the app has gone.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// A sync under way.
pub struct Background {
    result: Receiver<std::io::Result<Output>>,
}

impl Background {
    /// Starts `gutbone sync` on `data_dir` (settings from `config_dir`).
    pub fn start(data_dir: &Path, config_dir: &Path) -> Self {
        let mut command =
            Command::new(std::env::current_exe().unwrap_or_else(|_| "gutbone".into()));
        command
            .args(["sync", "--background", "--data-dir"])
            .arg(data_dir)
            .arg("--config-dir")
            .arg(config_dir)
            .stdin(Stdio::null());
        // Its own process group: a terminal closed after the app quits
        // hangs up the app's group, not a sync still finishing.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let (send, result) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(command.output());
        });
        Self { result }
    }

    /// The outcome, if the sync is over: a line for the footer, in `Err`
    /// when it failed.
    pub fn outcome(&self) -> Option<Result<String, String>> {
        self.result.try_recv().ok().map(|output| told(&output))
    }

    /// Waits for the outcome until `deadline`; `None` if it is still running.
    pub fn wait_until(&self, deadline: Instant) -> Option<String> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.result.recv_timeout(left) {
            Ok(output) => Some(told(&output).unwrap_or_else(|failed| failed)),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some("sync ended without a word".into()),
        }
    }
}

/// How often the app looks for a running sync's outcome: only while one runs.
pub const LOOK_EVERY: Duration = Duration::from_millis(100);

/// A sync's outcome in one line.
fn told(output: &std::io::Result<Output>) -> Result<String, String> {
    let output = match output {
        Ok(output) => output,
        Err(err) => return Err(format!("sync could not start: {err}")),
    };
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    if output.status.success() {
        let out = text(&output.stdout);
        // "synced     with …" and "resolved   2 conflicts:" as one line.
        let said = out
            .lines()
            .filter(|line| line.starts_with("synced") || line.starts_with("resolved"))
            .map(|line| {
                let words: Vec<&str> = line.trim_end_matches(':').split_whitespace().collect();
                words.join(" ")
            })
            .collect::<Vec<_>>()
            .join("; ");
        Ok(if said.is_empty() {
            "synced".into()
        } else {
            said
        })
    } else {
        let err = text(&output.stderr);
        let first = err.lines().next().unwrap_or("it failed");
        let first = first.strip_prefix("gutbone: ").unwrap_or(first);
        Err(format!(
            "sync failed: {first} (`gutbone sync status` tells more)"
        ))
    }
}

/// What is said when the app stops waiting for its sync.
const STILL: &str = "still syncing in the background; `gutbone sync status` tells how it went";

/// The app's syncs with `sync: Auto`: one after the first frame, and one
/// on quit when something was saved since the last began.
pub struct AutoSync {
    data_dir: std::path::PathBuf,
    config_dir: std::path::PathBuf,
    running: Option<Background>,
    saved_since: bool,
}

impl AutoSync {
    pub fn new(data_dir: &Path, config_dir: &Path) -> Self {
        Self {
            data_dir: data_dir.to_owned(),
            config_dir: config_dir.to_owned(),
            running: None,
            saved_since: false,
        }
    }

    pub fn start(&mut self) {
        self.running = Some(Background::start(&self.data_dir, &self.config_dir));
        self.saved_since = false;
    }

    /// How long the app may sleep before it looks for the outcome again.
    pub fn look_every(&self) -> Option<Duration> {
        self.running.as_ref().map(|_| LOOK_EVERY)
    }

    /// The running sync's outcome, once it is over.
    pub fn outcome(&mut self) -> Option<Result<String, String>> {
        let said = self.running.as_ref()?.outcome()?;
        self.running = None;
        Some(said)
    }

    /// The app saved a change: the sync on quit sends it.
    pub fn saved(&mut self) {
        self.saved_since = true;
    }

    /// On quit: when something was saved since the last sync began, one
    /// more (it waits for that one: syncs take turns), else the running one
    /// seen out; all `within` the time given. `tell` hears what there is to
    /// say.
    pub fn at_quit(mut self, within: Duration, mut tell: impl FnMut(&str)) {
        let deadline = Instant::now() + within;
        let last = match (self.running.take(), self.saved_since) {
            (_, true) => Background::start(&self.data_dir, &self.config_dir),
            (Some(running), false) => running,
            (None, false) => return,
        };
        tell("syncing…");
        tell(&last.wait_until(deadline).unwrap_or_else(|| STILL.into()));
    }
}
