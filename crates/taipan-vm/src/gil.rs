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
