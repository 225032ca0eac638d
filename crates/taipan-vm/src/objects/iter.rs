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
    tp_methods: SEQ_ITER_METHODS,
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
    tp_methods: &[MethodDef::new("__reduce__", Meth::NoArgs(call_iter_reduce))],
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

/// A built-in function or type by name (`iter`, `reversed`, ...), as the
/// iterators' `__reduce__` name their rebuilders (`_PyEval_GetBuiltin`).
pub fn builtin(name: &str) -> PyResult<PyRef> {
    let b = crate::modules::builtins::builtins_module()?;
    crate::object::protocol::getattr_str(&b, name)
}

/// `(builtin, (seq,), index)`, or `(iter, (empty,))` once exhausted: the
/// `__reduce__` of the index-based sequence iterators.
pub fn reduce_seq_iter(
    rebuild: &str,
    seq: Option<PyRef>,
    index: isize,
    empty: impl FnOnce() -> PyResult<PyRef>,
) -> PyResult<PyRef> {
    match seq {
        Some(s) => crate::objects::tuple::PyTuple::new(vec![
            builtin(rebuild)?,
            crate::objects::tuple::PyTuple::new(vec![s])?,
            crate::objects::int::PyInt::new(index as i64)?,
        ]),
        None => crate::objects::tuple::PyTuple::new(vec![
            builtin("iter")?,
            crate::objects::tuple::PyTuple::new(vec![empty()?])?,
        ]),
    }
}

/// The index argument of `__setstate__`, clamped to `lo..=hi`.
pub fn setstate_index(state: &PyRef, lo: isize, hi: isize) -> PyResult<isize> {
    let i = crate::objects::int::as_ssize_index(state).map_err(|e| {
        if e.matches(&crate::objects::exceptions::INDEX_ERROR) {
            PyErr::overflow_error("Python int too large to convert to C ssize_t")
        } else {
            e
        }
    })?;
    Ok(i.clamp(lo, hi.max(lo)))
}

fn seq_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: only installed on `iterator`.
    let p = unsafe { it.payload_unchecked::<PySeqIter>() };
    // SAFETY: GIL held; a short read.
    let seq = unsafe { (*p.seq.get()).clone() };
    reduce_seq_iter("iter", seq, p.index.get(), || {
        crate::objects::tuple::PyTuple::new(Vec::new())
    })
}

fn seq_iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    // SAFETY: only installed on `iterator`.
    let p = unsafe { it.payload_unchecked::<PySeqIter>() };
    let i = setstate_index(state, 0, isize::MAX)?;
    // SAFETY: GIL held; a short read.
    if unsafe { (*p.seq.get()).is_some() } {
        p.index.set(i);
    }
    Ok(crate::objects::none::none())
}

/// `iterator`'s methods.
pub static SEQ_ITER_METHODS: &[MethodDef] = &[
    MethodDef::new("__reduce__", Meth::NoArgs(seq_iter_reduce)),
    MethodDef::new("__setstate__", Meth::O(seq_iter_setstate)),
];

/// `(iter, (callable, sentinel))`, or `(iter, ((),))` once exhausted.
fn call_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of callable_iterator.
    let p = unsafe { it.payload_unchecked::<PyCallIter>() };
    let args = match (p.callable.get_owned(), p.sentinel.get_owned()) {
        (Some(c), Some(s)) => vec![c, s],
        _ => vec![crate::objects::tuple::PyTuple::new(Vec::new())?],
    };
    crate::objects::tuple::PyTuple::new(vec![
        builtin("iter")?,
        crate::objects::tuple::PyTuple::new(args)?,
    ])
}
