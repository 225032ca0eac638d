//! The no-leak test of issue 6: every program of `tests/cases/` runs under
//! `TAIPAN_LEAKCHECK` (see `crates/taipan-vm/src/leakcheck.rs`), which
//! records `sys.getallocatedblocks()` just before the main module's body,
//! tears down what the program made as interpreter finalization would,
//! collects, and reports the blocks still allocated beyond the baseline
//! (interned strings, immortal in Taipan, counted apart).
//!
//! A case leaks when that figure exceeds [`SLACK`]. It is a ratchet: the
//! test fails when a case listed in `tests/leaks_expected_clean.txt` leaks
//! (or gives no figure); clean cases not listed are reported so they can be
//! added.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Blocks a clean program may leave beyond the baseline. The check makes
/// the known one-time caches (the 256 one-character strings, the
/// `tp_subclasses` dicts of built-in types, the method cache, the float
/// free list) before the baseline and empties them after; what it cannot
/// make beforehand is a cache created lazily by a native module or type on
/// first use and kept for the process's life, as CPython keeps it (for
/// instance the `MemoryError` instance kept for reuse). Two blocks cover
/// those; a reference leak in a loop is far above it.
const SLACK: i64 = 2;

/// A hang in Taipan must not hang CI.
const TIMEOUT: Duration = Duration::from_secs(30);

fn cases_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// The cases, found as `tests/cases.rs` finds them.
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

/// The `leaked=` figure of one run, or why there is none.
fn leaked(taipan: &str, path: &Path, report: &Path) -> Result<i64, String> {
    let _ = std::fs::remove_file(report);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default();
    let child = Command::new(taipan)
        .arg(name)
        .current_dir(dir)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PATH", "/usr/bin:/bin")
        .env("TAIPAN_LEAKCHECK", report)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = child.map_err(|e| format!("could not start: {e}"))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {}s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("wait failed: {e}"));
            }
        }
    }
    let text = std::fs::read_to_string(report).map_err(|_| "no leak report".to_string())?;
    let _ = std::fs::remove_file(report);
    text.split_whitespace()
        .find_map(|w| w.strip_prefix("leaked="))
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("unreadable report {:?}", text.trim()))
}

#[test]
fn cases_do_not_leak() {
    let root = cases_root();
    let mut cases = Vec::new();
    collect(&root, &mut cases);
    let rel = |p: &Path| {
        p.strip_prefix(&root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let expected_clean: BTreeSet<String> =
        std::fs::read_to_string(root.join("../leaks_expected_clean.txt"))
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();

    let taipan = env!("CARGO_BIN_EXE_taipan");
    let tmp = std::env::temp_dir().join(format!("taipan-leaks-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&tmp);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Result<i64, String>)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(8);
    std::thread::scope(|s| {
        for w in 0..workers {
            let report = tmp.join(format!("report-{w}.txt"));
            let (next, results, cases, rel) = (&next, &results, &cases, &rel);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = cases.get(i) else { break };
                let outcome = leaked(taipan, path, &report);
                if let Ok(mut r) = results.lock() {
                    r.push((rel(path), outcome));
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&tmp);
    let mut results = results.into_inner().unwrap_or_default();
    results.sort();

    let is_clean = |r: &Result<i64, String>| matches!(r, Ok(n) if *n <= SLACK);
    println!("leak check (slack {SLACK} blocks): cases over the slack");
    for (name, r) in &results {
        match r {
            Ok(n) if *n > SLACK => println!("  LEAK {name}: {n} blocks"),
            Ok(_) => {}
            Err(why) => println!("  NONE {name}: {why}"),
        }
    }
    let clean = results.iter().filter(|(_, r)| is_clean(r)).count();
    let new_clean: Vec<&String> = results
        .iter()
        .filter(|(n, r)| is_clean(r) && !expected_clean.contains(n))
        .map(|(n, _)| n)
        .collect();
    if !new_clean.is_empty() {
        println!("newly clean (add them to tests/leaks_expected_clean.txt):");
        for n in &new_clean {
            println!("  {n}");
        }
    }
    let known: BTreeSet<&String> = results.iter().map(|(n, _)| n).collect();
    let missing: Vec<&String> = expected_clean
        .iter()
        .filter(|n| !known.contains(n))
        .collect();
    let regressions: Vec<String> = results
        .iter()
        .filter(|(n, r)| expected_clean.contains(n) && !is_clean(r))
        .map(|(n, r)| format!("{n} ({r:?})"))
        .collect();
    println!(
        "leak check: {} clean, {} over the slack or without a figure, {} total ({} expected clean)",
        clean,
        results.len() - clean,
        results.len(),
        expected_clean.len()
    );
    assert!(
        missing.is_empty(),
        "tests/leaks_expected_clean.txt lists cases that do not exist: {missing:?}"
    );
    assert!(
        regressions.is_empty(),
        "cases listed in tests/leaks_expected_clean.txt leak: {regressions:?}"
    );
}
