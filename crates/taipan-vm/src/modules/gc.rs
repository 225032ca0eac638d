//! The `gc` module (CPython's `Modules/gcmodule.c`, its Python interface):
//! the collector itself is in `crate::gc`.

use crate::gc;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// `_PyLong_AsInt` as Argument Clinic uses it.
fn c_int(o: &PyRef) -> PyResult<i64> {
    if o.is_instance_of::<crate::objects::float::PyFloat>() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.ty().name()
        )));
    }
    let v = crate::objects::int::as_i64(o)?;
    if v < i32::MIN as i64 || v > i32::MAX as i64 {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    Ok(v)
}

fn g_enable(_m: &PyRef) -> PyResult<PyRef> {
    gc::state().enabled.set(true);
    Ok(none())
}

fn g_disable(_m: &PyRef) -> PyResult<PyRef> {
    gc::state().enabled.set(false);
    Ok(none())
}

fn g_isenabled(_m: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(gc::state().enabled.get()))
}

fn g_collect(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("collect", args, kwnames, &["generation"], 0)?;
    let mut generation = gc::NUM_GENERATIONS - 1;
    if let Some(g) = &a[0] {
        let g = c_int(g)?;
        if !(0..gc::NUM_GENERATIONS as i64).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
        generation = g as usize;
    }
    PyInt::new(gc::collect_from_python(generation) as i64)
}

fn g_get_count(_m: &PyRef) -> PyResult<PyRef> {
    let s = gc::state();
    PyTuple::new(vec![
        PyInt::new(s.count[0].get() as i64)?,
        PyInt::new(s.count[1].get() as i64)?,
        PyInt::new(s.count[2].get() as i64)?,
    ])
}

fn g_get_threshold(_m: &PyRef) -> PyResult<PyRef> {
    let s = gc::state();
    PyTuple::new(vec![
        PyInt::new(s.threshold[0].get() as i64)?,
        PyInt::new(s.threshold[1].get() as i64)?,
        PyInt::new(s.threshold[2].get() as i64)?,
    ])
}

fn g_set_threshold(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error(
            "set_threshold() takes no keyword arguments",
        ));
    }
    if args.is_empty() {
        return Err(PyErr::type_error(
            "set_threshold() takes at least 1 argument (0 given)",
        ));
    }
    if args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "set_threshold() takes at most 3 arguments ({} given)",
            args.len()
        )));
    }
    let mut vals = Vec::new();
    for a in args {
        vals.push(c_int(a)?);
    }
    let s = gc::state();
    for (i, v) in vals.into_iter().enumerate() {
        s.threshold[i].set(v as isize);
    }
    Ok(none())
}

fn g_get_debug(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(gc::state().debug.get())
}

fn g_set_debug(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("set_debug", args, kwnames, &["flags"], 1)?;
    let f = a[0].as_ref().ok_or_else(|| PyErr::system_error("flags"))?;
    gc::state().debug.set(c_int(f)?);
    Ok(none())
}

fn g_get_objects(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("get_objects", args, kwnames, &["generation"], 0)?;
    let mut generation = None;
    if let Some(g) = &a[0] {
        if !g.is(&none()) {
            if !g.is_instance_of::<PyInt>() {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    g.ty().name()
                )));
            }
            let v = crate::objects::int::as_i64(g)?;
            if v >= gc::NUM_GENERATIONS as i64 {
                return Err(PyErr::value_error(format!(
                    "generation parameter must be less than the number of available generations ({})",
                    gc::NUM_GENERATIONS
                )));
            }
            if v < -1 {
                return Err(PyErr::value_error(
                    "generation parameter cannot be negative",
                ));
            }
            if v >= 0 {
                generation = Some(v as usize);
            }
        }
    }
    PyList::new(gc::objects(generation))
}

fn g_is_tracked(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: o is live.
    Ok(py_bool(unsafe { gc::is_tracked(o.as_ptr()) }))
}

fn g_is_finalized(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: o is live.
    Ok(py_bool(unsafe { gc::is_finalized(o.as_ptr()) }))
}

fn no_kw(name: &str, kwnames: Option<&PyRef>) -> PyResult<()> {
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

fn g_get_referents(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kw("get_referents", kwnames)?;
    let mut out = Vec::new();
    for o in args {
        // SAFETY: o is live.
        if !unsafe { gc::is_gc(o.as_ptr()) } {
            continue;
        }
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

fn g_get_referrers(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kw("get_referrers", kwnames)?;
    PyList::new(gc::referrers(args))
}

fn g_freeze(_m: &PyRef) -> PyResult<PyRef> {
    gc::freeze();
    Ok(none())
}

fn g_unfreeze(_m: &PyRef) -> PyResult<PyRef> {
    gc::unfreeze();
    Ok(none())
}

fn g_get_freeze_count(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(gc::freeze_count() as i64)
}

fn g_get_stats(_m: &PyRef) -> PyResult<PyRef> {
    let mut v = Vec::new();
    for st in gc::state().stats.iter() {
        let d = crate::objects::dict::PyDict::new()?;
        // SAFETY: just made a dict.
        let dd = unsafe { d.payload_unchecked::<crate::objects::dict::PyDict>() };
        dd.set_str("collections", PyInt::new(st.collections.get() as i64)?)?;
        dd.set_str("collected", PyInt::new(st.collected.get() as i64)?)?;
        dd.set_str("uncollectable", PyInt::new(st.uncollectable.get() as i64)?)?;
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
    MethodDef::new("set_threshold", Meth::FastKw(g_set_threshold)),
    MethodDef::new("get_debug", Meth::NoArgs(g_get_debug)),
    MethodDef::new("set_debug", Meth::FastKw(g_set_debug)),
    MethodDef::new("get_objects", Meth::FastKw(g_get_objects)),
    MethodDef::new("get_referrers", Meth::FastKw(g_get_referrers)),
    MethodDef::new("get_referents", Meth::FastKw(g_get_referents)),
    MethodDef::new("is_tracked", Meth::O(g_is_tracked)),
    MethodDef::new("is_finalized", Meth::O(g_is_finalized)),
    MethodDef::new("freeze", Meth::NoArgs(g_freeze)),
    MethodDef::new("unfreeze", Meth::NoArgs(g_unfreeze)),
    MethodDef::new("get_freeze_count", Meth::NoArgs(g_get_freeze_count)),
    MethodDef::new("get_stats", Meth::NoArgs(g_get_stats)),
];

/// Creates the `gc` module. `garbage` and `callbacks` are the lists the
/// collector uses (made once, shared by every import of the module).
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("gc")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    let s = gc::state();
    let garbage = match s.garbage.get_owned() {
        Some(g) => g,
        None => {
            let g = PyList::new(vec![])?;
            drop(s.garbage.set(Some(g.clone())));
            g
        }
    };
    let callbacks = match s.callbacks.get_owned() {
        Some(c) => c,
        None => {
            let c = PyList::new(vec![])?;
            drop(s.callbacks.set(Some(c.clone())));
            c
        }
    };
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("garbage", garbage)?;
        d.set_str("callbacks", callbacks)?;
        for (n, v) in [
            ("DEBUG_STATS", gc::DEBUG_STATS),
            ("DEBUG_COLLECTABLE", gc::DEBUG_COLLECTABLE),
            ("DEBUG_UNCOLLECTABLE", gc::DEBUG_UNCOLLECTABLE),
            ("DEBUG_SAVEALL", gc::DEBUG_SAVEALL),
            ("DEBUG_LEAK", 38),
        ] {
            d.set_str(n, PyInt::new(v)?)?;
        }
        Ok(())
    })?;
    Ok(m)
}
