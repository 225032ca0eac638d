def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
f = frozenset('abc')
t(lambda: f.add('d'))
t(lambda: f.discard('a'))
t(lambda: f.__ior__({1}))
g = f
g |= {'z'}
t(lambda: (g is f, sorted(g), sorted(f)))
t(lambda: hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
t(lambda: hash(frozenset()) == hash(frozenset([])))
t(lambda: sorted(frozenset([3, 1]).union([2])))
t(lambda: type(frozenset([1]).union()).__name__)
t(lambda: type(frozenset([1]) - set()).__name__)
t(lambda: type(set([1]) - frozenset()).__name__)
t(lambda: frozenset(frozenset([1])))
t(lambda: frozenset.__new__(frozenset, [1]))
t(lambda: frozenset.__new__(set))
t(lambda: frozenset([1]).__reduce__())
t(lambda: {1, 2}.__reduce__())
t(lambda: frozenset().__class_getitem__(int))
t(lambda: set[int])
t(lambda: frozenset(range(5)) & frozenset(range(3, 8)))
t(lambda: hash(frozenset(range(100))))
t(lambda: hash(frozenset(['a'])) == hash(frozenset(['a'])))
t(lambda: hash(frozenset([frozenset()])))
