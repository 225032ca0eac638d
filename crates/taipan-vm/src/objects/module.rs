//! `module` (CPython's `Objects/moduleobject.c`): a namespace dict with a
//! name. Attribute access reads the dict; a missing attribute falls back to a
//! module-level `__getattr__` (PEP 562).

use std::cell::{Cell, UnsafeCell};

use crate::object::*;
use crate::objects::descr;
use crate::objects::dict::PyDict;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// The `module` payload (`PyModuleObject`).
#[repr(C)]
pub struct PyModule {
    pub ob_base: PyObject,
    pub dict: UnsafeCell<Option<PyRef>>,
}

pub static MODULE_TYPE: PyType = PyType {
    tp_name: "module",
    tp_basicsize: Cell::new(std::mem::size_of::<PyModule>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyModule, dict) as isize),
    tp_getattro: Cell::new(Some(module_getattro)),
    tp_repr: Cell::new(Some(module_repr)),
    tp_drop: Some(drop_module),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyModule {
    fn type_object() -> &'static PyType {
        &MODULE_TYPE
    }
}

unsafe fn drop_module(obj: *mut PyObject) {
    // SAFETY: obj is a dead module.
    unsafe { std::ptr::drop_in_place(obj as *mut PyModule) }
}

impl PyModule {
    /// A new module named `name` with `__name__`, `__doc__`, `__package__`,
    /// `__loader__` and `__spec__` set.
    pub fn new(name: &str) -> PyResult<PyRef> {
        let dict = PyDict::new()?;
        let m = alloc_object(
            &MODULE_TYPE,
            PyModule {
                ob_base: PyObject::NEW,
                dict: UnsafeCell::new(Some(dict.clone())),
            },
        )?;
        // SAFETY: just made.
        let d = unsafe { dict.payload_unchecked::<PyDict>() };
        d.set_str("__name__", PyStr::new(name)?)?;
        d.set_str("__doc__", none())?;
        d.set_str("__package__", none())?;
        d.set_str("__loader__", none())?;
        d.set_str("__spec__", none())?;
        Ok(m)
    }

    /// The module's dict.
    pub fn dict(&self) -> PyRef {
        // SAFETY: short read; a module's dict is set at creation.
        unsafe { (*self.dict.get()).clone() }
            .unwrap_or_else(|| PyDict::new().expect("out of memory"))
    }

    /// The module's dict as a `PyDict`.
    pub fn with_dict<R>(&self, f: impl FnOnce(&PyDict) -> R) -> R {
        let d = self.dict();
        // SAFETY: a module dict is a dict.
        f(unsafe { d.payload_unchecked::<PyDict>() })
    }

    /// Adds native functions to the module, bound to it.
    pub fn add_functions(module: &PyRef, defs: &'static [MethodDef]) -> PyResult<()> {
        let m = module
            .downcast::<PyModule>()
            .ok_or_else(|| PyErr::system_error("not a module"))?;
        let name = m.with_dict(|d| d.get_str("__name__"))?;
        for def in defs {
            let f = descr::new_cfunction(def, Some(module.clone()), name.clone())?;
            m.with_dict(|d| d.set_str(def.name, f))?;
        }
        Ok(())
    }
}

fn module_getattro(obj: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    match crate::objects::object::generic_getattr(obj, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&crate::objects::exceptions::ATTRIBUTE_ERROR) => {
            // SAFETY: tp_getattro of module gets modules.
            let m = unsafe { obj.payload_unchecked::<PyModule>() };
            if let Some(ga) = m.with_dict(|d| d.get_str("__getattr__"))? {
                return crate::object::protocol::call(&ga, std::slice::from_ref(name), None);
            }
            let mname = m.with_dict(|d| d.get_str("__name__"))?;
            let attr = descr::name_str(name);
            match mname.as_ref().and_then(|n| n.downcast::<PyStr>()) {
                Some(n) => Err(PyErr::attribute_error(format!(
                    "module '{}' has no attribute '{}'",
                    n.as_str(),
                    attr
                ))),
                None => Err(PyErr::attribute_error(format!(
                    "module has no attribute '{attr}'"
                ))),
            }
        }
        Err(e) => Err(e),
    }
}

fn module_repr(obj: &PyRef) -> PyResult<PyRef> {
    // SAFETY: tp_repr of module gets modules.
    let m = unsafe { obj.payload_unchecked::<PyModule>() };
    let name = m.with_dict(|d| d.get_str("__name__"))?;
    let file = m.with_dict(|d| d.get_str("__file__"))?;
    let n = match &name {
        Some(n) => crate::object::protocol::str_string(n)?,
        None => "?".into(),
    };
    match file {
        Some(f) => PyStr::new(&format!(
            "<module '{}' from '{}'>",
            n,
            crate::object::protocol::str_string(&f)?
        )),
        None => PyStr::new(&format!("<module '{n}' (built-in)>")),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
