//! STUB (interface only): Python's `repr()` of the constant values the AST holds.
use crate::ast::Constant;

/// `repr(value)` exactly as CPython 3.11 prints it.
pub fn repr_constant(value: &Constant) -> String {
    let _ = value;
    unimplemented!("pyrepr")
}
