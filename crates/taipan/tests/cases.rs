//! The conformance corpus run as part of `cargo test`: every program under `tests/cases/`
//! (see `scripts/record_cases.py`, which records CPython 3.11's stdout, stderr and exit status
//! next to each case as `FILE.out`, `FILE.err`, `FILE.code`) is run with the `taipan` binary
//! in the same clean environment, and its output is compared byte for byte, tracebacks
//! included. The absolute path of `tests/cases` is replaced by `$CASES` in both outputs, as
//! the recorder does, so the comparison does not depend on where the repository lives.
//!
//! Every case runs twice, under `PYTHONHASHSEED=0` and `PYTHONHASHSEED=1` (str and bytes
//! hashes, hence set and dict orders, under two keys). Where CPython's output under seed 1
//! differs, the recorder wrote it as `FILE.seed1.out/.err/.code`; otherwise the seed-0 files
//! are the expectation for both runs. A case passes only if both runs match.
//!
//! With `TAIPAN_CASES_EXCLUDE=FILE` the cases listed in FILE are not run (they are
//! reported as excluded, never counted as passing): CI's `gc-stress` run uses it for the
//! few programs that observe when automatic collections happen, which a collection at every
//! allocation changes by design (`tests/gc_stress_excluded.txt` says why for each). A case
//! listed with `every=N` after its name is run, with `TAIPAN_GC_STRESS=N`: for programs whose
//! heap is too large for a full collection at every allocation to finish.
//!
//! It is a ratchet: the test fails only if a case listed in `tests/cases_expected_pass.txt`
//! fails. Cases that pass but are not listed are reported so they can be added.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A hang in Taipan must not hang CI: the per-case limit, 10 s unless
/// `TAIPAN_CASES_TIMEOUT` (seconds) says otherwise (the `gc-stress` run, which collects at
/// every allocation, needs minutes for the heaviest programs).
fn timeout() -> Duration {
    let secs = std::env::var("TAIPAN_CASES_TIMEOUT")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
}

fn cases_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// A case is a `.py` file whose name does not start with `_` and whose folder is not a
/// package (files of a package folder, and `_helpers.py`, are modules that cases import).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let is_package = dir.join("__init__.py").exists();
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if !is_package
            && path.extension().is_some_and(|e| e == "py")
            && path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('_'))
        {
            out.push(path);
        }
    }
}

fn replace_all(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    if from.is_empty() {
        return data.to_vec();
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    out
}

fn normalise(data: Vec<u8>, prefixes: &[String]) -> Vec<u8> {
    let mut data = data;
    for p in prefixes {
        data = replace_all(&data, p.as_bytes(), b"$CASES");
    }
    data
}

struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// `None`: timed out or could not be started; `-N` when killed by signal N.
    code: Option<i32>,
    note: Option<String>,
}

/// The two hash seeds every case runs under.
const SEEDS: [&str; 2] = ["0", "1"];

/// Cases the exclusion file lists with `every=N`: they run with `TAIPAN_GC_STRESS=N` (a
/// `gc-stress` build then collects at every Nth allocation of a tracked object instead of
/// every one).
static STRESS_EVERY: std::sync::OnceLock<std::collections::BTreeMap<std::path::PathBuf, String>> =
    std::sync::OnceLock::new();

fn run_case(taipan: &str, path: &Path, seed: &str) -> Outcome {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default();
    let mut cmd = Command::new(taipan);
    cmd.env_clear();
    if let Some(n) = STRESS_EVERY.get().and_then(|m| m.get(path)) {
        cmd.env("TAIPAN_GC_STRESS", n);
    }
    let child = cmd
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", seed)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PATH", "/usr/bin:/bin")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: Vec::new(),
                stderr: Vec::new(),
                code: None,
                note: Some(format!("could not start: {e}")),
            };
        }
    };
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    let mut note = None;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout() => {
                let _ = child.kill();
                let _ = child.wait();
                note = Some(format!("timed out after {}s", timeout().as_secs()));
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                note = Some(format!("wait failed: {e}"));
                break None;
            }
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    // A process killed by signal N reports -N, as Python's `subprocess` does (CPython kills
    // itself with SIGINT after an uncaught KeyboardInterrupt, so that is recorded as -2).
    let code = status.and_then(|s| {
        use std::os::unix::process::ExitStatusExt;
        s.code().or_else(|| s.signal().map(|n| -n))
    });
    Outcome {
        stdout,
        stderr,
        code,
        note,
    }
}

/// Why a case failed under either seed, or `None` if it passed under both.
/// `TAIPAN_CASES_SEEDS=0` runs the first seed only (the `gc-stress` run: the collector does
/// not depend on hash order, and the stress run is slow).
fn compare(taipan: &str, path: &Path, prefixes: &[String]) -> Option<String> {
    let only_first = std::env::var("TAIPAN_CASES_SEEDS").is_ok_and(|v| v == "0");
    let seeds = if only_first { &SEEDS[..1] } else { &SEEDS[..] };
    for &seed in seeds {
        if let Some(why) = compare_seed(taipan, path, prefixes, seed) {
            return Some(if seed == SEEDS[0] {
                why
            } else {
                format!("{why} (PYTHONHASHSEED={seed})")
            });
        }
    }
    None
}

fn compare_seed(taipan: &str, path: &Path, prefixes: &[String], seed: &str) -> Option<String> {
    let read = |infix: &str, ext: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(infix);
        p.push(ext);
        std::fs::read(PathBuf::from(p)).ok()
    };
    let own = format!(".seed{seed}");
    let infix = if seed != SEEDS[0] && read(&own, ".out").is_some() {
        own.as_str()
    } else {
        ""
    };
    let (Some(exp_out), Some(exp_err), Some(exp_code)) = (
        read(infix, ".out"),
        read(infix, ".err"),
        read(infix, ".code"),
    ) else {
        return Some("not recorded (run scripts/record_cases.py)".to_string());
    };
    let exp_code = String::from_utf8_lossy(&exp_code).trim().to_string();
    let got = run_case(taipan, path, seed);
    let mut why = Vec::new();
    if let Some(note) = got.note {
        why.push(note);
    }
    match got.code {
        Some(c) if c.to_string() == exp_code => {}
        Some(c) => why.push(format!("exit {c}, expected {exp_code}")),
        None => why.push(format!("no exit status, expected {exp_code}")),
    }
    if normalise(got.stdout, prefixes) != exp_out {
        why.push("stdout differs".to_string());
    }
    let stderr = normalise(got.stderr, prefixes);
    if stderr != exp_err {
        let text = String::from_utf8_lossy(&stderr);
        let last = text.lines().last().unwrap_or("").chars().take(120);
        why.push(format!(
            "stderr differs (last line: {:?})",
            last.collect::<String>()
        ));
    }
    if why.is_empty() {
        None
    } else {
        Some(why.join("; "))
    }
}

#[test]
fn cases_match_cpython() {
    let root = cases_root();
    let abs = std::path::absolute(&root).unwrap_or_else(|_| root.clone());
    let mut prefixes = vec![abs.display().to_string()];
    if let Ok(real) = std::fs::canonicalize(&root) {
        let real = real.display().to_string();
        if !prefixes.contains(&real) {
            prefixes.push(real);
        }
    }
    // The longest prefix first, so a shorter one never leaves a piece of a longer one behind.
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));

    let mut cases = Vec::new();
    collect(&root, &mut cases);
    let listed = std::env::var("TAIPAN_CASES_EXCLUDE")
        .ok()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .unwrap_or_default();
    let mut excluded: BTreeSet<String> = BTreeSet::new();
    let mut every = std::collections::BTreeMap::new();
    for line in listed.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let case = words.next().unwrap_or("").to_string();
        match words.next().and_then(|w| w.strip_prefix("every=")) {
            Some(n) => {
                every.insert(root.join(&case), n.to_string());
            }
            None => {
                excluded.insert(case);
            }
        }
    }
    if !every.is_empty() {
        println!(
            "conformance cases: {} run with a sparser TAIPAN_GC_STRESS (every=N in TAIPAN_CASES_EXCLUDE)",
            every.len()
        );
    }
    let _ = STRESS_EVERY.set(every);
    let rel = |p: &Path| {
        p.strip_prefix(&root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    if !excluded.is_empty() {
        cases.retain(|p| !excluded.contains(&rel(p)));
        println!(
            "conformance cases: {} excluded by TAIPAN_CASES_EXCLUDE (not run, not counted)",
            excluded.len()
        );
    }

    let expected_pass: BTreeSet<String> =
        std::fs::read_to_string(root.join("../cases_expected_pass.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();

    let taipan = env!("CARGO_BIN_EXE_taipan");
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Option<String>)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(8);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = cases.get(i) else { break };
                let outcome = compare(taipan, path, &prefixes);
                if let Ok(mut r) = results.lock() {
                    r.push((rel(path), outcome));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort();

    let failures: Vec<&(String, Option<String>)> =
        results.iter().filter(|(_, why)| why.is_some()).collect();
    let passed: Vec<&String> = results
        .iter()
        .filter(|(_, why)| why.is_none())
        .map(|(name, _)| name)
        .collect();
    let known: BTreeSet<&String> = results.iter().map(|(n, _)| n).collect();

    println!("conformance cases: failures");
    for (name, why) in &failures {
        println!("  FAIL {name}: {}", why.as_deref().unwrap_or(""));
    }
    let regressions: Vec<&String> = failures
        .iter()
        .map(|(n, _)| n)
        .filter(|n| expected_pass.contains(*n))
        .collect();
    let new_passes: Vec<&&String> = passed
        .iter()
        .filter(|n| !expected_pass.contains(**n))
        .collect();
    let missing: Vec<&String> = expected_pass
        .iter()
        .filter(|n| !known.contains(n) && !excluded.contains(*n))
        .collect();
    if !new_passes.is_empty() {
        println!("new passes (add them to tests/cases_expected_pass.txt):");
        for n in &new_passes {
            println!("  {n}");
        }
    }
    println!(
        "conformance cases: {} passed, {} failed, {} total ({} expected to pass)",
        passed.len(),
        failures.len(),
        results.len(),
        expected_pass.len()
    );
    assert!(
        missing.is_empty(),
        "tests/cases_expected_pass.txt lists cases that do not exist: {missing:?}"
    );
    assert!(
        regressions.is_empty(),
        "cases listed in tests/cases_expected_pass.txt fail: {regressions:?}"
    );
}
