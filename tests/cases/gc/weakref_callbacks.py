# Weak reference callbacks when the referent dies in a cycle: external
# weakrefs see their callback called with the dead weakref; a weakref that
# is itself part of the garbage has its callback dropped.
import gc
import weakref

gc.disable()
gc.collect()

log = []


class A:
    __slots__ = ("peer", "wr", "name", "__weakref__")

    def __init__(self, name):
        self.name = name


def cb(ref):
    log.append(("cb", ref() is None))


a = A("a")
a.peer = a
r = weakref.ref(a, cb)
del a
print(log)
gc.collect()
print(log)
print(r() is None)

log.clear()
a = A("a")
b = A("b")
a.peer = b
b.peer = a
a.wr = weakref.ref(b, lambda ref: log.append("internal"))
del a, b
gc.collect()
print("internal callback dropped", log)

log.clear()
x = A("x")
x.peer = x
keep1 = weakref.ref(x, lambda ref: log.append("first"))
keep2 = weakref.ref(x, lambda ref: log.append("second"))
keep3 = weakref.ref(x, lambda ref: log.append("third"))
del x
gc.collect()
print("order in gc", log)

log.clear()
y = A("y")
k1 = weakref.ref(y, lambda ref: log.append("first"))
k2 = weakref.ref(y, lambda ref: log.append("second"))
k3 = weakref.ref(y, lambda ref: log.append("third"))
del y
print("order by refcount", log)
