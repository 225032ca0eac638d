//! The `array` module (CPython's `Modules/arraymodule.c`): typed arrays of
//! numbers and characters (typecodes `b B u h H i I l L q Q f d`).
//!
//! The items are stored as native (little-endian, LP64) machine values in a
//! byte vector owned by the object, as CPython's `ob_item`. Each typecode has
//! a descriptor ([`Descr`]) with its item size, its buffer format and the
//! conversions to and from Python objects (with the exact overflow and type
//! errors CPython's `*_setitem` functions raise). The array exports its
//! storage through the buffer protocol (`memoryview(a)`, `bytes(a)`,
//! `readinto`, `struct.pack_into`); while buffers are exported the storage
//! may not be resized (`BufferError`), so the memory a view points to never
//! moves. The over-allocation bookkeeping (`allocated`) follows
//! `array_resize` so `__sizeof__` reports what CPython reports.

use std::cell::{Cell, UnsafeCell};

use crate::modules::builtins::check_nargs;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::PyBytes;
use crate::objects::exceptions;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::{has_index, slice_indices, PyStr};
use crate::objects::tuple::PyTuple;

// ---------------------------------------------------------------------------
// Type descriptors.

/// `struct arraydescr`: one typecode.
pub struct Descr {
    pub code: u8,
    pub itemsize: usize,
    /// The buffer format (`'w'` for `'u'`, as CPython with a 4-byte wchar_t).
    pub format: &'static str,
    is_int: bool,
    signed: bool,
    /// The native machine format code used by pickling.
    mformat: i64,
}

const fn descr(
    code: u8,
    itemsize: usize,
    format: &'static str,
    is_int: bool,
    signed: bool,
    mformat: i64,
) -> Descr {
    Descr {
        code,
        itemsize,
        format,
        is_int,
        signed,
        mformat,
    }
}

static DESCRS: [Descr; 13] = [
    descr(b'b', 1, "b", true, true, 1),
    descr(b'B', 1, "B", true, false, 0),
    descr(b'u', 4, "w", false, false, 20),
    descr(b'h', 2, "h", true, true, 4),
    descr(b'H', 2, "H", true, false, 2),
    descr(b'i', 4, "i", true, true, 8),
    descr(b'I', 4, "I", true, false, 6),
    descr(b'l', 8, "l", true, true, 12),
    descr(b'L', 8, "L", true, false, 10),
    descr(b'q', 8, "q", true, true, 12),
    descr(b'Q', 8, "Q", true, false, 10),
    descr(b'f', 4, "f", false, false, 14),
    descr(b'd', 8, "d", false, false, 16),
];

fn find_descr(c: u32) -> Option<&'static Descr> {
    DESCRS.iter().find(|d| d.code as u32 == c)
}

fn overflow(msg: &str) -> PyErr {
    PyErr::overflow_error(msg)
}

/// `PyLong_AsLong` after `__index__`.
fn as_long(v: &PyRef) -> PyResult<i64> {
    let i = protocol::index(v)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    p.as_i64()
        .ok_or_else(|| overflow("Python int too large to convert to C long"))
}

/// The value after `__index__`, as an i128 (`None`: does not fit).
fn as_wide(v: &PyRef) -> PyResult<Option<i128>> {
    let i = protocol::index(v)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    if let Some(x) = p.as_i64() {
        return Ok(Some(x as i128));
    }
    Ok(i128::try_from(&p.to_bigint()).ok())
}

fn is_negative(v: &PyRef) -> PyResult<bool> {
    let i = protocol::index(v)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    Ok(p.signum() < 0)
}

fn range_check(x: i64, lo: i64, hi: i64, name: &str) -> PyResult<()> {
    if x < lo {
        return Err(overflow(&format!("{name} is less than minimum")));
    }
    if x > hi {
        return Err(overflow(&format!("{name} is greater than maximum")));
    }
    Ok(())
}

/// `PyLong_AsUnsignedLong` after `__index__`.
fn as_unsigned_long(v: &PyRef) -> PyResult<u64> {
    if is_negative(v)? {
        return Err(overflow("can't convert negative value to unsigned int"));
    }
    match as_wide(v)? {
        Some(x) if x <= u64::MAX as i128 => Ok(x as u64),
        _ => Err(overflow(
            "Python int too large to convert to C unsigned long",
        )),
    }
}

/// The setitem conversion of `v` for the typecode: the item's native bytes
/// (the first `itemsize` of the result).
fn encode(d: &Descr, v: &PyRef) -> PyResult<[u8; 8]> {
    let mut out = [0u8; 8];
    match d.code {
        b'b' => {
            let x = as_long(v)?;
            range_check(x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            range_check(x, i8::MIN as i64, i8::MAX as i64, "signed char")?;
            out[0] = x as i8 as u8;
        }
        b'B' => {
            let x = as_long(v)?;
            range_check(x, 0, u8::MAX as i64, "unsigned byte integer")?;
            out[0] = x as u8;
        }
        b'h' => {
            let x = as_long(v)?;
            range_check(x, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
            out[..2].copy_from_slice(&(x as i16).to_le_bytes());
        }
        b'H' => {
            let x = as_long(v)?;
            range_check(x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            range_check(x, 0, u16::MAX as i64, "unsigned short")?;
            out[..2].copy_from_slice(&(x as u16).to_le_bytes());
        }
        b'i' => {
            let x = as_long(v)?;
            range_check(x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            out[..4].copy_from_slice(&(x as i32).to_le_bytes());
        }
        b'I' => {
            let x = as_unsigned_long(v)?;
            if x > u32::MAX as u64 {
                return Err(overflow("unsigned int is greater than maximum"));
            }
            out[..4].copy_from_slice(&(x as u32).to_le_bytes());
        }
        b'l' => {
            let x = as_long(v)?;
            out.copy_from_slice(&x.to_le_bytes());
        }
        b'L' => {
            let x = as_unsigned_long(v)?;
            out.copy_from_slice(&x.to_le_bytes());
        }
        b'q' => match as_wide(v)? {
            Some(x) if i64::try_from(x).is_ok() => out.copy_from_slice(&(x as i64).to_le_bytes()),
            _ => return Err(overflow("int too big to convert")),
        },
        b'Q' => {
            if is_negative(v)? {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            match as_wide(v)? {
                Some(x) if x <= u64::MAX as i128 => out.copy_from_slice(&(x as u64).to_le_bytes()),
                _ => return Err(overflow("int too big to convert")),
            }
        }
        b'f' => {
            let x = crate::objects::float::as_f64(v)? as f32;
            out[..4].copy_from_slice(&x.to_le_bytes());
        }
        b'd' => {
            let x = crate::objects::float::as_f64(v)?;
            out.copy_from_slice(&x.to_le_bytes());
        }
        _ => {
            // 'u': a one-character str.
            let Some(s) = v.downcast::<PyStr>() else {
                return Err(PyErr::type_error("array item must be unicode character"));
            };
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => out[..4].copy_from_slice(&c.to_le_bytes()),
                _ => return Err(PyErr::type_error("array item must be unicode character")),
            }
        }
    }
    Ok(out)
}

fn le_u64(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    u64::from_le_bytes(w)
}

fn char_error(c: u32) -> PyErr {
    PyErr::value_error(format!(
        "character U+{c:x} is not in range [U+0000; U+10ffff]"
    ))
}

/// The getitem conversion: the Python object for one item's bytes.
fn decode(d: &Descr, b: &[u8]) -> PyResult<PyRef> {
    let u = le_u64(b);
    match d.code {
        b'b' => PyInt::new(u as u8 as i8 as i64),
        b'B' => PyInt::new(u as u8 as i64),
        b'h' => PyInt::new(u as u16 as i16 as i64),
        b'H' => PyInt::new(u as u16 as i64),
        b'i' => PyInt::new(u as u32 as i32 as i64),
        b'I' => PyInt::new(u as u32 as i64),
        b'l' | b'q' => PyInt::new(u as i64),
        b'L' | b'Q' => PyInt::from_i128(u as i128),
        b'f' => PyFloat::new(f32::from_bits(u as u32) as f64),
        b'd' => PyFloat::new(f64::from_bits(u)),
        _ => {
            let c = u as u32;
            if c > 0x10ffff {
                return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
            }
            PyStr::from_code_points(&[c])
        }
    }
}

// ---------------------------------------------------------------------------
// The array object.

/// The `array.array` payload.
#[repr(C)]
pub struct PyArray {
    pub ob_base: PyObject,
    data: UnsafeCell<Vec<u8>>,
    descr: Cell<&'static Descr>,
    /// CPython's `allocated` (in items), for `__sizeof__`.
    allocated: Cell<usize>,
    /// Buffers exported (`ob_exports`): while non-zero the size is fixed.
    exports: Cell<usize>,
    weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyArray {
    fn type_object() -> &'static PyType {
        &ARRAY_TYPE
    }
}

static BUFFER: crate::objects::memoryview::BufferProcs = crate::objects::memoryview::BufferProcs {
    getbuffer: array_getbuffer,
    releasebuffer: Some(array_releasebuffer),
};

pub static ARRAY_TYPE: PyType = PyType {
    tp_name: "array.array",
    tp_doc: Some("array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\na bytes-like object, or iterable over elements of the\nappropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character."),
    tp_basicsize: Cell::new(std::mem::size_of::<PyArray>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::SEQUENCE),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyArray, weaklist) as isize),
    tp_drop: Some(drop_array),
    tp_new: Cell::new(Some(array_new)),
    tp_repr: Cell::new(Some(array_repr)),
    tp_hash: Cell::new(Some(protocol::hash_not_implemented)),
    tp_richcompare: Cell::new(Some(array_richcompare)),
    tp_iter: Cell::new(Some(array_iter)),
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(array_len)),
        sq_concat: Cell::new(Some(array_concat)),
        sq_repeat: Cell::new(Some(array_repeat)),
        sq_item: Cell::new(Some(array_item)),
        sq_ass_item: Cell::new(Some(array_ass_item)),
        sq_contains: Cell::new(Some(array_contains)),
        sq_inplace_concat: Cell::new(Some(array_inplace_concat)),
        sq_inplace_repeat: Cell::new(Some(array_inplace_repeat)),
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(array_len)),
        mp_subscript: Cell::new(Some(array_subscript)),
        mp_ass_subscript: Cell::new(Some(array_ass_subscript)),
    },
    tp_getset: &[
        GetSetDef::getter("typecode", array_typecode),
        GetSetDef::getter("itemsize", array_itemsize),
    ],
    tp_methods: &[
        MethodDef::new("append", Meth::O(m_append)),
        MethodDef::new("buffer_info", Meth::NoArgs(m_buffer_info)),
        MethodDef::new("byteswap", Meth::NoArgs(m_byteswap)),
        MethodDef::new("__copy__", Meth::NoArgs(m_copy)),
        MethodDef::new("count", Meth::O(m_count)),
        MethodDef::new("__deepcopy__", Meth::O(m_deepcopy)),
        MethodDef::new("extend", Meth::O(m_extend)),
        MethodDef::new("frombytes", Meth::O(m_frombytes)),
        MethodDef::new("fromfile", Meth::Fast(m_fromfile)),
        MethodDef::new("fromlist", Meth::O(m_fromlist)),
        MethodDef::new("fromunicode", Meth::O(m_fromunicode)),
        MethodDef::new("index", Meth::Fast(m_index)),
        MethodDef::new("insert", Meth::Fast(m_insert)),
        MethodDef::new("pop", Meth::Fast(m_pop)),
        MethodDef::new("__reduce_ex__", Meth::O(m_reduce_ex)),
        MethodDef::new("remove", Meth::O(m_remove)),
        MethodDef::new("reverse", Meth::NoArgs(m_reverse)),
        MethodDef::new("tofile", Meth::O(m_tofile)),
        MethodDef::new("tolist", Meth::NoArgs(m_tolist)),
        MethodDef::new("tobytes", Meth::NoArgs(m_tobytes)),
        MethodDef::new("tounicode", Meth::NoArgs(m_tounicode)),
        MethodDef::new("__sizeof__", Meth::NoArgs(m_sizeof)),
    ],
    ..PyType::BASE
};

/// `array.arrayiterator`.
#[repr(C)]
pub struct PyArrayIter {
    pub ob_base: PyObject,
    ao: ObjCell,
    index: Cell<usize>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyArrayIter {
    fn type_object() -> &'static PyType {
        &ARRAYITER_TYPE
    }
}

pub static ARRAYITER_TYPE: PyType = PyType {
    tp_name: "array.arrayiterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyArrayIter>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_iter),
    tp_traverse: Cell::new(Some(traverse_iter)),
    tp_clear: Cell::new(Some(clear_iter)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(iter_next)),
    tp_methods: &[
        MethodDef::new("__reduce__", Meth::NoArgs(iter_reduce)),
        MethodDef::new("__setstate__", Meth::O(iter_setstate)),
    ],
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&ARRAY_TYPE, &ARRAYITER_TYPE];

/// Installs the buffer slots (before the types are readied, so subclasses
/// inherit them).
pub fn init_types() {
    ARRAY_TYPE.tp_as_buffer.set(Some(&BUFFER));
}

unsafe fn drop_array(obj: *mut PyObject) {
    // SAFETY: obj is a dead array; only the Vec owns memory.
    unsafe { std::ptr::drop_in_place((*(obj as *mut PyArray)).data.get()) }
}

unsafe fn drop_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator; the array reference is taken out and dropped.
    unsafe { drop((*(obj as *const PyArrayIter)).ao.take()) }
}

unsafe fn clear_iter(obj: *mut PyObject) {
    // SAFETY: obj is a live iterator.
    unsafe { drop((*(obj as *const PyArrayIter)).ao.take()) }
}

unsafe fn traverse_iter(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live iterator; visiting runs no Python code.
    unsafe {
        if let Some(a) = (*(obj as *const PyArrayIter)).ao.get() {
            visit(a.as_ptr());
        }
    }
}

fn resize_error() -> PyErr {
    PyErr::new(
        &exceptions::BUFFER_ERROR,
        "cannot resize an array that is exporting buffers",
    )
}

impl PyArray {
    fn descr(&self) -> &'static Descr {
        self.descr.get()
    }

    fn itemsize(&self) -> usize {
        self.descr().itemsize
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        // SAFETY: GIL held; a short read.
        unsafe { (*self.data.get()).len() / self.itemsize() }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the bytes.
    pub fn bytes(&self) -> Vec<u8> {
        // SAFETY: GIL held; a short read.
        unsafe { (*self.data.get()).clone() }
    }

    /// The bytes of item `i`, if in range.
    fn item_bytes(&self, i: usize) -> Option<[u8; 8]> {
        let n = self.itemsize();
        // SAFETY: GIL held; a short read.
        let d = unsafe { &*self.data.get() };
        let s = d.get(i * n..i * n + n)?;
        let mut out = [0u8; 8];
        out[..n].copy_from_slice(s);
        Some(out)
    }

    fn get(&self, i: usize) -> PyResult<Option<PyRef>> {
        match self.item_bytes(i) {
            Some(b) => Ok(Some(decode(self.descr(), &b[..self.itemsize()])?)),
            None => Ok(None),
        }
    }

    /// Writes item `i` in place (no size change).
    fn put(&self, i: usize, b: &[u8; 8]) {
        let n = self.itemsize();
        // SAFETY: GIL held; a short write, no Python code runs.
        let d = unsafe { &mut *self.data.get() };
        if let Some(s) = d.get_mut(i * n..i * n + n) {
            s.copy_from_slice(&b[..n]);
        }
    }

    /// Changes the contents with `f`, which must not run Python code. The
    /// size may change only if no buffer is exported (`array_resize`).
    fn modify<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> PyResult<R> {
        // SAFETY: GIL held; `f` touches only the Vec.
        let d = unsafe { &mut *self.data.get() };
        if self.exports.get() > 0 {
            let mut tmp = d.clone();
            let r = f(&mut tmp);
            if tmp.len() != d.len() {
                return Err(resize_error());
            }
            d.copy_from_slice(&tmp);
            return Ok(r);
        }
        let old = d.len() / self.itemsize();
        let r = f(d);
        self.account(old, d.len() / self.itemsize());
        Ok(r)
    }

    /// Follows `array_resize`'s over-allocation, for `__sizeof__`.
    fn account(&self, old: usize, new: usize) {
        let alloc = self.allocated.get();
        if alloc >= new && old < new + 16 {
            return;
        }
        if new == 0 {
            self.allocated.set(0);
            return;
        }
        let extra = if old < 8 { 3 } else { 7 };
        self.allocated.set((new >> 4) + extra + new);
    }

    fn check_resize(&self, new_items: usize) -> PyResult<()> {
        if self.exports.get() > 0 && new_items != self.len() {
            return Err(resize_error());
        }
        Ok(())
    }

    /// Appends native bytes (a whole number of items).
    fn append_bytes(&self, b: &[u8]) -> PyResult<()> {
        if b.is_empty() {
            return Ok(());
        }
        self.check_resize(self.len() + 1)?;
        self.modify(|d| d.extend_from_slice(b))
    }
}

fn this(o: &PyRef) -> PyResult<&PyArray> {
    o.downcast::<PyArray>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            o.ty().name()
        ))
    })
}

/// `newarrayobject`: an array of type `ty` holding `data`.
fn new_array(ty: &PyType, d: &'static Descr, data: Vec<u8>) -> PyResult<PyRef> {
    let n = data.len() / d.itemsize;
    alloc_object(
        ty,
        PyArray {
            ob_base: PyObject::NEW,
            data: UnsafeCell::new(data),
            descr: Cell::new(d),
            allocated: Cell::new(n),
            exports: Cell::new(0),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )
}

/// The bytes of an array object, if `o` is one (for the bytes-like helpers).
pub fn array_bytes(o: &PyRef) -> Option<Vec<u8>> {
    o.downcast::<PyArray>().map(|a| a.bytes())
}

// ---------------------------------------------------------------------------
// Buffer protocol.

fn array_getbuffer(o: &PyRef) -> PyResult<crate::objects::memoryview::RawBuffer> {
    let a = this(o)?;
    a.exports.set(a.exports.get() + 1);
    // SAFETY: GIL held; the Vec cannot be resized (so cannot move) while `exports` is non-zero: every resize checks it.
    let v = unsafe { &mut *a.data.get() };
    Ok(crate::objects::memoryview::RawBuffer {
        buf: v.as_mut_ptr(),
        len: v.len(),
        readonly: false,
        format: a.descr().format,
        itemsize: a.itemsize(),
    })
}

fn array_releasebuffer(o: &PyRef) {
    if let Some(a) = o.downcast::<PyArray>() {
        a.exports.set(a.exports.get().saturating_sub(1));
    }
}

// ---------------------------------------------------------------------------
// Construction.

fn typecode_arg(fname: &str, argn: usize, v: &PyRef) -> PyResult<u32> {
    let Some(s) = v.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "{fname}() argument {argn} must be a unicode character, not {}",
            v.ty().name()
        )));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(PyErr::type_error(format!(
            "{fname}() argument {argn} must be a unicode character, not str"
        ))),
    }
}

fn array_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = cls
        .downcast::<PyType>()
        .ok_or_else(|| PyErr::type_error("array.__new__(X): X is not a type object"))?;
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    let args = &args[..args.len() - nkw.min(args.len())];
    if nkw > 0 && crate::objects::slice::new_rejects_kwargs(ty, &ARRAY_TYPE) {
        return Err(PyErr::type_error(
            "array.array() takes no keyword arguments",
        ));
    }
    if args.is_empty() {
        return Err(PyErr::type_error(
            "array() takes at least 1 argument (0 given)",
        ));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let c = typecode_arg("array", 1, &args[0])?;
    let initial = args.get(1);
    let char_of = |c: u32| char::from_u32(c).unwrap_or('?');
    if let Some(init) = initial {
        if c != 'u' as u32 {
            if init.is_instance_of::<PyStr>() {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    char_of(c)
                )));
            }
            if let Some(o) = init.downcast::<PyArray>() {
                if o.descr().code == b'u' {
                    return Err(PyErr::type_error(format!(
                        "cannot use a unicode array to initialize an array with typecode '{}'",
                        char_of(c)
                    )));
                }
            }
        }
    }
    let Some(d) = find_descr(c) else {
        // CPython gets the iterator (when there is one to get) first.
        if let Some(init) = initial {
            let direct = init.is_instance_of::<PyList>()
                || init.is_instance_of::<PyTuple>()
                || init.is_instance_of::<PyBytes>()
                || init.is_instance_of::<crate::objects::bytearray::PyByteArray>()
                || init.is_instance_of::<PyArray>();
            if !direct {
                protocol::get_iter(init)?;
            }
        }
        return Err(PyErr::value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    };
    let Some(init) = initial else {
        return new_array(ty, d, Vec::new());
    };
    if let Some(o) = init.downcast::<PyArray>() {
        if o.descr().code == d.code {
            return new_array(ty, d, o.bytes());
        }
    } else if init.is_instance_of::<PyList>() || init.is_instance_of::<PyTuple>() {
        let items = if let Some(l) = init.downcast::<PyList>() {
            l.snapshot()
        } else {
            init.downcast::<PyTuple>()
                .map(|t| t.items().to_vec())
                .unwrap_or_default()
        };
        let mut data = Vec::with_capacity(items.len() * d.itemsize);
        for v in &items {
            data.extend_from_slice(&encode(d, v)?[..d.itemsize]);
        }
        return new_array(ty, d, data);
    } else if init.is_instance_of::<PyBytes>()
        || init.is_instance_of::<crate::objects::bytearray::PyByteArray>()
    {
        let a = new_array(ty, d, Vec::new())?;
        m_frombytes(&a, init)?;
        return Ok(a);
    } else if c == 'u' as u32 && init.is_instance_of::<PyStr>() {
        let a = new_array(ty, d, Vec::new())?;
        m_fromunicode(&a, init)?;
        return Ok(a);
    }
    let it = protocol::get_iter(init)?;
    let a = new_array(ty, d, Vec::new())?;
    iter_extend(&a, &it)?;
    Ok(a)
}

fn iter_extend(a: &PyRef, it: &PyRef) -> PyResult<()> {
    let p = this(a)?;
    while let Some(v) = protocol::next(it)? {
        let b = encode(p.descr(), &v)?;
        p.append_bytes(&b[..p.itemsize()])?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Slots.

fn array_typecode(s: &PyRef) -> PyResult<PyRef> {
    let c = this(s)?.descr().code;
    PyStr::from_code_points(&[c as u32])
}

fn array_itemsize(s: &PyRef) -> PyResult<PyRef> {
    PyInt::new(this(s)?.itemsize() as i64)
}

fn array_len(s: &PyRef) -> PyResult<usize> {
    Ok(this(s)?.len())
}

fn array_repr(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let name = s.ty().name();
    let code = a.descr().code as char;
    if a.is_empty() {
        return PyStr::new(&format!("{name}('{code}')"));
    }
    let inner = if code == 'u' {
        m_tounicode(s)?
    } else {
        m_tolist(s)?
    };
    let r = protocol::repr_string(&inner)?;
    PyStr::new(&format!("{name}('{code}', {r})"))
}

fn array_item(s: &PyRef, i: isize) -> PyResult<PyRef> {
    let a = this(s)?;
    if i < 0 {
        return Err(PyErr::index_error("array index out of range"));
    }
    a.get(i as usize)?
        .ok_or_else(|| PyErr::index_error("array index out of range"))
}

fn array_ass_item(s: &PyRef, i: isize, v: Option<&PyRef>) -> PyResult<()> {
    let a = this(s)?;
    let n = a.len() as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("array assignment index out of range"));
    }
    let i = i as usize;
    match v {
        Some(v) => {
            let b = encode(a.descr(), v)?;
            a.put(i, &b);
            Ok(())
        }
        None => del_range(a, i, i + 1),
    }
}

fn del_range(a: &PyArray, lo: usize, hi: usize) -> PyResult<()> {
    if hi <= lo {
        return Ok(());
    }
    let n = a.itemsize();
    a.check_resize(a.len() - (hi - lo))?;
    a.modify(|d| {
        let e = (hi * n).min(d.len());
        let s = (lo * n).min(e);
        d.drain(s..e);
    })
}

fn array_contains(s: &PyRef, v: &PyRef) -> PyResult<bool> {
    let a = this(s)?;
    let mut i = 0;
    while let Some(x) = a.get(i)? {
        if protocol::rich_compare_bool(&x, v, CompareOp::Eq)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn array_subscript(s: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    if has_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += a.len() as isize;
        }
        return array_item(s, i);
    }
    if let Some((start, _stop, step, n)) = slice_indices(key, a.len())? {
        let sz = a.itemsize();
        let src = a.bytes();
        let mut out = Vec::with_capacity(n * sz);
        for k in 0..n {
            let i = (start + k as isize * step) as usize;
            if let Some(b) = src.get(i * sz..i * sz + sz) {
                out.extend_from_slice(b);
            }
        }
        return new_array(&ARRAY_TYPE, a.descr(), out);
    }
    Err(PyErr::type_error("array indices must be integers"))
}

fn array_ass_subscript(s: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let a = this(s)?;
    let len = a.len();
    let (start, mut stop, step, slicelen) = if has_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += len as isize;
        }
        if i < 0 || i >= len as isize {
            return Err(PyErr::index_error("array assignment index out of range"));
        }
        match value {
            Some(v) => {
                let b = encode(a.descr(), v)?;
                a.put(i as usize, &b);
                return Ok(());
            }
            None => (i, i + 1, 1, 1usize),
        }
    } else if let Some(t) = slice_indices(key, len)? {
        t
    } else {
        return Err(PyErr::type_error("array indices must be integers"));
    };
    let other: Option<Vec<u8>> = match value {
        None => None,
        Some(v) => match v.downcast::<PyArray>() {
            Some(o) => {
                if !std::ptr::eq(o.descr(), a.descr()) {
                    return Err(PyErr::type_error(
                        "bad argument type for built-in operation",
                    ));
                }
                Some(o.bytes())
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    v.ty().name()
                )))
            }
        },
    };
    let sz = a.itemsize();
    let new = other.unwrap_or_default();
    let needed = new.len() / sz;
    if (step > 0 && stop < start) || (step < 0 && stop > start) {
        stop = start;
    }
    if (needed == 0 || slicelen != needed) && a.exports.get() > 0 {
        return Err(resize_error());
    }
    if step == 1 {
        let (s0, e0) = (start as usize * sz, stop as usize * sz);
        return a.modify(|d| {
            let e = e0.min(d.len());
            let s = s0.min(e);
            d.splice(s..e, new);
        });
    }
    let idx: Vec<usize> = (0..slicelen)
        .map(|k| (start + k as isize * step) as usize)
        .collect();
    if needed == 0 {
        let mut idx = idx;
        idx.sort_unstable();
        return a.modify(|d| {
            let mut out = Vec::with_capacity(d.len());
            let mut del = idx.iter().peekable();
            for (i, chunk) in d.chunks(sz).enumerate() {
                if del.peek() == Some(&&i) {
                    del.next();
                    continue;
                }
                out.extend_from_slice(chunk);
            }
            *d = out;
        });
    }
    if needed != slicelen {
        return Err(PyErr::value_error(format!(
            "attempt to assign array of size {needed} to extended slice of size {slicelen}"
        )));
    }
    a.modify(|d| {
        for (k, i) in idx.into_iter().enumerate() {
            if let (Some(dst), Some(src)) =
                (d.get_mut(i * sz..i * sz + sz), new.get(k * sz..k * sz + sz))
            {
                dst.copy_from_slice(src);
            }
        }
    })
}

fn array_concat(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let Some(o) = b.downcast::<PyArray>() else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            b.ty().name()
        )));
    };
    if !std::ptr::eq(o.descr(), a.descr()) {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    }
    let mut v = a.bytes();
    v.extend_from_slice(&o.bytes());
    new_array(&ARRAY_TYPE, a.descr(), v)
}

fn repeated(src: &[u8], n: isize) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    if src.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let total = src
        .len()
        .checked_mul(n)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(PyErr::no_memory)?;
    if total > (1usize << 40) {
        return Err(PyErr::no_memory());
    }
    let mut v = Vec::new();
    v.try_reserve_exact(total).map_err(|_| PyErr::no_memory())?;
    for _ in 0..n {
        v.extend_from_slice(src);
    }
    Ok(v)
}

fn array_repeat(s: &PyRef, n: isize) -> PyResult<PyRef> {
    let a = this(s)?;
    let v = repeated(&a.bytes(), n)?;
    new_array(&ARRAY_TYPE, a.descr(), v)
}

fn array_inplace_concat(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if !b.is_instance_of::<PyArray>() {
        return Err(PyErr::type_error(format!(
            "can only extend array with array (not \"{}\")",
            b.ty().name()
        )));
    }
    do_extend(s, b)?;
    Ok(s.clone())
}

fn array_inplace_repeat(s: &PyRef, n: isize) -> PyResult<PyRef> {
    let a = this(s)?;
    if !a.is_empty() {
        let v = repeated(&a.bytes(), n)?;
        a.check_resize(v.len() / a.itemsize())?;
        a.modify(|d| *d = v)?;
    }
    Ok(s.clone())
}

fn array_richcompare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(va), Some(wa)) = (v.downcast::<PyArray>(), w.downcast::<PyArray>()) else {
        return Ok(not_implemented());
    };
    let (n1, n2) = (va.len(), wa.len());
    if n1 != n2 && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(py_bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        if i >= va.len() || i >= wa.len() {
            break;
        }
        let (Some(x), Some(y)) = (va.get(i)?, wa.get(i)?) else {
            break;
        };
        if !protocol::rich_compare_bool(&x, &y, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(py_bool(false)),
                CompareOp::Ne => Ok(py_bool(true)),
                _ => protocol::rich_compare(&x, &y, op),
            };
        }
        i += 1;
    }
    let (n1, n2) = (va.len(), wa.len());
    Ok(py_bool(op.test(&n1, &n2)))
}

// ---------------------------------------------------------------------------
// Iteration.

fn array_iter(s: &PyRef) -> PyResult<PyRef> {
    this(s)?;
    let cell = ObjCell::empty();
    cell.set(Some(s.clone()));
    alloc_object(
        &ARRAYITER_TYPE,
        PyArrayIter {
            ob_base: PyObject::NEW,
            ao: cell,
            index: Cell::new(0),
        },
    )
}

fn iter_of(it: &PyRef) -> PyResult<&PyArrayIter> {
    it.downcast::<PyArrayIter>()
        .ok_or_else(|| PyErr::type_error("expected an array iterator"))
}

fn iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    let p = iter_of(it)?;
    let Some(ao) = p.ao.get_owned() else {
        return Ok(None);
    };
    let a = this(&ao)?;
    let i = p.index.get();
    if let Some(v) = a.get(i)? {
        p.index.set(i + 1);
        return Ok(Some(v));
    }
    drop(p.ao.take());
    Ok(None)
}

fn iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    let p = iter_of(it)?;
    let iter_fn = crate::objects::iter::builtin("iter")?;
    match p.ao.get_owned() {
        Some(ao) => PyTuple::new(vec![
            iter_fn,
            PyTuple::new(vec![ao])?,
            PyInt::new(p.index.get() as i64)?,
        ]),
        None => PyTuple::new(vec![iter_fn, PyTuple::new(vec![PyTuple::new(vec![])?])?]),
    }
}

fn iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let p = iter_of(it)?;
    let mut i = crate::objects::int::as_ssize_t(state)?;
    if let Some(ao) = p.ao.get_owned() {
        let n = this(&ao)?.len() as isize;
        i = i.clamp(0, n);
        p.index.set(i as usize);
    }
    Ok(none())
}

// ---------------------------------------------------------------------------
// Methods.

fn m_append(s: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let b = encode(a.descr(), v)?;
    a.append_bytes(&b[..a.itemsize()])?;
    Ok(none())
}

fn m_buffer_info(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    // SAFETY: GIL held; a short read of the pointer.
    let p = unsafe { (*a.data.get()).as_ptr() } as usize;
    let p = if a.allocated.get() == 0 && a.is_empty() {
        0
    } else {
        p
    };
    PyTuple::new(vec![
        PyInt::from_i128(p as i128)?,
        PyInt::new(a.len() as i64)?,
    ])
}

fn m_byteswap(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let sz = a.itemsize();
    if !matches!(sz, 1 | 2 | 4 | 8) {
        return Err(PyErr::new(
            &exceptions::RUNTIME_ERROR,
            "don't know how to byteswap this array type",
        ));
    }
    a.modify(|d| {
        for c in d.chunks_mut(sz) {
            c.reverse();
        }
    })?;
    Ok(none())
}

fn m_copy(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    new_array(&ARRAY_TYPE, a.descr(), a.bytes())
}

fn m_deepcopy(s: &PyRef, _memo: &PyRef) -> PyResult<PyRef> {
    m_copy(s)
}

fn m_count(s: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let mut n = 0i64;
    let mut i = 0;
    while let Some(x) = a.get(i)? {
        if protocol::rich_compare_bool(&x, v, CompareOp::Eq)? {
            n += 1;
        }
        i += 1;
    }
    PyInt::new(n)
}

fn do_extend(s: &PyRef, b: &PyRef) -> PyResult<()> {
    let a = this(s)?;
    let Some(o) = b.downcast::<PyArray>() else {
        let it = protocol::get_iter(b)?;
        return iter_extend(s, &it);
    };
    if !std::ptr::eq(o.descr(), a.descr()) {
        return Err(PyErr::type_error("can only extend with array of same kind"));
    }
    let more = o.bytes();
    if more.is_empty() {
        return Ok(());
    }
    a.check_resize(a.len() + more.len() / a.itemsize())?;
    a.modify(|d| d.extend_from_slice(&more))
}

fn m_extend(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    do_extend(s, b)?;
    Ok(none())
}

fn m_frombytes(s: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    if let Some(o) = b.downcast::<PyArray>() {
        if o.itemsize() != 1 {
            return Err(PyErr::type_error("a bytes-like object is required"));
        }
    }
    let data = crate::objects::bytes::buffer_bytes(b).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            b.ty().name()
        ))
    })?;
    let sz = a.itemsize();
    if data.len() % sz != 0 {
        return Err(PyErr::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    if !data.is_empty() && (b.is(s) || a.exports.get() > 0) {
        // Reading our own buffer exports it, which forbids the resize.
        return Err(resize_error());
    }
    a.append_bytes(&data)?;
    Ok(none())
}

fn m_fromfile(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("fromfile", args.len(), 2, 2)?;
    let a = this(s)?;
    let n = crate::objects::int::as_ssize_t(&args[1])?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let sz = a.itemsize() as isize;
    if n > isize::MAX / sz {
        return Err(PyErr::no_memory());
    }
    let nbytes = n * sz;
    let b = protocol::call_method(&args[0], "read", &[PyInt::new(nbytes as i64)?])?;
    let Some(bb) = b.downcast::<PyBytes>() else {
        return Err(PyErr::type_error("read() didn't return bytes"));
    };
    let short = bb.as_bytes().len() as isize != nbytes;
    m_frombytes(s, &b)?;
    if short {
        return Err(PyErr::new(
            &exceptions::EOF_ERROR,
            "read() didn't return enough bytes",
        ));
    }
    Ok(none())
}

fn m_fromlist(s: &PyRef, l: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let Some(list) = l.downcast::<PyList>() else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let n = list.len();
    let mut out = Vec::with_capacity(n * a.itemsize());
    for i in 0..n {
        let Some(v) = list.snapshot().get(i).cloned() else {
            return Err(PyErr::new(
                &exceptions::RUNTIME_ERROR,
                "list changed size during iteration",
            ));
        };
        out.extend_from_slice(&encode(a.descr(), &v)?[..a.itemsize()]);
        if list.len() != n {
            return Err(PyErr::new(
                &exceptions::RUNTIME_ERROR,
                "list changed size during iteration",
            ));
        }
    }
    a.append_bytes(&out)?;
    Ok(none())
}

fn m_fromunicode(s: &PyRef, u: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let Some(st) = u.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "fromunicode() argument must be str, not {}",
            u.ty().name()
        )));
    };
    if a.descr().code != b'u' {
        return Err(PyErr::value_error(
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    let mut out = Vec::new();
    for c in st.chars() {
        out.extend_from_slice(&c.to_le_bytes());
    }
    a.append_bytes(&out)?;
    Ok(none())
}

fn m_index(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("index", args.len(), 1, 3)?;
    let a = this(s)?;
    let idx = |v: &PyRef| {
        crate::objects::slice::slice_index_not_none(
            v,
            "slice indices must be integers or have an __index__ method",
        )
    };
    let mut start = match args.get(1) {
        Some(v) => idx(v)?,
        None => 0,
    };
    let mut stop = match args.get(2) {
        Some(v) => idx(v)?,
        None => isize::MAX,
    };
    let n = a.len() as isize;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop += n;
    }
    let mut i = start;
    while i < stop && i < a.len() as isize {
        let Some(x) = a.get(i as usize)? else { break };
        if protocol::rich_compare_bool(&x, &args[0], CompareOp::Eq)? {
            return PyInt::new(i as i64);
        }
        i += 1;
    }
    Err(PyErr::value_error("array.index(x): x not in array"))
}

fn m_insert(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("insert", args.len(), 2, 2)?;
    let a = this(s)?;
    let i = crate::objects::int::as_ssize_t(&args[0])?;
    let b = encode(a.descr(), &args[1])?;
    let n = a.len() as isize;
    let mut w = i;
    if w < 0 {
        w = (w + n).max(0);
    }
    if w > n {
        w = n;
    }
    a.check_resize(a.len() + 1)?;
    let sz = a.itemsize();
    let at = w as usize * sz;
    a.modify(|d| {
        let at = at.min(d.len());
        d.splice(at..at, b[..sz].iter().copied());
    })?;
    Ok(none())
}

fn m_pop(s: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("pop", args.len(), 0, 1)?;
    let a = this(s)?;
    let mut i = match args.first() {
        Some(v) => crate::objects::int::as_ssize_t(v)?,
        None => -1,
    };
    let n = a.len() as isize;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    if i < 0 {
        i += n;
    }
    if i < 0 || i >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let v = a
        .get(i as usize)?
        .ok_or_else(|| PyErr::index_error("pop index out of range"))?;
    del_range(a, i as usize, i as usize + 1)?;
    Ok(v)
}

fn m_remove(s: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let mut i = 0;
    while let Some(x) = a.get(i)? {
        if protocol::rich_compare_bool(&x, v, CompareOp::Eq)? {
            del_range(a, i, i + 1)?;
            return Ok(none());
        }
        i += 1;
    }
    Err(PyErr::value_error("array.remove(x): x not in array"))
}

fn m_reverse(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let sz = a.itemsize();
    a.modify(|d| {
        // Reverse the bytes, then each item back to its own byte order.
        d.reverse();
        for c in d.chunks_mut(sz) {
            c.reverse();
        }
    })?;
    Ok(none())
}

fn m_tofile(s: &PyRef, f: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    const BLOCKSIZE: usize = 64 * 1024;
    let nbytes = a.len() * a.itemsize();
    let nblocks = nbytes.div_ceil(BLOCKSIZE);
    for i in 0..nblocks {
        let d = a.bytes();
        let lo = (i * BLOCKSIZE).min(d.len());
        let hi = ((i + 1) * BLOCKSIZE).min(nbytes).min(d.len());
        let chunk = PyBytes::new(&d[lo..hi.max(lo)])?;
        protocol::call_method(f, "write", &[chunk])?;
    }
    Ok(none())
}

fn m_tolist(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let mut out = Vec::with_capacity(a.len());
    let mut i = 0;
    while let Some(x) = a.get(i)? {
        out.push(x);
        i += 1;
    }
    PyList::new(out)
}

fn m_tobytes(s: &PyRef) -> PyResult<PyRef> {
    PyBytes::new(&this(s)?.bytes())
}

fn m_tounicode(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    if a.descr().code != b'u' {
        return Err(PyErr::value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    let d = a.bytes();
    let mut cps = Vec::with_capacity(d.len() / 4);
    for c in d.chunks(4) {
        let c = le_u64(c) as u32;
        if c > 0x10ffff {
            return Err(char_error(c));
        }
        cps.push(c);
    }
    PyStr::from_code_points(&cps)
}

fn m_sizeof(s: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    // sizeof(arrayobject) on LP64 is 64 bytes.
    PyInt::new((64 + a.allocated.get() * a.itemsize()) as i64)
}

fn m_reduce_ex(s: &PyRef, proto: &PyRef) -> PyResult<PyRef> {
    let a = this(s)?;
    let Some(p) = proto.downcast::<PyInt>() else {
        return Err(PyErr::type_error(
            "__reduce_ex__ argument should be an integer",
        ));
    };
    let protocol_no = p
        .as_i64()
        .ok_or_else(|| overflow("Python int too large to convert to C long"))?;
    let dict = match protocol::lookup_attr(s, &PyStr::new("__dict__")?)? {
        Some(d) => d,
        None => none(),
    };
    let code = PyStr::from_code_points(&[a.descr().code as u32])?;
    if protocol_no < 3 {
        return PyTuple::new(vec![
            s.type_ref(),
            PyTuple::new(vec![code, m_tolist(s)?])?,
            dict,
        ]);
    }
    let module = crate::import::import_module("array")?;
    let recon = protocol::getattr_str(&module, "_array_reconstructor")?;
    PyTuple::new(vec![
        recon,
        PyTuple::new(vec![
            s.type_ref(),
            code,
            PyInt::new(a.descr().mformat)?,
            m_tobytes(s)?,
        ])?,
        dict,
    ])
}

// ---------------------------------------------------------------------------
// Module functions.

/// `mformat_descriptors`: (size, signed, big-endian) of the integer codes.
fn mformat_int(code: i64) -> Option<(usize, bool, bool)> {
    Some(match code {
        0 => (1, false, false),
        1 => (1, true, false),
        2 => (2, false, false),
        3 => (2, false, true),
        4 => (2, true, false),
        5 => (2, true, true),
        6 => (4, false, false),
        7 => (4, false, true),
        8 => (4, true, false),
        9 => (4, true, true),
        10 => (8, false, false),
        11 => (8, false, true),
        12 => (8, true, false),
        13 => (8, true, true),
        _ => return None,
    })
}

fn mformat_size(code: i64) -> usize {
    match code {
        14 | 15 => 4,
        16 | 17 => 8,
        18 | 19 => 2,
        20 | 21 => 4,
        _ => mformat_int(code).map(|t| t.0).unwrap_or(1),
    }
}

fn make_array(ty: &PyRef, code: u8, items: PyRef) -> PyResult<PyRef> {
    let c = PyStr::from_code_points(&[code as u32])?;
    protocol::call1(ty, &[c, items])
}

fn array_reconstructor(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("_array_reconstructor", args.len(), 4, 4)?;
    let arraytype = &args[0];
    let Some(ty) = arraytype.downcast::<PyType>() else {
        return Err(PyErr::type_error(format!(
            "first argument must be a type object, not {}",
            arraytype.ty().name()
        )));
    };
    if !std::ptr::eq(ty, &ARRAY_TYPE) && !ty.is_subtype(&ARRAY_TYPE) {
        return Err(PyErr::type_error(format!(
            "{} is not a subtype of array.array",
            ty.name()
        )));
    }
    let c = typecode_arg("_array_reconstructor", 2, &args[1])?;
    let mf = crate::objects::int::as_c_int(&args[2])? as i64;
    let items = &args[3];
    let Some(d) = find_descr(c) else {
        return Err(PyErr::value_error(
            "second argument must be a valid type code",
        ));
    };
    if !(-1..=21).contains(&mf) {
        return Err(PyErr::value_error(
            "third argument must be a valid machine format code.",
        ));
    }
    let Some(b) = items.downcast::<PyBytes>() else {
        return Err(PyErr::type_error(format!(
            "fourth argument should be bytes, not {}",
            items.ty().name()
        )));
    };
    if mf == d.mformat || mf == -1 {
        return make_array(arraytype, d.code, items.clone());
    }
    let data = b.as_bytes().to_vec();
    let size = mformat_size(mf);
    if data.len() % size != 0 {
        return Err(PyErr::value_error(
            "string length not a multiple of item size",
        ));
    }
    let mut code = d.code;
    let converted = match mf {
        14..=17 => {
            let mut out = Vec::with_capacity(data.len() / size);
            for ch in data.chunks(size) {
                let mut w = ch.to_vec();
                if mf % 2 == 1 {
                    w.reverse();
                }
                let v = if size == 4 {
                    f32::from_bits(le_u64(&w) as u32) as f64
                } else {
                    f64::from_bits(le_u64(&w))
                };
                out.push(PyFloat::new(v)?);
            }
            PyList::new(out)?
        }
        18..=21 => {
            let enc = match mf {
                18 => "utf-16-le",
                19 => "utf-16-be",
                20 => "utf-32-le",
                _ => "utf-32-be",
            };
            protocol::call_method(items, "decode", &[PyStr::new(enc)?])?
        }
        _ => {
            let Some((sz, signed, big)) = mformat_int(mf) else {
                return Err(PyErr::type_error(
                    "bad argument type for built-in operation",
                ));
            };
            for dd in DESCRS.iter() {
                if dd.is_int && dd.itemsize == sz && dd.signed == signed {
                    code = dd.code;
                }
            }
            let mut out = Vec::with_capacity(data.len() / sz);
            for ch in data.chunks(sz) {
                let mut w = ch.to_vec();
                if big {
                    w.reverse();
                }
                let u = le_u64(&w);
                let v: i128 = if signed {
                    let shift = 64 - 8 * sz as u32;
                    (((u << shift) as i64) >> shift) as i128
                } else {
                    u as i128
                };
                out.push(PyInt::from_i128(v)?);
            }
            PyList::new(out)?
        }
    };
    make_array(arraytype, code, converted)
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new(
    "_array_reconstructor",
    Meth::Fast(array_reconstructor),
)];

/// Creates the `array` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("array")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("array", ARRAY_TYPE.as_pyref())?;
        d.set_str("ArrayType", ARRAY_TYPE.as_pyref())?;
        d.set_str("typecodes", PyStr::new("bBuhHiIlLqQfd")?)?;
        Ok(())
    })?;
    Ok(m)
}
