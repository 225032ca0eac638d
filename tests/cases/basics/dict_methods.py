d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "dflt"), d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d.update({"x": 9}, y=10); d.update([("z", 11)]); print(d)
print(d.popitem(), d)
e = d.copy(); e.clear(); print(e, d == e)
print(dict.fromkeys("abc", 0), dict(a=1, b=2), dict([(1, 2)]), dict(zip("xy", [1, 2])))
print({**d, "a": 0}, d | {"q": 1}, {1: 2} | {1: 3})
d |= {"w": 1}; print(d)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
del d["a"]
print(d, sorted(d), dict(sorted(d.items(), key=lambda kv: str(kv[1]))))
