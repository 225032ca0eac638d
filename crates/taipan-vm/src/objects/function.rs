//! Function objects (CPython's `Objects/funcobject.c`).
//!
//! A function is a code object with its globals, builtins, defaults, keyword
//! defaults, closure and the attributes Python code sets on it. Calling one
//! builds a frame and runs the evaluation loop (`eval::ceval`); the loop
//! itself calls Python functions without Rust recursion. As a class
//! attribute a function binds to instances (`tp_descr_get`) as a bound
//! method (`objects/method.rs`).

use std::cell::{Cell, UnsafeCell};

use crate::object::*;
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The function payload (`PyFunctionObject`).
#[repr(C)]
pub struct PyFunction {
    pub ob_base: PyObject,
    pub dict: UnsafeCell<Option<PyRef>>,
    pub code: UnsafeCell<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: UnsafeCell<PyRef>,
    pub qualname: UnsafeCell<PyRef>,
    /// A tuple or `None` (stored as `None` in Rust).
    pub defaults: UnsafeCell<Option<PyRef>>,
    pub kwdefaults: UnsafeCell<Option<PyRef>>,
    /// A tuple of cells, or `None`.
    pub closure: Option<PyRef>,
    pub doc: UnsafeCell<PyRef>,
    pub module: UnsafeCell<PyRef>,
    pub annotations: UnsafeCell<Option<PyRef>>,
    /// The weak-reference list head (`func_weakreflist`, see `_weakref`).
    pub weaklist: Cell<*mut PyObject>,
}

pub static FUNCTION_TYPE: PyType = PyType {
    tp_name: "function",
    tp_basicsize: Cell::new(std::mem::size_of::<PyFunction>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC | TypeFlags::METHOD_DESCRIPTOR),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyFunction, dict) as isize),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyFunction, weaklist) as isize),
    tp_drop: Some(drop_function),
    tp_traverse: Cell::new(Some(traverse_function)),
    tp_clear: Cell::new(Some(clear_function)),
    tp_call: Cell::new(Some(function_call)),
    tp_descr_get: Cell::new(Some(function_descr_get)),
    tp_repr: Cell::new(Some(function_repr)),
    tp_members: FUNCTION_MEMBERS,
    tp_getset: FUNCTION_GETSET,
    ..PyType::BASE
};

// SAFETY: PyFunction is repr(C) with the header first.
unsafe impl PyPayload for PyFunction {
    fn type_object() -> &'static PyType {
        &FUNCTION_TYPE
    }
}

unsafe fn drop_function(obj: *mut PyObject) {
    // SAFETY: obj is a dead function.
    unsafe { std::ptr::drop_in_place(obj as *mut PyFunction) }
}

unsafe fn traverse_function(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live function; fields are read briefly.
    unsafe {
        let f = &*(obj as *const PyFunction);
        visit((*f.code.get()).as_ptr());
        visit(f.globals.as_ptr());
        visit(f.builtins.as_ptr());
        for c in [&f.dict, &f.defaults, &f.kwdefaults, &f.annotations] {
            if let Some(o) = &*c.get() {
                visit(o.as_ptr());
            }
        }
        if let Some(c) = &f.closure {
            visit(c.as_ptr());
        }
        visit((*f.doc.get()).as_ptr());
        visit((*f.module.get()).as_ptr());
        // Names may be str subclasses (tracked, with attributes).
        visit((*f.name.get()).as_ptr());
        visit((*f.qualname.get()).as_ptr());
    }
}

/// `tp_clear` of functions (`func_clear`): drops the references a program
/// can make part of a cycle (`__dict__`, `__defaults__`, `__kwdefaults__`,
/// `__annotations__`, `__doc__`, `__module__`; the name and qualified name,
/// which may be str subclasses, become `''`). Taipan deviation: the code,
/// the globals, the builtins and the closure are kept (they are fixed at
/// creation here); a cycle through them passes through a dict or a cell,
/// which the collector clears.
///
/// # Safety
/// `obj` is a live function.
unsafe fn clear_function(obj: *mut PyObject) {
    let empty = crate::intern!("").clone();
    // SAFETY: obj is a live function; each value is taken out of its field before it is dropped.
    unsafe {
        let f = &*(obj as *const PyFunction);
        let mut taken: Vec<PyRef> = Vec::with_capacity(8);
        for c in [&f.dict, &f.defaults, &f.kwdefaults, &f.annotations] {
            if let Some(o) = (*c.get()).take() {
                taken.push(o);
            }
        }
        for c in [&f.doc, &f.module] {
            taken.push(std::mem::replace(&mut *c.get(), none()));
        }
        for c in [&f.name, &f.qualname] {
            taken.push(std::mem::replace(&mut *c.get(), empty.clone()));
        }
        drop(taken);
    }
}

fn get<T: Clone>(c: &UnsafeCell<T>) -> T {
    // SAFETY: short read under the GIL.
    unsafe { (*c.get()).clone() }
}

fn put<T>(c: &UnsafeCell<T>, v: T) {
    // SAFETY: swap under the GIL; the old value drops after the write.
    let old = unsafe { std::mem::replace(&mut *c.get(), v) };
    drop(old);
}

impl PyFunction {
    /// `PyFunction_New`: a function from a code object and globals; the
    /// builtins come from `globals['__builtins__']` (a module or a dict) or
    /// the interpreter's.
    pub fn new(code: PyRef, globals: PyRef, qualname: Option<PyRef>) -> PyResult<PyRef> {
        let c = code
            .downcast::<PyCode>()
            .ok_or_else(|| PyErr::type_error("function() argument 'code' must be code"))?;
        let name = c.name.clone();
        let qualname = qualname.unwrap_or_else(|| c.qualname.clone());
        let doc = match c.consts().first() {
            Some(d) if d.is_instance_of::<PyStr>() => d.clone(),
            _ => none(),
        };
        let gd = globals
            .downcast::<PyDict>()
            .ok_or_else(|| PyErr::type_error("globals must be a dict"))?;
        let module = gd.get_str("__name__")?.unwrap_or_else(none);
        let builtins = crate::eval::ceval::builtins_of(&globals)?;
        alloc_object(
            &FUNCTION_TYPE,
            PyFunction {
                ob_base: PyObject::NEW,
                dict: UnsafeCell::new(None),
                code: UnsafeCell::new(code.clone()),
                globals,
                builtins,
                name: UnsafeCell::new(name),
                qualname: UnsafeCell::new(qualname),
                defaults: UnsafeCell::new(None),
                kwdefaults: UnsafeCell::new(None),
                closure: None,
                doc: UnsafeCell::new(doc),
                module: UnsafeCell::new(module),
                annotations: UnsafeCell::new(None),
                weaklist: Cell::new(std::ptr::null_mut()),
            },
        )
    }

    /// A function with every field given (`MAKE_FUNCTION`).
    #[allow(clippy::too_many_arguments)]
    pub fn with_parts(
        code: PyRef,
        globals: PyRef,
        builtins: PyRef,
        qualname: Option<PyRef>,
        defaults: Option<PyRef>,
        kwdefaults: Option<PyRef>,
        closure: Option<PyRef>,
        annotations: Option<PyRef>,
    ) -> PyResult<PyRef> {
        let c = code
            .downcast::<PyCode>()
            .ok_or_else(|| PyErr::system_error("MAKE_FUNCTION without a code object"))?;
        let name = c.name.clone();
        let qualname = qualname.unwrap_or_else(|| c.qualname.clone());
        let doc = match c.consts().first() {
            Some(d) if d.is_instance_of::<PyStr>() => d.clone(),
            _ => none(),
        };
        let module = match globals.downcast::<PyDict>() {
            Some(g) => g.get_str("__name__")?.unwrap_or_else(none),
            None => none(),
        };
        alloc_object(
            &FUNCTION_TYPE,
            PyFunction {
                ob_base: PyObject::NEW,
                dict: UnsafeCell::new(None),
                code: UnsafeCell::new(code.clone()),
                globals,
                builtins,
                name: UnsafeCell::new(name),
                qualname: UnsafeCell::new(qualname),
                defaults: UnsafeCell::new(defaults),
                kwdefaults: UnsafeCell::new(kwdefaults),
                closure,
                doc: UnsafeCell::new(doc),
                module: UnsafeCell::new(module),
                annotations: UnsafeCell::new(annotations),
                weaklist: Cell::new(std::ptr::null_mut()),
            },
        )
    }

    /// The code object (a new reference).
    #[inline(always)]
    pub fn code(&self) -> PyRef {
        get(&self.code)
    }

    pub fn defaults(&self) -> Option<PyRef> {
        get(&self.defaults)
    }

    pub fn kwdefaults(&self) -> Option<PyRef> {
        get(&self.kwdefaults)
    }

    pub fn qualname(&self) -> PyRef {
        get(&self.qualname)
    }

    pub fn name(&self) -> PyRef {
        get(&self.name)
    }
}

fn func_of(o: &PyRef) -> &PyFunction {
    // SAFETY: slots and getters of `function` get functions.
    unsafe { o.payload_unchecked::<PyFunction>() }
}

fn function_call(f: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::eval::ceval::call_function(f, args, kwnames)
}

fn function_descr_get(f: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    match obj {
        Some(o) if !o.is_none() => crate::objects::method::PyMethod::new(f.clone(), o.clone()),
        _ => Ok(f.clone()),
    }
}

fn function_repr(f: &PyRef) -> PyResult<PyRef> {
    let q = func_of(f).qualname();
    PyStr::new(&format!(
        "<function {} at {:#x}>",
        crate::objects::descr::name_str(&q),
        f.id()
    ))
}

fn opt_or_none(v: Option<PyRef>) -> PyRef {
    v.unwrap_or_else(none)
}

fn tuple_or_none(what: &str, v: Option<&PyRef>) -> PyResult<Option<PyRef>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) if x.is_instance_of::<PyTuple>() => Ok(Some(x.clone())),
        Some(_) => Err(PyErr::type_error(format!(
            "{what} must be set to a tuple object"
        ))),
    }
}

fn set_str_attr(cell: &UnsafeCell<PyRef>, what: &str, v: Option<&PyRef>) -> PyResult<()> {
    match v {
        Some(x) if x.is_instance_of::<PyStr>() => {
            put(cell, x.clone());
            Ok(())
        }
        _ => Err(PyErr::type_error(format!(
            "{what} must be set to a string object"
        ))),
    }
}

fn annotations_get(o: &PyRef) -> PyResult<PyRef> {
    let f = func_of(o);
    if let Some(a) = get(&f.annotations) {
        if a.is_instance_of::<PyDict>() {
            return Ok(a);
        }
        // A tuple of (name, value) pairs flattened, as MAKE_FUNCTION's 0x04.
        if let Some(t) = a.downcast::<PyTuple>() {
            let d = PyDict::new()?;
            let items = t.items();
            // SAFETY: just made.
            let dd = unsafe { d.payload_unchecked::<PyDict>() };
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    dd.set_item(k.clone(), v.clone())?;
                }
            }
            put(&f.annotations, Some(d.clone()));
            return Ok(d);
        }
    }
    let d = PyDict::new()?;
    put(&f.annotations, Some(d.clone()));
    Ok(d)
}

/// `func_memberlist`: CPython's `T_OBJECT` members of functions, in its
/// order (a deleted `__doc__` or `__module__` reads as None, as a cleared
/// `T_OBJECT` field does).
static FUNCTION_MEMBERS: &[GetSetDef] = &[
    GetSetDef::readonly_member("__closure__", |o| {
        Ok(opt_or_none(func_of(o).closure.clone()))
    }),
    GetSetDef {
        name: "__doc__",
        get: Some(|o| Ok(get(&func_of(o).doc))),
        set: Some(|o, v| {
            put(&func_of(o).doc, v.cloned().unwrap_or_else(none));
            Ok(())
        }),
        doc: "",
    },
    GetSetDef::readonly_member("__globals__", |o| Ok(func_of(o).globals.clone())),
    GetSetDef {
        name: "__module__",
        get: Some(|o| Ok(get(&func_of(o).module))),
        set: Some(|o, v| {
            put(&func_of(o).module, v.cloned().unwrap_or_else(none));
            Ok(())
        }),
        doc: "",
    },
    GetSetDef::readonly_member("__builtins__", |o| Ok(func_of(o).builtins.clone())),
];

static FUNCTION_GETSET: &[GetSetDef] = &[
    GetSetDef {
        name: "__code__",
        get: Some(|o| Ok(func_of(o).code())),
        set: Some(|o, v| match v {
            Some(c) if c.is_instance_of::<PyCode>() => {
                put(&func_of(o).code, c.clone());
                Ok(())
            }
            _ => Err(PyErr::type_error("__code__ must be set to a code object")),
        }),
        doc: "",
    },
    GetSetDef {
        name: "__defaults__",
        get: Some(|o| Ok(opt_or_none(func_of(o).defaults()))),
        set: Some(|o, v| {
            let t = tuple_or_none("__defaults__", v)?;
            put(&func_of(o).defaults, t);
            Ok(())
        }),
        doc: "",
    },
    GetSetDef {
        name: "__kwdefaults__",
        get: Some(|o| Ok(opt_or_none(func_of(o).kwdefaults()))),
        set: Some(|o, v| {
            let d = match v {
                None => None,
                Some(x) if x.is_none() => None,
                Some(x) if x.is_instance_of::<PyDict>() => Some(x.clone()),
                Some(_) => {
                    return Err(PyErr::type_error(
                        "__kwdefaults__ must be set to a dict object",
                    ))
                }
            };
            put(&func_of(o).kwdefaults, d);
            Ok(())
        }),
        doc: "",
    },
    GetSetDef {
        name: "__name__",
        get: Some(|o| Ok(func_of(o).name())),
        set: Some(|o, v| set_str_attr(&func_of(o).name, "__name__", v)),
        doc: "",
    },
    GetSetDef {
        name: "__qualname__",
        get: Some(|o| Ok(func_of(o).qualname())),
        set: Some(|o, v| set_str_attr(&func_of(o).qualname, "__qualname__", v)),
        doc: "",
    },
    GetSetDef {
        name: "__annotations__",
        get: Some(annotations_get),
        set: Some(|o, v| {
            let d = match v {
                None => None,
                Some(x) if x.is_instance_of::<PyDict>() => Some(x.clone()),
                Some(_) => {
                    return Err(PyErr::type_error(
                        "__annotations__ must be set to a dict object",
                    ))
                }
            };
            put(&func_of(o).annotations, d);
            Ok(())
        }),
        doc: "",
    },
    GetSetDef {
        name: "__dict__",
        get: Some(|o| {
            crate::objects::object::instance_dict(o, true)?
                .ok_or_else(|| PyErr::system_error("function without a dict"))
        }),
        set: Some(|o, v| match v {
            Some(d) if d.is_instance_of::<PyDict>() => {
                put(&func_of(o).dict, Some(d.clone()));
                Ok(())
            }
            _ => Err(PyErr::type_error("__dict__ must be set to a dictionary")),
        }),
        doc: "",
    },
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&FUNCTION_TYPE];
