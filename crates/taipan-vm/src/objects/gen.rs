//! Generators, coroutines and async generators (CPython's
//! `Objects/genobject.c`).
//!
//! A generator owns its suspended frame. `RETURN_GENERATOR` hands the
//! function's fresh frame to a new generator (a coroutine when the code has
//! `CO_COROUTINE`, an async generator with `CO_ASYNC_GENERATOR`); `send`
//! pushes the sent value onto the frame's stack and runs it until the next
//! `YIELD_VALUE` (the frame is given back) or its return (the frame is
//! dropped). `throw` raises inside the frame at its current instruction,
//! delegating to the sub-iterator of a `yield from`/`await` first. The three
//! kinds share one payload and differ by type object, as CPython's
//! `PyGenObject`, `PyCoroObject` and `PyAsyncGenObject` share their head.
//! A generator collected while suspended is closed first (`_PyGen_Finalize`).
//! Async generators' `asend`/`athrow`/`aclose` awaitables follow
//! `async_gen_asend_send`, `async_gen_athrow_send` and
//! `async_gen_unwrap_value`. Deviation: no "never awaited" warning and no
//! async generator finalizer hooks (`sys.set_asyncgen_hooks`).

use std::cell::{Cell, UnsafeCell};

use crate::eval::ceval::{run_frame, Outcome, Resume};
use crate::eval::frame::Frame;
use crate::object::*;
use crate::objects::code::PyCode;
use crate::objects::exceptions::{self as exc, PyBaseException};
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// Which of the three kinds a generator object is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Gen,
    Coro,
    AsyncGen,
}

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
    kind: GenKind,
    /// Async generators: `ag_closed` and `ag_running_async`.
    ag_closed: Cell<bool>,
    ag_running_async: Cell<bool>,
    /// The frame while it runs (moved out to the evaluation loop).
    live: Cell<*mut Frame>,
    /// The weak references to the generator (`gi_weakreflist`).
    weaklist: Cell<*mut PyObject>,
}

pub static GEN_TYPE: PyType = PyType {
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyGen, weaklist) as isize),
    tp_name: "generator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyGen>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_dealloc: gen_dealloc,
    tp_drop: Some(drop_gen),
    tp_traverse: Cell::new(Some(traverse_gen)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(gen_iternext)),
    tp_repr: Cell::new(Some(gen_repr)),
    tp_methods: GEN_METHODS,
    tp_getset: GEN_GETSET,
    ..PyType::BASE
};

pub static CORO_TYPE: PyType = PyType {
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyGen, weaklist) as isize),
    tp_name: "coroutine",
    tp_basicsize: Cell::new(std::mem::size_of::<PyGen>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_dealloc: gen_dealloc,
    tp_drop: Some(drop_gen),
    tp_traverse: Cell::new(Some(traverse_gen)),
    tp_repr: Cell::new(Some(gen_repr)),
    tp_methods: CORO_METHODS,
    tp_getset: CORO_GETSET,
    ..PyType::BASE
};

pub static ASYNC_GEN_TYPE: PyType = PyType {
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyGen, weaklist) as isize),
    tp_name: "async_generator",
    tp_basicsize: Cell::new(std::mem::size_of::<PyGen>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_dealloc: gen_dealloc,
    tp_drop: Some(drop_gen),
    tp_traverse: Cell::new(Some(traverse_gen)),
    tp_repr: Cell::new(Some(gen_repr)),
    tp_methods: AGEN_METHODS,
    tp_getset: AGEN_GETSET,
    ..PyType::BASE
};

// SAFETY: PyGen is repr(C) with the header first.
unsafe impl PyPayload for PyGen {
    fn type_object() -> &'static PyType {
        &GEN_TYPE
    }
}

/// The generator payload of a generator, coroutine or async generator.
pub fn as_gen(o: &PyRef) -> Option<&PyGen> {
    let t = o.ty() as *const PyType;
    if std::ptr::eq(t, &GEN_TYPE) || std::ptr::eq(t, &CORO_TYPE) || std::ptr::eq(t, &ASYNC_GEN_TYPE)
    {
        // SAFETY: the three types share the PyGen layout.
        Some(unsafe { o.payload_unchecked::<PyGen>() })
    } else {
        None
    }
}

/// Is `o` a coroutine, or a generator marked `CO_ITERABLE_COROUTINE`
/// (`types.coroutine`)? Such objects are awaited directly.
pub fn is_awaitable_coro(o: &PyRef) -> bool {
    match as_gen(o) {
        Some(g) => match g.kind {
            GenKind::Coro => true,
            GenKind::Gen => {
                // SAFETY: a generator's code is a code object.
                let c = unsafe { g.code.payload_unchecked::<PyCode>() };
                c.flags & crate::objects::code::flags::ITERABLE_COROUTINE != 0
            }
            GenKind::AsyncGen => false,
        },
        None => false,
    }
}

unsafe fn drop_gen(obj: *mut PyObject) {
    // SAFETY: obj is a dead generator.
    unsafe { std::ptr::drop_in_place(obj as *mut PyGen) }
}

/// `gen_dealloc` with `_PyGen_Finalize`: a suspended generator is closed
/// (its `finally` blocks run) before it is freed; it may be resurrected.
unsafe fn gen_dealloc(obj: *mut PyObject) {
    // SAFETY: obj is a dead generator; it is resurrected for the close call and its count is restored afterwards.
    unsafe {
        let g = &*(obj as *const PyGen);
        if g.kind == GenKind::Coro && !g.started.get() && (*g.frame.get()).is_some() {
            warn_never_awaited(g);
        }
        let suspended = (*g.frame.get()).is_some() && g.started.get() && !g.running.get();
        if suspended {
            (*obj).ob_refcnt.set(1);
            let r = PyRef::from_raw(obj);
            if let Err(e) = gen_close(&r) {
                write_unraisable(&r, e);
            }
            let rc = r.refcnt();
            std::mem::forget(r);
            if rc > 1 {
                (*obj).ob_refcnt.set(rc - 1);
                if !crate::gc::is_tracked(obj) {
                    crate::gc::track(obj);
                }
                return;
            }
            (*obj).ob_refcnt.set(0);
        }
        generic_dealloc(obj)
    }
}

/// Locations that already warned (the "default" warnings action).
static WARNED: crate::gil::GilCell<Vec<(String, i32, String)>> =
    crate::gil::GilCell::new(Vec::new());

/// `_PyErr_WarnUnawaitedCoroutine`: the RuntimeWarning for a coroutine
/// destroyed before it ran, printed as the warnings module's default
/// action does (once per location). Deviation: warning filters are not
/// consulted.
fn warn_never_awaited(g: &PyGen) {
    // SAFETY: short read.
    let q = unsafe { (*g.qualname.get()).clone() };
    let msg = format!(
        "coroutine '{}' was never awaited",
        crate::objects::descr::name_str(&q)
    );
    let text = match crate::eval::ceval::current_location() {
        Some((file, line)) => {
            let key = (file.clone(), line, msg.clone());
            // SAFETY: GIL held; short access, no Python code runs meanwhile.
            let seen = unsafe { &mut *WARNED.as_ptr() };
            if seen.contains(&key) {
                return;
            }
            seen.push(key);
            let src = std::fs::read_to_string(&file)
                .ok()
                .and_then(|t| {
                    t.lines()
                        .nth((line as usize).wrapping_sub(1))
                        .map(|l| l.trim().to_owned())
                })
                .filter(|l| !l.is_empty());
            let mut t = format!("{file}:{line}: RuntimeWarning: {msg}\n");
            if let Some(src) = src {
                t.push_str(&format!("  {src}\n"));
            }
            t.push_str(
                "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            );
            t
        }
        None => format!("sys:1: RuntimeWarning: {msg}\n"),
    };
    crate::modules::sys::flush_std();
    crate::modules::sys::write_stderr(&text);
}

/// `PyErr_WriteUnraisable`: "Exception ignored in: ..." and the traceback.
fn write_unraisable(obj: &PyRef, e: PyErr) {
    let what = protocol::repr_string(obj).unwrap_or_else(|_| "<object>".to_owned());
    crate::modules::sys::flush_std();
    if exc::get_traceback(e.value()).is_none() {
        if let Some((fo, lasti)) = crate::eval::ceval::current_frame_and_lasti() {
            let _ = crate::objects::traceback::add_entry(e.value(), &fo, lasti);
        }
    }
    let text = crate::run::format_exception_unchained(e.value());
    crate::modules::sys::write_stderr(&format!("Exception ignored in: {what}\n{text}"));
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
        let (kind, ty): (GenKind, &'static PyType) =
            if c.flags & crate::objects::code::flags::COROUTINE != 0 {
                (GenKind::Coro, &CORO_TYPE)
            } else if c.flags & crate::objects::code::flags::ASYNC_GENERATOR != 0 {
                (GenKind::AsyncGen, &ASYNC_GEN_TYPE)
            } else {
                (GenKind::Gen, &GEN_TYPE)
            };
        let (name, qualname) = match frame
            .func
            .as_ref()
            .and_then(|f| f.downcast::<crate::objects::function::PyFunction>())
        {
            Some(f) => (f.name(), f.qualname()),
            None => (c.name.clone(), c.qualname.clone()),
        };
        alloc_object(
            ty,
            PyGen {
                ob_base: PyObject::NEW,
                frame: UnsafeCell::new(Some(frame)),
                running: Cell::new(false),
                started: Cell::new(false),
                code,
                name: UnsafeCell::new(name),
                qualname: UnsafeCell::new(qualname),
                exc_state: UnsafeCell::new(None),
                kind,
                ag_closed: Cell::new(false),
                ag_running_async: Cell::new(false),
                live: Cell::new(std::ptr::null_mut()),
                weaklist: Cell::new(std::ptr::null_mut()),
            },
        )
    }

    pub fn kind(&self) -> GenKind {
        self.kind
    }

    fn kind_name(&self) -> &'static str {
        match self.kind {
            GenKind::Gen => "generator",
            GenKind::Coro => "coroutine",
            GenKind::AsyncGen => "async generator",
        }
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

    fn finished(&self) -> bool {
        // SAFETY: short read.
        !self.running.get() && unsafe { (*self.frame.get()).is_none() }
    }

    /// The sub-iterator of a `yield from` the generator is suspended in
    /// (`_PyGen_yf`): the next instruction is `RESUME` with argument 2 or
    /// more, and the iterator is on top of the stack.
    pub fn yield_from(&self) -> Option<PyRef> {
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

/// The collector's finalizer for generators (`_PyGen_Finalize`): a
/// suspended one is closed, its `finally` blocks run; false if there is
/// nothing to do.
pub fn gc_finalize(o: &PyRef) -> bool {
    if !(o.is_exact::<PyGen>()
        || std::ptr::eq(o.ty(), &CORO_TYPE)
        || std::ptr::eq(o.ty(), &ASYNC_GEN_TYPE))
    {
        return false;
    }
    let g = gen_of(o);
    // SAFETY: the frame is only looked at.
    let suspended = unsafe { (*g.frame.get()).is_some() } && g.started.get() && !g.running.get();
    if !suspended || g.kind == GenKind::AsyncGen {
        return false;
    }
    if let Err(e) = gen_close(o) {
        write_unraisable(o, e);
    }
    true
}

/// `__del__` of the three types (the `tp_finalize` wrapper over
/// `_PyGen_Finalize`): a coroutine that never ran warns, an unfinished
/// generator is closed; errors are reported as unraisable, as at
/// deallocation.
fn gen_del(o: &PyRef) -> PyResult<PyRef> {
    let g = gen_of(o);
    // SAFETY: the frame slot is only looked at.
    if unsafe { (*g.frame.get()).is_none() } {
        return Ok(none());
    }
    if g.kind == GenKind::Coro && !g.started.get() {
        warn_never_awaited(g);
    } else if let Err(e) = gen_close(o) {
        write_unraisable(o, e);
    }
    Ok(none())
}

fn gen_of(o: &PyRef) -> &PyGen {
    // SAFETY: slots and methods of the generator types get generators.
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
    send_ex2(gen, resume, false)
}

fn send_ex2(gen: &PyRef, resume: Resume, closing: bool) -> PyResult<GenResult> {
    let g = as_gen(gen).ok_or_else(|| PyErr::type_error("expected a generator"))?;
    if g.running.get() {
        return Err(PyErr::value_error(format!(
            "{} already executing",
            g.kind_name()
        )));
    }
    let frame = match g.take_frame() {
        Some(f) => f,
        None => {
            if g.kind == GenKind::Coro && !closing {
                return Err(PyErr::runtime_error(
                    "cannot reuse already awaited coroutine",
                ));
            }
            return match resume {
                Resume::Throw(e) => Err(e),
                Resume::Push(_) => Ok(GenResult::Return(none())),
                Resume::Start => Err(PyErr::stop_iteration(None)),
            };
        }
    };
    if !g.started.get() {
        if let Resume::Push(v) = &resume {
            if !v.is_none() {
                g.put_frame(Some(frame));
                return Err(PyErr::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    g.kind_name()
                )));
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
    let mut frame = frame;
    g.live.set(&mut *frame as *mut Frame);
    let (outcome, frame) = crate::eval::recursion::with_stack(|| run_frame(frame, resume));
    g.live.set(std::ptr::null_mut());
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
            if g.kind == GenKind::AsyncGen {
                g.ag_closed.set(true);
            }
            Ok(GenResult::Return(v))
        }
        Outcome::Error(e) => {
            drop(frame);
            if g.kind == GenKind::AsyncGen {
                g.ag_closed.set(true);
            }
            let bad = e.matches(&exc::STOP_ITERATION)
                || (g.kind == GenKind::AsyncGen && e.matches(&exc::STOP_ASYNC_ITERATION));
            if bad {
                let what = if e.matches(&exc::STOP_ITERATION) {
                    "StopIteration"
                } else {
                    "StopAsyncIteration"
                };
                let r = PyErr::runtime_error(format!("{} raised {}", g.kind_name(), what));
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
    if g.finished() {
        return Ok(None);
    }
    match send_ex(gen, Resume::Start)? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(v) => {
            if v.is_none() {
                Ok(None)
            } else {
                Err(PyErr::stop_iteration(Some(v)))
            }
        }
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
        // SAFETY: the generator is suspended; its frame is adjusted in place before it runs again.
        let f = match unsafe { (*g.frame.get()).as_mut() } {
            Some(f) => f,
            None => return Ok(GenResult::Return(none())),
        };
        // Layout: SEND (pc-2), YIELD_VALUE (pc-1), RESUME (pc).
        let code = f.code_ref();
        // (The units the loop runs, which `eval::validate` checked with
        // this resumption in view.)
        let send = f.pc.checked_sub(2).and_then(|i| code.xcode.get(i).copied());
        match send {
            Some(unit)
                if (unit & 0xff) as u8 == taipan_bytecode::Opcode::Send as u8
                    && f.sp > code.nlocalsplus =>
            {
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

fn throw_value(gen: &PyRef, e: PyErr, close_on_genexit: bool) -> PyResult<GenResult> {
    let g = gen_of(gen);
    if let Some(yf) = g.yield_from() {
        if close_on_genexit && e.matches(&exc::GENERATOR_EXIT) {
            // Close the sub-iterator first, then raise in this frame.
            g.running.set(true);
            let r = close_iter(&yf);
            g.running.set(false);
            if let Err(e2) = r {
                return send_ex2(gen, Resume::Throw(e2), true);
            }
            return send_ex2(gen, Resume::Throw(e), true);
        }
        g.running.set(true);
        let r = if as_gen(&yf).is_some() {
            throw_value(&yf, e, close_on_genexit).map(Some)
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
    send_ex2(gen, Resume::Throw(e), false)
}

use crate::object::protocol;

fn close_iter(it: &PyRef) -> PyResult<()> {
    if as_gen(it).is_some() {
        gen_close(it).map(|_| ())
    } else {
        match protocol::lookup_attr(it, crate::intern!("close"))? {
            Some(m) => protocol::call(&m, &[], None).map(|_| ()),
            None => Ok(()),
        }
    }
}

/// The exception `throw(typ[, val[, tb]])` raises (`_gen_throw`'s checks).
fn make_throw_exc(args: &[PyRef], what: &str) -> PyResult<PyErr> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{what} expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let typ = &args[0];
    let val = args.get(1).filter(|v| !v.is_none());
    let e = if let Some(tt) = crate::objects::type_::as_type(typ) {
        if !tt.is_subtype(&exc::BASE_EXCEPTION) {
            return Err(PyErr::type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                typ.ty().name()
            )));
        }
        match val {
            Some(v) if v.ty().is_subtype(tt) => v.clone(),
            Some(v) => {
                let items: Vec<PyRef> = match v.downcast::<crate::objects::tuple::PyTuple>() {
                    Some(t) => t.items().to_vec(),
                    None => vec![v.clone()],
                };
                let inst = protocol::call(typ, &items, None)?;
                if !inst.ty().is_subtype(&exc::BASE_EXCEPTION) {
                    return Err(PyErr::type_error(
                        "exceptions must be classes or instances deriving from BaseException, not type",
                    ));
                }
                inst
            }
            None => crate::eval::ceval::make_exception(typ)?,
        }
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
    Ok(PyErr::from_value(e))
}

fn gen_throw(gen: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let e = make_throw_exc(args, "throw")?;
    result_to_value(throw_value(gen, e, true)?)
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
    match throw_value(gen, e, true) {
        Ok(GenResult::Yield(_)) => Err(PyErr::runtime_error(format!(
            "{} ignored GeneratorExit",
            g.kind_name()
        ))),
        Ok(GenResult::Return(_)) => Ok(none()),
        Err(e) if e.matches(&exc::GENERATOR_EXIT) || e.matches(&exc::STOP_ITERATION) => Ok(none()),
        Err(e) => Err(e),
    }
}

fn gen_repr(gen: &PyRef) -> PyResult<PyRef> {
    // SAFETY: short read.
    let q = unsafe { (*gen_of(gen).qualname.get()).clone() };
    PyStr::new(&format!(
        "<{} object {} at {:#x}>",
        gen.ty().name(),
        crate::objects::descr::name_str(&q),
        gen.id()
    ))
}

fn gi_frame(gen: &PyRef) -> PyResult<PyRef> {
    let g = gen_of(gen);
    if g.running.get() {
        let p = g.live.get();
        if p.is_null() {
            return Ok(none());
        }
        // SAFETY: `live` points to the generator's frame while the loop runs it (the box does not move); only its frame object is made or updated, as `sys._getframe` does for running frames.
        return unsafe { (*p).frame_object() };
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

fn gi_running(o: &PyRef) -> PyResult<PyRef> {
    Ok(crate::objects::bool_::py_bool(gen_of(o).running.get()))
}

fn gi_suspended(o: &PyRef) -> PyResult<PyRef> {
    let g = gen_of(o);
    // SAFETY: short read.
    let has = unsafe { (*g.frame.get()).is_some() };
    Ok(crate::objects::bool_::py_bool(
        has && g.started.get() && !g.running.get(),
    ))
}

fn gi_code(o: &PyRef) -> PyResult<PyRef> {
    Ok(gen_of(o).code.clone())
}

fn gi_yieldfrom(o: &PyRef) -> PyResult<PyRef> {
    Ok(gen_of(o).yield_from().unwrap_or_else(none))
}

fn gen_name(o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: short read.
    Ok(unsafe { (*gen_of(o).name.get()).clone() })
}

fn gen_qualname(o: &PyRef) -> PyResult<PyRef> {
    // SAFETY: short read.
    Ok(unsafe { (*gen_of(o).qualname.get()).clone() })
}

fn none_getter(_: &PyRef) -> PyResult<PyRef> {
    Ok(none())
}

static GEN_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(gen_send)),
    MethodDef::new("throw", Meth::Fast(gen_throw)),
    MethodDef::new("close", Meth::NoArgs(gen_close)),
    MethodDef::new("__del__", Meth::NoArgs(gen_del)),
];

static GEN_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("gi_frame", gi_frame),
    GetSetDef::getter("gi_running", gi_running),
    GetSetDef::getter("gi_suspended", gi_suspended),
    GetSetDef::getter("gi_code", gi_code),
    GetSetDef::getter("gi_yieldfrom", gi_yieldfrom),
    GetSetDef::getter("__name__", gen_name),
    GetSetDef::getter("__qualname__", gen_qualname),
];

// ----- coroutines -----

fn coro_await(o: &PyRef) -> PyResult<PyRef> {
    alloc_object(
        &CORO_WRAPPER_TYPE,
        PyCoroWrapper {
            ob_base: PyObject::NEW,
            coro: o.clone(),
        },
    )
}

static CORO_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(gen_send)),
    MethodDef::new("throw", Meth::Fast(gen_throw)),
    MethodDef::new("close", Meth::NoArgs(gen_close)),
    MethodDef::new("__await__", Meth::NoArgs(coro_await)),
    MethodDef::new("__del__", Meth::NoArgs(gen_del)),
];

static CORO_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("cr_frame", gi_frame),
    GetSetDef::getter("cr_running", gi_running),
    GetSetDef::getter("cr_suspended", gi_suspended),
    GetSetDef::getter("cr_code", gi_code),
    GetSetDef::getter("cr_await", gi_yieldfrom),
    GetSetDef::getter("cr_origin", none_getter),
    GetSetDef::getter("__name__", gen_name),
    GetSetDef::getter("__qualname__", gen_qualname),
];

/// `coroutine_wrapper`: what `coroutine.__await__()` returns, an iterator
/// over the coroutine.
#[repr(C)]
pub struct PyCoroWrapper {
    pub ob_base: PyObject,
    coro: PyRef,
}

pub static CORO_WRAPPER_TYPE: PyType = PyType {
    tp_name: "coroutine_wrapper",
    tp_basicsize: Cell::new(std::mem::size_of::<PyCoroWrapper>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_wrapper),
    tp_traverse: Cell::new(Some(traverse_wrapper)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(wrapper_iternext)),
    tp_methods: WRAPPER_METHODS,
    ..PyType::BASE
};

// SAFETY: PyCoroWrapper is repr(C) with the header first.
unsafe impl PyPayload for PyCoroWrapper {
    fn type_object() -> &'static PyType {
        &CORO_WRAPPER_TYPE
    }
}

unsafe fn drop_wrapper(obj: *mut PyObject) {
    // SAFETY: obj is a dead wrapper.
    unsafe { std::ptr::drop_in_place(obj as *mut PyCoroWrapper) }
}

unsafe fn traverse_wrapper(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live wrapper.
    unsafe { visit((*(obj as *const PyCoroWrapper)).coro.as_ptr()) }
}

fn wrapped_coro(o: &PyRef) -> PyRef {
    // SAFETY: methods of coroutine_wrapper get wrappers.
    unsafe { o.payload_unchecked::<PyCoroWrapper>() }
        .coro
        .clone()
}

fn wrapper_iternext(o: &PyRef) -> PyResult<Option<PyRef>> {
    let c = wrapped_coro(o);
    match send_ex(&c, Resume::Push(none()))? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(v) => {
            if v.is_none() {
                Ok(None)
            } else {
                Err(PyErr::stop_iteration(Some(v)))
            }
        }
    }
}

static WRAPPER_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(|o, v| gen_send(&wrapped_coro(o), v))),
    MethodDef::new("throw", Meth::Fast(|o, a| gen_throw(&wrapped_coro(o), a))),
    MethodDef::new("close", Meth::NoArgs(|o| gen_close(&wrapped_coro(o)))),
];

/// Looks `name` up on the type of `o` and binds it (`_PyObject_LookupSpecial`).
fn lookup_special(o: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    match crate::objects::type_::lookup(o.ty(), name) {
        Some(a) => Ok(Some(crate::objects::descr::bind(
            &a,
            Some(o),
            Some(&o.type_ref()),
        )?)),
        None => Ok(None),
    }
}

/// Does the type of `o` define `__await__`?
pub fn has_await(o: &PyRef) -> bool {
    crate::objects::type_::lookup(o.ty(), crate::intern!("__await__")).is_some()
}

/// `_PyCoro_GetAwaitableIter`: the iterator `await o` drives.
pub fn get_awaitable_iter(o: &PyRef) -> PyResult<PyRef> {
    if is_awaitable_coro(o) {
        return Ok(o.clone());
    }
    let m = lookup_special(o, crate::intern!("__await__"))?.ok_or_else(|| {
        PyErr::type_error(format!(
            "object {} can't be used in 'await' expression",
            o.ty().name()
        ))
    })?;
    let res = protocol::call(&m, &[], None)?;
    if is_awaitable_coro(&res) {
        return Err(PyErr::type_error("__await__() returned a coroutine"));
    }
    if res.ty().tp_iternext.get().is_none() {
        return Err(PyErr::type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            res.ty().name()
        )));
    }
    Ok(res)
}

// ----- async generators -----

/// `async_generator_wrapped_value`: what `ASYNC_GEN_WRAP` makes of a value
/// an async generator yields, to tell it from values its awaits pass up.
#[repr(C)]
pub struct PyAsyncGenWrapped {
    pub ob_base: PyObject,
    val: PyRef,
}

pub static ASYNC_GEN_WRAPPED_TYPE: PyType = PyType {
    tp_name: "async_generator_wrapped_value",
    tp_basicsize: Cell::new(std::mem::size_of::<PyAsyncGenWrapped>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_wrapped),
    tp_traverse: Cell::new(Some(traverse_wrapped)),
    ..PyType::BASE
};

// SAFETY: repr(C) with the header first.
unsafe impl PyPayload for PyAsyncGenWrapped {
    fn type_object() -> &'static PyType {
        &ASYNC_GEN_WRAPPED_TYPE
    }
}

unsafe fn drop_wrapped(obj: *mut PyObject) {
    // SAFETY: obj is dead.
    unsafe { std::ptr::drop_in_place(obj as *mut PyAsyncGenWrapped) }
}

unsafe fn traverse_wrapped(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is live.
    unsafe { visit((*(obj as *const PyAsyncGenWrapped)).val.as_ptr()) }
}

/// `_PyAsyncGenValueWrapperNew`.
pub fn async_gen_wrap(v: PyRef) -> PyResult<PyRef> {
    alloc_object(
        &ASYNC_GEN_WRAPPED_TYPE,
        PyAsyncGenWrapped {
            ob_base: PyObject::NEW,
            val: v,
        },
    )
}

fn unwrapped(v: &PyRef) -> Option<PyRef> {
    v.downcast_exact::<PyAsyncGenWrapped>()
        .map(|w| w.val.clone())
}

/// `async_gen_unwrap_value`.
fn async_gen_unwrap(g: &PyGen, r: PyResult<GenResult>) -> PyResult<PyRef> {
    match r {
        Err(e) => {
            if e.matches(&exc::STOP_ASYNC_ITERATION) || e.matches(&exc::GENERATOR_EXIT) {
                g.ag_closed.set(true);
            }
            g.ag_running_async.set(false);
            Err(e)
        }
        Ok(GenResult::Return(_)) => {
            g.ag_closed.set(true);
            g.ag_running_async.set(false);
            Err(PyErr::with_args(&exc::STOP_ASYNC_ITERATION, &[]))
        }
        Ok(GenResult::Yield(v)) => match unwrapped(&v) {
            Some(x) => {
                g.ag_running_async.set(false);
                Err(PyErr::stop_iteration(Some(x)))
            }
            None => Ok(v),
        },
    }
}

const ST_INIT: u8 = 0;
const ST_ITER: u8 = 1;
const ST_CLOSED: u8 = 2;

/// `async_generator_asend` (also what `__anext__` returns) and
/// `async_generator_athrow` (also `aclose`): awaitables driving an async
/// generator one step.
#[repr(C)]
pub struct PyAsyncGenOp {
    pub ob_base: PyObject,
    gen: PyRef,
    /// asend: the value to send; athrow: the `throw` arguments (None for
    /// `aclose`).
    arg: Option<PyRef>,
    state: Cell<u8>,
}

pub static ASEND_TYPE: PyType = PyType {
    tp_name: "async_generator_asend",
    tp_basicsize: Cell::new(std::mem::size_of::<PyAsyncGenOp>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_op),
    tp_traverse: Cell::new(Some(traverse_op)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(asend_iternext)),
    tp_methods: ASEND_METHODS,
    ..PyType::BASE
};

pub static ATHROW_TYPE: PyType = PyType {
    tp_name: "async_generator_athrow",
    tp_basicsize: Cell::new(std::mem::size_of::<PyAsyncGenOp>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_op),
    tp_traverse: Cell::new(Some(traverse_op)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(athrow_iternext)),
    tp_methods: ATHROW_METHODS,
    ..PyType::BASE
};

// SAFETY: repr(C) with the header first.
unsafe impl PyPayload for PyAsyncGenOp {
    fn type_object() -> &'static PyType {
        &ASEND_TYPE
    }
}

unsafe fn drop_op(obj: *mut PyObject) {
    // SAFETY: obj is dead.
    unsafe { std::ptr::drop_in_place(obj as *mut PyAsyncGenOp) }
}

unsafe fn traverse_op(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is live.
    unsafe {
        let o = &*(obj as *const PyAsyncGenOp);
        visit(o.gen.as_ptr());
        if let Some(a) = &o.arg {
            visit(a.as_ptr());
        }
    }
}

fn op_of(o: &PyRef) -> &PyAsyncGenOp {
    // SAFETY: methods of the asend/athrow types get those objects.
    unsafe { o.payload_unchecked::<PyAsyncGenOp>() }
}

fn new_op(ty: &'static PyType, gen: &PyRef, arg: Option<PyRef>) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyAsyncGenOp {
            ob_base: PyObject::NEW,
            gen: gen.clone(),
            arg,
            state: Cell::new(ST_INIT),
        },
    )
}

fn agen_anext(o: &PyRef) -> PyResult<PyRef> {
    new_op(&ASEND_TYPE, o, Some(none()))
}

fn agen_asend(o: &PyRef, v: &PyRef) -> PyResult<PyRef> {
    new_op(&ASEND_TYPE, o, Some(v.clone()))
}

fn agen_athrow(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "athrow expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let t = crate::objects::tuple::PyTuple::from_slice(args)?;
    new_op(&ATHROW_TYPE, o, Some(t))
}

fn agen_aclose(o: &PyRef) -> PyResult<PyRef> {
    new_op(&ATHROW_TYPE, o, None)
}

fn asend_send(o: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let op = op_of(o);
    if op.state.get() == ST_CLOSED {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let g = gen_of(&op.gen);
    let mut arg = arg.clone();
    if op.state.get() == ST_INIT {
        if g.ag_running_async.get() {
            op.state.set(ST_CLOSED);
            return Err(PyErr::runtime_error(
                "anext(): asynchronous generator is already running",
            ));
        }
        if arg.is_none() {
            arg = op.arg.clone().unwrap_or_else(none);
        }
        op.state.set(ST_ITER);
    }
    g.ag_running_async.set(true);
    let r = async_gen_unwrap(g, send_ex(&op.gen, Resume::Push(arg)));
    if r.is_err() {
        op.state.set(ST_CLOSED);
    }
    r
}

fn asend_iternext(o: &PyRef) -> PyResult<Option<PyRef>> {
    asend_send(o, &none()).map(Some)
}

fn asend_throw(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let op = op_of(o);
    if op.state.get() == ST_CLOSED {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited __anext__()/asend()",
        ));
    }
    let e = make_throw_exc(args, "throw")?;
    let g = gen_of(&op.gen);
    let r = async_gen_unwrap(g, throw_value(&op.gen, e, true));
    if r.is_err() {
        op.state.set(ST_CLOSED);
    }
    r
}

fn op_close(o: &PyRef) -> PyResult<PyRef> {
    op_of(o).state.set(ST_CLOSED);
    Ok(none())
}

fn athrow_yield_close(op: &PyAsyncGenOp, g: &PyGen) -> PyErr {
    g.ag_running_async.set(false);
    op.state.set(ST_CLOSED);
    PyErr::runtime_error("async generator ignored GeneratorExit")
}

fn athrow_check_error(op: &PyAsyncGenOp, g: &PyGen, e: PyErr) -> PyErr {
    g.ag_running_async.set(false);
    op.state.set(ST_CLOSED);
    if op.arg.is_none()
        && (e.matches(&exc::STOP_ASYNC_ITERATION) || e.matches(&exc::GENERATOR_EXIT))
    {
        return PyErr::stop_iteration(None);
    }
    e
}

fn athrow_send(o: &PyRef, arg: &PyRef) -> PyResult<PyRef> {
    let op = op_of(o);
    if op.state.get() == ST_CLOSED {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    let g = gen_of(&op.gen);
    if g.finished() {
        op.state.set(ST_CLOSED);
        return Err(PyErr::stop_iteration(None));
    }
    if op.state.get() == ST_INIT {
        if g.ag_running_async.get() {
            op.state.set(ST_CLOSED);
            return Err(PyErr::runtime_error(if op.arg.is_none() {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if g.ag_closed.get() {
            op.state.set(ST_CLOSED);
            return Err(PyErr::with_args(&exc::STOP_ASYNC_ITERATION, &[]));
        }
        if !arg.is_none() {
            return Err(PyErr::runtime_error(
                "can't send non-None value to a just-started coroutine",
            ));
        }
        op.state.set(ST_ITER);
        g.ag_running_async.set(true);
        return match &op.arg {
            None => {
                g.ag_closed.set(true);
                let e = PyErr::with_args(&exc::GENERATOR_EXIT, &[]);
                match throw_value(&op.gen, e, false) {
                    Ok(GenResult::Yield(v)) => {
                        if unwrapped(&v).is_some() {
                            Err(athrow_yield_close(op, g))
                        } else {
                            Ok(v)
                        }
                    }
                    Ok(GenResult::Return(_)) => Err(athrow_check_error(
                        op,
                        g,
                        PyErr::with_args(&exc::STOP_ASYNC_ITERATION, &[]),
                    )),
                    Err(e) => Err(athrow_check_error(op, g, e)),
                }
            }
            Some(a) => {
                let items = a
                    .downcast::<crate::objects::tuple::PyTuple>()
                    .map(|t| t.items().to_vec())
                    .unwrap_or_default();
                let e = make_throw_exc(&items, "athrow")?;
                let r = async_gen_unwrap(g, throw_value(&op.gen, e, false));
                r.map_err(|e| athrow_check_error(op, g, e))
            }
        };
    }
    let r = send_ex(&op.gen, Resume::Push(arg.clone()));
    if op.arg.is_some() {
        return async_gen_unwrap(g, r);
    }
    match r {
        Ok(GenResult::Yield(v)) => {
            if unwrapped(&v).is_some() {
                Err(athrow_yield_close(op, g))
            } else {
                Ok(v)
            }
        }
        Ok(GenResult::Return(_)) => Err(athrow_check_error(
            op,
            g,
            PyErr::with_args(&exc::STOP_ASYNC_ITERATION, &[]),
        )),
        Err(e) => Err(athrow_check_error(op, g, e)),
    }
}

fn athrow_iternext(o: &PyRef) -> PyResult<Option<PyRef>> {
    athrow_send(o, &none()).map(Some)
}

fn athrow_throw(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let op = op_of(o);
    if op.state.get() == ST_CLOSED {
        return Err(PyErr::runtime_error(
            "cannot reuse already awaited aclose()/athrow()",
        ));
    }
    let g = gen_of(&op.gen);
    let e = make_throw_exc(args, "throw")?;
    let r = throw_value(&op.gen, e, true);
    if op.arg.is_some() {
        return async_gen_unwrap(g, r);
    }
    match r {
        Ok(GenResult::Yield(v)) => {
            if unwrapped(&v).is_some() {
                Err(athrow_yield_close(op, g))
            } else {
                Ok(v)
            }
        }
        Ok(GenResult::Return(_)) => Err(PyErr::stop_iteration(None)),
        Err(e) if e.matches(&exc::STOP_ASYNC_ITERATION) || e.matches(&exc::GENERATOR_EXIT) => {
            Err(PyErr::stop_iteration(None))
        }
        Err(e) => Err(e),
    }
}

fn self_await(o: &PyRef) -> PyResult<PyRef> {
    Ok(o.clone())
}

static ASEND_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(asend_send)),
    MethodDef::new("throw", Meth::Fast(asend_throw)),
    MethodDef::new("close", Meth::NoArgs(op_close)),
    MethodDef::new("__await__", Meth::NoArgs(self_await)),
];

static ATHROW_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(athrow_send)),
    MethodDef::new("throw", Meth::Fast(athrow_throw)),
    MethodDef::new("close", Meth::NoArgs(op_close)),
    MethodDef::new("__await__", Meth::NoArgs(self_await)),
];

static AGEN_METHODS: &[MethodDef] = &[
    MethodDef::new("asend", Meth::O(agen_asend)),
    MethodDef::new("athrow", Meth::Fast(agen_athrow)),
    MethodDef::new("aclose", Meth::NoArgs(agen_aclose)),
    MethodDef::new("__aiter__", Meth::NoArgs(self_await)),
    MethodDef::new("__anext__", Meth::NoArgs(agen_anext)),
    MethodDef::new("__del__", Meth::NoArgs(gen_del)),
    MethodDef::class(
        "__class_getitem__",
        Meth::O(crate::objects::list::class_getitem),
    ),
];

static AGEN_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("ag_frame", gi_frame),
    GetSetDef::getter("ag_running", |o| {
        Ok(crate::objects::bool_::py_bool(
            gen_of(o).ag_running_async.get(),
        ))
    }),
    GetSetDef::getter("ag_code", gi_code),
    GetSetDef::getter("ag_await", gi_yieldfrom),
    GetSetDef::getter("__name__", gen_name),
    GetSetDef::getter("__qualname__", gen_qualname),
];

/// `anext` for `GET_ANEXT` on an async generator.
pub fn async_gen_anext(o: &PyRef) -> PyResult<PyRef> {
    agen_anext(o)
}

// ----- aiter() and anext() -----

/// `aiter(async_iterable)` (`builtin_aiter`).
pub fn builtin_aiter(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let f = lookup_special(o, crate::intern!("__aiter__"))?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            o.ty().name()
        ))
    })?;
    let it = protocol::call(&f, &[], None)?;
    if crate::objects::type_::lookup(it.ty(), crate::intern!("__anext__")).is_none() {
        return Err(PyErr::type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            it.ty().name()
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])` (`builtin_anext`).
pub fn builtin_anext(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "anext expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let o = &args[0];
    let f = lookup_special(o, crate::intern!("__anext__"))?.ok_or_else(|| {
        PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            o.ty().name()
        ))
    })?;
    let awaitable = protocol::call(&f, &[], None)?;
    match args.get(1) {
        None => Ok(awaitable),
        Some(d) => alloc_object(
            &ANEXT_AWAITABLE_TYPE,
            PyAnextAwaitable {
                ob_base: PyObject::NEW,
                wrapped: awaitable,
                default: d.clone(),
            },
        ),
    }
}

/// `anext_awaitable`: `anext()` with a default, giving the default instead
/// of `StopAsyncIteration` (`Objects/iterobject.c`).
#[repr(C)]
pub struct PyAnextAwaitable {
    pub ob_base: PyObject,
    wrapped: PyRef,
    default: PyRef,
}

pub static ANEXT_AWAITABLE_TYPE: PyType = PyType {
    tp_name: "anext_awaitable",
    tp_basicsize: Cell::new(std::mem::size_of::<PyAnextAwaitable>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_drop: Some(drop_anext),
    tp_traverse: Cell::new(Some(traverse_anext)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(anext_iternext)),
    tp_methods: ANEXT_METHODS,
    ..PyType::BASE
};

// SAFETY: repr(C) with the header first.
unsafe impl PyPayload for PyAnextAwaitable {
    fn type_object() -> &'static PyType {
        &ANEXT_AWAITABLE_TYPE
    }
}

unsafe fn drop_anext(obj: *mut PyObject) {
    // SAFETY: obj is dead.
    unsafe { std::ptr::drop_in_place(obj as *mut PyAnextAwaitable) }
}

unsafe fn traverse_anext(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is live.
    unsafe {
        let a = &*(obj as *const PyAnextAwaitable);
        visit(a.wrapped.as_ptr());
        visit(a.default.as_ptr());
    }
}

enum ProxyOp<'a> {
    Next,
    Send(&'a PyRef),
    Throw(&'a [PyRef]),
}

/// `anextawaitable_proxy`: forwards to the wrapped awaitable's iterator,
/// turning `StopAsyncIteration` into `StopIteration(default)`.
fn anext_proxy(o: &PyRef, op: ProxyOp) -> PyResult<PyRef> {
    // SAFETY: methods of anext_awaitable get anext_awaitable objects.
    let a = unsafe { o.payload_unchecked::<PyAnextAwaitable>() };
    let it = get_awaitable_iter(&a.wrapped)?;
    let r = match op {
        ProxyOp::Next | ProxyOp::Send(_) if as_gen(&it).is_some() => {
            let v = match op {
                ProxyOp::Send(v) => v.clone(),
                _ => none(),
            };
            gen_send(&it, &v)
        }
        ProxyOp::Next => match it.ty().tp_iternext.get() {
            Some(f) => match f(&it) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(PyErr::stop_iteration(None)),
                Err(e) => Err(e),
            },
            None => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.ty().name()
            ))),
        },
        ProxyOp::Send(v) => protocol::call_method(&it, "send", std::slice::from_ref(v)),
        ProxyOp::Throw(args) => protocol::call_method(&it, "throw", args),
    };
    match r {
        Err(e) if e.matches(&exc::STOP_ASYNC_ITERATION) => {
            if a.default.is_none() {
                Err(PyErr::stop_iteration(None))
            } else {
                Err(PyErr::stop_iteration(Some(a.default.clone())))
            }
        }
        r => r,
    }
}

fn anext_iternext(o: &PyRef) -> PyResult<Option<PyRef>> {
    anext_proxy(o, ProxyOp::Next).map(Some)
}

static ANEXT_METHODS: &[MethodDef] = &[
    MethodDef::new("send", Meth::O(|o, v| anext_proxy(o, ProxyOp::Send(v)))),
    MethodDef::new(
        "throw",
        Meth::Fast(|o, a| anext_proxy(o, ProxyOp::Throw(a))),
    ),
    MethodDef::new(
        "close",
        Meth::NoArgs(|o| {
            // SAFETY: as in `anext_proxy`.
            let a = unsafe { o.payload_unchecked::<PyAnextAwaitable>() };
            match protocol::lookup_attr(&a.wrapped, crate::intern!("close"))? {
                Some(m) => protocol::call(&m, &[], None),
                None => Ok(none()),
            }
        }),
    ),
    MethodDef::new("__await__", Meth::NoArgs(self_await)),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &GEN_TYPE,
    &CORO_TYPE,
    &ASYNC_GEN_TYPE,
    &CORO_WRAPPER_TYPE,
    &ASYNC_GEN_WRAPPED_TYPE,
    &ASEND_TYPE,
    &ATHROW_TYPE,
    &ANEXT_AWAITABLE_TYPE,
];
