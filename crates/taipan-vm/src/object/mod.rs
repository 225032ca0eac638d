//! The object header, owned handles and object memory (CPython's `Include/object.h`,
//! `Objects/object.c` allocation parts and `Include/internal/pycore_gc.h` layout).
//!
//! Every object starts with [`PyObject`]: `ob_refcnt` then `ob_type`, 16 bytes.
//! Variable-size objects add `ob_size` ([`PyVarObject`]). A payload struct is
//! `#[repr(C)]` with the header as its first field, so a pointer to the payload
//! is a pointer to the object. Containers (types with [`TypeFlags::HAVE_GC`])
//! carry a two-word GC header just before the object, as `PyGC_Head` does.
//!
//! Objects live in memory from `taipan-alloc` (pool blocks up to 512 bytes,
//! the system allocator above). [`PyRef`] is an owned reference: cloning it
//! increments the count, dropping it decrements, and the count reaching zero
//! calls the type's `tp_dealloc`. Deallocation that nests too deeply (a list
//! of a list of ... a million deep) is deferred to a pending list and finished
//! iteratively, which is CPython's trashcan idea: no Rust stack overflow.

pub mod err;
pub mod protocol;
pub mod typeobj;

use std::cell::Cell;
use std::ptr::NonNull;

pub use err::{PyErr, PyResult};
pub use typeobj::*;

use crate::gil::GilCell;

/// The header of every object (`PyObject`).
#[repr(C)]
pub struct PyObject {
    pub ob_refcnt: Cell<isize>,
    pub ob_type: Cell<*const PyType>,
}

/// The header of variable-size objects (`PyVarObject`).
#[repr(C)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Cell<isize>,
}

/// The reference count given to statically allocated objects (types, `None`,
/// small ints): never reaches zero.
pub const IMMORTAL_REFCNT: isize = 1 << 60;

impl PyObject {
    /// A header to put in a payload value before [`alloc_object`] writes it:
    /// the allocator sets the count to 1 and the type.
    pub const NEW: PyObject = PyObject {
        ob_refcnt: Cell::new(1),
        ob_type: Cell::new(std::ptr::null()),
    };

    /// The header of a static object of type `ty`.
    pub const fn immortal(ty: &'static PyType) -> PyObject {
        PyObject {
            ob_refcnt: Cell::new(IMMORTAL_REFCNT),
            ob_type: Cell::new(ty as *const PyType),
        }
    }
}

impl PyVarObject {
    pub const NEW: PyVarObject = PyVarObject {
        ob_base: PyObject::NEW,
        ob_size: Cell::new(0),
    };

    pub const fn immortal(ty: &'static PyType, size: isize) -> PyVarObject {
        PyVarObject {
            ob_base: PyObject::immortal(ty),
            ob_size: Cell::new(size),
        }
    }
}

/// The GC header before a container object (`PyGC_Head`): the generation
/// list links, with `gc_refs` packed in during a collection (issue 6).
#[repr(C)]
pub struct GcHead {
    pub gc_next: Cell<usize>,
    pub gc_prev: Cell<usize>,
}

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

/// A payload type whose objects have a known static type object.
///
/// # Safety
/// `Self` is `#[repr(C)]`, starts with a `PyObject` (or `PyVarObject`) header,
/// and every object whose type is `type_object()` or a subtype of it has this
/// layout at its start.
pub unsafe trait PyPayload: Sized {
    fn type_object() -> &'static PyType;
}

/// An owned (strong) reference to an object.
#[repr(transparent)]
pub struct PyRef {
    ptr: NonNull<PyObject>,
}

impl PyRef {
    /// Takes over one reference the caller owns.
    ///
    /// # Safety
    /// `p` points to a live object and the caller gives up one reference to it.
    #[inline(always)]
    pub unsafe fn from_raw(p: *mut PyObject) -> PyRef {
        PyRef {
            // SAFETY: the caller promises a live object, hence non-null.
            ptr: unsafe { NonNull::new_unchecked(p) },
        }
    }

    /// A new reference to an object the caller only borrows.
    ///
    /// # Safety
    /// `p` points to a live object.
    #[inline(always)]
    pub unsafe fn from_borrowed(p: *const PyObject) -> PyRef {
        // SAFETY: the caller promises a live object.
        unsafe {
            let o = &*p;
            o.ob_refcnt.set(o.ob_refcnt.get() + 1);
            PyRef::from_raw(p as *mut PyObject)
        }
    }

    /// A reference to a static (immortal) object.
    #[inline(always)]
    pub fn from_static<T>(obj: &'static T) -> PyRef {
        // SAFETY: static objects start with a header and live forever.
        unsafe { PyRef::from_borrowed(obj as *const T as *const PyObject) }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.ptr.as_ptr()
    }

    /// Gives up ownership without decrementing.
    #[inline(always)]
    pub fn into_raw(self) -> *mut PyObject {
        let p = self.ptr.as_ptr();
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn header(&self) -> &PyObject {
        // SAFETY: a PyRef keeps its object alive.
        unsafe { self.ptr.as_ref() }
    }

    /// The object's type (borrowed: the object keeps it alive).
    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        // SAFETY: every live object has a live type (instances of heap types own a reference to it).
        unsafe { &*self.header().ob_type.get() }
    }

    /// An owned reference to the object's type.
    pub fn type_ref(&self) -> PyRef {
        // SAFETY: see `ty`.
        unsafe { PyRef::from_borrowed(self.header().ob_type.get() as *const PyObject) }
    }

    #[inline(always)]
    pub fn is(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }

    #[inline(always)]
    pub fn is_static<T>(&self, obj: &'static T) -> bool {
        self.ptr.as_ptr() as *const u8 == obj as *const T as *const u8
    }

    /// `id(obj)`: the address.
    #[inline(always)]
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.header().ob_refcnt.get()
    }

    /// Is this object's type exactly `T`'s type?
    #[inline(always)]
    pub fn is_exact<T: PyPayload>(&self) -> bool {
        std::ptr::eq(self.header().ob_type.get(), T::type_object())
    }

    /// Is this object an instance of `T`'s type or a subtype of it?
    #[inline(always)]
    pub fn is_instance_of<T: PyPayload>(&self) -> bool {
        self.is_exact::<T>() || self.ty().is_subtype(T::type_object())
    }

    /// The payload, if the object is a `T` (or of a subtype).
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        if self.is_instance_of::<T>() {
            // SAFETY: PyPayload's contract: objects of T's type or a subtype start with T's layout.
            Some(unsafe { &*(self.as_ptr() as *const T) })
        } else {
            None
        }
    }

    /// The payload, if the object's type is exactly `T`'s.
    #[inline(always)]
    pub fn downcast_exact<T: PyPayload>(&self) -> Option<&T> {
        if self.is_exact::<T>() {
            // SAFETY: as in `downcast`.
            Some(unsafe { &*(self.as_ptr() as *const T) })
        } else {
            None
        }
    }

    /// The payload without a check.
    ///
    /// # Safety
    /// The object is a `T` (its type is `T`'s or a subtype).
    #[inline(always)]
    pub unsafe fn payload_unchecked<T: PyPayload>(&self) -> &T {
        // SAFETY: the caller checked the type.
        unsafe { &*(self.as_ptr() as *const T) }
    }
}

impl Clone for PyRef {
    #[inline(always)]
    fn clone(&self) -> PyRef {
        let h = self.header();
        h.ob_refcnt.set(h.ob_refcnt.get() + 1);
        PyRef { ptr: self.ptr }
    }
}

impl Drop for PyRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let rc = h.ob_refcnt.get() - 1;
        h.ob_refcnt.set(rc);
        if rc == 0 {
            // SAFETY: the count reached zero: nobody else refers to the object.
            unsafe { dealloc(self.ptr.as_ptr()) }
        }
    }
}

impl std::fmt::Debug for PyRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:#x}>", self.ty().name(), self.id())
    }
}

/// Decrements a raw reference (`Py_DECREF`).
///
/// # Safety
/// `p` is a live object and the caller owns the reference given up.
#[inline(always)]
pub unsafe fn decref(p: *mut PyObject) {
    // SAFETY: the caller owns this reference.
    drop(unsafe { PyRef::from_raw(p) });
}

// ---------------------------------------------------------------------------
// Memory.

static ALLOCATOR: GilCell<Option<taipan_alloc::Obmalloc>> = GilCell::new(None);

#[inline(always)]
fn allocator() -> &'static mut taipan_alloc::Obmalloc {
    // Whoever touches objects holds the GIL; a thread that enters without
    // `interp::initialize` takes it here.
    crate::gil::ensure_held();
    // SAFETY: the GIL is held by whoever allocates objects, and the allocator's methods do not call back into Python.
    let a = unsafe { ALLOCATOR.get_mut() };
    match a {
        Some(a) => a,
        None => allocator_init(),
    }
}

/// Makes the allocator on first use (kept out of line: the fast paths that
/// inline [`allocator`] need no room for an `Obmalloc` on their stack).
#[cold]
#[inline(never)]
fn allocator_init() -> &'static mut taipan_alloc::Obmalloc {
    // SAFETY: as in `allocator`.
    let a = unsafe { ALLOCATOR.get_mut() };
    a.get_or_insert_with(taipan_alloc::Obmalloc::new)
}

/// `PyObject_Malloc`: raw memory from the object allocator (null on failure).
#[inline(always)]
pub fn mem_alloc(n: usize) -> *mut u8 {
    allocator().malloc(n)
}

/// `PyObject_Free`.
///
/// # Safety
/// `p` came from [`mem_alloc`] and is not used again.
#[inline(always)]
pub unsafe fn mem_free(p: *mut u8) {
    // SAFETY: the caller passes a pointer from mem_alloc.
    unsafe { allocator().free(p) }
}

/// [`mem_free`] for a block known to come from a pool: `mem_alloc` of 1 to
/// 512 bytes (a fixed-size object such as an exact int or float). Skips the
/// lookup that tells pool blocks from large ones.
///
/// # Safety
/// `p` came from [`mem_alloc`] with a size of at most 512 bytes and is not
/// used again.
#[inline(always)]
pub unsafe fn mem_free_small(p: *mut u8) {
    // SAFETY: the caller passes a pool block from mem_alloc.
    unsafe { allocator().free_small(p) }
}

/// `sys.getallocatedblocks()`.
pub fn allocated_blocks() -> usize {
    allocator().allocated_blocks()
}

/// `sys._debugmallocstats()` text.
pub fn debug_malloc_stats() -> String {
    allocator().debug_malloc_stats()
}

/// Sets the allocator's byte budget (None: no limit).
pub fn set_memory_limit(limit: Option<usize>) {
    allocator().set_limit(limit)
}

/// The total size of an object of type `ty` with `nitems` items
/// (`_PyObject_VAR_SIZE`), without the GC header.
#[inline(always)]
pub fn var_size(ty: &PyType, nitems: usize) -> Option<usize> {
    let items = ty.tp_itemsize.checked_mul(nitems)?;
    let n = ty.tp_basicsize.get().checked_add(items)?;
    Some((n + 7) & !7)
}

/// Allocates a zeroed object of type `ty` with room for `nitems` items, header
/// set (count 1, type `ty`, `ob_size` = `nitems` when the type has items).
/// Instances of heap types own a reference to their type.
pub fn alloc_raw(ty: &PyType, nitems: usize) -> PyResult<*mut PyObject> {
    alloc_raw_from(ty, nitems, std::mem::size_of::<PyObject>())
}

/// [`alloc_raw`], zeroing the object only from byte `zero_from` on (the
/// caller writes the bytes between the header and `zero_from` before
/// anything else can allocate: the GC cannot look at them before that).
#[inline(always)]
fn alloc_raw_from(ty: &PyType, nitems: usize, zero_from: usize) -> PyResult<*mut PyObject> {
    let size = var_size(ty, nitems).ok_or_else(PyErr::no_memory)?;
    let gc = ty.has_gc();
    if gc {
        crate::gc::on_alloc();
    }
    let total = size + if gc { GC_HEAD_SIZE } else { 0 };
    let mem = mem_alloc(total);
    if mem.is_null() {
        return Err(PyErr::no_memory());
    }
    // SAFETY: `mem` is a fresh block of `total` bytes, and `zero_from <= size` (the payload fits the type's size).
    unsafe {
        let obj = if gc {
            mem.cast::<GcHead>().write(GcHead {
                gc_next: Cell::new(0),
                gc_prev: Cell::new(0),
            });
            mem.add(GC_HEAD_SIZE)
        } else {
            mem
        } as *mut PyObject;
        if zero_from < size {
            std::ptr::write_bytes((obj as *mut u8).add(zero_from), 0, size - zero_from);
        }
        (*obj).ob_refcnt.set(1);
        (*obj).ob_type.set(ty as *const PyType);
        if ty.tp_itemsize != 0 {
            (*(obj as *mut PyVarObject)).ob_size.set(nitems as isize);
        }
        if ty.is_heap_type() {
            let t = ty as *const PyType as *const PyObject;
            (*t).ob_refcnt.set((*t).ob_refcnt.get() + 1);
        }
        // Tracked at once: a zeroed payload is valid for every traverse
        // (empty fields are `None`), and the writers of `alloc_object` fill
        // it before anything else can allocate.
        if gc && !ty.gc_untracked_at_alloc() {
            crate::gc::track(obj);
        }
        Ok(obj)
    }
}

/// Allocates an object of type `ty` (which must have `T`'s layout) and moves
/// `value` into it; the header in `value` is replaced.
pub fn alloc_object<T: PyPayload>(ty: &PyType, value: T) -> PyResult<PyRef> {
    debug_assert!(ty.tp_basicsize.get() >= std::mem::size_of::<T>());
    let obj = alloc_raw_from(ty, 0, std::mem::size_of::<T>())?;
    // SAFETY: the block holds at least size_of::<T>() bytes; the whole value is written, then the header the allocator set is put back.
    unsafe {
        let rc = (*obj).ob_refcnt.get();
        let tp = (*obj).ob_type.get();
        std::ptr::write(obj as *mut T, value);
        (*obj).ob_refcnt.set(rc);
        (*obj).ob_type.set(tp);
        Ok(PyRef::from_raw(obj))
    }
}

/// Like [`alloc_object`], for variable-size payloads: `value` goes at the
/// start, `nitems` items of zeroed storage follow, `ob_size` is `nitems`.
pub fn alloc_var_object<T: PyPayload>(ty: &PyType, nitems: usize, value: T) -> PyResult<PyRef> {
    debug_assert!(ty.tp_basicsize.get() >= std::mem::size_of::<T>());
    let obj = alloc_raw_from(ty, nitems, std::mem::size_of::<T>())?;
    // SAFETY: the block holds the payload and the items.
    unsafe {
        let rc = (*obj).ob_refcnt.get();
        let tp = (*obj).ob_type.get();
        std::ptr::write(obj as *mut T, value);
        (*obj).ob_refcnt.set(rc);
        (*obj).ob_type.set(tp);
        (*(obj as *mut PyVarObject)).ob_size.set(nitems as isize);
        Ok(PyRef::from_raw(obj))
    }
}

/// Frees an object's memory (`PyObject_Free` / `PyObject_GC_Del`) after its
/// payload was dropped; releases the heap type's reference.
///
/// # Safety
/// `obj` is dead (count zero, payload dropped) and not used again.
pub unsafe fn free_object(obj: *mut PyObject) {
    // SAFETY: the caller guarantees `obj` is a dead object of its type.
    unsafe {
        let ty = &*(*obj).ob_type.get();
        let heap = ty.is_heap_type();
        let tyobj = ty as *const PyType as *mut PyObject;
        let mem = if ty.has_gc() {
            crate::gc::on_free();
            (obj as *mut u8).sub(GC_HEAD_SIZE)
        } else {
            obj as *mut u8
        };
        mem_free(mem);
        if heap {
            decref(tyobj);
        }
    }
}

// ---------------------------------------------------------------------------
// Deallocation with bounded nesting (the trashcan).

struct Trash {
    depth: u32,
    pending: Vec<*mut PyObject>,
}

static TRASH: GilCell<Trash> = GilCell::new(Trash {
    depth: 0,
    pending: Vec::new(),
});

const TRASH_MAX_DEPTH: u32 = 50;

/// Runs `tp_dealloc` of an object whose count reached zero.
///
/// Objects of the leaf types ([`TypeFlags::LEAF`]: int, float, str, bytes,
/// complex, which own no references) go straight to their `tp_dealloc`, as
/// `_Py_Dealloc` does; every other object takes the trashcan's counted path.
///
/// # Safety
/// `obj` has count zero and no other reference.
#[inline(never)]
pub unsafe fn dealloc(obj: *mut PyObject) {
    // SAFETY: obj is dead but its header and type are readable.
    unsafe {
        let ty = &*(*obj).ob_type.get();
        if ty.tp_flags.get() & TypeFlags::LEAF != 0 {
            (ty.tp_dealloc)(obj);
            return;
        }
        dealloc_counted(obj)
    }
}

/// The trashcan path of [`dealloc`]: every object of a non-leaf type.
///
/// # Safety
/// As [`dealloc`].
#[inline(never)]
unsafe fn dealloc_counted(obj: *mut PyObject) {
    let trash = TRASH.as_ptr();
    // SAFETY: GIL held; each access below is short and does not overlap a call that could re-enter.
    unsafe {
        // A dying container leaves its generation first (CPython's
        // deallocators start with `PyObject_GC_UnTrack`): no collection may
        // see it half torn down.
        if (*(*obj).ob_type.get()).has_gc() {
            crate::gc::untrack(obj);
        }
        if (*trash).depth >= TRASH_MAX_DEPTH {
            (*trash).pending.push(obj);
            return;
        }
        (*trash).depth += 1;
        run_dealloc(obj);
        (*trash).depth -= 1;
        if (*trash).depth == 0 {
            while let Some(p) = (*trash).pending.pop() {
                (*trash).depth = 1;
                run_dealloc(p);
                (*trash).depth = 0;
            }
        }
    }
}

#[inline(always)]
unsafe fn run_dealloc(obj: *mut PyObject) {
    // SAFETY: obj is dead; its type is alive until free_object releases it.
    unsafe {
        let ty = &*(*obj).ob_type.get();
        (ty.tp_dealloc)(obj)
    }
}

/// The default `tp_dealloc`: for instances of heap types, calls `__del__`
/// (once), drops the instance dict and `__slots__` values; then drops the
/// payload of the nearest static base (`tp_drop`) and frees the memory.
///
/// # Safety
/// `obj` has count zero.
pub unsafe fn generic_dealloc(obj: *mut PyObject) {
    // SAFETY: obj is dead; the fields dropped here belong to its layout.
    unsafe {
        let ty = &*(*obj).ob_type.get();
        if ty.is_heap_type() {
            if let Some(hook) = *HEAP_DEALLOC_HOOK.as_ptr() {
                // `__del__` may resurrect the object: it is tracked again.
                if !hook(obj) {
                    if !crate::gc::is_tracked(obj) {
                        crate::gc::track(obj);
                    }
                    return;
                }
            }
            clear_weakrefs(obj, ty);
            drop_heap_extras(obj, ty);
        } else {
            clear_weakrefs(obj, ty);
        }
        let solid = ty.static_base();
        if let Some(drop_fn) = solid.tp_drop {
            drop_fn(obj);
        }
        free_object(obj);
    }
}

/// Clears the weak references to a dying object and calls their callbacks
/// (`PyObject_ClearWeakRefs`); set by the `_weakref` module.
pub type WeakrefClearHook = unsafe fn(*mut PyObject);
pub static WEAKREF_CLEAR_HOOK: GilCell<Option<WeakrefClearHook>> = GilCell::new(None);

/// Runs [`WEAKREF_CLEAR_HOOK`] if the type has a weak-reference list slot and
/// the object's list is not empty (one load and a compare otherwise).
#[inline(always)]
unsafe fn clear_weakrefs(obj: *mut PyObject, ty: &PyType) {
    let off = ty.tp_weaklistoffset.get();
    if off != 0 {
        // SAFETY: the type's weaklist slot holds a raw pointer (null: no weak references) inside the object's block.
        unsafe {
            let slot = (obj as *mut u8).offset(off) as *const *mut PyObject;
            if !(*slot).is_null() {
                if let Some(h) = *WEAKREF_CLEAR_HOOK.as_ptr() {
                    h(obj);
                }
            }
        }
    }
}

/// Called on a dead instance of a heap type before it is freed; returns false
/// if the object was resurrected (its count is above zero again). Set by the
/// type machinery (`__del__`).
pub type HeapDeallocHook = unsafe fn(*mut PyObject) -> bool;
pub static HEAP_DEALLOC_HOOK: GilCell<Option<HeapDeallocHook>> = GilCell::new(None);

/// Drops the `__dict__` and `__slots__` storage a heap type adds after its
/// static base's layout: every pointer-sized slot between the static base's
/// basic size and the type's basic size, plus the dict slot.
unsafe fn drop_heap_extras(obj: *mut PyObject, ty: &PyType) {
    // SAFETY: these slots are Option<PyRef> fields laid out by the type machinery, zero (None) when empty.
    unsafe {
        if let Some(slot) = dict_slot(obj) {
            drop((*slot).take());
        }
        let solid = ty.static_base();
        let start = solid.tp_basicsize.get();
        let end = ty.tp_basicsize.get();
        if solid.tp_itemsize == 0 {
            let mut off = start;
            while off + 8 <= end {
                let slot = (obj as *mut u8).add(off) as *mut Option<PyRef>;
                drop((*slot).take());
                off += 8;
            }
        }
    }
}

/// The address of an object's `__dict__` slot, if its type has one
/// (`_PyObject_GetDictPtr`). A negative `tp_dictoffset` counts from the end of
/// a variable-size object.
///
/// # Safety
/// `obj` is a live object.
#[inline]
pub unsafe fn dict_slot(obj: *mut PyObject) -> Option<*mut Option<PyRef>> {
    // SAFETY: obj is live; the offset is within its block by construction.
    unsafe {
        let ty = &*(*obj).ob_type.get();
        let off = ty.tp_dictoffset.get();
        if off == 0 {
            return None;
        }
        let off = if off < 0 {
            let n = (*(obj as *mut PyVarObject)).ob_size.get().unsigned_abs();
            var_size(ty, n)? as isize + off
        } else {
            off
        };
        Some((obj as *mut u8).offset(off) as *mut Option<PyRef>)
    }
}

/// A cell holding an optional owned reference, without drop glue, for
/// fields of static objects (type objects are `static`, so their fields
/// cannot need dropping). Whoever frees a heap object with such fields takes
/// their values out with [`ObjCell::take`].
#[repr(transparent)]
pub struct ObjCell(std::cell::UnsafeCell<std::mem::ManuallyDrop<Option<PyRef>>>);

impl ObjCell {
    pub const fn empty() -> ObjCell {
        ObjCell(std::cell::UnsafeCell::new(std::mem::ManuallyDrop::new(
            None,
        )))
    }

    /// The reference, borrowed. Valid until the cell is next written.
    #[inline(always)]
    pub fn get(&self) -> Option<&PyRef> {
        // SAFETY: GIL held; writers replace the value only through `set`/ `take`, and callers do not keep the borrow across them.
        unsafe { (*self.0.get()).as_ref() }
    }

    /// A new reference to the value.
    #[inline(always)]
    pub fn get_owned(&self) -> Option<PyRef> {
        self.get().cloned()
    }

    /// Replaces the value; returns the old one (drop it after any borrow of
    /// the owner ends).
    #[inline(always)]
    pub fn set(&self, v: Option<PyRef>) -> Option<PyRef> {
        // SAFETY: GIL held; no borrow from `get` is alive across this call by the contract above.
        unsafe { std::mem::replace(&mut **self.0.get(), v) }
    }

    /// Takes the value out.
    #[inline(always)]
    pub fn take(&self) -> Option<PyRef> {
        self.set(None)
    }
}
