//! Drives the real gutbone binary in a pseudo-terminal, reading its screen
//! through a terminal emulator (vt100), as a person would see it.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen to show something before failing. This is
/// a bound on waiting, not a performance assertion.
const PATIENCE: Duration = Duration::from_secs(20);

pub const BIN: &str = env!("CARGO_BIN_EXE_gutbone");

pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Disconnects once the reader has seen the end of gutbone's output.
    output_ended: Receiver<()>,
    _master: Box<dyn MasterPty + Send>,
}

/// A command for the gutbone binary on `data_dir`, pinned to `now` (the
/// hidden GUTBONE_NOW clock), isolated from the real home and data dirs.
pub fn gutbone(data_dir: &Path, now: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(BIN);
    cmd.arg("--data-dir");
    cmd.arg(data_dir);
    isolate(&mut cmd, data_dir);
    cmd.env("GUTBONE_NOW", now);
    cmd
}

pub fn isolate(cmd: &mut CommandBuilder, data_dir: &Path) {
    cmd.env_remove("GUTBONE_DATA_DIR");
    cmd.env_remove("GUTBONE_CONFIG_DIR");
    cmd.env("XDG_CONFIG_HOME", data_dir.join("xdg-config"));
    cmd.env("HOME", data_dir.parent().unwrap_or(data_dir));
    cmd.env("XDG_DATA_HOME", data_dir.join("xdg-never-used"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    // Whatever the machine's own locale and colour wishes, the screens the
    // tests read are the default ones.
    cmd.env_remove("LC_ALL");
    cmd.env_remove("LC_CTYPE");
    cmd.env_remove("NO_COLOR");
    // A backtrace would push a panic's message off the emulated screen.
    cmd.env("RUST_BACKTRACE", "0");
}

impl Session {
    pub fn spawn(cmd: CommandBuilder) -> Self {
        Self::spawn_sized(cmd, 100, 30)
    }

    pub fn spawn_sized(cmd: CommandBuilder, cols: u16, rows: u16) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn gutbone");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let sink = Arc::clone(&parser);
        let (ended, output_ended) = mpsc::channel::<()>();
        thread::spawn(move || {
            let _ended = ended;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Self {
            child,
            writer,
            parser,
            output_ended,
            _master: pair.master,
        }
    }

    /// Resizes the terminal, as a window or a tmux pane does: the program
    /// gets SIGWINCH, and the emulated screen takes the new size.
    #[allow(dead_code)]
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The emulator is held from before the resize until it has the new
        // size: a frame drawn for the new size must not be read at the old.
        let mut parser = self.parser.lock().unwrap();
        self._master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        parser.screen_mut().set_size(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
        );
    }

    /// A left click at the 0-based `column` and `row`, as a terminal with
    /// mouse reporting on sends it (SGR encoding, press then release).
    #[allow(dead_code)]
    pub fn click(&mut self, column: u16, row: u16) {
        let (x, y) = (column + 1, row + 1);
        self.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Waits until the screen satisfies `ok`; fails with the screen shown.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; the screen shows:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The process can be gone before the reader has taken its
                // last words from the pty: wait for the end of the output.
                if let Err(mpsc::RecvTimeoutError::Timeout) =
                    self.output_ended.recv_timeout(PATIENCE)
                {
                    panic!("gutbone exited but its output never ended");
                }
                return status.exit_code();
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("gutbone did not exit; the screen shows:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// What the emulator's state says about the terminal after gutbone.
    pub fn in_alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Whether any cell on screen has a colour of its own.
    #[allow(dead_code)]
    pub fn any_colour(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows.get()).any(|row| {
            (0..cols.get()).any(|col| {
                screen.cell(row, col).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    }

    /// Whether the program asked the terminal to report the mouse.
    #[allow(dead_code)]
    pub fn mouse_reported(&self) -> bool {
        self.mouse_mode() != vt100::MouseProtocolMode::None
    }

    #[allow(dead_code)]
    pub fn mouse_mode(&self) -> vt100::MouseProtocolMode {
        self.parser.lock().unwrap().screen().mouse_protocol_mode()
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
