//! Traceback objects (CPython's `Python/traceback.c`): one entry per frame
//! an exception passed through, newest last in the `tb_next` chain.

use std::cell::Cell;

use crate::object::*;
use crate::objects::exceptions::PyBaseException;
use crate::objects::frame::PyFrame;
use crate::objects::int::PyInt;
use crate::objects::none::none;

/// The traceback payload (`PyTracebackObject`).
#[repr(C)]
pub struct PyTraceback {
    pub ob_base: PyObject,
    pub next: Option<PyRef>,
    pub frame: PyRef,
    /// Code unit index of the instruction that raised.
    pub lasti: i32,
    pub lineno: i32,
}

pub static TRACEBACK_TYPE: PyType = PyType {
    tp_name: "traceback",
    tp_basicsize: Cell::new(std::mem::size_of::<PyTraceback>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_tb),
    tp_traverse: Cell::new(Some(traverse_tb)),
    tp_getset: TB_GETSET,
    ..PyType::BASE
};

// SAFETY: PyTraceback is repr(C) with the header first.
unsafe impl PyPayload for PyTraceback {
    fn type_object() -> &'static PyType {
        &TRACEBACK_TYPE
    }
}

unsafe fn drop_tb(obj: *mut PyObject) {
    // SAFETY: obj is a dead traceback.
    unsafe { std::ptr::drop_in_place(obj as *mut PyTraceback) }
}

unsafe fn traverse_tb(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live traceback.
    unsafe {
        let t = &*(obj as *const PyTraceback);
        if let Some(n) = &t.next {
            visit(n.as_ptr());
        }
        visit(t.frame.as_ptr());
    }
}

fn tb_of(o: &PyRef) -> &PyTraceback {
    // SAFETY: getters of `traceback` get tracebacks.
    unsafe { o.payload_unchecked::<PyTraceback>() }
}

/// `PyTraceBack_Here`: prepends an entry for `frame` (a frame object) at
/// `lasti` to the exception's `__traceback__`.
pub fn add_entry(exc: &PyRef, frame: &PyRef, lasti: i32) -> PyResult<()> {
    let e = match exc.downcast::<PyBaseException>() {
        Some(e) => e,
        None => return Ok(()),
    };
    let lineno = frame
        .downcast::<PyFrame>()
        .map(|f| {
            f.lasti.set(lasti);
            f.lineno()
        })
        .unwrap_or(-1);
    let next = PyBaseException::get_field(&e.traceback);
    let tb = alloc_object(
        &TRACEBACK_TYPE,
        PyTraceback {
            ob_base: PyObject::NEW,
            next,
            frame: frame.clone(),
            lasti,
            lineno,
        },
    )?;
    PyBaseException::set_field(&e.traceback, Some(tb));
    Ok(())
}

/// The entries of a traceback chain, oldest first: (frame, lineno, lasti).
pub fn entries(tb: &PyRef) -> Vec<(PyRef, i32, i32)> {
    let mut v = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        match t.downcast::<PyTraceback>() {
            Some(p) => {
                v.push((p.frame.clone(), p.lineno, p.lasti));
                cur = p.next.clone();
            }
            None => break,
        }
    }
    v
}

static TB_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("tb_frame", |o| Ok(tb_of(o).frame.clone())),
    GetSetDef::getter("tb_lineno", |o| PyInt::new(tb_of(o).lineno as i64)),
    GetSetDef::getter("tb_lasti", |o| PyInt::new(tb_of(o).lasti as i64 * 2)),
    GetSetDef::getter("tb_next", |o| {
        Ok(tb_of(o).next.clone().unwrap_or_else(none))
    }),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&TRACEBACK_TYPE];
