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
fn inherit_slots(ty: &PyType, base: &PyType) {
    macro_rules! inherit {
        ($($f:ident).+) => {
            if ty.$($f).+.get().is_none() {
                ty.$($f).+.set(base.$($f).+.get());
            }
        };
    }
    inherit!(tp_repr);
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
        for def in ty.tp_getset {
            d.set_str(def.name, descr::new_getset_descr(ty, def)?)?;
        }
        if d.get_str("__doc__")?.is_none() {
            let doc = match ty.tp_doc {
                Some(s) => PyStr::new(s)?,
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
    Ok(())
}

/// `_PyType_Lookup`: the attribute `name` (a str) along `ty`'s MRO, without
/// binding.
pub fn lookup(ty: &PyType, name: &PyRef) -> Option<PyRef> {
    let hash = match name.downcast::<PyStr>() {
        Some(s) => s.hash(),
        None => return None,
    };
    let mro = ty.mro()?;
    // SAFETY: an MRO is a tuple of types.
    for t in unsafe { crate::objects::tuple::tuple_items_unchecked(mro) } {
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
        ty.name(),
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
            return s(&ma, obj, value);
        }
    }
    let dict = ty
        .dict()
        .ok_or_else(|| PyErr::system_error("type has no dict"))?;
    // SAFETY: a type's dict is a dict.
    let d = unsafe { dict.payload_unchecked::<PyDict>() };
    ty.tp_version_tag
        .set(ty.tp_version_tag.get().wrapping_add(1));
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
    if std::ptr::eq(ty, &TYPE_TYPE) && args.len() == 1 && nkw == 0 {
        return Ok(args[0].type_ref());
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

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
