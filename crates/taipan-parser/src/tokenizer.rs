//! STUB (interface only): the tokenizer, after CPython 3.11's `Parser/tokenizer.c`.
use crate::error::SyntaxError;
use crate::token::Token;

/// Turns the raw bytes of a source file into text: UTF-8 BOM, PEP 263 coding cookie on line 1
/// or 2, CPython's errors for undecodable input.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Produces tokens one at a time, as the parser asks for them.
pub struct Tokenizer<'a> {
    src: &'a str,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer { src }
    }

    /// The next token, or the syntax error CPython's tokenizer raises at this point.
    /// After `EndMarker` (or an error) it keeps returning the same.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        let _ = self.src;
        unimplemented!("tokenizer")
    }

    /// Brackets open at this point, innermost last: (bracket byte, lineno, col_offset).
    pub fn open_brackets(&self) -> &[(u8, u32, u32)] {
        &[]
    }
}
