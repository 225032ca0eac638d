//! `slice` (CPython's `Objects/sliceobject.c`): the object, `indices()`, and
//! the index arithmetic every sequence uses (`PySlice_Unpack`,
//! `PySlice_AdjustIndices`, `_PyEval_SliceIndex`).
//!
//! Also small argument helpers shared by the container files (CPython's
//! Argument Clinic messages: "pop expected at most 1 argument, got 2").
//!
//! Deviation: `slice.indices()` computes with clamped machine integers
//! (`Py_ssize_t`), not arbitrary precision: a `start`/`stop`/`step` beyond
//! ±2**63 is clamped first, as the C slots do.

use std::cell::Cell;

use num_traits::Signed;

use crate::object::protocol;
use crate::object::*;
use crate::objects::int::{IntValue, PyInt};
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The `slice` payload.
#[repr(C)]
pub struct PySlice {
    pub ob_base: PyObject,
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

pub static SLICE_TYPE: PyType = PyType {
    tp_name: "slice",
    tp_basicsize: Cell::new(std::mem::size_of::<PySlice>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_slice),
    tp_traverse: Cell::new(Some(traverse_slice)),
    tp_repr: Cell::new(Some(slice_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(slice_richcompare)),
    tp_new: Cell::new(Some(slice_new)),
    tp_methods: &[
        MethodDef::new("indices", Meth::O(slice_indices)),
        MethodDef::new("__reduce__", Meth::NoArgs(slice_reduce)),
    ],
    tp_members: &[
        GetSetDef::readonly_member("start", |s| Ok(payload(s).start.clone())),
        GetSetDef::readonly_member("stop", |s| Ok(payload(s).stop.clone())),
        GetSetDef::readonly_member("step", |s| Ok(payload(s).step.clone())),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PySlice {
    fn type_object() -> &'static PyType {
        &SLICE_TYPE
    }
}

unsafe fn drop_slice(obj: *mut PyObject) {
    // SAFETY: obj is a dead slice; its three fields are owned references.
    unsafe {
        let p = obj as *mut PySlice;
        std::ptr::drop_in_place(&mut (*p).start);
        std::ptr::drop_in_place(&mut (*p).stop);
        std::ptr::drop_in_place(&mut (*p).step);
    }
}

unsafe fn traverse_slice(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live slice.
    unsafe {
        let p = &*(obj as *const PySlice);
        visit(p.start.as_ptr());
        visit(p.stop.as_ptr());
        visit(p.step.as_ptr());
    }
}

fn payload(s: &PyRef) -> &PySlice {
    // SAFETY: the slice type's slots and getters get slices.
    unsafe { s.payload_unchecked::<PySlice>() }
}

impl PySlice {
    /// `PySlice_New` (`None` for absent parts).
    pub fn new(start: PyRef, stop: PyRef, step: PyRef) -> PyResult<PyRef> {
        alloc_object(
            &SLICE_TYPE,
            PySlice {
                ob_base: PyObject::NEW,
                start,
                stop,
                step,
            },
        )
    }
}

/// An int's value clamped to `isize` (`PyNumber_AsSsize_t(v, NULL)`).
fn clamp_int(i: &PyRef) -> isize {
    // SAFETY: callers pass an int (from `protocol::index`).
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    match p.value() {
        IntValue::Small(v) => v as isize,
        IntValue::Big(b) => {
            if b.is_negative() {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    }
}

/// `_PyEval_SliceIndex`: `None` gives `None`; else `__index__`, clamped.
pub fn slice_index(v: &PyRef) -> PyResult<Option<isize>> {
    if v.is_none() {
        return Ok(None);
    }
    slice_index_not_none(
        v,
        "slice indices must be integers or None or have an __index__ method",
    )
    .map(Some)
}

/// `_PyEval_SliceIndexNotNone`-style: `__index__`, clamped, with `msg` as
/// the TypeError.
pub fn slice_index_not_none(v: &PyRef, msg: &str) -> PyResult<isize> {
    if v.ty().as_number.nb_index.get().is_none() && !v.is_instance_of::<PyInt>() {
        return Err(PyErr::type_error(msg));
    }
    let i = protocol::index(v)?;
    Ok(clamp_int(&i))
}

/// `PySlice_Unpack`: (start, stop, step) with `None`s filled in, before
/// adjusting to a length.
pub fn unpack(slice: &PyRef) -> PyResult<(isize, isize, isize)> {
    let s = payload(slice);
    let step = match slice_index(&s.step)? {
        None => 1,
        Some(0) => return Err(PyErr::value_error("slice step cannot be zero")),
        Some(v) => v.max(-isize::MAX),
    };
    let start = match slice_index(&s.start)? {
        None => {
            if step < 0 {
                isize::MAX
            } else {
                0
            }
        }
        Some(v) => v,
    };
    let stop = match slice_index(&s.stop)? {
        None => {
            if step < 0 {
                isize::MIN
            } else {
                isize::MAX
            }
        }
        Some(v) => v,
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clips start and stop to a sequence of `length`
/// and returns (start, stop, slicelength).
pub fn adjust_indices(
    length: isize,
    start: isize,
    stop: isize,
    step: isize,
) -> (isize, isize, isize) {
    let clip = |mut v: isize| -> isize {
        if v < 0 {
            v = v.saturating_add(length);
            if v < 0 {
                v = if step < 0 { -1 } else { 0 };
            }
        } else if v >= length {
            v = if step < 0 { length - 1 } else { length };
        }
        v
    };
    let start = clip(start);
    let stop = clip(stop);
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, n)
}

/// Unpacks `slice` (which must be a slice) and adjusts it to `len`:
/// (start, stop, step, slicelength).
pub fn unpack_and_adjust(slice: &PyRef, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let (start, stop, step) = unpack(slice)?;
    let (start, stop, n) = adjust_indices(len as isize, start, stop, step);
    Ok((start, stop, step, n as usize))
}

/// Namespaced form, as the brief names it.
impl PySlice {
    pub fn unpack_and_adjust(slice: &PyRef, len: usize) -> PyResult<(isize, isize, isize, usize)> {
        unpack_and_adjust(slice, len)
    }

    pub fn adjust_indices(
        length: isize,
        start: isize,
        stop: isize,
        step: isize,
    ) -> (isize, isize, isize) {
        adjust_indices(length, start, stop, step)
    }
}

fn slice_repr(s: &PyRef) -> PyResult<PyRef> {
    let p = payload(s);
    let text = format!(
        "slice({}, {}, {})",
        protocol::repr_string(&p.start)?,
        protocol::repr_string(&p.stop)?,
        protocol::repr_string(&p.step)?
    );
    PyStr::new(&text)
}

fn as_tuple(s: &PyRef) -> PyResult<PyRef> {
    let p = payload(s);
    PyTuple::new(vec![p.start.clone(), p.stop.clone(), p.step.clone()])
}

fn slice_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !a.is_instance_of::<PySlice>() || !b.is_instance_of::<PySlice>() {
        return Ok(crate::objects::none::not_implemented());
    }
    if a.is(b) {
        return Ok(crate::objects::bool_::py_bool(matches!(
            op,
            CompareOp::Eq | CompareOp::Le | CompareOp::Ge
        )));
    }
    let ta = as_tuple(a)?;
    let tb = as_tuple(b)?;
    protocol::rich_compare(&ta, &tb, op)
}

fn slice_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kwargs("slice", kwnames)?;
    match args.len() {
        0 => Err(PyErr::type_error(
            "slice expected at least 1 argument, got 0",
        )),
        1 => PySlice::new(none(), args[0].clone(), none()),
        2 => PySlice::new(args[0].clone(), args[1].clone(), none()),
        3 => PySlice::new(args[0].clone(), args[1].clone(), args[2].clone()),
        n => Err(PyErr::type_error(format!(
            "slice expected at most 3 arguments, got {n}"
        ))),
    }
}

/// `slice.indices(length)`.
fn slice_indices(s: &PyRef, len: &PyRef) -> PyResult<PyRef> {
    let l = protocol::index(len)?;
    // SAFETY: index() returns an int.
    let length = unsafe { l.payload_unchecked::<PyInt>() }.to_bigint();
    if length.is_negative() {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (start, stop, step) = long_indices(s, &length)?;
    PyTuple::new(vec![
        PyInt::from_bigint(start)?,
        PyInt::from_bigint(stop)?,
        PyInt::from_bigint(step)?,
    ])
}

/// `_PySlice_GetLongIndices`: start, stop and step for a sequence of
/// `length` items, in arbitrary precision (`slice.indices`, range slicing).
pub fn long_indices(
    slice: &PyRef,
    length: &num_bigint::BigInt,
) -> PyResult<(num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt)> {
    use num_bigint::BigInt;
    let s = payload(slice);
    let as_big = |v: &PyRef| -> PyResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(None);
        }
        if v.ty().as_number.nb_index.get().is_none() && !v.is_instance_of::<PyInt>() {
            return Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        let i = protocol::index(v)?;
        // SAFETY: index() returns an int.
        Ok(Some(unsafe { i.payload_unchecked::<PyInt>() }.to_bigint()))
    };
    let step = match as_big(&s.step)? {
        None => BigInt::from(1),
        Some(v) if v.sign() == num_bigint::Sign::NoSign => {
            return Err(PyErr::value_error("slice step cannot be zero"))
        }
        Some(v) => v,
    };
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), length - 1)
    } else {
        (BigInt::from(0), length.clone())
    };
    let clampv = |v: BigInt| -> BigInt {
        let v = if v.is_negative() { v + length } else { v };
        if v < lower {
            lower.clone()
        } else if v > upper {
            upper.clone()
        } else {
            v
        }
    };
    let start = match as_big(&s.start)? {
        None => {
            if neg {
                upper.clone()
            } else {
                lower.clone()
            }
        }
        Some(v) => clampv(v),
    };
    let stop = match as_big(&s.stop)? {
        None => {
            if neg {
                lower.clone()
            } else {
                upper.clone()
            }
        }
        Some(v) => clampv(v),
    };
    Ok((start, stop, step))
}

fn slice_reduce(s: &PyRef) -> PyResult<PyRef> {
    PyTuple::new(vec![SLICE_TYPE.as_pyref(), as_tuple(s)?])
}

// ---------------------------------------------------------------------------
// Argument helpers for the container files.

/// The number of keyword arguments in a vectorcall.
pub fn nkw(kwnames: Option<&PyRef>) -> usize {
    kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0)
}

/// "NAME() takes no keyword arguments".
pub fn no_kwargs(name: &str, kwnames: Option<&PyRef>) -> PyResult<()> {
    if nkw(kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// Argument Clinic's positional count check: "NAME expected at least 1
/// argument, got 0" / "NAME expected at most 2 arguments, got 3".
pub fn check_nargs(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(PyErr::type_error(format!(
            "{name} expected {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n < min {
        return Err(PyErr::type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        return Err(PyErr::type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// An `__index__` argument as `Py_ssize_t`, OverflowError when too large
/// (`PyNumber_AsSsize_t(v, PyExc_OverflowError)` after `_PyNumber_Index`).
pub fn ssize_arg(v: &PyRef) -> PyResult<isize> {
    let i = protocol::index(v)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    match p.as_i64() {
        Some(x) => Ok(x as isize),
        None => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// The keyword names of a vectorcall, as Rust strings.
pub fn kw_names(kwnames: Option<&PyRef>) -> Vec<String> {
    match kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        Some(t) => t
            .items()
            .iter()
            .map(|n| {
                n.downcast::<PyStr>()
                    .map(|s| s.as_str().to_owned())
                    .unwrap_or_default()
            })
            .collect(),
        None => Vec::new(),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&SLICE_TYPE];

/// `PyIndex_Check`: an int, or a type with `__index__`.
#[inline]
pub fn is_index(o: &PyRef) -> bool {
    o.is_instance_of::<PyInt>() || o.ty().as_number.nb_index.get().is_some()
}

/// Whether a constructor of `base` refuses keyword arguments for `ty`, as
/// Argument Clinic's `__new__` wrappers decide: `ty` is `base`, or does not
/// override `__init__` (`type->tp_init == base->tp_init`).
pub fn new_rejects_kwargs(ty: &PyType, base: &PyType) -> bool {
    std::ptr::eq(ty, base)
        || ty.tp_init.get().map(|f| f as usize) == base.tp_init.get().map(|f| f as usize)
}

/// The same for `__init__` wrappers (`list`, `set`): `ty` is `base`, or does
/// not override `__new__`.
pub fn init_rejects_kwargs(ty: &PyType, base: &PyType) -> bool {
    std::ptr::eq(ty, base)
        || ty.tp_new.get().map(|f| f as usize) == base.tp_new.get().map(|f| f as usize)
}
