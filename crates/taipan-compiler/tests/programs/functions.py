def f():
    pass

def g(a, b=1, *args, c, d=2, **kw):
    return a + b

def h(a, /, b, *, c):
    return a, b, c

def outer(x):
    def inner(y):
        return x + y
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

def doc():
    "docstring"
    return 1

def defaults(a=[], b={}, c=None):
    return a
