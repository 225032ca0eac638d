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
//! `sort` is a stable merge sort over natural runs (timsort's run detection,
//! minrun and binary insertion, merging adjacent runs), calling only `<`; it
//! sorts a permutation, so a comparison that raises leaves the list in its
//! original order (CPython leaves it partly sorted). Galloping is omitted:
//! the result is the same, the number of comparisons can differ.
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
        MethodDef::new("append", Meth::O(list_append)),
        MethodDef::new("extend", Meth::O(list_extend_meth)),
        MethodDef::new("insert", Meth::Fast(list_insert)),
        MethodDef::new("pop", Meth::Fast(list_pop)),
        MethodDef::new("remove", Meth::O(list_remove)),
        MethodDef::new("index", Meth::Fast(list_index)),
        MethodDef::new("count", Meth::O(list_count)),
        MethodDef::new("reverse", Meth::NoArgs(list_reverse)),
        MethodDef::new("copy", Meth::NoArgs(list_copy)),
        MethodDef::new("clear", Meth::NoArgs(list_clear_meth)),
        MethodDef::new("sort", Meth::FastKw(list_sort)),
        MethodDef::new("__reversed__", Meth::NoArgs(list_reversed)),
        MethodDef::new("__sizeof__", Meth::NoArgs(list_sizeof)),
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
        for it in (*l.items.get()).iter() {
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
            w.ty().name()
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
        cur += step;
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
            // SAFETY: no Python code runs while the vector is borrowed; the
            // removed items are returned and dropped afterwards.
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
                        cur += step;
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
    if obj.is_exact::<PyList>() {
        no_kwargs("list", kwnames)?;
    }
    let npos = args.len() - nkw;
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

/// `list.extend(iterable)` (`list_extend`).
pub fn list_extend(obj: &PyRef, iterable: &PyRef) -> PyResult<()> {
    let l = payload(obj);
    if iterable.is_exact::<PyList>() || iterable.is_exact::<PyTuple>() {
        let items = sequence_fast(iterable, "")?;
        l.extend_from(items);
        return Ok(());
    }
    let it = protocol::get_iter(iterable)?;
    while let Some(x) = protocol::next(&it)? {
        l.push(x);
    }
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
    let npos = args.len() - nkw;
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
        let mut lt = |a: usize, b: usize| -> PyResult<bool> {
            protocol::rich_compare_bool(&ks[a], &ks[b], CompareOp::Lt)
        };
        merge_sort(&mut order, &mut lt)?;
        if reverse {
            order.reverse();
        }
        let mut slots: Vec<Option<PyRef>> =
            std::mem::take(&mut saved).into_iter().map(Some).collect();
        saved = order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(|s| s.take()))
            .collect();
        Ok(())
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

const MIN_GALLOP_RUN: usize = 64;

/// timsort's `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MIN_GALLOP_RUN {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// A stable sort of `v` by `lt`, over natural runs extended to minrun by
/// binary insertion, merging adjacent runs with timsort's stack rules.
fn merge_sort(v: &mut [usize], lt: &mut dyn FnMut(usize, usize) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = compute_minrun(n);
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (start, len)
    let mut lo = 0;
    while lo < n {
        // count_run
        let mut run = 1;
        if lo + 1 < n {
            if lt(v[lo + 1], v[lo])? {
                run = 2;
                while lo + run < n && lt(v[lo + run], v[lo + run - 1])? {
                    run += 1;
                }
                v[lo..lo + run].reverse();
            } else {
                run = 2;
                while lo + run < n && !lt(v[lo + run], v[lo + run - 1])? {
                    run += 1;
                }
            }
        }
        if run < minrun {
            let force = minrun.min(n - lo);
            binary_insertion(&mut v[lo..lo + force], run, lt)?;
            run = force;
        }
        runs.push((lo, run));
        lo += run;
        // merge_collapse
        while runs.len() > 1 {
            let k = runs.len();
            let c = runs[k - 1].1;
            let b = runs[k - 2].1;
            let a = if k >= 3 { runs[k - 3].1 } else { usize::MAX };
            let d = if k >= 4 { runs[k - 4].1 } else { usize::MAX };
            if (k >= 3 && a <= b + c) || (k >= 4 && d <= a + b) {
                if a < c {
                    merge_at(v, &mut runs, k - 3, lt)?;
                } else {
                    merge_at(v, &mut runs, k - 2, lt)?;
                }
            } else if b <= c {
                merge_at(v, &mut runs, k - 2, lt)?;
            } else {
                break;
            }
        }
    }
    while runs.len() > 1 {
        let k = runs.len();
        if k >= 3 && runs[k - 3].1 < runs[k - 1].1 {
            merge_at(v, &mut runs, k - 3, lt)?;
        } else {
            merge_at(v, &mut runs, k - 2, lt)?;
        }
    }
    Ok(())
}

fn binary_insertion(
    v: &mut [usize],
    sorted: usize,
    lt: &mut dyn FnMut(usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    for start in sorted.max(1)..v.len() {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + (r - l) / 2;
            if lt(pivot, v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

fn merge_at(
    v: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    i: usize,
    lt: &mut dyn FnMut(usize, usize) -> PyResult<bool>,
) -> PyResult<()> {
    let (s1, n1) = runs[i];
    let (_, n2) = runs[i + 1];
    runs[i] = (s1, n1 + n2);
    runs.remove(i + 1);
    let left: Vec<usize> = v[s1..s1 + n1].to_vec();
    let (mut a, mut b, mut out) = (0, s1 + n1, s1);
    let end = s1 + n1 + n2;
    while a < left.len() && b < end {
        if lt(v[b], left[a])? {
            v[out] = v[b];
            b += 1;
        } else {
            v[out] = left[a];
            a += 1;
        }
        out += 1;
    }
    while a < left.len() {
        v[out] = left[a];
        a += 1;
        out += 1;
    }
    Ok(())
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
    tp_methods: &[MethodDef::new(
        "__length_hint__",
        Meth::NoArgs(list_iter_len),
    )],
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
    tp_methods: &[MethodDef::new(
        "__length_hint__",
        Meth::NoArgs(list_reviter_len),
    )],
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
    let Some(seq) = p.seq.get_owned() else {
        return Ok(None);
    };
    let i = p.index.get();
    if let Some(v) = payload(&seq).get(i as usize) {
        p.index.set(i + 1);
        return Ok(Some(v));
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

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&LIST_ITER_TYPE, &LIST_REVITER_TYPE];
