def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
s = slice(1, 10, 2)
t(lambda: s)
t(lambda: (s.start, s.stop, s.step))
t(lambda: slice(5))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(x=1))
t(lambda: s.indices(5))
t(lambda: s.indices(100))
t(lambda: slice(None, None, -1).indices(10))
t(lambda: slice(-100, 100).indices(10))
t(lambda: slice(None, None, 0).indices(10))
t(lambda: slice(0, 10).indices(-1))
t(lambda: slice(0, 10).indices('a'))
t(lambda: slice('a', 'b').indices(5))
t(lambda: slice(2**100, -2**100, -2**80).indices(10))
t(lambda: slice(1, 2) == slice(1, 2))
t(lambda: slice(1, 2) < slice(1, 3))
t(lambda: hash(slice(1)))
t(lambda: slice([], {}, 'x'))
t(lambda: sorted(x for x in dir(slice(1)) if not x.startswith('__')))
t(lambda: s.__reduce__())
t(lambda: [0, 1, 2, 3][slice(None, None, -2)])
t(lambda: 'abcdef'[slice(1, None, 2)])
class I:
    def __index__(self):
        return 3
t(lambda: slice(I(), None).indices(10))
t(lambda: slice(1.5).indices(10))
class G:
    def __getitem__(self, k):
        return k
g = G()
t(lambda: g[1:2])
t(lambda: g[1:2, 3])
t(lambda: g[::])
t(lambda: g[...])
t(lambda: g[:, :])
