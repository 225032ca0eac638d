//! Where arenas come from: the [`ArenaSource`] trait, the `mmap`/`munmap`
//! source used in production ([`MmapArenaSource`]) and an in-memory source
//! built on the Rust heap ([`HeapArenaSource`]) for Miri and for tests that
//! want to make the OS refuse memory.
//!
//! Follows `_PyObject_Arena` / `_PyObject_ArenaMmap` / `_PyObject_ArenaMunmap`
//! in CPython's `Objects/obmalloc.c`, with one difference: our arenas are
//! aligned to `ARENA_SIZE`, so the arena map needs one entry per arena and
//! no pool is lost to alignment.

use core::ptr::NonNull;

use crate::size_class::{ARENA_SIZE, ARENA_SIZE_MASK};

/// A supplier of `ARENA_SIZE`-byte, `ARENA_SIZE`-aligned regions.
///
/// # Safety
/// An implementation must return regions that are readable and writable,
/// exactly `ARENA_SIZE` bytes, aligned to `ARENA_SIZE`, not overlapping any
/// other live region, and valid until passed to `free_arena`. Returning
/// `None` (the OS refused) must leave the source usable.
pub unsafe trait ArenaSource {
    /// Obtain one arena, or `None` if the system has no memory to give.
    fn alloc_arena(&mut self) -> Option<NonNull<u8>>;
    /// Give an arena back.
    ///
    /// # Safety
    /// `arena` must have come from `alloc_arena` on this source and not have
    /// been freed since; nothing may use it afterwards.
    unsafe fn free_arena(&mut self, arena: NonNull<u8>);
}

/// Arenas from anonymous private `mmap`, returned with `munmap`.
///
/// An arena must be `ARENA_SIZE`-aligned. The kernel gives page alignment
/// only, so the source first asks for exactly one arena at an address it
/// chooses (`MAP_FIXED_NOREPLACE`, which fails rather than clobber a
/// mapping): the address of the arena it unmapped last, or the arena below
/// the last one it mapped (the kernel hands out addresses top-down). That
/// one call almost always succeeds. Failing it, it maps twice the size and
/// unmaps the misaligned head and the tail, so the address space it keeps
/// is exactly one arena.
///
/// The pages of a new arena are populated in the same call (`MAP_POPULATE`):
/// the kernel zero-fills all 64 pages at once instead of taking 64 separate
/// page faults on first touch, which on a virtual machine costs about a
/// microsecond each. A program that drains and refills arenas (a batch of
/// objects created and freed) pays this on every refill, because empty
/// arenas go back to the OS at once; see `docs/benchmarks.md`.
#[derive(Default, Debug)]
pub struct MmapArenaSource {
    /// Where to try the next arena: 0 for no idea yet.
    hint: usize,
}

impl MmapArenaSource {
    /// One anonymous read-write mapping of `len` bytes, with `flags` added.
    fn map(addr: usize, len: usize, flags: libc::c_int) -> Option<*mut u8> {
        // SAFETY: an anonymous private mapping without MAP_FIXED never replaces an existing mapping (MAP_FIXED_NOREPLACE fails instead); failure is reported as MAP_FAILED.
        let raw = unsafe {
            libc::mmap(
                addr as *mut libc::c_void,
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | flags,
                -1,
                0,
            )
        };
        (raw != libc::MAP_FAILED).then_some(raw.cast::<u8>())
    }

    /// The double-size mapping trimmed to one aligned arena.
    fn map_trimmed() -> Option<*mut u8> {
        let len = 2 * ARENA_SIZE;
        let raw = Self::map(0, len, 0)?;
        let addr = raw.addr();
        let head = (ARENA_SIZE - (addr & ARENA_SIZE_MASK)) & ARENA_SIZE_MASK;
        let tail = ARENA_SIZE - head;
        if head != 0 {
            // SAFETY: [raw, raw+head) is the start of our own mapping.
            unsafe { libc::munmap(raw.cast(), head) };
        }
        // SAFETY: head < ARENA_SIZE, so raw+head is inside the mapping.
        let arena = unsafe { raw.add(head) };
        if tail != 0 {
            // SAFETY: [arena+ARENA_SIZE, arena+ARENA_SIZE+tail) is the end of our own mapping (head + ARENA_SIZE + tail == len).
            unsafe { libc::munmap(arena.add(ARENA_SIZE).cast(), tail) };
        }
        // SAFETY: the arena's own range of our mapping; populating it only faults its pages in (an error leaves them to be faulted on first touch).
        unsafe {
            libc::madvise(arena.cast(), ARENA_SIZE, libc::MADV_POPULATE_WRITE);
        }
        Some(arena)
    }
}

// SAFETY: regions are fresh anonymous mappings of exactly ARENA_SIZE bytes at
// an ARENA_SIZE-aligned address (a hinted mapping at a wrong address is
// unmapped and not used); munmap happens only in free_arena.
unsafe impl ArenaSource for MmapArenaSource {
    fn alloc_arena(&mut self) -> Option<NonNull<u8>> {
        let hint = self.hint;
        if hint != 0 && hint & ARENA_SIZE_MASK == 0 {
            if let Some(p) = Self::map(
                hint,
                ARENA_SIZE,
                libc::MAP_FIXED_NOREPLACE | libc::MAP_POPULATE,
            ) {
                if p.addr() == hint {
                    self.hint = hint.wrapping_sub(ARENA_SIZE);
                    return NonNull::new(p);
                }
                // A kernel that ignores MAP_FIXED_NOREPLACE treats it as a
                // hint and may put the mapping elsewhere.
                // SAFETY: `p` is the mapping just made, used by nobody.
                unsafe { libc::munmap(p.cast(), ARENA_SIZE) };
            }
        }
        let arena = Self::map_trimmed()?;
        self.hint = arena.addr().wrapping_sub(ARENA_SIZE);
        NonNull::new(arena)
    }

    unsafe fn free_arena(&mut self, arena: NonNull<u8>) {
        // SAFETY: the caller guarantees this is one of our live arenas, which is exactly one mapping of ARENA_SIZE bytes.
        unsafe { libc::munmap(arena.as_ptr().cast(), ARENA_SIZE) };
        self.hint = arena.as_ptr().addr();
    }
}

/// Arenas from the Rust heap (`std::alloc` with `ARENA_SIZE` alignment).
/// Miri can run this; `refuse_after` lets tests make "the OS" refuse.
#[derive(Default, Debug)]
pub struct HeapArenaSource {
    /// When `Some(n)`, only `n` more arenas will be handed out.
    pub refuse_after: Option<usize>,
}

const HEAP_ARENA_LAYOUT: std::alloc::Layout =
    match std::alloc::Layout::from_size_align(ARENA_SIZE, ARENA_SIZE) {
        Ok(l) => l,
        Err(_) => panic!("arena layout"),
    };

// SAFETY: std::alloc returns a fresh, exclusive, suitably aligned region of
// the requested layout; it is freed only in free_arena with the same layout.
unsafe impl ArenaSource for HeapArenaSource {
    fn alloc_arena(&mut self) -> Option<NonNull<u8>> {
        if let Some(n) = self.refuse_after.as_mut() {
            if *n == 0 {
                return None;
            }
            *n -= 1;
        }
        // SAFETY: the layout has non-zero size.
        NonNull::new(unsafe { std::alloc::alloc(HEAP_ARENA_LAYOUT) })
    }

    unsafe fn free_arena(&mut self, arena: NonNull<u8>) {
        // SAFETY: the caller guarantees `arena` came from alloc_arena, which used this layout.
        unsafe { std::alloc::dealloc(arena.as_ptr(), HEAP_ARENA_LAYOUT) };
    }
}

/// The source `Obmalloc::new` uses: `mmap` normally, the heap under Miri.
#[cfg(not(miri))]
pub type DefaultArenaSource = MmapArenaSource;
/// The source `Obmalloc::new` uses: `mmap` normally, the heap under Miri.
#[cfg(miri)]
pub type DefaultArenaSource = HeapArenaSource;
