//! STUB (interface only): the parser, after CPython 3.11's `Parser/pegen.c` and grammar.
use crate::ast::{Expr, Mod};
use crate::error::SyntaxError;

/// Parses a decoded source file with the `file` start rule.
pub fn parse_file(src: &str, filename: &str) -> Result<Mod, SyntaxError> {
    let _ = (src, filename);
    unimplemented!("parser")
}

/// Parses the expression of an f-string replacement field, as 3.11's `fstring_compile_expr`
/// does: `src` is the expression text wrapped in parentheses, `"(" + expr + ")"`, parsed with
/// the `fstring` start rule (`star_expressions`). Token lines start at `first_lineno`, and
/// tokens on that line have `starting_col_offset` added to their columns (pegen's
/// `starting_lineno`/`starting_col_offset`). Errors get the `f-string: ` prefix.
pub fn parse_fstring_expr(
    src: &str,
    filename: &str,
    first_lineno: u32,
    starting_col_offset: u32,
) -> Result<Expr, SyntaxError> {
    let _ = (src, filename, first_lineno, starting_col_offset);
    unimplemented!("parser")
}
