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
    /// The attributes particular exceptions add (`StopIteration.value`,
    /// `OSError.errno`, ...), by slot index (see the `*_SLOTS` constants);
    /// `None` until one is set. An all-zero payload (from `alloc_raw`) is
    /// valid: every field is `None`/false.
    pub extra: UnsafeCell<Option<Box<Vec<Option<PyRef>>>>>,
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
        if let Some(x) = &*e.extra.get() {
            for o in x.iter().flatten() {
                visit(o.as_ptr());
            }
        }
    }
}

/// `BaseException_clear`: drops the references that can form cycles (an
/// exception in its own `args`, `__context__` or `__traceback__` frames).
/// `args` becomes the empty tuple and the particular attributes `None`.
unsafe fn clear_exception(obj: *mut PyObject) {
    // SAFETY: obj is a live exception; every old value is moved out of its field first and dropped after the borrows end.
    let old = unsafe {
        let e = &*(obj as *const PyBaseException);
        let mut old: Vec<PyRef> = Vec::new();
        for f in [&e.dict, &e.notes, &e.traceback, &e.context, &e.cause] {
            old.extend((*f.get()).take());
        }
        old.extend((*e.args.get()).replace(crate::objects::tuple::empty_tuple()));
        if let Some(x) = &mut *e.extra.get() {
            for slot in x.iter_mut() {
                old.extend(slot.take());
            }
        }
        old
    };
    drop(old);
}

const EXC_DICT_OFFSET: isize = std::mem::offset_of!(PyBaseException, dict) as isize;

macro_rules! exception_types {
    ($($stat:ident = $name:literal : $base:ident $({ $($f:ident : $v:expr),* $(,)? })?;)*) => {
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
                tp_clear: Cell::new(Some(clear_exception)),
                $($($f: $v,)*)?
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
    tp_clear: Cell::new(Some(clear_exception)),
    tp_new: Cell::new(Some(exc_new)),
    tp_init: Cell::new(Some(exc_init)),
    tp_str: Cell::new(Some(exc_str)),
    tp_repr: Cell::new(Some(exc_repr)),
    tp_methods: BASE_EXCEPTION_METHODS,
    tp_getset: BASE_EXCEPTION_GETSET,
    tp_doc: Some("Common base class for all exceptions"),
    ..PyType::BASE
};

exception_types! {
    BASE_EXCEPTION_GROUP = "BaseExceptionGroup": BASE_EXCEPTION {
        tp_new: Cell::new(Some(crate::objects::exceptions_attrs::group_new)),
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::group_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::group_str)),
        tp_methods: crate::objects::exceptions_attrs::GROUP_METHODS,
        tp_getset: crate::objects::exceptions_attrs::GROUP_GETSET,
    };
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::system_exit_init)),
        tp_getset: crate::objects::exceptions_attrs::SYSTEM_EXIT_GETSET,
    };
    EXCEPTION = "Exception": BASE_EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError": EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::attribute_error_init)),
        tp_getset: crate::objects::exceptions_attrs::ATTRIBUTE_ERROR_GETSET,
    };
    BUFFER_ERROR = "BufferError": EXCEPTION;
    EOF_ERROR = "EOFError": EXCEPTION;
    EXCEPTION_GROUP = "ExceptionGroup": BASE_EXCEPTION_GROUP;
    IMPORT_ERROR = "ImportError": EXCEPTION {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::import_error_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::import_error_str)),
        tp_getset: crate::objects::exceptions_attrs::IMPORT_ERROR_GETSET,
    };
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
    LOOKUP_ERROR = "LookupError": EXCEPTION;
    INDEX_ERROR = "IndexError": LOOKUP_ERROR;
    KEY_ERROR = "KeyError": LOOKUP_ERROR {
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::key_error_str)),
    };
    MEMORY_ERROR = "MemoryError": EXCEPTION;
    NAME_ERROR = "NameError": EXCEPTION {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::name_error_init)),
        tp_getset: crate::objects::exceptions_attrs::NAME_ERROR_GETSET,
    };
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
    OS_ERROR = "OSError": EXCEPTION {
        tp_new: Cell::new(Some(crate::objects::exceptions_attrs::os_error_new)),
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::os_error_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::os_error_str)),
        tp_getset: crate::objects::exceptions_attrs::OS_ERROR_GETSET,
    };
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
    STOP_ITERATION = "StopIteration": EXCEPTION {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::stop_iteration_init)),
        tp_getset: crate::objects::exceptions_attrs::STOP_ITERATION_GETSET,
    };
    SYNTAX_ERROR = "SyntaxError": EXCEPTION {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::syntax_error_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::syntax_error_str)),
        tp_getset: crate::objects::exceptions_attrs::SYNTAX_ERROR_GETSET,
    };
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR;
    TAB_ERROR = "TabError": INDENTATION_ERROR;
    SYSTEM_ERROR = "SystemError": EXCEPTION;
    TYPE_ERROR = "TypeError": EXCEPTION;
    VALUE_ERROR = "ValueError": EXCEPTION;
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::unicode_decode_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::unicode_decode_str)),
        tp_getset: crate::objects::exceptions_attrs::UNICODE_ERROR_GETSET,
    };
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::unicode_encode_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::unicode_encode_str)),
        tp_getset: crate::objects::exceptions_attrs::UNICODE_ERROR_GETSET,
    };
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR {
        tp_init: Cell::new(Some(crate::objects::exceptions_attrs::unicode_translate_init)),
        tp_str: Cell::new(Some(crate::objects::exceptions_attrs::unicode_translate_str)),
        tp_getset: crate::objects::exceptions_attrs::UNICODE_ERROR_GETSET,
    };
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
    /// Extra attribute `i` (None when unset).
    pub fn extra_get(&self, i: usize) -> Option<PyRef> {
        // SAFETY: short read.
        unsafe {
            (*self.extra.get())
                .as_ref()
                .and_then(|v| v.get(i).cloned().flatten())
        }
    }

    /// Sets extra attribute `i`.
    pub fn extra_set(&self, i: usize, v: Option<PyRef>) {
        // SAFETY: the old value is taken out and dropped after the borrow.
        let old = unsafe {
            let x = (*self.extra.get()).get_or_insert_with(|| Box::new(Vec::new()));
            if x.len() <= i {
                x.resize(i + 1, None);
            }
            std::mem::replace(&mut x[i], v)
        };
        drop(old);
    }

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

/// A new exception instance of `ty` with `args`, as calling the type from
/// Rust does: `OSError` picks its subclass from the errno, and the native
/// `__init__` of the nearest built-in type fills the particular attributes
/// (`StopIteration.value`, `OSError.errno`, ...). A Python `__init__` of a
/// subclass is not run.
pub fn new_exception(ty: &PyType, args: &[PyRef]) -> PyResult<PyRef> {
    let ty = if std::ptr::eq(ty, &OS_ERROR) {
        crate::objects::exceptions_attrs::os_error_subclass(args)
    } else {
        ty
    };
    let t = PyTuple::from_slice(args)?;
    let e = new_exception_with_tuple(ty, t)?;
    if let Some(init) = ty.static_base().tp_init.get() {
        if !std::ptr::eq(init as *const (), exc_init as *const ()) {
            init(&e, args, None)?;
        }
    }
    Ok(e)
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
            extra: UnsafeCell::new(None),
        },
    )
}

static MEMORY_ERROR_INSTANCE: GilCell<Option<PyRef>> = GilCell::new(None);

/// A `MemoryError` to raise (CPython's `MemoryError_new` with its free
/// list): a new instance while allocation works, else the preallocated one.
/// The preallocated instance is never freed, so it is handed out cleared
/// (as CPython clears a free-list entry) and only when no one else holds it:
/// a kept instance would keep the traceback, frames and locals of the last
/// `MemoryError` alive for the rest of the run.
pub fn memory_error_instance() -> PyRef {
    // SAFETY: GIL held; short read (the clone is taken before any code runs).
    let shared = unsafe { (*MEMORY_ERROR_INSTANCE.as_ptr()).clone() };
    let Some(e) = shared else {
        // Start-up order: made on first need if start-up did not.
        let e = new_exception_with_tuple(&MEMORY_ERROR, crate::objects::tuple::empty_tuple())
            .unwrap_or_else(|_| std::process::abort());
        // SAFETY: GIL held; nothing else borrows the slot.
        unsafe { *MEMORY_ERROR_INSTANCE.get_mut() = Some(e.clone()) };
        return e;
    };
    // A failed allocation below asks for a MemoryError again: that inner
    // request gets the preallocated instance.
    if !MAKING_MEMORY_ERROR.get() {
        MAKING_MEMORY_ERROR.set(true);
        let fresh = new_exception_with_tuple(&MEMORY_ERROR, crate::objects::tuple::empty_tuple());
        MAKING_MEMORY_ERROR.set(false);
        if let Ok(fresh) = fresh {
            return fresh;
        }
    }
    // Held only by the slot and `e`: no one uses it, clear it.
    if e.refcnt() == 2 {
        if let Some(b) = e.downcast::<PyBaseException>() {
            for cell in [&b.traceback, &b.context, &b.cause, &b.notes] {
                PyBaseException::set_field(cell, None);
            }
        }
    }
    e
}

thread_local! {
    static MAKING_MEMORY_ERROR: Cell<bool> = const { Cell::new(false) };
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// Reads `key` from an exception's instance dict.
pub fn get_attr_in_dict(exc: &PyRef, key: &str) -> Option<PyRef> {
    let d = crate::objects::object::instance_dict(exc, false).ok()??;
    d.downcast::<crate::objects::dict::PyDict>()?
        .get_str(key)
        .ok()?
}

/// Sets `key` in an exception's instance dict (ignoring failures: used where
/// an exception is being raised anyway).
pub fn set_attr_in_dict(exc: &PyRef, key: &str, value: PyRef) {
    if let Ok(Some(d)) = crate::objects::object::instance_dict(exc, true) {
        if let Some(d) = d.downcast::<crate::objects::dict::PyDict>() {
            let _ = d.set_str(key, value);
        }
    }
}

/// An exception's `__traceback__`, if any.
pub fn get_traceback(exc: &PyRef) -> Option<PyRef> {
    exc.downcast::<PyBaseException>()
        .and_then(|e| PyBaseException::get_field(&e.traceback))
}

// ---------------------------------------------------------------------------
// BaseException's slots, methods and attributes.

/// The exception payload of `o`, or a TypeError.
pub fn exc_payload(o: &PyRef) -> PyResult<&PyBaseException> {
    o.downcast::<PyBaseException>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'BaseException' object but received a '{}'",
            o.ty().name()
        ))
    })
}

/// The positional arguments of a vectorcall (keyword values removed).
pub fn positional<'a>(args: &'a [PyRef], kwnames: Option<&PyRef>) -> &'a [PyRef] {
    let nkw = kwnames
        .map(crate::objects::descr::kwnames_len)
        .unwrap_or(0)
        .min(args.len());
    &args[..args.len() - nkw]
}

/// `BaseException.__new__`: an instance with `args` set; keyword arguments
/// are left to `__init__`.
pub fn exc_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("BaseException.__new__(X): X is not a type object"))?;
    if !ty.is_subtype(&BASE_EXCEPTION) {
        return Err(PyErr::type_error(format!(
            "BaseException.__new__({}): {} is not a subtype of BaseException",
            ty.name(),
            ty.name()
        )));
    }
    let p = alloc_raw(ty, 0)?;
    // SAFETY: a fresh zeroed object of an exception type: every payload field is None / false, which is a valid PyBaseException.
    let obj = unsafe { PyRef::from_raw(p) };
    // SAFETY: obj's type is an exception type.
    let e = unsafe { obj.payload_unchecked::<PyBaseException>() };
    e.set_args(PyTuple::from_slice(positional(args, kwnames))?);
    Ok(obj)
}

/// `BaseException.__init__`: no keyword arguments; sets `args`.
pub fn exc_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            obj.ty().name()
        )));
    }
    exc_payload(obj)?.set_args(PyTuple::from_slice(args)?);
    Ok(())
}

/// `BaseException.__str__`.
pub fn exc_str(obj: &PyRef) -> PyResult<PyRef> {
    let args = exc_payload(obj)?.args();
    // SAFETY: args is a tuple.
    let items = unsafe { crate::objects::tuple::tuple_items_unchecked(&args) };
    match items.len() {
        0 => Ok(crate::intern!("").clone()),
        1 => crate::object::protocol::str_(&items[0]),
        _ => crate::object::protocol::str_(&args),
    }
}

/// `BaseException.__repr__`: `Name(arg)` or `Name(a, b)`.
pub fn exc_repr(obj: &PyRef) -> PyResult<PyRef> {
    let args = exc_payload(obj)?.args();
    // SAFETY: args is a tuple.
    let items = unsafe { crate::objects::tuple::tuple_items_unchecked(&args) };
    let name = obj.ty().name().to_owned();
    let inner = if items.len() == 1 {
        format!("({})", crate::object::protocol::repr_string(&items[0])?)
    } else {
        crate::object::protocol::repr_string(&args)?
    };
    crate::objects::str::PyStr::new(&format!("{name}{inner}"))
}

fn exc_with_traceback(obj: &PyRef, tb: &PyRef) -> PyResult<PyRef> {
    set_traceback(obj, Some(tb))?;
    Ok(obj.clone())
}

fn exc_add_note(obj: &PyRef, note: &PyRef) -> PyResult<PyRef> {
    if !note.is_instance_of::<crate::objects::str::PyStr>() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            note.ty().name()
        )));
    }
    let name = crate::intern!("__notes__");
    let notes = match crate::object::protocol::lookup_attr(obj, name)? {
        Some(n) => n,
        None => {
            let l = crate::objects::list::PyList::new(vec![])?;
            crate::object::protocol::setattr(obj, name, Some(&l))?;
            l
        }
    };
    match notes.downcast::<crate::objects::list::PyList>() {
        Some(l) => l.push(note.clone()),
        None => {
            return Err(PyErr::type_error(
                "Cannot add note: __notes__ is not a list",
            ))
        }
    }
    Ok(crate::objects::none::none())
}

fn exc_reduce(obj: &PyRef) -> PyResult<PyRef> {
    let e = exc_payload(obj)?;
    let mut items = vec![obj.type_ref(), e.args()];
    if let Some(d) = crate::objects::object::instance_dict(obj, false)? {
        if d.downcast::<crate::objects::dict::PyDict>()
            .map(|d| !d.is_empty())
            .unwrap_or(false)
        {
            items.push(d);
        }
    }
    PyTuple::new(items)
}

fn exc_setstate(obj: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    if !state.is_none() {
        let d = state
            .downcast::<crate::objects::dict::PyDict>()
            .ok_or_else(|| PyErr::type_error("state is not a dictionary"))?;
        for (k, v) in d.items() {
            crate::object::protocol::setattr(obj, &k, Some(&v))?;
        }
    }
    Ok(crate::objects::none::none())
}

static BASE_EXCEPTION_METHODS: &[MethodDef] = &[
    MethodDef::new("with_traceback", Meth::O(exc_with_traceback)),
    MethodDef::new("add_note", Meth::O(exc_add_note)),
    MethodDef::new("__reduce__", Meth::NoArgs(exc_reduce)),
    MethodDef::new("__setstate__", Meth::O(exc_setstate)),
];

fn opt(v: Option<PyRef>) -> PyRef {
    v.unwrap_or_else(crate::objects::none::none)
}

fn get_args(o: &PyRef) -> PyResult<PyRef> {
    Ok(exc_payload(o)?.args())
}

fn set_args(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("args may not be deleted"))?;
    let t = PyTuple::new(crate::object::protocol::collect(v)?)?;
    exc_payload(o)?.set_args(t);
    Ok(())
}

fn get_tb(o: &PyRef) -> PyResult<PyRef> {
    Ok(opt(PyBaseException::get_field(&exc_payload(o)?.traceback)))
}

/// Sets `__traceback__` (None or a traceback object).
pub fn set_traceback(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__traceback__ may not be deleted"))?;
    let e = exc_payload(o)?;
    if v.is_none() {
        PyBaseException::set_field(&e.traceback, None);
    } else if v.ty().static_base().tp_name == "traceback" {
        PyBaseException::set_field(&e.traceback, Some(v.clone()));
    } else {
        return Err(PyErr::type_error(
            "__traceback__ must be a traceback or None",
        ));
    }
    Ok(())
}

fn get_context(o: &PyRef) -> PyResult<PyRef> {
    Ok(opt(PyBaseException::get_field(&exc_payload(o)?.context)))
}

fn set_context(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__context__ may not be deleted"))?;
    let e = exc_payload(o)?;
    if v.is_none() {
        PyBaseException::set_field(&e.context, None);
    } else if v.is_instance_of::<PyBaseException>() {
        PyBaseException::set_field(&e.context, Some(v.clone()));
    } else {
        return Err(PyErr::type_error(
            "exception context must be None or derive from BaseException",
        ));
    }
    Ok(())
}

fn get_cause(o: &PyRef) -> PyResult<PyRef> {
    Ok(opt(PyBaseException::get_field(&exc_payload(o)?.cause)))
}

/// Sets `__cause__` (None or an exception); sets `__suppress_context__`.
pub fn set_cause(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__cause__ may not be deleted"))?;
    let e = exc_payload(o)?;
    if v.is_none() {
        PyBaseException::set_field(&e.cause, None);
    } else if v.is_instance_of::<PyBaseException>() {
        PyBaseException::set_field(&e.cause, Some(v.clone()));
    } else {
        return Err(PyErr::type_error(
            "exception cause must be None or derive from BaseException",
        ));
    }
    e.suppress_context.set(true);
    Ok(())
}

fn get_suppress(o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::objects::bool_::py_bool(
        exc_payload(o)?.suppress_context.get(),
    ))
}

fn set_suppress(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("can't delete numeric/char attribute"))?;
    if !std::ptr::eq(v.ty(), &crate::objects::bool_::BOOL_TYPE) {
        return Err(PyErr::type_error("attribute value type must be bool"));
    }
    exc_payload(o)?
        .suppress_context
        .set(crate::objects::bool_::is_true_obj(v));
    Ok(())
}

fn get_dict(o: &PyRef) -> PyResult<PyRef> {
    crate::objects::object::instance_dict(o, true)?
        .ok_or_else(|| PyErr::attribute_error("This object has no __dict__"))
}

fn set_dict(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let v = v.ok_or_else(|| PyErr::type_error("__dict__ may not be deleted"))?;
    if !v.is_instance_of::<crate::objects::dict::PyDict>() {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            v.ty().name()
        )));
    }
    // SAFETY: o is an exception with a dict slot; the old value drops after.
    let old = unsafe {
        match dict_slot(o.as_ptr()) {
            Some(slot) => (*slot).replace(v.clone()),
            None => None,
        }
    };
    drop(old);
    Ok(())
}

/// A read-write `GetSetDef`.
pub const fn getset(
    name: &'static str,
    get: fn(&PyRef) -> PyResult<PyRef>,
    set: SetterFn,
) -> GetSetDef {
    GetSetDef {
        name,
        get: Some(get),
        set: Some(set),
        doc: "",
    }
}

static BASE_EXCEPTION_GETSET: &[GetSetDef] = &[
    getset("args", get_args, set_args),
    getset("__traceback__", get_tb, set_traceback),
    getset("__context__", get_context, set_context),
    getset("__cause__", get_cause, set_cause),
    getset("__suppress_context__", get_suppress, set_suppress),
    getset("__dict__", get_dict, set_dict),
];

/// Gives `ExceptionGroup` its two bases (`BaseExceptionGroup`, `Exception`)
/// and CPython's MRO; called at start-up after the types are readied.
pub fn init() -> PyResult<()> {
    let eg = &EXCEPTION_GROUP;
    drop(eg.tp_bases.set(Some(PyTuple::new(vec![
        BASE_EXCEPTION_GROUP.as_pyref(),
        EXCEPTION.as_pyref(),
    ])?)));
    drop(eg.tp_mro.set(Some(PyTuple::new(vec![
        eg.as_pyref(),
        BASE_EXCEPTION_GROUP.as_pyref(),
        EXCEPTION.as_pyref(),
        BASE_EXCEPTION.as_pyref(),
        crate::objects::object::OBJECT_TYPE.as_pyref(),
    ])?)));
    drop(memory_error_instance());
    Ok(())
}
