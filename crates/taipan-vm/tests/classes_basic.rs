//! Classes made with `type(name, bases, ns)` from Rust: MRO, slots filled
//! from dunder methods, `__slots__`, slot wrappers of built-in types,
//! `__del__`, metaclass conflicts, property, classmethod, staticmethod.
//! (One test function: the runtime is single-threaded.)

use std::cell::Cell;

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::descr;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::int::PyInt;
use taipan_vm::objects::object::OBJECT_TYPE;
use taipan_vm::objects::str::PyStr;
use taipan_vm::objects::tuple::PyTuple;
use taipan_vm::objects::type_::TYPE_TYPE;

fn s(x: &str) -> PyRef {
    PyStr::new(x).unwrap()
}

fn int(v: i64) -> PyRef {
    PyInt::new(v).unwrap()
}

fn as_i64(o: &PyRef) -> i64 {
    o.downcast::<PyInt>().unwrap().as_i64().unwrap()
}

fn text(o: &PyRef) -> String {
    protocol::str_string(o).unwrap()
}

/// A native method usable as a class attribute: a method descriptor of
/// `object`, so it binds like a function.
fn meth(def: &'static MethodDef) -> PyRef {
    descr::new_method_descr(&OBJECT_TYPE, def).unwrap()
}

fn make_class(name: &str, bases: &[PyRef], ns: &[(&str, PyRef)]) -> PyResult<PyRef> {
    let d = PyDict::new().unwrap();
    for (k, v) in ns {
        d.downcast::<PyDict>()
            .unwrap()
            .set_str(k, v.clone())
            .unwrap();
    }
    d.downcast::<PyDict>()
        .unwrap()
        .set_str("__module__", s("tests"))
        .unwrap();
    protocol::call(
        &TYPE_TYPE.as_pyref(),
        &[s(name), PyTuple::new(bases.to_vec()).unwrap(), d],
        None,
    )
}

trait Ok2 {
    fn v(self) -> PyRef;
}
impl Ok2 for PyResult<PyRef> {
    #[track_caller]
    fn v(self) -> PyRef {
        match self {
            Ok(v) => v,
            Err(e) => panic!("{}", exc_msg(&e)),
        }
    }
}

fn exc_msg(e: &PyErr) -> String {
    let b = e
        .value()
        .downcast::<taipan_vm::objects::exceptions::PyBaseException>()
        .unwrap();
    let args = b.args();
    let t = args.downcast::<PyTuple>().unwrap();
    let m = t.items().first().map(text).unwrap_or_default();
    format!("{}: {}", e.value().ty().name(), m)
}

#[track_caller]
fn err_text(r: PyResult<PyRef>) -> String {
    exc_msg(&r.unwrap_err())
}

fn add_42(_s: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(42)
}
fn radd_7(_s: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(7)
}
fn repr_x(_s: &PyRef) -> PyResult<PyRef> {
    PyStr::new("<X!>")
}
fn eq_true(_s: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    Ok(taipan_vm::objects::bool_::py_bool(true))
}
fn len_3(_s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(3)
}
fn getattr_fallback(_s: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&format!("dyn:{}", protocol::str_string(name)?))
}
thread_local! {
    static DELS: Cell<u32> = const { Cell::new(0) };
}
fn del_count(_s: &PyRef) -> PyResult<PyRef> {
    DELS.with(|c| c.set(c.get() + 1));
    Ok(taipan_vm::objects::none::none())
}
fn getter_10(_s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(10)
}
fn cls_name(c: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    protocol::getattr_str(c, "__name__")
}

static ADD: MethodDef = MethodDef::new("__add__", Meth::O(add_42));
static RADD: MethodDef = MethodDef::new("__radd__", Meth::O(radd_7));
static REPR: MethodDef = MethodDef::new("__repr__", Meth::NoArgs(repr_x));
static EQ: MethodDef = MethodDef::new("__eq__", Meth::O(eq_true));
static LEN: MethodDef = MethodDef::new("__len__", Meth::NoArgs(len_3));
static GETATTR: MethodDef = MethodDef::new("__getattr__", Meth::O(getattr_fallback));
static DEL: MethodDef = MethodDef::new("__del__", Meth::NoArgs(del_count));
static GETTER: MethodDef = MethodDef::new("get", Meth::NoArgs(getter_10));
static CLSNAME: MethodDef = MethodDef::new("cname", Meth::Fast(cls_name));

fn names_of_mro(c: &PyRef) -> Vec<String> {
    let mro = protocol::getattr_str(c, "__mro__").unwrap();
    mro.downcast::<PyTuple>()
        .unwrap()
        .items()
        .iter()
        .map(|t| text(&protocol::getattr_str(t, "__name__").unwrap()))
        .collect()
}

#[test]
fn classes() {
    taipan_vm::interp::initialize().unwrap();
    mro_and_errors();
    dunder_slots();
    slot_wrappers();
    slots_and_dict();
    del_and_update();
    descriptors();
    super_();
}

fn super_() {
    let a = make_class("A", &[], &[("get", meth(&GETTER))]).v();
    let b = make_class("B", std::slice::from_ref(&a), &[("get", meth(&LEN))]).v();
    let x = protocol::call(&b, &[], None).v();
    let own = protocol::call_method(&x, "get", &[]).v();
    assert_eq!(as_i64(&own), 3);
    let sup_t = taipan_vm::objects::super_::SUPER_TYPE.as_pyref();
    let sp = protocol::call(&sup_t, &[b.clone(), x.clone()], None).v();
    assert_eq!(as_i64(&protocol::call_method(&sp, "get", &[]).v()), 10);
    assert_eq!(
        text(&protocol::repr(&sp).unwrap()),
        "<super: <class 'B'>, <B object>>"
    );
    assert_eq!(
        err_text(protocol::call(
            &sup_t,
            &[b.clone(), taipan_vm::objects::int::PyInt::new(1).unwrap()],
            None
        )),
        "TypeError: super(type, obj): obj must be an instance or subtype of type"
    );
    assert_eq!(
        err_text(protocol::call(&sup_t, &[], None)),
        "RuntimeError: super(): no current frame"
    );
}

fn mro_and_errors() {
    let obj = OBJECT_TYPE.as_pyref();
    let a = make_class("A", &[], &[]).v();
    assert_eq!(text(&protocol::repr(&a).unwrap()), "<class 'tests.A'>");
    let b = make_class("B", std::slice::from_ref(&a), &[]).v();
    let c = make_class("C", std::slice::from_ref(&a), &[]).v();
    let d = make_class("D", &[b.clone(), c.clone()], &[]).v();
    assert_eq!(names_of_mro(&d), ["D", "B", "C", "A", "object"]);
    let base = protocol::getattr_str(&d, "__base__").unwrap();
    assert!(base.is(&b));
    let subs = protocol::call_method(&a, "__subclasses__", &[]).unwrap();
    assert_eq!(
        subs.downcast::<taipan_vm::objects::list::PyList>()
            .unwrap()
            .len(),
        2
    );
    let x = make_class("X", &[b.clone(), c.clone()], &[]).v();
    let y = make_class("Y", &[c.clone(), b.clone()], &[]).v();
    assert_eq!(
        err_text(make_class("Z", &[x, y], &[])),
        "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases B, C"
    );
    assert_eq!(
        err_text(make_class("Z", &[b.clone(), b.clone()], &[])),
        "TypeError: duplicate base class B"
    );
    assert_eq!(
        err_text(make_class(
            "Z",
            &[taipan_vm::objects::bool_::BOOL_TYPE.as_pyref()],
            &[]
        )),
        "TypeError: type 'bool' is not an acceptable base type"
    );
    assert_eq!(
        err_text(make_class(
            "Z",
            &[
                taipan_vm::objects::int::INT_TYPE.as_pyref(),
                taipan_vm::objects::str::STR_TYPE.as_pyref()
            ],
            &[]
        )),
        "TypeError: multiple bases have instance lay-out conflict"
    );
    // A metaclass, and a conflict with another one.
    let meta = make_class("Meta", &[TYPE_TYPE.as_pyref()], &[]).v();
    let m2 = make_class("Meta2", &[TYPE_TYPE.as_pyref()], &[]).v();
    let d1 = PyDict::new().unwrap();
    let k = protocol::call(
        &meta,
        &[s("K"), PyTuple::new(vec![obj.clone()]).unwrap(), d1],
        None,
    )
    .v();
    assert!(k.ty().is_subtype(meta.downcast::<PyType>().unwrap()));
    let r = protocol::call(
        &m2,
        &[
            s("L"),
            PyTuple::new(vec![k]).unwrap(),
            PyDict::new().unwrap(),
        ],
        None,
    );
    assert_eq!(
        err_text(r),
        "TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"
    );
    assert!(protocol::issubclass(&d, &a).unwrap());
    let inst = protocol::call(&d, &[], None).v();
    assert!(protocol::isinstance(&inst, &c).unwrap());
    assert_eq!(
        err_text(protocol::call(&d, &[int(1)], None)),
        "TypeError: D() takes no arguments"
    );
}

fn dunder_slots() {
    let a = make_class(
        "A",
        &[],
        &[
            ("__add__", meth(&ADD)),
            ("__radd__", meth(&RADD)),
            ("__repr__", meth(&REPR)),
            ("__len__", meth(&LEN)),
            ("__getattr__", meth(&GETATTR)),
        ],
    )
    .v();
    let x = protocol::call(&a, &[], None).v();
    assert_eq!(
        as_i64(&protocol::binary_op(&x, &int(1), protocol::ADD).unwrap()),
        42
    );
    assert_eq!(
        as_i64(&protocol::binary_op(&int(1), &x, protocol::ADD).unwrap()),
        7
    );
    assert_eq!(text(&protocol::repr(&x).unwrap()), "<X!>");
    assert_eq!(protocol::len(&x).unwrap(), 3);
    assert!(protocol::is_true(&x).unwrap());
    assert_eq!(text(&protocol::getattr_str(&x, "zzz").unwrap()), "dyn:zzz");
    // Subclass inherits the slots.
    let b = make_class("B", std::slice::from_ref(&a), &[]).v();
    let y = protocol::call(&b, &[], None).v();
    assert_eq!(
        as_i64(&protocol::binary_op(&y, &int(1), protocol::ADD).unwrap()),
        42
    );
    // __eq__ without __hash__: unhashable.
    let e = make_class("E", &[], &[("__eq__", meth(&EQ))]).v();
    let ei = protocol::call(&e, &[], None).v();
    assert!(protocol::hash(&ei).is_err());
    assert!(protocol::getattr_str(&e, "__hash__").unwrap().is_none());
    assert!(protocol::rich_compare_bool(&ei, &int(3), CompareOp::Eq).unwrap());
    // Plain instances hash by identity and compare by identity.
    let p = make_class("P", &[], &[]).v();
    let pi = protocol::call(&p, &[], None).v();
    assert!(protocol::hash(&pi).is_ok());
    assert!(!protocol::rich_compare_bool(&pi, &int(3), CompareOp::Eq).unwrap());
}

fn slot_wrappers() {
    let str_t = taipan_vm::objects::str::STR_TYPE.as_pyref();
    let h = protocol::getattr_str(&str_t, "__hash__").unwrap();
    assert_eq!(
        text(&protocol::repr(&h).unwrap()),
        "<slot wrapper '__hash__' of 'str' objects>"
    );
    let abc = s("abc");
    let expect = protocol::hash(&abc).unwrap() as i64;
    assert_eq!(
        as_i64(&protocol::call(&h, std::slice::from_ref(&abc), None).v()),
        expect
    );
    let bound = protocol::getattr_str(&abc, "__hash__").unwrap();
    assert_eq!(bound.ty().name(), "method-wrapper");
    assert_eq!(as_i64(&protocol::call(&bound, &[], None).v()), expect);
    assert_eq!(
        err_text(protocol::call(&h, &[int(1)], None)),
        "TypeError: descriptor '__hash__' requires a 'str' object but received a 'int'"
    );
    let init = protocol::getattr_str(&OBJECT_TYPE.as_pyref(), "__init__").unwrap();
    assert_eq!(
        text(&protocol::repr(&init).unwrap()),
        "<slot wrapper '__init__' of 'object' objects>"
    );
    let new = protocol::getattr_str(&OBJECT_TYPE.as_pyref(), "__new__").unwrap();
    assert_eq!(new.ty().name(), "builtin_function_or_method");
    let o = protocol::call(&new, &[OBJECT_TYPE.as_pyref()], None).v();
    assert_eq!(o.ty().name(), "object");
    assert!(protocol::call(&new, &[int(1)], None).is_err());
    // A subclass of str keeps str's hash (the wrapped function itself).
    let mystr = make_class("MyStr", std::slice::from_ref(&str_t), &[]).v();
    let f = |t: &PyType| t.tp_hash.get().map(|f| f as *const () as usize);
    assert_eq!(
        f(mystr.downcast::<PyType>().unwrap()),
        f(&taipan_vm::objects::str::STR_TYPE)
    );
    let lt = protocol::getattr_str(&OBJECT_TYPE.as_pyref(), "__lt__").unwrap();
    assert!(protocol::call(&lt, &[int(1), int(2)], None)
        .v()
        .is_not_implemented());
    let eq = protocol::getattr_str(&o, "__eq__").unwrap();
    assert!(protocol::is_true(&protocol::call(&eq, std::slice::from_ref(&o), None).v()).unwrap());
    assert!(
        protocol::getattr_str(&taipan_vm::objects::list::LIST_TYPE.as_pyref(), "__hash__")
            .unwrap()
            .is_none()
    );
}

fn slots_and_dict() {
    let slots = PyTuple::new(vec![s("x"), s("__y")]).unwrap();
    let sc = make_class("S", &[], &[("__slots__", slots)]).v();
    let inst = protocol::call(&sc, &[], None).v();
    assert_eq!(
        err_text(protocol::getattr_str(&inst, "x")),
        "AttributeError: 'S' object has no attribute 'x'"
    );
    protocol::setattr(&inst, &s("x"), Some(&int(5))).unwrap();
    assert_eq!(as_i64(&protocol::getattr_str(&inst, "x").unwrap()), 5);
    protocol::setattr(&inst, &s("_S__y"), Some(&int(6))).unwrap();
    assert_eq!(as_i64(&protocol::getattr_str(&inst, "_S__y").unwrap()), 6);
    assert!(protocol::setattr(&inst, &s("z"), Some(&int(1))).is_err());
    assert!(protocol::getattr_str(&inst, "__dict__").is_err());
    let member = protocol::getattr_str(&sc, "x").unwrap();
    assert_eq!(
        text(&protocol::repr(&member).unwrap()),
        "<member 'x' of 'S' objects>"
    );
    protocol::setattr(&inst, &s("x"), None).unwrap();
    assert!(protocol::getattr_str(&inst, "x").is_err());
    let conflict = make_class(
        "Q",
        &[],
        &[
            ("__slots__", PyTuple::new(vec![s("a")]).unwrap()),
            ("a", int(1)),
        ],
    );
    assert_eq!(
        err_text(conflict),
        "ValueError: 'a' in __slots__ conflicts with class variable"
    );
    let r = make_class(
        "Q",
        &[taipan_vm::objects::tuple::TUPLE_TYPE.as_pyref()],
        &[("__slots__", PyTuple::new(vec![s("a")]).unwrap())],
    );
    assert_eq!(
        err_text(r),
        "TypeError: nonempty __slots__ not supported for subtype of 'tuple'"
    );
    // Ordinary classes have an instance dict.
    let p = make_class("P", &[], &[]).v();
    let pi = protocol::call(&p, &[], None).v();
    protocol::setattr(&pi, &s("v"), Some(&int(9))).unwrap();
    let d = protocol::getattr_str(&pi, "__dict__").unwrap();
    assert_eq!(
        as_i64(
            &d.downcast::<PyDict>()
                .unwrap()
                .get_str("v")
                .unwrap()
                .unwrap()
        ),
        9
    );
    // Type attributes.
    assert_eq!(text(&protocol::getattr_str(&p, "__name__").unwrap()), "P");
    assert_eq!(
        text(&protocol::getattr_str(&p, "__qualname__").unwrap()),
        "P"
    );
    assert_eq!(
        text(&protocol::getattr_str(&p, "__module__").unwrap()),
        "tests"
    );
    assert!(protocol::getattr_str(&p, "__doc__").unwrap().is_none());
    protocol::setattr(&p, &s("__name__"), Some(&s("P2"))).unwrap();
    assert_eq!(text(&protocol::repr(&p).unwrap()), "<class 'tests.P'>");
    assert_eq!(
        err_text(protocol::setattr(&p, &s("__name__"), Some(&int(1))).map(|_| int(0))),
        "TypeError: can only assign string to P2.__name__, not 'int'"
    );
}

fn del_and_update() {
    let a = make_class("A", &[], &[("__del__", meth(&DEL))]).v();
    let before = DELS.with(|c| c.get());
    let x = protocol::call(&a, &[], None).v();
    drop(x);
    assert_eq!(DELS.with(|c| c.get()), before + 1);
    // Assigning a dunder later fills the slot, in subclasses too.
    let b = make_class("B", &[], &[]).v();
    let c = make_class("C", std::slice::from_ref(&b), &[]).v();
    let ci = protocol::call(&c, &[], None).v();
    assert!(protocol::binary_op(&ci, &int(1), protocol::ADD).is_err());
    protocol::setattr(&b, &s("__add__"), Some(&meth(&ADD))).unwrap();
    assert_eq!(
        as_i64(&protocol::binary_op(&ci, &int(1), protocol::ADD).unwrap()),
        42
    );
    protocol::setattr(&b, &s("__add__"), None).unwrap();
    assert!(protocol::binary_op(&ci, &int(1), protocol::ADD).is_err());
}

fn descriptors() {
    let prop_t = taipan_vm::objects::property::PROPERTY_TYPE.as_pyref();
    let p = protocol::call(&prop_t, &[meth(&GETTER)], None).v();
    let a = make_class("A", &[], &[("p", p.clone())]).v();
    let x = protocol::call(&a, &[], None).v();
    assert_eq!(as_i64(&protocol::getattr_str(&x, "p").unwrap()), 10);
    assert_eq!(
        err_text(protocol::setattr(&x, &s("p"), Some(&int(1))).map(|_| int(0))),
        "AttributeError: property 'p' of 'A' object has no setter"
    );
    assert!(protocol::getattr_str(&a, "p").unwrap().is(&p));
    let sm = taipan_vm::objects::classmethod::new_staticmethod(meth(&GETTER)).unwrap();
    let cm = taipan_vm::objects::classmethod::new_classmethod(
        descr::new_cfunction(&CLSNAME, None, None).unwrap(),
    )
    .v();
    let b = make_class("B", &[], &[("s", sm), ("c", cm.clone())]).v();
    let got = protocol::getattr_str(&b, "s").unwrap();
    assert_eq!(got.ty().name(), "method_descriptor");
    assert!(protocol::getattr_str(&cm, "__func__").is_ok());
    assert!(protocol::getattr_str(&cm, "__wrapped__").is_ok());
    assert!(
        !protocol::is_true(&protocol::getattr_str(&cm, "__isabstractmethod__").unwrap()).unwrap()
    );
}
