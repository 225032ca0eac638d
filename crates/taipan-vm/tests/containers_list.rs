//! list, slice behaviour checked against /usr/bin/python3.11.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::slice::PySlice;
use taipan_vm::objects::str::PyStr;

mod containers_common;
use containers_common::*;

fn ints(v: &[i64]) -> PyRef {
    PyList::new(v.iter().map(|&i| int(i)).collect()).unwrap()
}

fn sl(a: Option<i64>, b: Option<i64>, c: Option<i64>) -> PyRef {
    let f = |x: Option<i64>| x.map(int).unwrap_or_else(nil);
    PySlice::new(f(a), f(b), f(c)).unwrap()
}

#[test]
fn slices() {
    let _g = init();
    let s = sl(Some(1), None, Some(-1));
    assert_eq!(repr(&s), "slice(1, None, -1)");
    let r = protocol::call_method(&s, "indices", &[int(10)]).unwrap();
    assert_eq!(repr(&r), "(1, -1, -1)");
    let e =
        protocol::call_method(&sl(Some(1), Some(2), Some(0)), "indices", &[int(3)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: slice step cannot be zero");
    let e = protocol::call_method(&s, "indices", &[int(-1)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: length should not be negative");
    assert!(protocol::hash(&s).is_err());
    let a = sl(Some(1), Some(2), None);
    let b = sl(Some(1), Some(3), None);
    assert!(protocol::rich_compare_bool(&a, &b, CompareOp::Lt).unwrap());
    assert!(protocol::rich_compare_bool(&a, &sl(Some(1), Some(2), None), CompareOp::Eq).unwrap());
    assert_eq!(
        taipan_vm::objects::slice::unpack_and_adjust(&sl(None, None, Some(-2)), 5).unwrap(),
        (4, -1, -2, 3)
    );
}

#[test]
fn list_basics() {
    let _g = init();
    let l = ints(&[3, 1, 2]);
    assert_eq!(repr(&l), "[3, 1, 2]");
    // recursion guard
    l.downcast::<PyList>().unwrap().push(l.clone());
    assert_eq!(repr(&l), "[3, 1, 2, [...]]");
    protocol::call_method(&l, "pop", &[]).unwrap();
    assert_eq!(
        repr(&protocol::get_item(&l, &sl(None, None, Some(-1))).unwrap()),
        "[2, 1, 3]"
    );
    assert_eq!(repr(&protocol::get_item(&l, &int(-1)).unwrap()), "2");
    let e = protocol::get_item(&l, &int(5)).unwrap_err();
    assert_eq!(err_text(e), "IndexError: list index out of range");
    let e = protocol::get_item(&l, &PyStr::new("a").unwrap()).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: list indices must be integers or slices, not str"
    );
    // extended slice assignment errors
    let e = protocol::set_item(&l, &sl(None, None, Some(2)), Some(&ints(&[1]))).unwrap_err();
    assert_eq!(
        err_text(e),
        "ValueError: attempt to assign sequence of size 1 to extended slice of size 2"
    );
    let e = protocol::set_item(&l, &sl(None, None, Some(2)), Some(&int(1))).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: must assign iterable to extended slice"
    );
    let e = protocol::set_item(&l, &sl(None, None, None), Some(&int(1))).unwrap_err();
    assert_eq!(err_text(e), "TypeError: can only assign an iterable");
    protocol::set_item(&l, &sl(Some(1), Some(2), None), Some(&ints(&[7, 8, 9]))).unwrap();
    assert_eq!(repr(&l), "[3, 7, 8, 9, 2]");
    protocol::set_item(&l, &sl(None, None, Some(2)), None).unwrap();
    assert_eq!(repr(&l), "[7, 9]");
    protocol::set_item(&l, &sl(None, None, Some(-1)), Some(&ints(&[1, 2]))).unwrap();
    assert_eq!(repr(&l), "[2, 1]");
    let l2 = protocol::binary_op(&l, &int(2), protocol::MUL).unwrap();
    assert_eq!(repr(&l2), "[2, 1, 2, 1]");
    let e = protocol::binary_op(&l, &int(2), protocol::ADD).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: can only concatenate list (not \"int\") to list"
    );
    assert!(protocol::rich_compare_bool(&ints(&[1, 2]), &ints(&[1, 3]), CompareOp::Lt).unwrap());
    assert!(protocol::rich_compare_bool(&ints(&[1, 2]), &ints(&[1, 2, 0]), CompareOp::Lt).unwrap());
    assert!(
        !protocol::rich_compare_bool(&ints(&[1, 2]), &ints(&[1, 2, 0]), CompareOp::Eq).unwrap()
    );
    assert!(protocol::contains(&l2, &int(1)).unwrap());
}

#[test]
fn list_methods() {
    let _g = init();
    let l = ints(&[]);
    let e = protocol::call_method(&l, "pop", &[]).unwrap_err();
    assert_eq!(err_text(e), "IndexError: pop from empty list");
    let e = protocol::call_method(&l, "insert", &[int(1)]).unwrap_err();
    assert_eq!(err_text(e), "TypeError: insert expected 2 arguments, got 1");
    let e = protocol::call_method(&l, "pop", &[int(1), int(2)]).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: pop expected at most 1 argument, got 2"
    );
    let e = protocol::call_method(&l, "index", &[]).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: index expected at least 1 argument, got 0"
    );
    let e = protocol::call_method(&l, "remove", &[int(1)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: list.remove(x): x not in list");
    let e = protocol::call_method(&l, "sort", &[int(1)]).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: sort() takes no positional arguments"
    );
    for i in 0..10 {
        protocol::call_method(&l, "append", &[int(i)]).unwrap();
    }
    let sz = protocol::call_method(&l, "__sizeof__", &[]).unwrap();
    assert_eq!(repr(&sz), "168");
    assert_eq!(
        repr(&protocol::call_method(&ints(&[]), "__sizeof__", &[]).unwrap()),
        "40"
    );
    let e = protocol::call_method(&l, "pop", &[int(10)]).unwrap_err();
    assert_eq!(err_text(e), "IndexError: pop index out of range");
    protocol::call_method(&l, "insert", &[int(-100), int(42)]).unwrap();
    assert_eq!(
        repr(&protocol::call_method(&l, "index", &[int(42)]).unwrap()),
        "0"
    );
    let e = protocol::call_method(&l, "index", &[int(42), int(1)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: 42 is not in list");
    protocol::call_method(&l, "reverse", &[]).unwrap();
    assert_eq!(repr(&l), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 42]");
    protocol::call_method(&l, "sort", &[]).unwrap();
    assert_eq!(repr(&l), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 42]");
    assert_eq!(
        repr(&protocol::call_method(&l, "count", &[int(3)]).unwrap()),
        "1"
    );
    // a big sort, against Rust's stable sort, with reverse
    let mut vals: Vec<i64> = (0..2000).map(|i| (i * 7919) % 1009).collect();
    let big = ints(&vals);
    let kw = taipan_vm::objects::tuple::PyTuple::new(vec![PyStr::new("reverse").unwrap()]).unwrap();
    let sort = protocol::getattr_str(&big, "sort").unwrap();
    if let Err(e) = protocol::call(
        &sort,
        &[taipan_vm::objects::bool_::py_bool(true)],
        Some(&kw),
    ) {
        panic!("{}", err_text(e));
    }
    vals.sort_by(|a, b| b.cmp(a));
    assert_eq!(repr(&big), repr(&ints(&vals)));
    // mixed types
    let mixed = PyList::new(vec![int(1), PyStr::new("a").unwrap()]).unwrap();
    let e = protocol::call_method(&mixed, "sort", &[]).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: '<' not supported between instances of 'str' and 'int'"
    );
    // iteration and reversed
    let it = protocol::get_iter(&ints(&[1, 2])).unwrap();
    assert_eq!(repr(&protocol::next(&it).unwrap().unwrap()), "1");
    let rit = protocol::call_method(&ints(&[1, 2]), "__reversed__", &[]).unwrap();
    assert_eq!(repr(&protocol::next(&rit).unwrap().unwrap()), "2");
    assert_eq!(repr(&protocol::next(&rit).unwrap().unwrap()), "1");
    assert!(protocol::next(&rit).unwrap().is_none());
    // constructor
    let lt = taipan_vm::objects::list::LIST_TYPE.as_pyref();
    let c = protocol::call(&lt, &[ints(&[5, 6])], None).unwrap();
    assert_eq!(repr(&c), "[5, 6]");
    // list[int], dict[str, list[int]] (types.GenericAlias)
    let ga = protocol::get_item(&lt, &taipan_vm::objects::int::INT_TYPE.as_pyref()).unwrap();
    assert_eq!(repr(&ga), "list[int]");
    assert_eq!(ga.ty().name(), "GenericAlias");
    let dt = taipan_vm::objects::dict::DICT_TYPE.as_pyref();
    let key = taipan_vm::objects::tuple::PyTuple::new(vec![
        taipan_vm::objects::str::STR_TYPE.as_pyref(),
        ga.clone(),
    ])
    .unwrap();
    assert_eq!(
        repr(&protocol::get_item(&dt, &key).unwrap()),
        "dict[str, list[int]]"
    );
    let again = protocol::get_item(&lt, &taipan_vm::objects::int::INT_TYPE.as_pyref()).unwrap();
    assert!(protocol::rich_compare_bool(&ga, &again, CompareOp::Eq).unwrap());
    assert_eq!(
        repr(&protocol::call(&ga, &[ints(&[1])], None).unwrap()),
        "[1]"
    );
    let e = protocol::call(&lt, &[int(1), int(2)], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: list expected at most 1 argument, got 2"
    );
}
