//! `object`, the root of every type (CPython's `Objects/typeobject.c`
//! `PyBaseObject_Type` and `Objects/object.c`'s generic attribute access).

use std::cell::Cell;

use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::descr;
use crate::objects::dict::PyDict;
use crate::objects::none::not_implemented;
use crate::objects::str::PyStr;
use crate::objects::type_::lookup;

/// An instance of plain `object` has only the header.
#[repr(C)]
pub struct PyBaseObject {
    pub ob_base: PyObject,
}

/// `object_str`: `str(o)` is `repr(o)` unless a type says otherwise.
fn object_str(o: &PyRef) -> PyResult<PyRef> {
    crate::object::protocol::repr(o)
}

pub static OBJECT_TYPE: PyType = PyType {
    tp_name: "object",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBaseObject>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_getattro: Cell::new(Some(generic_getattr)),
    tp_setattro: Cell::new(Some(generic_setattr)),
    tp_repr: Cell::new(Some(object_repr)),
    tp_str: Cell::new(Some(object_str)),
    tp_hash: Cell::new(Some(object_hash)),
    tp_richcompare: Cell::new(Some(object_richcompare)),
    tp_new: Cell::new(Some(object_new)),
    tp_init: Cell::new(Some(object_init)),
    tp_getset: &[GetSetDef {
        name: "__class__",
        get: Some(object_get_class),
        set: Some(object_set_class),
        doc: "",
    }],
    tp_methods: &[
        MethodDef::new("__dir__", Meth::NoArgs(object_dir)),
        MethodDef::new("__reduce_ex__", Meth::O(object_reduce_ex)),
        MethodDef::new("__reduce__", Meth::NoArgs(object_reduce)),
        MethodDef::new("__getstate__", Meth::NoArgs(object_getstate_meth)),
        MethodDef::new("__format__", Meth::O(object_format)),
        MethodDef::new("__sizeof__", Meth::NoArgs(object_sizeof)),
        MethodDef::class("__subclasshook__", Meth::FastKw(object_subclasshook)),
        MethodDef::class("__init_subclass__", Meth::FastKw(object_init_subclass)),
    ],
    tp_doc: Some("object()\n--\n\nThe base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"),
    ..PyType::BASE
};

// SAFETY: repr(C), header first; every object starts with a header.
unsafe impl PyPayload for PyBaseObject {
    fn type_object() -> &'static PyType {
        &OBJECT_TYPE
    }
}

/// The instance dict of `obj`, if its type has a dict slot; created on first
/// use.
pub fn instance_dict(obj: &PyRef, create: bool) -> PyResult<Option<PyRef>> {
    // SAFETY: obj is live; the slot is an Option<PyRef> inside its block.
    unsafe {
        let slot = match dict_slot(obj.as_ptr()) {
            Some(s) => s,
            None => return Ok(None),
        };
        if let Some(d) = &*slot {
            return Ok(Some(d.clone()));
        }
        if !create {
            return Ok(None);
        }
        let d = PyDict::new()?;
        // The attributes of an instance `object.__new__` made for a class
        // live inline in CPython 3.11 until `__dict__` is asked for
        // (`_PyObject_InitializeDict`: other bases' `tp_new` leave no
        // values, and the first attribute makes a dict).
        let ty = obj.ty();
        if ty.is_heap_type() && std::ptr::eq(ty.static_base(), &OBJECT_TYPE) {
            crate::gc::mark_dict_inline(&d);
        }
        *slot = Some(d.clone());
        Ok(Some(d))
    }
}

/// `PyObject_GenericGetAttr`.
pub fn generic_getattr(obj: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    let ty = obj.ty();
    let attr = lookup(ty, name);
    if let Some(a) = &attr {
        if let Some(get) = a.ty().tp_descr_get.get() {
            if a.ty().tp_descr_set.get().is_some() {
                return get(a, Some(obj), Some(&obj.type_ref()));
            }
        }
    }
    if let Some(d) = instance_dict(obj, false)? {
        // SAFETY: the dict slot holds a dict.
        let dd = unsafe { d.payload_unchecked::<PyDict>() };
        if let Some(v) = dd.get_item(name)? {
            return Ok(v);
        }
    }
    if let Some(a) = attr {
        return match a.ty().tp_descr_get.get() {
            Some(get) => get(&a, Some(obj), Some(&obj.type_ref())),
            None => Ok(a),
        };
    }
    Err(no_attribute(obj, name))
}

/// `AttributeError: 'X' object has no attribute 'y'`.
#[cold]
pub fn no_attribute(obj: &PyRef, name: &PyRef) -> PyErr {
    // CPython prints `tp_name`: the full dotted name of a static type
    // (`'collections.deque'`), the plain name of a class.
    let ty = obj.ty();
    let tyname = if ty.is_heap_type() {
        ty.name()
    } else {
        ty.tp_name
    };
    let e = PyErr::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        tyname,
        descr::name_str(name)
    ));
    crate::objects::exceptions_attrs::set_name_obj(&e, name, obj);
    e
}

/// `PyObject_GenericSetAttr`.
pub fn generic_setattr(obj: &PyRef, name: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    if !name.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            name.ty().name()
        )));
    }
    let ty = obj.ty();
    if let Some(a) = lookup(ty, name) {
        if let Some(set) = a.ty().tp_descr_set.get() {
            return set(&a, obj, value);
        }
    }
    match instance_dict(obj, value.is_some())? {
        Some(d) => {
            // SAFETY: the dict slot holds a dict.
            let dd = unsafe { d.payload_unchecked::<PyDict>() };
            match value {
                Some(v) => dd.set_item(name.clone(), v.clone()),
                None => match dd.del_item(name)? {
                    Some(_) => Ok(()),
                    None => Err(no_attribute(obj, name)),
                },
            }
        }
        None => {
            if value.is_none() && dict_slot_exists(obj) {
                return Err(no_attribute(obj, name));
            }
            if lookup(ty, name).is_some() {
                Err(PyErr::attribute_error(format!(
                    "'{}' object attribute '{}' is read-only",
                    ty.name(),
                    descr::name_str(name)
                )))
            } else {
                Err(no_attribute(obj, name))
            }
        }
    }
}

fn dict_slot_exists(obj: &PyRef) -> bool {
    obj.ty().tp_dictoffset.get() != 0
}

/// `object.__repr__`: `<module.Qualname object at 0x...>`.
pub fn object_repr(obj: &PyRef) -> PyResult<PyRef> {
    let ty = obj.ty();
    let module = crate::objects::type_::type_module(ty)?;
    let qual = crate::objects::type_::type_qualname(ty)?;
    let m = module.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
    let q = qual.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
    if m == "builtins" || m.is_empty() {
        PyStr::new(&format!("<{q} object at {:#x}>", obj.id()))
    } else {
        PyStr::new(&format!("<{m}.{q} object at {:#x}>", obj.id()))
    }
}

/// `object.__hash__`: `_Py_HashPointer` (the address rotated right by 4).
pub fn object_hash(obj: &PyRef) -> PyResult<isize> {
    let y = obj.id();
    let h = y.rotate_right(4) as isize;
    Ok(if h == -1 { -2 } else { h })
}

/// `object.__eq__`/`__ne__`: identity; ordering is not implemented.
pub fn object_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            py_bool(true)
        } else {
            not_implemented()
        }),
        CompareOp::Ne => {
            // Inverse of __eq__ unless that is NotImplemented.
            match a.ty().tp_richcompare.get() {
                Some(f) if !std::ptr::eq(f as *const (), object_richcompare as *const ()) => {
                    let r = f(a, b, CompareOp::Eq)?;
                    if r.is_not_implemented() {
                        return Ok(r);
                    }
                    Ok(py_bool(!crate::object::protocol::is_true(&r)?))
                }
                _ => Ok(if a.is(b) {
                    py_bool(false)
                } else {
                    not_implemented()
                }),
            }
        }
        _ => Ok(not_implemented()),
    }
}

/// `object.__new__`.
pub fn object_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("object.__new__(X): X is not a type object"))?;
    if !args.is_empty() || kwnames.map(descr::kwnames_len).unwrap_or(0) > 0 {
        let overrides_new = ty.tp_new.get().map(|f| f as *const () as usize)
            != Some(object_new as *const () as usize);
        let overrides_init = ty.tp_init.get().map(|f| f as *const () as usize)
            != Some(object_init as *const () as usize);
        if overrides_new {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if !overrides_init {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                ty.name()
            )));
        }
    }
    if ty.has_flag(TypeFlags::IS_ABSTRACT) {
        return Err(abstract_error(cls, ty));
    }
    let p = alloc_raw(ty, 0)?;
    // SAFETY: a fresh object of type ty.
    Ok(unsafe { PyRef::from_raw(p) })
}

/// "Can't instantiate abstract class A with abstract methods f, g".
#[cold]
fn abstract_error(cls: &PyRef, ty: &PyType) -> PyErr {
    let names = crate::object::protocol::getattr_str(cls, "__abstractmethods__")
        .and_then(|a| crate::object::protocol::collect(&a));
    let mut names: Vec<String> = match names {
        Ok(v) => v.iter().map(|n| descr::name_str(n).to_owned()).collect(),
        Err(e) => return e,
    };
    names.sort();
    PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        ty.name(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    ))
}

/// `object.__init__`.
pub fn object_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    if !args.is_empty() || kwnames.map(descr::kwnames_len).unwrap_or(0) > 0 {
        let ty = obj.ty();
        let overrides_new = ty.tp_new.get().map(|f| f as *const () as usize)
            != Some(object_new as *const () as usize);
        let overrides_init = ty.tp_init.get().map(|f| f as *const () as usize)
            != Some(object_init as *const () as usize);
        if overrides_init {
            return Err(PyErr::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if !overrides_new {
            return Err(PyErr::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name()
            )));
        }
    }
    Ok(())
}

fn object_get_class(obj: &PyRef) -> PyResult<PyRef> {
    Ok(obj.type_ref())
}

/// `compatible_for_assignment`: same layout (static base, size, dict and
/// weakref offsets, `__slots__`).
fn same_layout(a: &PyType, b: &PyType) -> bool {
    let slots = |t: &PyType| -> Vec<String> {
        t.ht_slots
            .get()
            .and_then(|s| s.downcast::<crate::objects::tuple::PyTuple>())
            .map(|t| {
                t.items()
                    .iter()
                    .map(|x| descr::name_str(x).to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    std::ptr::eq(a.static_base(), b.static_base())
        && a.tp_basicsize.get() == b.tp_basicsize.get()
        && a.tp_itemsize == b.tp_itemsize
        && a.tp_dictoffset.get() == b.tp_dictoffset.get()
        && a.tp_weaklistoffset.get() == b.tp_weaklistoffset.get()
        && slots(a) == slots(b)
}

/// `object.__class__ = C` (`object_set_class`).
fn object_set_class(obj: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let value = value.ok_or_else(|| PyErr::type_error("can't delete __class__ attribute"))?;
    let new = crate::objects::type_::as_type(value).ok_or_else(|| {
        PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            value.ty().name()
        ))
    })?;
    let old = obj.ty();
    let module_sub = |t: &PyType| t.is_subtype(&crate::objects::module::MODULE_TYPE);
    if !((new.is_heap_type() && old.is_heap_type()) || (module_sub(new) && module_sub(old))) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if !same_layout(old, new) {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    let old_ref = obj.type_ref();
    // SAFETY: the layouts match; instances of heap types own a reference to their type: the new one is taken here, the old one released below.
    unsafe {
        if new.is_heap_type() {
            std::mem::forget(value.clone());
        }
        obj.header().ob_type.set(new as *const PyType);
        if old.is_heap_type() {
            crate::object::decref(old_ref.as_ptr());
        }
    }
    drop(old_ref);
    Ok(())
}

/// `object.__dir__`: the instance dict's keys and the class's attributes.
fn object_dir(obj: &PyRef) -> PyResult<PyRef> {
    let out = PyDict::new()?;
    // SAFETY: a fresh dict.
    let od = unsafe { out.payload_unchecked::<PyDict>() };
    if let Some(d) = crate::object::protocol::lookup_attr(obj, crate::intern!("__dict__"))? {
        if let Some(dd) = d.downcast::<PyDict>() {
            for k in dd.keys() {
                od.set_item(k, crate::objects::none::none())?;
            }
        }
    }
    let cls = match crate::object::protocol::lookup_attr(obj, crate::intern!("__class__"))? {
        Some(c) => c,
        None => obj.type_ref(),
    };
    if let Some(t) = crate::objects::type_::as_type(&cls) {
        if let Some(m) = t.mro() {
            // SAFETY: an MRO is a tuple of types.
            for ty in unsafe { crate::objects::tuple::tuple_items_unchecked(m) } {
                if let Some(d) = crate::objects::type_::as_type(ty).and_then(|t| t.dict()) {
                    // SAFETY: a type's dict.
                    for k in unsafe { d.payload_unchecked::<PyDict>() }.keys() {
                        od.set_item(k, crate::objects::none::none())?;
                    }
                }
            }
        }
    }
    crate::objects::list::PyList::new(od.keys())
}

/// `object.__format__`: `str(self)` for an empty spec.
fn object_format(obj: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let s = spec.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            spec.ty().name()
        ))
    })?;
    if !s.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj.ty().tp_name_str()
        )));
    }
    crate::object::protocol::str_(obj)
}

/// `object.__sizeof__`: the basic size plus the items.
fn object_sizeof(obj: &PyRef) -> PyResult<PyRef> {
    let ty = obj.ty();
    let mut n = ty.tp_basicsize.get();
    if ty.tp_itemsize != 0 {
        // SAFETY: types with items have a var header.
        let size = unsafe { (*(obj.as_ptr() as *const PyVarObject)).ob_size.get() };
        n += ty.tp_itemsize * size.unsigned_abs();
    }
    crate::objects::int::PyInt::new(n as i64)
}

// ---------------------------------------------------------------------------
// Pickling support (`object.__reduce_ex__`, `reduce_newobj`,
// `object_getstate`).

/// Is `attr` the method descriptor of `object` for the native `f`?
fn is_native_noargs(attr: &PyRef, f: fn(&PyRef) -> PyResult<PyRef>) -> bool {
    attr.downcast_exact::<descr::PyMethodDescr>()
        .map(|d| matches!(d.def.meth, Meth::NoArgs(g) if std::ptr::eq(g as *const (), f as *const ())))
        .unwrap_or(false)
}

/// `object.__reduce_ex__(protocol)`: `__reduce__` if the class overrides
/// it, else the common reduction.
fn object_reduce_ex(obj: &PyRef, protocol: &PyRef) -> PyResult<PyRef> {
    let proto = crate::objects::int::as_i64(protocol)?;
    if let Some(r) = crate::objects::type_::lookup_str(obj.ty(), "__reduce__") {
        if !is_native_noargs(&r, object_reduce) {
            let m = crate::object::protocol::getattr_str(obj, "__reduce__")?;
            return crate::object::protocol::call(&m, &[], None);
        }
    }
    common_reduce(obj, proto)
}

fn object_reduce(obj: &PyRef) -> PyResult<PyRef> {
    common_reduce(obj, 0)
}

fn common_reduce(obj: &PyRef, proto: i64) -> PyResult<PyRef> {
    if proto >= 2 {
        return reduce_newobj(obj);
    }
    let copyreg = crate::import::import_module("copyreg")?;
    let f = crate::object::protocol::getattr_str(&copyreg, "_reduce_ex")?;
    crate::object::protocol::call(
        &f,
        &[obj.clone(), crate::objects::int::PyInt::new(proto)?],
        None,
    )
}

fn cannot_pickle(obj: &PyRef) -> PyErr {
    PyErr::type_error(format!("cannot pickle '{}' object", obj.ty().name()))
}

/// `reduce_newobj`: `(copyreg.__newobj__, (cls, *args), state, listitems,
/// dictitems)`.
fn reduce_newobj(obj: &PyRef) -> PyResult<PyRef> {
    use crate::objects::tuple::PyTuple;
    let ty = obj.ty();
    if ty.tp_new.get().is_none() {
        return Err(cannot_pickle(obj));
    }
    let (args, kwargs) = get_new_arguments(obj)?;
    let copyreg = crate::import::import_module("copyreg")?;
    let has_args = args.is_some();
    let cls = obj.type_ref();
    let (newobj, newargs) = match kwargs {
        Some(kw) if crate::object::protocol::len(&kw)? > 0 => (
            crate::object::protocol::getattr_str(&copyreg, "__newobj_ex__")?,
            PyTuple::new(vec![
                cls,
                args.unwrap_or_else(crate::objects::tuple::empty_tuple),
                kw,
            ])?,
        ),
        _ => {
            let mut v = vec![cls];
            if let Some(a) = &args {
                v.extend(crate::object::protocol::collect(a)?);
            }
            (
                crate::object::protocol::getattr_str(&copyreg, "__newobj__")?,
                PyTuple::new(v)?,
            )
        }
    };
    let required = !has_args
        && !obj.is_instance_of::<crate::objects::list::PyList>()
        && !obj.is_instance_of::<PyDict>();
    let state = object_getstate(obj, required)?;
    let none = crate::objects::none::none();
    let listitems = if obj.is_instance_of::<crate::objects::list::PyList>() {
        crate::object::protocol::get_iter(obj)?
    } else {
        none.clone()
    };
    let dictitems = if obj.is_instance_of::<PyDict>() {
        let items = crate::object::protocol::call_method(obj, "items", &[])?;
        crate::object::protocol::get_iter(&items)?
    } else {
        none
    };
    PyTuple::new(vec![newobj, newargs, state, listitems, dictitems])
}

/// `_PyObject_GetNewArguments`: from `__getnewargs_ex__` or `__getnewargs__`.
fn get_new_arguments(obj: &PyRef) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    use crate::objects::tuple::PyTuple;
    if let Some(f) = crate::objects::type_::lookup_str(obj.ty(), "__getnewargs_ex__") {
        let bound = descr::bind(&f, Some(obj), Some(&obj.type_ref()))?;
        let r = crate::object::protocol::call(&bound, &[], None)?;
        let t = r.downcast::<PyTuple>().ok_or_else(|| {
            PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                r.ty().name()
            ))
        })?;
        if t.len() != 2 {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                t.len()
            )));
        }
        let (a, k) = (t.items()[0].clone(), t.items()[1].clone());
        if !a.is_instance_of::<PyTuple>() {
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                a.ty().name()
            )));
        }
        if !k.is_instance_of::<PyDict>() {
            return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                k.ty().name()
            )));
        }
        return Ok((Some(a), Some(k)));
    }
    if let Some(f) = crate::objects::type_::lookup_str(obj.ty(), "__getnewargs__") {
        let bound = descr::bind(&f, Some(obj), Some(&obj.type_ref()))?;
        let r = crate::object::protocol::call(&bound, &[], None)?;
        if !r.is_instance_of::<PyTuple>() {
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                r.ty().name()
            )));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

fn object_getstate_meth(obj: &PyRef) -> PyResult<PyRef> {
    object_getstate_default(obj, false)
}

/// `object_getstate`: `__getstate__` if overridden, else the default.
fn object_getstate(obj: &PyRef, required: bool) -> PyResult<PyRef> {
    match crate::objects::type_::lookup_str(obj.ty(), "__getstate__") {
        Some(a) if !is_native_noargs(&a, object_getstate_meth) => {
            let f = crate::object::protocol::getattr_str(obj, "__getstate__")?;
            crate::object::protocol::call(&f, &[], None)
        }
        _ => object_getstate_default(obj, required),
    }
}

/// `object_getstate_default`: the instance dict (a copy, or None when
/// empty), paired with a dict of the `__slots__` values if any.
fn object_getstate_default(obj: &PyRef, required: bool) -> PyResult<PyRef> {
    let ty = obj.ty();
    if required && ty.tp_itemsize != 0 {
        return Err(cannot_pickle(obj));
    }
    let mut state = match instance_dict(obj, false)? {
        Some(d)
            if d.downcast::<PyDict>()
                .map(|x| !x.is_empty())
                .unwrap_or(false) =>
        {
            // The dict itself (`PyObject_GenericGetDict`), not a copy.
            crate::gc::mark_dict_materialized(&d);
            d
        }
        _ => crate::objects::none::none(),
    };
    let mut slotnames = Vec::new();
    let mut t = Some(ty);
    while let Some(tt) = t {
        if !tt.is_heap_type() {
            break;
        }
        if let Some(sl) = tt
            .ht_slots
            .get()
            .and_then(|s| s.downcast::<crate::objects::tuple::PyTuple>())
        {
            slotnames.extend(sl.items().iter().cloned());
        }
        t = tt.base();
    }
    if required {
        let mut basicsize = std::mem::size_of::<PyObject>();
        if ty.tp_dictoffset.get() != 0 {
            basicsize += 8;
        }
        if ty.tp_weaklistoffset.get() != 0 {
            basicsize += 8;
        }
        basicsize += 8 * slotnames.len();
        if ty.tp_basicsize.get() > basicsize {
            return Err(cannot_pickle(obj));
        }
    }
    if !slotnames.is_empty() {
        let slots = PyDict::new()?;
        // SAFETY: a fresh dict.
        let sd = unsafe { slots.payload_unchecked::<PyDict>() };
        for n in slotnames {
            if let Some(v) = crate::object::protocol::lookup_attr(obj, &n)? {
                sd.set_item(n, v)?;
            }
        }
        if !sd.is_empty() {
            state = crate::objects::tuple::PyTuple::new(vec![state, slots.clone()])?;
        }
    }
    Ok(state)
}

fn object_subclasshook(_cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    Ok(not_implemented())
}

fn object_init_subclass(cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    if !args.is_empty() {
        let name = crate::objects::type_::as_type(cls)
            .map(|t| t.name().to_owned())
            .unwrap_or_default();
        if kw.map(descr::kwnames_len).unwrap_or(0) > 0 {
            return Err(PyErr::type_error(format!(
                "{name}.__init_subclass__() takes no keyword arguments"
            )));
        }
        return Err(PyErr::type_error(format!(
            "{name}.__init_subclass__() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(crate::objects::none::none())
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
