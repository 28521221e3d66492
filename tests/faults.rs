//! Faults: `kill -9` at random moments of a run, simultaneous runs, a crash at every step of the
//! swap, a full disk. Each asserts that `output/` is then the old output or the new one, whole,
//! and that the next run succeeds with no cleanup and leaves nothing behind but the lock file.

mod util;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use util::{Run, Workdir, snapshot};

/// Enough copies of the project's texts that a run lasts long enough to be cut at many moments.
const COPIES: usize = 10;

/// One of two versions of the input: the texts are the same, one small text differs.
fn set_version(w: &Workdir, version: u8) {
    w.write("raw/zz-variable.txt", format!("高新技术企业达到{}家。", 100 + u32::from(version)));
}

fn corpus() -> Workdir {
    let w = Workdir::empty();
    std::fs::copy("raw/catalog.toml", w.path("raw/catalog.toml")).unwrap();
    for entry in std::fs::read_dir("raw").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            for i in 0..COPIES {
                std::fs::copy(&path, w.path(&format!("raw/c{i:02}-{id}.txt"))).unwrap();
                std::fs::copy(path.with_extension("toml"), w.path(&format!("raw/c{i:02}-{id}.toml"))).unwrap();
            }
        }
    }
    w
}

type Tree = Vec<(String, Vec<u8>)>;

/// The whole output of each input version, made by uninterrupted runs.
fn outputs(w: &Workdir) -> [Tree; 2] {
    [0, 1].map(|v| {
        set_version(w, v);
        w.run(&["run", "--batch-bytes", "20000"]).expect(0, &["wrote"]);
        snapshot(&w.path("output"))
    })
}

/// Nothing but the lock beside the output: no staging, scratch or previous directory.
fn nothing_left_behind(w: &Workdir) {
    let left: Vec<String> = std::fs::read_dir(w.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".output") && n != ".output.lock")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// After a fault: the output is one of the two whole outputs; the next run needs no cleanup,
/// writes the new output and leaves nothing behind.
fn recovers(w: &Workdir, expected: &[Tree; 2], new: usize, what: &str) {
    let whole = |tree: Tree| tree == expected[0] || tree == expected[1];
    // Only a two-rename swap cut between its renames has no output; the old one waits whole
    // beside it, and the next run puts it back before anything else.
    let now = if w.path("output").exists() { snapshot(&w.path("output")) } else { snapshot(&w.path(".output.previous")) };
    assert!(whole(now), "{what}: the output is neither the old one nor the new one, whole");
    w.run(&["run", "--batch-bytes", "20000"]).expect(0, &["wrote"]);
    assert!(snapshot(&w.path("output")) == expected[new], "{what}: the next run did not write the new output");
    nothing_left_behind(w);
}

/// A small deterministic generator, so that a failing trial can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn kill_9_at_random_moments_leaves_the_old_or_the_new_output_whole() {
    let w = corpus();
    let expected = outputs(&w);
    // The shortest of three runs, so that most kills land while a run is still going.
    let run_ms = (0..3)
        .map(|_| {
            let started = Instant::now();
            w.run(&["run", "--batch-bytes", "20000", "--full-refresh"]).expect(0, &["wrote"]);
            started.elapsed().as_millis() as u64
        })
        .min()
        .unwrap();
    let mut rng = Lcg(20261129);
    let mut killed_midway = 0;
    for trial in 0..24 {
        let new = trial % 2;
        set_version(&w, new as u8);
        let delay = rng.below(run_ms + 1);
        let mut child = w.command(&["run", "--batch-bytes", "20000", "--full-refresh"]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().unwrap();
        killed_midway += usize::from(!status.success());
        recovers(&w, &expected, new, &format!("trial {trial}, killed after {delay} ms"));
    }
    assert!(killed_midway >= 8, "only {killed_midway} of 24 runs were killed before they finished: the trials prove little");
}

#[test]
fn simultaneous_runs_never_mix_their_output() {
    let w = corpus();
    let expected = outputs(&w);
    for pair in 0..20 {
        let new = pair % 2;
        set_version(&w, new as u8);
        let start = |w: &Workdir| w.command(&["run", "--batch-bytes", "20000", "--full-refresh"]).output();
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(|| start(&w));
            let b = s.spawn(|| start(&w));
            (Run::from(a.join().unwrap().unwrap()), Run::from(b.join().unwrap().unwrap()))
        });
        for r in [&a, &b] {
            assert!(
                r.code == 0 || (r.code == 2 && r.stderr.contains("is using this output")),
                "pair {pair}: exit {}:\n{}",
                r.code,
                r.stderr
            );
        }
        assert!(a.code == 0 || b.code == 0, "pair {pair}: neither run wrote");
        assert!(snapshot(&w.path("output")) == expected[new], "pair {pair}: the output is not the new one, whole");
        nothing_left_behind(&w);
    }
}

fn crash_at(w: &Workdir, step: &str, swap: &str) -> std::process::ExitStatus {
    w.command(&["run", "--batch-bytes", "20000"])
        .env("FIGURES_CRASH_AT", step)
        .env("FIGURES_SWAP", swap)
        .stderr(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap()
}

#[test]
fn a_crash_at_every_step_of_the_swap_leaves_a_whole_output() {
    let w = corpus();
    let expected = outputs(&w);
    let mut new = 0;
    for swap in ["exchange", "renames"] {
        for step in figures::write::CRASH_POINTS {
            new = 1 - new;
            set_version(&w, new as u8);
            let status = crash_at(&w, step, swap);
            let reached = !status.success();
            // The first rename happens only in the two-rename swap.
            assert_eq!(reached, swap == "renames" || step != "after-first-rename", "{swap} {step}: {status}");
            recovers(&w, &expected, new, &format!("crash {swap} {step}"));
        }
    }
}

#[test]
fn a_crash_before_the_first_output_exists_leaves_none_and_no_cleanup() {
    let w = corpus();
    set_version(&w, 0);
    for step in ["before-sync-staging", "before-swap"] {
        assert!(!crash_at(&w, step, "exchange").success());
        assert!(!w.path("output").exists(), "{step}: an output appeared");
    }
    w.run(&["run", "--batch-bytes", "20000"]).expect(0, &["wrote"]);
    nothing_left_behind(&w);
}

#[test]
fn a_full_disk_midway_fails_clearly_and_keeps_the_old_output() {
    let w = corpus();
    let expected = outputs(&w);
    set_version(&w, 0);
    for limit in ["0", "5000", "200000", "2000000"] {
        let r = Run::from(w.command(&["run", "--batch-bytes", "20000"]).env("FIGURES_DISK_FULL_AFTER", limit).output().unwrap());
        r.expect(2, &["output", "hint: check free space"]);
        assert!(snapshot(&w.path("output")) == expected[1], "limit {limit}: the output changed");
        nothing_left_behind(&w);
    }
    recovers(&w, &expected, 0, "after full disks");
}

/// A real full file system, where one can be mounted (root, and a kernel that allows it).
#[test]
fn a_small_tmpfs_that_fills_up_keeps_the_old_output() {
    let w = corpus();
    let mount = w.path("small");
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"]).arg(&mount).status().is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root); the failpoint test covers a full disk");
        return;
    }
    struct Unmount<'a>(&'a Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.0).status();
        }
    }
    let _guard = Unmount(&mount);
    let small = Workdir::empty();
    small.write("raw/a.txt", "高新技术企业达到101家。");
    let out = mount.join("output");
    let out_arg = out.to_string_lossy().into_owned();
    small.run(&["run", "--out", &out_arg]).expect(0, &["wrote"]);
    let before = snapshot(&out);
    small.run(&["run", "--out", &out_arg, "--raw", &w.path("raw").to_string_lossy()]).expect(2, &["hint: check free space"]);
    assert!(snapshot(&out) == before, "the output changed");
    let left: Vec<String> = std::fs::read_dir(&mount)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "output" && n != ".output.lock")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
