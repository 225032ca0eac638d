//! The `_blake2` module (CPython's `Modules/_blake2/blake2module.c`,
//! `blake2b_impl.c`, `blake2s_impl.c`): `blake2b` and `blake2s` with every
//! parameter (digest size, key, salt, person, tree parameters) as RFC 7693
//! and the BLAKE2 paper define them, written here; the object is the shared
//! one of `hashobj.rs`.

use crate::modules::hashobj::{self, HashAlgo};
use crate::object::protocol;
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;

const SIGMA: [[usize; 16]; 12] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
];

const IV_B: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

const IV_S: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/// The word-size dependent parts of BLAKE2b (u64) and BLAKE2s (u32).
trait Word: Copy + Default {
    const BYTES: usize;
    const ROUNDS: usize;
    const ROT: [u32; 4];
    fn add(self, o: Self) -> Self;
    fn xor(self, o: Self) -> Self;
    fn rotr(self, n: u32) -> Self;
    fn from_le(b: &[u8]) -> Self;
    fn to_le(self, out: &mut Vec<u8>);
    fn from_u128(v: u128) -> Self;
    fn ones() -> Self;
}

impl Word for u64 {
    const BYTES: usize = 8;
    const ROUNDS: usize = 12;
    const ROT: [u32; 4] = [32, 24, 16, 63];
    fn add(self, o: u64) -> u64 {
        self.wrapping_add(o)
    }
    fn xor(self, o: u64) -> u64 {
        self ^ o
    }
    fn rotr(self, n: u32) -> u64 {
        self.rotate_right(n)
    }
    fn from_le(b: &[u8]) -> u64 {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[..8]);
        u64::from_le_bytes(a)
    }
    fn to_le(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes())
    }
    fn from_u128(v: u128) -> u64 {
        v as u64
    }
    fn ones() -> u64 {
        u64::MAX
    }
}

impl Word for u32 {
    const BYTES: usize = 4;
    const ROUNDS: usize = 10;
    const ROT: [u32; 4] = [16, 12, 8, 7];
    fn add(self, o: u32) -> u32 {
        self.wrapping_add(o)
    }
    fn xor(self, o: u32) -> u32 {
        self ^ o
    }
    fn rotr(self, n: u32) -> u32 {
        self.rotate_right(n)
    }
    fn from_le(b: &[u8]) -> u32 {
        let mut a = [0u8; 4];
        a.copy_from_slice(&b[..4]);
        u32::from_le_bytes(a)
    }
    fn to_le(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes())
    }
    fn from_u128(v: u128) -> u32 {
        v as u32
    }
    fn ones() -> u32 {
        u32::MAX
    }
}

#[derive(Clone)]
struct Blake2<W: Word> {
    h: [W; 8],
    iv: [W; 8],
    /// Bytes compressed so far.
    t: u128,
    buf: Vec<u8>,
    out_len: usize,
    last_node: bool,
    name: &'static str,
}

impl<W: Word + 'static> Blake2<W> {
    fn block_len() -> usize {
        16 * W::BYTES
    }

    fn compress(&mut self, block: &[u8], last: bool) {
        let mut m = [W::default(); 16];
        for (i, w) in m.iter_mut().enumerate() {
            *w = W::from_le(&block[i * W::BYTES..]);
        }
        let mut v = [W::default(); 16];
        v[..8].copy_from_slice(&self.h);
        v[8..].copy_from_slice(&self.iv);
        v[12] = v[12].xor(W::from_u128(self.t));
        v[13] = v[13].xor(W::from_u128(self.t >> (8 * W::BYTES)));
        if last {
            v[14] = v[14].xor(W::ones());
            if self.last_node {
                v[15] = v[15].xor(W::ones());
            }
        }
        let r = W::ROT;
        let g = |v: &mut [W; 16], a: usize, b: usize, c: usize, d: usize, x: W, y: W| {
            v[a] = v[a].add(v[b]).add(x);
            v[d] = v[d].xor(v[a]).rotr(r[0]);
            v[c] = v[c].add(v[d]);
            v[b] = v[b].xor(v[c]).rotr(r[1]);
            v[a] = v[a].add(v[b]).add(y);
            v[d] = v[d].xor(v[a]).rotr(r[2]);
            v[c] = v[c].add(v[d]);
            v[b] = v[b].xor(v[c]).rotr(r[3]);
        };
        for s in SIGMA.iter().take(W::ROUNDS) {
            g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        for (i, h) in self.h.iter_mut().enumerate() {
            *h = h.xor(v[i]).xor(v[i + 8]);
        }
    }
}

impl<W: Word + 'static> HashAlgo for Blake2<W> {
    fn update(&mut self, data: &[u8]) {
        let bl = Self::block_len();
        let mut data = data;
        // The last block is kept back until more data proves it is not the last.
        while !data.is_empty() {
            if self.buf.len() == bl {
                self.t += bl as u128;
                let b = std::mem::take(&mut self.buf);
                self.compress(&b, false);
                self.buf = b;
                self.buf.clear();
            }
            let take = (bl - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
        }
    }
    fn digest(&self, _len: usize) -> Vec<u8> {
        let mut s = self.clone();
        s.t += s.buf.len() as u128;
        let mut b = std::mem::take(&mut s.buf);
        b.resize(Self::block_len(), 0);
        s.compress(&b, true);
        let mut out = Vec::with_capacity(8 * W::BYTES);
        for w in s.h {
            w.to_le(&mut out);
        }
        out.truncate(self.out_len);
        out
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
        Self::block_len()
    }
}

fn opt_bytes(o: Option<&PyRef>) -> PyResult<Vec<u8>> {
    match o {
        Some(v) => crate::modules::binascii::buffer(v),
        None => Ok(Vec::new()),
    }
}

fn opt_int(o: Option<&PyRef>, default: i64) -> PyResult<i64> {
    match o {
        Some(v) => crate::objects::int::as_i64(v),
        None => Ok(default),
    }
}

/// The `unsigned_long` / `unsigned_long_long` converters of Argument Clinic.
fn unsigned_arg(v: &PyRef, too_big: &str) -> PyResult<u64> {
    let i = protocol::index(v)?;
    let b = i
        .downcast::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default();
    if b < num_bigint::BigInt::from(0) {
        return Err(PyErr::value_error("value must be positive"));
    }
    u64::try_from(b).map_err(|_| PyErr::overflow_error(too_big))
}

fn blake2_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("blake2.__new__(X): X is not a type object"))?;
    let is_b = std::ptr::eq(ty.static_base(), &BLAKE2B_TYPE);
    let (name, outbytes, saltbytes) = if is_b {
        ("blake2b", 64usize, 16usize)
    } else {
        ("blake2s", 32usize, 8usize)
    };
    let mut kw = crate::modules::builtins::KwArgs::new(args, kwnames);
    let names = [
        "digest_size",
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
        "usedforsecurity",
    ];
    let vals: Vec<Option<&PyRef>> = names.iter().map(|n| kw.take(n)).collect();
    kw.finish(name)?;
    if kw.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 1 positional argument ({} given)",
            kw.pos.len()
        )));
    }
    let digest_size = opt_int(vals[0], outbytes as i64)?;
    let key = opt_bytes(vals[1])?;
    let salt = opt_bytes(vals[2])?;
    let person = opt_bytes(vals[3])?;
    let fanout = opt_int(vals[4], 1)?;
    let depth = opt_int(vals[5], 1)?;
    let leaf_size = match vals[6] {
        Some(v) => unsigned_arg(v, "Python int too large to convert to C unsigned long")?,
        None => 0,
    };
    let node_offset = match vals[7] {
        Some(v) => unsigned_arg(v, "int too big to convert")?,
        None => 0,
    };
    let node_depth = opt_int(vals[8], 0)?;
    let inner_size = opt_int(vals[9], 0)?;
    let last_node = match vals[10] {
        Some(v) => protocol::is_true(v)?,
        None => false,
    };
    if digest_size <= 0 || digest_size > outbytes as i64 {
        return Err(PyErr::value_error(format!(
            "digest_size must be between 1 and {outbytes} bytes"
        )));
    }
    if salt.len() > saltbytes {
        return Err(PyErr::value_error(format!(
            "maximum salt length is {saltbytes} bytes"
        )));
    }
    if person.len() > saltbytes {
        return Err(PyErr::value_error(format!(
            "maximum person length is {saltbytes} bytes"
        )));
    }
    if !(0..=255).contains(&fanout) {
        return Err(PyErr::value_error("fanout must be between 0 and 255"));
    }
    if depth <= 0 || depth > 255 {
        return Err(PyErr::value_error("depth must be between 1 and 255"));
    }
    if leaf_size > 0xFFFF_FFFF {
        return Err(PyErr::overflow_error("leaf_size is too large"));
    }
    if !is_b && node_offset > 0xFFFF_FFFF_FFFF {
        return Err(PyErr::overflow_error("node_offset is too large"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(PyErr::value_error("node_depth must be between 0 and 255"));
    }
    if inner_size < 0 || inner_size > outbytes as i64 {
        return Err(PyErr::value_error(format!(
            "inner_size must be between 0 and is {outbytes}"
        )));
    }
    if key.len() > outbytes {
        return Err(PyErr::value_error(format!(
            "maximum key length is {outbytes} bytes"
        )));
    }
    // The parameter block.
    let mut p = vec![0u8; outbytes];
    p[0] = digest_size as u8;
    p[1] = key.len() as u8;
    p[2] = fanout as u8;
    p[3] = depth as u8;
    p[4..8].copy_from_slice(&(leaf_size as u32).to_le_bytes());
    let nd = if is_b { 16 } else { 14 };
    if is_b {
        p[8..16].copy_from_slice(&node_offset.to_le_bytes());
    } else {
        p[8..14].copy_from_slice(&node_offset.to_le_bytes()[..6]);
    }
    p[nd] = node_depth as u8;
    p[nd + 1] = inner_size as u8;
    let salt_at = if is_b { 32 } else { 16 };
    p[salt_at..salt_at + salt.len()].copy_from_slice(&salt);
    let person_at = salt_at + saltbytes;
    p[person_at..person_at + person.len()].copy_from_slice(&person);
    let data = match kw.pos.first() {
        Some(d) => Some(hashobj::data_of(d)?),
        None => None,
    };
    let mut algo: Box<dyn HashAlgo> = if is_b {
        let mut h = IV_B;
        for (i, w) in h.iter_mut().enumerate() {
            *w ^= <u64 as Word>::from_le(&p[i * 8..]);
        }
        Box::new(Blake2::<u64> {
            h,
            iv: IV_B,
            t: 0,
            buf: Vec::with_capacity(128),
            out_len: digest_size as usize,
            last_node,
            name,
        })
    } else {
        let mut h = IV_S;
        for (i, w) in h.iter_mut().enumerate() {
            *w ^= <u32 as Word>::from_le(&p[i * 4..]);
        }
        Box::new(Blake2::<u32> {
            h,
            iv: IV_S,
            t: 0,
            buf: Vec::with_capacity(64),
            out_len: digest_size as usize,
            last_node,
            name,
        })
    };
    if !key.is_empty() {
        let mut block = key.clone();
        block.resize(if is_b { 128 } else { 64 }, 0);
        algo.update(&block);
    }
    if let Some(d) = data {
        algo.update(&d);
    }
    hashobj::new_hash(ty, algo)
}

const FLAGS: u64 = TypeFlags::BASETYPE;

crate::hash_type!(
    BLAKE2B_TYPE,
    "_blake2.blake2b",
    hashobj::METHODS,
    FLAGS,
    Some(blake2_new)
);
crate::hash_type!(
    BLAKE2S_TYPE,
    "_blake2.blake2s",
    hashobj::METHODS,
    FLAGS,
    Some(blake2_new)
);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&BLAKE2B_TYPE, &BLAKE2S_TYPE];

/// Creates the `_blake2` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_blake2")?;
    let consts = [
        (&BLAKE2B_TYPE, "B", 16, 16, 64, 64),
        (&BLAKE2S_TYPE, "S", 8, 8, 32, 32),
    ];
    for (ty, suffix, salt, person, key, digest) in consts {
        let vals = [
            ("SALT_SIZE", salt),
            ("PERSON_SIZE", person),
            ("MAX_KEY_SIZE", key),
            ("MAX_DIGEST_SIZE", digest),
        ];
        if let Some(td) = ty
            .dict()
            .and_then(|d| d.downcast::<crate::objects::dict::PyDict>())
        {
            for (n, v) in vals {
                td.set_str(n, PyInt::new(v)?)?;
            }
        }
        crate::objects::type_::type_modified(ty);
        if let Some(p) = m.downcast::<PyModule>() {
            let d = p.dict();
            if let Some(dd) = d.downcast::<crate::objects::dict::PyDict>() {
                dd.set_str(ty.name(), ty.as_pyref())?;
                for (n, v) in vals {
                    dd.set_str(&format!("BLAKE2{suffix}_{n}"), PyInt::new(v)?)?;
                }
            }
        }
    }
    Ok(m)
}
