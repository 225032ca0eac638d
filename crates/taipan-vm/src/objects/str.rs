//! `str` (CPython's `Objects/unicodeobject.c`), PEP 393 storage.
//!
//! A string stores its code points inline after the header in the narrowest
//! of three kinds: 1 byte (Latin-1; ASCII flagged), 2 bytes (UCS-2) or
//! 4 bytes (UCS-4), followed by a NUL unit, as CPython's compact strings do.
//! The data starts at the object's type's `tp_basicsize`, so subclasses that
//! add a `__dict__` keep the same scheme. The hash is cached (`-1` until
//! computed). A UTF-8 copy of a non-ASCII string is made on first demand
//! (`as_str`) and kept, as CPython keeps `utf8`.

use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;

use crate::gil::GilCell;
use crate::object::*;

/// The `str` payload (`PyCompactUnicodeObject`).
#[repr(C)]
pub struct PyStr {
    pub ob_base: PyObject,
    /// Number of code points.
    pub length: usize,
    pub hash: Cell<isize>,
    /// Bits 0-2: kind (1, 2 or 4); bit 3: ASCII; bit 4: interned.
    pub state: Cell<u32>,
    /// UTF-8 copy of a non-ASCII string, made on demand (owned, may be
    /// empty). Boxed twice so the field is one thin pointer: the header is
    /// 48 bytes, as CPython 3.11's `PyASCIIObject`.
    pub utf8: UnsafeCell<Option<Box<Box<str>>>>,
}

const STATE_ASCII: u32 = 8;
const STATE_INTERNED: u32 = 16;

pub static STR_TYPE: PyType = PyType {
    tp_doc: Some("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'."),
    tp_name: "str",
    tp_basicsize: Cell::new(std::mem::size_of::<PyStr>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::UNICODE_SUBCLASS | TypeFlags::LEAF),
    tp_drop: Some(drop_str),
    tp_dealloc: str_dealloc,
    tp_hash: Cell::new(Some(str_hash_slot)),
    tp_repr: Cell::new(Some(str_repr)),
    tp_str: Cell::new(Some(str_str)),
    tp_richcompare: Cell::new(Some(str_richcompare)),
    tp_iter: Cell::new(Some(str_iter)),
    tp_new: Cell::new(Some(str_new)),
    as_number: NumberSlots {
        nb_remainder: Cell::new(Some(str_mod)),
        ..NumberSlots::EMPTY
    },
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(str_len)),
        sq_concat: Cell::new(Some(str_concat)),
        sq_repeat: Cell::new(Some(str_repeat)),
        sq_item: Cell::new(Some(str_item)),
        sq_contains: Cell::new(Some(str_contains)),
        ..SequenceSlots::EMPTY
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(str_len)),
        mp_subscript: Cell::new(Some(str_subscript)),
        ..MappingSlots::EMPTY
    },
    tp_methods: STR_METHODS,
    ..PyType::BASE
};

// SAFETY: PyStr is repr(C) with the header first; STR_TYPE's instances and
// its subclasses' start with it.
unsafe impl PyPayload for PyStr {
    fn type_object() -> &'static PyType {
        &STR_TYPE
    }
}

unsafe fn drop_str(obj: *mut PyObject) {
    // SAFETY: obj is a dead str; only the utf8 cache owns memory.
    unsafe {
        let s = &*(obj as *const PyStr);
        drop((*s.utf8.get()).take());
    }
}

/// `tp_dealloc` of str (`unicode_dealloc`): an exact str drops its UTF-8
/// copy (if any) and is freed at once; other instances take the generic path.
///
/// # Safety
/// `obj` is a str (or str subclass instance) whose count is zero.
unsafe fn str_dealloc(obj: *mut PyObject) {
    // SAFETY: obj is dead; an exact str has no weak references nor GC header, and its block came from `mem_alloc`.
    unsafe {
        if std::ptr::eq((*obj).ob_type.get(), &STR_TYPE) {
            let s = &*(obj as *const PyStr);
            if (*s.utf8.get()).is_some() {
                drop((*s.utf8.get()).take());
            }
            crate::object::mem_free(obj as *mut u8);
            return;
        }
        crate::object::generic_dealloc(obj)
    }
}

fn str_hash_slot(obj: &PyRef) -> PyResult<isize> {
    // SAFETY: tp_hash of str is only called on str objects.
    Ok(unsafe { obj.payload_unchecked::<PyStr>() }.hash())
}

/// The hash function for str and bytes data (`_Py_HashBytes`). It starts as
/// [`first_hash`], which installs SipHash-1-3 keyed from PYTHONHASHSEED
/// (`pyhash::init`) on first use, so no hash is ever computed with another
/// function, whatever the start-up order.
pub static HASH_BYTES: GilCell<fn(&[u8]) -> isize> = GilCell::new(first_hash);

fn first_hash(data: &[u8]) -> isize {
    crate::objects::pyhash::init();
    crate::objects::pyhash::hash_bytes(data)
}

impl PyStr {
    #[inline(always)]
    pub fn kind(&self) -> usize {
        (self.state.get() & 7) as usize
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.state.get() & STATE_ASCII != 0
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.length
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// Pointer to the code units.
    #[inline(always)]
    pub fn data_ptr(&self) -> *const u8 {
        // SAFETY: the data follows the type's basic size inside the block.
        unsafe {
            let ty = &*self.ob_base.ob_type.get();
            (self as *const PyStr as *const u8).add(ty.tp_basicsize.get())
        }
    }

    /// The code units of a 1-byte string (Latin-1 / ASCII).
    #[inline(always)]
    pub fn latin1(&self) -> Option<&[u8]> {
        if self.kind() == 1 {
            // SAFETY: `length` units of 1 byte follow the header.
            Some(unsafe { std::slice::from_raw_parts(self.data_ptr(), self.length) })
        } else {
            None
        }
    }

    /// The code units of a 2-byte string.
    pub fn ucs2(&self) -> Option<&[u16]> {
        if self.kind() == 2 {
            // SAFETY: `length` units of 2 bytes follow the (8-aligned) header.
            Some(unsafe { std::slice::from_raw_parts(self.data_ptr() as *const u16, self.length) })
        } else {
            None
        }
    }

    /// The code units of a 4-byte string.
    pub fn ucs4(&self) -> Option<&[u32]> {
        if self.kind() == 4 {
            // SAFETY: `length` units of 4 bytes follow the (8-aligned) header.
            Some(unsafe { std::slice::from_raw_parts(self.data_ptr() as *const u32, self.length) })
        } else {
            None
        }
    }

    /// The code point at `i` (no bounds check beyond a debug assertion).
    #[inline]
    pub fn char_at(&self, i: usize) -> u32 {
        debug_assert!(i < self.length);
        // SAFETY: i < length, the unit width matches the kind.
        unsafe {
            match self.kind() {
                1 => *self.data_ptr().add(i) as u32,
                2 => *(self.data_ptr() as *const u16).add(i) as u32,
                _ => *(self.data_ptr() as *const u32).add(i),
            }
        }
    }

    /// Iterates over the code points.
    pub fn chars(&self) -> impl Iterator<Item = u32> + Clone + '_ {
        (0..self.length).map(move |i| self.char_at(i))
    }

    /// The string as UTF-8. Lone surrogates (which UTF-8 cannot hold) come out
    /// as U+FFFD here; use [`PyStr::try_as_str`] where that matters.
    pub fn as_str(&self) -> &str {
        if self.is_ascii() {
            // SAFETY: ASCII bytes are valid UTF-8.
            return unsafe { std::str::from_utf8_unchecked(self.latin1().unwrap_or(&[])) };
        }
        // SAFETY: GIL held; the cache is written once and never replaced.
        unsafe {
            let cache = &mut *self.utf8.get();
            if cache.is_none() {
                let s: String = self
                    .chars()
                    .map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
                    .collect();
                *cache = Some(Box::new(s.into_boxed_str()));
            }
            cache.as_deref().map_or("", |b| &**b)
        }
    }

    /// The string as UTF-8, or `None` if it holds a lone surrogate.
    pub fn try_as_str(&self) -> Option<&str> {
        if self.chars().any(|c| (0xD800..0xE000).contains(&c)) {
            None
        } else {
            Some(self.as_str())
        }
    }

    /// The cached hash, computed on first use over the UCS-4... over the
    /// string's code units as CPython hashes them (the kind's bytes).
    #[inline]
    pub fn hash(&self) -> isize {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let bytes =
            // SAFETY: `length * kind` bytes of data follow the header.
            unsafe { std::slice::from_raw_parts(self.data_ptr(), self.length * self.kind()) };
        // SAFETY: GIL held; the hash function pointer is set at start-up.
        let h = unsafe { (*HASH_BYTES.as_ptr())(bytes) };
        self.hash.set(h);
        h
    }

    /// Equal contents (same kind is implied for equal strings: the kind is
    /// always the narrowest).
    #[inline]
    pub fn eq_str(&self, other: &PyStr) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if self.length != other.length || self.kind() != other.kind() {
            return false;
        }
        let n = self.length * self.kind();
        // SAFETY: both hold n bytes of data.
        unsafe {
            std::slice::from_raw_parts(self.data_ptr(), n)
                == std::slice::from_raw_parts(other.data_ptr(), n)
        }
    }

    /// A new str from UTF-8 text.
    pub fn new(s: &str) -> PyResult<PyRef> {
        if s.is_ascii() {
            return Self::from_latin1_unchecked(&STR_TYPE, s.as_bytes(), true);
        }
        let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
        Self::from_code_points_in(&STR_TYPE, &cps)
    }

    /// A new str from UTF-8 that may encode lone surrogates (as marshal
    /// writes them: CPython's "surrogatepass"); invalid bytes become U+FFFD.
    pub fn from_utf8_surrogatepass(data: &[u8]) -> PyResult<PyRef> {
        match std::str::from_utf8(data) {
            Ok(s) => Self::new(s),
            Err(_) => decode(data, "utf-8", "surrogatepass")
                .or_else(|_| Self::new(&String::from_utf8_lossy(data))),
        }
    }

    /// A new str from code points (surrogates allowed).
    pub fn from_code_points(cps: &[u32]) -> PyResult<PyRef> {
        Self::from_code_points_in(&STR_TYPE, cps)
    }

    /// A new object of `ty` (str or a subclass) from code points.
    pub fn from_code_points_in(ty: &PyType, cps: &[u32]) -> PyResult<PyRef> {
        let max = cps.iter().fold(0, |m, &c| m.max(c));
        if max < 0x100 {
            if std::ptr::eq(ty, &STR_TYPE) {
                // Narrowed straight into the new str.
                let obj = Self::new_latin1_uninit(cps.len(), max < 0x80)?;
                // SAFETY: the new str has room for `cps.len()` data bytes, all written here.
                unsafe {
                    let p = obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8;
                    for (i, &c) in cps.iter().enumerate() {
                        *p.add(i) = c as u8;
                    }
                }
                return Ok(obj);
            }
            let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            return Self::from_latin1_unchecked(ty, &b, max < 0x80);
        }
        let kind = if max < 0x10000 { 2 } else { 4 };
        let obj = Self::alloc(ty, cps.len(), kind, false)?;
        // SAFETY: the block has room for len+1 units of `kind` bytes.
        unsafe {
            let p = obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8;
            if kind == 2 {
                for (i, &c) in cps.iter().enumerate() {
                    *(p as *mut u16).add(i) = c as u16;
                }
            } else {
                std::ptr::copy_nonoverlapping(cps.as_ptr(), p as *mut u32, cps.len());
            }
        }
        Ok(obj)
    }

    /// A new str of 1-byte kind from Latin-1 bytes; `ascii` says all < 0x80.
    pub fn from_latin1_unchecked(ty: &PyType, b: &[u8], ascii: bool) -> PyResult<PyRef> {
        if std::ptr::eq(ty, &STR_TYPE) {
            return Self::new_latin1(b, ascii);
        }
        let obj = Self::alloc(ty, b.len(), 1, ascii)?;
        // SAFETY: the block has room for len+1 bytes of data.
        unsafe {
            let p = obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8;
            std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        }
        Ok(obj)
    }

    /// A new exact str of 1-byte kind from Latin-1 bytes (`ascii`: all
    /// < 0x80), written straight into a block of the exact size: no zeroing
    /// pass, no intermediate copy (`PyUnicode_New` + memcpy for kind 1).
    #[inline]
    pub fn new_latin1(b: &[u8], ascii: bool) -> PyResult<PyRef> {
        let obj = Self::new_latin1_uninit(b.len(), ascii)?;
        // SAFETY: the new block has room for `len` data bytes.
        unsafe {
            copy_short(
                b.as_ptr(),
                obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8,
                b.len(),
            );
        }
        Ok(obj)
    }

    /// A new exact str of 1-byte kind and `len` units whose data is NOT
    /// initialized (only its trailing NUL is): the caller writes all `len`
    /// bytes (values < 0x80 if `ascii`) before anything reads it.
    #[inline]
    pub fn new_latin1_uninit(len: usize, ascii: bool) -> PyResult<PyRef> {
        Self::try_latin1_uninit(len, ascii).ok_or_else(PyErr::no_memory)
    }

    /// [`PyStr::new_latin1_uninit`], `None` when out of memory (makes no
    /// exception object, so it is safe where no Python code may run).
    #[inline]
    fn try_latin1_uninit(len: usize, ascii: bool) -> Option<PyRef> {
        const HEAD: usize = std::mem::size_of::<PyStr>();
        let total = len.checked_add(HEAD + 1 + 7)? & !7;
        let mem = mem_alloc(total);
        if mem.is_null() {
            return None;
        }
        // SAFETY: `mem` is a fresh block of `total` >= HEAD + len + 1 bytes, 8-aligned; the header is written whole, then the data's NUL.
        unsafe {
            std::ptr::write(
                mem as *mut PyStr,
                PyStr {
                    ob_base: PyObject {
                        ob_refcnt: Cell::new(1),
                        ob_type: Cell::new(&STR_TYPE as *const PyType),
                    },
                    length: len,
                    hash: Cell::new(-1),
                    state: Cell::new(1 | if ascii { STATE_ASCII } else { 0 }),
                    utf8: UnsafeCell::new(None),
                },
            );
            *mem.add(HEAD + len) = 0;
            Some(PyRef::from_raw(mem as *mut PyObject))
        }
    }

    /// Allocates an uninitialized (zeroed) string of `len` units of `kind`.
    pub fn alloc(ty: &PyType, len: usize, kind: usize, ascii: bool) -> PyResult<PyRef> {
        let data = len
            .checked_add(1)
            .and_then(|n| n.checked_mul(kind))
            .ok_or_else(PyErr::no_memory)?;
        let value = PyStr {
            ob_base: PyObject::NEW,
            length: len,
            hash: Cell::new(-1),
            state: Cell::new(kind as u32 | if ascii { STATE_ASCII } else { 0 }),
            utf8: UnsafeCell::new(None),
        };
        alloc_object_with_extra(ty, data, value)
    }
}

/// Allocates an object of `ty` with `extra` bytes after its basic size and
/// moves `value` into its start.
pub fn alloc_object_with_extra<T: PyPayload>(
    ty: &PyType,
    extra: usize,
    value: T,
) -> PyResult<PyRef> {
    // Strings are "items" of 1 byte for the purpose of sizing the block.
    let size = ty
        .tp_basicsize
        .get()
        .checked_add(extra)
        .ok_or_else(PyErr::no_memory)?;
    let obj = alloc_raw_sized(ty, size)?;
    // SAFETY: the block holds at least size_of::<T>() bytes.
    unsafe {
        let rc = (*obj).ob_refcnt.get();
        let tp = (*obj).ob_type.get();
        std::ptr::write(obj as *mut T, value);
        (*obj).ob_refcnt.set(rc);
        (*obj).ob_type.set(tp);
        Ok(PyRef::from_raw(obj))
    }
}

/// Allocates `size` zeroed bytes for an object of type `ty` (GC header added
/// if the type has one); sets the header.
pub fn alloc_raw_sized(ty: &PyType, size: usize) -> PyResult<*mut PyObject> {
    let gc = ty.has_gc();
    if gc {
        crate::gc::on_alloc();
    }
    let total = ((size + 7) & !7) + if gc { GC_HEAD_SIZE } else { 0 };
    let mem = mem_alloc(total);
    if mem.is_null() {
        return Err(PyErr::no_memory());
    }
    // SAFETY: fresh block of `total` bytes.
    unsafe {
        std::ptr::write_bytes(mem, 0, total);
        let obj = if gc { mem.add(GC_HEAD_SIZE) } else { mem } as *mut PyObject;
        (*obj).ob_refcnt.set(1);
        (*obj).ob_type.set(ty as *const PyType);
        if ty.is_heap_type() {
            let t = ty as *const PyType as *const PyObject;
            (*t).ob_refcnt.set((*t).ob_refcnt.get() + 1);
        }
        // Tracked at once, as `alloc_raw` does (a zeroed payload is valid).
        if gc {
            crate::gc::track(obj);
        }
        Ok(obj)
    }
}

// ---------------------------------------------------------------------------
// Interning.

static INTERNED: GilCell<Option<HashMap<Box<str>, PyRef>>> = GilCell::new(None);

/// The interned str equal to `s` (`PyUnicode_InternFromString`).
pub fn intern(s: &str) -> PyRef {
    // SAFETY: GIL held; the map is not re-entered (creating a str does not intern).
    let map = unsafe { INTERNED.get_mut() }.get_or_insert_with(HashMap::new);
    if let Some(v) = map.get(s) {
        return v.clone();
    }
    let obj = PyStr::new(s).expect("out of memory interning a string");
    // SAFETY: obj is a str.
    let p = unsafe { obj.payload_unchecked::<PyStr>() };
    p.state.set(p.state.get() | STATE_INTERNED);
    map.insert(s.into(), obj.clone());
    obj
}

/// How many strs are interned (they are never freed); the leak check
/// counts their growth apart from leaks.
pub fn interned_count() -> usize {
    // SAFETY: GIL held; short read of the map's length.
    unsafe { (*INTERNED.as_ptr()).as_ref().map_or(0, |m| m.len()) }
}

/// An interned str for a literal, looked up once per call site.
#[macro_export]
macro_rules! intern {
    ($s:expr) => {{
        static CELL: $crate::gil::GilCell<Option<$crate::object::PyRef>> =
            $crate::gil::GilCell::new(None);
        // SAFETY: GIL held; the cell is filled once.
        let slot = unsafe { CELL.get_mut() };
        if slot.is_none() {
            *slot = Some($crate::objects::str::intern($s));
        }
        slot.as_ref().unwrap()
    }};
}

/// The text of a str object, or a TypeError naming `what`.
pub fn str_arg<'a>(obj: &'a PyRef, what: &str) -> PyResult<&'a str> {
    match obj.downcast::<PyStr>() {
        Some(s) => Ok(s.as_str()),
        None => Err(PyErr::type_error(format!(
            "{what} must be str, not {}",
            if obj.is(&crate::objects::none::none()) {
                "None"
            } else {
                obj.ty().name()
            }
        ))),
    }
}

// ---------------------------------------------------------------------------
// Shared helpers (argument parsing, slices, index ranges).

use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::none::{none, not_implemented};
use crate::objects::tuple::PyTuple;

/// Vectorcall arguments matched to parameter `names` (positional or by
/// keyword): one `Option` per name; the first `required` must be present.
pub fn parse_args(
    fname: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let kw: &[PyRef] = match kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        Some(t) => t.items(),
        None => &[],
    };
    let npos = args.len().saturating_sub(kw.len());
    if npos > names.len() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {} argument{} ({npos} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<PyRef>> = vec![None; names.len()];
    for (i, a) in args[..npos].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kw.iter().zip(&args[npos..]) {
        let kname = k.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
        match names.iter().position(|n| *n == kname) {
            Some(i) if out[i].is_some() => {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{kname}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{kname}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            return Err(PyErr::type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Does `o` support `__index__` (an int, or a type with `nb_index`)?
pub fn has_index(o: &PyRef) -> bool {
    o.is_instance_of::<PyInt>() || o.ty().as_number.nb_index.get().is_some()
}

/// `_PyEval_SliceIndex`: an index clamped to the isize range.
fn slice_index(v: &PyRef) -> PyResult<isize> {
    if !has_index(v) {
        return Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        ));
    }
    let i = protocol::index(v)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    Ok(match p.as_i64() {
        Some(x) => x as isize,
        None => {
            use num_traits::Signed;
            if p.to_bigint().is_negative() {
                isize::MIN
            } else {
                isize::MAX
            }
        }
    })
}

fn opt_index(v: Option<&PyRef>) -> PyResult<Option<isize>> {
    match v {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => Ok(Some(slice_index(o)?)),
    }
}

/// If `key` is a slice, its `(start, stop, step, length)` for a sequence of
/// `len` items (`PySlice_Unpack` + `PySlice_AdjustIndices`).
pub fn slice_indices(key: &PyRef, len: usize) -> PyResult<Option<(isize, isize, isize, usize)>> {
    if !key.is_instance_of::<crate::objects::slice::PySlice>() {
        return Ok(None);
    }
    Ok(Some(crate::objects::slice::unpack_and_adjust(key, len)?))
}

/// `ADJUST_INDICES` for the optional `start`/`end` arguments of find,
/// count, startswith...: `(start, end)`, with `start` possibly past `end`
/// or past `len` (callers check).
pub fn adjust_range(
    start: Option<&PyRef>,
    end: Option<&PyRef>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let len = len as isize;
    let mut s = opt_index(start)?.unwrap_or(0);
    let mut e = opt_index(end)?.unwrap_or(isize::MAX);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    Ok((s as usize, e as usize))
}

fn this(o: &PyRef) -> PyResult<&PyStr> {
    o.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            o.ty().name()
        ))
    })
}

fn cps(o: &PyRef) -> PyResult<Vec<u32>> {
    Ok(this(o)?.chars().collect())
}

fn new_cps(c: &[u32]) -> PyResult<PyRef> {
    PyStr::from_code_points(c)
}

/// A str argument or `TypeError: {what}, not {type}` (`what` is the start of
/// CPython's message, e.g. "must be str").
fn want_str<'a>(o: &'a PyRef, what: &str) -> PyResult<&'a PyStr> {
    o.downcast::<PyStr>()
        .ok_or_else(|| PyErr::type_error(format!("{what}, not {}", o.ty().name())))
}

/// Reserves room for `extra` more items, or `MemoryError` (never an abort).
pub fn grow<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    v.try_reserve(extra).map_err(|_| PyErr::no_memory())
}

fn in_table(t: &[(u32, u32)], c: u32) -> bool {
    t.binary_search_by(|&(a, b)| {
        if c < a {
            std::cmp::Ordering::Greater
        } else if c > b {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// `Py_UNICODE_ISSPACE` for the ASCII range (`_Py_ascii_whitespace`).
static ASCII_SPACE: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = matches!(c, 0x09..=0x0D | 0x1C..=0x20);
        c += 1;
    }
    t
};

/// `Py_UNICODE_ISSPACE`.
pub fn is_space(c: u32) -> bool {
    matches!(
        c,
        0x09..=0x0D
            | 0x1C..=0x20
            | 0x85
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
    )
}

/// `Py_UNICODE_ISDECIMAL` (for `_sre`).
pub fn uni_isdecimal(c: u32) -> bool {
    in_table(tables::DECIMAL, c)
}

/// `Py_UNICODE_ISALNUM`: alpha, decimal, digit or numeric (for `_sre`).
pub fn uni_isalnum(c: u32) -> bool {
    in_table(tables::ALPHA, c) || in_table(tables::NUMERIC, c)
}

/// `Py_UNICODE_ISLINEBREAK`.
fn is_linebreak(c: u32) -> bool {
    matches!(c, 0x0A..=0x0D | 0x1C..=0x1E | 0x85 | 0x2028 | 0x2029)
}

fn find_cps<T: PartialEq + Copy>(hay: &[T], needle: &[T], from: usize, to: usize) -> Option<usize> {
    let to = to.min(hay.len());
    if from > to || needle.len() > to - from {
        return None;
    }
    let Some((&first, rest)) = needle.split_first() else {
        return Some(from);
    };
    // Scan for the first unit, then compare the rest there.
    let last = to - needle.len();
    let mut i = from;
    while i <= last {
        i += hay[i..=last].iter().position(|&h| h == first)?;
        // (An element loop: short needles are the rule, memcmp costs more.)
        if hay[i + 1..i + needle.len()]
            .iter()
            .zip(rest)
            .all(|(a, b)| a == b)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn rfind_cps<T: PartialEq>(hay: &[T], needle: &[T], from: usize, to: usize) -> Option<usize> {
    let to = to.min(hay.len());
    if from > to || needle.len() > to - from {
        return None;
    }
    (from..=to - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
}

// ---------------------------------------------------------------------------
// Slots.

fn str_repr(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    let mut s = String::with_capacity(p.len() + 2);
    taipan_parser::pyrepr::write_str_repr(&mut s, p.chars());
    PyStr::new(&s)
}

/// `ascii(obj)` text from a repr: non-ASCII escaped.
pub fn ascii_escape(r: &PyStr) -> Vec<u32> {
    let mut out = Vec::with_capacity(r.len());
    for c in r.chars() {
        if c < 0x80 {
            out.push(c);
        } else {
            let s = if c <= 0xFF {
                format!("\\x{c:02x}")
            } else if c <= 0xFFFF {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            out.extend(s.bytes().map(u32::from));
        }
    }
    out
}

fn str_str(o: &PyRef) -> PyResult<PyRef> {
    if o.is_exact::<PyStr>() {
        return Ok(o.clone());
    }
    let c = cps(o)?;
    new_cps(&c)
}

/// Code-point order of two strs.
pub(crate) fn cmp_str(a: &PyStr, b: &PyStr) -> std::cmp::Ordering {
    if let (Some(x), Some(y)) = (a.latin1(), b.latin1()) {
        return x.cmp(y);
    }
    a.chars().cmp(b.chars())
}

pub(crate) fn str_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let (Some(x), Some(y)) = (a.downcast::<PyStr>(), b.downcast::<PyStr>()) else {
        return Ok(not_implemented());
    };
    let r = match op {
        CompareOp::Eq => x.eq_str(y),
        CompareOp::Ne => !x.eq_str(y),
        _ => {
            let ord = cmp_str(x, y);
            op.test(&ord, &std::cmp::Ordering::Equal)
        }
    };
    Ok(py_bool(r))
}

fn str_len(o: &PyRef) -> PyResult<usize> {
    Ok(this(o)?.len())
}

fn str_item(o: &PyRef, i: isize) -> PyResult<PyRef> {
    let p = this(o)?;
    if i < 0 || i as usize >= p.len() {
        return Err(PyErr::index_error("string index out of range"));
    }
    char_str(p.char_at(i as usize))
}

/// The one-character string for a code point (Latin-1 ones are shared).
pub fn char_str(c: u32) -> PyResult<PyRef> {
    static LATIN1: GilCell<Vec<PyRef>> = GilCell::new(Vec::new());
    if c < 256 {
        // SAFETY: GIL held; the cache is only appended to here.
        let cache = unsafe { LATIN1.get_mut() };
        if cache.is_empty() {
            for b in 0..=255u8 {
                cache.push(PyStr::from_latin1_unchecked(&STR_TYPE, &[b], b < 0x80)?);
            }
        }
        return Ok(cache[c as usize].clone());
    }
    PyStr::from_code_points(&[c])
}

fn str_subscript(o: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    if has_index(key) {
        let mut i = crate::objects::int::as_ssize_index(key)?;
        if i < 0 {
            i += p.len() as isize;
        }
        return str_item(o, i);
    }
    if let Some((start, _stop, step, n)) = slice_indices(key, p.len())? {
        if step == 1 && n == p.len() && o.is_exact::<PyStr>() {
            return Ok(o.clone());
        }
        let v: Vec<u32> = (0..n)
            .map(|k| p.char_at((start + k as isize * step) as usize))
            .collect();
        return new_cps(&v);
    }
    Err(PyErr::type_error(format!(
        "string indices must be integers, not '{}'",
        key.ty().name()
    )))
}

fn str_concat(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let x = this(a)?;
    let Some(y) = b.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.ty().name()
        )));
    };
    if y.is_empty() && a.is_exact::<PyStr>() {
        return Ok(a.clone());
    }
    if x.is_empty() && b.is_exact::<PyStr>() {
        return Ok(b.clone());
    }
    if let (Some(l), Some(r)) = (x.latin1(), y.latin1()) {
        let mut v = Vec::with_capacity(l.len() + r.len());
        v.extend_from_slice(l);
        v.extend_from_slice(r);
        return PyStr::from_latin1_unchecked(&STR_TYPE, &v, x.is_ascii() && y.is_ascii());
    }
    let mut v: Vec<u32> = x.chars().collect();
    v.extend(y.chars());
    new_cps(&v)
}

fn str_repeat(a: &PyRef, n: isize) -> PyResult<PyRef> {
    let x = this(a)?;
    if n <= 0 || x.is_empty() {
        return PyStr::new("");
    }
    if n == 1 && a.is_exact::<PyStr>() {
        return Ok(a.clone());
    }
    let total = x
        .len()
        .checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("repeated string is too long"))?;
    if total > isize::MAX as usize / 4 {
        return Err(PyErr::no_memory());
    }
    if let Some(l) = x.latin1() {
        let mut v = Vec::new();
        grow(&mut v, total)?;
        for _ in 0..n {
            v.extend_from_slice(l);
        }
        return PyStr::from_latin1_unchecked(&STR_TYPE, &v, x.is_ascii());
    }
    let one: Vec<u32> = x.chars().collect();
    let mut v = Vec::new();
    grow(&mut v, total)?;
    for _ in 0..n {
        v.extend_from_slice(&one);
    }
    new_cps(&v)
}

fn str_contains(a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let x = this(a)?;
    let Some(y) = b.downcast::<PyStr>() else {
        return Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            b.ty().name()
        )));
    };
    if let (Some(h), Some(n)) = (x.latin1(), y.latin1()) {
        return Ok(crate::objects::bytes::find_sub(h, n, 0).is_some());
    }
    let h: Vec<u32> = x.chars().collect();
    let n: Vec<u32> = y.chars().collect();
    Ok(find_cps(&h, &n, 0, h.len()).is_some())
}

/// `str(object='')`, `str(object=b'', encoding='utf-8', errors='strict')`.
fn str_new(ty: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_new gets a type.
    let tyr = unsafe { &*(ty.as_ptr() as *const PyType) };
    let a = parse_args("str", args, kwnames, &["object", "encoding", "errors"], 0)?;
    let r = match (&a[0], &a[1], &a[2]) {
        (None, _, _) => PyStr::new("")?,
        (Some(o), None, None) => protocol::str_(o)?,
        (Some(o), enc, errs) => {
            let enc = match enc {
                Some(e) => str_arg(e, "str() argument 'encoding'")?,
                None => "utf-8",
            };
            let errs = match errs {
                Some(e) => str_arg(e, "str() argument 'errors'")?,
                None => "strict",
            };
            if o.is_instance_of::<PyStr>() {
                return Err(PyErr::type_error("decoding str is not supported"));
            }
            let Some(data) = crate::objects::bytes::buffer_bytes(o) else {
                return Err(PyErr::type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.ty().name()
                )));
            };
            decode(&data, enc, errs)?
        }
    };
    if std::ptr::eq(tyr, &STR_TYPE) {
        return Ok(r);
    }
    let c = cps(&r)?;
    PyStr::from_code_points_in(tyr, &c)
}

// ---------------------------------------------------------------------------
// Iteration.

/// The `str_ascii_iterator` payload.
#[repr(C)]
pub struct PyStrIter {
    pub ob_base: PyObject,
    pub index: Cell<usize>,
    pub seq: UnsafeCell<Option<PyRef>>,
}

/// The iterator over an ASCII string (`str_ascii_iterator` in 3.11); other
/// strings get [`STR_ITER_TYPE`] (`str_iterator`), as in CPython.
pub static STR_ASCII_ITER_TYPE: PyType = PyType {
    tp_name: "str_ascii_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyStrIter>()),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(str_iter_next)),
    tp_drop: Some(drop_str_iter),
    tp_methods: STR_ITER_METHODS,
    ..PyType::BASE
};

pub static STR_ITER_TYPE: PyType = PyType {
    tp_name: "str_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyStrIter>()),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(str_iter_next)),
    tp_drop: Some(drop_str_iter),
    tp_methods: STR_ITER_METHODS,
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyStrIter {
    fn type_object() -> &'static PyType {
        &STR_ITER_TYPE
    }
}

unsafe fn drop_str_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator.
    unsafe { std::ptr::drop_in_place(obj as *mut PyStrIter) }
}

static STR_ITER_METHODS: &[MethodDef] = &[
    MethodDef::new("__length_hint__", Meth::NoArgs(str_iter_length_hint)),
    MethodDef::new("__reduce__", Meth::NoArgs(str_iter_reduce)),
    MethodDef::new("__setstate__", Meth::O(str_iter_setstate)),
];

fn str_iter_payload(it: &PyRef) -> PyResult<&PyStrIter> {
    let t = it.ty();
    if !std::ptr::eq(t, &STR_ITER_TYPE) && !std::ptr::eq(t, &STR_ASCII_ITER_TYPE) {
        return Err(PyErr::type_error("expected a str iterator"));
    }
    // SAFETY: both iterator types have the PyStrIter layout.
    Ok(unsafe { it.payload_unchecked::<PyStrIter>() })
}

/// `unicodeiter_reduce`: `(iter, (s,), index)`, or `(iter, ('',))` once
/// exhausted.
fn str_iter_reduce(it: &PyRef) -> PyResult<PyRef> {
    let s = str_iter_payload(it)?;
    // SAFETY: short read; no Python code runs while it is borrowed.
    let seq = unsafe { (*s.seq.get()).clone() };
    crate::objects::iter::reduce_seq_iter("iter", seq, s.index.get() as isize, || PyStr::new(""))
}

/// `unicodeiter_setstate`: the index, clamped to the string.
fn str_iter_setstate(it: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let s = str_iter_payload(it)?;
    // SAFETY: short read; no Python code runs while it is borrowed.
    let seq = unsafe { (*s.seq.get()).clone() };
    if let Some(p) = seq.as_ref().and_then(|q| q.downcast::<PyStr>()) {
        let i = crate::objects::iter::setstate_index(state, 0, p.len() as isize)?;
        s.index.set(i as usize);
    }
    Ok(crate::objects::none::none())
}

fn str_iter_length_hint(it: &PyRef) -> PyResult<PyRef> {
    let t = it.ty();
    if !std::ptr::eq(t, &STR_ITER_TYPE) && !std::ptr::eq(t, &STR_ASCII_ITER_TYPE) {
        return PyInt::new(0);
    }
    // SAFETY: both iterator types have the PyStrIter layout.
    let s = unsafe { it.payload_unchecked::<PyStrIter>() };
    // SAFETY: short read; no Python code runs while it is borrowed.
    let seq = unsafe { (*s.seq.get()).clone() };
    let n = match seq.as_ref().and_then(|q| q.downcast::<PyStr>()) {
        Some(p) => p.len().saturating_sub(s.index.get()),
        None => 0,
    };
    PyInt::new(n as i64)
}

fn str_iter(a: &PyRef) -> PyResult<PyRef> {
    let ty = if this(a)?.is_ascii() {
        &STR_ASCII_ITER_TYPE
    } else {
        &STR_ITER_TYPE
    };
    alloc_object(
        ty,
        PyStrIter {
            ob_base: PyObject::NEW,
            index: Cell::new(0),
            seq: UnsafeCell::new(Some(a.clone())),
        },
    )
}

fn str_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of the str iterator gets one.
    let s = unsafe { it.payload_unchecked::<PyStrIter>() };
    // SAFETY: short read; no Python code runs while it is borrowed.
    let seq = unsafe { (*s.seq.get()).clone() };
    let Some(seq) = seq else { return Ok(None) };
    let i = s.index.get();
    // SAFETY: the iterator only ever holds a str.
    let p = unsafe { seq.payload_unchecked::<PyStr>() };
    if i < p.len() {
        s.index.set(i + 1);
        return Ok(Some(char_str(p.char_at(i))?));
    }
    // SAFETY: as above; the old value is dropped after the write.
    let old = unsafe { (*s.seq.get()).take() };
    drop(old);
    Ok(None)
}

// ---------------------------------------------------------------------------
// Methods.

/// `sep.join(items)` when the separator and every item are 1-byte strs:
/// the bytes go straight into a result of the exact size (`None` when an
/// item is anything else; `Err` when out of memory). Runs no Python code
/// and makes no exception object.
fn join_latin1(sepb: &[u8], sep_ascii: bool, items: &[PyRef]) -> Result<Option<PyRef>, ()> {
    let mut ascii = sep_ascii;
    let mut total = sepb
        .len()
        .checked_mul(items.len().saturating_sub(1))
        .ok_or(())?;
    for it in items {
        match it
            .downcast::<PyStr>()
            .and_then(|s| s.latin1().map(|b| (b.len(), s.is_ascii())))
        {
            Some((n, a)) => {
                total = total.checked_add(n).ok_or(())?;
                ascii &= a;
            }
            None => return Ok(None),
        }
    }
    let obj = PyStr::try_latin1_uninit(total, ascii).ok_or(())?;
    // SAFETY: the new str has room for `total` bytes, which is exactly the items' lengths plus the separators written below (nothing between the size pass and here could change an immutable str).
    unsafe {
        let mut dst = obj.payload_unchecked::<PyStr>().data_ptr() as *mut u8;
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                std::ptr::copy_nonoverlapping(sepb.as_ptr(), dst, sepb.len());
                dst = dst.add(sepb.len());
            }
            let b = it.payload_unchecked::<PyStr>().latin1().unwrap_or(&[]);
            std::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len());
            dst = dst.add(b.len());
        }
    }
    Ok(Some(obj))
}

fn m_join(o: &PyRef, iterable: &PyRef) -> PyResult<PyRef> {
    // An exact list or tuple is read in place (no Python code runs while
    // the 1-byte path reads it).
    if let Some(sepb) = this(o)?.latin1() {
        let sep_ascii = this(o)?.is_ascii();
        if let Some(t) = iterable.downcast_exact::<PyTuple>() {
            if t.len() != 1 {
                if let Some(r) =
                    join_latin1(sepb, sep_ascii, t.items()).map_err(|_| PyErr::no_memory())?
                {
                    return Ok(r);
                }
            }
        } else if let Some(l) = iterable.downcast_exact::<crate::objects::list::PyList>() {
            if l.len() != 1 {
                // SAFETY: join_latin1 runs no Python code and drops no reference while the vector is borrowed.
                if let Some(r) = unsafe { l.with_vec(|v| join_latin1(sepb, sep_ascii, v)) }
                    .map_err(|_| PyErr::no_memory())?
                {
                    return Ok(r);
                }
            }
        }
    }
    let items = protocol::collect(iterable).map_err(|e| {
        if e.matches(&crate::objects::exceptions::TYPE_ERROR)
            && protocol::get_iter(iterable).is_err()
        {
            PyErr::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    if items.len() == 1 && items[0].is_exact::<PyStr>() {
        return Ok(items[0].clone());
    }
    // All 1-byte strings: join the bytes.
    let p = this(o)?;
    if let Some(sepb) = p.latin1() {
        if let Some(r) = join_latin1(sepb, p.is_ascii(), &items).map_err(|_| PyErr::no_memory())? {
            return Ok(r);
        }
    }
    let sep: Vec<u32> = p.chars().collect();
    let mut out: Vec<u32> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(s) = it.downcast::<PyStr>() else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                it.ty().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(s.chars());
    }
    new_cps(&out)
}

fn list_of(parts: Vec<&[u32]>) -> PyResult<PyRef> {
    let items = parts
        .into_iter()
        .map(new_cps)
        .collect::<PyResult<Vec<_>>>()?;
    crate::objects::list::PyList::new(items)
}

fn split_args(
    name: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<(Option<Vec<u32>>, isize)> {
    let a = parse_args(name, args, kwnames, &["sep", "maxsplit"], 0)?;
    let sep = match &a[0] {
        Some(s) if !s.is_none() => {
            let s = want_str(s, "must be str or None")?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.chars().collect())
        }
        _ => None,
    };
    let maxsplit = match &a[1] {
        Some(m) => crate::objects::int::as_ssize_t(m)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

/// The ranges `str.split` cuts `x` into.
fn split_ranges<T: Copy + PartialEq + Into<u32>>(
    x: &[T],
    sep: Option<&[T]>,
    maxsplit: isize,
) -> Vec<(usize, usize)> {
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let sp = |c: T| {
        let c: u32 = c.into();
        if c < 0x80 {
            ASCII_SPACE[c as usize]
        } else {
            is_space(c)
        }
    };
    let mut parts = Vec::new();
    let n = x.len();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < n && sp(x[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if left == 0 {
                    parts.push((i, n));
                    break;
                }
                let s = i;
                while i < n && !sp(x[i]) {
                    i += 1;
                }
                parts.push((s, i));
                left -= 1;
            }
        }
        Some(sep) => {
            let mut s = 0;
            while left > 0 {
                match find_cps(x, sep, s, n) {
                    Some(k) => {
                        parts.push((s, k));
                        s = k + sep.len();
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push((s, n));
        }
    }
    parts
}

/// `copy_nonoverlapping` with the short lengths (the pieces `split` makes)
/// copied inline as two overlapping words instead of a `memcpy` call.
///
/// # Safety
/// As `copy_nonoverlapping(src, dst, n)`.
#[inline(always)]
unsafe fn copy_short(src: *const u8, dst: *mut u8, n: usize) {
    // SAFETY: the caller's promise; the unaligned reads and writes stay within the n bytes of each buffer.
    unsafe {
        if (8..=16).contains(&n) {
            let a = std::ptr::read_unaligned(src as *const u64);
            let b = std::ptr::read_unaligned(src.add(n - 8) as *const u64);
            std::ptr::write_unaligned(dst as *mut u64, a);
            std::ptr::write_unaligned(dst.add(n - 8) as *mut u64, b);
        } else if (4..8).contains(&n) {
            let a = std::ptr::read_unaligned(src as *const u32);
            let b = std::ptr::read_unaligned(src.add(n - 4) as *const u32);
            std::ptr::write_unaligned(dst as *mut u32, a);
            std::ptr::write_unaligned(dst.add(n - 4) as *mut u32, b);
        } else if n < 4 {
            for i in 0..n {
                *dst.add(i) = *src.add(i);
            }
        } else {
            std::ptr::copy_nonoverlapping(src, dst, n);
        }
    }
}

/// A piece `x[s..e]` of a one-byte string `o` (whose bytes are `x`) for a
/// result list: `o` itself when the piece is all of an exact str (as
/// CPython's `split` and `splitlines` return it).
#[inline]
fn latin1_piece(o: &PyRef, x: &[u8], s: usize, e: usize, ascii: bool) -> PyResult<PyRef> {
    if s == 0 && e == x.len() && o.is_exact::<PyStr>() {
        return Ok(o.clone());
    }
    let b = x.get(s..e).unwrap_or_default();
    PyStr::new_latin1(b, ascii || b.is_ascii())
}

/// Pushes onto a result list, reserving in steps with a `MemoryError`
/// instead of an abort.
#[inline]
fn push_item(items: &mut Vec<PyRef>, item: PyRef) -> PyResult<()> {
    if items.len() == items.capacity() {
        grow(items, items.len().max(12))?;
    }
    items.push(item);
    Ok(())
}

/// `str.split` of a one-byte string by whitespace or a one-byte separator
/// (`stringlib/split.h`): the pieces go straight into the list.
fn split_latin1(
    o: &PyRef,
    x: &[u8],
    ascii: bool,
    sep: Option<&[u8]>,
    maxsplit: isize,
) -> PyResult<PyRef> {
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let n = x.len();
    let mut items: Vec<PyRef> = Vec::new();
    let sp = |c: u8| {
        if c < 0x80 {
            ASCII_SPACE[c as usize]
        } else {
            is_space(c as u32)
        }
    };
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < n && sp(x[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if left == 0 {
                    // maxsplit reached: the rest whole, trailing
                    // whitespace included.
                    push_item(&mut items, latin1_piece(o, x, i, n, ascii)?)?;
                    break;
                }
                let s = i;
                while i < n && !sp(x[i]) {
                    i += 1;
                }
                push_item(&mut items, latin1_piece(o, x, s, i, ascii)?)?;
                left -= 1;
            }
        }
        Some(&[c]) => {
            let mut s = 0;
            while left > 0 {
                match x[s..].iter().position(|&b| b == c) {
                    Some(k) => {
                        push_item(&mut items, latin1_piece(o, x, s, s + k, ascii)?)?;
                        s += k + 1;
                        left -= 1;
                    }
                    None => break,
                }
            }
            push_item(&mut items, latin1_piece(o, x, s, n, ascii)?)?;
        }
        Some(sep) => {
            let mut s = 0;
            while left > 0 {
                match find_cps(x, sep, s, n) {
                    Some(k) => {
                        push_item(&mut items, latin1_piece(o, x, s, k, ascii)?)?;
                        s = k + sep.len();
                        left -= 1;
                    }
                    None => break,
                }
            }
            push_item(&mut items, latin1_piece(o, x, s, n, ascii)?)?;
        }
    }
    crate::objects::list::PyList::new(items)
}

fn m_split(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args("split", args, kwnames, &["sep", "maxsplit"], 0)?;
    let sepp = match &a[0] {
        Some(s) if !s.is_none() => {
            let s = want_str(s, "must be str or None")?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s)
        }
        _ => None,
    };
    let maxsplit = match &a[1] {
        Some(m) => crate::objects::int::as_ssize_t(m)?,
        None => -1,
    };
    let p = this(o)?;
    if let Some(x) = p.latin1() {
        let sepb = match sepp {
            None => Some(None),
            Some(sp) => sp.latin1().map(Some),
        };
        if let Some(sepb) = sepb {
            return split_latin1(o, x, p.is_ascii(), sepb, maxsplit);
        }
    }
    let x: Vec<u32> = p.chars().collect();
    let sep: Option<Vec<u32>> = sepp.map(|s| s.chars().collect());
    let parts = split_ranges(&x, sep.as_deref(), maxsplit)
        .into_iter()
        .map(|(s, e)| &x[s..e])
        .collect();
    list_of(parts)
}

fn m_rsplit(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (sep, maxsplit) = split_args("rsplit", args, kwnames)?;
    let x = cps(o)?;
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<&[u32]> = Vec::new();
    match sep {
        None => {
            let mut i = x.len();
            loop {
                while i > 0 && is_space(x[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if left == 0 {
                    parts.push(&x[..i]);
                    break;
                }
                let e = i;
                while i > 0 && !is_space(x[i - 1]) {
                    i -= 1;
                }
                parts.push(&x[i..e]);
                left -= 1;
            }
        }
        Some(sep) => {
            let mut e = x.len();
            while left > 0 {
                match rfind_cps(&x, &sep, 0, e) {
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
    list_of(parts)
}

fn m_splitlines(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args("splitlines", args, kwnames, &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(k) => protocol::is_true(k)?,
        None => false,
    };
    let p = this(o)?;
    if let Some(x) = p.latin1() {
        // One-byte strings: pieces straight from the bytes.
        let ascii = p.is_ascii();
        let mut items = Vec::new();
        let n = x.len();
        let mut i = 0;
        while i < n {
            let s = i;
            while i < n && !is_linebreak(x[i] as u32) {
                i += 1;
            }
            let mut eol = i;
            if i < n {
                if x[i] == b'\r' && i + 1 < n && x[i + 1] == b'\n' {
                    i += 2;
                } else {
                    i += 1;
                }
                if keep {
                    eol = i;
                }
            }
            push_item(&mut items, latin1_piece(o, x, s, eol, ascii)?)?;
        }
        return crate::objects::list::PyList::new(items);
    }
    let x: Vec<u32> = p.chars().collect();
    let mut parts: Vec<&[u32]> = Vec::new();
    let n = x.len();
    let mut i = 0;
    while i < n {
        let s = i;
        while i < n && !is_linebreak(x[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if x[i] == 0x0D && i + 1 < n && x[i + 1] == 0x0A {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(&x[s..eol]);
    }
    list_of(parts)
}

/// `p[s..e]` as a new str (the object itself when that is all of it).
fn substr(o: &PyRef, p: &PyStr, s: usize, e: usize) -> PyResult<PyRef> {
    if s == 0 && e == p.len() && o.is_exact::<PyStr>() {
        return Ok(o.clone());
    }
    if let Some(b) = p.latin1() {
        let b = &b[s..e];
        return PyStr::from_latin1_unchecked(&STR_TYPE, b, p.is_ascii() || b.is_ascii());
    }
    let v: Vec<u32> = (s..e).map(|i| p.char_at(i)).collect();
    new_cps(&v)
}

fn strip_impl(o: &PyRef, args: &[PyRef], name: &str, left: bool, right: bool) -> PyResult<PyRef> {
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{name} expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let p = this(o)?;
    let set: Option<&PyStr> = match args.first() {
        None => None,
        Some(a) if a.is_none() => None,
        Some(a) => Some(
            a.downcast::<PyStr>()
                .ok_or_else(|| PyErr::type_error(format!("{name} arg must be None or str")))?,
        ),
    };
    let set_cps: Option<Vec<u32>> = set.map(|s| s.chars().collect());
    let strip = |c: u32| match &set_cps {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let mut s = 0;
    let mut e = p.len();
    if left {
        while s < e && strip(p.char_at(s)) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(p.char_at(e - 1)) {
            e -= 1;
        }
    }
    substr(o, p, s, e)
}

fn m_strip(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    strip_impl(o, a, "strip", true, true)
}
fn m_lstrip(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    strip_impl(o, a, "lstrip", true, false)
}
fn m_rstrip(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    strip_impl(o, a, "rstrip", false, true)
}

fn affix(o: &PyRef, args: &[PyRef], name: &str, end: bool) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at {} ({} given)",
            if args.is_empty() {
                "least 1 argument"
            } else {
                "most 3 arguments"
            },
            args.len()
        )));
    }
    let xs = this(o)?;
    let n = xs.len();
    let (s, e) = adjust_range(args.get(1), args.get(2), n)?;
    // Compares code points in place (no copies): `tailmatch`.
    let check = |p: &PyStr| -> bool {
        let m = p.len();
        if s > n || e < s || e - s < m {
            return false;
        }
        let start = if end { e - m } else { s };
        if let (Some(a), Some(b)) = (xs.latin1(), p.latin1()) {
            return &a[start..start + m] == b;
        }
        (0..m).all(|k| xs.char_at(start + k) == p.char_at(k))
    };
    if let Some(t) = args[0].downcast::<PyTuple>() {
        for it in t.items() {
            let p = it.downcast::<PyStr>().ok_or_else(|| {
                PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    it.ty().name()
                ))
            })?;
            if check(p) {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    let p = want_str(
        &args[0],
        &format!("{name} first arg must be str or a tuple of str"),
    )?;
    Ok(py_bool(check(p)))
}

fn m_startswith(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    affix(o, a, "startswith", false)
}
fn m_endswith(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    affix(o, a, "endswith", true)
}

fn find_impl(o: &PyRef, args: &[PyRef], name: &str, rev: bool) -> PyResult<Option<usize>> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at {} ({} given)",
            if args.is_empty() {
                "least 1 argument"
            } else {
                "most 3 arguments"
            },
            args.len()
        )));
    }
    let subp = want_str(&args[0], "must be str")?;
    let p = this(o)?;
    if let (Some(x), Some(sub)) = (p.latin1(), subp.latin1()) {
        let (s, e) = adjust_range(args.get(1), args.get(2), x.len())?;
        if s > x.len() {
            return Ok(None);
        }
        return Ok(if rev {
            rfind_cps(x, sub, s, e)
        } else {
            find_cps(x, sub, s, e)
        });
    }
    let sub: Vec<u32> = subp.chars().collect();
    let x: Vec<u32> = p.chars().collect();
    let (s, e) = adjust_range(args.get(1), args.get(2), x.len())?;
    if s > x.len() {
        return Ok(None);
    }
    Ok(if rev {
        rfind_cps(&x, &sub, s, e)
    } else {
        find_cps(&x, &sub, s, e)
    })
}

fn int_result(r: Option<usize>) -> PyResult<PyRef> {
    PyInt::new(r.map(|v| v as i64).unwrap_or(-1))
}

fn m_find(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    int_result(find_impl(o, a, "find", false)?)
}
fn m_rfind(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    int_result(find_impl(o, a, "rfind", true)?)
}
fn m_index(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    match find_impl(o, a, "index", false)? {
        Some(v) => PyInt::new(v as i64),
        None => Err(PyErr::value_error("substring not found")),
    }
}
fn m_rindex(o: &PyRef, a: &[PyRef]) -> PyResult<PyRef> {
    match find_impl(o, a, "rindex", true)? {
        Some(v) => PyInt::new(v as i64),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn m_count(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "count() takes at {} ({} given)",
            if args.is_empty() {
                "least 1 argument"
            } else {
                "most 3 arguments"
            },
            args.len()
        )));
    }
    let subp = want_str(&args[0], "must be str")?;
    let p = this(o)?;
    let (s, e) = adjust_range(args.get(1), args.get(2), p.len())?;
    if s > p.len() || e < s {
        return PyInt::new(0);
    }
    if subp.is_empty() {
        return PyInt::new((e - s + 1) as i64);
    }
    fn count_in<T: PartialEq + Copy>(x: &[T], sub: &[T], s: usize, e: usize) -> i64 {
        let mut n = 0;
        let mut i = s;
        while let Some(k) = find_cps(x, sub, i, e) {
            n += 1;
            i = k + sub.len();
        }
        n
    }
    if let (Some(x), Some(sub)) = (p.latin1(), subp.latin1()) {
        return PyInt::new(count_in(x, sub, s, e));
    }
    let sub: Vec<u32> = subp.chars().collect();
    let x: Vec<u32> = p.chars().collect();
    PyInt::new(count_in(&x, &sub, s, e))
}

/// `str.replace` on code units; `None` when nothing was replaced.
fn replace_in<T: Copy + PartialEq>(
    x: &[T],
    old: &[T],
    new: &[T],
    mut count: isize,
) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(x.len());
    if old.is_empty() {
        if count == 0 {
            return None;
        }
        for &c in x {
            if count != 0 {
                out.extend_from_slice(new);
                count -= 1;
            }
            out.push(c);
        }
        if count != 0 {
            out.extend_from_slice(new);
        }
        return Some(out);
    }
    let mut i = 0;
    let mut any = false;
    while count != 0 {
        match find_cps(x, old, i, x.len()) {
            Some(k) => {
                out.extend_from_slice(&x[i..k]);
                out.extend_from_slice(new);
                i = k + old.len();
                count -= 1;
                any = true;
            }
            None => break,
        }
    }
    if !any {
        return None;
    }
    out.extend_from_slice(&x[i..]);
    Some(out)
}

fn m_replace(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "replace expected {} arguments, got {}",
            if args.len() < 2 {
                "at least 2"
            } else {
                "at most 3"
            },
            args.len()
        )));
    }
    let oldp = want_str(&args[0], "replace() argument 1 must be str")?;
    let newp = want_str(&args[1], "replace() argument 2 must be str")?;
    let count = match args.get(2) {
        Some(c) => crate::objects::int::as_ssize_t(c)?,
        None => -1,
    };
    let p = this(o)?;
    if let (Some(x), Some(old), Some(new)) = (p.latin1(), oldp.latin1(), newp.latin1()) {
        return match replace_in(x, old, new, count) {
            Some(out) => {
                let ascii = out.is_ascii();
                PyStr::from_latin1_unchecked(&STR_TYPE, &out, ascii)
            }
            None => str_str(o),
        };
    }
    let x: Vec<u32> = p.chars().collect();
    let old: Vec<u32> = oldp.chars().collect();
    let new: Vec<u32> = newp.chars().collect();
    match replace_in(&x, &old, &new, count) {
        Some(out) => new_cps(&out),
        None => str_str(o),
    }
}

// Case mapping. Rust's tables are newer (Unicode 15/16) than CPython 3.11's
// (14.0): characters added since map differently.

/// A CPython 3.11 case mapping that differs from Rust's, if any.
fn case_exc(table: &'static [(u32, &'static [u32])], c: u32) -> Option<&'static [u32]> {
    if c < 0x80 {
        return None;
    }
    table
        .binary_search_by_key(&c, |e| e.0)
        .ok()
        .map(|k| table[k].1)
}

fn push_lower(out: &mut Vec<u32>, c: u32) {
    if let Some(m) = case_exc(tables::LOWER_EXC, c) {
        out.extend_from_slice(m);
        return;
    }
    match char::from_u32(c) {
        Some(ch) => out.extend(ch.to_lowercase().map(|x| x as u32)),
        None => out.push(c),
    }
}

fn push_upper(out: &mut Vec<u32>, c: u32) {
    if let Some(m) = case_exc(tables::UPPER_EXC, c) {
        out.extend_from_slice(m);
        return;
    }
    match char::from_u32(c) {
        Some(ch) => out.extend(ch.to_uppercase().map(|x| x as u32)),
        None => out.push(c),
    }
}

/// Title case of one character: Rust has no titlecase mapping, so the
/// characters whose title case is not their upper case come from a table.
fn push_title(out: &mut Vec<u32>, c: u32) {
    if let Some(m) = case_exc(tables::TITLE_EXC, c) {
        out.extend_from_slice(m);
        return;
    }
    match char::from_u32(c) {
        Some(ch) => out.extend(ch.to_uppercase().map(|x| x as u32)),
        None => out.push(c),
    }
}

/// Bit 0: Lowercase, bit 1: Uppercase (Unicode 14.0's derived properties).
fn case_flags(c: u32) -> u8 {
    if c >= 0x80 {
        if let Ok(k) = tables::CASE_FLAG_EXC.binary_search_by_key(&c, |e| e.0) {
            return tables::CASE_FLAG_EXC[k].1;
        }
    }
    match char::from_u32(c) {
        Some(ch) => ch.is_lowercase() as u8 | (ch.is_uppercase() as u8) << 1,
        None => 0,
    }
}

fn is_lower_char(c: u32) -> bool {
    case_flags(c) & 1 != 0
}

fn is_upper_char(c: u32) -> bool {
    case_flags(c) & 2 != 0
}

fn is_title_char(c: u32) -> bool {
    c >= 0x1C5 && tables::TITLECASE.binary_search(&c).is_ok()
}

fn is_cased(c: u32) -> bool {
    case_flags(c) != 0 || is_title_char(c)
}

fn is_case_ignorable(c: u32) -> bool {
    matches!(
        c,
        0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8
    ) || (0x300..=0x36F).contains(&c)
        || (0x2018..=0x2019).contains(&c)
}

/// `lower()` of the character at `i`, with the final-sigma rule.
fn lower_at(x: &[u32], i: usize, out: &mut Vec<u32>) {
    let c = x[i];
    if c == 0x3A3 {
        let mut j = i;
        let mut before = false;
        while j > 0 {
            j -= 1;
            if !is_case_ignorable(x[j]) {
                before = is_cased(x[j]);
                break;
            }
        }
        let mut after = false;
        for &d in &x[i + 1..] {
            if !is_case_ignorable(d) {
                after = is_cased(d);
                break;
            }
        }
        out.push(if before && !after { 0x3C2 } else { 0x3C3 });
        return;
    }
    push_lower(out, c);
}

fn m_lower(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    if p.is_ascii() {
        let b = p.latin1().unwrap_or(&[]).to_ascii_lowercase();
        return PyStr::from_latin1_unchecked(&STR_TYPE, &b, true);
    }
    let x: Vec<u32> = p.chars().collect();
    let mut out = Vec::with_capacity(x.len());
    for i in 0..x.len() {
        lower_at(&x, i, &mut out);
    }
    new_cps(&out)
}

fn m_upper(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    if p.is_ascii() {
        let b = p.latin1().unwrap_or(&[]).to_ascii_uppercase();
        return PyStr::from_latin1_unchecked(&STR_TYPE, &b, true);
    }
    let mut out = Vec::with_capacity(p.len());
    for c in p.chars() {
        push_upper(&mut out, c);
    }
    new_cps(&out)
}

fn m_casefold(o: &PyRef) -> PyResult<PyRef> {
    let x = cps(o)?;
    let mut out = Vec::with_capacity(x.len());
    for &c in &x {
        match case_exc(tables::FOLD_EXC, c) {
            Some(m) => out.extend_from_slice(m),
            None => push_lower(&mut out, c),
        }
    }
    new_cps(&out)
}

fn m_swapcase(o: &PyRef) -> PyResult<PyRef> {
    let x = cps(o)?;
    let mut out = Vec::with_capacity(x.len());
    for (i, &c) in x.iter().enumerate() {
        if is_upper_char(c) {
            lower_at(&x, i, &mut out);
        } else if is_lower_char(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    new_cps(&out)
}

fn m_capitalize(o: &PyRef) -> PyResult<PyRef> {
    let x = cps(o)?;
    let mut out = Vec::with_capacity(x.len());
    for i in 0..x.len() {
        if i == 0 {
            push_title(&mut out, x[0]);
        } else {
            lower_at(&x, i, &mut out);
        }
    }
    new_cps(&out)
}

fn m_title(o: &PyRef) -> PyResult<PyRef> {
    let x = cps(o)?;
    let mut out = Vec::with_capacity(x.len());
    let mut prev_cased = false;
    for i in 0..x.len() {
        let c = x[i];
        if prev_cased {
            lower_at(&x, i, &mut out);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    new_cps(&out)
}

fn all_nonempty(o: &PyRef, f: impl Fn(u32) -> bool) -> PyResult<PyRef> {
    let p = this(o)?;
    Ok(py_bool(!p.is_empty() && p.chars().all(f)))
}

fn m_isdigit(o: &PyRef) -> PyResult<PyRef> {
    all_nonempty(o, |c| in_table(tables::DIGIT, c))
}
fn m_isdecimal(o: &PyRef) -> PyResult<PyRef> {
    all_nonempty(o, |c| in_table(tables::DECIMAL, c))
}
fn m_isnumeric(o: &PyRef) -> PyResult<PyRef> {
    all_nonempty(o, |c| in_table(tables::NUMERIC, c))
}
fn m_isalpha(o: &PyRef) -> PyResult<PyRef> {
    all_nonempty(o, |c| in_table(tables::ALPHA, c))
}
fn m_isalnum(o: &PyRef) -> PyResult<PyRef> {
    all_nonempty(o, |c| {
        in_table(tables::ALPHA, c) || in_table(tables::NUMERIC, c)
    })
}
fn m_isspace(o: &PyRef) -> PyResult<PyRef> {
    all_nonempty(o, is_space)
}
fn m_isascii(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(this(o)?.is_ascii()))
}
fn m_isprintable(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    Ok(py_bool(
        p.chars()
            .all(taipan_parser::unicode_printable::is_printable),
    ))
}

fn m_isupper(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    let mut cased = false;
    for c in p.chars() {
        if is_lower_char(c) || is_title_char(c) {
            return Ok(py_bool(false));
        }
        if is_upper_char(c) {
            cased = true;
        }
    }
    Ok(py_bool(cased))
}

fn m_islower(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    let mut cased = false;
    for c in p.chars() {
        if is_upper_char(c) || is_title_char(c) {
            return Ok(py_bool(false));
        }
        if is_lower_char(c) {
            cased = true;
        }
    }
    Ok(py_bool(cased))
}

fn m_istitle(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in p.chars() {
        if is_upper_char(c) || is_title_char(c) {
            if prev_cased {
                return Ok(py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !prev_cased {
                return Ok(py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(py_bool(cased))
}

/// `str.isidentifier()` (`PyUnicode_IsIdentifier`).
pub fn is_identifier(p: &PyStr) -> bool {
    use taipan_parser::tokenizer::unicode_ident::{is_xid_continue, is_xid_start};
    let mut it = p.chars();
    let Some(first) = it.next() else { return false };
    let ok_start = first == 0x5F || char::from_u32(first).is_some_and(is_xid_start);
    ok_start && it.all(|c| char::from_u32(c).is_some_and(is_xid_continue))
}

fn m_isidentifier(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(is_identifier(this(o)?)))
}

fn fill_arg(name: &str, args: &[PyRef]) -> PyResult<(isize, u32)> {
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
    let width = crate::objects::int::as_ssize_t(&args[0])?;
    let fill = match args.get(1) {
        None => 0x20,
        Some(f) => {
            let p = want_str(f, "The fill character must be a unicode character")?;
            if p.len() != 1 {
                return Err(PyErr::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            p.char_at(0)
        }
    };
    Ok((width, fill))
}

fn pad_to(o: &PyRef, left: usize, right: usize, fill: u32) -> PyResult<PyRef> {
    let x = cps(o)?;
    if left == 0 && right == 0 && o.is_exact::<PyStr>() {
        return Ok(o.clone());
    }
    let mut out = Vec::new();
    grow(&mut out, left + right)?;
    out.resize(left, fill);
    out.extend_from_slice(&x);
    grow(&mut out, right)?;
    out.resize(out.len() + right, fill);
    new_cps(&out)
}

fn m_center(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (w, fill) = fill_arg("center", args)?;
    let n = this(o)?.len() as isize;
    if w <= n {
        return pad_to(o, 0, 0, fill);
    }
    let marg = w - n;
    let left = marg / 2 + (marg & w & 1);
    pad_to(o, left as usize, (marg - left) as usize, fill)
}

fn m_ljust(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (w, fill) = fill_arg("ljust", args)?;
    let n = this(o)?.len() as isize;
    pad_to(o, 0, (w - n).max(0) as usize, fill)
}

fn m_rjust(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let (w, fill) = fill_arg("rjust", args)?;
    let n = this(o)?.len() as isize;
    pad_to(o, (w - n).max(0) as usize, 0, fill)
}

fn m_zfill(o: &PyRef, w: &PyRef) -> PyResult<PyRef> {
    let w = crate::objects::int::as_ssize_t(w)?;
    let x = cps(o)?;
    let n = x.len() as isize;
    if w <= n {
        return pad_to(o, 0, 0, 0x30);
    }
    let fill = (w - n) as usize;
    let mut out = Vec::new();
    let (sign, rest) = match x.first() {
        Some(&c) if c == 0x2B || c == 0x2D => (Some(c), &x[1..]),
        _ => (None, &x[..]),
    };
    if let Some(s) = sign {
        out.push(s);
    }
    grow(&mut out, fill)?;
    out.resize(out.len() + fill, 0x30);
    out.extend_from_slice(rest);
    new_cps(&out)
}

fn partition_impl(o: &PyRef, sep: &PyRef, rev: bool) -> PyResult<PyRef> {
    let s: Vec<u32> = want_str(sep, "must be str")?.chars().collect();
    if s.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let x = cps(o)?;
    let pos = if rev {
        rfind_cps(&x, &s, 0, x.len())
    } else {
        find_cps(&x, &s, 0, x.len())
    };
    let empty = PyStr::new("")?;
    let t = match pos {
        Some(k) => vec![new_cps(&x[..k])?, sep.clone(), new_cps(&x[k + s.len()..])?],
        None if rev => vec![empty.clone(), empty, str_str(o)?],
        None => vec![str_str(o)?, empty.clone(), empty],
    };
    PyTuple::new(t)
}

fn m_partition(o: &PyRef, sep: &PyRef) -> PyResult<PyRef> {
    partition_impl(o, sep, false)
}
fn m_rpartition(o: &PyRef, sep: &PyRef) -> PyResult<PyRef> {
    partition_impl(o, sep, true)
}

fn m_expandtabs(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args("expandtabs", args, kwnames, &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(t) => crate::objects::int::as_c_int(t)? as isize,
        None => 8,
    };
    let x = cps(o)?;
    let mut out = Vec::with_capacity(x.len());
    let mut col: isize = 0;
    for &c in &x {
        if c == 0x09 {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                grow(&mut out, incr as usize)?;
                out.resize(out.len() + incr as usize, 0x20);
            }
        } else {
            out.push(c);
            col += 1;
            if c == 0x0A || c == 0x0D {
                col = 0;
            }
        }
    }
    new_cps(&out)
}

fn m_removeprefix(o: &PyRef, p: &PyRef) -> PyResult<PyRef> {
    let pre: Vec<u32> = want_str(p, "removeprefix() argument must be str")?
        .chars()
        .collect();
    let x = cps(o)?;
    if !pre.is_empty() && x.starts_with(&pre) {
        return new_cps(&x[pre.len()..]);
    }
    str_str(o)
}

fn m_removesuffix(o: &PyRef, p: &PyRef) -> PyResult<PyRef> {
    let suf: Vec<u32> = want_str(p, "removesuffix() argument must be str")?
        .chars()
        .collect();
    let x = cps(o)?;
    if !suf.is_empty() && x.ends_with(&suf) {
        return new_cps(&x[..x.len() - suf.len()]);
    }
    str_str(o)
}

fn m_sizeof(o: &PyRef) -> PyResult<PyRef> {
    let p = this(o)?;
    // CPython 3.11: PyASCIIObject is 48 bytes, PyCompactUnicodeObject 72.
    let n = if p.is_ascii() {
        48 + p.len() + 1
    } else {
        72 + (p.len() + 1) * p.kind()
    };
    PyInt::new(n as i64)
}

fn m_getnewargs(o: &PyRef) -> PyResult<PyRef> {
    let c = cps(o)?;
    PyTuple::new(vec![new_cps(&c)?])
}

fn m_format_dunder(o: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let spec = want_str(spec, "__format__() argument must be str")?;
    let p = this(o)?;
    if spec.is_empty() {
        return str_str(o);
    }
    let s = crate::objects::format_spec::format_str(p.as_str(), spec.as_str())?;
    PyStr::new(&s)
}

fn m_encode(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse_args("encode", args, kwnames, &["encoding", "errors"], 0)?;
    let enc = match &a[0] {
        Some(e) => str_arg(e, "encode() argument 'encoding'")?,
        None => "utf-8",
    };
    let errs = match &a[1] {
        Some(e) => str_arg(e, "encode() argument 'errors'")?,
        None => "strict",
    };
    encode(o, this(o)?, enc, errs)
}

fn m_maketrans(_cls: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    use crate::objects::dict::PyDict;
    let d = PyDict::new()?;
    // SAFETY: just made a dict.
    let dd = unsafe { d.payload_unchecked::<PyDict>() };
    match args.len() {
        1 => {
            let Some(m) = args[0].downcast::<PyDict>() else {
                return Err(PyErr::type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            };
            for (k, v) in m.items() {
                let key = if let Some(s) = k.downcast::<PyStr>() {
                    if s.len() != 1 {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ));
                    }
                    PyInt::new(s.char_at(0) as i64)?
                } else if k.is_instance_of::<PyInt>() {
                    k
                } else {
                    return Err(PyErr::type_error(
                        "keys in translate table must be strings or integers",
                    ));
                };
                dd.set_item(key, v)?;
            }
        }
        2 | 3 => {
            let x = want_str(&args[0], "maketrans() argument 1 must be str")?;
            let y = want_str(&args[1], "maketrans() argument 2 must be str")?;
            if x.len() != y.len() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                dd.set_item(PyInt::new(a as i64)?, PyInt::new(b as i64)?)?;
            }
            if let Some(z) = args.get(2) {
                let z = want_str(z, "maketrans() argument 3 must be str")?;
                for c in z.chars() {
                    dd.set_item(PyInt::new(c as i64)?, none())?;
                }
            }
        }
        n => {
            return Err(PyErr::type_error(format!(
                "maketrans expected {}, got {n}",
                if n == 0 {
                    "at least 1 argument"
                } else {
                    "at most 3 arguments"
                }
            )))
        }
    }
    Ok(d)
}

fn m_translate(o: &PyRef, table: &PyRef) -> PyResult<PyRef> {
    let x = cps(o)?;
    let mut out = Vec::with_capacity(x.len());
    for &c in &x {
        let key = PyInt::new(c as i64)?;
        match protocol::get_item(table, &key) {
            Ok(v) => {
                if v.is_none() {
                    continue;
                }
                if let Some(s) = v.downcast::<PyStr>() {
                    out.extend(s.chars());
                } else if let Some(i) = v.downcast::<PyInt>() {
                    match i.as_i64() {
                        Some(n) if (0..0x110000).contains(&n) => out.push(n as u32),
                        _ => {
                            return Err(PyErr::value_error(
                                "character mapping must be in range(0x110000)",
                            ))
                        }
                    }
                } else {
                    return Err(PyErr::type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            }
            Err(e) if e.matches(&crate::objects::exceptions::LOOKUP_ERROR) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    new_cps(&out)
}

static STR_METHODS: &[MethodDef] = &[
    MethodDef::new("join", Meth::O(m_join)),
    MethodDef::new("split", Meth::FastKw(m_split)),
    MethodDef::new("rsplit", Meth::FastKw(m_rsplit)),
    MethodDef::new("splitlines", Meth::FastKw(m_splitlines)),
    MethodDef::new("strip", Meth::Fast(m_strip)),
    MethodDef::new("lstrip", Meth::Fast(m_lstrip)),
    MethodDef::new("rstrip", Meth::Fast(m_rstrip)),
    MethodDef::new("startswith", Meth::Fast(m_startswith)),
    MethodDef::new("endswith", Meth::Fast(m_endswith)),
    MethodDef::new("find", Meth::Fast(m_find)),
    MethodDef::new("rfind", Meth::Fast(m_rfind)),
    MethodDef::new("index", Meth::Fast(m_index)),
    MethodDef::new("rindex", Meth::Fast(m_rindex)),
    MethodDef::new("count", Meth::Fast(m_count)),
    MethodDef::new("replace", Meth::Fast(m_replace)),
    MethodDef::new("upper", Meth::NoArgs(m_upper)),
    MethodDef::new("lower", Meth::NoArgs(m_lower)),
    MethodDef::new("casefold", Meth::NoArgs(m_casefold)),
    MethodDef::new("capitalize", Meth::NoArgs(m_capitalize)),
    MethodDef::new("title", Meth::NoArgs(m_title)),
    MethodDef::new("swapcase", Meth::NoArgs(m_swapcase)),
    MethodDef::new("isdigit", Meth::NoArgs(m_isdigit)),
    MethodDef::new("isdecimal", Meth::NoArgs(m_isdecimal)),
    MethodDef::new("isnumeric", Meth::NoArgs(m_isnumeric)),
    MethodDef::new("isalpha", Meth::NoArgs(m_isalpha)),
    MethodDef::new("isalnum", Meth::NoArgs(m_isalnum)),
    MethodDef::new("isspace", Meth::NoArgs(m_isspace)),
    MethodDef::new("isupper", Meth::NoArgs(m_isupper)),
    MethodDef::new("islower", Meth::NoArgs(m_islower)),
    MethodDef::new("istitle", Meth::NoArgs(m_istitle)),
    MethodDef::new("isidentifier", Meth::NoArgs(m_isidentifier)),
    MethodDef::new("isprintable", Meth::NoArgs(m_isprintable)),
    MethodDef::new("isascii", Meth::NoArgs(m_isascii)),
    MethodDef::new("center", Meth::Fast(m_center)),
    MethodDef::new("ljust", Meth::Fast(m_ljust)),
    MethodDef::new("rjust", Meth::Fast(m_rjust)),
    MethodDef::new("zfill", Meth::O(m_zfill)),
    MethodDef::new("partition", Meth::O(m_partition)),
    MethodDef::new("rpartition", Meth::O(m_rpartition)),
    MethodDef::new("expandtabs", Meth::FastKw(m_expandtabs)),
    MethodDef::new("encode", Meth::FastKw(m_encode)),
    MethodDef::new("format", Meth::FastKw(m_format)),
    MethodDef::new("format_map", Meth::O(m_format_map)),
    MethodDef::new("__format__", Meth::O(m_format_dunder)),
    MethodDef::static_("maketrans", Meth::Fast(m_maketrans)),
    MethodDef::new("translate", Meth::O(m_translate)),
    MethodDef::new("removeprefix", Meth::O(m_removeprefix)),
    MethodDef::new("removesuffix", Meth::O(m_removesuffix)),
    MethodDef::new("__sizeof__", Meth::NoArgs(m_sizeof)),
    MethodDef::new("__getnewargs__", Meth::NoArgs(m_getnewargs)),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&STR_ITER_TYPE, &STR_ASCII_ITER_TYPE];

// ---------------------------------------------------------------------------
// str.format (CPython's Objects/stringlib/unicode_format.h).

/// `format(obj, spec)` (`PyObject_Format`).
pub fn format_object(obj: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    if obj.is_exact::<PyStr>() {
        return m_format_dunder(obj, spec);
    }
    // Exact ints and floats: their own `__format__` at once (no bound
    // method; neither type's lookup can be overridden).
    if obj.is_exact::<PyInt>() {
        return crate::objects::int::int_format(obj, spec);
    }
    if obj.is_exact::<crate::objects::float::PyFloat>() {
        return crate::objects::float::float_format(obj, spec);
    }
    // `_PyObject_LookupSpecial`: the type's `__format__`, bound, so a
    // class being formatted uses its metaclass's (`format(int, '')`).
    let meth = match crate::objects::type_::lookup_str(obj.ty(), "__format__") {
        Some(m) => crate::objects::descr::bind(&m, Some(obj), Some(&obj.type_ref()))?,
        None => {
            return Err(PyErr::type_error(format!(
                "Type {} doesn't define __format__",
                obj.ty().name()
            )))
        }
    };
    let r = protocol::call(&meth, std::slice::from_ref(spec), None)?;
    if !r.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "__format__ must return a str, not {}",
            r.ty().name()
        )));
    }
    Ok(r)
}

struct FormatState<'a> {
    args: &'a [PyRef],
    kwargs: Option<&'a PyRef>,
    auto: Option<usize>,
    manual: bool,
    /// `format_map`: there are no positional arguments at all.
    map_only: bool,
}

fn is_digits(s: &[u32]) -> bool {
    !s.is_empty() && s.iter().all(|&c| (0x30..=0x39).contains(&c))
}

fn digits_value(s: &[u32]) -> Option<usize> {
    let mut v: usize = 0;
    for &c in s {
        v = v.checked_mul(10)?.checked_add((c - 0x30) as usize)?;
    }
    Some(v)
}

fn get_field(st: &mut FormatState, name: &[u32]) -> PyResult<PyRef> {
    let first_end = name
        .iter()
        .position(|&c| c == 0x2E || c == 0x5B)
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if st.manual {
            return Err(PyErr::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let i = st.auto.unwrap_or(0);
        st.auto = Some(i + 1);
        if st.map_only {
            return Err(PyErr::value_error(
                "Format string contains positional fields",
            ));
        }
        st.args.get(i).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        })?
    } else if is_digits(first) {
        if st.auto.is_some() {
            return Err(PyErr::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        st.manual = true;
        let i = digits_value(first)
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
        if st.map_only {
            return Err(PyErr::value_error(
                "Format string contains positional fields",
            ));
        }
        st.args.get(i).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        })?
    } else {
        let key = new_cps(first)?;
        match st.kwargs {
            Some(k) => protocol::get_item(k, &key)?,
            None => return Err(PyErr::key_error(key)),
        }
    };
    let mut i = first_end;
    while i < name.len() {
        if name[i] == 0x2E {
            let s = i + 1;
            let mut e = s;
            while e < name.len() && name[e] != 0x2E && name[e] != 0x5B {
                e += 1;
            }
            if e == s {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            let attr = new_cps(&name[s..e])?;
            obj = protocol::getattr(&obj, &attr)?;
            i = e;
        } else if name[i] == 0x5B {
            let s = i + 1;
            let Some(rel) = name[s..].iter().position(|&c| c == 0x5D) else {
                return Err(PyErr::value_error("Missing ']' in format string"));
            };
            let e = s + rel;
            if e == s {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            let key = if is_digits(&name[s..e]) {
                match digits_value(&name[s..e]) {
                    Some(v) => PyInt::new(v as i64)?,
                    None => new_cps(&name[s..e])?,
                }
            } else {
                new_cps(&name[s..e])?
            };
            obj = protocol::get_item(&obj, &key)?;
            i = e + 1;
            if i < name.len() && name[i] != 0x2E && name[i] != 0x5B {
                return Err(PyErr::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            return Err(PyErr::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(obj)
}

fn render_field(
    st: &mut FormatState,
    field: &[u32],
    depth: i32,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    // The field name ends at ':' or '!' outside brackets.
    let mut i = 0;
    while i < field.len() {
        match field[i] {
            0x5B => {
                while i < field.len() && field[i] != 0x5D {
                    i += 1;
                }
                if i < field.len() {
                    i += 1;
                } else {
                    // parse_field's bracket scan ran past the closing '}'.
                    return Err(PyErr::value_error("expected '}' before end of string"));
                }
            }
            0x3A | 0x21 => break,
            _ => i += 1,
        }
    }
    let name = &field[..i.min(field.len())];
    let mut conv = None;
    let mut spec: &[u32] = &[];
    if i < field.len() && field[i] == 0x21 {
        if i + 1 >= field.len() {
            return Err(PyErr::value_error("unmatched '{' in format spec"));
        }
        conv = Some(field[i + 1]);
        let rest = i + 2;
        if rest < field.len() {
            if field[rest] != 0x3A {
                return Err(PyErr::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
            spec = &field[rest + 1..];
        }
    } else if i < field.len() {
        spec = &field[i + 1..];
    }
    let mut obj = get_field(st, name)?;
    if let Some(c) = conv {
        obj = match c {
            0x72 => protocol::repr(&obj)?,
            0x73 => protocol::str_(&obj)?,
            0x61 => {
                let r = protocol::repr(&obj)?;
                // SAFETY: repr returns a str.
                new_cps(&ascii_escape(unsafe { r.payload_unchecked::<PyStr>() }))?
            }
            _ => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {}",
                    char::from_u32(c).unwrap_or('\u{FFFD}')
                )))
            }
        };
    }
    if spec.is_empty() {
        // No spec: a str goes in as it is, an exact int or float as its
        // `str()` (what their `__format__` gives for an empty spec).
        if let Some(p) = obj.downcast_exact::<PyStr>() {
            push_cps(out, p);
            return Ok(());
        }
        if let Some(i) = small_int_of(&obj) {
            let mut buf = [0u8; 20];
            out.extend(small_int_digits(i, &mut buf).iter().map(|&c| c as u32));
            return Ok(());
        }
        if obj.is_exact::<PyInt>() || obj.is_exact::<crate::objects::float::PyFloat>() {
            let r = protocol::str_(&obj)?;
            // SAFETY: str() of an int or float is a str.
            push_cps(out, unsafe { r.payload_unchecked::<PyStr>() });
            return Ok(());
        }
    }
    let spec_str = if spec.contains(&0x7B) {
        let mut sub = Vec::new();
        format_into(st, spec, depth - 1, &mut sub)?;
        new_cps(&sub)?
    } else {
        new_cps(spec)?
    };
    let r = format_object(&obj, &spec_str)?;
    // SAFETY: format_object returns a str.
    push_cps(out, unsafe { r.payload_unchecked::<PyStr>() });
    Ok(())
}

/// The value of an exact int in the machine range.
#[inline]
fn small_int_of(obj: &PyRef) -> Option<i64> {
    let i = obj.downcast_exact::<PyInt>()?;
    if i.big.is_some() {
        return None;
    }
    Some(i.small)
}

/// The decimal text of `v` (with its '-') at the end of `buf`.
fn small_int_digits(v: i64, buf: &mut [u8; 20]) -> &[u8] {
    // At most 19 digits: room for the sign.
    let mut i = crate::objects::format_spec::decimal_digits(v.unsigned_abs(), buf);
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

/// `str()` of an exact int in the machine range, straight into a new
/// ASCII str (`None` for anything else).
pub fn small_int_str(obj: &PyRef) -> Option<PyResult<PyRef>> {
    let v = small_int_of(obj)?;
    let mut buf = [0u8; 20];
    Some(PyStr::new_latin1(small_int_digits(v, &mut buf), true))
}

/// Appends the code points of `p` (a loop per storage width).
fn push_cps(out: &mut Vec<u32>, p: &PyStr) {
    if let Some(b) = p.latin1() {
        out.extend(b.iter().map(|&c| c as u32));
    } else if let Some(u) = p.ucs2() {
        out.extend(u.iter().map(|&c| c as u32));
    } else {
        out.extend(p.chars());
    }
}

fn format_into(st: &mut FormatState, f: &[u32], depth: i32, out: &mut Vec<u32>) -> PyResult<()> {
    if depth <= 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let n = f.len();
    let mut i = 0;
    while i < n {
        let c = f[i];
        if c == 0x7B {
            if i + 1 < n && f[i + 1] == 0x7B {
                out.push(0x7B);
                i += 2;
                continue;
            }
            let s = i + 1;
            let mut count = 1;
            let mut j = s;
            while j < n {
                match f[j] {
                    0x7B => count += 1,
                    0x7D => {
                        count -= 1;
                        if count == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= n {
                return Err(PyErr::value_error(if s >= n {
                    "Single '{' encountered in format string"
                } else {
                    "expected '}' before end of string"
                }));
            }
            render_field(st, &f[s..j], depth, out)?;
            i = j + 1;
        } else if c == 0x7D {
            if i + 1 < n && f[i + 1] == 0x7D {
                out.push(0x7D);
                i += 2;
                continue;
            }
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(())
}

/// `fmt.format(*args, **kwargs)` with `kwargs` any mapping.
pub fn str_format(fmt: &PyStr, args: &[PyRef], kwargs: Option<&PyRef>) -> PyResult<PyRef> {
    str_format_impl(fmt, args, kwargs, false)
}

fn str_format_impl(
    fmt: &PyStr,
    args: &[PyRef],
    kwargs: Option<&PyRef>,
    map_only: bool,
) -> PyResult<PyRef> {
    let mut f: Vec<u32> = Vec::with_capacity(fmt.len());
    push_cps(&mut f, fmt);
    let mut st = FormatState {
        args,
        kwargs,
        auto: None,
        manual: false,
        map_only,
    };
    let mut out = Vec::with_capacity(f.len());
    format_into(&mut st, &f, 2, &mut out)?;
    new_cps(&out)
}

fn m_format(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let p = this(o)?;
    let kw: &[PyRef] = match kwnames.and_then(|k| k.downcast::<PyTuple>()) {
        Some(t) => t.items(),
        None => &[],
    };
    let npos = args.len() - kw.len().min(args.len());
    let kwargs = if kw.is_empty() {
        None
    } else {
        use crate::objects::dict::PyDict;
        let d = PyDict::new()?;
        // SAFETY: just made a dict.
        let dd = unsafe { d.payload_unchecked::<PyDict>() };
        for (k, v) in kw.iter().zip(&args[npos..]) {
            dd.set_item(k.clone(), v.clone())?;
        }
        Some(d)
    };
    str_format(p, &args[..npos], kwargs.as_ref())
}

fn m_format_map(o: &PyRef, mapping: &PyRef) -> PyResult<PyRef> {
    str_format_impl(this(o)?, &[], Some(mapping), true)
}

// ---------------------------------------------------------------------------
// printf-style formatting (`PyUnicode_Format`).

fn str_mod(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let Some(p) = a.downcast::<PyStr>() else {
        return Ok(not_implemented());
    };
    let mut f: Vec<u32> = Vec::with_capacity(p.len());
    push_cps(&mut f, p);
    let out = percent_format(&f, b, false)?;
    new_cps(&out)
}

/// `bytes % args` (`_PyBytes_FormatEx`): the result's code points are all
/// below 256.
pub fn bytes_percent_format(fmt: &[u8], args: &PyRef) -> PyResult<Vec<u8>> {
    let f: Vec<u32> = fmt.iter().map(|&b| b as u32).collect();
    let out = percent_format(&f, args, true)?;
    Ok(out.into_iter().map(|c| c as u8).collect())
}

/// The bytes `%b`/`%s` insert: a buffer or `__bytes__()`.
fn bytes_of_arg(v: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::objects::bytes::buffer_bytes(v) {
        return Ok(b);
    }
    if let Some(m) = crate::objects::type_::lookup_str(v.ty(), "__bytes__") {
        let r = protocol::call(&m, std::slice::from_ref(v), None)?;
        if let Some(b) = crate::objects::bytes::bytes_data(&r) {
            return Ok(b.to_vec());
        }
        return Err(PyErr::type_error(format!(
            "__bytes__ returned non-bytes (type {})",
            r.ty().name()
        )));
    }
    Err(PyErr::type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        v.ty().name()
    )))
}

/// The int value of `%d`-style arguments, as a BigInt.
fn int_arg(v: &PyRef, conv: char) -> PyResult<num_bigint::BigInt> {
    if let Some(i) = v.downcast::<PyInt>() {
        return Ok(i.to_bigint());
    }
    let numberish = v.ty().as_number.nb_index.get().is_some()
        || v.ty().as_number.nb_int.get().is_some()
        || v.ty().as_number.nb_float.get().is_some();
    if !numberish {
        return Err(PyErr::type_error(if matches!(conv, 'd' | 'i' | 'u') {
            format!(
                "%{conv} format: a real number is required, not {}",
                v.ty().name()
            )
        } else {
            format!(
                "%{conv} format: an integer is required, not {}",
                v.ty().name()
            )
        }));
    }
    let r = if v.ty().as_number.nb_index.get().is_some() {
        protocol::index(v)?
    } else if !matches!(conv, 'd' | 'i' | 'u') {
        return Err(PyErr::type_error(format!(
            "%{conv} format: an integer is required, not {}",
            v.ty().name()
        )));
    } else if let Some(f) = v.ty().as_number.nb_int.get() {
        f(v)?
    } else if let Some(fl) = v.downcast::<crate::objects::float::PyFloat>() {
        let x = fl.value;
        if x.is_nan() {
            return Err(PyErr::value_error("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(PyErr::overflow_error(
                "cannot convert float infinity to integer",
            ));
        }
        use num_traits::FromPrimitive;
        return Ok(num_bigint::BigInt::from_f64(x.trunc()).unwrap_or_default());
    } else {
        return Err(PyErr::type_error(format!(
            "%{conv} format: a real number is required, not {}",
            v.ty().name()
        )));
    };
    match r.downcast::<PyInt>() {
        Some(i) => Ok(i.to_bigint()),
        None => Err(PyErr::type_error("__int__ returned non-int")),
    }
}

/// The f64 of a `%f`-style argument (`PyFloat_AsDouble`).
pub fn float_arg(v: &PyRef) -> PyResult<f64> {
    if let Some(f) = v.downcast::<crate::objects::float::PyFloat>() {
        return Ok(f.value);
    }
    if let Some(f) = v.ty().as_number.nb_float.get() {
        let r = f(v)?;
        if let Some(fl) = r.downcast::<crate::objects::float::PyFloat>() {
            return Ok(fl.value);
        }
        return Err(PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            v.ty().name(),
            r.ty().name()
        )));
    }
    if v.ty().as_number.nb_index.get().is_some() {
        let i = protocol::index(v)?;
        if let Some(p) = i.downcast::<PyInt>() {
            use num_traits::ToPrimitive;
            return p
                .to_bigint()
                .to_f64()
                .ok_or_else(|| PyErr::overflow_error("int too large to convert to float"));
        }
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        v.ty().name()
    )))
}

struct PctFlags {
    left: bool,
    sign: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

fn pad_numeric(
    fl: &PctFlags,
    width: usize,
    sign: &str,
    prefix: &str,
    body: &str,
) -> PyResult<String> {
    let len = sign.len() + prefix.len() + body.chars().count();
    let mut out = String::new();
    out.try_reserve(width.max(len))
        .map_err(|_| PyErr::no_memory())?;
    if len >= width {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    } else if fl.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', width - len));
    } else if fl.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', width - len));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', width - len));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    Ok(out)
}

fn percent_format(f: &[u32], args: &PyRef, bytes_mode: bool) -> PyResult<Vec<u32>> {
    let tuple_items: Option<Vec<PyRef>> = args.downcast::<PyTuple>().map(|t| t.items().to_vec());
    let is_mapping = args.ty().as_mapping.mp_subscript.get().is_some()
        && tuple_items.is_none()
        && !args.is_instance_of::<PyStr>()
        && !(bytes_mode && crate::objects::bytes::buffer_bytes(args).is_some());
    let dict = if is_mapping { Some(args.clone()) } else { None };
    let (mut arglen, mut argidx): (isize, isize) = match &tuple_items {
        Some(t) => (t.len() as isize, 0),
        None => (-1, -2),
    };
    let mut out: Vec<u32> = Vec::with_capacity(f.len() + 16);
    let mut i = 0;
    let n = f.len();
    // After `%(key)`, the looked-up value stands for the arguments (one use).
    let mut keyed: Option<PyRef> = None;
    let next_arg = |arglen: isize, argidx: &mut isize, keyed: &Option<PyRef>| -> PyResult<PyRef> {
        if *argidx < arglen {
            let k = *argidx;
            *argidx += 1;
            if arglen < 0 {
                return Ok(keyed.clone().unwrap_or_else(|| args.clone()));
            }
            if let Some(t) = &tuple_items {
                return Ok(t[k as usize].clone());
            }
        }
        Err(PyErr::type_error("not enough arguments for format string"))
    };
    while i < n {
        let c = f[i];
        if c != 0x25 {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i < n && f[i] == 0x25 {
            out.push(0x25);
            i += 1;
            continue;
        }
        if i < n && f[i] == 0x28 {
            let Some(d) = &dict else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let s = i + 1;
            let mut depth = 1;
            i += 1;
            while i < n && depth > 0 {
                if f[i] == 0x28 {
                    depth += 1;
                } else if f[i] == 0x29 {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key = if bytes_mode {
                let kb: Vec<u8> = f[s..i - 1].iter().map(|&c| c as u8).collect();
                crate::objects::bytes::PyBytes::new(&kb)?
            } else {
                new_cps(&f[s..i - 1])?
            };
            keyed = Some(protocol::get_item(d, &key)?);
            arglen = -1;
            argidx = -2;
        }
        let mut fl = PctFlags {
            left: false,
            sign: false,
            space: false,
            alt: false,
            zero: false,
        };
        while i < n {
            match f[i] {
                0x2D => fl.left = true,
                0x2B => fl.sign = true,
                0x20 => fl.space = true,
                0x23 => fl.alt = true,
                0x30 => fl.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: usize = 0;
        if i < n && f[i] == 0x2A {
            let w = next_arg(arglen, &mut argidx, &keyed)?;
            if !w.is_instance_of::<PyInt>() {
                return Err(PyErr::type_error("* wants int"));
            }
            let wv = crate::objects::int::as_i64(&w)?;
            if wv < 0 {
                fl.left = true;
            }
            width = wv.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && (0x30..=0x39).contains(&f[i]) {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add((f[i] - 0x30) as usize))
                    .filter(|&w| w <= isize::MAX as usize)
                    .ok_or_else(|| PyErr::value_error("width too big"))?;
                i += 1;
            }
        }
        let mut prec: Option<usize> = None;
        if i < n && f[i] == 0x2E {
            i += 1;
            let mut p: usize = 0;
            if i < n && f[i] == 0x2A {
                let w = next_arg(arglen, &mut argidx, &keyed)?;
                if !w.is_instance_of::<PyInt>() {
                    return Err(PyErr::type_error("* wants int"));
                }
                // `_PyLong_AsInt`: a C int.
                p = crate::objects::int::as_c_int(&w)?.max(0) as usize;
                i += 1;
            } else {
                while i < n && (0x30..=0x39).contains(&f[i]) {
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add((f[i] - 0x30) as usize))
                        .filter(|&w| w <= i32::MAX as usize)
                        .ok_or_else(|| PyErr::value_error("precision too big"))?;
                    i += 1;
                }
            }
            prec = Some(p);
        }
        // Length modifiers (`%ld`, `%hd`, `%Lf`) are accepted and ignored.
        while i < n && matches!(f[i], 0x68 | 0x6C | 0x4C) {
            i += 1;
        }
        if i >= n {
            return Err(PyErr::value_error("incomplete format"));
        }
        let conv_at = i;
        let conv = f[i];
        i += 1;
        let v = if conv == 0x25 {
            // `%%` is only recognised right after the `%`.
            args.clone()
        } else {
            next_arg(arglen, &mut argidx, &keyed)?
        };
        let convc = char::from_u32(conv).unwrap_or('\u{FFFD}');
        let text: String = match convc {
            's' | 'b' if bytes_mode => {
                let mut c: Vec<u32> = bytes_of_arg(&v)?.into_iter().map(u32::from).collect();
                if let Some(p) = prec {
                    c.truncate(p);
                }
                let pad = width.saturating_sub(c.len());
                if fl.left {
                    out.extend_from_slice(&c);
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                } else {
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                    out.extend_from_slice(&c);
                }
                continue;
            }
            's' | 'r' | 'a' => {
                let s = match convc {
                    's' => protocol::str_(&v)?,
                    'r' if !bytes_mode => protocol::repr(&v)?,
                    'r' => protocol::repr(&v)?,
                    _ => {
                        let r = protocol::repr(&v)?;
                        // SAFETY: repr returns a str.
                        new_cps(&ascii_escape(unsafe { r.payload_unchecked::<PyStr>() }))?
                    }
                };
                // SAFETY: str_/repr return strs.
                let sp = unsafe { s.payload_unchecked::<PyStr>() };
                let len = prec.map_or(sp.len(), |p| p.min(sp.len()));
                let pad = width.saturating_sub(len);
                if !fl.left {
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                }
                if len == sp.len() {
                    push_cps(&mut out, sp);
                } else {
                    out.extend(sp.chars().take(len));
                }
                if fl.left {
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                }
                continue;
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                use num_traits::Signed;
                let radix = match convc {
                    'x' | 'X' => 16,
                    'o' => 8,
                    _ => 10,
                };
                // An int in the machine range: digits without a BigInt.
                let small = v
                    .downcast::<PyInt>()
                    .filter(|i| i.big.is_none())
                    .map(|i| i.small);
                let (negative, mut digits) = match small {
                    Some(x) => {
                        let d = crate::objects::float::small_digits(
                            x.unsigned_abs(),
                            radix as u64,
                            false,
                        );
                        (x < 0, d)
                    }
                    None => {
                        let big = int_arg(&v, convc)?;
                        if radix == 10 {
                            crate::objects::int::check_str_limit_bits(&big)?;
                        }
                        let d = big.abs().to_str_radix(radix);
                        if radix == 10 {
                            crate::objects::int::check_str_limit_digits(d.len())?;
                        }
                        (big.is_negative(), d)
                    }
                };
                if convc == 'X' {
                    digits = digits.to_ascii_uppercase();
                }
                if let Some(p) = prec {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                }
                let sign = if negative {
                    "-"
                } else if fl.sign {
                    "+"
                } else if fl.space {
                    " "
                } else {
                    ""
                };
                let prefix = match (fl.alt, convc) {
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    (true, 'o') => "0o",
                    _ => "",
                };
                pad_numeric(&fl, width, sign, prefix, &digits)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = float_arg(&v)?;
                let body =
                    crate::objects::format_spec::format_float(x, convc, prec.unwrap_or(6), fl.alt);
                let (neg, body) = match body.strip_prefix('-') {
                    Some(b) => (true, b.to_owned()),
                    None => (false, body),
                };
                let sign = if neg {
                    "-"
                } else if fl.sign {
                    "+"
                } else if fl.space {
                    " "
                } else {
                    ""
                };
                let zero = fl.zero && x.is_finite();
                let fl2 = PctFlags { zero, ..fl };
                pad_numeric(&fl2, width, sign, "", &body)?
            }
            'c' if bytes_mode => {
                let msg = "%c requires an integer in range(256) or a single byte";
                let ch = if let Some(b) = crate::objects::bytes::buffer_bytes(&v) {
                    if b.len() != 1 {
                        return Err(PyErr::type_error(msg));
                    }
                    b[0] as u32
                } else if has_index(&v) {
                    let k = crate::objects::int::as_ssize_index(&v).unwrap_or(-1);
                    if !(0..256).contains(&k) {
                        return Err(PyErr::overflow_error("%c arg not in range(256)"));
                    }
                    k as u32
                } else {
                    return Err(PyErr::type_error(msg));
                };
                let pad = width.saturating_sub(1);
                if fl.left {
                    out.push(ch);
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                } else {
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                    out.push(ch);
                }
                continue;
            }
            'c' => {
                let ch = if let Some(s) = v.downcast::<PyStr>() {
                    if s.len() != 1 {
                        return Err(PyErr::type_error("%c requires int or char"));
                    }
                    s.char_at(0)
                } else if v.is_instance_of::<PyInt>() {
                    let k = crate::objects::int::as_i64(&v).unwrap_or(-1);
                    if !(0..0x110000).contains(&k) {
                        return Err(PyErr::overflow_error("%c arg not in range(0x110000)"));
                    }
                    k as u32
                } else {
                    return Err(PyErr::type_error("%c requires int or char"));
                };
                let pad = width.saturating_sub(1);
                if fl.left {
                    out.push(ch);
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                } else {
                    grow(&mut out, pad)?;
                    out.resize(out.len() + pad, 0x20);
                    out.push(ch);
                }
                continue;
            }
            _ => {
                let shown = if (0x20..0x7F).contains(&conv) {
                    convc.to_string()
                } else {
                    "?".to_owned()
                };
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{shown}' (0x{conv:x}) at index {conv_at}"
                )));
            }
        };
        out.extend(text.chars().map(|c| c as u32));
    }
    if argidx < arglen && dict.is_none() {
        return Err(PyErr::type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Codecs: utf-8, latin-1, ascii, utf-16 and utf-32 (Objects/unicodeobject.c).

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// `Some(true)`: big-endian; `None`: native with a BOM.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

fn normalize_codec_name(enc: &str) -> String {
    enc.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The codecs CPython's registry knows that are not text encodings
/// (bytes-to-bytes and str-to-str): str.encode/bytes.decode refuse them.
fn non_text_codec(enc: &str, decoding: bool) -> PyResult<()> {
    let norm = normalize_codec_name(enc);
    if matches!(
        norm.as_str(),
        "rot13"
            | "rot-13"
            | "hex"
            | "hex-codec"
            | "base64"
            | "base-64"
            | "base64-codec"
            | "zlib"
            | "zip"
            | "zlib-codec"
            | "bz2"
            | "bz2-codec"
            | "quopri"
            | "quotedprintable"
            | "quoted-printable"
            | "quopri-codec"
            | "uu"
            | "uu-codec"
    ) {
        return Err(PyErr::lookup_error(format!(
            "'{enc}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
            if decoding { "decode" } else { "encode" }
        )));
    }
    Ok(())
}

fn is_utf8_sig(enc: &str) -> bool {
    matches!(normalize_codec_name(enc).as_str(), "utf-8-sig" | "utf8-sig")
}

fn lookup_codec(enc: &str) -> PyResult<Codec> {
    let norm = normalize_codec_name(enc);
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Codec::Utf8,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin"
        | "iso-ir-100" | "csisolatin1" | "iso-8859-1:1987" => Codec::Latin1,
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "cp367" | "csascii" => {
            Codec::Ascii
        }
        "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
        "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
        "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
        "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
        _ => return Err(PyErr::lookup_error(format!("unknown encoding: {enc}"))),
    })
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::lookup_error(format!("unknown error handler name '{errors}'"))
}

fn encode_error(codec: Codec, s: &PyRef, start: usize, end: usize, reason: &str) -> PyErr {
    let args = (|| -> PyResult<Vec<PyRef>> {
        Ok(vec![
            PyStr::new(codec.name())?,
            s.clone(),
            PyInt::new(start as i64)?,
            PyInt::new(end as i64)?,
            PyStr::new(reason)?,
        ])
    })();
    match args {
        Ok(a) => PyErr::with_args(&crate::objects::exceptions::UNICODE_ENCODE_ERROR, &a),
        Err(e) => e,
    }
}

fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let args = (|| -> PyResult<Vec<PyRef>> {
        Ok(vec![
            PyStr::new(codec.name())?,
            crate::objects::bytes::PyBytes::new(data)?,
            PyInt::new(start as i64)?,
            PyInt::new(end as i64)?,
            PyStr::new(reason)?,
        ])
    })();
    match args {
        Ok(a) => PyErr::with_args(&crate::objects::exceptions::UNICODE_DECODE_ERROR, &a),
        Err(e) => e,
    }
}

fn push_unit(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Utf8 => {
            if c < 0x80 {
                out.push(c as u8);
            } else if c < 0x800 {
                out.extend([0xC0 | (c >> 6) as u8, 0x80 | (c & 0x3F) as u8]);
            } else if c < 0x10000 {
                out.extend([
                    0xE0 | (c >> 12) as u8,
                    0x80 | ((c >> 6) & 0x3F) as u8,
                    0x80 | (c & 0x3F) as u8,
                ]);
            } else {
                out.extend([
                    0xF0 | (c >> 18) as u8,
                    0x80 | ((c >> 12) & 0x3F) as u8,
                    0x80 | ((c >> 6) & 0x3F) as u8,
                    0x80 | (c & 0x3F) as u8,
                ]);
            }
        }
        Codec::Latin1 | Codec::Ascii => out.push(c as u8),
        Codec::Utf16(be) => {
            let be = be == Some(true);
            let mut put = |u: u16| {
                if be {
                    out.extend(u.to_be_bytes())
                } else {
                    out.extend(u.to_le_bytes())
                }
            };
            if c >= 0x10000 {
                let v = c - 0x10000;
                put(0xD800 | (v >> 10) as u16);
                put(0xDC00 | (v & 0x3FF) as u16);
            } else {
                put(c as u16);
            }
        }
        Codec::Utf32(be) => {
            if be == Some(true) {
                out.extend(c.to_be_bytes())
            } else {
                out.extend(c.to_le_bytes())
            }
        }
    }
}

/// `str.encode(encoding, errors)` for the built-in codecs.
pub fn encode(s: &PyRef, p: &PyStr, encoding: &str, errors: &str) -> PyResult<PyRef> {
    if is_utf8_sig(encoding) {
        let body = encode(s, p, "utf-8", errors)?;
        let mut v = vec![0xEF, 0xBB, 0xBF];
        v.extend_from_slice(crate::objects::bytes::bytes_data(&body).unwrap_or(&[]));
        return crate::objects::bytes::PyBytes::new(&v);
    }
    non_text_codec(encoding, false)?;
    let codec = match lookup_codec(encoding) {
        Ok(c) => c,
        // Every other codec comes from the registry (`encodings`).
        Err(_) => return crate::modules::_codecs::encode_text(s, encoding, errors),
    };
    if codec == Codec::Utf8 && p.is_ascii() {
        return crate::objects::bytes::PyBytes::new(p.latin1().unwrap_or(&[]));
    }
    let x: Vec<u32> = p.chars().collect();
    let limit = match codec {
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
        _ => 0x110000,
    };
    let bad = |c: u32| c >= limit || (0xD800..0xE000).contains(&c);
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "surrogates not allowed",
    };
    let mut out = Vec::with_capacity(x.len());
    if matches!(codec, Codec::Utf16(None)) {
        out.extend([0xFF, 0xFE]);
    }
    if matches!(codec, Codec::Utf32(None)) {
        out.extend([0xFF, 0xFE, 0, 0]);
    }
    let mut i = 0;
    while i < x.len() {
        let c = x[i];
        if !bad(c) {
            push_unit(&mut out, codec, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        // The UTF-16/32 encoders report one character at a time.
        if !matches!(codec, Codec::Utf16(_) | Codec::Utf32(_)) {
            while end < x.len() && bad(x[end]) {
                end += 1;
            }
        }
        match errors {
            "strict" => return Err(encode_error(codec, s, i, end, reason)),
            "ignore" => {}
            "replace" => {
                for _ in i..end {
                    push_unit(&mut out, codec, 0x3F);
                }
            }
            "backslashreplace" => {
                for &c in &x[i..end] {
                    let t = if c <= 0xFF {
                        format!("\\x{c:02x}")
                    } else if c <= 0xFFFF {
                        format!("\\u{c:04x}")
                    } else {
                        format!("\\U{c:08x}")
                    };
                    for b in t.bytes() {
                        push_unit(&mut out, codec, b as u32);
                    }
                }
            }
            "xmlcharrefreplace" => {
                for &c in &x[i..end] {
                    for b in format!("&#{c};").bytes() {
                        push_unit(&mut out, codec, b as u32);
                    }
                }
            }
            "namereplace" => {
                for &c in &x[i..end] {
                    for b in crate::modules::_codecs::name_escape(c).bytes() {
                        push_unit(&mut out, codec, b as u32);
                    }
                }
            }
            "surrogateescape" => {
                for (k, &c) in x[i..end].iter().enumerate() {
                    if (0xDC80..=0xDCFF).contains(&c)
                        && !matches!(codec, Codec::Utf16(_) | Codec::Utf32(_))
                    {
                        out.push((c - 0xDC00) as u8);
                    } else {
                        return Err(encode_error(codec, s, i + k, end, reason));
                    }
                }
            }
            "surrogatepass" => {
                for (k, &c) in x[i..end].iter().enumerate() {
                    if (0xD800..0xE000).contains(&c) && c < limit {
                        push_unit(&mut out, codec, c);
                    } else {
                        return Err(encode_error(codec, s, i + k, end, reason));
                    }
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = end;
    }
    crate::objects::bytes::PyBytes::new(&out)
}

/// Applies a decode error handler to `data[start..end]`.
fn decode_handle(
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(codec, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push(0xFFFD);
            Ok(())
        }
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").bytes().map(u32::from));
            }
            Ok(())
        }
        "surrogateescape" => {
            for &b in &data[start..end] {
                if b < 128 {
                    return Err(decode_error(codec, data, start, end, reason));
                }
                out.push(0xDC00 + b as u32);
            }
            Ok(())
        }
        "strict-surrogatepass" => Err(decode_error(codec, data, start, end, reason)),
        "surrogatepass" => {
            // A lone surrogate code unit of UTF-16/32 passes through.
            let unit = match codec {
                Codec::Utf16(Some(be)) if end - start == 2 => {
                    let w = [data[start], data[start + 1]];
                    Some(if be {
                        u16::from_be_bytes(w)
                    } else {
                        u16::from_le_bytes(w)
                    } as u32)
                }
                Codec::Utf32(Some(be)) if end - start == 4 => {
                    let w = [
                        data[start],
                        data[start + 1],
                        data[start + 2],
                        data[start + 3],
                    ];
                    Some(if be {
                        u32::from_be_bytes(w)
                    } else {
                        u32::from_le_bytes(w)
                    })
                }
                _ => None,
            };
            match unit {
                Some(u) if (0xD800..0xE000).contains(&u) => {
                    out.push(u);
                    Ok(())
                }
                _ => Err(decode_error(codec, data, start, end, reason)),
            }
        }
        "xmlcharrefreplace" | "namereplace" => Err(PyErr::type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        _ => Err(unknown_handler(errors)),
    }
}

/// `bytes.decode(encoding, errors)` for the built-in codecs.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<PyRef> {
    if is_utf8_sig(encoding) {
        let body = data.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(data);
        return decode(body, "utf-8", errors);
    }
    non_text_codec(encoding, true)?;
    let codec = match lookup_codec(encoding) {
        Ok(c) => c,
        // Every other codec comes from the registry (`encodings`).
        Err(_) => return crate::modules::_codecs::decode_text(data, encoding, errors),
    };
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    match codec {
        Codec::Latin1 => {
            return PyStr::from_latin1_unchecked(&STR_TYPE, data, data.is_ascii());
        }
        Codec::Ascii => {
            if data.is_ascii() {
                return PyStr::from_latin1_unchecked(&STR_TYPE, data, true);
            }
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as u32);
                } else {
                    decode_handle(
                        codec,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        errors,
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Utf8 => {
            let mut rest = data;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.extend(s.chars().map(|c| c as u32));
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY: from_utf8 validated rest[..good].
                        let s = unsafe { std::str::from_utf8_unchecked(&rest[..good]) };
                        out.extend(s.chars().map(|c| c as u32));
                        let at = base + good;
                        // surrogatepass: a 3-byte encoded surrogate.
                        if errors == "surrogatepass"
                            && rest.len() >= good + 3
                            && rest[good] == 0xED
                            && (0xA0..=0xBF).contains(&rest[good + 1])
                            && (0x80..=0xBF).contains(&rest[good + 2])
                        {
                            let c = ((rest[good] as u32 & 0x0F) << 12)
                                | ((rest[good + 1] as u32 & 0x3F) << 6)
                                | (rest[good + 2] as u32 & 0x3F);
                            out.push(c);
                            rest = &rest[good + 3..];
                            base = at + 3;
                            continue;
                        }
                        let (len, reason) = match e.error_len() {
                            None => (rest.len() - good, "unexpected end of data"),
                            Some(n) => {
                                let b = rest[good];
                                let invalid_start = (0x80..=0xC1).contains(&b) || b >= 0xF5;
                                (
                                    n,
                                    if invalid_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        let errs = if errors == "surrogatepass" {
                            "strict-surrogatepass"
                        } else {
                            errors
                        };
                        decode_handle(codec, data, at, at + len, reason, errs, &mut out)?;
                        rest = &rest[good + len..];
                        base = at + len;
                    }
                }
            }
        }
        Codec::Utf16(order) => {
            let mut be = order == Some(true);
            let mut i = 0;
            if order.is_none() && data.len() >= 2 {
                if data[0] == 0xFF && data[1] == 0xFE {
                    i = 2;
                } else if data[0] == 0xFE && data[1] == 0xFF {
                    be = true;
                    i = 2;
                }
            }
            // Errors name the byte order found ('utf-16-le'), as CPython's do.
            let codec = Codec::Utf16(Some(be));
            let unit = |k: usize| -> u32 {
                let (a, b) = (data[k], data[k + 1]);
                if be {
                    u16::from_be_bytes([a, b]) as u32
                } else {
                    u16::from_le_bytes([a, b]) as u32
                }
            };
            while i < data.len() {
                if i + 1 >= data.len() {
                    decode_handle(
                        codec,
                        data,
                        i,
                        data.len(),
                        "truncated data",
                        errors,
                        &mut out,
                    )?;
                    break;
                }
                let u = unit(i);
                if !(0xD800..0xE000).contains(&u) {
                    out.push(u);
                    i += 2;
                    continue;
                }
                if u >= 0xDC00 {
                    if errors == "surrogatepass" {
                        out.push(u);
                    } else {
                        decode_handle(codec, data, i, i + 2, "illegal encoding", errors, &mut out)?;
                    }
                    i += 2;
                    continue;
                }
                if i + 3 >= data.len() {
                    decode_handle(
                        codec,
                        data,
                        i,
                        data.len(),
                        "unexpected end of data",
                        errors,
                        &mut out,
                    )?;
                    break;
                }
                let lo = unit(i + 2);
                if (0xDC00..0xE000).contains(&lo) {
                    out.push(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                    i += 4;
                } else if errors == "surrogatepass" {
                    out.push(u);
                    i += 2;
                } else {
                    decode_handle(
                        codec,
                        data,
                        i,
                        i + 2,
                        "illegal UTF-16 surrogate",
                        errors,
                        &mut out,
                    )?;
                    i += 2;
                }
            }
        }
        Codec::Utf32(order) => {
            let mut be = order == Some(true);
            let mut i = 0;
            if order.is_none() && data.len() >= 4 {
                if data[..4] == [0xFF, 0xFE, 0, 0] {
                    i = 4;
                } else if data[..4] == [0, 0, 0xFE, 0xFF] {
                    be = true;
                    i = 4;
                }
            }
            let codec = Codec::Utf32(Some(be));
            while i < data.len() {
                if i + 3 >= data.len() {
                    decode_handle(
                        codec,
                        data,
                        i,
                        data.len(),
                        "truncated data",
                        errors,
                        &mut out,
                    )?;
                    break;
                }
                let w = [data[i], data[i + 1], data[i + 2], data[i + 3]];
                let c = if be {
                    u32::from_be_bytes(w)
                } else {
                    u32::from_le_bytes(w)
                };
                if c >= 0x110000 {
                    decode_handle(
                        codec,
                        data,
                        i,
                        i + 4,
                        "code point not in range(0x110000)",
                        errors,
                        &mut out,
                    )?;
                } else if (0xD800..0xE000).contains(&c) && errors != "surrogatepass" {
                    decode_handle(
                        codec,
                        data,
                        i,
                        i + 4,
                        "code point in surrogate code point range(0xd800, 0xe000)",
                        errors,
                        &mut out,
                    )?;
                } else {
                    out.push(c);
                }
                i += 4;
            }
        }
    }
    new_cps(&out)
}

mod tables {
    //! Character classes from CPython 3.11's unicodedata (Unicode 14.0.0),
    //! generated with /usr/bin/python3.11 (str.isdecimal/isdigit/isnumeric/isalpha,
    //! and the characters whose lower() differs from Rust's char::to_lowercase).
    // Case mappings where CPython 3.11 (Unicode 14.0.0) differs from Rust's char methods,
    // generated with /usr/bin/python3.11 against rustc 1.95.0.
    pub(super) static LOWER_EXC: &[(u32, &[u32])] = &[
        (0x1C89, &[0x1C89]),
        (0xA7CB, &[0xA7CB]),
        (0xA7CC, &[0xA7CC]),
        (0xA7CE, &[0xA7CE]),
        (0xA7D2, &[0xA7D2]),
        (0xA7D4, &[0xA7D4]),
        (0xA7DA, &[0xA7DA]),
        (0xA7DC, &[0xA7DC]),
        (0x10D50, &[0x10D50]),
        (0x10D51, &[0x10D51]),
        (0x10D52, &[0x10D52]),
        (0x10D53, &[0x10D53]),
        (0x10D54, &[0x10D54]),
        (0x10D55, &[0x10D55]),
        (0x10D56, &[0x10D56]),
        (0x10D57, &[0x10D57]),
        (0x10D58, &[0x10D58]),
        (0x10D59, &[0x10D59]),
        (0x10D5A, &[0x10D5A]),
        (0x10D5B, &[0x10D5B]),
        (0x10D5C, &[0x10D5C]),
        (0x10D5D, &[0x10D5D]),
        (0x10D5E, &[0x10D5E]),
        (0x10D5F, &[0x10D5F]),
        (0x10D60, &[0x10D60]),
        (0x10D61, &[0x10D61]),
        (0x10D62, &[0x10D62]),
        (0x10D63, &[0x10D63]),
        (0x10D64, &[0x10D64]),
        (0x10D65, &[0x10D65]),
        (0x16EA0, &[0x16EA0]),
        (0x16EA1, &[0x16EA1]),
        (0x16EA2, &[0x16EA2]),
        (0x16EA3, &[0x16EA3]),
        (0x16EA4, &[0x16EA4]),
        (0x16EA5, &[0x16EA5]),
        (0x16EA6, &[0x16EA6]),
        (0x16EA7, &[0x16EA7]),
        (0x16EA8, &[0x16EA8]),
        (0x16EA9, &[0x16EA9]),
        (0x16EAA, &[0x16EAA]),
        (0x16EAB, &[0x16EAB]),
        (0x16EAC, &[0x16EAC]),
        (0x16EAD, &[0x16EAD]),
        (0x16EAE, &[0x16EAE]),
        (0x16EAF, &[0x16EAF]),
        (0x16EB0, &[0x16EB0]),
        (0x16EB1, &[0x16EB1]),
        (0x16EB2, &[0x16EB2]),
        (0x16EB3, &[0x16EB3]),
        (0x16EB4, &[0x16EB4]),
        (0x16EB5, &[0x16EB5]),
        (0x16EB6, &[0x16EB6]),
        (0x16EB7, &[0x16EB7]),
        (0x16EB8, &[0x16EB8]),
    ];
    pub(super) static UPPER_EXC: &[(u32, &[u32])] = &[
        (0x19B, &[0x19B]),
        (0x264, &[0x264]),
        (0x1C8A, &[0x1C8A]),
        (0xA7CD, &[0xA7CD]),
        (0xA7CF, &[0xA7CF]),
        (0xA7D3, &[0xA7D3]),
        (0xA7D5, &[0xA7D5]),
        (0xA7DB, &[0xA7DB]),
        (0x10D70, &[0x10D70]),
        (0x10D71, &[0x10D71]),
        (0x10D72, &[0x10D72]),
        (0x10D73, &[0x10D73]),
        (0x10D74, &[0x10D74]),
        (0x10D75, &[0x10D75]),
        (0x10D76, &[0x10D76]),
        (0x10D77, &[0x10D77]),
        (0x10D78, &[0x10D78]),
        (0x10D79, &[0x10D79]),
        (0x10D7A, &[0x10D7A]),
        (0x10D7B, &[0x10D7B]),
        (0x10D7C, &[0x10D7C]),
        (0x10D7D, &[0x10D7D]),
        (0x10D7E, &[0x10D7E]),
        (0x10D7F, &[0x10D7F]),
        (0x10D80, &[0x10D80]),
        (0x10D81, &[0x10D81]),
        (0x10D82, &[0x10D82]),
        (0x10D83, &[0x10D83]),
        (0x10D84, &[0x10D84]),
        (0x10D85, &[0x10D85]),
        (0x16EBB, &[0x16EBB]),
        (0x16EBC, &[0x16EBC]),
        (0x16EBD, &[0x16EBD]),
        (0x16EBE, &[0x16EBE]),
        (0x16EBF, &[0x16EBF]),
        (0x16EC0, &[0x16EC0]),
        (0x16EC1, &[0x16EC1]),
        (0x16EC2, &[0x16EC2]),
        (0x16EC3, &[0x16EC3]),
        (0x16EC4, &[0x16EC4]),
        (0x16EC5, &[0x16EC5]),
        (0x16EC6, &[0x16EC6]),
        (0x16EC7, &[0x16EC7]),
        (0x16EC8, &[0x16EC8]),
        (0x16EC9, &[0x16EC9]),
        (0x16ECA, &[0x16ECA]),
        (0x16ECB, &[0x16ECB]),
        (0x16ECC, &[0x16ECC]),
        (0x16ECD, &[0x16ECD]),
        (0x16ECE, &[0x16ECE]),
        (0x16ECF, &[0x16ECF]),
        (0x16ED0, &[0x16ED0]),
        (0x16ED1, &[0x16ED1]),
        (0x16ED2, &[0x16ED2]),
        (0x16ED3, &[0x16ED3]),
    ];
    pub(super) static TITLE_EXC: &[(u32, &[u32])] = &[
        (0xDF, &[0x53, 0x73]),
        (0x19B, &[0x19B]),
        (0x1C4, &[0x1C5]),
        (0x1C5, &[0x1C5]),
        (0x1C6, &[0x1C5]),
        (0x1C7, &[0x1C8]),
        (0x1C8, &[0x1C8]),
        (0x1C9, &[0x1C8]),
        (0x1CA, &[0x1CB]),
        (0x1CB, &[0x1CB]),
        (0x1CC, &[0x1CB]),
        (0x1F1, &[0x1F2]),
        (0x1F2, &[0x1F2]),
        (0x1F3, &[0x1F2]),
        (0x264, &[0x264]),
        (0x587, &[0x535, 0x582]),
        (0x10D0, &[0x10D0]),
        (0x10D1, &[0x10D1]),
        (0x10D2, &[0x10D2]),
        (0x10D3, &[0x10D3]),
        (0x10D4, &[0x10D4]),
        (0x10D5, &[0x10D5]),
        (0x10D6, &[0x10D6]),
        (0x10D7, &[0x10D7]),
        (0x10D8, &[0x10D8]),
        (0x10D9, &[0x10D9]),
        (0x10DA, &[0x10DA]),
        (0x10DB, &[0x10DB]),
        (0x10DC, &[0x10DC]),
        (0x10DD, &[0x10DD]),
        (0x10DE, &[0x10DE]),
        (0x10DF, &[0x10DF]),
        (0x10E0, &[0x10E0]),
        (0x10E1, &[0x10E1]),
        (0x10E2, &[0x10E2]),
        (0x10E3, &[0x10E3]),
        (0x10E4, &[0x10E4]),
        (0x10E5, &[0x10E5]),
        (0x10E6, &[0x10E6]),
        (0x10E7, &[0x10E7]),
        (0x10E8, &[0x10E8]),
        (0x10E9, &[0x10E9]),
        (0x10EA, &[0x10EA]),
        (0x10EB, &[0x10EB]),
        (0x10EC, &[0x10EC]),
        (0x10ED, &[0x10ED]),
        (0x10EE, &[0x10EE]),
        (0x10EF, &[0x10EF]),
        (0x10F0, &[0x10F0]),
        (0x10F1, &[0x10F1]),
        (0x10F2, &[0x10F2]),
        (0x10F3, &[0x10F3]),
        (0x10F4, &[0x10F4]),
        (0x10F5, &[0x10F5]),
        (0x10F6, &[0x10F6]),
        (0x10F7, &[0x10F7]),
        (0x10F8, &[0x10F8]),
        (0x10F9, &[0x10F9]),
        (0x10FA, &[0x10FA]),
        (0x10FD, &[0x10FD]),
        (0x10FE, &[0x10FE]),
        (0x10FF, &[0x10FF]),
        (0x1C8A, &[0x1C8A]),
        (0x1F80, &[0x1F88]),
        (0x1F81, &[0x1F89]),
        (0x1F82, &[0x1F8A]),
        (0x1F83, &[0x1F8B]),
        (0x1F84, &[0x1F8C]),
        (0x1F85, &[0x1F8D]),
        (0x1F86, &[0x1F8E]),
        (0x1F87, &[0x1F8F]),
        (0x1F88, &[0x1F88]),
        (0x1F89, &[0x1F89]),
        (0x1F8A, &[0x1F8A]),
        (0x1F8B, &[0x1F8B]),
        (0x1F8C, &[0x1F8C]),
        (0x1F8D, &[0x1F8D]),
        (0x1F8E, &[0x1F8E]),
        (0x1F8F, &[0x1F8F]),
        (0x1F90, &[0x1F98]),
        (0x1F91, &[0x1F99]),
        (0x1F92, &[0x1F9A]),
        (0x1F93, &[0x1F9B]),
        (0x1F94, &[0x1F9C]),
        (0x1F95, &[0x1F9D]),
        (0x1F96, &[0x1F9E]),
        (0x1F97, &[0x1F9F]),
        (0x1F98, &[0x1F98]),
        (0x1F99, &[0x1F99]),
        (0x1F9A, &[0x1F9A]),
        (0x1F9B, &[0x1F9B]),
        (0x1F9C, &[0x1F9C]),
        (0x1F9D, &[0x1F9D]),
        (0x1F9E, &[0x1F9E]),
        (0x1F9F, &[0x1F9F]),
        (0x1FA0, &[0x1FA8]),
        (0x1FA1, &[0x1FA9]),
        (0x1FA2, &[0x1FAA]),
        (0x1FA3, &[0x1FAB]),
        (0x1FA4, &[0x1FAC]),
        (0x1FA5, &[0x1FAD]),
        (0x1FA6, &[0x1FAE]),
        (0x1FA7, &[0x1FAF]),
        (0x1FA8, &[0x1FA8]),
        (0x1FA9, &[0x1FA9]),
        (0x1FAA, &[0x1FAA]),
        (0x1FAB, &[0x1FAB]),
        (0x1FAC, &[0x1FAC]),
        (0x1FAD, &[0x1FAD]),
        (0x1FAE, &[0x1FAE]),
        (0x1FAF, &[0x1FAF]),
        (0x1FB2, &[0x1FBA, 0x345]),
        (0x1FB3, &[0x1FBC]),
        (0x1FB4, &[0x386, 0x345]),
        (0x1FB7, &[0x391, 0x342, 0x345]),
        (0x1FBC, &[0x1FBC]),
        (0x1FC2, &[0x1FCA, 0x345]),
        (0x1FC3, &[0x1FCC]),
        (0x1FC4, &[0x389, 0x345]),
        (0x1FC7, &[0x397, 0x342, 0x345]),
        (0x1FCC, &[0x1FCC]),
        (0x1FF2, &[0x1FFA, 0x345]),
        (0x1FF3, &[0x1FFC]),
        (0x1FF4, &[0x38F, 0x345]),
        (0x1FF7, &[0x3A9, 0x342, 0x345]),
        (0x1FFC, &[0x1FFC]),
        (0xA7CD, &[0xA7CD]),
        (0xA7CF, &[0xA7CF]),
        (0xA7D3, &[0xA7D3]),
        (0xA7D5, &[0xA7D5]),
        (0xA7DB, &[0xA7DB]),
        (0xFB00, &[0x46, 0x66]),
        (0xFB01, &[0x46, 0x69]),
        (0xFB02, &[0x46, 0x6C]),
        (0xFB03, &[0x46, 0x66, 0x69]),
        (0xFB04, &[0x46, 0x66, 0x6C]),
        (0xFB05, &[0x53, 0x74]),
        (0xFB06, &[0x53, 0x74]),
        (0xFB13, &[0x544, 0x576]),
        (0xFB14, &[0x544, 0x565]),
        (0xFB15, &[0x544, 0x56B]),
        (0xFB16, &[0x54E, 0x576]),
        (0xFB17, &[0x544, 0x56D]),
        (0x10D70, &[0x10D70]),
        (0x10D71, &[0x10D71]),
        (0x10D72, &[0x10D72]),
        (0x10D73, &[0x10D73]),
        (0x10D74, &[0x10D74]),
        (0x10D75, &[0x10D75]),
        (0x10D76, &[0x10D76]),
        (0x10D77, &[0x10D77]),
        (0x10D78, &[0x10D78]),
        (0x10D79, &[0x10D79]),
        (0x10D7A, &[0x10D7A]),
        (0x10D7B, &[0x10D7B]),
        (0x10D7C, &[0x10D7C]),
        (0x10D7D, &[0x10D7D]),
        (0x10D7E, &[0x10D7E]),
        (0x10D7F, &[0x10D7F]),
        (0x10D80, &[0x10D80]),
        (0x10D81, &[0x10D81]),
        (0x10D82, &[0x10D82]),
        (0x10D83, &[0x10D83]),
        (0x10D84, &[0x10D84]),
        (0x10D85, &[0x10D85]),
        (0x16EBB, &[0x16EBB]),
        (0x16EBC, &[0x16EBC]),
        (0x16EBD, &[0x16EBD]),
        (0x16EBE, &[0x16EBE]),
        (0x16EBF, &[0x16EBF]),
        (0x16EC0, &[0x16EC0]),
        (0x16EC1, &[0x16EC1]),
        (0x16EC2, &[0x16EC2]),
        (0x16EC3, &[0x16EC3]),
        (0x16EC4, &[0x16EC4]),
        (0x16EC5, &[0x16EC5]),
        (0x16EC6, &[0x16EC6]),
        (0x16EC7, &[0x16EC7]),
        (0x16EC8, &[0x16EC8]),
        (0x16EC9, &[0x16EC9]),
        (0x16ECA, &[0x16ECA]),
        (0x16ECB, &[0x16ECB]),
        (0x16ECC, &[0x16ECC]),
        (0x16ECD, &[0x16ECD]),
        (0x16ECE, &[0x16ECE]),
        (0x16ECF, &[0x16ECF]),
        (0x16ED0, &[0x16ED0]),
        (0x16ED1, &[0x16ED1]),
        (0x16ED2, &[0x16ED2]),
        (0x16ED3, &[0x16ED3]),
    ];
    pub(super) static FOLD_EXC: &[(u32, &[u32])] = &[
        (0xB5, &[0x3BC]),
        (0xDF, &[0x73, 0x73]),
        (0x149, &[0x2BC, 0x6E]),
        (0x17F, &[0x73]),
        (0x1F0, &[0x6A, 0x30C]),
        (0x345, &[0x3B9]),
        (0x390, &[0x3B9, 0x308, 0x301]),
        (0x3B0, &[0x3C5, 0x308, 0x301]),
        (0x3C2, &[0x3C3]),
        (0x3D0, &[0x3B2]),
        (0x3D1, &[0x3B8]),
        (0x3D5, &[0x3C6]),
        (0x3D6, &[0x3C0]),
        (0x3F0, &[0x3BA]),
        (0x3F1, &[0x3C1]),
        (0x3F5, &[0x3B5]),
        (0x587, &[0x565, 0x582]),
        (0x13A0, &[0x13A0]),
        (0x13A1, &[0x13A1]),
        (0x13A2, &[0x13A2]),
        (0x13A3, &[0x13A3]),
        (0x13A4, &[0x13A4]),
        (0x13A5, &[0x13A5]),
        (0x13A6, &[0x13A6]),
        (0x13A7, &[0x13A7]),
        (0x13A8, &[0x13A8]),
        (0x13A9, &[0x13A9]),
        (0x13AA, &[0x13AA]),
        (0x13AB, &[0x13AB]),
        (0x13AC, &[0x13AC]),
        (0x13AD, &[0x13AD]),
        (0x13AE, &[0x13AE]),
        (0x13AF, &[0x13AF]),
        (0x13B0, &[0x13B0]),
        (0x13B1, &[0x13B1]),
        (0x13B2, &[0x13B2]),
        (0x13B3, &[0x13B3]),
        (0x13B4, &[0x13B4]),
        (0x13B5, &[0x13B5]),
        (0x13B6, &[0x13B6]),
        (0x13B7, &[0x13B7]),
        (0x13B8, &[0x13B8]),
        (0x13B9, &[0x13B9]),
        (0x13BA, &[0x13BA]),
        (0x13BB, &[0x13BB]),
        (0x13BC, &[0x13BC]),
        (0x13BD, &[0x13BD]),
        (0x13BE, &[0x13BE]),
        (0x13BF, &[0x13BF]),
        (0x13C0, &[0x13C0]),
        (0x13C1, &[0x13C1]),
        (0x13C2, &[0x13C2]),
        (0x13C3, &[0x13C3]),
        (0x13C4, &[0x13C4]),
        (0x13C5, &[0x13C5]),
        (0x13C6, &[0x13C6]),
        (0x13C7, &[0x13C7]),
        (0x13C8, &[0x13C8]),
        (0x13C9, &[0x13C9]),
        (0x13CA, &[0x13CA]),
        (0x13CB, &[0x13CB]),
        (0x13CC, &[0x13CC]),
        (0x13CD, &[0x13CD]),
        (0x13CE, &[0x13CE]),
        (0x13CF, &[0x13CF]),
        (0x13D0, &[0x13D0]),
        (0x13D1, &[0x13D1]),
        (0x13D2, &[0x13D2]),
        (0x13D3, &[0x13D3]),
        (0x13D4, &[0x13D4]),
        (0x13D5, &[0x13D5]),
        (0x13D6, &[0x13D6]),
        (0x13D7, &[0x13D7]),
        (0x13D8, &[0x13D8]),
        (0x13D9, &[0x13D9]),
        (0x13DA, &[0x13DA]),
        (0x13DB, &[0x13DB]),
        (0x13DC, &[0x13DC]),
        (0x13DD, &[0x13DD]),
        (0x13DE, &[0x13DE]),
        (0x13DF, &[0x13DF]),
        (0x13E0, &[0x13E0]),
        (0x13E1, &[0x13E1]),
        (0x13E2, &[0x13E2]),
        (0x13E3, &[0x13E3]),
        (0x13E4, &[0x13E4]),
        (0x13E5, &[0x13E5]),
        (0x13E6, &[0x13E6]),
        (0x13E7, &[0x13E7]),
        (0x13E8, &[0x13E8]),
        (0x13E9, &[0x13E9]),
        (0x13EA, &[0x13EA]),
        (0x13EB, &[0x13EB]),
        (0x13EC, &[0x13EC]),
        (0x13ED, &[0x13ED]),
        (0x13EE, &[0x13EE]),
        (0x13EF, &[0x13EF]),
        (0x13F0, &[0x13F0]),
        (0x13F1, &[0x13F1]),
        (0x13F2, &[0x13F2]),
        (0x13F3, &[0x13F3]),
        (0x13F4, &[0x13F4]),
        (0x13F5, &[0x13F5]),
        (0x13F8, &[0x13F0]),
        (0x13F9, &[0x13F1]),
        (0x13FA, &[0x13F2]),
        (0x13FB, &[0x13F3]),
        (0x13FC, &[0x13F4]),
        (0x13FD, &[0x13F5]),
        (0x1C80, &[0x432]),
        (0x1C81, &[0x434]),
        (0x1C82, &[0x43E]),
        (0x1C83, &[0x441]),
        (0x1C84, &[0x442]),
        (0x1C85, &[0x442]),
        (0x1C86, &[0x44A]),
        (0x1C87, &[0x463]),
        (0x1C88, &[0xA64B]),
        (0x1E96, &[0x68, 0x331]),
        (0x1E97, &[0x74, 0x308]),
        (0x1E98, &[0x77, 0x30A]),
        (0x1E99, &[0x79, 0x30A]),
        (0x1E9A, &[0x61, 0x2BE]),
        (0x1E9B, &[0x1E61]),
        (0x1E9E, &[0x73, 0x73]),
        (0x1F50, &[0x3C5, 0x313]),
        (0x1F52, &[0x3C5, 0x313, 0x300]),
        (0x1F54, &[0x3C5, 0x313, 0x301]),
        (0x1F56, &[0x3C5, 0x313, 0x342]),
        (0x1F80, &[0x1F00, 0x3B9]),
        (0x1F81, &[0x1F01, 0x3B9]),
        (0x1F82, &[0x1F02, 0x3B9]),
        (0x1F83, &[0x1F03, 0x3B9]),
        (0x1F84, &[0x1F04, 0x3B9]),
        (0x1F85, &[0x1F05, 0x3B9]),
        (0x1F86, &[0x1F06, 0x3B9]),
        (0x1F87, &[0x1F07, 0x3B9]),
        (0x1F88, &[0x1F00, 0x3B9]),
        (0x1F89, &[0x1F01, 0x3B9]),
        (0x1F8A, &[0x1F02, 0x3B9]),
        (0x1F8B, &[0x1F03, 0x3B9]),
        (0x1F8C, &[0x1F04, 0x3B9]),
        (0x1F8D, &[0x1F05, 0x3B9]),
        (0x1F8E, &[0x1F06, 0x3B9]),
        (0x1F8F, &[0x1F07, 0x3B9]),
        (0x1F90, &[0x1F20, 0x3B9]),
        (0x1F91, &[0x1F21, 0x3B9]),
        (0x1F92, &[0x1F22, 0x3B9]),
        (0x1F93, &[0x1F23, 0x3B9]),
        (0x1F94, &[0x1F24, 0x3B9]),
        (0x1F95, &[0x1F25, 0x3B9]),
        (0x1F96, &[0x1F26, 0x3B9]),
        (0x1F97, &[0x1F27, 0x3B9]),
        (0x1F98, &[0x1F20, 0x3B9]),
        (0x1F99, &[0x1F21, 0x3B9]),
        (0x1F9A, &[0x1F22, 0x3B9]),
        (0x1F9B, &[0x1F23, 0x3B9]),
        (0x1F9C, &[0x1F24, 0x3B9]),
        (0x1F9D, &[0x1F25, 0x3B9]),
        (0x1F9E, &[0x1F26, 0x3B9]),
        (0x1F9F, &[0x1F27, 0x3B9]),
        (0x1FA0, &[0x1F60, 0x3B9]),
        (0x1FA1, &[0x1F61, 0x3B9]),
        (0x1FA2, &[0x1F62, 0x3B9]),
        (0x1FA3, &[0x1F63, 0x3B9]),
        (0x1FA4, &[0x1F64, 0x3B9]),
        (0x1FA5, &[0x1F65, 0x3B9]),
        (0x1FA6, &[0x1F66, 0x3B9]),
        (0x1FA7, &[0x1F67, 0x3B9]),
        (0x1FA8, &[0x1F60, 0x3B9]),
        (0x1FA9, &[0x1F61, 0x3B9]),
        (0x1FAA, &[0x1F62, 0x3B9]),
        (0x1FAB, &[0x1F63, 0x3B9]),
        (0x1FAC, &[0x1F64, 0x3B9]),
        (0x1FAD, &[0x1F65, 0x3B9]),
        (0x1FAE, &[0x1F66, 0x3B9]),
        (0x1FAF, &[0x1F67, 0x3B9]),
        (0x1FB2, &[0x1F70, 0x3B9]),
        (0x1FB3, &[0x3B1, 0x3B9]),
        (0x1FB4, &[0x3AC, 0x3B9]),
        (0x1FB6, &[0x3B1, 0x342]),
        (0x1FB7, &[0x3B1, 0x342, 0x3B9]),
        (0x1FBC, &[0x3B1, 0x3B9]),
        (0x1FBE, &[0x3B9]),
        (0x1FC2, &[0x1F74, 0x3B9]),
        (0x1FC3, &[0x3B7, 0x3B9]),
        (0x1FC4, &[0x3AE, 0x3B9]),
        (0x1FC6, &[0x3B7, 0x342]),
        (0x1FC7, &[0x3B7, 0x342, 0x3B9]),
        (0x1FCC, &[0x3B7, 0x3B9]),
        (0x1FD2, &[0x3B9, 0x308, 0x300]),
        (0x1FD3, &[0x3B9, 0x308, 0x301]),
        (0x1FD6, &[0x3B9, 0x342]),
        (0x1FD7, &[0x3B9, 0x308, 0x342]),
        (0x1FE2, &[0x3C5, 0x308, 0x300]),
        (0x1FE3, &[0x3C5, 0x308, 0x301]),
        (0x1FE4, &[0x3C1, 0x313]),
        (0x1FE6, &[0x3C5, 0x342]),
        (0x1FE7, &[0x3C5, 0x308, 0x342]),
        (0x1FF2, &[0x1F7C, 0x3B9]),
        (0x1FF3, &[0x3C9, 0x3B9]),
        (0x1FF4, &[0x3CE, 0x3B9]),
        (0x1FF6, &[0x3C9, 0x342]),
        (0x1FF7, &[0x3C9, 0x342, 0x3B9]),
        (0x1FFC, &[0x3C9, 0x3B9]),
        (0xAB70, &[0x13A0]),
        (0xAB71, &[0x13A1]),
        (0xAB72, &[0x13A2]),
        (0xAB73, &[0x13A3]),
        (0xAB74, &[0x13A4]),
        (0xAB75, &[0x13A5]),
        (0xAB76, &[0x13A6]),
        (0xAB77, &[0x13A7]),
        (0xAB78, &[0x13A8]),
        (0xAB79, &[0x13A9]),
        (0xAB7A, &[0x13AA]),
        (0xAB7B, &[0x13AB]),
        (0xAB7C, &[0x13AC]),
        (0xAB7D, &[0x13AD]),
        (0xAB7E, &[0x13AE]),
        (0xAB7F, &[0x13AF]),
        (0xAB80, &[0x13B0]),
        (0xAB81, &[0x13B1]),
        (0xAB82, &[0x13B2]),
        (0xAB83, &[0x13B3]),
        (0xAB84, &[0x13B4]),
        (0xAB85, &[0x13B5]),
        (0xAB86, &[0x13B6]),
        (0xAB87, &[0x13B7]),
        (0xAB88, &[0x13B8]),
        (0xAB89, &[0x13B9]),
        (0xAB8A, &[0x13BA]),
        (0xAB8B, &[0x13BB]),
        (0xAB8C, &[0x13BC]),
        (0xAB8D, &[0x13BD]),
        (0xAB8E, &[0x13BE]),
        (0xAB8F, &[0x13BF]),
        (0xAB90, &[0x13C0]),
        (0xAB91, &[0x13C1]),
        (0xAB92, &[0x13C2]),
        (0xAB93, &[0x13C3]),
        (0xAB94, &[0x13C4]),
        (0xAB95, &[0x13C5]),
        (0xAB96, &[0x13C6]),
        (0xAB97, &[0x13C7]),
        (0xAB98, &[0x13C8]),
        (0xAB99, &[0x13C9]),
        (0xAB9A, &[0x13CA]),
        (0xAB9B, &[0x13CB]),
        (0xAB9C, &[0x13CC]),
        (0xAB9D, &[0x13CD]),
        (0xAB9E, &[0x13CE]),
        (0xAB9F, &[0x13CF]),
        (0xABA0, &[0x13D0]),
        (0xABA1, &[0x13D1]),
        (0xABA2, &[0x13D2]),
        (0xABA3, &[0x13D3]),
        (0xABA4, &[0x13D4]),
        (0xABA5, &[0x13D5]),
        (0xABA6, &[0x13D6]),
        (0xABA7, &[0x13D7]),
        (0xABA8, &[0x13D8]),
        (0xABA9, &[0x13D9]),
        (0xABAA, &[0x13DA]),
        (0xABAB, &[0x13DB]),
        (0xABAC, &[0x13DC]),
        (0xABAD, &[0x13DD]),
        (0xABAE, &[0x13DE]),
        (0xABAF, &[0x13DF]),
        (0xABB0, &[0x13E0]),
        (0xABB1, &[0x13E1]),
        (0xABB2, &[0x13E2]),
        (0xABB3, &[0x13E3]),
        (0xABB4, &[0x13E4]),
        (0xABB5, &[0x13E5]),
        (0xABB6, &[0x13E6]),
        (0xABB7, &[0x13E7]),
        (0xABB8, &[0x13E8]),
        (0xABB9, &[0x13E9]),
        (0xABBA, &[0x13EA]),
        (0xABBB, &[0x13EB]),
        (0xABBC, &[0x13EC]),
        (0xABBD, &[0x13ED]),
        (0xABBE, &[0x13EE]),
        (0xABBF, &[0x13EF]),
        (0xFB00, &[0x66, 0x66]),
        (0xFB01, &[0x66, 0x69]),
        (0xFB02, &[0x66, 0x6C]),
        (0xFB03, &[0x66, 0x66, 0x69]),
        (0xFB04, &[0x66, 0x66, 0x6C]),
        (0xFB05, &[0x73, 0x74]),
        (0xFB06, &[0x73, 0x74]),
        (0xFB13, &[0x574, 0x576]),
        (0xFB14, &[0x574, 0x565]),
        (0xFB15, &[0x574, 0x56B]),
        (0xFB16, &[0x57E, 0x576]),
        (0xFB17, &[0x574, 0x56D]),
    ];
    /// Code points whose Lowercase (bit 0) / Uppercase (bit 1) property differs from Rust's.
    pub(super) static CASE_FLAG_EXC: &[(u32, u8)] = &[
        (0x295, 1),
        (0x10FC, 0),
        (0x1C89, 0),
        (0x1C8A, 0),
        (0xA7CB, 0),
        (0xA7CC, 0),
        (0xA7CD, 0),
        (0xA7CE, 0),
        (0xA7CF, 0),
        (0xA7D2, 0),
        (0xA7D4, 0),
        (0xA7DA, 0),
        (0xA7DB, 0),
        (0xA7DC, 0),
        (0xA7F1, 0),
        (0xA7F2, 0),
        (0xA7F3, 0),
        (0xA7F4, 0),
        (0xAB69, 0),
        (0x10D50, 0),
        (0x10D51, 0),
        (0x10D52, 0),
        (0x10D53, 0),
        (0x10D54, 0),
        (0x10D55, 0),
        (0x10D56, 0),
        (0x10D57, 0),
        (0x10D58, 0),
        (0x10D59, 0),
        (0x10D5A, 0),
        (0x10D5B, 0),
        (0x10D5C, 0),
        (0x10D5D, 0),
        (0x10D5E, 0),
        (0x10D5F, 0),
        (0x10D60, 0),
        (0x10D61, 0),
        (0x10D62, 0),
        (0x10D63, 0),
        (0x10D64, 0),
        (0x10D65, 0),
        (0x10D70, 0),
        (0x10D71, 0),
        (0x10D72, 0),
        (0x10D73, 0),
        (0x10D74, 0),
        (0x10D75, 0),
        (0x10D76, 0),
        (0x10D77, 0),
        (0x10D78, 0),
        (0x10D79, 0),
        (0x10D7A, 0),
        (0x10D7B, 0),
        (0x10D7C, 0),
        (0x10D7D, 0),
        (0x10D7E, 0),
        (0x10D7F, 0),
        (0x10D80, 0),
        (0x10D81, 0),
        (0x10D82, 0),
        (0x10D83, 0),
        (0x10D84, 0),
        (0x10D85, 0),
        (0x16EA0, 0),
        (0x16EA1, 0),
        (0x16EA2, 0),
        (0x16EA3, 0),
        (0x16EA4, 0),
        (0x16EA5, 0),
        (0x16EA6, 0),
        (0x16EA7, 0),
        (0x16EA8, 0),
        (0x16EA9, 0),
        (0x16EAA, 0),
        (0x16EAB, 0),
        (0x16EAC, 0),
        (0x16EAD, 0),
        (0x16EAE, 0),
        (0x16EAF, 0),
        (0x16EB0, 0),
        (0x16EB1, 0),
        (0x16EB2, 0),
        (0x16EB3, 0),
        (0x16EB4, 0),
        (0x16EB5, 0),
        (0x16EB6, 0),
        (0x16EB7, 0),
        (0x16EB8, 0),
        (0x16EBB, 0),
        (0x16EBC, 0),
        (0x16EBD, 0),
        (0x16EBE, 0),
        (0x16EBF, 0),
        (0x16EC0, 0),
        (0x16EC1, 0),
        (0x16EC2, 0),
        (0x16EC3, 0),
        (0x16EC4, 0),
        (0x16EC5, 0),
        (0x16EC6, 0),
        (0x16EC7, 0),
        (0x16EC8, 0),
        (0x16EC9, 0),
        (0x16ECA, 0),
        (0x16ECB, 0),
        (0x16ECC, 0),
        (0x16ECD, 0),
        (0x16ECE, 0),
        (0x16ECF, 0),
        (0x16ED0, 0),
        (0x16ED1, 0),
        (0x16ED2, 0),
        (0x16ED3, 0),
        (0x1DF25, 0),
        (0x1DF26, 0),
        (0x1DF27, 0),
        (0x1DF28, 0),
        (0x1DF29, 0),
        (0x1DF2A, 0),
        (0x1E030, 0),
        (0x1E031, 0),
        (0x1E032, 0),
        (0x1E033, 0),
        (0x1E034, 0),
        (0x1E035, 0),
        (0x1E036, 0),
        (0x1E037, 0),
        (0x1E038, 0),
        (0x1E039, 0),
        (0x1E03A, 0),
        (0x1E03B, 0),
        (0x1E03C, 0),
        (0x1E03D, 0),
        (0x1E03E, 0),
        (0x1E03F, 0),
        (0x1E040, 0),
        (0x1E041, 0),
        (0x1E042, 0),
        (0x1E043, 0),
        (0x1E044, 0),
        (0x1E045, 0),
        (0x1E046, 0),
        (0x1E047, 0),
        (0x1E048, 0),
        (0x1E049, 0),
        (0x1E04A, 0),
        (0x1E04B, 0),
        (0x1E04C, 0),
        (0x1E04D, 0),
        (0x1E04E, 0),
        (0x1E04F, 0),
        (0x1E050, 0),
        (0x1E051, 0),
        (0x1E052, 0),
        (0x1E053, 0),
        (0x1E054, 0),
        (0x1E055, 0),
        (0x1E056, 0),
        (0x1E057, 0),
        (0x1E058, 0),
        (0x1E059, 0),
        (0x1E05A, 0),
        (0x1E05B, 0),
        (0x1E05C, 0),
        (0x1E05D, 0),
        (0x1E05E, 0),
        (0x1E05F, 0),
        (0x1E060, 0),
        (0x1E061, 0),
        (0x1E062, 0),
        (0x1E063, 0),
        (0x1E064, 0),
        (0x1E065, 0),
        (0x1E066, 0),
        (0x1E067, 0),
        (0x1E068, 0),
        (0x1E069, 0),
        (0x1E06A, 0),
        (0x1E06B, 0),
        (0x1E06C, 0),
        (0x1E06D, 0),
    ];
    /// Titlecase letters (category Lt).
    pub(super) static TITLECASE: &[u32] = &[
        0x1C5, 0x1C8, 0x1CB, 0x1F2, 0x1F88, 0x1F89, 0x1F8A, 0x1F8B, 0x1F8C, 0x1F8D, 0x1F8E, 0x1F8F,
        0x1F98, 0x1F99, 0x1F9A, 0x1F9B, 0x1F9C, 0x1F9D, 0x1F9E, 0x1F9F, 0x1FA8, 0x1FA9, 0x1FAA,
        0x1FAB, 0x1FAC, 0x1FAD, 0x1FAE, 0x1FAF, 0x1FBC, 0x1FCC, 0x1FFC,
    ];
    pub(super) static DECIMAL: &[(u32, u32)] = &[
        (0x30, 0x39),
        (0x660, 0x669),
        (0x6F0, 0x6F9),
        (0x7C0, 0x7C9),
        (0x966, 0x96F),
        (0x9E6, 0x9EF),
        (0xA66, 0xA6F),
        (0xAE6, 0xAEF),
        (0xB66, 0xB6F),
        (0xBE6, 0xBEF),
        (0xC66, 0xC6F),
        (0xCE6, 0xCEF),
        (0xD66, 0xD6F),
        (0xDE6, 0xDEF),
        (0xE50, 0xE59),
        (0xED0, 0xED9),
        (0xF20, 0xF29),
        (0x1040, 0x1049),
        (0x1090, 0x1099),
        (0x17E0, 0x17E9),
        (0x1810, 0x1819),
        (0x1946, 0x194F),
        (0x19D0, 0x19D9),
        (0x1A80, 0x1A89),
        (0x1A90, 0x1A99),
        (0x1B50, 0x1B59),
        (0x1BB0, 0x1BB9),
        (0x1C40, 0x1C49),
        (0x1C50, 0x1C59),
        (0xA620, 0xA629),
        (0xA8D0, 0xA8D9),
        (0xA900, 0xA909),
        (0xA9D0, 0xA9D9),
        (0xA9F0, 0xA9F9),
        (0xAA50, 0xAA59),
        (0xABF0, 0xABF9),
        (0xFF10, 0xFF19),
        (0x104A0, 0x104A9),
        (0x10D30, 0x10D39),
        (0x11066, 0x1106F),
        (0x110F0, 0x110F9),
        (0x11136, 0x1113F),
        (0x111D0, 0x111D9),
        (0x112F0, 0x112F9),
        (0x11450, 0x11459),
        (0x114D0, 0x114D9),
        (0x11650, 0x11659),
        (0x116C0, 0x116C9),
        (0x11730, 0x11739),
        (0x118E0, 0x118E9),
        (0x11950, 0x11959),
        (0x11C50, 0x11C59),
        (0x11D50, 0x11D59),
        (0x11DA0, 0x11DA9),
        (0x16A60, 0x16A69),
        (0x16AC0, 0x16AC9),
        (0x16B50, 0x16B59),
        (0x1D7CE, 0x1D7FF),
        (0x1E140, 0x1E149),
        (0x1E2F0, 0x1E2F9),
        (0x1E950, 0x1E959),
        (0x1FBF0, 0x1FBF9),
    ];
    pub(super) static DIGIT: &[(u32, u32)] = &[
        (0x30, 0x39),
        (0xB2, 0xB3),
        (0xB9, 0xB9),
        (0x660, 0x669),
        (0x6F0, 0x6F9),
        (0x7C0, 0x7C9),
        (0x966, 0x96F),
        (0x9E6, 0x9EF),
        (0xA66, 0xA6F),
        (0xAE6, 0xAEF),
        (0xB66, 0xB6F),
        (0xBE6, 0xBEF),
        (0xC66, 0xC6F),
        (0xCE6, 0xCEF),
        (0xD66, 0xD6F),
        (0xDE6, 0xDEF),
        (0xE50, 0xE59),
        (0xED0, 0xED9),
        (0xF20, 0xF29),
        (0x1040, 0x1049),
        (0x1090, 0x1099),
        (0x1369, 0x1371),
        (0x17E0, 0x17E9),
        (0x1810, 0x1819),
        (0x1946, 0x194F),
        (0x19D0, 0x19DA),
        (0x1A80, 0x1A89),
        (0x1A90, 0x1A99),
        (0x1B50, 0x1B59),
        (0x1BB0, 0x1BB9),
        (0x1C40, 0x1C49),
        (0x1C50, 0x1C59),
        (0x2070, 0x2070),
        (0x2074, 0x2079),
        (0x2080, 0x2089),
        (0x2460, 0x2468),
        (0x2474, 0x247C),
        (0x2488, 0x2490),
        (0x24EA, 0x24EA),
        (0x24F5, 0x24FD),
        (0x24FF, 0x24FF),
        (0x2776, 0x277E),
        (0x2780, 0x2788),
        (0x278A, 0x2792),
        (0xA620, 0xA629),
        (0xA8D0, 0xA8D9),
        (0xA900, 0xA909),
        (0xA9D0, 0xA9D9),
        (0xA9F0, 0xA9F9),
        (0xAA50, 0xAA59),
        (0xABF0, 0xABF9),
        (0xFF10, 0xFF19),
        (0x104A0, 0x104A9),
        (0x10A40, 0x10A43),
        (0x10D30, 0x10D39),
        (0x10E60, 0x10E68),
        (0x11052, 0x1105A),
        (0x11066, 0x1106F),
        (0x110F0, 0x110F9),
        (0x11136, 0x1113F),
        (0x111D0, 0x111D9),
        (0x112F0, 0x112F9),
        (0x11450, 0x11459),
        (0x114D0, 0x114D9),
        (0x11650, 0x11659),
        (0x116C0, 0x116C9),
        (0x11730, 0x11739),
        (0x118E0, 0x118E9),
        (0x11950, 0x11959),
        (0x11C50, 0x11C59),
        (0x11D50, 0x11D59),
        (0x11DA0, 0x11DA9),
        (0x16A60, 0x16A69),
        (0x16AC0, 0x16AC9),
        (0x16B50, 0x16B59),
        (0x1D7CE, 0x1D7FF),
        (0x1E140, 0x1E149),
        (0x1E2F0, 0x1E2F9),
        (0x1E950, 0x1E959),
        (0x1F100, 0x1F10A),
        (0x1FBF0, 0x1FBF9),
    ];
    pub(super) static NUMERIC: &[(u32, u32)] = &[
        (0x30, 0x39),
        (0xB2, 0xB3),
        (0xB9, 0xB9),
        (0xBC, 0xBE),
        (0x660, 0x669),
        (0x6F0, 0x6F9),
        (0x7C0, 0x7C9),
        (0x966, 0x96F),
        (0x9E6, 0x9EF),
        (0x9F4, 0x9F9),
        (0xA66, 0xA6F),
        (0xAE6, 0xAEF),
        (0xB66, 0xB6F),
        (0xB72, 0xB77),
        (0xBE6, 0xBF2),
        (0xC66, 0xC6F),
        (0xC78, 0xC7E),
        (0xCE6, 0xCEF),
        (0xD58, 0xD5E),
        (0xD66, 0xD78),
        (0xDE6, 0xDEF),
        (0xE50, 0xE59),
        (0xED0, 0xED9),
        (0xF20, 0xF33),
        (0x1040, 0x1049),
        (0x1090, 0x1099),
        (0x1369, 0x137C),
        (0x16EE, 0x16F0),
        (0x17E0, 0x17E9),
        (0x17F0, 0x17F9),
        (0x1810, 0x1819),
        (0x1946, 0x194F),
        (0x19D0, 0x19DA),
        (0x1A80, 0x1A89),
        (0x1A90, 0x1A99),
        (0x1B50, 0x1B59),
        (0x1BB0, 0x1BB9),
        (0x1C40, 0x1C49),
        (0x1C50, 0x1C59),
        (0x2070, 0x2070),
        (0x2074, 0x2079),
        (0x2080, 0x2089),
        (0x2150, 0x2182),
        (0x2185, 0x2189),
        (0x2460, 0x249B),
        (0x24EA, 0x24FF),
        (0x2776, 0x2793),
        (0x2CFD, 0x2CFD),
        (0x3007, 0x3007),
        (0x3021, 0x3029),
        (0x3038, 0x303A),
        (0x3192, 0x3195),
        (0x3220, 0x3229),
        (0x3248, 0x324F),
        (0x3251, 0x325F),
        (0x3280, 0x3289),
        (0x32B1, 0x32BF),
        (0x3405, 0x3405),
        (0x3483, 0x3483),
        (0x382A, 0x382A),
        (0x3B4D, 0x3B4D),
        (0x4E00, 0x4E00),
        (0x4E03, 0x4E03),
        (0x4E07, 0x4E07),
        (0x4E09, 0x4E09),
        (0x4E5D, 0x4E5D),
        (0x4E8C, 0x4E8C),
        (0x4E94, 0x4E94),
        (0x4E96, 0x4E96),
        (0x4EBF, 0x4EC0),
        (0x4EDF, 0x4EDF),
        (0x4EE8, 0x4EE8),
        (0x4F0D, 0x4F0D),
        (0x4F70, 0x4F70),
        (0x5104, 0x5104),
        (0x5146, 0x5146),
        (0x5169, 0x5169),
        (0x516B, 0x516B),
        (0x516D, 0x516D),
        (0x5341, 0x5341),
        (0x5343, 0x5345),
        (0x534C, 0x534C),
        (0x53C1, 0x53C4),
        (0x56DB, 0x56DB),
        (0x58F1, 0x58F1),
        (0x58F9, 0x58F9),
        (0x5E7A, 0x5E7A),
        (0x5EFE, 0x5EFF),
        (0x5F0C, 0x5F0E),
        (0x5F10, 0x5F10),
        (0x62FE, 0x62FE),
        (0x634C, 0x634C),
        (0x67D2, 0x67D2),
        (0x6F06, 0x6F06),
        (0x7396, 0x7396),
        (0x767E, 0x767E),
        (0x8086, 0x8086),
        (0x842C, 0x842C),
        (0x8CAE, 0x8CAE),
        (0x8CB3, 0x8CB3),
        (0x8D30, 0x8D30),
        (0x9621, 0x9621),
        (0x9646, 0x9646),
        (0x964C, 0x964C),
        (0x9678, 0x9678),
        (0x96F6, 0x96F6),
        (0xA620, 0xA629),
        (0xA6E6, 0xA6EF),
        (0xA830, 0xA835),
        (0xA8D0, 0xA8D9),
        (0xA900, 0xA909),
        (0xA9D0, 0xA9D9),
        (0xA9F0, 0xA9F9),
        (0xAA50, 0xAA59),
        (0xABF0, 0xABF9),
        (0xF96B, 0xF96B),
        (0xF973, 0xF973),
        (0xF978, 0xF978),
        (0xF9B2, 0xF9B2),
        (0xF9D1, 0xF9D1),
        (0xF9D3, 0xF9D3),
        (0xF9FD, 0xF9FD),
        (0xFF10, 0xFF19),
        (0x10107, 0x10133),
        (0x10140, 0x10178),
        (0x1018A, 0x1018B),
        (0x102E1, 0x102FB),
        (0x10320, 0x10323),
        (0x10341, 0x10341),
        (0x1034A, 0x1034A),
        (0x103D1, 0x103D5),
        (0x104A0, 0x104A9),
        (0x10858, 0x1085F),
        (0x10879, 0x1087F),
        (0x108A7, 0x108AF),
        (0x108FB, 0x108FF),
        (0x10916, 0x1091B),
        (0x109BC, 0x109BD),
        (0x109C0, 0x109CF),
        (0x109D2, 0x109FF),
        (0x10A40, 0x10A48),
        (0x10A7D, 0x10A7E),
        (0x10A9D, 0x10A9F),
        (0x10AEB, 0x10AEF),
        (0x10B58, 0x10B5F),
        (0x10B78, 0x10B7F),
        (0x10BA9, 0x10BAF),
        (0x10CFA, 0x10CFF),
        (0x10D30, 0x10D39),
        (0x10E60, 0x10E7E),
        (0x10F1D, 0x10F26),
        (0x10F51, 0x10F54),
        (0x10FC5, 0x10FCB),
        (0x11052, 0x1106F),
        (0x110F0, 0x110F9),
        (0x11136, 0x1113F),
        (0x111D0, 0x111D9),
        (0x111E1, 0x111F4),
        (0x112F0, 0x112F9),
        (0x11450, 0x11459),
        (0x114D0, 0x114D9),
        (0x11650, 0x11659),
        (0x116C0, 0x116C9),
        (0x11730, 0x1173B),
        (0x118E0, 0x118F2),
        (0x11950, 0x11959),
        (0x11C50, 0x11C6C),
        (0x11D50, 0x11D59),
        (0x11DA0, 0x11DA9),
        (0x11FC0, 0x11FD4),
        (0x12400, 0x1246E),
        (0x16A60, 0x16A69),
        (0x16AC0, 0x16AC9),
        (0x16B50, 0x16B59),
        (0x16B5B, 0x16B61),
        (0x16E80, 0x16E96),
        (0x1D2E0, 0x1D2F3),
        (0x1D360, 0x1D378),
        (0x1D7CE, 0x1D7FF),
        (0x1E140, 0x1E149),
        (0x1E2F0, 0x1E2F9),
        (0x1E8C7, 0x1E8CF),
        (0x1E950, 0x1E959),
        (0x1EC71, 0x1ECAB),
        (0x1ECAD, 0x1ECAF),
        (0x1ECB1, 0x1ECB4),
        (0x1ED01, 0x1ED2D),
        (0x1ED2F, 0x1ED3D),
        (0x1F100, 0x1F10C),
        (0x1FBF0, 0x1FBF9),
        (0x20001, 0x20001),
        (0x20064, 0x20064),
        (0x200E2, 0x200E2),
        (0x20121, 0x20121),
        (0x2092A, 0x2092A),
        (0x20983, 0x20983),
        (0x2098C, 0x2098C),
        (0x2099C, 0x2099C),
        (0x20AEA, 0x20AEA),
        (0x20AFD, 0x20AFD),
        (0x20B19, 0x20B19),
        (0x22390, 0x22390),
        (0x22998, 0x22998),
        (0x23B1B, 0x23B1B),
        (0x2626D, 0x2626D),
        (0x2F890, 0x2F890),
    ];
    pub(super) static ALPHA: &[(u32, u32)] = &[
        (0x41, 0x5A),
        (0x61, 0x7A),
        (0xAA, 0xAA),
        (0xB5, 0xB5),
        (0xBA, 0xBA),
        (0xC0, 0xD6),
        (0xD8, 0xF6),
        (0xF8, 0x2C1),
        (0x2C6, 0x2D1),
        (0x2E0, 0x2E4),
        (0x2EC, 0x2EC),
        (0x2EE, 0x2EE),
        (0x370, 0x374),
        (0x376, 0x377),
        (0x37A, 0x37D),
        (0x37F, 0x37F),
        (0x386, 0x386),
        (0x388, 0x38A),
        (0x38C, 0x38C),
        (0x38E, 0x3A1),
        (0x3A3, 0x3F5),
        (0x3F7, 0x481),
        (0x48A, 0x52F),
        (0x531, 0x556),
        (0x559, 0x559),
        (0x560, 0x588),
        (0x5D0, 0x5EA),
        (0x5EF, 0x5F2),
        (0x620, 0x64A),
        (0x66E, 0x66F),
        (0x671, 0x6D3),
        (0x6D5, 0x6D5),
        (0x6E5, 0x6E6),
        (0x6EE, 0x6EF),
        (0x6FA, 0x6FC),
        (0x6FF, 0x6FF),
        (0x710, 0x710),
        (0x712, 0x72F),
        (0x74D, 0x7A5),
        (0x7B1, 0x7B1),
        (0x7CA, 0x7EA),
        (0x7F4, 0x7F5),
        (0x7FA, 0x7FA),
        (0x800, 0x815),
        (0x81A, 0x81A),
        (0x824, 0x824),
        (0x828, 0x828),
        (0x840, 0x858),
        (0x860, 0x86A),
        (0x870, 0x887),
        (0x889, 0x88E),
        (0x8A0, 0x8C9),
        (0x904, 0x939),
        (0x93D, 0x93D),
        (0x950, 0x950),
        (0x958, 0x961),
        (0x971, 0x980),
        (0x985, 0x98C),
        (0x98F, 0x990),
        (0x993, 0x9A8),
        (0x9AA, 0x9B0),
        (0x9B2, 0x9B2),
        (0x9B6, 0x9B9),
        (0x9BD, 0x9BD),
        (0x9CE, 0x9CE),
        (0x9DC, 0x9DD),
        (0x9DF, 0x9E1),
        (0x9F0, 0x9F1),
        (0x9FC, 0x9FC),
        (0xA05, 0xA0A),
        (0xA0F, 0xA10),
        (0xA13, 0xA28),
        (0xA2A, 0xA30),
        (0xA32, 0xA33),
        (0xA35, 0xA36),
        (0xA38, 0xA39),
        (0xA59, 0xA5C),
        (0xA5E, 0xA5E),
        (0xA72, 0xA74),
        (0xA85, 0xA8D),
        (0xA8F, 0xA91),
        (0xA93, 0xAA8),
        (0xAAA, 0xAB0),
        (0xAB2, 0xAB3),
        (0xAB5, 0xAB9),
        (0xABD, 0xABD),
        (0xAD0, 0xAD0),
        (0xAE0, 0xAE1),
        (0xAF9, 0xAF9),
        (0xB05, 0xB0C),
        (0xB0F, 0xB10),
        (0xB13, 0xB28),
        (0xB2A, 0xB30),
        (0xB32, 0xB33),
        (0xB35, 0xB39),
        (0xB3D, 0xB3D),
        (0xB5C, 0xB5D),
        (0xB5F, 0xB61),
        (0xB71, 0xB71),
        (0xB83, 0xB83),
        (0xB85, 0xB8A),
        (0xB8E, 0xB90),
        (0xB92, 0xB95),
        (0xB99, 0xB9A),
        (0xB9C, 0xB9C),
        (0xB9E, 0xB9F),
        (0xBA3, 0xBA4),
        (0xBA8, 0xBAA),
        (0xBAE, 0xBB9),
        (0xBD0, 0xBD0),
        (0xC05, 0xC0C),
        (0xC0E, 0xC10),
        (0xC12, 0xC28),
        (0xC2A, 0xC39),
        (0xC3D, 0xC3D),
        (0xC58, 0xC5A),
        (0xC5D, 0xC5D),
        (0xC60, 0xC61),
        (0xC80, 0xC80),
        (0xC85, 0xC8C),
        (0xC8E, 0xC90),
        (0xC92, 0xCA8),
        (0xCAA, 0xCB3),
        (0xCB5, 0xCB9),
        (0xCBD, 0xCBD),
        (0xCDD, 0xCDE),
        (0xCE0, 0xCE1),
        (0xCF1, 0xCF2),
        (0xD04, 0xD0C),
        (0xD0E, 0xD10),
        (0xD12, 0xD3A),
        (0xD3D, 0xD3D),
        (0xD4E, 0xD4E),
        (0xD54, 0xD56),
        (0xD5F, 0xD61),
        (0xD7A, 0xD7F),
        (0xD85, 0xD96),
        (0xD9A, 0xDB1),
        (0xDB3, 0xDBB),
        (0xDBD, 0xDBD),
        (0xDC0, 0xDC6),
        (0xE01, 0xE30),
        (0xE32, 0xE33),
        (0xE40, 0xE46),
        (0xE81, 0xE82),
        (0xE84, 0xE84),
        (0xE86, 0xE8A),
        (0xE8C, 0xEA3),
        (0xEA5, 0xEA5),
        (0xEA7, 0xEB0),
        (0xEB2, 0xEB3),
        (0xEBD, 0xEBD),
        (0xEC0, 0xEC4),
        (0xEC6, 0xEC6),
        (0xEDC, 0xEDF),
        (0xF00, 0xF00),
        (0xF40, 0xF47),
        (0xF49, 0xF6C),
        (0xF88, 0xF8C),
        (0x1000, 0x102A),
        (0x103F, 0x103F),
        (0x1050, 0x1055),
        (0x105A, 0x105D),
        (0x1061, 0x1061),
        (0x1065, 0x1066),
        (0x106E, 0x1070),
        (0x1075, 0x1081),
        (0x108E, 0x108E),
        (0x10A0, 0x10C5),
        (0x10C7, 0x10C7),
        (0x10CD, 0x10CD),
        (0x10D0, 0x10FA),
        (0x10FC, 0x1248),
        (0x124A, 0x124D),
        (0x1250, 0x1256),
        (0x1258, 0x1258),
        (0x125A, 0x125D),
        (0x1260, 0x1288),
        (0x128A, 0x128D),
        (0x1290, 0x12B0),
        (0x12B2, 0x12B5),
        (0x12B8, 0x12BE),
        (0x12C0, 0x12C0),
        (0x12C2, 0x12C5),
        (0x12C8, 0x12D6),
        (0x12D8, 0x1310),
        (0x1312, 0x1315),
        (0x1318, 0x135A),
        (0x1380, 0x138F),
        (0x13A0, 0x13F5),
        (0x13F8, 0x13FD),
        (0x1401, 0x166C),
        (0x166F, 0x167F),
        (0x1681, 0x169A),
        (0x16A0, 0x16EA),
        (0x16F1, 0x16F8),
        (0x1700, 0x1711),
        (0x171F, 0x1731),
        (0x1740, 0x1751),
        (0x1760, 0x176C),
        (0x176E, 0x1770),
        (0x1780, 0x17B3),
        (0x17D7, 0x17D7),
        (0x17DC, 0x17DC),
        (0x1820, 0x1878),
        (0x1880, 0x1884),
        (0x1887, 0x18A8),
        (0x18AA, 0x18AA),
        (0x18B0, 0x18F5),
        (0x1900, 0x191E),
        (0x1950, 0x196D),
        (0x1970, 0x1974),
        (0x1980, 0x19AB),
        (0x19B0, 0x19C9),
        (0x1A00, 0x1A16),
        (0x1A20, 0x1A54),
        (0x1AA7, 0x1AA7),
        (0x1B05, 0x1B33),
        (0x1B45, 0x1B4C),
        (0x1B83, 0x1BA0),
        (0x1BAE, 0x1BAF),
        (0x1BBA, 0x1BE5),
        (0x1C00, 0x1C23),
        (0x1C4D, 0x1C4F),
        (0x1C5A, 0x1C7D),
        (0x1C80, 0x1C88),
        (0x1C90, 0x1CBA),
        (0x1CBD, 0x1CBF),
        (0x1CE9, 0x1CEC),
        (0x1CEE, 0x1CF3),
        (0x1CF5, 0x1CF6),
        (0x1CFA, 0x1CFA),
        (0x1D00, 0x1DBF),
        (0x1E00, 0x1F15),
        (0x1F18, 0x1F1D),
        (0x1F20, 0x1F45),
        (0x1F48, 0x1F4D),
        (0x1F50, 0x1F57),
        (0x1F59, 0x1F59),
        (0x1F5B, 0x1F5B),
        (0x1F5D, 0x1F5D),
        (0x1F5F, 0x1F7D),
        (0x1F80, 0x1FB4),
        (0x1FB6, 0x1FBC),
        (0x1FBE, 0x1FBE),
        (0x1FC2, 0x1FC4),
        (0x1FC6, 0x1FCC),
        (0x1FD0, 0x1FD3),
        (0x1FD6, 0x1FDB),
        (0x1FE0, 0x1FEC),
        (0x1FF2, 0x1FF4),
        (0x1FF6, 0x1FFC),
        (0x2071, 0x2071),
        (0x207F, 0x207F),
        (0x2090, 0x209C),
        (0x2102, 0x2102),
        (0x2107, 0x2107),
        (0x210A, 0x2113),
        (0x2115, 0x2115),
        (0x2119, 0x211D),
        (0x2124, 0x2124),
        (0x2126, 0x2126),
        (0x2128, 0x2128),
        (0x212A, 0x212D),
        (0x212F, 0x2139),
        (0x213C, 0x213F),
        (0x2145, 0x2149),
        (0x214E, 0x214E),
        (0x2183, 0x2184),
        (0x2C00, 0x2CE4),
        (0x2CEB, 0x2CEE),
        (0x2CF2, 0x2CF3),
        (0x2D00, 0x2D25),
        (0x2D27, 0x2D27),
        (0x2D2D, 0x2D2D),
        (0x2D30, 0x2D67),
        (0x2D6F, 0x2D6F),
        (0x2D80, 0x2D96),
        (0x2DA0, 0x2DA6),
        (0x2DA8, 0x2DAE),
        (0x2DB0, 0x2DB6),
        (0x2DB8, 0x2DBE),
        (0x2DC0, 0x2DC6),
        (0x2DC8, 0x2DCE),
        (0x2DD0, 0x2DD6),
        (0x2DD8, 0x2DDE),
        (0x2E2F, 0x2E2F),
        (0x3005, 0x3006),
        (0x3031, 0x3035),
        (0x303B, 0x303C),
        (0x3041, 0x3096),
        (0x309D, 0x309F),
        (0x30A1, 0x30FA),
        (0x30FC, 0x30FF),
        (0x3105, 0x312F),
        (0x3131, 0x318E),
        (0x31A0, 0x31BF),
        (0x31F0, 0x31FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0xA48C),
        (0xA4D0, 0xA4FD),
        (0xA500, 0xA60C),
        (0xA610, 0xA61F),
        (0xA62A, 0xA62B),
        (0xA640, 0xA66E),
        (0xA67F, 0xA69D),
        (0xA6A0, 0xA6E5),
        (0xA717, 0xA71F),
        (0xA722, 0xA788),
        (0xA78B, 0xA7CA),
        (0xA7D0, 0xA7D1),
        (0xA7D3, 0xA7D3),
        (0xA7D5, 0xA7D9),
        (0xA7F2, 0xA801),
        (0xA803, 0xA805),
        (0xA807, 0xA80A),
        (0xA80C, 0xA822),
        (0xA840, 0xA873),
        (0xA882, 0xA8B3),
        (0xA8F2, 0xA8F7),
        (0xA8FB, 0xA8FB),
        (0xA8FD, 0xA8FE),
        (0xA90A, 0xA925),
        (0xA930, 0xA946),
        (0xA960, 0xA97C),
        (0xA984, 0xA9B2),
        (0xA9CF, 0xA9CF),
        (0xA9E0, 0xA9E4),
        (0xA9E6, 0xA9EF),
        (0xA9FA, 0xA9FE),
        (0xAA00, 0xAA28),
        (0xAA40, 0xAA42),
        (0xAA44, 0xAA4B),
        (0xAA60, 0xAA76),
        (0xAA7A, 0xAA7A),
        (0xAA7E, 0xAAAF),
        (0xAAB1, 0xAAB1),
        (0xAAB5, 0xAAB6),
        (0xAAB9, 0xAABD),
        (0xAAC0, 0xAAC0),
        (0xAAC2, 0xAAC2),
        (0xAADB, 0xAADD),
        (0xAAE0, 0xAAEA),
        (0xAAF2, 0xAAF4),
        (0xAB01, 0xAB06),
        (0xAB09, 0xAB0E),
        (0xAB11, 0xAB16),
        (0xAB20, 0xAB26),
        (0xAB28, 0xAB2E),
        (0xAB30, 0xAB5A),
        (0xAB5C, 0xAB69),
        (0xAB70, 0xABE2),
        (0xAC00, 0xD7A3),
        (0xD7B0, 0xD7C6),
        (0xD7CB, 0xD7FB),
        (0xF900, 0xFA6D),
        (0xFA70, 0xFAD9),
        (0xFB00, 0xFB06),
        (0xFB13, 0xFB17),
        (0xFB1D, 0xFB1D),
        (0xFB1F, 0xFB28),
        (0xFB2A, 0xFB36),
        (0xFB38, 0xFB3C),
        (0xFB3E, 0xFB3E),
        (0xFB40, 0xFB41),
        (0xFB43, 0xFB44),
        (0xFB46, 0xFBB1),
        (0xFBD3, 0xFD3D),
        (0xFD50, 0xFD8F),
        (0xFD92, 0xFDC7),
        (0xFDF0, 0xFDFB),
        (0xFE70, 0xFE74),
        (0xFE76, 0xFEFC),
        (0xFF21, 0xFF3A),
        (0xFF41, 0xFF5A),
        (0xFF66, 0xFFBE),
        (0xFFC2, 0xFFC7),
        (0xFFCA, 0xFFCF),
        (0xFFD2, 0xFFD7),
        (0xFFDA, 0xFFDC),
        (0x10000, 0x1000B),
        (0x1000D, 0x10026),
        (0x10028, 0x1003A),
        (0x1003C, 0x1003D),
        (0x1003F, 0x1004D),
        (0x10050, 0x1005D),
        (0x10080, 0x100FA),
        (0x10280, 0x1029C),
        (0x102A0, 0x102D0),
        (0x10300, 0x1031F),
        (0x1032D, 0x10340),
        (0x10342, 0x10349),
        (0x10350, 0x10375),
        (0x10380, 0x1039D),
        (0x103A0, 0x103C3),
        (0x103C8, 0x103CF),
        (0x10400, 0x1049D),
        (0x104B0, 0x104D3),
        (0x104D8, 0x104FB),
        (0x10500, 0x10527),
        (0x10530, 0x10563),
        (0x10570, 0x1057A),
        (0x1057C, 0x1058A),
        (0x1058C, 0x10592),
        (0x10594, 0x10595),
        (0x10597, 0x105A1),
        (0x105A3, 0x105B1),
        (0x105B3, 0x105B9),
        (0x105BB, 0x105BC),
        (0x10600, 0x10736),
        (0x10740, 0x10755),
        (0x10760, 0x10767),
        (0x10780, 0x10785),
        (0x10787, 0x107B0),
        (0x107B2, 0x107BA),
        (0x10800, 0x10805),
        (0x10808, 0x10808),
        (0x1080A, 0x10835),
        (0x10837, 0x10838),
        (0x1083C, 0x1083C),
        (0x1083F, 0x10855),
        (0x10860, 0x10876),
        (0x10880, 0x1089E),
        (0x108E0, 0x108F2),
        (0x108F4, 0x108F5),
        (0x10900, 0x10915),
        (0x10920, 0x10939),
        (0x10980, 0x109B7),
        (0x109BE, 0x109BF),
        (0x10A00, 0x10A00),
        (0x10A10, 0x10A13),
        (0x10A15, 0x10A17),
        (0x10A19, 0x10A35),
        (0x10A60, 0x10A7C),
        (0x10A80, 0x10A9C),
        (0x10AC0, 0x10AC7),
        (0x10AC9, 0x10AE4),
        (0x10B00, 0x10B35),
        (0x10B40, 0x10B55),
        (0x10B60, 0x10B72),
        (0x10B80, 0x10B91),
        (0x10C00, 0x10C48),
        (0x10C80, 0x10CB2),
        (0x10CC0, 0x10CF2),
        (0x10D00, 0x10D23),
        (0x10E80, 0x10EA9),
        (0x10EB0, 0x10EB1),
        (0x10F00, 0x10F1C),
        (0x10F27, 0x10F27),
        (0x10F30, 0x10F45),
        (0x10F70, 0x10F81),
        (0x10FB0, 0x10FC4),
        (0x10FE0, 0x10FF6),
        (0x11003, 0x11037),
        (0x11071, 0x11072),
        (0x11075, 0x11075),
        (0x11083, 0x110AF),
        (0x110D0, 0x110E8),
        (0x11103, 0x11126),
        (0x11144, 0x11144),
        (0x11147, 0x11147),
        (0x11150, 0x11172),
        (0x11176, 0x11176),
        (0x11183, 0x111B2),
        (0x111C1, 0x111C4),
        (0x111DA, 0x111DA),
        (0x111DC, 0x111DC),
        (0x11200, 0x11211),
        (0x11213, 0x1122B),
        (0x11280, 0x11286),
        (0x11288, 0x11288),
        (0x1128A, 0x1128D),
        (0x1128F, 0x1129D),
        (0x1129F, 0x112A8),
        (0x112B0, 0x112DE),
        (0x11305, 0x1130C),
        (0x1130F, 0x11310),
        (0x11313, 0x11328),
        (0x1132A, 0x11330),
        (0x11332, 0x11333),
        (0x11335, 0x11339),
        (0x1133D, 0x1133D),
        (0x11350, 0x11350),
        (0x1135D, 0x11361),
        (0x11400, 0x11434),
        (0x11447, 0x1144A),
        (0x1145F, 0x11461),
        (0x11480, 0x114AF),
        (0x114C4, 0x114C5),
        (0x114C7, 0x114C7),
        (0x11580, 0x115AE),
        (0x115D8, 0x115DB),
        (0x11600, 0x1162F),
        (0x11644, 0x11644),
        (0x11680, 0x116AA),
        (0x116B8, 0x116B8),
        (0x11700, 0x1171A),
        (0x11740, 0x11746),
        (0x11800, 0x1182B),
        (0x118A0, 0x118DF),
        (0x118FF, 0x11906),
        (0x11909, 0x11909),
        (0x1190C, 0x11913),
        (0x11915, 0x11916),
        (0x11918, 0x1192F),
        (0x1193F, 0x1193F),
        (0x11941, 0x11941),
        (0x119A0, 0x119A7),
        (0x119AA, 0x119D0),
        (0x119E1, 0x119E1),
        (0x119E3, 0x119E3),
        (0x11A00, 0x11A00),
        (0x11A0B, 0x11A32),
        (0x11A3A, 0x11A3A),
        (0x11A50, 0x11A50),
        (0x11A5C, 0x11A89),
        (0x11A9D, 0x11A9D),
        (0x11AB0, 0x11AF8),
        (0x11C00, 0x11C08),
        (0x11C0A, 0x11C2E),
        (0x11C40, 0x11C40),
        (0x11C72, 0x11C8F),
        (0x11D00, 0x11D06),
        (0x11D08, 0x11D09),
        (0x11D0B, 0x11D30),
        (0x11D46, 0x11D46),
        (0x11D60, 0x11D65),
        (0x11D67, 0x11D68),
        (0x11D6A, 0x11D89),
        (0x11D98, 0x11D98),
        (0x11EE0, 0x11EF2),
        (0x11FB0, 0x11FB0),
        (0x12000, 0x12399),
        (0x12480, 0x12543),
        (0x12F90, 0x12FF0),
        (0x13000, 0x1342E),
        (0x14400, 0x14646),
        (0x16800, 0x16A38),
        (0x16A40, 0x16A5E),
        (0x16A70, 0x16ABE),
        (0x16AD0, 0x16AED),
        (0x16B00, 0x16B2F),
        (0x16B40, 0x16B43),
        (0x16B63, 0x16B77),
        (0x16B7D, 0x16B8F),
        (0x16E40, 0x16E7F),
        (0x16F00, 0x16F4A),
        (0x16F50, 0x16F50),
        (0x16F93, 0x16F9F),
        (0x16FE0, 0x16FE1),
        (0x16FE3, 0x16FE3),
        (0x17000, 0x187F7),
        (0x18800, 0x18CD5),
        (0x18D00, 0x18D08),
        (0x1AFF0, 0x1AFF3),
        (0x1AFF5, 0x1AFFB),
        (0x1AFFD, 0x1AFFE),
        (0x1B000, 0x1B122),
        (0x1B150, 0x1B152),
        (0x1B164, 0x1B167),
        (0x1B170, 0x1B2FB),
        (0x1BC00, 0x1BC6A),
        (0x1BC70, 0x1BC7C),
        (0x1BC80, 0x1BC88),
        (0x1BC90, 0x1BC99),
        (0x1D400, 0x1D454),
        (0x1D456, 0x1D49C),
        (0x1D49E, 0x1D49F),
        (0x1D4A2, 0x1D4A2),
        (0x1D4A5, 0x1D4A6),
        (0x1D4A9, 0x1D4AC),
        (0x1D4AE, 0x1D4B9),
        (0x1D4BB, 0x1D4BB),
        (0x1D4BD, 0x1D4C3),
        (0x1D4C5, 0x1D505),
        (0x1D507, 0x1D50A),
        (0x1D50D, 0x1D514),
        (0x1D516, 0x1D51C),
        (0x1D51E, 0x1D539),
        (0x1D53B, 0x1D53E),
        (0x1D540, 0x1D544),
        (0x1D546, 0x1D546),
        (0x1D54A, 0x1D550),
        (0x1D552, 0x1D6A5),
        (0x1D6A8, 0x1D6C0),
        (0x1D6C2, 0x1D6DA),
        (0x1D6DC, 0x1D6FA),
        (0x1D6FC, 0x1D714),
        (0x1D716, 0x1D734),
        (0x1D736, 0x1D74E),
        (0x1D750, 0x1D76E),
        (0x1D770, 0x1D788),
        (0x1D78A, 0x1D7A8),
        (0x1D7AA, 0x1D7C2),
        (0x1D7C4, 0x1D7CB),
        (0x1DF00, 0x1DF1E),
        (0x1E100, 0x1E12C),
        (0x1E137, 0x1E13D),
        (0x1E14E, 0x1E14E),
        (0x1E290, 0x1E2AD),
        (0x1E2C0, 0x1E2EB),
        (0x1E7E0, 0x1E7E6),
        (0x1E7E8, 0x1E7EB),
        (0x1E7ED, 0x1E7EE),
        (0x1E7F0, 0x1E7FE),
        (0x1E800, 0x1E8C4),
        (0x1E900, 0x1E943),
        (0x1E94B, 0x1E94B),
        (0x1EE00, 0x1EE03),
        (0x1EE05, 0x1EE1F),
        (0x1EE21, 0x1EE22),
        (0x1EE24, 0x1EE24),
        (0x1EE27, 0x1EE27),
        (0x1EE29, 0x1EE32),
        (0x1EE34, 0x1EE37),
        (0x1EE39, 0x1EE39),
        (0x1EE3B, 0x1EE3B),
        (0x1EE42, 0x1EE42),
        (0x1EE47, 0x1EE47),
        (0x1EE49, 0x1EE49),
        (0x1EE4B, 0x1EE4B),
        (0x1EE4D, 0x1EE4F),
        (0x1EE51, 0x1EE52),
        (0x1EE54, 0x1EE54),
        (0x1EE57, 0x1EE57),
        (0x1EE59, 0x1EE59),
        (0x1EE5B, 0x1EE5B),
        (0x1EE5D, 0x1EE5D),
        (0x1EE5F, 0x1EE5F),
        (0x1EE61, 0x1EE62),
        (0x1EE64, 0x1EE64),
        (0x1EE67, 0x1EE6A),
        (0x1EE6C, 0x1EE72),
        (0x1EE74, 0x1EE77),
        (0x1EE79, 0x1EE7C),
        (0x1EE7E, 0x1EE7E),
        (0x1EE80, 0x1EE89),
        (0x1EE8B, 0x1EE9B),
        (0x1EEA1, 0x1EEA3),
        (0x1EEA5, 0x1EEA9),
        (0x1EEAB, 0x1EEBB),
        (0x20000, 0x2A6DF),
        (0x2A700, 0x2B738),
        (0x2B740, 0x2B81D),
        (0x2B820, 0x2CEA1),
        (0x2CEB0, 0x2EBE0),
        (0x2F800, 0x2FA1D),
        (0x30000, 0x3134A),
    ];
}
