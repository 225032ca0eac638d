# __del__ runs exactly once, whether the object dies by refcount or in a
# cycle, and is not run again when a resurrected object dies later.
import gc

gc.disable()
gc.collect()

calls = []


class D:
    __slots__ = ("other", "name", "__weakref__")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        calls.append(self.name)


d = D("plain")
del d
print(calls)

d = D("cycle")
d.other = d
del d
print(calls)
print(gc.collect())
print(calls)
print(gc.collect())
print(calls)

a = D("a")
b = D("b")
a.other = b
b.other = a
del a, b
print(gc.collect())
print(sorted(calls))
