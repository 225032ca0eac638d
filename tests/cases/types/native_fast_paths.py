# Native fast paths of the container and text types: list.sort on all-int,
# all-float and all-str keys (CPython's pre-scan), str.split/splitlines/join
# on 1-byte strs, int and float formatting, dicts with int keys.
import random
random.seed(7)
a = [random.randint(-50, 50) for _ in range(500)] + [2**70, -2**65]
print(sorted(a)[:5], sorted(a)[-3:], sorted(a, reverse=True)[:3])
f = [random.random() for _ in range(300)] + [float('nan'), float('inf'), -0.0, 0.0]
s1 = sorted(f); print(s1[:3], s1[-3:])
s = ["s%d" % random.randint(0, 1000) for _ in range(300)] + ["é", "\u1234x", "😀", ""]
print(sorted(s)[:5], sorted(s)[-4:])
# stability with keys
pairs = [(random.randint(0, 5), i) for i in range(200)]
print(sorted(pairs, key=lambda p: p[0])[:10])
print(sorted(range(20), key=lambda v: v % 3))
print(sorted([3, 1.5, 2, True, 0]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError", e)
l = list(range(10, 0, -1))
def k(v):
    l.append(1)
    return v
try:
    l.sort(key=k)
except ValueError as e:
    print("ValueError", e, l)
class S(str): pass
print(sorted([S("b"), "a", S("c")]))
class I(int):
    def __lt__(self, o): return int(self) > int(o)
print(sorted([I(1), I(3), I(2)]))
print(sorted([1, I(3), 2]))
print(sorted([0.5, 1, -2]))
print(sorted([[2], [1]]))
x = [1e308, -1e308, 5e-324]; x.sort(reverse=True); print(x)
print("a,b,,c".split(","), "a<>b<><>c<".split("<>"), " a  b\tc\n".split(), "x".split("xx"), "".split(","), "".split())
print("aXbXc".split("X", 1), " a b c ".split(None, 1), "é b\xa0c".split(), "\u1234 a\u2028b".split())
print("a\nb\r\nc\rd\x0be\x1cf\x85g".splitlines(), "a\nb\r\n".splitlines(True), "".splitlines(), "\xe9\n\xff".splitlines())
print("-".join(["a", "é", "b"]), "".join([]), ",".join(("x",)), "ü".join(["a","b"]), "\u1234".join(["a", "b"]), "-".join(["\u1234", "x"]))
print("-".join(("a", "b")), "".join(x for x in "abc"))
try: "-".join(["a", 1])
except TypeError as e: print(e)
try: "-".join(("a", 1))
except TypeError as e: print(e)
class S(str): pass
print(type("-".join([S("a")])), "-".join([S("a"), "b"]))
print("{} {:>5} {:.2f} {:x} {:08d} {!r} {:e}".format(1, "ab", 2.5, 255, -42, "q", 12.5))
print(f"{3} {2.5:.3f} {'s':^5} {-0.0:.1f} {1e300:.2f}", "%d %s %.1f %r" % (1, "a", 2.25, "b"))
print("ab\xe9".upper(), "x\u1234".encode(), "abc".find("bc"), "abc".find(""), "abc".find("c", 5), "aaa".count("a"), "a\xe9b".find("\xe9b"))
import sys
print(sys.getsizeof("abc"), sys.getsizeof("\xe9"), sys.getsizeof("\u1234"))
d = {}
for i in range(1000): d[i * 7919] = i
for i in range(0, 1000, 2): del d[i * 7919]
print(len(d), sum(d.values()), d.get(7919), d.get(2**70), list(d)[:5])
d[2**70] = 1; d[-1] = 2; d[True] = 3; print(d[2**70], d[-1], d[1], hash(-1), hash(2**61), hash(-2**61), hash(2**61-2))
print({1: 'a', 1.0: 'b'}, {2**64: 1}[2**64])
# int formatting without BigInt, and bare '.Nf' floats
for v in [0, 1, -1, -255, 2**63 - 1, -2**63, 2**63, -(2**100), True]:
    print([format(v, sp) for sp in ("", "x", "#X", "08d", ",d", "_b", "+d", ">6")],
          "%d %x %#o %+05d %.3d" % (v, v, v, v, v))
for v in [0.0, -0.0, 0.5, -2.25, 12345.5, 1 - 2**-53, 0.1, 2.675, 4503599627370495.5, 1e300]:
    print([format(v, ".%df" % p) for p in (0, 1, 2, 3, 6, 15, 17)], "%.2f|%.0f" % (v, v), f"{v:.3F}")
