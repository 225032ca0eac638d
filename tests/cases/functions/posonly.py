def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(x=1, /, y=2):
    return x, y
print(h(), h(5), h(5, 6), h(y=7))
try:
    h(x=3)
except TypeError as e:
    print(type(e).__name__, e)
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
