//! `tuple` (CPython's `Objects/tupleobject.c`).
//!
//! A variable-size object: `ob_size` items stored inline after the header, as
//! `PyTupleObject`'s `ob_item[]`. Items are `PyRef`s; a tuple under
//! construction may hold nulls (zeroed slots), which reading never exposes
//! once built.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::list::{repr_enter, seq_richcompare, slice_items};
use crate::objects::none::not_implemented;
use crate::objects::slice::{self as slice_mod, check_nargs, no_kwargs, PySlice};
use crate::objects::str::PyStr;

/// The `tuple` payload; `ob_size` items follow.
#[repr(C)]
pub struct PyTuple {
    pub ob_base: PyVarObject,
}

pub static TUPLE_TYPE: PyType = PyType {
    tp_name: "tuple",
    tp_basicsize: Cell::new(std::mem::size_of::<PyTuple>()),
    tp_itemsize: 8,
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::TUPLE_SUBCLASS | TypeFlags::SEQUENCE,
    ),
    tp_drop: Some(drop_tuple),
    tp_traverse: Cell::new(Some(traverse_tuple)),
    tp_repr: Cell::new(Some(tuple_repr)),
    tp_hash: Cell::new(Some(tuple_hash)),
    tp_richcompare: Cell::new(Some(tuple_richcompare)),
    tp_iter: Cell::new(Some(tuple_iter)),
    tp_new: Cell::new(Some(tuple_new)),
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(tuple_length)),
        sq_concat: Cell::new(Some(tuple_concat)),
        sq_repeat: Cell::new(Some(tuple_repeat)),
        sq_item: Cell::new(Some(tuple_item)),
        sq_ass_item: Cell::new(None),
        sq_contains: Cell::new(Some(tuple_contains)),
        sq_inplace_concat: Cell::new(None),
        sq_inplace_repeat: Cell::new(None),
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(tuple_length)),
        mp_subscript: Cell::new(Some(tuple_subscript)),
        mp_ass_subscript: Cell::new(None),
    },
    tp_methods: &[
        MethodDef::new("index", Meth::Fast(tuple_index)),
        MethodDef::new("count", Meth::O(tuple_count)),
        MethodDef::new("__getnewargs__", Meth::NoArgs(tuple_getnewargs)),
        MethodDef::new("__sizeof__", Meth::NoArgs(tuple_sizeof)),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    ..PyType::BASE
};

// SAFETY: PyTuple is repr(C) with the var header first.
unsafe impl PyPayload for PyTuple {
    fn type_object() -> &'static PyType {
        &TUPLE_TYPE
    }
}

unsafe fn drop_tuple(obj: *mut PyObject) {
    // SAFETY: obj is a dead tuple; its slots are Option<PyRef>.
    unsafe {
        let n = (*(obj as *mut PyVarObject)).ob_size.get() as usize;
        let items = items_ptr(obj) as *mut Option<PyRef>;
        for i in 0..n {
            drop((*items.add(i)).take());
        }
    }
}

unsafe fn traverse_tuple(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live tuple.
    unsafe {
        let n = (*(obj as *mut PyVarObject)).ob_size.get() as usize;
        let items = items_ptr(obj) as *mut Option<PyRef>;
        // Last to first, as CPython's `tupletraverse`.
        for i in (0..n).rev() {
            if let Some(o) = &*items.add(i) {
                visit(o.as_ptr());
            }
        }
    }
}

#[inline(always)]
pub(crate) unsafe fn items_ptr(obj: *mut PyObject) -> *mut PyRef {
    // SAFETY: items follow the static tuple header.
    unsafe { (obj as *mut u8).add(std::mem::size_of::<PyTuple>()) as *mut PyRef }
}

/// The items of a tuple known to be a tuple (or subclass) and fully built.
///
/// # Safety
/// `obj` is a tuple with every slot filled.
#[inline(always)]
pub unsafe fn tuple_items_unchecked(obj: &PyRef) -> &[PyRef] {
    // SAFETY: the caller guarantees a built tuple.
    unsafe {
        let n = (*(obj.as_ptr() as *mut PyVarObject)).ob_size.get() as usize;
        std::slice::from_raw_parts(items_ptr(obj.as_ptr()), n)
    }
}

impl PyTuple {
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.ob_base.ob_size.get() as usize
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[PyRef] {
        // SAFETY: a tuple reachable as a PyTuple is fully built.
        unsafe {
            std::slice::from_raw_parts(
                items_ptr(self as *const PyTuple as *mut PyObject),
                self.len(),
            )
        }
    }

    /// A new tuple holding `items`.
    pub fn new(items: Vec<PyRef>) -> PyResult<PyRef> {
        Self::new_in(&TUPLE_TYPE, items)
    }

    /// A new tuple of type `ty` (tuple or a subclass).
    pub fn new_in(ty: &PyType, items: Vec<PyRef>) -> PyResult<PyRef> {
        if items.is_empty() && std::ptr::eq(ty, &TUPLE_TYPE) {
            return Ok(empty_tuple());
        }
        let obj = alloc_raw(ty, items.len())?;
        // SAFETY: the block has room for items.len() pointers.
        unsafe {
            let dst = items_ptr(obj);
            for (i, it) in items.into_iter().enumerate() {
                std::ptr::write(dst.add(i), it);
            }
            Ok(PyRef::from_raw(obj))
        }
    }

    /// A new tuple cloned from a slice.
    pub fn from_slice(items: &[PyRef]) -> PyResult<PyRef> {
        Self::new(items.to_vec())
    }
}

static EMPTY: crate::gil::GilCell<Option<PyRef>> = crate::gil::GilCell::new(None);

/// The empty tuple singleton.
pub fn empty_tuple() -> PyRef {
    // SAFETY: GIL held; filled once.
    let slot = unsafe { EMPTY.get_mut() };
    if let Some(t) = slot {
        return t.clone();
    }
    let obj = alloc_raw(&TUPLE_TYPE, 0).expect("out of memory at start-up");
    // SAFETY: a fresh empty tuple.
    let t = unsafe { PyRef::from_raw(obj) };
    *slot = Some(t.clone());
    t
}

fn payload(obj: &PyRef) -> &PyTuple {
    // SAFETY: the tuple type's slots get tuples (or subclasses).
    unsafe { obj.payload_unchecked::<PyTuple>() }
}

fn tuple_repr(obj: &PyRef) -> PyResult<PyRef> {
    let items = payload(obj).items();
    if items.is_empty() {
        return PyStr::new("()");
    }
    let _guard = match repr_enter(obj) {
        Some(g) => g,
        None => return PyStr::new("(...)"),
    };
    let mut s = String::from("(");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&protocol::repr_string(it)?);
    }
    if items.len() == 1 {
        s.push(',');
    }
    s.push(')');
    PyStr::new(&s)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// 3.11's `tuplehash`: xxHash's round over the items' hashes.
fn tuple_hash(obj: &PyRef) -> PyResult<isize> {
    let items = payload(obj).items();
    let mut acc = XXPRIME_5;
    for it in items {
        let lane = protocol::hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as isize)
}

fn tuple_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(a), Some(b)) = (v.downcast::<PyTuple>(), w.downcast::<PyTuple>()) else {
        return Ok(not_implemented());
    };
    seq_richcompare(
        &|| a.len(),
        &|| b.len(),
        &|i| a.items().get(i).cloned(),
        &|i| b.items().get(i).cloned(),
        op,
    )
}

fn tuple_length(obj: &PyRef) -> PyResult<usize> {
    Ok(payload(obj).len())
}

fn tuple_item(obj: &PyRef, i: isize) -> PyResult<PyRef> {
    if i >= 0 {
        if let Some(v) = payload(obj).items().get(i as usize) {
            return Ok(v.clone());
        }
    }
    Err(PyErr::index_error("tuple index out of range"))
}

fn tuple_contains(obj: &PyRef, x: &PyRef) -> PyResult<bool> {
    for it in payload(obj).items() {
        if protocol::rich_compare_bool(it, x, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_concat(v: &PyRef, w: &PyRef) -> PyResult<PyRef> {
    let Some(b) = w.downcast::<PyTuple>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            w.ty().name()
        )));
    };
    let a = payload(v);
    if b.is_empty() && v.is_exact::<PyTuple>() {
        return Ok(v.clone());
    }
    if a.is_empty() && w.is_exact::<PyTuple>() {
        return Ok(w.clone());
    }
    let mut items = a.items().to_vec();
    items.extend_from_slice(b.items());
    PyTuple::new(items)
}

fn tuple_repeat(v: &PyRef, n: isize) -> PyResult<PyRef> {
    let items = payload(v).items();
    if n == 1 && v.is_exact::<PyTuple>() {
        return Ok(v.clone());
    }
    if n <= 0 || items.is_empty() {
        return Ok(empty_tuple());
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
    PyTuple::new(out)
}

fn tuple_subscript(obj: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let t = payload(obj);
    if slice_mod::is_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += t.len() as isize;
        }
        return tuple_item(obj, i);
    }
    if key.is_instance_of::<PySlice>() {
        let (start, _stop, step, n) = slice_mod::unpack_and_adjust(key, t.len())?;
        if n == t.len() && step == 1 && obj.is_exact::<PyTuple>() {
            return Ok(obj.clone());
        }
        return PyTuple::new(slice_items(t.items(), start, step, n));
    }
    Err(PyErr::type_error(format!(
        "tuple indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

fn tuple_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("tuple.__new__(X): X is not a type object"))?;
    if slice_mod::new_rejects_kwargs(ty, &TUPLE_TYPE) {
        no_kwargs("tuple", kwnames)?;
    }
    let npos = args.len().saturating_sub(slice_mod::nkw(kwnames));
    check_nargs("tuple", npos, 0, 1)?;
    match args.first().filter(|_| npos == 1) {
        None => PyTuple::new_in(ty, Vec::new()),
        Some(it) => {
            if it.is_exact::<PyTuple>() && std::ptr::eq(ty, &TUPLE_TYPE) {
                return Ok(it.clone());
            }
            PyTuple::new_in(ty, protocol::collect(it)?)
        }
    }
}

fn tuple_index(obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("index", args.len(), 1, 3)?;
    let items = payload(obj).items();
    let (start, stop) = crate::objects::list::index_bounds(args, items.len())?;
    let stop = stop.min(items.len());
    let mut i = start;
    while i < stop {
        if protocol::rich_compare_bool(&items[i], &args[0], CompareOp::Eq)? {
            return PyInt::new(i as i64);
        }
        i += 1;
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(obj: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    let mut n = 0;
    for it in payload(obj).items() {
        if protocol::rich_compare_bool(it, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    PyInt::new(n)
}

fn tuple_sizeof(obj: &PyRef) -> PyResult<PyRef> {
    let n = obj.ty().tp_basicsize.get() + payload(obj).len() * 8;
    PyInt::new(n as i64)
}

fn tuple_getnewargs(obj: &PyRef) -> PyResult<PyRef> {
    PyTuple::new(vec![PyTuple::from_slice(payload(obj).items())?])
}

// ---------------------------------------------------------------------------
// The iterator.

/// `tuple_iterator` payload; `seq` is cleared when exhausted.
#[repr(C)]
pub struct PyTupleIter {
    pub ob_base: PyObject,
    pub index: Cell<usize>,
    pub seq: ObjCell,
}

pub static TUPLE_ITER_TYPE: PyType = PyType {
    tp_name: "tuple_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyTupleIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_tuple_iter),
    tp_traverse: Cell::new(Some(traverse_tuple_iter)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(tuple_iter_next)),
    tp_methods: &[
        MethodDef::new("__length_hint__", Meth::NoArgs(tuple_iter_len)),
        MethodDef::new("__reduce__", Meth::NoArgs(tuple_iter_reduce)),
        MethodDef::new("__setstate__", Meth::O(tuple_iter_setstate)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyTupleIter {
    fn type_object() -> &'static PyType {
        &TUPLE_ITER_TYPE
    }
}

fn tuple_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: only installed on tuple_iterator.
    let p = unsafe { it.payload_unchecked::<PyTupleIter>() };
    crate::objects::iter::reduce_seq_iter("iter", p.seq.get_owned(), p.index.get() as isize, || {
        PyTuple::new(Vec::new())
    })
}

fn tuple_iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    // SAFETY: only installed on tuple_iterator.
    let p = unsafe { it.payload_unchecked::<PyTupleIter>() };
    if let Some(s) = p.seq.get_owned() {
        let n = s
            .downcast::<PyTuple>()
            .map(|t| t.items().len())
            .unwrap_or(0) as isize;
        let i = crate::objects::iter::setstate_index(state, 0, n)?;
        p.index.set(i as usize);
    }
    Ok(crate::objects::none::none())
}

unsafe fn drop_tuple_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { drop((*(obj as *const PyTupleIter)).seq.take()) }
}

unsafe fn traverse_tuple_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator.
    unsafe {
        if let Some(s) = (*(obj as *const PyTupleIter)).seq.get() {
            visit(s.as_ptr());
        }
    }
}

fn tuple_iter(obj: &PyRef) -> PyResult<PyRef> {
    let it = alloc_object(
        &TUPLE_ITER_TYPE,
        PyTupleIter {
            ob_base: PyObject::NEW,
            index: Cell::new(0),
            seq: ObjCell::empty(),
        },
    )?;
    // SAFETY: the iterator just made.
    unsafe { it.payload_unchecked::<PyTupleIter>() }
        .seq
        .set(Some(obj.clone()));
    Ok(it)
}

fn tuple_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of tuple_iterator gets one.
    let p = unsafe { it.payload_unchecked::<PyTupleIter>() };
    let i = p.index.get();
    let v = p.seq.get().and_then(|s| payload(s).items().get(i).cloned());
    match v {
        Some(v) => {
            p.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            drop(p.seq.take());
            Ok(None)
        }
    }
}

fn tuple_iter_len(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of tuple_iterator.
    let p = unsafe { it.payload_unchecked::<PyTupleIter>() };
    let n = p
        .seq
        .get()
        .map(|s| payload(s).len().saturating_sub(p.index.get()))
        .unwrap_or(0);
    PyInt::new(n as i64)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&TUPLE_ITER_TYPE];
