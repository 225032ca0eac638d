def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: {1: 2} == {1: 2})
t(lambda: {1: 2} == {1: 3})
t(lambda: {1: 2} == {2: 2})
t(lambda: {} == {})
t(lambda: {1: [1]} == {1: [1]})
t(lambda: {1: 2} < {1: 3})
t(lambda: {1: 2} >= {})
t(lambda: {} == [])
t(lambda: {1: 2}.__eq__([]))
t(lambda: {1: 2}.__lt__({}))
t(lambda: {'a': float('nan')} == {'a': float('nan')})
n = float('nan')
t(lambda: {'a': n} == {'a': n})
t(lambda: [n] == [n])
t(lambda: (n,) == (n,))
t(lambda: {n} == {n})
class E:
    def __eq__(self, o):
        raise RuntimeError('cmp')
t(lambda: {1: E()} == {1: E()})
t(lambda: {1: 1, 2: 2} == {2: 2, 1: 1})
import collections
t(lambda: collections.OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
t(lambda: collections.OrderedDict(a=1, b=2) == collections.OrderedDict(b=2, a=1))
