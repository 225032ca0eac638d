# Functions, closures and cells in cycles.
import gc
import weakref

gc.disable()
gc.collect()


def outer():
    def inner():
        return inner

    return inner


f = outer()
r = weakref.ref(f)
print(f() is f)
del f
print("closure alive", r() is not None)
gc.collect()
print("closure freed", r() is None)


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    inc.self = inc
    return inc


c = counter()
print(c(), c())
rc = weakref.ref(c)
cell = c.__closure__[0]
print(type(cell).__name__, cell.cell_contents)
del c, cell
gc.collect()
print("attr cycle freed", rc() is None)


def g(x=[]):
    return x


g.__defaults__[0].append(g)
rg = weakref.ref(g)
del g
gc.collect()
print("defaults cycle freed", rg() is None)

ns = {}
exec("def h():\n    return h\n", ns)
rh = weakref.ref(ns["h"])
del ns
gc.collect()
print("globals cycle freed", rh() is None)
