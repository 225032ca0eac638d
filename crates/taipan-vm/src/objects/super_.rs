//! `super` (CPython's `Objects/typeobject.c`, `super_*`).
//!
//! `super(type, obj)` looks attributes up along `type(obj).__mro__` after
//! `type`; `super(type, type2)` along `type2.__mro__` (class methods);
//! `super(type)` is unbound.
//!
//! Zero-argument `super()` needs the calling frame: its first argument and
//! its `__class__` cell. The evaluation loop provides them by setting
//! [`SUPER_ZERO_ARGS_HOOK`] to a function returning `(class, first_arg)` for
//! the innermost Python frame, or raising `RuntimeError` with CPython's
//! messages: "super(): no current frame", "super(): no arguments",
//! "super(): arg[0] deleted", "super(): bad __class__ cell",
//! "super(): __class__ cell not found", "super(): empty __class__ cell",
//! "super(): __class__ is not a type (X)".

use std::cell::Cell;

use crate::gil::GilCell;
use crate::intern;
use crate::object::protocol;
use crate::object::*;
use crate::objects::descr;
use crate::objects::dict::PyDict;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::type_::as_type;

#[repr(C)]
pub struct PySuper {
    pub ob_base: PyObject,
    pub type_: ObjCell,
    pub obj: ObjCell,
    pub obj_type: ObjCell,
}

pub static SUPER_TYPE: PyType = PyType {
    tp_name: "super",
    tp_basicsize: Cell::new(std::mem::size_of::<PySuper>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_getattro: Cell::new(Some(super_getattro)),
    tp_descr_get: Cell::new(Some(super_descr_get)),
    tp_new: Cell::new(Some(super_new)),
    tp_init: Cell::new(Some(super_init)),
    tp_repr: Cell::new(Some(super_repr)),
    tp_drop: Some(super_drop),
    tp_traverse: Cell::new(Some(super_traverse)),
    tp_getset: &[
        GetSetDef::getter("__thisclass__", |o| Ok(get(o, |s| &s.type_))),
        GetSetDef::getter("__self__", |o| Ok(get(o, |s| &s.obj))),
        GetSetDef::getter("__self_class__", |o| Ok(get(o, |s| &s.obj_type))),
    ],
    tp_doc: Some("super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n"),
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PySuper {
    fn type_object() -> &'static PyType {
        &SUPER_TYPE
    }
}

/// Returns `(__class__, first argument)` of the current Python frame.
pub type SuperZeroArgsFn = fn() -> PyResult<(PyRef, PyRef)>;
/// Set by the evaluation loop (see the module documentation).
pub static SUPER_ZERO_ARGS_HOOK: GilCell<Option<SuperZeroArgsFn>> = GilCell::new(None);

/// Zero-argument `super()` until the evaluation loop sets
/// [`SUPER_ZERO_ARGS_HOOK`]: reads the current frame's `locals()` (built by
/// `eval::ceval::current_locals_dict`, in local-slot order, cells
/// dereferenced): `__class__` from the free variable, the first argument as
/// the first bound local. Deviation: a function without arguments whose
/// first local is bound is not told "super(): no arguments".
fn zero_args_from_locals() -> PyResult<(PyRef, PyRef)> {
    let d = match crate::eval::ceval::current_locals_dict()? {
        Some(d) => d,
        None => return Err(PyErr::runtime_error("super(): no current frame")),
    };
    let Some(dd) = d.downcast::<PyDict>() else {
        return Err(PyErr::runtime_error("super(): no arguments"));
    };
    let class = match dd.get_str("__class__")? {
        Some(c) => c,
        None => return Err(PyErr::runtime_error("super(): __class__ cell not found")),
    };
    if as_type(&class).is_none() {
        return Err(PyErr::runtime_error(format!(
            "super(): __class__ is not a type ({})",
            class.ty().name()
        )));
    }
    let first = match dd.next_entry(0) {
        Some((_, k, v))
            if !(k.downcast::<PyStr>().map(|s| s.as_str() == "__class__")).unwrap_or(false) =>
        {
            v
        }
        _ => return Err(PyErr::runtime_error("super(): no arguments")),
    };
    Ok((class, first))
}

fn sup(o: &PyRef) -> &PySuper {
    // SAFETY: only called from super's own slots and getsets.
    unsafe { &*(o.as_ptr() as *const PySuper) }
}

fn get(o: &PyRef, f: fn(&PySuper) -> &ObjCell) -> PyRef {
    f(sup(o)).get_owned().unwrap_or_else(none)
}

unsafe fn super_drop(obj: *mut PyObject) {
    // SAFETY: a dead super object.
    let s = unsafe { &*(obj as *const PySuper) };
    let v = [s.type_.take(), s.obj.take(), s.obj_type.take()];
    drop(v);
}

unsafe fn super_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: a live super object.
    let s = unsafe { &*(obj as *const PySuper) };
    for c in [&s.type_, &s.obj, &s.obj_type] {
        if let Some(v) = c.get() {
            visit(v.as_ptr());
        }
    }
}

fn super_new(cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = as_type(cls)
        .ok_or_else(|| PyErr::type_error("super.__new__(X): X is not a type object"))?;
    let p = alloc_raw(ty, 0)?;
    // SAFETY: a fresh zeroed super object: every cell empty.
    Ok(unsafe { PyRef::from_raw(p) })
}

/// `supercheck`: the type whose MRO is searched.
fn supercheck(ty: &PyType, obj: &PyRef) -> PyResult<PyRef> {
    if let Some(t) = as_type(obj) {
        if t.is_subtype(ty) {
            return Ok(obj.clone());
        }
    }
    if obj.ty().is_subtype(ty) {
        return Ok(obj.type_ref());
    }
    if let Some(c) = protocol::lookup_attr(obj, intern!("__class__"))? {
        if let Some(ct) = as_type(&c) {
            if !c.is(&obj.type_ref()) && ct.is_subtype(ty) {
                return Ok(c);
            }
        }
    }
    Err(PyErr::type_error(
        "super(type, obj): obj must be an instance or subtype of type",
    ))
}

fn super_init(s: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    if nkw > 0 && !s.ty().is_heap_type() {
        return Err(PyErr::type_error("super() takes no keyword arguments"));
    }
    let npos = args.len().saturating_sub(nkw);
    let (ty, obj) = match npos {
        0 => {
            // SAFETY: GIL held; set once by the evaluation loop.
            match unsafe { *SUPER_ZERO_ARGS_HOOK.as_ptr() } {
                Some(h) => {
                    let (c, o) = h()?;
                    (c, Some(o))
                }
                None => {
                    let (c, o) = zero_args_from_locals()?;
                    (c, Some(o))
                }
            }
        }
        1 => (args[0].clone(), None),
        2 => (
            args[0].clone(),
            Some(args[1].clone()).filter(|o| !o.is_none()),
        ),
        n => {
            return Err(PyErr::type_error(format!(
                "super() expected at most 2 arguments, got {n}"
            )))
        }
    };
    let t = as_type(&ty).ok_or_else(|| {
        PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            ty.ty().name()
        ))
    })?;
    let obj_type = match &obj {
        Some(o) => Some(supercheck(t, o)?),
        None => None,
    };
    let p = sup(s);
    let old = [
        p.type_.set(Some(ty.clone())),
        p.obj.set(obj),
        p.obj_type.set(obj_type),
    ];
    drop(old);
    Ok(())
}

/// `super_getattro`: the attribute from the MRO after `__thisclass__`.
fn super_getattro(s: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    let p = sup(s);
    let skip = match name.downcast::<PyStr>() {
        Some(n) => n.as_str() == "__class__",
        None => true,
    };
    if !skip {
        if let (Some(start), Some(this)) = (p.obj_type.get_owned(), p.type_.get_owned()) {
            if let Some(r) = lookup_after(s, &start, &this, name)? {
                return Ok(r);
            }
        }
    }
    crate::objects::object::generic_getattr(s, name)
}

fn lookup_after(s: &PyRef, start: &PyRef, this: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    let Some(st) = as_type(start) else {
        return Ok(None);
    };
    let Some(mro) = st.mro().cloned() else {
        return Ok(None);
    };
    // SAFETY: an MRO is a tuple of types.
    let items = unsafe { crate::objects::tuple::tuple_items_unchecked(&mro) };
    let Some(i) = items.iter().position(|t| t.is(this)) else {
        return Ok(None);
    };
    for t in &items[i + 1..] {
        let Some(d) = as_type(t).and_then(|t| t.dict()).cloned() else {
            continue;
        };
        // SAFETY: a type's dict.
        let found = unsafe { d.payload_unchecked::<PyDict>() }.get_item(name)?;
        if let Some(res) = found {
            if let Some(g) = res.ty().tp_descr_get.get() {
                let obj = sup(s).obj.get_owned();
                let inst = obj.filter(|o| !o.is(start));
                return g(&res, inst.as_ref(), Some(start)).map(Some);
            }
            return Ok(Some(res));
        }
    }
    Ok(None)
}

fn super_descr_get(s: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    let p = sup(s);
    let obj = match obj {
        Some(o) if !o.is_none() && p.obj.get().is_none() => o,
        _ => return Ok(s.clone()),
    };
    let this = p.type_.get_owned().unwrap_or_else(none);
    if !s.is_exact::<PySuper>() {
        return protocol::call(&s.type_ref(), &[this, obj.clone()], None);
    }
    let new = super_new(&SUPER_TYPE.as_pyref(), &[], None)?;
    super_init(&new, &[this, obj.clone()], None)?;
    Ok(new)
}

fn super_repr(s: &PyRef) -> PyResult<PyRef> {
    let p = sup(s);
    let this = match p.type_.get().and_then(as_type) {
        Some(t) => t.name().to_owned(),
        None => "NULL".to_owned(),
    };
    match p.obj_type.get().and_then(as_type) {
        Some(ot) => PyStr::new(&format!(
            "<super: <class '{this}'>, <{} object>>",
            ot.name()
        )),
        None => PyStr::new(&format!("<super: <class '{this}'>, NULL>")),
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&SUPER_TYPE];
