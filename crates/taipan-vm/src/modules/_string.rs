//! The `_string` module (CPython's `Objects/stringlib/unicode_format.h`,
//! the parts `string.Formatter` uses): `formatter_parser` splits a format
//! string into (literal, field name, format spec, conversion) tuples and
//! `formatter_field_name_split` splits a field name into its first part and
//! the (is_attribute, key) pairs that follow.
//!
//! Deviation: both parse eagerly and return iterators over lists, so an
//! error in a later field is raised at the call rather than mid-iteration.

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

fn s(chars: &[char]) -> PyResult<PyRef> {
    PyStr::new(&chars.iter().collect::<String>())
}

fn str_arg<'a>(fname: &str, o: &'a PyRef) -> PyResult<&'a str> {
    match o.downcast::<PyStr>() {
        Some(v) => Ok(v.as_str()),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument must be str, not {}",
            o.ty().name()
        ))),
    }
}

/// One parsed chunk: literal text and, if present, the field.
type Chunk = (String, Option<(String, String, Option<char>)>);

/// `MarkupIterator_next` over the whole string.
pub fn parse_format(text: &str) -> PyResult<Vec<Chunk>> {
    let c: Vec<char> = text.chars().collect();
    let end = c.len();
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < end {
        let start = pos;
        let mut markup = false;
        let mut last = '\0';
        while pos < end {
            last = c[pos];
            pos += 1;
            if last == '{' || last == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if last == '}' && markup && (at_end || c[pos] != '}') {
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if at_end && markup && last == '{' {
            return Err(PyErr::value_error(
                "Single '{' encountered in format string",
            ));
        }
        if !at_end && markup {
            if c[pos] == last {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal: String = c[start..start + len].iter().collect();
        if !markup {
            out.push((literal, None));
            continue;
        }
        // parse_field.
        let fstart = pos;
        let mut ch = '\0';
        while pos < end {
            ch = c[pos];
            pos += 1;
            match ch {
                '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
                '[' => {
                    while pos < end && c[pos] != ']' {
                        pos += 1;
                    }
                    ch = '\0';
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => {
                    ch = '\0';
                    continue;
                }
            }
        }
        let fname_end = if ch == '\0' { pos } else { pos - 1 };
        let field_name: String = c[fstart..fname_end].iter().collect();
        let mut conversion = None;
        let mut spec = String::new();
        if ch == '!' || ch == ':' {
            let mut need_spec = true;
            if ch == '!' {
                if pos >= end {
                    return Err(PyErr::value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                conversion = Some(c[pos]);
                pos += 1;
                if pos < end {
                    let n = c[pos];
                    pos += 1;
                    if n == '}' {
                        need_spec = false;
                    } else if n != ':' {
                        return Err(PyErr::value_error(
                            "expected ':' after conversion specifier",
                        ));
                    }
                }
            }
            if need_spec {
                let sstart = pos;
                let mut count = 1;
                let mut done = false;
                while pos < end {
                    let x = c[pos];
                    pos += 1;
                    if x == '{' {
                        count += 1;
                    } else if x == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = c[sstart..pos - 1].iter().collect();
                            done = true;
                            break;
                        }
                    }
                }
                if !done {
                    return Err(PyErr::value_error("unmatched '{' in format spec"));
                }
            }
        } else if ch != '}' {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        out.push((literal, Some((field_name, spec, conversion))));
    }
    Ok(out)
}

fn formatter_parser(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let text = str_arg("formatter_parser", o)?;
    let mut items = Vec::new();
    for (lit, field) in parse_format(text)? {
        let t = match field {
            None => PyTuple::new(vec![PyStr::new(&lit)?, none(), none(), none()])?,
            Some((name, spec, conv)) => PyTuple::new(vec![
                PyStr::new(&lit)?,
                PyStr::new(&name)?,
                PyStr::new(&spec)?,
                match conv {
                    Some(ch) => PyStr::new(&ch.to_string())?,
                    None => none(),
                },
            ])?,
        };
        items.push(t);
    }
    protocol::get_iter(&PyList::new(items)?)
}

/// A field name part: an int if it is all decimal digits.
fn key_object(part: &[char]) -> PyResult<PyRef> {
    if !part.is_empty() && part.iter().all(|c| c.is_ascii_digit()) {
        let text: String = part.iter().collect();
        return match text.parse::<i64>() {
            Ok(v) => PyInt::new(v),
            Err(_) => Err(PyErr::value_error(
                "Too many decimal digits in format string",
            )),
        };
    }
    s(part)
}

fn formatter_field_name_split(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let text = str_arg("formatter_field_name_split", o)?;
    let c: Vec<char> = text.chars().collect();
    let mut pos = 0;
    while pos < c.len() && c[pos] != '.' && c[pos] != '[' {
        pos += 1;
    }
    let first = key_object(&c[..pos])?;
    let mut rest = Vec::new();
    while pos < c.len() {
        let kind = c[pos];
        pos += 1;
        let start = pos;
        match kind {
            '.' => {
                while pos < c.len() && c[pos] != '.' && c[pos] != '[' {
                    pos += 1;
                }
                if pos == start {
                    return Err(PyErr::value_error("Empty attribute in format string"));
                }
                rest.push(PyTuple::new(vec![py_bool(true), s(&c[start..pos])?])?);
            }
            '[' => {
                while pos < c.len() && c[pos] != ']' {
                    pos += 1;
                }
                if pos >= c.len() {
                    return Err(PyErr::value_error("Missing ']' in format string"));
                }
                if pos == start {
                    return Err(PyErr::value_error("Empty attribute in format string"));
                }
                rest.push(PyTuple::new(vec![
                    py_bool(false),
                    key_object(&c[start..pos])?,
                ])?);
                pos += 1;
                if pos < c.len() && c[pos] != '.' && c[pos] != '[' {
                    return Err(PyErr::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
            _ => {
                return Err(PyErr::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    let it = protocol::get_iter(&PyList::new(rest)?)?;
    PyTuple::new(vec![first, it])
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("formatter_parser", Meth::O(formatter_parser)),
    MethodDef::new(
        "formatter_field_name_split",
        Meth::O(formatter_field_name_split),
    ),
];

/// Creates the `_string` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_string")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
