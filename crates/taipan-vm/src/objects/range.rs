//! `range` (CPython's `Objects/rangeobject.c`).
//!
//! start, stop, step and the length are int objects, as in CPython, so ranges
//! over huge ints work; arithmetic goes through `BigInt` except on the
//! iterator's hot path: `range_iterator` runs on machine integers when every
//! value fits, `longrange_iterator` otherwise.

use std::cell::Cell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::none::{none, not_implemented};
use crate::objects::slice::{self as slice_mod, check_nargs, no_kwargs, PySlice};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The `range` payload.
#[repr(C)]
pub struct PyRange {
    pub ob_base: PyObject,
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
    pub length: PyRef,
}

pub static RANGE_TYPE: PyType = PyType {
    tp_name: "range",
    tp_basicsize: Cell::new(std::mem::size_of::<PyRange>()),
    tp_flags: Cell::new(TypeFlags::SEQUENCE),
    tp_drop: Some(drop_range),
    tp_repr: Cell::new(Some(range_repr)),
    tp_hash: Cell::new(Some(range_hash)),
    tp_richcompare: Cell::new(Some(range_richcompare)),
    tp_iter: Cell::new(Some(range_iter)),
    tp_new: Cell::new(Some(range_new)),
    as_number: NumberSlots {
        nb_bool: Cell::new(Some(range_bool)),
        ..NumberSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(range_length)),
        sq_item: Cell::new(Some(range_sq_item)),
        sq_contains: Cell::new(Some(range_contains)),
        ..SequenceSlots::EMPTY
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(range_length)),
        mp_subscript: Cell::new(Some(range_subscript)),
        mp_ass_subscript: Cell::new(None),
    },
    tp_methods: &[
        MethodDef::new("index", Meth::O(range_index)),
        MethodDef::new("count", Meth::O(range_count)),
        MethodDef::new("__reversed__", Meth::NoArgs(range_reversed)),
        MethodDef::new("__reduce__", Meth::NoArgs(range_reduce)),
    ],
    tp_members: &[
        GetSetDef::readonly_member("start", |r| Ok(payload(r).start.clone())),
        GetSetDef::readonly_member("stop", |r| Ok(payload(r).stop.clone())),
        GetSetDef::readonly_member("step", |r| Ok(payload(r).step.clone())),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyRange {
    fn type_object() -> &'static PyType {
        &RANGE_TYPE
    }
}

unsafe fn drop_range(obj: *mut PyObject) {
    // SAFETY: obj is a dead range; its fields are owned references.
    unsafe {
        let p = obj as *mut PyRange;
        std::ptr::drop_in_place(&mut (*p).start);
        std::ptr::drop_in_place(&mut (*p).stop);
        std::ptr::drop_in_place(&mut (*p).step);
        std::ptr::drop_in_place(&mut (*p).length);
    }
}

fn payload(r: &PyRef) -> &PyRange {
    // SAFETY: the range type's slots get ranges.
    unsafe { r.payload_unchecked::<PyRange>() }
}

fn big(o: &PyRef) -> BigInt {
    match o.downcast::<PyInt>() {
        Some(i) => i.to_bigint(),
        None => BigInt::zero(),
    }
}

/// An int's value when it is held as a machine integer (no allocation).
fn small(o: &PyRef) -> Option<i64> {
    o.downcast::<PyInt>().and_then(|i| match i.value() {
        crate::objects::int::IntValue::Small(v) => Some(v),
        crate::objects::int::IntValue::Big(_) => None,
    })
}

/// `compute_range_length` on machine integers (i128: never overflows).
fn small_length(lo: i64, hi: i64, step: i64) -> i128 {
    let (lo, hi, step) = (lo as i128, hi as i128, step as i128);
    if step > 0 && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        0
    }
}

fn mk(v: BigInt) -> PyResult<PyRef> {
    PyInt::from_bigint(v)
}

/// `compute_range_length`.
fn compute_length(lo: &BigInt, hi: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step.is_negative() && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        BigInt::zero()
    }
}

impl PyRange {
    /// A range from machine integers (step non-zero), without big ints.
    pub fn new_small(start: i64, stop: i64, step: i64) -> PyResult<PyRef> {
        let len = small_length(start, stop, step);
        let length = match i64::try_from(len) {
            Ok(l) => PyInt::new(l)?,
            Err(_) => mk(BigInt::from(len))?,
        };
        alloc_object(
            &RANGE_TYPE,
            PyRange {
                ob_base: PyObject::NEW,
                start: PyInt::new(start)?,
                stop: PyInt::new(stop)?,
                step: PyInt::new(step)?,
                length,
            },
        )
    }

    /// A range from ints (step non-zero).
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> PyResult<PyRef> {
        let len = compute_length(&start, &stop, &step);
        alloc_object(
            &RANGE_TYPE,
            PyRange {
                ob_base: PyObject::NEW,
                start: mk(start)?,
                stop: mk(stop)?,
                step: mk(step)?,
                length: mk(len)?,
            },
        )
    }
}

fn range_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kwargs("range", kwnames)?;
    check_nargs("range", args.len(), 1, 3)?;
    let idx = args
        .iter()
        .map(protocol::index)
        .collect::<PyResult<Vec<_>>>()?;
    let smalls: Vec<Option<i64>> = idx.iter().map(small).collect();
    match smalls.as_slice() {
        [Some(stop)] => return PyRange::new_small(0, *stop, 1),
        [Some(start), Some(stop)] => return PyRange::new_small(*start, *stop, 1),
        [Some(start), Some(stop), Some(step)] if *step != 0 => {
            return PyRange::new_small(*start, *stop, *step)
        }
        _ => {}
    }
    let ints: Vec<BigInt> = idx.iter().map(big).collect();
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (BigInt::zero(), stop.clone(), BigInt::one()),
        [start, stop] => (start.clone(), stop.clone(), BigInt::one()),
        [start, stop, step] => {
            if step.is_zero() {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            (start.clone(), stop.clone(), step.clone())
        }
        _ => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ))
        }
    };
    PyRange::new(start, stop, step)
}

fn range_repr(r: &PyRef) -> PyResult<PyRef> {
    let p = payload(r);
    let step = big(&p.step);
    let s = if step.is_one() {
        format!("range({}, {})", big(&p.start), big(&p.stop))
    } else {
        format!("range({}, {}, {})", big(&p.start), big(&p.stop), step)
    };
    PyStr::new(&s)
}

fn range_length(r: &PyRef) -> PyResult<usize> {
    big(&payload(r).length)
        .to_usize()
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_bool(r: &PyRef) -> PyResult<bool> {
    Ok(!big(&payload(r).length).is_zero())
}

/// The `i`-th value (0 <= i < len).
fn value_at(p: &PyRange, i: &BigInt) -> BigInt {
    big(&p.start) + i * big(&p.step)
}

fn item_big(r: &PyRef, mut i: BigInt) -> PyResult<PyRef> {
    let p = payload(r);
    let len = big(&p.length);
    if i.is_negative() {
        i += &len;
    }
    if i.is_negative() || i >= len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    mk(value_at(p, &i))
}

fn range_sq_item(r: &PyRef, i: isize) -> PyResult<PyRef> {
    let p = payload(r);
    if let (Some(start), Some(step), Some(len)) =
        (small(&p.start), small(&p.step), small(&p.length))
    {
        if i < 0 || i as i64 >= len {
            return Err(PyErr::index_error("range object index out of range"));
        }
        let v = start as i128 + i as i128 * step as i128;
        if let Ok(v) = i64::try_from(v) {
            return PyInt::new(v);
        }
    }
    let len = big(&p.length);
    let i = BigInt::from(i);
    if i.is_negative() || i >= len {
        return Err(PyErr::index_error("range object index out of range"));
    }
    mk(value_at(p, &i))
}

fn range_subscript(r: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    if slice_mod::is_index(key) {
        let i = protocol::index(key)?;
        return item_big(r, big(&i));
    }
    if key.is_instance_of::<PySlice>() {
        let p = payload(r);
        let (start, stop, step) = slice_mod::long_indices(key, &big(&p.length))?;
        let rstep = big(&p.step);
        let rstart = big(&p.start);
        let substart = &rstart + start * &rstep;
        let substop = &rstart + stop * &rstep;
        let substep = &rstep * step;
        return PyRange::new(substart, substop, substep);
    }
    Err(PyErr::type_error(format!(
        "range indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

/// Is `v` (an exact int or bool) one of the range's values?
fn contains_small(p: &PyRange, x: i64) -> Option<bool> {
    let (start, stop, step) = (small(&p.start)?, small(&p.stop)?, small(&p.step)?);
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    Some(inside && (x as i128 - start as i128).rem_euclid(step as i128) == 0)
}

fn contains_int(p: &PyRange, v: &BigInt) -> bool {
    if let Some(r) = v.to_i64().and_then(|x| contains_small(p, x)) {
        return r;
    }
    let start = big(&p.start);
    let stop = big(&p.stop);
    let step = big(&p.step);
    let inside = if step.is_positive() {
        &start <= v && v < &stop
    } else {
        &stop < v && v <= &start
    };
    inside && (v - &start).mod_floor(&step).is_zero()
}

fn is_plain_int(o: &PyRef) -> bool {
    o.is_exact::<PyInt>() || o.is_exact_bool()
}

trait BoolCheck {
    fn is_exact_bool(&self) -> bool;
}

impl BoolCheck for PyRef {
    fn is_exact_bool(&self) -> bool {
        std::ptr::eq(self.ty(), &crate::objects::bool_::BOOL_TYPE)
    }
}

fn range_contains(r: &PyRef, x: &PyRef) -> PyResult<bool> {
    if is_plain_int(x) {
        if let Some(r) = small(x).and_then(|v| contains_small(payload(r), v)) {
            return Ok(r);
        }
        return Ok(contains_int(payload(r), &big(x)));
    }
    let it = range_iter(r)?;
    while let Some(v) = protocol::next(&it)? {
        if protocol::rich_compare_bool(&v, x, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_equal(a: &PyRange, b: &PyRange) -> bool {
    let la = big(&a.length);
    if la != big(&b.length) {
        return false;
    }
    if la.is_zero() {
        return true;
    }
    if big(&a.start) != big(&b.start) {
        return false;
    }
    la.is_one() || big(&a.step) == big(&b.step)
}

fn range_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(a), Some(b)) = (v.downcast::<PyRange>(), w.downcast::<PyRange>()) else {
        return Ok(not_implemented());
    };
    match op {
        CompareOp::Eq => Ok(py_bool(v.is(w) || range_equal(a, b))),
        CompareOp::Ne => Ok(py_bool(!(v.is(w) || range_equal(a, b)))),
        _ => Ok(not_implemented()),
    }
}

fn range_hash(r: &PyRef) -> PyResult<isize> {
    let p = payload(r);
    let len = big(&p.length);
    let t = if len.is_zero() {
        PyTuple::new(vec![p.length.clone(), none(), none()])?
    } else if len.is_one() {
        PyTuple::new(vec![p.length.clone(), p.start.clone(), none()])?
    } else {
        PyTuple::new(vec![p.length.clone(), p.start.clone(), p.step.clone()])?
    };
    protocol::hash(&t)
}

fn range_index(r: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    let p = payload(r);
    if is_plain_int(x) {
        let v = big(x);
        if contains_int(p, &v) {
            return mk((v - big(&p.start)) / big(&p.step));
        }
    } else {
        let it = range_iter(r)?;
        let mut i: i64 = 0;
        while let Some(v) = protocol::next(&it)? {
            if protocol::rich_compare_bool(&v, x, CompareOp::Eq)? {
                return PyInt::new(i);
            }
            i += 1;
        }
        return Err(PyErr::value_error("sequence.index(x): x not in sequence"));
    }
    Err(PyErr::value_error(format!(
        "{} is not in range",
        protocol::repr_string(x)?
    )))
}

fn range_count(r: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    if is_plain_int(x) {
        return PyInt::new(contains_int(payload(r), &big(x)) as i64);
    }
    let it = range_iter(r)?;
    let mut n = 0;
    while let Some(v) = protocol::next(&it)? {
        if protocol::rich_compare_bool(&v, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    PyInt::new(n)
}

fn range_reduce(r: &PyRef) -> PyResult<PyRef> {
    let p = payload(r);
    PyTuple::new(vec![
        RANGE_TYPE.as_pyref(),
        PyTuple::new(vec![p.start.clone(), p.stop.clone(), p.step.clone()])?,
    ])
}

// ---------------------------------------------------------------------------
// Iterators.

/// `range_iterator`: machine integers.
#[repr(C)]
pub struct PyRangeIter {
    pub ob_base: PyObject,
    /// Items produced so far.
    pub index: Cell<u64>,
    pub start: Cell<i64>,
    pub step: Cell<i64>,
    pub len: Cell<u64>,
}

pub static RANGE_ITER_TYPE: PyType = PyType {
    tp_name: "range_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyRangeIter>()),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(range_iter_next)),
    tp_methods: &[
        MethodDef::new("__length_hint__", Meth::NoArgs(range_iter_len)),
        MethodDef::new("__reduce__", Meth::NoArgs(range_iter_reduce)),
        MethodDef::new("__setstate__", Meth::O(range_iter_setstate)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyRangeIter {
    fn type_object() -> &'static PyType {
        &RANGE_ITER_TYPE
    }
}

/// `longrange_iterator`: int objects.
#[repr(C)]
pub struct PyLongRangeIter {
    pub ob_base: PyObject,
    pub index: ObjCell,
    pub start: ObjCell,
    pub step: ObjCell,
    pub len: ObjCell,
}

pub static LONGRANGE_ITER_TYPE: PyType = PyType {
    tp_name: "longrange_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyLongRangeIter>()),
    tp_drop: Some(drop_longrange_iter),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(longrange_iter_next)),
    tp_methods: &[
        MethodDef::new("__length_hint__", Meth::NoArgs(longrange_iter_len)),
        MethodDef::new("__reduce__", Meth::NoArgs(longrange_iter_reduce)),
        MethodDef::new("__setstate__", Meth::O(longrange_iter_setstate)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyLongRangeIter {
    fn type_object() -> &'static PyType {
        &LONGRANGE_ITER_TYPE
    }
}

unsafe fn drop_longrange_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe {
        let p = &*(obj as *const PyLongRangeIter);
        drop(p.index.take());
        drop(p.start.take());
        drop(p.step.take());
        drop(p.len.take());
    }
}

fn make_iter(start: BigInt, step: BigInt, len: BigInt) -> PyResult<PyRef> {
    // The last value must fit too, so that stepping never overflows.
    let last: BigInt = &start + (&len - BigInt::one()).max(BigInt::zero()) * &step;
    if let (Some(s), Some(st), Some(n), Some(_)) =
        (start.to_i64(), step.to_i64(), len.to_u64(), last.to_i64())
    {
        if (&start + &step * &len).to_i64().is_some() {
            return alloc_object(
                &RANGE_ITER_TYPE,
                PyRangeIter {
                    ob_base: PyObject::NEW,
                    index: Cell::new(0),
                    start: Cell::new(s),
                    step: Cell::new(st),
                    len: Cell::new(n),
                },
            );
        }
    }
    let it = alloc_object(
        &LONGRANGE_ITER_TYPE,
        PyLongRangeIter {
            ob_base: PyObject::NEW,
            index: ObjCell::empty(),
            start: ObjCell::empty(),
            step: ObjCell::empty(),
            len: ObjCell::empty(),
        },
    )?;
    // SAFETY: the iterator just made.
    let p = unsafe { it.payload_unchecked::<PyLongRangeIter>() };
    p.index.set(Some(mk(BigInt::zero())?));
    p.start.set(Some(mk(start)?));
    p.step.set(Some(mk(step)?));
    p.len.set(Some(mk(len)?));
    Ok(it)
}

fn range_iter(r: &PyRef) -> PyResult<PyRef> {
    let p = payload(r);
    if let (Some(start), Some(step), Some(len)) =
        (small(&p.start), small(&p.step), small(&p.length))
    {
        let end = start as i128 + step as i128 * len as i128;
        if i64::try_from(end).is_ok() && len >= 0 {
            return alloc_object(
                &RANGE_ITER_TYPE,
                PyRangeIter {
                    ob_base: PyObject::NEW,
                    index: Cell::new(0),
                    start: Cell::new(start),
                    step: Cell::new(step),
                    len: Cell::new(len as u64),
                },
            );
        }
    }
    make_iter(big(&p.start), big(&p.step), big(&p.length))
}

fn range_reversed(r: &PyRef) -> PyResult<PyRef> {
    let p = payload(r);
    let len = big(&p.length);
    let step = big(&p.step);
    let last: BigInt = big(&p.start) + (&len - BigInt::one()) * &step;
    make_iter(last, -step, len)
}

fn range_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of range_iterator gets one.
    let p = unsafe { it.payload_unchecked::<PyRangeIter>() };
    let i = p.index.get();
    if i >= p.len.get() {
        return Ok(None);
    }
    p.index.set(i + 1);
    // In range: the last value fits in i64 (checked when made).
    let v = p
        .start
        .get()
        .wrapping_add((i as i64).wrapping_mul(p.step.get()));
    PyInt::new(v).map(Some)
}

fn range_iter_len(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of range_iterator.
    let p = unsafe { it.payload_unchecked::<PyRangeIter>() };
    PyInt::from_bigint(BigInt::from(p.len.get().saturating_sub(p.index.get())))
}

/// `(iter, (range(start, start + len*step, step),), index)`.
fn reduce_range_iter(start: BigInt, step: BigInt, len: BigInt, index: PyRef) -> PyResult<PyRef> {
    let stop = &start + &len * &step;
    let r = PyRange::new(start, stop, step)?;
    crate::objects::tuple::PyTuple::new(vec![
        crate::objects::iter::builtin("iter")?,
        crate::objects::tuple::PyTuple::new(vec![r])?,
        index,
    ])
}

fn range_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of range_iterator.
    let p = unsafe { it.payload_unchecked::<PyRangeIter>() };
    reduce_range_iter(
        BigInt::from(p.start.get()),
        BigInt::from(p.step.get()),
        BigInt::from(p.len.get()),
        PyInt::from_bigint(BigInt::from(p.index.get()))?,
    )
}

fn range_iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of range_iterator.
    let p = unsafe { it.payload_unchecked::<PyRangeIter>() };
    let len = p.len.get().min(isize::MAX as u64) as isize;
    let i = crate::objects::iter::setstate_index(state, 0, len)?;
    p.index.set(i as u64);
    Ok(none())
}

fn longrange_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of longrange_iterator gets one.
    let p = unsafe { it.payload_unchecked::<PyLongRangeIter>() };
    let i = p.index.get().map(big).unwrap_or_default();
    let len = p.len.get().map(big).unwrap_or_default();
    if i >= len {
        return Ok(None);
    }
    let step = p.step.get().map(big).unwrap_or_default();
    let v = p.start.get().map(big).unwrap_or_default() + &i * step;
    drop(p.index.set(Some(mk(i + 1)?)));
    mk(v).map(Some)
}

fn longrange_iter_len(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of longrange_iterator.
    let p = unsafe { it.payload_unchecked::<PyLongRangeIter>() };
    let i = p.index.get().map(big).unwrap_or_default();
    let len = p.len.get().map(big).unwrap_or_default();
    mk((len - i).max(BigInt::zero()))
}

fn longrange_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of longrange_iterator.
    let p = unsafe { it.payload_unchecked::<PyLongRangeIter>() };
    reduce_range_iter(
        p.start.get().map(big).unwrap_or_default(),
        p.step.get().map(big).unwrap_or_default(),
        p.len.get().map(big).unwrap_or_default(),
        p.index.get_owned().unwrap_or_else(none),
    )
}

fn longrange_iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of longrange_iterator.
    let p = unsafe { it.payload_unchecked::<PyLongRangeIter>() };
    let i = crate::object::protocol::index(state)?;
    let len = p.len.get().map(big).unwrap_or_default();
    let v = big(&i).max(BigInt::zero()).min(len);
    drop(p.index.set(Some(mk(v)?)));
    Ok(none())
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&RANGE_TYPE, &RANGE_ITER_TYPE, &LONGRANGE_ITER_TYPE];
