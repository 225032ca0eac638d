//! The `_sha512` module (CPython's `Modules/sha512module.c`): `sha512` and
//! `sha384` hash objects (`update`, `digest`, `hexdigest`, `copy`, `name`,
//! `digest_size`, `block_size`), SHA-2 as FIPS 180-4 defines it.

use std::cell::UnsafeCell;

use crate::object::*;
use crate::objects::bytes::PyBytes;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;

const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const IV512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

const IV384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

/// The running state of one hash.
#[derive(Clone)]
pub struct Sha512State {
    h: [u64; 8],
    buf: Vec<u8>,
    len: u128,
    digest_size: usize,
}

impl Sha512State {
    pub fn new(is384: bool) -> Sha512State {
        Sha512State {
            h: if is384 { IV384 } else { IV512 },
            buf: Vec::with_capacity(128),
            len: 0,
            digest_size: if is384 { 48 } else { 64 },
        }
    }

    fn block(&mut self, b: &[u8]) {
        let mut w = [0u64; 80];
        for (i, c) in b.chunks_exact(8).enumerate().take(16) {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            w[i] = u64::from_be_bytes(a);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut bb, mut c, mut d, mut e, mut f, mut g, mut h] = self.h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & bb) ^ (a & c) ^ (bb & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = bb;
            bb = a;
            a = t1.wrapping_add(t2);
        }
        for (x, v) in self.h.iter_mut().zip([a, bb, c, d, e, f, g, h]) {
            *x = x.wrapping_add(v);
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        self.len += data.len() as u128;
        let mut data = data;
        if !self.buf.is_empty() {
            let need = 128 - self.buf.len();
            let take = need.min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() == 128 {
                let b = std::mem::take(&mut self.buf);
                self.block(&b);
                self.buf = b;
                self.buf.clear();
            }
        }
        while data.len() >= 128 {
            self.block(&data[..128]);
            data = &data[128..];
        }
        self.buf.extend_from_slice(data);
    }

    pub fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bits = s.len.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        let rem = (s.buf.len() + 1) % 128;
        let zeros = if rem <= 112 { 112 - rem } else { 240 - rem };
        pad.extend(std::iter::repeat_n(0, zeros));
        pad.extend_from_slice(&bits.to_be_bytes());
        let len = s.len;
        s.update(&pad);
        s.len = len;
        let mut out = Vec::with_capacity(64);
        for v in s.h {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.truncate(self.digest_size);
        out
    }
}

#[repr(C)]
pub struct PySha512 {
    pub ob_base: PyObject,
    state: UnsafeCell<Sha512State>,
}

// SAFETY: the first field is the header; instances are of the two types here.
unsafe impl PyPayload for PySha512 {
    fn type_object() -> &'static PyType {
        &SHA512_TYPE
    }
}

unsafe fn drop_sha(obj: *mut PyObject) {
    // SAFETY: obj is a dead hash object; its state is dropped once.
    unsafe { std::ptr::drop_in_place(&mut (*(obj as *mut PySha512)).state) }
}

const METHODS: &[MethodDef] = &[
    MethodDef::new("update", Meth::O(sha_update)),
    MethodDef::new("digest", Meth::NoArgs(sha_digest)),
    MethodDef::new("hexdigest", Meth::NoArgs(sha_hexdigest)),
    MethodDef::new("copy", Meth::NoArgs(sha_copy)),
];

const GETSET: &[GetSetDef] = &[
    GetSetDef::getter("name", sha_name),
    GetSetDef::getter("digest_size", |o| PyInt::new(st(o).digest_size as i64)),
    GetSetDef::getter("block_size", |_| PyInt::new(128)),
];

pub static SHA512_TYPE: PyType = PyType {
    tp_name: "_sha512.sha512",
    tp_basicsize: std::cell::Cell::new(std::mem::size_of::<PySha512>()),
    tp_drop: Some(drop_sha),
    tp_methods: METHODS,
    tp_getset: GETSET,
    ..PyType::BASE
};

pub static SHA384_TYPE: PyType = PyType {
    tp_name: "_sha512.sha384",
    tp_basicsize: std::cell::Cell::new(std::mem::size_of::<PySha512>()),
    tp_drop: Some(drop_sha),
    tp_methods: METHODS,
    tp_getset: GETSET,
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&SHA512_TYPE, &SHA384_TYPE];

#[allow(clippy::mut_from_ref)]
fn st(o: &PyRef) -> &mut Sha512State {
    // SAFETY: the methods of the two hash types get hash objects; the state is borrowed only inside one method, which runs no Python code.
    unsafe { &mut *o.payload_unchecked::<PySha512>().state.get() }
}

fn data_of(o: &PyRef) -> PyResult<Vec<u8>> {
    if o.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    crate::objects::bytes::buffer_bytes(o)
        .ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

fn sha_update(o: &PyRef, data: &PyRef) -> PyResult<PyRef> {
    let d = data_of(data)?;
    st(o).update(&d);
    Ok(none())
}

fn sha_digest(o: &PyRef) -> PyResult<PyRef> {
    PyBytes::new(&st(o).digest())
}

fn sha_hexdigest(o: &PyRef) -> PyResult<PyRef> {
    let s: String = st(o).digest().iter().map(|b| format!("{b:02x}")).collect();
    PyStr::new(&s)
}

fn new_obj(ty: &'static PyType, state: Sha512State) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PySha512 {
            ob_base: PyObject::NEW,
            state: UnsafeCell::new(state),
        },
    )
}

fn sha_copy(o: &PyRef) -> PyResult<PyRef> {
    let s = st(o).clone();
    let ty = if s.digest_size == 48 {
        &SHA384_TYPE
    } else {
        &SHA512_TYPE
    };
    new_obj(ty, s)
}

fn sha_name(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(if st(o).digest_size == 48 {
        "sha384"
    } else {
        "sha512"
    })
}

fn make(fname: &str, args: &[PyRef], kw: Option<&PyRef>, is384: bool) -> PyResult<PyRef> {
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
    let mut s = Sha512State::new(is384);
    if let Some(d) = kwa.pos.first().or(string) {
        s.update(&data_of(d)?);
    }
    new_obj(if is384 { &SHA384_TYPE } else { &SHA512_TYPE }, s)
}

fn m_sha512(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    make("sha512", args, kw, false)
}

fn m_sha384(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    make("sha384", args, kw, true)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("sha512", Meth::FastKw(m_sha512)),
    MethodDef::new("sha384", Meth::FastKw(m_sha384)),
];

/// Creates the `_sha512` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_sha512")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
