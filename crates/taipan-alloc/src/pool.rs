//! The pool: one 4 KiB page holding blocks of a single size class, its
//! header (`pool_header`), its free-block list (`freeblock`) and the lazy
//! carving of never-used blocks (`nextoffset` / `maxnextoffset`).
//!
//! Follows the "pool_header" and "Pool table" parts of CPython's
//! `Objects/obmalloc.c` and its `pymalloc_pool_extend`.
//!
//! ```text
//!  pool (4096 bytes, 4096-aligned)
//!  +-------------+-------+-------+-------+-------+-- - - --+----------+
//!  | pool_header | block | block | block | block |         | leftover |
//!  |  (48 bytes) |  used | free  |  used | free  |uncarved | (quant.) |
//!  +-------------+-------+---|---+-------+---^---+-- - - --+----------+
//!                            |               |     ^
//!  freeblock ----------------+--- next ------+     nextoffset
//! ```
//!
//! Invariants (what each guards):
//! * `ref_count` is the exact number of blocks handed out and not freed, so
//!   `ref_count == 0` means the pool is empty and can change size class, and
//!   the statistics need no per-block walk.
//! * A pool is on `usedpools[szidx]` iff `0 < ref_count < capacity`, i.e.
//!   iff it has a free block; so the allocation fast path never finds a full
//!   pool at the head of a list.
//! * While a pool is on a used list, `freeblock` is non-null: either a
//!   freed block or the next carved one. Never-carved blocks all lie at or
//!   after `nextoffset`, and `nextoffset <= maxnextoffset` means one more
//!   block fits, so no block ever straddles the pool's end.
//! * The first word of every free block is the next free block (or null);
//!   no other per-block header exists.

use core::ptr;

use crate::size_class::{index_to_size, ALIGNMENT, POOL_SIZE, POOL_SIZE_MASK};

/// Header at the start of every pool (CPython: `struct pool_header`).
#[repr(C)]
pub(crate) struct PoolHeader {
    /// Number of allocated blocks (CPython: `ref.count`).
    pub ref_count: u32,
    /// Size-class index of the blocks, [`DUMMY_SIZE_IDX`] for a fresh pool.
    pub szidx: u32,
    /// Head of the singly linked list of free blocks.
    pub freeblock: *mut u8,
    /// Next pool on `usedpools[szidx]`, or on the arena's `freepools`.
    pub nextpool: *mut PoolHeader,
    /// Previous pool on `usedpools[szidx]` (unused on `freepools`).
    pub prevpool: *mut PoolHeader,
    /// Index of the owning arena in `Obmalloc::arenas`.
    pub arenaindex: u32,
    /// Offset of the next never-carved block.
    pub nextoffset: u32,
    /// Largest offset at which a whole block still fits.
    pub maxnextoffset: u32,
}

/// Bytes at the start of each pool taken by the header, rounded up to the
/// block alignment (CPython: `POOL_OVERHEAD`).
pub const POOL_OVERHEAD: usize =
    (core::mem::size_of::<PoolHeader>() + ALIGNMENT - 1) & !(ALIGNMENT - 1);

/// `szidx` of a pool that has never held blocks (CPython: `DUMMY_SIZE_IDX`).
pub(crate) const DUMMY_SIZE_IDX: u32 = 0xffff;

/// Number of blocks of class `idx` in one pool (CPython: `NUMBLOCKS`).
#[inline]
pub const fn blocks_per_pool(idx: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / index_to_size(idx)
}

/// The pool holding the block at `p` (CPython: `POOL_ADDR`). Keeps `p`'s
/// provenance, which covers the whole arena.
#[inline(always)]
pub(crate) fn pool_addr(p: *mut u8) -> *mut PoolHeader {
    p.map_addr(|a| a & !POOL_SIZE_MASK).cast()
}

/// Make `pool` a pool of class `idx` holding one handed-out block (the
/// first), with the second carved onto the free list. Returns the first.
///
/// # Safety
/// `pool` must point to a writable, pool-aligned `POOL_SIZE` region inside
/// a live arena, with its `arenaindex` already set.
pub(crate) unsafe fn init_pool(pool: *mut PoolHeader, idx: usize) -> *mut u8 {
    let size = index_to_size(idx);
    // SAFETY: the caller guarantees `pool` is a writable pool.
    unsafe {
        (*pool).szidx = idx as u32;
        (*pool).ref_count = 1;
        let base = pool.cast::<u8>();
        let bp = base.add(POOL_OVERHEAD);
        crate::debug::fill_fresh_free(bp, size);
        (*pool).nextoffset = (POOL_OVERHEAD + 2 * size) as u32;
        (*pool).maxnextoffset = (POOL_SIZE - size) as u32;
        let next = bp.add(size);
        crate::debug::fill_fresh_free(next, size);
        next.cast::<*mut u8>().write(ptr::null_mut());
        (*pool).freeblock = next;
        bp
    }
}

/// Called when the pool's free list ran dry: carve one more never-used block
/// onto it if one fits, else the pool is full and is unlinked from its used
/// list (`usedpools[idx]`, whose head is `*head`). CPython:
/// `pymalloc_pool_extend`.
///
/// # Safety
/// `pool` must be a live pool of class `idx` on the list headed by `*head`,
/// with `freeblock == null`.
#[inline(never)]
pub(crate) unsafe fn pool_extend(pool: *mut PoolHeader, idx: usize, head: &mut *mut PoolHeader) {
    // SAFETY: the caller guarantees `pool` is a live pool header on `head`'s list, and carving stays inside the pool because `nextoffset <= maxnextoffset = POOL_SIZE - size`.
    unsafe {
        let p = &mut *pool;
        if p.nextoffset <= p.maxnextoffset {
            let size = index_to_size(idx);
            let b = pool.cast::<u8>().add(p.nextoffset as usize);
            p.nextoffset += size as u32;
            crate::debug::fill_fresh_free(b, size);
            b.cast::<*mut u8>().write(ptr::null_mut());
            p.freeblock = b;
            return;
        }
        // Full: unlink.
        unlink_used(pool, head);
    }
}

/// Remove `pool` from the doubly linked used list headed by `*head`.
///
/// # Safety
/// `pool` must be on that list.
#[inline]
pub(crate) unsafe fn unlink_used(pool: *mut PoolHeader, head: &mut *mut PoolHeader) {
    // SAFETY: list members are live pool headers (caller's guarantee).
    unsafe {
        let next = (*pool).nextpool;
        let prev = (*pool).prevpool;
        if prev.is_null() {
            *head = next;
        } else {
            (*prev).nextpool = next;
        }
        if !next.is_null() {
            (*next).prevpool = prev;
        }
    }
}

/// Put `pool` at the front of the used list headed by `*head`.
///
/// # Safety
/// `pool` must be a live pool header not on any list.
#[inline]
pub(crate) unsafe fn push_used(pool: *mut PoolHeader, head: &mut *mut PoolHeader) {
    // SAFETY: `pool` and the list members are live pool headers.
    unsafe {
        let next = *head;
        (*pool).nextpool = next;
        (*pool).prevpool = ptr::null_mut();
        if !next.is_null() {
            (*next).prevpool = pool;
        }
        *head = pool;
    }
}
