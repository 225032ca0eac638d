//! `float` (CPython's `Objects/floatobject.c`): an IEEE 754 double.
//!
//! The number slots accept int operands (converted with
//! `OverflowError: int too large to convert to float`), comparison with ints
//! is exact as `float_richcompare`'s is, the hash is `_Py_HashDouble`, repr is
//! the shortest round-tripping text (`taipan_parser::pyrepr`), `float(str)`
//! follows `PyOS_string_to_double` with underscores, and `round(x, n)` rounds
//! the exact binary value half to even, as dtoa's mode 3 does.
//!
//! This file also holds the format-spec mini-language for the numeric types
//! (`Python/formatter_unicode.c`), used by `int.__format__` and
//! `float.__format__`.

use std::cell::Cell;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::{self, bigint_to_f64, f64_to_bigint, PyInt};
use crate::objects::none::not_implemented;
use crate::objects::str::PyStr;

/// The `float` payload (`PyFloatObject`).
#[repr(C)]
pub struct PyFloat {
    pub ob_base: PyObject,
    pub value: f64,
}

pub static FLOAT_TYPE: PyType = PyType {
    tp_name: "float",
    tp_basicsize: Cell::new(std::mem::size_of::<PyFloat>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::LEAF),
    tp_doc: Some("Convert a string or number to a floating point number, if possible."),
    tp_dealloc: float_dealloc,
    tp_repr: Cell::new(Some(float_repr)),
    tp_hash: Cell::new(Some(float_hash)),
    tp_richcompare: Cell::new(Some(float_richcompare)),
    tp_new: Cell::new(Some(float_new)),
    tp_methods: FLOAT_METHODS,
    tp_getset: FLOAT_GETSET,
    as_number: NumberSlots {
        nb_add: Cell::new(Some(float_add)),
        nb_subtract: Cell::new(Some(float_sub)),
        nb_multiply: Cell::new(Some(float_mul)),
        nb_remainder: Cell::new(Some(float_rem)),
        nb_divmod: Cell::new(Some(float_divmod)),
        nb_power: Cell::new(Some(float_pow)),
        nb_negative: Cell::new(Some(float_neg)),
        nb_positive: Cell::new(Some(float_pos)),
        nb_absolute: Cell::new(Some(float_abs)),
        nb_bool: Cell::new(Some(float_bool)),
        nb_int: Cell::new(Some(float_int)),
        nb_float: Cell::new(Some(float_pos)),
        nb_floor_divide: Cell::new(Some(float_floordiv)),
        nb_true_divide: Cell::new(Some(float_div)),
        ..NumberSlots::EMPTY
    },
    ..PyType::BASE
};

// SAFETY: PyFloat is repr(C) with the header first.
unsafe impl PyPayload for PyFloat {
    fn type_object() -> &'static PyType {
        &FLOAT_TYPE
    }
}

/// Freed exact floats kept for reuse (CPython's float free list in
/// `floatobject.c`, `PyFloat_MAXFREELIST`): their blocks stay allocated.
const FREELIST_MAX: usize = 100;

struct FreeList {
    n: usize,
    items: [*mut PyObject; FREELIST_MAX],
}

static FREELIST: crate::gil::GilCell<FreeList> = crate::gil::GilCell::new(FreeList {
    n: 0,
    items: [std::ptr::null_mut(); FREELIST_MAX],
});

/// `float_dealloc`: exact floats go to the free list while it has room.
///
/// # Safety
/// `obj` is a float (or float subclass instance) whose count is zero.
unsafe fn float_dealloc(obj: *mut PyObject) {
    // SAFETY: obj is dead and its header readable; GIL held for the list.
    unsafe {
        if std::ptr::eq((*obj).ob_type.get(), &FLOAT_TYPE) {
            let fl = &mut *FREELIST.as_ptr();
            if fl.n < FREELIST_MAX {
                fl.items[fl.n] = obj;
                fl.n += 1;
                return;
            }
            // An exact float owns nothing and has no weak references.
            const _: () = assert!(std::mem::size_of::<PyFloat>() <= 512);
            // An exact float's block is `mem_alloc(size_of::<PyFloat>())`: a pool block.
            crate::object::mem_free_small(obj as *mut u8);
            return;
        }
        crate::object::generic_dealloc(obj)
    }
}

/// `_PyFloat_ClearFreeList`: frees the blocks kept on the free list (a full
/// collection and the leak check call it).
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
        // SAFETY: a free-list entry is a dead exact float whose block is still allocated.
        unsafe { crate::object::generic_dealloc(obj) }
    }
}

impl PyFloat {
    #[inline(always)]
    pub fn new(v: f64) -> PyResult<PyRef> {
        // SAFETY: GIL held; a free-list entry is a dead exact float whose block is still allocated: it is revived with count one.
        unsafe {
            let fl = &mut *FREELIST.as_ptr();
            if fl.n > 0 {
                fl.n -= 1;
                let obj = fl.items[fl.n];
                (*obj).ob_refcnt.set(1);
                (*(obj as *mut PyFloat)).value = v;
                return Ok(PyRef::from_raw(obj));
            }
        }
        Self::new_fresh(v)
    }

    /// A new exact float in a fresh block (the free list is empty).
    #[inline(never)]
    fn new_fresh(v: f64) -> PyResult<PyRef> {
        let mem = crate::object::mem_alloc(std::mem::size_of::<PyFloat>());
        if mem.is_null() {
            return Err(PyErr::no_memory());
        }
        // SAFETY: a fresh block of PyFloat's (8-aligned) size, written whole.
        unsafe {
            std::ptr::write(
                mem as *mut PyFloat,
                PyFloat {
                    ob_base: PyObject {
                        ob_refcnt: Cell::new(1),
                        ob_type: Cell::new(&FLOAT_TYPE as *const PyType),
                    },
                    value: v,
                },
            );
            Ok(PyRef::from_raw(mem as *mut PyObject))
        }
    }

    pub fn new_in(ty: &PyType, v: f64) -> PyResult<PyRef> {
        alloc_object(
            ty,
            PyFloat {
                ob_base: PyObject::NEW,
                value: v,
            },
        )
    }
}

// ---------------------------------------------------------------------------
// Operands.

/// A float operand: a float's value, an int converted, or `None`
/// (`CONVERT_TO_DOUBLE`).
#[inline]
fn operand(o: &PyRef) -> PyResult<Option<f64>> {
    if let Some(f) = o.downcast::<PyFloat>() {
        return Ok(Some(f.value));
    }
    if let Some(i) = o.downcast::<PyInt>() {
        return i.to_f64().map(Some);
    }
    Ok(None)
}

macro_rules! operands {
    ($a:ident, $b:ident) => {
        match (operand($a)?, operand($b)?) {
            (Some(x), Some(y)) => (x, y),
            _ => return Ok(not_implemented()),
        }
    };
}

fn float_add(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    PyFloat::new(x + y)
}

fn float_sub(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    PyFloat::new(x - y)
}

fn float_mul(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    PyFloat::new(x * y)
}

fn float_div(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division_error("float division by zero"));
    }
    PyFloat::new(x / y)
}

/// Python's float `%` on values.
pub fn float_mod_values(vx: f64, wx: f64) -> f64 {
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    m
}

/// `_float_div_mod`: floor quotient and remainder (wx != 0).
pub fn float_divmod_values(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn float_rem(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division_error("float modulo"));
    }
    PyFloat::new(float_mod_values(x, y))
}

fn float_divmod(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod_values(x, y);
    crate::objects::tuple::PyTuple::new(vec![PyFloat::new(q)?, PyFloat::new(r)?])
}

fn float_floordiv(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    if y == 0.0 {
        return Err(PyErr::zero_division_error("float floor division by zero"));
    }
    PyFloat::new(float_divmod_values(x, y).0)
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.fract() == 0.0 && (y % 2.0).abs() == 1.0
}

fn range_error() -> PyErr {
    match PyStr::new("Numerical result out of range") {
        Ok(s) => match PyInt::new(34) {
            Ok(n) => PyErr::with_args(&crate::objects::exceptions::OVERFLOW_ERROR, &[n, s]),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// `float_pow` on values (also used by int ** negative int).
pub fn float_pow_values(iv: f64, iw: f64) -> PyResult<PyRef> {
    if iw == 0.0 {
        return PyFloat::new(1.0);
    }
    if iv.is_nan() {
        return PyFloat::new(iv);
    }
    if iw.is_nan() {
        return PyFloat::new(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return PyFloat::new(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return PyFloat::new(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(PyErr::zero_division_error(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return PyFloat::new(if odd { iv } else { 0.0 });
    }
    let mut negate = false;
    let mut base = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            // A negative number to a fractional power: a complex result.
            return crate::objects::complex::complex_pow_values((iv, 0.0), (iw, 0.0));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return PyFloat::new(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(range_error());
    }
    PyFloat::new(if negate { -r } else { r })
}

fn float_pow(a: &PyRef, b: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    if !c.is_none() {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    let (x, y) = operands!(a, b);
    float_pow_values(x, y)
}

fn fval(a: &PyRef) -> PyResult<f64> {
    a.downcast::<PyFloat>()
        .map(|f| f.value)
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'float' object"))
}

fn float_neg(a: &PyRef) -> PyResult<PyRef> {
    PyFloat::new(-fval(a)?)
}

fn float_pos(a: &PyRef) -> PyResult<PyRef> {
    if a.is_exact::<PyFloat>() {
        return Ok(a.clone());
    }
    PyFloat::new(fval(a)?)
}

fn float_abs(a: &PyRef) -> PyResult<PyRef> {
    PyFloat::new(fval(a)?.abs())
}

fn float_bool(a: &PyRef) -> PyResult<bool> {
    Ok(fval(a)? != 0.0)
}

/// A float's integral part as an int (`float___trunc___impl`).
pub fn f64_to_int(v: f64) -> PyResult<PyRef> {
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    let t = v.trunc();
    if t.abs() < 9.2e18 {
        return PyInt::new(t as i64);
    }
    PyInt::from_bigint(f64_to_bigint(t))
}

fn float_int(a: &PyRef) -> PyResult<PyRef> {
    f64_to_int(fval(a)?)
}

// ---------------------------------------------------------------------------
// Comparison and hash.

/// Compares a finite or infinite float with an int exactly.
pub fn cmp_float_int(v: f64, w: &PyInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let Some(i) = w.as_i64() {
        if i.unsigned_abs() <= (1u64 << 53) {
            return v.partial_cmp(&(i as f64));
        }
    }
    let t = v.trunc();
    let ti = f64_to_bigint(t);
    let wi = w.to_bigint();
    match ti.cmp(&wi) {
        Ordering::Equal => {
            let f = v - t;
            Some(if f > 0.0 {
                Ordering::Greater
            } else if f < 0.0 {
                Ordering::Less
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

pub(crate) fn float_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let v = match a.downcast::<PyFloat>() {
        Some(f) => f.value,
        None => return Ok(not_implemented()),
    };
    let ord = if let Some(f) = b.downcast::<PyFloat>() {
        v.partial_cmp(&f.value)
    } else if let Some(i) = b.downcast::<PyInt>() {
        cmp_float_int(v, i)
    } else {
        return Ok(not_implemented());
    };
    Ok(py_bool(match ord {
        None => op == CompareOp::Ne,
        Some(o) => op.test(&o, &std::cmp::Ordering::Equal),
    }))
}

/// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1` (finite, nonzero v).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// `_Py_HashPointer`.
pub fn hash_pointer(p: usize) -> isize {
    let y = p.rotate_right(4) as isize;
    if y == -1 {
        -2
    } else {
        y
    }
}

/// `_Py_HashDouble` (`inst` is the object, for NaN's identity hash).
pub fn hash_double(inst: usize, v: f64) -> isize {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { 314159 } else { -314159 };
        }
        return hash_pointer(inst);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e % BITS as i32) as u32
    } else {
        BITS - 1 - ((-1 - e) % BITS as i32) as u32
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = (x as i64) * sign;
    if h == -1 {
        -2
    } else {
        h as isize
    }
}

fn float_hash(a: &PyRef) -> PyResult<isize> {
    Ok(hash_double(a.id(), fval(a)?))
}

// ---------------------------------------------------------------------------
// repr and parsing.

/// `repr(float)`.
pub fn float_repr_string(v: f64) -> String {
    let mut s = String::new();
    taipan_parser::pyrepr::write_float(&mut s, v);
    s
}

fn float_repr(a: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&float_repr_string(fval(a)?))
}

/// Removes underscores that sit between two digits; `None` if an
/// underscore is anywhere else (`_Py_string_to_number_with_underscores`).
fn strip_underscores(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !s.contains('_') {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
            let next_digit = b.get(i + 1).is_some_and(|d| d.is_ascii_digit());
            if !(prev_digit && next_digit) {
                return None;
            }
        } else {
            out.push(c as char);
        }
    }
    Some(std::borrow::Cow::Owned(out))
}

/// Parses a float literal as `float(str)` does (whitespace around allowed).
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim_matches(int::is_py_space);
    let t = strip_underscores(t)?;
    let body = t.trim_start_matches(['+', '-']);
    if t.len() - body.len() > 1 {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" || lower == "nan" {
        let v: f64 = if lower == "nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Some(if t.starts_with('-') { -v } else { v });
    }
    let bytes = body.as_bytes();
    // Python's grammar: digits [. digits] | . digits, then [e [sign] digits].
    let mut i = 0;
    let mut nd = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
        nd += 1;
    }
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
            nd += 1;
        }
    }
    if nd == 0 {
        return None;
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        i += 1;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if i != bytes.len() {
        return None;
    }
    t.parse::<f64>().ok()
}

/// `float(str)`.
pub fn float_from_str(s: &str) -> PyResult<f64> {
    let converted = int::ascii_digits(s);
    let text = converted.as_deref().unwrap_or(s);
    parse_float(text).ok_or_else(|| {
        PyErr::value_error(format!(
            "could not convert string to float: {}",
            int::str_repr(s)
        ))
    })
}

/// `PyNumber_Float`: `float(x)` as a value.
pub fn number_to_f64(x: &PyRef) -> PyResult<f64> {
    if let Some(f) = x.downcast_exact::<PyFloat>() {
        return Ok(f.value);
    }
    let ty = x.ty();
    if let Some(f) = ty.as_number.nb_float.get() {
        let r = f(x)?;
        return match r.downcast::<PyFloat>() {
            Some(p) => Ok(p.value),
            None => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                ty.name(),
                r.ty().name()
            ))),
        };
    }
    if ty.as_number.nb_index.get().is_some() {
        let i = crate::object::protocol::index(x)?;
        // SAFETY: index returns an int.
        return unsafe { i.payload_unchecked::<PyInt>() }.to_f64();
    }
    if let Some(s) = x.downcast::<PyStr>() {
        return float_from_str(s.as_str());
    }
    let n = ty.static_base().tp_name;
    if n == "bytes" || n == "bytearray" {
        let items = crate::object::protocol::collect(x)?;
        let mut v = Vec::new();
        for i in items {
            v.push(int::as_i64(&i)? as u8);
        }
        let text = String::from_utf8_lossy(&v).into_owned();
        return parse_float(&text).ok_or_else(|| {
            let mut r = String::from("b");
            taipan_parser::pyrepr::write_bytes_repr(&mut r, &v);
            PyErr::value_error(format!("could not convert string to float: {r}"))
        });
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        ty.name()
    )))
}

/// `PyFloat_AsDouble`: a float, or an object with `__float__` or
/// `__index__`, as an f64 (no strings).
pub fn as_f64(x: &PyRef) -> PyResult<f64> {
    if let Some(f) = x.downcast::<PyFloat>() {
        return Ok(f.value);
    }
    let n = &x.ty().as_number;
    if n.nb_float.get().is_none() && n.nb_index.get().is_none() {
        return Err(PyErr::type_error(format!(
            "must be real number, not {}",
            x.ty().name()
        )));
    }
    number_to_f64(x)
}

fn float_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = cls
        .downcast::<PyType>()
        .ok_or_else(|| PyErr::type_error("float.__new__(X): X is not a type object"))?;
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error("float() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let v = match args.first() {
        None => 0.0,
        Some(x) => {
            if std::ptr::eq(ty, &FLOAT_TYPE) && x.is_exact::<PyFloat>() {
                return Ok(x.clone());
            }
            number_to_f64(x)?
        }
    };
    PyFloat::new_in(ty, v)
}

// ---------------------------------------------------------------------------
// Methods.

fn float_is_integer(a: &PyRef) -> PyResult<PyRef> {
    let v = fval(a)?;
    Ok(py_bool(v.is_finite() && v.fract() == 0.0))
}

fn float_as_integer_ratio(a: &PyRef) -> PyResult<PyRef> {
    let v = fval(a)?;
    if v.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (num, den) = float_ratio(v);
    crate::objects::tuple::PyTuple::new(vec![PyInt::from_bigint(num)?, PyInt::from_bigint(den)?])
}

/// A finite float as an exact fraction in lowest terms.
pub fn float_ratio(v: f64) -> (BigInt, BigInt) {
    if v == 0.0 {
        return (BigInt::zero(), BigInt::from(1));
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    e += tz;
    let mut num = BigInt::from(mant);
    if v < 0.0 {
        num = -num;
    }
    if e >= 0 {
        (num << e as usize, BigInt::from(1))
    } else {
        (num, BigInt::from(1) << (-e) as usize)
    }
}

fn float_conjugate(a: &PyRef) -> PyResult<PyRef> {
    float_pos(a)
}

fn float_trunc(a: &PyRef) -> PyResult<PyRef> {
    f64_to_int(fval(a)?)
}

fn float_floor(a: &PyRef) -> PyResult<PyRef> {
    f64_to_int(fval(a)?.floor())
}

fn float_ceil(a: &PyRef) -> PyResult<PyRef> {
    f64_to_int(fval(a)?.ceil())
}

fn float_getnewargs(a: &PyRef) -> PyResult<PyRef> {
    crate::objects::tuple::PyTuple::new(vec![PyFloat::new(fval(a)?)?])
}

fn float_get_real(a: &PyRef) -> PyResult<PyRef> {
    float_pos(a)
}

fn float_get_imag(_a: &PyRef) -> PyResult<PyRef> {
    PyFloat::new(0.0)
}

/// `round(x, ndigits)` for a float (`double_round`).
pub fn round_f64(x: f64, ndigits: i64) -> PyResult<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if ndigits > NDIGITS_MAX || x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let r = if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        s.parse::<f64>().unwrap_or(x)
    } else {
        let a = x.abs();
        let ti = f64_to_bigint(a.trunc());
        let f = a - a.trunc();
        let p = num_traits::pow::Pow::pow(&BigInt::from(10), (-ndigits) as u32);
        let (q, rem) = ti.div_mod_floor(&p);
        let twice: BigInt = &rem * 2u32;
        let up = match twice.cmp(&p) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => f > 0.0 || q.is_odd(),
            std::cmp::Ordering::Less => false,
        };
        let q = if up { q + 1 } else { q };
        let v = bigint_to_f64(&(q * p)).unwrap_or(f64::INFINITY);
        v.copysign(x)
    };
    if r.is_infinite() {
        return Err(PyErr::overflow_error(
            "rounded value too large to represent",
        ));
    }
    Ok(r)
}

fn float_round(a: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let x = fval(a)?;
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "__round__ expected at most 1 argument, got {}",
            args.len()
        )));
    }
    match args.first() {
        None => f64_to_int(x.round_ties_even()),
        Some(n) if n.is_none() => f64_to_int(x.round_ties_even()),
        Some(n) => {
            let i = crate::object::protocol::index(n)?;
            // SAFETY: index returns an int.
            let p = unsafe { i.payload_unchecked::<PyInt>() };
            let nd = match p.as_i64() {
                Some(v) => v,
                None => {
                    if p.signum() > 0 {
                        i64::MAX
                    } else {
                        i64::MIN
                    }
                }
            };
            PyFloat::new(round_f64(x, nd)?)
        }
    }
}

/// `float.hex()`.
pub fn float_hex_string(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    let esign = if e >= 0 { "+" } else { "-" };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", e.abs())
}

fn float_hex(a: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&float_hex_string(fval(a)?))
}

/// `m * 2**e` correctly rounded (half to even), subnormals included;
/// `None` on overflow.
pub fn scale_round(m: &BigInt, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits + e - 1; // exponent of the leading bit
    if top > 1023 {
        return None;
    }
    let prec = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if prec <= -1 {
        return Some(0.0);
    }
    let shift = nbits - prec;
    let (q, e2) = if shift > 0 {
        let q = m >> shift as u64;
        let half_bit = m.bit(shift as u64 - 1);
        let sticky = m.trailing_zeros().unwrap_or(0) < (shift - 1) as u64;
        let mut q = q.to_u64().unwrap_or(0);
        if half_bit && (sticky || q & 1 == 1) {
            q += 1;
        }
        (q, e + shift)
    } else {
        (m.to_u64().unwrap_or(0), e)
    };
    let r = int::ldexp(q as f64, e2);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

fn fromhex_value(s: &str) -> Result<f64, &'static str> {
    const INVALID: &str = "invalid hexadecimal floating-point string";
    let t = s.trim_matches(int::is_py_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let l = t.to_ascii_lowercase();
    if l == "inf" || l == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if l == "nan" {
        return Ok(f64::NAN);
    }
    let body = l.strip_prefix("0x").unwrap_or(&l);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(INVALID);
    }
    let mut digits = Vec::new();
    for c in ip.bytes().chain(fp.bytes()) {
        let d = (c as char).to_digit(16).ok_or(INVALID)?;
        digits.push(d as u8);
    }
    let e: i64 = match exp {
        Some(x) => {
            let xs = x.strip_prefix('+').unwrap_or(x);
            if xs.is_empty()
                || !xs
                    .trim_start_matches('-')
                    .bytes()
                    .all(|c| c.is_ascii_digit())
            {
                return Err(INVALID);
            }
            xs.parse::<i64>().unwrap_or(if xs.starts_with('-') {
                -1_000_000
            } else {
                1_000_000
            })
        }
        None => 0,
    };
    let m = BigInt::from_radix_be(Sign::Plus, &digits, 16).ok_or(INVALID)?;
    let e = e.clamp(-1_000_000, 1_000_000) - 4 * fp.len() as i64;
    let v = scale_round(&m, e).ok_or("hexadecimal value too large to represent as a float")?;
    Ok(if neg { -v } else { v })
}

fn float_fromhex(cls: &PyRef, s: &PyRef) -> PyResult<PyRef> {
    let text = crate::objects::str::str_arg(s, "fromhex")
        .map_err(|_| PyErr::type_error("bad argument type for built-in operation"))?;
    let v = match fromhex_value(text) {
        Ok(v) => v,
        Err(m) if m.starts_with("hex") => return Err(PyErr::overflow_error(m)),
        Err(m) => return Err(PyErr::value_error(m)),
    };
    let f = PyFloat::new(v)?;
    if cls.is(&FLOAT_TYPE.as_pyref()) {
        return Ok(f);
    }
    crate::object::protocol::call(cls, &[f], None)
}

pub(crate) fn float_format(a: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let v = fval(a)?;
    let spec = spec.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            spec.ty().name()
        ))
    })?;
    if spec.as_str().is_empty() {
        return crate::object::protocol::str_(a);
    }
    PyStr::new(&format_float_spec(v, spec.as_str(), "float")?)
}

fn float_getformat(_cls: &PyRef, t: &PyRef) -> PyResult<PyRef> {
    match t.downcast::<PyStr>().map(|s| s.as_str()) {
        Some("double") | Some("float") => PyStr::new("IEEE, little-endian"),
        Some(_) => Err(PyErr::value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        )),
        None => Err(PyErr::type_error(format!(
            "__getformat__() argument must be str, not {}",
            t.ty().name()
        ))),
    }
}

static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::new("conjugate", Meth::NoArgs(float_conjugate)),
    MethodDef::new("__trunc__", Meth::NoArgs(float_trunc)),
    MethodDef::new("__floor__", Meth::NoArgs(float_floor)),
    MethodDef::new("__ceil__", Meth::NoArgs(float_ceil)),
    MethodDef::new("__round__", Meth::Fast(float_round)),
    MethodDef::new("as_integer_ratio", Meth::NoArgs(float_as_integer_ratio)),
    MethodDef::class("fromhex", Meth::O(float_fromhex)),
    MethodDef::new("hex", Meth::NoArgs(float_hex)),
    MethodDef::new("is_integer", Meth::NoArgs(float_is_integer)),
    MethodDef::new("__getnewargs__", Meth::NoArgs(float_getnewargs)),
    MethodDef::class("__getformat__", Meth::O(float_getformat)),
    MethodDef::new("__format__", Meth::O(float_format)),
];

static FLOAT_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("real", float_get_real),
    GetSetDef::getter("imag", float_get_imag),
];

// ---------------------------------------------------------------------------
// The format-spec mini-language for numbers (`formatter_unicode.c`).

/// A parsed format spec (`InternalFormatSpec`).
#[derive(Debug, Clone)]
pub struct Spec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero_pad: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Widths and precisions past this give `MemoryError` instead of asking
/// the allocator for gigabytes (which would abort).
const MAX_FORMAT_WIDTH: usize = 1 << 27;

/// Parses a format spec (`parse_internal_render_format_spec`).
pub fn parse_spec(spec: &str, tyname: &str) -> PyResult<Spec> {
    // The spec's characters on the stack when short (the usual case).
    let mut buf = ['\0'; 24];
    let heap: Vec<char>;
    let c: &[char] = if spec.len() <= buf.len() {
        let mut n = 0;
        for ch in spec.chars() {
            buf[n] = ch;
            n += 1;
        }
        &buf[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    // CPython's `get_integer`: digits to a Py_ssize_t, overflow an error.
    let number = |c: &[char]| -> PyResult<isize> {
        let mut v: isize = 0;
        for &d in c {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(d as isize - '0' as isize))
                .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
        }
        Ok(v)
    };
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    let mut i = 0;
    let mut fill_given = false;
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = c[0];
        s.align = Some(c[1]);
        fill_given = true;
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if !fill_given && i < c.len() && c[i] == '0' {
        s.fill = '0';
        s.zero_pad = true;
        if s.align.is_none() {
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = number(&c[start..i])? as usize;
        if s.width > MAX_FORMAT_WIDTH {
            return Err(PyErr::no_memory());
        }
    }
    if i < c.len() && c[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < c.len() && c[i] == '_' {
        if s.grouping.is_some() {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < c.len() && c[i] == ',' {
        return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        let p = number(&c[start..i])?;
        if p > i32::MAX as isize {
            return Err(PyErr::value_error("precision too big"));
        }
        if p as usize > MAX_FORMAT_WIDTH {
            return Err(PyErr::no_memory());
        }
        s.precision = Some(p as usize);
    }
    if c.len() - i > 1 {
        return Err(PyErr::value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{tyname}'"
        )));
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if !ok {
            return Err(PyErr::value_error(format!(
                "Cannot specify '{}' with '{}'.",
                g,
                s.ty.unwrap_or(' ')
            )));
        }
    }
    Ok(s)
}

/// Inserts `sep` every `every` digits from the right.
fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Pads `sign + prefix + body` to the spec's width with its fill and
/// alignment (`body` holds the digits and whatever follows them).
fn pad_number(
    s: &Spec,
    sign: &str,
    prefix: &str,
    body: &str,
    int_digits: Option<(&str, &str, usize)>,
) -> String {
    let default_align = '>';
    let align = s.align.unwrap_or(default_align);
    // Zero padding with grouping groups the added zeros too.
    if let (Some((digits, rest, every)), true, Some(sep)) =
        (int_digits, s.fill == '0' && align == '=', s.grouping)
    {
        let min = s
            .width
            .saturating_sub(sign.len() + prefix.len() + rest.chars().count());
        // The fewest digits (with leading zeros) whose grouped form is at
        // least `min` long.
        let glen = |d: usize| d + d.saturating_sub(1) / every;
        let mut d = digits.len().max(min.saturating_mul(every) / (every + 1));
        while d > digits.len() && glen(d - 1) >= min {
            d -= 1;
        }
        while glen(d) < min {
            d += 1;
        }
        let zeros = "0".repeat(d - digits.len());
        let grouped = group_digits(&format!("{zeros}{digits}"), sep, every);
        return format!("{sign}{prefix}{grouped}{rest}");
    }
    let len = sign.len() + prefix.len() + char_count(body);
    let pad = s.width.saturating_sub(len);
    let mut out =
        String::with_capacity(sign.len() + prefix.len() + body.len() + pad * s.fill.len_utf8());
    let fill = |out: &mut String, n: usize| {
        for _ in 0..n {
            out.push(s.fill);
        }
    };
    let (before, between, after) = match align {
        _ if pad == 0 => (0, 0, 0),
        '<' => (0, 0, pad),
        '^' => (pad / 2, 0, pad - pad / 2),
        '=' => (0, pad, 0),
        _ => (pad, 0, 0),
    };
    fill(&mut out, before);
    out.push_str(sign);
    out.push_str(prefix);
    fill(&mut out, between);
    out.push_str(body);
    fill(&mut out, after);
    out
}

/// The characters of `t` (its length when ASCII).
#[inline]
fn char_count(t: &str) -> usize {
    if t.is_ascii() {
        t.len()
    } else {
        t.chars().count()
    }
}

/// The digits of `m` in base 2, 8, 10 or 16 (`upper` for 'X').
pub(crate) fn small_digits(mut m: u64, base: u64, upper: bool) -> String {
    let mut buf = [0u8; 64];
    let mut i = buf.len();
    let table: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    // One loop per base, so the divisions are by constants.
    macro_rules! digits {
        ($b:expr) => {
            loop {
                i -= 1;
                buf[i] = table[(m % $b) as usize];
                m /= $b;
                if m == 0 {
                    break;
                }
            }
        };
    }
    match base {
        2 => digits!(2),
        8 => digits!(8),
        16 => digits!(16),
        _ => digits!(10),
    }
    // The digits are ASCII.
    std::str::from_utf8(&buf[i..]).unwrap_or("").to_owned()
}

fn sign_str(s: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `format(int, spec)`.
pub fn format_int_spec(x: &PyInt, spec: &str) -> PyResult<String> {
    let s = parse_spec(spec, "int")?;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_values(x.to_f64()?, &s, "int");
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        _ => {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{}' for object of type 'int'",
                ty
            )))
        }
    }
    if s.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if s.no_neg_zero {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        let v = x.to_bigint();
        if s.sign.is_some() {
            return Err(PyErr::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if s.alternate {
            return Err(PyErr::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        if v.to_i64().is_none() {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C long",
            ));
        }
        let ch = v
            .to_u32()
            .filter(|&c| c < 0x110000)
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)"))?;
        let body = ch.to_string();
        let mut s2 = s.clone();
        if s2.align == Some('=') {
            s2.align = Some('>');
        }
        return Ok(pad_number(&s2, "", "", &body, None));
    }
    let (prefix, every) = match ty {
        'b' => ("0b", 4),
        'o' => ("0o", 4),
        'x' => ("0x", 4),
        'X' => ("0X", 4),
        _ => ("", 3),
    };
    let (negative, digits) = if x.big.is_none() {
        // The machine-range form: digits without a BigInt.
        let m = x.small.unsigned_abs();
        let d = match ty {
            'b' => small_digits(m, 2, false),
            'o' => small_digits(m, 8, false),
            'x' => small_digits(m, 16, false),
            'X' => small_digits(m, 16, true),
            _ => small_digits(m, 10, false),
        };
        (x.small < 0, d)
    } else {
        let v = x.to_bigint();
        let mag = v.magnitude();
        let d = match ty {
            'b' => mag.to_str_radix(2),
            'o' => mag.to_str_radix(8),
            'x' => mag.to_str_radix(16),
            'X' => mag.to_str_radix(16).to_uppercase(),
            _ => int::int_to_decimal(x)?.trim_start_matches('-').to_string(),
        };
        (v.sign() == Sign::Minus, d)
    };
    let prefix = if s.alternate { prefix } else { "" };
    let sign = sign_str(&s, negative);
    let grouped;
    let body = match s.grouping {
        Some(g) => {
            grouped = group_digits(&digits, g, every);
            &grouped
        }
        None => {
            if sign.is_empty() && prefix.is_empty() && digits.len() >= s.width {
                // Nothing to add: the digits are the text.
                return Ok(digits);
            }
            &digits
        }
    };
    Ok(pad_number(
        &s,
        sign,
        prefix,
        body,
        Some((&digits, "", every)),
    ))
}

/// Rust's `{:.*e}` text as Python's `d.ddde+XX`.
fn fmt_e(v: f64, prec: usize, upper: bool, alt: bool) -> String {
    let t = crate::objects::format_spec::exp_digits(v, prec);
    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_string();
    if alt && !m.contains('.') {
        m.push('.');
    }
    format!(
        "{}{}{}{:02}",
        m,
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// `%g` formatting; `add_dot_0` for the no-type-with-precision case.
fn fmt_g(v: f64, prec: usize, upper: bool, alt: bool, add_dot_0: bool) -> String {
    let p = prec.max(1);
    let t = crate::objects::format_spec::exp_digits(v, p - 1);
    let exp: i64 = t
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    // CPython's use_exp: with add_dot_0 the fixed form needs one digit less.
    let limit = if add_dot_0 { p as i64 - 1 } else { p as i64 };
    let mut out = if exp >= -4 && exp < limit {
        let decimals = (p as i64 - 1 - exp) as usize;
        let mut s = crate::objects::format_spec::fixed_digits(v, decimals);
        if alt {
            if !s.contains('.') {
                s.push('.');
            }
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
        if add_dot_0 && !s.contains('.') {
            s.push_str(".0");
        }
        s
    } else {
        let s = fmt_e(v, p - 1, upper, alt);
        if alt {
            s
        } else {
            let (m, e) = s.split_at(s.find(['e', 'E']).unwrap_or(s.len()));
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            format!("{m}{e}")
        }
    };
    if upper {
        out = out.to_uppercase();
    }
    out
}

/// `format(float, spec)`.
pub fn format_float_spec(v: f64, spec: &str, tyname: &str) -> PyResult<String> {
    let s = parse_spec(spec, tyname)?;
    format_float_values(v, &s, tyname)
}

fn format_float_values(v: f64, s: &Spec, tyname: &str) -> PyResult<String> {
    let ty = s.ty;
    // A bare fixed-point spec ('.2f'): the digits with their '-' are all.
    if matches!(ty, Some('f') | Some('F'))
        && v.is_finite()
        && s.width == 0
        && s.grouping.is_none()
        && s.sign.is_none()
        && !s.alternate
        && !s.no_neg_zero
    {
        return Ok(crate::objects::format_spec::fixed(
            v,
            s.precision.unwrap_or(6),
        ));
    }
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                t, tyname
            )));
        }
    }
    if s.alternate && ty.is_none() && s.precision.is_none() {
        // '#' alone is allowed; it has no effect on repr-style output.
    }
    let mut v = v;
    let upper = matches!(ty, Some('E') | Some('F') | Some('G'));
    let prec = s.precision;
    let mut body = if !v.is_finite() {
        let t = if v.is_nan() { "nan" } else { "inf" };
        let t = if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if ty == Some('%') {
            format!("{t}%")
        } else {
            t
        }
    } else {
        let r = match ty {
            None => match prec {
                None => {
                    let mut r = float_repr_string(v.abs());
                    if s.alternate && !r.contains('.') {
                        match r.find('e') {
                            Some(k) => r.insert(k, '.'),
                            None => r.push('.'),
                        }
                    }
                    r
                }
                Some(p) => fmt_g(v.abs(), p, false, s.alternate, true),
            },
            Some('e') | Some('E') => fmt_e(v.abs(), prec.unwrap_or(6), upper, s.alternate),
            Some('f') | Some('F') => {
                let mut r = crate::objects::format_spec::fixed(v.abs(), prec.unwrap_or(6));
                if s.alternate && !r.contains('.') {
                    r.push('.');
                }
                r
            }
            Some('%') => {
                let mut r =
                    crate::objects::format_spec::fixed_digits(v.abs() * 100.0, prec.unwrap_or(6));
                if s.alternate && !r.contains('.') {
                    r.push('.');
                }
                r.push('%');
                r
            }
            _ => fmt_g(v.abs(), prec.unwrap_or(6), upper, s.alternate, false),
        };
        if s.no_neg_zero && v.is_sign_negative() && r.bytes().all(|c| !(b'1'..=b'9').contains(&c)) {
            v = 0.0;
        }
        r
    };
    let negative = v.is_sign_negative() && !v.is_nan();
    // Split off the integer digits to group them.
    let int_len = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let digits = body[..int_len].to_string();
    let rest = body[int_len..].to_string();
    if let Some(g) = s.grouping {
        if v.is_finite() {
            body = format!("{}{}", group_digits(&digits, g, 3), rest);
        }
    }
    let int_digits = if v.is_finite() {
        Some((digits.as_str(), rest.as_str(), 3))
    } else {
        None
    };
    Ok(pad_number(s, sign_str(s, negative), "", &body, int_digits))
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
