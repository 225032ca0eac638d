//! Unit tests of the tokenizer. Expected values come from python3.11 at test time
//! (`compile()` for errors) or were recorded from python3.11's `_tokenize.TokenizerIter`.

use super::*;
use std::process::Command;

/// All tokens of `src` (decoded as `compile(bytes)` would), or the first error.
fn tokens(src: &[u8]) -> Result<Vec<Token>, SyntaxError> {
    let text = decode_source(src)?;
    let mut tok = Tokenizer::new(&text);
    let mut out = Vec::new();
    loop {
        let t = tok.next_token()?;
        out.push(t);
        if t.kind == TokKind::EndMarker {
            return Ok(out);
        }
    }
}

fn first_error(src: &[u8]) -> Option<SyntaxError> {
    tokens(src).err()
}

/// Sources whose first error CPython raises from its tokenizer (or from the tokenizer's
/// `done` code, or from decoding): our error must match `compile()`'s in type, message,
/// line and offsets.
const ERROR_CASES: &[&[u8]] = &[
    b"if 1:\n        x\n    y\n",
    b"if 1:\n\tx\n        y\n",
    b"if 1:\n        x\n\ty\n",
    b"x = 1 \\ y\n",
    b"x = 1 + \\",
    b"x = 1 + \\\n",
    b"x = (1,\n 2\n",
    b"x = (1,\n [2\n",
    b"x = \xc3\xa9\xc3\xa9(1,\n 2\n",
    b"\xc3\xa9\xc3\xa9 = 'abc\n",
    b"\xc3\xa9\xc3\xa9 = '''abc\n\n",
    b"x = 09\n",
    b"x = 0_9_\n",
    b"x = 0o8\n",
    b"x = 0xg\n",
    b"x = 1__0\n",
    b"x = 1e\n",
    b"x = 1.0ex\n",
    b"x = 1abc\n",
    b"x = 1jx\n",
    b"x = \xe2\x82\xac\n",
    b"x = a\xc2\xa0b\n",
    b"x = \x01\n",
    b"x = )\n",
    b"x = (]\n",
    b"x = (\n]\n",
    b"\\",
    b"x\\\n",
    b"    \\\n",
    b"(\\",
    b"'",
    b"x = 0b2\n",
    b"x = 0b12\n",
    b"x = 0b\n",
    b"x = 0o\n",
    b"x = 0x_\n",
    b"x = 0o1_\n",
    b"x = 1e+x\n",
    b"x = 007\n",
    b"x = 0o7_8\n",
    b"x = 0xfg\n",
    b"x = 12l\n",
    b"x = '''\nabc\n",
    b"x = rb'\\'\n",
    b"x = 'ab\\\ncd\n",
    b"a\xe2\x82\xac = 1\n",
    b"\xe2\x80\x8b = 1\n",
    b"\xc2\xb7y = 1\n",
    b"x = 1\x0bx\n",
    b"if 1:\n    x\n  y\n",
    b"x = 1\n\\\n",
    b"'''\r\n",
    b"if True:\n\tif True:\n\t        x\n",
    b"x = 1\x00\n",
    b"# coding: foobar\nx=1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx=1\n",
    b"# coding: ascii\nx='\xe9'\n",
    b"x = '\xff'\n",
    b"x = 1\n\xff = 2\n",
    b"x = '\xc3'\n",
    b"x = b'\xff'\n",
    b"\xef\xbb\xbf\xef\xbb\xbf = 1\n",
];

fn python_errors(cases: &[&[u8]]) -> Option<Vec<String>> {
    let hex: Vec<String> = cases
        .iter()
        .map(|c| c.iter().map(|b| format!("{b:02x}")).collect())
        .collect();
    let script = r#"
import sys, warnings
warnings.simplefilter("ignore")
for h in sys.argv[1:]:
    try:
        compile(bytes.fromhex(h), "<t>", "exec", 1024)
        print("OK")
    except SyntaxError as e:
        off = lambda v: 0 if v is None or v < 0 else v
        print(type(e).__name__, e.lineno or 0, off(e.offset), e.end_lineno or 0, off(e.end_offset), e.msg, sep="|")
"#;
    let out = Command::new("/usr/bin/python3.11")
        .arg("-c")
        .arg(script)
        .args(&hex)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

fn ours(e: &Option<SyntaxError>) -> String {
    match e {
        None => "OK".into(),
        Some(e) => format!(
            "{}|{}|{}|{}|{}|{}",
            e.kind.name(),
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset,
            e.msg
        ),
    }
}

#[test]
fn errors_match_cpython() {
    let Some(expected) = python_errors(ERROR_CASES) else {
        eprintln!("python3.11 not available: skipping errors_match_cpython");
        return;
    };
    assert_eq!(expected.len(), ERROR_CASES.len());
    let mut bad = Vec::new();
    for (case, want) in ERROR_CASES.iter().zip(&expected) {
        let got = ours(&first_error(case));
        if &got != want {
            bad.push(format!(
                "{:?}\n  cpython: {want}\n  taipan:  {got}",
                String::from_utf8_lossy(case)
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// (kind number as TokenizerIter reports it, lineno, col, end_lineno, end_col, text), recorded
/// from python3.11's `_tokenize.TokenizerIter` (ENDMARKER not included).
fn stream(src: &str) -> Vec<(u8, u32, i64, u32, i64, String)> {
    let text = decode_source(src.as_bytes()).unwrap();
    let mut tok = Tokenizer::new(&text);
    let mut out = Vec::new();
    loop {
        let t = tok.next_token().unwrap();
        if t.kind == TokKind::EndMarker {
            return out;
        }
        let noposition = matches!(t.kind, TokKind::Indent | TokKind::Dedent);
        out.push((
            if t.kind.is_keyword() { 1 } else { t.kind as u8 },
            t.lineno,
            if noposition { -1 } else { t.col_offset as i64 },
            t.end_lineno,
            if noposition {
                -1
            } else {
                t.end_col_offset as i64
            },
            if noposition {
                String::new()
            } else {
                text[t.start as usize..t.end as usize].to_owned()
            },
        ));
    }
}

#[test]
fn stream_with_comment_indent_and_blank_lines() {
    let s = |k, l, c, el, ec, t: &str| (k, l, c, el, ec, t.to_owned());
    assert_eq!(
        stream("x = 1 # c\nif x:\n  y\n\n"),
        vec![
            s(1, 1, 0, 1, 1, "x"),
            s(22, 1, 2, 1, 3, "="),
            s(2, 1, 4, 1, 5, "1"),
            s(4, 1, 6, 1, 9, "# c"),
            s(1, 2, 0, 2, 2, "if"),
            s(1, 2, 3, 2, 4, "x"),
            s(11, 2, 4, 2, 5, ":"),
            s(4, 2, 5, 2, 5, ""),
            s(5, 3, -1, 3, -1, ""),
            s(1, 3, 2, 3, 3, "y"),
            s(4, 3, 3, 3, 3, ""),
            s(6, 4, -1, 4, -1, ""),
        ]
    );
}

#[test]
fn multiline_string_and_no_final_newline() {
    let s = |k, l, c, el, ec, t: &str| (k, l, c, el, ec, t.to_owned());
    assert_eq!(
        stream("a = \"\"\"x\ny\"\"\""),
        vec![
            s(1, 1, 0, 1, 1, "a"),
            s(22, 1, 2, 1, 3, "="),
            s(3, 1, 4, 2, 4, "\"\"\"x\ny\"\"\""),
            s(4, 2, 4, 2, 4, ""),
        ]
    );
}

#[test]
fn endmarker_repeats_and_error_repeats() {
    let mut tok = Tokenizer::new("x\n");
    while tok.next_token().unwrap().kind != TokKind::EndMarker {}
    assert_eq!(tok.next_token().unwrap().kind, TokKind::EndMarker);
    let mut tok = Tokenizer::new("(\n");
    let e1 = tok.next_token().and_then(|_| tok.next_token()).unwrap_err();
    assert_eq!(tok.next_token().unwrap_err(), e1);
    assert!(!tok.raised_by_tokenizer());
    assert_eq!(tok.open_brackets(), &[(b'(', 1, 0)]);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = "(".repeat(100_000);
    let e = first_error(src.as_bytes()).unwrap();
    assert_eq!(e.msg, "too many nested parentheses");
    let mut src = String::new();
    for i in 0..200 {
        src.push_str(&" ".repeat(i));
        src.push_str("if 1:\n");
    }
    let e = first_error(src.as_bytes()).unwrap();
    assert_eq!(e.msg, "too many levels of indentation");
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
}

#[test]
fn coding_cookies() {
    // Recorded from python3.11: these decode as shown.
    let d = |b: &[u8]| decode_source(b).unwrap();
    assert_eq!(
        d(b"# coding: latin-1\nx='\xe9'\n"),
        "# coding: latin-1\nx='\u{e9}'\n"
    );
    assert!(
        d(b"#!/bin/sh\n# vim: set fileencoding=latin-1 :\nx='\xe9'\n").ends_with("x='\u{e9}'\n")
    );
    assert_eq!(
        d(b"# coding: cp1252\nx='\x80'\n"),
        "# coding: cp1252\nx='\u{20ac}'\n"
    );
    assert_eq!(
        d(b"# -*- coding: koi8-r -*-\n'\xc1'\n"),
        "# -*- coding: koi8-r -*-\n'\u{430}'\n"
    );
    assert_eq!(
        d(b"# coding=Latin_1-foo\nx='\xe9'\n"),
        "# coding=Latin_1-foo\nx='\u{e9}'\n"
    );
    // A cookie on line 2 counts only after a blank or comment-only line 1.
    assert!(decode_source(b"x=1\n# coding: latin-1\nx='\xe9'\n").is_err());
    assert_eq!(
        d(b"\n# coding: latin-1\nx='\xe9'\n"),
        "\n# coding: latin-1\nx='\u{e9}'\n"
    );
    // Undecodable bytes in a comment are harmless.
    assert_eq!(d(b"# \xff\nx=1\n"), "# \u{fffd}\nx=1\n");
    assert_eq!(d(b"x\r\ny\rz"), "x\ny\nz\n");
}
