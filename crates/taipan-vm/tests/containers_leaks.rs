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

/// timsort against Rust's stable sort: many sizes, runs, duplicates, keys
/// (a dict's bound `get`) and reverse.
#[test]
fn timsort_matches_stable_sort() {
    let _g = init();
    let mut seed: u64 = 12345;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for &n in &[0usize, 1, 2, 5, 31, 64, 65, 100, 257, 1000, 5000] {
        for pattern in 0..4 {
            let vals: Vec<i64> = (0..n as i64)
                .map(|i| match pattern {
                    0 => (rnd() % 1000) as i64,
                    1 => i,
                    2 => n as i64 - i,
                    _ => {
                        if (i / 50) % 2 == 0 {
                            i
                        } else {
                            (rnd() % 10) as i64
                        }
                    }
                })
                .collect();
            // plain sort
            let l = PyList::new(vals.iter().map(|&v| int(v)).collect()).unwrap();
            protocol::call_method(&l, "sort", &[]).unwrap();
            let mut expect = vals.clone();
            expect.sort();
            let got: Vec<String> = l
                .downcast::<PyList>()
                .unwrap()
                .snapshot()
                .iter()
                .map(repr)
                .collect();
            assert_eq!(
                got,
                expect.iter().map(|v| v.to_string()).collect::<Vec<_>>()
            );
            // keyed, stable, both directions: items are indices, key = d.get
            let d = PyDict::new().unwrap();
            for (i, v) in vals.iter().enumerate() {
                d.downcast::<PyDict>()
                    .unwrap()
                    .set_item(int(i as i64), int(v % 7))
                    .unwrap();
            }
            let get = protocol::getattr_str(&d, "get").unwrap();
            for rev in [false, true] {
                let l = PyList::new((0..n as i64).map(int).collect()).unwrap();
                let sort = protocol::getattr_str(&l, "sort").unwrap();
                call_kw(
                    &sort,
                    &[],
                    &[("key", get.clone()), ("reverse", int(rev as i64))],
                )
                .unwrap();
                let mut idx: Vec<usize> = (0..n).collect();
                if rev {
                    idx.sort_by(|&a, &b| (vals[b] % 7).cmp(&(vals[a] % 7)));
                } else {
                    idx.sort_by_key(|&i| vals[i] % 7);
                }
                let got: Vec<String> = l
                    .downcast::<PyList>()
                    .unwrap()
                    .snapshot()
                    .iter()
                    .map(repr)
                    .collect();
                assert_eq!(
                    got,
                    idx.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
                    "n={n} p={pattern} rev={rev}"
                );
            }
        }
    }
}

static RNG: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(88172645463325252);

fn random_cmp(_a: &PyRef, _b: &PyRef, _op: CompareOp) -> PyResult<PyRef> {
    let mut x = RNG.load(std::sync::atomic::Ordering::Relaxed);
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    RNG.store(x, std::sync::atomic::Ordering::Relaxed);
    Ok(taipan_vm::objects::bool_::py_bool(x & 1 == 1))
}

/// An inconsistent `<` (random answers) never panics and leaves a
/// permutation, as CPython's sort guarantees.
#[test]
fn sort_with_inconsistent_comparisons() {
    let _g = init();
    let ty = &taipan_vm::objects::int::INT_TYPE;
    let saved = ty.tp_richcompare.get();
    ty.tp_richcompare.set(Some(random_cmp));
    for &n in &[10usize, 100, 1000, 3000] {
        for _ in 0..5 {
            let l = PyList::new((0..n as i64).map(|i| int(i + 1000)).collect()).unwrap();
            protocol::call_method(&l, "sort", &[]).unwrap();
            let mut got: Vec<i64> = l
                .downcast::<PyList>()
                .unwrap()
                .snapshot()
                .iter()
                .map(|o| {
                    o.downcast::<taipan_vm::objects::int::PyInt>()
                        .unwrap()
                        .as_i64()
                        .unwrap()
                })
                .collect();
            got.sort();
            assert_eq!(got, (0..n as i64).map(|i| i + 1000).collect::<Vec<_>>());
        }
    }
    ty.tp_richcompare.set(saved);
}

static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn counting_cmp(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let v = |o: &PyRef| {
        o.downcast::<taipan_vm::objects::int::PyInt>()
            .unwrap()
            .as_i64()
            .unwrap()
    };
    Ok(taipan_vm::objects::bool_::py_bool(op.test(&v(a), &v(b))))
}

/// The same number of `<` calls as CPython 3.11's timsort (galloping and
/// powersort's merge order included), measured with a counting `__lt__`.
#[test]
fn sort_comparison_counts_match_cpython() {
    let _g = init();
    let ty = &taipan_vm::objects::int::INT_TYPE;
    let saved = ty.tp_richcompare.get();
    ty.tp_richcompare.set(Some(counting_cmp));
    let d1: Vec<i64> = (0..2000).map(|i| (i * 7919) % 1009 + 1000).collect();
    let mut d2: Vec<i64> = (0..500).collect();
    d2.extend((1..=300).rev());
    d2.extend((0..700).map(|i| (i * 31) % 97));
    let d2: Vec<i64> = d2.into_iter().map(|x| x + 1000).collect();
    let mut counts = Vec::new();
    for data in [&d1, &d2] {
        for rev in [false, true] {
            let l = PyList::new(data.iter().map(|&v| int(v)).collect()).unwrap();
            let sort = protocol::getattr_str(&l, "sort").unwrap();
            COUNT.store(0, std::sync::atomic::Ordering::Relaxed);
            call_kw(&sort, &[], &[("reverse", int(rev as i64))]).unwrap();
            counts.push(COUNT.load(std::sync::atomic::Ordering::Relaxed));
        }
    }
    ty.tp_richcompare.set(saved);
    assert_eq!(counts, vec![19220, 19227, 8059, 8062]);
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
