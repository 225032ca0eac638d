//! The `_imp` module (CPython's `Python/import.c`, the `_imp` functions):
//! the native half of `importlib`, so that `importlib`, `importlib.util`,
//! `importlib.machinery`, `pkgutil`, `runpy` and `inspect` import and work
//! on top of Taipan's own import system.
//!
//! Built-in modules are Taipan's native modules; there are no frozen
//! modules and no extension modules (`extension_suffixes()` is empty, so
//! `importlib` never looks for `.so` files), and `_fix_co_filename` leaves
//! the code alone (Taipan writes no bytecode caches: `cache_tag` is None).

use std::cell::Cell;

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::PyBytes;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// The import lock's recursion count (one thread: held or not).
static LOCK_COUNT: GilCell<Cell<u64>> = GilCell::new(Cell::new(0));

fn lock() -> &'static Cell<u64> {
    // SAFETY: GIL held; a Cell.
    unsafe { &*LOCK_COUNT.as_ptr() }
}

fn name_arg(fname: &str, o: &PyRef) -> PyResult<String> {
    match o.downcast::<PyStr>() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument must be str, not {}",
            o.ty().name()
        ))),
    }
}

fn lock_held(_m: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(lock().get() > 0))
}

fn acquire_lock(_m: &PyRef) -> PyResult<PyRef> {
    lock().set(lock().get() + 1);
    Ok(none())
}

fn release_lock(_m: &PyRef) -> PyResult<PyRef> {
    if lock().get() == 0 {
        return Err(PyErr::new(
            &crate::objects::exceptions::RUNTIME_ERROR,
            "not holding the import lock",
        ));
    }
    lock().set(lock().get() - 1);
    Ok(none())
}

fn is_builtin(_m: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    let n = name_arg("is_builtin", name)?;
    // CPython answers -1 for the modules that cannot be initialized twice.
    let v = if !crate::import::is_native(&n) {
        0
    } else if n == "sys" || n == "builtins" {
        -1
    } else {
        1
    };
    crate::objects::int::PyInt::new(v)
}

fn create_builtin(_m: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let name = protocol::getattr(spec, &PyStr::new("name")?)?;
    let n = match name.downcast::<PyStr>() {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(PyErr::type_error(format!(
                "name must be string, not {}",
                name.ty().name()
            )))
        }
    };
    if n == "sys" || n == "builtins" {
        return crate::import::import_module(&n);
    }
    match crate::import::create_native(&n)? {
        Some(m) => Ok(m),
        None => Ok(none()),
    }
}

fn exec_builtin(_m: &PyRef, _module: &PyRef) -> PyResult<PyRef> {
    crate::objects::int::PyInt::new(0)
}

fn create_dynamic(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let name = match args.first() {
        Some(spec) => protocol::getattr(spec, &PyStr::new("name")?)
            .ok()
            .and_then(|n| n.downcast::<PyStr>().map(|s| s.as_str().to_string()))
            .unwrap_or_default(),
        None => String::new(),
    };
    let e = PyErr::import_error(format!(
        "extension modules are not supported by Taipan: {name}"
    ));
    Err(e)
}

fn exec_dynamic(_m: &PyRef, _module: &PyRef) -> PyResult<PyRef> {
    crate::objects::int::PyInt::new(0)
}

fn is_frozen(_m: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    name_arg("is_frozen", name)?;
    Ok(py_bool(false))
}

fn no_frozen(name: &PyRef) -> PyErr {
    let n = crate::objects::descr::name_str(name).to_string();
    PyErr::import_error(format!("No such frozen object named '{n}'"))
}

fn is_frozen_package(_m: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    Err(no_frozen(name))
}

fn get_frozen_object(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    match args.first() {
        Some(n) => Err(no_frozen(n)),
        None => Err(PyErr::type_error(
            "get_frozen_object() missing required argument 'name' (pos 1)",
        )),
    }
}

fn find_frozen(_m: &PyRef, args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    if let Some(n) = args.first() {
        name_arg("find_frozen", n)?;
    }
    Ok(none())
}

fn init_frozen(_m: &PyRef, _name: &PyRef) -> PyResult<PyRef> {
    Ok(none())
}

/// `_imp._override_frozen_modules_for_tests(override)` (what
/// `test.support.import_helper.frozen_modules` calls): CPython switches
/// between its frozen and source copies of some stdlib modules. Taipan
/// always imports the source, so the setting is checked and has no effect.
fn override_frozen_modules_for_tests(_m: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    crate::objects::int::as_c_int(v)?;
    Ok(none())
}

fn frozen_module_names(_m: &PyRef) -> PyResult<PyRef> {
    crate::objects::tuple::PyTuple::new(Vec::new())
}

fn fix_co_filename(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "_fix_co_filename expected 2 arguments, got {}",
            args.len()
        )));
    }
    if !args[0].is_instance_of::<crate::objects::code::PyCode>() {
        return Err(PyErr::type_error(format!(
            "_fix_co_filename() argument 1 must be code, not {}",
            args[0].ty().name()
        )));
    }
    name_arg("_fix_co_filename", &args[1])?;
    Ok(none())
}

fn extension_suffixes(_m: &PyRef) -> PyResult<PyRef> {
    PyList::new(Vec::new())
}

/// `source_hash(key, source)`: SipHash-1-3 of the source keyed with `key`
/// (`_Py_KeyedHash`), as 8 little-endian bytes.
fn source_hash(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames.map(|k| protocol::len(k).unwrap_or(0)).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut key = None;
    let mut source = None;
    for (i, a) in args[..npos].iter().enumerate() {
        match i {
            0 => key = Some(a.clone()),
            1 => source = Some(a.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "source_hash() takes at most 2 arguments ({npos} given)"
                )))
            }
        }
    }
    if let Some(k) = kwnames {
        for (j, n) in protocol::collect(k)?.iter().enumerate() {
            match crate::objects::descr::name_str(n) {
                "key" => key = Some(args[npos + j].clone()),
                "source" => source = Some(args[npos + j].clone()),
                other => {
                    return Err(PyErr::type_error(format!(
                        "source_hash() got an unexpected keyword argument '{other}'"
                    )))
                }
            }
        }
    }
    let (Some(key), Some(source)) = (key, source) else {
        return Err(PyErr::type_error(
            "source_hash() missing required argument 'key' (pos 1)",
        ));
    };
    let k = crate::objects::int::as_i64(&key)?;
    let data = crate::objects::bytes::buffer_bytes(&source).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            source.ty().name()
        ))
    })?;
    let h = crate::objects::pyhash::siphash13(k as u64, 0, &data);
    PyBytes::new(&h.to_le_bytes())
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("lock_held", Meth::NoArgs(lock_held)),
    MethodDef::new("acquire_lock", Meth::NoArgs(acquire_lock)),
    MethodDef::new("release_lock", Meth::NoArgs(release_lock)),
    MethodDef::new("is_builtin", Meth::O(is_builtin)),
    MethodDef::new("create_builtin", Meth::O(create_builtin)),
    MethodDef::new("exec_builtin", Meth::O(exec_builtin)),
    MethodDef::new("create_dynamic", Meth::Fast(create_dynamic)),
    MethodDef::new("exec_dynamic", Meth::O(exec_dynamic)),
    MethodDef::new("is_frozen", Meth::O(is_frozen)),
    MethodDef::new("is_frozen_package", Meth::O(is_frozen_package)),
    MethodDef::new("get_frozen_object", Meth::Fast(get_frozen_object)),
    MethodDef::new("find_frozen", Meth::FastKw(find_frozen)),
    MethodDef::new("init_frozen", Meth::O(init_frozen)),
    MethodDef::new("_frozen_module_names", Meth::NoArgs(frozen_module_names)),
    MethodDef::new(
        "_override_frozen_modules_for_tests",
        Meth::O(override_frozen_modules_for_tests),
    ),
    MethodDef::new("_fix_co_filename", Meth::Fast(fix_co_filename)),
    MethodDef::new("extension_suffixes", Meth::NoArgs(extension_suffixes)),
    MethodDef::new("source_hash", Meth::FastKw(source_hash)),
];

/// Creates the `_imp` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_imp")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| d.set_str("check_hash_based_pycs", PyStr::new("default")?))?;
    Ok(m)
}
