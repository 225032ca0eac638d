//! `memoryview` (CPython's `Objects/memoryobject.c`), a first, read-only form.
//!
//! Deviation until the buffer protocol exists: a memoryview holds its exporter
//! (`obj`) and a copy of the exporter's bytes taken when it was made, with
//! format `'B'` and item size 1. It is read-only (`readonly` is True even over
//! a bytearray), changes to a bytearray made afterwards are not seen, and it
//! does not lock the bytearray's size.

use std::cell::{Cell, UnsafeCell};

use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytes::{buffer_bytes, PyBytes};
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::PyStr;

/// The `memoryview` payload.
#[repr(C)]
pub struct PyMemoryView {
    pub ob_base: PyObject,
    pub obj: UnsafeCell<Option<PyRef>>,
    pub data: UnsafeCell<Vec<u8>>,
    pub released: Cell<bool>,
}

pub static MEMORYVIEW_TYPE: PyType = PyType {
    tp_name: "memoryview",
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
        ..MappingSlots::EMPTY
    },
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&MEMORYVIEW_TYPE];

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyMemoryView {
    fn type_object() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

unsafe fn drop_mv(obj: *mut PyObject) {
    // SAFETY: obj is a dead memoryview.
    unsafe { std::ptr::drop_in_place(obj as *mut PyMemoryView) }
}

fn view(o: &PyRef) -> &PyMemoryView {
    // SAFETY: the slots below are only installed on memoryview.
    unsafe { o.payload_unchecked::<PyMemoryView>() }
}

fn data(m: &PyMemoryView) -> PyResult<Vec<u8>> {
    if m.released.get() {
        return Err(PyErr::value_error(
            "operation forbidden on released memoryview object",
        ));
    }
    // SAFETY: a short read.
    Ok(unsafe { (*m.data.get()).clone() })
}

fn make(obj: PyRef, bytes: Vec<u8>) -> PyResult<PyRef> {
    alloc_object(
        &MEMORYVIEW_TYPE,
        PyMemoryView {
            ob_base: PyObject::NEW,
            obj: UnsafeCell::new(Some(obj)),
            data: UnsafeCell::new(bytes),
            released: Cell::new(false),
        },
    )
}

fn mv_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    if args.len() != 1 || nkw > 1 {
        return Err(PyErr::type_error(format!(
            "memoryview() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let o = &args[0];
    if let Some(m) = o.downcast::<PyMemoryView>() {
        return make(o.clone(), data(m)?);
    }
    match buffer_bytes(o) {
        Some(b) => make(o.clone(), b),
        None => Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            o.ty().name()
        ))),
    }
}

fn mv_repr(o: &PyRef) -> PyResult<PyRef> {
    let m = view(o);
    if m.released.get() {
        PyStr::new(&format!("<released memory at {:#x}>", o.id()))
    } else {
        PyStr::new(&format!("<memory at {:#x}>", o.id()))
    }
}

fn mv_len(o: &PyRef) -> PyResult<usize> {
    Ok(data(view(o))?.len())
}

fn mv_subscript(o: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let d = data(view(o))?;
    if key.is_instance_of::<crate::objects::slice::PySlice>() {
        let (start, _stop, step, n) = crate::objects::slice::unpack_and_adjust(key, d.len())?;
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(d[i as usize]);
            i += step;
        }
        // SAFETY: a short read.
        let obj = unsafe { (*view(o).obj.get()).clone() }.unwrap_or_else(none);
        return make(obj, out);
    }
    if key.ty().as_number.nb_index.get().is_none() {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    }
    let i = crate::objects::int::as_ssize_index(key)?;
    let j = if i < 0 { i + d.len() as isize } else { i };
    if j < 0 || j as usize >= d.len() {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    PyInt::new(d[j as usize] as i64)
}

fn mv_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    if a.is(b) {
        return Ok(py_bool(op == CompareOp::Eq));
    }
    let x = data(view(a))?;
    let y = match b.downcast::<PyMemoryView>() {
        Some(m) => data(m)?,
        None => match buffer_bytes(b) {
            Some(v) => v,
            None => return Ok(not_implemented()),
        },
    };
    Ok(py_bool((x == y) == (op == CompareOp::Eq)))
}

fn mv_hash(o: &PyRef) -> PyResult<isize> {
    // SAFETY: a short read.
    let obj = unsafe { (*view(o).obj.get()).clone() };
    if let Some(obj) = obj {
        if !obj.is_instance_of::<PyBytes>() {
            return Err(PyErr::value_error("cannot hash writable memoryview object"));
        }
    }
    let b = PyBytes::new(&data(view(o))?)?;
    crate::object::protocol::hash(&b)
}

fn mv_iter(o: &PyRef) -> PyResult<PyRef> {
    let items: PyResult<Vec<PyRef>> = data(view(o))?
        .into_iter()
        .map(|b| PyInt::new(b as i64))
        .collect();
    crate::object::protocol::get_iter(&PyList::new(items?)?)
}

fn mv_tobytes(o: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    PyBytes::new(&data(view(o))?)
}

fn mv_tolist(o: &PyRef) -> PyResult<PyRef> {
    let items: PyResult<Vec<PyRef>> = data(view(o))?
        .into_iter()
        .map(|b| PyInt::new(b as i64))
        .collect();
    PyList::new(items?)
}

fn mv_hex(o: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let d = data(view(o))?;
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    PyStr::new(&s)
}

fn mv_release(o: &PyRef) -> PyResult<PyRef> {
    let m = view(o);
    m.released.set(true);
    // SAFETY: swap out; drop after the borrow.
    let old = unsafe { std::mem::take(&mut *m.data.get()) };
    drop(old);
    Ok(none())
}

fn mv_enter(o: &PyRef) -> PyResult<PyRef> {
    data(view(o))?;
    Ok(o.clone())
}

fn mv_exit(o: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    mv_release(o)
}

fn mv_toreadonly(o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a short read.
    let obj = unsafe { (*view(o).obj.get()).clone() }.unwrap_or_else(none);
    make(obj, data(view(o))?)
}

static MV_METHODS: &[MethodDef] = &[
    MethodDef::new("tobytes", Meth::FastKw(mv_tobytes)),
    MethodDef::new("tolist", Meth::NoArgs(mv_tolist)),
    MethodDef::new("hex", Meth::FastKw(mv_hex)),
    MethodDef::new("release", Meth::NoArgs(mv_release)),
    MethodDef::new("toreadonly", Meth::NoArgs(mv_toreadonly)),
    MethodDef::new("__enter__", Meth::NoArgs(mv_enter)),
    MethodDef::new("__exit__", Meth::Fast(mv_exit)),
];

fn g_obj(o: &PyRef) -> PyResult<PyRef> {
    data(view(o))?;
    // SAFETY: a short read.
    Ok(unsafe { (*view(o).obj.get()).clone() }.unwrap_or_else(none))
}

fn g_nbytes(o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(data(view(o))?.len() as i64)
}

fn g_readonly(o: &PyRef) -> PyResult<PyRef> {
    data(view(o))?;
    Ok(py_bool(true))
}

fn g_itemsize(o: &PyRef) -> PyResult<PyRef> {
    data(view(o))?;
    PyInt::new(1)
}

fn g_format(o: &PyRef) -> PyResult<PyRef> {
    data(view(o))?;
    PyStr::new("B")
}

fn g_ndim(o: &PyRef) -> PyResult<PyRef> {
    data(view(o))?;
    PyInt::new(1)
}

fn g_released(o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(view(o).released.get()))
}

static MV_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("obj", g_obj),
    GetSetDef::getter("nbytes", g_nbytes),
    GetSetDef::getter("readonly", g_readonly),
    GetSetDef::getter("itemsize", g_itemsize),
    GetSetDef::getter("format", g_format),
    GetSetDef::getter("ndim", g_ndim),
    GetSetDef::getter("released", g_released),
];
