//! The abstract I/O bases (CPython's `Modules/_io/iobase.c`, and the
//! `_BufferedIOBase` / `_TextIOBase` parts of `bufferedio.c` / `textio.c`):
//! `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase` and their
//! default methods, written in terms of the methods a subclass provides
//! (`readline` through `read`, iteration through `readline`, `close`
//! through `flush`, ...).
//!
//! As in CPython, the closed state of a bare `_IOBase` lives in the instance
//! dict under `__IOBase_closed`.

use std::cell::Cell;

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytearray::PyByteArray;
use crate::objects::bytes::{bytes_data, PyBytes};
use crate::objects::exceptions;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &IOBASE_TYPE,
    &RAWIOBASE_TYPE,
    &BUFFEREDIOBASE_TYPE,
    &TEXTIOBASE_TYPE,
];

static UNSUPPORTED: GilCell<Option<PyRef>> = GilCell::new(None);

/// `io.UnsupportedOperation` (a subclass of `OSError` and `ValueError`),
/// made on first use.
pub fn unsupported_type() -> PyResult<PyRef> {
    // SAFETY: GIL held; short read.
    if let Some(t) = unsafe { (*UNSUPPORTED.as_ptr()).clone() } {
        return Ok(t);
    }
    let ns = crate::objects::dict::PyDict::new()?;
    // SAFETY: just made.
    unsafe { ns.payload_unchecked::<crate::objects::dict::PyDict>() }
        .set_str("__module__", PyStr::new("io")?)?;
    let bases = PyTuple::new(vec![
        PyRef::from_static(&exceptions::OS_ERROR),
        PyRef::from_static(&exceptions::VALUE_ERROR),
    ])?;
    let t = protocol::call(
        &PyRef::from_static(&crate::objects::type_::TYPE_TYPE),
        &[PyStr::new("UnsupportedOperation")?, bases, ns],
        None,
    )?;
    // SAFETY: GIL held; no borrow alive.
    let old = unsafe { (*UNSUPPORTED.as_ptr()).replace(t.clone()) };
    drop(old);
    Ok(t)
}

/// An `UnsupportedOperation(msg)` error.
pub fn unsupported(msg: &str) -> PyErr {
    let t = match unsupported_type() {
        Ok(t) => t,
        Err(e) => return e,
    };
    let m = match PyStr::new(msg) {
        Ok(m) => m,
        Err(e) => return e,
    };
    match protocol::call(&t, &[m], None) {
        Ok(v) => PyErr::from_value(v),
        Err(e) => e,
    }
}

/// `ValueError("I/O operation on closed file.")`.
pub fn closed_error() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

/// An optional size argument: `None` or missing is -1
/// (`_Py_convert_optional_to_ssize_t`).
pub fn opt_size(a: Option<&PyRef>) -> PyResult<isize> {
    match a {
        None => Ok(-1),
        Some(v) if v.is(&none()) => Ok(-1),
        Some(v) => {
            if !crate::objects::str::has_index(v) {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    v.ty().name()
                )));
            }
            crate::objects::int::as_ssize_index(v)
        }
    }
}

/// Checks at most `max` positional arguments for `name`.
pub fn max_args(name: &str, args: &[PyRef], max: usize) -> PyResult<()> {
    if args.len() > max {
        return Err(PyErr::type_error(if max == 0 {
            format!("{name}() takes no arguments ({} given)", args.len())
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        }));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// _IOBase

pub static IOBASE_TYPE: PyType = PyType {
    tp_name: "_io._IOBase",
    tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_iter: Cell::new(Some(iobase_iter)),
    tp_iternext: Cell::new(Some(iobase_iternext)),
    tp_methods: &[
        MethodDef::new("seek", Meth::Fast(iobase_seek)),
        MethodDef::new("tell", Meth::NoArgs(iobase_tell)),
        MethodDef::new("truncate", Meth::Fast(iobase_truncate)),
        MethodDef::new("flush", Meth::NoArgs(iobase_flush)),
        MethodDef::new("close", Meth::NoArgs(iobase_close)),
        MethodDef::new("seekable", Meth::NoArgs(ret_false)),
        MethodDef::new("readable", Meth::NoArgs(ret_false)),
        MethodDef::new("writable", Meth::NoArgs(ret_false)),
        MethodDef::new("_checkClosed", Meth::Fast(check_closed_m)),
        MethodDef::new("_checkSeekable", Meth::Fast(check_seekable_m)),
        MethodDef::new("_checkReadable", Meth::Fast(check_readable_m)),
        MethodDef::new("_checkWritable", Meth::Fast(check_writable_m)),
        MethodDef::new("fileno", Meth::NoArgs(iobase_fileno)),
        MethodDef::new("isatty", Meth::NoArgs(iobase_isatty)),
        MethodDef::new("__enter__", Meth::NoArgs(iobase_enter)),
        MethodDef::new("__exit__", Meth::Fast(iobase_exit)),
        MethodDef::new("readline", Meth::Fast(iobase_readline)),
        MethodDef::new("readlines", Meth::Fast(iobase_readlines)),
        MethodDef::new("writelines", Meth::O(iobase_writelines)),
    ],
    tp_getset: &[GetSetDef::getter("closed", iobase_closed_get)],
    ..PyType::BASE
};

fn ret_false(_s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(false))
}

/// `__IOBase_closed` in the instance dict.
fn iobase_is_closed(s: &PyRef) -> PyResult<bool> {
    match protocol::lookup_attr(s, crate::intern!("__IOBase_closed"))? {
        Some(v) => protocol::is_true(&v),
        None => Ok(false),
    }
}

fn iobase_closed_get(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(iobase_is_closed(s)?))
}

/// `self.closed` as a bool (the attribute, which subclasses override).
pub fn is_closed(s: &PyRef) -> PyResult<bool> {
    let c = protocol::getattr(s, crate::intern!("closed"))?;
    protocol::is_true(&c)
}

/// Raises `ValueError` when `self.closed`.
pub fn check_closed(s: &PyRef) -> PyResult<()> {
    if is_closed(s)? {
        return Err(closed_error());
    }
    Ok(())
}

fn check_closed_m(s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    check_closed(s)?;
    Ok(none())
}

fn check_ability(s: &PyRef, meth: &str, what: &str) -> PyResult<PyRef> {
    let r = protocol::call_method(s, meth, &[])?;
    if !r.is(&py_bool(true)) {
        return Err(unsupported(&format!("File or stream is not {what}.")));
    }
    Ok(r)
}

fn check_seekable_m(s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    check_ability(s, "seekable", "seekable")
}

fn check_readable_m(s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    check_ability(s, "readable", "readable")
}

fn check_writable_m(s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    check_ability(s, "writable", "writable")
}

fn iobase_seek(_s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    Err(unsupported("seek"))
}

fn iobase_truncate(_s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    Err(unsupported("truncate"))
}

fn iobase_fileno(_s: &PyRef) -> PyResult<PyRef> {
    Err(unsupported("fileno"))
}

fn iobase_tell(s: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(s, "seek", &[PyInt::new(0)?, PyInt::new(1)?])
}

fn iobase_flush(s: &PyRef) -> PyResult<PyRef> {
    if iobase_is_closed(s)? {
        return Err(closed_error());
    }
    Ok(none())
}

fn iobase_close(s: &PyRef) -> PyResult<PyRef> {
    if iobase_is_closed(s)? {
        return Ok(none());
    }
    let r = protocol::call_method(s, "flush", &[]);
    protocol::setattr(s, crate::intern!("__IOBase_closed"), Some(&py_bool(true)))?;
    r.map(|_| none())
}

fn iobase_isatty(s: &PyRef) -> PyResult<PyRef> {
    check_closed(s)?;
    Ok(py_bool(false))
}

fn iobase_enter(s: &PyRef) -> PyResult<PyRef> {
    check_closed(s)?;
    Ok(s.clone())
}

fn iobase_exit(s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    protocol::call_method(s, "close", &[])
}

fn iobase_iter(s: &PyRef) -> PyResult<PyRef> {
    check_closed(s)?;
    Ok(s.clone())
}

fn iobase_iternext(s: &PyRef) -> PyResult<Option<PyRef>> {
    let line = protocol::call_method(s, "readline", &[])?;
    if protocol::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `_IOBase.readline(size=-1)`: through `peek` when there is one, else
/// `read(1)` a byte at a time.
fn iobase_readline(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readline", args, 1)?;
    let limit = opt_size(args.first())?;
    let peek = protocol::lookup_attr(s, crate::intern!("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as isize) < limit {
        let mut nreadahead = 1isize;
        if let Some(p) = &peek {
            let ra = protocol::call(p, &[PyInt::new(1)?], None)?;
            let Some(buf) = bytes_data(&ra) else {
                return Err(PyErr::os_error(format!(
                    "peek() should have returned a bytes object, not '{}'",
                    ra.ty().name()
                )));
            };
            if !buf.is_empty() {
                let mut n = 0usize;
                while n < buf.len() && (limit < 0 || (n as isize) < limit - out.len() as isize) {
                    n += 1;
                    if buf[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n as isize;
            }
        }
        let b = protocol::call_method(s, "read", &[PyInt::new(nreadahead as i64)?])?;
        let Some(data) = bytes_data(&b) else {
            return Err(PyErr::os_error(format!(
                "read() should have returned a bytes object, not '{}'",
                b.ty().name()
            )));
        };
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(data);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    PyBytes::new(&out)
}

/// `readlines(hint=-1)` through iteration.
fn iobase_readlines(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readlines", args, 1)?;
    let hint = opt_size(args.first())?;
    let it = protocol::get_iter(s)?;
    let mut v = Vec::new();
    let mut total = 0usize;
    while let Some(line) = protocol::next(&it)? {
        let n = protocol::len(&line)?;
        v.push(line);
        total += n;
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    PyList::new(v)
}

fn iobase_writelines(s: &PyRef, lines: &PyRef) -> PyResult<PyRef> {
    check_closed(s)?;
    let it = protocol::get_iter(lines)?;
    while let Some(line) = protocol::next(&it)? {
        protocol::call_method(s, "write", &[line])?;
    }
    Ok(none())
}

// ---------------------------------------------------------------------------
// _RawIOBase

pub static RAWIOBASE_TYPE: PyType = PyType {
    tp_name: "_io._RawIOBase",
    tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_base: Cell::new(&IOBASE_TYPE as *const PyType),
    tp_methods: &[
        MethodDef::new("read", Meth::Fast(rawiobase_read)),
        MethodDef::new("readall", Meth::NoArgs(rawiobase_readall)),
    ],
    ..PyType::BASE
};

/// `_RawIOBase.read(size=-1)` through `readinto`.
fn rawiobase_read(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("read", args, 1)?;
    let n = opt_size(args.first())?;
    if n < 0 {
        return protocol::call_method(s, "readall", &[]);
    }
    let b = PyByteArray::new(vec![0u8; n as usize])?;
    let r = protocol::call_method(s, "readinto", std::slice::from_ref(&b))?;
    if r.is(&none()) {
        return Ok(none());
    }
    let got = crate::objects::int::as_ssize_index(&r)?;
    if got < 0 || got > n {
        return Err(PyErr::value_error(format!(
            "readinto returned {got} outside buffer size {n}"
        )));
    }
    let data = crate::objects::bytearray::bytearray_data(&b).unwrap_or_default();
    PyBytes::new(&data[..got as usize])
}

fn rawiobase_readall(s: &PyRef) -> PyResult<PyRef> {
    let mut out = Vec::new();
    loop {
        let d =
            protocol::call_method(s, "read", &[PyInt::new(super::DEFAULT_BUFFER_SIZE as i64)?])?;
        if d.is(&none()) {
            if out.is_empty() {
                return Ok(d);
            }
            break;
        }
        let Some(b) = bytes_data(&d) else {
            return Err(PyErr::type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(b);
    }
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// _BufferedIOBase

pub static BUFFEREDIOBASE_TYPE: PyType = PyType {
    tp_name: "_io._BufferedIOBase",
    tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_base: Cell::new(&IOBASE_TYPE as *const PyType),
    tp_methods: &[
        MethodDef::new("detach", Meth::NoArgs(unsup_detach)),
        MethodDef::new("read", Meth::Fast(unsup_read)),
        MethodDef::new("read1", Meth::Fast(unsup_read1)),
        MethodDef::new("readinto", Meth::O(bufiobase_readinto)),
        MethodDef::new("readinto1", Meth::O(bufiobase_readinto1)),
        MethodDef::new("write", Meth::Fast(unsup_write)),
    ],
    ..PyType::BASE
};

fn unsup_detach(_s: &PyRef) -> PyResult<PyRef> {
    Err(unsupported("detach"))
}

fn unsup_read(_s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    Err(unsupported("read"))
}

fn unsup_read1(_s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    Err(unsupported("read1"))
}

fn unsup_write(_s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    Err(unsupported("write"))
}

fn unsup_readline(_s: &PyRef, _a: &[PyRef]) -> PyResult<PyRef> {
    Err(unsupported("readline"))
}

/// Copies `data` into the writable buffer `b` (a bytearray or a writable
/// memoryview), returning how many bytes were copied.
pub fn fill_buffer(b: &PyRef, data: &[u8]) -> PyResult<usize> {
    if let Some(n) = crate::objects::memoryview::fill_from(b, data)? {
        return Ok(n);
    }
    let Some(ba) = b.downcast::<PyByteArray>() else {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            b.ty().name()
        )));
    };
    ba.with_mut(|v| {
        let n = data.len().min(v.len());
        v[..n].copy_from_slice(&data[..n]);
        n
    })
}

fn readinto_generic(s: &PyRef, b: &PyRef, meth: &str) -> PyResult<PyRef> {
    let len = protocol::len(b)?;
    let d = protocol::call_method(s, meth, &[PyInt::new(len as i64)?])?;
    let Some(data) = bytes_data(&d) else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    if data.len() > len {
        return Err(PyErr::value_error(format!(
            "read() returned too much data: {len} bytes requested, {} returned",
            data.len()
        )));
    }
    let data = data.to_vec();
    PyInt::new(fill_buffer(b, &data)? as i64)
}

fn bufiobase_readinto(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    readinto_generic(s, b, "read")
}

fn bufiobase_readinto1(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    readinto_generic(s, b, "read1")
}

// ---------------------------------------------------------------------------
// _TextIOBase

pub static TEXTIOBASE_TYPE: PyType = PyType {
    tp_name: "_io._TextIOBase",
    tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_base: Cell::new(&IOBASE_TYPE as *const PyType),
    tp_methods: &[
        MethodDef::new("detach", Meth::NoArgs(unsup_detach)),
        MethodDef::new("read", Meth::Fast(unsup_read)),
        MethodDef::new("readline", Meth::Fast(unsup_readline)),
        MethodDef::new("write", Meth::Fast(unsup_write)),
    ],
    tp_getset: &[
        GetSetDef::getter("encoding", ret_none),
        GetSetDef::getter("newlines", ret_none),
        GetSetDef::getter("errors", ret_none),
    ],
    ..PyType::BASE
};

fn ret_none(_s: &PyRef) -> PyResult<PyRef> {
    Ok(none())
}
