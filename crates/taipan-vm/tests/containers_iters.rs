//! range, enumerate, reversed, map, filter, zip and the callable iterator,
//! checked against /usr/bin/python3.11.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::bltin_iters::{FILTER_TYPE, MAP_TYPE, ZIP_TYPE};
use taipan_vm::objects::enumerate::{ENUMERATE_TYPE, REVERSED_TYPE};
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::range::RANGE_TYPE;
use taipan_vm::objects::slice::PySlice;
use taipan_vm::objects::tuple::TUPLE_TYPE;

mod containers_common;
use containers_common::*;

fn list(v: &[i64]) -> PyRef {
    PyList::new(v.iter().map(|&i| int(i)).collect()).unwrap()
}

fn listed(it: &PyRef) -> String {
    repr(&PyList::new(protocol::collect(it).unwrap()).unwrap())
}

fn range(args: &[i64]) -> PyRef {
    let a: Vec<PyRef> = args.iter().map(|&i| int(i)).collect();
    protocol::call(&RANGE_TYPE.as_pyref(), &a, None).unwrap()
}

#[test]
fn ranges() {
    let _g = init();
    let rt = RANGE_TYPE.as_pyref();
    assert_eq!(repr(&range(&[0, 5, 2])), "range(0, 5, 2)");
    assert_eq!(repr(&range(&[3])), "range(0, 3)");
    assert_eq!(listed(&range(&[10, 0, -3])), "[10, 7, 4, 1]");
    assert_eq!(protocol::len(&range(&[10, 0, -3])).unwrap(), 4);
    let e = protocol::call(&rt, &[int(1), int(2), int(0)], None).unwrap_err();
    assert_eq!(err_text(e), "ValueError: range() arg 3 must not be zero");
    let e = protocol::call(&rt, &[], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: range expected at least 1 argument, got 0"
    );
    let e = protocol::call(&rt, &[s("a")], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    let r = range(&[10]);
    let sl = PySlice::new(int(2), int(8), int(2)).unwrap();
    assert_eq!(
        repr(&protocol::get_item(&r, &sl).unwrap()),
        "range(2, 8, 2)"
    );
    assert_eq!(repr(&protocol::get_item(&r, &int(-1)).unwrap()), "9");
    let e = protocol::get_item(&r, &int(10)).unwrap_err();
    assert_eq!(err_text(e), "IndexError: range object index out of range");
    assert!(protocol::contains(&r, &int(9)).unwrap());
    assert!(!protocol::contains(&range(&[0, 10, 2]), &int(3)).unwrap());
    let e = protocol::call_method(&range(&[5]), "index", &[int(7)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: 7 is not in range");
    assert_eq!(
        repr(&protocol::call_method(&range(&[0, 10, 2]), "index", &[int(6)]).unwrap()),
        "3"
    );
    assert!(protocol::rich_compare_bool(&range(&[0]), &range(&[5, 2]), CompareOp::Eq).unwrap());
    assert!(
        protocol::rich_compare_bool(&range(&[0, 3, 2]), &range(&[0, 4, 2]), CompareOp::Eq).unwrap()
    );
    assert_eq!(
        protocol::hash(&range(&[0])).unwrap(),
        protocol::hash(
            &taipan_vm::objects::tuple::PyTuple::new(vec![int(0), nil(), nil()]).unwrap()
        )
        .unwrap()
    );
    // ranges over big ints
    let b =
        |v: i128| taipan_vm::objects::int::PyInt::from_bigint(num_bigint::BigInt::from(v)).unwrap();
    let big = protocol::call(&rt, &[b(1 << 70), b((1 << 70) + 3)], None).unwrap();
    assert_eq!(
        listed(&big),
        "[1180591620717411303424, 1180591620717411303425, 1180591620717411303426]"
    );
    assert!(protocol::contains(&big, &b((1 << 70) + 2)).unwrap());
    let huge = protocol::call(&rt, &[b(1 << 70)], None).unwrap();
    let e = protocol::len(&huge).unwrap_err();
    assert_eq!(
        err_text(e),
        "OverflowError: Python int too large to convert to C ssize_t"
    );
    let near = protocol::call(&rt, &[int(i64::MAX - 2), int(i64::MAX)], None).unwrap();
    assert_eq!(listed(&near), "[9223372036854775805, 9223372036854775806]");
    // list() preallocates from len() / __length_hint__ as CPython does
    let lt = taipan_vm::objects::list::LIST_TYPE.as_pyref();
    let sizeof = |o: &PyRef| repr(&protocol::call_method(o, "__sizeof__", &[]).unwrap());
    assert_eq!(
        sizeof(&protocol::call(&lt, &[range(&[10])], None).unwrap()),
        "120"
    );
    let it = protocol::get_iter(&list(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).unwrap();
    assert_eq!(sizeof(&protocol::call(&lt, &[it], None).unwrap()), "120");
    let l2 = list(&[1, 2]);
    protocol::call_method(&l2, "extend", &[range(&[7])]).unwrap();
    assert_eq!(sizeof(&l2), "168");
    let rev = protocol::call_method(&range(&[3]), "__reversed__", &[]).unwrap();
    assert_eq!(listed(&rev), "[2, 1, 0]");
}

#[test]
fn builtin_iterators() {
    let _g = init();
    let et = ENUMERATE_TYPE.as_pyref();
    let e = call_kw(&et, &[list(&[7, 8])], &[("start", int(5))]).unwrap();
    assert_eq!(listed(&e), "[(5, 7), (6, 8)]");
    let err = protocol::call(&et, &[], None).unwrap_err();
    assert_eq!(
        err_text(err),
        "TypeError: enumerate() missing required argument 'iterable'"
    );
    let err = call_kw(&et, &[list(&[])], &[("x", int(1))]).unwrap_err();
    assert_eq!(
        err_text(err),
        "TypeError: 'x' is an invalid keyword argument for enumerate()"
    );
    let rt = REVERSED_TYPE.as_pyref();
    let tup = taipan_vm::objects::tuple::PyTuple::new(vec![int(1), int(2), int(3)]).unwrap();
    assert_eq!(
        listed(&protocol::call(&rt, &[tup], None).unwrap()),
        "[3, 2, 1]"
    );
    let err = protocol::call(&rt, &[int(1)], None).unwrap_err();
    assert_eq!(err_text(err), "TypeError: 'int' object is not reversible");
    let zt = ZIP_TYPE.as_pyref();
    let z = protocol::call(&zt, &[list(&[1, 2]), list(&[3, 4, 5])], None).unwrap();
    assert_eq!(listed(&z), "[(1, 3), (2, 4)]");
    let z = call_kw(&zt, &[list(&[1]), list(&[1, 2])], &[("strict", int(1))]).unwrap();
    let err = protocol::collect(&z).unwrap_err();
    assert_eq!(
        err_text(err),
        "ValueError: zip() argument 2 is longer than argument 1"
    );
    let z = call_kw(
        &zt,
        &[list(&[1, 2]), list(&[1, 2]), list(&[1])],
        &[("strict", int(1))],
    )
    .unwrap();
    let err = protocol::collect(&z).unwrap_err();
    assert_eq!(
        err_text(err),
        "ValueError: zip() argument 3 is shorter than arguments 1-2"
    );
    let mt = MAP_TYPE.as_pyref();
    let nested = PyList::new(vec![list(&[1]), list(&[2, 3])]).unwrap();
    let m = protocol::call(&mt, &[TUPLE_TYPE.as_pyref(), nested], None).unwrap();
    assert_eq!(listed(&m), "[(1,), (2, 3)]");
    let err = protocol::call(&mt, &[TUPLE_TYPE.as_pyref()], None).unwrap_err();
    assert_eq!(
        err_text(err),
        "TypeError: map() must have at least two arguments."
    );
    let ft = FILTER_TYPE.as_pyref();
    let f = protocol::call(&ft, &[nil(), list(&[0, 1, 0, 2])], None).unwrap();
    assert_eq!(listed(&f), "[1, 2]");
    let err = protocol::call(&ft, &[nil()], None).unwrap_err();
    assert_eq!(
        err_text(err),
        "TypeError: filter expected 2 arguments, got 1"
    );
    // iter(l.pop, 1)
    let l = list(&[1, 2, 3, 0]);
    let pop = protocol::getattr_str(&l, "pop").unwrap();
    let ci = taipan_vm::objects::iter::new_callable_iter(pop, int(1)).unwrap();
    assert_eq!(listed(&ci), "[0, 3, 2]");
    let err = taipan_vm::objects::iter::new_callable_iter(int(1), int(2)).unwrap_err();
    assert_eq!(err_text(err), "TypeError: iter(v, w): v must be callable");
}
