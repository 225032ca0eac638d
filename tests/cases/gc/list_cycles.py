# Cycles made only of lists: self-reference, pairs, a ring of 100, and a
# list reachable from the cycle but not in it.
import gc

gc.disable()
gc.collect()

l = []
l.append(l)
del l
print("self", gc.collect())

a = []
b = []
a.append(b)
b.append(a)
del a, b
print("pair", gc.collect())

ring = [[] for _ in range(100)]
for i in range(100):
    ring[i].append(ring[(i + 1) % 100])
del ring
print("ring", gc.collect())

x = []
x.append(x)
x.append([1, 2, [3]])
del x
print("with tail", gc.collect())

keep = []
keep.append(keep)
print("reachable", gc.collect())
print(len(keep), keep[0] is keep)
print("again", gc.collect())
