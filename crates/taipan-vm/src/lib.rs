//! The Taipan runtime: CPython 3.11's object model, evaluation loop, built-in
//! types and native modules, in Rust.
//!
//! - [`object`]: the object header, owned handles, type objects and slots, and
//!   the generic operations on objects (`protocol`).
//! - [`objects`]: the built-in types, one file each.
//! - [`eval`]: the evaluation loop and frames.
//! - [`modules`]: native modules (`builtins`, `sys`, ...).
//! - [`interp`]: the interpreter's state and start-up.

pub mod eval;
pub mod gil;
pub mod interp;
pub mod modules;
pub mod object;
pub mod objects;
pub mod run;
