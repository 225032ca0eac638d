//! `enumerate` and `reversed` (CPython's `Objects/enumobject.c`).
//!
//! enumerate counts with a machine integer and moves to int objects once the
//! count no longer fits, as `en_longindex` does.

use std::cell::Cell;

use num_bigint::BigInt;

use crate::object::protocol;
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::slice::{self as slice_mod, check_nargs, no_kwargs};
use crate::objects::tuple::PyTuple;

/// The `enumerate` payload.
#[repr(C)]
pub struct PyEnumerate {
    pub ob_base: PyObject,
    pub iter: ObjCell,
    /// The next count while it fits in an i64.
    pub index: Cell<i64>,
    /// The next count once it no longer does (`en_longindex`).
    pub long_index: ObjCell,
    /// CPython's cached result tuple and cached `1` (`en_result`, `one`): kept
    /// for the object size only (`sys.getsizeof`).
    pub _cpython_cache: [Cell<usize>; 2],
}

pub static ENUMERATE_TYPE: PyType = PyType {
    tp_name: "enumerate",
    tp_doc: Some("Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ..."),
    tp_basicsize: Cell::new(std::mem::size_of::<PyEnumerate>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_enumerate),
    tp_traverse: Cell::new(Some(traverse_enumerate)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(enum_next)),
    tp_new: Cell::new(Some(enum_new)),
    tp_methods: &[
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
        MethodDef::new("__reduce__", Meth::NoArgs(enum_reduce)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyEnumerate {
    fn type_object() -> &'static PyType {
        &ENUMERATE_TYPE
    }
}

unsafe fn drop_enumerate(obj: *mut PyObject) {
    // SAFETY: obj is a dead enumerate.
    unsafe {
        let p = &*(obj as *const PyEnumerate);
        drop(p.iter.take());
        drop(p.long_index.take());
    }
}

unsafe fn traverse_enumerate(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live enumerate.
    unsafe {
        let p = &*(obj as *const PyEnumerate);
        if let Some(i) = p.iter.get() {
            visit(i.as_ptr());
        }
    }
}

fn enum_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("enumerate.__new__(X): X is not a type object"))?;
    let nkw = slice_mod::nkw(kwnames);
    let npos = args.len().saturating_sub(nkw);
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "enumerate() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut iterable = args.first().filter(|_| npos >= 1).cloned();
    let mut start = args.get(1).filter(|_| npos >= 2).cloned();
    for (name, v) in slice_mod::kw_names(kwnames).iter().zip(&args[npos..]) {
        let slot = match name.as_str() {
            "iterable" => &mut iterable,
            "start" => &mut start,
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{name}' is an invalid keyword argument for enumerate()"
                )))
            }
        };
        if slot.is_some() {
            return Err(PyErr::type_error(format!(
                "argument for enumerate() given by name ('{name}') and position"
            )));
        }
        *slot = Some(v.clone());
    }
    let Some(iterable) = iterable else {
        return Err(PyErr::type_error(
            "enumerate() missing required argument 'iterable'",
        ));
    };
    let (index, long_index) = match start {
        None => (0, None),
        Some(s) => {
            let i = protocol::index(&s)?;
            // SAFETY: index() returns an int.
            match unsafe { i.payload_unchecked::<PyInt>() }.as_i64() {
                Some(v) if v < i64::MAX => (v, None),
                _ => (0, Some(i)),
            }
        }
    };
    let it = protocol::get_iter(&iterable)?;
    let e = alloc_object(
        ty,
        PyEnumerate {
            ob_base: PyObject::NEW,
            iter: ObjCell::empty(),
            index: Cell::new(index),
            long_index: ObjCell::empty(),
            _cpython_cache: [Cell::new(0), Cell::new(0)],
        },
    )?;
    // SAFETY: the object just made.
    let p = unsafe { e.payload_unchecked::<PyEnumerate>() };
    p.iter.set(Some(it));
    p.long_index.set(long_index);
    Ok(e)
}

fn enum_next(e: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of enumerate gets one.
    let p = unsafe { e.payload_unchecked::<PyEnumerate>() };
    let Some(it) = p.iter.get_owned() else {
        return Ok(None);
    };
    let Some(item) = protocol::next(&it)? else {
        return Ok(None);
    };
    let count = match p.long_index.get_owned() {
        Some(l) => {
            // SAFETY: long_index holds an int.
            let v = unsafe { l.payload_unchecked::<PyInt>() }.to_bigint();
            drop(
                p.long_index
                    .set(Some(PyInt::from_bigint(v + BigInt::from(1))?)),
            );
            l
        }
        None => {
            let i = p.index.get();
            if i == i64::MAX - 1 {
                p.long_index
                    .set(Some(PyInt::from_bigint(BigInt::from(i) + BigInt::from(1))?));
            } else {
                p.index.set(i + 1);
            }
            PyInt::new(i)?
        }
    };
    PyTuple::new(vec![count, item]).map(Some)
}

/// The `reversed` payload: a sequence read backwards through `sq_item`.
#[repr(C)]
pub struct PyReversed {
    pub ob_base: PyObject,
    pub index: Cell<isize>,
    pub seq: ObjCell,
}

pub static REVERSED_TYPE: PyType = PyType {
    tp_name: "reversed",
    tp_basicsize: Cell::new(std::mem::size_of::<PyReversed>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_reversed),
    tp_traverse: Cell::new(Some(traverse_reversed)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(reversed_next)),
    tp_new: Cell::new(Some(reversed_new)),
    tp_methods: &[
        MethodDef::new("__length_hint__", Meth::NoArgs(reversed_len)),
        MethodDef::new("__reduce__", Meth::NoArgs(reversed_reduce)),
        MethodDef::new("__setstate__", Meth::O(reversed_setstate)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyReversed {
    fn type_object() -> &'static PyType {
        &REVERSED_TYPE
    }
}

unsafe fn drop_reversed(obj: *mut PyObject) {
    // SAFETY: obj is a dead reversed.
    unsafe { drop((*(obj as *const PyReversed)).seq.take()) }
}

unsafe fn traverse_reversed(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live reversed.
    unsafe {
        if let Some(s) = (*(obj as *const PyReversed)).seq.get() {
            visit(s.as_ptr());
        }
    }
}

fn reversed_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("reversed.__new__(X): X is not a type object"))?;
    if slice_mod::new_rejects_kwargs(ty, &REVERSED_TYPE) {
        no_kwargs("reversed", kwnames)?;
    }
    check_nargs(
        "reversed",
        args.len().saturating_sub(slice_mod::nkw(kwnames)),
        1,
        1,
    )?;
    let seq = &args[0];
    let meth = crate::objects::type_::lookup_str(seq.ty(), "__reversed__");
    if let Some(m) = meth {
        if m.is_none() {
            return Err(not_reversible(seq));
        }
        let bound = crate::objects::descr::bind(&m, Some(seq), Some(&seq.type_ref()))?;
        return protocol::call1(&bound, &[]);
    }
    let st = seq.ty();
    let is_seq = st.as_sequence.sq_item.get().is_some() && !st.has_flag(TypeFlags::DICT_SUBCLASS);
    if !is_seq {
        return Err(not_reversible(seq));
    }
    let n = protocol::len(seq)? as isize;
    let r = alloc_object(
        ty,
        PyReversed {
            ob_base: PyObject::NEW,
            index: Cell::new(n - 1),
            seq: ObjCell::empty(),
        },
    )?;
    // SAFETY: the object just made.
    unsafe { r.payload_unchecked::<PyReversed>() }
        .seq
        .set(Some(seq.clone()));
    Ok(r)
}

fn not_reversible(seq: &PyRef) -> PyErr {
    PyErr::type_error(format!("'{}' object is not reversible", seq.ty().name()))
}

fn reversed_next(r: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of reversed gets one.
    let p = unsafe { r.payload_unchecked::<PyReversed>() };
    let i = p.index.get();
    let Some(seq) = p.seq.get_owned() else {
        return Ok(None);
    };
    if i >= 0 {
        if let Some(f) = seq.ty().as_sequence.sq_item.get() {
            match f(&seq, i) {
                Ok(v) => {
                    p.index.set(i - 1);
                    return Ok(Some(v));
                }
                Err(e)
                    if e.matches(&crate::objects::exceptions::INDEX_ERROR)
                        || e.matches(&crate::objects::exceptions::STOP_ITERATION) => {}
                Err(e) => return Err(e),
            }
        }
    }
    p.index.set(-1);
    drop(p.seq.take());
    Ok(None)
}

/// `(type(en), (iterator, next_count))`.
fn enum_reduce(e: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of enumerate.
    let p = unsafe { e.payload_unchecked::<PyEnumerate>() };
    let count = match p.long_index.get_owned() {
        Some(l) => l,
        None => PyInt::new(p.index.get())?,
    };
    let it = p
        .iter
        .get_owned()
        .unwrap_or_else(crate::objects::none::none);
    PyTuple::new(vec![e.type_ref(), PyTuple::new(vec![it, count])?])
}

fn reversed_reduce(r: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of reversed.
    let p = unsafe { r.payload_unchecked::<PyReversed>() };
    match p.seq.get_owned() {
        Some(s) => PyTuple::new(vec![
            r.type_ref(),
            PyTuple::new(vec![s])?,
            PyInt::new(p.index.get() as i64)?,
        ]),
        None => PyTuple::new(vec![
            r.type_ref(),
            PyTuple::new(vec![PyTuple::new(Vec::new())?])?,
        ]),
    }
}

fn reversed_setstate(r: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of reversed.
    let p = unsafe { r.payload_unchecked::<PyReversed>() };
    if let Some(seq) = p.seq.get_owned() {
        let n = protocol::len(&seq)? as isize;
        let i = crate::objects::iter::setstate_index(state, -1, n - 1)?;
        p.index.set(i);
    }
    Ok(crate::objects::none::none())
}

fn reversed_len(r: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of reversed.
    let p = unsafe { r.payload_unchecked::<PyReversed>() };
    let Some(seq) = p.seq.get_owned() else {
        return PyInt::new(0);
    };
    let n = protocol::len(&seq)? as isize;
    let left = if p.index.get() < n {
        p.index.get() + 1
    } else {
        0
    };
    PyInt::new(left.max(0) as i64)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&ENUMERATE_TYPE, &REVERSED_TYPE];
