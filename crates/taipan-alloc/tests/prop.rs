//! Property test: long random sequences of allocations, reallocations and
//! frees of random sizes. Checks that no live block is handed out twice
//! (no overlap, contents survive), that the statistics match a model
//! exactly after every step, that the structural invariants hold, and that
//! when everything is freed the arenas drain and go back to the OS, all but
//! exactly as many spares as the policy keeps (one by default).
//!
//! Runs 32 cases by default; set `PROPTEST_CASES` for more.

use std::collections::BTreeMap;

use proptest::prelude::*;
use taipan_alloc::size_class::{index_to_size, size_to_index, NB_SMALL_SIZE_CLASSES};
use taipan_alloc::Obmalloc;

#[derive(Clone, Debug)]
enum Op {
    Alloc(usize),
    Calloc(usize),
    Free(usize),
    Realloc(usize, usize),
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 1usize..=64,
        6 => 1usize..=512,
        1 => Just(0usize),
        1 => 513usize..=3000,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => size().prop_map(Op::Alloc),
        1 => size().prop_map(Op::Calloc),
        4 => any::<usize>().prop_map(Op::Free),
        1 => (any::<usize>(), size()).prop_map(|(i, n)| Op::Realloc(i, n)),
    ]
}

struct Live {
    ptr: *mut u8,
    /// Bytes the program may use (its last request).
    size: usize,
    tag: u8,
    /// What the model says the block is: `Some(class)` for a pool block,
    /// `None` for a large one.
    class: Option<usize>,
}

/// The class a fresh request of `n` bytes lands in.
fn class_of(n: usize) -> Option<usize> {
    let idx = size_to_index(n);
    (idx < NB_SMALL_SIZE_CLASSES).then_some(idx)
}

fn block_size(l: &Live) -> usize {
    l.class.map_or(l.size, index_to_size)
}

fn fill(l: &Live) {
    // SAFETY: the block is live and at least `size` bytes.
    unsafe { core::ptr::write_bytes(l.ptr, l.tag, l.size) };
}

fn check(l: &Live) {
    // SAFETY: the block is live and at least `size` bytes.
    let bytes = unsafe { core::slice::from_raw_parts(l.ptr, l.size) };
    assert!(
        bytes.iter().all(|&b| b == l.tag),
        "block {:p} was overwritten: handed out twice?",
        l.ptr
    );
}

fn check_stats(a: &Obmalloc, live: &[Live]) {
    let s = a.stats();
    let mut per_class = [0usize; NB_SMALL_SIZE_CLASSES];
    let (mut large, mut large_bytes, mut pool_bytes) = (0, 0, 0);
    for l in live {
        if let Some(idx) = l.class {
            per_class[idx] += 1;
            pool_bytes += index_to_size(idx);
        } else {
            large += 1;
            large_bytes += l.size;
        }
    }
    for (i, c) in s.classes.iter().enumerate() {
        assert_eq!(c.blocks_in_use, per_class[i], "class {i} blocks in use");
    }
    assert_eq!(s.large_blocks, large);
    assert_eq!(s.large_bytes, large_bytes);
    assert_eq!(s.pool_bytes_in_use, pool_bytes);
    assert_eq!(s.allocated_blocks, live.len());
    assert_eq!(a.allocated_blocks(), live.len());
    assert_eq!(
        a.footprint(),
        s.arenas_current * taipan_alloc::size_class::ARENA_SIZE + large_bytes
    );
    // Every byte of every mapped arena is accounted for.
    let accounted = s.pool_bytes_in_use
        + s.available_bytes
        + s.free_pools * taipan_alloc::size_class::POOL_SIZE
        + s.pool_header_bytes
        + s.quantization;
    assert_eq!(
        accounted,
        s.arenas_current * taipan_alloc::size_class::ARENA_SIZE
    );
}

/// The spare-arena limit `Obmalloc::new` starts with.
const DEFAULT_SPARES: usize = 1;

/// Replay `ops`; `spares` is the `set_max_spare_arenas` value, or `None`
/// for the default policy.
fn run(ops: Vec<Op>, check_every: usize, spares: Option<usize>) {
    let mut a = Obmalloc::new();
    if let Some(n) = spares {
        a.set_max_spare_arenas(n);
    }
    let spares = spares.unwrap_or(DEFAULT_SPARES);
    let mut live: Vec<Live> = Vec::new();
    let mut tag = 0u8;
    let mut next_tag = || {
        tag = tag.wrapping_add(1).max(1);
        tag
    };
    for (step, op) in ops.into_iter().enumerate() {
        match op {
            Op::Alloc(n) | Op::Calloc(n) => {
                let p = if let Op::Calloc(_) = op {
                    a.calloc(n, 1)
                } else {
                    a.malloc(n)
                };
                assert!(!p.is_null());
                if let Op::Calloc(_) = op {
                    // SAFETY: fresh block of n bytes.
                    assert!(unsafe { core::slice::from_raw_parts(p, n) }
                        .iter()
                        .all(|&b| b == 0));
                }
                assert_eq!(p.addr() % 8, 0);
                assert_eq!(a.is_pool_block(p), class_of(n).is_some());
                let l = Live {
                    ptr: p,
                    size: n,
                    tag: next_tag(),
                    class: class_of(n),
                };
                fill(&l);
                live.push(l);
            }
            Op::Free(i) if !live.is_empty() => {
                let l = live.swap_remove(i % live.len());
                check(&l);
                // SAFETY: live block of `a`, freed once.
                unsafe { a.free(l.ptr) };
            }
            Op::Realloc(i, n) if !live.is_empty() => {
                let i = i % live.len();
                check(&live[i]);
                // SAFETY: live block of `a`.
                let p = unsafe { a.realloc(live[i].ptr, n) };
                assert!(!p.is_null());
                let keep = live[i].size.min(n);
                // SAFETY: `p` is live with at least `keep` bytes.
                let kept = unsafe { core::slice::from_raw_parts(p, keep) };
                assert!(
                    kept.iter().all(|&b| b == live[i].tag),
                    "realloc lost contents"
                );
                // CPython's rules: a pool block shrinking by at most a
                // quarter stays put; a large block stays large.
                let old = &live[i];
                let class = match old.class {
                    Some(c) if n <= index_to_size(c) && 4 * n > 3 * index_to_size(c) => {
                        assert_eq!(p, old.ptr, "small shrink should stay in place");
                        Some(c)
                    }
                    Some(_) => class_of(n),
                    None => None,
                };
                assert_eq!(a.is_pool_block(p), class.is_some());
                live[i] = Live {
                    ptr: p,
                    size: n,
                    tag: next_tag(),
                    class,
                };
                fill(&live[i]);
            }
            _ => {}
        }
        // No two live blocks overlap (zero-size ones count as one byte).
        if step % check_every == 0 {
            let mut spans = BTreeMap::new();
            for l in &live {
                let end = l.ptr.addr() + block_size(l).max(1);
                assert!(
                    spans.insert(l.ptr.addr(), end).is_none(),
                    "pointer handed out twice"
                );
            }
            let mut last_end = 0;
            for (&s, &e) in &spans {
                assert!(s >= last_end, "live blocks overlap");
                last_end = e;
            }
            check_stats(&a, &live);
            a.check_invariants();
        }
    }
    check_stats(&a, &live);
    a.check_invariants();
    let highwater = a.stats().arenas_highwater;
    for l in live.drain(..) {
        check(&l);
        // SAFETY: live, freed once.
        unsafe { a.free(l.ptr) };
    }
    let s = a.stats();
    // An arena is unmapped only while `spares` empty ones stay mapped, and
    // an emptied arena is kept while fewer are, so exactly this many stay.
    assert_eq!(
        s.arenas_current,
        spares.min(highwater),
        "arenas drain when everything is freed ({spares} spares kept)"
    );
    assert_eq!(
        s.arenas_reclaimed + s.arenas_current,
        s.arenas_allocated_total
    );
    assert_eq!(
        s.free_pools,
        s.arenas_current
            * (taipan_alloc::size_class::ARENA_SIZE / taipan_alloc::size_class::POOL_SIZE)
    );
    assert_eq!(s.arenas_highwater, highwater);
    assert_eq!(a.allocated_blocks(), 0);
    assert_eq!(
        a.footprint(),
        s.arenas_current * taipan_alloc::size_class::ARENA_SIZE
    );
    a.check_invariants();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(32),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_alloc_free_sequences(
        ops in proptest::collection::vec(op(), 1..4000),
        spares in prop_oneof![Just(None), (0usize..3).prop_map(Some)],
    ) {
        run(ops, 16, spares);
    }
}

/// A deterministic long run that spans many arenas, so draining and the
/// arena re-sorting are exercised beyond what short random cases reach.
#[test]
fn many_arenas_drain() {
    let mut ops = Vec::new();
    let mut x = 0x9E3779B97F4A7C15u64;
    let mut rnd = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as usize
    };
    for _ in 0..60_000 {
        ops.push(Op::Alloc(rnd() % 512 + 1));
    }
    for _ in 0..80_000 {
        if rnd() % 3 == 0 {
            ops.push(Op::Alloc(rnd() % 512 + 1));
        } else {
            ops.push(Op::Free(rnd()));
        }
    }
    run(ops.clone(), 8192, Some(0));
    run(ops.clone(), 8192, None);
    run(ops, 8192, Some(2));
}
