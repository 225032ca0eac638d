//! The generational cycle collector (CPython's `Modules/gcmodule.c` and the
//! `PyGC_Head` parts of `Include/internal/pycore_gc.h`).
//!
//! Every container (a type with `HAVE_GC`) has a [`GcHead`] just before it.
//! A tracked object is linked into one of three generation lists through
//! it; `gc_next` is zero for an untracked object. As in CPython 3.11 the low
//! bits of the words carry flags: bit 0 of `gc_prev` is FINALIZED (`__del__`
//! ran), bit 1 is COLLECTING (the object is in the generation being
//! collected), and during a collection `gc_prev` holds `gc_refs << 2`
//! instead of the back link; bit 0 of `gc_next` marks the tentatively
//! unreachable list. The steps (`update_refs`, `subtract_refs`,
//! `move_unreachable`, finalizers, resurrection check, weak references,
//! `tp_clear`) are CPython's; `docs/internals/gc.md` walks through them.
//!
//! Objects become tracked at the end of `object::alloc_raw` (every payload
//! writer leaves a valid value there at once: zeroed fields are `None`), and
//! untracked when their count reaches zero, before `tp_dealloc`. Static
//! objects (immortal count) have no GC header and are never looked at.
//! A collection is triggered at the allocation of a container, as CPython
//! 3.11 does; it is never re-entered (`collecting`).

use std::cell::Cell;

use crate::gil::GilCell;
use crate::object::*;

const PREV_FINALIZED: usize = 1;
const PREV_COLLECTING: usize = 2;
const PREV_MASK: usize = !3;
const REFS_SHIFT: u32 = 2;
const NEXT_UNREACHABLE: usize = 1;

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;

pub const NUM_GENERATIONS: usize = 3;

/// Per-generation statistics (`struct gc_generation_stats`).
pub struct GenStats {
    pub collections: Cell<isize>,
    pub collected: Cell<isize>,
    pub uncollectable: Cell<isize>,
}

/// The collector's state (`struct _gc_runtime_state`).
pub struct GcState {
    heads: [GcHead; NUM_GENERATIONS],
    permanent: GcHead,
    pub count: [Cell<isize>; NUM_GENERATIONS],
    pub threshold: [Cell<isize>; NUM_GENERATIONS],
    pub enabled: Cell<bool>,
    pub collecting: Cell<bool>,
    pub debug: Cell<i64>,
    long_lived_total: Cell<isize>,
    long_lived_pending: Cell<isize>,
    pub stats: [GenStats; NUM_GENERATIONS],
    /// `gc.garbage` and `gc.callbacks` (set by the module's init).
    pub garbage: ObjCell,
    pub callbacks: ObjCell,
    inited: Cell<bool>,
    #[cfg(feature = "gc-stress")]
    stress: Cell<(usize, usize)>,
}

const fn head() -> GcHead {
    GcHead {
        gc_next: Cell::new(0),
        gc_prev: Cell::new(0),
    }
}

const fn stats() -> GenStats {
    GenStats {
        collections: Cell::new(0),
        collected: Cell::new(0),
        uncollectable: Cell::new(0),
    }
}

static STATE: GilCell<GcState> = GilCell::new(GcState {
    heads: [head(), head(), head()],
    permanent: head(),
    count: [Cell::new(0), Cell::new(0), Cell::new(0)],
    threshold: [Cell::new(700), Cell::new(10), Cell::new(10)],
    enabled: Cell::new(true),
    collecting: Cell::new(false),
    debug: Cell::new(0),
    long_lived_total: Cell::new(0),
    long_lived_pending: Cell::new(0),
    stats: [stats(), stats(), stats()],
    garbage: ObjCell::empty(),
    callbacks: ObjCell::empty(),
    inited: Cell::new(false),
    #[cfg(feature = "gc-stress")]
    stress: Cell::new((0, 0)),
});

/// The collector's state; the generation heads are made empty lists the
/// first time.
#[inline(always)]
pub fn state() -> &'static GcState {
    // SAFETY: GIL held; the state is only touched through Cells.
    let s = unsafe { &*STATE.as_ptr() };
    if !s.inited.get() {
        init(s);
    }
    s
}

#[cold]
fn init(s: &GcState) {
    for h in s.heads.iter().chain(std::iter::once(&s.permanent)) {
        list_init(h as *const GcHead as *mut GcHead);
    }
    s.inited.set(true);
}

// ---------------------------------------------------------------------------
// Header access and list primitives.

/// The GC header of a container.
///
/// # Safety
/// `op` is an object of a `HAVE_GC` type that is not static.
#[inline(always)]
pub unsafe fn as_gc(op: *mut PyObject) -> *mut GcHead {
    // SAFETY: the header is GC_HEAD_SIZE bytes before the object.
    unsafe { (op as *mut u8).sub(GC_HEAD_SIZE) as *mut GcHead }
}

#[inline(always)]
fn from_gc(g: *mut GcHead) -> *mut PyObject {
    (g as usize + GC_HEAD_SIZE) as *mut PyObject
}

/// `_PyObject_IS_GC`: has the object a GC header? Static objects of
/// container types (type objects, the empty tuple) carry none; they are
/// recognized by their immortal count.
///
/// # Safety
/// `op` is a live object.
#[inline(always)]
pub unsafe fn is_gc(op: *mut PyObject) -> bool {
    // SAFETY: op is live.
    unsafe {
        let ty = &*(*op).ob_type.get();
        ty.has_gc() && (*op).ob_refcnt.get() < IMMORTAL_REFCNT / 2
    }
}

/// `_PyObject_GC_IS_TRACKED`.
///
/// # Safety
/// `op` is a live object.
#[inline(always)]
pub unsafe fn is_tracked(op: *mut PyObject) -> bool {
    // SAFETY: is_gc says the header exists.
    unsafe { is_gc(op) && (*as_gc(op)).gc_next.get() != 0 }
}

#[inline(always)]
fn g<'a>(p: *mut GcHead) -> &'a GcHead {
    // SAFETY: every pointer handled here is a live header or a list head.
    unsafe { &*p }
}

#[inline(always)]
fn next(p: *mut GcHead) -> *mut GcHead {
    (g(p).gc_next.get() & !NEXT_UNREACHABLE) as *mut GcHead
}

#[inline(always)]
fn prev(p: *mut GcHead) -> *mut GcHead {
    (g(p).gc_prev.get() & PREV_MASK) as *mut GcHead
}

#[inline(always)]
fn set_prev(p: *mut GcHead, v: *mut GcHead) {
    let h = g(p);
    h.gc_prev.set((h.gc_prev.get() & !PREV_MASK) | v as usize);
}

#[inline(always)]
fn set_next(p: *mut GcHead, v: *mut GcHead) {
    g(p).gc_next.set(v as usize);
}

fn list_init(h: *mut GcHead) {
    g(h).gc_prev.set(h as usize);
    g(h).gc_next.set(h as usize);
}

fn list_is_empty(h: *mut GcHead) -> bool {
    g(h).gc_next.get() == h as usize
}

fn list_append(node: *mut GcHead, list: *mut GcHead) {
    let last = g(list).gc_prev.get() as *mut GcHead;
    set_next(last, node);
    set_prev(node, last);
    set_next(node, list);
    g(list).gc_prev.set(node as usize);
}

fn list_remove(node: *mut GcHead) {
    let p = prev(node);
    let n = next(node);
    set_next(p, n);
    set_prev(n, p);
    g(node).gc_next.set(0);
}

fn list_move(node: *mut GcHead, list: *mut GcHead) {
    let from_prev = prev(node);
    let from_next = next(node);
    set_next(from_prev, from_next);
    set_prev(from_next, from_prev);
    let to_prev = g(list).gc_prev.get() as *mut GcHead;
    set_prev(node, to_prev);
    set_next(to_prev, node);
    g(list).gc_prev.set(node as usize);
    set_next(node, list);
}

/// Moves all of `from` to the end of `to`; `from` becomes empty.
fn list_merge(from: *mut GcHead, to: *mut GcHead) {
    if !list_is_empty(from) {
        let to_tail = prev(to);
        let from_head = next(from);
        let from_tail = prev(from);
        set_next(to_tail, from_head);
        set_prev(from_head, to_tail);
        set_next(from_tail, to);
        set_prev(to, from_tail);
    }
    list_init(from);
}

fn list_size(list: *mut GcHead) -> isize {
    let mut n = 0;
    let mut p = next(list);
    while p != list {
        n += 1;
        p = next(p);
    }
    n
}

#[inline(always)]
fn get_refs(p: *mut GcHead) -> usize {
    g(p).gc_prev.get() >> REFS_SHIFT
}

#[inline(always)]
fn set_refs(p: *mut GcHead, refs: usize) {
    let h = g(p);
    h.gc_prev
        .set((h.gc_prev.get() & !PREV_MASK) | (refs << REFS_SHIFT));
}

#[inline(always)]
fn decref_refs(p: *mut GcHead) {
    let h = g(p);
    h.gc_prev.set(h.gc_prev.get() - (1 << REFS_SHIFT));
}

#[inline(always)]
fn is_collecting(p: *mut GcHead) -> bool {
    g(p).gc_prev.get() & PREV_COLLECTING != 0
}

#[inline(always)]
fn clear_collecting(p: *mut GcHead) {
    let h = g(p);
    h.gc_prev.set(h.gc_prev.get() & !PREV_COLLECTING);
}

/// `_PyGC_FINALIZED`.
///
/// # Safety
/// `op` is a live object.
pub unsafe fn is_finalized(op: *mut PyObject) -> bool {
    // SAFETY: is_gc says the header exists.
    unsafe {
        is_gc(op)
            && !std::ptr::eq((*op).ob_type.get(), &crate::objects::dict::DICT_TYPE)
            && (*as_gc(op)).gc_prev.get() & PREV_FINALIZED != 0
    }
}

/// `_PyGC_SET_FINALIZED`.
///
/// # Safety
/// `op` is a live object with a GC header.
pub unsafe fn set_finalized(op: *mut PyObject) {
    // SAFETY: the caller promises the header.
    let h = unsafe { &*as_gc(op) };
    h.gc_prev.set(h.gc_prev.get() | PREV_FINALIZED);
}

// ---------------------------------------------------------------------------
// Tracking.

/// `_PyObject_GC_TRACK`: links a container into generation 0.
///
/// # Safety
/// `op` is a live, fully valid object with a GC header, not tracked.
#[inline]
pub unsafe fn track(op: *mut PyObject) {
    let s = state();
    // SAFETY: the caller promises the header.
    let gc = unsafe { as_gc(op) };
    list_append(gc, &s.heads[0] as *const GcHead as *mut GcHead);
}

/// Tracks `op` if it has a GC header and is not tracked yet.
pub fn track_ref(op: &PyRef) {
    // SAFETY: op is live.
    unsafe {
        if is_gc(op.as_ptr()) && !is_tracked(op.as_ptr()) {
            track(op.as_ptr());
        }
    }
}

/// `_PyObject_GC_UNTRACK` (a no-op if not tracked). Keeps the FINALIZED bit.
///
/// # Safety
/// `op` is a live object with a GC header.
#[inline]
pub unsafe fn untrack(op: *mut PyObject) {
    // SAFETY: the caller promises the header.
    let gc = unsafe { as_gc(op) };
    if g(gc).gc_next.get() != 0 {
        list_remove(gc);
        let h = g(gc);
        h.gc_prev.set(h.gc_prev.get() & PREV_FINALIZED);
    }
}

/// Called by `alloc_raw` before a container is allocated (`_PyObject_GC_Link`):
/// counts it and runs the collections that are due.
#[inline(always)]
pub fn on_alloc() {
    let s = state();
    let c = s.count[0].get() + 1;
    s.count[0].set(c);
    #[cfg(feature = "gc-stress")]
    {
        // As automatic collections: not while disabled or with threshold 0.
        if s.enabled.get() && !s.collecting.get() && s.threshold[0].get() != 0 {
            let (mut every, n) = s.stress.get();
            if every == 0 {
                every = std::env::var("TAIPAN_GC_STRESS")
                    .ok()
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or(1);
            }
            let n = n + 1;
            if n >= every {
                s.stress.set((every, 0));
                s.collecting.set(true);
                collect_with_callback(2);
                s.collecting.set(false);
                return;
            }
            s.stress.set((every, n));
        }
    }
    let t = s.threshold[0].get();
    if c > t && t != 0 && s.enabled.get() && !s.collecting.get() {
        collect_due();
    }
}

/// Called when a container's memory is freed (`PyObject_GC_Del`).
#[inline(always)]
pub fn on_free() {
    let s = state();
    let c = s.count[0].get();
    if c > 0 {
        s.count[0].set(c - 1);
    }
}

#[cold]
fn collect_due() {
    let s = state();
    s.collecting.set(true);
    // gc_collect_generations
    for i in (0..NUM_GENERATIONS).rev() {
        if s.count[i].get() > s.threshold[i].get() {
            if i == NUM_GENERATIONS - 1 && s.long_lived_pending.get() < s.long_lived_total.get() / 4
            {
                continue;
            }
            collect_with_callback(i);
            break;
        }
    }
    s.collecting.set(false);
}

/// `gc.collect(generation)` (`gc_collect_impl`): the number of unreachable
/// objects found; 0 when a collection is already running.
pub fn collect_from_python(generation: usize) -> isize {
    let s = state();
    if s.collecting.get() {
        return 0;
    }
    s.collecting.set(true);
    let n = collect_with_callback(generation);
    s.collecting.set(false);
    n
}

/// `_PyGC_CollectNoFail`: the collection run at interpreter finalization
/// (no callbacks).
pub fn collect_no_fail() -> isize {
    let s = state();
    if s.collecting.get() {
        return 0;
    }
    s.collecting.set(true);
    let (n, _, _) = collect_main(NUM_GENERATIONS - 1);
    s.collecting.set(false);
    n
}

fn collect_with_callback(generation: usize) -> isize {
    invoke_callbacks("start", generation, 0, 0);
    let (n, collected, uncollectable) = collect_main(generation);
    invoke_callbacks("stop", generation, collected, uncollectable);
    n
}

fn invoke_callbacks(phase: &str, generation: usize, collected: isize, uncollectable: isize) {
    let s = state();
    let Some(cbs) = s.callbacks.get_owned() else {
        return;
    };
    let Some(list) = cbs.downcast::<crate::objects::list::PyList>() else {
        return;
    };
    if list.snapshot().is_empty() {
        return;
    }
    let info = (|| -> PyResult<PyRef> {
        use crate::objects::int::PyInt;
        let d = crate::objects::dict::PyDict::new()?;
        // SAFETY: just made a dict.
        let dd = unsafe { d.payload_unchecked::<crate::objects::dict::PyDict>() };
        dd.set_str("generation", PyInt::new(generation as i64)?)?;
        dd.set_str("collected", PyInt::new(collected as i64)?)?;
        dd.set_str("uncollectable", PyInt::new(uncollectable as i64)?)?;
        Ok(d)
    })();
    let info = match info {
        Ok(i) => i,
        Err(_) => return,
    };
    let phase = match crate::objects::str::PyStr::new(phase) {
        Ok(p) => p,
        Err(_) => return,
    };
    let mut i = 0;
    // The list may change while the callbacks run: index it afresh each time.
    while let Some(cb) = list.snapshot().get(i).cloned() {
        if let Err(e) = protocol::call(&cb, &[phase.clone(), info.clone()], None) {
            crate::objects::typeslots::write_unraisable(&cb, e);
        }
        i += 1;
    }
}

// ---------------------------------------------------------------------------
// The collection (`gc_collect_main`).

/// `tp_traverse` with the visitor inlined for exact lists, tuples and dicts
/// and for instances of classes (the bulk of most heaps); other types go
/// through their slot.
#[inline(always)]
unsafe fn traverse_inline<F: FnMut(*mut PyObject)>(op: *mut PyObject, mut visit: F) {
    // SAFETY: op is a live tracked object; a list's items and a tuple's slots are read, not changed, and the visitor runs no Python code.
    unsafe {
        let tp = (*op).ob_type.get();
        if std::ptr::eq(tp, &crate::objects::list::LIST_TYPE) {
            let l = &*(op as *const crate::objects::list::PyList);
            for it in (*l.items.get()).iter() {
                visit(it.as_ptr());
            }
        } else if std::ptr::eq(tp, &crate::objects::tuple::TUPLE_TYPE) {
            let n = (*(op as *mut PyVarObject)).ob_size.get() as usize;
            let items = crate::objects::tuple::items_ptr(op) as *const Option<PyRef>;
            for i in 0..n {
                if let Some(o) = &*items.add(i) {
                    visit(o.as_ptr());
                }
            }
        } else if std::ptr::eq(tp, &crate::objects::dict::DICT_TYPE) {
            crate::objects::dict::visit_refs(op, &mut visit);
        } else if (*tp).is_heap_type() {
            // Every heap type's traverse is `subtype_traverse`.
            crate::objects::type_::subtype_visit(op, &mut visit);
        } else {
            traverse(op, &mut visit);
        }
    }
}

#[inline(always)]
unsafe fn traverse(op: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: op is a live tracked object; its type is alive.
    unsafe {
        let ty = &*(*op).ob_type.get();
        if let Some(t) = ty.tp_traverse.get() {
            t(op, visit);
        }
    }
}

/// `update_refs`: gc_refs = ob_refcnt, and the COLLECTING flag, for every
/// object of `list`. The back links are overwritten (restored by
/// `move_unreachable`).
fn update_refs(list: *mut GcHead) {
    let mut p = next(list);
    while p != list {
        let op = from_gc(p);
        // SAFETY: p is a tracked object's header.
        let rc = unsafe { (*op).ob_refcnt.get() };
        let h = g(p);
        h.gc_prev.set(
            (h.gc_prev.get() & PREV_FINALIZED) | PREV_COLLECTING | ((rc as usize) << REFS_SHIFT),
        );
        p = next(p);
    }
}

/// `subtract_refs`: every reference from an object of the list to another
/// one being collected is taken off the referent's gc_refs.
fn subtract_refs(list: *mut GcHead) {
    let mut p = next(list);
    while p != list {
        let op = from_gc(p);
        // SAFETY: op is live; the visitor only touches headers of objects being collected.
        unsafe {
            traverse_inline(op, |r| {
                if is_gc(r) {
                    let rg = as_gc(r);
                    if is_collecting(rg) && get_refs(rg) > 0 {
                        decref_refs(rg);
                    }
                }
            });
        }
        p = next(p);
    }
}

/// `visit_reachable`: an object referenced from a reachable one is reachable.
#[inline(always)]
unsafe fn visit_reachable(op: *mut PyObject, reachable: *mut GcHead) {
    // SAFETY: op is a live object referenced by a live one.
    unsafe {
        if !is_gc(op) {
            return;
        }
        let gc = as_gc(op);
        let pv = g(gc).gc_prev.get();
        if pv & PREV_COLLECTING == 0 {
            return;
        }
        let nx = g(gc).gc_next.get();
        if nx & NEXT_UNREACHABLE != 0 {
            // Tentatively unreachable: back to the end of the young list.
            let p = prev(gc);
            let n = (nx & !NEXT_UNREACHABLE) as *mut GcHead;
            g(p).gc_next.set(nx);
            set_prev(n, p);
            list_append(gc, reachable);
            set_refs(gc, 1);
        } else if get_refs(gc) == 0 {
            set_refs(gc, 1);
        }
    }
}

/// `move_unreachable`: objects of `young` with gc_refs zero that are not
/// reachable from one above zero go to `unreachable` (flagged in gc_next);
/// the rest stay, with their back links restored and COLLECTING cleared.
fn move_unreachable(young: *mut GcHead, unreachable: *mut GcHead) {
    let mut pv = young;
    let mut p = next(young);
    while p != young {
        if get_refs(p) > 0 {
            let op = from_gc(p);
            // SAFETY: op is live; visit_reachable relinks headers only.
            unsafe { traverse_inline(op, |r| visit_reachable(r, young)) };
            set_prev(p, pv);
            clear_collecting(p);
            pv = p;
        } else {
            g(pv).gc_next.set(g(p).gc_next.get());
            let last = g(unreachable).gc_prev.get() as *mut GcHead;
            g(last).gc_next.set(NEXT_UNREACHABLE | p as usize);
            set_prev(p, last);
            g(p).gc_next.set(NEXT_UNREACHABLE | unreachable as usize);
            g(unreachable).gc_prev.set(p as usize);
        }
        p = g(pv).gc_next.get() as *mut GcHead;
    }
    g(young).gc_prev.set(pv as usize);
    let h = g(unreachable);
    h.gc_next.set(h.gc_next.get() & !NEXT_UNREACHABLE);
}

/// Clears the NEXT_UNREACHABLE flags (`move_legacy_finalizers` without
/// legacy finalizers: Taipan has no `tp_del`).
fn clear_unreachable_mask(list: *mut GcHead) {
    let mut p = next(list);
    while p != list {
        let h = g(p);
        h.gc_next.set(h.gc_next.get() & !NEXT_UNREACHABLE);
        p = next(p);
    }
}

fn deduce_unreachable(base: *mut GcHead, unreachable: *mut GcHead) {
    update_refs(base);
    subtract_refs(base);
    move_unreachable(base, unreachable);
}

/// `untrack_tuples`: exact tuples holding only untracked or atomic objects
/// are untracked (`_PyTuple_MaybeUntrack`).
fn untrack_tuples(list: *mut GcHead) {
    let mut p = next(list);
    while p != list {
        let nx = next(p);
        let op = from_gc(p);
        // SAFETY: op is a live tracked object.
        unsafe {
            if std::ptr::eq((*op).ob_type.get(), &crate::objects::tuple::TUPLE_TYPE)
                && tuple_may_untrack(op)
            {
                untrack(op);
            }
        }
        p = nx;
    }
}

unsafe fn tuple_may_untrack(op: *mut PyObject) -> bool {
    let mut ok = true;
    // SAFETY: op is a live tuple; a half-built one has empty (None) slots, which the traverse skips.
    unsafe {
        let n = (*(op as *mut PyVarObject)).ob_size.get();
        let mut seen = 0isize;
        traverse(op, &mut |r| {
            seen += 1;
            if may_be_tracked(r) {
                ok = false;
            }
        });
        ok && seen == n
    }
}

/// `_PyObject_GC_MAY_BE_TRACKED`.
unsafe fn may_be_tracked(op: *mut PyObject) -> bool {
    // SAFETY: op is live.
    unsafe {
        if !is_gc(op) {
            return false;
        }
        if std::ptr::eq((*op).ob_type.get(), &crate::objects::tuple::TUPLE_TYPE) {
            return is_tracked(op);
        }
        true
    }
}

/// The finalizer of an object (`tp_finalize`): `__del__` of heap types.
fn finalizer_of(op: &PyRef) -> Option<PyRef> {
    let ty = op.ty();
    if !ty.is_heap_type() {
        return None;
    }
    crate::objects::type_::lookup(ty, crate::intern!("__del__"))
}

/// `finalize_garbage`: calls `__del__` once on each unreachable object
/// that has one. The list may lose members meanwhile (a finalizer can free
/// objects): the first remaining object is taken each time.
fn finalize_garbage(collectable: *mut GcHead) {
    let mut seen = head();
    let seen_p = &mut seen as *mut GcHead;
    list_init(seen_p);
    while !list_is_empty(collectable) {
        let p = next(collectable);
        let op = from_gc(p);
        list_move(p, seen_p);
        // SAFETY: op is alive (it is linked); the reference taken keeps it so during the call.
        let r = unsafe { PyRef::from_borrowed(op) };
        // SAFETY: op has a GC header.
        if unsafe { !is_finalized(op) } {
            // The flag goes on before the call here (`finalize_garbage`),
            // after it on the deallocation path.
            if let Some(del) = finalizer_of(&r) {
                // SAFETY: as above.
                unsafe { set_finalized(op) };
                crate::objects::typeslots::call_finalizer(&del, &r);
            } else if crate::objects::gen::gc_finalize(&r) {
                // SAFETY: as above.
                unsafe { set_finalized(op) };
            }
        }
        drop(r);
    }
    list_merge(seen_p, collectable);
}

/// `handle_weakrefs`: clears the weak references to unreachable objects and
/// calls the callbacks of those that are themselves reachable. Returns the
/// number of weak references freed by their callback's end.
fn handle_weakrefs(unreachable: *mut GcHead) -> isize {
    let mut to_call: Vec<PyRef> = Vec::new();
    let mut p = next(unreachable);
    while p != unreachable {
        let op = from_gc(p);
        // SAFETY: op is alive (in the unreachable list); the weak reference list is unlinked by the module's code.
        unsafe {
            crate::modules::_weakref::gc_clear_ref_if_weakref(op);
            crate::modules::_weakref::gc_clear_referent(op, &mut |wr| {
                if is_gc(wr) && is_collecting(as_gc(wr)) && is_tracked(wr) {
                    return;
                }
                if crate::modules::_weakref::has_callback(wr) {
                    to_call.push(PyRef::from_borrowed(wr));
                }
            });
        }
        p = next(p);
    }
    let mut freed = 0;
    for wr in to_call {
        // SAFETY: wr is a weak reference.
        let cb = unsafe { crate::modules::_weakref::callback_of(&wr) };
        if let Some(cb) = cb {
            if let Err(e) = protocol::call(&cb, std::slice::from_ref(&wr), None) {
                crate::objects::typeslots::write_unraisable(&cb, e);
            }
        }
        if wr.refcnt() == 1 {
            freed += 1;
        }
    }
    freed
}

/// `delete_garbage`: `tp_clear` on each object left (or, with
/// DEBUG_SAVEALL, into `gc.garbage`); the ones still alive afterwards go to
/// `old`.
fn delete_garbage(collectable: *mut GcHead, old: *mut GcHead) {
    let s = state();
    while !list_is_empty(collectable) {
        let p = next(collectable);
        let op = from_gc(p);
        // SAFETY: op is alive (linked); the reference keeps it during the clear.
        let r = unsafe { PyRef::from_borrowed(op) };
        if s.debug.get() & DEBUG_SAVEALL != 0 {
            if let Some(gl) = s.garbage.get_owned() {
                if let Some(l) = gl.downcast::<crate::objects::list::PyList>() {
                    l.push(r.clone());
                }
            }
        } else if let Some(clear) = r.ty().tp_clear.get() {
            // SAFETY: r is alive.
            unsafe { clear(op) };
        }
        // Still in the list while the reference is held: move it on.
        if next(collectable) == p {
            clear_collecting(p);
            list_move(p, old);
        }
        drop(r);
    }
}

fn debug_cycle(msg: &str, op: *mut PyObject) {
    // SAFETY: op is alive.
    let name = unsafe { (*(*op).ob_type.get()).name().to_owned() };
    sys_stderr(&format!("gc: {msg} <{name} {op:p}>\n"));
}

/// `PySys_WriteStderr`: to `sys.stderr` (whatever it is now), else fd 2.
pub(crate) fn sys_stderr(text: &str) {
    if let Ok(Some(f)) = crate::modules::sys::get_attr("stderr") {
        if !f.is(&crate::objects::none::none()) {
            if let Ok(t) = crate::objects::str::PyStr::new(text) {
                if protocol::call_method(&f, "write", &[t]).is_ok() {
                    return;
                }
            }
        }
    }
    crate::modules::sys::write_stderr(text);
}

fn gen_head(i: usize) -> *mut GcHead {
    &state().heads[i] as *const GcHead as *mut GcHead
}

fn permanent_head() -> *mut GcHead {
    &state().permanent as *const GcHead as *mut GcHead
}

/// The bit of an exact dict's `gc_prev` saying it holds an instance's
/// attributes and was never asked for through `__dict__`/`vars()` (CPython
/// 3.11 keeps those attributes inline in the object, as "values", until
/// then). It is the FINALIZED bit, which an exact dict never uses otherwise.
const DICT_INLINE: usize = PREV_FINALIZED;

/// Marks the dict `instance_dict` just made for an instance of a class that
/// added the `__dict__` slot: it stays untracked (the owner's traverse
/// visits its contents, [`inline_dict`]) until it is asked for.
pub fn mark_dict_inline(d: &PyRef) {
    // SAFETY: d is live; the bit is set only on exact dicts with a header.
    unsafe {
        if d.is_exact::<crate::objects::dict::PyDict>() && is_gc(d.as_ptr()) {
            let h = &*as_gc(d.as_ptr());
            h.gc_prev.set(h.gc_prev.get() | DICT_INLINE);
        }
    }
}

/// Marks an instance's dict as asked for (`obj.__dict__`, `vars(obj)`): in
/// CPython 3.11 it then exists as an object of its own
/// (`make_dict_from_instance_attributes`), tracked when one of its keys or
/// values may be.
pub fn mark_dict_materialized(d: &PyRef) {
    let dp = d.as_ptr();
    // SAFETY: d is live; the bit is only read and cleared on exact dicts with a header.
    unsafe {
        if !d.is_exact::<crate::objects::dict::PyDict>() || !is_gc(dp) {
            return;
        }
        let h = &*as_gc(dp);
        if h.gc_prev.get() & DICT_INLINE == 0 {
            return;
        }
        h.gc_prev.set(h.gc_prev.get() & !DICT_INLINE);
        if !is_tracked(dp) {
            let mut track_it = false;
            traverse(dp, &mut |r| {
                if may_be_tracked(r) {
                    track_it = true;
                }
            });
            if track_it {
                track(dp);
            }
        }
    }
}

/// Might the exact dict `d` hold a tracked object? True when it is tracked
/// or an instance's inline dict (untracked whatever it holds): a copy of it
/// must then be tracked.
///
/// # Safety
/// `d` is a live dict.
#[inline]
pub unsafe fn dict_may_hold_tracked(d: *mut PyObject) -> bool {
    // SAFETY: d is live; is_gc says the header exists.
    unsafe { is_tracked(d) || (is_gc(d) && (*as_gc(d)).gc_prev.get() & DICT_INLINE != 0) }
}

/// Is `d` an instance's inline dict (never asked for, untracked, owned by
/// the instance alone)? Then the instance's traverse visits its contents
/// instead of it, as CPython 3.11's `_PyObject_VisitInstanceAttributes`
/// visits the inline values: the collector sees one object where CPython
/// sees one. A dict someone else also holds for the moment (a count above
/// one) is visited as itself; being untracked, its contents then count as
/// referenced from outside, which only keeps them alive.
///
/// # Safety
/// `d` is a live object.
#[inline(always)]
pub unsafe fn inline_dict(d: *mut PyObject) -> bool {
    // SAFETY: d is live; exact dicts always have a header.
    unsafe {
        std::ptr::eq((*d).ob_type.get(), &crate::objects::dict::DICT_TYPE)
            && (*d).ob_refcnt.get() == 1
            && {
                let h = &*as_gc(d);
                h.gc_next.get() == 0 && h.gc_prev.get() & DICT_INLINE != 0
            }
    }
}

/// `gc_collect_main`: returns (unreachable found, collected, uncollectable).
fn collect_main(generation: usize) -> (isize, isize, isize) {
    let s = state();
    let debug = s.debug.get();
    let t1 = std::time::Instant::now();
    if debug & DEBUG_STATS != 0 {
        sys_stderr(&format!("gc: collecting generation {generation}...\n"));
        show_stats();
    }
    if generation + 1 < NUM_GENERATIONS {
        s.count[generation + 1].set(s.count[generation + 1].get() + 1);
    }
    for i in 0..=generation {
        s.count[i].set(0);
    }
    for i in 0..generation {
        list_merge(gen_head(i), gen_head(generation));
    }
    let young = gen_head(generation);
    let old = if generation < NUM_GENERATIONS - 1 {
        gen_head(generation + 1)
    } else {
        young
    };

    let mut unreachable = head();
    let unreachable_p = &mut unreachable as *mut GcHead;
    list_init(unreachable_p);
    deduce_unreachable(young, unreachable_p);
    untrack_tuples(young);
    if young != old {
        if generation == NUM_GENERATIONS - 2 {
            s.long_lived_pending
                .set(s.long_lived_pending.get() + list_size(young));
        }
        list_merge(young, old);
    } else {
        untrack_dicts(young);
        s.long_lived_pending.set(0);
        s.long_lived_total.set(list_size(young));
    }
    clear_unreachable_mask(unreachable_p);

    if debug & DEBUG_COLLECTABLE != 0 {
        let mut p = next(unreachable_p);
        while p != unreachable_p {
            debug_cycle("collectable", from_gc(p));
            p = next(p);
        }
    }

    let mut m = handle_weakrefs(unreachable_p);
    finalize_garbage(unreachable_p);

    // handle_resurrected_objects: what a finalizer made reachable again
    // goes to the old generation; the rest is still garbage.
    let mut still = head();
    let still_p = &mut still as *mut GcHead;
    list_init(still_p);
    deduce_unreachable(unreachable_p, still_p);
    clear_unreachable_mask(still_p);
    list_merge(unreachable_p, old);

    m += list_size(still_p);
    delete_garbage(still_p, old);

    let n = 0;
    if debug & DEBUG_STATS != 0 {
        let d = t1.elapsed().as_secs_f64();
        sys_stderr(&format!(
            "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
            n + m,
            n,
            d
        ));
    }
    let st = &s.stats[generation];
    st.collections.set(st.collections.get() + 1);
    st.collected.set(st.collected.get() + m);
    st.uncollectable.set(st.uncollectable.get() + n);
    (n + m, m, n)
}

fn show_stats() {
    let mut buf = String::new();
    for i in 0..NUM_GENERATIONS {
        buf.push_str(&format!(" {}", list_size(gen_head(i))));
    }
    sys_stderr(&format!(
        "gc: objects in each generation:{buf}\ngc: objects in permanent generation: {}\n",
        list_size(permanent_head())
    ));
}

/// `untrack_dicts`: exact dicts whose keys and values cannot be part of a
/// cycle are untracked (`_PyDict_MaybeUntrack`); inserting a container
/// tracks them again.
fn untrack_dicts(list: *mut GcHead) {
    let mut p = next(list);
    while p != list {
        let nx = next(p);
        let op = from_gc(p);
        // SAFETY: op is a live tracked object.
        unsafe {
            if std::ptr::eq((*op).ob_type.get(), &crate::objects::dict::DICT_TYPE) {
                let mut ok = true;
                traverse(op, &mut |r| {
                    if may_be_tracked(r) {
                        ok = false;
                    }
                });
                if ok {
                    untrack(op);
                }
            }
        }
        p = nx;
    }
}

/// Called by the dict's insertion paths (`MAINTAIN_TRACKING`): a dict that
/// is not tracked becomes tracked when a value that may be tracked goes in.
#[inline]
pub fn maintain_dict_tracking(dict: &crate::objects::dict::PyDict, key: &PyRef, value: &PyRef) {
    let d = dict as *const crate::objects::dict::PyDict as *mut PyObject;
    // SAFETY: d is a live dict (borrowed from the caller); key and value are live.
    unsafe {
        if is_gc(d)
            && !is_tracked(d)
            && (*as_gc(d)).gc_prev.get() & DICT_INLINE == 0
            && (may_be_tracked(key.as_ptr()) || may_be_tracked(value.as_ptr()))
        {
            track(d);
        }
    }
}

// ---------------------------------------------------------------------------
// What the `gc` module asks.

/// Every tracked object of a generation (or of all, `None`), new references.
pub fn objects(generation: Option<usize>) -> Vec<PyRef> {
    let mut out = Vec::new();
    let gens: Vec<usize> = match generation {
        Some(g) => vec![g],
        None => (0..NUM_GENERATIONS).collect(),
    };
    for i in gens {
        let h = gen_head(i);
        let mut p = next(h);
        while p != h {
            // SAFETY: p is a tracked object's header.
            out.push(unsafe { PyRef::from_borrowed(from_gc(p)) });
            p = next(p);
        }
    }
    out
}

/// The objects of every generation that refer to one of `targets`
/// (`gc.get_referrers`).
pub fn referrers(targets: &[PyRef]) -> Vec<PyRef> {
    let mut out = Vec::new();
    for i in 0..NUM_GENERATIONS {
        let h = gen_head(i);
        let mut p = next(h);
        while p != h {
            let op = from_gc(p);
            let mut hit = false;
            // SAFETY: op is tracked, hence alive.
            unsafe {
                traverse(op, &mut |r| {
                    if targets.iter().any(|t| t.as_ptr() == r) {
                        hit = true;
                    }
                })
            };
            if hit {
                // SAFETY: as above.
                out.push(unsafe { PyRef::from_borrowed(op) });
            }
            p = next(p);
        }
    }
    out
}

/// The sizes of the generations (`gc.get_count` uses the counters instead).
pub fn generation_size(i: usize) -> isize {
    list_size(gen_head(i))
}

/// `gc.freeze()`: everything tracked moves to the permanent generation.
pub fn freeze() {
    let s = state();
    for i in 0..NUM_GENERATIONS {
        list_merge(gen_head(i), permanent_head());
        s.count[i].set(0);
    }
}

/// `gc.unfreeze()`: the permanent generation goes back to the oldest.
pub fn unfreeze() {
    list_merge(permanent_head(), gen_head(NUM_GENERATIONS - 1));
}

pub fn freeze_count() -> isize {
    list_size(permanent_head())
}
