//! The `_io` module (CPython's `Modules/_io/_iomodule.c`): the native core
//! of `io`. `io.py` imports everything from here.
//!
//! One file per CPython file: the abstract bases (`iobase.rs`), `FileIO`
//! (`fileio.rs`), the buffered classes (`bufferedio.rs`), `TextIOWrapper`
//! and `IncrementalNewlineDecoder` (`textio.rs`), `StringIO`
//! (`stringio.rs`), `BytesIO` (`bytesio.rs`); `open` is here.

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// Every static type of the `_io` files.
pub fn all_types() -> Vec<&'static PyType> {
    let mut v = Vec::new();
    v.extend_from_slice(iobase::TYPES);
    v.extend_from_slice(stringio::TYPES);
    v.extend_from_slice(bytesio::TYPES);
    v.extend_from_slice(fileio::TYPES);
    v.extend_from_slice(bufferedio::TYPES);
    v.extend_from_slice(textio::TYPES);
    v
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)` (`_io_open_impl`).
pub fn io_open(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::str::parse_args(
        "open",
        args,
        kw,
        &[
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
    )?;
    let file = a[0].clone().unwrap_or_else(none);
    let mode = match &a[1] {
        None => "r".to_string(),
        Some(m) => match m.downcast::<PyStr>() {
            Some(s) => s.as_str().to_string(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    m.ty().name()
                )))
            }
        },
    };
    let buffering = match &a[2] {
        None => -1,
        Some(b) => crate::objects::int::as_i64(b)?,
    };
    let opt_s = |o: &Option<PyRef>, what: &str| -> PyResult<Option<PyRef>> {
        match o {
            None => Ok(None),
            Some(v) if v.is(&none()) => Ok(None),
            Some(v) if v.is_instance_of::<PyStr>() => Ok(Some(v.clone())),
            Some(v) => Err(PyErr::type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                v.ty().name()
            ))),
        }
    };
    let encoding = opt_s(&a[3], "encoding")?;
    let errors = opt_s(&a[4], "errors")?;
    let newline = opt_s(&a[5], "newline")?;
    let closefd = match &a[6] {
        None => true,
        Some(c) => protocol::is_true(c)?,
    };
    let opener = a[7].clone().unwrap_or_else(none);
    if !file.is_instance_of::<PyStr>()
        && !file.is_instance_of::<crate::objects::bytes::PyBytes>()
        && !file.is_instance_of::<PyInt>()
    {
        return Err(PyErr::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            file.ty().name()
        )));
    }
    let (mut creating, mut reading, mut writing, mut appending, mut updating) =
        (false, false, false, false, false);
    let (mut text, mut binary) = (false, false);
    let mut seen = String::new();
    for c in mode.chars() {
        if !"xrwabt+".contains(c) || seen.contains(c) {
            return Err(PyErr::value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'x' => creating = true,
            'r' => reading = true,
            'w' => writing = true,
            'a' => appending = true,
            '+' => updating = true,
            't' => text = true,
            _ => binary = true,
        }
    }
    let mut rawmode = String::new();
    if creating {
        rawmode.push('x');
    }
    if reading {
        rawmode.push('r');
    }
    if writing {
        rawmode.push('w');
    }
    if appending {
        rawmode.push('a');
    }
    if updating {
        rawmode.push('+');
    }
    if text && binary {
        return Err(PyErr::value_error(
            "can't have text and binary mode at once",
        ));
    }
    if [creating, reading, writing, appending]
        .iter()
        .filter(|x| **x)
        .count()
        > 1
    {
        return Err(PyErr::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if binary && encoding.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take an encoding argument",
        ));
    }
    if binary && errors.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take an errors argument",
        ));
    }
    if binary && newline.is_some() {
        return Err(PyErr::value_error(
            "binary mode doesn't take a newline argument",
        ));
    }
    let raw = protocol::call(
        &PyRef::from_static(&fileio::FILEIO_TYPE),
        &[file, PyStr::new(&rawmode)?, py_bool(closefd), opener],
        None,
    )?;
    let mut buffering = buffering;
    let mut line_buffering = false;
    let isatty = protocol::call_method(&raw, "isatty", &[])?;
    let isatty = protocol::is_true(&isatty)?;
    if buffering == 1 || (buffering < 0 && isatty) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        buffering = DEFAULT_BUFFER_SIZE as i64;
    }
    if buffering == 0 {
        if binary {
            return Ok(raw);
        }
        let _ = protocol::call_method(&raw, "close", &[]);
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let bty: &'static PyType = if updating {
        &bufferedio::BUFFEREDRANDOM_TYPE
    } else if creating || writing || appending {
        &bufferedio::BUFFEREDWRITER_TYPE
    } else {
        &bufferedio::BUFFEREDREADER_TYPE
    };
    let buffer = protocol::call(
        &PyRef::from_static(bty),
        &[raw.clone(), PyInt::new(buffering)?],
        None,
    )?;
    if binary {
        return Ok(buffer);
    }
    let wrapper = protocol::call(
        &PyRef::from_static(&textio::TEXTIOWRAPPER_TYPE),
        &[
            buffer,
            encoding.unwrap_or_else(none),
            errors.unwrap_or_else(none),
            newline.unwrap_or_else(none),
            py_bool(line_buffering),
        ],
        None,
    )?;
    protocol::setattr(&wrapper, crate::intern!("mode"), Some(&PyStr::new(&mode)?))?;
    Ok(wrapper)
}

/// `text_encoding(encoding, stacklevel=2)`: "utf-8" for None (Taipan runs
/// in UTF-8 mode), else the encoding unchanged.
fn io_text_encoding(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "text_encoding expected at least 1 argument, got {}",
            args.len()
        )));
    }
    if args[0].is(&none()) {
        return PyStr::new("utf-8");
    }
    Ok(args[0].clone())
}

/// `io.open_code(path)`: the file opened for import, `open(path, 'rb')`
/// (`PyFile_OpenCodeObject` with no hook installed).
fn io_open_code(m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames.map(|k| protocol::len(k).unwrap_or(0)).unwrap_or(0);
    let keyword_path = match kwnames {
        Some(k) if nkw == 1 => crate::objects::descr::name_str(&protocol::collect(k)?[0]) == "path",
        _ => false,
    };
    let path = match (args.len() - nkw, nkw) {
        (1, 0) => args[0].clone(),
        (0, 1) if keyword_path => args[0].clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "open_code() takes exactly 1 argument ({} given)",
                args.len()
            )))
        }
    };
    if !path.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            path.ty().name()
        )));
    }
    io_open(m, &[path, PyStr::new("rb")?], None)
}

static IO_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("open", Meth::FastKw(io_open)),
    MethodDef::new("open_code", Meth::FastKw(io_open_code)),
    MethodDef::new("text_encoding", Meth::Fast(io_text_encoding)),
];

/// Creates the `_io` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_io")?;
    PyModule::add_functions(&m, IO_FUNCTIONS)?;
    let md = m
        .downcast::<PyModule>()
        .ok_or_else(|| PyErr::system_error("not a module"))?
        .dict();
    // SAFETY: a module dict is a dict.
    let d = unsafe { md.payload_unchecked::<PyDict>() };
    d.set_str(
        "DEFAULT_BUFFER_SIZE",
        PyInt::new(DEFAULT_BUFFER_SIZE as i64)?,
    )?;
    d.set_str(
        "BlockingIOError",
        PyRef::from_static(&exceptions::BLOCKING_IO_ERROR),
    )?;
    d.set_str("UnsupportedOperation", iobase::unsupported_type()?)?;
    for (name, ty) in [
        ("_IOBase", &iobase::IOBASE_TYPE),
        ("_RawIOBase", &iobase::RAWIOBASE_TYPE),
        ("_BufferedIOBase", &iobase::BUFFEREDIOBASE_TYPE),
        ("_TextIOBase", &iobase::TEXTIOBASE_TYPE),
        ("StringIO", &stringio::STRINGIO_TYPE),
        ("BytesIO", &bytesio::BYTESIO_TYPE),
        ("FileIO", &fileio::FILEIO_TYPE),
        ("BufferedReader", &bufferedio::BUFFEREDREADER_TYPE),
        ("BufferedWriter", &bufferedio::BUFFEREDWRITER_TYPE),
        ("BufferedRandom", &bufferedio::BUFFEREDRANDOM_TYPE),
        ("BufferedRWPair", &bufferedio::BUFFEREDRWPAIR_TYPE),
        ("TextIOWrapper", &textio::TEXTIOWRAPPER_TYPE),
        ("IncrementalNewlineDecoder", &textio::NLDECODER_TYPE),
    ] {
        d.set_str(name, PyRef::from_static(ty))?;
    }
    Ok(m)
}

// ---------------------------------------------------------------------------
// The standard streams (CPython's `create_stdio` in `Python/pylifecycle.c`).

static STD_STREAMS: crate::gil::GilCell<[Option<PyRef>; 3]> =
    crate::gil::GilCell::new([None, None, None]);

/// Makes `sys.stdin` / `sys.stdout` / `sys.stderr` for `fd` 0, 1, 2 as
/// CPython does: a `TextIOWrapper` (utf-8; errors "strict", or
/// "backslashreplace" for stderr) over a buffered stream over
/// `FileIO(fd, closefd=False)`; stdout is line-buffered only on a terminal,
/// stderr always. The objects are remembered so that `print` and the
/// runtime's own messages can write into their buffers directly.
pub fn make_std_stream(fd: u8) -> PyResult<PyRef> {
    let write = fd != 0;
    let raw = protocol::call(
        &PyRef::from_static(&fileio::FILEIO_TYPE),
        &[
            PyInt::new(fd as i64)?,
            PyStr::new(if write { "wb" } else { "rb" })?,
            py_bool(false),
        ],
        None,
    )?;
    let name = PyStr::new(match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    })?;
    protocol::setattr(&raw, crate::intern!("name"), Some(&name))?;
    let bty: &'static PyType = if write {
        &bufferedio::BUFFEREDWRITER_TYPE
    } else {
        &bufferedio::BUFFEREDREADER_TYPE
    };
    // PYTHONUNBUFFERED: text straight over the raw stream, written through.
    let unbuffered = write && std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty());
    let buffer = if unbuffered {
        raw.clone()
    } else {
        protocol::call(&PyRef::from_static(bty), std::slice::from_ref(&raw), None)?
    };
    let isatty = protocol::call_method(&raw, "isatty", &[])?;
    let line_buffering = fd == 2 || (write && protocol::is_true(&isatty)?);
    let text = protocol::call(
        &PyRef::from_static(&textio::TEXTIOWRAPPER_TYPE),
        &[
            buffer,
            PyStr::new("utf-8")?,
            // UTF-8 mode: surrogateescape for stdin and stdout.
            PyStr::new(if fd == 2 {
                "backslashreplace"
            } else {
                "surrogateescape"
            })?,
            PyStr::new("\n")?,
            py_bool(line_buffering),
            py_bool(unbuffered),
        ],
        None,
    )?;
    protocol::setattr(
        &text,
        crate::intern!("mode"),
        Some(&PyStr::new(if write { "w" } else { "r" })?),
    )?;
    // SAFETY: GIL held; no borrow of the array is alive.
    let old = unsafe { (*STD_STREAMS.as_ptr())[fd as usize].replace(text.clone()) };
    drop(old);
    Ok(text)
}

fn std_stream(fd: u8) -> Option<PyRef> {
    // SAFETY: GIL held; short read.
    unsafe { (*STD_STREAMS.as_ptr()).get(fd as usize).cloned().flatten() }
}

/// If `o` is the original `sys.stdout` (1) or `sys.stderr` (2).
pub fn original_std_fd(o: &PyRef) -> Option<u8> {
    (1..=2u8).find(|&fd| std_stream(fd).is_some_and(|s| s.is(o)))
}

/// Writes `s` through the original standard stream `fd` (1 or 2), into the
/// same buffer `sys.stdout.write` uses; false when there is none yet.
pub fn std_write(fd: u8, s: &str) -> bool {
    let Some(text) = std_stream(fd) else {
        return false;
    };
    let Some(buffer) = textio::textio_buffer(&text) else {
        return false;
    };
    if let Some(fd) = fileio::fileio_fd(&buffer) {
        let _ = fileio::write_all_fd(fd, s.as_bytes());
        return true;
    }
    let flush = textio::line_buffered(&text) && s.contains(['\n', '\r']);
    bufferedio::fast_write(&buffer, s.as_bytes(), flush)
}

/// Flushes the original standard streams' buffers and those of the open
/// files.
pub fn std_flush() {
    bufferedio::flush_all_files();
    for fd in 1..=2u8 {
        if let Some(b) = std_stream(fd).and_then(|t| textio::textio_buffer(&t)) {
            let _ = bufferedio::flush_buffered(&b);
        }
    }
}
