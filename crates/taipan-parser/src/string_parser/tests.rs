//! String literal tests against python3.11: each snippet is one run of adjacent string
//! literals; its `Constant`/`JoinedStr` (dumped with positions) or its error message must be
//! what CPython gives.

use super::concatenate_strings;
use crate::dump::dump_expr;
use crate::token::TokKind;
use crate::tokenizer::Tokenizer;

/// Ours: tokenize, take the leading STRING tokens, concatenate.
fn ours(src: &str) -> String {
    let mut tok = Tokenizer::new(src);
    let mut toks = Vec::new();
    loop {
        match tok.next_token() {
            Ok(t) if t.kind == TokKind::String => toks.push(t),
            Ok(t) if t.kind == TokKind::Lpar && toks.is_empty() => {}
            Ok(_) => break,
            Err(e) => return format!("TOKERR {}", e.msg),
        }
    }
    match concatenate_strings(src, "<s>", &toks) {
        Ok(e) => dump_expr(&e, true),
        Err(e) => format!("ERR {}", e.msg),
    }
}

/// CPython's, one line per snippet.
fn theirs(snippets: &[&str]) -> Vec<String> {
    let hexes: Vec<String> = snippets
        .iter()
        .map(|s| s.bytes().map(|b| format!("{b:02x}")).collect())
        .collect();
    let code = format!(
        "import ast, warnings\nwarnings.simplefilter('ignore')\nfor h in {hexes:?}:\n try: print(ast.dump(ast.parse(bytes.fromhex(h).decode()).body[0].value, include_attributes=True).encode('unicode_escape').decode())\n except SyntaxError as e: print(('ERR ' + e.msg).encode('unicode_escape').decode())"
    );
    let out = std::process::Command::new("/usr/bin/python3.11")
        .args(["-c", &code])
        .output()
        .expect("python3.11 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<String> = text.lines().map(String::from).collect();
    assert_eq!(lines.len(), snippets.len());
    lines
}

/// Python's `unicode_escape` of our text, to compare with the escaped lines python printed.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out
}

fn check(snippets: &[&str]) {
    let want = theirs(snippets);
    let mut bad = Vec::new();
    for (src, w) in snippets.iter().zip(&want) {
        let got = escape(&ours(src));
        if &got != w {
            bad.push(format!("{src:?}\n  ours:   {got}\n  python: {w}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        snippets.len(),
        bad.join("\n")
    );
}

#[test]
fn plain_strings() {
    check(&[
        "'abc'",
        "\"a'b\"",
        "u'x'",
        "U'x'",
        "R'\\n'",
        "r'\\n' 'b'",
        "'a' 'b' \"c\"",
        "''",
        "'' ''",
        "u'' 'x'",
        "'x' u'y'",
        "'''tri\nple''' 'x'",
        "\"\"\"a\"\"\"",
        "'\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v'",
        "'\\0\\7\\77\\777\\1234'",
        "'\\x41\\u00e9\\U0001F600'",
        "'\\q\\%'",
        "'\\ud800'",
        "'\\ud83d\\ude00'",
        "'a\\\nb'",
        "'é\\n'",
        "'\\é'",
        "'é' '\\x4'",
        "'\\x4'",
        "'\\x'",
        "'\\u12'",
        "'\\U1234567'",
        "'\\U00110000'",
        "'\\N{LATIN SMALL LETTER A}'",
        "'\\N{latin small letter a}x'",
        "'\\N{ZWNJ}'",
        "'\\N{NO SUCH}'",
        "'\\N{}'",
        "'\\N'",
        "'\\Nx'",
        "'\\N{abc'",
        "'éé\\N{NO SUCH}'",
        "'\\N{é}'",
        "'\\N{HANGUL SYLLABLE GAG}\\N{CJK UNIFIED IDEOGRAPH-4E00}'",
        "'日本語'",
        "'\\\\'",
    ]);
}

#[test]
fn bytes_literals() {
    check(&[
        "b'abc'",
        "B'a' b'b'",
        "rb'\\n'",
        "bR'\\x'",
        "b'\\x41\\n\\0\\777'",
        "b'\\x4'",
        "b'ab\\xzz'",
        "b'\\q'",
        "b'\\u1234'",
        "b'é'",
        "b'a' 'b'",
        "'a' b'b'",
        "b'a' f'b'",
        "f'a' b'b'",
        "b'\"'",
    ]);
}

#[test]
fn fstring_literals_and_errors() {
    check(&[
        "f''",
        "f'' ''",
        "f'abc'",
        "'a' f'b' 'c'",
        "u'a' f'b'",
        "f'{{}}'",
        "f'a{{b'",
        "f'}}'",
        "rf'\\n{{'",
        "F'\\x41'",
        "f'\\N{LATIN SMALL LETTER A}'",
        "f'}'",
        "f'{'",
        "f'{}'",
        "f'{ }'",
        "f'{!r}'",
        "f'{:x}'",
        "f'{=}'",
        "f'{a\\n}'",
        "f'{#}'",
        "f'{)}'",
        "f'{(}'",
        "f'{[)}'",
        "f'{a'",
        "f'{\"a}'",
        "f'\\x4{{'",
    ]);
}

/// Replacement fields (simple names, so that any parser that handles a name will do).
#[test]
fn fstring_fields() {
    check(&[
        "f'{x}'",
        "f'a{x}b{y}c'",
        "f'{x!r}'",
        "f'{x!s:>10}'",
        "f'{x:{y}}'",
        "f'{x:a{y}b{z}c}'",
        "f'{x:}'",
        "f'{x:{{}}}'",
        "f'{x=}'",
        "f'{x = }'",
        "f'{x=!s}'",
        "f'{x=:>4}'",
        "f'{x=!r:>4}'",
        "f'{ x }'",
        "f'''{\nx\n}'''",
        "f'''a\n  {x}'''",
        "f'''a\n  {  x}'''",
        "f'''a\n  {\n  x}'''",
        "'a' f'{x}' 'b' f'{y}'",
        "u'a' f'{x}'",
        "'a' f'{x}'\\\n'b'",
        "(f'{x}'\n f'{y}')",
        "f'{x}' rf'\\{y}'",
        "f'{x:{y:{z}}}'",
        "f'{x!}'",
        "f'{x!z}'",
        "f'{x!r'",
        "f'{x:'",
        "f'{x'",
        "f'{x}}'",
        "f'{x:{y}'",
        "f'é{x}'",
        "f'{é}'",
        "f'\\N{LATIN SMALL LETTER A}{x}'",
        "f'{x!r=}'",
        "f'{x:=10}'",
        "f'{x<y}'",
        "f'\\{x}'",
        "f'a\\\\{x}'",
        "f'\\é{x}'",
    ]);
}
