import contextvars as c
v = c.ContextVar('v', default=5)
w = c.ContextVar('w')
print(v.get(), v.name, w.get(7))
try: w.get()
except LookupError as e: print('LookupError', type(e.args[0]).__name__)
t = v.set(10)
print(v.get(), t.var is v, t.old_value is c.Token.MISSING, repr(c.Token.MISSING))
ctx = c.copy_context()
print(len(ctx), ctx[v], v in ctx, w in ctx, ctx.get(w), ctx.get(w, 3))
def f(x):
    v.set(x); w.set(x*2)
    return v.get() + w.get()
print(ctx.run(f, 4), v.get(), ctx[v], ctx[w], len(ctx))
print(sorted(k.name for k in ctx), sorted(ctx.values()), len(ctx.items()))
v.reset(t); print(v.get())
try: v.reset(t)
except RuntimeError as e: print('RuntimeError used')
t2 = w.set(1); w.reset(t2)
try: w.get()
except LookupError: print('reset to missing ok')
ctx2 = ctx.copy(); print(ctx2 == ctx, ctx2 != ctx, ctx == c.Context())
try: ctx.run(ctx.run, f, 1)
except RuntimeError as e: print('RE', str(e).endswith('is already entered'))
try: hash(ctx)
except TypeError as e: print(e)
print(c.ContextVar[int], c.Token[int])
# Several variables, nested runs, generators sharing the thread's context.
vars_ = [c.ContextVar(f'x{i}', default=i) for i in range(40)]
def setall(k):
    for i, x in enumerate(vars_):
        x.set(i * k)
    return sum(x.get() for x in vars_)
big = c.Context()
print(big.run(setall, 3), len(big), sum(x.get() for x in vars_))
print(sorted(big[x] for x in vars_)[-3:], all(x in big for x in vars_))
inner = big.copy()
print(inner.run(lambda: (vars_[0].set(99), big.run)[0].var.name), big[vars_[0]], inner[vars_[0]])
def gen():
    yield v.get()
    v.set(77)
    yield v.get()
g = gen(); print(next(g), next(g), v.get())
tok = v.set(1)
other = c.Context()
try: other.run(v.reset, tok)
except ValueError as e: print('ValueError', str(e).endswith('was created in a different Context'))
try: w.reset(tok)
except ValueError as e: print('ValueError', str(e).endswith('was created by a different ContextVar'))
for bad in (lambda: c.ContextVar(), lambda: c.ContextVar(1), lambda: c.ContextVar('a', 2),
            lambda: c.ContextVar('a', dflt=2), lambda: v.get(1, 2), lambda: c.Context(1),
            lambda: c.Context().run(), lambda: c.Context().get(), lambda: c.Context()[1],
            lambda: 1 in c.Context(), lambda: c.Token(), lambda: v.reset(1)):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
try:
    class X(c.ContextVar): pass
except TypeError as e: print(e)
k = c.copy_context().keys(); print(type(k).__name__, iter(k) is k, len(k) > 0)
print(c.ContextVar('n', default=None).get(), c.ContextVar('m').get(None))
