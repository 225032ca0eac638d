//! The `_sha256` module (CPython's `Modules/sha256module.c`): `sha256()` and
//! `sha224()` hash objects, over the RustCrypto `sha2` crate; the object is
//! the shared one of `hashobj.rs`.

use crate::modules::hashobj::{self, CryptoHash};
use crate::object::*;
use crate::objects::module::PyModule;

crate::hash_type!(SHA256_TYPE, "_sha256.sha256", hashobj::METHODS);
crate::hash_type!(SHA224_TYPE, "_sha256.sha224", hashobj::METHODS);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&SHA256_TYPE, &SHA224_TYPE];

fn m_sha256(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let data = hashobj::parse_ctor_args("sha256", args, kw)?;
    let mut h = CryptoHash {
        inner: <sha2::Sha256 as sha2::digest::Digest>::new(),
        name: "sha256",
        block_size: 64,
    };
    if let Some(d) = data {
        hashobj::HashAlgo::update(&mut h, &d);
    }
    hashobj::new_hash(&SHA256_TYPE, Box::new(h))
}

fn m_sha224(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let data = hashobj::parse_ctor_args("sha224", args, kw)?;
    let mut h = CryptoHash {
        inner: <sha2::Sha224 as sha2::digest::Digest>::new(),
        name: "sha224",
        block_size: 64,
    };
    if let Some(d) = data {
        hashobj::HashAlgo::update(&mut h, &d);
    }
    hashobj::new_hash(&SHA224_TYPE, Box::new(h))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("sha256", Meth::FastKw(m_sha256)),
    MethodDef::new("sha224", Meth::FastKw(m_sha224)),
];

/// Creates the `_sha256` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_sha256")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
