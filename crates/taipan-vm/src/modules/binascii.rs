//! The `binascii` module (CPython's `Modules/binascii.c`): base64, uuencode,
//! quoted-printable and hex conversions, `crc32` and `crc_hqx`, and the
//! `Error` (a `ValueError`) and `Incomplete` exceptions.

use crate::gil::GilCell;
use crate::modules::builtins::KwArgs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bytes::PyBytes;
use crate::objects::dict::PyDict;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::str::PyStr;

static ERROR: GilCell<Option<PyRef>> = GilCell::new(None);

/// `binascii.Error(msg)`.
fn error(msg: &str) -> PyErr {
    // SAFETY: GIL held; short read.
    let cls = unsafe { (*ERROR.as_ptr()).clone() };
    match cls {
        Some(c) => match PyStr::new(msg).and_then(|m| protocol::call1(&c, &[m])) {
            Ok(e) => PyErr::from_value(e),
            Err(e) => e,
        },
        None => PyErr::value_error(msg),
    }
}

/// The `ascii_buffer` converter: an ASCII str or a bytes-like object.
fn ascii_buffer(o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(s) = o.downcast::<PyStr>() {
        if !s.is_ascii() {
            return Err(PyErr::value_error(
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    crate::objects::bytes::buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            o.ty().tp_name
        ))
    })
}

/// The `Py_buffer` converter.
pub fn buffer(o: &PyRef) -> PyResult<Vec<u8>> {
    crate::objects::bytes::buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.ty().name()
        ))
    })
}

/// A `bool(accept={int})` argument.
fn int_flag(o: Option<&PyRef>, default: bool) -> PyResult<bool> {
    match o {
        None => Ok(default),
        Some(v) => {
            if v.is_instance_of::<crate::objects::float::PyFloat>() {
                return Err(PyErr::type_error(
                    "'float' object cannot be interpreted as an integer",
                ));
            }
            let i = protocol::index(v)?;
            Ok(!i.downcast::<PyInt>().is_some_and(|i| i.is_zero()))
        }
    }
}

/// Parses `fname(data, /, *, kwonly...)`.
fn parse_pos1_kwonly<'a>(
    fname: &str,
    args: &'a [PyRef],
    kwnames: Option<&'a PyRef>,
    kwonly: &[&str],
) -> PyResult<(&'a PyRef, Vec<Option<&'a PyRef>>)> {
    let mut kw = KwArgs::new(args, kwnames);
    let vals: Vec<Option<&PyRef>> = kwonly.iter().map(|n| kw.take(n)).collect();
    kw.finish(fname)?;
    match kw.pos.len() {
        1 => Ok((&kw.pos[0], vals)),
        0 => Err(PyErr::type_error(format!(
            "{fname}() missing required argument 'data' (pos 1)"
        ))),
        n => Err(PyErr::type_error(format!(
            "{fname}() takes exactly 1 positional argument ({n} given)"
        ))),
    }
}

// ---------------------------------------------------------------------------
// uuencode

fn a2b_uu(_m: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let data = ascii_buffer(arg)?;
    // An empty line reads its terminating NUL, as CPython does.
    let mut bin_len = (data.first().copied().unwrap_or(0).wrapping_sub(b' ') & 0o77) as usize;
    let mut rest: &[u8] = data.get(1..).unwrap_or(&[]);
    let mut out = Vec::with_capacity(bin_len);
    let mut leftbits = 0u32;
    let mut leftchar = 0u32;
    while bin_len > 0 {
        let mut ch = rest.first().copied().unwrap_or(0);
        if ch == b'\n' || ch == b'\r' || rest.is_empty() {
            ch = 0;
        } else {
            if !(b' '..=b' ' + 64).contains(&ch) {
                return Err(error("Illegal char"));
            }
            ch = (ch - b' ') & 0o77;
        }
        if !rest.is_empty() {
            rest = &rest[1..];
        }
        leftchar = (leftchar << 6) | ch as u32;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error("Trailing garbage"));
        }
    }
    PyBytes::new(&out)
}

fn b2a_uu(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (d, kw) = parse_pos1_kwonly("b2a_uu", args, kwnames, &["backtick"])?;
    let data = buffer(d)?;
    let backtick = int_flag(kw[0], false)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    if backtick && data.is_empty() {
        out.push(b'`');
    } else {
        out.push(b' ' + data.len() as u8);
    }
    let mut leftbits = 0u32;
    let mut leftchar = 0u32;
    let mut i = 0;
    while i < data.len() || leftbits != 0 {
        leftchar = (leftchar << 8) | data.get(i).copied().unwrap_or(0) as u32;
        leftbits += 8;
        while leftbits >= 6 {
            let ch = ((leftchar >> (leftbits - 6)) & 0x3f) as u8;
            leftbits -= 6;
            out.push(if backtick && ch == 0 { b'`' } else { ch + b' ' });
        }
        leftchar &= 0xffff;
        i += 1;
    }
    out.push(b'\n');
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn a2b_base64(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (d, kw) = parse_pos1_kwonly("a2b_base64", args, kwnames, &["strict_mode"])?;
    let data = ascii_buffer(d)?;
    let strict = int_flag(kw[0], false)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(4) * 3);
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut quad_pos = 0;
    let mut leftchar = 0u8;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return PyBytes::new(&out);
                }
            }
            continue;
        }
        let v = match b64_value(c) {
            Some(v) => v,
            None => {
                if strict {
                    return Err(error("Only base64 data is allowed"));
                }
                continue;
            }
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
            }
        }
    }
    if quad_pos == 1 {
        return Err(error(&format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )));
    }
    if quad_pos != 0 {
        return Err(error("Incorrect padding"));
    }
    PyBytes::new(&out)
}

/// Base64 of `data` (no newline).
pub fn b64encode(data: &[u8], out: &mut Vec<u8>) {
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        out.push(B64[(b[0] >> 2) as usize]);
        out.push(B64[(((b[0] & 3) << 4) | (b[1] >> 4)) as usize]);
        if chunk.len() > 1 {
            out.push(B64[(((b[1] & 0xf) << 2) | (b[2] >> 6)) as usize]);
        } else {
            out.push(b'=');
        }
        if chunk.len() > 2 {
            out.push(B64[(b[2] & 0x3f) as usize]);
        } else {
            out.push(b'=');
        }
    }
}

fn b2a_base64(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (d, kw) = parse_pos1_kwonly("b2a_base64", args, kwnames, &["newline"])?;
    let data = buffer(d)?;
    let newline = int_flag(kw[0], true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    b64encode(&data, &mut out);
    if newline {
        out.push(b'\n');
    }
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// CRCs

/// An `unsigned_int(bitwise=True)` argument: the int's low 32 bits.
fn u32_mask(o: &PyRef) -> PyResult<u32> {
    if o.is_instance_of::<crate::objects::float::PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let i = protocol::index(o)?;
    let big = i
        .downcast::<PyInt>()
        .map(|i| i.to_bigint())
        .unwrap_or_default();
    let m: num_bigint::BigInt = big & num_bigint::BigInt::from(0xffff_ffffu32);
    Ok(u32::try_from(m).unwrap_or(0))
}

fn crc_hqx_table() -> &'static [u16; 256] {
    static T: std::sync::OnceLock<[u16; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u16; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = (i as u16) << 8;
            for _ in 0..8 {
                c = if c & 0x8000 != 0 {
                    (c << 1) ^ 0x1021
                } else {
                    c << 1
                };
            }
            *e = c;
        }
        t
    })
}

fn crc_hqx(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("crc_hqx", args.len(), 2, 2)?;
    let data = buffer(&args[0])?;
    let mut crc = u32_mask(&args[1])? & 0xffff;
    let t = crc_hqx_table();
    for b in data {
        crc = ((crc << 8) & 0xff00) ^ t[((crc >> 8) as u8 ^ b) as usize] as u32;
    }
    PyInt::new(crc as i64)
}

fn crc32_table() -> &'static [u32; 256] {
    static T: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    })
}

/// CRC-32 (ISO 3309) of `data` continuing from `crc`.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let t = crc32_table();
    let mut c = !crc;
    for &b in data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

fn crc32(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("crc32", args.len(), 1, 2)?;
    let data = buffer(&args[0])?;
    let crc = match args.get(1) {
        Some(c) => u32_mask(c)?,
        None => 0,
    };
    PyInt::new(crc32_update(crc, &data) as i64)
}

// ---------------------------------------------------------------------------
// hex

fn hex_common(fname: &str, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse(
        fname,
        args,
        kwnames,
        &["data", "sep", "bytes_per_sep"],
        1,
    )?;
    let data = match &a[0] {
        Some(d) => buffer(d)?,
        None => Vec::new(),
    };
    if a[1].is_none() {
        const H: &[u8; 16] = b"0123456789abcdef";
        let mut out = Vec::with_capacity(data.len() * 2);
        for b in &data {
            out.push(H[(b >> 4) as usize]);
            out.push(H[(b & 15) as usize]);
        }
        return PyBytes::new(&out);
    }
    // With a separator: bytes.hex does the same grouping (`_Py_strhex_bytes_with_sep`).
    let b = PyBytes::new(&data)?;
    let mut margs = vec![a[1].clone().unwrap_or_else(crate::objects::none::none)];
    if let Some(n) = &a[2] {
        margs.push(n.clone());
    }
    let s = protocol::call_method(&b, "hex", &margs)?;
    let text = crate::objects::str::str_arg(&s, "hex")?;
    PyBytes::new(text.as_bytes())
}

fn b2a_hex(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    hex_common("b2a_hex", args, kwnames)
}

fn hexlify(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    hex_common("hexlify", args, kwnames)
}

fn hex_digit(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn a2b_hex(_m: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let data = ascii_buffer(arg)?;
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (hex_digit(pair[0]), hex_digit(pair[1])) {
            (Some(t), Some(b)) => out.push((t << 4) | b),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// quoted-printable

const MAXLINESIZE: usize = 76;

fn a2b_qp(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse("a2b_qp", args, kwnames, &["data", "header"], 1)?;
    let data = match &a[0] {
        Some(d) => ascii_buffer(d)?,
        None => Vec::new(),
    };
    let header = int_flag(a[1].as_ref(), false)?;
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        if data[i] == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if data[i] == b'\n' || data[i] == b'\r' {
                if data[i] != b'\n' {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if data[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < n {
                match (hex_digit(data[i]), hex_digit(data[i + 1])) {
                    (Some(t), Some(b)) => {
                        out.push((t << 4) | b);
                        i += 2;
                    }
                    _ => out.push(b'='),
                }
            } else {
                out.push(b'=');
            }
        } else if header && data[i] == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    PyBytes::new(&out)
}

fn push_hex(out: &mut Vec<u8>, ch: u8) {
    const H: &[u8; 16] = b"0123456789ABCDEF";
    out.push(H[(ch >> 4) as usize]);
    out.push(H[(ch & 15) as usize]);
}

fn b2a_qp(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse(
        "b2a_qp",
        args,
        kwnames,
        &["data", "quotetabs", "istext", "header"],
        1,
    )?;
    let data = match &a[0] {
        Some(d) => buffer(d)?,
        None => Vec::new(),
    };
    let quotetabs = int_flag(a[1].as_ref(), false)?;
    let istext = int_flag(a[2].as_ref(), true)?;
    let header = int_flag(a[3].as_ref(), false)?;
    let n = data.len();
    let crlf = match data.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && data[p - 1] == b'\r',
        None => false,
    };
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let mut linelen = 0usize;
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let needs = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.'
                && linelen == 0
                && (next.is_none() || matches!(next, Some(b'\n' | b'\r' | 0))))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if needs {
            if linelen + 3 >= MAXLINESIZE {
                out.push(b'=');
                if crlf {
                    out.push(b'\r');
                }
                out.push(b'\n');
                linelen = 0;
            }
            out.push(b'=');
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (i + 1 < n && c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    let l = out.len() - 1;
                    out[l] = b'=';
                    push_hex(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                out.push(b'=');
                if crlf {
                    out.push(b'\r');
                }
                out.push(b'\n');
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    PyBytes::new(&out)
}

// ---------------------------------------------------------------------------
// The module.

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("a2b_uu", Meth::O(a2b_uu)),
    MethodDef::new("b2a_uu", Meth::FastKw(b2a_uu)),
    MethodDef::new("a2b_base64", Meth::FastKw(a2b_base64)),
    MethodDef::new("b2a_base64", Meth::FastKw(b2a_base64)),
    MethodDef::new("a2b_hex", Meth::O(a2b_hex)),
    MethodDef::new("b2a_hex", Meth::FastKw(b2a_hex)),
    MethodDef::new("hexlify", Meth::FastKw(hexlify)),
    MethodDef::new("unhexlify", Meth::O(a2b_hex)),
    MethodDef::new("crc_hqx", Meth::Fast(crc_hqx)),
    MethodDef::new("crc32", Meth::Fast(crc32)),
    MethodDef::new("a2b_qp", Meth::FastKw(a2b_qp)),
    MethodDef::new("b2a_qp", Meth::FastKw(b2a_qp)),
];

const PRELUDE: &str = r#"
class Error(ValueError):
    pass
class Incomplete(Exception):
    pass
Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'
"#;

/// Runs `source` in the dict of module `m` (for the exception classes
/// CPython makes with `PyErr_NewException`).
pub fn exec_prelude(m: &PyRef, name: &str, source: &str) -> PyResult<PyRef> {
    let d = m
        .downcast::<PyModule>()
        .map(|p| p.dict())
        .ok_or_else(|| PyErr::system_error("no module dict"))?;
    if let Some(dd) = d.downcast::<PyDict>() {
        if let Some(b) = &crate::interp::interp().builtins {
            dd.set_str("__builtins__", b.clone())?;
        }
    }
    let code = crate::run::compile_source(source.as_bytes(), &format!("<{name}>"))?;
    crate::run::exec_code(&code, &d, None)?;
    if let Some(dd) = d.downcast::<PyDict>() {
        let _ = dd.del_item(&PyStr::new("__builtins__")?);
    }
    Ok(d)
}

/// Creates the `binascii` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("binascii")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    let d = exec_prelude(&m, "binascii", PRELUDE)?;
    if let Some(dd) = d.downcast::<PyDict>() {
        dd.set_str(
            "__doc__",
            PyStr::new("Conversion between binary data and ASCII")?,
        )?;
        if let Some(e) = dd.get_str("Error")? {
            // SAFETY: GIL held; no borrow of the cell is alive.
            unsafe { *ERROR.get_mut() = Some(e) };
        }
    }
    Ok(m)
}
