//! Generators (CPython's `Objects/genobject.c`).
//!
//! A generator owns its suspended frame. `RETURN_GENERATOR` hands the
//! function's fresh frame to a new generator; `send` pushes the sent value
//! onto the frame's stack and runs it until the next `YIELD_VALUE` (the
//! frame is given back) or its return (the frame is dropped). `throw`
//! raises inside the frame at its current instruction, delegating to the
//! sub-iterator of a `yield from` first. Coroutines and async generators are
//! not supported yet (their code raises when called). Deviation: a
//! generator collected while suspended drops its frame without running its
//! `finally` blocks (CPython closes it).

use std::cell::{Cell, UnsafeCell};

use crate::eval::ceval::{run_frame, Outcome, Resume};
use crate::eval::frame::Frame;
use crate::object::*;
use crate::objects::code::PyCode;
use crate::objects::exceptions::{self as exc, PyBaseException};
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// The generator payload (`PyGenObject`).
#[repr(C)]
pub struct PyGen {
    pub ob_base: PyObject,
    frame: UnsafeCell<Option<Box<Frame>>>,
    running: Cell<bool>,
    started: Cell<bool>,
    code: PyRef,
    name: UnsafeCell<PyRef>,
    qualname: UnsafeCell<PyRef>,
    exc_state: UnsafeCell<Option<PyRef>>,
}

pub static GEN_TYPE: PyType = PyType {
    tp_name: "generator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyGen>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_gen),
    tp_traverse: Cell::new(Some(traverse_gen)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(gen_iternext)),
    tp_repr: Cell::new(Some(gen_repr)),
    tp_methods: GEN_METHODS,
    tp_getset: GEN_GETSET,
    ..PyType::BASE
};

// SAFETY: PyGen is repr(C) with the header first.
unsafe impl PyPayload for PyGen {
    fn type_object() -> &'static PyType {
        &GEN_TYPE
    }
}

unsafe fn drop_gen(obj: *mut PyObject) {
    // SAFETY: obj is a dead generator.
    unsafe { std::ptr::drop_in_place(obj as *mut PyGen) }
}

unsafe fn traverse_gen(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live generator; its frame is read, not moved.
    unsafe {
        let g = &*(obj as *const PyGen);
        visit(g.code.as_ptr());
        if let Some(f) = &*g.frame.get() {
            visit(f.globals.as_ptr());
            for o in f.slots.iter().flatten() {
                visit(o.as_ptr());
            }
        }
        if let Some(e) = &*g.exc_state.get() {
            visit(e.as_ptr());
        }
    }
}

/// What a resumed generator did.
pub enum GenResult {
    Yield(PyRef),
    Return(PyRef),
}

impl PyGen {
    /// A generator owning `frame` (stopped just after `RETURN_GENERATOR`).
    pub fn new(mut frame: Box<Frame>) -> PyResult<PyRef> {
        // A suspended frame has no caller.
        frame.back = std::ptr::null_mut();
        let code = frame.code.clone();
        // SAFETY: a frame's code is a code object.
        let c = unsafe { code.payload_unchecked::<PyCode>() };
        if c.flags
            & (crate::objects::code::flags::COROUTINE
                | crate::objects::code::flags::ASYNC_GENERATOR)
            != 0
        {
            return Err(PyErr::not_implemented_error(
                "coroutines and async generators are not supported yet",
            ));
        }
        let (name, qualname) = match frame
            .func
            .as_ref()
            .and_then(|f| f.downcast::<crate::objects::function::PyFunction>())
        {
            Some(f) => (f.name(), f.qualname()),
            None => (c.name.clone(), c.qualname.clone()),
        };
        alloc_object(
            &GEN_TYPE,
            PyGen {
                ob_base: PyObject::NEW,
                frame: UnsafeCell::new(Some(frame)),
                running: Cell::new(false),
                started: Cell::new(false),
                code,
                name: UnsafeCell::new(name),
                qualname: UnsafeCell::new(qualname),
                exc_state: UnsafeCell::new(None),
            },
        )
    }

    fn take_frame(&self) -> Option<Box<Frame>> {
        // SAFETY: GIL held; the frame is moved out while it runs.
        unsafe { (*self.frame.get()).take() }
    }

    fn put_frame(&self, mut f: Option<Box<Frame>>) {
        if let Some(fr) = f.as_mut() {
            // A suspended frame has no caller; its frame object learns
            // which generator to close on `frame.clear()`.
            fr.back = std::ptr::null_mut();
            if let Some(fo) = fr
                .frame_obj
                .as_ref()
                .and_then(|o| o.downcast::<crate::objects::frame::PyFrame>())
            {
                fo.gen.set(self as *const PyGen as *mut PyObject);
            }
        }
        // SAFETY: as above; the old value (None while running) is dropped.
        let old = unsafe { std::mem::replace(&mut *self.frame.get(), f) };
        drop(old);
    }

    /// The sub-iterator of a `yield from` the generator is suspended in
    /// (`_PyGen_yf`): the next instruction is `RESUME` with argument 2 or
    /// more, and the iterator is on top of the stack.
    fn yield_from(&self) -> Option<PyRef> {
        // SAFETY: short read of a suspended frame.
        let f = unsafe { (*self.frame.get()).as_ref()? };
        if !self.started.get() {
            return None;
        }
        let code = f.code_ref();
        let unit = *code.code.get(f.pc)?;
        if (unit & 0xff) as u8 != taipan_bytecode::Opcode::Resume as u8 || (unit >> 8) < 2 {
            return None;
        }
        f.slots.get(f.sp.checked_sub(1)?)?.clone()
    }
}

fn gen_of(o: &PyRef) -> &PyGen {
    // SAFETY: slots and methods of `generator` get generators.
    unsafe { o.payload_unchecked::<PyGen>() }
}

/// `StopIteration`'s value if `e` is one (`None` when it has no argument).
pub fn stop_iteration_value(e: &PyErr) -> Option<PyRef> {
    if !e.matches(&exc::STOP_ITERATION) {
        return None;
    }
    let b = e.value().downcast::<PyBaseException>()?;
    let args = b.args();
    let t = args.downcast::<crate::objects::tuple::PyTuple>()?;
    Some(t.items().first().cloned().unwrap_or_else(none))
}

/// `gen_send_ex2`: resumes the generator.
pub fn send_ex(gen: &PyRef, resume: Resume) -> PyResult<GenResult> {
    let g = gen
        .downcast::<PyGen>()
        .ok_or_else(|| PyErr::type_error("expected a generator"))?;
    if g.running.get() {
        return Err(PyErr::value_error("generator already executing"));
    }
    let frame = match g.take_frame() {
        Some(f) => f,
        None => {
            return match resume {
                Resume::Throw(e) => Err(e),
                _ => Err(PyErr::stop_iteration(None)),
            }
        }
    };
    if !g.started.get() {
        if let Resume::Push(v) = &resume {
            if !v.is_none() {
                g.put_frame(Some(frame));
                return Err(PyErr::type_error(
                    "can't send non-None value to a just-started generator",
                ));
            }
        }
    }
    let resume = match resume {
        Resume::Start => Resume::Push(none()),
        r => r,
    };
    let _guard = crate::eval::recursion::enter_call("")?;
    g.started.set(true);
    g.running.set(true);
    // The generator's own handled exception replaces the caller's while it
    // runs.
    // SAFETY: short take under the GIL.
    let saved = unsafe { (*g.exc_state.get()).take() };
    let outer = crate::eval::ceval::exc_info();
    if saved.is_some() {
        crate::eval::ceval::set_exc_info(saved);
    }
    let (outcome, frame) = crate::eval::recursion::with_stack(|| run_frame(frame, resume));
    let cur = crate::eval::ceval::set_exc_info(outer.clone());
    g.running.set(false);
    match outcome {
        Outcome::Yield(v) => {
            let keep = match (&cur, &outer) {
                (Some(c), Some(o)) if c.is(o) => None,
                _ => cur,
            };
            // SAFETY: short write; the generator is not running.
            let old = unsafe { std::mem::replace(&mut *g.exc_state.get(), keep) };
            drop(old);
            g.put_frame(Some(frame));
            Ok(GenResult::Yield(v))
        }
        Outcome::Return(v) => {
            drop(frame);
            Ok(GenResult::Return(v))
        }
        Outcome::Error(e) => {
            drop(frame);
            if e.matches(&exc::STOP_ITERATION) {
                let r = PyErr::runtime_error("generator raised StopIteration");
                if let Some(b) = r.value().downcast::<PyBaseException>() {
                    PyBaseException::set_field(&b.cause, Some(e.value().clone()));
                    PyBaseException::set_field(&b.context, Some(e.into_value()));
                    b.suppress_context.set(true);
                }
                return Err(r);
            }
            Err(e)
        }
        Outcome::Generator => Err(PyErr::system_error("generator frame returned a generator")),
    }
}

fn gen_iternext(gen: &PyRef) -> PyResult<Option<PyRef>> {
    let g = gen_of(gen);
    // SAFETY: short read.
    if !g.running.get() && unsafe { (*g.frame.get()).is_none() } {
        return Ok(None);
    }
    match send_ex(gen, Resume::Push(none()))? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(_) => Ok(None),
    }
}

fn result_to_value(r: GenResult) -> PyResult<PyRef> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => {
            if v.is_none() {
                Err(PyErr::stop_iteration(None))
            } else {
                Err(PyErr::stop_iteration(Some(v)))
            }
        }
    }
}

fn gen_send(gen: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    result_to_value(send_ex(gen, Resume::Push(v.clone()))?)
}

/// Resumes a generator suspended in `yield from` as if its `SEND` got the
/// sub-iterator's return value `v`: pops the sub-iterator, pushes `v` and
/// continues after the `SEND`'s jump target.
fn finish_yield_from(gen: &PyRef, v: PyRef) -> PyResult<GenResult> {
    let g = gen_of(gen);
    {
        // SAFETY: the generator is suspended; its frame is adjusted in place
        // before it runs again.
        let f = match unsafe { (*g.frame.get()).as_mut() } {
            Some(f) => f,
            None => return Ok(GenResult::Return(none())),
        };
        // Layout: SEND (pc-2), YIELD_VALUE (pc-1), RESUME (pc).
        let code = f.code_ref();
        let send = f.pc.checked_sub(2).and_then(|i| code.code.get(i).copied());
        match send {
            Some(unit) if (unit & 0xff) as u8 == taipan_bytecode::Opcode::Send as u8 => {
                let target = f.pc - 1 + (unit >> 8) as usize;
                f.sp -= 1;
                let old = f.slots[f.sp].take();
                drop(old);
                f.pc = target;
            }
            _ => return Err(PyErr::system_error("generator is not in a yield from")),
        }
    }
    send_ex(gen, Resume::Push(v))
}

fn throw_value(gen: &PyRef, e: PyErr) -> PyResult<GenResult> {
    let g = gen_of(gen);
    if let Some(yf) = g.yield_from() {
        if e.matches(&exc::GENERATOR_EXIT) {
            // Close the sub-iterator first, then raise in this frame.
            g.running.set(true);
            let r = close_iter(&yf);
            g.running.set(false);
            if let Err(e2) = r {
                return send_ex(gen, Resume::Throw(e2));
            }
            return send_ex(gen, Resume::Throw(e));
        }
        g.running.set(true);
        let r = if yf.is_instance_of::<PyGen>() {
            throw_value(&yf, e).map(Some)
        } else {
            match protocol::lookup_attr(&yf, crate::intern!("throw")) {
                Ok(Some(m)) => {
                    let args = [e.value().type_ref(), e.value().clone()];
                    match protocol::call(&m, &args, None) {
                        Ok(v) => Ok(Some(GenResult::Yield(v))),
                        Err(e2) => Err(e2),
                    }
                }
                Ok(None) => {
                    g.running.set(false);
                    return send_ex(gen, Resume::Throw(e));
                }
                Err(e2) => Err(e2),
            }
        };
        g.running.set(false);
        return match r {
            Ok(Some(GenResult::Yield(v))) => Ok(GenResult::Yield(v)),
            Ok(Some(GenResult::Return(v))) => finish_yield_from(gen, v),
            Ok(None) => Ok(GenResult::Return(none())),
            Err(e2) => match stop_iteration_value(&e2) {
                Some(v) => finish_yield_from(gen, v),
                None => send_ex(gen, Resume::Throw(e2)),
            },
        };
    }
    send_ex(gen, Resume::Throw(e))
}

use crate::object::protocol;

fn close_iter(it: &PyRef) -> PyResult<()> {
    if it.is_instance_of::<PyGen>() {
        gen_close(it).map(|_| ())
    } else {
        match protocol::lookup_attr(it, crate::intern!("close"))? {
            Some(m) => protocol::call(&m, &[], None).map(|_| ()),
            None => Ok(()),
        }
    }
}

fn gen_throw(gen: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "throw expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let typ = &args[0];
    let val = args.get(1).filter(|v| !v.is_none());
    let e = if crate::objects::type_::as_type(typ).is_some() {
        let inst = match val {
            Some(v)
                if v.ty().is_subtype(
                    crate::objects::type_::as_type(typ).unwrap_or(&exc::BASE_EXCEPTION),
                ) =>
            {
                v.clone()
            }
            Some(v) => {
                let a = if v.is_instance_of::<crate::objects::tuple::PyTuple>() {
                    crate::objects::tuple::PyTuple::from_slice(
                        v.downcast::<crate::objects::tuple::PyTuple>()
                            .map(|t| t.items())
                            .unwrap_or(&[]),
                    )?
                } else {
                    crate::objects::tuple::PyTuple::new(vec![v.clone()])?
                };
                let items = a
                    .downcast::<crate::objects::tuple::PyTuple>()
                    .map(|t| t.items().to_vec())
                    .unwrap_or_default();
                protocol::call(typ, &items, None)?
            }
            None => crate::eval::ceval::make_exception(typ)?,
        };
        if !inst.ty().is_subtype(&exc::BASE_EXCEPTION) {
            return Err(PyErr::type_error(
                "exceptions must be classes or instances deriving from BaseException, not type",
            ));
        }
        inst
    } else if typ.ty().is_subtype(&exc::BASE_EXCEPTION) {
        if val.is_some() {
            return Err(PyErr::type_error(
                "instance exception may not have a separate value",
            ));
        }
        typ.clone()
    } else {
        return Err(PyErr::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.ty().name()
        )));
    };
    if let Some(tb) = args.get(2).filter(|t| !t.is_none()) {
        if let Some(b) = e.downcast::<PyBaseException>() {
            PyBaseException::set_field(&b.traceback, Some(tb.clone()));
        }
    }
    result_to_value(throw_value(gen, PyErr::from_value(e))?)
}

fn gen_close(gen: &PyRef) -> PyResult<PyRef> {
    let g = gen_of(gen);
    if !g.started.get() {
        g.put_frame(None);
        return Ok(none());
    }
    // SAFETY: short read.
    if unsafe { (*g.frame.get()).is_none() } {
        return Ok(none());
    }
    let e = PyErr::with_args(&exc::GENERATOR_EXIT, &[]);
    match throw_value(gen, e) {
        Ok(GenResult::Yield(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
        Ok(GenResult::Return(_)) => Ok(none()),
        Err(e) if e.matches(&exc::GENERATOR_EXIT) || e.matches(&exc::STOP_ITERATION) => Ok(none()),
        Err(e) => Err(e),
    }
}

fn gen_repr(gen: &PyRef) -> PyResult<PyRef> {
    // SAFETY: short read.
    let q = unsafe { (*gen_of(gen).qualname.get()).clone() };
    PyStr::new(&format!(
        "<generator object {} at {:#x}>",
        crate::objects::descr::name_str(&q),
        gen.id()
    ))
}

fn gi_frame(gen: &PyRef) -> PyResult<PyRef> {
    let g = gen_of(gen);
    if g.running.get() {
        return Ok(none());
    }
    // SAFETY: the generator is suspended; the frame is borrowed briefly.
    match unsafe { (*g.frame.get()).as_mut() } {
        Some(f) => {
            let fo = f.frame_object()?;
            if let Some(p) = fo.downcast::<crate::objects::frame::PyFrame>() {
                p.gen.set(g as *const PyGen as *mut PyObject);
            }
            Ok(fo)
        }
        None => Ok(none()),
    }
}

static GEN_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(gen_send)),
    MethodDef::new("throw", Meth::Fast(gen_throw)),
    MethodDef::new("close", Meth::NoArgs(gen_close)),
];

static GEN_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("gi_frame", gi_frame),
    GetSetDef::getter("gi_running", |o| {
        Ok(crate::objects::bool_::py_bool(gen_of(o).running.get()))
    }),
    GetSetDef::getter("gi_suspended", |o| {
        let g = gen_of(o);
        // SAFETY: short read.
        let has = unsafe { (*g.frame.get()).is_some() };
        Ok(crate::objects::bool_::py_bool(
            has && g.started.get() && !g.running.get(),
        ))
    }),
    GetSetDef::getter("gi_code", |o| Ok(gen_of(o).code.clone())),
    GetSetDef::getter("gi_yieldfrom", |o| {
        Ok(gen_of(o).yield_from().unwrap_or_else(none))
    }),
    GetSetDef::getter("__name__", |o| {
        // SAFETY: short read.
        Ok(unsafe { (*gen_of(o).name.get()).clone() })
    }),
    GetSetDef::getter("__qualname__", |o| {
        // SAFETY: short read.
        Ok(unsafe { (*gen_of(o).qualname.get()).clone() })
    }),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&GEN_TYPE];
