//! Geometry of the allocator: block alignment, size classes, pool and arena
//! sizes, and the request-size -> size-class mapping.
//!
//! Follows the constants block at the top of CPython's `Objects/obmalloc.c`
//! (`ALIGNMENT`, `SMALL_REQUEST_THRESHOLD`, `INDEX2SIZE`, `POOL_SIZE`,
//! `ARENA_SIZE`), with the 8-byte steps of the lecture notes instead of
//! CPython 3.11's 16-byte steps on 64-bit.
//!
//! Why 8 and not 16: a block must be aligned for the most demanding type that
//! will live in it. Taipan's objects are built from pointers, `usize`/`isize`,
//! `u64` and `f64`, whose alignment is 8 on every 64-bit target we build for.
//! CPython went to 16 (bpo-27987) because C compilers may emit SSE
//! instructions that require 16-byte alignment for `long double` and for
//! structs declared with `alignas(16)`; Rust only requires 16 for types that
//! say so (`u128`/`i128` since Rust 1.77, SIMD vectors), and the VM puts none
//! of those in small blocks. With 8-byte steps a 44-byte request takes a
//! 48-byte block (4 bytes lost) where 16-byte steps would also give 48, but a
//! 24-, 40- or 56-byte object (a float, a small tuple) wastes 8 bytes less.
//! Callers that need 16-byte alignment must ask for it elsewhere
//! ([`MAX_ALIGN`] documents the promise).

/// Every block the pools hand out is aligned to this many bytes
/// (CPython: `ALIGNMENT`). Large blocks from the system allocator are
/// aligned to at least 16.
pub const ALIGNMENT: usize = 8;
/// log2 of [`ALIGNMENT`] (CPython: `ALIGNMENT_SHIFT`).
pub const ALIGNMENT_SHIFT: u32 = 3;
/// The alignment a caller may rely on for any pointer from this allocator.
pub const MAX_ALIGN: usize = ALIGNMENT;

/// Requests of 1..=this many bytes are served from pools; bigger ones and
/// zero-byte ones go to the system allocator (CPython:
/// `SMALL_REQUEST_THRESHOLD`).
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes: 8, 16, ..., 512 (CPython: `NB_SMALL_SIZE_CLASSES`).
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

/// A pool is one 4 KiB page (CPython: `POOL_SIZE`, `POOL_BITS` = 12).
pub const POOL_BITS: u32 = 12;
pub const POOL_SIZE: usize = 1 << POOL_BITS;
pub const POOL_SIZE_MASK: usize = POOL_SIZE - 1;

/// An arena is 256 KiB obtained from the OS in one piece (CPython:
/// `ARENA_SIZE`, `ARENA_BITS` = 18). Our arenas are also aligned to their
/// size, so `ptr & !ARENA_SIZE_MASK` is the arena base and no pool is lost to
/// alignment.
pub const ARENA_BITS: u32 = 18;
pub const ARENA_SIZE: usize = 1 << ARENA_BITS;
pub const ARENA_SIZE_MASK: usize = ARENA_SIZE - 1;
/// Pools per arena: an aligned arena has no partial pool at either end.
pub const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;

/// Size-class index of a request of `nbytes` (1..=512): `(nbytes - 1) >> 3`.
///
/// Written with a wrapping subtraction so that the caller can test "small?"
/// with one unsigned compare: 0 wraps to `usize::MAX >> 3`, which is out of
/// range like any request over 512.
#[inline(always)]
pub const fn size_to_index(nbytes: usize) -> usize {
    nbytes.wrapping_sub(1) >> ALIGNMENT_SHIFT
}

/// Block size of size class `idx` (CPython: `INDEX2SIZE`).
#[inline(always)]
pub const fn index_to_size(idx: usize) -> usize {
    (idx + 1) << ALIGNMENT_SHIFT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_classes_step_by_eight() {
        assert_eq!(index_to_size(size_to_index(1)), 8);
        assert_eq!(index_to_size(size_to_index(8)), 8);
        assert_eq!(index_to_size(size_to_index(9)), 16);
        assert_eq!(index_to_size(size_to_index(44)), 48);
        assert_eq!(index_to_size(size_to_index(512)), 512);
        assert_eq!(size_to_index(512), NB_SMALL_SIZE_CLASSES - 1);
        assert!(size_to_index(513) >= NB_SMALL_SIZE_CLASSES);
        assert!(size_to_index(0) >= NB_SMALL_SIZE_CLASSES);
    }
}
