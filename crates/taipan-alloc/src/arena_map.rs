//! The arena map: a three-level radix tree over addresses that tells `free`
//! whether a pointer lies in one of our arenas, and in which, without a
//! header on every block.
//!
//! Follows the `WITH_PYMALLOC_RADIX_TREE` part of CPython's
//! `Objects/obmalloc.c` (`arena_map_root`, `arena_map_mid_t`,
//! `arena_map_bot_t`, `arena_map_is_used`). CPython's older test (read
//! `arenaindex` from the would-be pool header, `address_in_range`) reads
//! memory the allocator may not own, which Rust forbids; the tree reads only
//! our own nodes.
//!
//! Because our arenas are aligned to `ARENA_SIZE`, an arena covers exactly
//! one leaf slot, and the leaf stores `arena index + 1` (0: not ours). The 48
//! address bits a 64-bit user process can use are split:
//!
//! ```text
//!  47        38 37        28 27        18 17                 0
//!  +-----------+------------+------------+-------------------+
//!  | root (10) |  mid (10)  |  bot (10)  | offset in arena   |
//!  +-----------+------------+------------+-------------------+
//! ```
//!
//! Nodes are created when an arena first lands under them and kept (as
//! CPython does); they are metadata, not counted in the allocation budget.

use crate::size_class::ARENA_BITS;

const LEVEL_BITS: u32 = 10;
const LEVEL_LEN: usize = 1 << LEVEL_BITS;
const LEVEL_MASK: usize = LEVEL_LEN - 1;
/// Addresses at or above `1 << ADDRESS_BITS` can never be arenas.
pub(crate) const ADDRESS_BITS: u32 = ARENA_BITS + 3 * LEVEL_BITS;

type Bot = [u32; LEVEL_LEN];
type Mid = [Option<Box<Bot>>; LEVEL_LEN];

/// The radix tree (CPython: `arena_map_root` and its children).
pub(crate) struct ArenaMap {
    root: Box<[Option<Box<Mid>>; LEVEL_LEN]>,
    /// Mid nodes allocated (CPython: `arena_map_mid_count`).
    pub mid_count: usize,
    /// Bottom nodes allocated (CPython: `arena_map_bot_count`).
    pub bot_count: usize,
}

/// Bytes of one root, mid and bottom node, for the statistics.
pub(crate) const ROOT_NODE_BYTES: usize = core::mem::size_of::<[Option<Box<Mid>>; LEVEL_LEN]>();
pub(crate) const MID_NODE_BYTES: usize = core::mem::size_of::<Mid>();
pub(crate) const BOT_NODE_BYTES: usize = core::mem::size_of::<Bot>();

#[inline(always)]
fn split(addr: usize) -> (usize, usize, usize) {
    (
        (addr >> (ARENA_BITS + 2 * LEVEL_BITS)) & LEVEL_MASK,
        (addr >> (ARENA_BITS + LEVEL_BITS)) & LEVEL_MASK,
        (addr >> ARENA_BITS) & LEVEL_MASK,
    )
}

impl ArenaMap {
    pub fn new() -> Self {
        ArenaMap {
            root: Box::new([const { None }; LEVEL_LEN]),
            mid_count: 0,
            bot_count: 0,
        }
    }

    /// `arena index + 1` of the arena holding `addr`, or 0 if none of ours
    /// does (CPython: `arena_map_is_used`).
    #[inline(always)]
    pub fn lookup(&self, addr: usize) -> u32 {
        if addr >> ADDRESS_BITS != 0 {
            return 0;
        }
        let (i1, i2, i3) = split(addr);
        match &self.root[i1] {
            Some(mid) => match &mid[i2] {
                Some(bot) => bot[i3],
                None => 0,
            },
            None => 0,
        }
    }

    /// Record that the arena at `base` is arena `index` (or, with `None`,
    /// that it is no longer ours). Returns false if `base` is outside the
    /// mapped address range (the caller must then not use that arena).
    pub fn set(&mut self, base: usize, index: Option<u32>) -> bool {
        if base >> ADDRESS_BITS != 0 {
            return false;
        }
        let (i1, i2, i3) = split(base);
        let mid = self.root[i1].get_or_insert_with(|| {
            self.mid_count += 1;
            Box::new([const { None }; LEVEL_LEN])
        });
        let bot = mid[i2].get_or_insert_with(|| {
            self.bot_count += 1;
            Box::new([0; LEVEL_LEN])
        });
        bot[i3] = index.map_or(0, |i| i + 1);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::size_class::ARENA_SIZE;

    #[test]
    fn set_and_lookup() {
        let mut m = ArenaMap::new();
        let base = 0x7f12_3456_0000usize & !(ARENA_SIZE - 1);
        assert_eq!(m.lookup(base), 0);
        assert!(m.set(base, Some(7)));
        assert_eq!(m.lookup(base), 8);
        assert_eq!(m.lookup(base + ARENA_SIZE - 1), 8);
        assert_eq!(m.lookup(base + ARENA_SIZE), 0);
        assert_eq!(m.lookup(base - 1), 0);
        assert!(m.set(base, None));
        assert_eq!(m.lookup(base), 0);
        assert_eq!((m.mid_count, m.bot_count), (1, 1));
        assert!(!m.set(1 << ADDRESS_BITS, Some(1)));
        assert_eq!(m.lookup(usize::MAX), 0);
    }
}
