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
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::list::{repr_enter, sequence_fast, PyList};
use crate::objects::none::{none, not_implemented};
use crate::objects::slice::{self as slice_mod, check_nargs};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// Slot values in `indices` (entry indices are 0..=i32::MAX: 4-byte slots
/// as CPython's for tables of up to 2**31 entries, half the memory of 8).
const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
/// The most entries a table holds (indices are i32).
const MAX_ENTRIES: usize = i32::MAX as usize;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// One entry (`PyDictKeyEntry`); `None` key marks a deleted entry.
#[derive(Clone)]
pub struct Entry {
    pub hash: isize,
    pub key: Option<PyRef>,
    pub value: Option<PyRef>,
}

/// The hash table proper.
#[derive(Clone)]
pub struct Table {
    indices: Vec<i32>,
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

    #[inline]
    fn insert_fresh(&mut self, hash: isize, key: PyRef, value: PyRef) {
        let slot = self.find_empty_slot(hash);
        self.insert_at(slot, hash, key, value);
    }

    /// Appends an entry whose index goes to `slot` (a free slot on its
    /// probe sequence; the caller keeps `usable > 0`).
    #[inline]
    fn insert_at(&mut self, slot: usize, hash: isize, key: PyRef, value: PyRef) {
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Entry {
            hash,
            key: Some(key),
            value: Some(value),
        });
        self.used += 1;
        self.usable -= 1;
    }

    /// Rebuilds with room for `minsize` entries (`dictresize`): the live
    /// entries are compacted in place (moved as a block when there are no
    /// holes, as CPython's `memcpy`) and the indices rebuilt
    /// (`build_indices`).
    fn resize(&mut self, minsize: usize) {
        let n = calculate_keysize(minsize);
        if self.entries.len() != self.used {
            self.entries.retain(|e| e.key.is_some());
        }
        let usable = usable_fraction(n);
        let mut entries = std::mem::take(&mut self.entries);
        if entries.capacity() < usable {
            entries.reserve_exact(usable - entries.len());
        }
        let mut indices = vec![EMPTY; n];
        let mask = n - 1;
        for (ix, e) in entries.iter().enumerate() {
            let mut perturb = e.hash as usize;
            let mut i = e.hash as usize & mask;
            // SAFETY: `i` is masked to the power-of-two length n.
            while unsafe { *indices.get_unchecked(i) } != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
            // SAFETY: as above.
            unsafe { *indices.get_unchecked_mut(i) = ix as i32 };
        }
        self.usable = usable.saturating_sub(entries.len());
        self.used = entries.len();
        self.entries = entries;
        self.indices = indices;
    }
}

/// 3.11's `calculate_log2_keysize` on 64-bit Linux, as a size:
/// `bit_length(((minsize | 8) - 1) | 7)`. It is not always the smallest power
/// of two >= minsize (5 gives 16, 16 gives 32), and table sizes (hence
/// `__sizeof__`) follow it exactly.
fn calculate_keysize(minsize: usize) -> usize {
    let x = ((minsize | MIN_SIZE) - 1) | (MIN_SIZE - 1);
    let bits = usize::BITS - x.leading_zeros();
    1usize.checked_shl(bits).unwrap_or(1 << (usize::BITS - 1))
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
    tp_clear: Cell::new(Some(clear_dict)),
    tp_repr: Cell::new(Some(dict_repr)),
    tp_richcompare: Cell::new(Some(dict_richcompare)),
    tp_iter: Cell::new(Some(dict_iter)),
    tp_new: Cell::new(Some(dict_new)),
    tp_init: Cell::new(Some(dict_init)),
    as_number: NumberSlots {
        nb_or: Cell::new(Some(dict_or)),
        nb_inplace_or: Cell::new(Some(dict_ior)),
        ..NumberSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_contains: Cell::new(Some(dict_contains)),
        ..SequenceSlots::EMPTY
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(dict_length)),
        mp_subscript: Cell::new(Some(dict_subscript)),
        mp_ass_subscript: Cell::new(Some(dict_ass_subscript)),
    },
    tp_methods: &[
        MethodDef::new("get", Meth::Fast(dict_get)).with_doc("get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the dictionary, else default."),
        MethodDef::new("setdefault", Meth::Fast(dict_setdefault)).with_doc("setdefault($self, key, default=None, /)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default."),
        MethodDef::new("pop", Meth::Fast(dict_pop)).with_doc("pop($self, key, default=<unrepresentable>, /)\n--\n\nD.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError."),
        MethodDef::new("popitem", Meth::NoArgs(dict_popitem)).with_doc("popitem($self, /)\n--\n\nRemove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."),
        MethodDef::new("update", Meth::FastKw(dict_update)).with_doc("D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"),
        MethodDef::new("copy", Meth::NoArgs(dict_copy)).with_doc("D.copy() -> a shallow copy of D"),
        MethodDef::new("clear", Meth::NoArgs(dict_clear_meth)).with_doc("D.clear() -> None.  Remove all items from D."),
        MethodDef::class("fromkeys", Meth::Fast(dict_fromkeys)).with_doc("fromkeys($type, iterable, value=None, /)\n--\n\nCreate a new dictionary with keys from iterable and values set to value."),
        MethodDef::new("keys", Meth::NoArgs(|d| new_view(&DICT_KEYS_TYPE, d))).with_doc("D.keys() -> a set-like object providing a view on D's keys"),
        MethodDef::new("values", Meth::NoArgs(|d| new_view(&DICT_VALUES_TYPE, d))).with_doc("D.values() -> an object providing a view on D's values"),
        MethodDef::new("items", Meth::NoArgs(|d| new_view(&DICT_ITEMS_TYPE, d))).with_doc("D.items() -> a set-like object providing a view on D's items"),
        MethodDef::new(
            "__reversed__",
            Meth::NoArgs(|d| new_iter(&DICT_REVKEYITER_TYPE, d)),
        ).with_doc("__reversed__($self, /)\n--\n\nReturn a reverse iterator over the dict keys."),
        MethodDef::new("__sizeof__", Meth::NoArgs(dict_sizeof)).with_doc("D.__sizeof__() -> size of D in memory, in bytes"),
        MethodDef::new("__getitem__", Meth::O(dict_subscript)).with_doc("x.__getitem__(y) <==> x[y]"),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ).with_doc("See PEP 585"),
    ],
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
    // SAFETY: the caller's promise.
    unsafe { visit_refs(obj, visit) }
}

/// `traverse_dict` with a visitor the caller inlines (the collector's
/// loops, for instance dicts).
///
/// # Safety
/// `obj` is a live dict; the visitor does not change it.
#[inline(always)]
pub unsafe fn visit_refs<F: FnMut(*mut PyObject) + ?Sized>(obj: *mut PyObject, visit: &mut F) {
    // SAFETY: obj is a live dict; visiting does not mutate it.
    unsafe {
        let d = &*(obj as *const PyDict);
        // Exact str keys are not visited (CPython's table of unicode keys
        // visits its values only; a str holds no references). Taipan
        // deviation: in a table mixing str and other keys CPython visits
        // the str keys too.
        for e in (*d.table.get()).entries.iter() {
            if let Some(k) = &e.key {
                if !k.is_exact::<PyStr>() {
                    visit(k.as_ptr());
                }
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
    if let (Some(x), Some(y)) = (a.downcast_exact::<PyInt>(), b.downcast_exact::<PyInt>()) {
        // One value has one form (small or big), so equal forms decide.
        return Some(match (&x.big, &y.big) {
            (None, None) => x.small == y.small,
            (Some(p), Some(q)) => p == q,
            _ => false,
        });
    }
    None
}

/// `hash(key)`, with exact strs (cached) and exact ints computed inline.
#[inline(always)]
fn key_hash(key: &PyRef) -> PyResult<isize> {
    if let Some(s) = key.downcast_exact::<PyStr>() {
        return Ok(s.hash());
    }
    if let Some(i) = key.downcast_exact::<PyInt>() {
        return Ok(crate::objects::int::hash_int(i));
    }
    protocol::hash(key)
}

enum Found {
    /// Index into `entries` and the slot in `indices`.
    At(usize, usize),
    /// Absent; the slot a new entry of this hash would take (the first
    /// DUMMY or EMPTY slot on the probe sequence, `find_empty_slot`'s
    /// answer), or `NO_SLOT` when the table has no indices yet.
    Missing(usize),
}

const NO_SLOT: usize = usize::MAX;

/// The probe when no comparison needs Python code (`lookdict_unicode` and
/// the identity / exact-int cases of `lookdict`): `None` when a candidate
/// with an equal hash needs `__eq__`, which the caller's slow loop runs.
#[inline(always)]
fn probe_fast(t: &Table, key: &PyRef, hash: isize) -> Option<Found> {
    if t.indices.is_empty() {
        return Some(Found::Missing(NO_SLOT));
    }
    let mask = t.mask();
    let mut perturb = hash as usize;
    let mut i = hash as usize & mask;
    let mut free = NO_SLOT;
    loop {
        // SAFETY: `i` is masked to the power-of-two length of `indices`.
        let ix = unsafe { *t.indices.get_unchecked(i) };
        if ix >= 0 {
            // SAFETY: every non-negative index names an entry (entries are only ever appended, and a resize rebuilds indices).
            let e = unsafe { t.entries.get_unchecked(ix as usize) };
            if e.hash == hash {
                if let Some(k) = &e.key {
                    match keys_equal_fast(k, key) {
                        Some(true) => return Some(Found::At(ix as usize, i)),
                        Some(false) => {}
                        None => return None,
                    }
                }
            }
        } else if ix == EMPTY {
            return Some(Found::Missing(if free == NO_SLOT { i } else { free }));
        } else if free == NO_SLOT {
            free = i;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
    }
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
        self.version.set(next_version());
        // SAFETY: short read.
        self.used.set(unsafe { (*self.table()).used });
    }

    /// Finds `key` (with hash `hash`). Comparisons that run Python code
    /// restart the probe if they changed the dict.
    #[inline(always)]
    fn lookup(&self, key: &PyRef, hash: isize) -> PyResult<Found> {
        // SAFETY: the fast probe runs no Python code.
        match unsafe { probe_fast(&*self.table(), key, hash) } {
            Some(f) => Ok(f),
            None => self.lookup_slow(key, hash),
        }
    }

    /// The probe for keys whose comparison may run Python code (`lookdict`'s
    /// generic loop): it restarts when a comparison changed the dict.
    #[inline(never)]
    fn lookup_slow(&self, key: &PyRef, hash: isize) -> PyResult<Found> {
        'restart: loop {
            let version = self.version.get();
            // SAFETY: reads of the table end before any Python code runs (the candidate key is cloned out first).
            let t = unsafe { &*self.table() };
            if t.indices.is_empty() {
                return Ok(Found::Missing(NO_SLOT));
            }
            let mask = t.mask();
            let mut perturb = hash as usize;
            let mut i = hash as usize & mask;
            let mut free = NO_SLOT;
            loop {
                // SAFETY: as above; re-borrowed after every possible call.
                let t = unsafe { &*self.table() };
                let ix = t.indices[i];
                if ix == EMPTY {
                    return Ok(Found::Missing(if free == NO_SLOT { i } else { free }));
                }
                if ix == DUMMY && free == NO_SLOT {
                    free = i;
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
    #[inline]
    pub fn get_item(&self, key: &PyRef) -> PyResult<Option<PyRef>> {
        let hash = key_hash(key)?;
        self.get_item_hashed(key, hash)
    }

    #[inline]
    pub fn get_item_hashed(&self, key: &PyRef, hash: isize) -> PyResult<Option<PyRef>> {
        match self.lookup(key, hash)? {
            Found::At(ix, _) => {
                // SAFETY: short read of the table, nothing runs meanwhile.
                let t = unsafe { &*self.table() };
                // SAFETY: `ix` is in range: the probe just read that entry.
                Ok(unsafe { t.entries.get_unchecked(ix) }.value.clone())
            }
            Found::Missing(_) => Ok(None),
        }
    }

    /// Lookup by a str key (never runs Python code when all keys are strs).
    pub fn get_str(&self, key: &str) -> PyResult<Option<PyRef>> {
        let k = PyStr::new(key)?;
        self.get_item(&k)
    }

    /// `d[key] = value`.
    #[inline]
    pub fn set_item(&self, key: PyRef, value: PyRef) -> PyResult<()> {
        let hash = key_hash(&key)?;
        self.set_item_hashed(key, hash, value)
    }

    pub fn set_item_hashed(&self, key: PyRef, hash: isize, value: PyRef) -> PyResult<()> {
        crate::gc::maintain_dict_tracking(self, &key, &value);
        match self.lookup(&key, hash)? {
            Found::At(ix, _) => {
                // SAFETY: swap the value; the old one drops after the borrow.
                let old = unsafe { (&mut (*self.table()).entries)[ix].value.replace(value) };
                self.version.set(next_version());
                drop(old);
            }
            Found::Missing(slot) => {
                // SAFETY: no Python code runs while the table is borrowed (nothing ran since the probe that found `slot`).
                unsafe {
                    let t = &mut *self.table();
                    if t.usable == 0 || slot >= t.indices.len() {
                        if t.indices.is_empty() {
                            *t = Table::with_size(MIN_SIZE);
                        } else if t.used > MAX_ENTRIES / 4 {
                            return Err(PyErr::no_memory());
                        } else if t.usable == 0 {
                            t.resize(growth_rate(t.used));
                        }
                        t.insert_fresh(hash, key, value);
                    } else {
                        t.insert_at(slot, hash, key, value);
                    }
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
        let hash = key_hash(key)?;
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
            Found::Missing(_) => Ok(None),
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

    /// Like [`PyDict::next_entry`], with the entry's stored hash.
    pub fn next_entry_hashed(&self, mut pos: usize) -> Option<(usize, isize, PyRef, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.table() };
        while let Some(e) = t.entries.get(pos) {
            pos += 1;
            if let (Some(k), Some(v)) = (&e.key, &e.value) {
                return Some((pos, e.hash, k.clone(), v.clone()));
            }
        }
        None
    }

    /// The live keys with their stored hashes, in order.
    pub fn keys_hashed(&self) -> Vec<(isize, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.table() };
        t.entries
            .iter()
            .filter_map(|e| match (&e.key, &e.value) {
                (Some(k), Some(_)) => Some((e.hash, k.clone())),
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

unsafe fn clear_dict(obj: *mut PyObject) {
    // SAFETY: obj is a live dict; `clear` swaps the table out first.
    unsafe { (*(obj as *const PyDict)).clear() }
}

fn payload(obj: &PyRef) -> &PyDict {
    // SAFETY: the dict type's slots and methods get dicts (or subclasses).
    unsafe { obj.payload_unchecked::<PyDict>() }
}

impl PyDict {
    /// The slot in `indices` that holds entry `ix` (hash `hash`).
    fn slot_of(t: &Table, hash: isize, ix: usize) -> Option<usize> {
        if t.indices.is_empty() {
            return None;
        }
        let mask = t.mask();
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        for _ in 0..(t.indices.len() * 2 + 64) {
            if t.indices[i] as i64 == ix as i64 {
                return Some(i);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        t.indices.iter().position(|&x| x as i64 == ix as i64)
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&self) -> Option<(PyRef, PyRef)> {
        // SAFETY: no Python code runs while the table is borrowed; the pair is returned to the caller.
        let r = unsafe {
            let t = &mut *self.table();
            loop {
                let ix = t.entries.len().checked_sub(1)?;
                let e = t.entries.pop()?;
                if let (Some(k), Some(v)) = (e.key, e.value) {
                    if let Some(slot) = Self::slot_of(t, e.hash, ix) {
                        t.indices[slot] = DUMMY;
                    }
                    t.used -= 1;
                    break Some((k, v));
                }
            }
        };
        self.bump();
        r
    }

    /// The live entry at position `pos` or before it, scanning backwards:
    /// (its position, key, value).
    pub fn prev_entry(&self, pos: isize) -> Option<(isize, PyRef, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.table() };
        let mut p = pos;
        while p >= 0 {
            if let Some(Entry {
                key: Some(k),
                value: Some(v),
                ..
            }) = t.entries.get(p as usize)
            {
                return Some((p, k.clone(), v.clone()));
            }
            p -= 1;
        }
        None
    }

    /// The number of entry slots in use, live or deleted (`dk_nentries`).
    pub fn nentries(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.table()).entries.len() }
    }

    /// `dict.copy()` into a new exact dict (`PyDict_Copy`): a clone of the
    /// table when at most a third of its entries are deleted, else a merge.
    pub fn copy(&self) -> PyResult<PyRef> {
        let d = PyDict::new()?;
        if self.is_empty() {
            return Ok(d);
        }
        let p = payload(&d);
        if self.len() >= self.nentries() * 2 / 3 {
            // SAFETY: cloning the table only increments counts.
            let t = unsafe { (*self.table()).clone() };
            // SAFETY: the new dict's empty table is swapped out.
            let old = unsafe { std::mem::replace(&mut *p.table(), t) };
            p.bump();
            // SAFETY: both dicts are live.
            if unsafe { crate::gc::dict_may_hold_tracked(self as *const PyDict as *mut PyObject) } {
                crate::gc::track_ref(&d);
            }
            drop(old);
            return Ok(d);
        }
        p.merge_dict(self)?;
        Ok(d)
    }

    /// `dict_merge` from a dict (later values win): clones a clean source
    /// table into an empty target, else presizes once and inserts.
    pub fn merge_dict(&self, other: &PyDict) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        // SAFETY: short reads of the source table.
        let (osize, onentries) = unsafe {
            let t = &*other.table();
            (t.indices.len(), t.entries.len())
        };
        if self.is_empty()
            && other.len() == onentries
            && (osize == MIN_SIZE || usable_fraction(osize / 2) < other.len())
        {
            // SAFETY: cloning only increments counts; the old table is swapped out and dropped after the borrow.
            let old = unsafe {
                let t = (*other.table()).clone();
                if crate::gc::dict_may_hold_tracked(other as *const PyDict as *mut PyObject) {
                    let me = self as *const PyDict as *mut PyObject;
                    if crate::gc::is_gc(me) && !crate::gc::is_tracked(me) {
                        crate::gc::track(me);
                    }
                }
                std::mem::replace(&mut *self.table(), t)
            };
            self.bump();
            drop(old);
            return Ok(());
        }
        // SAFETY: resizing runs no Python code.
        unsafe {
            let t = &mut *self.table();
            if usable_fraction(t.indices.len()) < other.len() {
                t.resize(((t.used + other.len()) * 3).div_ceil(2));
            }
        }
        self.bump();
        let mut pos = 0;
        while let Some((next, h, k, v)) = other.next_entry_hashed(pos) {
            self.set_item_hashed(k, h, v)?;
            pos = next;
        }
        Ok(())
    }

    /// `dict.__sizeof__` as CPython 3.11 computes it (a keys object of
    /// 2**n slots: 32 bytes, the index array, and the usable entries of 24
    /// bytes, or 16 when every key is a str).
    pub fn sizeof(&self) -> usize {
        // SAFETY: short read.
        let t = unsafe { &*self.table() };
        let n = t.indices.len();
        if n == 0 {
            return 48;
        }
        let ix_bytes = if n <= 0x80 {
            1
        } else if n <= 0x8000 {
            2
        } else if n <= 0x8000_0000 {
            4
        } else {
            8
        };
        let unicode = t.entries.iter().all(|e| {
            e.key
                .as_ref()
                .map(|k| k.is_exact::<PyStr>())
                .unwrap_or(true)
        });
        let entry = if unicode { 16 } else { 24 };
        48 + 32 + n * ix_bytes + usable_fraction(n) * entry
    }
}

// ---------------------------------------------------------------------------
// Slots.

fn dict_repr(obj: &PyRef) -> PyResult<PyRef> {
    let d = payload(obj);
    if d.is_empty() {
        return PyStr::new("{}");
    }
    let _guard = match repr_enter(obj) {
        Some(g) => g,
        None => return PyStr::new("{...}"),
    };
    let mut s = String::from("{");
    let mut pos = 0;
    let mut first = true;
    while let Some((next, k, v)) = d.next_entry(pos) {
        if !first {
            s.push_str(", ");
        }
        first = false;
        s.push_str(&protocol::repr_string(&k)?);
        s.push_str(": ");
        s.push_str(&protocol::repr_string(&v)?);
        pos = next;
    }
    s.push('}');
    PyStr::new(&s)
}

fn dict_equal(a: &PyDict, b: &PyDict) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((next, k, av)) = a.next_entry(pos) {
        match b.get_item(&k)? {
            None => return Ok(false),
            Some(bv) => {
                if !protocol::rich_compare_bool(&av, &bv, CompareOp::Eq)? {
                    return Ok(false);
                }
            }
        }
        pos = next;
    }
    Ok(true)
}

fn dict_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(a), Some(b)) = (v.downcast::<PyDict>(), w.downcast::<PyDict>()) else {
        return Ok(not_implemented());
    };
    match op {
        CompareOp::Eq => Ok(py_bool(dict_equal(a, b)?)),
        CompareOp::Ne => Ok(py_bool(!dict_equal(a, b)?)),
        _ => Ok(not_implemented()),
    }
}

fn dict_length(obj: &PyRef) -> PyResult<usize> {
    Ok(payload(obj).len())
}

fn dict_subscript(obj: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    if let Some(v) = payload(obj).get_item(key)? {
        return Ok(v);
    }
    if !obj.is_exact::<PyDict>() {
        if let Some(m) = crate::objects::type_::lookup_str(obj.ty(), "__missing__") {
            let bound = crate::objects::descr::bind(&m, Some(obj), Some(&obj.type_ref()))?;
            return protocol::call1(&bound, std::slice::from_ref(key));
        }
    }
    Err(PyErr::key_error(key.clone()))
}

fn dict_ass_subscript(obj: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let d = payload(obj);
    match value {
        Some(v) => d.set_item(key.clone(), v.clone()),
        None => match d.del_item(key)? {
            Some(_) => Ok(()),
            None => Err(PyErr::key_error(key.clone())),
        },
    }
}

fn dict_contains(obj: &PyRef, key: &PyRef) -> PyResult<bool> {
    Ok(payload(obj).get_item(key)?.is_some())
}

fn dict_new(cls: &PyRef, _args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("dict.__new__(X): X is not a type object"))?;
    PyDict::new_in(ty)
}

fn dict_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    update_common(obj, args, kwnames, "dict")
}

/// `dict_update_common`: one optional positional (mapping or iterable of
/// pairs), then the keyword arguments.
fn update_common(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>, name: &str) -> PyResult<()> {
    let nkw = slice_mod::nkw(kwnames);
    let npos = args.len().saturating_sub(nkw);
    check_nargs(name, npos, 0, 1)?;
    if npos == 1 {
        update_arg(obj, &args[0])?;
    }
    if let Some(names) = kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        let d = payload(obj);
        for (k, v) in names.items().iter().zip(&args[npos..]) {
            d.set_item(k.clone(), v.clone())?;
        }
    }
    Ok(())
}

/// `o` as a dict whose entries can be copied in the dict's own order, as
/// `dict_merge` decides: a dict (or subclass) that keeps dict's `__iter__`
/// (an `OrderedDict`, which iterates in its own order, is not one).
pub fn as_plain_dict(o: &PyRef) -> Option<&PyDict> {
    let d = o.downcast::<PyDict>()?;
    let plain = o.is_exact::<PyDict>()
        || o.ty().tp_iter.get().map(|f| f as usize) == Some(dict_iter as UnaryFn as usize);
    plain.then_some(d)
}

/// `dict_update_arg`: merge a mapping (a dict, or anything with `keys`) or
/// an iterable of pairs into `obj`.
pub fn update_arg(obj: &PyRef, arg: &PyRef) -> PyResult<()> {
    let d = payload(obj);
    if let Some(src) = arg.downcast::<PyDict>() {
        let plain_iter =
            arg.ty().tp_iter.get().map(|f| f as usize) == Some(dict_iter as UnaryFn as usize);
        if plain_iter {
            return d.merge_dict(src);
        }
    }
    if let Some(keys) = protocol::lookup_attr(arg, crate::intern!("keys"))? {
        let ks = protocol::call1(&keys, &[])?;
        let it = protocol::get_iter(&ks)?;
        while let Some(k) = protocol::next(&it)? {
            let v = protocol::get_item(arg, &k)?;
            d.set_item(k, v)?;
        }
        return Ok(());
    }
    merge_from_seq2(d, arg)
}

fn merge_from_seq2(d: &PyDict, arg: &PyRef) -> PyResult<()> {
    let it = protocol::get_iter(arg)?;
    let mut n = 0usize;
    while let Some(item) = protocol::next(&it)? {
        let pair = sequence_fast(
            &item,
            &format!("cannot convert dictionary update sequence element #{n} to a sequence"),
        )?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        if let (Some(k), Some(v)) = (p.next(), p.next()) {
            d.set_item(k, v)?;
        }
        n += 1;
    }
    Ok(())
}

fn dict_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (Some(x), true) = (a.downcast::<PyDict>(), b.is_instance_of::<PyDict>()) else {
        return Ok(not_implemented());
    };
    let new = x.copy()?;
    update_arg(&new, b)?;
    Ok(new)
}

fn dict_ior(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    update_arg(a, b)?;
    Ok(a.clone())
}

// ---------------------------------------------------------------------------
// Methods.

fn dict_get(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("get", args.len(), 1, 2)?;
    match payload(obj).get_item(&args[0])? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(none)),
    }
}

fn dict_setdefault(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("setdefault", args.len(), 1, 2)?;
    let d = payload(obj);
    let hash = protocol::hash(&args[0])?;
    if let Some(v) = d.get_item_hashed(&args[0], hash)? {
        return Ok(v);
    }
    let dflt = args.get(1).cloned().unwrap_or_else(none);
    d.set_item_hashed(args[0].clone(), hash, dflt.clone())?;
    Ok(dflt)
}

fn dict_pop(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("pop", args.len(), 1, 2)?;
    // `_PyDict_Pop`: an empty dict gives the default without hashing the key.
    if payload(obj).is_empty() {
        if let Some(d) = args.get(1) {
            return Ok(d.clone());
        }
    }
    match payload(obj).del_item(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::key_error(args[0].clone())),
        },
    }
}

fn dict_popitem(obj: &PyRef) -> PyResult<PyRef> {
    match payload(obj).pop_last() {
        Some((k, v)) => PyTuple::new(vec![k, v]),
        None => Err(PyErr::new(
            &crate::objects::exceptions::KEY_ERROR,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_update(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    update_common(obj, args, kwnames, "update")?;
    Ok(none())
}

fn dict_copy(obj: &PyRef) -> PyResult<PyRef> {
    payload(obj).copy()
}

fn dict_clear_meth(obj: &PyRef) -> PyResult<PyRef> {
    payload(obj).clear();
    Ok(none())
}

fn dict_fromkeys(cls: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("fromkeys", args.len(), 1, 2)?;
    let value = args.get(1).cloned().unwrap_or_else(none);
    let d = protocol::call1(cls, &[])?;
    // `_PyDict_FromKeys`'s fast paths: an exact dict target filled from a
    // dict or a set is presized and uses the stored hashes.
    if let Some(target) = d.downcast_exact::<PyDict>() {
        let src: Option<Vec<(isize, PyRef)>> = if let Some(sd) = args[0].downcast_exact::<PyDict>()
        {
            Some(sd.keys_hashed())
        } else if args[0].is_exact::<crate::objects::set::PySet>()
            || std::ptr::eq(args[0].ty(), &crate::objects::set::FROZENSET_TYPE)
        {
            // SAFETY: checked to be a set or frozenset.
            Some(unsafe { args[0].payload_unchecked::<crate::objects::set::PySet>() }.entries())
        } else {
            None
        };
        if let Some(keys) = src {
            if target.is_empty() {
                // SAFETY: resizing an empty table runs no Python code.
                unsafe { (*target.table()).resize((keys.len() * 3).div_ceil(2)) };
            }
            for (h, k) in keys {
                target.set_item_hashed(k, h, value.clone())?;
            }
            return Ok(d);
        }
    }
    let it = protocol::get_iter(&args[0])?;
    let exact = d.downcast_exact::<PyDict>();
    while let Some(k) = protocol::next(&it)? {
        match exact {
            Some(p) => p.set_item(k, value.clone())?,
            None => protocol::set_item(&d, &k, Some(&value))?,
        }
    }
    Ok(d)
}

fn dict_sizeof(obj: &PyRef) -> PyResult<PyRef> {
    let extra = obj.ty().tp_basicsize.get() - DICT_TYPE.tp_basicsize.get();
    PyInt::new((payload(obj).sizeof() + extra) as i64)
}

// ---------------------------------------------------------------------------
// Iterators.

/// The payload of the six dict iterator types; `dict` is cleared when
/// exhausted.
#[repr(C)]
pub struct PyDictIter {
    pub ob_base: PyObject,
    pub dict: ObjCell,
    /// Next entry position (reverse: the position to look at, counting down).
    pub pos: Cell<isize>,
    /// `ma_used` when the iterator was made; -1 once a change was seen.
    pub used: Cell<isize>,
    /// Items still expected (`di->len`).
    pub remaining: Cell<isize>,
    /// CPython's cached item tuple (`di_result`): kept for the object size
    /// only (`sys.getsizeof`).
    pub _cpython_result: Cell<usize>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Keys,
    Values,
    Items,
}

macro_rules! dict_iter_type {
    ($stat:ident, $name:literal, $next:ident, $kind:expr, $rev:expr) => {
        pub static $stat: PyType = PyType {
            tp_name: $name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyDictIter>()),
            tp_flags: Cell::new(TypeFlags::HAVE_GC),
            tp_drop: Some(drop_dict_iter),
            tp_traverse: Cell::new(Some(traverse_dict_iter)),
            tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
            tp_iternext: Cell::new(Some($next)),
            tp_methods: &[
                MethodDef::new("__length_hint__", Meth::NoArgs(dict_iter_len)),
                MethodDef::new("__reduce__", Meth::NoArgs(dict_iter_reduce)),
            ],
            ..PyType::BASE
        };
        fn $next(it: &PyRef) -> PyResult<Option<PyRef>> {
            dict_iter_next(it, $kind, $rev)
        }
    };
}

dict_iter_type!(
    DICT_KEYITER_TYPE,
    "dict_keyiterator",
    next_key,
    Kind::Keys,
    false
);
dict_iter_type!(
    DICT_VALUEITER_TYPE,
    "dict_valueiterator",
    next_value,
    Kind::Values,
    false
);
dict_iter_type!(
    DICT_ITEMITER_TYPE,
    "dict_itemiterator",
    next_item,
    Kind::Items,
    false
);
dict_iter_type!(
    DICT_REVKEYITER_TYPE,
    "dict_reversekeyiterator",
    next_rkey,
    Kind::Keys,
    true
);
dict_iter_type!(
    DICT_REVVALUEITER_TYPE,
    "dict_reversevalueiterator",
    next_rvalue,
    Kind::Values,
    true
);
dict_iter_type!(
    DICT_REVITEMITER_TYPE,
    "dict_reverseitemiterator",
    next_ritem,
    Kind::Items,
    true
);

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyDictIter {
    fn type_object() -> &'static PyType {
        &DICT_KEYITER_TYPE
    }
}

unsafe fn drop_dict_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { drop((*(obj as *const PyDictIter)).dict.take()) }
}

unsafe fn traverse_dict_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator.
    unsafe {
        if let Some(d) = (*(obj as *const PyDictIter)).dict.get() {
            visit(d.as_ptr());
        }
    }
}

/// A new iterator of type `ty` (one of the six) over `dict`.
fn new_iter(ty: &'static PyType, dict: &PyRef) -> PyResult<PyRef> {
    let d = payload(dict);
    let rev = std::ptr::eq(ty, &DICT_REVKEYITER_TYPE)
        || std::ptr::eq(ty, &DICT_REVVALUEITER_TYPE)
        || std::ptr::eq(ty, &DICT_REVITEMITER_TYPE);
    let it = alloc_object(
        ty,
        PyDictIter {
            ob_base: PyObject::NEW,
            dict: ObjCell::empty(),
            pos: Cell::new(if rev { d.nentries() as isize - 1 } else { 0 }),
            used: Cell::new(d.len() as isize),
            remaining: Cell::new(d.len() as isize),
            _cpython_result: Cell::new(0),
        },
    )?;
    // SAFETY: the iterator just made.
    unsafe { it.payload_unchecked::<PyDictIter>() }
        .dict
        .set(Some(dict.clone()));
    Ok(it)
}

/// `(iter, (list_of_what_is_left,))`, from a copy of the iterator's state.
fn dict_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    let all: [&'static PyType; 6] = [
        &DICT_KEYITER_TYPE,
        &DICT_VALUEITER_TYPE,
        &DICT_ITEMITER_TYPE,
        &DICT_REVKEYITER_TYPE,
        &DICT_REVVALUEITER_TYPE,
        &DICT_REVITEMITER_TYPE,
    ];
    let ty = all
        .iter()
        .copied()
        .find(|t| std::ptr::eq(*t, it.ty()))
        .unwrap_or(&DICT_KEYITER_TYPE);
    // SAFETY: a method of the dict iterators.
    let p = unsafe { it.payload_unchecked::<PyDictIter>() };
    let copy = alloc_object(
        ty,
        PyDictIter {
            ob_base: PyObject::NEW,
            dict: ObjCell::empty(),
            pos: Cell::new(p.pos.get()),
            used: Cell::new(p.used.get()),
            remaining: Cell::new(p.remaining.get()),
            _cpython_result: Cell::new(0),
        },
    )?;
    // SAFETY: the iterator just made.
    unsafe { copy.payload_unchecked::<PyDictIter>() }
        .dict
        .set(p.dict.get_owned());
    let rest = crate::object::protocol::collect(&copy)?;
    crate::objects::tuple::PyTuple::new(vec![
        crate::objects::iter::builtin("iter")?,
        crate::objects::tuple::PyTuple::new(vec![crate::objects::list::PyList::new(rest)?])?,
    ])
}

fn dict_iter(obj: &PyRef) -> PyResult<PyRef> {
    new_iter(&DICT_KEYITER_TYPE, obj)
}

fn dict_iter_next(it: &PyRef, kind: Kind, rev: bool) -> PyResult<Option<PyRef>> {
    // SAFETY: the dict iterator types' tp_iternext get their objects.
    let p = unsafe { it.payload_unchecked::<PyDictIter>() };
    let Some(dict) = p.dict.get_owned() else {
        return Ok(None);
    };
    let d = payload(&dict);
    if p.used.get() != d.len() as isize {
        p.used.set(-1);
        return Err(PyErr::runtime_error(
            "dictionary changed size during iteration",
        ));
    }
    let found = if rev {
        d.prev_entry(p.pos.get()).map(|(at, k, v)| {
            p.pos.set(at - 1);
            (k, v)
        })
    } else {
        d.next_entry(p.pos.get().max(0) as usize)
            .map(|(next, k, v)| {
                p.pos.set(next as isize);
                (k, v)
            })
    };
    match found {
        None => {
            drop(p.dict.take());
            Ok(None)
        }
        Some((k, v)) => {
            if p.remaining.get() <= 0 {
                drop(p.dict.take());
                return Err(PyErr::runtime_error(
                    "dictionary keys changed during iteration",
                ));
            }
            p.remaining.set(p.remaining.get() - 1);
            Ok(Some(match kind {
                Kind::Keys => k,
                Kind::Values => v,
                Kind::Items => PyTuple::new(vec![k, v])?,
            }))
        }
    }
}

fn dict_iter_len(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of the dict iterator types.
    let p = unsafe { it.payload_unchecked::<PyDictIter>() };
    let n = match p.dict.get() {
        Some(d) if p.used.get() == payload(d).len() as isize => p.remaining.get(),
        _ => 0,
    };
    PyInt::new(n as i64)
}

// ---------------------------------------------------------------------------
// Views.

/// The payload of `dict_keys`, `dict_values`, `dict_items`.
#[repr(C)]
pub struct PyDictView {
    pub ob_base: PyObject,
    pub dict: ObjCell,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyDictView {
    fn type_object() -> &'static PyType {
        &DICT_KEYS_TYPE
    }
}

unsafe fn drop_view(obj: *mut PyObject) {
    // SAFETY: obj is a dead view.
    unsafe { drop((*(obj as *const PyDictView)).dict.take()) }
}

unsafe fn traverse_view(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live view.
    unsafe {
        if let Some(d) = (*(obj as *const PyDictView)).dict.get() {
            visit(d.as_ptr());
        }
    }
}

const SET_LIKE_NUMBER: NumberSlots = NumberSlots {
    nb_and: Cell::new(Some(view_and)),
    nb_or: Cell::new(Some(view_or)),
    nb_xor: Cell::new(Some(view_xor)),
    nb_subtract: Cell::new(Some(view_sub)),
    ..NumberSlots::EMPTY
};

pub static DICT_KEYS_TYPE: PyType = PyType {
    tp_name: "dict_keys",
    tp_basicsize: Cell::new(std::mem::size_of::<PyDictView>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_view),
    tp_traverse: Cell::new(Some(traverse_view)),
    tp_repr: Cell::new(Some(view_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(view_richcompare)),
    tp_iter: Cell::new(Some(|v| new_iter(&DICT_KEYITER_TYPE, &view_dict(v)?))),
    as_number: SET_LIKE_NUMBER,
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(view_len)),
        sq_contains: Cell::new(Some(|v, k| dict_contains(&view_dict(v)?, k))),
        ..SequenceSlots::EMPTY
    },
    tp_methods: &[
        MethodDef::new("isdisjoint", Meth::O(view_isdisjoint)),
        MethodDef::new(
            "__reversed__",
            Meth::NoArgs(|v| new_iter(&DICT_REVKEYITER_TYPE, &view_dict(v)?)),
        ),
    ],
    tp_getset: &[GetSetDef::getter("mapping", view_mapping)],
    ..PyType::BASE
};

pub static DICT_ITEMS_TYPE: PyType = PyType {
    tp_name: "dict_items",
    tp_basicsize: Cell::new(std::mem::size_of::<PyDictView>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_view),
    tp_traverse: Cell::new(Some(traverse_view)),
    tp_repr: Cell::new(Some(view_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(view_richcompare)),
    tp_iter: Cell::new(Some(|v| new_iter(&DICT_ITEMITER_TYPE, &view_dict(v)?))),
    as_number: SET_LIKE_NUMBER,
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(view_len)),
        sq_contains: Cell::new(Some(items_contains)),
        ..SequenceSlots::EMPTY
    },
    tp_methods: &[
        MethodDef::new("isdisjoint", Meth::O(view_isdisjoint)),
        MethodDef::new(
            "__reversed__",
            Meth::NoArgs(|v| new_iter(&DICT_REVITEMITER_TYPE, &view_dict(v)?)),
        ),
    ],
    tp_getset: &[GetSetDef::getter("mapping", view_mapping)],
    ..PyType::BASE
};

pub static DICT_VALUES_TYPE: PyType = PyType {
    tp_name: "dict_values",
    tp_basicsize: Cell::new(std::mem::size_of::<PyDictView>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_view),
    tp_traverse: Cell::new(Some(traverse_view)),
    tp_repr: Cell::new(Some(view_repr)),
    tp_iter: Cell::new(Some(|v| new_iter(&DICT_VALUEITER_TYPE, &view_dict(v)?))),
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(view_len)),
        ..SequenceSlots::EMPTY
    },
    tp_methods: &[MethodDef::new(
        "__reversed__",
        Meth::NoArgs(|v| new_iter(&DICT_REVVALUEITER_TYPE, &view_dict(v)?)),
    )],
    tp_getset: &[GetSetDef::getter("mapping", view_mapping)],
    ..PyType::BASE
};

/// A view of type `ty` (the dict's, or a subclass's such as OrderedDict's)
/// over `dict`.
pub fn new_view(ty: &'static PyType, dict: &PyRef) -> PyResult<PyRef> {
    let v = alloc_object(
        ty,
        PyDictView {
            ob_base: PyObject::NEW,
            dict: ObjCell::empty(),
        },
    )?;
    // SAFETY: the view just made.
    unsafe { v.payload_unchecked::<PyDictView>() }
        .dict
        .set(Some(dict.clone()));
    Ok(v)
}

fn view_dict(v: &PyRef) -> PyResult<PyRef> {
    // SAFETY: the view types' slots get views.
    let p = unsafe { v.payload_unchecked::<PyDictView>() };
    p.dict
        .get_owned()
        .ok_or_else(|| PyErr::system_error("dict view without its dict"))
}

/// Is `o` a `dict_keys` or `dict_items` view, or of a subtype such as
/// `odict_keys` (`PyDictViewSet_Check`)?
pub fn is_set_view(o: &PyRef) -> bool {
    let t = o.ty();
    std::ptr::eq(t, &DICT_KEYS_TYPE)
        || std::ptr::eq(t, &DICT_ITEMS_TYPE)
        || t.is_subtype(&DICT_KEYS_TYPE)
        || t.is_subtype(&DICT_ITEMS_TYPE)
}

fn view_len(v: &PyRef) -> PyResult<usize> {
    Ok(payload(&view_dict(v)?).len())
}

fn view_mapping(v: &PyRef) -> PyResult<PyRef> {
    crate::objects::type_::heap::new_mappingproxy(view_dict(v)?)
}

fn view_repr(v: &PyRef) -> PyResult<PyRef> {
    let _guard = match repr_enter(v) {
        Some(g) => g,
        None => return PyStr::new("..."),
    };
    let items = protocol::collect(v)?;
    let l = PyList::new(items)?;
    PyStr::new(&format!(
        "{}({})",
        v.ty().name(),
        protocol::repr_string(&l)?
    ))
}

fn items_contains(v: &PyRef, item: &PyRef) -> PyResult<bool> {
    let Some(t) = item.downcast::<PyTuple>() else {
        return Ok(false);
    };
    let [k, val] = t.items() else {
        return Ok(false);
    };
    match payload(&view_dict(v)?).get_item(k)? {
        Some(found) => protocol::rich_compare_bool(&found, val, CompareOp::Eq),
        None => Ok(false),
    }
}

fn all_contained_in(a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let it = protocol::get_iter(a)?;
    while let Some(x) = protocol::next(&it)? {
        if !protocol::contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !crate::objects::set::is_any_set(w) && !is_set_view(w) {
        return Ok(not_implemented());
    }
    let la = protocol::len(v)?;
    let lb = protocol::len(w)?;
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(v, w)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Lt => la < lb && all_contained_in(v, w)?,
        CompareOp::Le => la <= lb && all_contained_in(v, w)?,
        CompareOp::Gt => la > lb && all_contained_in(w, v)?,
        CompareOp::Ge => la >= lb && all_contained_in(w, v)?,
    };
    Ok(py_bool(r))
}

/// `set(a)` updated in place by `method` with `b` (CPython's dictviews_*).
fn view_set_op(a: &PyRef, b: &PyRef, method: &str) -> PyResult<PyRef> {
    let (first, second) = if is_set_view(a)
        || !is_set_view(b)
        || method == "difference_update"
        || method == "symmetric_difference_update"
    {
        (a, b)
    } else {
        (b, a)
    };
    let result = crate::objects::set::new_set(Some(first))?;
    protocol::call_method(&result, method, std::slice::from_ref(second))?;
    Ok(result)
}

/// `_PyDictView_Intersect`: iterates the other operand and keeps what the
/// view contains (so `items & [[1, 2]]` is empty, not an unhashable error).
fn view_and(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (mut view, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
    let len_self = protocol::len(view)?;
    if other.is_exact::<crate::objects::set::PySet>() && len_self <= protocol::len(other)? {
        return protocol::call_method(other, "intersection", std::slice::from_ref(view));
    }
    if is_set_view(other) && protocol::len(other)? > len_self {
        std::mem::swap(&mut view, &mut other);
    }
    let result = crate::objects::set::new_set(None)?;
    let it = protocol::get_iter(other)?;
    while let Some(x) = protocol::next(&it)? {
        if protocol::contains(view, &x)? {
            crate::objects::set::payload(&result).add(x)?;
        }
    }
    Ok(result)
}

fn view_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    view_set_op(a, b, "update")
}

fn view_xor(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    view_set_op(a, b, "symmetric_difference_update")
}

fn view_sub(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    view_set_op(a, b, "difference_update")
}

fn view_isdisjoint(v: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let it = protocol::get_iter(other)?;
    while let Some(x) = protocol::next(&it)? {
        if protocol::contains(v, &x)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &DICT_KEYITER_TYPE,
    &DICT_VALUEITER_TYPE,
    &DICT_ITEMITER_TYPE,
    &DICT_REVKEYITER_TYPE,
    &DICT_REVVALUEITER_TYPE,
    &DICT_REVITEMITER_TYPE,
    &DICT_KEYS_TYPE,
    &DICT_ITEMS_TYPE,
    &DICT_VALUES_TYPE,
];

/// The last dict version handed out. Versions come from one counter for all
/// dicts (CPython's `DICT_NEXT_VERSION`), so a version names one state of
/// one dict: the evaluation loop's caches compare versions alone. A new
/// dict has version 0, which only empty dicts have.
static DICT_VERSION: crate::gil::GilCell<u64> = crate::gil::GilCell::new(0);

#[inline(always)]
fn next_version() -> u64 {
    // SAFETY: GIL held; a plain counter.
    unsafe {
        let v = &mut *DICT_VERSION.as_ptr();
        *v += 1;
        *v
    }
}

/// Entry-index access for the evaluation loop's inline caches
/// (`eval::cache`), like CPython's `LOAD_ATTR_WITH_HINT`.
impl PyDict {
    /// The value of entry `ix` if that entry's key is `key` itself.
    #[inline(always)]
    pub fn value_at_if_key(&self, ix: usize, key: &PyRef) -> Option<PyRef> {
        // SAFETY: short read; nothing runs while the table is borrowed.
        let t = unsafe { &*self.table() };
        match t.entries.get(ix) {
            Some(Entry {
                key: Some(k),
                value: Some(v),
                ..
            }) if k.is(key) => Some(v.clone()),
            _ => None,
        }
    }

    /// The entry index of `key`, if present.
    pub fn index_of(&self, key: &PyRef) -> PyResult<Option<usize>> {
        let hash = key_hash(key)?;
        Ok(match self.lookup(key, hash)? {
            Found::At(ix, _) => Some(ix),
            Found::Missing(_) => None,
        })
    }

    /// Replaces the value of entry `ix` if its key is `key` itself: the old
    /// value back (to drop by the caller), or `Err(value)` when the entry
    /// is another key's.
    #[inline(always)]
    pub fn replace_at_if_key(&self, ix: usize, key: &PyRef, value: PyRef) -> Result<PyRef, PyRef> {
        // A dict holding only atomic values is untracked: storing a container
        // must track it, as every other store does (else cycles through it
        // are never collected).
        crate::gc::maintain_dict_tracking(self, key, &value);
        // SAFETY: the value is swapped without running code; the old one is dropped by the caller after the borrow.
        let t = unsafe { &mut *self.table() };
        match t.entries.get_mut(ix) {
            Some(Entry {
                key: Some(k),
                value: Some(v),
                ..
            }) if k.is(key) => {
                let old = std::mem::replace(v, value);
                self.version.set(next_version());
                Ok(old)
            }
            _ => Err(value),
        }
    }
}
