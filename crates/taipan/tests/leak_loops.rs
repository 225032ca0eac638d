//! Reference leaks in loops: runs `tests/leaks/loops.py` with the `taipan`
//! binary. That program runs ~190 snippets (built-in types, native modules,
//! error paths) many times each and prints `LEAK` for any snippet whose
//! runs keep leaving blocks (`sys.getallocatedblocks()` after a full
//! collection), which is how a missing decref in native code shows. Its
//! first snippet leaks on purpose, so this test also checks that the hunt
//! sees a leak when there is one.

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn no_reference_leaks_in_loops() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/leaks/loops.py");
    let out = Command::new(env!("CARGO_BIN_EXE_taipan"))
        .arg(&script)
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PATH", "/usr/bin:/bin")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .expect("taipan runs");
    let text = String::from_utf8_lossy(&out.stdout);
    print!("{text}");
    assert!(
        text.lines().any(|l| l.starts_with("done ")),
        "the hunt did not finish"
    );
    let leaks: Vec<&str> = text.lines().filter(|l| l.starts_with("LEAK")).collect();
    assert!(
        leaks.iter().any(|l| l.contains("CONTROL_LEAK")),
        "the deliberate leak was not seen: the hunt cannot see leaks"
    );
    let real: Vec<&&str> = leaks
        .iter()
        .filter(|l| !l.contains("CONTROL_LEAK"))
        .collect();
    assert!(real.is_empty(), "reference leaks: {real:#?}");
}
