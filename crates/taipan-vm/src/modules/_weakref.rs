//! The `_weakref` module and the weak reference types (CPython's
//! `Modules/_weakref.c` and `Objects/weakrefobject.c`).
//!
//! A weak reference does not own its referent: it keeps a raw pointer to it
//! and sits in the referent's weak-reference list, a doubly linked list whose
//! head is the raw pointer in the referent's weaklist slot (at the type's
//! `tp_weaklistoffset`). When the referent dies, `generic_dealloc` calls
//! [`clear_weakrefs`] (through `object::WEAKREF_CLEAR_HOOK`), which unlinks
//! every reference, sets its referent to null (dead) and then calls the
//! callbacks, newest first, as `PyObject_ClearWeakRefs` does. As in CPython
//! the basic reference (exact `ref`, no callback) and the basic proxy are kept
//! at the head of the list and reused.

use std::cell::Cell;

use crate::modules::builtins::check_nargs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::exceptions;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::PyStr;

/// The payload of `ref`, `proxy` and `callableproxy` objects
/// (`PyWeakReference`).
#[repr(C)]
pub struct PyWeakref {
    pub ob_base: PyObject,
    /// The referent (borrowed); null once it died.
    pub wr_object: Cell<*mut PyObject>,
    pub wr_callback: ObjCell,
    /// The referent's hash, cached (-1: not computed).
    pub hash: Cell<isize>,
    pub wr_prev: Cell<*mut PyObject>,
    pub wr_next: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first; the proxy types share the layout.
unsafe impl PyPayload for PyWeakref {
    fn type_object() -> &'static PyType {
        &REF_TYPE
    }
}

pub static REF_TYPE: PyType = PyType {
    tp_name: "weakref.ReferenceType",
    tp_basicsize: Cell::new(std::mem::size_of::<PyWeakref>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_weakref),
    tp_traverse: Cell::new(Some(traverse_weakref)),
    tp_new: Cell::new(Some(ref_new)),
    tp_init: Cell::new(Some(ref_init)),
    tp_call: Cell::new(Some(ref_call)),
    tp_repr: Cell::new(Some(ref_repr)),
    tp_hash: Cell::new(Some(ref_hash)),
    tp_richcompare: Cell::new(Some(ref_richcompare)),
    tp_getset: &[GetSetDef::getter("__callback__", ref_callback)],
    tp_methods: &[MethodDef::class(
        "__class_getitem__",
        Meth::O(crate::objects::list::class_getitem),
    )],
    ..PyType::BASE
};

macro_rules! proxy_type {
    ($name:ident, $tp_name:expr, $call:expr) => {
        pub static $name: PyType = PyType {
            tp_name: $tp_name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyWeakref>()),
            tp_flags: Cell::new(TypeFlags::HAVE_GC),
            tp_drop: Some(drop_weakref),
            tp_traverse: Cell::new(Some(traverse_weakref)),
            tp_call: Cell::new($call),
            tp_repr: Cell::new(Some(proxy_repr)),
            tp_str: Cell::new(Some(proxy_str)),
            tp_hash: Cell::new(Some(proxy_hash)),
            tp_richcompare: Cell::new(Some(proxy_richcompare)),
            tp_getattro: Cell::new(Some(proxy_getattr)),
            tp_setattro: Cell::new(Some(proxy_setattr)),
            tp_iter: Cell::new(Some(proxy_iter)),
            tp_iternext: Cell::new(Some(proxy_iternext)),
            as_number: NumberSlots {
                nb_bool: Cell::new(Some(proxy_bool)),
                ..NumberSlots::EMPTY
            },
            as_sequence: SequenceSlots {
                sq_contains: Cell::new(Some(proxy_contains)),
                ..SequenceSlots::EMPTY
            },
            as_mapping: MappingSlots {
                mp_length: Cell::new(Some(proxy_len)),
                mp_subscript: Cell::new(Some(proxy_getitem)),
                mp_ass_subscript: Cell::new(Some(proxy_setitem)),
            },
            tp_methods: &[
                MethodDef::new("__bytes__", Meth::NoArgs(proxy_bytes)),
                MethodDef::new("__reversed__", Meth::NoArgs(proxy_reversed)),
            ],
            ..PyType::BASE
        };
    };
}

proxy_type!(PROXY_TYPE, "weakref.ProxyType", None);
proxy_type!(
    CALLABLE_PROXY_TYPE,
    "weakref.CallableProxyType",
    Some(proxy_call)
);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE];

fn wr(o: &PyRef) -> &PyWeakref {
    // SAFETY: only called on ref/proxy objects (their slots and methods).
    unsafe { o.payload_unchecked::<PyWeakref>() }
}

/// The referent of a weak reference, if it is alive.
pub fn referent(o: &PyRef) -> Option<PyRef> {
    let p = wr(o).wr_object.get();
    if p.is_null() {
        None
    } else {
        // SAFETY: a non-null wr_object is a live object (cleared when it dies).
        Some(unsafe { PyRef::from_borrowed(p) })
    }
}

/// The address of `obj`'s weak-reference list head, if its type supports
/// weak references.
fn weaklist_slot(obj: *mut PyObject) -> Option<*mut *mut PyObject> {
    // SAFETY: obj is live; its type's offset lies inside its block.
    unsafe {
        let ty = &*(*obj).ob_type.get();
        let off = ty.tp_weaklistoffset.get();
        if off <= 0 {
            return None;
        }
        Some((obj as *mut u8).offset(off) as *mut *mut PyObject)
    }
}

/// Unlinks a weak reference from its referent's list and marks it dead.
fn unlink(w: &PyWeakref, this: *mut PyObject) {
    let obj = w.wr_object.get();
    if obj.is_null() {
        return;
    }
    let prev = w.wr_prev.get();
    let next = w.wr_next.get();
    // SAFETY: the list links are live weak references of the same list; the referent is alive while wr_object is set.
    unsafe {
        if let Some(slot) = weaklist_slot(obj) {
            if *slot == this {
                *slot = next;
            }
        }
        if !prev.is_null() {
            (*(prev as *const PyWeakref)).wr_next.set(next);
        }
        if !next.is_null() {
            (*(next as *const PyWeakref)).wr_prev.set(prev);
        }
    }
    w.wr_prev.set(std::ptr::null_mut());
    w.wr_next.set(std::ptr::null_mut());
    w.wr_object.set(std::ptr::null_mut());
}

unsafe fn drop_weakref(obj: *mut PyObject) {
    // SAFETY: obj is a dead weak reference.
    unsafe {
        let w = &*(obj as *const PyWeakref);
        unlink(w, obj);
        drop(w.wr_callback.take());
    }
}

unsafe fn traverse_weakref(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live weak reference.
    unsafe {
        if let Some(c) = (*(obj as *const PyWeakref)).wr_callback.get() {
            visit(c.as_ptr());
        }
    }
}

/// `PyObject_ClearWeakRefs`: the referent `obj` is dying.
///
/// # Safety
/// `obj` is an object whose count reached zero, with a weaklist slot.
pub unsafe fn clear_weakrefs(obj: *mut PyObject) {
    let Some(slot) = weaklist_slot(obj) else {
        return;
    };
    let mut pending: Vec<(PyRef, PyRef)> = Vec::new();
    // SAFETY: the list holds live weak references (each unlinks itself when it dies); each is taken off the list before anything runs.
    unsafe {
        loop {
            let head = *slot;
            if head.is_null() {
                break;
            }
            let w = &*(head as *const PyWeakref);
            let cb = w.wr_callback.take();
            unlink(w, head);
            if let Some(cb) = cb {
                if (*head).ob_refcnt.get() > 0 {
                    pending.push((PyRef::from_borrowed(head), cb));
                }
            }
        }
    }
    for (r, cb) in pending {
        if let Err(e) = protocol::call1(&cb, std::slice::from_ref(&r)) {
            crate::objects::typeslots::write_unraisable(&cb, e);
        }
    }
}

/// Installs the hook `generic_dealloc` calls for dying referents.
pub fn install() {
    // SAFETY: GIL held; a plain store.
    unsafe { *WEAKREF_CLEAR_HOOK.get_mut() = Some(clear_weakrefs) };
}

fn cannot_weakref(o: &PyRef) -> PyErr {
    PyErr::type_error(format!(
        "cannot create weak reference to '{}' object",
        o.ty().name()
    ))
}

/// Finds the basic reference (exact `ref`, no callback) and basic proxy of
/// `obj`'s list.
fn basic_refs(obj: &PyRef) -> (Option<PyRef>, Option<PyRef>) {
    let Some(slot) = weaklist_slot(obj.as_ptr()) else {
        return (None, None);
    };
    let mut r = None;
    let mut p = None;
    // SAFETY: the list holds live weak references.
    unsafe {
        let mut cur = *slot;
        while !cur.is_null() {
            let w = &*(cur as *const PyWeakref);
            let ty = (*cur).ob_type.get();
            if w.wr_callback.get().is_none() {
                if std::ptr::eq(ty, &REF_TYPE) && r.is_none() {
                    r = Some(PyRef::from_borrowed(cur));
                } else if (std::ptr::eq(ty, &PROXY_TYPE) || std::ptr::eq(ty, &CALLABLE_PROXY_TYPE))
                    && p.is_none()
                {
                    p = Some(PyRef::from_borrowed(cur));
                }
            }
            cur = w.wr_next.get();
        }
    }
    (r, p)
}

/// Makes a weak reference of type `ty` to `obj` and links it in.
fn new_weakref(ty: &PyType, obj: &PyRef, callback: Option<PyRef>) -> PyResult<PyRef> {
    let Some(slot) = weaklist_slot(obj.as_ptr()) else {
        return Err(cannot_weakref(obj));
    };
    let basic = callback.is_none()
        && (std::ptr::eq(ty, &REF_TYPE)
            || std::ptr::eq(ty, &PROXY_TYPE)
            || std::ptr::eq(ty, &CALLABLE_PROXY_TYPE));
    let (bref, bproxy) = basic_refs(obj);
    if basic {
        if std::ptr::eq(ty, &REF_TYPE) {
            if let Some(r) = bref {
                return Ok(r);
            }
        } else if let Some(p) = bproxy {
            return Ok(p);
        }
    }
    let r = alloc_object(
        ty,
        PyWeakref {
            ob_base: PyObject::NEW,
            wr_object: Cell::new(obj.as_ptr()),
            wr_callback: ObjCell::empty(),
            hash: Cell::new(-1),
            wr_prev: Cell::new(std::ptr::null_mut()),
            wr_next: Cell::new(std::ptr::null_mut()),
        },
    )?;
    let w = wr(&r);
    w.wr_callback.set(callback);
    let this = r.as_ptr();
    // Basic refs go first, the basic proxy after the basic ref, and the
    // others after both (CPython's insert_head / insert_after).
    let prev: *mut PyObject = if basic && std::ptr::eq(ty, &REF_TYPE) {
        std::ptr::null_mut()
    } else if basic {
        bref.as_ref().map_or(std::ptr::null_mut(), |b| b.as_ptr())
    } else {
        bproxy
            .as_ref()
            .or(bref.as_ref())
            .map_or(std::ptr::null_mut(), |b| b.as_ptr())
    };
    // SAFETY: the list links are live weak references of obj's list.
    unsafe {
        if prev.is_null() {
            let head = *slot;
            w.wr_next.set(head);
            if !head.is_null() {
                (*(head as *const PyWeakref)).wr_prev.set(this);
            }
            *slot = this;
        } else {
            let pw = &*(prev as *const PyWeakref);
            let next = pw.wr_next.get();
            w.wr_prev.set(prev);
            w.wr_next.set(next);
            pw.wr_next.set(this);
            if !next.is_null() {
                (*(next as *const PyWeakref)).wr_prev.set(this);
            }
        }
    }
    Ok(r)
}

/// `PyWeakref_NewRef`.
pub fn new_ref(obj: &PyRef, callback: Option<PyRef>) -> PyResult<PyRef> {
    new_weakref(&REF_TYPE, obj, callback)
}

fn positional(name: &str, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<usize> {
    let nkw = crate::objects::slice::nkw(kwnames);
    if nkw > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(args.len())
}

fn ref_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("weakref.__new__(X): X is not a type object"))?;
    let n = args
        .len()
        .saturating_sub(crate::objects::slice::nkw(kwnames));
    if n < 1 {
        return Err(PyErr::type_error(format!(
            "__new__ expected at least 1 argument, got {n}"
        )));
    }
    if n > 2 {
        return Err(PyErr::type_error(format!(
            "__new__ expected at most 2 arguments, got {n}"
        )));
    }
    let obj = &args[0];
    let cb = args.get(1).filter(|c| n >= 2 && !c.is_none()).cloned();
    new_weakref(ty, obj, cb)
}

fn ref_init(_s: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<()> {
    Ok(())
}

fn ref_call(r: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let n = positional("weakref", args, kwnames)?;
    if n != 0 {
        return Err(PyErr::type_error(format!(
            "weakref expected 0 arguments, got {n}"
        )));
    }
    Ok(referent(r).unwrap_or_else(none))
}

fn ref_callback(r: &PyRef) -> PyResult<PyRef> {
    Ok(wr(r).wr_callback.get_owned().unwrap_or_else(none))
}

fn ref_repr(r: &PyRef) -> PyResult<PyRef> {
    let s = match referent(r) {
        None => format!("<weakref at {:#x}; dead>", r.id()),
        Some(o) => {
            let name = protocol::lookup_attr(&o, crate::intern!("__name__"))
                .ok()
                .flatten();
            match name {
                Some(n) => format!(
                    "<weakref at {:#x}; to '{}' at {:#x} ({})>",
                    r.id(),
                    o.ty().name(),
                    o.id(),
                    protocol::str_string(&n)?
                ),
                None => format!(
                    "<weakref at {:#x}; to '{}' at {:#x}>",
                    r.id(),
                    o.ty().name(),
                    o.id()
                ),
            }
        }
    };
    PyStr::new(&s)
}

fn ref_hash(r: &PyRef) -> PyResult<isize> {
    let w = wr(r);
    if w.hash.get() != -1 {
        return Ok(w.hash.get());
    }
    let Some(o) = referent(r) else {
        return Err(PyErr::type_error("weak object has gone away"));
    };
    let h = protocol::hash(&o)?;
    w.hash.set(h);
    Ok(h)
}

fn ref_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.is_instance_of::<PyWeakref>() {
        return Ok(not_implemented());
    }
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => protocol::rich_compare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(py_bool(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

// ---------------------------------------------------------------------------
// Proxies.

fn proxy_target(p: &PyRef) -> PyResult<PyRef> {
    referent(p).ok_or_else(|| {
        PyErr::new(
            &exceptions::REFERENCE_ERROR,
            "weakly-referenced object no longer exists",
        )
    })
}

/// Replaces a proxy argument by its referent.
fn unwrap_proxy(o: &PyRef) -> PyResult<PyRef> {
    if std::ptr::eq(o.ty(), &PROXY_TYPE) || std::ptr::eq(o.ty(), &CALLABLE_PROXY_TYPE) {
        proxy_target(o)
    } else {
        Ok(o.clone())
    }
}

fn proxy_repr(p: &PyRef) -> PyResult<PyRef> {
    let s = match referent(p) {
        None => format!("<weakproxy at {:#x}; dead>", p.id()),
        Some(o) => format!(
            "<weakproxy at {:#x}; to '{}' at {:#x}>",
            p.id(),
            o.ty().name(),
            o.id()
        ),
    };
    PyStr::new(&s)
}

fn proxy_hash(p: &PyRef) -> PyResult<isize> {
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        p.ty().tp_name
    )))
}

fn proxy_str(p: &PyRef) -> PyResult<PyRef> {
    protocol::str_(&proxy_target(p)?)
}

fn proxy_getattr(p: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    protocol::getattr(&proxy_target(p)?, name)
}

fn proxy_setattr(p: &PyRef, name: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    protocol::setattr(&proxy_target(p)?, name, v)
}

fn proxy_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let x = unwrap_proxy(a)?;
    let y = unwrap_proxy(b)?;
    protocol::rich_compare(&x, &y, op)
}

fn proxy_iter(p: &PyRef) -> PyResult<PyRef> {
    protocol::get_iter(&proxy_target(p)?)
}

fn proxy_iternext(p: &PyRef) -> PyResult<Option<PyRef>> {
    let o = proxy_target(p)?;
    if o.ty().tp_iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            o.ty().name()
        )));
    }
    protocol::next(&o)
}

fn proxy_bool(p: &PyRef) -> PyResult<bool> {
    protocol::is_true(&proxy_target(p)?)
}

fn proxy_contains(p: &PyRef, v: &PyRef) -> PyResult<bool> {
    protocol::contains(&proxy_target(p)?, v)
}

fn proxy_len(p: &PyRef) -> PyResult<usize> {
    protocol::len(&proxy_target(p)?)
}

fn proxy_getitem(p: &PyRef, k: &PyRef) -> PyResult<PyRef> {
    protocol::get_item(&proxy_target(p)?, k)
}

fn proxy_setitem(p: &PyRef, k: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    protocol::set_item(&proxy_target(p)?, k, v)
}

fn proxy_call(p: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    protocol::call(&proxy_target(p)?, args, kwnames)
}

fn proxy_bytes(p: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&proxy_target(p)?, "__bytes__", &[])
}

fn proxy_reversed(p: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&proxy_target(p)?, "__reversed__", &[])
}

// ---------------------------------------------------------------------------
// The module.

fn w_proxy(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("proxy", args.len(), 1, 2)?;
    let obj = &args[0];
    let cb = args.get(1).filter(|c| !c.is_none()).cloned();
    let ty = if obj.ty().tp_call.get().is_some() {
        &CALLABLE_PROXY_TYPE
    } else {
        &PROXY_TYPE
    };
    new_weakref(ty, obj, cb)
}

fn list_of(obj: &PyRef) -> Vec<PyRef> {
    let mut v = Vec::new();
    if let Some(slot) = weaklist_slot(obj.as_ptr()) {
        // SAFETY: the list holds live weak references.
        unsafe {
            let mut cur = *slot;
            while !cur.is_null() {
                if (*cur).ob_refcnt.get() > 0 {
                    v.push(PyRef::from_borrowed(cur));
                }
                cur = (*(cur as *const PyWeakref)).wr_next.get();
            }
        }
    }
    v
}

/// The `__weakref__` attribute: the first weak reference to `obj`, or None.
pub fn first_weakref(obj: &PyRef) -> PyResult<PyRef> {
    Ok(list_of(obj).into_iter().next().unwrap_or_else(none))
}

fn w_getweakrefcount(_m: &PyRef, obj: &PyRef) -> PyResult<PyRef> {
    PyInt::new(list_of(obj).len() as i64)
}

fn w_getweakrefs(_m: &PyRef, obj: &PyRef) -> PyResult<PyRef> {
    PyList::new(list_of(obj))
}

fn w_remove_dead_weakref(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_remove_dead_weakref", args.len(), 2, 2)?;
    let d = &args[0];
    if !d.is_instance_of::<crate::objects::dict::PyDict>() {
        return Err(PyErr::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            d.ty().name()
        )));
    }
    let key = &args[1];
    match protocol::get_item(d, key) {
        Ok(v) => {
            let dead = v.is_instance_of::<PyWeakref>() && referent(&v).is_none();
            if dead {
                match protocol::set_item(d, key, None) {
                    Ok(()) => {}
                    Err(e) if e.matches(&exceptions::KEY_ERROR) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Err(e) if e.matches(&exceptions::KEY_ERROR) => {}
        Err(e) => return Err(e),
    }
    Ok(none())
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("proxy", Meth::Fast(w_proxy)),
    MethodDef::new("getweakrefcount", Meth::O(w_getweakrefcount)),
    MethodDef::new("getweakrefs", Meth::O(w_getweakrefs)),
    MethodDef::new("_remove_dead_weakref", Meth::Fast(w_remove_dead_weakref)),
];

/// Creates the `_weakref` module.
pub fn init() -> PyResult<PyRef> {
    install();
    let m = PyModule::new("_weakref")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("ref", REF_TYPE.as_pyref())?;
        d.set_str("ReferenceType", REF_TYPE.as_pyref())?;
        d.set_str("ProxyType", PROXY_TYPE.as_pyref())?;
        d.set_str("CallableProxyType", CALLABLE_PROXY_TYPE.as_pyref())?;
        Ok(())
    })?;
    Ok(m)
}

/// Is `op` a weak reference or proxy (`PyWeakref_Check`)?
///
/// # Safety
/// `op` is a live object.
unsafe fn is_weakref(op: *mut PyObject) -> bool {
    // SAFETY: op is live.
    let ty = unsafe { &*(*op).ob_type.get() };
    std::ptr::eq(ty, &REF_TYPE)
        || std::ptr::eq(ty, &PROXY_TYPE)
        || std::ptr::eq(ty, &CALLABLE_PROXY_TYPE)
        || ty.is_subtype(&REF_TYPE)
}

/// For the collector (`handle_weakrefs`): a weak reference that is itself
/// garbage is cleared, so that its callback never runs.
///
/// # Safety
/// `op` is a live object.
pub unsafe fn gc_clear_ref_if_weakref(op: *mut PyObject) {
    // SAFETY: op is live; a weak reference has the PyWeakref layout.
    unsafe {
        if is_weakref(op) {
            unlink(&*(op as *const PyWeakref), op);
        }
    }
}

/// For the collector: clears every weak reference to the unreachable `obj`
/// (`_PyWeakref_ClearRef`, the callbacks are kept) and passes each to `f`
/// after it is unlinked.
///
/// # Safety
/// `obj` is a live object.
pub unsafe fn gc_clear_referent(obj: *mut PyObject, f: &mut dyn FnMut(*mut PyObject)) {
    let Some(slot) = weaklist_slot(obj) else {
        return;
    };
    // SAFETY: the list holds live weak references; each is unlinked before `f` sees it, and `f` runs no Python code.
    unsafe {
        loop {
            let head = *slot;
            if head.is_null() {
                break;
            }
            unlink(&*(head as *const PyWeakref), head);
            f(head);
        }
    }
}

/// Has the weak reference `op` a callback?
///
/// # Safety
/// `op` is a live weak reference.
pub unsafe fn has_callback(op: *mut PyObject) -> bool {
    // SAFETY: the caller promises a weak reference.
    unsafe { (*(op as *const PyWeakref)).wr_callback.get().is_some() }
}

/// The callback of the weak reference `r`.
///
/// # Safety
/// `r` is a weak reference.
pub unsafe fn callback_of(r: &PyRef) -> Option<PyRef> {
    // SAFETY: the caller promises a weak reference.
    unsafe { r.payload_unchecked::<PyWeakref>() }
        .wr_callback
        .get_owned()
}
