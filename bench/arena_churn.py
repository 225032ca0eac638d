#!/usr/bin/env python3
"""How much arena memory a micro-benchmark maps over its run, under CPython 3.11 and
Taipan side by side: the program of bench/micro/NAME.py runs with
`sys._debugmallocstats()` appended, and the "arenas allocated total" line times the
arena size each allocator prints is the memory it mapped (and, for all but the last
arenas, gave back).

    python3 bench/arena_churn.py [--taipan target/release/taipan] [NAME ...]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mapped(interpreter, program):
    r = subprocess.run([interpreter, program], capture_output=True, text=True, timeout=600)
    total = re.search(r"# arenas allocated total\s*=\s*([\d,]+)", r.stderr)
    size = re.search(r"\d+ arenas \* (\d+) bytes/arena", r.stderr.replace(",", ""))
    if not total or not size:
        return None
    return int(total.group(1).replace(",", "")), int(size.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpython", default="/usr/bin/python3.11")
    ap.add_argument("--taipan", default=os.path.join(REPO, "target/release/taipan"))
    ap.add_argument("names", nargs="*", default=["list_append", "str_split"])
    a = ap.parse_args()
    print(f"{'benchmark':<14}{'interpreter':<10}{'arenas':>8}{'arena size':>12}{'mapped MiB':>12}")
    for name in a.names:
        src = open(os.path.join(REPO, "bench", "micro", name + ".py")).read()
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(src + "\nimport sys\nsys._debugmallocstats()\n")
        try:
            for label, exe in (("CPython", a.cpython), ("Taipan", a.taipan)):
                m = mapped(exe, f.name)
                if m is None:
                    print(f"{name:<14}{label:<10}  (no allocator statistics)")
                    continue
                n, size = m
                print(f"{name:<14}{label:<10}{n:>8}{size:>12}{n * size / 2**20:>12.0f}")
        finally:
            os.unlink(f.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
