//! The built-in types, one file each, named after the CPython file they
//! follow. Each file lists its static types in `TYPES`; start-up readies them.

pub mod bltin_iters;
pub mod bool_;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod classmethod;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod enumerate;
pub mod exceptions;
pub mod exceptions_attrs;
pub mod float;
pub mod format_spec;
pub mod frame;
pub mod function;
pub mod gen;
pub mod int;
pub mod iter;
pub mod list;
pub mod memoryview;
pub mod method;
pub mod module;
pub mod namespace;
pub mod none;
pub mod object;
pub mod property;
pub mod pyhash;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod type_;
pub mod typeslots;

use crate::object::PyType;

/// Every file's `TYPES`.
pub fn all_type_lists() -> Vec<&'static [&'static PyType]> {
    vec![
        bltin_iters::TYPES,
        bool_::TYPES,
        bytearray::TYPES,
        bytes::TYPES,
        cell::TYPES,
        classmethod::TYPES,
        code::TYPES,
        complex::TYPES,
        descr::TYPES,
        dict::TYPES,
        enumerate::TYPES,
        exceptions::TYPES,
        float::TYPES,
        frame::TYPES,
        function::TYPES,
        gen::TYPES,
        int::TYPES,
        iter::TYPES,
        list::TYPES,
        memoryview::TYPES,
        method::TYPES,
        module::TYPES,
        namespace::TYPES,
        object::TYPES,
        property::TYPES,
        range::TYPES,
        set::TYPES,
        slice::TYPES,
        str::TYPES,
        super_::TYPES,
        traceback::TYPES,
        tuple::TYPES,
        type_::TYPES,
        typeslots::TYPES,
    ]
}
