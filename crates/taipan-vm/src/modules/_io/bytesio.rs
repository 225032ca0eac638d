//! `io.BytesIO` (CPython's `Modules/_io/bytesio.c`): an in-memory binary
//! stream over a growable byte buffer.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::{buffer_bytes, PyBytes};
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::none::none;
use crate::objects::str::parse_args;

use super::iobase::{closed_error, fill_buffer, max_args, opt_size, BUFFEREDIOBASE_TYPE};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&BYTESIO_TYPE, &BYTESIOBUF_TYPE];

/// The `BytesIO` payload.
#[repr(C)]
pub struct PyBytesIO {
    pub ob_base: PyObject,
    buf: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    /// Buffers exported through `getbuffer()` (`exports`): while non-zero
    /// the buffer cannot be resized (so its memory cannot move).
    exports: Cell<usize>,
}

pub static BYTESIO_TYPE: PyType = PyType {
    tp_name: "_io.BytesIO",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBytesIO>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_base: Cell::new(&BUFFEREDIOBASE_TYPE as *const PyType),
    tp_drop: Some(drop_bytesio),
    tp_new: Cell::new(Some(bytesio_new)),
    tp_init: Cell::new(Some(bytesio_init)),
    tp_iter: Cell::new(Some(bytesio_iter)),
    tp_iternext: Cell::new(Some(bytesio_iternext)),
    tp_methods: &[
        MethodDef::new("readable", Meth::NoArgs(bio_true)),
        MethodDef::new("seekable", Meth::NoArgs(bio_true)),
        MethodDef::new("writable", Meth::NoArgs(bio_true)),
        MethodDef::new("close", Meth::NoArgs(bio_close)),
        MethodDef::new("flush", Meth::NoArgs(bio_flush)),
        MethodDef::new("isatty", Meth::NoArgs(bio_isatty)),
        MethodDef::new("tell", Meth::NoArgs(bio_tell)),
        MethodDef::new("write", Meth::O(bio_write)),
        MethodDef::new("writelines", Meth::O(bio_writelines)),
        MethodDef::new("read1", Meth::Fast(bio_read)),
        MethodDef::new("readinto", Meth::O(bio_readinto)),
        MethodDef::new("readline", Meth::Fast(bio_readline)),
        MethodDef::new("readlines", Meth::Fast(bio_readlines)),
        MethodDef::new("read", Meth::Fast(bio_read)),
        MethodDef::new("getvalue", Meth::NoArgs(bio_getvalue)),
        MethodDef::new("getbuffer", Meth::NoArgs(bio_getbuffer)),
        MethodDef::new("seek", Meth::Fast(bio_seek)),
        MethodDef::new("truncate", Meth::Fast(bio_truncate)),
    ],
    tp_getset: &[GetSetDef::getter("closed", bio_closed)],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyBytesIO {
    fn type_object() -> &'static PyType {
        &BYTESIO_TYPE
    }
}

unsafe fn drop_bytesio(obj: *mut PyObject) {
    // SAFETY: obj is a dead BytesIO; its buffer is dropped once.
    unsafe {
        let p = obj as *mut PyBytesIO;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).buf));
    }
}

fn bytesio_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("BytesIO.__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyBytesIO {
            ob_base: PyObject::NEW,
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            exports: Cell::new(0),
        },
    )
}

fn this(s: &PyRef) -> PyResult<&PyBytesIO> {
    s.downcast::<PyBytesIO>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_io.BytesIO' object but received a '{}'",
            s.ty().name()
        ))
    })
}

fn open(s: &PyRef) -> PyResult<&PyBytesIO> {
    let p = this(s)?;
    if p.closed.get() {
        return Err(closed_error());
    }
    Ok(p)
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
pub fn bytes_like(o: &PyRef) -> PyResult<Vec<u8>> {
    buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.ty().name()
        ))
    })
}

fn bytesio_init(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    let a = parse_args("BytesIO", args, kw, &["initial_bytes"], 0)?;
    let p = this(s)?;
    // As CPython, the size and position are reset before the exports are
    // checked (truncating keeps the memory a view may still point into).
    p.buf.borrow_mut().truncate(0);
    p.pos.set(0);
    check_exports(p)?;
    let data = match &a[0] {
        None => Vec::new(),
        Some(v) if v.is(&none()) => Vec::new(),
        Some(v) => bytes_like(v)?,
    };
    *p.buf.borrow_mut() = data;
    p.pos.set(0);
    p.closed.set(false);
    Ok(())
}

fn bio_true(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(py_bool(true))
}

fn bio_isatty(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(py_bool(false))
}

fn bio_flush(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(none())
}

fn bio_close(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    check_exports(p)?;
    p.closed.set(true);
    let old = std::mem::take(&mut *p.buf.borrow_mut());
    drop(old);
    Ok(none())
}

fn bio_closed(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(this(s)?.closed.get()))
}

fn bio_tell(s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(open(s)?.pos.get() as i64)
}

fn write_bytes(p: &PyBytesIO, data: &[u8]) {
    let mut buf = p.buf.borrow_mut();
    let pos = p.pos.get();
    let end = pos + data.len();
    if end > buf.len() {
        buf.resize(end, 0);
    }
    buf[pos..end].copy_from_slice(data);
    p.pos.set(end);
}

fn bio_write(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let p = open(s)?;
    check_exports(p)?;
    let data = bytes_like(b)?;
    if !data.is_empty() {
        write_bytes(p, &data);
    }
    PyInt::new(data.len() as i64)
}

fn bio_writelines(s: &PyRef, lines: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    let it = protocol::get_iter(lines)?;
    while let Some(line) = protocol::next(&it)? {
        bio_write(s, &line)?;
    }
    Ok(none())
}

fn bio_read(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
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
    let r = PyBytes::new(if n == 0 { &[] } else { &buf[pos..pos + n] });
    p.pos.set(pos + n);
    r
}

fn bio_readinto(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let p = open(s)?;
    let data = {
        let buf = p.buf.borrow();
        let pos = p.pos.get().min(buf.len());
        buf[pos..].to_vec()
    };
    let n = fill_buffer(b, &data)?;
    p.pos.set(p.pos.get() + n);
    PyInt::new(n as i64)
}

fn readline_inner(p: &PyBytesIO, limit: isize) -> PyResult<PyRef> {
    let buf = p.buf.borrow();
    let pos = p.pos.get();
    if pos >= buf.len() {
        return PyBytes::new(&[]);
    }
    let mut end = match buf[pos..].iter().position(|&c| c == b'\n') {
        Some(i) => pos + i + 1,
        None => buf.len(),
    };
    if limit >= 0 && end - pos > limit as usize {
        end = pos + limit as usize;
    }
    let r = PyBytes::new(&buf[pos..end]);
    p.pos.set(end);
    r
}

fn bio_readline(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readline", args, 1)?;
    let size = opt_size(args.first())?;
    readline_inner(open(s)?, size)
}

fn bio_readlines(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
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

fn bio_getvalue(s: &PyRef) -> PyResult<PyRef> {
    let p = open(s)?;
    let buf = p.buf.borrow();
    PyBytes::new(&buf)
}

fn bio_seek(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
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
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("negative seek value {pos}")));
    }
    let base = match whence {
        0 => 0isize,
        1 => p.pos.get() as isize,
        2 => p.buf.borrow().len() as isize,
        _ => {
            return Err(PyErr::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    let newpos = base.saturating_add(pos).max(0) as usize;
    p.pos.set(newpos);
    PyInt::new(newpos as i64)
}

fn bio_truncate(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("truncate", args, 1)?;
    let p = open(s)?;
    check_exports(p)?;
    let size = match args.first() {
        None => p.pos.get() as isize,
        Some(v) if v.is(&none()) => p.pos.get() as isize,
        Some(v) => crate::objects::int::as_ssize_index(v)?,
    };
    if size < 0 {
        return Err(PyErr::value_error(format!("negative size value {size}")));
    }
    let mut buf = p.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    PyInt::new(size as i64)
}

fn bytesio_iter(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    Ok(s.clone())
}

fn bytesio_iternext(s: &PyRef) -> PyResult<Option<PyRef>> {
    let line = if s.is_exact::<PyBytesIO>() {
        readline_inner(open(s)?, -1)?
    } else {
        protocol::call_method(s, "readline", &[])?
    };
    if protocol::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `CHECK_EXPORTS`: no resizing while `getbuffer()` views exist.
fn check_exports(p: &PyBytesIO) -> PyResult<()> {
    if p.exports.get() > 0 {
        return Err(PyErr::new(
            &crate::objects::exceptions::BUFFER_ERROR,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

/// `_io._BytesIOBuffer` (`bytesiobuf`): the exporter `getbuffer()` makes a
/// memoryview of; it lends the BytesIO's own memory, writable.
#[repr(C)]
pub struct PyBytesIOBuf {
    pub ob_base: PyObject,
    source: PyRef,
}

pub static BYTESIOBUF_TYPE: PyType = PyType {
    tp_name: "_io._BytesIOBuffer",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBytesIOBuf>()),
    tp_drop: Some(drop_bytesiobuf),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyBytesIOBuf {
    fn type_object() -> &'static PyType {
        &BYTESIOBUF_TYPE
    }
}

unsafe fn drop_bytesiobuf(obj: *mut PyObject) {
    // SAFETY: obj is a dead _BytesIOBuffer; its source is dropped once.
    unsafe { std::ptr::drop_in_place(std::ptr::addr_of_mut!((*(obj as *mut PyBytesIOBuf)).source)) }
}

fn bytesiobuf_getbuffer(o: &PyRef) -> PyResult<crate::objects::memoryview::RawBuffer> {
    let b = o
        .downcast::<PyBytesIOBuf>()
        .ok_or_else(|| PyErr::type_error("expected _BytesIOBuffer"))?;
    let p = this(&b.source)?;
    p.exports.set(p.exports.get() + 1);
    // SAFETY: GIL held; no borrow of the buffer is active here, and while `exports` is non-zero every method that could resize or replace the Vec refuses (`check_exports`), so the memory stays put.
    let v = unsafe { &mut *p.buf.as_ptr() };
    Ok(crate::objects::memoryview::RawBuffer {
        buf: v.as_mut_ptr(),
        len: v.len(),
        readonly: false,
        format: "B",
        itemsize: 1,
    })
}

fn bytesiobuf_releasebuffer(o: &PyRef) {
    if let Some(b) = o.downcast::<PyBytesIOBuf>() {
        if let Some(p) = b.source.downcast::<PyBytesIO>() {
            p.exports.set(p.exports.get().saturating_sub(1));
        }
    }
}

static BYTESIOBUF_BUFFER: crate::objects::memoryview::BufferProcs =
    crate::objects::memoryview::BufferProcs {
        getbuffer: bytesiobuf_getbuffer,
        releasebuffer: Some(bytesiobuf_releasebuffer),
    };

/// `BytesIO.getbuffer()`: a writable view of the contents.
fn bio_getbuffer(s: &PyRef) -> PyResult<PyRef> {
    open(s)?;
    BYTESIOBUF_TYPE.tp_as_buffer.set(Some(&BYTESIOBUF_BUFFER));
    let buf = alloc_object(
        &BYTESIOBUF_TYPE,
        PyBytesIOBuf {
            ob_base: PyObject::NEW,
            source: s.clone(),
        },
    )?;
    crate::objects::memoryview::from_object(&buf)
}
