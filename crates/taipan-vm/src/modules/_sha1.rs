//! The `_sha1` module (CPython's `Modules/sha1module.c`): `sha1()` hash
//! objects, over the RustCrypto `sha1` crate; the object is the shared one of
//! `hashobj.rs`.

use crate::modules::hashobj::{self, CryptoHash};
use crate::object::*;
use crate::objects::module::PyModule;

crate::hash_type!(SHA1_TYPE, "_sha1.sha1", hashobj::METHODS);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&SHA1_TYPE];

fn m_sha1(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let data = hashobj::parse_ctor_args("sha1", args, kw)?;
    let mut h = CryptoHash {
        inner: <sha1::Sha1 as sha2::digest::Digest>::new(),
        name: "sha1",
        block_size: 64,
    };
    if let Some(d) = data {
        hashobj::HashAlgo::update(&mut h, &d);
    }
    hashobj::new_hash(&SHA1_TYPE, Box::new(h))
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new("sha1", Meth::FastKw(m_sha1))];

/// Creates the `_sha1` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_sha1")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
