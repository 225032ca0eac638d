//! taipan-alloc: CPython's small-object allocator (`Objects/obmalloc.c`,
//! "pymalloc") rebuilt as a crate of its own. It knows nothing of Python.
//!
//! Memory comes from the OS in 256 KiB arenas, cut into 4 KiB pools; each
//! pool holds blocks of one size class (8, 16, ..., 512 bytes). Bigger and
//! zero-byte requests go to the system allocator. The whole state is one
//! value, [`Obmalloc`], so a VM can keep one per interpreter, each with its
//! own byte budget ([`Obmalloc::set_limit`]). See `docs/internals/allocator.md`
//! for the diagram and the invariants.
//!
//! ```
//! let mut a = taipan_alloc::Obmalloc::new();
//! let p = a.malloc(44); // a 48-byte block
//! assert!(!p.is_null());
//! assert_eq!(a.allocated_blocks(), 1);
//! // SAFETY: `p` is a live block of `a`.
//! unsafe { a.free(p) };
//! // The emptied arena stays mapped as the one spare (CPython 3.11 keeps
//! // one too); any further arena that empties goes back to the OS at once.
//! assert_eq!(a.stats().arenas_current, 1);
//! a.set_max_spare_arenas(0);
//! let q = a.malloc(44);
//! // SAFETY: `q` is a live block of `a`.
//! unsafe { a.free(q) };
//! assert_eq!(a.stats().arenas_current, 0);
//! ```
//!
//! Files, one concern each: [`size_class`] (geometry), `pool` (pool header,
//! free lists, carving), `arena` (arena table and `usable_arenas`),
//! `arena_map` (which addresses are ours), [`arena_source`] (mmap / heap),
//! `large` (system-allocated blocks), `obmalloc` (the public calls),
//! [`stats`] (statistics and `sys._debugmallocstats()` text), [`debug`]
//! (the `debug-alloc` patterns and checks).

mod arena;
mod arena_map;
pub mod arena_source;
pub mod debug;
mod large;
mod obmalloc;
mod pool;
pub mod size_class;
pub mod stats;

pub use arena_source::{ArenaSource, DefaultArenaSource, HeapArenaSource, MmapArenaSource};
pub use obmalloc::Obmalloc;
pub use pool::{blocks_per_pool, POOL_OVERHEAD};
pub use stats::{SizeClassStats, Stats};
