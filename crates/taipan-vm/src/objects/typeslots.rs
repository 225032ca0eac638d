//! Slot functions and slot wrappers (CPython's `Objects/typeobject.c`:
//! `slotdefs`, `slot_*` functions, `wrap_*` functions, `update_one_slot`,
//! `fixup_slot_dispatchers`, `add_operators`, `slot_tp_finalize`).
//!
//! Two directions:
//! - a class defined in Python gets its slots filled from its dunder methods
//!   ([`fixup_slot_dispatchers`]; again after `C.__add__ = f` through
//!   `type_::SLOT_UPDATE_HOOK`). When the method found is a slot wrapper of
//!   the same slot (inherited from a built-in), the wrapped Rust function is
//!   used directly.
//! - a static type gets a `wrapper_descriptor` in its dict for every slot it
//!   fills itself (`int.__add__`, `object.__init__`); binding one to an
//!   instance gives a `method-wrapper`.
//!
//! `__del__` runs through `object::HEAP_DEALLOC_HOOK`: once per object (the
//! "finalized" bit is bit 0 of the GC header's `gc_prev`, as in CPython 3.11;
//! every instance of a heap type has a GC header).

use std::cell::Cell;

use crate::intern;
use crate::object::protocol;
use crate::object::*;
use crate::objects::bool_::py_bool;
use crate::objects::descr;
use crate::objects::int::PyInt;
use crate::objects::none::{none, not_implemented};
use crate::objects::str::PyStr;
use crate::objects::type_::{as_type, lookup, TYPE_TYPE};

/// A slot function, whatever its signature.
#[derive(Clone, Copy)]
pub enum SlotFn {
    Unary(UnaryFn),
    Binary(BinaryFn),
    Ternary(TernaryFn),
    Hash(HashFn),
    Rich(RichCmpFn),
    Getattr(GetattroFn),
    Setattr(SetattroFn),
    Call(CallFn),
    Next(IterNextFn),
    DGet(DescrGetFn),
    DSet(DescrSetFn),
    Init(InitFn),
    Inquiry(InquiryFn),
    Len(LenFn),
    SqItem(SsizeArgFn),
    SqAss(SsizeObjArgFn),
    MpAss(ObjObjArgFn),
    Contains(ObjObjFn),
}

impl SlotFn {
    fn addr(self) -> usize {
        match self {
            SlotFn::Unary(f) => f as usize,
            SlotFn::Binary(f) => f as usize,
            SlotFn::Ternary(f) => f as usize,
            SlotFn::Hash(f) => f as usize,
            SlotFn::Rich(f) => f as usize,
            SlotFn::Getattr(f) => f as usize,
            SlotFn::Setattr(f) => f as usize,
            SlotFn::Call(f) => f as usize,
            SlotFn::Next(f) => f as usize,
            SlotFn::DGet(f) => f as usize,
            SlotFn::DSet(f) => f as usize,
            SlotFn::Init(f) => f as usize,
            SlotFn::Inquiry(f) => f as usize,
            SlotFn::Len(f) => f as usize,
            SlotFn::SqItem(f) => f as usize,
            SlotFn::SqAss(f) => f as usize,
            SlotFn::MpAss(f) => f as usize,
            SlotFn::Contains(f) => f as usize,
        }
    }
}

/// How a slot wrapper calls its slot (`wrap_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    Unary,
    BinL,
    BinR,
    TernL,
    TernR,
    Hash,
    Rich(CompareOp),
    Getattr,
    Setattr,
    Delattr,
    Call,
    Next,
    DGet,
    DSet,
    DDel,
    Init,
    Inquiry,
    Len,
    SqItem,
    SqAss,
    SqDel,
    MpAss,
    MpDel,
    Contains,
    /// `wrap_indexargfunc`: one index argument (`sq_repeat`).
    IndexArg,
    /// No wrapper (`__getattr__`, `__del__`).
    None,
}

/// One `slotdefs` entry.
pub struct SlotDef {
    pub name: &'static str,
    /// The slot's field name: entries with the same one fill the same slot.
    pub slot: &'static str,
    pub wrap: Wrap,
    pub get: fn(&PyType) -> Option<SlotFn>,
    pub set: fn(&PyType, Option<SlotFn>),
    /// `None` where CPython's slotdef has no generic function (`sq_concat`, ...).
    pub generic: Option<SlotFn>,
}

macro_rules! acc {
    ($variant:ident, $($f:ident).+) => {
        (
            |t: &PyType| t.$($f).+.get().map(SlotFn::$variant),
            |t: &PyType, f: Option<SlotFn>| {
                t.$($f).+.set(match f {
                    Some(SlotFn::$variant(g)) => Some(g),
                    _ => None,
                })
            },
        )
    };
}

macro_rules! sd {
    ($name:literal, $slotname:literal, $wrap:expr, $variant:ident, $generic:expr, $($f:ident).+) => {{
        let (get, set) = acc!($variant, $($f).+);
        SlotDef {
            name: $name,
            slot: $slotname,
            wrap: $wrap,
            get,
            set,
            generic: Some(SlotFn::$variant($generic)),
        }
    }};
}

// ---------------------------------------------------------------------------
// Calling special methods.

/// `vectorcall_method` on the type: calls `type(obj).name` with `obj`
/// first; `Ok(None)` if the type has no such attribute.
pub fn call_special(obj: &PyRef, name: &PyRef, args: &[PyRef]) -> PyResult<Option<PyRef>> {
    let f = match lookup(obj.ty(), name) {
        Some(f) => f,
        None => return Ok(None),
    };
    call_found(&f, obj, args).map(Some)
}

fn call_found(f: &PyRef, obj: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    call_found_kw(f, obj, args, None)
}

/// Calls the attribute `f` found on `type(obj)` as a method of `obj`:
/// functions and method descriptors get `obj` prepended (no bound method
/// is made), anything else is bound through its `__get__`.
fn call_found_kw(
    f: &PyRef,
    obj: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<PyRef> {
    if f.ty().has_flag(TypeFlags::METHOD_DESCRIPTOR)
        || std::ptr::eq(f.ty(), &crate::objects::function::FUNCTION_TYPE)
    {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(obj.clone());
        v.extend_from_slice(args);
        return protocol::call(f, &v, kwnames);
    }
    let bound = descr::bind(f, Some(obj), Some(&obj.type_ref()))?;
    protocol::call(&bound, args, kwnames)
}

fn call_required(obj: &PyRef, name: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    match call_special(obj, name, args)? {
        Some(r) => Ok(r),
        None => Err(crate::objects::object::no_attribute(obj, name)),
    }
}

fn call_maybe(obj: &PyRef, name: &PyRef, args: &[PyRef]) -> PyResult<PyRef> {
    Ok(call_special(obj, name, args)?.unwrap_or_else(not_implemented))
}

fn slot_is(f: Option<BinaryFn>, g: BinaryFn) -> bool {
    f.map(|f| f as usize == g as usize).unwrap_or(false)
}

/// `method_is_overloaded`: does `right` define `name` differently from `left`?
fn method_is_overloaded(left: &PyType, right: &PyType, name: &PyRef) -> bool {
    match lookup(right, name) {
        None => false,
        Some(b) => match lookup(left, name) {
            None => true,
            Some(a) => !a.is(&b),
        },
    }
}

macro_rules! slot_binary {
    ($fname:ident, $field:ident, $op:literal, $rop:literal) => {
        fn $fname(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
            let op = intern!($op);
            let rop = intern!($rop);
            let (ta, tb) = (a.ty(), b.ty());
            let mut do_other = !std::ptr::eq(ta, tb) && slot_is(tb.as_number.$field.get(), $fname);
            if slot_is(ta.as_number.$field.get(), $fname) {
                if do_other && tb.is_subtype(ta) && method_is_overloaded(ta, tb, rop) {
                    let r = call_maybe(b, rop, std::slice::from_ref(a))?;
                    if !r.is_not_implemented() {
                        return Ok(r);
                    }
                    do_other = false;
                }
                let r = call_maybe(a, op, std::slice::from_ref(b))?;
                if !r.is_not_implemented() || std::ptr::eq(ta, tb) {
                    return Ok(r);
                }
            }
            if do_other {
                return call_maybe(b, rop, std::slice::from_ref(a));
            }
            Ok(not_implemented())
        }
    };
}

slot_binary!(slot_nb_add, nb_add, "__add__", "__radd__");
slot_binary!(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__");
slot_binary!(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__");
slot_binary!(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__");
slot_binary!(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__");
slot_binary!(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__");
slot_binary!(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__");
slot_binary!(slot_nb_and, nb_and, "__and__", "__rand__");
slot_binary!(slot_nb_xor, nb_xor, "__xor__", "__rxor__");
slot_binary!(slot_nb_or, nb_or, "__or__", "__ror__");
slot_binary!(
    slot_nb_floor_divide,
    nb_floor_divide,
    "__floordiv__",
    "__rfloordiv__"
);
slot_binary!(
    slot_nb_true_divide,
    nb_true_divide,
    "__truediv__",
    "__rtruediv__"
);
slot_binary!(
    slot_nb_matrix_multiply,
    nb_matrix_multiply,
    "__matmul__",
    "__rmatmul__"
);

/// `slot_nb_power`: the binary form dispatches like the others; with a
/// modulus only `__pow__` of the left operand is tried.
fn slot_nb_power(a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult<PyRef> {
    if m.is_none() {
        return slot_nb_power_binary(a, b);
    }
    let ta = a.ty();
    if ta.as_number.nb_power.get().map(|f| f as usize) == Some(slot_nb_power as *const () as usize)
    {
        return call_maybe(a, intern!("__pow__"), &[b.clone(), m.clone()]);
    }
    Ok(not_implemented())
}

fn slot_nb_power_binary(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
    let op = intern!("__pow__");
    let rop = intern!("__rpow__");
    let (ta, tb) = (a.ty(), b.ty());
    let is = |t: &PyType| {
        t.as_number.nb_power.get().map(|f| f as usize) == Some(slot_nb_power as *const () as usize)
    };
    let mut do_other = !std::ptr::eq(ta, tb) && is(tb);
    if is(ta) {
        if do_other && tb.is_subtype(ta) && method_is_overloaded(ta, tb, rop) {
            let r = call_maybe(b, rop, std::slice::from_ref(a))?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_maybe(a, op, std::slice::from_ref(b))?;
        if !r.is_not_implemented() || std::ptr::eq(ta, tb) {
            return Ok(r);
        }
    }
    if do_other {
        return call_maybe(b, rop, std::slice::from_ref(a));
    }
    Ok(not_implemented())
}

macro_rules! slot_inplace {
    ($fname:ident, $op:literal) => {
        fn $fname(a: &PyRef, b: &PyRef) -> PyResult<PyRef> {
            call_maybe(a, intern!($op), std::slice::from_ref(b))
        }
    };
}

slot_inplace!(slot_nb_inplace_add, "__iadd__");
slot_inplace!(slot_nb_inplace_subtract, "__isub__");
slot_inplace!(slot_nb_inplace_multiply, "__imul__");
slot_inplace!(slot_nb_inplace_remainder, "__imod__");
slot_inplace!(slot_nb_inplace_lshift, "__ilshift__");
slot_inplace!(slot_nb_inplace_rshift, "__irshift__");
slot_inplace!(slot_nb_inplace_and, "__iand__");
slot_inplace!(slot_nb_inplace_xor, "__ixor__");
slot_inplace!(slot_nb_inplace_or, "__ior__");
slot_inplace!(slot_nb_inplace_floor_divide, "__ifloordiv__");
slot_inplace!(slot_nb_inplace_true_divide, "__itruediv__");
slot_inplace!(slot_nb_inplace_matrix_multiply, "__imatmul__");

fn slot_nb_inplace_power(a: &PyRef, b: &PyRef, _m: &PyRef) -> PyResult<PyRef> {
    call_maybe(a, intern!("__ipow__"), std::slice::from_ref(b))
}

macro_rules! slot_unary {
    ($fname:ident, $op:literal) => {
        fn $fname(a: &PyRef) -> PyResult<PyRef> {
            call_required(a, intern!($op), &[])
        }
    };
}

slot_unary!(slot_nb_negative, "__neg__");
slot_unary!(slot_nb_positive, "__pos__");
slot_unary!(slot_nb_absolute, "__abs__");
slot_unary!(slot_nb_invert, "__invert__");
slot_unary!(slot_nb_int, "__int__");
slot_unary!(slot_nb_float, "__float__");
slot_unary!(slot_nb_index, "__index__");
slot_unary!(slot_tp_repr, "__repr__");
slot_unary!(slot_tp_str, "__str__");

fn slot_nb_bool(a: &PyRef) -> PyResult<bool> {
    if let Some(r) = call_special(a, intern!("__bool__"), &[])? {
        if !std::ptr::eq(r.ty(), &crate::objects::bool_::BOOL_TYPE) {
            return Err(PyErr::type_error(format!(
                "__bool__ should return bool, returned {}",
                r.ty().name()
            )));
        }
        return protocol::is_true(&r);
    }
    match call_special(a, intern!("__len__"), &[])? {
        Some(r) => Ok(len_result(&r)? != 0),
        None => Ok(true),
    }
}

fn len_result(r: &PyRef) -> PyResult<usize> {
    let i = protocol::index(r)?;
    let v = crate::objects::int::as_i64(&i).map_err(|_| {
        PyErr::new(
            &crate::objects::exceptions::OVERFLOW_ERROR,
            "cannot fit 'int' into an index-sized integer",
        )
    })?;
    if v < 0 {
        return Err(PyErr::new(
            &crate::objects::exceptions::VALUE_ERROR,
            "__len__() should return >= 0",
        ));
    }
    Ok(v as usize)
}

fn slot_sq_length(a: &PyRef) -> PyResult<usize> {
    let r = call_required(a, intern!("__len__"), &[])?;
    len_result(&r)
}

fn slot_tp_hash(a: &PyRef) -> PyResult<isize> {
    let f = match lookup(a.ty(), intern!("__hash__")) {
        Some(f) if !f.is_none() => f,
        _ => return Err(protocol::unhashable(a)),
    };
    let r = call_found(&f, a, &[])?;
    if !r.is_instance_of::<PyInt>() {
        return Err(PyErr::type_error(
            "__hash__ method should return an integer",
        ));
    }
    // An int that fits is the hash itself (-1 becomes -2); a larger one is
    // hashed (`slot_tp_hash`).
    match r.downcast::<PyInt>().and_then(|i| i.as_i64()) {
        Some(-1) => Ok(-2),
        Some(h) => Ok(h as isize),
        None => protocol::hash(&r),
    }
}

fn slot_tp_richcompare(a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<PyRef> {
    let name = match op {
        CompareOp::Lt => intern!("__lt__"),
        CompareOp::Le => intern!("__le__"),
        CompareOp::Eq => intern!("__eq__"),
        CompareOp::Ne => intern!("__ne__"),
        CompareOp::Gt => intern!("__gt__"),
        CompareOp::Ge => intern!("__ge__"),
    };
    call_maybe(a, name, std::slice::from_ref(b))
}

fn slot_tp_call(a: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let f = lookup(a.ty(), intern!("__call__"))
        .ok_or_else(|| PyErr::type_error(format!("'{}' object is not callable", a.ty().name())))?;
    call_found_kw(&f, a, args, kwnames)
}

fn slot_tp_iter(a: &PyRef) -> PyResult<PyRef> {
    match lookup(a.ty(), intern!("__iter__")) {
        Some(f) if f.is_none() => {}
        Some(f) => return call_found(&f, a, &[]),
        None => {
            if lookup(a.ty(), intern!("__getitem__")).is_some() {
                return crate::objects::iter::new_seq_iter(a.clone());
            }
        }
    }
    Err(PyErr::type_error(format!(
        "'{}' object is not iterable",
        a.ty().name()
    )))
}

fn slot_tp_iternext(a: &PyRef) -> PyResult<Option<PyRef>> {
    match call_required(a, intern!("__next__"), &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&crate::objects::exceptions::STOP_ITERATION) => Err(e),
        Err(e) => Err(e),
    }
}

fn slot_mp_subscript(a: &PyRef, k: &PyRef) -> PyResult<PyRef> {
    call_required(a, intern!("__getitem__"), std::slice::from_ref(k))
}

fn slot_sq_item(a: &PyRef, i: isize) -> PyResult<PyRef> {
    call_required(a, intern!("__getitem__"), &[PyInt::new(i as i64)?])
}

fn slot_mp_ass_subscript(a: &PyRef, k: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    match v {
        Some(v) => call_required(a, intern!("__setitem__"), &[k.clone(), v.clone()])?,
        None => call_required(a, intern!("__delitem__"), std::slice::from_ref(k))?,
    };
    Ok(())
}

fn slot_sq_ass_item(a: &PyRef, i: isize, v: Option<&PyRef>) -> PyResult<()> {
    slot_mp_ass_subscript(a, &PyInt::new(i as i64)?, v)
}

fn slot_sq_contains(a: &PyRef, k: &PyRef) -> PyResult<bool> {
    match lookup(a.ty(), intern!("__contains__")) {
        Some(f) if f.is_none() => Err(PyErr::type_error(format!(
            "'{}' object is not a container",
            a.ty().name()
        ))),
        Some(f) => protocol::is_true(&call_found(&f, a, std::slice::from_ref(k))?),
        None => {
            let it = protocol::get_iter(a)?;
            while let Some(x) = protocol::next(&it)? {
                if protocol::rich_compare_bool(&x, k, CompareOp::Eq)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `slot_tp_getattr_hook`: `__getattribute__`, then `__getattr__` on
/// `AttributeError`.
fn slot_tp_getattr_hook(a: &PyRef, name: &PyRef) -> PyResult<PyRef> {
    let ty = a.ty();
    let getattr = lookup(ty, intern!("__getattr__"));
    let getattribute = lookup(ty, intern!("__getattribute__"));
    let r = match &getattribute {
        Some(g)
            if !is_wrapper_of(
                g,
                crate::objects::object::generic_getattr as *const () as usize,
            ) =>
        {
            call_found(g, a, std::slice::from_ref(name))
        }
        _ => crate::objects::object::generic_getattr(a, name),
    };
    match (r, getattr) {
        (Err(e), Some(ga)) if e.matches(&crate::objects::exceptions::ATTRIBUTE_ERROR) => {
            call_found(&ga, a, std::slice::from_ref(name))
        }
        (r, _) => r,
    }
}

fn is_wrapper_of(d: &PyRef, f: usize) -> bool {
    d.downcast_exact::<PyWrapperDescr>()
        .map(|w| w.func.addr() == f)
        .unwrap_or(false)
}

fn slot_tp_setattro(a: &PyRef, name: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    match v {
        Some(v) => call_required(a, intern!("__setattr__"), &[name.clone(), v.clone()])?,
        None => call_required(a, intern!("__delattr__"), std::slice::from_ref(name))?,
    };
    Ok(())
}

fn slot_tp_descr_get(d: &PyRef, obj: Option<&PyRef>, ty: Option<&PyRef>) -> PyResult<PyRef> {
    let f = match lookup(d.ty(), intern!("__get__")) {
        Some(f) => f,
        None => return Ok(d.clone()),
    };
    let o = obj.cloned().unwrap_or_else(none);
    let t = ty.cloned().unwrap_or_else(none);
    call_found(&f, d, &[o, t])
}

fn slot_tp_descr_set(d: &PyRef, obj: &PyRef, v: Option<&PyRef>) -> PyResult<()> {
    match v {
        Some(v) => call_required(d, intern!("__set__"), &[obj.clone(), v.clone()])?,
        None => call_required(d, intern!("__delete__"), std::slice::from_ref(obj))?,
    };
    Ok(())
}

fn slot_tp_init(a: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<()> {
    let f = lookup(a.ty(), intern!("__init__"))
        .ok_or_else(|| crate::objects::object::no_attribute(a, intern!("__init__")))?;
    let r = call_found_kw(&f, a, args, kwnames)?;
    if !r.is_none() {
        return Err(PyErr::type_error(format!(
            "__init__() should return None, not '{}'",
            r.ty().name()
        )));
    }
    Ok(())
}

/// Whether `f` is the `tp_init` a class gets from a Python `__init__` (the
/// evaluation loop then runs that `__init__` in its own frame).
pub fn is_slot_tp_init(f: crate::object::typeobj::InitFn) -> bool {
    f as usize == slot_tp_init as *const () as usize
}

/// `slot_tp_new`: `type.__new__(type, *args)` through the attribute.
fn slot_tp_new(ty: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let f = protocol::getattr(ty, intern!("__new__"))?;
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(ty.clone());
    v.extend_from_slice(args);
    protocol::call(&f, &v, kwnames)
}

// ---------------------------------------------------------------------------
// The table.

fn slotdefs() -> &'static [SlotDef] {
    static DEFS: std::sync::OnceLock<Vec<SlotDef>> = std::sync::OnceLock::new();
    DEFS.get_or_init(build_slotdefs)
}

fn build_slotdefs() -> Vec<SlotDef> {
    use Wrap as W;
    let mut v = vec![
        sd!(
            "__getattribute__",
            "tp_getattro",
            W::Getattr,
            Getattr,
            slot_tp_getattr_hook,
            tp_getattro
        ),
        sd!(
            "__getattr__",
            "tp_getattro",
            W::None,
            Getattr,
            slot_tp_getattr_hook,
            tp_getattro
        ),
        sd!(
            "__setattr__",
            "tp_setattro",
            W::Setattr,
            Setattr,
            slot_tp_setattro,
            tp_setattro
        ),
        sd!(
            "__delattr__",
            "tp_setattro",
            W::Delattr,
            Setattr,
            slot_tp_setattro,
            tp_setattro
        ),
        sd!(
            "__repr__",
            "tp_repr",
            W::Unary,
            Unary,
            slot_tp_repr,
            tp_repr
        ),
        sd!("__hash__", "tp_hash", W::Hash, Hash, slot_tp_hash, tp_hash),
        sd!("__call__", "tp_call", W::Call, Call, slot_tp_call, tp_call),
        sd!("__str__", "tp_str", W::Unary, Unary, slot_tp_str, tp_str),
    ];
    for op in [
        CompareOp::Lt,
        CompareOp::Le,
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Gt,
        CompareOp::Ge,
    ] {
        let (get, set) = acc!(Rich, tp_richcompare);
        v.push(SlotDef {
            name: op.dunder(),
            slot: "tp_richcompare",
            wrap: W::Rich(op),
            get,
            set,
            generic: Some(SlotFn::Rich(slot_tp_richcompare)),
        });
    }
    v.extend([
        sd!(
            "__iter__",
            "tp_iter",
            W::Unary,
            Unary,
            slot_tp_iter,
            tp_iter
        ),
        sd!(
            "__next__",
            "tp_iternext",
            W::Next,
            Next,
            slot_tp_iternext,
            tp_iternext
        ),
        sd!(
            "__get__",
            "tp_descr_get",
            W::DGet,
            DGet,
            slot_tp_descr_get,
            tp_descr_get
        ),
        sd!(
            "__set__",
            "tp_descr_set",
            W::DSet,
            DSet,
            slot_tp_descr_set,
            tp_descr_set
        ),
        sd!(
            "__delete__",
            "tp_descr_set",
            W::DDel,
            DSet,
            slot_tp_descr_set,
            tp_descr_set
        ),
        sd!("__init__", "tp_init", W::Init, Init, slot_tp_init, tp_init),
    ]);
    macro_rules! bin {
        ($l:literal, $r:literal, $slot:literal, $f:ident, $g:ident) => {
            v.push(sd!($l, $slot, W::BinL, Binary, $g, as_number.$f));
            v.push(sd!($r, $slot, W::BinR, Binary, $g, as_number.$f));
        };
    }
    bin!("__add__", "__radd__", "nb_add", nb_add, slot_nb_add);
    bin!(
        "__sub__",
        "__rsub__",
        "nb_subtract",
        nb_subtract,
        slot_nb_subtract
    );
    bin!(
        "__mul__",
        "__rmul__",
        "nb_multiply",
        nb_multiply,
        slot_nb_multiply
    );
    bin!(
        "__mod__",
        "__rmod__",
        "nb_remainder",
        nb_remainder,
        slot_nb_remainder
    );
    bin!(
        "__divmod__",
        "__rdivmod__",
        "nb_divmod",
        nb_divmod,
        slot_nb_divmod
    );
    v.push(sd!(
        "__pow__",
        "nb_power",
        W::TernL,
        Ternary,
        slot_nb_power,
        as_number.nb_power
    ));
    v.push(sd!(
        "__rpow__",
        "nb_power",
        W::TernR,
        Ternary,
        slot_nb_power,
        as_number.nb_power
    ));
    v.extend([
        sd!(
            "__neg__",
            "nb_negative",
            W::Unary,
            Unary,
            slot_nb_negative,
            as_number.nb_negative
        ),
        sd!(
            "__pos__",
            "nb_positive",
            W::Unary,
            Unary,
            slot_nb_positive,
            as_number.nb_positive
        ),
        sd!(
            "__abs__",
            "nb_absolute",
            W::Unary,
            Unary,
            slot_nb_absolute,
            as_number.nb_absolute
        ),
        sd!(
            "__bool__",
            "nb_bool",
            W::Inquiry,
            Inquiry,
            slot_nb_bool,
            as_number.nb_bool
        ),
        sd!(
            "__invert__",
            "nb_invert",
            W::Unary,
            Unary,
            slot_nb_invert,
            as_number.nb_invert
        ),
    ]);
    bin!(
        "__lshift__",
        "__rlshift__",
        "nb_lshift",
        nb_lshift,
        slot_nb_lshift
    );
    bin!(
        "__rshift__",
        "__rrshift__",
        "nb_rshift",
        nb_rshift,
        slot_nb_rshift
    );
    bin!("__and__", "__rand__", "nb_and", nb_and, slot_nb_and);
    bin!("__xor__", "__rxor__", "nb_xor", nb_xor, slot_nb_xor);
    bin!("__or__", "__ror__", "nb_or", nb_or, slot_nb_or);
    v.extend([
        sd!(
            "__int__",
            "nb_int",
            W::Unary,
            Unary,
            slot_nb_int,
            as_number.nb_int
        ),
        sd!(
            "__float__",
            "nb_float",
            W::Unary,
            Unary,
            slot_nb_float,
            as_number.nb_float
        ),
    ]);
    macro_rules! inpl {
        ($n:literal, $slot:literal, $f:ident, $g:ident) => {
            v.push(sd!($n, $slot, W::BinL, Binary, $g, as_number.$f));
        };
    }
    inpl!(
        "__iadd__",
        "nb_inplace_add",
        nb_inplace_add,
        slot_nb_inplace_add
    );
    inpl!(
        "__isub__",
        "nb_inplace_subtract",
        nb_inplace_subtract,
        slot_nb_inplace_subtract
    );
    inpl!(
        "__imul__",
        "nb_inplace_multiply",
        nb_inplace_multiply,
        slot_nb_inplace_multiply
    );
    inpl!(
        "__imod__",
        "nb_inplace_remainder",
        nb_inplace_remainder,
        slot_nb_inplace_remainder
    );
    v.push(sd!(
        "__ipow__",
        "nb_inplace_power",
        W::TernL,
        Ternary,
        slot_nb_inplace_power,
        as_number.nb_inplace_power
    ));
    inpl!(
        "__ilshift__",
        "nb_inplace_lshift",
        nb_inplace_lshift,
        slot_nb_inplace_lshift
    );
    inpl!(
        "__irshift__",
        "nb_inplace_rshift",
        nb_inplace_rshift,
        slot_nb_inplace_rshift
    );
    inpl!(
        "__iand__",
        "nb_inplace_and",
        nb_inplace_and,
        slot_nb_inplace_and
    );
    inpl!(
        "__ixor__",
        "nb_inplace_xor",
        nb_inplace_xor,
        slot_nb_inplace_xor
    );
    inpl!(
        "__ior__",
        "nb_inplace_or",
        nb_inplace_or,
        slot_nb_inplace_or
    );
    bin!(
        "__floordiv__",
        "__rfloordiv__",
        "nb_floor_divide",
        nb_floor_divide,
        slot_nb_floor_divide
    );
    bin!(
        "__truediv__",
        "__rtruediv__",
        "nb_true_divide",
        nb_true_divide,
        slot_nb_true_divide
    );
    inpl!(
        "__ifloordiv__",
        "nb_inplace_floor_divide",
        nb_inplace_floor_divide,
        slot_nb_inplace_floor_divide
    );
    inpl!(
        "__itruediv__",
        "nb_inplace_true_divide",
        nb_inplace_true_divide,
        slot_nb_inplace_true_divide
    );
    v.push(sd!(
        "__index__",
        "nb_index",
        W::Unary,
        Unary,
        slot_nb_index,
        as_number.nb_index
    ));
    bin!(
        "__matmul__",
        "__rmatmul__",
        "nb_matrix_multiply",
        nb_matrix_multiply,
        slot_nb_matrix_multiply
    );
    inpl!(
        "__imatmul__",
        "nb_inplace_matrix_multiply",
        nb_inplace_matrix_multiply,
        slot_nb_inplace_matrix_multiply
    );
    v.extend([
        sd!(
            "__len__",
            "mp_length",
            W::Len,
            Len,
            slot_sq_length,
            as_mapping.mp_length
        ),
        sd!(
            "__getitem__",
            "mp_subscript",
            W::BinL,
            Binary,
            slot_mp_subscript,
            as_mapping.mp_subscript
        ),
        sd!(
            "__setitem__",
            "mp_ass_subscript",
            W::MpAss,
            MpAss,
            slot_mp_ass_subscript,
            as_mapping.mp_ass_subscript
        ),
        sd!(
            "__delitem__",
            "mp_ass_subscript",
            W::MpDel,
            MpAss,
            slot_mp_ass_subscript,
            as_mapping.mp_ass_subscript
        ),
        sd!(
            "__len__",
            "sq_length",
            W::Len,
            Len,
            slot_sq_length,
            as_sequence.sq_length
        ),
        sd!(
            "__getitem__",
            "sq_item",
            W::SqItem,
            SqItem,
            slot_sq_item,
            as_sequence.sq_item
        ),
        sd!(
            "__setitem__",
            "sq_ass_item",
            W::SqAss,
            SqAss,
            slot_sq_ass_item,
            as_sequence.sq_ass_item
        ),
        sd!(
            "__delitem__",
            "sq_ass_item",
            W::SqDel,
            SqAss,
            slot_sq_ass_item,
            as_sequence.sq_ass_item
        ),
        sd!(
            "__contains__",
            "sq_contains",
            W::Contains,
            Contains,
            slot_sq_contains,
            as_sequence.sq_contains
        ),
    ]);
    // The sequence operators CPython's slotdefs list with no generic function:
    // a class defining `__add__` fills `nb_add`, never these.
    macro_rules! sq_nogeneric {
        ($name:literal, $slotname:literal, $wrap:expr, $variant:ident, $($f:ident).+) => {{
            let (get, set) = acc!($variant, $($f).+);
            SlotDef {
                name: $name,
                slot: $slotname,
                wrap: $wrap,
                get,
                set,
                generic: None,
            }
        }};
    }
    v.extend([
        sq_nogeneric!(
            "__add__",
            "sq_concat",
            W::BinL,
            Binary,
            as_sequence.sq_concat
        ),
        sq_nogeneric!(
            "__mul__",
            "sq_repeat",
            W::IndexArg,
            SqItem,
            as_sequence.sq_repeat
        ),
        sq_nogeneric!(
            "__rmul__",
            "sq_repeat",
            W::IndexArg,
            SqItem,
            as_sequence.sq_repeat
        ),
        sq_nogeneric!(
            "__iadd__",
            "sq_inplace_concat",
            W::BinL,
            Binary,
            as_sequence.sq_inplace_concat
        ),
        sq_nogeneric!(
            "__imul__",
            "sq_inplace_repeat",
            W::IndexArg,
            SqItem,
            as_sequence.sq_inplace_repeat
        ),
    ]);
    v
}

// ---------------------------------------------------------------------------
// Filling a class's slots from its methods.

/// `update_one_slot` for the slot named `slot`.
fn update_one_slot(ty: &PyType, slot: &str) {
    let defs = slotdefs();
    let mut specific: Option<SlotFn> = None;
    let mut use_generic = false;
    let mut found = false;
    let mut setter = None;
    let mut generic = None;
    for d in defs.iter().filter(|d| d.slot == slot) {
        setter = Some(d.set);
        generic = d.generic;
        let Some(attr) = lookup(ty, &crate::objects::str::intern(d.name)) else {
            continue;
        };
        found = true;
        if d.name == "__hash__" && attr.is_none() {
            specific = Some(SlotFn::Hash(protocol::hash_not_implemented));
            continue;
        }
        match attr.downcast_exact::<PyWrapperDescr>() {
            Some(w) if w.slot == d.slot && w.wrap == d.wrap => match specific {
                None => specific = Some(w.func),
                Some(s) if s.addr() == w.func.addr() => {}
                Some(_) => use_generic = true,
            },
            _ => use_generic = true,
        }
    }
    let Some(set) = setter else { return };
    let v = if !found {
        None
    } else if use_generic || specific.is_none() {
        generic
    } else {
        specific
    };
    set(ty, v);
}

fn update_new(ty: &PyType) {
    let Some(attr) = lookup(ty, intern!("__new__")) else {
        return;
    };
    if let Some(c) = attr.downcast_exact::<descr::PyCFunction>() {
        if std::ptr::eq(c.def, &TP_NEW_DEF) && c.self_.as_ref().and_then(as_type).is_some() {
            // CPython's special case keeps the type's own (inherited)
            // `tp_new`, not the wrapper's type's: `class C: __new__ =
            // list.__new__` makes plain objects, never a list payload in an
            // object-sized block.
            ty.tp_new.set(ty.static_base().tp_new.get());
            return;
        }
    }
    ty.tp_new.set(Some(slot_tp_new));
}

/// `fixup_slot_dispatchers`: fills a new class's slots from its MRO.
pub fn fixup_slot_dispatchers(ty: &PyType) -> PyResult<()> {
    let mut done: Vec<&str> = Vec::new();
    for d in slotdefs() {
        if !done.contains(&d.slot) {
            done.push(d.slot);
            update_one_slot(ty, d.slot);
        }
    }
    update_new(ty);
    Ok(())
}

/// `update_slot`: `name` was set or deleted on `ty`: refresh the slots it
/// feeds in `ty` and its subclasses.
fn update_slot_hook(ty: &PyType, name: &PyRef) -> PyResult<()> {
    let Some(n) = name.downcast::<PyStr>() else {
        return Ok(());
    };
    let n = n.as_str();
    if !(n.starts_with("__") && n.ends_with("__")) {
        return Ok(());
    }
    let slots: Vec<&'static str> = slotdefs()
        .iter()
        .filter(|d| d.name == n)
        .map(|d| d.slot)
        .collect();
    let is_new = n == "__new__";
    if slots.is_empty() && !is_new {
        return Ok(());
    }
    let mut stack = vec![ty.as_pyref()];
    let mut seen = 0usize;
    while let Some(t) = stack.pop() {
        seen += 1;
        if seen > 100_000 {
            break;
        }
        let Some(tt) = as_type(&t) else { continue };
        if !tt.is_heap_type() {
            continue;
        }
        for s in &slots {
            update_one_slot(tt, s);
        }
        if is_new {
            update_new(tt);
        }
        stack.extend(crate::objects::type_::heap::subclasses_of(tt));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// `__del__`.

/// Runs `__del__` once on a dying instance of a heap type; false if it
/// resurrected the object.
unsafe fn heap_dealloc_hook(obj: *mut PyObject) -> bool {
    let name = intern!("__del__");
    // SAFETY: obj is a dead instance of a heap type (GC header before it).
    unsafe {
        let ty = &*(*obj).ob_type.get();
        let Some(del) = lookup(ty, name) else {
            return true;
        };
        if !ty.has_gc() {
            return true;
        }
        let gc = &*((obj as *mut u8).sub(GC_HEAD_SIZE) as *const GcHead);
        if gc.gc_prev.get() & 1 != 0 {
            return true;
        }
        // Resurrect for the call; FINALIZED is set after it
        // (`PyObject_CallFinalizer`).
        (*obj).ob_refcnt.set(1);
        let r = PyRef::from_raw(obj);
        if let Err(e) = call_found(&del, &r, &[]) {
            write_unraisable(&del, e);
        }
        gc.gc_prev.set(gc.gc_prev.get() | 1);
        drop(del);
        let rc = r.refcnt();
        std::mem::forget(r);
        if rc > 1 {
            (*obj).ob_refcnt.set(rc - 1);
            return false;
        }
        (*obj).ob_refcnt.set(0);
        true
    }
}

/// Calls the finalizer `del` (`__del__`, found on the type) of `obj` for the
/// collector (`PyObject_CallFinalizer`): an exception is reported as
/// unraisable.
pub(crate) fn call_finalizer(del: &PyRef, obj: &PyRef) {
    if let Err(e) = call_found(del, obj, &[]) {
        write_unraisable(del, e);
    }
}

/// `PyErr_WriteUnraisable` for an exception raised by `__del__`:
/// "Exception ignored in: <function D.__del__ at ...>" and the traceback.
pub(crate) fn write_unraisable(obj: &PyRef, e: PyErr) {
    crate::modules::sys::write_unraisable(Some(obj), e, None);
}

// ---------------------------------------------------------------------------
// Slot wrappers for static types.

/// `wrapper_descriptor`: a slot of a static type, as a method.
#[repr(C)]
pub struct PyWrapperDescr {
    pub ob_base: PyObject,
    pub name: &'static str,
    pub slot: &'static str,
    pub wrap: Wrap,
    pub func: SlotFn,
    pub objclass: *const PyType,
}

/// `method-wrapper`: a slot wrapper bound to an object.
#[repr(C)]
pub struct PyMethodWrapper {
    pub ob_base: PyObject,
    pub descr: PyRef,
    pub self_: PyRef,
}

/// The internal doc of a slot wrapper (`name(sig)\n--\n\ndoc`), as
/// CPython's `slotdefs` table gives it.
fn slot_doc(name: &str) -> &'static str {
    match name {
        "__abs__" => "__abs__($self, /)\n--\n\nabs(self)",
        "__add__" => "__add__($self, value, /)\n--\n\nReturn self+value.",
        "__and__" => "__and__($self, value, /)\n--\n\nReturn self&value.",
        "__bool__" => "__bool__($self, /)\n--\n\nTrue if self else False",
        "__call__" => "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function.",
        "__contains__" => "__contains__($self, key, /)\n--\n\nReturn key in self.",
        "__delattr__" => "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name).",
        "__delete__" => "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance.",
        "__delitem__" => "__delitem__($self, key, /)\n--\n\nDelete self[key].",
        "__divmod__" => "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value).",
        "__eq__" => "__eq__($self, value, /)\n--\n\nReturn self==value.",
        "__float__" => "__float__($self, /)\n--\n\nfloat(self)",
        "__floordiv__" => "__floordiv__($self, value, /)\n--\n\nReturn self//value.",
        "__ge__" => "__ge__($self, value, /)\n--\n\nReturn self>=value.",
        "__get__" => "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner.",
        "__getattribute__" => "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name).",
        "__getitem__" => "__getitem__($self, key, /)\n--\n\nReturn self[key].",
        "__gt__" => "__gt__($self, value, /)\n--\n\nReturn self>value.",
        "__hash__" => "__hash__($self, /)\n--\n\nReturn hash(self).",
        "__iadd__" => "__iadd__($self, value, /)\n--\n\nImplement self+=value.",
        "__iand__" => "__iand__($self, value, /)\n--\n\nReturn self&=value.",
        "__imul__" => "__imul__($self, value, /)\n--\n\nImplement self*=value.",
        "__index__" => "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list.",
        "__init__" => "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature.",
        "__int__" => "__int__($self, /)\n--\n\nint(self)",
        "__invert__" => "__invert__($self, /)\n--\n\n~self",
        "__ior__" => "__ior__($self, value, /)\n--\n\nReturn self|=value.",
        "__isub__" => "__isub__($self, value, /)\n--\n\nReturn self-=value.",
        "__iter__" => "__iter__($self, /)\n--\n\nImplement iter(self).",
        "__ixor__" => "__ixor__($self, value, /)\n--\n\nReturn self^=value.",
        "__le__" => "__le__($self, value, /)\n--\n\nReturn self<=value.",
        "__len__" => "__len__($self, /)\n--\n\nReturn len(self).",
        "__lshift__" => "__lshift__($self, value, /)\n--\n\nReturn self<<value.",
        "__lt__" => "__lt__($self, value, /)\n--\n\nReturn self<value.",
        "__mod__" => "__mod__($self, value, /)\n--\n\nReturn self%value.",
        "__mul__" => "__mul__($self, value, /)\n--\n\nReturn self*value.",
        "__ne__" => "__ne__($self, value, /)\n--\n\nReturn self!=value.",
        "__neg__" => "__neg__($self, /)\n--\n\n-self",
        "__next__" => "__next__($self, /)\n--\n\nImplement next(self).",
        "__or__" => "__or__($self, value, /)\n--\n\nReturn self|value.",
        "__pos__" => "__pos__($self, /)\n--\n\n+self",
        "__pow__" => "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod).",
        "__radd__" => "__radd__($self, value, /)\n--\n\nReturn value+self.",
        "__rand__" => "__rand__($self, value, /)\n--\n\nReturn value&self.",
        "__rdivmod__" => "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self).",
        "__repr__" => "__repr__($self, /)\n--\n\nReturn repr(self).",
        "__rfloordiv__" => "__rfloordiv__($self, value, /)\n--\n\nReturn value//self.",
        "__rlshift__" => "__rlshift__($self, value, /)\n--\n\nReturn value<<self.",
        "__rmod__" => "__rmod__($self, value, /)\n--\n\nReturn value%self.",
        "__rmul__" => "__rmul__($self, value, /)\n--\n\nReturn value*self.",
        "__ror__" => "__ror__($self, value, /)\n--\n\nReturn value|self.",
        "__rpow__" => "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod).",
        "__rrshift__" => "__rrshift__($self, value, /)\n--\n\nReturn value>>self.",
        "__rshift__" => "__rshift__($self, value, /)\n--\n\nReturn self>>value.",
        "__rsub__" => "__rsub__($self, value, /)\n--\n\nReturn value-self.",
        "__rtruediv__" => "__rtruediv__($self, value, /)\n--\n\nReturn value/self.",
        "__rxor__" => "__rxor__($self, value, /)\n--\n\nReturn value^self.",
        "__set__" => "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value.",
        "__setattr__" => "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value).",
        "__setitem__" => "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value.",
        "__str__" => "__str__($self, /)\n--\n\nReturn str(self).",
        "__sub__" => "__sub__($self, value, /)\n--\n\nReturn self-value.",
        "__truediv__" => "__truediv__($self, value, /)\n--\n\nReturn self/value.",
        "__xor__" => "__xor__($self, value, /)\n--\n\nReturn self^value.",
        _ => "",
    }
}

/// `__doc__` of a slot wrapper named `name`.
fn slot_doc_get(name: &'static str) -> PyResult<PyRef> {
    let doc = crate::objects::descr::split_signature(name, slot_doc(name)).1;
    if doc.is_empty() {
        Ok(crate::objects::none::none())
    } else {
        PyStr::new(doc)
    }
}

/// `__text_signature__` of a slot wrapper named `name`.
fn slot_signature_get(name: &'static str) -> PyResult<PyRef> {
    match crate::objects::descr::split_signature(name, slot_doc(name)).0 {
        Some(s) => PyStr::new(s),
        None => Ok(crate::objects::none::none()),
    }
}

pub static WRAPPER_DESCR_TYPE: PyType = PyType {
    tp_name: "wrapper_descriptor",
    tp_basicsize: Cell::new(std::mem::size_of::<PyWrapperDescr>()),
    tp_flags: Cell::new(TypeFlags::METHOD_DESCRIPTOR),
    tp_descr_get: Cell::new(Some(wrapper_descr_get)),
    tp_call: Cell::new(Some(wrapper_descr_call)),
    tp_repr: Cell::new(Some(wrapper_descr_repr)),
    tp_getset: &[
        GetSetDef::getter("__name__", |o| {
            // SAFETY: a wrapper descriptor.
            PyStr::new(unsafe { o.payload_unchecked::<PyWrapperDescr>() }.name)
        }),
        GetSetDef::getter("__objclass__", |o| {
            // SAFETY: a wrapper descriptor of a static type.
            Ok(unsafe { (*o.payload_unchecked::<PyWrapperDescr>().objclass).as_pyref() })
        }),
        GetSetDef::getter("__qualname__", |o| {
            // SAFETY: a wrapper descriptor of a static type.
            let d = unsafe { o.payload_unchecked::<PyWrapperDescr>() };
            PyStr::new(&format!("{}.{}", objclass(d).name(), d.name))
        }),
        GetSetDef::getter("__doc__", |o| {
            // SAFETY: a wrapper descriptor.
            slot_doc_get(unsafe { o.payload_unchecked::<PyWrapperDescr>() }.name)
        }),
        GetSetDef::getter("__text_signature__", |o| {
            // SAFETY: a wrapper descriptor.
            slot_signature_get(unsafe { o.payload_unchecked::<PyWrapperDescr>() }.name)
        }),
    ],
    ..PyType::BASE
};

pub static METHOD_WRAPPER_TYPE: PyType = PyType {
    tp_name: "method-wrapper",
    tp_basicsize: Cell::new(std::mem::size_of::<PyMethodWrapper>()),
    tp_flags: Cell::new(TypeFlags::HAVE_GC),
    tp_call: Cell::new(Some(method_wrapper_call)),
    tp_repr: Cell::new(Some(method_wrapper_repr)),
    tp_drop: Some(method_wrapper_drop),
    tp_traverse: Cell::new(Some(method_wrapper_traverse)),
    tp_getset: &[
        GetSetDef::getter("__self__", |o| {
            // SAFETY: a method-wrapper.
            Ok(unsafe { o.payload_unchecked::<PyMethodWrapper>() }
                .self_
                .clone())
        }),
        GetSetDef::getter("__name__", |o| {
            // SAFETY: a method-wrapper holding a wrapper descriptor.
            let d = unsafe { o.payload_unchecked::<PyMethodWrapper>() };
            // SAFETY: a method-wrapper's `descr` is a wrapper descriptor.
            PyStr::new(unsafe { d.descr.payload_unchecked::<PyWrapperDescr>() }.name)
        }),
        // `wrapper_objclass` and `wrapper_qualname`: the descriptor's.
        GetSetDef::getter("__objclass__", |o| {
            // SAFETY: a method-wrapper.
            let d = unsafe { o.payload_unchecked::<PyMethodWrapper>() };
            crate::object::protocol::getattr(&d.descr, crate::intern!("__objclass__"))
        }),
        GetSetDef::getter("__qualname__", |o| {
            // SAFETY: a method-wrapper.
            let d = unsafe { o.payload_unchecked::<PyMethodWrapper>() };
            crate::object::protocol::getattr(&d.descr, crate::intern!("__qualname__"))
        }),
        GetSetDef::getter("__doc__", |o| {
            // SAFETY: a method-wrapper holding a wrapper descriptor.
            let d = unsafe { o.payload_unchecked::<PyMethodWrapper>() };
            // SAFETY: a method-wrapper's `descr` is a wrapper descriptor.
            slot_doc_get(unsafe { d.descr.payload_unchecked::<PyWrapperDescr>() }.name)
        }),
        GetSetDef::getter("__text_signature__", |o| {
            // SAFETY: a method-wrapper holding a wrapper descriptor.
            let d = unsafe { o.payload_unchecked::<PyMethodWrapper>() };
            // SAFETY: a method-wrapper's `descr` is a wrapper descriptor.
            slot_signature_get(unsafe { d.descr.payload_unchecked::<PyWrapperDescr>() }.name)
        }),
    ],
    ..PyType::BASE
};

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyWrapperDescr {
    fn type_object() -> &'static PyType {
        &WRAPPER_DESCR_TYPE
    }
}

// SAFETY: repr(C), header first.
unsafe impl PyPayload for PyMethodWrapper {
    fn type_object() -> &'static PyType {
        &METHOD_WRAPPER_TYPE
    }
}

unsafe fn method_wrapper_drop(obj: *mut PyObject) {
    // SAFETY: a dead method-wrapper.
    unsafe { std::ptr::drop_in_place(obj as *mut PyMethodWrapper) }
}

unsafe fn method_wrapper_traverse(obj: *mut PyObject, visit: &mut dyn FnMut(*mut PyObject)) {
    // SAFETY: a live method-wrapper.
    unsafe {
        let m = &*(obj as *const PyMethodWrapper);
        visit(m.descr.as_ptr());
        visit(m.self_.as_ptr());
    }
}

fn objclass(d: &PyWrapperDescr) -> &'static PyType {
    // SAFETY: wrapper descriptors belong to static types.
    unsafe { &*d.objclass }
}

fn check_self(d: &PyWrapperDescr, o: &PyRef) -> PyResult<()> {
    let cls = objclass(d);
    if !o.ty().is_subtype(cls) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            d.name,
            cls.name(),
            o.ty().name()
        )));
    }
    Ok(())
}

fn wrapper_descr_get(descr: &PyRef, obj: Option<&PyRef>, _ty: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_descr_get of wrapper_descriptor.
    let d = unsafe { descr.payload_unchecked::<PyWrapperDescr>() };
    match obj {
        None => Ok(descr.clone()),
        Some(o)
            if o.is_none()
                && _ty.is_some()
                && !std::ptr::eq(objclass(d), &crate::objects::none::NONE_TYPE) =>
        {
            Ok(descr.clone())
        }
        Some(o) => {
            check_self(d, o)?;
            alloc_object(
                &METHOD_WRAPPER_TYPE,
                PyMethodWrapper {
                    ob_base: PyObject::NEW,
                    descr: descr.clone(),
                    self_: o.clone(),
                },
            )
        }
    }
}

fn wrapper_descr_call(descr: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_call of wrapper_descriptor.
    let d = unsafe { descr.payload_unchecked::<PyWrapperDescr>() };
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    if args.len().saturating_sub(nkw) < 1 {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            d.name,
            objclass(d).name()
        )));
    }
    check_self(d, &args[0])?;
    call_wrapper(d, &args[0], &args[1..], kwnames)
}

fn method_wrapper_call(mw: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    // SAFETY: tp_call of method-wrapper.
    let m = unsafe { mw.payload_unchecked::<PyMethodWrapper>() };
    // SAFETY: holds a wrapper descriptor.
    let d = unsafe { m.descr.payload_unchecked::<PyWrapperDescr>() };
    call_wrapper(d, &m.self_, args, kwnames)
}

fn wrapper_descr_repr(descr: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a wrapper descriptor.
    let d = unsafe { descr.payload_unchecked::<PyWrapperDescr>() };
    PyStr::new(&format!(
        "<slot wrapper '{}' of '{}' objects>",
        d.name,
        objclass(d).name()
    ))
}

fn method_wrapper_repr(mw: &PyRef) -> PyResult<PyRef> {
    // SAFETY: a method-wrapper.
    let m = unsafe { mw.payload_unchecked::<PyMethodWrapper>() };
    // SAFETY: holds a wrapper descriptor.
    let d = unsafe { m.descr.payload_unchecked::<PyWrapperDescr>() };
    PyStr::new(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        d.name,
        m.self_.ty().name(),
        m.self_.id()
    ))
}

fn nargs(args: &[PyRef], n: usize) -> PyResult<()> {
    if args.len() != n {
        return Err(PyErr::type_error(format!(
            "expected {} argument{}, got {}",
            n,
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

fn index_arg(o: &PyRef) -> PyResult<isize> {
    let i = protocol::index(o)?;
    let v = crate::objects::int::as_i64(&i)?;
    Ok(v as isize)
}

/// The `wrap_*` functions: calls the slot with arguments from Python.
fn call_wrapper(
    d: &PyWrapperDescr,
    s: &PyRef,
    args: &[PyRef],
    kwnames: Option<&PyRef>,
) -> PyResult<PyRef> {
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    match (d.wrap, d.func) {
        (Wrap::Call, SlotFn::Call(f)) => return f(s, args, kwnames),
        (Wrap::Init, SlotFn::Init(f)) => {
            f(s, args, kwnames)?;
            return Ok(none());
        }
        _ => {}
    }
    if nkw > 0 {
        return Err(PyErr::type_error(format!(
            "wrapper {}() takes no keyword arguments",
            d.name
        )));
    }
    let a = args;
    Ok(match (d.wrap, d.func) {
        (Wrap::Unary, SlotFn::Unary(f)) => {
            nargs(a, 0)?;
            f(s)?
        }
        (Wrap::BinL, SlotFn::Binary(f)) => {
            nargs(a, 1)?;
            f(s, &a[0])?
        }
        (Wrap::BinR, SlotFn::Binary(f)) => {
            nargs(a, 1)?;
            f(&a[0], s)?
        }
        (Wrap::TernL, SlotFn::Ternary(f)) => {
            if a.is_empty() || a.len() > 2 {
                return Err(PyErr::type_error(format!(
                    "expected 1 or 2 arguments, got {}",
                    a.len()
                )));
            }
            let m = a.get(1).cloned().unwrap_or_else(none);
            f(s, &a[0], &m)?
        }
        (Wrap::TernR, SlotFn::Ternary(f)) => {
            if a.is_empty() || a.len() > 2 {
                return Err(PyErr::type_error(format!(
                    "expected 1 or 2 arguments, got {}",
                    a.len()
                )));
            }
            let m = a.get(1).cloned().unwrap_or_else(none);
            f(&a[0], s, &m)?
        }
        (Wrap::Hash, SlotFn::Hash(f)) => {
            nargs(a, 0)?;
            PyInt::new(f(s)? as i64)?
        }
        (Wrap::Rich(op), SlotFn::Rich(f)) => {
            nargs(a, 1)?;
            f(s, &a[0], op)?
        }
        (Wrap::Getattr, SlotFn::Getattr(f)) => {
            nargs(a, 1)?;
            f(s, &a[0])?
        }
        (Wrap::Setattr, SlotFn::Setattr(f)) => {
            nargs(a, 2)?;
            f(s, &a[0], Some(&a[1]))?;
            none()
        }
        (Wrap::Delattr, SlotFn::Setattr(f)) => {
            nargs(a, 1)?;
            f(s, &a[0], None)?;
            none()
        }
        (Wrap::Next, SlotFn::Next(f)) => {
            nargs(a, 0)?;
            match f(s)? {
                Some(v) => v,
                None => return Err(PyErr::stop_iteration(None)),
            }
        }
        (Wrap::DGet, SlotFn::DGet(f)) => {
            if a.is_empty() || a.len() > 2 {
                return Err(PyErr::type_error(format!(
                    "expected 1 or 2 arguments, got {}",
                    a.len()
                )));
            }
            let obj = if a[0].is_none() { None } else { Some(&a[0]) };
            let ty = a.get(1).filter(|t| !t.is_none());
            if obj.is_none() && ty.is_none() {
                return Err(PyErr::type_error("__get__(None, None) is invalid"));
            }
            f(s, obj, ty)?
        }
        (Wrap::DSet, SlotFn::DSet(f)) => {
            nargs(a, 2)?;
            f(s, &a[0], Some(&a[1]))?;
            none()
        }
        (Wrap::DDel, SlotFn::DSet(f)) => {
            nargs(a, 1)?;
            f(s, &a[0], None)?;
            none()
        }
        (Wrap::Inquiry, SlotFn::Inquiry(f)) => {
            nargs(a, 0)?;
            py_bool(f(s)?)
        }
        (Wrap::Len, SlotFn::Len(f)) => {
            nargs(a, 0)?;
            PyInt::new(f(s)? as i64)?
        }
        (Wrap::IndexArg, SlotFn::SqItem(f)) => {
            nargs(a, 1)?;
            f(s, crate::objects::int::as_ssize_overflow(&a[0])?)?
        }
        (Wrap::SqItem, SlotFn::SqItem(f)) => {
            nargs(a, 1)?;
            f(s, index_arg(&a[0])?)?
        }
        (Wrap::SqAss, SlotFn::SqAss(f)) => {
            nargs(a, 2)?;
            f(s, index_arg(&a[0])?, Some(&a[1]))?;
            none()
        }
        (Wrap::SqDel, SlotFn::SqAss(f)) => {
            nargs(a, 1)?;
            f(s, index_arg(&a[0])?, None)?;
            none()
        }
        (Wrap::MpAss, SlotFn::MpAss(f)) => {
            nargs(a, 2)?;
            f(s, &a[0], Some(&a[1]))?;
            none()
        }
        (Wrap::MpDel, SlotFn::MpAss(f)) => {
            nargs(a, 1)?;
            f(s, &a[0], None)?;
            none()
        }
        (Wrap::Contains, SlotFn::Contains(f)) => {
            nargs(a, 1)?;
            py_bool(f(s, &a[0])?)
        }
        _ => return Err(PyErr::system_error("bad slot wrapper")),
    })
}

/// `tp_new_wrapper`: `T.__new__(S, *args)` for a static type `T`.
static TP_NEW_DEF: MethodDef = MethodDef::new("__new__", Meth::FastKw(tp_new_wrapper));

fn tp_new_wrapper(self_: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult<PyRef> {
    let ty = as_type(self_).ok_or_else(|| PyErr::system_error("__new__ without a type"))?;
    let nkw = kwnames.map(descr::kwnames_len).unwrap_or(0);
    if args.len().saturating_sub(nkw) < 1 {
        return Err(PyErr::type_error(format!(
            "{}.__new__(): not enough arguments",
            ty.name()
        )));
    }
    let sub_ref = &args[0];
    let sub = as_type(sub_ref).ok_or_else(|| {
        PyErr::type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            ty.name(),
            sub_ref.ty().name()
        ))
    })?;
    if !sub.is_subtype(ty) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            ty.name(),
            sub.name(),
            sub.name(),
            ty.name()
        )));
    }
    // The most derived static base of `sub` must use `ty`'s tp_new.
    let static_base = sub.static_base();
    let sb_new = static_base.tp_new.get().map(|f| f as usize);
    if sb_new != ty.tp_new.get().map(|f| f as usize) && !std::ptr::eq(static_base, ty) {
        return Err(PyErr::type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            ty.name(),
            sub.name(),
            static_base.name()
        )));
    }
    match ty.tp_new.get() {
        Some(f) => f(sub_ref, &args[1..], kwnames),
        None => Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            ty.name()
        ))),
    }
}

/// The ready hook: `add_operators` for a static type.
fn add_operators(ty: &'static PyType) -> PyResult<()> {
    let Some(dict) = ty.dict() else { return Ok(()) };
    let dict = dict.clone();
    // SAFETY: a type's dict.
    let d = unsafe { dict.payload_unchecked::<crate::objects::dict::PyDict>() };
    let base = ty.base();
    for sd in slotdefs() {
        if sd.wrap == Wrap::None {
            continue;
        }
        let Some(f) = (sd.get)(ty) else { continue };
        if let Some(b) = base {
            if (sd.get)(b).map(|g| g.addr()) == Some(f.addr()) {
                continue;
            }
        }
        if d.get_str(sd.name)?.is_some() {
            continue;
        }
        if let SlotFn::Hash(h) = f {
            if h as usize == protocol::hash_not_implemented as *const () as usize {
                d.set_str("__hash__", none())?;
                continue;
            }
        }
        let w = alloc_object(
            &WRAPPER_DESCR_TYPE,
            PyWrapperDescr {
                ob_base: PyObject::NEW,
                name: sd.name,
                slot: sd.slot,
                wrap: sd.wrap,
                func: f,
                objclass: ty,
            },
        )?;
        d.set_str(sd.name, w)?;
    }
    if let Some(f) = ty.tp_new.get() {
        let inherited = base
            .and_then(|b| b.tp_new.get())
            .map(|g| g as usize == f as usize)
            .unwrap_or(false);
        if !inherited && d.get_str("__new__")?.is_none() {
            let c = descr::new_cfunction(&TP_NEW_DEF, Some(ty.as_pyref()), None)?;
            d.set_str("__new__", c)?;
        }
    }
    Ok(())
}

/// The static types this file declares, readied at start-up.
pub static TYPES: &[&PyType] = &[&WRAPPER_DESCR_TYPE, &METHOD_WRAPPER_TYPE];

/// Registers the ready hook that adds slot wrappers to static types' dicts
/// and the hooks for classes (slot updates, `__del__`); called before any
/// type is readied.
pub fn init() {
    // SAFETY: GIL held, start-up.
    let hooks = unsafe { crate::objects::type_::READY_HOOKS.get_mut() };
    let h: crate::objects::type_::ReadyHook = add_operators;
    if !hooks.iter().any(|x| *x as usize == h as usize) {
        hooks.push(h);
    }
    // SAFETY: GIL held, start-up.
    unsafe { *crate::objects::type_::SLOT_UPDATE_HOOK.get_mut() = Some(update_slot_hook) };
    // SAFETY: GIL held, start-up.
    unsafe { *HEAP_DEALLOC_HOOK.get_mut() = Some(heap_dealloc_hook) };
    let _ = &TYPE_TYPE;
}
