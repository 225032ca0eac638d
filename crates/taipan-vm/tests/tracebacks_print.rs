//! How uncaught exceptions print (`taipan_vm::run::format_exception`),
//! compared with the text CPython 3.11 writes for the same programs:
//! suggestions, exception groups, notes, chains, `SyntaxError` blocks, and
//! the `compile()` builtin.

use std::sync::Mutex;

use taipan_vm::objects::dict::PyDict;
use taipan_vm::objects::str::PyStr;

static LOCK: Mutex<()> = Mutex::new(());

/// Runs `src` from a real file (so source lines print) and returns the
/// formatted uncaught exception, with the file's path replaced by `F`.
fn uncaught(name: &str, src: &str) -> String {
    let _lock = {
        taipan_vm::gil::ensure_held();
        LOCK.lock()
    }
    .unwrap_or_else(|e| e.into_inner());
    taipan_vm::interp::initialize().expect("initialize");
    let dir = std::env::temp_dir().join(format!("taipan-tracebacks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).expect("write");
    let path = path.display().to_string();
    let code = taipan_vm::run::compile_source(src.as_bytes(), &path).expect("compile");
    let g = PyDict::new().expect("dict");
    let gd = g.downcast::<PyDict>().expect("dict");
    gd.set_str("__name__", PyStr::new("__main__").expect("str"))
        .expect("set");
    if let Some(b) = &taipan_vm::interp::interp().builtins {
        gd.set_str("__builtins__", b.clone()).expect("set");
    }
    let e = taipan_vm::run::exec_code(&code, &g, None).expect_err("raises");
    taipan_vm::run::format_exception(e.value()).replace(&path, "F")
}

#[test]
fn attribute_suggestion() {
    let text = uncaught(
        "attr",
        "class Config:\n    def __init__(self):\n        self.verbose = True\nc = Config()\nc.verbos\n",
    );
    assert!(
        text.ends_with(
            "AttributeError: 'Config' object has no attribute 'verbos'. Did you mean: 'verbose'?\n"
        ),
        "{text}"
    );
}

#[test]
fn name_suggestions_locals_globals_builtins() {
    let text = uncaught(
        "name1",
        "def f():\n    counter = 1\n    return countr\nf()\n",
    );
    assert!(
        text.ends_with("NameError: name 'countr' is not defined. Did you mean: 'counter'?\n"),
        "{text}"
    );
    let text = uncaught("name2", "sortd([1])\n");
    assert!(
        text.ends_with("NameError: name 'sortd' is not defined. Did you mean: 'sorted'?\n"),
        "{text}"
    );
    // Too far from every name: no suggestion.
    let text = uncaught("name3", "qqqqqqqq\n");
    assert!(
        text.ends_with("NameError: name 'qqqqqqqq' is not defined\n"),
        "{text}"
    );
}

#[test]
fn exception_group_boxes() {
    let text = uncaught(
        "group",
        "raise ExceptionGroup(\"outer\", [ValueError(\"v\"), ExceptionGroup(\"inner\", [TypeError(\"t\")])])\n",
    );
    let expected = "  + Exception Group Traceback (most recent call last):
  |   File \"F\", line 1, in <module>
  |     raise ExceptionGroup(\"outer\", [ValueError(\"v\"), ExceptionGroup(\"inner\", [TypeError(\"t\")])])
  | ExceptionGroup: outer (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | ValueError: v
    +---------------- 2 ----------------
    | ExceptionGroup: inner (1 sub-exception)
    +-+---------------- 1 ----------------
      | TypeError: t
      +------------------------------------
";
    assert_eq!(text, expected);
}

#[test]
fn notes_and_chains() {
    let text = uncaught(
        "notes",
        "try:\n    1/0\nexcept ZeroDivisionError as z:\n    e = KeyError('k')\n    e.add_note('one\\ntwo')\n    raise e from z\n",
    );
    let expected = "Traceback (most recent call last):
  File \"F\", line 2, in <module>
    1/0
    ~^~
ZeroDivisionError: division by zero

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File \"F\", line 6, in <module>
    raise e from z
KeyError: 'k'
one
two
";
    assert_eq!(text, expected);
}

#[test]
fn syntax_error_from_eval_and_compile() {
    let text = uncaught("synt", "eval('1 +* 2')\n");
    assert!(
        text.ends_with(
            "  File \"<string>\", line 1\n    1 +* 2\n       ^\nSyntaxError: invalid syntax\n"
        ),
        "{text}"
    );
    let text = uncaught("comp", "compile('x', 'f', 'nope')\n");
    assert!(
        text.ends_with("ValueError: compile() mode must be 'exec', 'eval' or 'single'\n"),
        "{text}"
    );
    let text = uncaught(
        "comp2",
        "exec(compile('a = 1\\nb = 2\\n', 'f', 'single'))\n",
    );
    assert!(
        text.ends_with(
            "SyntaxError: multiple statements found while compiling a single statement\n"
        ),
        "{text}"
    );
}
