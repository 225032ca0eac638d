//! bytearray (CPython's Objects/bytearrayobject.c).
//!
//! Not written yet: the type does not exist; [`bytearray_data`] is the hook
//! bytes uses to accept bytearrays as buffers once it does.

use crate::object::{PyRef, PyType};

/// The contents of a bytearray object (`None`: not a bytearray).
pub fn bytearray_data(_o: &PyRef) -> Option<Vec<u8>> {
    None
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
