def g():
    a = yield 1
    b = yield a
    c = yield (a, b)
    yield [a, b, c]
it = g()
print(next(it), it.send("A"), it.send("B"), it.send("C"))
def yield_in_expr():
    x = (yield) or "default"
    yield x
y = yield_in_expr()
next(y)
print(y.send(None))
def lambda_yield():
    f = lambda: (yield 5)
    return list(f())
print(lambda_yield())
