def trace(fn):
    def wrapper(*args, **kw):
        print("call", fn.__name__, args, kw)
        r = fn(*args, **kw)
        print("ret", r)
        return r
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(x):
    return "hi " + x
print(hi("there"))
def d1(f):
    print("d1 applied")
    return lambda: "d1(" + f() + ")"
def d2(f):
    print("d2 applied")
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def one(): pass
@register
def two(): pass
print(registry)
@lambda f: f()
def evaluated():
    return 42
print(evaluated)
