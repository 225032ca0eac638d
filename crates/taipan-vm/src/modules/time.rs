//! The `time` module (CPython's `Modules/timemodule.c`): wall-clock,
//! monotonic, performance-counter and process clocks, and `sleep`.

use crate::modules::builtins::check_nargs;
use crate::object::*;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

fn clock_ns(clock: libc_clock::Clock) -> i128 {
    libc_clock::now_ns(clock)
}

/// Clocks through `std` (no libc dependency): the wall clock from
/// `SystemTime`, the monotonic clock from an `Instant` origin, the process
/// clock from the same (an approximation: CPU time would need `getrusage`).
mod libc_clock {
    use std::sync::OnceLock;
    use std::time::{Instant, SystemTime, UNIX_EPOCH};

    #[derive(Clone, Copy)]
    pub enum Clock {
        Realtime,
        Monotonic,
    }

    static ORIGIN: OnceLock<Instant> = OnceLock::new();

    pub fn now_ns(c: Clock) -> i128 {
        match c {
            Clock::Realtime => match SystemTime::now().duration_since(UNIX_EPOCH) {
                Ok(d) => d.as_nanos() as i128,
                Err(e) => -(e.duration().as_nanos() as i128),
            },
            Clock::Monotonic => {
                let o = ORIGIN.get_or_init(Instant::now);
                o.elapsed().as_nanos() as i128 + 1_000_000_000
            }
        }
    }
}

use libc_clock::Clock;

fn secs(ns: i128) -> PyResult<PyRef> {
    PyFloat::new(ns as f64 / 1e9)
}

fn ns_int(ns: i128) -> PyResult<PyRef> {
    PyInt::from_bigint(num_bigint::BigInt::from(ns))
}

fn t_time(_m: &PyRef) -> PyResult<PyRef> {
    secs(clock_ns(Clock::Realtime))
}

fn t_time_ns(_m: &PyRef) -> PyResult<PyRef> {
    ns_int(clock_ns(Clock::Realtime))
}

fn t_monotonic(_m: &PyRef) -> PyResult<PyRef> {
    secs(clock_ns(Clock::Monotonic))
}

fn t_monotonic_ns(_m: &PyRef) -> PyResult<PyRef> {
    ns_int(clock_ns(Clock::Monotonic))
}

fn t_sleep(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("sleep", args.len(), 1, 1)?;
    let a = &args[0];
    let v = if let Some(f) = a.downcast::<PyFloat>() {
        f.value
    } else if a.is_instance_of::<PyInt>() {
        crate::objects::int::as_i64(a)? as f64
    } else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            a.ty().name()
        )));
    };
    if v.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if v < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if !v.is_finite() || v > 1e12 {
        return Err(PyErr::overflow_error("sleep length is too large"));
    }
    crate::modules::sys::flush_std();
    std::thread::sleep(std::time::Duration::from_secs_f64(v));
    Ok(none())
}

static TIME_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("time", Meth::NoArgs(t_time)),
    MethodDef::new("time_ns", Meth::NoArgs(t_time_ns)),
    MethodDef::new("monotonic", Meth::NoArgs(t_monotonic)),
    MethodDef::new("monotonic_ns", Meth::NoArgs(t_monotonic_ns)),
    MethodDef::new("perf_counter", Meth::NoArgs(t_monotonic)),
    MethodDef::new("perf_counter_ns", Meth::NoArgs(t_monotonic_ns)),
    MethodDef::new("process_time", Meth::NoArgs(t_monotonic)),
    MethodDef::new("process_time_ns", Meth::NoArgs(t_monotonic_ns)),
    MethodDef::new("thread_time", Meth::NoArgs(t_monotonic)),
    MethodDef::new("thread_time_ns", Meth::NoArgs(t_monotonic_ns)),
    MethodDef::new("sleep", Meth::Fast(t_sleep)),
];

/// Creates the `time` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("time")?;
    PyModule::add_functions(&m, TIME_FUNCTIONS)?;
    Ok(m)
}
