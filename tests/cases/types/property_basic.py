def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))
class A:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        """the x"""
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        print('deleting')
    @property
    def ro(self):
        return 1
a = A()
t(lambda: a.x)
a.x = 5
t(lambda: a.x)
del a.x
t(lambda: setattr(a, 'ro', 2))
t(lambda: delattr(a, 'ro'))
t(lambda: A.x.__doc__)
t(lambda: A.x.fget.__name__)
t(lambda: A.x.fset.__name__)
t(lambda: A.ro.fset)
t(lambda: A.x.__isabstractmethod__)
t(lambda: type(A.x).__name__)
p = property()
t(lambda: p.__get__(a))
t(lambda: p.__get__(None, A) is p)
t(lambda: p.__set__(a, 1))
t(lambda: p.__delete__(a))
t(lambda: property(1).__get__(a))
t(lambda: property(fget=len, doc='D').__doc__)
t(lambda: property(len).__doc__[:20])
t(lambda: property(1, 2, 3, 4, 5))
t(lambda: sorted(n for n in dir(p) if not n.startswith('__')))
class B:
    @property
    def boom(self):
        raise AttributeError('inner')
    def __getattr__(self, n):
        return 'getattr ' + n
t(lambda: B().boom)
class S(property):
    pass
class C:
    @S
    def q(self):
        "qdoc"
        return 3
t(lambda: C().q)
t(lambda: C.q.__doc__)
t(lambda: type(C.q.setter(lambda s, v: None)).__name__)
t(lambda: property(lambda s: 1).getter(lambda s: 2).__get__(1))
class N:
    @property
    def nm(self):
        return 1
t(lambda: hasattr(N.nm, '__set_name__'))
