//! `set` and `frozenset` (CPython's `Objects/setobject.c`).
//!
//! The table is setobject.c's: a power-of-two array of slots (at least 8),
//! probed with up to `LINEAR_PROBES` neighbours before the perturbation
//! recurrence `i = (5*i + 1 + perturb) mod n`; deleted entries leave a dummy;
//! the table grows when `fill*5 >= mask*3`, to the smallest power of two
//! above `used*4` (`used*2` past 50000). Insertion and resize follow CPython
//! step by step, so iteration order (the table order) matches CPython's.
//! `frozenset`'s hash is 3.11's (`_shuffle_bits` over the entries' hashes).
//!
//! Comparing keys can run Python code; the table is never borrowed across
//! it: the candidate key is cloned out and the probe restarts if the table
//! changed meanwhile.

use std::cell::{Cell, UnsafeCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::dict::PyDict;
use crate::objects::int::PyInt;
use crate::objects::list::repr_enter;
use crate::objects::none::{none, not_implemented};
use crate::objects::slice::{self as slice_mod, check_nargs, no_kwargs};
use crate::objects::str::PyStr;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(isize, PyRef),
}

/// The set table proper.
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Bumped on every change (detects changes during a comparison).
    version: u64,
    /// `so->finger`, where `pop` starts looking.
    finger: usize,
}

impl SetTable {
    fn new() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            version: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_insert_clean`: a key known absent, no dummies on the way.
    fn insert_clean(slots: &mut [Slot], hash: isize, key: PyRef) {
        let mask = slots.len() - 1;
        let mut perturb = hash as usize;
        let mut i = hash as usize & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Full(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Empty) {
                        slots[i + j] = Slot::Full(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == self.slots.len() && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        for s in old {
            if let Slot::Full(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }
}

/// Where a probe ended.
enum Probe {
    /// The slot holding an equal key.
    Found(usize),
    /// Absent; the slot to insert into (a dummy seen first, or the empty
    /// slot that ended the probe) and whether it is a dummy.
    Absent(usize, bool),
}

/// The payload of `set` and `frozenset`.
#[repr(C)]
pub struct PySet {
    pub ob_base: PyObject,
    pub table: UnsafeCell<SetTable>,
    /// frozenset's cached hash (-1: not computed).
    pub hash: Cell<isize>,
    /// The weak-reference list head (`weakreflist`, see `_weakref`).
    pub weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first; frozenset shares the layout.
unsafe impl PyPayload for PySet {
    fn type_object() -> &'static PyType {
        &SET_TYPE
    }
}

const SET_NUMBER: NumberSlots = NumberSlots {
    nb_subtract: Cell::new(Some(set_sub)),
    nb_and: Cell::new(Some(set_and)),
    nb_xor: Cell::new(Some(set_xor)),
    nb_or: Cell::new(Some(set_or)),
    nb_inplace_subtract: Cell::new(Some(set_isub)),
    nb_inplace_and: Cell::new(Some(set_iand)),
    nb_inplace_xor: Cell::new(Some(set_ixor)),
    nb_inplace_or: Cell::new(Some(set_ior)),
    ..NumberSlots::EMPTY
};

const FROZENSET_NUMBER: NumberSlots = NumberSlots {
    nb_subtract: Cell::new(Some(set_sub)),
    nb_and: Cell::new(Some(set_and)),
    nb_xor: Cell::new(Some(set_xor)),
    nb_or: Cell::new(Some(set_or)),
    ..NumberSlots::EMPTY
};

const SET_SEQUENCE: SequenceSlots = SequenceSlots {
    sq_length: Cell::new(Some(set_len)),
    sq_contains: Cell::new(Some(set_contains)),
    ..SequenceSlots::EMPTY
};

pub static SET_TYPE: PyType = PyType {
    tp_name: "set",
    tp_basicsize: Cell::new(std::mem::size_of::<PySet>()),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PySet, weaklist) as isize),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_set),
    tp_traverse: Cell::new(Some(traverse_set)),
    tp_clear: Cell::new(Some(clear_set)),
    tp_repr: Cell::new(Some(set_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(set_richcompare)),
    tp_iter: Cell::new(Some(set_iter)),
    tp_new: Cell::new(Some(set_new)),
    tp_init: Cell::new(Some(set_init)),
    as_number: SET_NUMBER,
    as_sequence: SET_SEQUENCE,
    tp_methods: &[
        MethodDef::new("add", Meth::O(set_add)).with_doc("Add an element to a set.\n\nThis has no effect if the element is already present."),
        MethodDef::new("discard", Meth::O(set_discard)).with_doc("Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set."),
        MethodDef::new("remove", Meth::O(set_remove)).with_doc("Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError."),
        MethodDef::new("pop", Meth::NoArgs(set_pop)).with_doc("Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
        MethodDef::new("clear", Meth::NoArgs(set_clear_meth)).with_doc("Remove all elements from this set."),
        MethodDef::new("copy", Meth::NoArgs(set_copy)).with_doc("Return a shallow copy of a set."),
        MethodDef::new("update", Meth::Fast(set_update)).with_doc("Update a set with the union of itself and others."),
        MethodDef::new("union", Meth::Fast(set_union)).with_doc("Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
        MethodDef::new("intersection", Meth::Fast(set_intersection_multi)).with_doc("Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
        MethodDef::new("intersection_update", Meth::Fast(set_intersection_update)).with_doc("Update a set with the intersection of itself and another."),
        MethodDef::new("difference", Meth::Fast(set_difference_multi)).with_doc("Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
        MethodDef::new("difference_update", Meth::Fast(set_difference_update)).with_doc("Remove all elements of another set from this set."),
        MethodDef::new("symmetric_difference", Meth::O(set_symmetric_difference)).with_doc("Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
        MethodDef::new(
            "symmetric_difference_update",
            Meth::O(set_symmetric_difference_update),
        ).with_doc("Update a set with the symmetric difference of itself and another."),
        MethodDef::new("issubset", Meth::O(set_issubset)).with_doc("Report whether another set contains this set."),
        MethodDef::new("issuperset", Meth::O(set_issuperset)).with_doc("Report whether this set contains another set."),
        MethodDef::new("isdisjoint", Meth::O(set_isdisjoint)).with_doc("Return True if two sets have a null intersection."),
        MethodDef::new("__sizeof__", Meth::NoArgs(set_sizeof)).with_doc("S.__sizeof__() -> size of S in memory, in bytes"),
        MethodDef::new("__reduce__", Meth::NoArgs(set_reduce)).with_doc("Return state information for pickling."),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ).with_doc("See PEP 585"),
    ],
    ..PyType::BASE
};

pub static FROZENSET_TYPE: PyType = PyType {
    tp_name: "frozenset",
    tp_basicsize: Cell::new(std::mem::size_of::<PySet>()),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PySet, weaklist) as isize),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_set),
    tp_traverse: Cell::new(Some(traverse_set)),
    tp_clear: Cell::new(Some(clear_set)),
    tp_repr: Cell::new(Some(set_repr)),
    tp_hash: Cell::new(Some(frozenset_hash)),
    tp_richcompare: Cell::new(Some(set_richcompare)),
    tp_iter: Cell::new(Some(set_iter)),
    tp_new: Cell::new(Some(frozenset_new)),
    as_number: FROZENSET_NUMBER,
    as_sequence: SET_SEQUENCE,
    tp_methods: &[
        MethodDef::new("copy", Meth::NoArgs(frozenset_copy)).with_doc("Return a shallow copy of a set."),
        MethodDef::new("union", Meth::Fast(set_union)).with_doc("Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)"),
        MethodDef::new("intersection", Meth::Fast(set_intersection_multi)).with_doc("Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)"),
        MethodDef::new("difference", Meth::Fast(set_difference_multi)).with_doc("Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)"),
        MethodDef::new("symmetric_difference", Meth::O(set_symmetric_difference)).with_doc("Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)"),
        MethodDef::new("issubset", Meth::O(set_issubset)).with_doc("Report whether another set contains this set."),
        MethodDef::new("issuperset", Meth::O(set_issuperset)).with_doc("Report whether this set contains another set."),
        MethodDef::new("isdisjoint", Meth::O(set_isdisjoint)).with_doc("Return True if two sets have a null intersection."),
        MethodDef::new("__sizeof__", Meth::NoArgs(set_sizeof)).with_doc("S.__sizeof__() -> size of S in memory, in bytes"),
        MethodDef::new("__reduce__", Meth::NoArgs(set_reduce)).with_doc("Return state information for pickling."),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ).with_doc("See PEP 585"),
    ],
    ..PyType::BASE
};

unsafe fn drop_set(obj: *mut PyObject) {
    // SAFETY: obj is a dead set; move the table out, then drop it.
    unsafe {
        let s = &*(obj as *const PySet);
        let t = std::mem::replace(&mut *s.table.get(), SetTable::new());
        drop(t);
        std::ptr::drop_in_place(s.table.get());
    }
}

unsafe fn traverse_set(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live set; visiting does not mutate it.
    unsafe {
        let s = &*(obj as *const PySet);
        for slot in (*s.table.get()).slots.iter() {
            if let Slot::Full(_, k) = slot {
                visit(k.as_ptr());
            }
        }
    }
}

unsafe fn clear_set(obj: *mut PyObject) {
    // SAFETY: obj is a live set.
    unsafe { (*(obj as *const PySet)).clear() }
}

/// `PyAnySet_Check`: a set or frozenset (or subclass).
pub fn is_any_set(o: &PyRef) -> bool {
    o.ty().is_subtype(&SET_TYPE) || o.ty().is_subtype(&FROZENSET_TYPE)
}

fn is_frozen(o: &PyRef) -> bool {
    o.ty().is_subtype(&FROZENSET_TYPE)
}

pub(crate) fn payload(o: &PyRef) -> &PySet {
    // SAFETY: callers check is_any_set (slots of the two types get them).
    unsafe { o.payload_unchecked::<PySet>() }
}

/// A new empty set of type `ty` (set, frozenset or a subclass).
pub fn new_empty(ty: &PyType) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PySet {
            ob_base: PyObject::NEW,
            table: UnsafeCell::new(SetTable::new()),
            hash: Cell::new(-1),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )
}

/// `set(iterable)` / `set()`.
pub fn new_set(iterable: Option<&PyRef>) -> PyResult<PyRef> {
    let s = new_empty(&SET_TYPE)?;
    if let Some(it) = iterable {
        update_internal(&s, it)?;
    }
    Ok(s)
}

/// `frozenset(iterable)`.
pub fn new_frozenset(iterable: Option<&PyRef>) -> PyResult<PyRef> {
    let s = new_empty(&FROZENSET_TYPE)?;
    if let Some(it) = iterable {
        update_internal(&s, it)?;
    }
    Ok(s)
}

/// The hash of a key, retrying an unhashable set as a frozenset (as
/// `set_contains`/`discard`/`remove` do). Returns the key to use.
fn hash_key(key: &PyRef, frozen_retry: bool) -> PyResult<(PyRef, isize)> {
    match protocol::hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e)
            if frozen_retry
                && key.ty().is_subtype(&SET_TYPE)
                && e.matches(&crate::objects::exceptions::TYPE_ERROR) =>
        {
            let f = new_frozenset(Some(key))?;
            let h = protocol::hash(&f)?;
            Ok((f, h))
        }
        Err(e) => Err(e),
    }
}

impl PySet {
    fn t(&self) -> *mut SetTable {
        self.table.get()
    }

    pub fn len(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.t()).used }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Probes for `key`; comparisons may run Python code, after which the
    /// probe restarts if the table changed.
    fn probe(&self, key: &PyRef, hash: isize) -> PyResult<Probe> {
        'restart: loop {
            // SAFETY: short reads; nothing borrowed across comparisons.
            let (mask, version) = unsafe { ((*self.t()).mask(), (*self.t()).version) };
            let mut perturb = hash as usize;
            let mut i = hash as usize & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in i..=i + probes {
                    // SAFETY: short read of one slot; j <= mask.
                    let cand = match unsafe { &(&(*self.t()).slots)[j] } {
                        Slot::Empty => {
                            return Ok(match freeslot {
                                Some(f) => Probe::Absent(f, true),
                                None => Probe::Absent(j, false),
                            })
                        }
                        Slot::Dummy => {
                            // 3.11's set_add_entry keeps the last dummy seen.
                            freeslot = Some(j);
                            continue;
                        }
                        Slot::Full(h, k) if *h == hash => k.clone(),
                        Slot::Full(..) => continue,
                    };
                    if cand.is(key) {
                        return Ok(Probe::Found(j));
                    }
                    if let (Some(a), Some(b)) = (
                        cand.downcast_exact::<PyStr>(),
                        key.downcast_exact::<PyStr>(),
                    ) {
                        if a.eq_str(b) {
                            return Ok(Probe::Found(j));
                        }
                        continue;
                    }
                    let eq = protocol::rich_compare_bool(&cand, key, CompareOp::Eq)?;
                    // SAFETY: short read.
                    if unsafe { (*self.t()).version } != version {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Probe::Found(j));
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    /// `set_add_entry`.
    pub fn add_hashed(&self, key: PyRef, hash: isize) -> PyResult<()> {
        match self.probe(&key, hash)? {
            Probe::Found(_) => Ok(()),
            Probe::Absent(slot, dummy) => {
                // SAFETY: no Python code runs while the table is borrowed.
                unsafe {
                    let t = &mut *self.t();
                    t.slots[slot] = Slot::Full(hash, key);
                    t.used += 1;
                    t.version += 1;
                    if !dummy {
                        t.fill += 1;
                        if t.fill * 5 >= t.mask() * 3 {
                            let n = if t.used > 50000 {
                                t.used * 2
                            } else {
                                t.used * 4
                            };
                            t.resize(n);
                        }
                    }
                }
                Ok(())
            }
        }
    }

    pub fn add(&self, key: PyRef) -> PyResult<()> {
        let h = protocol::hash(&key)?;
        self.add_hashed(key, h)
    }

    pub fn contains(&self, key: &PyRef) -> PyResult<bool> {
        let (k, h) = hash_key(key, true)?;
        Ok(matches!(self.probe(&k, h)?, Probe::Found(_)))
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, key: &PyRef) -> PyResult<bool> {
        let (k, h) = hash_key(key, true)?;
        self.discard_hashed(&k, h)
    }

    fn discard_hashed(&self, key: &PyRef, hash: isize) -> PyResult<bool> {
        match self.probe(key, hash)? {
            Probe::Found(slot) => {
                // SAFETY: the old entry is swapped out and dropped after.
                let old = unsafe {
                    let t = &mut *self.t();
                    t.used -= 1;
                    t.version += 1;
                    std::mem::replace(&mut t.slots[slot], Slot::Dummy)
                };
                drop(old);
                Ok(true)
            }
            Probe::Absent(..) => Ok(false),
        }
    }

    pub fn clear(&self) {
        // SAFETY: swap out; drop after the borrow.
        let old = unsafe {
            let t = &mut *self.t();
            let v = t.version + 1;
            let old = std::mem::replace(t, SetTable::new());
            t.version = v;
            old
        };
        drop(old);
    }

    /// The (hash, key) pairs in table order, cloned.
    pub fn entries(&self) -> Vec<(isize, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.t() };
        t.slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<PyRef> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }

    /// The entry at table position `pos` or later: (next position, key).
    fn next_from(&self, mut pos: usize) -> Option<(usize, PyRef)> {
        // SAFETY: short read.
        let t = unsafe { &*self.t() };
        while pos < t.slots.len() {
            if let Slot::Full(_, k) = &t.slots[pos] {
                return Some((pos + 1, k.clone()));
            }
            pos += 1;
        }
        None
    }

    fn table_size(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.t()).slots.len() }
    }

    fn fill(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.t()).fill }
    }

    /// Makes room before merging `n` more keys (`set_update_internal`).
    fn presize_for(&self, n: usize) {
        // SAFETY: resizing runs no Python code.
        unsafe {
            let t = &mut *self.t();
            if (t.fill + n) * 5 >= t.mask() * 3 {
                t.resize((t.used + n) * 2);
            }
        }
    }
}

/// `set_update_internal`: add every element of `other` to `so`.
pub fn update_internal(so: &PyRef, other: &PyRef) -> PyResult<()> {
    let s = payload(so);
    if is_any_set(other) {
        if so.is(other) {
            return Ok(());
        }
        let o = payload(other);
        // `set_merge`: presize, then copy the table when the target is empty
        // with the same size and the source has no dummies, else insert
        // cleanly into an empty target, else add one by one.
        s.presize_for(o.len());
        // SAFETY: no Python code runs while the tables are borrowed.
        let done = unsafe {
            let src = &*o.t();
            let dst = &mut *s.t();
            if dst.fill == 0 {
                if dst.slots.len() == src.slots.len() && src.fill == src.used {
                    dst.slots = src.slots.clone();
                } else {
                    for slot in src.slots.iter() {
                        if let Slot::Full(h, k) = slot {
                            SetTable::insert_clean(&mut dst.slots, *h, k.clone());
                        }
                    }
                }
                dst.fill = src.used;
                dst.used = src.used;
                dst.version += 1;
                true
            } else {
                false
            }
        };
        if !done {
            for (h, k) in o.entries() {
                s.add_hashed(k, h)?;
            }
        }
        return Ok(());
    }
    if let Some(d) = other.downcast_exact::<PyDict>() {
        s.presize_for(d.len());
        for (h, k) in d.keys_hashed() {
            s.add_hashed(k, h)?;
        }
        return Ok(());
    }
    let it = protocol::get_iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        s.add(k)?;
    }
    Ok(())
}

/// A new set of the base type of `so` (set or frozenset), empty.
fn new_like(so: &PyRef) -> PyResult<PyRef> {
    if is_frozen(so) {
        new_empty(&FROZENSET_TYPE)
    } else {
        new_empty(&SET_TYPE)
    }
}

fn copy_like(so: &PyRef) -> PyResult<PyRef> {
    let r = new_like(so)?;
    update_internal(&r, so)?;
    Ok(r)
}

// ---------------------------------------------------------------------------
// Slots.

fn set_len(o: &PyRef) -> PyResult<usize> {
    Ok(payload(o).len())
}

fn set_contains(o: &PyRef, key: &PyRef) -> PyResult<bool> {
    payload(o).contains(key)
}

fn set_repr(o: &PyRef) -> PyResult<PyRef> {
    let name = o.ty().name().to_owned();
    let s = payload(o);
    if s.is_empty() {
        return PyStr::new(&format!("{name}()"));
    }
    let _guard = match repr_enter(o) {
        Some(g) => g,
        None => return PyStr::new(&format!("{name}(...)")),
    };
    let mut text = String::from("{");
    for (i, k) in s.keys().iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&protocol::repr_string(k)?);
    }
    text.push('}');
    if !o.is_exact::<PySet>() {
        text = format!("{name}({text})");
    }
    PyStr::new(&text)
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

fn frozenset_hash(o: &PyRef) -> PyResult<isize> {
    let s = payload(o);
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    let mut hash: u64 = 0;
    for (h, _) in s.entries() {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    s.hash.set(hash as isize);
    Ok(hash as isize)
}

fn issubset_of(a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let (x, y) = (payload(a), payload(b));
    if x.len() > y.len() {
        return Ok(false);
    }
    for (h, k) in x.entries() {
        if !matches!(y.probe(&k, h)?, Probe::Found(_)) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !is_any_set(w) {
        return Ok(not_implemented());
    }
    let (lv, lw) = (payload(v).len(), payload(w).len());
    let r = match op {
        CompareOp::Eq => lv == lw && issubset_of(v, w)?,
        CompareOp::Ne => !(lv == lw && issubset_of(v, w)?),
        CompareOp::Le => issubset_of(v, w)?,
        CompareOp::Ge => issubset_of(w, v)?,
        CompareOp::Lt => lv < lw && issubset_of(v, w)?,
        CompareOp::Gt => lv > lw && issubset_of(w, v)?,
    };
    Ok(py_bool(r))
}

fn set_new(cls: &PyRef, _args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("set.__new__(X): X is not a type object"))?;
    new_empty(ty)
}

fn set_init(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    if slice_mod::init_rejects_kwargs(o.ty(), &SET_TYPE) {
        no_kwargs("set", kwnames)?;
    }
    let npos = args.len().saturating_sub(slice_mod::nkw(kwnames));
    check_nargs("set", npos, 0, 1)?;
    payload(o).clear();
    if npos == 1 {
        update_internal(o, &args[0])?;
    }
    Ok(())
}

fn frozenset_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("frozenset.__new__(X): X is not a type object"))?;
    let exact = std::ptr::eq(ty, &FROZENSET_TYPE);
    if slice_mod::new_rejects_kwargs(ty, &FROZENSET_TYPE) {
        no_kwargs("frozenset", kwnames)?;
    }
    let npos = args.len().saturating_sub(slice_mod::nkw(kwnames));
    check_nargs("frozenset", npos, 0, 1)?;
    if exact && npos == 1 && args[0].is_exact_type(&FROZENSET_TYPE) {
        return Ok(args[0].clone());
    }
    let s = new_empty(ty)?;
    if npos == 1 {
        update_internal(&s, &args[0])?;
    }
    Ok(s)
}

trait ExactType {
    fn is_exact_type(&self, ty: &PyType) -> bool;
}

impl ExactType for PyRef {
    fn is_exact_type(&self, ty: &PyType) -> bool {
        std::ptr::eq(self.ty(), ty)
    }
}

// ---------------------------------------------------------------------------
// Operators.

fn set_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(a) || !is_any_set(b) {
        return Ok(not_implemented());
    }
    let r = copy_like(a)?;
    if !a.is(b) {
        update_internal(&r, b)?;
    }
    Ok(r)
}

fn set_and(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(a) || !is_any_set(b) {
        return Ok(not_implemented());
    }
    intersection(a, b)
}

fn set_sub(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(a) || !is_any_set(b) {
        return Ok(not_implemented());
    }
    difference(a, b)
}

fn set_xor(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(a) || !is_any_set(b) {
        return Ok(not_implemented());
    }
    set_symmetric_difference(a, b)
}

fn set_ior(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(b) {
        return Ok(not_implemented());
    }
    update_internal(a, b)?;
    Ok(a.clone())
}

fn set_iand(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(b) {
        return Ok(not_implemented());
    }
    intersection_update(a, b)?;
    Ok(a.clone())
}

fn set_isub(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(b) {
        return Ok(not_implemented());
    }
    difference_update(a, b)?;
    Ok(a.clone())
}

fn set_ixor(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !is_any_set(b) {
        return Ok(not_implemented());
    }
    symmetric_difference_update(a, b)?;
    Ok(a.clone())
}

/// `set_intersection`: a new set (of `so`'s base type).
fn intersection(so: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let r = new_like(so)?;
    if so.is(other) {
        update_internal(&r, so)?;
        return Ok(r);
    }
    let rs = payload(&r);
    if is_any_set(other) {
        let (mut big, mut small) = (so, other);
        if payload(small).len() > payload(big).len() {
            std::mem::swap(&mut big, &mut small);
        }
        for (h, k) in payload(small).entries() {
            if matches!(payload(big).probe(&k, h)?, Probe::Found(_)) {
                rs.add_hashed(k, h)?;
            }
        }
        return Ok(r);
    }
    let it = protocol::get_iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        let h = protocol::hash(&k)?;
        if matches!(payload(so).probe(&k, h)?, Probe::Found(_)) {
            rs.add_hashed(k, h)?;
        }
    }
    Ok(r)
}

fn intersection_update(so: &PyRef, other: &PyRef) -> PyResult<()> {
    let r = intersection(so, other)?;
    let s = payload(so);
    // SAFETY: swap the tables; the old one drops after the borrow.
    let old = unsafe {
        let rt = std::mem::replace(&mut *payload(&r).t(), SetTable::new());
        let t = &mut *s.t();
        let v = t.version + 1;
        let old = std::mem::replace(t, rt);
        t.version = v;
        old
    };
    drop(old);
    Ok(())
}

/// `set_difference`: a new set.
fn difference(so: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let other_size = if is_any_set(other) {
        Some(payload(other).len())
    } else {
        other.downcast_exact::<PyDict>().map(|d| d.len())
    };
    // CPython copies `so` and discards `other`'s items when `so` is much
    // bigger (which keeps `so`'s table order).
    if other_size.is_some_and(|n| (payload(so).len() >> 2) <= n) {
        let r = new_like(so)?;
        let rs = payload(&r);
        for (h, k) in payload(so).entries() {
            let present = if is_any_set(other) {
                matches!(payload(other).probe(&k, h)?, Probe::Found(_))
            } else {
                other
                    .downcast_exact::<PyDict>()
                    .map(|d| d.get_item_hashed(&k, h))
                    .transpose()?
                    .flatten()
                    .is_some()
            };
            if !present {
                rs.add_hashed(k, h)?;
            }
        }
        return Ok(r);
    }
    let r = new_like(so)?;
    update_internal(&r, so)?;
    difference_update(&r, other)?;
    Ok(r)
}

fn difference_update(so: &PyRef, other: &PyRef) -> PyResult<()> {
    let s = payload(so);
    if so.is(other) {
        s.clear();
        return Ok(());
    }
    if is_any_set(other) {
        for (h, k) in payload(other).entries() {
            s.discard_hashed(&k, h)?;
        }
        return Ok(());
    }
    let it = protocol::get_iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        s.discard(&k)?;
    }
    Ok(())
}

fn symmetric_difference_update(so: &PyRef, other: &PyRef) -> PyResult<()> {
    let s = payload(so);
    if so.is(other) {
        s.clear();
        return Ok(());
    }
    let other_set = if is_any_set(other) {
        other.clone()
    } else {
        new_set(Some(other))?
    };
    for (h, k) in payload(&other_set).entries() {
        if !s.discard_hashed(&k, h)? {
            s.add_hashed(k, h)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Methods.

fn set_add(o: &PyRef, k: &PyRef) -> PyResult<PyRef> {
    payload(o).add(k.clone())?;
    Ok(none())
}

fn set_discard(o: &PyRef, k: &PyRef) -> PyResult<PyRef> {
    payload(o).discard(k)?;
    Ok(none())
}

fn set_remove(o: &PyRef, k: &PyRef) -> PyResult<PyRef> {
    if !payload(o).discard(k)? {
        return Err(PyErr::key_error(k.clone()));
    }
    Ok(none())
}

fn set_pop(o: &PyRef) -> PyResult<PyRef> {
    let s = payload(o);
    if s.is_empty() {
        return Err(PyErr::new(
            &crate::objects::exceptions::KEY_ERROR,
            "pop from an empty set",
        ));
    }
    // SAFETY: no Python code runs while the table is borrowed; the key is returned.
    let k = unsafe {
        let t = &mut *s.t();
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        t.version += 1;
        t.finger = i + 1;
        match old {
            Slot::Full(_, k) => k,
            _ => none(),
        }
    };
    Ok(k)
}

fn set_clear_meth(o: &PyRef) -> PyResult<PyRef> {
    payload(o).clear();
    Ok(none())
}

fn set_copy(o: &PyRef) -> PyResult<PyRef> {
    copy_like(o)
}

fn frozenset_copy(o: &PyRef) -> PyResult<PyRef> {
    if o.is_exact_type(&FROZENSET_TYPE) {
        return Ok(o.clone());
    }
    copy_like(o)
}

fn set_update(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    for a in args {
        update_internal(o, a)?;
    }
    Ok(none())
}

fn set_union(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let r = copy_like(o)?;
    for a in args {
        if !a.is(o) {
            update_internal(&r, a)?;
        }
    }
    Ok(r)
}

fn set_intersection_multi(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let mut r = copy_like(o)?;
    for a in args {
        r = intersection(&r, a)?;
    }
    Ok(r)
}

fn set_intersection_update(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    for a in args {
        intersection_update(o, a)?;
    }
    Ok(none())
}

fn set_difference_multi(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let mut r = copy_like(o)?;
    for a in args {
        r = difference(&r, a)?;
    }
    Ok(r)
}

fn set_difference_update(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    for a in args {
        difference_update(o, a)?;
    }
    Ok(none())
}

/// `set_symmetric_difference`: a new set of `o`'s base type made from
/// `other`, then updated with `o` (CPython's order, which decides the
/// result's iteration order).
fn set_symmetric_difference(o: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let r = new_like(o)?;
    update_internal(&r, other)?;
    symmetric_difference_update(&r, o)?;
    Ok(r)
}

fn set_symmetric_difference_update(o: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    symmetric_difference_update(o, other)?;
    Ok(none())
}

fn as_set(other: &PyRef) -> PyResult<PyRef> {
    if is_any_set(other) {
        Ok(other.clone())
    } else {
        new_set(Some(other))
    }
}

fn set_issubset(o: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let b = as_set(other)?;
    Ok(py_bool(issubset_of(o, &b)?))
}

fn set_issuperset(o: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    if is_any_set(other) {
        return Ok(py_bool(issubset_of(other, o)?));
    }
    let it = protocol::get_iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        if !payload(o).contains(&k)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn set_isdisjoint(o: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let it = protocol::get_iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        if payload(o).contains(&k)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

/// `set.__reduce__`: `(type(s), (list(s),), s.__dict__ or None)`.
fn set_reduce(o: &PyRef) -> PyResult<PyRef> {
    let items = crate::objects::list::PyList::new(payload(o).keys())?;
    let state = match protocol::lookup_attr(o, crate::intern!("__dict__"))? {
        Some(d) => d,
        None => none(),
    };
    crate::objects::tuple::PyTuple::new(vec![
        o.type_ref(),
        crate::objects::tuple::PyTuple::new(vec![items])?,
        state,
    ])
}

fn set_sizeof(o: &PyRef) -> PyResult<PyRef> {
    // CPython's PySetObject is 200 bytes with an 8-entry small table inline;
    // larger tables add 16 bytes per entry.
    let extra = o.ty().tp_basicsize.get() - SET_TYPE.tp_basicsize.get();
    let n = payload(o).table_size();
    let mut size = 200 + extra;
    if n > MINSIZE {
        size += n * 16;
    }
    PyInt::new(size as i64)
}

// ---------------------------------------------------------------------------
// The iterator.

/// `set_iterator` payload.
#[repr(C)]
pub struct PySetIter {
    pub ob_base: PyObject,
    pub set: ObjCell,
    pub pos: Cell<usize>,
    pub used: Cell<usize>,
    pub remaining: Cell<usize>,
}

pub static SET_ITER_TYPE: PyType = PyType {
    tp_name: "set_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PySetIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_set_iter),
    tp_traverse: Cell::new(Some(traverse_set_iter)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(set_iter_next)),
    tp_methods: &[MethodDef::new(
        "__length_hint__",
        Meth::NoArgs(set_iter_len),
    )],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PySetIter {
    fn type_object() -> &'static PyType {
        &SET_ITER_TYPE
    }
}

unsafe fn drop_set_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { drop((*(obj as *const PySetIter)).set.take()) }
}

unsafe fn traverse_set_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator.
    unsafe {
        if let Some(s) = (*(obj as *const PySetIter)).set.get() {
            visit(s.as_ptr());
        }
    }
}

fn set_iter(o: &PyRef) -> PyResult<PyRef> {
    let n = payload(o).len();
    let it = alloc_object(
        &SET_ITER_TYPE,
        PySetIter {
            ob_base: PyObject::NEW,
            set: ObjCell::empty(),
            pos: Cell::new(0),
            used: Cell::new(n),
            remaining: Cell::new(n),
        },
    )?;
    // SAFETY: the iterator just made.
    unsafe { it.payload_unchecked::<PySetIter>() }
        .set
        .set(Some(o.clone()));
    Ok(it)
}

fn set_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of set_iterator gets one.
    let p = unsafe { it.payload_unchecked::<PySetIter>() };
    let Some(so) = p.set.get_owned() else {
        return Ok(None);
    };
    let s = payload(&so);
    if p.used.get() != s.len() {
        p.used.set(usize::MAX);
        return Err(PyErr::runtime_error("Set changed size during iteration"));
    }
    match s.next_from(p.pos.get()) {
        Some((next, k)) => {
            p.pos.set(next);
            p.remaining.set(p.remaining.get().saturating_sub(1));
            Ok(Some(k))
        }
        None => {
            drop(p.set.take());
            Ok(None)
        }
    }
}

fn set_iter_len(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of set_iterator.
    let p = unsafe { it.payload_unchecked::<PySetIter>() };
    let n = match p.set.get() {
        Some(s) if p.used.get() == payload(s).len() => p.remaining.get(),
        _ => 0,
    };
    PyInt::new(n as i64)
}

/// Unused-fill check kept for `frozenset` hashing parity tests.
pub fn table_stats(o: &PyRef) -> (usize, usize, usize) {
    let s = payload(o);
    (s.table_size(), s.fill(), s.len())
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&SET_TYPE, &FROZENSET_TYPE, &SET_ITER_TYPE];
