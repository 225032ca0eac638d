# Exceptions in cycles through args, __context__, __cause__ and attributes.
import gc
import weakref

gc.disable()
gc.collect()


class E(Exception):
    pass


e = E()
e.args = (e,)
r = weakref.ref(e)
del e
gc.collect()
print("args", r() is None)

a = E("a")
b = E("b")
a.__context__ = b
b.__context__ = a
ra = weakref.ref(a)
del a, b
gc.collect()
print("context", ra() is None)

a = E("a")
a.__cause__ = a
ra = weakref.ref(a)
del a
gc.collect()
print("cause", ra() is None)

a = E("a")
a.holder = [a]
ra = weakref.ref(a)
del a
gc.collect()
print("attribute", ra() is None)

try:
    try:
        raise E("inner")
    except E as inner:
        raise E("outer") from inner
except E as outer:
    saved = outer
print(saved.__cause__.args, saved.__context__ is saved.__cause__)
rs = weakref.ref(saved)
saved.__cause__.__context__ = saved
del saved
gc.collect()
print("chain", rs() is None)

plain = ValueError()
plain.args = ([plain],)
del plain
print("builtin exception", gc.collect() >= 2)
