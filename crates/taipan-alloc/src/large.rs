//! Large blocks: requests over `SMALL_REQUEST_THRESHOLD` and zero-byte
//! requests, passed to the system allocator as CPython passes them to
//! `PyMem_RawMalloc` (`_PyObject_Malloc`'s fallback, `raw_allocated_blocks`).
//!
//! Each large block carries a 32-byte header (only large blocks; pool
//! blocks have none) holding its requested size, for the byte budget and
//! the statistics, and links into a doubly linked list of all live large
//! blocks, so dropping the allocator frees them too.
//!
//! ```text
//!  system allocation                 pointer returned to the caller
//!  +------+------+------+--------+   v
//!  | size | prev | next | unused | user bytes ...
//!  +------+------+------+--------+-----------------
//! ```

use core::ptr;
use std::alloc::{GlobalAlloc, Layout, System};

#[repr(C)]
struct LargeHeader {
    size: usize,
    prev: *mut LargeHeader,
    next: *mut LargeHeader,
    _unused: usize,
}

/// Bytes in front of every large block; keeps the system's 16-byte alignment.
pub(crate) const LARGE_HEADER: usize = core::mem::size_of::<LargeHeader>();
const LARGE_ALIGN: usize = 16;

fn layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size.checked_add(LARGE_HEADER)?, LARGE_ALIGN).ok()
}

/// All live large blocks of one allocator.
pub(crate) struct LargeBlocks {
    head: *mut LargeHeader,
    /// Live large blocks (CPython: `raw_allocated_blocks`).
    pub count: usize,
    /// Sum of their requested sizes.
    pub bytes: usize,
}

impl LargeBlocks {
    pub const fn new() -> Self {
        LargeBlocks {
            head: ptr::null_mut(),
            count: 0,
            bytes: 0,
        }
    }

    /// Allocate `size` bytes (zeroed if asked); null if the system refuses.
    pub fn alloc(&mut self, size: usize, zeroed: bool) -> *mut u8 {
        let Some(layout) = layout(size) else {
            return ptr::null_mut();
        };
        // SAFETY: the layout has non-zero size (it includes the header).
        let raw = unsafe {
            if zeroed {
                System.alloc_zeroed(layout)
            } else {
                System.alloc(layout)
            }
        };
        if raw.is_null() {
            return ptr::null_mut();
        }
        let h = raw.cast::<LargeHeader>();
        // SAFETY: `raw` is a fresh allocation at least LARGE_HEADER bytes long and 16-aligned.
        unsafe {
            h.write(LargeHeader {
                size,
                prev: ptr::null_mut(),
                next: self.head,
                _unused: 0,
            });
            if !self.head.is_null() {
                (*self.head).prev = h;
            }
        }
        self.head = h;
        self.count += 1;
        self.bytes += size;
        // SAFETY: the user part starts right after the header.
        unsafe { raw.add(LARGE_HEADER) }
    }

    /// Requested size of the large block `p`.
    ///
    /// # Safety
    /// `p` must be a live block from `alloc`/`realloc` on `self`.
    pub unsafe fn size_of(&self, p: *mut u8) -> usize {
        // SAFETY: caller guarantees a header precedes `p`.
        unsafe { (*p.sub(LARGE_HEADER).cast::<LargeHeader>()).size }
    }

    /// Unlink the header `h` from the list.
    ///
    /// # Safety
    /// `h` must be on the list.
    unsafe fn unlink(&mut self, h: *mut LargeHeader) {
        // SAFETY: list members are live headers.
        unsafe {
            let (prev, next) = ((*h).prev, (*h).next);
            if prev.is_null() {
                self.head = next;
            } else {
                (*prev).next = next;
            }
            if !next.is_null() {
                (*next).prev = prev;
            }
        }
    }

    /// Free the large block `p`.
    ///
    /// # Safety
    /// `p` must be a live block from `alloc`/`realloc` on `self`.
    pub unsafe fn free(&mut self, p: *mut u8) {
        // SAFETY: caller guarantees `p` is live and ours, so a header precedes it and the layout is the one it was allocated with.
        unsafe {
            let h = p.sub(LARGE_HEADER).cast::<LargeHeader>();
            let size = (*h).size;
            self.unlink(h);
            self.count -= 1;
            self.bytes -= size;
            System.dealloc(h.cast(), layout(size).unwrap_unchecked());
        }
    }

    /// Resize the large block `p` to `new_size`; null (and `p` untouched)
    /// if the system refuses.
    ///
    /// # Safety
    /// `p` must be a live block from `alloc`/`realloc` on `self`.
    pub unsafe fn realloc(&mut self, p: *mut u8, new_size: usize) -> *mut u8 {
        let Some(new_layout) = layout(new_size) else {
            return ptr::null_mut();
        };
        // SAFETY: caller guarantees `p` is live and ours; we relink the header wherever the system moved it.
        unsafe {
            let h = p.sub(LARGE_HEADER).cast::<LargeHeader>();
            let old = (*h).size;
            self.unlink(h);
            let raw = System.realloc(h.cast(), layout(old).unwrap_unchecked(), new_layout.size());
            let h = if raw.is_null() {
                h
            } else {
                raw.cast::<LargeHeader>()
            };
            (*h).prev = ptr::null_mut();
            (*h).next = self.head;
            if !self.head.is_null() {
                (*self.head).prev = h;
            }
            self.head = h;
            if raw.is_null() {
                return ptr::null_mut();
            }
            (*h).size = new_size;
            self.bytes = self.bytes - old + new_size;
            raw.add(LARGE_HEADER)
        }
    }

    /// Free every live large block (used when the allocator is dropped).
    pub fn free_all(&mut self) {
        while !self.head.is_null() {
            // SAFETY: the head is a live large block of ours.
            unsafe { self.free(self.head.cast::<u8>().add(LARGE_HEADER)) };
        }
    }
}
