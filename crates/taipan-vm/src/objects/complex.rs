//! `complex` (CPython's `Objects/complexobject.c`): a pair of doubles.
//!
//! Arithmetic follows `_Py_c_sum`, `_Py_c_prod`, `_Py_c_quot` (Smith's
//! division) and `_Py_c_pow` (repeated squaring for small integral
//! exponents); int and float operands are converted to complex first. repr is
//! `complex_repr` (via `taipan_parser::pyrepr`), the hash combines the parts'
//! hashes as CPython does, and `complex(str)` accepts CPython's forms
//! ("1+2j", "(1-j)", "  3J ", "inf+nanj").

use std::cell::Cell;

use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::float::{hash_double, PyFloat};
use crate::objects::int::PyInt;
use crate::objects::none::not_implemented;
use crate::objects::str::PyStr;

/// The `complex` payload (`PyComplexObject`).
#[repr(C)]
pub struct PyComplex {
    pub ob_base: PyObject,
    pub real: f64,
    pub imag: f64,
}

pub static COMPLEX_TYPE: PyType = PyType {
    tp_name: "complex",
    tp_basicsize: Cell::new(std::mem::size_of::<PyComplex>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::LEAF),
    tp_doc: Some("Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0."),
    tp_repr: Cell::new(Some(complex_repr)),
    tp_hash: Cell::new(Some(complex_hash)),
    tp_richcompare: Cell::new(Some(complex_richcompare)),
    tp_new: Cell::new(Some(complex_new)),
    tp_methods: COMPLEX_METHODS,
    tp_getset: COMPLEX_GETSET,
    as_number: NumberSlots {
        nb_add: Cell::new(Some(complex_add)),
        nb_subtract: Cell::new(Some(complex_sub)),
        nb_multiply: Cell::new(Some(complex_mul)),
        nb_true_divide: Cell::new(Some(complex_div)),
        nb_power: Cell::new(Some(complex_pow)),
        nb_negative: Cell::new(Some(complex_neg)),
        nb_positive: Cell::new(Some(complex_pos)),
        nb_absolute: Cell::new(Some(complex_abs)),
        nb_bool: Cell::new(Some(complex_bool)),
        ..NumberSlots::EMPTY
    },
    ..PyType::BASE
};

// SAFETY: PyComplex is repr(C) with the header first.
unsafe impl PyPayload for PyComplex {
    fn type_object() -> &'static PyType {
        &COMPLEX_TYPE
    }
}

impl PyComplex {
    pub fn new(real: f64, imag: f64) -> PyResult<PyRef> {
        Self::new_in(&COMPLEX_TYPE, real, imag)
    }

    pub fn new_in(ty: &PyType, real: f64, imag: f64) -> PyResult<PyRef> {
        alloc_object(
            ty,
            PyComplex {
                ob_base: PyObject::NEW,
                real,
                imag,
            },
        )
    }
}

type C = (f64, f64);

/// A complex operand: complex, float or int (`TO_COMPLEX`).
fn operand(o: &PyRef) -> PyResult<Option<C>> {
    if let Some(c) = o.downcast::<PyComplex>() {
        return Ok(Some((c.real, c.imag)));
    }
    if let Some(f) = o.downcast::<PyFloat>() {
        return Ok(Some((f.value, 0.0)));
    }
    if let Some(i) = o.downcast::<PyInt>() {
        return Ok(Some((i.to_f64()?, 0.0)));
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

fn new_c(c: C) -> PyResult<PyRef> {
    PyComplex::new(c.0, c.1)
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; `None` on division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn complex_add(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    new_c((x.0 + y.0, x.1 + y.1))
}

fn complex_sub(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    new_c((x.0 - y.0, x.1 - y.1))
}

fn complex_mul(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    new_c(prod(x, y))
}

fn complex_div(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (x, y) = operands!(a, b);
    match quot(x, y) {
        Some(r) => new_c(r),
        None => Err(PyErr::zero_division_error("complex division by zero")),
    }
}

fn powu(x: C, mut n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    while n > 0 {
        if n & 1 == 1 {
            r = prod(r, p);
        }
        n >>= 1;
        if n > 0 {
            p = prod(p, p);
        }
    }
    r
}

/// `_Py_c_pow` with CPython's error checks, as a new complex.
pub fn complex_pow_values(a: C, b: C) -> PyResult<PyRef> {
    let r = if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PyErr::zero_division_error(
                "0.0 to a negative or complex power",
            ));
        }
        (0.0, 0.0)
    } else if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            powu(a, n as u64)
        } else {
            match quot((1.0, 0.0), powu(a, n.unsigned_abs())) {
                Some(r) => r,
                None => {
                    return Err(PyErr::zero_division_error(
                        "0.0 to a negative or complex power",
                    ))
                }
            }
        }
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PyErr::overflow_error("complex exponentiation"));
    }
    new_c(r)
}

fn complex_pow(a: &PyRef, b: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    if !c.is_none() {
        return Err(PyErr::value_error("complex modulo"));
    }
    let (x, y) = operands!(a, b);
    complex_pow_values(x, y)
}

fn cval(a: &PyRef) -> PyResult<C> {
    a.downcast::<PyComplex>()
        .map(|c| (c.real, c.imag))
        .ok_or_else(|| PyErr::type_error("descriptor requires a 'complex' object"))
}

fn complex_neg(a: &PyRef) -> PyResult<PyRef> {
    let c = cval(a)?;
    new_c((-c.0, -c.1))
}

fn complex_pos(a: &PyRef) -> PyResult<PyRef> {
    if a.is_exact::<PyComplex>() {
        return Ok(a.clone());
    }
    new_c(cval(a)?)
}

fn complex_abs(a: &PyRef) -> PyResult<PyRef> {
    let c = cval(a)?;
    let r = c.0.hypot(c.1);
    if r.is_infinite() && c.0.is_finite() && c.1.is_finite() {
        return Err(PyErr::overflow_error("absolute value too large"));
    }
    PyFloat::new(r)
}

fn complex_bool(a: &PyRef) -> PyResult<bool> {
    let c = cval(a)?;
    Ok(c.0 != 0.0 || c.1 != 0.0)
}

fn complex_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(not_implemented());
    }
    let c = match a.downcast::<PyComplex>() {
        Some(c) => (c.real, c.imag),
        None => return Ok(not_implemented()),
    };
    let equal = if let Some(i) = b.downcast::<PyInt>() {
        c.1 == 0.0
            && crate::objects::float::cmp_float_int(c.0, i) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = b.downcast::<PyFloat>() {
        c.0 == f.value && c.1 == 0.0
    } else if let Some(o) = b.downcast::<PyComplex>() {
        c.0 == o.real && c.1 == o.imag
    } else {
        return Ok(not_implemented());
    };
    Ok(py_bool(if op == CompareOp::Eq { equal } else { !equal }))
}

/// The hash of a complex value (`complex_hash`).
pub fn hash_complex(inst: usize, c: C) -> isize {
    let hr = hash_double(inst, c.0) as u64;
    let hi = hash_double(inst, c.1) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn complex_hash(a: &PyRef) -> PyResult<isize> {
    Ok(hash_complex(a.id(), cval(a)?))
}

/// `repr(complex)`.
pub fn complex_repr_string(real: f64, imag: f64) -> String {
    let mut s = String::new();
    taipan_parser::pyrepr::write_complex(&mut s, real, imag);
    s
}

fn complex_repr(a: &PyRef) -> PyResult<PyRef> {
    let c = cval(a)?;
    PyStr::new(&complex_repr_string(c.0, c.1))
}

/// Splits off the longest prefix of `s` that is a float literal (digits,
/// point, exponent, or inf/nan words); returns its value and the rest.
fn take_float(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let lower = s[i..].to_ascii_lowercase();
    for w in ["infinity", "inf", "nan"] {
        if lower.starts_with(w) {
            let end = i + w.len();
            let v = crate::objects::float::parse_float(&s[..end])?;
            return Some((v, &s[end..]));
        }
    }
    let start_digits = i;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    if i == start_digits {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let d = j;
        while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'_') {
            j += 1;
        }
        if j > d {
            i = j;
        }
    }
    let v = crate::objects::float::parse_float(&s[..i])?;
    Some((v, &s[i..]))
}

/// Parses `complex(str)` (`complex_from_string_inner`).
pub fn parse_complex(text: &str) -> Option<C> {
    let mut s = text.trim_matches(crate::objects::int::is_py_space);
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?;
        s = s.trim_matches(crate::objects::int::is_py_space);
    }
    let is_j = |r: &str| r == "j" || r == "J";
    // A lone imaginary unit with a sign: "j", "-j", "+J".
    match s {
        "j" | "J" | "+j" | "+J" => return Some((0.0, 1.0)),
        "-j" | "-J" => return Some((0.0, -1.0)),
        _ => {}
    }
    let (x, rest) = take_float(s)?;
    if rest.is_empty() {
        return Some((x, 0.0));
    }
    if is_j(rest) {
        return Some((0.0, x));
    }
    // real part then a signed imaginary part.
    if !(rest.starts_with('+') || rest.starts_with('-')) {
        return None;
    }
    if is_j(&rest[1..]) {
        return Some((x, if rest.starts_with('-') { -1.0 } else { 1.0 }));
    }
    let (y, rest2) = take_float(rest)?;
    if is_j(rest2) {
        Some((x, y))
    } else {
        None
    }
}

/// `complex(x)` parts from a number (`__complex__`, `__float__`, `__index__`).
fn number_parts(x: &PyRef, which: &str) -> PyResult<(C, bool)> {
    if let Some(c) = x.downcast::<PyComplex>() {
        return Ok(((c.real, c.imag), true));
    }
    if let Some(m) = crate::objects::type_::lookup_str(x.ty(), "__complex__") {
        let bound = crate::objects::descr::bind(&m, Some(x), Some(&x.type_ref()))?;
        let r = crate::object::protocol::call(&bound, &[], None)?;
        return match r.downcast::<PyComplex>() {
            Some(c) => Ok(((c.real, c.imag), true)),
            None => Err(PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                r.ty().name()
            ))),
        };
    }
    let n = &x.ty().as_number;
    if n.nb_float.get().is_some() || n.nb_index.get().is_some() {
        return Ok(((crate::objects::float::number_to_f64(x)?, 0.0), false));
    }
    Err(PyErr::type_error(format!(
        "complex() {} must be a string or a number, not '{}'",
        which,
        x.ty().name()
    )))
}

fn complex_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = cls
        .downcast::<PyType>()
        .ok_or_else(|| PyErr::type_error("complex.__new__(X): X is not a type object"))?;
    let a = crate::objects::int::parse_args("complex", args, kwnames, &["real", "imag"], 0)?;
    let (r, i) = (a[0].as_ref(), a[1].as_ref());
    if let Some(rs) = r.and_then(|r| r.downcast::<PyStr>()) {
        if i.is_some() {
            return Err(PyErr::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let c = parse_complex(rs.as_str())
            .ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"))?;
        return PyComplex::new_in(ty, c.0, c.1);
    }
    if let Some(i) = i {
        if i.is_instance_of::<PyStr>() {
            return Err(PyErr::type_error("complex() second arg can't be a string"));
        }
    }
    if let (Some(r), None) = (r, i) {
        if r.is_exact::<PyComplex>() && std::ptr::eq(ty, &COMPLEX_TYPE) {
            return Ok(r.clone());
        }
    }
    let (cr, cr_is_complex) = match r {
        Some(r) => number_parts(r, "first argument")?,
        None => ((0.0, 0.0), false),
    };
    let (mut real, mut imag) = (cr.0, cr.1);
    match i {
        None => {}
        Some(i) => {
            let (ci, ci_is_complex) = number_parts(i, "second argument")?;
            imag = ci.0;
            if ci_is_complex {
                real -= ci.1;
            }
            if cr_is_complex {
                imag += cr.1;
            }
        }
    }
    PyComplex::new_in(ty, real, imag)
}

fn complex_conjugate(a: &PyRef) -> PyResult<PyRef> {
    let c = cval(a)?;
    new_c((c.0, -c.1))
}

fn complex_getnewargs(a: &PyRef) -> PyResult<PyRef> {
    let c = cval(a)?;
    crate::objects::tuple::PyTuple::new(vec![PyFloat::new(c.0)?, PyFloat::new(c.1)?])
}

fn complex_complex(a: &PyRef) -> PyResult<PyRef> {
    complex_pos(a)
}

fn complex_get_real(a: &PyRef) -> PyResult<PyRef> {
    PyFloat::new(cval(a)?.0)
}

fn complex_get_imag(a: &PyRef) -> PyResult<PyRef> {
    PyFloat::new(cval(a)?.1)
}

fn complex_format(a: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let c = cval(a)?;
    let spec = spec.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            spec.ty().name()
        ))
    })?;
    if spec.as_str().is_empty() {
        return crate::object::protocol::str_(a);
    }
    let s = crate::objects::float::parse_spec(spec.as_str(), "complex")?;
    if s.fill == '0' {
        return Err(PyErr::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    if let Some(t) = s.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return Err(PyErr::value_error(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            )));
        }
    }
    let (skip_re, parens) = if s.ty.is_none() {
        let skip = c.0 == 0.0 && c.0.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    // Each part is formatted without sign, width or grouping.
    let part = |v: f64| -> PyResult<String> {
        let v = v.abs();
        match (s.ty, s.precision) {
            (None, None) => {
                let r = crate::objects::float::float_repr_string(v);
                Ok(match r.strip_suffix(".0") {
                    Some(t) => t.to_string(),
                    None => r,
                })
            }
            (t, p) => {
                let mut sp = String::new();
                if s.alternate {
                    sp.push('#');
                }
                if let Some(p) = p {
                    sp.push('.');
                    sp.push_str(&p.to_string());
                }
                sp.push(match t {
                    None | Some('n') => 'g',
                    Some(t) => t,
                });
                crate::objects::float::format_float_spec(v, &sp, "complex")
            }
        }
    };
    let neg = |v: f64| v.is_sign_negative() && !v.is_nan();
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(if neg(c.0) {
            "-"
        } else {
            match s.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        });
        body.push_str(&part(c.0)?);
    }
    if neg(c.1) {
        body.push('-');
    } else if !skip_re {
        body.push('+');
    } else if let Some(sg @ ('+' | ' ')) = s.sign {
        body.push(sg);
    }
    body.push_str(&part(c.1)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let width = s.width;
    let n = body.chars().count();
    let out = if n >= width {
        body
    } else {
        let fill = |k: usize| std::iter::repeat_n(s.fill, k).collect::<String>();
        let pad = width - n;
        match s.align.unwrap_or('>') {
            '<' => format!("{body}{}", fill(pad)),
            '^' => format!("{}{body}{}", fill(pad / 2), fill(pad - pad / 2)),
            _ => format!("{}{body}", fill(pad)),
        }
    };
    PyStr::new(&out)
}

static COMPLEX_METHODS: &[MethodDef] = &[
    MethodDef::new("conjugate", Meth::NoArgs(complex_conjugate)),
    MethodDef::new("__getnewargs__", Meth::NoArgs(complex_getnewargs)),
    MethodDef::new("__complex__", Meth::NoArgs(complex_complex)),
    MethodDef::new("__format__", Meth::O(complex_format)),
];

static COMPLEX_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("real", complex_get_real),
    GetSetDef::getter("imag", complex_get_imag),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&COMPLEX_TYPE];
