# compile() of ast objects: trees from ast.parse, changed trees and trees built by hand.
import ast

SOURCES = [
    "def f(a, /, b=2, *args, c, d=4, **kw):\n    return (a, b, args, c, d, sorted(kw))\nprint(f(1, c=3, z=5))\n",
    "class A:\n    x = 1\n    def m(self):\n        return __class__.__name__ + str(self.x)\nclass B(A):\n    def m(self):\n        return 'B' + super().m()\nprint(B().m())\n",
    "print([x * y for x in range(3) for y in range(3) if x != y], {k: v for k, v in zip('ab', (1, 2))})\n",
    "def g():\n    total = yield 1\n    yield from range(total)\nit = g(); next(it); print(it.send(3), list(it))\n",
    "for v in ([1, 2], {'k': 1}, 'str', (1, 2, 3), 7):\n    match v:\n        case [a, b]: print('pair', a, b)\n        case {'k': x}: print('map', x)\n        case str() as s: print('str', s)\n        case (1, *rest): print('rest', rest)\n        case _: print('other', v)\n",
    "try:\n    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])\nexcept* ValueError as e:\n    print('value', e.exceptions)\nexcept* TypeError as e:\n    print('type', e.exceptions)\n",
    "async def co(n):\n    return n * 2\nasync def main():\n    r = [await co(i) for i in range(3)]\n    async def agen():\n        for i in range(2):\n            yield i\n    print(r, [x async for x in agen()])\nc = main()\ntry:\n    c.send(None)\nexcept StopIteration:\n    pass\n",
    "x = 10\nname = 'w'\nprint(f'{x:>5}|{name!r}|{x * 2 = }|{3.14159:.2f}')\n",
    "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n        return n\n    inner(); inner()\n    return n\nprint(outer())\nG = 1\ndef setg():\n    global G\n    G = 2\nsetg(); print(G)\n",
    "import functools\n@functools.lru_cache\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(30), (y := 5), [*range(3), *'ab'], {**{'a': 1}, 'b': 2})\n",
    "with open(__file__ if '__file__' in dir() else '/dev/null') as fh:\n    pass\nprint(fh.closed)\nassert 1 < 2 < 3, 'chain'\ndel fh\nprint(lambda a, *, b=1: a + b)(1) if False else print((lambda a, *, b=1: a + b)(1))\n",
    "from __future__ import annotations\ndef h(a: int) -> list[int]:\n    return [a]\nprint(h.__annotations__)\n",
]

for src in SOURCES:
    tree = ast.parse(src)
    code = compile(tree, "<ast>", "exec")
    ref = compile(src, "<ast>", "exec")
    print("same bytecode:", code.co_code == ref.co_code, code.co_consts == ref.co_consts)
    if code.co_consts != ref.co_consts:
        print(code.co_consts, ref.co_consts)
    exec(code, {"__name__": "__main__"})

# eval and single modes
e = ast.parse("1 + 2 * 3", mode="eval")
print(eval(compile(e, "<e>", "eval")))
i = ast.parse("40 + 2", mode="single")
exec(compile(i, "<i>", "single"))


# a NodeTransformer: + becomes *
class Swap(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            return ast.BinOp(node.left, ast.Mult(), node.right)
        return node


t = ast.parse("result = (2 + 3) + 4")
t = ast.fix_missing_locations(Swap().visit(t))
ns = {}
exec(compile(t, "<swap>", "exec"), ns)
print(ns["result"])

# trees built by hand
L = dict(lineno=1, col_offset=0)
m = ast.Module(
    body=[
        ast.Assign(targets=[ast.Name("x", ast.Store(), **L)], value=ast.Constant((1, (2, "three"), None), **L), **L),
        ast.Expr(ast.Call(ast.Name("print", ast.Load(), **L), [ast.Name("x", ast.Load(), **L), ast.Constant(frozenset({5}), **L)], [], **L), **L),
        ast.Expr(ast.Call(ast.Name("print", ast.Load(), **L), [ast.Constant(2 ** 100, **L), ast.Constant(-0.0, **L), ast.Constant(3j, **L), ast.Constant(b"by", **L), ast.Constant(..., **L), ast.Constant(len("\ud800"), **L)], [ast.keyword("sep", ast.Constant("|", **L), **L)], **L), **L),
    ],
    type_ignores=[],
)
exec(compile(m, "<hand>", "exec"))
print(ast.dump(m.body[0].value))

# the parser shares operator and context instances
a, b = ast.parse("x + y").body[0].value.left, ast.parse("z - w").body[0].value.left
print(a.ctx is b.ctx, type(a.ctx).__name__)
print(ast.parse("1+2").body[0].value.op is ast.parse("3+4").body[0].value.op)

# PyCF_ONLY_AST on an AST returns the same object
print(compile(m, "<x>", "exec", ast.PyCF_ONLY_AST) is m)

# code objects made from trees carry the positions of the tree
t = ast.parse("a = 1\nb = a + 1\n")
for node in ast.walk(t):
    if hasattr(node, "lineno"):
        node.lineno += 10
        node.end_lineno += 10
c = compile(t, "<moved>", "exec")
print(sorted({ln for _, _, ln in c.co_lines() if ln is not None}))
print(ast.unparse(ast.parse("async def f(*, a=1):\n    async with x as (y, z):\n        await q\n")))
