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

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
