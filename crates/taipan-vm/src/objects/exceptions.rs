//! The built-in exception hierarchy (CPython's `Objects/exceptions.c`).
//!
//! Every built-in exception type is a static `PyType` declared by the
//! `exception_types!` table below, with its base. Instances share the
//! `BaseException` payload (`args`, `__notes__`, `__traceback__`,
//! `__context__`, `__cause__`, `__suppress_context__`) plus an instance dict,
//! where the attributes of the richer exceptions (`OSError.errno`,
//! `SyntaxError.lineno`, `StopIteration.value`, ...) are kept.

use std::cell::{Cell, UnsafeCell};

use crate::gil::GilCell;
use crate::object::*;
use crate::objects::tuple::PyTuple;

/// The `BaseException` payload (`PyBaseExceptionObject`).
#[repr(C)]
pub struct PyBaseException {
    pub ob_base: PyObject,
    pub dict: UnsafeCell<Option<PyRef>>,
    pub args: UnsafeCell<Option<PyRef>>,
    pub notes: UnsafeCell<Option<PyRef>>,
    pub traceback: UnsafeCell<Option<PyRef>>,
    pub context: UnsafeCell<Option<PyRef>>,
    pub cause: UnsafeCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
}

// SAFETY: PyBaseException is repr(C) with the header first.
unsafe impl PyPayload for PyBaseException {
    fn type_object() -> &'static PyType {
        &BASE_EXCEPTION
    }
}

unsafe fn drop_exception(obj: *mut PyObject) {
    // SAFETY: obj is a dead exception; drop the payload's fields.
    unsafe {
        let e = obj as *mut PyBaseException;
        std::ptr::drop_in_place(e);
    }
}

unsafe fn traverse_exception(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live exception.
    unsafe {
        let e = &*(obj as *const PyBaseException);
        for f in [
            &e.dict,
            &e.args,
            &e.notes,
            &e.traceback,
            &e.context,
            &e.cause,
        ] {
            if let Some(o) = &*f.get() {
                visit(o.as_ptr());
            }
        }
    }
}

const EXC_DICT_OFFSET: isize = std::mem::offset_of!(PyBaseException, dict) as isize;

macro_rules! exception_types {
    ($($stat:ident = $name:literal : $base:ident;)*) => {
        $(
            pub static $stat: PyType = PyType {
                tp_name: $name,
                tp_basicsize: Cell::new(std::mem::size_of::<PyBaseException>()),
                tp_flags: Cell::new(
                    TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::BASE_EXC_SUBCLASS,
                ),
                tp_base: Cell::new(&$base as *const PyType),
                tp_dictoffset: Cell::new(EXC_DICT_OFFSET),
                tp_drop: Some(drop_exception),
                tp_traverse: Cell::new(Some(traverse_exception)),
                ..PyType::BASE
            };
        )*
        /// Every built-in exception type but `BaseException`, base first.
        pub static ALL_EXCEPTION_TYPES: &[&PyType] = &[$(&$stat),*];
    };
}

pub static BASE_EXCEPTION: PyType = PyType {
    tp_name: "BaseException",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBaseException>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::BASE_EXC_SUBCLASS),
    tp_dictoffset: Cell::new(EXC_DICT_OFFSET),
    tp_drop: Some(drop_exception),
    tp_traverse: Cell::new(Some(traverse_exception)),
    ..PyType::BASE
};

exception_types! {
    BASE_EXCEPTION_GROUP = "BaseExceptionGroup": BASE_EXCEPTION;
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION;
    EXCEPTION = "Exception": BASE_EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError": EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION;
    BUFFER_ERROR = "BufferError": EXCEPTION;
    EOF_ERROR = "EOFError": EXCEPTION;
    EXCEPTION_GROUP = "ExceptionGroup": BASE_EXCEPTION_GROUP;
    IMPORT_ERROR = "ImportError": EXCEPTION;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
    LOOKUP_ERROR = "LookupError": EXCEPTION;
    INDEX_ERROR = "IndexError": LOOKUP_ERROR;
    KEY_ERROR = "KeyError": LOOKUP_ERROR;
    MEMORY_ERROR = "MemoryError": EXCEPTION;
    NAME_ERROR = "NameError": EXCEPTION;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
    OS_ERROR = "OSError": EXCEPTION;
    BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR;
    CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR;
    CONNECTION_ERROR = "ConnectionError": OS_ERROR;
    BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR;
    CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR;
    FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR;
    INTERRUPTED_ERROR = "InterruptedError": OS_ERROR;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR;
    PERMISSION_ERROR = "PermissionError": OS_ERROR;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR;
    TIMEOUT_ERROR = "TimeoutError": OS_ERROR;
    REFERENCE_ERROR = "ReferenceError": EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION;
    STOP_ITERATION = "StopIteration": EXCEPTION;
    SYNTAX_ERROR = "SyntaxError": EXCEPTION;
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR;
    TAB_ERROR = "TabError": INDENTATION_ERROR;
    SYSTEM_ERROR = "SystemError": EXCEPTION;
    TYPE_ERROR = "TypeError": EXCEPTION;
    VALUE_ERROR = "ValueError": EXCEPTION;
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR;
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR;
    WARNING = "Warning": EXCEPTION;
    BYTES_WARNING = "BytesWarning": WARNING;
    DEPRECATION_WARNING = "DeprecationWarning": WARNING;
    ENCODING_WARNING = "EncodingWarning": WARNING;
    FUTURE_WARNING = "FutureWarning": WARNING;
    IMPORT_WARNING = "ImportWarning": WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING;
    RESOURCE_WARNING = "ResourceWarning": WARNING;
    RUNTIME_WARNING = "RuntimeWarning": WARNING;
    SYNTAX_WARNING = "SyntaxWarning": WARNING;
    UNICODE_WARNING = "UnicodeWarning": WARNING;
    USER_WARNING = "UserWarning": WARNING;
}

impl PyBaseException {
    /// `args` (a tuple).
    pub fn args(&self) -> PyRef {
        // SAFETY: short read.
        match unsafe { &*self.args.get() } {
            Some(a) => a.clone(),
            None => crate::objects::tuple::empty_tuple(),
        }
    }

    pub fn set_args(&self, args: PyRef) {
        // SAFETY: swap; the old value drops after the borrow.
        let old = unsafe { (*self.args.get()).replace(args) };
        drop(old);
    }

    /// Reads one of the optional reference fields.
    pub fn get_field(cell: &UnsafeCell<Option<PyRef>>) -> Option<PyRef> {
        // SAFETY: short read.
        unsafe { (*cell.get()).clone() }
    }

    /// Replaces one of the optional reference fields.
    pub fn set_field(cell: &UnsafeCell<Option<PyRef>>, v: Option<PyRef>) {
        // SAFETY: swap; the old value drops after the borrow.
        let old = unsafe { std::mem::replace(&mut *cell.get(), v) };
        drop(old);
    }
}

/// A new exception instance of `ty` with `args` (no `__init__` call).
pub fn new_exception(ty: &PyType, args: &[PyRef]) -> PyResult<PyRef> {
    let args = PyTuple::from_slice(args)?;
    new_exception_with_tuple(ty, args)
}

/// A new exception instance of `ty` whose `args` is the tuple given.
pub fn new_exception_with_tuple(ty: &PyType, args: PyRef) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyBaseException {
            ob_base: PyObject::NEW,
            dict: UnsafeCell::new(None),
            args: UnsafeCell::new(Some(args)),
            notes: UnsafeCell::new(None),
            traceback: UnsafeCell::new(None),
            context: UnsafeCell::new(None),
            cause: UnsafeCell::new(None),
            suppress_context: Cell::new(false),
        },
    )
}

static MEMORY_ERROR_INSTANCE: GilCell<Option<PyRef>> = GilCell::new(None);

/// The preallocated `MemoryError` instance.
pub fn memory_error_instance() -> PyRef {
    // SAFETY: GIL held; set once at start-up.
    let slot = unsafe { MEMORY_ERROR_INSTANCE.get_mut() };
    match slot {
        Some(e) => e.clone(),
        None => {
            // Start-up order: made on first need if start-up did not.
            let e = new_exception_with_tuple(&MEMORY_ERROR, crate::objects::tuple::empty_tuple())
                .unwrap_or_else(|_| std::process::abort());
            *slot = Some(e.clone());
            e
        }
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
