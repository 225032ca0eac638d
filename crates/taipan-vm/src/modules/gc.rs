//! The `gc` module's interface (CPython's `Modules/gcmodule.c`), for code
//! that imports it (`weakref.finalize`, `threading`, tests).
//!
//! Taipan deviation: the cycle collector does not exist yet, so `collect`
//! finds nothing (returns 0), `get_objects` returns an empty list and the
//! counts stay at zero; the settings (`enable`/`disable`, thresholds, debug
//! flags, `callbacks`, `garbage`, freeze count) are kept and reported back.

use std::cell::Cell;

use crate::gil::GilCell;
use crate::modules::builtins::check_nargs;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

struct GcState {
    enabled: Cell<bool>,
    thresholds: Cell<(i64, i64, i64)>,
    debug: Cell<i64>,
}

static STATE: GilCell<GcState> = GilCell::new(GcState {
    enabled: Cell::new(true),
    thresholds: Cell::new((700, 10, 10)),
    debug: Cell::new(0),
});

fn st() -> &'static GcState {
    // SAFETY: GIL held; only Cells are touched.
    unsafe { &*STATE.as_ptr() }
}

fn g_enable(_m: &PyRef) -> PyResult<PyRef> {
    st().enabled.set(true);
    Ok(none())
}

fn g_disable(_m: &PyRef) -> PyResult<PyRef> {
    st().enabled.set(false);
    Ok(none())
}

fn g_isenabled(_m: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(st().enabled.get()))
}

fn g_collect(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("collect", args, kwnames, &["generation"], 0)?;
    if let Some(g) = &a[0] {
        let g = crate::objects::int::as_i64(g)?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
    }
    PyInt::new(0)
}

fn g_get_count(_m: &PyRef) -> PyResult<PyRef> {
    PyTuple::new(vec![PyInt::new(0)?, PyInt::new(0)?, PyInt::new(0)?])
}

fn g_get_threshold(_m: &PyRef) -> PyResult<PyRef> {
    let (a, b, c) = st().thresholds.get();
    PyTuple::new(vec![PyInt::new(a)?, PyInt::new(b)?, PyInt::new(c)?])
}

fn g_set_threshold(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("set_threshold", args.len(), 1, 3)?;
    let (_, mut b, mut c) = st().thresholds.get();
    let a = crate::objects::int::as_i64(&args[0])?;
    if let Some(x) = args.get(1) {
        b = crate::objects::int::as_i64(x)?;
    }
    if let Some(x) = args.get(2) {
        c = crate::objects::int::as_i64(x)?;
    }
    st().thresholds.set((a, b, c));
    Ok(none())
}

fn g_get_debug(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(st().debug.get())
}

fn g_set_debug(_m: &PyRef, flags: &PyRef) -> PyResult<PyRef> {
    st().debug.set(crate::objects::int::as_i64(flags)?);
    Ok(none())
}

fn g_empty_list(_m: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    PyList::new(vec![])
}

fn g_get_objects(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::modules::builtins::parse("get_objects", args, kwnames, &["generation"], 0)?;
    PyList::new(vec![])
}

fn g_is_tracked(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(o.ty().has_gc()))
}

fn g_is_finalized(_m: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(false))
}

fn g_get_referents(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let mut out = Vec::new();
    for o in args {
        if let Some(t) = o.ty().tp_traverse.get() {
            let mut v: Vec<*mut PyObject> = Vec::new();
            // SAFETY: o is live; traverse only reports the references it holds.
            unsafe { t(o.as_ptr(), &mut |p| v.push(p)) };
            for p in v {
                // SAFETY: the reported objects are alive (o holds them).
                out.push(unsafe { PyRef::from_borrowed(p) });
            }
        }
    }
    PyList::new(out)
}

fn g_noop(_m: &PyRef) -> PyResult<PyRef> {
    Ok(none())
}

fn g_get_freeze_count(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(0)
}

fn g_get_stats(_m: &PyRef) -> PyResult<PyRef> {
    let mut v = Vec::new();
    for _ in 0..3 {
        let d = crate::objects::dict::PyDict::new()?;
        // SAFETY: just made a dict.
        let dd = unsafe { d.payload_unchecked::<crate::objects::dict::PyDict>() };
        dd.set_str("collections", PyInt::new(0)?)?;
        dd.set_str("collected", PyInt::new(0)?)?;
        dd.set_str("uncollectable", PyInt::new(0)?)?;
        v.push(d);
    }
    PyList::new(v)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("enable", Meth::NoArgs(g_enable)),
    MethodDef::new("disable", Meth::NoArgs(g_disable)),
    MethodDef::new("isenabled", Meth::NoArgs(g_isenabled)),
    MethodDef::new("collect", Meth::FastKw(g_collect)),
    MethodDef::new("get_count", Meth::NoArgs(g_get_count)),
    MethodDef::new("get_threshold", Meth::NoArgs(g_get_threshold)),
    MethodDef::new("set_threshold", Meth::Fast(g_set_threshold)),
    MethodDef::new("get_debug", Meth::NoArgs(g_get_debug)),
    MethodDef::new("set_debug", Meth::O(g_set_debug)),
    MethodDef::new("get_objects", Meth::FastKw(g_get_objects)),
    MethodDef::new("get_referrers", Meth::Fast(g_empty_list)),
    MethodDef::new("get_referents", Meth::Fast(g_get_referents)),
    MethodDef::new("is_tracked", Meth::O(g_is_tracked)),
    MethodDef::new("is_finalized", Meth::O(g_is_finalized)),
    MethodDef::new("freeze", Meth::NoArgs(g_noop)),
    MethodDef::new("unfreeze", Meth::NoArgs(g_noop)),
    MethodDef::new("get_freeze_count", Meth::NoArgs(g_get_freeze_count)),
    MethodDef::new("get_stats", Meth::NoArgs(g_get_stats)),
];

/// Creates the `gc` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("gc")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("garbage", PyList::new(vec![])?)?;
        d.set_str("callbacks", PyList::new(vec![])?)?;
        for (n, v) in [
            ("DEBUG_STATS", 1),
            ("DEBUG_COLLECTABLE", 2),
            ("DEBUG_UNCOLLECTABLE", 4),
            ("DEBUG_SAVEALL", 32),
            ("DEBUG_LEAK", 38),
        ] {
            d.set_str(n, PyInt::new(v)?)?;
        }
        Ok(())
    })?;
    Ok(m)
}
