//! STUB (interface only): number literals, after CPython 3.11's `parsenumber` in
//! `Parser/pegen.c`.
use crate::ast::Constant;

/// The value of a NUMBER token's text (already validated by the tokenizer): int, float or
/// imaginary. `Err` carries the message of the `SyntaxError`/`ValueError` CPython raises.
pub fn parse_number(text: &str) -> Result<Constant, String> {
    let _ = text;
    unimplemented!("number")
}
