#!/usr/bin/env python3
"""Parse speed, side by side: Taipan's parser against CPython 3.11's, one core, one run.

Both parse the same files (every .py under /usr/lib/python3.11 that CPython parses), held
in memory, to an AST and throw it away: CPython with
`compile(src, path, "exec", ast.PyCF_ONLY_AST)`, Taipan with `taipan_parser::parse_module`
(the `parse_bench` example, release build). Each takes the best of ROUNDS rounds and both
are pinned to CPU 0 with taskset. Prints both throughputs in MB/s and the ratio.

    bench/parse_speed.py [--rounds 3] [--write-doc docs/benchmarks.md]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3.11"
STDLIB = "/usr/lib/python3.11"

CPYTHON_SIDE = r'''
import ast, sys, time
paths = sys.stdin.read().split("\n")
files = [(p, open(p, "rb").read()) for p in paths if p]
rounds = int(sys.argv[1])
best = float("inf")
for _ in range(rounds):
    t = time.perf_counter()
    for p, data in files:
        compile(data, p, "exec", ast.PyCF_ONLY_AST)
    best = min(best, time.perf_counter() - t)
print("bytes=%d best_seconds=%.6f" % (sum(len(d) for _, d in files), best))
'''

LIST_PARSEABLE = r'''
import ast, os, sys
for dirpath, dirnames, filenames in os.walk(sys.argv[1]):
    dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "dist-packages", "__pycache__"))
    for name in sorted(filenames):
        if name.endswith(".py"):
            path = os.path.join(dirpath, name)
            try:
                ast.parse(open(path, "rb").read(), path)
            except Exception:
                continue
            print(path)
'''


def pinned(cmd):
    return (["taskset", "-c", "0"] + cmd) if shutil.which("taskset") else cmd


def parse_result(text):
    m = re.search(r"bytes=(\d+) best_seconds=([\d.]+)", text)
    if not m:
        sys.exit("benchmark output not understood: %r" % text)
    return int(m.group(1)), float(m.group(2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--write-doc")
    a = ap.parse_args()
    files = subprocess.run([CPYTHON, "-c", LIST_PARSEABLE, STDLIB], capture_output=True, text=True, check=True).stdout
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "taipan-parser", "--example", "parse_bench"],
                   cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    bench = os.path.join(target, "release", "examples", "parse_bench")
    c = subprocess.run(pinned([CPYTHON, "-c", CPYTHON_SIDE, str(a.rounds)]), input=files, capture_output=True, text=True, check=True)
    t = subprocess.run(pinned([bench, str(a.rounds)]), input=files, capture_output=True, text=True, check=True)
    cbytes, csec = parse_result(c.stdout)
    tbytes, tsec = parse_result(t.stdout)
    fails = re.search(r"failures=(\d+)", t.stdout).group(1)
    nfiles = len(files.split())
    cmbs, tmbs = cbytes / csec / 1e6, tbytes / tsec / 1e6
    print("files: %d (%.1f MB), taipan parse failures: %s" % (nfiles, cbytes / 1e6, fails))
    print("cpython 3.11 compile(PyCF_ONLY_AST): %7.2f MB/s  (%.3f s)" % (cmbs, csec))
    print("taipan parse_module:                 %7.2f MB/s  (%.3f s)" % (tmbs, tsec))
    print("speedup taipan/cpython: %.2fx" % (tmbs / cmbs))
    if a.write_doc:
        begin, end = "<!-- parse-speed:begin -->", "<!-- parse-speed:end -->"
        block = "\n".join([begin, "",
                           "| parser | throughput | time for %d files (%.1f MB) |" % (nfiles, cbytes / 1e6),
                           "|---|---|---|",
                           "| CPython 3.11 `compile(..., ast.PyCF_ONLY_AST)` | %.2f MB/s | %.3f s |" % (cmbs, csec),
                           "| Taipan `parse_module` | %.2f MB/s | %.3f s |" % (tmbs, tsec),
                           "", "Speedup: **%.2fx** (best of %d rounds each, both pinned to CPU 0; Taipan parse failures: %s)." % (tmbs / cmbs, a.rounds, fails),
                           "", end])
        text = open(a.write_doc).read() if os.path.exists(a.write_doc) else ""
        if begin in text and end in text:
            text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
        else:
            text += "\n" + block + "\n"
        open(a.write_doc, "w").write(text)


if __name__ == "__main__":
    main()
