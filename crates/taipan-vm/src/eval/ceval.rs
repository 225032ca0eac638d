//! The evaluation loop (CPython's `Python/ceval.c`, 3.11).
//!
//! [`run_frame`] runs a frame over CPython 3.11's instruction set, skipping
//! inline cache entries. A call to a Python function does not recurse in
//! Rust: the loop pushes the callee's frame, keeps the caller in a vector
//! and continues, as 3.11's `_PyEval_EvalFrameDefault` does; only calls
//! through Rust (a builtin calling back, a generator being resumed) re-enter
//! it. Exceptions are handled through the code object's exception table: on
//! an error the value stack is cut to the handler's depth, the offset of the
//! raising instruction is pushed if asked, then the exception, and the loop
//! jumps to the handler; a frame without a handler adds its traceback entry
//! and hands the exception to its caller.

use std::cell::Cell;

use taipan_bytecode::opcode::Opcode;

use crate::eval::cache;
use crate::eval::frame::{bind_args, Frame};
use crate::object::protocol::{self, BinOp};
use crate::object::*;
use crate::objects::bool_::{is_true_obj, py_bool};
use crate::objects::cell::PyCell;
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::exceptions::{self as exc, PyBaseException};
use crate::objects::function::PyFunction;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::method::PyMethod;
use crate::objects::none::none;
use crate::objects::range::PyRangeIter;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// How a frame run ended.
pub enum Outcome {
    Return(PyRef),
    Yield(PyRef),
    /// `RETURN_GENERATOR` in the entry frame: the caller wraps the frame.
    Generator,
    Error(PyErr),
}

/// How a frame run starts.
pub enum Resume {
    /// A fresh frame, or one resumed without a value.
    Start,
    /// A suspended frame, with the value `YIELD_VALUE` gives.
    Push(PyRef),
    /// A suspended frame, raising at its current instruction.
    Throw(PyErr),
}

/// Why the instruction loop stopped.
enum Exit {
    Call(Box<Frame>),
    Return(PyRef),
    Yield(PyRef),
    ReturnGenerator,
}

/// The exception being handled (`exc_info->exc_value`). A static guarded by
/// the GIL rather than a thread-local: a thread-local would be dropped at
/// thread exit, after the GIL is released.
static EXC_INFO: crate::gil::GilCell<Option<PyRef>> = crate::gil::GilCell::new(None);

thread_local! {
    /// The innermost running frame, for `globals()`, `locals()` and `exec`.
    static CURRENT: Cell<*mut Frame> = const { Cell::new(std::ptr::null_mut()) };
    /// Set by `RERAISE` and bare `raise`: the next error adds no traceback entry.
    static RERAISE: Cell<bool> = const { Cell::new(false) };
}

/// The exception being handled, if any (`sys.exc_info()[1]`).
pub fn exc_info() -> Option<PyRef> {
    // SAFETY: GIL held; a short read.
    unsafe { (*EXC_INFO.as_ptr()).clone() }
}

/// Replaces the exception being handled; returns the old one.
pub fn set_exc_info(v: Option<PyRef>) -> Option<PyRef> {
    // SAFETY: GIL held; the swap ends before the old value is dropped.
    unsafe { std::mem::replace(&mut *EXC_INFO.as_ptr(), v) }
}

/// The innermost running frame's globals and locals mapping (`None` for a
/// function frame), if a frame is running.
pub fn current_globals_locals() -> Option<(PyRef, Option<PyRef>)> {
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return None;
    }
    // SAFETY: CURRENT points to the frame the loop is running (it is reset when that frame stops); only its reference fields are read.
    let f = unsafe { &*p };
    Some((f.globals.clone(), f.locals.clone()))
}

/// The file name and current line of the innermost running frame.
pub fn current_location() -> Option<(String, i32)> {
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return None;
    }
    // SAFETY: as in `current_globals_locals`.
    let f = unsafe { &*p };
    let code = f.code_ref();
    let line = code.addr2line(f.lasti).unwrap_or(code.firstlineno);
    Some((code.filename_str().to_owned(), line))
}

/// The innermost running frame's object and last instruction, for a
/// traceback entry made outside the loop (`PyErr_WriteUnraisable`).
pub fn current_frame_and_lasti() -> Option<(PyRef, i32)> {
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return None;
    }
    // SAFETY: as in `current_globals_locals`; the frame object is made on first need.
    let f = unsafe { &mut *p };
    let fo = f.frame_object().ok()?;
    Some((fo, f.lasti as i32))
}

/// `locals()` of a function frame: a dict of its bound locals and cells.
pub fn current_locals_dict() -> PyResult<Option<PyRef>> {
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return Ok(None);
    }
    // SAFETY: as in `current_globals_locals`; the frame object is made on first need.
    let f = unsafe { &mut *p };
    if let Some(l) = &f.locals {
        return Ok(Some(l.clone()));
    }
    // The same dict each time, updated from the local variables
    // (`PyEval_GetLocals`).
    let fo = f.frame_object()?;
    crate::objects::frame::frame_locals(&fo).map(Some)
}

/// The builtins dict for a globals dict (`_PyEval_BuiltinsFromGlobals`):
/// `globals['__builtins__']` (a module's dict, or the dict itself), else the
/// interpreter's builtins, else an empty dict.
pub fn builtins_of(globals: &PyRef) -> PyResult<PyRef> {
    if let Some(g) = globals.downcast::<PyDict>() {
        if let Some(b) = g.get_item(crate::intern!("__builtins__"))? {
            if let Some(m) = b.downcast::<crate::objects::module::PyModule>() {
                return Ok(m.dict());
            }
            if b.is_instance_of::<PyDict>() {
                return Ok(b);
            }
        }
    }
    default_builtins()
}

/// The interpreter's builtins dict (an empty dict before start-up made it).
pub fn default_builtins() -> PyResult<PyRef> {
    if let Some(b) = &crate::interp::interp().builtins {
        if let Some(m) = b.downcast::<crate::objects::module::PyModule>() {
            return Ok(m.dict());
        }
    }
    PyDict::new()
}

/// Runs a code object in a new frame (module and class bodies, `exec`).
pub fn eval_code(
    code: &PyRef,
    globals: &PyRef,
    locals: Option<&PyRef>,
    func: Option<&PyRef>,
) -> PyResult<PyRef> {
    if !code.is_instance_of::<PyCode>() {
        return Err(PyErr::type_error("expected a code object"));
    }
    let builtins = builtins_of(globals)?;
    // SAFETY: GIL held; a plain store of a fn pointer.
    unsafe { *crate::modules::sys::GETFRAME_HOOK.as_ptr() = Some(getframe) };
    // SAFETY: as above.
    unsafe { *crate::objects::super_::SUPER_ZERO_ARGS_HOOK.as_ptr() = Some(super_zero_args) };
    // The frame counts one level, as CPython counts the module frame.
    let _guard = crate::eval::recursion::enter_call("")?;
    let frame = Frame::new(
        code.clone(),
        func.cloned(),
        globals.clone(),
        builtins,
        locals.cloned(),
    );
    finish(crate::eval::recursion::with_stack(|| {
        run_frame(frame, Resume::Start)
    }))
}

fn finish((outcome, frame): (Outcome, Box<Frame>)) -> PyResult<PyRef> {
    match outcome {
        Outcome::Return(v) => {
            Frame::release(frame);
            Ok(v)
        }
        Outcome::Error(e) => {
            Frame::release(frame);
            Err(e)
        }
        Outcome::Generator => crate::objects::gen::PyGen::new(frame),
        Outcome::Yield(_) => Err(PyErr::system_error("yield outside a generator frame")),
    }
}

/// Makes the frame for a call of a Python function with bound arguments.
pub fn function_frame(
    func: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<Box<Frame>> {
    function_frame_with(func, None, args, kwnames)
}

/// [`function_frame`] for the arguments `self_` (if any), then `args`.
fn function_frame_with(
    func: &PyRef,
    self_: Option<&PyRef>,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<Box<Frame>> {
    // SAFETY: callers pass functions.
    let f = unsafe { func.payload_unchecked::<PyFunction>() };
    let code = f.code();
    // SAFETY: a function's code is a code object.
    let c = unsafe { code.payload_unchecked::<PyCode>() };
    let mut frame = Frame::new(
        code.clone(),
        Some(func.clone()),
        f.globals.clone(),
        f.builtins.clone(),
        None,
    );
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    let nself = self_.is_some() as usize;
    if nkw == 0
        && args.len() + nself == c.argcount
        && c.flags
            & (crate::objects::code::flags::VARARGS | crate::objects::code::flags::VARKEYWORDS)
            == 0
        && c.kwonlyargcount == 0
    {
        let mut slots = frame.slots.iter_mut();
        if let Some(v) = self_ {
            if let Some(s) = slots.next() {
                *s = Some(v.clone());
            }
        }
        for (s, a) in slots.zip(args) {
            *s = Some(a.clone());
        }
    } else if let Some(v) = self_ {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v.clone());
        all.extend_from_slice(args);
        bind_args(f, c, &mut frame.slots, &all, kwnames)?;
    } else {
        bind_args(f, c, &mut frame.slots, args, kwnames)?;
    }
    Ok(frame)
}

/// A class call (`type_call`) whose instance comes from `object.__new__`
/// and whose `__init__` is a Python function: makes the instance and the
/// frame of its `__init__`, which the loop runs like any Python call
/// (CPython 3.12's `CALL_NO_KW_ALLOC_AND_ENTER_INIT`); when it returns
/// `None`, the call gives the instance (see `run_frame`). `None` when the
/// generic path must run. The class call and the `__init__` call each
/// count one recursion level, as through `type_call`.
#[inline]
fn init_frame(
    callable: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<Option<Box<Frame>>> {
    use crate::objects::code::flags;
    let is_type_call = callable
        .ty()
        .tp_call
        .get()
        .is_some_and(|f| f as usize == crate::objects::type_::type_call as *const () as usize);
    // With keywords, CPython's `slot_tp_init` unpacks them into a new
    // argument array holding its own reference to the instance, which
    // `sys.getrefcount` shows: left to the generic path, which does too.
    if !is_type_call || kwnames.is_some() {
        return Ok(None);
    }
    let Some(ty) = crate::objects::type_::as_type(callable) else {
        return Ok(None);
    };
    let object_new = ty
        .tp_new
        .get()
        .is_some_and(|f| f as usize == crate::objects::object::object_new as *const () as usize);
    let slot_init = ty
        .tp_init
        .get()
        .is_some_and(crate::objects::typeslots::is_slot_tp_init);
    if std::ptr::eq(ty, &crate::objects::type_::TYPE_TYPE) || !object_new || !slot_init {
        return Ok(None);
    }
    let Some(init) = crate::objects::type_::lookup(ty, crate::intern!("__init__")) else {
        return Ok(None);
    };
    let Some(f) = init.downcast_exact::<PyFunction>() else {
        return Ok(None);
    };
    let code = f.code();
    // SAFETY: a function's code is a code object.
    let c = unsafe { code.payload_unchecked::<PyCode>() };
    if c.flags
        & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR | flags::ITERABLE_COROUTINE)
        != 0
    {
        return Ok(None);
    }
    let call_guard = crate::eval::recursion::enter_call(" while calling a Python object")?;
    let inst = crate::objects::object::object_new(callable, args, kwnames)?;
    let guard = crate::eval::recursion::enter_frame()?;
    let mut frame = function_frame_with(&init, Some(&inst), args, kwnames)?;
    frame.guard = Some(guard);
    let held = crate::eval::frame::HeldArgs::new(args);
    // The caller's stack depth is set by `CALL`.
    frame.init = Some((inst, call_guard, held, 0));
    Ok(Some(frame))
}

/// Calls a Python function from Rust (`_PyFunction_Vectorcall`).
pub fn call_function(func: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let frame = function_frame(func, args, kwnames)?;
    finish(crate::eval::recursion::with_stack(|| {
        run_frame(frame, Resume::Start)
    }))
}

/// Sets the exception's `__context__` to the exception being handled, as
/// `_PyErr_SetObject` does, breaking a cycle if one would form.
fn chain_context(e: &PyErr) {
    let handled = match exc_info() {
        Some(h) => h,
        None => return,
    };
    let v = e.value();
    if handled.is(v) {
        return;
    }
    let be = match v.downcast::<PyBaseException>() {
        Some(b) => b,
        None => return,
    };
    if PyBaseException::get_field(&be.context).is_some() {
        return;
    }
    // Break a cycle: if `v` is somewhere in handled's context chain, cut it.
    let mut o = handled.clone();
    let mut steps = 0;
    while let Some(ob) = o.downcast::<PyBaseException>() {
        let ctx = match PyBaseException::get_field(&ob.context) {
            Some(c) => c,
            None => break,
        };
        if ctx.is(v) {
            PyBaseException::set_field(&ob.context, None);
            break;
        }
        o = ctx;
        steps += 1;
        if steps > 10000 {
            break;
        }
    }
    PyBaseException::set_field(&be.context, Some(handled));
}

/// `sys._getframe(depth)`: the frame object `depth` calls up, with its
/// `f_back` chain filled in.
pub fn getframe(depth: i64) -> PyResult<PyRef> {
    let mut p = CURRENT.with(Cell::get);
    let mut d = depth;
    while d > 0 && !p.is_null() {
        // SAFETY: `back` pointers link frames that are running (each caller outlives its callee's run).
        p = unsafe { (*p).back };
        d -= 1;
    }
    if p.is_null() {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    // SAFETY: as above; the frame object is made on first need and reads the live frame after.
    unsafe { (*p).frame_object() }
}

/// Zero-argument `super()` (`super_init_without_args`): the `__class__`
/// cell's class and the current frame's first argument.
fn super_zero_args() -> PyResult<(PyRef, PyRef)> {
    use taipan_bytecode::marshal::fast_kind;
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return Err(PyErr::runtime_error("super(): no current frame"));
    }
    // SAFETY: CURRENT is the running frame; its slots are only read.
    let f = unsafe { &*p };
    let code = f.code_ref();
    if code.argcount == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let mut first = match f.slots.first().cloned().flatten() {
        Some(v) => v,
        None => return Err(PyErr::runtime_error("super(): arg[0] deleted")),
    };
    if code.localspluskinds.first().copied().unwrap_or(0) & fast_kind::CELL != 0 {
        if let Some(c) = first.downcast::<PyCell>() {
            match c.get() {
                Some(v) => first = v,
                None => return Err(PyErr::runtime_error("super(): arg[0] deleted")),
            }
        }
    }
    let names = code.localsplus_names();
    for (i, name) in names.iter().enumerate().take(code.nlocalsplus) {
        if code.localspluskinds.get(i).copied().unwrap_or(0) & fast_kind::FREE == 0
            || crate::objects::descr::name_str(name) != "__class__"
        {
            continue;
        }
        let cell = f.slots.get(i).cloned().flatten();
        let c = match cell.as_ref().and_then(|c| c.downcast::<PyCell>()) {
            Some(c) => c,
            None => return Err(PyErr::runtime_error("super(): bad __class__ cell")),
        };
        let ty = match c.get() {
            Some(t) => t,
            None => return Err(PyErr::runtime_error("super(): empty __class__ cell")),
        };
        if crate::objects::type_::as_type(&ty).is_none() {
            return Err(PyErr::runtime_error(format!(
                "super(): __class__ is not a type ({})",
                ty.ty().name()
            )));
        }
        return Ok((ty, first));
    }
    Err(PyErr::runtime_error("super(): __class__ cell not found"))
}

/// Whether `f` is the running frame or one of its callers.
pub fn is_running_frame(f: *mut Frame) -> bool {
    let mut p = CURRENT.with(Cell::get);
    while !p.is_null() {
        if p == f {
            return true;
        }
        // SAFETY: `back` links running frames.
        p = unsafe { (*p).back };
    }
    false
}

struct CurrentGuard(*mut Frame);

impl Drop for CurrentGuard {
    fn drop(&mut self) {
        let p = self.0;
        CURRENT.with(|c| c.set(p));
    }
}

/// Runs `frame` until it returns, yields or raises; Python-to-Python calls
/// made meanwhile run in this same loop. Gives the frame back (a generator
/// keeps it).
pub fn run_frame(mut frame: Box<Frame>, resume: Resume) -> (Outcome, Box<Frame>) {
    let _restore = CurrentGuard(CURRENT.with(Cell::get));
    frame.back = CURRENT.with(Cell::get);
    let mut callers: Vec<Box<Frame>> = Vec::new();
    let mut pending = None;
    match resume {
        Resume::Start => {}
        Resume::Push(v) => {
            let sp = frame.sp;
            frame.slots[sp] = Some(v);
            frame.sp += 1;
        }
        Resume::Throw(e) => pending = Some(e),
    }
    loop {
        CURRENT.with(|c| c.set(&mut *frame as *mut Frame));
        let r = match pending.take() {
            Some(e) => Err(e),
            None => execute(&mut frame),
        };
        match r {
            Ok(Exit::Call(mut new)) => {
                new.back = &mut *frame as *mut Frame;
                callers.push(std::mem::replace(&mut frame, new));
            }
            Ok(Exit::Return(v)) => match callers.pop() {
                Some(c) => {
                    let mut done = std::mem::replace(&mut frame, c);
                    // `__del__` run by the release sees the caller as the
                    // current frame, never the one being cleared.
                    CURRENT.with(|c| c.set(&mut *frame as *mut Frame));
                    let init = done.init.take();
                    Frame::release(done);
                    let v = match init {
                        None => v,
                        // An `__init__` frame: the class call gives the
                        // instance (`slot_tp_init`'s check of the result).
                        Some((inst, _level, held, base)) => {
                            drop(held);
                            let err = if v.is_none() {
                                None
                            } else {
                                Some(PyErr::type_error(format!(
                                    "__init__() should return None, not '{}'",
                                    v.ty().name()
                                )))
                            };
                            drop(v);
                            let inst = if err.is_some() {
                                drop(inst);
                                None
                            } else {
                                Some(inst)
                            };
                            // Then the class and the arguments the call
                            // left on this stack.
                            while frame.sp > base {
                                frame.sp -= 1;
                                drop(frame.slots[frame.sp].take());
                            }
                            match inst {
                                Some(i) => i,
                                None => {
                                    pending = err;
                                    continue;
                                }
                            }
                        }
                    };
                    let sp = frame.sp;
                    frame.slots[sp] = Some(v);
                    frame.sp += 1;
                }
                None => return (Outcome::Return(v), frame),
            },
            Ok(Exit::Yield(v)) => {
                if callers.is_empty() {
                    return (Outcome::Yield(v), frame);
                }
                pending = Some(PyErr::system_error(
                    "yield from a frame that is not a generator's",
                ));
            }
            Ok(Exit::ReturnGenerator) => match callers.pop() {
                Some(c) => {
                    let g = std::mem::replace(&mut frame, c);
                    match crate::objects::gen::PyGen::new(g) {
                        Ok(gen) => {
                            let sp = frame.sp;
                            frame.slots[sp] = Some(gen);
                            frame.sp += 1;
                        }
                        Err(e) => pending = Some(e),
                    }
                }
                None => return (Outcome::Generator, frame),
            },
            Err(e) => {
                let mut reraise = RERAISE.with(|r| r.replace(false));
                if !reraise {
                    chain_context(&e);
                }
                loop {
                    if !reraise {
                        if let Ok(fo) = frame.frame_object() {
                            let _ = crate::objects::traceback::add_entry(
                                e.value(),
                                &fo,
                                frame.lasti as i32,
                            );
                        }
                    }
                    reraise = false;
                    let code = frame.code_ref();
                    let room = frame.slots.len();
                    if let Some(h) = taipan_bytecode::exception_table::find_handler(
                        &code.exceptiontable,
                        frame.lasti as u32,
                    )
                    .filter(|h| code.nlocalsplus + h.depth as usize + 2 <= room)
                    {
                        let base = code.nlocalsplus + h.depth as usize;
                        while frame.sp > base {
                            frame.sp -= 1;
                            let v = frame.slots[frame.sp].take();
                            drop(v);
                        }
                        // Exactly the handler's depth (the slots up to it
                        // are empty), as validation assumes.
                        frame.sp = base;
                        if h.lasti {
                            match PyInt::new(frame.lasti as i64) {
                                Ok(i) => {
                                    let sp = frame.sp;
                                    frame.slots[sp] = Some(i);
                                    frame.sp += 1;
                                }
                                Err(e2) => {
                                    pending = Some(e2);
                                    break;
                                }
                            }
                        }
                        let sp = frame.sp;
                        frame.slots[sp] = Some(e.into_value());
                        frame.sp += 1;
                        frame.pc = h.target as usize;
                        break;
                    }
                    frame.clear_stack();
                    match callers.pop() {
                        Some(c) => {
                            let done = std::mem::replace(&mut frame, c);
                            CURRENT.with(|c| c.set(&mut *frame as *mut Frame));
                            Frame::release(done);
                        }
                        None => return (Outcome::Error(e), frame),
                    }
                }
            }
        }
    }
}

/// Inline cache entries after each opcode.
static CACHES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(op) = Opcode::from_u8(i as u8) {
            t[i] = op.cache_entries();
        }
        i += 1;
    }
    t
};

/// Each opcode byte's instruction, specialized forms mapped to their base
/// instruction (one table read per instruction instead of two matches).
/// Bytes that are no instruction map to `CACHE`, whose arm tells them
/// apart by the byte.
static DECODE: [Opcode; 256] = {
    let mut t = [Opcode::Cache; 256];
    let mut i = 0;
    while i < 256 {
        if let Some(op) = Opcode::from_u8(i as u8) {
            t[i] = op.deoptimize();
        }
        i += 1;
    }
    t
};

const NB: [BinOp; 13] = [
    protocol::ADD,
    protocol::AND,
    protocol::FLOORDIV,
    protocol::LSHIFT,
    protocol::MATMUL,
    protocol::MUL,
    protocol::MOD,
    protocol::OR,
    protocol::ADD, // power: handled separately
    protocol::RSHIFT,
    protocol::SUB,
    protocol::TRUEDIV,
    protocol::XOR,
];

#[cold]
fn unknown_opcode(op: u8) -> PyErr {
    PyErr::system_error(format!("unknown opcode {op}"))
}

/// An instruction of a hand-made code object given something else where
/// the compiler puts an exception.
#[cold]
fn not_an_exception(op: &str) -> PyErr {
    PyErr::system_error(format!("{op} of an object that is not an exception"))
}

/// `RERAISE` of `v`: only an exception can be (what a hand-made code
/// object leaves there may be anything).
fn reraise(v: PyRef) -> PyErr {
    if !v.ty().is_subtype(&exc::BASE_EXCEPTION) {
        return not_an_exception("RERAISE");
    }
    RERAISE.with(|r| r.set(true));
    PyErr::from_value(v)
}

#[cold]
fn stack_error() -> PyErr {
    PyErr::system_error("bad value stack (a NULL where a value was expected)")
}

// The value stack accessors below index the frame's slots without bounds
// checks. Every code object the loop runs passed `eval::validate`, which
// proves for each reachable instruction that its pops (and `peek`s) stay at
// or above the stack's base (`co_nlocalsplus`) and its pushes at or below
// `co_nlocalsplus + co_stacksize`, inside the `co_nlocalsplus +
// co_stacksize + 1` slots `Frame::new` makes; the loop's stack changes are
// exactly the effects it checks (see that module).
impl Frame {
    /// Pushes onto the value stack. The slots at and above `sp` are all
    /// `None` (every pop takes its value, and a frame starts with all its
    /// stack slots empty), so the write replaces nothing; were that ever
    /// broken, the old value would leak, not be freed twice.
    #[inline(always)]
    fn push(&mut self, v: PyRef) {
        self.push_opt(Some(v));
    }

    #[inline(always)]
    fn push_opt(&mut self, v: Option<PyRef>) {
        let sp = self.sp;
        debug_assert!(sp < self.slots.len() && self.slots[sp].is_none());
        // SAFETY: `sp` is below the slot count (validated code, see above); overwriting an (empty, by the invariant above) slot without dropping it is at worst a leak.
        unsafe { std::ptr::write(self.slots.as_mut_ptr().add(sp), v) };
        self.sp = sp + 1;
    }

    #[inline(always)]
    fn pop(&mut self) -> PyResult<PyRef> {
        self.pop_opt().ok_or_else(stack_error)
    }

    #[inline(always)]
    fn pop_opt(&mut self) -> Option<PyRef> {
        let sp = self.sp.wrapping_sub(1);
        self.sp = sp;
        debug_assert!(sp < self.slots.len());
        // SAFETY: validated code never pops below the stack's base, so `sp` is a valid slot index (see above).
        unsafe { (*self.slots.as_mut_ptr().add(sp)).take() }
    }

    /// The `n`th value from the top (1 is the top), for the `n` an
    /// instruction's validated stack effect covers.
    #[inline(always)]
    fn peek(&self, n: usize) -> PyResult<&PyRef> {
        let i = self.sp.wrapping_sub(n);
        debug_assert!(i < self.slots.len());
        // SAFETY: validated code reads no deeper than its instruction's stack effect allows (see above).
        unsafe { (*self.slots.as_ptr().add(i)).as_ref() }.ok_or_else(stack_error)
    }

    /// [`Frame::peek`] for a depth no validation covers.
    #[inline]
    fn peek_checked(&self, n: usize) -> PyResult<&PyRef> {
        self.slots
            .get(self.sp.wrapping_sub(n))
            .and_then(Option::as_ref)
            .ok_or_else(stack_error)
    }

    /// Local `i`, for an index validated against `co_nlocalsplus`.
    #[inline(always)]
    fn local(&mut self, i: usize) -> &mut Option<PyRef> {
        debug_assert!(i < self.slots.len());
        // SAFETY: validated code indexes only its fast locals, which come first in the slots.
        unsafe { &mut *self.slots.as_mut_ptr().add(i) }
    }
}

fn name_error(name: &PyRef) -> PyErr {
    let e = PyErr::name_error(format!(
        "name '{}' is not defined",
        crate::objects::descr::name_str(name)
    ));
    crate::objects::exceptions_attrs::set_name(&e, name);
    e
}

fn unbound_local(code: &PyCode, i: usize) -> PyErr {
    let name = crate::objects::descr::name_str(&code.localsplus_names()[i]);
    PyErr::unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}

fn unbound_deref(code: &PyCode, i: usize) -> PyErr {
    let name = crate::objects::descr::name_str(&code.localsplus_names()[i]);
    if i < code.nlocalsplus - code.nfreevars {
        PyErr::unbound_local_error(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    } else {
        PyErr::name_error(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ))
    }
}

/// A lookup in a dict or any mapping (`None`: missing).
fn mapping_get(map: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    if let Some(d) = map.downcast_exact::<PyDict>() {
        return d.get_item(key);
    }
    match protocol::get_item(map, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exc::KEY_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

fn dict_of(d: &PyRef) -> PyResult<&PyDict> {
    d.downcast::<PyDict>()
        .ok_or_else(|| PyErr::system_error("expected a dict"))
}

fn load_global(frame: &Frame, name: &PyRef) -> PyResult<PyRef> {
    if let Some(v) = dict_of(&frame.globals)?.get_item(name)? {
        return Ok(v);
    }
    if let Some(v) = mapping_get(&frame.builtins, name)? {
        return Ok(v);
    }
    Err(name_error(name))
}

/// `PyErr_GivenExceptionMatches` for `except` clauses, with the check that
/// the classes derive from `BaseException`.
fn check_except_type(t: &PyRef) -> PyResult<()> {
    let ok = |x: &PyRef| {
        crate::objects::type_::as_type(x)
            .map(|ty| ty.is_subtype(&exc::BASE_EXCEPTION))
            .unwrap_or(false)
    };
    if let Some(tt) = t.downcast::<PyTuple>() {
        for x in tt.items() {
            if !ok(x) {
                return Err(PyErr::type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        return Ok(());
    }
    if !ok(t) {
        return Err(PyErr::type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    Ok(())
}

/// Does exception instance `v` match the class (or tuple of classes) `t`?
pub fn exception_matches(v: &PyRef, t: &PyRef) -> bool {
    if let Some(tt) = t.downcast::<PyTuple>() {
        return tt.items().iter().any(|x| exception_matches(v, x));
    }
    match crate::objects::type_::as_type(t) {
        Some(ty) => v.ty().is_subtype(ty),
        None => false,
    }
}

/// Makes the exception object `raise X` raises: an instance as is, a class
/// called with no arguments.
pub fn make_exception(x: &PyRef) -> PyResult<PyRef> {
    if let Some(ty) = crate::objects::type_::as_type(x) {
        if ty.is_subtype(&exc::BASE_EXCEPTION) {
            let v = protocol::call(x, &[], None)?;
            if !v.ty().is_subtype(&exc::BASE_EXCEPTION) {
                return Err(PyErr::type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    protocol::repr_string(x)?,
                    v.ty().name()
                )));
            }
            return Ok(v);
        }
    } else if x.ty().is_subtype(&exc::BASE_EXCEPTION) {
        return Ok(x.clone());
    }
    Err(PyErr::type_error(
        "exceptions must derive from BaseException",
    ))
}

fn do_raise(exc_obj: Option<PyRef>, cause: Option<PyRef>) -> PyErr {
    let exc_obj = match exc_obj {
        Some(e) => e,
        None => {
            return match exc_info() {
                Some(v) => {
                    RERAISE.with(|r| r.set(true));
                    PyErr::from_value(v)
                }
                None => PyErr::runtime_error("No active exception to reraise"),
            }
        }
    };
    let value = match make_exception(&exc_obj) {
        Ok(v) => v,
        Err(e) => return e,
    };
    if let Some(c) = cause {
        let cause_val = if c.is_none() {
            None
        } else if crate::objects::type_::as_type(&c).is_some() {
            match make_exception(&c) {
                Ok(v) => Some(v),
                Err(e) => return e,
            }
        } else if c.ty().is_subtype(&exc::BASE_EXCEPTION) {
            Some(c)
        } else {
            return PyErr::type_error("exception causes must derive from BaseException");
        };
        if let Some(b) = value.downcast::<PyBaseException>() {
            PyBaseException::set_field(&b.cause, cause_val);
            b.suppress_context.set(true);
        }
    }
    PyErr::from_value(value)
}

fn unpack_iterable(v: &PyRef, before: usize, after: Option<usize>) -> PyResult<Vec<PyRef>> {
    let items: Vec<PyRef> = if let Some(t) = v.downcast_exact::<PyTuple>() {
        t.items().to_vec()
    } else if let Some(l) = v.downcast_exact::<PyList>() {
        l.snapshot()
    } else {
        let it = match protocol::get_iter(v) {
            Ok(it) => it,
            Err(e) => {
                if e.matches(&exc::TYPE_ERROR)
                    && v.ty().tp_iter.get().is_none()
                    && v.ty().as_sequence.sq_item.get().is_none()
                {
                    return Err(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        v.ty().name()
                    )));
                }
                return Err(e);
            }
        };
        let mut out = Vec::new();
        while let Some(x) = protocol::next(&it)? {
            out.push(x);
            if after.is_none() && out.len() > before {
                return Err(PyErr::value_error(format!(
                    "too many values to unpack (expected {before})"
                )));
            }
        }
        out
    };
    match after {
        None => {
            if items.len() < before {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected {}, got {})",
                    before,
                    items.len()
                )));
            }
            if items.len() > before {
                return Err(PyErr::value_error(format!(
                    "too many values to unpack (expected {before})"
                )));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mut out = Vec::with_capacity(before + after + 1);
            out.extend_from_slice(&items[..before]);
            let mid = PyList::new(items[before..items.len() - after].to_vec())?;
            out.push(mid);
            out.extend_from_slice(&items[items.len() - after..]);
            Ok(out)
        }
    }
}

/// Calls a builtin by name (for types other files define: set, slice).
fn call_builtin(frame: &Frame, name: &str, args: &[PyRef]) -> PyResult<PyRef> {
    let n = crate::objects::str::intern(name);
    match mapping_get(&frame.builtins, &n)? {
        Some(f) => protocol::call(&f, args, None),
        None => Err(PyErr::not_implemented_error(format!(
            "builtin '{name}' is not available yet"
        ))),
    }
}

fn format_value(v: PyRef, spec: Option<PyRef>) -> PyResult<PyRef> {
    if spec.is_none() && v.is_exact::<PyStr>() {
        return Ok(v);
    }
    // Exact ints and floats: their `__format__` without the method call
    // (str.rs's `format_object`; an empty spec is `str()`).
    if v.is_exact::<crate::objects::int::PyInt>() || v.is_exact::<crate::objects::float::PyFloat>()
    {
        return match &spec {
            None => match crate::objects::str::small_int_str(&v) {
                Some(r) => r,
                None => protocol::str_(&v),
            },
            Some(s) => crate::objects::str::format_object(&v, s),
        };
    }
    let spec = match spec {
        Some(s) => s,
        None => PyStr::new("")?,
    };
    let f =
        crate::objects::type_::lookup(v.ty(), crate::intern!("__format__")).ok_or_else(|| {
            PyErr::type_error(format!("Type {} doesn't define __format__", v.ty().name()))
        })?;
    let r = protocol::call(&f, &[v, spec], None)?;
    if !r.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "__format__ must return a str, not {}",
            r.ty().name()
        )));
    }
    Ok(r)
}

fn inplace_power(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    if let Some(f) = a.ty().as_number.nb_inplace_power.get() {
        let r = f(a, b, &none())?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    protocol::power(a, b, &none()).map_err(|e| {
        if e.matches(&exc::TYPE_ERROR)
            && a.ty().as_number.nb_power.get().is_none()
            && b.ty().as_number.nb_power.get().is_none()
        {
            PyErr::type_error(format!(
                "unsupported operand type(s) for **=: '{}' and '{}'",
                a.ty().name(),
                b.ty().name()
            ))
        } else {
            e
        }
    })
}

fn binary_op(arg: u32, a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let i = arg as usize;
    if i == 8 {
        return protocol::power(a, b, &none());
    }
    if i == 21 {
        return inplace_power(a, b);
    }
    if i < 13 {
        protocol::binary_op(a, b, NB[i])
    } else if i < 26 {
        protocol::inplace_op(a, b, NB[i - 13])
    } else {
        Err(PyErr::system_error("bad BINARY_OP argument"))
    }
}

fn dict_update(d: &PyRef, other: &PyRef) -> PyResult<()> {
    let dd = dict_of(d)?;
    if let Some(o) = crate::objects::dict::as_plain_dict(other) {
        for (k, v) in o.items() {
            dd.set_item(k, v)?;
        }
        return Ok(());
    }
    let keys = match protocol::lookup_attr(other, crate::intern!("keys"))? {
        Some(k) => protocol::call(&k, &[], None)?,
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not a mapping",
                other.ty().name()
            )))
        }
    };
    for k in protocol::collect(&keys)? {
        let v = protocol::get_item(other, &k)?;
        dd.set_item(k, v)?;
    }
    Ok(())
}

/// Splits a kwargs dict into values appended to `args` and a names tuple.
fn kwargs_to_names(kwargs: &PyRef, args: &mut Vec<PyRef>) -> PyResult<Option<PyRef>> {
    let d = dict_of(kwargs)?;
    if d.is_empty() {
        return Ok(None);
    }
    let mut names = Vec::with_capacity(d.len());
    for (k, v) in d.items() {
        if !k.is_instance_of::<PyStr>() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        names.push(k);
        args.push(v);
    }
    Ok(Some(PyTuple::new(names)?))
}

/// `_PyObject_FunctionStr`: `module.qualname()` (module left out for
/// builtins), or the type's name with " object".
fn func_name_for_msg(f: &PyRef) -> String {
    let q = match protocol::lookup_attr(f, crate::intern!("__qualname__")) {
        Ok(Some(q)) if q.is_instance_of::<PyStr>() => q,
        _ => return format!("{} object", f.ty().name()),
    };
    let q = crate::objects::descr::name_str(&q).to_string();
    match protocol::lookup_attr(f, crate::intern!("__module__")) {
        Ok(Some(m)) if m.is_instance_of::<PyStr>() => {
            let m = crate::objects::descr::name_str(&m);
            if m == "builtins" {
                format!("{q}()")
            } else {
                format!("{m}.{q}()")
            }
        }
        _ => format!("{q}()"),
    }
}

/// A call from the loop: Python functions get a new frame, anything else is
/// called through `tp_call`.
#[inline(always)]
fn call_from_loop(
    callable: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<Result<Box<Frame>, PyRef>> {
    if callable.is_exact::<PyFunction>() {
        let guard = crate::eval::recursion::enter_call("")?;
        let mut f = function_frame(callable, args, kwnames)?;
        f.guard = Some(guard);
        return Ok(Ok(f));
    }
    protocol::call(callable, args, kwnames).map(Err)
}

/// `CALL` of an exact Python function (or a bound method of one) given
/// exactly its positional parameters (`CALL_PY_EXACT_ARGS`): the callable
/// and the arguments move from the stack into the new frame. `None` (the
/// stack untouched but for a bound method's unpacking) when the generic
/// path must run.
#[inline(always)]
fn call_py_exact_args(frame: &mut Frame, base: usize) -> PyResult<Option<Box<Frame>>> {
    let sp = frame.sp;
    if frame.slots[base].is_none() {
        let m = match &frame.slots[base + 1] {
            Some(c) => c
                .downcast_exact::<PyMethod>()
                .map(|m| (m.func.clone(), m.self_.clone())),
            None => return Ok(None),
        };
        if let Some((func, self_)) = m {
            // Unpack a bound method: self goes where the NULL was.
            frame.slots[base] = Some(func);
            let old = frame.slots[base + 1].replace(self_);
            drop(old);
        }
    }
    let (fi, start) = if frame.slots[base].is_some() {
        (base, base + 1)
    } else {
        (base + 1, base + 2)
    };
    let Some(callable) = &frame.slots[fi] else {
        return Ok(None);
    };
    let Some(f) = callable.downcast_exact::<PyFunction>() else {
        return Ok(None);
    };
    let code = f.code();
    // SAFETY: a function's code is a code object.
    let c = unsafe { code.payload_unchecked::<PyCode>() };
    if c.argcount != sp - start
        || c.kwonlyargcount != 0
        || c.flags
            & (crate::objects::code::flags::VARARGS | crate::objects::code::flags::VARKEYWORDS)
            != 0
    {
        return Ok(None);
    }
    let guard = crate::eval::recursion::enter_frame()?;
    let (globals, builtins) = (f.globals.clone(), f.builtins.clone());
    let func = frame.slots[fi].take();
    let mut new = Frame::new(code, func, globals, builtins, None);
    for (d, s) in new.slots.iter_mut().zip(frame.slots[start..sp].iter_mut()) {
        *d = s.take();
    }
    frame.sp = base;
    new.guard = Some(guard);
    Ok(Some(new))
}

/// The `with` statement's special method lookup (`_PyObject_LookupSpecial`).
fn lookup_special(obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    match crate::objects::type_::lookup(obj.ty(), name) {
        Some(a) => Ok(Some(crate::objects::descr::bind(
            &a,
            Some(obj),
            Some(&obj.type_ref()),
        )?)),
        None => Ok(None),
    }
}

fn import_from(module: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    match protocol::getattr(module, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&exc::ATTRIBUTE_ERROR) => {
            let modname = protocol::lookup_attr(module, crate::intern!("__name__"))
                .ok()
                .flatten()
                .map(|n| crate::objects::descr::name_str(&n).to_string())
                .unwrap_or_else(|| "<unknown module name>".to_string());
            // A submodule already imported?
            let full = format!("{}.{}", modname, crate::objects::descr::name_str(name));
            if let Some(mods) = crate::interp::interp().modules.downcast::<PyDict>() {
                if let Ok(Some(m)) = mods.get_str(&full) {
                    return Ok(m);
                }
            }
            let file = protocol::lookup_attr(module, crate::intern!("__file__"))
                .ok()
                .flatten()
                .filter(|f| f.is_instance_of::<PyStr>())
                .map(|f| crate::objects::descr::name_str(&f).to_string());
            let e = PyErr::import_error(format!(
                "cannot import name '{}' from '{}' ({})",
                crate::objects::descr::name_str(name),
                modname,
                file.as_deref().unwrap_or("unknown location")
            ));
            crate::objects::exceptions_attrs::set_import_error_name(&e, &modname, file.as_deref());
            Err(e)
        }
        Err(e) => Err(e),
    }
}

fn import_star(frame: &Frame, module: &PyRef) -> PyResult<()> {
    let locals = frame
        .locals
        .clone()
        .ok_or_else(|| PyErr::system_error("no locals found during 'import *'"))?;
    let (names, skip_private) = match protocol::lookup_attr(module, crate::intern!("__all__"))? {
        Some(all) => (protocol::collect(&all)?, false),
        None => {
            let d = protocol::getattr(module, crate::intern!("__dict__"))?;
            let keys = match d.downcast::<PyDict>() {
                Some(dd) => dd.keys(),
                None => Vec::new(),
            };
            (keys, true)
        }
    };
    for n in names {
        if skip_private && crate::objects::descr::name_str(&n).starts_with('_') {
            continue;
        }
        let v = protocol::getattr(module, &n)?;
        protocol::set_item(&locals, &n, Some(&v))?;
    }
    Ok(())
}

/// Finds a method for `LOAD_METHOD` without making a bound method when the
/// attribute is a plain function or method descriptor on the type.
fn load_method(obj: &PyRef, name: &PyRef) -> PyResult<(Option<PyRef>, PyRef)> {
    let ty = obj.ty();
    let generic = match ty.tp_getattro.get() {
        None => true,
        Some(f) => std::ptr::eq(
            f as *const (),
            crate::objects::object::generic_getattr as *const (),
        ),
    };
    if generic {
        if let Some(a) = crate::objects::type_::lookup(ty, name) {
            if a.ty().has_flag(TypeFlags::METHOD_DESCRIPTOR) {
                let shadowed = match crate::objects::object::instance_dict(obj, false)? {
                    Some(d) => dict_of(&d)?.get_item(name)?,
                    None => None,
                };
                match shadowed {
                    Some(v) => return Ok((None, v)),
                    None => return Ok((Some(a), obj.clone())),
                }
            }
        }
    }
    Ok((None, protocol::getattr(obj, name)?))
}

/// Views `Some` slots as references.
///
/// # Safety
/// Every slot in `s` is `Some`.
#[inline(always)]
unsafe fn as_refs(s: &[Option<PyRef>]) -> &[PyRef] {
    // SAFETY: Option<PyRef> has PyRef's layout (non-null niche), and the caller guarantees no slot is None.
    unsafe { std::slice::from_raw_parts(s.as_ptr() as *const PyRef, s.len()) }
}

/// Runs instructions of `frame` until it calls a Python function, returns,
/// yields or raises.
fn execute(frame: &mut Frame) -> PyResult<Exit> {
    let code: &PyCode = frame.code_ref();
    let units: &[u16] = &code.xcode;
    let caches = &code.caches[..];
    let consts = code.consts();
    let names = code.names();
    let nlp = code.nlocalsplus;
    // The next instruction, kept here while the frame runs and stored back
    // in `frame.pc` when the frame calls, returns or yields (an error goes
    // to a handler found from `frame.lasti`).
    let mut pc = frame.pc;
    loop {
        debug_assert!(pc < units.len());
        // SAFETY: `eval::validate` proved that every unit the loop can reach (by falling through, jumping, an exception handler or a generator's resumption), and every `EXTENDED_ARG` chain from it, lies inside the code.
        let mut unit = unsafe { *units.get_unchecked(pc) };
        pc += 1;
        let mut op = (unit & 0xff) as u8;
        let mut arg = (unit >> 8) as u32;
        while op == taipan_bytecode::opcode::EXTENDED_ARG {
            debug_assert!(pc < units.len());
            // SAFETY: as above.
            unit = unsafe { *units.get_unchecked(pc) };
            pc += 1;
            op = (unit & 0xff) as u8;
            arg = (arg << 8) | (unit >> 8) as u32;
        }
        frame.lasti = pc - 1;
        // Each arm of an instruction with inline cache entries skips them.
        debug_assert!(matches!(CACHES[op as usize], 0 | 1 | 2 | 4 | 5 | 10));
        let opcode = DECODE[op as usize];
        match opcode {
            Opcode::Nop => {}
            Opcode::Resume => {
                // The eval breaker: Python signal handlers run here and
                // at backward jumps.
                if crate::modules::_signal::pending() {
                    crate::modules::_signal::check_signals()?;
                }
            }
            Opcode::Cache => {
                if op != 0 {
                    if op == crate::eval::validate::INVALID_CODE_OP {
                        return Err(PyErr::system_error(
                            "invalid code object: its bytecode fails validation",
                        ));
                    }
                    return Err(unknown_opcode(op));
                }
            }
            Opcode::Precall => {
                pc += 1; // its inline cache entry
                         // `PRECALL_NO_KW_LIST_APPEND`: done here, and the CALL
                         // that follows (with its 4 cache entries) is skipped.
                if arg == 1
                    && frame.kwnames.is_none()
                    && frame.sp >= 3
                    && crate::objects::list::call_append_fast(
                        &mut frame.slots[frame.sp - 3..frame.sp],
                    )
                {
                    frame.sp -= 2;
                    pc += 5;
                }
            }
            Opcode::PopTop => {
                drop(frame.pop_opt());
            }
            Opcode::PushNull => frame.push_opt(None),
            Opcode::LoadConst => {
                debug_assert!((arg as usize) < consts.len());
                // SAFETY: validated code's constant indices are in range.
                frame.push(unsafe { consts.get_unchecked(arg as usize) }.clone())
            }
            Opcode::LoadFast => {
                let v = frame
                    .local(arg as usize)
                    .clone()
                    .ok_or_else(|| unbound_local(code, arg as usize))?;
                frame.push(v);
            }
            Opcode::StoreFast => {
                let v = frame.pop_opt();
                let old = std::mem::replace(frame.local(arg as usize), v);
                drop(old);
            }
            Opcode::DeleteFast => {
                let old = frame.slots[arg as usize].take();
                if old.is_none() {
                    return Err(unbound_local(code, arg as usize));
                }
                drop(old);
            }
            Opcode::MakeCell => {
                let v = frame.slots[arg as usize].take();
                let c = PyCell::new(v)?;
                frame.slots[arg as usize] = Some(c);
            }
            Opcode::CopyFreeVars => {
                let func = frame.func.clone().ok_or_else(stack_error)?;
                // SAFETY: a frame's func is a function.
                let f = unsafe { func.payload_unchecked::<PyFunction>() };
                if let Some(cl) = &f.closure {
                    if let Some(t) = cl.downcast::<PyTuple>() {
                        let off = nlp - arg as usize;
                        for (i, c) in t.items().iter().take(arg as usize).enumerate() {
                            frame.slots[off + i] = Some(c.clone());
                        }
                    }
                }
            }
            Opcode::LoadClosure => {
                let v = frame.slots[arg as usize].clone();
                frame.push_opt(v);
            }
            Opcode::LoadDeref => {
                let c = frame.slots[arg as usize].as_ref().ok_or_else(stack_error)?;
                let v = match c.downcast::<PyCell>() {
                    Some(cell) => cell.get(),
                    None => Some(c.clone()),
                };
                let v = v.ok_or_else(|| unbound_deref(code, arg as usize))?;
                frame.push(v);
            }
            Opcode::LoadClassderef => {
                let name = &code.localsplus_names()[arg as usize];
                let mut found = None;
                if let Some(l) = &frame.locals {
                    found = mapping_get(l, name)?;
                }
                let v = match found {
                    Some(v) => v,
                    None => {
                        let c = frame.slots[arg as usize].as_ref().ok_or_else(stack_error)?;
                        c.downcast::<PyCell>()
                            .and_then(|c| c.get())
                            .ok_or_else(|| unbound_deref(code, arg as usize))?
                    }
                };
                frame.push(v);
            }
            Opcode::StoreDeref => {
                let v = frame.pop()?;
                let c = frame.slots[arg as usize].as_ref().ok_or_else(stack_error)?;
                match c.downcast::<PyCell>() {
                    Some(cell) => cell.set(Some(v)),
                    None => {
                        frame.slots[arg as usize] = Some(v);
                    }
                }
            }
            Opcode::DeleteDeref => {
                let c = frame.slots[arg as usize].as_ref().ok_or_else(stack_error)?;
                if let Some(cell) = c.downcast::<PyCell>() {
                    if cell.get().is_none() {
                        return Err(unbound_deref(code, arg as usize));
                    }
                    cell.set(None);
                }
            }
            Opcode::LoadGlobal => {
                pc += 5; // inline cache entries
                let name = &names[(arg >> 1) as usize];
                let c = cache::entry(units, caches, frame.lasti);
                let hit = c.and_then(|c| cache::load_global(c, &frame.globals, &frame.builtins));
                let v = match hit {
                    Some(v) => v,
                    None => {
                        let before = cache::global_versions(&frame.globals, &frame.builtins);
                        let v = load_global(frame, name)?;
                        if let Some(c) = c {
                            cache::fill_global(c, &frame.globals, &frame.builtins, before, &v);
                        }
                        v
                    }
                };
                if arg & 1 != 0 {
                    frame.push_opt(None);
                }
                frame.push(v);
            }
            Opcode::StoreGlobal => {
                let v = frame.pop()?;
                dict_of(&frame.globals)?.set_item(names[arg as usize].clone(), v)?;
            }
            Opcode::DeleteGlobal => {
                let name = &names[arg as usize];
                if dict_of(&frame.globals)?.del_item(name)?.is_none() {
                    return Err(name_error(name));
                }
            }
            Opcode::LoadName => {
                let name = &names[arg as usize];
                let locals = frame.locals.clone().ok_or_else(|| {
                    PyErr::system_error(format!(
                        "no locals when loading '{}'",
                        crate::objects::descr::name_str(name)
                    ))
                })?;
                let v = match mapping_get(&locals, name)? {
                    Some(v) => v,
                    None => load_global(frame, name)?,
                };
                frame.push(v);
            }
            Opcode::StoreName => {
                let name = &names[arg as usize];
                let v = frame.pop()?;
                let locals = frame.locals.clone().ok_or_else(|| {
                    PyErr::system_error(format!(
                        "no locals found when storing '{}'",
                        crate::objects::descr::name_str(name)
                    ))
                })?;
                if let Some(d) = locals.downcast_exact::<PyDict>() {
                    d.set_item(name.clone(), v)?;
                } else {
                    protocol::set_item(&locals, name, Some(&v))?;
                }
            }
            Opcode::DeleteName => {
                let name = &names[arg as usize];
                let locals = frame.locals.clone().ok_or_else(|| {
                    PyErr::system_error(format!(
                        "no locals when deleting '{}'",
                        crate::objects::descr::name_str(name)
                    ))
                })?;
                let r = if let Some(d) = locals.downcast_exact::<PyDict>() {
                    d.del_item(name)?.map(|_| ())
                } else {
                    match protocol::set_item(&locals, name, None) {
                        Ok(()) => Some(()),
                        Err(e) if e.matches(&exc::KEY_ERROR) => None,
                        Err(e) => return Err(e),
                    }
                };
                if r.is_none() {
                    return Err(name_error(name));
                }
            }
            Opcode::LoadAttr => {
                pc += 4; // inline cache entries
                let owner = frame.pop()?;
                let name = &names[arg as usize];
                let c = cache::entry(units, caches, frame.lasti);
                let v = match c.and_then(|c| cache::load_attr(c, &owner, name)) {
                    Some(v) => v,
                    None => {
                        let v = protocol::getattr(&owner, name)?;
                        if let Some(c) = c {
                            cache::fill_load_attr(c, &owner, name);
                        }
                        v
                    }
                };
                frame.push(v);
            }
            Opcode::StoreAttr => {
                pc += 4; // inline cache entries
                let owner = frame.pop()?;
                let v = frame.pop()?;
                let name = &names[arg as usize];
                match cache::entry(units, caches, frame.lasti) {
                    Some(c) => match cache::store_attr(c, &owner, name, v) {
                        Ok(r) => r?,
                        Err(v) => {
                            protocol::setattr(&owner, name, Some(&v))?;
                            cache::fill_store_attr(c, &owner, name);
                        }
                    },
                    None => protocol::setattr(&owner, name, Some(&v))?,
                }
            }
            Opcode::DeleteAttr => {
                let owner = frame.pop()?;
                protocol::setattr(&owner, &names[arg as usize], None)?;
            }
            Opcode::LoadMethod => {
                pc += 10; // inline cache entries
                let obj = frame.pop()?;
                let name = &names[arg as usize];
                let c = cache::entry(units, caches, frame.lasti);
                let (m, s) = match c.and_then(|c| cache::load_method(c, &obj, name)) {
                    Some(r) => r,
                    None => {
                        let r = load_method(&obj, name)?;
                        if let Some(c) = c {
                            cache::fill_load_method(c, &obj, name);
                        }
                        r
                    }
                };
                frame.push_opt(m);
                frame.push(s);
            }
            Opcode::BinarySubscr => {
                pc += 4; // inline cache entries
                let sub = frame.pop()?;
                let container = frame.pop()?;
                let v = match crate::eval::fast::subscr(&container, &sub) {
                    Some(r) => r?,
                    None => protocol::get_item(&container, &sub)?,
                };
                frame.push(v);
            }
            Opcode::StoreSubscr => {
                pc += 1; // inline cache entries
                let sub = frame.pop()?;
                let container = frame.pop()?;
                let v = frame.pop()?;
                if let Err(v) = crate::eval::fast::store_subscr(&container, &sub, v)? {
                    protocol::set_item(&container, &sub, Some(&v))?;
                }
            }
            Opcode::DeleteSubscr => {
                let sub = frame.pop()?;
                let container = frame.pop()?;
                match crate::eval::fast::delete_subscr(&container, &sub) {
                    Some(r) => r?,
                    None => protocol::set_item(&container, &sub, None)?,
                }
            }
            Opcode::BinaryOp => {
                pc += 1; // inline cache entries
                let b = frame.pop()?;
                let a = frame.pop()?;
                let r = match crate::eval::fast::binary_op(arg, &a, &b) {
                    Some(r) => r?,
                    None => binary_op(arg, &a, &b)?,
                };
                frame.push(r);
            }
            Opcode::UnaryPositive => {
                let v = frame.pop()?;
                frame.push(protocol::unary_op(&v, |n| &n.nb_positive, "unary +")?);
            }
            Opcode::UnaryNegative => {
                let v = frame.pop()?;
                frame.push(protocol::unary_op(&v, |n| &n.nb_negative, "unary -")?);
            }
            Opcode::UnaryInvert => {
                let v = frame.pop()?;
                frame.push(protocol::unary_op(&v, |n| &n.nb_invert, "unary ~")?);
            }
            Opcode::UnaryNot => {
                let v = frame.pop()?;
                let t = protocol::is_true(&v)?;
                frame.push(py_bool(!t));
            }
            Opcode::CompareOp => {
                pc += 2; // inline cache entries
                let b = frame.pop()?;
                let a = frame.pop()?;
                let cmp = CompareOp::from_arg(arg)
                    .ok_or_else(|| PyErr::system_error("bad COMPARE_OP argument"))?;
                match crate::eval::fast::compare(&a, &b, cmp) {
                    Some(t) => frame.push(py_bool(t)),
                    None => frame.push(protocol::rich_compare(&a, &b, cmp)?),
                }
            }
            Opcode::IsOp => {
                let b = frame.pop()?;
                let a = frame.pop()?;
                frame.push(py_bool(a.is(&b) != (arg == 1)));
            }
            Opcode::ContainsOp => {
                let b = frame.pop()?;
                let a = frame.pop()?;
                let r = protocol::contains(&b, &a)?;
                frame.push(py_bool(r != (arg == 1)));
            }
            Opcode::JumpForward => pc += arg as usize,
            Opcode::JumpBackward => {
                pc -= arg as usize;
                if crate::modules::_signal::pending() {
                    crate::modules::_signal::check_signals()?;
                }
            }
            Opcode::JumpBackwardNoInterrupt => pc -= arg as usize,
            Opcode::PopJumpForwardIfFalse | Opcode::PopJumpBackwardIfFalse => {
                let v = frame.pop()?;
                let t = if v.is_static(&crate::objects::bool_::FALSE) {
                    false
                } else if v.is_static(&crate::objects::bool_::TRUE) {
                    true
                } else {
                    protocol::is_true(&v)?
                };
                if !t {
                    jump(&mut pc, opcode, arg);
                }
            }
            Opcode::PopJumpForwardIfTrue | Opcode::PopJumpBackwardIfTrue => {
                let v = frame.pop()?;
                let t = if is_true_obj(&v) {
                    true
                } else if v.is_static(&crate::objects::bool_::FALSE) {
                    false
                } else {
                    protocol::is_true(&v)?
                };
                if t {
                    jump(&mut pc, opcode, arg);
                }
            }
            Opcode::PopJumpForwardIfNone | Opcode::PopJumpBackwardIfNone => {
                let v = frame.pop()?;
                if v.is_none() {
                    jump(&mut pc, opcode, arg);
                }
            }
            Opcode::PopJumpForwardIfNotNone | Opcode::PopJumpBackwardIfNotNone => {
                let v = frame.pop()?;
                if !v.is_none() {
                    jump(&mut pc, opcode, arg);
                }
            }
            Opcode::JumpIfFalseOrPop => {
                let t = protocol::is_true(frame.peek(1)?)?;
                if !t {
                    pc += arg as usize;
                } else {
                    drop(frame.pop_opt());
                }
            }
            Opcode::JumpIfTrueOrPop => {
                let t = protocol::is_true(frame.peek(1)?)?;
                if t {
                    pc += arg as usize;
                } else {
                    drop(frame.pop_opt());
                }
            }
            Opcode::GetIter => {
                let v = frame.pop()?;
                frame.push(protocol::get_iter(&v)?);
            }
            Opcode::GetYieldFromIter => {
                let v = frame.pop()?;
                if crate::objects::gen::as_gen(&v)
                    .map(|g| g.kind() == crate::objects::gen::GenKind::Coro)
                    .unwrap_or(false)
                {
                    if code.flags
                        & (crate::objects::code::flags::COROUTINE
                            | crate::objects::code::flags::ITERABLE_COROUTINE)
                        == 0
                    {
                        return Err(PyErr::type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        ));
                    }
                    frame.push(v);
                } else if crate::objects::gen::as_gen(&v).is_some() {
                    frame.push(v);
                } else {
                    frame.push(protocol::get_iter(&v)?);
                }
            }
            Opcode::ForIter => {
                // The iterator stays on the stack (which keeps it alive)
                // while it runs.
                let it = frame.peek(1)?;
                let next = if let Some(r) = it.downcast_exact::<PyRangeIter>() {
                    // `range_iter_next` inline (no StopIteration to make).
                    let i = r.index.get();
                    if i < r.len.get() {
                        r.index.set(i + 1);
                        // In range: the last value fits in i64 (checked when made).
                        let v = r
                            .start
                            .get()
                            .wrapping_add((i as i64).wrapping_mul(r.step.get()));
                        Some(PyInt::new(v)?)
                    } else {
                        None
                    }
                } else {
                    match it.ty().tp_iternext.get() {
                        // A StopIteration raised by `__next__` ends the loop.
                        Some(f) => match f(it) {
                            Ok(v) => v,
                            Err(e) if e.matches(&exc::STOP_ITERATION) => None,
                            Err(e) => return Err(e),
                        },
                        None => {
                            return Err(PyErr::type_error(format!(
                                "'{}' object is not an iterator",
                                it.ty().name()
                            )))
                        }
                    }
                };
                match next {
                    Some(v) => frame.push(v),
                    None => {
                        drop(frame.pop_opt());
                        pc += arg as usize;
                    }
                }
            }
            Opcode::Swap => {
                let top = frame.sp - 1;
                frame.slots.swap(top, frame.sp - arg as usize);
            }
            Opcode::Copy => {
                let v = frame.slots[frame.sp - arg as usize].clone();
                frame.push_opt(v);
            }
            Opcode::BuildTuple => {
                let n = arg as usize;
                let start = frame.sp - n;
                let items: Vec<PyRef> = frame.slots[start..frame.sp]
                    .iter_mut()
                    .map(|s| s.take().ok_or_else(stack_error))
                    .collect::<PyResult<_>>()?;
                frame.sp = start;
                frame.push(PyTuple::new(items)?);
            }
            Opcode::BuildList => {
                let n = arg as usize;
                let start = frame.sp - n;
                // Exactly `n` slots, as CPython allocates (`sys.getsizeof`).
                let mut items: Vec<PyRef> = Vec::with_capacity(n);
                for s in frame.slots[start..frame.sp].iter_mut() {
                    items.push(s.take().ok_or_else(stack_error)?);
                }
                frame.sp = start;
                frame.push(PyList::new(items)?);
            }
            Opcode::ListToTuple => {
                let l = frame.pop()?;
                let items = l
                    .downcast::<PyList>()
                    .map(|l| l.snapshot())
                    .unwrap_or_default();
                frame.push(PyTuple::new(items)?);
            }
            Opcode::BuildSet => {
                let n = arg as usize;
                let start = frame.sp - n;
                let items: Vec<PyRef> = frame.slots[start..frame.sp]
                    .iter_mut()
                    .map(|s| s.take().ok_or_else(stack_error))
                    .collect::<PyResult<_>>()?;
                frame.sp = start;
                let s = crate::objects::set::new_set(None)?;
                if let Some(sp) = s.downcast::<crate::objects::set::PySet>() {
                    for i in items {
                        sp.add(i)?;
                    }
                }
                frame.push(s);
            }
            Opcode::BuildMap => {
                let n = arg as usize;
                let start = frame.sp - 2 * n;
                let d = PyDict::new()?;
                {
                    let dd = dict_of(&d)?;
                    for i in 0..n {
                        let k = frame.slots[start + 2 * i].take().ok_or_else(stack_error)?;
                        let v = frame.slots[start + 2 * i + 1]
                            .take()
                            .ok_or_else(stack_error)?;
                        dd.set_item(k, v)?;
                    }
                }
                frame.sp = start;
                frame.push(d);
            }
            Opcode::BuildConstKeyMap => {
                let keys = frame.pop()?;
                let n = arg as usize;
                let start = frame.sp - n;
                let d = PyDict::new()?;
                {
                    let dd = dict_of(&d)?;
                    let ks = keys
                        .downcast::<PyTuple>()
                        .ok_or_else(|| PyErr::system_error("bad BUILD_CONST_KEY_MAP keys"))?
                        .items();
                    for (i, k) in ks.iter().enumerate().take(n) {
                        let v = frame.slots[start + i].take().ok_or_else(stack_error)?;
                        dd.set_item(k.clone(), v)?;
                    }
                }
                frame.sp = start;
                frame.push(d);
            }
            Opcode::BuildString => {
                let n = arg as usize;
                let start = frame.sp - n;
                let total: usize = (start..frame.sp)
                    .filter_map(|i| frame.slots[i].as_ref().and_then(|x| x.downcast::<PyStr>()))
                    .map(|p| p.len())
                    .sum();
                let mut s = String::with_capacity(total);
                for i in start..frame.sp {
                    if let Some(p) = frame.slots[i].as_ref().and_then(|x| x.downcast::<PyStr>()) {
                        s.push_str(p.as_str());
                    }
                }
                for i in start..frame.sp {
                    drop(frame.slots[i].take());
                }
                frame.sp = start;
                frame.push(PyStr::new(&s)?);
            }
            Opcode::BuildSlice => {
                let step = if arg == 3 { Some(frame.pop()?) } else { None };
                let stop = frame.pop()?;
                let start = frame.pop()?;
                let s =
                    crate::objects::slice::PySlice::new(start, stop, step.unwrap_or_else(none))?;
                frame.push(s);
            }
            Opcode::ListAppend => {
                let v = frame.pop()?;
                let l = frame.peek(arg as usize)?;
                match l.downcast::<PyList>() {
                    Some(list) => list.push(v),
                    None => return Err(stack_error()),
                }
            }
            Opcode::SetAdd => {
                let v = frame.pop()?;
                let s = frame.peek(arg as usize)?.clone();
                protocol::call_method(&s, "add", &[v])?;
            }
            Opcode::MapAdd => {
                let v = frame.pop()?;
                let k = frame.pop()?;
                let d = frame.peek(arg as usize)?.clone();
                dict_of(&d)?.set_item(k, v)?;
            }
            Opcode::ListExtend => {
                let iterable = frame.pop()?;
                let l = frame.peek(arg as usize)?.clone();
                let items = match protocol::collect(&iterable) {
                    Ok(i) => i,
                    Err(e) => {
                        if e.matches(&exc::TYPE_ERROR)
                            && iterable.ty().tp_iter.get().is_none()
                            && iterable.ty().as_sequence.sq_item.get().is_none()
                        {
                            return Err(PyErr::type_error(format!(
                                "Value after * must be an iterable, not {}",
                                iterable.ty().name()
                            )));
                        }
                        return Err(e);
                    }
                };
                let list = l.downcast::<PyList>().ok_or_else(stack_error)?;
                for i in items {
                    list.push(i);
                }
            }
            Opcode::SetUpdate => {
                let iterable = frame.pop()?;
                let s = frame.peek(arg as usize)?.clone();
                protocol::call_method(&s, "update", &[iterable])?;
            }
            Opcode::DictUpdate => {
                let other = frame.pop()?;
                let d = frame.peek(arg as usize)?.clone();
                if let Err(e) = dict_update(&d, &other) {
                    if (e.matches(&exc::ATTRIBUTE_ERROR) || e.matches(&exc::TYPE_ERROR))
                        && protocol::lookup_attr(&other, crate::intern!("keys"))?.is_none()
                    {
                        return Err(PyErr::type_error(format!(
                            "'{}' object is not a mapping",
                            other.ty().name()
                        )));
                    }
                    return Err(e);
                }
            }
            Opcode::DictMerge => {
                let other = frame.pop()?;
                let d = frame.peek(arg as usize)?.clone();
                // The callable sits below the dict: [NULL, func, args, dict].
                let func = frame.peek_checked(arg as usize + 2).ok().cloned();
                let dd = dict_of(&d)?;
                let plain = crate::objects::dict::as_plain_dict(&other);
                let items: Vec<(PyRef, PyRef)> = if let Some(o) = plain {
                    o.items()
                } else {
                    let keys = match protocol::lookup_attr(&other, crate::intern!("keys"))? {
                        Some(k) => protocol::call(&k, &[], None)?,
                        None => {
                            return Err(PyErr::type_error(format!(
                                "{} argument after ** must be a mapping, not {}",
                                func.as_ref().map(func_name_for_msg).unwrap_or_default(),
                                other.ty().name()
                            )))
                        }
                    };
                    let mut v = Vec::new();
                    for k in protocol::collect(&keys)? {
                        let val = protocol::get_item(&other, &k)?;
                        v.push((k, val));
                    }
                    v
                };
                for (k, v) in items {
                    if dd.get_item(&k)?.is_some() {
                        return Err(PyErr::type_error(format!(
                            "{} got multiple values for keyword argument '{}'",
                            func.as_ref().map(func_name_for_msg).unwrap_or_default(),
                            protocol::str_string(&k)?
                        )));
                    }
                    dd.set_item(k, v)?;
                }
            }
            Opcode::UnpackSequence => {
                pc += 1; // inline cache entries
                let seq = frame.pop()?;
                let n = arg as usize;
                if let Some(t) = seq.downcast_exact::<PyTuple>() {
                    if t.len() == n {
                        for v in t.items().iter().rev() {
                            frame.push(v.clone());
                        }
                        continue;
                    }
                }
                if let Some(l) = seq.downcast_exact::<PyList>() {
                    if l.len() == n {
                        // Cloning the items runs no code.
                        for i in (0..n).rev() {
                            if let Some(v) = l.get(i) {
                                frame.push(v);
                            }
                        }
                        continue;
                    }
                }
                let items = unpack_iterable(&seq, n, None)?;
                for v in items.into_iter().rev() {
                    frame.push(v);
                }
            }
            Opcode::UnpackEx => {
                let seq = frame.pop()?;
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let items = unpack_iterable(&seq, before, Some(after))?;
                for v in items.into_iter().rev() {
                    frame.push(v);
                }
            }
            Opcode::FormatValue => {
                let spec = if arg & 0x4 != 0 {
                    Some(frame.pop()?)
                } else {
                    None
                };
                let v = frame.pop()?;
                let v = match arg & 0x3 {
                    1 => protocol::str_(&v)?,
                    2 => protocol::repr(&v)?,
                    3 => call_builtin(frame, "ascii", &[v])?,
                    _ => v,
                };
                frame.push(format_value(v, spec)?);
            }
            Opcode::KwNames => {
                frame.kwnames = Some(consts[arg as usize].clone());
            }
            Opcode::Call => {
                pc += 4; // inline cache entries
                let kwnames = frame.kwnames.take();
                let argc = arg as usize;
                let base = frame.sp - argc - 2;
                if kwnames.is_none() {
                    if let Some(new_frame) = call_py_exact_args(frame, base)? {
                        frame.pc = pc;
                        return Ok(Exit::Call(new_frame));
                    }
                }
                let result = {
                    let (callable, args_start) = match &frame.slots[base] {
                        Some(m) => (m.clone(), base + 1),
                        None => (
                            frame.slots[base + 1].clone().ok_or_else(stack_error)?,
                            base + 2,
                        ),
                    };
                    if args_start == base + 2 {
                        if let Some(m) = callable.downcast_exact::<PyMethod>() {
                            // Unpack a bound method: self goes where the NULL was.
                            let func = m.func.clone();
                            let self_ = m.self_.clone();
                            frame.slots[base] = Some(func);
                            frame.slots[base + 1] = Some(self_);
                        }
                    }
                    let (callable, args_start) = match &frame.slots[base] {
                        Some(m) => (m.clone(), base + 1),
                        None => (callable, base + 2),
                    };
                    let args = &frame.slots[args_start..frame.sp];
                    // (The compiler's calling sequence pushes values there;
                    // a hand-made code object may push a NULL.)
                    if args.iter().any(Option::is_none) {
                        return Err(stack_error());
                    }
                    // SAFETY: every argument slot was just checked to be Some.
                    let args = unsafe { as_refs(args) };
                    let init = if args_start == base + 2 {
                        init_frame(&callable, args, kwnames.as_ref())
                    } else {
                        Ok(None)
                    };
                    match init {
                        Ok(Some(mut f)) => {
                            // The class and the arguments stay on this
                            // stack until `__init__` returns (see `run_frame`).
                            if let Some(i) = &mut f.init {
                                i.3 = base;
                            }
                            frame.pc = pc;
                            return Ok(Exit::Call(f));
                        }
                        Ok(None) => call_from_loop(&callable, args, kwnames.as_ref()),
                        Err(e) => Err(e),
                    }
                };
                for i in base..frame.sp {
                    drop(frame.slots[i].take());
                }
                frame.sp = base;
                match result? {
                    Ok(new_frame) => {
                        frame.pc = pc;
                        return Ok(Exit::Call(new_frame));
                    }
                    Err(v) => frame.push(v),
                }
            }
            Opcode::CallFunctionEx => {
                let kwargs = if arg & 1 != 0 {
                    Some(frame.pop()?)
                } else {
                    None
                };
                let callargs = frame.pop()?;
                let func = frame.pop()?;
                drop(frame.pop_opt());
                let mut args: Vec<PyRef> = if let Some(t) = callargs.downcast_exact::<PyTuple>() {
                    t.items().to_vec()
                } else {
                    match protocol::collect(&callargs) {
                        Ok(v) => v,
                        Err(e) => {
                            if e.matches(&exc::TYPE_ERROR)
                                && callargs.ty().tp_iter.get().is_none()
                                && callargs.ty().as_sequence.sq_item.get().is_none()
                            {
                                return Err(PyErr::type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    func_name_for_msg(&func),
                                    callargs.ty().name()
                                )));
                            }
                            return Err(e);
                        }
                    }
                };
                let kwnames = match &kwargs {
                    Some(k) => kwargs_to_names(k, &mut args)?,
                    None => None,
                };
                match call_from_loop(&func, &args, kwnames.as_ref())? {
                    Ok(new_frame) => {
                        frame.pc = pc;
                        return Ok(Exit::Call(new_frame));
                    }
                    Err(v) => frame.push(v),
                }
            }
            Opcode::MakeFunction => {
                let codeobj = frame.pop()?;
                let closure = if arg & 8 != 0 {
                    Some(frame.pop()?)
                } else {
                    None
                };
                let annotations = if arg & 4 != 0 {
                    Some(frame.pop()?)
                } else {
                    None
                };
                let kwdefaults = if arg & 2 != 0 {
                    Some(frame.pop()?)
                } else {
                    None
                };
                let defaults = if arg & 1 != 0 {
                    Some(frame.pop()?)
                } else {
                    None
                };
                let f = PyFunction::with_parts(
                    codeobj,
                    frame.globals.clone(),
                    frame.builtins.clone(),
                    None,
                    defaults,
                    kwdefaults,
                    closure,
                    annotations,
                )?;
                frame.push(f);
            }
            Opcode::ReturnValue => {
                let v = frame.pop()?;
                frame.clear_stack();
                {
                    frame.pc = pc;
                    return Ok(Exit::Return(v));
                };
            }
            Opcode::ReturnGenerator => {
                frame.pc = pc;
                return Ok(Exit::ReturnGenerator);
            }
            Opcode::YieldValue => {
                let v = frame.pop()?;
                {
                    frame.pc = pc;
                    return Ok(Exit::Yield(v));
                };
            }
            Opcode::Send => {
                let v = frame.pop()?;
                let receiver = frame.peek(1)?.clone();
                let iternext = receiver.ty().tp_iternext.get();
                let r = if crate::objects::gen::as_gen(&receiver).is_some() {
                    crate::objects::gen::send_ex(&receiver, Resume::Push(v))?
                } else if v.is_none() && iternext.is_some() {
                    let nf = iternext.ok_or_else(stack_error)?;
                    match nf(&receiver) {
                        Ok(Some(x)) => crate::objects::gen::GenResult::Yield(x),
                        Ok(None) => crate::objects::gen::GenResult::Return(none()),
                        Err(e) => match crate::objects::gen::stop_iteration_value(&e) {
                            Some(val) => crate::objects::gen::GenResult::Return(val),
                            None => return Err(e),
                        },
                    }
                } else {
                    match protocol::call_method(&receiver, "send", &[v]) {
                        Ok(x) => crate::objects::gen::GenResult::Yield(x),
                        Err(e) => match crate::objects::gen::stop_iteration_value(&e) {
                            Some(val) => crate::objects::gen::GenResult::Return(val),
                            None => return Err(e),
                        },
                    }
                };
                match r {
                    crate::objects::gen::GenResult::Yield(x) => frame.push(x),
                    crate::objects::gen::GenResult::Return(x) => {
                        drop(frame.pop_opt());
                        frame.push(x);
                        pc += arg as usize;
                    }
                }
            }
            Opcode::RaiseVarargs => {
                let (e, cause) = match arg {
                    0 => (None, None),
                    1 => (Some(frame.pop()?), None),
                    _ => {
                        let cause = frame.pop()?;
                        (Some(frame.pop()?), Some(cause))
                    }
                };
                return Err(do_raise(e, cause));
            }
            Opcode::Reraise => {
                // The handler is looked up at this instruction; the
                // restored `lasti` (below the value when `arg` is set) only
                // matters for f_lineno, and the traceback already has it.
                let v = frame.pop()?;
                return Err(reraise(v));
            }
            Opcode::PushExcInfo => {
                let v = frame.pop()?;
                if !v.ty().is_subtype(&exc::BASE_EXCEPTION) {
                    return Err(not_an_exception("PUSH_EXC_INFO"));
                }
                let old = set_exc_info(Some(v.clone()));
                frame.push(old.unwrap_or_else(none));
                frame.push(v);
            }
            Opcode::PopExcept => {
                let v = frame.pop()?;
                if !v.is_none() && !v.ty().is_subtype(&exc::BASE_EXCEPTION) {
                    return Err(not_an_exception("POP_EXCEPT"));
                }
                let old = set_exc_info(if v.is_none() { None } else { Some(v) });
                drop(old);
            }
            Opcode::CheckExcMatch => {
                let right = frame.pop()?;
                check_except_type(&right)?;
                let left = frame.peek(1)?;
                let r = exception_matches(left, &right);
                frame.push(py_bool(r));
            }
            Opcode::CheckEgMatch => {
                let match_type = frame.pop()?;
                check_except_star_type(&match_type)?;
                let exc_value = frame.peek(1)?.clone();
                let (m, rest) = exception_group_match(&exc_value, &match_type)?;
                match m {
                    None => frame.push(none()),
                    Some(m) => {
                        drop(frame.pop_opt());
                        frame.push(rest.unwrap_or_else(none));
                        frame.push(m.clone());
                        drop(set_exc_info(Some(m)));
                    }
                }
            }
            Opcode::PrepReraiseStar => {
                let excs = frame.pop()?;
                let orig = frame.pop()?;
                let v = prep_reraise_star(&orig, &excs)?;
                frame.push(v);
            }
            Opcode::GetAwaitable => {
                let iterable = frame.pop()?;
                let it = match crate::objects::gen::get_awaitable_iter(&iterable) {
                    Ok(i) => i,
                    Err(e) => {
                        if (arg == 1 || arg == 2) && !crate::objects::gen::has_await(&iterable) {
                            return Err(PyErr::type_error(format!(
                                "'async with' received an object from __a{}__ that does not implement __await__: {}",
                                if arg == 1 { "enter" } else { "exit" },
                                iterable.ty().name()
                            )));
                        }
                        return Err(e);
                    }
                };
                if let Some(g) = crate::objects::gen::as_gen(&it) {
                    if g.kind() == crate::objects::gen::GenKind::Coro && g.yield_from().is_some() {
                        return Err(PyErr::runtime_error("coroutine is being awaited already"));
                    }
                }
                frame.push(it);
            }
            Opcode::GetAiter => {
                let obj = frame.pop()?;
                let f = lookup_special(&obj, crate::intern!("__aiter__"))?.ok_or_else(|| {
                    PyErr::type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        obj.ty().name()
                    ))
                })?;
                let it = protocol::call(&f, &[], None)?;
                if crate::objects::type_::lookup(it.ty(), crate::intern!("__anext__")).is_none() {
                    return Err(PyErr::type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                        it.ty().name()
                    )));
                }
                frame.push(it);
            }
            Opcode::GetAnext => {
                let aiter = frame.peek(1)?.clone();
                let aw = if std::ptr::eq(aiter.ty(), &crate::objects::gen::ASYNC_GEN_TYPE) {
                    crate::objects::gen::async_gen_anext(&aiter)?
                } else {
                    let f =
                        lookup_special(&aiter, crate::intern!("__anext__"))?.ok_or_else(|| {
                            PyErr::type_error(format!(
                                "'async for' requires an iterator with __anext__ method, got {}",
                                aiter.ty().name()
                            ))
                        })?;
                    let next_iter = protocol::call(&f, &[], None)?;
                    match crate::objects::gen::get_awaitable_iter(&next_iter) {
                        Ok(a) => a,
                        Err(e) => {
                            let e2 = PyErr::type_error(format!(
                                "'async for' received an invalid object from __anext__: {}",
                                next_iter.ty().name()
                            ));
                            if let Some(b) = e2.value().downcast::<PyBaseException>() {
                                PyBaseException::set_field(&b.cause, Some(e.value().clone()));
                                PyBaseException::set_field(&b.context, Some(e.into_value()));
                                b.suppress_context.set(true);
                            }
                            return Err(e2);
                        }
                    }
                };
                frame.push(aw);
            }
            Opcode::EndAsyncFor => {
                let val = frame.pop()?;
                if val.ty().is_subtype(&exc::STOP_ASYNC_ITERATION) {
                    drop(val);
                    drop(frame.pop_opt());
                } else {
                    return Err(reraise(val));
                }
            }
            Opcode::BeforeAsyncWith => {
                let mgr = frame.pop()?;
                let enter =
                    lookup_special(&mgr, crate::intern!("__aenter__"))?.ok_or_else(|| {
                        PyErr::type_error(format!(
                            "'{}' object does not support the asynchronous context manager protocol",
                            mgr.ty().name()
                        ))
                    })?;
                let exit = lookup_special(&mgr, crate::intern!("__aexit__"))?.ok_or_else(|| {
                    PyErr::type_error(format!(
                        "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                        mgr.ty().name()
                    ))
                })?;
                frame.push(exit);
                let r = protocol::call(&enter, &[], None)?;
                frame.push(r);
            }
            Opcode::AsyncGenWrap => {
                let v = frame.pop()?;
                frame.push(crate::objects::gen::async_gen_wrap(v)?);
            }
            Opcode::BeforeWith => {
                let mgr = frame.pop()?;
                let enter =
                    lookup_special(&mgr, crate::intern!("__enter__"))?.ok_or_else(|| {
                        PyErr::type_error(format!(
                            "'{}' object does not support the context manager protocol",
                            mgr.ty().name()
                        ))
                    })?;
                let exit = lookup_special(&mgr, crate::intern!("__exit__"))?.ok_or_else(|| {
                    PyErr::type_error(format!(
                        "'{}' object does not support the context manager protocol (missed __exit__ method)",
                        mgr.ty().name()
                    ))
                })?;
                frame.push(exit);
                let r = protocol::call(&enter, &[], None)?;
                frame.push(r);
            }
            Opcode::WithExceptStart => {
                let val = frame.peek(1)?.clone();
                let exit_func = frame.peek(4)?.clone();
                let tb = val
                    .downcast::<PyBaseException>()
                    .and_then(|b| PyBaseException::get_field(&b.traceback))
                    .unwrap_or_else(none);
                let r = protocol::call(&exit_func, &[val.type_ref(), val, tb], None)?;
                frame.push(r);
            }
            Opcode::LoadBuildClass => {
                let v = mapping_get(&frame.builtins, crate::intern!("__build_class__"))?
                    .ok_or_else(|| PyErr::name_error("__build_class__ not found"))?;
                frame.push(v);
            }
            Opcode::LoadAssertionError => {
                frame.push(PyRef::from_static(&exc::ASSERTION_ERROR));
            }
            Opcode::SetupAnnotations => {
                let locals = frame.locals.clone().ok_or_else(|| {
                    PyErr::system_error("no locals found when setting up annotations")
                })?;
                let key = crate::intern!("__annotations__");
                if mapping_get(&locals, key)?.is_none() {
                    protocol::set_item(&locals, key, Some(&PyDict::new()?))?;
                }
            }
            Opcode::PrintExpr => {
                let v = frame.pop()?;
                let hook = crate::modules::sys::get_attr("displayhook")?
                    .ok_or_else(|| PyErr::runtime_error("lost sys.displayhook"))?;
                protocol::call(&hook, &[v], None)?;
            }
            Opcode::ImportName => {
                let fromlist = frame.pop()?;
                let level = frame.pop()?;
                let level = crate::objects::int::as_i64(&level)?;
                let m = crate::import::import_name(
                    &names[arg as usize],
                    Some(&frame.globals),
                    &fromlist,
                    level,
                )?;
                frame.push(m);
            }
            Opcode::ImportFrom => {
                let m = frame.peek(1)?.clone();
                let v = import_from(&m, &names[arg as usize])?;
                frame.push(v);
            }
            Opcode::ImportStar => {
                let m = frame.pop()?;
                import_star(frame, &m)?;
            }
            Opcode::MatchMapping => {
                let m = frame.peek(1)?.ty().has_flag(TypeFlags::MAPPING);
                frame.push(py_bool(m));
            }
            Opcode::MatchSequence => {
                let m = frame.peek(1)?.ty().has_flag(TypeFlags::SEQUENCE);
                frame.push(py_bool(m));
            }
            Opcode::MatchKeys => {
                let keys = frame.peek(1)?.clone();
                let subject = frame.peek(2)?.clone();
                let r = match_keys(&subject, &keys)?;
                frame.push(r);
            }
            Opcode::MatchClass => {
                let names = frame.pop()?;
                let ty = frame.pop()?;
                let subject = frame.pop()?;
                let r = match_class(&subject, &ty, arg as usize, &names)?;
                frame.push(r);
            }
            Opcode::GetLen => {
                let n = protocol::len(frame.peek(1)?)?;
                frame.push(PyInt::new(n as i64)?);
            }
            _ => {
                return Err(PyErr::system_error(format!(
                    "opcode {} is not supported yet",
                    opcode.name()
                )))
            }
        }
    }
}

/// `MATCH_KEYS`: the values of `keys` in the mapping, or `None` if one is
/// missing.
fn match_keys(subject: &PyRef, keys: &PyRef) -> PyResult<PyRef> {
    let ks = keys
        .downcast::<PyTuple>()
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    if ks.is_empty() {
        return Ok(crate::objects::tuple::empty_tuple());
    }
    let get = protocol::getattr(subject, crate::intern!("get"))?;
    let dummy = crate::objects::object::object_new(
        &PyRef::from_static(&crate::objects::object::OBJECT_TYPE),
        &[],
        None,
    )?;
    let mut vals = Vec::with_capacity(ks.len());
    for (i, k) in ks.iter().enumerate() {
        if ks[..i]
            .iter()
            .any(|p| protocol::rich_compare_bool(p, k, CompareOp::Eq).unwrap_or(false))
        {
            return Err(PyErr::value_error(format!(
                "mapping pattern checks duplicate key ({})",
                protocol::repr_string(k)?
            )));
        }
        let v = protocol::call(&get, &[k.clone(), dummy.clone()], None)?;
        if v.is(&dummy) {
            return Ok(none());
        }
        vals.push(v);
    }
    PyTuple::new(vals)
}

/// `MATCH_CLASS` (`match_class` in ceval.c): a tuple of the sub-pattern
/// subjects, or `None` when the subject does not match.
fn match_class(subject: &PyRef, ty: &PyRef, count: usize, kwargs: &PyRef) -> PyResult<PyRef> {
    let t = crate::objects::type_::as_type(ty)
        .ok_or_else(|| PyErr::type_error("called match pattern must be a type"))?;
    if !protocol::isinstance(subject, ty)? {
        return Ok(none());
    }
    let mut attrs = Vec::new();
    let mut seen: Vec<PyRef> = Vec::new();
    if count > 0 {
        match protocol::lookup_attr(ty, crate::intern!("__match_args__"))? {
            Some(ma) => {
                let items = ma
                    .downcast_exact::<PyTuple>()
                    .map(|x| x.items().to_vec())
                    .ok_or_else(|| {
                        PyErr::type_error(format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            t.name(),
                            ma.ty().name()
                        ))
                    })?;
                if count > items.len() {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        t.name(),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" },
                        count
                    )));
                }
                for name in items.iter().take(count) {
                    if !name.is_instance_of::<PyStr>() {
                        return Err(PyErr::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            name.ty().name()
                        )));
                    }
                    match protocol::lookup_attr(subject, name)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(none()),
                    }
                    seen.push(name.clone());
                }
            }
            None => {
                let self_match = [
                    "bool",
                    "bytearray",
                    "bytes",
                    "dict",
                    "float",
                    "frozenset",
                    "int",
                    "list",
                    "set",
                    "str",
                    "tuple",
                ];
                let special = self_match.iter().any(|n| {
                    let mut b = Some(t);
                    while let Some(x) = b {
                        if !x.is_heap_type() && x.tp_name == *n {
                            return true;
                        }
                        b = x.base();
                    }
                    false
                });
                if special && count == 1 {
                    attrs.push(subject.clone());
                } else {
                    return Err(PyErr::type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        t.name(),
                        usize::from(special),
                        if special { "" } else { "s" },
                        count
                    )));
                }
            }
        }
    }
    if let Some(names) = kwargs.downcast::<PyTuple>() {
        for name in names.items() {
            if seen
                .iter()
                .any(|s| protocol::rich_compare_bool(s, name, CompareOp::Eq).unwrap_or(false))
            {
                return Err(PyErr::type_error(format!(
                    "{}() got multiple sub-patterns for attribute {}",
                    t.name(),
                    protocol::repr_string(name)?
                )));
            }
            match protocol::lookup_attr(subject, name)? {
                Some(v) => attrs.push(v),
                None => return Ok(none()),
            }
        }
    }
    PyTuple::new(attrs)
}

#[inline(always)]
fn jump(pc: &mut usize, op: Opcode, arg: u32) {
    match op {
        Opcode::PopJumpBackwardIfFalse
        | Opcode::PopJumpBackwardIfTrue
        | Opcode::PopJumpBackwardIfNone
        | Opcode::PopJumpBackwardIfNotNone => *pc -= arg as usize,
        _ => *pc += arg as usize,
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

/// `check_except_star_type_valid`: the classes of an `except*` clause.
fn check_except_star_type(t: &PyRef) -> PyResult<()> {
    check_except_type(t)?;
    let is_group = |x: &PyRef| {
        crate::objects::type_::as_type(x)
            .map(|ty| ty.is_subtype(&exc::BASE_EXCEPTION_GROUP))
            .unwrap_or(false)
    };
    let bad = match t.downcast::<PyTuple>() {
        Some(tt) => tt.items().iter().any(is_group),
        None => is_group(t),
    };
    if bad {
        return Err(PyErr::type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    Ok(())
}

/// `exception_group_match`: the part of `exc_value` an `except*` clause
/// matches (`None`: no match) and the rest.
fn exception_group_match(
    exc_value: &PyRef,
    match_type: &PyRef,
) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if exc_value.is_none() {
        return Ok((None, None));
    }
    if exception_matches(exc_value, match_type) {
        // Full match of the exception itself.
        if exc_value.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
            return Ok((Some(exc_value.clone()), None));
        }
        let excs = PyTuple::new(vec![exc_value.clone()])?;
        let wrapped = protocol::call(
            &exc::BASE_EXCEPTION_GROUP.as_pyref(),
            &[PyStr::new("")?, excs],
            None,
        )?;
        if let Some(tb) = exc::get_traceback(exc_value) {
            exc::set_traceback(&wrapped, Some(&tb))?;
        }
        return Ok((Some(wrapped), None));
    }
    if exc_value.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        let pair = protocol::call_method(exc_value, "split", std::slice::from_ref(match_type))?;
        let items = pair
            .downcast::<PyTuple>()
            .map(|t| t.items().to_vec())
            .unwrap_or_default();
        if items.len() != 2 {
            return Err(PyErr::type_error(format!(
                "{}.split must return a 2-tuple, got {} of length {}",
                exc_value.ty().name(),
                pair.ty().name(),
                items.len()
            )));
        }
        if items[0].is_none() {
            return Ok((None, None));
        }
        let rest = if items[1].is_none() {
            None
        } else {
            Some(items[1].clone())
        };
        return Ok((Some(items[0].clone()), rest));
    }
    Ok((None, None))
}

fn exc_field(e: &PyRef, which: u8) -> Option<PyRef> {
    let b = e.downcast::<PyBaseException>()?;
    match which {
        0 => PyBaseException::get_field(&b.traceback),
        1 => PyBaseException::get_field(&b.cause),
        2 => PyBaseException::get_field(&b.context),
        _ => protocol::lookup_attr(e, crate::intern!("__notes__"))
            .ok()
            .flatten(),
    }
}

fn same_opt(a: &Option<PyRef>, b: &Option<PyRef>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(y),
        _ => false,
    }
}

/// `is_same_exception_metadata`: was `e` re-raised unchanged from `orig`?
fn same_exception_metadata(e: &PyRef, orig: &PyRef) -> bool {
    (0..4).all(|w| same_opt(&exc_field(e, w), &exc_field(orig, w)))
}

/// The ids of the leaf exceptions of `e` (`collect_exception_group_leaf_ids`).
fn leaf_ids(e: &PyRef, out: &mut Vec<usize>) -> PyResult<()> {
    if e.is_none() {
        return Ok(());
    }
    if !e.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        out.push(e.id());
        return Ok(());
    }
    let _guard = crate::eval::recursion::enter_call(" in except*")?;
    let subs = protocol::getattr(e, crate::intern!("exceptions"))?;
    for s in protocol::collect(&subs)? {
        leaf_ids(&s, out)?;
    }
    Ok(())
}

/// The subgroup of `e` whose leaves are in `ids` (a split on identity).
fn project_by_ids(e: &PyRef, ids: &[usize]) -> PyResult<Option<PyRef>> {
    if ids.contains(&e.id()) {
        return Ok(Some(e.clone()));
    }
    if !e.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        return Ok(None);
    }
    let _guard = crate::eval::recursion::enter_call(" in except*")?;
    let subs = protocol::getattr(e, crate::intern!("exceptions"))?;
    let mut matched = Vec::new();
    for s in protocol::collect(&subs)? {
        if let Some(m) = project_by_ids(&s, ids)? {
            matched.push(m);
        }
    }
    if matched.is_empty() {
        return Ok(None);
    }
    crate::objects::exceptions_attrs::derive_and_copy(e, matched).map(Some)
}

/// `_PyExc_PrepReraiseStar`: what an `except*` block raises on, from the
/// original exception and the list of exceptions its clauses raised or
/// re-raised.
fn prep_reraise_star(orig: &PyRef, excs: &PyRef) -> PyResult<PyRef> {
    let list = excs
        .downcast::<PyList>()
        .map(|l| l.snapshot())
        .unwrap_or_default();
    if list.is_empty() {
        return Ok(none());
    }
    if !orig.ty().is_subtype(&exc::BASE_EXCEPTION_GROUP) {
        // A naked exception was caught and wrapped: one clause ran.
        return Ok(list[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in list {
        if e.is_none() {
            continue;
        }
        if same_exception_metadata(&e, orig) {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut ids = Vec::new();
    for e in &reraised {
        leaf_ids(e, &mut ids)?;
    }
    let reraised_eg = if ids.is_empty() {
        None
    } else {
        project_by_ids(orig, &ids)?
    };
    if raised.is_empty() {
        return Ok(reraised_eg.unwrap_or_else(none));
    }
    let mut keep = raised;
    if let Some(r) = reraised_eg {
        keep.push(r);
    }
    let l = PyList::new(keep)?;
    protocol::call(
        &exc::BASE_EXCEPTION_GROUP.as_pyref(),
        &[PyStr::new("")?, l],
        None,
    )
}
