//! Frame objects (CPython's `Objects/frameobject.c`).
//!
//! The running frame lives in the evaluation loop (`eval/frame.rs`); a frame
//! object is made only when Python needs one (a traceback entry, a
//! generator's `gi_frame`). It records the code, globals, builtins, locals
//! and the last instruction as of when it was last updated by the loop.
//! Deviation from CPython: the object does not point into the live frame, so
//! `f_lineno` of a frame still running is the line at its last update.

use std::cell::{Cell, UnsafeCell};

use crate::object::*;
use crate::objects::code::PyCode;
use crate::objects::int::PyInt;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// The frame object payload (`PyFrameObject`).
#[repr(C)]
pub struct PyFrame {
    pub ob_base: PyObject,
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub locals: UnsafeCell<Option<PyRef>>,
    pub back: UnsafeCell<Option<PyRef>>,
    /// Code unit index of the last instruction run (-1: not started).
    pub lasti: Cell<i32>,
}

pub static FRAME_TYPE: PyType = PyType {
    tp_name: "frame",
    tp_basicsize: Cell::new(std::mem::size_of::<PyFrame>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_frame),
    tp_traverse: Cell::new(Some(traverse_frame)),
    tp_repr: Cell::new(Some(frame_repr)),
    tp_getset: FRAME_GETSET,
    ..PyType::BASE
};

// SAFETY: PyFrame is repr(C) with the header first.
unsafe impl PyPayload for PyFrame {
    fn type_object() -> &'static PyType {
        &FRAME_TYPE
    }
}

unsafe fn drop_frame(obj: *mut PyObject) {
    // SAFETY: obj is a dead frame object.
    unsafe { std::ptr::drop_in_place(obj as *mut PyFrame) }
}

unsafe fn traverse_frame(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live frame object.
    unsafe {
        let f = &*(obj as *const PyFrame);
        visit(f.code.as_ptr());
        visit(f.globals.as_ptr());
        visit(f.builtins.as_ptr());
        for c in [&f.locals, &f.back] {
            if let Some(o) = &*c.get() {
                visit(o.as_ptr());
            }
        }
    }
}

impl PyFrame {
    pub fn new(
        code: PyRef,
        globals: PyRef,
        builtins: PyRef,
        locals: Option<PyRef>,
        lasti: i32,
    ) -> PyResult<PyRef> {
        alloc_object(
            &FRAME_TYPE,
            PyFrame {
                ob_base: PyObject::NEW,
                code,
                globals,
                builtins,
                locals: UnsafeCell::new(locals),
                back: UnsafeCell::new(None),
                lasti: Cell::new(lasti),
            },
        )
    }

    fn code(&self) -> &PyCode {
        // SAFETY: a frame's code is a code object.
        unsafe { self.code.payload_unchecked::<PyCode>() }
    }

    /// The current line.
    pub fn lineno(&self) -> i32 {
        let l = self.lasti.get();
        if l < 0 {
            return self.code().firstlineno;
        }
        self.code()
            .addr2line(l as usize)
            .unwrap_or(self.code().firstlineno)
    }

    pub fn set_back(&self, back: Option<PyRef>) {
        // SAFETY: swap under the GIL; the old value drops afterwards.
        let old = unsafe { std::mem::replace(&mut *self.back.get(), back) };
        drop(old);
    }

    pub fn set_locals(&self, l: Option<PyRef>) {
        // SAFETY: as above.
        let old = unsafe { std::mem::replace(&mut *self.locals.get(), l) };
        drop(old);
    }
}

fn frame_of(o: &PyRef) -> &PyFrame {
    // SAFETY: slots and getters of `frame` get frame objects.
    unsafe { o.payload_unchecked::<PyFrame>() }
}

fn frame_repr(o: &PyRef) -> PyResult<PyRef> {
    let f = frame_of(o);
    let c = f.code();
    PyStr::new(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.id(),
        c.filename_str(),
        f.lineno(),
        c.name_str()
    ))
}

fn get_opt(c: &UnsafeCell<Option<PyRef>>) -> PyRef {
    // SAFETY: short read under the GIL.
    unsafe { (*c.get()).clone() }.unwrap_or_else(none)
}

static FRAME_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("f_back", |o| Ok(get_opt(&frame_of(o).back))),
    GetSetDef::getter("f_code", |o| Ok(frame_of(o).code.clone())),
    GetSetDef::getter("f_globals", |o| Ok(frame_of(o).globals.clone())),
    GetSetDef::getter("f_builtins", |o| Ok(frame_of(o).builtins.clone())),
    GetSetDef::getter("f_locals", |o| {
        let f = frame_of(o);
        // SAFETY: short read.
        match unsafe { (*f.locals.get()).clone() } {
            Some(l) => Ok(l),
            None => Ok(f.globals.clone()),
        }
    }),
    GetSetDef::getter("f_lasti", |o| {
        PyInt::new(frame_of(o).lasti.get() as i64 * 2)
    }),
    GetSetDef::getter("f_lineno", |o| PyInt::new(frame_of(o).lineno() as i64)),
    GetSetDef::getter("f_trace", |_| Ok(none())),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&FRAME_TYPE];
