//! The global interpreter lock and the cells it guards (CPython's `Python/ceval_gil.c`).
//!
//! Reference counts are plain integers and every object is mutated through
//! plain cells: what makes that sound is that only the thread holding the GIL
//! touches Python objects. [`GilCell`] is the one place that states it: a cell
//! for process-wide runtime state (the allocator, the interned strings, the
//! static type objects' dictionaries) that is `Sync` because the GIL is held
//! whenever it is read or written.
//!
//! Today Taipan runs Python on one thread at a time; the lock itself (and the
//! eval breaker that hands it over every 5 ms) arrives with `_thread`.

use std::cell::UnsafeCell;

/// Process-wide state guarded by the GIL.
pub struct GilCell<T>(UnsafeCell<T>);

// SAFETY: every access happens with the GIL held, so no two threads touch the
// value at the same time (see the module comment).
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(value: T) -> Self {
        GilCell(UnsafeCell::new(value))
    }

    /// A pointer to the value; dereferencing it requires the GIL and no other
    /// live reference into the value.
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut T {
        self.0.get()
    }

    /// Shared access.
    ///
    /// # Safety
    /// The GIL is held and no `&mut` to the value is alive.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn get_mut(&self) -> &mut T {
        // SAFETY: the caller holds the GIL and no other reference is alive.
        unsafe { &mut *self.0.get() }
    }
}

// ---------------------------------------------------------------------------
// The lock.

use std::sync::{Condvar, Mutex};

struct Lock {
    held: Mutex<bool>,
    cv: Condvar,
}

static LOCK: Lock = Lock {
    held: Mutex::new(false),
    cv: Condvar::new(),
};

/// Releases the GIL when the thread that holds it ends.
struct Holder;

impl Drop for Holder {
    fn drop(&mut self) {
        release();
    }
}

thread_local! {
    static HOLDER: std::cell::RefCell<Option<Holder>> = const { std::cell::RefCell::new(None) };
    static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Does this thread hold the GIL?
#[inline(always)]
pub fn is_held() -> bool {
    HELD.with(|h| h.get())
}

/// Takes the GIL for this thread (blocking until it is free) unless the
/// thread already holds it. It is held until [`release_for_thread`] or the
/// thread's end. Every entry into the runtime (`interp::initialize`) calls
/// this, so threads (and Rust test threads) never touch objects at once.
#[inline(always)]
pub fn ensure_held() {
    if !is_held() {
        acquire_slow();
    }
}

#[cold]
fn acquire_slow() {
    let mut held = LOCK.held.lock().unwrap_or_else(|e| e.into_inner());
    while *held {
        held = LOCK.cv.wait(held).unwrap_or_else(|e| e.into_inner());
    }
    *held = true;
    drop(held);
    // During the thread's teardown the holder can no longer be registered;
    // the lock then stays taken (nothing should touch objects so late).
    let _ = HOLDER.try_with(|h| *h.borrow_mut() = Some(Holder));
    let _ = HELD.try_with(|h| h.set(true));
}

fn release() {
    let _ = HELD.try_with(|h| h.set(false));
    let mut held = LOCK.held.lock().unwrap_or_else(|e| e.into_inner());
    *held = false;
    drop(held);
    LOCK.cv.notify_one();
}

/// Gives up the GIL held by this thread (before a blocking call, or when
/// the thread is done with the runtime).
pub fn release_for_thread() {
    HOLDER.with(|h| drop(h.borrow_mut().take()));
}
