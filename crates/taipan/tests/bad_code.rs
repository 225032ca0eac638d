//! Hand-made code objects (`code.replace`, `marshal.loads`, assigning
//! `__code__`) must make Taipan raise, never crash: the evaluation loop
//! indexes its value stack and fast locals without bounds checks, which is
//! sound only because every code object passes `eval::validate`. CPython
//! 3.11 trusts its compiler and crashes on most of these, so there is no
//! recorded output to compare with: the expected lines are written here.

use std::path::{Path, PathBuf};
use std::process::Command;

fn program(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/programs")
        .join(name)
}

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_taipan"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

#[test]
fn bad_code_objects_raise_system_error() {
    let p = program("bad_code.py");
    let (out, err, code) = run(&[p.to_str().unwrap()]);
    assert_eq!(code, Some(0), "stderr: {err}");
    let expected = "\
stack deeper than co_stacksize -> SystemError
constant index -> SystemError
pop of an empty stack -> SystemError
local index -> SystemError
name index -> SystemError
runs off the end -> SystemError
too many pushes -> SystemError
jump out of the code -> SystemError
backward jump before the start -> SystemError
call deeper than the stack -> SystemError
handler deeper than co_stacksize -> SystemError
replace: code: co_varnames is too small
marshal -> SystemError
2
";
    assert_eq!(out, expected);
}

#[test]
fn mutated_bytecode_never_crashes() {
    let p = program("bad_code_fuzz.py");
    for seed in ["1234", "99"] {
        let (out, err, code) = run(&[p.to_str().unwrap(), seed]);
        assert_eq!(code, Some(0), "seed {seed}: stderr: {err}");
        assert!(out.ends_with("done\n"), "seed {seed}: {out}");
        // Most mutations fail validation; some still run.
        assert!(out.contains("\nSystemError "), "seed {seed}: {out}");
        assert!(out.contains("\nran "), "seed {seed}: {out}");
    }
}
