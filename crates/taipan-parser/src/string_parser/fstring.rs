//! f-strings, after CPython 3.11's `Parser/string_parser.c`: `fstring_find_literal`,
//! `fstring_find_expr`, `fstring_compile_expr`, `fstring_find_expr_location`,
//! `_PyPegen_FstringParser_ConcatFstring` and `fstring_parse`.
//!
//! In 3.11 an f-string is one STRING token; its inside is scanned here byte by byte (the same
//! loose scan CPython does: quotes and brackets are tracked only to find where an expression
//! ends) and each replacement field's expression is parsed on its own by
//! [`crate::parser::parse_fstring_expr`], wrapped in parentheses, with the line and column
//! shift `fstring_find_expr_location` computes from the token's text.
//!
//! Positions: `pos` and `end` index the token's text (`text`), which starts at the token's
//! first byte (its prefix), as CPython's `t->bytes` does.

use super::escapes::decode_unicode_with_escapes;
use super::{unplaced, Ctx, FstringParser, StrBuf};
use crate::ast::{Expr, ExprKind};
use crate::error::SyntaxError;
use crate::token::Token;

/// The tokenizer's MAXLEVEL: deepest bracket nesting inside one expression.
const MAXLEVEL: usize = 200;

/// `_PyPegen_FstringParser_ConcatFstring`: parses the f-string `text[*pos..end]` into `state`.
#[allow(clippy::too_many_arguments)]
pub(super) fn concat_fstring(
    ctx: &Ctx,
    state: &mut FstringParser,
    text: &[u8],
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
    t: &Token,
) -> Result<(), SyntaxError> {
    state.fmode = true;
    loop {
        // fstring_find_literal_and_expr
        let (literal, more) = find_literal(text, pos, end, raw, recurse_lvl)?;
        super::warn_invalid_escape(ctx.src, t);
        if let Some(lit) = literal {
            state.concat(lit);
        }
        if more {
            continue;
        }
        if *pos >= end || text[*pos] == b'}' {
            break;
        }
        let (expr_text, expression) = find_expr(ctx, text, pos, end, raw, recurse_lvl, t)?;
        if let Some(et) = expr_text {
            state.concat(et);
        }
        if let Some(s) = state.last_str.take() {
            let node = ctx.make_str_node(s, ctx.first, ctx.last);
            state.exprs.push(node);
        }
        state.exprs.push(expression);
    }
    if recurse_lvl == 0 && *pos + 1 < end {
        return Err(unplaced("f-string: unexpected end of string"));
    }
    if recurse_lvl != 0 && text.get(*pos) != Some(&b'}') {
        return Err(unplaced("f-string: expecting '}'"));
    }
    Ok(())
}

/// `fstring_find_literal`: the literal text up to the next unescaped brace. Returns the
/// decoded literal (if non-empty) and whether the caller should come back for more (a doubled
/// brace was found and one brace kept).
fn find_literal(
    text: &[u8],
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
) -> Result<(Option<StrBuf>, bool), SyntaxError> {
    let literal_start = *pos;
    let mut s = *pos;
    let mut result = false;
    let mut lit_end = None;
    while s < end {
        let mut ch = text[s];
        s += 1;
        if !raw && ch == b'\\' && s < end {
            ch = text[s];
            s += 1;
            if ch == b'N' {
                if s < end {
                    let c = text[s];
                    s += 1;
                    if c == b'{' {
                        while s < end {
                            let c = text[s];
                            s += 1;
                            if c == b'}' {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
        }
        if ch == b'{' || ch == b'}' {
            if recurse_lvl == 0 {
                if s < end && text[s] == ch {
                    *pos = s + 1;
                    result = true;
                    lit_end = Some(s);
                    break;
                }
                if ch == b'}' {
                    *pos = s - 1;
                    return Err(unplaced("f-string: single '}' is not allowed"));
                }
            }
            s -= 1;
            break;
        }
    }
    let lit_end = match lit_end {
        Some(e) => e,
        None => {
            *pos = s;
            s
        }
    };
    if literal_start == lit_end {
        return Ok((None, result));
    }
    let piece = &text[literal_start..lit_end];
    let lit = if raw {
        StrBuf::from_utf8_bytes(piece)
    } else {
        decode_unicode_with_escapes(piece).map_err(unplaced)?
    };
    Ok((Some(lit), result))
}

fn is_py_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// `fstring_find_expr`: the replacement field at `text[*pos] == '{'`. Returns the `=` debug
/// text, if any, and the `FormattedValue`.
fn find_expr(
    ctx: &Ctx,
    text: &[u8],
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
    t: &Token,
) -> Result<(Option<StrBuf>, Expr), SyntaxError> {
    let expecting = || unplaced("f-string: expecting '}'");
    if recurse_lvl >= 2 {
        return Err(unplaced("f-string: expressions nested too deeply"));
    }
    *pos += 1;
    let expr_start = *pos;
    let mut quote_char = 0u8;
    let mut string_type = 0;
    let mut parenstack: Vec<u8> = Vec::new();
    while *pos < end {
        let ch = text[*pos];
        if ch == b'\\' {
            return Err(unplaced(
                "f-string expression part cannot include a backslash",
            ));
        }
        if quote_char != 0 {
            if ch == quote_char {
                if string_type == 3 {
                    if *pos + 2 < end && text[*pos + 1] == ch && text[*pos + 2] == ch {
                        *pos += 3;
                        string_type = 0;
                        quote_char = 0;
                        continue;
                    }
                } else {
                    quote_char = 0;
                    string_type = 0;
                    *pos += 1;
                    continue;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            if *pos + 2 < end && text[*pos + 1] == ch && text[*pos + 2] == ch {
                string_type = 3;
                *pos += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if ch == b'[' || ch == b'{' || ch == b'(' {
            if parenstack.len() >= MAXLEVEL {
                return Err(unplaced("f-string: too many nested parenthesis"));
            }
            parenstack.push(ch);
        } else if ch == b'#' {
            return Err(unplaced("f-string expression part cannot include '#'"));
        } else if parenstack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
            if *pos + 1 < end {
                let next = text[*pos + 1];
                if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    *pos += 2;
                    continue;
                }
            }
            if ch == b'>' || ch == b'<' {
                *pos += 1;
                continue;
            }
            break;
        } else if ch == b']' || ch == b'}' || ch == b')' {
            let Some(opening) = parenstack.pop() else {
                return Err(unplaced(format!("f-string: unmatched '{}'", ch as char)));
            };
            if !matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                return Err(unplaced(format!(
                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, opening as char
                )));
            }
        }
        *pos += 1;
    }
    let expr_end = *pos;
    if quote_char != 0 {
        return Err(unplaced("f-string: unterminated string"));
    }
    if let Some(&opening) = parenstack.last() {
        return Err(unplaced(format!(
            "f-string: unmatched '{}'",
            opening as char
        )));
    }
    if *pos >= end {
        return Err(expecting());
    }
    let simple_expression = compile_expr(ctx, text, expr_start, expr_end, t)?;

    let mut expr_text = None;
    if text[*pos] == b'=' {
        *pos += 1;
        while *pos < text.len() && is_py_space(text[*pos]) {
            *pos += 1;
        }
        if *pos >= end {
            return Err(expecting());
        }
        expr_text = Some(StrBuf::from_utf8_bytes(&text[expr_start..*pos]));
    }

    let mut conversion: i32 = -1;
    if text[*pos] == b'!' {
        *pos += 1;
        if *pos >= end {
            return Err(expecting());
        }
        conversion = i32::from(text[*pos]);
        *pos += 1;
        if !matches!(conversion as u8, b's' | b'r' | b'a') {
            return Err(unplaced(
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
            ));
        }
    }

    let mut format_spec = None;
    if *pos >= end {
        return Err(expecting());
    }
    if text[*pos] == b':' {
        *pos += 1;
        if *pos >= end {
            return Err(expecting());
        }
        // fstring_parse
        let mut spec_state = FstringParser::default();
        concat_fstring(
            ctx,
            &mut spec_state,
            text,
            pos,
            end,
            raw,
            recurse_lvl + 1,
            t,
        )?;
        format_spec = Some(Box::new(ctx.finish(spec_state, t, t)));
    }

    if *pos >= end || text[*pos] != b'}' {
        return Err(expecting());
    }
    *pos += 1;

    if expr_text.is_some() && format_spec.is_none() && conversion == -1 {
        conversion = i32::from(b'r');
    }
    let expression = Expr {
        loc: super::span(ctx.first, ctx.last),
        kind: ExprKind::FormattedValue {
            value: Box::new(simple_expression),
            conversion,
            format_spec,
        },
    };
    Ok((expr_text, expression))
}

/// `fstring_compile_expr`: parses `text[expr_start..expr_end]` (the brace is at
/// `expr_start - 1`) as `(<expr>)` at the position CPython computes for it.
fn compile_expr(
    ctx: &Ctx,
    text: &[u8],
    expr_start: usize,
    expr_end: usize,
    t: &Token,
) -> Result<Expr, SyntaxError> {
    let body = &text[expr_start..expr_end];
    if body
        .iter()
        .all(|&c| matches!(c, b' ' | b'\t' | b'\n' | 0x0C))
    {
        let stop = text.get(expr_end).copied().unwrap_or(0);
        if matches!(stop, b'!' | b':' | b'=') {
            return Err(unplaced(format!(
                "f-string: expression required before '{}'",
                stop as char
            )));
        }
        return Err(unplaced("f-string: empty expression not allowed"));
    }
    let (lines, cols) = find_expr_location(text, expr_start - 1);
    let mut src = String::with_capacity(body.len() + 2);
    src.push('(');
    src.push_str(&String::from_utf8_lossy(body));
    src.push(')');
    let first_lineno = t.lineno + lines;
    let starting_col_offset = if lines != 0 {
        cols
    } else {
        t.col_offset + cols
    };
    crate::parser::parse_fstring_expr(&src, ctx.filename, first_lineno, starting_col_offset)
}

/// `fstring_find_expr_location`: how many lines the token's text has before the brace at
/// `brace`, and the column shift: the bytes from the start of the brace's line (or of the
/// token) to the brace, or 0 when only whitespace and then a newline (or a `}`, or the end of
/// the text) follow the brace.
fn find_expr_location(text: &[u8], brace: usize) -> (u32, u32) {
    let mut cols = 0u32;
    let mut newline_after_brace = true;
    let mut i = brace + 1;
    while i < text.len() && text[i] != b'}' && text[i] != b'\n' {
        if !matches!(text[i], b' ' | b'\t' | 0x0C) {
            newline_after_brace = false;
            break;
        }
        i += 1;
    }
    if !newline_after_brace {
        let mut start = brace;
        while start > 0 && text[start] != b'\n' {
            start -= 1;
        }
        cols += (brace - start) as u32;
        if text[start] == b'\n' {
            cols -= 1;
        }
    }
    let lines = text[..brace].iter().filter(|&&c| c == b'\n').count() as u32;
    (lines, cols)
}
