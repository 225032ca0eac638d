def g():
    yield 1
    raise StopIteration("inside")
try:
    list(g())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
def h():
    yield 1
    return "value"
it = h()
next(it)
try:
    next(it)
except StopIteration as e:
    print("return value", e.value, e.args)
