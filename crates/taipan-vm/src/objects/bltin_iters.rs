//! `map`, `filter` and `zip` (CPython's `Python/bltinmodule.c`), with 3.10's
//! `zip(strict=True)` and its messages.

use std::cell::Cell;

use crate::object::protocol;
use crate::object::*;
use crate::objects::slice::{self as slice_mod, check_nargs, no_kwargs};
use crate::objects::tuple::PyTuple;

/// The `map` payload: the function and a tuple of iterators.
#[repr(C)]
pub struct PyMap {
    pub ob_base: PyObject,
    pub func: ObjCell,
    pub iters: ObjCell,
}

pub static MAP_TYPE: PyType = PyType {
    tp_name: "map",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMap>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_map),
    tp_traverse: Cell::new(Some(traverse_map)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(map_next)),
    tp_new: Cell::new(Some(map_new)),
    tp_methods: &[MethodDef::new("__reduce__", Meth::NoArgs(map_reduce))],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyMap {
    fn type_object() -> &'static PyType {
        &MAP_TYPE
    }
}

unsafe fn drop_map(obj: *mut PyObject) {
    // SAFETY: obj is a dead map (or filter: same two-cell layout).
    unsafe {
        let p = &*(obj as *const PyMap);
        drop(p.func.take());
        drop(p.iters.take());
    }
}

unsafe fn traverse_map(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live map (or filter).
    unsafe {
        let p = &*(obj as *const PyMap);
        if let Some(f) = p.func.get() {
            visit(f.as_ptr());
        }
        if let Some(i) = p.iters.get() {
            visit(i.as_ptr());
        }
    }
}

fn type_arg(cls: &PyRef) -> PyResult<&PyType> {
    crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("__new__(X): X is not a type object"))
}

fn new_two_cell(ty: &PyType, func: PyRef, iters: PyRef) -> PyResult<PyRef> {
    let m = alloc_object(
        ty,
        PyMap {
            ob_base: PyObject::NEW,
            func: ObjCell::empty(),
            iters: ObjCell::empty(),
        },
    )?;
    // SAFETY: the object just made.
    let p = unsafe { m.payload_unchecked::<PyMap>() };
    p.func.set(Some(func));
    p.iters.set(Some(iters));
    Ok(m)
}

fn map_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = type_arg(cls)?;
    if slice_mod::new_rejects_kwargs(ty, &MAP_TYPE) {
        no_kwargs("map", kwnames)?;
    }
    let npos = args.len().saturating_sub(slice_mod::nkw(kwnames));
    if npos < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let iters = args[1..npos]
        .iter()
        .map(protocol::get_iter)
        .collect::<PyResult<Vec<_>>>()?;
    new_two_cell(ty, args[0].clone(), PyTuple::new(iters)?)
}

/// `(map, (func, *iterators))`.
fn map_reduce(m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of map.
    let p = unsafe { m.payload_unchecked::<PyMap>() };
    let mut args = vec![p
        .func
        .get_owned()
        .unwrap_or_else(crate::objects::none::none)];
    if let Some(iters) = p.iters.get_owned() {
        // SAFETY: iters is the tuple made in map_new.
        let items = unsafe { crate::objects::tuple::tuple_items_unchecked(&iters) };
        args.extend(items.iter().cloned());
    }
    PyTuple::new(vec![m.type_ref(), PyTuple::new(args)?])
}

/// `(filter, (func, iterator))`.
fn filter_reduce(m: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of filter (same layout as map).
    let p = unsafe { m.payload_unchecked::<PyMap>() };
    let none = crate::objects::none::none;
    PyTuple::new(vec![
        m.type_ref(),
        PyTuple::new(vec![
            p.func.get_owned().unwrap_or_else(none),
            p.iters.get_owned().unwrap_or_else(none),
        ])?,
    ])
}

/// `(zip, iterators)`, plus `True` when strict.
fn zip_reduce(z: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of zip.
    let p = unsafe { z.payload_unchecked::<PyZip>() };
    let iters = match p.iters.get_owned() {
        Some(t) => t,
        None => PyTuple::new(Vec::new())?,
    };
    let mut v = vec![z.type_ref(), iters];
    if p.strict.get() {
        v.push(crate::objects::bool_::py_bool(true));
    }
    PyTuple::new(v)
}

fn zip_setstate(z: &PyRef, state: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method of zip.
    let p = unsafe { z.payload_unchecked::<PyZip>() };
    p.strict.set(protocol::is_true(state)?);
    Ok(crate::objects::none::none())
}

fn map_next(m: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of map gets one.
    let p = unsafe { m.payload_unchecked::<PyMap>() };
    let (Some(func), Some(iters)) = (p.func.get_owned(), p.iters.get_owned()) else {
        return Ok(None);
    };
    // SAFETY: iters is the tuple made in map_new.
    let its = unsafe { crate::objects::tuple::tuple_items_unchecked(&iters) };
    let mut vals = Vec::with_capacity(its.len());
    for it in its {
        match protocol::next(it)? {
            Some(v) => vals.push(v),
            None => return Ok(None),
        }
    }
    protocol::call1(&func, &vals).map(Some)
}

pub static FILTER_TYPE: PyType = PyType {
    tp_name: "filter",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMap>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_map),
    tp_traverse: Cell::new(Some(traverse_map)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(filter_next)),
    tp_new: Cell::new(Some(filter_new)),
    tp_methods: &[MethodDef::new("__reduce__", Meth::NoArgs(filter_reduce))],
    ..PyType::BASE
};

fn filter_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = type_arg(cls)?;
    if slice_mod::new_rejects_kwargs(ty, &FILTER_TYPE) {
        no_kwargs("filter", kwnames)?;
    }
    check_nargs(
        "filter",
        args.len().saturating_sub(slice_mod::nkw(kwnames)),
        2,
        2,
    )?;
    let it = protocol::get_iter(&args[1])?;
    new_two_cell(ty, args[0].clone(), it)
}

fn filter_next(f: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of filter gets one (map's layout).
    let p = unsafe { f.payload_unchecked::<PyMap>() };
    let (Some(func), Some(it)) = (p.func.get_owned(), p.iters.get_owned()) else {
        return Ok(None);
    };
    let plain_truth = func.is_none()
        || std::ptr::eq(
            func.as_ptr() as *const PyType,
            &crate::objects::bool_::BOOL_TYPE,
        );
    while let Some(v) = protocol::next(&it)? {
        let ok = if plain_truth {
            protocol::is_true(&v)?
        } else {
            let r = protocol::call1(&func, std::slice::from_ref(&v))?;
            protocol::is_true(&r)?
        };
        if ok {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// The `zip` payload.
#[repr(C)]
pub struct PyZip {
    pub ob_base: PyObject,
    pub iters: ObjCell,
    pub strict: Cell<bool>,
    /// CPython's `tuplesize` and cached `result`: kept for the object size
    /// only (`sys.getsizeof`).
    pub _cpython_cache: [Cell<usize>; 2],
}

pub static ZIP_TYPE: PyType = PyType {
    tp_name: "zip",
    tp_basicsize: Cell::new(std::mem::size_of::<PyZip>()),
    tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
    tp_drop: Some(drop_zip),
    tp_traverse: Cell::new(Some(traverse_zip)),
    tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
    tp_iternext: Cell::new(Some(zip_next)),
    tp_new: Cell::new(Some(zip_new)),
    tp_methods: &[
        MethodDef::new("__reduce__", Meth::NoArgs(zip_reduce)),
        MethodDef::new("__setstate__", Meth::O(zip_setstate)),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyZip {
    fn type_object() -> &'static PyType {
        &ZIP_TYPE
    }
}

unsafe fn drop_zip(obj: *mut PyObject) {
    // SAFETY: obj is a dead zip.
    unsafe { drop((*(obj as *const PyZip)).iters.take()) }
}

unsafe fn traverse_zip(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live zip.
    unsafe {
        if let Some(i) = (*(obj as *const PyZip)).iters.get() {
            visit(i.as_ptr());
        }
    }
}

fn zip_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = type_arg(cls)?;
    let npos = args.len().saturating_sub(slice_mod::nkw(kwnames));
    let mut strict = false;
    let nkw = slice_mod::nkw(kwnames);
    if nkw > 1 {
        return Err(PyErr::type_error(format!(
            "zip() takes at most 1 keyword argument ({nkw} given)"
        )));
    }
    for (name, v) in slice_mod::kw_names(kwnames).iter().zip(&args[npos..]) {
        if name != "strict" {
            return Err(PyErr::type_error(format!(
                "'{name}' is an invalid keyword argument for zip()"
            )));
        }
        strict = protocol::is_true(v)?;
    }
    let iters = args[..npos]
        .iter()
        .map(protocol::get_iter)
        .collect::<PyResult<Vec<_>>>()?;
    let z = alloc_object(
        ty,
        PyZip {
            ob_base: PyObject::NEW,
            iters: ObjCell::empty(),
            strict: Cell::new(strict),
            _cpython_cache: [Cell::new(0), Cell::new(0)],
        },
    )?;
    // SAFETY: the object just made.
    unsafe { z.payload_unchecked::<PyZip>() }
        .iters
        .set(Some(PyTuple::new(iters)?));
    Ok(z)
}

fn zip_next(z: &PyRef) -> PyResult<Option<PyRef>> {
    // SAFETY: tp_iternext of zip gets one.
    let p = unsafe { z.payload_unchecked::<PyZip>() };
    let Some(iters) = p.iters.get_owned() else {
        return Ok(None);
    };
    // SAFETY: the tuple made in zip_new.
    let its = unsafe { crate::objects::tuple::tuple_items_unchecked(&iters) };
    if its.is_empty() {
        return Ok(None);
    }
    let mut vals = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match protocol::next(it)? {
            Some(v) => vals.push(v),
            None => {
                if !p.strict.get() {
                    return Ok(None);
                }
                let plural = |i: usize| if i == 1 { " " } else { "s 1-" };
                if i > 0 {
                    return Err(PyErr::value_error(format!(
                        "zip() argument {} is shorter than argument{}{}",
                        i + 1,
                        plural(i),
                        i
                    )));
                }
                for (j, other) in its.iter().enumerate().skip(1) {
                    if protocol::next(other)?.is_some() {
                        return Err(PyErr::value_error(format!(
                            "zip() argument {} is longer than argument{}{}",
                            j + 1,
                            plural(j),
                            j
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    PyTuple::new(vals).map(Some)
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&MAP_TYPE, &FILTER_TYPE, &ZIP_TYPE];
