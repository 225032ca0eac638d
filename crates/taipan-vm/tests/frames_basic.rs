//! Frame objects, zero-argument `super()`, code objects' `replace()` and
//! related behaviour, run from Python source; the expected values are what
//! CPython 3.11 gives.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::module::PyModule;

static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

thread_local! {
    static GUARD: std::cell::RefCell<Option<std::sync::MutexGuard<'static, ()>>> =
        const { std::cell::RefCell::new(None) };
}

fn setup() {
    GUARD.with(|g| {
        let mut g = g.borrow_mut();
        if g.is_none() {
            *g = Some(LOCK.lock().unwrap_or_else(|e| e.into_inner()));
        }
    });
    taipan_vm::interp::initialize().expect("initialize");
}

/// Runs `src` as a module body and returns its globals.
fn run(src: &str) -> PyRef {
    setup();
    let m = PyModule::new("__test__").expect("module");
    let g = m.downcast::<PyModule>().expect("module").dict();
    let b = taipan_vm::interp::interp()
        .builtins
        .clone()
        .expect("builtins");
    g.downcast::<PyDict>()
        .expect("dict")
        .set_str("__builtins__", b)
        .expect("set");
    let code = taipan_vm::run::compile_source(src.as_bytes(), "<frames test>").expect("compile");
    if let Err(e) = taipan_vm::run::exec_code(&code, &g, None) {
        panic!("{}", taipan_vm::run::format_exception(e.value()));
    }
    g
}

/// `repr(globals()[name])`.
fn get(g: &PyRef, name: &str) -> String {
    let v = g
        .downcast::<PyDict>()
        .expect("dict")
        .get_str(name)
        .expect("lookup")
        .unwrap_or_else(|| panic!("{name} not set"));
    protocol::repr_string(&v).expect("repr")
}

#[test]
fn finished_frames_keep_their_locals_and_caller() {
    let g = run(r#"
def inner():
    x = "kept"
    raise ValueError
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    fr = tb.tb_frame
    r = (fr.f_locals, fr.f_back.f_code.co_name, fr.f_lineno)
"#);
    assert_eq!(get(&g, "r"), "({'x': 'kept'}, 'outer', 4)");
}

#[test]
fn live_frames_read_the_running_frame() {
    let g = run(r#"
import sys
def f():
    fr = sys._getframe()
    a = fr.f_lineno
    b = 1
    return fr, a, fr.f_lineno, sys._getframe(1).f_code.co_name
def g():
    return f()
fr, a, b, caller = g()
r = (a, b, caller, fr.f_back.f_code.co_name, sorted(fr.f_locals))
"#);
    assert_eq!(get(&g, "r"), "(5, 7, 'g', 'g', ['a', 'b', 'fr'])");
}

#[test]
fn locals_is_one_dict_per_frame() {
    let g = run(r#"
def f(a):
    b = 2
    l1 = locals()
    c = 3
    l2 = locals()
    return l1 is l2, sorted(l1)
r = f(1)
"#);
    assert_eq!(get(&g, "r"), "(True, ['a', 'b', 'c', 'l1'])");
}

#[test]
fn frame_clear_and_trace_attributes() {
    let g = run(r#"
import sys
def f():
    x = 1
    return sys._getframe()
fr = f()
before = dict(fr.f_locals)
fr.clear()
me = sys._getframe()
try:
    me.clear()
except RuntimeError as e:
    err = str(e)
r = (before, fr.f_locals, fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes, err)
"#);
    assert_eq!(
        get(&g, "r"),
        "({'x': 1}, {}, None, True, False, 'cannot clear an executing frame')"
    );
}

#[test]
fn zero_argument_super() {
    let g = run(r#"
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
def bare():
    return super()
try:
    bare()
except RuntimeError as e:
    err = str(e)
class C:
    def m():
        return super()
try:
    C.m()
except RuntimeError as e:
    err2 = str(e)
r = (B().who(), err, err2)
"#);
    assert_eq!(
        get(&g, "r"),
        "('BA', 'super(): no arguments', 'super(): no arguments')"
    );
}

#[test]
fn code_replace() {
    let g = run(r#"
def f(x):
    return x + 1
c = f.__code__.replace(co_name="renamed", co_firstlineno=40)
f.__code__ = c
try:
    f.__code__.replace(co_bogus=1)
except TypeError as e:
    err = str(e)
r = (c.co_name, c.co_firstlineno, f(1), err)
"#);
    assert_eq!(
        get(&g, "r"),
        "('renamed', 40, 2, \"replace() got an unexpected keyword argument 'co_bogus'\")"
    );
}

#[test]
fn bound_methods_compare_equal() {
    let g = run(r#"
class C:
    def m(self):
        pass
c = C()
r = (c.m == c.m, c.m == C().m, hash(c.m) == hash(c.m))
"#);
    assert_eq!(get(&g, "r"), "(True, False, True)");
}
