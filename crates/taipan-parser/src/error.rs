//! Syntax errors as data: what CPython 3.11 puts in a `SyntaxError` (or its subclasses
//! `IndentationError` and `TabError`) raised by the tokenizer or the parser.
//!
//! The fields mirror the exception's attributes (`msg`, `lineno`, `offset`, `end_lineno`,
//! `end_offset`), with CPython's units: `offset` and `end_offset` are 1-based and count
//! *characters* of the line, not bytes (CPython converts with
//! `_PyPegen_byte_offset_to_character_offset`). Zero stands for CPython's `None`/`-1`. The
//! source line (`text`) is not stored: the caller has the source and takes line `lineno`.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting past the parser's depth limit. CPython gets through the parse and fails later,
    /// raising `RecursionError` while compiling or building `ast` objects; the interpreter
    /// raises that.
    TooDeep,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::TooDeep => "RecursionError",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, lineno: u32, offset: u32) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno: 0,
            end_offset: 0,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {})",
            self.kind.name(),
            self.msg,
            self.lineno
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Converts a 0-based byte column within `line` to CPython's 1-based character offset.
/// A column past the end of the line counts the missing bytes as characters, as CPython does.
pub fn byte_col_to_char_offset(line: &str, byte_col: usize) -> u32 {
    if byte_col > line.len() {
        return (line.chars().count() + (byte_col - line.len()) + 1) as u32;
    }
    let mut end = byte_col;
    while end > 0 && !line.is_char_boundary(end) {
        end -= 1;
    }
    (line[..end].chars().count() + 1) as u32
}
