//! A million 32-byte blocks, all freed: the arenas go back to where they
//! started and so does the process's resident set (`/proc/self/statm`).
//! The allocator is the default one, which keeps one empty arena as a spare
//! (as CPython 3.11 does), so the start already holds that spare.
//! In a file of its own so no other test shares the process while it runs.

use taipan_alloc::Obmalloc;

fn rss_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").expect("read /proc/self/statm");
    let resident: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
    resident * page
}

#[test]
fn million_32_byte_blocks_return_to_the_os() {
    let mut a = Obmalloc::new();
    // Room for the pointers, allocated before the first reading so it
    // counts as "start". Filled with a non-null value and passed through
    // `black_box` so its pages are resident now: a release build turns a
    // zero fill of fresh memory into `calloc`'s untouched pages, which the
    // loop below would then fault in (8 MB) and count against the allocator.
    let mut ptrs: Vec<*mut u8> = Vec::with_capacity(1_000_000);
    ptrs.resize(1_000_000, core::ptr::NonNull::dangling().as_ptr());
    std::hint::black_box(&mut ptrs);
    // One block allocated and freed: the default policy keeps its emptied
    // arena as the spare, so the start is the allocator's resting state.
    let p = a.malloc(32);
    assert!(!p.is_null());
    // SAFETY: live, freed once.
    unsafe { a.free(p) };
    let start = a.stats();
    let arenas_start = start.arenas_current;
    assert_eq!(arenas_start, 1, "the default keeps one spare arena");
    let rss_start = rss_bytes();
    for p in ptrs.iter_mut() {
        *p = a.malloc(32);
        assert!(!p.is_null());
        // SAFETY: a fresh 32-byte block; touch it so it is resident.
        unsafe { p.write_bytes(0x5A, 32) };
    }
    let s = a.stats();
    let rss_peak = rss_bytes();
    assert_eq!(s.classes[3].blocks_in_use, 1_000_000);
    for &p in &ptrs {
        // SAFETY: live, freed once.
        unsafe { a.free(p) };
    }
    let rss_end = rss_bytes();
    let end = a.stats();
    eprintln!(
        "arenas: start {arenas_start}, peak {}, end {}; RSS: start {rss_start} B, peak {rss_peak} B, end {rss_end} B ({:+} B)",
        s.arenas_current,
        end.arenas_current,
        rss_end as isize - rss_start as isize
    );
    assert!(
        s.arenas_current > 100,
        "a million blocks need over 100 arenas"
    );
    assert_eq!(end.arenas_current, arenas_start);
    assert_eq!(
        end.arenas_reclaimed,
        end.arenas_allocated_total - start.arenas_allocated_total,
        "all arenas but the one spare went back"
    );
    assert_eq!(
        end.free_pools, start.free_pools,
        "the spare is wholly empty"
    );
    assert!(
        rss_peak > rss_start + 30 * 1024 * 1024,
        "the blocks were resident"
    );
    assert!(
        rss_end <= rss_start + 2 * 1024 * 1024,
        "RSS did not come back: start {rss_start}, end {rss_end}"
    );
}
