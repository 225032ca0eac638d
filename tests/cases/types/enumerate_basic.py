def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
t(lambda: list(enumerate('abc')))
t(lambda: list(enumerate('abc', 5)))
t(lambda: list(enumerate('abc', start=-2)))
t(lambda: list(enumerate('ab', 2**63 - 1)))
t(lambda: list(enumerate('ab', 2**100)))
t(lambda: enumerate())
t(lambda: enumerate(1))
t(lambda: enumerate('a', 1.5))
t(lambda: enumerate('a', 'x'))
t(lambda: enumerate('a', 1, 2))
t(lambda: enumerate(iterable='ab', start=1).__next__())
t(lambda: enumerate(x='ab'))
e = enumerate('xyz')
t(lambda: next(e))
t(lambda: e.__reduce__()[1][1:])
t(lambda: iter(e) is e)
t(lambda: list(e))
t(lambda: next(e))
t(lambda: enumerate[int])
class I:
    def __index__(self):
        return 3
t(lambda: list(enumerate('ab', I())))
t(lambda: type(enumerate('a')).__name__)
t(lambda: sorted(n for n in dir(enumerate('a')) if n not in dir(object)))
