//! Smoke tests of the object core: start-up, strings, dicts, lists, errors.

use taipan_vm::object::protocol;
use taipan_vm::object::*;
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::int::PyInt;
use taipan_vm::objects::list::PyList;
use taipan_vm::objects::str::PyStr;

#[test]
fn core_objects() {
    taipan_vm::interp::initialize().unwrap();
    // Free-listed ints and floats stay allocated blocks (as CPython's free lists do).
    let clear_free_lists = || {
        taipan_vm::objects::int::clear_freelist();
        taipan_vm::objects::float::clear_freelist();
    };
    clear_free_lists();
    let before = allocated_blocks();
    {
        let s = PyStr::new("héllo €").unwrap();
        let p = s.downcast::<PyStr>().unwrap();
        assert_eq!(p.len(), 7);
        assert_eq!(p.kind(), 2);
        assert_eq!(p.as_str(), "héllo €");
        let d = PyDict::new().unwrap();
        let dd = d.downcast::<PyDict>().unwrap();
        for i in 0..1000 {
            dd.set_item(
                PyStr::new(&format!("k{i}")).unwrap(),
                PyInt::new(i).unwrap(),
            )
            .unwrap();
        }
        assert_eq!(dd.len(), 1000);
        let v = dd.get_item(&PyStr::new("k500").unwrap()).unwrap().unwrap();
        assert_eq!(v.downcast::<PyInt>().unwrap().as_i64(), Some(500));
        for i in 0..500 {
            dd.del_item(&PyStr::new(&format!("k{i}")).unwrap()).unwrap();
        }
        assert_eq!(dd.len(), 500);
        assert_eq!(dd.keys()[0].downcast::<PyStr>().unwrap().as_str(), "k500");
        let l = PyList::new(vec![s.clone(), d.clone()]).unwrap();
        assert_eq!(l.downcast::<PyList>().unwrap().len(), 2);
        let e = protocol::hash(&l).unwrap_err();
        assert!(e.matches(&taipan_vm::objects::exceptions::TYPE_ERROR));
        // deep nesting frees without overflowing the stack
        let mut x = PyList::new(vec![]).unwrap();
        for _ in 0..200_000 {
            x = PyList::new(vec![x]).unwrap();
        }
        drop(x);
    }
    clear_free_lists();
    assert_eq!(allocated_blocks(), before);
}
