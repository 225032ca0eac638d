"""Write a marshal corpus made by CPython 3.11, for taipan-bytecode's tests.

Usage: python3.11 scripts/gen_marshal_corpus.py OUT_DIR

For every top-level stdlib module (/usr/lib/python3.11/*.py) and every
module of the packages in PACKAGES, writes OUT_DIR/NNNNN.marshal holding
marshal.dumps(compile(source, path, "exec")), plus values.marshal holding
assorted non-code values, and OUT_DIR/summary.tsv describing each file:

  file<TAB>NNNNN<TAB>PATH
  code<TAB>co_name<TAB>co_qualname<TAB>len(co_consts)<TAB>len(co_names)<TAB>
      len(co_varnames)<TAB>len(co_cellvars)<TAB>len(co_freevars)<TAB>
      co_firstlineno<TAB>co_argcount<TAB>co_flags<TAB>len(co_code)
      (one line per code object, depth-first through co_consts)

The Rust test (crates/taipan-bytecode/tests/marshal_corpus.rs) runs this into
a temporary directory, so nothing generated is checked in.
"""
import marshal
import os
import sys

ROOT = "/usr/lib/python3.11"
PACKAGES = [
    "asyncio", "collections", "concurrent", "email", "encodings", "html", "http", "importlib",
    "json", "logging", "multiprocessing", "re", "tomllib", "unittest", "urllib", "xml", "zoneinfo",
]

VALUES = (
    None, True, False, Ellipsis, StopIteration,
    0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**62, 2**64 + 5, -(10**100), 7**300,
    0.0, -0.0, 1.5, float("inf"), float("-inf"), float("nan"), 1e-310, complex(1, -2), 3j,
    b"", b"\x00\xff" * 200, "", "ascii", "x" * 300, "caf\u00e9", "\u20ac" * 1000, "\U0001f600",
    "\udc80 lone surrogate", sys.intern("interned_name"), sys.intern("interned_name"),
    (), (1,), tuple(range(300)), [], [1, [2, [3, [4]]]], {}, {"a": 1, "b": [2, 3], 4: (5,)},
    set(), {1, 2, 3}, frozenset(), frozenset({"x", "y", ("t", 1)}), {frozenset({1})},
    [sys.intern("shared")] * 3,
)


def walk(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from walk(c)


def sources():
    paths = sorted(os.path.join(ROOT, n) for n in os.listdir(ROOT) if n.endswith(".py"))
    for package in PACKAGES:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, package)):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            paths.extend(os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py"))
    return paths


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    summary = []
    n = 0
    for path in sources():
        with open(path, "rb") as f:
            src = f.read()
        try:
            code = compile(src, path, "exec", dont_inherit=True)
        except SyntaxError:
            continue
        name = f"{n:05d}"
        n += 1
        with open(os.path.join(out, name + ".marshal"), "wb") as f:
            f.write(marshal.dumps(code))
        summary.append(f"file\t{name}\t{path}")
        for c in walk(code):
            summary.append("\t".join(map(str, (
                "code", c.co_name, c.co_qualname, len(c.co_consts), len(c.co_names),
                len(c.co_varnames), len(c.co_cellvars), len(c.co_freevars),
                c.co_firstlineno, c.co_argcount, c.co_flags, len(c.co_code),
            ))))
    with open(os.path.join(out, "values.marshal"), "wb") as f:
        f.write(marshal.dumps(VALUES))
    with open(os.path.join(out, "summary.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(summary) + "\n")


main()
