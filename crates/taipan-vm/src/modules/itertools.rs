//! The `itertools` module (CPython's `Modules/itertoolsmodule.c`): the
//! infinite iterators (`count`, `cycle`, `repeat`), the terminating ones
//! (`accumulate`, `chain`, `compress`, `dropwhile`, `filterfalse`,
//! `groupby`, `islice`, `pairwise`, `starmap`, `takewhile`, `tee`,
//! `zip_longest`) and the combinatoric ones (`product`, `permutations`,
//! `combinations`, `combinations_with_replacement`).
//!
//! Every iterator type shares one payload, a state enum; `next` clones what
//! it needs out of the state before calling back into Python and writes the
//! new state afterwards, so re-entrant calls never see a live borrow.
//! `tee` objects share a buffer of the items some of them has not returned
//! yet (CPython keeps linked blocks of 57 items).

use std::cell::{Cell, RefCell, UnsafeCell};

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use crate::modules::builtins::{check_nargs, parse, KwArgs};
use crate::object::protocol;
use crate::object::*;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// Shared state of a family of `tee` iterators: the items read from the
/// source that some tee has not yet returned (`buf[0]` is item `base`), and
/// how many tees stand at each position, so that items every tee has passed
/// are freed.
pub struct TeeShared {
    it: Option<PyRef>,
    buf: VecDeque<PyRef>,
    base: usize,
    positions: BTreeMap<usize, usize>,
}

impl TeeShared {
    fn enter(&mut self, index: usize) {
        *self.positions.entry(index).or_insert(0) += 1;
    }

    fn leave(&mut self, index: usize) {
        if let Some(n) = self.positions.get_mut(&index) {
            *n -= 1;
            if *n == 0 {
                self.positions.remove(&index);
            }
        }
    }

    /// Takes out the items no tee needs any more (dropped by the caller
    /// once no borrow is alive).
    fn trim(&mut self) -> Vec<PyRef> {
        let min = self.positions.keys().next().copied().unwrap_or(usize::MAX);
        let mut out = Vec::new();
        while self.base < min {
            match self.buf.pop_front() {
                Some(v) => {
                    out.push(v);
                    self.base += 1;
                }
                None => break,
            }
        }
        out
    }
}

/// One tee's place in its family.
pub struct TeeHandle {
    shared: Rc<RefCell<TeeShared>>,
    index: usize,
}

impl TeeHandle {
    fn new(shared: Rc<RefCell<TeeShared>>, index: usize) -> TeeHandle {
        if let Ok(mut s) = shared.try_borrow_mut() {
            s.enter(index);
        }
        TeeHandle { shared, index }
    }

    /// Moves to the next position; returns the items to drop.
    fn advance(&mut self) -> Vec<PyRef> {
        let Ok(mut s) = self.shared.try_borrow_mut() else {
            return Vec::new();
        };
        s.leave(self.index);
        self.index += 1;
        s.enter(self.index);
        s.trim()
    }
}

impl Drop for TeeHandle {
    fn drop(&mut self) {
        let freed = match self.shared.try_borrow_mut() {
            Ok(mut s) => {
                s.leave(self.index);
                s.trim()
            }
            Err(_) => Vec::new(),
        };
        drop(freed);
    }
}

enum St {
    Count {
        cnt: PyRef,
        step: PyRef,
    },
    Cycle {
        it: Option<PyRef>,
        saved: Vec<PyRef>,
        index: usize,
    },
    Repeat {
        obj: PyRef,
        cnt: i64,
    },
    Accumulate {
        it: PyRef,
        func: Option<PyRef>,
        total: Option<PyRef>,
        initial: Option<PyRef>,
    },
    Chain {
        source: Option<PyRef>,
        active: Option<PyRef>,
    },
    Compress {
        data: PyRef,
        sel: PyRef,
    },
    DropWhile {
        func: PyRef,
        it: PyRef,
        start: bool,
    },
    TakeWhile {
        func: PyRef,
        it: PyRef,
        stop: bool,
    },
    FilterFalse {
        func: PyRef,
        it: PyRef,
    },
    GroupBy {
        it: PyRef,
        keyfunc: Option<PyRef>,
        tgtkey: Option<PyRef>,
        currkey: Option<PyRef>,
        currvalue: Option<PyRef>,
        currgrouper: usize,
    },
    Grouper {
        parent: PyRef,
        tgtkey: PyRef,
    },
    ISlice {
        it: Option<PyRef>,
        next: usize,
        stop: Option<usize>,
        step: usize,
        cnt: usize,
    },
    Pairwise {
        it: Option<PyRef>,
        old: Option<PyRef>,
    },
    StarMap {
        func: PyRef,
        it: PyRef,
    },
    Tee(TeeHandle),
    ZipLongest {
        its: Vec<Option<PyRef>>,
        active: usize,
        fill: PyRef,
    },
    Product {
        pools: Vec<Vec<PyRef>>,
        indices: Vec<usize>,
        started: bool,
        stopped: bool,
    },
    Permutations {
        pool: Vec<PyRef>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        started: bool,
        stopped: bool,
    },
    Combinations {
        pool: Vec<PyRef>,
        r: usize,
        indices: Vec<usize>,
        started: bool,
        stopped: bool,
        repl: bool,
    },
}

impl St {
    fn visit(&self, visit: &mut dyn FnMut(*mut PyObject)) {
        let mut v = |o: &PyRef| visit(o.as_ptr());
        let vo = |o: &Option<PyRef>, v: &mut dyn FnMut(&PyRef)| {
            if let Some(o) = o {
                v(o)
            }
        };
        match self {
            St::Count { cnt, step } => {
                v(cnt);
                v(step)
            }
            St::Cycle { it, saved, .. } => {
                vo(it, &mut v);
                saved.iter().for_each(&mut v);
            }
            St::Repeat { obj, .. } => v(obj),
            St::Accumulate {
                it,
                func,
                total,
                initial,
            } => {
                v(it);
                vo(func, &mut v);
                vo(total, &mut v);
                vo(initial, &mut v);
            }
            St::Chain { source, active } => {
                vo(source, &mut v);
                vo(active, &mut v);
            }
            St::Compress { data, sel } => {
                v(data);
                v(sel)
            }
            St::DropWhile { func, it, .. } | St::TakeWhile { func, it, .. } => {
                v(func);
                v(it)
            }
            St::FilterFalse { func, it } | St::StarMap { func, it } => {
                v(func);
                v(it)
            }
            St::GroupBy {
                it,
                keyfunc,
                tgtkey,
                currkey,
                currvalue,
                ..
            } => {
                v(it);
                vo(keyfunc, &mut v);
                vo(tgtkey, &mut v);
                vo(currkey, &mut v);
                vo(currvalue, &mut v);
            }
            St::Grouper { parent, tgtkey } => {
                v(parent);
                v(tgtkey)
            }
            St::ISlice { it, .. } | St::Pairwise { it, .. } => vo(it, &mut v),
            St::Tee(h) => {
                if let Ok(s) = h.shared.try_borrow() {
                    vo(&s.it, &mut v);
                    s.buf.iter().for_each(&mut v);
                }
            }
            St::ZipLongest { its, fill, .. } => {
                its.iter().for_each(|i| vo(i, &mut v));
                v(fill)
            }
            St::Product { pools, .. } => pools.iter().flatten().for_each(&mut v),
            St::Permutations { pool, .. } | St::Combinations { pool, .. } => {
                pool.iter().for_each(&mut v)
            }
        }
    }
}

/// The payload of every itertools iterator.
#[repr(C)]
pub struct PyTool {
    pub ob_base: PyObject,
    st: UnsafeCell<Option<St>>,
}

// SAFETY: repr(C), header first; every type of this file shares the layout.
unsafe impl PyPayload for PyTool {
    fn type_object() -> &'static PyType {
        &COUNT_TYPE
    }
}

unsafe fn drop_tool(obj: *mut PyObject) {
    // SAFETY: obj is a dead tool; its state is taken out and dropped after.
    let st = unsafe { (*(*(obj as *const PyTool)).st.get()).take() };
    drop(st);
}

unsafe fn traverse_tool(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: obj is a live tool; the visit does not run Python code.
    unsafe {
        if let Some(s) = &*(*(obj as *const PyTool)).st.get() {
            s.visit(visit);
        }
    }
}

/// Runs `f` on the state (which must not call into Python).
fn with<R>(o: &PyRef, f: impl FnOnce(&mut St) -> R) -> Option<R> {
    // SAFETY: every type of this file has the PyTool layout; the borrow lasts only for `f`, which does not run Python code.
    unsafe {
        let p = o.as_ptr() as *const PyTool;
        (*(*p).st.get()).as_mut().map(f)
    }
}

fn make(cls: &PyRef, st: St) -> PyResult<PyRef> {
    let ty = crate::objects::type_::as_type(cls)
        .ok_or_else(|| PyErr::type_error("__new__(X): X is not a type object"))?;
    alloc_object(
        ty,
        PyTool {
            ob_base: PyObject::NEW,
            st: UnsafeCell::new(Some(st)),
        },
    )
}

fn make_static(ty: &'static PyType, st: St) -> PyResult<PyRef> {
    alloc_object(
        ty,
        PyTool {
            ob_base: PyObject::NEW,
            st: UnsafeCell::new(Some(st)),
        },
    )
}

macro_rules! tool_type {
    ($stat:ident, $name:expr, $new:expr, $next:expr) => {
        tool_type!($stat, $name, $new, $next, None, &[]);
    };
    ($stat:ident, $name:expr, $new:expr, $next:expr, $repr:expr, $methods:expr) => {
        pub static $stat: PyType = PyType {
            tp_name: $name,
            tp_basicsize: Cell::new(std::mem::size_of::<PyTool>()),
            tp_flags: Cell::new(TypeFlags::BASETYPE | TypeFlags::HAVE_GC),
            tp_drop: Some(drop_tool),
            tp_traverse: Cell::new(Some(traverse_tool)),
            tp_iter: Cell::new(Some(crate::objects::iter::self_iter)),
            tp_iternext: Cell::new(Some($next)),
            tp_new: Cell::new($new),
            tp_repr: Cell::new($repr),
            tp_methods: $methods,
            ..PyType::BASE
        };
    };
}

tool_type!(
    COUNT_TYPE,
    "itertools.count",
    Some(count_new),
    count_next,
    Some(count_repr),
    &[]
);
tool_type!(CYCLE_TYPE, "itertools.cycle", Some(cycle_new), cycle_next);
tool_type!(
    REPEAT_TYPE,
    "itertools.repeat",
    Some(repeat_new),
    repeat_next,
    Some(repeat_repr),
    &[MethodDef::new("__length_hint__", Meth::NoArgs(repeat_len))]
);
tool_type!(
    ACCUMULATE_TYPE,
    "itertools.accumulate",
    Some(accumulate_new),
    accumulate_next
);
tool_type!(
    CHAIN_TYPE,
    "itertools.chain",
    Some(chain_new),
    chain_next,
    None,
    &[
        MethodDef::class("from_iterable", Meth::O(chain_from_iterable)),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem)
        ),
    ]
);
tool_type!(
    COMPRESS_TYPE,
    "itertools.compress",
    Some(compress_new),
    compress_next
);
tool_type!(
    DROPWHILE_TYPE,
    "itertools.dropwhile",
    Some(dropwhile_new),
    dropwhile_next
);
tool_type!(
    TAKEWHILE_TYPE,
    "itertools.takewhile",
    Some(takewhile_new),
    takewhile_next
);
tool_type!(
    FILTERFALSE_TYPE,
    "itertools.filterfalse",
    Some(filterfalse_new),
    filterfalse_next
);
tool_type!(
    GROUPBY_TYPE,
    "itertools.groupby",
    Some(groupby_new),
    groupby_next
);
tool_type!(GROUPER_TYPE, "itertools._grouper", None, grouper_next);
tool_type!(
    ISLICE_TYPE,
    "itertools.islice",
    Some(islice_new),
    islice_next
);
tool_type!(
    PAIRWISE_TYPE,
    "itertools.pairwise",
    Some(pairwise_new),
    pairwise_next
);
tool_type!(
    STARMAP_TYPE,
    "itertools.starmap",
    Some(starmap_new),
    starmap_next
);
tool_type!(
    TEE_TYPE,
    "itertools._tee",
    Some(tee_type_new),
    tee_next,
    None,
    &[MethodDef::new("__copy__", Meth::NoArgs(tee_copy))]
);
tool_type!(
    ZIP_LONGEST_TYPE,
    "itertools.zip_longest",
    Some(zip_longest_new),
    zip_longest_next
);
tool_type!(
    PRODUCT_TYPE,
    "itertools.product",
    Some(product_new),
    product_next
);
tool_type!(
    PERMUTATIONS_TYPE,
    "itertools.permutations",
    Some(permutations_new),
    permutations_next
);
tool_type!(
    COMBINATIONS_TYPE,
    "itertools.combinations",
    Some(combinations_new),
    combinations_next
);
tool_type!(
    CWR_TYPE,
    "itertools.combinations_with_replacement",
    Some(cwr_new),
    combinations_next
);

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[
    &COUNT_TYPE,
    &CYCLE_TYPE,
    &REPEAT_TYPE,
    &ACCUMULATE_TYPE,
    &CHAIN_TYPE,
    &COMPRESS_TYPE,
    &DROPWHILE_TYPE,
    &TAKEWHILE_TYPE,
    &FILTERFALSE_TYPE,
    &GROUPBY_TYPE,
    &GROUPER_TYPE,
    &ISLICE_TYPE,
    &PAIRWISE_TYPE,
    &STARMAP_TYPE,
    &TEE_TYPE,
    &ZIP_LONGEST_TYPE,
    &PRODUCT_TYPE,
    &PERMUTATIONS_TYPE,
    &COMBINATIONS_TYPE,
    &CWR_TYPE,
];

fn nkw(kwnames: Option<&PyRef>) -> usize {
    crate::objects::slice::nkw(kwnames)
}

fn no_kw(name: &str, cls: &PyRef, base: &PyType, kwnames: Option<&PyRef>) -> PyResult<()> {
    let exact = crate::objects::type_::as_type(cls).is_some_and(|t| std::ptr::eq(t, base));
    if exact && nkw(kwnames) > 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

fn pos<'a>(args: &'a [PyRef], kwnames: Option<&PyRef>) -> &'a [PyRef] {
    &args[..args.len() - nkw(kwnames).min(args.len())]
}

fn is_number(o: &PyRef) -> bool {
    let n = &o.ty().as_number;
    n.nb_index.get().is_some()
        || n.nb_int.get().is_some()
        || n.nb_float.get().is_some()
        || o.is_instance_of::<crate::objects::complex::PyComplex>()
}

// ---------------------------------------------------------------------------
// count, cycle, repeat

fn count_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("count", args, kwnames, &["start", "step"], 0)?;
    let cnt = a[0].clone().unwrap_or(PyInt::new(0)?);
    let step = a[1].clone().unwrap_or(PyInt::new(1)?);
    if !is_number(&cnt) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    make(cls, St::Count { cnt, step })
}

fn count_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((cnt, step)) = with(o, |s| match s {
        St::Count { cnt, step } => Some((cnt.clone(), step.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    let n = protocol::binary_op(&cnt, &step, protocol::ADD)?;
    with(o, |s| {
        if let St::Count { cnt, .. } = s {
            *cnt = n;
        }
    });
    Ok(Some(cnt))
}

fn is_int_one(o: &PyRef) -> bool {
    o.is_exact::<PyInt>() && o.downcast::<PyInt>().and_then(|i| i.as_i64()) == Some(1)
}

fn count_repr(o: &PyRef) -> PyResult<PyRef> {
    let (cnt, step) = with(o, |s| match s {
        St::Count { cnt, step } => (cnt.clone(), step.clone()),
        _ => (none(), none()),
    })
    .unwrap_or((none(), none()));
    let name = o.ty().name().to_owned();
    let s = if is_int_one(&step) {
        format!("{name}({})", protocol::repr_string(&cnt)?)
    } else {
        format!(
            "{name}({}, {})",
            protocol::repr_string(&cnt)?,
            protocol::repr_string(&step)?
        )
    };
    PyStr::new(&s)
}

fn cycle_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kw("cycle", cls, &CYCLE_TYPE, kwnames)?;
    let p = pos(args, kwnames);
    check_nargs("cycle", p.len(), 1, 1)?;
    let it = protocol::get_iter(&p[0])?;
    make(
        cls,
        St::Cycle {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
        },
    )
}

fn cycle_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let it = with(o, |s| match s {
        St::Cycle { it, .. } => it.clone(),
        _ => None,
    })
    .flatten();
    if let Some(it) = it {
        match protocol::next(&it)? {
            Some(v) => {
                with(o, |s| {
                    if let St::Cycle { saved, .. } = s {
                        saved.push(v.clone());
                    }
                });
                return Ok(Some(v));
            }
            None => {
                with(o, |s| {
                    if let St::Cycle { it, .. } = s {
                        *it = None;
                    }
                });
            }
        }
    }
    Ok(with(o, |s| match s {
        St::Cycle { saved, index, .. } => {
            if saved.is_empty() {
                return None;
            }
            let v = saved[*index % saved.len()].clone();
            *index = (*index + 1) % saved.len();
            Some(v)
        }
        _ => None,
    })
    .flatten())
}

fn repeat_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("repeat", args, kwnames, &["object", "times"], 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let cnt = match &a[1] {
        Some(t) => crate::objects::int::as_i64(t)?.max(0),
        None => -1,
    };
    make(cls, St::Repeat { obj, cnt })
}

fn repeat_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(with(o, |s| match s {
        St::Repeat { obj, cnt } => {
            if *cnt == 0 {
                None
            } else {
                if *cnt > 0 {
                    *cnt -= 1;
                }
                Some(obj.clone())
            }
        }
        _ => None,
    })
    .flatten())
}

fn repeat_repr(o: &PyRef) -> PyResult<PyRef> {
    let (obj, cnt) = with(o, |s| match s {
        St::Repeat { obj, cnt } => (obj.clone(), *cnt),
        _ => (none(), 0),
    })
    .unwrap_or((none(), 0));
    let name = o.ty().name().to_owned();
    let s = if cnt < 0 {
        format!("{name}({})", protocol::repr_string(&obj)?)
    } else {
        format!("{name}({}, {cnt})", protocol::repr_string(&obj)?)
    };
    PyStr::new(&s)
}

fn repeat_len(o: &PyRef) -> PyResult<PyRef> {
    let cnt = with(o, |s| match s {
        St::Repeat { cnt, .. } => *cnt,
        _ => 0,
    })
    .unwrap_or(0);
    if cnt < 0 {
        return Err(PyErr::type_error("len() of unsized object"));
    }
    PyInt::new(cnt)
}

// ---------------------------------------------------------------------------
// accumulate, chain, compress, dropwhile, takewhile, filterfalse

fn accumulate_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = KwArgs::new(args, kwnames);
    let initial = kw.take("initial").cloned().filter(|i| !i.is_none());
    let pos_func = kw.pos.get(1).cloned();
    let kw_func = kw.take("func").cloned();
    let kw_iter = kw.take("iterable").cloned();
    kw.finish("accumulate")?;
    if kw.pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "accumulate() takes at most 2 arguments ({} given)",
            kw.pos.len()
        )));
    }
    let iterable = match kw.pos.first().cloned().or(kw_iter) {
        Some(i) => i,
        None => {
            return Err(PyErr::type_error(
                "accumulate() missing required argument 'iterable' (pos 1)",
            ))
        }
    };
    let func = pos_func.or(kw_func).filter(|f| !f.is_none());
    let it = protocol::get_iter(&iterable)?;
    make(
        cls,
        St::Accumulate {
            it,
            func,
            total: None,
            initial,
        },
    )
}

fn accumulate_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((it, func, total, initial)) = with(o, |s| match s {
        St::Accumulate {
            it,
            func,
            total,
            initial,
        } => Some((it.clone(), func.clone(), total.clone(), initial.take())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    if let Some(init) = initial {
        with(o, |s| {
            if let St::Accumulate { total, .. } = s {
                *total = Some(init.clone());
            }
        });
        return Ok(Some(init));
    }
    let Some(v) = protocol::next(&it)? else {
        return Ok(None);
    };
    let new = match total {
        None => v,
        Some(t) => match func {
            None => protocol::binary_op(&t, &v, protocol::ADD)?,
            Some(f) => protocol::call1(&f, &[t, v])?,
        },
    };
    with(o, |s| {
        if let St::Accumulate { total, .. } = s {
            *total = Some(new.clone());
        }
    });
    Ok(Some(new))
}

fn chain_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kw("chain", cls, &CHAIN_TYPE, kwnames)?;
    let p = pos(args, kwnames);
    let t = PyTuple::new(p.to_vec())?;
    let source = protocol::get_iter(&t)?;
    make(
        cls,
        St::Chain {
            source: Some(source),
            active: None,
        },
    )
}

fn chain_from_iterable(cls: &PyRef, iterable: &PyRef) -> PyResult<PyRef> {
    let source = protocol::get_iter(iterable)?;
    make(
        cls,
        St::Chain {
            source: Some(source),
            active: None,
        },
    )
}

fn chain_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    loop {
        let Some((source, active)) = with(o, |s| match s {
            St::Chain { source, active } => Some((source.clone(), active.clone())),
            _ => None,
        })
        .flatten() else {
            return Ok(None);
        };
        if let Some(a) = active {
            if let Some(v) = protocol::next(&a)? {
                return Ok(Some(v));
            }
            let old = with(o, |s| match s {
                St::Chain { active, .. } => active.take(),
                _ => None,
            });
            drop(old);
            continue;
        }
        let Some(src) = source else {
            return Ok(None);
        };
        match protocol::next(&src)? {
            Some(iterable) => {
                let it = protocol::get_iter(&iterable);
                let it = match it {
                    Ok(i) => i,
                    Err(e) => {
                        let old = with(o, |s| match s {
                            St::Chain { source, .. } => source.take(),
                            _ => None,
                        });
                        drop(old);
                        return Err(e);
                    }
                };
                let old = with(o, |s| match s {
                    St::Chain { active, .. } => active.replace(it),
                    _ => None,
                });
                drop(old);
            }
            None => {
                let old = with(o, |s| match s {
                    St::Chain { source, .. } => source.take(),
                    _ => None,
                });
                drop(old);
                return Ok(None);
            }
        }
    }
}

fn compress_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("compress", args, kwnames, &["data", "selectors"], 2)?;
    let data = protocol::get_iter(a[0].as_ref().unwrap_or(&none()))?;
    let sel = protocol::get_iter(a[1].as_ref().unwrap_or(&none()))?;
    make(cls, St::Compress { data, sel })
}

fn compress_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((data, sel)) = with(o, |s| match s {
        St::Compress { data, sel } => Some((data.clone(), sel.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    loop {
        let Some(d) = protocol::next(&data)? else {
            return Ok(None);
        };
        let Some(s) = protocol::next(&sel)? else {
            return Ok(None);
        };
        if protocol::is_true(&s)? {
            return Ok(Some(d));
        }
    }
}

fn func_it(
    name: &str,
    cls: &PyRef,
    base: &PyType,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<(PyRef, PyRef)> {
    no_kw(name, cls, base, kwnames)?;
    let p = pos(args, kwnames);
    check_nargs(name, p.len(), 2, 2)?;
    Ok((p[0].clone(), protocol::get_iter(&p[1])?))
}

fn dropwhile_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (func, it) = func_it("dropwhile", cls, &DROPWHILE_TYPE, args, kwnames)?;
    make(
        cls,
        St::DropWhile {
            func,
            it,
            start: false,
        },
    )
}

fn dropwhile_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((func, it, start)) = with(o, |s| match s {
        St::DropWhile { func, it, start } => Some((func.clone(), it.clone(), *start)),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    loop {
        let Some(v) = protocol::next(&it)? else {
            return Ok(None);
        };
        if start {
            return Ok(Some(v));
        }
        let r = protocol::call1(&func, std::slice::from_ref(&v))?;
        if !protocol::is_true(&r)? {
            with(o, |s| {
                if let St::DropWhile { start, .. } = s {
                    *start = true;
                }
            });
            return Ok(Some(v));
        }
    }
}

fn takewhile_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (func, it) = func_it("takewhile", cls, &TAKEWHILE_TYPE, args, kwnames)?;
    make(
        cls,
        St::TakeWhile {
            func,
            it,
            stop: false,
        },
    )
}

fn takewhile_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((func, it, stop)) = with(o, |s| match s {
        St::TakeWhile { func, it, stop } => Some((func.clone(), it.clone(), *stop)),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    if stop {
        return Ok(None);
    }
    let Some(v) = protocol::next(&it)? else {
        return Ok(None);
    };
    let r = protocol::call1(&func, std::slice::from_ref(&v))?;
    if protocol::is_true(&r)? {
        return Ok(Some(v));
    }
    with(o, |s| {
        if let St::TakeWhile { stop, .. } = s {
            *stop = true;
        }
    });
    Ok(None)
}

fn filterfalse_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (func, it) = func_it("filterfalse", cls, &FILTERFALSE_TYPE, args, kwnames)?;
    make(cls, St::FilterFalse { func, it })
}

fn filterfalse_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((func, it)) = with(o, |s| match s {
        St::FilterFalse { func, it } => Some((func.clone(), it.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    loop {
        let Some(v) = protocol::next(&it)? else {
            return Ok(None);
        };
        let ok = if func.is_none() || func.is(&crate::objects::bool_::BOOL_TYPE.as_pyref()) {
            protocol::is_true(&v)?
        } else {
            let r = protocol::call1(&func, std::slice::from_ref(&v))?;
            protocol::is_true(&r)?
        };
        if !ok {
            return Ok(Some(v));
        }
    }
}

// ---------------------------------------------------------------------------
// groupby

fn groupby_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("groupby", args, kwnames, &["iterable", "key"], 1)?;
    let it = protocol::get_iter(a[0].as_ref().unwrap_or(&none()))?;
    let keyfunc = a[1].clone().filter(|k| !k.is_none());
    make(
        cls,
        St::GroupBy {
            it,
            keyfunc,
            tgtkey: None,
            currkey: None,
            currvalue: None,
            currgrouper: 0,
        },
    )
}

/// `groupby_step`: reads the next value and its key; false at the end.
fn groupby_step(g: &PyRef) -> PyResult<bool> {
    let Some((it, keyfunc)) = with(g, |s| match s {
        St::GroupBy { it, keyfunc, .. } => Some((it.clone(), keyfunc.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(false);
    };
    let Some(v) = protocol::next(&it)? else {
        return Ok(false);
    };
    let k = match keyfunc {
        Some(f) => protocol::call1(&f, std::slice::from_ref(&v))?,
        None => v.clone(),
    };
    let old = with(g, |s| match s {
        St::GroupBy {
            currkey, currvalue, ..
        } => (currkey.replace(k), currvalue.replace(v)),
        _ => (None, None),
    });
    drop(old);
    Ok(true)
}

fn groupby_next(g: &PyRef) -> PyResult<Option<PyRef>> {
    with(g, |s| {
        if let St::GroupBy { currgrouper, .. } = s {
            *currgrouper = 0;
        }
    });
    loop {
        let Some((tgt, curr)) = with(g, |s| match s {
            St::GroupBy {
                tgtkey, currkey, ..
            } => Some((tgtkey.clone(), currkey.clone())),
            _ => None,
        })
        .flatten() else {
            return Ok(None);
        };
        if let Some(c) = &curr {
            match &tgt {
                None => break,
                Some(t) => {
                    if !protocol::rich_compare_bool(t, c, CompareOp::Eq)? {
                        break;
                    }
                }
            }
        }
        if !groupby_step(g)? {
            return Ok(None);
        }
    }
    let Some(key) = with(g, |s| match s {
        St::GroupBy {
            tgtkey, currkey, ..
        } => {
            let k = currkey.clone();
            let old = std::mem::replace(tgtkey, k.clone());
            (k, old)
        }
        _ => (None, None),
    })
    .and_then(|(k, old)| {
        drop(old);
        k
    }) else {
        return Ok(None);
    };
    let grouper = make_static(
        &GROUPER_TYPE,
        St::Grouper {
            parent: g.clone(),
            tgtkey: key.clone(),
        },
    )?;
    let gid = grouper.id();
    with(g, |s| {
        if let St::GroupBy { currgrouper, .. } = s {
            *currgrouper = gid;
        }
    });
    PyTuple::new(vec![key, grouper]).map(Some)
}

fn grouper_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((parent, tgtkey)) = with(o, |s| match s {
        St::Grouper { parent, tgtkey } => Some((parent.clone(), tgtkey.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    let me = o.id();
    let current = with(&parent, |s| match s {
        St::GroupBy {
            currgrouper,
            currvalue,
            ..
        } => (*currgrouper == me, currvalue.is_some()),
        _ => (false, false),
    })
    .unwrap_or((false, false));
    if !current.0 {
        return Ok(None);
    }
    if !current.1 && !groupby_step(&parent)? {
        return Ok(None);
    }
    let Some(currkey) = with(&parent, |s| match s {
        St::GroupBy { currkey, .. } => currkey.clone(),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    if !protocol::rich_compare_bool(&tgtkey, &currkey, CompareOp::Eq)? {
        return Ok(None);
    }
    let taken = with(&parent, |s| match s {
        St::GroupBy {
            currvalue, currkey, ..
        } => (currvalue.take(), currkey.take()),
        _ => (None, None),
    })
    .unwrap_or((None, None));
    Ok(taken.0)
}

// ---------------------------------------------------------------------------
// islice, pairwise, starmap

fn islice_index(o: &PyRef, msg: &str) -> PyResult<Option<usize>> {
    if o.is_none() {
        return Ok(None);
    }
    if o.ty().as_number.nb_index.get().is_none() {
        return Err(PyErr::value_error(msg));
    }
    let i = protocol::index(o)?;
    // SAFETY: index() returns an int.
    let p = unsafe { i.payload_unchecked::<PyInt>() };
    match p.as_i64() {
        Some(v) if v >= 0 => Ok(Some(v as usize)),
        Some(_) => Err(PyErr::value_error(msg)),
        None => {
            // `PyNumber_AsSsize_t(.., OverflowError)` fails: the same
            // ValueError as a negative index.
            Err(PyErr::value_error(msg))
        }
    }
}

fn islice_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kw("islice", cls, &ISLICE_TYPE, kwnames)?;
    let p = pos(args, kwnames);
    check_nargs("islice", p.len(), 2, 4)?;
    let (start, stop, step);
    if p.len() == 2 {
        start = 0;
        stop = islice_index(
            &p[1],
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?;
        step = 1;
    } else {
        let m = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        let a = islice_index(&p[1], m)?;
        let b = islice_index(&p[2], m)?;
        start = a.unwrap_or(0);
        stop = b;
        step = match p.get(3) {
            None => 1,
            Some(s) if s.is_none() => 1,
            Some(s) => {
                let msg = "Step for islice() must be a positive integer or None.";
                match islice_index(s, msg) {
                    Ok(Some(v)) if v >= 1 => v,
                    Ok(_) => return Err(PyErr::value_error(msg)),
                    Err(_) => return Err(PyErr::value_error(msg)),
                }
            }
        };
    }
    let it = protocol::get_iter(&p[0])?;
    make(
        cls,
        St::ISlice {
            it: Some(it),
            next: start,
            stop,
            step,
            cnt: 0,
        },
    )
}

fn islice_clear(o: &PyRef) {
    let old = with(o, |s| match s {
        St::ISlice { it, .. } => it.take(),
        _ => None,
    });
    drop(old);
}

fn islice_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((it, next, stop, cnt)) = with(o, |s| match s {
        St::ISlice {
            it: Some(it),
            next,
            stop,
            cnt,
            ..
        } => Some((it.clone(), *next, *stop, *cnt)),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    let mut cnt = cnt;
    while cnt < next {
        let r = protocol::next(&it);
        match r {
            Ok(Some(_)) => {
                cnt += 1;
                with(o, |s| {
                    if let St::ISlice { cnt: c, .. } = s {
                        *c = cnt;
                    }
                });
            }
            Ok(None) => {
                islice_clear(o);
                return Ok(None);
            }
            Err(e) => return Err(e),
        }
    }
    if let Some(st) = stop {
        if cnt >= st {
            islice_clear(o);
            return Ok(None);
        }
    }
    let Some(v) = protocol::next(&it)? else {
        islice_clear(o);
        return Ok(None);
    };
    with(o, |s| {
        if let St::ISlice {
            next,
            stop,
            step,
            cnt: c,
            ..
        } = s
        {
            *c = cnt + 1;
            let old = *next;
            *next = next.saturating_add(*step);
            if let Some(st) = *stop {
                if *next < old || *next > st {
                    *next = st;
                }
            }
        }
    });
    Ok(Some(v))
}

fn pairwise_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    no_kw("pairwise", cls, &PAIRWISE_TYPE, kwnames)?;
    let p = pos(args, kwnames);
    check_nargs("pairwise", p.len(), 1, 1)?;
    let it = protocol::get_iter(&p[0])?;
    make(
        cls,
        St::Pairwise {
            it: Some(it),
            old: None,
        },
    )
}

fn pairwise_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((it, old)) = with(o, |s| match s {
        St::Pairwise { it: Some(it), old } => Some((it.clone(), old.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    let clear = |o: &PyRef| {
        let v = with(o, |s| match s {
            St::Pairwise { it, old } => (it.take(), old.take()),
            _ => (None, None),
        });
        drop(v);
    };
    let old = match old {
        Some(x) => x,
        None => match protocol::next(&it)? {
            Some(x) => x,
            None => {
                clear(o);
                return Ok(None);
            }
        },
    };
    let Some(new) = protocol::next(&it)? else {
        clear(o);
        return Ok(None);
    };
    let prev = with(o, |s| match s {
        St::Pairwise { old: o2, .. } => o2.replace(new.clone()),
        _ => None,
    });
    drop(prev);
    PyTuple::new(vec![old, new]).map(Some)
}

fn starmap_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (func, it) = func_it("starmap", cls, &STARMAP_TYPE, args, kwnames)?;
    make(cls, St::StarMap { func, it })
}

fn starmap_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((func, it)) = with(o, |s| match s {
        St::StarMap { func, it } => Some((func.clone(), it.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    let Some(a) = protocol::next(&it)? else {
        return Ok(None);
    };
    let items = match a.downcast::<PyTuple>() {
        Some(t) => t.items().to_vec(),
        None => protocol::collect(&a)?,
    };
    protocol::call1(&func, &items).map(Some)
}

// ---------------------------------------------------------------------------
// tee

fn tee_type_new(_cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let p = pos(args, kwnames);
    check_nargs("_tee", p.len(), 1, 1)?;
    tee_from(&p[0])
}

fn tee_from(iterable: &PyRef) -> PyResult<PyRef> {
    let it = protocol::get_iter(iterable)?;
    if std::ptr::eq(it.ty(), &TEE_TYPE) {
        return tee_copy(&it);
    }
    let shared = Rc::new(RefCell::new(TeeShared {
        it: Some(it),
        buf: VecDeque::new(),
        base: 0,
        positions: BTreeMap::new(),
    }));
    make_static(&TEE_TYPE, St::Tee(TeeHandle::new(shared, 0)))
}

fn tee_state(o: &PyRef) -> Option<(Rc<RefCell<TeeShared>>, usize)> {
    with(o, |s| match s {
        St::Tee(h) => Some((h.shared.clone(), h.index)),
        _ => None,
    })
    .flatten()
}

fn tee_copy(o: &PyRef) -> PyResult<PyRef> {
    let Some((shared, index)) = tee_state(o) else {
        return Err(PyErr::type_error("not a tee object"));
    };
    make_static(&TEE_TYPE, St::Tee(TeeHandle::new(shared, index)))
}

fn tee_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((shared, index)) = tee_state(o) else {
        return Ok(None);
    };
    let have = {
        let s = shared.borrow();
        index
            .checked_sub(s.base)
            .and_then(|i| s.buf.get(i))
            .cloned()
    };
    let v = match have {
        Some(v) => v,
        None => {
            let it = shared.borrow().it.clone();
            let Some(it) = it else {
                return Ok(None);
            };
            match protocol::next(&it)? {
                Some(v) => {
                    let mut sh = shared.borrow_mut();
                    if sh.base + sh.buf.len() == index {
                        sh.buf.push_back(v.clone());
                    }
                    v
                }
                None => {
                    let old = shared.borrow_mut().it.take();
                    drop(old);
                    return Ok(None);
                }
            }
        }
    };
    let freed = with(o, |s| match s {
        St::Tee(h) => h.advance(),
        _ => Vec::new(),
    });
    drop(freed);
    Ok(Some(v))
}

fn it_tee(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("tee", args.len(), 1, 2)?;
    let n = match args.get(1) {
        Some(n) => crate::objects::int::as_i64(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let mut out = Vec::with_capacity(n as usize);
    if n == 0 {
        return PyTuple::new(out);
    }
    let it = protocol::get_iter(&args[0])?;
    let copyable = crate::object::protocol::lookup_attr(&it, crate::intern!("__copy__"))?;
    let first = if copyable.is_some() {
        it
    } else {
        tee_from(&it)?
    };
    out.push(first.clone());
    for _ in 1..n {
        let c = protocol::call_method(&first, "__copy__", &[])?;
        out.push(c);
    }
    PyTuple::new(out)
}

// ---------------------------------------------------------------------------
// zip_longest

fn zip_longest_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = KwArgs::new(args, kwnames);
    let fill = kw.take("fillvalue").cloned().unwrap_or_else(none);
    if kw.nkw() > 0 {
        for n in crate::objects::slice::kw_names(kwnames) {
            if n != "fillvalue" {
                return Err(PyErr::type_error(
                    "zip_longest() got an unexpected keyword argument",
                ));
            }
        }
    }
    let mut its = Vec::new();
    for a in kw.pos {
        its.push(Some(protocol::get_iter(a)?));
    }
    let active = its.len();
    make(cls, St::ZipLongest { its, active, fill })
}

fn zip_longest_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some((its, active, fill)) = with(o, |s| match s {
        St::ZipLongest { its, active, fill } => Some((its.clone(), *active, fill.clone())),
        _ => None,
    })
    .flatten() else {
        return Ok(None);
    };
    if its.is_empty() || active == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    let mut active = active;
    for (i, it) in its.iter().enumerate() {
        match it {
            None => out.push(fill.clone()),
            Some(it) => match protocol::next(it)? {
                Some(v) => out.push(v),
                None => {
                    active -= 1;
                    let old = with(o, |s| match s {
                        St::ZipLongest { its, active: a, .. } => {
                            *a = active;
                            its.get_mut(i).and_then(|x| x.take())
                        }
                        _ => None,
                    });
                    drop(old);
                    if active == 0 {
                        return Ok(None);
                    }
                    out.push(fill.clone());
                }
            },
        }
    }
    PyTuple::new(out).map(Some)
}

// ---------------------------------------------------------------------------
// Combinatorics.

fn product_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = KwArgs::new(args, kwnames);
    let repeat = match kw.take("repeat") {
        Some(r) => crate::objects::int::as_i64(r)?,
        None => 1,
    };
    if kw.nkw() > 0
        && crate::objects::slice::kw_names(kwnames)
            .iter()
            .any(|n| n != "repeat")
    {
        return Err(PyErr::type_error(
            "product() got an unexpected keyword argument",
        ));
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for a in kw.pos {
        base.push(protocol::collect(a)?);
    }
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    make(
        cls,
        St::Product {
            pools,
            indices: vec![0; n],
            started: false,
            stopped: false,
        },
    )
}

fn product_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let r = with(o, |s| match s {
        St::Product {
            pools,
            indices,
            started,
            stopped,
        } => {
            if *stopped {
                return None;
            }
            if !*started {
                *started = true;
                if pools.iter().any(|p| p.is_empty()) {
                    *stopped = true;
                    return None;
                }
            } else {
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        *stopped = true;
                        return None;
                    }
                    i -= 1;
                    indices[i] += 1;
                    if indices[i] < pools[i].len() {
                        break;
                    }
                    indices[i] = 0;
                }
            }
            Some(
                pools
                    .iter()
                    .zip(indices.iter())
                    .map(|(p, &i)| p[i].clone())
                    .collect::<Vec<_>>(),
            )
        }
        _ => None,
    })
    .flatten();
    match r {
        Some(v) => PyTuple::new(v).map(Some),
        None => Ok(None),
    }
}

fn r_arg(name: &str, r: Option<&PyRef>, n: usize) -> PyResult<usize> {
    match r {
        Some(r) if !r.is_none() => {
            let v = crate::objects::int::as_ssize_t(r)?;
            if v < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            let _ = name;
            Ok(v as usize)
        }
        _ => Ok(n),
    }
}

fn permutations_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("permutations", args, kwnames, &["iterable", "r"], 1)?;
    let pool = protocol::collect(a[0].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let r = r_arg("permutations", a[1].as_ref(), n)?;
    make(
        cls,
        St::Permutations {
            pool,
            r,
            indices: (0..n).collect(),
            cycles: (0..r.min(n)).map(|i| n - i).collect(),
            started: false,
            stopped: r > n,
        },
    )
}

fn permutations_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let r = with(o, |s| match s {
        St::Permutations {
            pool,
            r,
            indices,
            cycles,
            started,
            stopped,
        } => {
            if *stopped {
                return None;
            }
            let n = pool.len();
            let r = *r;
            if !*started {
                *started = true;
            } else {
                if n == 0 {
                    *stopped = true;
                    return None;
                }
                let mut i = r;
                loop {
                    if i == 0 {
                        *stopped = true;
                        return None;
                    }
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let x = indices.remove(i);
                        indices.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        indices.swap(i, n - j);
                        break;
                    }
                }
            }
            Some(
                indices[..r]
                    .iter()
                    .map(|&i| pool[i].clone())
                    .collect::<Vec<_>>(),
            )
        }
        _ => None,
    })
    .flatten();
    match r {
        Some(v) => PyTuple::new(v).map(Some),
        None => Ok(None),
    }
}

fn comb_new(
    name: &str,
    cls: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    repl: bool,
) -> PyResult<PyRef> {
    let a = parse(name, args, kwnames, &["iterable", "r"], 2)?;
    let pool = protocol::collect(a[0].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let r = r_arg(name, a[1].as_ref(), n)?;
    make(
        cls,
        St::Combinations {
            stopped: if repl { n == 0 && r > 0 } else { r > n },
            pool,
            r,
            indices: if repl { vec![0; r] } else { (0..r).collect() },
            started: false,
            repl,
        },
    )
}

fn combinations_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    comb_new("combinations", cls, args, kwnames, false)
}

fn cwr_new(cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    comb_new("combinations_with_replacement", cls, args, kwnames, true)
}

fn combinations_next(o: &PyRef) -> PyResult<Option<PyRef>> {
    let r = with(o, |s| match s {
        St::Combinations {
            pool,
            r,
            indices,
            started,
            stopped,
            repl,
        } => {
            if *stopped {
                return None;
            }
            let n = pool.len();
            let r = *r;
            if !*started {
                *started = true;
            } else if *repl {
                let mut i = r;
                loop {
                    if i == 0 {
                        *stopped = true;
                        return None;
                    }
                    i -= 1;
                    if indices[i] != n - 1 {
                        break;
                    }
                }
                let v = indices[i] + 1;
                for x in indices[i..].iter_mut() {
                    *x = v;
                }
            } else {
                let mut i = r;
                loop {
                    if i == 0 {
                        *stopped = true;
                        return None;
                    }
                    i -= 1;
                    if indices[i] != i + n - r {
                        break;
                    }
                }
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
            }
            Some(indices.iter().map(|&i| pool[i].clone()).collect::<Vec<_>>())
        }
        _ => None,
    })
    .flatten();
    match r {
        Some(v) => PyTuple::new(v).map(Some),
        None => Ok(None),
    }
}

static FUNCTIONS: &[MethodDef] = &[MethodDef::new("tee", Meth::Fast(it_tee))];

/// Creates the `itertools` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("itertools")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        for t in TYPES {
            let name = t.tp_name.rsplit('.').next().unwrap_or(t.tp_name);
            d.set_str(name, t.as_pyref())?;
        }
        Ok(())
    })?;
    Ok(m)
}
