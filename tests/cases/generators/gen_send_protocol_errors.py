def g():
    x = yield
    print("got", x)
    y = yield x * 2
    print("got", y)
it = g()
print(it.send(None))
print(it.send(5))
try:
    it.send(7)
except StopIteration:
    print("stopped")
def never_started():
    yield 1
try:
    never_started().send("x")
except TypeError as e:
    print(type(e).__name__, e)
