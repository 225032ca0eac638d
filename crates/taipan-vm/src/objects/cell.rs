//! Cell objects (CPython's `Objects/cellobject.c`): the boxes closures share
//! a variable through.

use std::cell::{Cell, UnsafeCell};

use crate::object::*;
use crate::objects::str::PyStr;

/// The cell payload (`PyCellObject`).
#[repr(C)]
pub struct PyCell {
    pub ob_base: PyObject,
    contents: UnsafeCell<Option<PyRef>>,
}

pub static CELL_TYPE: PyType = PyType {
    tp_name: "cell",
    tp_basicsize: Cell::new(std::mem::size_of::<PyCell>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_cell),
    tp_traverse: Cell::new(Some(traverse_cell)),
    tp_clear: Cell::new(Some(clear_cell)),
    tp_repr: Cell::new(Some(cell_repr)),
    tp_new: Cell::new(Some(cell_new)),
    tp_getset: CELL_GETSET,
    ..PyType::BASE
};

// SAFETY: PyCell is repr(C) with the header first.
unsafe impl PyPayload for PyCell {
    fn type_object() -> &'static PyType {
        &CELL_TYPE
    }
}

unsafe fn drop_cell(obj: *mut PyObject) {
    // SAFETY: obj is a dead cell.
    unsafe { std::ptr::drop_in_place(obj as *mut PyCell) }
}

unsafe fn traverse_cell(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live cell.
    unsafe {
        if let Some(o) = &*(*(obj as *const PyCell)).contents.get() {
            visit(o.as_ptr());
        }
    }
}

unsafe fn clear_cell(obj: *mut PyObject) {
    // SAFETY: obj is a live cell; the old value drops after the borrow.
    let old = unsafe { (*(*(obj as *const PyCell)).contents.get()).take() };
    drop(old);
}

/// `cell([contents])` (`cell_new`).
fn cell_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    if nkw > 0 {
        return Err(PyErr::type_error("cell() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "cell expected at most 1 argument, got {}",
            args.len()
        )));
    }
    PyCell::new(args.first().cloned())
}

impl PyCell {
    /// A new cell holding `v`.
    pub fn new(v: Option<PyRef>) -> PyResult<PyRef> {
        alloc_object(
            &CELL_TYPE,
            PyCell {
                ob_base: PyObject::NEW,
                contents: UnsafeCell::new(v),
            },
        )
    }

    /// The contents (a new reference).
    #[inline(always)]
    pub fn get(&self) -> Option<PyRef> {
        // SAFETY: short read under the GIL.
        unsafe { (*self.contents.get()).clone() }
    }

    /// Replaces the contents; the old value is dropped after the write.
    #[inline(always)]
    pub fn set(&self, v: Option<PyRef>) {
        // SAFETY: swap under the GIL; the old value drops afterwards.
        let old = unsafe { std::mem::replace(&mut *self.contents.get(), v) };
        drop(old);
    }
}

fn cell_of(o: &PyRef) -> &PyCell {
    // SAFETY: getters and slots of `cell` get cells.
    unsafe { o.payload_unchecked::<PyCell>() }
}

fn cell_repr(o: &PyRef) -> PyResult<PyRef> {
    match cell_of(o).get() {
        None => PyStr::new(&format!("<cell at {:#x}: empty>", o.id())),
        Some(v) => PyStr::new(&format!(
            "<cell at {:#x}: {} object at {:#x}>",
            o.id(),
            v.ty().name(),
            v.id()
        )),
    }
}

fn cell_contents_get(o: &PyRef) -> PyResult<PyRef> {
    cell_of(o)
        .get()
        .ok_or_else(|| PyErr::value_error("Cell is empty"))
}

fn cell_contents_set(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    cell_of(o).set(v.cloned());
    Ok(())
}

static CELL_GETSET: &[GetSetDef] = &[GetSetDef {
    name: "cell_contents",
    get: Some(cell_contents_get),
    set: Some(cell_contents_set),
    doc: "",
}];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&CELL_TYPE];
