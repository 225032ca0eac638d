//! taipan-bytecode: the CPython 3.11 bytecode as plain data.
//!
//! This crate holds what a compiler, a VM and a `.pyc` loader must agree on,
//! and nothing about the VM's objects:
//!
//! * [`opcode`]: the 3.11 instruction table, defined once in a macro; the
//!   opcode enum, names, numbers, inline cache sizes, argument kinds, jump
//!   directions, specialization families and stack effects derive from it
//!   (CPython's `Lib/opcode.py`, `Include/opcode.h`, `Python/compile.c`).
//! * [`exception_table`]: `co_exceptiontable` encoder and decoder
//!   (`Objects/exception_handling_notes.txt`).
//! * [`location_table`]: `co_linetable` encoder and decoder
//!   (`Objects/locations.md`).
//! * [`marshal`]: marshal format version 4 reader and writer
//!   (`Python/marshal.c`), over [`marshal::MarshalValue`] and
//!   [`marshal::CodeData`].
//!
//! See `docs/internals/bytecode.md` for a tour with worked examples.

pub mod exception_table;
pub mod location_table;
pub mod marshal;
pub mod opcode;

pub use opcode::Opcode;
