//! The `_collections` module (CPython's `Modules/_collectionsmodule.c`):
//! `deque` with its iterators, `defaultdict`, `_count_elements` and
//! `_tuplegetter` (the field descriptor of `namedtuple` classes), plus the
//! native `OrderedDict` with its views and iterator (CPython's
//! `Objects/odictobject.c`), which `collections` imports from here.
//!
//! Deviation: a deque is one `VecDeque` rather than a list of 64-item
//! blocks; the behaviour (bounded `maxlen`, mutation checks during
//! iteration, O(1) appends and pops at both ends) is the same.

use std::cell::{Cell, UnsafeCell};
use std::collections::VecDeque;

use crate::modules::builtins::{check_nargs, parse};
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::dict::{PyDict, PyDictView, DICT_TYPE};
use crate::objects::exceptions;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

// ---------------------------------------------------------------------------
// deque

/// The `deque` payload.
#[repr(C)]
pub struct PyDeque {
    pub ob_base: PyObject,
    items: UnsafeCell<VecDeque<PyRef>>,
    /// -1: unbounded.
    maxlen: Cell<isize>,
    /// Bumped on every change that invalidates iterators.
    state: Cell<u64>,
    weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyDeque {
    fn type_object() -> &'static PyType {
        &DEQUE_TYPE
    }
}

pub static DEQUE_TYPE: PyType = PyType {
    tp_name: "collections.deque",
    tp_basicsize: Cell::new(std::mem::size_of::<PyDeque>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::SEQUENCE),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyDeque, weaklist) as isize),
    tp_drop: Some(drop_deque),
    tp_traverse: Cell::new(Some(traverse_deque)),
    tp_clear: Cell::new(Some(clear_deque_slot)),
    tp_new: Cell::new(Some(deque_new)),
    tp_init: Cell::new(Some(deque_init)),
    tp_repr: Cell::new(Some(deque_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(deque_richcompare)),
    tp_iter: Cell::new(Some(deque_iter)),
    as_number: NumberSlots {
        nb_bool: Cell::new(Some(deque_bool)),
        ..NumberSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(deque_len)),
        sq_concat: Cell::new(Some(deque_concat)),
        sq_repeat: Cell::new(Some(deque_repeat)),
        sq_item: Cell::new(Some(deque_item)),
        sq_ass_item: Cell::new(Some(deque_ass_item)),
        sq_contains: Cell::new(Some(deque_contains)),
        sq_inplace_concat: Cell::new(Some(deque_inplace_concat)),
        sq_inplace_repeat: Cell::new(Some(deque_inplace_repeat)),
    },
    tp_getset: &[GetSetDef::getter("maxlen", deque_maxlen)],
    tp_methods: &[
        MethodDef::new("append", Meth::O(deque_append)),
        MethodDef::new("appendleft", Meth::O(deque_appendleft)),
        MethodDef::new("pop", Meth::NoArgs(deque_pop)),
        MethodDef::new("popleft", Meth::NoArgs(deque_popleft)),
        MethodDef::new("extend", Meth::O(deque_extend)),
        MethodDef::new("extendleft", Meth::O(deque_extendleft)),
        MethodDef::new("clear", Meth::NoArgs(deque_clear)),
        MethodDef::new("copy", Meth::NoArgs(deque_copy)),
        MethodDef::new("__copy__", Meth::NoArgs(deque_copy)),
        MethodDef::new("count", Meth::O(deque_count)),
        MethodDef::new("index", Meth::Fast(deque_index)),
        MethodDef::new("insert", Meth::Fast(deque_insert)),
        MethodDef::new("remove", Meth::O(deque_remove)),
        MethodDef::new("reverse", Meth::NoArgs(deque_reverse)),
        MethodDef::new("rotate", Meth::Fast(deque_rotate)),
        MethodDef::new("__reversed__", Meth::NoArgs(deque_reversed)),
        MethodDef::new("__reduce__", Meth::NoArgs(deque_reduce)),
        MethodDef::new("__sizeof__", Meth::NoArgs(deque_sizeof)),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    ..PyType::BASE
};

fn dq(o: &PyRef) -> &PyDeque {
    // SAFETY: only called on deques (their slots and methods check or are reached through the type).
    unsafe { o.payload_unchecked::<PyDeque>() }
}

fn check_deque<'a>(o: &'a PyRef, what: &str) -> PyResult<&'a PyDeque> {
    o.downcast::<PyDeque>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor '{what}' requires a 'collections.deque' object but received a '{}'",
            o.ty().name()
        ))
    })
}

impl PyDeque {
    /// Runs `f` on the items; `f` must not run Python code.
    fn with<R>(&self, f: impl FnOnce(&mut VecDeque<PyRef>) -> R) -> R {
        // SAFETY: GIL held; the borrow lasts only for `f`, which does not call into Python (values to drop are returned and dropped later).
        unsafe { f(&mut *self.items.get()) }
    }

    fn len(&self) -> usize {
        self.with(|v| v.len())
    }

    fn get(&self, i: usize) -> Option<PyRef> {
        self.with(|v| v.get(i).cloned())
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn push_back(&self, x: PyRef) {
        let ml = self.maxlen.get();
        let dropped = self.with(|v| {
            if ml == 0 {
                return Some(x);
            }
            v.push_back(x);
            if ml > 0 && v.len() > ml as usize {
                v.pop_front()
            } else {
                None
            }
        });
        self.bump();
        drop(dropped);
    }

    fn push_front(&self, x: PyRef) {
        let ml = self.maxlen.get();
        let dropped = self.with(|v| {
            if ml == 0 {
                return Some(x);
            }
            v.push_front(x);
            if ml > 0 && v.len() > ml as usize {
                v.pop_back()
            } else {
                None
            }
        });
        self.bump();
        drop(dropped);
    }

    fn snapshot(&self) -> Vec<PyRef> {
        self.with(|v| v.iter().cloned().collect())
    }
}

unsafe fn drop_deque(obj: *mut PyObject) {
    // SAFETY: obj is a dead deque; the items are moved out, then dropped.
    unsafe {
        let d = &*(obj as *const PyDeque);
        let items = std::mem::take(&mut *d.items.get());
        drop(items);
        std::ptr::drop_in_place(d.items.get());
    }
}

unsafe fn clear_deque_slot(obj: *mut PyObject) {
    // SAFETY: obj is a live deque; the items are moved out, then dropped.
    let items = unsafe { std::mem::take(&mut *(*(obj as *const PyDeque)).items.get()) };
    drop(items);
}

unsafe fn traverse_deque(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live deque; visiting runs no Python code.
    unsafe {
        for x in (*(*(obj as *const PyDeque)).items.get()).iter() {
            visit(x.as_ptr());
        }
    }
}

fn new_deque(ty: &PyType, maxlen: isize) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyDeque {
            ob_base: PyObject::NEW,
            items: UnsafeCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )
}

fn deque_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("deque.__new__(X): X is not a type object"))?;
    new_deque(ty, -1)
}

fn deque_init(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let a = parse("deque", args, kwnames, &["iterable", "maxlen"], 0)?;
    let d = dq(s);
    let maxlen = match &a[1] {
        Some(m) if !m.is_none() => {
            let v = crate::objects::int::as_i64(m)?;
            if v < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            v as isize
        }
        _ => -1,
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        let old = d.with(std::mem::take);
        d.bump();
        drop(old);
    }
    if let Some(it) = &a[0] {
        deque_extend(s, it)?;
    }
    Ok(())
}

fn deque_maxlen(s: &PyRef) -> PyResult<PyRef> {
    let m = dq(s).maxlen.get();
    if m < 0 {
        Ok(none())
    } else {
        PyInt::new(m as i64)
    }
}

fn deque_append(s: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    check_deque(s, "append")?.push_back(x.clone());
    Ok(none())
}

fn deque_appendleft(s: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    check_deque(s, "appendleft")?.push_front(x.clone());
    Ok(none())
}

fn deque_pop(s: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "pop")?;
    let v = d.with(|v| v.pop_back());
    d.bump();
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn deque_popleft(s: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "popleft")?;
    let v = d.with(|v| v.pop_front());
    d.bump();
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn deque_extend(s: &PyRef, it: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "extend")?;
    if it.is(s) {
        for x in d.snapshot() {
            d.push_back(x);
        }
        return Ok(none());
    }
    let iter = protocol::get_iter(it)?;
    while let Some(x) = protocol::next(&iter)? {
        d.push_back(x);
    }
    Ok(none())
}

fn deque_extendleft(s: &PyRef, it: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "extendleft")?;
    if it.is(s) {
        for x in d.snapshot() {
            d.push_front(x);
        }
        return Ok(none());
    }
    let iter = protocol::get_iter(it)?;
    while let Some(x) = protocol::next(&iter)? {
        d.push_front(x);
    }
    Ok(none())
}

fn deque_clear(s: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "clear")?;
    let old = d.with(std::mem::take);
    d.bump();
    drop(old);
    Ok(none())
}

fn deque_copy(s: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "copy")?;
    if s.is_exact::<PyDeque>() {
        let n = new_deque(&DEQUE_TYPE, d.maxlen.get())?;
        let items = d.snapshot();
        dq(&n).with(|v| v.extend(items));
        return Ok(n);
    }
    let ml = d.maxlen.get();
    if ml < 0 {
        protocol::call1(&s.type_ref(), std::slice::from_ref(s))
    } else {
        protocol::call1(&s.type_ref(), &[s.clone(), PyInt::new(ml as i64)?])
    }
}

fn mutated() -> PyErr {
    PyErr::runtime_error("deque mutated during iteration")
}

fn deque_count(s: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "count")?;
    let state = d.state.get();
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if protocol::rich_compare_bool(&item, x, CompareOp::Eq)? {
            n += 1;
        }
        if d.state.get() != state {
            return Err(mutated());
        }
        i += 1;
    }
    PyInt::new(n)
}

fn norm_index(i: &PyRef, len: usize) -> PyResult<usize> {
    let v = crate::objects::slice::slice_index_not_none(
        i,
        "slice indices must be integers or have an __index__ method",
    )?;
    let len = len as isize;
    let v = if v < 0 { (v + len).max(0) } else { v.min(len) };
    Ok(v as usize)
}

fn deque_index(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("index", args.len(), 1, 3)?;
    let d = check_deque(s, "index")?;
    let x = &args[0];
    let n = d.len();
    let start = match args.get(1) {
        Some(a) => norm_index(a, n)?,
        None => 0,
    };
    let stop = match args.get(2) {
        Some(a) => norm_index(a, n)?,
        None => n,
    };
    let state = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(item) = d.get(i) else { break };
        if protocol::rich_compare_bool(&item, x, CompareOp::Eq)? {
            return PyInt::new(i as i64);
        }
        if d.state.get() != state {
            return Err(mutated());
        }
        i += 1;
    }
    Err(PyErr::value_error(format!(
        "{} is not in deque",
        protocol::repr_string(x)?
    )))
}

fn deque_insert(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("insert", args.len(), 2, 2)?;
    let d = check_deque(s, "insert")?;
    let n = d.len();
    if d.maxlen.get() >= 0 && n as isize >= d.maxlen.get() {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let i = norm_index(&args[0], n)?;
    let x = args[1].clone();
    d.with(|v| v.insert(i.min(v.len()), x));
    d.bump();
    Ok(none())
}

fn deque_remove(s: &PyRef, x: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "remove")?;
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        let eq = protocol::rich_compare_bool(&item, x, CompareOp::Eq)?;
        if d.state.get() != state {
            return Err(PyErr::index_error("deque mutated during remove()."));
        }
        if eq {
            let old = d.with(|v| v.remove(i));
            d.bump();
            drop(old);
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error("deque.remove(x): x not in deque"))
}

fn deque_reverse(s: &PyRef) -> PyResult<PyRef> {
    let d = check_deque(s, "reverse")?;
    d.with(|v| v.make_contiguous().reverse());
    d.bump();
    Ok(none())
}

fn deque_rotate(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("rotate", args.len(), 0, 1)?;
    let d = check_deque(s, "rotate")?;
    let n = match args.first() {
        Some(a) => crate::objects::int::as_i64(a)?,
        None => 1,
    };
    let len = d.len() as i64;
    if len <= 1 {
        return Ok(none());
    }
    let k = n.rem_euclid(len) as usize;
    d.with(|v| v.rotate_right(k));
    d.bump();
    Ok(none())
}

fn deque_len(s: &PyRef) -> PyResult<usize> {
    Ok(dq(s).len())
}

fn deque_bool(s: &PyRef) -> PyResult<bool> {
    Ok(dq(s).len() > 0)
}

fn deque_item(s: &PyRef, i: isize) -> PyResult<PyRef> {
    let d = dq(s);
    let n = d.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("deque index out of range"));
    }
    d.get(i as usize)
        .ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_ass_item(s: &PyRef, i: isize, v: Option<&PyRef>) -> PyResult<()> {
    let d = dq(s);
    let n = d.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("deque index out of range"));
    }
    let i = i as usize;
    let old = match v {
        Some(v) => {
            let v = v.clone();
            d.with(|q| q.get_mut(i).map(|slot| std::mem::replace(slot, v)))
        }
        None => {
            let r = d.with(|q| q.remove(i));
            d.bump();
            r
        }
    };
    drop(old);
    Ok(())
}

fn deque_contains(s: &PyRef, x: &PyRef) -> PyResult<bool> {
    let d = dq(s);
    let state = d.state.get();
    let mut i = 0;
    while let Some(item) = d.get(i) {
        if protocol::rich_compare_bool(&item, x, CompareOp::Eq)? {
            return Ok(true);
        }
        if d.state.get() != state {
            return Err(mutated());
        }
        i += 1;
    }
    Ok(false)
}

fn deque_concat(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !b.is_instance_of::<PyDeque>() {
        return Err(PyErr::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            b.ty().name()
        )));
    }
    let n = deque_copy(a)?;
    deque_extend(&n, b)?;
    Ok(n)
}

fn deque_inplace_concat(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    deque_extend(a, b)?;
    Ok(a.clone())
}

fn deque_repeat(a: &PyRef, n: isize) -> PyResult<PyRef> {
    let c = deque_copy(a)?;
    deque_inplace_repeat(&c, n)
}

fn deque_inplace_repeat(a: &PyRef, n: isize) -> PyResult<PyRef> {
    let d = dq(a);
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        let old = d.with(std::mem::take);
        d.bump();
        drop(old);
        return Ok(a.clone());
    }
    if (items.len() as u128) * (n as u128) > (isize::MAX as u128) / 8 {
        return Err(PyErr::no_memory());
    }
    let ml = d.maxlen.get();
    let mut count = (n as usize - 1) * items.len();
    if ml >= 0 {
        count = count.min(ml as usize);
    }
    for x in items.iter().cycle().take(count) {
        d.push_back(x.clone());
    }
    Ok(a.clone())
}

fn deque_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !a.is_instance_of::<PyDeque>() || !b.is_instance_of::<PyDeque>() {
        return Ok(not_implemented());
    }
    let x = dq(a).snapshot();
    let y = dq(b).snapshot();
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(py_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while i < x.len() && i < y.len() {
        if !protocol::rich_compare_bool(&x[i], &y[i], CompareOp::Eq)? {
            break;
        }
        i += 1;
    }
    if i >= x.len() || i >= y.len() {
        let (l, r) = (x.len(), y.len());
        let res = match op {
            CompareOp::Lt => l < r,
            CompareOp::Le => l <= r,
            CompareOp::Eq => l == r,
            CompareOp::Ne => l != r,
            CompareOp::Gt => l > r,
            CompareOp::Ge => l >= r,
        };
        return Ok(py_bool(res));
    }
    match op {
        CompareOp::Eq => Ok(py_bool(false)),
        CompareOp::Ne => Ok(py_bool(true)),
        _ => protocol::rich_compare(&x[i], &y[i], op),
    }
}

fn deque_repr(s: &PyRef) -> PyResult<PyRef> {
    let name = s.ty().name().to_owned();
    let Some(_g) = crate::objects::list::repr_enter(s) else {
        return PyStr::new("[...]");
    };
    let items = dq(s).snapshot();
    let list = PyList::new(items)?;
    let body = protocol::repr_string(&list)?;
    let ml = dq(s).maxlen.get();
    let text = if ml >= 0 {
        format!("{name}({body}, maxlen={ml})")
    } else {
        format!("{name}({body})")
    };
    PyStr::new(&text)
}

fn deque_reduce(s: &PyRef) -> PyResult<PyRef> {
    let d = dq(s);
    let state = match crate::objects::object::instance_dict(s, false)? {
        Some(dd) => {
            crate::gc::mark_dict_materialized(&dd);
            dd
        }
        None => none(),
    };
    let it = deque_iter(s)?;
    let ml = d.maxlen.get();
    let args = if ml < 0 {
        PyTuple::new(vec![])?
    } else {
        PyTuple::new(vec![PyTuple::new(vec![])?, PyInt::new(ml as i64)?])?
    };
    PyTuple::new(vec![s.type_ref(), args, state, it])
}

fn deque_sizeof(s: &PyRef) -> PyResult<PyRef> {
    let d = dq(s);
    PyInt::new((std::mem::size_of::<PyDeque>() + d.with(|v| v.capacity()) * 8) as i64)
}

// --- iterators

/// The payload of `_deque_iterator` and `_deque_reverse_iterator`.
#[repr(C)]
pub struct PyDequeIter {
    pub ob_base: PyObject,
    deque: ObjCell,
    index: Cell<usize>,
    state: Cell<u64>,
    remaining: Cell<usize>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyDequeIter {
    fn type_object() -> &'static PyType {
        &DEQUE_ITER_TYPE
    }
}

macro_rules! deque_iter_type {
    ($stat:ident, $name:expr, $next:expr) => {
        pub static $stat: PyType = PyType {
            tp_name: $name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyDequeIter>()),
            tp_flags: Cell::new(TypeFlags::HAVE_GC),
            tp_drop: Some(drop_deque_iter),
            tp_traverse: Cell::new(Some(traverse_deque_iter)),
            tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
            tp_iternext: Cell::new(Some($next)),
            tp_methods: &[MethodDef::new(
                "__length_hint__",
                Meth::NoArgs(deque_iter_len),
            )],
            ..PyType::BASE
        };
    };
}

deque_iter_type!(
    DEQUE_ITER_TYPE,
    "_collections._deque_iterator",
    deque_iter_next
);
deque_iter_type!(
    DEQUE_REVITER_TYPE,
    "_collections._deque_reverse_iterator",
    deque_reviter_next
);

unsafe fn drop_deque_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead deque iterator.
    unsafe { drop((*(obj as *const PyDequeIter)).deque.take()) }
}

unsafe fn traverse_deque_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live deque iterator.
    unsafe {
        if let Some(d) = (*(obj as *const PyDequeIter)).deque.get() {
            visit(d.as_ptr());
        }
    }
}

fn make_iter(s: &PyRef, ty: &'static PyType) -> PyResult<PyRef> {
    let d = dq(s);
    let it = alloc_object(
        ty,
        PyDequeIter {
            ob_base: PyObject::NEW,
            deque: ObjCell::empty(),
            index: Cell::new(0),
            state: Cell::new(d.state.get()),
            remaining: Cell::new(d.len()),
        },
    )?;
    // SAFETY: just made.
    unsafe { it.payload_unchecked::<PyDequeIter>() }
        .deque
        .set(Some(s.clone()));
    Ok(it)
}

fn deque_iter(s: &PyRef) -> PyResult<PyRef> {
    make_iter(s, &DEQUE_ITER_TYPE)
}

fn deque_reversed(s: &PyRef) -> PyResult<PyRef> {
    make_iter(s, &DEQUE_REVITER_TYPE)
}

fn iter_step(it: &PyRef, reverse: bool) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of a deque iterator.
    let p = unsafe { it.payload_unchecked::<PyDequeIter>() };
    let Some(dref) = p.deque.get_owned() else {
        return Ok(None);
    };
    let d = dq(&dref);
    if d.state.get() != p.state.get() {
        p.remaining.set(0);
        return Err(mutated());
    }
    if p.remaining.get() == 0 {
        drop(p.deque.take());
        return Ok(None);
    }
    let n = d.len();
    let i = p.index.get();
    let idx = if reverse {
        n.checked_sub(i + 1)
    } else {
        Some(i)
    };
    let v = idx.and_then(|k| d.get(k));
    match v {
        Some(v) => {
            p.index.set(i + 1);
            p.remaining.set(p.remaining.get() - 1);
            Ok(Some(v))
        }
        None => {
            drop(p.deque.take());
            Ok(None)
        }
    }
}

fn deque_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    iter_step(it, false)
}

fn deque_reviter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    iter_step(it, true)
}

fn deque_iter_len(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of deque iterators.
    let p = unsafe { it.payload_unchecked::<PyDequeIter>() };
    PyInt::new(p.remaining.get() as i64)
}

// ---------------------------------------------------------------------------
// defaultdict

/// The `defaultdict` payload: a dict and the factory.
#[repr(C)]
pub struct PyDefaultDict {
    pub dict: PyDict,
    pub factory: ObjCell,
}

// SAFETY: repr(C), starts with the dict layout (header first).
unsafe impl PyPayload for PyDefaultDict {
    fn type_object() -> &'static PyType {
        &DEFAULTDICT_TYPE
    }
}

pub static DEFAULTDICT_TYPE: PyType = PyType {
    tp_name: "collections.defaultdict",
    tp_basicsize: Cell::new(std::mem::size_of::<PyDefaultDict>()),
    tp_base: Cell::new(&DICT_TYPE as *const PyType),
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::DICT_SUBCLASS | TypeFlags::MAPPING,
    ),
    tp_drop: Some(drop_defdict),
    tp_traverse: Cell::new(Some(traverse_defdict)),
    tp_new: Cell::new(Some(defdict_new)),
    tp_init: Cell::new(Some(defdict_init)),
    tp_repr: Cell::new(Some(defdict_repr)),
    as_number: NumberSlots {
        nb_or: Cell::new(Some(defdict_or)),
        ..NumberSlots::EMPTY
    },
    tp_getset: &[GetSetDef {
        name: "default_factory",
        get: Some(defdict_factory_get),
        set: Some(defdict_factory_set),
        doc: "Factory for default value called by __missing__().",
    }],
    tp_methods: &[
        MethodDef::new("__missing__", Meth::O(defdict_missing)),
        MethodDef::new("copy", Meth::NoArgs(defdict_copy)),
        MethodDef::new("__copy__", Meth::NoArgs(defdict_copy)),
        MethodDef::new("__reduce__", Meth::NoArgs(defdict_reduce)),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    ..PyType::BASE
};

fn dd(o: &PyRef) -> PyResult<&PyDefaultDict> {
    o.downcast::<PyDefaultDict>()
        .ok_or_else(|| PyErr::type_error("a defaultdict is required"))
}

unsafe fn drop_defdict(obj: *mut PyObject) {
    // SAFETY: obj is a dead defaultdict: the factory, then the dict part.
    unsafe {
        drop((*(obj as *const PyDefaultDict)).factory.take());
        if let Some(f) = DICT_TYPE.tp_drop {
            f(obj);
        }
    }
}

unsafe fn traverse_defdict(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live defaultdict.
    unsafe {
        if let Some(f) = (*(obj as *const PyDefaultDict)).factory.get() {
            visit(f.as_ptr());
        }
        if let Some(t) = DICT_TYPE.tp_traverse.get() {
            t(obj, visit);
        }
    }
}

fn defdict_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("defaultdict.__new__(X): X is not a type object"))?;
    PyDict::new_in(ty)
}

fn defdict_init(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let nkw = crate::objects::slice::nkw(kwnames);
    let npos = args.len().saturating_sub(nkw);
    let (factory, rest) = if npos >= 1 {
        (Some(args[0].clone()), &args[1..])
    } else {
        (None, args)
    };
    let factory = factory.filter(|f| !f.is_none());
    if let Some(f) = &factory {
        if f.ty().tp_call.get().is_none() {
            return Err(PyErr::type_error("first argument must be callable or None"));
        }
    }
    let old = dd(s)?.factory.set(factory);
    drop(old);
    match DICT_TYPE.tp_init.get() {
        Some(init) => init(s, rest, kwnames),
        None => Ok(()),
    }
}

fn defdict_missing(s: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let Some(f) = dd(s)?.factory.get_owned() else {
        return Err(PyErr::with_args(
            &exceptions::KEY_ERROR,
            std::slice::from_ref(key),
        ));
    };
    let v = protocol::call1(&f, &[])?;
    protocol::set_item(s, key, Some(&v))?;
    Ok(v)
}

fn defdict_factory_get(s: &PyRef) -> PyResult<PyRef> {
    Ok(dd(s)?.factory.get_owned().unwrap_or_else(none))
}

fn defdict_factory_set(s: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.filter(|x| !x.is_none()).cloned();
    let old = dd(s)?.factory.set(v);
    drop(old);
    Ok(())
}

fn new_like(s: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let f = dd(s)?.factory.get_owned().unwrap_or_else(none);
    protocol::call1(&s.type_ref(), &[f, arg.clone()])
}

fn defdict_copy(s: &PyRef) -> PyResult<PyRef> {
    new_like(s, s)
}

fn defdict_reduce(s: &PyRef) -> PyResult<PyRef> {
    let f = dd(s)?.factory.get_owned();
    let args = match f {
        Some(f) => PyTuple::new(vec![f])?,
        None => PyTuple::new(vec![])?,
    };
    let items = protocol::call_method(s, "items", &[])?;
    let it = protocol::get_iter(&items)?;
    PyTuple::new(vec![s.type_ref(), args, none(), none(), it])
}

fn defdict_repr(s: &PyRef) -> PyResult<PyRef> {
    let base = match DICT_TYPE.tp_repr.get() {
        Some(r) => protocol::str_string(&r(s)?)?,
        None => "{}".to_owned(),
    };
    let f = dd(s)?.factory.get_owned();
    let frepr = match f {
        None => "None".to_owned(),
        Some(f) => match crate::objects::list::repr_enter(&f) {
            None => "...".to_owned(),
            Some(_g) => protocol::repr_string(&f)?,
        },
    };
    PyStr::new(&format!("{}({frepr}, {base})", s.ty().name()))
}

fn defdict_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (s, other) = if a.is_instance_of::<PyDefaultDict>() {
        (a, b)
    } else {
        (b, a)
    };
    if !other.is_instance_of::<PyDict>() {
        return Ok(not_implemented());
    }
    let n = new_like(s, a)?;
    protocol::call_method(&n, "update", std::slice::from_ref(b))?;
    Ok(n)
}

// ---------------------------------------------------------------------------
// _tuplegetter

/// The `_tuplegetter` payload: a read-only descriptor for one tuple item.
#[repr(C)]
pub struct PyTupleGetter {
    pub ob_base: PyObject,
    index: isize,
    doc: ObjCell,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyTupleGetter {
    fn type_object() -> &'static PyType {
        &TUPLEGETTER_TYPE
    }
}

pub static TUPLEGETTER_TYPE: PyType = PyType {
    tp_name: "_collections._tuplegetter",
    tp_basicsize: Cell::new(std::mem::size_of::<PyTupleGetter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_tuplegetter),
    tp_traverse: Cell::new(Some(traverse_tuplegetter)),
    tp_new: Cell::new(Some(tuplegetter_new)),
    tp_descr_get: Cell::new(Some(tuplegetter_get)),
    tp_descr_set: Cell::new(Some(tuplegetter_set)),
    tp_getset: &[GetSetDef {
        name: "__doc__",
        get: Some(tuplegetter_doc_get),
        set: Some(tuplegetter_doc_set),
        doc: "",
    }],
    tp_methods: &[MethodDef::new(
        "__reduce__",
        Meth::NoArgs(tuplegetter_reduce),
    )],
    ..PyType::BASE
};

unsafe fn drop_tuplegetter(obj: *mut PyObject) {
    // SAFETY: obj is a dead _tuplegetter.
    unsafe { drop((*(obj as *const PyTupleGetter)).doc.take()) }
}

unsafe fn traverse_tuplegetter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live _tuplegetter.
    unsafe {
        if let Some(d) = (*(obj as *const PyTupleGetter)).doc.get() {
            visit(d.as_ptr());
        }
    }
}

fn tg(o: &PyRef) -> &PyTupleGetter {
    // SAFETY: only called on _tuplegetter objects (their slots).
    unsafe { o.payload_unchecked::<PyTupleGetter>() }
}

fn tuplegetter_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("_tuplegetter", kwnames)?;
    check_nargs("_tuplegetter", args.len(), 2, 2)?;
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("_tuplegetter.__new__(X): X is not a type object"))?;
    let index = crate::objects::int::as_i64(&args[0])? as isize;
    let o = alloc_object(
        ty,
        PyTupleGetter {
            ob_base: PyObject::NEW,
            index,
            doc: ObjCell::empty(),
        },
    )?;
    tg(&o).doc.set(Some(args[1].clone()));
    Ok(o)
}

fn tuplegetter_get(s: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(s.clone());
    };
    let index = tg(s).index;
    let Some(t) = obj.downcast::<PyTuple>() else {
        return Err(PyErr::type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            obj.ty().name()
        )));
    };
    if index < 0 {
        return Err(PyErr::index_error("tuple index out of range"));
    }
    t.items()
        .get(index as usize)
        .cloned()
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn tuplegetter_set(_s: &PyRef, _obj: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    Err(PyErr::attribute_error(if v.is_some() {
        "can't set attribute"
    } else {
        "can't delete attribute"
    }))
}

fn tuplegetter_doc_get(s: &PyRef) -> PyResult<PyRef> {
    Ok(tg(s).doc.get_owned().unwrap_or_else(none))
}

fn tuplegetter_doc_set(s: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let old = tg(s).doc.set(v.cloned());
    drop(old);
    Ok(())
}

fn tuplegetter_reduce(s: &PyRef) -> PyResult<PyRef> {
    let p = tg(s);
    PyTuple::new(vec![
        s.type_ref(),
        PyTuple::new(vec![
            PyInt::new(p.index as i64)?,
            p.doc.get_owned().unwrap_or_else(none),
        ])?,
    ])
}

// ---------------------------------------------------------------------------
// The module.

fn count_elements(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_count_elements", args.len(), 2, 2)?;
    let mapping = &args[0];
    let it = protocol::get_iter(&args[1])?;
    let one = PyInt::new(1)?;
    let exact_dict = mapping.is_exact::<PyDict>();
    while let Some(x) = protocol::next(&it)? {
        let cur = if exact_dict {
            mapping
                .downcast::<PyDict>()
                .and_then(|d| d.get_item(&x).transpose())
                .transpose()?
        } else {
            let r = protocol::call_method(mapping, "get", &[x.clone(), none()])?;
            if r.is_none() {
                None
            } else {
                Some(r)
            }
        };
        let new = match cur {
            Some(c) => protocol::binary_op(&c, &one, protocol::ADD)?,
            None => one.clone(),
        };
        protocol::set_item(mapping, &x, Some(&new))?;
    }
    Ok(none())
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new(
    "_count_elements",
    Meth::Fast(count_elements),
)];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &DEQUE_TYPE,
    &DEQUE_ITER_TYPE,
    &DEQUE_REVITER_TYPE,
    &DEFAULTDICT_TYPE,
    &TUPLEGETTER_TYPE,
    &ODICT_TYPE,
    &ODICT_ITER_TYPE,
    &ODICT_KEYS_TYPE,
    &ODICT_VALUES_TYPE,
    &ODICT_ITEMS_TYPE,
];

/// Creates the `_collections` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_collections")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("deque", DEQUE_TYPE.as_pyref())?;
        d.set_str("defaultdict", DEFAULTDICT_TYPE.as_pyref())?;
        d.set_str("_deque_iterator", DEQUE_ITER_TYPE.as_pyref())?;
        d.set_str("_deque_reverse_iterator", DEQUE_REVITER_TYPE.as_pyref())?;
        d.set_str("_tuplegetter", TUPLEGETTER_TYPE.as_pyref())?;
        d.set_str("OrderedDict", ODICT_TYPE.as_pyref())?;
        Ok(())
    })?;
    Ok(m)
}

// ---------------------------------------------------------------------------
// OrderedDict (CPython's `Objects/odictobject.c`)

/// No node.
const NIL: usize = usize::MAX;

/// `_ODictNode`: one key in the order list.
struct Node {
    key: Option<PyRef>,
    prev: usize,
    next: usize,
}

/// The order list: nodes in a slab, linked both ways (`od_first`,
/// `od_last`), with free slots reused.
struct Links {
    nodes: Vec<Node>,
    free: Vec<usize>,
    first: usize,
    last: usize,
}

impl Links {
    fn new() -> Links {
        Links {
            nodes: Vec::new(),
            free: Vec::new(),
            first: NIL,
            last: NIL,
        }
    }
}

/// The `OrderedDict` payload: a dict, plus the order of its keys. Every
/// extra field is valid when zeroed (how `dict.__new__` leaves it), so the
/// inherited constructor makes valid ordered dicts.
///
/// Deviation: CPython finds a key's node through the dict's own hash-table
/// slot (`od_fast_nodes`); here a private dict maps each key to its node's
/// slot, so the dict's internals stay private to `objects/dict.rs`.
#[repr(C)]
pub struct PyODict {
    pub dict: PyDict,
    links: UnsafeCell<Option<Box<Links>>>,
    /// key -> node slot (an int).
    index: ObjCell,
    /// `od_state`: bumped whenever the order list changes.
    state: Cell<u64>,
    /// Whether CPython's `od_fast_nodes` table would exist (for `__sizeof__`).
    has_fast: Cell<bool>,
    inst_dict: UnsafeCell<Option<PyRef>>,
    weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), starts with the dict layout (header first).
unsafe impl PyPayload for PyODict {
    fn type_object() -> &'static PyType {
        &ODICT_TYPE
    }
}

pub static ODICT_TYPE: PyType = PyType {
    tp_name: "collections.OrderedDict",
    tp_doc: Some("Dictionary that remembers insertion order"),
    tp_basicsize: Cell::new(std::mem::size_of::<PyODict>()),
    tp_base: Cell::new(&DICT_TYPE as *const PyType),
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::DICT_SUBCLASS | TypeFlags::MAPPING,
    ),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyODict, inst_dict) as isize),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyODict, weaklist) as isize),
    tp_drop: Some(drop_odict),
    tp_traverse: Cell::new(Some(traverse_odict)),
    tp_clear: Cell::new(Some(clear_odict_slot)),
    tp_init: Cell::new(Some(odict_init)),
    tp_repr: Cell::new(Some(odict_repr)),
    tp_richcompare: Cell::new(Some(odict_richcompare)),
    tp_iter: Cell::new(Some(|s| odict_iter_new(s, ITER_KEYS))),
    as_number: NumberSlots {
        nb_or: Cell::new(Some(odict_or)),
        nb_inplace_or: Cell::new(Some(odict_ior)),
        ..NumberSlots::EMPTY
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(None),
        mp_subscript: Cell::new(None),
        mp_ass_subscript: Cell::new(Some(odict_ass_sub)),
    },
    tp_getset: &[GetSetDef {
        name: "__dict__",
        get: Some(odict_dict_get),
        set: None,
        doc: "",
    }],
    tp_methods: &[
        MethodDef::class("fromkeys", Meth::FastKw(odict_fromkeys)),
        MethodDef::new("__sizeof__", Meth::NoArgs(odict_sizeof)),
        MethodDef::new("__reduce__", Meth::NoArgs(odict_reduce)),
        MethodDef::new("setdefault", Meth::FastKw(odict_setdefault)),
        MethodDef::new("pop", Meth::FastKw(odict_pop)),
        MethodDef::new("popitem", Meth::FastKw(odict_popitem)),
        MethodDef::new("keys", Meth::NoArgs(|s| odict_view(s, &ODICT_KEYS_TYPE))),
        MethodDef::new(
            "values",
            Meth::NoArgs(|s| odict_view(s, &ODICT_VALUES_TYPE)),
        ),
        MethodDef::new("items", Meth::NoArgs(|s| odict_view(s, &ODICT_ITEMS_TYPE))),
        MethodDef::new("update", Meth::FastKw(odict_update)),
        MethodDef::new("clear", Meth::NoArgs(odict_clear)),
        MethodDef::new("copy", Meth::NoArgs(odict_copy)),
        MethodDef::new(
            "__reversed__",
            Meth::NoArgs(|s| odict_iter_new(s, ITER_KEYS | ITER_REVERSED)),
        ),
        MethodDef::new("move_to_end", Meth::FastKw(odict_move_to_end)),
    ],
    ..PyType::BASE
};

fn od(o: &PyRef) -> PyResult<&PyODict> {
    o.downcast::<PyODict>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'collections.OrderedDict' object but received a '{}'",
            o.ty().name()
        ))
    })
}

unsafe fn drop_odict(obj: *mut PyObject) {
    // SAFETY: obj is a dead ordered dict: the order list, the index, the instance dict, then the dict part.
    unsafe {
        let p = &*(obj as *const PyODict);
        let links = (*p.links.get()).take();
        drop(links);
        drop(p.index.take());
        drop((*p.inst_dict.get()).take());
        if let Some(f) = DICT_TYPE.tp_drop {
            f(obj);
        }
    }
}

unsafe fn traverse_odict(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live ordered dict; visiting runs no Python code.
    unsafe {
        let p = &*(obj as *const PyODict);
        if let Some(d) = &*p.inst_dict.get() {
            visit(d.as_ptr());
        }
        if let Some(i) = p.index.get() {
            visit(i.as_ptr());
        }
        if let Some(l) = &*p.links.get() {
            for n in &l.nodes {
                if let Some(k) = &n.key {
                    visit(k.as_ptr());
                }
            }
        }
        if let Some(t) = DICT_TYPE.tp_traverse.get() {
            t(obj, visit);
        }
    }
}

unsafe fn clear_odict_slot(obj: *mut PyObject) {
    // SAFETY: obj is a live ordered dict; everything is moved out first, then dropped.
    unsafe {
        let p = &*(obj as *const PyODict);
        let links = (*p.links.get()).take();
        let index = p.index.take();
        let inst = (*p.inst_dict.get()).take();
        if let Some(c) = DICT_TYPE.tp_clear.get() {
            c(obj);
        }
        drop(links);
        drop(index);
        drop(inst);
    }
}

fn odict_dict_get(o: &PyRef) -> PyResult<PyRef> {
    match crate::objects::object::instance_dict(o, true)? {
        Some(d) => Ok(d),
        None => PyDict::new(),
    }
}

fn slot_of(v: &PyRef) -> Option<usize> {
    v.downcast::<PyInt>()
        .and_then(|i| i.as_i64())
        .map(|i| i as usize)
}

impl PyODict {
    /// Runs `f` on the order list; `f` must not run Python code.
    fn with_links<R>(&self, f: impl FnOnce(&mut Links) -> R) -> R {
        // SAFETY: GIL held; the borrow lasts only for `f`, which runs no Python code (keys to drop are returned and dropped later).
        let l = unsafe { &mut *self.links.get() };
        f(l.get_or_insert_with(|| Box::new(Links::new())))
    }

    fn is_empty_list(&self) -> bool {
        // SAFETY: short read.
        unsafe { (*self.links.get()).as_ref().is_none_or(|l| l.first == NIL) }
    }

    fn index(&self) -> PyResult<PyRef> {
        if let Some(i) = self.index.get_owned() {
            return Ok(i);
        }
        let d = PyDict::new()?;
        drop(self.index.set(Some(d.clone())));
        Ok(d)
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// The key of node `slot`, if live.
    fn key_at(&self, slot: usize) -> Option<PyRef> {
        self.with_links(|l| l.nodes.get(slot).and_then(|n| n.key.clone()))
    }

    fn first(&self) -> usize {
        self.with_links(|l| l.first)
    }

    fn last(&self) -> usize {
        self.with_links(|l| l.last)
    }

    fn next_of(&self, slot: usize, reversed: bool) -> usize {
        self.with_links(|l| {
            l.nodes
                .get(slot)
                .map_or(NIL, |n| if reversed { n.prev } else { n.next })
        })
    }

    /// `_odict_find_node`: the slot of `key`'s node.
    fn find(&self, key: &PyRef) -> PyResult<Option<usize>> {
        if self.is_empty_list() {
            return Ok(None);
        }
        self.has_fast.set(true);
        let Some(ix) = self.index.get_owned() else {
            return Ok(None);
        };
        // SAFETY: the index is a plain dict.
        let ixd = unsafe { ix.payload_unchecked::<PyDict>() };
        Ok(ixd.get_item(key)?.as_ref().and_then(slot_of))
    }

    fn unlink(&self, slot: usize) {
        self.with_links(|l| {
            let Some(n) = l.nodes.get(slot) else { return };
            let (p, nx) = (n.prev, n.next);
            if l.first == slot {
                l.first = nx;
            } else if let Some(pn) = l.nodes.get_mut(p) {
                pn.next = nx;
            }
            if l.last == slot {
                l.last = p;
            } else if let Some(nn) = l.nodes.get_mut(nx) {
                nn.prev = p;
            }
            if let Some(n) = l.nodes.get_mut(slot) {
                n.prev = NIL;
                n.next = NIL;
            }
        });
        self.bump();
    }

    fn link_tail(&self, slot: usize) {
        self.with_links(|l| {
            let last = l.last;
            if let Some(n) = l.nodes.get_mut(slot) {
                n.prev = last;
                n.next = NIL;
            }
            match l.nodes.get_mut(last) {
                Some(ln) => ln.next = slot,
                None => l.first = slot,
            }
            l.last = slot;
        });
        self.bump();
    }

    fn link_head(&self, slot: usize) {
        self.with_links(|l| {
            let first = l.first;
            if let Some(n) = l.nodes.get_mut(slot) {
                n.prev = NIL;
                n.next = first;
            }
            match l.nodes.get_mut(first) {
                Some(fnode) => fnode.prev = slot,
                None => l.last = slot,
            }
            l.first = slot;
        });
        self.bump();
    }

    /// `_odict_add_new_node`: appends a node for `key` unless it has one.
    fn add_node(&self, key: &PyRef) -> PyResult<()> {
        self.has_fast.set(true);
        let ix = self.index()?;
        // SAFETY: the index is a plain dict.
        let ixd = unsafe { ix.payload_unchecked::<PyDict>() };
        if ixd.get_item(key)?.is_some() {
            return Ok(());
        }
        let slot = self.with_links(|l| {
            let node = Node {
                key: Some(key.clone()),
                prev: NIL,
                next: NIL,
            };
            match l.free.pop() {
                Some(s) if s < l.nodes.len() => {
                    l.nodes[s] = node;
                    s
                }
                _ => {
                    l.nodes.push(node);
                    l.nodes.len() - 1
                }
            }
        });
        if let Err(e) = ixd.set_item(key.clone(), PyInt::new(slot as i64)?) {
            let k = self.with_links(|l| {
                l.free.push(slot);
                l.nodes.get_mut(slot).and_then(|n| n.key.take())
            });
            drop(k);
            return Err(e);
        }
        self.link_tail(slot);
        Ok(())
    }

    /// `_odict_clear_node`: unlinks and frees `key`'s node, if it has one.
    fn clear_node(&self, key: &PyRef) -> PyResult<()> {
        if self.is_empty_list() {
            return Ok(());
        }
        let Some(ix) = self.index.get_owned() else {
            return Ok(());
        };
        // SAFETY: the index is a plain dict.
        let ixd = unsafe { ix.payload_unchecked::<PyDict>() };
        let Some(slot) = ixd.del_item(key)?.as_ref().and_then(slot_of) else {
            return Ok(());
        };
        self.unlink(slot);
        let k = self.with_links(|l| {
            let k = l.nodes.get_mut(slot).and_then(|n| n.key.take());
            if k.is_some() {
                l.free.push(slot);
            }
            k
        });
        drop(k);
        Ok(())
    }

    /// `_odict_clear_nodes`.
    fn clear_nodes(&self) {
        // SAFETY: GIL held; moved out, dropped after.
        let links = unsafe { (*self.links.get()).take() };
        let index = self.index.take();
        self.has_fast.set(false);
        drop(links);
        drop(index);
    }

    /// The keys in order (a snapshot).
    fn keys_in_order(&self) -> Vec<PyRef> {
        self.with_links(|l| {
            let mut out = Vec::new();
            let mut s = l.first;
            let mut guard = 0;
            while let Some(n) = l.nodes.get(s) {
                if let Some(k) = &n.key {
                    out.push(k.clone());
                }
                s = n.next;
                guard += 1;
                if guard > l.nodes.len() {
                    break;
                }
            }
            out
        })
    }
}

/// `PyODict_SetItem`.
fn odict_setitem(s: &PyRef, key: &PyRef, value: &PyRef) -> PyResult<()> {
    let p = od(s)?;
    p.dict.set_item(key.clone(), value.clone())?;
    if let Err(e) = p.add_node(key) {
        // Revert setting the value on the dict.
        let _ = p.dict.del_item(key);
        return Err(e);
    }
    Ok(())
}

/// `PyODict_DelItem`.
fn odict_delitem(s: &PyRef, key: &PyRef) -> PyResult<()> {
    let p = od(s)?;
    protocol::hash(key)?;
    p.clear_node(key)?;
    match p.dict.del_item(key)? {
        Some(v) => {
            drop(v);
            Ok(())
        }
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn odict_ass_sub(s: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    match value {
        Some(v) => odict_setitem(s, key, v),
        None => odict_delitem(s, key),
    }
}

// --- mutablemapping_update ---

fn add_pairs(s: &PyRef, pairs: &PyRef) -> PyResult<()> {
    let it = protocol::get_iter(pairs)?;
    while let Some(pair) = protocol::next(&it)? {
        let pit = protocol::get_iter(&pair)?;
        let Some(k) = protocol::next(&pit)? else {
            return Err(PyErr::value_error("need more than 0 values to unpack"));
        };
        let Some(v) = protocol::next(&pit)? else {
            return Err(PyErr::value_error("need more than 1 value to unpack"));
        };
        if protocol::next(&pit)?.is_some() {
            return Err(PyErr::value_error("too many values to unpack (expected 2)"));
        }
        protocol::set_item(s, &k, Some(&v))?;
    }
    Ok(())
}

fn update_arg(s: &PyRef, arg: &PyRef) -> PyResult<()> {
    if arg.is_exact::<PyDict>() {
        let items = protocol::call_method(arg, "items", &[])?;
        let l = PyList::new(protocol::collect(&items)?)?;
        return add_pairs(s, &l);
    }
    if let Some(f) = protocol::lookup_attr(arg, crate::intern!("keys"))? {
        let keys = protocol::call1(&f, &[])?;
        let it = protocol::get_iter(&keys)?;
        while let Some(k) = protocol::next(&it)? {
            let v = protocol::get_item(arg, &k)?;
            protocol::set_item(s, &k, Some(&v))?;
        }
        return Ok(());
    }
    if let Some(f) = protocol::lookup_attr(arg, crate::intern!("items"))? {
        let items = protocol::call1(&f, &[])?;
        return add_pairs(s, &items);
    }
    add_pairs(s, arg)
}

fn update_common(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>, init: bool) -> PyResult<()> {
    let nkw = crate::objects::slice::nkw(kwnames);
    let npos = args.len().saturating_sub(nkw);
    if npos > 1 {
        return Err(PyErr::type_error(if init {
            format!("expected at most 1 arguments, got {npos}")
        } else {
            format!("update() takes at most 1 positional argument ({npos} given)")
        }));
    }
    if npos == 1 {
        update_arg(s, &args[0])?;
    }
    if nkw > 0 {
        let names = kwnames
            .and_then(|k| k.downcast::<PyTuple>())
            .map(|t| t.items().to_vec())
            .unwrap_or_default();
        for (k, v) in names.iter().zip(&args[npos..]) {
            protocol::set_item(s, k, Some(v))?;
        }
    }
    Ok(())
}

fn odict_init(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    update_common(s, args, kwnames, true)
}

fn odict_update(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    update_common(s, args, kwnames, false)?;
    Ok(none())
}

// --- methods ---

fn odict_fromkeys(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("fromkeys", args, kwnames, &["iterable", "value"], 0)?;
    let Some(seq) = a[0].clone() else {
        return Err(PyErr::type_error(
            "fromkeys() missing required argument 'iterable' (pos 1)",
        ));
    };
    let value = a[1].clone().unwrap_or_else(none);
    let d = protocol::call1(cls, &[])?;
    let it = protocol::get_iter(&seq)?;
    while let Some(k) = protocol::next(&it)? {
        protocol::set_item(&d, &k, Some(&value))?;
    }
    Ok(d)
}

/// The size of the dict's hash table, from its `__sizeof__` (CPython's
/// `od_fast_nodes_size` follows it).
fn dk_size(dict_sizeof: usize) -> usize {
    if dict_sizeof <= 48 {
        return 0;
    }
    let usable = |n: usize| (n << 1) / 3;
    let mut n = 8usize;
    while n <= 1 << 40 {
        let ix = if n <= 0x80 {
            1
        } else if n <= 0x8000 {
            2
        } else if n <= 0x8000_0000 {
            4
        } else {
            8
        };
        for entry in [16, 24] {
            if 48 + 32 + n * ix + usable(n) * entry == dict_sizeof {
                return n;
            }
        }
        n <<= 1;
    }
    0
}

fn odict_sizeof(s: &PyRef) -> PyResult<PyRef> {
    let p = od(s)?;
    let base = p.dict.sizeof();
    // `_PyDict_SizeOf` starts from the type's basic size: CPython's
    // `PyODictObject` is 64 bytes larger than a dict.
    let mut res = base + 64;
    if p.has_fast.get() {
        res += 8 * dk_size(base);
    }
    if !p.is_empty_list() {
        res += 32 * p.dict.len();
    }
    PyInt::new(res as i64)
}

fn odict_reduce(s: &PyRef) -> PyResult<PyRef> {
    let state = protocol::call_method(s, "__getstate__", &[])?;
    let items = protocol::call_method(s, "items", &[])?;
    let it = protocol::get_iter(&items)?;
    PyTuple::new(vec![s.type_ref(), PyTuple::new(vec![])?, state, none(), it])
}

fn missing_arg(f: &str, name: &str) -> PyErr {
    PyErr::type_error(format!("{f}() missing required argument '{name}' (pos 1)"))
}

fn odict_setdefault(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("setdefault", args, kwnames, &["key", "default"], 0)?;
    let Some(key) = a[0].clone() else {
        return Err(missing_arg("setdefault", "key"));
    };
    let default = a[1].clone().unwrap_or_else(none);
    let p = od(s)?;
    if s.is_exact::<PyODict>() {
        if let Some(v) = p.dict.get_item(&key)? {
            return Ok(v);
        }
        odict_setitem(s, &key, &default)?;
        return Ok(default);
    }
    if protocol::contains(s, &key)? {
        return protocol::get_item(s, &key);
    }
    protocol::set_item(s, &key, Some(&default))?;
    Ok(default)
}

/// `_odict_popkey_hash`.
fn popkey(s: &PyRef, key: &PyRef, failobj: Option<PyRef>) -> PyResult<PyRef> {
    let p = od(s)?;
    if p.find(key)?.is_some() {
        p.clear_node(key)?;
        if let Some(v) = p.dict.del_item(key)? {
            return Ok(v);
        }
    }
    match failobj {
        Some(f) => Ok(f),
        None => Err(PyErr::key_error(key.clone())),
    }
}

fn odict_pop(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("pop", args, kwnames, &["key", "default"], 0)?;
    let Some(key) = a[0].clone() else {
        return Err(missing_arg("pop", "key"));
    };
    protocol::hash(&key)?;
    popkey(s, &key, a[1].clone())
}

fn odict_popitem(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("popitem", args, kwnames, &["last"], 0)?;
    let last = match &a[0] {
        Some(v) => protocol::is_true(v)?,
        None => true,
    };
    let p = od(s)?;
    if p.is_empty_list() {
        return Err(PyErr::new(&exceptions::KEY_ERROR, "dictionary is empty"));
    }
    let slot = if last { p.last() } else { p.first() };
    let Some(key) = p.key_at(slot) else {
        return Err(PyErr::new(&exceptions::KEY_ERROR, "dictionary is empty"));
    };
    let value = popkey(s, &key, None)?;
    PyTuple::new(vec![key, value])
}

fn odict_clear(s: &PyRef) -> PyResult<PyRef> {
    let p = od(s)?;
    p.dict.clear();
    p.clear_nodes();
    Ok(none())
}

fn odict_copy(s: &PyRef) -> PyResult<PyRef> {
    let p = od(s)?;
    let exact = s.is_exact::<PyODict>();
    let copy = if exact {
        PyDict::new_in(&ODICT_TYPE)?
    } else {
        protocol::call1(&s.type_ref(), &[])?
    };
    for key in p.keys_in_order() {
        if exact {
            let Some(v) = p.dict.get_item(&key)? else {
                return Err(PyErr::key_error(key));
            };
            odict_setitem(&copy, &key, &v)?;
        } else {
            let v = protocol::get_item(s, &key)?;
            protocol::set_item(&copy, &key, Some(&v))?;
        }
    }
    Ok(copy)
}

fn odict_move_to_end(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("move_to_end", args, kwnames, &["key", "last"], 0)?;
    let Some(key) = a[0].clone() else {
        return Err(missing_arg("move_to_end", "key"));
    };
    let last = match &a[1] {
        Some(v) => protocol::is_true(v)?,
        None => true,
    };
    let p = od(s)?;
    if p.is_empty_list() {
        return Err(PyErr::key_error(key));
    }
    let end = if last { p.last() } else { p.first() };
    if p.key_at(end).is_some_and(|k| k.is(&key)) {
        return Ok(none());
    }
    let Some(slot) = p.find(&key)? else {
        return Err(PyErr::key_error(key));
    };
    if last {
        if slot != p.last() {
            p.unlink(slot);
            p.link_tail(slot);
        }
    } else if slot != p.first() {
        p.unlink(slot);
        p.link_head(slot);
    }
    Ok(none())
}

// --- slots ---

fn odict_repr(s: &PyRef) -> PyResult<PyRef> {
    let p = od(s)?;
    let name = s.ty().name().to_owned();
    if p.dict.is_empty() {
        return PyStr::new(&format!("{name}()"));
    }
    let Some(_guard) = crate::objects::list::repr_enter(s) else {
        return PyStr::new("...");
    };
    let pieces = if s.is_exact::<PyODict>() {
        let mut out = Vec::new();
        for key in p.keys_in_order() {
            let Some(v) = p.dict.get_item(&key)? else {
                return Err(PyErr::key_error(key));
            };
            out.push(PyTuple::new(vec![key, v])?);
        }
        PyList::new(out)?
    } else {
        let items = protocol::call_method(s, "items", &[])?;
        PyList::new(protocol::collect(&items)?)?
    };
    let r = protocol::repr_string(&pieces)?;
    PyStr::new(&format!("{name}({r})"))
}

/// `_odict_keys_equal`.
fn keys_equal(a: &PyODict, b: &PyODict) -> PyResult<bool> {
    let (sa, sb) = (a.state.get(), b.state.get());
    let (mut na, mut nb) = (a.first(), b.first());
    loop {
        let (ka, kb) = (a.key_at(na), b.key_at(nb));
        match (ka, kb) {
            (None, None) => return Ok(true),
            (Some(x), Some(y)) => {
                let eq = protocol::rich_compare_bool(&x, &y, CompareOp::Eq)?;
                if a.state.get() != sa || b.state.get() != sb {
                    return Err(PyErr::runtime_error("OrderedDict mutated during iteration"));
                }
                if !eq {
                    return Ok(false);
                }
            }
            _ => return Ok(false),
        }
        na = a.next_of(na, false);
        nb = b.next_of(nb, false);
    }
}

fn odict_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let Some(a) = v.downcast::<PyODict>() else {
        return Ok(not_implemented());
    };
    if !w.is_instance_of::<PyDict>() || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let Some(cmp_fn) = DICT_TYPE.tp_richcompare.get() else {
        return Ok(not_implemented());
    };
    let cmp = cmp_fn(v, w, op)?;
    let Some(b) = w.downcast::<PyODict>() else {
        return Ok(cmp);
    };
    let t = protocol::is_true(&cmp)?;
    if (op == CompareOp::Eq && !t) || (op == CompareOp::Ne && t) {
        return Ok(cmp);
    }
    let eq = keys_equal(a, b)?;
    Ok(py_bool(eq == (op == CompareOp::Eq)))
}

fn odict_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let (s, other) = if a.is_instance_of::<PyODict>() {
        (a, b)
    } else {
        (b, a)
    };
    if !other.is_instance_of::<PyDict>() {
        return Ok(not_implemented());
    }
    let n = protocol::call1(&s.type_ref(), std::slice::from_ref(a))?;
    update_arg(&n, b)?;
    Ok(n)
}

fn odict_ior(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    update_arg(a, b)?;
    Ok(a.clone())
}

// --- iterators ---

const ITER_REVERSED: u8 = 1;
const ITER_KEYS: u8 = 2;
const ITER_VALUES: u8 = 4;
const ITER_ITEMS: u8 = ITER_KEYS | ITER_VALUES;

/// `odictiterobject`.
#[repr(C)]
pub struct PyODictIter {
    pub ob_base: PyObject,
    kind: u8,
    odict: ObjCell,
    current: ObjCell,
    size: Cell<isize>,
    state: Cell<u64>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyODictIter {
    fn type_object() -> &'static PyType {
        &ODICT_ITER_TYPE
    }
}

pub static ODICT_ITER_TYPE: PyType = PyType {
    tp_name: "odict_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyODictIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_odict_iter),
    tp_traverse: Cell::new(Some(traverse_odict_iter)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(odict_iter_next)),
    tp_methods: &[MethodDef::new(
        "__reduce__",
        Meth::NoArgs(odict_iter_reduce),
    )],
    ..PyType::BASE
};

unsafe fn drop_odict_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe {
        let p = &*(obj as *const PyODictIter);
        drop(p.odict.take());
        drop(p.current.take());
    }
}

unsafe fn traverse_odict_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator.
    unsafe {
        let p = &*(obj as *const PyODictIter);
        for c in [&p.odict, &p.current] {
            if let Some(o) = c.get() {
                visit(o.as_ptr());
            }
        }
    }
}

fn odict_iter_new(s: &PyRef, kind: u8) -> PyResult<PyRef> {
    let p = od(s)?;
    let slot = if kind & ITER_REVERSED != 0 {
        p.last()
    } else {
        p.first()
    };
    let it = alloc_object(
        &ODICT_ITER_TYPE,
        PyODictIter {
            ob_base: PyObject::NEW,
            kind,
            odict: ObjCell::empty(),
            current: ObjCell::empty(),
            size: Cell::new(p.dict.len() as isize),
            state: Cell::new(p.state.get()),
        },
    )?;
    // SAFETY: just made.
    let ip = unsafe { it.payload_unchecked::<PyODictIter>() };
    ip.current.set(p.key_at(slot));
    ip.odict.set(Some(s.clone()));
    Ok(it)
}

/// `odictiter_nextkey`.
fn iter_nextkey(ip: &PyODictIter) -> PyResult<Option<PyRef>> {
    let Some(o) = ip.odict.get_owned() else {
        return Ok(None);
    };
    let Some(cur) = ip.current.get_owned() else {
        drop(ip.odict.take());
        return Ok(None);
    };
    let p = od(&o)?;
    if p.state.get() != ip.state.get() {
        drop(ip.odict.take());
        return Err(PyErr::runtime_error("OrderedDict mutated during iteration"));
    }
    if ip.size.get() != p.dict.len() as isize {
        ip.size.set(-1);
        return Err(PyErr::runtime_error(
            "OrderedDict changed size during iteration",
        ));
    }
    let Some(slot) = p.find(&cur)? else {
        drop(ip.current.take());
        return Err(PyErr::key_error(cur));
    };
    let next = p.next_of(slot, ip.kind & ITER_REVERSED != 0);
    drop(ip.current.set(p.key_at(next)));
    Ok(Some(cur))
}

fn odict_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of odict_iterator gets one.
    let ip = unsafe { it.payload_unchecked::<PyODictIter>() };
    let Some(key) = iter_nextkey(ip)? else {
        return Ok(None);
    };
    if ip.kind & ITER_VALUES == 0 {
        return Ok(Some(key));
    }
    let Some(o) = ip.odict.get_owned() else {
        return Ok(None);
    };
    let value = match od(&o)?.dict.get_item(&key)? {
        Some(v) => v,
        None => {
            drop(ip.current.take());
            drop(ip.odict.take());
            return Err(PyErr::key_error(key));
        }
    };
    if ip.kind & ITER_KEYS == 0 {
        return Ok(Some(value));
    }
    Ok(Some(PyTuple::new(vec![key, value])?))
}

fn odict_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    // SAFETY: the method is bound to odict iterators.
    let ip = it
        .downcast::<PyODictIter>()
        .ok_or_else(|| PyErr::type_error("expected an odict_iterator"))?;
    // Iterate a copy of the iterator's state.
    let tmp = alloc_object(
        &ODICT_ITER_TYPE,
        PyODictIter {
            ob_base: PyObject::NEW,
            kind: ip.kind,
            odict: ObjCell::empty(),
            current: ObjCell::empty(),
            size: Cell::new(ip.size.get()),
            state: Cell::new(ip.state.get()),
        },
    )?;
    // SAFETY: just made.
    let tp = unsafe { tmp.payload_unchecked::<PyODictIter>() };
    tp.odict.set(ip.odict.get_owned());
    tp.current.set(ip.current.get_owned());
    let list = PyList::new(protocol::collect(&tmp)?)?;
    PyTuple::new(vec![
        crate::objects::iter::builtin("iter")?,
        PyTuple::new(vec![list])?,
    ])
}

// --- views ---

unsafe fn drop_odict_view(obj: *mut PyObject) {
    // SAFETY: obj is a dead view.
    unsafe { drop((*(obj as *const PyDictView)).dict.take()) }
}

unsafe fn traverse_odict_view(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live view.
    unsafe {
        if let Some(d) = (*(obj as *const PyDictView)).dict.get() {
            visit(d.as_ptr());
        }
    }
}

fn odict_view(s: &PyRef, ty: &'static PyType) -> PyResult<PyRef> {
    od(s)?;
    crate::objects::dict::new_view(ty, s)
}

fn view_odict(v: &PyRef) -> PyResult<PyRef> {
    let t = v.ty();
    let is_view = [&ODICT_KEYS_TYPE, &ODICT_VALUES_TYPE, &ODICT_ITEMS_TYPE]
        .iter()
        .any(|&vt| std::ptr::eq(t, vt) || t.is_subtype(vt));
    if !is_view {
        return Err(PyErr::type_error("odict view expected"));
    }
    // SAFETY: the odict view types have the dict view layout.
    unsafe { v.payload_unchecked::<PyDictView>() }
        .dict
        .get_owned()
        .ok_or_else(|| PyErr::type_error("odict view without its dict"))
}

macro_rules! odict_view_type {
    ($name:ident, $tp_name:expr, $base:expr, $kind:expr) => {
        pub static $name: PyType = PyType {
            tp_name: $tp_name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyDictView>()),
            tp_base: Cell::new($base as *const PyType),
            tp_flags: Cell::new(TypeFlags::HAVE_GC),
            tp_drop: Some(drop_odict_view),
            tp_traverse: Cell::new(Some(traverse_odict_view)),
            tp_iter: Cell::new(Some(|v| odict_iter_new(&view_odict(v)?, $kind))),
            tp_methods: &[MethodDef::new(
                "__reversed__",
                Meth::NoArgs(|v| odict_iter_new(&view_odict(v)?, $kind | ITER_REVERSED)),
            )],
            ..PyType::BASE
        };
    };
}

odict_view_type!(
    ODICT_KEYS_TYPE,
    "odict_keys",
    &crate::objects::dict::DICT_KEYS_TYPE,
    ITER_KEYS
);
odict_view_type!(
    ODICT_VALUES_TYPE,
    "odict_values",
    &crate::objects::dict::DICT_VALUES_TYPE,
    ITER_VALUES
);
odict_view_type!(
    ODICT_ITEMS_TYPE,
    "odict_items",
    &crate::objects::dict::DICT_ITEMS_TYPE,
    ITER_ITEMS
);
