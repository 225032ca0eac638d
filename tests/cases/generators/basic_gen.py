def g():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
it = g()
print(type(it).__name__, it.__name__, it.__qualname__)
print(next(it))
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value)
print(list(it), iter(it) is it)
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)), max(countdown(3)))
