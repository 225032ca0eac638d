//! The evaluation loop, frames' data stack, and what surrounds them
//! (CPython's `Python/ceval.c`, `Include/internal/pycore_frame.h`).

pub mod cache;
pub mod ceval;
pub mod fast;
pub mod frame;
pub mod recursion;
pub mod validate;
