def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(type(r).__name__, sorted(r) if isinstance(r, (set, frozenset)) else r)
a = {1, 2, 3, 4}
b = {3, 4, 5}
t(lambda: a | b)
t(lambda: a & b)
t(lambda: a - b)
t(lambda: a ^ b)
t(lambda: a | [5])
t(lambda: a.union([5], (6,), 'x' and [7]))
t(lambda: a.intersection([3], [3, 4]))
t(lambda: a.intersection())
t(lambda: a.difference([1], {2}))
t(lambda: a.symmetric_difference([1, 9]))
t(lambda: a.symmetric_difference([1], [2]))
t(lambda: a.issubset([1, 2, 3, 4, 5]))
t(lambda: a.issuperset([1]))
t(lambda: a.isdisjoint([9]))
t(lambda: a.isdisjoint(1))
t(lambda: frozenset(a) | b)
t(lambda: b | frozenset(a))
t(lambda: frozenset(a).union(b))
t(lambda: frozenset(a) & [1])
c = set(a)
c |= {10}
c &= {1, 10, 2}
c -= {2}
c ^= {3, 1}
t(lambda: c)
t(lambda: c.update([20], [21]))
t(lambda: c.intersection_update([20, 3], {3, 20, 21}))
t(lambda: c.difference_update([3]))
t(lambda: c.symmetric_difference_update([5, 20]))
t(lambda: c)
t(lambda: c.update(1))
def g():
    x = set()
    x |= [1]
t(g)
t(lambda: a - 1)
t(lambda: a.__sub__(1))
t(lambda: a.__rsub__({9}) if hasattr(a, '__rsub__') else 'none')
t(lambda: a.__ior__({99}))
