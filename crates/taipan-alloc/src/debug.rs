//! The `debug-alloc` mode: CPython's byte patterns on fresh and freed
//! blocks, and the checks that catch writes after free, double frees and
//! frees of pointers the allocator never gave out.
//!
//! Follows the `PYMEM_CLEANBYTE` / `PYMEM_DEADBYTE` part of CPython's
//! `Objects/obmalloc.c` (the debug hooks of `PYTHONMALLOC=debug`), but
//! without CPython's per-block pad bytes: free blocks are recognised by
//! walking their pool's free list, so the block layout is the same with and
//! without the feature.
//!
//! Without the feature every function here is an empty `#[inline(always)]`
//! stub that the optimiser removes.

/// Byte written over a block when it is handed out (CPython:
/// `PYMEM_CLEANBYTE`), so reads of uninitialised memory are recognisable.
pub const CLEANBYTE: u8 = 0xCD;
/// Byte written over a block when it is freed (CPython: `PYMEM_DEADBYTE`),
/// and checked when the block is handed out again.
pub const DEADBYTE: u8 = 0xDD;

/// Whether the crate was built with the `debug-alloc` feature.
pub const ENABLED: bool = cfg!(feature = "debug-alloc");

const WORD: usize = core::mem::size_of::<*mut u8>();

/// Mark a block that goes onto a free list without ever having been used.
///
/// # Safety
/// `b` must be a writable block of `size` bytes.
#[inline(always)]
pub(crate) unsafe fn fill_fresh_free(b: *mut u8, size: usize) {
    if ENABLED {
        // SAFETY: the caller guarantees the block is writable.
        unsafe { core::ptr::write_bytes(b, DEADBYTE, size) };
    }
}

/// A free block of `size` bytes is being handed out: check that nothing
/// wrote to it while it was free (all bytes after the free-list link must
/// still be `DEADBYTE`), then fill it with `CLEANBYTE`.
///
/// # Safety
/// `b` must be a block of `size` bytes just taken off a free list.
#[inline(always)]
pub(crate) unsafe fn on_alloc(b: *mut u8, size: usize) {
    if ENABLED {
        // SAFETY: the block is ours and `size` bytes long.
        unsafe {
            for i in WORD..size {
                let v = *b.add(i);
                if v != DEADBYTE {
                    panic!(
                        "taipan-alloc: use after free: block {b:p} ({size}-byte class) \
                         was written at offset {i} (byte 0x{v:02x}, expected 0x{DEADBYTE:02x}) \
                         while it was free"
                    );
                }
            }
            core::ptr::write_bytes(b, CLEANBYTE, size);
        }
    }
}

/// A block of `size` bytes is being freed: fill it with `DEADBYTE`.
///
/// # Safety
/// `b` must be a writable block of `size` bytes.
#[inline(always)]
pub(crate) unsafe fn on_free(b: *mut u8, size: usize) {
    if ENABLED {
        // SAFETY: the caller guarantees the block is writable.
        unsafe { core::ptr::write_bytes(b, DEADBYTE, size) };
    }
}

/// Report a bad free or realloc and stop, as CPython's `Py_FatalError` does
/// in its debug hooks.
#[cfg(feature = "debug-alloc")]
#[cold]
#[inline(never)]
pub(crate) fn bad_pointer(what: &str, p: *mut u8, why: &str) -> ! {
    panic!("taipan-alloc: {what}({p:p}): {why}");
}
