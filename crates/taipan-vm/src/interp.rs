//! The interpreter's state and start-up (CPython's `Python/pylifecycle.c`,
//! `Python/pystate.c`).
//!
//! Start-up readies every static type, fills the small-int cache and creates
//! the `builtins` and `sys` modules.

use crate::gil::GilCell;
use crate::object::*;
use crate::objects::*;

/// Every static type the runtime declares, readied at start-up (base types
/// first is not required: readying readies bases).
pub fn static_types() -> Vec<&'static PyType> {
    let mut v: Vec<&'static PyType> = vec![
        &object::OBJECT_TYPE,
        &type_::TYPE_TYPE,
        &str::STR_TYPE,
        &int::INT_TYPE,
        &bool_::BOOL_TYPE,
        &float::FLOAT_TYPE,
        &tuple::TUPLE_TYPE,
        &list::LIST_TYPE,
        &dict::DICT_TYPE,
        &none::NONE_TYPE,
        &none::NOT_IMPLEMENTED_TYPE,
        &none::ELLIPSIS_TYPE,
        &module::MODULE_TYPE,
        &descr::METHOD_DESCR_TYPE,
        &descr::CLASSMETHOD_DESCR_TYPE,
        &descr::CFUNCTION_TYPE,
        &descr::GETSET_DESCR_TYPE,
        &iter::SEQ_ITER_TYPE,
        &exceptions::BASE_EXCEPTION,
    ];
    v.extend_from_slice(exceptions::ALL_EXCEPTION_TYPES);
    for list in crate::objects::all_type_lists() {
        v.extend_from_slice(list);
    }
    for list in [
        crate::modules::builtins::TYPES,
        crate::modules::sys::TYPES,
        crate::modules::time::TYPES,
        crate::modules::_signal::TYPES,
        crate::modules::math::TYPES,
        crate::modules::posix::TYPES,
        crate::modules::_random::TYPES,
        crate::modules::_sha512::TYPES,
        crate::modules::_weakref::TYPES,
        crate::modules::_thread::TYPES,
        crate::modules::itertools::TYPES,
        crate::modules::_collections::TYPES,
        crate::modules::array::TYPES,
        crate::modules::_functools::TYPES,
        crate::modules::_operator::TYPES,
        crate::modules::_abc::TYPES,
        crate::modules::_contextvars::TYPES,
        crate::modules::_md5::TYPES,
        crate::modules::_sha1::TYPES,
        crate::modules::_sha256::TYPES,
        crate::modules::_sha3::TYPES,
        crate::modules::_blake2::TYPES,
        crate::modules::zlib::TYPES,
        crate::modules::unicodedata::TYPES,
        crate::modules::_sre::TYPES,
    ] {
        v.extend_from_slice(list);
    }
    v.extend(crate::modules::_io::all_types());
    v
}

/// The interpreter (`PyInterpreterState`): modules and the builtins.
pub struct Interpreter {
    /// `sys.modules`.
    pub modules: PyRef,
    /// The `builtins` module.
    pub builtins: Option<PyRef>,
    /// The `sys` module.
    pub sys: Option<PyRef>,
}

static INTERP: GilCell<Option<Interpreter>> = GilCell::new(None);

/// The current interpreter.
pub fn interp() -> &'static mut Interpreter {
    // SAFETY: GIL held; set once by `initialize`.
    unsafe { (*INTERP.as_ptr()).as_mut() }.expect("interpreter not initialized")
}

/// Has [`initialize`] run?
pub fn is_initialized() -> bool {
    // SAFETY: GIL held; plain read.
    unsafe { (*INTERP.as_ptr()).is_some() }
}

/// Readies the types and creates the interpreter. Idempotent.
pub fn initialize() -> PyResult<()> {
    crate::gil::ensure_held();
    // SAFETY: GIL held.
    if unsafe { (*INTERP.as_ptr()).is_some() } {
        return Ok(());
    }
    crate::objects::pyhash::init();
    crate::objects::typeslots::init();
    crate::objects::memoryview::init();
    crate::modules::array::init_types();
    for t in static_types() {
        type_::type_ready(t)?;
    }
    int::init_small_ints()?;
    exceptions::init()?;
    let modules = dict::PyDict::new()?;
    // SAFETY: GIL held, start-up.
    unsafe {
        *INTERP.get_mut() = Some(Interpreter {
            modules,
            builtins: None,
            sys: None,
        })
    };
    crate::modules::builtins::init()?;
    crate::modules::sys::init()?;
    // `builtins.open` is `io.open`, the same object (CPython's
    // `init_set_builtins_open`).
    let io = crate::import::import_module("_io")?;
    let open = crate::object::protocol::getattr(&io, &crate::objects::str::PyStr::new("open")?)?;
    let b = crate::import::import_module("builtins")?;
    crate::object::protocol::setattr(&b, &crate::objects::str::PyStr::new("open")?, Some(&open))?;
    // With -W options, `warnings` is imported at start-up so they apply
    // (CPython's `init_interp_main`); a failure is reported, not fatal.
    let has_warnoptions = crate::modules::sys::WARNOPTIONS
        .lock()
        .map(|w| !w.is_empty())
        .unwrap_or(false);
    if has_warnoptions {
        if let Err(e) = crate::import::import_module("warnings") {
            crate::modules::sys::write_stderr("'import warnings' failed; traceback:\n");
            crate::modules::sys::write_stderr(&crate::run::format_exception(e.value()));
        }
    }
    Ok(())
}
