//! The `_struct` module (CPython's `Modules/_struct.c`): `pack`, `unpack`,
//! `calcsize`, `unpack_from`, `pack_into`, `iter_unpack` and `Struct`, with
//! every format code, the byte orders `@ = < > !` (native alignment only for
//! `@`), and CPython's `struct.error` messages.
//!
//! Taipan deviation: `Struct` and `iter_unpack` are written in Python over
//! the native functions (the prelude below); the format is parsed on each
//! call.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::modules::builtins::check_nargs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::{buffer_bytes, PyBytes};
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

static STRUCT_ERROR: crate::gil::GilCell<Option<PyRef>> = crate::gil::GilCell::new(None);

fn error(msg: impl AsRef<str>) -> PyErr {
    // SAFETY: GIL held; short read.
    let e = unsafe { (*STRUCT_ERROR.as_ptr()).clone() };
    match e {
        Some(cls) => match PyStr::new(msg.as_ref()) {
            Ok(s) => match protocol::call1(&cls, &[s]) {
                Ok(v) => PyErr::from_value(v),
                Err(e) => e,
            },
            Err(e) => e,
        },
        None => PyErr::value_error(msg),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Std,
    Little,
    Big,
}

#[derive(Clone, Copy)]
struct Item {
    code: u8,
    /// Repeat count (for `s`/`p`, the field length).
    count: usize,
    size: usize,
    offset: usize,
}

struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// Number of Python values packed/unpacked.
    nvalues: usize,
}

fn code_size(code: u8, order: Order) -> Option<usize> {
    let native = order == Order::Native;
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse_format(fmt: &[u8]) -> PyResult<Format> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=') => (Order::Std, &fmt[1..]),
        Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut nvalues = 0usize;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < body.len() && body[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|v| v.checked_add((body[i] - b'0') as usize))
                    .ok_or_else(|| error("total struct size too long"))?;
                i += 1;
            }
            if i >= body.len() {
                return Err(error("repeat count given without format specifier"));
            }
            count = n;
        }
        let c = body[i];
        i += 1;
        let sz = code_size(c, order).ok_or_else(|| error("bad char in struct format"))?;
        if order == Order::Native && sz > 1 && !matches!(c, b's' | b'p') {
            size = size.div_ceil(sz) * sz;
        }
        match c {
            b's' | b'p' => {
                items.push(Item {
                    code: c,
                    count,
                    size: count,
                    offset: size,
                });
                size += count;
                nvalues += 1;
            }
            b'x' => {
                size += count;
            }
            _ => {
                for _ in 0..count {
                    items.push(Item {
                        code: c,
                        count: 1,
                        size: sz,
                        offset: size,
                    });
                    size = size
                        .checked_add(sz)
                        .ok_or_else(|| error("total struct size too long"))?;
                    nvalues += 1;
                }
            }
        }
    }
    Ok(Format {
        order,
        items,
        size,
        nvalues,
    })
}

fn fmt_bytes(o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast::<PyStr>() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    if o.is_instance_of::<PyBytes>() {
        return Ok(buffer_bytes(o).unwrap_or_default());
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        o.ty().name()
    )))
}

fn little(order: Order) -> bool {
    match order {
        Order::Native | Order::Std => cfg!(target_endian = "little"),
        Order::Little => true,
        Order::Big => false,
    }
}

fn get_int(v: &PyRef) -> PyResult<BigInt> {
    if v.is_instance_of::<PyFloat>() || v.ty().as_number.nb_index.get().is_none() {
        return Err(error("required argument is not an integer"));
    }
    let i = protocol::index(v)?;
    // SAFETY: index returns an int.
    Ok(unsafe { i.payload_unchecked::<PyInt>() }.to_bigint())
}

fn range_err(code: u8, native: bool, lo: i128, hi: i128) -> PyErr {
    match code {
        b'b' => error("byte format requires -128 <= number <= 127"),
        b'B' => error("ubyte format requires 0 <= number <= 255"),
        b'h' => error("short format requires -32768 <= number <= 32767"),
        b'H' => error("ushort format requires 0 <= number <= 65535"),
        _ => {
            let _ = native;
            error(format!(
                "'{}' format requires {lo} <= number <= {hi}",
                code as char
            ))
        }
    }
}

fn pack_item(out: &mut [u8], it: &Item, order: Order, v: &PyRef) -> PyResult<()> {
    let le = little(order);
    let put = |out: &mut [u8], bytes: &[u8]| {
        let n = it.size;
        let dst = &mut out[it.offset..it.offset + n];
        if le {
            dst.copy_from_slice(&bytes[..n]);
        } else {
            for (k, b) in dst.iter_mut().enumerate() {
                *b = bytes[n - 1 - k];
            }
        }
    };
    match it.code {
        b'c' => match buffer_bytes(v) {
            Some(b) if b.len() == 1 && !v.is_instance_of::<PyStr>() => {
                out[it.offset] = b[0];
                Ok(())
            }
            _ => Err(error("char format requires a bytes object of length 1")),
        },
        b's' | b'p' => {
            let b = if v.is_instance_of::<PyStr>() {
                None
            } else {
                buffer_bytes(v)
            }
            .ok_or_else(|| {
                error(format!(
                    "argument for '{}' must be a bytes object",
                    it.code as char
                ))
            })?;
            let dst = &mut out[it.offset..it.offset + it.count];
            if it.code == b's' {
                let n = b.len().min(it.count);
                dst[..n].copy_from_slice(&b[..n]);
            } else if it.count > 0 {
                let n = b.len().min(it.count - 1);
                dst[1..1 + n].copy_from_slice(&b[..n]);
                dst[0] = n.min(255) as u8;
            }
            Ok(())
        }
        b'?' => {
            out[it.offset] = protocol::is_true(v)? as u8;
            Ok(())
        }
        b'f' | b'd' | b'e' => {
            let x = match v.downcast::<PyFloat>() {
                Some(f) => f.value,
                None => {
                    if v.ty().as_number.nb_float.get().is_none()
                        && v.ty().as_number.nb_index.get().is_none()
                    {
                        return Err(error("required argument is not a float"));
                    }
                    crate::modules::math::as_f64(v)?
                }
            };
            match it.code {
                b'd' => put(out, &x.to_le_bytes()),
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        return Err(PyErr::overflow_error(
                            "float too large to pack with f format",
                        ));
                    }
                    put(out, &y.to_le_bytes());
                }
                _ => {
                    let h = f64_to_half(x).ok_or_else(|| {
                        PyErr::overflow_error("float too large to pack with e format")
                    })?;
                    put(out, &h.to_le_bytes());
                }
            }
            Ok(())
        }
        code => {
            let n = get_int(v)?;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let bits = it.size * 8;
            let native = order == Order::Native;
            let val: u64 = if signed {
                let lo = -(1i128 << (bits - 1));
                let hi = (1i128 << (bits - 1)) - 1;
                match n.to_i128() {
                    Some(x) if x >= lo && x <= hi => x as i64 as u64,
                    _ if bits == 64 => return Err(error("argument out of range")),
                    _ => return Err(range_err(code, native, lo, hi)),
                }
            } else if code == b'P' {
                match n.to_i128() {
                    Some(x) if x >= i64::MIN as i128 && x <= u64::MAX as i128 => x as u64,
                    _ => return Err(error("argument out of range")),
                }
            } else {
                let hi = if bits == 64 {
                    u64::MAX as i128
                } else {
                    (1i128 << bits) - 1
                };
                if n.is_negative() && !matches!(code, b'B' | b'H') {
                    return Err(error("argument out of range"));
                }
                match n.to_i128() {
                    Some(x) if x >= 0 && x <= hi => x as u64,
                    _ if bits == 64 => return Err(error("argument out of range")),
                    _ => return Err(range_err(code, native, 0, hi)),
                }
            };
            put(out, &val.to_le_bytes());
            Ok(())
        }
    }
}

/// IEEE 754 half precision, round half to even; `None` on overflow.
pub(crate) fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to units of the smallest subnormal (2^-24) or normal mantissa.
    let (_, mut e) = frexp(a); // a = m * 2^e, 0.5 <= m < 1
    e -= 1; // a = m' * 2^e with 1 <= m' < 2
    if e < -14 {
        // Subnormal: value / 2^-24, rounded half-even.
        let q = round_half_even(a * 2f64.powi(24));
        if q >= 1024.0 {
            return Some(sign | 0x0400);
        }
        return Some(sign | q as u16);
    }
    let m = a / 2f64.powi(e); // 1 <= m < 2
    let mut frac = round_half_even((m - 1.0) * 1024.0);
    if frac >= 1024.0 {
        frac = 0.0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | frac as u16)
}

fn round_half_even(v: f64) -> f64 {
    let r = v.round();
    if (v - v.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - v.signum()
    } else {
        r
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut e = 0;
    let mut m = x;
    while m >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    while m < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    (m, e)
}

pub(crate) fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

fn unpack_item(data: &[u8], it: &Item, order: Order) -> PyResult<PyRef> {
    let le = little(order);
    let raw = &data[it.offset..it.offset + it.size];
    let get = || -> u64 {
        let mut v: u64 = 0;
        for k in 0..raw.len() {
            let b = if le { raw[raw.len() - 1 - k] } else { raw[k] };
            v = (v << 8) | b as u64;
        }
        v
    };
    match it.code {
        b'c' => PyBytes::new(raw),
        b's' => PyBytes::new(raw),
        b'p' => {
            if raw.is_empty() {
                return PyBytes::new(b"");
            }
            let n = (raw[0] as usize).min(raw.len() - 1);
            PyBytes::new(&raw[1..1 + n])
        }
        b'?' => Ok(py_bool(raw[0] != 0)),
        b'd' => PyFloat::new(f64::from_bits(get())),
        b'f' => PyFloat::new(f32::from_bits(get() as u32) as f64),
        b'e' => PyFloat::new(half_to_f64(get() as u16)),
        code => {
            let v = get();
            let bits = it.size * 8;
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            if signed {
                let shift = 64 - bits;
                PyInt::new(((v << shift) as i64) >> shift)
            } else if v > i64::MAX as u64 {
                PyInt::from_bigint(BigInt::from(v))
            } else {
                PyInt::new(v as i64)
            }
        }
    }
}

fn do_pack(f: &Format, values: &[PyRef], fname: &str) -> PyResult<Vec<u8>> {
    if values.len() != f.nvalues {
        return Err(error(format!(
            "{fname} expected {} items for packing (got {})",
            f.nvalues,
            values.len()
        )));
    }
    let mut out = vec![0u8; f.size];
    for (it, v) in f.items.iter().zip(values) {
        pack_item(&mut out, it, f.order, v)?;
    }
    Ok(out)
}

fn do_unpack(f: &Format, data: &[u8]) -> PyResult<PyRef> {
    let mut vals = Vec::with_capacity(f.nvalues);
    for it in &f.items {
        vals.push(unpack_item(data, it, f.order)?);
    }
    PyTuple::new(vals)
}

fn data_arg(o: &PyRef) -> PyResult<Vec<u8>> {
    if o.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(
            "a bytes-like object is required, not 'str'",
        ));
    }
    buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.ty().name()
        ))
    })
}

fn s_pack(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "pack expected at least 1 argument, got 0",
        ));
    }
    let f = parse_format(&fmt_bytes(&args[0])?)?;
    PyBytes::new(&do_pack(&f, &args[1..], "pack")?)
}

fn s_unpack(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("unpack", args.len(), 2, 2)?;
    let f = parse_format(&fmt_bytes(&args[0])?)?;
    let data = data_arg(&args[1])?;
    if data.len() != f.size {
        return Err(error(format!(
            "unpack requires a buffer of {} bytes",
            f.size
        )));
    }
    do_unpack(&f, &data)
}

fn s_unpack_from(_m: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse(
        "unpack_from",
        args,
        kw,
        &["format", "buffer", "offset"],
        2,
    )?;
    let none = crate::objects::none::none();
    let f = parse_format(&fmt_bytes(a[0].as_ref().unwrap_or(&none))?)?;
    let data = data_arg(a[1].as_ref().unwrap_or(&none))?;
    let mut off = match &a[2] {
        Some(o) => crate::objects::int::as_ssize_t(o)? as i64,
        None => 0,
    };
    let len = data.len() as i64;
    if off < 0 {
        if off + len < 0 {
            return Err(error(format!(
                "offset {off} out of range for {len}-byte buffer"
            )));
        }
        off += len;
    }
    if len - off < f.size as i64 {
        if off > len {
            return Err(error(format!(
                "offset {off} out of range for {len}-byte buffer"
            )));
        }
        return Err(error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {len})",
            f.size as i64 + off,
            f.size
        )));
    }
    do_unpack(&f, &data[off as usize..])
}

fn s_calcsize(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("calcsize", args.len(), 1, 1)?;
    let f = parse_format(&fmt_bytes(&args[0])?)?;
    PyInt::new(f.size as i64)
}

fn s_clearcache(_m: &PyRef) -> PyResult<PyRef> {
    Ok(crate::objects::none::none())
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("pack", Meth::Fast(s_pack)),
    MethodDef::new("unpack", Meth::Fast(s_unpack)),
    MethodDef::new("unpack_from", Meth::FastKw(s_unpack_from)),
    MethodDef::new("calcsize", Meth::Fast(s_calcsize)),
    MethodDef::new("_clearcache", Meth::NoArgs(s_clearcache)),
];

const PRELUDE: &str = r#"
class error(Exception):
    pass
error.__module__ = 'struct'

def pack_into(format, buffer, offset, *v):
    data = pack(format, *v)
    try:
        mv = memoryview(buffer)
    except TypeError:
        mv = None
    if mv is None or mv.readonly:
        raise TypeError("argument must be read-write bytes-like object, not %s" % type(buffer).__name__)
    if mv.format != 'B' or mv.ndim != 1:
        mv = mv.cast('B')
    buffer = mv
    n = len(buffer)
    if offset < 0:
        if offset + len(data) > 0:
            raise error("no space to pack %d bytes at offset %d" % (len(data), offset))
        if offset + n < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        offset += n
    if n - offset < len(data):
        if offset > n:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        raise error("pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)" % (len(data) + offset, len(data), offset, n))
    buffer[offset:offset + len(data)] = data

def iter_unpack(format, buffer):
    size = calcsize(format)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    data = bytes(buffer)
    if len(data) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return (unpack(format, data[i:i + size]) for i in range(0, len(data), size))

class Struct:
    __slots__ = ('format', 'size')
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        elif not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s" % type(format).__name__)
        self.format = format
        self.size = calcsize(format)
    def pack(self, *v):
        return pack(self.format, *v)
    def pack_into(self, buffer, offset, *v):
        return pack_into(self.format, buffer, offset, *v)
    def unpack(self, buffer):
        return unpack(self.format, buffer)
    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)
    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
    def __repr__(self):
        return '<_struct.Struct object at %#x>' % id(self)
Struct.__module__ = '_struct'
"#;

/// Creates the `_struct` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_struct")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("_struct: no module dict"))?;
    let dd = d
        .downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("_struct: module dict is not a dict"))?;
    if let Some(b) = &crate::interp::interp().builtins {
        dd.set_str("__builtins__", b.clone())?;
    }
    dd.set_str(
        "__doc__",
        PyStr::new("Functions to convert between Python values and C structs.")?,
    )?;
    let code = crate::run::compile_source(PRELUDE.as_bytes(), "<_struct>")?;
    crate::run::exec_code(&code, &d, None)?;
    if let Some(e) = dd.get_str("error")? {
        // SAFETY: GIL held; no borrow of the cell is alive.
        unsafe { *STRUCT_ERROR.get_mut() = Some(e) };
    }
    Ok(m)
}
