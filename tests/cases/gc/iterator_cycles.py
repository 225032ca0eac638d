# Iterators, dict views, map/zip/enumerate objects and itertools objects
# kept alive by the container they iterate over.
import gc
import itertools

gc.disable()
gc.collect()

l = []
l.append(iter(l))
del l
print("list iterator", gc.collect())

d = {}
d["it"] = iter(d.values())
del d
print("dict value iterator", gc.collect())

d = {}
d["keys"] = d.keys()
del d
print("dict keys view", gc.collect())

l = []
l.append(enumerate(l))
del l
print("enumerate", gc.collect() >= 2)

l = []
l.append(map(len, l))
del l
print("map", gc.collect() >= 2)

l = []
l.append(zip(l, l))
del l
print("zip", gc.collect() >= 2)

l = []
l.append(itertools.chain(l))
del l
print("chain", gc.collect() >= 2)

l = []
l.append(itertools.cycle(l))
del l
print("cycle", gc.collect() >= 2)

l = []
l.append(reversed(l))
del l
print("reversed", gc.collect())
