def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
class A:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = 2
a = A()
t(lambda: vars(a))
t(lambda: vars(1))
t(lambda: vars(a, a))
t(lambda: type(vars(A)).__name__)
t(lambda: sorted(k for k in vars(A) if not k.startswith('__')))
t(lambda: [n for n in dir(a) if not n.startswith('__')])
t(lambda: dir(1, 2))
class D:
    def __dir__(self):
        return ['z', 'a', 'm']
t(lambda: dir(D()))
class D2:
    def __dir__(self):
        return 5
t(lambda: dir(D2()))
class D3:
    def __dir__(self):
        return ('b', 'a')
t(lambda: dir(D3()))
import types
m = types.ModuleType('mm')
m.q = 1
t(lambda: dir(m))
t(lambda: [n for n in dir(A) if not n.startswith('__')])
class B(A):
    b = 2
t(lambda: [n for n in dir(B) if not n.startswith('__')])
def f():
    x = 1
    y = 2
    return sorted(dir())
t(f)
def g():
    q = 5
    return vars()
t(g)
class S:
    __slots__ = ('p',)
t(lambda: vars(S()))
t(lambda: dir(S()) == sorted(dir(S())))
t(lambda: 'p' in dir(S()))
t(lambda: sorted(dir(type)) == dir(type))
