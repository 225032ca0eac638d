//! The `_random` module (CPython's `Modules/_randommodule.c`): `Random`,
//! the Mersenne Twister MT19937 with CPython's seeding (`init_by_array` of
//! the absolute value's 32-bit words, or 624 words from the OS when the seed
//! is `None`), `random()` from two outputs (53 bits), `getrandbits`,
//! `getstate`/`setstate`.

use std::cell::{Cell, UnsafeCell};

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use crate::object::protocol;
use crate::object::*;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::tuple::PyTuple;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

#[repr(C)]
pub struct PyRandom {
    pub ob_base: PyObject,
    state: UnsafeCell<[u32; N]>,
    index: Cell<usize>,
}

// SAFETY: the first field is the object header; the type is RANDOM_TYPE.
unsafe impl PyPayload for PyRandom {
    fn type_object() -> &'static PyType {
        &RANDOM_TYPE
    }
}

pub static RANDOM_TYPE: PyType = PyType {
    tp_name: "_random.Random",
    tp_basicsize: std::cell::Cell::new(std::mem::size_of::<PyRandom>()),
    tp_flags: std::cell::Cell::new(TypeFlags::BASETYPE),
    tp_new: std::cell::Cell::new(Some(random_new)),
    tp_init: std::cell::Cell::new(Some(random_init)),
    tp_methods: &[
        MethodDef::new("seed", Meth::Fast(random_seed_meth)),
        MethodDef::new("random", Meth::NoArgs(random_random)),
        MethodDef::new("getrandbits", Meth::O(random_getrandbits)),
        MethodDef::new("getstate", Meth::NoArgs(random_getstate)),
        MethodDef::new("setstate", Meth::O(random_setstate)),
    ],
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&RANDOM_TYPE];

fn payload(o: &PyRef) -> &PyRandom {
    // SAFETY: methods of Random are called on Random instances (or instances of subclasses, which share the layout prefix).
    unsafe { o.payload_unchecked::<PyRandom>() }
}

impl PyRandom {
    #[allow(clippy::mut_from_ref)]
    fn mt(&self) -> &mut [u32; N] {
        // SAFETY: the state is only touched by this object's methods, which never call back into Python while holding this borrow.
        unsafe { &mut *self.state.get() }
    }

    fn init_genrand(&self, s: u32) {
        let mt = self.mt();
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index.set(N);
    }

    fn init_by_array(&self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = self.mt();
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        let mut k = N.max(klen);
        while k > 0 {
            let kj = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
    }

    fn genrand_u32(&self) -> u32 {
        let mt = self.mt();
        let mag01 = [0u32, MATRIX_A];
        if self.index.get() >= N {
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            self.index.set(0);
        }
        let mut y = mt[self.index.get()];
        self.index.set(self.index.get() + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }
}

/// `random_seed`: None seeds from the OS, an int by its absolute value,
/// anything else by its hash.
fn seed(o: &PyRef, arg: Option<&PyRef>) -> PyResult<()> {
    let r = payload(o);
    let arg = match arg {
        Some(a) if !a.is(&none()) => a.clone(),
        _ => {
            let bytes = crate::modules::posix::urandom_bytes(N * 4)?;
            let key: Vec<u32> = bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            r.init_by_array(&key);
            return Ok(());
        }
    };
    let n: BigInt = if let Some(i) = arg.downcast::<PyInt>() {
        i.to_bigint().abs()
    } else {
        BigInt::from(protocol::hash(&arg)?).abs()
    };
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    let _ = Sign::NoSign;
    r.init_by_array(&key);
    Ok(())
}

fn random_new(cls: &PyRef, _args: &[PyRef], _kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("Random.__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyRandom {
            ob_base: PyObject::NEW,
            state: UnsafeCell::new([0; N]),
            index: Cell::new(0),
        },
    )
}

fn random_init(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let nkw = crate::objects::slice::nkw(kwnames);
    if std::ptr::eq(o.ty(), &RANDOM_TYPE) && nkw > 0 {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    let npos = args.len() - nkw.min(args.len());
    if npos > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    seed(o, args.first().filter(|_| npos == 1))
}

fn random_seed_meth(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("seed", args.len(), 0, 1)?;
    seed(o, args.first())?;
    Ok(none())
}

fn random_random(o: &PyRef) -> PyResult<PyRef> {
    let r = payload(o);
    let a = r.genrand_u32() >> 5;
    let b = r.genrand_u32() >> 6;
    PyFloat::new((a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0))
}

fn random_getrandbits(o: &PyRef, k: &PyRef) -> PyResult<PyRef> {
    if k.is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let ki = protocol::index(k)?;
    let k = ki
        .downcast::<PyInt>()
        .and_then(|v| v.as_i64())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        ));
    }
    let r = payload(o);
    if k == 0 {
        return PyInt::new(0);
    }
    if k <= 32 {
        return PyInt::new((r.genrand_u32() >> (32 - k)) as i64);
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut w = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut v = r.genrand_u32();
        if left < 32 {
            v >>= 32 - left;
        }
        w.push(v);
        left -= 32;
    }
    PyInt::from_bigint(BigInt::from_slice(Sign::Plus, &w))
}

fn random_getstate(o: &PyRef) -> PyResult<PyRef> {
    let r = payload(o);
    let mut items = Vec::with_capacity(N + 1);
    for &v in r.mt().iter() {
        items.push(PyInt::new(v as i64)?);
    }
    items.push(PyInt::new(r.index.get() as i64)?);
    PyTuple::new(items)
}

fn random_setstate(o: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let t = state
        .downcast::<PyTuple>()
        .ok_or_else(|| PyErr::type_error("state vector must be a tuple"))?;
    if t.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut newst = [0u32; N];
    for (i, item) in t.items()[..N].iter().enumerate() {
        let v = item.downcast::<PyInt>().ok_or_else(|| {
            PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                item.ty().name()
            ))
        })?;
        let b = v.to_bigint();
        if b.is_negative() {
            return Err(PyErr::overflow_error(
                "can't convert negative value to unsigned int",
            ));
        }
        let d = b.to_u64_digits().1;
        if d.len() > 1 {
            return Err(PyErr::overflow_error(
                "Python int too large to convert to C unsigned long",
            ));
        }
        newst[i] = d.first().copied().unwrap_or(0) as u32;
    }
    let idx = t.items()[N]
        .downcast::<PyInt>()
        .ok_or_else(|| PyErr::type_error("an integer is required"))?
        .as_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if idx < 0 || idx > N as i64 {
        return Err(PyErr::value_error("invalid state"));
    }
    let r = payload(o);
    *r.mt() = newst;
    r.index.set(idx as usize);
    Ok(none())
}

/// Creates the `_random` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_random")?;
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("_random: no module dict"))?;
    if let Some(dd) = d.downcast::<crate::objects::dict::PyDict>() {
        dd.set_str("Random", RANDOM_TYPE.as_pyref())?;
    }
    Ok(m)
}
