//! The `_contextvars` module (CPython's `Python/context.c`, with the mapping
//! of `Python/hamt.c`): `ContextVar`, `Token`, `Context` and `copy_context`.
//!
//! A context's variables live in an immutable mapping object (type `hamt`,
//! as CPython's): `Context.copy()` and `copy_context()` share it, and
//! `ContextVar.set` makes a new one (or updates it in place when the context
//! holds the only reference, which nobody can observe). Taipan deviation: the
//! mapping is an insertion-ordered vector with an index by identity instead
//! of a hash array mapped trie; CPython's iteration order follows the
//! variables' hashes, which mix in their addresses, so no program can rely
//! on it. The current context lives in the thread state (one thread for now);
//! generators and coroutines do not have their own, as in CPython 3.11.

use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;

use crate::gil::GilCell;
use crate::modules::builtins::check_nargs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;
use crate::objects::none::{none, not_implemented, PySingleton};
use crate::objects::str::PyStr;

// ---------------------------------------------------------------------------
// The variables mapping (`hamt`).

/// Insertion-ordered entries with an identity index once there are many.
#[derive(Clone, Default)]
struct VarMap {
    entries: Vec<(PyRef, PyRef)>,
    index: Option<HashMap<usize, usize>>,
}

const INDEX_FROM: usize = 16;

impl VarMap {
    fn position(&self, key: &PyRef) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(&key.id()).copied(),
            None => self.entries.iter().position(|(k, _)| k.is(key)),
        }
    }

    fn find(&self, key: &PyRef) -> Option<PyRef> {
        self.position(key).map(|i| self.entries[i].1.clone())
    }

    /// Sets `key`; returns the replaced value (drop it after the borrow ends).
    fn assoc(&mut self, key: PyRef, val: PyRef) -> Option<PyRef> {
        if let Some(i) = self.position(&key) {
            return Some(std::mem::replace(&mut self.entries[i].1, val));
        }
        let id = key.id();
        self.entries.push((key, val));
        if let Some(ix) = &mut self.index {
            ix.insert(id, self.entries.len() - 1);
        } else if self.entries.len() > INDEX_FROM {
            self.reindex();
        }
        None
    }

    /// Removes `key`; returns the entry (drop it after the borrow ends).
    fn without(&mut self, key: &PyRef) -> Option<(PyRef, PyRef)> {
        let i = self.position(key)?;
        let e = self.entries.remove(i);
        if self.index.is_some() {
            self.reindex();
        }
        Some(e)
    }

    fn reindex(&mut self) {
        let ix = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.id(), i))
            .collect();
        self.index = Some(ix);
    }
}

#[repr(C)]
pub struct PyHamt {
    pub ob_base: PyObject,
    map: UnsafeCell<VarMap>,
}

// SAFETY: repr(C), header first; the type is HAMT_TYPE.
unsafe impl PyPayload for PyHamt {
    fn type_object() -> &'static PyType {
        &HAMT_TYPE
    }
}

pub static HAMT_TYPE: PyType = PyType {
    tp_name: "hamt",
    tp_basicsize: Cell::new(std::mem::size_of::<PyHamt>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_hamt),
    tp_traverse: Cell::new(Some(traverse_hamt)),
    tp_clear: Cell::new(Some(clear_hamt)),
    ..PyType::BASE
};

unsafe fn drop_hamt(obj: *mut PyObject) {
    // SAFETY: obj is a dead hamt; its map is dropped once.
    unsafe { std::ptr::drop_in_place((*(obj as *mut PyHamt)).map.get()) }
}

unsafe fn traverse_hamt(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live hamt; visiting runs no Python code.
    unsafe {
        for (k, v) in &(*(*(obj as *const PyHamt)).map.get()).entries {
            visit(k.as_ptr());
            visit(v.as_ptr());
        }
    }
}

unsafe fn clear_hamt(obj: *mut PyObject) {
    // SAFETY: obj is a live hamt; the entries are moved out before they are dropped.
    let old = unsafe { std::mem::take(&mut *(*(obj as *const PyHamt)).map.get()) };
    drop(old);
}

fn hamt_map(h: &PyRef) -> &VarMap {
    // SAFETY: callers pass hamt objects (the contexts' and iterators' fields); the map is replaced only by `clear_hamt` and by `hamt_assoc` on an unshared hamt, never while this borrow is used.
    unsafe { &*h.payload_unchecked::<PyHamt>().map.get() }
}

fn hamt_new(map: VarMap) -> PyResult<PyRef> {
    alloc_object(
        &HAMT_TYPE,
        PyHamt {
            ob_base: PyObject::NEW,
            map: UnsafeCell::new(map),
        },
    )
}

fn hamt_find(h: &PyRef, key: &PyRef) -> Option<PyRef> {
    hamt_map(h).find(key)
}

/// `_PyHamt_Assoc` (in place when `h` is the caller's only reference).
fn hamt_assoc(h: PyRef, key: PyRef, val: PyRef) -> PyResult<PyRef> {
    if h.refcnt() == 1 {
        // SAFETY: nobody else refers to this hamt, so nobody borrows its map.
        let old = unsafe { (*h.payload_unchecked::<PyHamt>().map.get()).assoc(key, val) };
        drop(old);
        return Ok(h);
    }
    let mut m = hamt_map(&h).clone();
    let old = m.assoc(key, val);
    let new = hamt_new(m);
    drop(old);
    new
}

/// `_PyHamt_Without`: `None` when `key` is absent.
fn hamt_without(h: PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    if hamt_map(&h).position(key).is_none() {
        return Ok(None);
    }
    if h.refcnt() == 1 {
        // SAFETY: nobody else refers to this hamt, so nobody borrows its map.
        let old = unsafe { (*h.payload_unchecked::<PyHamt>().map.get()).without(key) };
        drop(old);
        return Ok(Some(h));
    }
    let mut m = hamt_map(&h).clone();
    let old = m.without(key);
    let new = hamt_new(m);
    drop(old);
    new.map(Some)
}

// ---------------------------------------------------------------------------
// Iterators over a mapping (`keys`, `values`, `items`): each is its own
// iterator and has a length (the mapping's, however far it went).

#[repr(C)]
pub struct PyHamtIter {
    pub ob_base: PyObject,
    hamt: ObjCell,
    pos: Cell<usize>,
}

// SAFETY: repr(C), header first; the types are the three iterator types.
unsafe impl PyPayload for PyHamtIter {
    fn type_object() -> &'static PyType {
        &HAMT_KEYS_TYPE
    }
}

macro_rules! hamt_iter_type {
    ($stat:ident, $name:expr, $next:expr) => {
        pub static $stat: PyType = PyType {
            tp_name: $name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyHamtIter>()),
            tp_flags: Cell::new(TypeFlags::HAVE_GC),
            tp_drop: Some(drop_hamt_iter),
            tp_traverse: Cell::new(Some(traverse_hamt_iter)),
            tp_clear: Cell::new(Some(drop_hamt_iter)),
            tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
            tp_iternext: Cell::new(Some($next)),
            as_mapping: MappingSlots {
                mp_length: Cell::new(Some(hamt_iter_len)),
                ..MappingSlots::EMPTY
            },
            ..PyType::BASE
        };
    };
}

hamt_iter_type!(HAMT_KEYS_TYPE, "keys", hamt_keys_next);
hamt_iter_type!(HAMT_VALUES_TYPE, "values", hamt_values_next);
hamt_iter_type!(HAMT_ITEMS_TYPE, "items", hamt_items_next);

unsafe fn drop_hamt_iter(obj: *mut PyObject) {
    // SAFETY: obj is a hamt iterator.
    unsafe { drop((*(obj as *const PyHamtIter)).hamt.take()) }
}

unsafe fn traverse_hamt_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live hamt iterator.
    unsafe {
        if let Some(h) = (*(obj as *const PyHamtIter)).hamt.get() {
            visit(h.as_ptr());
        }
    }
}

fn hit(o: &PyRef) -> &PyHamtIter {
    // SAFETY: the slots of the three iterator types get their own instances.
    unsafe { o.payload_unchecked::<PyHamtIter>() }
}

fn hamt_iter_new(h: &PyRef, ty: &'static PyType) -> PyResult<PyRef> {
    let it = alloc_object(
        ty,
        PyHamtIter {
            ob_base: PyObject::NEW,
            hamt: ObjCell::empty(),
            pos: Cell::new(0),
        },
    )?;
    hit(&it).hamt.set(Some(h.clone()));
    Ok(it)
}

fn hamt_iter_len(o: &PyRef) -> PyResult<usize> {
    Ok(hit(o)
        .hamt
        .get()
        .map(|h| hamt_map(h).entries.len())
        .unwrap_or(0))
}

fn hamt_iter_step(o: &PyRef) -> Option<(PyRef, PyRef)> {
    let it = hit(o);
    let h = it.hamt.get_owned()?;
    let i = it.pos.get();
    let e = hamt_map(&h).entries.get(i).cloned()?;
    it.pos.set(i + 1);
    Some(e)
}

fn hamt_keys_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(hamt_iter_step(o).map(|(k, _)| k))
}

fn hamt_values_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(hamt_iter_step(o).map(|(_, v)| v))
}

fn hamt_items_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    match hamt_iter_step(o) {
        Some((k, v)) => crate::objects::tuple::PyTuple::new(vec![k, v]).map(Some),
        None => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// The thread state's context.

struct ThreadContext {
    /// `ts->context` (None until first needed).
    current: Option<PyRef>,
}

static TS: GilCell<ThreadContext> = GilCell::new(ThreadContext { current: None });

fn ts_current() -> Option<PyRef> {
    // SAFETY: GIL held; short read.
    unsafe { (*TS.as_ptr()).current.clone() }
}

/// Replaces `ts->context`; the old value is dropped by the caller.
fn ts_set_current(ctx: Option<PyRef>) -> Option<PyRef> {
    // SAFETY: GIL held; short write, nothing dropped inside.
    unsafe { std::mem::replace(&mut (*TS.as_ptr()).current, ctx) }
}

/// Drops the thread state's context (`PyThreadState_Clear`); the leak check
/// calls it when it tears a run down.
pub fn clear_thread_context() {
    drop(ts_set_current(None));
}

/// `context_get`: the current context, made empty on first use.
fn context_get() -> PyResult<PyRef> {
    if let Some(c) = ts_current() {
        return Ok(c);
    }
    let c = context_new(hamt_new(VarMap::default())?)?;
    drop(ts_set_current(Some(c.clone())));
    Ok(c)
}

// ---------------------------------------------------------------------------
// Context

#[repr(C)]
pub struct PyContext {
    pub ob_base: PyObject,
    vars: ObjCell,
    prev: ObjCell,
    entered: Cell<bool>,
    weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first; the type is CONTEXT_TYPE.
unsafe impl PyPayload for PyContext {
    fn type_object() -> &'static PyType {
        &CONTEXT_TYPE
    }
}

pub static CONTEXT_TYPE: PyType = PyType {
    tp_name: "_contextvars.Context",
    tp_basicsize: Cell::new(std::mem::size_of::<PyContext>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyContext, weaklist) as isize),
    tp_drop: Some(drop_context),
    tp_traverse: Cell::new(Some(traverse_context)),
    tp_clear: Cell::new(Some(drop_context)),
    tp_new: Cell::new(Some(context_tp_new)),
    tp_iter: Cell::new(Some(context_iter)),
    tp_richcompare: Cell::new(Some(context_richcompare)),
    tp_hash: Cell::new(Some(hash_by_tp_name)),
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(context_len)),
        mp_subscript: Cell::new(Some(context_subscript)),
        ..MappingSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_contains: Cell::new(Some(context_contains)),
        ..SequenceSlots::EMPTY
    },
    tp_methods: &[
        MethodDef::new("get", Meth::Fast(context_get_meth)),
        MethodDef::new("items", Meth::NoArgs(context_items)),
        MethodDef::new("keys", Meth::NoArgs(context_keys)),
        MethodDef::new("values", Meth::NoArgs(context_values)),
        MethodDef::new("copy", Meth::NoArgs(context_copy)),
        MethodDef::new("run", Meth::FastKw(context_run)),
    ],
    ..PyType::BASE
};

/// `PyObject_HashNotImplemented`, whose message names `tp_name`.
fn hash_by_tp_name(o: &PyRef) -> PyResult<isize> {
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        o.ty().tp_name
    )))
}

unsafe fn drop_context(obj: *mut PyObject) {
    // SAFETY: obj is a context (dead, or being cleared); each field is taken once.
    unsafe {
        let c = &*(obj as *const PyContext);
        drop(c.prev.take());
        drop(c.vars.take());
    }
}

unsafe fn traverse_context(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live context.
    unsafe {
        let c = &*(obj as *const PyContext);
        for f in [&c.prev, &c.vars] {
            if let Some(v) = f.get() {
                visit(v.as_ptr());
            }
        }
    }
}

fn ctx(o: &PyRef) -> &PyContext {
    // SAFETY: the slots and methods of Context get contexts (the type cannot be subclassed).
    unsafe { o.payload_unchecked::<PyContext>() }
}

fn context_new(vars: PyRef) -> PyResult<PyRef> {
    let c = alloc_object(
        &CONTEXT_TYPE,
        PyContext {
            ob_base: PyObject::NEW,
            vars: ObjCell::empty(),
            prev: ObjCell::empty(),
            entered: Cell::new(false),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )?;
    ctx(&c).vars.set(Some(vars));
    Ok(c)
}

/// The context's mapping (a new reference).
fn ctx_vars(c: &PyRef) -> PyResult<PyRef> {
    match ctx(c).vars.get_owned() {
        Some(v) => Ok(v),
        None => hamt_new(VarMap::default()),
    }
}

fn context_tp_new(_cls: &PyRef, args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    if !args.is_empty() {
        return Err(PyErr::type_error("Context() does not accept any arguments"));
    }
    context_new(hamt_new(VarMap::default())?)
}

fn check_key(key: &PyRef) -> PyResult<()> {
    if key.is_exact::<PyContextVar>() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "a ContextVar key was expected, got {}",
            protocol::repr_string(key)?
        )))
    }
}

fn context_iter(o: &PyRef) -> PyResult<PyRef> {
    hamt_iter_new(&ctx_vars(o)?, &HAMT_KEYS_TYPE)
}

fn context_keys(o: &PyRef) -> PyResult<PyRef> {
    hamt_iter_new(&ctx_vars(o)?, &HAMT_KEYS_TYPE)
}

fn context_values(o: &PyRef) -> PyResult<PyRef> {
    hamt_iter_new(&ctx_vars(o)?, &HAMT_VALUES_TYPE)
}

fn context_items(o: &PyRef) -> PyResult<PyRef> {
    hamt_iter_new(&ctx_vars(o)?, &HAMT_ITEMS_TYPE)
}

fn context_len(o: &PyRef) -> PyResult<usize> {
    Ok(hamt_map(&ctx_vars(o)?).entries.len())
}

fn context_subscript(o: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    check_key(key)?;
    hamt_find(&ctx_vars(o)?, key).ok_or_else(|| PyErr::key_error(key.clone()))
}

fn context_contains(o: &PyRef, key: &PyRef) -> PyResult<bool> {
    check_key(key)?;
    Ok(hamt_find(&ctx_vars(o)?, key).is_some())
}

fn context_get_meth(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("get", args.len(), 1, 2)?;
    check_key(&args[0])?;
    match hamt_find(&ctx_vars(o)?, &args[0]) {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(none)),
    }
}

fn context_copy(o: &PyRef) -> PyResult<PyRef> {
    context_new(ctx_vars(o)?)
}

/// `_PyHamt_Eq`: same length and equal values under the same keys.
fn context_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !v.is_exact::<PyContext>() || !w.is_exact::<PyContext>() {
        return Ok(not_implemented());
    }
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let a = ctx_vars(v)?;
    let b = ctx_vars(w)?;
    let mut eq = true;
    if !a.is(&b) {
        let ea = hamt_map(&a).entries.clone();
        if ea.len() != hamt_map(&b).entries.len() {
            eq = false;
        } else {
            for (k, va) in ea {
                match hamt_find(&b, &k) {
                    None => {
                        eq = false;
                        break;
                    }
                    Some(vb) => {
                        if !protocol::rich_compare_bool(&va, &vb, CompareOp::Eq)? {
                            eq = false;
                            break;
                        }
                    }
                }
            }
        }
    }
    Ok(py_bool(if op == CompareOp::Ne { !eq } else { eq }))
}

fn context_enter(c: &PyRef) -> PyResult<()> {
    let p = ctx(c);
    if p.entered.get() {
        return Err(PyErr::runtime_error(format!(
            "cannot enter context: {} is already entered",
            protocol::repr_string(c)?
        )));
    }
    let prev = ts_set_current(Some(c.clone()));
    p.entered.set(true);
    drop(p.prev.set(prev));
    Ok(())
}

fn context_exit(c: &PyRef) -> PyResult<()> {
    let p = ctx(c);
    if !p.entered.get() {
        return Err(PyErr::runtime_error(format!(
            "cannot exit context: {} has not been entered",
            protocol::repr_string(c)?
        )));
    }
    if !ts_current().is_some_and(|cur| cur.is(c)) {
        return Err(PyErr::runtime_error(
            "cannot exit context: thread state references a different context object",
        ));
    }
    let prev = p.prev.take();
    p.entered.set(false);
    drop(ts_set_current(prev));
    Ok(())
}

fn context_run(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = crate::objects::slice::nkw(kwnames);
    if args.len() <= nkw {
        return Err(PyErr::type_error(
            "run() missing 1 required positional argument",
        ));
    }
    context_enter(o)?;
    let res = protocol::call(&args[0], &args[1..], kwnames);
    context_exit(o)?;
    res
}

// ---------------------------------------------------------------------------
// ContextVar

#[repr(C)]
pub struct PyContextVar {
    pub ob_base: PyObject,
    name: ObjCell,
    default: ObjCell,
    hash: Cell<isize>,
}

// SAFETY: repr(C), header first; the type is CONTEXTVAR_TYPE.
unsafe impl PyPayload for PyContextVar {
    fn type_object() -> &'static PyType {
        &CONTEXTVAR_TYPE
    }
}

pub static CONTEXTVAR_TYPE: PyType = PyType {
    tp_name: "_contextvars.ContextVar",
    tp_basicsize: Cell::new(std::mem::size_of::<PyContextVar>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_var),
    tp_traverse: Cell::new(Some(traverse_var)),
    tp_clear: Cell::new(Some(drop_var)),
    tp_new: Cell::new(Some(var_tp_new)),
    tp_hash: Cell::new(Some(var_hash)),
    tp_repr: Cell::new(Some(var_repr)),
    tp_getset: &[GetSetDef::getter("name", |o| {
        Ok(var(o).name.get_owned().unwrap_or_else(none))
    })],
    tp_methods: &[
        MethodDef::new("get", Meth::Fast(var_get)),
        MethodDef::new("set", Meth::O(var_set)),
        MethodDef::new("reset", Meth::O(var_reset)),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    ..PyType::BASE
};

unsafe fn drop_var(obj: *mut PyObject) {
    // SAFETY: obj is a context variable (dead, or being cleared).
    unsafe {
        let v = &*(obj as *const PyContextVar);
        drop(v.name.take());
        drop(v.default.take());
    }
}

unsafe fn traverse_var(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live context variable.
    unsafe {
        let v = &*(obj as *const PyContextVar);
        for f in [&v.name, &v.default] {
            if let Some(x) = f.get() {
                visit(x.as_ptr());
            }
        }
    }
}

fn var(o: &PyRef) -> &PyContextVar {
    // SAFETY: the slots and methods of ContextVar get context variables (no subclasses).
    unsafe { o.payload_unchecked::<PyContextVar>() }
}

fn var_tp_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let default = kw.take("default").cloned();
    kw.finish("ContextVar")?;
    match kw.pos.len() {
        1 => {}
        0 => {
            return Err(PyErr::type_error(
                "ContextVar() takes exactly 1 positional argument (0 given)",
            ))
        }
        n => {
            return Err(PyErr::type_error(format!(
                "ContextVar() takes at most 1 positional argument ({n} given)"
            )))
        }
    }
    let name = kw.pos[0].clone();
    if !name.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    let v = alloc_object(
        &CONTEXTVAR_TYPE,
        PyContextVar {
            ob_base: PyObject::NEW,
            name: ObjCell::empty(),
            default: ObjCell::empty(),
            hash: Cell::new(0),
        },
    )?;
    let name_hash = protocol::hash(&name)?;
    let h = crate::objects::float::hash_pointer(v.id()) ^ name_hash;
    let p = var(&v);
    p.hash.set(if h == -1 { -2 } else { h });
    p.name.set(Some(name));
    p.default.set(default);
    Ok(v)
}

fn var_hash(o: &PyRef) -> PyResult<isize> {
    Ok(var(o).hash.get())
}

fn var_repr(o: &PyRef) -> PyResult<PyRef> {
    let p = var(o);
    let mut s = String::from("<ContextVar name=");
    if let Some(n) = p.name.get_owned() {
        s.push_str(&protocol::repr_string(&n)?);
    }
    if let Some(d) = p.default.get_owned() {
        s.push_str(" default=");
        s.push_str(&protocol::repr_string(&d)?);
    }
    s.push_str(&format!(" at {:#x}>", o.id()));
    PyStr::new(&s)
}

fn var_get(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("get", args.len(), 0, 1)?;
    if let Some(c) = ts_current() {
        if let Some(v) = hamt_find(&ctx_vars(&c)?, o) {
            return Ok(v);
        }
    }
    if let Some(d) = args.first() {
        return Ok(d.clone());
    }
    if let Some(d) = var(o).default.get_owned() {
        return Ok(d);
    }
    Err(PyErr::with_args(
        &crate::objects::exceptions::LOOKUP_ERROR,
        std::slice::from_ref(o),
    ))
}

/// `contextvar_set`: the current context gets a mapping with `val` under `v`.
fn contextvar_set(v: &PyRef, val: PyRef) -> PyResult<()> {
    let c = context_get()?;
    let p = ctx(&c);
    let vars = match p.vars.take() {
        Some(h) => h,
        None => hamt_new(VarMap::default())?,
    };
    let new = hamt_assoc(vars, v.clone(), val);
    match new {
        Ok(h) => {
            drop(p.vars.set(Some(h)));
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `contextvar_del`.
fn contextvar_del(v: &PyRef) -> PyResult<()> {
    let c = context_get()?;
    let p = ctx(&c);
    let vars = ctx_vars(&c)?;
    drop(p.vars.take());
    let keep = vars.clone();
    match hamt_without(vars, v) {
        Ok(Some(h)) => {
            drop(keep);
            drop(p.vars.set(Some(h)));
            Ok(())
        }
        Ok(None) => {
            drop(p.vars.set(Some(keep)));
            Err(PyErr::with_args(
                &crate::objects::exceptions::LOOKUP_ERROR,
                std::slice::from_ref(v),
            ))
        }
        Err(e) => {
            drop(p.vars.set(Some(keep)));
            Err(e)
        }
    }
}

fn var_set(o: &PyRef, value: &PyRef) -> PyResult<PyRef> {
    let c = context_get()?;
    let old = hamt_find(&ctx_vars(&c)?, o);
    let tok = alloc_object(
        &TOKEN_TYPE,
        PyToken {
            ob_base: PyObject::NEW,
            ctx: ObjCell::empty(),
            var: ObjCell::empty(),
            old: ObjCell::empty(),
            used: Cell::new(false),
        },
    )?;
    let t = token(&tok);
    t.ctx.set(Some(c));
    t.var.set(Some(o.clone()));
    t.old.set(old);
    contextvar_set(o, value.clone())?;
    Ok(tok)
}

fn var_reset(o: &PyRef, tokobj: &PyRef) -> PyResult<PyRef> {
    if !tokobj.is_exact::<PyToken>() {
        return Err(PyErr::type_error(format!(
            "expected an instance of Token, got {}",
            protocol::repr_string(tokobj)?
        )));
    }
    let t = token(tokobj);
    if t.used.get() {
        return Err(PyErr::runtime_error(format!(
            "{} has already been used once",
            protocol::repr_string(tokobj)?
        )));
    }
    if !t.var.get().is_some_and(|v| v.is(o)) {
        return Err(PyErr::value_error(format!(
            "{} was created by a different ContextVar",
            protocol::repr_string(tokobj)?
        )));
    }
    let c = context_get()?;
    if !t.ctx.get().is_some_and(|tc| tc.is(&c)) {
        return Err(PyErr::value_error(format!(
            "{} was created in a different Context",
            protocol::repr_string(tokobj)?
        )));
    }
    t.used.set(true);
    match t.old.get_owned() {
        None => contextvar_del(o)?,
        Some(old) => contextvar_set(o, old)?,
    }
    Ok(none())
}

// ---------------------------------------------------------------------------
// Token

#[repr(C)]
pub struct PyToken {
    pub ob_base: PyObject,
    ctx: ObjCell,
    var: ObjCell,
    old: ObjCell,
    used: Cell<bool>,
}

// SAFETY: repr(C), header first; the type is TOKEN_TYPE.
unsafe impl PyPayload for PyToken {
    fn type_object() -> &'static PyType {
        &TOKEN_TYPE
    }
}

pub static TOKEN_TYPE: PyType = PyType {
    tp_name: "_contextvars.Token",
    tp_basicsize: Cell::new(std::mem::size_of::<PyToken>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_token),
    tp_traverse: Cell::new(Some(traverse_token)),
    tp_clear: Cell::new(Some(drop_token)),
    tp_new: Cell::new(Some(token_tp_new)),
    tp_hash: Cell::new(Some(hash_by_tp_name)),
    tp_repr: Cell::new(Some(token_repr)),
    tp_getset: &[
        GetSetDef::getter("var", |o| Ok(token(o).var.get_owned().unwrap_or_else(none))),
        GetSetDef::getter("old_value", |o| {
            Ok(token(o).old.get_owned().unwrap_or_else(missing))
        }),
    ],
    tp_methods: &[MethodDef::class(
        "__class_getitem__",
        Meth::O(crate::objects::list::class_getitem),
    )],
    ..PyType::BASE
};

unsafe fn drop_token(obj: *mut PyObject) {
    // SAFETY: obj is a token (dead, or being cleared).
    unsafe {
        let t = &*(obj as *const PyToken);
        drop(t.ctx.take());
        drop(t.var.take());
        drop(t.old.take());
    }
}

unsafe fn traverse_token(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live token.
    unsafe {
        let t = &*(obj as *const PyToken);
        for f in [&t.ctx, &t.var, &t.old] {
            if let Some(x) = f.get() {
                visit(x.as_ptr());
            }
        }
    }
}

fn token(o: &PyRef) -> &PyToken {
    // SAFETY: the slots of Token get tokens (no subclasses).
    unsafe { o.payload_unchecked::<PyToken>() }
}

fn token_tp_new(_cls: &PyRef, _args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    Err(PyErr::runtime_error(
        "Tokens can only be created by ContextVars",
    ))
}

fn token_repr(o: &PyRef) -> PyResult<PyRef> {
    let t = token(o);
    let mut s = String::from("<Token");
    if t.used.get() {
        s.push_str(" used");
    }
    s.push_str(" var=");
    if let Some(v) = t.var.get_owned() {
        s.push_str(&protocol::repr_string(&v)?);
    }
    s.push_str(&format!(" at {:#x}>", o.id()));
    PyStr::new(&s)
}

pub static MISSING_TYPE: PyType = PyType {
    tp_name: "Token.MISSING",
    tp_basicsize: Cell::new(std::mem::size_of::<PySingleton>()),
    tp_repr: Cell::new(Some(|_| PyStr::new("<Token.MISSING>"))),
    ..PyType::BASE
};

static MISSING: PySingleton = PySingleton {
    ob_base: PyObject::immortal(&MISSING_TYPE),
};

fn missing() -> PyRef {
    PyRef::from_static(&MISSING)
}

// ---------------------------------------------------------------------------
// The module.

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &HAMT_TYPE,
    &HAMT_KEYS_TYPE,
    &HAMT_VALUES_TYPE,
    &HAMT_ITEMS_TYPE,
    &CONTEXT_TYPE,
    &CONTEXTVAR_TYPE,
    &TOKEN_TYPE,
    &MISSING_TYPE,
];

fn m_copy_context(_m: &PyRef) -> PyResult<PyRef> {
    let c = context_get()?;
    context_new(ctx_vars(&c)?)
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new("copy_context", Meth::NoArgs(m_copy_context))];

/// Creates the `_contextvars` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_contextvars")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    if let Some(d) = TOKEN_TYPE.dict().and_then(|d| d.downcast::<PyDict>()) {
        d.set_str("MISSING", missing())?;
        crate::objects::type_::type_modified(&TOKEN_TYPE);
    }
    let md = m.downcast::<PyModule>().map(|p| p.dict());
    if let Some(md) = md {
        if let Some(d) = md.downcast::<PyDict>() {
            d.set_str("Context", CONTEXT_TYPE.as_pyref())?;
            d.set_str("ContextVar", CONTEXTVAR_TYPE.as_pyref())?;
            d.set_str("Token", TOKEN_TYPE.as_pyref())?;
        }
    }
    Ok(m)
}
