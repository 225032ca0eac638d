//! The `_signal` module (CPython's `Modules/signalmodule.c`): Python-level
//! signal handlers, the `SIGINT` handler that raises `KeyboardInterrupt`,
//! alarms and interval timers, signal masks, the wakeup fd.
//!
//! As in CPython, the C-level handler only records that a signal arrived
//! (one flag per signal and one for "any", plus a byte to the wakeup fd);
//! the Python handlers run later on the main thread, at the evaluation
//! loop's check points (function entry, backward jumps: [`pending`] and
//! [`check_signals`], CPython's eval breaker and `PyErr_CheckSignals`) and
//! where a blocking call is interrupted (`time.sleep`, `signal.pause`).
//! `SIG_DFL` and `SIG_IGN` are the ints 0 and 1; a handler that was not
//! installed from Python reads as None. The command line installs the
//! `SIGINT` handler at start-up ([`install_default_handlers`]); an
//! embedder that does not call it keeps its own signal dispositions.
//!
//! Taipan deviation: `sigwaitinfo`, `sigtimedwait` (and `struct_siginfo`)
//! and `pidfd_send_signal` are not provided; `pthread_kill` knows only the
//! thread that runs Python code.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// `Py_NSIG` on Linux: one past the highest real-time signal.
const NSIG: usize = 65;

/// Per signal: arrived and not yet handled (`Handlers[i].tripped`).
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Some signal arrived (`is_tripped`); the loop's cheap check.
static IS_TRIPPED: AtomicBool = AtomicBool::new(false);
/// `set_wakeup_fd`'s descriptor (-1: none).
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// The thread that runs signal handlers (the one that first imported
/// `_signal`, as CPython's main thread), by `_thread.get_ident()`.
static MAIN_IDENT: AtomicU64 = AtomicU64::new(0);

/// The Python-level handler of each signal (`Handlers[i].func`): a
/// callable, the int 0 (`SIG_DFL`) or 1 (`SIG_IGN`), or None when the
/// disposition was not set from Python.
static HANDLERS: GilCell<Vec<Option<PyRef>>> = GilCell::new(Vec::new());

fn handlers() -> &'static mut Vec<Option<PyRef>> {
    // SAFETY: GIL held by every caller; no borrow is kept across a call into Python.
    let h = unsafe { HANDLERS.get_mut() };
    if h.len() < NSIG {
        h.resize_with(NSIG, || None);
    }
    h
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn os_error() -> PyErr {
    crate::modules::posix::os_error(errno(), None, None)
}

/// The C-level handler (`signal_handler` and `trip_signal`): async-signal
/// safe, it only sets flags and writes the signal number to the wakeup fd.
extern "C" fn c_handler(sig: libc::c_int) {
    let saved = errno();
    if let Some(t) = TRIPPED.get(sig as usize) {
        t.store(true, Ordering::Relaxed);
    }
    IS_TRIPPED.store(true, Ordering::SeqCst);
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = sig as u8;
        loop {
            // SAFETY: write(2) is async-signal safe; the buffer is one valid byte.
            let r = unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
            if r < 0 && errno() == libc::EINTR {
                continue;
            }
            break;
        }
    }
    // SAFETY: restores errno for the interrupted code (`__errno_location` is this thread's).
    unsafe { *libc::__errno_location() = saved };
}

/// `PyOS_setsig`: installs `handler` for `sig` with `sigaction` (no
/// `SA_RESTART`, so blocking calls see `EINTR`); the old C handler.
fn setsig(sig: i32, handler: libc::sighandler_t) -> Result<libc::sighandler_t, i32> {
    // SAFETY: zeroed sigaction structs are valid to fill; sigaction gets valid pointers.
    unsafe {
        let mut new: libc::sigaction = std::mem::zeroed();
        let mut old: libc::sigaction = std::mem::zeroed();
        new.sa_sigaction = handler;
        libc::sigemptyset(&mut new.sa_mask);
        new.sa_flags = libc::SA_ONSTACK;
        if libc::sigaction(sig, &new, &mut old) == -1 {
            return Err(errno());
        }
        Ok(old.sa_sigaction)
    }
}

/// The current C-level disposition of `sig` (`PyOS_getsig`).
fn getsig(sig: i32) -> Option<libc::sighandler_t> {
    // SAFETY: a zeroed sigaction is valid to fill; a null new action only queries.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) == -1 {
            return None;
        }
        Some(old.sa_sigaction)
    }
}

fn c_handler_addr() -> libc::sighandler_t {
    c_handler as extern "C" fn(libc::c_int) as libc::sighandler_t
}

/// Is `o` the int `v` exactly (`compare_handler` against SIG_DFL/SIG_IGN)?
fn is_exact_int(o: &PyRef, v: i64) -> bool {
    o.is_exact::<PyInt>() && o.downcast::<PyInt>().and_then(|i| i.as_i64()) == Some(v)
}

fn is_main_thread() -> bool {
    let main = MAIN_IDENT.load(Ordering::Relaxed);
    main == 0 || main == crate::modules::_thread::get_ident()
}

/// Has a signal arrived that Python code has not handled yet? One relaxed
/// load: the evaluation loop asks at its check points.
#[inline(always)]
pub fn pending() -> bool {
    IS_TRIPPED.load(Ordering::Relaxed)
}

/// `PyErr_CheckSignals`: runs the Python handlers of the signals that
/// arrived, on the main thread, with the signal number and the current
/// frame; the first handler that raises ends the round (the rest stay
/// pending).
pub fn check_signals() -> PyResult<()> {
    if !IS_TRIPPED.load(Ordering::SeqCst) || !is_main_thread() {
        return Ok(());
    }
    IS_TRIPPED.store(false, Ordering::SeqCst);
    for (i, tripped) in TRIPPED.iter().enumerate().skip(1) {
        if !tripped.load(Ordering::Relaxed) {
            continue;
        }
        tripped.store(false, Ordering::Relaxed);
        let func = handlers()[i].clone();
        let func = match func {
            Some(f) if !f.is_none() && !is_exact_int(&f, 0) && !is_exact_int(&f, 1) => f,
            _ => {
                // The handler changed between the signal and now.
                let e = PyErr::os_error(format!("Signal {i} ignored due to race condition"));
                crate::modules::sys::write_unraisable(Some(&none()), e, None);
                continue;
            }
        };
        let frame = crate::eval::ceval::getframe(0).unwrap_or_else(|_| none());
        if let Err(e) = protocol::call(&func, &[PyInt::new(i as i64)?, frame], None) {
            IS_TRIPPED.store(true, Ordering::SeqCst);
            return Err(e);
        }
    }
    Ok(())
}

/// What the command line does at start-up (`signal_install_handlers`):
/// imports `_signal`, which puts CPython's `KeyboardInterrupt` handler on
/// `SIGINT` if its disposition is the default one.
pub fn install_default_handlers() -> PyResult<()> {
    crate::import::import_module("_signal").map(drop)
}

/// `_PySignal_Fini`: the signals given Python handlers get their default
/// disposition back and the handlers are dropped (the leak check's
/// teardown calls it).
pub fn fini() {
    let h = handlers();
    for (sig, slot) in h.iter_mut().enumerate().skip(1) {
        if let Some(f) = slot.take() {
            if !f.is_none() && !is_exact_int(&f, 0) && !is_exact_int(&f, 1) {
                let _ = setsig(sig as i32, libc::SIG_DFL);
            }
            // SAFETY: GIL held; dropping may run __del__, which may look at the table: it was taken out first.
            drop(f);
        }
    }
    h.clear();
    for t in TRIPPED.iter() {
        t.store(false, Ordering::Relaxed);
    }
    IS_TRIPPED.store(false, Ordering::SeqCst);
}

// ---------------------------------------------------------------------------
// Arguments.

/// A C int argument (`_PyLong_AsInt`), with CPython's wording for floats.
fn int_arg(o: &PyRef) -> PyResult<i32> {
    if o.is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    crate::objects::int::as_c_int(o)
}

use crate::modules::builtins::exact_nargs as nargs;

fn signum_in_range(sig: i32) -> PyResult<i32> {
    if sig < 1 || sig as usize >= NSIG {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(sig)
}

/// `iterable_to_sigset`.
fn sigset_from(o: &PyRef) -> PyResult<libc::sigset_t> {
    // SAFETY: a zeroed sigset is valid storage for sigemptyset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: set is valid.
    unsafe { libc::sigemptyset(&mut set) };
    for item in protocol::collect(o)? {
        let v = crate::objects::int::as_i64(&protocol::index(&item)?).unwrap_or(i64::MAX);
        if v <= 0 || v as usize >= NSIG {
            return Err(PyErr::value_error(format!(
                "signal number {v} out of range [1; {}]",
                NSIG - 1
            )));
        }
        // SAFETY: set is valid; v is a valid signal number.
        if unsafe { libc::sigaddset(&mut set, v as i32) } != 0 {
            return Err(os_error());
        }
    }
    Ok(set)
}

/// `sigset_to_set`: the signal numbers in `set`, as a Python set.
fn set_from_sigset(set: &libc::sigset_t) -> PyResult<PyRef> {
    let s = crate::objects::set::new_empty(&crate::objects::set::SET_TYPE)?;
    let p = crate::objects::set::payload(&s);
    for sig in 1..NSIG as i32 {
        // SAFETY: set is a valid sigset.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            p.add(PyInt::new(sig as i64)?)?;
        }
    }
    Ok(s)
}

// ---------------------------------------------------------------------------
// Functions.

fn s_signal(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("signal", args, 2)?;
    let sig = int_arg(&args[0])?;
    let handler = &args[1];
    if !is_main_thread() {
        return Err(PyErr::value_error(
            "signal only works in main thread of the main interpreter",
        ));
    }
    signum_in_range(sig)?;
    let func = if handler.ty().tp_call.get().is_some() {
        c_handler_addr()
    } else if is_exact_int(handler, 1) {
        libc::SIG_IGN
    } else if is_exact_int(handler, 0) {
        libc::SIG_DFL
    } else {
        return Err(PyErr::type_error(
            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
        ));
    };
    check_signals()?;
    setsig(sig, func).map_err(|code| crate::modules::posix::os_error(code, None, None))?;
    let old = handlers()[sig as usize].replace(handler.clone());
    Ok(old.unwrap_or_else(none))
}

fn s_getsignal(_m: &PyRef, sig: &PyRef) -> PyResult<PyRef> {
    let sig = signum_in_range(int_arg(sig)?)?;
    Ok(handlers()[sig as usize].clone().unwrap_or_else(none))
}

fn s_default_int_handler(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("default_int_handler", args, 2)?;
    int_arg(&args[0])?;
    Err(PyErr::with_args(
        &crate::objects::exceptions::KEYBOARD_INTERRUPT,
        &[],
    ))
}

fn s_alarm(_m: &PyRef, secs: &PyRef) -> PyResult<PyRef> {
    let n = int_arg(secs)?;
    // SAFETY: alarm(2) takes any unsigned value.
    PyInt::new(unsafe { libc::alarm(n as libc::c_uint) } as i64)
}

fn s_pause(_m: &PyRef) -> PyResult<PyRef> {
    crate::modules::sys::flush_std();
    // SAFETY: pause(2) blocks until a signal; no arguments.
    unsafe { libc::pause() };
    check_signals()?;
    Ok(none())
}

fn s_raise_signal(_m: &PyRef, sig: &PyRef) -> PyResult<PyRef> {
    let sig = int_arg(sig)?;
    crate::modules::sys::flush_std();
    // SAFETY: raise(3) checks the signal number itself.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_error());
    }
    check_signals()?;
    Ok(none())
}

fn s_strsignal(_m: &PyRef, sig: &PyRef) -> PyResult<PyRef> {
    let sig = signum_in_range(int_arg(sig)?)?;
    // SAFETY: strsignal returns a NUL-terminated string valid until the next call, copied at once.
    let text = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(none());
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.contains("Unknown signal") {
        return Ok(none());
    }
    PyStr::new(&text)
}

fn s_valid_signals(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a zeroed sigset is valid storage for sigfillset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: set is valid.
    if unsafe { libc::sigfillset(&mut set) } != 0 {
        return Err(os_error());
    }
    set_from_sigset(&set)
}

fn s_siginterrupt(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("siginterrupt", args, 2)?;
    let sig = signum_in_range(int_arg(&args[0])?)?;
    let flag = int_arg(&args[1])?;
    // SAFETY: sigaction with valid pointers; only SA_RESTART changes.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) == -1 {
            return Err(os_error());
        }
        if flag != 0 {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) == -1 {
            return Err(os_error());
        }
    }
    Ok(none())
}

fn s_set_wakeup_fd(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse(
        "set_wakeup_fd",
        args,
        kwnames,
        &["fd", "*", "warn_on_full_buffer"],
        1,
    )?;
    let fd = int_arg(a[0].as_ref().ok_or_else(|| PyErr::system_error("fd"))?)?;
    if !is_main_thread() {
        return Err(PyErr::value_error(
            "set_wakeup_fd only works in main thread of the main interpreter",
        ));
    }
    if fd != -1 {
        // SAFETY: a zeroed stat is valid to fill; fstat checks the fd.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(os_error());
        }
        // SAFETY: fcntl on a valid fd.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags < 0 {
            return Err(os_error());
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(PyErr::value_error(format!(
                "the fd {fd} must be in non-blocking mode"
            )));
        }
    }
    let old = WAKEUP_FD.swap(fd, Ordering::SeqCst);
    PyInt::new(old as i64)
}

fn s_pthread_kill(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("pthread_kill", args, 2)?;
    let ident = crate::objects::int::as_i64(&protocol::index(&args[0])?)?;
    let sig = int_arg(&args[1])?;
    if ident as u64 != crate::modules::_thread::get_ident() {
        return Err(crate::modules::posix::os_error(libc::ESRCH, None, None));
    }
    crate::modules::sys::flush_std();
    // SAFETY: pthread_self is this thread; pthread_kill checks the signal number.
    let err = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if err != 0 {
        return Err(crate::modules::posix::os_error(err, None, None));
    }
    check_signals()?;
    Ok(none())
}

fn s_pthread_sigmask(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("pthread_sigmask", args, 2)?;
    let how = int_arg(&args[0])?;
    let set = sigset_from(&args[1])?;
    // SAFETY: a zeroed sigset is valid to fill.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers; pthread_sigmask checks `how`.
    let err = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if err != 0 {
        return Err(crate::modules::posix::os_error(err, None, None));
    }
    check_signals()?;
    set_from_sigset(&old)
}

fn s_sigpending(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a zeroed sigset is valid to fill.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer.
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(os_error());
    }
    set_from_sigset(&set)
}

fn s_sigwait(_m: &PyRef, set: &PyRef) -> PyResult<PyRef> {
    let set = sigset_from(set)?;
    let mut sig: libc::c_int = 0;
    crate::modules::sys::flush_std();
    // SAFETY: valid pointers; sigwait blocks until one of the signals is pending.
    let err = unsafe { libc::sigwait(&set, &mut sig) };
    if err != 0 {
        return Err(crate::modules::posix::os_error(err, None, None));
    }
    PyInt::new(sig as i64)
}

fn itimer_error(code: i32) -> PyErr {
    let ty = crate::import::import_module("_signal")
        .and_then(|m| protocol::getattr(&m, crate::intern!("ItimerError")));
    let args = (|| -> PyResult<Vec<PyRef>> {
        Ok(vec![
            PyInt::new(code as i64)?,
            PyStr::new(&crate::modules::posix::strerror_string(code))?,
        ])
    })();
    match (ty, args) {
        (Ok(t), Ok(a)) => match protocol::call(&t, &a, None) {
            Ok(v) => PyErr::from_value(v),
            Err(e) => e,
        },
        (Err(e), _) | (_, Err(e)) => e,
    }
}

/// `timeval_from_double`: seconds (an int or a float) rounded up to a
/// microsecond.
fn timeval_arg(o: &PyRef) -> PyResult<libc::timeval> {
    let secs = if o.is_instance_of::<PyFloat>() {
        crate::objects::float::as_f64(o)?
    } else {
        crate::objects::int::as_i64(&protocol::index(o)?)? as f64
    };
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    let us = (secs * 1e6).ceil();
    if !(-9.2e18..9.2e18).contains(&us) {
        return Err(PyErr::overflow_error(
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    let us = us as i64;
    Ok(libc::timeval {
        tv_sec: us.div_euclid(1_000_000) as libc::time_t,
        tv_usec: us.rem_euclid(1_000_000) as libc::suseconds_t,
    })
}

fn itimer_tuple(v: &libc::itimerval) -> PyResult<PyRef> {
    let f = |t: &libc::timeval| PyFloat::new(t.tv_sec as f64 + t.tv_usec as f64 / 1e6);
    PyTuple::new(vec![f(&v.it_value)?, f(&v.it_interval)?])
}

fn s_setitimer(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if !(2..=3).contains(&args.len()) {
        return Err(PyErr::type_error(format!(
            "setitimer expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    let which = int_arg(&args[0])?;
    let new = libc::itimerval {
        it_value: timeval_arg(&args[1])?,
        it_interval: match args.get(2) {
            Some(i) => timeval_arg(i)?,
            None => libc::timeval {
                tv_sec: 0,
                tv_usec: 0,
            },
        },
    };
    // SAFETY: a zeroed itimerval is valid to fill.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers; the kernel checks `which` and the values.
    if unsafe { libc::setitimer(which as _, &new, &mut old) } != 0 {
        return Err(itimer_error(errno()));
    }
    itimer_tuple(&old)
}

fn s_getitimer(_m: &PyRef, which: &PyRef) -> PyResult<PyRef> {
    let which = int_arg(which)?;
    // SAFETY: a zeroed itimerval is valid to fill.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer; the kernel checks `which`.
    if unsafe { libc::getitimer(which as _, &mut cur) } != 0 {
        return Err(itimer_error(errno()));
    }
    itimer_tuple(&cur)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("signal", Meth::Fast(s_signal)).with_doc(
        "signal($module, signalnum, handler, /)\n--\n\nSet the action for the given signal.\n\nThe action can be SIG_DFL, SIG_IGN, or a callable Python object.\nThe previous action is returned.  See getsignal() for possible return values.\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.",
    ),
    MethodDef::new("getsignal", Meth::O(s_getsignal)).with_doc(
        "getsignal($module, signalnum, /)\n--\n\nReturn the current action for the given signal.\n\nThe return value can be:\n  SIG_IGN -- if the signal is being ignored\n  SIG_DFL -- if the default action for the signal is in effect\n  None    -- if an unknown handler is in effect\n  anything else -- the callable Python object used as a handler",
    ),
    MethodDef::new("default_int_handler", Meth::Fast(s_default_int_handler)).with_doc(
        "default_int_handler($module, signalnum, frame, /)\n--\n\nThe default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.",
    ),
    MethodDef::new("alarm", Meth::O(s_alarm))
        .with_doc("alarm($module, seconds, /)\n--\n\nArrange for SIGALRM to arrive after the given number of seconds."),
    MethodDef::new("pause", Meth::NoArgs(s_pause))
        .with_doc("pause($module, /)\n--\n\nWait until a signal arrives."),
    MethodDef::new("raise_signal", Meth::O(s_raise_signal))
        .with_doc("raise_signal($module, signalnum, /)\n--\n\nSend a signal to the executing process."),
    MethodDef::new("strsignal", Meth::O(s_strsignal)).with_doc(
        "strsignal($module, signalnum, /)\n--\n\nReturn the system description of the given signal.\n\nReturns the description of signal *signalnum*, such as \"Interrupt\"\nfor :const:`SIGINT`. Returns :const:`None` if *signalnum* has no\ndescription. Raises :exc:`ValueError` if *signalnum* is invalid.",
    ),
    MethodDef::new("valid_signals", Meth::NoArgs(s_valid_signals)).with_doc(
        "valid_signals($module, /)\n--\n\nReturn a set of valid signal numbers on this platform.\n\nThe signal numbers returned by this function can be safely passed to\nfunctions like `pthread_sigmask`.",
    ),
    MethodDef::new("siginterrupt", Meth::Fast(s_siginterrupt)).with_doc(
        "siginterrupt($module, signalnum, flag, /)\n--\n\nChange system call restart behaviour.\n\nIf flag is False, system calls will be restarted when interrupted by\nsignal sig, else system calls will be interrupted.",
    ),
    MethodDef::new("set_wakeup_fd", Meth::FastKw(s_set_wakeup_fd)).with_doc(
        "set_wakeup_fd(fd, *, warn_on_full_buffer=True) -> fd\n\nSets the fd to be written to (with the signal number) when a signal\ncomes in.  A library can use this to wakeup select or poll.\nThe previous fd or -1 is returned.\n\nThe fd must be non-blocking.",
    ),
    MethodDef::new("pthread_kill", Meth::Fast(s_pthread_kill)).with_doc(
        "pthread_kill($module, thread_id, signalnum, /)\n--\n\nSend a signal to a thread.",
    ),
    MethodDef::new("pthread_sigmask", Meth::Fast(s_pthread_sigmask)).with_doc(
        "pthread_sigmask($module, how, mask, /)\n--\n\nFetch and/or change the signal mask of the calling thread.",
    ),
    MethodDef::new("sigpending", Meth::NoArgs(s_sigpending)).with_doc(
        "sigpending($module, /)\n--\n\nExamine pending signals.\n\nReturns a set of signal numbers that are pending for delivery to\nthe calling thread.",
    ),
    MethodDef::new("sigwait", Meth::O(s_sigwait)).with_doc(
        "sigwait($module, sigset, /)\n--\n\nWait for a signal.\n\nSuspend execution of the calling thread until the delivery of one of the\nsignals specified in the signal set sigset.  The function accepts the signal\nand returns the signal number.",
    ),
    MethodDef::new("setitimer", Meth::Fast(s_setitimer)).with_doc(
        "setitimer($module, which, seconds, interval=0.0, /)\n--\n\nSets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF).\n\nThe timer will fire after value seconds and after that every interval seconds.\nThe itimer can be cleared by setting seconds to zero.\n\nReturns old values as a tuple: (delay, interval).",
    ),
    MethodDef::new("getitimer", Meth::O(s_getitimer)).with_doc(
        "getitimer($module, which, /)\n--\n\nReturns current value of given itimer.",
    ),
];

const PRELUDE: &str = r#"
class itimer_error(OSError):
    pass
itimer_error.__module__ = 'signal'
ItimerError = itimer_error
del itimer_error
"#;

/// Creates the `_signal` module (its first import, at start-up for the
/// command line): records the dispositions in force and puts the
/// `KeyboardInterrupt` handler on `SIGINT` if it had the default one.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_signal")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    let d = crate::modules::binascii::exec_prelude(&m, "_signal", PRELUDE)?;
    let dd = d
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("_signal: no module dict"))?;
    dd.set_str(
        "__doc__",
        PyStr::new("This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.")?,
    )?;
    let int = |v: i64| PyInt::new(v);
    for (name, v) in [
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("NSIG", NSIG as i64),
        ("SIG_BLOCK", libc::SIG_BLOCK as i64),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64),
        ("SIG_SETMASK", libc::SIG_SETMASK as i64),
        ("ITIMER_REAL", libc::ITIMER_REAL as i64),
        ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64),
        ("ITIMER_PROF", libc::ITIMER_PROF as i64),
        ("SIGHUP", libc::SIGHUP as i64),
        ("SIGINT", libc::SIGINT as i64),
        ("SIGQUIT", libc::SIGQUIT as i64),
        ("SIGILL", libc::SIGILL as i64),
        ("SIGTRAP", libc::SIGTRAP as i64),
        ("SIGIOT", libc::SIGIOT as i64),
        ("SIGABRT", libc::SIGABRT as i64),
        ("SIGFPE", libc::SIGFPE as i64),
        ("SIGKILL", libc::SIGKILL as i64),
        ("SIGBUS", libc::SIGBUS as i64),
        ("SIGSEGV", libc::SIGSEGV as i64),
        ("SIGSYS", libc::SIGSYS as i64),
        ("SIGPIPE", libc::SIGPIPE as i64),
        ("SIGALRM", libc::SIGALRM as i64),
        ("SIGTERM", libc::SIGTERM as i64),
        ("SIGUSR1", libc::SIGUSR1 as i64),
        ("SIGUSR2", libc::SIGUSR2 as i64),
        ("SIGCLD", libc::SIGCHLD as i64),
        ("SIGCHLD", libc::SIGCHLD as i64),
        ("SIGPWR", libc::SIGPWR as i64),
        ("SIGIO", libc::SIGIO as i64),
        ("SIGURG", libc::SIGURG as i64),
        ("SIGWINCH", libc::SIGWINCH as i64),
        ("SIGPOLL", libc::SIGPOLL as i64),
        ("SIGSTOP", libc::SIGSTOP as i64),
        ("SIGTSTP", libc::SIGTSTP as i64),
        ("SIGCONT", libc::SIGCONT as i64),
        ("SIGTTIN", libc::SIGTTIN as i64),
        ("SIGTTOU", libc::SIGTTOU as i64),
        ("SIGVTALRM", libc::SIGVTALRM as i64),
        ("SIGPROF", libc::SIGPROF as i64),
        ("SIGXCPU", libc::SIGXCPU as i64),
        ("SIGXFSZ", libc::SIGXFSZ as i64),
        ("SIGSTKFLT", libc::SIGSTKFLT as i64),
        ("SIGRTMIN", libc::SIGRTMIN() as i64),
        ("SIGRTMAX", libc::SIGRTMAX() as i64),
    ] {
        dd.set_str(name, int(v)?)?;
    }
    MAIN_IDENT.store(crate::modules::_thread::get_ident(), Ordering::Relaxed);
    // `signal_get_set_handlers`: what is in force, as Python sees it.
    let dfl = int(0)?;
    let ign = int(1)?;
    for sig in 1..NSIG {
        let v = match getsig(sig as i32) {
            Some(h) if h == libc::SIG_DFL => Some(dfl.clone()),
            Some(h) if h == libc::SIG_IGN => Some(ign.clone()),
            _ => None,
        };
        handlers()[sig] = v;
    }
    let sigint = libc::SIGINT as usize;
    if handlers()[sigint]
        .as_ref()
        .is_some_and(|h| is_exact_int(h, 0))
    {
        if let Some(f) = dd.get_str("default_int_handler")? {
            setsig(libc::SIGINT, c_handler_addr())
                .map_err(|code| crate::modules::posix::os_error(code, None, None))?;
            handlers()[sigint] = Some(f);
        }
    }
    Ok(m)
}
