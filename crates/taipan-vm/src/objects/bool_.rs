//! `bool` (CPython's `Objects/boolobject.c`): a subclass of `int` with two
//! static instances, `False` and `True`.
//!
//! `repr` is "True"/"False"; `&`, `|` and `^` give a bool when both operands
//! are bools and fall back to int's operations otherwise; `bool(x)` is
//! `PyObject_IsTrue`.

use std::cell::Cell;

use crate::object::*;
use crate::objects::int::{PyInt, INT_TYPE};

pub static BOOL_TYPE: PyType = PyType {
    tp_name: "bool",
    tp_basicsize: Cell::new(std::mem::size_of::<PyInt>()),
    tp_flags: Cell::new(TypeFlags::LONG_SUBCLASS),
    tp_base: Cell::new(&INT_TYPE as *const PyType),
    tp_doc: Some("bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed."),
    tp_repr: Cell::new(Some(bool_repr)),
    tp_new: Cell::new(Some(bool_new)),
    as_number: NumberSlots {
        nb_and: Cell::new(Some(bool_and)),
        nb_or: Cell::new(Some(bool_or)),
        nb_xor: Cell::new(Some(bool_xor)),
        ..NumberSlots::EMPTY
    },
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

fn is_bool(o: &PyRef) -> bool {
    o.is_static(&TRUE) || o.is_static(&FALSE)
}

fn bool_repr(o: &PyRef) -> PyResult<PyRef> {
    let name = if is_true_obj(o) { "True" } else { "False" };
    Ok(crate::objects::str::intern(name))
}

fn bool_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error("bool() takes no keyword arguments"));
    }
    match args {
        [] => Ok(py_bool(false)),
        [x] => Ok(py_bool(crate::object::protocol::is_true(x)?)),
        _ => Err(PyErr::type_error(format!(
            "bool expected at most 1 argument, got {}",
            args.len()
        ))),
    }
}

fn bool_and(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if is_bool(a) && is_bool(b) {
        return Ok(py_bool(is_true_obj(a) & is_true_obj(b)));
    }
    crate::objects::int::int_and(a, b)
}

fn bool_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if is_bool(a) && is_bool(b) {
        return Ok(py_bool(is_true_obj(a) | is_true_obj(b)));
    }
    crate::objects::int::int_or(a, b)
}

fn bool_xor(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if is_bool(a) && is_bool(b) {
        return Ok(py_bool(is_true_obj(a) ^ is_true_obj(b)));
    }
    crate::objects::int::int_xor(a, b)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
