//! The `_md5` module (CPython's `Modules/md5module.c`): `md5()` hash
//! objects, over the RustCrypto `md-5` crate; the object is the shared one of
//! `hashobj.rs`.

use crate::modules::hashobj::{self, CryptoHash};
use crate::object::*;
use crate::objects::module::PyModule;

crate::hash_type!(MD5_TYPE, "_md5.md5", hashobj::METHODS);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&MD5_TYPE];

fn m_md5(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let data = hashobj::parse_ctor_args("md5", args, kw)?;
    let mut h = CryptoHash {
        inner: <md5::Md5 as sha2::digest::Digest>::new(),
        name: "md5",
        block_size: 64,
    };
    if let Some(d) = data {
        hashobj::HashAlgo::update(&mut h, &d);
    }
    hashobj::new_hash(&MD5_TYPE, Box::new(h))
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new("md5", Meth::FastKw(m_md5))];

/// Creates the `_md5` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_md5")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
