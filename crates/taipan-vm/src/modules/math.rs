//! The `math` module (CPython's `Modules/mathmodule.c`): the libm functions
//! with CPython's error rules (a NaN result from a non-NaN argument is
//! "math domain error", an infinite result from a finite argument "math
//! range error"), the integer functions on arbitrary-precision ints, and
//! `fsum` with Shewchuk's exact partial sums.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::modules::builtins::check_nargs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// `PyFloat_AsDouble`: a float, an int, or an object with `__float__` /
/// `__index__`.
pub fn as_f64(o: &PyRef) -> PyResult<f64> {
    if let Some(f) = o.downcast::<PyFloat>() {
        return Ok(f.value);
    }
    if let Some(i) = o.downcast::<PyInt>() {
        return int_to_f64(i);
    }
    if let Some(f) = o.ty().as_number.nb_float.get() {
        let r = f(o)?;
        return match r.downcast::<PyFloat>() {
            Some(v) => Ok(v.value),
            None => Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                o.ty().name(),
                r.ty().name()
            ))),
        };
    }
    if o.ty().as_number.nb_index.get().is_some() {
        let i = protocol::index(o)?;
        // SAFETY: index returns an int.
        return int_to_f64(unsafe { i.payload_unchecked::<PyInt>() });
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        o.ty().name()
    )))
}

fn int_to_f64(i: &PyInt) -> PyResult<f64> {
    match i.as_i64() {
        Some(v) => Ok(v as f64),
        None => {
            let f = i.to_bigint().to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(PyErr::overflow_error("int too large to convert to float"))
            } else {
                Ok(f)
            }
        }
    }
}

fn big(o: &PyRef) -> PyResult<BigInt> {
    let i = protocol::index(o)?;
    // SAFETY: index returns an int.
    Ok(unsafe { i.payload_unchecked::<PyInt>() }.to_bigint())
}

fn float(v: f64) -> PyResult<PyRef> {
    PyFloat::new(v)
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::overflow_error("math range error")
}

/// `math_1`: applies `f` with CPython's error rules.
fn math_1(o: &PyRef, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<PyRef> {
    let x = as_f64(o)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    float(r)
}

macro_rules! unary {
    ($($fname:ident => $f:expr, $ovf:expr;)*) => {
        $(
            fn $fname(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
                math_1(o, $f, $ovf)
            }
        )*
    };
}

unary! {
    m_sqrt => f64::sqrt, false;
    m_exp => f64::exp, true;
    m_exp2 => f64::exp2, true;
    m_expm1 => f64::exp_m1, true;
    m_sin => f64::sin, false;
    m_cos => f64::cos, false;
    m_tan => f64::tan, false;
    m_asin => f64::asin, false;
    m_acos => f64::acos, false;
    m_atan => f64::atan, false;
    m_sinh => f64::sinh, true;
    m_cosh => f64::cosh, true;
    m_tanh => f64::tanh, false;
    m_asinh => libm_asinh, false;
    m_acosh => libm_acosh, false;
    m_atanh => libm_atanh, false;
    m_fabs => f64::abs, false;
    m_log1p => |x: f64| if x <= -1.0 { f64::NAN } else { x.ln_1p() }, false;
    m_erf => libm_erf, false;
    m_erfc => libm_erfc, false;
    m_cbrt => f64::cbrt, false;
}

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
}

/// `asinh`, `acosh` and `atanh` from the C library, as CPython 3.11 uses
/// them (Rust's own formulas lose precision near 1 and overflow near the
/// largest floats).
fn libm_asinh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { asinh(x) }
}

fn libm_acosh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { acosh(x) }
}

fn libm_atanh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { atanh(x) }
}

/// `erf` from the C library, as CPython 3.11 uses it.
fn libm_erf(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { erf(x) }
}

/// `erfc` from the C library.
fn libm_erfc(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { erfc(x) }
}

// `m_tgamma` and `m_lgamma` of CPython's mathmodule.c: Lanczos' approximation
// with CPython's coefficients, so results are bit-identical.

const LANCZOS_N: usize = 13;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// `m_tgamma`: the value, or the error CPython's errno gives.
fn tgamma(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain());
    }
    if x == 0.0 {
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range()) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(range());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// `m_lgamma`.
fn lgamma_checked(x: f64) -> PyResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

fn m_gamma(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    float(tgamma(as_f64(o)?)?)
}

fn m_lgamma(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    float(lgamma_checked(as_f64(o)?)?)
}

fn float_to_int(v: f64) -> PyResult<PyRef> {
    if v.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(PyErr::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    if v.abs() < 9.0e18 {
        return PyInt::new(v as i64);
    }
    PyInt::from_bigint(BigInt::from_f64(v).unwrap_or_default())
}

fn round_via(o: &PyRef, dunder: &str, f: fn(f64) -> f64) -> PyResult<PyRef> {
    if let Some(v) = o.downcast_exact::<PyFloat>() {
        return float_to_int(f(v.value));
    }
    if o.is_exact::<PyInt>() {
        return Ok(o.clone());
    }
    if let Some(m) = crate::objects::type_::lookup_str(o.ty(), dunder) {
        let b = crate::objects::descr::bind(&m, Some(o), Some(&o.type_ref()))?;
        return protocol::call1(&b, &[]);
    }
    if dunder == "__trunc__" {
        return Err(PyErr::type_error(format!(
            "type {} doesn't define __trunc__ method",
            o.ty().name()
        )));
    }
    float_to_int(f(as_f64(o)?))
}

fn m_floor(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    round_via(o, "__floor__", f64::floor)
}

fn m_ceil(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    round_via(o, "__ceil__", f64::ceil)
}

fn m_trunc(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    round_via(o, "__trunc__", f64::trunc)
}

/// CPython's `loghelper`: `func` of the value; an int too large for a double
/// is taken as `m * 2**e` and its log computed as `func(m) + e * func(2)`.
fn log_with(o: &PyRef, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = o.downcast::<PyInt>() {
        let b = i.to_bigint();
        if !b.is_positive() {
            return Err(domain());
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(func(f));
        }
        // Huge int (`loghelper`): x * 2**e with x in [0.5, 1) as
        // `_PyLong_Frexp` gives it, then func(x) + func(2.0) * e.
        let bits = b.bits();
        let shift = bits.saturating_sub(60);
        let top = (&b >> shift).to_f64().unwrap_or(1.0);
        let x = top / 2f64.powi((bits - shift) as i32);
        return Ok(func(x) + func(2.0) * bits as f64);
    }
    let x = as_f64(o)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(func(x))
}

fn log_of(o: &PyRef) -> PyResult<f64> {
    log_with(o, f64::ln)
}

fn m_log(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("log", args.len(), 1, 2)?;
    let num = log_of(&args[0])?;
    if let Some(b) = args.get(1) {
        let den = log_of(b)?;
        if den == 0.0 {
            return Err(PyErr::zero_division_error("float division by zero"));
        }
        return float(num / den);
    }
    float(num)
}

fn m_log2(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    float(log_with(o, f64::log2)?)
}

fn m_log10(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    float(log_with(o, f64::log10)?)
}

fn two_floats(name: &str, args: &[PyRef]) -> PyResult<(f64, f64)> {
    check_nargs(name, args.len(), 2, 2)?;
    Ok((as_f64(&args[0])?, as_f64(&args[1])?))
}

fn m_atan2(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (y, x) = two_floats("atan2", args)?;
    float(y.atan2(x))
}

fn m_copysign(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (x, y) = two_floats("copysign", args)?;
    float(x.copysign(y))
}

fn m_fmod(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (x, y) = two_floats("fmod", args)?;
    if y.is_infinite() && x.is_finite() {
        return float(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    float(r)
}

fn m_remainder(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (x, y) = two_floats("remainder", args)?;
    if x.is_nan() || y.is_nan() {
        return float(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    if y.is_infinite() {
        return float(x);
    }
    // `m_remainder`: exact, from fmod of the magnitudes. Whether
    // m = fmod(|x|, |y|) is under, over or at half of |y| is decided against
    // c = |y| - m (0.5*|y| may not be representable); at exactly half, the
    // even multiple wins. The sign follows x (so -1.0 % 1 gives -0.0).
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    float(1.0f64.copysign(x) * r)
}

fn m_pow(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (x, y) = two_floats("pow", args)?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain());
    }
    if x.is_finite() && x < 0.0 && y.is_finite() && y != y.floor() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range());
    }
    float(r)
}

fn m_hypot(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        vals.push(as_f64(a)?.abs());
    }
    if vals.iter().any(|v| v.is_infinite()) {
        return float(f64::INFINITY);
    }
    if vals.iter().any(|v| v.is_nan()) {
        return float(f64::NAN);
    }
    let max = vals.iter().cloned().fold(0.0, f64::max);
    float(vector_norm(&vals, max))
}

/// `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1` (finite, nonzero `x`).
fn frexp_exp(x: f64) -> i32 {
    let bits = x.to_bits();
    let field = ((bits >> 52) & 0x7ff) as i32;
    if field == 0 {
        // Subnormal: scale into the normal range first.
        return frexp_exp(x * 18446744073709551616.0) - 64;
    }
    field - 1022
}

/// `2**k` for `-1074 <= k <= 1023`, exactly.
fn pow2(k: i32) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// `vector_norm` (CPython 3.11): the Euclidean norm of finite magnitudes
/// `vec` (`max` the largest), correctly rounded in nearly all cases. The
/// values are scaled by a power of two so the largest lies in [0.5, 1),
/// each square is summed exactly as hi*hi + 2*hi*lo + lo*lo (hi, lo a
/// 26-bit split), with the rounding errors of the running sum kept apart,
/// and the square root gets one Newton correction from the same exact sum.
fn vector_norm(vec: &[f64], max: f64) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    // Adds x to csum, keeping the part lost to rounding in `frac`.
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    let max_e = frexp_exp(max);
    if max_e >= -1023 {
        let scale = pow2(-max_e);
        for &v in vec {
            let (hi, lo) = split(v * scale);
            add(&mut csum, &mut frac1, hi * hi);
            add(&mut csum, &mut frac2, 2.0 * hi * lo);
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let (hi, lo) = split(h);
        add(&mut csum, &mut frac1, -hi * hi);
        add(&mut csum, &mut frac2, -2.0 * hi * lo);
        add(&mut csum, &mut frac3, -lo * lo);
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Tiny values: 2**-max_e would overflow, so divide by max instead.
    for &v in vec {
        let x = v / max;
        add(&mut csum, &mut frac1, x * x);
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_dist(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("dist", args.len(), 2, 2)?;
    let p = protocol::collect(&args[0])?;
    let q = protocol::collect(&args[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        diffs.push(PyFloat::new(as_f64(a)? - as_f64(b)?)?);
    }
    m_hypot(&args[0], &diffs)
}

fn m_isnan(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(as_f64(o)?.is_nan()))
}

fn m_isinf(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(as_f64(o)?.is_infinite()))
}

fn m_isfinite(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(as_f64(o)?.is_finite()))
}

fn m_isclose(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let rel = kw.take("rel_tol").map(as_f64).transpose()?.unwrap_or(1e-9);
    let abs = kw.take("abs_tol").map(as_f64).transpose()?.unwrap_or(0.0);
    kw.finish("isclose")?;
    if kw.pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            kw.pos.len()
        )));
    }
    let a = as_f64(&kw.pos[0])?;
    let b = as_f64(&kw.pos[1])?;
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(py_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(py_bool(false));
    }
    let diff = (b - a).abs();
    Ok(py_bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs,
    ))
}

fn m_degrees(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    float(as_f64(o)?.to_degrees())
}

fn m_radians(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    float(as_f64(o)?.to_radians())
}

fn int_arg(o: &PyRef) -> PyResult<BigInt> {
    if o.is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    big(o)
}

fn m_factorial(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let n = int_arg(o)?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_u64().ok_or_else(|| {
        PyErr::overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut r = BigInt::one();
    for k in 2..=n {
        r *= k;
    }
    PyInt::from_bigint(r)
}

fn m_gcd(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let mut g = BigInt::zero();
    for a in args {
        g = g.gcd(&int_arg(a)?);
    }
    PyInt::from_bigint(g)
}

fn m_lcm(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let mut l = BigInt::one();
    for a in args {
        let v = int_arg(a)?;
        if v.is_zero() {
            l = BigInt::zero();
        } else if !l.is_zero() {
            l = l.lcm(&v);
        }
    }
    PyInt::from_bigint(l.abs())
}

fn m_isqrt(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let n = int_arg(o)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    PyInt::from_bigint(n.sqrt())
}

fn m_comb(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("comb", args.len(), 2, 2)?;
    let n = int_arg(&args[0])?;
    let k = int_arg(&args[1])?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return PyInt::new(0);
    }
    let k = std::cmp::min(k.clone(), &n - &k).to_u64().ok_or_else(|| {
        PyErr::overflow_error("min(n - k, k) must not exceed 9223372036854775807")
    })?;
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    PyInt::from_bigint(r)
}

fn m_perm(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("perm", args.len(), 1, 2)?;
    if args.get(1).is_none_or(|k| k.is_none()) {
        // `perm(n)` is `factorial(n)`, with its errors.
        return m_factorial(_m, &args[0]);
    }
    let n = int_arg(&args[0])?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    let k = match args.get(1) {
        Some(k) if !k.is_none() => int_arg(k)?,
        _ => n.clone(),
    };
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return PyInt::new(0);
    }
    let k = k
        .to_u64()
        .ok_or_else(|| PyErr::overflow_error("k must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    PyInt::from_bigint(r)
}

fn m_prod(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let start = kw.take("start").cloned();
    kw.finish("prod")?;
    check_nargs("prod", kw.pos.len(), 1, 1)?;
    let mut acc = match start {
        Some(s) => s,
        None => PyInt::new(1)?,
    };
    let it = protocol::get_iter(&kw.pos[0])?;
    while let Some(v) = protocol::next(&it)? {
        acc = protocol::binary_op(&acc, &v, protocol::MUL)?;
    }
    Ok(acc)
}

fn m_fsum(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let it = protocol::get_iter(o)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(v) = protocol::next(&it)? {
        let mut x = as_f64(&v)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
            if !x.is_finite() {
                return Err(PyErr::overflow_error("intermediate overflow in fsum"));
            }
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return float(special);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    float(hi)
}

fn m_modf(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let x = as_f64(o)?;
    if x.is_infinite() {
        return PyTuple::new(vec![float(0.0f64.copysign(x))?, float(x)?]);
    }
    let i = x.trunc();
    PyTuple::new(vec![float((x - i).copysign(x))?, float(i)?])
}

fn m_frexp(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let x = as_f64(o)?;
    if x == 0.0 || !x.is_finite() {
        return PyTuple::new(vec![float(x)?, PyInt::new(0)?]);
    }
    let bits = x.to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i64;
    let (m, e) = if exp == 0 {
        // Subnormal: scale up first.
        let y = x * 2f64.powi(64);
        let b = y.to_bits();
        exp = ((b >> 52) & 0x7ff) as i64;
        (
            f64::from_bits((b & !(0x7ff << 52)) | (1022 << 52)),
            exp - 1022 - 64,
        )
    } else {
        (
            f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)),
            exp - 1022,
        )
    };
    PyTuple::new(vec![float(m)?, PyInt::new(e)?])
}

fn m_ldexp(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("ldexp", args.len(), 2, 2)?;
    let x = as_f64(&args[0])?;
    if args[1].is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    }
    let e = big(&args[1])?;
    if x == 0.0 || !x.is_finite() {
        return float(x);
    }
    let e = e.to_i64().unwrap_or(if e.sign() == Sign::Minus {
        i64::MIN
    } else {
        i64::MAX
    });
    let e = e.clamp(-2200, 2200) as i32;
    let mut r = x;
    // Scale in steps to stay exact through subnormals.
    let mut k = e;
    while k > 0 {
        let s = k.min(1000);
        r *= 2f64.powi(s);
        k -= s;
    }
    while k < 0 {
        let s = k.max(-1000);
        r *= 2f64.powi(s);
        k -= s;
    }
    if r.is_infinite() {
        return Err(range());
    }
    float(r)
}

fn m_nextafter(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (x, y) = two_floats("nextafter", args)?;
    if x.is_nan() || y.is_nan() {
        return float(f64::NAN);
    }
    if x == y {
        return float(y);
    }
    if x == 0.0 {
        return float(f64::from_bits(1).copysign(y));
    }
    let b = x.to_bits();
    let up = (y > x) == (x > 0.0);
    float(f64::from_bits(if up { b + 1 } else { b - 1 }))
}

fn m_ulp(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let x = as_f64(o)?.abs();
    if x.is_nan() || x.is_infinite() {
        return float(x);
    }
    if x == f64::MAX {
        return float(x - f64::from_bits(x.to_bits() - 1));
    }
    float(f64::from_bits(x.to_bits() + 1) - x)
}

static MATH_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("sqrt", Meth::O(m_sqrt)),
    MethodDef::new("exp", Meth::O(m_exp)),
    MethodDef::new("exp2", Meth::O(m_exp2)),
    MethodDef::new("expm1", Meth::O(m_expm1)),
    MethodDef::new("sin", Meth::O(m_sin)),
    MethodDef::new("cos", Meth::O(m_cos)),
    MethodDef::new("tan", Meth::O(m_tan)),
    MethodDef::new("asin", Meth::O(m_asin)),
    MethodDef::new("acos", Meth::O(m_acos)),
    MethodDef::new("atan", Meth::O(m_atan)),
    MethodDef::new("sinh", Meth::O(m_sinh)),
    MethodDef::new("cosh", Meth::O(m_cosh)),
    MethodDef::new("tanh", Meth::O(m_tanh)),
    MethodDef::new("asinh", Meth::O(m_asinh)),
    MethodDef::new("acosh", Meth::O(m_acosh)),
    MethodDef::new("atanh", Meth::O(m_atanh)),
    MethodDef::new("fabs", Meth::O(m_fabs)),
    MethodDef::new("log1p", Meth::O(m_log1p)),
    MethodDef::new("erf", Meth::O(m_erf)),
    MethodDef::new("erfc", Meth::O(m_erfc)),
    MethodDef::new("gamma", Meth::O(m_gamma)),
    MethodDef::new("lgamma", Meth::O(m_lgamma)),
    MethodDef::new("cbrt", Meth::O(m_cbrt)),
    MethodDef::new("floor", Meth::O(m_floor)),
    MethodDef::new("ceil", Meth::O(m_ceil)),
    MethodDef::new("trunc", Meth::O(m_trunc)),
    MethodDef::new("log", Meth::Fast(m_log)),
    MethodDef::new("log2", Meth::O(m_log2)),
    MethodDef::new("log10", Meth::O(m_log10)),
    MethodDef::new("atan2", Meth::Fast(m_atan2)),
    MethodDef::new("copysign", Meth::Fast(m_copysign)),
    MethodDef::new("fmod", Meth::Fast(m_fmod)),
    MethodDef::new("remainder", Meth::Fast(m_remainder)),
    MethodDef::new("pow", Meth::Fast(m_pow)),
    MethodDef::new("hypot", Meth::Fast(m_hypot)),
    MethodDef::new("dist", Meth::Fast(m_dist)),
    MethodDef::new("isnan", Meth::O(m_isnan)),
    MethodDef::new("isinf", Meth::O(m_isinf)),
    MethodDef::new("isfinite", Meth::O(m_isfinite)),
    MethodDef::new("isclose", Meth::FastKw(m_isclose)),
    MethodDef::new("degrees", Meth::O(m_degrees)),
    MethodDef::new("radians", Meth::O(m_radians)),
    MethodDef::new("factorial", Meth::O(m_factorial)),
    MethodDef::new("gcd", Meth::Fast(m_gcd)),
    MethodDef::new("lcm", Meth::Fast(m_lcm)),
    MethodDef::new("isqrt", Meth::O(m_isqrt)),
    MethodDef::new("comb", Meth::Fast(m_comb)),
    MethodDef::new("perm", Meth::Fast(m_perm)),
    MethodDef::new("prod", Meth::FastKw(m_prod)),
    MethodDef::new("fsum", Meth::O(m_fsum)),
    MethodDef::new("modf", Meth::O(m_modf)),
    MethodDef::new("frexp", Meth::O(m_frexp)),
    MethodDef::new("ldexp", Meth::Fast(m_ldexp)),
    MethodDef::new("nextafter", Meth::Fast(m_nextafter)),
    MethodDef::new("ulp", Meth::O(m_ulp)),
];

/// Creates the `math` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("math")?;
    PyModule::add_functions(&m, MATH_FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("pi", float(std::f64::consts::PI)?)?;
        d.set_str("e", float(std::f64::consts::E)?)?;
        d.set_str("tau", float(std::f64::consts::TAU)?)?;
        d.set_str("inf", float(f64::INFINITY)?)?;
        d.set_str("nan", float(f64::NAN)?)?;
        Ok(())
    })?;
    Ok(m)
}
