//! The `_codecs` module (CPython's `Modules/_codecsmodule.c` and the
//! registry of `Python/codecs.c`): the codec search path and cache, the
//! error handler registry, and the native codec functions the `encodings`
//! package wraps (`utf_8_encode`, `charmap_decode`, `unicode_escape_decode`,
//! ...).
//!
//! The registry works as CPython's: `lookup` normalizes the name
//! (`_Py_normalize_encoding`: lower case, runs of other characters than
//! letters, digits and `.` become one `_`), imports `encodings` the first
//! time (which registers its search function), asks each search function in
//! turn and caches the 4-tuple (a `CodecInfo`). `str.encode` and
//! `bytes.decode` use it for every encoding their built-in fast paths do not
//! know (`encode_text` / `decode_text`), with CPython's checks that a text
//! codec returned `bytes` / `str`.
//!
//! Taipan differences: the built-in codecs call registered error handlers
//! only for the standard handler names (a handler registered under a new
//! name raises `LookupError` from `str.encode`, as an unknown one does);
//! `namereplace` writes `\N{...}` only when `unicodedata` can name the
//! character, which it cannot yet, so it falls back to backslash escapes;
//! `utf_7_*` are missing.

use std::cell::RefCell;

use crate::gil::GilCell;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bytes::PyBytes;
use crate::objects::dict::PyDict;
use crate::objects::exceptions as exc;
use crate::objects::int::PyInt;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

struct Registry {
    search_path: Vec<PyRef>,
    cache: Option<PyRef>,
    /// Error handlers by name (the standard ones are added at first use).
    errors: Option<PyRef>,
    encodings_loaded: bool,
}

static REGISTRY: GilCell<RefCell<Registry>> = GilCell::new(RefCell::new(Registry {
    search_path: Vec::new(),
    cache: None,
    errors: None,
    encodings_loaded: false,
}));

fn registry() -> &'static RefCell<Registry> {
    // SAFETY: GIL held; callers borrow briefly and never across Python calls.
    unsafe { &*REGISTRY.as_ptr() }
}

fn cache() -> PyResult<PyRef> {
    if let Some(c) = registry().borrow().cache.clone() {
        return Ok(c);
    }
    let d = PyDict::new()?;
    registry().borrow_mut().cache = Some(d.clone());
    Ok(d)
}

fn dict_of(o: &PyRef) -> &PyDict {
    // SAFETY: callers pass the registry's own dicts.
    unsafe { o.payload_unchecked::<PyDict>() }
}

/// Empties the registry (`PyInterpreterState_Clear` drops the search path,
/// the cache and the error handlers); the leak check calls it when it tears
/// a run down. The next lookup imports `encodings` again.
pub fn clear_registry() {
    let (path, cache, errors) = {
        let mut reg = registry().borrow_mut();
        reg.encodings_loaded = false;
        (
            std::mem::take(&mut reg.search_path),
            reg.cache.take(),
            reg.errors.take(),
        )
    };
    drop((path, cache, errors));
}

/// `_Py_normalize_encoding`.
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `_PyCodec_Lookup`: the `CodecInfo` of an encoding.
pub fn lookup(encoding: &str) -> PyResult<PyRef> {
    let norm = crate::objects::str::intern(&normalize_encoding(encoding));
    let cache = cache()?;
    if let Some(v) = dict_of(&cache).get_item(&norm)? {
        return Ok(v);
    }
    if !registry().borrow().encodings_loaded {
        registry().borrow_mut().encodings_loaded = true;
        crate::import::import_module("encodings")?;
    }
    let path = registry().borrow().search_path.clone();
    if path.is_empty() {
        return Err(PyErr::lookup_error(
            "no codec search functions registered: can't find encoding",
        ));
    }
    for func in path {
        let r = protocol::call(&func, std::slice::from_ref(&norm), None)?;
        if r.is(&none()) {
            continue;
        }
        let ok = r
            .downcast::<PyTuple>()
            .is_some_and(|_| protocol::len(&r).ok() == Some(4))
            || (r.is_instance_of::<PyTuple>() && protocol::len(&r).ok() == Some(4));
        if !ok {
            return Err(PyErr::type_error(
                "codec search functions must return 4-tuples",
            ));
        }
        dict_of(&cache).set_item(norm, r.clone())?;
        return Ok(r);
    }
    Err(PyErr::lookup_error(format!("unknown encoding: {encoding}")))
}

/// `_PyCodec_LookupTextEncoding`.
fn lookup_text(encoding: &str, alternate: &str) -> PyResult<PyRef> {
    let codec = lookup(encoding)?;
    if !codec.is_exact::<PyTuple>() {
        if let Some(attr) = protocol::lookup_attr(&codec, &PyStr::new("_is_text_encoding")?)? {
            if !protocol::is_true(&attr)? {
                return Err(PyErr::lookup_error(format!(
                    "'{encoding}' is not a text encoding; use {alternate} to handle arbitrary codecs"
                )));
            }
        }
    }
    Ok(codec)
}

fn item(t: &PyRef, i: usize) -> PyResult<PyRef> {
    protocol::get_item(t, &PyInt::new(i as i64)?)
}

/// Calls a codec's encoder or decoder and takes the first item of the
/// `(object, length)` tuple it must return.
/// `wrap_codec_error` (`_PyErr_TrySetFromCause`): an exception that holds
/// nothing but a message (BaseException's `__new__`/`__init__` and layout,
/// at most one str argument, no instance attributes) is replaced by one of
/// the same type naming the codec, caused by the original.
fn wrap_codec_error(e: PyErr, operation: &str, encoding: &str) -> PyErr {
    use crate::objects::exceptions::{exc_init, exc_new, BASE_EXCEPTION};
    let val = e.value().clone();
    let ty = val.ty();
    let same_fn = |a: Option<usize>, b: usize| a == Some(b);
    let plain = same_fn(
        ty.tp_init.get().map(|f| f as usize),
        exc_init as *const () as usize,
    ) && same_fn(
        ty.tp_new.get().map(|f| f as usize),
        exc_new as *const () as usize,
    ) && ty.static_base().tp_basicsize.get() == BASE_EXCEPTION.tp_basicsize.get()
        && ty.tp_itemsize == 0
        && ty
            .ht_slots
            .get()
            .and_then(|s| s.downcast::<PyTuple>())
            .map(|t| t.is_empty())
            .unwrap_or(true);
    if !plain {
        return e;
    }
    let wrapped = (|| -> PyResult<Option<PyErr>> {
        let args = protocol::getattr(&val, &PyStr::new("args")?)?;
        let Some(t) = args.downcast::<PyTuple>() else {
            return Ok(None);
        };
        if t.len() > 1 || (t.len() == 1 && !t.items()[0].is_exact::<PyStr>()) {
            return Ok(None);
        }
        // SAFETY: `val` is a live exception object.
        if let Some(slot) = unsafe { crate::object::dict_slot(val.as_ptr()) } {
            // SAFETY: the slot holds the instance dict, read without running code.
            if let Some(d) = unsafe { &*slot } {
                if protocol::len(d)? != 0 {
                    return Ok(None);
                }
            }
        }
        let tyname = if ty.is_heap_type() {
            ty.name()
        } else {
            ty.tp_name
        };
        let msg = format!(
            "{operation} with '{encoding}' codec failed ({tyname}: {})",
            protocol::str_string(&val)?
        );
        let new = protocol::call(&val.type_ref(), &[PyStr::new(&msg)?], None)?;
        crate::objects::exceptions::set_cause(&new, Some(&val))?;
        Ok(Some(PyErr::from_value(new)))
    })();
    match wrapped {
        Ok(Some(w)) => w,
        _ => e,
    }
}

fn call_codec(func: &PyRef, obj: &PyRef, errors: &str, what: &str) -> PyResult<PyRef> {
    let r = protocol::call(func, &[obj.clone(), PyStr::new(errors)?], None)?;
    if !r.is_instance_of::<PyTuple>() || protocol::len(&r)? != 2 {
        return Err(PyErr::type_error(format!(
            "{what} must return a tuple (object, integer)"
        )));
    }
    item(&r, 0)
}

/// `str.encode` for an encoding the built-in fast path does not know
/// (`_PyCodec_EncodeText` and the result check of `PyUnicode_AsEncodedString`).
pub fn encode_text(s: &PyRef, encoding: &str, errors: &str) -> PyResult<PyRef> {
    let codec = lookup_text(encoding, "codecs.encode()")?;
    let v = call_codec(&item(&codec, 0)?, s, errors, "encoder")?;
    if v.is_instance_of::<PyBytes>() {
        return Ok(v);
    }
    if v.is_instance_of::<crate::objects::bytearray::PyByteArray>() {
        let data = crate::objects::bytes::buffer_bytes(&v).unwrap_or_default();
        return PyBytes::new(&data);
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        v.ty().name()
    )))
}

/// `bytes.decode` for an encoding the built-in fast path does not know.
pub fn decode_text(data: &[u8], encoding: &str, errors: &str) -> PyResult<PyRef> {
    let codec = lookup_text(encoding, "codecs.decode()")?;
    let b = PyBytes::new(data)?;
    let v = call_codec(&item(&codec, 1)?, &b, errors, "decoder")?;
    if v.is_instance_of::<PyStr>() {
        return Ok(v);
    }
    Err(PyErr::type_error(format!(
        "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
        v.ty().name()
    )))
}

// ---------------------------------------------------------------------------
// Argument helpers.

fn str_arg(fname: &str, n: usize, o: &PyRef) -> PyResult<PyRef> {
    if o.is_instance_of::<PyStr>() {
        return Ok(o.clone());
    }
    // Argument Clinic numbers the argument only when there can be several.
    let which = match n {
        0 => String::new(),
        n => format!(" {n}"),
    };
    Err(PyErr::type_error(format!(
        "{fname}() argument{which} must be str, not {}",
        o.ty().name()
    )))
}

fn as_str(o: &PyRef) -> &PyStr {
    // SAFETY: callers checked a str.
    unsafe { o.payload_unchecked::<PyStr>() }
}

fn bytes_arg(fname: &str, n: usize, o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    crate::objects::bytes::buffer_bytes(o).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument {n} must be bytes-like object, not '{}'",
            o.ty().name()
        ))
    })
}

fn errors_arg(fname: &str, o: Option<&PyRef>) -> PyResult<String> {
    match o {
        None => Ok("strict".into()),
        Some(e) if e.is(&none()) => Ok("strict".into()),
        Some(e) => match e.downcast::<PyStr>() {
            Some(s) => Ok(s.as_str().to_string()),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument 2 must be str or None, not {}",
                e.ty().name()
            ))),
        },
    }
}

fn final_arg(o: Option<&PyRef>) -> PyResult<bool> {
    match o {
        None => Ok(false),
        Some(f) => protocol::is_true(f),
    }
}

fn nargs(fname: &str, args: &[PyRef], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        return Err(PyErr::type_error(if min == max {
            format!(
                "{fname} expected {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!("{fname} expected at most {max} arguments, got {n}")
        }));
    }
    Ok(())
}

fn pair(o: PyRef, n: usize) -> PyResult<PyRef> {
    PyTuple::new(vec![o, PyInt::new(n as i64)?])
}

// ---------------------------------------------------------------------------
// Registry functions.

fn m_register(_m: &PyRef, f: &PyRef) -> PyResult<PyRef> {
    if f.ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("argument must be callable"));
    }
    registry().borrow_mut().search_path.push(f.clone());
    Ok(none())
}

fn m_unregister(_m: &PyRef, f: &PyRef) -> PyResult<PyRef> {
    let mut reg = registry().borrow_mut();
    if let Some(i) = reg.search_path.iter().position(|x| x.is(f)) {
        let old = reg.search_path.remove(i);
        let c = reg.cache.clone();
        drop(reg);
        drop(old);
        if let Some(c) = c {
            dict_of(&c).clear();
        }
    }
    Ok(none())
}

fn m_lookup(_m: &PyRef, enc: &PyRef) -> PyResult<PyRef> {
    let e = str_arg("lookup", 0, enc)?;
    lookup(as_str(&e).as_str())
}

fn m_forget_codec(_m: &PyRef, enc: &PyRef) -> PyResult<PyRef> {
    let e = str_arg("_forget_codec", 1, enc)?;
    let norm = PyStr::new(&normalize_encoding(as_str(&e).as_str()))?;
    let c = cache()?;
    dict_of(&c).del_item(&norm)?;
    Ok(none())
}

fn encoding_and_errors(
    fname: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<(PyRef, String, String)> {
    let names = ["obj", "encoding", "errors"];
    let mut slots: [Option<PyRef>; 3] = [None, None, None];
    let nkw = kwnames.map(|k| protocol::len(k).unwrap_or(0)).unwrap_or(0);
    let npos = args.len() - nkw;
    if npos > 3 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 3 arguments ({npos} given)"
        )));
    }
    for (i, a) in args[..npos].iter().enumerate() {
        slots[i] = Some(a.clone());
    }
    if let Some(k) = kwnames {
        for (j, name) in protocol::collect(k)?.iter().enumerate() {
            let n = crate::objects::descr::name_str(name);
            match names.iter().position(|x| *x == n) {
                Some(i) => slots[i] = Some(args[npos + j].clone()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "{fname}() got an unexpected keyword argument '{n}'"
                    )))
                }
            }
        }
    }
    let Some(obj) = slots[0].take() else {
        return Err(PyErr::type_error(format!(
            "{fname}() missing required argument 'obj' (pos 1)"
        )));
    };
    let text = |i: usize, default: &str| -> PyResult<String> {
        match &slots[i] {
            None => Ok(default.to_string()),
            Some(v) => match v.downcast::<PyStr>() {
                Some(s) => Ok(s.as_str().to_string()),
                None => Err(PyErr::type_error(format!(
                    "{fname}() argument '{}' must be str, not {}",
                    names[i],
                    v.ty().name()
                ))),
            },
        }
    };
    Ok((obj, text(1, "utf-8")?, text(2, "strict")?))
}

fn m_encode(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (obj, enc, errors) = encoding_and_errors("encode", args, kwnames)?;
    let codec = lookup(&enc)?;
    call_codec(&item(&codec, 0)?, &obj, &errors, "encoder")
        .map_err(|e| wrap_codec_error(e, "encoding", &enc))
}

fn m_decode(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let (obj, enc, errors) = encoding_and_errors("decode", args, kwnames)?;
    let codec = lookup(&enc)?;
    call_codec(&item(&codec, 1)?, &obj, &errors, "decoder")
        .map_err(|e| wrap_codec_error(e, "decoding", &enc))
}

// ---------------------------------------------------------------------------
// Error handlers.

const STANDARD_HANDLERS: &[&str] = &[
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

fn error_registry() -> PyResult<PyRef> {
    if let Some(d) = registry().borrow().errors.clone() {
        return Ok(d);
    }
    let d = PyDict::new()?;
    registry().borrow_mut().errors = Some(d.clone());
    Ok(d)
}

fn m_register_error(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("register_error", args, 2, 2)?;
    let name = str_arg("register_error", 1, &args[0])?;
    if args[1].ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("handler must be callable"));
    }
    dict_of(&error_registry()?).set_item(name, args[1].clone())?;
    Ok(none())
}

fn m_lookup_error(m: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    let name = str_arg("lookup_error", 1, name)?;
    let text = as_str(&name).as_str().to_string();
    if let Some(h) = dict_of(&error_registry()?).get_item(&name)? {
        return Ok(h);
    }
    if STANDARD_HANDLERS.contains(&text.as_str()) {
        // The module's own `<name>_errors` function.
        let f = protocol::getattr(m, &PyStr::new(&format!("{text}_errors"))?)?;
        return Ok(f);
    }
    Err(PyErr::lookup_error(format!(
        "unknown error handler name '{text}'"
    )))
}

/// The exception's kind, object, start and end.
fn exc_parts(e: &PyRef) -> PyResult<(u8, PyRef, usize, usize)> {
    let kind = if e.ty().is_subtype(&exc::UNICODE_ENCODE_ERROR) {
        b'e'
    } else if e.ty().is_subtype(&exc::UNICODE_DECODE_ERROR) {
        b'd'
    } else if e.ty().is_subtype(&exc::UNICODE_TRANSLATE_ERROR) {
        b't'
    } else {
        return Err(PyErr::type_error(format!(
            "don't know how to handle {} in error callback",
            e.ty().name()
        )));
    };
    let obj = protocol::getattr(e, &PyStr::new("object")?)?;
    let start = crate::objects::int::as_ssize_index(&protocol::getattr(e, &PyStr::new("start")?)?)?;
    let end = crate::objects::int::as_ssize_index(&protocol::getattr(e, &PyStr::new("end")?)?)?;
    let len = protocol::len(&obj)? as isize;
    let start = start.clamp(0, len) as usize;
    let end = end.clamp(start as isize, len) as usize;
    Ok((kind, obj, start, end))
}

fn chars_of(o: &PyRef, start: usize, end: usize) -> Vec<u32> {
    match o.downcast::<PyStr>() {
        Some(s) => s.chars().skip(start).take(end - start).collect(),
        None => Vec::new(),
    }
}

fn replacement(text: &str, end: usize) -> PyResult<PyRef> {
    pair(PyStr::new(text)?, end)
}

fn strict_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    if e.ty().is_subtype(&exc::BASE_EXCEPTION) {
        return Err(PyErr::from_value(e.clone()));
    }
    Err(PyErr::type_error("codec must pass exception instance"))
}

fn ignore_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (_, _, _, end) = exc_parts(e)?;
    replacement("", end)
}

fn replace_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (kind, _, start, end) = exc_parts(e)?;
    match kind {
        b'e' => replacement(&"?".repeat(end - start), end),
        b'd' => replacement("\u{FFFD}", end),
        _ => replacement(&"\u{FFFD}".repeat(end - start), end),
    }
}

fn backslash_escape(c: u32) -> String {
    if c <= 0xFF {
        format!("\\x{c:02x}")
    } else if c <= 0xFFFF {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn backslashreplace_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (kind, obj, start, end) = exc_parts(e)?;
    let mut out = String::new();
    if kind == b'd' {
        let data = crate::objects::bytes::buffer_bytes(&obj).unwrap_or_default();
        for b in &data[start.min(data.len())..end.min(data.len())] {
            out.push_str(&format!("\\x{b:02x}"));
        }
    } else {
        for c in chars_of(&obj, start, end) {
            out.push_str(&backslash_escape(c));
        }
    }
    replacement(&out, end)
}

/// `\N{NAME}` for a character with a name, else its backslash escape
/// (`PyCodec_NameReplaceErrors`).
pub fn name_escape(c: u32) -> String {
    match crate::modules::unicodedata::char_name(c) {
        Some(n) => format!("\\N{{{n}}}"),
        None => backslash_escape(c),
    }
}

fn namereplace_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (kind, obj, start, end) = exc_parts(e)?;
    if kind != b'e' {
        return Err(PyErr::type_error(format!(
            "don't know how to handle {} in error callback",
            e.ty().name()
        )));
    }
    let mut out = String::new();
    for c in chars_of(&obj, start, end) {
        out.push_str(&name_escape(c));
    }
    replacement(&out, end)
}

fn xmlcharrefreplace_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (kind, obj, start, end) = exc_parts(e)?;
    if kind != b'e' {
        return Err(PyErr::type_error(format!(
            "don't know how to handle {} in error callback",
            e.ty().name()
        )));
    }
    let out: String = chars_of(&obj, start, end)
        .into_iter()
        .map(|c| format!("&#{c};"))
        .collect();
    replacement(&out, end)
}

fn surrogateescape_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (kind, obj, start, end) = exc_parts(e)?;
    match kind {
        b'd' => {
            let data = crate::objects::bytes::buffer_bytes(&obj).unwrap_or_default();
            let mut cps = Vec::new();
            for &b in &data[start.min(data.len())..end.min(data.len()).min(start + 4)] {
                if b < 128 {
                    break;
                }
                cps.push(0xDC00 + b as u32);
            }
            if cps.is_empty() {
                return Err(PyErr::from_value(e.clone()));
            }
            let n = cps.len();
            pair(PyStr::from_code_points(&cps)?, start + n)
        }
        b'e' => {
            let mut out = Vec::new();
            for c in chars_of(&obj, start, end) {
                if !(0xDC80..=0xDCFF).contains(&c) {
                    return Err(PyErr::from_value(e.clone()));
                }
                out.push((c - 0xDC00) as u8);
            }
            pair(PyBytes::new(&out)?, end)
        }
        _ => Err(PyErr::type_error(format!(
            "don't know how to handle {} in error callback",
            e.ty().name()
        ))),
    }
}

fn surrogatepass_errors(_m: &PyRef, e: &PyRef) -> PyResult<PyRef> {
    let (kind, obj, start, end) = exc_parts(e)?;
    match kind {
        b'e' => {
            let mut out = Vec::new();
            for c in chars_of(&obj, start, end) {
                if !(0xD800..0xE000).contains(&c) {
                    return Err(PyErr::from_value(e.clone()));
                }
                out.extend([
                    0xE0 | (c >> 12) as u8,
                    0x80 | ((c >> 6) & 0x3F) as u8,
                    0x80 | (c & 0x3F) as u8,
                ]);
            }
            pair(PyBytes::new(&out)?, end)
        }
        b'd' => {
            let data = crate::objects::bytes::buffer_bytes(&obj).unwrap_or_default();
            let s = &data[start.min(data.len())..];
            if s.len() >= 3 && s[0] & 0xF0 == 0xE0 && s[1] & 0xC0 == 0x80 && s[2] & 0xC0 == 0x80 {
                let c = ((s[0] as u32 & 0x0F) << 12)
                    | ((s[1] as u32 & 0x3F) << 6)
                    | (s[2] as u32 & 0x3F);
                if (0xD800..0xE000).contains(&c) {
                    return pair(PyStr::from_code_points(&[c])?, start + 3);
                }
            }
            Err(PyErr::from_value(e.clone()))
        }
        _ => Err(PyErr::type_error(format!(
            "don't know how to handle {} in error callback",
            e.ty().name()
        ))),
    }
}

// ---------------------------------------------------------------------------
// Codec functions.

fn builtin_encode(fname: &str, codec: &str, args: &[PyRef]) -> PyResult<PyRef> {
    nargs(fname, args, 1, 2)?;
    let s = str_arg(fname, 1, &args[0])?;
    let errors = errors_arg(fname, args.get(1))?;
    let n = as_str(&s).len();
    let b = crate::objects::str::encode(&s, as_str(&s), codec, &errors)?;
    pair(b, n)
}

/// How many bytes of `data` a stateful decoder may consume when more data
/// may follow: an incomplete final sequence is kept back.
fn complete_prefix(codec: &str, data: &[u8]) -> usize {
    match codec {
        "utf-8" => {
            let n = data.len();
            // Look back at most three bytes for a lead byte whose sequence
            // runs past the end.
            for back in 1..=3.min(n) {
                let b = data[n - back];
                if b & 0xC0 == 0x80 {
                    continue;
                }
                let need = if (0xF0..=0xF4).contains(&b) {
                    4
                } else if b >= 0xE0 {
                    3
                } else if (0xC2..0xE0).contains(&b) {
                    2
                } else {
                    1
                };
                if need > back && std::str::from_utf8(&data[n - back..]).is_err() {
                    // Only hold back a valid prefix of a sequence.
                    let tail = &data[n - back..];
                    let valid_prefix = match tail {
                        [0xE0, x, ..] => (0xA0..=0xBF).contains(x),
                        [0xED, x, ..] => (0x80..=0x9F).contains(x),
                        [0xF0, x, ..] => (0x90..=0xBF).contains(x),
                        [0xF4, x, ..] => (0x80..=0x8F).contains(x),
                        _ => true,
                    };
                    if valid_prefix {
                        return n - back;
                    }
                }
                return n;
            }
            n
        }
        "utf-16-le" | "utf-16-be" | "utf-16" => {
            let mut n = data.len() & !1;
            if n >= 2 {
                let be = codec == "utf-16-be";
                let u = if be {
                    u16::from_be_bytes([data[n - 2], data[n - 1]])
                } else {
                    u16::from_le_bytes([data[n - 2], data[n - 1]])
                };
                if (0xD800..0xDC00).contains(&u) {
                    n -= 2;
                }
            }
            n
        }
        "utf-32-le" | "utf-32-be" | "utf-32" => data.len() & !3,
        _ => data.len(),
    }
}

fn builtin_decode(fname: &str, codec: &str, args: &[PyRef], stateful: bool) -> PyResult<PyRef> {
    nargs(fname, args, 1, if stateful { 3 } else { 2 })?;
    let data = bytes_arg(fname, 1, &args[0])?;
    let errors = errors_arg(fname, args.get(1))?;
    let final_ = !stateful || final_arg(args.get(2))?;
    let n = if final_ {
        data.len()
    } else {
        complete_prefix(codec, &data)
    };
    let s = crate::objects::str::decode(&data[..n], codec, &errors)?;
    pair(s, n)
}

macro_rules! encoders {
    ($($f:ident => ($name:literal, $codec:literal)),* $(,)?) => {
        $(fn $f(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
            builtin_encode($name, $codec, args)
        })*
    };
}

macro_rules! decoders {
    ($($f:ident => ($name:literal, $codec:literal, $stateful:literal)),* $(,)?) => {
        $(fn $f(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
            builtin_decode($name, $codec, args, $stateful)
        })*
    };
}

encoders! {
    utf_8_encode => ("utf_8_encode", "utf-8"),
    latin_1_encode => ("latin_1_encode", "latin-1"),
    ascii_encode => ("ascii_encode", "ascii"),
    utf_16_le_encode => ("utf_16_le_encode", "utf-16-le"),
    utf_16_be_encode => ("utf_16_be_encode", "utf-16-be"),
    utf_32_le_encode => ("utf_32_le_encode", "utf-32-le"),
    utf_32_be_encode => ("utf_32_be_encode", "utf-32-be"),
}

decoders! {
    utf_8_decode => ("utf_8_decode", "utf-8", true),
    latin_1_decode => ("latin_1_decode", "latin-1", false),
    ascii_decode => ("ascii_decode", "ascii", false),
    utf_16_le_decode => ("utf_16_le_decode", "utf-16-le", true),
    utf_16_be_decode => ("utf_16_be_decode", "utf-16-be", true),
    utf_32_le_decode => ("utf_32_le_decode", "utf-32-le", true),
    utf_32_be_decode => ("utf_32_be_decode", "utf-32-be", true),
}

/// `utf_16_encode(str, errors=None, byteorder=0)` (and utf_32).
fn bom_encode(fname: &str, width: u8, args: &[PyRef]) -> PyResult<PyRef> {
    nargs(fname, args, 1, 3)?;
    let order = match args.get(2) {
        Some(o) => crate::objects::int::as_i64(o)?,
        None => 0,
    };
    let codec = match (width, order) {
        (16, 0) => "utf-16",
        (16, o) if o < 0 => "utf-16-le",
        (16, _) => "utf-16-be",
        (_, 0) => "utf-32",
        (_, o) if o < 0 => "utf-32-le",
        _ => "utf-32-be",
    };
    builtin_encode(fname, codec, &args[..args.len().min(2)])
}

fn utf_16_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    bom_encode("utf_16_encode", 16, args)
}

fn utf_32_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    bom_encode("utf_32_encode", 32, args)
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`:
/// `(str, consumed, byteorder)`; a BOM at the start decides the order.
fn bom_decode(fname: &str, width: usize, args: &[PyRef], ex: bool) -> PyResult<PyRef> {
    nargs(fname, args, 1, if ex { 4 } else { 3 })?;
    let data = bytes_arg(fname, 1, &args[0])?;
    let errors = errors_arg(fname, args.get(1))?;
    let (mut order, final_) = if ex {
        (
            match args.get(2) {
                Some(o) => crate::objects::int::as_i64(o)?,
                None => 0,
            },
            final_arg(args.get(3))?,
        )
    } else {
        (0, final_arg(args.get(2))?)
    };
    let (le_bom, be_bom): (&[u8], &[u8]) = if width == 2 {
        (&[0xFF, 0xFE], &[0xFE, 0xFF])
    } else {
        (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
    };
    let mut skip = 0;
    if order == 0 {
        if data.starts_with(le_bom) {
            order = -1;
            skip = width;
        } else if data.starts_with(be_bom) {
            order = 1;
            skip = width;
        } else if data.len() < width && !final_ {
            // Too short to tell: wait for more.
            let s = PyStr::new("")?;
            return if ex {
                PyTuple::new(vec![s, PyInt::new(0)?, PyInt::new(0)?])
            } else {
                pair(s, 0)
            };
        }
    }
    let codec = match (width, order > 0) {
        (2, true) => "utf-16-be",
        (2, false) => "utf-16-le",
        (_, true) => "utf-32-be",
        _ => "utf-32-le",
    };
    let body = &data[skip..];
    let n = if final_ {
        body.len()
    } else {
        complete_prefix(codec, body)
    };
    let s = crate::objects::str::decode(&body[..n], codec, &errors)?;
    if ex {
        PyTuple::new(vec![s, PyInt::new((skip + n) as i64)?, PyInt::new(order)?])
    } else {
        pair(s, skip + n)
    }
}

fn utf_16_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    bom_decode("utf_16_decode", 2, args, false)
}

fn utf_16_ex_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    bom_decode("utf_16_ex_decode", 2, args, true)
}

fn utf_32_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    bom_decode("utf_32_decode", 4, args, false)
}

fn utf_32_ex_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    bom_decode("utf_32_ex_decode", 4, args, true)
}

fn readbuffer_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("readbuffer_encode", args, 1, 2)?;
    let data = match args[0].downcast::<PyStr>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => bytes_arg("readbuffer_encode", 1, &args[0])?,
    };
    let n = data.len();
    pair(PyBytes::new(&data)?, n)
}

fn decode_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let args = (|| -> PyResult<Vec<PyRef>> {
        Ok(vec![
            PyStr::new(codec)?,
            PyBytes::new(data)?,
            PyInt::new(start as i64)?,
            PyInt::new(end as i64)?,
            PyStr::new(reason)?,
        ])
    })();
    match args {
        Ok(a) => PyErr::with_args(&exc::UNICODE_DECODE_ERROR, &a),
        Err(e) => e,
    }
}

/// Handles a decoding error in the escape codecs with the standard handlers.
fn escape_error(
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(codec, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push(0xFFFD);
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
            }
            Ok(())
        }
        _ => Err(PyErr::lookup_error(format!(
            "unknown error handler name '{errors}'"
        ))),
    }
}

fn hex_value(d: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &b in d {
        v = v * 16 + (b as char).to_digit(16)?;
    }
    Some(v)
}

/// `unicode_escape_decode` (raw: only `\u` and `\U` escapes).
fn unicode_escape(data: &[u8], errors: &str, raw: bool) -> PyResult<Vec<u32>> {
    let codec = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&c) = data.get(i + 1) else {
            if raw {
                out.push(b'\\' as u32);
                i += 1;
                continue;
            }
            escape_error(
                codec,
                data,
                start,
                data.len(),
                "\\ at end of string",
                errors,
                &mut out,
            )?;
            break;
        };
        if raw && c != b'u' && c != b'U' {
            out.push(b'\\' as u32);
            i += 1;
            continue;
        }
        i += 2;
        let simple = match c {
            b'\n' => Some(None),
            b'\\' => Some(Some('\\' as u32)),
            b'\'' => Some(Some('\'' as u32)),
            b'"' => Some(Some('"' as u32)),
            b'a' => Some(Some(7)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b'n' => Some(Some(10)),
            b'r' => Some(Some(13)),
            b't' => Some(Some(9)),
            b'v' => Some(Some(11)),
            _ => None,
        };
        if let Some(v) = simple {
            if let Some(v) = v {
                out.push(v);
            }
            continue;
        }
        match c {
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(v);
            }
            b'x' | b'u' | b'U' => {
                let (n, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let digits = &data[i..(i + n).min(data.len())];
                let ok = digits.len() == n && digits.iter().all(|d| d.is_ascii_hexdigit());
                if !ok {
                    let good = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                    let end = i + good;
                    escape_error(codec, data, start, end, what, errors, &mut out)?;
                    i = end;
                    continue;
                }
                let v = hex_value(digits).unwrap_or(0);
                i += n;
                if v > 0x10FFFF {
                    let reason = if raw {
                        "\\Uxxxxxxxx out of range"
                    } else {
                        "illegal Unicode character"
                    };
                    escape_error(codec, data, start, i, reason, errors, &mut out)?;
                    continue;
                }
                out.push(v);
            }
            b'N' => {
                // `\N{name}`, looked up as CPython's `_getcode` does (names
                // and aliases, case-insensitive; no named sequences).
                let mut reason = "malformed \\N character escape";
                let mut end = i.min(data.len());
                if data.get(i) == Some(&b'{') {
                    let name_start = i + 1;
                    match data[name_start..].iter().position(|&b| b == b'}') {
                        Some(0) => end = name_start,
                        Some(n) => {
                            end = name_start + n + 1;
                            let name = data[name_start..name_start + n].to_ascii_uppercase();
                            if let Some(cp) = taipan_parser::unicode_names::lookup(&name) {
                                out.push(cp);
                                i = end;
                                continue;
                            }
                            reason = "unknown Unicode character name";
                        }
                        None => end = data.len(),
                    }
                }
                escape_error(codec, data, start, end, reason, errors, &mut out)?;
                i = end;
            }
            _ => {
                out.push(b'\\' as u32);
                out.push(c as u32);
            }
        }
    }
    Ok(out)
}

fn unicode_escape_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    escape_decode_common("unicode_escape_decode", args, false)
}

fn raw_unicode_escape_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    escape_decode_common("raw_unicode_escape_decode", args, true)
}

fn escape_decode_common(fname: &str, args: &[PyRef], raw: bool) -> PyResult<PyRef> {
    nargs(fname, args, 1, 3)?;
    let data = match args[0].downcast::<PyStr>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => bytes_arg(fname, 1, &args[0])?,
    };
    let errors = errors_arg(fname, args.get(1))?;
    let cps = unicode_escape(&data, &errors, raw)?;
    pair(PyStr::from_code_points(&cps)?, data.len())
}

fn unicode_escape_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("unicode_escape_encode", args, 1, 2)?;
    let s = str_arg("unicode_escape_encode", 1, &args[0])?;
    let p = as_str(&s);
    let mut out = Vec::with_capacity(p.len());
    for c in p.chars() {
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            _ => out.extend_from_slice(backslash_escape(c).as_bytes()),
        }
    }
    pair(PyBytes::new(&out)?, p.len())
}

fn raw_unicode_escape_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("raw_unicode_escape_encode", args, 1, 2)?;
    let s = str_arg("raw_unicode_escape_encode", 1, &args[0])?;
    let p = as_str(&s);
    let mut out = Vec::with_capacity(p.len());
    for c in p.chars() {
        if c < 0x100 {
            out.push(c as u8);
        } else if c <= 0xFFFF {
            out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{c:08x}").as_bytes());
        }
    }
    pair(PyBytes::new(&out)?, p.len())
}

/// `escape_encode(bytes)`: the body of the bytes' repr, quotes escaped.
fn escape_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("escape_encode", args, 1, 2)?;
    let Some(b) = args[0].downcast::<PyBytes>() else {
        return Err(PyErr::type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            args[0].ty().name()
        )));
    };
    let data = b.as_bytes();
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        match c {
            b'\'' | b'\\' => {
                out.push(b'\\');
                out.push(c);
            }
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    pair(PyBytes::new(&out)?, data.len())
}

/// `escape_decode(data)`: bytes escapes as in a bytes literal.
fn escape_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("escape_decode", args, 1, 2)?;
    let data = match args[0].downcast::<PyStr>() {
        Some(s) => s.as_str().as_bytes().to_vec(),
        None => bytes_arg("escape_decode", 1, &args[0])?,
    };
    let errors = errors_arg("escape_decode", args.get(1))?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&c) = data.get(i + 1) else {
            return Err(PyErr::value_error("Trailing \\ in string"));
        };
        i += 2;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(v as u8);
            }
            b'x' => {
                let digits = &data[i..(i + 2).min(data.len())];
                if digits.len() == 2 && digits.iter().all(|d| d.is_ascii_hexdigit()) {
                    out.push(hex_value(digits).unwrap_or(0) as u8);
                    i += 2;
                } else {
                    match errors.as_str() {
                        "strict" => {
                            return Err(PyErr::value_error(format!(
                                "invalid \\x escape at position {}",
                                i - 2
                            )))
                        }
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        other => {
                            return Err(PyErr::value_error(format!(
                                "decoding error; unknown error handling code: {other}"
                            )))
                        }
                    }
                    let good = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                    i += good;
                }
            }
            _ => {
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    pair(PyBytes::new(&out)?, data.len())
}

// ---------------------------------------------------------------------------
// Charmap codecs (the 8-bit code pages of `encodings`).

fn charmap_decode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("charmap_decode", args, 1, 3)?;
    let data = bytes_arg("charmap_decode", 1, &args[0])?;
    let errors = errors_arg("charmap_decode", args.get(1))?;
    let mapping = args.get(2).filter(|m| !m.is(&none())).cloned();
    let Some(mapping) = mapping else {
        let s = crate::objects::str::decode(&data, "latin-1", &errors)?;
        return pair(s, data.len());
    };
    let table: Option<Vec<u32>> = mapping.downcast::<PyStr>().map(|s| s.chars().collect());
    let mut out = Vec::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        let mapped: Option<Vec<u32>> = match &table {
            Some(t) => t
                .get(b as usize)
                .copied()
                .filter(|&c| c != 0xFFFE)
                .map(|c| vec![c]),
            None => {
                let key = PyInt::new(b as i64)?;
                match protocol::get_item(&mapping, &key) {
                    Ok(v) if v.is(&none()) => None,
                    Ok(v) => {
                        if let Some(s) = v.downcast::<PyStr>() {
                            let cps: Vec<u32> = s.chars().collect();
                            if cps == [0xFFFE] {
                                None
                            } else {
                                Some(cps)
                            }
                        } else if v.is_instance_of::<PyInt>() {
                            let x = crate::objects::int::as_i64(&v)?;
                            if !(0..=0x10FFFF).contains(&x) {
                                return Err(PyErr::type_error(
                                    "character mapping must be in range(0x110000)",
                                ));
                            }
                            Some(vec![x as u32])
                        } else {
                            return Err(PyErr::type_error(
                                "character mapping must return integer, None or str",
                            ));
                        }
                    }
                    Err(e) if e.matches(&exc::LOOKUP_ERROR) => None,
                    Err(e) => return Err(e),
                }
            }
        };
        match mapped {
            Some(cps) => out.extend(cps),
            None => escape_error(
                "charmap",
                &data,
                i,
                i + 1,
                "character maps to <undefined>",
                &errors,
                &mut out,
            )?,
        }
    }
    pair(PyStr::from_code_points(&out)?, data.len())
}

/// `charmap_build(decoding_table)`: the encoding map (a dict here; CPython
/// returns an opaque `EncodingMap`).
fn charmap_build(_m: &PyRef, table: &PyRef) -> PyResult<PyRef> {
    let t = str_arg("charmap_build", 1, table)?;
    let d = PyDict::new()?;
    for (i, c) in as_str(&t).chars().enumerate() {
        dict_of(&d).set_item(PyInt::new(c as i64)?, PyInt::new(i as i64)?)?;
    }
    Ok(d)
}

fn charmap_encode(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    nargs("charmap_encode", args, 1, 3)?;
    let s = str_arg("charmap_encode", 1, &args[0])?;
    let errors = errors_arg("charmap_encode", args.get(1))?;
    let mapping = args.get(2).filter(|m| !m.is(&none())).cloned();
    let p = as_str(&s);
    let Some(mapping) = mapping else {
        let b = crate::objects::str::encode(&s, p, "latin-1", &errors)?;
        return pair(b, p.len());
    };
    let cps: Vec<u32> = p.chars().collect();
    let lookup = |c: u32| -> PyResult<Option<Vec<u8>>> {
        match protocol::get_item(&mapping, &PyInt::new(c as i64)?) {
            Ok(v) if v.is(&none()) => Ok(None),
            Ok(v) => {
                if let Some(b) = v.downcast::<PyBytes>() {
                    Ok(Some(b.as_bytes().to_vec()))
                } else if v.is_instance_of::<PyInt>() {
                    let x = crate::objects::int::as_i64(&v)?;
                    if !(0..256).contains(&x) {
                        return Err(PyErr::type_error("character mapping must be in range(256)"));
                    }
                    Ok(Some(vec![x as u8]))
                } else {
                    Err(PyErr::type_error(
                        "character mapping must return integer, bytes or None, not str",
                    ))
                }
            }
            Err(e) if e.matches(&exc::LOOKUP_ERROR) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = lookup(cps[i])? {
            out.extend(b);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && lookup(cps[end])?.is_none() {
            end += 1;
        }
        match errors.as_str() {
            "strict" => {
                let a = vec![
                    PyStr::new("charmap")?,
                    s.clone(),
                    PyInt::new(i as i64)?,
                    PyInt::new(end as i64)?,
                    PyStr::new("character maps to <undefined>")?,
                ];
                return Err(PyErr::with_args(&exc::UNICODE_ENCODE_ERROR, &a));
            }
            "ignore" => {}
            "replace" | "backslashreplace" | "xmlcharrefreplace" => {
                for &c in &cps[i..end] {
                    let rep = match errors.as_str() {
                        "replace" => "?".to_string(),
                        "backslashreplace" => backslash_escape(c),
                        _ => format!("&#{c};"),
                    };
                    for r in rep.chars() {
                        match lookup(r as u32)? {
                            Some(b) => out.extend(b),
                            None => {
                                let a = vec![
                                    PyStr::new("charmap")?,
                                    s.clone(),
                                    PyInt::new(i as i64)?,
                                    PyInt::new(end as i64)?,
                                    PyStr::new("character maps to <undefined>")?,
                                ];
                                return Err(PyErr::with_args(&exc::UNICODE_ENCODE_ERROR, &a));
                            }
                        }
                    }
                }
            }
            other => {
                return Err(PyErr::lookup_error(format!(
                    "unknown error handler name '{other}'"
                )))
            }
        }
        i = end;
    }
    pair(PyBytes::new(&out)?, cps.len())
}

static FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("register", Meth::O(m_register)),
    MethodDef::new("unregister", Meth::O(m_unregister)),
    MethodDef::new("lookup", Meth::O(m_lookup)),
    MethodDef::new("_forget_codec", Meth::O(m_forget_codec)),
    MethodDef::new("encode", Meth::FastKw(m_encode)),
    MethodDef::new("decode", Meth::FastKw(m_decode)),
    MethodDef::new("register_error", Meth::Fast(m_register_error)),
    MethodDef::new("lookup_error", Meth::O(m_lookup_error)),
    MethodDef::new("strict_errors", Meth::O(strict_errors)),
    MethodDef::new("ignore_errors", Meth::O(ignore_errors)),
    MethodDef::new("replace_errors", Meth::O(replace_errors)),
    MethodDef::new(
        "xmlcharrefreplace_errors",
        Meth::O(xmlcharrefreplace_errors),
    ),
    MethodDef::new("backslashreplace_errors", Meth::O(backslashreplace_errors)),
    MethodDef::new("namereplace_errors", Meth::O(namereplace_errors)),
    MethodDef::new("surrogateescape_errors", Meth::O(surrogateescape_errors)),
    MethodDef::new("surrogatepass_errors", Meth::O(surrogatepass_errors)),
    MethodDef::new("utf_8_encode", Meth::Fast(utf_8_encode)),
    MethodDef::new("utf_8_decode", Meth::Fast(utf_8_decode)),
    MethodDef::new("latin_1_encode", Meth::Fast(latin_1_encode)),
    MethodDef::new("latin_1_decode", Meth::Fast(latin_1_decode)),
    MethodDef::new("ascii_encode", Meth::Fast(ascii_encode)),
    MethodDef::new("ascii_decode", Meth::Fast(ascii_decode)),
    MethodDef::new("utf_16_encode", Meth::Fast(utf_16_encode)),
    MethodDef::new("utf_16_le_encode", Meth::Fast(utf_16_le_encode)),
    MethodDef::new("utf_16_be_encode", Meth::Fast(utf_16_be_encode)),
    MethodDef::new("utf_16_decode", Meth::Fast(utf_16_decode)),
    MethodDef::new("utf_16_le_decode", Meth::Fast(utf_16_le_decode)),
    MethodDef::new("utf_16_be_decode", Meth::Fast(utf_16_be_decode)),
    MethodDef::new("utf_16_ex_decode", Meth::Fast(utf_16_ex_decode)),
    MethodDef::new("utf_32_encode", Meth::Fast(utf_32_encode)),
    MethodDef::new("utf_32_le_encode", Meth::Fast(utf_32_le_encode)),
    MethodDef::new("utf_32_be_encode", Meth::Fast(utf_32_be_encode)),
    MethodDef::new("utf_32_decode", Meth::Fast(utf_32_decode)),
    MethodDef::new("utf_32_le_decode", Meth::Fast(utf_32_le_decode)),
    MethodDef::new("utf_32_be_decode", Meth::Fast(utf_32_be_decode)),
    MethodDef::new("utf_32_ex_decode", Meth::Fast(utf_32_ex_decode)),
    MethodDef::new("unicode_escape_encode", Meth::Fast(unicode_escape_encode)),
    MethodDef::new("unicode_escape_decode", Meth::Fast(unicode_escape_decode)),
    MethodDef::new(
        "raw_unicode_escape_encode",
        Meth::Fast(raw_unicode_escape_encode),
    ),
    MethodDef::new(
        "raw_unicode_escape_decode",
        Meth::Fast(raw_unicode_escape_decode),
    ),
    MethodDef::new("escape_encode", Meth::Fast(escape_encode)),
    MethodDef::new("escape_decode", Meth::Fast(escape_decode)),
    MethodDef::new("charmap_encode", Meth::Fast(charmap_encode)),
    MethodDef::new("charmap_decode", Meth::Fast(charmap_decode)),
    MethodDef::new("charmap_build", Meth::O(charmap_build)),
    MethodDef::new("readbuffer_encode", Meth::Fast(readbuffer_encode)),
];

/// Creates the `_codecs` module.
pub fn init() -> PyResult<PyRef> {
    let m = PyModule::new("_codecs")?;
    PyModule::add_functions(&m, FUNCTIONS)?;
    Ok(m)
}
