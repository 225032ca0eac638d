//! interpreter frames on the per-thread data stack (CPython's Python/frame.c, Include/internal/pycore_frame.h).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
