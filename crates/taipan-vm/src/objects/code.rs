//! Code objects (CPython's `Objects/codeobject.c`).
//!
//! A code object is made from the compiler's (or marshal's) `CodeData`: the
//! constants become objects once, and the code units are kept as a `u16`
//! array (low byte opcode, high byte argument, as `_Py_CODEUNIT` on a
//! little-endian machine) that the evaluation loop indexes directly. The
//! location table is decoded once into per-entry lengths and lines so a
//! traceback finds a line without re-parsing.

use std::cell::Cell;

use taipan_bytecode::location_table::{self, LocationEntry};
use taipan_bytecode::marshal::{fast_kind, CodeData, MarshalStr, MarshalValue};

use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// `CO_*` flags.
pub mod flags {
    pub const OPTIMIZED: i32 = 0x1;
    pub const NEWLOCALS: i32 = 0x2;
    pub const VARARGS: i32 = 0x4;
    pub const VARKEYWORDS: i32 = 0x8;
    pub const NESTED: i32 = 0x10;
    pub const GENERATOR: i32 = 0x20;
    pub const NOFREE: i32 = 0x40;
    pub const COROUTINE: i32 = 0x80;
    pub const ITERABLE_COROUTINE: i32 = 0x100;
    pub const ASYNC_GENERATOR: i32 = 0x200;
}

/// The fields of a code object as objects, in marshal's order (the
/// `_PyCodeConstructor` of CPython).
pub struct CodeParts {
    pub argcount: i32,
    pub posonlyargcount: i32,
    pub kwonlyargcount: i32,
    pub stacksize: i32,
    pub flags: i32,
    pub code: PyRef,
    pub consts: PyRef,
    pub names: PyRef,
    pub localsplusnames: PyRef,
    pub localspluskinds: PyRef,
    pub filename: PyRef,
    pub name: PyRef,
    pub qualname: PyRef,
    pub firstlineno: i32,
    pub linetable: PyRef,
    pub exceptiontable: PyRef,
}

/// The code object payload (`PyCodeObject`).
#[repr(C)]
pub struct PyCode {
    pub ob_base: PyObject,
    /// The code units: `unit & 0xff` is the opcode, `unit >> 8` the argument.
    pub code: Box<[u16]>,
    /// `co_consts` (a tuple).
    pub consts: PyRef,
    /// `co_names` (a tuple of str).
    pub names: PyRef,
    /// Names of locals, then cells, then free variables (a tuple of str).
    pub localsplusnames: PyRef,
    pub localspluskinds: Box<[u8]>,
    pub nlocalsplus: usize,
    pub nlocals: usize,
    pub ncellvars: usize,
    pub nfreevars: usize,
    pub argcount: usize,
    pub posonlyargcount: usize,
    pub kwonlyargcount: usize,
    pub stacksize: usize,
    pub flags: i32,
    pub firstlineno: i32,
    pub filename: PyRef,
    pub name: PyRef,
    pub qualname: PyRef,
    pub linetable: Box<[u8]>,
    pub exceptiontable: Box<[u8]>,
    /// The decoded location table.
    pub locations: Box<[LocationEntry]>,
    /// The code units the evaluation loop runs: `code` with the first
    /// inline cache unit of each cached instruction (`LOAD_GLOBAL`,
    /// `LOAD_ATTR`, `LOAD_METHOD`, `STORE_ATTR`) holding 1 + the index of
    /// its entry in `caches` (0: none). CPython 3.11 writes its caches into
    /// the code itself and `co_code` hides them; here `code` stays the
    /// unspecialized code `co_code` shows.
    pub xcode: Box<[u16]>,
    /// The inline caches of the evaluation loop (see `eval::cache`).
    pub caches: Box<[Cell<InlineCache>]>,
}

/// One inline cache entry: what an instruction saw last time, valid while
/// the version tags it records are unchanged (meaning per instruction in
/// `eval::cache`). `ptr` is a borrowed reference whose owner the tags
/// keep alive.
#[derive(Clone, Copy)]
pub struct InlineCache {
    pub tag: u64,
    pub aux: u64,
    pub ptr: *const PyObject,
    /// Misses to let pass before the entry is refilled (CPython's backoff
    /// counter), so a polymorphic instruction does not refill every time.
    pub backoff: u32,
}

impl InlineCache {
    pub const EMPTY: InlineCache = InlineCache {
        tag: 0,
        aux: 0,
        ptr: std::ptr::null(),
        backoff: 0,
    };
}

/// The loop's copy of `code` with cache indices, and the caches (see
/// [`PyCode::xcode`]).
pub fn exec_units(code: &[u16]) -> (Box<[u16]>, Box<[Cell<InlineCache>]>) {
    use taipan_bytecode::opcode::Opcode;
    let mut x: Box<[u16]> = code.into();
    let mut n: usize = 0;
    let mut i = 0;
    while i < code.len() {
        let op = match Opcode::from_u8((code[i] & 0xff) as u8) {
            Some(o) => o.deoptimize(),
            None => {
                i += 1;
                continue;
            }
        };
        if matches!(
            op,
            Opcode::LoadGlobal | Opcode::LoadAttr | Opcode::LoadMethod | Opcode::StoreAttr
        ) && i + 1 < code.len()
            && n < u16::MAX as usize
        {
            n += 1;
            x[i + 1] = n as u16;
        }
        i += 1 + op.cache_entries() as usize;
    }
    let caches = (0..n).map(|_| Cell::new(InlineCache::EMPTY)).collect();
    (x, caches)
}

/// [`exec_units`], validated for the evaluation loop (`eval::validate`):
/// code that fails runs as one instruction raising `SystemError`.
fn loop_units(
    code: &[u16],
    nlocalsplus: usize,
    consts: &PyRef,
    names: &PyRef,
    stacksize: usize,
    exceptiontable: &[u8],
) -> (Box<[u16]>, Box<[Cell<InlineCache>]>) {
    let (x, caches) = exec_units(code);
    let len = |t: &PyRef| t.downcast::<PyTuple>().map_or(0, |t| t.len());
    let shape = crate::eval::validate::Shape {
        nlocalsplus,
        nconsts: len(consts),
        nnames: len(names),
        stacksize,
    };
    match crate::eval::validate::check(&x, &shape, exceptiontable) {
        Ok(()) => (x, caches),
        Err(why) => {
            if cfg!(debug_assertions) && std::env::var_os("TAIPAN_DEBUG_VALIDATE").is_some() {
                eprintln!("code object fails validation: {why}");
            }
            (crate::eval::validate::invalid_units(), Box::new([]))
        }
    }
}

pub static CODE_TYPE: PyType = PyType {
    tp_name: "code",
    tp_basicsize: Cell::new(std::mem::size_of::<PyCode>()),
    tp_drop: Some(drop_code),
    tp_repr: Cell::new(Some(code_repr)),
    tp_richcompare: Cell::new(Some(code_richcompare)),
    tp_hash: Cell::new(Some(code_hash)),
    tp_getset: CODE_GETSET,
    tp_methods: CODE_METHODS,
    ..PyType::BASE
};

// SAFETY: PyCode is repr(C) with the header first.
unsafe impl PyPayload for PyCode {
    fn type_object() -> &'static PyType {
        &CODE_TYPE
    }
}

/// `_PyCode_ConstantKey`: a key under which constants are equal only when a code object
/// could use one for the other (`1`, `1.0` and `True` differ, and so do `0.0` and `-0.0`).
pub fn constant_key(op: &PyRef) -> PyResult<PyRef> {
    use crate::objects::bool_::py_bool;
    use crate::objects::complex::PyComplex;
    use crate::objects::float::PyFloat;
    use crate::objects::none::none;
    let pair = |extra: Option<PyRef>| -> PyResult<PyRef> {
        let mut items = vec![op.type_ref(), op.clone()];
        items.extend(extra);
        PyTuple::new(items)
    };
    if op.is_none()
        || op.is_static(&crate::objects::none::ELLIPSIS)
        || op.is_exact::<crate::objects::int::PyInt>()
        || op.is_exact::<PyStr>()
        || op.is_exact::<PyCode>()
    {
        return Ok(op.clone());
    }
    if std::ptr::eq(op.ty(), &crate::objects::bool_::BOOL_TYPE)
        || op.is_exact::<crate::objects::bytes::PyBytes>()
    {
        return pair(None);
    }
    if op.is_exact::<PyFloat>() {
        let v = op.downcast::<PyFloat>().map_or(1.0, |f| f.value);
        return pair((v == 0.0 && v.is_sign_negative()).then(none));
    }
    if op.is_exact::<PyComplex>() {
        let (re, im) = op
            .downcast::<PyComplex>()
            .map_or((1.0, 1.0), |c| (c.real, c.imag));
        let neg = |x: f64| x == 0.0 && x.is_sign_negative();
        let marker = match (neg(re), neg(im)) {
            (true, true) => Some(py_bool(true)),
            (false, true) => Some(py_bool(false)),
            (true, false) => Some(none()),
            (false, false) => None,
        };
        return pair(marker);
    }
    if op.is_exact::<PyTuple>() {
        let keys = op
            .downcast::<PyTuple>()
            .map(|t| {
                t.items()
                    .iter()
                    .map(constant_key)
                    .collect::<PyResult<Vec<_>>>()
            })
            .unwrap_or_else(|| Ok(Vec::new()))?;
        return PyTuple::new(vec![PyTuple::new(keys)?, op.clone()]);
    }
    if std::ptr::eq(op.ty(), &crate::objects::set::FROZENSET_TYPE) {
        let keys = crate::object::protocol::collect(op)?
            .iter()
            .map(constant_key)
            .collect::<PyResult<Vec<_>>>()?;
        let fs = crate::objects::set::new_frozenset(Some(&PyTuple::new(keys)?))?;
        return PyTuple::new(vec![fs, op.clone()]);
    }
    PyTuple::new(vec![
        crate::objects::int::PyInt::new(op.as_ptr() as usize as i64)?,
        op.clone(),
    ])
}

/// `code_richcompare`: equal code objects are interchangeable (the inline caches aside).
fn code_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    use crate::object::protocol::rich_compare_bool;
    use crate::objects::bool_::py_bool;
    let (Some(x), Some(y)) = (a.downcast::<PyCode>(), b.downcast::<PyCode>()) else {
        return Ok(crate::objects::none::not_implemented());
    };
    if op != CompareOp::Eq && op != CompareOp::Ne {
        return Ok(crate::objects::none::not_implemented());
    }
    let eq = rich_compare_bool(&x.name, &y.name, CompareOp::Eq)?
        && x.argcount == y.argcount
        && x.posonlyargcount == y.posonlyargcount
        && x.kwonlyargcount == y.kwonlyargcount
        && x.flags == y.flags
        && x.firstlineno == y.firstlineno
        && x.code == y.code
        && rich_compare_bool(
            &constant_key(&x.consts)?,
            &constant_key(&y.consts)?,
            CompareOp::Eq,
        )?
        && rich_compare_bool(&x.names, &y.names, CompareOp::Eq)?
        && rich_compare_bool(&x.localsplusnames, &y.localsplusnames, CompareOp::Eq)?
        && x.linetable == y.linetable
        && x.exceptiontable == y.exceptiontable;
    Ok(py_bool(eq == (op == CompareOp::Eq)))
}

/// `code_hash`.
fn code_hash(o: &PyRef) -> PyResult<isize> {
    use crate::object::protocol::hash;
    let Some(c) = o.downcast::<PyCode>() else {
        return Ok(0);
    };
    let lt = crate::objects::bytes::PyBytes::new(&c.linetable)?;
    let et = crate::objects::bytes::PyBytes::new(&c.exceptiontable)?;
    let mut h = hash(&c.name)?
        ^ hash(&c.consts)?
        ^ hash(&c.names)?
        ^ hash(&c.localsplusnames)?
        ^ hash(&lt)?
        ^ hash(&et)?
        ^ c.argcount as isize
        ^ c.posonlyargcount as isize
        ^ c.kwonlyargcount as isize
        ^ c.flags as isize;
    if h == -1 {
        h = -2;
    }
    Ok(h)
}

unsafe fn drop_code(obj: *mut PyObject) {
    // SAFETY: obj is a dead code object.
    unsafe { std::ptr::drop_in_place(obj as *mut PyCode) }
}

fn mstr(s: &MarshalStr) -> PyResult<PyRef> {
    match s.as_str() {
        Some(t) => {
            if s.interned {
                Ok(crate::objects::str::intern(t))
            } else {
                PyStr::new(t)
            }
        }
        // Lone surrogates are encoded as marshal writes them.
        None => PyStr::from_utf8_surrogatepass(&s.data),
    }
}

fn name_tuple<'a>(it: impl Iterator<Item = &'a MarshalStr>) -> PyResult<PyRef> {
    let mut v = Vec::new();
    for s in it {
        v.push(match s.as_str() {
            Some(t) => crate::objects::str::intern(t),
            None => PyStr::new(&s.to_string_lossy())?,
        });
    }
    PyTuple::new(v)
}

/// Equal constants of one compilation unit become one object, as CPython's
/// compiler merges them (`merge_consts_recursive` with `_PyCode_ConstantKey`):
/// the key is the constant's type and value; tuples are keyed by their
/// items' keys and merged item by item; code objects and frozensets are not
/// merged.
pub type ConstCache = std::collections::HashMap<Vec<u8>, PyRef>;

fn const_key(v: &MarshalValue, out: &mut Vec<u8>) -> bool {
    fn blob(out: &mut Vec<u8>, tag: u8, data: &[u8]) {
        out.push(tag);
        out.extend_from_slice(&(data.len() as u64).to_le_bytes());
        out.extend_from_slice(data);
    }
    match v {
        MarshalValue::Int(i) => blob(out, b'i', &(*i as i64).to_le_bytes()),
        MarshalValue::Long(l) => {
            let mut d = vec![l.negative as u8];
            for x in &l.digits {
                d.extend_from_slice(&x.to_le_bytes());
            }
            blob(out, b'l', &d)
        }
        MarshalValue::Float(f) => blob(out, b'f', &f.to_bits().to_le_bytes()),
        MarshalValue::Complex(re, im) => {
            let mut d = re.to_bits().to_le_bytes().to_vec();
            d.extend_from_slice(&im.to_bits().to_le_bytes());
            blob(out, b'c', &d)
        }
        MarshalValue::Bytes(b) => blob(out, b'b', b),
        MarshalValue::Str(s) => blob(out, b's', &s.data),
        MarshalValue::Tuple(items) => {
            out.push(b'(');
            out.extend_from_slice(&(items.len() as u64).to_le_bytes());
            for it in items {
                if !const_key(it, out) {
                    return false;
                }
            }
        }
        // Each singleton its own key: (None, False) and (False, None) differ.
        MarshalValue::None => blob(out, b'N', &[]),
        MarshalValue::False => blob(out, b'F', &[]),
        MarshalValue::True => blob(out, b'T', &[]),
        MarshalValue::Ellipsis => blob(out, b'.', &[]),
        MarshalValue::StopIteration => blob(out, b'S', &[]),
        _ => return false,
    }
    true
}

/// Converts a marshal constant to an object.
pub fn const_to_object(v: &MarshalValue) -> PyResult<PyRef> {
    const_to_object_in(v, &mut ConstCache::new())
}

/// [`const_to_object`] sharing equal constants through `cache`.
pub fn const_to_object_in(v: &MarshalValue, cache: &mut ConstCache) -> PyResult<PyRef> {
    let cacheable = matches!(
        v,
        MarshalValue::Int(_)
            | MarshalValue::Long(_)
            | MarshalValue::Float(_)
            | MarshalValue::Complex(_, _)
            | MarshalValue::Bytes(_)
            | MarshalValue::Str(_)
            | MarshalValue::Tuple(_)
    );
    let mut key = Vec::new();
    if cacheable && const_key(v, &mut key) {
        if let Some(o) = cache.get(&key) {
            return Ok(o.clone());
        }
        let o = const_to_object_uncached(v, cache)?;
        cache.insert(key, o.clone());
        return Ok(o);
    }
    const_to_object_uncached(v, cache)
}

fn const_to_object_uncached(v: &MarshalValue, cache: &mut ConstCache) -> PyResult<PyRef> {
    use crate::objects::bool_::py_bool;
    use crate::objects::none::{ellipsis, none};
    Ok(match v {
        MarshalValue::None => none(),
        MarshalValue::False => py_bool(false),
        MarshalValue::True => py_bool(true),
        MarshalValue::Ellipsis => ellipsis(),
        MarshalValue::StopIteration => {
            PyRef::from_static(&crate::objects::exceptions::STOP_ITERATION)
        }
        MarshalValue::Int(i) => PyInt::new(*i as i64)?,
        MarshalValue::Long(l) => match l.to_i128().and_then(|x| i64::try_from(x).ok()) {
            Some(x) => PyInt::new(x)?,
            None => {
                let mut big = num_bigint::BigInt::from(0);
                for &d in l.digits.iter().rev() {
                    big = (big << 15) + num_bigint::BigInt::from(d);
                }
                if l.negative {
                    big = -big;
                }
                PyInt::from_bigint(big)?
            }
        },
        MarshalValue::Float(f) => PyFloat::new(*f)?,
        MarshalValue::Str(s) => mstr(s)?,
        MarshalValue::Tuple(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items {
                v.push(const_to_object_in(i, cache)?);
            }
            PyTuple::new(v)?
        }
        MarshalValue::List(items) => {
            let mut v = Vec::with_capacity(items.len());
            for i in items {
                v.push(const_to_object_in(i, cache)?);
            }
            crate::objects::list::PyList::new(v)?
        }
        MarshalValue::Dict(items) => {
            let d = PyDict::new()?;
            for (k, val) in items {
                let k = const_to_object_in(k, cache)?;
                let val = const_to_object_in(val, cache)?;
                // SAFETY: just made.
                unsafe { d.payload_unchecked::<PyDict>() }.set_item(k, val)?;
            }
            d
        }
        MarshalValue::Code(c) => PyCode::new_in(c, cache)?,
        MarshalValue::Bytes(b) => crate::objects::bytes::PyBytes::new(b)?,
        MarshalValue::Complex(re, im) => crate::objects::complex::PyComplex::new(*re, *im)?,
        MarshalValue::Set(items) | MarshalValue::FrozenSet(items) => {
            let mut objs = Vec::with_capacity(items.len());
            for i in items {
                objs.push(const_to_object_in(i, cache)?);
            }
            let list = crate::objects::list::PyList::new(objs)?;
            if matches!(v, MarshalValue::Set(_)) {
                crate::objects::set::new_set(Some(&list))?
            } else {
                // CPython's compiler builds the frozenset from the items in source order,
                // then `merge_consts_recursive` rebuilds it from that set's iteration
                // order; with hash collisions the second build can order items
                // differently, so do the same.
                let first = crate::objects::set::new_frozenset(Some(&list))?;
                let order = crate::object::protocol::collect(&first)?;
                let order = crate::objects::list::PyList::new(order)?;
                crate::objects::set::new_frozenset(Some(&order))?
            }
        }
    })
}

impl PyCode {
    /// A code object from compiled data (one compilation unit: equal
    /// constants of it and its nested code objects become one object).
    pub fn new(c: &CodeData) -> PyResult<PyRef> {
        Self::new_in(c, &mut ConstCache::new())
    }

    /// [`PyCode::new`] sharing constants through `cache`.
    pub fn new_in(c: &CodeData, cache: &mut ConstCache) -> PyResult<PyRef> {
        let mut consts = Vec::with_capacity(c.consts.len());
        for k in &c.consts {
            consts.push(const_to_object_in(k, cache)?);
        }
        let consts = PyTuple::new(consts)?;
        let names = name_tuple(c.names.iter())?;
        let localsplusnames = name_tuple(c.localsplusnames.iter())?;
        let kinds: Box<[u8]> = c.localspluskinds.clone().into_boxed_slice();
        let nlocals = kinds.iter().filter(|&&k| k & fast_kind::LOCAL != 0).count();
        let ncellvars = kinds.iter().filter(|&&k| k & fast_kind::CELL != 0).count();
        let nfreevars = kinds.iter().filter(|&&k| k & fast_kind::FREE != 0).count();
        let code: Box<[u16]> = c
            .code
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        let locations = location_table::decode(c.firstlineno, &c.linetable)
            .unwrap_or_default()
            .into_boxed_slice();
        let (xcode, caches) = loop_units(
            &code,
            kinds.len(),
            &consts,
            &names,
            c.stacksize.max(0) as usize,
            &c.exceptiontable,
        );
        alloc_object(
            &CODE_TYPE,
            PyCode {
                ob_base: PyObject::NEW,
                code,
                consts,
                names,
                localsplusnames,
                nlocalsplus: kinds.len(),
                localspluskinds: kinds,
                nlocals,
                ncellvars,
                nfreevars,
                argcount: c.argcount.max(0) as usize,
                posonlyargcount: c.posonlyargcount.max(0) as usize,
                kwonlyargcount: c.kwonlyargcount.max(0) as usize,
                stacksize: c.stacksize.max(0) as usize,
                flags: c.flags,
                firstlineno: c.firstlineno,
                filename: mstr(&c.filename)?,
                name: mstr(&c.name)?,
                qualname: mstr(&c.qualname)?,
                linetable: c.linetable.clone().into_boxed_slice(),
                exceptiontable: c.exceptiontable.clone().into_boxed_slice(),
                locations,
                xcode,
                caches,
            },
        )
    }

    /// A code object from objects (`_PyCode_Validate` then `_PyCode_New`),
    /// as `marshal` reads one: every field of the wrong type is CPython's
    /// "bad argument to internal function".
    pub fn from_parts(p: CodeParts) -> PyResult<PyRef> {
        use crate::objects::bytes::PyBytes;
        let bad = || {
            PyErr::new(
                &crate::objects::exceptions::SYSTEM_ERROR,
                "Objects/codeobject.c:0: bad argument to internal function",
            )
        };
        let bytes = |o: &PyRef| o.downcast::<PyBytes>().map(|b| b.as_bytes().to_vec());
        let strs_tuple = |o: &PyRef| -> PyResult<PyRef> {
            if !o.is_instance_of::<PyTuple>() {
                return Err(bad());
            }
            // SAFETY: checked a tuple.
            let items = unsafe { crate::objects::tuple::tuple_items_unchecked(o) };
            let mut v = Vec::with_capacity(items.len());
            for it in items {
                let Some(s) = it.downcast::<PyStr>() else {
                    return Err(bad());
                };
                v.push(match s.try_as_str() {
                    Some(t) => crate::objects::str::intern(t),
                    None => it.clone(),
                });
            }
            PyTuple::new(v)
        };
        let (Some(code), Some(kinds), Some(linetable), Some(exceptiontable)) = (
            bytes(&p.code),
            bytes(&p.localspluskinds),
            bytes(&p.linetable),
            bytes(&p.exceptiontable),
        ) else {
            return Err(bad());
        };
        if !p.filename.is_instance_of::<PyStr>()
            || !p.name.is_instance_of::<PyStr>()
            || !p.qualname.is_instance_of::<PyStr>()
            || !p.consts.is_instance_of::<PyTuple>()
        {
            return Err(bad());
        }
        let names = strs_tuple(&p.names)?;
        let localsplusnames = strs_tuple(&p.localsplusnames)?;
        // SAFETY: a tuple just built.
        let nplus = unsafe { crate::objects::tuple::tuple_items_unchecked(&localsplusnames) }.len();
        if nplus != kinds.len() {
            return Err(bad());
        }
        if code.len() % 2 != 0 {
            return Err(PyErr::value_error("code: co_code is malformed"));
        }
        let count = |k: u8| kinds.iter().filter(|&&x| x & k != 0).count();
        let nlocals = count(fast_kind::LOCAL);
        let nargs = p.argcount as i64
            + p.kwonlyargcount as i64
            + (p.flags & flags::VARARGS != 0) as i64
            + (p.flags & flags::VARKEYWORDS != 0) as i64;
        if (nlocals as i64) < nargs {
            return Err(PyErr::value_error("code: co_varnames is too small"));
        }
        let consts = if p.consts.is_exact::<PyTuple>() {
            p.consts.clone()
        } else {
            // SAFETY: checked a tuple (subclass) above.
            let items = unsafe { crate::objects::tuple::tuple_items_unchecked(&p.consts) };
            PyTuple::new(items.to_vec())?
        };
        let nonneg = |x: i32| usize::try_from(x).unwrap_or(0);
        let locations = location_table::decode(p.firstlineno, &linetable)
            .unwrap_or_default()
            .into_boxed_slice();
        let units: Box<[u16]> = code
            .chunks_exact(2)
            .map(|u| u16::from_le_bytes([u[0], u[1]]))
            .collect();
        let (xcode, caches) = loop_units(
            &units,
            kinds.len(),
            &consts,
            &names,
            nonneg(p.stacksize),
            &exceptiontable,
        );
        alloc_object(
            &CODE_TYPE,
            PyCode {
                ob_base: PyObject::NEW,
                code: units,
                xcode,
                caches,
                consts,
                names,
                localsplusnames,
                nlocalsplus: kinds.len(),
                nlocals,
                ncellvars: count(fast_kind::CELL),
                nfreevars: count(fast_kind::FREE),
                localspluskinds: kinds.into_boxed_slice(),
                argcount: nonneg(p.argcount),
                posonlyargcount: nonneg(p.posonlyargcount),
                kwonlyargcount: nonneg(p.kwonlyargcount),
                stacksize: nonneg(p.stacksize),
                flags: p.flags,
                firstlineno: p.firstlineno,
                filename: p.filename,
                name: p.name,
                qualname: p.qualname,
                linetable: linetable.into_boxed_slice(),
                exceptiontable: exceptiontable.into_boxed_slice(),
                locations,
            },
        )
    }

    /// The constants.
    #[inline(always)]
    pub fn consts(&self) -> &[PyRef] {
        // SAFETY: co_consts is a built tuple.
        unsafe { crate::objects::tuple::tuple_items_unchecked(&self.consts) }
    }

    /// The names.
    #[inline(always)]
    pub fn names(&self) -> &[PyRef] {
        // SAFETY: co_names is a built tuple.
        unsafe { crate::objects::tuple::tuple_items_unchecked(&self.names) }
    }

    /// Locals, cells and free variable names.
    #[inline(always)]
    pub fn localsplus_names(&self) -> &[PyRef] {
        // SAFETY: a built tuple.
        unsafe { crate::objects::tuple::tuple_items_unchecked(&self.localsplusnames) }
    }

    /// `PyCode_Addr2Line`: the line of code unit `index`.
    pub fn addr2line(&self, index: usize) -> Option<i32> {
        location_table::location_of(&self.locations, index).and_then(|l| l.line)
    }

    /// The name as a Rust string.
    pub fn name_str(&self) -> &str {
        crate::objects::descr::name_str(&self.name)
    }

    /// The file name as a Rust string.
    pub fn filename_str(&self) -> &str {
        crate::objects::descr::name_str(&self.filename)
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    fn names_of_kind(&self, kind: u8) -> PyResult<PyRef> {
        let v: Vec<PyRef> = self
            .localsplus_names()
            .iter()
            .zip(self.localspluskinds.iter())
            .filter(|(_, &k)| k & kind != 0)
            .map(|(n, _)| n.clone())
            .collect();
        PyTuple::new(v)
    }
}

fn code_of(obj: &PyRef) -> &PyCode {
    // SAFETY: getters of `code` get code objects (the descriptor checks).
    unsafe { obj.payload_unchecked::<PyCode>() }
}

fn code_repr(obj: &PyRef) -> PyResult<PyRef> {
    let c = code_of(obj);
    PyStr::new(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name_str(),
        obj.id(),
        c.filename_str(),
        c.firstlineno
    ))
}

fn int(v: usize) -> PyResult<PyRef> {
    PyInt::new(v as i64)
}

fn co_code(o: &PyRef) -> PyResult<PyRef> {
    let c = code_of(o);
    let mut b = Vec::with_capacity(c.code.len() * 2);
    for u in c.code.iter() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    crate::objects::bytes::PyBytes::new(&b)
}

fn co_lines(obj: &PyRef) -> PyResult<PyRef> {
    let c = code_of(obj);
    let mut v = Vec::new();
    for (s, e, line) in location_table::lines(&c.locations) {
        let l = match line {
            Some(l) => PyInt::new(l as i64)?,
            None => crate::objects::none::none(),
        };
        v.push(PyTuple::new(vec![
            PyInt::new(s as i64 * 2)?,
            PyInt::new(e as i64 * 2)?,
            l,
        ])?);
    }
    let list = crate::objects::list::PyList::new(v)?;
    crate::object::protocol::get_iter(&list)
}

/// `co_lnotab` (`decode_linetable`): the pre-3.10 table of (byte offset
/// delta, line delta) pairs, each delta split into steps that fit a byte
/// (offsets up to 255, lines -128..=127, the line byte stored as unsigned).
/// Ranges without a line keep the line before them.
fn co_lnotab(obj: &PyRef) -> PyResult<PyRef> {
    let c = code_of(obj);
    let mut out = Vec::new();
    let mut emit = |a: i64, b: i64| out.extend_from_slice(&[a as u8, b as u8]);
    let mut offset = 0i64;
    let mut line = c.firstlineno as i64;
    for (start, _end, l) in location_table::lines(&c.locations) {
        let Some(l) = l else { continue };
        let l = l as i64;
        if l == line {
            continue;
        }
        let start = start as i64 * 2;
        let mut bdelta = start - offset;
        let mut ldelta = l - line;
        while bdelta > 255 {
            emit(255, 0);
            bdelta -= 255;
        }
        while ldelta > 127 {
            emit(bdelta, 127);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            emit(bdelta, -128);
            bdelta = 0;
            ldelta += 128;
        }
        emit(bdelta, ldelta);
        offset = start;
        line = l;
    }
    crate::objects::bytes::PyBytes::new(&out)
}

fn co_positions(obj: &PyRef) -> PyResult<PyRef> {
    let c = code_of(obj);
    let opt = |x: Option<i32>| -> PyResult<PyRef> {
        match x {
            Some(v) => PyInt::new(v as i64),
            None => Ok(crate::objects::none::none()),
        }
    };
    let mut v = Vec::new();
    for l in location_table::positions(&c.locations) {
        v.push(PyTuple::new(vec![
            opt(l.line)?,
            opt(l.end_line)?,
            opt(l.col)?,
            opt(l.end_col)?,
        ])?);
    }
    let list = crate::objects::list::PyList::new(v)?;
    crate::object::protocol::get_iter(&list)
}

/// `code.replace(**changes)`: a copy with the named fields replaced
/// (`code_replace_impl`). The local variable name tuples may be replaced
/// only by tuples of the same lengths.
fn code_replace(obj: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    if args.len() > nkw {
        return Err(PyErr::type_error(format!(
            "replace() takes no positional arguments ({} given)",
            args.len() - nkw
        )));
    }
    let c = code_of(obj);
    let keys: Vec<PyRef> = match kwnames {
        Some(k) => crate::object::protocol::collect(k)?,
        None => Vec::new(),
    };
    let mut n = PyCode {
        ob_base: PyObject::NEW,
        code: c.code.clone(),
        consts: c.consts.clone(),
        names: c.names.clone(),
        localsplusnames: c.localsplusnames.clone(),
        localspluskinds: c.localspluskinds.clone(),
        nlocalsplus: c.nlocalsplus,
        nlocals: c.nlocals,
        ncellvars: c.ncellvars,
        nfreevars: c.nfreevars,
        argcount: c.argcount,
        posonlyargcount: c.posonlyargcount,
        kwonlyargcount: c.kwonlyargcount,
        stacksize: c.stacksize,
        flags: c.flags,
        firstlineno: c.firstlineno,
        filename: c.filename.clone(),
        name: c.name.clone(),
        qualname: c.qualname.clone(),
        linetable: c.linetable.clone(),
        exceptiontable: c.exceptiontable.clone(),
        locations: c.locations.clone(),
        xcode: Box::new([]),
        caches: Box::new([]),
    };
    let off = args.len() - nkw;
    let mut relocate = false;
    for (i, k) in keys.iter().enumerate() {
        let key = crate::objects::descr::name_str(k).to_string();
        let v = &args[off + i];
        let want_int = |v: &PyRef| -> PyResult<i64> {
            if !v.is_instance_of::<PyInt>() {
                return Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be int, not {}",
                    v.ty().name()
                )));
            }
            crate::objects::int::as_i64(v)
        };
        let want = |v: &PyRef, what: &str, ok: bool| -> PyResult<PyRef> {
            if !ok {
                return Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be {what}, not {}",
                    v.ty().name()
                )));
            }
            Ok(v.clone())
        };
        let is_str = v.is_instance_of::<PyStr>();
        let is_tuple = v.is_instance_of::<PyTuple>();
        let bytes = v
            .downcast::<crate::objects::bytes::PyBytes>()
            .map(|b| b.as_bytes().to_vec());
        let usize_of = |x: i64| {
            usize::try_from(x).map_err(|_| PyErr::value_error("code: argument out of range"))
        };
        match key.as_str() {
            "co_argcount" => n.argcount = usize_of(want_int(v)?)?,
            "co_posonlyargcount" => n.posonlyargcount = usize_of(want_int(v)?)?,
            "co_kwonlyargcount" => n.kwonlyargcount = usize_of(want_int(v)?)?,
            "co_nlocals" => {
                want_int(v)?;
            }
            "co_stacksize" => n.stacksize = usize_of(want_int(v)?)?,
            "co_flags" => n.flags = want_int(v)? as i32,
            "co_firstlineno" => {
                n.firstlineno = want_int(v)? as i32;
                relocate = true;
            }
            "co_code" => match &bytes {
                Some(b) if b.len() % 2 == 0 => {
                    n.code = b
                        .chunks_exact(2)
                        .map(|p| u16::from_le_bytes([p[0], p[1]]))
                        .collect();
                }
                _ => {
                    want(v, "bytes", false)?;
                }
            },
            "co_linetable" => match &bytes {
                Some(b) => {
                    n.linetable = b.clone().into_boxed_slice();
                    relocate = true;
                }
                None => {
                    want(v, "bytes", false)?;
                }
            },
            "co_exceptiontable" => match &bytes {
                Some(b) => n.exceptiontable = b.clone().into_boxed_slice(),
                None => {
                    want(v, "bytes", false)?;
                }
            },
            "co_consts" => n.consts = want(v, "tuple", is_tuple)?,
            "co_names" => n.names = want(v, "tuple", is_tuple)?,
            "co_filename" => n.filename = want(v, "str", is_str)?,
            "co_name" => n.name = want(v, "str", is_str)?,
            "co_qualname" => n.qualname = want(v, "str", is_str)?,
            "co_varnames" | "co_cellvars" | "co_freevars" => {
                let t = want(v, "tuple", is_tuple)?;
                let new_names = crate::object::protocol::collect(&t)?;
                let kind = match key.as_str() {
                    "co_varnames" => fast_kind::LOCAL,
                    "co_cellvars" => fast_kind::CELL,
                    _ => fast_kind::FREE,
                };
                let mut all = crate::object::protocol::collect(&n.localsplusnames)?;
                let idx: Vec<usize> = n
                    .localspluskinds
                    .iter()
                    .enumerate()
                    .filter(|(_, &k)| k & kind != 0)
                    .map(|(i, _)| i)
                    .collect();
                if idx.len() != new_names.len() {
                    return Err(PyErr::value_error(format!(
                        "code: {key} must keep its length in Taipan"
                    )));
                }
                for (j, i) in idx.into_iter().enumerate() {
                    all[i] = new_names[j].clone();
                }
                n.localsplusnames = PyTuple::new(all)?;
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "replace() got an unexpected keyword argument '{key}'"
                )))
            }
        }
    }
    if relocate {
        n.locations = location_table::decode(n.firstlineno, &n.linetable)
            .unwrap_or_default()
            .into_boxed_slice();
    }
    let nargs = n.argcount
        + n.kwonlyargcount
        + (n.flags & flags::VARARGS != 0) as usize
        + (n.flags & flags::VARKEYWORDS != 0) as usize;
    if n.nlocals < nargs {
        return Err(PyErr::value_error("code: co_varnames is too small"));
    }
    (n.xcode, n.caches) = loop_units(
        &n.code,
        n.nlocalsplus,
        &n.consts,
        &n.names,
        n.stacksize,
        &n.exceptiontable,
    );
    alloc_object(&CODE_TYPE, n)
}

/// `code._varname_from_oparg(i)`: the name of fast local `i` (locals, cells
/// and free variables in one numbering), which `dis` uses.
fn co_varname_from_oparg(obj: &PyRef, i: &PyRef) -> PyResult<PyRef> {
    let c = code_of(obj);
    let n = crate::objects::int::as_i64(i)?;
    usize::try_from(n)
        .ok()
        .and_then(|k| c.localsplus_names().get(k).cloned())
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

static CODE_METHODS: &[MethodDef] = &[
    MethodDef::new("_varname_from_oparg", Meth::O(co_varname_from_oparg)),
    MethodDef::new("replace", Meth::FastKw(code_replace)),
    MethodDef::new("co_lines", Meth::NoArgs(co_lines)),
    MethodDef::new("co_positions", Meth::NoArgs(co_positions)),
    MethodDef::new("replace", Meth::FastKw(code_replace)),
];

static CODE_GETSET: &[GetSetDef] = &[
    GetSetDef::getter("co_code", co_code),
    GetSetDef::getter("_co_code_adaptive", co_code),
    GetSetDef::getter("co_consts", |o| Ok(code_of(o).consts.clone())),
    GetSetDef::getter("co_names", |o| Ok(code_of(o).names.clone())),
    GetSetDef::getter("co_varnames", |o| {
        code_of(o).names_of_kind(fast_kind::LOCAL)
    }),
    GetSetDef::getter("co_cellvars", |o| code_of(o).names_of_kind(fast_kind::CELL)),
    GetSetDef::getter("co_freevars", |o| code_of(o).names_of_kind(fast_kind::FREE)),
    GetSetDef::getter("co_argcount", |o| int(code_of(o).argcount)),
    GetSetDef::getter("co_posonlyargcount", |o| int(code_of(o).posonlyargcount)),
    GetSetDef::getter("co_kwonlyargcount", |o| int(code_of(o).kwonlyargcount)),
    GetSetDef::getter("co_nlocals", |o| int(code_of(o).nlocals)),
    GetSetDef::getter("co_stacksize", |o| int(code_of(o).stacksize)),
    GetSetDef::getter("co_flags", |o| PyInt::new(code_of(o).flags as i64)),
    GetSetDef::getter("co_firstlineno", |o| {
        PyInt::new(code_of(o).firstlineno as i64)
    }),
    GetSetDef::getter("co_filename", |o| Ok(code_of(o).filename.clone())),
    GetSetDef::getter("co_name", |o| Ok(code_of(o).name.clone())),
    GetSetDef::getter("co_qualname", |o| Ok(code_of(o).qualname.clone())),
    GetSetDef::getter("co_lnotab", co_lnotab),
    GetSetDef::getter("co_linetable", |o| {
        crate::objects::bytes::PyBytes::new(&code_of(o).linetable)
    }),
    GetSetDef::getter("co_exceptiontable", |o| {
        crate::objects::bytes::PyBytes::new(&code_of(o).exceptiontable)
    }),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&CODE_TYPE];
