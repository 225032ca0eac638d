//! `bytearray` (CPython's `Objects/bytearrayobject.c`).
//!
//! The bytes live in a Rust `Vec<u8>` owned by the object (CPython keeps a
//! separately allocated buffer too). The mutating slots and methods
//! (`b[i] = x`, slice assignment and deletion, `+=`, `*=`, append, extend,
//! insert, pop, remove, clear, reverse, copy) are written here; the
//! read-only methods shared with `bytes` (find, split, strip, replace, ...)
//! run the `bytes` method on a copy of the contents and turn the bytes they
//! return into bytearrays, as CPython's shared `bytes_methods.c` does.
//! Buffer exports (memoryview) do not exist yet, so resizing is never
//! refused with `BufferError`.

use std::cell::{Cell, UnsafeCell};

use crate::object::protocol;
use crate::object::*;
use crate::objects::bytes::{buffer_bytes, byte_value, PyBytes};
use crate::objects::int::PyInt;
use crate::objects::str::{has_index, parse_args, slice_indices, PyStr};

/// The `bytearray` payload.
#[repr(C)]
pub struct PyByteArray {
    pub ob_base: PyVarObject,
    pub data: UnsafeCell<Vec<u8>>,
    /// Buffers exported to memoryviews (`ob_exports`): while non-zero the
    /// size cannot change.
    pub exports: Cell<usize>,
}

pub static BYTEARRAY_TYPE: PyType = PyType {
    tp_doc: Some("bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer"),
    tp_name: "bytearray",
    tp_basicsize: Cell::new(std::mem::size_of::<PyByteArray>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::SEQUENCE),
    tp_repr: Cell::new(Some(ba_repr)),
    tp_str: Cell::new(Some(ba_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(ba_richcompare)),
    tp_iter: Cell::new(Some(ba_iter)),
    tp_new: Cell::new(Some(ba_new)),
    tp_init: Cell::new(Some(ba_init)),
    tp_drop: Some(drop_ba),
    as_number: NumberSlots {
        nb_remainder: Cell::new(Some(ba_mod)),
        ..NumberSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(ba_len)),
        sq_concat: Cell::new(Some(ba_concat)),
        sq_repeat: Cell::new(Some(ba_repeat)),
        sq_item: Cell::new(Some(ba_item)),
        sq_ass_item: Cell::new(Some(ba_ass_item)),
        sq_contains: Cell::new(Some(ba_contains)),
        sq_inplace_concat: Cell::new(Some(ba_iconcat)),
        sq_inplace_repeat: Cell::new(Some(ba_irepeat)),
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(ba_len)),
        mp_subscript: Cell::new(Some(ba_subscript)),
        mp_ass_subscript: Cell::new(Some(ba_ass_subscript)),
    },
    tp_methods: BA_METHODS,
    ..PyType::BASE
};

// SAFETY: PyByteArray is repr(C) with the header first.
unsafe impl PyPayload for PyByteArray {
    fn type_object() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

unsafe fn drop_ba(obj: *mut PyObject) {
    // SAFETY: obj is a dead bytearray; only the Vec owns memory.
    unsafe { std::ptr::drop_in_place((*(obj as *mut PyByteArray)).data.get()) }
}

impl PyByteArray {
    /// A copy of the contents.
    pub fn to_vec(&self) -> Vec<u8> {
        // SAFETY: GIL held; short borrow, no Python code runs.
        unsafe { (*self.data.get()).clone() }
    }

    pub fn len(&self) -> usize {
        // SAFETY: as above.
        unsafe { (*self.data.get()).len() }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `f` on the contents; `f` must not run Python code. While buffers
    /// are exported the storage must not move: `f` then runs on a copy, which is
    /// written back in place if its length is unchanged, and a resize raises
    /// `BufferError` (as `PyByteArray_Resize` does).
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        if self.exports.get() > 0 {
            let mut tmp = self.to_vec();
            let r = f(&mut tmp);
            // SAFETY: GIL held; short borrow, no Python code runs.
            let d = unsafe { &mut *self.data.get() };
            if tmp.len() != d.len() {
                return Err(PyErr::new(
                    &crate::objects::exceptions::BUFFER_ERROR,
                    "Existing exports of data: object cannot be re-sized",
                ));
            }
            d.copy_from_slice(&tmp);
            return Ok(r);
        }
        // SAFETY: GIL held; `f` only touches the Vec.
        let r = unsafe { f(&mut *self.data.get()) };
        self.ob_base.ob_size.set(self.len() as isize);
        Ok(r)
    }

    /// A new bytearray.
    pub fn new(data: Vec<u8>) -> PyResult<PyRef> {
        Self::new_in(&BYTEARRAY_TYPE, data)
    }

    pub fn new_in(ty: &PyType, data: Vec<u8>) -> PyResult<PyRef> {
        let n = data.len();
        let o = alloc_object(
            ty,
            PyByteArray {
                ob_base: PyVarObject::NEW,
                data: UnsafeCell::new(data),
                exports: Cell::new(0),
            },
        )?;
        // SAFETY: just made.
        unsafe { o.payload_unchecked::<PyByteArray>() }
            .ob_base
            .ob_size
            .set(n as isize);
        Ok(o)
    }
}

/// The contents of a bytearray object (`None`: not a bytearray).
pub fn bytearray_data(o: &PyRef) -> Option<Vec<u8>> {
    o.downcast::<PyByteArray>().map(|b| b.to_vec())
}

fn this(o: &PyRef) -> PyResult<&PyByteArray> {
    o.downcast::<PyByteArray>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            o.ty().name()
        ))
    })
}

fn ba_repr(o: &PyRef) -> PyResult<PyRef> {
    let d = this(o)?.to_vec();
    let mut s = String::new();
    s.push_str(o.ty().name());
    s.push_str("(b");
    // As bytearray_repr: single quotes unless the data has ' and no ";
    // a ' is always escaped.
    let quote = if d.contains(&b'\'') && !d.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    s.push(quote);
    for &c in &d {
        match c {
            b'\'' | b'\\' => {
                s.push('\\');
                s.push(c as char);
            }
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            0x20..=0x7e => s.push(c as char),
            _ => {
                use std::fmt::Write;
                let _ = write!(s, "\\x{c:02x}");
            }
        }
    }
    s.push(quote);
    s.push(')');
    PyStr::new(&s)
}

fn ba_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    match (buffer_bytes(a), buffer_bytes(b)) {
        (Some(x), Some(y)) => Ok(crate::objects::bool_::py_bool(op.test(&x, &y))),
        _ => Ok(crate::objects::none::not_implemented()),
    }
}

fn ba_len(o: &PyRef) -> PyResult<usize> {
    Ok(this(o)?.len())
}

fn ba_concat(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let mut x = this(a)?.to_vec();
    match buffer_bytes(b) {
        Some(y) => {
            x.extend_from_slice(&y);
            PyByteArray::new(x)
        }
        None => Err(PyErr::type_error(format!(
            "can't concat {} to bytearray",
            b.ty().name()
        ))),
    }
}

fn ba_iconcat(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let p = this(a)?;
    match buffer_bytes(b) {
        Some(y) => {
            p.with_mut(|v| v.extend_from_slice(&y))?;
            Ok(a.clone())
        }
        None => Err(PyErr::type_error(format!(
            "can't concat {} to bytearray",
            b.ty().name()
        ))),
    }
}

fn repeated(x: &[u8], n: isize) -> PyResult<Vec<u8>> {
    if n <= 0 || x.is_empty() {
        return Ok(Vec::new());
    }
    let total = x
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize / 2)
        .ok_or_else(PyErr::no_memory)?;
    let mut v = Vec::new();
    crate::objects::str::grow(&mut v, total)?;
    for _ in 0..n {
        v.extend_from_slice(x);
    }
    Ok(v)
}

fn ba_repeat(a: &PyRef, n: isize) -> PyResult<PyRef> {
    let x = this(a)?.to_vec();
    PyByteArray::new(repeated(&x, n)?)
}

fn ba_irepeat(a: &PyRef, n: isize) -> PyResult<PyRef> {
    let p = this(a)?;
    let v = repeated(&p.to_vec(), n)?;
    p.with_mut(|d| *d = v)?;
    Ok(a.clone())
}

fn ba_item(a: &PyRef, i: isize) -> PyResult<PyRef> {
    let p = this(a)?;
    let b = p.with_mut(|v| {
        if i < 0 {
            None
        } else {
            v.get(i as usize).copied()
        }
    })?;
    match b {
        Some(b) => PyInt::new(b as i64),
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

fn ba_ass_item(a: &PyRef, i: isize, v: Option<&PyRef>) -> PyResult<()> {
    let p = this(a)?;
    let val = match v {
        Some(v) => Some(byte_value(v)?),
        None => None,
    };
    let n = p.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("bytearray index out of range"));
    }
    p.with_mut(|d| match val {
        Some(b) => d[i as usize] = b,
        None => {
            d.remove(i as usize);
        }
    })?;
    Ok(())
}

fn ba_contains(a: &PyRef, item: &PyRef) -> PyResult<bool> {
    let x = this(a)?.to_vec();
    crate::objects::bytes::contains_in(&x, item)
}

fn ba_subscript(a: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let x = this(a)?.to_vec();
    if has_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += x.len() as isize;
        }
        return ba_item(a, i);
    }
    if let Some((start, _stop, step, n)) = slice_indices(key, x.len())? {
        let v: Vec<u8> = (0..n)
            .map(|k| x[(start + k as isize * step) as usize])
            .collect();
        return PyByteArray::new(v);
    }
    Err(PyErr::type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

fn ba_ass_subscript(a: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let p = this(a)?;
    if has_index(key) {
        let i = crate::objects::int::as_ssize_index(key)?;
        return ba_ass_item(a, i, value);
    }
    let len = p.len();
    let Some((start, stop, step, n)) = slice_indices(key, len)? else {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            key.ty().name()
        )));
    };
    let new: Vec<u8> = match value {
        None => Vec::new(),
        Some(v) => {
            if v.is_instance_of::<PyStr>() {
                return Err(PyErr::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            if has_index(v) {
                return Err(PyErr::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            crate::objects::bytes::bytes_from_object(v)?
        }
    };
    if step == 1 {
        let s = start as usize;
        let e = (stop.max(start)) as usize;
        p.with_mut(|d| {
            d.splice(s..e, new);
        })?;
        return Ok(());
    }
    if value.is_none() {
        let mut idx: Vec<usize> = (0..n)
            .map(|k| (start + k as isize * step) as usize)
            .collect();
        idx.sort_unstable();
        p.with_mut(|d| {
            for &i in idx.iter().rev() {
                d.remove(i);
            }
        })?;
        return Ok(());
    }
    if new.len() != n {
        return Err(PyErr::value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {n}",
            new.len()
        )));
    }
    p.with_mut(|d| {
        for (k, b) in new.into_iter().enumerate() {
            d[(start + k as isize * step) as usize] = b;
        }
    })?;
    Ok(())
}

fn ba_mod(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let Some(x) = bytearray_data(a) else {
        return Ok(crate::objects::none::not_implemented());
    };
    let out = crate::objects::str::bytes_percent_format(&x, b)?;
    PyByteArray::new(out)
}

// ---------------------------------------------------------------------------
// Iteration.

/// The `bytearray_iterator` payload.
#[repr(C)]
pub struct PyByteArrayIter {
    pub ob_base: PyObject,
    pub index: Cell<usize>,
    pub seq: UnsafeCell<Option<PyRef>>,
}

pub static BYTEARRAY_ITER_TYPE: PyType = PyType {
    tp_name: "bytearray_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyByteArrayIter>()),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(ba_iter_next)),
    tp_drop: Some(drop_ba_iter),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyByteArrayIter {
    fn type_object() -> &'static PyType {
        &BYTEARRAY_ITER_TYPE
    }
}

unsafe fn drop_ba_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { std::ptr::drop_in_place(obj as *mut PyByteArrayIter) }
}

fn ba_iter(a: &PyRef) -> PyResult<PyRef> {
    this(a)?;
    alloc_object(
        &BYTEARRAY_ITER_TYPE,
        PyByteArrayIter {
            ob_base: PyObject::NEW,
            index: Cell::new(0),
            seq: UnsafeCell::new(Some(a.clone())),
        },
    )
}

fn ba_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of bytearray_iterator gets one.
    let s = unsafe { it.payload_unchecked::<PyByteArrayIter>() };
    // SAFETY: short read.
    let seq = unsafe { (*s.seq.get()).clone() };
    let Some(seq) = seq else { return Ok(None) };
    let i = s.index.get();
    // SAFETY: the iterator only holds bytearrays.
    let p = unsafe { seq.payload_unchecked::<PyByteArray>() };
    if let Some(b) = p.with_mut(|d| d.get(i).copied())? {
        s.index.set(i + 1);
        return Ok(Some(PyInt::new(b as i64)?));
    }
    // SAFETY: as above; the old value is dropped after the write.
    let old = unsafe { (*s.seq.get()).take() };
    drop(old);
    Ok(None)
}

// ---------------------------------------------------------------------------
// Construction.

fn ba_new(ty: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_new gets a type.
    let tyr = unsafe { &*(ty.as_ptr() as *const PyType) };
    PyByteArray::new_in(tyr, Vec::new())
}

/// `bytearray(source=b'', encoding=None, errors=None)`.
fn ba_init(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let p = this(o)?;
    let a = parse_args(
        "bytearray",
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
                let enc = crate::objects::str::str_arg(enc, "bytearray() argument 'encoding'")?;
                let errs = match errs {
                    Some(e) => crate::objects::str::str_arg(e, "bytearray() argument 'errors'")?,
                    None => "strict",
                };
                let r = crate::objects::str::encode(src, s, enc, errs)?;
                crate::objects::bytes::bytes_data(&r)
                    .map(|d| d.to_vec())
                    .unwrap_or_default()
            } else if enc.is_some() {
                return Err(PyErr::type_error("encoding without a string argument"));
            } else if errs.is_some() {
                return Err(PyErr::type_error("errors without a string argument"));
            } else {
                crate::objects::bytes::bytes_from_object(src)?
            }
        }
    };
    p.with_mut(|d| *d = data)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Methods.

fn m_append(o: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let b = byte_value(v)?;
    this(o)?.with_mut(|d| d.push(b))?;
    Ok(crate::objects::none::none())
}

fn m_extend(o: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    if let Some(sv) = v.downcast::<PyStr>() {
        // A str is iterated: its items are not ints.
        if !sv.is_empty() {
            return Err(PyErr::type_error(
                "'str' object cannot be interpreted as an integer",
            ));
        }
        return Ok(crate::objects::none::none());
    }
    let data = match buffer_bytes(v) {
        Some(b) => b,
        None => {
            if protocol::get_iter(v).is_err() {
                return Err(PyErr::type_error(format!(
                    "can't extend bytearray with {}",
                    v.ty().name()
                )));
            }
            crate::objects::bytes::bytes_from_object(v)?
        }
    };
    p.with_mut(|d| d.extend_from_slice(&data))?;
    Ok(crate::objects::none::none())
}

fn m_insert(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len()
        )));
    }
    let p = this(o)?;
    let i = crate::objects::int::as_ssize_t(&args[0])?;
    let b = byte_value(&args[1])?;
    let n = p.len() as isize;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    p.with_mut(|d| d.insert(at as usize, b))?;
    Ok(crate::objects::none::none())
}

fn m_pop(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let p = this(o)?;
    let n = p.len() as isize;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let i = match args.first() {
        Some(i) => crate::objects::int::as_ssize_index(i)?,
        None => -1,
    };
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let b = p.with_mut(|d| d.remove(i as usize))?;
    PyInt::new(b as i64)
}

fn m_remove(o: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let b = byte_value(v)?;
    let p = this(o)?;
    let found = p.with_mut(|d| match d.iter().position(|&x| x == b) {
        Some(i) => {
            d.remove(i);
            true
        }
        None => false,
    })?;
    if !found {
        return Err(PyErr::value_error("value not found in bytearray"));
    }
    Ok(crate::objects::none::none())
}

fn m_clear(o: &PyRef) -> PyResult<PyRef> {
    this(o)?.with_mut(|d| d.clear())?;
    Ok(crate::objects::none::none())
}

fn m_reverse(o: &PyRef) -> PyResult<PyRef> {
    this(o)?.with_mut(|d| d.reverse())?;
    Ok(crate::objects::none::none())
}

fn m_copy(o: &PyRef) -> PyResult<PyRef> {
    PyByteArray::new(this(o)?.to_vec())
}

fn m_sizeof(o: &PyRef) -> PyResult<PyRef> {
    // CPython: sizeof(PyByteArrayObject) (56) + the allocated buffer.
    let cap = this(o)?.with_mut(|d| {
        if d.capacity() == 0 {
            0
        } else {
            d.capacity() + 1
        }
    })?;
    PyInt::new((56 + cap) as i64)
}

/// Turns bytes results of a shared method into bytearrays (in lists and
/// tuples too).
fn to_bytearray(r: PyRef) -> PyResult<PyRef> {
    if let Some(b) = crate::objects::bytes::bytes_data(&r) {
        return PyByteArray::new(b.to_vec());
    }
    if let Some(l) = r.downcast::<crate::objects::list::PyList>() {
        let items = l
            .snapshot()
            .into_iter()
            .map(to_bytearray)
            .collect::<PyResult<Vec<_>>>()?;
        return crate::objects::list::PyList::new(items);
    }
    if let Some(t) = r.downcast::<crate::objects::tuple::PyTuple>() {
        let items = t
            .items()
            .iter()
            .cloned()
            .map(to_bytearray)
            .collect::<PyResult<Vec<_>>>()?;
        return crate::objects::tuple::PyTuple::new(items);
    }
    Ok(r)
}

fn shared(
    o: &PyRef,
    name: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    wrap: bool,
) -> PyResult<PyRef> {
    let copy = PyBytes::new(&this(o)?.to_vec())?;
    let m = protocol::getattr_str(&copy, name)?;
    let r = protocol::call(&m, args, kwnames)?;
    if wrap {
        to_bytearray(r)
    } else {
        Ok(r)
    }
}

macro_rules! shared_methods {
    ($($fname:ident => $name:literal, $wrap:expr;)*) => {
        $(
            fn $fname(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
                shared(o, $name, args, kwnames, $wrap)
            }
        )*
    };
}

shared_methods! {
    s_decode => "decode", false;
    s_hex => "hex", false;
    s_join => "join", true;
    s_upper => "upper", true;
    s_lower => "lower", true;
    s_strip => "strip", true;
    s_lstrip => "lstrip", true;
    s_rstrip => "rstrip", true;
    s_split => "split", true;
    s_replace => "replace", true;
    s_startswith => "startswith", false;
    s_endswith => "endswith", false;
    s_find => "find", false;
    s_rfind => "rfind", false;
    s_index => "index", false;
    s_rindex => "rindex", false;
    s_count => "count", false;
    s_partition => "partition", true;
    s_rpartition => "rpartition", true;
    s_isdigit => "isdigit", false;
    s_isalpha => "isalpha", false;
    s_isalnum => "isalnum", false;
    s_isspace => "isspace", false;
    s_isascii => "isascii", false;
    s_isupper => "isupper", false;
    s_islower => "islower", false;
    s_capitalize => "capitalize", true;
    s_swapcase => "swapcase", true;
    s_title => "title", true;
    s_istitle => "istitle", false;
    s_center => "center", true;
    s_ljust => "ljust", true;
    s_rjust => "rjust", true;
    s_zfill => "zfill", true;
    s_expandtabs => "expandtabs", true;
    s_translate => "translate", true;
    s_removeprefix => "removeprefix", true;
    s_removesuffix => "removesuffix", true;
    s_rsplit => "rsplit", true;
    s_splitlines => "splitlines", true;
}

fn m_maketrans(_cls: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::objects::bytes::b_maketrans(args)
}

fn m_alloc(o: &PyRef) -> PyResult<PyRef> {
    let cap = this(o)?.with_mut(|d| {
        if d.capacity() == 0 {
            0
        } else {
            d.capacity() + 1
        }
    })?;
    PyInt::new(cap as i64)
}

fn m_fromhex(cls: &PyRef, s: &PyRef) -> PyResult<PyRef> {
    let bytes_type = crate::objects::bytes::BYTES_TYPE.as_pyref();
    let b = protocol::call_method(&bytes_type, "fromhex", std::slice::from_ref(s))?;
    let data = crate::objects::bytes::bytes_data(&b)
        .map(|d| d.to_vec())
        .unwrap_or_default();
    let r = PyByteArray::new(data)?;
    if cls.is_static(&BYTEARRAY_TYPE) {
        Ok(r)
    } else {
        protocol::call(cls, &[r], None)
    }
}

static BA_METHODS: &[MethodDef] = &[
    MethodDef::new("append", Meth::O(m_append)),
    MethodDef::new("capitalize", Meth::FastKw(s_capitalize)),
    MethodDef::new("swapcase", Meth::FastKw(s_swapcase)),
    MethodDef::new("title", Meth::FastKw(s_title)),
    MethodDef::new("istitle", Meth::FastKw(s_istitle)),
    MethodDef::new("center", Meth::FastKw(s_center)),
    MethodDef::new("ljust", Meth::FastKw(s_ljust)),
    MethodDef::new("rjust", Meth::FastKw(s_rjust)),
    MethodDef::new("zfill", Meth::FastKw(s_zfill)),
    MethodDef::new("expandtabs", Meth::FastKw(s_expandtabs)),
    MethodDef::new("translate", Meth::FastKw(s_translate)),
    MethodDef::new("removeprefix", Meth::FastKw(s_removeprefix)),
    MethodDef::new("removesuffix", Meth::FastKw(s_removesuffix)),
    MethodDef::new("rsplit", Meth::FastKw(s_rsplit)),
    MethodDef::new("splitlines", Meth::FastKw(s_splitlines)),
    MethodDef::static_("maketrans", Meth::Fast(m_maketrans)),
    MethodDef::new("__alloc__", Meth::NoArgs(m_alloc)),
    MethodDef::new("extend", Meth::O(m_extend)),
    MethodDef::new("insert", Meth::Fast(m_insert)),
    MethodDef::new("pop", Meth::Fast(m_pop)),
    MethodDef::new("remove", Meth::O(m_remove)),
    MethodDef::new("clear", Meth::NoArgs(m_clear)),
    MethodDef::new("reverse", Meth::NoArgs(m_reverse)),
    MethodDef::new("copy", Meth::NoArgs(m_copy)),
    MethodDef::new("__sizeof__", Meth::NoArgs(m_sizeof)),
    MethodDef::class("fromhex", Meth::O(m_fromhex)),
    MethodDef::new("decode", Meth::FastKw(s_decode)),
    MethodDef::new("hex", Meth::FastKw(s_hex)),
    MethodDef::new("join", Meth::FastKw(s_join)),
    MethodDef::new("upper", Meth::FastKw(s_upper)),
    MethodDef::new("lower", Meth::FastKw(s_lower)),
    MethodDef::new("strip", Meth::FastKw(s_strip)),
    MethodDef::new("lstrip", Meth::FastKw(s_lstrip)),
    MethodDef::new("rstrip", Meth::FastKw(s_rstrip)),
    MethodDef::new("split", Meth::FastKw(s_split)),
    MethodDef::new("replace", Meth::FastKw(s_replace)),
    MethodDef::new("startswith", Meth::FastKw(s_startswith)),
    MethodDef::new("endswith", Meth::FastKw(s_endswith)),
    MethodDef::new("find", Meth::FastKw(s_find)),
    MethodDef::new("rfind", Meth::FastKw(s_rfind)),
    MethodDef::new("index", Meth::FastKw(s_index)),
    MethodDef::new("rindex", Meth::FastKw(s_rindex)),
    MethodDef::new("count", Meth::FastKw(s_count)),
    MethodDef::new("partition", Meth::FastKw(s_partition)),
    MethodDef::new("rpartition", Meth::FastKw(s_rpartition)),
    MethodDef::new("isdigit", Meth::FastKw(s_isdigit)),
    MethodDef::new("isalpha", Meth::FastKw(s_isalpha)),
    MethodDef::new("isalnum", Meth::FastKw(s_isalnum)),
    MethodDef::new("isspace", Meth::FastKw(s_isspace)),
    MethodDef::new("isascii", Meth::FastKw(s_isascii)),
    MethodDef::new("isupper", Meth::FastKw(s_isupper)),
    MethodDef::new("islower", Meth::FastKw(s_islower)),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&BYTEARRAY_TYPE, &BYTEARRAY_ITER_TYPE];
