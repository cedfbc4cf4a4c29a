//! Running git in the data directory: its output when it succeeds, its own
//! message when it does not.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::SyncError;

/// The variables git sets for the repository it runs in.
const LOCAL_ENV: [&str; 16] = [
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_OBJECT_DIRECTORY",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_INTERNAL_SUPER_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR",
];

/// What commands that write the repository run with while the write lock
/// is held: no hook and no signing, which could ask on the terminal or
/// wait; and git's merge as gutbone needs it, whatever the person set.
pub const LOCAL: [&str; 10] = [
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "commit.gpgSign=false",
    "-c",
    "merge.ff=true",
    "-c",
    "merge.verifySignatures=false",
    "-c",
    "pull.rebase=false",
];

/// git, run in one repository.
pub struct Git {
    dir: PathBuf,
    /// `-c` settings for every command: the identity, when the person has
    /// none of their own.
    config: Vec<String>,
    /// Environment for every command.
    env: Vec<(String, String)>,
}

impl Git {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            config: Vec::new(),
            env: Vec::new(),
        }
    }

    /// Adds `name=value` to every command's configuration.
    pub fn with_config(&mut self, name: &str, value: &str) {
        self.config.push(format!("{name}={value}"));
    }

    /// Sets an environment variable for every command.
    pub fn with_env(&mut self, name: &str, value: &str) {
        self.env.push((name.to_owned(), value.to_owned()));
    }

    fn command<S: AsRef<OsStr>>(&self, args: &[S]) -> Command {
        let mut command = Command::new("git");
        // Run from a git hook (or `rebase -x`), these would point every
        // command at another repository (`git rev-parse --local-env-vars`).
        for name in LOCAL_ENV {
            command.env_remove(name);
        }
        command.arg("-C").arg(&self.dir);
        for config in &self.config {
            command.arg("-c").arg(config);
        }
        command
            .args(args)
            // Nothing to type into: a question would wait forever, and the
            // terminal may be the app's.
            .stdin(Stdio::null())
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        command
    }

    /// git's output, whatever its exit status.
    pub fn output<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<Output, SyncError> {
        self.command(args).output().map_err(SyncError::NoGit)
    }

    /// git's standard output, trimmed; a failure says `what` was tried,
    /// with git's own message.
    pub fn run<S: AsRef<OsStr>>(&self, what: &str, args: &[S]) -> Result<String, SyncError> {
        let output = self.output(args)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
        } else {
            Err(SyncError::Git {
                what: what.to_owned(),
                message: message(&output),
            })
        }
    }

    /// `run`, for a command that writes the repository (see [`LOCAL`]).
    pub fn run_local(&self, what: &str, args: &[&str]) -> Result<String, SyncError> {
        self.run(what, &[&LOCAL[..], args].concat())
    }

    /// `output`, for a command that writes the repository (see [`LOCAL`]).
    pub fn output_local(&self, args: &[&str]) -> Result<Output, SyncError> {
        self.output(&[&LOCAL[..], args].concat())
    }

    /// `output`, for a command that talks to the remote: stopped when it
    /// has not ended `within` (a server that accepts and never answers).
    pub fn output_within(&self, args: &[&str], within: Duration) -> Result<Output, SyncError> {
        let mut child = self
            .command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(SyncError::NoGit)?;
        // Read on their own threads, each sending what it read: a process git
        // started may hold the pipes open after git has ended (an ssh master
        // kept alive), and then what was read so far is enough.
        let read = |pipe: Option<Box<dyn Read + Send>>| {
            let (send, read) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut pipe) = pipe {
                    let _ = pipe.read_to_end(&mut bytes);
                }
                let _ = send.send(bytes);
            });
            read
        };
        let stdout = read(
            child
                .stdout
                .take()
                .map(|out| Box::new(out) as Box<dyn Read + Send>),
        );
        let stderr = read(
            child
                .stderr
                .take()
                .map(|err| Box::new(err) as Box<dyn Read + Send>),
        );
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().map_err(SyncError::NoGit)? {
                break status;
            }
            if started.elapsed() > within {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SyncError::Git {
                    what: format!("git {}", args.first().copied().unwrap_or_default()),
                    message: format!(
                        "fatal: the remote gave no answer in {} s; gave up (nothing changed)",
                        within.as_secs()
                    ),
                });
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest = |read: std::sync::mpsc::Receiver<Vec<u8>>| {
            read.recv_timeout(Duration::from_secs(2))
                .unwrap_or_default()
        };
        Ok(Output {
            status,
            stdout: rest(stdout),
            stderr: rest(stderr),
        })
    }

    /// Whether git succeeds.
    pub fn ok<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<bool, SyncError> {
        Ok(self.output(args)?.status.success())
    }

    /// A setting's value; `None` when it is not set.
    pub fn config(&self, name: &str) -> Result<Option<String>, SyncError> {
        let output = self.output(&["config", "--get", name])?;
        let value = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        Ok(Some(value).filter(|value| output.status.success() && !value.is_empty()))
    }
}

/// What git said: its errors, and anything it printed besides.
pub fn message(output: &Output) -> String {
    let mut text = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    let out = String::from_utf8_lossy(&output.stdout);
    if !out.trim().is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(out.trim());
    }
    if text.is_empty() {
        text = format!("git exited with {}", output.status);
    }
    text
}

/// git's message, its telling line first (an error rather than "To
/// host:…"), the rest after it, indented.
pub fn told(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    let telling = ["fatal:", "error:", " ! [", "remote:", "CONFLICT"]
        .iter()
        .find_map(|start| lines.iter().position(|line| line.starts_with(start)))
        .unwrap_or(0);
    let Some(first) = lines.get(telling) else {
        return message.to_owned();
    };
    let mut text = first.trim().to_owned();
    let rest: Vec<&str> = (lines.iter().enumerate())
        .filter(|(at, _)| *at != telling)
        .map(|(_, line)| *line)
        .collect();
    if !rest.is_empty() {
        text.push_str("\n  git says:");
        for line in rest {
            text.push_str("\n    ");
            text.push_str(line.trim_end());
        }
    }
    text
}
