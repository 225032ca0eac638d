# All weakrefs to the unreachable set are cleared before any callback or
# finalizer runs: a callback sees every member of the cycle already dead,
# and a __del__ sees weakrefs to its peers already cleared.
import gc
import weakref

gc.disable()
gc.collect()

log = []


class N:
    __slots__ = ("peer", "name", "__weakref__")

    def __init__(self, name):
        self.name = name


a = N("a")
b = N("b")
a.peer = b
b.peer = a
ra = weakref.ref(a)


def cb_b(ref):
    log.append(("cb_b sees a dead", ra() is None))


rb = weakref.ref(b, cb_b)
del a, b
gc.collect()
print(log)

log.clear()
refs = {}


class D:
    __slots__ = ("peer", "name", "__weakref__")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        other = "q" if self.name == "p" else "p"
        log.append((self.name, "sees weakref to", other, "cleared", refs[other]() is None))


p = D("p")
q = D("q")
p.peer = q
q.peer = p
refs["p"] = weakref.ref(p)
refs["q"] = weakref.ref(q)
del p, q
gc.collect()
for row in sorted(log):
    print(row)
