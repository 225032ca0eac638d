//! Escape decoding of string and bytes literals, after CPython 3.11's
//! `decode_unicode_with_escapes` (`Parser/string_parser.c`), `_PyUnicode_DecodeUnicodeEscapeInternal`
//! (`Objects/unicodeobject.c`) and `_PyBytes_DecodeEscape` (`Objects/bytesobject.c`).
//!
//! CPython first rewrites the literal's text into pure ASCII: every non-ASCII character becomes
//! `\UXXXXXXXX` (10 bytes) and a backslash that ends the text or precedes a non-ASCII character
//! becomes `\u005c`; the unicode-escape codec then runs over that buffer. The positions in its
//! error messages ("can't decode bytes in position 3-5") are positions in the rewritten buffer,
//! so this file rewrites the same way whenever the text has both a backslash and non-ASCII
//! characters. Invalid escapes (`\q`) are kept verbatim; CPython only warns about them.

use std::cell::RefCell;

use super::StrBuf;
use crate::unicode_names;

thread_local! {
    /// The first invalid escape of the last literal decoded (`first_invalid_escape`): the
    /// character after the backslash, or the three digits of an octal escape above 0o377.
    static FIRST_INVALID: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn note_invalid(text: &[u8]) {
    FIRST_INVALID.with(|f| {
        let mut f = f.borrow_mut();
        if f.is_none() {
            *f = Some(String::from_utf8_lossy(text).into_owned());
        }
    });
}

/// The first invalid escape of the literal decoded last, taken (CPython warns about it).
pub fn take_first_invalid() -> Option<String> {
    FIRST_INVALID.with(|f| f.borrow_mut().take())
}

/// The message CPython's `warn_invalid_escape_sequence` gives for `escape`.
pub fn invalid_escape_message(escape: &str) -> String {
    if escape.len() == 3 && matches!(escape.as_bytes()[0], b'4'..=b'7') {
        format!("invalid octal escape sequence '\\{escape}'")
    } else {
        format!("invalid escape sequence '\\{escape}'")
    }
}

/// Decodes the inside of a non-raw str literal (or a literal part of an f-string). `Err` is the
/// complete SyntaxError message (`(unicode error) 'unicodeescape' codec can't decode ...`).
pub fn decode_unicode_with_escapes(text: &[u8]) -> Result<StrBuf, String> {
    FIRST_INVALID.with(|f| *f.borrow_mut() = None);
    if !text.contains(&b'\\') {
        return Ok(StrBuf::from_utf8_bytes(text));
    }
    // The rewrite below changes an ASCII text only by turning a final lone backslash into
    // `\u005c`.
    if text.is_ascii() && text.last() != Some(&b'\\') {
        return decode_unicode_escape(text);
    }
    let mut buf = Vec::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == b'\\' {
            buf.push(b'\\');
            i += 1;
            if i >= text.len() || text[i] >= 0x80 {
                buf.extend_from_slice(b"u005c");
                if i >= text.len() {
                    break;
                }
            }
        }
        if text[i] >= 0x80 {
            let run_end = text[i..]
                .iter()
                .position(|&b| b < 0x80)
                .map_or(text.len(), |n| i + n);
            for ch in String::from_utf8_lossy(&text[i..run_end]).chars() {
                buf.extend_from_slice(format!("\\U{:08x}", u32::from(ch)).as_bytes());
            }
            i = run_end;
        } else {
            buf.push(text[i]);
            i += 1;
        }
    }
    decode_unicode_escape(&buf)
}

fn decode_error(buf: &[u8], start: usize, end: usize, reason: &str) -> String {
    if end == start + 1 && start < buf.len() {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            buf[start]
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
            end.saturating_sub(1)
        )
    }
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// The `unicodeescape` codec over an ASCII buffer (non-ASCII bytes, which the rewriting above
/// never leaves, are taken as Latin-1 ordinals, as the codec does).
fn decode_unicode_escape(s: &[u8]) -> Result<StrBuf, String> {
    let mut out = StrBuf::with_capacity(s.len());
    let end = s.len();
    let mut i = 0;
    while i < end {
        let c = s[i];
        i += 1;
        if c != b'\\' {
            out.push_cp(u32::from(c));
            continue;
        }
        let start = i - 1;
        if i >= end {
            return Err(decode_error(s, start, i, "\\ at end of string"));
        }
        let c = s[i];
        i += 1;
        let (count, message) = match c {
            b'\n' => continue,
            b'\\' | b'\'' | b'"' => {
                out.push_cp(u32::from(c));
                continue;
            }
            b'b' => {
                out.push_cp(8);
                continue;
            }
            b'f' => {
                out.push_cp(12);
                continue;
            }
            b't' => {
                out.push_cp(9);
                continue;
            }
            b'n' => {
                out.push_cp(10);
                continue;
            }
            b'r' => {
                out.push_cp(13);
                continue;
            }
            b'v' => {
                out.push_cp(11);
                continue;
            }
            b'a' => {
                out.push_cp(7);
                continue;
            }
            b'0'..=b'7' => {
                let mut ch = u32::from(c - b'0');
                if i < end && (b'0'..=b'7').contains(&s[i]) {
                    ch = (ch << 3) + u32::from(s[i] - b'0');
                    i += 1;
                    if i < end && (b'0'..=b'7').contains(&s[i]) {
                        ch = (ch << 3) + u32::from(s[i] - b'0');
                        i += 1;
                    }
                }
                if ch > 0o377 {
                    note_invalid(&s[i - 3..i]);
                }
                out.push_cp(ch);
                continue;
            }
            b'x' => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' => {
                let message = "malformed \\N character escape";
                if i >= end {
                    return Err(decode_error(s, start, i, message));
                }
                if s[i] == b'{' {
                    i += 1;
                    let name_start = i;
                    while i < end && s[i] != b'}' {
                        i += 1;
                    }
                    if i >= end {
                        return Err(decode_error(s, start, i, message));
                    }
                    if i > name_start {
                        let name = &s[name_start..i];
                        i += 1;
                        if let Some(cp) = unicode_names::lookup(name) {
                            out.push_cp(cp);
                            continue;
                        }
                        return Err(decode_error(s, start, i, "unknown Unicode character name"));
                    }
                }
                return Err(decode_error(s, start, i, message));
            }
            _ => {
                note_invalid(&s[i - 1..i]);
                out.push_cp(u32::from(b'\\'));
                out.push_cp(u32::from(c));
                continue;
            }
        };
        let mut ch: u32 = 0;
        for _ in 0..count {
            if i >= end {
                return Err(decode_error(s, start, i, message));
            }
            match hex_value(s[i]) {
                Some(d) => ch = (ch << 4) + d,
                None => return Err(decode_error(s, start, i, message)),
            }
            i += 1;
        }
        if ch > 0x10FFFF {
            return Err(decode_error(s, start, i, "illegal Unicode character"));
        }
        out.push_cp(ch);
    }
    Ok(out)
}

/// `_PyBytes_DecodeEscape` (the text is already known to be ASCII). `Err` is the complete
/// SyntaxError message (`(value error) invalid \x escape at position N`).
pub fn decode_bytes_with_escapes(s: &[u8]) -> Result<Vec<u8>, String> {
    FIRST_INVALID.with(|f| *f.borrow_mut() = None);
    let mut out = Vec::with_capacity(s.len());
    let end = s.len();
    let mut i = 0;
    while i < end {
        if s[i] != b'\\' {
            out.push(s[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i == end {
            return Err("(value error) Trailing \\ in string".to_string());
        }
        let c = s[i];
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(9),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                if i < end && (b'0'..=b'7').contains(&s[i]) {
                    v = (v << 3) + u32::from(s[i] - b'0');
                    i += 1;
                    if i < end && (b'0'..=b'7').contains(&s[i]) {
                        v = (v << 3) + u32::from(s[i] - b'0');
                        i += 1;
                    }
                }
                if v > 0o377 {
                    note_invalid(&s[i - 3..i]);
                }
                out.push(v as u8);
            }
            b'x' => {
                if i + 1 < end {
                    if let (Some(d1), Some(d2)) = (hex_value(s[i]), hex_value(s[i + 1])) {
                        out.push(((d1 << 4) + d2) as u8);
                        i += 2;
                        continue;
                    }
                }
                return Err(format!(
                    "(value error) invalid \\x escape at position {}",
                    i - 2
                ));
            }
            _ => {
                note_invalid(&s[i - 1..i]);
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}
