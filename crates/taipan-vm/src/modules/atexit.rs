//! The `atexit` module (CPython's `Modules/atexitmodule.c`): functions
//! registered to run when the main program ends, last registered first.
//! `run::run_main_code` calls [`run_exitfuncs`] after the main module ends.

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// A registered function with its arguments (vectorcall form).
struct Callback {
    func: PyRef,
    args: Vec<PyRef>,
    kwnames: Option<PyRef>,
}

static CALLBACKS: GilCell<Vec<Callback>> = GilCell::new(Vec::new());

fn callbacks() -> &'static mut Vec<Callback> {
    // SAFETY: GIL held; callers do not keep the borrow across Python calls.
    unsafe { CALLBACKS.get_mut() }
}

fn register(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let Some(func) = args.first() else {
        return Err(PyErr::type_error(
            "register() takes at least 1 argument (0 given)",
        ));
    };
    if func.ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    callbacks().push(Callback {
        func: func.clone(),
        args: args[1..].to_vec(),
        kwnames: kwnames.cloned(),
    });
    Ok(func.clone())
}

fn unregister(_m: &PyRef, func: &PyRef) -> PyResult<PyRef> {
    let mut i = 0;
    loop {
        let Some(f) = callbacks().get(i).map(|c| c.func.clone()) else {
            break;
        };
        if protocol::rich_compare_bool(&f, func, CompareOp::Eq)? {
            if i < callbacks().len() {
                let old = callbacks().remove(i);
                drop(old);
            }
        } else {
            i += 1;
        }
    }
    Ok(none())
}

/// Runs and clears the registered callbacks, last first; an exception is
/// reported ("Exception ignored in atexit callback") and the rest still run.
pub fn run_exitfuncs() {
    while let Some(cb) = callbacks().pop() {
        if let Err(e) = protocol::call(&cb.func, &cb.args, cb.kwnames.as_ref()) {
            if e.matches(&crate::objects::exceptions::SYSTEM_EXIT) {
                continue;
            }
            let what = protocol::repr_string(&cb.func).unwrap_or_else(|_| "<object>".to_owned());
            crate::modules::sys::flush_std();
            let text = crate::run::format_exception(e.value());
            crate::modules::sys::write_stderr(&format!(
                "Exception ignored in atexit callback: {what}\n{text}"
            ));
        }
    }
}

fn m_run_exitfuncs(_m: &PyRef) -> PyResult<PyRef> {
    run_exitfuncs();
    Ok(none())
}

fn m_clear(_m: &PyRef) -> PyResult<PyRef> {
    let old = std::mem::take(callbacks());
    drop(old);
    Ok(none())
}

fn m_ncallbacks(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(callbacks().len() as i64)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("register", Meth::FastKw(register)),
    MethodDef::new("unregister", Meth::O(unregister)),
    MethodDef::new("_run_exitfuncs", Meth::NoArgs(m_run_exitfuncs)),
    MethodDef::new("_clear", Meth::NoArgs(m_clear)),
    MethodDef::new("_ncallbacks", Meth::NoArgs(m_ncallbacks)),
];

/// Creates the `atexit` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("atexit")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
