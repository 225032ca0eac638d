def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: sum([1, 2, 3]))
t(lambda: sum([1, 2, 3], 10))
t(lambda: sum([1, 2], start=5))
t(lambda: sum([]))
t(lambda: sum([0.1] * 10))
t(lambda: sum([1, 2.5, 3]))
t(lambda: sum([[1], [2]], []))
t(lambda: sum(['a', 'b'], ''))
t(lambda: sum([b'a'], b''))
t(lambda: sum([bytearray(b'a')], bytearray()))
t(lambda: sum([1, 'a']))
t(lambda: sum())
t(lambda: sum(1))
t(lambda: sum([1], 2, 3))
t(lambda: sum([2**62, 2**62, 2**62]))
t(lambda: sum([1e308, 1e308]))
t(lambda: sum([1j, 2]))
t(lambda: sum([True, True]))
t(lambda: sum(range(101)))
t(lambda: sum([0.5, 2**100]))
t(lambda: any([]))
t(lambda: all([]))
t(lambda: any([0, '', None, 3]))
t(lambda: all([1, 'a', []]))
t(lambda: any(1))
t(lambda: all())
t(lambda: any(x > 2 for x in range(5)))
class B:
    def __bool__(self):
        return 2
t(lambda: any([B()]))
class B2:
    def __bool__(self):
        raise ValueError('b')
t(lambda: all([B2()]))
class L0:
    def __len__(self):
        return 0
t(lambda: any([L0()]))
