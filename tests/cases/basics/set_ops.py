a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a, a.isdisjoint({9}))
print(a.union([7]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([1, 9]))
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,)); print(s, len(s))
s.discard(9); s.remove(1); print(s, s.pop(), s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
f = frozenset([1, 2, 2])
print(f, type(f).__name__, hash(f) == hash(frozenset({2, 1})), f | {3}, {3} | f)
print(set(), frozenset(), {frozenset()}, set("abca") == {"a", "b", "c"}, sorted({"b", "a"}))
print({x % 3 for x in range(10)}, set([1, 2]) == frozenset([1, 2]))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
c = {1, 2}
c |= {3}; c &= {2, 3}; c -= {9}; c ^= {4}
print(c)
