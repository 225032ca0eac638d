//! The `_sre` matching engine (CPython's `Modules/_sre/sre_lib.h`) driven
//! directly with hand-assembled code: results, captured marks, and that
//! deep nesting and long subjects run on a small thread stack (the matcher
//! keeps its contexts on an explicit stack, never on Rust's). A second test
//! runs the `re` package through the VM.

use taipan_vm::modules::_sre::constants::*;
use taipan_vm::modules::_sre::engine::{Matcher, SreError, State};
use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::str::PyStr;

fn search(code: &[u32], groups: usize, s: &str) -> Option<(isize, isize, Vec<isize>)> {
    let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
    let mut st = State::new(groups, chars.len(), 0, isize::MAX);
    let found = Matcher::new(&mut st, &chars, code).search().unwrap();
    if !found {
        return None;
    }
    let mut marks = Vec::new();
    for g in 1..=groups {
        let (a, b) = st.group_span(g).unwrap_or((-1, -1));
        marks.push(a);
        marks.push(b);
    }
    Some((st.start, st.ptr, marks))
}

fn matches(code: &[u32], groups: usize, s: &[u8]) -> Result<Option<isize>, SreError> {
    let mut st = State::new(groups, s.len(), 0, isize::MAX);
    let r = Matcher::new(&mut st, s, code).do_match()?;
    Ok(r.then_some(st.ptr))
}

#[test]
fn literals_classes_and_groups() {
    // "b(c)" : LITERAL b, MARK 0, LITERAL c, MARK 1, SUCCESS
    let code = [
        OP_LITERAL, 98, OP_MARK, 0, OP_LITERAL, 99, OP_MARK, 1, OP_SUCCESS,
    ];
    assert_eq!(search(&code, 1, "abcd"), Some((1, 3, vec![2, 3])));
    assert_eq!(search(&code, 1, "abd"), None);
    // "[0-9]+" : REPEAT_ONE skip min max IN skip RANGE 48 57 FAILURE SUCCESS, SUCCESS
    let code = [
        OP_REPEAT_ONE,
        9,
        1,
        MAXREPEAT,
        OP_IN,
        5,
        OP_RANGE,
        48,
        57,
        OP_FAILURE,
        OP_SUCCESS,
        OP_SUCCESS,
    ];
    assert_eq!(search(&code, 0, "ab123c"), Some((2, 5, vec![])));
    // A wide character in a UCS-4 subject.
    let code = [OP_LITERAL, 0x1F600, OP_SUCCESS];
    assert_eq!(search(&code, 0, "x\u{1F600}"), Some((1, 2, vec![])));
    // A literal wider than the subject's characters never matches.
    assert_eq!(matches(&[OP_LITERAL, 0x141, OP_SUCCESS], 0, b"A"), Ok(None));
}

#[test]
fn repeat_and_branch_backtrack() {
    // "(?:a|ab)*c" as re._compiler emits it (without INFO).
    let code = [
        OP_REPEAT,
        17,
        0,
        MAXREPEAT, //
        OP_BRANCH,
        5,
        OP_LITERAL,
        97,
        OP_JUMP,
        9, //
        7,
        OP_LITERAL,
        97,
        OP_LITERAL,
        98,
        OP_JUMP,
        2,
        0, //
        OP_MAX_UNTIL,
        OP_LITERAL,
        99,
        OP_SUCCESS,
    ];
    assert_eq!(matches(&code, 0, b"aabac"), Ok(Some(5)));
    assert_eq!(matches(&code, 0, b"aabab"), Ok(None));
    // Malformed: MAX_UNTIL with no REPEAT is an engine error, not a panic.
    assert_eq!(
        matches(&[OP_MAX_UNTIL, OP_SUCCESS], 0, b"x"),
        Err(SreError::State)
    );
    // Code that runs off its end reads FAILURE.
    assert_eq!(matches(&[OP_LITERAL], 0, b"x"), Ok(None));
    assert_eq!(
        matches(&[OP_MARK, 7, OP_SUCCESS], 1, b"x"),
        Err(SreError::Illegal)
    );
}

/// Runs `f` on a thread with a 256 KiB stack.
fn small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn long_subject_no_recursion() {
    small_stack(|| {
        // "(?:a|b)*c" over 400k characters: one context per iteration.
        let code = vec![
            OP_REPEAT,
            15,
            0,
            MAXREPEAT, //
            OP_BRANCH,
            5,
            OP_LITERAL,
            97,
            OP_JUMP,
            7, //
            5,
            OP_LITERAL,
            98,
            OP_JUMP,
            2,
            0, //
            OP_MAX_UNTIL,
            OP_LITERAL,
            99,
            OP_SUCCESS,
        ];
        let mut s = b"ab".repeat(200_000);
        s.push(b'c');
        assert_eq!(matches(&code, 0, &s), Ok(Some(400_001)));
        s.pop();
        assert_eq!(matches(&code, 0, &s), Ok(None));
    });
}

#[test]
fn deep_nesting_no_recursion() {
    small_stack(|| {
        // 20000 nested lookaheads around "a", then "a".
        let n = 20_000usize;
        let mut code = Vec::new();
        for i in 0..n {
            let inner = 4 * (n - i) + 1;
            code.extend([OP_ASSERT, inner as u32, 0]);
        }
        code.extend([OP_LITERAL, 97, OP_SUCCESS]);
        code.extend(std::iter::repeat_n(OP_SUCCESS, n - 1));
        code.extend([OP_LITERAL, 97, OP_SUCCESS]);
        assert_eq!(matches(&code, 0, b"a"), Ok(Some(1)));
        assert_eq!(matches(&code, 0, b"b"), Ok(None));
    });
}

const PROGRAM: &str = r#"import re
out = []
p = re.compile(r"(?P<w>\w+)@(?P<d>[\w.]+)")
m = p.search("mail bob@example.org now")
out.append(repr(m))
out.append(str((m.group("w"), m["d"], m.span(2), m.lastgroup)))
out.append(re.sub(r"(\d+)", lambda m: str(int(m[1]) + 1), "a9 b41"))
out.append(str(re.split(r"[,;]\s*", "x, y;z")))
out.append(str(re.findall(r"(?i)\bSTRASSE\b|ß", "Straße strasse")))
out.append(repr(re.compile(r"x", re.I | re.M)))
out.append(str(re.match(r"(a+)+b", "a" * 18)))
out.append(str(len(re.findall(r"(?:x|y)+", "xy" * 50000))))
R = "\n".join(out)
"#;

const PROGRAM_EXPECTED: &str = r#"<re.Match object; span=(5, 20), match='bob@example.org'>
('bob', 'example.org', (9, 20), 'd')
a10 b42
['x', 'y', 'z']
['ß', 'strasse']
re.compile('x', re.IGNORECASE|re.MULTILINE)
None
1"#;

#[test]
fn re_package_in_python() {
    taipan_vm::interp::initialize().unwrap();
    let code = taipan_vm::run::compile_source(PROGRAM.as_bytes(), "<sre>").unwrap();
    let globals = PyDict::new().unwrap();
    let g = globals.downcast::<PyDict>().unwrap();
    g.set_str("__name__", PyStr::new("__main__").unwrap())
        .unwrap();
    if let Err(e) = taipan_vm::run::exec_code(&code, &globals, None) {
        panic!("{}", taipan_vm::run::format_exception(e.value()));
    }
    let r = g.get_str("R").unwrap().unwrap();
    let got = r.downcast::<PyStr>().unwrap().as_str().to_owned();
    assert_eq!(got, PROGRAM_EXPECTED);
}
