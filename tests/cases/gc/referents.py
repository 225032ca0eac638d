# get_referents: what tp_traverse visits.
import gc


class A:
    __slots__ = ("x", "y")


print(gc.get_referents([1, "a", None]))
print(gc.get_referents((1, 2.5)))
print(gc.get_referents({"k": "v", "k2": 5}))
print(sorted(map(repr, gc.get_referents({1: 2, 3: 4}))))
print(gc.get_referents(frozenset(["only"])))
print(gc.get_referents(1, "atomic", 2.0))
print(len(gc.get_referents([1], [2, 3], (4,))))
a = A()
a.x = "ex"
a.y = "why"
refs = gc.get_referents(a)
print("ex" in refs, "why" in refs, A in refs)
print(gc.get_referents())
