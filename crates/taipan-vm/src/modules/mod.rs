//! Native modules: what CPython writes in C (`builtins`, `sys`, ...).

pub mod _abc;
pub mod _bisect;
pub mod _collections;
pub mod _functools;
pub mod _heapq;
pub mod _io;
pub mod _operator;
pub mod _random;
pub mod _sha512;
pub mod _sre;
pub mod _string;
pub mod _struct;
pub mod _thread;
pub mod _warnings;
pub mod _weakref;
pub mod array;
pub mod atexit;
pub mod builtins;
pub mod gc;
pub mod itertools;
pub mod math;
pub mod posix;
pub mod sys;
pub mod time;
