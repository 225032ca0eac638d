def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
it = iter(lambda: 1, 1)
t(lambda: next(it))
c = iter([1, 2, 3, None, 5].pop, None)
t(lambda: list(c))
t(lambda: list(c))
t(lambda: c.__reduce__()[0].__name__)
t(lambda: iter(1, None))
def g():
    yield from range(3)
t(lambda: list(iter(g())))
t(lambda: iter(g()).__class__.__name__)
s = iter('abc')
t(lambda: type(s).__name__)
t(lambda: s.__length_hint__())
t(lambda: iter(b'ab').__class__.__name__)
t(lambda: iter(bytearray(b'ab')).__class__.__name__)
t(lambda: iter({1}).__class__.__name__)
t(lambda: iter(frozenset()).__class__.__name__)
t(lambda: iter(memoryview(b'a')).__class__.__name__)
import operator
t(lambda: operator.length_hint([1, 2, 3]))
t(lambda: operator.length_hint(iter(range(7))))
t(lambda: operator.length_hint(iter(range(7)), 3))
t(lambda: operator.length_hint(x for x in 'a'))
t(lambda: operator.length_hint(object(), 4))
class LH:
    def __length_hint__(self):
        return -1
t(lambda: operator.length_hint(LH()))
t(lambda: list(zip(range(3), iter('abcdef'))))
t(lambda: [x for x in iter(lambda: 5, 5)])
