//! str/bytes hashing: SipHash-1-3 keyed from PYTHONHASHSEED (CPython's
//! `Python/pyhash.c` and `Python/bootstrap_hash.c`).
//!
//! The key is the first 16 bytes of CPython's 24-byte `_Py_HashSecret`:
//! all zero when `PYTHONHASHSEED=0`, filled by CPython's linear congruential
//! generator (`lcg_urandom`) for a numeric seed in `[1; 4294967295]`, and
//! random bytes from the OS when the variable is unset or `random`.
//! `Py_HASH_CUTOFF` is 0 in CPython 3.11 builds, so every non-empty input goes
//! through SipHash; the empty input hashes to 0 and a result of -1 becomes -2.
//! str hashes the code units of its kind (1, 2 or 4 bytes each, native
//! little-endian), as CPython does, so `hash("abc") == hash(b"abc")`.

use crate::gil::GilCell;
use crate::object::PyType;

/// The SipHash key `(k0, k1)`.
static KEY: GilCell<(u64, u64)> = GilCell::new((0, 0));
static INITIALIZED: GilCell<bool> = GilCell::new(false);

/// Installs SipHash-1-3, keyed from `PYTHONHASHSEED`, as the str/bytes hash.
/// Calling it again does nothing (the key must not change once strings have
/// cached their hashes).
pub fn init() {
    // SAFETY: GIL held; start-up.
    unsafe {
        if *INITIALIZED.as_ptr() {
            return;
        }
        *INITIALIZED.get_mut() = true;
        *KEY.get_mut() = key_from_env();
        *crate::objects::str::HASH_BYTES.get_mut() = hash_bytes;
    }
}

/// The key CPython derives from `PYTHONHASHSEED` (`_Py_HashRandomization_Init`).
fn key_from_env() -> (u64, u64) {
    let mut secret = [0u8; 24];
    match std::env::var("PYTHONHASHSEED") {
        Ok(v) if v != "random" && !v.is_empty() => match v.parse::<u32>() {
            Ok(0) => {}
            Ok(seed) => lcg_urandom(seed, &mut secret),
            // CPython stops with a fatal error here; Taipan uses a random key.
            Err(_) => os_random(&mut secret),
        },
        _ => os_random(&mut secret),
    }
    key_of(&secret)
}

fn key_of(secret: &[u8; 24]) -> (u64, u64) {
    let mut a = [0u8; 8];
    let mut b = [0u8; 8];
    a.copy_from_slice(&secret[0..8]);
    b.copy_from_slice(&secret[8..16]);
    (u64::from_ne_bytes(a), u64::from_ne_bytes(b))
}

/// CPython's `lcg_urandom`: the MSVC rand() generator, one byte per step.
fn lcg_urandom(seed: u32, buf: &mut [u8]) {
    let mut x = seed;
    for b in buf.iter_mut() {
        x = x.wrapping_mul(214013).wrapping_add(2531011);
        *b = ((x >> 16) & 0xff) as u8;
    }
}

/// Random bytes from the OS; falls back to time and address entropy.
fn os_random(buf: &mut [u8]) {
    use std::io::Read;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(buf).is_ok() {
            return;
        }
    }
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mut x = t ^ (buf.as_ptr() as u64).rotate_left(32);
    for b in buf.iter_mut() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *b = x as u8;
    }
}

/// `_Py_HashBytes`: the hash of raw bytes with the current key.
pub fn hash_bytes(data: &[u8]) -> isize {
    if data.is_empty() {
        return 0;
    }
    // SAFETY: GIL held; the key is written only by `init`.
    let (k0, k1) = unsafe { *KEY.as_ptr() };
    let h = siphash13(k0, k1, data) as isize;
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline(always)]
fn half_round(a: &mut u64, b: &mut u64, c: &mut u64, d: &mut u64, s: u32, t: u32) {
    *a = a.wrapping_add(*b);
    *c = c.wrapping_add(*d);
    *b = b.rotate_left(s) ^ *a;
    *d = d.rotate_left(t) ^ *c;
    *a = a.rotate_left(32);
}

#[inline(always)]
fn single_round(v: &mut [u64; 4]) {
    let [v0, v1, v2, v3] = v;
    half_round(v0, v1, v2, v3, 13, 16);
    half_round(v2, v1, v0, v3, 17, 21);
}

/// SipHash-1-3 (one compression round, three finalization rounds).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut b = (data.len() as u64) << 56;
    let mut v = [
        k0 ^ 0x736f6d6570736575,
        k1 ^ 0x646f72616e646f6d,
        k0 ^ 0x6c7967656e657261,
        k1 ^ 0x7465646279746573,
    ];
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let mi = u64::from_le_bytes(w);
        v[3] ^= mi;
        single_round(&mut v);
        v[0] ^= mi;
    }
    let mut t = 0u64;
    for (i, &byte) in chunks.remainder().iter().enumerate() {
        t |= (byte as u64) << (8 * i);
    }
    b |= t;
    v[3] ^= b;
    single_round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    single_round(&mut v);
    single_round(&mut v);
    single_round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

/// The hash key in use (for tests and `sys.hash_info`-like introspection).
pub fn key() -> (u64, u64) {
    // SAFETY: GIL held.
    unsafe { *KEY.as_ptr() }
}

/// The key CPython uses for a given numeric seed (0: all zero).
pub fn key_for_seed(seed: u32) -> (u64, u64) {
    let mut secret = [0u8; 24];
    if seed != 0 {
        lcg_urandom(seed, &mut secret);
    }
    key_of(&secret)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_seeds() {
        let (k0, k1) = key_for_seed(0);
        assert_eq!(siphash13(k0, k1, b"abc") as i64, -4594863902769663758);
        let (k0, k1) = key_for_seed(1);
        assert_eq!(siphash13(k0, k1, b"abc") as i64, -4667308735975688587);
        let (k0, k1) = key_for_seed(42);
        assert_eq!(
            siphash13(k0, k1, b"abcdefghijklmnop") as i64,
            -8666121773944120556
        );
        // "é" is one Latin-1 unit; "€" one UCS-2 unit (0x20AC, little-endian).
        let (k0, k1) = key_for_seed(0);
        assert_eq!(siphash13(k0, k1, &[0xe9]) as i64, 6047309291227476195);
        assert_eq!(
            siphash13(k0, k1, &[0xac, 0x20]) as i64,
            -5529981157763016009
        );
    }
}
