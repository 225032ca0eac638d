//! The `_io` module (CPython's `Modules/_io/_iomodule.c`): the native core
//! of `io`. `io.py` imports everything from here.
//!
//! Done: the abstract bases (`iobase.rs`), `StringIO` (`stringio.rs`),
//! `BytesIO` (`bytesio.rs`), `UnsupportedOperation`, `DEFAULT_BUFFER_SIZE`.
//! Taipan deviation (for now): `FileIO`, the buffered classes,
//! `TextIOWrapper` and `IncrementalNewlineDecoder` are plain subclasses of
//! the right bases without behaviour of their own, and `open` raises
//! `UnsupportedOperation`, so that `import io` works.

pub mod bufferedio;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod stringio;

use crate::object::protocol;
use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

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
    v
}

fn io_open(_m: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    Err(iobase::unsupported("open() is not supported yet"))
}

/// `text_encoding(encoding, stacklevel=2)`: "locale" for None (UTF-8 mode
/// is off), else the encoding unchanged.
fn io_text_encoding(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "text_encoding expected at least 1 argument, got {}",
            args.len()
        )));
    }
    if args[0].is(&none()) {
        return PyStr::new("locale");
    }
    Ok(args[0].clone())
}

static IO_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("open", Meth::FastKw(io_open)),
    MethodDef::new("open_code", Meth::FastKw(io_open)),
    MethodDef::new("text_encoding", Meth::Fast(io_text_encoding)),
];

/// A placeholder class `name` deriving from `base`.
fn subclass(name: &str, base: &'static PyType) -> PyResult<PyRef> {
    let ns = PyDict::new()?;
    // SAFETY: just made.
    unsafe { ns.payload_unchecked::<PyDict>() }.set_str("__module__", PyStr::new("_io")?)?;
    protocol::call(
        &PyRef::from_static(&crate::objects::type_::TYPE_TYPE),
        &[
            PyStr::new(name)?,
            PyTuple::new(vec![PyRef::from_static(base)])?,
            ns,
        ],
        None,
    )
}

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
    d.set_str("DEFAULT_BUFFER_SIZE", PyInt::new(DEFAULT_BUFFER_SIZE as i64)?)?;
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
    ] {
        d.set_str(name, PyRef::from_static(ty))?;
    }
    for (name, base) in [
        ("TextIOWrapper", &iobase::TEXTIOBASE_TYPE),
        ("IncrementalNewlineDecoder", &crate::objects::object::OBJECT_TYPE),
    ] {
        d.set_str(name, subclass(name, base)?)?;
    }
    Ok(m)
}
