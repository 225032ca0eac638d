//! `io.FileIO` (CPython's `Modules/_io/fileio.c`): raw, unbuffered I/O on a
//! file descriptor, opened from a path (modes r, w, a, x, with +) or given
//! as an fd, with `closefd` and `opener`.
//!
//! Taipan note: system calls go through `std::fs::File` over the raw fd
//! (wrapped in `ManuallyDrop` so that only `close` closes it); OS errors
//! become `OSError(errno, strerror[, filename])`, which picks the subclass
//! (`FileNotFoundError`, ...) as CPython does.

use std::cell::Cell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::mem::ManuallyDrop;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::io::{FromRawFd, IntoRawFd};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::PyBytes;
use crate::objects::exceptions;
use crate::objects::int::PyInt;
use crate::objects::none::none;
use crate::objects::str::{parse_args, PyStr};

use super::bytesio::bytes_like;
use super::iobase::{fill_buffer, max_args, opt_size, RAWIOBASE_TYPE};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&FILEIO_TYPE];

/// The `FileIO` payload.
#[repr(C)]
pub struct PyFileIO {
    pub ob_base: PyObject,
    fd: Cell<i32>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// -1 unknown, 0 no, 1 yes.
    seekable: Cell<i8>,
    name: ObjCell,
}

pub static FILEIO_TYPE: PyType = PyType {
    tp_name: "_io.FileIO",
    tp_basicsize: Cell::new(std::mem::size_of::<PyFileIO>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_base: Cell::new(&RAWIOBASE_TYPE as *const PyType),
    tp_drop: Some(drop_fileio),
    tp_new: Cell::new(Some(fileio_new)),
    tp_init: Cell::new(Some(fileio_init)),
    tp_repr: Cell::new(Some(fileio_repr)),
    tp_methods: &[
        MethodDef::new("read", Meth::Fast(fio_read)),
        MethodDef::new("readall", Meth::NoArgs(fio_readall)),
        MethodDef::new("readinto", Meth::O(fio_readinto)),
        MethodDef::new("write", Meth::O(fio_write)),
        MethodDef::new("seek", Meth::Fast(fio_seek)),
        MethodDef::new("tell", Meth::NoArgs(fio_tell)),
        MethodDef::new("truncate", Meth::Fast(fio_truncate)),
        MethodDef::new("close", Meth::NoArgs(fio_close)),
        MethodDef::new("seekable", Meth::NoArgs(fio_seekable)),
        MethodDef::new("readable", Meth::NoArgs(fio_readable)),
        MethodDef::new("writable", Meth::NoArgs(fio_writable)),
        MethodDef::new("fileno", Meth::NoArgs(fio_fileno)),
        MethodDef::new("isatty", Meth::NoArgs(fio_isatty)),
        MethodDef::new("_dealloc_warn", Meth::O(fio_dealloc_warn)),
    ],
    tp_getset: &[
        GetSetDef::getter("closed", fio_closed),
        GetSetDef::getter("closefd", fio_closefd),
        GetSetDef::getter("mode", fio_mode),
        GetSetDef {
            name: "name",
            get: Some(fio_name),
            set: Some(fio_set_name),
            doc: "",
        },
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyFileIO {
    fn type_object() -> &'static PyType {
        &FILEIO_TYPE
    }
}

unsafe fn drop_fileio(obj: *mut PyObject) {
    // SAFETY: obj is a dead FileIO.
    unsafe {
        let p = &*(obj as *const PyFileIO);
        if p.fd.get() >= 0 && p.closefd.get() {
            drop(File::from_raw_fd(p.fd.get()));
        }
        drop(p.name.take());
    }
}

fn fileio_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("FileIO.__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyFileIO {
            ob_base: PyObject::NEW,
            fd: Cell::new(-1),
            readable: Cell::new(false),
            writable: Cell::new(false),
            appending: Cell::new(false),
            created: Cell::new(false),
            closefd: Cell::new(true),
            seekable: Cell::new(-1),
            name: ObjCell::empty(),
        },
    )
}

fn this(s: &PyRef) -> PyResult<&PyFileIO> {
    s.downcast::<PyFileIO>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_io.FileIO' object but received a '{}'",
            s.ty().name()
        ))
    })
}

/// The strerror text of an errno (std's message without its suffix).
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror[, filename])` from an I/O error.
pub fn os_err(e: &std::io::Error, filename: Option<&PyRef>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    let mut args = match (PyInt::new(code as i64), PyStr::new(&strerror(e))) {
        (Ok(a), Ok(b)) => vec![a, b],
        (Err(x), _) | (_, Err(x)) => return x,
    };
    if let Some(f) = filename {
        args.push(f.clone());
    }
    PyErr::with_args(&exceptions::OS_ERROR, &args)
}

/// Runs `f` on the open file, or raises ValueError for a closed one.
fn with_file<R>(p: &PyFileIO, f: impl FnOnce(&mut File) -> R) -> PyResult<R> {
    let fd = p.fd.get();
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    // SAFETY: fd is an open descriptor this object owns or borrows; the File is never dropped (ManuallyDrop), so it is not closed here.
    let mut file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    Ok(f(&mut file))
}

fn mode_error(mode: &str) -> PyErr {
    PyErr::value_error(format!("invalid mode: {mode}"))
}

const MODE_ONE: &str =
    "Must have exactly one of create/read/write/append mode and at most one plus";

fn fileio_init(s: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<()> {
    let a = parse_args(
        "FileIO",
        args,
        kw,
        &["file", "mode", "closefd", "opener"],
        1,
    )?;
    let p = this(s)?;
    if p.fd.get() >= 0 {
        if p.closefd.get() {
            fio_close(s)?;
        } else {
            p.fd.set(-1);
        }
    }
    let nameobj = a[0].clone().unwrap_or_else(none);
    let mode = match &a[1] {
        None => "r".to_string(),
        Some(m) => crate::objects::str::str_arg(m, "FileIO() argument 'mode'")?.to_string(),
    };
    let closefd = match &a[2] {
        None => true,
        Some(c) => protocol::is_true(c)?,
    };
    let opener = a[3].clone().filter(|o| !o.is(&none()));
    let (mut rd, mut wr, mut ap, mut cr, mut plus, mut trunc) =
        (false, false, false, false, false, false);
    let mut rwa = false;
    for ch in mode.chars() {
        match ch {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(PyErr::value_error(MODE_ONE));
                }
                rwa = true;
                match ch {
                    'x' => {
                        cr = true;
                        wr = true;
                    }
                    'r' => rd = true,
                    'w' => {
                        wr = true;
                        trunc = true;
                    }
                    _ => {
                        ap = true;
                        wr = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(PyErr::value_error(MODE_ONE));
                }
                rd = true;
                wr = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(mode_error(&mode)),
        }
    }
    if !rwa {
        return Err(PyErr::value_error(MODE_ONE));
    }
    let _ = plus;
    p.readable.set(rd);
    p.writable.set(wr);
    p.appending.set(ap);
    p.created.set(cr);
    p.seekable.set(-1);
    // An fd given as an int.
    if nameobj.is_instance_of::<PyInt>() {
        let fd = crate::objects::int::as_i64(&nameobj)?;
        if fd < 0 || fd > i32::MAX as i64 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        p.fd.set(fd as i32);
        p.closefd.set(closefd);
    } else {
        if !closefd {
            return Err(PyErr::value_error(
                "Cannot use closefd=False with file name",
            ));
        }
        let fd = if let Some(op) = opener {
            let mut flags: i64 = if rd && wr {
                2
            } else if wr {
                1
            } else {
                0
            };
            if cr {
                flags |= 0o100 | 0o200;
            }
            if trunc {
                flags |= 0o100 | 0o1000;
            }
            if ap {
                flags |= 0o100 | 0o2000;
            }
            flags |= 0o2000000;
            let r = protocol::call(&op, &[nameobj.clone(), PyInt::new(flags)?], None)?;
            let Some(_) = r.downcast::<PyInt>() else {
                return Err(PyErr::type_error("expected integer from opener"));
            };
            let fd = crate::objects::int::as_i64(&r)?;
            if fd < 0 {
                return Err(PyErr::value_error(format!("opener returned {fd}")));
            }
            fd as i32
        } else {
            let path: String = if let Some(st) = nameobj.downcast::<PyStr>() {
                st.as_str().to_string()
            } else if let Some(b) = crate::objects::bytes::bytes_data(&nameobj) {
                String::from_utf8_lossy(b).into_owned()
            } else {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    nameobj.ty().name()
                )));
            };
            if path.contains('\0') {
                return Err(PyErr::value_error("embedded null byte"));
            }
            let mut oo = std::fs::OpenOptions::new();
            oo.read(rd).write(wr && !ap).append(ap).mode(0o666);
            if cr {
                oo.create_new(true);
            } else if trunc {
                oo.create(true).truncate(true);
            } else if ap {
                oo.create(true);
            }
            match oo.open(&path) {
                Ok(f) => f.into_raw_fd(),
                Err(e) => return Err(os_err(&e, Some(&nameobj))),
            }
        };
        p.fd.set(fd);
        p.closefd.set(true);
        // A directory cannot be opened as a file.
        if let Ok(Ok(md)) = with_file(p, |f| f.metadata()) {
            if md.is_dir() {
                fio_close(s)?;
                let e = std::io::Error::from_raw_os_error(21);
                return Err(os_err(&e, Some(&nameobj)));
            }
        }
    }
    drop(p.name.set(Some(nameobj)));
    if ap {
        // SEEK_END once, as CPython does for append mode.
        let _ = with_file(p, |f| f.seek(SeekFrom::End(0)));
    }
    Ok(())
}

fn open_p(s: &PyRef) -> PyResult<&PyFileIO> {
    let p = this(s)?;
    if p.fd.get() < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(p)
}

fn not_mode(what: &str) -> PyErr {
    super::iobase::unsupported(&format!("File not open for {what}"))
}

fn fio_read(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("read", args, 1)?;
    let size = opt_size(args.first())?;
    let p = open_p(s)?;
    if !p.readable.get() {
        return Err(not_mode("reading"));
    }
    if size < 0 {
        return fio_readall(s);
    }
    let mut buf = vec![0u8; size as usize];
    let n = loop {
        match with_file(p, |f| f.read(&mut buf))? {
            Ok(n) => break n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(os_err(&e, None)),
        }
    };
    PyBytes::new(&buf[..n])
}

fn fio_readall(s: &PyRef) -> PyResult<PyRef> {
    let p = open_p(s)?;
    let mut out = Vec::new();
    match with_file(p, |f| f.read_to_end(&mut out))? {
        Ok(_) => PyBytes::new(&out),
        Err(e) => Err(os_err(&e, None)),
    }
}

fn fio_readinto(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let p = open_p(s)?;
    if !p.readable.get() {
        return Err(not_mode("reading"));
    }
    let len = protocol::len(b)?;
    let mut buf = vec![0u8; len];
    let n = match with_file(p, |f| f.read(&mut buf))? {
        Ok(n) => n,
        Err(e) => return Err(os_err(&e, None)),
    };
    fill_buffer(b, &buf[..n])?;
    PyInt::new(n as i64)
}

fn fio_write(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let p = open_p(s)?;
    if !p.writable.get() {
        return Err(not_mode("writing"));
    }
    let data = bytes_like(b)?;
    match with_file(p, |f| f.write(&data))? {
        Ok(n) => PyInt::new(n as i64),
        Err(e) => Err(os_err(&e, None)),
    }
}

/// Writes all of `data` to `fd` (used by the buffered writer's fast path).
pub fn write_all_fd(fd: i32, data: &[u8]) -> std::io::Result<()> {
    // SAFETY: fd is an open descriptor owned elsewhere; never closed here.
    let mut file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    file.write_all(data)
}

fn fio_seek(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "seek expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let pos = crate::objects::int::as_i64(&args[0])?;
    let whence = match args.get(1) {
        Some(w) => crate::objects::int::as_i64(w)?,
        None => 0,
    };
    let p = open_p(s)?;
    let sf = match whence {
        0 => {
            if pos < 0 {
                return Err(os_err(&std::io::Error::from_raw_os_error(22), None));
            }
            SeekFrom::Start(pos as u64)
        }
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_err(&std::io::Error::from_raw_os_error(22), None)),
    };
    match with_file(p, |f| f.seek(sf))? {
        Ok(n) => PyInt::new(n as i64),
        Err(e) => Err(os_err(&e, None)),
    }
}

fn fio_tell(s: &PyRef) -> PyResult<PyRef> {
    let p = open_p(s)?;
    match with_file(p, |f| f.stream_position())? {
        Ok(n) => PyInt::new(n as i64),
        Err(e) => Err(os_err(&e, None)),
    }
}

fn fio_truncate(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    max_args("truncate", args, 1)?;
    let p = open_p(s)?;
    if !p.writable.get() {
        return Err(not_mode("writing"));
    }
    let size = match args.first() {
        Some(v) if !v.is(&none()) => crate::objects::int::as_i64(v)?,
        _ => match with_file(p, |f| f.stream_position())? {
            Ok(n) => n as i64,
            Err(e) => return Err(os_err(&e, None)),
        },
    };
    if size < 0 {
        return Err(os_err(&std::io::Error::from_raw_os_error(22), None));
    }
    match with_file(p, |f| f.set_len(size as u64))? {
        Ok(()) => PyInt::new(size),
        Err(e) => Err(os_err(&e, None)),
    }
}

fn fio_close(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let fd = p.fd.get();
    if fd >= 0 {
        p.fd.set(-1);
        if p.closefd.get() {
            // SAFETY: fd is open and owned by this object; dropping closes it.
            drop(unsafe { File::from_raw_fd(fd) });
        }
    }
    Ok(none())
}

fn fio_seekable(s: &PyRef) -> PyResult<PyRef> {
    let p = open_p(s)?;
    if p.seekable.get() < 0 {
        let ok = with_file(p, |f| f.stream_position())?.is_ok();
        p.seekable.set(ok as i8);
    }
    Ok(py_bool(p.seekable.get() == 1))
}

fn fio_readable(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(open_p(s)?.readable.get()))
}

fn fio_writable(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(open_p(s)?.writable.get()))
}

fn fio_fileno(s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(open_p(s)?.fd.get() as i64)
}

fn fio_isatty(s: &PyRef) -> PyResult<PyRef> {
    use std::io::IsTerminal;
    let p = open_p(s)?;
    Ok(py_bool(with_file(p, |f| f.is_terminal())?))
}

fn fio_dealloc_warn(_s: &PyRef, _o: &PyRef) -> PyResult<PyRef> {
    Ok(none())
}

fn fio_closed(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(this(s)?.fd.get() < 0))
}

fn fio_closefd(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(this(s)?.closefd.get()))
}

/// The mode string CPython reports (`mode_string`).
pub fn mode_str(p: &PyFileIO) -> &'static str {
    if p.created.get() {
        if p.readable.get() {
            "xb+"
        } else {
            "xb"
        }
    } else if p.appending.get() {
        if p.readable.get() {
            "ab+"
        } else {
            "ab"
        }
    } else if p.readable.get() {
        if p.writable.get() {
            "rb+"
        } else {
            "rb"
        }
    } else {
        "wb"
    }
}

fn fio_mode(s: &PyRef) -> PyResult<PyRef> {
    PyStr::new(mode_str(this(s)?))
}

fn fio_name(s: &PyRef) -> PyResult<PyRef> {
    this(s)?
        .name
        .get_owned()
        .ok_or_else(|| PyErr::attribute_error("'_io.FileIO' object has no attribute 'name'"))
}

fn fio_set_name(s: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    drop(this(s)?.name.set(v.cloned()));
    Ok(())
}

fn fileio_repr(s: &PyRef) -> PyResult<PyRef> {
    let p = this(s)?;
    let tn = s.ty().name().to_string();
    let tn = if tn == "FileIO" {
        "_io.FileIO".to_string()
    } else {
        tn
    };
    if p.fd.get() < 0 {
        return PyStr::new(&format!("<{tn} [closed]>"));
    }
    let closefd = if p.closefd.get() { "True" } else { "False" };
    match p.name.get_owned() {
        Some(n) => PyStr::new(&format!(
            "<{tn} name={} mode='{}' closefd={closefd}>",
            protocol::repr_string(&n)?,
            mode_str(p)
        )),
        None => PyStr::new(&format!(
            "<{tn} fd={} mode='{}' closefd={closefd}>",
            p.fd.get(),
            mode_str(p)
        )),
    }
}

/// The fd of a FileIO (for fast paths), or None.
pub fn fileio_fd(o: &PyRef) -> Option<i32> {
    o.downcast::<PyFileIO>()
        .map(|p| p.fd.get())
        .filter(|&fd| fd >= 0)
}
