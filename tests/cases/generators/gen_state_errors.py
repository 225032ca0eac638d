def g():
    yield 1
it = g()
list(it)
print(next(it, "done"))
try:
    it.send(1)
except StopIteration as e:
    print("send after exhaustion", repr(e))
try:
    it.throw(ValueError("late"))
except ValueError as e:
    print("throw after exhaustion", e)
try:
    g().throw(1)
except TypeError as e:
    print(type(e).__name__, e)
