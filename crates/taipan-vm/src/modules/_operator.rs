//! The `_operator` module (CPython's `Modules/_operator.c`): the operator
//! functions as native functions, `itemgetter`, `attrgetter`,
//! `methodcaller` and `_compare_digest`.
//!
//! `operator.py` does `from _operator import *`, so whatever this module
//! defines replaces the pure-Python version; the rarer functions (the
//! in-place ones, `countOf`, `indexOf`, `length_hint`, ...) stay pure Python.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

use crate::modules::builtins::exact_nargs as nargs;

macro_rules! binary {
    ($($f:ident, $name:literal => $body:expr;)*) => {
        $(
            fn $f(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
                nargs($name, args, 2)?;
                let op: fn(&PyRef, &PyRef) -> PyResult<PyRef> = $body;
                op(&args[0], &args[1])
            }
        )*
    };
}

binary! {
    op_add, "add" => |a, b| protocol::binary_op(a, b, protocol::ADD);
    op_sub, "sub" => |a, b| protocol::binary_op(a, b, protocol::SUB);
    op_mul, "mul" => |a, b| protocol::binary_op(a, b, protocol::MUL);
    op_truediv, "truediv" => |a, b| protocol::binary_op(a, b, protocol::TRUEDIV);
    op_floordiv, "floordiv" => |a, b| protocol::binary_op(a, b, protocol::FLOORDIV);
    op_mod, "mod" => |a, b| protocol::binary_op(a, b, protocol::MOD);
    op_matmul, "matmul" => |a, b| protocol::binary_op(a, b, protocol::MATMUL);
    op_lshift, "lshift" => |a, b| protocol::binary_op(a, b, protocol::LSHIFT);
    op_rshift, "rshift" => |a, b| protocol::binary_op(a, b, protocol::RSHIFT);
    op_and, "and_" => |a, b| protocol::binary_op(a, b, protocol::AND);
    op_or, "or_" => |a, b| protocol::binary_op(a, b, protocol::OR);
    op_xor, "xor" => |a, b| protocol::binary_op(a, b, protocol::XOR);
    op_iadd, "iadd" => |a, b| protocol::inplace_op(a, b, protocol::ADD);
    op_isub, "isub" => |a, b| protocol::inplace_op(a, b, protocol::SUB);
    op_imul, "imul" => |a, b| protocol::inplace_op(a, b, protocol::MUL);
    op_ior, "ior" => |a, b| protocol::inplace_op(a, b, protocol::OR);
    op_iand, "iand" => |a, b| protocol::inplace_op(a, b, protocol::AND);
    op_pow, "pow" => |a, b| protocol::power(a, b, &none());
    op_eq, "eq" => |a, b| protocol::rich_compare(a, b, CompareOp::Eq);
    op_ne, "ne" => |a, b| protocol::rich_compare(a, b, CompareOp::Ne);
    op_lt, "lt" => |a, b| protocol::rich_compare(a, b, CompareOp::Lt);
    op_le, "le" => |a, b| protocol::rich_compare(a, b, CompareOp::Le);
    op_gt, "gt" => |a, b| protocol::rich_compare(a, b, CompareOp::Gt);
    op_ge, "ge" => |a, b| protocol::rich_compare(a, b, CompareOp::Ge);
    op_is, "is_" => |a, b| Ok(py_bool(a.is(b)));
    op_is_not, "is_not" => |a, b| Ok(py_bool(!a.is(b)));
    op_getitem, "getitem" => protocol::get_item;
    op_contains, "contains" => |a, b| protocol::contains(a, b).map(py_bool);
    op_delitem, "delitem" => |a, b| protocol::set_item(a, b, None).map(|_| none());
}

fn op_setitem(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("setitem", args, 3)?;
    protocol::set_item(&args[0], &args[1], Some(&args[2]))?;
    Ok(none())
}

fn op_neg(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::unary_op(a, |n| &n.nb_negative, "unary -")
}

fn op_pos(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::unary_op(a, |n| &n.nb_positive, "unary +")
}

fn op_invert(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::unary_op(a, |n| &n.nb_invert, "unary ~")
}

fn op_abs(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::unary_op(a, |n| &n.nb_absolute, "abs()")
}

fn op_not(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(!protocol::is_true(a)?))
}

fn op_truth(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(protocol::is_true(a)?))
}

fn op_index(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::index(a)
}

/// `_compare_digest(a, b)`: constant-time comparison of two ASCII strs or
/// two bytes-like objects.
fn compare_digest(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("_compare_digest", args, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let (x, y): (Vec<u8>, Vec<u8>) = match (a.downcast::<PyStr>(), b.downcast::<PyStr>()) {
        (Some(x), Some(y)) => {
            if !x.as_str().is_ascii() || !y.as_str().is_ascii() {
                return Err(PyErr::type_error(
                    "comparing strings with non-ASCII characters is not supported",
                ));
            }
            (
                x.as_str().as_bytes().to_vec(),
                y.as_str().as_bytes().to_vec(),
            )
        }
        _ => (bytes_of(a)?, bytes_of(b)?),
    };
    let mut diff = (x.len() != y.len()) as u8;
    for (i, c) in y.iter().enumerate() {
        let l = x.get(i).copied().unwrap_or(*c ^ 1);
        diff |= l ^ c;
    }
    Ok(py_bool(diff == 0))
}

fn bytes_of(o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast::<crate::objects::bytes::PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if o.is_instance_of::<crate::objects::bytearray::PyByteArray>() {
        let b = protocol::call1(
            &crate::objects::bytes::BYTES_TYPE.as_pyref(),
            std::slice::from_ref(o),
        )?;
        if let Some(b) = b.downcast::<crate::objects::bytes::PyBytes>() {
            return Ok(b.as_bytes().to_vec());
        }
    }
    Err(PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        o.ty().name()
    )))
}

// ---------------------------------------------------------------------------
// itemgetter, attrgetter, methodcaller

/// The payload of the three getter types: the items/attribute paths (a
/// tuple), and for methodcaller the name, args tuple and kwargs dict.
#[repr(C)]
pub struct PyGetter {
    pub ob_base: PyObject,
    items: ObjCell,
    name: ObjCell,
    kwargs: ObjCell,
    single: Cell<bool>,
}

// SAFETY: repr(C), header first; the three types share the layout.
unsafe impl PyPayload for PyGetter {
    fn type_object() -> &'static PyType {
        &ITEMGETTER_TYPE
    }
}

macro_rules! getter_type {
    ($stat:ident, $name:expr, $new:expr, $call:expr, $repr:expr) => {
        pub static $stat: PyType = PyType {
            tp_name: $name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyGetter>()),
            tp_flags: Cell::new(TypeFlags::HAVE_GC),
            tp_drop: Some(drop_getter),
            tp_traverse: Cell::new(Some(traverse_getter)),
            tp_new: Cell::new(Some($new)),
            tp_call: Cell::new(Some($call)),
            tp_repr: Cell::new(Some($repr)),
            tp_methods: &[MethodDef::new("__reduce__", Meth::NoArgs(getter_reduce))],
            ..PyType::BASE
        };
    };
}

getter_type!(
    ITEMGETTER_TYPE,
    "operator.itemgetter",
    itemgetter_new,
    itemgetter_call,
    itemgetter_repr
);
getter_type!(
    ATTRGETTER_TYPE,
    "operator.attrgetter",
    attrgetter_new,
    attrgetter_call,
    attrgetter_repr
);
getter_type!(
    METHODCALLER_TYPE,
    "operator.methodcaller",
    methodcaller_new,
    methodcaller_call,
    methodcaller_repr
);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&ITEMGETTER_TYPE, &ATTRGETTER_TYPE, &METHODCALLER_TYPE];

fn gp(o: &PyRef) -> &PyGetter {
    // SAFETY: only called on getter objects (their slots).
    unsafe { o.payload_unchecked::<PyGetter>() }
}

unsafe fn drop_getter(obj: *mut PyObject) {
    // SAFETY: obj is a dead getter.
    unsafe {
        let p = &*(obj as *const PyGetter);
        drop(p.items.take());
        drop(p.name.take());
        drop(p.kwargs.take());
    }
}

unsafe fn traverse_getter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live getter.
    unsafe {
        let p = &*(obj as *const PyGetter);
        for c in [&p.items, &p.name, &p.kwargs] {
            if let Some(v) = c.get() {
                visit(v.as_ptr());
            }
        }
    }
}

fn new_getter(cls: &PyRef, items: PyRef, single: bool) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("__new__(X): X is not a type object"))?;
    let o = alloc_object(
        ty,
        PyGetter {
            ob_base: PyObject::NEW,
            items: ObjCell::empty(),
            name: ObjCell::empty(),
            kwargs: ObjCell::empty(),
            single: Cell::new(single),
        },
    )?;
    gp(&o).items.set(Some(items));
    Ok(o)
}

fn items_of(o: &PyRef) -> Vec<PyRef> {
    gp(o)
        .items
        .get()
        .and_then(|t| t.downcast::<PyTuple>().map(|t| t.items().to_vec()))
        .unwrap_or_default()
}

fn itemgetter_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("itemgetter", kwnames)?;
    if args.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    new_getter(cls, PyTuple::new(args.to_vec())?, args.len() == 1)
}

fn itemgetter_call(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("itemgetter", kwnames)?;
    nargs("itemgetter", args, 1)?;
    let obj = &args[0];
    let items = items_of(s);
    if gp(s).single.get() {
        return protocol::get_item(obj, &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(protocol::get_item(obj, k)?);
    }
    PyTuple::new(out)
}

fn reprs(items: &[PyRef]) -> PyResult<String> {
    let mut v = Vec::new();
    for x in items {
        v.push(protocol::repr_string(x)?);
    }
    Ok(v.join(", "))
}

fn guarded(s: &PyRef, f: impl FnOnce() -> PyResult<String>) -> PyResult<PyRef> {
    let name = s.ty().tp_name;
    let Some(_g) = crate::objects::list::repr_enter(s) else {
        return PyStr::new(&format!("{name}(...)"));
    };
    PyStr::new(&format!("{name}({})", f()?))
}

fn itemgetter_repr(s: &PyRef) -> PyResult<PyRef> {
    guarded(s, || reprs(&items_of(s)))
}

fn attrgetter_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("attrgetter", kwnames)?;
    if args.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    for a in args {
        if !a.is_instance_of::<PyStr>() {
            return Err(PyErr::type_error("attribute name must be a string"));
        }
    }
    new_getter(cls, PyTuple::new(args.to_vec())?, args.len() == 1)
}

fn dotted(obj: &PyRef, path: &PyRef) -> PyResult<PyRef> {
    let text = path.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
    if !text.contains('.') {
        return protocol::getattr(obj, path);
    }
    let mut cur = obj.clone();
    for part in text.split('.') {
        let name = crate::objects::str::intern(part);
        cur = protocol::getattr(&cur, &name)?;
    }
    Ok(cur)
}

fn attrgetter_call(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("attrgetter", kwnames)?;
    nargs("attrgetter", args, 1)?;
    let items = items_of(s);
    if gp(s).single.get() {
        return dotted(&args[0], &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(dotted(&args[0], k)?);
    }
    PyTuple::new(out)
}

fn attrgetter_repr(s: &PyRef) -> PyResult<PyRef> {
    guarded(s, || reprs(&items_of(s)))
}

fn methodcaller_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = crate::objects::slice::nkw(kwnames);
    let npos = args.len() - nkw.min(args.len());
    if npos < 1 {
        return Err(PyErr::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    }
    if !args[0].is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("method name must be a string"));
    }
    let o = new_getter(cls, PyTuple::new(args[1..npos].to_vec())?, false)?;
    let kw = crate::objects::dict::PyDict::new()?;
    if let Some(names) = kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        for (k, v) in names.items().iter().zip(&args[npos..]) {
            protocol::set_item(&kw, k, Some(v))?;
        }
    }
    gp(&o).name.set(Some(args[0].clone()));
    gp(&o).kwargs.set(Some(kw));
    Ok(o)
}

fn kw_pairs(s: &PyRef) -> PyResult<Vec<(PyRef, PyRef)>> {
    let Some(kw) = gp(s).kwargs.get_owned() else {
        return Ok(Vec::new());
    };
    let items = protocol::call_method(&kw, "items", &[])?;
    let mut out = Vec::new();
    for it in protocol::collect(&items)? {
        let kv = protocol::collect(&it)?;
        if kv.len() == 2 {
            out.push((kv[0].clone(), kv[1].clone()));
        }
    }
    Ok(out)
}

fn methodcaller_call(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("methodcaller", kwnames)?;
    nargs("methodcaller", args, 1)?;
    let name = gp(s).name.get_owned().unwrap_or_else(none);
    let meth = protocol::getattr(&args[0], &name)?;
    let mut all = items_of(s);
    let pairs = kw_pairs(s)?;
    if pairs.is_empty() {
        return protocol::call(&meth, &all, None);
    }
    let mut names = Vec::new();
    for (k, v) in pairs {
        names.push(k);
        all.push(v);
    }
    let kwt = PyTuple::new(names)?;
    protocol::call(&meth, &all, Some(&kwt))
}

fn methodcaller_repr(s: &PyRef) -> PyResult<PyRef> {
    guarded(s, || {
        let name = gp(s).name.get_owned().unwrap_or_else(none);
        let mut parts = vec![protocol::repr_string(&name)?];
        for a in items_of(s) {
            parts.push(protocol::repr_string(&a)?);
        }
        for (k, v) in kw_pairs(s)? {
            parts.push(format!(
                "{}={}",
                protocol::str_string(&k)?,
                protocol::repr_string(&v)?
            ));
        }
        Ok(parts.join(", "))
    })
}

fn getter_reduce(s: &PyRef) -> PyResult<PyRef> {
    if std::ptr::eq(s.ty(), &METHODCALLER_TYPE) {
        let name = gp(s).name.get_owned().unwrap_or_else(none);
        let pairs = kw_pairs(s)?;
        if pairs.is_empty() {
            let mut a = vec![name];
            a.extend(items_of(s));
            return PyTuple::new(vec![s.type_ref(), PyTuple::new(a)?]);
        }
        let functools = crate::import::import_module("functools")?;
        let partial = protocol::getattr_str(&functools, "partial")?;
        let mut pa = vec![s.type_ref(), name];
        let mut names = Vec::new();
        for (k, v) in pairs {
            names.push(k);
            pa.push(v);
        }
        let kwt = PyTuple::new(names)?;
        let p = protocol::call(&partial, &pa, Some(&kwt))?;
        return PyTuple::new(vec![p, PyTuple::new(items_of(s))?]);
    }
    PyTuple::new(vec![s.type_ref(), PyTuple::new(items_of(s))?])
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("add", Meth::Fast(op_add)),
    MethodDef::new("sub", Meth::Fast(op_sub)),
    MethodDef::new("mul", Meth::Fast(op_mul)),
    MethodDef::new("truediv", Meth::Fast(op_truediv)),
    MethodDef::new("floordiv", Meth::Fast(op_floordiv)),
    MethodDef::new("mod", Meth::Fast(op_mod)),
    MethodDef::new("matmul", Meth::Fast(op_matmul)),
    MethodDef::new("lshift", Meth::Fast(op_lshift)),
    MethodDef::new("rshift", Meth::Fast(op_rshift)),
    MethodDef::new("and_", Meth::Fast(op_and)),
    MethodDef::new("or_", Meth::Fast(op_or)),
    MethodDef::new("xor", Meth::Fast(op_xor)),
    MethodDef::new("iadd", Meth::Fast(op_iadd)),
    MethodDef::new("isub", Meth::Fast(op_isub)),
    MethodDef::new("imul", Meth::Fast(op_imul)),
    MethodDef::new("ior", Meth::Fast(op_ior)),
    MethodDef::new("iand", Meth::Fast(op_iand)),
    MethodDef::new("pow", Meth::Fast(op_pow)),
    MethodDef::new("eq", Meth::Fast(op_eq)),
    MethodDef::new("ne", Meth::Fast(op_ne)),
    MethodDef::new("lt", Meth::Fast(op_lt)),
    MethodDef::new("le", Meth::Fast(op_le)),
    MethodDef::new("gt", Meth::Fast(op_gt)),
    MethodDef::new("ge", Meth::Fast(op_ge)),
    MethodDef::new("is_", Meth::Fast(op_is)),
    MethodDef::new("is_not", Meth::Fast(op_is_not)),
    MethodDef::new("getitem", Meth::Fast(op_getitem)),
    MethodDef::new("setitem", Meth::Fast(op_setitem)),
    MethodDef::new("delitem", Meth::Fast(op_delitem)),
    MethodDef::new("contains", Meth::Fast(op_contains)),
    MethodDef::new("neg", Meth::O(op_neg)),
    MethodDef::new("pos", Meth::O(op_pos)),
    MethodDef::new("invert", Meth::O(op_invert)),
    MethodDef::new("inv", Meth::O(op_invert)),
    MethodDef::new("abs", Meth::O(op_abs)),
    MethodDef::new("not_", Meth::O(op_not)),
    MethodDef::new("truth", Meth::O(op_truth)),
    MethodDef::new("index", Meth::O(op_index)),
    MethodDef::new("_compare_digest", Meth::Fast(compare_digest)),
];

/// Creates the `_operator` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_operator")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("itemgetter", ITEMGETTER_TYPE.as_pyref())?;
        d.set_str("attrgetter", ATTRGETTER_TYPE.as_pyref())?;
        d.set_str("methodcaller", METHODCALLER_TYPE.as_pyref())?;
        d.set_str(
            "__doc__",
            PyStr::new("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.")?,
        )?;
        Ok(())
    })?;
    Ok(m)
}
