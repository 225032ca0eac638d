def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
a, b = {1, 2}, {1, 2, 3}
t(lambda: (a < b, a <= b, a > b, a >= b, a == b, a != b))
t(lambda: (b < a, b <= a, b > a, b >= a))
t(lambda: ({1} < {2}, {1} > {2}, {1} == {2}))
t(lambda: a == frozenset(a))
t(lambda: frozenset(a) == a)
t(lambda: a == [1, 2])
t(lambda: a.__lt__([1]))
t(lambda: a < [1])
t(lambda: a.issubset(b), )
t(lambda: a.issubset(x for x in range(5)))
t(lambda: a.issuperset('ab'))
t(lambda: a.issubset(1))
t(lambda: set().issubset([]))
t(lambda: sorted([{1, 2}, {1}, {3}], key=len))
t(lambda: {frozenset({1}), frozenset({1})})
t(lambda: frozenset([1, 2]) in {frozenset([2, 1]): 'x'})
t(lambda: {1, 2}.__eq__(1))
t(lambda: {1, 2}.__le__({1, 2}))
