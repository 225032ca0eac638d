//! `io.TextIOWrapper` and `io.IncrementalNewlineDecoder` (CPython's
//! `Modules/_io/textio.c`): text over a buffered byte stream.
//!
//! Taipan deviation: the supported encodings are the ASCII-compatible,
//! stateless ones of the built-in str codecs (UTF-8, Latin-1, ASCII), so the
//! wrapper keeps the read-ahead as undecoded bytes and its `tell()` cookie is
//! simply the byte position (CPython's cookie also packs decoder state).
//! Writes are encoded and handed to the buffer at once (no pending text).

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::bytes_data;
use crate::objects::int::PyInt;
use crate::objects::none::none;
use crate::objects::str::{parse_args, PyStr};

use super::iobase::{max_args, opt_size, unsupported, TEXTIOBASE_TYPE};
use super::stringio::{newlines_value, Newline, SEEN_CR, SEEN_CRLF, SEEN_LF};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&TEXTIOWRAPPER_TYPE, &NLDECODER_TYPE];

/// The `TextIOWrapper` payload.
#[repr(C)]
pub struct PyTextIO {
    pub ob_base: PyObject,
    buffer: ObjCell,
    mode: ObjCell,
    encoding: RefCell<String>,
    errors: RefCell<String>,
    newline: Cell<Newline>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    pending: RefCell<Vec<u8>>,
    eof: Cell<bool>,
    seennl: Cell<u8>,
    ok: Cell<bool>,
    detached: Cell<bool>,
    /// 1 utf-8, 0 single-byte.
    utf8: Cell<bool>,
}

pub static TEXTIOWRAPPER_TYPE: PyType = PyType {
    tp_name: "_io.TextIOWrapper",
    tp_basicsize: Cell::new(std::mem::size_of::<PyTextIO>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_base: Cell::new(&TEXTIOBASE_TYPE as *const PyType),
    tp_drop: Some(drop_textio),
    tp_traverse: Cell::new(Some(traverse_textio)),
    tp_new: Cell::new(Some(textio_new)),
    tp_init: Cell::new(Some(textio_init)),
    tp_repr: Cell::new(Some(textio_repr)),
    tp_iternext: Cell::new(Some(textio_iternext)),
    tp_methods: &[
        MethodDef::new("detach", Meth::NoArgs(t_detach)),
        MethodDef::new("reconfigure", Meth::FastKw(t_reconfigure)),
        MethodDef::new("write", Meth::O(t_write)),
        MethodDef::new("read", Meth::Fast(t_read)),
        MethodDef::new("readline", Meth::Fast(t_readline)),
        MethodDef::new("flush", Meth::NoArgs(t_flush)),
        MethodDef::new("close", Meth::NoArgs(t_close)),
        MethodDef::new("fileno", Meth::NoArgs(t_fileno)),
        MethodDef::new("seekable", Meth::NoArgs(t_seekable)),
        MethodDef::new("readable", Meth::NoArgs(t_readable)),
        MethodDef::new("writable", Meth::NoArgs(t_writable)),
        MethodDef::new("isatty", Meth::NoArgs(t_isatty)),
        MethodDef::new("seek", Meth::Fast(t_seek)),
        MethodDef::new("tell", Meth::NoArgs(t_tell)),
        MethodDef::new("truncate", Meth::Fast(t_truncate)),
    ],
    tp_getset: &[
        GetSetDef::getter("encoding", t_encoding),
        GetSetDef::getter("buffer", t_buffer),
        GetSetDef::getter("line_buffering", t_line_buffering),
        GetSetDef::getter("write_through", t_write_through),
        GetSetDef::getter("errors", t_errors),
        GetSetDef::getter("name", t_name),
        GetSetDef::getter("closed", t_closed),
        GetSetDef::getter("newlines", t_newlines),
        GetSetDef {
            name: "mode",
            get: Some(t_mode),
            set: Some(t_set_mode),
            doc: "",
        },
        GetSetDef {
            name: "_CHUNK_SIZE",
            get: Some(t_chunk),
            set: Some(t_set_chunk),
            doc: "",
        },
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyTextIO {
    fn type_object() -> &'static PyType {
        &TEXTIOWRAPPER_TYPE
    }
}

unsafe fn drop_textio(obj: *mut PyObject) {
    // SAFETY: obj is a dead TextIOWrapper; fields dropped once.
    unsafe {
        let p = obj as *mut PyTextIO;
        drop((*p).buffer.take());
        drop((*p).mode.take());
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).encoding));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).errors));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).pending));
    }
}

unsafe fn traverse_textio(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live TextIOWrapper.
    unsafe {
        let p = &*(obj as *const PyTextIO);
        for c in [&p.buffer, &p.mode] {
            if let Some(o) = c.get() {
                visit(o.as_ptr());
            }
        }
    }
}

fn textio_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("TextIOWrapper.__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyTextIO {
            ob_base: PyObject::NEW,
            buffer: ObjCell::empty(),
            mode: ObjCell::empty(),
            encoding: RefCell::new(String::new()),
            errors: RefCell::new(String::new()),
            newline: Cell::new(Newline::Translate),
            line_buffering: Cell::new(false),
            write_through: Cell::new(false),
            pending: RefCell::new(Vec::new()),
            eof: Cell::new(false),
            seennl: Cell::new(0),
            ok: Cell::new(false),
            detached: Cell::new(false),
            utf8: Cell::new(true),
        },
    )
}

fn this(s: &PyRef) -> PyResult<&PyTextIO> {
    s.downcast::<PyTextIO>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_io.TextIOWrapper' object but received a '{}'",
            s.ty().name()
        ))
    })
}

fn buffer_of(p: &PyTextIO) -> PyResult<PyRef> {
    if p.detached.get() {
        return Err(PyErr::value_error("underlying buffer has been detached"));
    }
    match p.buffer.get_owned() {
        Some(b) if p.ok.get() => Ok(b),
        _ => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

/// Parses a `newline` argument.
fn parse_newline(n: Option<&PyRef>) -> PyResult<Newline> {
    match n {
        None => Ok(Newline::Translate),
        Some(n) if n.is(&none()) => Ok(Newline::Translate),
        Some(n) => {
            let Some(ns) = n.downcast::<PyStr>() else {
                return Err(PyErr::type_error(format!(
                    "TextIOWrapper() argument 'newline' must be str or None, not {}",
                    n.ty().name()
                )));
            };
            match ns.try_as_str() {
                Some("") => Ok(Newline::Universal),
                Some("\n") => Ok(Newline::Lf),
                Some("\r") => Ok(Newline::Cr),
                Some("\r\n") => Ok(Newline::CrLf),
                other => Err(PyErr::value_error(format!(
                    "illegal newline value: {}",
                    other.unwrap_or("")
                ))),
            }
        }
    }
}

/// Checks and normalizes an encoding name; returns (shown name, is utf-8).
fn check_encoding(enc: &str) -> PyResult<bool> {
    crate::objects::str::decode(b"", enc, "strict")?;
    let norm: String = enc
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' { '-' } else { c })
        .collect();
    Ok(matches!(norm.as_str(), "utf-8" | "utf8" | "u8" | "utf"))
}

fn opt_str(o: Option<&PyRef>, what: &str) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(v) if v.is(&none()) => Ok(None),
        Some(v) => match v.downcast::<PyStr>() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => Err(PyErr::type_error(format!(
                "TextIOWrapper() argument '{what}' must be str or None, not {}",
                v.ty().name()
            ))),
        },
    }
}

fn textio_init(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    let a = parse_args(
        "TextIOWrapper",
        args,
        kw,
        &[
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
    )?;
    let p = this(s)?;
    p.ok.set(false);
    let encoding = opt_str(a[1].as_ref(), "encoding")?;
    let errors = opt_str(a[2].as_ref(), "errors")?.unwrap_or_else(|| "strict".into());
    let newline = parse_newline(a[3].as_ref())?;
    let lb = match &a[4] {
        Some(v) => protocol::is_true(v)?,
        None => false,
    };
    let wt = match &a[5] {
        Some(v) => protocol::is_true(v)?,
        None => false,
    };
    let encoding = match encoding.as_deref() {
        // Taipan runs in UTF-8 mode (PEP 540), as the conformance corpus
        // is recorded with `-X utf8`: the locale encoding is "utf-8".
        None | Some("locale") => "utf-8".to_string(),
        Some(e) => e.to_string(),
    };
    let utf8 = check_encoding(&encoding)?;
    drop(p.buffer.set(a[0].clone()));
    *p.encoding.borrow_mut() = encoding;
    *p.errors.borrow_mut() = errors;
    p.utf8.set(utf8);
    p.newline.set(newline);
    p.line_buffering.set(lb);
    p.write_through.set(wt);
    p.pending.borrow_mut().clear();
    p.eof.set(false);
    p.seennl.set(0);
    p.detached.set(false);
    p.ok.set(true);
    Ok(())
}

fn check_closed(buffer: &PyRef) -> PyResult<()> {
    let c = protocol::getattr(buffer, crate::intern!("closed"))?;
    if protocol::is_true(&c)? {
        return Err(PyErr::value_error("I/O operation on closed file."));
    }
    Ok(())
}

/// The newline "\n" becomes on write, if any.
fn writenl(p: &PyTextIO) -> Option<&'static str> {
    match p.newline.get() {
        Newline::Cr => Some("\r"),
        Newline::CrLf => Some("\r\n"),
        _ => None,
    }
}

fn t_write(s: &PyRef, text: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    let Some(st) = text.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            text.ty().name()
        )));
    };
    check_closed(&buffer)?;
    let n = st.len();
    let haslf = st.chars().any(|c| c == 0x0A);
    let needflush = p.line_buffering.get() && (haslf || st.chars().any(|c| c == 0x0D));
    let translated;
    let (tobj, tstr): (&PyRef, &PyStr) = match writenl(p) {
        Some(nl) if haslf => {
            let cps: Vec<u32> = st
                .chars()
                .flat_map(|c| {
                    if c == 0x0A {
                        nl.chars().map(|x| x as u32).collect::<Vec<u32>>()
                    } else {
                        vec![c]
                    }
                })
                .collect();
            translated = PyStr::from_code_points(&cps)?;
            // SAFETY: just made a str.
            (&translated, unsafe {
                translated.payload_unchecked::<PyStr>()
            })
        }
        _ => (text, st),
    };
    let enc = p.encoding.borrow().clone();
    let errors = p.errors.borrow().clone();
    let b = crate::objects::str::encode(tobj, tstr, &enc, &errors)?;
    // Writing after reading: give the read-ahead back first.
    let unread = p.pending.borrow().len();
    if unread > 0 {
        p.pending.borrow_mut().clear();
        protocol::call_method(
            &buffer,
            "seek",
            &[PyInt::new(-(unread as i64))?, PyInt::new(1)?],
        )?;
    }
    p.eof.set(false);
    protocol::call_method(&buffer, "write", &[b])?;
    if needflush || p.write_through.get() {
        protocol::call_method(&buffer, "flush", &[])?;
    }
    PyInt::new(n as i64)
}

fn check_readable(buffer: &PyRef) -> PyResult<()> {
    let r = protocol::call_method(buffer, "readable", &[])?;
    if !protocol::is_true(&r)? {
        return Err(unsupported("not readable"));
    }
    Ok(())
}

/// Reads one more chunk into `pending`; false at EOF.
fn read_chunk(p: &PyTextIO, buffer: &PyRef) -> PyResult<bool> {
    if p.eof.get() {
        return Ok(false);
    }
    let meth = if protocol::lookup_attr(buffer, crate::intern!("read1"))?.is_some() {
        "read1"
    } else {
        "read"
    };
    let r = protocol::call_method(buffer, meth, &[PyInt::new(8192)?])?;
    let Some(d) = bytes_data(&r) else {
        return Err(PyErr::type_error(format!(
            "underlying {meth}() should have returned a bytes-like object, not '{}'",
            r.ty().name()
        )));
    };
    if d.is_empty() {
        p.eof.set(true);
        return Ok(false);
    }
    p.pending.borrow_mut().extend_from_slice(d);
    Ok(true)
}

/// The byte length of a char starting with `b`.
fn char_len(p: &PyTextIO, b: u8) -> usize {
    if !p.utf8.get() || b < 0x80 {
        1
    } else if b >= 0xF0 {
        4
    } else if b >= 0xE0 {
        3
    } else if b >= 0xC0 {
        2
    } else {
        1
    }
}

/// How many bytes of `pending` make up at most `nchars` whole chars (all,
/// for `usize::MAX`); `None` when more input is needed to decide.
fn bytes_for_chars(p: &PyTextIO, pend: &[u8], nchars: usize, eof: bool) -> Option<usize> {
    let translate = matches!(p.newline.get(), Newline::Translate);
    let mut i = 0;
    let mut n = 0;
    while i < pend.len() && n < nchars {
        let b = pend[i];
        let l = if translate && b == b'\r' {
            if i + 1 == pend.len() && !eof {
                return if n == 0 { None } else { Some(i) };
            }
            if pend.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            }
        } else {
            char_len(p, b)
        };
        if i + l > pend.len() {
            if eof {
                return Some(pend.len());
            }
            return if n == 0 { None } else { Some(i) };
        }
        i += l;
        n += 1;
    }
    Some(i)
}

/// Decodes `data` and applies the read-side newline translation.
fn decode(p: &PyTextIO, data: &[u8]) -> PyResult<PyRef> {
    let enc = p.encoding.borrow().clone();
    let errors = p.errors.borrow().clone();
    let st = crate::objects::str::decode(data, &enc, &errors)?;
    let mode = p.newline.get();
    if !matches!(mode, Newline::Translate | Newline::Universal)
        || !data.iter().any(|&c| c == b'\r' || c == b'\n')
    {
        return Ok(st);
    }
    let mut seen = p.seennl.get();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => {
                seen |= SEEN_CRLF;
                i += 1;
            }
            b'\r' => seen |= SEEN_CR,
            b'\n' => seen |= SEEN_LF,
            _ => {}
        }
        i += 1;
    }
    p.seennl.set(seen);
    if mode == Newline::Universal {
        return Ok(st);
    }
    // SAFETY: decode returns a str.
    let ps = unsafe { st.payload_unchecked::<PyStr>() };
    let cps: Vec<u32> = ps.chars().collect();
    let mut out = Vec::with_capacity(cps.len());
    let mut j = 0;
    while j < cps.len() {
        if cps[j] == 0x0D {
            out.push(0x0A);
            if cps.get(j + 1) == Some(&0x0A) {
                j += 1;
            }
        } else {
            out.push(cps[j]);
        }
        j += 1;
    }
    PyStr::from_code_points(&out)
}

fn take_bytes(p: &PyTextIO, n: usize) -> PyResult<PyRef> {
    let data: Vec<u8> = p.pending.borrow_mut().drain(..n).collect();
    decode(p, &data)
}

fn t_read(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("read", args, 1)?;
    let size = opt_size(args.first())?;
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    check_closed(&buffer)?;
    check_readable(&buffer)?;
    if size < 0 {
        let r = protocol::call_method(&buffer, "read", &[])?;
        let mut all = std::mem::take(&mut *p.pending.borrow_mut());
        if let Some(d) = bytes_data(&r) {
            all.extend_from_slice(d);
        }
        p.eof.set(true);
        return decode(p, &all);
    }
    let size = size as usize;
    loop {
        let pend = p.pending.borrow().clone();
        let eof = p.eof.get();
        if let Some(k) = bytes_for_chars(p, &pend, size, eof) {
            if eof || count_chars(p, &pend[..k]) >= size {
                return take_bytes(p, k);
            }
        }
        if !read_chunk(p, &buffer)? {
            p.eof.set(true);
        }
    }
}

fn count_chars(p: &PyTextIO, data: &[u8]) -> usize {
    bytes_for_chars_count(p, data)
}

fn bytes_for_chars_count(p: &PyTextIO, data: &[u8]) -> usize {
    let translate = matches!(p.newline.get(), Newline::Translate);
    let mut i = 0;
    let mut n = 0;
    while i < data.len() {
        let b = data[i];
        i += if translate && b == b'\r' && data.get(i + 1) == Some(&b'\n') {
            2
        } else {
            char_len(p, b)
        };
        n += 1;
    }
    n
}

/// The end (exclusive byte index) of the first line in `pend`, or `None`
/// when more input is needed.
fn find_line_end(p: &PyTextIO, pend: &[u8], eof: bool) -> Option<usize> {
    match p.newline.get() {
        Newline::Translate | Newline::Universal => {
            for (i, &c) in pend.iter().enumerate() {
                if c == b'\n' {
                    return Some(i + 1);
                }
                if c == b'\r' {
                    return match pend.get(i + 1) {
                        Some(b'\n') => Some(i + 2),
                        Some(_) => Some(i + 1),
                        None if eof => Some(i + 1),
                        None => None,
                    };
                }
            }
            None
        }
        Newline::Lf => pend.iter().position(|&c| c == b'\n').map(|i| i + 1),
        Newline::Cr => pend.iter().position(|&c| c == b'\r').map(|i| i + 1),
        Newline::CrLf => pend.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
    }
}

fn readline_inner(p: &PyTextIO, buffer: &PyRef, limit: isize) -> PyResult<PyRef> {
    loop {
        let pend = p.pending.borrow().clone();
        let eof = p.eof.get();
        let end = find_line_end(p, &pend, eof);
        let limit_bytes = if limit >= 0 {
            bytes_for_chars(p, &pend, limit as usize, eof)
                .filter(|&k| count_chars(p, &pend[..k]) >= limit as usize)
        } else {
            None
        };
        match (end, limit_bytes) {
            (Some(e), Some(l)) => return take_bytes(p, e.min(l)),
            (Some(e), None) => return take_bytes(p, e),
            (None, Some(l)) => return take_bytes(p, l),
            (None, None) => {}
        }
        if !read_chunk(p, buffer)? {
            let pend = p.pending.borrow().clone();
            let end = find_line_end(p, &pend, true).unwrap_or(pend.len());
            let end = if limit >= 0 {
                end.min(bytes_for_chars(p, &pend, limit as usize, true).unwrap_or(end))
            } else {
                end
            };
            return take_bytes(p, end);
        }
    }
}

fn t_readline(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readline", args, 1)?;
    let limit = opt_size(args.first())?;
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    check_closed(&buffer)?;
    readline_inner(p, &buffer, limit)
}

fn textio_iternext(s: &PyRef) -> PyResult<Option<PyRef>> {
    let line = if s.is_exact::<PyTextIO>() {
        let p = this(s)?;
        let buffer = buffer_of(p)?;
        check_closed(&buffer)?;
        readline_inner(p, &buffer, -1)?
    } else {
        protocol::call_method(s, "readline", &[])?
    };
    if protocol::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

fn t_flush(s: &PyRef) -> PyResult<PyRef> {
    let buffer = buffer_of(this(s)?)?;
    check_closed(&buffer)?;
    protocol::call_method(&buffer, "flush", &[])
}

fn t_close(s: &PyRef) -> PyResult<PyRef> {
    let buffer = buffer_of(this(s)?)?;
    let c = protocol::getattr(&buffer, crate::intern!("closed"))?;
    if protocol::is_true(&c)? {
        return Ok(none());
    }
    let r = protocol::call_method(&buffer, "flush", &[]);
    let c = protocol::call_method(&buffer, "close", &[]);
    r?;
    c
}

fn t_detach(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    protocol::call_method(&buffer, "flush", &[])?;
    p.detached.set(true);
    drop(p.buffer.take());
    Ok(buffer)
}

fn t_reconfigure(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kw
        .and_then(|k| k.downcast::<crate::objects::tuple::PyTuple>())
        .map(|t| t.items().len())
        .unwrap_or(0);
    if args.len() > nkw {
        return Err(PyErr::type_error(
            "reconfigure() takes no positional arguments",
        ));
    }
    let a = parse_args(
        "reconfigure",
        args,
        kw,
        &[
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
    )?;
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    let enc = opt_str(a[0].as_ref(), "encoding")?;
    let errors = opt_str(a[1].as_ref(), "errors")?;
    let newline = match &a[2] {
        Some(_) => Some(parse_newline(a[2].as_ref())?),
        None => None,
    };
    if let Some(e) = &enc {
        let utf8 = check_encoding(e)?;
        protocol::call_method(&buffer, "flush", &[])?;
        *p.encoding.borrow_mut() = e.clone();
        p.utf8.set(utf8);
        if errors.is_none() {
            *p.errors.borrow_mut() = "strict".into();
        }
    }
    if let Some(e) = errors {
        *p.errors.borrow_mut() = e;
    }
    if let Some(n) = newline {
        p.newline.set(n);
    }
    if let Some(v) = a[3].as_ref().filter(|v| !v.is(&none())) {
        p.line_buffering.set(protocol::is_true(v)?);
    }
    if let Some(v) = a[4].as_ref().filter(|v| !v.is(&none())) {
        p.write_through.set(protocol::is_true(v)?);
    }
    Ok(none())
}

fn delegate(s: &PyRef, meth: &str) -> PyResult<PyRef> {
    let buffer = buffer_of(this(s)?)?;
    protocol::call_method(&buffer, meth, &[])
}

fn t_fileno(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "fileno")
}

fn t_seekable(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "seekable")
}

fn t_readable(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "readable")
}

fn t_writable(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "writable")
}

fn t_isatty(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "isatty")
}

fn t_tell(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    check_closed(&buffer)?;
    let sk = protocol::call_method(&buffer, "seekable", &[])?;
    if !protocol::is_true(&sk)? {
        return Err(unsupported("underlying stream is not seekable"));
    }
    protocol::call_method(&buffer, "flush", &[])?;
    let r = protocol::call_method(&buffer, "tell", &[])?;
    let pos = crate::objects::int::as_i64(&r)? - p.pending.borrow().len() as i64;
    PyInt::new(pos)
}

fn t_seek(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "seek expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let p = this(s)?;
    let buffer = buffer_of(p)?;
    check_closed(&buffer)?;
    let whence = match args.get(1) {
        Some(w) => crate::objects::int::as_i64(w)?,
        None => 0,
    };
    let sk = protocol::call_method(&buffer, "seekable", &[])?;
    if !protocol::is_true(&sk)? {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let zero = protocol::rich_compare_bool(&args[0], &PyInt::new(0)?, CompareOp::Eq)?;
    match whence {
        1 => {
            if !zero {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            t_tell(s)
        }
        2 => {
            if !zero {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            protocol::call_method(&buffer, "flush", &[])?;
            p.pending.borrow_mut().clear();
            p.eof.set(false);
            protocol::call_method(&buffer, "seek", &[PyInt::new(0)?, PyInt::new(2)?])
        }
        0 => {
            let pos = crate::objects::int::as_i64(&args[0])?;
            if pos < 0 {
                return Err(PyErr::value_error(format!("negative seek position {pos}")));
            }
            protocol::call_method(&buffer, "flush", &[])?;
            p.pending.borrow_mut().clear();
            p.eof.set(false);
            protocol::call_method(&buffer, "seek", &[PyInt::new(pos)?])?;
            PyInt::new(pos)
        }
        _ => Err(PyErr::value_error(format!(
            "invalid whence ({whence}, should be 0, 1 or 2)"
        ))),
    }
}

fn t_truncate(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("truncate", args, 1)?;
    let buffer = buffer_of(this(s)?)?;
    protocol::call_method(&buffer, "flush", &[])?;
    protocol::call_method(&buffer, "truncate", args)
}

fn t_encoding(s: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&this(s)?.encoding.borrow())
}

fn t_errors(s: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&this(s)?.errors.borrow())
}

fn t_buffer(s: &PyRef) -> PyResult<PyRef> {
    buffer_of(this(s)?)
}

fn t_line_buffering(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(this(s)?.line_buffering.get()))
}

fn t_write_through(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(this(s)?.write_through.get()))
}

fn t_name(s: &PyRef) -> PyResult<PyRef> {
    let buffer = buffer_of(this(s)?)?;
    protocol::getattr(&buffer, crate::intern!("name"))
}

fn t_closed(s: &PyRef) -> PyResult<PyRef> {
    let buffer = buffer_of(this(s)?)?;
    protocol::getattr(&buffer, crate::intern!("closed"))
}

fn t_newlines(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    match p.newline.get() {
        Newline::Translate | Newline::Universal => newlines_value(p.seennl.get()),
        _ => Ok(none()),
    }
}

fn t_mode(s: &PyRef) -> PyResult<PyRef> {
    this(s)?
        .mode
        .get_owned()
        .ok_or_else(|| PyErr::attribute_error("'_io.TextIOWrapper' object has no attribute 'mode'"))
}

fn t_set_mode(s: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    drop(this(s)?.mode.set(v.cloned()));
    Ok(())
}

fn t_chunk(_s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(8192)
}

fn t_set_chunk(_s: &PyRef, _v: Option<&PyRef>) -> PyResult<()> {
    Ok(())
}

fn textio_repr(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let tn = s.ty().name().to_string();
    let tn = if tn == "TextIOWrapper" {
        "_io.TextIOWrapper".to_string()
    } else {
        tn
    };
    let mut out = format!("<{tn}");
    match protocol::lookup_attr(s, crate::intern!("name")) {
        Ok(Some(n)) => out.push_str(&format!(" name={}", protocol::repr_string(&n)?)),
        Ok(None) => {}
        Err(e) if e.matches(&crate::objects::exceptions::VALUE_ERROR) => {}
        Err(e) => return Err(e),
    }
    if let Some(m) = p.mode.get_owned() {
        out.push_str(&format!(" mode={}", protocol::repr_string(&m)?));
    }
    out.push_str(&format!(" encoding='{}'>", p.encoding.borrow()));
    PyStr::new(&out)
}

/// The buffer of a TextIOWrapper (for sys's fast paths), or None.
pub fn textio_buffer(o: &PyRef) -> Option<PyRef> {
    o.downcast::<PyTextIO>().and_then(|p| p.buffer.get_owned())
}

// ---------------------------------------------------------------------------
// IncrementalNewlineDecoder

/// The `IncrementalNewlineDecoder` payload.
#[repr(C)]
pub struct PyNlDecoder {
    pub ob_base: PyObject,
    decoder: ObjCell,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seennl: Cell<u8>,
}

pub static NLDECODER_TYPE: PyType = PyType {
    tp_name: "_io.IncrementalNewlineDecoder",
    tp_basicsize: Cell::new(std::mem::size_of::<PyNlDecoder>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_drop: Some(drop_nld),
    tp_new: Cell::new(Some(nld_new)),
    tp_init: Cell::new(Some(nld_init)),
    tp_methods: &[
        MethodDef::new("decode", Meth::FastKw(nld_decode)),
        MethodDef::new("getstate", Meth::NoArgs(nld_getstate)),
        MethodDef::new("setstate", Meth::O(nld_setstate)),
        MethodDef::new("reset", Meth::NoArgs(nld_reset)),
    ],
    tp_getset: &[GetSetDef::getter("newlines", nld_newlines)],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyNlDecoder {
    fn type_object() -> &'static PyType {
        &NLDECODER_TYPE
    }
}

unsafe fn drop_nld(obj: *mut PyObject) {
    // SAFETY: obj is a dead decoder.
    unsafe { drop((*(obj as *const PyNlDecoder)).decoder.take()) }
}

fn nld_new(cls: &PyRef, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyNlDecoder {
            ob_base: PyObject::NEW,
            decoder: ObjCell::empty(),
            translate: Cell::new(false),
            pendingcr: Cell::new(false),
            seennl: Cell::new(0),
        },
    )
}

fn nld(s: &PyRef) -> PyResult<&PyNlDecoder> {
    s.downcast::<PyNlDecoder>().ok_or_else(|| {
        PyErr::type_error("descriptor requires an '_io.IncrementalNewlineDecoder' object")
    })
}

fn nld_init(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    let a = parse_args(
        "IncrementalNewlineDecoder",
        args,
        kw,
        &["decoder", "translate", "errors"],
        2,
    )?;
    let p = nld(s)?;
    let d = a[0].clone().filter(|d| !d.is(&none()));
    drop(p.decoder.set(d));
    p.translate
        .set(protocol::is_true(a[1].as_ref().unwrap_or(&none()))?);
    p.pendingcr.set(false);
    p.seennl.set(0);
    Ok(())
}

fn nld_decode(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args("decode", args, kw, &["input", "final"], 1)?;
    let p = nld(s)?;
    let input = a[0].clone().unwrap_or_else(none);
    let fin = match &a[1] {
        Some(v) => protocol::is_true(v)?,
        None => false,
    };
    let output = match p.decoder.get_owned() {
        Some(d) => {
            let kwn = crate::objects::tuple::PyTuple::new(vec![PyStr::new("final")?])?;
            protocol::call(
                &protocol::getattr_str(&d, "decode")?,
                &[input, py_bool(fin)],
                Some(&kwn),
            )?
        }
        None => input,
    };
    let Some(os) = output.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "decoder should return a string result, not '{}'",
            output.ty().name()
        )));
    };
    let mut cps: Vec<u32> = os.chars().collect();
    if p.pendingcr.get() && (fin || !cps.is_empty()) {
        cps.insert(0, 0x0D);
        p.pendingcr.set(false);
    }
    if !fin && cps.last() == Some(&0x0D) {
        cps.pop();
        p.pendingcr.set(true);
    }
    let mut seen = p.seennl.get();
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == 0x0D {
            if cps.get(i + 1) == Some(&0x0A) {
                seen |= SEEN_CRLF;
                if p.translate.get() {
                    out.push(0x0A);
                } else {
                    out.push(0x0D);
                    out.push(0x0A);
                }
                i += 2;
                continue;
            }
            seen |= SEEN_CR;
            out.push(if p.translate.get() { 0x0A } else { 0x0D });
        } else {
            if c == 0x0A {
                seen |= SEEN_LF;
            }
            out.push(c);
        }
        i += 1;
    }
    p.seennl.set(seen);
    PyStr::from_code_points(&out)
}

fn nld_getstate(s: &PyRef) -> PyResult<PyRef> {
    let p = nld(s)?;
    let (buf, flag) = match p.decoder.get_owned() {
        Some(d) => {
            let st = protocol::call_method(&d, "getstate", &[])?;
            let items = protocol::collect(&st)?;
            if items.len() != 2 {
                return Err(PyErr::type_error("illegal decoder state"));
            }
            (items[0].clone(), crate::objects::int::as_i64(&items[1])?)
        }
        None => (crate::objects::bytes::PyBytes::new(&[])?, 0),
    };
    let flag = (flag << 1) | p.pendingcr.get() as i64;
    crate::objects::tuple::PyTuple::new(vec![buf, PyInt::new(flag)?])
}

fn nld_setstate(s: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let p = nld(s)?;
    let items = protocol::collect(state)?;
    if items.len() != 2 {
        return Err(PyErr::type_error("state argument must be a tuple"));
    }
    let flag = crate::objects::int::as_i64(&items[1])?;
    p.pendingcr.set(flag & 1 != 0);
    if let Some(d) = p.decoder.get_owned() {
        let t =
            crate::objects::tuple::PyTuple::new(vec![items[0].clone(), PyInt::new(flag >> 1)?])?;
        protocol::call_method(&d, "setstate", &[t])?;
    }
    Ok(none())
}

fn nld_reset(s: &PyRef) -> PyResult<PyRef> {
    let p = nld(s)?;
    p.seennl.set(0);
    p.pendingcr.set(false);
    if let Some(d) = p.decoder.get_owned() {
        protocol::call_method(&d, "reset", &[])?;
    }
    Ok(none())
}

fn nld_newlines(s: &PyRef) -> PyResult<PyRef> {
    newlines_value(nld(s)?.seennl.get())
}

/// Whether a TextIOWrapper is line-buffered.
pub fn line_buffered(o: &PyRef) -> bool {
    o.downcast::<PyTextIO>()
        .is_some_and(|p| p.line_buffering.get())
}
