//! str/bytes hashing: SipHash-1-3 keyed from PYTHONHASHSEED (CPython's Python/pyhash.c).
//!
//! (Being written.)

use crate::object::PyType;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
