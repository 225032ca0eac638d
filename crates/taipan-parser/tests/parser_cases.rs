//! Parser tests: tricky node positions and syntax errors, each compared with what
//! `/usr/bin/python3.11` gives for the same source (`ast.dump(..., include_attributes=True)`
//! or the SyntaxError's type, msg, lineno, offset, end_lineno, end_offset), plus
//! deep-nesting inputs that must fail cleanly (no stack overflow, no hang) on a 2 MiB thread.

use std::process::Command;
use taipan_parser::{dump::dump, parse_module};

const PY: &str = "/usr/bin/python3.11";

/// What CPython says about `src`: the dump, or "Kind|msg|lineno|offset|end_lineno|end_offset"
/// (a missing or negative end offset as 0, our convention for None).
fn cpython(src: &str) -> String {
    let code = r#"
import ast, sys
src = sys.stdin.buffer.read()
try:
    sys.stdout.write(ast.dump(ast.parse(src, "<t>"), include_attributes=True))
except SyntaxError as e:
    eo = e.end_offset if e.end_offset and e.end_offset > 0 else 0
    el = e.end_lineno or 0
    sys.stdout.write("%s|%s|%s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset or 0, el, eo))
"#;
    let mut child = Command::new(PY)
        .args(["-c", code])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3.11 runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(src.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn taipan(src: &str) -> String {
    match parse_module(src.as_bytes(), "<t>") {
        Ok(m) => dump(&m, true),
        Err(e) => format!(
            "{}|{}|{}|{}|{}|{}",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            // CPython's 0 and -1 both print as 0 here (see `cpython`).
            if e.end_offset == taipan_parser::error::END_OFFSET_ZERO {
                0
            } else {
                e.end_offset
            }
        ),
    }
}

fn check_all(cases: &[&str]) {
    if !std::path::Path::new(PY).exists() {
        panic!("{PY} is needed for these tests");
    }
    let mut bad = Vec::new();
    for src in cases {
        let (want, got) = (cpython(src), taipan(src));
        if want != got {
            bad.push(format!("{src:?}\n  cpython: {want}\n  taipan:  {got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

#[test]
fn positions_of_tricky_nodes() {
    check_all(&[
        "@a.b(c)\n@d\nclass C(B, *x, k=1, **kw): pass\n",
        "@dec\nasync def f(a, /, b=1, *, c, d=2, **e) -> 'r': await x\n",
        "x = yield\ny = yield from z\n",
        "a[1:2, ::3, *b] = c\n",
        "for x in *a, b: pass\n",
        "return_ = lambda *a, b=1, **k: (a, b)\n",
        "with (open(a) as b, c):\n    pass\n",
        "with (a, b): pass\n",
        "try:\n    pass\nexcept* E as e:\n    pass\n",
        "match p:\n    case {1: _, 'k': [*r], **kw} if r: pass\n    case C(1, y=2) | -1-2j | a.b: pass\n    case (x, *_) as t: pass\n",
        "print(x for x in y)\n",
        "f(a)(b)[c].d\n",
        "(x := 1)\n[y := 2, 3]\n",
        "from ... import a\nfrom .x import (b,)\nimport a.b.c as d\n",
        "x: 'int'\n(y): int = 1\nz.w: int\n",
        "del a, (b, c), [d]\n",
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
        "global a, b\nnonlocal c\n",
        "assert x, 'm'\nraise E from c\n",
        "\u{e9}t\u{e9} = \u{fb01}x = 1\n",
        "x = [i async for i in a if i if j]\n",
        "a if b else c if d else e\n",
        "not a < b <= c is not d not in e\n",
        "a = b = c\nx += 1\n",
        "f(*a, *b, c=1, **d)\n",
        "def f[\n",
    ]);
}

#[test]
fn syntax_errors_as_cpython() {
    check_all(&[
        "f(x for x in y, 1)\n",
        "f(a=1, b)\n",
        "f(**a, *b)\n",
        "f(True=1)\n",
        "a + 1 = 2\n",
        "(a, b): int\n",
        "del f()\n",
        "for 1 in x: pass\n",
        "if x = 1: pass\n",
        "if x\n    pass\n",
        "def f():\npass\n",
        "class C\n",
        "print 'hello'\n",
        "a b\n",
        "[x, y for x in z]\n",
        "{**a for a in b}\n",
        "def f(a=1, b): pass\n",
        "def f(*): pass\n",
        "def f(**a, b): pass\n",
        "lambda *: 1\n",
        "try:\n    x\n",
        "try:\n    x\nexcept:\n    y\nexcept* E:\n    z\n",
        "except E, F: pass\n",
        "x = (1, 2\ny = 3\n",
        "x = 1 +\n",
        "  x = 1\n",
        "if a:\n  b\n c\n",
        "match x:\n    case _ as _: pass\n",
        "match x:\n    case C(a=1, 2): pass\n",
        "x = a if b\n",
        "f(a, b for b in c)\n",
        "{1: *a}\n",
        "{1:}\n",
        "(*a)\n",
        "a := 1\n",
        "from x import a,\n",
        "with a as 1: pass\n",
        "x = 1 $ 2\n",
        "f(\n",
        "'abc' 1\n",
        "yield = 1\n",
        "a, b += 1\n",
        "[a, b]: int\n",
        "f() = 1\n",
        "None = 1\n",
        "x = {1, 2, **a}\n",
        "import a.b as c.d\n",
    ]);
}

#[test]
fn deep_nesting_fails_cleanly_on_a_small_stack() {
    let cases: Vec<String> = vec![
        "-".repeat(100_000) + "1",
        "not ".repeat(100_000) + "x",
        "lambda:".repeat(20_000) + "1",
        "a.".repeat(50_000) + "b",
        "x".to_string() + &"[0]".repeat(20_000),
        "1+".repeat(100_000) + "1",
        "2**".repeat(100_000) + "1",
        "a if b else ".repeat(30_000) + "c",
        "(".repeat(300) + &")".repeat(300),
        "f(".repeat(199) + &")".repeat(199),
        // Deep but legal trees (returned, then dropped on this small stack).
        "x = ".to_string() + &"a if b else ".repeat(2900) + "c",
        "x = ".to_string() + &"-".repeat(2900) + "1",
        "x = ".to_string() + &"a.".repeat(2900) + "b",
        // A deep tree in a file with an error: the error pass re-parses it.
        "for x in [1, ".to_string() + &"a if b else ".repeat(2900) + "c]:\n",
    ];
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            cases
                .iter()
                .map(|c| parse_module(c.as_bytes(), "<t>").map(|_| ()))
                .collect::<Vec<_>>()
        })
        .unwrap();
    let results = handle.join().expect("no stack overflow or panic");
    for (i, r) in results.iter().enumerate() {
        if i < 8 {
            let e = r.as_ref().expect_err("too deep");
            assert_eq!(e.kind, taipan_parser::SyntaxErrorKind::TooDeep, "case {i}");
            assert_eq!(
                e.msg, "maximum recursion depth exceeded during compilation",
                "case {i}"
            );
        }
    }
    // 300 brackets: the tokenizer's limit (200) gives CPython's message.
    assert_eq!(
        results[8].as_ref().unwrap_err().msg,
        "too many nested parentheses"
    );
    // 199 nested calls parse, as in CPython.
    assert!(results[9].is_ok());
    assert!(results[10].is_ok() && results[11].is_ok() && results[12].is_ok());
    assert_eq!(
        results[13].as_ref().unwrap_err().msg,
        "expected an indented block after 'for' statement on line 1"
    );
}
