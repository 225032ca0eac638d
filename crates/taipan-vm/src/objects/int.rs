//! `int` (CPython's `Objects/longobject.c`).
//!
//! An int holds an `i64` when it fits and a `num_bigint::BigInt` (boxed)
//! otherwise; the two forms are never mixed for the same value, so equality
//! of values is equality of forms. The ints -5..=256 are cached and shared, as
//! CPython's small ints are. `bool` is a subclass whose two instances are
//! static.

use std::cell::Cell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::gil::GilCell;
use crate::object::*;

/// The `int` payload.
#[repr(C)]
pub struct PyInt {
    pub ob_base: PyObject,
    /// The value when `big` is `None`.
    pub small: i64,
    pub big: Option<Box<BigInt>>,
}

pub static INT_TYPE: PyType = PyType {
    tp_name: "int",
    tp_basicsize: Cell::new(std::mem::size_of::<PyInt>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::LONG_SUBCLASS),
    tp_drop: Some(drop_int),
    ..PyType::BASE
};

// SAFETY: PyInt is repr(C) with the header first.
unsafe impl PyPayload for PyInt {
    fn type_object() -> &'static PyType {
        &INT_TYPE
    }
}

unsafe fn drop_int(obj: *mut PyObject) {
    // SAFETY: obj is a dead int; only `big` owns memory.
    unsafe {
        let p = obj as *mut PyInt;
        std::ptr::drop_in_place(&mut (*p).big);
    }
}

pub const SMALL_MIN: i64 = -5;
pub const SMALL_MAX: i64 = 256;

static SMALL_INTS: GilCell<Vec<PyRef>> = GilCell::new(Vec::new());

/// An int's value, borrowed.
pub enum IntValue<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl PyInt {
    #[inline(always)]
    pub fn value(&self) -> IntValue<'_> {
        match &self.big {
            None => IntValue::Small(self.small),
            Some(b) => IntValue::Big(b),
        }
    }

    /// The value as an i64, if it fits.
    #[inline(always)]
    pub fn as_i64(&self) -> Option<i64> {
        match &self.big {
            None => Some(self.small),
            Some(b) => b.to_i64(),
        }
    }

    /// The value as a BigInt (cloned).
    pub fn to_bigint(&self) -> BigInt {
        match &self.big {
            None => BigInt::from(self.small),
            Some(b) => (**b).clone(),
        }
    }

    /// A new int (from the small-int cache when in range).
    #[inline]
    pub fn new(v: i64) -> PyResult<PyRef> {
        if (SMALL_MIN..=SMALL_MAX).contains(&v) {
            // SAFETY: GIL held; the cache is filled at start-up and never
            // changed afterwards.
            let cache = unsafe { &*SMALL_INTS.as_ptr() };
            if let Some(o) = cache.get((v - SMALL_MIN) as usize) {
                return Ok(o.clone());
            }
        }
        Self::new_uncached(&INT_TYPE, v)
    }

    /// A new int of type `ty` (int or a subclass) holding `v`.
    pub fn new_uncached(ty: &PyType, v: i64) -> PyResult<PyRef> {
        alloc_object(
            ty,
            PyInt {
                ob_base: PyObject::NEW,
                small: v,
                big: None,
            },
        )
    }

    /// A new int from a BigInt (normalized to the small form when it fits).
    pub fn from_bigint(v: BigInt) -> PyResult<PyRef> {
        Self::from_bigint_in(&INT_TYPE, v)
    }

    pub fn from_bigint_in(ty: &PyType, v: BigInt) -> PyResult<PyRef> {
        if let Some(s) = v.to_i64() {
            if std::ptr::eq(ty, &INT_TYPE) {
                return Self::new(s);
            }
            return Self::new_uncached(ty, s);
        }
        alloc_object(
            ty,
            PyInt {
                ob_base: PyObject::NEW,
                small: 0,
                big: Some(Box::new(v)),
            },
        )
    }
}

/// Fills the small-int cache (interpreter start-up).
pub fn init_small_ints() -> PyResult<()> {
    let mut v = Vec::with_capacity((SMALL_MAX - SMALL_MIN + 1) as usize);
    for i in SMALL_MIN..=SMALL_MAX {
        let o = PyInt::new_uncached(&INT_TYPE, i)?;
        o.header().ob_refcnt.set(IMMORTAL_REFCNT);
        v.push(o);
    }
    // SAFETY: GIL held, start-up.
    unsafe { *SMALL_INTS.get_mut() = v };
    Ok(())
}

/// An index-like object (`__index__`) as an isize, raising `OverflowError` or
/// `IndexError` as CPython's `PyNumber_AsSsize_t(o, PyExc_IndexError)` does.
pub fn as_ssize_index(o: &PyRef) -> PyResult<isize> {
    let i = crate::object::protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    match p.as_i64() {
        Some(v) => Ok(v as isize),
        None => Err(PyErr::index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            o.ty().name()
        ))),
    }
}

/// An int object's value as i64, or OverflowError.
pub fn as_i64(o: &PyRef) -> PyResult<i64> {
    let i = crate::object::protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    p.as_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
