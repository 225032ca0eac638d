//! End-to-end tests of the evaluation loop: small programs compiled from
//! source and run through `taipan_vm::run`, their output compared with what
//! CPython 3.11 prints. `print` here is a test stand-in that writes into a
//! buffer (the real one lives in the builtins module).

use std::cell::RefCell;

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::module::PyModule;
use taipan_vm::objects::str::PyStr;

thread_local! {
    static OUT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn test_print(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames
        .map(taipan_vm::objects::descr::kwnames_len)
        .unwrap_or(0);
    let mut parts = Vec::new();
    for a in &args[..args.len() - nkw] {
        parts.push(protocol::str_string(a)?);
    }
    OUT.with(|o| {
        let mut o = o.borrow_mut();
        o.push_str(&parts.join(" "));
        o.push('\n');
    });
    Ok(taipan_vm::objects::none::none())
}

fn test_len(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    taipan_vm::objects::int::PyInt::new(protocol::len(a)? as i64)
}

fn test_repr(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::repr(a)
}

fn test_iter(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    protocol::get_iter(a)
}

fn test_next(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    match protocol::next(a)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(None)),
    }
}

fn test_isinstance(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    Ok(taipan_vm::objects::bool_::py_bool(protocol::isinstance(
        &args[0], &args[1],
    )?))
}

static TEST_BUILTINS: &[MethodDef] = &[
    MethodDef::new("print", Meth::FastKw(test_print)),
    MethodDef::new("len", Meth::O(test_len)),
    MethodDef::new("repr", Meth::O(test_repr)),
    MethodDef::new("iter", Meth::O(test_iter)),
    MethodDef::new("next", Meth::O(test_next)),
    MethodDef::new("isinstance", Meth::Fast(test_isinstance)),
];

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// `Type: args[0]` (the exception's own `str` is another file's work).
fn exc_line(v: &PyRef) -> String {
    let args = v
        .downcast::<taipan_vm::objects::exceptions::PyBaseException>()
        .map(|b| b.args());
    let msg = args
        .as_ref()
        .and_then(|a| a.downcast::<taipan_vm::objects::tuple::PyTuple>())
        .and_then(|t| t.items().first().cloned())
        .map(|a| protocol::str_string(&a).unwrap_or_default())
        .unwrap_or_default();
    format!("{}: {}\n", v.ty().name(), msg)
}

fn setup() {
    taipan_vm::interp::initialize().expect("start-up");
    let interp = taipan_vm::interp::interp();
    if interp.builtins.is_none() {
        let m = PyModule::new("builtins").expect("module");
        PyModule::add_functions(&m, TEST_BUILTINS).expect("functions");
        PyModule::add_functions(&m, taipan_vm::run::EXEC_BUILTINS).expect("functions");
        let d = m.downcast::<PyModule>().expect("module").dict();
        let dd = d.downcast::<PyDict>().expect("dict");
        for (name, ty) in [
            ("int", &taipan_vm::objects::int::INT_TYPE),
            ("str", &taipan_vm::objects::str::STR_TYPE),
            ("list", &taipan_vm::objects::list::LIST_TYPE),
            ("tuple", &taipan_vm::objects::tuple::TUPLE_TYPE),
            ("dict", &taipan_vm::objects::dict::DICT_TYPE),
            ("object", &taipan_vm::objects::object::OBJECT_TYPE),
            ("type", &taipan_vm::objects::type_::TYPE_TYPE),
            ("float", &taipan_vm::objects::float::FLOAT_TYPE),
            ("bool", &taipan_vm::objects::bool_::BOOL_TYPE),
            (
                "staticmethod",
                &taipan_vm::objects::classmethod::STATICMETHOD_TYPE,
            ),
            (
                "classmethod",
                &taipan_vm::objects::classmethod::CLASSMETHOD_TYPE,
            ),
        ] {
            dd.set_str(name, PyRef::from_static(ty)).expect("set");
        }
        for ty in taipan_vm::objects::exceptions::ALL_EXCEPTION_TYPES {
            dd.set_str(ty.name(), PyRef::from_static(*ty)).expect("set");
        }
        dd.set_str(
            "BaseException",
            PyRef::from_static(&taipan_vm::objects::exceptions::BASE_EXCEPTION),
        )
        .expect("set");
        interp.builtins = Some(m);
    } else if let Some(b) = &interp.builtins {
        let _ = PyModule::add_functions(b, TEST_BUILTINS);
        let _ = PyModule::add_functions(b, taipan_vm::run::EXEC_BUILTINS);
    }
}

/// Runs `src` as a module; returns its printed output and, if it raised,
/// the formatted exception.
fn run(src: &str) -> (String, Option<String>) {
    let _lock = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    setup();
    OUT.with(|o| o.borrow_mut().clear());
    let r = (|| -> PyResult<()> {
        let code = taipan_vm::run::compile_source(src.as_bytes(), "<test>")?;
        let g = PyDict::new()?;
        let gd = g.downcast::<PyDict>().expect("dict");
        gd.set_str("__name__", PyStr::new("__main__")?)?;
        if let Some(b) = &taipan_vm::interp::interp().builtins {
            gd.set_str("__builtins__", b.clone())?;
        }
        taipan_vm::run::exec_code(&code, &g, None)?;
        Ok(())
    })();
    let out = OUT.with(|o| o.borrow().clone());
    (out, r.err().map(|e| exc_line(e.value())))
}

fn ok(src: &str) -> String {
    let (out, err) = run(src);
    if let Some(e) = err {
        panic!("program raised {e}\noutput so far:\n{out}");
    }
    out
}

fn raises(src: &str) -> String {
    let (_, err) = run(src);
    err.expect("program should have raised")
}

#[test]
fn arithmetic_and_calls() {
    assert_eq!(ok("print(1 + 2)\nx = 6\nprint(x * 7)"), "3\n42\n");
    assert_eq!(
        ok("def f(a, b=10, *args, c, d=4, **kw):\n    return a + b + c + d + len(args)\nprint(f(1, c=3))\nprint(f(1, 2, 3, 4, c=5, z=1))"),
        "18\n14\n"
    );
}

#[test]
fn argument_errors() {
    assert_eq!(
        raises("def f(x): pass\nf()"),
        "TypeError: f() missing 1 required positional argument: 'x'\n"
    );
    assert_eq!(
        raises("def f(a, b): pass\nf(1, 2, 3)"),
        "TypeError: f() takes 2 positional arguments but 3 were given\n"
    );
    assert_eq!(
        raises("def f(a): pass\nf(1, z=2)"),
        "TypeError: f() got an unexpected keyword argument 'z'\n"
    );
    assert_eq!(
        raises("def f(a): pass\nf(1, a=2)"),
        "TypeError: f() got multiple values for argument 'a'\n"
    );
    assert_eq!(
        raises("def f(a, b, c): pass\nf()"),
        "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'\n"
    );
}

#[test]
fn names_and_locals() {
    assert_eq!(raises("print(y)"), "NameError: name 'y' is not defined\n");
    assert_eq!(
        raises("def f():\n    print(x)\n    x = 1\nf()"),
        "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value\n"
    );
}

#[test]
fn loops_and_closures() {
    assert_eq!(
        ok("t = 0\nfor i in [1, 2, 3]:\n    t += i\nprint(t)\nwhile t > 0:\n    t -= 4\nprint(t)"),
        "6\n-2\n"
    );
    assert_eq!(
        ok("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nf = outer()\nf()\nprint(f())"),
        "2\n"
    );
}

#[test]
fn deep_python_recursion() {
    assert_eq!(
        ok("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(900))"),
        "900\n"
    );
    assert_eq!(
        raises("def f(n):\n    return f(n + 1)\nf(0)"),
        "RecursionError: maximum recursion depth exceeded\n"
    );
}

#[test]
fn exceptions() {
    assert_eq!(
        ok("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    print('caught', isinstance(e, ZeroDivisionError))\nfinally:\n    print('done')"),
        "caught True\ndone\n"
    );
    assert_eq!(
        ok("def g():\n    raise KeyError\ntry:\n    g()\nexcept (ValueError, KeyError):\n    print('ok')"),
        "ok\n"
    );
    assert_eq!(raises("raise ValueError"), "ValueError: \n");
    assert_eq!(
        ok("def f():\n    try:\n        raise ValueError\n    finally:\n        print('fin')\ntry:\n    f()\nexcept ValueError:\n    print('outer')"),
        "fin\nouter\n"
    );
}

#[test]
fn generators() {
    assert_eq!(
        ok("def g(n):\n    for i in range(n) if False else [0, 1, 2]:\n        yield i * 2\nprint(list(g(3)))"),
        "[0, 2, 4]\n"
    );
    assert_eq!(
        ok("def g():\n    x = yield 1\n    print('got', x)\n    yield 2\nit = g()\nprint(next(it))\nprint(it.send('v'))"),
        "1\ngot v\n2\n"
    );
    assert_eq!(
        ok("def inner():\n    yield 1\n    yield 2\n    return 'r'\ndef outer():\n    r = yield from inner()\n    print(r)\nfor v in outer():\n    print(v)"),
        "1\n2\nr\n"
    );
}

#[test]
fn with_statement_and_classes() {
    assert_eq!(
        ok("class C:\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v\nprint(C(5).get())"),
        "5\n"
    );
    assert_eq!(
        ok("class M:\n    def __enter__(self):\n        print('in')\n        return self\n    def __exit__(self, *a):\n        print('out', a[0] is None)\nwith M():\n    print('body')"),
        "in\nbody\nout True\n"
    );
}

#[test]
fn comprehensions_and_unpacking() {
    assert_eq!(
        ok("a, *b, c = [1, 2, 3, 4]\nprint(a, b, c)\nprint([x * x for x in (1, 2, 3)])\nprint([(k, v) for k, v in [(1, 2)]])"),
        "1 [2, 3] 4\n[1, 4, 9]\n[(1, 2)]\n"
    );
    assert_eq!(
        raises("a, b = [1, 2, 3]"),
        "ValueError: too many values to unpack (expected 2)\n"
    );
    assert_eq!(ok("x = 3\nprint(f'{x} and {x!r:>3}')"), "3 and   3\n");
}

/// Runs the file named by `EVAL_SRC` (a debugging aid; does nothing without it).
#[test]
fn run_file_from_env() {
    if let Ok(path) = std::env::var("EVAL_SRC") {
        let src = std::fs::read_to_string(path).expect("read");
        let (out, err) = run(&src);
        println!("{out}");
        if let Some(e) = err {
            println!("RAISED {e}");
        }
    }
}

#[test]
fn traceback_entries() {
    let _lock = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    setup();
    let src = "def f():\n    return 1 / 0\n\ndef g():\n    f()\ng()\n";
    let code = taipan_vm::run::compile_source(src.as_bytes(), "<tb>").expect("compile");
    let g = PyDict::new().expect("dict");
    let gd = g.downcast::<PyDict>().expect("dict");
    gd.set_str("__name__", PyStr::new("__main__").expect("str"))
        .expect("set");
    let e = taipan_vm::run::exec_code(&code, &g, None).expect_err("raises");
    let text = taipan_vm::run::format_exception(e.value());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Traceback (most recent call last):");
    assert_eq!(lines[1], "  File \"<tb>\", line 6, in <module>");
    assert_eq!(lines[2], "  File \"<tb>\", line 5, in g");
    assert_eq!(lines[3], "  File \"<tb>\", line 2, in f");
    assert!(lines[4].starts_with("ZeroDivisionError"));
}
