#!/usr/bin/env python3
"""Parser conformance: CPython 3.11's `ast` against `taipan --dump-ast`, file by file.

For every input, CPython 3.11 (`/usr/bin/python3.11`) either parses it, and then
Taipan's `--dump-ast` output must be byte-identical to
`print(ast.dump(ast.parse(src, FILE), include_attributes=True))`, or rejects it,
and then Taipan must reject it with the same exception type, line and message.

Corpora:
  stdlib      every .py file under /usr/lib/python3.11 (standard library and, with
              Debian's libpython3.11-testsuite, its test suite), read in place.
  test_syntax the doctest examples of CPython's own Lib/test/test_syntax.py (read in
              place at run time, never copied), each parsed as a file of its own:
              hundreds of small programs, most of them syntax errors.

    parser_conformance.py --taipan target/debug/taipan [--corpus stdlib,test_syntax]
                          [--show 10] [--known-failures FILE [--check]]
                          [--write-known-failures FILE] [--write-doc docs/conformance.md]

With --check, exits 1 if any input fails that is not listed in the known-failures
file (so CI never goes backwards), and reports listed inputs that now pass.
The last line is `N passed, M failed`.
"""
import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

CPYTHON = "/usr/bin/python3.11"
STDLIB = "/usr/lib/python3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Runs inside CPython 3.11: for each path (or snippet file) prints one JSON line:
# {"ok": sha1-of-dump-output} or {"err": [type, lineno, msg]}.
CPYTHON_SIDE = r'''
import ast, hashlib, json, sys
sys.setrecursionlimit(100000)
for path in sys.stdin.read().split("\0"):
    if not path:
        continue
    with open(path, "rb") as f:
        data = f.read()
    try:
        tree = ast.parse(data, path)
        out = (ast.dump(tree, include_attributes=True) + "\n").encode("utf-8", "backslashreplace")
        res = {"ok": hashlib.sha1(out).hexdigest()}
    except SyntaxError as e:
        res = {"err": [type(e).__name__, e.lineno, e.msg]}
    except Exception as e:
        res = {"err": [type(e).__name__, None, str(e)]}
    print(json.dumps(res), flush=True)
'''

DUMP_ONE = r'''
import ast, sys
data = open(sys.argv[1], "rb").read()
sys.stdout.buffer.write((ast.dump(ast.parse(data, sys.argv[1]), include_attributes=True) + "\n").encode("utf-8", "backslashreplace"))
'''


def stdlib_inputs():
    items = []
    for dirpath, dirnames, filenames in os.walk(STDLIB):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "dist-packages", "__pycache__"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                items.append(("stdlib:" + os.path.relpath(path, STDLIB), path))
    return items


def test_syntax_inputs(tmpdir):
    """Doctest examples of test_syntax.py, each written to a temporary file."""
    src_path = os.path.join(STDLIB, "test", "test_syntax.py")
    if not os.path.exists(src_path):
        return []
    import doctest
    with open(src_path, encoding="utf-8") as f:
        text = f.read()
    # The examples live in the module docstring.
    m = re.match(r'\s*(?:#[^\n]*\n\s*)*("""|\'\'\')(.*?)\1', text, re.S)
    doc = m.group(2) if m else ""
    items = []
    seen = set()
    for ex in doctest.DocTestParser().get_examples(doc):
        source = ex.source
        key = hashlib.sha1(source.encode("utf-8")).hexdigest()[:12]
        if key in seen:
            continue
        seen.add(key)
        path = os.path.join(tmpdir, "ts_%s.py" % key)
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        items.append(("test_syntax:" + key, path))
    return items


def cpython_results(paths):
    p = subprocess.run([CPYTHON, "-X", "utf8", "-c", CPYTHON_SIDE], input="\0".join(paths).encode(),
                       capture_output=True, check=False)
    lines = p.stdout.decode().splitlines()
    if len(lines) != len(paths):
        sys.exit("CPython side failed: %s" % p.stderr.decode()[-2000:])
    return [json.loads(line) for line in lines]


ERR_RE = re.compile(r"^(\w+): (.*)$")
LINE_RE = re.compile(r'^  File "(.*)", line (-?\d+)')


def taipan_result(taipan, path, timeout=60):
    try:
        p = subprocess.run([taipan, "--dump-ast", path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"crash": "timeout"}
    if p.returncode == 0:
        return {"ok": hashlib.sha1(p.stdout).hexdigest()}
    err = p.stderr.decode("utf-8", "replace")
    lines = err.rstrip("\n").splitlines()
    if p.returncode == 1 and lines:
        m = ERR_RE.match(lines[-1])
        # An error printed without a `File` line has no line: CPython's lineno 0.
        lineno = 0
        for line in lines:
            lm = LINE_RE.match(line)
            if lm:
                lineno = int(lm.group(2))
        if m:
            return {"err": [m.group(1), lineno, m.group(2)]}
    return {"crash": "exit %d: %s" % (p.returncode, (lines[-1] if lines else "")[:200])}


def first_diff(taipan, path):
    exp = subprocess.run([CPYTHON, "-X", "utf8", "-c", DUMP_ONE, path], capture_output=True).stdout.decode("utf-8", "replace")
    got = subprocess.run([taipan, "--dump-ast", path], capture_output=True).stdout.decode("utf-8", "replace")
    i = 0
    n = min(len(exp), len(got))
    while i < n and exp[i] == got[i]:
        i += 1
    lo = max(0, i - 120)
    return "    expected: ...%s\n    taipan:   ...%s" % (exp[lo:i + 80], got[lo:i + 80])


def cpython_display(path):
    """What `python3.11 FILE` prints to stderr for a file it rejects."""
    p = subprocess.run([CPYTHON, "-X", "utf8", path], capture_output=True, timeout=60)
    return p.stderr.decode("utf-8", "replace")


def taipan_display(taipan, path):
    p = subprocess.run([taipan, "--dump-ast", path], capture_output=True, timeout=60)
    return p.stderr.decode("utf-8", "replace")


def same(expected, got):
    if "ok" in expected:
        return got.get("ok") == expected["ok"]
    if "err" not in got:
        return False
    etype, eline, emsg = expected["err"]
    gtype, gline, gmsg = got["err"]
    return etype == gtype and emsg == gmsg and (eline is None or eline == gline)


def describe(res):
    if "ok" in res:
        return "parsed"
    if "err" in res:
        t, line, msg = res["err"]
        return "%s at line %s: %s" % (t, line, msg)
    return "CRASH " + res["crash"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--taipan", default=os.path.join(ROOT, "target", "debug", "taipan"))
    ap.add_argument("--corpus", default="stdlib,test_syntax")
    ap.add_argument("--show", type=int, default=10, help="failures to show in detail")
    ap.add_argument("--known-failures")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--write-known-failures")
    ap.add_argument("--write-doc")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--filter", default="", help="only inputs whose id contains this")
    a = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    corpora = {}
    for c in a.corpus.split(","):
        if c == "stdlib":
            corpora[c] = stdlib_inputs()
        elif c == "test_syntax":
            corpora[c] = test_syntax_inputs(tmp.name)
        else:
            sys.exit("unknown corpus %s" % c)
        if a.filter:
            corpora[c] = [it for it in corpora[c] if a.filter in it[0]]

    known = set()
    if a.known_failures and os.path.exists(a.known_failures):
        with open(a.known_failures) as f:
            known = {line.strip() for line in f if line.strip() and not line.startswith("#")}

    failures = []
    summary = {}
    for cname, items in corpora.items():
        paths = [p for _, p in items]
        expected = cpython_results(paths) if paths else []
        with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            got = list(ex.map(lambda p: taipan_result(a.taipan, p), paths))
        st = {"parsed": 0, "parsed_same": 0, "rejected": 0, "rejected_same": 0, "crashes": 0,
              "display": 0, "display_same": 0}
        display_checks = []
        for (ident, path), e, g in zip(items, expected, got):
            ok = same(e, g)
            kind = "parsed" if "ok" in e else "rejected"
            st[kind] += 1
            if ok:
                st[kind + "_same"] += 1
                if kind == "rejected":
                    display_checks.append((ident, path, e))
            else:
                failures.append((ident, path, e, g))
            if "crash" in g:
                st["crashes"] += 1
        # For errors matched on type, line and message, the whole text must match what
        # `python3.11 FILE` prints (when its message is the one ast.parse gives: running a
        # file reads it with the file tokenizer, whose decoding errors are worded otherwise).
        with cf.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            shown_pairs = list(ex.map(lambda it: (cpython_display(it[1]), taipan_display(a.taipan, it[1])), display_checks))
        for (ident, path, e), (cdisp, tdisp) in zip(display_checks, shown_pairs):
            etype, _, emsg = e["err"]
            if not cdisp.rstrip("\n").endswith("%s: %s" % (etype, emsg)):
                continue
            st["display"] += 1
            if cdisp == tdisp:
                st["display_same"] += 1
            else:
                failures.append(("display:" + ident, path, {"display": cdisp}, {"display": tdisp}))
        summary[cname] = st

    print("Parser conformance: CPython 3.11 ast.parse vs taipan --dump-ast")
    for cname, st in summary.items():
        pct = lambda x, y: 100.0 * x / y if y else 100.0
        print("  %-12s parsed by CPython: %5d, identical dump: %5d (%.1f%%); rejected by CPython: %4d, same error: %4d (%.1f%%); "
              "same error text as `python3.11 FILE`: %d/%d; taipan crashes: %d"
              % (cname, st["parsed"], st["parsed_same"], pct(st["parsed_same"], st["parsed"]),
                 st["rejected"], st["rejected_same"], pct(st["rejected_same"], st["rejected"]),
                 st["display_same"], st["display"], st["crashes"]))

    shown = 0
    for ident, path, e, g in failures:
        if shown >= a.show:
            break
        shown += 1
        if "display" in e:
            print("FAIL %s (error text)\n--- python3.11 FILE:\n%s--- taipan:\n%s" % (ident, e["display"], g["display"]))
            continue
        print("FAIL %s\n    CPython: %s\n    taipan:  %s" % (ident, describe(e), describe(g)))
        if "ok" in e and "ok" in g:
            print(first_diff(a.taipan, path))
    if len(failures) > shown:
        print("... and %d more failures" % (len(failures) - shown))

    # Each input is one check, and each error text compared is one more.
    total = sum(len(v) for v in corpora.values()) + sum(st["display"] for st in summary.values())
    failed_ids = {f[0] for f in failures}
    if a.write_known_failures:
        with open(a.write_known_failures, "w") as f:
            f.write("# Inputs of scripts/parser_conformance.py that Taipan does not yet match.\n")
            f.write("# Regenerate with --write-known-failures; CI fails on any failure not listed.\n")
            for ident in sorted(failed_ids):
                f.write(ident + "\n")
    if a.write_doc:
        write_doc(a.write_doc, summary)

    status = 0
    if a.check:
        new = sorted(failed_ids - known)
        fixed = sorted(known - failed_ids)
        if fixed:
            print("%d known failures now pass (update the list): %s" % (len(fixed), " ".join(fixed[:20])))
        if new:
            print("%d NEW failures (not in %s): %s" % (len(new), a.known_failures, " ".join(new[:20])))
            status = 1
    if a.check:
        # Listed differences are expected failures (like pytest's xfail): reported, not
        # counted as failed; a listed input that now passes is counted as passed.
        expected = len(failed_ids & known)
        print("%d known failures (listed in %s)" % (expected, a.known_failures))
        print("%d passed, %d failed" % (total - len(failures), len(failures) - expected))
    else:
        print("%d passed, %d failed" % (total - len(failures), len(failures)))
    return status


def write_doc(path, summary):
    begin, end = "<!-- parser-conformance:begin -->", "<!-- parser-conformance:end -->"
    rows = ["| corpus | parsed by CPython | identical dump | rejected by CPython | same error (type, line, message) | same error text as `python3.11 FILE` |",
            "|---|---|---|---|---|---|"]
    for cname, st in summary.items():
        pct = lambda x, y: "%.1f%%" % (100.0 * x / y) if y else "n/a"
        rows.append("| %s | %d | %d (%s) | %d | %d (%s) | %d of %d |" % (
            cname, st["parsed"], st["parsed_same"], pct(st["parsed_same"], st["parsed"]),
            st["rejected"], st["rejected_same"], pct(st["rejected_same"], st["rejected"]),
            st["display_same"], st["display"]))
    block = "\n".join([begin, "", "\n".join(rows), "", end])
    text = open(path).read() if os.path.exists(path) else ""
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text += "\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    sys.exit(main())
