//! Native methods and attribute descriptors (CPython's `Objects/descrobject.c`
//! and `Objects/methodobject.c`).
//!
//! - `method_descriptor`: a `MethodDef` in a type's dict (`str.upper`); its
//!   `__get__` binds it into a `builtin_function_or_method`.
//! - `classmethod_descriptor`: a `MethodDef` with class binding
//!   (`dict.fromkeys`), bound to the type.
//! - `builtin_function_or_method`: a `MethodDef` with its `self` (the bound
//!   object, or the module for module functions).
//! - `getset_descriptor`: a `GetSetDef` (`function.__name__`).
//!
//! Each carries the introspection attributes CPython gives it (`__name__`,
//! `__qualname__`, `__objclass__`/`__self__`, `__module__`, `__doc__`);
//! builtin methods compare equal when they bind the same definition to the
//! same object.

use std::cell::Cell;

use crate::object::*;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// `method_descriptor` / `classmethod_descriptor` payload.
#[repr(C)]
pub struct PyMethodDescr {
    pub ob_base: PyObject,
    pub def: &'static MethodDef,
    /// The type the method belongs to (`__objclass__`); static types live
    /// forever, heap types are kept alive by their dict holding this.
    pub objclass: *const PyType,
}

pub static METHOD_DESCR_TYPE: PyType = PyType {
    tp_name: "method_descriptor",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMethodDescr>()),
    tp_flags: Cell::new(TypeFlags::METHOD_DESCRIPTOR),
    tp_descr_get: Cell::new(Some(method_descr_get)),
    tp_call: Cell::new(Some(method_descr_call)),
    tp_repr: Cell::new(Some(method_descr_repr)),
    tp_getset: METHOD_DESCR_GETSET,
    ..PyType::BASE
};

pub static CLASSMETHOD_DESCR_TYPE: PyType = PyType {
    tp_name: "classmethod_descriptor",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMethodDescr>()),
    tp_descr_get: Cell::new(Some(classmethod_descr_get)),
    tp_call: Cell::new(Some(classmethod_descr_call)),
    tp_repr: Cell::new(Some(method_descr_repr)),
    tp_getset: METHOD_DESCR_GETSET,
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyMethodDescr {
    fn type_object() -> &'static PyType {
        &METHOD_DESCR_TYPE
    }
}

/// `builtin_function_or_method` payload.
#[repr(C)]
pub struct PyCFunction {
    pub ob_base: PyObject,
    pub def: &'static MethodDef,
    pub self_: Option<PyRef>,
    /// `__module__` for module functions (a str), else None.
    pub module: Option<PyRef>,
}

pub static CFUNCTION_TYPE: PyType = PyType {
    tp_name: "builtin_function_or_method",
    tp_basicsize: Cell::new(std::mem::size_of::<PyCFunction>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_call: Cell::new(Some(cfunction_call)),
    tp_repr: Cell::new(Some(cfunction_repr)),
    tp_drop: Some(drop_cfunction),
    tp_getset: CFUNCTION_GETSET,
    tp_richcompare: Cell::new(Some(cfunction_richcompare)),
    tp_hash: Cell::new(Some(cfunction_hash)),
    tp_traverse: Cell::new(Some(traverse_cfunction)),
    tp_methods: &[MethodDef::new("__reduce__", Meth::NoArgs(cfunction_reduce))],
    ..PyType::BASE
};

/// `meth_reduce`: a module function pickles as its name (a global); a
/// bound method as `getattr(self, name)`.
fn cfunction_reduce(o: &PyRef) -> PyResult<PyRef> {
    let c = cf(o)?;
    match &c.self_ {
        Some(s) if !s.is_instance_of::<crate::objects::module::PyModule>() => {
            let args =
                crate::objects::tuple::PyTuple::new(vec![s.clone(), PyStr::new(c.def.name)?])?;
            crate::objects::tuple::PyTuple::new(vec![
                crate::objects::iter::builtin("getattr")?,
                args,
            ])
        }
        _ => PyStr::new(c.def.name),
    }
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyCFunction {
    fn type_object() -> &'static PyType {
        &CFUNCTION_TYPE
    }
}

unsafe fn drop_cfunction(obj: *mut PyObject) {
    // SAFETY: obj is a dead builtin function.
    unsafe { std::ptr::drop_in_place(obj as *mut PyCFunction) }
}

/// `getset_descriptor` payload.
#[repr(C)]
pub struct PyGetSetDescr {
    pub ob_base: PyObject,
    pub def: &'static GetSetDef,
    pub objclass: *const PyType,
}

pub static GETSET_DESCR_TYPE: PyType = PyType {
    tp_name: "getset_descriptor",
    tp_basicsize: Cell::new(std::mem::size_of::<PyGetSetDescr>()),
    tp_descr_get: Cell::new(Some(getset_get)),
    tp_descr_set: Cell::new(Some(getset_set)),
    tp_repr: Cell::new(Some(getset_repr)),
    tp_getset: GETSET_DESCR_GETSET,
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyGetSetDescr {
    fn type_object() -> &'static PyType {
        &GETSET_DESCR_TYPE
    }
}

fn objclass_name(p: *const PyType) -> String {
    // SAFETY: the objclass outlives the descriptor.
    unsafe { (*p).name().to_owned() }
}

/// A new descriptor for a method of `ty`.
pub fn new_method_descr(ty: &PyType, def: &'static MethodDef) -> PyResult<PyRef> {
    let dty = match def.binding {
        MethBinding::Class => &CLASSMETHOD_DESCR_TYPE,
        _ => &METHOD_DESCR_TYPE,
    };
    let d = alloc_object(
        dty,
        PyMethodDescr {
            ob_base: PyObject::NEW,
            def,
            objclass: ty,
        },
    )?;
    if def.binding == MethBinding::Static {
        // A static method is a plain builtin function wrapped in staticmethod;
        // until staticmethod exists, the unbound function serves.
        return new_cfunction(def, None, None);
    }
    Ok(d)
}

/// A new getset descriptor of `ty`.
pub fn new_getset_descr(ty: &PyType, def: &'static GetSetDef) -> PyResult<PyRef> {
    alloc_object(
        &GETSET_DESCR_TYPE,
        PyGetSetDescr {
            ob_base: PyObject::NEW,
            def,
            objclass: ty,
        },
    )
}

/// A builtin function bound to `self_`.
pub fn new_cfunction(
    def: &'static MethodDef,
    self_: Option<PyRef>,
    module: Option<PyRef>,
) -> PyResult<PyRef> {
    alloc_object(
        &CFUNCTION_TYPE,
        PyCFunction {
            ob_base: PyObject::NEW,
            def,
            self_,
            module,
        },
    )
}

/// Calls a `MethodDef` with `self_` and vectorcall arguments, checking the
/// argument convention as CPython's `cfunction_vectorcall_*` do.
pub fn call_def(
    def: &MethodDef,
    self_: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<PyRef> {
    let nkw = kwnames.map(kwnames_len).unwrap_or(0);
    match def.meth {
        Meth::FastKw(f) => f(self_, args, kwnames),
        _ if nkw > 0 => Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            func_str(def, self_)
        ))),
        Meth::NoArgs(f) => {
            if !args.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() takes no arguments ({} given)",
                    func_str(def, self_),
                    args.len()
                )));
            }
            f(self_)
        }
        Meth::O(f) => {
            if args.len() != 1 {
                return Err(PyErr::type_error(format!(
                    "{}() takes exactly one argument ({} given)",
                    func_str(def, self_),
                    args.len()
                )));
            }
            f(self_, &args[0])
        }
        Meth::Fast(f) => f(self_, args),
    }
}

/// The name a built-in function's argument errors use
/// (`_PyObject_FunctionStr`): `len`, `math.sqrt`, `list.append`.
fn func_str(def: &MethodDef, self_: &PyRef) -> String {
    if let Some(m) = self_.downcast::<crate::objects::module::PyModule>() {
        let modname = m
            .with_dict(|d| d.get_str("__name__").ok().flatten())
            .map(|n| name_str(&n).to_string())
            .unwrap_or_default();
        if modname.is_empty() || modname == "builtins" {
            return def.name.to_string();
        }
        return format!("{modname}.{}", def.name);
    }
    if self_.is_none() {
        return def.name.to_string();
    }
    let tyname = match crate::objects::type_::as_type(self_) {
        Some(t) if def.binding == MethBinding::Class => t.name().to_string(),
        _ => self_.ty().name().to_string(),
    };
    format!("{tyname}.{}", def.name)
}

/// The number of keyword names in a `kwnames` tuple.
pub fn kwnames_len(kwnames: &PyRef) -> usize {
    kwnames
        .downcast::<crate::objects::tuple::PyTuple>()
        .map(|t| t.len())
        .unwrap_or(0)
}

fn method_descr_get(descr: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_descr_get of method_descriptor gets one.
    let d = unsafe { descr.payload_unchecked::<PyMethodDescr>() };
    match obj {
        None => Ok(descr.clone()),
        Some(o) => {
            check_self(d, o)?;
            new_cfunction(d.def, Some(o.clone()), None)
        }
    }
}

fn check_self(d: &PyMethodDescr, o: &PyRef) -> PyResult<()> {
    // SAFETY: objclass outlives the descriptor.
    let cls = unsafe { &*d.objclass };
    if !o.ty().is_subtype(cls) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            cls.tp_name_str(),
            o.ty().tp_name_str()
        )));
    }
    Ok(())
}

fn method_descr_call(descr: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_call of method_descriptor gets one.
    let d = unsafe { descr.payload_unchecked::<PyMethodDescr>() };
    let nargs = args
        .len()
        .saturating_sub(kwnames.map(kwnames_len).unwrap_or(0));
    if nargs < 1 {
        return Err(PyErr::type_error(format!(
            "unbound method {}.{}() needs an argument",
            objclass_name(d.objclass),
            d.def.name
        )));
    }
    check_self(d, &args[0])?;
    call_def(d.def, &args[0], &args[1..], kwnames)
}

fn method_descr_repr(descr: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method descriptor.
    let d = unsafe { descr.payload_unchecked::<PyMethodDescr>() };
    PyStr::new(&format!(
        "<method '{}' of '{}' objects>",
        d.def.name,
        objclass_name(d.objclass)
    ))
}

fn classmethod_descr_get(
    descr: &PyRef,
    obj: Option<&PyRef>,
    ty: Option<&PyRef>,
) -> PyResult<PyRef> {
    // SAFETY: a classmethod descriptor.
    let d = unsafe { descr.payload_unchecked::<PyMethodDescr>() };
    let cls = match (ty, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(o)) => o.type_ref(),
        (None, None) => return Ok(descr.clone()),
    };
    // `classmethod_get`'s checks: a type, and a subtype of the method's.
    let objclass = objclass_name(d.objclass);
    let Some(t) = cls.downcast::<PyType>() else {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
            d.def.name,
            objclass,
            cls.ty().name()
        )));
    };
    // SAFETY: the objclass outlives the descriptor.
    if !t.is_subtype(unsafe { &*d.objclass }) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' requires a subtype of '{}' but received '{}'",
            d.def.name,
            objclass,
            t.name()
        )));
    }
    new_cfunction(d.def, Some(cls), None)
}

/// `classmethoddescr_call`: `dict.__dict__['fromkeys'](dict, ...)` binds
/// to its first argument, which must be a subtype, and calls with the rest.
fn classmethod_descr_call(
    descr: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<PyRef> {
    let nkw = kwnames.map(kwnames_len).unwrap_or(0);
    if args.len() <= nkw {
        // SAFETY: a classmethod descriptor.
        let d = unsafe { descr.payload_unchecked::<PyMethodDescr>() };
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            d.def.name,
            objclass_name(d.objclass)
        )));
    }
    let bound = classmethod_descr_get(descr, None, Some(&args[0]))?;
    crate::object::protocol::call(&bound, &args[1..], kwnames)
}

fn cfunction_call(f: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_call of builtin_function_or_method gets one.
    let c = unsafe { f.payload_unchecked::<PyCFunction>() };
    match &c.self_ {
        Some(s) => call_def(c.def, s, args, kwnames),
        None => call_def(c.def, &none(), args, kwnames),
    }
}

fn cfunction_repr(f: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a builtin function.
    let c = unsafe { f.payload_unchecked::<PyCFunction>() };
    match &c.self_ {
        Some(s) if !s.is_instance_of::<crate::objects::module::PyModule>() => PyStr::new(&format!(
            "<built-in method {} of {} object at {:#x}>",
            c.def.name,
            s.ty().name(),
            s.id()
        )),
        _ => PyStr::new(&format!("<built-in function {}>", c.def.name)),
    }
}

fn getset_get(descr: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: a getset descriptor.
    let d = unsafe { descr.payload_unchecked::<PyGetSetDescr>() };
    let obj = match obj {
        None => return Ok(descr.clone()),
        Some(o) => o,
    };
    // SAFETY: objclass outlives the descriptor.
    let cls = unsafe { &*d.objclass };
    if !obj.ty().is_subtype(cls) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.def.name,
            cls.tp_name_str(),
            obj.ty().tp_name_str()
        )));
    }
    match d.def.get {
        Some(g) => g(obj),
        None => Err(PyErr::attribute_error(format!(
            "attribute '{}' of '{}' objects is not readable",
            d.def.name,
            cls.name()
        ))),
    }
}

fn getset_set(descr: &PyRef, obj: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    // SAFETY: a getset descriptor.
    let d = unsafe { descr.payload_unchecked::<PyGetSetDescr>() };
    match d.def.set {
        Some(s) => s(obj, value),
        None => Err(PyErr::attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.def.name,
            objclass_name(d.objclass)
        ))),
    }
}

fn getset_repr(descr: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a getset descriptor.
    let d = unsafe { descr.payload_unchecked::<PyGetSetDescr>() };
    PyStr::new(&format!(
        "<attribute '{}' of '{}' objects>",
        d.def.name,
        objclass_name(d.objclass)
    ))
}

/// Applies a descriptor's `__get__` if it has one (`obj` None: class access).
pub fn bind(attr: &PyRef, obj: Option<&PyRef>, ty: Option<&PyRef>) -> PyResult<PyRef> {
    match attr.ty().tp_descr_get.get() {
        Some(f) => f(attr, obj, ty),
        None => Ok(attr.clone()),
    }
}

/// Calls `f(obj)` for a getter-only attribute; a helper for `GetSetDef`s.
pub fn is_data_descr(attr: &PyRef) -> bool {
    attr.ty().tp_descr_set.get().is_some()
}

/// Used by `protocol` for attribute names in messages.
pub fn name_str(name: &PyRef) -> &str {
    name.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("?")
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

// ---------------------------------------------------------------------------
// Introspection attributes (`__name__`, `__qualname__`, `__self__`, ...).

/// Splits `name(sig)\n--\n\ndoc` into the signature `(sig)` and the
/// doc (`_PyType_GetTextSignatureFromInternalDoc`).
pub fn split_signature<'a>(name: &str, doc: &'a str) -> (Option<&'a str>, &'a str) {
    if let Some(rest) = doc.strip_prefix(name) {
        if rest.starts_with('(') {
            if let Some(end) = rest.find(")\n--\n\n") {
                return (Some(&rest[..end + 1]), &rest[end + 6..]);
            }
        }
    }
    (None, doc)
}

fn doc_of_def(def: &MethodDef) -> PyResult<PyRef> {
    doc_of(split_signature(def.name, def.doc).1)
}

fn signature_of_def(def: &MethodDef) -> PyResult<PyRef> {
    match split_signature(def.name, def.doc).0 {
        Some(s) => PyStr::new(s),
        None => Ok(none()),
    }
}

fn doc_of(doc: &str) -> PyResult<PyRef> {
    if doc.is_empty() {
        Ok(none())
    } else {
        PyStr::new(doc)
    }
}

fn md(o: &PyRef) -> PyResult<&PyMethodDescr> {
    if o.is_instance_of::<PyMethodDescr>() || o.ty().is_subtype(&CLASSMETHOD_DESCR_TYPE) {
        // SAFETY: both descriptor types share the PyMethodDescr layout.
        Ok(unsafe { o.payload_unchecked::<PyMethodDescr>() })
    } else {
        Err(PyErr::type_error("expected a method descriptor"))
    }
}

fn md_name(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(md(o)?.def.name)
}

fn md_qualname(o: &PyRef) -> PyResult<PyRef> {
    let d = md(o)?;
    PyStr::new(&format!("{}.{}", objclass_name(d.objclass), d.def.name))
}

fn md_objclass(o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: objclass outlives the descriptor.
    Ok(unsafe { (*md(o)?.objclass).as_pyref() })
}

fn md_doc(o: &PyRef) -> PyResult<PyRef> {
    doc_of_def(md(o)?.def)
}

static METHOD_DESCR_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("__name__", md_name),
    GetSetDef::getter("__qualname__", md_qualname),
    GetSetDef::getter("__objclass__", md_objclass),
    GetSetDef::getter("__doc__", md_doc),
    GetSetDef::getter("__text_signature__", |o| signature_of_def(md(o)?.def)),
];

fn cf(o: &PyRef) -> PyResult<&PyCFunction> {
    o.downcast::<PyCFunction>()
        .ok_or_else(|| PyErr::type_error("expected a builtin function"))
}

fn cf_name(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(cf(o)?.def.name)
}

fn cf_qualname(o: &PyRef) -> PyResult<PyRef> {
    let c = cf(o)?;
    match &c.self_ {
        Some(s) if !s.is_instance_of::<crate::objects::module::PyModule>() => {
            let tyname = match s.downcast::<PyType>() {
                Some(t) => t.name().to_owned(),
                None => s.ty().name().to_owned(),
            };
            PyStr::new(&format!("{tyname}.{}", c.def.name))
        }
        _ => PyStr::new(c.def.name),
    }
}

fn cf_self(o: &PyRef) -> PyResult<PyRef> {
    Ok(cf(o)?.self_.clone().unwrap_or_else(none))
}

fn cf_module(o: &PyRef) -> PyResult<PyRef> {
    Ok(cf(o)?.module.clone().unwrap_or_else(none))
}

fn cf_doc(o: &PyRef) -> PyResult<PyRef> {
    doc_of_def(cf(o)?.def)
}

static CFUNCTION_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("__name__", cf_name),
    GetSetDef::getter("__qualname__", cf_qualname),
    GetSetDef::getter("__self__", cf_self),
    GetSetDef::getter("__module__", cf_module),
    GetSetDef::getter("__doc__", cf_doc),
    GetSetDef::getter("__text_signature__", |o| signature_of_def(cf(o)?.def)),
];

unsafe fn traverse_cfunction(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live builtin function.
    unsafe {
        let c = &*(obj as *const PyCFunction);
        if let Some(s) = &c.self_ {
            visit(s.as_ptr());
        }
        if let Some(m) = &c.module {
            visit(m.as_ptr());
        }
    }
}

/// Two builtin methods are equal when they wrap the same definition bound
/// to the same object (`meth_richcompare`).
fn cfunction_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(x), Some(y)) = (a.downcast::<PyCFunction>(), b.downcast::<PyCFunction>()) else {
        return Ok(crate::objects::none::not_implemented());
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(crate::objects::none::not_implemented());
    }
    let same_self = match (&x.self_, &y.self_) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => true,
        _ => false,
    };
    let eq = std::ptr::eq(x.def, y.def) && same_self;
    Ok(crate::objects::bool_::py_bool(eq == (op == CompareOp::Eq)))
}

fn cfunction_hash(o: &PyRef) -> PyResult<isize> {
    let c = cf(o)?;
    let x = match &c.self_ {
        Some(s) => s.id() as isize,
        None => 0,
    };
    let y = c.def as *const MethodDef as isize;
    Ok((x ^ y.rotate_left(4)) & isize::MAX)
}

fn gs(o: &PyRef) -> PyResult<&PyGetSetDescr> {
    o.downcast::<PyGetSetDescr>()
        .ok_or_else(|| PyErr::type_error("expected a getset descriptor"))
}

fn gs_name(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(gs(o)?.def.name)
}

fn gs_qualname(o: &PyRef) -> PyResult<PyRef> {
    let d = gs(o)?;
    PyStr::new(&format!("{}.{}", objclass_name(d.objclass), d.def.name))
}

fn gs_objclass(o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: objclass outlives the descriptor.
    Ok(unsafe { (*gs(o)?.objclass).as_pyref() })
}

fn gs_doc(o: &PyRef) -> PyResult<PyRef> {
    doc_of(gs(o)?.def.doc)
}

static GETSET_DESCR_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("__name__", gs_name),
    GetSetDef::getter("__qualname__", gs_qualname),
    GetSetDef::getter("__objclass__", gs_objclass),
    GetSetDef::getter("__doc__", gs_doc),
];
