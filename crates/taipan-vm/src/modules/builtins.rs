//! the builtins module (CPython's Python/bltinmodule.c).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// Creates the `builtins` module and stores it in the interpreter.
pub fn init() -> crate::object::PyResult<()> {
    Ok(())
}
