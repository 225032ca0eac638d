//! `types.SimpleNamespace` (CPython's `Objects/namespaceobject.c`): an
//! object whose attributes are its `__dict__`, built from keyword
//! arguments, shown as `namespace(a=1, b=2)` (the class name for
//! subclasses), equal when both are namespaces with equal dicts, and
//! picklable through `__reduce__`. `sys.implementation` is one.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The namespace payload (`_PyNamespaceObject`).
#[repr(C)]
pub struct PyNamespace {
    pub ob_base: PyObject,
    pub dict: Option<PyRef>,
}

const DICT_OFFSET: isize = std::mem::offset_of!(PyNamespace, dict) as isize;

pub static NAMESPACE_TYPE: PyType = PyType {
    tp_name: "types.SimpleNamespace",
    tp_basicsize: Cell::new(std::mem::size_of::<PyNamespace>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(DICT_OFFSET),
    tp_new: Cell::new(Some(namespace_new)),
    tp_init: Cell::new(Some(namespace_init)),
    tp_repr: Cell::new(Some(namespace_repr)),
    tp_richcompare: Cell::new(Some(namespace_richcompare)),
    tp_drop: Some(namespace_drop),
    tp_traverse: Cell::new(Some(namespace_traverse)),
    tp_methods: NAMESPACE_METHODS,
    tp_getset: NAMESPACE_GETSET,
    ..PyType::BASE
};

// SAFETY: repr(C) with the header first.
unsafe impl PyPayload for PyNamespace {
    fn type_object() -> &'static PyType {
        &NAMESPACE_TYPE
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&NAMESPACE_TYPE];

static NAMESPACE_METHODS: &[MethodDef] =
    &[MethodDef::new("__reduce__", Meth::NoArgs(namespace_reduce))];

static NAMESPACE_GETSET: &[GetSetDef] = &[GetSetDef::getter("__dict__", namespace_dict)];

unsafe fn namespace_drop(obj: *mut PyObject) {
    // SAFETY: a dead namespace.
    unsafe { drop((*(obj as *mut PyNamespace)).dict.take()) }
}

unsafe fn namespace_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: a live namespace.
    unsafe {
        if let Some(d) = &(*(obj as *const PyNamespace)).dict {
            visit(d.as_ptr());
        }
    }
}

/// The namespace's dict (made on first use).
pub fn dict_of(obj: &PyRef) -> PyResult<PyRef> {
    crate::objects::object::instance_dict(obj, true)?
        .ok_or_else(|| PyErr::type_error("namespace without a __dict__"))
}

fn namespace_dict(obj: &PyRef) -> PyResult<PyRef> {
    dict_of(obj)
}

fn namespace_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("SimpleNamespace.__new__(X): X is not a type object"))?;
    let obj = alloc_raw(ty, 0)?;
    // SAFETY: a fresh zeroed block of the type's size; writing the payload's fields.
    let o = unsafe {
        std::ptr::write(&mut (*(obj as *mut PyNamespace)).dict, Some(PyDict::new()?));
        PyRef::from_raw(obj)
    };
    Ok(o)
}

fn namespace_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let nkw = kwnames.map(|k| protocol::len(k).unwrap_or(0)).unwrap_or(0);
    if args.len() > nkw {
        return Err(PyErr::type_error("no positional arguments expected"));
    }
    let Some(names) = kwnames else { return Ok(()) };
    let d = dict_of(obj)?;
    // SAFETY: the namespace's dict is a dict.
    let dd = unsafe { d.payload_unchecked::<PyDict>() };
    for (i, k) in protocol::collect(names)?.into_iter().enumerate() {
        dd.set_item(k, args[i].clone())?;
    }
    Ok(())
}

/// A namespace of the given keyword values (`_PyNamespace_New`).
pub fn new_namespace(items: Vec<(&str, PyRef)>) -> PyResult<PyRef> {
    let ns = namespace_new(&PyRef::from_static(&NAMESPACE_TYPE), &[], None)?;
    let d = dict_of(&ns)?;
    // SAFETY: the namespace's dict is a dict.
    let dd = unsafe { d.payload_unchecked::<PyDict>() };
    for (k, v) in items {
        dd.set_str(k, v)?;
    }
    Ok(ns)
}

fn namespace_repr(obj: &PyRef) -> PyResult<PyRef> {
    let name = if std::ptr::eq(obj.ty(), &NAMESPACE_TYPE) {
        "namespace".to_string()
    } else {
        obj.ty().name().to_string()
    };
    let Some(_guard) = crate::objects::list::repr_enter(obj) else {
        return PyStr::new(&format!("{name}(...)"));
    };
    let d = dict_of(obj)?;
    // SAFETY: the namespace's dict is a dict.
    let items = unsafe { d.payload_unchecked::<PyDict>() }.items();
    let mut parts = Vec::new();
    for (k, v) in items {
        if let Some(s) = k.downcast::<PyStr>() {
            let r = protocol::repr(&v)?;
            parts.push(format!(
                "{}={}",
                s.as_str(),
                crate::objects::descr::name_str(&r)
            ));
        }
    }
    PyStr::new(&format!("{name}({})", parts.join(", ")))
}

fn namespace_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let is_ns = |o: &PyRef| o.ty().is_subtype(&NAMESPACE_TYPE);
    if is_ns(a) && is_ns(b) && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        let da = dict_of(a)?;
        let db = dict_of(b)?;
        return protocol::rich_compare(&da, &db, op);
    }
    Ok(crate::objects::none::not_implemented())
}

fn namespace_reduce(obj: &PyRef) -> PyResult<PyRef> {
    let d = dict_of(obj)?;
    PyTuple::new(vec![
        obj.type_ref(),
        crate::objects::tuple::empty_tuple(),
        d,
    ])
}
