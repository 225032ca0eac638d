//! `io.BufferedReader`, `BufferedWriter`, `BufferedRandom` and
//! `BufferedRWPair` (CPython's `Modules/_io/bufferedio.c`): a byte buffer
//! in front of a raw stream.
//!
//! One payload serves the three single-stream classes (they differ in which
//! methods they expose): a read-ahead buffer (`rbuf[rpos..]` is unread) and a
//! pending-write buffer, never both non-empty at once. The raw stream is
//! called through its Python methods, with no borrow held across the call.

use std::cell::{Cell, RefCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::{bytes_data, PyBytes};
use crate::objects::int::PyInt;
use crate::objects::none::none;
use crate::objects::str::{parse_args, PyStr};

use super::bytesio::bytes_like;
use super::iobase::{fill_buffer, max_args, opt_size, BUFFEREDIOBASE_TYPE};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &BUFFEREDREADER_TYPE,
    &BUFFEREDWRITER_TYPE,
    &BUFFEREDRANDOM_TYPE,
    &BUFFEREDRWPAIR_TYPE,
];

const READ: u8 = 1;
const WRITE: u8 = 2;

/// The payload of the buffered classes.
#[repr(C)]
pub struct PyBuffered {
    pub ob_base: PyObject,
    raw: ObjCell,
    rbuf: RefCell<Vec<u8>>,
    rpos: Cell<usize>,
    wbuf: RefCell<Vec<u8>>,
    buffer_size: Cell<usize>,
    kind: Cell<u8>,
    ok: Cell<bool>,
    detached: Cell<bool>,
    /// BufferedRWPair: the reader and the writer.
    reader: ObjCell,
    writer: ObjCell,
}

macro_rules! buffered_type {
    ($name:ident, $tpname:expr, $init:expr, $methods:expr) => {
        pub static $name: PyType = PyType {
            tp_name: $tpname,
            tp_basicsize: Cell::new(std::mem::size_of::<PyBuffered>()),
            tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
            tp_base: Cell::new(&BUFFEREDIOBASE_TYPE as *const PyType),
            tp_drop: Some(drop_buffered),
            tp_traverse: Cell::new(Some(traverse_buffered)),
            tp_new: Cell::new(Some(buffered_new)),
            tp_init: Cell::new(Some($init)),
            tp_repr: Cell::new(Some(buffered_repr)),
            tp_methods: $methods,
            tp_getset: &[
                GetSetDef::getter("raw", buf_raw),
                GetSetDef::getter("closed", buf_closed),
                GetSetDef::getter("name", buf_name),
                GetSetDef::getter("mode", buf_mode),
            ],
            ..PyType::BASE
        };
    };
}

macro_rules! common_methods {
    ($($extra:expr),* $(,)?) => {
        [
    MethodDef::new("detach", Meth::NoArgs(buf_detach)),
    MethodDef::new("flush", Meth::NoArgs(buf_flush)),
    MethodDef::new("close", Meth::NoArgs(buf_close)),
    MethodDef::new("seekable", Meth::NoArgs(buf_seekable)),
    MethodDef::new("readable", Meth::NoArgs(buf_readable)),
    MethodDef::new("writable", Meth::NoArgs(buf_writable)),
    MethodDef::new("fileno", Meth::NoArgs(buf_fileno)),
    MethodDef::new("isatty", Meth::NoArgs(buf_isatty)),
    MethodDef::new("seek", Meth::Fast(buf_seek)),
    MethodDef::new("tell", Meth::NoArgs(buf_tell)),
    $($extra),*
        ]
    };
}

static READER_METHODS: [MethodDef; 17] = common_methods!(
    MethodDef::new("truncate", Meth::Fast(buf_truncate)),
    MethodDef::new("read", Meth::Fast(buf_read)),
    MethodDef::new("read1", Meth::Fast(buf_read1)),
    MethodDef::new("peek", Meth::Fast(buf_peek)),
    MethodDef::new("readline", Meth::Fast(buf_readline)),
    MethodDef::new("readinto", Meth::O(buf_readinto)),
    MethodDef::new("readinto1", Meth::O(buf_readinto)),
);

static WRITER_METHODS: [MethodDef; 12] = common_methods!(
    MethodDef::new("truncate", Meth::Fast(buf_truncate)),
    MethodDef::new("write", Meth::O(buf_write)),
);

static RANDOM_METHODS: [MethodDef; 18] = common_methods!(
    MethodDef::new("truncate", Meth::Fast(buf_truncate)),
    MethodDef::new("read", Meth::Fast(buf_read)),
    MethodDef::new("read1", Meth::Fast(buf_read1)),
    MethodDef::new("peek", Meth::Fast(buf_peek)),
    MethodDef::new("readline", Meth::Fast(buf_readline)),
    MethodDef::new("readinto", Meth::O(buf_readinto)),
    MethodDef::new("readinto1", Meth::O(buf_readinto)),
    MethodDef::new("write", Meth::O(buf_write)),
);

buffered_type!(
    BUFFEREDREADER_TYPE,
    "_io.BufferedReader",
    reader_init,
    &READER_METHODS
);
buffered_type!(
    BUFFEREDWRITER_TYPE,
    "_io.BufferedWriter",
    writer_init,
    &WRITER_METHODS
);
buffered_type!(
    BUFFEREDRANDOM_TYPE,
    "_io.BufferedRandom",
    random_init,
    &RANDOM_METHODS
);

pub static BUFFEREDRWPAIR_TYPE: PyType = PyType {
    tp_name: "_io.BufferedRWPair",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBuffered>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_base: Cell::new(&BUFFEREDIOBASE_TYPE as *const PyType),
    tp_drop: Some(drop_buffered),
    tp_traverse: Cell::new(Some(traverse_buffered)),
    tp_new: Cell::new(Some(buffered_new)),
    tp_init: Cell::new(Some(rwpair_init)),
    tp_methods: &[
        MethodDef::new("read", Meth::Fast(pair_read)),
        MethodDef::new("peek", Meth::Fast(pair_peek)),
        MethodDef::new("read1", Meth::Fast(pair_read1)),
        MethodDef::new("readinto", Meth::O(pair_readinto)),
        MethodDef::new("readline", Meth::Fast(pair_readline)),
        MethodDef::new("write", Meth::O(pair_write)),
        MethodDef::new("flush", Meth::NoArgs(pair_flush)),
        MethodDef::new("readable", Meth::NoArgs(pair_readable)),
        MethodDef::new("writable", Meth::NoArgs(pair_writable)),
        MethodDef::new("close", Meth::NoArgs(pair_close)),
        MethodDef::new("isatty", Meth::NoArgs(pair_isatty)),
    ],
    tp_getset: &[GetSetDef::getter("closed", pair_closed)],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyBuffered {
    fn type_object() -> &'static PyType {
        &BUFFEREDREADER_TYPE
    }
}

/// Live buffered objects over a FileIO, flushed at exit (CPython flushes
/// them when the interpreter finalizes its objects). An object leaves the
/// list when it dies, so the pointers are always live.
static LIVE: crate::gil::GilCell<Vec<usize>> = crate::gil::GilCell::new(Vec::new());

fn register_live(obj: &PyRef) {
    // SAFETY: GIL held; no other borrow of the list is alive.
    let v = unsafe { LIVE.get_mut() };
    if !v.contains(&(obj.as_ptr() as usize)) {
        v.push(obj.as_ptr() as usize);
    }
}

/// Writes out the pending bytes of every live buffered writer over a FileIO
/// (called at exit through `sys`'s `flush_std`). Runs no Python code.
pub fn flush_all_files() {
    // SAFETY: GIL held; the list is copied before use.
    let ptrs: Vec<usize> = unsafe { (*LIVE.as_ptr()).clone() };
    for p in ptrs {
        // SAFETY: pointers in LIVE are live buffered objects (removed in drop_buffered before they die).
        let b = unsafe { &*(p as *const PyBuffered) };
        let Some(raw) = b.raw.get() else { continue };
        let Some(fd) = super::fileio::fileio_fd(raw) else {
            continue;
        };
        let w = std::mem::take(&mut *b.wbuf.borrow_mut());
        if !w.is_empty() {
            let _ = super::fileio::write_all_fd(fd, &w);
        }
    }
}

unsafe fn drop_buffered(obj: *mut PyObject) {
    // SAFETY: GIL held; no other borrow of the list is alive.
    unsafe { LIVE.get_mut() }.retain(|&p| p != obj as usize);
    // SAFETY: obj is a dead buffered object; fields are dropped once.
    unsafe {
        let p = obj as *mut PyBuffered;
        // Pending writes to a FileIO reach the file (CPython flushes them in
        // the finalizer); no Python code runs here.
        let raw = (*p).raw.take();
        if let Some(r) = &raw {
            let w = std::mem::take(&mut *(*p).wbuf.borrow_mut());
            if !w.is_empty() {
                if let Some(fd) = super::fileio::fileio_fd(r) {
                    let _ = super::fileio::write_all_fd(fd, &w);
                }
            }
        }
        drop(raw);
        drop((*p).reader.take());
        drop((*p).writer.take());
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).rbuf));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).wbuf));
    }
}

unsafe fn traverse_buffered(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live buffered object.
    unsafe {
        let p = &*(obj as *const PyBuffered);
        for c in [&p.raw, &p.reader, &p.writer] {
            if let Some(o) = c.get() {
                visit(o.as_ptr());
            }
        }
    }
}

fn is_buffered_type(ty: &PyType) -> bool {
    [
        &BUFFEREDREADER_TYPE,
        &BUFFEREDWRITER_TYPE,
        &BUFFEREDRANDOM_TYPE,
        &BUFFEREDRWPAIR_TYPE,
    ]
    .iter()
    .any(|t| ty.is_subtype(t))
}

fn buffered_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyBuffered {
            ob_base: PyObject::NEW,
            raw: ObjCell::empty(),
            rbuf: RefCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: RefCell::new(Vec::new()),
            buffer_size: Cell::new(super::DEFAULT_BUFFER_SIZE),
            kind: Cell::new(0),
            ok: Cell::new(false),
            detached: Cell::new(false),
            reader: ObjCell::empty(),
            writer: ObjCell::empty(),
        },
    )
}

fn this(s: &PyRef) -> PyResult<&PyBuffered> {
    if !is_buffered_type(s.ty()) {
        return Err(PyErr::type_error(format!(
            "descriptor requires a buffered object but received a '{}'",
            s.ty().name()
        )));
    }
    // SAFETY: every buffered type has this payload.
    Ok(unsafe { s.payload_unchecked::<PyBuffered>() })
}

fn common_init(
    s: &PyRef,
    args: &[PyRef],
    kw: Option<&PyRef>,
    fname: &str,
    kind: u8,
) -> PyResult<()> {
    let a = parse_args(fname, args, kw, &["raw", "buffer_size"], 1)?;
    let p = this(s)?;
    let raw = a[0].clone().unwrap_or_else(none);
    if kind & READ != 0 {
        check_raw(&raw, "readable", "readable")?;
    }
    if kind & WRITE != 0 {
        check_raw(&raw, "writable", "writable")?;
    }
    if kind == READ | WRITE {
        check_raw(&raw, "seekable", "seekable")?;
    }
    let size = match &a[1] {
        None => super::DEFAULT_BUFFER_SIZE as isize,
        Some(v) => crate::objects::int::as_ssize_index(v)?,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    drop(p.raw.set(Some(raw)));
    p.buffer_size.set(size as usize);
    p.kind.set(kind);
    p.rbuf.borrow_mut().clear();
    p.rpos.set(0);
    p.wbuf.borrow_mut().clear();
    p.ok.set(true);
    p.detached.set(false);
    if kind & WRITE != 0 {
        register_live(s);
    }
    Ok(())
}

fn check_raw(raw: &PyRef, meth: &str, what: &str) -> PyResult<()> {
    let r = protocol::call_method(raw, meth, &[])?;
    if !protocol::is_true(&r)? {
        return Err(super::iobase::unsupported(&format!(
            "File or stream is not {what}."
        )));
    }
    Ok(())
}

fn reader_init(s: &PyRef, a: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    common_init(s, a, kw, "BufferedReader", READ)
}

fn writer_init(s: &PyRef, a: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    common_init(s, a, kw, "BufferedWriter", WRITE)
}

fn random_init(s: &PyRef, a: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    common_init(s, a, kw, "BufferedRandom", READ | WRITE)
}

/// The raw stream, or the errors CPython raises when there is none.
fn raw_of(p: &PyBuffered) -> PyResult<PyRef> {
    if p.detached.get() {
        return Err(PyErr::value_error("raw stream has been detached"));
    }
    match p.raw.get_owned() {
        Some(r) if p.ok.get() => Ok(r),
        _ => Err(PyErr::value_error("I/O operation on uninitialized object")),
    }
}

fn raw_closed(raw: &PyRef) -> PyResult<bool> {
    let c = protocol::getattr(raw, crate::intern!("closed"))?;
    protocol::is_true(&c)
}

fn unread(p: &PyBuffered) -> usize {
    p.rbuf.borrow().len().saturating_sub(p.rpos.get())
}

/// Writes the pending bytes to the raw stream.
fn flush_unlocked(p: &PyBuffered, raw: &PyRef) -> PyResult<()> {
    loop {
        let data = {
            let w = p.wbuf.borrow();
            if w.is_empty() {
                return Ok(());
            }
            w.clone()
        };
        if let Some(fd) = super::fileio::fileio_fd(raw) {
            p.wbuf.borrow_mut().clear();
            return super::fileio::write_all_fd(fd, &data)
                .map_err(|e| super::fileio::os_err(&e, None));
        }
        let r = protocol::call_method(raw, "write", &[PyBytes::new(&data)?])?;
        if r.is(&none()) {
            return Err(PyErr::with_args(
                &crate::objects::exceptions::BLOCKING_IO_ERROR,
                &[
                    PyInt::new(11)?,
                    PyStr::new("write could not complete without blocking")?,
                    PyInt::new(0)?,
                ],
            ));
        }
        let n = crate::objects::int::as_ssize_index(&r)?;
        if n < 0 || n as usize > data.len() {
            return Err(PyErr::os_error(format!(
                "raw write() returned invalid length {n} (should have been between 0 and {})",
                data.len()
            )));
        }
        let mut w = p.wbuf.borrow_mut();
        let k = (n as usize).min(w.len());
        w.drain(..k);
    }
}

/// Drops the read-ahead, moving the raw position back to the logical one.
fn drop_readahead(p: &PyBuffered, raw: &PyRef) -> PyResult<()> {
    let n = unread(p);
    p.rbuf.borrow_mut().clear();
    p.rpos.set(0);
    if n > 0 {
        protocol::call_method(raw, "seek", &[PyInt::new(-(n as i64))?, PyInt::new(1)?])?;
    }
    Ok(())
}

fn check_open(p: &PyBuffered, raw: &PyRef, what: &str) -> PyResult<()> {
    if raw_closed(raw)? {
        return Err(PyErr::value_error(format!("{what} of closed file")));
    }
    let _ = p;
    Ok(())
}

/// Reads one chunk from the raw stream into the buffer; false at EOF.
fn fill(p: &PyBuffered, raw: &PyRef, want: usize) -> PyResult<bool> {
    let n = want.max(p.buffer_size.get());
    let r = protocol::call_method(raw, "read", &[PyInt::new(n as i64)?])?;
    if r.is(&none()) {
        return Ok(false);
    }
    let Some(d) = bytes_data(&r) else {
        return Err(PyErr::type_error(format!(
            "read() should return bytes, not '{}'",
            r.ty().name()
        )));
    };
    if d.is_empty() {
        return Ok(false);
    }
    let mut b = p.rbuf.borrow_mut();
    let pos = p.rpos.get();
    if pos > 0 {
        b.drain(..pos);
        p.rpos.set(0);
    }
    b.extend_from_slice(d);
    Ok(true)
}

fn take(p: &PyBuffered, n: usize) -> PyResult<PyRef> {
    let b = p.rbuf.borrow();
    let pos = p.rpos.get();
    let end = (pos + n).min(b.len());
    let r = PyBytes::new(&b[pos..end]);
    p.rpos.set(end);
    r
}

fn prepare_read(s: &PyRef) -> PyResult<(&PyBuffered, PyRef)> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    check_open(p, &raw, "read")?;
    if !p.wbuf.borrow().is_empty() {
        flush_unlocked(p, &raw)?;
    }
    Ok((p, raw))
}

fn buf_read(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("read", args, 1)?;
    let size = opt_size(args.first())?;
    if size < -1 {
        return Err(PyErr::value_error("read length must be non-negative or -1"));
    }
    let (p, raw) = prepare_read(s)?;
    if size < 0 {
        let mut out = {
            let b = p.rbuf.borrow();
            b[p.rpos.get().min(b.len())..].to_vec()
        };
        p.rbuf.borrow_mut().clear();
        p.rpos.set(0);
        loop {
            let r = protocol::call_method(&raw, "read", &[])?;
            if r.is(&none()) {
                break;
            }
            match bytes_data(&r) {
                Some([]) => break,
                Some(d) => out.extend_from_slice(d),
                None => return Err(PyErr::type_error("read() should return bytes")),
            }
            if super::fileio::fileio_fd(&raw).is_some() {
                break;
            }
        }
        return PyBytes::new(&out);
    }
    let size = size as usize;
    while unread(p) < size {
        if !fill(p, &raw, size - unread(p))? {
            break;
        }
    }
    take(p, size)
}

fn buf_read1(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("read1", args, 1)?;
    let size = opt_size(args.first())?;
    let (p, raw) = prepare_read(s)?;
    let size = if size < 0 {
        p.buffer_size.get()
    } else {
        size as usize
    };
    if size == 0 {
        return PyBytes::new(&[]);
    }
    if unread(p) == 0 {
        fill(p, &raw, size)?;
    }
    take(p, size)
}

fn buf_peek(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("peek", args, 1)?;
    let (p, raw) = prepare_read(s)?;
    if unread(p) == 0 {
        fill(p, &raw, 1)?;
    }
    let b = p.rbuf.borrow();
    PyBytes::new(&b[p.rpos.get().min(b.len())..])
}

fn buf_readline(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("readline", args, 1)?;
    let limit = opt_size(args.first())?;
    let (p, raw) = prepare_read(s)?;
    let mut scanned = 0usize;
    loop {
        let found = {
            let b = p.rbuf.borrow();
            let start = p.rpos.get() + scanned;
            b[start.min(b.len())..]
                .iter()
                .position(|&c| c == b'\n')
                .map(|i| scanned + i + 1)
        };
        let avail = unread(p);
        if let Some(n) = found {
            let n = if limit >= 0 { n.min(limit as usize) } else { n };
            return take(p, n);
        }
        if limit >= 0 && avail >= limit as usize {
            return take(p, limit as usize);
        }
        scanned = avail;
        if !fill(p, &raw, 1)? {
            return take(p, avail);
        }
    }
}

fn buf_readinto(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let n = protocol::len(b)?;
    let d = buf_read(s, &[PyInt::new(n as i64)?])?;
    let data = bytes_data(&d).map(|x| x.to_vec()).unwrap_or_default();
    PyInt::new(fill_buffer(b, &data)? as i64)
}

fn buf_write(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    if raw_closed(&raw)? {
        return Err(PyErr::value_error("write to closed file"));
    }
    let data = bytes_like(b)?;
    if unread(p) > 0 {
        drop_readahead(p, &raw)?;
    } else if !p.rbuf.borrow().is_empty() {
        p.rbuf.borrow_mut().clear();
        p.rpos.set(0);
    }
    let full = {
        let mut w = p.wbuf.borrow_mut();
        w.extend_from_slice(&data);
        w.len() >= p.buffer_size.get()
    };
    if full {
        flush_unlocked(p, &raw)?;
    }
    PyInt::new(data.len() as i64)
}

fn buf_flush(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    if raw_closed(&raw)? {
        return Err(PyErr::value_error("flush of closed file"));
    }
    flush_unlocked(p, &raw)?;
    if p.kind.get() == READ | WRITE && unread(p) > 0 {
        drop_readahead(p, &raw)?;
    }
    Ok(none())
}

/// Flushes pending writes (for `TextIOWrapper` and the exit path).
pub fn flush_buffered(s: &PyRef) -> PyResult<()> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    flush_unlocked(p, &raw)
}

fn buf_close(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    if raw_closed(&raw)? {
        return Ok(none());
    }
    let r = flush_unlocked(p, &raw);
    p.rbuf.borrow_mut().clear();
    p.rpos.set(0);
    let c = protocol::call_method(&raw, "close", &[]);
    r?;
    c?;
    Ok(none())
}

fn buf_detach(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    flush_unlocked(p, &raw)?;
    p.detached.set(true);
    drop(p.raw.take());
    Ok(raw)
}

fn delegate(s: &PyRef, meth: &str) -> PyResult<PyRef> {
    let raw = raw_of(this(s)?)?;
    protocol::call_method(&raw, meth, &[])
}

fn buf_seekable(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "seekable")
}

fn buf_readable(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "readable")
}

fn buf_writable(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "writable")
}

fn buf_fileno(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "fileno")
}

fn buf_isatty(s: &PyRef) -> PyResult<PyRef> {
    delegate(s, "isatty")
}

fn buf_tell(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let raw = raw_of(p)?;
    let r = protocol::call_method(&raw, "tell", &[])?;
    let pos = crate::objects::int::as_i64(&r)?;
    let pos = pos - unread(p) as i64 + p.wbuf.borrow().len() as i64;
    PyInt::new(pos.max(0))
}

fn buf_seek(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "seek expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let whence = match args.get(1) {
        Some(w) => crate::objects::int::as_i64(w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!(
            "whence value {whence} unsupported"
        )));
    }
    let target = protocol::index(&args[0])?;
    let p = this(s)?;
    let raw = raw_of(p)?;
    if raw_closed(&raw)? {
        return Err(PyErr::value_error("seek of closed file"));
    }
    flush_unlocked(p, &raw)?;
    let target = if whence == 1 {
        let t = crate::objects::int::as_i64(&target)? - unread(p) as i64;
        PyInt::new(t)?
    } else {
        target
    };
    p.rbuf.borrow_mut().clear();
    p.rpos.set(0);
    protocol::call_method(&raw, "seek", &[target, PyInt::new(whence)?])
}

fn buf_truncate(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("truncate", args, 1)?;
    let p = this(s)?;
    let raw = raw_of(p)?;
    if raw_closed(&raw)? {
        return Err(PyErr::value_error("truncate of closed file"));
    }
    if p.kind.get() & WRITE == 0 {
        return Err(super::iobase::unsupported("truncate"));
    }
    flush_unlocked(p, &raw)?;
    let pos = match args.first() {
        Some(v) if !v.is(&none()) => v.clone(),
        _ => buf_tell(s)?,
    };
    drop_readahead(p, &raw)?;
    protocol::call_method(&raw, "truncate", &[pos])
}

fn buf_raw(s: &PyRef) -> PyResult<PyRef> {
    raw_of(this(s)?)
}

fn buf_closed(s: &PyRef) -> PyResult<PyRef> {
    let raw = raw_of(this(s)?)?;
    protocol::getattr(&raw, crate::intern!("closed"))
}

fn buf_name(s: &PyRef) -> PyResult<PyRef> {
    let raw = raw_of(this(s)?)?;
    protocol::getattr(&raw, crate::intern!("name"))
}

fn buf_mode(s: &PyRef) -> PyResult<PyRef> {
    let raw = raw_of(this(s)?)?;
    protocol::getattr(&raw, crate::intern!("mode"))
}

fn buffered_repr(s: &PyRef) -> PyResult<PyRef> {
    let tn = s.ty().name().to_string();
    let tn = if tn.starts_with("Buffered") {
        format!("_io.{tn}")
    } else {
        tn
    };
    match protocol::lookup_attr(s, crate::intern!("name")) {
        Ok(Some(n)) => PyStr::new(&format!("<{tn} name={}>", protocol::repr_string(&n)?)),
        Ok(None) => PyStr::new(&format!("<{tn}>")),
        Err(e) if e.matches(&crate::objects::exceptions::VALUE_ERROR) => {
            PyStr::new(&format!("<{tn}>"))
        }
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------
// BufferedRWPair

fn rwpair_init(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    let a = parse_args(
        "BufferedRWPair",
        args,
        kw,
        &["reader", "writer", "buffer_size"],
        2,
    )?;
    let p = this(s)?;
    let (r, w) = (
        a[0].clone().unwrap_or_else(none),
        a[1].clone().unwrap_or_else(none),
    );
    let mut rargs = vec![r];
    let mut wargs = vec![w];
    if let Some(bs) = &a[2] {
        rargs.push(bs.clone());
        wargs.push(bs.clone());
    }
    let reader = protocol::call(&PyRef::from_static(&BUFFEREDREADER_TYPE), &rargs, None)?;
    let writer = protocol::call(&PyRef::from_static(&BUFFEREDWRITER_TYPE), &wargs, None)?;
    drop(p.reader.set(Some(reader)));
    drop(p.writer.set(Some(writer)));
    p.ok.set(true);
    Ok(())
}

fn pair(s: &PyRef, writer: bool) -> PyResult<PyRef> {
    let p = this(s)?;
    let c = if writer { &p.writer } else { &p.reader };
    c.get_owned()
        .ok_or_else(|| PyErr::value_error("I/O operation on uninitialized object"))
}

fn pair_read(s: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, false)?, "read", a)
}

fn pair_peek(s: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, false)?, "peek", a)
}

fn pair_read1(s: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, false)?, "read1", a)
}

fn pair_readline(s: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, false)?, "readline", a)
}

fn pair_readinto(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, false)?, "readinto", std::slice::from_ref(b))
}

fn pair_write(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, true)?, "write", std::slice::from_ref(b))
}

fn pair_flush(s: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, true)?, "flush", &[])
}

fn pair_readable(s: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, false)?, "readable", &[])
}

fn pair_writable(s: &PyRef) -> PyResult<PyRef> {
    protocol::call_method(&pair(s, true)?, "writable", &[])
}

fn pair_close(s: &PyRef) -> PyResult<PyRef> {
    let r1 = protocol::call_method(&pair(s, true)?, "close", &[]);
    let r2 = protocol::call_method(&pair(s, false)?, "close", &[]);
    r1?;
    r2
}

fn pair_isatty(s: &PyRef) -> PyResult<PyRef> {
    let w = protocol::call_method(&pair(s, true)?, "isatty", &[])?;
    if protocol::is_true(&w)? {
        return Ok(py_bool(true));
    }
    protocol::call_method(&pair(s, false)?, "isatty", &[])
}

fn pair_closed(s: &PyRef) -> PyResult<PyRef> {
    protocol::getattr(&pair(s, true)?, crate::intern!("closed"))
}

/// Appends `data` to a buffered writer over a FileIO (the standard
/// streams' fast path), flushing when full or when `flush`; false if `s` is
/// not such a writer.
pub fn fast_write(s: &PyRef, data: &[u8], flush: bool) -> bool {
    let Ok(p) = this(s) else {
        return false;
    };
    let Some(raw) = p.raw.get_owned() else {
        return false;
    };
    let Some(fd) = super::fileio::fileio_fd(&raw) else {
        return false;
    };
    if p.kind.get() & WRITE == 0 || p.detached.get() {
        return false;
    }
    let out = {
        let mut w = p.wbuf.borrow_mut();
        w.extend_from_slice(data);
        if flush || w.len() >= p.buffer_size.get() {
            Some(std::mem::take(&mut *w))
        } else {
            None
        }
    };
    if let Some(out) = out {
        let _ = super::fileio::write_all_fd(fd, &out);
    }
    true
}
