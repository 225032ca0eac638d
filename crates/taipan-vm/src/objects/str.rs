//! `str` (CPython's `Objects/unicodeobject.c`), PEP 393 storage.
//!
//! A string stores its code points inline after the header in the narrowest
//! of three kinds: 1 byte (Latin-1; ASCII flagged), 2 bytes (UCS-2) or
//! 4 bytes (UCS-4), followed by a NUL unit, as CPython's compact strings do.
//! The data starts at the object's type's `tp_basicsize`, so subclasses that
//! add a `__dict__` keep the same scheme. The hash is cached (`-1` until
//! computed). A UTF-8 copy of a non-ASCII string is made on first demand
//! (`as_str`) and kept, as CPython keeps `utf8`.

use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;

use crate::gil::GilCell;
use crate::object::*;

/// The `str` payload (`PyCompactUnicodeObject`).
#[repr(C)]
pub struct PyStr {
    pub ob_base: PyObject,
    /// Number of code points.
    pub length: usize,
    pub hash: Cell<isize>,
    /// Bits 0-2: kind (1, 2 or 4); bit 3: ASCII; bit 4: interned.
    pub state: Cell<u32>,
    /// UTF-8 copy of a non-ASCII string, made on demand (owned, may be empty).
    pub utf8: UnsafeCell<Option<Box<str>>>,
}

const STATE_ASCII: u32 = 8;
const STATE_INTERNED: u32 = 16;

pub static STR_TYPE: PyType = PyType {
    tp_name: "str",
    tp_basicsize: Cell::new(std::mem::size_of::<PyStr>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::UNICODE_SUBCLASS),
    tp_drop: Some(drop_str),
    tp_hash: Cell::new(Some(str_hash_slot)),
    ..PyType::BASE
};

// SAFETY: PyStr is repr(C) with the header first; STR_TYPE's instances and
// its subclasses' start with it.
unsafe impl PyPayload for PyStr {
    fn type_object() -> &'static PyType {
        &STR_TYPE
    }
}

unsafe fn drop_str(obj: *mut PyObject) {
    // SAFETY: obj is a dead str; only the utf8 cache owns memory.
    unsafe {
        let s = &*(obj as *const PyStr);
        drop((*s.utf8.get()).take());
    }
}

fn str_hash_slot(obj: &PyRef) -> PyResult<isize> {
    // SAFETY: tp_hash of str is only called on str objects.
    Ok(unsafe { obj.payload_unchecked::<PyStr>() }.hash())
}

/// The hash function for str and bytes data; replaced by SipHash-1-3 keyed
/// from PYTHONHASHSEED in `pyhash.rs` when that lands.
pub static HASH_BYTES: GilCell<fn(&[u8]) -> isize> = GilCell::new(fnv_hash);

fn fnv_hash(data: &[u8]) -> isize {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl PyStr {
    #[inline(always)]
    pub fn kind(&self) -> usize {
        (self.state.get() & 7) as usize
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.state.get() & STATE_ASCII != 0
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.length
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Pointer to the code units.
    #[inline(always)]
    pub fn data_ptr(&self) -> *const u8 {
        // SAFETY: the data follows the type's basic size inside the block.
        unsafe {
            let ty = &*self.ob_base.ob_type.get();
            (self as *const PyStr as *const u8).add(ty.tp_basicsize.get())
        }
    }

    /// The code units of a 1-byte string (Latin-1 / ASCII).
    #[inline(always)]
    pub fn latin1(&self) -> Option<&[u8]> {
        if self.kind() == 1 {
            // SAFETY: `length` units of 1 byte follow the header.
            Some(unsafe { std::slice::from_raw_parts(self.data_ptr(), self.length) })
        } else {
            None
        }
    }

    /// The code units of a 2-byte string.
    pub fn ucs2(&self) -> Option<&[u16]> {
        if self.kind() == 2 {
            // SAFETY: `length` units of 2 bytes follow the (8-aligned) header.
            Some(unsafe { std::slice::from_raw_parts(self.data_ptr() as *const u16, self.length) })
        } else {
            None
        }
    }

    /// The code units of a 4-byte string.
    pub fn ucs4(&self) -> Option<&[u32]> {
        if self.kind() == 4 {
            // SAFETY: `length` units of 4 bytes follow the (8-aligned) header.
            Some(unsafe { std::slice::from_raw_parts(self.data_ptr() as *const u32, self.length) })
        } else {
            None
        }
    }

    /// The code point at `i` (no bounds check beyond a debug assertion).
    #[inline]
    pub fn char_at(&self, i: usize) -> u32 {
        debug_assert!(i < self.length);
        // SAFETY: i < length, the unit width matches the kind.
        unsafe {
            match self.kind() {
                1 => *self.data_ptr().add(i) as u32,
                2 => *(self.data_ptr() as *const u16).add(i) as u32,
                _ => *(self.data_ptr() as *const u32).add(i),
            }
        }
    }

    /// Iterates over the code points.
    pub fn chars(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.length).map(move |i| self.char_at(i))
    }

    /// The string as UTF-8. Lone surrogates (which UTF-8 cannot hold) come out
    /// as U+FFFD here; use [`PyStr::try_as_str`] where that matters.
    pub fn as_str(&self) -> &str {
        if self.is_ascii() {
            // SAFETY: ASCII bytes are valid UTF-8.
            return unsafe { std::str::from_utf8_unchecked(self.latin1().unwrap_or(&[])) };
        }
        // SAFETY: GIL held; the cache is written once and never replaced.
        unsafe {
            let cache = &mut *self.utf8.get();
            if cache.is_none() {
                let s: String = self
                    .chars()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect();
                *cache = Some(s.into_boxed_str());
            }
            cache.as_deref().unwrap_or("")
        }
    }

    /// The string as UTF-8, or `None` if it holds a lone surrogate.
    pub fn try_as_str(&self) -> Option<&str> {
        if self.chars().any(|c| (0xD800..0xE000).contains(&c)) {
            None
        } else {
            Some(self.as_str())
        }
    }

    /// The cached hash, computed on first use over the UCS-4... over the
    /// string's code units as CPython hashes them (the kind's bytes).
    #[inline]
    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        // SAFETY: `length * kind` bytes of data follow the header.
        let bytes =
            unsafe { std::slice::from_raw_parts(self.data_ptr(), self.length * self.kind()) };
        // SAFETY: GIL held; the hash function pointer is set at start-up.
        let h = unsafe { (*HASH_BYTES.as_ptr())(bytes) };
        self.hash.set(h);
        h
    }

    /// Equal contents (same kind is implied for equal strings: the kind is
    /// always the narrowest).
    #[inline]
    pub fn eq_str(&self, other: &PyStr) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if self.length != other.length || self.kind() != other.kind() {
            return false;
        }
        let n = self.length * self.kind();
        // SAFETY: both hold n bytes of data.
        unsafe {
            std::slice::from_raw_parts(self.data_ptr(), n)
                == std::slice::from_raw_parts(other.data_ptr(), n)
        }
    }

    /// A new str from UTF-8 text.
    pub fn new(s: &str) -> PyResult<PyRef> {
        if s.is_ascii() {
            return Self::from_latin1_unchecked(&STR_TYPE, s.as_bytes(), true);
        }
        let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
        Self::from_code_points_in(&STR_TYPE, &cps)
    }

    /// A new str from code points (surrogates allowed).
    pub fn from_code_points(cps: &[u32]) -> PyResult<PyRef> {
        Self::from_code_points_in(&STR_TYPE, cps)
    }

    /// A new object of `ty` (str or a subclass) from code points.
    pub fn from_code_points_in(ty: &PyType, cps: &[u32]) -> PyResult<PyRef> {
        let max = cps.iter().copied().max().unwrap_or(0);
        if max < 0x80 {
            let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            return Self::from_latin1_unchecked(ty, &b, true);
        }
        if max < 0x100 {
            let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            return Self::from_latin1_unchecked(ty, &b, false);
        }
        let kind = if max < 0x10000 { 2 } else { 4 };
        let obj = Self::alloc(ty, cps.len(), kind, false)?;
        // SAFETY: the block has room for len+1 units of `kind` bytes.
        unsafe {
            let p = obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8;
            if kind == 2 {
                for (i, &c) in cps.iter().enumerate() {
                    *(p as *mut u16).add(i) = c as u16;
                }
            } else {
                std::ptr::copy_nonoverlapping(cps.as_ptr(), p as *mut u32, cps.len());
            }
        }
        Ok(obj)
    }

    /// A new str of 1-byte kind from Latin-1 bytes; `ascii` says all < 0x80.
    pub fn from_latin1_unchecked(ty: &PyType, b: &[u8], ascii: bool) -> PyResult<PyRef> {
        let obj = Self::alloc(ty, b.len(), 1, ascii)?;
        // SAFETY: the block has room for len+1 bytes of data.
        unsafe {
            let p = obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8;
            std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        }
        Ok(obj)
    }

    /// Allocates an uninitialized (zeroed) string of `len` units of `kind`.
    pub fn alloc(ty: &PyType, len: usize, kind: usize, ascii: bool) -> PyResult<PyRef> {
        let data = len
            .checked_add(1)
            .and_then(|n| n.checked_mul(kind))
            .ok_or_else(PyErr::no_memory)?;
        let value = PyStr {
            ob_base: PyObject::NEW,
            length: len,
            hash: Cell::new(-1),
            state: Cell::new(kind as u32 | if ascii { STATE_ASCII } else { 0 }),
            utf8: UnsafeCell::new(None),
        };
        alloc_object_with_extra(ty, data, value)
    }
}

/// Allocates an object of `ty` with `extra` bytes after its basic size and
/// moves `value` into its start.
pub fn alloc_object_with_extra<T: PyPayload>(
    ty: &PyType,
    extra: usize,
    value: T,
) -> PyResult<PyRef> {
    // Strings are "items" of 1 byte for the purpose of sizing the block.
    let size = ty
        .tp_basicsize
        .get()
        .checked_add(extra)
        .ok_or_else(PyErr::no_memory)?;
    let obj = alloc_raw_sized(ty, size)?;
    // SAFETY: the block holds at least size_of::<T>() bytes.
    unsafe {
        let rc = (*obj).ob_refcnt.get();
        let tp = (*obj).ob_type.get();
        std::ptr::write(obj as *mut T, value);
        (*obj).ob_refcnt.set(rc);
        (*obj).ob_type.set(tp);
        Ok(PyRef::from_raw(obj))
    }
}

/// Allocates `size` zeroed bytes for an object of type `ty` (GC header added
/// if the type has one); sets the header.
pub fn alloc_raw_sized(ty: &PyType, size: usize) -> PyResult<*mut PyObject> {
    let gc = ty.has_gc();
    let total = ((size + 7) & !7) + if gc { GC_HEAD_SIZE } else { 0 };
    let mem = mem_alloc(total);
    if mem.is_null() {
        return Err(PyErr::no_memory());
    }
    // SAFETY: fresh block of `total` bytes.
    unsafe {
        std::ptr::write_bytes(mem, 0, total);
        let obj = if gc { mem.add(GC_HEAD_SIZE) } else { mem } as *mut PyObject;
        (*obj).ob_refcnt.set(1);
        (*obj).ob_type.set(ty as *const PyType);
        if ty.is_heap_type() {
            let t = ty as *const PyType as *const PyObject;
            (*t).ob_refcnt.set((*t).ob_refcnt.get() + 1);
        }
        Ok(obj)
    }
}

// ---------------------------------------------------------------------------
// Interning.

static INTERNED: GilCell<Option<HashMap<Box<str>, PyRef>>> = GilCell::new(None);

/// The interned str equal to `s` (`PyUnicode_InternFromString`).
pub fn intern(s: &str) -> PyRef {
    // SAFETY: GIL held; the map is not re-entered (creating a str does not
    // intern).
    let map = unsafe { INTERNED.get_mut() }.get_or_insert_with(HashMap::new);
    if let Some(v) = map.get(s) {
        return v.clone();
    }
    let obj = PyStr::new(s).expect("out of memory interning a string");
    // SAFETY: obj is a str.
    let p = unsafe { obj.payload_unchecked::<PyStr>() };
    p.state.set(p.state.get() | STATE_INTERNED);
    map.insert(s.into(), obj.clone());
    obj
}

/// An interned str for a literal, looked up once per call site.
#[macro_export]
macro_rules! intern {
    ($s:expr) => {{
        static CELL: $crate::gil::GilCell<Option<$crate::object::PyRef>> =
            $crate::gil::GilCell::new(None);
        // SAFETY: GIL held; the cell is filled once.
        let slot = unsafe { CELL.get_mut() };
        if slot.is_none() {
            *slot = Some($crate::objects::str::intern($s));
        }
        slot.as_ref().unwrap()
    }};
}

/// The text of a str object, or a TypeError naming `what`.
pub fn str_arg<'a>(obj: &'a PyRef, what: &str) -> PyResult<&'a str> {
    match obj.downcast::<PyStr>() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            obj.ty().name()
        ))),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
