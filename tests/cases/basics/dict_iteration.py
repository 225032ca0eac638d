d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k.upper(), v * 10)
for v in d.values():
    print(v)
print(sorted(d, key=d.get), max(d, key=len), {v: k for k, v in d.items()})
inv = {}
for k, v in d.items():
    inv.setdefault(v % 2, []).append(k)
print(inv)
print(list(zip(d, d.values())), dict(zip(d.values(), d)))
keys = list(d)
for k in keys:
    if d[k] % 2:
        del d[k]
print(d)
