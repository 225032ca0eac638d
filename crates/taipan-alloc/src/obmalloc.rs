//! The allocator value, [`Obmalloc`], and its public calls: `malloc`,
//! `calloc`, `realloc`, `free`, the byte budget, and the fast paths.
//!
//! Follows `pymalloc_alloc`, `pymalloc_free`, `pymalloc_realloc`,
//! `_PyObject_Malloc`/`_PyObject_Calloc`/`_PyObject_Realloc`/`_PyObject_Free`
//! and the `usedpools` table of CPython's `Objects/obmalloc.c`.
//!
//! Unlike CPython, the state is a value, not process-wide statics: the VM
//! keeps one per interpreter, each with its own budget, and reaches it under
//! the GIL, so the calls take `&mut self` and use no atomics or locks.
//!
//! The fast paths, both `#[inline]`:
//! * `malloc`: `idx = (n - 1) >> 3`; one unsigned compare decides "small"
//!   (zero wraps around and is "large"); pop the head of the first used
//!   pool's free list. Only when the list runs dry is `pool_extend` called,
//!   and only when there is no used pool is `allocate_from_new_pool`.
//! * `free`: three loads in the arena map say "ours" or "large"; push the
//!   block on its pool's free list. Only a pool that was full (relink) or
//!   becomes empty (`insert_to_freepool`) leaves the fast path.

use core::ptr;

use crate::arena::{ArenaObject, NONE};
use crate::arena_map::ArenaMap;
use crate::arena_source::{ArenaSource, DefaultArenaSource};
use crate::debug;
use crate::large::LargeBlocks;
use crate::pool::{pool_addr, pool_extend, push_used, PoolHeader};
use crate::size_class::{index_to_size, size_to_index, MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES};

/// One small-object allocator: arenas, pools, blocks, large blocks and
/// their statistics. Not `Send`/`Sync`: it holds raw pointers into its
/// arenas and is meant to be used by one thread at a time (the GIL holder).
pub struct Obmalloc<S: ArenaSource = DefaultArenaSource> {
    /// Per size class, the first pool with at least one free block
    /// (CPython: `usedpools`), or null.
    pub(crate) usedpools: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
    /// Which addresses are ours.
    pub(crate) arena_map: ArenaMap,
    /// All arena objects, associated or not (CPython: `arenas`).
    pub(crate) arenas: Vec<ArenaObject>,
    /// Singly linked list of arena objects without an arena.
    pub(crate) unused_arena_objects: u32,
    /// Head of the doubly linked list of arenas with a free pool, sorted by
    /// `nfreepools` ascending (CPython: `usable_arenas`).
    pub(crate) usable_arenas: u32,
    /// `nfp2lasta[n]`: last arena on `usable_arenas` with `n` free pools.
    pub(crate) nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    pub(crate) source: S,
    /// How many wholly empty arenas to keep mapped instead of returning
    /// them to the OS at once (1 by default, as CPython 3.9+ keeps one,
    /// bpo-37257). See docs/internals/allocator.md for the measurements.
    pub(crate) max_spare_arenas: usize,
    /// Mapped arenas with every pool free (spares, or fresh ones not yet
    /// used).
    pub(crate) nspare_arenas: usize,
    /// Arenas ever mapped (CPython: `ntimes_arena_allocated`).
    pub(crate) ntimes_arena_allocated: usize,
    /// Arenas mapped now (CPython: `narenas_currently_allocated`).
    pub(crate) narenas_currently_allocated: usize,
    /// Most arenas mapped at once (CPython: `narenas_highwater`).
    pub(crate) narenas_highwater: usize,
    /// Blocks passed to the system allocator.
    pub(crate) large: LargeBlocks,
    /// Bytes held from the system: mapped arenas plus large blocks'
    /// requested sizes. This is what the budget caps.
    pub(crate) footprint: usize,
    /// The budget for `footprint`, if any.
    pub(crate) limit: Option<usize>,
    /// Live large blocks, to catch bad frees of them in debug mode.
    #[cfg(feature = "debug-alloc")]
    pub(crate) live_large: std::collections::HashSet<usize>,
}

impl Obmalloc<DefaultArenaSource> {
    /// An empty allocator taking arenas from the OS (`mmap`; the heap under
    /// Miri), with no budget. Maps nothing until the first small request.
    pub fn new() -> Self {
        Self::with_source(DefaultArenaSource::default())
    }
}

impl Default for Obmalloc<DefaultArenaSource> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: ArenaSource> Obmalloc<S> {
    /// An empty allocator taking arenas from `source`.
    pub fn with_source(source: S) -> Self {
        Obmalloc {
            usedpools: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
            arena_map: ArenaMap::new(),
            arenas: Vec::new(),
            unused_arena_objects: NONE,
            usable_arenas: NONE,
            nfp2lasta: [NONE; MAX_POOLS_IN_ARENA + 1],
            source,
            max_spare_arenas: 1,
            nspare_arenas: 0,
            ntimes_arena_allocated: 0,
            narenas_currently_allocated: 0,
            narenas_highwater: 0,
            large: LargeBlocks::new(),
            footprint: 0,
            limit: None,
            #[cfg(feature = "debug-alloc")]
            live_large: std::collections::HashSet::new(),
        }
    }

    /// Set (or with `None` lift) the byte budget: the allocator will not
    /// hold more than `limit` bytes of arenas plus large blocks. Requests
    /// that would pass it return null. Lowering it below what is held
    /// frees nothing; it only makes later requests fail.
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.limit = limit;
    }

    /// The current byte budget.
    pub fn limit(&self) -> Option<usize> {
        self.limit
    }

    /// Bytes held from the system now: arenas (256 KiB each) plus the
    /// requested sizes of large blocks. The budget caps this number.
    pub fn footprint(&self) -> usize {
        self.footprint
    }

    /// Keep up to `n` wholly empty arenas mapped instead of returning them
    /// to the OS at once (default 1). CPython 3.9+ keeps one (bpo-37257) so
    /// that a loop allocating and freeing at an arena boundary does not map
    /// and unmap on every turn, and waves of a thousand or so short-lived
    /// objects reuse warm memory instead of fresh pages from the kernel
    /// (docs/internals/allocator.md has the measurements). An arena that
    /// empties while fewer than `n` empty ones are mapped is kept, and spares
    /// are reused before any new arena is mapped. `0` returns every empty
    /// arena at once, so that "all freed" means "no arena mapped";
    /// `usize::MAX` never unmaps one. Lowering it frees nothing already
    /// kept; the spares go back as soon as they would be reused and emptied
    /// again.
    pub fn set_max_spare_arenas(&mut self, n: usize) {
        self.max_spare_arenas = n;
    }

    #[inline]
    pub(crate) fn budget_allows(&self, extra: usize) -> bool {
        match self.limit {
            None => true,
            Some(l) => self.footprint.checked_add(extra).is_some_and(|t| t <= l),
        }
    }

    /// Allocate `nbytes` bytes, aligned to 8 (16 for large blocks). Returns
    /// null if the budget or the OS refuses. Requests of 1..=512 bytes come
    /// from pools; 0 and over 512 from the system allocator.
    #[inline]
    pub fn malloc(&mut self, nbytes: usize) -> *mut u8 {
        let idx = size_to_index(nbytes);
        if idx < NB_SMALL_SIZE_CLASSES {
            let pool = self.usedpools[idx];
            if !pool.is_null() {
                // SAFETY: a pool on usedpools is a live pool header whose `freeblock` is a free block of its pool (pool.rs invariants); its first word is the next free block.
                unsafe {
                    (*pool).ref_count += 1;
                    let bp = (*pool).freeblock;
                    let next = *bp.cast::<*mut u8>();
                    (*pool).freeblock = next;
                    if next.is_null() {
                        pool_extend(pool, idx, &mut self.usedpools[idx]);
                    }
                    debug::on_alloc(bp, index_to_size(idx));
                    return bp;
                }
            }
            return self.allocate_from_new_pool(idx);
        }
        self.large_malloc(nbytes, false)
    }

    #[cold]
    #[inline(never)]
    fn large_malloc(&mut self, nbytes: usize, zeroed: bool) -> *mut u8 {
        if !self.budget_allows(nbytes) {
            return ptr::null_mut();
        }
        let p = self.large.alloc(nbytes, zeroed);
        if !p.is_null() {
            self.footprint += nbytes;
            #[cfg(feature = "debug-alloc")]
            {
                self.live_large.insert(p.addr());
                if !zeroed {
                    // SAFETY: `p` is a fresh block of `nbytes` bytes.
                    unsafe { ptr::write_bytes(p, debug::CLEANBYTE, nbytes) };
                }
            }
        }
        p
    }

    /// Allocate `nelem * elsize` zeroed bytes; null on overflow or refusal.
    pub fn calloc(&mut self, nelem: usize, elsize: usize) -> *mut u8 {
        let Some(nbytes) = nelem.checked_mul(elsize) else {
            return ptr::null_mut();
        };
        if size_to_index(nbytes) < NB_SMALL_SIZE_CLASSES {
            let p = self.malloc(nbytes);
            if !p.is_null() {
                // SAFETY: `p` is a fresh block of at least `nbytes` bytes.
                unsafe { ptr::write_bytes(p, 0, nbytes) };
            }
            return p;
        }
        self.large_malloc(nbytes, true)
    }

    /// Free a block from `malloc`, `calloc` or `realloc` on this allocator.
    /// Null is ignored.
    ///
    /// # Safety
    /// `p` must be null or a live block of this allocator. Freeing a block
    /// twice, or a pointer it never gave out, corrupts the allocator; with
    /// the `debug-alloc` feature it panics with a message instead.
    #[inline]
    pub unsafe fn free(&mut self, p: *mut u8) {
        if p.is_null() {
            return;
        }
        let arena = self.arena_map.lookup(p.addr());
        if arena != 0 {
            // SAFETY: `p` lies in one of our arenas and (caller's contract) is a live block.
            unsafe {
                #[cfg(feature = "debug-alloc")]
                self.check_pool_block("free", p, arena - 1);
                self.free_pool_block(p);
            }
        } else {
            // SAFETY: not in an arena, so by the caller's contract it is a live large block of ours.
            unsafe { self.large_free(p) };
        }
    }

    /// Free a block known to be a pool block: one that `malloc` or `calloc`
    /// returned for a request of 1 to 512 bytes (`SMALL_REQUEST_THRESHOLD`).
    /// The same as [`free`](Self::free) without the arena-map lookup that
    /// tells pool blocks from large ones: callers that free objects of a
    /// fixed small size know the answer already.
    ///
    /// # Safety
    /// `p` must be a live pool block of this allocator (a `realloc`ed block
    /// only if its size stayed in 1..=512 from a pool block). With the
    /// `debug-alloc` feature a pointer outside the arenas panics.
    #[inline]
    pub unsafe fn free_small(&mut self, p: *mut u8) {
        #[cfg(feature = "debug-alloc")]
        {
            let arena = self.arena_map.lookup(p.addr());
            if arena == 0 {
                debug::bad_pointer("free_small", p, "not a pool block of this allocator");
            }
            // SAFETY: `p` is in arena `arena - 1`.
            unsafe { self.check_pool_block("free_small", p, arena - 1) };
        }
        // SAFETY: the caller's contract.
        unsafe { self.free_pool_block(p) }
    }

    /// Push the pool block `p` back on its pool's free list.
    ///
    /// # Safety
    /// `p` must be a live pool block of this allocator.
    #[inline(always)]
    unsafe fn free_pool_block(&mut self, p: *mut u8) {
        // SAFETY: `p` is a live pool block (caller's contract), so its pool header is live and the block is on no free list.
        unsafe {
            let pool = pool_addr(p);
            debug::on_free(p, index_to_size((*pool).szidx as usize));
            let lastfree = (*pool).freeblock;
            *p.cast::<*mut u8>() = lastfree;
            (*pool).freeblock = p;
            (*pool).ref_count -= 1;
            if lastfree.is_null() {
                // It was full: back on its used list, at the front.
                push_used(pool, &mut self.usedpools[(*pool).szidx as usize]);
                return;
            }
            if (*pool).ref_count != 0 {
                return;
            }
            self.insert_to_freepool(pool);
        }
    }

    /// # Safety
    /// `p` must be a live large block of this allocator.
    #[cold]
    #[inline(never)]
    unsafe fn large_free(&mut self, p: *mut u8) {
        #[cfg(feature = "debug-alloc")]
        {
            if !self.live_large.remove(&p.addr()) {
                debug::bad_pointer(
                    "free",
                    p,
                    "not a live block of this allocator (freed twice, or never allocated here)",
                );
            }
        }
        // SAFETY: the caller guarantees `p` is a live large block.
        unsafe {
            let n = self.large.size_of(p);
            debug::on_free(p, n);
            self.large.free(p);
            self.footprint -= n;
        }
    }

    /// Resize the block `p` to `nbytes`, moving it if needed (null `p`:
    /// `malloc`). Returns null and leaves `p` untouched on refusal.
    /// A pool block that shrinks by at most a quarter stays where it is, as
    /// in CPython; a large block stays large.
    ///
    /// # Safety
    /// `p` must be null or a live block of this allocator.
    pub unsafe fn realloc(&mut self, p: *mut u8, nbytes: usize) -> *mut u8 {
        if p.is_null() {
            return self.malloc(nbytes);
        }
        let arena = self.arena_map.lookup(p.addr());
        if arena != 0 {
            #[cfg(feature = "debug-alloc")]
            // SAFETY: `p` is in arena `arena - 1`; the check reads only our own pool headers and free lists.
            unsafe {
                self.check_pool_block("realloc", p, arena - 1)
            };
            // SAFETY: `p` is a live pool block, so its header is live.
            let mut size = unsafe { index_to_size((*pool_addr(p)).szidx as usize) };
            if nbytes <= size {
                if 4 * nbytes > 3 * size {
                    return p;
                }
                size = nbytes;
            }
            let bp = self.malloc(nbytes);
            if !bp.is_null() {
                // SAFETY: both blocks are live, distinct and at least `size` bytes; then the old block is freed exactly once.
                unsafe {
                    ptr::copy_nonoverlapping(p, bp, size);
                    self.free(p);
                }
            }
            return bp;
        }
        #[cfg(feature = "debug-alloc")]
        {
            if !self.live_large.contains(&p.addr()) {
                debug::bad_pointer(
                    "realloc",
                    p,
                    "not a live block of this allocator (freed, or never allocated here)",
                );
            }
        }
        // SAFETY: not in an arena, so (caller's contract) a live large block.
        let old = unsafe { self.large.size_of(p) };
        if nbytes > old && !self.budget_allows(nbytes - old) {
            return ptr::null_mut();
        }
        // SAFETY: as above.
        let np = unsafe { self.large.realloc(p, nbytes) };
        if !np.is_null() {
            self.footprint = self.footprint - old + nbytes;
            #[cfg(feature = "debug-alloc")]
            {
                self.live_large.remove(&p.addr());
                self.live_large.insert(np.addr());
            }
        }
        np
    }

    /// Usable size of the live block `p`: the size class for pool blocks,
    /// the requested size for large ones.
    ///
    /// # Safety
    /// `p` must be a live block of this allocator.
    pub unsafe fn usable_size(&self, p: *mut u8) -> usize {
        if self.arena_map.lookup(p.addr()) != 0 {
            // SAFETY: a live pool block's pool header is live.
            unsafe { index_to_size((*pool_addr(p)).szidx as usize) }
        } else {
            // SAFETY: a live large block has a header.
            unsafe { self.large.size_of(p) }
        }
    }

    /// True if `p` lies in one of this allocator's arenas (a pool block).
    pub fn is_pool_block(&self, p: *const u8) -> bool {
        self.arena_map.lookup(p.addr()) != 0
    }

    /// Debug mode: check that `p` is a block this allocator handed out and
    /// has not freed, in arena `ai`; panic with a clear message if not.
    ///
    /// # Safety
    /// `ai` must be the arena the map gives for `p`.
    #[cfg(feature = "debug-alloc")]
    unsafe fn check_pool_block(&self, what: &str, p: *mut u8, ai: u32) {
        use crate::pool::POOL_OVERHEAD;
        use crate::size_class::POOL_SIZE_MASK;
        let ao = &self.arenas[ai as usize];
        let pool = pool_addr(p);
        if pool.addr() >= ao.pool_address.addr() {
            debug::bad_pointer(
                what,
                p,
                "points into a pool never used: not a block this allocator gave out",
            );
        }
        // SAFETY: pools below pool_address have been initialised, and every pointer followed is a free-list link inside this pool.
        unsafe {
            let szidx = (*pool).szidx as usize;
            if (*pool).ref_count == 0 || szidx >= NB_SMALL_SIZE_CLASSES {
                debug::bad_pointer(
                    what,
                    p,
                    "its pool is empty: block already freed (double free?)",
                );
            }
            let size = index_to_size(szidx);
            let off = p.addr() & POOL_SIZE_MASK;
            if off < POOL_OVERHEAD
                || (off - POOL_OVERHEAD) % size != 0
                || off >= (*pool).nextoffset as usize
            {
                debug::bad_pointer(what, p, "not the start of a block this allocator gave out");
            }
            let mut f = (*pool).freeblock;
            while !f.is_null() {
                if f == p {
                    debug::bad_pointer(what, p, "block is already free (double free)");
                }
                f = *f.cast::<*mut u8>();
            }
        }
    }
}

impl<S: ArenaSource> Drop for Obmalloc<S> {
    /// Unmap every arena and free every large block, live or not.
    fn drop(&mut self) {
        self.large.free_all();
        self.release_all_arenas();
    }
}
