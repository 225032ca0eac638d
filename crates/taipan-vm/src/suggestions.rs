//! "Did you mean" suggestions for uncaught `AttributeError` and `NameError`
//! (CPython 3.11's `Python/suggestions.c`): the closest name by a
//! Levenshtein distance where a case flip costs 1 and any other edit 2,
//! among at most `MAX_CANDIDATE_ITEMS` candidates, with names longer than
//! `MAX_STRING_SIZE` (after trimming common affixes) never matching, and no
//! more than a third of the characters changed.

use crate::object::protocol;
use crate::object::*;
use crate::objects::dict::PyDict;
use crate::objects::exceptions::{self as exc, PyBaseException};
use crate::objects::str::PyStr;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b`, or `max_cost + 1` once it is
/// known to exceed `max_cost`.
pub fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer = [0usize; MAX_STRING_SIZE];
    for (i, slot) in buffer.iter_mut().take(a.len()).enumerate() {
        *slot = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        result = b_index * MOVE_COST;
        let mut distance = result;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if any is close enough.
pub fn calculate_suggestions(dir: &[PyRef], name: &str) -> Option<PyRef> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(PyRef, usize)> = None;
    for item in dir {
        let s = item.downcast::<PyStr>()?.as_str();
        if s == name {
            continue;
        }
        let mut max_distance = (name.len() + s.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = &best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein_distance(name.as_bytes(), s.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.as_ref().is_none_or(|(_, bd)| d < *bd) {
            best = Some((item.clone(), d));
        }
    }
    best.map(|(s, _)| s)
}

fn exact_str(o: &PyRef) -> Option<String> {
    if std::ptr::eq(o.ty(), &crate::objects::str::STR_TYPE) {
        o.downcast::<PyStr>().map(|s| s.as_str().to_string())
    } else {
        None
    }
}

fn list_items(l: &PyRef) -> Option<Vec<PyRef>> {
    l.downcast::<crate::objects::list::PyList>()
        .map(|l| l.snapshot())
}

fn dict_keys(d: &PyRef) -> Option<Vec<PyRef>> {
    match d.downcast::<PyDict>() {
        Some(d) => Some(d.keys()),
        None => protocol::collect(d).ok(),
    }
}

fn for_attribute_error(e: &PyBaseException) -> Option<PyRef> {
    let name = exact_str(&e.extra_get(0)?)?;
    let obj = e.extra_get(1)?;
    let builtins = crate::interp::interp().builtins.clone()?;
    let dir_fn = protocol::getattr_str(&builtins, "dir").ok()?;
    let dir = protocol::call(&dir_fn, &[obj], None).ok()?;
    calculate_suggestions(&list_items(&dir)?, &name)
}

fn for_name_error(e: &PyBaseException) -> Option<PyRef> {
    let name = exact_str(&e.extra_get(0)?)?;
    let tb = PyBaseException::get_field(&e.traceback)?;
    let (frame, _, _) = crate::objects::traceback::entries(&tb).pop()?;
    let f = frame.downcast::<crate::objects::frame::PyFrame>()?;
    let code = f.code.downcast::<crate::objects::code::PyCode>()?;
    let varnames: Vec<PyRef> = code
        .localsplus_names()
        .iter()
        .zip(code.localspluskinds.iter())
        .filter(|(_, &k)| k & 0x20 != 0)
        .map(|(n, _)| n.clone())
        .collect();
    if let Some(s) = calculate_suggestions(&varnames, &name) {
        return Some(s);
    }
    if let Some(s) = calculate_suggestions(&dict_keys(&f.globals)?, &name) {
        return Some(s);
    }
    calculate_suggestions(&dict_keys(&f.builtins)?, &name)
}

/// `set_attribute_error_context` (`Objects/object.c`): records the
/// attribute name and the object on an `AttributeError` that has neither
/// yet, for the suggestion printed if it goes uncaught.
#[cold]
pub fn set_attribute_error_context(e: PyErr, obj: &PyRef, name: &PyRef) -> PyErr {
    if e.matches(&exc::ATTRIBUTE_ERROR) {
        if let Some(p) = e.value().downcast::<PyBaseException>() {
            if p.extra_get(0).is_none() && p.extra_get(1).is_none() {
                p.extra_set(0, Some(name.clone()));
                p.extra_set(1, Some(obj.clone()));
            }
        }
    }
    e
}

/// `_Py_Offer_Suggestions`: the suggested name for an exception of exactly
/// `AttributeError` or `NameError`, or `None`.
pub fn offer_suggestions(v: &PyRef) -> Option<String> {
    let e = v.downcast::<PyBaseException>()?;
    let r = if std::ptr::eq(v.ty(), &exc::ATTRIBUTE_ERROR) {
        for_attribute_error(e)
    } else if std::ptr::eq(v.ty(), &exc::NAME_ERROR) {
        for_name_error(e)
    } else {
        None
    };
    r.and_then(|s| s.downcast::<PyStr>().map(|s| s.as_str().to_string()))
}

#[cfg(test)]
mod tests {
    use super::levenshtein_distance;

    #[test]
    fn distances() {
        assert_eq!(levenshtein_distance(b"verbos", b"verbose", 100), 2);
        assert_eq!(levenshtein_distance(b"Abc", b"abc", 100), 1);
        assert_eq!(levenshtein_distance(b"abc", b"xyz", 100), 6);
        assert_eq!(levenshtein_distance(b"abc", b"xyz", 3), 4);
    }
}
