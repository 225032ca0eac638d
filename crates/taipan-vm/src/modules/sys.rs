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
