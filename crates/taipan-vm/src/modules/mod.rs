//! Native modules: what CPython writes in C (`builtins`, `sys`, ...).

pub mod _abc;
pub mod _bisect;
pub mod _collections;
pub mod _functools;
pub mod _heapq;
pub mod _operator;
pub mod _string;
pub mod _thread;
pub mod _weakref;
pub mod atexit;
pub mod builtins;
pub mod gc;
pub mod itertools;
pub mod math;
pub mod sys;
pub mod time;
