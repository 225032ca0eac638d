//! The `debug-alloc` mode: fresh blocks read 0xCD, freed blocks 0xDD, and a
//! double free, a free of a pointer never handed out, or a write to a freed
//! block stops with a clear message instead of corrupting the allocator.
//! Run with `cargo test -p taipan-alloc --features debug-alloc`.
#![cfg(feature = "debug-alloc")]

use taipan_alloc::debug::{CLEANBYTE, DEADBYTE};
use taipan_alloc::Obmalloc;

#[test]
fn fresh_blocks_are_cleanbyte_and_freed_blocks_deadbyte() {
    let mut a = Obmalloc::new();
    let keep = a.malloc(40);
    let p = a.malloc(40);
    // SAFETY: live 40-byte block; after the free we only read our own mapped pool memory, which stays mapped while `keep` lives.
    unsafe {
        assert!(core::slice::from_raw_parts(p, 40)
            .iter()
            .all(|&b| b == CLEANBYTE));
        a.free(p);
        assert!(core::slice::from_raw_parts(p.add(8), 32)
            .iter()
            .all(|&b| b == DEADBYTE));
        a.free(keep);
    }
    let big = a.malloc(1000);
    // SAFETY: live 1000-byte block.
    unsafe {
        assert!(core::slice::from_raw_parts(big, 1000)
            .iter()
            .all(|&b| b == CLEANBYTE));
        a.free(big);
    }
}

#[test]
#[should_panic(expected = "double free")]
fn double_free_of_a_pool_block_is_caught() {
    let mut a = Obmalloc::new();
    let _keep = a.malloc(16);
    let p = a.malloc(16);
    // SAFETY: deliberately wrong: the second free is the bug under test.
    unsafe {
        a.free(p);
        a.free(p);
    }
}

#[test]
#[should_panic(expected = "already freed")]
fn double_free_emptying_the_pool_is_caught() {
    let mut a = Obmalloc::new();
    let _other = a.malloc(200); // keeps the arena mapped
    let p = a.malloc(16);
    // SAFETY: deliberately wrong.
    unsafe {
        a.free(p);
        a.free(p);
    }
}

#[test]
#[should_panic(expected = "not the start of a block")]
fn free_of_an_interior_pointer_is_caught() {
    let mut a = Obmalloc::new();
    let p = a.malloc(64);
    // SAFETY: deliberately wrong.
    unsafe { a.free(p.add(8)) };
}

#[test]
#[should_panic(expected = "never used")]
fn free_of_a_never_used_pool_is_caught() {
    let mut a = Obmalloc::new();
    let p = a.malloc(64);
    // SAFETY: deliberately wrong: a pointer 10 pools further into the arena.
    unsafe { a.free(p.add(10 * 4096)) };
}

#[test]
#[should_panic(expected = "not the start of a block")]
fn free_of_an_uncarved_block_is_caught() {
    let mut a = Obmalloc::new();
    let p = a.malloc(64);
    // SAFETY: deliberately wrong: block 20 of the pool was never carved.
    unsafe { a.free(p.add(20 * 64)) };
}

#[test]
#[should_panic(expected = "not a live block of this allocator")]
fn double_free_of_a_large_block_is_caught() {
    let mut a = Obmalloc::new();
    let p = a.malloc(4000);
    // SAFETY: deliberately wrong.
    unsafe {
        a.free(p);
        a.free(p);
    }
}

#[test]
#[should_panic(expected = "not a live block of this allocator")]
fn free_of_a_foreign_pointer_is_caught() {
    let mut a = Obmalloc::new();
    let mut x = 0u64;
    // SAFETY: deliberately wrong: a stack address.
    unsafe { a.free((&mut x as *mut u64).cast()) };
}

#[test]
#[should_panic(expected = "use after free")]
fn write_after_free_is_caught_on_reuse() {
    let mut a = Obmalloc::new();
    let _keep = a.malloc(48);
    let p = a.malloc(48);
    // SAFETY: deliberately wrong: write to the block after freeing it (the memory stays mapped, so the write itself is not a fault).
    unsafe {
        a.free(p);
        *p.add(20) = 1;
    }
    let _ = a.malloc(48);
}

#[test]
#[should_panic(expected = "double free")]
fn realloc_of_a_freed_block_is_caught() {
    let mut a = Obmalloc::new();
    let _keep = a.malloc(32);
    let p = a.malloc(32);
    // SAFETY: deliberately wrong.
    unsafe {
        a.free(p);
        a.realloc(p, 30);
    }
}
