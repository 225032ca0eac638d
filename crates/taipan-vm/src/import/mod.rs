//! The import system (CPython's `Python/import.c` and the parts of
//! `importlib._bootstrap` it needs): `sys.modules`, built-in modules, `.py`
//! modules and packages found on `sys.path`, relative imports.
//!
//! (Being written.)

use crate::object::*;

/// `__import__(name, globals, locals, fromlist, level)` as `IMPORT_NAME`
/// calls it: returns the top-level package, or the module itself when
/// `fromlist` is non-empty.
pub fn import_name(
    name: &PyRef,
    _globals: Option<&PyRef>,
    _fromlist: &PyRef,
    _level: i64,
) -> PyResult<PyRef> {
    Err(PyErr::module_not_found_error(format!(
        "No module named '{}'",
        crate::objects::descr::name_str(name)
    )))
}
