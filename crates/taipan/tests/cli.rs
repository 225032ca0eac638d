//! The command line side by side with CPython 3.11: `-c`, `-m`, a program on standard
//! input, `-i` (the interactive loop fed from a pipe: prompts go to stderr), exit
//! statuses. Standard output and the exit status must be identical; standard error too,
//! except for the interactive banner's first line (the version text).

use std::io::Write;
use std::process::{Command, Stdio};

fn run(exe: &str, args: &[&str], stdin: &str) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let mut child = Command::new(exe)
        .args(args)
        .current_dir(std::env::temp_dir())
        .env_clear()
        .env("PYTHONHASHSEED", "0")
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (out.stdout, out.stderr, out.status.code())
}

fn same(args: &[&str], stdin: &str) {
    let ours = run(env!("CARGO_BIN_EXE_taipan"), args, stdin);
    let theirs = run("/usr/bin/python3.11", args, stdin);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert_eq!(text(&ours.0), text(&theirs.0), "stdout of {args:?}");
    assert_eq!(ours.2, theirs.2, "exit status of {args:?}");
    let strip_banner = |e: &[u8]| {
        let t = text(e);
        if t.starts_with("Python 3.11") {
            t.split_once('\n').map(|x| x.1).unwrap_or("").to_string()
        } else {
            t
        }
    };
    assert_eq!(
        strip_banner(&ours.1),
        strip_banner(&theirs.1),
        "stderr of {args:?}"
    );
}

#[test]
fn command_line_like_cpython() {
    same(&["-c", "import sys; print(sys.argv, 6 * 7)", "a", "b"], "");
    same(&["-c", "raise SystemExit(3)"], "");
    same(&["-c", "print(1/0)"], "");
    same(&["-"], "print('from stdin', __name__)\n");
    same(&[], "x = [1, 2]\nprint(x * 2)\n");
    same(
        &["-i"],
        "x = 5\nx\nfor i in range(2):\n    i\n\n1/0\nprint('after')\ny = {'a': 1}\ny['a']\n",
    );
    same(
        &["-q", "-i"],
        "def f(n):\n    return n * 2\n\nf(21)\nraise SystemExit(4)\n",
    );
    same(&["-m", "this"], "");
    same(&["-E", "-c", "print('E')"], "");
}

#[test]
fn optimize_and_warning_options_like_cpython() {
    let prog = "import sys\n\"\"\"doc\"\"\"\nassert 0, 'x'\nprint(__debug__, sys.flags.optimize, __doc__)\n";
    same(&["-"], prog);
    same(&["-O", "-"], prog);
    same(&["-OO", "-"], prog);
    same(
        &[
            "-O",
            "-O",
            "-c",
            "import sys; print(sys.flags.optimize, __debug__)",
        ],
        "",
    );
    let warn = "x = 1\nprint(x is 1)\n";
    same(&["-"], warn);
    same(&["-W", "ignore", "-"], warn);
    same(&["-W", "error", "-"], warn);
    same(&["-Werror", "-c", "import sys; print(sys.warnoptions)"], "");
    same(
        &[
            "-W",
            "error::SyntaxWarning",
            "-W",
            "default",
            "-c",
            "import sys, warnings; print(sys.warnoptions, 'warnings' in sys.modules)",
        ],
        "",
    );
}

#[test]
fn run_module_like_cpython() {
    // `-m` goes through runpy as CPython's does: parents imported first,
    // a package's `__main__`, `__spec__`/`__package__` set, `sys.argv[0]` the
    // file, `sys.path[0]` the current directory, and tracebacks that start
    // in `<frozen runpy>`.
    let pkg = format!("taipan_cli_m_{}", std::process::id());
    let dir = std::env::temp_dir().join(&pkg);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let write = |p: &str, s: &str| std::fs::write(dir.join(p), s).unwrap();
    write("__init__.py", "print('init', __name__)\n");
    write(
        "__main__.py",
        "import sys, os\nfrom . import helper\nprint(__name__, __package__, __spec__.name, helper.X)\nprint(sys.argv[1:], os.path.basename(sys.argv[0]), sys.path[0] == os.getcwd())\n",
    );
    write("helper.py", "X = 42\n");
    write("sub/__init__.py", "");
    write(
        "sub/boom.py",
        "def f():\n    raise ValueError('boom')\nprint(__name__, __package__)\nf()\n",
    );
    same(&["-m", &pkg, "a", "b"], "");
    same(&["-m", &format!("{pkg}.sub.boom")], "");
    same(&["-m", &format!("{pkg}.helper")], "");
    same(&["-m", "json.tool"], "{\"b\": [1, 2], \"a\": null}\n");
    same(&["-c", "import os; os.environ['no such variable']"], "");
    std::fs::remove_dir_all(&dir).unwrap();
}
