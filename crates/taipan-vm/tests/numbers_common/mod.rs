//! Helpers shared by the numbers tests: build numbers, apply operations,
//! and render results (repr, or "ErrType: message") for comparison with
//! values recorded from /usr/bin/python3.11.
#![allow(dead_code)]

use taipan_vm::object::protocol::{self, BinOp};
use taipan_vm::object::*;
use taipan_vm::objects::complex::PyComplex;
use taipan_vm::objects::exceptions::PyBaseException;
use taipan_vm::objects::float::PyFloat;
use taipan_vm::objects::int::{int_from_str, PyInt, INT_TYPE};
use taipan_vm::objects::none::none;
use taipan_vm::objects::str::PyStr;
use taipan_vm::objects::tuple::PyTuple;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Starts the interpreter and holds the lock that keeps tests of one
/// binary from running Python objects on two threads at once (the runtime
/// assumes a GIL).
pub fn init() -> std::sync::MutexGuard<'static, ()> {
    let g = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    taipan_vm::interp::initialize().unwrap();
    g
}

/// An int from decimal text.
pub fn i(s: &str) -> PyRef {
    int_from_str(&INT_TYPE, s, 10).unwrap()
}

pub fn f(v: f64) -> PyRef {
    PyFloat::new(v).unwrap()
}

pub fn c(re: f64, im: f64) -> PyRef {
    PyComplex::new(re, im).unwrap()
}

pub fn s(t: &str) -> PyRef {
    PyStr::new(t).unwrap()
}

/// `2**n` as an int.
pub fn p2(n: i64) -> PyRef {
    protocol::power(&PyInt::new(2).unwrap(), &PyInt::new(n).unwrap(), &none()).unwrap()
}

/// Renders a result: its repr, or `Type: message`.
pub fn show(r: PyResult<PyRef>) -> String {
    match r {
        Ok(v) => show_obj(&v),
        Err(e) => {
            let v = e.value();
            let name = v.ty().name().to_string();
            let args = v.downcast::<PyBaseException>().unwrap().args();
            let items = args.downcast::<PyTuple>().unwrap().items().to_vec();
            let parts: Vec<String> = items
                .iter()
                .map(|a| match a.downcast::<PyStr>() {
                    Some(s) => s.as_str().to_string(),
                    None => show_obj(a),
                })
                .collect();
            format!("{}: {}", name, parts.join(", "))
        }
    }
}

fn show_obj(v: &PyRef) -> String {
    if let Some(t) = v.downcast::<PyTuple>() {
        let parts: Vec<String> = t.items().iter().map(show_obj).collect();
        return format!("({})", parts.join(", "));
    }
    if let Some(s) = v.downcast_exact::<PyStr>() {
        return format!("'{}'", s.as_str());
    }
    protocol::repr_string(v).unwrap()
}

pub fn bin(a: &PyRef, b: &PyRef, op: BinOp) -> String {
    show(protocol::binary_op(a, b, op))
}

pub fn pow3(a: &PyRef, b: &PyRef, m: &PyRef) -> String {
    show(protocol::power(a, b, m))
}

pub fn pow2(a: &PyRef, b: &PyRef) -> String {
    show(protocol::power(a, b, &none()))
}

pub fn cmp(a: &PyRef, b: &PyRef, op: CompareOp) -> String {
    show(protocol::rich_compare(a, b, op))
}

/// `type(*args)`.
pub fn call_type(t: &PyType, args: &[PyRef]) -> String {
    show(protocol::call(&t.as_pyref(), args, None))
}

/// `obj.name(*args)`.
pub fn meth(o: &PyRef, name: &str, args: &[PyRef]) -> String {
    show(protocol::call_method(o, name, args))
}

pub fn hash(o: &PyRef) -> isize {
    protocol::hash(o).unwrap()
}

pub fn attr(o: &PyRef, name: &str) -> String {
    show(protocol::getattr_str(o, name))
}
