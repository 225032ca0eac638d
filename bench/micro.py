#!/usr/bin/env python3
"""Micro-benchmarks of built-in types (issue 5): run every bench/micro/*.py
under CPython 3.11 and a Taipan binary in one run and print a side-by-side
table; with --write-doc, write it into docs/benchmarks.md between the
`<!-- micro:begin -->` and `<!-- micro:end -->` markers.

    python3 bench/micro.py [--taipan PATH] [--cpython /usr/bin/python3.11]
        [--repeat 3] [--only a,b] [--write-doc docs/benchmarks.md]

Each program times its own loop with time.perf_counter and prints the seconds;
the table shows the best of --repeat runs of each. Build Taipan first:
`cargo build --release -p taipan`.
"""
import argparse
import glob
import math
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MICRO = os.path.join(REPO, "bench", "micro")
BEGIN = "<!-- micro:begin -->"
END = "<!-- micro:end -->"


def run_once(interp, path, timeout):
    try:
        p = subprocess.run([interp, path], capture_output=True, text=True,
                           timeout=timeout, cwd=MICRO)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    if p.returncode != 0:
        err = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
        return None, err
    try:
        return float(p.stdout.strip().splitlines()[-1]), None
    except (ValueError, IndexError):
        return None, "no number printed"


def best(interp, path, repeat, timeout):
    times = []
    for _ in range(repeat):
        t, err = run_once(interp, path, timeout)
        if err:
            return None, err
        times.append(t)
    return min(times), None


def doc_description(path):
    with open(path) as f:
        first = f.readline()
    return first[1:].strip() if first.startswith("#") else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpython", default="/usr/bin/python3.11")
    ap.add_argument("--taipan", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", "target"), "release", "taipan"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--only", default="")
    ap.add_argument("--write-doc", metavar="FILE")
    a = ap.parse_args()
    taipan = a.taipan if os.path.isabs(a.taipan) else os.path.join(REPO, a.taipan)
    if not os.path.exists(taipan):
        sys.exit("no Taipan binary at %s (cargo build --release -p taipan)" % taipan)
    files = sorted(glob.glob(os.path.join(MICRO, "*.py")))
    if a.only:
        want = set(a.only.split(","))
        files = [f for f in files if os.path.basename(f)[:-3] in want]
    rows = []
    ratios = []
    hdr = "%-18s %12s %12s %8s" % ("benchmark", "CPython (s)", "Taipan (s)", "ratio")
    print(hdr)
    print("-" * len(hdr))
    for f in files:
        name = os.path.basename(f)[:-3]
        c, cerr = best(a.cpython, f, a.repeat, a.timeout)
        t, terr = best(taipan, f, a.repeat, a.timeout)
        ratio = t / c if (c and t) else None
        if ratio:
            ratios.append(ratio)
        cs = "%.4f" % c if c is not None else "FAIL: " + cerr
        ts = "%.4f" % t if t is not None else "FAIL: " + terr
        rs = "%.2fx" % ratio if ratio else "-"
        print("%-18s %12s %12s %8s" % (name, cs, ts, rs), flush=True)
        rows.append((name, doc_description(f), cs, ts, rs))
    geo = math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else None
    slower = [r[0] for r in rows if r[4] != "-" and float(r[4][:-1]) > 1.0]
    print("geomean Taipan/CPython: %s; slower than CPython: %s"
          % ("%.2fx" % geo if geo else "-", ", ".join(slower) or "none"))
    if a.write_doc:
        write_doc(a, rows, geo, slower)


def write_doc(a, rows, geo, slower):
    shown = "python3 bench/micro.py --repeat %d --write-doc %s" % (a.repeat, a.write_doc)
    if a.taipan != "target/release/taipan":
        shown += " --taipan %s" % a.taipan
    out = ["", "Command: `%s` (best of %d runs; seconds as each program measures "
           "its own loop with `time.perf_counter`)." % (shown, a.repeat), "",
           "| benchmark | what | CPython 3.11 (s) | Taipan (s) | Taipan / CPython |",
           "|---|---|---|---|---|"]
    for r in rows:
        out.append("| %s | %s | %s | %s | %s |" % r)
    out.append("")
    if geo:
        out.append("Geometric mean of Taipan's time over CPython's: **%.2fx** (lower is "
                   "better); slower than CPython: %s." % (geo, ", ".join(slower) or "none"))
        out.append("")
    block = "\n".join(out)
    path = a.write_doc
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if BEGIN in text and END in text:
        i = text.index(BEGIN) + len(BEGIN)
        j = text.index(END)
        text = text[:i] + block + text[j:]
    else:
        text = (text.rstrip("\n") + "\n\n## Built-in type micro-benchmarks\n\n"
                "Small programs in `bench/micro/` (issue 5): dict, list, str, int, "
                "float and bigint operations, run under both interpreters.\n\n"
                + BEGIN + block + END + "\n")
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
