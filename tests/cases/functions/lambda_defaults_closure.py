x = 10
f = lambda y, z=x: y + z
x = 20
print(f(1), f(1, 2), f.__defaults__)
g = lambda: x
print(g())
def outer():
    n = 1
    h = lambda: n
    n = 2
    return h()
print(outer())
print((lambda *a: a)(), (lambda **k: k)(a=1), (lambda a, *, b: (a, b))(1, b=2))
