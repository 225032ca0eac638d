//! `float` (CPython's `Objects/floatobject.c`): an IEEE 754 double.

use std::cell::Cell;

use crate::object::*;

/// The `float` payload (`PyFloatObject`).
#[repr(C)]
pub struct PyFloat {
    pub ob_base: PyObject,
    pub value: f64,
}

pub static FLOAT_TYPE: PyType = PyType {
    tp_name: "float",
    tp_basicsize: Cell::new(std::mem::size_of::<PyFloat>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    ..PyType::BASE
};

// SAFETY: PyFloat is repr(C) with the header first.
unsafe impl PyPayload for PyFloat {
    fn type_object() -> &'static PyType {
        &FLOAT_TYPE
    }
}

impl PyFloat {
    #[inline]
    pub fn new(v: f64) -> PyResult<PyRef> {
        Self::new_in(&FLOAT_TYPE, v)
    }

    pub fn new_in(ty: &PyType, v: f64) -> PyResult<PyRef> {
        alloc_object(
            ty,
            PyFloat {
                ob_base: PyObject::NEW,
                value: v,
            },
        )
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
