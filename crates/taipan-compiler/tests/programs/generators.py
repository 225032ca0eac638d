def gen():
    yield 1
    yield
    x = yield 2
    yield from other()

def g2(n):
    for i in range(n):
        yield i * i
