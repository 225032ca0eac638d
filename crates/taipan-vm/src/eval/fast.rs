//! Fast paths of the evaluation loop for the commonest operand types, the
//! ones CPython 3.11's specialized instructions cover (`BINARY_OP_ADD_INT`,
//! `BINARY_OP_MULTIPLY_FLOAT`, `COMPARE_OP_INT_JUMP`, `COMPARE_OP_FLOAT_JUMP`
//! in `Python/ceval.c`, chosen by `Python/specialize.c`), done here as plain
//! type checks instead of rewritten instructions.
//!
//! Every path gives exactly what the generic slot would give, or declines
//! (`None`) and leaves the case (overflow, division by zero, big ints,
//! subclasses) to the generic code, which also raises the errors.

use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::tuple::PyTuple;

/// A machine-word value of an exact `int`.
#[inline(always)]
fn small_int(o: &PyRef) -> Option<i64> {
    match o.downcast_exact::<PyInt>() {
        Some(i) if i.big.is_none() => Some(i.small),
        _ => None,
    }
}

/// A number as a float for mixed float/int arithmetic: exact floats, and
/// exact ints small enough to convert without rounding.
#[inline(always)]
fn float_operand(o: &PyRef) -> Option<f64> {
    if let Some(f) = o.downcast_exact::<PyFloat>() {
        return Some(f.value);
    }
    match small_int(o) {
        Some(i) if i.unsigned_abs() <= 1 << 53 => Some(i as f64),
        _ => None,
    }
}

/// `BINARY_OP` (argument `arg`, in-place forms included) on exact ints that
/// fit a word and on exact floats (one side may be a small int).
#[inline(always)]
pub fn binary_op(arg: u32, a: &PyRef, b: &PyRef) -> Option<PyResult<PyRef>> {
    let op = if arg >= 13 { arg - 13 } else { arg };
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        let r = match op {
            0 => x.checked_add(y)?,
            10 => x.checked_sub(y)?,
            5 => x.checked_mul(y)?,
            1 => x & y,
            7 => x | y,
            12 => x ^ y,
            2 => {
                let q = x.checked_div(y)?;
                if x.wrapping_rem(y) != 0 && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
            }
            6 => {
                let r = x.checked_rem(y)?;
                if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                }
            }
            // A negative count raises; a result that does not fit a word
            // goes to the big-int code.
            3 if (0..64).contains(&y) => {
                let r = x << y;
                if r >> y != x {
                    return None;
                }
                r
            }
            9 if y >= 0 => x >> y.min(63),
            // Both exact in a double: one correctly rounded division, as
            // `long_true_divide`'s fast path.
            11 if y != 0 && x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 => {
                return Some(PyFloat::new(x as f64 / y as f64));
            }
            _ => return None,
        };
        return Some(PyInt::new(r));
    }
    if !(a.is_exact::<PyFloat>() || b.is_exact::<PyFloat>()) {
        return None;
    }
    let (x, y) = (float_operand(a)?, float_operand(b)?);
    let r = match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 if y != 0.0 => x / y,
        // `float_pow` on a positive finite base and a finite exponent is
        // libm's `pow`; an overflow (which raises) and the other cases go to
        // the generic code.
        8 if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(PyFloat::new(r))
}

/// `COMPARE_OP` on two exact word-sized ints or two exact floats.
#[inline(always)]
pub fn compare(a: &PyRef, b: &PyRef, op: CompareOp) -> Option<bool> {
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        return Some(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        });
    }
    if let (Some(x), Some(y)) = (a.downcast_exact::<PyFloat>(), b.downcast_exact::<PyFloat>()) {
        let (x, y) = (x.value, y.value);
        return Some(match op {
            CompareOp::Lt => x < y,
            CompareOp::Le => x <= y,
            CompareOp::Eq => x == y,
            CompareOp::Ne => x != y,
            CompareOp::Gt => x > y,
            CompareOp::Ge => x >= y,
        });
    }
    None
}

/// An index into a sequence of `len` items from a word-sized exact int,
/// negative ones counted from the end; `None` when out of range.
#[inline(always)]
fn seq_index(sub: &PyRef, len: usize) -> Option<usize> {
    let i = small_int(sub)?;
    let i = if i < 0 { i + len as i64 } else { i };
    if i >= 0 && (i as u64) < len as u64 {
        Some(i as usize)
    } else {
        None
    }
}

/// `BINARY_SUBSCR` on an exact list or tuple with an in-range int index
/// (`BINARY_SUBSCR_LIST_INT`, `BINARY_SUBSCR_TUPLE_INT`) and on an exact
/// dict holding the key (`BINARY_SUBSCR_DICT`; a missing key goes to the
/// generic code, which raises).
#[inline(always)]
pub fn subscr(container: &PyRef, sub: &PyRef) -> Option<PyResult<PyRef>> {
    if let Some(l) = container.downcast_exact::<PyList>() {
        let i = seq_index(sub, l.len())?;
        return l.get(i).map(Ok);
    }
    if let Some(t) = container.downcast_exact::<PyTuple>() {
        let i = seq_index(sub, t.len())?;
        return t.items().get(i).cloned().map(Ok);
    }
    if let Some(d) = container.downcast_exact::<PyDict>() {
        // An exact dict has no `__missing__`: a missing key raises here.
        return Some(match d.get_item(sub) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(PyErr::key_error(sub.clone())),
            Err(e) => Err(e),
        });
    }
    None
}

/// `STORE_SUBSCR` on an exact list with an in-range int index
/// (`STORE_SUBSCR_LIST_INT`) and on an exact dict (`STORE_SUBSCR_DICT`);
/// the value comes back when the generic code must run.
#[inline(always)]
pub fn store_subscr(container: &PyRef, sub: &PyRef, v: PyRef) -> PyResult<Result<(), PyRef>> {
    if let Some(l) = container.downcast_exact::<PyList>() {
        if let Some(i) = seq_index(sub, l.len()) {
            l.set(i, v);
            return Ok(Ok(()));
        }
    }
    if let Some(d) = container.downcast_exact::<PyDict>() {
        return d.set_item(sub.clone(), v).map(Ok);
    }
    Ok(Err(v))
}

/// `DELETE_SUBSCR` on an exact dict (dict.rs's `dict_ass_subscript`
/// without the slot dispatch); `None` when the generic code must run.
#[inline(always)]
pub fn delete_subscr(container: &PyRef, sub: &PyRef) -> Option<PyResult<()>> {
    let d = container.downcast_exact::<PyDict>()?;
    Some(match d.del_item(sub) {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(PyErr::key_error(sub.clone())),
        Err(e) => Err(e),
    })
}
