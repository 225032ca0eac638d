# __slots__ instances have no __dict__: only the instances themselves are
# collected.
import gc

gc.disable()
gc.collect()


class S:
    __slots__ = ("a", "b")


s = S()
s.a = s
del s
print("self", gc.collect())

s1 = S()
s2 = S()
s1.a = s2
s2.b = s1
del s1, s2
print("pair", gc.collect())

nodes = [S() for _ in range(20)]
for i, n in enumerate(nodes):
    n.a = nodes[i - 1]
    n.b = i
del nodes, n
print("ring", gc.collect())


class T(S):
    __slots__ = ("c",)


t = T()
t.c = [t]
t.a = None
del t
print("subclass", gc.collect())
