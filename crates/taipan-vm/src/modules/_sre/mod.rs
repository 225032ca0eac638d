//! The `_sre` module (CPython's `Modules/_sre/sre.c`): `compile`, the
//! `re.Pattern`, `re.Match` and `_sre.SRE_Scanner` types, and the helpers
//! `re._compiler` calls (`getcodesize`, `ascii_iscased`, `unicode_iscased`,
//! `ascii_tolower`, `unicode_tolower`). The pure-Python `re` package turns a
//! pattern into SRE code; the matcher over that code is `engine.rs`.
//!
//! Subjects are str (all three PEP 393 widths, matched in place), bytes and
//! bytearray (in place), and memoryview / array.array (through a copy made
//! by their `tobytes()`: Taipan deviation, CPython takes any buffer).
//! Template expansion is done in Python as in CPython 3.11: `sub` hands a
//! non-literal template to `re._subx`, `Match.expand` calls `re._expand`.
//! Taipan deviation: the three types are not GC-tracked (a cycle through a
//! str subclass's `__dict__` would leak).

pub mod constants;
pub mod engine;

use std::cell::{Cell, UnsafeCell};

use constants::*;
use engine::{Matcher, SreError, State};

use crate::modules::builtins::parse;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::bytearray::PyByteArray;
use crate::objects::bytes::PyBytes;
use crate::objects::dict::PyDict;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

// ---------------------------------------------------------------------------
// Subjects.

/// The characters of a subject.
pub enum Subject<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match self {
            Subject::U8(s) => s.len(),
            Subject::U16(s) => s.len(),
            Subject::U32(s) => s.len(),
        }
    }
}

/// Runs `$body` with `$s` bound to the subject's slice, for each width.
macro_rules! with_chars {
    ($subj:expr, $s:ident => $body:expr) => {
        match $subj {
            Subject::U8($s) => $body,
            Subject::U16($s) => $body,
            Subject::U32($s) => $body,
        }
    };
}

fn expected_string(o: &PyRef) -> PyErr {
    PyErr::type_error(format!(
        "expected string or bytes-like object, got '{}'",
        o.ty().name()
    ))
}

/// `getstring`: runs `f` on the characters of `string` and whether it is
/// bytes-like. `f` must not run Python code.
fn with_subject<R>(string: &PyRef, f: &mut dyn FnMut(Subject<'_>, bool) -> R) -> PyResult<R> {
    if let Some(s) = string.downcast::<PyStr>() {
        let subj = if let Some(b) = s.latin1() {
            Subject::U8(b)
        } else if let Some(w) = s.ucs2() {
            Subject::U16(w)
        } else if let Some(w) = s.ucs4() {
            Subject::U32(w)
        } else {
            return Err(PyErr::system_error("_sre: unknown str kind"));
        };
        return Ok(f(subj, false));
    }
    if let Some(b) = string.downcast::<PyBytes>() {
        return Ok(f(Subject::U8(b.as_bytes()), true));
    }
    if let Some(b) = string.downcast::<PyByteArray>() {
        return Ok(b.with_mut(|v| f(Subject::U8(v), true)));
    }
    let name = string.ty().name();
    if name == "memoryview" || name == "array" || name == "array.array" || name == "mmap.mmap" {
        let copy = protocol::call_method(string, "tobytes", &[])?;
        if let Some(b) = copy.downcast::<PyBytes>() {
            return Ok(f(Subject::U8(b.as_bytes()), true));
        }
    }
    Err(expected_string(string))
}

/// The length of a subject (and whether it is bytes-like).
fn subject_info(string: &PyRef) -> PyResult<(usize, bool)> {
    with_subject(string, &mut |s, b| (s.len(), b))
}

/// `getslice`: `string[i:j]` as str or bytes (the object itself when it is
/// an exact str/bytes and the slice is all of it).
fn getslice(string: &PyRef, i: isize, j: isize) -> PyResult<PyRef> {
    let i = i.max(0) as usize;
    let j = j.max(0) as usize;
    if let Some(s) = string.downcast::<PyStr>() {
        let len = s.len();
        let (i, j) = (i.min(len), j.min(len).max(i.min(len)));
        if i == 0 && j == len && string.is_exact::<PyStr>() {
            return Ok(string.clone());
        }
        if let Some(b) = s.latin1() {
            let part = b.get(i..j).unwrap_or(&[]);
            let ascii = s.is_ascii() || part.iter().all(|&c| c < 0x80);
            return PyStr::from_latin1_unchecked(&crate::objects::str::STR_TYPE, part, ascii);
        }
        let cps: Vec<u32> = if let Some(w) = s.ucs2() {
            w.get(i..j)
                .unwrap_or(&[])
                .iter()
                .map(|&c| c as u32)
                .collect()
        } else if let Some(w) = s.ucs4() {
            w.get(i..j).unwrap_or(&[]).to_vec()
        } else {
            Vec::new()
        };
        return PyStr::from_code_points(&cps);
    }
    if let Some(b) = string.downcast::<PyBytes>() {
        let d = b.as_bytes();
        if i == 0 && j >= d.len() && string.is_exact::<PyBytes>() {
            return Ok(string.clone());
        }
    }
    let part = with_subject(string, &mut |s, _| match s {
        Subject::U8(b) => {
            let j = j.min(b.len());
            b.get(i.min(j)..j).unwrap_or(&[]).to_vec()
        }
        _ => Vec::new(),
    })?;
    PyBytes::new(&part)
}

/// The empty str or bytes, like the subject.
fn empty_like(string: &PyRef) -> PyResult<PyRef> {
    if string.is_instance_of::<PyStr>() {
        PyStr::new("")
    } else {
        PyBytes::new(&[])
    }
}

// ---------------------------------------------------------------------------
// Pattern.

#[repr(C)]
pub struct PyPattern {
    pub ob_base: PyObject,
    code: Vec<u32>,
    /// The source pattern (str, bytes or None).
    pattern: PyRef,
    /// A dict of group names to numbers, or None when there are none.
    groupindex: Option<PyRef>,
    /// A tuple of group names by number, or None.
    indexgroup: Option<PyRef>,
    flags: i64,
    groups: usize,
    /// 1: bytes pattern, 0: str pattern, -1: no pattern (None).
    isbytes: i8,
    weaklist: Cell<*mut PyObject>,
}

// SAFETY: repr(C), header first; the type is PATTERN_TYPE.
unsafe impl PyPayload for PyPattern {
    fn type_object() -> &'static PyType {
        &PATTERN_TYPE
    }
}

unsafe fn drop_pattern(obj: *mut PyObject) {
    // SAFETY: obj is a dead Pattern; its fields are dropped once.
    unsafe {
        let p = obj as *mut PyPattern;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).code));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).pattern));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).groupindex));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).indexgroup));
    }
}

pub static PATTERN_TYPE: PyType = PyType {
    tp_name: "re.Pattern",
    tp_basicsize: Cell::new(std::mem::size_of::<PyPattern>()),
    tp_flags: Cell::new(TypeFlags::IMMUTABLETYPE | TypeFlags::DISALLOW_INSTANTIATION),
    tp_new: Cell::new(Some(|_, _, _| no_new("re.Pattern"))),
    tp_doc: Some("Compiled regular expression object."),
    tp_weaklistoffset: Cell::new(std::mem::offset_of!(PyPattern, weaklist) as isize),
    tp_drop: Some(drop_pattern),
    tp_repr: Cell::new(Some(pattern_repr)),
    tp_hash: Cell::new(Some(pattern_hash)),
    tp_richcompare: Cell::new(Some(pattern_richcompare)),
    tp_methods: &[
        MethodDef::new("match", Meth::FastKw(pattern_match)),
        MethodDef::new("fullmatch", Meth::FastKw(pattern_fullmatch)),
        MethodDef::new("search", Meth::FastKw(pattern_search)),
        MethodDef::new("sub", Meth::FastKw(pattern_sub)),
        MethodDef::new("subn", Meth::FastKw(pattern_subn)),
        MethodDef::new("findall", Meth::FastKw(pattern_findall)),
        MethodDef::new("split", Meth::FastKw(pattern_split)),
        MethodDef::new("finditer", Meth::FastKw(pattern_finditer)),
        MethodDef::new("scanner", Meth::FastKw(pattern_scanner)),
        MethodDef::new("__copy__", Meth::NoArgs(|o| Ok(o.clone()))),
        MethodDef::new("__deepcopy__", Meth::O(|o, _| Ok(o.clone()))),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    tp_getset: &[
        GetSetDef::getter("pattern", |o| Ok(pat(o).pattern.clone())),
        GetSetDef::getter("flags", |o| PyInt::new(pat(o).flags)),
        GetSetDef::getter("groups", |o| PyInt::new(pat(o).groups as i64)),
        GetSetDef::getter("groupindex", pattern_groupindex),
    ],
    ..PyType::BASE
};

/// `Py_TPFLAGS_DISALLOW_INSTANTIATION`.
fn no_new(name: &str) -> PyResult<PyRef> {
    Err(PyErr::type_error(format!(
        "cannot create '{name}' instances"
    )))
}

fn pat(o: &PyRef) -> &PyPattern {
    // SAFETY: the slots and methods of re.Pattern get Pattern objects (the type cannot be subclassed).
    unsafe { o.payload_unchecked::<PyPattern>() }
}

fn engine_error(e: SreError) -> PyErr {
    match e {
        SreError::Memory => PyErr::no_memory(),
        _ => PyErr::runtime_error("internal error in regular expression engine"),
    }
}

/// `state_init`: checks the subject's kind against the pattern's and makes
/// the state for `string[pos:endpos]`.
fn state_init(p: &PyPattern, string: &PyRef, pos: isize, endpos: isize) -> PyResult<State> {
    let (len, isbytes) = subject_info(string)?;
    if isbytes && p.isbytes == 0 {
        return Err(PyErr::type_error(
            "cannot use a string pattern on a bytes-like object",
        ));
    }
    if !isbytes && p.isbytes > 0 {
        return Err(PyErr::type_error(
            "cannot use a bytes pattern on a string-like object",
        ));
    }
    Ok(State::new(p.groups, len, pos, endpos))
}

/// One match (`search` false) or search from `st.start`, after a reset.
fn step(p: &PyPattern, string: &PyRef, st: &mut State, search: bool) -> PyResult<bool> {
    st.reset();
    st.ptr = st.start;
    let code = &p.code[..];
    let r = with_subject(string, &mut |subj, _| {
        with_chars!(subj, s => {
            let mut m = Matcher::new(st, s, code);
            if search { m.search() } else { m.do_match() }
        })
    })?;
    r.map_err(engine_error)
}

/// `pattern_new_match`.
fn new_match(pattern: &PyRef, string: &PyRef, st: &State) -> PyResult<PyRef> {
    let p = pat(pattern);
    let mut marks = Vec::with_capacity(2 * (p.groups + 1));
    marks.push(st.start);
    marks.push(st.ptr);
    for g in 0..p.groups {
        let j = 2 * g;
        let a = st.marks.get(j).copied().unwrap_or(-1);
        let b = st.marks.get(j + 1).copied().unwrap_or(-1);
        if (j + 1) as isize <= st.lastmark && a >= 0 && b >= 0 {
            if a > b {
                return Err(PyErr::system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            marks.push(a);
            marks.push(b);
        } else {
            marks.push(-1);
            marks.push(-1);
        }
    }
    alloc_object(
        &MATCH_TYPE,
        PyMatch {
            ob_base: PyObject::NEW,
            string: string.clone(),
            pattern: pattern.clone(),
            regs: ObjCell::empty(),
            marks,
            groups: p.groups + 1,
            pos: st.pos,
            endpos: st.endpos,
            lastindex: st.lastindex,
        },
    )
}

const POS_NAMES: &[&str] = &["string", "pos", "endpos"];

fn ssize_or(v: &Option<PyRef>, default: isize) -> PyResult<isize> {
    match v {
        Some(v) => crate::objects::slice::ssize_arg(v),
        None => Ok(default),
    }
}

/// `match`, `fullmatch` and `search`.
fn match_like(
    o: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    name: &str,
    full: bool,
    search: bool,
) -> PyResult<PyRef> {
    let a = parse(name, args, kwnames, POS_NAMES, 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let pos = ssize_or(&a[1], 0)?;
    let endpos = ssize_or(&a[2], isize::MAX)?;
    let p = pat(o);
    let mut st = state_init(p, &string, pos, endpos)?;
    st.match_all = full;
    if step(p, &string, &mut st, search)? {
        new_match(o, &string, &st)
    } else {
        Ok(none())
    }
}

fn pattern_match(o: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    match_like(o, args, kw, "match", false, false)
}

fn pattern_fullmatch(o: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    match_like(o, args, kw, "fullmatch", true, false)
}

fn pattern_search(o: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult<PyRef> {
    match_like(o, args, kw, "search", false, true)
}

/// `state_getslice`: group `index` (1-based) of the current state, or
/// `None` / the empty string when it did not match.
fn state_getslice(string: &PyRef, st: &State, index: usize, empty: bool) -> PyResult<PyRef> {
    match st.group_span(index) {
        Some((i, j)) => {
            if i > j {
                return Err(PyErr::system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ));
            }
            getslice(string, i, j)
        }
        None if empty => getslice(string, 0, 0),
        None => Ok(none()),
    }
}

fn pattern_findall(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("findall", args, kwnames, POS_NAMES, 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let pos = ssize_or(&a[1], 0)?;
    let endpos = ssize_or(&a[2], isize::MAX)?;
    let p = pat(o);
    let mut st = state_init(p, &string, pos, endpos)?;
    let mut out = Vec::new();
    while st.start <= st.end {
        if !step(p, &string, &mut st, true)? {
            break;
        }
        let item = match p.groups {
            0 => getslice(&string, st.start, st.ptr)?,
            1 => state_getslice(&string, &st, 1, true)?,
            n => {
                let mut t = Vec::with_capacity(n);
                for i in 0..n {
                    t.push(state_getslice(&string, &st, i + 1, true)?);
                }
                PyTuple::new(t)?
            }
        };
        out.push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    PyList::new(out)
}

fn pattern_split(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("split", args, kwnames, &["string", "maxsplit"], 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let maxsplit = ssize_or(&a[1], 0)?;
    let p = pat(o);
    let mut st = state_init(p, &string, 0, isize::MAX)?;
    let mut out = Vec::new();
    let mut n = 0isize;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        if !step(p, &string, &mut st, true)? {
            break;
        }
        out.push(getslice(&string, last, st.start)?);
        for i in 0..p.groups {
            out.push(state_getslice(&string, &st, i + 1, false)?);
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.ptr;
    }
    out.push(getslice(&string, last, st.endpos)?);
    PyList::new(out)
}

/// Does a str or bytes-like template contain no backslash?
fn is_literal_template(t: &PyRef) -> bool {
    with_subject(t, &mut |s, _| {
        with_chars!(s, s => !s.iter().any(|&c| engine::SreChar::code(c) == b'\\' as u32))
    })
    .unwrap_or(false)
}

fn re_module_call(name: &str, args: &[PyRef]) -> PyResult<PyRef> {
    let m = crate::import::import_module("re")?;
    let f = protocol::getattr_str(&m, name)?;
    protocol::call1(&f, args)
}

/// `pattern_subx`.
fn subx(o: &PyRef, repl: &PyRef, string: &PyRef, count: isize, subn: bool) -> PyResult<PyRef> {
    let callable = |x: &PyRef| x.ty().tp_call.get().is_some();
    let (filter, filter_is_callable) = if callable(repl) {
        (repl.clone(), true)
    } else if is_literal_template(repl) {
        (repl.clone(), false)
    } else {
        let f = re_module_call("_subx", &[o.clone(), repl.clone()])?;
        let c = callable(&f);
        (f, c)
    };
    let p = pat(o);
    let mut st = state_init(p, string, 0, isize::MAX)?;
    let mut out: Vec<PyRef> = Vec::new();
    let mut n = 0isize;
    let mut i = 0isize;
    while count == 0 || n < count {
        if !step(p, string, &mut st, true)? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            out.push(getslice(string, i, b)?);
        }
        if filter_is_callable {
            let m = new_match(o, string, &st)?;
            let item = protocol::call1(&filter, &[m])?;
            if !item.is_none() {
                out.push(item);
            }
        } else if !filter.is_none() {
            out.push(filter.clone());
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < st.endpos {
        out.push(getslice(string, i, st.endpos)?);
    }
    let joiner = empty_like(string)?;
    let item = if out.is_empty() {
        joiner
    } else {
        let list = PyList::new(out)?;
        protocol::call_method(&joiner, "join", &[list])?
    };
    if subn {
        PyTuple::new(vec![item, PyInt::new(n as i64)?])
    } else {
        Ok(item)
    }
}

fn sub_args(
    name: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<(PyRef, PyRef, isize)> {
    let a = parse(name, args, kwnames, &["repl", "string", "count"], 2)?;
    Ok((
        a[0].clone().unwrap_or_else(none),
        a[1].clone().unwrap_or_else(none),
        ssize_or(&a[2], 0)?,
    ))
}

fn pattern_sub(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (repl, string, count) = sub_args("sub", args, kwnames)?;
    subx(o, &repl, &string, count, false)
}

fn pattern_subn(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (repl, string, count) = sub_args("subn", args, kwnames)?;
    subx(o, &repl, &string, count, true)
}

fn make_scanner(o: &PyRef, string: &PyRef, pos: isize, endpos: isize) -> PyResult<PyRef> {
    let st = state_init(pat(o), string, pos, endpos)?;
    alloc_object(
        &SCANNER_TYPE,
        PyScanner {
            ob_base: PyObject::NEW,
            pattern: o.clone(),
            string: string.clone(),
            state: UnsafeCell::new(st),
            done: Cell::new(false),
            executing: Cell::new(false),
        },
    )
}

fn pattern_scanner(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("scanner", args, kwnames, POS_NAMES, 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let pos = ssize_or(&a[1], 0)?;
    let endpos = ssize_or(&a[2], isize::MAX)?;
    make_scanner(o, &string, pos, endpos)
}

fn pattern_finditer(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("finditer", args, kwnames, POS_NAMES, 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let pos = ssize_or(&a[1], 0)?;
    let endpos = ssize_or(&a[2], isize::MAX)?;
    let sc = make_scanner(o, &string, pos, endpos)?;
    let search = protocol::getattr_str(&sc, "search")?;
    crate::objects::iter::new_callable_iter(search, none())
}

fn pattern_repr(o: &PyRef) -> PyResult<PyRef> {
    const NAMES: &[(&str, i64)] = &[
        ("re.TEMPLATE", FLAG_TEMPLATE),
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let p = pat(o);
    let mut flags = p.flags;
    if p.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut items: Vec<String> = Vec::new();
    for &(n, v) in NAMES {
        if flags & v != 0 {
            items.push(n.to_string());
            flags &= !v;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as i32 as u32));
    }
    let r: String = protocol::repr_string(&p.pattern)?
        .chars()
        .take(200)
        .collect();
    let s = if items.is_empty() {
        format!("re.compile({r})")
    } else {
        format!("re.compile({r}, {})", items.join("|"))
    };
    PyStr::new(&s)
}

fn pattern_hash(o: &PyRef) -> PyResult<isize> {
    let p = pat(o);
    let mut h = protocol::hash(&p.pattern)?;
    let bytes: Vec<u8> = p.code.iter().flat_map(|c| c.to_ne_bytes()).collect();
    h ^= crate::objects::pyhash::hash_bytes(&bytes);
    h ^= p.flags as isize;
    h ^= p.isbytes as isize;
    h ^= p.code.len() as isize;
    if h == -1 {
        h = -2;
    }
    Ok(h)
}

fn pattern_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !b.is_exact::<PyPattern>() {
        return Ok(not_implemented());
    }
    let eq = if a.is(b) {
        true
    } else {
        let (l, r) = (pat(a), pat(b));
        l.flags == r.flags
            && l.isbytes == r.isbytes
            && l.code == r.code
            && protocol::rich_compare_bool(&l.pattern, &r.pattern, CompareOp::Eq)?
    };
    Ok(py_bool(if matches!(op, CompareOp::Eq) { eq } else { !eq }))
}

fn pattern_groupindex(o: &PyRef) -> PyResult<PyRef> {
    match &pat(o).groupindex {
        Some(d) => crate::objects::type_::heap::new_mappingproxy(d.clone()),
        None => PyDict::new(),
    }
}

// ---------------------------------------------------------------------------
// Match.

#[repr(C)]
pub struct PyMatch {
    pub ob_base: PyObject,
    string: PyRef,
    pattern: PyRef,
    regs: ObjCell,
    /// Start and end of each group (group 0 first); -1 where unset.
    marks: Vec<isize>,
    groups: usize,
    pos: isize,
    endpos: isize,
    lastindex: isize,
}

// SAFETY: repr(C), header first; the type is MATCH_TYPE.
unsafe impl PyPayload for PyMatch {
    fn type_object() -> &'static PyType {
        &MATCH_TYPE
    }
}

unsafe fn drop_match(obj: *mut PyObject) {
    // SAFETY: obj is a dead Match; its fields are dropped once.
    unsafe {
        let p = obj as *mut PyMatch;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).string));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).pattern));
        drop((*p).regs.take());
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).marks));
    }
}

pub static MATCH_TYPE: PyType = PyType {
    tp_name: "re.Match",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMatch>()),
    tp_flags: Cell::new(TypeFlags::IMMUTABLETYPE | TypeFlags::DISALLOW_INSTANTIATION),
    tp_new: Cell::new(Some(|_, _, _| no_new("re.Match"))),
    tp_doc: Some(
        "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
    ),
    tp_drop: Some(drop_match),
    tp_repr: Cell::new(Some(match_repr)),
    as_mapping: MappingSlots {
        mp_length: Cell::new(None),
        mp_subscript: Cell::new(Some(match_getitem)),
        mp_ass_subscript: Cell::new(None),
    },
    tp_methods: &[
        MethodDef::new("group", Meth::FastKw(match_group)),
        MethodDef::new("start", Meth::Fast(match_start)),
        MethodDef::new("end", Meth::Fast(match_end)),
        MethodDef::new("span", Meth::Fast(match_span)),
        MethodDef::new("groups", Meth::FastKw(match_groups)),
        MethodDef::new("groupdict", Meth::FastKw(match_groupdict)),
        MethodDef::new("expand", Meth::FastKw(match_expand)),
        MethodDef::new("__copy__", Meth::NoArgs(|o| Ok(o.clone()))),
        MethodDef::new("__deepcopy__", Meth::O(|o, _| Ok(o.clone()))),
        MethodDef::class(
            "__class_getitem__",
            Meth::O(crate::objects::list::class_getitem),
        ),
    ],
    tp_getset: &[
        GetSetDef::getter("lastindex", |o| {
            let m = mt(o);
            if m.lastindex >= 0 {
                PyInt::new(m.lastindex as i64)
            } else {
                Ok(none())
            }
        }),
        GetSetDef::getter("lastgroup", match_lastgroup),
        GetSetDef::getter("regs", match_regs),
        GetSetDef::getter("string", |o| Ok(mt(o).string.clone())),
        GetSetDef::getter("re", |o| Ok(mt(o).pattern.clone())),
        GetSetDef::getter("pos", |o| PyInt::new(mt(o).pos as i64)),
        GetSetDef::getter("endpos", |o| PyInt::new(mt(o).endpos as i64)),
    ],
    ..PyType::BASE
};

fn mt(o: &PyRef) -> &PyMatch {
    // SAFETY: the slots and methods of re.Match get Match objects (the type cannot be subclassed).
    unsafe { o.payload_unchecked::<PyMatch>() }
}

impl PyMatch {
    fn span(&self, g: usize) -> (isize, isize) {
        (
            self.marks.get(2 * g).copied().unwrap_or(-1),
            self.marks.get(2 * g + 1).copied().unwrap_or(-1),
        )
    }

    /// `match_getslice_by_index`.
    fn slice(&self, g: usize, def: &PyRef) -> PyResult<PyRef> {
        let (i, j) = self.span(g);
        if self.string.is_none() || i < 0 {
            return Ok(def.clone());
        }
        getslice(&self.string, i, j)
    }

    /// `match_getindex`.
    fn index(&self, key: &PyRef) -> PyResult<usize> {
        let i: isize = if crate::objects::str::has_index(key) {
            let v = protocol::index(key)?;
            match v.downcast::<PyInt>().and_then(|x| x.as_i64()) {
                Some(x) => x as isize,
                None => -1,
            }
        } else {
            let mut i = -1;
            if let Some(gi) = &pat(&self.pattern).groupindex {
                if let Some(d) = gi.downcast::<PyDict>() {
                    if let Some(v) = d.get_item(key)? {
                        if let Some(x) = v.downcast::<PyInt>().and_then(|x| x.as_i64()) {
                            i = x as isize;
                        }
                    }
                }
            }
            i
        };
        if i < 0 || i as usize >= self.groups {
            return Err(PyErr::index_error("no such group"));
        }
        Ok(i as usize)
    }
}

fn match_getitem(o: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let m = mt(o);
    let g = m.index(key)?;
    m.slice(g, &none())
}

fn match_group(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    crate::objects::slice::no_kwargs("group", kwnames)?;
    let m = mt(o);
    match args.len() {
        0 => m.slice(0, &none()),
        1 => m.slice(m.index(&args[0])?, &none()),
        _ => {
            let mut out = Vec::with_capacity(args.len());
            for a in args {
                out.push(m.slice(m.index(a)?, &none())?);
            }
            PyTuple::new(out)
        }
    }
}

fn group_arg(name: &str, o: &PyRef, args: &[PyRef]) -> PyResult<usize> {
    crate::modules::builtins::check_nargs(name, args.len(), 0, 1)?;
    match args.first() {
        Some(a) => mt(o).index(a),
        None => Ok(0),
    }
}

fn match_start(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let g = group_arg("start", o, args)?;
    PyInt::new(mt(o).span(g).0 as i64)
}

fn match_end(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let g = group_arg("end", o, args)?;
    PyInt::new(mt(o).span(g).1 as i64)
}

fn pair(a: isize, b: isize) -> PyResult<PyRef> {
    PyTuple::new(vec![PyInt::new(a as i64)?, PyInt::new(b as i64)?])
}

fn match_span(o: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    let g = group_arg("span", o, args)?;
    let (a, b) = mt(o).span(g);
    pair(a, b)
}

fn match_groups(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("groups", args, kwnames, &["default"], 0)?;
    let def = a[0].clone().unwrap_or_else(none);
    let m = mt(o);
    let mut out = Vec::with_capacity(m.groups.saturating_sub(1));
    for g in 1..m.groups {
        out.push(m.slice(g, &def)?);
    }
    PyTuple::new(out)
}

fn match_groupdict(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("groupdict", args, kwnames, &["default"], 0)?;
    let def = a[0].clone().unwrap_or_else(none);
    let m = mt(o);
    let result = PyDict::new()?;
    if let Some(gi) = &pat(&m.pattern).groupindex {
        if let Some(d) = gi.downcast::<PyDict>() {
            for (k, _) in d.items() {
                let g = m.index(&k)?;
                let v = m.slice(g, &def)?;
                protocol::set_item(&result, &k, Some(&v))?;
            }
        }
    }
    Ok(result)
}

fn match_expand(o: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("expand", args, kwnames, &["template"], 1)?;
    let t = a[0].clone().unwrap_or_else(none);
    re_module_call("_expand", &[mt(o).pattern.clone(), o.clone(), t])
}

fn match_lastgroup(o: &PyRef) -> PyResult<PyRef> {
    let m = mt(o);
    if let Some(ig) = &pat(&m.pattern).indexgroup {
        if let Some(t) = ig.downcast::<PyTuple>() {
            if m.lastindex >= 0 {
                if let Some(v) = t.items().get(m.lastindex as usize) {
                    return Ok(v.clone());
                }
            }
        }
    }
    Ok(none())
}

fn match_regs(o: &PyRef) -> PyResult<PyRef> {
    let m = mt(o);
    if let Some(r) = m.regs.get_owned() {
        return Ok(r);
    }
    let mut out = Vec::with_capacity(m.groups);
    for g in 0..m.groups {
        let (a, b) = m.span(g);
        out.push(pair(a, b)?);
    }
    let t = PyTuple::new(out)?;
    drop(m.regs.set(Some(t.clone())));
    Ok(t)
}

fn match_repr(o: &PyRef) -> PyResult<PyRef> {
    let m = mt(o);
    let g0 = m.slice(0, &none())?;
    let r: String = protocol::repr_string(&g0)?.chars().take(50).collect();
    let (a, b) = m.span(0);
    PyStr::new(&format!("<re.Match object; span=({a}, {b}), match={r}>"))
}

// ---------------------------------------------------------------------------
// Scanner.

#[repr(C)]
pub struct PyScanner {
    pub ob_base: PyObject,
    pattern: PyRef,
    string: PyRef,
    state: UnsafeCell<State>,
    /// No more matches (`state->start == NULL`).
    done: Cell<bool>,
    executing: Cell<bool>,
}

// SAFETY: repr(C), header first; the type is SCANNER_TYPE.
unsafe impl PyPayload for PyScanner {
    fn type_object() -> &'static PyType {
        &SCANNER_TYPE
    }
}

unsafe fn drop_scanner(obj: *mut PyObject) {
    // SAFETY: obj is a dead scanner; its fields are dropped once.
    unsafe {
        let p = obj as *mut PyScanner;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).pattern));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).string));
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p).state));
    }
}

pub static SCANNER_TYPE: PyType = PyType {
    tp_name: "_sre.SRE_Scanner",
    tp_basicsize: Cell::new(std::mem::size_of::<PyScanner>()),
    tp_flags: Cell::new(TypeFlags::IMMUTABLETYPE | TypeFlags::DISALLOW_INSTANTIATION),
    tp_new: Cell::new(Some(|_, _, _| no_new("_sre.SRE_Scanner"))),
    tp_drop: Some(drop_scanner),
    tp_methods: &[
        MethodDef::new("match", Meth::NoArgs(|o| scanner_next(o, false))),
        MethodDef::new("search", Meth::NoArgs(|o| scanner_next(o, true))),
    ],
    tp_getset: &[GetSetDef::getter("pattern", |o| Ok(sc(o).pattern.clone()))],
    ..PyType::BASE
};

fn sc(o: &PyRef) -> &PyScanner {
    // SAFETY: the methods of SRE_Scanner get scanner objects (the type cannot be subclassed).
    unsafe { o.payload_unchecked::<PyScanner>() }
}

fn scanner_next(o: &PyRef, search: bool) -> PyResult<PyRef> {
    let s = sc(o);
    if s.executing.get() {
        return Err(PyErr::value_error(
            "regular expression scanner already executing",
        ));
    }
    if s.done.get() {
        return Ok(none());
    }
    s.executing.set(true);
    // SAFETY: `executing` keeps this the only borrow of the state; no Python code runs while it is held.
    let st = unsafe { &mut *s.state.get() };
    let r = step(pat(&s.pattern), &s.string, st, search);
    let r = match r {
        Ok(true) => {
            let m = new_match(&s.pattern, &s.string, st);
            st.must_advance = st.ptr == st.start;
            st.start = st.ptr;
            m
        }
        Ok(false) => {
            s.done.set(true);
            Ok(none())
        }
        Err(e) => Err(e),
    };
    s.executing.set(false);
    r
}

// ---------------------------------------------------------------------------
// Module functions.

fn int_arg(v: &PyRef) -> PyResult<i64> {
    let i = protocol::index(v)?;
    match i.downcast::<PyInt>().and_then(|x| x.as_i64()) {
        Some(x) if x >= i32::MIN as i64 && x <= i32::MAX as i64 => Ok(x),
        _ => Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        )),
    }
}

fn sre_getcodesize(_m: &PyRef) -> PyResult<PyRef> {
    PyInt::new(4)
}

fn sre_ascii_iscased(_m: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    let ch = int_arg(c)? as u32;
    Ok(py_bool(ch < 128 && (ch as u8).is_ascii_alphabetic()))
}

fn sre_unicode_iscased(_m: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    let ch = int_arg(c)? as u32;
    Ok(py_bool(
        ch != engine::lower_unicode(ch) || ch != engine::upper_unicode(ch),
    ))
}

fn sre_ascii_tolower(_m: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    let ch = int_arg(c)? as u32;
    PyInt::new(engine::lower_ascii(ch) as i32 as i64)
}

fn sre_unicode_tolower(_m: &PyRef, c: &PyRef) -> PyResult<PyRef> {
    let ch = int_arg(c)? as u32;
    PyInt::new(engine::lower_unicode(ch) as i32 as i64)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "compile",
        args,
        kwnames,
        &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        6,
    )?;
    let pattern = a[0].clone().unwrap_or_else(none);
    let flags = int_arg(&a[1].clone().unwrap_or_else(none))?;
    let code = a[2].clone().unwrap_or_else(none);
    let groups = crate::objects::slice::ssize_arg(&a[3].clone().unwrap_or_else(none))?;
    let groupindex = a[4].clone().unwrap_or_else(none);
    let indexgroup = a[5].clone().unwrap_or_else(none);
    let wrong = |n: &str, what: &str, o: &PyRef| {
        PyErr::type_error(format!(
            "compile() argument '{n}' must be {what}, not {}",
            o.ty().name()
        ))
    };
    let Some(code_list) = code.downcast::<PyList>() else {
        return Err(wrong("code", "list", &code));
    };
    let Some(gi) = groupindex.downcast::<PyDict>() else {
        return Err(wrong("groupindex", "dict", &groupindex));
    };
    let Some(ig) = indexgroup.downcast::<PyTuple>() else {
        return Err(wrong("indexgroup", "tuple", &indexgroup));
    };
    let mut words = Vec::with_capacity(code_list.len());
    for item in code_list.snapshot() {
        // CPython reports any word that is not an int in 0..2**32 so.
        let v = item
            .downcast::<PyInt>()
            .and_then(|i| u32::try_from(&i.to_bigint()).ok());
        match v {
            Some(v) => words.push(v),
            None => {
                return Err(PyErr::overflow_error(
                    "regular expression code size limit exceeded",
                ))
            }
        }
    }
    let isbytes: i8 = if pattern.is_none() {
        -1
    } else {
        let (_, b) = subject_info(&pattern)?;
        b as i8
    };
    if groups < 0 || groups as u64 > MAXGROUPS as u64 || ig.len() as isize > groups + 1 {
        return Err(PyErr::runtime_error("invalid SRE code"));
    }
    let has_names = !gi.is_empty();
    let obj = alloc_object(
        &PATTERN_TYPE,
        PyPattern {
            ob_base: PyObject::NEW,
            code: words,
            pattern,
            groupindex: if has_names {
                Some(groupindex.clone())
            } else {
                None
            },
            indexgroup: if has_names && !ig.is_empty() {
                Some(indexgroup.clone())
            } else {
                None
            },
            flags,
            groups: groups as usize,
            isbytes,
            weaklist: Cell::new(std::ptr::null_mut()),
        },
    )?;
    Ok(obj)
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("compile", Meth::FastKw(sre_compile)),
    MethodDef::new("getcodesize", Meth::NoArgs(sre_getcodesize)),
    MethodDef::new("ascii_iscased", Meth::O(sre_ascii_iscased)),
    MethodDef::new("unicode_iscased", Meth::O(sre_unicode_iscased)),
    MethodDef::new("ascii_tolower", Meth::O(sre_ascii_tolower)),
    MethodDef::new("unicode_tolower", Meth::O(sre_unicode_tolower)),
];

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&PATTERN_TYPE, &MATCH_TYPE, &SCANNER_TYPE];

/// Creates the `_sre` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_sre")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str("MAGIC", PyInt::new(MAGIC as i64)?)?;
        d.set_str("CODESIZE", PyInt::new(4)?)?;
        d.set_str("MAXREPEAT", PyInt::new(MAXREPEAT as i64)?)?;
        d.set_str("MAXGROUPS", PyInt::new(MAXGROUPS as i64)?)?;
        d.set_str(
            "copyright",
            PyStr::new(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")?,
        )?;
        Ok(())
    })?;
    Ok(m)
}
