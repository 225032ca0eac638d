//! STUB (interface only): string literals and f-strings, after CPython 3.11's
//! `Parser/string_parser.c` and `_PyPegen_concatenate_strings`.
use crate::ast::Expr;
use crate::error::SyntaxError;
use crate::token::Token;

/// Builds the `Constant` or `JoinedStr` for one or more adjacent STRING tokens. `src` is the
/// source the tokens index into (their positions are already final). An error whose `lineno`
/// is 0 is to be placed by the parser at its last token, as CPython's `RAISE_SYNTAX_ERROR`.
pub fn concatenate_strings(src: &str, filename: &str, tokens: &[Token]) -> Result<Expr, SyntaxError> {
    let _ = (src, filename, tokens);
    unimplemented!("string_parser")
}
