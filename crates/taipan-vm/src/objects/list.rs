//! `list` (CPython's `Objects/listobject.c`, and `Objects/listsort.txt` for
//! `sort`).
//!
//! The items live in a Rust `Vec<PyRef>` inside the payload (CPython's
//! `ob_item` and `allocated`, the vector's capacity, grown with
//! `list_resize`'s over-allocation so that `__sizeof__` agrees). Access goes
//! through short methods that never hold a borrow of the vector across a call
//! that could run Python code (a `__del__`, a comparison): values are cloned
//! out or swapped out first and dropped after the borrow ends.
//!
//! `sort` is CPython 3.11's timsort step by step (natural runs, minrun,
//! binary insertion, powersort's merge policy, galloping merges with the
//! adaptive `min_gallop`), calling only `<`, so it makes the same calls in
//! the same order. It sorts a permutation of item indices rather than the
//! items, so a comparison that raises leaves a permutation, applied to the
//! list as CPython leaves its partly sorted array.
//!
//! `types.GenericAlias` (`list[int]`) also lives here (see its section).
//!
//! The repr recursion guard (`Py_ReprEnter`/`Py_ReprLeave`) lives here and is
//! shared by tuple, dict and set.

use std::cell::{Cell, UnsafeCell};

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::none::{none, not_implemented};
use crate::objects::slice::{self as slice_mod, check_nargs, no_kwargs, ssize_arg, PySlice};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The `list` payload.
#[repr(C)]
pub struct PyList {
    pub ob_base: PyVarObject,
    pub items: UnsafeCell<Vec<PyRef>>,
}

pub static LIST_TYPE: PyType = PyType {
    tp_name: "list",
    tp_doc: Some("list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified."),
    tp_basicsize: Cell::new(std::mem::size_of::<PyList>()),
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::LIST_SUBCLASS | TypeFlags::SEQUENCE,
    ),
    tp_drop: Some(drop_list),
    tp_hash: Cell::new(Some(crate::object::protocol::hash_not_implemented)),
    tp_traverse: Cell::new(Some(traverse_list)),
    tp_clear: Cell::new(Some(clear_list)),
    tp_repr: Cell::new(Some(list_repr)),
    tp_richcompare: Cell::new(Some(list_richcompare)),
    tp_iter: Cell::new(Some(list_iter)),
    tp_new: Cell::new(Some(list_new)),
    tp_init: Cell::new(Some(list_init)),
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(list_length)),
        sq_concat: Cell::new(Some(list_concat)),
        sq_repeat: Cell::new(Some(list_repeat)),
        sq_item: Cell::new(Some(list_item)),
        sq_ass_item: Cell::new(Some(list_ass_item)),
        sq_contains: Cell::new(Some(list_contains)),
        sq_inplace_concat: Cell::new(Some(list_inplace_concat)),
        sq_inplace_repeat: Cell::new(Some(list_inplace_repeat)),
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(list_length)),
        mp_subscript: Cell::new(Some(list_subscript)),
        mp_ass_subscript: Cell::new(Some(list_ass_subscript)),
    },
    tp_methods: &[
        MethodDef::new("append", Meth::O(list_append)).with_doc("append($self, object, /)\n--\n\nAppend object to the end of the list."),
        MethodDef::new("extend", Meth::O(list_extend_meth)).with_doc("extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable."),
        MethodDef::new("insert", Meth::Fast(list_insert)).with_doc("insert($self, index, object, /)\n--\n\nInsert object before index."),
        MethodDef::new("pop", Meth::Fast(list_pop)).with_doc("pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range."),
        MethodDef::new("remove", Meth::O(list_remove)).with_doc("remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\nRaises ValueError if the value is not present."),
        MethodDef::new("index", Meth::Fast(list_index)).with_doc("index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."),
        MethodDef::new("count", Meth::O(list_count)).with_doc("count($self, value, /)\n--\n\nReturn number of occurrences of value."),
        MethodDef::new("reverse", Meth::NoArgs(list_reverse)).with_doc("reverse($self, /)\n--\n\nReverse *IN PLACE*."),
        MethodDef::new("copy", Meth::NoArgs(list_copy)).with_doc("copy($self, /)\n--\n\nReturn a shallow copy of the list."),
        MethodDef::new("clear", Meth::NoArgs(list_clear_meth)).with_doc("clear($self, /)\n--\n\nRemove all items from list."),
        MethodDef::new("sort", Meth::FastKw(list_sort)).with_doc("sort($self, /, *, key=None, reverse=False)\n--\n\nSort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order."),
        MethodDef::new("__reversed__", Meth::NoArgs(list_reversed)).with_doc("__reversed__($self, /)\n--\n\nReturn a reverse iterator over the list."),
        MethodDef::new("__getitem__", Meth::O(list_subscript)).with_doc("x.__getitem__(y) <==> x[y]"),
        MethodDef::new("__sizeof__", Meth::NoArgs(list_sizeof)).with_doc("__sizeof__($self, /)\n--\n\nReturn the size of the list in memory, in bytes."),
        MethodDef::class("__class_getitem__", Meth::O(class_getitem)).with_doc("See PEP 585"),
    ],
    ..PyType::BASE
};

// SAFETY: PyList is repr(C) with the header first.
unsafe impl PyPayload for PyList {
    fn type_object() -> &'static PyType {
        &LIST_TYPE
    }
}

unsafe fn drop_list(obj: *mut PyObject) {
    // SAFETY: obj is a dead list; take the vector out, then drop it.
    unsafe {
        let l = &*(obj as *const PyList);
        let v = std::mem::take(&mut *l.items.get());
        drop(v);
        std::ptr::drop_in_place(l.items.get());
    }
}

unsafe fn traverse_list(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live list; visiting does not mutate it.
    unsafe {
        let l = &*(obj as *const PyList);
        // Last to first, as CPython's `list_traverse`.
        for it in (*l.items.get()).iter().rev() {
            visit(it.as_ptr());
        }
    }
}

unsafe fn clear_list(obj: *mut PyObject) {
    // SAFETY: obj is a live list; the items are swapped out before dropping.
    unsafe {
        let l = &*(obj as *const PyList);
        let old = l.replace_all(Vec::new());
        drop(old);
    }
}

/// `list_resize`'s capacity policy: make room for `newsize` items in `v`
/// (whose length is the current size), over-allocating as CPython does, or
/// shrink when fewer than half the slots are used.
fn resize_capacity(v: &mut Vec<PyRef>, newsize: usize) {
    let allocated = v.capacity();
    if allocated >= newsize && newsize >= (allocated >> 1) {
        return;
    }
    let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
    if newsize.saturating_sub(v.len()) > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    if new_allocated > allocated {
        v.reserve_exact(new_allocated - v.len());
    } else {
        v.shrink_to(new_allocated.max(v.len()));
    }
}

impl PyList {
    /// A new list holding `items`.
    pub fn new(items: Vec<PyRef>) -> PyResult<PyRef> {
        Self::new_in(&LIST_TYPE, items)
    }

    pub fn new_in(ty: &PyType, items: Vec<PyRef>) -> PyResult<PyRef> {
        let n = items.len() as isize;
        let obj = alloc_object(
            ty,
            PyList {
                ob_base: PyVarObject::NEW,
                items: UnsafeCell::new(items),
            },
        )?;
        // SAFETY: obj is the list just made.
        unsafe { obj.payload_unchecked::<PyList>() }
            .ob_base
            .ob_size
            .set(n);
        Ok(obj)
    }

    #[inline(always)]
    fn sync_size(&self) {
        // SAFETY: short read of the vector's length.
        let n = unsafe { (*self.items.get()).len() };
        self.ob_base.ob_size.set(n as isize);
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.items.get()).len() }
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of allocated item slots (`allocated`).
    pub fn capacity(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.items.get()).capacity() }
    }

    /// The item at `i`, cloned.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        // SAFETY: short read; the clone only increments a count.
        unsafe { (&*self.items.get()).get(i).cloned() }
    }

    /// Replaces the item at `i` (in bounds); the old one is dropped after the
    /// vector is no longer borrowed.
    pub fn set(&self, i: usize, v: PyRef) {
        // SAFETY: the swap ends the borrow before `old` drops.
        let old = unsafe {
            match (&mut *self.items.get()).get_mut(i) {
                Some(slot) => Some(std::mem::replace(slot, v)),
                None => None,
            }
        };
        drop(old);
    }

    pub fn push(&self, v: PyRef) {
        // SAFETY: pushing runs no Python code.
        unsafe {
            let vec = &mut *self.items.get();
            if vec.len() == vec.capacity() {
                resize_capacity(vec, vec.len() + 1);
            }
            vec.push(v)
        };
        self.sync_size();
    }

    pub fn pop(&self) -> Option<PyRef> {
        // SAFETY: popping runs no Python code; the value is returned.
        let v = unsafe {
            let vec = &mut *self.items.get();
            let v = vec.pop();
            let n = vec.len();
            resize_capacity(vec, n);
            v
        };
        self.sync_size();
        v
    }

    /// Inserts before `i` (clipped to the length).
    pub fn insert(&self, i: usize, v: PyRef) {
        // SAFETY: inserting runs no Python code.
        unsafe {
            let vec = &mut *self.items.get();
            let n = vec.len();
            resize_capacity(vec, n + 1);
            vec.insert(i.min(n), v)
        };
        self.sync_size();
    }

    /// Removes and returns the item at `i` (in bounds).
    pub fn remove(&self, i: usize) -> PyRef {
        // SAFETY: removing runs no Python code; the value is returned.
        let v = unsafe {
            let vec = &mut *self.items.get();
            let v = vec.remove(i);
            let n = vec.len();
            resize_capacity(vec, n);
            v
        };
        self.sync_size();
        v
    }

    /// A copy of the items (each cloned).
    pub fn snapshot(&self) -> Vec<PyRef> {
        // SAFETY: short read.
        unsafe { (*self.items.get()).clone() }
    }

    /// Replaces all items; the old ones drop after the borrow ends.
    pub fn replace_all(&self, items: Vec<PyRef>) -> Vec<PyRef> {
        // SAFETY: swap, no Python code runs during the borrow.
        let old = unsafe { std::mem::replace(&mut *self.items.get(), items) };
        self.sync_size();
        old
    }

    /// Runs `f` with the vector borrowed mutably. `f` must not run Python
    /// code nor drop references (return them instead).
    ///
    /// # Safety
    /// See above: no re-entry into this list while `f` runs.
    pub unsafe fn with_vec<R>(&self, f: impl FnOnce(&mut Vec<PyRef>) -> R) -> R {
        // SAFETY: the caller promises no re-entry.
        let r = f(unsafe { &mut *self.items.get() });
        self.sync_size();
        r
    }

    /// Appends many items (`list_extend` of a known sequence).
    pub fn extend_from(&self, items: Vec<PyRef>) {
        // SAFETY: no Python code runs while the vector is borrowed.
        unsafe {
            self.with_vec(|v| {
                let n = v.len() + items.len();
                resize_capacity(v, n);
                v.extend(items);
            })
        }
    }

    /// Replaces `lo..hi` (clipped) by `items`; returns the removed items
    /// for the caller to drop.
    fn splice(&self, lo: usize, hi: usize, items: Vec<PyRef>) -> Vec<PyRef> {
        // SAFETY: no Python code runs while the vector is borrowed.
        unsafe {
            self.with_vec(|v| {
                let n = v.len();
                let lo = lo.min(n);
                let hi = hi.clamp(lo, n);
                let newsize = n - (hi - lo) + items.len();
                if newsize > n {
                    resize_capacity(v, newsize);
                }
                let old: Vec<PyRef> = v.splice(lo..hi, items).collect();
                resize_capacity(v, newsize);
                old
            })
        }
    }
}

fn payload(obj: &PyRef) -> &PyList {
    // SAFETY: the list type's slots and methods get lists (or subclasses).
    unsafe { obj.payload_unchecked::<PyList>() }
}

// ---------------------------------------------------------------------------
// The repr recursion guard (`Py_ReprEnter`).

static REPR_STACK: GilCell<Vec<usize>> = GilCell::new(Vec::new());

/// Marks an object whose repr is being computed; dropped when done.
pub struct ReprGuard(usize);

/// `Py_ReprEnter`: `None` if `obj`'s repr is already in progress (the caller
/// then prints "[...]" or its type's equivalent).
pub fn repr_enter(obj: &PyRef) -> Option<ReprGuard> {
    // SAFETY: GIL held; short access.
    let stack = unsafe { REPR_STACK.get_mut() };
    if stack.contains(&obj.id()) {
        return None;
    }
    stack.push(obj.id());
    Some(ReprGuard(obj.id()))
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        // SAFETY: GIL held; short access.
        let stack = unsafe { REPR_STACK.get_mut() };
        if let Some(pos) = stack.iter().rposition(|&x| x == self.0) {
            stack.remove(pos);
        }
    }
}

// ---------------------------------------------------------------------------
// Slots.

fn list_repr(obj: &PyRef) -> PyResult<PyRef> {
    let l = payload(obj);
    if l.is_empty() {
        return PyStr::new("[]");
    }
    let _guard = match repr_enter(obj) {
        Some(g) => g,
        None => return PyStr::new("[...]"),
    };
    let mut s = String::from("[");
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&protocol::repr_string(&item)?);
        i += 1;
    }
    s.push(']');
    PyStr::new(&s)
}

/// Lexicographic comparison of two item sequences read through `get`
/// (`list_richcompare` / `tuplerichcompare`).
pub fn seq_richcompare(
    len_v: &dyn Fn() -> usize,
    len_w: &dyn Fn() -> usize,
    get_v: &dyn Fn(usize) -> Option<PyRef>,
    get_w: &dyn Fn(usize) -> Option<PyRef>,
    op: CompareOp,
) -> PyResult<PyRef> {
    if len_v() != len_w() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(py_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (a, b) = match (get_v(i), get_w(i)) {
            (Some(a), Some(b)) => (a, b),
            _ => return Ok(py_bool(op.test(&len_v(), &len_w()))),
        };
        if !protocol::rich_compare_bool(&a, &b, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(py_bool(false)),
                CompareOp::Ne => Ok(py_bool(true)),
                _ => protocol::rich_compare(&a, &b, op),
            };
        }
        i += 1;
    }
}

fn list_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(a), Some(b)) = (v.downcast::<PyList>(), w.downcast::<PyList>()) else {
        return Ok(not_implemented());
    };
    seq_richcompare(&|| a.len(), &|| b.len(), &|i| a.get(i), &|i| b.get(i), op)
}

fn list_length(obj: &PyRef) -> PyResult<usize> {
    Ok(payload(obj).len())
}

fn list_item(obj: &PyRef, i: isize) -> PyResult<PyRef> {
    let l = payload(obj);
    if i >= 0 {
        if let Some(v) = l.get(i as usize) {
            return Ok(v);
        }
    }
    Err(PyErr::index_error("list index out of range"))
}

fn list_ass_item(obj: &PyRef, i: isize, value: Option<&PyRef>) -> PyResult<()> {
    let l = payload(obj);
    if i < 0 || i as usize >= l.len() {
        return Err(PyErr::index_error("list assignment index out of range"));
    }
    match value {
        Some(v) => l.set(i as usize, v.clone()),
        None => drop(l.remove(i as usize)),
    }
    Ok(())
}

fn list_contains(obj: &PyRef, item: &PyRef) -> PyResult<bool> {
    let l = payload(obj);
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if protocol::rich_compare_bool(&v, item, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_concat(v: &PyRef, w: &PyRef) -> PyResult<PyRef> {
    let Some(b) = w.downcast::<PyList>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            w.ty().tp_name_str()
        )));
    };
    let mut items = payload(v).snapshot();
    items.extend(b.snapshot());
    PyList::new(items)
}

fn repeat_items(items: &[PyRef], n: isize) -> PyResult<Vec<PyRef>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize / 8)
        .ok_or_else(PyErr::no_memory)?;
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| PyErr::no_memory())?;
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn list_repeat(v: &PyRef, n: isize) -> PyResult<PyRef> {
    let items = payload(v).snapshot();
    PyList::new(repeat_items(&items, n)?)
}

fn list_inplace_concat(v: &PyRef, w: &PyRef) -> PyResult<PyRef> {
    list_extend(v, w)?;
    Ok(v.clone())
}

fn list_inplace_repeat(v: &PyRef, n: isize) -> PyResult<PyRef> {
    let l = payload(v);
    let items = l.snapshot();
    let new = repeat_items(&items, n)?;
    drop(items);
    let old = l.replace_all(new);
    drop(old);
    Ok(v.clone())
}

fn list_subscript(obj: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let l = payload(obj);
    if slice_mod::is_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += l.len() as isize;
        }
        return list_item(obj, i);
    }
    if key.is_instance_of::<PySlice>() {
        let (start, _stop, step, n) = slice_mod::unpack_and_adjust(key, l.len())?;
        let items = l.snapshot();
        let out = slice_items(&items, start, step, n);
        return PyList::new(out);
    }
    Err(PyErr::type_error(format!(
        "list indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

/// The items `start, start+step, ...` (`n` of them) of `items`.
pub fn slice_items(items: &[PyRef], start: isize, step: isize, n: usize) -> Vec<PyRef> {
    if step == 1 {
        let s = start.max(0) as usize;
        return items.get(s..s + n).map(|x| x.to_vec()).unwrap_or_default();
    }
    let mut out = Vec::with_capacity(n);
    let mut cur = start;
    for _ in 0..n {
        if let Some(v) = items.get(cur as usize) {
            out.push(v.clone());
        }
        cur = cur.wrapping_add(step); // past the last item it is not used
    }
    out
}

/// `PySequence_Fast(v, msg)`: the items of a list or tuple, or of any
/// iterable; `msg` is the TypeError for non-iterables.
pub fn sequence_fast(v: &PyRef, msg: &str) -> PyResult<Vec<PyRef>> {
    if let Some(t) = v.downcast::<PyTuple>() {
        return Ok(t.items().to_vec());
    }
    if let Some(l) = v.downcast::<PyList>() {
        return Ok(l.snapshot());
    }
    let it = match protocol::get_iter(v) {
        Ok(it) => it,
        Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => {
            return Err(PyErr::type_error(msg))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = protocol::next(&it)? {
        out.push(x);
    }
    Ok(out)
}

fn list_ass_subscript(obj: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let l = payload(obj);
    if slice_mod::is_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += l.len() as isize;
        }
        return list_ass_item(obj, i, value);
    }
    if !key.is_instance_of::<PySlice>() {
        return Err(PyErr::type_error(format!(
            "list indices must be integers or slices, not {}",
            key.ty().name()
        )));
    }
    let (start, stop, step, n) = slice_mod::unpack_and_adjust(key, l.len())?;
    if step == 1 {
        let items = match value {
            None => Vec::new(),
            Some(v) => sequence_fast(v, "can only assign an iterable")?,
        };
        let lo = start.max(0) as usize;
        let hi = stop.max(start).max(0) as usize;
        let old = l.splice(lo, hi, items);
        drop(old);
        return Ok(());
    }
    match value {
        None => {
            if n == 0 {
                return Ok(());
            }
            // Indices removed, in increasing order.
            let mut idx: Vec<usize> = (0..n)
                .map(|k| (start + k as isize * step) as usize)
                .collect();
            if step < 0 {
                idx.reverse();
            }
            // SAFETY: no Python code runs while the vector is borrowed; the removed items are returned and dropped afterwards.
            let removed = unsafe {
                l.with_vec(|v| {
                    let old = std::mem::take(v);
                    let mut keep = Vec::with_capacity(old.len() - idx.len());
                    let mut gone = Vec::with_capacity(idx.len());
                    let mut j = 0;
                    for (i, x) in old.into_iter().enumerate() {
                        if j < idx.len() && idx[j] == i {
                            gone.push(x);
                            j += 1;
                        } else {
                            keep.push(x);
                        }
                    }
                    *v = keep;
                    let n = v.len();
                    resize_capacity(v, n);
                    gone
                })
            };
            drop(removed);
            Ok(())
        }
        Some(v) => {
            let seq = sequence_fast(v, "must assign iterable to extended slice")?;
            if seq.len() != n {
                return Err(PyErr::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    seq.len(),
                    n
                )));
            }
            let mut old = Vec::with_capacity(n);
            // SAFETY: no Python code runs while the vector is borrowed.
            unsafe {
                l.with_vec(|vec| {
                    let mut cur = start;
                    for x in seq {
                        if let Some(slot) = vec.get_mut(cur as usize) {
                            old.push(std::mem::replace(slot, x));
                        }
                        cur = cur.wrapping_add(step);
                    }
                })
            };
            drop(old);
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------
// Construction.

fn list_new(cls: &PyRef, _args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("list.__new__(X): X is not a type object"))?;
    PyList::new_in(ty, Vec::new())
}

fn list_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let nkw = slice_mod::nkw(kwnames);
    if slice_mod::init_rejects_kwargs(obj.ty(), &LIST_TYPE) {
        no_kwargs("list", kwnames)?;
    }
    let npos = args.len().saturating_sub(nkw);
    check_nargs("list", npos, 0, 1)?;
    let l = payload(obj);
    let old = l.replace_all(Vec::new());
    drop(old);
    if npos == 1 {
        list_extend(obj, &args[0])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Methods.

fn list_append(obj: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    payload(obj).push(v.clone());
    Ok(none())
}

/// The evaluation loop's `PRECALL_NO_KW_LIST_APPEND` (CPython 3.11's
/// `Python/ceval.c`): a call with one positional argument whose stack
/// entries `[callable_or_method, self_or_callable, arg]` are `list.append`
/// on an exact list, either as the method descriptor with its list
/// (`lst.append(x)` after `LOAD_METHOD`) or as the bound built-in method
/// (`app = lst.append; app(x)`). Appends, leaves the result (`None`) in
/// the first entry, clears the other two and returns true; returns false,
/// touching nothing, for any other call. Like CPython's specialized form it
/// makes no recursion check (it calls no Python code). Out of line, so
/// that the evaluation loop pays one call on one-argument calls only.
#[inline(never)]
pub fn call_append_fast(entries: &mut [Option<PyRef>]) -> bool {
    use crate::objects::descr::{PyCFunction, PyMethodDescr};
    let [first, second, arg] = entries else {
        return false;
    };
    let Some(append_def) = LIST_TYPE.tp_methods.first() else {
        return false;
    };
    let target = match (&*first, &*second) {
        (Some(m), Some(s)) => match m.downcast_exact::<PyMethodDescr>() {
            Some(d) if std::ptr::eq(d.def, append_def) && s.is_exact::<PyList>() => s,
            _ => return false,
        },
        (None, Some(c)) => match c.downcast_exact::<PyCFunction>() {
            Some(f) if std::ptr::eq(f.def, append_def) => match &f.self_ {
                Some(s) if s.is_exact::<PyList>() => s,
                _ => return false,
            },
            _ => return false,
        },
        _ => return false,
    };
    let Some(v) = arg.take() else {
        return false;
    };
    payload(target).push(v);
    let (a, b) = (first.replace(none()), second.take());
    drop(a);
    drop(b);
    true
}

/// `PyObject_LengthHint(o, default)`.
pub fn length_hint(o: &PyRef, default: usize) -> PyResult<usize> {
    let ty = o.ty();
    if ty.as_sequence.sq_length.get().is_some() || ty.as_mapping.mp_length.get().is_some() {
        match protocol::len(o) {
            Ok(n) => return Ok(n),
            Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(m) = crate::objects::type_::lookup_str(ty, "__length_hint__") else {
        return Ok(default);
    };
    let bound = crate::objects::descr::bind(&m, Some(o), Some(&o.type_ref()))?;
    let r = match protocol::call1(&bound, &[]) {
        Ok(r) => r,
        Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is_not_implemented() {
        return Ok(default);
    }
    if !r.is_instance_of::<PyInt>() {
        return Err(PyErr::type_error(format!(
            "__length_hint__ must be an integer, not {}",
            r.ty().name()
        )));
    }
    let n = ssize_arg(&r)?;
    if n < 0 {
        return Err(PyErr::value_error("__length_hint__() should return >= 0"));
    }
    Ok(n as usize)
}

/// Room for `n` more items before an extend (`list_preallocate_exact` on
/// an unallocated list, else `list_resize`).
fn make_room(v: &mut Vec<PyRef>, n: usize) -> PyResult<()> {
    if v.capacity() == 0 {
        if n > 0 {
            v.try_reserve_exact((n + 1) & !1)
                .map_err(|_| PyErr::no_memory())?;
        }
    } else {
        let m = v.len();
        // A size the memory cannot hold is MemoryError, as CPython's
        // `list_resize` failing is (checked for large hints only, so the
        // capacities of ordinary lists follow CPython's growth exactly).
        if n > 1 << 20 {
            v.try_reserve_exact(n).map_err(|_| PyErr::no_memory())?;
        }
        resize_capacity(v, m.saturating_add(n));
    }
    Ok(())
}

/// `list.extend(iterable)` (`list_extend`), with CPython's preallocation so
/// that capacities (and `__sizeof__`) agree.
pub fn list_extend(obj: &PyRef, iterable: &PyRef) -> PyResult<()> {
    let l = payload(obj);
    if iterable.is_exact::<PyList>() || iterable.is_exact::<PyTuple>() || obj.is(iterable) {
        let items = sequence_fast(iterable, "argument must be iterable")?;
        if items.is_empty() {
            return Ok(());
        }
        // SAFETY: no Python code runs while the vector is borrowed.
        unsafe {
            l.with_vec(|v| {
                let _ = make_room(v, items.len());
                v.extend(items);
            })
        };
        return Ok(());
    }
    let it = protocol::get_iter(iterable)?;
    let n = length_hint(iterable, 8)?;
    // SAFETY: reserving runs no Python code.
    unsafe { l.with_vec(|v| make_room(v, n)) }?;
    while let Some(x) = protocol::next(&it)? {
        l.push(x);
    }
    // SAFETY: shrinking runs no Python code.
    unsafe {
        l.with_vec(|v| {
            let n = v.len();
            if n < v.capacity() {
                resize_capacity(v, n);
            }
        })
    };
    Ok(())
}

fn list_extend_meth(obj: &PyRef, iterable: &PyRef) -> PyResult<PyRef> {
    list_extend(obj, iterable)?;
    Ok(none())
}

fn list_insert(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("insert", args.len(), 2, 2)?;
    let l = payload(obj);
    let mut i = ssize_arg(&args[0])?;
    let n = l.len() as isize;
    if i < 0 {
        i += n;
        if i < 0 {
            i = 0;
        }
    }
    l.insert(i.min(n) as usize, args[1].clone());
    Ok(none())
}

fn list_pop(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("pop", args.len(), 0, 1)?;
    let mut i = match args.first() {
        Some(a) => ssize_arg(a)?,
        None => -1,
    };
    let l = payload(obj);
    let n = l.len() as isize;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty list"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.remove(i as usize))
}

fn list_remove(obj: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    let l = payload(obj);
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if protocol::rich_compare_bool(&v, x, CompareOp::Eq)? {
            if i < l.len() {
                drop(l.remove(i));
            }
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

/// Start/stop arguments of `index` (`_PyEval_SliceIndexNotNone`), made
/// non-negative relative to `len`.
pub fn index_bounds(args: &[PyRef], len: usize) -> PyResult<(usize, usize)> {
    const MSG: &str = "slice indices must be integers or have an __index__ method";
    let fix = |v: isize| -> usize {
        if v < 0 {
            (v + len as isize).max(0) as usize
        } else {
            v as usize
        }
    };
    let start = match args.get(1) {
        Some(a) => fix(slice_mod::slice_index_not_none(a, MSG)?),
        None => 0,
    };
    let stop = match args.get(2) {
        Some(a) => fix(slice_mod::slice_index_not_none(a, MSG)?),
        None => usize::MAX,
    };
    Ok((start, stop))
}

fn list_index(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("index", args.len(), 1, 3)?;
    let l = payload(obj);
    let (start, stop) = index_bounds(args, l.len())?;
    let mut i = start;
    while i < stop {
        let Some(v) = l.get(i) else { break };
        if protocol::rich_compare_bool(&v, &args[0], CompareOp::Eq)? {
            return PyInt::new(i as i64);
        }
        i += 1;
    }
    Err(PyErr::value_error(format!(
        "{} is not in list",
        protocol::repr_string(&args[0])?
    )))
}

fn list_count(obj: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    let l = payload(obj);
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = l.get(i) {
        if protocol::rich_compare_bool(&v, x, CompareOp::Eq)? {
            n += 1;
        }
        i += 1;
    }
    PyInt::new(n)
}

fn list_reverse(obj: &PyRef) -> PyResult<PyRef> {
    // SAFETY: reversing runs no Python code.
    unsafe { payload(obj).with_vec(|v| v.reverse()) };
    Ok(none())
}

fn list_copy(obj: &PyRef) -> PyResult<PyRef> {
    PyList::new(payload(obj).snapshot())
}

fn list_clear_meth(obj: &PyRef) -> PyResult<PyRef> {
    let old = payload(obj).replace_all(Vec::new());
    drop(old);
    Ok(none())
}

fn list_sizeof(obj: &PyRef) -> PyResult<PyRef> {
    // CPython's PyListObject is 40 bytes; ours holds a Vec (8 more).
    let extra = std::mem::size_of::<PyList>() - 40;
    let base = obj.ty().tp_basicsize.get() - extra;
    PyInt::new((base + payload(obj).capacity() * 8) as i64)
}

fn list_reversed(obj: &PyRef) -> PyResult<PyRef> {
    let n = payload(obj).len() as isize;
    alloc_object(
        &LIST_REVITER_TYPE,
        PyListIter {
            ob_base: PyObject::NEW,
            index: Cell::new(n - 1),
            seq: ObjCell::empty(),
        },
    )
    .inspect(|it| {
        // SAFETY: `it` is the iterator just made.
        unsafe { it.payload_unchecked::<PyListIter>() }
            .seq
            .set(Some(obj.clone()));
    })
}

/// `list.sort(*, key=None, reverse=False)`.
fn list_sort(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = slice_mod::nkw(kwnames);
    let npos = args.len().saturating_sub(nkw);
    if npos > 0 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let mut key: Option<PyRef> = None;
    let mut reverse = false;
    for (name, v) in slice_mod::kw_names(kwnames).iter().zip(&args[npos..]) {
        match name.as_str() {
            "key" => key = if v.is_none() { None } else { Some(v.clone()) },
            "reverse" => reverse = ssize_arg(v)? != 0,
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{name}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    sort_list(obj, key.as_ref(), reverse)?;
    Ok(none())
}

/// Sorts a list in place (`list.sort`), stable, calling only `<`.
pub fn sort_list(obj: &PyRef, key: Option<&PyRef>, reverse: bool) -> PyResult<()> {
    let l = payload(obj);
    let mut saved = l.replace_all(Vec::new());
    let result = (|| -> PyResult<()> {
        let keys: Option<Vec<PyRef>> = match key {
            Some(f) => {
                let mut ks = Vec::with_capacity(saved.len());
                for v in &saved {
                    ks.push(protocol::call1(f, std::slice::from_ref(v))?);
                }
                Some(ks)
            }
            None => None,
        };
        let n = saved.len();
        // Reversing before and after keeps equal items in order.
        let mut order: Vec<usize> = if reverse {
            (0..n).rev().collect()
        } else {
            (0..n).collect()
        };
        let ks: &[PyRef] = keys.as_deref().unwrap_or(&saved);
        // A failed comparison leaves a partly sorted permutation, which is
        // applied as CPython leaves its array.
        let sorted = match SortKeys::scan(ks) {
            // CPython's pre-scan (`unsafe_long_compare` and friends): keys
            // all of one exact type compare without `__lt__` dispatch; none
            // of these comparisons can run Python code or fail.
            //
            // Under a total order every stable sort gives the same
            // permutation, so those keys go to the library's stable sort
            // over (key, index) pairs: the result is timsort's exactly.
            // Floats with a NaN are not totally ordered: they take timsort.
            SortKeys::Ints(v) => {
                let mut pairs: Vec<(i64, usize)> = order.iter().map(|&i| (v[i], i)).collect();
                pairs.sort_by_key(|p| p.0);
                order = pairs.into_iter().map(|p| p.1).collect();
                Ok(())
            }
            SortKeys::Floats(v) if !v.iter().any(|x| x.is_nan()) => {
                let mut pairs: Vec<(f64, usize)> = order.iter().map(|&i| (v[i], i)).collect();
                pairs.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
                order = pairs.into_iter().map(|p| p.1).collect();
                Ok(())
            }
            SortKeys::Floats(v) => merge_sort(&mut order, &mut |a, b| Ok(v[a] < v[b])),
            SortKeys::Strs(v) => {
                order.sort_by(|&a, &b| crate::objects::str::cmp_str(v[a], v[b]));
                Ok(())
            }
            SortKeys::Other => {
                let mut lt = |a: usize, b: usize| -> PyResult<bool> {
                    protocol::rich_compare_bool(&ks[a], &ks[b], CompareOp::Lt)
                };
                merge_sort(&mut order, &mut lt)
            }
        };
        if reverse {
            order.reverse();
        }
        let mut slots: Vec<Option<PyRef>> =
            std::mem::take(&mut saved).into_iter().map(Some).collect();
        saved = order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(|s| s.take()))
            .collect();
        sorted
    })();
    // Anything put in the list during the sort is discarded.
    let modified = !l.is_empty() || l.capacity() != 0;
    let intruders = l.replace_all(saved);
    drop(intruders);
    result?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(())
}

/// The sort keys when all are of one exact type whose `<` is native
/// (CPython's key pre-scan in `list_sort_impl`).
enum SortKeys<'a> {
    /// Exact ints that fit an i64.
    Ints(Vec<i64>),
    /// Exact floats (`<` on f64 is Python's, NaN included).
    Floats(Vec<f64>),
    /// Exact strs.
    Strs(Vec<&'a PyStr>),
    Other,
}

/// Whether `ty`'s `<` is still `native` (an embedder may replace a static
/// type's slot, and then every comparison must go through it).
fn compares_natively(ty: &PyType, native: RichCmpFn) -> bool {
    ty.tp_richcompare.get().map(|f| f as usize) == Some(native as usize)
}

type RichCmpFn = fn(&PyRef, &PyRef, CompareOp) -> PyResult<PyRef>;

impl<'a> SortKeys<'a> {
    fn scan(ks: &'a [PyRef]) -> SortKeys<'a> {
        let Some(first) = ks.first() else {
            return SortKeys::Other;
        };
        if !compares_natively(first.ty(), crate::objects::int::int_richcompare)
            && !compares_natively(first.ty(), crate::objects::float::float_richcompare)
            && !compares_natively(first.ty(), crate::objects::str::str_richcompare)
        {
            return SortKeys::Other;
        }
        if first.is_exact::<PyInt>() {
            let mut v = Vec::with_capacity(ks.len());
            for k in ks {
                match k.downcast_exact::<PyInt>() {
                    Some(i) if i.big.is_none() => v.push(i.small),
                    _ => return SortKeys::Other,
                }
            }
            return SortKeys::Ints(v);
        }
        if first.is_exact::<crate::objects::float::PyFloat>() {
            let mut v = Vec::with_capacity(ks.len());
            for k in ks {
                match k.downcast_exact::<crate::objects::float::PyFloat>() {
                    Some(f) => v.push(f.value),
                    None => return SortKeys::Other,
                }
            }
            return SortKeys::Floats(v);
        }
        if first.is_exact::<PyStr>() {
            let mut v = Vec::with_capacity(ks.len());
            for k in ks {
                match k.downcast_exact::<PyStr>() {
                    Some(s) => v.push(s),
                    None => return SortKeys::Other,
                }
            }
            return SortKeys::Strs(v);
        }
        SortKeys::Other
    }
}

const MIN_GALLOP: usize = 7;
const MIN_MERGE: usize = 64;

/// timsort's `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MIN_MERGE {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

type Lt<'a> = &'a mut dyn FnMut(usize, usize) -> PyResult<bool>;

/// CPython's `MergeState`, over a permutation `v` of item indices: the sort
/// moves indices, never items, so an exception leaves a permutation that
/// the caller applies, as CPython leaves its array.
struct MergeState<'a, 'b> {
    v: &'a mut [usize],
    tmp: Vec<usize>,
    /// (start, len, power) of the pending runs.
    pending: Vec<(usize, usize, u32)>,
    min_gallop: usize,
    lt: Lt<'b>,
}

/// `gallop_left`: k in 0..=n with a[k-1] < key <= a[k].
fn gallop_left(lt: Lt<'_>, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len();
    let (mut lastofs, mut ofs);
    if lt(a[hint], key)? {
        let maxofs = n - hint;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(a[hint + ofs], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
        lastofs += 1;
    } else {
        let maxofs = hint + 1;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(a[hint - ofs], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        // lastofs = hint - ofs (may be -1), then ++lastofs
        lastofs = hint + 1 - ofs;
        ofs = hint - k;
    }
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(a[m], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs)
}

/// `gallop_right`: k in 0..=n with a[k-1] <= key < a[k].
fn gallop_right(lt: Lt<'_>, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len();
    let (mut lastofs, mut ofs);
    if lt(key, a[hint])? {
        let maxofs = hint + 1;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(key, a[hint - ofs])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint + 1 - ofs;
        ofs = hint - k;
    } else {
        let maxofs = n - hint;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(key, a[hint + ofs])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint + 1;
        ofs += hint;
    }
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, a[m])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs)
}

impl MergeState<'_, '_> {
    /// `binarysort`: v[lo..hi] with v[lo..start] already sorted.
    fn binarysort(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if start == lo {
            start += 1;
        }
        while start < hi {
            let pivot = self.v[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if (self.lt)(pivot, self.v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.v.copy_within(l..start, l + 1);
            self.v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// `count_run`: (length, descending).
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        if (self.lt)(self.v[lo + 1], self.v[lo])? {
            let mut i = lo + 2;
            while i < hi && (self.lt)(self.v[i], self.v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            let mut i = lo + 2;
            while i < hi && !(self.lt)(self.v[i], self.v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    fn merge_lo(&mut self, sa: usize, mut na: usize, sb: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.v[sa..sa + na]);
        let mut dest = sa;
        let mut pa = 0usize; // into tmp
        let mut pb = sb; // into v
        self.v[dest] = self.v[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        let result = (|| -> PyResult<bool> {
            // Ok(true): CopyB; Ok(false): Succeed.
            if nb == 0 {
                return Ok(false);
            }
            if na == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    if (self.lt)(self.v[pb], self.tmp[pa])? {
                        self.v[dest] = self.v[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.v[dest] = self.tmp[pa];
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = gallop_right(&mut *self.lt, self.v[pb], &self.tmp[pa..pa + na], 0)?;
                    acount = k;
                    if k > 0 {
                        self.v[dest..dest + k].copy_from_slice(&self.tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            return Ok(true);
                        }
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.v[dest] = self.v[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    let k = gallop_left(&mut *self.lt, self.tmp[pa], &self.v[pb..pb + nb], 0)?;
                    bcount = k;
                    if k > 0 {
                        self.v.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.v[dest] = self.tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            Ok(true) => {
                self.v.copy_within(pb..pb + nb, dest);
                self.v[dest + nb] = self.tmp[pa];
                Ok(())
            }
            other => {
                if na > 0 {
                    self.v[dest..dest + na].copy_from_slice(&self.tmp[pa..pa + na]);
                }
                other.map(|_| ())
            }
        }
    }

    fn merge_hi(&mut self, sa: usize, mut na: usize, sb: usize, mut nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.v[sb..sb + nb]);
        // Signed cursors: they may step one below their base.
        let mut dest = (sb + nb - 1) as isize;
        let mut pa = (sa + na - 1) as isize; // into v
        let mut pb = nb as isize - 1; // into tmp
        let basea = sa;
        self.v[dest as usize] = self.v[pa as usize];
        dest -= 1;
        pa -= 1;
        na -= 1;
        let result = (|| -> PyResult<bool> {
            // Ok(true): CopyA; Ok(false): Succeed.
            if na == 0 {
                return Ok(false);
            }
            if nb == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    if (self.lt)(self.tmp[pb as usize], self.v[pa as usize])? {
                        self.v[dest as usize] = self.v[pa as usize];
                        dest -= 1;
                        pa -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.v[dest as usize] = self.tmp[pb as usize];
                        dest -= 1;
                        pb -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = gallop_right(
                        &mut *self.lt,
                        self.tmp[pb as usize],
                        &self.v[basea..basea + na],
                        na - 1,
                    )?;
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pa -= k as isize;
                        let src = (pa + 1) as usize;
                        self.v.copy_within(src..src + k, (dest + 1) as usize);
                        na -= k;
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.v[dest as usize] = self.tmp[pb as usize];
                    dest -= 1;
                    pb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    let k =
                        gallop_left(&mut *self.lt, self.v[pa as usize], &self.tmp[..nb], nb - 1)?;
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        pb -= k as isize;
                        let (d, s) = ((dest + 1) as usize, (pb + 1) as usize);
                        self.v[d..d + k].copy_from_slice(&self.tmp[s..s + k]);
                        nb -= k;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.v[dest as usize] = self.v[pa as usize];
                    dest -= 1;
                    pa -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            Ok(true) => {
                let d = (dest + 1) as usize - na;
                let s = (pa + 1) as usize - na;
                self.v.copy_within(s..s + na, d);
                dest -= na as isize;
                self.v[dest as usize] = self.tmp[pb as usize];
                Ok(())
            }
            other => {
                if nb > 0 {
                    let d = (dest + 1) as usize - nb;
                    self.v[d..d + nb].copy_from_slice(&self.tmp[..nb]);
                }
                other.map(|_| ())
            }
        }
    }

    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (sa, mut na, _) = self.pending[i];
        let (sb, nb, _) = self.pending[i + 1];
        self.pending[i].1 = na + nb;
        self.pending.remove(i + 1);
        let k = gallop_right(&mut *self.lt, self.v[sb], &self.v[sa..sa + na], 0)?;
        let sa = sa + k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(
            &mut *self.lt,
            self.v[sa + na - 1],
            &self.v[sb..sb + nb],
            nb - 1,
        )?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(sa, na, sb, nb)
        } else {
            self.merge_hi(sa, na, sb, nb)
        }
    }

    /// `found_new_run` (3.11's powersort policy).
    fn found_new_run(&mut self, n2: usize) -> PyResult<()> {
        if let Some(&(s1, n1, _)) = self.pending.last() {
            let power = powerloop(s1, n1, n2, self.v.len());
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].2 > power {
                let i = self.pending.len() - 2;
                self.merge_at(i)?;
            }
            if let Some(last) = self.pending.last_mut() {
                last.2 = power;
            }
        }
        Ok(())
    }

    fn merge_force_collapse(&mut self) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].1 < self.pending[n + 1].1 {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }
}

fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// CPython's timsort (listsort.txt, 3.11): natural runs extended to minrun
/// by binary insertion, powersort's merge policy, galloping merges. Sorts
/// the permutation `v` by `lt`; on an exception `v` is still a permutation.
fn merge_sort(v: &mut [usize], lt: Lt<'_>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        v,
        tmp: Vec::new(),
        pending: Vec::new(),
        min_gallop: MIN_GALLOP,
        lt,
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, desc) = ms.count_run(lo, lo + remaining)?;
        if desc {
            ms.v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binarysort(lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(run)?;
        ms.pending.push((lo, run, 0));
        lo += run;
        remaining -= run;
    }
    ms.merge_force_collapse()
}

// ---------------------------------------------------------------------------
// Iterators.

/// `list_iterator` / `list_reverseiterator` payload; `seq` is cleared when
/// exhausted.
#[repr(C)]
pub struct PyListIter {
    pub ob_base: PyObject,
    pub index: Cell<isize>,
    pub seq: ObjCell,
}

pub static LIST_ITER_TYPE: PyType = PyType {
    tp_name: "list_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyListIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_list_iter),
    tp_traverse: Cell::new(Some(traverse_list_iter)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(list_iter_next)),
    tp_methods: &[
        MethodDef::new("__length_hint__", Meth::NoArgs(list_iter_len)),
        MethodDef::new("__reduce__", Meth::NoArgs(list_iter_reduce)),
        MethodDef::new("__setstate__", Meth::O(list_iter_setstate)),
    ],
    ..PyType::BASE
};

pub static LIST_REVITER_TYPE: PyType = PyType {
    tp_name: "list_reverseiterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyListIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_list_iter),
    tp_traverse: Cell::new(Some(traverse_list_iter)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(list_reviter_next)),
    tp_methods: &[
        MethodDef::new("__length_hint__", Meth::NoArgs(list_reviter_len)),
        MethodDef::new("__reduce__", Meth::NoArgs(list_reviter_reduce)),
        MethodDef::new("__setstate__", Meth::O(list_reviter_setstate)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyListIter {
    fn type_object() -> &'static PyType {
        &LIST_ITER_TYPE
    }
}

unsafe fn drop_list_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator; take the sequence out and drop it.
    unsafe { drop((*(obj as *const PyListIter)).seq.take()) }
}

unsafe fn traverse_list_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator.
    unsafe {
        if let Some(s) = (*(obj as *const PyListIter)).seq.get() {
            visit(s.as_ptr());
        }
    }
}

fn iter_payload(it: &PyRef) -> &PyListIter {
    // SAFETY: the iterator types' slots get their own objects.
    unsafe { it.payload_unchecked::<PyListIter>() }
}

fn list_iter(obj: &PyRef) -> PyResult<PyRef> {
    let it = alloc_object(
        &LIST_ITER_TYPE,
        PyListIter {
            ob_base: PyObject::NEW,
            index: Cell::new(0),
            seq: ObjCell::empty(),
        },
    )?;
    iter_payload(&it).seq.set(Some(obj.clone()));
    Ok(it)
}

fn list_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    let p = iter_payload(it);
    let i = p.index.get();
    // The borrow of `seq` ends before anything is dropped.
    let v = match p.seq.get() {
        Some(seq) => payload(seq).get(i as usize),
        None => return Ok(None),
    };
    if v.is_some() {
        p.index.set(i + 1);
        return Ok(v);
    }
    drop(p.seq.take());
    Ok(None)
}

fn list_iter_len(it: &PyRef) -> PyResult<PyRef> {
    let p = iter_payload(it);
    let n = match p.seq.get() {
        Some(s) => (payload(s).len() as isize - p.index.get()).max(0),
        None => 0,
    };
    PyInt::new(n as i64)
}

fn list_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    let p = iter_payload(it);
    crate::objects::iter::reduce_seq_iter("iter", p.seq.get_owned(), p.index.get(), || {
        PyList::new(Vec::new())
    })
}

fn list_iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let p = iter_payload(it);
    if let Some(s) = p.seq.get_owned() {
        let n = payload(&s).len() as isize;
        p.index
            .set(crate::objects::iter::setstate_index(state, 0, n)?);
    }
    Ok(none())
}

fn list_reviter_reduce(it: &PyRef) -> PyResult<PyRef> {
    let p = iter_payload(it);
    crate::objects::iter::reduce_seq_iter("reversed", p.seq.get_owned(), p.index.get(), || {
        PyList::new(Vec::new())
    })
}

fn list_reviter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let p = iter_payload(it);
    if let Some(s) = p.seq.get_owned() {
        let n = payload(&s).len() as isize;
        p.index
            .set(crate::objects::iter::setstate_index(state, -1, n - 1)?);
    }
    Ok(none())
}

fn list_reviter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    let p = iter_payload(it);
    let Some(seq) = p.seq.get_owned() else {
        return Ok(None);
    };
    let i = p.index.get();
    if i >= 0 {
        if let Some(v) = payload(&seq).get(i as usize) {
            p.index.set(i - 1);
            return Ok(Some(v));
        }
    }
    p.index.set(-1);
    drop(p.seq.take());
    Ok(None)
}

fn list_reviter_len(it: &PyRef) -> PyResult<PyRef> {
    let p = iter_payload(it);
    let n = match p.seq.get() {
        Some(s) if (p.index.get() as usize) < payload(s).len() => p.index.get() + 1,
        _ => 0,
    };
    PyInt::new(n.max(0) as i64)
}

// ---------------------------------------------------------------------------
// `types.GenericAlias` (CPython's `Objects/genericaliasobject.c`), the result
// of `list[int]`: no other file owns it and the containers'
// `__class_getitem__` need it (`_collections_abc` and `types` evaluate
// `type(list[int])` at import). Origin, args, parameters (TypeVar-like args:
// those with `__typing_subst__`), repr, ==, hash, call, attribute forwarding
// to the origin, `__mro_entries__`, and positional substitution of
// parameters. Not yet: `|` (types.UnionType), starred aliases, pickling.

/// The `types.GenericAlias` payload.
#[repr(C)]
pub struct PyGenericAlias {
    pub ob_base: PyObject,
    pub origin: ObjCell,
    pub args: ObjCell,
    pub parameters: ObjCell,
}

pub static GENERIC_ALIAS_TYPE: PyType = PyType {
    tp_name: "types.GenericAlias",
    tp_basicsize: Cell::new(std::mem::size_of::<PyGenericAlias>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_ga),
    tp_traverse: Cell::new(Some(traverse_ga)),
    tp_repr: Cell::new(Some(ga_repr)),
    tp_hash: Cell::new(Some(ga_hash)),
    tp_richcompare: Cell::new(Some(ga_richcompare)),
    tp_call: Cell::new(Some(ga_call)),
    tp_getattro: Cell::new(Some(ga_getattro)),
    tp_new: Cell::new(Some(ga_new)),
    as_mapping: MappingSlots {
        mp_length: Cell::new(None),
        mp_subscript: Cell::new(Some(ga_getitem)),
        mp_ass_subscript: Cell::new(None),
    },
    tp_methods: &[
        MethodDef::new("__mro_entries__", Meth::O(ga_mro_entries)),
        MethodDef::new("__instancecheck__", Meth::O(ga_instancecheck)),
        MethodDef::new("__subclasscheck__", Meth::O(ga_subclasscheck)),
    ],
    tp_getset: &[
        GetSetDef::getter("__origin__", |g| {
            Ok(ga(g).origin.get_owned().unwrap_or_else(none))
        }),
        GetSetDef::getter("__args__", |g| {
            Ok(ga(g).args.get_owned().unwrap_or_else(none))
        }),
        GetSetDef::getter("__parameters__", ga_parameters),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyGenericAlias {
    fn type_object() -> &'static PyType {
        &GENERIC_ALIAS_TYPE
    }
}

unsafe fn drop_ga(obj: *mut PyObject) {
    // SAFETY: obj is a dead alias.
    unsafe {
        let p = &*(obj as *const PyGenericAlias);
        drop(p.origin.take());
        drop(p.args.take());
        drop(p.parameters.take());
    }
}

unsafe fn traverse_ga(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live alias.
    unsafe {
        let p = &*(obj as *const PyGenericAlias);
        for c in [&p.origin, &p.args, &p.parameters] {
            if let Some(o) = c.get() {
                visit(o.as_ptr());
            }
        }
    }
}

fn ga(g: &PyRef) -> &PyGenericAlias {
    // SAFETY: the alias type's slots get aliases.
    unsafe { g.payload_unchecked::<PyGenericAlias>() }
}

/// `Py_GenericAlias(origin, args)`.
pub fn generic_alias(origin: &PyRef, args: &PyRef) -> PyResult<PyRef> {
    let args = if args.is_instance_of::<PyTuple>() {
        args.clone()
    } else {
        PyTuple::new(vec![args.clone()])?
    };
    let g = alloc_object(
        &GENERIC_ALIAS_TYPE,
        PyGenericAlias {
            ob_base: PyObject::NEW,
            origin: ObjCell::empty(),
            args: ObjCell::empty(),
            parameters: ObjCell::empty(),
        },
    )?;
    ga(&g).origin.set(Some(origin.clone()));
    ga(&g).args.set(Some(args));
    Ok(g)
}

/// `__class_getitem__` of the container types.
pub fn class_getitem(cls: &PyRef, args: &PyRef) -> PyResult<PyRef> {
    generic_alias(cls, args)
}

fn ga_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kwargs("GenericAlias", kwnames)?;
    check_nargs("GenericAlias", args.len(), 2, 2)?;
    generic_alias(&args[0], &args[1])
}

fn ga_args(g: &PyRef) -> Vec<PyRef> {
    ga(g)
        .args
        .get()
        .and_then(|a| a.downcast::<PyTuple>())
        .map(|t| t.items().to_vec())
        .unwrap_or_default()
}

/// `ga_repr_item`.
fn repr_item(p: &PyRef) -> PyResult<String> {
    if p.is_static(&crate::objects::none::ELLIPSIS) {
        return Ok("...".into());
    }
    if p.is_instance_of::<PyGenericAlias>() {
        return protocol::repr_string(p);
    }
    if let Some(t) = crate::objects::type_::as_type(p) {
        let m = protocol::str_string(&crate::objects::type_::type_module(t)?)?;
        let q = protocol::str_string(&crate::objects::type_::type_qualname(t)?)?;
        return Ok(if m == "builtins" {
            q
        } else {
            format!("{m}.{q}")
        });
    }
    let qual = protocol::lookup_attr(p, crate::intern!("__qualname__"))?;
    let module = protocol::lookup_attr(p, crate::intern!("__module__"))?;
    match (qual, module) {
        (Some(q), Some(m)) if !m.is_none() => {
            let q = protocol::str_string(&q)?;
            let m = protocol::str_string(&m)?;
            if m == "builtins" {
                Ok(q)
            } else {
                Ok(format!("{m}.{q}"))
            }
        }
        _ => protocol::repr_string(p),
    }
}

fn ga_repr(g: &PyRef) -> PyResult<PyRef> {
    let origin = ga(g).origin.get_owned().unwrap_or_else(none);
    let mut s = repr_item(&origin)?;
    s.push('[');
    let args = ga_args(g);
    if args.is_empty() {
        s.push_str("()");
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if let Some(l) = a.downcast::<PyList>() {
            s.push('[');
            for (j, x) in l.snapshot().iter().enumerate() {
                if j > 0 {
                    s.push_str(", ");
                }
                s.push_str(&repr_item(x)?);
            }
            s.push(']');
        } else {
            s.push_str(&repr_item(a)?);
        }
    }
    s.push(']');
    PyStr::new(&s)
}

fn ga_hash(g: &PyRef) -> PyResult<isize> {
    let o = ga(g).origin.get_owned().unwrap_or_else(none);
    let a = ga(g).args.get_owned().unwrap_or_else(none);
    Ok(protocol::hash(&o)? ^ protocol::hash(&a)?)
}

fn ga_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !b.is_instance_of::<PyGenericAlias>() || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let get = |g: &PyRef| {
        (
            ga(g).origin.get_owned().unwrap_or_else(none),
            ga(g).args.get_owned().unwrap_or_else(none),
        )
    };
    let (oa, aa) = get(a);
    let (ob, ab) = get(b);
    let eq = protocol::rich_compare_bool(&oa, &ob, CompareOp::Eq)?
        && protocol::rich_compare_bool(&aa, &ab, CompareOp::Eq)?;
    Ok(py_bool(eq == (op == CompareOp::Eq)))
}

fn ga_call(g: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let origin = ga(g).origin.get_owned().unwrap_or_else(none);
    let obj = protocol::call(&origin, args, kwnames)?;
    match protocol::setattr(&obj, crate::intern!("__orig_class__"), Some(g)) {
        Ok(()) => {}
        Err(e)
            if e.matches(&crate::objects::exceptions::ATTRIBUTE_ERROR)
                || e.matches(&crate::objects::exceptions::TYPE_ERROR) => {}
        Err(e) => return Err(e),
    }
    Ok(obj)
}

fn ga_instancecheck(_g: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    Err(PyErr::type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn ga_subclasscheck(_g: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    Err(PyErr::type_error(
        "issubclass() argument 2 cannot be a parameterized generic",
    ))
}

const GA_OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn ga_getattro(g: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    if let Some(n) = name.downcast::<PyStr>() {
        if !GA_OWN_ATTRS.contains(&n.as_str()) {
            let origin = ga(g).origin.get_owned().unwrap_or_else(none);
            return protocol::getattr(&origin, name);
        }
    }
    crate::objects::object::generic_getattr(g, name)
}

fn ga_mro_entries(g: &PyRef, _bases: &PyRef) -> PyResult<PyRef> {
    PyTuple::new(vec![ga(g).origin.get_owned().unwrap_or_else(none)])
}

/// The TypeVar-like arguments (`_Py_make_parameters`).
fn ga_parameters(g: &PyRef) -> PyResult<PyRef> {
    if let Some(p) = ga(g).parameters.get_owned() {
        return Ok(p);
    }
    let mut params: Vec<PyRef> = Vec::new();
    for a in ga_args(g) {
        if a.is_instance_of::<PyType>() {
            continue;
        }
        let is_param = crate::objects::type_::lookup_str(a.ty(), "__typing_subst__").is_some();
        if is_param {
            if !params.iter().any(|p| p.is(&a)) {
                params.push(a);
            }
            continue;
        }
        if let Some(sub) = protocol::lookup_attr(&a, crate::intern!("__parameters__"))? {
            if let Some(t) = sub.downcast::<PyTuple>() {
                for p in t.items() {
                    if !params.iter().any(|q| q.is(p)) {
                        params.push(p.clone());
                    }
                }
            }
        }
    }
    let t = PyTuple::new(params)?;
    drop(ga(g).parameters.set(Some(t.clone())));
    Ok(t)
}

/// `alias[args]`: substitutes the parameters positionally.
fn ga_getitem(g: &PyRef, item: &PyRef) -> PyResult<PyRef> {
    let params = ga_parameters(g)?;
    let params = params
        .downcast::<PyTuple>()
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    if params.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} is not a generic class",
            protocol::repr_string(g)?
        )));
    }
    let given: Vec<PyRef> = match item.downcast::<PyTuple>() {
        Some(t) => t.items().to_vec(),
        None => vec![item.clone()],
    };
    if given.len() != params.len() {
        return Err(PyErr::type_error(format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if given.len() > params.len() {
                "many"
            } else {
                "few"
            },
            protocol::repr_string(g)?,
            given.len(),
            params.len()
        )));
    }
    let mut new_args = Vec::new();
    for a in ga_args(g) {
        match params.iter().position(|p| p.is(&a)) {
            Some(i) => new_args.push(given[i].clone()),
            None => {
                if a.is_instance_of::<PyGenericAlias>() {
                    let sub: Vec<PyRef> =
                        match protocol::lookup_attr(&a, crate::intern!("__parameters__"))? {
                            Some(sp) => sp
                                .downcast::<PyTuple>()
                                .map(|t| t.items().to_vec())
                                .unwrap_or_default(),
                            None => Vec::new(),
                        };
                    if !sub.is_empty() {
                        let vals: Vec<PyRef> = sub
                            .iter()
                            .map(|s| {
                                params
                                    .iter()
                                    .position(|p| p.is(s))
                                    .map(|i| given[i].clone())
                                    .unwrap_or_else(|| s.clone())
                            })
                            .collect();
                        new_args.push(protocol::get_item(&a, &PyTuple::new(vals)?)?);
                        continue;
                    }
                }
                new_args.push(a);
            }
        }
    }
    let origin = ga(g).origin.get_owned().unwrap_or_else(none);
    generic_alias(&origin, &PyTuple::new(new_args)?)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&LIST_ITER_TYPE, &LIST_REVITER_TYPE, &GENERIC_ALIAS_TYPE];
