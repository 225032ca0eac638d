//! The type object's layout and slots (CPython's `Include/cpython/object.h`
//! `PyTypeObject`, `PyNumberMethods`, `PySequenceMethods`, `PyMappingMethods`).
//!
//! A type is an object (`ob_type` is `type` or a metaclass) whose fields are
//! the slot functions the evaluation loop calls directly: a call on a built-in
//! goes straight to Rust. Built-in types are `static` values declared in their
//! own file under `objects/`, with `..PyType::BASE` for the slots they leave
//! empty; `objects/type_.rs` readies them (dict of methods and slot wrappers,
//! MRO) at start-up and builds heap types (classes defined in Python), whose
//! slots it fills from their dunder methods as `typeobject.c` does.
//!
//! Slot functions take borrowed references (`&PyRef`) and return owned ones.
//! Calls use CPython's vectorcall convention: positional arguments, then the
//! values of keyword arguments, in one slice, with a tuple of the keyword
//! names (`kwnames`) or `None`.

use std::cell::Cell;

use super::{ObjCell, PyObject, PyRef, PyResult, PyVarObject};

/// `tp_repr`, `tp_str`, `tp_iter`, unary number slots.
pub type UnaryFn = fn(&PyRef) -> PyResult<PyRef>;
/// Binary number slots and `mp_subscript`; may return `NotImplemented`.
pub type BinaryFn = fn(&PyRef, &PyRef) -> PyResult<PyRef>;
/// `nb_power`, `nb_inplace_power` (third argument `None` when absent).
pub type TernaryFn = fn(&PyRef, &PyRef, &PyRef) -> PyResult<PyRef>;
pub type HashFn = fn(&PyRef) -> PyResult<isize>;
pub type RichCmpFn = fn(&PyRef, &PyRef, CompareOp) -> PyResult<PyRef>;
/// `tp_getattro(obj, name)`: name is a str.
pub type GetattroFn = fn(&PyRef, &PyRef) -> PyResult<PyRef>;
/// `tp_setattro(obj, name, value)`; `None` deletes.
pub type SetattroFn = fn(&PyRef, &PyRef, Option<&PyRef>) -> PyResult<()>;
/// Vectorcall: `(callable, args, kwnames)`.
pub type CallFn = fn(&PyRef, &[PyRef], Option<&PyRef>) -> PyResult<PyRef>;
/// `tp_new(type, args, kwnames)`.
pub type NewFn = fn(&PyRef, &[PyRef], Option<&PyRef>) -> PyResult<PyRef>;
/// `tp_init(self, args, kwnames)`.
pub type InitFn = fn(&PyRef, &[PyRef], Option<&PyRef>) -> PyResult<()>;
/// `tp_iternext`: `Ok(None)` is exhaustion without a `StopIteration` object.
pub type IterNextFn = fn(&PyRef) -> PyResult<Option<PyRef>>;
/// `tp_descr_get(descr, obj or None, type or None)`.
pub type DescrGetFn = fn(&PyRef, Option<&PyRef>, Option<&PyRef>) -> PyResult<PyRef>;
/// `tp_descr_set(descr, obj, value)`; `None` deletes.
pub type DescrSetFn = fn(&PyRef, &PyRef, Option<&PyRef>) -> PyResult<()>;
pub type InquiryFn = fn(&PyRef) -> PyResult<bool>;
pub type LenFn = fn(&PyRef) -> PyResult<usize>;
pub type SsizeArgFn = fn(&PyRef, isize) -> PyResult<PyRef>;
/// `sq_ass_item(obj, i, value)`; `None` deletes.
pub type SsizeObjArgFn = fn(&PyRef, isize, Option<&PyRef>) -> PyResult<()>;
/// `mp_ass_subscript(obj, key, value)`; `None` deletes.
pub type ObjObjArgFn = fn(&PyRef, &PyRef, Option<&PyRef>) -> PyResult<()>;
/// `sq_contains`.
pub type ObjObjFn = fn(&PyRef, &PyRef) -> PyResult<bool>;
/// `tp_dealloc`: called with the count at zero; drops and frees.
pub type DeallocFn = unsafe fn(*mut PyObject);
/// Drops the payload fields of a static type's layout (not freeing memory).
pub type DropFn = unsafe fn(*mut PyObject);
/// `tp_traverse`: calls `visit` on every object reference the object holds.
pub type TraverseFn = unsafe fn(*mut PyObject, &mut dyn FnMut(*mut PyObject));
/// `tp_clear`: drops the references that can form cycles.
pub type ClearFn = unsafe fn(*mut PyObject);

/// Rich comparison operators, numbered as CPython's `Py_LT` ... `Py_GE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_arg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operator with its operands swapped (`_Py_SwappedOp`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }

    /// The result of comparing two orderable values.
    pub fn test<T: PartialOrd + ?Sized>(self, a: &T, b: &T) -> bool {
        match self {
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        }
    }
}

/// `tp_flags` bits (the values of CPython's `Py_TPFLAGS_*`).
pub struct TypeFlags;

impl TypeFlags {
    pub const MANAGED_DICT: u64 = 1 << 4;
    pub const IMMUTABLETYPE: u64 = 1 << 8;
    pub const HEAPTYPE: u64 = 1 << 9;
    pub const BASETYPE: u64 = 1 << 10;
    pub const HAVE_VECTORCALL: u64 = 1 << 11;
    pub const READY: u64 = 1 << 12;
    pub const READYING: u64 = 1 << 13;
    pub const HAVE_GC: u64 = 1 << 14;
    pub const METHOD_DESCRIPTOR: u64 = 1 << 17;
    pub const DISALLOW_INSTANTIATION: u64 = 1 << 7;
    pub const SEQUENCE: u64 = 1 << 5;
    pub const MAPPING: u64 = 1 << 6;
    pub const IS_ABSTRACT: u64 = 1 << 20;
    pub const LONG_SUBCLASS: u64 = 1 << 24;
    pub const LIST_SUBCLASS: u64 = 1 << 25;
    pub const TUPLE_SUBCLASS: u64 = 1 << 26;
    pub const BYTES_SUBCLASS: u64 = 1 << 27;
    pub const UNICODE_SUBCLASS: u64 = 1 << 28;
    pub const DICT_SUBCLASS: u64 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u64 = 1 << 30;
    pub const TYPE_SUBCLASS: u64 = 1 << 31;
    /// Taipan's own bit (unused by CPython 3.11, hidden from `__flags__`):
    /// objects of this static type own no references (int, float, str,
    /// bytes, complex), so their deallocation cannot nest and skips the
    /// trashcan (`object::dealloc`). Never inherited.
    pub const LEAF: u64 = 1 << 2;
    /// Flags a subclass inherits from its base.
    pub const INHERITED: u64 = Self::LONG_SUBCLASS
        | Self::LIST_SUBCLASS
        | Self::TUPLE_SUBCLASS
        | Self::BYTES_SUBCLASS
        | Self::UNICODE_SUBCLASS
        | Self::DICT_SUBCLASS
        | Self::BASE_EXC_SUBCLASS
        | Self::TYPE_SUBCLASS
        | Self::SEQUENCE
        | Self::MAPPING;
}

/// `PyNumberMethods`.
pub struct NumberSlots {
    pub nb_add: Cell<Option<BinaryFn>>,
    pub nb_subtract: Cell<Option<BinaryFn>>,
    pub nb_multiply: Cell<Option<BinaryFn>>,
    pub nb_remainder: Cell<Option<BinaryFn>>,
    pub nb_divmod: Cell<Option<BinaryFn>>,
    pub nb_power: Cell<Option<TernaryFn>>,
    pub nb_negative: Cell<Option<UnaryFn>>,
    pub nb_positive: Cell<Option<UnaryFn>>,
    pub nb_absolute: Cell<Option<UnaryFn>>,
    pub nb_bool: Cell<Option<InquiryFn>>,
    pub nb_invert: Cell<Option<UnaryFn>>,
    pub nb_lshift: Cell<Option<BinaryFn>>,
    pub nb_rshift: Cell<Option<BinaryFn>>,
    pub nb_and: Cell<Option<BinaryFn>>,
    pub nb_xor: Cell<Option<BinaryFn>>,
    pub nb_or: Cell<Option<BinaryFn>>,
    pub nb_int: Cell<Option<UnaryFn>>,
    pub nb_float: Cell<Option<UnaryFn>>,
    pub nb_inplace_add: Cell<Option<BinaryFn>>,
    pub nb_inplace_subtract: Cell<Option<BinaryFn>>,
    pub nb_inplace_multiply: Cell<Option<BinaryFn>>,
    pub nb_inplace_remainder: Cell<Option<BinaryFn>>,
    pub nb_inplace_power: Cell<Option<TernaryFn>>,
    pub nb_inplace_lshift: Cell<Option<BinaryFn>>,
    pub nb_inplace_rshift: Cell<Option<BinaryFn>>,
    pub nb_inplace_and: Cell<Option<BinaryFn>>,
    pub nb_inplace_xor: Cell<Option<BinaryFn>>,
    pub nb_inplace_or: Cell<Option<BinaryFn>>,
    pub nb_floor_divide: Cell<Option<BinaryFn>>,
    pub nb_true_divide: Cell<Option<BinaryFn>>,
    pub nb_inplace_floor_divide: Cell<Option<BinaryFn>>,
    pub nb_inplace_true_divide: Cell<Option<BinaryFn>>,
    pub nb_index: Cell<Option<UnaryFn>>,
    pub nb_matrix_multiply: Cell<Option<BinaryFn>>,
    pub nb_inplace_matrix_multiply: Cell<Option<BinaryFn>>,
}

impl NumberSlots {
    pub const EMPTY: NumberSlots = NumberSlots {
        nb_add: Cell::new(None),
        nb_subtract: Cell::new(None),
        nb_multiply: Cell::new(None),
        nb_remainder: Cell::new(None),
        nb_divmod: Cell::new(None),
        nb_power: Cell::new(None),
        nb_negative: Cell::new(None),
        nb_positive: Cell::new(None),
        nb_absolute: Cell::new(None),
        nb_bool: Cell::new(None),
        nb_invert: Cell::new(None),
        nb_lshift: Cell::new(None),
        nb_rshift: Cell::new(None),
        nb_and: Cell::new(None),
        nb_xor: Cell::new(None),
        nb_or: Cell::new(None),
        nb_int: Cell::new(None),
        nb_float: Cell::new(None),
        nb_inplace_add: Cell::new(None),
        nb_inplace_subtract: Cell::new(None),
        nb_inplace_multiply: Cell::new(None),
        nb_inplace_remainder: Cell::new(None),
        nb_inplace_power: Cell::new(None),
        nb_inplace_lshift: Cell::new(None),
        nb_inplace_rshift: Cell::new(None),
        nb_inplace_and: Cell::new(None),
        nb_inplace_xor: Cell::new(None),
        nb_inplace_or: Cell::new(None),
        nb_floor_divide: Cell::new(None),
        nb_true_divide: Cell::new(None),
        nb_inplace_floor_divide: Cell::new(None),
        nb_inplace_true_divide: Cell::new(None),
        nb_index: Cell::new(None),
        nb_matrix_multiply: Cell::new(None),
        nb_inplace_matrix_multiply: Cell::new(None),
    };
}

/// `PySequenceMethods`.
pub struct SequenceSlots {
    pub sq_length: Cell<Option<LenFn>>,
    pub sq_concat: Cell<Option<BinaryFn>>,
    pub sq_repeat: Cell<Option<SsizeArgFn>>,
    pub sq_item: Cell<Option<SsizeArgFn>>,
    pub sq_ass_item: Cell<Option<SsizeObjArgFn>>,
    pub sq_contains: Cell<Option<ObjObjFn>>,
    pub sq_inplace_concat: Cell<Option<BinaryFn>>,
    pub sq_inplace_repeat: Cell<Option<SsizeArgFn>>,
}

impl SequenceSlots {
    pub const EMPTY: SequenceSlots = SequenceSlots {
        sq_length: Cell::new(None),
        sq_concat: Cell::new(None),
        sq_repeat: Cell::new(None),
        sq_item: Cell::new(None),
        sq_ass_item: Cell::new(None),
        sq_contains: Cell::new(None),
        sq_inplace_concat: Cell::new(None),
        sq_inplace_repeat: Cell::new(None),
    };
}

/// `PyMappingMethods`.
pub struct MappingSlots {
    pub mp_length: Cell<Option<LenFn>>,
    pub mp_subscript: Cell<Option<BinaryFn>>,
    pub mp_ass_subscript: Cell<Option<ObjObjArgFn>>,
}

impl MappingSlots {
    pub const EMPTY: MappingSlots = MappingSlots {
        mp_length: Cell::new(None),
        mp_subscript: Cell::new(None),
        mp_ass_subscript: Cell::new(None),
    };
}

/// How a native method takes its arguments (`METH_NOARGS`, `METH_O`,
/// `METH_FASTCALL`, `METH_FASTCALL | METH_KEYWORDS`). The first argument is
/// `self` (the type for class methods, the module for module functions).
#[derive(Clone, Copy)]
pub enum Meth {
    NoArgs(fn(&PyRef) -> PyResult<PyRef>),
    O(fn(&PyRef, &PyRef) -> PyResult<PyRef>),
    Fast(fn(&PyRef, &[PyRef]) -> PyResult<PyRef>),
    FastKw(fn(&PyRef, &[PyRef], Option<&PyRef>) -> PyResult<PyRef>),
}

/// Binding of a native method (`METH_CLASS`, `METH_STATIC`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MethBinding {
    Instance,
    Class,
    Static,
}

/// `PyMethodDef`.
pub struct MethodDef {
    pub name: &'static str,
    pub meth: Meth,
    pub binding: MethBinding,
    pub doc: &'static str,
}

impl MethodDef {
    pub const fn new(name: &'static str, meth: Meth) -> MethodDef {
        MethodDef {
            name,
            meth,
            binding: MethBinding::Instance,
            doc: "",
        }
    }

    pub const fn class(name: &'static str, meth: Meth) -> MethodDef {
        MethodDef {
            name,
            meth,
            binding: MethBinding::Class,
            doc: "",
        }
    }

    /// The same definition with its internal doc (`name(sig)\n--\n\ndoc`
    /// gives `__text_signature__` and `__doc__`).
    pub const fn with_doc(self, doc: &'static str) -> MethodDef {
        MethodDef { doc, ..self }
    }

    pub const fn static_(name: &'static str, meth: Meth) -> MethodDef {
        MethodDef {
            name,
            meth,
            binding: MethBinding::Static,
            doc: "",
        }
    }
}

/// A `GetSetDef` setter (`None` value: delete).
pub type SetterFn = fn(&PyRef, Option<&PyRef>) -> PyResult<()>;

/// `PyGetSetDef`: a computed attribute.
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Option<fn(&PyRef) -> PyResult<PyRef>>,
    pub set: Option<SetterFn>,
    pub doc: &'static str,
}

impl GetSetDef {
    pub const fn getter(name: &'static str, get: fn(&PyRef) -> PyResult<PyRef>) -> GetSetDef {
        GetSetDef {
            name,
            get: Some(get),
            set: None,
            doc: "",
        }
    }

    /// What CPython declares as a `READONLY` member (`PyMemberDef`, listed
    /// in a type's `tp_members`): assigning or deleting raises "readonly
    /// attribute".
    pub const fn readonly_member(
        name: &'static str,
        get: fn(&PyRef) -> PyResult<PyRef>,
    ) -> GetSetDef {
        GetSetDef {
            name,
            get: Some(get),
            set: Some(readonly_member_set),
            doc: "",
        }
    }
}

fn readonly_member_set(_obj: &PyRef, _value: Option<&PyRef>) -> PyResult<()> {
    Err(crate::object::PyErr::attribute_error("readonly attribute"))
}

/// A type object (`PyTypeObject` with `PyHeapTypeObject`'s extra fields).
#[repr(C)]
pub struct PyType {
    pub ob_base: PyVarObject,
    /// The name of a static type (`tp_name`, may be dotted: "collections.deque").
    /// Heap types keep theirs in `ht_name`.
    pub tp_name: &'static str,
    pub tp_basicsize: Cell<usize>,
    pub tp_itemsize: usize,
    pub tp_flags: Cell<u64>,
    pub tp_doc: Option<&'static str>,
    /// The base (`__base__`); null only for `object`. Not owned: heap types
    /// keep their bases alive through `tp_bases`.
    pub tp_base: Cell<*const PyType>,
    pub tp_dictoffset: Cell<isize>,
    pub tp_weaklistoffset: Cell<isize>,
    pub tp_dealloc: DeallocFn,
    pub tp_drop: Option<DropFn>,
    pub tp_methods: &'static [MethodDef],
    pub tp_getset: &'static [GetSetDef],
    /// What CPython declares as members (`tp_members`, `PyMemberDef`):
    /// computed like `tp_getset` entries, but exposed as `member_descriptor`s.
    pub tp_members: &'static [GetSetDef],
    /// `tp_as_buffer`: the buffer protocol (`bytes`, `bytearray`, `memoryview`);
    /// see `objects/memoryview.rs`.
    pub tp_as_buffer: Cell<Option<&'static crate::objects::memoryview::BufferProcs>>,

    pub tp_repr: Cell<Option<UnaryFn>>,
    pub tp_str: Cell<Option<UnaryFn>>,
    pub tp_hash: Cell<Option<HashFn>>,
    pub tp_richcompare: Cell<Option<RichCmpFn>>,
    pub tp_getattro: Cell<Option<GetattroFn>>,
    pub tp_setattro: Cell<Option<SetattroFn>>,
    pub tp_call: Cell<Option<CallFn>>,
    pub tp_iter: Cell<Option<UnaryFn>>,
    pub tp_iternext: Cell<Option<IterNextFn>>,
    pub tp_descr_get: Cell<Option<DescrGetFn>>,
    pub tp_descr_set: Cell<Option<DescrSetFn>>,
    pub tp_init: Cell<Option<InitFn>>,
    pub tp_new: Cell<Option<NewFn>>,
    pub tp_traverse: Cell<Option<TraverseFn>>,
    pub tp_clear: Cell<Option<ClearFn>>,
    pub as_number: NumberSlots,
    pub as_sequence: SequenceSlots,
    pub as_mapping: MappingSlots,

    /// `__dict__` (a dict; exposed read-only as a mappingproxy).
    pub tp_dict: ObjCell,
    /// `__mro__` (a tuple of types).
    pub tp_mro: ObjCell,
    /// `__bases__` (a tuple of types).
    pub tp_bases: ObjCell,
    /// Heap types: `__name__` and `__qualname__` (str).
    pub ht_name: ObjCell,
    pub ht_qualname: ObjCell,
    /// Weak list of subclasses (a list of weakrefs once `_weakref` exists).
    pub tp_subclasses: ObjCell,
    /// Bumped whenever the type's dict or MRO changes (attribute caches).
    pub tp_version_tag: Cell<u32>,
    /// Heap types: the names in `__slots__` (a tuple), if any.
    pub ht_slots: ObjCell,
    /// The type's own weak-reference list (`tp_weaklist`, borrowed pointer).
    pub tp_weaklist: Cell<*mut PyObject>,
}

// SAFETY: type objects are only touched with the GIL held (see gil.rs).
unsafe impl Sync for PyType {}

impl PyType {
    /// The defaults a static type declaration completes with `..PyType::BASE`.
    pub const BASE: PyType = PyType {
        ob_base: PyVarObject::NEW,
        tp_name: "?",
        tp_basicsize: Cell::new(std::mem::size_of::<PyObject>()),
        tp_itemsize: 0,
        tp_flags: Cell::new(0),
        tp_doc: None,
        tp_base: Cell::new(std::ptr::null()),
        tp_dictoffset: Cell::new(0),
        tp_weaklistoffset: Cell::new(0),
        tp_dealloc: super::generic_dealloc,
        tp_drop: None,
        tp_methods: &[],
        tp_getset: &[],
        tp_members: &[],
        tp_as_buffer: Cell::new(None),
        tp_repr: Cell::new(None),
        tp_str: Cell::new(None),
        tp_hash: Cell::new(None),
        tp_richcompare: Cell::new(None),
        tp_getattro: Cell::new(None),
        tp_setattro: Cell::new(None),
        tp_call: Cell::new(None),
        tp_iter: Cell::new(None),
        tp_iternext: Cell::new(None),
        tp_descr_get: Cell::new(None),
        tp_descr_set: Cell::new(None),
        tp_init: Cell::new(None),
        tp_new: Cell::new(None),
        tp_traverse: Cell::new(None),
        tp_clear: Cell::new(None),
        as_number: NumberSlots::EMPTY,
        as_sequence: SequenceSlots::EMPTY,
        as_mapping: MappingSlots::EMPTY,
        tp_dict: ObjCell::empty(),
        tp_mro: ObjCell::empty(),
        tp_bases: ObjCell::empty(),
        ht_name: ObjCell::empty(),
        ht_qualname: ObjCell::empty(),
        tp_subclasses: ObjCell::empty(),
        tp_version_tag: Cell::new(0),
        ht_slots: ObjCell::empty(),
        tp_weaklist: Cell::new(std::ptr::null_mut()),
    };

    #[inline(always)]
    pub fn flags(&self) -> u64 {
        self.tp_flags.get()
    }

    #[inline(always)]
    pub fn has_flag(&self, flag: u64) -> bool {
        self.tp_flags.get() & flag != 0
    }

    #[inline(always)]
    pub fn is_heap_type(&self) -> bool {
        self.has_flag(TypeFlags::HEAPTYPE)
    }

    #[inline(always)]
    pub fn has_gc(&self) -> bool {
        self.has_flag(TypeFlags::HAVE_GC)
    }

    /// Are new objects of this type left untracked by the allocator? Exact
    /// dicts start untracked and are tracked when a container goes in, as
    /// in CPython.
    #[inline(always)]
    pub fn gc_untracked_at_alloc(&self) -> bool {
        std::ptr::eq(self, &crate::objects::dict::DICT_TYPE)
    }

    /// The type as an object reference.
    pub fn as_pyref(&self) -> PyRef {
        // SAFETY: a type is an object; `self` is alive.
        unsafe { PyRef::from_borrowed(self as *const PyType as *const PyObject) }
    }

    /// The type as a raw object pointer.
    pub fn as_object_ptr(&self) -> *mut PyObject {
        self as *const PyType as *mut PyObject
    }

    /// The base (`tp_base`), `None` for `object`.
    #[inline]
    pub fn base(&self) -> Option<&PyType> {
        let b = self.tp_base.get();
        if b.is_null() {
            None
        } else {
            // SAFETY: bases outlive their subclasses.
            Some(unsafe { &*b })
        }
    }

    /// The nearest base (or self) that is not a heap type: the one whose
    /// `tp_drop` knows the instance's payload.
    pub fn static_base(&self) -> &PyType {
        let mut t = self;
        while t.is_heap_type() {
            match t.base() {
                Some(b) => t = b,
                None => break,
            }
        }
        t
    }

    /// The MRO tuple, once the type is ready.
    #[inline]
    pub fn mro(&self) -> Option<&PyRef> {
        self.tp_mro.get()
    }

    /// The type's dict, once the type is ready.
    #[inline]
    pub fn dict(&self) -> Option<&PyRef> {
        self.tp_dict.get()
    }

    /// `PyType_IsSubtype`: is `self` `other` or a subclass of it?
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        if let Some(mro) = self.mro() {
            // SAFETY: the MRO is a tuple of types.
            let items = unsafe { crate::objects::tuple::tuple_items_unchecked(mro) };
            return items
                .iter()
                .any(|t| std::ptr::eq(t.as_ptr() as *const PyType, other));
        }
        let mut t = self.base();
        while let Some(b) = t {
            if std::ptr::eq(b, other) {
                return true;
            }
            t = b.base();
        }
        false
    }

    /// The type's `__name__`.
    /// `tp_name` as error messages print it: the full dotted name of a static
    /// type (`'collections.deque'`), the `__name__` of a heap type.
    pub fn tp_name_str(&self) -> &str {
        if self.is_heap_type() {
            return self.name();
        }
        self.tp_name
    }

    pub fn name(&self) -> &str {
        if self.is_heap_type() {
            if let Some(n) = self.ht_name.get() {
                if let Some(s) = n.downcast::<crate::objects::str::PyStr>() {
                    return s.as_str();
                }
            }
        }
        match self.tp_name.rfind('.') {
            Some(i) => &self.tp_name[i + 1..],
            None => self.tp_name,
        }
    }
}
