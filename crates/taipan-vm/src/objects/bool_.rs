//! `bool` (CPython's `Objects/boolobject.c`): a subclass of `int` with two
//! static instances, `False` and `True`.

use std::cell::Cell;

use crate::object::*;
use crate::objects::int::{PyInt, INT_TYPE};

pub static BOOL_TYPE: PyType = PyType {
    tp_name: "bool",
    tp_basicsize: Cell::new(std::mem::size_of::<PyInt>()),
    tp_flags: Cell::new(TypeFlags::LONG_SUBCLASS),
    tp_base: Cell::new(&INT_TYPE as *const PyType),
    ..PyType::BASE
};

/// `Py_False`.
pub static FALSE: PyInt = PyInt {
    ob_base: PyObject::immortal(&BOOL_TYPE),
    small: 0,
    big: None,
};

/// `Py_True`.
pub static TRUE: PyInt = PyInt {
    ob_base: PyObject::immortal(&BOOL_TYPE),
    small: 1,
    big: None,
};

// SAFETY: static ints are only touched with the GIL held.
unsafe impl Sync for PyInt {}

/// `True` or `False`.
#[inline(always)]
pub fn py_bool(b: bool) -> PyRef {
    PyRef::from_static(if b { &TRUE } else { &FALSE })
}

#[inline(always)]
pub fn is_true_obj(o: &PyRef) -> bool {
    o.is_static(&TRUE)
}

#[inline(always)]
pub fn is_false_obj(o: &PyRef) -> bool {
    o.is_static(&FALSE)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
