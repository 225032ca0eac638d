//! The `cmath` module (CPython's `Modules/cmathmodule.c`): the complex
//! functions with C99 Annex G's special values for infinities and NaNs (the
//! 7x7 tables indexed by the kind of the real and imaginary parts), the same
//! formulas against overflow and cancellation, "math domain error" and
//! "math range error" where CPython's `errno` would be `EDOM` or `ERANGE`.

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::complex::PyComplex;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::module::PyModule;
use crate::objects::tuple::PyTuple;

type C = (f64, f64);

/// `errno` after a computation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

use Errno::{Dom, Ok as Fine, Range};

const PI: f64 = std::f64::consts::PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// The placeholder of table entries never used.
const U: f64 = -9.542_631_940_771_103e33;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;
const LARGE: f64 = f64::MAX / 4.0;
const MANT_DIG: i32 = 53;
const SCALE_UP: i32 = 2 * (MANT_DIG / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

fn ldexp(x: f64, e: i32) -> f64 {
    crate::objects::int::ldexp(x, e as i64)
}

fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `m_log1p`: log1p with CPython's care for -0.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

/// The kind of a double (`special_type`): 0 -inf, 1 negative, 2 -0, 3 +0,
/// 4 positive, 5 +inf, 6 nan.
fn kind(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

type Table = [[C; 7]; 7];

fn special(t: &Table, z: C) -> C {
    t[kind(z.0)][kind(z.1)]
}

fn not_finite(z: C) -> bool {
    !z.0.is_finite() || !z.1.is_finite()
}

const ACOS: Table = [
    [
        (P34, INF),
        (PI, INF),
        (PI, INF),
        (PI, -INF),
        (PI, -INF),
        (P34, -INF),
        (N, INF),
    ],
    [
        (P12, INF),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (P12, -INF),
        (N, N),
    ],
    [
        (P12, INF),
        (U, U),
        (P12, 0.),
        (P12, -0.),
        (U, U),
        (P12, -INF),
        (P12, N),
    ],
    [
        (P12, INF),
        (U, U),
        (P12, 0.),
        (P12, -0.),
        (U, U),
        (P12, -INF),
        (P12, N),
    ],
    [
        (P12, INF),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (P12, -INF),
        (N, N),
    ],
    [
        (P14, INF),
        (0., INF),
        (0., INF),
        (0., -INF),
        (0., -INF),
        (P14, -INF),
        (N, INF),
    ],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];

const ACOSH: Table = [
    [
        (INF, -P34),
        (INF, -PI),
        (INF, -PI),
        (INF, PI),
        (INF, PI),
        (INF, P34),
        (INF, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (0., -P12),
        (0., P12),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (0., -P12),
        (0., P12),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P14),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

const ASINH: Table = [
    [
        (-INF, -P14),
        (-INF, -0.),
        (-INF, -0.),
        (-INF, 0.),
        (-INF, 0.),
        (-INF, P14),
        (-INF, N),
    ],
    [
        (-INF, -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (-INF, P12),
        (N, N),
    ],
    [
        (-INF, -P12),
        (U, U),
        (-0., -0.),
        (-0., 0.),
        (U, U),
        (-INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P14),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, P14),
        (INF, N),
    ],
    [
        (INF, N),
        (N, N),
        (N, -0.),
        (N, 0.),
        (N, N),
        (INF, N),
        (N, N),
    ],
];

const ATANH: Table = [
    [
        (-0., -P12),
        (-0., -P12),
        (-0., -P12),
        (-0., P12),
        (-0., P12),
        (-0., P12),
        (-0., N),
    ],
    [
        (-0., -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (-0., P12),
        (N, N),
    ],
    [
        (-0., -P12),
        (U, U),
        (-0., -0.),
        (-0., 0.),
        (U, U),
        (-0., P12),
        (-0., N),
    ],
    [
        (0., -P12),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (0., P12),
        (0., N),
    ],
    [
        (0., -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (0., P12),
        (N, N),
    ],
    [
        (0., -P12),
        (0., -P12),
        (0., -P12),
        (0., P12),
        (0., P12),
        (0., P12),
        (0., N),
    ],
    [
        (0., -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0., P12),
        (N, N),
    ],
];

const COSH: Table = [
    [
        (INF, N),
        (U, U),
        (INF, 0.),
        (INF, -0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (N, 0.),
        (U, U),
        (1., 0.),
        (1., -0.),
        (U, U),
        (N, 0.),
        (N, 0.),
    ],
    [
        (N, 0.),
        (U, U),
        (1., -0.),
        (1., 0.),
        (U, U),
        (N, 0.),
        (N, 0.),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (INF, N),
        (U, U),
        (INF, -0.),
        (INF, 0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const EXP: Table = [
    [
        (0., 0.),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (0., 0.),
        (0., 0.),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1., -0.), (1., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1., -0.), (1., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (INF, N),
        (U, U),
        (INF, -0.),
        (INF, 0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const LOG: Table = [
    [
        (INF, -P34),
        (INF, -PI),
        (INF, -PI),
        (INF, PI),
        (INF, PI),
        (INF, P34),
        (INF, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (-INF, -PI),
        (-INF, PI),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (-INF, -0.),
        (-INF, 0.),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P12),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, P12),
        (N, N),
    ],
    [
        (INF, -P14),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

const SINH: Table = [
    [
        (INF, N),
        (U, U),
        (-INF, -0.),
        (-INF, 0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (0., N),
        (U, U),
        (-0., -0.),
        (-0., 0.),
        (U, U),
        (0., N),
        (0., N),
    ],
    [
        (0., N),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (0., N),
        (0., N),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (INF, N),
        (U, U),
        (INF, -0.),
        (INF, 0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const SQRT: Table = [
    [
        (INF, -INF),
        (0., -INF),
        (0., -INF),
        (0., INF),
        (0., INF),
        (INF, INF),
        (N, INF),
    ],
    [
        (INF, -INF),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (U, U),
        (U, U),
        (U, U),
        (U, U),
        (INF, INF),
        (N, N),
    ],
    [
        (INF, -INF),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, INF),
        (INF, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
];

const TANH: Table = [
    [
        (-1., 0.),
        (U, U),
        (-1., -0.),
        (-1., 0.),
        (U, U),
        (-1., 0.),
        (-1., 0.),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (N, N),
        (U, U),
        (-0., -0.),
        (-0., 0.),
        (U, U),
        (N, N),
        (N, N),
    ],
    [(N, N), (U, U), (0., -0.), (0., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (1., 0.),
        (U, U),
        (1., -0.),
        (1., 0.),
        (U, U),
        (1., 0.),
        (1., 0.),
    ],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const RECT: Table = [
    [
        (INF, N),
        (U, U),
        (-INF, 0.),
        (-INF, -0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (0., 0.),
        (U, U),
        (-0., 0.),
        (-0., -0.),
        (U, U),
        (0., 0.),
        (0., 0.),
    ],
    [
        (0., 0.),
        (U, U),
        (0., -0.),
        (0., 0.),
        (U, U),
        (0., 0.),
        (0., 0.),
    ],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [
        (INF, N),
        (U, U),
        (INF, -0.),
        (INF, 0.),
        (U, U),
        (INF, N),
        (INF, N),
    ],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

extern "C" {
    #[link_name = "asinh"]
    fn libm_asinh(x: f64) -> f64;
}

/// The C library's `asinh`, as CPython calls it (Rust's `f64::asinh` is its
/// own formula and differs in the last bit).
trait Asinh {
    fn asinh_libm(self) -> f64;
}

impl Asinh for f64 {
    fn asinh_libm(self) -> f64 {
        // SAFETY: a pure libm function.
        unsafe { libm_asinh(self) }
    }
}

fn hypot(a: f64, b: f64) -> f64 {
    a.hypot(b)
}

fn c_acos(z: C) -> (C, Errno) {
    if not_finite(z) {
        return (special(&ACOS, z), Fine);
    }
    let r = if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = z.1.abs().atan2(z.0);
        let im = if z.0 < 0.0 {
            -copysign(hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0, z.1)
        } else {
            copysign(hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0, -z.1)
        };
        (re, im)
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
        let s2 = c_sqrt((1.0 + z.0, z.1)).0;
        (
            2.0 * s1.0.atan2(s2.0),
            (s2.0 * s1.1 - s2.1 * s1.0).asinh_libm(),
        )
    };
    (r, Fine)
}

fn c_acosh(z: C) -> (C, Errno) {
    if not_finite(z) {
        return (special(&ACOSH, z), Fine);
    }
    let r = if z.0.abs() > LARGE || z.1.abs() > LARGE {
        (hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0, z.1.atan2(z.0))
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
        let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
        (
            (s1.0 * s2.0 + s1.1 * s2.1).asinh_libm(),
            2.0 * s1.1.atan2(s2.0),
        )
    };
    (r, Fine)
}

fn c_asin(z: C) -> (C, Errno) {
    let (s, e) = c_asinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_asinh(z: C) -> (C, Errno) {
    if not_finite(z) {
        return (special(&ASINH, z), Fine);
    }
    let r = if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = if z.1 >= 0.0 {
            copysign(hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0, z.0)
        } else {
            -copysign(hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0, -z.0)
        };
        (re, z.1.atan2(z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
        let s2 = c_sqrt((1.0 - z.1, z.0)).0;
        (
            (s1.0 * s2.1 - s2.0 * s1.1).asinh_libm(),
            z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
        )
    };
    (r, Fine)
}

fn c_atan(z: C) -> (C, Errno) {
    let (s, e) = c_atanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

/// `c_atan2`: the phase, with C99's values at infinities and zeros.
fn c_atan2(z: C) -> f64 {
    if z.0.is_nan() || z.1.is_nan() {
        return N;
    }
    if z.1.is_infinite() {
        if z.0.is_infinite() {
            return if z.0.is_sign_positive() {
                copysign(P14, z.1)
            } else {
                copysign(P34, z.1)
            };
        }
        return copysign(P12, z.1);
    }
    if z.0.is_infinite() || z.1 == 0.0 {
        return if z.0.is_sign_positive() {
            copysign(0.0, z.1)
        } else {
            copysign(PI, z.1)
        };
    }
    z.1.atan2(z.0)
}

fn c_atanh(z: C) -> (C, Errno) {
    if not_finite(z) {
        return (special(&ATANH, z), Fine);
    }
    if z.0 < 0.0 {
        let (r, e) = c_atanh((-z.0, -z.1));
        return ((-r.0, -r.1), e);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        let h = hypot(z.0 / 2.0, z.1 / 2.0);
        ((z.0 / 4.0 / h / h, -copysign(PI / 2.0, -z.1)), Fine)
    } else if z.0 == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            ((INF, z.1), Dom)
        } else {
            (
                (
                    -(ay.sqrt() / hypot(ay, 2.0).sqrt()).ln(),
                    copysign(2.0f64.atan2(-ay) / 2.0, z.1),
                ),
                Fine,
            )
        }
    } else {
        (
            (
                log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0,
                -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0,
            ),
            Fine,
        )
    }
}

fn c_cos(z: C) -> (C, Errno) {
    c_cosh((-z.1, z.0))
}

fn c_cosh(z: C) -> (C, Errno) {
    if not_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (copysign(INF, z.1.cos()), copysign(INF, z.1.sin()))
            } else {
                (copysign(INF, z.1.cos()), -copysign(INF, z.1.sin()))
            }
        } else {
            special(&COSH, z)
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Dom
        } else {
            Fine
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - copysign(1.0, z.0);
        (
            z.1.cos() * x1.cosh() * std::f64::consts::E,
            z.1.sin() * x1.sinh() * std::f64::consts::E,
        )
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    let e = if r.0.is_infinite() || r.1.is_infinite() {
        Range
    } else {
        Fine
    };
    (r, e)
}

fn c_exp(z: C) -> (C, Errno) {
    if not_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (copysign(INF, z.1.cos()), copysign(INF, z.1.sin()))
            } else {
                (copysign(0.0, z.1.cos()), copysign(0.0, z.1.sin()))
            }
        } else {
            special(&EXP, z)
        };
        let e = if z.1.is_infinite() && (z.0.is_finite() || (z.0.is_infinite() && z.0 > 0.0)) {
            Dom
        } else {
            Fine
        };
        return (r, e);
    }
    let r = if z.0 > log_large() {
        let l = (z.0 - 1.0).exp();
        (
            l * z.1.cos() * std::f64::consts::E,
            l * z.1.sin() * std::f64::consts::E,
        )
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    let e = if r.0.is_infinite() || r.1.is_infinite() {
        Range
    } else {
        Fine
    };
    (r, e)
}

fn c_log(z: C) -> (C, Errno) {
    if not_finite(z) {
        return (special(&LOG, z), Fine);
    }
    let ax = z.0.abs();
    let ay = z.1.abs();
    let re = if ax > LARGE || ay > LARGE {
        hypot(ax / 2.0, ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            hypot(ldexp(ax, MANT_DIG), ldexp(ay, MANT_DIG)).ln() - MANT_DIG as f64 * LN2
        } else {
            return ((-INF, z.1.atan2(z.0)), Dom);
        }
    } else {
        let h = hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let am = ax.max(ay);
            let an = ax.min(ay);
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ((re, z.1.atan2(z.0)), Fine)
}

fn c_log10(z: C) -> (C, Errno) {
    let (r, e) = c_log(z);
    ((r.0 / LN10, r.1 / LN10), e)
}

fn c_sin(z: C) -> (C, Errno) {
    let (s, e) = c_sinh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_sinh(z: C) -> (C, Errno) {
    if not_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (copysign(INF, z.1.cos()), copysign(INF, z.1.sin()))
            } else {
                (-copysign(INF, z.1.cos()), copysign(INF, z.1.sin()))
            }
        } else {
            special(&SINH, z)
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() {
            Dom
        } else {
            Fine
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - copysign(1.0, z.0);
        (
            z.1.cos() * x1.sinh() * std::f64::consts::E,
            z.1.sin() * x1.cosh() * std::f64::consts::E,
        )
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    let e = if r.0.is_infinite() || r.1.is_infinite() {
        Range
    } else {
        Fine
    };
    (r, e)
}

fn c_sqrt(z: C) -> (C, Errno) {
    if not_finite(z) {
        return (special(&SQRT, z), Fine);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Fine);
    }
    let mut ax = z.0.abs();
    let ay = z.1.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE && (ax > 0.0 || ay > 0.0) {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + hypot(ax, ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.0 >= 0.0 {
        (s, copysign(d, z.1))
    } else {
        (d, copysign(s, z.1))
    };
    (r, Fine)
}

fn c_tan(z: C) -> (C, Errno) {
    let (s, e) = c_tanh((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_tanh(z: C) -> (C, Errno) {
    if not_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = copysign(0.0, 2.0 * z.1.sin() * z.1.cos());
            if z.0 > 0.0 {
                (1.0, im)
            } else {
                (-1.0, im)
            }
        } else {
            special(&TANH, z)
        };
        let e = if z.1.is_infinite() && z.0.is_finite() {
            Dom
        } else {
            Fine
        };
        return (r, e);
    }
    let r = if z.0.abs() > log_large() {
        (
            copysign(1.0, z.0),
            4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp(),
        )
    } else {
        let tx = z.0.tanh();
        let ty = z.1.tan();
        let cx = 1.0 / z.0.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Fine)
}

// ---------------------------------------------------------------------------
// Arguments and results.

/// `PyComplex_AsCComplex`.
fn as_complex(o: &PyRef) -> PyResult<C> {
    if let Some(c) = o.downcast::<PyComplex>() {
        return Ok((c.real, c.imag));
    }
    if let Some(m) = crate::objects::type_::lookup_str(o.ty(), "__complex__") {
        let bound = crate::objects::descr::bind(&m, Some(o), Some(&o.type_ref()))?;
        let r = protocol::call(&bound, &[], None)?;
        return match r.downcast::<PyComplex>() {
            Some(c) => Ok((c.real, c.imag)),
            None => Err(PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                r.ty().name()
            ))),
        };
    }
    Ok((as_double(o)?, 0.0))
}

/// `PyFloat_AsDouble` with the "must be real number" message.
fn as_double(o: &PyRef) -> PyResult<f64> {
    if let Some(f) = o.downcast::<PyFloat>() {
        return Ok(f.value);
    }
    let n = &o.ty().as_number;
    if n.nb_float.get().is_none() && n.nb_index.get().is_none() {
        return Err(PyErr::type_error(format!(
            "must be real number, not {}",
            o.ty().name()
        )));
    }
    crate::objects::float::number_to_f64(o)
}

fn math_error(e: Errno) -> PyErr {
    if e == Range {
        PyErr::overflow_error("math range error")
    } else {
        PyErr::value_error("math domain error")
    }
}

fn finish(r: C, e: Errno) -> PyResult<PyRef> {
    if e != Fine {
        return Err(math_error(e));
    }
    PyComplex::new(r.0, r.1)
}

macro_rules! unary {
    ($($py:ident => $c:ident),* $(,)?) => {
        $(
            fn $py(_m: &PyRef, z: &PyRef) -> PyResult<PyRef> {
                let (r, e) = $c(as_complex(z)?);
                finish(r, e)
            }
        )*
    };
}

unary! {
    m_acos => c_acos,
    m_acosh => c_acosh,
    m_asin => c_asin,
    m_asinh => c_asinh,
    m_atan => c_atan,
    m_atanh => c_atanh,
    m_cos => c_cos,
    m_cosh => c_cosh,
    m_exp => c_exp,
    m_log10 => c_log10,
    m_sin => c_sin,
    m_sinh => c_sinh,
    m_sqrt => c_sqrt,
    m_tan => c_tan,
    m_tanh => c_tanh,
}

/// `_Py_c_quot` (complex division, errno EDOM on division by zero).
fn c_quot(a: C, b: C) -> (C, Errno) {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            ((0.0, 0.0), Dom)
        } else {
            let ratio = b.1 / b.0;
            let denom = b.0 + b.1 * ratio;
            (
                ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom),
                Fine,
            )
        }
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        (
            ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom),
            Fine,
        )
    } else {
        ((N, N), Fine)
    }
}

fn m_log(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("log", args.len(), 1, 2)?;
    let x = as_complex(&args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = args.get(1) {
        let y = as_complex(b)?;
        // As in CPython, the base's logarithm sets errno afresh.
        let (ly, ey) = c_log(y);
        e = ey;
        let (q, eq) = c_quot(r, ly);
        r = q;
        if eq != Fine {
            e = eq;
        }
    }
    finish(r, e)
}

fn m_phase(_m: &PyRef, z: &PyRef) -> PyResult<PyRef> {
    PyFloat::new(c_atan2(as_complex(z)?))
}

/// `_Py_c_abs`: ERANGE when a finite number overflows.
fn c_abs(z: C) -> (f64, Errno) {
    if !z.0.is_finite() || !z.1.is_finite() {
        if z.0.is_infinite() || z.1.is_infinite() {
            return (INF, Fine);
        }
        return (N, Fine);
    }
    let r = hypot(z.0, z.1);
    (r, if r.is_finite() { Fine } else { Range })
}

fn m_polar(_m: &PyRef, z: &PyRef) -> PyResult<PyRef> {
    let z = as_complex(z)?;
    let phi = c_atan2(z);
    let (r, e) = c_abs(z);
    if e != Fine {
        return Err(math_error(e));
    }
    PyTuple::new(vec![PyFloat::new(r)?, PyFloat::new(phi)?])
}

fn m_rect(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("rect", args.len(), 2, 2)?;
    let r = as_double(&args[0])?;
    let phi = as_double(&args[1])?;
    let (z, e) = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                (copysign(INF, phi.cos()), copysign(INF, phi.sin()))
            } else {
                (-copysign(INF, phi.cos()), -copysign(INF, phi.sin()))
            }
        } else {
            special(&RECT, (r, phi))
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Dom
        } else {
            Fine
        };
        (z, e)
    } else if phi == 0.0 {
        ((r, r * phi), Fine)
    } else {
        ((r * phi.cos(), r * phi.sin()), Fine)
    };
    finish(z, e)
}

fn m_isfinite(_m: &PyRef, z: &PyRef) -> PyResult<PyRef> {
    let z = as_complex(z)?;
    Ok(py_bool(z.0.is_finite() && z.1.is_finite()))
}

fn m_isnan(_m: &PyRef, z: &PyRef) -> PyResult<PyRef> {
    let z = as_complex(z)?;
    Ok(py_bool(z.0.is_nan() || z.1.is_nan()))
}

fn m_isinf(_m: &PyRef, z: &PyRef) -> PyResult<PyRef> {
    let z = as_complex(z)?;
    Ok(py_bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn m_isclose(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let rel = kw.take("rel_tol").cloned();
    let abs = kw.take("abs_tol").cloned();
    let ka = kw.take("a").cloned();
    let kb = kw.take("b").cloned();
    kw.finish("isclose")?;
    let mut pos: Vec<PyRef> = kw.pos.to_vec();
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    for (i, k) in [(0usize, ka), (1, kb)] {
        if let Some(v) = k {
            if pos.len() > i {
                return Err(PyErr::type_error(format!(
                    "argument for isclose() given by name ('{}') and position ({})",
                    if i == 0 { "a" } else { "b" },
                    i + 1
                )));
            }
            pos.push(v);
        }
    }
    if pos.len() < 2 {
        return Err(PyErr::type_error(format!(
            "isclose() missing required argument '{}' (pos {})",
            if pos.is_empty() { "a" } else { "b" },
            pos.len() + 1
        )));
    }
    let a = as_complex(&pos[0])?;
    let b = as_complex(&pos[1])?;
    let rel_tol = match &rel {
        Some(v) => as_double(v)?,
        None => 1e-09,
    };
    let abs_tol = match &abs {
        Some(v) => as_double(v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a.0 == b.0 && a.1 == b.1 {
        return Ok(py_bool(true));
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(py_bool(false));
    }
    let diff = c_abs((a.0 - b.0, a.1 - b.1)).0;
    Ok(py_bool(
        diff <= rel_tol * c_abs(b).0 || diff <= rel_tol * c_abs(a).0 || diff <= abs_tol,
    ))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("acos", Meth::O(m_acos)),
    MethodDef::new("acosh", Meth::O(m_acosh)),
    MethodDef::new("asin", Meth::O(m_asin)),
    MethodDef::new("asinh", Meth::O(m_asinh)),
    MethodDef::new("atan", Meth::O(m_atan)),
    MethodDef::new("atanh", Meth::O(m_atanh)),
    MethodDef::new("cos", Meth::O(m_cos)),
    MethodDef::new("cosh", Meth::O(m_cosh)),
    MethodDef::new("exp", Meth::O(m_exp)),
    MethodDef::new("isclose", Meth::FastKw(m_isclose)),
    MethodDef::new("isfinite", Meth::O(m_isfinite)),
    MethodDef::new("isinf", Meth::O(m_isinf)),
    MethodDef::new("isnan", Meth::O(m_isnan)),
    MethodDef::new("log", Meth::Fast(m_log)),
    MethodDef::new("log10", Meth::O(m_log10)),
    MethodDef::new("phase", Meth::O(m_phase)),
    MethodDef::new("polar", Meth::O(m_polar)),
    MethodDef::new("rect", Meth::Fast(m_rect)),
    MethodDef::new("sin", Meth::O(m_sin)),
    MethodDef::new("sinh", Meth::O(m_sinh)),
    MethodDef::new("sqrt", Meth::O(m_sqrt)),
    MethodDef::new("tan", Meth::O(m_tan)),
    MethodDef::new("tanh", Meth::O(m_tanh)),
];

/// Creates the `cmath` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("cmath")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    if let Some(p) = m.downcast::<PyModule>() {
        let d = p.dict();
        if let Some(dd) = d.downcast::<PyDict>() {
            dd.set_str("pi", PyFloat::new(PI)?)?;
            dd.set_str("e", PyFloat::new(std::f64::consts::E)?)?;
            dd.set_str("tau", PyFloat::new(std::f64::consts::TAU)?)?;
            dd.set_str("inf", PyFloat::new(INF)?)?;
            dd.set_str("infj", PyComplex::new(0.0, INF)?)?;
            dd.set_str("nan", PyFloat::new(N)?)?;
            dd.set_str("nanj", PyComplex::new(0.0, N)?)?;
            dd.set_str(
                "__doc__",
                crate::objects::str::PyStr::new(
                    "This module provides access to mathematical functions for complex\nnumbers.",
                )?,
            )?;
        }
    }
    Ok(m)
}
