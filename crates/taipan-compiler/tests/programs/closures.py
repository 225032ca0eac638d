def outer(a, b):
    c = a + b
    def inner(d):
        nonlocal c
        c += d
        return a, c
    lam = lambda: b
    return inner, lam

class K:
    def m(self):
        return super().m()
    def n(self):
        return __class__
    def gen(self):
        return [self for _ in range(3)]
