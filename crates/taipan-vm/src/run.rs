//! running programs and printing uncaught exceptions (CPython's Python/pythonrun.c).
//!
//! (Being written.)

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

use crate::object::*;

/// Compiles module source to a code object; a syntax error is raised as
/// `SyntaxError`.
pub fn compile_source(_source: &[u8], _filename: &str) -> PyResult<PyRef> {
    Err(PyErr::not_implemented_error("compile_source"))
}

/// Runs a code object with the given globals (and locals, for class bodies
/// and `exec`), returning what it returns.
pub fn exec_code(_code: &PyRef, _globals: &PyRef, _locals: Option<&PyRef>) -> PyResult<PyRef> {
    Err(PyErr::not_implemented_error("exec_code"))
}

/// The builtins the evaluation machinery provides (`__build_class__`,
/// `exec`, `eval`, `compile`, `globals`, `locals`, `vars`); the builtins
/// module adds them.
pub static EXEC_BUILTINS: &[MethodDef] = &[];
