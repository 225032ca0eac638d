//! Native modules: what CPython writes in C (`builtins`, `sys`, ...).

pub mod _io;
pub mod builtins;
pub mod math;
pub mod sys;
pub mod time;
