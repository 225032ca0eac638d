//! `module` (CPython's `Objects/moduleobject.c`): a namespace dict with a
//! name. Attribute access reads the dict; a missing attribute falls back to a
//! module-level `__getattr__` (PEP 562); `module(name, doc=None)` makes one
//! (`types.ModuleType`), `__dir__` honours a module-level `__dir__`.

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
    /// The weak references to the module (`md_weaklist`).
    pub weaklist: Cell<*mut PyObject>,
}

pub static MODULE_TYPE: PyType = PyType {
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyModule, weaklist) as isize),
    tp_name: "module",
    tp_basicsize: Cell::new(std::mem::size_of::<PyModule>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyModule, dict) as isize),
    tp_getattro: Cell::new(Some(module_getattro)),
    tp_repr: Cell::new(Some(module_repr)),
    tp_drop: Some(drop_module),
    tp_new: Cell::new(Some(module_new)),
    tp_init: Cell::new(Some(module_init)),
    tp_methods: MODULE_METHODS,
    tp_getset: MODULE_GETSET,
    tp_traverse: Cell::new(Some(traverse_module)),
    ..PyType::BASE
};

static MODULE_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("__dict__", module_dict_get),
    GetSetDef {
        name: "__annotations__",
        get: Some(module_get_annotations),
        set: Some(module_set_annotations),
        doc: "",
    },
];

/// `module.__annotations__` (`module_get_annotations`): the dict's entry,
/// made (an empty dict, stored) on first use.
fn module_get_annotations(obj: &PyRef) -> PyResult<PyRef> {
    let d = module_dict_get(obj)?;
    let dict = d
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::type_error("<module>.__dict__ is not a dictionary"))?;
    if let Some(v) = dict.get_str("__annotations__")? {
        return Ok(v);
    }
    let ann = PyDict::new()?;
    dict.set_str("__annotations__", ann.clone())?;
    Ok(ann)
}

/// Assigning or deleting `module.__annotations__` (`module_set_annotations`).
fn module_set_annotations(obj: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let d = module_dict_get(obj)?;
    let dict = d
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::type_error("<module>.__dict__ is not a dictionary"))?;
    match v {
        Some(v) => dict.set_str("__annotations__", v.clone()),
        None => match dict.del_item(crate::intern!("__annotations__"))? {
            Some(_) => Ok(()),
            None => Err(PyErr::attribute_error("__annotations__")),
        },
    }
}

fn module_dict_get(obj: &PyRef) -> PyResult<PyRef> {
    obj.downcast::<PyModule>()
        .map(|m| m.dict())
        .ok_or_else(|| PyErr::type_error("module.__dict__ needs a module"))
}

static MODULE_METHODS: &[MethodDef] = &[MethodDef::new("__dir__", Meth::NoArgs(module_dir))];

unsafe fn traverse_module(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live module.
    unsafe {
        let m = &*(obj as *const PyModule);
        if let Some(d) = &*m.dict.get() {
            visit(d.as_ptr());
        }
    }
}

/// `module.__new__`: an empty module (its dict is made here; `__init__`
/// names it).
fn module_new(cls: &PyRef, _args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("module.__new__(X): X is not a type object"))?;
    let p = alloc_raw(ty, 0)?;
    // SAFETY: a fresh zeroed module-layout object: the dict slot is None, which is valid; fill it.
    let m = unsafe { PyRef::from_raw(p) };
    let dict = PyDict::new()?;
    // SAFETY: m has the module layout.
    unsafe { *m.payload_unchecked::<PyModule>().dict.get() = Some(dict) };
    Ok(m)
}

/// `module.__init__(name, doc=None)`.
fn module_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let a = crate::modules::builtins::parse("module", args, kwnames, &["name", "doc"], 1)?;
    let name = a[0]
        .clone()
        .ok_or_else(|| PyErr::system_error("module name"))?;
    if !name.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "module() argument 'name' must be str, not {}",
            name.ty().name()
        )));
    }
    let m = obj
        .downcast::<PyModule>()
        .ok_or_else(|| PyErr::type_error("module.__init__ needs a module"))?;
    m.with_dict(|d| -> PyResult<()> {
        d.set_str("__name__", name)?;
        d.set_str("__doc__", a[1].clone().unwrap_or_else(none))?;
        d.set_str("__package__", none())?;
        d.set_str("__loader__", none())?;
        d.set_str("__spec__", none())?;
        Ok(())
    })
}

/// `module.__dir__`: the dict's `__dir__` function if it has one, else the
/// dict's keys.
fn module_dir(obj: &PyRef) -> PyResult<PyRef> {
    let m = obj
        .downcast::<PyModule>()
        .ok_or_else(|| PyErr::type_error("module.__dir__ needs a module"))?;
    if let Some(f) = m.with_dict(|d| d.get_str("__dir__"))? {
        return crate::object::protocol::call(&f, &[], None);
    }
    crate::objects::list::PyList::new(m.with_dict(|d| d.keys()))
}

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
                weaklist: Cell::new(std::ptr::null_mut()),
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
        None if crate::import::builtin_module_names().contains(&n.as_str()) => {
            PyStr::new(&format!("<module '{n}' (built-in)>"))
        }
        None => PyStr::new(&format!("<module '{n}'>")),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
