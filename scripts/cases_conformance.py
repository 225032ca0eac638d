#!/usr/bin/env python3
"""Conformance of whole programs: runs every program of tests/cases/ under
Taipan and compares stdout, stderr and exit status with what
/usr/bin/python3.11 recorded (scripts/record_cases.py --check), then prints
the results per folder. With --write-doc, writes the table into
docs/conformance.md between the cases markers.

Usage: scripts/cases_conformance.py [--write-doc] [TAIPAN_BINARY]
(default binary: target/release/taipan)
"""
import collections
import datetime
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- cases:begin -->", "<!-- cases:end -->"


def main(argv):
    write = "--write-doc" in argv
    args = [a for a in argv if a != "--write-doc"]
    binary = args[0] if args else os.path.join(ROOT, "target/release/taipan")
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts/record_cases.py"),
                           "--check", binary], capture_output=True, text=True, cwd=ROOT)
    per = collections.OrderedDict()
    for line in proc.stdout.splitlines():
        if line.startswith(("ok ", "FAIL ")):
            ok = line.startswith("ok ")
            path = line.split()[1].rstrip(":")
            folder = path.split("/")[0]
            p, t = per.get(folder, (0, 0))
            per[folder] = (p + ok, t + 1)
    if not per:
        sys.stderr.write(proc.stdout + proc.stderr)
        return 1
    rows = ["| folder | programs | identical stdout, stderr and exit status |", "|---|---|---|"]
    tp = tt = 0
    for folder in sorted(per):
        p, t = per[folder]
        tp, tt = tp + p, tt + t
        rows.append(f"| `{folder}/` | {t} | {p} ({100.0 * p / t:.0f}%) |")
    rows.append(f"| **all** | **{tt}** | **{tp} ({100.0 * tp / tt:.1f}%)** |")
    table = "\n".join(rows)
    print(table)
    if write:
        doc = os.path.join(ROOT, "docs/conformance.md")
        text = open(doc).read()
        block = (f"{BEGIN}\nCommand: `python3 scripts/cases_conformance.py --write-doc target/release/taipan` "
                 f"(measured {datetime.date.today()}).\n\n{table}\n{END}")
        if BEGIN in text:
            a, b = text.index(BEGIN), text.index(END) + len(END)
            text = text[:a] + block + text[b:]
        else:
            text = text.rstrip() + "\n\n## Whole programs (tests/cases)\n\n" + block + "\n"
        open(doc, "w").write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
