# Very long chains are freed without overflowing the C (or Rust) stack:
# nested lists by refcount, a long cycle of instances by the collector.
import gc
import weakref

gc.disable()
gc.collect()

N = 1_000_000
head = None
for i in range(N):
    head = [head]
del head
print("list chain freed")

t = ()
for i in range(N):
    t = (t, i)
del t
print("tuple chain freed")


class Node:
    __slots__ = ("next", "__weakref__")


first = Node()
cur = first
for i in range(200_000):
    n = Node()
    cur.next = n
    cur = n
cur.next = first
r = weakref.ref(first)
del first, cur, n
print(gc.collect())
print(r() is None)

d = {}
root = d
for i in range(100_000):
    d["n"] = {}
    d = d["n"]
d["root"] = root
del d, root
print(gc.collect())
