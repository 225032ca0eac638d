//! `iterator` over sequences without `__iter__` (CPython's
//! `Objects/iterobject.c` `PySeqIter_Type`): calls `__getitem__` with 0, 1,
//! 2, ... until `IndexError` or `StopIteration`.

use std::cell::{Cell, UnsafeCell};

use crate::object::*;

/// The `iterator` payload.
#[repr(C)]
pub struct PySeqIter {
    pub ob_base: PyObject,
    pub index: Cell<isize>,
    pub seq: UnsafeCell<Option<PyRef>>,
}

pub static SEQ_ITER_TYPE: PyType = PyType {
    tp_name: "iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PySeqIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_iter: Cell::new(Some(self_iter)),
    tp_iternext: Cell::new(Some(seq_iter_next)),
    tp_drop: Some(drop_seq_iter),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PySeqIter {
    fn type_object() -> &'static PyType {
        &SEQ_ITER_TYPE
    }
}

unsafe fn drop_seq_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { std::ptr::drop_in_place(obj as *mut PySeqIter) }
}

/// `__iter__` returning self, for iterator types.
pub fn self_iter(obj: &PyRef) -> PyResult<PyRef> {
    Ok(obj.clone())
}

/// `iter(seq)` for a sequence with only `__getitem__`.
pub fn new_seq_iter(seq: PyRef) -> PyResult<PyRef> {
    alloc_object(
        &SEQ_ITER_TYPE,
        PySeqIter {
            ob_base: PyObject::NEW,
            index: Cell::new(0),
            seq: UnsafeCell::new(Some(seq)),
        },
    )
}

fn seq_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of the seq iterator gets one.
    let s = unsafe { it.payload_unchecked::<PySeqIter>() };
    // SAFETY: short read.
    let seq = match unsafe { (*s.seq.get()).clone() } {
        Some(q) => q,
        None => return Ok(None),
    };
    let i = s.index.get();
    let f = match seq.ty().as_sequence.sq_item.get() {
        Some(f) => f,
        None => return Ok(None),
    };
    match f(&seq, i) {
        Ok(v) => {
            s.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e)
            if e.matches(&crate::objects::exceptions::INDEX_ERROR)
                || e.matches(&crate::objects::exceptions::STOP_ITERATION) =>
        {
            // SAFETY: swap out; drop after the borrow.
            let old = unsafe { (*s.seq.get()).take() };
            drop(old);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The `callable_iterator` payload (`iter(callable, sentinel)`); both cells
/// are cleared once exhausted.
#[repr(C)]
pub struct PyCallIter {
    pub ob_base: PyObject,
    pub callable: ObjCell,
    pub sentinel: ObjCell,
}

pub static CALL_ITER_TYPE: PyType = PyType {
    tp_name: "callable_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyCallIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_iter: Cell::new(Some(self_iter)),
    tp_iternext: Cell::new(Some(call_iter_next)),
    tp_drop: Some(drop_call_iter),
    tp_traverse: Cell::new(Some(traverse_call_iter)),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyCallIter {
    fn type_object() -> &'static PyType {
        &CALL_ITER_TYPE
    }
}

unsafe fn drop_call_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe {
        let p = &*(obj as *const PyCallIter);
        drop(p.callable.take());
        drop(p.sentinel.take());
    }
}

unsafe fn traverse_call_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator.
    unsafe {
        let p = &*(obj as *const PyCallIter);
        if let Some(c) = p.callable.get() {
            visit(c.as_ptr());
        }
        if let Some(s) = p.sentinel.get() {
            visit(s.as_ptr());
        }
    }
}

/// `iter(callable, sentinel)` (`PyCallIter_New`), with the builtin's check.
pub fn new_callable_iter(callable: PyRef, sentinel: PyRef) -> PyResult<PyRef> {
    if callable.ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("iter(v, w): v must be callable"));
    }
    let it = alloc_object(
        &CALL_ITER_TYPE,
        PyCallIter {
            ob_base: PyObject::NEW,
            callable: ObjCell::empty(),
            sentinel: ObjCell::empty(),
        },
    )?;
    // SAFETY: the iterator just made.
    let p = unsafe { it.payload_unchecked::<PyCallIter>() };
    p.callable.set(Some(callable));
    p.sentinel.set(Some(sentinel));
    Ok(it)
}

fn call_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of callable_iterator gets one.
    let p = unsafe { it.payload_unchecked::<PyCallIter>() };
    let (Some(f), Some(sentinel)) = (p.callable.get_owned(), p.sentinel.get_owned()) else {
        return Ok(None);
    };
    let exhaust = || {
        drop(p.callable.take());
        drop(p.sentinel.take());
    };
    match crate::object::protocol::call1(&f, &[]) {
        Ok(v) => {
            if crate::object::protocol::rich_compare_bool(&v, &sentinel, CompareOp::Eq)? {
                exhaust();
                return Ok(None);
            }
            Ok(Some(v))
        }
        Err(e) if e.matches(&crate::objects::exceptions::STOP_ITERATION) => {
            exhaust();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&CALL_ITER_TYPE];
