#!/usr/bin/env python3.11
"""Compares Taipan's tokenizer with CPython 3.11's C tokenizer, file by file.

Usage: scripts/compare_tokens.py [--taipan-example-bin PATH] [FILES or DIRS...]
(default: every .py under /usr/lib/python3.11). Runs `_tokenize.TokenizerIter` (the C tokenizer
of Parser/tokenizer.c, as tokenize uses it in 3.11) and Taipan's `examples/tokens.rs` binary, and
prints `N passed, M failed` with the first differing line of each failing file.

Line format (both sides): `<type> <lineno> <col> <end_lineno> <end_col> <text as JSON>`; then
`END`, or `ERROR <type> <lineno> <msg>`. TokenizerIter reports byte columns in 3.11 and exact
token numbers (each operator its own); it stops silently on errors that pegen (not the
tokenizer) raises from the tokenizer's `done` code, so for those the script asks `compile()` for
the exception. Files are read as bytes and decoded as the C tokenizer does for compile(bytes)
(BOM, coding cookie); files CPython cannot decode get `ERROR` with compile()'s exception.
"""
import argparse, ast, json, os, subprocess, sys, tokenize, io

import _tokenize

DONE_CODE_MSGS = (
    "unindent does not match any outer indentation level",
    "inconsistent use of tabs and spaces in indentation",
    "too many levels of indentation",
    "unexpected character after line continuation character",
    "unexpected EOF while parsing",
    "was never closed",
)


def compile_error(data, path):
    try:
        compile(data, path, "exec", ast.PyCF_ONLY_AST)
    except SyntaxError as e:  # includes IndentationError, TabError
        return f"ERROR {type(e).__name__} {e.lineno or 0} {e.msg}"
    except Exception as e:
        return f"ERROR {type(e).__name__} 0 {e}"
    return None


def cpython_lines(path):
    out = [f"FILE {path}"]
    with open(path, "rb") as f:
        data = f.read()
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(enc)  # 'utf-8-sig' when there is a BOM: strips it
    except Exception:
        err = compile_error(data, path)
        out.append(err or "ERROR Undecodable 0 ?")
        return out
    try:
        for tok in _tokenize.TokenizerIter(text):
            s, typ, l, el, c, ec = tok[:6]
            if typ in (5, 6):
                s = ""
            out.append(f"{typ} {l} {c} {el} {ec} {json.dumps(s, ensure_ascii=False)}")
    except SyntaxError as e:
        out.append(f"ERROR {type(e).__name__} {e.lineno or 0} {e.msg}")
        return out
    err = compile_error(data, path)
    if err and any(m in err for m in DONE_CODE_MSGS):
        out.append(err)
    elif err and (" 0 " in err[:40] or "'utf-8' codec can't decode" in err
                  or "source code string" in err):
        # Decoding errors (no line number), which Taipan's decode_source reports.
        out = out[:1] + [err]
    else:
        out.append("END")
    return out


def taipan_lines(binary, paths):
    res = subprocess.run([binary, *paths], capture_output=True)
    text = res.stdout.decode("utf-8", "replace")
    files = {}
    cur = None
    for line in text.split("\n"):
        if line.startswith("FILE "):
            cur = line[5:]
            files[cur] = [line]
        elif cur is not None and line:
            files[cur].append(line)
    if res.returncode != 0:
        files["__crash__"] = res.stderr.decode("utf-8", "replace")[-2000:]
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--taipan-example-bin", default=os.environ.get(
        "TAIPAN_TOKENS_BIN", "target/release/examples/tokens"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("paths", nargs="*", default=["/usr/lib/python3.11"])
    args = ap.parse_args()
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                for n in sorted(names):
                    if n.endswith(".py"):
                        files.append(os.path.join(root, n))
        else:
            files.append(p)
    passed = failed = 0
    for i in range(0, len(files), 200):
        batch = files[i:i + 200]
        ours = taipan_lines(args.taipan_example_bin, batch)
        if "__crash__" in ours:
            print("TAIPAN CRASHED in batch starting", batch[0], ours["__crash__"])
        for path in batch:
            theirs = cpython_lines(path)
            mine = ours.get(path, [f"FILE {path}", "MISSING (crash?)"])
            if theirs == mine:
                passed += 1
                continue
            failed += 1
            for k in range(max(len(theirs), len(mine))):
                a = theirs[k] if k < len(theirs) else "<none>"
                b = mine[k] if k < len(mine) else "<none>"
                if a != b:
                    print(f"FAIL {path} line {k}:\n  cpython: {a}\n  taipan:  {b}")
                    break
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
