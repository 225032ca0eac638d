//! `type` (CPython's `Objects/typeobject.c`): readying static types, attribute
//! lookup along the MRO, `type.__getattribute__`, `type.__call__`.
//!
//! Readying a static type (`PyType_Ready`) sets its metatype and base, copies
//! the slots it leaves empty from its base (`inherit_slots`), computes its MRO
//! (single inheritance for static types: itself, then its base's MRO) and
//! fills its dict with descriptors for its methods and getsets.

use std::cell::Cell;

use crate::object::*;
use crate::objects::descr;
use crate::objects::dict::PyDict;
use crate::objects::object::OBJECT_TYPE;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

pub static TYPE_TYPE: PyType = PyType {
    tp_name: "type",
    tp_basicsize: Cell::new(std::mem::size_of::<PyType>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::TYPE_SUBCLASS),
    tp_getattro: Cell::new(Some(type_getattro)),
    tp_setattro: Cell::new(Some(type_setattro)),
    tp_call: Cell::new(Some(type_call)),
    tp_repr: Cell::new(Some(type_repr)),
    tp_new: Cell::new(Some(crate::objects::type_::heap::type_new)),
    tp_drop: Some(crate::objects::type_::heap::type_drop),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyType, tp_weaklist) as isize),
    as_number: NumberSlots {
        nb_or: Cell::new(Some(crate::objects::type_::heap::union_or)),
        ..NumberSlots::EMPTY
    },
    tp_init: Cell::new(Some(type_init)),
    tp_traverse: Cell::new(Some(crate::objects::type_::heap::type_traverse)),
    tp_clear: Cell::new(Some(crate::objects::type_::heap::type_clear)),
    tp_getset: crate::objects::type_::heap::TYPE_GETSET,
    tp_members: crate::objects::type_::heap::TYPE_MEMBERS,
    tp_methods: crate::objects::type_::heap::TYPE_METHODS,
    tp_doc: Some(
        "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    ),
    ..PyType::BASE
};

// SAFETY: PyType is repr(C) with the var header first.
unsafe impl PyPayload for PyType {
    fn type_object() -> &'static PyType {
        &TYPE_TYPE
    }
}

/// The type an object reference points to, if it is a type.
#[inline]
pub fn as_type(obj: &PyRef) -> Option<&PyType> {
    obj.downcast::<PyType>()
}

/// Copies the slots `ty` leaves empty from `base` (`inherit_slots`).
pub(crate) fn inherit_slots(ty: &PyType, base: &PyType) {
    macro_rules! inherit {
        ($($f:ident).+) => {
            if ty.$($f).+.get().is_none() {
                ty.$($f).+.set(base.$($f).+.get());
            }
        };
    }
    inherit!(tp_repr);
    inherit!(tp_as_buffer);
    inherit!(tp_str);
    inherit!(tp_getattro);
    inherit!(tp_setattro);
    inherit!(tp_call);
    inherit!(tp_iter);
    inherit!(tp_iternext);
    inherit!(tp_descr_get);
    inherit!(tp_descr_set);
    inherit!(tp_init);
    inherit!(tp_new);
    // tp_hash and tp_richcompare are inherited together (a type defining
    // only one of them keeps the other unset).
    if ty.tp_hash.get().is_none() && ty.tp_richcompare.get().is_none() {
        ty.tp_hash.set(base.tp_hash.get());
        ty.tp_richcompare.set(base.tp_richcompare.get());
    }
    let (n, b) = (&ty.as_number, &base.as_number);
    macro_rules! inherit_nb {
        ($($f:ident),*) => { $( if n.$f.get().is_none() { n.$f.set(b.$f.get()); } )* };
    }
    inherit_nb!(
        nb_add,
        nb_subtract,
        nb_multiply,
        nb_remainder,
        nb_divmod,
        nb_power,
        nb_negative,
        nb_positive,
        nb_absolute,
        nb_bool,
        nb_invert,
        nb_lshift,
        nb_rshift,
        nb_and,
        nb_xor,
        nb_or,
        nb_int,
        nb_float,
        nb_inplace_add,
        nb_inplace_subtract,
        nb_inplace_multiply,
        nb_inplace_remainder,
        nb_inplace_power,
        nb_inplace_lshift,
        nb_inplace_rshift,
        nb_inplace_and,
        nb_inplace_xor,
        nb_inplace_or,
        nb_floor_divide,
        nb_true_divide,
        nb_inplace_floor_divide,
        nb_inplace_true_divide,
        nb_index,
        nb_matrix_multiply,
        nb_inplace_matrix_multiply
    );
    let (s, b) = (&ty.as_sequence, &base.as_sequence);
    inherit_nb_seq(s, b);
    let (m, b) = (&ty.as_mapping, &base.as_mapping);
    if m.mp_length.get().is_none() {
        m.mp_length.set(b.mp_length.get());
    }
    if m.mp_subscript.get().is_none() {
        m.mp_subscript.set(b.mp_subscript.get());
    }
    if m.mp_ass_subscript.get().is_none() {
        m.mp_ass_subscript.set(b.mp_ass_subscript.get());
    }
    if ty.tp_dictoffset.get() == 0 {
        ty.tp_dictoffset.set(base.tp_dictoffset.get());
    }
    if ty.tp_traverse.get().is_none() && ty.tp_clear.get().is_none() {
        ty.tp_traverse.set(base.tp_traverse.get());
        ty.tp_clear.set(base.tp_clear.get());
    }
    ty.tp_flags
        .set(ty.tp_flags.get() | (base.tp_flags.get() & TypeFlags::INHERITED));
}

fn inherit_nb_seq(s: &SequenceSlots, b: &SequenceSlots) {
    macro_rules! inh {
        ($($f:ident),*) => { $( if s.$f.get().is_none() { s.$f.set(b.$f.get()); } )* };
    }
    inh!(
        sq_length,
        sq_concat,
        sq_repeat,
        sq_item,
        sq_ass_item,
        sq_contains,
        sq_inplace_concat,
        sq_inplace_repeat
    );
}

/// Hooks other files register to run when a static type is readied: they add
/// slot wrappers (`__add__`, `__repr__`, ...) to the type's dict.
pub type ReadyHook = fn(&'static PyType) -> PyResult<()>;
pub static READY_HOOKS: crate::gil::GilCell<Vec<ReadyHook>> = crate::gil::GilCell::new(Vec::new());

/// `PyType_Ready` for a static type.
pub fn type_ready(ty: &'static PyType) -> PyResult<()> {
    if ty.has_flag(TypeFlags::READY) || ty.has_flag(TypeFlags::READYING) {
        return Ok(());
    }
    ty.tp_flags.set(ty.tp_flags.get() | TypeFlags::READYING);
    if ty.ob_base.ob_base.ob_type.get().is_null() {
        ty.ob_base.ob_base.ob_type.set(&TYPE_TYPE);
    }
    ty.ob_base.ob_base.ob_refcnt.set(IMMORTAL_REFCNT);
    if ty.tp_base.get().is_null() && !std::ptr::eq(ty, &OBJECT_TYPE) {
        ty.tp_base.set(&OBJECT_TYPE);
    }
    let base: Option<&'static PyType> = if ty.tp_base.get().is_null() {
        None
    } else {
        // SAFETY: static types' bases are static.
        Some(unsafe { &*ty.tp_base.get() })
    };
    let mut mro = vec![ty.as_pyref()];
    if let Some(b) = base {
        type_ready(b)?;
        inherit_slots(ty, b);
        if let Some(bm) = b.mro() {
            // SAFETY: an MRO is a tuple of types.
            mro.extend_from_slice(unsafe { crate::objects::tuple::tuple_items_unchecked(bm) });
        }
        drop(ty.tp_bases.set(Some(PyTuple::new(vec![b.as_pyref()])?)));
        heap::add_subclass(&b.as_pyref(), ty)?;
    } else {
        drop(ty.tp_bases.set(Some(crate::objects::tuple::empty_tuple())));
    }
    drop(ty.tp_mro.set(Some(PyTuple::new(mro)?)));
    let dict = PyDict::new()?;
    {
        // SAFETY: the dict was just made.
        let d = unsafe { dict.payload_unchecked::<PyDict>() };
        for def in ty.tp_methods {
            d.set_str(def.name, descr::new_method_descr(ty, def)?)?;
        }
        for def in ty.tp_members {
            d.set_str(def.name, heap::new_member_def(ty, def)?)?;
        }
        for def in ty.tp_getset {
            d.set_str(def.name, descr::new_getset_descr(ty, def)?)?;
        }
        if d.get_str("__doc__")?.is_none() {
            let doc = match ty.tp_doc {
                Some(s) => PyStr::new(descr::split_signature(ty.name(), s).1)?,
                None => crate::objects::none::none(),
            };
            d.set_str("__doc__", doc)?;
        }
    }
    drop(ty.tp_dict.set(Some(dict)));
    // SAFETY: GIL held; hooks are registered before start-up readies types.
    let hooks: Vec<ReadyHook> = unsafe { (*READY_HOOKS.as_ptr()).clone() };
    for h in hooks {
        h(ty)?;
    }
    ty.tp_flags
        .set((ty.tp_flags.get() & !TypeFlags::READYING) | TypeFlags::READY);
    type_modified(ty);
    Ok(())
}

// ---------------------------------------------------------------------------
// The method cache (CPython's `_PyType_Lookup` cache in `typeobject.c`).
//
// A type gets a version tag (unique, never reused; 0 = none) on its first
// cached lookup, after every type of its MRO got one. Any change of a type's
// dict, or of what its lookups depend on, calls [`type_modified`], which
// clears the tag of the type and of all its subclasses (a type with no tag
// has subclasses with no tag, so the walk stops there). An entry is
// (tag, name, value): it answers a lookup of `name` on the type whose tag is
// `tag`. The name is held (so its address cannot be reused while cached);
// the value is borrowed, which is safe because the entry can only hit while
// the tag is valid, that is while the dict holding the value is unchanged.

const MCACHE_SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct MCacheEntry {
    tag: u32,
    name: *mut PyObject,
    value: *const PyObject,
}

static MCACHE: crate::gil::GilCell<[MCacheEntry; MCACHE_SIZE]> = crate::gil::GilCell::new(
    [MCacheEntry {
        tag: 0,
        name: std::ptr::null_mut(),
        value: std::ptr::null(),
    }; MCACHE_SIZE],
);
static NEXT_VERSION_TAG: crate::gil::GilCell<u32> = crate::gil::GilCell::new(1);

/// `PyType_ClearCache` (`sys._clear_type_cache()`): empties the method
/// cache, dropping the names it holds.
pub fn clear_method_cache() {
    for i in 0..MCACHE_SIZE {
        // SAFETY: GIL held; the entry is emptied before its name is dropped.
        let old = unsafe {
            let slot = &mut (*MCACHE.as_ptr())[i];
            let old = slot.name;
            *slot = MCacheEntry {
                tag: 0,
                name: std::ptr::null_mut(),
                value: std::ptr::null(),
            };
            old
        };
        if !old.is_null() {
            // SAFETY: the entry owned one reference to its name.
            drop(unsafe { PyRef::from_raw(old) });
        }
    }
}

/// `PyType_Modified`: forgets the version tag of `ty` and its subclasses.
pub fn type_modified(ty: &PyType) {
    if ty.tp_version_tag.get() == 0 {
        return;
    }
    ty.tp_version_tag.set(0);
    if ty.tp_subclasses.get().is_some() {
        for sub in heap::subclasses_of(ty) {
            if let Some(st) = as_type(&sub) {
                type_modified(st);
            }
        }
    }
}

/// `assign_version_tag`: gives `ty` (and its MRO) a tag; false when the
/// type cannot be cached (tags ran out, or a metaclass computes the MRO).
fn assign_version_tag(ty: &PyType, mro: &PyRef) -> bool {
    if ty.tp_version_tag.get() != 0 {
        return true;
    }
    if !ty.has_flag(TypeFlags::READY) {
        return false;
    }
    let meta = ty.ob_base.ob_base.ob_type.get();
    if !std::ptr::eq(meta, &TYPE_TYPE) {
        // SAFETY: a type's type is a type object.
        let meta = unsafe { &*meta };
        let mine = lookup_uncached(meta, crate::intern!("mro"));
        let base = lookup_uncached(&TYPE_TYPE, crate::intern!("mro"));
        match (mine, base) {
            (Some(a), Some(b)) if a.is(&b) => {}
            _ => return false,
        }
    }
    // SAFETY: an MRO is a tuple of types.
    for t in unsafe { crate::objects::tuple::tuple_items_unchecked(mro) }
        .iter()
        .skip(1)
    {
        // SAFETY: MRO entries are types.
        let t = unsafe { &*(t.as_ptr() as *const PyType) };
        if t.tp_version_tag.get() == 0 {
            let Some(m) = t.mro() else { return false };
            let m = m.clone();
            if !assign_version_tag(t, &m) {
                return false;
            }
        }
    }
    // SAFETY: GIL held; a plain counter.
    let next = unsafe { &mut *NEXT_VERSION_TAG.as_ptr() };
    if *next == 0 {
        return false;
    }
    ty.tp_version_tag.set(*next);
    *next = next.wrapping_add(1);
    true
}

/// `_PyType_Lookup`: the attribute `name` (a str) along `ty`'s MRO, without
/// binding, through the method cache.
#[inline]
pub fn lookup(ty: &PyType, name: &PyRef) -> Option<PyRef> {
    let mut tag = ty.tp_version_tag.get();
    if tag == 0 {
        let Some(mro) = ty.mro() else {
            return lookup_uncached(ty, name);
        };
        let mro = mro.clone();
        if !assign_version_tag(ty, &mro) {
            return lookup_uncached(ty, name);
        }
        tag = ty.tp_version_tag.get();
    }
    let np = name.as_ptr();
    let h = ((tag as usize).wrapping_mul(0x9E37_79B9) ^ (np as usize >> 4)) & (MCACHE_SIZE - 1);
    // SAFETY: GIL held; the entry is copied out and no Python code runs while the table is borrowed.
    let e = unsafe { (*MCACHE.as_ptr())[h] };
    if e.tag == tag && std::ptr::eq(e.name, np) {
        if e.value.is_null() {
            return None;
        }
        // SAFETY: a hit under a valid tag: the value is still held by the dict of a type of the MRO (see the comment above MCACHE).
        return Some(unsafe { PyRef::from_borrowed(e.value) });
    }
    let r = lookup_uncached(ty, name);
    // The lookup may have run `__eq__` of a str subclass key: store only if
    // the tag survived it.
    if ty.tp_version_tag.get() == tag && name.is_exact::<PyStr>() {
        let value = r
            .as_ref()
            .map_or(std::ptr::null(), |v| v.as_ptr() as *const PyObject);
        // SAFETY: GIL held; the old name is dropped after the table write.
        let old = unsafe {
            let slot = &mut (*MCACHE.as_ptr())[h];
            let old = slot.name;
            *slot = MCacheEntry {
                tag,
                name: name.clone().into_raw(),
                value,
            };
            old
        };
        if !old.is_null() {
            // SAFETY: the entry owned one reference to its name.
            drop(unsafe { PyRef::from_raw(old) });
        }
    }
    r
}

/// `find_name_in_mro`: [`lookup`] without the cache.
pub fn lookup_uncached(ty: &PyType, name: &PyRef) -> Option<PyRef> {
    let hash = match name.downcast::<PyStr>() {
        Some(s) => s.hash(),
        None => return None,
    };
    // A strong reference: a key's `__eq__` may assign `__bases__` (and so
    // replace the MRO) in the middle of the lookup (bpo-14199).
    let mro = ty.mro()?.clone();
    // SAFETY: an MRO is a tuple of types.
    for t in unsafe { crate::objects::tuple::tuple_items_unchecked(&mro) } {
        // SAFETY: MRO entries are types.
        let t = unsafe { &*(t.as_ptr() as *const PyType) };
        if let Some(d) = t.dict() {
            // SAFETY: a type's dict is a dict.
            let d = unsafe { d.payload_unchecked::<PyDict>() };
            if let Ok(Some(v)) = d.get_item_hashed(name, hash) {
                return Some(v);
            }
        }
    }
    None
}

/// [`lookup`] with a Rust name.
pub fn lookup_str(ty: &PyType, name: &str) -> Option<PyRef> {
    lookup(ty, &crate::objects::str::intern(name))
}

/// `type.__getattribute__`.
pub fn type_getattro(obj: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    // SAFETY: tp_getattro of type gets types.
    let ty = unsafe { &*(obj.as_ptr() as *const PyType) };
    let meta = obj.ty();
    let meta_attr = lookup(meta, name);
    if let Some(ma) = &meta_attr {
        if descr::is_data_descr(ma) {
            if let Some(g) = ma.ty().tp_descr_get.get() {
                return g(ma, Some(obj), Some(&obj.type_ref()));
            }
        }
    }
    if let Some(attr) = lookup(ty, name) {
        return match attr.ty().tp_descr_get.get() {
            Some(g) => g(&attr, None, Some(obj)),
            None => Ok(attr),
        };
    }
    if let Some(ma) = meta_attr {
        return match ma.ty().tp_descr_get.get() {
            Some(g) => g(&ma, Some(obj), Some(&obj.type_ref())),
            None => Ok(ma),
        };
    }
    Err(PyErr::attribute_error(format!(
        "type object '{}' has no attribute '{}'",
        ty.tp_name_str(),
        descr::name_str(name)
    )))
}

/// `type.__setattr__`: static types refuse; heap types store in their dict.
pub fn type_setattro(obj: &PyRef, name: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    // SAFETY: tp_setattro of type gets types.
    let ty = unsafe { &*(obj.as_ptr() as *const PyType) };
    if !ty.is_heap_type() {
        return Err(PyErr::type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            descr::name_str(name),
            ty.name()
        )));
    }
    if let Some(ma) = lookup(obj.ty(), name) {
        if let Some(s) = ma.ty().tp_descr_set.get() {
            // The setter may change the type's dict (`__doc__`,
            // `__module__`, `__abstractmethods__`).
            type_modified(ty);
            let r = s(&ma, obj, value);
            type_modified(ty);
            return r;
        }
    }
    let dict = ty
        .dict()
        .ok_or_else(|| PyErr::system_error("type has no dict"))?;
    // SAFETY: a type's dict is a dict.
    let d = unsafe { dict.payload_unchecked::<PyDict>() };
    type_modified(ty);
    match value {
        Some(v) => d.set_item(name.clone(), v.clone())?,
        None => {
            if d.del_item(name)?.is_none() {
                return Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    ty.name(),
                    descr::name_str(name)
                )));
            }
        }
    }
    // SAFETY: GIL held; the hook is set once at start-up.
    if let Some(hook) = unsafe { *SLOT_UPDATE_HOOK.as_ptr() } {
        hook(ty, name)?;
    }
    Ok(())
}

/// Called after a heap type's attribute changed, to refresh its slots
/// (`update_slot`); set by the class machinery.
pub type SlotUpdateHook = fn(&PyType, &PyRef) -> PyResult<()>;
pub static SLOT_UPDATE_HOOK: crate::gil::GilCell<Option<SlotUpdateHook>> =
    crate::gil::GilCell::new(None);

/// `type.__call__`: `type(x)` gives x's type; otherwise `tp_new` then
/// `tp_init` when the result is an instance of the type.
pub fn type_call(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_call of type gets types.
    let ty = unsafe { &*(obj.as_ptr() as *const PyType) };
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    if std::ptr::eq(ty, &TYPE_TYPE) {
        if args.len() == 1 && nkw == 0 {
            return Ok(args[0].type_ref());
        }
        let npos = args.len().saturating_sub(nkw);
        if npos != 1 && npos != 3 {
            return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
        }
    }
    let new = match ty.tp_new.get() {
        Some(f) => f,
        None => {
            return Err(PyErr::type_error(format!(
                "cannot create '{}' instances",
                type_qualified_name(ty)
            )))
        }
    };
    let inst = new(obj, args, kwnames)?;
    if !inst.ty().is_subtype(ty) {
        return Ok(inst);
    }
    if let Some(init) = inst.ty().tp_init.get() {
        init(&inst, args, kwnames)?;
    }
    Ok(inst)
}

/// `type.__init__`: checks the argument count only.
fn type_init(_obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    let npos = args.len().saturating_sub(nkw);
    if nkw > 0 && npos == 1 {
        return Err(PyErr::type_error(
            "type.__init__() takes no keyword arguments",
        ));
    }
    if npos != 1 && npos != 3 {
        return Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// `tp_name` as CPython prints it in "cannot create" messages.
pub fn type_qualified_name(ty: &PyType) -> String {
    if ty.is_heap_type() {
        ty.name().to_owned()
    } else {
        ty.tp_name.to_owned()
    }
}

/// The `__module__` of a type: from its dict for heap types, else the part
/// of `tp_name` before the last dot, else "builtins".
pub fn type_module(ty: &PyType) -> PyResult<PyRef> {
    if ty.is_heap_type() {
        if let Some(d) = ty.dict() {
            // SAFETY: a type's dict is a dict.
            if let Some(m) = unsafe { d.payload_unchecked::<PyDict>() }.get_str("__module__")? {
                return Ok(m);
            }
        }
    }
    match ty.tp_name.rfind('.') {
        Some(i) => PyStr::new(&ty.tp_name[..i]),
        None => Ok(crate::objects::str::intern("builtins")),
    }
}

/// The `__qualname__` of a type.
pub fn type_qualname(ty: &PyType) -> PyResult<PyRef> {
    if ty.is_heap_type() {
        if let Some(q) = ty.ht_qualname.get_owned() {
            return Ok(q);
        }
    }
    PyStr::new(ty.name())
}

fn type_repr(obj: &PyRef) -> PyResult<PyRef> {
    // SAFETY: tp_repr of type gets types.
    let ty = unsafe { &*(obj.as_ptr() as *const PyType) };
    let module = type_module(ty)?;
    let qual = type_qualname(ty)?;
    let m = module.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
    let q = qual.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
    if m == "builtins" || m.is_empty() {
        PyStr::new(&format!("<class '{q}'>"))
    } else {
        PyStr::new(&format!("<class '{m}.{q}'>"))
    }
}

pub use heap::{calculate_metaclass, subtype_visit, type_new};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &heap::MEMBER_DESCR_TYPE,
    &heap::MAPPINGPROXY_TYPE,
    &heap::UNION_TYPE,
];

/// Classes created at run time (CPython's `type_new` and its helpers, the
/// C3 linearization `mro_implementation`, `__slots__` layout, member
/// descriptors, and the attributes of `type` itself).
///
/// Layout of an instance of a heap type: the static base's layout
/// (`tp_basicsize` of the nearest static type), then one pointer-sized
/// `Option<PyRef>` per `__slots__` name, then the `__dict__` slot, then the
/// `__weakref__` slot (kept null until weak references exist), as
/// `object::drop_heap_extras` expects. A base with items (`int`, `tuple`)
/// gets its dict slot at the end of the variable part (negative offset).
///
/// Deviation: a heap type's `tp_name` is its `__name__` leaked as a boxed
/// str and freed again when the type is deallocated (`type_drop`).
pub mod heap {
    use super::*;
    use crate::intern;
    use crate::objects::none::none;
    use crate::objects::tuple::tuple_items_unchecked;

    fn str_of(o: &PyRef) -> &str {
        o.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("?")
    }

    fn kw_count(kwnames: Option<&PyRef>) -> usize {
        kwnames.map(descr::kwnames_len).unwrap_or(0)
    }

    /// `_PyType_CalculateMetaclass`: the most derived metaclass of `meta`
    /// and the bases' types.
    pub fn calculate_metaclass<'a>(meta: &'a PyType, bases: &'a [PyRef]) -> PyResult<&'a PyType> {
        let mut winner = meta;
        for b in bases {
            let t = b.ty();
            if winner.is_subtype(t) {
                continue;
            }
            if t.is_subtype(winner) {
                winner = t;
                continue;
            }
            return Err(PyErr::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }

    /// Does `ty` add instance variables to `base`'s layout (`extra_ivars`)?
    fn extra_ivars(ty: &PyType, base: &PyType) -> bool {
        if ty.is_heap_type() {
            return match ty.ht_slots.get() {
                Some(s) => s
                    .downcast::<PyTuple>()
                    .map(|t| !t.is_empty())
                    .unwrap_or(false),
                None => false,
            };
        }
        ty.tp_basicsize.get() != base.tp_basicsize.get() || ty.tp_itemsize != base.tp_itemsize
    }

    /// `solid_base`: the most derived base that fixes the instance layout.
    fn solid_base(ty: &PyType) -> &PyType {
        let base = match ty.base() {
            Some(b) => solid_base(b),
            None => return ty,
        };
        match ty.base() {
            Some(b) if extra_ivars(ty, b) => ty,
            _ => base,
        }
    }

    /// `best_base`: the base whose layout the new type extends.
    fn best_base(bases: &[PyRef]) -> PyResult<&PyType> {
        let mut base: Option<&PyType> = None;
        let mut winner: Option<&PyType> = None;
        for b in bases {
            let bt = as_type(b).ok_or_else(|| PyErr::type_error("bases must be types"))?;
            if !bt.has_flag(TypeFlags::BASETYPE) {
                return Err(PyErr::type_error(format!(
                    "type '{}' is not an acceptable base type",
                    type_qualified_name(bt)
                )));
            }
            let candidate = solid_base(bt);
            match winner {
                None => {
                    winner = Some(candidate);
                    base = Some(bt);
                }
                Some(w) if w.is_subtype(candidate) => {}
                Some(w) if candidate.is_subtype(w) => {
                    winner = Some(candidate);
                    base = Some(bt);
                }
                Some(_) => {
                    return Err(PyErr::type_error(
                        "multiple bases have instance lay-out conflict",
                    ))
                }
            }
        }
        base.ok_or_else(|| PyErr::type_error("bases must be types"))
    }

    /// The C3 linearization (`mro_implementation`).
    pub fn c3_mro(ty: &PyRef, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
        for (i, b) in bases.iter().enumerate() {
            if bases[..i].iter().any(|o| o.is(b)) {
                return Err(PyErr::type_error(format!(
                    "duplicate base class {}",
                    as_type(b).map(|t| t.name()).unwrap_or("?")
                )));
            }
        }
        let mut seqs: Vec<Vec<PyRef>> = Vec::with_capacity(bases.len() + 1);
        for b in bases {
            let bt = as_type(b).ok_or_else(|| PyErr::type_error("bases must be types"))?;
            let m = bt
                .mro()
                .ok_or_else(|| PyErr::type_error("base type is not ready"))?;
            // SAFETY: an MRO is a tuple.
            seqs.push(unsafe { tuple_items_unchecked(m) }.to_vec());
        }
        seqs.push(bases.to_vec());
        let mut result = vec![ty.clone()];
        let mut heads = vec![0usize; seqs.len()];
        loop {
            let mut empty = true;
            let mut chosen: Option<PyRef> = None;
            for (i, s) in seqs.iter().enumerate() {
                if heads[i] >= s.len() {
                    continue;
                }
                empty = false;
                let cand = &s[heads[i]];
                let in_tail = seqs.iter().enumerate().any(|(j, t)| {
                    t.len() > heads[j] + 1 && t[heads[j] + 1..].iter().any(|x| x.is(cand))
                });
                if !in_tail {
                    chosen = Some(cand.clone());
                    break;
                }
            }
            if empty {
                return Ok(result);
            }
            match chosen {
                Some(c) => {
                    for (i, s) in seqs.iter().enumerate() {
                        if heads[i] < s.len() && s[heads[i]].is(&c) {
                            heads[i] += 1;
                        }
                    }
                    result.push(c);
                }
                None => {
                    // `set_mro_error`: the remaining heads, in order, once each.
                    let mut names: Vec<&str> = Vec::new();
                    let mut seen: Vec<&PyRef> = Vec::new();
                    for (i, s) in seqs.iter().enumerate() {
                        if heads[i] < s.len() {
                            let h = &s[heads[i]];
                            if !seen.iter().any(|x| x.is(h)) {
                                seen.push(h);
                                names.push(as_type(h).map(|t| t.name()).unwrap_or("?"));
                            }
                        }
                    }
                    return Err(PyErr::type_error(format!(
                        "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                        names.join(", ")
                    )));
                }
            }
        }
    }

    /// `mro_internal`: C3, or the metaclass's own `mro()` if it overrides it.
    fn compute_mro(ty: &PyRef, bases: &[PyRef]) -> PyResult<PyRef> {
        let meta = ty.ty();
        if !std::ptr::eq(meta, &TYPE_TYPE) {
            if let Some(m) = lookup_str(meta, "mro") {
                let base_m = lookup_str(&TYPE_TYPE, "mro");
                if !base_m.map(|b| b.is(&m)).unwrap_or(false) {
                    let bound = descr::bind(&m, Some(ty), Some(&ty.type_ref()))?;
                    let r = crate::object::protocol::call(&bound, &[], None)?;
                    let items = crate::object::protocol::collect(&r)?;
                    if items.is_empty() {
                        return Err(PyErr::type_error("type MRO must not be empty"));
                    }
                    // `mro_check`: every entry a class whose instance layout
                    // the new type's extends (an MRO naming `dict` for a
                    // plain object would let dict code read a non-dict).
                    let solid = as_type(ty).map(solid_base);
                    for it in &items {
                        let Some(t) = as_type(it) else {
                            return Err(PyErr::type_error(format!(
                                "mro() returned a non-class ('{}')",
                                it.ty().name()
                            )));
                        };
                        if let Some(solid) = solid {
                            if !solid.is_subtype(solid_base(t)) {
                                return Err(PyErr::type_error(format!(
                                    "mro() returned base with unsuitable layout ('{}')",
                                    t.name()
                                )));
                            }
                        }
                    }
                    return PyTuple::new(items);
                }
            }
        }
        PyTuple::new(c3_mro(ty, bases)?)
    }

    /// `_Py_Mangle` for `__slots__` names.
    fn mangle(class: &str, name: &str) -> String {
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.to_owned();
        }
        let stripped = class.trim_start_matches('_');
        if stripped.is_empty() {
            return name.to_owned();
        }
        format!("_{stripped}{name}")
    }

    fn is_identifier(s: &str) -> bool {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) if c == '_' || c.is_alphabetic() => {}
            _ => return false,
        }
        chars.all(|c| c == '_' || c.is_alphanumeric())
    }

    fn is_function(v: &PyRef) -> bool {
        std::ptr::eq(v.ty(), &crate::objects::function::FUNCTION_TYPE)
    }

    /// `type.__new__(metatype, name, bases, namespace, **kwds)`.
    pub fn type_new(metatype: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
        let meta = as_type(metatype)
            .ok_or_else(|| PyErr::type_error("type.__new__(X): X is not a type object"))?;
        let nkw = kw_count(kwnames);
        let npos = args.len().saturating_sub(nkw);
        if std::ptr::eq(meta, &TYPE_TYPE) && npos == 1 && nkw == 0 {
            return Ok(args[0].type_ref());
        }
        if npos != 3 {
            return Err(PyErr::type_error(format!(
                "type.__new__() takes exactly 3 arguments ({npos} given)"
            )));
        }
        let name = &args[0];
        if !name.is_instance_of::<PyStr>() {
            return Err(PyErr::type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                name.ty().name()
            )));
        }
        let bases_obj = &args[1];
        let bases_t = bases_obj.downcast::<PyTuple>().ok_or_else(|| {
            PyErr::type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                bases_obj.ty().name()
            ))
        })?;
        let ns = &args[2];
        let ns_d = ns.downcast::<PyDict>().ok_or_else(|| {
            PyErr::type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                ns.ty().name()
            ))
        })?;
        let winner = calculate_metaclass(meta, bases_t.items())?;
        if !std::ptr::eq(winner, meta) {
            if let Some(f) = winner.tp_new.get() {
                if f as usize != type_new as *const () as usize {
                    return f(&winner.as_pyref(), args, kwnames);
                }
            }
        }
        let winner_ref = winner.as_pyref();
        let bases: Vec<PyRef> = if bases_t.is_empty() {
            vec![OBJECT_TYPE.as_pyref()]
        } else {
            bases_t.items().to_vec()
        };
        for b in &bases {
            if as_type(b).is_none() {
                if crate::object::protocol::lookup_attr(b, intern!("__mro_entries__"))?.is_some() {
                    return Err(PyErr::type_error(
                        "type() doesn't support MRO entry resolution; use types.new_class()",
                    ));
                }
                return Err(PyErr::type_error("bases must be types"));
            }
        }
        let base = best_base(&bases)?;
        let name_s = str_of(name).to_owned();

        // The class's own dict: a copy of the namespace.
        let dict = PyDict::new()?;
        // SAFETY: just made.
        let d = unsafe { dict.payload_unchecked::<PyDict>() };
        for (k, v) in ns_d.items() {
            d.set_item(k, v)?;
        }

        // __slots__ and layout.
        // A metaclass's instances are types, whose dict is `tp_dict`
        // (CPython's `type` has a `tp_dictoffset`): no second dict slot.
        let may_add_dict = base.tp_dictoffset.get() == 0 && !base.is_subtype(&TYPE_TYPE);
        // int and bytes have items in CPython (their data follows
        // `tp_basicsize` here): the same restrictions apply.
        let var_sized = base.tp_itemsize != 0
            || base.has_flag(TypeFlags::LONG_SUBCLASS | TypeFlags::BYTES_SUBCLASS);
        let may_add_weak = base.tp_weaklistoffset.get() == 0 && !var_sized;
        let mut add_dict = false;
        let mut add_weak = false;
        let mut slot_names: Vec<String> = Vec::new();
        let slots_tuple;
        match d.get_str("__slots__")? {
            None => {
                add_dict = may_add_dict;
                add_weak = may_add_weak;
                slots_tuple = None;
            }
            Some(s) => {
                let items = if s.is_instance_of::<PyStr>() {
                    vec![s.clone()]
                } else {
                    crate::object::protocol::collect(&s)?
                };
                for it in &items {
                    let st = it.downcast::<PyStr>().ok_or_else(|| {
                        PyErr::type_error(format!(
                            "__slots__ items must be strings, not '{}'",
                            it.ty().name()
                        ))
                    })?;
                    let n = st.as_str();
                    if !is_identifier(n) {
                        return Err(PyErr::type_error("__slots__ must be identifiers"));
                    }
                    if n == "__dict__" {
                        if !may_add_dict || add_dict {
                            return Err(PyErr::type_error(
                                "__dict__ slot disallowed: we already got one",
                            ));
                        }
                        add_dict = true;
                        continue;
                    }
                    if n == "__weakref__" {
                        if !may_add_weak || add_weak {
                            return Err(PyErr::type_error(
                                "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                            ));
                        }
                        add_weak = true;
                        continue;
                    }
                    let m = mangle(&name_s, n);
                    if d.get_str(&m)?.is_some() && m != "__qualname__" && m != "__classcell__" {
                        return Err(PyErr::new(
                            &crate::objects::exceptions::VALUE_ERROR,
                            format!("'{m}' in __slots__ conflicts with class variable"),
                        ));
                    }
                    slot_names.push(m);
                }
                slot_names.sort();
                slot_names.dedup();
                if !slot_names.is_empty() && var_sized {
                    return Err(PyErr::type_error(format!(
                        "nonempty __slots__ not supported for subtype of '{}'",
                        type_qualified_name(base)
                    )));
                }
                let mut v = Vec::with_capacity(slot_names.len());
                for n in &slot_names {
                    v.push(PyStr::new(n)?);
                }
                slots_tuple = Some(PyTuple::new(v)?);
            }
        }
        let ptr = std::mem::size_of::<usize>();
        let mut size = base.tp_basicsize.get();
        let first_slot = size;
        size += slot_names.len() * ptr;
        let mut dictoffset = 0isize;
        if add_dict {
            if base.tp_itemsize != 0 {
                dictoffset = -(ptr as isize);
            } else {
                dictoffset = size as isize;
            }
            size += ptr;
        }
        let mut weakoffset = base.tp_weaklistoffset.get();
        if add_weak {
            weakoffset = size as isize;
            size += ptr;
        }

        // __qualname__.
        let qualname = match d.get_str("__qualname__")? {
            Some(q) => {
                if !q.is_instance_of::<PyStr>() {
                    return Err(PyErr::type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        q.ty().name()
                    )));
                }
                d.del_item(intern!("__qualname__"))?;
                q
            }
            None => name.clone(),
        };
        if d.get_str("__module__")?.is_none() {
            // `__name__` of the current frame's globals.
            if let Some((g, _)) = crate::eval::ceval::current_globals_locals() {
                if let Some(gd) = g.downcast::<PyDict>() {
                    if let Some(m) = gd.get_str("__name__")? {
                        d.set_str("__module__", m)?;
                    }
                }
            }
        }
        if d.get_str("__doc__")?.is_none() {
            d.set_str("__doc__", none())?;
        }
        // `__eq__` without `__hash__` makes instances unhashable.
        if d.get_str("__eq__")?.is_some() && d.get_str("__hash__")?.is_none() {
            d.set_str("__hash__", none())?;
        }
        for (n, class) in [
            ("__new__", false),
            ("__init_subclass__", true),
            ("__class_getitem__", true),
        ] {
            if let Some(f) = d.get_str(n)? {
                if is_function(&f) {
                    let w = if class {
                        crate::objects::classmethod::new_classmethod(f)?
                    } else {
                        crate::objects::classmethod::new_staticmethod(f)?
                    };
                    d.set_str(n, w)?;
                }
            }
        }

        // The type object.
        let raw = alloc_raw(winner, 0)?;
        let leaked: &'static str = Box::leak(name_s.clone().into_boxed_str());
        let flags = TypeFlags::HEAPTYPE
            | TypeFlags::BASETYPE
            | TypeFlags::HAVE_GC
            | (base.flags() & TypeFlags::INHERITED);
        // SAFETY: `raw` is a fresh zeroed block of at least size_of::<PyType>() bytes (the metatype is `type` or a subtype); the header the allocator set is restored after the struct is written.
        let tyref = unsafe {
            let rc = (*raw).ob_refcnt.get();
            std::ptr::write(
                raw as *mut PyType,
                PyType {
                    tp_name: leaked,
                    tp_basicsize: Cell::new(size),
                    tp_itemsize: base.tp_itemsize,
                    tp_flags: Cell::new(flags),
                    tp_base: Cell::new(base as *const PyType),
                    // `inherit_special`: the dict slot comes from the solid
                    // base only (not from another base in the MRO, whose
                    // layout may differ: `class C(A, OrderedDict)`).
                    tp_dictoffset: Cell::new(if dictoffset == 0 {
                        base.tp_dictoffset.get()
                    } else {
                        dictoffset
                    }),
                    tp_weaklistoffset: Cell::new(weakoffset),
                    ..PyType::BASE
                },
            );
            (*raw).ob_refcnt.set(rc);
            (*raw).ob_type.set(winner as *const PyType);
            PyRef::from_raw(raw)
        };
        drop(winner_ref);
        // SAFETY: just written.
        let ty: &PyType = unsafe { &*(tyref.as_ptr() as *const PyType) };
        ty.ht_name.set(Some(name.clone()));
        ty.ht_qualname.set(Some(qualname));
        ty.tp_bases.set(Some(PyTuple::new(bases.clone())?));
        ty.ht_slots.set(slots_tuple);

        // __classcell__.
        if let Some(cell) = d.get_str("__classcell__")? {
            match cell.downcast_exact::<crate::objects::cell::PyCell>() {
                Some(c) => c.set(Some(tyref.clone())),
                None => {
                    return Err(PyErr::type_error(format!(
                        "__classcell__ must be a nonlocal cell, not {}",
                        crate::object::protocol::repr_string(&cell.type_ref())?
                    )))
                }
            }
            d.del_item(intern!("__classcell__"))?;
        }

        // Descriptors for slots, __dict__, __weakref__.
        for (i, n) in slot_names.iter().enumerate() {
            let m = new_member(ty, PyStr::new(n)?, first_slot + i * ptr)?;
            d.set_str(n, m)?;
        }
        if add_dict && d.get_str("__dict__")?.is_none() {
            d.set_str("__dict__", descr::new_getset_descr(ty, &SUBTYPE_DICT)?)?;
        }
        if add_weak && d.get_str("__weakref__")?.is_none() {
            d.set_str(
                "__weakref__",
                descr::new_getset_descr(ty, &SUBTYPE_WEAKREF)?,
            )?;
        }
        drop(ty.tp_dict.set(Some(dict.clone())));

        // MRO and slot inheritance.
        let mro = compute_mro(&tyref, &bases)?;
        drop(ty.tp_mro.set(Some(mro.clone())));
        let own_dictoffset = ty.tp_dictoffset.get();
        // SAFETY: an MRO is a tuple of types.
        for b in unsafe { tuple_items_unchecked(&mro) }.iter().skip(1) {
            if let Some(bt) = as_type(b) {
                inherit_slots(ty, bt);
            }
        }
        // The dict slot is the layout's (set above), never another base's.
        ty.tp_dictoffset.set(own_dictoffset);
        ty.tp_traverse.set(Some(subtype_traverse));
        ty.tp_clear.set(Some(subtype_clear));
        for b in &bases {
            add_subclass(b, ty)?;
        }
        crate::objects::typeslots::fixup_slot_dispatchers(ty)?;
        ty.tp_flags.set(ty.flags() | TypeFlags::READY);
        type_modified(ty);

        // __set_name__, then __init_subclass__.
        for (k, v) in d.items() {
            if let Some(f) = lookup_str(v.ty(), "__set_name__") {
                let bound = descr::bind(&f, Some(&v), Some(&v.type_ref()))?;
                if let Err(e) =
                    crate::object::protocol::call(&bound, &[tyref.clone(), k.clone()], None)
                {
                    let new = PyErr::runtime_error(format!(
                        "Error calling __set_name__ on '{}' instance {} in '{}'",
                        v.ty().name(),
                        crate::object::protocol::repr_string(&k)?,
                        name_s
                    ));
                    crate::objects::exceptions::set_cause(new.value(), Some(e.value()))?;
                    return Err(new);
                }
            }
        }
        init_subclass(&tyref, ty, &args[3..], kwnames)?;
        Ok(tyref)
    }

    /// `super(type, type).__init_subclass__(**kwds)`.
    fn init_subclass(
        tyref: &PyRef,
        ty: &PyType,
        kwvals: &[PyRef],
        kwnames: Option<&PyRef>,
    ) -> PyResult<()> {
        let name = intern!("__init_subclass__");
        let mro = match ty.mro() {
            Some(m) => m.clone(),
            None => return Ok(()),
        };
        // SAFETY: an MRO is a tuple of types.
        for t in unsafe { tuple_items_unchecked(&mro) }.iter().skip(1) {
            let Some(tt) = as_type(t) else { continue };
            let Some(dd) = tt.dict() else { continue };
            // SAFETY: a type's dict is a dict.
            if let Some(f) = unsafe { dd.payload_unchecked::<PyDict>() }.get_item(name)? {
                let bound = descr::bind(&f, None, Some(tyref))?;
                crate::object::protocol::call(&bound, kwvals, kwnames)?;
                return Ok(());
            }
        }
        Ok(())
    }

    pub(crate) fn add_subclass(base: &PyRef, ty: &PyType) -> PyResult<()> {
        let Some(bt) = as_type(base) else {
            return Ok(());
        };
        let subs = match bt.tp_subclasses.get_owned() {
            Some(s) => s,
            None => {
                let s = PyDict::new()?;
                drop(bt.tp_subclasses.set(Some(s.clone())));
                s
            }
        };
        let key = crate::objects::int::PyInt::new(ty as *const PyType as usize as i64)?;
        // SAFETY: tp_subclasses is a dict.
        unsafe { subs.payload_unchecked::<PyDict>() }.set_item(key.clone(), key)
    }

    /// `type.__subclasses__()`: the live direct subclasses, in creation order.
    fn type_subclasses(obj: &PyRef) -> PyResult<PyRef> {
        let ty = as_type(obj).ok_or_else(|| PyErr::type_error("descriptor requires a type"))?;
        let mut v = Vec::new();
        if let Some(s) = ty.tp_subclasses.get_owned() {
            // SAFETY: tp_subclasses is a dict of int keys holding addresses of live types (a type removes itself when it dies).
            for k in unsafe { s.payload_unchecked::<PyDict>() }.keys() {
                if let Some(addr) = k
                    .downcast::<crate::objects::int::PyInt>()
                    .and_then(|i| i.as_i64())
                {
                    // SAFETY: see above.
                    v.push(unsafe { PyRef::from_borrowed(addr as usize as *const PyObject) });
                }
            }
        }
        crate::objects::list::PyList::new(v)
    }

    /// The subclasses of `ty` (for slot updates).
    pub fn subclasses_of(ty: &PyType) -> Vec<PyRef> {
        match type_subclasses(&ty.as_pyref()) {
            Ok(l) => l
                .downcast::<crate::objects::list::PyList>()
                .map(|l| l.snapshot())
                .unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    /// `tp_traverse` of heap types: the slots, the dict, the type, then the static base's.
    ///
    /// # Safety
    /// `obj` is a live instance of a heap type.
    pub unsafe fn subtype_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
        // SAFETY: the caller's promise.
        unsafe { subtype_visit(obj, visit) }
    }

    /// `subtype_traverse` with a visitor the caller inlines (the
    /// collector's loops: no indirect call per attribute of an instance).
    ///
    /// # Safety
    /// `obj` is a live instance of a heap type; the visitor changes no object.
    #[inline(always)]
    pub unsafe fn subtype_visit<F: FnMut(*mut PyObject) + ?Sized>(
        obj: *mut PyObject,
        visit: &mut F,
    ) {
        // SAFETY: the slots are Option<PyRef> laid out by type_new.
        unsafe {
            let ty = &*(*obj).ob_type.get();
            let solid = ty.static_base();
            // CPython's order: the `__slots__` values, the attributes (or
            // the dict), the type, then the static base's references.
            if solid.tp_itemsize == 0 {
                let mut off = solid.tp_basicsize.get();
                let end = ty.tp_basicsize.get();
                while off + 8 <= end {
                    let slot = (obj as *mut u8).add(off) as *const Option<PyRef>;
                    if off as isize != ty.tp_weaklistoffset.get()
                        && off as isize != ty.tp_dictoffset.get()
                    {
                        if let Some(v) = &*slot {
                            visit(v.as_ptr());
                        }
                    }
                    off += 8;
                }
            }
            // The dict is this layout's only when the static base has none
            // (an exception's or a function's is visited by the base).
            if solid.tp_dictoffset.get() == 0 {
                if let Some(slot) = dict_slot(obj) {
                    if let Some(d) = &*slot {
                        let dp = d.as_ptr();
                        if crate::gc::inline_dict(dp) {
                            // CPython 3.11's inline values: the attributes
                            // are visited as the instance's own.
                            crate::objects::dict::visit_refs(dp, visit);
                        } else {
                            visit(dp);
                        }
                    }
                }
            }
            visit(ty as *const PyType as *mut PyObject);
            if let Some(t) = solid.tp_traverse.get() {
                t(obj, &mut |r| visit(r));
            }
        }
    }

    /// `tp_clear` of heap types (`subtype_clear`): drops the instance dict
    /// and the `__slots__` values, then runs the static base's clear.
    ///
    /// # Safety
    /// `obj` is a live instance of a heap type.
    pub unsafe fn subtype_clear(obj: *mut PyObject) {
        // SAFETY: the slots are Option<PyRef> laid out by type_new; each value is taken out before it is dropped.
        unsafe {
            let ty = &*(*obj).ob_type.get();
            let solid = ty.static_base();
            if solid.tp_dictoffset.get() == 0 {
                if let Some(slot) = dict_slot(obj) {
                    drop((*slot).take());
                }
            }
            if solid.tp_itemsize == 0 {
                let mut off = solid.tp_basicsize.get();
                // The type may die while its instance's slots are dropped.
                let end = ty.tp_basicsize.get();
                let weak = ty.tp_weaklistoffset.get();
                let dict = ty.tp_dictoffset.get();
                while off + 8 <= end {
                    if off as isize != weak && off as isize != dict {
                        let slot = (obj as *mut u8).add(off) as *mut Option<PyRef>;
                        drop((*slot).take());
                    }
                    off += 8;
                }
            }
            if let Some(c) = solid.tp_clear.get() {
                c(obj);
            }
        }
    }

    /// `tp_traverse` of `type`: a heap type's references (static types are
    /// immortal and not tracked).
    ///
    /// # Safety
    /// `obj` is a live type object.
    pub unsafe fn type_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
        // SAFETY: obj is a type object.
        let ty = unsafe { &*(obj as *const PyType) };
        if !ty.is_heap_type() {
            return;
        }
        for c in [
            &ty.tp_dict,
            &ty.tp_mro,
            &ty.tp_bases,
            &ty.ht_name,
            &ty.ht_qualname,
            &ty.ht_slots,
        ] {
            if let Some(v) = c.get() {
                visit(v.as_ptr());
            }
        }
    }

    /// `tp_clear` of `type` (`type_clear`): empties a heap type's dict and
    /// drops its MRO, which break the cycles a class is part of.
    ///
    /// # Safety
    /// `obj` is a live type object.
    pub unsafe fn type_clear(obj: *mut PyObject) {
        // SAFETY: obj is a type object.
        let ty = unsafe { &*(obj as *const PyType) };
        if !ty.is_heap_type() {
            return;
        }
        type_modified(ty);
        if let Some(d) = ty.tp_dict.get_owned() {
            // SAFETY: a type's dict.
            unsafe { d.payload_unchecked::<PyDict>() }.clear();
        }
        drop(ty.tp_mro.take());
    }

    /// `tp_drop` of `type`: a heap type's owned fields (PyType has no drop
    /// glue).
    ///
    /// # Safety
    /// `obj` is a dead type object.
    pub unsafe fn type_drop(obj: *mut PyObject) {
        // SAFETY: obj is a type object being deallocated.
        let ty = unsafe { &*(obj as *const PyType) };
        if !ty.is_heap_type() {
            return;
        }
        let addr = obj as usize as i64;
        if let Some(bases) = ty.tp_bases.get_owned() {
            if let Some(t) = bases.downcast::<PyTuple>() {
                for b in t.items() {
                    if let Some(bt) = as_type(b) {
                        if let Some(s) = bt.tp_subclasses.get_owned() {
                            if let Ok(k) = crate::objects::int::PyInt::new(addr) {
                                // SAFETY: a dict.
                                let _ = unsafe { s.payload_unchecked::<PyDict>() }.del_item(&k);
                            }
                        }
                    }
                }
            }
        }
        let taken = [
            ty.tp_dict.take(),
            ty.tp_mro.take(),
            ty.tp_bases.take(),
            ty.ht_name.take(),
            ty.ht_qualname.take(),
            ty.tp_subclasses.take(),
            ty.ht_slots.take(),
        ];
        let name = ty.tp_name;
        drop(taken);
        if name != "?" {
            // SAFETY: heap types' tp_name was leaked from a Box<str> by type_new.
            drop(unsafe { Box::from_raw(name as *const str as *mut str) });
        }
    }

    // -----------------------------------------------------------------------
    // `__dict__` and `__weakref__` of instances.

    static SUBTYPE_DICT: GetSetDef = GetSetDef {
        name: "__dict__",
        get: Some(subtype_dict_get),
        set: Some(subtype_dict_set),
        doc: "dictionary for instance variables (if defined)",
    };
    static SUBTYPE_WEAKREF: GetSetDef = GetSetDef {
        name: "__weakref__",
        get: Some(crate::modules::_weakref::first_weakref),
        set: None,
        doc: "list of weak references to the object (if defined)",
    };

    fn subtype_dict_get(obj: &PyRef) -> PyResult<PyRef> {
        match crate::objects::object::instance_dict(obj, true)? {
            Some(d) => {
                crate::gc::mark_dict_materialized(&d);
                Ok(d)
            }
            None => Err(PyErr::attribute_error("This object has no __dict__")),
        }
    }

    fn subtype_dict_set(obj: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
        let v = match value {
            Some(v) => {
                if !v.is_instance_of::<PyDict>() {
                    return Err(PyErr::type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        v.ty().name()
                    )));
                }
                Some(v.clone())
            }
            None => None,
        };
        // SAFETY: obj is live; the slot is an Option<PyRef>.
        let old = unsafe {
            match dict_slot(obj.as_ptr()) {
                Some(slot) => std::mem::replace(&mut *slot, v),
                None => {
                    return Err(PyErr::attribute_error("This object has no __dict__"));
                }
            }
        };
        drop(old);
        Ok(())
    }

    // -----------------------------------------------------------------------
    // member_descriptor (the `__slots__` entries).

    /// A `__slots__` entry (a value at `offset` of the instance), or, with
    /// `def`, a member of a built-in type computed by the definition's
    /// functions (CPython's `PyMemberDef` of `T_OBJECT` fields).
    #[repr(C)]
    pub struct PyMemberDescr {
        pub ob_base: PyObject,
        pub name: PyRef,
        pub offset: usize,
        pub objclass: *const PyType,
        pub def: Option<&'static GetSetDef>,
    }

    pub static MEMBER_DESCR_TYPE: PyType = PyType {
        tp_name: "member_descriptor",
        tp_basicsize: Cell::new(std::mem::size_of::<PyMemberDescr>()),
        tp_descr_get: Cell::new(Some(member_get)),
        tp_descr_set: Cell::new(Some(member_set)),
        tp_repr: Cell::new(Some(member_repr)),
        tp_drop: Some(member_drop),
        tp_getset: &[
            GetSetDef::getter("__name__", |o| {
                // SAFETY: a member descriptor.
                Ok(unsafe { o.payload_unchecked::<PyMemberDescr>() }
                    .name
                    .clone())
            }),
            GetSetDef::getter("__objclass__", |o| {
                // SAFETY: a member descriptor; its class outlives it.
                Ok(unsafe { (*o.payload_unchecked::<PyMemberDescr>().objclass).as_pyref() })
            }),
        ],
        ..PyType::BASE
    };

    // SAFETY: repr(C), header first.
    unsafe impl PyPayload for PyMemberDescr {
        fn type_object() -> &'static PyType {
            &MEMBER_DESCR_TYPE
        }
    }

    unsafe fn member_drop(obj: *mut PyObject) {
        // SAFETY: a dead member descriptor.
        unsafe { std::ptr::drop_in_place(obj as *mut PyMemberDescr) }
    }

    fn new_member(ty: &PyType, name: PyRef, offset: usize) -> PyResult<PyRef> {
        alloc_object(
            &MEMBER_DESCR_TYPE,
            PyMemberDescr {
                ob_base: PyObject::NEW,
                name,
                offset,
                objclass: ty,
                def: None,
            },
        )
    }

    /// The member descriptor of an entry of a built-in type's `tp_members`.
    pub fn new_member_def(ty: &PyType, def: &'static GetSetDef) -> PyResult<PyRef> {
        alloc_object(
            &MEMBER_DESCR_TYPE,
            PyMemberDescr {
                ob_base: PyObject::NEW,
                name: PyStr::new(def.name)?,
                offset: 0,
                objclass: ty,
                def: Some(def),
            },
        )
    }

    fn member_check(d: &PyMemberDescr, obj: &PyRef) -> PyResult<()> {
        // SAFETY: the class outlives its descriptors.
        let cls = unsafe { &*d.objclass };
        if !obj.ty().is_subtype(cls) {
            return Err(PyErr::type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                str_of(&d.name),
                cls.tp_name_str(),
                obj.ty().tp_name_str()
            )));
        }
        Ok(())
    }

    fn member_get(descr: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
        // SAFETY: tp_descr_get of member_descriptor.
        let d = unsafe { descr.payload_unchecked::<PyMemberDescr>() };
        let Some(obj) = obj else {
            return Ok(descr.clone());
        };
        member_check(d, obj)?;
        if let Some(def) = d.def {
            return match def.get {
                Some(get) => get(obj),
                None => Err(crate::objects::object::no_attribute(obj, &d.name)),
            };
        }
        let v =
            // SAFETY: the instance's type lays out a slot at this offset.
            unsafe { (*((obj.as_ptr() as *mut u8).add(d.offset) as *const Option<PyRef>)).clone() };
        match v {
            Some(v) => Ok(v),
            None => Err(crate::objects::object::no_attribute(obj, &d.name)),
        }
    }

    fn member_set(descr: &PyRef, obj: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
        // SAFETY: tp_descr_set of member_descriptor.
        let d = unsafe { descr.payload_unchecked::<PyMemberDescr>() };
        member_check(d, obj)?;
        if let Some(def) = d.def {
            return match def.set {
                Some(set) => set(obj, value),
                None => Err(PyErr::attribute_error("readonly attribute")),
            };
        }
        // SAFETY: as in member_get; the old value is dropped after the write.
        let old = unsafe {
            let slot = (obj.as_ptr() as *mut u8).add(d.offset) as *mut Option<PyRef>;
            if value.is_none() && (*slot).is_none() {
                return Err(crate::objects::object::no_attribute(obj, &d.name));
            }
            std::mem::replace(&mut *slot, value.cloned())
        };
        drop(old);
        Ok(())
    }

    fn member_repr(descr: &PyRef) -> PyResult<PyRef> {
        // SAFETY: a member descriptor; its class outlives it.
        let d = unsafe { descr.payload_unchecked::<PyMemberDescr>() };
        // SAFETY: see above.
        let cls = unsafe { &*d.objclass };
        PyStr::new(&format!(
            "<member '{}' of '{}' objects>",
            str_of(&d.name),
            cls.name()
        ))
    }

    // -----------------------------------------------------------------------
    // Attributes and methods of `type`.

    fn ty_of(obj: &PyRef) -> PyResult<&PyType> {
        as_type(obj).ok_or_else(|| PyErr::type_error("descriptor requires a 'type' object"))
    }

    fn check_set(ty: &PyType, value: Option<&PyRef>, name: &str) -> PyResult<PyRef> {
        if !ty.is_heap_type() {
            return Err(PyErr::type_error(format!(
                "cannot set '{name}' attribute of immutable type '{}'",
                type_qualified_name(ty)
            )));
        }
        match value {
            Some(v) => Ok(v.clone()),
            None => Err(PyErr::type_error(format!(
                "cannot delete '{name}' attribute of immutable type '{}'",
                type_qualified_name(ty)
            ))),
        }
    }

    fn get_name(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        if ty.is_heap_type() {
            if let Some(n) = ty.ht_name.get_owned() {
                return Ok(n);
            }
        }
        PyStr::new(ty.name())
    }
    fn set_name(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        let v = check_set(ty, v, "__name__")?;
        let s = v.downcast::<PyStr>().ok_or_else(|| {
            PyErr::type_error(format!(
                "can only assign string to {}.__name__, not '{}'",
                ty.name(),
                v.ty().name()
            ))
        })?;
        if s.as_str().contains('\0') {
            return Err(PyErr::new(
                &crate::objects::exceptions::VALUE_ERROR,
                "type name must not contain null characters",
            ));
        }
        drop(ty.ht_name.set(Some(v.clone())));
        Ok(())
    }
    fn get_qualname(o: &PyRef) -> PyResult<PyRef> {
        type_qualname(ty_of(o)?)
    }
    fn set_qualname(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        let v = check_set(ty, v, "__qualname__")?;
        if !v.is_instance_of::<PyStr>() {
            return Err(PyErr::type_error(format!(
                "can only assign string to {}.__qualname__, not '{}'",
                ty.name(),
                v.ty().name()
            )));
        }
        drop(ty.ht_qualname.set(Some(v)));
        Ok(())
    }
    fn get_module(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        if ty.is_heap_type() {
            if let Some(d) = ty.dict() {
                // SAFETY: a type's dict.
                if let Some(m) = unsafe { d.payload_unchecked::<PyDict>() }.get_str("__module__")? {
                    return Ok(m);
                }
            }
            return Err(PyErr::attribute_error("__module__"));
        }
        type_module(ty)
    }
    fn set_module(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        let v = check_set(ty, v, "__module__")?;
        if let Some(d) = ty.dict() {
            // SAFETY: a type's dict.
            unsafe { d.payload_unchecked::<PyDict>() }.set_str("__module__", v)?;
        }
        Ok(())
    }
    fn get_bases(o: &PyRef) -> PyResult<PyRef> {
        Ok(ty_of(o)?
            .tp_bases
            .get_owned()
            .unwrap_or_else(crate::objects::tuple::empty_tuple))
    }
    fn get_base(o: &PyRef) -> PyResult<PyRef> {
        Ok(ty_of(o)?.base().map(|b| b.as_pyref()).unwrap_or_else(none))
    }
    fn get_mro(o: &PyRef) -> PyResult<PyRef> {
        Ok(ty_of(o)?.tp_mro.get_owned().unwrap_or_else(none))
    }
    fn get_dict(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let d = match ty.dict() {
            Some(d) => d.clone(),
            None => PyDict::new()?,
        };
        new_mappingproxy(d)
    }

    // -----------------------------------------------------------------------
    // types.UnionType (CPython's `Objects/unionobject.c`): `int | None`.

    #[repr(C)]
    pub struct PyUnion {
        pub ob_base: PyObject,
        /// The member types, flattened and without duplicates.
        pub args: PyRef,
    }

    pub static UNION_TYPE: PyType = PyType {
        tp_name: "types.UnionType",
        tp_basicsize: Cell::new(std::mem::size_of::<PyUnion>()),
        tp_flags: Cell::new(TypeFlags::HAVE_GC),
        tp_drop: Some(union_drop),
        tp_traverse: Cell::new(Some(union_traverse)),
        tp_repr: Cell::new(Some(union_repr)),
        tp_hash: Cell::new(Some(union_hash)),
        tp_richcompare: Cell::new(Some(union_richcompare)),
        as_number: NumberSlots {
            nb_or: Cell::new(Some(union_or)),
            ..NumberSlots::EMPTY
        },
        tp_getset: &[GetSetDef::getter("__args__", |o| {
            Ok(union_of(o).args.clone())
        })],
        tp_methods: &[
            MethodDef::new("__instancecheck__", Meth::O(union_instancecheck)),
            MethodDef::new("__subclasscheck__", Meth::O(union_subclasscheck)),
        ],
        ..PyType::BASE
    };

    // SAFETY: repr(C), header first.
    unsafe impl PyPayload for PyUnion {
        fn type_object() -> &'static PyType {
            &UNION_TYPE
        }
    }

    fn union_of(o: &PyRef) -> &PyUnion {
        // SAFETY: only called from UnionType's own slots and methods.
        unsafe { &*(o.as_ptr() as *const PyUnion) }
    }

    unsafe fn union_drop(obj: *mut PyObject) {
        // SAFETY: a dead union.
        unsafe { std::ptr::drop_in_place(obj as *mut PyUnion) }
    }

    unsafe fn union_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
        // SAFETY: a live union.
        visit(unsafe { &*(obj as *const PyUnion) }.args.as_ptr());
    }

    /// Can `o` be a member of a union (`is_unionable`)?
    fn unionable(o: &PyRef) -> bool {
        o.is_none()
            || as_type(o).is_some()
            || o.is_exact::<PyUnion>()
            || o.ty().name() == "GenericAlias"
    }

    fn push_flat(v: &mut Vec<PyRef>, o: &PyRef) {
        let items: Vec<PyRef> = match o.downcast_exact::<PyUnion>() {
            // SAFETY: a union's args are a tuple.
            Some(u) => unsafe { tuple_items_unchecked(&u.args) }.to_vec(),
            None if o.is_none() => vec![crate::objects::none::NONE_TYPE.as_pyref()],
            None => vec![o.clone()],
        };
        for it in items {
            if !v.iter().any(|x| x.is(&it)) {
                v.push(it);
            }
        }
    }

    /// `type.__or__` / `UnionType.__or__`.
    pub fn union_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
        if !unionable(a) || !unionable(b) {
            return Ok(crate::objects::none::not_implemented());
        }
        let mut v = Vec::new();
        push_flat(&mut v, a);
        push_flat(&mut v, b);
        if v.len() == 1 {
            return Ok(v.remove(0));
        }
        alloc_object(
            &UNION_TYPE,
            PyUnion {
                ob_base: PyObject::NEW,
                args: PyTuple::new(v)?,
            },
        )
    }

    fn union_repr(o: &PyRef) -> PyResult<PyRef> {
        let u = union_of(o);
        let mut parts = Vec::new();
        // SAFETY: a tuple.
        for a in unsafe { tuple_items_unchecked(&u.args) } {
            if a.is_static(&crate::objects::none::NONE_TYPE) {
                parts.push("None".to_owned());
            } else if let Some(t) = as_type(a) {
                let m = type_module(t)?;
                let q = type_qualname(t)?;
                let (m, q) = (str_of(&m), str_of(&q));
                parts.push(if m == "builtins" {
                    q.to_owned()
                } else {
                    format!("{m}.{q}")
                });
            } else {
                parts.push(crate::object::protocol::repr_string(a)?);
            }
        }
        PyStr::new(&parts.join(" | "))
    }

    fn union_hash(o: &PyRef) -> PyResult<isize> {
        // Order-independent: the members' hashes combined with xor.
        let mut h: isize = 0x345678;
        // SAFETY: a tuple.
        for a in unsafe { tuple_items_unchecked(&union_of(o).args) } {
            h ^= crate::object::protocol::hash(a)?;
        }
        Ok(if h == -1 { -2 } else { h })
    }

    fn union_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
        let Some(ub) = b.downcast_exact::<PyUnion>() else {
            return Ok(crate::objects::none::not_implemented());
        };
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(crate::objects::none::not_implemented());
        }
        // SAFETY: tuples.
        let (x, y) = unsafe {
            (
                tuple_items_unchecked(&union_of(a).args),
                tuple_items_unchecked(&ub.args),
            )
        };
        let eq = x.len() == y.len() && x.iter().all(|i| y.iter().any(|j| i.is(j)));
        Ok(crate::objects::bool_::py_bool(eq == (op == CompareOp::Eq)))
    }

    fn union_check(o: &PyRef, what: &str) -> PyResult<Vec<PyRef>> {
        // SAFETY: a tuple.
        let items = unsafe { tuple_items_unchecked(&union_of(o).args) }.to_vec();
        if items.iter().any(|a| as_type(a).is_none()) {
            return Err(PyErr::type_error(format!(
                "{what}() argument 2 cannot be a parameterized generic"
            )));
        }
        Ok(items)
    }

    fn union_instancecheck(o: &PyRef, inst: &PyRef) -> PyResult<PyRef> {
        for a in union_check(o, "isinstance")? {
            if crate::object::protocol::isinstance(inst, &a)? {
                return Ok(crate::objects::bool_::py_bool(true));
            }
        }
        Ok(crate::objects::bool_::py_bool(false))
    }

    fn union_subclasscheck(o: &PyRef, sub: &PyRef) -> PyResult<PyRef> {
        if as_type(sub).is_none() {
            return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
        }
        for a in union_check(o, "issubclass")? {
            if crate::object::protocol::issubclass(sub, &a)? {
                return Ok(crate::objects::bool_::py_bool(true));
            }
        }
        Ok(crate::objects::bool_::py_bool(false))
    }

    // -----------------------------------------------------------------------
    // mappingproxy (CPython's `Objects/descrobject.c`): a read-only view of
    // a mapping, here of a type's dict.

    #[repr(C)]
    pub struct PyMappingProxy {
        pub ob_base: PyObject,
        pub mapping: PyRef,
    }

    pub static MAPPINGPROXY_TYPE: PyType = PyType {
        tp_name: "mappingproxy",
        tp_basicsize: Cell::new(std::mem::size_of::<PyMappingProxy>()),
        tp_flags: Cell::new(TypeFlags::HAVE_GC | TypeFlags::MAPPING),
        tp_drop: Some(mp_drop),
        tp_traverse: Cell::new(Some(mp_traverse)),
        tp_repr: Cell::new(Some(|o| {
            let inner = crate::object::protocol::repr_string(&mp_of(o).mapping)?;
            crate::objects::str::PyStr::new(&format!("mappingproxy({inner})"))
        })),
        tp_str: Cell::new(Some(|o| crate::object::protocol::str_(&mp_of(o).mapping))),
        tp_iter: Cell::new(Some(|o| {
            crate::object::protocol::get_iter(&mp_of(o).mapping)
        })),
        tp_richcompare: Cell::new(Some(|a, b, op| {
            crate::object::protocol::rich_compare(&mp_of(a).mapping, b, op)
        })),
        tp_new: Cell::new(Some(mp_new)),
        as_number: NumberSlots {
            nb_or: Cell::new(Some(mp_or)),
            nb_inplace_or: Cell::new(Some(mp_ior)),
            ..NumberSlots::EMPTY
        },
        as_mapping: MappingSlots {
            mp_length: Cell::new(Some(|o| crate::object::protocol::len(&mp_of(o).mapping))),
            mp_subscript: Cell::new(Some(|o, k| {
                crate::object::protocol::get_item(&mp_of(o).mapping, k)
            })),
            mp_ass_subscript: Cell::new(None),
        },
        as_sequence: SequenceSlots {
            sq_contains: Cell::new(Some(|o, k| {
                crate::object::protocol::contains(&mp_of(o).mapping, k)
            })),
            ..SequenceSlots::EMPTY
        },
        tp_methods: &[
            MethodDef::new(
                "keys",
                Meth::NoArgs(|o| {
                    crate::object::protocol::call_method(&mp_of(o).mapping, "keys", &[])
                }),
            ),
            MethodDef::new(
                "values",
                Meth::NoArgs(|o| {
                    crate::object::protocol::call_method(&mp_of(o).mapping, "values", &[])
                }),
            ),
            MethodDef::new(
                "items",
                Meth::NoArgs(|o| {
                    crate::object::protocol::call_method(&mp_of(o).mapping, "items", &[])
                }),
            ),
            MethodDef::new(
                "copy",
                Meth::NoArgs(|o| {
                    crate::object::protocol::call_method(&mp_of(o).mapping, "copy", &[])
                }),
            ),
            MethodDef::new(
                "get",
                Meth::Fast(|o, a| {
                    crate::object::protocol::call_method(&mp_of(o).mapping, "get", a)
                }),
            ),
            MethodDef::new(
                "__reversed__",
                Meth::NoArgs(|o| {
                    crate::object::protocol::call_method(&mp_of(o).mapping, "__reversed__", &[])
                }),
            ),
            MethodDef::class(
                "__class_getitem__",
                Meth::O(crate::objects::list::class_getitem),
            )
            .with_doc("See PEP 585"),
        ],
        ..PyType::BASE
    };

    // SAFETY: repr(C), header first.
    unsafe impl PyPayload for PyMappingProxy {
        fn type_object() -> &'static PyType {
            &MAPPINGPROXY_TYPE
        }
    }

    fn mp_of(o: &PyRef) -> &PyMappingProxy {
        // SAFETY: only called from mappingproxy's own slots and methods.
        unsafe { &*(o.as_ptr() as *const PyMappingProxy) }
    }

    unsafe fn mp_drop(obj: *mut PyObject) {
        // SAFETY: a dead mappingproxy.
        unsafe { std::ptr::drop_in_place(obj as *mut PyMappingProxy) }
    }

    unsafe fn mp_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
        // SAFETY: a live mappingproxy.
        visit(unsafe { &*(obj as *const PyMappingProxy) }.mapping.as_ptr());
    }

    /// `mappingproxy_or`: `|` of the proxied mappings (either side may be
    /// a proxy), so the result is the mapping's own type's.
    fn mp_or(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
        let unwrap = |o: &PyRef| match o.is_instance_of::<PyMappingProxy>() {
            true => mp_of(o).mapping.clone(),
            false => o.clone(),
        };
        crate::object::protocol::binary_op(&unwrap(a), &unwrap(b), crate::object::protocol::OR)
    }

    /// `mappingproxy_ior`: a proxy is read-only.
    fn mp_ior(a: &PyRef, _b: &PyRef) -> PyResult<PyRef> {
        Err(PyErr::type_error(format!(
            "'|=' is not supported by {}; use '|' instead",
            a.ty().name()
        )))
    }

    /// A read-only proxy of `mapping`.
    pub fn new_mappingproxy(mapping: PyRef) -> PyResult<PyRef> {
        alloc_object(
            &MAPPINGPROXY_TYPE,
            PyMappingProxy {
                ob_base: PyObject::NEW,
                mapping,
            },
        )
    }

    fn mp_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
        let nkw = kw_count(kwnames);
        if args.len().saturating_sub(nkw) != 1 || nkw > 0 {
            return Err(PyErr::type_error(format!(
                "mappingproxy() takes exactly one argument ({} given)",
                args.len()
            )));
        }
        let m = &args[0];
        if m.ty().as_mapping.mp_subscript.get().is_none()
            || m.is_instance_of::<crate::objects::list::PyList>()
            || m.is_instance_of::<PyTuple>()
        {
            return Err(PyErr::type_error(format!(
                "mappingproxy() argument must be a mapping, not {}",
                m.ty().name()
            )));
        }
        new_mappingproxy(m.clone())
    }
    fn get_doc(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        if !ty.is_heap_type() {
            return Ok(match ty.tp_doc {
                Some(s) => PyStr::new(descr::split_signature(ty.name(), s).1)?,
                None => none(),
            });
        }
        let v = match ty.dict() {
            // SAFETY: a type's dict.
            Some(d) => unsafe { d.payload_unchecked::<PyDict>() }.get_str("__doc__")?,
            None => None,
        };
        match v {
            Some(v) => descr::bind(&v, None, Some(o)),
            None => Ok(none()),
        }
    }
    fn set_doc(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        let v = check_set(ty, v, "__doc__")?;
        if let Some(d) = ty.dict() {
            // SAFETY: a type's dict.
            unsafe { d.payload_unchecked::<PyDict>() }.set_str("__doc__", v)?;
        }
        Ok(())
    }
    fn get_abstract(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        if !std::ptr::eq(ty, &TYPE_TYPE) {
            if let Some(d) = ty.dict() {
                if let Some(v) =
                    // SAFETY: a type's dict.
                    unsafe { d.payload_unchecked::<PyDict>() }
                        .get_str("__abstractmethods__")?
                {
                    return Ok(v);
                }
            }
        }
        Err(PyErr::attribute_error("__abstractmethods__"))
    }
    fn set_abstract(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        let d = ty
            .dict()
            .ok_or_else(|| PyErr::system_error("type has no dict"))?
            .clone();
        // SAFETY: a type's dict.
        let dd = unsafe { d.payload_unchecked::<PyDict>() };
        let abstract_ = match v {
            Some(v) => {
                let t = crate::object::protocol::is_true(v)?;
                dd.set_str("__abstractmethods__", v.clone())?;
                t
            }
            None => {
                if dd.del_item(intern!("__abstractmethods__"))?.is_none() {
                    return Err(PyErr::attribute_error("__abstractmethods__"));
                }
                false
            }
        };
        let f = ty.flags();
        ty.tp_flags.set(if abstract_ {
            f | TypeFlags::IS_ABSTRACT
        } else {
            f & !TypeFlags::IS_ABSTRACT
        });
        Ok(())
    }

    /// Does a heap type keep its instances' `__dict__` where CPython 3.11
    /// would use a managed dict (`Py_TPFLAGS_MANAGED_DICT`: a fixed-size
    /// base without a dict of its own)? Taipan keeps one pointer inside the
    /// object instead of two words before it.
    pub fn has_managed_dict(ty: &PyType) -> bool {
        ty.is_heap_type()
            && ty.tp_itemsize == 0
            && ty.tp_dictoffset.get() > 0
            && ty.static_base().tp_dictoffset.get() == 0
    }

    /// `sizeof(PyHeapTypeObject)` and `sizeof(PyTypeObject)` in CPython 3.11
    /// (64-bit): Taipan's `PyType` is smaller, but `__basicsize__` and
    /// `__sizeof__` report CPython's layout.
    const CPY_HEAPTYPE_SIZE: usize = 904;
    const CPY_TYPE_SIZE: usize = 408;
    /// `_PyDict_KeysSize` of the shared keys a managed-dict class caches
    /// (`_PyDict_NewKeysForClass`: 64 slots, 42 usable unicode entries).
    const CPY_CACHED_KEYS_SIZE: usize = 32 + 64 + 42 * 16;

    /// `(tp_basicsize, tp_itemsize)` of the static types whose Taipan
    /// layout differs from CPython 3.11's struct (64-bit), as
    /// `__basicsize__` and `__itemsize__` report them.
    fn cpython_static_layout(ty: &PyType) -> Option<(usize, usize)> {
        use crate::objects as o;
        let table: [(&PyType, usize, usize); 15] = [
            (&TYPE_TYPE, CPY_HEAPTYPE_SIZE, 40),
            (&o::int::INT_TYPE, 24, 4),
            (&o::bool_::BOOL_TYPE, 32, 4),
            (&o::bytes::BYTES_TYPE, 33, 1),
            (&o::str::STR_TYPE, 80, 0),
            (&o::list::LIST_TYPE, 40, 0),
            (&o::dict::DICT_TYPE, 48, 0),
            (&o::set::SET_TYPE, 200, 0),
            (&o::set::FROZENSET_TYPE, 200, 0),
            (&o::memoryview::MEMORYVIEW_TYPE, 144, 8),
            (&o::function::FUNCTION_TYPE, 136, 0),
            (&o::method::METHOD_TYPE, 48, 0),
            (&o::module::MODULE_TYPE, 56, 0),
            (&o::code::CODE_TYPE, 184, 2),
            (&o::frame::FRAME_TYPE, 120, 8),
        ];
        table
            .iter()
            .find(|(t, _, _)| std::ptr::eq(*t, ty))
            .map(|&(_, b, i)| (b, i))
    }

    /// `(tp_basicsize, tp_itemsize)` as CPython lays the type out: the
    /// static base's CPython struct, the slots a class adds, and a managed
    /// dict before the object rather than in it.
    pub fn cpython_layout(ty: &PyType) -> (usize, usize) {
        let solid = ty.static_base();
        let (sb, si) =
            cpython_static_layout(solid).unwrap_or((solid.tp_basicsize.get(), solid.tp_itemsize));
        let mut n = sb + (ty.tp_basicsize.get() - solid.tp_basicsize.get());
        if has_managed_dict(ty) {
            n -= std::mem::size_of::<usize>();
        }
        (n, si)
    }

    pub fn cpython_basicsize(ty: &PyType) -> usize {
        cpython_layout(ty).0
    }

    /// `type.__sizeof__`.
    fn type_sizeof(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let n = if ty.is_heap_type() {
            CPY_HEAPTYPE_SIZE
                + if has_managed_dict(ty) {
                    CPY_CACHED_KEYS_SIZE
                } else {
                    0
                }
        } else {
            CPY_TYPE_SIZE
        };
        crate::objects::int::PyInt::new(n as i64)
    }

    fn get_flags(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let mut f = ty.flags() & !(TypeFlags::READYING | TypeFlags::LEAF);
        if has_managed_dict(ty) {
            f |= TypeFlags::MANAGED_DICT;
        }
        crate::objects::int::PyInt::new(f as i64)
    }
    fn get_basicsize(o: &PyRef) -> PyResult<PyRef> {
        crate::objects::int::PyInt::new(cpython_basicsize(ty_of(o)?) as i64)
    }
    fn get_itemsize(o: &PyRef) -> PyResult<PyRef> {
        crate::objects::int::PyInt::new(cpython_layout(ty_of(o)?).1 as i64)
    }
    fn get_dictoffset(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let n = if has_managed_dict(ty) {
            // CPython: `-tp_basicsize - 3 * sizeof(PyObject *)`.
            -(cpython_basicsize(ty) as isize) - 3 * std::mem::size_of::<usize>() as isize
        } else {
            ty.tp_dictoffset.get()
        };
        crate::objects::int::PyInt::new(n as i64)
    }
    fn get_weakrefoffset(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let mut n = ty.tp_weaklistoffset.get();
        // Taipan's dict slot comes before the weak-reference slot.
        if has_managed_dict(ty) && n > ty.tp_dictoffset.get() {
            n -= std::mem::size_of::<usize>() as isize;
        }
        crate::objects::int::PyInt::new(n as i64)
    }
    /// `type.__text_signature__`: from the internal doc of a static type.
    fn get_text_signature(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        match ty
            .tp_doc
            .and_then(|d| descr::split_signature(ty.name(), d).0)
        {
            Some(s) => PyStr::new(s),
            None => Ok(none()),
        }
    }
    /// `type_get_annotations`: a heap type's `__annotations__`, made empty
    /// on first access.
    fn get_annotations(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        if !ty.is_heap_type() {
            return Err(PyErr::attribute_error(format!(
                "type object '{}' has no attribute '__annotations__'",
                ty.name()
            )));
        }
        let d = ty
            .dict()
            .ok_or_else(|| PyErr::system_error("type has no dict"))?
            .clone();
        // SAFETY: a type's dict.
        let dd = unsafe { d.payload_unchecked::<PyDict>() };
        if let Some(v) = dd.get_str("__annotations__")? {
            if let Some(get) = v.ty().tp_descr_get.get() {
                return get(&v, None, Some(o));
            }
            return Ok(v);
        }
        let v = PyDict::new()?;
        dd.set_str("__annotations__", v.clone())?;
        type_modified(ty);
        Ok(v)
    }
    fn set_annotations(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        if !ty.is_heap_type() {
            return Err(PyErr::type_error(format!(
                "cannot set '__annotations__' attribute of immutable type '{}'",
                ty.name()
            )));
        }
        let d = ty
            .dict()
            .ok_or_else(|| PyErr::system_error("type has no dict"))?
            .clone();
        // SAFETY: a type's dict.
        let dd = unsafe { d.payload_unchecked::<PyDict>() };
        match v {
            Some(v) => dd.set_str("__annotations__", v.clone())?,
            None => {
                if dd.del_item(intern!("__annotations__"))?.is_none() {
                    return Err(PyErr::attribute_error("__annotations__"));
                }
            }
        }
        type_modified(ty);
        Ok(())
    }

    /// CPython's `tp_name`: the dotted name of a static type, the
    /// `__name__` of a heap type.
    fn tp_name_of(ty: &PyType) -> &str {
        if ty.is_heap_type() {
            ty.name()
        } else {
            ty.tp_name
        }
    }

    /// `compatible_with_tp_base`: does `child` lay its instances out as its
    /// base does?
    fn compatible_with_tp_base(child: &PyType) -> bool {
        let Some(parent) = child.base() else {
            return false;
        };
        child.tp_basicsize.get() == parent.tp_basicsize.get()
            && child.tp_itemsize == parent.tp_itemsize
            && child.tp_dictoffset.get() == parent.tp_dictoffset.get()
            && child.tp_weaklistoffset.get() == parent.tp_weaklistoffset.get()
            && child.has_gc() == parent.has_gc()
            && (child.is_heap_type() || child.tp_dealloc as usize == parent.tp_dealloc as usize)
    }

    /// `same_slots_added`: `a` and `b` (with the same base) add the same
    /// slots.
    fn same_slots_added(a: &PyType, b: &PyType) -> PyResult<bool> {
        let Some(base) = a.base() else {
            return Ok(false);
        };
        let ptr = std::mem::size_of::<usize>();
        let mut size = base.tp_basicsize.get();
        if a.tp_dictoffset.get() == size as isize && b.tp_dictoffset.get() == size as isize {
            size += ptr;
        }
        if a.tp_weaklistoffset.get() == size as isize && b.tp_weaklistoffset.get() == size as isize
        {
            size += ptr;
        }
        if !a.is_heap_type() || !b.is_heap_type() {
            return Ok(false);
        }
        if let (Some(sa), Some(sb)) = (a.ht_slots.get_owned(), b.ht_slots.get_owned()) {
            if !crate::object::protocol::rich_compare_bool(&sa, &sb, CompareOp::Eq)? {
                return Ok(false);
            }
            size += ptr * sa.downcast::<PyTuple>().map(|t| t.len()).unwrap_or(0);
        }
        Ok(size == a.tp_basicsize.get() && size == b.tp_basicsize.get())
    }

    /// `compatible_for_assignment` (for `__bases__` and `__class__`).
    pub fn compatible_for_assignment(old: &PyType, new: &PyType, attr: &str) -> PyResult<()> {
        let mut newbase = new;
        let mut oldbase = old;
        while compatible_with_tp_base(newbase) {
            match newbase.base() {
                Some(b) => newbase = b,
                None => break,
            }
        }
        while compatible_with_tp_base(oldbase) {
            match oldbase.base() {
                Some(b) => oldbase = b,
                None => break,
            }
        }
        let differs = !std::ptr::eq(newbase, oldbase)
            && (!std::ptr::eq(newbase.tp_base.get(), oldbase.tp_base.get())
                || !same_slots_added(newbase, oldbase)?);
        if !differs && has_managed_dict(old) == has_managed_dict(new) {
            return Ok(());
        }
        Err(PyErr::type_error(format!(
            "{attr} assignment: '{}' object layout differs from '{}'",
            tp_name_of(new),
            tp_name_of(old)
        )))
    }

    fn remove_subclass(base: &PyRef, ty: &PyType) -> PyResult<()> {
        let Some(bt) = as_type(base) else {
            return Ok(());
        };
        if let Some(subs) = bt.tp_subclasses.get_owned() {
            let key = crate::objects::int::PyInt::new(ty as *const PyType as usize as i64)?;
            // SAFETY: tp_subclasses is a dict.
            unsafe { subs.payload_unchecked::<PyDict>() }.del_item(&key)?;
        }
        Ok(())
    }

    /// `mro_hierarchy`: recomputes the MRO of `ty` and of its subclasses,
    /// recording `(type, old mro)` in `done` for an undo.
    fn mro_hierarchy(ty: &PyType, done: &mut Vec<(PyRef, Option<PyRef>)>) -> PyResult<()> {
        let tyref = ty.as_pyref();
        let bases = ty
            .tp_bases
            .get_owned()
            .unwrap_or_else(crate::objects::tuple::empty_tuple);
        // SAFETY: tp_bases is a tuple.
        let b = unsafe { tuple_items_unchecked(&bases) }.to_vec();
        let mro = compute_mro(&tyref, &b)?;
        let old = ty.tp_mro.set(Some(mro));
        done.push((tyref, old));
        type_modified(ty);
        for sub in subclasses_of(ty) {
            if let Some(st) = as_type(&sub) {
                mro_hierarchy(st, done)?;
            }
        }
        Ok(())
    }

    /// `type_set_bases`.
    fn set_bases(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
        let ty = ty_of(o)?;
        let new_bases = check_set(ty, v, "__bases__")?;
        let Some(t) = new_bases.downcast::<PyTuple>() else {
            return Err(PyErr::type_error(format!(
                "can only assign tuple to {}.__bases__, not {}",
                tp_name_of(ty),
                new_bases.ty().name()
            )));
        };
        let items = t.items().to_vec();
        if items.is_empty() {
            return Err(PyErr::type_error(format!(
                "can only assign non-empty tuple to {}.__bases__, not ()",
                tp_name_of(ty)
            )));
        }
        for b in &items {
            let Some(bt) = as_type(b) else {
                return Err(PyErr::type_error(format!(
                    "{}.__bases__ must be tuple of classes, not '{}'",
                    tp_name_of(ty),
                    b.ty().name()
                )));
            };
            let mut chain = Some(bt);
            let mut cycle = bt.is_subtype(ty);
            while let Some(c) = chain {
                if std::ptr::eq(c, ty) {
                    cycle = true;
                    break;
                }
                chain = c.base();
            }
            if cycle {
                return Err(PyErr::type_error(
                    "a __bases__ item causes an inheritance cycle",
                ));
            }
        }
        let new_base = best_base(&items)?;
        let old_base = ty
            .base()
            .ok_or_else(|| PyErr::type_error("__bases__ assignment on object"))?;
        compatible_for_assignment(old_base, new_base, "__bases__")?;
        let old_bases = ty.tp_bases.set(Some(new_bases.clone()));
        let old_base_ptr = ty.tp_base.get();
        ty.tp_base.set(new_base);
        let mut done = Vec::new();
        if let Err(e) = mro_hierarchy(ty, &mut done) {
            for (cls, old_mro) in done.into_iter().rev() {
                if let Some(ct) = as_type(&cls) {
                    drop(ct.tp_mro.set(old_mro));
                    type_modified(ct);
                }
            }
            if ty.tp_bases.get().map(|b| b.is(&new_bases)).unwrap_or(false) {
                drop(ty.tp_bases.set(old_bases));
                ty.tp_base.set(old_base_ptr);
            }
            return Err(e);
        }
        drop(done);
        if ty.tp_bases.get().map(|b| b.is(&new_bases)).unwrap_or(false) {
            if let Some(ob) = &old_bases {
                // SAFETY: tp_bases is a tuple.
                for b in unsafe { tuple_items_unchecked(ob) } {
                    remove_subclass(b, ty)?;
                }
            }
            for b in &items {
                add_subclass(b, ty)?;
            }
            let mut stack = vec![o.clone()];
            while let Some(t) = stack.pop() {
                if let Some(tt) = as_type(&t) {
                    crate::objects::typeslots::fixup_slot_dispatchers(tt)?;
                    type_modified(tt);
                    stack.extend(subclasses_of(tt));
                }
            }
        }
        // The old bases were kept alive until the subclass lists changed.
        drop(old_bases);
        Ok(())
    }

    /// `type_members`, in CPython's order.
    pub static TYPE_MEMBERS: &[GetSetDef] = &[
        GetSetDef::readonly_member("__basicsize__", get_basicsize),
        GetSetDef::readonly_member("__itemsize__", get_itemsize),
        GetSetDef::readonly_member("__flags__", get_flags),
        GetSetDef::readonly_member("__weakrefoffset__", get_weakrefoffset),
        GetSetDef::readonly_member("__base__", get_base),
        GetSetDef::readonly_member("__dictoffset__", get_dictoffset),
        GetSetDef::readonly_member("__mro__", get_mro),
    ];

    pub static TYPE_GETSET: &[GetSetDef] = &[
        GetSetDef {
            name: "__name__",
            get: Some(get_name),
            set: Some(set_name),
            doc: "",
        },
        GetSetDef {
            name: "__qualname__",
            get: Some(get_qualname),
            set: Some(set_qualname),
            doc: "",
        },
        GetSetDef {
            name: "__module__",
            get: Some(get_module),
            set: Some(set_module),
            doc: "",
        },
        GetSetDef {
            name: "__bases__",
            get: Some(get_bases),
            set: Some(set_bases),
            doc: "",
        },
        GetSetDef::getter("__dict__", get_dict),
        GetSetDef {
            name: "__doc__",
            get: Some(get_doc),
            set: Some(set_doc),
            doc: "",
        },
        GetSetDef {
            name: "__abstractmethods__",
            get: Some(get_abstract),
            set: Some(set_abstract),
            doc: "",
        },
        GetSetDef::getter("__text_signature__", get_text_signature),
        GetSetDef {
            name: "__annotations__",
            get: Some(get_annotations),
            set: Some(set_annotations),
            doc: "",
        },
    ];

    fn type_mro(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let bases = ty
            .tp_bases
            .get_owned()
            .unwrap_or_else(crate::objects::tuple::empty_tuple);
        // SAFETY: tp_bases is a tuple.
        let b = unsafe { tuple_items_unchecked(&bases) };
        let v = if b.is_empty() {
            vec![o.clone()]
        } else {
            c3_mro(o, b)?
        };
        crate::objects::list::PyList::new(v)
    }

    fn type_instancecheck(o: &PyRef, inst: &PyRef) -> PyResult<PyRef> {
        ty_of(o)?;
        Ok(crate::objects::bool_::py_bool(recursive_isinstance(
            inst, o,
        )?))
    }

    fn type_subclasscheck(o: &PyRef, sub: &PyRef) -> PyResult<PyRef> {
        ty_of(o)?;
        Ok(crate::objects::bool_::py_bool(recursive_issubclass(
            sub, o,
        )?))
    }

    fn type_prepare(_cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
        PyDict::new()
    }

    fn type_dir(o: &PyRef) -> PyResult<PyRef> {
        let ty = ty_of(o)?;
        let out = PyDict::new()?;
        // SAFETY: fresh dict.
        let od = unsafe { out.payload_unchecked::<PyDict>() };
        if let Some(m) = ty.mro() {
            // SAFETY: an MRO is a tuple of types.
            for t in unsafe { tuple_items_unchecked(m) } {
                if let Some(d) = as_type(t).and_then(|t| t.dict()) {
                    // SAFETY: a type's dict.
                    for k in unsafe { d.payload_unchecked::<PyDict>() }.keys() {
                        od.set_item(k, none())?;
                    }
                }
            }
        }
        crate::objects::list::PyList::new(od.keys())
    }

    /// `recursive_isinstance`: the type, or a different `__class__`.
    fn recursive_isinstance(inst: &PyRef, cls: &PyRef) -> PyResult<bool> {
        if let Some(t) = as_type(cls) {
            if inst.ty().is_subtype(t) {
                return Ok(true);
            }
            if let Some(c) = crate::object::protocol::lookup_attr(inst, intern!("__class__"))? {
                if !c.is(&inst.type_ref()) {
                    if let Some(ct) = as_type(&c) {
                        return Ok(ct.is_subtype(t));
                    }
                }
            }
            return Ok(false);
        }
        if abstract_bases(cls)?.is_none() {
            return Err(PyErr::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        }
        match crate::object::protocol::lookup_attr(inst, intern!("__class__"))? {
            Some(c) => abstract_issubclass(&c, cls),
            None => Ok(false),
        }
    }

    /// `abstract_get_bases`: `cls.__bases__` if it is a tuple.
    fn abstract_bases(cls: &PyRef) -> PyResult<Option<PyRef>> {
        Ok(
            crate::object::protocol::lookup_attr(cls, intern!("__bases__"))?
                .filter(|b| b.is_instance_of::<PyTuple>()),
        )
    }

    /// `abstract_issubclass`: walks `__bases__`.
    fn abstract_issubclass(derived: &PyRef, cls: &PyRef) -> PyResult<bool> {
        let mut d = derived.clone();
        for _ in 0..100_000 {
            if d.is(cls) {
                return Ok(true);
            }
            let Some(bases) = abstract_bases(&d)? else {
                return Ok(false);
            };
            // SAFETY: checked to be a tuple.
            let items = unsafe { tuple_items_unchecked(&bases) }.to_vec();
            match items.len() {
                0 => return Ok(false),
                1 => d = items[0].clone(),
                _ => {
                    for b in &items {
                        if abstract_issubclass(b, cls)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
        }
        Err(PyErr::new(
            &crate::objects::exceptions::RECURSION_ERROR,
            "maximum recursion depth exceeded in __subclasscheck__",
        ))
    }

    fn is_exact_type(o: &PyRef) -> bool {
        std::ptr::eq(o.ty(), &TYPE_TYPE)
    }

    /// `object_recursive_isinstance`.
    pub fn object_isinstance(inst: &PyRef, cls: &PyRef) -> PyResult<bool> {
        if std::ptr::eq(inst.ty() as *const PyType as *const PyObject, cls.as_ptr()) {
            return Ok(true);
        }
        if is_exact_type(cls) {
            return recursive_isinstance(inst, cls);
        }
        if let Some(t) = cls.downcast_exact::<PyTuple>() {
            let _g = crate::eval::recursion::enter_call(" in __instancecheck__")?;
            for c in t.items().to_vec() {
                if object_isinstance(inst, &c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(checker) = lookup(cls.ty(), intern!("__instancecheck__")) {
            let _g = crate::eval::recursion::enter_call(" in __instancecheck__")?;
            let bound = descr::bind(&checker, Some(cls), Some(&cls.type_ref()))?;
            let r = crate::object::protocol::call(&bound, std::slice::from_ref(inst), None)?;
            return crate::object::protocol::is_true(&r);
        }
        recursive_isinstance(inst, cls)
    }

    /// `object_issubclass`.
    pub fn object_issubclass(derived: &PyRef, cls: &PyRef) -> PyResult<bool> {
        if is_exact_type(cls) {
            return recursive_issubclass(derived, cls);
        }
        if let Some(t) = cls.downcast_exact::<PyTuple>() {
            let _g = crate::eval::recursion::enter_call(" in __subclasscheck__")?;
            for c in t.items().to_vec() {
                if object_issubclass(derived, &c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(checker) = lookup(cls.ty(), intern!("__subclasscheck__")) {
            let _g = crate::eval::recursion::enter_call(" in __subclasscheck__")?;
            let bound = descr::bind(&checker, Some(cls), Some(&cls.type_ref()))?;
            let r = crate::object::protocol::call(&bound, std::slice::from_ref(derived), None)?;
            return crate::object::protocol::is_true(&r);
        }
        recursive_issubclass(derived, cls)
    }

    /// `recursive_issubclass`.
    fn recursive_issubclass(derived: &PyRef, cls: &PyRef) -> PyResult<bool> {
        if let (Some(d), Some(c)) = (as_type(derived), as_type(cls)) {
            return Ok(d.is_subtype(c));
        }
        if abstract_bases(derived)?.is_none() {
            return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
        }
        if abstract_bases(cls)?.is_none() {
            return Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        abstract_issubclass(derived, cls)
    }

    pub static TYPE_METHODS: &[MethodDef] = &[
        MethodDef::new("mro", Meth::NoArgs(type_mro)),
        MethodDef::new("__subclasses__", Meth::NoArgs(type_subclasses)),
        MethodDef::new("__instancecheck__", Meth::O(type_instancecheck)),
        MethodDef::new("__subclasscheck__", Meth::O(type_subclasscheck)),
        MethodDef::class("__prepare__", Meth::FastKw(type_prepare)),
        MethodDef::new("__dir__", Meth::NoArgs(type_dir)),
        MethodDef::new("__sizeof__", Meth::NoArgs(type_sizeof)),
    ];
}
