//! Runs code that CPython 3.11 compiled: every conformance case of `basics/` and
//! `functions/` that Taipan is required to pass (tests/cases_expected_pass.txt) and that
//! writes nothing to stderr is compiled to a `.pyc` by `/usr/bin/python3.11`
//! (scripts/compile_pyc.py), then `taipan FILE.pyc` must print the recorded stdout and
//! exit with the recorded status. This checks the marshal reader and the evaluation loop
//! against CPython's own compiler, independently of Taipan's.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn runs_pyc_compiled_by_cpython() {
    let root = root();
    let python = Path::new("/usr/bin/python3.11");
    assert!(python.exists(), "/usr/bin/python3.11 is required");
    let list = std::fs::read_to_string(root.join("tests/cases_expected_pass.txt")).unwrap();
    let cases: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("basics/") || l.starts_with("functions/"))
        .collect();
    let tmp = std::env::temp_dir().join(format!("taipan-pyc-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases {
        let src = root.join("tests/cases").join(case);
        let err = std::fs::read(src.with_extension("py.err")).unwrap_or_default();
        if !err.is_empty() {
            continue;
        }
        let out = std::fs::read(src.with_extension("py.out")).unwrap();
        let code: i32 = std::fs::read_to_string(src.with_extension("py.code"))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let pyc = tmp.join(case.replace('/', "_") + "c");
        let st = Command::new(python)
            .arg(root.join("scripts/compile_pyc.py"))
            .arg(&src)
            .arg(&pyc)
            .status()
            .unwrap();
        assert!(st.success(), "compiling {case}");
        let run = Command::new(env!("CARGO_BIN_EXE_taipan"))
            .arg(&pyc)
            .current_dir(src.parent().unwrap())
            .env_clear()
            .env("PYTHONHASHSEED", "0")
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .output()
            .unwrap();
        checked += 1;
        if run.stdout != out || run.status.code() != Some(code) {
            failures.push(case.to_string());
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    println!(
        "pyc: {checked} programs compiled by CPython run, {} differ",
        failures.len()
    );
    assert!(checked >= 20, "too few cases checked: {checked}");
    assert!(
        failures.is_empty(),
        "differ when run from CPython's .pyc: {failures:?}"
    );
}
