//! The `sys` module (CPython's `Python/sysmodule.c`, with the struct
//! sequences of `Objects/structseq.c` for `version_info`, `flags`,
//! `float_info`, `int_info` and `hash_info`).
//!
//! `sys.stdin`, `sys.stdout` and `sys.stderr` are `_io.TextIOWrapper`s
//! (`modules::_io::make_std_stream`); [`write_stdout`] / [`write_stderr`]
//! write into their buffers directly. The small native stream objects
//! below remain as a fallback.
//!
//! Hooks the evaluation loop sets (see [`EXC_INFO_HOOK`] and
//! [`GETFRAME_HOOK`]) give `sys.exc_info()`, `sys.exception()` and
//! `sys._getframe()` their answers.

use std::cell::Cell;

use crate::gil::GilCell;
use crate::modules::builtins::{check_nargs, parse};
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

// ---------------------------------------------------------------------------
// Hooks for the evaluation loop.

/// Returns the exception currently being handled (the innermost `except`
/// block's, CPython's `_PyErr_GetTopmostException`), or `None`; overrides
/// `eval::ceval::exc_info`, which `sys.exc_info()` and `sys.exception()`
/// read when it is unset.
pub type ExcInfoHook = fn() -> Option<PyRef>;
pub static EXC_INFO_HOOK: GilCell<Option<ExcInfoHook>> = GilCell::new(None);

/// Returns the frame object `depth` levels up the Python call stack
/// (`sys._getframe(depth)`), raising `ValueError("call stack is not deep
/// enough")` itself. Set by the evaluation loop.
pub type GetFrameHook = fn(i64) -> PyResult<PyRef>;
pub static GETFRAME_HOOK: GilCell<Option<GetFrameHook>> = GilCell::new(None);

static ARGV: GilCell<Vec<String>> = GilCell::new(Vec::new());

/// The `-W` options, in order (`sys.warnoptions`), set by the command line
/// before start-up.
pub static WARNOPTIONS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Sets `sys.argv` (the CLI calls it after start-up); the first time, also
/// puts the script's directory first in `sys.path`, as CPython does at
/// start-up.
pub fn set_argv(argv: Vec<String>) {
    let list = if crate::interp::is_initialized() {
        let items: Vec<PyRef> = argv.iter().filter_map(|a| PyStr::new(a).ok()).collect();
        PyList::new(items).ok()
    } else {
        None
    };
    let path0 = script_dir(argv.first().map(String::as_str).unwrap_or(""));
    // SAFETY: GIL held; no borrow of ARGV is alive.
    unsafe { *ARGV.get_mut() = argv };
    if let Some(l) = list {
        let _ = set_attr("argv", l);
        // SAFETY: GIL held; plain flag.
        let done = unsafe { PATH0_SET.get_mut() };
        if !*done {
            *done = true;
            let _ = set_path0(&path0);
        }
    }
}

static PATH0_SET: GilCell<bool> = GilCell::new(false);

/// `sys.path[0]` for a program: the script's directory made absolute, the
/// current directory (absolute) for `-m`, or "" (the current directory)
/// for `-c` and an empty `argv[0]`.
fn script_dir(argv0: &str) -> String {
    if argv0 == "-m" {
        // `-m`: the current directory, absolute.
        return std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    if argv0.is_empty() || argv0 == "-c" || argv0 == "-" || argv0.starts_with('<') {
        return String::new();
    }
    let p = std::path::Path::new(argv0);
    let parent = p.parent().map(|d| d.to_path_buf()).unwrap_or_default();
    let parent = if parent.as_os_str().is_empty() {
        std::path::PathBuf::from(".")
    } else {
        parent
    };
    std::fs::canonicalize(&parent)
        .unwrap_or(parent)
        .to_string_lossy()
        .into_owned()
}

/// Reads an attribute of the `sys` module (None when sys or the attribute
/// is missing).
pub fn get_attr(name: &str) -> PyResult<Option<PyRef>> {
    match &crate::interp::interp().sys {
        Some(m) => {
            // SAFETY: interp().sys is a module.
            let m = unsafe { m.payload_unchecked::<PyModule>() };
            m.with_dict(|d| d.get_str(name))
        }
        None => Ok(None),
    }
}

/// Sets an attribute of the `sys` module.
pub fn set_attr(name: &str, value: PyRef) -> PyResult<()> {
    match &crate::interp::interp().sys {
        Some(m) => {
            // SAFETY: interp().sys is a module.
            let m = unsafe { m.payload_unchecked::<PyModule>() };
            m.with_dict(|d| d.set_str(name, value))
        }
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------
// Standard streams.

/// Writes to the process's standard output through one buffer (flushed at
/// exit and when `sys.stdout.flush()` is called). Replaced by `sys.stdout`
/// once `_io` exists.
pub fn write_stdout(s: &str) {
    use std::io::Write;
    if crate::modules::_io::std_write(1, s) {
        return;
    }
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}

/// Writes to standard error (unbuffered, as CPython's stderr is line-buffered).
pub fn write_stderr(s: &str) {
    use std::io::Write;
    if crate::modules::_io::std_write(2, s) {
        return;
    }
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
}

/// Flushes standard output and error.
pub fn flush_std() {
    use std::io::Write;
    crate::modules::_io::std_flush();
    let _ = std::io::stdout().lock().flush();
    let _ = std::io::stderr().lock().flush();
}

/// A native standard stream: 0 stdin, 1 stdout, 2 stderr.
#[repr(C)]
pub struct PyStdStream {
    pub ob_base: PyObject,
    pub fd: u8,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyStdStream {
    fn type_object() -> &'static PyType {
        &STD_STREAM_TYPE
    }
}

pub static STD_STREAM_TYPE: PyType = PyType {
    tp_name: "_io.TextIOWrapper",
    tp_basicsize: Cell::new(std::mem::size_of::<PyStdStream>()),
    tp_methods: STREAM_METHODS,
    tp_getset: STREAM_GETSET,
    tp_repr: Cell::new(Some(stream_repr)),
    ..PyType::BASE
};

static STREAM_METHODS: &[MethodDef] = &[
    MethodDef::new("write", Meth::O(stream_write)),
    MethodDef::new("flush", Meth::NoArgs(stream_flush)),
    MethodDef::new("readline", Meth::Fast(stream_readline)),
    MethodDef::new("fileno", Meth::NoArgs(stream_fileno)),
    MethodDef::new("isatty", Meth::NoArgs(stream_isatty)),
    MethodDef::new("writable", Meth::NoArgs(stream_writable)),
    MethodDef::new("readable", Meth::NoArgs(stream_readable)),
];

static STREAM_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("encoding", stream_encoding),
    GetSetDef::getter("errors", stream_errors),
    GetSetDef::getter("name", stream_name),
];

fn stream_fd(o: &PyRef) -> u8 {
    o.downcast::<PyStdStream>().map(|s| s.fd).unwrap_or(1)
}

/// If `o` is one of the native standard streams, which one (1 or 2) for
/// writing; `print` then writes directly.
pub fn native_stream(o: &PyRef) -> Option<u8> {
    if let Some(fd) = crate::modules::_io::original_std_fd(o) {
        return Some(fd);
    }
    o.downcast_exact::<PyStdStream>()
        .map(|s| s.fd)
        .filter(|&fd| fd != 0)
}

/// Writes text to native stream `fd` (1 stdout, 2 stderr).
pub fn write_stream(fd: u8, s: &str) {
    if fd == 2 {
        write_stderr(s)
    } else {
        write_stdout(s)
    }
}

fn stream_write(o: &PyRef, s: &PyRef) -> PyResult<PyRef> {
    let fd = stream_fd(o);
    if fd == 0 {
        return Err(PyErr::os_error("not writable"));
    }
    let t = s.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "write() argument must be str, not {}",
            s.ty().name()
        ))
    })?;
    write_stream(fd, t.as_str());
    PyInt::new(t.len() as i64)
}

fn stream_flush(_o: &PyRef) -> PyResult<PyRef> {
    flush_std();
    Ok(none())
}

fn stream_readline(_o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("readline", args.len(), 0, 1)?;
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| PyErr::os_error(e.to_string()))?;
    PyStr::new(&line)
}

fn stream_fileno(o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(stream_fd(o) as i64)
}

fn stream_isatty(o: &PyRef) -> PyResult<PyRef> {
    use std::io::IsTerminal;
    let t = match stream_fd(o) {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    Ok(py_bool(t))
}

fn stream_writable(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(stream_fd(o) != 0))
}

fn stream_readable(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(stream_fd(o) == 0))
}

fn stream_encoding(_o: &PyRef) -> PyResult<PyRef> {
    PyStr::new("utf-8")
}

fn stream_errors(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(if stream_fd(o) == 2 {
        "backslashreplace"
    } else {
        "strict"
    })
}

fn stream_name(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(match stream_fd(o) {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    })
}

fn stream_repr(o: &PyRef) -> PyResult<PyRef> {
    let name = match stream_fd(o) {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    PyStr::new(&format!(
        "<_io.TextIOWrapper name='{name}' mode='{}' encoding='utf-8'>",
        if stream_fd(o) == 0 { "r" } else { "w" }
    ))
}

fn new_stream(fd: u8) -> PyResult<PyRef> {
    alloc_object(
        &STD_STREAM_TYPE,
        PyStdStream {
            ob_base: PyObject::NEW,
            fd,
        },
    )
}

// ---------------------------------------------------------------------------
// Struct sequences: tuples whose items also have names.

unsafe fn drop_structseq(obj: *mut PyObject) {
    // SAFETY: obj is a dead tuple-layout object; its slots are Option<PyRef>.
    unsafe {
        let n = (*(obj as *mut PyVarObject)).ob_size.get() as usize;
        let items = (obj as *mut u8).add(std::mem::size_of::<PyTuple>()) as *mut Option<PyRef>;
        for i in 0..n {
            drop((*items.add(i)).take());
        }
    }
}

fn structseq_item<const I: usize>(o: &PyRef) -> PyResult<PyRef> {
    let t = o
        .downcast::<PyTuple>()
        .ok_or_else(|| PyErr::type_error("not a struct sequence"))?;
    t.items()
        .get(I)
        .cloned()
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

fn structseq_repr(o: &PyRef) -> PyResult<PyRef> {
    let ty = o.ty().static_base();
    let t = o
        .downcast::<PyTuple>()
        .ok_or_else(|| PyErr::type_error("not a struct sequence"))?;
    let mut s = format!("{}(", ty.tp_name);
    for (i, (def, v)) in ty.tp_getset.iter().zip(t.items()).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(def.name);
        s.push('=');
        s.push_str(&protocol::repr_string(v)?);
    }
    s.push(')');
    PyStr::new(&s)
}

macro_rules! struct_seq {
    ($stat:ident, $getset:ident, $name:literal, [$($i:literal : $field:literal),* $(,)?]) => {
        static $getset: &[GetSetDef] = &[$(GetSetDef::getter($field, structseq_item::<$i>)),*];
        pub static $stat: PyType = PyType {
            tp_name: $name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyTuple>()),
            tp_itemsize: 8,
            tp_base: Cell::new(&crate::objects::tuple::TUPLE_TYPE as *const PyType),
            tp_flags: Cell::new(
                TypeFlags::HAVE_GC | TypeFlags::TUPLE_SUBCLASS | TypeFlags::DISALLOW_INSTANTIATION,
            ),
            tp_getset: $getset,
            tp_repr: Cell::new(Some(structseq_repr)),
            tp_drop: Some(drop_structseq),
            ..PyType::BASE
        };
    };
}

struct_seq!(VERSION_INFO_TYPE, VERSION_INFO_FIELDS, "sys.version_info", [
    0: "major", 1: "minor", 2: "micro", 3: "releaselevel", 4: "serial",
]);
struct_seq!(FLAGS_TYPE, FLAGS_FIELDS, "sys.flags", [
    0: "debug", 1: "inspect", 2: "interactive", 3: "optimize", 4: "dont_write_bytecode",
    5: "no_user_site", 6: "no_site", 7: "ignore_environment", 8: "verbose",
    9: "bytes_warning", 10: "quiet", 11: "hash_randomization", 12: "isolated",
    13: "dev_mode", 14: "utf8_mode", 15: "warn_default_encoding", 16: "safe_path",
    17: "int_max_str_digits",
]);
struct_seq!(FLOAT_INFO_TYPE, FLOAT_INFO_FIELDS, "sys.float_info", [
    0: "max", 1: "max_exp", 2: "max_10_exp", 3: "min", 4: "min_exp", 5: "min_10_exp",
    6: "dig", 7: "mant_dig", 8: "epsilon", 9: "radix", 10: "rounds",
]);
struct_seq!(INT_INFO_TYPE, INT_INFO_FIELDS, "sys.int_info", [
    0: "bits_per_digit", 1: "sizeof_digit", 2: "default_max_str_digits",
    3: "str_digits_check_threshold",
]);
struct_seq!(HASH_INFO_TYPE, HASH_INFO_FIELDS, "sys.hash_info", [
    0: "width", 1: "modulus", 2: "inf", 3: "nan", 4: "imag", 5: "algorithm",
    6: "hash_bits", 7: "seed_bits", 8: "cutoff",
]);
struct_seq!(IMPLEMENTATION_VERSION_TYPE, IMPL_VERSION_FIELDS, "sys.version_info", [
    0: "major", 1: "minor", 2: "micro", 3: "releaselevel", 4: "serial",
]);

struct_seq!(THREAD_INFO_TYPE, THREAD_INFO_FIELDS, "sys.thread_info", [
    0: "name", 1: "lock", 2: "version",
]);

struct_seq!(UNRAISABLE_ARGS_TYPE, UNRAISABLE_ARGS_FIELDS, "UnraisableHookArgs", [
    0: "exc_type", 1: "exc_value", 2: "exc_traceback", 3: "err_msg", 4: "object",
]);

static UNRAISABLEHOOK: MethodDef = MethodDef::new("unraisablehook", Meth::O(sys_unraisablehook));

/// The default `sys.unraisablehook`: "Exception ignored in: OBJ" (or the
/// message given) and the traceback, to `sys.stderr`.
fn sys_unraisablehook(_m: &PyRef, a: &PyRef) -> PyResult<PyRef> {
    let items = a
        .downcast::<PyTuple>()
        .filter(|_| a.is_instance_of::<PyTuple>() && a.ty().is_subtype(&UNRAISABLE_ARGS_TYPE))
        .map(|t| t.items().to_vec())
        .ok_or_else(|| {
            PyErr::type_error("sys.unraisablehook argument type must be UnraisableHookArgs")
        })?;
    let (value, msg, obj) = (&items[1], &items[3], &items[4]);
    let nothing = crate::objects::none::none();
    let mut text = String::new();
    if !msg.is(&nothing) || !obj.is(&nothing) {
        let m = if msg.is(&nothing) {
            "Exception ignored in".to_owned()
        } else {
            protocol::str_string(msg)?
        };
        if obj.is(&nothing) {
            text.push_str(&format!("{m}\n"));
        } else {
            let r = protocol::repr_string(obj).unwrap_or_else(|_| "<object repr() failed>".into());
            text.push_str(&format!("{m}: {r}\n"));
        }
    }
    if !value.is(&nothing) {
        text.push_str(&crate::run::format_exception(value));
    }
    crate::gc::sys_stderr(&text);
    Ok(nothing)
}

/// `PyErr_WriteUnraisable` / `_PyErr_WriteUnraisableMsg`: hands the error to
/// `sys.unraisablehook` (the default one prints it).
pub fn write_unraisable(obj: Option<&PyRef>, e: PyErr, err_msg: Option<&str>) {
    flush_std();
    let nothing = crate::objects::none::none();
    let value = e.value().clone();
    let tb = protocol::getattr_str(&value, "__traceback__").unwrap_or_else(|_| nothing.clone());
    let msg = match err_msg {
        Some(m) => PyStr::new(m).unwrap_or_else(|_| nothing.clone()),
        None => nothing.clone(),
    };
    let args = structseq(
        &UNRAISABLE_ARGS_TYPE,
        vec![
            value.type_ref(),
            value.clone(),
            tb,
            msg,
            obj.cloned().unwrap_or_else(|| nothing.clone()),
        ],
    );
    let Ok(args) = args else { return };
    let hook = get_attr("unraisablehook").ok().flatten();
    let r = match &hook {
        Some(h) if !h.is(&nothing) => protocol::call(h, std::slice::from_ref(&args), None),
        _ => sys_unraisablehook(&nothing, &args),
    };
    if let Err(e2) = r {
        let h = hook.unwrap_or(nothing);
        let hr = protocol::repr_string(&h).unwrap_or_default();
        let text = crate::run::format_exception(e2.value());
        crate::gc::sys_stderr(&format!(
            "Exception ignored in sys.unraisablehook: {hr}\n{text}"
        ));
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &UNRAISABLE_ARGS_TYPE,
    &STD_STREAM_TYPE,
    &VERSION_INFO_TYPE,
    &FLAGS_TYPE,
    &FLOAT_INFO_TYPE,
    &INT_INFO_TYPE,
    &HASH_INFO_TYPE,
    &IMPLEMENTATION_VERSION_TYPE,
    &THREAD_INFO_TYPE,
];

// ---------------------------------------------------------------------------
// Functions.

fn int(v: i64) -> PyResult<PyRef> {
    PyInt::new(v)
}

fn s(v: &str) -> PyResult<PyRef> {
    PyStr::new(v)
}

fn sys_exit(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("exit", args.len(), 0, 1)?;
    // `PyErr_SetObject(SystemExit, arg)`: a tuple argument is the args.
    if let Some(t) = args.first().and_then(|a| a.downcast_exact::<PyTuple>()) {
        return Err(PyErr::with_args(
            &crate::objects::exceptions::SYSTEM_EXIT,
            t.items(),
        ));
    }
    Err(PyErr::with_args(
        &crate::objects::exceptions::SYSTEM_EXIT,
        args,
    ))
}

fn sys_getrefcount(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    int(o.refcnt() as i64)
}

fn sys_getsizeof(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("getsizeof", args, kwnames, &["object", "default"], 1)?;
    let o = a[0]
        .clone()
        .ok_or_else(|| PyErr::system_error("getsizeof"))?;
    let size = match crate::objects::type_::lookup_str(o.ty(), "__sizeof__") {
        Some(m) => {
            let bound = crate::objects::descr::bind(&m, Some(&o), Some(&o.type_ref()));
            let r = bound.and_then(|b| protocol::call1(&b, &[]));
            match r {
                Ok(v) => crate::objects::int::as_i64(&v)?,
                Err(e) => {
                    if let Some(d) = &a[1] {
                        if e.matches(&crate::objects::exceptions::TYPE_ERROR) {
                            return Ok(d.clone());
                        }
                    }
                    return Err(e);
                }
            }
        }
        None => {
            let ty = o.ty();
            let n = if ty.tp_itemsize != 0 {
                // SAFETY: variable-size objects have a PyVarObject header.
                unsafe { (*(o.as_ptr() as *const PyVarObject)).ob_size.get() }.unsigned_abs()
            } else {
                0
            };
            (ty.tp_basicsize.get() + ty.tp_itemsize * n) as i64
        }
    };
    if size < 0 {
        return Err(PyErr::value_error("__sizeof__() should return >= 0"));
    }
    let gc = if o.ty().has_gc() {
        GC_HEAD_SIZE as i64
    } else {
        0
    };
    // CPython 3.11 keeps a heap instance's dict in two words before the
    // object (`Py_TPFLAGS_MANAGED_DICT`, `_PyType_PreHeaderSize`); Taipan
    // keeps one pointer inside it, counted in the basic size: add the
    // difference.
    let ty = o.ty();
    let managed = if ty.is_heap_type() && ty.tp_itemsize == 0 && ty.tp_dictoffset.get() > 0 {
        8
    } else {
        0
    };
    int(size + gc + managed)
}

fn sys_getrecursionlimit(_m: &PyRef) -> PyResult<PyRef> {
    int(crate::eval::recursion::limit() as i64)
}

fn sys_setrecursionlimit(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    if o.is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = crate::objects::int::as_c_int(o)? as i64;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = crate::eval::recursion::depth() as i64;
    if n <= depth {
        return Err(PyErr::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    crate::eval::recursion::set_limit(n.min(u32::MAX as i64) as u32);
    Ok(none())
}

fn sys_getallocatedblocks(_m: &PyRef) -> PyResult<PyRef> {
    int(crate::object::allocated_blocks() as i64)
}

fn sys_debugmallocstats(_m: &PyRef) -> PyResult<PyRef> {
    write_stderr(&crate::object::debug_malloc_stats());
    Ok(none())
}

fn sys_intern(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    match o.downcast_exact::<PyStr>() {
        Some(st) => Ok(crate::objects::str::intern(st.as_str())),
        None => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            o.ty().name()
        ))),
    }
}

/// `sys.get_int_max_str_digits()` for the int conversions (0: no limit); the
/// value lives in `objects::int::MAX_STR_DIGITS`, which the conversions read.
pub fn int_max_str_digits() -> i64 {
    crate::objects::int::MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed) as i64
}

fn sys_get_int_max_str_digits(_m: &PyRef) -> PyResult<PyRef> {
    int(int_max_str_digits())
}

fn sys_set_int_max_str_digits(
    _m: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<PyRef> {
    let a = parse("set_int_max_str_digits", args, kwnames, &["maxdigits"], 1)?;
    let v = a[0]
        .clone()
        .ok_or_else(|| PyErr::system_error("maxdigits"))?;
    let n = crate::objects::int::as_i64(&v)?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::objects::int::MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(none())
}

fn current_exception() -> Option<PyRef> {
    // SAFETY: GIL held; plain read of a fn pointer.
    let hook = unsafe { *EXC_INFO_HOOK.as_ptr() };
    match hook {
        Some(h) => h(),
        None => crate::eval::ceval::exc_info(),
    }
}

fn sys_exc_info(_m: &PyRef) -> PyResult<PyRef> {
    match current_exception() {
        Some(e) => {
            let tb = crate::objects::exceptions::get_traceback(&e).unwrap_or_else(none);
            PyTuple::new(vec![e.type_ref(), e, tb])
        }
        None => PyTuple::new(vec![none(), none(), none()]),
    }
}

fn sys_exception(_m: &PyRef) -> PyResult<PyRef> {
    Ok(current_exception().unwrap_or_else(none))
}

fn sys_getframe(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_getframe", args.len(), 0, 1)?;
    let depth = match args.first() {
        Some(d) => crate::objects::int::as_i64(d)?,
        None => 0,
    };
    // SAFETY: GIL held; plain read of a fn pointer.
    match unsafe { *GETFRAME_HOOK.as_ptr() } {
        Some(h) => h(depth),
        None => Err(PyErr::value_error("call stack is not deep enough")),
    }
}

fn sys_getdefaultencoding(_m: &PyRef) -> PyResult<PyRef> {
    s("utf-8")
}

fn sys_getfilesystemencoding(_m: &PyRef) -> PyResult<PyRef> {
    s("utf-8")
}

fn sys_getfilesystemencodeerrors(_m: &PyRef) -> PyResult<PyRef> {
    s("surrogateescape")
}

// ---------------------------------------------------------------------------
// displayhook, switch interval, dlopen flags, finalization, frames.

/// `sys.displayhook(value)` (`sys_displayhook`): prints `repr(value)` and
/// a newline to `sys.stdout` and binds it to `builtins._`; None is not
/// shown. `_` is set to None first, so printing cannot see the old value.
fn sys_displayhook(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let builtins = crate::interp::interp()
        .builtins
        .clone()
        .ok_or_else(|| PyErr::runtime_error("lost builtins module"))?;
    if o.is_none() {
        return Ok(none());
    }
    protocol::setattr(&builtins, crate::intern!("_"), Some(&none()))?;
    let out = get_attr("stdout")?
        .filter(|s| !s.is_none())
        .ok_or_else(|| PyErr::runtime_error("lost sys.stdout"))?;
    let r = protocol::repr(o)?;
    match protocol::call_method(&out, "write", std::slice::from_ref(&r)) {
        Ok(_) => {}
        Err(e) if e.matches(&crate::objects::exceptions::UNICODE_ENCODE_ERROR) => {
            displayhook_unencodable(&out, &r)?
        }
        Err(e) => return Err(e),
    }
    protocol::call_method(&out, "write", &[PyStr::new("\n")?])?;
    protocol::setattr(&builtins, crate::intern!("_"), Some(o))?;
    Ok(none())
}

/// `sys_displayhook_unencodable`: a repr the stream cannot encode is
/// written with `backslashreplace`, to the binary buffer if there is one.
fn displayhook_unencodable(out: &PyRef, r: &PyRef) -> PyResult<()> {
    let enc = protocol::getattr(out, crate::intern!("encoding"))?;
    let bytes =
        protocol::call_method(r, "encode", &[enc.clone(), PyStr::new("backslashreplace")?])?;
    match protocol::lookup_attr(out, crate::intern!("buffer"))? {
        Some(buf) => {
            protocol::call_method(&buf, "write", &[bytes])?;
            protocol::call_method(&buf, "flush", &[])?;
        }
        None => {
            let text = protocol::call_method(&bytes, "decode", &[enc, PyStr::new("strict")?])?;
            protocol::call_method(out, "write", &[text])?;
        }
    }
    Ok(())
}

static DISPLAYHOOK: MethodDef = MethodDef::new("displayhook", Meth::O(sys_displayhook));

/// The thread switch interval in seconds (`sys.setswitchinterval`). Taipan
/// runs one thread at a time and keeps the value for `getswitchinterval`.
static SWITCH_INTERVAL: GilCell<f64> = GilCell::new(0.005);

fn sys_getswitchinterval(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: GIL held; plain read.
    PyFloat::new(unsafe { *SWITCH_INTERVAL.as_ptr() })
}

fn sys_setswitchinterval(_m: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let x = crate::objects::float::as_f64(v)?;
    if x.is_nan() || x <= 0.0 {
        return Err(PyErr::value_error(
            "switch interval must be strictly positive",
        ));
    }
    // SAFETY: GIL held; plain write.
    unsafe { *SWITCH_INTERVAL.as_ptr() = x };
    Ok(none())
}

/// `dlopen` flags for extension modules (`RTLD_NOW` by default); Taipan
/// loads none, but keeps the value as CPython does.
static DLOPEN_FLAGS: GilCell<i64> = GilCell::new(libc::RTLD_NOW as i64);

fn sys_getdlopenflags(_m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: GIL held; plain read.
    PyInt::new(unsafe { *DLOPEN_FLAGS.as_ptr() })
}

fn sys_setdlopenflags(_m: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let n = crate::objects::int::as_c_int(v)?;
    // SAFETY: GIL held; plain write.
    unsafe { *DLOPEN_FLAGS.as_ptr() = n as i64 };
    Ok(none())
}

/// Set once the exit functions have run and the interpreter is tearing
/// the program down (`_Py_IsFinalizing`).
static FINALIZING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks the start (or, for a new program in the same process, the end)
/// of interpreter finalization.
pub fn set_finalizing(on: bool) {
    FINALIZING.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn sys_is_finalizing(_m: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(
        FINALIZING.load(std::sync::atomic::Ordering::Relaxed),
    ))
}

/// `sys.call_tracing(func, args)`: `func(*args)` (there is no tracing to
/// suspend).
fn sys_call_tracing(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "call_tracing expected 2 arguments, got {}",
            args.len()
        )));
    }
    let t = args[1].downcast::<PyTuple>().ok_or_else(|| {
        PyErr::type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            args[1].ty().name()
        ))
    })?;
    protocol::call(&args[0], t.items(), None)
}

/// `sys._current_frames()`: each thread's innermost frame; here the one
/// thread that runs Python code, seen from the caller's frame.
fn sys_current_frames(m: &PyRef) -> PyResult<PyRef> {
    let d = PyDict::new()?;
    if let Ok(f) = sys_getframe(m, &[PyInt::new(0)?]) {
        // SAFETY: just made a dict.
        unsafe { d.payload_unchecked::<PyDict>() }
            .set_item(PyInt::new(crate::modules::_thread::get_ident() as i64)?, f)?;
    }
    Ok(d)
}

/// `sys._current_exceptions()`: each thread's `exc_info()` (3.11 gives the
/// triple, `(None, None, None)` when none is being handled).
fn sys_current_exceptions(m: &PyRef) -> PyResult<PyRef> {
    let d = PyDict::new()?;
    // SAFETY: just made a dict.
    unsafe { d.payload_unchecked::<PyDict>() }.set_item(
        PyInt::new(crate::modules::_thread::get_ident() as i64)?,
        sys_exc_info(m)?,
    )?;
    Ok(d)
}

/// `sys.thread_info.version`: the C library's thread implementation
/// (`confstr(_CS_GNU_LIBPTHREAD_VERSION)`), None if it gives none.
fn libpthread_version() -> PyResult<PyRef> {
    let mut buf = [0u8; 64];
    // SAFETY: the buffer and its length are valid; confstr writes at most that many bytes, NUL-terminated.
    let n = unsafe {
        libc::confstr(
            libc::_CS_GNU_LIBPTHREAD_VERSION,
            buf.as_mut_ptr().cast(),
            buf.len(),
        )
    };
    if n == 0 || n > buf.len() {
        return Ok(none());
    }
    PyStr::new(&String::from_utf8_lossy(&buf[..n - 1]))
}

/// The audit hooks added by `sys.addaudithook` (PEP 578), called in order.
static AUDIT_HOOKS: GilCell<Vec<PyRef>> = GilCell::new(Vec::new());

/// `sys.addaudithook(hook)`.
fn sys_addaudithook(_m: &PyRef, hook: &PyRef) -> PyResult<PyRef> {
    // CPython first raises the "sys.addaudithook" event; a hook may refuse
    // with RuntimeError, which is then swallowed and the hook not added.
    let ev = PyStr::new("sys.addaudithook")?;
    if let Err(e) = run_audit_hooks(&ev, &crate::objects::tuple::empty_tuple()) {
        if e.matches(&crate::objects::exceptions::RUNTIME_ERROR) {
            return Ok(none());
        }
        return Err(e);
    }
    // SAFETY: GIL held; no borrow of the list is alive.
    unsafe { AUDIT_HOOKS.get_mut() }.push(hook.clone());
    Ok(none())
}

fn run_audit_hooks(event: &PyRef, args: &PyRef) -> PyResult<()> {
    // SAFETY: GIL held; a snapshot, so hooks may add hooks.
    let hooks: Vec<PyRef> = unsafe { (*AUDIT_HOOKS.as_ptr()).clone() };
    for h in hooks {
        protocol::call(&h, &[event.clone(), args.clone()], None)?;
    }
    Ok(())
}

/// `PySys_Audit`: runs the audit hooks for a native event (nothing happens
/// when no hook was added).
pub fn audit(event: &str, args: &[PyRef]) -> PyResult<()> {
    // SAFETY: GIL held; a short read.
    if unsafe { (*AUDIT_HOOKS.as_ptr()).is_empty() } {
        return Ok(());
    }
    let ev = PyStr::new(event)?;
    let rest = PyTuple::from_slice(args)?;
    run_audit_hooks(&ev, &rest)
}

/// `sys.audit(event, *args)`: calls every audit hook with the event name and
/// the arguments as a tuple (nothing happens when no hook was added).
fn sys_audit(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let event = match args.first() {
        Some(e) => e,
        None => {
            return Err(PyErr::type_error(
                "audit() missing 1 required positional argument: 'event'",
            ))
        }
    };
    if !event.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "expected str for argument 'event', not {}",
            event.ty().name()
        )));
    }
    // SAFETY: GIL held; a short read.
    if unsafe { (*AUDIT_HOOKS.as_ptr()).is_empty() } {
        return Ok(none());
    }
    let rest = PyTuple::from_slice(&args[1..])?;
    run_audit_hooks(event, &rest)?;
    Ok(none())
}

/// `sys.settrace` / `sys.setprofile`: Taipan's loop has no tracing hook
/// yet, so only None (no tracer, what `doctest` and `bdb` restore) is
/// accepted; a function raises instead of being silently ignored.
fn set_tracer(what: &str, f: &PyRef) -> PyResult<PyRef> {
    if f.is_none() {
        return Ok(none());
    }
    Err(PyErr::not_implemented_error(format!(
        "sys.{what}() with a function: Taipan's evaluation loop has no tracing hook yet"
    )))
}

static SYS_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("exit", Meth::Fast(sys_exit)),
    MethodDef::new("audit", Meth::Fast(sys_audit)),
    MethodDef::new("addaudithook", Meth::O(sys_addaudithook)),
    MethodDef::new("getrefcount", Meth::O(sys_getrefcount)),
    MethodDef::new("getsizeof", Meth::FastKw(sys_getsizeof)),
    MethodDef::new("getrecursionlimit", Meth::NoArgs(sys_getrecursionlimit)),
    MethodDef::new("setrecursionlimit", Meth::O(sys_setrecursionlimit)),
    MethodDef::new("getallocatedblocks", Meth::NoArgs(sys_getallocatedblocks)),
    MethodDef::new("_debugmallocstats", Meth::NoArgs(sys_debugmallocstats)),
    MethodDef::new("intern", Meth::O(sys_intern)),
    MethodDef::new(
        "get_int_max_str_digits",
        Meth::NoArgs(sys_get_int_max_str_digits),
    ),
    MethodDef::new(
        "set_int_max_str_digits",
        Meth::FastKw(sys_set_int_max_str_digits),
    ),
    MethodDef::new("exc_info", Meth::NoArgs(sys_exc_info)),
    MethodDef::new("exception", Meth::NoArgs(sys_exception)),
    MethodDef::new("_getframe", Meth::Fast(sys_getframe)),
    MethodDef::new("getdefaultencoding", Meth::NoArgs(sys_getdefaultencoding)),
    MethodDef::new(
        "getfilesystemencoding",
        Meth::NoArgs(sys_getfilesystemencoding),
    ),
    MethodDef::new(
        "getfilesystemencodeerrors",
        Meth::NoArgs(sys_getfilesystemencodeerrors),
    ),
    MethodDef::new("getswitchinterval", Meth::NoArgs(sys_getswitchinterval)),
    MethodDef::new("setswitchinterval", Meth::O(sys_setswitchinterval)),
    MethodDef::new("getdlopenflags", Meth::NoArgs(sys_getdlopenflags)),
    MethodDef::new("setdlopenflags", Meth::O(sys_setdlopenflags)),
    MethodDef::new("is_finalizing", Meth::NoArgs(sys_is_finalizing)),
    MethodDef::new("gettrace", Meth::NoArgs(|_| Ok(none()))),
    MethodDef::new("getprofile", Meth::NoArgs(|_| Ok(none()))),
    MethodDef::new("settrace", Meth::O(|_, f| set_tracer("settrace", f))),
    MethodDef::new("setprofile", Meth::O(|_, f| set_tracer("setprofile", f))),
    MethodDef::new("call_tracing", Meth::Fast(sys_call_tracing)),
    MethodDef::new("_current_frames", Meth::NoArgs(sys_current_frames)),
    MethodDef::new("_current_exceptions", Meth::NoArgs(sys_current_exceptions)),
];

/// `sys.path`: the script's directory (set later by the CLI, through
/// [`set_path0`]), `PYTHONPATH`, then the standard library.
fn initial_path() -> Vec<String> {
    let mut v = Vec::new();
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        for p in pp.split(':').filter(|p| !p.is_empty()) {
            v.push(p.to_owned());
        }
    }
    let home = std::env::var("PYTHONHOME").unwrap_or_else(|_| "/usr".to_owned());
    v.push(format!("{home}/lib/python3.11"));
    v.push(format!("{home}/lib/python3.11/lib-dynload"));
    v
}

/// Puts the script's directory (or "" for `-c`) first in `sys.path`.
pub fn set_path0(dir: &str) -> PyResult<()> {
    if let Some(p) = get_attr("path")? {
        if let Some(l) = p.downcast::<PyList>() {
            l.insert(0, PyStr::new(dir)?);
        }
    }
    Ok(())
}

fn structseq(ty: &'static PyType, items: Vec<PyRef>) -> PyResult<PyRef> {
    PyTuple::new_in(ty, items)
}

/// Creates the `sys` module and stores it in the interpreter.
pub fn init() -> PyResult<()> {
    let m = PyModule::new("sys")?;
    PyModule::add_functions(&m, SYS_FUNCTIONS)?;
    let interp = crate::interp::interp();
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    let modules = interp.modules.clone();
    md.with_dict(|d: &PyDict| -> PyResult<()> {
        d.set_str("modules", modules.clone())?;
        crate::run::add_sys_excepthook(&m, d)?;
        let uh = crate::objects::descr::new_cfunction(
            &UNRAISABLEHOOK,
            Some(m.clone()),
            Some(PyStr::new("sys")?),
        )?;
        d.set_str("unraisablehook", uh.clone())?;
        d.set_str("__unraisablehook__", uh)?;
        let dh = crate::objects::descr::new_cfunction(
            &DISPLAYHOOK,
            Some(m.clone()),
            Some(PyStr::new("sys")?),
        )?;
        d.set_str("displayhook", dh.clone())?;
        d.set_str("__displayhook__", dh)?;
        // SAFETY: GIL held; short read.
        let argv: Vec<String> = unsafe { (*ARGV.as_ptr()).clone() };
        let argv = if argv.is_empty() {
            vec![String::new()]
        } else {
            argv
        };
        let items: PyResult<Vec<PyRef>> = argv.iter().map(|a| PyStr::new(a)).collect();
        d.set_str("argv", PyList::new(items?)?)?;
        d.set_str("orig_argv", PyList::new(vec![])?)?;
        let path: PyResult<Vec<PyRef>> = initial_path().iter().map(|a| PyStr::new(a)).collect();
        d.set_str("path", PyList::new(path?)?)?;
        d.set_str("meta_path", PyList::new(vec![])?)?;
        d.set_str("path_hooks", PyList::new(vec![])?)?;
        d.set_str("path_importer_cache", PyDict::new()?)?;
        d.set_str("version", s("3.11.2 (main, taipan) [Rust]")?)?;
        d.set_str("hexversion", int(0x030B02F0)?)?;
        d.set_str("api_version", int(1013)?)?;
        d.set_str(
            "version_info",
            structseq(
                &VERSION_INFO_TYPE,
                vec![int(3)?, int(11)?, int(2)?, s("final")?, int(0)?],
            )?,
        )?;
        let imp = PyDict::new()?;
        {
            // SAFETY: just made a dict.
            let id = unsafe { imp.payload_unchecked::<PyDict>() };
            id.set_str("name", s("taipan")?)?;
            id.set_str("cache_tag", none())?;
            id.set_str(
                "version",
                structseq(
                    &IMPLEMENTATION_VERSION_TYPE,
                    vec![int(0)?, int(1)?, int(0)?, s("alpha")?, int(0)?],
                )?,
            )?;
            id.set_str("hexversion", int(0x000100A0)?)?;
            id.set_str("_multiarch", s("x86_64-linux-gnu")?)?;
        }
        // A `types.SimpleNamespace`, as CPython's.
        let impl_ns = crate::objects::namespace::new_namespace(Vec::new())?;
        let ns_dict = crate::objects::namespace::dict_of(&impl_ns)?;
        // SAFETY: the implementation namespace built above is a dict.
        for (k, v) in unsafe { imp.payload_unchecked::<PyDict>() }.items() {
            // SAFETY: a namespace's dict is a dict.
            unsafe { ns_dict.payload_unchecked::<PyDict>() }.set_item(k, v)?;
        }
        d.set_str("implementation", impl_ns)?;
        d.set_str("platform", s("linux")?)?;
        // The notice of the Python these programs are written for (the
        // stdlib's `copyright()` shows it).
        d.set_str(
            "copyright",
            s(
                "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n\
               Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n\
               Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n\
               All Rights Reserved.\n\n\
               Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n\
               All Rights Reserved.",
            )?,
        )?;
        d.set_str(
            "byteorder",
            s(if cfg!(target_endian = "little") {
                "little"
            } else {
                "big"
            })?,
        )?;
        d.set_str("maxsize", int(isize::MAX as i64)?)?;
        d.set_str("maxunicode", int(0x10FFFF)?)?;
        let exe = std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        d.set_str("executable", s(&exe)?)?;
        d.set_str("_base_executable", s(&exe)?)?;
        let home = std::env::var("PYTHONHOME").unwrap_or_else(|_| "/usr".to_owned());
        for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
            d.set_str(k, s(&home)?)?;
        }
        d.set_str("platlibdir", s("lib")?)?;
        d.set_str("_stdlib_dir", s(&format!("{home}/lib/python3.11"))?)?;
        d.set_str("_home", none())?;
        d.set_str("_framework", s("")?)?;
        d.set_str(
            "thread_info",
            structseq(
                &THREAD_INFO_TYPE,
                vec![s("pthread")?, s("semaphore")?, libpthread_version()?],
            )?,
        )?;
        d.set_str("pycache_prefix", none())?;
        d.set_str("dont_write_bytecode", py_bool(true))?;
        // Real TextIOWrappers from `_io` (the native fallback if they
        // cannot be made).
        let std = |fd: u8| crate::modules::_io::make_std_stream(fd).or_else(|_| new_stream(fd));
        let stdin = std(0)?;
        let stdout = std(1)?;
        let stderr = std(2)?;
        d.set_str("stdin", stdin.clone())?;
        d.set_str("stdout", stdout.clone())?;
        d.set_str("stderr", stderr.clone())?;
        d.set_str("__stdin__", stdin)?;
        d.set_str("__stdout__", stdout)?;
        d.set_str("__stderr__", stderr)?;
        let zero = int(0)?;
        let env_set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        let mut flags = vec![zero.clone(); 17];
        flags[3] = int(i64::from(crate::run::optimize_level()))?;
        flags[4] = int(i64::from(env_set("PYTHONDONTWRITEBYTECODE")))?;
        let seed0 = std::env::var("PYTHONHASHSEED").is_ok_and(|v| v == "0");
        flags[11] = int(i64::from(!seed0))?; // hash_randomization
        flags[13] = py_bool(false); // dev_mode
                                    // UTF-8 mode is on by default under the C/POSIX locale (PEP 540).
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_else(|| "C".to_owned());
        let utf8 = std::env::var("PYTHONUTF8")
            .map(|v| v == "1")
            .unwrap_or(false)
            || locale == "C"
            || locale == "POSIX";
        flags[14] = int(i64::from(utf8))?;
        flags[16] = py_bool(false); // safe_path
        flags.push(int(-1)?); // int_max_str_digits: not set by -X / the environment
        d.set_str("flags", structseq(&FLAGS_TYPE, flags)?)?;
        d.set_str(
            "float_info",
            structseq(
                &FLOAT_INFO_TYPE,
                vec![
                    PyFloat::new(f64::MAX)?,
                    int(f64::MAX_EXP as i64)?,
                    int(f64::MAX_10_EXP as i64)?,
                    PyFloat::new(f64::MIN_POSITIVE)?,
                    int(f64::MIN_EXP as i64)?,
                    int(f64::MIN_10_EXP as i64)?,
                    int(f64::DIGITS as i64)?,
                    int(f64::MANTISSA_DIGITS as i64)?,
                    PyFloat::new(f64::EPSILON)?,
                    int(2)?,
                    int(1)?,
                ],
            )?,
        )?;
        d.set_str(
            "int_info",
            structseq(
                &INT_INFO_TYPE,
                vec![int(30)?, int(4)?, int(4300)?, int(640)?],
            )?,
        )?;
        d.set_str(
            "hash_info",
            structseq(
                &HASH_INFO_TYPE,
                vec![
                    int(64)?,
                    int((1i64 << 61) - 1)?,
                    int(314159)?,
                    int(0)?,
                    int(1000003)?,
                    s("siphash13")?,
                    int(64)?,
                    int(128)?,
                    int(0)?,
                ],
            )?,
        )?;
        let names: PyResult<Vec<PyRef>> = crate::import::builtin_module_names()
            .iter()
            .map(|n| PyStr::new(n))
            .collect();
        d.set_str("builtin_module_names", PyTuple::new(names?)?)?;
        d.set_str("float_repr_style", s("short")?)?;
        d.set_str("abiflags", s("")?)?;
        let warnoptions: Vec<PyRef> = WARNOPTIONS
            .lock()
            .map(|w| w.clone())
            .unwrap_or_default()
            .iter()
            .map(|w| PyStr::new(w))
            .collect::<PyResult<_>>()?;
        d.set_str("warnoptions", PyList::new(warnoptions)?)?;
        d.set_str("_xoptions", PyDict::new()?)?;
        d.set_str("_git", PyTuple::new(vec![s("taipan")?, s("")?, s("")?])?)?;
        Ok(())
    })?;
    // SAFETY: modules is a dict.
    unsafe { interp.modules.payload_unchecked::<PyDict>() }.set_str("sys", m.clone())?;
    interp.sys = Some(m);
    Ok(())
}
