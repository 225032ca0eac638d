//! String literals and f-strings: adjacent STRING tokens -> `Constant` or `JoinedStr`, after
//! CPython 3.11's `_PyPegen_concatenate_strings` (`Parser/action_helpers.c`) and
//! `Parser/string_parser.c` (`_PyPegen_parsestr`, the `FstringParser`).
//!
//! The pieces: [`escapes`] decodes backslash escapes exactly as the unicode-escape and bytes
//! codecs do; [`fstring`] scans f-strings into literals and replacement fields and hands each
//! field's expression to the parser. This file holds the prefix parsing, the concatenation
//! state (`FstringParser`: the pending literal `last_str`, the finished parts, `fmode`) and
//! the node construction. Node locations follow CPython: the concatenation's node, and every
//! `Constant`/`FormattedValue` part in it, spans the first token's start to the last token's
//! end; `kind='u'` is set when the first token's text starts with a lowercase `u`.
//!
//! Errors CPython raises with `RAISE_SYNTAX_ERROR` (located at the parser's last token) are
//! returned with `lineno` 0 for the parser to place.

mod escapes;
mod fstring;

use std::borrow::Cow;

use crate::ast::{Constant, Expr, ExprKind, Loc, StrValue};
use crate::error::{byte_col_to_char_offset, SyntaxError, SyntaxErrorKind};
use crate::token::Token;

/// A Python `str` under construction. Python strings may hold lone surrogates, which a Rust
/// `String` cannot; the buffer switches to code points on the first one.
#[derive(Clone, Debug, Default)]
pub struct StrBuf {
    utf8: String,
    cps: Option<Vec<u32>>,
}

impl StrBuf {
    pub fn with_capacity(n: usize) -> Self {
        StrBuf {
            utf8: String::with_capacity(n),
            cps: None,
        }
    }

    /// From UTF-8 bytes of the source (always valid: the source is a `str`).
    pub fn from_utf8_bytes(b: &[u8]) -> Self {
        StrBuf {
            utf8: String::from_utf8_lossy(b).into_owned(),
            cps: None,
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.cps {
            Some(v) => v.is_empty(),
            None => self.utf8.is_empty(),
        }
    }

    pub fn push_cp(&mut self, cp: u32) {
        if let Some(v) = &mut self.cps {
            v.push(cp);
            return;
        }
        match char::from_u32(cp) {
            Some(c) => self.utf8.push(c),
            None => {
                let mut v: Vec<u32> = self.utf8.chars().map(u32::from).collect();
                v.push(cp);
                self.cps = Some(v);
            }
        }
    }

    pub fn append(&mut self, other: StrBuf) {
        match (&mut self.cps, other.cps) {
            (None, None) => self.utf8.push_str(&other.utf8),
            (Some(v), None) => v.extend(other.utf8.chars().map(u32::from)),
            (_, Some(ov)) => {
                for cp in ov {
                    self.push_cp(cp);
                }
            }
        }
    }

    pub fn into_value(self) -> StrValue {
        match self.cps {
            Some(v) => StrValue::CodePoints(v),
            None => StrValue::Utf8(self.utf8),
        }
    }
}

/// A syntax error for the parser to place at its last token (`RAISE_SYNTAX_ERROR`).
fn unplaced(msg: impl Into<String>) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, 0, 0)
}

/// `warn_invalid_escape_sequence`: a `DeprecationWarning` for the first invalid escape of the
/// literal just decoded from token `t`, or, should the warning be an error, a `SyntaxError` at
/// `t`.
fn warn_invalid_escape(src: &str, t: &Token) {
    if let Some(escape) = escapes::take_first_invalid() {
        let msg = escapes::invalid_escape_message(&escape);
        crate::error::warn(crate::error::ParseWarning {
            category: crate::error::WarningCategory::Deprecation,
            lineno: t.lineno,
            as_error: at_token(src, t, &msg),
            on_current_line: t.end_lineno == t.lineno,
            msg,
        });
    }
}

/// A syntax error located at token `t` (CPython 3.11 reports "bytes can only contain ASCII
/// literal characters" at the offending token, not at the parser's last token).
fn at_token(src: &str, t: &Token, msg: &str) -> SyntaxError {
    let line_at = |pos: u32, col: u32| -> &str {
        let start = pos.saturating_sub(col) as usize;
        let start = if src.is_char_boundary(start) {
            start
        } else {
            0
        };
        let rest = src.get(start..).unwrap_or("");
        rest.split('\n').next().unwrap_or("")
    };
    let mut e = SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        msg,
        t.lineno,
        byte_col_to_char_offset(line_at(t.start, t.col_offset), t.col_offset as usize),
    );
    e.end_lineno = t.end_lineno;
    e.end_offset =
        byte_col_to_char_offset(line_at(t.end, t.end_col_offset), t.end_col_offset as usize);
    e
}

/// The text of a token as CPython's tokenizer would hold it: newlines translated to `\n`.
fn token_text<'a>(src: &'a str, t: &Token) -> Cow<'a, [u8]> {
    let start = (t.start as usize).min(src.len());
    let end = (t.end as usize).clamp(start, src.len());
    let b = &src.as_bytes()[start..end];
    if !b.contains(&b'\r') {
        return Cow::Borrowed(b);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' {
            out.push(b'\n');
            if i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    Cow::Owned(out)
}

fn span(first: &Token, last: &Token) -> Loc {
    Loc::new(
        first.lineno,
        first.col_offset,
        last.end_lineno,
        last.end_col_offset,
    )
}

/// What `_PyPegen_parsestr` finds in one token: its modes and the range of its body (between
/// the quotes) in the token's text.
struct StrPrefix {
    bytesmode: bool,
    rawmode: bool,
    fmode: bool,
    body_start: usize,
    body_end: usize,
}

fn parse_prefix(text: &[u8]) -> Result<StrPrefix, SyntaxError> {
    let mut p = StrPrefix {
        bytesmode: false,
        rawmode: false,
        fmode: false,
        body_start: 0,
        body_end: 0,
    };
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'b' | b'B' => p.bytesmode = true,
            b'u' | b'U' => {}
            b'r' | b'R' => p.rawmode = true,
            b'f' | b'F' => p.fmode = true,
            _ => break,
        }
        i += 1;
    }
    let quote = text.get(i).copied().unwrap_or(0);
    let bad = || unplaced("bad string token");
    if quote != b'\'' && quote != b'"' {
        return Err(bad());
    }
    let mut start = i + 1;
    let mut end = text.len();
    if end < start + 1 || text[end - 1] != quote {
        return Err(bad());
    }
    end -= 1;
    if end - start >= 4 && text[start] == quote && text[start + 1] == quote {
        start += 2;
        if text[end - 1] != quote || text[end - 2] != quote {
            return Err(bad());
        }
        end -= 2;
    }
    p.body_start = start;
    p.body_end = end;
    Ok(p)
}

/// The concatenation state of `_PyPegen_FstringParser_*`: the literal text not yet turned
/// into a node, the parts made so far, and whether any f-string was seen.
#[derive(Default)]
struct FstringParser {
    last_str: Option<StrBuf>,
    fmode: bool,
    exprs: Vec<Expr>,
}

impl FstringParser {
    /// `_PyPegen_FstringParser_ConcatAndDel`: empty strings are dropped.
    fn concat(&mut self, s: StrBuf) {
        if s.is_empty() {
            return;
        }
        match &mut self.last_str {
            Some(last) => last.append(s),
            None => self.last_str = Some(s),
        }
    }
}

/// Shared context of one concatenation: the source and the outer tokens.
struct Ctx<'a> {
    src: &'a str,
    filename: &'a str,
    first: &'a Token,
    last: &'a Token,
}

impl Ctx<'_> {
    /// `make_str_node_and_del`: a `Constant` str spanning `first`..`last`, `kind='u'` when
    /// `first`'s text starts with `u`.
    fn make_str_node(&self, s: StrBuf, first: &Token, last: &Token) -> Expr {
        let u = self.src.as_bytes().get(first.start as usize) == Some(&b'u');
        Expr {
            loc: span(first, last),
            kind: ExprKind::Constant {
                value: Constant::Str(s.into_value()),
                kind: u.then(|| "u".to_string()),
            },
        }
    }

    /// `_PyPegen_FstringParser_Finish`.
    fn finish(&self, mut state: FstringParser, first: &Token, last: &Token) -> Expr {
        if !state.fmode {
            let s = state.last_str.take().unwrap_or_default();
            return self.make_str_node(s, first, last);
        }
        if let Some(s) = state.last_str.take() {
            let node = self.make_str_node(s, first, last);
            state.exprs.push(node);
        }
        Expr {
            loc: span(first, last),
            kind: ExprKind::JoinedStr {
                values: state.exprs,
            },
        }
    }
}

/// Builds the `Constant` or `JoinedStr` for one or more adjacent STRING tokens. `src` is the
/// source the tokens index into (their positions are already final). An error whose `lineno`
/// is 0 is to be placed by the parser at its last token, as CPython's `RAISE_SYNTAX_ERROR`.
pub fn concatenate_strings(
    src: &str,
    filename: &str,
    tokens: &[Token],
) -> Result<Expr, SyntaxError> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Err(unplaced("bad string token"));
    };
    let ctx = Ctx {
        src,
        filename,
        first,
        last,
    };
    let mut bytesmode = false;
    let mut bytes_str: Vec<u8> = Vec::new();
    let mut state = FstringParser::default();
    for (i, t) in tokens.iter().enumerate() {
        let text = token_text(src, t);
        let p = parse_prefix(&text)?;
        let body = &text[p.body_start..p.body_end];
        if p.fmode {
            if i != 0 && bytesmode {
                return Err(unplaced("cannot mix bytes and nonbytes literals"));
            }
            bytesmode = false;
            let mut pos = p.body_start;
            fstring::concat_fstring(
                &ctx, &mut state, &text, &mut pos, p.body_end, p.rawmode, 0, t,
            )?;
            continue;
        }
        let raw = p.rawmode || !body.contains(&b'\\');
        if p.bytesmode {
            // `_PyPegen_parsestr` checks the text up to its end (closing quotes included).
            if !text[p.body_start..].is_ascii() {
                return Err(at_token(
                    src,
                    t,
                    "bytes can only contain ASCII literal characters",
                ));
            }
            let value = if raw {
                body.to_vec()
            } else {
                let v = escapes::decode_bytes_with_escapes(body).map_err(unplaced)?;
                warn_invalid_escape(src, t);
                v
            };
            if i != 0 && !bytesmode {
                return Err(unplaced("cannot mix bytes and nonbytes literals"));
            }
            bytesmode = true;
            bytes_str.extend_from_slice(&value);
        } else {
            let value = if raw {
                StrBuf::from_utf8_bytes(body)
            } else {
                let v = escapes::decode_unicode_with_escapes(body).map_err(unplaced)?;
                warn_invalid_escape(src, t);
                v
            };
            if i != 0 && bytesmode {
                return Err(unplaced("cannot mix bytes and nonbytes literals"));
            }
            bytesmode = false;
            state.concat(value);
        }
    }
    if bytesmode {
        return Ok(Expr {
            loc: span(first, last),
            kind: ExprKind::Constant {
                value: Constant::Bytes(bytes_str),
                kind: None,
            },
        });
    }
    Ok(ctx.finish(state, first, last))
}

#[cfg(test)]
mod tests;
