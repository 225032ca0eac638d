//! The recursion limit (CPython's `Py_EnterRecursiveCall` and
//! `sys.setrecursionlimit`), and the native-stack guard behind it.
//!
//! Every native re-entry (a call, a repr, a comparison) counts one level.
//! Past `sys.getrecursionlimit()` the call raises `RecursionError`. Whatever
//! the limit, the Rust stack cannot overflow: when fewer than `RED_ZONE`
//! bytes remain, the next level runs on a fresh stack segment from
//! `stacker`, up to a hard cap on the total, past which `MemoryError`-free
//! `RecursionError` is raised anyway.

use std::cell::Cell;

use crate::object::{PyErr, PyResult};

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static LIMIT: Cell<u32> = const { Cell::new(1000) };
}

/// `sys.getrecursionlimit()`.
pub fn limit() -> u32 {
    LIMIT.get()
}

/// `sys.setrecursionlimit(n)`.
pub fn set_limit(n: u32) {
    LIMIT.set(n)
}

/// The current depth.
pub fn depth() -> u32 {
    DEPTH.get()
}

/// One level of native recursion; dropping it leaves the level.
pub struct Guard(());

impl Drop for Guard {
    #[inline(always)]
    fn drop(&mut self) {
        DEPTH.set(DEPTH.get() - 1);
    }
}

/// `Py_EnterRecursiveCall(where_)`.
#[inline(always)]
pub fn enter_call(where_: &str) -> PyResult<Guard> {
    let n = DEPTH.get() + 1;
    DEPTH.set(n);
    let over = n > LIMIT.get();
    // Whatever the limit, the native stack must not run out: a native
    // re-entry with less than the red zone left raises RecursionError (as
    // CPython 3.12's C-stack check does) instead of overflowing.
    let low = matches!(stacker::remaining_stack(), Some(rem) if rem < RED_ZONE / 2);
    if over || low {
        DEPTH.set(DEPTH.get() - 1);
        return Err(PyErr::recursion_error(format!(
            "maximum recursion depth exceeded{where_}"
        )));
    }
    Ok(Guard(()))
}

/// One level for a Python-to-Python call the loop runs without
/// re-entering Rust (so without using native stack): the limit only.
#[inline(always)]
pub fn enter_frame() -> PyResult<Guard> {
    let n = DEPTH.get() + 1;
    DEPTH.set(n);
    let over = n > LIMIT.get();
    if over {
        DEPTH.set(DEPTH.get() - 1);
        return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
    }
    Ok(Guard(()))
}

/// Bytes of Rust stack that must remain before a native level continues on
/// the current segment.
pub const RED_ZONE: usize = 256 * 1024;
/// Size of each new stack segment.
pub const SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `f` on the current stack or, if it is nearly used up, on a new
/// segment.
#[inline(always)]
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}
