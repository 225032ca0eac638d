//! The `builtins` module (CPython's `Python/bltinmodule.c`): the built-in
//! types bound to their names, the exception types, the constants and the
//! built-in functions (`print`, `len`, `min`, `sum`, `getattr`, ...), with
//! CPython 3.11's argument checking and messages.
//!
//! The types are bound by name from every file's `TYPES` list (plus the core
//! types), so a type another file adds appears here once it is readied at
//! start-up, without this file naming its static.
//!
//! It also holds the small argument-parsing helpers ([`KwArgs`], [`parse`])
//! the other native modules use.

use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::descr::kwnames_len;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::float::PyFloat;
use crate::objects::int::PyInt;
use crate::objects::list::PyList;
use crate::objects::module::PyModule;
use crate::objects::none::none;
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[];

// ---------------------------------------------------------------------------
// Argument helpers.

/// Vectorcall arguments split into positional ones and keyword ones.
pub struct KwArgs<'a> {
    pub pos: &'a [PyRef],
    names: Vec<&'a str>,
    vals: &'a [PyRef],
    used: Vec<bool>,
}

impl<'a> KwArgs<'a> {
    pub fn new(args: &'a [PyRef], kwnames: Option<&'a PyRef>) -> KwArgs<'a> {
        let nkw = kwnames.map(kwnames_len).unwrap_or(0).min(args.len());
        let npos = args.len() - nkw;
        let mut names = Vec::with_capacity(nkw);
        if let Some(t) = kwnames.and_then(|k| k.downcast::<PyTuple>()) {
            for n in t.items().iter().take(nkw) {
                names.push(crate::objects::descr::name_str(n));
            }
        }
        KwArgs {
            pos: &args[..npos],
            names,
            vals: &args[npos..],
            used: vec![false; nkw],
        }
    }

    /// The number of keyword arguments.
    pub fn nkw(&self) -> usize {
        self.names.len()
    }

    /// Takes the keyword argument `name`, if given.
    pub fn take(&mut self, name: &str) -> Option<&'a PyRef> {
        for (i, n) in self.names.iter().enumerate() {
            if *n == name && !self.used[i] {
                self.used[i] = true;
                return Some(&self.vals[i]);
            }
        }
        None
    }

    /// Fails on a keyword argument nobody took ("'x' is an invalid keyword
    /// argument for f()").
    pub fn finish(&self, fname: &str) -> PyResult<()> {
        for (i, n) in self.names.iter().enumerate() {
            if !self.used[i] {
                return Err(PyErr::type_error(format!(
                    "'{n}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
        Ok(())
    }
}

/// Argument Clinic-style parsing of positional-or-keyword parameters
/// `names`, the first `required` of them required.
pub fn parse(
    fname: &str,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyRef>>> {
    let mut kw = KwArgs::new(args, kwnames);
    let total = kw.pos.len() + kw.nkw();
    if total > names.len() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {} argument{} ({total} given)",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        )));
    }
    let mut out: Vec<Option<PyRef>> = Vec::with_capacity(names.len());
    for (i, n) in names.iter().enumerate() {
        let by_kw = kw.take(n).cloned();
        if i < kw.pos.len() {
            if by_kw.is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{n}') and position ({})",
                    i + 1
                )));
            }
            out.push(Some(kw.pos[i].clone()));
        } else {
            if by_kw.is_none() && i < required {
                return Err(PyErr::type_error(format!(
                    "{fname}() missing required argument '{n}' (pos {})",
                    i + 1
                )));
            }
            out.push(by_kw);
        }
    }
    kw.finish(fname)?;
    Ok(out)
}

/// `_PyArg_CheckPositional` for exactly `n` arguments: "NAME expected N
/// arguments, got M" (the wording of positional-only builtins).
pub fn exact_nargs(fname: &str, args: &[PyRef], n: usize) -> PyResult<()> {
    if args.len() != n {
        return Err(PyErr::type_error(format!(
            "{fname} expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

/// "f expected N arguments, got M" checks of `METH_FASTCALL` built-ins.
pub fn check_nargs(fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        if min == max {
            return Err(PyErr::type_error(format!(
                "{fname} expected {min} argument{}, got {n}",
                plural(min)
            )));
        }
        return Err(PyErr::type_error(format!(
            "{fname} expected at least {min} argument{}, got {n}",
            plural(min)
        )));
    }
    if n > max {
        if min == max {
            return Err(PyErr::type_error(format!(
                "{fname} expected {max} argument{}, got {n}",
                plural(max)
            )));
        }
        return Err(PyErr::type_error(format!(
            "{fname} expected at most {max} argument{}, got {n}",
            plural(max)
        )));
    }
    Ok(())
}

/// A new tuple of keyword names.
pub fn kwnames_tuple(names: &[&str]) -> PyResult<PyRef> {
    PyTuple::new(
        names
            .iter()
            .map(|n| crate::objects::str::intern(n))
            .collect(),
    )
}

fn attr_name(name: &PyRef) -> PyResult<&PyRef> {
    if name.is_instance_of::<PyStr>() {
        Ok(name)
    } else {
        Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            name.ty().name()
        )))
    }
}

/// The `builtins` module.
pub fn builtins_module() -> PyResult<PyRef> {
    crate::interp::interp()
        .builtins
        .clone()
        .ok_or_else(|| PyErr::runtime_error("lost builtins module"))
}

// ---------------------------------------------------------------------------
// The functions.

fn bi_print(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let mut kw = KwArgs::new(args, kwnames);
    let sep = kw.take("sep").cloned();
    let end = kw.take("end").cloned();
    let file = kw.take("file").cloned();
    let flush = kw.take("flush").cloned();
    kw.finish("print")?;
    let text_arg = |v: &Option<PyRef>, what: &str, dflt: &str| -> PyResult<String> {
        match v {
            None => Ok(dflt.to_owned()),
            Some(o) if o.is_none() => Ok(dflt.to_owned()),
            Some(o) => match o.downcast::<PyStr>() {
                Some(s) => Ok(s.as_str().to_owned()),
                None => Err(PyErr::type_error(format!(
                    "{what} must be None or a string, not {}",
                    o.ty().name()
                ))),
            },
        }
    };
    let sep = text_arg(&sep, "sep", " ")?;
    let end = text_arg(&end, "end", "\n")?;
    let file = match file {
        Some(f) if !f.is_none() => f,
        _ => match crate::modules::sys::get_attr("stdout")? {
            Some(f) => f,
            None => return Ok(none()),
        },
    };
    if file.is_none() {
        return Ok(none());
    }
    if let Some(which) = crate::modules::sys::native_stream(&file) {
        let mut out = String::new();
        for (i, a) in kw.pos.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            match protocol::str_string(a) {
                Ok(t) => out.push_str(&t),
                Err(e) => {
                    // What was printed before the failing argument stays
                    // written, as CPython's piecewise writes leave it.
                    crate::modules::sys::write_stream(which, &out);
                    return Err(e);
                }
            }
        }
        out.push_str(&end);
        crate::modules::sys::write_stream(which, &out);
    } else {
        let write = protocol::getattr_str(&file, "write")?;
        for (i, a) in kw.pos.iter().enumerate() {
            if i > 0 {
                protocol::call1(&write, &[PyStr::new(&sep)?])?;
            }
            protocol::call1(&write, &[protocol::str_(a)?])?;
        }
        protocol::call1(&write, &[PyStr::new(&end)?])?;
    }
    if let Some(f) = flush {
        if protocol::is_true(&f)? {
            protocol::call_method(&file, "flush", &[])?;
        }
    }
    Ok(none())
}

fn bi_repr(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    protocol::repr(o)
}

fn bi_ascii(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let r = protocol::repr(o)?;
    // SAFETY: repr returns a str.
    let s = unsafe { r.payload_unchecked::<PyStr>() };
    if s.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c < 0x80 {
            out.push(c as u8 as char);
        } else if c < 0x100 {
            out.push_str(&format!("\\x{c:02x}"));
        } else if c < 0x10000 {
            out.push_str(&format!("\\u{c:04x}"));
        } else {
            out.push_str(&format!("\\U{c:08x}"));
        }
    }
    PyStr::new(&out)
}

fn bi_len(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let n = protocol::len(o)?;
    PyInt::new(n as i64)
}

fn bi_abs(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    protocol::unary_op(o, |n| &n.nb_absolute, "abs()")
}

fn min_max(args: &[PyRef], kwnames: Option<&PyRef>, is_min: bool) -> PyResult<PyRef> {
    let name = if is_min { "min" } else { "max" };
    let nkw = kwnames.map(crate::objects::descr::kwnames_len).unwrap_or(0);
    if nkw > 2 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 2 keyword arguments ({nkw} given)"
        )));
    }
    let mut kw = KwArgs::new(args, kwnames);
    let key = kw.take("key").cloned().filter(|k| !k.is_none());
    let default = kw.take("default").cloned();
    kw.finish(name)?;
    let pos = kw.pos;
    if pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    if pos.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let op = if is_min { CompareOp::Lt } else { CompareOp::Gt };
    let mut best: Option<(PyRef, PyRef)> = None;
    let mut consider = |item: PyRef| -> PyResult<()> {
        let k = match &key {
            Some(f) => protocol::call1(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((k, item)),
            Some((bk, _)) => {
                if protocol::rich_compare_bool(&k, bk, op)? {
                    best = Some((k, item));
                }
            }
        }
        Ok(())
    };
    if pos.len() == 1 {
        let it = protocol::get_iter(&pos[0])?;
        while let Some(v) = protocol::next(&it)? {
            consider(v)?;
        }
    } else {
        for v in pos {
            consider(v.clone())?;
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn bi_min(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    min_max(args, kwnames, true)
}

fn bi_max(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    min_max(args, kwnames, false)
}

fn bi_sum(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut kw = KwArgs::new(args, kwnames);
    let start_kw = kw.take("start").cloned();
    kw.finish("sum")?;
    let npos = kw.pos.len();
    if npos == 0 {
        return Err(PyErr::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    if npos + usize::from(start_kw.is_some()) > 2 {
        return Err(PyErr::type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            npos + usize::from(start_kw.is_some())
        )));
    }
    let start = match (kw.pos.get(1), start_kw) {
        (Some(s), _) => Some(s.clone()),
        (None, s) => s,
    };
    let mut acc = match start {
        Some(s) => {
            match s.ty().static_base().tp_name {
                "str" => {
                    return Err(PyErr::type_error(
                        "sum() can't sum strings [use ''.join(seq) instead]",
                    ))
                }
                "bytes" => {
                    return Err(PyErr::type_error(
                        "sum() can't sum bytes [use b''.join(seq) instead]",
                    ))
                }
                "bytearray" => {
                    return Err(PyErr::type_error(
                        "sum() can't sum bytearray [use b''.join(seq) instead]",
                    ))
                }
                _ => {}
            }
            s
        }
        None => PyInt::new(0)?,
    };
    let it = protocol::get_iter(&kw.pos[0])?;
    // Fast path: exact ints that fit in an i64.
    if let Some(mut total) = acc.downcast_exact::<PyInt>().and_then(|i| i.as_i64()) {
        loop {
            let item = match protocol::next(&it)? {
                Some(v) => v,
                None => return PyInt::new(total),
            };
            if let Some(v) = item.downcast_exact::<PyInt>().and_then(|i| i.as_i64()) {
                if let Some(t) = total.checked_add(v) {
                    total = t;
                    continue;
                }
            }
            if let Some(f) = item.downcast_exact::<PyFloat>() {
                // Continue on the float path.
                let mut ftotal = total as f64 + f.value;
                loop {
                    let item = match protocol::next(&it)? {
                        Some(v) => v,
                        None => return PyFloat::new(ftotal),
                    };
                    if let Some(f) = item.downcast_exact::<PyFloat>() {
                        ftotal += f.value;
                    } else if let Some(v) = item.downcast_exact::<PyInt>().and_then(|i| i.as_i64())
                    {
                        ftotal += v as f64;
                    } else {
                        let a = PyFloat::new(ftotal)?;
                        acc = protocol::binary_op(&a, &item, protocol::ADD)?;
                        return sum_generic(acc, &it);
                    }
                }
            }
            acc = protocol::binary_op(&PyInt::new(total)?, &item, protocol::ADD)?;
            return sum_generic(acc, &it);
        }
    }
    if let Some(f) = acc.downcast_exact::<PyFloat>() {
        let mut ftotal = f.value;
        loop {
            let item = match protocol::next(&it)? {
                Some(v) => v,
                None => return PyFloat::new(ftotal),
            };
            if let Some(f) = item.downcast_exact::<PyFloat>() {
                ftotal += f.value;
            } else if let Some(v) = item.downcast_exact::<PyInt>().and_then(|i| i.as_i64()) {
                ftotal += v as f64;
            } else {
                let a = PyFloat::new(ftotal)?;
                acc = protocol::binary_op(&a, &item, protocol::ADD)?;
                return sum_generic(acc, &it);
            }
        }
    }
    sum_generic(acc, &it)
}

fn sum_generic(mut acc: PyRef, it: &PyRef) -> PyResult<PyRef> {
    while let Some(item) = protocol::next(it)? {
        acc = protocol::binary_op(&acc, &item, protocol::ADD)?;
    }
    Ok(acc)
}

fn bi_any(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let it = protocol::get_iter(o)?;
    while let Some(v) = protocol::next(&it)? {
        if protocol::is_true(&v)? {
            return Ok(py_bool(true));
        }
    }
    Ok(py_bool(false))
}

fn bi_all(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let it = protocol::get_iter(o)?;
    while let Some(v) = protocol::next(&it)? {
        if !protocol::is_true(&v)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

/// Overrides for `isinstance`/`issubclass` (unset: [`object_isinstance`] /
/// [`object_issubclass`], which dispatch to `__instancecheck__` /
/// `__subclasscheck__` as CPython's `abstract.c` does).
pub type CheckHook = fn(&PyRef, &PyRef) -> PyResult<bool>;
pub static ISINSTANCE_HOOK: crate::gil::GilCell<Option<CheckHook>> = crate::gil::GilCell::new(None);
pub static ISSUBCLASS_HOOK: crate::gil::GilCell<Option<CheckHook>> = crate::gil::GilCell::new(None);

/// `PyObject_IsInstance`: `__instancecheck__` of the class's metaclass when
/// it is not exactly `type`, tuples recursively, `__class__` as a fallback.
pub fn object_isinstance(obj: &PyRef, cls: &PyRef) -> PyResult<bool> {
    // Quick test for an exact match (no `__instancecheck__` call).
    if std::ptr::eq(obj.ty() as *const PyType as *const PyObject, cls.as_ptr()) {
        return Ok(true);
    }
    if let Some(t) = cls.downcast_exact::<PyType>() {
        return recursive_isinstance(obj, cls, t);
    }
    if let Some(tup) = cls.downcast::<PyTuple>() {
        let _g = crate::eval::recursion::enter_call(" in __instancecheck__")?;
        for c in tup.items() {
            if object_isinstance(obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(checker) = crate::objects::type_::lookup_str(cls.ty(), "__instancecheck__") {
        let _g = crate::eval::recursion::enter_call(" in __instancecheck__")?;
        let bound = crate::objects::descr::bind(&checker, Some(cls), Some(&cls.type_ref()))?;
        let r = protocol::call1(&bound, std::slice::from_ref(obj))?;
        return protocol::is_true(&r);
    }
    match cls.downcast::<PyType>() {
        Some(t) => recursive_isinstance(obj, cls, t),
        None => {
            if protocol::lookup_attr(cls, crate::intern!("__bases__"))?.is_none() {
                return Err(PyErr::type_error(
                    "isinstance() arg 2 must be a type, a tuple of types, or a union",
                ));
            }
            match protocol::lookup_attr(obj, crate::intern!("__class__"))? {
                Some(icls) => abstract_issubclass(&icls, cls),
                None => Ok(false),
            }
        }
    }
}

fn recursive_isinstance(obj: &PyRef, _cls: &PyRef, t: &PyType) -> PyResult<bool> {
    if obj.ty().is_subtype(t) {
        return Ok(true);
    }
    if let Some(icls) = protocol::lookup_attr(obj, crate::intern!("__class__"))? {
        if !icls.is(&obj.type_ref()) {
            if let Some(it) = icls.downcast::<PyType>() {
                return Ok(it.is_subtype(t));
            }
        }
    }
    Ok(false)
}

/// `abstract_issubclass`: walks `__bases__`.
fn abstract_issubclass(derived: &PyRef, cls: &PyRef) -> PyResult<bool> {
    let mut d = derived.clone();
    loop {
        if d.is(cls) {
            return Ok(true);
        }
        let bases = match protocol::lookup_attr(&d, crate::intern!("__bases__"))? {
            Some(b) => b,
            None => return Ok(false),
        };
        let items = match bases.downcast::<PyTuple>() {
            Some(t) => t.items().to_vec(),
            None => return Ok(false),
        };
        match items.len() {
            0 => return Ok(false),
            1 => d = items[0].clone(),
            _ => {
                let _g = crate::eval::recursion::enter_call(" in __issubclass__")?;
                for b in &items {
                    if abstract_issubclass(b, cls)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
}

/// `PyObject_IsSubclass`.
pub fn object_issubclass(derived: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if let (Some(c), Some(d)) = (cls.downcast_exact::<PyType>(), derived.downcast::<PyType>()) {
        return Ok(d.is_subtype(c));
    }
    if let Some(tup) = cls.downcast::<PyTuple>() {
        let _g = crate::eval::recursion::enter_call(" in __subclasscheck__")?;
        for c in tup.items() {
            if object_issubclass(derived, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(checker) = crate::objects::type_::lookup_str(cls.ty(), "__subclasscheck__") {
        let _g = crate::eval::recursion::enter_call(" in __subclasscheck__")?;
        let bound = crate::objects::descr::bind(&checker, Some(cls), Some(&cls.type_ref()))?;
        let r = protocol::call1(&bound, std::slice::from_ref(derived))?;
        return protocol::is_true(&r);
    }
    let is_class = |o: &PyRef| -> PyResult<bool> {
        Ok(o.downcast::<PyType>().is_some()
            || protocol::lookup_attr(o, crate::intern!("__bases__"))?.is_some())
    };
    if !is_class(derived)? {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    if !is_class(cls)? {
        return Err(PyErr::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    }
    if let (Some(d), Some(c)) = (derived.downcast::<PyType>(), cls.downcast::<PyType>()) {
        return Ok(d.is_subtype(c));
    }
    abstract_issubclass(derived, cls)
}

fn bi_isinstance(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("isinstance", args.len(), 2, 2)?;
    // SAFETY: GIL held; a plain read of a fn pointer.
    let hook = unsafe { *ISINSTANCE_HOOK.as_ptr() };
    let r = match hook {
        Some(h) => h(&args[0], &args[1])?,
        None => object_isinstance(&args[0], &args[1])?,
    };
    Ok(py_bool(r))
}

fn bi_issubclass(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("issubclass", args.len(), 2, 2)?;
    // SAFETY: GIL held; a plain read of a fn pointer.
    let hook = unsafe { *ISSUBCLASS_HOOK.as_ptr() };
    let r = match hook {
        Some(h) => h(&args[0], &args[1])?,
        None => object_issubclass(&args[0], &args[1])?,
    };
    Ok(py_bool(r))
}

fn bi_hasattr(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("hasattr", args.len(), 2, 2)?;
    let name = attr_name(&args[1])?;
    Ok(py_bool(protocol::lookup_attr(&args[0], name)?.is_some()))
}

fn bi_getattr(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("getattr", args.len(), 2, 3)?;
    let name = attr_name(&args[1])?;
    if args.len() == 3 {
        return Ok(protocol::lookup_attr(&args[0], name)?.unwrap_or_else(|| args[2].clone()));
    }
    protocol::getattr(&args[0], name)
}

fn bi_setattr(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("setattr", args.len(), 3, 3)?;
    let name = attr_name(&args[1])?;
    protocol::setattr(&args[0], name, Some(&args[2]))?;
    Ok(none())
}

fn bi_delattr(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("delattr", args.len(), 2, 2)?;
    let name = attr_name(&args[1])?;
    protocol::setattr(&args[0], name, None)?;
    Ok(none())
}

fn bi_id(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    PyInt::from_bigint(num_bigint::BigInt::from(o.id()))
}

fn bi_hash(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    PyInt::new(protocol::hash(o)? as i64)
}

fn bi_callable(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    Ok(py_bool(o.ty().tp_call.get().is_some()))
}

/// Makes the two-argument `iter(callable, sentinel)` iterator; set by the
/// file that defines `callable_iterator`.
pub type CallableIterFn = fn(&PyRef, &PyRef) -> PyResult<PyRef>;
pub static CALLABLE_ITER: crate::gil::GilCell<Option<CallableIterFn>> =
    crate::gil::GilCell::new(None);

fn bi_iter(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("iter", args.len(), 1, 2)?;
    if args.len() == 1 {
        return protocol::get_iter(&args[0]);
    }
    if args[0].ty().tp_call.get().is_none() {
        return Err(PyErr::type_error("iter(v, w): v must be callable"));
    }
    // SAFETY: GIL held; a plain read of a fn pointer.
    match unsafe { *CALLABLE_ITER.as_ptr() } {
        Some(f) => f(&args[0], &args[1]),
        None => crate::objects::iter::new_callable_iter(args[0].clone(), args[1].clone()),
    }
}

fn bi_next(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("next", args.len(), 1, 2)?;
    let it = &args[0];
    let f = match it.ty().tp_iternext.get() {
        Some(f) => f,
        None => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                it.ty().name()
            )))
        }
    };
    match f(it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration(None)),
        },
        Err(e) if args.len() == 2 && e.matches(&exceptions::STOP_ITERATION) => Ok(args[1].clone()),
        Err(e) => Err(e),
    }
}

fn bi_sorted(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let nkw = kwnames.map(kwnames_len).unwrap_or(0);
    let npos = args.len().saturating_sub(nkw);
    check_nargs("sorted", npos, 1, 1)?;
    let list = PyList::new(protocol::collect(&args[0])?)?;
    let sort = protocol::getattr_str(&list, "sort")?;
    protocol::call(&sort, &args[1..], kwnames)?;
    Ok(list)
}

fn bi_round(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("round", args, kwnames, &["number", "ndigits"], 1)?;
    let number = a[0].clone().ok_or_else(|| PyErr::system_error("round"))?;
    let meth = match crate::objects::type_::lookup_str(number.ty(), "__round__") {
        Some(m) => m,
        None => {
            return Err(PyErr::type_error(format!(
                "type {} doesn't define __round__ method",
                number.ty().tp_name_str()
            )))
        }
    };
    let bound = crate::objects::descr::bind(&meth, Some(&number), Some(&number.type_ref()))?;
    match &a[1] {
        Some(nd) if !nd.is_none() => protocol::call1(&bound, std::slice::from_ref(nd)),
        _ => protocol::call1(&bound, &[]),
    }
}

fn bi_divmod(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("divmod", args.len(), 2, 2)?;
    protocol::binary_op(&args[0], &args[1], protocol::DIVMOD)
}

fn bi_pow(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse("pow", args, kwnames, &["base", "exp", "mod"], 2)?;
    let (b, e) = match (&a[0], &a[1]) {
        (Some(b), Some(e)) => (b, e),
        _ => return Err(PyErr::system_error("pow")),
    };
    let m = a[2].clone().unwrap_or_else(none);
    protocol::power(b, e, &m)
}

fn bi_chr(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    let i = protocol::index(o)?;
    // SAFETY: index returns an int.
    let v = unsafe { i.payload_unchecked::<PyInt>() }.as_i64();
    match v {
        Some(c) if (0..0x110000).contains(&c) => PyStr::from_code_points(&[c as u32]),
        Some(_) => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
        None => Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        )),
    }
}

fn bi_ord(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    if let Some(s) = o.downcast::<PyStr>() {
        if s.len() == 1 {
            return PyInt::new(s.char_at(0) as i64);
        }
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.len()
        )));
    }
    let tn = o.ty().static_base().tp_name;
    if tn == "bytes" || tn == "bytearray" {
        let n = protocol::len(o)?;
        if n == 1 {
            return protocol::get_item(o, &PyInt::new(0)?);
        }
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    Err(PyErr::type_error(format!(
        "ord() expected string of length 1, but {} found",
        o.ty().name()
    )))
}

fn int_text(o: &PyRef, prefix: &str, radix: u32) -> PyResult<PyRef> {
    let i = protocol::index(o)?;
    // SAFETY: index returns an int.
    let v = unsafe { i.payload_unchecked::<PyInt>() }.to_bigint();
    let neg = v.sign() == num_bigint::Sign::Minus;
    let mag = v.magnitude().to_str_radix(radix);
    PyStr::new(&format!("{}{prefix}{mag}", if neg { "-" } else { "" }))
}

fn bi_bin(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    int_text(o, "0b", 2)
}

fn bi_oct(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    int_text(o, "0o", 8)
}

fn bi_hex(_m: &PyRef, o: &PyRef) -> PyResult<PyRef> {
    int_text(o, "0x", 16)
}

/// `format(value, spec)` (`PyObject_Format`).
pub fn format(value: &PyRef, spec: &PyRef) -> PyResult<PyRef> {
    let empty = spec
        .downcast::<PyStr>()
        .map(|s| s.is_empty())
        .unwrap_or(false);
    if empty {
        if value.is_exact::<PyStr>() {
            return Ok(value.clone());
        }
        if value.is_exact::<PyInt>() {
            return protocol::str_(value);
        }
    }
    let meth = match crate::objects::type_::lookup_str(value.ty(), "__format__") {
        Some(m) => m,
        None => {
            if empty {
                return protocol::str_(value);
            }
            return Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                value.ty().tp_name_str()
            )));
        }
    };
    let bound = crate::objects::descr::bind(&meth, Some(value), Some(&value.type_ref()))?;
    let r = protocol::call1(&bound, std::slice::from_ref(spec))?;
    if !r.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "__format__ must return a str, not {}",
            r.ty().name()
        )));
    }
    Ok(r)
}

fn bi_format(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("format", args.len(), 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => {
            if !s.is_instance_of::<PyStr>() {
                return Err(PyErr::type_error(format!(
                    "format() argument 2 must be str, not {}",
                    s.ty().name()
                )));
            }
            s.clone()
        }
        None => crate::intern!("").clone(),
    };
    format(&args[0], &spec)
}

fn bi_input(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("input", args.len(), 0, 1)?;
    if let Some(p) = args.first() {
        let s = protocol::str_string(p)?;
        crate::modules::sys::write_stdout(&s);
    }
    crate::modules::sys::flush_std();
    let mut line = String::new();
    let n = std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| PyErr::os_error(e.to_string()))?;
    if n == 0 {
        return Err(PyErr::eof_error("EOF when reading a line"));
    }
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    PyStr::new(&line)
}

fn sorted_list(items: Vec<PyRef>) -> PyResult<PyRef> {
    let list = PyList::new(items)?;
    if let Ok(sort) = protocol::getattr_str(&list, "sort") {
        protocol::call1(&sort, &[])?;
        return Ok(list);
    }
    // list.sort not available: sort str items by their text.
    // SAFETY: just made a list.
    let l = unsafe { list.payload_unchecked::<PyList>() };
    let mut v = l.snapshot();
    v.sort_by(|a, b| {
        let sa = a.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
        let sb = b.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("");
        sa.cmp(sb)
    });
    drop(l.replace_all(v));
    Ok(list)
}

fn call_builtin(name: &str, args: &[PyRef]) -> PyResult<PyRef> {
    let m = builtins_module()?;
    let f = protocol::getattr_str(&m, name)?;
    protocol::call1(&f, args)
}

fn bi_dir(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("dir", args.len(), 0, 1)?;
    let o = match args.first() {
        None => {
            let locals = call_builtin("locals", &[])?;
            let keys = match locals.downcast::<PyDict>() {
                Some(d) => d.keys(),
                None => protocol::collect(&locals)?,
            };
            return sorted_list(keys);
        }
        Some(o) => o,
    };
    match crate::objects::type_::lookup_str(o.ty(), "__dir__") {
        Some(m) => {
            let bound = crate::objects::descr::bind(&m, Some(o), Some(&o.type_ref()))?;
            let r = protocol::call1(&bound, &[])?;
            sorted_list(protocol::collect(&r)?)
        }
        None => {
            // No __dir__ yet: the instance dict and the type's MRO dicts.
            let mut names: Vec<PyRef> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut add = |d: &PyRef| {
                if let Some(d) = d.downcast::<PyDict>() {
                    for k in d.keys() {
                        if let Some(s) = k.downcast::<PyStr>() {
                            if seen.insert(s.as_str().to_owned()) {
                                names.push(k.clone());
                            }
                        }
                    }
                }
            };
            if let Some(d) = crate::objects::object::instance_dict(o, false)? {
                add(&d);
            }
            let ty: &PyType = o.downcast::<PyType>().unwrap_or_else(|| o.ty());
            if let Some(mro) = ty.mro() {
                // SAFETY: an MRO is a tuple of types.
                for t in unsafe { crate::objects::tuple::tuple_items_unchecked(mro) } {
                    // SAFETY: MRO entries are types.
                    let t = unsafe { &*(t.as_ptr() as *const PyType) };
                    if let Some(d) = t.dict() {
                        add(d);
                    }
                }
            }
            sorted_list(names)
        }
    }
}

fn bi_vars(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("vars", args.len(), 0, 1)?;
    match args.first() {
        None => call_builtin("locals", &[]),
        Some(o) => match protocol::lookup_attr(o, crate::intern!("__dict__"))? {
            Some(d) => Ok(d),
            None => Err(PyErr::type_error(
                "vars() argument must have __dict__ attribute",
            )),
        },
    }
}

fn bi_import(_m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let a = parse(
        "__import__",
        args,
        kwnames,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = a[0]
        .clone()
        .ok_or_else(|| PyErr::system_error("__import__"))?;
    if !name.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error("module name must be a string"));
    }
    let globals = a[1].clone().filter(|g| !g.is_none());
    let fromlist = match &a[3] {
        Some(f) => f.clone(),
        None => crate::objects::tuple::empty_tuple(),
    };
    let level = match &a[4] {
        Some(l) => crate::objects::int::as_i64(l)?,
        None => 0,
    };
    crate::import::import_name(&name, globals.as_ref(), &fromlist, level)
}

fn bi_open(m: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // `open` is `io.open`, which is `_io.open`.
    crate::modules::_io::io_open(m, args, kwnames)
}

/// `exit(code=None)` / `quit(code=None)`: what `site` adds as
/// `_sitebuiltins.Quitter` (Taipan does not run `site` yet); raises
/// `SystemExit`.
fn bi_exit(_m: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    check_nargs("exit", args.len(), 0, 1)?;
    Err(PyErr::with_args(&exceptions::SYSTEM_EXIT, args))
}

pub static BUILTIN_FUNCTIONS: &[MethodDef] = &[
    MethodDef::new("exit", Meth::Fast(bi_exit)),
    MethodDef::new("quit", Meth::Fast(bi_exit)),
    MethodDef::new("__import__", Meth::FastKw(bi_import)).with_doc("__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)\n--\n\nImport a module.\n\nBecause this function is meant for use by the Python\ninterpreter and not for general use, it is better to use\nimportlib.import_module() to programmatically import a module.\n\nThe globals argument is only used to determine the context;\nthey are not modified.  The locals argument is unused.  The fromlist\nshould be a list of names to emulate ``from name import ...``, or an\nempty list to emulate ``import name``.\nWhen importing a module from a package, note that __import__('A.B', ...)\nreturns package A when fromlist is empty, but its submodule B when\nfromlist is not empty.  The level argument is used to determine whether to\nperform absolute or relative imports: 0 is absolute, while a positive number\nis the number of parent directories to search relative to the current module."),
    MethodDef::new("abs", Meth::O(bi_abs)).with_doc("abs($module, x, /)\n--\n\nReturn the absolute value of the argument."),
    MethodDef::new("all", Meth::O(bi_all)).with_doc("all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."),
    MethodDef::new("any", Meth::O(bi_any)).with_doc("any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."),
    MethodDef::new("ascii", Meth::O(bi_ascii)).with_doc("ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object.\n\nAs repr(), return a string containing a printable representation of an\nobject, but escape the non-ASCII characters in the string returned by\nrepr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\nto that returned by repr() in Python 2."),
    MethodDef::new("bin", Meth::O(bi_bin)).with_doc("bin($module, number, /)\n--\n\nReturn the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"),
    MethodDef::new("callable", Meth::O(bi_callable)).with_doc("callable($module, obj, /)\n--\n\nReturn whether the object is callable (i.e., some kind of function).\n\nNote that classes are callable, as are instances of classes with a\n__call__() method."),
    MethodDef::new("chr", Meth::O(bi_chr)).with_doc("chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    MethodDef::new("delattr", Meth::Fast(bi_delattr)).with_doc("delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from the given object.\n\ndelattr(x, 'y') is equivalent to ``del x.y``"),
    MethodDef::new("dir", Meth::Fast(bi_dir)).with_doc("dir([object]) -> list of strings\n\nIf called without an argument, return the names in the current scope.\nElse, return an alphabetized list of names comprising (some of) the attributes\nof the given object, and of attributes reachable from it.\nIf the object supplies a method named __dir__, it will be used; otherwise\nthe default dir() logic is used and returns:\n  for a module object: the module's attributes.\n  for a class object:  its attributes, and recursively the attributes\n    of its bases.\n  for any other object: its attributes, its class's attributes, and\n    recursively the attributes of its class's base classes."),
    MethodDef::new("divmod", Meth::Fast(bi_divmod)).with_doc("divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y).  Invariant: div*y + mod == x."),
    MethodDef::new("format", Meth::Fast(bi_format)).with_doc("format($module, value, format_spec='', /)\n--\n\nReturn value.__format__(format_spec)\n\nformat_spec defaults to the empty string.\nSee the Format Specification Mini-Language section of help('FORMATTING') for\ndetails."),
    MethodDef::new("getattr", Meth::Fast(bi_getattr)).with_doc("getattr(object, name[, default]) -> value\n\nGet a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\nWhen a default argument is given, it is returned when the attribute doesn't\nexist; without it, an exception is raised in that case."),
    MethodDef::new("hasattr", Meth::Fast(bi_hasattr)).with_doc("hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an attribute with the given name.\n\nThis is done by calling getattr(obj, name) and catching AttributeError."),
    MethodDef::new("hash", Meth::O(bi_hash)).with_doc("hash($module, obj, /)\n--\n\nReturn the hash value for the given object.\n\nTwo objects that compare equal must also have the same hash value, but the\nreverse is not necessarily true."),
    MethodDef::new("hex", Meth::O(bi_hex)).with_doc("hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'"),
    MethodDef::new("id", Meth::O(bi_id)).with_doc("id($module, obj, /)\n--\n\nReturn the identity of an object.\n\nThis is guaranteed to be unique among simultaneously existing objects.\n(CPython uses the object's memory address.)"),
    MethodDef::new("input", Meth::Fast(bi_input)).with_doc("input($module, prompt='', /)\n--\n\nRead a string from standard input.  The trailing newline is stripped.\n\nThe prompt string, if given, is printed to standard output without a\ntrailing newline before reading input.\n\nIf the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\nOn *nix systems, readline is used if available."),
    MethodDef::new("isinstance", Meth::Fast(bi_isinstance)).with_doc("isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an object is an instance of a class or of a subclass thereof.\n\nA tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\ncheck against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\nor ...`` etc."),
    MethodDef::new("issubclass", Meth::Fast(bi_issubclass)).with_doc("issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' is derived from another class or is the same class.\n\nA tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\ncheck against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\nor ...``."),
    MethodDef::new("iter", Meth::Fast(bi_iter)).with_doc("iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator from an object.  In the first form, the argument must\nsupply its own iterator, or be a sequence.\nIn the second form, the callable is called until it returns the sentinel."),
    MethodDef::new("aiter", Meth::O(crate::objects::gen::builtin_aiter)).with_doc("aiter($module, async_iterable, /)\n--\n\nReturn an AsyncIterator for an AsyncIterable object."),
    MethodDef::new("anext", Meth::Fast(crate::objects::gen::builtin_anext)).with_doc("anext($module, aiterator, default=<unrepresentable>, /)\n--\n\nasync anext(aiterator[, default])\n\nReturn the next item from the async iterator.  If default is given and the async\niterator is exhausted, it is returned instead of raising StopAsyncIteration."),
    MethodDef {
        doc: "len($module, obj, /)\n--\n\nReturn the number of items in a container.",
        ..MethodDef::new("len", Meth::O(bi_len))
    },
    MethodDef::new("max", Meth::FastKw(bi_max)).with_doc("max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its biggest item. The\ndefault keyword-only argument specifies an object to return if\nthe provided iterable is empty.\nWith two or more arguments, return the largest argument."),
    MethodDef::new("min", Meth::FastKw(bi_min)).with_doc("min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its smallest item. The\ndefault keyword-only argument specifies an object to return if\nthe provided iterable is empty.\nWith two or more arguments, return the smallest argument."),
    MethodDef::new("next", Meth::Fast(bi_next)).with_doc("next(iterator[, default])\n\nReturn the next item from the iterator. If default is given and the iterator\nis exhausted, it is returned instead of raising StopIteration."),
    MethodDef::new("oct", Meth::O(bi_oct)).with_doc("oct($module, number, /)\n--\n\nReturn the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'"),
    MethodDef::new("open", Meth::FastKw(bi_open)).with_doc("open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)\n--\n\nOpen file and return a stream.  Raise OSError upon failure.\n\nfile is either a text or byte string giving the name (and the path\nif the file isn't in the current working directory) of the file to\nbe opened or an integer file descriptor of the file to be\nwrapped. (If a file descriptor is given, it is closed when the\nreturned I/O object is closed, unless closefd is set to False.)\n\nmode is an optional string that specifies the mode in which the file\nis opened. It defaults to 'r' which means open for reading in text\nmode.  Other common values are 'w' for writing (truncating the file if\nit already exists), 'x' for creating and writing to a new file, and\n'a' for appending (which on some Unix systems, means that all writes\nappend to the end of the file regardless of the current seek position).\nIn text mode, if encoding is not specified the encoding used is platform\ndependent: locale.getencoding() is called to get the current locale encoding.\n(For reading and writing raw bytes use binary mode and leave encoding\nunspecified.) The available modes are:\n\n========= ===============================================================\nCharacter Meaning\n--------- ---------------------------------------------------------------\n'r'       open for reading (default)\n'w'       open for writing, truncating the file first\n'x'       create a new file and open it for writing\n'a'       open for writing, appending to the end of the file if it exists\n'b'       binary mode\n't'       text mode (default)\n'+'       open a disk file for updating (reading and writing)\n========= ===============================================================\n\nThe default mode is 'rt' (open for reading text). For binary random\naccess, the mode 'w+b' opens and truncates the file to 0 bytes, while\n'r+b' opens the file without truncation. The 'x' mode implies 'w' and\nraises an `FileExistsError` if the file already exists.\n\nPython distinguishes between files opened in binary and text modes,\neven when the underlying operating system doesn't. Files opened in\nbinary mode (appending 'b' to the mode argument) return contents as\nbytes objects without any decoding. In text mode (the default, or when\n't' is appended to the mode argument), the contents of the file are\nreturned as strings, the bytes having been first decoded using a\nplatform-dependent encoding or using the specified encoding if given.\n\nbuffering is an optional integer used to set the buffering policy.\nPass 0 to switch buffering off (only allowed in binary mode), 1 to select\nline buffering (only usable in text mode), and an integer > 1 to indicate\nthe size of a fixed-size chunk buffer.  When no buffering argument is\ngiven, the default buffering policy works as follows:\n\n* Binary files are buffered in fixed-size chunks; the size of the buffer\n  is chosen using a heuristic trying to determine the underlying device's\n  \"block size\" and falling back on `io.DEFAULT_BUFFER_SIZE`.\n  On many systems, the buffer will typically be 4096 or 8192 bytes long.\n\n* \"Interactive\" text files (files for which isatty() returns True)\n  use line buffering.  Other text files use the policy described above\n  for binary files.\n\nencoding is the name of the encoding used to decode or encode the\nfile. This should only be used in text mode. The default encoding is\nplatform dependent, but any encoding supported by Python can be\npassed.  See the codecs module for the list of supported encodings.\n\nerrors is an optional string that specifies how encoding errors are to\nbe handled---this argument should not be used in binary mode. Pass\n'strict' to raise a ValueError exception if there is an encoding error\n(the default of None has the same effect), or pass 'ignore' to ignore\nerrors. (Note that ignoring encoding errors can lead to data loss.)\nSee the documentation for codecs.register or run 'help(codecs.Codec)'\nfor a list of the permitted encoding error strings.\n\nnewline controls how universal newlines works (it only applies to text\nmode). It can be None, '', '\\n', '\\r', and '\\r\\n'.  It works as\nfollows:\n\n* On input, if newline is None, universal newlines mode is\n  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n  these are translated into '\\n' before being returned to the\n  caller. If it is '', universal newline mode is enabled, but line\n  endings are returned to the caller untranslated. If it has any of\n  the other legal values, input lines are only terminated by the given\n  string, and the line ending is returned to the caller untranslated.\n\n* On output, if newline is None, any '\\n' characters written are\n  translated to the system default line separator, os.linesep. If\n  newline is '' or '\\n', no translation takes place. If newline is any\n  of the other legal values, any '\\n' characters written are translated\n  to the given string.\n\nIf closefd is False, the underlying file descriptor will be kept open\nwhen the file is closed. This does not work when a file name is given\nand must be True in that case.\n\nA custom opener can be used by passing a callable as *opener*. The\nunderlying file descriptor for the file object is then obtained by\ncalling *opener* with (*file*, *flags*). *opener* must return an open\nfile descriptor (passing os.open as *opener* results in functionality\nsimilar to passing None).\n\nopen() returns a file object whose type depends on the mode, and\nthrough which the standard file operations such as reading and writing\nare performed. When open() is used to open a file in a text mode ('w',\n'r', 'wt', 'rt', etc.), it returns a TextIOWrapper. When used to open\na file in a binary mode, the returned class varies: in read binary\nmode, it returns a BufferedReader; in write binary and append binary\nmodes, it returns a BufferedWriter, and in read/write mode, it returns\na BufferedRandom.\n\nIt is also possible to use a string or bytearray as a file for both\nreading and writing. For strings StringIO can be used like a file\nopened in a text mode, and for bytes a BytesIO can be used like a file\nopened in a binary mode."),
    MethodDef::new("ord", Meth::O(bi_ord)).with_doc("ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string."),
    MethodDef::new("pow", Meth::FastKw(bi_pow)).with_doc("pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n\nSome types, such as ints, are able to use a more efficient algorithm when\ninvoked using the three argument form."),
    MethodDef::new("print", Meth::FastKw(bi_print)).with_doc("print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nPrints the values to a stream, or to sys.stdout by default.\n\n  sep\n    string inserted between values, default a space.\n  end\n    string appended after the last value, default a newline.\n  file\n    a file-like object (stream); defaults to the current sys.stdout.\n  flush\n    whether to forcibly flush the stream."),
    MethodDef::new("repr", Meth::O(bi_repr)).with_doc("repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object.\n\nFor many object types, including most builtins, eval(repr(obj)) == obj."),
    MethodDef::new("round", Meth::FastKw(bi_round)).with_doc("round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits.\n\nThe return value is an integer if ndigits is omitted or None.  Otherwise\nthe return value has the same type as the number.  ndigits may be negative."),
    MethodDef::new("setattr", Meth::Fast(bi_setattr)).with_doc("setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on the given object to the specified value.\n\nsetattr(x, 'y', v) is equivalent to ``x.y = v``"),
    MethodDef::new("sorted", Meth::FastKw(bi_sorted)).with_doc("sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list containing all items from the iterable in ascending order.\n\nA custom key function can be supplied to customize the sort order, and the\nreverse flag can be set to request the result in descending order."),
    MethodDef::new("sum", Meth::FastKw(bi_sum)).with_doc("sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers\n\nWhen the iterable is empty, return the start value.\nThis function is intended specifically for use with numeric values and may\nreject non-numeric types."),
    MethodDef::new("vars", Meth::Fast(bi_vars)).with_doc("vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__."),
];

/// The names under which built-in types appear in `builtins`.
const BUILTIN_TYPE_NAMES: &[&str] = &[
    "object",
    "type",
    "int",
    "float",
    "bool",
    "str",
    "tuple",
    "list",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "complex",
    "bytes",
    "bytearray",
    "enumerate",
    "reversed",
    "map",
    "filter",
    "zip",
    "property",
    "classmethod",
    "staticmethod",
    "super",
    "memoryview",
];

/// Creates the `builtins` module and stores it in the interpreter.
pub fn init() -> PyResult<()> {
    let m = PyModule::new("builtins")?;
    // SAFETY: just made a module.
    let md = unsafe { m.payload_unchecked::<PyModule>() };
    md.with_dict(|d| -> PyResult<()> {
        d.set_str(
            "__doc__",
            PyStr::new(
                "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices.",
            )?,
        )?;
        for t in crate::interp::static_types() {
            if BUILTIN_TYPE_NAMES.contains(&t.tp_name) {
                d.set_str(t.tp_name, t.as_pyref())?;
            }
        }
        d.set_str("BaseException", exceptions::BASE_EXCEPTION.as_pyref())?;
        for t in exceptions::ALL_EXCEPTION_TYPES {
            d.set_str(t.tp_name, t.as_pyref())?;
        }
        d.set_str("EnvironmentError", exceptions::OS_ERROR.as_pyref())?;
        d.set_str("IOError", exceptions::OS_ERROR.as_pyref())?;
        d.set_str("None", none())?;
        d.set_str("Ellipsis", crate::objects::none::ellipsis())?;
        d.set_str("NotImplemented", crate::objects::none::not_implemented())?;
        d.set_str("True", py_bool(true))?;
        d.set_str("False", py_bool(false))?;
        d.set_str("__debug__", py_bool(crate::run::optimize_level() == 0))?;
        Ok(())
    })?;
    PyModule::add_functions(&m, BUILTIN_FUNCTIONS)?;
    PyModule::add_functions(&m, crate::run::EXEC_BUILTINS)?;
    let interp = crate::interp::interp();
    // SAFETY: modules is a dict.
    unsafe { interp.modules.payload_unchecked::<PyDict>() }.set_str("builtins", m.clone())?;
    interp.builtins = Some(m);
    Ok(())
}
