//! The evaluation loop, frames' data stack, and what surrounds them
//! (CPython's `Python/ceval.c`, `Include/internal/pycore_frame.h`).

pub mod ceval;
pub mod fast;
pub mod frame;
pub mod recursion;
