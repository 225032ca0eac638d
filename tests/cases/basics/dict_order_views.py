d = {}
for k in [5, 3, 9, 1]:
    d[k] = k * k
print(d)
del d[3]
d[3] = 0
print(d)
d[5] = "new"
print(d, list(d))
keys, vals, items = d.keys(), d.values(), d.items()
d[7] = 49
print(keys, vals, items, len(keys))
print(keys & {1, 7, 100}, keys | {0}, keys - {5}, 5 in keys, (1, 1) in items)
print(reversed(d).__class__.__name__, list(reversed(d)), list(reversed(d.items())))
print({1: "a", 1.0: "b", True: "c"})
print({(1, 2): "t", "s": 1, None: 0, 2.5: 1})
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
print(dict(d.items()) == d, d == {k: d[k] for k in reversed(list(d))})
