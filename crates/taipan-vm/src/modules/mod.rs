//! Native modules: what CPython writes in C (`builtins`, `sys`, ...).

pub mod _string;
pub mod _thread;
pub mod _weakref;
pub mod builtins;
pub mod itertools;
pub mod math;
pub mod sys;
pub mod time;
pub mod posix;
pub mod _random;
pub mod _sha512;
pub mod _warnings;
pub mod _struct;
pub mod array;
