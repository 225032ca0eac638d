#!/usr/bin/env python3
"""Runs the allocator benchmark (`cargo run --release -p taipan-alloc --example alloc_bench`)
and, with --write-doc FILE, puts its table between the alloc-bench markers of that file.

    bench/alloc_bench.py [--write-doc docs/benchmarks.md]
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write-doc")
    a = ap.parse_args()
    out = subprocess.run(["cargo", "run", "--quiet", "--release", "-p", "taipan-alloc", "--example", "alloc_bench"],
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(out.stderr)
    table = out.stdout.rstrip("\n")
    print(table)
    if a.write_doc:
        begin, end = "<!-- alloc-bench:begin -->", "<!-- alloc-bench:end -->"
        block = "\n".join([begin, "", "```", table, "```", "", end])
        text = open(a.write_doc).read()
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
        open(a.write_doc, "w").write(text)


if __name__ == "__main__":
    main()
