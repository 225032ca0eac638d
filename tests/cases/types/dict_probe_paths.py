# dict paths: the probe that reuses deleted slots, resizes with holes,
# the subscript fast paths (missing keys, unhashable keys, __eq__ that
# mutates the dict during a store or a delete), __missing__ in subclasses.

# Deletion then reinsertion: order follows insertion, the freed slots are reused.
d = {}
for i in range(20):
    d[i * 8] = i
for i in range(0, 20, 3):
    del d[i * 8]
for i in range(0, 20, 3):
    d[i * 8] = -i
print(list(d.items()))
print(len(d), d.__sizeof__() == {k: v for k, v in d.items()}.__sizeof__())

# Many deletions then growth: resize compacts the holes.
d = {str(i): i for i in range(100)}
for i in range(0, 100, 2):
    del d[str(i)]
for i in range(100, 160):
    d[str(i)] = i
print(list(d)[:5], list(d)[-5:], len(d))
print(sum(d.values()))

# Colliding int keys (same slot modulo the table size).
d = {}
for i in range(12):
    d[i << 20] = i
for i in range(0, 12, 2):
    del d[i << 20]
d[0] = "zero"
d[1 << 40] = "big"
print(list(d.items()))
print([k in d for k in (0, 1 << 20, 2 << 20, 3 << 20, 1 << 40, 5)])

# Missing key, unhashable key: store, load and delete.
d = {"a": 1}
for op in ("load", "del"):
    try:
        if op == "load":
            d["zz"]
        else:
            del d["zz"]
    except KeyError as e:
        print(op, "KeyError", e)
for op in ("load", "store", "del"):
    try:
        if op == "load":
            d[[1]]
        elif op == "store":
            d[[1]] = 2
        else:
            del d[[1]]
    except TypeError as e:
        print(op, "TypeError", e)
try:
    del d[(1, [2])]
except TypeError as e:
    print("TypeError", e)
print(d)

# Keys equal across types: 1, 1.0 and True are one key.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, d[1], d[1.0])
del d[True]
print(d)


class Key:
    def __init__(self, v, victim=None):
        self.v = v
        self.victim = victim

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if self.victim is not None:
            victim = self.victim
            self.victim = None
            victim.clear()
            print("cleared during __eq__")
        return isinstance(other, Key) and other.v == self.v

    def __repr__(self):
        return "Key(%r)" % self.v


d = {Key(1): "one", Key(2): "two"}
print(d[Key(2)])
k = Key(3, d)
d[k] = "three"
print(d)
d = {Key(1): "one", Key(2): "two"}
try:
    del d[Key(2, d)]
except KeyError as e:
    print("KeyError", e)
print(d)
d = {Key(1): "one", Key(2): "two"}
print(d.get(Key(1, d)), d)


class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0


c = Counter()
for w in "a b a c b a".split():
    c[w] += 1
print(sorted(c.items()))


class Strict(dict):
    pass


s = Strict(x=1)
try:
    s["y"]
except KeyError as e:
    print("KeyError", e)

# Mutation during iteration after deletions.
d = dict.fromkeys(range(10))
for k in list(d):
    if k % 2:
        del d[k]
try:
    for k in d:
        d[k + 100] = None
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))
d = dict.fromkeys("abc")
try:
    for k in d:
        del d["c"]
        d["c"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(d)

# The stored key's __eq__ runs and clears the dict: the probe restarts.
for op in ("get", "load", "store", "del", "in"):
    k1 = Key(1)
    d = {k1: "one", Key(2): "two"}
    k1.victim = d
    try:
        if op == "get":
            print(op, d.get(Key(1)))
        elif op == "load":
            print(op, d[Key(1)])
        elif op == "store":
            d[Key(1)] = "uno"
            print(op, d)
        elif op == "del":
            del d[Key(1)]
            print(op, d)
        else:
            print(op, Key(1) in d)
    except KeyError as e:
        print(op, "KeyError", e)
    print(d)
