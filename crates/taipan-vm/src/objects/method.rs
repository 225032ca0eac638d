//! Bound methods (CPython's `Objects/classobject.c`): a function with its
//! first argument (`__self__`) fixed.

use std::cell::Cell;

use crate::object::*;
use crate::objects::str::PyStr;

/// The bound method payload (`PyMethodObject`).
#[repr(C)]
pub struct PyMethod {
    pub ob_base: PyObject,
    pub func: PyRef,
    pub self_: PyRef,
}

pub static METHOD_TYPE: PyType = PyType {
    tp_name: "method",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMethod>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_method),
    tp_traverse: Cell::new(Some(traverse_method)),
    tp_call: Cell::new(Some(method_call)),
    tp_repr: Cell::new(Some(method_repr)),
    tp_getattro: Cell::new(Some(method_getattro)),
    tp_getset: METHOD_GETSET,
    tp_new: Cell::new(Some(method_new)),
    tp_richcompare: Cell::new(Some(method_richcompare)),
    tp_hash: Cell::new(Some(method_hash)),
    ..PyType::BASE
};

/// `method(function, instance)` (`method_new`).
fn method_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("method", kwnames)?;
    crate::objects::slice::check_nargs("method", args.len(), 2, 2)?;
    if args[0].ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if args[1].is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    PyMethod::new(args[0].clone(), args[1].clone())
}

// SAFETY: PyMethod is repr(C) with the header first.
unsafe impl PyPayload for PyMethod {
    fn type_object() -> &'static PyType {
        &METHOD_TYPE
    }
}

unsafe fn drop_method(obj: *mut PyObject) {
    // SAFETY: obj is a dead method.
    unsafe { std::ptr::drop_in_place(obj as *mut PyMethod) }
}

unsafe fn traverse_method(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live method.
    unsafe {
        let m = &*(obj as *const PyMethod);
        visit(m.func.as_ptr());
        visit(m.self_.as_ptr());
    }
}

impl PyMethod {
    /// `PyMethod_New(func, self)`.
    pub fn new(func: PyRef, self_: PyRef) -> PyResult<PyRef> {
        alloc_object(
            &METHOD_TYPE,
            PyMethod {
                ob_base: PyObject::NEW,
                func,
                self_,
            },
        )
    }
}

fn meth_of(o: &PyRef) -> &PyMethod {
    // SAFETY: slots of `method` get methods.
    unsafe { o.payload_unchecked::<PyMethod>() }
}

fn method_call(m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mm = meth_of(m);
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(mm.self_.clone());
    v.extend_from_slice(args);
    crate::object::protocol::call(&mm.func, &v, kwnames)
}

/// `method_richcompare`: equal when `__self__` is the same object and the
/// functions are equal.
fn method_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(x), Some(y)) = (a.downcast::<PyMethod>(), b.downcast::<PyMethod>()) else {
        return Ok(crate::objects::none::not_implemented());
    };
    let eq = match op {
        CompareOp::Eq | CompareOp::Ne => {
            x.self_.is(&y.self_)
                && crate::object::protocol::rich_compare_bool(&x.func, &y.func, CompareOp::Eq)?
        }
        _ => return Ok(crate::objects::none::not_implemented()),
    };
    Ok(crate::objects::bool_::py_bool(
        if matches!(op, CompareOp::Eq) { eq } else { !eq },
    ))
}

/// `method_hash`: the identity of `__self__` mixed with the function's hash.
fn method_hash(a: &PyRef) -> PyResult<isize> {
    let m = meth_of(a);
    let x = (m.self_.id() >> 4) as isize;
    let y = crate::object::protocol::hash(&m.func)?;
    let h = x ^ y;
    Ok(if h == -1 { -2 } else { h })
}

fn method_repr(m: &PyRef) -> PyResult<PyRef> {
    let mm = meth_of(m);
    let name = match crate::object::protocol::lookup_attr(&mm.func, crate::intern!("__qualname__"))?
    {
        Some(n) => crate::object::protocol::str_string(&n)?,
        None => "?".to_string(),
    };
    let r = crate::object::protocol::repr_string(&mm.self_)?;
    PyStr::new(&format!("<bound method {name} of {r}>"))
}

/// Attributes not found on the method come from the function.
fn method_getattro(m: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    match crate::objects::object::generic_getattr(m, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&crate::objects::exceptions::ATTRIBUTE_ERROR) => {
            crate::object::protocol::getattr(&meth_of(m).func, name)
        }
        Err(e) => Err(e),
    }
}

static METHOD_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("__func__", |o| Ok(meth_of(o).func.clone())),
    GetSetDef::getter("__self__", |o| Ok(meth_of(o).self_.clone())),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&METHOD_TYPE];
