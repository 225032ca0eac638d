//! Raising syntax errors, after CPython 3.11's `Parser/pegen_errors.c` and the `RAISE_*`
//! macros of `Parser/pegen.h`.
//!
//! Positions given to the raise functions are CPython's: 1-based lines, 0-based byte columns
//! (the macros add one), with [`CURRENT_POS`] for "where the tokenizer is" and -1 for "none".
//! `_PyPegen_raise_error_known_location` then turns byte columns into character offsets of
//! the source line (`_PyPegen_byte_offset_to_character_offset`), adds the `f-string: ` prefix
//! for f-string expressions and shifts their columns back. `set_syntax_error` is
//! `_Pypegen_set_syntax_error`, with the tokenizer-error priority of
//! `_PyPegen_tokenize_full_source_to_check_for_errors`.

use super::{Parser, StartRule};
use crate::ast::Loc;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::TokKind;

/// pegen's `CURRENT_POS`: the tokenizer's current position.
pub(crate) const CURRENT_POS: i64 = -5;

/// `_PyPegen_byte_offset_to_character_offset`: the number of characters in the first
/// `col_offset` bytes of `line` (a cut multi-byte character counts as one, as the "replace"
/// decoding does; past the end counts one more, as C reads the terminating NUL).
fn byte_offset_to_character_offset(line: &str, col_offset: i64) -> i64 {
    let bytes = line.as_bytes();
    let len = bytes.len() as i64;
    if col_offset > len {
        return line.chars().count() as i64 + 1;
    }
    let n = col_offset.max(0) as usize;
    bytes[..n].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as i64
}

/// Line `lineno` (1-based) of `src`, with its newline.
fn source_line(src: &str, lineno: i64) -> &str {
    if lineno < 1 {
        return "";
    }
    let mut rest = src;
    for _ in 1..lineno {
        match rest.find('\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return "",
        }
    }
    match rest.find('\n') {
        Some(i) => &rest[..=i],
        None => rest,
    }
}

impl Parser<'_> {
    /// `_PyPegen_raise_error_known_location` (after `RAISE_ERROR_KNOWN_LOCATION` added one to
    /// the columns): builds the error, keeping the first one raised... no: the latest, as
    /// `PyErr_SetObject` replaces the pending exception.
    pub(crate) fn raise_known_location_raw(
        &mut self,
        kind: SyntaxErrorKind,
        lineno: i64,
        mut col_offset: i64,
        mut end_lineno: i64,
        mut end_col_offset: i64,
        msg: &str,
    ) {
        if end_lineno == CURRENT_POS || end_col_offset == CURRENT_POS {
            // The tokenizer stands just past the last token read.
            let (l, c) = match self.last_filled() {
                Some(t) => (t.end_lineno as i64, t.end_col_offset as i64),
                None => (1, 0),
            };
            if end_lineno == CURRENT_POS {
                end_lineno = l;
            }
            if end_col_offset == CURRENT_POS {
                end_col_offset = c;
            }
        }
        let msg = if self.start_rule == StartRule::Fstring {
            format!("f-string: {msg}")
        } else {
            msg.to_string()
        };
        let line_src;
        if self.start_rule == StartRule::Fstring {
            let rel = lineno - self.starting_lineno as i64 + 1;
            line_src = source_line(self.src, rel);
            col_offset -= self.starting_col_offset as i64;
            end_col_offset -= self.starting_col_offset as i64;
        } else {
            line_src = source_line(self.src, lineno);
        }
        let col_number = byte_offset_to_character_offset(line_src, col_offset);
        let mut end_col_number = end_col_offset;
        if end_col_number > 0 {
            let end_line = if end_lineno == lineno || self.start_rule == StartRule::Fstring {
                line_src
            } else {
                source_line(self.src, end_lineno)
            };
            end_col_number = byte_offset_to_character_offset(end_line, end_col_number);
        }
        let clamp = |v: i64| if v < 0 { 0 } else { v as u32 };
        self.error = Some(SyntaxError {
            kind,
            msg,
            lineno: clamp(lineno),
            offset: clamp(col_number),
            end_lineno: clamp(end_lineno),
            end_offset: if end_col_number == 0 {
                crate::error::END_OFFSET_ZERO
            } else {
                clamp(end_col_number)
            },
            text_newline: true,
        });
    }

    /// `RAISE_ERROR_KNOWN_LOCATION` (0-based byte columns; -1 = none, `CURRENT_POS`).
    pub(crate) fn raise_known_location(
        &mut self,
        kind: SyntaxErrorKind,
        lineno: i64,
        col_offset: i64,
        end_lineno: i64,
        end_col_offset: i64,
        msg: &str,
    ) {
        let c = if col_offset == CURRENT_POS {
            CURRENT_POS
        } else {
            col_offset + 1
        };
        let e = if end_col_offset == CURRENT_POS {
            CURRENT_POS
        } else {
            end_col_offset + 1
        };
        self.raise_known_location_raw(kind, lineno, c, end_lineno, e, msg);
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)`.
    pub(crate) fn raise_at(&mut self, a: Loc, msg: &str) {
        self.raise_range(a, a, msg);
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)`.
    pub(crate) fn raise_range(&mut self, a: Loc, b: Loc, msg: &str) {
        self.raise_known_location(
            SyntaxErrorKind::SyntaxError,
            a.lineno as i64,
            a.col_offset as i64,
            b.end_lineno as i64,
            b.end_col_offset as i64,
            msg,
        );
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)`.
    pub(crate) fn raise_starting_from(&mut self, a: Loc, msg: &str) {
        self.raise_known_location(
            SyntaxErrorKind::SyntaxError,
            a.lineno as i64,
            a.col_offset as i64,
            CURRENT_POS,
            CURRENT_POS,
            msg,
        );
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION` on the token at `i`.
    pub(crate) fn raise_at_token(&mut self, i: usize, msg: &str) {
        if i < self.tokens.len() {
            let t = self.tokens[i];
            if matches!(
                t.kind,
                TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
            ) {
                // These tokens have no position in pegen (col_offset -1).
                let (l, el) = (t.lineno as i64, t.end_lineno as i64);
                self.raise_known_location(SyntaxErrorKind::SyntaxError, l, -1, el, -1, msg);
                return;
            }
            let l = self.tok_loc(i);
            self.raise_at(l, msg);
        } else {
            self.raise_error(SyntaxErrorKind::SyntaxError, msg);
        }
    }

    /// `_PyPegen_raise_error` (`RAISE_SYNTAX_ERROR`, `RAISE_INDENTATION_ERROR`): at the last
    /// token read.
    pub(crate) fn raise_error(&mut self, kind: SyntaxErrorKind, msg: &str) {
        match self.last_filled() {
            None => self.raise_known_location_raw(kind, 0, 0, 0, -1, msg),
            Some(t) => {
                let (l, c, el, ec) = (
                    t.lineno as i64,
                    t.col_offset as i64,
                    t.end_lineno as i64,
                    t.end_col_offset as i64,
                );
                if matches!(
                    t.kind,
                    TokKind::Indent | TokKind::Dedent | TokKind::EndMarker
                ) {
                    // No position: pegen takes the tokenizer's current column, and no end.
                    self.raise_known_location_raw(kind, l, c, el, -1, msg);
                } else {
                    self.raise_known_location_raw(kind, l, c + 1, el, ec + 1, msg);
                }
            }
        }
    }

    pub(crate) fn raise_syntax_error(&mut self, msg: &str) {
        self.raise_error(SyntaxErrorKind::SyntaxError, msg);
    }

    pub(crate) fn raise_indentation_error(&mut self, msg: &str) {
        self.raise_error(SyntaxErrorKind::IndentationError, msg);
    }

    pub(crate) fn make_error_at_last_token(
        &mut self,
        kind: SyntaxErrorKind,
        msg: &str,
    ) -> SyntaxError {
        self.raise_error(kind, msg);
        self.error
            .take()
            .unwrap_or_else(|| SyntaxError::new(kind, msg, 0, 0))
    }

    /// Tokenizer errors as the parser raises them: those that pegen raises itself
    /// (`_Pypegen_tokenizer_error`, e.g. unclosed brackets) get the f-string treatment.
    pub(crate) fn adjust_tokenizer_error(&self, mut e: SyntaxError) -> SyntaxError {
        if self.start_rule == StartRule::Fstring {
            let shift = self.starting_lineno.saturating_sub(1);
            if e.lineno > 0 {
                e.lineno += shift;
            }
            if e.end_lineno > 0 {
                e.end_lineno += shift;
            }
            if !self.tokenizer.raised_by_tokenizer() {
                e.msg = format!("f-string: {}", e.msg);
            }
        }
        e
    }

    /// `_Pypegen_set_syntax_error`: the final error after the second pass. `last_token` is
    /// the last token read by the first pass.
    pub(crate) fn set_syntax_error(&mut self, last_token: usize) -> SyntaxError {
        if let Some(e) = self.error.take() {
            if !self.tok_error_raised {
                return self.tokenize_full_source_to_check_for_errors(e);
            }
            return e;
        }
        let lt = self.tokens[last_token];
        if lt.kind == TokKind::Indent || lt.kind == TokKind::Dedent {
            let msg = if lt.kind == TokKind::Indent {
                "unexpected indent"
            } else {
                "unexpected unindent"
            };
            return self.make_error_at_last_token(SyntaxErrorKind::IndentationError, msg);
        }
        let l = self.tok_loc(last_token);
        self.raise_at(l, "invalid syntax");
        let e = self.error.take().unwrap_or_else(|| {
            SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", 0, 0)
        });
        self.tokenize_full_source_to_check_for_errors(e)
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: an error the tokenizer raises
    /// further on wins over the parser's error; otherwise, with brackets still open, the
    /// innermost one is reported as never closed if it opened on a line before the parser's
    /// error.
    fn tokenize_full_source_to_check_for_errors(&mut self, err: SyntaxError) -> SyntaxError {
        let current_err_line = self.last_filled().map_or(0, |t| t.lineno);
        // The tokenizer may already have stopped, at its end or (in a look-ahead scan of
        // the parser) at an error not raised yet.
        let tok_err = loop {
            if let Some(e) = &self.tok_error {
                break e.clone();
            }
            if self.tok_done {
                return err;
            }
            match self.tokenizer.next_token() {
                Ok(t) if t.kind == TokKind::EndMarker => return err,
                Ok(_) => continue,
                Err(e) => break self.adjust_tokenizer_error(e),
            }
        };
        if self.tokenizer.raised_by_tokenizer() {
            return tok_err;
        }
        if let Some(&(b, line, col)) = self.tokenizer.open_brackets().last() {
            if current_err_line > line {
                self.raise_known_location(
                    SyntaxErrorKind::SyntaxError,
                    line as i64,
                    col as i64,
                    line as i64,
                    -1,
                    &format!("'{}' was never closed", b as char),
                );
                if let Some(e) = self.error.take() {
                    return e;
                }
            }
        }
        err
    }
}
