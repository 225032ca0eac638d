def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: len())
t(lambda: len(1))
t(lambda: len([], []))
t(lambda: len(x=1))
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
t(lambda: len(L(5)))
t(lambda: len(L(-1)))
t(lambda: len(L(2**70)))
t(lambda: len(L('x')))
t(lambda: len(L(True)))
t(lambda: len(L(5.0)))
t(lambda: iter(1))
t(lambda: iter())
t(lambda: iter(1, 2))
t(lambda: iter(1, 2, 3))
t(lambda: type(iter(lambda: 1, 1)).__name__)
n = iter([1, 2, 3, 4].pop, 2)
t(lambda: list(n))
t(lambda: next(iter([])))
t(lambda: next(iter([]), 'd'))
t(lambda: next([]))
t(lambda: next())
t(lambda: next(1, 2, 3))
class G:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * i
t(lambda: list(iter(G())))
t(lambda: type(iter(G())).__name__)
class NI:
    def __iter__(self):
        return 5
t(lambda: iter(NI()))
class NN:
    __iter__ = None
t(lambda: iter(NN()))
t(lambda: list(NN()))
class IT:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(7)
t(lambda: list(IT()))
t(lambda: next(IT()))
t(lambda: next(IT(), 0))
