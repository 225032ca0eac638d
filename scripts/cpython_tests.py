#!/usr/bin/env python3
"""Runs modules of CPython 3.11's own test suite (`/usr/lib/python3.11/test`,
Debian's libpython3.11-testsuite) under CPython and under Taipan with
`-m unittest`, and prints how many tests each passes, side by side.

    python3 scripts/cpython_tests.py target/release/taipan [--only test_dict,test_set]
        [--write-doc docs/conformance.md] [--timeout 600]

A test module that Taipan cannot import counts as one error (unittest's
`_FailedTest`), with the error shown. Passed = run - failures - errors -
skipped. The figures go between the `cpython-tests` markers of the doc.
"""

import argparse
import os
import re
import subprocess
import sys

CPYTHON = "/usr/bin/python3.11"

# Test modules about what the issues cover: the built-in types and
# functions, the execution core, and the native modules Taipan provides.
MODULES = [
    "test_bool", "test_int", "test_long", "test_float", "test_complex",
    "test_list", "test_tuple", "test_dict", "test_set", "test_range",
    "test_slice", "test_enumerate", "test_string", "test_unicode",
    "test_bytes", "test_memoryview", "test_array", "test_struct",
    "test_builtin", "test_operator", "test_functools", "test_itertools",
    "test_collections", "test_ordered_dict", "test_math", "test_cmath",
    "test_exceptions", "test_generators", "test_coroutines", "test_class",
    "test_descr", "test_scope", "test_grammar", "test_compile", "test_ast",
    "test_dis", "test_code", "test_frame", "test_gc", "test_weakref",
    "test_time", "test_sys", "test_signal", "test_marshal", "test_json",
    "test_re", "test_fstring", "test_format", "test_augassign",
    "test_unpack", "test_with", "test_contextlib", "test_keywordonlyarg",
    "test_property", "test_super", "test_dictviews", "test_sort",
    "test_heapq", "test_bisect", "test_random", "test_statistics",
]

RAN = re.compile(r"^Ran (\d+) tests? in")
RESULT = re.compile(r"^(OK|FAILED)(?: \((.*)\))?$")
ERROR_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Interrupt)): ?(.*)$")


def run(binary, module, timeout):
    env = dict(os.environ, PYTHONHASHSEED="0")
    try:
        p = subprocess.run(
            [binary, "-m", "unittest", "test." + module],
            capture_output=True, text=True, errors="replace",
            timeout=timeout, env=env, cwd="/tmp",
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout"}
    lines = (p.stdout + "\n" + p.stderr).splitlines()
    ran = None
    counts = {"failures": 0, "errors": 0, "skipped": 0, "expected failures": 0,
              "unexpected successes": 0}
    ok = None
    for line in lines:
        m = RAN.match(line.strip())
        if m:
            ran = int(m.group(1))
        m = RESULT.match(line.strip())
        if m:
            ok = m.group(1) == "OK"
            for part in (m.group(2) or "").split(","):
                if "=" in part:
                    k, v = part.strip().split("=")
                    counts[k.replace("_", " ")] = int(v)
    if ran is None or ok is None:
        err = [l for l in lines if ERROR_LINE.match(l.strip())]
        why = err[-1].strip() if err else (lines[-1].strip() if lines else "no output")
        return {"status": "crash", "why": why[:120], "code": p.returncode}
    res = {"status": "ran", "ran": ran, **counts}
    res["passed"] = ran - counts["failures"] - counts["errors"] - counts["skipped"]
    if ran <= 1 and counts["errors"] == ran:
        err = [l for l in lines if ERROR_LINE.match(l.strip())]
        res["status"] = "import"
        res["why"] = (err[-1].strip() if err else "could not import")[:120]
    return res


def cell(r):
    if r["status"] == "timeout":
        return "timed out"
    if r["status"] == "crash":
        return "no result (exit %s): `%s`" % (r["code"], r["why"].replace("|", "\\|"))
    if r["status"] == "import":
        return "import fails: `%s`" % r["why"].replace("|", "\\|")
    extra = []
    for k in ("failures", "errors", "skipped"):
        if r[k]:
            extra.append("%d %s" % (r[k], k))
    return "%d of %d passed%s" % (r["passed"], r["ran"], (" (" + ", ".join(extra) + ")") if extra else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("taipan")
    ap.add_argument("--only")
    ap.add_argument("--write-doc")
    ap.add_argument("--timeout", type=int, default=600)
    a = ap.parse_args()
    mods = a.only.split(",") if a.only else MODULES
    rows = []
    tot = {"c": 0, "t": 0, "ran": 0}
    for m in mods:
        c = run(CPYTHON, m, a.timeout)
        t = run(a.taipan, m, a.timeout)
        rows.append((m, c, t))
        if c["status"] == "ran":
            tot["c"] += c["passed"]
            tot["ran"] += c["ran"]
            if t["status"] == "ran":
                tot["t"] += min(t["passed"], c["passed"])
        print("%-22s CPython: %-40s Taipan: %s" % (m, cell(c), cell(t)), flush=True)
    full = sum(1 for _, c, t in rows if c["status"] == "ran" and t["status"] == "ran"
               and t["passed"] >= c["passed"])
    summary = ("Taipan passes %d of the %d tests CPython passes in these %d modules "
               "(%.1f%%); %d modules pass everything CPython passes." %
               (tot["t"], tot["c"], len(rows), 100.0 * tot["t"] / max(tot["c"], 1), full))
    print(summary)
    if a.write_doc:
        out = ["<!-- cpython-tests:begin -->",
               "Command: `python3 scripts/cpython_tests.py target/release/taipan --write-doc docs/conformance.md`",
               "",
               "| test module | CPython 3.11 | Taipan |", "|---|---|---|"]
        for m, c, t in rows:
            out.append("| %s | %s | %s |" % (m, cell(c), cell(t)))
        out += ["", summary, "<!-- cpython-tests:end -->"]
        text = open(a.write_doc).read()
        block = "\n".join(out)
        if "<!-- cpython-tests:begin -->" in text:
            text = re.sub(r"<!-- cpython-tests:begin -->.*<!-- cpython-tests:end -->",
                          lambda _: block, text, flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n## CPython's own test suite\n\n" + block + "\n"
        open(a.write_doc, "w").write(text)


if __name__ == "__main__":
    sys.exit(main())
