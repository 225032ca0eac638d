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
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;

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
