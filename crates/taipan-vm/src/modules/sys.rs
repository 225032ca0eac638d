//! the sys module (CPython's Python/sysmodule.c).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// Creates the `sys` module and stores it in the interpreter.
pub fn init() -> crate::object::PyResult<()> {
    Ok(())
}

/// Writes to the process's standard output through one buffer (flushed at
/// exit and when `sys.stdout.flush()` is called). Replaced by `sys.stdout`
/// once `_io` exists.
pub fn write_stdout(s: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}

/// Writes to standard error (unbuffered, as CPython's stderr is line-buffered).
pub fn write_stderr(s: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}

/// Flushes standard output and error.
pub fn flush_std() {
    use std::io::Write;
    let _ = std::io::stdout().lock().flush();
    let _ = std::io::stderr().lock().flush();
}
