//! Inline caches of the evaluation loop, after CPython 3.11's specialized
//! instructions (`LOAD_GLOBAL_MODULE`/`_BUILTIN`, `LOAD_ATTR_WITH_HINT`,
//! `LOAD_ATTR_MODULE`, `LOAD_METHOD_NO_DICT`/`_WITH_DICT`/`_MODULE`,
//! `STORE_ATTR_WITH_HINT` in `Python/ceval.c`, chosen by
//! `Python/specialize.c`).
//!
//! Each cached instruction owns one [`InlineCache`] entry of its code object
//! (see `PyCode::xcode`). An entry records what the instruction found, under
//! tags that change whenever that finding could change:
//! - a dict's `version`, which comes from one counter for all dicts and
//!   changes on every mutation, so equal versions mean the same dict in the
//!   same state, with the same values alive in it;
//! - a type's `tp_version_tag`, which is cleared whenever the type, a base
//!   or its MRO changes (the method cache relies on it the same way).
//!
//! Deviation from CPython: the instructions are not rewritten; each one
//! checks its entry, and a miss runs the generic code and refills the
//! entry. Every hit gives exactly what the generic code would give; the
//! misses and every error go through the generic code.

use std::cell::Cell;

use crate::object::*;
use crate::objects::code::InlineCache;
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;

/// The entry's `tag` holds a kind in its high half and a type version tag
/// in its low half.
const KIND_INSTANCE: u64 = 1 << 32;
const KIND_MODULE: u64 = 2 << 32;
const KIND_METHOD: u64 = 3 << 32;
const KIND_SLOT: u64 = 4 << 32;
/// The kind half of a tag.
const KIND_MASK: u64 = !0xffff_ffff;

/// The byte offset of the `__slots__` member `name` of `ty`, when the type
/// has a member descriptor there that applies to its instances
/// (`LOAD_ATTR_SLOT`, `STORE_ATTR_SLOT`).
fn slot_offset(ty: &PyType, a: &PyRef) -> Option<usize> {
    let d = a.downcast_exact::<crate::objects::type_::heap::PyMemberDescr>()?;
    if d.def.is_some() {
        return None; // a built-in type's computed member, not a slot
    }
    // SAFETY: a member descriptor's class outlives it.
    if !ty.is_subtype(unsafe { &*d.objclass }) {
        return None;
    }
    Some(d.offset)
}

/// The `__slots__` member at `offset` of `obj`.
///
/// # Safety
/// `obj`'s type lays out a member at `offset` (its tag is the one a
/// [`slot_offset`] was found under).
#[inline(always)]
unsafe fn slot_at(obj: &PyRef, offset: usize) -> *mut Option<PyRef> {
    // SAFETY: the caller's contract.
    unsafe { (obj.as_ptr() as *mut u8).add(offset) as *mut Option<PyRef> }
}

/// Fills an entry for the `__slots__` member `a` of `ty`, if it is one.
fn fill_slot(c: &Cell<InlineCache>, ty: &PyType, a: &PyRef) -> bool {
    let Some(off) = slot_offset(ty, a) else {
        return false;
    };
    let tag = ty.tp_version_tag.get();
    if tag != 0 {
        c.set(InlineCache {
            tag: KIND_SLOT | tag as u64,
            aux: off as u64,
            ptr: std::ptr::null(),
            backoff: BACKOFF,
        });
    }
    true
}

/// Misses let pass after each refill of an attribute entry.
const BACKOFF: u32 = 16;

/// Whether a miss should refill the entry (else counts the miss down).
#[inline(always)]
fn refill_due(c: &Cell<InlineCache>) -> bool {
    let mut e = c.get();
    if e.backoff > 0 {
        e.backoff -= 1;
        c.set(e);
        return false;
    }
    e.backoff = BACKOFF;
    c.set(e);
    true
}

/// The cache entry of the instruction at `lasti`, if it has one.
#[inline(always)]
pub fn entry<'a>(
    units: &[u16],
    caches: &'a [Cell<InlineCache>],
    lasti: usize,
) -> Option<&'a Cell<InlineCache>> {
    let i = *units.get(lasti + 1)? as usize;
    caches.get(i.wrapping_sub(1))
}

/// A borrowed reference of a cache hit as an owned one.
///
/// # Safety
/// `p` is a live object (its owner is alive and unchanged, by the tags).
#[inline(always)]
unsafe fn owned(p: *const PyObject) -> PyRef {
    // SAFETY: the caller's contract.
    unsafe { PyRef::from_borrowed(p) }
}

/// The instance dict of `obj` without a new reference (valid while `obj`
/// keeps it and no code runs).
#[inline(always)]
fn instance_dict(obj: &PyRef) -> Option<&PyDict> {
    // SAFETY: obj is live; its dict slot (if any) holds a dict or nothing.
    unsafe {
        let slot = dict_slot(obj.as_ptr())?;
        (*slot).as_ref().map(|d| d.payload_unchecked::<PyDict>())
    }
}

fn generic_getattro(ty: &PyType) -> bool {
    match ty.tp_getattro.get() {
        None => true,
        Some(f) => std::ptr::eq(
            f as *const (),
            crate::objects::object::generic_getattr as *const (),
        ),
    }
}

fn generic_setattro(ty: &PyType) -> bool {
    match ty.tp_setattro.get() {
        None => false,
        Some(f) => std::ptr::eq(
            f as *const (),
            crate::objects::object::generic_setattr as *const (),
        ),
    }
}

/// The module dict of an exact module.
#[inline(always)]
fn module_dict(obj: &PyRef) -> Option<&PyDict> {
    let m = obj.downcast_exact::<PyModule>()?;
    // SAFETY: a module's dict is set at creation and is a dict.
    unsafe {
        (*m.dict.get())
            .as_ref()
            .and_then(|d| d.downcast_exact::<PyDict>())
    }
}

// ---------------------------------------------------------------------------
// LOAD_GLOBAL: tag = globals version, aux = builtins version, ptr = value.

/// A hit of `LOAD_GLOBAL`'s entry.
#[inline(always)]
pub fn load_global(c: &Cell<InlineCache>, globals: &PyRef, builtins: &PyRef) -> Option<PyRef> {
    let e = c.get();
    if e.ptr.is_null() {
        return None;
    }
    let g = globals.downcast_exact::<PyDict>()?;
    let b = builtins.downcast_exact::<PyDict>()?;
    if e.tag == g.version.get() && e.aux == b.version.get() {
        // SAFETY: both dicts are in the state the value was found in, so one of them still holds it.
        return Some(unsafe { owned(e.ptr) });
    }
    None
}

/// The versions of globals and builtins, when both are exact dicts.
#[inline(always)]
pub fn global_versions(globals: &PyRef, builtins: &PyRef) -> Option<(u64, u64)> {
    Some((
        globals.downcast_exact::<PyDict>()?.version.get(),
        builtins.downcast_exact::<PyDict>()?.version.get(),
    ))
}

/// Fills `LOAD_GLOBAL`'s entry after a lookup that found `v` with both
/// dicts at versions `before` all along.
pub fn fill_global(
    c: &Cell<InlineCache>,
    globals: &PyRef,
    builtins: &PyRef,
    before: Option<(u64, u64)>,
    v: &PyRef,
) {
    if let Some(b) = before {
        if global_versions(globals, builtins) == Some(b) {
            c.set(InlineCache {
                tag: b.0,
                aux: b.1,
                ptr: v.as_ptr(),
                backoff: BACKOFF,
            });
        }
    }
}

// ---------------------------------------------------------------------------
// LOAD_ATTR.
// KIND_INSTANCE | type tag: no data descriptor of that name on the type
// (tp_getattro generic); aux = entry index hint in the instance dict.
// KIND_MODULE: aux = module dict version, ptr = value.

/// `LOAD_ATTR` through its entry; `None` when the generic path must run
/// (the entry is then refilled by [`fill_load_attr`]).
#[inline(always)]
pub fn load_attr(c: &Cell<InlineCache>, owner: &PyRef, name: &PyRef) -> Option<PyRef> {
    let e = c.get();
    let ty = owner.ty();
    if e.tag == KIND_INSTANCE | ty.tp_version_tag.get() as u64 {
        let d = instance_dict(owner)?;
        if let Some(v) = d.value_at_if_key(e.aux as usize, name) {
            return Some(v);
        }
        // Another entry index: find it (a str key compares without running
        // code unless the dict holds keys of other types; then give up).
        let d2 = PyRef::clone(
            // SAFETY: obj is live and has a dict (just read).
            unsafe { (*dict_slot(owner.as_ptr())?).as_ref()? },
        );
        // SAFETY: d2 is a dict (the dict slot holds dicts).
        let dd = unsafe { d2.payload_unchecked::<PyDict>() };
        let ix = dd.index_of(name).ok()??;
        if e.tag != KIND_INSTANCE | owner.ty().tp_version_tag.get() as u64 {
            return None;
        }
        c.set(InlineCache {
            aux: ix as u64,
            ..e
        });
        return dd.value_at_if_key(ix, name);
    }
    if e.tag == KIND_SLOT | ty.tp_version_tag.get() as u64 {
        // SAFETY: the type (by its tag) lays out the member at that offset.
        return unsafe { (*slot_at(owner, e.aux as usize)).clone() };
    }
    if e.tag == KIND_MODULE {
        let d = module_dict(owner)?;
        if e.aux == d.version.get() && !e.ptr.is_null() {
            // SAFETY: the module dict is unchanged, so it holds the value.
            return Some(unsafe { owned(e.ptr) });
        }
    }
    None
}

/// Refills `LOAD_ATTR`'s entry for `owner` (after the generic path).
pub fn fill_load_attr(c: &Cell<InlineCache>, owner: &PyRef, name: &PyRef) {
    if refill_due(c) {
        fill_load_attr_now(c, owner, name);
    }
}

fn fill_load_attr_now(c: &Cell<InlineCache>, owner: &PyRef, name: &PyRef) {
    if let Some(d) = module_dict(owner) {
        if crate::objects::type_::lookup(owner.ty(), name).is_some() {
            return;
        }
        let before = d.version.get();
        let Ok(Some(ix)) = d.index_of(name) else {
            return;
        };
        let Some(d) = module_dict(owner) else { return };
        if d.version.get() != before {
            return;
        }
        if let Some(v) = d.value_at_if_key(ix, name) {
            c.set(InlineCache {
                tag: KIND_MODULE,
                aux: before,
                ptr: v.as_ptr(),
                backoff: BACKOFF,
            });
        }
        return;
    }
    let ty = owner.ty();
    if !generic_getattro(ty) {
        return;
    }
    if let Some(a) = crate::objects::type_::lookup(ty, name) {
        if fill_slot(c, ty, &a) || a.ty().tp_descr_set.get().is_some() {
            return;
        }
    }
    if ty.tp_dictoffset.get() == 0 {
        return;
    }
    let tag = ty.tp_version_tag.get();
    if tag == 0 {
        return;
    }
    let ix = match instance_dict(owner) {
        Some(_) => {
            let d = PyRef::clone(
                // SAFETY: as in `load_attr`.
                match unsafe { dict_slot(owner.as_ptr()).and_then(|s| (*s).as_ref()) } {
                    Some(d) => d,
                    None => return,
                },
            );
            // SAFETY: a dict slot holds a dict.
            match unsafe { d.payload_unchecked::<PyDict>() }.index_of(name) {
                Ok(Some(ix)) => ix,
                _ => 0,
            }
        }
        None => 0,
    };
    if ty.tp_version_tag.get() == tag {
        c.set(InlineCache {
            tag: KIND_INSTANCE | tag as u64,
            aux: ix as u64,
            ptr: std::ptr::null(),
            backoff: BACKOFF,
        });
    }
}

// ---------------------------------------------------------------------------
// LOAD_METHOD.
// KIND_METHOD | type tag: ptr = the method descriptor found on the type
// (held by a dict of the MRO while the tag is valid), tp_getattro generic.
// KIND_MODULE: as for LOAD_ATTR.

/// Whether a `LOAD_METHOD` entry `e` holds the method of a type with
/// version tag `tag`: the one it was filled for (`tag`), or a second type
/// whose lookup found the same descriptor (`aux`; a subclass inheriting
/// the method, as at the polymorphic call sites of class hierarchies). Each
/// tag alone keeps the descriptor alive: while it is unchanged, a dict of
/// that type's MRO holds it.
#[inline(always)]
fn method_hit(e: &InlineCache, tag: u32) -> bool {
    let want = KIND_METHOD | tag as u64;
    e.tag == want || (e.tag & KIND_MASK == KIND_METHOD && e.aux == want)
}

/// `LOAD_METHOD` through its entry: (method or None, self or attribute).
#[inline(always)]
pub fn load_method(
    c: &Cell<InlineCache>,
    owner: &PyRef,
    name: &PyRef,
) -> Option<(Option<PyRef>, PyRef)> {
    let e = c.get();
    let ty = owner.ty();
    if method_hit(&e, ty.tp_version_tag.get()) {
        if let Some(d) = instance_dict(owner) {
            if !d.is_empty() {
                // A shadowing instance attribute? (A str key compares
                // without running code unless the dict holds keys of other
                // types; then the generic path decides.)
                let dref = PyRef::clone(
                    // SAFETY: the dict just read.
                    unsafe { (*dict_slot(owner.as_ptr())?).as_ref()? },
                );
                // SAFETY: a dict slot holds a dict.
                let dd = unsafe { dref.payload_unchecked::<PyDict>() };
                match dd.index_of(name) {
                    Ok(None) => {}
                    _ => return None,
                }
                if !method_hit(&e, owner.ty().tp_version_tag.get()) {
                    return None;
                }
            }
        }
        // SAFETY: the type's tag is unchanged, so a dict of its MRO holds the descriptor.
        return Some((Some(unsafe { owned(e.ptr) }), owner.clone()));
    }
    if e.tag == KIND_MODULE {
        let d = module_dict(owner)?;
        if e.aux == d.version.get() && !e.ptr.is_null() {
            // SAFETY: the module dict is unchanged, so it holds the value.
            return Some((None, unsafe { owned(e.ptr) }));
        }
    }
    None
}

/// Refills `LOAD_METHOD`'s entry for `owner` (after the generic path).
pub fn fill_load_method(c: &Cell<InlineCache>, owner: &PyRef, name: &PyRef) {
    if !refill_due(c) {
        return;
    }
    if module_dict(owner).is_some() {
        fill_load_attr_now(c, owner, name);
        return;
    }
    let ty = owner.ty();
    if !generic_getattro(ty) {
        return;
    }
    let Some(a) = crate::objects::type_::lookup(ty, name) else {
        return;
    };
    if !a.ty().has_flag(TypeFlags::METHOD_DESCRIPTOR) {
        return;
    }
    let tag = ty.tp_version_tag.get();
    if tag == 0 {
        return;
    }
    let e = c.get();
    if e.tag & KIND_MASK == KIND_METHOD && std::ptr::eq(e.ptr, a.as_ptr()) {
        // The same descriptor as the entry's type: this type becomes the
        // entry's second one (see `method_hit`).
        c.set(InlineCache {
            aux: KIND_METHOD | tag as u64,
            backoff: BACKOFF,
            ..e
        });
        return;
    }
    c.set(InlineCache {
        tag: KIND_METHOD | tag as u64,
        aux: 0,
        ptr: a.as_ptr(),
        backoff: BACKOFF,
    });
}

// ---------------------------------------------------------------------------
// STORE_ATTR: KIND_INSTANCE | type tag: no data descriptor of that name on
// the type, tp_setattro generic; aux = entry index hint.

/// `STORE_ATTR` through its entry: `Ok` with the store's outcome, or
/// `Err(value)` back when the generic path must run.
#[inline(always)]
pub fn store_attr(
    c: &Cell<InlineCache>,
    owner: &PyRef,
    name: &PyRef,
    value: PyRef,
) -> Result<PyResult<()>, PyRef> {
    let e = c.get();
    let tag = owner.ty().tp_version_tag.get() as u64;
    if e.tag == KIND_SLOT | tag {
        // SAFETY: the type (by its tag) lays out the member at that offset; the old value is dropped after the write.
        let old = unsafe { (*slot_at(owner, e.aux as usize)).replace(value) };
        drop(old);
        return Ok(Ok(()));
    }
    if e.tag != KIND_INSTANCE | tag {
        return Err(value);
    }
    if let Some(d) = instance_dict(owner) {
        match d.replace_at_if_key(e.aux as usize, name, value) {
            Ok(old) => {
                drop(old);
                return Ok(Ok(()));
            }
            Err(v) => return Ok(store_in_dict(owner, name, v)),
        }
    }
    Ok(store_in_dict(owner, name, value))
}

/// The store of `PyObject_GenericSetAttr` once the type is known to have
/// no data descriptor `name`: into the instance dict, made if missing.
fn store_in_dict(owner: &PyRef, name: &PyRef, value: PyRef) -> PyResult<()> {
    match crate::objects::object::instance_dict(owner, true)? {
        // SAFETY: a dict slot holds a dict.
        Some(d) => unsafe { d.payload_unchecked::<PyDict>() }.set_item(name.clone(), value),
        None => crate::object::protocol::setattr(owner, name, Some(&value)),
    }
}

/// Refills `STORE_ATTR`'s entry for `owner` (after the generic path).
pub fn fill_store_attr(c: &Cell<InlineCache>, owner: &PyRef, name: &PyRef) {
    if !refill_due(c) {
        return;
    }
    let ty = owner.ty();
    if !generic_setattro(ty) || !name.is_exact::<crate::objects::str::PyStr>() {
        return;
    }
    if let Some(a) = crate::objects::type_::lookup(ty, name) {
        if fill_slot(c, ty, &a) || a.ty().tp_descr_set.get().is_some() {
            return;
        }
    }
    if ty.tp_dictoffset.get() == 0 {
        return;
    }
    let tag = ty.tp_version_tag.get();
    if tag == 0 {
        return;
    }
    // The entry index hint, if the attribute is there (else none yet).
    // SAFETY: as in `fill_load_attr`.
    let ix = match unsafe { dict_slot(owner.as_ptr()).and_then(|s| (*s).clone()) } {
        // SAFETY: a dict slot holds a dict.
        Some(d) => match unsafe { d.payload_unchecked::<PyDict>() }.index_of(name) {
            Ok(Some(ix)) => ix,
            Ok(None) => usize::MAX,
            Err(_) => return,
        },
        None => usize::MAX,
    };
    if owner.ty().tp_version_tag.get() == tag && std::ptr::eq(owner.ty(), ty) {
        c.set(InlineCache {
            tag: KIND_INSTANCE | tag as u64,
            aux: ix as u64,
            ptr: std::ptr::null(),
            backoff: BACKOFF,
        });
    }
}
