//! Traceback objects (CPython's `Python/traceback.c`): one entry per frame
//! an exception passed through, newest last in the `tb_next` chain.

use std::cell::{Cell, UnsafeCell};

use crate::object::*;
use crate::objects::exceptions::PyBaseException;
use crate::objects::frame::PyFrame;
use crate::objects::int::PyInt;
use crate::objects::none::none;

/// The traceback payload (`PyTracebackObject`).
#[repr(C)]
pub struct PyTraceback {
    pub ob_base: PyObject,
    /// The next (newer) entry; `tb_next` can be assigned.
    pub next: UnsafeCell<Option<PyRef>>,
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
    tp_new: Cell::new(Some(tb_new)),
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
        if let Some(n) = &*t.next.get() {
            visit(n.as_ptr());
        }
        visit(t.frame.as_ptr());
    }
}

impl PyTraceback {
    /// `tb_next`.
    pub fn next(&self) -> Option<PyRef> {
        // SAFETY: a short read; the slot is replaced only by `tb_next`'s setter, not during this clone.
        unsafe { (*self.next.get()).clone() }
    }
}

/// `tb_next`'s setter: None or a traceback that does not lead back here.
fn set_tb_next(o: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::type_error("can't delete tb_next attribute"));
    };
    let new = if v.is_none() {
        None
    } else if v.is_instance_of::<PyTraceback>() {
        let mut cur = Some(v.clone());
        while let Some(c) = cur {
            if c.is(o) {
                return Err(PyErr::value_error("traceback loop detected"));
            }
            cur = tb_of(&c).next();
        }
        Some(v.clone())
    } else {
        return Err(PyErr::type_error(format!(
            "expected traceback object, got '{}'",
            v.ty().name()
        )));
    };
    // SAFETY: the old value is moved out before it is dropped (its drop may run Python code).
    let old = unsafe { std::mem::replace(&mut *tb_of(o).next.get(), new) };
    drop(old);
    Ok(())
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` (`tb_new`).
fn tb_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = crate::modules::builtins::parse(
        "TracebackType",
        args,
        kwnames,
        &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"],
        4,
    )?;
    let arg = |i: usize| a[i].clone().ok_or_else(|| PyErr::system_error("argument"));
    let next = arg(0)?;
    let frame = arg(1)?;
    if !frame.is_instance_of::<PyFrame>() {
        return Err(PyErr::type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            frame.ty().name()
        )));
    }
    let lasti = crate::objects::int::as_c_int(&arg(2)?)?;
    let lineno = crate::objects::int::as_c_int(&arg(3)?)?;
    let next = if next.is_none() {
        None
    } else if next.is_instance_of::<PyTraceback>() {
        Some(next)
    } else {
        return Err(PyErr::type_error(format!(
            "expected traceback object or None, got '{}'",
            next.ty().name()
        )));
    };
    alloc_object(
        &TRACEBACK_TYPE,
        PyTraceback {
            ob_base: PyObject::NEW,
            next: UnsafeCell::new(next),
            frame,
            lasti: lasti.div_euclid(2),
            lineno,
        },
    )
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
            next: UnsafeCell::new(next),
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
                cur = p.next();
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
    GetSetDef {
        name: "tb_next",
        get: Some(|o| Ok(tb_of(o).next().unwrap_or_else(none))),
        set: Some(set_tb_next),
        doc: "",
    },
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&TRACEBACK_TYPE];
