//! Frame objects (CPython's `Objects/frameobject.c`).
//!
//! The running frame lives in the evaluation loop (`eval/frame.rs`); a frame
//! object is made only when Python needs one (a traceback entry, a
//! generator's `gi_frame`). It records the code, globals, builtins, locals
//! and the last instruction as of when it was last updated by the loop.
//! While its frame runs (or is suspended in a generator) the object points
//! at the live frame (`live`) and reads `f_lineno`, `f_lasti`, `f_back` and
//! `f_locals` from it; when the frame finishes the object takes ownership of
//! its local variables (`take_ownership` in CPython's `Python/frame.c`) and
//! of its `f_back`, so a traceback's frames still show their locals.

use std::cell::{Cell, UnsafeCell};

use crate::eval::frame::Frame;
use crate::objects::dict::PyDict;

use crate::object::protocol;
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
    /// The running or suspended frame this object stands for (null once it
    /// finished).
    pub live: Cell<*mut Frame>,
    /// The generator owning the live frame, if any (borrowed; set while the
    /// generator is suspended).
    pub gen: Cell<*mut PyObject>,
    /// The local variables slots, taken over when the frame finished.
    pub owned: UnsafeCell<Option<Box<[Option<PyRef>]>>>,
    pub trace: UnsafeCell<Option<PyRef>>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
}

pub static FRAME_TYPE: PyType = PyType {
    tp_name: "frame",
    tp_basicsize: Cell::new(std::mem::size_of::<PyFrame>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_frame),
    tp_traverse: Cell::new(Some(traverse_frame)),
    tp_clear: Cell::new(Some(clear_frame)),
    tp_repr: Cell::new(Some(frame_repr)),
    tp_getset: FRAME_GETSET,
    tp_methods: FRAME_METHODS,
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

/// `frame_tp_clear`: drops the trace function and the locals a finished
/// frame took over (a running or suspended frame's are the evaluation
/// loop's or the generator's and are left alone).
unsafe fn clear_frame(obj: *mut PyObject) {
    // SAFETY: obj is a live frame object; the values are taken out and dropped after the borrows end.
    let (trace, slots) = unsafe {
        let f = &*(obj as *const PyFrame);
        ((*f.trace.get()).take(), (*f.owned.get()).take())
    };
    drop(trace);
    drop(slots);
}

unsafe fn traverse_frame(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live frame object.
    unsafe {
        let f = &*(obj as *const PyFrame);
        visit(f.code.as_ptr());
        visit(f.globals.as_ptr());
        visit(f.builtins.as_ptr());
        for c in [&f.locals, &f.back, &f.trace] {
            if let Some(o) = &*c.get() {
                visit(o.as_ptr());
            }
        }
        if let Some(slots) = &*f.owned.get() {
            for o in slots.iter().flatten() {
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
                live: Cell::new(std::ptr::null_mut()),
                gen: Cell::new(std::ptr::null_mut()),
                owned: UnsafeCell::new(None),
                trace: UnsafeCell::new(None),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
            },
        )
    }

    fn code(&self) -> &PyCode {
        // SAFETY: a frame's code is a code object.
        unsafe { self.code.payload_unchecked::<PyCode>() }
    }

    /// The last instruction: the live frame's, else the one recorded.
    fn cur_lasti(&self) -> i32 {
        let p = self.live.get();
        if p.is_null() {
            self.lasti.get()
        } else {
            // SAFETY: `live` is cleared when the frame is dropped.
            unsafe { (*p).lasti as i32 }
        }
    }

    /// The current line.
    pub fn lineno(&self) -> i32 {
        let l = self.cur_lasti();
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

fn frame_back(o: &PyRef) -> PyResult<PyRef> {
    let f = frame_of(o);
    let p = f.live.get();
    if !p.is_null() {
        // SAFETY: `live` is cleared when the frame is dropped; its `back` is null unless the calling frame is running.
        let back = unsafe { (*p).back };
        if back.is_null() {
            return Ok(none());
        }
        // SAFETY: as above.
        return unsafe { (*back).frame_object() };
    }
    Ok(get_opt(&f.back))
}

/// Copies the bound local variables of `slots` into `dict`, removing the
/// unbound ones (`_PyFrame_FastToLocalsWithError`).
fn fill_locals(code: &PyCode, slots: &[Option<PyRef>], dict: &PyDict) -> PyResult<()> {
    use taipan_bytecode::marshal::fast_kind;
    let names = code.localsplus_names();
    let optimized = code.flags & crate::objects::code::flags::OPTIMIZED != 0;
    let mut vals: Vec<(PyRef, Option<PyRef>)> = Vec::with_capacity(code.nlocalsplus);
    for i in 0..code.nlocalsplus.min(slots.len()).min(names.len()) {
        let kind = code.localspluskinds.get(i).copied().unwrap_or(0);
        if kind & fast_kind::FREE != 0 && !optimized {
            continue;
        }
        let mut v = slots[i].clone();
        if kind & (fast_kind::CELL | fast_kind::FREE) != 0 {
            if let Some(c) = v
                .as_ref()
                .and_then(|x| x.downcast::<crate::objects::cell::PyCell>())
            {
                v = c.get();
            }
        }
        vals.push((names[i].clone(), v));
    }
    for (k, v) in vals {
        match v {
            Some(v) => dict.set_item(k, v)?,
            None => {
                if dict.get_item(&k)?.is_some() {
                    dict.del_item(&k)?;
                }
            }
        }
    }
    Ok(())
}

/// The frame object's locals dict of a function frame, made on first need.
fn locals_dict(f: &PyFrame) -> PyResult<PyRef> {
    // SAFETY: short read.
    if let Some(l) = unsafe { (*f.locals.get()).clone() } {
        return Ok(l);
    }
    let d = PyDict::new()?;
    f.set_locals(Some(d.clone()));
    Ok(d)
}

/// `frame.f_locals` (`PyFrame_GetLocals`): the namespace of a module or
/// class body; for a function, a dict updated from its local variables.
pub fn frame_locals(o: &PyRef) -> PyResult<PyRef> {
    let f = frame_of(o);
    let p = f.live.get();
    if !p.is_null() {
        // SAFETY: `live` is cleared when the frame is dropped.
        let fr = unsafe { &*p };
        if let Some(l) = &fr.locals {
            return Ok(l.clone());
        }
        let d = locals_dict(f)?;
        let slots: Vec<Option<PyRef>> =
            fr.slots[..fr.code_ref().nlocalsplus.min(fr.slots.len())].to_vec();
        fill_locals(f.code(), &slots, downcast_dict(&d)?)?;
        return Ok(d);
    }
    if f.code().flags & crate::objects::code::flags::OPTIMIZED == 0 {
        // SAFETY: short read.
        return Ok(unsafe { (*f.locals.get()).clone() }.unwrap_or_else(|| f.globals.clone()));
    }
    let d = locals_dict(f)?;
    let slots: Option<Vec<Option<PyRef>>> =
        // SAFETY: short read; the values are cloned before the dict is touched.
        unsafe { (*f.owned.get()).as_ref().map(|s| s.to_vec()) };
    if let Some(slots) = slots {
        fill_locals(f.code(), &slots, downcast_dict(&d)?)?;
    }
    Ok(d)
}

fn downcast_dict(d: &PyRef) -> PyResult<&PyDict> {
    d.downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("frame locals are not a dict"))
}

/// Called when a frame that has a frame object finishes: the object keeps
/// the local variables, the last instruction and its `f_back`.
pub fn take_ownership(frame: &mut Frame) {
    let fo = match frame.frame_obj.take() {
        Some(f) => f,
        None => return,
    };
    let f = match fo.downcast::<PyFrame>() {
        Some(f) => f,
        None => return,
    };
    f.lasti.set(frame.lasti as i32);
    f.live.set(std::ptr::null_mut());
    f.gen.set(std::ptr::null_mut());
    frame.clear_stack();
    let slots = std::mem::take(&mut frame.slots);
    // SAFETY: GIL held; the old value drops after the write.
    let old = unsafe { (*f.owned.get()).replace(slots.into_boxed_slice()) };
    drop(old);
    if !frame.back.is_null() {
        // SAFETY: a frame's `back` is running while it runs (generators clear it when they suspend).
        if let Ok(b) = unsafe { (*frame.back).frame_object() } {
            f.set_back(Some(b));
        }
    }
}

/// `frame.clear()`: drops the local variables of a finished frame; closes
/// the generator of a suspended one; refuses a running one.
fn frame_clear(o: &PyRef) -> PyResult<PyRef> {
    let f = frame_of(o);
    let p = f.live.get();
    if !p.is_null() {
        let g = f.gen.get();
        if g.is_null() || crate::eval::ceval::is_running_frame(p) {
            return Err(PyErr::runtime_error("cannot clear an executing frame"));
        }
        // SAFETY: `gen` is set only while the owning generator suspends its live frame, so it is alive.
        let gen = unsafe { PyRef::from_borrowed(g) };
        protocol::call_method(&gen, "close", &[])?;
        return Ok(none());
    }
    // SAFETY: GIL held; the old values drop after the writes.
    let old = unsafe { (*f.owned.get()).take() };
    drop(old);
    if f.code().flags & crate::objects::code::flags::OPTIMIZED != 0 {
        let d = PyDict::new()?;
        f.set_locals(Some(d));
    }
    // SAFETY: as above.
    let old = unsafe { (*f.trace.get()).take() };
    drop(old);
    Ok(none())
}

static FRAME_METHODS: &[MethodDef] = &[MethodDef::new("clear", Meth::NoArgs(frame_clear))];

static FRAME_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("f_back", frame_back),
    GetSetDef::getter("f_code", |o| Ok(frame_of(o).code.clone())),
    GetSetDef::getter("f_globals", |o| Ok(frame_of(o).globals.clone())),
    GetSetDef::getter("f_builtins", |o| Ok(frame_of(o).builtins.clone())),
    GetSetDef::getter("f_locals", frame_locals),
    GetSetDef::getter("f_lasti", |o| {
        PyInt::new(frame_of(o).cur_lasti() as i64 * 2)
    }),
    GetSetDef::getter("f_lineno", |o| PyInt::new(frame_of(o).lineno() as i64)),
    GetSetDef {
        name: "f_trace",
        get: Some(|o| Ok(get_opt(&frame_of(o).trace))),
        set: Some(|o, v| {
            let v = v.filter(|v| !v.is_none()).cloned();
            // SAFETY: GIL held; the old value drops after the write.
            let old = unsafe { std::mem::replace(&mut *frame_of(o).trace.get(), v) };
            drop(old);
            Ok(())
        }),
        doc: "",
    },
    GetSetDef {
        name: "f_trace_lines",
        get: Some(|o| {
            Ok(crate::objects::bool_::py_bool(
                frame_of(o).trace_lines.get(),
            ))
        }),
        set: Some(|o, v| {
            frame_of(o).trace_lines.set(set_bool(v)?);
            Ok(())
        }),
        doc: "",
    },
    GetSetDef {
        name: "f_trace_opcodes",
        get: Some(|o| {
            Ok(crate::objects::bool_::py_bool(
                frame_of(o).trace_opcodes.get(),
            ))
        }),
        set: Some(|o, v| {
            frame_of(o).trace_opcodes.set(set_bool(v)?);
            Ok(())
        }),
        doc: "",
    },
];

fn set_bool(v: Option<&PyRef>) -> PyResult<bool> {
    match v {
        Some(v) if crate::objects::bool_::is_true_obj(v) => Ok(true),
        Some(v) if crate::objects::bool_::is_false_obj(v) => Ok(false),
        Some(_) => Err(PyErr::type_error("attribute value type must be bool")),
        None => Err(PyErr::attribute_error("cannot delete attribute")),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&FRAME_TYPE];
