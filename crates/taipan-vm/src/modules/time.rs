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

fn clock_ns(clock: libc::clockid_t) -> i128 {
    // SAFETY: an all-zero timespec is valid to be filled.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: ts is a valid out pointer.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

#[allow(non_snake_case, non_upper_case_globals)]
mod Clock {
    pub const Realtime: libc::clockid_t = libc::CLOCK_REALTIME;
    pub const Monotonic: libc::clockid_t = libc::CLOCK_MONOTONIC;
    pub const Process: libc::clockid_t = libc::CLOCK_PROCESS_CPUTIME_ID;
    pub const Thread: libc::clockid_t = libc::CLOCK_THREAD_CPUTIME_ID;
}

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
    // `pysleep`: an absolute deadline on the monotonic clock; a signal
    // interrupts the wait, its Python handler runs (and may raise), then
    // the sleep goes on.
    let ns = (v * 1e9).ceil() as i128;
    let deadline = clock_ns(Clock::Monotonic) + ns;
    let ts = libc::timespec {
        tv_sec: (deadline / 1_000_000_000) as libc::time_t,
        tv_nsec: (deadline % 1_000_000_000) as _,
    };
    loop {
        // SAFETY: a valid absolute timespec; no remaining-time pointer is needed with TIMER_ABSTIME.
        let r = unsafe {
            libc::clock_nanosleep(
                libc::CLOCK_MONOTONIC,
                libc::TIMER_ABSTIME,
                &ts,
                std::ptr::null_mut(),
            )
        };
        if r == libc::EINTR {
            crate::modules::_signal::check_signals()?;
            continue;
        }
        return Ok(none());
    }
}

// ---------------------------------------------------------------------------
// clock_gettime and friends (POSIX clocks by id).

/// The `clk_id` argument: a C int (`PyArg_ParseTuple`'s "i").
fn clk_id_arg(fname: &str, args: &[PyRef], n: usize) -> PyResult<libc::clockid_t> {
    if args.len() != n {
        // `PyArg_ParseTuple`'s wording.
        return Err(PyErr::type_error(format!(
            "{fname}() takes exactly {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    if args[0].is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    crate::objects::int::as_c_int(&args[0])
}

/// `clock_gettime(2)`, or the `OSError` for its errno.
fn clock_timespec(clk: libc::clockid_t) -> PyResult<libc::timespec> {
    // SAFETY: an all-zero timespec is valid to be filled.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: ts is a valid out pointer; a bad clock id gives EINVAL.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(crate::modules::posix::os_error(code, None, None));
    }
    Ok(ts)
}

fn t_clock_gettime(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let ts = clock_timespec(clk_id_arg("clock_gettime", args, 1)?)?;
    PyFloat::new(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

fn t_clock_gettime_ns(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let ts = clock_timespec(clk_id_arg("clock_gettime_ns", args, 1)?)?;
    ns_int(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn t_clock_getres(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let clk = clk_id_arg("clock_getres", args, 1)?;
    // SAFETY: an all-zero timespec is valid to be filled.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: ts is a valid out pointer.
    if unsafe { libc::clock_getres(clk, &mut ts) } != 0 {
        let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(crate::modules::posix::os_error(code, None, None));
    }
    PyFloat::new(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

/// `clock_settime(clk_id, seconds)` / `clock_settime_ns(clk_id, ns)`: the
/// kernel decides (an unprivileged process gets `PermissionError`).
fn clock_set(fname: &str, args: &[PyRef], ns: bool) -> PyResult<PyRef> {
    let clk = clk_id_arg(fname, args, 2)?;
    let total: i128 = if ns {
        let i = crate::object::protocol::index(&args[1])?;
        let v = i
            .downcast::<PyInt>()
            .and_then(|v| v.as_i64())
            .ok_or_else(overflow_time_t)?;
        v as i128
    } else if let Some(f) = args[1].downcast::<PyFloat>() {
        if f.value.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let v = (f.value * 1e9).floor();
        if !(-9.2e18..9.2e18).contains(&v) {
            return Err(overflow_time_t());
        }
        v as i128
    } else {
        time_t_arg(Some(&args[1]))? as i128 * 1_000_000_000
    };
    let ts = libc::timespec {
        tv_sec: total.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: total.rem_euclid(1_000_000_000) as _,
    };
    // SAFETY: a valid timespec; the kernel checks the clock and privileges.
    if unsafe { libc::clock_settime(clk, &ts) } != 0 {
        let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(crate::modules::posix::os_error(code, None, None));
    }
    Ok(none())
}

static TIME_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("clock_gettime", Meth::Fast(t_clock_gettime)),
    MethodDef::new("clock_gettime_ns", Meth::Fast(t_clock_gettime_ns)),
    MethodDef::new("clock_getres", Meth::Fast(t_clock_getres)),
    MethodDef::new(
        "clock_settime",
        Meth::Fast(|_, a| clock_set("clock_settime", a, false)),
    ),
    MethodDef::new(
        "clock_settime_ns",
        Meth::Fast(|_, a| clock_set("clock_settime_ns", a, true)),
    ),
    MethodDef::new("time", Meth::NoArgs(t_time)),
    MethodDef::new("time_ns", Meth::NoArgs(t_time_ns)),
    MethodDef::new("monotonic", Meth::NoArgs(t_monotonic)),
    MethodDef::new("monotonic_ns", Meth::NoArgs(t_monotonic_ns)),
    MethodDef::new("perf_counter", Meth::NoArgs(t_monotonic)),
    MethodDef::new("perf_counter_ns", Meth::NoArgs(t_monotonic_ns)),
    MethodDef::new(
        "process_time",
        Meth::NoArgs(|_| secs(clock_ns(Clock::Process))),
    ),
    MethodDef::new(
        "process_time_ns",
        Meth::NoArgs(|_| ns_int(clock_ns(Clock::Process))),
    ),
    MethodDef::new(
        "thread_time",
        Meth::NoArgs(|_| secs(clock_ns(Clock::Thread))),
    ),
    MethodDef::new(
        "thread_time_ns",
        Meth::NoArgs(|_| ns_int(clock_ns(Clock::Thread))),
    ),
    MethodDef::new("_tm", Meth::Fast(t_tm)),
    MethodDef::new("_mktime", Meth::Fast(t_mktime)),
    MethodDef::new("_strftime", Meth::Fast(t_strftime)),
    MethodDef::new("_tzinfo", Meth::NoArgs(t_tzinfo)),
    MethodDef::new("sleep", Meth::Fast(t_sleep)),
];

/// Creates the `time` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("time")?;
    PyModule::add_functions(&m, TIME_FUNCTIONS)?;
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("time: no module dict"))?;
    if let (Some(dd), Some(b)) = (
        d.downcast::<crate::objects::dict::PyDict>(),
        &crate::interp::interp().builtins,
    ) {
        dd.set_str("__builtins__", b.clone())?;
    }
    if let Some(dd) = d.downcast::<crate::objects::dict::PyDict>() {
        for (name, v) in [
            ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
            ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
            ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
            ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
            ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
            ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
            ("CLOCK_TAI", libc::CLOCK_TAI),
        ] {
            dd.set_str(name, PyInt::new(v as i64)?)?;
        }
        // `_strptime` reads it: struct_time's field count.
        dd.set_str("_STRUCT_TM_ITEMS", PyInt::new(11)?)?;
    }
    let code = crate::run::compile_source(PRELUDE.as_bytes(), "<time>")?;
    crate::run::exec_code(&code, &d, None)?;
    Ok(m)
}

fn overflow_time_t() -> PyErr {
    PyErr::overflow_error("timestamp out of range for platform time_t")
}

/// `_PyTime_ObjectToTime_t` with `ROUND_FLOOR`: None is now.
fn time_t_arg(o: Option<&PyRef>) -> PyResult<libc::time_t> {
    let o = match o {
        Some(o) if !o.is(&none()) => o,
        _ => return Ok((clock_ns(Clock::Realtime).div_euclid(1_000_000_000)) as libc::time_t),
    };
    if let Some(f) = o.downcast::<PyFloat>() {
        if f.value.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let v = f.value.floor();
        if !(-9.2e18..9.2e18).contains(&v) {
            return Err(overflow_time_t());
        }
        return Ok(v as libc::time_t);
    }
    let i = crate::object::protocol::index(o)?;
    i.downcast::<PyInt>()
        .and_then(|v| v.as_i64())
        .ok_or_else(overflow_time_t)
}

fn tm_tuple(tm: &libc::tm) -> PyResult<PyRef> {
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: tm_zone points to a NUL-terminated zone name owned by libc.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    let i = |v: i64| PyInt::new(v);
    crate::objects::tuple::PyTuple::new(vec![
        i(tm.tm_year as i64 + 1900)?,
        i(tm.tm_mon as i64 + 1)?,
        i(tm.tm_mday as i64)?,
        i(tm.tm_hour as i64)?,
        i(tm.tm_min as i64)?,
        i(tm.tm_sec as i64)?,
        i((tm.tm_wday as i64 + 6) % 7)?,
        i(tm.tm_yday as i64 + 1)?,
        i(tm.tm_isdst as i64)?,
        crate::objects::str::PyStr::new(&zone)?,
        i(tm.tm_gmtoff)?,
    ])
}

/// `_tm(secs, local)`: the 11 fields of `struct_time`.
fn t_tm(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_tm", args.len(), 2, 2)?;
    let t = time_t_arg(Some(&args[0]))?;
    let local = crate::object::protocol::is_true(&args[1])?;
    // SAFETY: an all-zero tm is valid to be filled.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers; the _r variants are thread-safe.
    let r = unsafe {
        if local {
            libc::localtime_r(&t, &mut tm)
        } else {
            libc::gmtime_r(&t, &mut tm)
        }
    };
    if r.is_null() {
        return Err(overflow_time_t());
    }
    tm_tuple(&tm)
}

/// A `tm` from the prelude's 9 C-convention ints (year - 1900, month 0-11,
/// ..., wday 0 = Sunday, yday 0-365).
fn tm_from(args: &[PyRef]) -> PyResult<libc::tm> {
    let mut v = [0i64; 9];
    for (k, a) in args.iter().take(9).enumerate() {
        v[k] = crate::object::protocol::index(a)?
            .downcast::<PyInt>()
            .and_then(|x| x.as_i64())
            .filter(|x| i32::try_from(*x).is_ok())
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    }
    // SAFETY: an all-zero tm is valid.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = v[0] as i32;
    tm.tm_mon = v[1] as i32;
    tm.tm_mday = v[2] as i32;
    tm.tm_hour = v[3] as i32;
    tm.tm_min = v[4] as i32;
    tm.tm_sec = v[5] as i32;
    tm.tm_wday = v[6] as i32;
    tm.tm_yday = v[7] as i32;
    tm.tm_isdst = v[8] as i32;
    Ok(tm)
}

fn t_mktime(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_mktime", args.len(), 9, 9)?;
    let mut tm = tm_from(args)?;
    tm.tm_wday = -1;
    // SAFETY: tm is a valid, initialized tm.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(PyErr::overflow_error("mktime argument out of range"));
    }
    PyFloat::new(t as f64)
}

fn t_strftime(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_strftime", args.len(), 10, 10)?;
    let fmt = crate::object::protocol::str_string(&args[0])?;
    let tm = tm_from(&args[1..])?;
    if fmt.is_empty() {
        return crate::objects::str::PyStr::new("");
    }
    let cfmt = std::ffi::CString::new(fmt.clone())
        .map_err(|_| PyErr::value_error("embedded null character"))?;
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: buf holds size bytes; cfmt and tm are valid.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &tm,
            )
        };
        if n > 0 || size >= 256 * fmt.len() + 1024 {
            buf.truncate(n);
            return crate::objects::str::PyStr::new(&String::from_utf8_lossy(&buf));
        }
        size *= 2;
    }
}

extern "C" {
    fn tzset();
}

/// `(timezone, altzone, daylight, tzname0, tzname1)` as `init_timezone`.
fn t_tzinfo(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: tzset reads TZ; plain library call.
    unsafe { tzset() };
    let now = (clock_ns(Clock::Realtime) / 1_000_000_000) as libc::time_t;
    let year_start = now - now.rem_euclid(365 * 24 * 3600);
    let probe = |t: libc::time_t| -> (i64, String) {
        // SAFETY: an all-zero tm is valid to be filled.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        // SAFETY: valid pointers.
        unsafe { libc::localtime_r(&t, &mut tm) };
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: NUL-terminated zone name owned by libc.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        };
        (-tm.tm_gmtoff, zone)
    };
    let (jan, janname) = probe(year_start);
    let (jul, julname) = probe(year_start + 182 * 24 * 3600);
    let (tz, alt, n0, n1) = if jan < jul {
        (jul, jan, julname, janname)
    } else {
        (jan, jul, janname, julname)
    };
    crate::objects::tuple::PyTuple::new(vec![
        PyInt::new(tz)?,
        PyInt::new(alt)?,
        PyInt::new((jan != jul) as i64)?,
        crate::objects::str::PyStr::new(&n0)?,
        crate::objects::str::PyStr::new(&n1)?,
    ])
}

const PRELUDE: &str = r#"
import posix as _posix
struct_time = _posix._make_structseq('struct_time', 'time', ('tm_year', 'tm_mon', 'tm_mday',
    'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'), 9)
del _posix
timezone, altzone, daylight, _n0, _n1 = _tzinfo()
tzname = (_n0, _n1)
del _n0, _n1

def gmtime(seconds=None):
    return struct_time(_tm(seconds, False))

def localtime(seconds=None):
    return struct_time(_tm(seconds, True))

def _args(t, fname):
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % fname)
    y, mo, d, h, mi, s, wd, yd, dst = t
    return [y - 1900, mo - 1, d, h, mi, s, (wd + 1) % 7, yd - 1, dst]

def mktime(t):
    return _mktime(*_args(t, 'mktime'))

def _check(v):
    y, mo, d, h, mi, s, wd, yd, dst = v
    if mo == -1:
        mo = 0
    elif not 0 <= mo <= 11:
        raise ValueError("month out of range")
    if d == 0:
        d = 1
    elif not 0 <= d <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= h <= 23:
        raise ValueError("hour out of range")
    if not 0 <= mi <= 59:
        raise ValueError("minute out of range")
    if not 0 <= s <= 61:
        raise ValueError("seconds out of range")
    if wd < 0:
        raise ValueError("day of week out of range")
    if yd == -1:
        yd = 0
    elif not 0 <= yd <= 365:
        raise ValueError("day of year out of range")
    if dst < -1:
        dst = -1
    elif dst > 1:
        dst = 1
    return [y, mo, d, h, mi, s, wd, yd, dst]

def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    if t is None:
        t = localtime()
    v = _check(_args(t, 'strftime'))
    return _strftime(format, *v)

_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')

def asctime(t=None):
    if t is None:
        t = localtime()
    v = _check(_args(t, 'asctime'))
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (_DAYS[t[6] % 7], _MONTHS[v[1]], t[2], t[3], t[4], t[5], t[0])

def ctime(seconds=None):
    return asctime(localtime(seconds))

class _ClockInfo:
    def __init__(self, implementation, monotonic, adjustable, resolution):
        self.implementation = implementation
        self.monotonic = monotonic
        self.adjustable = adjustable
        self.resolution = resolution
    def __repr__(self):
        return 'namespace(%s)' % ', '.join('%s=%r' % kv for kv in self.__dict__.items())

_CLOCKS = {
    'time': ('clock_gettime(CLOCK_REALTIME)', False, True),
    'monotonic': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'perf_counter': ('clock_gettime(CLOCK_MONOTONIC)', True, False),
    'process_time': ('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False),
    'thread_time': ('clock_gettime(CLOCK_THREAD_CPUTIME_ID)', True, False),
}

def get_clock_info(name):
    try:
        impl, mono, adj = _CLOCKS[name]
    except (KeyError, TypeError):
        raise ValueError("unknown clock") from None
    return _ClockInfo(impl, mono, adj, 1e-09)

def tzset():
    global timezone, altzone, daylight, tzname
    timezone, altzone, daylight, _n0, _n1 = _tzinfo()
    tzname = (_n0, _n1)

def strptime(*args):
    import _strptime
    return _strptime._strptime_time(*args)

for _f in (gmtime, localtime, mktime, strftime, asctime, ctime, get_clock_info, tzset, strptime):
    _f.__module__ = 'time'
del _f
"#;
