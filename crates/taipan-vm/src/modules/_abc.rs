//! The `_abc` module (CPython's `Modules/_abc.c`): the state and the
//! subclass checks behind `abc.ABCMeta`. Each ABC gets an `_abc_impl`
//! object holding its registry, positive cache and negative cache, all
//! weak (keyed by the class's address, checked by identity through a weak
//! reference, so a dead class never matches), and the version of the
//! global invalidation counter its negative cache was filled under.

use std::cell::{Cell, UnsafeCell};
use std::collections::HashMap;

use crate::gil::GilCell;
use crate::modules::_weakref;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::{none, not_implemented};
use crate::objects::tuple::PyTuple;

/// A weak set of classes: address -> weak reference.
#[derive(Default)]
struct WeakClassSet(HashMap<usize, PyRef>);

impl WeakClassSet {
    fn contains(&self, cls: &PyRef) -> bool {
        self.0
            .get(&cls.id())
            .and_then(_weakref::referent)
            .is_some_and(|r| r.is(cls))
    }

    /// Adds `cls`; returns the entry it replaced (drop it after the borrow).
    fn add(&mut self, cls: &PyRef) -> PyResult<Option<PyRef>> {
        let w = _weakref::new_ref(cls, None)?;
        Ok(self.0.insert(cls.id(), w))
    }

    fn live(&self) -> Vec<PyRef> {
        self.0.values().filter_map(_weakref::referent).collect()
    }
}

#[derive(Default)]
struct AbcData {
    registry: WeakClassSet,
    cache: WeakClassSet,
    negative: WeakClassSet,
    negative_version: u64,
}

/// The `_abc_data` payload.
#[repr(C)]
pub struct PyAbcData {
    pub ob_base: PyObject,
    data: UnsafeCell<Option<AbcData>>,
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyAbcData {
    fn type_object() -> &'static PyType {
        &ABC_DATA_TYPE
    }
}

pub static ABC_DATA_TYPE: PyType = PyType {
    tp_name: "_abc._abc_data",
    tp_basicsize: Cell::new(std::mem::size_of::<PyAbcData>()),
    tp_drop: Some(drop_abc_data),
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&ABC_DATA_TYPE];

unsafe fn drop_abc_data(obj: *mut PyObject) {
    // SAFETY: obj is a dead _abc_data; the state is moved out, then dropped.
    let d = unsafe { (*(*(obj as *const PyAbcData)).data.get()).take() };
    drop(d);
}

static INVALIDATION: GilCell<Cell<u64>> = GilCell::new(Cell::new(0));

fn counter() -> &'static Cell<u64> {
    // SAFETY: GIL held; a Cell.
    unsafe { &*INVALIDATION.as_ptr() }
}

/// Runs `f` on an ABC's state; `f` must not run Python code.
fn with_data<R>(impl_: &PyRef, f: impl FnOnce(&mut AbcData) -> R) -> PyResult<R> {
    let Some(p) = impl_.downcast::<PyAbcData>() else {
        return Err(PyErr::type_error("_abc_impl is set to a wrong type"));
    };
    // SAFETY: GIL held; the borrow lasts only for `f`.
    let d = unsafe { &mut *p.data.get() };
    Ok(f(d.get_or_insert_with(AbcData::default)))
}

fn get_impl(cls: &PyRef) -> PyResult<PyRef> {
    protocol::getattr_str(cls, "_abc_impl")
}

fn is_abstract(v: &PyRef) -> PyResult<bool> {
    match protocol::lookup_attr(v, crate::intern!("__isabstractmethod__"))? {
        Some(x) => protocol::is_true(&x),
        None => Ok(false),
    }
}

fn abc_init(_m: &PyRef, cls: &PyRef) -> PyResult<PyRef> {
    let mut abstracts: Vec<PyRef> = Vec::new();
    let ns = protocol::getattr_str(cls, "__dict__")?;
    let items = protocol::collect(&protocol::call_method(&ns, "items", &[])?)?;
    for kv in items {
        let kv = protocol::collect(&kv)?;
        if kv.len() == 2 && is_abstract(&kv[1])? {
            abstracts.push(kv[0].clone());
        }
    }
    let bases = protocol::getattr_str(cls, "__bases__")?;
    for base in protocol::collect(&bases)? {
        let Some(names) = protocol::lookup_attr(&base, crate::intern!("__abstractmethods__"))?
        else {
            continue;
        };
        for name in protocol::collect(&names)? {
            let v = protocol::lookup_attr(cls, &name)?;
            if let Some(v) = v {
                if is_abstract(&v)? {
                    abstracts.push(name);
                }
            }
        }
    }
    let fs = protocol::call1(
        &crate::objects::set::FROZENSET_TYPE.as_pyref(),
        &[crate::objects::list::PyList::new(abstracts)?],
    )?;
    protocol::setattr(cls, crate::intern!("__abstractmethods__"), Some(&fs))?;
    let data = alloc_object(
        &ABC_DATA_TYPE,
        PyAbcData {
            ob_base: PyObject::NEW,
            data: UnsafeCell::new(Some(AbcData {
                negative_version: counter().get(),
                ..AbcData::default()
            })),
        },
    )?;
    protocol::setattr(cls, &crate::objects::str::intern("_abc_impl"), Some(&data))?;
    // `__abc_tpflags__` (collections.abc): the pattern-matching flags.
    if let Some(ty) = crate::objects::type_::as_type(cls) {
        if let Some(d) = ty.dict() {
            if let Some(dd) = d.downcast::<crate::objects::dict::PyDict>() {
                if let Some(flags) = dd.get_str("__abc_tpflags__")? {
                    let f = crate::objects::int::as_i64(&flags)? as u64;
                    let mask = TypeFlags::SEQUENCE | TypeFlags::MAPPING;
                    ty.tp_flags.set((ty.flags() & !mask) | (f & mask));
                    dd.del_item(&crate::objects::str::intern("__abc_tpflags__"))?;
                }
            }
        }
    }
    Ok(none())
}

fn is_type(o: &PyRef) -> bool {
    crate::objects::type_::as_type(o).is_some()
}

fn abc_register(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("_abc_register", args.len(), 2, 2)?;
    let (cls, sub) = (&args[0], &args[1]);
    if !is_type(sub) {
        return Err(PyErr::type_error("Can only register classes"));
    }
    if protocol::issubclass(sub, cls)? {
        return Ok(sub.clone());
    }
    if protocol::issubclass(cls, sub)? {
        return Err(PyErr::runtime_error(
            "Refusing to create an inheritance cycle",
        ));
    }
    let imp = get_impl(cls)?;
    let old = with_data(&imp, |d| d.registry.add(sub))??;
    drop(old);
    counter().set(counter().get() + 1);
    if let (Some(ct), Some(st)) = (
        crate::objects::type_::as_type(cls),
        crate::objects::type_::as_type(sub),
    ) {
        let mask = TypeFlags::SEQUENCE | TypeFlags::MAPPING;
        let f = ct.flags() & mask;
        if f != 0 && st.is_heap_type() {
            st.tp_flags.set((st.flags() & !mask) | f);
        }
    }
    Ok(sub.clone())
}

fn abc_instancecheck(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("_abc_instancecheck", args.len(), 2, 2)?;
    let (cls, inst) = (&args[0], &args[1]);
    let imp = get_impl(cls)?;
    let subclass = protocol::getattr_str(inst, "__class__")?;
    if with_data(&imp, |d| d.cache.contains(&subclass))? {
        return Ok(py_bool(true));
    }
    let subtype = inst.type_ref();
    if subtype.is(&subclass) {
        let neg = with_data(&imp, |d| {
            d.negative_version == counter().get() && d.negative.contains(&subclass)
        })?;
        if neg {
            return Ok(py_bool(false));
        }
        return protocol::call_method(cls, "__subclasscheck__", &[subclass]);
    }
    let r = protocol::call_method(cls, "__subclasscheck__", &[subclass])?;
    if protocol::is_true(&r)? {
        return Ok(r);
    }
    protocol::call_method(cls, "__subclasscheck__", &[subtype])
}

fn abc_subclasscheck(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("_abc_subclasscheck", args.len(), 2, 2)?;
    let (cls, sub) = (&args[0], &args[1]);
    if !is_type(sub) {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    let imp = get_impl(cls)?;
    if with_data(&imp, |d| d.cache.contains(sub))? {
        return Ok(py_bool(true));
    }
    let stale = with_data(&imp, |d| {
        if d.negative_version < counter().get() {
            d.negative_version = counter().get();
            Some(std::mem::take(&mut d.negative))
        } else {
            None
        }
    })?;
    match stale {
        Some(old) => drop(old),
        None => {
            if with_data(&imp, |d| d.negative.contains(sub))? {
                return Ok(py_bool(false));
            }
        }
    }
    let add_pos = |imp: &PyRef| -> PyResult<PyRef> {
        let old = with_data(imp, |d| d.cache.add(sub))??;
        drop(old);
        Ok(py_bool(true))
    };
    // 1. __subclasshook__.
    let ok = protocol::call_method(cls, "__subclasshook__", std::slice::from_ref(sub))?;
    if !ok.is(&not_implemented()) {
        let truth = protocol::is_true(&ok)?;
        let old = with_data(&imp, |d| {
            if truth {
                d.cache.add(sub)
            } else {
                d.negative.add(sub)
            }
        })??;
        drop(old);
        return Ok(ok);
    }
    // 2. A direct subclass.
    if let Some(mro) = protocol::lookup_attr(sub, crate::intern!("__mro__"))? {
        if let Some(t) = mro.downcast::<PyTuple>() {
            if t.items().iter().any(|c| c.is(cls)) {
                return add_pos(&imp);
            }
        }
    }
    // 3. A registered class.
    let registry = with_data(&imp, |d| d.registry.live())?;
    for r in registry {
        if protocol::issubclass(sub, &r)? {
            return add_pos(&imp);
        }
    }
    // 4. A subclass of a subclass.
    let subs = protocol::call_method(cls, "__subclasses__", &[])?;
    for s in protocol::collect(&subs)? {
        if protocol::issubclass(sub, &s)? {
            return add_pos(&imp);
        }
    }
    let old = with_data(&imp, |d| d.negative.add(sub))??;
    drop(old);
    Ok(py_bool(false))
}

fn set_of(items: Vec<PyRef>) -> PyResult<PyRef> {
    let mut refs = Vec::new();
    for c in items {
        refs.push(_weakref::new_ref(&c, None)?);
    }
    protocol::call1(
        &crate::objects::set::SET_TYPE.as_pyref(),
        &[crate::objects::list::PyList::new(refs)?],
    )
}

fn get_dump(_m: &PyRef, cls: &PyRef) -> PyResult<PyRef> {
    let imp = get_impl(cls)?;
    let (r, c, n, v) = with_data(&imp, |d| {
        (
            d.registry.live(),
            d.cache.live(),
            d.negative.live(),
            d.negative_version,
        )
    })?;
    PyTuple::new(vec![
        set_of(r)?,
        set_of(c)?,
        set_of(n)?,
        PyInt::new(v as i64)?,
    ])
}

fn reset_registry(_m: &PyRef, cls: &PyRef) -> PyResult<PyRef> {
    let imp = get_impl(cls)?;
    let old = with_data(&imp, |d| std::mem::take(&mut d.registry))?;
    drop(old);
    Ok(none())
}

fn reset_caches(_m: &PyRef, cls: &PyRef) -> PyResult<PyRef> {
    let imp = get_impl(cls)?;
    let old = with_data(&imp, |d| {
        (
            std::mem::take(&mut d.cache),
            std::mem::take(&mut d.negative),
        )
    })?;
    drop(old);
    Ok(none())
}

fn get_cache_token(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(counter().get() as i64)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("get_cache_token", Meth::NoArgs(get_cache_token)),
    MethodDef::new("_abc_init", Meth::O(abc_init)),
    MethodDef::new("_abc_register", Meth::Fast(abc_register)),
    MethodDef::new("_abc_instancecheck", Meth::Fast(abc_instancecheck)),
    MethodDef::new("_abc_subclasscheck", Meth::Fast(abc_subclasscheck)),
    MethodDef::new("_get_dump", Meth::O(get_dump)),
    MethodDef::new("_reset_registry", Meth::O(reset_registry)),
    MethodDef::new("_reset_caches", Meth::O(reset_caches)),
];

/// Creates the `_abc` module.
pub fn init() -> PyResult<PyRef> {
    _weakref::install();
    let m = PyModule::new("_abc")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
