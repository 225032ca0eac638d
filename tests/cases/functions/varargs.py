def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2), f(*[1, 2], **{"c": 3}))
def g(a, b, c):
    return a + b + c
print(g(*[1, 2, 3]), g(1, *(2, 3)), g(**{"a": 1, "b": 2, "c": 3}), g(1, **{"c": 3, "b": 2}))
print(f(*"ab", *range(2), **{"x": 1}, **{"y": 2}))
try:
    g(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g(**[1])
except TypeError as e:
    print(type(e).__name__, e)
def h(first, *rest, last="L", **opts):
    return first, rest, last, sorted(opts.items())
print(h(1, 2, 3, last=4, z=5, y=6))
