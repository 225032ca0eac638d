//! `io.StringIO` (CPython's `Modules/_io/stringio.c`): an in-memory text
//! stream over a buffer of code points, with the newline modes of
//! `TextIOWrapper` (`None`: universal newlines translated to "\n" on write;
//! "": universal newlines recognised by `readline`, kept as written; "\n",
//! "\r", "\r\n": "\n" written as that newline).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::none::none;
use crate::objects::str::{parse_args, PyStr};
use crate::objects::tuple::PyTuple;

use super::iobase::{max_args, opt_size, TEXTIOBASE_TYPE};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&STRINGIO_TYPE];

/// The newline mode.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Newline {
    /// `None`: translate "\r\n" and "\r" to "\n" on write.
    Translate,
    /// "": keep newlines; `readline` recognises all three.
    Universal,
    /// "\n".
    Lf,
    /// "\r".
    Cr,
    /// "\r\n".
    CrLf,
}

/// Seen-newline flags (`SEEN_CR`, `SEEN_LF`, `SEEN_CRLF`).
pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// The `StringIO` payload.
#[repr(C)]
pub struct PyStringIO {
    pub ob_base: PyObject,
    buf: RefCell<Vec<u32>>,
    pos: Cell<usize>,
    /// 0 uninitialized, 1 open, 2 closed.
    state: Cell<u8>,
    newline: Cell<Newline>,
    seennl: Cell<u8>,
}

pub static STRINGIO_TYPE: PyType = PyType {
    tp_name: "_io.StringIO",
    tp_basicsize: Cell::new(std::mem::size_of::<PyStringIO>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_base: Cell::new(&TEXTIOBASE_TYPE as *const PyType),
    tp_drop: Some(drop_stringio),
    tp_new: Cell::new(Some(stringio_new)),
    tp_init: Cell::new(Some(stringio_init)),
    tp_iter: Cell::new(Some(stringio_iter)),
    tp_iternext: Cell::new(Some(stringio_iternext)),
    tp_methods: &[
        MethodDef::new("close", Meth::NoArgs(sio_close)),
        MethodDef::new("getvalue", Meth::NoArgs(sio_getvalue)),
        MethodDef::new("read", Meth::Fast(sio_read)),
        MethodDef::new("readline", Meth::Fast(sio_readline)),
        MethodDef::new("readlines", Meth::Fast(sio_readlines)),
        MethodDef::new("tell", Meth::NoArgs(sio_tell)),
        MethodDef::new("truncate", Meth::Fast(sio_truncate)),
        MethodDef::new("seek", Meth::Fast(sio_seek)),
        MethodDef::new("write", Meth::O(sio_write)),
        MethodDef::new("seekable", Meth::NoArgs(sio_true)),
        MethodDef::new("readable", Meth::NoArgs(sio_true)),
        MethodDef::new("writable", Meth::NoArgs(sio_true)),
    ],
    tp_getset: &[
        GetSetDef::getter("closed", sio_closed),
        GetSetDef::getter("line_buffering", sio_line_buffering),
        GetSetDef::getter("newlines", sio_newlines),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyStringIO {
    fn type_object() -> &'static PyType {
        &STRINGIO_TYPE
    }
}

unsafe fn drop_stringio(obj: *mut PyObject) {
    // SAFETY: obj is a dead StringIO; its fields are dropped once.
    unsafe {
        let p = obj as *mut PyStringIO;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).buf));
    }
}

fn stringio_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("StringIO.__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyStringIO {
            ob_base: PyObject::NEW,
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            state: Cell::new(0),
            newline: Cell::new(Newline::Lf),
            seennl: Cell::new(0),
        },
    )
}

fn this(s: &PyRef) -> PyResult<&PyStringIO> {
    s.downcast::<PyStringIO>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_io.StringIO' object but received a '{}'",
            s.ty().name()
        ))
    })
}

/// The open StringIO, or the errors CPython raises for an uninitialized or
/// closed one.
fn open(s: &PyRef) -> PyResult<&PyStringIO> {
    let p = this(s)?;
    match p.state.get() {
        0 => Err(PyErr::value_error("I/O operation on uninitialized object")),
        2 => Err(PyErr::value_error("I/O operation on closed file")),
        _ => Ok(p),
    }
}

fn stringio_init(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    let a = parse_args("StringIO", args, kw, &["initial_value", "newline"], 0)?;
    let p = this(s)?;
    let newline = match &a[1] {
        None => Newline::Lf,
        Some(n) if n.is(&none()) => Newline::Translate,
        Some(n) => {
            let Some(ns) = n.downcast::<PyStr>() else {
                return Err(PyErr::type_error(format!(
                    "newline must be str or None, not {}",
                    n.ty().name()
                )));
            };
            match ns.try_as_str() {
                Some("") => Newline::Universal,
                Some("\n") => Newline::Lf,
                Some("\r") => Newline::Cr,
                Some("\r\n") => Newline::CrLf,
                _ => {
                    return Err(PyErr::value_error(format!(
                        "illegal newline value: {}",
                        protocol::repr_string(n)?
                    )))
                }
            }
        }
    };
    let init = match &a[0] {
        None => None,
        Some(v) if v.is(&none()) => None,
        Some(v) => match v.downcast::<PyStr>() {
            Some(st) => Some(st.chars().collect::<Vec<u32>>()),
            None => {
                return Err(PyErr::type_error(format!(
                    "initial_value must be str or None, not {}",
                    v.ty().name()
                )))
            }
        },
    };
    p.newline.set(newline);
    p.seennl.set(0);
    p.buf.borrow_mut().clear();
    p.pos.set(0);
    p.state.set(1);
    if let Some(cps) = init {
        write_cps(p, &cps);
        p.pos.set(0);
    }
    Ok(())
}

/// Translates newlines as the mode asks on write, recording those seen.
fn translate(p: &PyStringIO, cps: &[u32]) -> Vec<u32> {
    let mode = p.newline.get();
    let mut out = Vec::with_capacity(cps.len());
    let mut seen = p.seennl.get();
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        match (mode, c) {
            (Newline::Translate | Newline::Universal, 0x0D) => {
                let crlf = cps.get(i + 1) == Some(&0x0A);
                if crlf {
                    seen |= SEEN_CRLF;
                    i += 1;
                    if mode == Newline::Universal {
                        out.push(0x0D);
                    }
                } else {
                    seen |= SEEN_CR;
                    if mode == Newline::Universal {
                        out.push(0x0D);
                        i += 1;
                        continue;
                    }
                }
                out.push(0x0A);
            }
            (Newline::Translate | Newline::Universal, 0x0A) => {
                seen |= SEEN_LF;
                out.push(0x0A);
            }
            (Newline::Cr, 0x0A) => out.push(0x0D),
            (Newline::CrLf, 0x0A) => {
                out.push(0x0D);
                out.push(0x0A);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    p.seennl.set(seen);
    out
}

fn write_cps(p: &PyStringIO, cps: &[u32]) {
    let needs = matches!(
        p.newline.get(),
        Newline::Translate | Newline::Universal | Newline::Cr | Newline::CrLf
    ) && cps.iter().any(|&c| c == 0x0A || c == 0x0D);
    let data: Vec<u32>;
    let cps = if needs {
        data = translate(p, cps);
        &data[..]
    } else {
        cps
    };
    let mut buf = p.buf.borrow_mut();
    let pos = p.pos.get();
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let end = pos + cps.len();
    if end > buf.len() {
        buf.resize(end, 0);
    }
    buf[pos..end].copy_from_slice(cps);
    p.pos.set(end);
}

fn sio_write(s: &PyRef, obj: &PyRef) -> PyResult<PyRef> {
    let p = open(s)?;
    let Some(st) = obj.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "string argument expected, got '{}'",
            obj.ty().name()
        )));
    };
    let n = st.len();
    if n > 0 {
        let cps: Vec<u32> = st.chars().collect();
        write_cps(p, &cps);
    }
    PyInt::new(n as i64)
}

fn sio_getvalue(s: &PyRef) -> PyResult<PyRef> {
    let p = open(s)?;
    let buf = p.buf.borrow();
    PyStr::from_code_points(&buf)
}

fn sio_read(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("read", args, 1)?;
    let size = opt_size(args.first())?;
    let p = open(s)?;
    let buf = p.buf.borrow();
    let pos = p.pos.get();
    let avail = buf.len().saturating_sub(pos);
    let n = if size < 0 {
        avail
    } else {
        (size as usize).min(avail)
    };
    if n == 0 {
        return PyStr::new("");
    }
    let r = PyStr::from_code_points(&buf[pos..pos + n]);
    p.pos.set(pos + n);
    r
}

/// The end (exclusive) of the line starting at `start`, at most `limit`
/// code points long.
fn line_end(p: &PyStringIO, buf: &[u32], start: usize, limit: isize) -> usize {
    let end_all = if limit >= 0 {
        buf.len().min(start.saturating_add(limit as usize))
    } else {
        buf.len()
    };
    let hay = &buf[start.min(end_all)..end_all];
    let found = match p.newline.get() {
        Newline::Translate | Newline::Lf => hay.iter().position(|&c| c == 0x0A).map(|i| i + 1),
        Newline::Universal => {
            let mut r = None;
            for (i, &c) in hay.iter().enumerate() {
                if c == 0x0A {
                    r = Some(i + 1);
                    break;
                }
                if c == 0x0D {
                    r = Some(if hay.get(i + 1) == Some(&0x0A) {
                        i + 2
                    } else {
                        i + 1
                    });
                    break;
                }
            }
            r
        }
        Newline::Cr => hay.iter().position(|&c| c == 0x0D).map(|i| i + 1),
        Newline::CrLf => hay
            .windows(2)
            .position(|w| w == [0x0D, 0x0A])
            .map(|i| i + 2),
    };
    match found {
        Some(i) => start + i,
        None => end_all.max(start),
    }
}

fn readline_inner(p: &PyStringIO, limit: isize) -> PyResult<PyRef> {
    let buf = p.buf.borrow();
    let pos = p.pos.get();
    if pos >= buf.len() {
        return PyStr::new("");
    }
    let end = line_end(p, &buf, pos, limit);
    let r = PyStr::from_code_points(&buf[pos..end]);
    p.pos.set(end);
    r
}

fn sio_readline(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readline", args, 1)?;
    let size = opt_size(args.first())?;
    let p = open(s)?;
    readline_inner(p, size)
}

fn sio_readlines(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readlines", args, 1)?;
    let hint = opt_size(args.first())?;
    let p = open(s)?;
    let mut v = Vec::new();
    let mut total = 0usize;
    loop {
        let line = readline_inner(p, -1)?;
        let n = protocol::len(&line)?;
        if n == 0 {
            break;
        }
        v.push(line);
        total += n;
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    PyList::new(v)
}

fn sio_tell(s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(open(s)?.pos.get() as i64)
}

fn sio_seek(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "seek expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let pos = crate::objects::int::as_ssize_index(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => crate::objects::int::as_i64(w)?,
        None => 0,
    };
    let p = open(s)?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!(
            "Invalid whence ({whence}, should be 0, 1 or 2)"
        )));
    }
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(PyErr::os_error("Can't do nonzero cur-relative seeks"));
    }
    let newpos = match whence {
        1 => p.pos.get(),
        2 => p.buf.borrow().len(),
        _ => pos as usize,
    };
    p.pos.set(newpos);
    PyInt::new(newpos as i64)
}

fn sio_truncate(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("truncate", args, 1)?;
    let p = open(s)?;
    let size = match args.first() {
        None => p.pos.get() as isize,
        Some(v) if v.is(&none()) => p.pos.get() as isize,
        Some(v) => crate::objects::int::as_ssize_index(v)?,
    };
    if size < 0 {
        return Err(PyErr::value_error(format!("Negative size value {size}")));
    }
    let mut buf = p.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    PyInt::new(size as i64)
}

fn sio_close(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    p.state.set(2);
    let old = std::mem::take(&mut *p.buf.borrow_mut());
    drop(old);
    Ok(none())
}

fn sio_true(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(py_bool(true))
}

fn sio_closed(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    if p.state.get() == 0 {
        return Err(PyErr::value_error("I/O operation on uninitialized object"));
    }
    Ok(py_bool(p.state.get() == 2))
}

fn sio_line_buffering(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(py_bool(false))
}

/// The `newlines` attribute from seen-newline flags.
pub fn newlines_value(seen: u8) -> PyResult<PyRef> {
    let names: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(f, _)| seen & f != 0)
        .map(|(_, n)| *n)
        .collect();
    match names.len() {
        0 => Ok(none()),
        1 => PyStr::new(names[0]),
        _ => PyTuple::new(
            names
                .iter()
                .map(|n| PyStr::new(n))
                .collect::<PyResult<Vec<_>>>()?,
        ),
    }
}

fn sio_newlines(s: &PyRef) -> PyResult<PyRef> {
    let p = open(s)?;
    match p.newline.get() {
        Newline::Translate | Newline::Universal => newlines_value(p.seennl.get()),
        _ => Ok(none()),
    }
}

fn stringio_iter(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(s.clone())
}

fn stringio_iternext(s: &PyRef) -> PyResult<Option<PyRef>> {
    let line = if s.is_exact::<PyStringIO>() {
        readline_inner(open(s)?, -1)?
    } else {
        let l = protocol::call_method(s, "readline", &[])?;
        if !l.is_instance_of::<PyStr>() {
            return Err(PyErr::os_error(format!(
                "readline() should have returned a str object, not '{}'",
                l.ty().name()
            )));
        }
        l
    };
    if protocol::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}
