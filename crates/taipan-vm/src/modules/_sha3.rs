//! The `_sha3` module (CPython's `Modules/_sha3/sha3module.c`): the SHA-3
//! hashes `sha3_224`, `sha3_256`, `sha3_384`, `sha3_512` and the extendable
//! output functions `shake_128`, `shake_256` (FIPS 202), over a Keccak-f[1600]
//! sponge written here; the object is the shared one of `hashobj.rs`.

use crate::modules::hashobj::{self, HashAlgo};
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;

const RC: [u64; 24] = [
    0x0000_0000_0000_0001,
    0x0000_0000_0000_8082,
    0x8000_0000_0000_808a,
    0x8000_0000_8000_8000,
    0x0000_0000_0000_808b,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8009,
    0x0000_0000_0000_008a,
    0x0000_0000_0000_0088,
    0x0000_0000_8000_8009,
    0x0000_0000_8000_000a,
    0x0000_0000_8000_808b,
    0x8000_0000_0000_008b,
    0x8000_0000_0000_8089,
    0x8000_0000_0000_8003,
    0x8000_0000_0000_8002,
    0x8000_0000_0000_0080,
    0x0000_0000_0000_800a,
    0x8000_0000_8000_000a,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8080,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8008,
];

const RHO: [u32; 24] = [
    1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44,
];

const PI: [usize; 24] = [
    10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1,
];

fn keccak_f(a: &mut [u64; 25]) {
    for rc in RC {
        let bc: [u64; 5] =
            std::array::from_fn(|x| a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20]);
        for x in 0..5 {
            let t = bc[(x + 4) % 5] ^ bc[(x + 1) % 5].rotate_left(1);
            for y in (0..25).step_by(5) {
                a[y + x] ^= t;
            }
        }
        let mut t = a[1];
        for (&j, &rho) in PI.iter().zip(RHO.iter()) {
            let tmp = a[j];
            a[j] = t.rotate_left(rho);
            t = tmp;
        }
        for y in (0..25).step_by(5) {
            let row = [a[y], a[y + 1], a[y + 2], a[y + 3], a[y + 4]];
            for x in 0..5 {
                a[y + x] = row[x] ^ (!row[(x + 1) % 5] & row[(x + 2) % 5]);
            }
        }
        a[0] ^= rc;
    }
}

/// A Keccak sponge: `rate` bytes a block, `suffix` the domain padding bits.
#[derive(Clone)]
pub struct Keccak {
    state: [u64; 25],
    buf: Vec<u8>,
    rate: usize,
    suffix: u8,
    out_len: usize,
    name: &'static str,
}

impl Keccak {
    fn new(name: &'static str, rate: usize, suffix: u8, out_len: usize) -> Keccak {
        Keccak {
            state: [0; 25],
            buf: Vec::with_capacity(rate),
            rate,
            suffix,
            out_len,
            name,
        }
    }

    fn absorb_block(&mut self, block: &[u8]) {
        for (i, lane) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(lane);
            self.state[i] ^= u64::from_le_bytes(b);
        }
        keccak_f(&mut self.state);
    }

    fn squeeze(&self, len: usize) -> Vec<u8> {
        let mut s = self.clone();
        let mut last = std::mem::take(&mut s.buf);
        last.resize(s.rate, 0);
        let n = self.buf.len();
        last[n] ^= s.suffix;
        last[s.rate - 1] ^= 0x80;
        s.absorb_block(&last);
        let mut out = Vec::with_capacity(len);
        loop {
            for lane in &s.state[..s.rate / 8] {
                for b in lane.to_le_bytes() {
                    if out.len() == len {
                        return out;
                    }
                    out.push(b);
                }
            }
            if out.len() == len {
                return out;
            }
            keccak_f(&mut s.state);
        }
    }
}

impl HashAlgo for Keccak {
    fn update(&mut self, data: &[u8]) {
        let mut data = data;
        if !self.buf.is_empty() {
            let take = (self.rate - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() == self.rate {
                let b = std::mem::take(&mut self.buf);
                self.absorb_block(&b);
                self.buf = b;
                self.buf.clear();
            }
        }
        while data.len() >= self.rate {
            let (block, rest) = data.split_at(self.rate);
            self.absorb_block(block);
            data = rest;
        }
        self.buf.extend_from_slice(data);
    }
    fn digest(&self, len: usize) -> Vec<u8> {
        self.squeeze(if self.out_len == 0 { len } else { self.out_len })
    }
    fn boxed_clone(&self) -> Box<dyn HashAlgo> {
        Box::new(self.clone())
    }
    fn name(&self) -> &'static str {
        self.name
    }
    fn digest_size(&self) -> usize {
        self.out_len
    }
    fn block_size(&self) -> usize {
        self.rate
    }
}

/// The algorithm of a SHA-3 type: name, rate, suffix, digest size.
fn params(ty: &PyType) -> (&'static str, usize, u8, usize) {
    let base = ty.static_base();
    if std::ptr::eq(base, &SHA3_224_TYPE) {
        ("sha3_224", 144, 0x06, 28)
    } else if std::ptr::eq(base, &SHA3_256_TYPE) {
        ("sha3_256", 136, 0x06, 32)
    } else if std::ptr::eq(base, &SHA3_384_TYPE) {
        ("sha3_384", 104, 0x06, 48)
    } else if std::ptr::eq(base, &SHA3_512_TYPE) {
        ("sha3_512", 72, 0x06, 64)
    } else if std::ptr::eq(base, &SHAKE_128_TYPE) {
        ("shake_128", 168, 0x1f, 0)
    } else {
        ("shake_256", 136, 0x1f, 0)
    }
}

fn sha3_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("sha3.__new__(X): X is not a type object"))?;
    let (name, rate, suffix, out) = params(ty);
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let _ = kw.take("usedforsecurity");
    kw.finish(name)?;
    if kw.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 1 argument ({} given)",
            kw.pos.len()
        )));
    }
    let mut k = Keccak::new(name, rate, suffix, out);
    if let Some(d) = kw.pos.first() {
        k.update(&hashobj::data_of(d)?);
    }
    hashobj::new_hash(ty, Box::new(k))
}

const FLAGS: u64 = TypeFlags::BASETYPE;

crate::hash_type!(
    SHA3_224_TYPE,
    "_sha3.sha3_224",
    hashobj::METHODS,
    FLAGS,
    Some(sha3_new)
);
crate::hash_type!(
    SHA3_256_TYPE,
    "_sha3.sha3_256",
    hashobj::METHODS,
    FLAGS,
    Some(sha3_new)
);
crate::hash_type!(
    SHA3_384_TYPE,
    "_sha3.sha3_384",
    hashobj::METHODS,
    FLAGS,
    Some(sha3_new)
);
crate::hash_type!(
    SHA3_512_TYPE,
    "_sha3.sha3_512",
    hashobj::METHODS,
    FLAGS,
    Some(sha3_new)
);
crate::hash_type!(
    SHAKE_128_TYPE,
    "_sha3.shake_128",
    hashobj::XOF_METHODS,
    FLAGS,
    Some(sha3_new)
);
crate::hash_type!(
    SHAKE_256_TYPE,
    "_sha3.shake_256",
    hashobj::XOF_METHODS,
    FLAGS,
    Some(sha3_new)
);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &SHA3_224_TYPE,
    &SHA3_256_TYPE,
    &SHA3_384_TYPE,
    &SHA3_512_TYPE,
    &SHAKE_128_TYPE,
    &SHAKE_256_TYPE,
];

/// Creates the `_sha3` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_sha3")?;
    if let Some(p) = m.downcast::<PyModule>() {
        let d = p.dict();
        if let Some(dd) = d.downcast::<crate::objects::dict::PyDict>() {
            for t in TYPES {
                dd.set_str(t.name(), t.as_pyref())?;
            }
            dd.set_str("keccakopt", PyInt::new(0)?)?;
            dd.set_str(
                "implementation",
                crate::objects::str::PyStr::new("tiny_sha3")?,
            )?;
        }
    }
    Ok(m)
}
