//! The builtins, sys, math and time modules called from Rust.

// Slices of clones read more plainly than `slice::from_ref` in these calls.
#![allow(clippy::cloned_ref_to_slice_refs)]

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::int::PyInt;
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::str::PyStr;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    static GUARD: std::cell::RefCell<Option<std::sync::MutexGuard<'static, ()>>> =
        const { std::cell::RefCell::new(None) };
}

/// The runtime is single-threaded (the GIL): tests take a process-wide lock
/// for their whole run (kept in a thread-local until the test thread ends).
fn setup() -> PyRef {
    GUARD.with(|g| {
        let mut g = g.borrow_mut();
        if g.is_none() {
            *g = Some(
                {
                    taipan_vm::gil::ensure_held();
                    LOCK.lock()
                }
                .unwrap_or_else(|e| e.into_inner()),
            );
        }
    });
    taipan_vm::interp::initialize().expect("initialize");
    taipan_vm::interp::interp()
        .builtins
        .clone()
        .expect("builtins")
}

fn b(name: &str) -> PyRef {
    protocol::getattr_str(&setup(), name).expect(name)
}

fn int(v: i64) -> PyRef {
    PyInt::new(v).unwrap()
}

fn s(v: &str) -> PyRef {
    PyStr::new(v).unwrap()
}

fn err_text(e: PyErr) -> String {
    format!(
        "{}: {}",
        e.value().ty().name(),
        protocol::str_string(e.value()).unwrap_or_default()
    )
}

fn call(f: &str, args: &[PyRef]) -> Result<PyRef, String> {
    protocol::call1(&b(f), args).map_err(err_text)
}

fn as_i64(o: &PyRef) -> i64 {
    o.downcast::<PyInt>().and_then(|i| i.as_i64()).expect("int")
}

fn text(o: &PyRef) -> String {
    o.downcast::<PyStr>().expect("str").as_str().to_owned()
}

#[test]
fn len_and_messages() {
    let l = PyList::new(vec![int(1), int(2), int(3)]).unwrap();
    assert_eq!(as_i64(&call("len", &[l.clone()]).unwrap()), 3);
    assert_eq!(
        call("len", &[l.clone(), l.clone()]).unwrap_err(),
        "TypeError: len() takes exactly one argument (2 given)"
    );
    assert_eq!(
        call("len", &[int(1)]).unwrap_err(),
        "TypeError: object of type 'int' has no len()"
    );
}

#[test]
fn min_max_sum_any_all() {
    let l = PyList::new(vec![int(4), int(1), int(7)]).unwrap();
    assert_eq!(as_i64(&call("min", &[l.clone()]).unwrap()), 1);
    assert_eq!(as_i64(&call("max", &[l.clone()]).unwrap()), 7);
    assert_eq!(as_i64(&call("max", &[int(2), int(9), int(3)]).unwrap()), 9);
    assert_eq!(as_i64(&call("sum", &[l.clone()]).unwrap()), 12);
    assert_eq!(as_i64(&call("sum", &[l.clone(), int(10)]).unwrap()), 22);
    let empty = PyList::new(vec![]).unwrap();
    assert_eq!(
        call("min", &[empty.clone()]).unwrap_err(),
        "ValueError: min() arg is an empty sequence"
    );
    assert_eq!(
        call("min", &[]).unwrap_err(),
        "TypeError: min expected at least 1 argument, got 0"
    );
    assert_eq!(
        call("sum", &[empty.clone(), s("")]).unwrap_err(),
        "TypeError: sum() can't sum strings [use ''.join(seq) instead]"
    );
    // max(empty, default=5)
    let kw = taipan_vm::modules::builtins::kwnames_tuple(&["default"]).unwrap();
    let r = protocol::call(&b("max"), &[empty.clone(), int(5)], Some(&kw)).unwrap();
    assert_eq!(as_i64(&r), 5);
    let kw = taipan_vm::modules::builtins::kwnames_tuple(&["x"]).unwrap();
    let e = protocol::call(&b("print"), &[int(5)], Some(&kw)).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: 'x' is an invalid keyword argument for print()"
    );
    assert!(taipan_vm::objects::bool_::is_true_obj(
        &call("any", &[l.clone()]).unwrap()
    ));
    assert!(taipan_vm::objects::bool_::is_true_obj(
        &call("all", &[empty]).unwrap()
    ));
}

#[test]
fn chr_ord_bin_hex() {
    assert_eq!(text(&call("chr", &[int(65)]).unwrap()), "A");
    assert_eq!(
        call("chr", &[int(-1)]).unwrap_err(),
        "ValueError: chr() arg not in range(0x110000)"
    );
    assert_eq!(as_i64(&call("ord", &[s("é")]).unwrap()), 233);
    assert_eq!(
        call("ord", &[s("ab")]).unwrap_err(),
        "TypeError: ord() expected a character, but string of length 2 found"
    );
    assert_eq!(text(&call("bin", &[int(-5)]).unwrap()), "-0b101");
    assert_eq!(text(&call("hex", &[int(255)]).unwrap()), "0xff");
    assert_eq!(text(&call("oct", &[int(8)]).unwrap()), "0o10");
    assert_eq!(text(&call("ascii", &[s("é")]).unwrap()), "'\\xe9'");
}

#[test]
fn getattr_family() {
    let o = int(3);
    assert_eq!(
        call("getattr", &[o.clone(), s("nope")]).unwrap_err(),
        "AttributeError: 'int' object has no attribute 'nope'"
    );
    assert_eq!(
        as_i64(&call("getattr", &[o.clone(), s("nope"), int(9)]).unwrap()),
        9
    );
    assert_eq!(
        call("getattr", &[o.clone()]).unwrap_err(),
        "TypeError: getattr expected at least 2 arguments, got 1"
    );
    assert_eq!(
        call("hasattr", &[o.clone(), int(1)]).unwrap_err(),
        "TypeError: attribute name must be string, not 'int'"
    );
}

#[test]
fn builtins_namespace() {
    let m = setup();
    for name in [
        "int",
        "str",
        "list",
        "dict",
        "ValueError",
        "ExceptionGroup",
        "None",
        "True",
    ] {
        assert!(protocol::getattr_str(&m, name).is_ok(), "{name}");
    }
}

#[test]
fn sys_module() {
    setup();
    let sys = taipan_vm::import::import_module("sys").unwrap();
    let vi = protocol::getattr_str(&sys, "version_info").unwrap();
    assert_eq!(as_i64(&protocol::getattr_str(&vi, "minor").unwrap()), 11);
    assert_eq!(
        protocol::repr_string(&vi).unwrap(),
        "sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0)"
    );
    let ms = protocol::getattr_str(&sys, "maxsize").unwrap();
    assert_eq!(as_i64(&ms), i64::MAX);
    let grl = protocol::getattr_str(&sys, "getrecursionlimit").unwrap();
    assert_eq!(as_i64(&protocol::call1(&grl, &[]).unwrap()), 1000);
    let exit = protocol::getattr_str(&sys, "exit").unwrap();
    let e = protocol::call1(&exit, &[int(3)]).unwrap_err();
    assert!(e.matches(&taipan_vm::objects::exceptions::SYSTEM_EXIT));
}

#[test]
fn math_module() {
    setup();
    let math = taipan_vm::import::import_module("math").unwrap();
    let f = |n: &str, a: &[PyRef]| {
        protocol::call1(&protocol::getattr_str(&math, n).unwrap(), a).map_err(err_text)
    };
    let fl = |o: PyRef| {
        o.downcast::<taipan_vm::objects::float::PyFloat>()
            .unwrap()
            .value
    };
    assert_eq!(fl(f("sqrt", &[int(16)]).unwrap()), 4.0);
    assert_eq!(
        f("sqrt", &[int(-1)]).unwrap_err(),
        "ValueError: math domain error"
    );
    assert_eq!(
        f("log", &[int(0)]).unwrap_err(),
        "ValueError: math domain error"
    );
    assert_eq!(
        f("exp", &[int(1000)]).unwrap_err(),
        "OverflowError: math range error"
    );
    assert_eq!(as_i64(&f("factorial", &[int(10)]).unwrap()), 3628800);
    assert_eq!(as_i64(&f("gcd", &[int(12), int(18)]).unwrap()), 6);
    assert_eq!(as_i64(&f("isqrt", &[int(17)]).unwrap()), 4);
    assert_eq!(as_i64(&f("comb", &[int(5), int(2)]).unwrap()), 10);
    assert_eq!(
        err_text(protocol::getattr_str(&math, "nosuch").unwrap_err()),
        "AttributeError: module 'math' has no attribute 'nosuch'"
    );
}

#[test]
fn import_missing() {
    setup();
    let e = taipan_vm::import::import_module("no_such_module_xyz").unwrap_err();
    assert_eq!(
        err_text(e),
        "ModuleNotFoundError: No module named 'no_such_module_xyz'"
    );
}

#[test]
fn set_argv_sets_path0() {
    setup();
    let dir = std::env::temp_dir().canonicalize().unwrap();
    let script = dir.join("some_script.py");
    taipan_vm::modules::sys::set_argv(vec![script.to_string_lossy().into_owned(), "a".into()]);
    let sys = taipan_vm::import::import_module("sys").unwrap();
    let path = protocol::getattr_str(&sys, "path").unwrap();
    let first = protocol::get_item(&path, &int(0)).unwrap();
    assert_eq!(text(&first), dir.to_string_lossy());
    let argv = protocol::getattr_str(&sys, "argv").unwrap();
    assert_eq!(text(&protocol::get_item(&argv, &int(1)).unwrap()), "a");
}
