//! The `unicodedata` module (CPython's `Modules/unicodedata.c`), Unicode
//! 14.0.0 as CPython 3.11: `lookup`, `name`, `category`, `bidirectional`,
//! `combining`, `decimal`, `digit`, `numeric`, `east_asian_width`,
//! `mirrored`, `decomposition`, `normalize`, `is_normalized`,
//! `unidata_version`.
//!
//! The properties come from `unicodedata_db.rs` (generated from python3.11 by
//! `scripts/gen_unicodedata.py`); names from the parser's `\N{...}` table
//! (aliases skipped). Taipan deviations: normalization is the
//! `unicode-normalization` crate, whose tables are Unicode 15.0 (characters
//! assigned in 15.0 may normalize where CPython leaves them alone);
//! named sequences in `lookup` are missing. `ucd_3_2_0` (a `UCD` object whose
//! methods are these functions over the Unicode 3.2.0 tables) has 3.2.0's
//! properties and numeric values; its names, decompositions and
//! normalization are today's for the characters 3.2.0 had.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::modules::unicodedata_db as db;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::str::PyStr;

/// The one character of `o`, or CPython's TypeError.
fn one_char(fname: &str, o: &PyRef) -> PyResult<u32> {
    match o.downcast::<PyStr>() {
        Some(s) if s.len() == 1 => Ok(s.char_at(0)),
        _ => Err(PyErr::type_error(format!(
            "{fname}() argument must be a unicode character, not {}",
            o.ty().name()
        ))),
    }
}

/// The `UCD` object (`ucd_3_2_0`): the module's functions are its methods,
/// called with it as `self`, over the Unicode 3.2.0 tables.
#[repr(C)]
pub struct PyUcd {
    pub ob_base: PyObject,
}

// SAFETY: repr(C), header first; the type is UCD_TYPE.
unsafe impl PyPayload for PyUcd {
    fn type_object() -> &'static PyType {
        &UCD_TYPE
    }
}

pub static UCD_TYPE: PyType = PyType {
    tp_name: "unicodedata.UCD",
    tp_basicsize: std::cell::Cell::new(std::mem::size_of::<PyUcd>()),
    tp_methods: FUNCTIONS,
    tp_getset: &[GetSetDef::getter("unidata_version", |_| {
        PyStr::new("3.2.0")
    })],
    ..PyType::BASE
};

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&UCD_TYPE];

/// Is `m` (a function's `self`) the 3.2.0 database?
fn is_old(m: &PyRef) -> bool {
    m.is_exact::<PyUcd>()
}

fn record_in(c: u32, old: bool) -> (u8, u8, u8, u8, u8) {
    let runs = if old { db::RUNS_3_2_0 } else { db::RUNS };
    let i = match runs.binary_search_by(|(start, _)| start.cmp(&c)) {
        Ok(i) => i,
        Err(i) => i.saturating_sub(1),
    };
    let r = runs.get(i).map(|(_, r)| *r as usize).unwrap_or(0);
    db::RECORDS.get(r).copied().unwrap_or((0, 0, 0, 0, 0))
}

fn numeric_entry(c: u32, old: bool) -> Option<(u32, i8, i8, f64)> {
    let t = if old { db::NUMERIC_3_2_0 } else { db::NUMERIC };
    t.binary_search_by(|e| e.0.cmp(&c)).ok().map(|i| t[i])
}

/// Is `c` unassigned in the database `self` stands for?
fn unassigned_in(m: &PyRef, c: u32) -> bool {
    is_old(m) && db::CATEGORIES.get(record_in(c, true).0 as usize) == Some(&"Cn")
}

fn m_category(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("category", o)?;
    PyStr::new(
        db::CATEGORIES
            .get(record_in(c, is_old(m)).0 as usize)
            .unwrap_or(&"Cn"),
    )
}

fn m_bidirectional(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("bidirectional", o)?;
    PyStr::new(
        db::BIDIRECTIONAL
            .get(record_in(c, is_old(m)).1 as usize)
            .unwrap_or(&""),
    )
}

fn m_combining(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("combining", o)?;
    PyInt::new(record_in(c, is_old(m)).2 as i64)
}

fn m_east_asian_width(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("east_asian_width", o)?;
    PyStr::new(
        db::EAST_ASIAN_WIDTH
            .get(record_in(c, is_old(m)).3 as usize)
            .unwrap_or(&"N"),
    )
}

fn m_mirrored(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("mirrored", o)?;
    PyInt::new(record_in(c, is_old(m)).4 as i64)
}

fn m_decomposition(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("decomposition", o)?;
    if unassigned_in(m, c) {
        return PyStr::new("");
    }
    let d = match db::DECOMPOSITION.binary_search_by(|e| e.0.cmp(&c)) {
        Ok(i) => db::DECOMPOSITION[i].1,
        Err(_) => "",
    };
    PyStr::new(d)
}

fn check_nargs(fname: &str, args: &[PyRef]) -> PyResult<()> {
    crate::modules::builtins::check_nargs(fname, args.len(), 1, 2)
}

fn m_decimal(m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("decimal", args)?;
    let c = one_char("decimal", &args[0])?;
    match numeric_entry(c, is_old(m)) {
        Some((_, d, _, _)) if d >= 0 => PyInt::new(d as i64),
        _ => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("not a decimal")),
        },
    }
}

fn m_digit(m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("digit", args)?;
    let c = one_char("digit", &args[0])?;
    match numeric_entry(c, is_old(m)) {
        Some((_, _, d, _)) if d >= 0 => PyInt::new(d as i64),
        _ => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("not a digit")),
        },
    }
}

fn m_numeric(m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("numeric", args)?;
    let c = one_char("numeric", &args[0])?;
    match numeric_entry(c, is_old(m)) {
        Some((_, _, _, n)) => PyFloat::new(n),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("not a numeric character")),
        },
    }
}

/// Code point to name, the table inverted without its aliases.
fn names() -> &'static HashMap<u32, Box<str>> {
    static NAMES: OnceLock<HashMap<u32, Box<str>>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut map = HashMap::with_capacity(40000);
        taipan_parser::unicode_names::for_each_name(|name, cp| {
            if db::ALIASES
                .binary_search_by(|a| a.as_bytes().cmp(name))
                .is_ok()
            {
                return;
            }
            if let Ok(s) = std::str::from_utf8(name) {
                map.entry(cp).or_insert_with(|| s.into());
            }
        });
        map
    })
}

/// The current database's name of `c`, if it has one (`_getucname`, as the
/// `namereplace` error handler asks for it).
pub fn char_name(c: u32) -> Option<String> {
    if let Some(n) = taipan_parser::unicode_names::computed_name(c) {
        return Some(n.to_string());
    }
    names().get(&c).map(|n| n.to_string())
}

fn m_name(m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("name", args)?;
    let c = one_char("name", &args[0])?;
    if unassigned_in(m, c) {
        return match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("no such name")),
        };
    }
    if let Some(n) = taipan_parser::unicode_names::computed_name(c) {
        return PyStr::new(&n);
    }
    match names().get(&c) {
        Some(n) => PyStr::new(n),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("no such name")),
        },
    }
}

fn m_lookup(m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let name: Vec<u8> = if let Some(s) = o.downcast::<PyStr>() {
        s.chars()
            .map(|c| if c < 0x80 { c as u8 } else { 0xff })
            .collect()
    } else if let Some(b) = crate::objects::bytes::buffer_bytes(o) {
        b
    } else {
        return Err(PyErr::type_error(format!(
            "lookup() argument must be str, not {}",
            o.ty().name()
        )));
    };
    let upper = name.to_ascii_uppercase();
    let alias = db::ALIASES
        .binary_search_by(|a| a.as_bytes().cmp(&upper[..]))
        .is_ok();
    let found = taipan_parser::unicode_names::lookup(&name)
        .filter(|&c| !(is_old(m) && (alias || unassigned_in(m, c))));
    match found {
        Some(c) => crate::objects::str::char_str(c),
        None => {
            let shown = String::from_utf8_lossy(&name).into_owned();
            if name.len() > 256 {
                return Err(PyErr::key_error(PyStr::new("name too long")?));
            }
            Err(PyErr::key_error(PyStr::new(&format!(
                "undefined character name '{shown}'"
            ))?))
        }
    }
}

#[derive(Clone, Copy)]
enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

fn form_of(o: &PyRef) -> PyResult<Form> {
    let s = crate::objects::str::str_arg(o, "normalize() argument 1")?;
    match s {
        "NFC" => Ok(Form::Nfc),
        "NFD" => Ok(Form::Nfd),
        "NFKC" => Ok(Form::Nfkc),
        "NFKD" => Ok(Form::Nfkd),
        _ => Err(PyErr::value_error("invalid normalization form")),
    }
}

fn normalize_str(s: &str, form: Form, out: &mut Vec<u32>) {
    match form {
        Form::Nfc => out.extend(s.nfc().map(|c| c as u32)),
        Form::Nfd => out.extend(s.nfd().map(|c| c as u32)),
        Form::Nfkc => out.extend(s.nfkc().map(|c| c as u32)),
        Form::Nfkd => out.extend(s.nfkd().map(|c| c as u32)),
    }
}

/// The normalized code points of `p` (lone surrogates are left where they are).
fn normalized(p: &PyStr, form: Form) -> Vec<u32> {
    let mut out = Vec::with_capacity(p.len());
    let mut seg = String::new();
    for c in p.chars() {
        match char::from_u32(c) {
            Some(ch) => seg.push(ch),
            None => {
                normalize_str(&seg, form, &mut out);
                seg.clear();
                out.push(c);
            }
        }
    }
    normalize_str(&seg, form, &mut out);
    out
}

fn str_of<'a>(fname: &str, o: &'a PyRef) -> PyResult<&'a PyStr> {
    o.downcast::<PyStr>().ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument 2 must be str, not {}",
            o.ty().name()
        ))
    })
}

fn m_normalize(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("normalize", args.len(), 2, 2)?;
    let form = form_of(&args[0])?;
    let p = str_of("normalize", &args[1])?;
    let out = normalized(p, form);
    if out.len() == p.len() && out.iter().copied().eq(p.chars()) {
        return Ok(args[1].clone());
    }
    PyStr::from_code_points(&out)
}

fn m_is_normalized(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    crate::modules::builtins::check_nargs("is_normalized", args.len(), 2, 2)?;
    let form = form_of(&args[0])?;
    let p = str_of("is_normalized", &args[1])?;
    let out = normalized(p, form);
    Ok(py_bool(
        out.len() == p.len() && out.iter().copied().eq(p.chars()),
    ))
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("bidirectional", Meth::O(m_bidirectional)),
    MethodDef::new("category", Meth::O(m_category)),
    MethodDef::new("combining", Meth::O(m_combining)),
    MethodDef::new("decimal", Meth::Fast(m_decimal)),
    MethodDef::new("decomposition", Meth::O(m_decomposition)),
    MethodDef::new("digit", Meth::Fast(m_digit)),
    MethodDef::new("east_asian_width", Meth::O(m_east_asian_width)),
    MethodDef::new("is_normalized", Meth::Fast(m_is_normalized)),
    MethodDef::new("lookup", Meth::O(m_lookup)),
    MethodDef::new("mirrored", Meth::O(m_mirrored)),
    MethodDef::new("name", Meth::Fast(m_name)),
    MethodDef::new("normalize", Meth::Fast(m_normalize)),
    MethodDef::new("numeric", Meth::Fast(m_numeric)),
];

/// Creates the `unicodedata` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("unicodedata")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    if let Some(p) = m.downcast::<PyModule>() {
        let d = p.dict();
        if let Some(dd) = d.downcast::<PyDict>() {
            dd.set_str("unidata_version", PyStr::new("14.0.0")?)?;
            dd.set_str("UCD", UCD_TYPE.as_pyref())?;
            let ucd = alloc_object(
                &UCD_TYPE,
                PyUcd {
                    ob_base: PyObject::NEW,
                },
            )?;
            dd.set_str("ucd_3_2_0", ucd)?;
        }
    }
    Ok(m)
}
