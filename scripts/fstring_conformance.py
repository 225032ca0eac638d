#!/usr/bin/env python3
"""String-literal and f-string conformance: snippets from CPython's own
Lib/test/test_fstring.py (read in place), run through `taipan --dump-ast` and compared with
CPython 3.11: the dump when CPython parses a snippet, else what `python3.11 FILE` prints for
the error (location line, caret line and message; the caret gives the offset).

Snippets: every string given to assertAllRaise, eval, compile or exec with a literal source,
and the source text of every f-string in the file (each as a one-expression module).

    fstring_conformance.py --taipan target/release/taipan [--show 20]

The last line is `N passed, M failed`.
"""
import argparse
import ast
import os
import subprocess
import sys
import tempfile
import warnings

CPYTHON = "/usr/bin/python3.11"
SOURCE = "/usr/lib/python3.11/test/test_fstring.py"

CPYTHON_DUMP = r'''
import ast, sys, warnings
warnings.simplefilter("ignore")
data = open(sys.argv[1], "rb").read()
print(ast.dump(ast.parse(data, sys.argv[1]), include_attributes=True))
'''


def snippets():
    src = open(SOURCE, encoding="utf-8").read()
    tree = ast.parse(src)
    out = []
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call):
            continue
        if isinstance(n.func, ast.Attribute) and n.func.attr == "assertAllRaise":
            for a in n.args:
                if isinstance(a, ast.List):
                    out += [e.value for e in a.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if (isinstance(n.func, ast.Name) and n.func.id in ("eval", "compile", "exec") and n.args
                and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)):
            out.append(n.args[0].value)
    for n in ast.walk(tree):
        if isinstance(n, ast.JoinedStr):
            seg = ast.get_source_segment(src, n)
            if seg:
                out.append("(" + seg + ")" if "\n" in seg else seg)
    return list(dict.fromkeys(out))


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def error_tail(stderr):
    """The error display without the traceback header: location, source, caret, message."""
    lines = stderr.rstrip("\n").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("  File "):
            return "\n".join(lines[i:])
    return "\n".join(lines[-1:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--taipan", required=True)
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    passed = failed = 0
    shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, s in enumerate(snippets()):
            path = os.path.join(tmp, "s%d.py" % i)
            with open(path, "wb") as f:
                f.write(s.encode("utf-8", "surrogatepass"))
            rc, out, err = run([CPYTHON, "-X", "utf8", "-c", CPYTHON_DUMP, path])
            if rc == 0:
                want = out
            else:
                rc2, _, err2 = run([CPYTHON, "-X", "utf8", path])
                want = "ERROR\n" + error_tail(err2)
            rc, out, err = run([args.taipan, "--dump-ast", path])
            got = out if rc == 0 else "ERROR\n" + error_tail(err)
            if got == want:
                passed += 1
                continue
            failed += 1
            if shown < args.show:
                shown += 1
                print("FAIL %r\n--- python3.11:\n%s\n--- taipan:\n%s" % (s[:200], want[:600], got[:600]))
    print("%d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
