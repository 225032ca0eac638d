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
    /// Whether the `text` CPython gives this error ends with a newline: its parser shows the
    /// line the tokenizer holds when that is the error's line (with the newline the input
    /// has, file input always having one), else, as the tokenizer's own errors do, the line
    /// without it.
    pub text_newline: bool,
}

/// `SyntaxError::end_offset` when CPython reports an end offset of 0 (an error raised at a
/// known location whose end is unknown: `'(' was never closed`); a plain 0 there means no end
/// offset at all, which CPython reports as -1.
pub const END_OFFSET_ZERO: u32 = u32::MAX;

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, lineno: u32, offset: u32) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno: 0,
            end_offset: 0,
            text_newline: true,
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

/// The warning category of a [`ParseWarning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    /// `SyntaxWarning` (a number running into a keyword: `1if x else y`).
    Syntax,
    /// `DeprecationWarning` (an invalid escape sequence in a literal: `"\d"`).
    Deprecation,
}

/// A warning the tokenizer or the string parser issues while parsing. CPython hands each to
/// the warnings machinery at once (`PyErr_WarnExplicitObject`, with the line number); when a
/// filter turns it into an exception, the parser raises `as_error` in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseWarning {
    pub category: WarningCategory,
    pub msg: String,
    pub lineno: u32,
    /// The `SyntaxError` CPython raises instead when the warning is an error.
    pub as_error: SyntaxError,
    /// Whether the error's `text` ends with a newline: CPython's parser shows the line the
    /// tokenizer holds when that is the error's line (its newline included: file input always
    /// ends in one), and otherwise, as the tokenizer's own errors do, the line without it.
    pub on_current_line: bool,
}

thread_local! {
    static WARNINGS: std::cell::RefCell<Vec<ParseWarning>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Records a warning of the parse under way. CPython's second (error-reporting) pass would
/// warn again at the same place; the warnings registry shows it once, and so it is kept once.
pub(crate) fn warn(w: ParseWarning) {
    WARNINGS.with(|ws| {
        let mut ws = ws.borrow_mut();
        if !ws.contains(&w) {
            ws.push(w);
        }
    });
}

/// Forgets the warnings recorded so far (the start of a parse).
pub(crate) fn clear_warnings() {
    WARNINGS.with(|ws| ws.borrow_mut().clear());
}

/// The warnings recorded since the parse started, in order.
pub(crate) fn take_warnings() -> Vec<ParseWarning> {
    WARNINGS.with(|ws| std::mem::take(&mut *ws.borrow_mut()))
}
