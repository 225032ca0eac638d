def f(a, b=2, c=[]):
    c.append(a)
    return a, b, c
print(f(1), f(2, 3), f(3, c=[0]), f(4))
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2))
val = 10
def h(v=val):
    return v
val = 20
print(h(), h(5))
def k(a, b=1, *, c, d=4):
    return a, b, c, d
print(k(0, c=3), k(0, 9, c=3, d=5))
print(f.__defaults__[:1], k.__kwdefaults__, h.__defaults__)
