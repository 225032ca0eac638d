//! Arenas: the `arena_object` table, the `usable_arenas` list kept sorted by
//! number of free pools (most full first), taking a fresh pool for a size
//! class, and giving pools and wholly empty arenas back.
//!
//! Follows `struct arena_object`, `new_arena`, `allocate_from_new_pool` and
//! `insert_to_freepool` in CPython's `Objects/obmalloc.c`, including the
//! `nfp2lasta` table that keeps re-sorting O(1).
//!
//! Invariants (what each guards):
//! * `usable_arenas` holds exactly the arenas with `0 < nfreepools`, sorted
//!   by `nfreepools` ascending. New pools come from its head, the most full
//!   arena, so the emptiest arenas drain and can be returned to the OS.
//! * `nfp2lasta[n]` is the last arena on `usable_arenas` with `n` free pools
//!   (NONE if there is none), so an arena whose count grows by one moves
//!   right in one step instead of a walk.
//! * An arena with every pool free is unmapped at once, unless fewer than
//!   `max_spare_arenas` empty arenas are mapped (1 by default, as CPython
//!   3.11 keeps one; see `Obmalloc::set_max_spare_arenas`): then it stays
//!   as a spare, at the tail of `usable_arenas`, and is reused before a new
//!   arena is mapped. So `arenas allocated current` falls back, to one
//!   spare, when a program's objects die. `nspare_arenas` counts the mapped
//!   arenas with every pool free.
//! * `nfreepools` counts pools on `freepools` plus never-carved pools at or
//!   after `pool_address`.

use core::ptr::{self, NonNull};

use crate::arena_source::ArenaSource;
use crate::obmalloc::Obmalloc;
use crate::pool::{init_pool, pool_addr, push_used, unlink_used, PoolHeader, DUMMY_SIZE_IDX};
use crate::size_class::{ARENA_SIZE, MAX_POOLS_IN_ARENA, POOL_SIZE};

/// "No arena" in the index-linked arena lists.
pub(crate) const NONE: u32 = u32::MAX;

/// One arena's bookkeeping (CPython: `struct arena_object`). Lives in
/// `Obmalloc::arenas`; links are indices into that table because it may
/// grow (and move) when arenas are added.
pub(crate) struct ArenaObject {
    /// Base of the arena, or null if this slot holds no arena.
    pub address: *mut u8,
    /// Next never-carved pool.
    pub pool_address: *mut u8,
    /// Free pools: on `freepools` plus never carved.
    pub nfreepools: u32,
    /// Pools in the arena (always `MAX_POOLS_IN_ARENA`: arenas are aligned).
    pub ntotalpools: u32,
    /// Singly linked list of empty pools, through `nextpool`.
    pub freepools: *mut PoolHeader,
    /// Next arena on `usable_arenas`, or on `unused_arena_objects`.
    pub nextarena: u32,
    /// Previous arena on `usable_arenas`.
    pub prevarena: u32,
}

impl ArenaObject {
    const fn unassociated(next: u32) -> Self {
        ArenaObject {
            address: ptr::null_mut(),
            pool_address: ptr::null_mut(),
            nfreepools: 0,
            ntotalpools: 0,
            freepools: ptr::null_mut(),
            nextarena: next,
            prevarena: NONE,
        }
    }
}

impl<S: ArenaSource> Obmalloc<S> {
    /// Map a new arena and return its index, or NONE if the budget or the
    /// OS says no (CPython: `new_arena`).
    fn new_arena(&mut self) -> u32 {
        if !self.budget_allows(ARENA_SIZE) {
            return NONE;
        }
        if self.unused_arena_objects == NONE {
            if self.arenas.len() >= NONE as usize - 1 || self.arenas.try_reserve(1).is_err() {
                return NONE;
            }
            self.arenas.push(ArenaObject::unassociated(NONE));
            self.unused_arena_objects = (self.arenas.len() - 1) as u32;
        }
        let Some(base) = self.source.alloc_arena() else {
            return NONE;
        };
        let idx = self.unused_arena_objects;
        if !self.arena_map.set(base.as_ptr().addr(), Some(idx)) {
            // SAFETY: `base` came from this source just now and is unused.
            unsafe { self.source.free_arena(base) };
            return NONE;
        }
        let ao = &mut self.arenas[idx as usize];
        self.unused_arena_objects = ao.nextarena;
        ao.address = base.as_ptr();
        ao.pool_address = base.as_ptr();
        ao.nfreepools = MAX_POOLS_IN_ARENA as u32;
        ao.ntotalpools = MAX_POOLS_IN_ARENA as u32;
        ao.freepools = ptr::null_mut();
        ao.nextarena = NONE;
        ao.prevarena = NONE;
        self.ntimes_arena_allocated += 1;
        self.narenas_currently_allocated += 1;
        self.footprint += ARENA_SIZE;
        self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);
        self.nspare_arenas += 1;
        idx
    }

    /// No used pool of class `idx` has a free block: take an empty pool from
    /// the most full usable arena (mapping a new arena if none is usable),
    /// make it a pool of class `idx` and return its first block; null if no
    /// memory can be had (CPython: `allocate_from_new_pool`).
    #[cold]
    #[inline(never)]
    pub(crate) fn allocate_from_new_pool(&mut self, idx: usize) -> *mut u8 {
        if self.usable_arenas == NONE {
            let a = self.new_arena();
            if a == NONE {
                return ptr::null_mut();
            }
            self.usable_arenas = a;
            let nf = self.arenas[a as usize].nfreepools as usize;
            debug_assert_eq!(self.nfp2lasta[nf], NONE);
            self.nfp2lasta[nf] = a;
        }
        let ua = self.usable_arenas;
        let nf = self.arenas[ua as usize].nfreepools as usize;
        debug_assert!(nf > 0);
        // The head has the fewest free pools, so after taking one it is
        // still first and the only arena with nf - 1.
        if self.nfp2lasta[nf] == ua {
            self.nfp2lasta[nf] = NONE;
        }
        if nf > 1 {
            debug_assert_eq!(self.nfp2lasta[nf - 1], NONE);
            self.nfp2lasta[nf - 1] = ua;
        }
        let ao = &mut self.arenas[ua as usize];
        if ao.nfreepools == ao.ntotalpools {
            // A fresh arena or a spare is wholly empty until now.
            self.nspare_arenas -= 1;
        }
        let pool: *mut PoolHeader;
        if !ao.freepools.is_null() {
            pool = ao.freepools;
            // SAFETY: pools on `freepools` are live pool headers in this arena.
            ao.freepools = unsafe { (*pool).nextpool };
        } else {
            pool = ao.pool_address.cast();
            // SAFETY: nfreepools > 0 and no pool is on `freepools`, so an uncarved pool remains: pool_address + POOL_SIZE <= arena end.
            unsafe {
                (*pool).arenaindex = ua;
                (*pool).szidx = DUMMY_SIZE_IDX;
                ao.pool_address = ao.pool_address.add(POOL_SIZE);
            }
        }
        ao.nfreepools -= 1;
        if ao.nfreepools == 0 {
            // Wholly allocated: unlink from usable_arenas.
            let next = ao.nextarena;
            self.usable_arenas = next;
            if next != NONE {
                self.arenas[next as usize].prevarena = NONE;
            }
        }

        // SAFETY: `pool` is an empty pool of a live arena, on no list.
        unsafe {
            push_used(pool, &mut self.usedpools[idx]);
            if (*pool).szidx == idx as u32 {
                // It last held blocks of this class: its free list is intact.
                (*pool).ref_count = 1;
                let bp = (*pool).freeblock;
                (*pool).freeblock = *bp.cast::<*mut u8>();
                if (*pool).freeblock.is_null() {
                    crate::pool::pool_extend(pool, idx, &mut self.usedpools[idx]);
                }
                crate::debug::on_alloc(bp, crate::size_class::index_to_size(idx));
                return bp;
            }
            let bp = init_pool(pool, idx);
            crate::debug::on_alloc(bp, crate::size_class::index_to_size(idx));
            bp
        }
    }

    /// `pool` just became empty: move it from its used list to its arena's
    /// free pools, re-sort `usable_arenas`, and unmap the arena if it is now
    /// wholly empty (CPython: `insert_to_freepool`).
    ///
    /// # Safety
    /// `pool` must be a live pool with `ref_count == 0` on
    /// `usedpools[szidx]`.
    #[cold]
    #[inline(never)]
    pub(crate) unsafe fn insert_to_freepool(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the caller guarantees `pool` is live and on its used list.
        let ai = unsafe {
            unlink_used(pool, &mut self.usedpools[(*pool).szidx as usize]);
            (*pool).arenaindex
        };
        let ao = &mut self.arenas[ai as usize];
        // SAFETY: `pool` is a live pool header; `freepools` is singly linked.
        unsafe { (*pool).nextpool = ao.freepools };
        ao.freepools = pool;
        let old_nf = ao.nfreepools as usize;
        let prev = ao.prevarena;
        let lastnf = self.nfp2lasta[old_nf];
        if lastnf == ai {
            self.nfp2lasta[old_nf] =
                if prev != NONE && self.arenas[prev as usize].nfreepools as usize == old_nf {
                    prev
                } else {
                    NONE
                };
        }
        let ao = &mut self.arenas[ai as usize];
        ao.nfreepools += 1;
        let nf = ao.nfreepools as usize;

        // Case 1: wholly empty. Give it back to the OS unless there is room
        // for another spare (one by default); a spare stays on
        // usable_arenas, where sorting puts it at the tail.
        if nf == ao.ntotalpools as usize {
            if self.nspare_arenas >= self.max_spare_arenas {
                self.unlink_usable(ai);
                self.release_arena(ai);
                return;
            }
            self.nspare_arenas += 1;
        }
        // Case 2: it was full, so it is not on usable_arenas; it has the
        // fewest free pools of all (one), so it goes first.
        if nf == 1 {
            let head = self.usable_arenas;
            let ao = &mut self.arenas[ai as usize];
            ao.nextarena = head;
            ao.prevarena = NONE;
            if head != NONE {
                self.arenas[head as usize].prevarena = ai;
            }
            self.usable_arenas = ai;
            if self.nfp2lasta[1] == NONE {
                self.nfp2lasta[1] = ai;
            }
            return;
        }
        if self.nfp2lasta[nf] == NONE {
            self.nfp2lasta[nf] = ai;
        }
        // Case 4: it was the last with the old count, so the next arena has
        // at least nf free pools and the order holds.
        if lastnf == ai {
            return;
        }
        // Case 3: slide it right to just after `lastnf`, the last arena
        // with the old count.
        self.unlink_usable(ai);
        let after = self.arenas[lastnf as usize].nextarena;
        {
            let ao = &mut self.arenas[ai as usize];
            ao.prevarena = lastnf;
            ao.nextarena = after;
        }
        if after != NONE {
            self.arenas[after as usize].prevarena = ai;
        }
        self.arenas[lastnf as usize].nextarena = ai;
    }

    /// Remove arena `ai` from `usable_arenas`.
    fn unlink_usable(&mut self, ai: u32) {
        let (prev, next) = {
            let ao = &self.arenas[ai as usize];
            (ao.prevarena, ao.nextarena)
        };
        if prev == NONE {
            self.usable_arenas = next;
        } else {
            self.arenas[prev as usize].nextarena = next;
        }
        if next != NONE {
            self.arenas[next as usize].prevarena = prev;
        }
    }

    /// Give arena `ai` back to its source and recycle its arena object.
    fn release_arena(&mut self, ai: u32) {
        let ao = &mut self.arenas[ai as usize];
        let base = ao.address;
        ao.address = ptr::null_mut();
        ao.pool_address = ptr::null_mut();
        ao.freepools = ptr::null_mut();
        ao.nfreepools = 0;
        ao.prevarena = NONE;
        ao.nextarena = self.unused_arena_objects;
        self.unused_arena_objects = ai;
        self.arena_map.set(base.addr(), None);
        // SAFETY: `base` is a live arena of this source, and no block in it is live (every pool is free), so nothing uses it afterwards.
        unsafe { self.source.free_arena(NonNull::new_unchecked(base)) };
        self.narenas_currently_allocated -= 1;
        self.footprint -= ARENA_SIZE;
    }

    /// Unmap every arena (used when the allocator is dropped).
    pub(crate) fn release_all_arenas(&mut self) {
        for ai in 0..self.arenas.len() {
            if !self.arenas[ai].address.is_null() {
                self.release_arena(ai as u32);
            }
        }
        self.usable_arenas = NONE;
        self.nspare_arenas = 0;
        self.usedpools = [ptr::null_mut(); crate::size_class::NB_SMALL_SIZE_CLASSES];
        self.nfp2lasta = [NONE; MAX_POOLS_IN_ARENA + 1];
    }

    /// Check the structural invariants (usable_arenas order, nfp2lasta,
    /// nfreepools, used-pool lists) and panic if one is broken. Costs a walk
    /// of every arena; for tests.
    pub fn check_invariants(&self) {
        for (idx, &head) in self.usedpools.iter().enumerate() {
            let mut p = head;
            let mut prev = ptr::null_mut();
            while !p.is_null() {
                // SAFETY: used lists hold live pool headers.
                let ph = unsafe { &*p };
                assert_eq!(ph.szidx as usize, idx, "pool on the wrong used list");
                assert_eq!(ph.prevpool, prev, "broken prevpool link");
                assert!(ph.ref_count > 0, "empty pool on a used list");
                assert!(
                    (ph.ref_count as usize) < crate::pool::blocks_per_pool(idx),
                    "full pool on a used list"
                );
                assert!(!ph.freeblock.is_null(), "used pool without a free block");
                prev = p;
                p = ph.nextpool;
            }
        }
        let mut a = self.usable_arenas;
        let mut prev = NONE;
        let mut last_nf = 0;
        while a != NONE {
            let ao = &self.arenas[a as usize];
            assert!(!ao.address.is_null(), "usable arena without memory");
            assert_eq!(ao.prevarena, prev, "broken prevarena link");
            let nf = ao.nfreepools as usize;
            assert!(
                nf > 0 && nf >= last_nf,
                "usable_arenas not sorted by nfreepools"
            );
            let next = ao.nextarena;
            if next == NONE || self.arenas[next as usize].nfreepools as usize != nf {
                assert_eq!(
                    self.nfp2lasta[nf], a,
                    "nfp2lasta[{nf}] is not the last such arena"
                );
            }
            last_nf = nf;
            prev = a;
            a = next;
        }
        let empty = self
            .arenas
            .iter()
            .filter(|ao| !ao.address.is_null() && ao.nfreepools == ao.ntotalpools);
        assert_eq!(
            empty.count(),
            self.nspare_arenas,
            "nspare_arenas out of step"
        );
        // Check pools of each arena agree with nfreepools.
        for ao in self.arenas.iter().filter(|ao| !ao.address.is_null()) {
            let mut free = 0usize;
            let mut p = ao.freepools;
            while !p.is_null() {
                free += 1;
                // SAFETY: freepools holds live pool headers of this arena.
                p = unsafe { (*p).nextpool };
            }
            let uncarved = (ao.address.addr() + ARENA_SIZE - ao.pool_address.addr()) / POOL_SIZE;
            assert_eq!(
                free + uncarved,
                ao.nfreepools as usize,
                "nfreepools out of step"
            );
            assert_eq!(pool_addr(ao.address).cast::<u8>(), ao.address);
        }
    }
}
