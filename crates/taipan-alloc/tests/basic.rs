//! Unit tests of the allocator's behaviour through its public API: size
//! classes, pools, arenas draining (with no spare, with the default one
//! spare, with more), realloc/calloc, the budget, the OS refusing memory,
//! and the `sys._debugmallocstats()` text.

use std::cell::Cell;
use std::ptr::NonNull;
use std::rc::Rc;

use taipan_alloc::size_class::{ARENA_SIZE, POOL_SIZE};
use taipan_alloc::{blocks_per_pool, ArenaSource, HeapArenaSource, Obmalloc, POOL_OVERHEAD};

#[test]
fn blocks_are_sized_and_aligned_by_class() {
    let mut a = Obmalloc::new();
    for n in 1..=512usize {
        let p = a.malloc(n);
        assert!(!p.is_null());
        assert_eq!(p.addr() % 8, 0, "block for {n} bytes not 8-aligned");
        assert!(a.is_pool_block(p));
        // SAFETY: `p` is live.
        assert_eq!(unsafe { a.usable_size(p) }, n.div_ceil(8) * 8);
        // SAFETY: `p` is live and at least n bytes.
        unsafe {
            core::ptr::write_bytes(p, 0xAB, n);
            a.free(p);
        }
    }
    assert_eq!(a.allocated_blocks(), 0);
    let s = a.stats();
    assert_eq!(
        (s.arenas_current, s.arenas_allocated_total),
        (1, 1),
        "default: the emptied arena stays as the one spare and every round reuses it"
    );
}

#[test]
fn a_44_byte_request_gets_a_48_byte_block() {
    let mut a = Obmalloc::new();
    let p = a.malloc(44);
    // SAFETY: `p` is live.
    assert_eq!(unsafe { a.usable_size(p) }, 48);
    let s = a.stats();
    assert_eq!(s.classes[5].size, 48);
    assert_eq!(s.classes[5].blocks_in_use, 1);
    assert_eq!(s.pool_bytes_in_use, 48);
    // SAFETY: `p` is live.
    unsafe { a.free(p) };
}

#[test]
fn zero_and_large_requests_go_to_the_system() {
    let mut a = Obmalloc::new();
    let z = a.malloc(0);
    let big = a.malloc(513);
    assert!(!z.is_null() && !big.is_null());
    assert!(!a.is_pool_block(z) && !a.is_pool_block(big));
    assert_eq!(a.stats().arenas_current, 0, "no arena for large requests");
    let s = a.stats();
    assert_eq!(
        (s.large_blocks, s.large_bytes, s.allocated_blocks),
        (2, 513, 2)
    );
    // SAFETY: both are live.
    unsafe {
        a.free(z);
        a.free(big);
    }
    assert_eq!(a.allocated_blocks(), 0);
    assert_eq!(a.footprint(), 0);
}

#[test]
fn blocks_are_reused_lifo_within_a_pool() {
    let mut a = Obmalloc::new();
    let p = a.malloc(32);
    let q = a.malloc(32);
    assert_eq!(
        q.addr() - p.addr(),
        32,
        "lazy carving hands out consecutive blocks"
    );
    assert_eq!(p.addr() % POOL_SIZE, POOL_OVERHEAD);
    // SAFETY: `q` is live.
    unsafe { a.free(q) };
    assert_eq!(a.malloc(32), q, "the last freed block comes back first");
    // SAFETY: both live.
    unsafe {
        a.free(p);
        a.free(q);
    }
}

#[test]
fn a_full_pool_leaves_the_used_list_and_returns_when_a_block_is_freed() {
    let mut a = Obmalloc::new();
    let n = blocks_per_pool(63); // 512-byte class: 7 blocks
    assert_eq!(n, (POOL_SIZE - POOL_OVERHEAD) / 512);
    let ps: Vec<_> = (0..n).map(|_| a.malloc(512)).collect();
    a.check_invariants();
    let s = a.stats();
    assert_eq!(
        (s.classes[63].num_pools, s.classes[63].avail_blocks),
        (1, 0)
    );
    // Next one needs a second pool.
    let extra = a.malloc(512);
    assert_ne!(
        extra.addr() & !(POOL_SIZE - 1),
        ps[0].addr() & !(POOL_SIZE - 1)
    );
    assert_eq!(a.stats().classes[63].num_pools, 2);
    // SAFETY: live.
    unsafe { a.free(ps[3]) };
    a.check_invariants();
    // The freed pool is at the front again and hands ps[3] back.
    assert_eq!(a.malloc(512), ps[3]);
    for p in ps.into_iter().chain([extra]) {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
    a.check_invariants();
    let s = a.stats();
    assert_eq!(a.allocated_blocks(), 0);
    assert_eq!(
        (s.arenas_current, s.free_pools),
        (1, ARENA_SIZE / POOL_SIZE),
        "all freed: only the default spare arena is left, wholly free"
    );
}

#[test]
fn empty_pool_changes_size_class() {
    let mut a = Obmalloc::new();
    let keep = a.malloc(8); // keeps the arena alive
    let p = a.malloc(64);
    let pool = p.addr() & !(POOL_SIZE - 1);
    // SAFETY: live.
    unsafe { a.free(p) };
    let s = a.stats();
    assert_eq!(
        s.classes[7].num_pools, 0,
        "empty pool no longer counted for its class"
    );
    let q = a.malloc(200);
    assert_eq!(
        q.addr() & !(POOL_SIZE - 1),
        pool,
        "the empty pool is reused for another class"
    );
    // SAFETY: live.
    unsafe {
        a.free(q);
        a.free(keep);
    }
}

#[test]
fn arenas_fill_most_full_first_and_drain_back_to_the_os() {
    // The raw mechanism: with no spare, every arena goes back as soon as it
    // is wholly empty.
    let mut a = Obmalloc::new();
    a.set_max_spare_arenas(0);
    // Three arenas' worth of 512-byte blocks, pool by pool.
    let per_arena = (ARENA_SIZE / POOL_SIZE) * blocks_per_pool(63);
    let ps: Vec<_> = (0..3 * per_arena).map(|_| a.malloc(512)).collect();
    let s = a.stats();
    assert_eq!(
        (s.arenas_current, s.arenas_allocated_total, s.free_pools),
        (3, 3, 0)
    );
    a.check_invariants();
    // Free most of arena 0 and a little of arena 1; new pools must come
    // from arena 1 (most full), not 0.
    let arena_of = |p: *mut u8| p.addr() & !(ARENA_SIZE - 1);
    let a0 = arena_of(ps[0]);
    let a1 = arena_of(ps[per_arena]);
    for &p in &ps[..per_arena - 1] {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
    for &p in &ps[per_arena..per_arena + 2 * blocks_per_pool(63)] {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
    a.check_invariants();
    let q = a.malloc(16);
    assert_eq!(arena_of(q), a1, "new pool taken from the most full arena");
    assert_ne!(arena_of(q), a0);
    // SAFETY: live.
    unsafe { a.free(q) };
    // Freeing the last block of arena 0 unmaps it at once.
    // SAFETY: live.
    unsafe { a.free(ps[per_arena - 1]) };
    let s = a.stats();
    assert_eq!((s.arenas_current, s.arenas_reclaimed), (2, 1));
    for &p in &ps[per_arena + 2 * blocks_per_pool(63)..] {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
    a.check_invariants();
    let s = a.stats();
    assert_eq!(
        (s.arenas_current, s.arenas_reclaimed, s.arenas_highwater),
        (0, 3, 3)
    );
    assert_eq!(a.allocated_blocks(), 0);
}

/// Arena maps and unmaps seen by a [`CountingSource`]; shared, since the
/// allocator owns its source.
#[derive(Clone, Default)]
struct ArenaCounts {
    maps: Rc<Cell<usize>>,
    unmaps: Rc<Cell<usize>>,
}

impl ArenaCounts {
    fn get(&self) -> (usize, usize) {
        (self.maps.get(), self.unmaps.get())
    }
}

/// The default source (`mmap`; the heap under Miri), counting its calls.
struct CountingSource {
    inner: taipan_alloc::DefaultArenaSource,
    counts: ArenaCounts,
}

// SAFETY: every region comes from, and goes back to, the inner source
// unchanged; the counting has no effect on them.
unsafe impl ArenaSource for CountingSource {
    fn alloc_arena(&mut self) -> Option<NonNull<u8>> {
        let r = self.inner.alloc_arena();
        if r.is_some() {
            self.counts.maps.set(self.counts.maps.get() + 1);
        }
        r
    }

    unsafe fn free_arena(&mut self, arena: NonNull<u8>) {
        self.counts.unmaps.set(self.counts.unmaps.get() + 1);
        // SAFETY: the caller's contract is the inner source's.
        unsafe { self.inner.free_arena(arena) };
    }
}

#[test]
fn default_keeps_exactly_one_empty_arena_and_reuses_it() {
    let counts = ArenaCounts::default();
    let mut a = Obmalloc::with_source(CountingSource {
        inner: Default::default(),
        counts: counts.clone(),
    });
    let per_arena = (ARENA_SIZE / POOL_SIZE) * blocks_per_pool(63);
    let ps: Vec<_> = (0..3 * per_arena).map(|_| a.malloc(512)).collect();
    assert!(ps.iter().all(|p| !p.is_null()));
    assert_eq!(counts.get(), (3, 0));
    let arena_of = |p: *mut u8| p.addr() & !(ARENA_SIZE - 1);
    let arenas = [0, 1, 2].map(|i| arena_of(ps[i * per_arena]));
    assert!(arenas[0] != arenas[1] && arenas[1] != arenas[2] && arenas[0] != arenas[2]);
    let free_all = |a: &mut Obmalloc<CountingSource>, ps: &[*mut u8]| {
        for &p in ps {
            // SAFETY: live, each once.
            unsafe { a.free(p) };
        }
    };

    // The first arena to empty (here the middle one) stays mapped as the
    // spare.
    free_all(&mut a, &ps[per_arena..2 * per_arena]);
    a.check_invariants();
    let s = a.stats();
    assert_eq!(counts.get(), (3, 0), "the first empty arena is kept");
    assert_eq!(
        (s.arenas_current, s.arenas_reclaimed, s.free_pools),
        (3, 0, ARENA_SIZE / POOL_SIZE)
    );

    // The next one goes back to the OS on its very last free, not later.
    free_all(&mut a, &ps[..per_arena - 1]);
    assert_eq!(counts.get(), (3, 0), "arena 0 still holds a block");
    free_all(&mut a, &ps[per_arena - 1..per_arena]);
    assert_eq!(
        counts.get(),
        (3, 1),
        "a second empty arena is unmapped at once"
    );
    let s = a.stats();
    assert_eq!((s.arenas_current, s.arenas_reclaimed), (2, 1));
    a.check_invariants();

    // And so does the last one: everything freed leaves exactly one arena.
    free_all(&mut a, &ps[2 * per_arena..]);
    a.check_invariants();
    assert_eq!(counts.get(), (3, 2));
    let s = a.stats();
    assert_eq!(a.allocated_blocks(), 0);
    assert_eq!(
        (
            s.arenas_current,
            s.arenas_reclaimed,
            s.arenas_allocated_total,
            s.free_pools
        ),
        (1, 2, 3, ARENA_SIZE / POOL_SIZE),
        "exactly one empty arena stays mapped"
    );
    assert_eq!(a.footprint(), ARENA_SIZE);

    // The next allocation comes from the spare, with no new mapping, and so
    // does a loop that allocates and frees at the arena boundary.
    let q = a.malloc(48);
    assert!(!q.is_null());
    assert_eq!(arena_of(q), arenas[1], "served from the spare arena");
    assert_eq!(counts.get(), (3, 2), "no new mmap");
    assert_eq!(a.stats().arenas_allocated_total, 3);
    // SAFETY: live.
    unsafe { a.free(q) };
    for _ in 0..100 {
        let p = a.malloc(8);
        assert_eq!(arena_of(p), arenas[1]);
        // SAFETY: live.
        unsafe { a.free(p) };
    }
    assert_eq!(counts.get(), (3, 2), "no map/unmap per turn");
    a.check_invariants();
    drop(a);
    assert_eq!(
        counts.get(),
        (3, 3),
        "dropping the allocator unmaps the spare"
    );
}

#[test]
fn spare_arenas_are_kept_up_to_the_limit_and_reused() {
    let mut a = Obmalloc::new();
    a.set_max_spare_arenas(0);
    for _ in 0..3 {
        let p = a.malloc(100);
        // SAFETY: live.
        unsafe { a.free(p) };
    }
    let s = a.stats();
    assert_eq!(
        (s.arenas_current, s.arenas_allocated_total),
        (0, 3),
        "no spare: mapped and unmapped on every turn"
    );

    let mut a = Obmalloc::new(); // the default: one spare
    for _ in 0..3 {
        let p = a.malloc(100);
        // SAFETY: live.
        unsafe { a.free(p) };
        a.check_invariants();
    }
    let s = a.stats();
    assert_eq!(
        (s.arenas_current, s.arenas_allocated_total),
        (1, 1),
        "the spare is reused"
    );

    // Three arenas' worth, all freed: two spares kept, one unmapped.
    a.set_max_spare_arenas(2);
    let per_arena = (ARENA_SIZE / POOL_SIZE) * blocks_per_pool(63);
    let ps: Vec<_> = (0..3 * per_arena).map(|_| a.malloc(512)).collect();
    for p in ps {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
    a.check_invariants();
    let s = a.stats();
    assert_eq!((s.arenas_current, s.arenas_allocated_total), (2, 3));
    let ps: Vec<_> = (0..2 * per_arena).map(|_| a.malloc(512)).collect();
    assert_eq!(
        a.stats().arenas_allocated_total,
        3,
        "spares reused before new arenas"
    );
    a.check_invariants();
    for p in ps {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
    a.check_invariants();
}

#[test]
fn calloc_zeroes_and_checks_overflow() {
    let mut a = Obmalloc::new();
    let keep = a.malloc(64); // keeps the pool (and arena) alive
    let p = a.malloc(64);
    // SAFETY: live, 64 bytes.
    unsafe {
        core::ptr::write_bytes(p, 0xFF, 64);
        a.free(p);
    }
    let q = a.calloc(8, 8);
    assert_eq!(q, p, "reuses the dirty block");
    // SAFETY: 64 live bytes.
    assert!(unsafe { core::slice::from_raw_parts(q, 64) }
        .iter()
        .all(|&b| b == 0));
    let big = a.calloc(100, 10);
    // SAFETY: 1000 live bytes.
    assert!(unsafe { core::slice::from_raw_parts(big, 1000) }
        .iter()
        .all(|&b| b == 0));
    assert!(a.calloc(usize::MAX, 2).is_null());
    // SAFETY: live.
    unsafe {
        a.free(q);
        a.free(big);
        a.free(keep);
    }
}

#[test]
fn realloc_keeps_contents_and_follows_cpython_rules() {
    let mut a = Obmalloc::new();
    // SAFETY: every pointer used below is live when used.
    unsafe {
        let p = a.realloc(core::ptr::null_mut(), 40);
        for i in 0..40 {
            *p.add(i) = i as u8;
        }
        assert_eq!(a.realloc(p, 35), p, "shrinking by at most a quarter stays");
        assert_eq!(a.realloc(p, 40), p);
        let q = a.realloc(p, 16);
        assert_ne!(q, p, "shrinking by more than a quarter moves");
        assert!((0..16).all(|i| *q.add(i) == i as u8));
        let r = a.realloc(q, 2000);
        assert!(!a.is_pool_block(r));
        assert!((0..16).all(|i| *r.add(i) == i as u8));
        let r2 = a.realloc(r, 5000);
        assert!((0..16).all(|i| *r2.add(i) == i as u8));
        assert_eq!(a.stats().large_bytes, 5000);
        let r3 = a.realloc(r2, 100);
        assert!(
            !a.is_pool_block(r3),
            "a large block stays large, as in CPython"
        );
        assert_eq!(a.stats().large_bytes, 100);
        a.free(r3);
    }
    assert_eq!(a.allocated_blocks(), 0);
    let s = a.stats();
    assert_eq!((s.large_blocks, s.large_bytes), (0, 0));
    assert_eq!(s.arenas_current, 1, "the default spare arena");
    assert_eq!(
        a.footprint(),
        ARENA_SIZE,
        "only the spare arena is held: no large-block bytes left"
    );
}

#[test]
fn the_budget_fails_cleanly_and_recovers() {
    let mut a = Obmalloc::new();
    a.set_limit(Some(ARENA_SIZE + 10_000));
    let big = a.malloc(10_000);
    assert!(!big.is_null());
    assert!(a.malloc(1).is_null() || a.stats().arenas_current == 1);
    // One arena fits; fill it and the next small request fails.
    let mut ps = Vec::new();
    loop {
        let p = a.malloc(256);
        if p.is_null() {
            break;
        }
        ps.push(p);
    }
    assert_eq!(a.stats().arenas_current, 1);
    assert!(a.footprint() <= ARENA_SIZE + 10_000);
    assert!(a.malloc(600).is_null(), "large request over budget fails");
    // SAFETY: live.
    unsafe {
        assert!(
            a.realloc(big, 20_000).is_null(),
            "growing past the budget fails"
        );
        assert_eq!(a.usable_size(big), 10_000, "and leaves the block alone");
        a.free(big);
    }
    assert!(!a.malloc(600).is_null(), "room again after a free");
    a.set_limit(None);
    assert!(
        !a.malloc(256).is_null(),
        "lifting the limit lets small requests through"
    );
    // Drop frees everything left.
    drop(ps);
}

#[test]
fn os_refusal_is_a_clean_failure() {
    let mut a = Obmalloc::with_source(HeapArenaSource {
        refuse_after: Some(1),
    });
    let per_arena = (ARENA_SIZE / POOL_SIZE) * blocks_per_pool(63);
    let ps: Vec<_> = (0..per_arena).map(|_| a.malloc(512)).collect();
    assert!(ps.iter().all(|p| !p.is_null()));
    assert!(
        a.malloc(512).is_null(),
        "second arena refused: null, no panic"
    );
    assert!(a.malloc(8).is_null());
    a.check_invariants();
    // SAFETY: live.
    unsafe { a.free(ps[0]) };
    assert!(!a.malloc(512).is_null(), "a freed block is usable again");
    a.check_invariants();
}

#[test]
fn debug_malloc_stats_has_cpythons_shape() {
    let mut a = Obmalloc::new();
    let ps: Vec<_> = (0..100).map(|i| a.malloc(8 + (i % 4) * 40)).collect();
    let text = a.debug_malloc_stats();
    println!("{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Small block threshold = 512, in 64 size classes.");
    assert_eq!(
        lines[2],
        "class   size   num pools   blocks in use  avail blocks"
    );
    assert_eq!(
        lines[3],
        "-----   ----   ---------   -------------  ------------"
    );
    assert_eq!(
        lines[4],
        "    0      8           1              25           481"
    );
    assert_eq!(
        lines[5],
        "    5     48           1              25            59"
    );
    assert!(text.contains("# arenas allocated total           =                    1\n"));
    assert!(text.contains("1 arenas * 262144 bytes/arena      =              262,144\n"));
    assert!(text.contains("60 unused pools * 4096 bytes       =              245,760\n"));
    // The first Total equals the arena bytes, as in CPython.
    let total = lines.iter().find(|l| l.starts_with("Total")).unwrap();
    assert_eq!(
        *total,
        "Total                              =              262,144"
    );
    assert!(text.contains(
        "\narena map counts\n# arena map mid nodes              =                    1\n"
    ));
    assert_eq!(a.allocated_blocks(), 100);
    for p in ps {
        // SAFETY: live, each once.
        unsafe { a.free(p) };
    }
}

#[test]
fn allocators_are_independent_values() {
    let mut a = Obmalloc::new();
    let mut b = Obmalloc::new();
    let p = a.malloc(24);
    assert!(a.is_pool_block(p));
    assert!(!b.is_pool_block(p));
    let q = b.malloc(24);
    assert_eq!((a.allocated_blocks(), b.allocated_blocks()), (1, 1));
    // SAFETY: live in their own allocators.
    unsafe {
        a.free(p);
        b.free(q);
    }
}

#[test]
fn free_small_is_free_for_pool_blocks() {
    let mut a = Obmalloc::new();
    a.set_max_spare_arenas(0);
    // Enough 32-byte blocks to fill more than one arena, freed both ways.
    let n = 2 * ARENA_SIZE / 32;
    let blocks: Vec<*mut u8> = (0..n).map(|_| a.malloc(32)).collect();
    assert!(blocks.iter().all(|p| !p.is_null() && a.is_pool_block(*p)));
    assert_eq!(a.allocated_blocks(), n);
    let s = a.stats();
    assert!(s.arenas_current >= 2);
    for (i, &p) in blocks.iter().enumerate() {
        // SAFETY: every block is live and freed once; all are pool blocks.
        unsafe {
            if i % 2 == 0 {
                a.free_small(p);
            } else {
                a.free(p);
            }
        }
    }
    assert_eq!(a.allocated_blocks(), 0);
    assert_eq!(
        a.stats().arenas_current,
        0,
        "emptied arenas go back to the OS through free_small too"
    );
    // The freed blocks are reused.
    let p = a.malloc(32);
    assert!(!p.is_null());
    // SAFETY: live pool block.
    unsafe { a.free_small(p) };
    assert_eq!(a.allocated_blocks(), 0);
}
