//! `list` (CPython's `Objects/listobject.c`).
//!
//! The items live in a Rust `Vec<PyRef>` inside the payload (CPython's
//! `ob_item` and `allocated`). Access goes through short methods that never
//! hold a borrow of the vector across a call that could run Python code
//! (a `__del__`, a comparison): values are cloned out or swapped out first
//! and dropped after the borrow ends.

use std::cell::{Cell, UnsafeCell};

use crate::object::*;

/// The `list` payload.
#[repr(C)]
pub struct PyList {
    pub ob_base: PyVarObject,
    pub items: UnsafeCell<Vec<PyRef>>,
}

pub static LIST_TYPE: PyType = PyType {
    tp_name: "list",
    tp_basicsize: Cell::new(std::mem::size_of::<PyList>()),
    tp_flags: Cell::new(
        TypeFlags::BASETYPE | TypeFlags::HAVE_GC | TypeFlags::LIST_SUBCLASS | TypeFlags::SEQUENCE,
    ),
    tp_drop: Some(drop_list),
    tp_hash: Cell::new(Some(crate::object::protocol::hash_not_implemented)),
    tp_traverse: Cell::new(Some(traverse_list)),
    ..PyType::BASE
};

// SAFETY: PyList is repr(C) with the header first.
unsafe impl PyPayload for PyList {
    fn type_object() -> &'static PyType {
        &LIST_TYPE
    }
}

unsafe fn drop_list(obj: *mut PyObject) {
    // SAFETY: obj is a dead list; take the vector out, then drop it.
    unsafe {
        let l = &*(obj as *const PyList);
        let v = std::mem::take(&mut *l.items.get());
        drop(v);
        std::ptr::drop_in_place(l.items.get());
    }
}

unsafe fn traverse_list(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live list; visiting does not mutate it.
    unsafe {
        let l = &*(obj as *const PyList);
        for it in (*l.items.get()).iter() {
            visit(it.as_ptr());
        }
    }
}

impl PyList {
    /// A new list holding `items`.
    pub fn new(items: Vec<PyRef>) -> PyResult<PyRef> {
        Self::new_in(&LIST_TYPE, items)
    }

    pub fn new_in(ty: &PyType, items: Vec<PyRef>) -> PyResult<PyRef> {
        let n = items.len() as isize;
        let obj = alloc_object(
            ty,
            PyList {
                ob_base: PyVarObject::NEW,
                items: UnsafeCell::new(items),
            },
        )?;
        // SAFETY: obj is the list just made.
        unsafe { obj.payload_unchecked::<PyList>() }
            .ob_base
            .ob_size
            .set(n);
        Ok(obj)
    }

    #[inline(always)]
    fn sync_size(&self) {
        // SAFETY: short read of the vector's length.
        let n = unsafe { (*self.items.get()).len() };
        self.ob_base.ob_size.set(n as isize);
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: short read.
        unsafe { (*self.items.get()).len() }
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `i`, cloned.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        // SAFETY: short read; the clone only increments a count.
        unsafe { (&*self.items.get()).get(i).cloned() }
    }

    /// Replaces the item at `i` (in bounds); the old one is dropped after the
    /// vector is no longer borrowed.
    pub fn set(&self, i: usize, v: PyRef) {
        // SAFETY: the swap ends the borrow before `old` drops.
        let old = unsafe { std::mem::replace(&mut (&mut *self.items.get())[i], v) };
        drop(old);
    }

    pub fn push(&self, v: PyRef) {
        // SAFETY: pushing runs no Python code.
        unsafe { (*self.items.get()).push(v) };
        self.sync_size();
    }

    pub fn pop(&self) -> Option<PyRef> {
        // SAFETY: popping runs no Python code; the value is returned.
        let v = unsafe { (*self.items.get()).pop() };
        self.sync_size();
        v
    }

    pub fn insert(&self, i: usize, v: PyRef) {
        // SAFETY: inserting runs no Python code.
        unsafe { (*self.items.get()).insert(i, v) };
        self.sync_size();
    }

    pub fn remove(&self, i: usize) -> PyRef {
        // SAFETY: removing runs no Python code; the value is returned.
        let v = unsafe { (*self.items.get()).remove(i) };
        self.sync_size();
        v
    }

    /// A copy of the items (each cloned).
    pub fn snapshot(&self) -> Vec<PyRef> {
        // SAFETY: short read.
        unsafe { (*self.items.get()).clone() }
    }

    /// Replaces all items; the old ones drop after the borrow ends.
    pub fn replace_all(&self, items: Vec<PyRef>) -> Vec<PyRef> {
        // SAFETY: swap, no Python code runs during the borrow.
        let old = unsafe { std::mem::replace(&mut *self.items.get(), items) };
        self.sync_size();
        old
    }

    /// Runs `f` with the vector borrowed mutably. `f` must not run Python
    /// code nor drop references (return them instead).
    ///
    /// # Safety
    /// See above: no re-entry into this list while `f` runs.
    pub unsafe fn with_vec<R>(&self, f: impl FnOnce(&mut Vec<PyRef>) -> R) -> R {
        // SAFETY: the caller promises no re-entry.
        let r = f(unsafe { &mut *self.items.get() });
        self.sync_size();
        r
    }
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];
