//! Times allocate/free workloads of 8-512 byte objects with taipan-alloc,
//! the system allocator (glibc `malloc`/`free`) and mimalloc, in one run,
//! and prints ns per operation (one malloc or one free) for each, then the
//! geometric mean of taipan/system over the workloads.
//!
//! Run: `cargo run --release -p taipan-alloc --example alloc_bench`
//! (`BENCH_SCALE=4` for longer runs). Every workload is generated up front
//! from a fixed seed, so all three allocators replay the same calls; each
//! block's first word is written, as an object header would be. The best
//! of five timed repetitions is reported.
//!
//! The batch workloads (allocate N blocks, free them in some order) run at
//! two sizes: 1k blocks (about 260 KiB, the waves of temporaries an
//! interpreter makes all the time) and 20k blocks (about 5 MiB: every round
//! fills some 22 arenas and empties them again, so with empty arenas going
//! back to the OS at once the kernel's page faults on fresh arenas dominate).
//! The churn workload times only its steady state: a live population that
//! is built before timing and torn down after, as an interpreter's heap.

use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::time::Instant;

use taipan_alloc::Obmalloc;

trait Allocator {
    fn alloc(&mut self, n: usize) -> *mut u8;
    /// # Safety
    /// `p` must be a live block of `n` bytes from `alloc`.
    unsafe fn free(&mut self, p: *mut u8, n: usize);
}

struct Taipan(Obmalloc);
struct System;
struct Mimalloc;

impl Allocator for Taipan {
    #[inline(always)]
    fn alloc(&mut self, n: usize) -> *mut u8 {
        self.0.malloc(n)
    }
    #[inline(always)]
    unsafe fn free(&mut self, p: *mut u8, _n: usize) {
        // SAFETY: forwarded contract.
        unsafe { self.0.free(p) }
    }
}

impl Allocator for System {
    #[inline(always)]
    fn alloc(&mut self, n: usize) -> *mut u8 {
        // SAFETY: malloc has no preconditions.
        unsafe { libc::malloc(n).cast() }
    }
    #[inline(always)]
    unsafe fn free(&mut self, p: *mut u8, _n: usize) {
        // SAFETY: `p` came from malloc.
        unsafe { libc::free(p.cast()) }
    }
}

impl Allocator for Mimalloc {
    #[inline(always)]
    fn alloc(&mut self, n: usize) -> *mut u8 {
        // SAFETY: n > 0 in every workload.
        unsafe { mimalloc::MiMalloc.alloc(Layout::from_size_align_unchecked(n, 8)) }
    }
    #[inline(always)]
    unsafe fn free(&mut self, p: *mut u8, n: usize) {
        // SAFETY: `p` came from alloc with this layout.
        unsafe { mimalloc::MiMalloc.dealloc(p, Layout::from_size_align_unchecked(n, 8)) }
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Sizes like an interpreter's objects: mostly small (ints, floats, short
/// tuples and strings, list/dict headers), some mid-sized, a few large.
fn object_size(r: &mut Rng) -> usize {
    match r.below(100) {
        0..=49 => 16 + r.below(49),    // 16..=64
        50..=79 => 65 + r.below(64),   // 65..=128
        80..=94 => 129 + r.below(128), // 129..=256
        _ => 257 + r.below(256),       // 257..=512
    }
}

/// One workload: a list of steps, each "allocate `size` into slot `s`" or
/// "free slot `s`".
#[derive(Clone, Copy)]
enum Step {
    Alloc(u32, u32),
    Free(u32),
}

struct Workload {
    name: &'static str,
    slots: usize,
    /// Untimed steps before each timed run (building a live population).
    setup: Vec<Step>,
    steps: Vec<Step>,
    /// Untimed steps after each timed run (freeing what is still live).
    teardown: Vec<Step>,
}

#[allow(clippy::type_complexity)]
fn batch(
    name: &'static str,
    n: usize,
    rounds: usize,
    order: &dyn Fn(&mut Rng, usize) -> Vec<usize>,
) -> Workload {
    let mut r = Rng(0x2545F4914F6CDD1D);
    let mut steps = Vec::with_capacity(2 * n * rounds);
    for _ in 0..rounds {
        for i in 0..n {
            steps.push(Step::Alloc(i as u32, (8 + r.below(505)) as u32));
        }
        for i in order(&mut r, n) {
            steps.push(Step::Free(i as u32));
        }
    }
    Workload {
        name,
        slots: n,
        setup: Vec::new(),
        steps,
        teardown: Vec::new(),
    }
}

fn churn(slots: usize, nsteps: usize) -> Workload {
    let mut r = Rng(0x9E3779B97F4A7C15);
    let mut live = vec![false; slots + 1];
    let mut setup = Vec::new();
    // Build a half-full working set (untimed).
    for (s, l) in live.iter_mut().enumerate().take(slots / 2) {
        setup.push(Step::Alloc(s as u32, object_size(&mut r) as u32));
        *l = true;
    }
    let mut steps = Vec::with_capacity(nsteps);
    let temp = slots as u32; // slot for short-lived temporaries
    while steps.len() < nsteps {
        match r.below(10) {
            // A temporary: allocated and freed right away (an int result,
            // a bound method, an iterator).
            0..=3 => {
                steps.push(Step::Alloc(temp, object_size(&mut r) as u32));
                steps.push(Step::Free(temp));
            }
            // Replace a random long-lived object.
            _ => {
                let s = r.below(slots);
                if live[s] {
                    steps.push(Step::Free(s as u32));
                }
                steps.push(Step::Alloc(s as u32, object_size(&mut r) as u32));
                live[s] = true;
            }
        }
    }
    let mut teardown = Vec::new();
    for (s, l) in live.iter().enumerate() {
        if *l {
            teardown.push(Step::Free(s as u32));
        }
    }
    Workload {
        name: "churn (interpreter-like)",
        slots: slots + 1,
        setup,
        steps,
        teardown,
    }
}

#[inline(never)]
fn replay<A: Allocator>(a: &mut A, steps: &[Step], ptrs: &mut [(*mut u8, usize)]) {
    for &step in steps {
        match step {
            Step::Alloc(s, n) => {
                let p = a.alloc(n as usize);
                // SAFETY: a fresh block of at least 8 bytes.
                unsafe { p.cast::<usize>().write(n as usize) };
                ptrs[s as usize] = (p, n as usize);
            }
            Step::Free(s) => {
                let (p, n) = ptrs[s as usize];
                // SAFETY: the workload frees each live slot exactly once.
                unsafe { a.free(black_box(p), n) };
            }
        }
    }
}

fn time<A: Allocator>(a: &mut A, w: &Workload) -> f64 {
    let mut ptrs = vec![(std::ptr::null_mut(), 0); w.slots];
    let mut best = f64::INFINITY;
    // The first run is a warm-up; the best of the other five counts.
    for run in 0..6 {
        replay(a, &w.setup, &mut ptrs);
        let t = Instant::now();
        replay(a, &w.steps, &mut ptrs);
        let ns = t.elapsed().as_nanos() as f64 / w.steps.len() as f64;
        replay(a, &w.teardown, &mut ptrs);
        if run > 0 {
            best = best.min(ns);
        }
    }
    best
}

fn main() {
    let scale: usize = std::env::var("BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let lifo = |_: &mut Rng, n: usize| (0..n).rev().collect::<Vec<_>>();
    let fifo = |_: &mut Rng, n: usize| (0..n).collect::<Vec<_>>();
    let random = |r: &mut Rng, n: usize| {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            v.swap(i, r.below(i + 1));
        }
        v
    };
    let workloads = [
        batch("LIFO 1k (newest first)", 1_000, 200 * scale, &lifo),
        batch("FIFO 1k (oldest first)", 1_000, 200 * scale, &fifo),
        batch("random order 1k", 1_000, 200 * scale, &random),
        batch("LIFO 20k (newest first)", 20_000, 10 * scale, &lifo),
        batch("FIFO 20k (oldest first)", 20_000, 10 * scale, &fifo),
        batch("random order 20k", 20_000, 10 * scale, &random),
        churn(50_000, 400_000 * scale),
    ];
    // taipan as it ships (an empty arena goes back to the OS at once, but one
    // spare is kept, as CPython 3.11 keeps the last usable arena), with no
    // spare at all, and with enough spares that no arena is ever unmapped
    // (the allocator's own cost, without the kernel's).
    let mut taipan = Taipan(Obmalloc::new());
    let mut taipan0 = Taipan(Obmalloc::new());
    taipan0.0.set_max_spare_arenas(0);
    let mut taipan_keep = Taipan(Obmalloc::new());
    taipan_keep.0.set_max_spare_arenas(usize::MAX);
    let (mut ratios, mut ratios_keep) = (Vec::new(), Vec::new());
    println!(
        "{:<26} {:>9} {:>9} {:>9} {:>11} {:>12} {:>14}",
        "workload (ns/op)",
        "system",
        "mimalloc",
        "taipan",
        "taipan(0sp)",
        "taipan(keep)",
        "taipan/system"
    );
    for w in &workloads {
        let sys = time(&mut System, w);
        let mi = time(&mut Mimalloc, w);
        let tp = time(&mut taipan, w);
        let tp0 = time(&mut taipan0, w);
        let tpk = time(&mut taipan_keep, w);
        ratios.push(tp / sys);
        ratios_keep.push(tpk / sys);
        println!(
            "{:<26} {:>9.2} {:>9.2} {:>9.2} {:>11.2} {:>12.2} {:>14.3}",
            w.name,
            sys,
            mi,
            tp,
            tp0,
            tpk,
            tp / sys
        );
    }
    let s = taipan.0.stats();
    println!(
        "taipan arenas: mapped {}, unmapped {}, highwater {} (taipan(keep): mapped {})",
        s.arenas_allocated_total,
        s.arenas_reclaimed,
        s.arenas_highwater,
        taipan_keep.0.stats().arenas_allocated_total
    );
    let gm = |r: &[f64]| (r.iter().map(|r| r.ln()).sum::<f64>() / r.len() as f64).exp();
    println!("geomean taipan(keep)/system = {:.3}", gm(&ratios_keep));
    println!("geomean taipan/system = {:.3}", gm(&ratios));
}
