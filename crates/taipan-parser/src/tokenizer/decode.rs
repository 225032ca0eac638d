//! Source decoding for string input, after CPython 3.11's `Parser/tokenizer.c`
//! (`decode_str`, `translate_newlines`, `check_bom`, `check_coding_spec`, `get_coding_spec`,
//! `get_normal_name`) and the NUL check of `Python/pythonrun.c`.
//!
//! Order of work, as CPython does it for `compile(bytes)`: reject NUL bytes; translate `\r\n`
//! and lone `\r` to `\n` and add a final `\n` if missing; strip a UTF-8 BOM; look for a PEP 263
//! coding cookie on line 1, or on line 2 if line 1 holds only blanks and/or a comment; decode.
//!
//! UTF-8 (no cookie, a BOM, or an explicit utf-8 cookie) is NOT validated up front by CPython's
//! string reader: undecodable bytes are harmless inside comments, and are reported only when
//! the parser decodes a token holding them. [`decode_source`] reproduces that: it decodes
//! lossily and, if a replaced byte lies inside a token, returns the error CPython's parser
//! raises for that token (see [`utf8_token_error`]).

use super::codecs;
use super::Tokenizer;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::{TokKind, Token};

fn error_no_location(msg: String) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, 0, 0)
}

/// `translate_newlines(s, exec_input=1)`: `\r\n` and `\r` become `\n`; a final `\n` is added
/// if missing (and, as in CPython, also after a final `\r\n`).
fn translate_newlines(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 1);
    if !bytes.contains(&b'\r') {
        // The common case, found with the word-at-a-time search of `contains` (the loop below
        // looks at one byte at a time).
        out.extend_from_slice(bytes);
        if out.last() != Some(&b'\n') {
            out.push(b'\n');
        }
        return out;
    }
    let mut i = 0;
    // Copy runs without '\r' at once.
    while i < bytes.len() {
        match bytes[i..].iter().position(|&b| b == b'\r') {
            None => {
                out.extend_from_slice(&bytes[i..]);
                break;
            }
            Some(k) => {
                out.extend_from_slice(&bytes[i..i + k]);
                out.push(b'\n');
                i += k + 1;
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
        }
    }
    // CPython's loop stops on the NUL after a final "\r\n" before recording the '\n' as the
    // last character, so such a file gets one more '\n' (an extra empty line).
    if out.last() != Some(&b'\n') || bytes.ends_with(b"\r\n") {
        out.push(b'\n');
    }
    out
}

/// `get_normal_name`: the canonical spelling of utf-8 and latin-1 cookies.
fn get_normal_name(s: &str) -> String {
    let buf: String = s
        .bytes()
        .take(12)
        .map(|c| {
            if c == b'_' {
                '-'
            } else {
                c.to_ascii_lowercase() as char
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".into()
    } else if buf == "latin-1"
        || buf == "iso-8859-1"
        || buf == "iso-latin-1"
        || buf.starts_with("latin-1-")
        || buf.starts_with("iso-8859-1-")
        || buf.starts_with("iso-latin-1-")
    {
        "iso-8859-1".into()
    } else {
        s.into()
    }
}

/// `get_coding_spec`: the encoding named by a coding cookie in `line` (without its `\n`).
fn get_coding_spec(line: &[u8]) -> Option<String> {
    let size = line.len();
    if size < 7 {
        return None;
    }
    let mut i = 0;
    // The cookie must be in a comment that is the only thing on the line.
    while i < size - 6 {
        if line[i] == b'#' {
            break;
        }
        if !matches!(line[i], b' ' | b'\t' | 0x0c) {
            return None;
        }
        i += 1;
    }
    while i < size - 6 {
        if &line[i..i + 6] == b"coding" {
            let mut t = i + 6;
            let sep = line.get(t).copied().unwrap_or(0);
            if sep != b':' && sep != b'=' {
                i += 1;
                continue;
            }
            loop {
                t += 1;
                if !matches!(line.get(t), Some(b' ') | Some(b'\t')) {
                    break;
                }
            }
            let begin = t;
            while let Some(&c) = line.get(t) {
                if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.' {
                    t += 1;
                } else {
                    break;
                }
            }
            if begin < t {
                // Only ASCII bytes were taken.
                let name = String::from_utf8_lossy(&line[begin..t]);
                return Some(get_normal_name(&name));
            }
        }
        i += 1;
    }
    None
}

/// Whether line 1 (without a cookie) lets CPython look at line 2: only blanks and/or a
/// comment (`decoding_state` still `STATE_SEEK_CODING`).
fn line_allows_second_cookie(line: &[u8]) -> bool {
    for &c in line {
        if c == b'#' || c == b'\n' || c == b'\r' {
            return true;
        }
        if !matches!(c, b' ' | b'\t' | 0x0c) {
            return false;
        }
    }
    true
}

/// Turns the raw bytes of a source file into text: UTF-8 BOM, PEP 263 coding cookie on line 1
/// or 2, CPython's errors for undecodable input.
pub fn decode_source(bytes: &[u8]) -> Result<String, SyntaxError> {
    if bytes.contains(&0) {
        return Err(error_no_location(
            "source code string cannot contain null bytes".into(),
        ));
    }
    let mut translated = translate_newlines(bytes);
    let has_bom = translated.starts_with(b"\xEF\xBB\xBF");
    if has_bom {
        translated.drain(..3);
    }
    let body = &translated[..];
    // Lines 1 and 2, without their '\n'.
    let mut lines = body.split(|&b| b == b'\n');
    let line1 = lines.next().unwrap_or(&[]);
    let line2 = lines.next();
    let mut spec = get_coding_spec(line1);
    if spec.is_none() && line_allows_second_cookie(line1) {
        // `newl[1]` must exist: line 2 must end with '\n' (it always does after translation,
        // unless it is the empty remainder after the final newline).
        if let Some(l2) = line2 {
            let l2_end = line1.len() + 1 + l2.len();
            if l2_end < body.len() {
                spec = get_coding_spec(l2);
            }
        }
    }
    match spec {
        Some(cs) if has_bom && cs != "utf-8" => Err(error_no_location(format!(
            "encoding problem: {cs} with BOM"
        ))),
        Some(cs) if cs != "utf-8" => codecs::decode(body, &cs).map_err(error_no_location),
        _ => match String::from_utf8(translated) {
            Ok(text) => Ok(text),
            Err(e) => decode_utf8_lazily(e.as_bytes()),
        },
    }
}

/// UTF-8 text as CPython's string reader takes it: valid text as is; otherwise the error the
/// parser would raise on the first token that holds an undecodable byte, or (if all such bytes
/// are in comments) the text with those bytes replaced.
fn decode_utf8_lazily(body: &[u8]) -> Result<String, SyntaxError> {
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => {
            let (text, bad) = lossy_with_positions(body);
            match utf8_token_error(body, &text, &bad) {
                Some(err) => Err(err),
                None => Ok(text),
            }
        }
    }
}

/// An undecodable sequence: where its U+FFFD replacement is in the lossy text, and how many
/// original bytes it replaced.
struct BadUtf8 {
    text_pos: usize,
    orig_len: usize,
}

/// Decodes `body` replacing each maximal invalid subsequence by U+FFFD (as Python's
/// "replace" handler does), recording where each replacement went.
fn lossy_with_positions(body: &[u8]) -> (String, Vec<BadUtf8>) {
    let mut text = String::with_capacity(body.len() + 16);
    let mut bad = Vec::new();
    let mut rest = body;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                text.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or(""));
                let len = e.error_len().unwrap_or(rest.len() - valid);
                bad.push(BadUtf8 {
                    text_pos: text.len(),
                    orig_len: len,
                });
                text.push('\u{FFFD}');
                rest = &rest[valid + len..];
            }
        }
    }
    (text, bad)
}

/// Maps positions in the lossy text back to the original bytes.
struct PosMap<'a> {
    bad: &'a [BadUtf8],
}

impl PosMap<'_> {
    /// The original byte offset of text position `pos`.
    fn orig(&self, pos: usize) -> usize {
        let shift: usize = self
            .bad
            .iter()
            .take_while(|b| b.text_pos < pos)
            .map(|b| '\u{FFFD}'.len_utf8() - b.orig_len.min(3))
            .sum();
        pos - shift
    }
}

/// Python's message for decoding `chunk` strictly as UTF-8, if it fails.
fn utf8_error_message(chunk: &[u8]) -> Option<String> {
    let e = std::str::from_utf8(chunk).err()?;
    let pos = e.valid_up_to();
    let b = chunk[pos];
    let reason = match e.error_len() {
        None => "unexpected end of data",
        Some(_) if (0x80..0xC2).contains(&b) || b >= 0xF5 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    Some(format!(
        "(unicode error) 'utf-8' codec can't decode byte 0x{b:02x} in position {pos}: {reason}"
    ))
}

/// Tokenizes the lossy text up to the first token holding a replaced byte and returns the
/// error CPython raises when it decodes that token: a name fails in the tokenizer's
/// `verify_identifier`; a string fails in the string parser (the body, or for a non-raw string
/// with backslashes, each run of non-ASCII bytes, is decoded strictly), located at the token
/// after the string as pegen's `RAISE_SYNTAX_ERROR` places it; a bytes literal gets "bytes can
/// only contain ASCII literal characters". `None` when every such byte is in a comment.
fn utf8_token_error(body: &[u8], text: &str, bad: &[BadUtf8]) -> Option<SyntaxError> {
    let map = PosMap { bad };
    let contains_bad = |a: usize, b: usize| bad.iter().any(|x| x.text_pos >= a && x.text_pos < b);
    let mut tok = Tokenizer::new(text);
    loop {
        let t = match tok.next_token() {
            Ok(t) => t,
            Err(e) => {
                // A name holding the bad bytes: verify_identifier's decoding error, located by
                // pegen at `tok->cur` (the end of the name), in bytes.
                if tok.start < tok.cur && contains_bad(tok.start, tok.cur) {
                    let chunk = &body[map.orig(tok.start)..map.orig(tok.cur)];
                    let msg = utf8_error_message(chunk)?;
                    let col = map.orig(tok.cur) - map.orig(tok.line_start);
                    let mut e =
                        SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, tok.lineno, col as u32);
                    e.end_lineno = tok.lineno;
                    return Some(e);
                }
                let _ = e;
                return None;
            }
        };
        if t.kind == TokKind::EndMarker {
            return None;
        }
        let (start, end) = (t.start as usize, t.end as usize);
        if !contains_bad(start, end) {
            continue;
        }
        if t.kind != TokKind::String {
            return None;
        }
        let s = &text.as_bytes()[start..end];
        let prefix = s.iter().position(|&c| c == b'\'' || c == b'"').unwrap_or(0);
        let flags = &s[..prefix];
        let is_bytes = flags.iter().any(|&c| c | 0x20 == b'b');
        let is_raw = flags.iter().any(|&c| c | 0x20 == b'r');
        let q = s[prefix];
        let triple = s.len() >= prefix + 6 && s[prefix + 1] == q && s[prefix + 2] == q;
        let quotes = if triple { 3 } else { 1 };
        let (body_start, body_end) = (start + prefix + quotes, end - quotes);
        let line_col = |pos: usize, line: u32| -> u32 {
            // Byte column of text position `pos` on line `line`, in original bytes.
            let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
            let _ = line;
            (map.orig(pos) - map.orig(line_start)) as u32
        };
        if is_bytes {
            let mut e = SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                "bytes can only contain ASCII literal characters",
                t.lineno,
                line_col(start, t.lineno) + 1,
            );
            e.end_lineno = t.end_lineno;
            e.end_offset = line_col(end, t.end_lineno) + 1;
            return Some(e);
        }
        let orig_body = &body[map.orig(body_start)..map.orig(body_end)];
        let msg = if is_raw || !orig_body.contains(&b'\\') {
            utf8_error_message(orig_body)?
        } else {
            // decode_unicode_with_escapes: each run of bytes >= 0x80 is decoded on its own.
            let mut found = None;
            let mut i = 0;
            while i < orig_body.len() {
                if orig_body[i] >= 0x80 {
                    let run_end = orig_body[i..]
                        .iter()
                        .position(|&b| b < 0x80)
                        .map_or(orig_body.len(), |k| i + k);
                    if let Some(m) = utf8_error_message(&orig_body[i..run_end]) {
                        found = Some(m);
                        break;
                    }
                    i = run_end;
                } else {
                    i += 1;
                }
            }
            found?
        };
        // RAISE_SYNTAX_ERROR: at the parser's last token, the one after the string(s).
        let mut next = tok.next_token().ok()?;
        while next.kind == TokKind::String {
            next = tok.next_token().ok()?;
        }
        let text_line_start = |tk: &Token| tk.start as usize - tk.col_offset as usize;
        let col = map.orig(next.start as usize) - map.orig(text_line_start(&next));
        let end_col = map.orig(next.end as usize)
            - map.orig(next.end as usize - next.end_col_offset as usize);
        let mut e = SyntaxError::new(
            SyntaxErrorKind::SyntaxError,
            msg,
            next.lineno,
            col as u32 + 1,
        );
        e.end_lineno = next.end_lineno;
        e.end_offset = end_col as u32 + 1;
        return Some(e);
    }
}
