#!/usr/bin/env python3
"""Compiler conformance: how many code objects taipan-compiler produces
identically to CPython 3.11, on the standard library.

Runs the `vs_cpython` test of crates/taipan-compiler (which has python3.11
compile each module and compares every code object, recursively, with ours:
instruction stream, constants, names, locals, flags, stack size, exception
table and location table) and prints its summary lines.

Usage:
    scripts/compiler_conformance.py          # /usr/lib/python3.11/*.py
    scripts/compiler_conformance.py --all    # the whole tree, test/ included
    scripts/compiler_conformance.py DIR      # every *.py under DIR
    (add -v to see the first differences)

The numbers go to docs/conformance.md.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    verbose = any(a in ("-v", "--verbose") for a in sys.argv[1:])
    args = [a for a in sys.argv[1:] if a not in ("-v", "--verbose")]
    env = dict(os.environ)
    if args:
        corpus = "/usr/lib/python3.11" if args[0] == "--all" else args[0]
        env["TAIPAN_COMPILER_CORPUS"] = corpus
        env["TAIPAN_SKIP_STDLIB"] = "1"
        test = "corpus_vs_cpython"
    else:
        test = "stdlib_vs_cpython"
    cmd = ["cargo", "test", "-q", "-p", "taipan-compiler", "--test", "vs_cpython",
           test, "--", "--nocapture", "--exact"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    summary = [l for l in out.splitlines() if "code objects" in l]
    if not summary:
        sys.stderr.write(out)
        return 1
    for line in summary:
        print(line)
    if verbose:
        for line in out.splitlines():
            if line.startswith(("  ours:", "  cpython:", "/")):
                print(line[:300])
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
