//! Deep nesting cannot crash Taipan: with `sys.setrecursionlimit(10**6)`, comparing,
//! hashing and printing 200,000-deep containers raise `RecursionError` (the native stack
//! guard of `eval/recursion.rs`), and freeing chains of millions of objects finishes
//! (the trashcan). The program is `tests/programs/deep_nesting.py`.

use std::process::Command;

#[test]
fn deep_nesting_raises_instead_of_crashing() {
    let prog = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/programs/deep_nesting.py"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_taipan"))
        .arg(prog)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = [
        "RecursionError maximum recursion depth exceeded in comparison",
        "RecursionError maximum recursion depth exceeded while hashing an object",
        "RecursionError maximum recursion depth exceeded while getting the repr of an object",
        "freed",
        "freed nodes",
        "RecursionError maximum recursion depth exceeded while getting the repr of an object",
    ];
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, expected);
}
