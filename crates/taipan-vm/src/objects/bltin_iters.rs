//! map, filter and zip (CPython's Python/bltinmodule.c).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
