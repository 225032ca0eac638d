def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
class A:
    x = 1
a = A()
t(lambda: getattr(a, 'x'))
t(lambda: getattr(a, 'y'))
t(lambda: getattr(a, 'y', 5))
t(lambda: getattr(a, 1))
t(lambda: getattr(a))
t(lambda: getattr(a, 'x', 1, 2))
t(lambda: setattr(a, 'y', 2))
t(lambda: a.y)
t(lambda: setattr(a, 2, 2))
t(lambda: setattr(a, 'y'))
t(lambda: hasattr(a, 'y'))
t(lambda: hasattr(a, 'q'))
t(lambda: hasattr(a, 1))
t(lambda: delattr(a, 'y'))
t(lambda: delattr(a, 'y'))
t(lambda: delattr(a, 3))
t(lambda: delattr(1, 'real'))
t(lambda: setattr(1, 'real', 2))
t(lambda: setattr(1, 'foo', 2))
t(lambda: getattr(1, 'foo'))
class R:
    def __getattr__(self, n):
        if n == 'boom':
            raise ValueError('boom')
        raise AttributeError(n)
t(lambda: hasattr(R(), 'boom'))
t(lambda: hasattr(R(), 'no'))
t(lambda: getattr(R(), 'no', 'dflt'))
t(lambda: getattr(A, 'x'))
t(lambda: setattr(A, 'z', 3))
t(lambda: A.z)
t(lambda: setattr(int, 'z', 3))
t(lambda: delattr(int, 'real'))
t(lambda: setattr(a, 'x' * 3, 1))
class S(str):
    pass
t(lambda: getattr(a, S('x')))
try:
    a.missing
except AttributeError as e:
    print(e.name, e.obj is a)
