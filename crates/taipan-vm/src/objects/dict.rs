//! `dict` (CPython's `Objects/dictobject.c`): the compact, ordered hash table.
//!
//! Two arrays, as in CPython 3.6+: `indices`, a power-of-two table of slots
//! holding an index into `entries` (or EMPTY / DUMMY), and `entries`, the
//! (hash, key, value) triples in insertion order. Lookup probes `indices`
//! with CPython's perturbation recurrence `i = (5*i + 1 + perturb) mod n;
//! perturb >>= 5`. Deleting leaves a DUMMY in `indices` and a hole in
//! `entries`; a resize compacts both. The table is resized when it is 2/3 full
//! (`USABLE_FRACTION`), growing to the next power of two above 3 x used.
//!
//! Comparing keys can run Python code (`__eq__`) that mutates the dict; the
//! lookup then restarts, as CPython's does, and a dict changed during
//! iteration is detected through its `version`.

use std::cell::{Cell, UnsafeCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::str::PyStr;

const EMPTY: i64 = -1;
const DUMMY: i64 = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// One entry (`PyDictKeyEntry`); `None` key marks a deleted entry.
pub struct Entry {
    pub hash: isize,
    pub key: Option<PyRef>,
    pub value: Option<PyRef>,
}

/// The hash table proper.
pub struct Table {
    indices: Vec<i64>,
    entries: Vec<Entry>,
    used: usize,
    /// Entries slots still free before a resize (`dk_usable`).
    usable: usize,
}

impl Table {
    fn with_size(n: usize) -> Table {
        Table {
            indices: vec![EMPTY; n],
            entries: Vec::with_capacity(usable_fraction(n)),
            used: 0,
            usable: usable_fraction(n),
        }
    }

    fn empty() -> Table {
        Table {
            indices: Vec::new(),
            entries: Vec::new(),
            used: 0,
            usable: 0,
        }
    }

    #[inline]
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// The slot in `indices` for a new entry of hash `hash` (first EMPTY or
    /// DUMMY on the probe sequence): CPython's `find_empty_slot`.
    fn find_empty_slot(&self, hash: isize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        while self.indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        i
    }

    fn insert_fresh(&mut self, hash: isize, key: PyRef, value: PyRef) {
        let slot = self.find_empty_slot(hash);
        self.indices[slot] = self.entries.len() as i64;
        self.entries.push(Entry {
            hash,
            key: Some(key),
            value: Some(value),
        });
        self.used += 1;
        self.usable -= 1;
    }

    /// Rebuilds with room for `minsize` entries (`dictresize`).
    fn resize(&mut self, minsize: usize) {
        let mut n = MIN_SIZE;
        while n < minsize {
            n <<= 1;
        }
        let old = std::mem::take(&mut self.entries);
        let mut t = Table::with_size(n);
        for e in old {
            if let (Some(k), Some(v)) = (e.key, e.value) {
                t.insert_fresh(e.hash, k, v);
            }
        }
        *self = t;
    }
}

#[inline]
fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// `GROWTH_RATE`: used * 3.
#[inline]
fn growth_rate(used: usize) -> usize {
    used * 3
}

/// The `dict` payload.
#[repr(C)]
pub struct PyDict {
    pub ob_base: PyObject,
    /// `ma_used`.
    pub used: Cell<usize>,
    /// Bumped on every change (`ma_version_tag`).
    pub version: Cell<u64>,
    pub table: UnsafeCell<Table>,
}

pub static DICT_TYPE: PyType = PyType {
    tp_name: "dict",
    tp_basicsize: Cell::new(std::mem::size_of::<PyDict>()),
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::DICT_SUBCLASS | TypeFlags::MAPPING,
    ),
    tp_drop: Some(drop_dict),
    tp_hash: Cell::new(Some(crate::object::protocol::hash_not_implemented)),
    tp_traverse: Cell::new(Some(traverse_dict)),
    ..PyType::BASE
};

// SAFETY: PyDict is repr(C) with the header first.
unsafe impl PyPayload for PyDict {
    fn type_object() -> &'static PyType {
        &DICT_TYPE
    }
}

unsafe fn drop_dict(obj: *mut PyObject) {
    // SAFETY: obj is a dead dict; move the table out before dropping it.
    unsafe {
        let d = &*(obj as *const PyDict);
        let t = std::mem::replace(&mut *d.table.get(), Table::empty());
        drop(t);
        std::ptr::drop_in_place(d.table.get());
    }
}

unsafe fn traverse_dict(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live dict; visiting does not mutate it.
    unsafe {
        let d = &*(obj as *const PyDict);
        for e in (*d.table.get()).entries.iter() {
            if let Some(k) = &e.key {
                visit(k.as_ptr());
            }
            if let Some(v) = &e.value {
                visit(v.as_ptr());
            }
        }
    }
}

/// Do two keys with equal hashes compare equal? Identity first; exact strs
/// by contents; anything else through `==` (which may run Python code).
#[inline]
fn keys_equal_fast(a: &PyRef, b: &PyRef) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.downcast_exact::<PyStr>(), b.downcast_exact::<PyStr>()) {
        return Some(x.eq_str(y));
    }
    None
}

enum Found {
    /// Index into `entries` and the slot in `indices`.
    At(usize, usize),
    Missing,
}

impl PyDict {
    pub fn new() -> PyResult<PyRef> {
        Self::new_in(&DICT_TYPE)
    }

    pub fn new_in(ty: &PyType) -> PyResult<PyRef> {
        alloc_object(
            ty,
            PyDict {
                ob_base: PyObject::NEW,
                used: Cell::new(0),
                version: Cell::new(0),
                table: UnsafeCell::new(Table::empty()),
            },
        )
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.used.get()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline(always)]
    fn table(&self) -> *mut Table {
        self.table.get()
    }

    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
        // SAFETY: short read.
        self.used.set(unsafe { (*self.table()).used });
    }

    /// Finds `key` (with hash `hash`). Comparisons that run Python code
    /// restart the probe if they changed the dict.
    fn lookup(&self, key: &PyRef, hash: isize) -> PyResult<Found> {
        'restart: loop {
            let version = self.version.get();
            // SAFETY: reads of the table end before any Python code runs
            // (the candidate key is cloned out first).
            let t = unsafe { &*self.table() };
            if t.indices.is_empty() {
                return Ok(Found::Missing);
            }
            let mask = t.mask();
            let mut perturb = hash as usize;
            let mut i = hash as usize & mask;
            loop {
                // SAFETY: as above; re-borrowed after every possible call.
                let t = unsafe { &*self.table() };
                let ix = t.indices[i];
                if ix == EMPTY {
                    return Ok(Found::Missing);
                }
                if ix >= 0 {
                    let e = &t.entries[ix as usize];
                    if e.hash == hash {
                        if let Some(k) = &e.key {
                            match keys_equal_fast(k, key) {
                                Some(true) => return Ok(Found::At(ix as usize, i)),
                                Some(false) => {}
                                None => {
                                    let k = k.clone();
                                    let eq = protocol::rich_compare_bool(&k, key, CompareOp::Eq)?;
                                    if self.version.get() != version {
                                        continue 'restart;
                                    }
                                    if eq {
                                        return Ok(Found::At(ix as usize, i));
                                    }
                                }
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
        }
    }

    /// `d[key]` without `__missing__`: `Ok(None)` if absent.
    pub fn get_item(&self, key: &PyRef) -> PyResult<Option<PyRef>> {
        let hash = protocol::hash(key)?;
        self.get_item_hashed(key, hash)
    }

    pub fn get_item_hashed(&self, key: &PyRef, hash: isize) -> PyResult<Option<PyRef>> {
        match self.lookup(key, hash)? {
            // SAFETY: short read of the found entry.
            Found::At(ix, _) => Ok(unsafe { (&(*self.table()).entries)[ix].value.clone() }),
            Found::Missing => Ok(None),
        }
    }

    /// Lookup by a str key (never runs Python code when all keys are strs).
    pub fn get_str(&self, key: &str) -> PyResult<Option<PyRef>> {
        let k = PyStr::new(key)?;
        self.get_item(&k)
    }

    /// `d[key] = value`.
    pub fn set_item(&self, key: PyRef, value: PyRef) -> PyResult<()> {
        let hash = protocol::hash(&key)?;
        self.set_item_hashed(key, hash, value)
    }

    pub fn set_item_hashed(&self, key: PyRef, hash: isize, value: PyRef) -> PyResult<()> {
        match self.lookup(&key, hash)? {
            Found::At(ix, _) => {
                // SAFETY: swap the value; the old one drops after the borrow.
                let old = unsafe { (&mut (*self.table()).entries)[ix].value.replace(value) };
                self.version.set(self.version.get().wrapping_add(1));
                drop(old);
            }
            Found::Missing => {
                // SAFETY: no Python code runs while the table is borrowed.
                unsafe {
                    let t = &mut *self.table();
                    if t.usable == 0 {
                        t.resize(growth_rate(t.used.max(1)));
                    }
                    t.insert_fresh(hash, key, value);
                }
                self.bump();
            }
        }
        Ok(())
    }

    /// `set_item` with a str key given as text.
    pub fn set_str(&self, key: &str, value: PyRef) -> PyResult<()> {
        let k = crate::objects::str::intern(key);
        self.set_item(k, value)
    }

    /// `del d[key]`: returns the removed value, or `None` if absent.
    pub fn del_item(&self, key: &PyRef) -> PyResult<Option<PyRef>> {
        let hash = protocol::hash(key)?;
        match self.lookup(key, hash)? {
            Found::At(ix, slot) => {
                // SAFETY: take key and value out; drop them after the borrow.
                let (k, v) = unsafe {
                    let t = &mut *self.table();
                    t.indices[slot] = DUMMY;
                    t.used -= 1;
                    let e = &mut t.entries[ix];
                    (e.key.take(), e.value.take())
                };
                self.bump();
                drop(k);
                Ok(v)
            }
            Found::Missing => Ok(None),
        }
    }

    /// Removes everything.
    pub fn clear(&self) {
        // SAFETY: swap the table out; drop it after the borrow.
        let old = unsafe { std::mem::replace(&mut *self.table(), Table::empty()) };
        self.bump();
        drop(old);
    }

    /// The live entries in order, cloned.
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.table() };
        t.entries
            .iter()
            .filter_map(|e| match (&e.key, &e.value) {
                (Some(k), Some(v)) => Some((k.clone(), v.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.items().into_iter().map(|(k, _)| k).collect()
    }

    pub fn values(&self) -> Vec<PyRef> {
        self.items().into_iter().map(|(_, v)| v).collect()
    }

    /// The entry at position `pos` in `entries` or later: for iteration
    /// (`_PyDict_Next`). Returns the next position and the pair.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, PyRef, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.table() };
        while pos < t.entries.len() {
            let e = &t.entries[pos];
            pos += 1;
            if let (Some(k), Some(v)) = (&e.key, &e.value) {
                return Some((pos, k.clone(), v.clone()));
            }
        }
        None
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
