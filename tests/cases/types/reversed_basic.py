def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: list(reversed([1, 2, 3])))
t(lambda: list(reversed((1, 2, 3))))
t(lambda: list(reversed('abc')))
t(lambda: list(reversed(range(5))))
t(lambda: list(reversed({'a': 1, 'b': 2})))
t(lambda: reversed({1, 2}))
t(lambda: reversed(1))
t(lambda: reversed())
t(lambda: reversed([], []))
t(lambda: reversed(iter([1])))
t(lambda: reversed(seq=[1]))
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
r = reversed(S())
t(lambda: type(r).__name__)
t(lambda: r.__length_hint__())
t(lambda: next(r))
t(lambda: list(r))
t(lambda: r.__length_hint__())
class R:
    def __reversed__(self):
        return iter('zyx')
t(lambda: list(reversed(R())))
class N:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
t(lambda: reversed(N()))
class BL:
    def __len__(self):
        return -1
    def __getitem__(self, i):
        return i
t(lambda: reversed(BL()))
r = reversed('abc')
t(lambda: r.__reduce__()[1:])
r.__setstate__(0)
t(lambda: list(r))
t(lambda: reversed.__name__)
t(lambda: sorted(n for n in dir(reversed('a')) if n not in dir(object)))
