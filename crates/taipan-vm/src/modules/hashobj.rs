//! The hash object shared by `_md5`, `_sha1`, `_sha256`, `_sha3` and
//! `_blake2` (CPython repeats the same object in each of
//! `Modules/md5module.c`, `sha1module.c`, `sha256module.c`,
//! `_sha3/sha3module.c` and `_blake2/blake2b_impl.c`): `update`, `digest`,
//! `hexdigest`, `copy`, `name`, `digest_size`, `block_size`. Each module
//! declares its own static types over this payload; the algorithm behind an
//! object is a [`HashAlgo`].

use std::cell::UnsafeCell;

use crate::object::*;
use crate::objects::bytes::PyBytes;
use crate::objects::int::PyInt;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// One running hash computation.
pub trait HashAlgo {
    fn update(&mut self, data: &[u8]);
    /// The digest of what was fed so far (the state is kept); `len` is the
    /// length asked of an extendable-output function.
    fn digest(&self, len: usize) -> Vec<u8>;
    fn boxed_clone(&self) -> Box<dyn HashAlgo>;
    fn name(&self) -> &'static str;
    fn digest_size(&self) -> usize;
    fn block_size(&self) -> usize;
}

/// A `HashAlgo` over a RustCrypto `Digest`.
#[derive(Clone)]
pub struct CryptoHash<D: Clone> {
    pub inner: D,
    pub name: &'static str,
    pub block_size: usize,
}

impl<D: sha2::digest::Digest + Clone + 'static> HashAlgo for CryptoHash<D> {
    fn update(&mut self, data: &[u8]) {
        sha2::digest::Digest::update(&mut self.inner, data);
    }
    fn digest(&self, _len: usize) -> Vec<u8> {
        self.inner.clone().finalize().to_vec()
    }
    fn boxed_clone(&self) -> Box<dyn HashAlgo> {
        Box::new(self.clone())
    }
    fn name(&self) -> &'static str {
        self.name
    }
    fn digest_size(&self) -> usize {
        <D as sha2::digest::Digest>::output_size()
    }
    fn block_size(&self) -> usize {
        self.block_size
    }
}

#[repr(C)]
pub struct PyHashObj {
    pub ob_base: PyObject,
    algo: UnsafeCell<Option<Box<dyn HashAlgo>>>,
}

// SAFETY: repr(C), header first; every type built with `hash_type!` has this layout.
unsafe impl PyPayload for PyHashObj {
    fn type_object() -> &'static PyType {
        &crate::modules::_md5::MD5_TYPE
    }
}

/// `tp_drop` of every hash type.
///
/// # Safety
/// `obj` is a dead hash object.
pub unsafe fn drop_hash(obj: *mut PyObject) {
    // SAFETY: obj is a dead hash object; its state is dropped once.
    unsafe { std::ptr::drop_in_place((*(obj as *mut PyHashObj)).algo.get()) }
}

#[allow(clippy::mut_from_ref)]
fn algo(o: &PyRef) -> PyResult<&mut Box<dyn HashAlgo>> {
    // SAFETY: the method and getset descriptors of the hash types check that `o` is one of them; the state is borrowed only inside one method, which runs no Python code meanwhile.
    let a = unsafe { &mut *o.payload_unchecked::<PyHashObj>().algo.get() };
    a.as_mut()
        .ok_or_else(|| PyErr::value_error("hash object is not initialized"))
}

/// Makes a hash object of type `ty` around `a`.
pub fn new_hash(ty: &PyType, a: Box<dyn HashAlgo>) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyHashObj {
            ob_base: PyObject::NEW,
            algo: UnsafeCell::new(Some(a)),
        },
    )
}

/// The data a hash takes: a bytes-like object, never a str.
pub fn data_of(o: &PyRef) -> PyResult<Vec<u8>> {
    if o.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    crate::objects::bytes::buffer_bytes(o)
        .ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

fn h_update(o: &PyRef, data: &PyRef) -> PyResult<PyRef> {
    let d = data_of(data)?;
    algo(o)?.update(&d);
    Ok(none())
}

fn h_digest(o: &PyRef) -> PyResult<PyRef> {
    PyBytes::new(&algo(o)?.digest(0))
}

pub fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn h_hexdigest(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&hex(&algo(o)?.digest(0)))
}

fn h_copy(o: &PyRef) -> PyResult<PyRef> {
    let a = algo(o)?.boxed_clone();
    new_hash(o.ty(), a)
}

fn xof_len(arg: &PyRef) -> PyResult<usize> {
    let n = crate::objects::int::as_i64(arg)?;
    if n < 0 {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    if n >= 1 << 29 {
        return Err(PyErr::value_error("length is too large"));
    }
    Ok(n as usize)
}

fn x_digest(o: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let n = xof_len(arg)?;
    PyBytes::new(&algo(o)?.digest(n))
}

fn x_hexdigest(o: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let n = xof_len(arg)?;
    PyStr::new(&hex(&algo(o)?.digest(n)))
}

pub const METHODS: &[MethodDef] = &[
    MethodDef::new("update", Meth::O(h_update)),
    MethodDef::new("digest", Meth::NoArgs(h_digest)),
    MethodDef::new("hexdigest", Meth::NoArgs(h_hexdigest)),
    MethodDef::new("copy", Meth::NoArgs(h_copy)),
];

/// The methods of SHAKE objects: `digest(length)` and `hexdigest(length)`.
pub const XOF_METHODS: &[MethodDef] = &[
    MethodDef::new("update", Meth::O(h_update)),
    MethodDef::new("digest", Meth::O(x_digest)),
    MethodDef::new("hexdigest", Meth::O(x_hexdigest)),
    MethodDef::new("copy", Meth::NoArgs(h_copy)),
];

pub const GETSET: &[GetSetDef] = &[
    GetSetDef::getter("name", |o| PyStr::new(algo(o)?.name())),
    GetSetDef::getter("digest_size", |o| PyInt::new(algo(o)?.digest_size() as i64)),
    GetSetDef::getter("block_size", |o| PyInt::new(algo(o)?.block_size() as i64)),
];

/// Parses `f(string=b'', *, usedforsecurity=True)` (the functions of
/// `_md5`, `_sha1`, `_sha256`): the data, if any.
pub fn parse_ctor_args(
    fname: &str,
    args: &[PyRef],
    kw: Option<&PyRef>,
) -> PyResult<Option<Vec<u8>>> {
    let mut kwa = crate::modules::builtins::KwArgs::new(args, kw);
    let _ = kwa.take("usedforsecurity");
    let string = kwa.take("string");
    if kwa.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 1 positional argument ({} given)",
            kwa.pos.len()
        )));
    }
    kwa.finish(fname)?;
    match kwa.pos.first().or(string) {
        Some(d) => Ok(Some(data_of(d)?)),
        None => Ok(None),
    }
}

/// Declares a static hash type named `$name` with `$methods`.
#[macro_export]
macro_rules! hash_type {
    ($stat:ident, $name:expr, $methods:expr) => {
        $crate::hash_type!($stat, $name, $methods, 0, None);
    };
    ($stat:ident, $name:expr, $methods:expr, $flags:expr, $new:expr) => {
        pub static $stat: $crate::object::PyType = $crate::object::PyType {
            tp_name: $name,
            tp_basicsize: std::cell::Cell::new(std::mem::size_of::<
                $crate::modules::hashobj::PyHashObj,
            >()),
            tp_flags: std::cell::Cell::new($flags),
            tp_drop: Some($crate::modules::hashobj::drop_hash),
            tp_methods: $methods,
            tp_getset: $crate::modules::hashobj::GETSET,
            tp_new: std::cell::Cell::new($new),
            ..$crate::object::PyType::BASE
        };
    };
}
