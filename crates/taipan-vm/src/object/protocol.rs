//! The generic object operations (CPython's `Objects/object.c` and
//! `Objects/abstract.c`): attribute access, calls, repr/str, hashing, rich
//! comparison, truth, the number protocol's binary and in-place dispatch,
//! iteration, subscription and length. Everything here goes through the type
//! slots; nothing knows a concrete type except for fast paths.

use std::cell::Cell;

use super::*;
use crate::objects::bool_::{py_bool, FALSE, TRUE};
use crate::objects::none::not_implemented;
use crate::objects::str::PyStr;

// ---------------------------------------------------------------------------
// Attributes.

/// `PyObject_GetAttr`.
#[inline]
pub fn getattr(obj: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    getattr_raw(obj, name)
        .map_err(|e| crate::suggestions::set_attribute_error_context(e, obj, name))
}

/// The type's `tp_getattro`, without recording the name and object on an
/// `AttributeError`.
#[inline]
fn getattr_raw(obj: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    match obj.ty().tp_getattro.get() {
        Some(f) => f(obj, name),
        None => crate::objects::object::generic_getattr(obj, name),
    }
}

/// `PyObject_GetAttrString`.
pub fn getattr_str(obj: &PyRef, name: &str) -> PyResult<PyRef> {
    getattr(obj, &crate::objects::str::intern(name))
}

/// `_PyObject_LookupAttr`: the attribute, or `None` if getting it raised
/// `AttributeError`.
pub fn lookup_attr(obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    match getattr_raw(obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&crate::objects::exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `PyObject_SetAttr` (`value` `None` deletes).
pub fn setattr(obj: &PyRef, name: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    match obj.ty().tp_setattro.get() {
        Some(f) => f(obj, name, value),
        None => {
            let what = if value.is_some() {
                "assign to"
            } else {
                "delete"
            };
            let has_getattr = obj.ty().tp_getattro.get().is_some();
            Err(PyErr::type_error(format!(
                "'{}' object has {} attributes ({} .{})",
                obj.ty().tp_name_str(),
                if has_getattr { "only read-only" } else { "no" },
                what,
                str_of(name)
            )))
        }
    }
}

fn str_of(name: &PyRef) -> &str {
    name.downcast::<PyStr>().map(|s| s.as_str()).unwrap_or("?")
}

// ---------------------------------------------------------------------------
// Calls.

/// Vectorcall: `callable(*args[..n], **dict(zip(kwnames, args[n..])))`.
#[inline]
pub fn call(callable: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    match callable.ty().tp_call.get() {
        Some(f) => {
            // A Python function's frame counts its level with no suffix
            // (CPython checks in the evaluation loop); other callables are
            // "calling a Python object" (`_PyObject_MakeTpCall`), except
            // those CPython 3.11's specialized `CALL`s run without a check
            // (fast-call built-in functions and method descriptors, `str(x)`,
            // `type(x)`, `tuple(x)`).
            let ty = callable.ty();
            let where_ = if std::ptr::eq(ty, &crate::objects::function::FUNCTION_TYPE)
                || std::ptr::eq(ty, &crate::objects::method::METHOD_TYPE)
            {
                ""
            } else if fastcall_builtin(callable)
                || (args.len() == 1
                    && kwnames.is_none()
                    && (callable.is_static(&crate::objects::str::STR_TYPE)
                        || callable.is_static(&crate::objects::type_::TYPE_TYPE)
                        || callable.is_static(&crate::objects::tuple::TUPLE_TYPE)))
            {
                return f(callable, args, kwnames);
            } else {
                " while calling a Python object"
            };
            let _guard = crate::eval::recursion::enter_call(where_)?;
            f(callable, args, kwnames)
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            callable.ty().tp_name_str()
        ))),
    }
}

/// A built-in function or method descriptor taking a vector of arguments
/// (`METH_FASTCALL`).
fn fastcall_builtin(callable: &PyRef) -> bool {
    use crate::objects::descr::{PyCFunction, PyMethodDescr};
    let def = if let Some(f) = callable.downcast_exact::<PyCFunction>() {
        f.def
    } else if let Some(m) = callable.downcast_exact::<PyMethodDescr>() {
        m.def
    } else {
        return false;
    };
    matches!(def.meth, Meth::Fast(_) | Meth::FastKw(_))
}

/// Calls with positional arguments only.
#[inline]
pub fn call1(callable: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    call(callable, args, None)
}

/// `obj.name(*args)`.
pub fn call_method(obj: &PyRef, name: &str, args: &[PyRef]) -> PyResult<PyRef> {
    let m = getattr_str(obj, name)?;
    call(&m, args, None)
}

// ---------------------------------------------------------------------------
// repr, str, hash.

/// `PyObject_Repr`.
pub fn repr(obj: &PyRef) -> PyResult<PyRef> {
    let _guard = crate::eval::recursion::enter_call(" while getting the repr of an object")?;
    let r = match obj.ty().tp_repr.get() {
        Some(f) => f(obj)?,
        None => crate::objects::object::object_repr(obj)?,
    };
    if !r.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "__repr__ returned non-string (type {})",
            r.ty().tp_name_str()
        )));
    }
    Ok(r)
}

/// `PyObject_Str`.
pub fn str_(obj: &PyRef) -> PyResult<PyRef> {
    if obj.is_exact::<PyStr>() {
        return Ok(obj.clone());
    }
    let _guard = crate::eval::recursion::enter_call(" while getting the str of an object")?;
    let r = match obj.ty().tp_str.get() {
        Some(f) => f(obj)?,
        None => return repr(obj),
    };
    if !r.is_instance_of::<PyStr>() {
        return Err(PyErr::type_error(format!(
            "__str__ returned non-string (type {})",
            r.ty().tp_name_str()
        )));
    }
    Ok(r)
}

/// `repr(obj)` as Rust text.
pub fn repr_string(obj: &PyRef) -> PyResult<String> {
    let r = repr(obj)?;
    // SAFETY: repr checked that r is a str.
    Ok(unsafe { r.payload_unchecked::<PyStr>() }
        .as_str()
        .to_owned())
}

/// `str(obj)` as Rust text.
pub fn str_string(obj: &PyRef) -> PyResult<String> {
    let r = str_(obj)?;
    // SAFETY: str_ checked that r is a str.
    Ok(unsafe { r.payload_unchecked::<PyStr>() }
        .as_str()
        .to_owned())
}

/// `PyObject_Hash`.
#[inline]
pub fn hash(obj: &PyRef) -> PyResult<isize> {
    if let Some(s) = obj.downcast_exact::<PyStr>() {
        return Ok(s.hash());
    }
    match obj.ty().tp_hash.get() {
        // Containers (tuples, frozensets, instances) hash their contents:
        // nesting is bounded like any native re-entry.
        Some(f) if obj.ty().has_gc() => {
            let _guard = crate::eval::recursion::enter_call(" while hashing an object")?;
            f(obj)
        }
        Some(f) => f(obj),
        None => Err(unhashable(obj)),
    }
}

/// `TypeError: unhashable type: 'list'`.
#[cold]
pub fn unhashable(obj: &PyRef) -> PyErr {
    PyErr::type_error(format!("unhashable type: '{}'", obj.ty().tp_name_str()))
}

// ---------------------------------------------------------------------------
// Comparison and truth.

/// `PyObject_RichCompare` (`do_richcompare`).
pub fn rich_compare(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let _guard = crate::eval::recursion::enter_call(" in comparison")?;
    let vt = v.ty();
    let wt = w.ty();
    let mut checked_reverse = false;
    if !std::ptr::eq(vt, wt) && wt.is_subtype(vt) {
        if let Some(f) = wt.tp_richcompare.get() {
            checked_reverse = true;
            let r = f(w, v, op.swapped())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    if let Some(f) = vt.tp_richcompare.get() {
        let r = f(v, w, op)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = wt.tp_richcompare.get() {
            let r = f(w, v, op.swapped())?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    match op {
        CompareOp::Eq => Ok(py_bool(v.is(w))),
        CompareOp::Ne => Ok(py_bool(!v.is(w))),
        _ => Err(PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            vt.tp_name_str(),
            wt.tp_name_str()
        ))),
    }
}

/// `PyObject_RichCompareBool`: identity implies equality.
#[inline]
pub fn rich_compare_bool(v: &PyRef, w: &PyRef, op: CompareOp) -> PyResult<bool> {
    if v.is(w) {
        if op == CompareOp::Eq {
            return Ok(true);
        }
        if op == CompareOp::Ne {
            return Ok(false);
        }
    }
    let r = rich_compare(v, w, op)?;
    is_true(&r)
}

/// `PyObject_IsTrue`.
#[inline]
pub fn is_true(obj: &PyRef) -> PyResult<bool> {
    if obj.is_static(&TRUE) {
        return Ok(true);
    }
    if obj.is_static(&FALSE) || obj.is_none() {
        return Ok(false);
    }
    let ty = obj.ty();
    if let Some(f) = ty.as_number.nb_bool.get() {
        return f(obj);
    }
    if let Some(f) = ty.as_mapping.mp_length.get() {
        return Ok(f(obj)? != 0);
    }
    if let Some(f) = ty.as_sequence.sq_length.get() {
        return Ok(f(obj)? != 0);
    }
    Ok(true)
}

// ---------------------------------------------------------------------------
// Numbers.

/// Which binary operation: the slot to use and its symbol for messages.
#[derive(Clone, Copy)]
pub struct BinOp {
    pub slot: fn(&NumberSlots) -> &Cell<Option<BinaryFn>>,
    pub inplace: fn(&NumberSlots) -> &Cell<Option<BinaryFn>>,
    pub symbol: &'static str,
}

macro_rules! binops {
    ($($name:ident: $slot:ident, $islot:ident, $sym:literal;)*) => {
        $(
            pub const $name: BinOp = BinOp {
                slot: |n| &n.$slot,
                inplace: |n| &n.$islot,
                symbol: $sym,
            };
        )*
    };
}

binops! {
    ADD: nb_add, nb_inplace_add, "+";
    SUB: nb_subtract, nb_inplace_subtract, "-";
    MUL: nb_multiply, nb_inplace_multiply, "*";
    MATMUL: nb_matrix_multiply, nb_inplace_matrix_multiply, "@";
    TRUEDIV: nb_true_divide, nb_inplace_true_divide, "/";
    FLOORDIV: nb_floor_divide, nb_inplace_floor_divide, "//";
    MOD: nb_remainder, nb_inplace_remainder, "%";
    LSHIFT: nb_lshift, nb_inplace_lshift, "<<";
    RSHIFT: nb_rshift, nb_inplace_rshift, ">>";
    AND: nb_and, nb_inplace_and, "&";
    OR: nb_or, nb_inplace_or, "|";
    XOR: nb_xor, nb_inplace_xor, "^";
    DIVMOD: nb_divmod, nb_divmod, "divmod()";
}

/// `binary_op1`: tries the left operand's slot and the right's (the right
/// first if its type is a proper subclass of the left's); `NotImplemented` if
/// neither handles it.
pub fn binary_op1(v: &PyRef, w: &PyRef, op: BinOp) -> PyResult<PyRef> {
    let vt = v.ty();
    let wt = w.ty();
    let slotv = (op.slot)(&vt.as_number).get();
    let mut slotw = if !std::ptr::eq(vt, wt) {
        (op.slot)(&wt.as_number).get()
    } else {
        None
    };
    if slotw.map(|f| f as *const () as usize) == slotv.map(|f| f as *const () as usize) {
        slotw = None;
    }
    if let Some(fv) = slotv {
        if let Some(fw) = slotw {
            if wt.is_subtype(vt) {
                let r = fw(v, w)?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
                slotw = None;
            }
        }
        let r = fv(v, w)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(fw) = slotw {
        return fw(v, w);
    }
    Ok(not_implemented())
}

#[cold]
fn binop_type_error(v: &PyRef, w: &PyRef, symbol: &str) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        symbol,
        v.ty().tp_name_str(),
        w.ty().tp_name_str()
    ))
}

/// `PyNumber_Add` and friends: the binary operation with sequence fallbacks
/// for `+` (`sq_concat`) and `*` (`sq_repeat`).
pub fn binary_op(v: &PyRef, w: &PyRef, op: BinOp) -> PyResult<PyRef> {
    let r = binary_op1(v, w, op)?;
    if !r.is_not_implemented() {
        return Ok(r);
    }
    if op.symbol == "+" {
        if let Some(f) = v.ty().as_sequence.sq_concat.get() {
            return f(v, w);
        }
    } else if op.symbol == "*" {
        if let Some(f) = v.ty().as_sequence.sq_repeat.get() {
            return sequence_repeat(f, v, w);
        }
        if let Some(f) = w.ty().as_sequence.sq_repeat.get() {
            return sequence_repeat(f, w, v);
        }
    }
    Err(binop_type_error(v, w, op.symbol))
}

fn sequence_repeat(f: SsizeArgFn, seq: &PyRef, n: &PyRef) -> PyResult<PyRef> {
    if n.ty().as_number.nb_index.get().is_none() {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            n.ty().tp_name_str()
        )));
    }
    let count = crate::objects::int::as_ssize_overflow(n)?;
    f(seq, count)
}

/// `PyNumber_InPlaceAdd` and friends.
pub fn inplace_op(v: &PyRef, w: &PyRef, op: BinOp) -> PyResult<PyRef> {
    if let Some(f) = (op.inplace)(&v.ty().as_number).get() {
        let r = f(v, w)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    let r = binary_op1(v, w, op)?;
    if !r.is_not_implemented() {
        return Ok(r);
    }
    if op.symbol == "+" {
        if let Some(f) = v.ty().as_sequence.sq_inplace_concat.get() {
            return f(v, w);
        }
        if let Some(f) = v.ty().as_sequence.sq_concat.get() {
            return f(v, w);
        }
    } else if op.symbol == "*" {
        if let Some(f) = v.ty().as_sequence.sq_inplace_repeat.get() {
            return sequence_repeat(f, v, w);
        }
        if let Some(f) = v.ty().as_sequence.sq_repeat.get() {
            return sequence_repeat(f, v, w);
        }
    }
    let sym = format!("{}=", op.symbol);
    Err(binop_type_error(v, w, &sym))
}

/// `PyNumber_Power` (`z` is `None` for two-argument pow).
pub fn power(v: &PyRef, w: &PyRef, z: &PyRef) -> PyResult<PyRef> {
    let vt = v.ty();
    let wt = w.ty();
    let slotv = vt.as_number.nb_power.get();
    let slotw = if std::ptr::eq(vt, wt) {
        None
    } else {
        wt.as_number.nb_power.get()
    };
    if let Some(fw) = slotw {
        if wt.is_subtype(vt) {
            let r = fw(v, w, z)?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    if let Some(fv) = slotv {
        let r = fv(v, w, z)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if let Some(fw) = slotw {
        let r = fw(v, w, z)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    // ternary_op: the third operand's slot, when it is a different one.
    if !z.is_none() {
        if let Some(fz) = z.ty().as_number.nb_power.get() {
            let same = |f: Option<TernaryFn>| f.is_some_and(|f| f as usize == fz as usize);
            if !same(slotv) && !same(slotw) {
                let r = fz(v, w, z)?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
    }
    if z.is_none() {
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            vt.tp_name_str(),
            wt.tp_name_str()
        )))
    } else {
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            vt.tp_name_str(),
            wt.tp_name_str(),
            z.ty().tp_name_str()
        )))
    }
}

/// Unary `-`, `+`, `~`, `abs()`.
pub fn unary_op(
    v: &PyRef,
    slot: fn(&NumberSlots) -> &Cell<Option<UnaryFn>>,
    what: &str,
) -> PyResult<PyRef> {
    match slot(&v.ty().as_number).get() {
        Some(f) => f(v),
        None => Err(PyErr::type_error(format!(
            "bad operand type for {}: '{}'",
            what,
            v.ty().tp_name_str()
        ))),
    }
}

/// `PyNumber_Index`: an int from an object with `__index__`.
pub fn index(v: &PyRef) -> PyResult<PyRef> {
    if v.is_exact::<crate::objects::int::PyInt>() {
        return Ok(v.clone());
    }
    match v.ty().as_number.nb_index.get() {
        Some(f) => {
            let r = f(v)?;
            if !r.is_instance_of::<crate::objects::int::PyInt>() {
                return Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    r.ty().tp_name_str()
                )));
            }
            Ok(r)
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().tp_name_str()
        ))),
    }
}

// ---------------------------------------------------------------------------
// Iteration, subscription, length.

/// `PyObject_GetIter`.
pub fn get_iter(obj: &PyRef) -> PyResult<PyRef> {
    match obj.ty().tp_iter.get() {
        Some(f) => {
            let it = f(obj)?;
            if it.ty().tp_iternext.get().is_none() {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    it.ty().tp_name_str()
                )));
            }
            Ok(it)
        }
        None => {
            if obj.ty().as_sequence.sq_item.get().is_some() {
                return crate::objects::iter::new_seq_iter(obj.clone());
            }
            Err(PyErr::type_error(format!(
                "'{}' object is not iterable",
                obj.ty().tp_name_str()
            )))
        }
    }
}

/// `PyIter_Next`: `Ok(None)` at the end (a raised `StopIteration` is
/// swallowed).
#[inline]
pub fn next(it: &PyRef) -> PyResult<Option<PyRef>> {
    match it.ty().tp_iternext.get() {
        Some(f) => match f(it) {
            Ok(v) => Ok(v),
            Err(e) if e.matches(&crate::objects::exceptions::STOP_ITERATION) => Ok(None),
            Err(e) => Err(e),
        },
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.ty().tp_name_str()
        ))),
    }
}

/// Collects an iterable into a vector.
pub fn collect(iterable: &PyRef) -> PyResult<Vec<PyRef>> {
    if let Some(t) = iterable.downcast_exact::<crate::objects::tuple::PyTuple>() {
        return Ok(t.items().to_vec());
    }
    if let Some(l) = iterable.downcast_exact::<crate::objects::list::PyList>() {
        return Ok(l.snapshot());
    }
    let it = get_iter(iterable)?;
    let mut out = Vec::new();
    while let Some(v) = next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// `PyObject_GetItem`.
pub fn get_item(obj: &PyRef, key: &PyRef) -> PyResult<PyRef> {
    let ty = obj.ty();
    if let Some(f) = ty.as_mapping.mp_subscript.get() {
        return f(obj, key);
    }
    if let Some(f) = ty.as_sequence.sq_item.get() {
        if key.ty().as_number.nb_index.get().is_some() {
            let i = crate::objects::int::as_ssize_index(key)?;
            let i = if i < 0 {
                match ty.as_sequence.sq_length.get() {
                    Some(len) => i + len(obj)? as isize,
                    None => i,
                }
            } else {
                i
            };
            return f(obj, i);
        }
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ty().tp_name_str()
        )));
    }
    if ty.is_subtype(&crate::objects::type_::TYPE_TYPE) {
        let meth = crate::objects::type_::lookup_str(
            // SAFETY: obj is a type.
            unsafe { &*(obj.as_ptr() as *const PyType) },
            "__class_getitem__",
        );
        if let Some(m) = meth {
            let bound = crate::objects::descr::bind(&m, None, Some(obj))?;
            return call(&bound, std::slice::from_ref(key), None);
        }
        // `type[int]` (abstract.c special-cases `type` itself).
        if std::ptr::eq(
            obj.as_ptr() as *const PyType,
            &crate::objects::type_::TYPE_TYPE,
        ) {
            return crate::objects::list::generic_alias(obj, key);
        }
        return Err(PyErr::type_error(format!(
            "type '{}' is not subscriptable",
            // SAFETY: obj is a type.
            unsafe { &*(obj.as_ptr() as *const PyType) }.tp_name_str()
        )));
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not subscriptable",
        ty.tp_name_str()
    )))
}

/// `PyObject_SetItem` / `PyObject_DelItem` (`value` `None`).
pub fn set_item(obj: &PyRef, key: &PyRef, value: Option<&PyRef>) -> PyResult<()> {
    let ty = obj.ty();
    if let Some(f) = ty.as_mapping.mp_ass_subscript.get() {
        return f(obj, key, value);
    }
    if let Some(f) = ty.as_sequence.sq_ass_item.get() {
        if key.ty().as_number.nb_index.get().is_some() {
            let i = crate::objects::int::as_ssize_index(key)?;
            let i = if i < 0 {
                match ty.as_sequence.sq_length.get() {
                    Some(len) => i + len(obj)? as isize,
                    None => i,
                }
            } else {
                i
            };
            return f(obj, i, value);
        }
        return Err(PyErr::type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ty().tp_name_str()
        )));
    }
    Err(PyErr::type_error(if value.is_some() {
        format!(
            "'{}' object does not support item assignment",
            ty.tp_name_str()
        )
    } else {
        format!(
            "'{}' object does not support item deletion",
            ty.tp_name_str()
        )
    }))
}

/// `PyObject_Size` / `len()`.
pub fn len(obj: &PyRef) -> PyResult<usize> {
    let ty = obj.ty();
    if let Some(f) = ty.as_sequence.sq_length.get() {
        return f(obj);
    }
    if let Some(f) = ty.as_mapping.mp_length.get() {
        return f(obj);
    }
    Err(PyErr::type_error(format!(
        "object of type '{}' has no len()",
        ty.tp_name_str()
    )))
}

/// `PySequence_Contains` (`in`).
pub fn contains(container: &PyRef, item: &PyRef) -> PyResult<bool> {
    if let Some(f) = container.ty().as_sequence.sq_contains.get() {
        return f(container, item);
    }
    let it = match get_iter(container) {
        Ok(it) => it,
        Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => {
            return Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.ty().tp_name_str()
            )))
        }
        Err(e) => return Err(e),
    };
    while let Some(v) = next(&it)? {
        if rich_compare_bool(&v, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------------------
// isinstance / issubclass.

/// `PyObject_IsInstance`: `isinstance(obj, cls)` with `__instancecheck__`
/// (the general case lives in `objects/type_.rs`).
pub fn isinstance(obj: &PyRef, cls: &PyRef) -> PyResult<bool> {
    // Fast paths: the exact type, and a class whose metaclass is `type`.
    if std::ptr::eq(obj.ty() as *const PyType as *const PyObject, cls.as_ptr()) {
        return Ok(true);
    }
    if std::ptr::eq(cls.ty(), &crate::objects::type_::TYPE_TYPE) {
        // SAFETY: cls's type is exactly `type`.
        let t = unsafe { cls.payload_unchecked::<PyType>() };
        if obj.ty().is_subtype(t) {
            return Ok(true);
        }
    }
    crate::objects::type_::heap::object_isinstance(obj, cls)
}

/// `PyObject_IsSubclass`: `issubclass(derived, cls)` with
/// `__subclasscheck__` (`cls` a class, a tuple of them, or anything with
/// `__subclasscheck__`).
pub fn issubclass(derived: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if std::ptr::eq(cls.ty(), &crate::objects::type_::TYPE_TYPE) {
        if let Some(d) = derived.downcast::<PyType>() {
            // SAFETY: cls's type is exactly `type`.
            let t = unsafe { cls.payload_unchecked::<PyType>() };
            return Ok(d.is_subtype(t));
        }
    }
    crate::objects::type_::heap::object_issubclass(derived, cls)
}

/// `PyObject_HashNotImplemented`: the `tp_hash` of unhashable types.
pub fn hash_not_implemented(obj: &PyRef) -> PyResult<isize> {
    Err(unhashable(obj))
}
