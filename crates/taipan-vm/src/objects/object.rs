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

pub static OBJECT_TYPE: PyType = PyType {
    tp_name: "object",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBaseObject>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_getattro: Cell::new(Some(generic_getattr)),
    tp_setattro: Cell::new(Some(generic_setattr)),
    tp_repr: Cell::new(Some(object_repr)),
    tp_hash: Cell::new(Some(object_hash)),
    tp_richcompare: Cell::new(Some(object_richcompare)),
    tp_new: Cell::new(Some(object_new)),
    tp_init: Cell::new(Some(object_init)),
    tp_doc: Some("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"),
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
    let e = PyErr::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        obj.ty().name(),
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
        if overrides_new || !overrides_init {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                ty.name()
            )));
        }
    }
    if ty.has_flag(TypeFlags::IS_ABSTRACT) {
        return Err(PyErr::type_error(format!(
            "Can't instantiate abstract class {}",
            ty.name()
        )));
    }
    let p = alloc_raw(ty, 0)?;
    // SAFETY: a fresh object of type ty.
    Ok(unsafe { PyRef::from_raw(p) })
}

/// `object.__init__`.
pub fn object_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    if !args.is_empty() || kwnames.map(descr::kwnames_len).unwrap_or(0) > 0 {
        let ty = obj.ty();
        let overrides_new = ty.tp_new.get().map(|f| f as *const () as usize)
            != Some(object_new as *const () as usize);
        let overrides_init = ty.tp_init.get().map(|f| f as *const () as usize)
            != Some(object_init as *const () as usize);
        if overrides_init || !overrides_new {
            return Err(PyErr::type_error(if overrides_init {
                "object.__init__() takes exactly one argument (the instance to initialize)"
                    .to_string()
            } else {
                format!("{}() takes no arguments", ty.name())
            }));
        }
    }
    Ok(())
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
