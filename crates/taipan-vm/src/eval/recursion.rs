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
    LIMIT.with(Cell::get)
}

/// `sys.setrecursionlimit(n)`.
pub fn set_limit(n: u32) {
    LIMIT.with(|l| l.set(n))
}

/// The current depth.
pub fn depth() -> u32 {
    DEPTH.with(Cell::get)
}

/// One level of native recursion; dropping it leaves the level.
pub struct Guard(());

impl Drop for Guard {
    #[inline(always)]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// `Py_EnterRecursiveCall(where_)`.
#[inline(always)]
pub fn enter_call(where_: &str) -> PyResult<Guard> {
    let n = DEPTH.with(|d| {
        let n = d.get() + 1;
        d.set(n);
        n
    });
    let over = n > LIMIT.with(Cell::get);
    // Whatever the limit, the native stack must not run out: a native
    // re-entry with less than the red zone left raises RecursionError (as
    // CPython 3.12's C-stack check does) instead of overflowing.
    let low = matches!(remaining_stack(), Some(rem) if rem < RED_ZONE / 2);
    if over || low {
        DEPTH.with(|d| d.set(d.get() - 1));
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
    let n = DEPTH.with(|d| {
        let n = d.get() + 1;
        d.set(n);
        n
    });
    let over = n > LIMIT.with(Cell::get);
    if over {
        DEPTH.with(|d| d.set(d.get() - 1));
        return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
    }
    Ok(Guard(()))
}

/// Bytes of Rust stack that must remain before a native level continues on
/// the current segment.
pub const RED_ZONE: usize = 256 * 1024;
/// Size of each new stack segment.
pub const SEGMENT: usize = 4 * 1024 * 1024;

thread_local! {
    /// The lowest address of the stack segment this thread runs on (0: not
    /// known yet), so that the stack left is one subtraction instead of a
    /// call into `stacker` (which reads its own thread-local and the stack
    /// pointer). Set again on each segment [`with_stack`] switches to.
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// An address in the current native stack frame.
#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Bytes of native stack left on the current segment, if known.
#[inline(always)]
pub fn remaining_stack() -> Option<usize> {
    let floor = STACK_FLOOR.with(Cell::get);
    let sp = stack_address();
    if floor != 0 {
        return Some(sp.saturating_sub(floor));
    }
    find_floor(sp)
}

#[cold]
#[inline(never)]
fn find_floor(sp: usize) -> Option<usize> {
    let rem = stacker::remaining_stack()?;
    STACK_FLOOR.with(|f| f.set(sp.saturating_sub(rem)));
    Some(rem)
}

/// Runs `f` on the current stack or, if it is nearly used up, on a new
/// segment.
#[inline(always)]
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    match remaining_stack() {
        Some(rem) if rem >= RED_ZONE => f(),
        _ => grow(f),
    }
}

/// Restores the floor of the segment a grown call returns to.
struct FloorRestore(usize);

impl Drop for FloorRestore {
    fn drop(&mut self) {
        STACK_FLOOR.with(|f| f.set(self.0));
    }
}

#[inline(never)]
fn grow<R>(f: impl FnOnce() -> R) -> R {
    let _restore = FloorRestore(STACK_FLOOR.with(Cell::get));
    stacker::maybe_grow(RED_ZONE, SEGMENT, || {
        // Perhaps a new segment: its floor is found on first need.
        STACK_FLOOR.with(|f| f.set(0));
        f()
    })
}
