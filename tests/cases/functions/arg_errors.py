def f(a, b):
    pass
def g(a, b=1, *, c):
    pass
class C:
    def m(self, x):
        pass
calls = [
    lambda: f(), lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, 2, c=3), lambda: f(1, a=1),
    lambda: g(), lambda: g(1), lambda: g(1, 2, 3), lambda: C().m(), lambda: C().m(1, 2),
    lambda: C.m(), lambda: len(), lambda: len(1, 2), lambda: (lambda: 0)(1),
    lambda: f(1, 2, d=1, e=2), lambda: int("1", base=10, x=2), lambda: [].append(),
    lambda: {}.get(), lambda: abs(a=1), lambda: sorted([], 1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
