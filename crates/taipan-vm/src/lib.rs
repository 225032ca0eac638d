//! The Taipan runtime: CPython 3.11's object model, evaluation loop, built-in
//! types and native modules, in Rust.
//!
//! - [`object`]: the object header, owned handles, type objects and slots, and
//!   the generic operations on objects (`protocol`).
//! - [`objects`]: the built-in types, one file each.
//! - [`eval`]: the evaluation loop and frames.
//! - [`modules`]: native modules (`builtins`, `sys`, ...).
//! - [`interp`]: the interpreter's state and start-up.

// Constructors return `PyRef` (an object of the type), not `Self`; the
// `PyType::BASE`-style consts with cells are templates copied into statics.
#![allow(clippy::new_ret_no_self, clippy::declare_interior_mutable_const)]

pub mod eval;
pub mod gc;
pub mod gil;
pub mod import;
pub mod interactive;
pub mod interp;
pub mod leakcheck;
pub mod modules;
pub mod object;
pub mod objects;
pub mod run;
pub mod suggestions;
