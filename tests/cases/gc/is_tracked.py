# is_tracked: atomic objects are never tracked, containers are; tuples and
# dicts that hold only atomic objects are untracked.
import gc

gc.disable()
gc.collect()

for obj in [0, 10**40, 1.5, 2j, "s", b"b", None, True, Ellipsis, bytearray(b"x"), range(3)]:
    print(type(obj).__name__, gc.is_tracked(obj))


class A:
    pass


class S:
    __slots__ = ()


def f():
    pass


for obj in [[], [1], set(), frozenset([1]), A(), S(), A, f, f.__code__, iter([])]:
    print(type(obj).__name__, gc.is_tracked(obj))

print("empty dict", gc.is_tracked({}))
print("atomic dict", gc.is_tracked({"a": 1, 2: "b"}))
print("dict with list", gc.is_tracked({"a": []}))
d = {"a": []}
d["a"] = 1
print("dict after replacing", gc.is_tracked(d))
gc.collect()
print("dict after collect", gc.is_tracked(d))
d["x"] = [1]
print("dict with list again", gc.is_tracked(d))

print("empty tuple", gc.is_tracked(()))
t = tuple([1, "two", 3.0])
print("new atomic tuple", gc.is_tracked(t))
gc.collect()
print("atomic tuple after collect", gc.is_tracked(t))
t2 = tuple([1, []])
gc.collect()
print("tuple with list after collect", gc.is_tracked(t2))
t3 = tuple([1, (2, 3)])
gc.collect()
print("nested atomic after collect", gc.is_tracked(t3), gc.is_tracked(t3[1]))
