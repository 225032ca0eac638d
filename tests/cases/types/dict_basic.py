def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
d = {'a': 1, 'b': 2}
t(lambda: d['a'])
t(lambda: d['zz'])
t(lambda: d[[1]])
t(lambda: {[1]: 2})
t(lambda: d.get('a'))
t(lambda: d.get('x'))
t(lambda: d.get('x', 5))
t(lambda: d.get())
t(lambda: d.get(1, 2, 3))
t(lambda: len(d))
t(lambda: 'a' in d)
t(lambda: [] in d)
t(lambda: d == {'b': 2, 'a': 1})
t(lambda: d != {'a': 1})
t(lambda: d < d)
t(lambda: repr({}))
t(lambda: repr({1: {2: [3]}}))
r = {}
r['self'] = r
print(r)
t(lambda: dict(a=1, b=2))
t(lambda: dict([(1, 2), (3, 4)], x=5))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict([1]))
t(lambda: dict(1))
t(lambda: dict({}, {}))
t(lambda: dict(zip('abc', range(3))))
t(lambda: hash({}))
t(lambda: bool({}))
t(lambda: bool({0: 0}))
t(lambda: dict.__hash__)
