//! The tokenizer, after CPython 3.11's `Parser/tokenizer.c` (the string-input path that
//! `compile(bytes)` and `ast.parse(bytes)` take): source decoding lives in [`decode`], the
//! token loop (`tok_get`) here, identifier and printability tables in [`unicode_ident`].
//!
//! The tokenizer walks the bytes of an already decoded, newline-translated `&str` exactly as
//! `tok_nextc`/`tok_backup` do: a line is "entered" (line number and `line_start` advance)
//! only when its first byte is read, so positions and error locations come out as CPython's.
//! Tokens are produced lazily, one per [`Tokenizer::next_token`] call, without allocation.
//!
//! Positions: `lineno` is 1-based, columns are 0-based UTF-8 byte offsets from the start of the
//! line, as pegen's tokens carry them. Where CPython's token has no position (INDENT, DEDENT and
//! ENDMARKER get `col_offset == -1` in pegen), ours carries the position pegen falls back to in
//! `_PyPegen_raise_error` (`tok->cur - line_start` when the token was produced), with
//! `start == end`. A NEWLINE token spans from the start of a trailing comment (if any, as in
//! CPython) to the `\n`, excluding it.
//!
//! Errors: CPython raises some errors in the tokenizer itself (`syntaxerror()`: bad numbers,
//! unterminated strings, bad characters, bracket mismatches) and reports others with a `done`
//! code that pegen's `_Pypegen_tokenizer_error` turns into an exception (E_EOF, E_DEDENT,
//! E_TABSPACE, E_TOODEEP, E_LINECONT). [`Tokenizer::next_token`] returns the final exception for
//! both; [`Tokenizer::raised_by_tokenizer`] tells which kind it was, which the parser needs for
//! `_PyPegen_tokenize_full_source_to_check_for_errors`: there only tokenizer-raised errors
//! replace the parser's error, and for the others, if brackets are still open
//! ([`Tokenizer::open_brackets`] non-empty) and the parser's error line is after the line of the
//! innermost open bracket, `'(' was never closed` is raised instead. The unclosed-bracket case
//! itself (EOF inside brackets) is recognisable as `!raised_by_tokenizer()` with
//! `!open_brackets().is_empty()`.

mod codec_tables;
mod codecs;
pub mod decode;
pub mod unicode_ident;

#[cfg(test)]
mod tests;

pub use decode::decode_source;

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{TokKind, Token};

/// `EOF` as `tok_nextc` returns it.
const EOF: i32 = -1;
/// CPython's `MAXINDENT`: the indentation stack depth.
const MAXINDENT: usize = 100;
/// CPython's `MAXLEVEL`: the bracket nesting depth.
const MAXLEVEL: usize = 200;
/// `tok->tabsize` and `ALTTABSIZE`.
const TABSIZE: u32 = 8;
const ALTTABSIZE: u32 = 1;

/// Produces tokens one at a time, as the parser asks for them.
pub struct Tokenizer<'a> {
    src: &'a str,
    /// The source bytes; cut at the first NUL when the line reader meets it (CPython's
    /// `strchr`-based reader stops there).
    buf: &'a [u8],
    /// `tok->cur`: the next byte to read.
    cur: usize,
    /// `tok->inp`: the end of the line entered last (just past its `\n`).
    inp: usize,
    /// `tok->line_start`: the start of the line entered last.
    line_start: usize,
    /// `tok->lineno`: the number of the line entered last.
    lineno: u32,
    /// `tok->done == E_EOF`: the input is exhausted.
    at_eof: bool,
    /// `tok->atbol`: at the beginning of a line (indentation to be measured).
    atbol: bool,
    /// `tok->pendin`: pending INDENT (> 0) or DEDENT (< 0) tokens.
    pendin: i32,
    /// `tok->indstack`/`tok->altindstack` (index 0 is the outermost level, column 0).
    indstack: Vec<u32>,
    altindstack: Vec<u32>,
    /// `tok->parenstack`, `parenlinenostack`, `parencolstack`.
    parens: Vec<(u8, u32, u32)>,
    /// `tok->start`: the start of the token being read.
    start: usize,
    /// `tok->first_lineno`/`multi_line_start`: where the current string token began.
    first_lineno: u32,
    multi_line_start: usize,
    /// Set once an ENDMARKER or an error has been returned: returned again ever after.
    finished: Option<Result<Token, SyntaxError>>,
    /// Whether the error in `finished` was raised by CPython's tokenizer itself (E_ERROR).
    error_by_tokenizer: bool,
}

/// Whether `c` may start an identifier (`is_potential_identifier_start`).
#[inline]
fn is_potential_identifier_start(c: i32) -> bool {
    (c >= b'a' as i32 && c <= b'z' as i32)
        || (c >= b'A' as i32 && c <= b'Z' as i32)
        || c == b'_' as i32
        || c >= 128
}

/// Which bytes may continue an identifier: ASCII letters, digits, `_` and every byte >= 128.
static IDENT_CHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphanumeric() || b == b'_' || b >= 128;
        i += 1;
    }
    t
};

/// Whether `c` may continue an identifier (`is_potential_identifier_char`).
#[inline]
fn is_potential_identifier_char(c: i32) -> bool {
    (0..256).contains(&c) && IDENT_CHAR[c as usize]
}

#[inline]
fn is_digit(c: i32) -> bool {
    c >= b'0' as i32 && c <= b'9' as i32
}

#[inline]
fn is_xdigit(c: i32) -> bool {
    is_digit(c) || (c >= b'a' as i32 && c <= b'f' as i32) || (c >= b'A' as i32 && c <= b'F' as i32)
}

/// The index of the first `\n` or NUL byte in `s`, scanning eight bytes at a time.
#[inline]
fn find_line_end(s: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const NL: u64 = LO * b'\n' as u64;
    let mut i = 0;
    while i + 8 <= s.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&s[i..i + 8]);
        let x = u64::from_le_bytes(word);
        let y = x ^ NL;
        // A zero byte in x or y sets its high bit here (exact for the lowest such byte).
        let found = (x.wrapping_sub(LO) & !x & HI) | (y.wrapping_sub(LO) & !y & HI);
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    s[i..]
        .iter()
        .position(|&b| b == b'\n' || b == 0)
        .map(|k| i + k)
}

/// Number of characters in `bytes` as a lossy UTF-8 decode counts them (continuation bytes
/// do not start a character).
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// The hard keyword an identifier spells, if any (`_get_keyword_or_name_type`).
#[inline]
fn keyword_kind(name: &[u8]) -> Option<TokKind> {
    use TokKind::*;
    let kw = match name.len() {
        2 => match name {
            b"as" => As,
            b"if" => If,
            b"in" => In,
            b"is" => Is,
            b"or" => Or,
            _ => return Option::None,
        },
        3 => match name {
            b"and" => And,
            b"def" => Def,
            b"del" => Del,
            b"for" => For,
            b"not" => Not,
            b"try" => Try,
            _ => return Option::None,
        },
        4 => match name {
            b"None" => None,
            b"True" => True,
            b"elif" => Elif,
            b"else" => Else,
            b"from" => From,
            b"pass" => Pass,
            b"with" => With,
            _ => return Option::None,
        },
        5 => match name {
            b"False" => False,
            b"async" => Async,
            b"await" => Await,
            b"break" => Break,
            b"class" => Class,
            b"raise" => Raise,
            b"while" => While,
            b"yield" => Yield,
            _ => return Option::None,
        },
        6 => match name {
            b"assert" => Assert,
            b"except" => Except,
            b"global" => Global,
            b"import" => Import,
            b"lambda" => Lambda,
            b"return" => Return,
            _ => return Option::None,
        },
        7 => match name {
            b"finally" => Finally,
            _ => return Option::None,
        },
        8 => match name {
            b"continue" => Continue,
            b"nonlocal" => Nonlocal,
            _ => return Option::None,
        },
        _ => return Option::None,
    };
    Some(kw)
}

/// The kind of a one-character operator (`PyToken_OneChar`); unknown characters are `OP`,
/// which is [`TokKind::Exclamation`] (number 54) here, as `!` is in 3.11.
fn one_char(c: u8) -> TokKind {
    use TokKind::*;
    match c {
        b'%' => Percent,
        b'&' => Amper,
        b'(' => Lpar,
        b')' => Rpar,
        b'*' => Star,
        b'+' => Plus,
        b',' => Comma,
        b'-' => Minus,
        b'.' => Dot,
        b'/' => Slash,
        b':' => Colon,
        b';' => Semi,
        b'<' => Less,
        b'=' => Equal,
        b'>' => Greater,
        b'@' => At,
        b'[' => Lsqb,
        b']' => Rsqb,
        b'^' => Circumflex,
        b'{' => Lbrace,
        b'|' => Vbar,
        b'}' => Rbrace,
        b'~' => Tilde,
        _ => Exclamation,
    }
}

/// The kind of a two-character operator (`PyToken_TwoChars`), if `c1 c2` is one.
fn two_chars(c1: u8, c2: i32) -> Option<TokKind> {
    use TokKind::*;
    if !(0..128).contains(&c2) {
        return Option::None;
    }
    Some(match (c1, c2 as u8) {
        (b'!', b'=') => NotEqual,
        (b'%', b'=') => PercentEqual,
        (b'&', b'=') => AmperEqual,
        (b'*', b'*') => DoubleStar,
        (b'*', b'=') => StarEqual,
        (b'+', b'=') => PlusEqual,
        (b'-', b'=') => MinEqual,
        (b'-', b'>') => Rarrow,
        (b'/', b'/') => DoubleSlash,
        (b'/', b'=') => SlashEqual,
        (b':', b'=') => ColonEqual,
        (b'<', b'<') => LeftShift,
        (b'<', b'=') => LessEqual,
        (b'<', b'>') => NotEqual,
        (b'=', b'=') => EqEqual,
        (b'>', b'=') => GreaterEqual,
        (b'>', b'>') => RightShift,
        (b'@', b'=') => AtEqual,
        (b'^', b'=') => CircumflexEqual,
        (b'|', b'=') => VbarEqual,
        _ => return Option::None,
    })
}

/// The kind of a three-character operator (`PyToken_ThreeChars`), if `c1 c2 c3` is one.
fn three_chars(c1: u8, c2: i32, c3: i32) -> Option<TokKind> {
    use TokKind::*;
    let eq = c3 == b'=' as i32;
    Some(match (c1, c2) {
        (b'*', 42) if eq => DoubleStarEqual,
        (b'.', 46) if c3 == b'.' as i32 => Ellipsis,
        (b'/', 47) if eq => DoubleSlashEqual,
        (b'<', 60) if eq => LeftShiftEqual,
        (b'>', 62) if eq => RightShiftEqual,
        _ => return Option::None,
    })
}

/// What `tok_get` produced: a token kind with its byte span, or an error already built.
type TokResult = Result<(TokKind, usize, usize), SyntaxError>;

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            buf: src.as_bytes(),
            cur: 0,
            inp: 0,
            line_start: 0,
            lineno: 0,
            at_eof: false,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            parens: Vec::new(),
            start: 0,
            first_lineno: 0,
            multi_line_start: 0,
            finished: None,
            error_by_tokenizer: false,
        }
    }

    /// The source text the tokenizer was given.
    pub fn source(&self) -> &'a str {
        self.src
    }

    /// Brackets open at this point, innermost last: (bracket byte, lineno, col_offset).
    pub fn open_brackets(&self) -> &[(u8, u32, u32)] {
        &self.parens
    }

    /// After an error: whether CPython's tokenizer raised it itself (`syntaxerror()`,
    /// `tok->done == E_ERROR`) rather than pegen from a `done` code (EOF inside brackets or
    /// after a backslash, bad dedent, tab/space mix, too deep indentation, character after a
    /// line continuation). See the module comment for why the parser needs this.
    pub fn raised_by_tokenizer(&self) -> bool {
        self.error_by_tokenizer
    }

    /// The next token, or the syntax error CPython's tokenizer raises at this point.
    /// After `EndMarker` (or an error) it keeps returning the same.
    #[inline(always)]
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        if let Some(done) = &self.finished {
            return done.clone();
        }
        let result = match self.tok_get() {
            Ok((kind, start, end)) => {
                let (lineno, line_start) = if kind == TokKind::String {
                    (self.first_lineno, self.multi_line_start)
                } else {
                    (self.lineno, self.line_start)
                };
                let tok = Token {
                    kind,
                    start: start as u32,
                    end: end as u32,
                    lineno,
                    col_offset: start.saturating_sub(line_start) as u32,
                    end_lineno: self.lineno,
                    end_col_offset: end.saturating_sub(self.line_start) as u32,
                };
                if kind != TokKind::EndMarker {
                    return Ok(tok);
                }
                Ok(tok)
            }
            Err(e) => Err(e),
        };
        self.finished = Some(result.clone());
        result
    }

    // ----- reading bytes (tok_nextc / tok_backup) -----

    /// `tok_nextc`: the next byte, entering the next line when the current one is used up.
    #[inline]
    fn next_c(&mut self) -> i32 {
        if self.cur != self.inp {
            let c = self.buf[self.cur];
            self.cur += 1;
            return c as i32;
        }
        self.underflow()
    }

    #[cold]
    fn underflow(&mut self) -> i32 {
        if self.at_eof || self.inp >= self.buf.len() {
            self.at_eof = true;
            self.cur = self.inp;
            return EOF;
        }
        let end = match find_line_end(&self.buf[self.inp..]) {
            Some(i) if self.buf[self.inp + i] == b'\n' => self.inp + i + 1,
            Some(i) => {
                // A NUL: the input ends here.
                self.buf = &self.buf[..self.inp + i];
                if i == 0 {
                    self.at_eof = true;
                    self.cur = self.inp;
                    return EOF;
                }
                self.buf.len()
            }
            None => self.buf.len(),
        };
        self.line_start = self.cur;
        self.lineno += 1;
        self.inp = end;
        let c = self.buf[self.cur];
        self.cur += 1;
        c as i32
    }

    /// `tok_backup`: un-read `c` (nothing for EOF).
    #[inline]
    fn backup(&mut self, c: i32) {
        if c != EOF {
            debug_assert!(self.cur > 0 && self.buf[self.cur - 1] as i32 == c);
            self.cur -= 1;
        }
    }

    /// The byte at `cur + ahead` within the current line, if any (a peek that reads nothing).
    #[inline]
    fn peek(&self, ahead: usize) -> i32 {
        let i = self.cur + ahead;
        if i < self.inp {
            self.buf[i] as i32
        } else {
            EOF
        }
    }

    // ----- errors -----

    /// `syntaxerror()`: an error raised by the tokenizer itself, located at `tok->cur`.
    fn syntax_error(&mut self, msg: impl Into<String>) -> SyntaxError {
        let end = self.cur.max(self.line_start).min(self.buf.len());
        let col = char_count(&self.buf[self.line_start..end]) as u32;
        self.error_by_tokenizer = true;
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: self.lineno,
            offset: col,
            end_lineno: self.lineno,
            end_offset: col,
            text_newline: false,
        }
    }

    /// `syntaxerror_known_range()`: raw byte columns, as CPython passes them.
    fn syntax_error_range(&mut self, msg: &str, col: u32, end_col: u32) -> SyntaxError {
        self.error_by_tokenizer = true;
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: self.lineno,
            offset: col,
            end_lineno: self.lineno,
            end_offset: end_col,
            text_newline: false,
        }
    }

    /// An error pegen raises from a `done` code with `RAISE_ERROR_KNOWN_LOCATION(p, type,
    /// tok->lineno, col, tok->lineno, -1, msg)`.
    fn done_error(&mut self, kind: SyntaxErrorKind, msg: &str, col_offset: u32) -> SyntaxError {
        self.error_by_tokenizer = false;
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: self.lineno,
            offset: col_offset + 1,
            end_lineno: self.lineno,
            end_offset: 0,
            text_newline: true,
        }
    }

    /// An error pegen raises with `RAISE_SYNTAX_ERROR`/`RAISE_INDENTATION_ERROR` while the
    /// error token (which has no position) is its last token: located at `tok->cur`, in bytes.
    fn done_error_at_cur(&mut self, kind: SyntaxErrorKind, msg: &str) -> SyntaxError {
        self.error_by_tokenizer = false;
        let col = self.cur.saturating_sub(self.line_start) as u32;
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: self.lineno,
            offset: col,
            end_lineno: self.lineno,
            end_offset: 0,
            text_newline: true,
        }
    }

    /// E_TABSPACE (`indenterror`).
    fn indent_error(&mut self) -> SyntaxError {
        self.cur = self.inp;
        self.done_error(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            0,
        )
    }

    /// E_EOF: end of input inside brackets (`raise_unclosed_parentheses_error`) or after a
    /// backslash.
    fn eof_error(&mut self) -> SyntaxError {
        if let Some(&(c, lineno, col)) = self.parens.last() {
            self.error_by_tokenizer = false;
            SyntaxError {
                kind: SyntaxErrorKind::SyntaxError,
                msg: format!("'{}' was never closed", c as char),
                lineno,
                offset: col + 1,
                end_lineno: lineno,
                end_offset: crate::error::END_OFFSET_ZERO,
                text_newline: true,
            }
        } else {
            self.done_error_at_cur(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing")
        }
    }

    /// `tok_continuation_line`: after a backslash, the newline and the next line's first byte.
    fn continuation_line(&mut self) -> Result<i32, SyntaxError> {
        let c = self.next_c();
        if c != b'\n' as i32 {
            // E_LINECONT: pegen locates it at `tok->cur - tok->buf - 1`.
            let col = self.cur.saturating_sub(self.line_start + 1) as u32;
            return Err(self.done_error(
                SyntaxErrorKind::SyntaxError,
                "unexpected character after line continuation character",
                col,
            ));
        }
        let c = self.next_c();
        if c == EOF {
            self.cur = self.inp;
            return Err(self.eof_error());
        }
        self.backup(c);
        Ok(c)
    }

    // ----- the token loop (tok_get) -----

    fn tok_get(&mut self) -> TokResult {
        let mut c;
        let mut blankline;
        'nextline: loop {
            blankline = false;
            if self.atbol {
                self.indentation(&mut blankline)?;
            }
            self.start = self.cur;
            if self.pendin != 0 {
                let kind = if self.pendin < 0 {
                    self.pendin += 1;
                    TokKind::Dedent
                } else {
                    self.pendin -= 1;
                    TokKind::Indent
                };
                return Ok((kind, self.cur, self.cur));
            }
            'again: loop {
                // Skip spaces.
                loop {
                    c = self.next_c();
                    if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                        break;
                    }
                }
                self.start = if c == EOF { self.cur } else { self.cur - 1 };

                // Skip a comment.
                if c == b'#' as i32 {
                    let line = &self.buf[self.cur..self.inp];
                    match line.iter().position(|&b| b == b'\n') {
                        Some(i) => {
                            self.cur += i + 1;
                            c = b'\n' as i32;
                        }
                        None => {
                            self.cur = self.inp;
                            c = self.next_c();
                            debug_assert_eq!(c, EOF);
                        }
                    }
                }

                if c == EOF {
                    if !self.parens.is_empty() {
                        return Err(self.eof_error());
                    }
                    return Ok((TokKind::EndMarker, self.cur, self.cur));
                }

                // Identifier (most frequent token!), or a string with a prefix.
                if is_potential_identifier_start(c) {
                    return self.identifier_or_prefixed_string(c);
                }

                // Newline.
                if c == b'\n' as i32 {
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        continue 'nextline;
                    }
                    return Ok((TokKind::Newline, self.start, self.cur - 1));
                }

                // Period or number starting with a period?
                if c == b'.' as i32 {
                    c = self.next_c();
                    if is_digit(c) {
                        self.fraction(c)?;
                        return Ok((TokKind::Number, self.start, self.cur));
                    } else if c == b'.' as i32 {
                        c = self.next_c();
                        if c == b'.' as i32 {
                            return Ok((TokKind::Ellipsis, self.start, self.cur));
                        }
                        self.backup(c);
                        self.backup(b'.' as i32);
                    } else {
                        self.backup(c);
                    }
                    return Ok((TokKind::Dot, self.start, self.cur));
                }

                // Number.
                if is_digit(c) {
                    self.number(c)?;
                    return Ok((TokKind::Number, self.start, self.cur));
                }

                // String.
                if c == b'\'' as i32 || c == b'"' as i32 {
                    return self.string(c);
                }

                // Line continuation.
                if c == b'\\' as i32 {
                    self.continuation_line()?;
                    continue 'again;
                }
                break 'again;
            }
            break 'nextline;
        }
        self.operator(c as u8)
    }

    /// Measures the indentation of a new line and queues INDENT/DEDENT tokens (the `atbol`
    /// part of `tok_get`). Sets `blankline` for lines holding only blanks and a comment.
    fn indentation(&mut self, blankline: &mut bool) -> Result<(), SyntaxError> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        self.atbol = false;
        let mut cont_line_col: u32 = 0;
        let mut c;
        loop {
            c = self.next_c();
            if c == b' ' as i32 {
                col += 1;
                altcol += 1;
            } else if c == b'\t' as i32 {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
            } else if c == 0x0c {
                col = 0;
                altcol = 0;
            } else if c == b'\\' as i32 {
                // Indentation cannot be split over lines with backslashes: the first
                // backslash found determines the level.
                if cont_line_col == 0 {
                    cont_line_col = col;
                }
                self.continuation_line()?;
            } else {
                break;
            }
        }
        self.backup(c);
        if c == b'#' as i32 || c == b'\n' as i32 {
            *blankline = true;
        }
        if !*blankline && self.parens.is_empty() {
            if cont_line_col != 0 {
                col = cont_line_col;
                altcol = cont_line_col;
            }
            let top = self.indstack.len() - 1;
            if col == self.indstack[top] {
                if altcol != self.altindstack[top] {
                    return Err(self.indent_error());
                }
            } else if col > self.indstack[top] {
                if top + 1 >= MAXINDENT {
                    self.cur = self.inp;
                    return Err(self.done_error(
                        SyntaxErrorKind::IndentationError,
                        "too many levels of indentation",
                        0,
                    ));
                }
                if altcol <= self.altindstack[top] {
                    return Err(self.indent_error());
                }
                self.pendin += 1;
                self.indstack.push(col);
                self.altindstack.push(altcol);
            } else {
                while self.indstack.len() > 1 && col < self.indstack[self.indstack.len() - 1] {
                    self.pendin -= 1;
                    self.indstack.pop();
                    self.altindstack.pop();
                }
                let top = self.indstack.len() - 1;
                if col != self.indstack[top] {
                    self.cur = self.inp;
                    return Err(self.done_error_at_cur(
                        SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                    ));
                }
                if altcol != self.altindstack[top] {
                    return Err(self.indent_error());
                }
            }
        }
        Ok(())
    }

    /// A name (keyword or identifier), or a string literal with a prefix (`b`, `r`, `u`, `f`
    /// and their legal combinations).
    fn identifier_or_prefixed_string(&mut self, first: i32) -> TokResult {
        let mut c = first;
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            let b = c as u8 | 0x20; // ASCII lower case (harmless for other bytes: checked below)
            if c >= 128 {
                break;
            }
            if !(saw_b || saw_u || saw_f) && b == b'b' {
                saw_b = true;
            } else if !(saw_b || saw_u || saw_r || saw_f) && b == b'u' {
                saw_u = true;
            } else if !(saw_r || saw_u) && b == b'r' {
                saw_r = true;
            } else if !(saw_f || saw_b || saw_u) && b == b'f' {
                saw_f = true;
            } else {
                break;
            }
            c = self.next_c();
            if c == b'"' as i32 || c == b'\'' as i32 {
                return self.string(c);
            }
        }
        let mut nonascii = c >= 128;
        if is_potential_identifier_char(c) {
            // The rest of the name, within the current line (a name never holds a '\n').
            let mut i = self.cur;
            while i < self.inp {
                let b = self.buf[i];
                if !IDENT_CHAR[b as usize] {
                    break;
                }
                nonascii |= b >= 128;
                i += 1;
            }
            self.cur = i;
        } else {
            self.backup(c);
        }
        if nonascii {
            self.verify_identifier()?;
        }
        let kind = keyword_kind(&self.buf[self.start..self.cur]).unwrap_or(TokKind::Name);
        Ok((kind, self.start, self.cur))
    }

    /// `verify_identifier`: a name with non-ASCII characters must be XID_Start XID_Continue*.
    fn verify_identifier(&mut self) -> Result<(), SyntaxError> {
        let bytes = &self.buf[self.start..self.cur];
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            // Cannot happen for text that came from a &str, cut at ASCII bytes.
            Err(_) => return Err(self.syntax_error("invalid character")),
        };
        let mut bad = None;
        for (i, ch) in text.char_indices() {
            let ok = if i == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !ok {
                bad = Some((i, ch));
                break;
            }
        }
        if let Some((i, ch)) = bad {
            self.cur = self.start + i + ch.len_utf8();
            let msg = if unicode_ident::is_printable(ch) {
                format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", ch as u32)
            };
            return Err(self.syntax_error(msg));
        }
        Ok(())
    }

    /// A string literal whose opening quote `quote` has just been read (`letter_quote`).
    fn string(&mut self, quote: i32) -> TokResult {
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut c = self.next_c();
        if c == quote {
            c = self.next_c();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1; // empty string found
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            // Fast path: skip ordinary bytes of the current line.
            let q = quote as u8;
            while self.cur < self.inp {
                let b = self.buf[self.cur];
                if b == q || b == b'\\' || b == b'\n' {
                    break;
                }
                self.cur += 1;
                end_quote_size = 0;
            }
            c = self.next_c();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                let detected_at = self.lineno;
                self.cur = self.start + 1;
                self.line_start = self.multi_line_start;
                self.lineno = self.first_lineno;
                let msg = if quote_size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {detected_at})")
                } else {
                    format!("unterminated string literal (detected at line {detected_at})")
                };
                return Err(self.syntax_error(msg));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.next_c(); // skip the escaped character
                }
            }
        }
        Ok((TokKind::String, self.start, self.cur))
    }

    // ----- numbers -----

    /// `tok_decimal_tail`: digits with single underscores between them; returns the byte after.
    fn decimal_tail(&mut self) -> Result<i32, SyntaxError> {
        loop {
            let mut c;
            loop {
                c = self.next_c();
                if !is_digit(c) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.next_c();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal"));
            }
        }
    }

    /// `verify_end_of_number`: a number must not run into a name, except for the keywords
    /// that may follow a number in valid code (CPython only warns for those).
    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), SyntaxError> {
        let followed_by = |s: &[u8]| -> bool {
            for (k, &b) in s.iter().enumerate() {
                if self.peek(k) != b as i32 {
                    return false;
                }
            }
            !is_potential_identifier_char(self.peek(s.len()))
        };
        let keyword = match c {
            0x61 => followed_by(b"nd"),  // and
            0x65 => followed_by(b"lse"), // else
            0x66 => followed_by(b"or"),  // for
            0x69 => {
                // if, in, is
                let c2 = self.peek(0);
                c2 == b'f' as i32 || c2 == b'n' as i32 || c2 == b's' as i32
            }
            0x6f => followed_by(b"r"),  // or
            0x6e => followed_by(b"ot"), // not
            _ => false,
        };
        if keyword {
            // CPython issues a SyntaxWarning here and goes on; an error filter turns it into
            // the SyntaxError this position would give.
            self.backup(c);
            let had_error = self.error_by_tokenizer;
            let msg = format!("invalid {kind} literal");
            let as_error = self.syntax_error(msg.clone());
            self.error_by_tokenizer = had_error;
            self.next_c();
            crate::error::warn(crate::error::ParseWarning {
                category: crate::error::WarningCategory::Syntax,
                msg,
                lineno: self.lineno,
                as_error,
                // The tokenizer's own errors show the line without its newline.
                on_current_line: false,
            });
            return Ok(());
        }
        if is_potential_identifier_char(c) {
            self.backup(c);
            return Err(self.syntax_error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// A number whose first digit `c` has just been read.
    fn number(&mut self, first: i32) -> Result<(), SyntaxError> {
        let mut c = first;
        if c != b'0' as i32 {
            c = self.decimal_tail()?;
            if c == b'.' as i32 {
                c = self.next_c();
                return self.fraction(c);
            }
            return self.after_fraction(c);
        }
        c = self.next_c();
        let lower = if (0..128).contains(&c) { c | 0x20 } else { c };
        if lower == b'x' as i32 {
            c = self.next_c();
            loop {
                if c == b'_' as i32 {
                    c = self.next_c();
                }
                if !is_xdigit(c) {
                    self.backup(c);
                    return Err(self.syntax_error("invalid hexadecimal literal"));
                }
                loop {
                    c = self.next_c();
                    if !is_xdigit(c) {
                        break;
                    }
                }
                if c != b'_' as i32 {
                    break;
                }
            }
            self.verify_end_of_number(c, "hexadecimal")?;
        } else if lower == b'o' as i32 || lower == b'b' as i32 {
            let (name, max) = if lower == b'o' as i32 {
                ("octal", b'8' as i32)
            } else {
                ("binary", b'2' as i32)
            };
            c = self.next_c();
            loop {
                if c == b'_' as i32 {
                    c = self.next_c();
                }
                if c < b'0' as i32 || c >= max {
                    if is_digit(c) {
                        return Err(self.syntax_error(format!(
                            "invalid digit '{}' in {name} literal",
                            c as u8 as char
                        )));
                    }
                    self.backup(c);
                    return Err(self.syntax_error(format!("invalid {name} literal")));
                }
                loop {
                    c = self.next_c();
                    if !(c >= b'0' as i32 && c < max) {
                        break;
                    }
                }
                if c != b'_' as i32 {
                    break;
                }
            }
            if is_digit(c) {
                return Err(self.syntax_error(format!(
                    "invalid digit '{}' in {name} literal",
                    c as u8 as char
                )));
            }
            self.verify_end_of_number(c, name)?;
        } else {
            // Maybe an old-style octal; in any case '0' alone is a literal.
            let mut nonzero = false;
            loop {
                if c == b'_' as i32 {
                    c = self.next_c();
                    if !is_digit(c) {
                        self.backup(c);
                        return Err(self.syntax_error("invalid decimal literal"));
                    }
                }
                if c != b'0' as i32 {
                    break;
                }
                c = self.next_c();
            }
            let zeros_end = self.cur;
            if is_digit(c) {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            if c == b'.' as i32 {
                c = self.next_c();
                return self.fraction(c);
            } else if c == b'e' as i32 || c == b'E' as i32 {
                return self.exponent(c);
            } else if c == b'j' as i32 || c == b'J' as i32 {
                return self.imaginary();
            } else if nonzero {
                self.backup(c);
                let col = (self.start + 1 - self.line_start) as u32;
                let end_col = zeros_end.saturating_sub(self.line_start) as u32;
                return Err(self.syntax_error_range(
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers",
                    col,
                    end_col,
                ));
            }
            self.verify_end_of_number(c, "decimal")?;
        }
        self.backup(c);
        Ok(())
    }

    /// The digits after a decimal point (`fraction:`); `c` is the byte after the point.
    fn fraction(&mut self, mut c: i32) -> Result<(), SyntaxError> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.after_fraction(c)
    }

    /// An optional exponent or imaginary suffix after the digits of a decimal number.
    fn after_fraction(&mut self, c: i32) -> Result<(), SyntaxError> {
        if c == b'e' as i32 || c == b'E' as i32 {
            return self.exponent(c);
        }
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(())
    }

    /// The exponent part (`exponent:`); `e` is the `e`/`E` just read.
    fn exponent(&mut self, e: i32) -> Result<(), SyntaxError> {
        let mut c = self.next_c();
        if c == b'+' as i32 || c == b'-' as i32 {
            c = self.next_c();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal"));
            }
        } else if !is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(());
        }
        c = self.decimal_tail()?;
        if c == b'j' as i32 || c == b'J' as i32 {
            return self.imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(())
    }

    /// The imaginary suffix (`imaginary:`), just read.
    fn imaginary(&mut self) -> Result<(), SyntaxError> {
        let c = self.next_c();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(())
    }

    // ----- operators and brackets -----

    /// Operators, brackets (with the nesting checks) and the remaining characters.
    fn operator(&mut self, c: u8) -> TokResult {
        let c2 = self.next_c();
        if let Some(kind) = two_chars(c, c2) {
            let c3 = self.next_c();
            if let Some(kind3) = three_chars(c, c2, c3) {
                return Ok((kind3, self.start, self.cur));
            }
            self.backup(c3);
            return Ok((kind, self.start, self.cur));
        }
        self.backup(c2);
        match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.syntax_error("too many nested parentheses"));
                }
                let col = (self.start - self.line_start) as u32;
                self.parens.push((c, self.lineno, col));
            }
            b')' | b']' | b'}' => {
                let Some((opening, line, _)) = self.parens.pop() else {
                    return Err(self.syntax_error(format!("unmatched '{}'", c as char)));
                };
                let matches = matches!((opening, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    let msg = if line != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, opening as char, line
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, opening as char
                        )
                    };
                    return Err(self.syntax_error(msg));
                }
            }
            _ => {}
        }
        if c < 0x20 || c == 0x7f {
            return Err(self.syntax_error(format!("invalid non-printable character U+{:04X}", c)));
        }
        Ok((one_char(c), self.start, self.cur))
    }
}
