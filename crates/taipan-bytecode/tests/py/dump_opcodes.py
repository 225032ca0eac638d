"""Print CPython 3.11's opcode facts for tests/opcode_vs_cpython.rs.

One line per opcode number:  op NUM NAME HAS_ARG CACHES DEOPT KINDS
(KINDS: letters c n j a l f m for hasconst, hasname, hasjrel, hasjabs,
haslocal, hasfree, hascompare; '-' for none), then one line per opcode and
jump value with dis.stack_effect for every oparg in OPARGS ('x' where it
raises ValueError):  se NUM JUMP E1,E2,...
"""
import dis
import opcode

OPARGS = list(range(-3, 520)) + [1000, 4095, 65535, 65539, 1 << 20, (1 << 24) + 7]
print("have_argument", opcode.HAVE_ARGUMENT, "extended_arg", opcode.EXTENDED_ARG)
print("cmp_op", " ".join(opcode.cmp_op))
print("nb_ops", " ".join(f"{n}:{s}" for n, s in opcode._nb_ops))
print("specialized", " ".join(opcode._specialized_instructions))
for op in range(256):
    name = dis._all_opname[op]
    kinds = "".join(
        letter
        for letter, table in zip(
            "cnjalfm",
            (opcode.hasconst, opcode.hasname, opcode.hasjrel, opcode.hasjabs,
             opcode.haslocal, opcode.hasfree, opcode.hascompare),
        )
        if op in table
    ) or "-"
    deopt = dis.deoptmap.get(name, name)
    caches = opcode._inline_cache_entries[dis._all_opmap.get(deopt, op)] if not name.startswith("<") else 0
    print("op", op, name, int(op >= opcode.HAVE_ARGUMENT), caches, deopt, kinds)
    args = OPARGS if op >= opcode.HAVE_ARGUMENT else [None]
    for jump, tag in ((None, "N"), (True, "T"), (False, "F")):
        out = []
        for arg in args:
            try:
                out.append(str(dis.stack_effect(op, arg, jump=jump)))
            except ValueError:
                out.append("x")
        print("se", op, tag, ",".join(out))
