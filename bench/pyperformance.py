#!/usr/bin/env python3
"""Run pyperformance 1.14.0's benchmark files unchanged under CPython 3.11 and
Taipan side by side, through the shared harness (compare.py, which puts the
pyperf stand-in on PYTHONPATH), and optionally write the table into
docs/benchmarks.md between the pyperformance markers.

    python3 bench/pyperformance.py [--write-doc docs/benchmarks.md]
        [--only a,b] [--cpython /usr/bin/python3.11]
        [--taipan target/release/taipan] [--target 0.3]

The benchmarks are found in $PYPERFORMANCE_BENCHMARKS, in
/work/pyperf/x/pyperformance/data-files/benchmarks, or in the cache dir
(~/.cache/taipan-bench, outside the repo); failing all three, the wheel is
fetched there with `pip download pyperformance==1.14.0` and unzipped.
Build Taipan first: `cargo build --release -p taipan`.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import zipfile

VERSION = "1.14.0"
# Issue 4's thirteen (its geometric mean is the target); the collector's two follow.
ISSUE4 = [
    "richards", "nbody", "float", "fannkuch", "spectral_norm", "nqueens",
    "generators", "unpack_sequence", "coroutines", "deltablue", "chaos", "go",
    "raytrace",
]
BENCHMARKS = [
    "richards", "nbody", "float", "fannkuch", "spectral_norm", "nqueens",
    "generators", "unpack_sequence", "coroutines", "deltablue", "chaos", "go",
    "raytrace", "gc_collect", "gc_traversal",
]
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "taipan-bench")
HARNESS_DEFAULT = "/work/shared/bench/compare.py"
BEGIN = "<!-- pyperformance:begin -->"
END = "<!-- pyperformance:end -->"


def bench_dir():
    cands = [os.environ.get("PYPERFORMANCE_BENCHMARKS", ""),
             "/work/pyperf/x/pyperformance/data-files/benchmarks",
             os.path.join(CACHE, "x", "pyperformance", "data-files", "benchmarks")]
    for c in cands:
        if c and os.path.isdir(c) and glob.glob(os.path.join(c, "bm_*")):
            return c
    os.makedirs(CACHE, exist_ok=True)
    wheels = glob.glob(os.path.join(CACHE, "pyperformance-%s-*.whl" % VERSION))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        "-d", CACHE, "pyperformance==%s" % VERSION], check=True)
        wheels = glob.glob(os.path.join(CACHE, "pyperformance-%s-*.whl" % VERSION))
    if not wheels:
        sys.exit("pip download gave no pyperformance wheel")
    with zipfile.ZipFile(wheels[0]) as z:
        z.extractall(os.path.join(CACHE, "x"))
    return cands[2]


def write_doc(path, command, lines):
    rows = []
    summary = ""
    for ln in lines:
        if ln.startswith("SUMMARY"):
            summary = ln
            continue
        if "|" not in ln:
            continue
        cells = [c.strip() for c in ln.split("|")]
        rows.append(cells)
    out = ["", "Command: `%s`" % command, "",
           "| benchmark | CPython 3.11 | Taipan (time vs CPython) |",
           "|---|---|---|"]
    for r in rows:
        cells = [("fails: `%s`" % c[len("FAIL: "):]) if c.startswith("FAIL: ") else c
                 for c in r]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    m = re.search(r"ran (\d+)/(\d+), geomean time vs \S+ = ([0-9.na]+)x", summary)
    if m:
        out.append("Taipan ran %s of %s; geometric mean of Taipan's time over "
                   "CPython's for those: **%sx** (lower is better)." % m.groups())
        out.append("")
    ratios = []
    for r in rows:
        if r and r[0] in ISSUE4:
            got = re.search(r"\(([0-9.]+)x\)\s*$", r[-1])
            if got:
                ratios.append(float(got.group(1)))
    if ratios:
        import math
        g = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
        out.append("Over issue 4's thirteen benchmarks alone (%d ran): **%.3fx** "
                   "(issue 4's target: at most 2.0x)." % (len(ratios), g))
        out.append("")
    block = "\n".join(out)
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if BEGIN in text and END in text:
        a = text.index(BEGIN) + len(BEGIN)
        b = text.index(END)
        text = text[:a] + block + text[b:]
    else:
        text = (text.rstrip("\n") + "\n\n## pyperformance\n\n"
                "pyperformance %s's benchmark files, run unchanged under both "
                "interpreters with the pyperf stand-in (seconds per loop; a "
                "benchmark Taipan cannot run shows its first error line).\n\n"
                % VERSION + BEGIN + block + END + "\n")
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write-doc", metavar="FILE")
    ap.add_argument("--only", default=",".join(BENCHMARKS))
    ap.add_argument("--cpython", default="/usr/bin/python3.11")
    ap.add_argument("--taipan", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", "target"), "release", "taipan"))
    ap.add_argument("--harness", default=HARNESS_DEFAULT)
    ap.add_argument("--target", default="0.3", help="seconds per sample")
    ap.add_argument("--timeout", default="300")
    a = ap.parse_args()
    taipan = a.taipan if os.path.isabs(a.taipan) else os.path.join(REPO, a.taipan)
    if not os.path.exists(taipan):
        sys.exit("no Taipan binary at %s (cargo build --release -p taipan)" % taipan)
    cmd = [sys.executable, a.harness, "--bench-dir", bench_dir(), "--only", a.only,
           "--target", a.target, "--timeout", a.timeout,
           "cpython=" + a.cpython, "taipan=" + taipan]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    lines = []
    for ln in p.stdout:
        sys.stdout.write(ln)
        sys.stdout.flush()
        lines.append(ln.rstrip("\n"))
    if p.wait() != 0:
        sys.exit("harness failed")
    if a.write_doc:
        shown = "python3 bench/pyperformance.py --write-doc %s" % a.write_doc
        if a.taipan != ap.get_default("taipan"):
            shown += " --taipan %s" % a.taipan
        elif os.environ.get("CARGO_TARGET_DIR"):
            shown = "CARGO_TARGET_DIR=%s %s" % (os.environ["CARGO_TARGET_DIR"], shown)
        write_doc(a.write_doc, shown, lines)


if __name__ == "__main__":
    main()
