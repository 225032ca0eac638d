# Cycles through dict values, through keys (hashable holders) and mixed
# dict/list cycles.
import gc

gc.disable()
gc.collect()

d = {}
d["me"] = d
del d
print("self", gc.collect())

d1 = {}
d2 = {"other": d1}
d1["other"] = d2
del d1, d2
print("pair", gc.collect())

d = {"l": []}
d["l"].append(d)
del d
print("dict-list", gc.collect())


class Key:
    __slots__ = ("d", "__weakref__")

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return self is other


k = Key()
k.d = {k: 1}
del k
print("key", gc.collect())

d = {i: [] for i in range(10)}
for v in d.values():
    v.append(d)
del d, v
print("fan", gc.collect())
