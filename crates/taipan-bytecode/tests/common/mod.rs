//! Helpers shared by the tests that compare against CPython 3.11.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The reference interpreter (override with `TAIPAN_PYTHON`).
pub fn python() -> String {
    std::env::var("TAIPAN_PYTHON").unwrap_or_else(|_| "/usr/bin/python3.11".to_string())
}

/// Path of a helper script in `tests/py/`.
pub fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/py")
        .join(name)
}

/// Run a helper script under python3.11 and return its stdout.
pub fn run_python(name: &str, args: &[&str]) -> String {
    let out = Command::new(python())
        .arg(script(name))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python()));
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("helper output is UTF-8")
}

/// Decode a lowercase hex string.
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}
