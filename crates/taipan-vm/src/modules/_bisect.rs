//! The `_bisect` module (CPython's `Modules/_bisectmodule.c`):
//! `bisect_left`/`bisect_right` (and `bisect`) and `insort_left`/
//! `insort_right` (and `insort`), with `lo`, `hi` and `key`.

use crate::modules::builtins::parse;
use crate::object::protocol;
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

const NAMES: &[&str] = &["a", "x", "lo", "hi", "key"];

/// The insertion point of `x` in `a[lo:hi]`.
fn search(
    fname: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    right: bool,
) -> PyResult<(PyRef, PyRef, usize, Option<PyRef>)> {
    let p = parse(fname, args, kwnames, NAMES, 2)?;
    let a = p[0].clone().unwrap_or_else(none);
    let x = p[1].clone().unwrap_or_else(none);
    let mut lo = match &p[2] {
        Some(v) => crate::objects::slice::ssize_arg(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let mut hi = match &p[3] {
        Some(v) if !v.is_none() => crate::objects::slice::ssize_arg(v)?,
        _ => protocol::len(&a)? as isize,
    };
    let key = p[4].clone().filter(|k| !k.is_none());
    while lo < hi {
        let mid = ((lo as usize + hi as usize) / 2) as isize;
        let item = protocol::get_item(&a, &PyInt::new(mid as i64)?)?;
        let item = match &key {
            Some(k) => protocol::call1(k, std::slice::from_ref(&item))?,
            None => item,
        };
        let go_left = if right {
            protocol::rich_compare_bool(&x, &item, CompareOp::Lt)?
        } else {
            !protocol::rich_compare_bool(&item, &x, CompareOp::Lt)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok((a, x, lo as usize, key))
}

fn bisect_right(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (_, _, i, _) = search("bisect_right", args, kwnames, true)?;
    PyInt::new(i as i64)
}

fn bisect_left(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (_, _, i, _) = search("bisect_left", args, kwnames, false)?;
    PyInt::new(i as i64)
}

fn insort(fname: &str, args: &[PyRef], kwnames: Option<&PyRef>, right: bool) -> PyResult<PyRef> {
    // With a key, the search compares key(x) against key(item).
    let p = parse(fname, args, kwnames, NAMES, 2)?;
    let x = p[1].clone().unwrap_or_else(none);
    let key = p[4].clone().filter(|k| !k.is_none());
    let mut sargs: Vec<PyRef> = args.to_vec();
    let nkw = crate::objects::slice::nkw(kwnames);
    let npos = args.len() - nkw.min(args.len());
    if let Some(k) = &key {
        let kx = protocol::call1(k, std::slice::from_ref(&x))?;
        if npos >= 2 {
            sargs[1] = kx;
        } else if let Some(names) =
            kwnames.and_then(|n| n.downcast::<crate::objects::tuple::PyTuple>())
        {
            for (i, n) in names.items().iter().enumerate() {
                if crate::objects::descr::name_str(n) == "x" {
                    sargs[npos + i] = kx.clone();
                }
            }
        }
    }
    let (a, _, i, _) = search(fname, &sargs, kwnames, right)?;
    if let Some(l) = a.downcast_exact::<PyList>() {
        l.insert(i, x);
    } else {
        protocol::call_method(&a, "insert", &[PyInt::new(i as i64)?, x])?;
    }
    Ok(none())
}

fn insort_right(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    insort("insort_right", args, kwnames, true)
}

fn insort_left(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    insort("insort_left", args, kwnames, false)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("bisect_right", Meth::FastKw(bisect_right)),
    MethodDef::new("bisect_left", Meth::FastKw(bisect_left)),
    MethodDef::new("insort_right", Meth::FastKw(insort_right)),
    MethodDef::new("insort_left", Meth::FastKw(insort_left)),
];

/// Creates the `_bisect` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_bisect")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
