//! Statistics: a [`Stats`] snapshot (what `sys.getallocatedblocks()` and
//! `sys._debugmallocstats()` print) and the text of the allocator part of
//! `sys._debugmallocstats()` in CPython 3.11's format.
//!
//! Follows `_Py_GetAllocatedBlocks`, `_PyObject_DebugMallocStats` and
//! `printone` in CPython's `Objects/obmalloc.c`. Like CPython, the numbers
//! are computed by walking every arena's pools when asked, so the
//! allocation fast path keeps no counters; they are exact at any moment.

use core::fmt::Write;

use crate::arena_map::{BOT_NODE_BYTES, MID_NODE_BYTES, ROOT_NODE_BYTES};
use crate::arena_source::ArenaSource;
use crate::obmalloc::Obmalloc;
use crate::pool::{blocks_per_pool, PoolHeader, POOL_OVERHEAD};
use crate::size_class::{
    index_to_size, ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_SIZE, SMALL_REQUEST_THRESHOLD,
};

/// One row of the size-class table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SizeClassStats {
    /// Block size of the class.
    pub size: usize,
    /// Pools of this class that are used or full.
    pub num_pools: usize,
    /// Blocks handed out and not freed.
    pub blocks_in_use: usize,
    /// Free blocks in those pools (freed plus never carved).
    pub avail_blocks: usize,
}

/// A snapshot of the allocator's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stats {
    /// Per size class, indexed by class.
    pub classes: [SizeClassStats; NB_SMALL_SIZE_CLASSES],
    /// Arenas ever mapped.
    pub arenas_allocated_total: usize,
    /// Arenas given back to the OS.
    pub arenas_reclaimed: usize,
    /// Most arenas mapped at once.
    pub arenas_highwater: usize,
    /// Arenas mapped now.
    pub arenas_current: usize,
    /// Empty pools in mapped arenas (freed plus never carved).
    pub free_pools: usize,
    /// Bytes in pool blocks handed out (block sizes, not requests).
    pub pool_bytes_in_use: usize,
    /// Bytes in free blocks of used pools.
    pub available_bytes: usize,
    /// Bytes of pool headers in used and full pools.
    pub pool_header_bytes: usize,
    /// Bytes at the ends of used and full pools too small for a block.
    pub quantization: usize,
    /// Live blocks from the system allocator.
    pub large_blocks: usize,
    /// Their requested bytes.
    pub large_bytes: usize,
    /// Pool blocks plus large blocks in use (`sys.getallocatedblocks()`).
    pub allocated_blocks: usize,
    /// Pool bytes plus large bytes in use.
    pub bytes_in_use: usize,
    /// Arenas plus large bytes held from the system (what the budget caps).
    pub footprint: usize,
    /// The budget, if any.
    pub limit: Option<usize>,
    /// Arena-map nodes.
    pub arena_map_mid_nodes: usize,
    pub arena_map_bot_nodes: usize,
}

impl<S: ArenaSource> Obmalloc<S> {
    /// Visit every initialised pool of every mapped arena.
    fn for_each_pool(&self, mut f: impl FnMut(&PoolHeader)) {
        for ao in self.arenas.iter().filter(|ao| !ao.address.is_null()) {
            let mut p = ao.address;
            while p < ao.pool_address {
                // SAFETY: pools below `pool_address` of a mapped arena have initialised headers.
                f(unsafe { &*p.cast::<PoolHeader>() });
                // SAFETY: p < pool_address <= arena end, stepping by pools.
                p = unsafe { p.add(POOL_SIZE) };
            }
        }
    }

    /// Number of live blocks, pool and large (CPython:
    /// `_Py_GetAllocatedBlocks`, shown by `sys.getallocatedblocks()`).
    pub fn allocated_blocks(&self) -> usize {
        let mut n = self.large.count;
        self.for_each_pool(|p| n += p.ref_count as usize);
        n
    }

    /// A full snapshot of the statistics.
    pub fn stats(&self) -> Stats {
        let mut classes = [SizeClassStats::default(); NB_SMALL_SIZE_CLASSES];
        for (i, c) in classes.iter_mut().enumerate() {
            c.size = index_to_size(i);
        }
        self.for_each_pool(|p| {
            if p.ref_count == 0 {
                return;
            }
            let c = &mut classes[p.szidx as usize];
            c.num_pools += 1;
            c.blocks_in_use += p.ref_count as usize;
            c.avail_blocks += blocks_per_pool(p.szidx as usize) - p.ref_count as usize;
        });
        let mut s = Stats {
            classes,
            arenas_allocated_total: self.ntimes_arena_allocated,
            arenas_reclaimed: self.ntimes_arena_allocated - self.narenas_currently_allocated,
            arenas_highwater: self.narenas_highwater,
            arenas_current: self.narenas_currently_allocated,
            free_pools: self
                .arenas
                .iter()
                .filter(|ao| !ao.address.is_null())
                .map(|ao| ao.nfreepools as usize)
                .sum(),
            pool_bytes_in_use: 0,
            available_bytes: 0,
            pool_header_bytes: 0,
            quantization: 0,
            large_blocks: self.large.count,
            large_bytes: self.large.bytes,
            allocated_blocks: 0,
            bytes_in_use: 0,
            footprint: self.footprint,
            limit: self.limit,
            arena_map_mid_nodes: self.arena_map.mid_count,
            arena_map_bot_nodes: self.arena_map.bot_count,
        };
        let mut small_blocks = 0;
        for c in &s.classes {
            small_blocks += c.blocks_in_use;
            s.pool_bytes_in_use += c.blocks_in_use * c.size;
            s.available_bytes += c.avail_blocks * c.size;
            s.pool_header_bytes += c.num_pools * POOL_OVERHEAD;
            s.quantization += c.num_pools * ((POOL_SIZE - POOL_OVERHEAD) % c.size);
        }
        s.allocated_blocks = small_blocks + s.large_blocks;
        s.bytes_in_use = s.pool_bytes_in_use + s.large_bytes;
        s
    }

    /// The allocator's part of `sys._debugmallocstats()`, in CPython 3.11's
    /// format (`_PyObject_DebugMallocStats` with the radix-tree arena map).
    /// The VM prints this to stderr and follows it with its free lists.
    pub fn debug_malloc_stats(&self) -> String {
        let s = self.stats();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes."
        );
        out.push('\n');
        out.push_str("class   size   num pools   blocks in use  avail blocks\n");
        out.push_str("-----   ----   ---------   -------------  ------------\n");
        for (i, c) in s.classes.iter().enumerate() {
            if c.num_pools == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{i:5} {:6} {:11} {:15} {:13}",
                c.size, c.num_pools, c.blocks_in_use, c.avail_blocks
            );
        }
        out.push('\n');
        printone(
            &mut out,
            "# arenas allocated total",
            s.arenas_allocated_total,
        );
        printone(&mut out, "# arenas reclaimed", s.arenas_reclaimed);
        printone(&mut out, "# arenas highwater mark", s.arenas_highwater);
        printone(&mut out, "# arenas allocated current", s.arenas_current);
        printone(
            &mut out,
            &format!("{} arenas * {ARENA_SIZE} bytes/arena", s.arenas_current),
            s.arenas_current * ARENA_SIZE,
        );
        out.push('\n');
        let mut total = printone(&mut out, "# bytes in allocated blocks", s.pool_bytes_in_use);
        total += printone(&mut out, "# bytes in available blocks", s.available_bytes);
        total += printone(
            &mut out,
            &format!("{} unused pools * {POOL_SIZE} bytes", s.free_pools),
            s.free_pools * POOL_SIZE,
        );
        total += printone(
            &mut out,
            "# bytes lost to pool headers",
            s.pool_header_bytes,
        );
        total += printone(&mut out, "# bytes lost to quantization", s.quantization);
        // Our arenas are aligned to their size, so nothing is lost here.
        total += printone(&mut out, "# bytes lost to arena alignment", 0);
        printone(&mut out, "Total", total);
        out.push_str("\narena map counts\n");
        printone(&mut out, "# arena map mid nodes", s.arena_map_mid_nodes);
        printone(&mut out, "# arena map bot nodes", s.arena_map_bot_nodes);
        out.push('\n');
        let mut total = printone(&mut out, "# bytes lost to arena map root", ROOT_NODE_BYTES);
        total += printone(
            &mut out,
            "# bytes lost to arena map mid",
            s.arena_map_mid_nodes * MID_NODE_BYTES,
        );
        total += printone(
            &mut out,
            "# bytes lost to arena map bot",
            s.arena_map_bot_nodes * BOT_NODE_BYTES,
        );
        printone(&mut out, "Total", total);
        out
    }
}

/// One `name = value` line: the name padded to 35 columns, then the value
/// with thousands separators right-aligned in 21 (CPython: `printone`).
/// Returns the value, for running totals.
pub fn printone(out: &mut String, msg: &str, value: usize) -> usize {
    let _ = writeln!(out, "{msg:<35}={:>21}", with_commas(value));
    value
}

fn with_commas(v: usize) -> String {
    let digits = v.to_string();
    let mut s = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(ch);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printone_matches_cpython_layout() {
        let mut s = String::new();
        printone(&mut s, "# arenas allocated total", 2);
        assert_eq!(
            s,
            "# arenas allocated total           =                    2\n"
        );
        s.clear();
        printone(&mut s, "2 arenas * 1048576 bytes/arena", 2_097_152);
        assert_eq!(
            s,
            "2 arenas * 1048576 bytes/arena     =            2,097,152\n"
        );
        s.clear();
        printone(&mut s, "Total", 0);
        assert_eq!(
            s,
            "Total                              =                    0\n"
        );
    }
}
