def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: dict.fromkeys('abc', 0))
t(lambda: dict.fromkeys({'x': 1, 'y': 2}))
t(lambda: dict.fromkeys({3, 1, 2}))
t(lambda: dict.fromkeys(range(3), None))
t(lambda: dict.fromkeys([[1]]))
t(lambda: dict.fromkeys('ab', 1, 2))
t(lambda: {}.fromkeys('q'))
import collections
t(lambda: collections.OrderedDict.fromkeys('ba'))
t(lambda: collections.Counter.fromkeys if False else 'skip')
d = dict.fromkeys(['k'] * 3)
t(lambda: d)
t(lambda: dict.fromkeys(x for x in 'zyx'))
t(lambda: list(dict.fromkeys('mississippi')))
