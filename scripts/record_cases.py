#!/usr/bin/python3.11
"""Record and check the conformance corpus in tests/cases/.

Every ``tests/cases/**/*.py`` is a small deterministic program (files inside a folder that
has an ``__init__.py``, and any file whose name starts with ``_``, are helper modules that
cases import, not cases). Recording runs each case with CPython::

    /usr/bin/python3.11 -X utf8 FILE

in a clean environment (only ``PYTHONHASHSEED=0``, ``PYTHONDONTWRITEBYTECODE=1`` so no
``__pycache__`` appears in the tree, and ``PATH``; no ``PYTHONPATH``), with
cwd = the case's folder, stdin from /dev/null and a timeout, and writes ``FILE.out``
(stdout), ``FILE.err`` (stderr) and ``FILE.code`` (exit status, one decimal line) next to it.

Every case is recorded a second time under ``PYTHONHASHSEED=1``, so that str and bytes hashes,
and with them set and dict iteration orders, are checked under two keys. When that run's
output differs from the first, it is written as ``FILE.seed1.out``, ``FILE.seed1.err`` and
``FILE.seed1.code``; when it is the same, no such files exist (and stale ones are removed).
Checking runs Taipan under both seeds; a case passes only if both runs match.

Tracebacks name files by absolute path, which depends on where the repository is checked
out, so in both outputs the absolute path of ``tests/cases`` is replaced by ``$CASES``
(``crates/taipan/tests/cases.rs`` does the same). Nothing else is normalised.

Usage:
    scripts/record_cases.py [CASE_OR_DIR ...]         record (all cases by default)
    scripts/record_cases.py --check TAIPAN [--diff] [CASE_OR_DIR ...]
                                                      run Taipan as ``TAIPAN FILE`` and compare
Only ever record with /usr/bin/python3.11; never write expected outputs by hand.
"""

import argparse
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "cases")
PYTHON = "/usr/bin/python3.11"
TIMEOUT = 10
PLACEHOLDER = b"$CASES"


def is_case(path):
    """A case is a .py file not starting with '_' and not inside a package folder."""
    name = os.path.basename(path)
    if not name.endswith(".py") or name.startswith("_"):
        return False
    d = os.path.dirname(path)
    return not os.path.exists(os.path.join(d, "__init__.py"))


def find_cases(args):
    found = []
    roots = args or [CASES]
    for r in roots:
        r = os.path.abspath(r)
        if os.path.isfile(r):
            found.append(r)
            continue
        for dirpath, dirnames, filenames in os.walk(r):
            dirnames.sort()
            for f in sorted(filenames):
                p = os.path.join(dirpath, f)
                if is_case(p):
                    found.append(p)
    return sorted(found)


def normalise(data):
    for prefix in {CASES, os.path.realpath(CASES)}:
        data = data.replace(prefix.encode(), PLACEHOLDER)
    return data


SEEDS = ("0", "1")


def run(argv, path, seed="0"):
    env = {"PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
    try:
        p = subprocess.run(
            argv + [os.path.basename(path)],
            cwd=os.path.dirname(path),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired as e:
        return (normalise(e.stdout or b""), normalise(e.stderr or b""), None)
    return normalise(p.stdout), normalise(p.stderr), p.returncode


def rel(path):
    return os.path.relpath(path, CASES)


def record(cases):
    bad = 0
    for path in cases:
        first = run([PYTHON, "-X", "utf8"], path, SEEDS[0])
        second = run([PYTHON, "-X", "utf8"], path, SEEDS[1])
        if first[2] is None or second[2] is None:
            print(f"TIMEOUT {rel(path)} (not recorded)")
            bad += 1
            continue
        write_trio(path, "", first)
        if second != first:
            write_trio(path, f".seed{SEEDS[1]}", second)
        else:
            for ext in (".out", ".err", ".code"):
                stale = f"{path}.seed{SEEDS[1]}{ext}"
                if os.path.exists(stale):
                    os.remove(stale)
    print(f"recorded {len(cases) - bad} cases ({bad} timed out)")
    return 1 if bad else 0


def write_trio(path, infix, result):
    out, err, code = result
    for ext, data in ((".out", out), (".err", err), (".code", f"{code}\n".encode())):
        with open(path + infix + ext, "wb") as f:
            f.write(data)


def expected(path, seed):
    """The recorded (out, err, code) for a seed: its own files if the seed changed the output."""
    if seed != SEEDS[0] and os.path.exists(f"{path}.seed{seed}.out"):
        path = f"{path}.seed{seed}"
    return read(path + ".out"), read(path + ".err"), read(path + ".code")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def show_diff(name, expected, actual):
    e = expected.decode("utf-8", "replace").splitlines(keepends=True)
    a = actual.decode("utf-8", "replace").splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(e, a, f"expected {name}", f"taipan {name}"))
    print()


def check(taipan, cases, diff):
    passed, failed = [], []
    for path in cases:
        exp_out, exp_err, exp_code = expected(path, SEEDS[0])
        if exp_out is None or exp_err is None or exp_code is None:
            print(f"UNRECORDED {rel(path)}")
            failed.append(rel(path))
            continue
        why = []
        for seed in SEEDS:
            exp_out, exp_err, exp_code = expected(path, seed)
            out, err, code = run([taipan], path, seed)
            tag = "" if seed == SEEDS[0] else f" (seed {seed})"
            if code is None:
                why.append("timeout" + tag)
            elif str(code) != exp_code.decode().strip():
                why.append(f"exit {code} != {exp_code.decode().strip()}" + tag)
            if out != exp_out:
                why.append("stdout" + tag)
            if err != exp_err:
                why.append("stderr" + tag)
            if why:
                break
        if why:
            failed.append(rel(path))
            print(f"FAIL {rel(path)}: {', '.join(why)}")
            if diff:
                if out != exp_out:
                    show_diff("stdout", exp_out, out)
                if err != exp_err:
                    show_diff("stderr", exp_err, err)
        else:
            passed.append(rel(path))
            print(f"ok   {rel(path)}")
    print(f"\n{len(passed)} passed, {len(failed)} failed, {len(cases)} total")
    return 0 if not failed else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", metavar="TAIPAN", help="run this Taipan binary and compare")
    ap.add_argument("--diff", action="store_true", help="with --check: show diffs of failures")
    ap.add_argument("paths", nargs="*", help="cases or folders (default: all of tests/cases)")
    a = ap.parse_args()
    cases = find_cases(a.paths)
    if a.check:
        return check(os.path.abspath(a.check), cases, a.diff)
    if a.diff:
        ap.error("--diff needs --check")
    return record(cases)


if __name__ == "__main__":
    sys.exit(main())
