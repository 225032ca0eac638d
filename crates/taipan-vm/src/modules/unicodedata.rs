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
//! named sequences in `lookup` and `ucd_3_2_0` are missing.

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

fn record(c: u32) -> (u8, u8, u8, u8, u8) {
    let i = match db::RUNS.binary_search_by(|(start, _)| start.cmp(&c)) {
        Ok(i) => i,
        Err(i) => i.saturating_sub(1),
    };
    let r = db::RUNS.get(i).map(|(_, r)| *r as usize).unwrap_or(0);
    db::RECORDS.get(r).copied().unwrap_or((0, 0, 0, 0, 0))
}

fn numeric_entry(c: u32) -> Option<(u32, i8, i8, f64)> {
    db::NUMERIC
        .binary_search_by(|e| e.0.cmp(&c))
        .ok()
        .map(|i| db::NUMERIC[i])
}

fn m_category(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("category", o)?;
    PyStr::new(db::CATEGORIES.get(record(c).0 as usize).unwrap_or(&"Cn"))
}

fn m_bidirectional(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("bidirectional", o)?;
    PyStr::new(db::BIDIRECTIONAL.get(record(c).1 as usize).unwrap_or(&""))
}

fn m_combining(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("combining", o)?;
    PyInt::new(record(c).2 as i64)
}

fn m_east_asian_width(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("east_asian_width", o)?;
    PyStr::new(
        db::EAST_ASIAN_WIDTH
            .get(record(c).3 as usize)
            .unwrap_or(&"N"),
    )
}

fn m_mirrored(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("mirrored", o)?;
    PyInt::new(record(c).4 as i64)
}

fn m_decomposition(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let c = one_char("decomposition", o)?;
    let d = match db::DECOMPOSITION.binary_search_by(|e| e.0.cmp(&c)) {
        Ok(i) => db::DECOMPOSITION[i].1,
        Err(_) => "",
    };
    PyStr::new(d)
}

fn check_nargs(fname: &str, args: &[PyRef]) -> PyResult<()> {
    crate::modules::builtins::check_nargs(fname, args.len(), 1, 2)
}

fn m_decimal(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("decimal", args)?;
    let c = one_char("decimal", &args[0])?;
    match numeric_entry(c) {
        Some((_, d, _, _)) if d >= 0 => PyInt::new(d as i64),
        _ => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("not a decimal")),
        },
    }
}

fn m_digit(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("digit", args)?;
    let c = one_char("digit", &args[0])?;
    match numeric_entry(c) {
        Some((_, _, d, _)) if d >= 0 => PyInt::new(d as i64),
        _ => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error("not a digit")),
        },
    }
}

fn m_numeric(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("numeric", args)?;
    let c = one_char("numeric", &args[0])?;
    match numeric_entry(c) {
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

fn m_name(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("name", args)?;
    let c = one_char("name", &args[0])?;
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

fn m_lookup(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
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
    match taipan_parser::unicode_names::lookup(&name) {
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
        }
    }
    Ok(m)
}
