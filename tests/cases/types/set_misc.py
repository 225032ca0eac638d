def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
s = {1, 2, 3}
t(lambda: s.pop() in (1, 2, 3))
t(lambda: len(s))
t(lambda: s.__len__())
t(lambda: s.__contains__(2))
t(lambda: s.__iand__({2}))
t(lambda: s.__isub__(1))
t(lambda: s.__ixor__({9}))
t(lambda: s.__and__(1))
t(lambda: s.__rand__({2, 9}))
t(lambda: s.__ror__({7}))
t(lambda: s.__rxor__({7}))
t(lambda: set.__init__(s, 1))
t(lambda: {x % 3 for x in range(10)})
t(lambda: {*'ab', *[1]} == {'a', 'b', 1})
t(lambda: set.add.__doc__)
t(lambda: set.__new__(set, [1, 2]))
t(lambda: frozenset.union.__qualname__)
big = set(range(10000))
t(lambda: len(big & set(range(5000, 20000))))
t(lambda: big.isdisjoint(range(-5, 0)))
t(lambda: min(big), )
class BH:
    def __hash__(self):
        raise TypeError('bh')
t(lambda: BH() in {1})
t(lambda: {1}.discard(BH()))
