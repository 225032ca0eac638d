//! Prints a syntax error the way `python3.11 FILE` does: `print_exception_file_and_line`,
//! `parse_syntax_error` and `print_error_text` in CPython 3.11's `Python/pythonrun.c`.
//!
//! ```text
//!   File "FILE", line N
//!     <source line, leading blanks stripped>
//!         ^^^^
//! SyntaxError: message
//! ```
//!
//! CPython's quirks are kept on purpose: `offset`/`end_offset` are character offsets but the
//! caret line is laid out by walking the line's UTF-8 bytes, the caret run is clipped to the
//! line, and an error spanning several lines is underlined to the end of its first line.

use taipan_parser::{SyntaxError, SyntaxErrorKind};

/// The text `python3.11 FILE` writes to stderr for this error.
pub fn format_syntax_error(err: &SyntaxError, filename: &str, source: &[u8]) -> String {
    // An error with no line (a decoding problem found before any token, such as a bad coding
    // cookie) is printed by CPython without the `File` line.
    if err.lineno == 0 {
        return format!("{}: {}\n", err.kind.name(), err.msg);
    }
    let mut out = format!("  File \"{}\", line {}\n", filename, err.lineno);
    if let Some(text) = source_line(source, err.lineno) {
        // `parse_syntax_error`: a missing offset is -1; subclasses have no end position.
        let lineno = err.lineno as i64;
        let offset = if err.offset == 0 {
            -1
        } else {
            err.offset as i64
        };
        let (end_lineno, mut end_offset) = if err.kind == SyntaxErrorKind::SyntaxError {
            let end_lineno = if err.end_lineno == 0 {
                lineno
            } else {
                err.end_lineno as i64
            };
            (
                end_lineno,
                match err.end_offset {
                    0 => -1,
                    taipan_parser::error::END_OFFSET_ZERO => 0,
                    v => v as i64,
                },
            )
        } else {
            (lineno, -1)
        };
        let line_size = text.len() as i64;
        if end_lineno > lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        print_error_text(&mut out, offset, end_offset, &text);
    }
    out.push_str(err.kind.name());
    out.push_str(": ");
    out.push_str(&err.msg);
    out.push('\n');
    out
}

/// Line `lineno` (1-based) of the source with its newline, decoded as the tokenizer did.
fn source_line(source: &[u8], lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let text = taipan_parser::tokenizer::decode_source(source).ok()?;
    let mut lines = text.split_inclusive('\n');
    let line = lines.nth(lineno as usize - 1)?;
    let mut line = line.to_string();
    if !line.ends_with('\n') {
        line.push('\n');
    }
    Some(line)
}

/// CPython's `print_error_text`, byte for byte.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let caret_repetitions = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let bytes = text.as_bytes();
    let mut start = 0usize;
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t' | b'\x0c') {
        start += 1;
        offset -= 1;
    }
    let mut len = (bytes.len() - start) as i64;
    if len > 0 && bytes[start + len as usize - 1] == b'\n' {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // Skip past newlines embedded in the text.
    while let Some(nl) = bytes[start..].iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        start += nl + 1;
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    let rest = &text[start..];
    out.push_str(rest);
    if bytes.get(start + len as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..caret_repetitions {
        out.push('^');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(msg: &str, lineno: u32, offset: u32, end_lineno: u32, end_offset: u32) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text_newline: true,
        }
    }

    // Positions and expected text recorded from /usr/bin/python3.11 (`ast.parse` for the
    // positions, `python3.11 FILE` for the text).
    #[test]
    fn caret_under_error_with_leading_blanks_stripped() {
        let src = b"if x:\n    y = = 2\n";
        let text = format_syntax_error(&err("invalid syntax", 2, 9, 2, 10), "/tmp/e1.py", src);
        assert_eq!(
            text,
            "  File \"/tmp/e1.py\", line 2\n    y = = 2\n        ^\nSyntaxError: invalid syntax\n"
        );
    }

    #[test]
    fn unclosed_bracket_single_caret() {
        let src = b"x = (1,\n  2\n";
        let text = format_syntax_error(&err("'(' was never closed", 1, 5, 1, 0), "/tmp/e2.py", src);
        assert_eq!(text, "  File \"/tmp/e2.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
    }
}
