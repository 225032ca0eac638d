//! `int` (CPython's `Objects/longobject.c`).
//!
//! An int holds an `i64` when it fits and a `num_bigint::BigInt` (boxed)
//! otherwise; the two forms are never mixed for the same value, so equality
//! of values is equality of forms. The ints -5..=256 are cached and shared, as
//! CPython's small ints are. `bool` is a subclass whose two instances are
//! static.
//!
//! The number slots take i64 fast paths and fall back to BigInt on overflow.
//! Floor division and remainder follow Python's floor semantics, true
//! division is correctly rounded as `long_true_divide` does, the hash is
//! CPython's numeric hash modulo 2**61 - 1, and decimal conversions obey the
//! 3.11 limit on the number of digits (`sys.set_int_max_str_digits`).

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::gil::GilCell;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::none::not_implemented;
use crate::objects::str::PyStr;

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
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::LONG_SUBCLASS | TypeFlags::LEAF),
    tp_drop: Some(drop_int),
    tp_dealloc: int_dealloc,
    tp_doc: Some(
        "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4",
    ),
    tp_repr: Cell::new(Some(int_repr)),
    tp_hash: Cell::new(Some(int_hash)),
    tp_richcompare: Cell::new(Some(int_richcompare)),
    tp_new: Cell::new(Some(int_new)),
    tp_methods: INT_METHODS,
    tp_getset: INT_GETSET,
    as_number: NumberSlots {
        nb_add: Cell::new(Some(int_add)),
        nb_subtract: Cell::new(Some(int_sub)),
        nb_multiply: Cell::new(Some(int_mul)),
        nb_remainder: Cell::new(Some(int_mod)),
        nb_divmod: Cell::new(Some(int_divmod)),
        nb_power: Cell::new(Some(int_pow)),
        nb_negative: Cell::new(Some(int_neg)),
        nb_positive: Cell::new(Some(int_int)),
        nb_absolute: Cell::new(Some(int_abs)),
        nb_bool: Cell::new(Some(int_bool)),
        nb_invert: Cell::new(Some(int_invert)),
        nb_lshift: Cell::new(Some(int_lshift)),
        nb_rshift: Cell::new(Some(int_rshift)),
        nb_and: Cell::new(Some(int_and)),
        nb_xor: Cell::new(Some(int_xor)),
        nb_or: Cell::new(Some(int_or)),
        nb_int: Cell::new(Some(int_int)),
        nb_float: Cell::new(Some(int_float)),
        nb_floor_divide: Cell::new(Some(int_floordiv)),
        nb_true_divide: Cell::new(Some(int_truediv)),
        nb_index: Cell::new(Some(int_int)),
        ..NumberSlots::EMPTY
    },
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

/// `tp_dealloc` of int: an exact int is dropped and freed at once; other
/// instances take the generic path.
///
/// # Safety
/// `obj` is an int (or int subclass instance) whose count is zero.
unsafe fn int_dealloc(obj: *mut PyObject) {
    // SAFETY: obj is dead; an exact int's block holds a PyInt, and nothing else (no weak references, no GC header) needs tearing down.
    unsafe {
        if std::ptr::eq((*obj).ob_type.get(), &INT_TYPE) {
            let p = obj as *mut PyInt;
            if (*p).big.is_some() {
                drop((*p).big.take());
            }
            let fl = &mut *FREELIST.as_ptr();
            if fl.n < FREELIST_MAX {
                fl.items[fl.n] = obj;
                fl.n += 1;
                return;
            }
            const _: () = assert!(std::mem::size_of::<PyInt>() <= 512);
            // An exact int's block is `mem_alloc(size_of::<PyInt>())`: a pool block.
            crate::object::mem_free_small(obj as *mut u8);
            return;
        }
        crate::object::generic_dealloc(obj)
    }
}

/// Dead exact ints kept for reuse, as floats are (`float_dealloc`): their
/// blocks stay allocated, with `big` already `None`. (CPython 3.11 has no
/// int free list; its allocator is cheaper than Taipan's object path.)
const FREELIST_MAX: usize = 100;

struct FreeList {
    n: usize,
    items: [*mut PyObject; FREELIST_MAX],
}

static FREELIST: GilCell<FreeList> = GilCell::new(FreeList {
    n: 0,
    items: [std::ptr::null_mut(); FREELIST_MAX],
});

/// Frees the blocks kept on the int free list (the leak check calls it).
pub fn clear_freelist() {
    loop {
        // SAFETY: GIL held; one entry is taken off before it is freed.
        let obj = unsafe {
            let fl = &mut *FREELIST.as_ptr();
            if fl.n == 0 {
                return;
            }
            fl.n -= 1;
            fl.items[fl.n]
        };
        // SAFETY: a free-list entry is a dead exact int (no BigInt) whose block is still allocated.
        unsafe { crate::object::mem_free(obj as *mut u8) }
    }
}

pub const SMALL_MIN: i64 = -5;
pub const SMALL_MAX: i64 = 256;

static SMALL_INTS: GilCell<Vec<PyRef>> = GilCell::new(Vec::new());

/// `sys.get_int_max_str_digits()`: the most decimal digits an int <-> str
/// conversion may have (0: no limit).
pub static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// The smallest value `sys.set_int_max_str_digits` accepts (besides 0).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

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

    /// The value as an f64, correctly rounded, or `OverflowError`.
    pub fn to_f64(&self) -> PyResult<f64> {
        match &self.big {
            None => Ok(self.small as f64),
            Some(b) => bigint_to_f64(b),
        }
    }

    /// Is the value zero?
    pub fn is_zero(&self) -> bool {
        self.big.is_none() && self.small == 0
    }

    /// The sign: -1, 0 or 1.
    pub fn signum(&self) -> i32 {
        match &self.big {
            None => self.small.signum() as i32,
            Some(b) => match b.sign() {
                Sign::Minus => -1,
                Sign::NoSign => 0,
                Sign::Plus => 1,
            },
        }
    }

    /// A new int (from the small-int cache when in range).
    #[inline]
    pub fn new(v: i64) -> PyResult<PyRef> {
        if (SMALL_MIN..=SMALL_MAX).contains(&v) {
            // SAFETY: GIL held; the cache is filled at start-up and never changed afterwards.
            let cache = unsafe { &*SMALL_INTS.as_ptr() };
            if let Some(o) = cache.get((v - SMALL_MIN) as usize) {
                return Ok(o.clone());
            }
        }
        Self::new_exact(v)
    }

    /// A new exact int outside the small-int cache: from the free list, or
    /// a fresh block.
    #[inline(always)]
    fn new_exact(v: i64) -> PyResult<PyRef> {
        // SAFETY: GIL held; a free-list entry is a dead exact int whose block is still allocated and whose `big` is `None`: it is revived with count one.
        unsafe {
            let fl = &mut *FREELIST.as_ptr();
            if fl.n > 0 {
                fl.n -= 1;
                let obj = *fl.items.get_unchecked(fl.n);
                (*obj).ob_refcnt.set(1);
                (*(obj as *mut PyInt)).small = v;
                return Ok(PyRef::from_raw(obj));
            }
        }
        Self::new_fresh(v)
    }

    /// A new exact int in a fresh block (the free list is empty).
    #[inline(never)]
    fn new_fresh(v: i64) -> PyResult<PyRef> {
        let mem = crate::object::mem_alloc(std::mem::size_of::<PyInt>());
        if mem.is_null() {
            return Err(PyErr::no_memory());
        }
        // SAFETY: a fresh block of PyInt's (8-aligned) size, written whole.
        unsafe {
            std::ptr::write(
                mem as *mut PyInt,
                PyInt {
                    ob_base: PyObject {
                        ob_refcnt: Cell::new(1),
                        ob_type: Cell::new(&INT_TYPE as *const PyType),
                    },
                    small: v,
                    big: None,
                },
            );
            Ok(PyRef::from_raw(mem as *mut PyObject))
        }
    }

    /// A new int of type `ty` (int or a subclass) holding `v`.
    pub fn new_uncached(ty: &PyType, v: i64) -> PyResult<PyRef> {
        if std::ptr::eq(ty, &INT_TYPE) {
            return Self::new_exact(v);
        }
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

    /// A new int from an i128.
    pub fn from_i128(v: i128) -> PyResult<PyRef> {
        match i64::try_from(v) {
            Ok(s) => Self::new(s),
            Err(_) => Self::from_bigint(BigInt::from(v)),
        }
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

/// `PyNumber_AsSsize_t(o, PyExc_OverflowError)`: an index that must fit,
/// else OverflowError (sequence repeat counts, sizes).
pub fn as_ssize_overflow(o: &PyRef) -> PyResult<isize> {
    let i = crate::object::protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    p.as_i64().map(|v| v as isize).ok_or_else(|| {
        PyErr::overflow_error(format!(
            "cannot fit '{}' into an index-sized integer",
            o.ty().name()
        ))
    })
}

/// An argument-clinic `Py_ssize_t` argument (`PyLong_AsSsize_t` after
/// `__index__`): OverflowError "... to convert to C ssize_t".
pub fn as_ssize_t(o: &PyRef) -> PyResult<isize> {
    let i = crate::object::protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    p.as_i64()
        .map(|v| v as isize)
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

/// An argument-clinic C `int` argument.
pub fn as_c_int(o: &PyRef) -> PyResult<i32> {
    let i = crate::object::protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    p.as_i64()
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))
}

/// An int object's value as i64, or OverflowError.
pub fn as_i64(o: &PyRef) -> PyResult<i64> {
    let i = crate::object::protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    p.as_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))
}

// ---------------------------------------------------------------------------
// Conversions.

/// The number of bits of |v| (`_PyLong_NumBits`).
fn bits_u64(v: u64) -> u64 {
    64 - v.leading_zeros() as u64
}

/// `ldexp(x, e)` for an `x` whose result is exactly representable (or
/// overflows to infinity): scales in steps that stay exact.
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// A big int as a correctly rounded f64 (round half to even), or
/// `OverflowError: int too large to convert to float`.
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    let neg = b.sign() == Sign::Minus;
    let mag = b.magnitude();
    let nbits = mag.bits();
    let r = if nbits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        // Keep 55 bits plus a sticky bit: converting that u64 rounds once,
        // correctly.
        let shift = nbits - 55;
        let top = (mag >> shift).to_u64().unwrap_or(0);
        let sticky = if mag.trailing_zeros().unwrap_or(0) < shift {
            1
        } else {
            0
        };
        let f = ((top << 1) | sticky) as f64;
        ldexp(f, shift as i64 - 1)
    };
    if r.is_infinite() {
        return Err(PyErr::overflow_error("int too large to convert to float"));
    }
    Ok(if neg { -r } else { r })
}

/// An f64 with an integral value as a BigInt (exact).
pub fn f64_to_bigint(v: f64) -> BigInt {
    if v.abs() < 9.2e18 {
        return BigInt::from(v as i64);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant) << (exp - 1075) as usize;
    if v < 0.0 {
        -m
    } else {
        m
    }
}

// ---------------------------------------------------------------------------
// Operands.

/// The int payload of an int operand (int or subclass).
#[inline(always)]
fn int_arg(o: &PyRef) -> Option<&PyInt> {
    o.downcast::<PyInt>()
}

macro_rules! binary_operands {
    ($a:ident, $b:ident) => {
        match (int_arg($a), int_arg($b)) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(not_implemented()),
        }
    };
}

fn big_of(p: &PyInt) -> std::borrow::Cow<'_, BigInt> {
    match &p.big {
        None => std::borrow::Cow::Owned(BigInt::from(p.small)),
        Some(b) => std::borrow::Cow::Borrowed(b),
    }
}

fn int_add(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    if let (None, None) = (&x.big, &y.big) {
        if let Some(r) = x.small.checked_add(y.small) {
            return PyInt::new(r);
        }
        return PyInt::from_i128(x.small as i128 + y.small as i128);
    }
    PyInt::from_bigint(&*big_of(x) + &*big_of(y))
}

fn int_sub(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    if let (None, None) = (&x.big, &y.big) {
        if let Some(r) = x.small.checked_sub(y.small) {
            return PyInt::new(r);
        }
        return PyInt::from_i128(x.small as i128 - y.small as i128);
    }
    PyInt::from_bigint(&*big_of(x) - &*big_of(y))
}

fn int_mul(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    if let (None, None) = (&x.big, &y.big) {
        if let Some(r) = x.small.checked_mul(y.small) {
            return PyInt::new(r);
        }
        return PyInt::from_i128(x.small as i128 * y.small as i128);
    }
    PyInt::from_bigint(&*big_of(x) * &*big_of(y))
}

/// Floor division and modulo of two ints (`l_divmod`).
fn divmod_ints(x: &PyInt, y: &PyInt, msg: &str) -> PyResult<(PyRef, PyRef)> {
    if y.is_zero() {
        return Err(PyErr::zero_division_error(msg));
    }
    if let (None, None) = (&x.big, &y.big) {
        if !(x.small == i64::MIN && y.small == -1) {
            let (q, r) = x.small.div_mod_floor(&y.small);
            return Ok((PyInt::new(q)?, PyInt::new(r)?));
        }
    }
    let (q, r) = big_of(x).div_mod_floor(&big_of(y));
    Ok((PyInt::from_bigint(q)?, PyInt::from_bigint(r)?))
}

fn int_floordiv(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    if let (None, None) = (&x.big, &y.big) {
        if y.small == 0 {
            return Err(PyErr::zero_division_error(
                "integer division or modulo by zero",
            ));
        }
        if !(x.small == i64::MIN && y.small == -1) {
            return PyInt::new(Integer::div_floor(&x.small, &y.small));
        }
    }
    Ok(divmod_ints(x, y, "integer division or modulo by zero")?.0)
}

fn int_mod(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    if let (None, None) = (&x.big, &y.big) {
        if y.small == 0 {
            return Err(PyErr::zero_division_error("integer modulo by zero"));
        }
        if y.small == -1 {
            return PyInt::new(0);
        }
        return PyInt::new(x.small.mod_floor(&y.small));
    }
    Ok(divmod_ints(x, y, "integer modulo by zero")?.1)
}

fn int_divmod(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    let (q, r) = divmod_ints(x, y, "integer division or modulo by zero")?;
    crate::objects::tuple::PyTuple::new(vec![q, r])
}

/// `long_true_divide`: a / b correctly rounded.
pub fn true_divide_ints(x: &PyInt, y: &PyInt) -> PyResult<f64> {
    if y.is_zero() {
        return Err(PyErr::zero_division_error("division by zero"));
    }
    const LIM: i64 = 1 << 53;
    if let (None, None) = (&x.big, &y.big) {
        if x.small.abs() <= LIM && y.small.abs() <= LIM {
            return Ok(x.small as f64 / y.small as f64);
        }
    }
    let a = big_of(x);
    let b = big_of(y);
    let negate = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let a = a.magnitude();
    let b = b.magnitude();
    if a.is_zero() {
        return Ok(if negate { -0.0 } else { 0.0 });
    }
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    let a_bits = a.bits() as i64;
    let b_bits = b.bits() as i64;
    let diff = a_bits - b_bits;
    if diff > MAX_EXP {
        return Err(PyErr::overflow_error(
            "integer division result too large for a float",
        ));
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(if negate { -0.0 } else { 0.0 });
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let xnum = if shift <= 0 {
        a << ((-shift) as u64)
    } else {
        if a.trailing_zeros().unwrap_or(0) < shift as u64 {
            inexact = true;
        }
        a >> (shift as u64)
    };
    let (q, r) = xnum.div_rem(b);
    if !r.is_zero() {
        inexact = true;
    }
    let mut q = q.to_u64().unwrap_or(0);
    let q_bits = bits_u64(q) as i64;
    let extra_bits = q_bits.max(MIN_EXP - shift) - MANT;
    if extra_bits > 0 {
        let mask = 1u64 << (extra_bits - 1);
        let low = q | inexact as u64;
        let mut v = q;
        if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
            v += mask;
        }
        q = v & !(2 * mask - 1);
    }
    let r = ldexp(q as f64, shift);
    if r.is_infinite() {
        return Err(PyErr::overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(if negate { -r } else { r })
}

fn int_truediv(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    crate::objects::float::PyFloat::new(true_divide_ints(x, y)?)
}

/// The inverse of `a` modulo `m` (m > 0), if any.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r.is_one() {
        Some(old_s.mod_floor(m))
    } else {
        None
    }
}

fn int_pow(a: &PyRef, b: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    if !c.is_none() {
        let Some(z) = int_arg(c) else {
            return Ok(not_implemented());
        };
        if z.is_zero() {
            return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
        }
        let m = big_of(z).into_owned();
        let neg_mod = m.sign() == Sign::Minus;
        let mm = m.abs();
        if mm.is_one() {
            return PyInt::new(0);
        }
        let mut base = big_of(x).mod_floor(&mm);
        let mut e = big_of(y).into_owned();
        if e.sign() == Sign::Minus {
            base = match mod_inverse(&base, &mm) {
                Some(inv) => inv,
                None => {
                    return Err(PyErr::value_error(
                        "base is not invertible for the given modulus",
                    ))
                }
            };
            e = -e;
        }
        let mut r = base.modpow(&e, &mm);
        if neg_mod && !r.is_zero() {
            r -= &mm;
        }
        return PyInt::from_bigint(r);
    }
    if y.signum() < 0 {
        // A negative exponent gives a float.
        let fx = x.to_f64()?;
        let fy = y.to_f64()?;
        return crate::objects::float::float_pow_values(fx, fy);
    }
    if let (None, None) = (&x.big, &y.big) {
        if let Ok(e) = u32::try_from(y.small) {
            if let Some(r) = x.small.checked_pow(e) {
                return PyInt::new(r);
            }
        }
    }
    let base = big_of(x);
    if base.is_zero() || base.is_one() {
        return PyInt::from_bigint(if y.is_zero() {
            BigInt::one()
        } else {
            base.into_owned()
        });
    }
    if *base == BigInt::from(-1) {
        let odd = match y.value() {
            IntValue::Small(v) => v & 1 == 1,
            IntValue::Big(v) => v.is_odd(),
        };
        return PyInt::new(if odd { -1 } else { 1 });
    }
    let e = match y.as_i64().and_then(|v| u32::try_from(v).ok()) {
        Some(e) => e,
        None => return Err(PyErr::no_memory()),
    };
    if base.bits().saturating_mul(e as u64) > MAX_RESULT_BITS {
        return Err(PyErr::no_memory());
    }
    PyInt::from_bigint(num_traits::pow::Pow::pow(&*base, e))
}

fn int_neg(a: &PyRef) -> PyResult<PyRef> {
    let x = int_arg(a).ok_or_else(|| PyErr::type_error("descriptor requires an int"))?;
    match &x.big {
        None => match x.small.checked_neg() {
            Some(v) => PyInt::new(v),
            None => PyInt::from_i128(-(x.small as i128)),
        },
        Some(b) => PyInt::from_bigint(-(**b).clone()),
    }
}

/// `int(x)` for an int: the same object for exact ints, a plain int copy for
/// subclasses (`nb_int`, `nb_index`, `nb_positive`).
fn int_int(a: &PyRef) -> PyResult<PyRef> {
    if a.is_exact::<PyInt>() {
        return Ok(a.clone());
    }
    let x = int_arg(a).ok_or_else(|| PyErr::type_error("descriptor requires an int"))?;
    match &x.big {
        None => PyInt::new(x.small),
        Some(b) => PyInt::from_bigint((**b).clone()),
    }
}

fn int_abs(a: &PyRef) -> PyResult<PyRef> {
    let x = int_arg(a).ok_or_else(|| PyErr::type_error("descriptor requires an int"))?;
    if x.signum() < 0 {
        int_neg(a)
    } else {
        int_int(a)
    }
}

fn int_bool(a: &PyRef) -> PyResult<bool> {
    Ok(int_arg(a).map(|x| !x.is_zero()).unwrap_or(true))
}

fn int_invert(a: &PyRef) -> PyResult<PyRef> {
    let x = int_arg(a).ok_or_else(|| PyErr::type_error("descriptor requires an int"))?;
    match &x.big {
        None => PyInt::new(!x.small),
        Some(b) => PyInt::from_bigint(-(**b).clone() - 1),
    }
}

fn shift_count(y: &PyInt) -> PyResult<Option<u64>> {
    if y.signum() < 0 {
        return Err(PyErr::value_error("negative shift count"));
    }
    Ok(match y.value() {
        IntValue::Small(v) => Some(v as u64),
        IntValue::Big(b) => b.to_u64(),
    })
}

/// The largest result (in bits) an operation builds before giving
/// `MemoryError`: Rust aborts on a failed allocation, CPython raises.
const MAX_RESULT_BITS: u64 = 1 << 34;

fn int_lshift(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    let n = shift_count(y)?;
    if x.is_zero() {
        return PyInt::new(0);
    }
    // CPython: more 30-bit digits than an object can hold is an
    // OverflowError; a result too big to allocate a MemoryError (here: past
    // 2 GiB, rather than letting the allocator abort).
    let n = match n {
        Some(n) => n,
        None => {
            // A word shift past Py_ssize_t is an OverflowError, anything
            // smaller a failed allocation.
            let words: BigInt = big_of(y).into_owned() / 30u32;
            if words.to_i64().is_some() {
                return Err(PyErr::no_memory());
            }
            return Err(PyErr::overflow_error("too many digits in integer"));
        }
    };
    if n > MAX_RESULT_BITS {
        return Err(PyErr::no_memory());
    }
    if x.big.is_none() && n < 64 {
        let v = (x.small as i128) << n;
        if v >> n == x.small as i128 {
            return PyInt::from_i128(v);
        }
    }
    PyInt::from_bigint(&*big_of(x) << n)
}

fn int_rshift(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    let n = shift_count(y)?;
    let neg = x.signum() < 0;
    let n = match n {
        Some(n) => n,
        None => return PyInt::new(if neg { -1 } else { 0 }),
    };
    if x.big.is_none() {
        return PyInt::new(x.small >> n.min(63));
    }
    // BigInt's >> rounds toward negative infinity for negative values.
    PyInt::from_bigint(&*big_of(x) >> n)
}

macro_rules! bitop {
    ($name:ident, $op:tt) => {
        fn $name(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
            let (x, y) = binary_operands!(a, b);
            if let (None, None) = (&x.big, &y.big) {
                return PyInt::new(x.small $op y.small);
            }
            PyInt::from_bigint(&*big_of(x) $op &*big_of(y))
        }
    };
}

bitop!(int_and_values, &);
bitop!(int_or_values, |);
bitop!(int_xor_values, ^);

/// `&` on ints; bool's slot reuses it.
pub fn int_and(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    int_and_values(a, b)
}

pub fn int_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    int_or_values(a, b)
}

pub fn int_xor(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    int_xor_values(a, b)
}

fn int_float(a: &PyRef) -> PyResult<PyRef> {
    let x = int_arg(a).ok_or_else(|| PyErr::type_error("descriptor requires an int"))?;
    crate::objects::float::PyFloat::new(x.to_f64()?)
}

// ---------------------------------------------------------------------------
// Comparison and hash.

/// Compares two ints.
pub fn cmp_ints(x: &PyInt, y: &PyInt) -> std::cmp::Ordering {
    match (&x.big, &y.big) {
        (None, None) => x.small.cmp(&y.small),
        _ => big_of(x).cmp(&big_of(y)),
    }
}

pub(crate) fn int_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (x, y) = binary_operands!(a, b);
    let o = cmp_ints(x, y);
    Ok(py_bool(op.test(&o, &std::cmp::Ordering::Equal)))
}

/// The modulus of CPython's numeric hash (`_PyHASH_MODULUS`).
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;

/// The numeric hash of an int value.
#[inline]
pub fn hash_int(x: &PyInt) -> isize {
    let h: i64 = match &x.big {
        None => {
            let v = x.small;
            if v.unsigned_abs() < HASH_MODULUS {
                // Below the modulus the hash is the value (-1 excepted).
                return if v == -1 { -2 } else { v as isize };
            }
            let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
            if v < 0 {
                -m
            } else {
                m
            }
        }
        Some(b) => {
            // The magnitude modulo 2**61 - 1, one 64-bit digit at a time,
            // without allocating.
            let mut acc: u64 = 0;
            for d in b.magnitude().iter_u64_digits().rev() {
                acc = ((((acc as u128) << 64) | d as u128) % HASH_MODULUS as u128) as u64;
            }
            let m = acc as i64;
            if b.sign() == Sign::Minus {
                -m
            } else {
                m
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h as isize
    }
}

fn int_hash(a: &PyRef) -> PyResult<isize> {
    Ok(int_arg(a).map(hash_int).unwrap_or(0))
}

// ---------------------------------------------------------------------------
// repr and str -> int.

fn limit_error_out() -> PyErr {
    PyErr::value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS.load(Ordering::Relaxed)
    ))
}

/// `ValueError` when an int certainly has more decimal digits than the limit
/// (judged from its bit length, before converting).
pub(crate) fn check_str_limit_bits(b: &BigInt) -> PyResult<()> {
    let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
    if limit > 0 {
        let bits = b.bits();
        if (bits as f64 - 1.0) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
            return Err(limit_error_out());
        }
    }
    Ok(())
}

/// `ValueError` when `ndigits` decimal digits exceed the limit.
pub(crate) fn check_str_limit_digits(ndigits: usize) -> PyResult<()> {
    let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
    if limit > 0 && ndigits > limit {
        return Err(limit_error_out());
    }
    Ok(())
}

/// The decimal text of an int, obeying the digit limit.
pub fn int_to_decimal(x: &PyInt) -> PyResult<String> {
    match &x.big {
        None => Ok(x.small.to_string()),
        Some(b) => {
            let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
            if limit > 0 {
                // log10(2) = 0.30103: more bits than this always gives more
                // than `limit` digits.
                let bits = b.bits();
                if (bits as f64 - 1.0) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
                    return Err(limit_error_out());
                }
            }
            let s = b.to_string();
            let nd = s.len() - (b.sign() == Sign::Minus) as usize;
            if limit > 0 && nd > limit {
                return Err(limit_error_out());
            }
            Ok(s)
        }
    }
}

fn int_repr(a: &PyRef) -> PyResult<PyRef> {
    let x = int_arg(a).ok_or_else(|| PyErr::type_error("descriptor requires an int"))?;
    PyStr::new(&int_to_decimal(x)?)
}

/// Python's `str.isspace` for the characters that may surround a number.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The repr of a Rust string as Python shows it.
pub fn str_repr(s: &str) -> String {
    let mut out = String::new();
    taipan_parser::pyrepr::write_str_repr(&mut out, s.chars().map(|c| c as u32));
    out
}

/// Python's decimal digits (Unicode category Nd) mapped to ASCII, spaces
/// kept (`_PyUnicode_TransformDecimalAndSpaceToASCII`, partially: the common
/// decimal blocks).
pub fn ascii_digits(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let zeros: [u32; 12] = [
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xFF10, 0x1D7CE,
    ];
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if let Some(z) = zeros.iter().find(|&&z| u >= z && u < z + 10) {
            out.push((b'0' + (u - z) as u8) as char);
        } else if is_py_space(c) {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Parses an int literal as `int(s, base)` does; `Err(None)` for an
/// invalid literal, `Err(Some(e))` for other errors (the digit limit).
pub fn parse_int(text: &str, base: u32) -> Result<BigInt, Option<PyErr>> {
    let t = text.trim_matches(is_py_space);
    let (neg, mut t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower = |s: &str| s.get(..2).map(|p| p.to_ascii_lowercase());
    let mut after_prefix = false;
    let pre = lower(t);
    let pre = pre.as_deref();
    if (base == 0 || base == 16) && pre == Some("0x") {
        base = 16;
        t = &t[2..];
        after_prefix = true;
    } else if (base == 0 || base == 8) && pre == Some("0o") {
        base = 8;
        t = &t[2..];
        after_prefix = true;
    } else if (base == 0 || base == 2) && pre == Some("0b") {
        base = 2;
        t = &t[2..];
        after_prefix = true;
    }
    let base0 = base == 0;
    if base0 {
        base = 10;
    }
    let bytes = t.as_bytes();
    if bytes.is_empty() {
        return Err(None);
    }
    let mut digits = Vec::with_capacity(bytes.len());
    let mut prev_us = !after_prefix; // a leading '_' is allowed only after a prefix
    for &c in bytes {
        if c == b'_' {
            if prev_us {
                return Err(None);
            }
            prev_us = true;
            continue;
        }
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'z' => c - b'a' + 10,
            b'A'..=b'Z' => c - b'A' + 10,
            _ => return Err(None),
        };
        if d as u32 >= base {
            return Err(None);
        }
        digits.push(d);
        prev_us = false;
    }
    if prev_us || digits.is_empty() {
        return Err(None);
    }
    if base0 && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        // "010" is not a base-0 literal.
        return Err(None);
    }
    let limit = MAX_STR_DIGITS.load(Ordering::Relaxed);
    if limit > 0 && !base.is_power_of_two() && digits.len() > limit {
        return Err(Some(PyErr::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ))));
    }
    let v = if digits.len() <= 12 {
        let mut acc: i64 = 0;
        for &d in &digits {
            acc = acc * base as i64 + d as i64;
        }
        BigInt::from(acc)
    } else {
        BigInt::from_radix_be(Sign::Plus, &digits, base).ok_or(None)?
    };
    Ok(if neg { -v } else { v })
}

/// `int(s, base)` for a str.
pub fn int_from_str(ty: &PyType, s: &str, base: u32) -> PyResult<PyRef> {
    let converted = ascii_digits(s);
    let text = converted.as_deref().unwrap_or(s);
    match parse_int(text, base) {
        Ok(v) => PyInt::from_bigint_in(ty, v),
        Err(Some(e)) => Err(e),
        Err(None) => {
            let shown: String = s.chars().take(200).collect();
            Err(PyErr::value_error(format!(
                "invalid literal for int() with base {}: {}",
                base,
                str_repr(&shown)
            )))
        }
    }
}

/// `PyNumber_ToBase`: `bin()`, `oct()`, `hex()` text (base 2, 8, 16) of an
/// object with `__index__`.
pub fn to_base(o: &PyRef, base: u32) -> PyResult<PyRef> {
    let v = crate::object::protocol::index(o)?;
    let x = self_int(&v)?;
    let (prefix, digits) = match (base, &x.big) {
        (2, None) => ("0b", format!("{:b}", x.small.unsigned_abs())),
        (8, None) => ("0o", format!("{:o}", x.small.unsigned_abs())),
        (16, None) => ("0x", format!("{:x}", x.small.unsigned_abs())),
        (2, Some(b)) => ("0b", b.magnitude().to_str_radix(2)),
        (8, Some(b)) => ("0o", b.magnitude().to_str_radix(8)),
        (16, Some(b)) => ("0x", b.magnitude().to_str_radix(16)),
        _ => {
            return Err(PyErr::system_error(
                "PyNumber_ToBase: base must be 2, 8 or 16",
            ))
        }
    };
    let sign = if x.signum() < 0 { "-" } else { "" };
    PyStr::new(&format!("{sign}{prefix}{digits}"))
}

// ---------------------------------------------------------------------------
// Argument parsing shared by the numeric types.

/// Like [`parse_args`], with only the first `max_pos` parameters accepted
/// positionally (the rest are keyword-only).
pub fn parse_args_kwonly(
    fname: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    names: &[&str],
    npos_only: usize,
    max_pos: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    let npos = args.len() - nkw.min(args.len());
    if npos > max_pos {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} positional argument{} ({} given)",
            fname,
            max_pos,
            if max_pos == 1 { "" } else { "s" },
            npos
        )));
    }
    parse_args(fname, args, kwnames, names, npos_only)
}

/// Matches vectorcall arguments to parameter names: the first `npos_only`
/// are positional-only. Returns one slot per name.
pub fn parse_args(
    fname: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    names: &[&str],
    npos_only: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let kw: Vec<PyRef> = match kwnames {
        Some(k) => match k.downcast::<crate::objects::tuple::PyTuple>() {
            Some(t) => t.items().to_vec(),
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    let npos = args.len() - kw.len().min(args.len());
    if args.len() > names.len() {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut out: Vec<Option<PyRef>> = vec![None; names.len()];
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kw.iter().zip(&args[npos..]) {
        let name = k.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
        match names.iter().position(|n| *n == name) {
            Some(i) if i >= npos_only => {
                if out[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        name,
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    name, fname
                )))
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// int().

/// Bytes of a bytes-like object, if the object is one (bytes, bytearray):
/// found through the `__bytes__`-free buffer the strings helper provides;
/// until then, through the type name and `__iter__`.
fn bytes_like(o: &PyRef) -> PyResult<Option<Vec<u8>>> {
    let n = o.ty().static_base().tp_name;
    if n != "bytes" && n != "bytearray" {
        return Ok(None);
    }
    let items = crate::object::protocol::collect(o)?;
    let mut v = Vec::with_capacity(items.len());
    for i in items {
        v.push(as_i64(&i)? as u8);
    }
    Ok(Some(v))
}

fn int_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = cls.downcast::<PyType>().ok_or_else(|| {
        PyErr::type_error(format!(
            "int.__new__(X): X is not a type object ({})",
            cls.ty().name()
        ))
    })?;
    if !ty.is_subtype(&INT_TYPE) {
        return Err(PyErr::type_error(format!(
            "int.__new__({}): {} is not a subtype of int",
            ty.name(),
            ty.name()
        )));
    }
    let a = parse_args("int", args, kwnames, &["x", "base"], 1)?;
    let v = match (&a[0], &a[1]) {
        (None, None) => PyInt::new(0)?,
        (None, Some(_)) => return Err(PyErr::type_error("int() missing string argument")),
        (Some(x), None) => number_to_int(x)?,
        (Some(x), Some(b)) => {
            // PyNumber_AsSsize_t(base, NULL): a huge base saturates.
            let base = match as_i64(b) {
                Ok(v) => v,
                Err(e) if e.matches(&crate::objects::exceptions::OVERFLOW_ERROR) => i64::MAX,
                Err(e) => return Err(e),
            };
            if base != 0 && !(2..=36).contains(&base) {
                return Err(PyErr::value_error(
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            if let Some(s) = x.downcast::<PyStr>() {
                int_from_str(&INT_TYPE, s.as_str(), base as u32)?
            } else if let Some(b) = bytes_like(x)? {
                int_from_bytes_literal(&b, base as u32)?
            } else {
                return Err(PyErr::type_error(
                    "int() can't convert non-string with explicit base",
                ));
            }
        }
    };
    if std::ptr::eq(ty, &INT_TYPE) {
        return Ok(v);
    }
    // A subclass: copy the value into an instance of it.
    let p = int_arg(&v).ok_or_else(|| PyErr::type_error("int() returned non-int"))?;
    match &p.big {
        None => PyInt::new_uncached(ty, p.small),
        Some(b) => PyInt::from_bigint_in(ty, (**b).clone()),
    }
}

fn int_from_bytes_literal(b: &[u8], base: u32) -> PyResult<PyRef> {
    // Bytes are parsed as ASCII (`PyLong_FromString` on the raw chars): any
    // other byte is an invalid digit, never a Unicode digit or space.
    let parsed = match std::str::from_utf8(b) {
        Ok(text) if b.is_ascii() => parse_int(text, base),
        _ => Err(None),
    };
    match parsed {
        Ok(v) => PyInt::from_bigint(v),
        Err(Some(e)) => Err(e),
        Err(None) => {
            let mut r = String::new();
            taipan_parser::pyrepr::write_bytes_repr(&mut r, b);
            Err(PyErr::value_error(format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
    }
}

/// `PyNumber_Long`: `int(x)` for one argument.
pub fn number_to_int(x: &PyRef) -> PyResult<PyRef> {
    if x.is_exact::<PyInt>() {
        return Ok(x.clone());
    }
    let ty = x.ty();
    if let Some(f) = ty.as_number.nb_int.get() {
        let r = f(x)?;
        if r.is_exact::<PyInt>() {
            return Ok(r);
        }
        if r.is_instance_of::<PyInt>() {
            return int_int(&r);
        }
        return Err(PyErr::type_error(format!(
            "__int__ returned non-int (type {})",
            r.ty().name()
        )));
    }
    if ty.as_number.nb_index.get().is_some() {
        let r = crate::object::protocol::index(x)?;
        return int_int(&r);
    }
    if let Some(t) = crate::objects::type_::lookup_str(ty, "__trunc__") {
        let bound = crate::objects::descr::bind(&t, Some(x), Some(&x.type_ref()))?;
        let r = crate::object::protocol::call(&bound, &[], None)?;
        if r.is_instance_of::<PyInt>() {
            return int_int(&r);
        }
        if r.ty().as_number.nb_index.get().is_none() {
            return Err(PyErr::type_error(format!(
                "__trunc__ returned non-Integral (type {})",
                r.ty().name()
            )));
        }
        let r = crate::object::protocol::index(&r)?;
        return int_int(&r);
    }
    if let Some(s) = x.downcast::<PyStr>() {
        return int_from_str(&INT_TYPE, s.as_str(), 10);
    }
    if let Some(b) = bytes_like(x)? {
        return int_from_bytes_literal(&b, 10);
    }
    // Any other buffer exporter (memoryview, array): its bytes.
    if ty.tp_as_buffer.get().is_some()
        || x.is_instance_of::<crate::objects::memoryview::PyMemoryView>()
    {
        if let Some(b) = crate::objects::bytes::buffer_bytes(x) {
            return int_from_bytes_literal(&b, 10);
        }
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        ty.tp_name_str()
    )))
}

// ---------------------------------------------------------------------------
// Methods.

fn self_int(s: &PyRef) -> PyResult<&PyInt> {
    int_arg(s).ok_or_else(|| PyErr::type_error("descriptor requires a 'int' object"))
}

fn int_bit_length(s: &PyRef) -> PyResult<PyRef> {
    let x = self_int(s)?;
    let n = match &x.big {
        None => bits_u64(x.small.unsigned_abs()),
        Some(b) => b.bits(),
    };
    PyInt::new(n as i64)
}

fn int_bit_count(s: &PyRef) -> PyResult<PyRef> {
    let x = self_int(s)?;
    let n = match &x.big {
        None => x.small.unsigned_abs().count_ones() as u64,
        Some(b) => b.magnitude().count_ones(),
    };
    PyInt::new(n as i64)
}

fn int_as_integer_ratio(s: &PyRef) -> PyResult<PyRef> {
    let v = int_int(s)?;
    crate::objects::tuple::PyTuple::new(vec![v, PyInt::new(1)?])
}

fn int_conjugate(s: &PyRef) -> PyResult<PyRef> {
    int_int(s)
}

fn int_getnewargs(s: &PyRef) -> PyResult<PyRef> {
    let v = int_int(s)?;
    crate::objects::tuple::PyTuple::new(vec![v])
}

fn int_sizeof(s: &PyRef) -> PyResult<PyRef> {
    let x = self_int(s)?;
    let bits = match &x.big {
        None => bits_u64(x.small.unsigned_abs()),
        Some(b) => b.bits(),
    };
    let ndigits = bits.div_ceil(30).max(1);
    let base = s.ty().tp_basicsize.get() as u64 - std::mem::size_of::<PyInt>() as u64;
    PyInt::new((24 + 4 * ndigits + base) as i64)
}

/// `int.__round__(ndigits=None)`: round half to even to a multiple of
/// 10**-ndigits.
fn int_round(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let nd = match args.first() {
        None => return int_int(s),
        Some(n) if n.is_none() => return int_int(s),
        Some(n) => crate::object::protocol::index(n)?,
    };
    let nd = self_int(&nd)?.to_bigint();
    if nd.sign() != Sign::Minus {
        return int_int(s);
    }
    let x = self_int(s)?.to_bigint();
    let k = match (-nd).to_u32() {
        Some(k) if k < 100_000 => k,
        _ => return PyInt::new(0),
    };
    let p = num_traits::pow::Pow::pow(&BigInt::from(10), k);
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2u32;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    PyInt::from_bigint(q * p)
}

fn int_to_bytes(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args_kwonly(
        "to_bytes",
        args,
        kwnames,
        &["length", "byteorder", "signed"],
        0,
        2,
    )?;
    let x = self_int(s)?.to_bigint();
    let length = match &a[0] {
        Some(l) => as_ssize_t(l)? as i64,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(a[1].as_ref(), "to_bytes")?;
    let signed = match &a[2] {
        Some(v) => crate::object::protocol::is_true(v)?,
        None => false,
    };
    if !signed && x.sign() == Sign::Minus {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if signed {
        x.to_signed_bytes_le()
    } else {
        x.to_bytes_le().1
    };
    if x.is_zero() {
        bytes.clear();
    }
    // Trim redundant sign bytes of the signed form.
    let length = length as usize;
    if bytes.len() > length {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let fill = if signed && x.sign() == Sign::Minus {
        0xff
    } else {
        0
    };
    if bytes.try_reserve_exact(length - bytes.len()).is_err() {
        return Err(PyErr::no_memory());
    }
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    make_bytes(&bytes)
}

/// A `bytes` object, through the `bytes` type once it exists.
fn make_bytes(b: &[u8]) -> PyResult<PyRef> {
    let bytes_type = crate::interp::interp()
        .builtins
        .as_ref()
        .and_then(|m| crate::object::protocol::getattr_str(m, "bytes").ok());
    match bytes_type {
        Some(t) => {
            let items: PyResult<Vec<PyRef>> = b.iter().map(|&c| PyInt::new(c as i64)).collect();
            let l = crate::objects::list::PyList::new(items?)?;
            crate::object::protocol::call(&t, &[l], None)
        }
        None => Err(PyErr::system_error("bytes type not available")),
    }
}

fn byteorder_arg(o: Option<&PyRef>, _f: &str) -> PyResult<bool> {
    match o {
        None => Ok(false),
        Some(o) => match o.downcast::<PyStr>().map(|s| s.as_str()) {
            Some("little") => Ok(true),
            Some("big") => Ok(false),
            Some(_) => Err(PyErr::value_error(
                "byteorder must be either 'little' or 'big'",
            )),
            None => Err(PyErr::type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                o.ty().name()
            ))),
        },
    }
}

fn int_from_bytes(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args_kwonly(
        "from_bytes",
        args,
        kwnames,
        &["bytes", "byteorder", "signed"],
        0,
        2,
    )?;
    let src = a[0].as_ref().ok_or_else(|| {
        PyErr::type_error("from_bytes() missing required argument 'bytes' (pos 1)")
    })?;
    let little = byteorder_arg(a[1].as_ref(), "from_bytes")?;
    let signed = match &a[2] {
        Some(v) => crate::object::protocol::is_true(v)?,
        None => false,
    };
    let data = match bytes_like(src)? {
        Some(b) => b,
        None if src.is_instance_of::<crate::objects::str::PyStr>() => {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to bytes",
                src.ty().name()
            )))
        }
        None => {
            let direct = src.is_exact::<crate::objects::list::PyList>()
                || src.is_exact::<crate::objects::tuple::PyTuple>();
            let iterable = if direct {
                Ok(src.clone())
            } else {
                crate::object::protocol::get_iter(src)
            };
            let items = match iterable {
                Ok(it) => crate::object::protocol::collect(&it)?,
                Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => {
                    return Err(PyErr::type_error(format!(
                        "cannot convert '{}' object to bytes",
                        src.ty().name()
                    )))
                }
                Err(e) => return Err(e),
            };
            let mut v = Vec::with_capacity(items.len());
            for i in items {
                let n = as_i64(&i)?;
                if !(0..256).contains(&n) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                v.push(n as u8);
            }
            v
        }
    };
    let v = if little {
        if signed {
            BigInt::from_signed_bytes_le(&data)
        } else {
            BigInt::from_bytes_le(Sign::Plus, &data)
        }
    } else if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let r = PyInt::from_bigint(v)?;
    if cls.is(&INT_TYPE.as_pyref()) {
        return Ok(r);
    }
    crate::object::protocol::call(cls, &[r], None)
}

pub(crate) fn int_format(s: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let spec = spec.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            spec.ty().name()
        ))
    })?;
    let x = self_int(s)?;
    if spec.as_str().is_empty() {
        return crate::object::protocol::str_(s);
    }
    let text = crate::objects::float::format_int_spec(x, spec.as_str())?;
    PyStr::new(&text)
}

fn int_trunc(s: &PyRef) -> PyResult<PyRef> {
    int_int(s)
}

fn int_get_real(s: &PyRef) -> PyResult<PyRef> {
    int_int(s)
}

fn int_get_imag(_s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(0)
}

fn int_get_denominator(_s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(1)
}

fn int_index_method(s: &PyRef) -> PyResult<PyRef> {
    int_int(s)
}

static INT_METHODS: &[MethodDef] = &[
    MethodDef::new("conjugate", Meth::NoArgs(int_conjugate)),
    MethodDef::new("bit_length", Meth::NoArgs(int_bit_length)),
    MethodDef::new("bit_count", Meth::NoArgs(int_bit_count)),
    MethodDef::new("to_bytes", Meth::FastKw(int_to_bytes)),
    MethodDef::class("from_bytes", Meth::FastKw(int_from_bytes)),
    MethodDef::new("as_integer_ratio", Meth::NoArgs(int_as_integer_ratio)),
    MethodDef::new("__trunc__", Meth::NoArgs(int_trunc)),
    MethodDef::new("__floor__", Meth::NoArgs(int_trunc)),
    MethodDef::new("__ceil__", Meth::NoArgs(int_trunc)),
    MethodDef::new("__round__", Meth::Fast(int_round)),
    MethodDef::new("__getnewargs__", Meth::NoArgs(int_getnewargs)),
    MethodDef::new("__format__", Meth::O(int_format)),
    MethodDef::new("__sizeof__", Meth::NoArgs(int_sizeof)),
];

static INT_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("real", int_get_real),
    GetSetDef::getter("imag", int_get_imag),
    GetSetDef::getter("numerator", int_get_real),
    GetSetDef::getter("denominator", int_get_denominator),
];

/// `operator.index`-like helper kept for callers wanting `__index__`.
pub fn index_of(o: &PyRef) -> PyResult<PyRef> {
    int_index_method(o)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
