# Bound methods stored on their own instance.
import gc
import weakref

gc.disable()
gc.collect()


class A:
    def m(self):
        return "m"


a = A()
a.bm = a.m
r = weakref.ref(a)
del a
print(r() is not None)
gc.collect()
print(r() is None)


class S:
    __slots__ = ("cb", "__weakref__")

    def run(self):
        return 1


s = S()
s.cb = s.run
rs = weakref.ref(s)
del s
print("slots", gc.collect(), rs() is None)

lst = []
lst.append(lst.append)
del lst
print("builtin method", gc.collect())
