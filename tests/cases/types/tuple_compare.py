def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: (1, 2) < (1, 3))
t(lambda: (1, 2) < (1,))
t(lambda: () < (1,))
t(lambda: (1, 2) == (1, 2))
t(lambda: (1, 'a') == (1, 'a'))
t(lambda: (1, 2) > (1, 'a'))
t(lambda: (1,) < [1])
t(lambda: (1,).__lt__([1]))
t(lambda: (1, 2) >= (1, 2))
t(lambda: ((1, 2), 3) < ((1, 3), 0))
t(lambda: (float('nan'),) < (1,))
t(lambda: (1, 2) in [(1, 2)])
t(lambda: (1, 2) in {(1, 2): 0})
t(lambda: sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
t(lambda: max([(1, 2), (1, 3), (0, 9)]))
t(lambda: (1, 2) + ())
t(lambda: repr(((1, 2), [3], {4: 5})))
t(lambda: str(('a', "b'c", 'd"e')))
t(lambda: (1, 2).__contains__(2))
t(lambda: (1, 2).__getitem__(slice(None)))
t(lambda: tuple.__new__(tuple, [1, 2]))
t(lambda: tuple.__new__(list))
class T(tuple):
    pass
t(lambda: tuple.__new__(T, 'ab'))
t(lambda: T('ab') == ('a', 'b'))
t(lambda: T('ab') < ('a', 'c'))
