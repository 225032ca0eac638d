//! Prints the tokens of Python files as `scripts/compare_tokens.py` prints CPython's
//! (`_tokenize.TokenizerIter`, the C tokenizer of `Parser/tokenizer.c`), one file after another:
//!
//! ```text
//! FILE <path>
//! <type> <lineno> <col> <end_lineno> <end_col> <text as a JSON string>
//! ...
//! END | STOP | ERROR <ExceptionType> <lineno> <message>
//! ```
//!
//! Types are CPython's exact numbers as TokenizerIter gives them (keywords NAME, each operator
//! its own number, unknown characters OP). INDENT/DEDENT have columns -1
//! as TokenizerIter reports them; ENDMARKER is not printed (TokenizerIter stops before it).
//! `ERROR` is printed for errors CPython's tokenizer raises itself, and for errors pegen raises
//! from the tokenizer's `done` code (which TokenizerIter swallows: the script asks `compile()`).
//!
//! Usage: `cargo run --release -p taipan-parser --example tokens -- FILE...`; with `--time`
//! first, it only measures decoding + tokenizing speed.

use std::fmt::Write as _;
use std::io::Write as _;

use taipan_parser::token::TokKind;
use taipan_parser::tokenizer::{decode_source, Tokenizer};

/// CPython 3.11's token number: keywords are NAME except `async`/`await`, which the C
/// tokenizer reports as ASYNC (56) and AWAIT (55).
fn cpython_number(kind: TokKind) -> u8 {
    match kind {
        TokKind::Async => 56,
        TokKind::Await => 55,
        k if k.is_keyword() => 1,
        k => k as u8,
    }
}

fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn dump(path: &str, out: &mut String) {
    let _ = writeln!(out, "FILE {path}");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(out, "ERROR OSError 0 {e}");
            return;
        }
    };
    let text = match decode_source(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(out, "ERROR {} {} {}", e.kind.name(), e.lineno, e.msg);
            return;
        }
    };
    let mut tok = Tokenizer::new(&text);
    loop {
        match tok.next_token() {
            Ok(t) if t.kind == TokKind::EndMarker => {
                out.push_str("END\n");
                return;
            }
            Ok(t) => {
                let (col, end_col) = if matches!(t.kind, TokKind::Indent | TokKind::Dedent) {
                    (-1, -1)
                } else {
                    (t.col_offset as i64, t.end_col_offset as i64)
                };
                let _ = write!(
                    out,
                    "{} {} {} {} {} ",
                    cpython_number(t.kind),
                    t.lineno,
                    col,
                    t.end_lineno,
                    end_col
                );
                let s = if matches!(t.kind, TokKind::Indent | TokKind::Dedent) {
                    ""
                } else {
                    text.get(t.start as usize..t.end as usize)
                        .unwrap_or("<bad span>")
                };
                json_str(s, out);
                out.push('\n');
            }
            Err(e) => {
                let _ = writeln!(out, "ERROR {} {} {}", e.kind.name(), e.lineno, e.msg);
                return;
            }
        }
    }
}

/// `--time`: decode and tokenize every file (read beforehand) 5 times and print the best
/// total time, without printing tokens.
fn time_only(paths: &[String]) {
    let sources: Vec<Vec<u8>> = paths.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    let total_bytes: usize = sources.iter().map(Vec::len).sum();
    let mut best = f64::INFINITY;
    let mut count = 0usize;
    for _ in 0..5 {
        let t0 = std::time::Instant::now();
        count = 0;
        for src in &sources {
            let Ok(text) = decode_source(src) else {
                continue;
            };
            let mut tok = Tokenizer::new(&text);
            while let Ok(t) = tok.next_token() {
                count += 1;
                if t.kind == TokKind::EndMarker {
                    break;
                }
            }
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {} bytes, {} tokens: best of 5 {:.1} ms ({:.0} MB/s)",
        sources.len(),
        total_bytes,
        count,
        best * 1e3,
        total_bytes as f64 / best / 1e6
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        time_only(&args[1..]);
        return;
    }
    let mut out = String::new();
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for path in &args {
        out.clear();
        dump(path, &mut out);
        if lock.write_all(out.as_bytes()).is_err() {
            return;
        }
    }
}
