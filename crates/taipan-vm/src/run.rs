//! running programs and printing uncaught exceptions (CPython's Python/pythonrun.c).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
