//! Container operations give back every block they allocate, and sort
//! detects a list modified by its key function (as /usr/bin/python3.11).

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::set::new_set;
use taipan_vm::objects::slice::PySlice;
use taipan_vm::objects::tuple::PyTuple;

mod containers_common;
use containers_common::*;

fn workload() {
    let l = PyList::new((0..300).map(|i| int(i * 7 % 101)).collect()).unwrap();
    protocol::call_method(&l, "sort", &[]).unwrap();
    protocol::call_method(&l, "reverse", &[]).unwrap();
    let sl = PySlice::new(int(5), int(200), int(3)).unwrap();
    let part = protocol::get_item(&l, &sl).unwrap();
    protocol::set_item(&l, &sl, None).unwrap();
    let t = PyTuple::new(protocol::collect(&part).unwrap()).unwrap();
    protocol::hash(&t).unwrap();
    let _ = repr(&t);
    let d = PyDict::new().unwrap();
    let dp = d.downcast::<PyDict>().unwrap();
    for i in 0..200 {
        dp.set_item(int(i), PyList::new(vec![int(i)]).unwrap())
            .unwrap();
    }
    for i in 0..100 {
        dp.del_item(&int(i * 2)).unwrap();
    }
    let _ = repr(&protocol::call_method(&d, "items", &[]).unwrap());
    protocol::call_method(&d, "popitem", &[]).unwrap();
    let copy = dp.copy().unwrap();
    assert!(protocol::rich_compare_bool(&copy, &d, CompareOp::Eq).unwrap());
    let s = new_set(Some(&l)).unwrap();
    let s2 = new_set(Some(&part)).unwrap();
    let _ = protocol::binary_op(&s, &s2, protocol::XOR).unwrap();
    let keys = protocol::call_method(&d, "keys", &[]).unwrap();
    let _ = protocol::binary_op(&keys, &s, protocol::AND).unwrap();
    // a reference cycle broken by hand
    let cyc = PyList::new(vec![]).unwrap();
    cyc.downcast::<PyList>().unwrap().push(cyc.clone());
    let _ = repr(&cyc);
    protocol::call_method(&cyc, "clear", &[]).unwrap();
}

#[test]
fn no_leaks_and_sort_modification() {
    let _g = init();
    workload();
    let before = allocated_blocks();
    workload();
    assert_eq!(allocated_blocks(), before);

    let l = PyList::new(vec![int(5)]).unwrap();
    let append = protocol::getattr_str(&l, "append").unwrap();
    let sort = protocol::getattr_str(&l, "sort").unwrap();
    let e = call_kw(&sort, &[], &[("key", append)]).unwrap_err();
    assert_eq!(err_text(e), "ValueError: list modified during sort");
    assert_eq!(repr(&l), "[5]");
}
