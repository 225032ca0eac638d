//! The `_functools` module (CPython's `Modules/_functoolsmodule.c`):
//! `reduce`, `partial` and `cmp_to_key`. `functools.py` keeps its
//! pure-Python `_lru_cache_wrapper` (Taipan does not provide the C one yet).

use std::cell::{Cell, UnsafeCell};

use crate::modules::builtins::check_nargs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

// ---------------------------------------------------------------------------
// partial

/// The `partial` payload.
#[repr(C)]
pub struct PyPartial {
    pub ob_base: PyObject,
    func: ObjCell,
    /// A tuple.
    args: ObjCell,
    /// A dict.
    kw: ObjCell,
    dict: UnsafeCell<Option<PyRef>>,
    weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyPartial {
    fn type_object() -> &'static PyType {
        &PARTIAL_TYPE
    }
}

pub static PARTIAL_TYPE: PyType = PyType {
    tp_name: "functools.partial",
    tp_basicsize: Cell::new(std::mem::size_of::<PyPartial>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyPartial, dict) as isize),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyPartial, weaklist) as isize),
    tp_drop: Some(drop_partial),
    tp_traverse: Cell::new(Some(traverse_partial)),
    tp_new: Cell::new(Some(partial_new)),
    tp_call: Cell::new(Some(partial_call)),
    tp_repr: Cell::new(Some(partial_repr)),
    tp_getset: &[
        GetSetDef::getter("func", |o| Ok(pp(o).func.get_owned().unwrap_or_else(none))),
        GetSetDef::getter("args", |o| match pp(o).args.get_owned() {
            Some(a) => Ok(a),
            None => PyTuple::new(vec![]),
        }),
        GetSetDef::getter("keywords", |o| match pp(o).kw.get_owned() {
            Some(k) => Ok(k),
            None => PyDict::new(),
        }),
        GetSetDef {
            name: "__dict__",
            get: Some(partial_dict_get),
            set: None,
            doc: "",
        },
    ],
    tp_methods: &[
        MethodDef::new("__reduce__", Meth::NoArgs(partial_reduce)),
        MethodDef::new("__setstate__", Meth::O(partial_setstate)),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    ..PyType::BASE
};

fn pp(o: &PyRef) -> &PyPartial {
    // SAFETY: only called on partial objects (their slots).
    unsafe { o.payload_unchecked::<PyPartial>() }
}

unsafe fn drop_partial(obj: *mut PyObject) {
    // SAFETY: obj is a dead partial.
    unsafe {
        let p = &*(obj as *const PyPartial);
        drop(p.func.take());
        drop(p.args.take());
        drop(p.kw.take());
        drop((*p.dict.get()).take());
    }
}

unsafe fn traverse_partial(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live partial.
    unsafe {
        let p = &*(obj as *const PyPartial);
        for c in [&p.func, &p.args, &p.kw] {
            if let Some(v) = c.get() {
                visit(v.as_ptr());
            }
        }
        if let Some(d) = &*p.dict.get() {
            visit(d.as_ptr());
        }
    }
}

fn partial_dict_get(o: &PyRef) -> PyResult<PyRef> {
    match crate::objects::object::instance_dict(o, true)? {
        Some(d) => Ok(d),
        None => PyDict::new(),
    }
}

fn dict_items(d: &PyRef) -> PyResult<Vec<(PyRef, PyRef)>> {
    let items = protocol::call_method(d, "items", &[])?;
    let mut out = Vec::new();
    for it in protocol::collect(&items)? {
        let kv = protocol::collect(&it)?;
        if kv.len() == 2 {
            out.push((kv[0].clone(), kv[1].clone()));
        }
    }
    Ok(out)
}

fn partial_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("partial.__new__(X): X is not a type object"))?;
    let nkw = crate::objects::slice::nkw(kwnames);
    let npos = args.len() - nkw.min(args.len());
    if npos < 1 {
        return Err(PyErr::type_error(
            "type 'partial' takes at least one argument",
        ));
    }
    let mut func = args[0].clone();
    let mut pargs: Vec<PyRef> = Vec::new();
    let mut pkw: Vec<(PyRef, PyRef)> = Vec::new();
    if func.is_instance_of::<PyPartial>() {
        let inner = pp(&func);
        // SAFETY: reading the dict slot of a live partial.
        let has_dict = unsafe { (*inner.dict.get()).is_some() };
        if !has_dict {
            if let Some(a) = inner.args.get_owned() {
                pargs.extend(protocol::collect(&a)?);
            }
            if let Some(k) = inner.kw.get_owned() {
                pkw = dict_items(&k)?;
            }
            if let Some(f) = inner.func.get_owned() {
                func = f;
            }
        }
    }
    if func.ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    pargs.extend(args[1..npos].iter().cloned());
    let kw = PyDict::new()?;
    for (k, v) in pkw {
        protocol::set_item(&kw, &k, Some(&v))?;
    }
    if let Some(names) = kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        for (k, v) in names.items().iter().zip(&args[npos..]) {
            protocol::set_item(&kw, k, Some(v))?;
        }
    }
    let o = alloc_object(
        ty,
        PyPartial {
            ob_base: PyObject::NEW,
            func: ObjCell::empty(),
            args: ObjCell::empty(),
            kw: ObjCell::empty(),
            dict: UnsafeCell::new(None),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )?;
    let p = pp(&o);
    p.func.set(Some(func));
    p.args.set(Some(PyTuple::new(pargs)?));
    p.kw.set(Some(kw));
    Ok(o)
}

fn partial_call(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let p = pp(s);
    let Some(func) = p.func.get_owned() else {
        return Err(PyErr::type_error("partial object is not initialized"));
    };
    let pargs = p.args.get_owned();
    let pkw = p.kw.get_owned();
    let nkw = crate::objects::slice::nkw(kwnames);
    let npos = args.len() - nkw.min(args.len());
    let mut all: Vec<PyRef> = Vec::with_capacity(args.len() + 4);
    if let Some(a) = &pargs {
        if let Some(t) = a.downcast::<PyTuple>() {
            all.extend(t.items().iter().cloned());
        }
    }
    all.extend(args[..npos].iter().cloned());
    let kwpairs = match &pkw {
        Some(k) if protocol::len(k)? > 0 => dict_items(k)?,
        _ => Vec::new(),
    };
    if kwpairs.is_empty() {
        all.extend(args[npos..].iter().cloned());
        return protocol::call(&func, &all, kwnames.filter(|_| nkw > 0));
    }
    // Merge: the call's keywords override the stored ones.
    let merged = PyDict::new()?;
    for (k, v) in kwpairs {
        protocol::set_item(&merged, &k, Some(&v))?;
    }
    if let Some(names) = kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        for (k, v) in names.items().iter().zip(&args[npos..]) {
            protocol::set_item(&merged, k, Some(v))?;
        }
    }
    let mut names = Vec::new();
    for (k, v) in dict_items(&merged)? {
        names.push(k);
        all.push(v);
    }
    let kwt = PyTuple::new(names)?;
    protocol::call(&func, &all, Some(&kwt))
}

fn partial_repr(s: &PyRef) -> PyResult<PyRef> {
    // `Py_TYPE(self)->tp_name`: dotted for the built-in type, the bare
    // name for subclasses.
    let name = s.ty().tp_name.to_owned();
    let Some(_g) = crate::objects::list::repr_enter(s) else {
        return PyStr::new("...");
    };
    let p = pp(s);
    let mut parts = vec![protocol::repr_string(
        &p.func.get_owned().unwrap_or_else(none),
    )?];
    if let Some(a) = p.args.get_owned() {
        for x in protocol::collect(&a)? {
            parts.push(protocol::repr_string(&x)?);
        }
    }
    if let Some(k) = p.kw.get_owned() {
        for (k, v) in dict_items(&k)? {
            parts.push(format!(
                "{}={}",
                protocol::str_string(&k)?,
                protocol::repr_string(&v)?
            ));
        }
    }
    PyStr::new(&format!("{name}({})", parts.join(", ")))
}

fn partial_reduce(s: &PyRef) -> PyResult<PyRef> {
    let p = pp(s);
    let func = p.func.get_owned().unwrap_or_else(none);
    let args = p.args.get_owned().unwrap_or_else(none);
    let kw = p.kw.get_owned().unwrap_or_else(none);
    // SAFETY: reading the dict slot of a live partial.
    let dict = unsafe { (*p.dict.get()).clone() }.unwrap_or_else(none);
    PyTuple::new(vec![
        s.type_ref(),
        PyTuple::new(vec![func.clone()])?,
        PyTuple::new(vec![func, args, kw, dict])?,
    ])
}

fn partial_setstate(s: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let Some(t) = state.downcast::<PyTuple>().filter(|t| t.items().len() == 4) else {
        return Err(PyErr::type_error("invalid partial state"));
    };
    let it = t.items();
    if it[0].ty().tp_call.get().is_none()
        || !it[1].is_instance_of::<PyTuple>()
        || (!it[2].is_none() && !it[2].is_instance_of::<PyDict>())
    {
        return Err(PyErr::type_error("invalid partial state"));
    }
    let p = pp(s);
    let args = PyTuple::new(protocol::collect(&it[1])?)?;
    let kw = if it[2].is_none() {
        PyDict::new()?
    } else {
        it[2].clone()
    };
    let olds = (
        p.func.set(Some(it[0].clone())),
        p.args.set(Some(args)),
        p.kw.set(Some(kw)),
    );
    drop(olds);
    if !it[3].is_none() {
        // SAFETY: writing the dict slot of a live partial; the old value is dropped after the write.
        let old = unsafe { (*p.dict.get()).replace(it[3].clone()) };
        drop(old);
    }
    Ok(none())
}

// ---------------------------------------------------------------------------
// cmp_to_key

/// The `KeyWrapper` payload.
#[repr(C)]
pub struct PyKeyWrapper {
    pub ob_base: PyObject,
    cmp: ObjCell,
    obj: ObjCell,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyKeyWrapper {
    fn type_object() -> &'static PyType {
        &KEYWRAPPER_TYPE
    }
}

pub static KEYWRAPPER_TYPE: PyType = PyType {
    tp_name: "functools.KeyWrapper",
    tp_basicsize: Cell::new(std::mem::size_of::<PyKeyWrapper>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_keywrapper),
    tp_traverse: Cell::new(Some(traverse_keywrapper)),
    tp_call: Cell::new(Some(keywrapper_call)),
    tp_richcompare: Cell::new(Some(keywrapper_richcompare)),
    tp_hash: Cell::new(Some(keywrapper_hash)),
    tp_getset: &[GetSetDef::getter("obj", |o| {
        Ok(kwr(o).obj.get_owned().unwrap_or_else(none))
    })],
    ..PyType::BASE
};

fn kwr(o: &PyRef) -> &PyKeyWrapper {
    // SAFETY: only called on KeyWrapper objects (their slots).
    unsafe { o.payload_unchecked::<PyKeyWrapper>() }
}

unsafe fn drop_keywrapper(obj: *mut PyObject) {
    // SAFETY: obj is a dead KeyWrapper.
    unsafe {
        let p = &*(obj as *const PyKeyWrapper);
        drop(p.cmp.take());
        drop(p.obj.take());
    }
}

unsafe fn traverse_keywrapper(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live KeyWrapper.
    unsafe {
        let p = &*(obj as *const PyKeyWrapper);
        for c in [&p.cmp, &p.obj] {
            if let Some(v) = c.get() {
                visit(v.as_ptr());
            }
        }
    }
}

fn keywrapper_hash(o: &PyRef) -> PyResult<isize> {
    Err(PyErr::type_error(format!(
        "unhashable type: '{}'",
        o.ty().tp_name
    )))
}

fn new_keywrapper(cmp: PyRef, obj: Option<PyRef>) -> PyResult<PyRef> {
    let o = alloc_object(
        &KEYWRAPPER_TYPE,
        PyKeyWrapper {
            ob_base: PyObject::NEW,
            cmp: ObjCell::empty(),
            obj: ObjCell::empty(),
        },
    )?;
    kwr(&o).cmp.set(Some(cmp));
    kwr(&o).obj.set(obj);
    Ok(o)
}

fn keywrapper_call(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("K", args, kwnames, &["obj"], 1)?;
    let cmp = kwr(s).cmp.get_owned().unwrap_or_else(none);
    new_keywrapper(cmp, a[0].clone())
}

fn keywrapper_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !std::ptr::eq(b.ty(), &KEYWRAPPER_TYPE) {
        return Err(PyErr::type_error("other argument must be K instance"));
    }
    let cmp = kwr(a).cmp.get_owned().unwrap_or_else(none);
    let x = kwr(a).obj.get_owned().unwrap_or_else(none);
    let y = kwr(b).obj.get_owned().unwrap_or_else(none);
    let r = protocol::call1(&cmp, &[x, y])?;
    let zero = crate::objects::int::PyInt::new(0)?;
    protocol::rich_compare(&r, &zero, op)
}

fn cmp_to_key(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("cmp_to_key", args, kwnames, &["mycmp"], 1)?;
    new_keywrapper(a[0].clone().unwrap_or_else(none), None)
}

// ---------------------------------------------------------------------------
// reduce

fn reduce(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("reduce", args.len(), 2, 3)?;
    let func = &args[0];
    let it = protocol::get_iter(&args[1]).map_err(|e| {
        if e.matches(&crate::objects::exceptions::TYPE_ERROR) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = args.get(2).cloned();
    while let Some(x) = protocol::next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => protocol::call1(func, &[a, x])?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("reduce", Meth::Fast(reduce)),
    MethodDef::new("cmp_to_key", Meth::FastKw(cmp_to_key)),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&PARTIAL_TYPE, &KEYWRAPPER_TYPE];

/// Creates the `_functools` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_functools")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("partial", PARTIAL_TYPE.as_pyref())?;
        Ok(())
    })?;
    Ok(m)
}
