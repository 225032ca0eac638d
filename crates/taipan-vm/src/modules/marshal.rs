//! The `marshal` module (CPython's `Python/marshal.c`): `dumps`, `loads`,
//! `dump`, `load` and `version`, in CPython 3.11's format 4.
//!
//! The writer walks objects directly, as `w_object` does. Version 3 and up
//! write an object that may be shared once with `FLAG_REF` and refer back to
//! it with `TYPE_REF`; like CPython, an object is a candidate only when its
//! reference count says someone else holds it (or it is an interned str), so
//! the writer reads the counts of the objects it visits and must not hold
//! extra references of its own while it does (`held` says how many it
//! holds). Sets are written in the order of their elements' own dumps
//! (bpo-37596), each element held by the sort as CPython's pair tuples hold
//! it.
//!
//! The reader builds objects as `r_object` does, with CPython's error
//! messages for truncated and malformed data, a nesting limit of 2000 and
//! the reference list. Code objects are rebuilt with the checks of
//! `_PyCode_Validate`.
//!
//! Taipan differences: the code units written for `co_code` are the ones
//! Taipan keeps (CPython's, caches zeroed); a code object's filename and
//! the byte strings of its tables are written once per code object (CPython
//! shares some of them between code objects, so its dumps of code can be
//! shorter, byte for byte different, and load to equal objects).

use std::collections::HashMap;

use crate::eval::recursion;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::PyBytes;
use crate::objects::code::{CodeParts, PyCode};
use crate::objects::complex::PyComplex;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::{ellipsis, none};
use crate::objects::set::{self, PySet};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// `Py_MARSHAL_VERSION`.
pub const VERSION: i32 = 4;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_INT64: u8 = b'I';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_CODE: u8 = b'c';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// `MAX_MARSHAL_STACK_DEPTH`.
const MAX_DEPTH: u32 = 2000;
const SIZE32_MAX: usize = 0x7FFF_FFFF;

/// Why writing stopped (`WFERR_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum WErr {
    Unmarshallable,
    NestedTooDeep,
}

/// The object of an interned-str check: bit 4 of the state word.
fn is_interned(s: &PyStr) -> bool {
    s.state.get() & 0x10 != 0
}

struct Writer {
    out: Vec<u8>,
    version: i32,
    depth: u32,
    /// Objects written with `FLAG_REF`, by address, with their index; the
    /// vector keeps them alive as CPython's hashtable does.
    refs: HashMap<usize, u32>,
    keep: Vec<PyRef>,
    error: Option<WErr>,
    /// An exception raised while writing (a nested dump of a set element).
    exc: Option<PyErr>,
}

impl Writer {
    fn new(version: i32) -> Writer {
        Writer {
            out: Vec::new(),
            version,
            depth: 0,
            refs: HashMap::new(),
            keep: Vec::new(),
            error: None,
            exc: None,
        }
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) {
        if n > SIZE32_MAX {
            self.error = Some(WErr::Unmarshallable);
            return;
        }
        self.long(n as i32);
    }

    fn pstring(&mut self, data: &[u8]) {
        self.size(data.len());
        if self.error.is_none() {
            self.out.extend_from_slice(data);
        }
    }

    fn short_pstring(&mut self, data: &[u8]) {
        self.byte(data.len() as u8);
        self.out.extend_from_slice(data);
    }

    /// `w_ref`: true if `v` was written as a back reference; otherwise sets
    /// `FLAG_REF` in `flag` when `v` may be shared. `held` is how many of
    /// `v`'s references the writer itself holds.
    fn w_ref(&mut self, v: &PyRef, flag: &mut u8, held: isize) -> bool {
        if self.version < 3 {
            return false;
        }
        let interned = v.is_exact::<PyStr>()
            // SAFETY: checked exact str just above.
            && is_interned(unsafe { v.payload_unchecked::<PyStr>() });
        if v.refcnt() - held == 1 && !interned {
            return false;
        }
        if let Some(&w) = self.refs.get(&v.id()) {
            self.byte(TYPE_REF);
            self.long(w as i32);
            return true;
        }
        let w = self.refs.len();
        if w >= 0x7fff_ffff {
            self.exc = Some(PyErr::value_error("too many objects"));
            self.error = Some(WErr::Unmarshallable);
            return true;
        }
        self.refs.insert(v.id(), w as u32);
        self.keep.push(v.clone());
        *flag |= FLAG_REF;
        false
    }

    /// `w_object`.
    fn object(&mut self, v: &PyRef, held: isize) {
        if self.error.is_some() {
            return;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.error = Some(WErr::NestedTooDeep);
        } else if v.is(&none()) {
            self.byte(TYPE_NONE);
        } else if v.is(&PyRef::from_static(
            &crate::objects::exceptions::STOP_ITERATION,
        )) {
            self.byte(TYPE_STOPITER);
        } else if v.is(&ellipsis()) {
            self.byte(TYPE_ELLIPSIS);
        } else if v.is(&py_bool(false)) {
            self.byte(TYPE_FALSE);
        } else if v.is(&py_bool(true)) {
            self.byte(TYPE_TRUE);
        } else {
            let mut flag = 0;
            if !self.w_ref(v, &mut flag, held) {
                self.complex_object(v, flag);
            }
        }
        self.depth -= 1;
    }

    fn w_type(&mut self, t: u8, flag: u8) {
        self.byte(t | flag);
    }

    /// `w_complex_object`.
    fn complex_object(&mut self, v: &PyRef, flag: u8) {
        if v.is_exact::<PyInt>() {
            // SAFETY: checked exact int.
            let i = unsafe { v.payload_unchecked::<PyInt>() };
            match i.as_i64().and_then(|x| i32::try_from(x).ok()) {
                Some(x) => {
                    self.w_type(TYPE_INT, flag);
                    self.long(x);
                }
                None => {
                    self.w_type(TYPE_LONG, flag);
                    self.long_digits(&i.to_bigint());
                }
            }
        } else if v.is_exact::<PyFloat>() {
            // SAFETY: checked exact float.
            let x = unsafe { v.payload_unchecked::<PyFloat>() }.value;
            if self.version > 1 {
                self.w_type(TYPE_BINARY_FLOAT, flag);
                self.out.extend_from_slice(&x.to_le_bytes());
            } else {
                self.w_type(TYPE_FLOAT, flag);
                self.float_str(x);
            }
        } else if v.is_exact::<PyComplex>() {
            // SAFETY: checked exact complex.
            let c = unsafe { v.payload_unchecked::<PyComplex>() };
            if self.version > 1 {
                self.w_type(TYPE_BINARY_COMPLEX, flag);
                self.out.extend_from_slice(&c.real.to_le_bytes());
                self.out.extend_from_slice(&c.imag.to_le_bytes());
            } else {
                self.w_type(TYPE_COMPLEX, flag);
                self.float_str(c.real);
                self.float_str(c.imag);
            }
        } else if v.is_exact::<PyBytes>() {
            // SAFETY: checked exact bytes.
            let b = unsafe { v.payload_unchecked::<PyBytes>() };
            self.w_type(TYPE_STRING, flag);
            self.pstring(b.as_bytes());
        } else if v.is_exact::<PyStr>() {
            // SAFETY: checked exact str.
            let s = unsafe { v.payload_unchecked::<PyStr>() };
            let interned = self.version >= 3 && is_interned(s);
            if self.version >= 4 && s.is_ascii() {
                let data = s.latin1().unwrap_or_default();
                if data.len() < 256 {
                    let t = if interned {
                        TYPE_SHORT_ASCII_INTERNED
                    } else {
                        TYPE_SHORT_ASCII
                    };
                    self.w_type(t, flag);
                    self.short_pstring(data);
                } else {
                    let t = if interned {
                        TYPE_ASCII_INTERNED
                    } else {
                        TYPE_ASCII
                    };
                    self.w_type(t, flag);
                    self.pstring(data);
                }
            } else {
                let data = utf8_surrogatepass(s);
                self.w_type(
                    if interned {
                        TYPE_INTERNED
                    } else {
                        TYPE_UNICODE
                    },
                    flag,
                );
                self.pstring(&data);
            }
        } else if v.is_exact::<PyTuple>() {
            // SAFETY: checked exact tuple.
            let items = unsafe { crate::objects::tuple::tuple_items_unchecked(v) };
            if self.version >= 4 && items.len() < 256 {
                self.w_type(TYPE_SMALL_TUPLE, flag);
                self.byte(items.len() as u8);
            } else {
                self.w_type(TYPE_TUPLE, flag);
                self.size(items.len());
            }
            for it in items {
                self.object(it, 0);
            }
        } else if v.is_exact::<PyList>() {
            // SAFETY: checked exact list.
            let l = unsafe { v.payload_unchecked::<PyList>() };
            self.w_type(TYPE_LIST, flag);
            // SAFETY: writing runs no Python code, so nothing changes the list while its items are borrowed.
            unsafe {
                l.with_vec(|items| {
                    self.size(items.len());
                    for it in items.iter() {
                        self.object(it, 0);
                    }
                })
            }
        } else if v.is_exact::<PyDict>() {
            // SAFETY: checked exact dict.
            let d = unsafe { v.payload_unchecked::<PyDict>() };
            self.w_type(TYPE_DICT, flag);
            let mut pos = 0;
            while let Some((next, k, val)) = d.next_entry(pos) {
                pos = next;
                self.object(&k, 1);
                self.object(&val, 1);
            }
            self.byte(TYPE_NULL);
        } else if set::is_any_set(v)
            && (v.is_exact::<PySet>() || std::ptr::eq(v.ty(), &set::FROZENSET_TYPE))
        {
            self.set(v, flag);
        } else if v.is_exact::<PyCode>() {
            // SAFETY: checked exact code.
            let c = unsafe { v.payload_unchecked::<PyCode>() };
            self.code(c, flag);
        } else if let Some(data) = crate::objects::bytes::buffer_bytes(v) {
            self.w_type(TYPE_STRING, flag);
            self.pstring(&data);
        } else {
            self.byte(b'?');
            self.error = Some(WErr::Unmarshallable);
        }
    }

    /// A long as signed count of 15-bit digits, then the digits.
    fn long_digits(&mut self, v: &num_bigint::BigInt) {
        use num_bigint::Sign;
        let (sign, mag) = v.to_u32_digits();
        let mut digits: Vec<u16> = Vec::new();
        let mut acc: u64 = 0;
        let mut bits = 0;
        for d in mag {
            acc |= (d as u64) << bits;
            bits += 32;
            while bits >= 15 {
                digits.push((acc & 0x7fff) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        if bits > 0 {
            digits.push((acc & 0x7fff) as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.len() > SIZE32_MAX {
            self.error = Some(WErr::Unmarshallable);
            return;
        }
        let n = digits.len() as i32;
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    /// Version 0 and 1 floats: `%.17g` text with a one-byte length.
    fn float_str(&mut self, x: f64) {
        let text = crate::objects::float::format_float_spec(x, ".17g", "float")
            .unwrap_or_else(|_| format!("{x}"));
        self.short_pstring(text.as_bytes());
    }

    /// Sets and frozensets, elements sorted by their own dumps.
    fn set(&mut self, v: &PyRef, flag: u8) {
        // SAFETY: callers checked an exact set or frozenset.
        let s = unsafe { v.payload_unchecked::<PySet>() };
        let frozen = !v.is_exact::<PySet>();
        self.w_type(if frozen { TYPE_FROZENSET } else { TYPE_SET }, flag);
        let keys = s.keys();
        self.size(keys.len());
        let mut pairs = Vec::with_capacity(keys.len());
        for k in keys {
            let mut sub = Writer::new(self.version);
            sub.object(&k, 1);
            if let Some(e) = sub.exc.take() {
                self.exc = Some(e);
                self.error = Some(WErr::Unmarshallable);
                return;
            }
            if sub.error.is_some() {
                self.error = Some(WErr::Unmarshallable);
                return;
            }
            drop(sub.keep);
            pairs.push((sub.out, k));
        }
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, k) in &pairs {
            // The sort's pair holds one reference, as CPython's pair tuple does.
            self.object(k, 0);
        }
    }

    fn code(&mut self, c: &PyCode, flag: u8) {
        self.w_type(TYPE_CODE, flag);
        self.long(c.argcount as i32);
        self.long(c.posonlyargcount as i32);
        self.long(c.kwonlyargcount as i32);
        self.long(c.stacksize as i32);
        self.long(c.flags);
        // `_PyCode_GetCode` returns a cached bytes object: two references.
        let mut code = Vec::with_capacity(c.code.len() * 2);
        for u in c.code.iter() {
            code.extend_from_slice(&u.to_le_bytes());
        }
        self.virtual_bytes(&code, true);
        self.object(&c.consts, 0);
        self.object(&c.names, 0);
        self.object(&c.localsplusnames, 0);
        self.virtual_bytes(&c.localspluskinds, false);
        self.object(&c.filename, 0);
        self.object(&c.name, 0);
        self.object(&c.qualname, 0);
        self.long(c.firstlineno);
        self.virtual_bytes(&c.linetable, false);
        self.virtual_bytes(&c.exceptiontable, false);
    }

    /// A bytes field Taipan keeps as raw bytes: written as CPython writes
    /// the bytes object it would hold (the empty one is a shared singleton).
    fn virtual_bytes(&mut self, data: &[u8], shared: bool) {
        if self.error.is_some() {
            return;
        }
        if data.is_empty() {
            match PyBytes::new(b"") {
                Ok(b) => self.object(&b, 1),
                Err(e) => {
                    self.exc = Some(e);
                    self.error = Some(WErr::Unmarshallable);
                }
            }
            return;
        }
        let flag = if shared && self.version >= 3 {
            // A fresh object nobody can refer back to: take an index for it.
            let w = self.refs.len() as u32;
            self.refs.insert(usize::MAX - w as usize, w);
            FLAG_REF
        } else {
            0
        };
        self.w_type(TYPE_STRING, flag);
        self.pstring(data);
    }
}

/// UTF-8 with lone surrogates encoded as three bytes (`surrogatepass`).
fn utf8_surrogatepass(s: &PyStr) -> Vec<u8> {
    if let Some(t) = s.try_as_str() {
        return t.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len() * 3);
    for c in s.chars() {
        if c < 0x80 {
            out.push(c as u8);
        } else if c < 0x800 {
            out.push(0xC0 | (c >> 6) as u8);
            out.push(0x80 | (c & 0x3F) as u8);
        } else if c < 0x10000 {
            out.push(0xE0 | (c >> 12) as u8);
            out.push(0x80 | ((c >> 6) & 0x3F) as u8);
            out.push(0x80 | (c & 0x3F) as u8);
        } else {
            out.push(0xF0 | (c >> 18) as u8);
            out.push(0x80 | ((c >> 12) & 0x3F) as u8);
            out.push(0x80 | ((c >> 6) & 0x3F) as u8);
            out.push(0x80 | (c & 0x3F) as u8);
        }
    }
    out
}

/// `PyMarshal_WriteObjectToString`.
pub fn dumps_object(v: &PyRef, version: i32) -> PyResult<PyRef> {
    crate::modules::sys::audit("marshal.dumps", &[v.clone(), PyInt::new(version as i64)?])?;
    let _guard = recursion::enter_call(" while marshalling")?;
    let mut w = Writer::new(version);
    recursion::with_stack(|| w.object(v, 0));
    if let Some(e) = w.exc.take() {
        return Err(e);
    }
    match w.error {
        Some(WErr::Unmarshallable) => Err(PyErr::value_error("unmarshallable object")),
        Some(WErr::NestedTooDeep) => Err(PyErr::value_error("object too deeply nested to marshal")),
        None => PyBytes::new(&w.out),
    }
}

// ---------------------------------------------------------------------------
// Reading.

/// Where the reader gets bytes: a buffer (`loads`) or a file (`load`).
enum Source<'a> {
    Buf { data: &'a [u8], pos: usize },
    File(PyRef),
}

struct Reader<'a> {
    src: Source<'a>,
    depth: u32,
    /// The reference list; `None` marks a reserved slot not filled yet.
    refs: Vec<Option<PyRef>>,
}

fn eof_object() -> PyErr {
    PyErr::new(
        &crate::objects::exceptions::EOF_ERROR,
        "EOF read where object expected",
    )
}

fn bad(what: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({what})"))
}

impl Reader<'_> {
    /// `r_string`: exactly `n` bytes.
    fn bytes(&mut self, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.src {
            Source::Buf { data, pos } => {
                if data.len() - *pos < n {
                    return Err(PyErr::new(
                        &crate::objects::exceptions::EOF_ERROR,
                        "marshal data too short",
                    ));
                }
                let out = data[*pos..*pos + n].to_vec();
                *pos += n;
                Ok(out)
            }
            Source::File(f) => {
                // Read in bounded pieces, so a length field of 2 GiB in bad
                // data ends in EOFError, not in a 2 GiB allocation.
                let f = f.clone();
                let mut out = Vec::new();
                while out.len() < n {
                    let want = (n - out.len()).min(1 << 20);
                    let buf = crate::objects::bytearray::PyByteArray::new(vec![0; want])?;
                    let res = protocol::call_method(&f, "readinto", std::slice::from_ref(&buf))?;
                    let read = crate::objects::int::as_ssize_index(&res)?;
                    if read != want as isize {
                        if read > want as isize {
                            return Err(PyErr::value_error(format!(
                                "read() returned too much data: {want} bytes requested, {read} returned"
                            )));
                        }
                        return Err(PyErr::new(
                            &crate::objects::exceptions::EOF_ERROR,
                            "EOF read where not expected",
                        ));
                    }
                    out.extend(crate::objects::bytes::buffer_bytes(&buf).unwrap_or_default());
                }
                Ok(out)
            }
        }
    }

    /// `r_byte`: `None` at the end of the data.
    fn byte(&mut self) -> PyResult<Option<u8>> {
        match &mut self.src {
            Source::Buf { data, pos } => {
                let b = data.get(*pos).copied();
                if b.is_some() {
                    *pos += 1;
                }
                Ok(b)
            }
            // CPython's `r_byte` reports the end of a file as EOF, and its
            // callers raise their own message.
            Source::File(_) => match self.bytes(1) {
                Ok(b) => Ok(b.first().copied()),
                Err(e) if e.matches(&crate::objects::exceptions::EOF_ERROR) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| bad(&format!("{what} size out of range")))
    }

    fn float_bin(&mut self) -> PyResult<f64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn float_str(&mut self) -> PyResult<f64> {
        let Some(n) = self.byte()? else {
            return Err(eof_object());
        };
        let b = self.bytes(n as usize)?;
        let text = String::from_utf8_lossy(&b);
        crate::objects::float::parse_float(text.trim()).ok_or_else(|| {
            PyErr::value_error(format!("could not convert string to float: '{text}'"))
        })
    }

    fn reserve(&mut self, flag: bool) -> PyResult<usize> {
        if !flag {
            return Ok(0);
        }
        let idx = self.refs.len();
        if idx >= 0x7fff_fffe {
            return Err(bad("index list too large"));
        }
        self.refs.push(None);
        Ok(idx)
    }

    fn insert(&mut self, o: &PyRef, idx: usize, flag: bool) {
        if flag {
            if let Some(slot) = self.refs.get_mut(idx) {
                *slot = Some(o.clone());
            }
        }
    }

    fn r_ref(&mut self, o: PyRef, flag: bool) -> PyRef {
        if flag {
            self.refs.push(Some(o.clone()));
        }
        o
    }

    /// `r_object`: `Ok(None)` for `TYPE_NULL`.
    fn object(&mut self) -> PyResult<Option<PyRef>> {
        let Some(code) = self.byte()? else {
            return Err(eof_object());
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::value_error("recursion limit exceeded"));
        }
        let r = self.object_of(code);
        self.depth -= 1;
        r
    }

    /// An object inside a container: `TYPE_NULL` is an error there.
    fn item(&mut self, what: &str) -> PyResult<PyRef> {
        self.object()?
            .ok_or_else(|| PyErr::type_error(format!("NULL object in marshal data for {what}")))
    }

    fn object_of(&mut self, code: u8) -> PyResult<Option<PyRef>> {
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => none(),
            TYPE_STOPITER => PyRef::from_static(&crate::objects::exceptions::STOP_ITERATION),
            TYPE_ELLIPSIS => ellipsis(),
            TYPE_FALSE => py_bool(false),
            TYPE_TRUE => py_bool(true),
            TYPE_INT => {
                let n = self.long()?;
                let o = PyInt::new(n as i64)?;
                self.r_ref(o, flag)
            }
            TYPE_INT64 => {
                let b = self.bytes(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(&b);
                let o = PyInt::new(i64::from_le_bytes(a))?;
                self.r_ref(o, flag)
            }
            TYPE_LONG => {
                let o = self.long_value()?;
                self.r_ref(o, flag)
            }
            TYPE_FLOAT => {
                let x = self.float_str()?;
                let o = PyFloat::new(x)?;
                self.r_ref(o, flag)
            }
            TYPE_BINARY_FLOAT => {
                let x = self.float_bin()?;
                let o = PyFloat::new(x)?;
                self.r_ref(o, flag)
            }
            TYPE_COMPLEX => {
                let re = self.float_str()?;
                let im = self.float_str()?;
                let o = PyComplex::new(re, im)?;
                self.r_ref(o, flag)
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.float_bin()?;
                let im = self.float_bin()?;
                let o = PyComplex::new(re, im)?;
                self.r_ref(o, flag)
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                let b = self.bytes(n)?;
                let o = PyBytes::new(&b)?;
                self.r_ref(o, flag)
            }
            t @ (TYPE_ASCII_INTERNED
            | TYPE_ASCII
            | TYPE_SHORT_ASCII_INTERNED
            | TYPE_SHORT_ASCII) => {
                let n = if t == TYPE_ASCII || t == TYPE_ASCII_INTERNED {
                    self.size("string")?
                } else {
                    match self.byte()? {
                        Some(n) => n as usize,
                        None => return Err(eof_object()),
                    }
                };
                let b = self.bytes(n)?;
                let interned = t == TYPE_ASCII_INTERNED || t == TYPE_SHORT_ASCII_INTERNED;
                let ascii = b.is_ascii();
                let o = if interned && ascii {
                    // SAFETY: ASCII bytes are UTF-8.
                    crate::objects::str::intern(unsafe { std::str::from_utf8_unchecked(&b) })
                } else {
                    PyStr::from_latin1_unchecked(&crate::objects::str::STR_TYPE, &b, ascii)?
                };
                self.r_ref(o, flag)
            }
            t @ (TYPE_INTERNED | TYPE_UNICODE) => {
                let n = self.size("string")?;
                let b = self.bytes(n)?;
                let o = crate::objects::str::decode(&b, "utf-8", "surrogatepass")?;
                let o = match (t == TYPE_INTERNED, o.downcast::<PyStr>()) {
                    (true, Some(s)) => match s.try_as_str() {
                        Some(text) => crate::objects::str::intern(text),
                        None => o.clone(),
                    },
                    _ => o.clone(),
                };
                self.r_ref(o, flag)
            }
            t @ (TYPE_SMALL_TUPLE | TYPE_TUPLE) => {
                let n = if t == TYPE_SMALL_TUPLE {
                    match self.byte()? {
                        Some(n) => n as usize,
                        None => return Err(eof_object()),
                    }
                } else {
                    self.size("tuple")?
                };
                let idx = self.reserve(flag)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(self.item("tuple")?);
                }
                let o = PyTuple::new(items)?;
                self.insert(&o, idx, flag);
                o
            }
            TYPE_LIST => {
                let n = self.size("list")?;
                let o = PyList::new(Vec::new())?;
                let o = self.r_ref(o, flag);
                for _ in 0..n {
                    let it = self.item("list")?;
                    // SAFETY: `o` is the list just made.
                    unsafe { o.payload_unchecked::<PyList>() }.push(it);
                }
                o
            }
            TYPE_DICT => {
                let o = PyDict::new()?;
                let o = self.r_ref(o, flag);
                loop {
                    let Some(k) = self.object()? else { break };
                    let Some(v) = self.object()? else { break };
                    // SAFETY: `o` is the dict just made.
                    unsafe { o.payload_unchecked::<PyDict>() }.set_item(k, v)?;
                }
                o
            }
            t @ (TYPE_SET | TYPE_FROZENSET) => {
                let n = self.size("set")?;
                if t == TYPE_SET {
                    let o = set::new_set(None)?;
                    let o = self.r_ref(o, flag);
                    for _ in 0..n {
                        let it = self.item("set")?;
                        // SAFETY: `o` is the set just made.
                        unsafe { o.payload_unchecked::<PySet>() }.add(it)?;
                    }
                    o
                } else {
                    let idx = self.reserve(flag)?;
                    let mut items = Vec::new();
                    for _ in 0..n {
                        items.push(self.item("set")?);
                    }
                    let list = PyList::new(items)?;
                    let o = set::new_frozenset(Some(&list))?;
                    self.insert(&o, idx, flag);
                    o
                }
            }
            TYPE_CODE => {
                let idx = self.reserve(flag)?;
                let o = self.code()?;
                self.insert(&o, idx, flag);
                o
            }
            TYPE_REF => {
                let n = self.long()?;
                match usize::try_from(n).ok().and_then(|i| self.refs.get(i)) {
                    Some(Some(o)) => o.clone(),
                    _ => return Err(bad("invalid reference")),
                }
            }
            _ => return Err(bad("unknown type code")),
        };
        Ok(Some(v))
    }

    /// `r_PyLong`.
    fn long_value(&mut self) -> PyResult<PyRef> {
        let n = self.long()?;
        let size = n.unsigned_abs() as usize;
        if size > SIZE32_MAX {
            return Err(bad("long size out of range"));
        }
        let mut digits = Vec::with_capacity(size.min(1 << 16));
        for i in 0..size {
            let d = self.bytes(2)?;
            let d = i16::from_le_bytes([d[0], d[1]]);
            if !(0..=0x7fff).contains(&d) {
                return Err(bad("digit out of range in long"));
            }
            if d == 0 && i == size - 1 {
                return Err(bad("unnormalized long data"));
            }
            digits.push(d as u16);
        }
        let mut big = num_bigint::BigUint::default();
        for &d in digits.iter().rev() {
            big = (big << 15u32) + num_bigint::BigUint::from(d);
        }
        let sign = if n < 0 {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        PyInt::from_bigint(num_bigint::BigInt::from_biguint(sign, big))
    }

    fn code(&mut self) -> PyResult<PyRef> {
        let argcount = self.long()?;
        let posonlyargcount = self.long()?;
        let kwonlyargcount = self.long()?;
        let stacksize = self.long()?;
        let flags = self.long()?;
        let code = self.item("object")?;
        let consts = self.item("object")?;
        let names = self.item("object")?;
        let localsplusnames = self.item("object")?;
        let localspluskinds = self.item("object")?;
        let filename = self.item("object")?;
        let name = self.item("object")?;
        let qualname = self.item("object")?;
        let firstlineno = self.long()?;
        let linetable = self.item("object")?;
        let exceptiontable = self.item("object")?;
        PyCode::from_parts(CodeParts {
            argcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize,
            flags,
            code,
            consts,
            names,
            localsplusnames,
            localspluskinds,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        })
    }
}

fn read_object(src: Source<'_>) -> PyResult<PyRef> {
    let _guard = recursion::enter_call(" while unmarshalling")?;
    let mut r = Reader {
        src,
        depth: 0,
        refs: Vec::new(),
    };
    match recursion::with_stack(|| r.object())? {
        Some(v) => Ok(v),
        None => Err(PyErr::type_error("NULL object in marshal data for object")),
    }
}

/// `PyMarshal_ReadObjectFromString`.
pub fn loads_bytes(data: &[u8]) -> PyResult<PyRef> {
    read_object(Source::Buf { data, pos: 0 })
}

fn version_arg(fname: &str, v: Option<&PyRef>) -> PyResult<i32> {
    let Some(v) = v else { return Ok(VERSION) };
    if v.is_instance_of::<PyFloat>() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let x = crate::objects::int::as_i64(v).map_err(|e| {
        if e.matches(&crate::objects::exceptions::OVERFLOW_ERROR) {
            PyErr::new(
                &crate::objects::exceptions::OVERFLOW_ERROR,
                format!("Python int too large to convert to C {}", "int"),
            )
        } else {
            e
        }
    })?;
    let _ = fname;
    i32::try_from(x).map_err(|_| {
        PyErr::new(
            &crate::objects::exceptions::OVERFLOW_ERROR,
            "Python int too large to convert to C int",
        )
    })
}

fn positional(
    name: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if kwnames.is_some_and(|k| crate::object::protocol::len(k).unwrap_or(0) > 0) {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} arguments, got {n}")
        } else if n < min {
            format!("{name} expected at least {min} arguments, got {n}")
        } else {
            format!("{name} expected at most {max} arguments, got {n}")
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

fn m_dumps(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    positional("dumps", args, kwnames, 1, 2)?;
    let version = version_arg("dumps", args.get(1))?;
    dumps_object(&args[0], version)
}

fn m_dump(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    positional("dump", args, kwnames, 2, 3)?;
    let version = version_arg("dump", args.get(2))?;
    let s = dumps_object(&args[0], version)?;
    protocol::call_method(&args[1], "write", &[s])
}

fn m_loads(_m: &PyRef, data: &PyRef) -> PyResult<PyRef> {
    let bytes = match data.downcast::<PyBytes>() {
        Some(b) => b.as_bytes().to_vec(),
        None => match crate::objects::bytes::buffer_bytes(data) {
            Some(b) => b,
            None => {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    data.ty().name()
                )))
            }
        },
    };
    crate::modules::sys::audit("marshal.loads", &[PyBytes::new(&bytes)?])?;
    loads_bytes(&bytes)
}

fn m_load(_m: &PyRef, file: &PyRef) -> PyResult<PyRef> {
    let zero = PyInt::new(0)?;
    let data = protocol::call_method(file, "read", &[zero])?;
    if !data.is_instance_of::<PyBytes>() {
        return Err(PyErr::type_error(format!(
            "file.read() returned not bytes but {}",
            data.ty().name()
        )));
    }
    crate::modules::sys::audit("marshal.load", &[])?;
    read_object(Source::File(file.clone()))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("dumps", Meth::FastKw(m_dumps)),
    MethodDef::new("dump", Meth::FastKw(m_dump)),
    MethodDef::new("loads", Meth::O(m_loads)),
    MethodDef::new("load", Meth::O(m_load)),
];

/// Creates the `marshal` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("marshal")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| d.set_str("version", PyInt::new(VERSION as i64)?))?;
    Ok(m)
}
