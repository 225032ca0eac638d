//! `classmethod` and `staticmethod` (CPython's `Objects/funcobject.c`,
//! `cm_*` and `sm_*`).
//!
//! Both wrap a callable (`__func__`), copy its `__module__`, `__name__`,
//! `__qualname__`, `__doc__` and `__annotations__` into their own `__dict__`
//! (`functools_wraps`; `__wrapped__` is a member). `classmethod.__get__` binds the
//! callable to the class (through the callable's own `__get__` when it has
//! one, else as a bound method, `PyMethod_New`); `staticmethod.__get__` returns the callable itself.

use std::cell::Cell;

use crate::intern;
use crate::object::*;
use crate::objects::descr;
use crate::objects::dict::PyDict;
use crate::objects::str::PyStr;

/// Payload of `classmethod` and `staticmethod`.
#[repr(C)]
pub struct PyClassMethod {
    pub ob_base: PyObject,
    pub callable: ObjCell,
    pub dict: Option<PyRef>,
}

const DICT_OFFSET: isize = std::mem::offset_of!(PyClassMethod, dict) as isize;

pub static CLASSMETHOD_TYPE: PyType = PyType {
    tp_name: "classmethod",
    tp_basicsize: Cell::new(std::mem::size_of::<PyClassMethod>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(DICT_OFFSET),
    tp_descr_get: Cell::new(Some(cm_descr_get)),
    tp_new: Cell::new(Some(cm_new)),
    tp_init: Cell::new(Some(cm_init)),
    tp_repr: Cell::new(Some(cm_repr)),
    tp_drop: Some(cm_drop),
    tp_traverse: Cell::new(Some(cm_traverse)),
    tp_getset: COMMON_GETSET,
    ..PyType::BASE
};

pub static STATICMETHOD_TYPE: PyType = PyType {
    tp_name: "staticmethod",
    tp_basicsize: Cell::new(std::mem::size_of::<PyClassMethod>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(DICT_OFFSET),
    tp_descr_get: Cell::new(Some(sm_descr_get)),
    tp_new: Cell::new(Some(cm_new)),
    tp_init: Cell::new(Some(cm_init)),
    tp_repr: Cell::new(Some(cm_repr)),
    tp_call: Cell::new(Some(sm_call)),
    tp_drop: Some(cm_drop),
    tp_traverse: Cell::new(Some(cm_traverse)),
    tp_getset: COMMON_GETSET,
    ..PyType::BASE
};

// SAFETY: repr(C), header first; both types share this layout.
unsafe impl PyPayload for PyClassMethod {
    fn type_object() -> &'static PyType {
        &CLASSMETHOD_TYPE
    }
}

static COMMON_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("__func__", get_func),
    GetSetDef::getter("__wrapped__", get_func),
    GetSetDef::getter("__isabstractmethod__", get_isabstract),
    GetSetDef {
        name: "__dict__",
        get: Some(get_dict),
        set: None,
        doc: "",
    },
];

fn payload(obj: &PyRef) -> &PyClassMethod {
    // SAFETY: only called on classmethod/staticmethod objects (their slots and getsets), which share this layout.
    unsafe { &*(obj.as_ptr() as *const PyClassMethod) }
}

fn callable_of(obj: &PyRef) -> PyResult<PyRef> {
    payload(obj)
        .callable
        .get_owned()
        .ok_or_else(|| PyErr::runtime_error("uninitialized classmethod object"))
}

unsafe fn cm_drop(obj: *mut PyObject) {
    // SAFETY: a dead classmethod/staticmethod.
    unsafe {
        let p = &mut *(obj as *mut PyClassMethod);
        drop(p.callable.take());
        drop(p.dict.take());
    }
}

unsafe fn cm_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: a live classmethod/staticmethod.
    unsafe {
        let p = &*(obj as *const PyClassMethod);
        if let Some(c) = p.callable.get() {
            visit(c.as_ptr());
        }
        if let Some(d) = &p.dict {
            visit(d.as_ptr());
        }
    }
}

fn kind(obj: &PyRef) -> &'static str {
    if obj.ty().is_subtype(&STATICMETHOD_TYPE) {
        "staticmethod"
    } else {
        "classmethod"
    }
}

fn cm_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("classmethod.__new__(X): X is not a type object"))?;
    let p = alloc_raw(ty, 0)?;
    // SAFETY: fresh zeroed object: the fields are empty (None).
    Ok(unsafe { PyRef::from_raw(p) })
}

fn cm_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let name = kind(obj);
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    if nkw > 0 && !obj.ty().is_heap_type() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let npos = args.len().saturating_sub(nkw);
    if npos != 1 {
        return Err(PyErr::type_error(format!(
            "{name} expected 1 argument, got {npos}"
        )));
    }
    let f = args[0].clone();
    drop(payload(obj).callable.set(Some(f.clone())));
    wraps(obj, &f)
}

/// `functools_wraps`: copies the wrapped callable's metadata.
fn wraps(obj: &PyRef, f: &PyRef) -> PyResult<()> {
    let d = match crate::objects::object::instance_dict(obj, true)? {
        Some(d) => d,
        None => return Ok(()),
    };
    // SAFETY: an instance dict.
    let dd = unsafe { d.payload_unchecked::<PyDict>() };
    for n in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        if let Some(v) = crate::object::protocol::lookup_attr(f, &crate::objects::str::intern(n))? {
            dd.set_str(n, v)?;
        }
    }
    // `__wrapped__` is a member (the wrapped callable), not a dict entry.
    Ok(())
}

fn new_wrapper(ty: &'static PyType, f: PyRef) -> PyResult<PyRef> {
    let obj = cm_new(&ty.as_pyref(), &[], None)?;
    cm_init(&obj, &[f], None)?;
    Ok(obj)
}

/// `PyClassMethod_New`.
pub fn new_classmethod(f: PyRef) -> PyResult<PyRef> {
    new_wrapper(&CLASSMETHOD_TYPE, f)
}

/// `PyStaticMethod_New`.
pub fn new_staticmethod(f: PyRef) -> PyResult<PyRef> {
    new_wrapper(&STATICMETHOD_TYPE, f)
}

fn cm_descr_get(cm: &PyRef, obj: Option<&PyRef>, ty: Option<&PyRef>) -> PyResult<PyRef> {
    let f = callable_of(cm)?;
    let ty = match (ty, obj) {
        (Some(t), _) if !t.is_none() => t.clone(),
        (_, Some(o)) => o.type_ref(),
        _ => {
            return Err(PyErr::type_error(
                "classmethod.__get__(None, None) is invalid",
            ))
        }
    };
    if let Some(g) = f.ty().tp_descr_get.get() {
        return g(&f, Some(&ty), Some(&ty));
    }
    crate::objects::method::PyMethod::new(f, ty)
}

fn sm_descr_get(sm: &PyRef, _obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    callable_of(sm)
}

fn sm_call(sm: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let f = callable_of(sm)?;
    crate::object::protocol::call(&f, args, kwnames)
}

fn cm_repr(obj: &PyRef) -> PyResult<PyRef> {
    let f = callable_of(obj)?;
    let r = crate::object::protocol::repr_string(&f)?;
    PyStr::new(&format!("<{}({r})>", kind(obj)))
}

fn get_func(obj: &PyRef) -> PyResult<PyRef> {
    callable_of(obj)
}

fn get_isabstract(obj: &PyRef) -> PyResult<PyRef> {
    let f = callable_of(obj)?;
    let r = match crate::object::protocol::lookup_attr(&f, intern!("__isabstractmethod__"))? {
        Some(v) => crate::object::protocol::is_true(&v)?,
        None => false,
    };
    Ok(crate::objects::bool_::py_bool(r))
}

fn get_dict(obj: &PyRef) -> PyResult<PyRef> {
    crate::objects::object::instance_dict(obj, true)?
        .ok_or_else(|| PyErr::attribute_error("This object has no __dict__"))
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&CLASSMETHOD_TYPE, &STATICMETHOD_TYPE];
