from __future__ import annotations

def f(a: lambda x, /, y=1, *args, z, w=2, **kw: x, b: f"{x!r:>{width}} {{lit}} {y}") -> [x for x in y if x] | {k: v for k, v in d} | (g for g in h):
    pass

def g(a: f(x for x in y), b: -x ** 2 + (a or b and not c) < d <= e, c: x[1:2, ::3], d: await_(x), e: {**a, "b": 1}, f: a if b else c, h: 1e400) -> not x:
    pass
