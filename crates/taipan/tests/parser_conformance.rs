//! The parser conformance run as part of `cargo test`: `scripts/parser_conformance.py` runs
//! CPython 3.11 and `taipan --dump-ast` over every `.py` file under `/usr/lib/python3.11` and
//! the doctest examples of CPython's `test_syntax.py`, and fails if any input that is not
//! listed in `tests/parser_known_failures.txt` gives a different dump or error. So the list
//! can only shrink: CI never goes backwards.

use std::path::Path;
use std::process::Command;

#[test]
fn parser_matches_cpython_except_known_failures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let status = Command::new("/usr/bin/python3.11")
        .arg(root.join("scripts/parser_conformance.py"))
        .arg("--taipan")
        .arg(env!("CARGO_BIN_EXE_taipan"))
        .arg("--known-failures")
        .arg(root.join("tests/parser_known_failures.txt"))
        .arg("--check")
        .arg("--show")
        .arg("15")
        .status()
        .expect("running /usr/bin/python3.11 scripts/parser_conformance.py");
    assert!(
        status.success(),
        "parser conformance went backwards (see the output above)"
    );
}
