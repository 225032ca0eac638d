//! tuple behaviour checked against /usr/bin/python3.11.

use taipan_vm::object::protocol;
use taipan_vm::objects::slice::PySlice;
use taipan_vm::objects::tuple::{PyTuple, TUPLE_TYPE};

mod containers_common;
use containers_common::*;

fn tup(v: &[i64]) -> taipan_vm::object::PyRef {
    PyTuple::new(v.iter().map(|&i| int(i)).collect()).unwrap()
}

#[test]
fn tuples() {
    let _g = init();
    assert_eq!(repr(&tup(&[])), "()");
    assert_eq!(repr(&tup(&[1])), "(1,)");
    assert_eq!(repr(&tup(&[1, 2])), "(1, 2)");
    // hashes as CPython 3.11 (xxHash-based tuplehash)
    assert_eq!(protocol::hash(&tup(&[])).unwrap(), 5740354900026072187);
    assert_eq!(protocol::hash(&tup(&[1])).unwrap(), -6644214454873602895);
    assert_eq!(protocol::hash(&tup(&[1, 2])).unwrap(), -3550055125485641917);
    let nested = PyTuple::new(vec![tup(&[1, 2]), int(3)]).unwrap();
    assert_eq!(protocol::hash(&nested).unwrap(), -333907151259015829);
    let t = tup(&[1, 2, 3, 2]);
    assert_eq!(
        repr(&protocol::call_method(&t, "count", &[int(2)]).unwrap()),
        "2"
    );
    assert_eq!(
        repr(&protocol::call_method(&t, "index", &[int(2), int(2)]).unwrap()),
        "3"
    );
    let e = protocol::call_method(&t, "index", &[int(9)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: tuple.index(x): x not in tuple");
    let e = protocol::get_item(&t, &int(5)).unwrap_err();
    assert_eq!(err_text(e), "IndexError: tuple index out of range");
    let sl = PySlice::new(nil(), nil(), int(-2)).unwrap();
    assert_eq!(repr(&protocol::get_item(&t, &sl).unwrap()), "(2, 2)");
    let e = protocol::binary_op(
        &t,
        &taipan_vm::objects::list::PyList::new(vec![]).unwrap(),
        protocol::ADD,
    )
    .unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: can only concatenate tuple (not \"list\") to tuple"
    );
    assert_eq!(
        repr(&protocol::binary_op(&tup(&[1]), &int(3), protocol::MUL).unwrap()),
        "(1, 1, 1)"
    );
    assert!(protocol::rich_compare_bool(
        &tup(&[1, 2]),
        &tup(&[1, 2, 3]),
        taipan_vm::object::CompareOp::Lt
    )
    .unwrap());
    assert!(protocol::contains(&t, &int(3)).unwrap());
    let tt = TUPLE_TYPE.as_pyref();
    let made = protocol::call(
        &tt,
        &[taipan_vm::objects::list::PyList::new(vec![int(4)]).unwrap()],
        None,
    )
    .unwrap();
    assert_eq!(repr(&made), "(4,)");
    let e = protocol::call(&tt, &[int(1), int(2)], None).unwrap_err();
    assert_eq!(
        err_text(e),
        "TypeError: tuple expected at most 1 argument, got 2"
    );
    assert_eq!(
        protocol::collect(&protocol::get_iter(&t).unwrap())
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        repr(&protocol::call_method(&t, "__getnewargs__", &[]).unwrap()),
        "((1, 2, 3, 2),)"
    );
}
