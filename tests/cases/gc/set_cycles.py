# Sets and frozensets in cycles through objects that hold them.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    __slots__ = ("s", "__weakref__")


n = Node()
n.s = {n}
r = weakref.ref(n)
del n
print("set", r() is not None, gc.collect(), r() is None)

n = Node()
n.s = frozenset([n])
r = weakref.ref(n)
del n
print("frozenset", r() is not None, gc.collect(), r() is None)

n = Node()
m = Node()
n.s = {m, 1, "a"}
m.s = frozenset([(n,)])
del n, m
print("mixed", gc.collect())

s = set()
n = Node()
n.s = [s]
s.add(n)
del s, n
print("set-list", gc.collect())
