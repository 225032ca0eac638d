import sys
for v in [0, 1, 2 ** 30, 2 ** 60, 2 ** 100, -1, True, 1.5, "", "a", "abc", "é", "日本", b"", b"abc",
          (), (1,), (1, 2, 3), [], [1, 2], {}, {1: 2}, set(), {1}, frozenset(), None, range(10),
          1j, bytearray(), object()]:
    print(type(v).__name__, repr(v)[:20] if not isinstance(v, object) or type(v) is not object else "object", sys.getsizeof(v))
l = []
sizes = []
for i in range(20):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
print(sys.getsizeof([0] * 10), sys.getsizeof(list(range(10))), sys.getsizeof("x" * 100))
class C:
    pass
class S:
    __slots__ = ("a", "b")
print(sys.getsizeof(C()), sys.getsizeof(S()), sys.getsizeof(1, "default"))
