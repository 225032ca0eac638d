//! slot wrappers and slot functions for classes (CPython's Objects/typeobject.c slotdefs).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// Registers the ready hook that adds slot wrappers to static types' dicts
/// (called before any type is readied).
pub fn init() {}
