//! The exceptions that carry attributes of their own (CPython's
//! `Objects/exceptions.c` member tables, `__init__`s and `__str__`s):
//! `StopIteration.value`, `SystemExit.code`, `ImportError.name/path/msg`,
//! `OSError` (errno, strerror, filenames, the subclass chosen by errno),
//! `SyntaxError`, `NameError.name`, `AttributeError.name/obj`, the Unicode
//! errors, and `BaseExceptionGroup` / `ExceptionGroup` (`exceptions`,
//! `message`, `split`, `subgroup`, `derive`). The values live in the
//! exception payload's `extra` slots, by the indices below.

use crate::object::protocol;
use crate::object::*;
use crate::objects::exceptions::{
    self as exc, exc_payload, getset, positional, PyBaseException, BASE_EXCEPTION,
};
use crate::objects::int::PyInt;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

fn member_get<const I: usize>(o: &PyRef) -> PyResult<PyRef> {
    Ok(exc_payload(o)?.extra_get(I).unwrap_or_else(none))
}

fn member_set<const I: usize>(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    exc_payload(o)?.extra_set(I, v.cloned());
    Ok(())
}

macro_rules! members {
    ($stat:ident: $($i:literal => $name:literal),* $(,)?) => {
        pub static $stat: &[GetSetDef] = &[$(getset($name, member_get::<$i>, member_set::<$i>)),*];
    };
}

members!(STOP_ITERATION_GETSET: 0 => "value");
members!(SYSTEM_EXIT_GETSET: 0 => "code");
members!(IMPORT_ERROR_GETSET: 0 => "msg", 1 => "name", 2 => "path");
members!(OS_ERROR_GETSET: 0 => "errno", 1 => "strerror", 2 => "filename", 3 => "filename2", 4 => "characters_written");
members!(SYNTAX_ERROR_GETSET: 0 => "msg", 1 => "filename", 2 => "lineno", 3 => "offset", 4 => "text",
    5 => "end_lineno", 6 => "end_offset", 7 => "print_file_and_line");
members!(NAME_ERROR_GETSET: 0 => "name");
members!(ATTRIBUTE_ERROR_GETSET: 0 => "name", 1 => "obj");
members!(UNICODE_ERROR_GETSET: 0 => "encoding", 1 => "object", 2 => "start", 3 => "end", 4 => "reason");

/// Records `name` and `obj` on an AttributeError.
pub fn set_name_obj(e: &PyErr, name: &PyRef, obj: &PyRef) {
    if let Some(p) = e.value().downcast::<PyBaseException>() {
        if e.matches(&exc::ATTRIBUTE_ERROR) {
            p.extra_set(0, Some(name.clone()));
            p.extra_set(1, Some(obj.clone()));
        }
    }
}

/// Records `name` on a NameError.
pub fn set_name(e: &PyErr, name: &PyRef) {
    if let Some(p) = e.value().downcast::<PyBaseException>() {
        if e.matches(&exc::NAME_ERROR) {
            p.extra_set(0, Some(name.clone()));
        }
    }
}

/// Keyword arguments of an exception constructor: takes the allowed names,
/// rejects others as CPython does.
fn take_kwargs(
    obj: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    allowed: &[&str],
) -> PyResult<Vec<Option<PyRef>>> {
    let mut out = vec![None; allowed.len()];
    let names = match kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        Some(t) => t.items().to_vec(),
        None => return Ok(out),
    };
    let npos = args.len().saturating_sub(names.len());
    for (i, n) in names.iter().enumerate() {
        let s = crate::objects::descr::name_str(n);
        match allowed.iter().position(|a| *a == s) {
            Some(j) => out[j] = args.get(npos + i).cloned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{s}' is an invalid keyword argument for {}()",
                    obj.ty().name()
                )))
            }
        }
    }
    Ok(out)
}

fn no_kwargs(obj: &PyRef, kwnames: Option<&PyRef>) -> PyResult<()> {
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            obj.ty().name()
        )));
    }
    Ok(())
}

fn set_args<'a>(obj: &'a PyRef, args: &[PyRef]) -> PyResult<&'a PyBaseException> {
    let p = exc_payload(obj)?;
    p.set_args(PyTuple::from_slice(args)?);
    Ok(p)
}

pub fn stop_iteration_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    no_kwargs(obj, kwnames)?;
    let p = set_args(obj, args)?;
    p.extra_set(0, Some(args.first().cloned().unwrap_or_else(none)));
    Ok(())
}

pub fn system_exit_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    no_kwargs(obj, kwnames)?;
    let p = set_args(obj, args)?;
    let code = match args.len() {
        0 => none(),
        1 => args[0].clone(),
        _ => p.args(),
    };
    p.extra_set(0, Some(code));
    Ok(())
}

pub fn import_error_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let kw = take_kwargs(obj, args, kwnames, &["name", "path"])?;
    let pos = positional(args, kwnames);
    let p = set_args(obj, pos)?;
    p.extra_set(1, kw[0].clone());
    p.extra_set(2, kw[1].clone());
    p.extra_set(
        0,
        if pos.len() == 1 {
            Some(pos[0].clone())
        } else {
            None
        },
    );
    Ok(())
}

pub fn import_error_str(obj: &PyRef) -> PyResult<PyRef> {
    match exc_payload(obj)?.extra_get(0) {
        Some(m) if !m.is_none() => protocol::str_(&m),
        _ => exc::exc_str(obj),
    }
}

pub fn key_error_str(obj: &PyRef) -> PyResult<PyRef> {
    let args = exc_payload(obj)?.args();
    // SAFETY: args is a tuple.
    let items = unsafe { crate::objects::tuple::tuple_items_unchecked(&args) };
    if items.len() == 1 {
        return protocol::repr(&items[0]);
    }
    exc::exc_str(obj)
}

pub fn name_error_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let kw = take_kwargs(obj, args, kwnames, &["name"])?;
    let p = set_args(obj, positional(args, kwnames))?;
    p.extra_set(0, kw[0].clone());
    Ok(())
}

pub fn attribute_error_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let kw = take_kwargs(obj, args, kwnames, &["name", "obj"])?;
    let p = set_args(obj, positional(args, kwnames))?;
    p.extra_set(0, kw[0].clone());
    p.extra_set(1, kw[1].clone());
    Ok(())
}

// ---------------------------------------------------------------------------
// OSError.

/// The `OSError` subclass for an errno (Linux numbers), as CPython's
/// `errnomap`.
pub fn errno_subclass(errno: i64) -> &'static PyType {
    match errno {
        11 | 114 | 115 => &exc::BLOCKING_IO_ERROR,
        10 => &exc::CHILD_PROCESS_ERROR,
        32 | 108 => &exc::BROKEN_PIPE_ERROR,
        103 => &exc::CONNECTION_ABORTED_ERROR,
        111 => &exc::CONNECTION_REFUSED_ERROR,
        104 => &exc::CONNECTION_RESET_ERROR,
        17 => &exc::FILE_EXISTS_ERROR,
        2 => &exc::FILE_NOT_FOUND_ERROR,
        21 => &exc::IS_A_DIRECTORY_ERROR,
        20 => &exc::NOT_A_DIRECTORY_ERROR,
        4 => &exc::INTERRUPTED_ERROR,
        1 | 13 => &exc::PERMISSION_ERROR,
        3 => &exc::PROCESS_LOOKUP_ERROR,
        110 => &exc::TIMEOUT_ERROR,
        _ => &exc::OS_ERROR,
    }
}

/// The type `OSError(*args)` really makes.
pub fn os_error_subclass(args: &[PyRef]) -> &'static PyType {
    if (2..=5).contains(&args.len()) {
        if let Some(n) = args[0].downcast_exact::<PyInt>().and_then(|i| i.as_i64()) {
            return errno_subclass(n);
        }
    }
    &exc::OS_ERROR
}

pub fn os_error_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let pos = positional(args, kwnames);
    if cls.is_static(&exc::OS_ERROR) {
        let t = os_error_subclass(pos);
        if !std::ptr::eq(t, &exc::OS_ERROR) {
            return exc::exc_new(&t.as_pyref(), args, kwnames);
        }
    }
    exc::exc_new(cls, args, kwnames)
}

pub fn os_error_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    no_kwargs(obj, kwnames)?;
    let p = set_args(obj, args)?;
    if (2..=5).contains(&args.len()) {
        p.extra_set(0, Some(args[0].clone()));
        p.extra_set(1, Some(args[1].clone()));
        if let Some(f) = args.get(2) {
            if !f.is_none() {
                p.extra_set(2, Some(f.clone()));
                if let Some(f2) = args.get(4) {
                    if !f2.is_none() {
                        p.extra_set(3, Some(f2.clone()));
                    }
                }
                p.set_args(PyTuple::from_slice(&args[..2])?);
            }
        }
    }
    Ok(())
}

pub fn os_error_str(obj: &PyRef) -> PyResult<PyRef> {
    let p = exc_payload(obj)?;
    let get = |i| p.extra_get(i).filter(|v| !v.is_none());
    let (errno, strerror) = (get(0), get(1));
    let es = |v: &Option<PyRef>| -> PyResult<String> {
        match v {
            Some(v) => protocol::str_string(v),
            None => Ok("None".to_owned()),
        }
    };
    if let Some(f) = get(2) {
        let head = format!(
            "[Errno {}] {}: {}",
            es(&errno)?,
            es(&strerror)?,
            protocol::repr_string(&f)?
        );
        return match get(3) {
            Some(f2) => PyStr::new(&format!("{head} -> {}", protocol::repr_string(&f2)?)),
            None => PyStr::new(&head),
        };
    }
    if errno.is_some() && strerror.is_some() {
        return PyStr::new(&format!("[Errno {}] {}", es(&errno)?, es(&strerror)?));
    }
    exc::exc_str(obj)
}

/// The `OSError` (subclass) for an I/O error, as `PyErr_SetFromErrnoWithFilename`.
pub fn os_error_from_io(err: &std::io::Error, filename: Option<&str>) -> PyErr {
    let Some(code) = err.raw_os_error() else {
        return PyErr::os_error(err.to_string());
    };
    let text = err.to_string();
    let strerror = match text.rfind(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    let mut args = Vec::new();
    match (PyInt::new(code as i64), PyStr::new(&strerror)) {
        (Ok(a), Ok(b)) => {
            args.push(a);
            args.push(b);
        }
        (Err(e), _) | (_, Err(e)) => return e,
    }
    if let Some(f) = filename {
        match PyStr::new(f) {
            Ok(s) => args.push(s),
            Err(e) => return e,
        }
    }
    PyErr::with_args(errno_subclass(code as i64), &args)
}

// ---------------------------------------------------------------------------
// SyntaxError.

pub fn syntax_error_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    no_kwargs(obj, kwnames)?;
    let p = set_args(obj, args)?;
    if let Some(m) = args.first() {
        p.extra_set(0, Some(m.clone()));
    }
    if args.len() == 2 {
        let info = protocol::collect(&args[1])?;
        if info.len() < 4 || info.len() > 6 {
            return Err(PyErr::index_error("tuple index out of range"));
        }
        for (i, v) in info.into_iter().enumerate() {
            p.extra_set(1 + i, Some(v));
        }
    }
    Ok(())
}

pub fn syntax_error_str(obj: &PyRef) -> PyResult<PyRef> {
    let p = exc_payload(obj)?;
    let msg = match p.extra_get(0) {
        Some(m) => protocol::str_string(&m)?,
        None => protocol::str_string(&none())?,
    };
    let filename = p
        .extra_get(1)
        .and_then(|f| f.downcast::<PyStr>().map(|s| s.as_str().to_owned()))
        .map(|f| match f.rfind('/') {
            Some(i) => f[i + 1..].to_owned(),
            None => f,
        });
    let lineno = p
        .extra_get(2)
        .and_then(|l| l.downcast::<PyInt>().and_then(|i| i.as_i64()));
    PyStr::new(&match (filename, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    })
}

// ---------------------------------------------------------------------------
// Unicode errors.

fn check_str(v: &PyRef, n: usize) -> PyResult<()> {
    if v.is_instance_of::<PyStr>() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "argument {n} must be str, not {}",
            v.ty().name()
        )))
    }
}

fn check_int(v: &PyRef) -> PyResult<()> {
    if v.is_instance_of::<PyInt>() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name()
        )))
    }
}

fn unicode_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>, n: usize) -> PyResult<()> {
    no_kwargs(obj, kwnames)?;
    let p = set_args(obj, args)?;
    if args.len() != n {
        return Err(PyErr::type_error(format!(
            "function takes exactly {n} arguments ({} given)",
            args.len()
        )));
    }
    // Encode/decode: (encoding, object, start, end, reason);
    // translate: (object, start, end, reason).
    let off = 5 - n;
    for (i, a) in args.iter().enumerate() {
        p.extra_set(i + off, Some(a.clone()));
    }
    Ok(())
}

pub fn unicode_decode_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    if args.len() == 5 {
        check_str(&args[0], 1)?;
        let tn = args[1].ty().static_base().tp_name;
        if tn != "bytes" && tn != "bytearray" {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                args[1].ty().name()
            )));
        }
        check_int(&args[2])?;
        check_int(&args[3])?;
        check_str(&args[4], 5)?;
    }
    unicode_init(obj, args, kwnames, 5)
}

pub fn unicode_encode_init(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    if args.len() == 5 {
        check_str(&args[0], 1)?;
        check_str(&args[1], 2)?;
        check_int(&args[2])?;
        check_int(&args[3])?;
        check_str(&args[4], 5)?;
    }
    unicode_init(obj, args, kwnames, 5)
}

pub fn unicode_translate_init(
    obj: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<()> {
    if args.len() == 4 {
        check_str(&args[0], 1)?;
        check_int(&args[1])?;
        check_int(&args[2])?;
        check_str(&args[3], 4)?;
    }
    unicode_init(obj, args, kwnames, 4)
}

struct UnicodeParts {
    encoding: String,
    object: PyRef,
    start: i64,
    end: i64,
    reason: String,
}

fn unicode_parts(obj: &PyRef) -> PyResult<Option<UnicodeParts>> {
    let p = exc_payload(obj)?;
    let (Some(object), Some(start), Some(end), Some(reason)) = (
        p.extra_get(1),
        p.extra_get(2),
        p.extra_get(3),
        p.extra_get(4),
    ) else {
        return Ok(None);
    };
    let encoding = match p.extra_get(0) {
        Some(e) => protocol::str_string(&e)?,
        None => String::new(),
    };
    Ok(Some(UnicodeParts {
        encoding,
        object,
        start: crate::objects::int::as_i64(&start)?,
        end: crate::objects::int::as_i64(&end)?,
        reason: protocol::str_string(&reason)?,
    }))
}

fn char_escape(c: u32) -> String {
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn str_len(o: &PyRef) -> i64 {
    protocol::len(o).map(|n| n as i64).unwrap_or(0)
}

pub fn unicode_decode_str(obj: &PyRef) -> PyResult<PyRef> {
    let Some(u) = unicode_parts(obj)? else {
        return Ok(crate::intern!("").clone());
    };
    if u.start < str_len(&u.object) && u.end == u.start + 1 {
        let b = protocol::get_item(&u.object, &PyInt::new(u.start)?)?;
        let v = crate::objects::int::as_i64(&b)?;
        return PyStr::new(&format!(
            "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
            u.encoding, v, u.start, u.reason
        ));
    }
    PyStr::new(&format!(
        "'{}' codec can't decode bytes in position {}-{}: {}",
        u.encoding,
        u.start,
        u.end - 1,
        u.reason
    ))
}

pub fn unicode_encode_str(obj: &PyRef) -> PyResult<PyRef> {
    let Some(u) = unicode_parts(obj)? else {
        return Ok(crate::intern!("").clone());
    };
    if u.start < str_len(&u.object) && u.end == u.start + 1 {
        if let Some(s) = u.object.downcast::<PyStr>() {
            let c = s.char_at(u.start.max(0) as usize);
            return PyStr::new(&format!(
                "'{}' codec can't encode character '{}' in position {}: {}",
                u.encoding,
                char_escape(c),
                u.start,
                u.reason
            ));
        }
    }
    PyStr::new(&format!(
        "'{}' codec can't encode characters in position {}-{}: {}",
        u.encoding,
        u.start,
        u.end - 1,
        u.reason
    ))
}

pub fn unicode_translate_str(obj: &PyRef) -> PyResult<PyRef> {
    let Some(u) = unicode_parts(obj)? else {
        return Ok(crate::intern!("").clone());
    };
    if u.start < str_len(&u.object) && u.end == u.start + 1 {
        if let Some(s) = u.object.downcast::<PyStr>() {
            let c = s.char_at(u.start.max(0) as usize);
            return PyStr::new(&format!(
                "can't translate character '{}' in position {}: {}",
                char_escape(c),
                u.start,
                u.reason
            ));
        }
    }
    PyStr::new(&format!(
        "can't translate characters in position {}-{}: {}",
        u.start,
        u.end - 1,
        u.reason
    ))
}

// ---------------------------------------------------------------------------
// Exception groups.

const MESSAGE: usize = 0;
const EXCEPTIONS: usize = 1;

pub fn group_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    if kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0) > 0 {
        return Err(PyErr::type_error(
            "BaseExceptionGroup.__new__() takes no keyword arguments",
        ));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    let message = &args[0];
    if !message.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.ty().name()
        )));
    }
    let excs = &args[1];
    let is_seq = excs.ty().as_sequence.sq_item.get().is_some()
        && !excs.ty().has_flag(TypeFlags::MAPPING)
        && !excs.is_instance_of::<crate::objects::dict::PyDict>();
    if !is_seq {
        return Err(PyErr::type_error(
            "second argument (exceptions) must be a sequence",
        ));
    }
    let items = protocol::collect(excs)?;
    if items.is_empty() {
        return Err(PyErr::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !e.is_instance_of::<PyBaseException>() {
            return Err(PyErr::value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !e.ty().is_subtype(&exc::EXCEPTION) {
            nested_base = true;
        }
    }
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("BaseExceptionGroup.__new__(X): X is not a type"))?;
    let cls = if cls.is_static(&exc::BASE_EXCEPTION_GROUP) {
        if nested_base {
            cls.clone()
        } else {
            exc::EXCEPTION_GROUP.as_pyref()
        }
    } else if cls.is_static(&exc::EXCEPTION_GROUP) {
        if nested_base {
            return Err(PyErr::type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
        cls.clone()
    } else {
        if nested_base && ty.is_subtype(&exc::EXCEPTION) {
            return Err(PyErr::type_error(format!(
                "Cannot nest BaseExceptions in '{}'",
                ty.name()
            )));
        }
        cls.clone()
    };
    let obj = exc::exc_new(&cls, args, None)?;
    let p = exc_payload(&obj)?;
    p.extra_set(MESSAGE, Some(message.clone()));
    p.extra_set(EXCEPTIONS, Some(PyTuple::new(items)?));
    Ok(obj)
}

pub fn group_init(obj: &PyRef, _args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    no_kwargs(obj, kwnames)
}

pub fn group_str(obj: &PyRef) -> PyResult<PyRef> {
    let p = exc_payload(obj)?;
    let msg = match p.extra_get(MESSAGE) {
        Some(m) => protocol::str_string(&m)?,
        None => String::new(),
    };
    let n = p.extra_get(EXCEPTIONS).map(|e| str_len(&e)).unwrap_or(0);
    PyStr::new(&format!(
        "{msg} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    ))
}

fn group_message(o: &PyRef) -> PyResult<PyRef> {
    Ok(exc_payload(o)?.extra_get(MESSAGE).unwrap_or_else(none))
}

fn group_exceptions(o: &PyRef) -> PyResult<PyRef> {
    Ok(exc_payload(o)?.extra_get(EXCEPTIONS).unwrap_or_else(none))
}

pub static GROUP_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("message", group_message),
    GetSetDef::getter("exceptions", group_exceptions),
];

fn group_derive(o: &PyRef, excs: &PyRef) -> PyResult<PyRef> {
    let msg = group_message(o)?;
    protocol::call1(&exc::BASE_EXCEPTION_GROUP.as_pyref(), &[msg, excs.clone()])
}

enum Matcher {
    Type(PyRef),
    Predicate(PyRef),
}

fn matcher(cond: &PyRef) -> PyResult<Matcher> {
    let is_exc_type = |t: &PyRef| {
        t.downcast::<PyType>()
            .map(|t| t.is_subtype(&BASE_EXCEPTION))
            .unwrap_or(false)
    };
    if is_exc_type(cond) {
        return Ok(Matcher::Type(cond.clone()));
    }
    if let Some(t) = cond.downcast::<PyTuple>() {
        if t.items().iter().all(is_exc_type) {
            return Ok(Matcher::Type(cond.clone()));
        }
    } else if cond.ty().tp_call.get().is_some() && cond.downcast::<PyType>().is_none() {
        return Ok(Matcher::Predicate(cond.clone()));
    }
    Err(PyErr::type_error(
        "expected a function, exception type or tuple of exception types",
    ))
}

fn matches(m: &Matcher, e: &PyRef) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => protocol::isinstance(e, t),
        Matcher::Predicate(f) => protocol::is_true(&protocol::call1(f, std::slice::from_ref(e))?),
    }
}

/// `derive` then copy `__cause__`, `__context__`, `__traceback__` and
/// `__notes__` from the original group.
pub fn derive_and_copy(orig: &PyRef, excs: Vec<PyRef>) -> PyResult<PyRef> {
    let list = crate::objects::list::PyList::new(excs)?;
    let eg = protocol::call_method(orig, "derive", &[list])?;
    if !eg.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        return Err(PyErr::type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    let src = exc_payload(orig)?;
    let dst = exc_payload(&eg)?;
    PyBaseException::set_field(&dst.cause, PyBaseException::get_field(&src.cause));
    PyBaseException::set_field(&dst.context, PyBaseException::get_field(&src.context));
    PyBaseException::set_field(&dst.traceback, PyBaseException::get_field(&src.traceback));
    if let Some(notes) = protocol::lookup_attr(orig, crate::intern!("__notes__"))? {
        protocol::setattr(&eg, crate::intern!("__notes__"), Some(&notes))?;
    }
    Ok(eg)
}

fn split_rec(e: &PyRef, m: &Matcher, with_rest: bool) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    let _guard = crate::eval::recursion::enter_call(" in split")?;
    if matches(m, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !e.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        return Ok((None, if with_rest { Some(e.clone()) } else { None }));
    }
    let subs = group_exceptions(e)?;
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for sub in protocol::collect(&subs)? {
        let (a, b) = split_rec(&sub, m, with_rest)?;
        matched.extend(a);
        rest.extend(b);
    }
    let mg = if matched.is_empty() {
        None
    } else {
        Some(derive_and_copy(e, matched)?)
    };
    let rg = if with_rest && !rest.is_empty() {
        Some(derive_and_copy(e, rest)?)
    } else {
        None
    };
    Ok((mg, rg))
}

fn group_split(o: &PyRef, cond: &PyRef) -> PyResult<PyRef> {
    let m = matcher(cond)?;
    let (a, b) = split_rec(o, &m, true)?;
    PyTuple::new(vec![a.unwrap_or_else(none), b.unwrap_or_else(none)])
}

fn group_subgroup(o: &PyRef, cond: &PyRef) -> PyResult<PyRef> {
    let m = matcher(cond)?;
    let (a, _) = split_rec(o, &m, false)?;
    Ok(a.unwrap_or_else(none))
}

pub static GROUP_METHODS: &[MethodDef] = &[
    MethodDef::new("derive", Meth::O(group_derive)),
    MethodDef::new("split", Meth::O(group_split)),
    MethodDef::new("subgroup", Meth::O(group_subgroup)),
    MethodDef::class(
        "__class_getitem__",
        Meth::O(crate::objects::list::class_getitem),
    )
    .with_doc("See PEP 585"),
];

/// Sets `ImportError.name` (and `.path`, if given) on a raised import error.
pub fn set_import_error_name(e: &PyErr, name: &str, path: Option<&str>) {
    if let Some(p) = e.value().downcast::<PyBaseException>() {
        if let Ok(n) = PyStr::new(name) {
            p.extra_set(1, Some(n));
        }
        if let Some(path) = path.and_then(|s| PyStr::new(s).ok()) {
            p.extra_set(2, Some(path));
        }
    }
}

/// `ImportError.name` of a raised import error.
pub fn import_error_name(e: &PyErr) -> Option<PyRef> {
    e.value()
        .downcast::<PyBaseException>()
        .and_then(|p| p.extra_get(1))
}
