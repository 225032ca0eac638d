//! `memoryview` and the buffer protocol (CPython's `Objects/memoryobject.c`,
//! with the exporter side of `Include/cpython/object.h`'s `PyBufferProcs`).
//!
//! An exporter type sets `tp_as_buffer` to a [`BufferProcs`]: `getbuffer` hands
//! out a pointer to its bytes (`bytes`: read-only; `bytearray`: writable, and
//! counted in its `exports`, which forbids resizing until released) and
//! `releasebuffer` undoes the count. A memoryview holds a shared managed buffer
//! ([`ManagedBuffer`], CPython's `_PyManagedBufferObject`): the exporter's
//! buffer is released when the last view made from it (slices, casts,
//! `toreadonly`, `memoryview(m)`) is released or freed. Each view has its own
//! format, item size, shape and strides over that memory, so slices are views,
//! not copies, and writes go through to the exporter.
//!
//! An exporter also gives its item format and size (`array.array('i')`
//! exports format `'i'`, item size 4), so a view of it starts as that
//! one-dimensional typed view.
//!
//! Deviations: a memoryview does not count its own exports, so
//! `release()` never raises "memoryview has N exported buffers"; formats are
//! CPython's native single characters only (as `cast` accepts).

use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::PyBytes;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

// ---------------------------------------------------------------------------
// The exporter side.

/// A buffer as an exporter hands it out: `len` bytes at `buf`, unsigned bytes.
#[derive(Clone, Copy)]
pub struct RawBuffer {
    pub buf: *mut u8,
    pub len: usize,
    pub readonly: bool,
    /// The item format (`"B"` for byte buffers) and item size.
    pub format: &'static str,
    pub itemsize: usize,
}

/// `PyBufferProcs`: the buffer slots of a type.
pub struct BufferProcs {
    /// `bf_getbuffer`: the object's memory; it must stay valid (not move) until
    /// `releasebuffer` is called.
    pub getbuffer: fn(&PyRef) -> PyResult<RawBuffer>,
    /// `bf_releasebuffer`.
    pub releasebuffer: Option<fn(&PyRef)>,
}

fn bytes_getbuffer(o: &PyRef) -> PyResult<RawBuffer> {
    let b = o
        .downcast::<PyBytes>()
        .ok_or_else(|| PyErr::type_error("expected bytes"))?;
    let d = b.as_bytes();
    Ok(RawBuffer {
        buf: d.as_ptr() as *mut u8,
        len: d.len(),
        readonly: true,
        format: "B",
        itemsize: 1,
    })
}

/// `bytes`' buffer slots.
pub static BYTES_BUFFER: BufferProcs = BufferProcs {
    getbuffer: bytes_getbuffer,
    releasebuffer: None,
};

fn bytearray_getbuffer(o: &PyRef) -> PyResult<RawBuffer> {
    let b = o
        .downcast::<crate::objects::bytearray::PyByteArray>()
        .ok_or_else(|| PyErr::type_error("expected bytearray"))?;
    b.exports.set(b.exports.get() + 1);
    // SAFETY: GIL held; the Vec cannot be resized (so cannot move) while `exports` is non-zero: `PyByteArray::with_mut` refuses.
    let v = unsafe { &mut *b.data.get() };
    Ok(RawBuffer {
        buf: v.as_mut_ptr(),
        len: v.len(),
        readonly: false,
        format: "B",
        itemsize: 1,
    })
}

fn bytearray_releasebuffer(o: &PyRef) {
    if let Some(b) = o.downcast::<crate::objects::bytearray::PyByteArray>() {
        b.exports.set(b.exports.get().saturating_sub(1));
    }
}

/// `bytearray`'s buffer slots.
pub static BYTEARRAY_BUFFER: BufferProcs = BufferProcs {
    getbuffer: bytearray_getbuffer,
    releasebuffer: Some(bytearray_releasebuffer),
};

/// Installs the buffer slots on the exporter types (before they are readied, so
/// subclasses inherit them).
pub fn init() {
    crate::objects::bytes::BYTES_TYPE
        .tp_as_buffer
        .set(Some(&BYTES_BUFFER));
    crate::objects::bytearray::BYTEARRAY_TYPE
        .tp_as_buffer
        .set(Some(&BYTEARRAY_BUFFER));
}

/// `_PyManagedBufferObject`: the exporter and its buffer, released when the
/// last view using it goes.
pub struct ManagedBuffer {
    obj: PyRef,
    raw: RawBuffer,
    release: Option<fn(&PyRef)>,
}

impl Drop for ManagedBuffer {
    fn drop(&mut self) {
        if let Some(f) = self.release {
            f(&self.obj);
        }
    }
}

// ---------------------------------------------------------------------------
// The memoryview object.

/// The shape of one view over a managed buffer.
#[derive(Clone)]
struct View {
    /// Byte offset of item 0 from the start of the buffer.
    offset: isize,
    format: String,
    code: u8,
    itemsize: usize,
    shape: Vec<isize>,
    strides: Vec<isize>,
    readonly: bool,
}

impl View {
    fn nitems(&self) -> usize {
        self.shape.iter().map(|&s| s as usize).product()
    }
    fn nbytes(&self) -> usize {
        self.nitems() * self.itemsize
    }
    fn c_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut sd = self.itemsize as isize;
        for i in (0..self.shape.len()).rev() {
            if self.shape[i] > 1 && self.strides[i] != sd {
                return false;
            }
            sd *= self.shape[i];
        }
        true
    }
    fn f_contiguous(&self) -> bool {
        if self.nitems() == 0 {
            return true;
        }
        let mut sd = self.itemsize as isize;
        for i in 0..self.shape.len() {
            if self.shape[i] > 1 && self.strides[i] != sd {
                return false;
            }
            sd *= self.shape[i];
        }
        true
    }
    /// Byte offsets of every item, in C (row-major) or Fortran order.
    fn offsets(&self, fortran: bool) -> Vec<isize> {
        let n = self.nitems();
        let mut out = Vec::with_capacity(n);
        if n == 0 {
            return out;
        }
        let nd = self.shape.len();
        let mut idx = vec![0isize; nd];
        for _ in 0..n {
            let off = self.offset
                + idx
                    .iter()
                    .zip(&self.strides)
                    .map(|(i, s)| i * s)
                    .sum::<isize>();
            out.push(off);
            // Advance the index (last dimension fastest in C order).
            for k in 0..nd {
                let d = if fortran { k } else { nd - 1 - k };
                idx[d] += 1;
                if idx[d] < self.shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        out
    }
}

/// The `memoryview` payload.
#[repr(C)]
pub struct PyMemoryView {
    pub ob_base: PyObject,
    mbuf: UnsafeCell<Option<Rc<ManagedBuffer>>>,
    view: UnsafeCell<View>,
    hash: Cell<Option<isize>>,
}

pub static MEMORYVIEW_TYPE: PyType = PyType {
    tp_name: "memoryview",
    tp_doc: Some("Create a new memoryview object which references the given object."),
    tp_basicsize: Cell::new(std::mem::size_of::<PyMemoryView>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC | TypeFlags::SEQUENCE),
    tp_drop: Some(drop_mv),
    tp_new: Cell::new(Some(mv_new)),
    tp_repr: Cell::new(Some(mv_repr)),
    tp_richcompare: Cell::new(Some(mv_richcompare)),
    tp_hash: Cell::new(Some(mv_hash)),
    tp_iter: Cell::new(Some(mv_iter)),
    tp_methods: MV_METHODS,
    tp_getset: MV_GETSET,
    as_sequence: SequenceSlots {
        sq_length: Cell::new(Some(mv_len)),
        ..SequenceSlots::EMPTY
    },
    as_mapping: MappingSlots {
        mp_length: Cell::new(Some(mv_len)),
        mp_subscript: Cell::new(Some(mv_subscript)),
        mp_ass_subscript: Cell::new(Some(mv_ass_subscript)),
    },
    ..PyType::BASE
};

/// `memory_iterator`.
#[repr(C)]
pub struct PyMemoryIter {
    pub ob_base: PyObject,
    seq: ObjCell,
    index: Cell<usize>,
}

pub static MEMORY_ITER_TYPE: PyType = PyType {
    tp_name: "memory_iterator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMemoryIter>()),
    tp_drop: Some(drop_mv_iter),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(mv_iter_next)),
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&MEMORYVIEW_TYPE, &MEMORY_ITER_TYPE];

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyMemoryView {
    fn type_object() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyMemoryIter {
    fn type_object() -> &'static PyType {
        &MEMORY_ITER_TYPE
    }
}

unsafe fn drop_mv(obj: *mut PyObject) {
    // SAFETY: obj is a dead memoryview; drops the managed buffer reference (which may release the exporter's buffer).
    unsafe { std::ptr::drop_in_place(obj as *mut PyMemoryView) }
}

unsafe fn drop_mv_iter(obj: *mut PyObject) {
    // SAFETY: obj is a dead iterator; take the view out and drop it.
    unsafe { drop((*(obj as *const PyMemoryIter)).seq.take()) }
}

fn mv(o: &PyRef) -> PyResult<&PyMemoryView> {
    o.downcast::<PyMemoryView>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'memoryview' object but received a '{}'",
            o.ty().name()
        ))
    })
}

fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

impl PyMemoryView {
    fn mbuf(&self) -> PyResult<Rc<ManagedBuffer>> {
        // SAFETY: GIL held; a short read (clone of the Rc).
        unsafe { (*self.mbuf.get()).clone() }.ok_or_else(released_error)
    }
    fn is_released(&self) -> bool {
        // SAFETY: as above.
        unsafe { (*self.mbuf.get()).is_none() }
    }
    fn view(&self) -> PyResult<View> {
        if self.is_released() {
            return Err(released_error());
        }
        // SAFETY: GIL held; a short read.
        Ok(unsafe { (*self.view.get()).clone() })
    }
}

/// Checked access to `n` bytes at byte offset `off` of the managed buffer.
fn span(mb: &ManagedBuffer, off: isize, n: usize) -> PyResult<*mut u8> {
    if off < 0 || off as usize + n > mb.raw.len {
        return Err(PyErr::new(
            &crate::objects::exceptions::SYSTEM_ERROR,
            "memoryview: offset out of the buffer",
        ));
    }
    // SAFETY: in bounds of the exporter's live buffer (checked above).
    Ok(unsafe { mb.raw.buf.offset(off) })
}

fn read_bytes(mb: &ManagedBuffer, off: isize, n: usize) -> PyResult<Vec<u8>> {
    let p = span(mb, off, n)?;
    // SAFETY: `span` checked the range; the exporter keeps it alive and still.
    Ok(unsafe { std::slice::from_raw_parts(p, n) }.to_vec())
}

fn write_bytes(mb: &ManagedBuffer, off: isize, data: &[u8]) -> PyResult<()> {
    let p = span(mb, off, data.len())?;
    // SAFETY: as above; the buffer is writable (checked by the callers).
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len()) };
    Ok(())
}

fn new_view(mbuf: Rc<ManagedBuffer>, view: View) -> PyResult<PyRef> {
    alloc_object(
        &MEMORYVIEW_TYPE,
        PyMemoryView {
            ob_base: PyObject::NEW,
            mbuf: UnsafeCell::new(Some(mbuf)),
            view: UnsafeCell::new(view),
            hash: Cell::new(None),
        },
    )
}

/// `PyMemoryView_FromObject`.
pub fn from_object(o: &PyRef) -> PyResult<PyRef> {
    if let Some(m) = o.downcast::<PyMemoryView>() {
        let v = m.view()?;
        return new_view(m.mbuf()?, v);
    }
    let Some(procs) = o.ty().tp_as_buffer.get() else {
        return Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.ty().name()
        )));
    };
    let raw = (procs.getbuffer)(o)?;
    let mb = Rc::new(ManagedBuffer {
        obj: o.clone(),
        raw,
        release: procs.releasebuffer,
    });
    let itemsize = raw.itemsize.max(1);
    new_view(
        mb,
        View {
            offset: 0,
            format: raw.format.into(),
            code: raw.format.as_bytes().first().copied().unwrap_or(b'B'),
            itemsize,
            shape: vec![(raw.len / itemsize) as isize],
            strides: vec![itemsize as isize],
            readonly: raw.readonly,
        },
    )
}

/// A copy of the bytes of any buffer exporter (`tp_as_buffer`), the buffer
/// being taken and released at once; `None` if `o` exports none.
pub fn exported_bytes(o: &PyRef) -> Option<Vec<u8>> {
    let procs = o.ty().tp_as_buffer.get()?;
    let raw = (procs.getbuffer)(o).ok()?;
    let out = if raw.len == 0 {
        Vec::new()
    } else {
        // SAFETY: the exporter hands out `len` valid bytes, kept still until released below.
        unsafe { std::slice::from_raw_parts(raw.buf, raw.len) }.to_vec()
    };
    if let Some(rel) = procs.releasebuffer {
        rel(o);
    }
    Some(out)
}

/// Copies the start of `data` into the writable buffer of an exporter that is
/// not a memoryview, bytes or bytearray (those have their own paths), for
/// `readinto`; `Ok(None)` if `o` is not such an exporter.
fn fill_exporter(o: &PyRef, data: &[u8]) -> PyResult<Option<usize>> {
    if o.is_instance_of::<PyBytes>() || o.is_instance_of::<crate::objects::bytearray::PyByteArray>()
    {
        return Ok(None);
    }
    let Some(procs) = o.ty().tp_as_buffer.get() else {
        return Ok(None);
    };
    let raw = (procs.getbuffer)(o)?;
    let r = if raw.readonly {
        Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            o.ty().name()
        )))
    } else {
        let n = data.len().min(raw.len);
        if n > 0 {
            // SAFETY: `n` is within the exporter's writable buffer, which stays still until released below.
            unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), raw.buf, n) };
        }
        Ok(Some(n))
    };
    if let Some(rel) = procs.releasebuffer {
        rel(o);
    }
    r
}

/// The bytes of a (live) memoryview in C order, for the bytes-like helpers
/// (`bytes(m)`, `b"" + m`, ...); `None` if `o` is not a memoryview or is
/// released.
pub fn view_bytes(o: &PyRef) -> Option<Vec<u8>> {
    let m = o.downcast::<PyMemoryView>()?;
    let v = m.view().ok()?;
    let mb = m.mbuf().ok()?;
    tobytes(&mb, &v, false).ok()
}

/// Copies the start of `data` into a writable memoryview `o` (C order), for
/// `readinto`; `Ok(None)` if `o` is not a memoryview.
pub fn fill_from(o: &PyRef, data: &[u8]) -> PyResult<Option<usize>> {
    let Some(m) = o.downcast::<PyMemoryView>() else {
        return fill_exporter(o, data);
    };
    let v = m.view()?;
    let mb = m.mbuf()?;
    if v.readonly {
        return Err(PyErr::type_error(
            "readinto() argument must be read-write bytes-like object, not memoryview",
        ));
    }
    let n = data.len().min(v.nbytes());
    if v.c_contiguous() {
        write_bytes(&mb, v.offset, &data[..n])?;
        return Ok(Some(n));
    }
    let mut done = 0;
    for off in v.offsets(false) {
        if done + v.itemsize > n {
            break;
        }
        write_bytes(&mb, off, &data[done..done + v.itemsize])?;
        done += v.itemsize;
    }
    Ok(Some(done))
}

fn tobytes(mb: &ManagedBuffer, v: &View, fortran: bool) -> PyResult<Vec<u8>> {
    if !fortran && v.c_contiguous() {
        return read_bytes(mb, v.offset, v.nbytes());
    }
    let mut out = Vec::with_capacity(v.nbytes());
    for off in v.offsets(fortran) {
        out.extend_from_slice(&read_bytes(mb, off, v.itemsize)?);
    }
    Ok(out)
}

fn mv_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("memoryview", args, kwnames, &["object"], 0)?;
    match &a[0] {
        Some(o) => from_object(o),
        None => Err(PyErr::type_error(
            "memoryview() missing required argument 'object' (pos 1)",
        )),
    }
}

fn mv_repr(o: &PyRef) -> PyResult<PyRef> {
    let m = mv(o)?;
    if m.is_released() {
        PyStr::new(&format!("<released memory at {:#x}>", o.id()))
    } else {
        PyStr::new(&format!("<memory at {:#x}>", o.id()))
    }
}

fn mv_len(o: &PyRef) -> PyResult<usize> {
    let v = mv(o)?.view()?;
    match v.shape.first() {
        Some(&n) => Ok(n as usize),
        None => Err(PyErr::type_error("0-dim memory has no length")),
    }
}

// ---------------------------------------------------------------------------
// Items: struct-style packing of the native single-character formats.

fn itemsize_of(code: u8) -> Option<usize> {
    Some(match code {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => 8,
        b'e' => 2,
        _ => return None,
    })
}

fn unpack(code: u8, b: &[u8]) -> PyResult<PyRef> {
    let mut a8 = [0u8; 8];
    let n = b.len().min(8);
    a8[..n].copy_from_slice(&b[..n]);
    let u = u64::from_le_bytes(a8);
    match code {
        b'c' => PyBytes::new(&b[..1]),
        b'?' => Ok(py_bool(b[0] != 0)),
        b'b' => PyInt::new(b[0] as i8 as i64),
        b'B' => PyInt::new(b[0] as i64),
        b'h' => PyInt::new(u as u16 as i16 as i64),
        b'H' => PyInt::new(u as u16 as i64),
        b'i' => PyInt::new(u as u32 as i32 as i64),
        b'I' => PyInt::new(u as u32 as i64),
        b'l' | b'q' | b'n' => PyInt::new(u as i64),
        b'L' | b'Q' | b'N' | b'P' => PyInt::from_i128(u as i128),
        b'f' => crate::objects::float::PyFloat::new(f32::from_bits(u as u32) as f64),
        b'd' => crate::objects::float::PyFloat::new(f64::from_bits(u)),
        b'e' => crate::objects::float::PyFloat::new(crate::modules::_struct::half_to_f64(u as u16)),
        _ => Err(PyErr::not_implemented_error(format!(
            "memoryview: format {} not supported",
            code as char
        ))),
    }
}

fn invalid_type(code: u8) -> PyErr {
    PyErr::type_error(format!(
        "memoryview: invalid type for format '{}'",
        code as char
    ))
}

fn invalid_value(code: u8) -> PyErr {
    PyErr::value_error(format!(
        "memoryview: invalid value for format '{}'",
        code as char
    ))
}

fn pack(code: u8, v: &PyRef) -> PyResult<Vec<u8>> {
    let int_range = |lo: i128, hi: i128, size: usize| -> PyResult<Vec<u8>> {
        if v.ty().as_number.nb_index.get().is_none() {
            return Err(invalid_type(code));
        }
        let i = crate::object::protocol::index(v)?;
        // SAFETY: index() returns an int.
        let p = unsafe { i.payload_unchecked::<PyInt>() };
        let x = match p.as_i64() {
            Some(x) => x as i128,
            None => i128::try_from(&p.to_bigint()).map_err(|_| invalid_value(code))?,
        };
        if x < lo || x > hi {
            return Err(invalid_value(code));
        }
        Ok(x.to_le_bytes()[..size].to_vec())
    };
    match code {
        b'c' => match v.downcast::<PyBytes>() {
            Some(b) if b.as_bytes().len() == 1 => Ok(b.as_bytes().to_vec()),
            Some(_) => Err(invalid_value(code)),
            None => Err(invalid_type(code)),
        },
        b'?' => Ok(vec![crate::object::protocol::is_true(v)? as u8]),
        b'b' => int_range(i8::MIN as i128, i8::MAX as i128, 1),
        b'B' => int_range(0, u8::MAX as i128, 1),
        b'h' => int_range(i16::MIN as i128, i16::MAX as i128, 2),
        b'H' => int_range(0, u16::MAX as i128, 2),
        b'i' => int_range(i32::MIN as i128, i32::MAX as i128, 4),
        b'I' => int_range(0, u32::MAX as i128, 4),
        b'l' | b'q' | b'n' => int_range(i64::MIN as i128, i64::MAX as i128, 8),
        b'L' | b'Q' | b'N' | b'P' => int_range(0, u64::MAX as i128, 8),
        b'f' | b'd' | b'e' => {
            let x = crate::objects::float::as_f64(v).map_err(|e| {
                if e.matches(&crate::objects::exceptions::TYPE_ERROR) {
                    invalid_type(code)
                } else {
                    e
                }
            })?;
            Ok(match code {
                b'f' => (x as f32).to_bits().to_le_bytes().to_vec(),
                b'd' => x.to_bits().to_le_bytes().to_vec(),
                _ => match crate::modules::_struct::f64_to_half(x) {
                    Some(h) => h.to_le_bytes().to_vec(),
                    None => {
                        return Err(PyErr::overflow_error(
                            "float too large to pack with e format",
                        ))
                    }
                },
            })
        }
        _ => Err(PyErr::not_implemented_error(format!(
            "memoryview: format {} not supported",
            code as char
        ))),
    }
}

fn item_at(mb: &ManagedBuffer, v: &View, off: isize) -> PyResult<PyRef> {
    unpack(v.code, &read_bytes(mb, off, v.itemsize)?)
}

/// `tolist` of dimension `d` starting at byte offset `off`.
fn tolist_rec(mb: &ManagedBuffer, v: &View, d: usize, off: isize) -> PyResult<PyRef> {
    let n = v.shape[d];
    let mut items = Vec::with_capacity(n as usize);
    for i in 0..n {
        let o = off + i * v.strides[d];
        items.push(if d + 1 == v.shape.len() {
            item_at(mb, v, o)?
        } else {
            tolist_rec(mb, v, d + 1, o)?
        });
    }
    PyList::new(items)
}

// ---------------------------------------------------------------------------
// Subscripts.

fn is_index(o: &PyRef) -> bool {
    o.ty().as_number.nb_index.get().is_some()
}

/// The byte offset of item `key` along dimension `dim` (from `base`).
fn dim_offset(v: &View, dim: usize, key: &PyRef, base: isize) -> PyResult<isize> {
    let i = crate::objects::int::as_ssize_index(key)?;
    let n = v.shape[dim];
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error(format!(
            "index out of bounds on dimension {}",
            dim + 1
        )));
    }
    Ok(base + j * v.strides[dim])
}

/// The byte offset of the item a full multi-index (or an int on a 1-D
/// view) names.
fn multi_offset(v: &View, keys: &[PyRef]) -> PyResult<isize> {
    let mut off = v.offset;
    for (d, k) in keys.iter().enumerate() {
        off = dim_offset(v, d, k, off)?;
    }
    Ok(off)
}

fn sliced(v: &View, key: &PyRef) -> PyResult<View> {
    let mut w = v.clone();
    let (start, _stop, step, n) =
        crate::objects::slice::unpack_and_adjust(key, v.shape[0] as usize)?;
    w.offset += start * v.strides[0];
    w.shape[0] = n as isize;
    w.strides[0] = v.strides[0] * step;
    Ok(w)
}

fn mv_subscript(o: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let m = mv(o)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    let nd = v.shape.len();
    if nd == 0 {
        if key.is(&crate::objects::none::ellipsis()) {
            return Ok(o.clone());
        }
        if let Some(t) = key.downcast::<PyTuple>() {
            if t.items().is_empty() {
                return item_at(&mb, &v, v.offset);
            }
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(key) {
        if nd > 1 {
            return Err(PyErr::not_implemented_error(
                "multi-dimensional sub-views are not implemented",
            ));
        }
        let off = multi_offset(&v, std::slice::from_ref(key))?;
        return item_at(&mb, &v, off);
    }
    if key.is_instance_of::<crate::objects::slice::PySlice>() {
        let w = sliced(&v, key)?;
        return new_view(mb, w);
    }
    if key.is(&crate::objects::none::ellipsis()) {
        return Ok(o.clone());
    }
    if let Some(t) = key.downcast::<PyTuple>() {
        let items = t.items();
        if items.iter().all(is_index) {
            if items.len() < nd {
                return Err(PyErr::not_implemented_error(
                    "sub-views are not implemented",
                ));
            }
            if items.len() > nd {
                return Err(PyErr::type_error(format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    nd,
                    items.len()
                )));
            }
            let off = multi_offset(&v, items)?;
            return item_at(&mb, &v, off);
        }
        if items
            .iter()
            .all(|k| is_index(k) || k.is_instance_of::<crate::objects::slice::PySlice>())
        {
            return Err(PyErr::not_implemented_error(
                "multi-dimensional slicing is not implemented",
            ));
        }
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

/// A source buffer for slice assignment: its view and bytes in C order.
fn source_items(src: &PyRef) -> PyResult<(View, Vec<u8>)> {
    if let Some(m) = src.downcast::<PyMemoryView>() {
        let v = m.view()?;
        let mb = m.mbuf()?;
        let bytes = tobytes(&mb, &v, false)?;
        return Ok((v, bytes));
    }
    if src.ty().tp_as_buffer.get().is_none() {
        return Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            src.ty().name()
        )));
    }
    let tmp = from_object(src)?;
    let m = mv(&tmp)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    let bytes = tobytes(&mb, &v, false)?;
    Ok((v, bytes))
}

fn mv_ass_subscript(o: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let m = mv(o)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    if v.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    let nd = v.shape.len();
    if nd == 0 {
        let ok = key.is(&crate::objects::none::ellipsis())
            || key
                .downcast::<PyTuple>()
                .is_some_and(|t| t.items().is_empty());
        if ok {
            let b = pack(v.code, value)?;
            return write_bytes(&mb, v.offset, &b);
        }
        return Err(PyErr::type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(key) {
        if nd > 1 {
            return Err(PyErr::not_implemented_error(
                "sub-views are not implemented",
            ));
        }
        let off = multi_offset(&v, std::slice::from_ref(key))?;
        let b = pack(v.code, value)?;
        return write_bytes(&mb, off, &b);
    }
    if key.is_instance_of::<crate::objects::slice::PySlice>() {
        if nd != 1 {
            return Err(PyErr::not_implemented_error(
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        let dest = sliced(&v, key)?;
        let (sv, bytes) = source_items(value)?;
        if sv.code != dest.code
            || sv.itemsize != dest.itemsize
            || sv.shape.len() != 1
            || sv.shape[0] != dest.shape[0]
        {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        for (i, off) in dest.offsets(false).into_iter().enumerate() {
            let s = i * dest.itemsize;
            write_bytes(&mb, off, &bytes[s..s + dest.itemsize])?;
        }
        return Ok(());
    }
    if let Some(t) = key.downcast::<PyTuple>() {
        let items = t.items();
        if items.iter().all(is_index) {
            if items.len() < nd {
                return Err(PyErr::not_implemented_error(
                    "sub-views are not implemented",
                ));
            }
            if items.len() > nd {
                return Err(PyErr::type_error(format!(
                    "cannot index {}-dimension view with {}-element tuple",
                    nd,
                    items.len()
                )));
            }
            let off = multi_offset(&v, items)?;
            let b = pack(v.code, value)?;
            return write_bytes(&mb, off, &b);
        }
        if items
            .iter()
            .all(|k| is_index(k) || k.is_instance_of::<crate::objects::slice::PySlice>())
        {
            return Err(PyErr::not_implemented_error(
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

// ---------------------------------------------------------------------------
// Comparison, hashing, iteration.

/// The items of a view as Python objects, in C order.
fn items_of(mb: &ManagedBuffer, v: &View) -> PyResult<Vec<PyRef>> {
    v.offsets(false)
        .into_iter()
        .map(|off| item_at(mb, v, off))
        .collect()
}

fn mv_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = op == CompareOp::Eq;
    let ma = mv(a)?;
    let b_mv = b.downcast::<PyMemoryView>();
    if ma.is_released() || b_mv.is_some_and(|m| m.is_released()) {
        return Ok(py_bool(a.is(b) == eq));
    }
    let (va, mba) = (ma.view()?, ma.mbuf()?);
    let tmp;
    let mb_other = match b_mv {
        Some(m) => m,
        None => {
            if b.ty().tp_as_buffer.get().is_none() {
                return Ok(not_implemented());
            }
            tmp = from_object(b)?;
            mv(&tmp)?
        }
    };
    let (vb, mbb) = (mb_other.view()?, mb_other.mbuf()?);
    if va.shape != vb.shape {
        return Ok(py_bool(!eq));
    }
    let xa = items_of(&mba, &va)?;
    let xb = items_of(&mbb, &vb)?;
    for (x, y) in xa.iter().zip(&xb) {
        if !crate::object::protocol::rich_compare_bool(x, y, CompareOp::Eq)? {
            return Ok(py_bool(!eq));
        }
    }
    Ok(py_bool(eq))
}

fn mv_hash(o: &PyRef) -> PyResult<isize> {
    let m = mv(o)?;
    if let Some(h) = m.hash.get() {
        return Ok(h);
    }
    let v = m.view()?;
    let mb = m.mbuf()?;
    if !v.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !matches!(v.code, b'B' | b'b' | b'c') {
        return Err(PyErr::value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    crate::object::protocol::hash(&mb.obj)?;
    let b = PyBytes::new(&tobytes(&mb, &v, false)?)?;
    let h = crate::object::protocol::hash(&b)?;
    m.hash.set(Some(h));
    Ok(h)
}

fn mv_iter(o: &PyRef) -> PyResult<PyRef> {
    let v = mv(o)?.view()?;
    match v.shape.len() {
        0 => return Err(PyErr::type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => {
            return Err(PyErr::not_implemented_error(
                "multi-dimensional sub-views are not implemented",
            ))
        }
    }
    let it = alloc_object(
        &MEMORY_ITER_TYPE,
        PyMemoryIter {
            ob_base: PyObject::NEW,
            seq: ObjCell::empty(),
            index: Cell::new(0),
        },
    )?;
    // SAFETY: just made.
    unsafe { it.payload_unchecked::<PyMemoryIter>() }
        .seq
        .set(Some(o.clone()));
    Ok(it)
}

fn mv_iter_next(it: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: only installed on memory_iterator.
    let p = unsafe { it.payload_unchecked::<PyMemoryIter>() };
    let Some(seq) = p.seq.get_owned() else {
        return Ok(None);
    };
    let m = mv(&seq)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    let i = p.index.get();
    if i as isize >= v.shape[0] {
        drop(p.seq.take());
        return Ok(None);
    }
    p.index.set(i + 1);
    item_at(&mb, &v, v.offset + i as isize * v.strides[0]).map(Some)
}

// ---------------------------------------------------------------------------
// Methods.

fn mv_tobytes(o: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("tobytes", args, kw, &["order"], 0)?;
    let m = mv(o)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    let fortran = match &a[0] {
        None => false,
        Some(x) if x.is_none() => false,
        Some(x) => match x.downcast::<PyStr>().map(|s| s.as_str()) {
            Some("C") | Some("A") => false,
            Some("F") => true,
            _ => return Err(PyErr::value_error("order must be 'C', 'F' or 'A'")),
        },
    };
    PyBytes::new(&tobytes(&mb, &v, fortran)?)
}

fn mv_tolist(o: &PyRef) -> PyResult<PyRef> {
    let m = mv(o)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    if v.shape.is_empty() {
        return item_at(&mb, &v, v.offset);
    }
    tolist_rec(&mb, &v, 0, v.offset)
}

fn mv_hex(o: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let m = mv(o)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    crate::objects::bytes::hex_with_sep(&tobytes(&mb, &v, false)?, args, kw)
}

fn mv_release(o: &PyRef) -> PyResult<PyRef> {
    let m = mv(o)?;
    // SAFETY: GIL held; take the reference out, drop it after the borrow (the drop may release the exporter's buffer).
    let old = unsafe { (*m.mbuf.get()).take() };
    drop(old);
    Ok(none())
}

fn mv_enter(o: &PyRef) -> PyResult<PyRef> {
    mv(o)?.view()?;
    Ok(o.clone())
}

fn mv_exit(o: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    mv_release(o)
}

fn mv_toreadonly(o: &PyRef) -> PyResult<PyRef> {
    let m = mv(o)?;
    let mut v = m.view()?;
    v.readonly = true;
    new_view(m.mbuf()?, v)
}

fn mv_sizeof(o: &PyRef) -> PyResult<PyRef> {
    // CPython: offsetof(PyMemoryViewObject, ob_array) plus shape, strides and
    // suboffsets (three Py_ssize_t per dimension).
    // SAFETY: GIL held; a short read of the view's ndim (valid even released).
    let nd = unsafe { (*mv(o)?.view.get()).shape.len() };
    PyInt::new(144 + 24 * nd as i64)
}

/// `get_native_fmtchar`: `X` or `@X` for a native single-character format.
fn native_code(fmt: &str) -> Option<u8> {
    let b = fmt.as_bytes();
    let c = match b {
        [c] => *c,
        [b'@', c] => *c,
        _ => return None,
    };
    if c == b'e' {
        return None;
    }
    itemsize_of(c).map(|_| c)
}

fn mv_cast(o: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::objects::int::parse_args("cast", args, kw, &["format", "shape"], 0)?;
    let m = mv(o)?;
    let v = m.view()?;
    let mb = m.mbuf()?;
    let Some(fmt) = &a[0] else {
        return Err(PyErr::type_error(
            "cast() missing required argument 'format' (pos 1)",
        ));
    };
    let fmt_s = match fmt.downcast::<PyStr>() {
        Some(s) => s.as_str().to_owned(),
        None => {
            return Err(PyErr::type_error(format!(
                "cast() argument 'format' must be str, not {}",
                fmt.ty().name()
            )))
        }
    };
    let shape_arg = a[1].clone().filter(|s| !s.is_none());
    if !v.c_contiguous() {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    if (shape_arg.is_some() || v.shape.len() != 1) && v.shape.contains(&0) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast view with zeros in shape or strides",
        ));
    }
    let shape_items = match &shape_arg {
        Some(s) => {
            let items = if let Some(l) = s.downcast::<PyList>() {
                l.snapshot()
            } else if let Some(t) = s.downcast::<PyTuple>() {
                t.items().to_vec()
            } else {
                return Err(PyErr::type_error("shape must be a list or a tuple"));
            };
            if v.shape.len() != 1 && items.len() != 1 {
                return Err(PyErr::type_error(
                    "memoryview: cast must be 1D -> ND or ND -> 1D",
                ));
            }
            if items.len() > 64 {
                return Err(PyErr::value_error(
                    "memoryview: number of dimensions must not exceed 64",
                ));
            }
            Some(items)
        }
        None => None,
    };
    let Some(code) = native_code(&fmt_s) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let is_byte = |c: u8| matches!(c, b'b' | b'B' | b'c');
    if !is_byte(v.code) && !is_byte(code) {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let itemsize = itemsize_of(code).unwrap_or(1);
    let len = v.nbytes();
    let mut w = View {
        offset: v.offset,
        format: fmt_s,
        code,
        itemsize,
        shape: Vec::new(),
        strides: Vec::new(),
        readonly: v.readonly,
    };
    match shape_items {
        None => {
            if len % itemsize != 0 {
                return Err(PyErr::type_error(
                    "memoryview: length is not a multiple of itemsize",
                ));
            }
            w.shape = vec![(len / itemsize) as isize];
            w.strides = vec![itemsize as isize];
        }
        Some(items) => {
            let mut shape = Vec::with_capacity(items.len());
            // `copy_shape`: the byte length, checked against SSIZE_MAX.
            let mut total: isize = itemsize as isize;
            for it in &items {
                if !it.is_instance_of::<PyInt>() {
                    return Err(PyErr::type_error(
                        "memoryview.cast(): elements of shape must be integers",
                    ));
                }
                let n = crate::objects::int::as_ssize_t(it)?;
                if n <= 0 {
                    return Err(PyErr::value_error(
                        "memoryview.cast(): elements of shape must be integers > 0",
                    ));
                }
                if n > isize::MAX / total {
                    return Err(PyErr::value_error(
                        "memoryview.cast(): product(shape) > SSIZE_MAX",
                    ));
                }
                total *= n;
                shape.push(n);
            }
            if total as usize != len {
                return Err(PyErr::type_error(
                    "memoryview: product(shape) * itemsize != buffer size",
                ));
            }
            let mut strides = vec![0isize; shape.len()];
            let mut sd = itemsize as isize;
            for i in (0..shape.len()).rev() {
                strides[i] = sd;
                sd *= shape[i];
            }
            w.shape = shape;
            w.strides = strides;
        }
    }
    new_view(mb, w)
}

static MV_METHODS: &[MethodDef] = &[
    MethodDef::new("tobytes", Meth::FastKw(mv_tobytes)),
    MethodDef::new("tolist", Meth::NoArgs(mv_tolist)),
    MethodDef::new("hex", Meth::FastKw(mv_hex)),
    MethodDef::new("cast", Meth::FastKw(mv_cast)),
    MethodDef::new("release", Meth::NoArgs(mv_release)),
    MethodDef::new("toreadonly", Meth::NoArgs(mv_toreadonly)),
    MethodDef::new("__enter__", Meth::NoArgs(mv_enter)),
    MethodDef::new("__exit__", Meth::Fast(mv_exit)),
    MethodDef::new("__sizeof__", Meth::NoArgs(mv_sizeof)),
];

// ---------------------------------------------------------------------------
// Attributes.

fn int_tuple(v: &[isize]) -> PyResult<PyRef> {
    let items: PyResult<Vec<PyRef>> = v.iter().map(|&x| PyInt::new(x as i64)).collect();
    PyTuple::new(items?)
}

fn g_obj(o: &PyRef) -> PyResult<PyRef> {
    Ok(mv(o)?.mbuf()?.obj.clone())
}

fn g_nbytes(o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(mv(o)?.view()?.nbytes() as i64)
}

fn g_readonly(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(mv(o)?.view()?.readonly))
}

fn g_itemsize(o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(mv(o)?.view()?.itemsize as i64)
}

fn g_format(o: &PyRef) -> PyResult<PyRef> {
    PyStr::new(&mv(o)?.view()?.format)
}

fn g_ndim(o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(mv(o)?.view()?.shape.len() as i64)
}

fn g_shape(o: &PyRef) -> PyResult<PyRef> {
    int_tuple(&mv(o)?.view()?.shape)
}

fn g_strides(o: &PyRef) -> PyResult<PyRef> {
    int_tuple(&mv(o)?.view()?.strides)
}

fn g_suboffsets(o: &PyRef) -> PyResult<PyRef> {
    mv(o)?.view()?;
    PyTuple::new(Vec::new())
}

fn g_c_contiguous(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(mv(o)?.view()?.c_contiguous()))
}

fn g_f_contiguous(o: &PyRef) -> PyResult<PyRef> {
    let v = mv(o)?.view()?;
    Ok(py_bool(v.f_contiguous()))
}

fn g_contiguous(o: &PyRef) -> PyResult<PyRef> {
    let v = mv(o)?.view()?;
    Ok(py_bool(v.c_contiguous() || v.f_contiguous()))
}

static MV_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("obj", g_obj),
    GetSetDef::getter("nbytes", g_nbytes),
    GetSetDef::getter("readonly", g_readonly),
    GetSetDef::getter("itemsize", g_itemsize),
    GetSetDef::getter("format", g_format),
    GetSetDef::getter("ndim", g_ndim),
    GetSetDef::getter("shape", g_shape),
    GetSetDef::getter("strides", g_strides),
    GetSetDef::getter("suboffsets", g_suboffsets),
    GetSetDef::getter("c_contiguous", g_c_contiguous),
    GetSetDef::getter("f_contiguous", g_f_contiguous),
    GetSetDef::getter("contiguous", g_contiguous),
];
