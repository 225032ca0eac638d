//! The compiler's own errors (after a successful parse): CPython's
//! messages, and no stack overflow or panic on deep nesting.

use taipan_compiler::{compile_module, CompileError};

fn compile(src: &str) -> Result<(), CompileError> {
    let tree = taipan_parser::parse_module(src.as_bytes(), "<test>").expect("parses");
    compile_module(&tree, "<test>").map(|_| ())
}

fn err(src: &str) -> CompileError {
    compile(src).expect_err("should not compile")
}

#[test]
fn syntax_errors_have_cpython_messages() {
    let cases: &[(&str, &str, u32, u32)] = &[
        ("return 1\n", "'return' outside function", 1, 1),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            1,
            1,
        ),
        (
            "x = 1\nnonlocal x\n",
            "name 'x' is assigned to before nonlocal declaration",
            2,
            1,
        ),
        (
            "def f():\n    x\n    global x\n",
            "name 'x' is used prior to global declaration",
            3,
            5,
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
            3,
            5,
        ),
        (
            "def f(a):\n    global a\n",
            "name 'a' is parameter and global",
            2,
            5,
        ),
        (
            "def f():\n    nonlocal y\n",
            "no binding for nonlocal 'y' found",
            2,
            5,
        ),
        ("await x\n", "'await' outside function", 1, 1),
        (
            "def f():\n    await x\n",
            "'await' outside async function",
            2,
            5,
        ),
        ("yield 1\n", "'yield' outside function", 1, 1),
        ("break\n", "'break' outside loop", 1, 1),
        ("continue\n", "'continue' not properly in loop", 1, 1),
        (
            "def f(a, a): pass\n",
            "duplicate argument 'a' in function definition",
            1,
            10,
        ),
        (
            "def f():\n    from os import *\n",
            "import * only allowed at module level",
            2,
            20,
        ),
        (
            "async def f():\n    yield 1\n    return 2\n",
            "'return' with value in async generator",
            3,
            5,
        ),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8),
        (
            "match x:\n    case a:\n        pass\n    case b:\n        pass\n",
            "name capture 'a' makes remaining patterns unreachable",
            2,
            10,
        ),
        (
            "match x:\n    case [a, a]:\n        pass\n",
            "multiple assignments to name 'a' in pattern",
            2,
            14,
        ),
        (
            "[x for x in y if (yield)]\n",
            "'yield' inside list comprehension",
            1,
            19,
        ),
    ];
    for (src, msg, line, offset) in cases {
        let e = err(src);
        assert_eq!(e.kind, "SyntaxError", "{src:?}");
        assert_eq!(&e.msg, msg, "{src:?}");
        assert_eq!((e.lineno, e.offset), (*line, *offset), "{src:?}");
    }
}

#[test]
fn too_many_statically_nested_blocks() {
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&" ".repeat(i));
        src.push_str("for x in y:\n");
    }
    src.push_str(&" ".repeat(21));
    src.push_str("pass\n");
    let e = err(&src);
    assert_eq!(e.msg, "too many statically nested blocks");
}

/// Deep nesting the parser accepts gives an error (or compiles), never a
/// stack overflow: run on a thread with Rust's default 2 MiB test stack.
#[test]
fn deep_nesting_does_not_overflow() {
    // Depths the parser accepts (it stops at about 200 nested brackets).
    let sources = vec![
        format!("x = {}1\n", "-".repeat(3000)),
        format!("x = {}1\n", "not ".repeat(2000)),
        format!("x = 1{}\n", " + 1".repeat(1000)),
        format!("x = y{}\n", ".a".repeat(2900)),
        format!("x = f{}\n", "()".repeat(2900)),
        format!("x = {}\n", "a if b else ".repeat(1400) + "c"),
        format!(
            "if x:\n{}",
            (1..100)
                .map(|i| format!("{}if x:\n", " ".repeat(i)))
                .collect::<String>()
                + &" ".repeat(100)
                + "pass\n"
        ),
    ];
    for src in sources {
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let Ok(tree) = taipan_parser::parse_module(src.as_bytes(), "<deep>") else {
                    return;
                };
                let _ = compile_module(&tree, "<deep>");
                // Dropping the tree must not overflow either.
                drop(tree);
            })
            .expect("thread");
        assert!(h.join().is_ok(), "compiler panicked or overflowed");
    }
}

/// Where CPython stops (3,000 levels, counted as its symbol table and AST
/// optimizer count them) we stop, with its `RecursionError`.
#[test]
fn recursion_limit_matches_cpython() {
    let ok = [
        "x = ".to_string() + &"-".repeat(2000) + "1\n",
        "x = y".to_string() + &".a".repeat(1500) + "\n",
    ];
    for src in ok {
        let tree = taipan_parser::parse_module(src.as_bytes(), "<deep>").expect("parses");
        assert!(compile_module(&tree, "<deep>").is_ok());
    }
    // 3,000 levels: CPython's `ast.parse` already stops here (RecursionError during AST
    // construction), and so does taipan-parser (at the same depth), so the tree is built by
    // wrapping a parsed 2,000-level one in 1,000 more unary minuses, as `compile()` of the
    // source would see it.
    let src = "x = ".to_string() + &"-".repeat(2000) + "1\n";
    let mut tree = taipan_parser::parse_module(src.as_bytes(), "<deep>").expect("parses");
    if let taipan_parser::ast::Mod::Module { body, .. } = &mut tree {
        if let taipan_parser::ast::StmtKind::Assign { value, .. } = &mut body[0].kind {
            for _ in 0..1000 {
                let loc = value.loc;
                let inner = std::mem::replace(
                    value,
                    Box::new(taipan_parser::ast::Expr {
                        loc,
                        kind: taipan_parser::ast::ExprKind::Constant {
                            value: taipan_parser::ast::Constant::None,
                            kind: None,
                        },
                    }),
                );
                **value = taipan_parser::ast::Expr {
                    loc,
                    kind: taipan_parser::ast::ExprKind::UnaryOp {
                        op: taipan_parser::ast::UnaryOp::USub,
                        operand: inner,
                    },
                };
            }
        }
    }
    let e = compile_module(&tree, "<deep>").expect_err("too deep");
    assert_eq!(e.kind, "RecursionError");
    assert_eq!(e.msg, "maximum recursion depth exceeded during compilation");
}
