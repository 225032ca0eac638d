//! Shared helpers of the containers tests. Until the numbers and strings
//! helpers' work is merged, int and str may still have `object`'s repr,
//! hash and comparison; `init` then installs minimal stand-ins (only where
//! the slot is still `object`'s) so that container behaviour can be tested.
#![allow(dead_code)]

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::bool_::py_bool;
use taipan_vm::objects::int::{PyInt, INT_TYPE};
use taipan_vm::objects::none::{none, not_implemented};
use taipan_vm::objects::object as obj;
use taipan_vm::objects::str::{PyStr, STR_TYPE};

fn int_repr(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&o.downcast::<PyInt>().unwrap().to_bigint().to_string())
}

fn int_hash(o: &PyRef) -> PyResult<isize> {
    let v = o.downcast::<PyInt>().unwrap().as_i64().unwrap() as isize;
    Ok(if v == -1 { -2 } else { v })
}

fn int_cmp(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    match (a.downcast::<PyInt>(), b.downcast::<PyInt>()) {
        (Some(x), Some(y)) => Ok(py_bool(op.test(&x.to_bigint(), &y.to_bigint()))),
        _ => Ok(not_implemented()),
    }
}

fn str_repr(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&format!("'{}'", o.downcast::<PyStr>().unwrap().as_str()))
}

fn str_cmp(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    match (a.downcast::<PyStr>(), b.downcast::<PyStr>()) {
        (Some(x), Some(y)) => Ok(py_bool(op.test(x.as_str(), y.as_str()))),
        _ => Ok(not_implemented()),
    }
}

fn same(a: Option<UnaryFn>, b: UnaryFn) -> bool {
    a.map(|f| f as usize) == Some(b as usize)
}

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn none_repr(_o: &PyRef) -> PyResult<PyRef> {
    PyStr::new("None")
}

/// Starts the runtime and serializes the tests (the runtime is single
/// threaded): keep the guard alive for the whole test.
pub fn init() -> std::sync::MutexGuard<'static, ()> {
    let g = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    taipan_vm::interp::initialize().unwrap();
    let nt = &taipan_vm::objects::none::NONE_TYPE;
    if same(nt.tp_repr.get(), obj::object_repr) {
        nt.tp_repr.set(Some(none_repr));
    }
    if same(INT_TYPE.tp_repr.get(), obj::object_repr) {
        INT_TYPE.tp_repr.set(Some(int_repr));
    }
    if INT_TYPE.tp_hash.get().map(|f| f as usize) == Some(obj::object_hash as HashFn as usize) {
        INT_TYPE.tp_hash.set(Some(int_hash));
    }
    let oc: RichCmpFn = obj::object_richcompare;
    if INT_TYPE.tp_richcompare.get().map(|f| f as usize) == Some(oc as usize) {
        INT_TYPE.tp_richcompare.set(Some(int_cmp));
    }
    if INT_TYPE.as_number.nb_index.get().is_none() {
        INT_TYPE.as_number.nb_index.set(Some(|o| Ok(o.clone())));
    }
    if INT_TYPE.as_number.nb_bool.get().is_none() {
        INT_TYPE.as_number.nb_bool.set(Some(|o| {
            Ok(o.downcast::<PyInt>().unwrap().to_bigint() != 0.into())
        }));
    }
    let bt = &taipan_vm::objects::bool_::BOOL_TYPE;
    if bt.as_number.nb_index.get().is_none() {
        bt.as_number.nb_index.set(Some(|o| {
            PyInt::new(o.downcast::<PyInt>().unwrap().as_i64().unwrap())
        }));
    }
    if same(STR_TYPE.tp_repr.get(), obj::object_repr) {
        STR_TYPE.tp_repr.set(Some(str_repr));
    }
    if STR_TYPE.tp_richcompare.get().map(|f| f as usize) == Some(oc as usize) {
        STR_TYPE.tp_richcompare.set(Some(str_cmp));
    }
    g
}

pub fn int(i: i64) -> PyRef {
    PyInt::new(i).unwrap()
}

pub fn s(x: &str) -> PyRef {
    PyStr::new(x).unwrap()
}

pub fn repr(o: &PyRef) -> String {
    protocol::repr_string(o).unwrap()
}

pub fn err_text(e: PyErr) -> String {
    let args = e
        .value()
        .downcast::<taipan_vm::objects::exceptions::PyBaseException>()
        .map(|b| b.args())
        .unwrap();
    let t = args
        .downcast::<taipan_vm::objects::tuple::PyTuple>()
        .unwrap();
    let msg = match t.items().first() {
        Some(a) if a.is_instance_of::<PyStr>() => {
            a.downcast::<PyStr>().unwrap().as_str().to_owned()
        }
        Some(a) => repr(a),
        None => String::new(),
    };
    format!("{}: {}", e.value().ty().name(), msg)
}

pub fn nil() -> PyRef {
    none()
}

/// Calls `callable(*pos, **dict(kw))`.
pub fn call_kw(callable: &PyRef, pos: &[PyRef], kw: &[(&str, PyRef)]) -> PyResult<PyRef> {
    let mut args = pos.to_vec();
    let mut names = Vec::new();
    for (n, v) in kw {
        names.push(s(n));
        args.push(v.clone());
    }
    let kwnames = taipan_vm::objects::tuple::PyTuple::new(names).unwrap();
    protocol::call(
        callable,
        &args,
        if kw.is_empty() { None } else { Some(&kwnames) },
    )
}
