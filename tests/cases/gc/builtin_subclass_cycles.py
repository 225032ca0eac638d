# Instances of subclasses of immutable built-in types (str, bytes, int,
# float, complex, tuple, frozenset) are tracked and collected in cycles
# through their __dict__ (enum members are such instances).
import gc
import weakref

gc.disable()
gc.collect()


class Marker:
    pass


class S(str):
    pass


class B(bytes):
    pass


class I(int):
    pass


class F(float):
    pass


class C(complex):
    pass


class T(tuple):
    pass


class FS(frozenset):
    pass


for cls, arg in [(S, "s"), (B, b"b"), (I, 5), (F, 1.5), (C, 2j), (T, (1,)), (FS, [1])]:
    o = cls(arg)
    print(cls.__name__, gc.is_tracked(o))
    o.me = o
    o.marker = Marker()
    r = weakref.ref(o.marker)
    del o
    n = gc.collect()
    print(" collected", n >= 1, r() is None)


class Color(str):
    def __new__(cls, v):
        self = str.__new__(cls, v)
        self._value_ = v
        return self


members = [Color(c) for c in "rgb"]
for m in members:
    m.family = members
refs = [weakref.ref(m) for m in members]
del members, m
gc.collect()
print([r() is None for r in refs])
