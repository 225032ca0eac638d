//! dict and set behaviour checked against /usr/bin/python3.11.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::{PyDict, DICT_TYPE};
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::set::{new_frozenset, new_set, SET_TYPE};
use taipan_vm::objects::tuple::PyTuple;

mod containers_common;
use containers_common::*;

fn list(v: &[i64]) -> PyRef {
    PyList::new(v.iter().map(|&i| int(i)).collect()).unwrap()
}

fn dict(pairs: &[(i64, i64)]) -> PyRef {
    let d = PyDict::new().unwrap();
    for &(k, v) in pairs {
        d.downcast::<PyDict>()
            .unwrap()
            .set_item(int(k), int(v))
            .unwrap();
    }
    d
}

#[test]
fn dicts() {
    let _g = init();
    let d = dict(&[(1, 2), (3, 4)]);
    assert_eq!(repr(&d), "{1: 2, 3: 4}");
    protocol::set_item(&d, &int(5), Some(&d)).unwrap();
    assert_eq!(repr(&d), "{1: 2, 3: 4, 5: {...}}");
    protocol::set_item(&d, &int(5), None).unwrap();
    let e = protocol::set_item(&d, &int(5), None).unwrap_err();
    assert_eq!(err_text(e), "KeyError: 5");
    let e = protocol::get_item(&d, &int(9)).unwrap_err();
    assert_eq!(err_text(e), "KeyError: 9");
    assert_eq!(
        repr(&protocol::call_method(&d, "get", &[int(9)]).unwrap()),
        "None"
    );
    let e = protocol::call_method(&d, "get", &[]).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: get expected at least 1 argument, got 0"
    );
    assert_eq!(
        repr(&protocol::call_method(&d, "setdefault", &[int(7), int(8)]).unwrap()),
        "8"
    );
    assert_eq!(
        repr(&protocol::call_method(&d, "pop", &[int(7)]).unwrap()),
        "8"
    );
    let e = protocol::call_method(&d, "pop", &[int(7)]).unwrap_err();
    assert_eq!(err_text(e), "KeyError: 7");
    // views
    let keys = protocol::call_method(&d, "keys", &[]).unwrap();
    assert_eq!(repr(&keys), "dict_keys([1, 3])");
    let items = protocol::call_method(&d, "items", &[]).unwrap();
    assert_eq!(repr(&items), "dict_items([(1, 2), (3, 4)])");
    assert_eq!(
        repr(&protocol::call_method(&d, "values", &[]).unwrap()),
        "dict_values([2, 4])"
    );
    let s13 = new_set(Some(&list(&[1, 3]))).unwrap();
    assert!(protocol::rich_compare_bool(&keys, &s13, CompareOp::Eq).unwrap());
    let inter = protocol::binary_op(
        &keys,
        &new_set(Some(&list(&[1, 9]))).unwrap(),
        protocol::AND,
    )
    .unwrap();
    assert_eq!(repr(&inter), "{1}");
    let diff = protocol::binary_op(
        &new_set(Some(&list(&[1, 9]))).unwrap(),
        &keys,
        protocol::SUB,
    )
    .unwrap();
    assert_eq!(repr(&diff), "{9}");
    let pair = PyTuple::new(vec![int(1), int(2)]).unwrap();
    assert!(protocol::contains(&items, &pair).unwrap());
    let rk = protocol::call_method(&d, "__reversed__", &[]).unwrap();
    assert_eq!(
        repr(&PyList::new(protocol::collect(&rk).unwrap()).unwrap()),
        "[3, 1]"
    );
    // iteration with a size change
    let it = protocol::get_iter(&d).unwrap();
    protocol::next(&it).unwrap();
    protocol::set_item(&d, &int(10), Some(&int(0))).unwrap();
    let e = protocol::next(&it).unwrap_err();
    assert_eq!(
        err_text(e),
        "RuntimeError: dictionary changed size during iteration"
    );
    // popitem is LIFO
    assert_eq!(
        repr(&protocol::call_method(&d, "popitem", &[]).unwrap()),
        "(10, 0)"
    );
    let empty = dict(&[]);
    let e = protocol::call_method(&empty, "popitem", &[]).unwrap_err();
    assert_eq!(err_text(e), "KeyError: popitem(): dictionary is empty");
    // dict(), update errors
    let dt = DICT_TYPE.as_pyref();
    let e = protocol::call(&dt, &[list(&[1])], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: cannot convert dictionary update sequence element #0 to a sequence"
    );
    let bad = PyList::new(vec![PyTuple::new(vec![int(1), int(2), int(3)]).unwrap()]).unwrap();
    let e = protocol::call(&dt, &[bad], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "ValueError: dictionary update sequence element #0 has length 3; 2 is required"
    );
    let e = protocol::call(&dt, &[int(1), int(2)], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: dict expected at most 1 argument, got 2"
    );
    let made = call_kw(&dt, std::slice::from_ref(&d), &[("a", int(1))]).unwrap();
    assert_eq!(repr(&made), "{1: 2, 3: 4, 'a': 1}");
    assert!(protocol::rich_compare_bool(
        &made,
        &made.downcast::<PyDict>().unwrap().copy().unwrap(),
        CompareOp::Eq
    )
    .unwrap());
    let merged =
        protocol::binary_op(&dict(&[(1, 1)]), &dict(&[(1, 5), (2, 2)]), protocol::OR).unwrap();
    assert_eq!(repr(&merged), "{1: 5, 2: 2}");
    let fk = protocol::call_method(&dt, "fromkeys", &[list(&[0, 1, 2, 3, 4, 5])]).unwrap();
    assert_eq!(
        repr(&protocol::call_method(&fk, "__sizeof__", &[]).unwrap()),
        "336"
    );
    assert_eq!(
        repr(&protocol::call_method(&dict(&[(1, 1)]), "__sizeof__", &[]).unwrap()),
        "208"
    );
    assert_eq!(
        repr(&protocol::call_method(&empty, "__sizeof__", &[]).unwrap()),
        "48"
    );
}

#[test]
fn sets() {
    let _g = init();
    let s = new_set(Some(&list(&[5, 3, 1, 100, 8, 17, 33]))).unwrap();
    assert_eq!(repr(&s), "{1, 33, 3, 100, 5, 8, 17}");
    let f = new_frozenset(Some(&list(&[1, 2, 3]))).unwrap();
    assert_eq!(protocol::hash(&f).unwrap(), -272375401224217160);
    assert_eq!(
        protocol::hash(&new_frozenset(None).unwrap()).unwrap(),
        133146708735736
    );
    assert_eq!(repr(&f), "frozenset({1, 2, 3})");
    assert_eq!(repr(&new_set(None).unwrap()), "set()");
    let r20 = new_set(Some(&PyList::new((0..20).map(int).collect()).unwrap())).unwrap();
    for i in (0..20).step_by(3) {
        protocol::call_method(&r20, "discard", &[int(i)]).unwrap();
    }
    assert_eq!(repr(&protocol::call_method(&r20, "pop", &[]).unwrap()), "1");
    assert_eq!(repr(&r20), "{2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19}");
    let a = new_set(Some(&list(&[1, 2]))).unwrap();
    let b = new_set(Some(&list(&[2, 3]))).unwrap();
    assert_eq!(
        repr(&protocol::binary_op(&a, &b, protocol::OR).unwrap()),
        "{1, 2, 3}"
    );
    assert_eq!(
        repr(&protocol::binary_op(&a, &b, protocol::AND).unwrap()),
        "{2}"
    );
    assert_eq!(
        repr(&protocol::binary_op(&a, &b, protocol::SUB).unwrap()),
        "{1}"
    );
    assert_eq!(
        repr(&protocol::binary_op(&a, &b, protocol::XOR).unwrap()),
        "{1, 3}"
    );
    assert!(
        protocol::rich_compare_bool(&new_set(Some(&list(&[2]))).unwrap(), &a, CompareOp::Lt)
            .unwrap()
    );
    let e = protocol::call_method(&a, "remove", &[int(9)]).unwrap_err();
    assert_eq!(err_text(e), "KeyError: 9");
    let e = protocol::call_method(&new_set(None).unwrap(), "pop", &[]).unwrap_err();
    assert_eq!(err_text(e), "KeyError: pop from an empty set");
    // a set as a key of a frozenset lookup
    let outer = new_set(Some(
        &PyList::new(vec![new_frozenset(None).unwrap()]).unwrap(),
    ))
    .unwrap();
    assert!(protocol::contains(&outer, &new_set(None).unwrap()).unwrap());
    assert!(protocol::hash(&a).is_err());
    let st = SET_TYPE.as_pyref();
    let e = protocol::call(&st, &[int(1), int(2)], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: set expected at most 1 argument, got 2"
    );
    assert_eq!(
        repr(&protocol::call_method(&new_set(None).unwrap(), "__sizeof__", &[]).unwrap()),
        "200"
    );
    let big = new_set(Some(&PyList::new((0..10).map(int).collect()).unwrap())).unwrap();
    assert_eq!(
        repr(&protocol::call_method(&big, "__sizeof__", &[]).unwrap()),
        "712"
    );
    // set(s) of a set with dummies: presize, then clean insertion in table
    // order (CPython's set_merge), giving CPython's order and size
    let src = new_set(Some(
        &PyList::new((0..3000).step_by(37).map(int).collect()).unwrap(),
    ))
    .unwrap();
    for i in (0..3000).step_by(74) {
        protocol::call_method(&src, "discard", &[int(i)]).unwrap();
    }
    let t = new_set(Some(&src)).unwrap();
    let first: Vec<String> = protocol::collect(&t)
        .unwrap()
        .iter()
        .take(12)
        .map(repr)
        .collect();
    assert_eq!(
        first.join(" "),
        "1665 259 2183 777 2701 1295 1813 407 2331 925 2849 1443"
    );
    assert_eq!(
        repr(&protocol::call_method(&t, "__sizeof__", &[]).unwrap()),
        "2248"
    );
    assert_eq!(
        repr(&protocol::call_method(&src, "__sizeof__", &[]).unwrap()),
        "8392"
    );
    let u = new_set(Some(&list(&[1, 2]))).unwrap();
    let u = protocol::inplace_op(&u, &src, protocol::OR).unwrap();
    let first: Vec<String> = protocol::collect(&u)
        .unwrap()
        .iter()
        .take(8)
        .map(repr)
        .collect();
    assert_eq!(first.join(" "), "1 2 1665 259 2183 777 2701 1295");
    let it = protocol::get_iter(&a).unwrap();
    protocol::call_method(&a, "add", &[int(50)]).unwrap();
    let e = protocol::next(&it).unwrap_err();
    assert_eq!(
        err_text(e),
        "RuntimeError: Set changed size during iteration"
    );
}
