//! `tuple` (CPython's `Objects/tupleobject.c`).
//!
//! A variable-size object: `ob_size` items stored inline after the header, as
//! `PyTupleObject`'s `ob_item[]`. Items are `PyRef`s; a tuple under
//! construction may hold nulls (zeroed slots), which reading never exposes
//! once built.

use std::cell::Cell;

use crate::object::*;

/// The `tuple` payload; `ob_size` items follow.
#[repr(C)]
pub struct PyTuple {
    pub ob_base: PyVarObject,
}

pub static TUPLE_TYPE: PyType = PyType {
    tp_name: "tuple",
    tp_basicsize: Cell::new(std::mem::size_of::<PyTuple>()),
    tp_itemsize: 8,
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::TUPLE_SUBCLASS | TypeFlags::SEQUENCE,
    ),
    tp_drop: Some(drop_tuple),
    tp_traverse: Cell::new(Some(traverse_tuple)),
    ..PyType::BASE
};

// SAFETY: PyTuple is repr(C) with the var header first.
unsafe impl PyPayload for PyTuple {
    fn type_object() -> &'static PyType {
        &TUPLE_TYPE
    }
}

unsafe fn drop_tuple(obj: *mut PyObject) {
    // SAFETY: obj is a dead tuple; its slots are Option<PyRef>.
    unsafe {
        let n = (*(obj as *mut PyVarObject)).ob_size.get() as usize;
        let items = items_ptr(obj) as *mut Option<PyRef>;
        for i in 0..n {
            drop((*items.add(i)).take());
        }
    }
}

unsafe fn traverse_tuple(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live tuple.
    unsafe {
        let n = (*(obj as *mut PyVarObject)).ob_size.get() as usize;
        let items = items_ptr(obj) as *mut Option<PyRef>;
        for i in 0..n {
            if let Some(o) = &*items.add(i) {
                visit(o.as_ptr());
            }
        }
    }
}

#[inline(always)]
unsafe fn items_ptr(obj: *mut PyObject) -> *mut PyRef {
    // SAFETY: items follow the static tuple header.
    unsafe { (obj as *mut u8).add(std::mem::size_of::<PyTuple>()) as *mut PyRef }
}

/// The items of a tuple known to be a tuple (or subclass) and fully built.
///
/// # Safety
/// `obj` is a tuple with every slot filled.
#[inline(always)]
pub unsafe fn tuple_items_unchecked(obj: &PyRef) -> &[PyRef] {
    // SAFETY: the caller guarantees a built tuple.
    unsafe {
        let n = (*(obj.as_ptr() as *mut PyVarObject)).ob_size.get() as usize;
        std::slice::from_raw_parts(items_ptr(obj.as_ptr()), n)
    }
}

impl PyTuple {
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.ob_base.ob_size.get() as usize
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[PyRef] {
        // SAFETY: a tuple reachable as a PyTuple is fully built.
        unsafe {
            std::slice::from_raw_parts(
                items_ptr(self as *const PyTuple as *mut PyObject),
                self.len(),
            )
        }
    }

    /// A new tuple holding `items`.
    pub fn new(items: Vec<PyRef>) -> PyResult<PyRef> {
        Self::new_in(&TUPLE_TYPE, items)
    }

    /// A new tuple of type `ty` (tuple or a subclass).
    pub fn new_in(ty: &PyType, items: Vec<PyRef>) -> PyResult<PyRef> {
        if items.is_empty() && std::ptr::eq(ty, &TUPLE_TYPE) {
            return Ok(empty_tuple());
        }
        let obj = alloc_raw(ty, items.len())?;
        // SAFETY: the block has room for items.len() pointers.
        unsafe {
            let dst = items_ptr(obj);
            for (i, it) in items.into_iter().enumerate() {
                std::ptr::write(dst.add(i), it);
            }
            Ok(PyRef::from_raw(obj))
        }
    }

    /// A new tuple cloned from a slice.
    pub fn from_slice(items: &[PyRef]) -> PyResult<PyRef> {
        Self::new(items.to_vec())
    }
}

static EMPTY: crate::gil::GilCell<Option<PyRef>> = crate::gil::GilCell::new(None);

/// The empty tuple singleton.
pub fn empty_tuple() -> PyRef {
    // SAFETY: GIL held; filled once.
    let slot = unsafe { EMPTY.get_mut() };
    if let Some(t) = slot {
        return t.clone();
    }
    let obj = alloc_raw(&TUPLE_TYPE, 0).expect("out of memory at start-up");
    // SAFETY: a fresh empty tuple.
    let t = unsafe { PyRef::from_raw(obj) };
    *slot = Some(t.clone());
    t
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
