def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r)[:60])
t(lambda: [0] * 10**12)
t(lambda: [0, 1] * (2**62))
t(lambda: [0] * 2**63)
t(lambda: [0] * 2**64)
t(lambda: (0,) * 10**12)
t(lambda: (0, 1) * 2**62)
t(lambda: [1] * 10**3 * 0)
t(lambda: list(range(10**20))[:1])
t(lambda: len(range(10**20)))
t(lambda: range(10**20)[10**19])
t(lambda: range(10**20).__len__())
a = []
def f():
    a.extend([0] * 10)
    a[0:0] = [1] * (2**62)
t(f)
t(lambda: [].__mul__(2**100))
t(lambda: [1].__imul__(2**100))
