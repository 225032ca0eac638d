//! The `_thread` module (CPython's `Modules/_threadmodule.c`): locks,
//! re-entrant locks, thread identity and `_local`.
//!
//! Taipan deviation: Python code runs on one thread for now, so
//! `start_new_thread` raises `RuntimeError`, and a blocking acquire of a lock
//! that is held (which could only wait forever) fails after its timeout or at
//! once (returning False) instead of hanging.

use std::cell::{Cell, UnsafeCell};

use crate::modules::builtins::parse;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::exceptions;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;

/// The payload of `lock` and `RLock`.
#[repr(C)]
pub struct PyLock {
    pub ob_base: PyObject,
    pub locked: Cell<bool>,
    /// RLock: the owner's ident and the recursion count.
    pub owner: Cell<u64>,
    pub count: Cell<u64>,
    pub weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first; RLock shares the layout.
unsafe impl PyPayload for PyLock {
    fn type_object() -> &'static PyType {
        &LOCK_TYPE
    }
}

pub static LOCK_TYPE: PyType = PyType {
    tp_name: "_thread.lock",
    tp_basicsize: Cell::new(std::mem::size_of::<PyLock>()),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyLock, weaklist) as isize),
    tp_repr: Cell::new(Some(lock_repr)),
    tp_methods: &[
        MethodDef::new("acquire", Meth::FastKw(lock_acquire)),
        MethodDef::new("acquire_lock", Meth::FastKw(lock_acquire)),
        MethodDef::new("__enter__", Meth::FastKw(lock_acquire)),
        MethodDef::new("release", Meth::NoArgs(lock_release)),
        MethodDef::new("release_lock", Meth::NoArgs(lock_release)),
        MethodDef::new("__exit__", Meth::Fast(lock_exit)),
        MethodDef::new("locked", Meth::NoArgs(lock_locked)),
        MethodDef::new("locked_lock", Meth::NoArgs(lock_locked)),
        MethodDef::new("_at_fork_reinit", Meth::NoArgs(lock_reinit)),
    ],
    ..PyType::BASE
};

pub static RLOCK_TYPE: PyType = PyType {
    tp_name: "_thread.RLock",
    tp_basicsize: Cell::new(std::mem::size_of::<PyLock>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyLock, weaklist) as isize),
    tp_new: Cell::new(Some(rlock_new)),
    tp_repr: Cell::new(Some(rlock_repr)),
    tp_methods: &[
        MethodDef::new("acquire", Meth::FastKw(rlock_acquire)),
        MethodDef::new("__enter__", Meth::FastKw(rlock_acquire)),
        MethodDef::new("release", Meth::NoArgs(rlock_release)),
        MethodDef::new("__exit__", Meth::Fast(rlock_exit)),
        MethodDef::new("_is_owned", Meth::NoArgs(rlock_is_owned)),
        MethodDef::new("_release_save", Meth::NoArgs(rlock_release_save)),
        MethodDef::new("_acquire_restore", Meth::O(rlock_acquire_restore)),
        MethodDef::new("_at_fork_reinit", Meth::NoArgs(lock_reinit)),
    ],
    ..PyType::BASE
};

/// The payload of `_local`: one dict (one thread runs Python code).
#[repr(C)]
pub struct PyLocal {
    pub ob_base: PyObject,
    pub dict: UnsafeCell<Option<PyRef>>,
    pub weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyLocal {
    fn type_object() -> &'static PyType {
        &LOCAL_TYPE
    }
}

pub static LOCAL_TYPE: PyType = PyType {
    tp_name: "_thread._local",
    tp_basicsize: Cell::new(std::mem::size_of::<PyLocal>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_dictoffset: Cell::new(std::mem::offset_of!(PyLocal, dict) as isize),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyLocal, weaklist) as isize),
    tp_new: Cell::new(Some(local_new)),
    tp_drop: Some(drop_local),
    tp_traverse: Cell::new(Some(traverse_local)),
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&LOCK_TYPE, &RLOCK_TYPE, &LOCAL_TYPE];

fn lk(o: &PyRef) -> &PyLock {
    // SAFETY: only called on lock objects (their methods).
    unsafe { o.payload_unchecked::<PyLock>() }
}

fn new_lock(ty: &PyType) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyLock {
            ob_base: PyObject::NEW,
            locked: Cell::new(false),
            owner: Cell::new(0),
            count: Cell::new(0),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )
}

/// The current thread's identifier (`PyThread_get_thread_ident`).
pub fn get_ident() -> u64 {
    thread_local! {
        static MARK: u8 = const { 0 };
    }
    MARK.with(|m| m as *const u8 as u64)
}

/// Parses `acquire(blocking=True, timeout=-1)`; returns whether waiting is
/// allowed.
fn acquire_args(args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<bool> {
    let a = parse("acquire", args, kwnames, &["blocking", "timeout"], 0)?;
    let blocking = match &a[0] {
        Some(b) => crate::object::protocol::is_true(b)?,
        None => true,
    };
    if let Some(t) = &a[1] {
        let t = crate::modules::math::as_f64(t)?;
        if !blocking && t != -1.0 {
            return Err(PyErr::value_error(
                "can't specify a timeout for a non-blocking call",
            ));
        }
        if t < 0.0 && t != -1.0 {
            return Err(PyErr::value_error(
                "timeout value must be a non-negative number",
            ));
        }
        if t > 0.0 && t != -1.0 {
            std::thread::sleep(std::time::Duration::from_secs_f64(t.min(1.0)));
        }
    }
    Ok(blocking)
}

fn lock_acquire(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    acquire_args(args, kwnames)?;
    let l = lk(s);
    if l.locked.get() {
        return Ok(py_bool(false));
    }
    l.locked.set(true);
    Ok(py_bool(true))
}

fn lock_release(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    if !l.locked.get() {
        return Err(PyErr::runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(none())
}

fn lock_exit(s: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    lock_release(s)
}

fn lock_locked(s: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(lk(s).locked.get()))
}

fn lock_reinit(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    l.locked.set(false);
    l.owner.set(0);
    l.count.set(0);
    Ok(none())
}

fn lock_repr(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    PyStr::new(&format!(
        "<{} {} object at {:#x}>",
        if l.locked.get() { "locked" } else { "unlocked" },
        s.ty().tp_name,
        s.id()
    ))
}

fn rlock_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("RLock.__new__(X): X is not a type object"))?;
    new_lock(ty)
}

fn rlock_acquire(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    acquire_args(args, kwnames)?;
    let l = lk(s);
    let me = get_ident();
    if l.count.get() > 0 {
        if l.owner.get() == me {
            l.count.set(l.count.get() + 1);
            return Ok(py_bool(true));
        }
        return Ok(py_bool(false));
    }
    l.owner.set(me);
    l.count.set(1);
    Ok(py_bool(true))
}

fn rlock_release(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    if l.count.get() == 0 || l.owner.get() != get_ident() {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    l.count.set(l.count.get() - 1);
    if l.count.get() == 0 {
        l.owner.set(0);
    }
    Ok(none())
}

fn rlock_exit(s: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    rlock_release(s)
}

fn rlock_is_owned(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    Ok(py_bool(l.count.get() > 0 && l.owner.get() == get_ident()))
}

fn rlock_release_save(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    if l.count.get() == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    let state = crate::objects::tuple::PyTuple::new(vec![
        PyInt::new(l.count.get() as i64)?,
        PyInt::from_i128(l.owner.get() as i128)?,
    ])?;
    l.count.set(0);
    l.owner.set(0);
    Ok(state)
}

fn rlock_acquire_restore(s: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    let items = crate::object::protocol::collect(state)?;
    if items.len() != 2 {
        return Err(PyErr::type_error("_acquire_restore expects a 2-tuple"));
    }
    let count = crate::object::protocol::index(&items[0])?;
    let owner = crate::object::protocol::index(&items[1])?;
    // SAFETY: index() returns ints.
    let (count, owner) = unsafe {
        (
            count.payload_unchecked::<PyInt>().as_i64().unwrap_or(0),
            owner.payload_unchecked::<PyInt>().to_bigint(),
        )
    };
    let l = lk(s);
    l.count.set(count.max(0) as u64);
    l.owner.set(u64::try_from(owner).unwrap_or(0));
    Ok(none())
}

fn rlock_repr(s: &PyRef) -> PyResult<PyRef> {
    let l = lk(s);
    PyStr::new(&format!(
        "<{} {}.{} object owner={} count={} at {:#x}>",
        if l.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        },
        s.ty()
            .tp_name
            .rsplit_once('.')
            .map(|(m, _)| m)
            .unwrap_or("_thread"),
        s.ty().name(),
        l.owner.get(),
        l.count.get(),
        s.id()
    ))
}

fn local_new(cls: &PyRef, args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("_local.__new__(X): X is not a type object"))?;
    if !args.is_empty() {
        let init = crate::objects::type_::lookup_str(ty, "__init__");
        let obj_init =
            crate::objects::type_::lookup_str(&crate::objects::object::OBJECT_TYPE, "__init__");
        if let (Some(a), Some(b)) = (init, obj_init) {
            if a.is(&b) {
                return Err(PyErr::type_error(
                    "Initialization arguments are not supported",
                ));
            }
        }
    }
    alloc_object(
        ty,
        PyLocal {
            ob_base: PyObject::NEW,
            dict: UnsafeCell::new(None),
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )
}

unsafe fn drop_local(obj: *mut PyObject) {
    // SAFETY: obj is a dead _local.
    unsafe { drop((*(*(obj as *const PyLocal)).dict.get()).take()) }
}

unsafe fn traverse_local(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live _local.
    unsafe {
        if let Some(d) = &*(*(obj as *const PyLocal)).dict.get() {
            visit(d.as_ptr());
        }
    }
}

// ---------------------------------------------------------------------------
// Module functions.

fn t_allocate_lock(_m: &PyRef) -> PyResult<PyRef> {
    new_lock(&LOCK_TYPE)
}

fn t_get_ident(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::from_i128(get_ident() as i128)
}

fn t_get_native_id(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(std::process::id() as i64)
}

fn t_count(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(0)
}

fn t_start_new_thread(_m: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    Err(PyErr::runtime_error("can't start new thread"))
}

fn t_daemon_threads_allowed(_m: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(true))
}

fn t_stack_size(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("stack_size", args.len(), 0, 1)?;
    PyInt::new(0)
}

fn t_interrupt_main(_m: &PyRef, _args: &[PyRef]) -> PyResult<PyRef> {
    Ok(none())
}

fn t_exit(_m: &PyRef) -> PyResult<PyRef> {
    Err(PyErr::new(&exceptions::SYSTEM_EXIT, ""))
}

/// `_thread._excepthook(args)`: prints "Exception in thread NAME:" and the
/// traceback to stderr (nothing for `SystemExit`).
fn t_excepthook(_m: &PyRef, args: &PyRef) -> PyResult<PyRef> {
    use crate::object::protocol;
    let exc_type = protocol::getattr_str(args, "exc_type")?;
    if exc_type.is(&exceptions::SYSTEM_EXIT.as_pyref()) {
        return Ok(none());
    }
    let value = protocol::getattr_str(args, "exc_value")?;
    let thread = protocol::getattr_str(args, "thread")?;
    let name = if thread.is_none() {
        get_ident().to_string()
    } else {
        match protocol::getattr_str(&thread, "name") {
            Ok(n) => protocol::str_string(&n)?,
            Err(_) => get_ident().to_string(),
        }
    };
    crate::modules::sys::flush_std();
    let text = if value.is_none() {
        format!("{}\n", protocol::repr_string(&exc_type)?)
    } else {
        crate::run::format_exception(&value)
    };
    crate::modules::sys::write_stderr(&format!("Exception in thread {name}:\n{text}"));
    Ok(none())
}

/// `_thread._ExceptHookArgs`: a tuple type with the fields `exc_type`,
/// `exc_value`, `exc_traceback`, `thread` (a structseq in CPython).
fn make_excepthook_args() -> PyResult<PyRef> {
    use crate::modules::_collections::TUPLEGETTER_TYPE;
    use crate::object::protocol;
    let d = crate::objects::dict::PyDict::new()?;
    // SAFETY: just made a dict.
    let dd = unsafe { d.payload_unchecked::<crate::objects::dict::PyDict>() };
    dd.set_str("__module__", PyStr::new("_thread")?)?;
    for (i, f) in ["exc_type", "exc_value", "exc_traceback", "thread"]
        .iter()
        .enumerate()
    {
        let g = protocol::call1(
            &TUPLEGETTER_TYPE.as_pyref(),
            &[PyInt::new(i as i64)?, none()],
        )?;
        dd.set_str(f, g)?;
    }
    let bases =
        crate::objects::tuple::PyTuple::new(vec![crate::objects::tuple::TUPLE_TYPE.as_pyref()])?;
    protocol::call1(
        &crate::objects::type_::TYPE_TYPE.as_pyref(),
        &[PyStr::new("_ExceptHookArgs")?, bases, d],
    )
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("_excepthook", Meth::O(t_excepthook)),
    MethodDef::new("allocate_lock", Meth::NoArgs(t_allocate_lock)),
    MethodDef::new("allocate", Meth::NoArgs(t_allocate_lock)),
    MethodDef::new("_set_sentinel", Meth::NoArgs(t_allocate_lock)),
    MethodDef::new("get_ident", Meth::NoArgs(t_get_ident)),
    MethodDef::new("get_native_id", Meth::NoArgs(t_get_native_id)),
    MethodDef::new("_count", Meth::NoArgs(t_count)),
    MethodDef::new("start_new_thread", Meth::Fast(t_start_new_thread)),
    MethodDef::new("start_new", Meth::Fast(t_start_new_thread)),
    MethodDef::new(
        "daemon_threads_allowed",
        Meth::NoArgs(t_daemon_threads_allowed),
    ),
    MethodDef::new("stack_size", Meth::Fast(t_stack_size)),
    MethodDef::new("interrupt_main", Meth::Fast(t_interrupt_main)),
    MethodDef::new("exit", Meth::NoArgs(t_exit)),
    MethodDef::new("exit_thread", Meth::NoArgs(t_exit)),
];

/// Creates the `_thread` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_thread")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("LockType", LOCK_TYPE.as_pyref())?;
        d.set_str("RLock", RLOCK_TYPE.as_pyref())?;
        d.set_str("_local", LOCAL_TYPE.as_pyref())?;
        d.set_str("error", exceptions::RUNTIME_ERROR.as_pyref())?;
        d.set_str("TIMEOUT_MAX", PyFloat::new(9223372036.0)?)?;
        d.set_str("_ExceptHookArgs", make_excepthook_args()?)?;
        Ok(())
    })?;
    Ok(m)
}
