//! `None`, `NotImplemented` and `Ellipsis` (CPython's `Objects/object.c`
//! `_Py_NoneStruct`, `_Py_NotImplementedStruct`, and `Objects/sliceobject.c`
//! `_Py_EllipsisObject`): static singletons of their own types.

use std::cell::Cell;

use crate::object::*;

/// A singleton's payload: the header only.
#[repr(C)]
pub struct PySingleton {
    pub ob_base: PyObject,
}

// SAFETY: singletons are only touched with the GIL held.
unsafe impl Sync for PySingleton {}

pub static NONE_TYPE: PyType = PyType {
    tp_name: "NoneType",
    tp_basicsize: Cell::new(std::mem::size_of::<PySingleton>()),
    ..PyType::BASE
};

pub static NOT_IMPLEMENTED_TYPE: PyType = PyType {
    tp_name: "NotImplementedType",
    tp_basicsize: Cell::new(std::mem::size_of::<PySingleton>()),
    ..PyType::BASE
};

pub static ELLIPSIS_TYPE: PyType = PyType {
    tp_name: "ellipsis",
    tp_basicsize: Cell::new(std::mem::size_of::<PySingleton>()),
    ..PyType::BASE
};

pub static NONE: PySingleton = PySingleton {
    ob_base: PyObject::immortal(&NONE_TYPE),
};

pub static NOT_IMPLEMENTED: PySingleton = PySingleton {
    ob_base: PyObject::immortal(&NOT_IMPLEMENTED_TYPE),
};

pub static ELLIPSIS: PySingleton = PySingleton {
    ob_base: PyObject::immortal(&ELLIPSIS_TYPE),
};

#[inline(always)]
pub fn none() -> PyRef {
    PyRef::from_static(&NONE)
}

#[inline(always)]
pub fn not_implemented() -> PyRef {
    PyRef::from_static(&NOT_IMPLEMENTED)
}

#[inline(always)]
pub fn ellipsis() -> PyRef {
    PyRef::from_static(&ELLIPSIS)
}

impl PyRef {
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.is_static(&NONE)
    }

    #[inline(always)]
    pub fn is_not_implemented(&self) -> bool {
        self.is_static(&NOT_IMPLEMENTED)
    }
}
