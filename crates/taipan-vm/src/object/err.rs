//! Raised exceptions as Rust values (CPython's `Python/errors.c`).
//!
//! CPython keeps the raised exception in the thread state and returns NULL;
//! Taipan returns `Err(PyErr)`, a normalized exception instance. Constructors
//! here build the common ones (`TypeError`, `ValueError`, ...) from a message.

use super::PyRef;
use crate::objects::exceptions as exc;
use crate::objects::str::PyStr;

/// A raised exception: an instance of a `BaseException` subclass.
pub struct PyErr {
    value: PyRef,
}

pub type PyResult<T = PyRef> = Result<T, PyErr>;

impl PyErr {
    /// Wraps an exception instance.
    pub fn from_value(value: PyRef) -> PyErr {
        PyErr { value }
    }

    /// The exception instance.
    pub fn value(&self) -> &PyRef {
        &self.value
    }

    pub fn into_value(self) -> PyRef {
        self.value
    }

    /// The exception's type.
    pub fn type_ref(&self) -> PyRef {
        self.value.type_ref()
    }

    /// Is the exception an instance of `ty` (or a subclass)?
    pub fn matches(&self, ty: &crate::object::PyType) -> bool {
        self.value.ty().is_subtype(ty)
    }

    /// A new exception of type `ty` with `msg` as its only argument
    /// (`PyErr_SetString`).
    pub fn new(ty: &'static crate::object::PyType, msg: impl AsRef<str>) -> PyErr {
        match PyStr::new(msg.as_ref()) {
            Ok(s) => match exc::new_exception(ty, &[s]) {
                Ok(v) => PyErr { value: v },
                Err(e) => e,
            },
            Err(e) => e,
        }
    }

    /// A new exception of type `ty` with the given arguments.
    pub fn with_args(ty: &'static crate::object::PyType, args: &[PyRef]) -> PyErr {
        match exc::new_exception(ty, args) {
            Ok(v) => PyErr { value: v },
            Err(e) => e,
        }
    }

    /// `MemoryError`, from a preallocated instance (no allocation needed).
    pub fn no_memory() -> PyErr {
        PyErr {
            value: exc::memory_error_instance(),
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.value.ty().name())
    }
}

macro_rules! err_ctor {
    ($($fn:ident => $ty:ident),* $(,)?) => {
        impl PyErr {
            $(
                #[cold]
                pub fn $fn(msg: impl AsRef<str>) -> PyErr {
                    PyErr::new(&exc::$ty, msg)
                }
            )*
        }
    };
}

err_ctor! {
    type_error => TYPE_ERROR,
    value_error => VALUE_ERROR,
    index_error => INDEX_ERROR,
    attribute_error => ATTRIBUTE_ERROR,
    name_error => NAME_ERROR,
    runtime_error => RUNTIME_ERROR,
    overflow_error => OVERFLOW_ERROR,
    zero_division_error => ZERO_DIVISION_ERROR,
    system_error => SYSTEM_ERROR,
    recursion_error => RECURSION_ERROR,
    not_implemented_error => NOT_IMPLEMENTED_ERROR,
    unbound_local_error => UNBOUND_LOCAL_ERROR,
    os_error => OS_ERROR,
    import_error => IMPORT_ERROR,
    module_not_found_error => MODULE_NOT_FOUND_ERROR,
    lookup_error => LOOKUP_ERROR,
    unicode_error => UNICODE_ERROR,
    assertion_error => ASSERTION_ERROR,
    buffer_error => BUFFER_ERROR,
    eof_error => EOF_ERROR,
}

impl PyErr {
    /// `KeyError(key)`.
    #[cold]
    pub fn key_error(key: PyRef) -> PyErr {
        PyErr::with_args(&exc::KEY_ERROR, &[key])
    }

    /// `StopIteration(value)` or `StopIteration()`.
    #[cold]
    pub fn stop_iteration(value: Option<PyRef>) -> PyErr {
        match value {
            Some(v) => PyErr::with_args(&exc::STOP_ITERATION, &[v]),
            None => PyErr::with_args(&exc::STOP_ITERATION, &[]),
        }
    }
}
