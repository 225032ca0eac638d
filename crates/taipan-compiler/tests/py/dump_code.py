"""Print CPython 3.11's code objects for source files, in the format
tests/vs_cpython.rs prints ours, so the two can be compared line by line.

Usage: /usr/bin/python3.11 dump_code.py FILE...   (the reference: 3.11.2)   (one block per file, separated by
"=== FILE" lines; "!error ..." when CPython cannot compile the file).
"""
import dis
import sys


def const_repr(c):
    if isinstance(c, type((lambda: 0).__code__)):
        return "<code %s>" % c.co_name
    if isinstance(c, tuple):
        items = [const_repr(x) for x in c]
        if len(items) == 1:
            return "(" + items[0] + ",)"
        return "(" + ", ".join(items) + ")"
    if isinstance(c, frozenset):
        if not c:
            return "frozenset()"
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})"
    return repr(c)


def dump(code, out):
    out.append("code %s" % code.co_qualname)
    ops = []
    for ins in dis.get_instructions(code, show_caches=False):
        ops.append("%s %s" % (ins.opname, "" if ins.arg is None else ins.arg))
    out.append("ops " + "; ".join(ops))
    out.append("consts " + " | ".join(const_repr(c) for c in code.co_consts))
    out.append("names " + " ".join(code.co_names))
    out.append("varnames " + " ".join(code.co_varnames))
    out.append("cellvars " + " ".join(code.co_cellvars))
    out.append("freevars " + " ".join(code.co_freevars))
    out.append("args %d %d %d flags %d stacksize %d firstlineno %d" % (
        code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount,
        code.co_flags, code.co_stacksize, code.co_firstlineno))
    out.append("exctable " + code.co_exceptiontable.hex())
    out.append("linetable " + code.co_linetable.hex())
    for c in code.co_consts:
        if isinstance(c, type(code)):
            dump(c, out)


def main():
    for path in sys.argv[1:]:
        print("=== " + path)
        try:
            with open(path, "rb") as f:
                src = f.read()
            code = compile(src, path, "exec", dont_inherit=True)
        except Exception as e:  # noqa: BLE001
            print("!error %s" % type(e).__name__)
            continue
        out = []
        dump(code, out)
        print("\n".join(out))


main()
