//! `bytes` (CPython's `Objects/bytesobject.c`, `Objects/bytes_methods.c`).
//!
//! A bytes object stores its bytes inline after the header (`ob_size` is the
//! length, then the cached hash, then the data and a NUL), as
//! `PyBytesObject` does, so `sys.getsizeof(b"")` is 33. The hash is the same
//! SipHash as str's, so `hash(b"abc") == hash("abc")`.

use std::cell::{Cell, UnsafeCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::str::{alloc_object_with_extra, PyStr};

/// The `bytes` payload (`PyBytesObject` without `ob_sval`).
#[repr(C)]
pub struct PyBytes {
    pub ob_base: PyVarObject,
    pub hash: Cell<isize>,
}

pub static BYTES_TYPE: PyType = PyType {
    tp_doc: Some("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer"),
    tp_name: "bytes",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBytes>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::BYTES_SUBCLASS | TypeFlags::LEAF),
    tp_repr: Cell::new(Some(bytes_repr)),
    tp_str: Cell::new(Some(bytes_repr)),
    tp_hash: Cell::new(Some(bytes_hash)),
    tp_richcompare: Cell::new(Some(bytes_richcompare)),
    tp_iter: Cell::new(Some(bytes_iter)),
    tp_new: Cell::new(Some(bytes_new)),
    as_number: NumberSlots {
        nb_remainder: Cell::new(Some(bytes_mod)),
        ..NumberSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(bytes_len)),
        sq_concat: Cell::new(Some(bytes_concat)),
        sq_repeat: Cell::new(Some(bytes_repeat)),
        sq_item: Cell::new(Some(bytes_item)),
        sq_contains: Cell::new(Some(bytes_contains)),
        ..SequenceSlots::EMPTY
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(bytes_len)),
        mp_subscript: Cell::new(Some(bytes_subscript)),
        ..MappingSlots::EMPTY
    },
    tp_methods: BYTES_METHODS,
    ..PyType::BASE
};

// SAFETY: PyBytes is repr(C) with the header first.
unsafe impl PyPayload for PyBytes {
    fn type_object() -> &'static PyType {
        &BYTES_TYPE
    }
}

impl PyBytes {
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.ob_base.ob_size.get() as usize
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes.
    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        // SAFETY: `len` bytes follow the type's basic size in the block.
        unsafe {
            let ty = &*self.ob_base.ob_base.ob_type.get();
            let p = (self as *const PyBytes as *const u8).add(ty.tp_basicsize.get());
            std::slice::from_raw_parts(p, self.len())
        }
    }

    /// The cached hash.
    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        // SAFETY: GIL held; the hash function is set at start-up.
        let h = unsafe { (*crate::objects::str::HASH_BYTES.as_ptr())(self.as_bytes()) };
        self.hash.set(h);
        h
    }

    /// A new bytes object.
    pub fn new(data: &[u8]) -> PyResult<PyRef> {
        Self::new_in(&BYTES_TYPE, data)
    }

    /// A new object of `ty` (bytes or a subclass).
    pub fn new_in(ty: &PyType, data: &[u8]) -> PyResult<PyRef> {
        let value = PyBytes {
            ob_base: PyVarObject::NEW,
            hash: Cell::new(-1),
        };
        let obj = alloc_object_with_extra(ty, data.len() + 1, value)?;
        // SAFETY: the block has room for len+1 bytes after the basic size.
        unsafe {
            let p = obj.payload_unchecked::<PyBytes>();
            p.ob_base.ob_size.set(data.len() as isize);
            let dst = (obj.as_ptr() as *mut u8).add(ty.tp_basicsize.get());
            std::ptr::copy_nonoverlapping(data.as_ptr(), dst, data.len());
        }
        Ok(obj)
    }
}

/// The bytes of a bytes object, or `None`.
pub fn bytes_data(o: &PyRef) -> Option<&[u8]> {
    o.downcast::<PyBytes>().map(|b| b.as_bytes())
}

fn this(o: &PyRef) -> PyResult<&PyBytes> {
    o.downcast::<PyBytes>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'bytes' object but received a '{}'",
            o.ty().name()
        ))
    })
}

fn bytes_repr(o: &PyRef) -> PyResult<PyRef> {
    let mut s = String::new();
    taipan_parser::pyrepr::write_bytes_repr(&mut s, this(o)?.as_bytes());
    PyStr::new(&s)
}

fn bytes_hash(o: &PyRef) -> PyResult<isize> {
    Ok(this(o)?.hash())
}

fn bytes_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    match (bytes_data(a), bytes_data(b)) {
        (Some(x), Some(y)) => Ok(crate::objects::bool_::py_bool(op.test(x, y))),
        _ => Ok(crate::objects::none::not_implemented()),
    }
}

fn bytes_len(o: &PyRef) -> PyResult<usize> {
    Ok(this(o)?.len())
}

/// The bytes of a buffer-like argument (bytes or bytearray).
pub fn buffer_bytes(o: &PyRef) -> Option<Vec<u8>> {
    if let Some(b) = bytes_data(o) {
        return Some(b.to_vec());
    }
    if let Some(v) = crate::objects::bytearray::bytearray_data(o) {
        return Some(v);
    }
    if let Some(v) = crate::objects::memoryview::view_bytes(o) {
        return Some(v);
    }
    crate::objects::memoryview::exported_bytes(o)
}

fn bytes_concat(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let x = this(a)?.as_bytes();
    match buffer_bytes(b) {
        Some(y) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(&y);
            PyBytes::new(&v)
        }
        None => Err(PyErr::type_error(format!(
            "can't concat {} to bytes",
            b.ty().name()
        ))),
    }
}

fn bytes_repeat(a: &PyRef, n: isize) -> PyResult<PyRef> {
    let x = this(a)?.as_bytes();
    if n <= 0 || x.is_empty() {
        return PyBytes::new(b"");
    }
    if n == 1 && a.is_exact::<PyBytes>() {
        return Ok(a.clone());
    }
    let total = x
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("repeated bytes are too long"))?;
    let mut v = Vec::new();
    crate::objects::str::grow(&mut v, total)?;
    for _ in 0..n {
        v.extend_from_slice(x);
    }
    PyBytes::new(&v)
}

fn bytes_item(a: &PyRef, i: isize) -> PyResult<PyRef> {
    let x = this(a)?.as_bytes();
    if i < 0 || i as usize >= x.len() {
        return Err(PyErr::index_error("index out of range"));
    }
    crate::objects::int::PyInt::new(x[i as usize] as i64)
}

/// `x in b`: an int in 0..256 or a bytes-like subsequence.
fn bytes_contains(a: &PyRef, item: &PyRef) -> PyResult<bool> {
    let x = this(a)?.as_bytes();
    contains_in(x, item)
}

pub(crate) fn contains_in(x: &[u8], item: &PyRef) -> PyResult<bool> {
    if let Some(needle) = buffer_bytes(item) {
        return Ok(find_sub(x, &needle, 0).is_some());
    }
    if crate::objects::str::has_index(item) {
        let v = crate::objects::int::as_ssize_index(item)?;
        if !(0..256).contains(&v) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        return Ok(x.contains(&(v as u8)));
    }
    Err(PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        item.ty().name()
    )))
}

/// The first index `>= from` where `needle` occurs.
pub fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn bytes_subscript(a: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let x = this(a)?.as_bytes();
    if crate::objects::str::has_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += x.len() as isize;
        }
        return bytes_item(a, i);
    }
    if let Some((start, _stop, step, n)) = crate::objects::str::slice_indices(key, x.len())? {
        let v: Vec<u8> = (0..n)
            .map(|k| x[(start + k as isize * step) as usize])
            .collect();
        return PyBytes::new(&v);
    }
    Err(PyErr::type_error(format!(
        "byte indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

// ---------------------------------------------------------------------------
// Iteration.

/// The `bytes_iterator` payload.
#[repr(C)]
pub struct PyBytesIter {
    pub ob_base: PyObject,
    pub index: Cell<usize>,
    pub seq: UnsafeCell<Option<PyRef>>,
}

pub static BYTES_ITER_TYPE: PyType = PyType {
    tp_name: "bytes_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyBytesIter>()),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(bytes_iter_next)),
    tp_drop: Some(drop_bytes_iter),
    tp_methods: BYTES_ITER_METHODS,
    ..PyType::BASE
};

static BYTES_ITER_METHODS: &[MethodDef] = &[MethodDef::new(
    "__length_hint__",
    Meth::NoArgs(bytes_iter_length_hint),
)];

fn bytes_iter_length_hint(it: &PyRef) -> PyResult<PyRef> {
    let Some(s) = it.downcast::<PyBytesIter>() else {
        return crate::objects::int::PyInt::new(0);
    };
    // SAFETY: short read; nothing runs Python code while it is borrowed.
    let seq = unsafe { (*s.seq.get()).clone() };
    let n = match seq.as_ref().and_then(bytes_data) {
        Some(d) => d.len().saturating_sub(s.index.get()),
        None => 0,
    };
    crate::objects::int::PyInt::new(n as i64)
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyBytesIter {
    fn type_object() -> &'static PyType {
        &BYTES_ITER_TYPE
    }
}

unsafe fn drop_bytes_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { std::ptr::drop_in_place(obj as *mut PyBytesIter) }
}

fn bytes_iter(a: &PyRef) -> PyResult<PyRef> {
    alloc_object(
        &BYTES_ITER_TYPE,
        PyBytesIter {
            ob_base: PyObject::NEW,
            index: Cell::new(0),
            seq: UnsafeCell::new(Some(a.clone())),
        },
    )
}

fn bytes_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of bytes_iterator gets one.
    let s = unsafe { it.payload_unchecked::<PyBytesIter>() };
    // SAFETY: short read; nothing runs Python code while it is borrowed.
    let seq = unsafe { (*s.seq.get()).clone() };
    let Some(seq) = seq else { return Ok(None) };
    let i = s.index.get();
    match bytes_data(&seq).and_then(|d| d.get(i).copied()) {
        Some(b) => {
            s.index.set(i + 1);
            Ok(Some(crate::objects::int::PyInt::new(b as i64)?))
        }
        None => {
            // SAFETY: as above; the old value is dropped after the write.
            let old = unsafe { (*s.seq.get()).take() };
            drop(old);
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------
// Construction and decoding.

/// `bytes(source=b'', encoding=None, errors=None)`.
fn bytes_new(ty: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_new gets a type.
    let tyr = unsafe { &*(ty.as_ptr() as *const PyType) };
    let a = crate::objects::str::parse_args(
        "bytes",
        args,
        kwnames,
        &["source", "encoding", "errors"],
        0,
    )?;
    let data = match (&a[0], &a[1], &a[2]) {
        (None, None, None) => Vec::new(),
        (None, _, _) => {
            return Err(PyErr::type_error(if a[1].is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }))
        }
        (Some(src), enc, errs) => {
            if let Some(s) = src.downcast::<PyStr>() {
                let Some(enc) = enc else {
                    return Err(PyErr::type_error("string argument without an encoding"));
                };
                let enc = crate::objects::str::str_arg(enc, "bytes() argument 'encoding'")?;
                let errs = match errs {
                    Some(e) => crate::objects::str::str_arg(e, "bytes() argument 'errors'")?,
                    None => "strict",
                };
                let r = crate::objects::str::encode(src, s, enc, errs)?;
                if std::ptr::eq(tyr, &BYTES_TYPE) {
                    return Ok(r);
                }
                bytes_data(&r).map(|d| d.to_vec()).unwrap_or_default()
            } else if enc.is_some() {
                return Err(PyErr::type_error("encoding without a string argument"));
            } else if errs.is_some() {
                return Err(PyErr::type_error("errors without a string argument"));
            } else {
                if let Some(f) =
                    crate::objects::type_::lookup(src.ty(), crate::intern!("__bytes__"))
                {
                    let bound = crate::objects::descr::bind(&f, Some(src), Some(&src.type_ref()))?;
                    let r = protocol::call(&bound, &[], None)?;
                    if !r.is_instance_of::<PyBytes>() {
                        return Err(PyErr::type_error(format!(
                            "__bytes__ returned non-bytes (type {})",
                            r.ty().name()
                        )));
                    }
                    if std::ptr::eq(tyr, &BYTES_TYPE) {
                        return Ok(r);
                    }
                    bytes_data(&r).map(|d| d.to_vec()).unwrap_or_default()
                } else {
                    // `bytes` names itself where `bytearray` says "byte".
                    bytes_from_object(src).map_err(|e| {
                        if e.matches(&crate::objects::exceptions::VALUE_ERROR)
                            && protocol::str_string(e.value()).unwrap_or_default()
                                == "byte must be in range(0, 256)"
                        {
                            PyErr::value_error("bytes must be in range(0, 256)")
                        } else {
                            e
                        }
                    })?
                }
            }
        }
    };
    PyBytes::new_in(tyr, &data)
}

/// The bytes `bytes(obj)` makes: a buffer, an int count of zeros, or an
/// iterable of ints in range(256).
pub fn bytes_from_object(src: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(src) {
        return Ok(b);
    }
    if src.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("string argument without an encoding"));
    }
    if crate::objects::str::has_index(src) {
        let n = crate::objects::int::as_ssize_index(src).map_err(|e| {
            if e.matches(&crate::objects::exceptions::INDEX_ERROR) {
                PyErr::overflow_error("cannot fit 'int' into an index-sized integer")
            } else {
                e
            }
        })?;
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        let mut v = Vec::new();
        crate::objects::str::grow(&mut v, n as usize)?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    let it = match protocol::get_iter(src) {
        Ok(it) => it,
        // A released memoryview: its buffer error.
        Err(e) if src.is_instance_of::<crate::objects::memoryview::PyMemoryView>() => {
            return Err(e)
        }
        Err(_) => {
            return Err(PyErr::type_error(format!(
                "cannot convert '{}' object to bytes",
                src.ty().name()
            )))
        }
    };
    let mut out = Vec::new();
    while let Some(v) = protocol::next(&it)? {
        out.push(byte_value(&v)?);
    }
    Ok(out)
}

/// An int in range(256) (`_getbytevalue`).
pub fn byte_value(v: &PyRef) -> PyResult<u8> {
    if !crate::objects::str::has_index(v) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name()
        )));
    }
    let i = crate::objects::int::as_ssize_index(v)
        .map_err(|_| PyErr::value_error("byte must be in range(0, 256)"))?;
    if !(0..256).contains(&i) {
        return Err(PyErr::value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn arg_bytes(o: &PyRef) -> PyResult<Vec<u8>> {
    buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            o.ty().name()
        ))
    })
}

fn b_decode(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let a = crate::objects::str::parse_args("decode", args, kwnames, &["encoding", "errors"], 0)?;
    let enc = match &a[0] {
        Some(e) => crate::objects::str::str_arg(e, "decode() argument 'encoding'")?,
        None => "utf-8",
    };
    let errs = match &a[1] {
        Some(e) => crate::objects::str::str_arg(e, "decode() argument 'errors'")?,
        None => "strict",
    };
    crate::objects::str::decode(x, enc, errs)
}

fn b_hex(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    hex_with_sep(x, args, kwnames)
}

/// `bytes.hex(sep=..., bytes_per_sep=1)` (`_Py_strhex_with_sep`).
pub fn hex_with_sep(x: &[u8], args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    const H: &[u8; 16] = b"0123456789abcdef";
    let a = crate::objects::str::parse_args("hex", args, kwnames, &["sep", "bytes_per_sep"], 0)?;
    let sep = match &a[0] {
        Some(s) => {
            let t: Vec<char> = if let Some(s) = s.downcast::<PyStr>() {
                s.as_str().chars().collect()
            } else if let Some(b) = buffer_bytes(s) {
                b.iter().map(|&c| c as char).collect()
            } else {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    s.ty().name()
                )));
            };
            if t.len() != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if !t[0].is_ascii() {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(t[0].to_string())
        }
        None => None,
    };
    let per = match &a[1] {
        Some(n) => crate::objects::int::as_ssize_t(n)?,
        None => 1,
    };
    let mut out = String::with_capacity(x.len() * 3);
    let n = x.len();
    for (i, &b) in x.iter().enumerate() {
        if let Some(sep) = &sep {
            if i > 0 && per != 0 {
                let k = per.unsigned_abs();
                let boundary = if per > 0 {
                    (n - i).is_multiple_of(k)
                } else {
                    i.is_multiple_of(k)
                };
                if boundary {
                    out.push_str(sep);
                }
            }
        }
        out.push(H[(b >> 4) as usize] as char);
        out.push(H[(b & 15) as usize] as char);
    }
    PyStr::new(&out)
}

fn b_fromhex(cls: &PyRef, s: &PyRef) -> PyResult<PyRef> {
    let text = crate::objects::str::str_arg(s, "fromhex() argument")?;
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_ascii_whitespace() || cs[i] == '\x0b' {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            _ => {
                return Err(PyErr::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
        }
        i += 2;
    }
    let b = PyBytes::new(&out)?;
    if cls.is_static(&BYTES_TYPE) {
        Ok(b)
    } else {
        protocol::call(cls, &[b], None)
    }
}

fn b_join(o: &PyRef, iterable: &PyRef) -> PyResult<PyRef> {
    let sep = this(o)?.as_bytes().to_vec();
    let items = protocol::collect(iterable)?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match buffer_bytes(it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    it.ty().name()
                )))
            }
        }
    }
    PyBytes::new(&out)
}

fn b_upper(o: &PyRef) -> PyResult<PyRef> {
    PyBytes::new(&this(o)?.as_bytes().to_ascii_uppercase())
}

fn b_lower(o: &PyRef) -> PyResult<PyRef> {
    PyBytes::new(&this(o)?.as_bytes().to_ascii_lowercase())
}

fn strip_impl(o: &PyRef, args: &[PyRef], left: bool, right: bool) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let chars: Vec<u8> = match args.first() {
        None => b" \t\n\r\x0b\x0c".to_vec(),
        Some(a) if a.is(&crate::objects::none::none()) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(a) => arg_bytes(a)?,
    };
    let mut s = 0;
    let mut e = x.len();
    if left {
        while s < e && chars.contains(&x[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && chars.contains(&x[e - 1]) {
            e -= 1;
        }
    }
    PyBytes::new(&x[s..e])
}

fn b_strip(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    strip_impl(o, a, true, true)
}
fn b_lstrip(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    strip_impl(o, a, true, false)
}
fn b_rstrip(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    strip_impl(o, a, false, true)
}

fn b_split(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let a = crate::objects::str::parse_args("split", args, kwnames, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(m) => crate::objects::int::as_ssize_t(m)?,
        None => -1,
    };
    let sep = match &a[0] {
        Some(s) if !s.is(&crate::objects::none::none()) => Some(arg_bytes(s)?),
        _ => None,
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        None => {
            let mut i = 0;
            let n = x.len();
            loop {
                while i < n && (x[i].is_ascii_whitespace() || x[i] == 0x0b) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if left == 0 {
                    let mut e = n;
                    while e > i && (x[e - 1].is_ascii_whitespace() || x[e - 1] == 0x0b) {
                        e -= 1;
                    }
                    parts.push(&x[i..e]);
                    break;
                }
                let s = i;
                while i < n && !(x[i].is_ascii_whitespace() || x[i] == 0x0b) {
                    i += 1;
                }
                parts.push(&x[s..i]);
                left = left.saturating_sub(1);
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut s = 0;
            while left > 0 {
                match find_sub(x, &sep, s) {
                    Some(k) => {
                        parts.push(&x[s..k]);
                        s = k + sep.len();
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(&x[s..]);
        }
    }
    let items = parts
        .into_iter()
        .map(PyBytes::new)
        .collect::<PyResult<Vec<_>>>()?;
    crate::objects::list::PyList::new(items)
}

fn b_replace(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "replace expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    let old = arg_bytes(&args[0])?;
    let new = arg_bytes(&args[1])?;
    let mut count = match args.get(2) {
        Some(c) => crate::objects::int::as_ssize_t(c)?,
        None => -1,
    };
    let mut out = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        for &b in x {
            if count != 0 {
                out.extend_from_slice(&new);
                count -= 1;
            }
            out.push(b);
        }
        if count != 0 {
            out.extend_from_slice(&new);
        }
        return PyBytes::new(&out);
    }
    while count != 0 {
        match find_sub(x, &old, i) {
            Some(k) => {
                out.extend_from_slice(&x[i..k]);
                out.extend_from_slice(&new);
                i = k + old.len();
                count -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&x[i..]);
    PyBytes::new(&out)
}

fn affix(o: &PyRef, args: &[PyRef], name: &str, end: bool) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let Some(p) = args.first() else {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    };
    let (s, e) = crate::objects::str::adjust_range(args.get(1), args.get(2), x.len())?;
    let hay = if s <= e { &x[s..e] } else { &x[0..0] };
    let check = |pre: &[u8]| {
        if s > x.len() || (s > e) {
            false
        } else if end {
            hay.ends_with(pre)
        } else {
            hay.starts_with(pre)
        }
    };
    if let Some(t) = p.downcast::<crate::objects::tuple::PyTuple>() {
        for it in t.items() {
            if check(&arg_bytes(it)?) {
                return Ok(crate::objects::bool_::py_bool(true));
            }
        }
        return Ok(crate::objects::bool_::py_bool(false));
    }
    let pre = buffer_bytes(p).ok_or_else(|| {
        PyErr::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            p.ty().name()
        ))
    })?;
    Ok(crate::objects::bool_::py_bool(check(&pre)))
}

fn b_startswith(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    affix(o, a, "startswith", false)
}
fn b_endswith(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    affix(o, a, "endswith", true)
}

fn find_impl(o: &PyRef, args: &[PyRef], name: &str) -> PyResult<Option<usize>> {
    let x = this(o)?.as_bytes();
    let Some(p) = args.first() else {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    };
    let needle = sub_arg(p)?;
    let (s, e) = crate::objects::str::adjust_range(args.get(1), args.get(2), x.len())?;
    if s > e || s > x.len() {
        return Ok(None);
    }
    let rev = name.starts_with('r');
    let hay = &x[..e];
    if rev {
        if needle.len() > hay.len() {
            return Ok(None);
        }
        let mut k = hay.len() - needle.len();
        loop {
            if k < s {
                return Ok(None);
            }
            if hay[k..k + needle.len()] == needle[..] {
                return Ok(Some(k));
            }
            if k == 0 {
                return Ok(None);
            }
            k -= 1;
        }
    }
    Ok(find_sub(hay, &needle, s))
}

/// The sub-sequence argument of find/count/index: an int byte or a buffer.
fn sub_arg(p: &PyRef) -> PyResult<Vec<u8>> {
    if crate::objects::str::has_index(p) {
        return Ok(vec![byte_value(p)?]);
    }
    buffer_bytes(p).ok_or_else(|| {
        PyErr::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            p.ty().name()
        ))
    })
}

fn b_find(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    let r = find_impl(o, a, "find")?;
    crate::objects::int::PyInt::new(r.map(|v| v as i64).unwrap_or(-1))
}
fn b_rfind(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    let r = find_impl(o, a, "rfind")?;
    crate::objects::int::PyInt::new(r.map(|v| v as i64).unwrap_or(-1))
}
fn b_index(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    match find_impl(o, a, "index")? {
        Some(v) => crate::objects::int::PyInt::new(v as i64),
        None => Err(PyErr::value_error("subsection not found")),
    }
}
fn b_rindex(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    match find_impl(o, a, "rindex")? {
        Some(v) => crate::objects::int::PyInt::new(v as i64),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn b_count(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let Some(p) = args.first() else {
        return Err(PyErr::type_error(
            "count expected at least 1 argument, got 0",
        ));
    };
    let needle = sub_arg(p)?;
    let (s, e) = crate::objects::str::adjust_range(args.get(1), args.get(2), x.len())?;
    if s > e || s > x.len() {
        return crate::objects::int::PyInt::new(0);
    }
    let hay = &x[s..e];
    let n = if needle.is_empty() {
        hay.len() + 1
    } else {
        let mut n = 0;
        let mut i = 0;
        while let Some(k) = find_sub(hay, &needle, i) {
            n += 1;
            i = k + needle.len();
        }
        n
    };
    crate::objects::int::PyInt::new(n as i64)
}

fn partition_impl(o: &PyRef, sep: &PyRef, rev: bool) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let sepb = arg_bytes(sep)?;
    if sepb.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let pos = if rev {
        (0..=x.len().saturating_sub(sepb.len()))
            .rev()
            .find(|&i| x.len() >= sepb.len() && x[i..i + sepb.len()] == sepb[..])
    } else {
        find_sub(x, &sepb, 0)
    };
    let t = match pos {
        Some(k) => vec![
            PyBytes::new(&x[..k])?,
            PyBytes::new(&sepb)?,
            PyBytes::new(&x[k + sepb.len()..])?,
        ],
        None if rev => vec![PyBytes::new(b"")?, PyBytes::new(b"")?, PyBytes::new(x)?],
        None => vec![PyBytes::new(x)?, PyBytes::new(b"")?, PyBytes::new(b"")?],
    };
    crate::objects::tuple::PyTuple::new(t)
}

fn b_partition(o: &PyRef, s: &PyRef) -> PyResult<PyRef> {
    partition_impl(o, s, false)
}
fn b_rpartition(o: &PyRef, s: &PyRef) -> PyResult<PyRef> {
    partition_impl(o, s, true)
}

fn pred(o: &PyRef, f: fn(&u8) -> bool) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    Ok(crate::objects::bool_::py_bool(
        !x.is_empty() && x.iter().all(f),
    ))
}
fn b_isdigit(o: &PyRef) -> PyResult<PyRef> {
    pred(o, u8::is_ascii_digit)
}
fn b_isalpha(o: &PyRef) -> PyResult<PyRef> {
    pred(o, u8::is_ascii_alphabetic)
}
fn b_isalnum(o: &PyRef) -> PyResult<PyRef> {
    pred(o, u8::is_ascii_alphanumeric)
}
fn b_isspace(o: &PyRef) -> PyResult<PyRef> {
    pred(o, |b| b.is_ascii_whitespace() || *b == 0x0b)
}
fn b_isascii(o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::objects::bool_::py_bool(
        this(o)?.as_bytes().is_ascii(),
    ))
}
fn b_isupper(o: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    Ok(crate::objects::bool_::py_bool(
        x.iter().any(u8::is_ascii_uppercase) && !x.iter().any(u8::is_ascii_lowercase),
    ))
}
fn b_islower(o: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    Ok(crate::objects::bool_::py_bool(
        x.iter().any(u8::is_ascii_lowercase) && !x.iter().any(u8::is_ascii_uppercase),
    ))
}

fn is_bspace(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

fn b_capitalize(o: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let mut v = x.to_ascii_lowercase();
    if let Some(f) = v.first_mut() {
        *f = f.to_ascii_uppercase();
    }
    PyBytes::new(&v)
}

fn b_swapcase(o: &PyRef) -> PyResult<PyRef> {
    let v: Vec<u8> = this(o)?
        .as_bytes()
        .iter()
        .map(|&b| {
            if b.is_ascii_lowercase() {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect();
    PyBytes::new(&v)
}

/// `bytes.title()`: a cased byte after a cased one is lowered, others raised.
pub(crate) fn title_bytes(x: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    x.iter()
        .map(|&b| {
            let r = if b.is_ascii_alphabetic() {
                if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            } else {
                b
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn b_title(o: &PyRef) -> PyResult<PyRef> {
    PyBytes::new(&title_bytes(this(o)?.as_bytes()))
}

fn b_istitle(o: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let mut cased = false;
    let mut prev_cased = false;
    for &b in x {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(crate::objects::bool_::py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(crate::objects::bool_::py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(crate::objects::bool_::py_bool(cased))
}

/// The fill byte of `center`/`ljust`/`rjust` (a bytes or bytearray of length 1).
fn fill_byte(name: &str, a: Option<&PyRef>) -> PyResult<u8> {
    let Some(a) = a else { return Ok(b' ') };
    if let Some(b) = buffer_bytes(a) {
        if b.len() == 1
            && (bytes_data(a).is_some() || crate::objects::bytearray::bytearray_data(a).is_some())
        {
            return Ok(b[0]);
        }
    }
    Err(PyErr::type_error(format!(
        "{name}() argument 2 must be a byte string of length 1, not {}",
        a.ty().name()
    )))
}

fn pad_args(name: &str, args: &[PyRef]) -> PyResult<(usize, u8)> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "{name} expected {}, got {}",
            if args.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            },
            args.len()
        )));
    }
    let w = crate::objects::int::as_ssize_t(&args[0])?;
    let fill = fill_byte(name, args.get(1))?;
    Ok((w.max(0) as usize, fill))
}

/// `x` padded to `width` with `left` fill bytes before it (the rest after).
pub(crate) fn padded(x: &[u8], width: usize, fill: u8, how: u8) -> PyResult<Vec<u8>> {
    if width <= x.len() {
        return Ok(x.to_vec());
    }
    let extra = width - x.len();
    let left = match how {
        b'l' => 0,
        b'r' => extra,
        // center: as CPython's pad(), the odd byte goes left when both are odd.
        _ => extra / 2 + (extra & width & 1),
    };
    let mut v = Vec::new();
    crate::objects::str::grow(&mut v, width)?;
    v.resize(left, fill);
    v.extend_from_slice(x);
    v.resize(width, fill);
    Ok(v)
}

fn b_center(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    let (w, f) = pad_args("center", a)?;
    PyBytes::new(&padded(this(o)?.as_bytes(), w, f, b'c')?)
}
fn b_ljust(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    let (w, f) = pad_args("ljust", a)?;
    PyBytes::new(&padded(this(o)?.as_bytes(), w, f, b'l')?)
}
fn b_rjust(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    let (w, f) = pad_args("rjust", a)?;
    PyBytes::new(&padded(this(o)?.as_bytes(), w, f, b'r')?)
}

pub(crate) fn zfill_bytes(x: &[u8], width: usize) -> PyResult<Vec<u8>> {
    if width <= x.len() {
        return Ok(x.to_vec());
    }
    let mut v = padded(x, width, b'0', b'r')?;
    let fill = width - x.len();
    if let Some(&c) = x.first() {
        if c == b'+' || c == b'-' {
            v[0] = c;
            v[fill] = b'0';
        }
    }
    Ok(v)
}

fn b_zfill(o: &PyRef, w: &PyRef) -> PyResult<PyRef> {
    let w = crate::objects::int::as_ssize_t(w)?.max(0) as usize;
    PyBytes::new(&zfill_bytes(this(o)?.as_bytes(), w)?)
}

pub(crate) fn expandtabs_bytes(
    x: &[u8],
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<Vec<u8>> {
    let a = crate::objects::str::parse_args("expandtabs", args, kwnames, &["tabsize"], 0)?;
    let ts: i64 = match &a[0] {
        Some(t) => crate::objects::int::as_c_int(t)? as i64,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col: usize = 0;
    for &b in x {
        if b == b'\t' {
            if ts > 0 {
                let n = ts as usize - col % ts as usize;
                crate::objects::str::grow(&mut out, n)?;
                out.resize(out.len() + n, b' ');
                col += n;
            }
        } else {
            out.push(b);
            col += 1;
            if b == b'\n' || b == b'\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

fn b_expandtabs(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    PyBytes::new(&expandtabs_bytes(this(o)?.as_bytes(), args, kwnames)?)
}

pub(crate) fn translate_bytes(
    x: &[u8],
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<Vec<u8>> {
    let a = crate::objects::str::parse_args("translate", args, kwnames, &["", "delete"], 1)?;
    let table = match &a[0] {
        Some(t) if !t.is(&crate::objects::none::none()) => {
            let t = arg_bytes(t)?;
            if t.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
        _ => None,
    };
    let del = match &a[1] {
        Some(d) => arg_bytes(d)?,
        None => Vec::new(),
    };
    let mut drop = [false; 256];
    for &d in &del {
        drop[d as usize] = true;
    }
    Ok(x.iter()
        .filter(|&&b| !drop[b as usize])
        .map(|&b| match &table {
            Some(t) => t[b as usize],
            None => b,
        })
        .collect())
}

fn b_translate(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    PyBytes::new(&translate_bytes(this(o)?.as_bytes(), args, kwnames)?)
}

pub(crate) fn b_maketrans(args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let f = arg_bytes(&args[0])?;
    let t = arg_bytes(&args[1])?;
    if f.len() != t.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (a, b) in f.iter().zip(&t) {
        table[*a as usize] = *b;
    }
    PyBytes::new(&table)
}

fn b_maketrans_m(_cls: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    b_maketrans(args)
}

fn b_removeprefix(o: &PyRef, p: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let p = arg_bytes(p)?;
    match x.strip_prefix(&p[..]) {
        Some(r) if !p.is_empty() => PyBytes::new(r),
        _ if o.is_exact::<PyBytes>() => Ok(o.clone()),
        _ => PyBytes::new(x),
    }
}

fn b_removesuffix(o: &PyRef, p: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let p = arg_bytes(p)?;
    match x.strip_suffix(&p[..]) {
        Some(r) if !p.is_empty() => PyBytes::new(r),
        _ if o.is_exact::<PyBytes>() => Ok(o.clone()),
        _ => PyBytes::new(x),
    }
}

fn b_rsplit(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let a = crate::objects::str::parse_args("rsplit", args, kwnames, &["sep", "maxsplit"], 0)?;
    let maxsplit = match &a[1] {
        Some(m) => crate::objects::int::as_ssize_t(m)?,
        None => -1,
    };
    let sep = match &a[0] {
        Some(s) if !s.is(&crate::objects::none::none()) => Some(arg_bytes(s)?),
        _ => None,
    };
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut e = x.len();
            loop {
                while e > 0 && is_bspace(x[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if left == 0 {
                    parts.push(&x[..e]);
                    break;
                }
                let mut s = e;
                while s > 0 && !is_bspace(x[s - 1]) {
                    s -= 1;
                }
                parts.push(&x[s..e]);
                e = s;
                left -= 1;
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            let mut e = x.len();
            while left > 0 && e >= sep.len() {
                let mut k = e - sep.len();
                let found = loop {
                    if x[k..k + sep.len()] == sep[..] {
                        break Some(k);
                    }
                    if k == 0 {
                        break None;
                    }
                    k -= 1;
                };
                match found {
                    Some(k) => {
                        parts.push(&x[k + sep.len()..e]);
                        e = k;
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(&x[..e]);
        }
    }
    parts.reverse();
    let items = parts
        .into_iter()
        .map(PyBytes::new)
        .collect::<PyResult<Vec<_>>>()?;
    crate::objects::list::PyList::new(items)
}

fn b_splitlines(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let x = this(o)?.as_bytes();
    let a = crate::objects::str::parse_args("splitlines", args, kwnames, &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(k) => protocol::is_true(k)?,
        None => false,
    };
    let mut items = Vec::new();
    let mut i = 0;
    let n = x.len();
    while i < n {
        let s = i;
        while i < n && x[i] != b'\n' && x[i] != b'\r' {
            i += 1;
        }
        let mut e = i;
        if i < n {
            if x[i] == b'\r' && i + 1 < n && x[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                e = i;
            }
        }
        items.push(PyBytes::new(&x[s..e])?);
    }
    crate::objects::list::PyList::new(items)
}

fn b_bytes(o: &PyRef) -> PyResult<PyRef> {
    if o.is_exact::<PyBytes>() {
        return Ok(o.clone());
    }
    PyBytes::new(this(o)?.as_bytes())
}

fn b_getnewargs(o: &PyRef) -> PyResult<PyRef> {
    let b = PyBytes::new(this(o)?.as_bytes())?;
    crate::objects::tuple::PyTuple::new(vec![b])
}

fn b_sizeof(o: &PyRef) -> PyResult<PyRef> {
    let x = this(o)?;
    crate::objects::int::PyInt::new((std::mem::size_of::<PyBytes>() + 1 + x.len()) as i64)
}

fn bytes_mod(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let Some(x) = bytes_data(a) else {
        return Ok(crate::objects::none::not_implemented());
    };
    let out = crate::objects::str::bytes_percent_format(x, b)?;
    PyBytes::new(&out)
}

static BYTES_METHODS: &[MethodDef] = &[
    MethodDef::new("decode", Meth::FastKw(b_decode)),
    MethodDef::new("hex", Meth::FastKw(b_hex)),
    MethodDef::class("fromhex", Meth::O(b_fromhex)),
    MethodDef::new("join", Meth::O(b_join)),
    MethodDef::new("upper", Meth::NoArgs(b_upper)),
    MethodDef::new("lower", Meth::NoArgs(b_lower)),
    MethodDef::new("strip", Meth::Fast(b_strip)),
    MethodDef::new("lstrip", Meth::Fast(b_lstrip)),
    MethodDef::new("rstrip", Meth::Fast(b_rstrip)),
    MethodDef::new("split", Meth::FastKw(b_split)),
    MethodDef::new("replace", Meth::Fast(b_replace)),
    MethodDef::new("startswith", Meth::Fast(b_startswith)),
    MethodDef::new("endswith", Meth::Fast(b_endswith)),
    MethodDef::new("find", Meth::Fast(b_find)),
    MethodDef::new("rfind", Meth::Fast(b_rfind)),
    MethodDef::new("index", Meth::Fast(b_index)),
    MethodDef::new("rindex", Meth::Fast(b_rindex)),
    MethodDef::new("count", Meth::Fast(b_count)),
    MethodDef::new("partition", Meth::O(b_partition)),
    MethodDef::new("rpartition", Meth::O(b_rpartition)),
    MethodDef::new("isdigit", Meth::NoArgs(b_isdigit)),
    MethodDef::new("isalpha", Meth::NoArgs(b_isalpha)),
    MethodDef::new("isalnum", Meth::NoArgs(b_isalnum)),
    MethodDef::new("isspace", Meth::NoArgs(b_isspace)),
    MethodDef::new("isascii", Meth::NoArgs(b_isascii)),
    MethodDef::new("isupper", Meth::NoArgs(b_isupper)),
    MethodDef::new("islower", Meth::NoArgs(b_islower)),
    MethodDef::new("capitalize", Meth::NoArgs(b_capitalize)),
    MethodDef::new("swapcase", Meth::NoArgs(b_swapcase)),
    MethodDef::new("title", Meth::NoArgs(b_title)),
    MethodDef::new("istitle", Meth::NoArgs(b_istitle)),
    MethodDef::new("center", Meth::Fast(b_center)),
    MethodDef::new("ljust", Meth::Fast(b_ljust)),
    MethodDef::new("rjust", Meth::Fast(b_rjust)),
    MethodDef::new("zfill", Meth::O(b_zfill)),
    MethodDef::new("expandtabs", Meth::FastKw(b_expandtabs)),
    MethodDef::new("translate", Meth::FastKw(b_translate)),
    MethodDef::static_("maketrans", Meth::Fast(b_maketrans_m)),
    MethodDef::new("removeprefix", Meth::O(b_removeprefix)),
    MethodDef::new("removesuffix", Meth::O(b_removesuffix)),
    MethodDef::new("rsplit", Meth::FastKw(b_rsplit)),
    MethodDef::new("splitlines", Meth::FastKw(b_splitlines)),
    MethodDef::new("__bytes__", Meth::NoArgs(b_bytes)),
    MethodDef::new("__getnewargs__", Meth::NoArgs(b_getnewargs)),
    MethodDef::new("__sizeof__", Meth::NoArgs(b_sizeof)),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&BYTES_TYPE, &BYTES_ITER_TYPE];
