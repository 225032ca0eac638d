//! Taipan's front end: source bytes -> tokens -> AST, for the whole Python 3.11 grammar.
//!
//! The stages follow CPython 3.11's `Parser/` directory: [`tokenizer`] (`tokenizer.c`: source
//! decoding, tokens, indentation), [`parser`] (`pegen.c`, the grammar of `Grammar/python.gram`,
//! `action_helpers.c`, `pegen_errors.c`), [`string_parser`] (`string_parser.c`: string
//! literals and f-strings), [`number`] (number literals), producing the [`ast`] of
//! `Python.asdl`. [`dump`] prints a tree exactly as Python's `ast.dump` does. This crate knows
//! nothing of the virtual machine.

pub mod ast;
pub mod dump;
pub mod error;
pub mod number;
pub mod parser;
pub mod pyrepr;
pub mod string_parser;
pub mod token;
pub mod tokenizer;
pub mod unicode_names;
pub mod unicode_printable;
pub mod validate;

pub use error::{ParseWarning, SyntaxError, SyntaxErrorKind, WarningCategory};

/// Parses a whole file (`exec` mode), as `compile(source, filename, "exec", PyCF_ONLY_AST)`
/// does for `source` given as bytes: BOM and PEP 263 coding cookie honoured.
pub fn parse_module(source: &[u8], filename: &str) -> Result<ast::Mod, SyntaxError> {
    parse_module_with_warnings(source, filename).0
}

/// Parses source text with the `eval` start rule (an expression list, then only newlines):
/// what `compile(source, filename, "eval")` and `eval()` parse. Warnings as
/// [`parse_module_with_warnings`].
pub fn parse_eval_with_warnings(
    source: &[u8],
    filename: &str,
) -> (Result<ast::Mod, SyntaxError>, Vec<ParseWarning>) {
    error::clear_warnings();
    let result =
        tokenizer::decode_source(source).and_then(|text| parser::parse_eval(&text, filename));
    (result, error::take_warnings())
}

/// [`parse_module`], with the warnings the parse issued (in order), which CPython issues even
/// when the parse then fails.
pub fn parse_module_with_warnings(
    source: &[u8],
    filename: &str,
) -> (Result<ast::Mod, SyntaxError>, Vec<ParseWarning>) {
    error::clear_warnings();
    let result =
        tokenizer::decode_source(source).and_then(|text| parser::parse_file(&text, filename));
    (result, error::take_warnings())
}
