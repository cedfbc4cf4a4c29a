//! Start-up, measured as a person meets it: the release binary spawned in a
//! 120×40 pseudo-terminal against generated history, timed to its first full
//! frame, sent a key or two and `q`, and charged for its CPU time and peak
//! memory. The same is done, run for run, with `examples/minimal.rs`, a bare
//! ratatui program: on a noisy machine the ratio is what counts.
//!
//! Run `benches/startup` (it builds what this needs), or by hand:
//! `cargo build --release --bin gutbone --example minimal --example startup`
//! then `target/release/examples/startup [--runs N] [--years N] [--idle]`.

#[cfg(unix)]
fn main() {
    unix::main();
}

#[cfg(not(unix))]
fn main() {
    eprintln!("the start-up benchmark reads process accounting that only Unix offers");
}

#[cfg(unix)]
mod unix {
    use std::io::{Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::sync::mpsc;
    use std::thread;
    use std::time::{Duration, Instant};

    use portable_pty::{CommandBuilder, PtyPair, PtySize, native_pty_system};

    const COLS: u16 = 120;
    const ROWS: u16 = 40;

    /// What one run cost.
    #[derive(Clone, Copy, Debug, Default)]
    struct Run {
        first_frame: Duration,
        /// From spawn until it exited and was reaped.
        total: Duration,
        cpu: Duration,
        peak_rss_kb: i64,
    }

    struct Options {
        runs: usize,
        years: u32,
        idle: bool,
    }

    fn options() -> Options {
        let mut options = Options {
            runs: 15,
            years: 10,
            idle: false,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut number = |name: &str| -> u64 {
                args.next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("{name} takes a number"))
            };
            match arg.as_str() {
                "--runs" => options.runs = number("--runs") as usize,
                "--years" => options.years = number("--years") as u32,
                "--idle" => options.idle = true,
                other => panic!("unknown argument {other}; try --runs N, --years N, --idle"),
            }
        }
        options
    }

    pub fn main() {
        let options = options();
        let release = std::env::current_exe()
            .ok()
            .and_then(|exe| Some(exe.parent()?.parent()?.to_owned()))
            .expect("the release directory");
        let data = tempfile::tempdir().expect("a temporary directory");
        // Both programs run from copies, as `cargo install` or a package
        // would place them: a file just written by the linker lies in the
        // page cache in small pieces, which a start maps in more faults (on
        // the machine in the README, 0.08 of the ratio for the larger one).
        let installed = |built: PathBuf| {
            assert!(
                built.exists(),
                "{} is missing: run benches/startup",
                built.display()
            );
            let copy = data.path().join(built.file_name().expect("a file name"));
            std::fs::copy(&built, &copy).expect("copy the binary");
            copy
        };
        let gutbone = installed(release.join("gutbone"));
        let minimal = installed(release.join("examples/minimal"));

        let dir = data.path().join("data");
        let status = Command::new(&gutbone)
            .args(["generate-history", "--years", &options.years.to_string()])
            .arg("--data-dir")
            .arg(&dir)
            .status()
            .expect("run gutbone generate-history");
        assert!(status.success(), "generate-history failed");
        let gutbone_args = |extra: &[&str]| -> Vec<String> {
            let mut args = vec!["--data-dir".into(), dir.display().to_string()];
            args.push("--config-dir".into());
            args.push(data.path().join("config").display().to_string());
            args.extend(extra.iter().map(|s| s.to_string()));
            args
        };

        println!(
            "{} runs each, {}×{} pseudo-terminal, {} years of history",
            options.runs, COLS, ROWS, options.years
        );
        let mut open_quit = (Vec::new(), Vec::new());
        let mut toggle = (Vec::new(), Vec::new());
        let mut short = (Vec::new(), Vec::new());
        for _ in 0..options.runs {
            // Alternating, so a busy moment on the machine lands on both.
            open_quit
                .0
                .push(in_pty(&gutbone, &gutbone_args(&[]), "quit", b"q"));
            open_quit.1.push(in_pty(&minimal, &[], "quits", b"q"));
            toggle
                .0
                .push(in_pty(&gutbone, &gutbone_args(&[]), "quit", b" q"));
            toggle.1.push(in_pty(&minimal, &[], "quits", b" q"));
            short
                .0
                .push(plain(&gutbone, &gutbone_args(&["status", "--short"])));
            short.1.push(in_pty(&minimal, &[], "quits", b"q"));
        }

        println!(
            "\n{:<36}{:>10}{:>10}{:>8}",
            "median", "gutbone", "minimal", "ratio"
        );
        report("first frame (ms)", &open_quit, |r| ms(r.first_frame));
        report("CPU, start and quit (ms)", &open_quit, |r| ms(r.cpu));
        report("peak RSS (MB)", &open_quit, |r| {
            r.peak_rss_kb as f64 / 1024.0
        });
        report("CPU, start, toggle+save, quit (ms)", &toggle, |r| ms(r.cpu));
        report("status --short: time, start to exit", &short, |r| {
            ms(r.total)
        });
        report("status --short: CPU (ms)", &short, |r| ms(r.cpu));

        if options.idle {
            let cpu = idle_cpu(&gutbone, &gutbone_args(&[]), Duration::from_secs(60));
            println!(
                "\nidle for 60 s after the first frame: {:.2} ms of CPU",
                ms(cpu)
            );
        }
    }

    fn report(label: &str, runs: &(Vec<Run>, Vec<Run>), pick: fn(&Run) -> f64) {
        let ours = median(runs.0.iter().map(pick).collect());
        let theirs = median(runs.1.iter().map(pick).collect());
        println!(
            "{label:<36}{ours:>10.2}{theirs:>10.2}{:>8.2}",
            ours / theirs
        );
    }

    fn ms(duration: Duration) -> f64 {
        duration.as_secs_f64() * 1000.0
    }

    fn median(mut values: Vec<f64>) -> f64 {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    }

    /// A 120×40 pseudo-terminal, and the command for `program` to run in it.
    fn pty_command(program: &Path, args: &[String]) -> (PtyPair, CommandBuilder) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
        (pair, cmd)
    }

    /// Spawns `program` in a pseudo-terminal, waits until `marker` (on its
    /// last row) has been drawn, types `keys`, and waits for it to exit.
    fn in_pty(program: &Path, args: &[String], marker: &str, keys: &[u8]) -> Run {
        let (pair, cmd) = pty_command(program, args);
        let start = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let pid = child.process_id().expect("a process id") as libc::pid_t;
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let mut writer = pair.master.take_writer().expect("pty writer");

        // Reading goes on in the background until the program exits, so it
        // never blocks on a full pty.
        let (seen, drawn) = mpsc::channel();
        let marker = marker.as_bytes().to_vec();
        thread::spawn(move || {
            let mut output = Vec::new();
            let mut buf = [0u8; 16384];
            let mut told = false;
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                output.extend_from_slice(&buf[..n]);
                if !told && output.windows(marker.len()).any(|w| w == marker.as_slice()) {
                    told = seen.send(Instant::now()).is_ok();
                }
            }
        });
        let first_frame = drawn
            .recv_timeout(Duration::from_secs(30))
            .expect("the first frame within 30 s")
            - start;
        for (i, key) in keys.iter().enumerate() {
            if i > 0 {
                // One key at a time, as a person types.
                thread::sleep(Duration::from_millis(20));
            }
            writer.write_all(&[*key]).expect("type");
            writer.flush().expect("type");
        }
        let (cpu, peak_rss_kb) = reap(pid);
        let total = start.elapsed();
        // `child` was reaped by hand above: dropping it must not wait again.
        std::mem::forget(child);
        Run {
            first_frame,
            total,
            cpu,
            peak_rss_kb,
        }
    }

    /// Runs `program` with no terminal.
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by wait4, which also reports its CPU and memory"
    )]
    fn plain(program: &Path, args: &[String]) -> Run {
        let start = Instant::now();
        let child = Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let (cpu, peak_rss_kb) = reap(child.id() as libc::pid_t);
        Run {
            first_frame: Duration::ZERO,
            total: start.elapsed(),
            cpu,
            peak_rss_kb,
        }
    }

    /// Waits for `pid` and returns its CPU time (user + system) and peak
    /// resident memory.
    fn reap(pid: libc::pid_t) -> (Duration, i64) {
        let mut status = 0;
        // SAFETY: `usage` is plain data that wait4 fills in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: a valid pid of our own child and valid pointers.
        let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
        let time = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
        };
        (time(usage.ru_utime) + time(usage.ru_stime), usage.ru_maxrss)
    }

    /// CPU time spent by gutbone while it sits open with nothing happening,
    /// from the kernel's nanosecond run-time accounting.
    fn idle_cpu(program: &Path, args: &[String], idle: Duration) -> Duration {
        let (pair, cmd) = pty_command(program, args);
        let mut child = pair.slave.spawn_command(cmd).expect("spawn");
        let pid = child.process_id().expect("a process id");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while matches!(reader.read(&mut buf), Ok(n) if n > 0) {}
        });
        thread::sleep(Duration::from_secs(2));
        let before = run_time(pid);
        thread::sleep(idle);
        let after = run_time(pid);
        let mut writer = pair.master.take_writer().expect("pty writer");
        writer.write_all(b"q").expect("type q");
        let _ = child.wait();
        after.saturating_sub(before)
    }

    /// Time on the CPU so far, summed over the process's threads.
    fn run_time(pid: u32) -> Duration {
        let tasks = PathBuf::from(format!("/proc/{pid}/task"));
        std::fs::read_dir(&tasks)
            .expect("/proc/PID/task (Linux)")
            .flatten()
            .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
            .filter_map(|stat| stat.split_whitespace().next()?.parse::<u64>().ok())
            .map(Duration::from_nanos)
            .sum()
    }
}
