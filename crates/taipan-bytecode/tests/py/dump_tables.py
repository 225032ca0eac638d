"""Dump the exception and location tables of stdlib code objects, as
CPython 3.11 compiles them, for tests/tables_vs_cpython.rs.

Usage: dump_tables.py FILE...   (each compiled with compile(src, path, "exec"))

Per code object (depth-first through co_consts):
  code QUALNAME FIRSTLINENO NUNITS
  ex HEX          co_exceptiontable
  exe S E T D L   each dis._parse_exception_table entry (bytes offsets, as dis gives)
  lt HEX          co_linetable
  pos RUN...      co_positions() run-length encoded: COUNT:L,EL,C,EC ('n' for None)
  lines S,E,L ... co_lines()
"""
import dis
import sys


def walk(code):
    yield code
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            yield from walk(c)


def fmt(v):
    return "n" if v is None else str(v)


def main():
    out = []
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            src = f.read()
        try:
            top = compile(src, path, "exec", dont_inherit=True)
        except SyntaxError:
            continue
        out.append(f"file {path}")
        for code in walk(top):
            out.append(f"code {code.co_qualname} {code.co_firstlineno} {len(code.co_code) // 2}")
            out.append("ex " + code.co_exceptiontable.hex())
            for e in dis._parse_exception_table(code):
                out.append(f"exe {e.start} {e.end} {e.target} {e.depth} {int(e.lasti)}")
            out.append("lt " + code.co_linetable.hex())
            runs = []
            prev, count = None, 0
            for p in code.co_positions():
                if p == prev:
                    count += 1
                else:
                    if prev is not None:
                        runs.append(f"{count}:" + ",".join(map(fmt, prev)))
                    prev, count = p, 1
            if prev is not None:
                runs.append(f"{count}:" + ",".join(map(fmt, prev)))
            out.append("pos " + " ".join(runs))
            out.append("lines " + " ".join(f"{s},{e},{fmt(l)}" for s, e, l in code.co_lines()))
    sys.stdout.write("\n".join(out) + "\n")


main()
