def partial(fn, *pargs, **pkw):
    def call(*a, **k):
        return fn(*pargs, *a, **{**pkw, **k})
    return call
def power(base, exp, mod=None):
    return pow(base, exp, mod)
sq = partial(power, exp=2)
print(sq(5), sq(base=6), partial(power, 2)(10), partial(power, 2, 10, mod=1000)())
def curry(f, n):
    def step(args):
        if len(args) == n:
            return f(*args)
        return lambda x: step(args + (x,))
    return step(())
print(curry(lambda a, b, c: a * 100 + b * 10 + c, 3)(1)(2)(3))
