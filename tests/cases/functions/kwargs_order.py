def f(**kw):
    return list(kw.items())
print(f(z=1, a=2, m=3))
def g(a, b, **rest):
    return a, b, rest
print(g(b=1, a=2, c=3), g(1, 2, b2=3))
d = {"b": 1, "a": 2}
print(f(**d, c=0), dict(d, e=5), f(**{"if": 1, "not valid": 2}))
