//! `None`, `NotImplemented` and `Ellipsis` (CPython's `Objects/object.c`
//! `_Py_NoneStruct`, `_Py_NotImplementedStruct`, and `Objects/sliceobject.c`
//! `_Py_EllipsisObject`): static singletons of their own types, with their
//! reprs and the constructors that return the singleton.

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
    tp_repr: Cell::new(Some(none_repr)),
    tp_new: Cell::new(Some(none_new)),
    tp_methods: NONE_METHODS,
    as_number: NumberSlots {
        nb_bool: Cell::new(Some(none_bool)),
        ..NumberSlots::EMPTY
    },
    ..PyType::BASE
};

pub static NOT_IMPLEMENTED_TYPE: PyType = PyType {
    tp_name: "NotImplementedType",
    tp_basicsize: Cell::new(std::mem::size_of::<PySingleton>()),
    tp_repr: Cell::new(Some(not_implemented_repr)),
    tp_new: Cell::new(Some(not_implemented_new)),
    tp_methods: NOT_IMPLEMENTED_METHODS,
    as_number: NumberSlots {
        nb_bool: Cell::new(Some(not_implemented_bool)),
        ..NumberSlots::EMPTY
    },
    ..PyType::BASE
};

pub static ELLIPSIS_TYPE: PyType = PyType {
    tp_name: "ellipsis",
    tp_basicsize: Cell::new(std::mem::size_of::<PySingleton>()),
    tp_repr: Cell::new(Some(ellipsis_repr)),
    tp_new: Cell::new(Some(ellipsis_new)),
    tp_methods: ELLIPSIS_METHODS,
    ..PyType::BASE
};

/// `none_bool`: `None` is false.
fn none_bool(_o: &PyRef) -> PyResult<bool> {
    Ok(false)
}

/// `notimplemented_bool`: true, with the 3.9+ `DeprecationWarning`.
fn not_implemented_bool(_o: &PyRef) -> PyResult<bool> {
    let warnings = crate::import::import_module("warnings")?;
    let warn = crate::object::protocol::getattr_str(&warnings, "warn")?;
    let msg =
        crate::objects::str::PyStr::new("NotImplemented should not be used in a boolean context")?;
    let cat = PyRef::from_static(&crate::objects::exceptions::DEPRECATION_WARNING);
    crate::object::protocol::call(&warn, &[msg, cat], None)?;
    Ok(true)
}

fn none_repr(_o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::intern!("None").clone())
}

fn not_implemented_repr(_o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::intern!("NotImplemented").clone())
}

fn ellipsis_repr(_o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::intern!("Ellipsis").clone())
}

/// `__reduce__` of the singletons: their name, so that pickling gives back
/// the same object.
fn not_implemented_reduce(_o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::intern!("NotImplemented").clone())
}

fn ellipsis_reduce(_o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::intern!("Ellipsis").clone())
}

static NONE_METHODS: &[MethodDef] = &[];
static NOT_IMPLEMENTED_METHODS: &[MethodDef] = &[MethodDef::new(
    "__reduce__",
    Meth::NoArgs(not_implemented_reduce),
)];
static ELLIPSIS_METHODS: &[MethodDef] =
    &[MethodDef::new("__reduce__", Meth::NoArgs(ellipsis_reduce))];

fn singleton_new(name: &str, v: PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    if !args.is_empty() || kwnames.is_some_and(|k| crate::objects::descr::kwnames_len(k) > 0) {
        return Err(PyErr::type_error(format!("{name} takes no arguments")));
    }
    Ok(v)
}

fn none_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    singleton_new("NoneType", none(), args, kwnames)
}

fn not_implemented_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    singleton_new("NotImplementedType", not_implemented(), args, kwnames)
}

fn ellipsis_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    singleton_new("EllipsisType", ellipsis(), args, kwnames)
}

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
