//! `property` (CPython's `Objects/descrobject.c`, `property_*`).
//!
//! A data descriptor holding `fget`, `fset`, `fdel` and `__doc__` (taken
//! from the getter when not given), and the attribute name (`__set_name__`)
//! for error messages: "property 'x' of 'A' object has no setter".

use std::cell::Cell;

use crate::intern;
use crate::object::protocol;
use crate::object::*;
use crate::objects::descr;
use crate::objects::none::none;
use crate::objects::tuple::PyTuple;

#[repr(C)]
pub struct PyProperty {
    pub ob_base: PyObject,
    pub fget: ObjCell,
    pub fset: ObjCell,
    pub fdel: ObjCell,
    pub doc: ObjCell,
    pub name: ObjCell,
    /// The doc came from the getter (`getter_doc`).
    pub getter_doc: Cell<bool>,
}

pub static PROPERTY_TYPE: PyType = PyType {
    tp_name: "property",
    tp_basicsize: Cell::new(std::mem::size_of::<PyProperty>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_descr_get: Cell::new(Some(property_get)),
    tp_descr_set: Cell::new(Some(property_set)),
    tp_new: Cell::new(Some(property_new)),
    tp_init: Cell::new(Some(property_init)),
    tp_drop: Some(property_drop),
    tp_traverse: Cell::new(Some(property_traverse)),
    tp_methods: &[
        MethodDef::new("getter", Meth::O(property_getter)),
        MethodDef::new("setter", Meth::O(property_setter)),
        MethodDef::new("deleter", Meth::O(property_deleter)),
        MethodDef::new("__set_name__", Meth::Fast(property_set_name)),
    ],
    tp_getset: &[
        GetSetDef::getter("fget", |o| Ok(field(o, |p| &p.fget))),
        GetSetDef::getter("fset", |o| Ok(field(o, |p| &p.fset))),
        GetSetDef::getter("fdel", |o| Ok(field(o, |p| &p.fdel))),
        GetSetDef {
            name: "__doc__",
            get: Some(|o| Ok(field(o, |p| &p.doc))),
            set: Some(set_doc),
            doc: "",
        },
        GetSetDef::getter("__isabstractmethod__", property_isabstract),
    ],
    tp_doc: Some("Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n    function to be used for setting an attribute value\n  fdel\n    function to be used for del'ing an attribute\n  doc\n    docstring\n\nTypical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\nDecorators make defining new properties or modifying existing ones easy:\n\nclass C(object):\n    @property\n    def x(self):\n        \"I am the 'x' property.\"\n        return self._x\n    @x.setter\n    def x(self, value):\n        self._x = value\n    @x.deleter\n    def x(self):\n        del self._x"),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyProperty {
    fn type_object() -> &'static PyType {
        &PROPERTY_TYPE
    }
}

fn prop(o: &PyRef) -> &PyProperty {
    // SAFETY: only called from property's own slots, methods and getsets, which receive properties (or subclasses, same layout).
    unsafe { &*(o.as_ptr() as *const PyProperty) }
}

fn field(o: &PyRef, f: fn(&PyProperty) -> &ObjCell) -> PyRef {
    f(prop(o)).get_owned().unwrap_or_else(none)
}

fn set_doc(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    drop(prop(o).doc.set(v.cloned()));
    Ok(())
}

unsafe fn property_drop(obj: *mut PyObject) {
    // SAFETY: a dead property.
    let p = unsafe { &*(obj as *const PyProperty) };
    let v = [
        p.fget.take(),
        p.fset.take(),
        p.fdel.take(),
        p.doc.take(),
        p.name.take(),
    ];
    drop(v);
}

unsafe fn property_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: a live property.
    let p = unsafe { &*(obj as *const PyProperty) };
    for c in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
        if let Some(v) = c.get() {
            visit(v.as_ptr());
        }
    }
}

fn property_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("property.__new__(X): X is not a type object"))?;
    let p = alloc_raw(ty, 0)?;
    // SAFETY: a fresh zeroed property: every cell empty.
    Ok(unsafe { PyRef::from_raw(p) })
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn property_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let names = ["fget", "fset", "fdel", "doc"];
    let mut vals: [Option<PyRef>; 4] = [None, None, None, None];
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    let npos = args.len().saturating_sub(nkw);
    if npos > 4 {
        return Err(PyErr::type_error(format!(
            "property() takes at most 4 arguments ({npos} given)"
        )));
    }
    for (i, a) in args[..npos].iter().enumerate() {
        vals[i] = Some(a.clone());
    }
    if let Some(kw) = kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        for (j, k) in kw.items().iter().enumerate() {
            let ks = descr::name_str(k);
            match names.iter().position(|n| *n == ks) {
                Some(i) => {
                    if vals[i].is_some() {
                        return Err(PyErr::type_error(format!(
                            "argument for property() given by name ('{ks}') and position ({})",
                            i + 1
                        )));
                    }
                    vals[i] = Some(args[npos + j].clone());
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "property() got an unexpected keyword argument '{ks}'"
                    )))
                }
            }
        }
    }
    let p = prop(obj);
    let norm = |v: Option<PyRef>| v.filter(|x| !x.is_none());
    let [fget, fset, fdel, doc] = vals;
    let fget = norm(fget);
    let mut doc = norm(doc);
    let mut getter_doc = false;
    if doc.is_none() {
        if let Some(g) = &fget {
            if let Some(d) = protocol::lookup_attr(g, intern!("__doc__"))? {
                if !d.is_none() {
                    doc = Some(d);
                    getter_doc = true;
                }
            }
        }
    }
    let old = [
        p.fget.set(fget),
        p.fset.set(norm(fset)),
        p.fdel.set(norm(fdel)),
        p.doc.set(None),
    ];
    drop(old);
    p.getter_doc.set(getter_doc);
    if !obj.is_exact::<PyProperty>() {
        // A subclass keeps the doc in its instance dict (`__doc__` may be a
        // class attribute there).
        if let Some(d) = doc {
            if protocol::setattr(obj, intern!("__doc__"), Some(&d)).is_err() {
                drop(p.doc.set(Some(d)));
            }
        }
    } else {
        drop(p.doc.set(doc));
    }
    Ok(())
}

fn describe(descr: &PyRef, obj: &PyRef, what: &str) -> PyErr {
    let p = prop(descr);
    let owner = obj.ty().name();
    match p.name.get() {
        Some(n) => {
            // %R of the name: a plain identifier needs no escaping.
            let shown = match n.downcast::<crate::objects::str::PyStr>() {
                Some(s) if s.as_str().chars().all(|c| c == '_' || c.is_alphanumeric()) => {
                    format!("'{}'", s.as_str())
                }
                _ => protocol::repr_string(n).unwrap_or_default(),
            };
            PyErr::attribute_error(format!(
                "property {shown} of '{owner}' object has no {what}"
            ))
        }
        None => PyErr::attribute_error(format!("property of '{owner}' object has no {what}")),
    }
}

fn property_get(descr: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    let obj = match obj {
        Some(o) if !o.is_none() => o,
        _ => return Ok(descr.clone()),
    };
    match prop(descr).fget.get_owned() {
        Some(f) => protocol::call(&f, std::slice::from_ref(obj), None),
        None => Err(describe(descr, obj, "getter")),
    }
}

fn property_set(descr: &PyRef, obj: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let p = prop(descr);
    match value {
        Some(v) => match p.fset.get_owned() {
            Some(f) => protocol::call(&f, &[obj.clone(), v.clone()], None).map(drop),
            None => Err(describe(descr, obj, "setter")),
        },
        None => match p.fdel.get_owned() {
            Some(f) => protocol::call(&f, std::slice::from_ref(obj), None).map(drop),
            None => Err(describe(descr, obj, "deleter")),
        },
    }
}

/// `property_copy`: a new property of the same type with one accessor changed.
fn copy_with(old: &PyRef, which: usize, f: &PyRef) -> PyResult<PyRef> {
    let p = prop(old);
    let mut parts = [
        p.fget.get_owned().unwrap_or_else(none),
        p.fset.get_owned().unwrap_or_else(none),
        p.fdel.get_owned().unwrap_or_else(none),
        none(),
    ];
    parts[which] = f.clone();
    if !(p.getter_doc.get() && which == 0) {
        parts[3] = p.doc.get_owned().unwrap_or_else(none);
    }
    let new = protocol::call(&old.type_ref(), &parts, None)?;
    if let Some(n) = p.name.get_owned() {
        if new.is_instance_of::<PyProperty>() {
            drop(prop(&new).name.set(Some(n)));
        }
    }
    Ok(new)
}

fn property_getter(s: &PyRef, f: &PyRef) -> PyResult<PyRef> {
    copy_with(s, 0, f)
}
fn property_setter(s: &PyRef, f: &PyRef) -> PyResult<PyRef> {
    copy_with(s, 1, f)
}
fn property_deleter(s: &PyRef, f: &PyRef) -> PyResult<PyRef> {
    copy_with(s, 2, f)
}

fn property_set_name(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    drop(prop(s).name.set(Some(args[1].clone())));
    Ok(none())
}

fn property_isabstract(s: &PyRef) -> PyResult<PyRef> {
    let p = prop(s);
    for c in [&p.fget, &p.fset, &p.fdel] {
        if let Some(f) = c.get_owned() {
            if let Some(v) = protocol::lookup_attr(&f, intern!("__isabstractmethod__"))? {
                if protocol::is_true(&v)? {
                    return Ok(crate::objects::bool_::py_bool(true));
                }
            }
        }
    }
    Ok(crate::objects::bool_::py_bool(false))
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&PROPERTY_TYPE];
