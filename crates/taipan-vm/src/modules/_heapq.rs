//! The `_heapq` module (CPython's `Modules/_heapqmodule.c`): the binary
//! heap functions on lists, min-heaps and the `_max` variants `heapq.py`
//! uses for `merge`/`nlargest`. Comparisons use `<`; a list whose size
//! changes during a comparison raises `RuntimeError`.

use crate::object::protocol;
use crate::object::*;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

fn list_arg<'a>(fname: &str, o: &'a PyRef) -> PyResult<&'a PyList> {
    o.downcast::<PyList>().ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument 1 must be list, not {}",
            o.ty().name()
        ))
    })
}

use crate::modules::builtins::exact_nargs as nargs;

fn changed() -> PyErr {
    PyErr::runtime_error("list changed size during iteration")
}

/// `a < b` (or `b < a` for max-heaps).
fn less(a: &PyRef, b: &PyRef, max: bool) -> PyResult<bool> {
    if max {
        protocol::rich_compare_bool(b, a, CompareOp::Lt)
    } else {
        protocol::rich_compare_bool(a, b, CompareOp::Lt)
    }
}

fn get(l: &PyList, i: usize) -> PyResult<PyRef> {
    l.get(i).ok_or_else(changed)
}

/// `siftdown`: moves the item at `pos` up towards `startpos`.
fn siftdown(l: &PyList, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.len();
    if pos >= size {
        return Err(PyErr::index_error("list index out of range"));
    }
    let newitem = get(l, pos)?;
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let parent = get(l, parentpos)?;
        let lt = less(&newitem, &parent, max)?;
        if size != l.len() {
            return Err(changed());
        }
        if !lt {
            break;
        }
        let parent = get(l, parentpos)?;
        let cur = get(l, pos)?;
        l.set(parentpos, cur);
        l.set(pos, parent);
        pos = parentpos;
    }
    Ok(())
}

/// `siftup`: moves the smaller child up until a leaf, then sifts down.
fn siftup(l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = l.len();
    let startpos = pos;
    if pos >= endpos {
        return Err(PyErr::index_error("list index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let a = get(l, childpos)?;
            let b = get(l, childpos + 1)?;
            let lt = less(&a, &b, max)?;
            if endpos != l.len() {
                return Err(changed());
            }
            if !lt {
                childpos += 1;
            }
        }
        let child = get(l, childpos)?;
        let cur = get(l, pos)?;
        l.set(childpos, cur);
        l.set(pos, child);
        pos = childpos;
    }
    siftdown(l, startpos, pos, max)
}

fn heappush(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("heappush", args, 2)?;
    let l = list_arg("heappush", &args[0])?;
    l.push(args[1].clone());
    siftdown(l, 0, l.len() - 1, false)?;
    Ok(none())
}

fn pop_common(heap: &PyRef, fname: &str, max: bool) -> PyResult<PyRef> {
    let l = list_arg(fname, heap)?;
    let Some(last) = l.pop() else {
        return Err(PyErr::index_error("index out of range"));
    };
    if l.is_empty() {
        return Ok(last);
    }
    let ret = get(l, 0)?;
    l.set(0, last);
    siftup(l, 0, max)?;
    Ok(ret)
}

fn heappop(_m: &PyRef, heap: &PyRef) -> PyResult<PyRef> {
    pop_common(heap, "heappop", false)
}

fn heappop_max(_m: &PyRef, heap: &PyRef) -> PyResult<PyRef> {
    pop_common(heap, "_heappop_max", true)
}

fn replace_common(args: &[PyRef], fname: &str, max: bool) -> PyResult<PyRef> {
    nargs(fname, args, 2)?;
    let l = list_arg(fname, &args[0])?;
    if l.is_empty() {
        return Err(PyErr::index_error("index out of range"));
    }
    let ret = get(l, 0)?;
    l.set(0, args[1].clone());
    siftup(l, 0, max)?;
    Ok(ret)
}

fn heapreplace(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    replace_common(args, "heapreplace", false)
}

fn heapreplace_max(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    replace_common(args, "_heapreplace_max", true)
}

fn heappushpop(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("heappushpop", args, 2)?;
    let l = list_arg("heappushpop", &args[0])?;
    let item = &args[1];
    if l.is_empty() {
        return Ok(item.clone());
    }
    let top = get(l, 0)?;
    if !less(&top, item, false)? {
        return Ok(item.clone());
    }
    if l.is_empty() {
        return Err(PyErr::index_error("index out of range"));
    }
    let ret = get(l, 0)?;
    l.set(0, item.clone());
    siftup(l, 0, false)?;
    Ok(ret)
}

fn heapify_common(heap: &PyRef, fname: &str, max: bool) -> PyResult<PyRef> {
    let l = list_arg(fname, heap)?;
    let n = l.len();
    for i in (0..n / 2).rev() {
        siftup(l, i, max)?;
    }
    Ok(none())
}

fn heapify(_m: &PyRef, heap: &PyRef) -> PyResult<PyRef> {
    heapify_common(heap, "heapify", false)
}

fn heapify_max(_m: &PyRef, heap: &PyRef) -> PyResult<PyRef> {
    heapify_common(heap, "_heapify_max", true)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("heappush", Meth::Fast(heappush)),
    MethodDef::new("heappop", Meth::O(heappop)),
    MethodDef::new("heapreplace", Meth::Fast(heapreplace)),
    MethodDef::new("heappushpop", Meth::Fast(heappushpop)),
    MethodDef::new("heapify", Meth::O(heapify)),
    MethodDef::new("_heappop_max", Meth::O(heappop_max)),
    MethodDef::new("_heapreplace_max", Meth::Fast(heapreplace_max)),
    MethodDef::new("_heapify_max", Meth::O(heapify_max)),
];

/// Creates the `_heapq` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_heapq")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
