//! Prints a syntax error the way `python3.11 FILE` does (`print_error_text` and
//! `print_exception` in CPython's `Python/pythonrun.c`). Placeholder until filled in.
use taipan_parser::SyntaxError;

pub fn format_syntax_error(err: &SyntaxError, filename: &str, _source: &[u8]) -> String {
    format!("  File \"{}\", line {}\n{}: {}\n", filename, err.lineno, err.kind.name(), err.msg)
}
